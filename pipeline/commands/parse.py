"""`vanban parse`: one document to stdout, or a batch into a folder."""
from __future__ import annotations

import sys
from pathlib import Path

from ..batch.options import add_batch_options


def add_parser(sub) -> None:
    p = sub.add_parser("parse", help="parse documents into JSON",
                       description="Parse one file to stdout, or files and folders into OUTDIR (-o). "
                                   "A batch goes on past bad files, lists every input in OUTDIR/_report.json "
                                   "and exits 1 if any file failed (130 if stopped by Ctrl-C). Each document is bounded "
                                   "in time and memory: see the limits below.")
    p.add_argument("paths", nargs="+", help="files or folders (folders are walked recursively); "
                                            "- reads one document from standard input")
    p.add_argument("-o", "--output", metavar="OUTDIR", help="write one JSON per document here")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    add_batch_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    if args.output is None:
        return _parse_single(args)
    return _parse_batch(args)


def _parse_single(args) -> int:
    """One file to stdout; any failure is one line on stderr (the batch's wording), exit 1."""
    if len(args.paths) != 1 or Path(args.paths[0]).is_dir():
        print("vanban parse: give -o OUTDIR to parse several files or a folder", file=sys.stderr)
        return 2
    from ..batch.job import parse_entry
    from ..batch.options import limits_from
    from ..limits import use
    use(limits_from(args))
    if args.paths[0] == "-":
        return _parse_stdin()
    entry, text = parse_entry(args.paths[0], "-")
    if text is None:
        label = "error" if entry.status == "error" else entry.status.replace("_", " ")
        print(f"vanban: {label}: {args.paths[0]}: {entry.error}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


def _parse_batch(args) -> int:
    from ..batch import collect_inputs, parse_many
    from ..batch.options import batch_kwargs

    out = Path(args.output)
    if out.exists() and not out.is_dir():
        print(f"vanban parse: {out} is a file; -o needs a folder", file=sys.stderr)
        return 2
    inputs = collect_inputs(args.paths, exclude=out)
    if not inputs:
        print(f"vanban parse: no files found in {' '.join(args.paths)}", file=sys.stderr)
        return 1
    bar = _bar(len(inputs), args)

    def progress(entry) -> None:
        if bar is not None:
            bar.finished(entry)
        elif entry.status != "ok":
            print(f"{entry.status}: {entry.input}: {entry.error}", file=sys.stderr)

    try:
        report = parse_many(inputs, out, progress=progress, started=bar.started if bar else None,
                            **batch_kwargs(args))
    except (ValueError, RuntimeError, OSError, ImportError) as exc:
        print(f"vanban parse: {exc}", file=sys.stderr)
        return 2
    finally:
        if bar is not None:
            bar.close()
    ok = len(report.entries) - len(report.failed)
    counts = ", ".join(f"{n} {s}" for s, n in sorted(report.counts().items()) if s not in ("ok", "error"))
    stopped = "stopped by Ctrl-C: " if report.interrupted else ""
    print(f"{stopped}{ok} of {len(report.entries)} documents parsed into {args.output}"
          f" ({len(report.failed)} failed{': ' + counts if counts else ''}; see {out / '_report.json'})", file=sys.stderr)
    if report.interrupted:
        return 130
    return 1 if report.failed else 0


def _bar(total: int, args):
    if not sys.stderr.isatty() or args.no_progress:
        return None
    from ._progress import BatchBar
    return BatchBar(total, sys.stderr)


def _parse_stdin() -> int:
    """`vanban parse -`: one document from standard input (the format sniffed from its bytes)."""
    from .. import parse
    from ..emit import to_json
    from ..errors import VanbanError
    try:
        sys.stdout.write(to_json(parse(sys.stdin.buffer, name="-")))
    except VanbanError as exc:
        print(f"vanban: error: {exc}", file=sys.stderr)
        return 1
    return 0
