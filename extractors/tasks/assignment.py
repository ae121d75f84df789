"""Assignment sentences: which bodies a sentence or a heading gives work to.

    read_assignment(text) -> (lead, coordinators) | None      one task sentence
    assignment(node) -> Assign | None                       a tree node's heading or first words
    analyse(text) -> Assign | None                          a sentence's leads, coordinators and work

`Sở Nội vụ: Chủ trì ...`, `Giao Sở Tài chính chủ trì ...`, `UBND các huyện ... cụ thể hóa ...`,
`Các Bộ ...; giao Bộ Nông nghiệp và Môi trường làm chủ Chương trình`.
Vocabulary: lead  # chủ trì;  coordinators  # phối hợp.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from vanban.lexicon.citations import UP

from vanban.pipeline.types import Node

from ..bodies import find_bodies
from ..bodies.gazetteer import gazetteer
from ..bodies.names import held_body, is_bare
from .columns import clean
from .coordinators import co_leads, coordinators_in
from .cues import find_all, phrases, starts_with_duty
from .lead_names import CLAUSE_SPLIT, PARENTHESIS, all_bodies, is_sentence, leading_bodies, names_only
from .lead_trim import is_case, is_generic, name_part
from .holder_headings import heading_holder
from .holders import role_cut, without_role, without_second_office
from .members import distributed, members_listed
from .name_lists import split_names
from .openers import (bracket_holder, executes_document, is_closing, skip_asides, strip_honorific, strip_modal,
                      strip_opener, with_person, without_address)

# A label and what follows it: "Sở Nội vụ: Chủ trì ..."
LEAD_COLON = re.compile(r"^(?P<who>[^:;.]{3,160}?)\s*:\s*(?P<rest>.*)$", re.S)
# A lettered item marker: "a)", "đ)"
LETTER_MARKER = re.compile(r"[a-zđ]\)")


@dataclass
class Assign:
    lead: list[str] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)
    description: str = ""
    #: the lead is named by the node's heading (holder_headings.py): the numbered items below it are its duties
    heading: bool = False



def node_text(node: Node) -> str:
    return _joined(node.title, node.text)


@lru_cache(maxsize=65536)
def _joined(title: Optional[str], text: Optional[str]) -> str:
    """A node's heading and text as one clean line, memoised per pair: the walk asks for it again and again,
    and the pair's strings keep their hashes, which a new joined string would not (issue 13)."""
    return clean(" ".join(x for x in (title, text) if x))


def assignment(node: Node) -> Optional[Assign]:
    """The body this node assigns work to, from its heading or its first words."""
    title, text = clean(node.title), clean(node.text)
    title = strip_opener(title).lstrip(": ")
    if title and text and distributed(f"{title}: {text}") != f"{title}: {text}":
        return analyse(f"{title}: {text}")        # "... Giám đốc các Sở:" + "Giáo dục và Đào tạo, Nội vụ; ..." (051)
    if title and text and (title.endswith((",", " và")) or len(title.split()) == 1):
        return analyse(node_text(node))           # a sentence broken after its first line ("Các" / "Bộ trưởng, ...")
    # a heading cut at a line break in the middle of a name is read with its text as one sentence too; that test
    # splits the heading's names, so it is asked last, only where its answer changes the result (pure functions
    # all: the answer is the same as with the test first)
    broken = (lambda: _cut_at_break(title)) if title and text else (lambda: False)    # noqa: E731
    full = node_text(node)            # a heading, or the first line of a paragraph taken for one
    if title and text and title.casefold().startswith(phrases().topic_openers) and analyse(text) is not None:
        if broken():
            return analyse(full)
        inner = analyse(text)                     # "c) Về việc thỏa thuận giao cắt ...:" + "Ủy ban nhân dân ... xử lý"
        return Assign(lead=inner.lead, coordinators=inner.coordinators, description=full)
    if title and all_bodies(title) and not is_sentence(title) and not is_form_field(title):
        if broken():
            return analyse(full)
        lead = split_names(PARENTHESIS.sub("", title))
        return for_a_body(Assign(lead=lead + co_leads(text), coordinators=coordinators_in(text),
                                  description=text or title))
    if not full:
        return None
    a = analyse(full)
    if a is not None:
        return a                                  # the same whether the heading is cut or not
    held = _by_heading(clean(node.title), text)
    return None if held is None or broken() else held


