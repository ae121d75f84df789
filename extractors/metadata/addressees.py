"""The addressees of a công văn (kính gửi): the list after "Kính gửi:".

    read_addressees(lines) -> list[str]
"""
from __future__ import annotations

import re

from vanban.lexicon.patterns import BODY_OR_PURPOSE, ITEM_EDGES, MARKER_START, SUBJECT_LINE
from vanban.lexicon.text import is_upper_line

from .number import NUMBER_LINE
from .place_date import DATE_WORDS

#: The addressee head of a công văn anywhere in a line, the list after it: "Kính gửi:", "Hà Nội, ngày 05 tháng 04 năm 2019
#: Kính gửi: Bộ Kế hoạch và Đầu tư."
ADDRESSEE_AT = re.compile(r"\bKính\s+gửi\s*:?\s*")


#: Item dashes inside one flattened addressee line: "Kính gửi: - Sở Tài chính; - Sở Xây dựng."
ITEM_DASH = re.compile(r"(?:^|(?<=[;.,]))\s*[-–+•]\s+")


#: Table cell rules and bars left by a converter between addressee lines: "|", "| --- |"
CELL_RULE = re.compile(r"^[|\s\-:]*$")


def read_addressees(lines: list[str]) -> list[str]:
    """The addressees after "Kính gửi:" (kính gửi), one a line or flattened on one line:
    ["Kính gửi:", "- Các Sở, ban, ngành thuộc UBND tỉnh;", "- Công an tỉnh."] -> ["Các Sở, ban, ngành thuộc UBND tỉnh",
    "Công an tỉnh"].  The list ends at an item ending with "." or at the first line that is not an item."""
    start = next(((i, m) for i, m in enumerate(ADDRESSEE_AT.search(x) for x in lines[:60]) if m), None)
    if start is None:
        return []
    i, m = start
    items: list[str] = []
    rest = lines[i][m.end():].strip()
    chunks = [rest] if rest else []
    done = bool(rest) and not rest.startswith(("-", "–", "+", "•")) and rest.endswith(".")
    j = i + 1
    while not done and j < len(lines) and j < i + 30:
        t = lines[j]
        j += 1
        if CELL_RULE.match(t):
            continue
        if not chunks and (is_upper_line(t) or NUMBER_LINE.search(t) or SUBJECT_LINE.match(t) or DATE_WORDS.search(t)):
            continue              # the other header column read in between: "ỦY BAN NHÂN DÂN", "Số: /UBND-NC", "V/v ..."
        wrapped = bool(chunks) and not chunks[-1].endswith((";", ".", ":")) and len(t) < 120 and not BODY_OR_PURPOSE.match(t)
        if t.startswith(("-", "–", "+", "•")) or (chunks and t[0].islower()) or wrapped \
                or (not chunks and not BODY_OR_PURPOSE.match(t) and not MARKER_START.match(t)):
            chunks.append(t)
            if t.endswith("."):
                break
        else:
            break
    for chunk in chunks:
        parts = [x for x in ITEM_DASH.split(chunk) if x.strip()]
        if not parts:
            continue
        if items and not chunk.lstrip().startswith(("-", "–", "+", "•")) and not items[-1].endswith((";", ".")):
            items[-1] = items[-1] + " " + parts[0]         # an item wrapped over two lines
            parts = parts[1:]
        items.extend(parts)
    return [y for y in (ITEM_EDGES.sub("", x) for x in items) if y]
