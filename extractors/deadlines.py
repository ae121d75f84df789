"""Deadlines extractor: printed time phrases -> normalised Deadline.

    parse_deadline(text: str, doc_year: int | None = None) -> tuple[Deadline, list[Warning]]
        a whole cell/phrase such as "Quý IV/2024", "Thường xuyên", "Trước ngày 30/6/2025"
    find_deadline(text: str, doc_year: int | None = None) -> Deadline | None
        a deadline phrase inside a sentence ("... hoàn thành trước ngày 30/9/2024")
"""
from __future__ import annotations

from vanban.schemas.models import Deadline, Warning


def parse_deadline(text: str, doc_year: int | None = None) -> tuple[Deadline, list[Warning]]:
    return Deadline(text=text, kind="unparsed"), [Warning(code="deadline_unparsed", message=f"not understood: {text!r}")]


def find_deadline(text: str, doc_year: int | None = None) -> Deadline | None:
    return None