def _by_heading(title: str, text: str) -> Optional[Assign]:
    """The assignment of a heading that names the holder of the duties below it ("Điều 5. Nội dung Sở Dân tộc và
    Tôn giáo có trách nhiệm chủ trì", "Điều 14. Trách nhiệm của Sở Dân tộc và Tôn giáo", corpus 133): its text is
    the holder's work, unless the text opens with a holder of its own, which then holds it."""
    held = heading_holder(title) if title else None
    listed = members_listed(held[-1], text) if held and text else None
    if listed:                                  # "Trách nhiệm của các Sở:" + "Xây dựng, Tài chính, Nội vụ.": the holders
        return Assign(lead=held[:-1] + listed, heading=True)
    if not held or (text and names_only(text)):
        return None
    inner = analyse(text) if text else None
    if inner is not None and inner.lead and text.casefold().startswith(inner.lead[0].casefold()):
        return Assign(lead=inner.lead, coordinators=inner.coordinators, description=text, heading=True)
    a = for_a_body(Assign(lead=held, coordinators=coordinators_in(text), description=text))
    if a is None or not a.lead:
        return None
    return Assign(lead=a.lead, coordinators=a.coordinators, description=text, heading=True)


def _cut_at_break(title: str) -> bool:
    """Does a heading end in the middle of a name, cut at a source line break: its last name is a title
    or a bare head ("Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc⏎Sở Văn hóa, Thể thao và Du lịch, ...",
    "Điều 4. Chánh Văn phòng⏎UBND tỉnh; Giám đốc Sở Tài chính; ...")?"""
    if title.endswith((":", ".", ";")):
        return False
    names = split_names(PARENTHESIS.sub("", title))
    last = names[-1] if names else ""
    return bool(last) and (is_bare(last) or is_bare(held_body(last) or last))   # "Chánh Văn phòng" + "UBND tỉnh"


def for_a_body(a: Assign) -> Optional[Assign]:
    """The assignment, or None when its leads name no body: a rule about whoever fits a description
    ("Cơ quan quản lý cơ sở dữ liệu quốc gia, ... quyết định lộ trình ...", "Cơ quan, tổ chức, cá nhân
    có quyền sử dụng ..."), which a tracker cannot give to anyone. Coordinators that name no body
    ("phối hợp với các cơ quan, UBND các xã, phường, đơn vị liên quan": "Các cơ quan") are left out, and so is
    a fragment among names ("Chánh Văn phòng, Cục trưởng Cục Trồng trọt và Bảo vệ thực vật, Cơ quan, Thủ trưởng
    các Vụ, Cục, đơn vị có liên quan chịu trách nhiệm thi hành", pool 1796a553dfee88ef Điều 3: "Cơ quan")."""
    lead = [n for n in (role_cut(name_part(n)) for n in a.lead) if n and any(c.isalpha() for c in n)]   # not "…….……"
    if a.lead and (not lead or any(is_case(n) for n in a.lead) or all(is_bare(n) for n in lead)
                   or (len(a.lead) > 1 and _rule(a.lead[0]))):
        return None
    lead = [n for n in lead if not is_generic(n)]
    return Assign(lead=lead, coordinators=[c for c in a.coordinators if not is_bare(c)], description=a.description)



