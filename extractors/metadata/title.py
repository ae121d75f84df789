"""The title (trích yếu nội dung): the summary under the type line, or the V/v lines of a công văn.

    find_title(lines, type_i, cv_i, inline_title) -> (title, warnings)
    read_title(lines, start) -> the summary lines from `start`, joined
    summary_cv_line(lines) -> the index of a công văn's "V/v ..." line
    cut_role_tail(title)   -> the issuing authority printed after an upper-case summary dropped
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.lexicon.casing import expand_upper
from vanban.lexicon.header import header_vocab, starts
from vanban.lexicon.patterns import ADDRESSEE, ATTACHED_TO, BODY_OR_PURPOSE, RULE, SUBJECT_LINE
from vanban.lexicon.text import is_upper_line, upper_run
from vanban.schemas.models import Warning

from .number import NUMBER_LINE
from .place_date import CITED_BEFORE, DATE_WORDS

@lru_cache(maxsize=None)
def _role_tail_re() -> re.Pattern:
    """The issuing authority printed after the summary: "... NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP"."""
    v = header_vocab()
    titles = sorted(v.titles, key=len, reverse=True)
    heads = sorted((h for h, _ in v.heads), key=len, reverse=True)
    return re.compile(r"\s(?:" + "|".join(map(re.escape, titles)) + r")\s+(?:" + "|".join(map(re.escape, heads))
                      + r")\b")


#: A line that opens by citing a document, never a title line: "Nghị định số 20/2020/NĐ-CP ngày 17 tháng 02 ..."
CITING_STATEMENT = re.compile(r"^[A-ZĐ][^\W\d_]*(?:\s+[^\W\d_]+){0,3}\s+số\s+\d+[\w.]*/")
#: Words that end a line of a summary that goes on: "... CỦA" / "BỘ CÔNG THƯƠNG"
CONNECTORS = ("CỦA", "VÀ", "VỚI", "GIỮA", "CHO", "TẠI", "VỀ", "THUỘC", "TRONG", "ĐỐI")


def starts_authority(line: str) -> bool:
    """An upper-case line naming the enacting authority: "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "BỘ TRƯỞNG BỘ TƯ PHÁP"."""
    v = header_vocab()
    words = expand_upper(line).split()
    return any(starts(words, h) for h, _ in v.heads) or any(starts(words, t) for t in v.titles)


def cut_role_tail(title: str) -> str:
    """Drop the issuing authority printed after an upper-case summary: "... NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP",
    but not an authority inside the summary ("... CỦA THỦ TƯỚNG CHÍNH PHỦ BAN HÀNH ...")."""
    found = list(_role_tail_re().finditer(title))
    if not found:
        return title
    m = found[-1]
    before = title[:m.start()].split()
    if not before or before[-1] in ("CỦA", "VÀ", "VỚI", "CHO") or len(title[m.start():].split()) > 8:
        return title
    return title[:m.start()]


def read_title(lines: list[str], start: int) -> Optional[str]:
    """The summary lines from `start`, joined into one line."""
    out: list[str] = []
    upper = None
    for j in range(start, len(lines)):
        s = lines[j]
        if RULE.match(s) or ADDRESSEE.match(s) or ATTACHED_TO.match(s) or NUMBER_LINE.match(s):
            break
        if out and (BODY_OR_PURPOSE.match(s) and not out[-1].endswith((",", "và", "của", "về"))):
            break
        if out and CITING_STATEMENT.match(s):
            break                 # a consolidated text's statement: "Nghị định số 20/2020/NĐ-CP ngày ... được sửa đổi"
        if out and is_upper_line(s) != upper and upper is not None and not s[0].islower():
            break                 # "Về việc ..." then "BỘ TRƯỞNG BỘ XÂY DỰNG"
        if out and is_upper_line(s) and starts_authority(s) and not out[-1].split()[-1] in CONNECTORS:
            break                 # "... TRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP" then "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"
        date_m = DATE_WORDS.search(s)
        if date_m and date_m.start() < 40 and not out and not CITED_BEFORE.search(s[:date_m.start()]):
            continue              # a place and date under the type line, not a title citing a dated document:
            #                       "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA" (pool 165/KH-UBND Cần Thơ)
        run, rest = upper_run(s.split())
        if len(run.split()) >= 2 and rest and BODY_OR_PURPOSE.match(" ".join(rest)):
            out.append(run)       # "VỀ CƠ CHẾ, ... THU HỒI Căn cứ Luật Tổ chức ..." flattened by a crawl
            break
        out.append(s.strip())
        if upper is None and sum(c.isalpha() for c in s) >= 2:
            upper = is_upper_line(s)  # a one-letter first line tells no case: "Ý" / "KIẾN CHỈ ĐẠO CỦA ..." (corpus 108)
        if s.endswith((".", ";")):
            break
    title = " ".join(out).strip()
    if is_upper_line(title):
        title = cut_role_tail(title).strip()
    return title or None


def summary_cv_line(lines: list[str]) -> Optional[int]:
    """The "V/v ..." summary line of a công văn, if any."""
    return next((i for i, s in enumerate(lines[:45]) if SUBJECT_LINE.match(s)), None)


def find_title(lines: list[str], type_i: Optional[int], cv_i: Optional[int],
               inline_title: Optional[str]) -> tuple[Optional[str], list[Warning]]:
    """The summary under the type line; for a công văn the V/v lines; else a title printed inline."""
    title = None
    if type_i is not None:
        title = read_title(lines, type_i + 1)
    if title is None and cv_i is not None:
        title = read_title(lines, cv_i)
    if title is None:
        title = inline_title
    if not title:
        return None, [Warning(code="title_missing", message="no summary line under the document type")]
    return title, []
