"""Holders past a task's first sentence: the bodies a later sentence or clause of the same item gives work to.

    later_holders(text, lead)     holders opening a later clause of an item whose holder is handed down
    with_later_sentences(node, a) an item's own assignment and the holders of its later sentences
"""
from __future__ import annotations

import re

from vanban.pipeline.types import Node

from ..bodies import find_bodies
from .assignment import SENTENCE_STOP, Assign, after_adverbial, for_a_body
from .openers import executes_document, strip_honorific, strip_modal, strip_opener
from .columns import clean
from .cues import find_all, opens_with_head, phrases, starts_with_duty
from .lead_names import leading_bodies
from .name_lists import split_names

#: where a clause or a sentence of a paragraph ends: "...; Trên cơ sở đó, Ban Chỉ đạo 389 ...", "... 2025. Sở ..."
CLAUSE_END = re.compile(r"\s*;\s*|\.\s+(?=[A-ZĐÀ-Ỹ])")


def later_holders(text: str, lead: list[str]) -> list[str]:
    """Holders other than `lead` that open a later clause or sentence of an item whose holder is handed down, a duty
    verb right after them: "3.1. Hoàn thiện Kế hoạch cao điểm ...; báo cáo Phó Thủ tướng ... trước ngày 30 tháng 11 năm
    2025; Trên cơ sở đó, Ban Chỉ đạo 389 các bộ, ngành, địa phương xây dựng kế hoạch, ..." (corpus 127, 11554/VPCP-V.I:
    the item is the Minister of Finance's and the steering committees'), an adverbial before the holder skipped; a
    holder written with a capital (not a rule quoted in a proposal: "..., cơ quan nhà nước có thẩm quyền theo quy định
    tại ... có trách nhiệm:", corpus 072). Not a request (a letter's closing "Đề nghị các cơ quan, đơn vị nghiêm
    túc triển khai thực hiện." glued to its last item), nor a name after a semicolon that goes on a list of names ("Phối hợp với Chánh Văn phòng Ủy ban nhân dân
    tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường tổ chức niêm yết ...")."""
    out: list[str] = []
    clauses = CLAUSE_END.split(text)
    for prev, clause in zip(clauses, clauses[1:]):
        if strip_opener(clause) != clause:
            continue
        found = [n for n in _opening_holders(clause) if n not in lead and n not in out]
        if found and not _ends_with_name(prev):     # the clause before is read only when this one names a holder
            out += found
    return out


def _opening_holders(sentence: str) -> list[str]:
    """The holders a sentence opens with, an adverbial before them skipped, a duty after them; capitalised."""
    if not sentence.lstrip()[:1].isupper() and not after_adverbial(sentence):
        return []           # the names that open a sentence start with its first letter: in lower case, none counts
    t, who = sentence, leading_bodies(sentence)
    if not who:
        t = after_adverbial(sentence)
        who = leading_bodies(t) if t else ""
    if not who[:1].isupper() or not t[len(who):].lstrip(" ,").casefold().startswith(phrases().duty + phrases().lead_words):
        return []
    a = for_a_body(Assign(lead=split_names(who)))
    return a.lead if a else []


def _ends_with_name(text: str) -> bool:
    """Does a text end with a body's name ("Phối hợp với Chánh Văn phòng Ủy ban nhân dân tỉnh")?"""
    spans = find_bodies(text)
    return bool(spans) and spans[-1].end >= len(text.rstrip(" ,"))