def _rule(first: str) -> bool:
    """Does a run of names open with a rule's subject (`rule_words` outside the bodies found: "Thanh tra thuộc cục
    thuộc bộ được thành lập theo quy định tại Luật Thanh tra và các văn bản pháp luật có liên quan", pool
    e8b69e31579c0186 Điều 10.4; "doanh nghiệp viễn thông phải gửi đề nghị ...; phân loại vị trí ...", 72f18ee047b71e9a)?
    Then the names cut from the rest of the run are pieces of that rule, not holders."""
    spans = find_bodies(first)
    return any(not any(b.start <= m.start() < b.end for b in spans) for m in phrases().rule_words.finditer(first))


def read_assignment(text: str) -> Optional[tuple[list[str], list[str]]]:
    """(lead, coordinators) of one task sentence, or None when it assigns no work to a body."""
    a = analyse(clean(text))
    return (a.lead, a.coordinators) if a is not None else None


def analyse(text: str) -> Optional[Assign]:
    """`<Bodies>: ...`, `[Giao|Đề nghị] <Bodies> chủ trì ...`, `<Body> xây dựng ...; <Body> xây dựng ...`.
    Memoised per text (a node's text is read as a heading's, an item's and a directive's); each call gets
    an Assign of its own."""
    a = _analysed(text)
    return None if a is None else Assign(lead=list(a.lead), coordinators=list(a.coordinators),
                                         description=a.description, heading=a.heading)


@lru_cache(maxsize=16384)
def _analysed(text: str) -> Optional[Assign]:
    a = _analyse(after_in_force(text))
    return for_a_body(a) if a is not None else None


def _analyse(text: str) -> Optional[Assign]:
    t = strip_opener(text)
    asked = t != text                                 # a request: "Giao ...", "Yêu cầu ..."
    t = without_address(t)                            # "Các đồng chí Bộ trưởng, ... đề cao trách nhiệm" (659/TB-VPCP)
    if asked:
        t = bracket_holder(t[:1].upper() + t[1:])    # "Yêu cầu các bộ, ngành ..." names "Các bộ, ngành"
    t = distributed(t)                                # "Giám đốc các Sở: Nội vụ; Tài chính" -> one holder each
    m = LEAD_COLON.match(t) if ":" in t else None     # (no colon, no label: no regex pass)
    if m and any(b.start < m.end("who") < b.end for b in find_bodies(t[:m.end("who") + 120])):
        m = None    # the colon is inside a name: "Ủy ban nhân dân các tỉnh: Đắk Lắk, ..., Lâm Đồng tiếp tục" (227/CĐ-TTg)
    if m and all_bodies(m.group("who")) and not is_sentence(m.group("who")):
        rest = m.group("rest")
        if is_form_field(m.group("who")):
            return None                          # a form's field: "Cơ quan thực hiện: Sở Tư pháp"
        if _names_a_body(rest):                  # the bodies after the colon: work for them, or a field
            return _analyse(rest)                # ("Các Ông/bà: Chánh Văn phòng Bộ; ... chịu trách nhiệm thi hành")
        return Assign(lead=split_names(m.group("who")) + co_leads(rest), coordinators=coordinators_in(rest),
                       description=rest.strip() or text)
    if m and m.group("who").casefold().startswith(phrases().topic_openers):
        inner = analyse(m.group("rest")) or _later_holder(m.group("who"), m.group("rest"))
        if inner is not None:                    # "Về việc thỏa thuận giao cắt ...: Ủy ban nhân dân Thành phố ... xử lý"
            return Assign(lead=inner.lead, coordinators=inner.coordinators, description=text)
    who = leading_bodies(t)
    who, t = without_second_office(who, t)
    who, t = without_role(who, t)                  # "Bộ Tài chính - Cơ quan Thường trực Ban Chỉ đạo 751 đôn đốc ..."
    if not who:
        t = after_adverbial(t)
        who = leading_bodies(t) if t else ""
    if not who:
        return _assigned_inside(text)
    rest = PARENTHESIS.sub("", t[len(who):], count=1) if t[len(who):].lstrip().startswith("(") else t[len(who):]
    rest = rest.lstrip(" ,")
    who, rest = with_person(who, rest)
    rest = skip_asides(rest)
    rest = strip_modal(rest) if asked else rest   # a modal after a request ("Yêu cầu các bộ ... phải ...")
    if not asked and rest.casefold().startswith(phrases().openers):
        found = request_tail(t)                    # the holder asks others: "Chính phủ trân trọng đề nghị Ủy ban
        if found:                                  # Trung ương Mặt trận ... chủ động ..." (380/NQ-CP III.5, corpus 134)
            return Assign(lead=found[0].lead, coordinators=found[0].coordinators, description=text)
    if not starts_with_duty(rest):
        return _assigned_inside(text)
    lead = split_names(who)
    clauses = CLAUSE_SPLIT.split(rest) if ";" in rest else [rest]     # (no semicolon: one clause, no regex pass)
    for prev, clause in zip(clauses, clauses[1:]):   # "...; Hội Văn học nghệ thuật tỉnh xây dựng Đề án ..."
        w2 = leading_bodies(clause)
        if not w2 or not starts_with_duty(clause[len(w2):].lstrip(" ,")):
            continue                                   # (the clause before is read only when this one names a holder)
        w1 = leading_bodies(prev)
        if len(prev[len(w1):].split()) < 3:
            continue                                   # a list of bodies ("Giám đốc các sở; Chủ tịch ...; ...")
        lead += [n for n in split_names(w2) if n not in lead]
    lead += [n for n in co_leads(rest) if n not in lead]
    lead += [n for n in _later_requests(t) if n not in lead]
    return Assign(lead=lead, coordinators=coordinators_in(rest), description=text)


