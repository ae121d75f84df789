"""Letters (công văn): the requests a letter makes of bodies in its running text, outside numbered paragraphs.

    front_requests(front, roots) -> (whole, asked)
        whole   the Assign of a letter with no numbered paragraph at all (front path "body"), or None
        asked   {id(root): Assign}: numbered items right below a request that closes the preamble and
                announces them with a colon, for the items that name no body of their own

A letter asks in sentences, an opener (`đề nghị`, `yêu cầu`) after the issuer:
"Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; các đơn vị, cơ sở giáo dục trực thuộc thực hiện
nghiêm túc ... Cụ thể:" (pool md/d97b35347d17f96f.md, one task at "body"); "Bộ Tài chính đề nghị UBND các
tỉnh, thành phố quan tâm chỉ đạo:" + "1. Phổ biến rộng rãi ..." (pool md/9063e901ca3fd0c3.md, one task per
item). A sentence without an opener asks nothing ("Bộ Tài chính đã chỉ đạo xây dựng Cẩm nang ..."), and a
letter that asks nothing of a body gives no task.
"""
from __future__ import annotations

import re
from typing import Optional

from vanban.lexicon.citations import UP
from vanban.pipeline.types import Node

from .assignment import Assign, assignment, for_a_body, node_text, request_tail
from .openers import is_closing
from .columns import clean
from .coordinators import coordinators_in
from .lead_names import leading_bodies, names_only
from .lead_trim import name_fits

#: a sentence end: a full stop, a colon, "!" or "?" and a capital next, or a line break
#: ("... sinh hoạt ngoài trời. Cụ thể:⏎- Thường xuyên cập nhật ...")
SENTENCE_END = re.compile(r"(?<=[.:!?])\s+(?=[\"“(]?[" + UP + r"])|\s*\n+\s*")
#: a numbered item of the top level: "1.", "2."
NUMBERED = re.compile(r"\d{1,2}\.")
#: the addressee block of a letter ("Kính gửi: ...") asks nothing
ADDRESSEE = re.compile(r"^\s*kính gửi", re.I)


def front_requests(front: Optional[Node], roots: list[Node]) -> tuple[Optional[Assign], dict[int, Assign]]:
    if front is None or not front.text:
        return None, {}
    sentences = [s for s in SENTENCE_END.split(clean_lines(front.text)) if s.strip()]
    if front.path == "body":
        return _whole_letter(sentences), {}
    return None, _items_asked(sentences, roots)


def clean_lines(text: str) -> str:
    """The text, each line cleaned, its line breaks kept (they end the bullets of a letter)."""
    return "\n".join(clean(x) for x in text.split("\n"))


def request(sentence: str) -> Optional[tuple[Assign, bool]]:
    """The bodies a sentence asks work of, and whether its work is only a closing formula ("đề nghị Thủ
    trưởng các đơn vị nghiêm túc thực hiện./."); None when it asks nothing of a body."""
    if ADDRESSEE.match(sentence):
        return None
    found = request_tail(sentence)
    if found is None:
        return None
    a, rest = found
    a = for_a_body(a)
    lead = [n for n in a.lead if name_fits(n)] if a is not None else []
    if not lead:                    # a name run past its end: "Hội đồng Kinh doanh Hoa kỳ - ASEAN liên hệ với ..."
        return None
    a = Assign(lead=lead, coordinators=a.coordinators, description=a.description)
    return a, is_closing(rest)


def _whole_letter(sentences: list[str]) -> Optional[Assign]:
    """One task for a letter without numbered paragraphs: the leads of its requests, a closing formula
    counted only when nothing else is asked; the description runs from the first request to the end."""
    found = [(i, r) for i, r in ((i, request(s)) for i, s in enumerate(sentences)) if r is not None]
    asks = [(i, a) for i, (a, closing) in found if not closing] or [(i, a) for i, (a, _) in found]
    if not asks:
        return None
    lead: list[str] = []
    for _, a in asks:
        lead += [n for n in a.lead if n not in lead]
    desc = " ".join(sentences[asks[0][0]:])
    return Assign(lead=lead, coordinators=coordinators_in(desc), description=desc)


def _items_asked(sentences: list[str], roots: list[Node]) -> dict[int, Assign]:
    """The numbered items below a request that closes the preamble with a colon ("... đề nghị UBND các
    tỉnh, thành phố quan tâm chỉ đạo:"): each item that names no body of its own and holds work."""
    if not sentences or not sentences[-1].rstrip().endswith(":"):
        return {}
    r = request(sentences[-1])
    if r is None:
        return {}
    lead = r[0].lead
    out: dict[int, Assign] = {}
    for node in roots:
        if not NUMBERED.fullmatch(node.marker or ""):
            break                                   # the items end where the numbering does
        text = node_text(node)
        own = assignment(node)
        if own is not None and own.lead or not text or names_only(text) or node.children and not node.text \
                or leading_bodies(text):
            continue            # its own holder ("1. Sở Công Thương"), even one that is no body ("Các tổ chức,
                                # cá nhân ... có trách nhiệm"), or a heading over its own items
        first = clean(node.title) or text           # the item's own words, not a later sentence's
        out[id(node)] = Assign(lead=list(lead), coordinators=coordinators_in(first), description=first)
    return out
