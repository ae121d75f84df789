"""Body names in a text, with offsets: the matcher's spans, then a province after a name
("Công an tỉnh Lào Cai"), an office-holder before it ("Thủ trưởng các sở, ban, ngành",
"Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu") and the owner of a collective
("Các đơn vị thuộc Bộ Tư pháp") taken in.

    find_bodies(text: str) -> list[BodySpan]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import gazetteer
from .index import match_spans
from .names import canonical_name, proper_case


@dataclass
class BodySpan:
    name: str          # as written, whitespace folded, proper-cased
    start: int
    end: int
    canonical: str
    kind: str = "other"


#: A collective and the body it belongs to: "Các đơn vị thuộc " + "Bộ Tư pháp" (097).
BELONGS_TO = re.compile(r"(?s).*\b(?:trực\s+)?thuộc\s*")
#: A collective and the bare level it belongs to: "các đơn vị thuộc Bộ" (010), "các cơ quan thuộc tỉnh".
BELONGS_TO_BARE = re.compile(r"\s+(?:trực\s+)?thuộc\s+(?:Bộ|tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|UBND\s+tỉnh)(?!\w)")


#: A province name after a body ("Công an tỉnh Lào Cai", "Sở Văn hóa, Thể thao và Du lịch
#: tỉnh Lâm Đồng", "Báo và Phát thanh, Truyền hình Đồng Nai"), built from the gazetteer, or a
#: numbered region of a branch ("Ngân hàng Nhà nước chi nhánh" + " khu vực 14", issue 10).
@lru_cache(maxsize=1)
def province_names() -> str:
    """The gazetteer's province names as one regex alternation, longest first, any white space inside."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(gazetteer().provinces, key=len, reverse=True))


@lru_cache(maxsize=1)
def _tail() -> re.Pattern:
    names = province_names()
    return re.compile(rf"(?:\s+(?:tỉnh|thành\s+phố|TP\.?))?\s+(?:{names})(?!\w)"
                      r"|\s+(?:chi\s+nhánh\s+)?khu\s+vực\s+(?:\d+|[IVXLC]+)(?![\w/])", re.I)


#: The places a plural committee names after a colon: "Ủy ban nhân dân các tỉnh" + ": Đắk Lắk, Khánh Hòa, Gia Lai và
#: Lâm Đồng" (227/CĐ-TTg), "Ủy ban nhân dân các thành phố" + ": Hà Nội, Cần Thơ" (624/TB-VPCP): one holder.
@lru_cache(maxsize=1)
def _places_after_colon() -> re.Pattern:
    names = province_names()
    return re.compile(rf"\s*:\s*(?:{names})(?:(?:\s*,\s*|\s+và\s+)(?:{names}))*(?!\w)")


#: Several provinces or cities: "các tỉnh", "các thành phố", "các tỉnh, thành phố trực thuộc trung ương".
_PLURAL = r"các\s+(?:tỉnh|thành\s+phố)(?:,\s+thành\s+phố)?(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?"
#: The plural unit after a committee's name: "Chủ tịch Ủy ban nhân dân" + " các tỉnh" (227/CĐ-TTg).
PLURAL_UNIT = re.compile(rf"\s+{_PLURAL}(?!\w)")
#: A committee span that names several places: "... các tỉnh", "... các thành phố", "... các tỉnh, thành phố".
PLURAL_PLACES = re.compile(rf"\b{_PLURAL}$")


def find_bodies(text: str) -> list[BodySpan]:
    """Every body named in `text`, left to right, with character offsets.
    Memoised per text (the task extractor asks again about the same paragraphs and cells);
    each call gets BodySpans of its own (the memo holds plain tuples, which the garbage collector
    does not walk)."""
    return [BodySpan(*b) for b in _find_bodies(text)]


@lru_cache(maxsize=4096)
def _find_bodies(text: str) -> tuple[tuple[str, int, int, str, str], ...]:
    return tuple(_spans(text))


#: How far back before a matched name an office title and an organ are looked for (`_with_organ`).
TITLE_REACH, ORGAN_REACH = 30, 40
#: How far back a name's start can move: a title before it, an organ before that, a title over the organ.
TAKEN_IN = TITLE_REACH + ORGAN_REACH + TITLE_REACH