def _later_requests(text: str) -> list[str]:
    """Holders an opener at the start of a later sentence asks work of ("Giao đồng chí Bộ trưởng Bộ Xây dựng
    trực tiếp chỉ đạo ... Yêu cầu Nhà đầu tư (Tập đoàn Đèo Cả) rà soát ...", pool md/50f694478a35aefd.md)."""
    out: list[str] = []
    for op, cap in _openers():
        for at in find_all(text, cap):
            if at == 0 or not text[:at].rstrip().endswith("."):
                continue
            tail = strip_honorific(text[at + len(op):].lstrip(" :"))
            tail = bracket_holder(tail[:1].upper() + tail[1:])
            who = leading_bodies(tail)
            if not who or not tail[:1].isupper():
                continue
            who, rest = with_person(who, tail[len(who):].lstrip(" ,"))
            if executes_document(rest.split(". ")[0]):
                continue                               # "Yêu cầu các sở ... triển khai thực hiện tốt Kế hoạch này"
            if starts_with_duty(strip_modal(skip_asides(rest))):
                a = for_a_body(Assign(lead=split_names(who)))
                out += [n for n in (a.lead if a else []) if n not in out]
    return out


def _later_holder(lead_in: str, text: str) -> Optional[Assign]:
    """After a topic lead-in ("Về thi đua khen thưởng ...:"), a holder opening a later sentence ("... Bộ Xây
    dựng với vai trò là cơ quan thường trực Ban chỉ đạo, chủ động, phối hợp Bộ Nội vụ ...")."""
    if not lead_in.casefold().startswith(phrases().topic_lead_ins):
        return None
    for m in SENTENCE_STOP.finditer(text):
        a = analyse(text[m.end():])
        if a is not None and a.lead and text[m.end():].startswith(a.lead[0]):
            return a
    return None


def is_form_field(label: str) -> bool:
    """Is a label one of an administrative procedure's form fields, whose value is a body, not work
    ("e) Cơ quan giải quyết TTHC NB:" / "- Cơ quan trực tiếp thực hiện TTHC: Sở Dân tộc và Tôn giáo.")?"""
    return label.strip().casefold().startswith(phrases().form_fields)


