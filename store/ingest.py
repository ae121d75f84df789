"""Ingest (nhập văn bản): parse a batch and store every document, one transaction each.

    ingest(paths, engine, workers=None, progress=None, limits=None) -> IngestReport
    store_document(engine, document, sha256) -> (status, document id)

Idempotent by content: a file whose bytes (sha256) are stored is `unchanged` and
is not parsed again; a different file with the identity of a stored document
(issuer + identifier + year, store/identity.py) is a `new_version` linked to the
one before; anything else is `new`.  Parsing runs in the batch runner of
`vanban parse` (pipeline/batch: worker processes, each document bounded in time
and memory, a crashed worker replaced); each document comes back as JSON and is
stored by this process as it finishes, so a database connection is never shared
between processes and an interrupted ingest leaves whole documents only.
"""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from vanban.pipeline.batch import collect_inputs, parse_many
from vanban.schemas.models import Document, Section

from . import identity as ident
from .tables import bodies, citations, documents, sections, task_bodies, tasks


@dataclass
class Entry:
    input: str
    status: str                        # new | new_version | unchanged | error
    document_id: Optional[int] = None
    identifier: Optional[str] = None
    error: Optional[str] = None


@dataclass
class IngestReport:
    entries: list[Entry] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(e.status == status for e in self.entries)

    @property
    def failed(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "error"]


def ingest(paths: list[str], engine: Engine, workers: Optional[int] = None,
           progress: Optional[Callable[[Entry], None]] = None, limits=None) -> IngestReport:
    inputs = collect_inputs(paths)
    report = IngestReport()
    todo: list[tuple[str, str]] = []
    for p in inputs:
        try:
            sha = hashlib.sha256(p.read_bytes()).hexdigest()
        except OSError as exc:
            _done(report, Entry(str(p), "error", error=exc.strerror or str(exc)), progress)
            continue
        stored = _stored_sha(engine, sha)
        if stored is not None:
            _done(report, Entry(str(p), "unchanged", document_id=stored), progress)
        else:
            todo.append((str(p), sha))
    def store(path: str, sha: str, result) -> None:
        if isinstance(result, str):
            _done(report, Entry(path, "error", error=result), progress)
            return
        try:
            status, doc_id = store_document(engine, result, sha)
        except SQLAlchemyError as exc:     # rolled back: the registry keeps whole documents only
            _done(report, Entry(path, "error", error=f"database error: {str(exc.orig or exc).splitlines()[0]}"),
                  progress)
            return
        _done(report, Entry(path, status, document_id=doc_id, identifier=result.metadata.identifier), progress)

    _parse_all(todo, workers, limits, store)
    return report


def _done(report: IngestReport, entry: Entry, progress) -> None:
    report.entries.append(entry)
    if progress:
        progress(entry)


def _stored_sha(engine: Engine, sha: str) -> Optional[int]:
    with engine.connect() as conn:
        return conn.execute(select(documents.c.id).where(documents.c.sha256 == sha)).scalar()


def _parse_all(todo: list[tuple[str, str]], workers: Optional[int], limits, store) -> None:
    """Parse with the batch runner (worker processes, each document bounded in time and memory, a
    crashed worker replaced) and store each document in this process as it finishes: one writer,
    one transaction per document."""
    sha_of = dict(todo)
    with tempfile.TemporaryDirectory(prefix="vanban-ingest-") as tmp:
        outdir = Path(tmp)

        def finished(entry) -> None:
            if entry.status != "ok":
                reason = entry.error if entry.status == "error" else f"{entry.status}: {entry.error}"
                store(entry.input, sha_of[entry.input], reason)
                return
            output = outdir / entry.output
            store(entry.input, sha_of[entry.input], Document.model_validate_json(output.read_text(encoding="utf-8")))
            output.unlink()

        parse_many([Path(p) for p, _ in todo], outdir, workers=workers, progress=finished, limits=limits)