def opens_with_body(text: str) -> bool:
    """Does a body found in `text` start at its first or second character (after a bullet or a bracket)? As
    `any(b.start <= 1 for b in find_bodies(text))`, but a text whose matched names all start past TAKEN_IN + 1
    is answered from the matcher's spans alone, since a name's start moves back at most TAKEN_IN characters: most
    texts the task extractor asks this about are so, and nobody asks for their names."""
    if all(s > TAKEN_IN + 1 for s, _, _, _ in _matched(text)):
        return False
    return any(start <= 1 for _, start, _, _, _ in _find_bodies(text))


@lru_cache(maxsize=4096)
def _matched(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """The matcher's spans of a text (index.match_spans), memoised for opens_with_body and _spans."""
    return tuple(match_spans(text))


def _spans(text: str) -> list[tuple[str, int, int, str, str]]:
    """(name, start, end, canonical, kind) of the bodies in `text`: the matcher's spans and what is taken in."""
    out: list[tuple[str, int, int, str, str]] = []
    tail = _tail()
    found = _matched(text)
    # "Các đơn vị thuộc Bộ Tư pháp", "Thủ trưởng các đơn vị có liên quan thuộc Bộ Tư pháp" (097): one collective
    joined: list[tuple[int, int, str, bool]] = []
    for span in found:
        if joined and joined[-1][2] == "collective" and _belongs(text[joined[-1][0]:span[0]]):
            joined[-1] = (joined[-1][0], span[1], "collective", False)
        else:
            joined.append(span)
    found = joined
    title = gazetteer().office_title
    for k, (s, e, kind, _gaz) in enumerate(found):
        t = title.search(text, max(0, s - TITLE_REACH), s) if _after_title_word(text, s, TITLE_REACH) else None
        if t and (not out or out[-1][2] <= t.start()):
            s = t.start()
        if kind == "collective":
            b = BELONGS_TO_BARE.match(text, e)      # "Thủ trưởng các đơn vị thuộc Bộ" (010)
            if b and (k + 1 == len(found) or b.end() <= found[k + 1][0]):
                e = b.end()
        if kind == "collective":
            e = _with_level_pair(text, s, e, found[k + 1][0] if k + 1 < len(found) else len(text))
        if kind == "committee" and text[s:e].endswith("nhân dân"):
            u = PLURAL_UNIT.match(text, e)      # "Chủ tịch Ủy ban nhân dân" (a gazetteer form) + " các tỉnh"
            e = u.end() if u and (k + 1 == len(found) or u.end() <= found[k + 1][0]) else e
        m = tail.match(text, e)
        if kind == "committee" and PLURAL_PLACES.search(text, s, e):
            m = _places_after_colon().match(text, e)
        next_start = found[k + 1][0] if k + 1 < len(found) else len(text)
        if m and m.end() <= next_start:
            e = m.end()
        s, kind = _with_organ(text, s, kind, out)
        e = _before_second_title(text, s, e)
        name = proper_case(text[s:e])
        out.append((name, s, e, canonical_name(name), kind))
    return out


def _belongs(gap: str) -> bool:
    """Does a collective and the text after it up to the next body end with "thuộc" (`BELONGS_TO`)? The regex runs
    only on a text ending so: its leading ".*" backtracks over the whole text."""
    return gap.rstrip().endswith("thuộc") and BELONGS_TO.fullmatch(gap) is not None


def _after_title_word(text: str, s: int, reach: int) -> bool:
    """Does the text in the `reach` characters before `s` end, white space aside, with the last word of an office
    title? Only then can `office_title` (a title and white space up to `s`) match there: most bodies have none."""
    return text[max(0, s - reach):s].rstrip().endswith(gazetteer().office_title_ends)


def _with_level_pair(text: str, s: int, e: int, limit: int) -> int:
    """The end of a collective name with the second level of a pair after "và" (bodies.yaml `level_pairs`): "Các cơ
    quan trung ương" + " và địa phương" (corpus 130, NQ 26/2026/NQ-CP Điều 4.3: "Các cơ quan trung ương và địa phương
    chủ động sử dụng dự toán ..."), "Các cơ quan thông tấn, báo chí" + " trung ương và địa phương" (pool 653/TB-VPCP):
    one holder. Only a word that may open the rest ("và", a first level's first word) after the name is looked at."""
    nxt = NEXT_WORD.match(text, e)
    if nxt is None or nxt.group(1).casefold() not in _level_pair_openers():
        return e
    low = " ".join(text[s:e].casefold().split())
    for first, second in gazetteer().level_pairs:
        # "... báo chí" + " trung ương và địa phương"
        m = _level_pair_pattern(first, second, not low.endswith(" " + first)).match(text, e)
        if m and m.end() <= limit:
            return m.end()
    return e


#: The word after a name and the white space before it.
NEXT_WORD = re.compile(r"\s+(\w+)")


@lru_cache(maxsize=1)
def _level_pair_openers() -> frozenset[str]:
    """The words the rest of a level pair may open with (`_level_pair_pattern`): "và", or a first level's first word."""
    return frozenset({"và"} | {first.split()[0] for first, _ in gazetteer().level_pairs})


@lru_cache(maxsize=None)
def _level_pair_pattern(first: str, second: str, with_first: bool) -> re.Pattern:
    """The rest of a level pair after a collective's name: " và địa phương", or " trung ương và địa phương" when the
    name does not end with the first level (compiled once per pair; it was built at every collective)."""
    words = lambda p: r"\s+".join(map(re.escape, p.split()))    # noqa: E731
    before = rf"\s+{words(first)}" if with_first else ""
    return re.compile(rf"{before}\s+và\s+{words(second)}(?!\w)", re.I)


#: What joins a second office title to a name (`second_title` opens with one): a comma, "và", "hoặc".
SECOND_TITLE_JOINER = re.compile(r",|\s(?:và|hoặc)\s")


def _before_second_title(text: str, s: int, e: int) -> int:
    """The end of a name before a second office title the matcher ran into ("Bộ trưởng Bộ Quốc phòng" + " và Thủ
    trưởng" + " các cơ quan có liên quan", pool 1e6fb98e16a75e3d appendix Điều 30.1; "Vụ trưởng Vụ Pháp chế" + " và
    Thủ trưởng các đơn vị có liên quan thuộc Bộ", 266dbea1c7803ae9 Điều 3): that title, over a determiner, opens the
    next holder. A second title over the same list without a determiner shares it ("Bộ trưởng các Bộ, Thủ trưởng cơ
    quan ngang Bộ, cơ quan thuộc Chính phủ", pool 8018a6f353d60a9e item 1), and titles opening the name stay."""
    g = gazetteer()
    run = g.title_run.match(text, s)
    start, end = run.end() if run else s, min(len(text), e + 2)
    if not SECOND_TITLE_JOINER.search(text, start, end):
        return e                                    # no ",", "và" or "hoặc" in the name: no second title
    m = g.second_title.search(text, start, end)
    if m is None or m.start() >= e:
        return e
    title = g.title_run.match(text, m.end())
    after = text[title.end():].split(" ", 1)[0].casefold() if title else ""
    return m.start() if after in g.determiners else e


def _with_organ(text: str, s: int, kind: str, out: list) -> tuple[int, str]:
    """The start of a body's name with the organ of it named before "của" (bodies.yaml `organs_of`), and its kind:
    "các Ủy ban" + " của " + "Quốc hội" (corpus 104 Điều 3.3), "Hội đồng quản trị" + " của " + "Bảo hiểm tiền gửi
    Việt Nam" (corpus 121 Điều 7.1), with the office over the organ ("Chủ tịch Hội đồng quản trị của ..."): one
    holder, a collective when plural. A body found on the organ's words ("các Ban" read as a collective) is taken in."""
    g = gazetteer()
    reach = max(0, s - ORGAN_REACH)
    m = g.organ_of.search(text, reach, s) if text[reach:s].rstrip().endswith("của") else None
    if m is None or (out and out[-1][2] > m.start() and not (out[-1][1] >= m.start() and out[-1][2] <= s)):
        return s, kind
    if out and out[-1][1] >= m.start():
        out.pop()                                   # "các Ban" read as a collective: the organ's words
    t = g.office_title.search(text, max(0, m.start() - TITLE_REACH), m.start()) \
        if _after_title_word(text, m.start(), TITLE_REACH) else None
    plural = m.group().split(" ", 1)[0].casefold() in g.determiners      # "các Ủy ban": a collective, as before
    return (t.start() if t and (not out or out[-1][2] <= t.start()) else m.start()), "collective" if plural else "other"
