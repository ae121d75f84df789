"""A heading that names a collective and lists its members  # thành viên: "1.3. Các cơ quan quan tham mưu
quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Nông nghiệp và Môi trường, Công Thương, Tài chính, Khoa học và
Công nghệ, Văn hóa, Thể thao và Du lịch)" (1627/QĐ-UBND Quảng Ngãi, Kế hoạch IV.1.3): the duties under it are
the collective's and each member's.

    members_heading(text) -> list[str] | None     the collective, then each member, as one lead list
    members_listed(collective, text) -> list[str] | None   "các Sở" + "Xây dựng, Tài chính, Nội vụ." as three names
    distributed(text) -> str                      "Giám đốc các Sở: Nội vụ; Tài chính" as one name per member
"""
from __future__ import annotations

import re
from typing import Optional

from ..bodies import find_bodies, fold_name, gazetteer
from ..bodies.lists import is_collective_piece

LISTED_WORD = re.compile(r"[^\s,;]+(?:[,;]?)")       # a word with its list comma

#: A collective and its members in brackets: "<collective> (gồm các Sở: X, Y, Z)", "(bao gồm: ...)".
MEMBERS_IN_BRACKETS = re.compile(r"^(?P<who>[^()]{3,160}?)\s*\((?:bao\s+)?gồm\s*:?\s*(?P<list>[^()]+)\)\s*[:.]?\s*$",
                                 re.I)
#: The head shared by the members: "các Sở: Xây dựng, ..." -> "Sở".
SHARED_HEAD = re.compile(r"^(?:các\s+)?(?P<head>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[a-zà-ỹđ]+)?)\s*:\s*(?P<rest>.+)$")


def members_heading(text: str) -> Optional[list[str]]:
    """The lead list of a heading that is a collective with its members in brackets, or None."""
    m = MEMBERS_IN_BRACKETS.match(text.strip())
    if not m or not is_collective_piece(m.group("who")):
        return None
    members = _members(m.group("list").strip(" .;"))
    return [m.group("who").strip()] + members if members else None


#: a plural collective of one head: "Các Sở"
PLURAL_HEAD = re.compile(r"^(?:các|những)\s+(?P<head>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)$", re.I)


def members_listed(collective: str, text: str) -> Optional[list[str]]:
    """The members a text lists after a heading that names a plural collective of one head, cut at a line break
    ("2. Trách nhiệm của các Sở:" + "Xây dựng, Tài chính, Nội vụ.", pool 8d9779ed10e6bcb7 appendix Điều 15.2): one
    name per member, only when the head and every member make a name of the gazetteer; else None."""
    m = PLURAL_HEAD.match(collective.strip())
    if m is None:
        return None
    names = _members(f"{m.group('head')}: {text.strip(' .;:')}")
    official = gazetteer().official
    return names if names and all(fold_name(n) in official for n in names) else None


def _members(text: str) -> list[str]:
    """"các Sở: Xây dựng, Văn hóa, Thể thao và Du lịch" -> ["Sở Xây dựng", "Sở Văn hóa, Thể thao và Du lịch"]:
    comma parts joined as long as the head and the parts make a name of the gazetteer; without a shared head, the
    bodies the text names."""
    h = SHARED_HEAD.match(text)
    if not h:
        return [b.name for b in find_bodies(text)]
    head, parts = h.group("head"), [p.strip() for p in h.group("rest").split(",") if p.strip()]
    official = gazetteer().official
    out, i = [], 0
    while i < len(parts):
        j = next((j for j in range(len(parts), i + 1, -1)
                  if fold_name(f"{head} {', '.join(parts[i:j])}") in official), i + 1)
        out.append(f"{head} {', '.join(parts[i:j])}")
        i = j
    return out