def store_document(engine: Engine, doc: Document, sha256: str) -> tuple[str, int]:
    """Store one parsed document in its own transaction."""
    with engine.begin() as conn:
        stored = conn.execute(select(documents.c.id).where(documents.c.sha256 == sha256)).scalar()
        if stored is not None:
            return "unchanged", stored
        row = _document_row(doc, sha256)
        previous = conn.execute(select(documents.c.id, documents.c.version)
                                .where(documents.c.identity == row["identity"])
                                .order_by(documents.c.version.desc()).limit(1)).first()
        row.update(version=previous.version + 1 if previous else 1, previous_id=previous.id if previous else None)
        doc_id = conn.execute(insert(documents).returning(documents.c.id), row).scalar_one()
        _store_parts(conn, doc_id, doc, row["locality"])
    return ("new_version" if previous else "new"), doc_id


def _document_row(doc: Document, sha256: str) -> dict:
    m = doc.metadata
    where = ident.locality(m.issuer.name) or ident.locality(m.place) or ident.locality(m.issuer.parent)
    year = ident.year_of(m.identifier, m.date)
    if m.identifier:
        key = ident.identity(m.identifier, m.symbol, year, where)
    elif m.issuer.name and m.date and m.title:
        # no number: the same text in another format has the same issuer, symbol, date and title
        key = "noid:" + "|".join(ident.fold_key(x or "") for x in (m.issuer.name, m.symbol, m.date, m.title[:200]))
    else:   # too little to tell one document from another: never a version of anything
        key = "sha:" + sha256
    return dict(identity=key, sha256=sha256, path=doc.source.path, format=doc.source.format,
                doc_type=m.doc_type.code, identifier=m.identifier, identifier_key=ident.identifier_key(m.identifier),
                symbol=m.symbol, issuer=m.issuer.name, issuer_key=ident.issuer_key(m.issuer.name), locality=where,
                year=year, date=m.date, title=m.title, ingested_at=datetime.now(timezone.utc).replace(tzinfo=None),
                content=doc.model_dump_json())


def _store_parts(conn: Connection, doc_id: int, doc: Document, where: Optional[str]) -> None:
    flat: list[dict] = []
    _flatten(doc.sections, doc_id, flat)
    if flat:
        conn.execute(insert(sections), flat)
    canonical = {b.name: b.canonical or b.name for b in doc.bodies}
    if doc.tasks:
        ids = conn.execute(insert(tasks).returning(tasks.c.id, sort_by_parameter_order=True),
                           [_task_row(doc_id, t) for t in doc.tasks]).scalars().all()
        people = [dict(task_id=pk, role=role, name=name, canonical=canonical.get(name, name))
                  for pk, t in zip(ids, doc.tasks)
                  for role, names in (("lead", t.lead), ("coordinator", t.coordinators)) for name in names]
        if people:
            conn.execute(insert(task_bodies), people)
    if doc.bodies:
        conn.execute(insert(bodies), [dict(document_id=doc_id, name=b.name, canonical=b.canonical, kind=b.kind,
                                           roles=",".join(b.roles)) for b in doc.bodies])
    if doc.references:
        conn.execute(insert(citations), [_citation_row(doc_id, r) for r in doc.references])


def _flatten(nodes: list[Section], doc_id: int, out: list[dict]) -> None:
    for s in nodes:
        out.append(dict(document_id=doc_id, position=len(out), path=s.path, marker=s.marker,
                        title=s.title, page=s.page))
        _flatten(s.children, doc_id, out)


def _task_row(doc_id: int, t) -> dict:
    d = t.deadline
    return dict(document_id=doc_id, task_id=t.id, origin=t.origin, section=t.section, row=t.row,
                description=t.description, page=t.page, start=t.start, end=t.end,
                deadline_text=d and d.text, deadline_kind=d and d.kind, deadline_start=d and d.start,
                deadline_end=d and d.end, frequency=d and d.frequency)


def _citation_row(doc_id: int, r) -> dict:
    first = r.mentions[0] if r.mentions else None
    return dict(document_id=doc_id, ref_id=r.id, identifier=r.identifier,
                identifier_key=ident.identifier_key(r.identifier), doc_type=r.doc_type.code,
                year=ident.year_of(r.identifier, r.date) if r.identifier else r.year, date=r.date,
                issuer=r.issuer, issuer_key=ident.issuer_key(r.issuer), locality=ident.locality(r.issuer),
                subject=r.subject, title=r.title, relation=r.relation, is_self=r.is_self,
                section=first and first.section, start=first and first.start, end=first and first.end,
                text=first and first.text, mentions=len(r.mentions))
