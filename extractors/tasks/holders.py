"""Holders written with more than their name: the parts of a task sentence's holder that are no part of it, or
that the body finder does not read as part of it.

    without_second_office(who, text)  "Bộ trưởng Bộ Tài chính - Phó Trưởng ban ..." -> "Bộ trưởng Bộ Tài chính"
    without_role(who, text)           "Bộ Tài chính - Cơ quan Thường trực Ban Chỉ đạo 751 ..." -> "Bộ Tài chính"
    role_cut(name)                    "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo" -> "Sở Tài chính"
    numbered(span, gap)               does the number after a name belong to it ("Ban Chỉ đạo" + " 389 quốc gia")
    holder_gap(gap)                   ", " or " và " and a holder word before the next name (" và hệ thống ")
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.lexicon import load

from ..bodies import find_bodies, gazetteer
from .cues import phrases, starts_with_duty

#: punctuation that no office or name before a verb runs over
MARK = re.compile(r"[.;:]")

#: a dash between a holder's office and a second office of the same person: "Bộ trưởng Bộ Tài chính" + " - " + "Phó
#: Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia"
OFFICE_DASH = re.compile(r"\s+[-–]\s+")


def without_second_office(who: str, text: str) -> tuple[str, str]:
    """A holder without the second office its person holds, written after a dash, and the text without that
    office ("Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia tập trung lãnh đạo ..."
    -> "Bộ trưởng Bộ Tài chính", "Bộ trưởng Bộ Tài chính tập trung lãnh đạo ...", corpus 127 item 3): the office
    is an aside, the holder is named before it. Only an office title after the dash (a deputy's too) is one: a
    dash inside a name stays ("Bộ Lao động - Thương binh và Xã hội", "Ngân hàng Nhà nước Việt Nam - Chi nhánh
    Khu vực II"). The office ends at the first predicate verb; without one, nothing changes."""
    m = OFFICE_DASH.search(who)
    if m is None or not who.casefold().startswith(phrases().person_offices):
        return who, text
    office = text[m.end():]
    low = office.casefold()
    deputy = next((d for d in phrases().deputies if low.startswith(d + " ")), "")
    if not gazetteer().title_run.match(office, len(deputy) + 1 if deputy else 0):
        return who, text
    verb = phrases().predicate_any.search(office)
    if verb is None or MARK.search(office, 0, verb.start()) or len(office[:verb.start()].split()) > 15:
        return who, text
    return who[:m.start()], f"{text[:m.start()]} {office[verb.start():]}"


@lru_cache(maxsize=1)
def _roles() -> tuple[str, ...]:
    """assignment_words.yaml `apposition_roles`, longest first."""
    return tuple(sorted((w.casefold() for w in load("assignment_words.yaml")["apposition_roles"]), key=len, reverse=True))


#: the number of the body a role names, after its name: " 751"
ROLE_NUMBER = re.compile(r"\s+\d{1,4}(?!\w)")


def _role_dash(who: str) -> Optional[re.Match]:
    """The dash between a body and a role written after it (assignment_words.yaml `apposition_roles`), or None: the
    name before the dash must be a body's whole ("Bộ Tài chính" + " - " + "Cơ quan Thường trực Ban Chỉ đạo")."""
    m = OFFICE_DASH.search(who)
    if m is None or not who[m.end():].casefold().startswith(_roles()):
        return None
    spans = find_bodies(who[:m.start()])
    return m if spans and spans[0].start == 0 and spans[-1].end >= m.start() else None


def without_role(who: str, text: str) -> tuple[str, str]:
    """A holder without the role written after it and a dash, and the text without that role ("Bộ Tài chính - Cơ
    quan Thường trực Ban Chỉ đạo 751 đôn đốc các Bộ, ..." -> "Bộ Tài chính", "Bộ Tài chính đôn đốc các Bộ, ...",
    230/CĐ-TTg item 4, corpus 132): the role is an apposition, the holder is the body before the dash. The role runs
    to the end of `who` and the number of the body it names; the work must follow it. A dash inside a name stays
    ("Bộ Lao động - Thương binh và Xã hội")."""
    m = _role_dash(who)
    if m is None:
        return who, text
    n = ROLE_NUMBER.match(text, len(who))
    rest = text[n.end() if n else len(who):].lstrip(" ,")
    if not starts_with_duty(rest):
        return who, text
    return who[:m.start()], f"{who[:m.start()]} {rest}"


def role_cut(name: str) -> str:
    """A holder's name without a role after a dash ("Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo" -> "Sở Tài
    chính", a heading that names the holder, 1627/QĐ-UBND Quảng Ngãi IV.1.2, corpus 112); else the name."""
    m = _role_dash(name)
    return name[:m.start()] if m else name


#: a number after a name and the lower-case words that go on with it before the verb: " 389 quốc gia ",
#: " 389 các bộ, ngành, địa phương "
NUMBER_THEN_WORDS = re.compile(r"\s+\d{1,4}(?:\s*,?\s+[a-zà-ỹđ][\wà-ỹ]*){0,8}\s*")


def numbered(span, gap: str) -> bool:
    """Is the number right after a body name, and the few lower-case words after it up to the verb, part of the
    name: a body named by a number (assignment_words.yaml `numbered_names`: "Văn phòng Thường trực Ban Chỉ đạo" +
    " 389 quốc gia" + " tăng cường kiểm tra", "Ban Chỉ đạo" + " 389 các bộ, ngành, địa phương" + " xây dựng kế
    hoạch", corpus 127 items 3.1 and 5)? Not a count after any other name ("Đơn vị lập 01 bộ hồ sơ")."""
    low = span.name.casefold()
    return bool(low.endswith(phrases().numbered_names)) and NUMBER_THEN_WORDS.fullmatch(gap) is not None \
        and not any(w in phrases().not_qualifier for w in gap.replace(",", " ").split())


#: the break between two names of a list: ", ", " và ", ", và "
LIST_BREAK = re.compile(r"\s*(?:,\s*và|,|và)\s+")


def holder_gap(gap: str) -> bool:
    """Is the text between two names of a list a break and a word that opens a holder before the next name
    (assignment_words.yaml `holder_words`: "Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam"
    + " và hệ thống " + "các cơ quan báo chí phối hợp với ...", corpus 127 item 4)?"""
    low = gap.casefold()
    w = next((w for w in phrases().holder_words if low.endswith(" " + w)), None)
    return w is not None and LIST_BREAK.fullmatch(gap[:len(gap) - len(w)] + " ") is not None
