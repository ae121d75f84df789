"""The number line (Số:) of the header: number, year, symbol, and the identifier they make.

    read_number(lines) -> (line index, number, year, symbol, separator, unreadable)
    identifier(number, year, symbol, sep) -> '899/QĐ-TTg', '06/2021/QĐ-UBND', '123-KH/TU' or None
    number_warnings(number, symbol, unreadable) -> warnings for a missing, blank or unreadable number
"""
from __future__ import annotations

import re
from typing import Optional

from vanban.schemas.models import Warning
from vanban.lexicon.patterns import SPACES

NUMBER_LABEL = re.compile(r"(?:Số|SỐ)\s*:")
SPACED_SEPARATOR = re.compile(r"\s*([\-/])\s*")      # "KH - UBND" -> "KH-UBND"
SPACED_DASH = re.compile(r"\s*-\s*")

#: The number line: "Số: /KH-UBND", "Số: 5973 /UBND-KT", "Số:  982/QĐ-TTg", "Số: 06/2021/QĐ-UBND",
#: "Số: 123-KH/TU", "Số: 2536 /QĐ - UBND", "Luật số: 56/2020/QH14", "Số: 66.15/2026/NQ-CP"
#: and an OCR'd number that cannot be read (the junk group): "Số: 4 46 /QĐ-UBND", "Số:đÓ6 /KH-TCTLNTW-C04",
#: "Số: 4/6 /QĐ-UBND"
NUMBER_LINE = re.compile(
    r"\b(?:Số|SỐ|số)\s*:?\s*(?:(?P<num>\d{1,6}(?:\.\d{1,3})?[a-zA-Z]?)|(?P<junk>[^\s/:]{1,6}(?:\s+[^\s/:]{1,6})?|\d{1,3}/\d{1,3}(?=\s)))?\s*(?:/\s*(?P<year>(?:19|20)\d{2})\s*)?"
    r"(?P<sep>[/\-])\s*(?P<sym>[A-ZĐ][\wĐđ&.]*(?:\s*[\-/]\s*[A-ZĐ\d][\wĐđ&.]*)*)")


#: A symbol alone on a line under the issuer, its number not printed or lost to OCR: "/QĐ-XPVPHC"
SYMBOL_ALONE = re.compile(r"^/\s*(?P<sym>[A-ZĐ][A-ZĐ\w]*(?:\s*-\s*[A-ZĐ\d][\wĐđ]*)+)$")


#: The rest of a joint symbol broken after a hyphen, alone on the next line: "TANDTC-BCA-BQP-BLĐTBXH"
SYMBOL_REST = re.compile(r"^[A-ZĐ][A-ZĐ\d]*(?:-[A-ZĐ][A-ZĐ\d]*)*$")
#: The word Số alone at the end of a line, the number on the next: "Số:" / "7360/KH-UBND"
NUMBER_ALONE = re.compile(r"\b(?:Số|SỐ)\s*:?\s*$")


#: A number and symbol alone on a line, the word Số lost (OCR): "47/2017/NĐ-CP"
IDENTIFIER_ALONE = re.compile(r"^(?P<num>\d{1,6})/(?P<year>(?:19|20)\d{2})/(?P<sym>[A-ZĐ]{1,6}-[A-ZĐ][\wĐđ]*)$")


def _number_line_rank(line: str) -> int:
    """'Số: 1105/KH-ĐKT' before 'SỐ 1050/QĐ-SCT' (part of the issuer's name) before any other line."""
    t = line.lstrip("*_ ")
    if NUMBER_LABEL.match(t):
        return 0
    return 1 if t.startswith(("Số", "SỐ")) else 2