def with_later_sentences(node: Node, a: Assign) -> Assign:
    """An item's own assignment and the holders its later sentences give work to: "5. Bộ Y tế chịu trách nhiệm về
    việc tổng hợp số liệu. Bộ Tài chính, Bảo hiểm xã hội Việt Nam, cơ quan bảo hiểm xã hội chịu trách nhiệm về số
    liệu đã rà soát, ..." (113/NQ-CP Điều 2.5, corpus 129); a request after a topic in the item's second paragraph
    ("3. Bộ Tài chính chỉ đạo ..., đồng thời gửi Bộ Y tế." + "Đối với chi phí ... năm 2023, 2024, yêu cầu Bộ Tài
    chính, Bảo hiểm xã hội Việt Nam khẩn trương thực hiện ...", Điều 2.3). A sentence that puts the document into
    execution ("... chịu trách nhiệm thi hành Quyết định này") or holds a condition (`conditions`: "... chịu trách
    nhiệm toàn diện trước Chủ tịch UBND tỉnh nếu để xảy ra ...", corpus 001 II.4) adds no holder."""
    if not a.lead:
        return a
    extra: list[str] = []
    for s in _sentences(node)[1:]:
        if executes_document(s) or any(find_all(s.casefold(), c) for c in phrases().conditions):
            continue
        found = _opening_holders(s) or _asked(s)
        extra += [n for n in found if n not in a.lead and n not in extra and _whole_name(n)]
    if not extra:
        return a
    return Assign(lead=a.lead + extra, coordinators=[c for c in a.coordinators if c not in extra],
                  description=a.description)


def _sentences(node: Node) -> list[str]:
    """The sentences of an item: its title a sentence of its own when its text opens a new paragraph with a
    capital (the tree took the item's first paragraph for its title, its full stop dropped)."""
    title, text = clean(node.title), clean(node.text)
    out = [title] if title and text[:1].isupper() else []
    body = text if out else " ".join(x for x in (title, text) if x)
    return out + [s for s in SENTENCE_STOP.split(body) if s.strip()]


def _asked(sentence: str) -> list[str]:
    """The holders a sentence asks work of with an opener at its start or right after its opening adverbial or
    topic ("Đối với chi phí ... năm 2023, 2024, yêu cầu Bộ Tài chính, Bảo hiểm xã hội Việt Nam khẩn trương ...");
    the first opener only ("giao Bộ trưởng Bộ Tài chính thừa ủy quyền Thủ tướng Chính phủ, ..." asks the Minister,
    not the Prime Minister). Not a request inside the work ("... kịp thời rà soát đề nghị Sở Tư pháp cấp, khóa ...
    tài khoản": the holder's own step)."""
    low = sentence.casefold()
    p = phrases()
    opened = low.startswith(tuple(w + " " for w in p.adverbial) + p.topic_openers)
    places = sorted((at, op) for op in p.openers for at in find_all(low, op)
                    if at == 0 or (opened and low[:at].rstrip().endswith(",")))
    if not places:
        return []
    at, op = places[0]
    tail = strip_honorific(sentence[at + len(op):].lstrip(" :"))
    tail = tail[:1].upper() + tail[1:]                  # "yêu cầu các đơn vị ..." names "Các đơn vị"
    who = leading_bodies(tail)
    a = for_a_body(Assign(lead=split_names(who))) if who and starts_with_duty(
        strip_modal(tail[len(who):].lstrip(" ,"))) else None
    return a.lead if a is not None else []


def _whole_name(name: str) -> bool:
    """Is a holder found in a later sentence a name, not one run into its work ("Chủ tịch Ủy ban nhân dân các tỉnh,
    thành phố dành thời gian quan tâm"): at most two words past the bodies the finder reads at its start; a name the
    finder does not know opens with a head and is short ("Cơ quan bảo hiểm xã hội")."""
    if any(find_all(name, op) for op in phrases().openers):
        return False                    # "Ban thường vụ tỉnh ủy, thành ủy ủy quyền cho chánh văn phòng tỉnh ủy"
    spans = find_bodies(name)
    if not spans or spans[0].start > 0:
        return opens_with_head(name) and len(name.split()) <= 8
    end = spans[0].end
    for b in spans[1:]:
        if name[end:b.start].strip(" ,") not in ("", "và"):
            break
        end = b.end
    return len(name[end:].split()) <= 2

