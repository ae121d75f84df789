"""A heading that names a collective and lists its members  # thành viên: "1.3. Các cơ quan quan tham mưu
quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Nông nghiệp và Môi trường, Công Thương, Tài chính, Khoa học và
Công nghệ, Văn hóa, Thể thao và Du lịch)" (1627/QĐ-UBND Quảng Ngãi, Kế hoạch IV.1.3): the duties under it are
the collective's and each member's.

    members_heading(text) -> list[str] | None     the collective, then each member, as one lead list
"""
from __future__ import annotations

import re
from typing import Optional

from ..bodies import find_bodies, fold_name, gazetteer
from ..bodies.lists import is_collective_piece

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
