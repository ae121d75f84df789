"""Findings about tasks (nhiệm vụ): deadlines on the audit day, and bodies that no longer exist.

    check(engine, docs, as_of) -> list[Finding]      overdue, due_soon, defunct_body

Deadline words follow schemas/status.py (quá hạn, đến hạn); a recurring task is
judged by its next occurrence.  A lead or coordinator is defunct when a row of
audit/data/succession.yaml ended it on or before the audit day; the finding
names who carries its tasks now, one finding per document and body.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Engine

from vanban.lexicon import fold_key
from vanban.schemas.status import DUE_SOON_DAYS
from vanban.store.queries import tasks
from vanban.store.tables import bodies

from .findings import Finding, make
from .succession import succession


def _quote(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def check(engine: Engine, docs: dict[int, dict], as_of: date) -> list[Finding]:
    rows = [t for t in tasks(engine, as_of=as_of) if t.document_id in docs]   # not those stored meanwhile
    out = [f for t in rows if (f := _deadline_finding(t, docs[t.document_id], as_of))]
    return out + _defunct(engine, rows, docs, as_of)


def _deadline_finding(t, doc: dict, as_of: date):
    where = dict(evidence=_quote(t.description), section=t.section, page=t.page, start=t.start, end=t.end,
                 details={"task": t.task_id, "deadline": t.deadline and t.deadline.text, "lead": t.lead})
    if t.status == "overdue":
        return make("overdue", doc, f"task {t.task_id} ended {t.deadline.end} ({t.deadline.text!r}), before "
                    f"{as_of.isoformat()}; lead: {', '.join(t.lead) or '—'}", **where)
    if t.status == "due_soon":
        return make("due_soon", doc, f"task {t.task_id} ends {t.deadline.end} ({t.deadline.text!r}); "
                    f"lead: {', '.join(t.lead) or '—'}", **where)
    if t.next_due and (t.next_due - as_of).days <= DUE_SOON_DAYS:
        return make("due_soon", doc, f"recurring task {t.task_id} ({t.deadline.text!r}) is next due "
                    f"{t.next_due.isoformat()}; lead: {', '.join(t.lead) or '—'}", **where)
    return None


def _defunct(engine: Engine, rows, docs: dict[int, dict], as_of: date) -> list[Finding]:
    with engine.connect() as conn:
        kinds = {(r.document_id, fold_key(r.name)): r.kind for r in conn.execute(
            select(bodies.c.document_id, bodies.c.name, bodies.c.kind))}
    named: dict[tuple[int, str], list] = {}
    for t in rows:
        for role, names in (("lead", t.lead), ("coordinator", t.coordinators)):
            for name in names:
                named.setdefault((t.document_id, name), []).append((role, t))
    out = []
    for (doc_id, name), uses in named.items():
        doc = docs[doc_id]
        s = succession(name, as_of, doc["locality"], kinds.get((doc_id, fold_key(name))))
        if s is None:
            continue
        roles = sorted({r for r, _ in uses})
        first = uses[0][1]
        out.append(make("defunct_body", doc, f"{name} ({' and '.join(roles)} of {len(uses)} tasks) no longer "
                        f"exists since {s.since}; its work is carried by {'; '.join(s.now)}",
                        evidence=_quote(first.description), section=first.section, page=first.page,
                        start=first.start, end=first.end,
                        details={"body": name, "successor": s.now, "since": s.since, "roles": roles,
                                 "tasks": [t.task_id for _, t in uses],
                                 "steps": [vars(step) for step in s.steps]}))
    return out
