"""`vanban parse`: one document to stdout, or a batch into a folder."""
from __future__ import annotations

import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser("parse", help="parse documents into JSON",
                       description="Parse one file to stdout, or files and folders into OUTDIR (-o). "
                                   "A batch goes on past bad files, lists every input in OUTDIR/_report.json "
                                   "and exits 1 if any file failed.")
    p.add_argument("paths", nargs="+", help="files or folders (folders are walked recursively); "
                                            "- reads one document from standard input")
    p.add_argument("-o", "--output", metavar="OUTDIR", help="write one JSON per document here")
    p.add_argument("-w", "--workers", type=int, default=None, help="parallel processes (default: number of cores)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.set_defaults(run=run)


def run(args) -> int:
    if args.output is None:
        return _parse_single(args)
    return _parse_batch(args)


def _parse_single(args) -> int:
    from ..errors import VanbanError

    if len(args.paths) != 1 or Path(args.paths[0]).is_dir():
        print("vanban parse: give -o OUTDIR to parse several files or a folder", file=sys.stderr)
        return 2
    from .. import parse
    from ..emit import to_json
    path = args.paths[0]
    try:
        document = parse(sys.stdin.buffer, name="-") if path == "-" else parse(path)
        sys.stdout.write(to_json(document))
    except VanbanError as exc:
        print(f"vanban: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:                  # unreadable: permissions, a device, ...
        print(f"vanban: error: {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def _parse_batch(args) -> int:
    from ..batch import collect_inputs, parse_many

    inputs = collect_inputs(args.paths)
    if not inputs:
        print(f"vanban parse: no files found in {' '.join(args.paths)}", file=sys.stderr)
        return 1
    bar = None
    if sys.stderr.isatty() and not args.no_progress:
        from tqdm import tqdm
        bar = tqdm(total=len(inputs), unit="doc", file=sys.stderr)

    def progress(entry):
        if bar is not None:
            bar.update(1)
            if entry.status != "ok":
                bar.write(f"error: {entry.input}: {entry.error}", file=sys.stderr)
        elif entry.status != "ok":
            print(f"error: {entry.input}: {entry.error}", file=sys.stderr)

    report = parse_many(inputs, Path(args.output), workers=args.workers, progress=progress)
    if bar is not None:
        bar.close()
    ok = len(report.entries) - len(report.failed)
    print(f"{ok} of {len(report.entries)} documents parsed into {args.output}"
          f" ({len(report.failed)} failed; see {Path(args.output) / '_report.json'})", file=sys.stderr)
    return 1 if report.failed else 0
