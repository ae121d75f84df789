"""Rows for the tabular exports (xlsx sheets, csv, jsonl): one flat dict per task,
per document and per reference, built from validated Documents, never from text.

    task_rows(doc, as_of) -> list[dict]          keys: COLUMNS["tasks"]
    document_row(doc) -> dict                    keys: COLUMNS["documents"]
    reference_rows(doc) -> list[dict]            keys: COLUMNS["references"]
    COLUMNS[sheet] -> list[Column]; LABELS[...] the words the sheets show

Dates: a full date becomes a `datetime.date`; a deadline's partial start or end is
the first or last day it covers (`Quý IV/2024` is 2024-10-01 .. 2024-12-31, which is
what the deadline means); a partial document date (`2024-06`, the signing day left
blank) stays text, `06/2024`, so that no day is invented.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from vanban.schemas.models import Document, Reference, Task
from vanban.schemas.status import deadline_status, last_day

#: how list columns (lead, coordinators, signers) are joined in a cell
LIST_SEP = "; "


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    kind: str          # text | wrap | date | int


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load((Path(__file__).parent / "data" / "columns.yaml").read_text(encoding="utf-8"))


def columns(sheet: str) -> list[Column]:
    return [Column(**c) for c in _data()[sheet]]


def label(kind: str, value: Optional[str]) -> str:
    """The word a sheet shows for a status, frequency or origin code."""
    return _data()[f"{kind}_labels"].get(value, value) if value else ""


def first_day(partial: str) -> date:
    parts = [int(p) for p in partial.split("-")] + [1, 1]
    return date(*parts[:3])


def doc_date(partial: Optional[str]):
    """A full ISO date -> date; a partial one -> text as a Vietnamese reader writes it."""
    if not partial:
        return None
    parts = partial.split("-")
    if len(parts) == 3:
        return date(*map(int, parts))
    return "/".join(reversed(parts))


def _identifier(doc: Document) -> str:
    m = doc.metadata
    return m.identifier or (f"/{m.symbol}" if m.symbol else "")      # the number left blank, as printed


def _doc_fields(doc: Document) -> dict:
    return {"doc_identifier": _identifier(doc), "doc_issuer": doc.metadata.issuer.name or "",
            "doc_date": doc_date(doc.metadata.date), "source_file": doc.source.path}


def task_row(doc: Document, task: Task, as_of: date) -> dict:
    d = task.deadline
    return {
        **_doc_fields(doc),
        "task_id": task.id, "origin": label("origin", task.origin), "section": task.section,
        "row": task.row or "", "description": task.description,
        "lead": LIST_SEP.join(task.lead), "coordinators": LIST_SEP.join(task.coordinators),
        "deadline_text": d.text if d else "",
        "deadline_start": first_day(d.start) if d and d.start else None,
        "deadline_end": last_day(d.end) if d and d.end else None,
        "frequency": label("frequency", d.frequency) if d else "",
        "status": label("status", deadline_status(d, as_of)),
        "page": task.page,
    }


def task_rows(doc: Document, as_of: date) -> list[dict]:
    return [task_row(doc, t, as_of) for t in doc.tasks]


def document_row(doc: Document) -> dict:
    m = doc.metadata
    signers = [" ".join(filter(None, (s.capacity, s.name))) for s in m.signers]
    return {**_doc_fields(doc), "doc_type": m.doc_type.name or m.doc_type.code or "",
            "place": m.place or "", "title": m.title or "", "signers": LIST_SEP.join(signers),
            "tasks": len(doc.tasks), "references": len(doc.references), "warnings": len(doc.warnings),
            "format": doc.source.format, "sha256": doc.source.sha256}


def reference_row(doc: Document, ref: Reference) -> dict:
    return {"doc_identifier": _identifier(doc), "ref_id": ref.id, "ref_identifier": ref.identifier or "",
            "ref_type": ref.doc_type.name or ref.doc_type.code or "", "ref_date": doc_date(ref.date),
            "ref_issuer": ref.issuer or "", "subject": ref.subject or ref.title or "",
            "relation": ref.relation, "is_self": "x" if ref.is_self else "", "mentions": len(ref.mentions)}


def reference_rows(doc: Document) -> list[dict]:
    return [reference_row(doc, r) for r in doc.references]
