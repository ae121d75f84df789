"""Bodies extractor: public bodies named in the text (gazetteer + patterns, spaCy matchers).

    find_bodies(text: str) -> list[BodySpan]       every body name in a text, with offsets
    split_bodies(text: str) -> list[str]           a lead/coordinator cell or phrase -> names
    canonical_name(name: str) -> str               abbreviations expanded (UBND -> Ủy ban nhân dân)
    collect_bodies(tasks, doc) -> list[Body]       the document's distinct bodies with roles and tasks
"""
from __future__ import annotations

from dataclasses import dataclass

from vanban.pipeline.types import LaidOut
from vanban.schemas.models import Body, Task


@dataclass
class BodySpan:
    name: str          # as written, whitespace folded, proper-cased
    start: int
    end: int
    canonical: str
    kind: str = "other"


def find_bodies(text: str) -> list[BodySpan]:
    return []


def split_bodies(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def canonical_name(name: str) -> str:
    return name


def collect_bodies(tasks: list[Task], doc: LaidOut) -> list[Body]:
    return []
