"""`vanban export`: tasks as xlsx/csv/ics/jsonl, documents as Akoma Ntoso XML."""
from __future__ import annotations

import sys
from datetime import date

FORMATS = ("xlsx", "csv", "ics", "jsonl", "akn")     # vanban.export.FORMATS, kept light here


def add_parser(sub) -> None:
    p = sub.add_parser(
        "export", help="export tasks and documents as xlsx, csv, ics, jsonl or Akoma Ntoso",
        description="Export documents (parsed on the fly), folders of them, or vanban JSON outputs. "
                    "xlsx: sheets Nhiệm vụ / Văn bản / Trích dẫn; csv: the task sheet (UTF-8 with BOM); "
                    "ics: one VTODO per dated task; jsonl: one task per line; akn: OUT is a folder "
                    "with one Akoma Ntoso 3.0 XML file per document.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="documents, folders, or vanban JSON outputs (e.g. the -o folder of vanban parse)")
    p.add_argument("--db", metavar="URL", help="read the documents from the registry instead of PATHs")
    p.add_argument("-f", "--format", required=True, choices=FORMATS)
    p.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="DATE",
                   help="the day task statuses are judged on, YYYY-MM-DD (default: today)")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="the file to write; a folder (out/) gets tasks.<format>; for akn: the folder")
    p.add_argument("-w", "--workers", type=int, default=None,
                   help="processes for documents that must be parsed (default: number of cores)")
    p.set_defaults(run=run)


def run(args) -> int:
    if bool(args.paths) == bool(args.db):
        print("vanban export: give PATHs or --db URL (one of them)", file=sys.stderr)
        return 2
    from vanban.export import export
    from vanban.export.load import load_db, load_paths

    loaded = load_db(args.db) if args.db else load_paths(args.paths, workers=args.workers)
    for where, reason in loaded.errors:
        print(f"error: {where}: {reason}", file=sys.stderr)
    if not loaded.documents:
        print("vanban export: no documents to export", file=sys.stderr)
        return 1
    from vanban.export import output_path
    out = output_path(args.output, args.format)
    n = export(loaded.documents, args.format, out, args.as_of or date.today())
    unit = "files" if args.format == "akn" else "tasks"
    print(f"{len(loaded.documents)} documents, {n} {unit} exported to {out}"
          + (f" ({len(loaded.errors)} inputs failed)" if loaded.errors else ""), file=sys.stderr)
    return 1 if loaded.errors else 0