def read_number(lines: list[str]) -> tuple[Optional[int], Optional[str], Optional[str], Optional[str], str, bool]:
    """(line index, number, year, symbol, separator, number unreadable) of the Số line."""
    order = sorted(range(min(len(lines), 40)), key=lambda i: _number_line_rank(lines[i]))
    for i in order:
        line = lines[i]
        if NUMBER_ALONE.search(line) and i + 1 < len(lines):
            line = line + " " + lines[i + 1]          # "Số:" / "7360/KH-UBND" on two lines
        elif line.endswith("-") and i + 1 < len(lines) and SYMBOL_REST.match(lines[i + 1]):
            line = line + lines[i + 1]                # "Số: 01/2022/TTLT-VKSNDTC-" / "TANDTC-BCA-BQP-BLĐTBXH"
        m = NUMBER_LINE.search(line)
        if m and m["junk"] and not line.lstrip("*_ ").startswith(("Số", "SỐ")):
            continue              # an unreadable number only on a line of its own: "Số: 4 46 /QĐ-UBND"
        if m and (line.lstrip().startswith(("Số", "SỐ")) or m.start() < 40 or "Số:" in line):
            sym = SPACED_SEPARATOR.sub(r"\1", m["sym"]).rstrip(".-/")
            return i, m["num"], m["year"], sym, m["sep"], bool(m["junk"])
    for i, line in enumerate(lines[:8]):
        m = IDENTIFIER_ALONE.match(line)
        if m:
            return i, m["num"], m["year"], m["sym"], "/", False
        m = SYMBOL_ALONE.match(line)
        if m:
            return i, None, None, SPACED_DASH.sub("-", m["sym"]), "/", False
    return None, None, None, None, "/", False


def identifier(number: Optional[str], year: Optional[str], symbol: Optional[str], sep: str) -> Optional[str]:
    """The identifier as it is cited: Party style `123-KH/TU`, state style `06/2021/QĐ-UBND` or `899/QĐ-TTg`."""
    if not (number and symbol):
        return None
    if sep == "-" and "/" in symbol:
        return f"{number}-{symbol}"          # Party style 123-KH/TU
    if year:
        return f"{number}/{year}/{symbol}"
    return f"{number}/{symbol}"


def number_warnings(number: Optional[str], symbol: Optional[str], unreadable: bool) -> list[Warning]:
    if symbol is None:
        return [Warning(code="number_missing", message="no 'Số:' line found in the header")]
    if number is None and unreadable:
        return [Warning(code="number_unreadable", message=f"the number before /{symbol} cannot be read (OCR)")]
    if number is None:
        return [Warning(code="number_blank", message=f"the number before /{symbol} is blank")]
    return []


#: The document's own appendix line, the only place a header-less text prints its number and date:
#: "(Kèm theo Nghị quyết số 394/NQ-CP ngày 03 tháng 12 năm 2025 của Chính phủ)",
#: "*(Kèm theo Thông tư số 37/2025/TT-BKHCN" / "ngày 28 tháng 11 năm 2025 của Bộ trưởng ...)*"
ATTACHED_NUMBER = re.compile(
    r"(?m)^[\s*_]*\(\s*(?:[Bb]an hành\s+)?[Kk]èm\s+theo\s+(?P<type>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)\s+số\s*:?\s*"
    r"(?P<num>\d{1,6})\s*/\s*(?:(?P<year>(?:19|20)\d{2})\s*/\s*)?"
    r"(?P<sym>[A-ZĐ][\wĐđ]*(?:\s*-\s*[A-ZĐ\d][\wĐđ]*)*)(?P<tail>[^)]{0,80})")


def attached_number(text: str, type_names: set[str]) -> Optional[tuple[str, Optional[str], str, str]]:
    """(number, year, symbol, the rest of the line) from the first appendix line that attaches to a
    document of this type (`type_names`, lower case; any type when empty)."""
    for m in ATTACHED_NUMBER.finditer(text):
        if not type_names or " ".join(m["type"].split()).casefold() in type_names:
            return m["num"], m["year"], SPACES.sub("", m["sym"]), " ".join(m["tail"].split())
    return None
