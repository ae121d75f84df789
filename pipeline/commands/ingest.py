"""`vanban ingest`: parse documents and store them in the registry."""
from __future__ import annotations

import sys

from ..batch.options import add_limit_options, limits_from
from ._registry import add_db_option, open_db


def add_parser(sub) -> None:
    p = sub.add_parser("ingest", help="parse documents and store them in the registry",
                       description="Parse files and folders as `vanban parse` does and store every document "
                                   "(versions linked, unchanged files skipped). Exits 1 if any file failed.")
    p.add_argument("paths", nargs="+", help="files or folders (folders are walked recursively)")
    add_db_option(p)
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.add_argument("-w", "--workers", type=int, default=None,
                   help="parallel processes (default: number of cores; never more than cores or inputs)")
    add_limit_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    engine = open_db(args, "ingest")
    if engine is None:
        return 1
    from vanban.store.ingest import ingest
    bar = None
    if sys.stderr.isatty() and not args.no_progress:
        from tqdm import tqdm
        bar = tqdm(unit="doc", file=sys.stderr)

    def progress(entry):
        if bar is not None:
            bar.update(1)
        if entry.status == "error":
            (bar.write if bar is not None else print)(f"error: {entry.input}: {entry.error}", file=sys.stderr)

    report = ingest(args.paths, engine, workers=args.workers, progress=progress, limits=limits_from(args))
    if bar is not None:
        bar.close()
    if not report.entries:
        print(f"vanban ingest: no files found in {' '.join(args.paths)}", file=sys.stderr)
        return 1
    print(f"{len(report.entries)} files: {report.count('new')} new, {report.count('new_version')} new versions, "
          f"{report.count('unchanged')} unchanged, {len(report.failed)} failed "
          f"(registry {engine.url.render_as_string(hide_password=True)})", file=sys.stderr)
    return 1 if report.failed else 0