def _names_a_body(rest: str) -> bool:
    """Does the text after a label's colon name a body and give it no work, so the label is a field of a
    form ("Cơ quan có thẩm quyền công nhận: Ủy ban nhân dân Thành phố Hồ Chí Minh 3. Kết quả thực hiện:
    ...", the "cơ quan thực hiện" of an administrative procedure, pool md/d3d459d0a856471f), not a body
    given work ("Sở Y tế: Sở Tài chính phối hợp ..." names one and gives it work)?"""
    who = leading_bodies(rest)
    return bool(who) and rest.startswith(who) and not starts_with_duty(rest[len(who):].lstrip(" ,"))


#: the end of a sentence inside a paragraph: "... kể từ ngày ký." + " Chánh Văn phòng ..."
SENTENCE_STOP = re.compile(r"\.\s+(?=[" + UP + "])")


def after_in_force(text: str) -> str:
    """The text after an opening sentence that puts the decision in force, which is no work ("Quyết định
    này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh; Chánh Thanh tra tỉnh; UBND các xã, phường
    ... chịu trách nhiệm thi hành Quyết định này", pool md/2e037ff2daea1c76.md Điều 3); else the text."""
    m = SENTENCE_STOP.search(text)
    if m is None:
        return text
    first, rest = text[:m.start()].casefold(), text[m.end():]
    p = phrases()
    if not any(w in first for w in p.in_force) or not any(w in rest.casefold() for w in p.execution):
        return text
    return text if leading_bodies(text) else rest      # the words first: they are cheaper than the bodies


def request_tail(sentence: str) -> Optional[tuple[Assign, str]]:
    """The bodies a sentence asks work of after an opener, wherever it stands ("Nhằm ..., Sở Giáo dục và
    Đào tạo đề nghị UBND các xã, phường; các đơn vị ... thực hiện nghiêm túc ...", "Bộ Tài chính đề nghị
    UBND các tỉnh, thành phố quan tâm chỉ đạo:"), a modal between the bodies and the work skipped; and
    the work. None when no opener is followed by bodies and work."""
    low = sentence.casefold()
    for op in phrases().openers:
        for at in find_all(low, op):
            if at and not low[at - 1] in " ,":
                continue
            tail = strip_honorific(sentence[at + len(op):].lstrip(" :"))
            tail = tail[:1].upper() + tail[1:]          # "đề nghị các đơn vị ..." names "Các đơn vị"
            who = leading_bodies(tail)
            rest = tail[len(who):].lstrip(" ,")
            work = strip_modal(skip_asides(rest))      # "..., theo nhiệm vụ, quyền hạn của mình chủ động ..."
            if who and starts_with_duty(work):
                return Assign(lead=split_names(who), coordinators=coordinators_in(rest),
                              description=sentence), work
    return None


def _assigned_inside(text: str) -> Optional[Assign]:
    """Assignments inside a sentence, after "giao" / "đề nghị" / "yêu cầu" and a body name
    ("Các Bộ, cơ quan thống nhất ...; giao Bộ Nông nghiệp và Môi trường làm chủ Chương trình, ...")."""
    lead: list[str] = []
    coordinators: list[str] = []
    for op, cap in _openers():
        if op not in text and cap not in text:
            continue                                   # most texts hold none of them: no search
        for at in _opener_places(text, op):
            tail = text[at + len(op):].lstrip(" :")
            if not tail[:1].isupper():
                continue                               # "nhiệm vụ được giao cho ..." is no assignment
            who = leading_bodies(tail)
            rest = tail[len(who):].lstrip(" ,")
            if who and starts_with_duty(rest) and not is_closing(strip_modal(rest)):
                lead += [n for n in split_names(who) if n not in lead]
                coordinators += [n for n in coordinators_in(rest[:300]) if n not in coordinators]
    if not lead:
        return None
    return Assign(lead=lead, coordinators=coordinators, description=text)


