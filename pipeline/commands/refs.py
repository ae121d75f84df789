"""`vanban refs IDENTIFIER`: what cites a document and what it cites, with relations."""
from __future__ import annotations

from ._registry import add_db_option, open_db


def add_parser(sub) -> None:
    p = sub.add_parser("refs", help="what cites a document, and what it cites",
                       description="List the documents citing IDENTIFIER (stored or not) and, when it is stored, "
                                   "what it cites; each with the relation read from the citing words.")
    p.add_argument("identifier", help="e.g. 899/QĐ-TTg")
    add_db_option(p)
    p.set_defaults(run=run)


def run(args) -> int:
    engine = open_db(args, "refs")
    if engine is None:
        return 1
    from vanban.store.queries import refs
    n = refs(engine, args.identifier)
    print(args.identifier)
    if n.stored:
        for s in n.stored:
            print(f"  stored: v{s.version} {s.path}  {s.date or ''}  {s.issuer or ''}")
    else:
        print("  stored: no (a node known from its citations)")
    dates = sorted({c.date for c, _ in n.cited_by if c.date})
    issuers = sorted({c.issuer for c, _ in n.cited_by if c.issuer})
    if dates or issuers:
        print(f"  cited as: dates {', '.join(dates) or '—'}; issuers {'; '.join(issuers) or '—'}")
    print(f"  cited by ({len(n.cited_by)}):")
    for c, status in n.cited_by:
        print(f"    {c.relation:<12} {c.citing_identifier or c.citing_path}  {c.citing_date or ''}  "
              f"[{status}] {c.text or ''}")
    if n.stored:
        print(f"  cites ({len(n.cites)}):")
        for c in n.cites:
            print(f"    {c.relation:<12} {c.identifier or c.title or c.ref_id}  {c.date or ''}  {c.issuer or ''}")
    return 0 if (n.stored or n.cited_by) else 1
