"""Coordinators and co-leads: the bodies named after a cue inside a task's text.

    coordinators_in(text)   coordinators  # phối hợp: after "phối hợp với ...", or a body right after "phối hợp"
    co_leads(text)          bodies after "đồng chủ trì với", "cùng với"
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..bodies import kind_of
from ..bodies.names import is_bare
from .cues import phrases, phrase_re, find_word, starts_of
from .lead_names import leading_bodies
from .lead_trim import name_fits
from .name_lists import split_names

# Where a phrase of names after "phối hợp với" surely ends: "; . : ("
PHRASE_STOP = re.compile(r"[;.:(]")


def co_leads(text: str) -> list[str]:
    """Bodies named after "đồng chủ trì với", "cùng với": names only ("cùng với Nhà nước tham gia
    đào tạo" names none)."""
    return _names_after(text, phrases().co_lead, names_only=True)


def coordinators_in(text: str) -> list[str]:
    """Coordinators (phối hợp): the bodies after `phối hợp với ...`, or a body named right after `phối hợp`.
    Memoised per text (an item's text is read again for each of its holders); each call gets its own list."""
    return list(_coordinators_in(text))


@lru_cache(maxsize=4096)
def _coordinators_in(text: str) -> tuple[str, ...]:
    found = _names_after(text, phrases().coordinate)
    return tuple(found + [n for n in _named_right_after(text, phrases().coordinate_direct) if n not in found])


def _named_right_after(text: str, cues: tuple[str, ...]) -> list[str]:
    """Bodies the finder reads right after a cue, when their name ends there: a capitalised word
    next means the name goes on past what the gazetteer knows ("Ban Quản lý Khu kinh tế" + " Dung
    Quất ..."), and a name cut short is worse than none; each name must be a body whole and no
    longer than a body name is ("Các lực lượng" yes, "UBND các xã, phường huy động ca nô, xuồng
    máy, xe chuyên dụng để tiếp cận ..." no: pool 62f25a03)."""
    out: list[str] = []
    for tail in _tails_after(text, cues):
        who = leading_bodies(tail)
        if not who or not tail.startswith(who):
            continue
        names, after = split_names(who), tail[len(who):]
        aside = ASIDE_THEN.match(after)          # "Văn phòng UBND tỉnh (Trung tâm ...) và UBND các xã, phường"
        if aside and names:
            more = leading_bodies(after[aside.end():])
            if more:
                names = names[:-1] + [f"{names[-1]} {aside.group('aside')}"] + split_names(more)
                after = ""                       # the list ran past the aside: its names are read whole
        if after.lstrip()[:1].isupper():
            continue
        plain = lambda n: ASIDE.sub("", n)          # noqa: E731  the name without its aside
        out += [n for n in names if n not in out and not is_bare(plain(n)) and kind_of(plain(n)) != "other"
                and name_fits(plain(n))]
    return out


#: a bracketed aside after a name, and the list going on past it: "Văn phòng UBND tỉnh" + " (Trung tâm Phục vụ
#: hành chính công tỉnh) và " + "UBND các xã, phường" (pool md/2e037ff2daea1c76.md Điều 2.1)
ASIDE = re.compile(r"\s*\([^()]*\)")
ASIDE_THEN = re.compile(r"\s*(?P<aside>\([^()]{3,120}\))\s*(?:,\s*và|,|và)\s+")


def _tails_after(text: str, cues: tuple[str, ...]):
    """The text after each place a cue stands (case-folded match), its leading spaces, commas and colon dropped."""
    low = text.casefold()
    for cue in cues:
        for m in phrase_re(cue).finditer(low) if cue in low else ():   # no regex scan for a cue not there
            yield text[m.end():].lstrip(" ,:")


def _names_after(text: str, cues: tuple[str, ...], names_only: bool = False) -> list[str]:
    """Bodies named right after a cue ("phối hợp với Báo Bắc Giang, Đài Phát thanh và Truyền hình tỉnh
    tăng cường ...")."""
    out: list[str] = []
    for tail in _tails_after(text, cues):
        who = leading_bodies(tail) or ("" if names_only else _until_verb(tail))
        if who.casefold() in phrases().relative_names:
            continue                # "phối hợp với cấp trên để đảm bảo nguồn lực": no body (corpus 125 V.6.-2)
        names = split_names(who)
        if names and is_bare(names[-1]):
            who = _described(tail, who)
        out += [n for n in split_names(who) if n not in out and not is_bare(n)]
    return out


#: The words after a bare collective, up to punctuation: "các cơ quan" + " quản lý NTTS trong ..."
WORDS_AFTER = re.compile(r"\s+([^\s,;.:()]+)")
#: The words that close a collective's description: "... chuyên môn" + " có liên quan", " khác"
CLOSER = re.compile(r"\s+(?:có liên quan|liên quan|khác)(?!\w)")


def _described(tail: str, who: str) -> str:
    """A bare collective after "phối hợp với" and the words that say which ("các cơ quan" + "truyền thông",
    "đơn vị" + "quản lý hạ tầng kỹ thuật liên quan"): up to punctuation, a word that never narrows a name
    ("để", "trong", "khi") or a duty verb after the first word, at most 8 words; `who` if none."""
    p, end, taken = phrases(), len(who), 0
    verbs = set(starts_of(tail, "verbs"))
    for m in WORDS_AFTER.finditer(tail, len(who)):
        if m.start() != end or taken >= 8 or m.group(1) in p.not_qualifier or not m.group(1)[:1].islower() \
                and not m.group(1).isupper() or (taken and m.start(1) in verbs):
            break
        end, taken = m.end(), taken + 1
    if tail[len(who):end].strip().casefold() in p.duty:
        return who                              # only a verb ("các cơ quan" + "xem xét, ..."): no description
    closer = CLOSER.match(tail, end)            # "... chuyên môn" + " có liên quan"
    return tail[:closer.end() if closer else end] if taken else who


def _until_verb(tail: str) -> str:
    words = [d for d in phrases().duty + ("để", "nhằm", "trong việc", "trong") if d in tail]   # the ones it holds
    stops = [i for i in (find_word(tail, d) for d in words) if i > 0]
    stops += [m.start() for m in PHRASE_STOP.finditer(tail)]
    cut = min(stops) if stops else -1
    if cut <= 0 or cut > 160:
        return ""
    return tail[:cut].rstrip(" ,")
