"""A consolidated text (văn bản hợp nhất, VBHN): its own number, date and consolidating body.

A consolidated text reprints the document it consolidates (the type line and title are
that document's: "THÔNG TƯ" / "Hướng dẫn quản lý lao động ...") and closes with an
authentication block (xác thực văn bản hợp nhất) that the consolidating body signs:

    BỘ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ HỘI / XÁC THỰC VĂN BẢN HỢP NHẤT /
    Số: 462/VBHN-BLĐTBXH Hà Nội, ngày 10 tháng 02 năm 2025 / KT. BỘ TRƯỞNG ...

In a gazette that block is the only place its number and date are printed; the header
carries only the gazette's heading ("VĂN BẢN HỢP NHẤT - BỘ LAO ĐỘNG ...") and the
statement of what is consolidated ("Thông tư số 32/2016/TT-BLĐTBXH ... được sửa đổi, bổ
sung bởi: ..."), whose first identifier is not the document's own.

    read_consolidation(text) -> Consolidation | None    the authentication block, if the text has one
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from vanban.lexicon.signature import block_head_pattern, is_signature_line
from vanban.lexicon.text import clean, is_upper_line

from .issuer import read_issuer
from .number import NUMBER_LINE, SPACED_SEPARATOR, SPACES
from .place_date import find_place_date

#: The code of a consolidated text's symbol: "VBHN" in "462/VBHN-BLĐTBXH"
VBHN_CODE = "VBHN"
#: How far around the block's head its issuer, number and date are looked for (characters)
BLOCK_BEFORE, BLOCK_AFTER = 240, 320


@dataclass(frozen=True)
class Consolidation:
    number: Optional[str]
    year: Optional[str]
    symbol: Optional[str]
    issuer: Optional[str]
    parent: Optional[str]
    place: Optional[str]
    date: Optional[str]


def is_consolidated(symbol: Optional[str]) -> bool:
    """The symbol of a consolidated text: "VBHN-BCT", "VBHN-VPQH"."""
    return bool(symbol) and symbol.split("-")[0].split("/")[0] == VBHN_CODE


def read_consolidation(text: str) -> Optional[Consolidation]:
    """The number, date and consolidating body of the last authentication block of `text`."""
    found = list(block_head_pattern().finditer(text))   # "XÁC THỰC VĂN BẢN HỢP NHẤT"
    if not found:
        return None
    m = found[-1]
    before = [clean(x) for x in text[max(0, m.start() - BLOCK_BEFORE):m.start()].split("\n")][1:]
    after = [clean(x) for x in text[m.end():m.end() + BLOCK_AFTER].split("\n")]
    if after and is_upper_line(after[0]) and not NUMBER_LINE.search(after[0]):
        # two columns read as one line: "BỘ LAO ĐỘNG - THƯƠNG BINH XÁC THỰC VĂN BẢN HỢP NHẤT VÀ XÃ HỘI"
        before[-1] = f"{before[-1]} {after.pop(0)}" if before else after.pop(0)
    lines = [x for x in before + after if x]
    number = year = symbol = None
    for line in lines:
        n = NUMBER_LINE.search(line)
        if n and is_consolidated(SPACES.sub("", n["sym"])):
            number, year, symbol = n["num"], n["year"], SPACED_SEPARATOR.sub(r"\1", n["sym"]).rstrip(".-/")
            break
    issuer, parent = read_issuer(_issuer_lines(before), len(before), anchored=True)
    place, date = find_place_date([x for x in after if x and not is_signature_line(x)])
    if date is None:
        place, date = find_place_date([x for x in before[-3:] if x])
    return Consolidation(number, year, symbol, issuer, parent, place, date)


def _issuer_lines(before: list[str]) -> list[str]:
    """The run of upper-case lines right above the block's head ("VĂN PHÒNG QUỐC HỘI", "Số: 112/VBHN-VPQH"
    may stand between), not a signature line."""
    out: list[str] = []
    for line in reversed([x for x in before if x]):
        if (NUMBER_LINE.search(line) and not out) or not any(c.isalpha() for c in line):
            continue          # the block's own Số line, a table bar "|"
        if not is_upper_line(line) or is_signature_line(line) or line.endswith("/."):
            break
        out.insert(0, line)
    return out
