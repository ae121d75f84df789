"""Citation self-checks: a `số 123/…` string that became no reference; a printed date or
issuer of a reference that was not read."""
from __future__ import annotations

import bisect
import re

from vanban.schemas.models import Document, Warning

from ..types import LaidOut, Node

#: `số 08/2025/NĐ-CP`, `số 45-NQ/TW`, `số 123/KH-UBND`: a numbered citation (lower-case
#: `số`, so the header's own `Số:` line is not one)
#: (The look-back for a letter before "số" comes after it: `re` then finds each "số" by its literal prefix
#: in C, 16x faster than trying the look-back at every character; the same matches.)
CITATION = re.compile(r"số(?<!\w..)\s+(\d{1,5}(?:/\d{4})?[/-][A-ZĐ][\wĐđ/.-]*[\wĐđ])")
#: what follows a citation when its date is printed: `, ngày 26/11/2025`, ` ngày 26 tháng 11 năm 2025`
DATE_AFTER = re.compile(r"^\s*,?\s*(?:được\s+)?(?:ban\s+hành\s+)?ngày\s+\d{1,2}")
#: what follows a citation (and its date) when its issuer is printed: ` của Thủ tướng Chính phủ`
ISSUER_AFTER = re.compile(r"^\s*,?\s*(?:ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
                          r"\s*,?\s*của\s+(\w)")
#: how far after a mention its date or issuer is looked for
LOOK_AFTER = 60


def _covered(document: Document) -> list[tuple[int, int]]:
    """The spans of every reference mention, merged where they overlap, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((m.start, m.end) for r in document.references for m in r.mentions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _lost_citations(document: Document) -> list[str]:
    spans = _covered(document)
    starts = [s for s, _ in spans]
    lost = []
    for m in CITATION.finditer(document.text):
        i = bisect.bisect_right(starts, m.start(1)) - 1
        if i < 0 or m.start(1) >= spans[i][1]:
            lost.append(m.group(1))
    return lost


def citation_checks(laid: LaidOut, tree: list[Node], document: Document) -> list[Warning]:
    found: list[Warning] = []
    for ident in _lost_citations(document):
        found.append(Warning(code="check_citation_lost", message=f"a citation that became no reference: {ident!r}",
                             location="references"))
    text = document.text
    for ref in document.references:
        if ref.is_self:
            continue
        after = [text[m.end:m.end + LOOK_AFTER] for m in ref.mentions]
        if ref.date is None and any(DATE_AFTER.match(a) for a in after):
            found.append(Warning(code="check_reference_date", message=f"{ref.id}: its date is printed, not read",
                                 location=ref.id))
        issuer = [m for m in map(ISSUER_AFTER.match, after) if m and m.group(1).isupper()]
        if ref.issuer is None and issuer:
            found.append(Warning(code="check_reference_issuer", message=f"{ref.id}: its issuer is printed, not read",
                                 location=ref.id))
    return found
