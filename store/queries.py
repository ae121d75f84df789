"""Queries over the registry: a document's citation neighbourhood, tasks across documents.

    citation_rows(engine, identifier_key=None) -> list[CitationRow]     citations with their citing document
    candidates(engine) -> dict[identifier_key, list[Candidate]]          stored documents (newest versions)
    resolve_row(row, candidates) -> (status, list[Candidate])
    refs(engine, identifier) -> Neighbourhood
    tasks(engine, body=None, statuses=(), as_of=None, expand=None) -> list[TaskRow]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator, Optional

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from vanban.lexicon import fold_key
from vanban.schemas.models import Deadline
from vanban.schemas.status import deadline_status, next_occurrence

from . import identity as ident
from .tables import citations, documents, task_bodies, tasks as tasks_t

_CITING = (documents.c.identifier.label("citing_identifier"), documents.c.path.label("citing_path"),
           documents.c.date.label("citing_date"), documents.c.locality.label("citing_locality"),
           documents.c.issuer.label("citing_issuer"), documents.c.doc_type.label("citing_type"),
           documents.c.title.label("citing_title"))


def _latest_versions():
    """Ids of the newest version of every identity (older versions are history)."""
    newest = select(documents.c.identity, func.max(documents.c.version).label("v")).group_by(documents.c.identity)
    newest = newest.subquery()
    return select(documents.c.id).join(newest, (documents.c.identity == newest.c.identity)
                                       & (documents.c.version == newest.c.v))


def documents_json(engine: Engine) -> Iterator[str]:
    """The stored full JSON of the newest version of every document, in the order they were stored."""
    query = select(documents.c.content).where(documents.c.id.in_(_latest_versions())).order_by(documents.c.id)
    with engine.connect() as conn:
        for (content,) in conn.execute(query):
            yield content


def citation_rows(engine: Engine, identifier_key: Optional[str] = None, document_ids: Iterable[int] = ()) -> list:
    """Non-self citations of the newest versions, with the citing document's fields."""
    q = (select(citations, *_CITING).join(documents, documents.c.id == citations.c.document_id)
         .where(citations.c.is_self.is_(False), citations.c.document_id.in_(_latest_versions())))
    if identifier_key is not None:
        q = q.where(citations.c.identifier_key == identifier_key)
    ids = list(document_ids)
    if ids:
        q = q.where(citations.c.document_id.in_(ids))
    with engine.connect() as conn:
        return conn.execute(q.order_by(citations.c.document_id, citations.c.start)).all()


def candidates(engine: Engine, identifier_key: Optional[str] = None) -> dict[str, list[ident.Candidate]]:
    q = select(documents.c.id, documents.c.identity, documents.c.identifier_key, documents.c.year,
               documents.c.locality).where(documents.c.identifier_key.is_not(None),
                                           documents.c.id.in_(_latest_versions()))
    if identifier_key is not None:
        q = q.where(documents.c.identifier_key == identifier_key)
    out: dict[str, list[ident.Candidate]] = {}
    with engine.connect() as conn:
        for r in conn.execute(q):
            out.setdefault(r.identifier_key, []).append(ident.Candidate(r.id, r.identity, r.year, r.locality))
    return out


def resolve_row(row, cands: dict[str, list[ident.Candidate]]) -> tuple[str, list[ident.Candidate]]:
    """Resolve one citation row against the stored documents (store/identity.py `resolve`)."""
    if not row.identifier_key:
        return "unresolved", []
    national = ident.is_national(row.identifier)
    return ident.resolve(cands.get(row.identifier_key, []), national, row.year, row.locality,
                         inferred_where=row.citing_locality)


@dataclass
class Neighbourhood:
    identifier: str
    stored: list = field(default_factory=list)          # document rows with this identifier (every version)
    cited_by: list = field(default_factory=list)        # (citation row, resolution status)
    cites: list = field(default_factory=list)           # citation rows of the stored documents


def refs(engine: Engine, identifier: str) -> Neighbourhood:
    key = ident.identifier_key(identifier)
    with engine.connect() as conn:
        stored = conn.execute(select(documents.c.id, documents.c.identifier, documents.c.version,
                                     documents.c.path, documents.c.date, documents.c.issuer, documents.c.title,
                                     documents.c.identity)
                              .where(documents.c.identifier_key == key).order_by(documents.c.id)).all()
    cands = candidates(engine, key)
    cited_by = [(r, resolve_row(r, cands)[0]) for r in citation_rows(engine, key)]
    cites = citation_rows(engine, document_ids=[s.id for s in stored]) if stored else []
    return Neighbourhood(identifier, stored, cited_by, cites)


@dataclass
class TaskRow:
    document_id: int
    identifier: Optional[str]
    path: str
    locality: Optional[str]
    task_id: str
    section: Optional[str]
    page: Optional[int]
    start: Optional[int]
    end: Optional[int]
    description: str
    lead: list[str]
    coordinators: list[str]
    deadline: Optional[Deadline]
    status: str
    next_due: Optional[date]


def tasks(engine: Engine, body: Optional[str] = None, statuses: Iterable[str] = (), as_of: Optional[date] = None,
          expand: Optional[Callable[[str, Optional[str]], list[str]]] = None) -> list[TaskRow]:
    """Tasks of the newest versions.  `body` matches a lead or coordinator by its name or
    canonical name, or, through `expand(name, locality)`, by the names it goes by now (its successor)."""
    as_of = as_of or date.today()
    wanted = set(statuses)
    q = (select(tasks_t, documents.c.identifier, documents.c.path, documents.c.locality)
         .join(documents, documents.c.id == tasks_t.c.document_id)
         .where(tasks_t.c.document_id.in_(_latest_versions())).order_by(tasks_t.c.document_id, tasks_t.c.id))
    with engine.connect() as conn:
        rows = conn.execute(q).all()
        people: dict[int, list] = {}
        for b in conn.execute(select(task_bodies).join(tasks_t, tasks_t.c.id == task_bodies.c.task_id)
                              .where(tasks_t.c.document_id.in_(_latest_versions()))):
            people.setdefault(b.task_id, []).append(b)
    out = []
    for r in rows:
        named = people.get(r.id, [])
        if body and not _matches(body, named, r.locality, expand):
            continue
        deadline = (Deadline(text=r.deadline_text, kind=r.deadline_kind, start=r.deadline_start,
                             end=r.deadline_end, frequency=r.frequency) if r.deadline_kind else None)
        status = deadline_status(deadline, as_of)
        if wanted and status not in wanted:
            continue
        out.append(TaskRow(r.document_id, r.identifier, r.path, r.locality, r.task_id, r.section, r.page, r.start, r.end,
                           r.description or "", [b.name for b in named if b.role == "lead"],
                           [b.name for b in named if b.role == "coordinator"], deadline, status,
                           next_occurrence(deadline, as_of)))
    return out


def _matches(body: str, named: list, where: Optional[str], expand) -> bool:
    want = fold_key(body)
    for b in named:
        names = {b.name, b.canonical or b.name}
        if expand:
            names |= {n for x in list(names) for n in expand(x, where)}
        if any(fold_key(n) == want for n in names):
            return True
    return False