@lru_cache(maxsize=None)
def _openers() -> tuple[tuple[str, str], ...]:
    """Each opener ("giao") and the same capitalised ("Giao")."""
    return tuple((op, op[:1].upper() + op[1:]) for op in phrases().openers)


def _opener_places(text: str, op: str) -> list[int]:
    """Where an opener stands inside a text: in lower case anywhere after the start ("...; giao Bộ ..."),
    capitalised at the start of a later sentence ("Quyết định này có hiệu lực ... kể từ ngày ký. Giao Sở
    Giáo dục và Đào tạo chủ trì, ..." )."""
    places = [at for at in find_all(text, op) if at > 0]
    cap = op[:1].upper() + op[1:]
    places += [at for at in find_all(text, cap) if at > 0 and text[:at].rstrip().endswith((".", ";", ":"))]
    return sorted(places)


def _holder_after_bodies(text: str) -> str:
    """After an adverbial that names bodies of its own, the text from the comma a holder and its work follow:
    "Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát ..." -> "Bộ Tài chính
    khẩn trương rà soát ..." (pool md/405a6cabda393030.md item 2); after a semicolon too, not inside the list of
    holders that follows it ("Trên cơ sở phương pháp trích khấu hao ... của Bộ Tài chính; Bộ Quốc phòng, Bộ Công an
    quyết định ...", corpus 023 Điều 4.1); "" when no comma or semicolon before a colon has one."""
    for cut in (m.start() for m in ADVERBIAL_END.finditer(text, 0, 162)):
        if ":" in text[:cut]:
            break
        rest = text[cut + 2:]
        opens = rest[:1].isupper() or rest.split(" ", 1)[0] in gazetteer().determiners   # a new noun phrase
        who = leading_bodies(rest) if opens else ""     # ("Sau khi được Quốc hội thông qua, các Bộ, cơ quan, địa
        if who and starts_with_duty(rest[len(who):].lstrip(" ,")):   # phương tập trung ...", corpus 057 3.4)
            return rest
    return ""


@lru_cache(maxsize=None)
def _opening_phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The topic openers and the adverbial openers, each with the space after it: one startswith each."""
    p = phrases()
    return tuple(t.strip() + " " for t in p.topic_openers), tuple(a + " " for a in p.adverbial)


#: where an opening phrase may end: a comma or a semicolon and a space
ADVERBIAL_END = re.compile(r"[,;] ")


def after_adverbial(text: str) -> str:
    """The text after an adverbial opening phrase and its comma, or "" ("Căn cứ nội dung Kế hoạch và tình
    hình thực tiễn, các sở, ngành ... chủ trì ..." -> "các sở, ngành ... chủ trì ..."); after a topic
    (`đối với`, `về`), the comma a holder follows, outside brackets and before any colon (a topic that
    ends in a colon was read as a lead-in already): "Đối với các chi phí khám bệnh, chữa bệnh ...
    2019-2022, Bảo hiểm xã hội Việt Nam khẩn trương ..." (113/NQ-CP, corpus 129)."""
    low = text.casefold()
    topics, adverbials = _opening_phrases()
    topic = low.startswith(topics)
    if not topic and not low.startswith(adverbials):
        return ""
    cut = text.find(", ")
    if cut <= 0 or cut > 160:
        return ""
    if not topic and find_bodies(text[:cut]):
        return _holder_after_bodies(text)
    if not topic:
        return text[cut + 2:]
    if find_bodies(text[:cut]):
        return ""
    while 0 < cut <= 160 and ":" not in text[:cut] and not find_bodies(text[:cut]):
        rest = text[cut + 2:]
        who = leading_bodies(rest) if text[:cut].count("(") == text[:cut].count(")") else ""
        if who and starts_with_duty(rest[len(who):].lstrip(" ,")):
            return rest                     # a holder and its work, not a piece of the topic's own list
        cut = text.find(", ", cut + 2)
    return ""
