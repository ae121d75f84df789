"""`vanban audit`: findings over the registry, as JSON, CSV or an HTML report."""
from __future__ import annotations

import sys

from ._registry import add_db_option, open_db


def add_parser(sub) -> None:
    p = sub.add_parser("audit", help="findings over the registry (JSON, CSV, HTML report)",
                       description="Check every stored document's citations and tasks: date and issuer "
                                   "mismatches, inconsistent citations, superseded or unresolved documents, "
                                   "overdue tasks, bodies that no longer exist.")
    add_db_option(p)
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the audit day (default: today)")
    p.add_argument("--format", choices=("json", "html", "csv"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(run=run)


def run(args) -> int:
    from datetime import date
    engine = open_db(args, "audit")
    if engine is None:
        return 1
    from vanban.audit import render
    from vanban.audit.findings import audit
    from vanban.pipeline.emit import write_atomic
    result = audit(engine, date.fromisoformat(args.as_of) if args.as_of else None)
    text = {"json": render.to_json, "csv": render.to_csv, "html": render.to_html}[args.format](result)
    if args.output:
        write_atomic(args.output, text)
        s = result.summary()
        print(f"{s['findings']} findings over {s['documents']} documents -> {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
