"""The `vanban` command: a thin dispatcher over `pipeline/commands/` (one module per sub-command).

    vanban parse FILE                    JSON of one document on stdout
    vanban parse PATH... -o OUTDIR       a batch: one JSON per document + OUTDIR/_report.json
    vanban schema                        the JSON Schema of the output
    vanban eval [CORPUS]                 scores against the hand-checked expectations
    vanban check PATH...                 self-check rates over a batch (no gold needed)
    vanban export PATH... -f FMT -o OUT  tasks as xlsx/csv/ics/jsonl, documents as Akoma Ntoso
    vanban --version
    vanban ingest PATH... [--db URL]     parse and store in the registry (default: vanban.db)
    vanban refs IDENTIFIER               what cites a document, what it cites
    vanban tasks [--body NAME] [--status S]   tasks across the registry
    vanban audit [--format json|html|csv]     findings over the registry
    vanban db upgrade                    migrate an older registry
"""
from __future__ import annotations

import argparse
import sys

from .commands import add_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="vanban",
        description="Turn Vietnamese administrative documents (PDF, DOCX, HTML, text) into contract JSON.")
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", required=True)
    add_all(sub)
    args = parser.parse_args(argv)
    return args.run(args)


class _Version(argparse.Action):
    """`--version`, read from the installed metadata only when asked (importlib.metadata
    scans the installed distributions: a cost every other command would pay)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"vanban {_version()}")          # on stdout, as argparse's own version action
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("vanban")
    except PackageNotFoundError:      # run from a source tree that was never installed
        return "unknown (not installed)"


if __name__ == "__main__":
    sys.exit(main())
