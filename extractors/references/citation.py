"""A citation as the extractor reads it, its date and the section it stands in."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from vanban.pipeline.types import Node


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
    kind: str = "full"              # full | short (type word + bare number) | law_name | unparsed | alias
    self_hint: bool = False         # printed as the document's own number (`Số:`) or in `Kèm theo ...`
    problem: Optional[str] = None   # type_mismatch: the type word disagrees with the code in the symbol
    footnote: Optional[str] = None  # a footnote marker glued to the symbol (QH151 -> QH15 + "1")
    issuer_before: bool = False     # the issuer was written before the citation (`đề nghị của X tại ...`)
    issuer_shared: bool = False     # the issuer was given once for a list of citations
    truncated: bool = False         # the symbol was cut by a line break (`105/2025/NĐ-` / `của`)
    tail_end: int = 0               # where what the citation says about the document (subject, alias) ends



def parse_date(m: re.Match) -> Optional[str]:
    """Partial ISO date from a _DATE match; blanks give a partial date (`/6/2024` -> `2024-06`)."""
    d, mo, y = (m.group("d1"), m.group("m1"), m.group("y1")) if m.group("y1") else (m.group("d2"), m.group("m2"), m.group("y2"))
    year = int(y)
    if not mo:
        return f"{year:04d}"
    month = int(mo)
    if not 1 <= month <= 12:
        return None
    if not d:
        return f"{year:04d}-{month:02d}"
    day = int(d)
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"



def section_at(tree: list[Node], offset: int) -> Optional[str]:
    """Path of the deepest node whose [start, end) holds `offset`; None outside every node."""
    best = None
    nodes = list(tree)
    while nodes:
        inside = [n for n in nodes if n.start <= offset < n.end]
        if not inside:
            break
        best = inside[0]
        nodes = best.children
    return best.path if best else None

