"""`vanban tasks`: tasks across every stored document, by body and deadline status."""
from __future__ import annotations

from ._registry import add_db_option, open_db

STATUSES = ("overdue", "due_soon", "in_time", "recurring", "no_deadline")


def add_parser(sub) -> None:
    p = sub.add_parser("tasks", help="tasks across the registry, by body and deadline status",
                       description="List tasks of every stored document. --body matches a lead or coordinator by "
                                   "its canonical name or by its successor after the 2025 reorganisation.")
    p.add_argument("--body", metavar="NAME", help="e.g. 'Sở Nội vụ'")
    p.add_argument("--status", action="append", choices=STATUSES, help="repeatable")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day deadlines are judged on (default: today)")
    add_db_option(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from datetime import date
    engine = open_db(args, "tasks")
    if engine is None:
        return 1
    from vanban.audit.succession import current_names
    from vanban.store.queries import tasks
    as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    rows = tasks(engine, body=args.body, statuses=args.status or (), as_of=as_of,
                 expand=lambda name, where: current_names(name, where, as_of=as_of))
    for t in rows:
        deadline = t.deadline.text if t.deadline else "—"
        print(f"{t.status:<11} {t.identifier or t.path}  {t.task_id}  lead: {', '.join(t.lead) or '—'}  "
              f"deadline: {deadline}\n            {t.description[:160]}")
    print(f"{len(rows)} tasks")
    return 0