#: An office title over the members of one kind of body after a colon: "Giám đốc các Sở: Văn hóa, Thể thao và Du lịch;
#: Nội vụ; Tài Chính; Chủ tịch ..." (pool 7599f6525eb44d2e Điều 4.2), "Giám đốc các Sở: Giáo dục và Đào tạo, Nội vụ;
#: Thủ trưởng ..." (corpus 051 Điều 4.2)
TITLE_OVER_MEMBERS = re.compile(r"(?P<title>(?<![\w])[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[\wÀ-ỹ]+){0,2}?)\s+các\s+"
                                r"(?P<head>[\wÀ-ỹ]+)\s*:\s*")
#: what every match of TITLE_OVER_MEMBERS holds, found by a literal search: a text without it is not scanned for one
#: (the title pattern is tried at every capital letter of a paragraph)
MEMBERS_AFTER = re.compile(r"các\s+[\wÀ-ỹ]+\s*:")
#: the separators between the members: ", ", "; ", " và "
MEMBER_GAP = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+)")


#: a plural collective of one head over its members after a colon, with no title: "Các Bộ: Quốc phòng, Tài chính ..."
PLURAL_OVER_MEMBERS = re.compile(r"[Cc]ác\s+(?P<head>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)\s*:\s*")


def distributed(text: str) -> str:
    """A text with an office title over a list of bodies of one head after a colon written out as one holder per
    member, each under the title ("Giám đốc các Sở: Văn hóa, Thể thao và Du lịch; Nội vụ; Tài Chính; Chủ tịch ..."
    -> "Giám đốc Sở Văn hóa, Thể thao và Du lịch; Giám đốc Sở Nội vụ; Giám đốc Sở Tài chính; Chủ tịch ..."): a
    member is the longest run of words that with the head makes a name of the gazetteer, and the list ends at the
    first run that makes none. The text unchanged when no member is found, at once when it has no colon or no "các"
    that a list could follow (most texts: no regex pass, issue 13)."""
    if ":" not in text or "các" not in text and "Các" not in text:
        return text
    g = gazetteer()
    for m in TITLE_OVER_MEMBERS.finditer(text) if MEMBERS_AFTER.search(text) else ():
        title, head = m.group("title"), m.group("head")
        if fold_name(title) not in g.titles or (head.lower(),) not in g.heads:
            continue
        names, at = _gazetteer_run(head[:1].upper() + head[1:], text, m.end())
        if names:
            written = "; ".join(f"{title} {n}" for n in names)
            gap = MEMBER_GAP.match(text, at)       # the holder after the list: "..., Công Thương" + " và " + "Thủ
            rest = "; " + text[gap.end():] if gap and gap.end() > at else text[at:]    # trưởng các cơ quan ..."
            return text[:m.start()] + written + distributed(rest)
    m = PLURAL_OVER_MEMBERS.match(text)          # the holder the text opens with, not a heading's "của các Sở:"
    if m and (m.group("head").lower(),) in g.heads:
        # "8. Các Bộ: Quốc phòng, Tài chính kịp thời xuất cấp ..." (pool md/15e6fb3d) -> "Bộ Quốc phòng, Bộ Tài chính ..."
        names, at = _gazetteer_run(m.group("head"), text, m.end())
        if len(names) >= 2:
            return ", ".join(names) + text[at:]
    return text


def _gazetteer_run(head: str, text: str, at: int) -> tuple[list[str], int]:
    """The names of the gazetteer that `head` and the members from `at` on make, and where the last one ends."""
    official = gazetteer().official
    names, end, last = [], at, at
    while True:
        words = list(LISTED_WORD.finditer(text[end:end + 200]))
        best = None
        for j in range(min(len(words), 12), 0, -1):
            piece = text[end:end + words[j - 1].end()].rstrip(",;")
            hit = official.get(fold_name(f"{head} {piece}"))
            if hit is not None:
                best = (hit[0], end + len(piece))
                break
        if best is None:
            return names, last
        names.append(best[0])
        last = best[1]
        gap = MEMBER_GAP.match(text, last)
        if gap is None or gap.end() == last:
            return names, last
        end = gap.end()
