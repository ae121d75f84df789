"""The event stream both old Word readers produce (legacy_word97.py for .doc, legacy_rtf.py for .rtf):
text runs in a font, paragraph ends, cell and row ends.  read_legacy.py assembles it into Lines
and Tables the same way for both formats."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

@dataclass
class Run:
    text: str
    font: Optional[str] = None
    bold: bool = False

    @property
    def isascii(self) -> bool:
        return self.text.isascii()


@dataclass
class ParEnd:
    centered: bool = False
    in_table: bool = False
    cell_end: bool = False
    row_end: bool = False


@dataclass
class Stream:
    events: list = field(default_factory=list)
    pages: Optional[int] = None
