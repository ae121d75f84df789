"""References extractor: every citation of another document, with its span.

    find_citations(doc: LaidOut, tree: list[Node]) -> list[Citation]
Grouping into distinct references and short-form resolution: pipeline/resolve.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from vanban.pipeline.types import LaidOut, Node


@dataclass
class Citation:
    """One mention of a document in the text (a full or a short citation)."""
    start: int                      # offsets into LaidOut.text
    end: int
    text: str
    section: Optional[str] = None   # section path of the mention
    type_code: Optional[str] = None
    type_name: Optional[str] = None
    number: Optional[str] = None
    year: Optional[int] = None
    symbol: Optional[str] = None
    identifier: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    subject: Optional[str] = None
    alias: Optional[str] = None     # short form defined right after it: (viết tắt là ...)
    title: Optional[str] = None     # a law cited by name


def find_citations(doc: LaidOut, tree: list[Node]) -> list[Citation]:
    return []
