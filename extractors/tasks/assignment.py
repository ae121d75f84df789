"""Assignment sentences: which bodies a sentence or a heading gives work to.

    read_assignment(text) -> (lead, coordinators) | None      one task sentence
    assignment(node) -> Assign | None                       a tree node's heading or first words
    phrases()                                               lexicon/data/assignment_words.yaml

`Sở Nội vụ: Chủ trì ...`, `Giao Sở Tài chính chủ trì ...`, `UBND các huyện ... cụ thể hóa ...`,
`Các Bộ ...; giao Bộ Nông nghiệp và Môi trường làm chủ Chương trình`.
Vocabulary: lead  # chủ trì;  coordinators  # phối hợp.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from vanban.lexicon import load
from vanban.pipeline.types import Node

from ..bodies import find_bodies, kind_of, split_bodies
from ..bodies.names import held_body, is_bare
from .columns import clean, starts_with_head

LEAD_COLON = re.compile(r"^(?P<who>[^:;.]{3,160}?)\s*:\s*(?P<rest>.*)$", re.S)
# An aside in brackets after a name: "Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh)"
PARENTHESIS = re.compile(r"\s*\([^()]*\)")
# An aside in brackets that is no part of a name: any but one or two words without a digit ("(cũ)", "(mới)")
ASIDE = re.compile(r"\s*\((?![^()\d\s]+(?:\s[^()\d\s]+)?\))[^()]*\)")
# Items of a list of names: "Chính phủ; - Ban Tổ chức Trung ương; - Ủy ban TW ...", "Ủy ban Kiểm sát; 2. Văn phòng"
NAME_ITEMS = re.compile(r"\s*;\s*|\s+[-–]\s+(?=[A-ZĐÂ-Ỹ])")
# A list item's marker: "2. ", "- ", "(3) ", "a) "
ITEM_MARK = re.compile(r"^(?:[-–+•]\s*|\(?\d{1,2}[.)]\s+|[a-zđ]\)\s+)")
# The archive entry that closes a recipients list: "Lưu: VT, HC", "- Lưu VT"
RECORDS = re.compile(r"^Lưu\b")
# A rate: an opening word and an amount ("Mức 400.000 đồng/người/buổi", "Mức 1.500.000 đồng")
RATE = re.compile(r"^(?P<word>\w+)\s+\d[\d.,]*\s*(?:đồng|%|triệu|nghìn)", re.I)
# A lettered item marker: "a)", "đ)"
LETTER_MARKER = re.compile(r"[a-zđ]\)")
# Clauses of one task sentence, or items of a list of bodies: "...; Hội Văn học nghệ thuật tỉnh xây dựng ..."
CLAUSE_SPLIT = re.compile(r"\s*;\s*")
# The commas between the items of a list of names: "Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ"
NAME_LIST_SPLIT = re.compile(r"\s*,\s*")
# Punctuation that ends a name list: "Vụ trưởng Vụ ..., Chánh Văn phòng Bộ ... chịu trách nhiệm" has none
SENTENCE_MARK = re.compile(r"[.;:]")
# What may stand between two names of one list: ", ", " và ", "; "
NAME_GAP = re.compile(r"\s*(?:,|và|,\s*và|;)?\s*")
# Where a phrase of names after "phối hợp với" surely ends: "; . : ("
PHRASE_STOP = re.compile(r"[;.:(]")
# Words that do not occur inside a list of body names: "Các Bộ, cơ quan thống nhất chỉ có một cơ quan chủ trì"
# ("có liên quan" does: "Thủ trưởng các đơn vị có liên quan")
NOT_IN_NAME = re.compile(r"(?<!\w)(?:có(?! liên quan)|là|đã|được|phải|sẽ|chỉ|một|không)(?!\w)")


@dataclass(frozen=True)
class _Phrases:
    openers: tuple[str, ...]
    lead_words: tuple[str, ...]
    co_lead: tuple[str, ...]
    coordinate: tuple[str, ...]
    coordinate_direct: tuple[str, ...]
    directive: tuple[str, ...]
    duty: tuple[str, ...]
    adverbial: tuple[str, ...]
    not_duty: frozenset[str]
    not_qualifier: frozenset[str]
    tail_junk: frozenset[str]
    duty_starts: tuple[str, ...]
    topic_openers: tuple[str, ...]
    noun_duties: frozenset[str]
    rate_openers: frozenset[str]
    rule_words: re.Pattern
    clause_words: re.Pattern


@lru_cache(maxsize=None)
def phrases() -> _Phrases:
    """The assignment words of lexicon/data/assignment_words.yaml, longest first, loaded once."""
    d = load("assignment_words.yaml")
    srt = lambda xs: tuple(sorted((x.casefold() for x in xs), key=len, reverse=True))  # noqa: E731
    return _Phrases(openers=srt(d["lead_openers"]), lead_words=srt(d["lead_words"]),
                    co_lead=srt(d["co_lead_words"]), coordinate=srt(d["coordinate_words"]),
                    coordinate_direct=srt(d["coordinate_direct_words"]), directive=srt(d["directive_words"]),
                    duty=srt(d["duty_verbs"]), adverbial=srt(d["adverbial_openers"]), not_duty=frozenset(d["not_duty_words"]),
                    not_qualifier=frozenset(d["not_qualifier_words"]),
                    tail_junk=frozenset(d["name_tail_junk"]), duty_starts=srt(d["duty_starts"]),
                    topic_openers=tuple(w + " " for w in srt(d["topic_openers"])),
                    noun_duties=frozenset(d["noun_duties"]), rate_openers=frozenset(d["rate_openers"]),
                    rule_words=_words_re(d["rule_words"]), clause_words=_words_re(d["clause_words"]))


def _words_re(words: list[str]) -> re.Pattern:
    """Whole lower-case words, case-sensitive ("quyết định", not "Quyết định số ...")."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)")


@dataclass
class Assign:
    lead: list[str] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)
    description: str = ""



def node_text(node: Node) -> str:
    return clean(" ".join(x for x in (node.title, node.text) if x))


def assignment(node: Node) -> Optional[Assign]:
    """The body this node assigns work to, from its heading or its first words."""
    title, text = clean(node.title), clean(node.text)
    title = strip_opener(title).lstrip(": ")
    if title and text and (title.endswith((",", " và")) or len(title.split()) == 1 or _cut_at_break(title)):
        return analyse(node_text(node))           # a sentence broken after its first line ("Các" / "Bộ trưởng, ...")
    if title and text and title.casefold().startswith(phrases().topic_openers) and analyse(text) is not None:
        inner = analyse(text)                     # "c) Về việc thỏa thuận giao cắt ...:" + "Ủy ban nhân dân ... xử lý"
        return Assign(lead=inner.lead, coordinators=inner.coordinators, description=node_text(node))
    if title and all_bodies(title) and not _is_sentence(title):
        lead = split_names(PARENTHESIS.sub("", title))
        return _for_a_body(Assign(lead=lead + _co_leads(text), coordinators=coordinators_in(text),
                                  description=text or title))
    full = node_text(node)            # a heading, or the first line of a paragraph taken for one
    if not full:
        return None
    return analyse(full)


def _cut_at_break(title: str) -> bool:
    """Does a heading end in the middle of a name, cut at a source line break: its last name is a title
    or a bare head ("Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc⏎Sở Văn hóa, Thể thao và Du lịch, ...",
    "Điều 4. Chánh Văn phòng⏎UBND tỉnh; Giám đốc Sở Tài chính; ...")?"""
    if title.endswith((":", ".", ";")):
        return False
    names = split_names(PARENTHESIS.sub("", title))
    last = names[-1] if names else ""
    return bool(last) and (is_bare(last) or is_bare(held_body(last) or last))   # "Chánh Văn phòng" + "UBND tỉnh"


def _for_a_body(a: Assign) -> Optional[Assign]:
    """The assignment, or None when its leads name no body: a rule about whoever fits a description
    ("Cơ quan quản lý cơ sở dữ liệu quốc gia, ... quyết định lộ trình ...", "Cơ quan, tổ chức, cá nhân
    có quyền sử dụng ..."), which a tracker cannot give to anyone. Coordinators that name no body
    ("phối hợp với các cơ quan, UBND các xã, phường, đơn vị liên quan": "Các cơ quan") are left out."""
    lead = [n for n in (_name_part(n) for n in a.lead) if n]
    if a.lead and (not lead or all(is_bare(n) for n in lead)):
        return None
    return Assign(lead=lead, coordinators=[c for c in a.coordinators if not is_bare(c)], description=a.description)


def _name_part(name: str) -> str:
    """A lead as a body's name: "" when it is the subject of a rule ("Các Quyết định sau đây hết hiệu lực
    ...", "Cơ quan nhà nước phải phân loại dữ liệu ..."), cut before a verb the finder ran over ("Chủ tịch
    Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng tâm là ..."). Words inside
    the body names found do not count. An aside goes ("Ban Quản lý ... (sau đây gọi tắt là ...)") unless it
    tells two bodies apart ("Đoàn Luật sư tỉnh Lâm Đồng (cũ)", "(mới)")."""
    p = phrases()
    name = ASIDE.sub("", name).strip()
    spans = find_bodies(name)
    outside = lambda m: not any(b.start <= m.start() < b.end for b in spans)  # noqa: E731
    cut = next((m for m in p.clause_words.finditer(name) if outside(m)), None)
    if cut is not None:
        name = _trim_tail(name[:cut.start()])
        if not (_starts_with_head(name) or (spans and spans[0].start == 0)):
            return ""
    return "" if any(outside(m) for m in p.rule_words.finditer(name)) else name


def read_assignment(text: str) -> Optional[tuple[list[str], list[str]]]:
    """(lead, coordinators) of one task sentence, or None when it assigns no work to a body."""
    a = analyse(clean(text))
    return (a.lead, a.coordinators) if a is not None else None


def analyse(text: str) -> Optional[Assign]:
    """`<Bodies>: ...`, `[Giao|Đề nghị] <Bodies> chủ trì ...`, `<Body> xây dựng ...; <Body> xây dựng ...`."""
    a = _analyse(text)
    return _for_a_body(a) if a is not None else None


def _analyse(text: str) -> Optional[Assign]:
    t = strip_opener(text)
    m = LEAD_COLON.match(t)
    if m and all_bodies(m.group("who")) and not _is_sentence(m.group("who")):
        rest = m.group("rest")
        return Assign(lead=split_names(m.group("who")) + _co_leads(rest), coordinators=coordinators_in(rest),
                       description=rest.strip() or text)
    if m and m.group("who").casefold().startswith(phrases().topic_openers):
        inner = analyse(m.group("rest"))         # "Về việc thỏa thuận giao cắt ...: Ủy ban nhân dân Thành phố ... xử lý"
        if inner is not None:
            return Assign(lead=inner.lead, coordinators=inner.coordinators, description=text)
    who = _leading_bodies(t)
    if not who:
        t = _after_adverbial(t)
        who = _leading_bodies(t) if t else ""
    if not who:
        return _assigned_inside(text)
    rest = PARENTHESIS.sub("", t[len(who):], count=1) if t[len(who):].lstrip().startswith("(") else t[len(who):]
    rest = rest.lstrip(" ,")
    if not _starts_with_duty(rest):
        return _assigned_inside(text)
    lead = split_names(who)
    clauses = CLAUSE_SPLIT.split(rest)
    for prev, clause in zip(clauses, clauses[1:]):   # "...; Hội Văn học nghệ thuật tỉnh xây dựng Đề án ..."
        w2 = _leading_bodies(clause)
        w1 = _leading_bodies(prev)
        if len(prev[len(w1):].split()) < 3:
            continue                                   # a list of bodies ("Giám đốc các sở; Chủ tịch ...; ...")
        if w2 and _starts_with_duty(clause[len(w2):].lstrip(" ,")):
            lead += [n for n in split_names(w2) if n not in lead]
    lead += [n for n in _co_leads(rest) if n not in lead]
    return Assign(lead=lead, coordinators=coordinators_in(rest), description=text)


def strip_opener(text: str) -> str:
    """"Giao Sở Tài chính ..." -> "Sở Tài chính ...", "Đề nghị: Hiệp hội ..." -> "Hiệp hội ..."."""
    low = text.casefold()
    for op in phrases().openers:
        if low.startswith(op) and low[len(op):len(op) + 1] in (" ", ":"):
            return text[len(op):].lstrip(" :")
    return text


def _assigned_inside(text: str) -> Optional[Assign]:
    """Assignments inside a sentence, after "giao" / "đề nghị" / "yêu cầu" and a body name
    ("Các Bộ, cơ quan thống nhất ...; giao Bộ Nông nghiệp và Môi trường làm chủ Chương trình, ...")."""
    lead: list[str] = []
    coordinators: list[str] = []
    for op in phrases().openers:
        for at in _opener_places(text, op):
            tail = text[at + len(op):].lstrip(" :")
            if not tail[:1].isupper():
                continue                               # "nhiệm vụ được giao cho ..." is no assignment
            who = _leading_bodies(tail)
            rest = tail[len(who):].lstrip(" ,")
            if who and _starts_with_duty(rest):
                lead += [n for n in split_names(who) if n not in lead]
                coordinators += [n for n in coordinators_in(rest[:300]) if n not in coordinators]
    if not lead:
        return None
    return Assign(lead=lead, coordinators=coordinators, description=text)


def names_only(text: str) -> bool:
    """Is the text a list of body names and nothing else, so no work: a list of units
    ("1. Ủy ban Kiểm sát; 2. Văn phòng; ..."), a recipients line without its label
    ("- Chính phủ; - Ban Tổ chức Trung ương; ... - Lưu: HC, PLTP."), a heading that is only a name?"""
    parts = [ITEM_MARK.sub("", p).strip(" .;,") for p in NAME_ITEMS.split(clean(text))]
    parts = [p for p in parts if p and not RECORDS.match(p)]
    return bool(parts) and all(_is_name(p) for p in parts)


def _is_name(text: str) -> bool:
    """One item of a name list: bodies and nothing more, short or covered by the names found
    ("Các doanh nghiệp nhà nước, Tổng Công ty tiên phong, dẫn dắt sự phát triển ..." is no name)."""
    if not all_bodies(text) or _duty_outside_names(text):
        return False
    covered = sum(b.end - b.start for b in find_bodies(text))
    return len(text.split()) <= 10 or covered >= 0.8 * len(text)


def _is_sentence(text: str) -> bool:
    """A heading that is a sentence about its bodies, not their names: a body, then a lower-case verb and
    at least two more words ("Thủ tướng Chính phủ xem xét, quyết định chủ trương viện trợ")."""
    who = _leading_bodies(text)
    rest = text[len(who):].lstrip(" ,")
    low = rest.casefold()
    verb = next((v for v in phrases().duty + phrases().lead_words + phrases().coordinate + phrases().duty_starts
                 if low.startswith(v)), None)
    # "Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan": "tổ chức," is a name of the list
    return bool(who) and verb is not None and len(rest.split()) >= 3 and rest[:1].islower() \
        and not (verb in phrases().noun_duties and rest[len(verb):].lstrip().startswith(","))


def _duty_outside_names(text: str) -> bool:
    """A duty verb outside the body names found in the text ("Chủ tịch Ủy ban nhân dân các xã, phường
    tổ chức niêm yết ..." yes; "Cơ quan, tổ chức, cá nhân có liên quan" no)."""
    spans = find_bodies(text)
    return any(not any(b.start <= i < b.end for b in spans) for i in _starts_of(text, "duty"))


def is_rate(text: str) -> bool:
    """Does an item state a rate, not work ("Mức 400.000 đồng/người/buổi áp dụng đối với Trưởng ban")?"""
    m = RATE.match(clean(text))
    return m is not None and m.group("word").casefold() in phrases().rate_openers


def _opener_places(text: str, op: str) -> list[int]:
    """Where an opener stands inside a text: in lower case anywhere after the start ("...; giao Bộ ..."),
    capitalised at the start of a later sentence ("Quyết định này có hiệu lực ... kể từ ngày ký. Giao Sở
    Giáo dục và Đào tạo chủ trì, ..." )."""
    places = [at for at in _find_all(text, op) if at > 0]
    cap = op[:1].upper() + op[1:]
    places += [at for at in _find_all(text, cap) if at > 0 and text[:at].rstrip().endswith((".", ";", ":"))]
    return sorted(places)


def _after_adverbial(text: str) -> str:
    """The text after an adverbial opening phrase and its comma, or "" ("Căn cứ nội dung Kế hoạch và tình
    hình thực tiễn, các sở, ngành ... chủ trì ..." -> "các sở, ngành ... chủ trì ...")."""
    low = text.casefold()
    if not any(low.startswith(a + " ") for a in phrases().adverbial):
        return ""
    cut = text.find(", ")
    if cut <= 0 or cut > 160 or find_bodies(text[:cut]):
        return ""
    return text[cut + 2:]


def all_bodies(text: str) -> bool:
    """Is this short text a list of bodies and nothing else ("Sở Nội vụ", "Các sở, ban, ngành, UBND ...")?"""
    t = text.strip(" :;.")
    if not t or len(t) > 200 or has_duty(t):
        return False
    t = PARENTHESIS.sub("", t).strip()
    spans = find_bodies(t)
    if spans and spans[0].start <= 1 and sum(b.end - b.start for b in spans) >= 0.6 * len(t):
        return True
    return _starts_with_head(t) and len(t.split()) <= 40 and not _has_any_duty(t)


def _leading_bodies(text: str) -> str:
    """The run of body names at the start of a text, as written ("Ủy ban Mặt trận Tổ quốc, các đoàn thể
    chính trị - xã hội"), never past the first duty verb ("... thành phố có trách nhiệm")."""
    spans = find_bodies(text)
    inside = lambda i: any(b.start < i < b.end for b in spans)  # noqa: E731  "tổ chức chính trị - xã hội"
    verb = next((i for i in _starts_of(text, "verbs") if i > 0 and not inside(i)), len(text))
    strong = next((i for i in _starts_of(text, "lead") if i > 0), len(text))
    if strong < min(len(text), 400) and ((spans and spans[0].start <= 1) or _starts_with_head(text)):
        inside = [b for b in spans if b.end <= strong + 1]
        head = text[:strong]
        if (sum(b.end - b.start for b in inside) >= 0.7 * len(head.rstrip())
                or (_starts_with_head(text) and not SENTENCE_MARK.search(head) and not NOT_IN_NAME.search(head)
                    and (not _has_any_duty(head) or _heads_list(head)))):
            return _trim_tail(head)              # "Vụ trưởng Vụ ..., Chánh Văn phòng Bộ ... chịu trách nhiệm"
    if spans and spans[0].start <= 1:
        end, last = spans[0].end, spans[0]
        for b in spans[1:]:
            gap = text[end:b.start]
            if NAME_GAP.fullmatch(gap):
                end, last = b.end, b
            else:
                break
        if verb < len(text) and end < verb and text[end:end + 1] == "," and verb - end < 80:
            end = verb                                  # "Các doanh nghiệp, tổ chức kinh tế, cơ sở ... bố trí"
        elif verb < len(text) and end < verb and _qualifies(last, text[end:verb]):
            end = verb                                  # "Các doanh nghiệp" + " viễn thông, doanh nghiệp bưu chính ưu tiên"
        return _trim_tail(text[:min(end, verb)])
    if not _starts_with_head(text) or verb >= len(text) or verb > 200:
        return ""
    return _trim_tail(text[:verb])


def _qualifies(span, gap: str) -> bool:
    """Do the few lower-case words between a collective name and the duty verb narrow that name
    ("Các doanh nghiệp" + "công nghệ số", "Các cơ quan" + "thanh tra")? Not one more word after a list
    ("Các sở, ban, ngành" + "nghiên cứu,"), nor words that start a clause ("có liên quan đến việc", "(để")."""
    ws = gap.replace(",", " ").split()
    if "," in span.name and "," not in gap.strip(" ,"):
        return False            # after a list only a list goes on ("Các doanh nghiệp, tổ chức" + "kinh tế, cơ sở ...")
    return (span.kind == "collective" and 0 < len(ws) <= 8
            and gap.strip()[:1].islower() and not SENTENCE_MARK.search(gap) and "(" not in gap
            and not NOT_IN_NAME.search(gap) and not any(w in phrases().not_qualifier for w in ws))


def _heads_list(text: str) -> bool:
    """A list of at least two names, each item written with a capital opening with a body head
    (a duty word may sit inside a name: "Chánh Văn phòng Bộ, Vụ trưởng Vụ Khoa học công nghệ,
    môi trường và Vật liệu xây dựng, Thủ trưởng các đơn vị thuộc Bộ")."""
    items = [x for x in NAME_LIST_SPLIT.split(text.strip(" ,")) if x[:1].isupper()]
    return len(items) >= 2 and all(_starts_with_head(x) for x in items)


def _trim_tail(who: str) -> str:
    ws = who.rstrip(" ,;").split()
    while ws and ws[-1] in phrases().tail_junk:
        ws.pop()
    return " ".join(ws).rstrip(" ,;")


@lru_cache(maxsize=None)
def _phrase_re(phrase: str) -> re.Pattern:
    """A task word as a whole word ("chủ trì", "phối hợp với"), compiled once."""
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def _find_all(text: str, phrase: str) -> list[int]:
    if phrase not in text:
        return []               # no regex scan for a phrase the text does not hold
    return [m.start() for m in _phrase_re(phrase).finditer(text)]


def _find_word(low: str, phrase: str) -> int:
    m = _phrase_re(phrase).search(low)
    return m.start() if m else -1


def _starts_with_head(text: str) -> bool:
    return starts_with_head(text[:1].upper() + text[1:])          # "Giao người đứng đầu các cơ quan ..."


@lru_cache(maxsize=None)
def _any_of(kind: str) -> re.Pattern:
    """One pattern for a whole word list, matching (zero-width) wherever one of its phrases starts
    as a whole word: kind "verbs" (duty verbs and lead words), "lead", "duty", "lead_or_coordinate"."""
    p = phrases()
    words = {"verbs": p.duty + p.lead_words, "lead": p.lead_words, "duty": p.duty,
             "lead_or_coordinate": p.lead_words + p.coordinate}[kind]
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(r"(?<!\w)(?=(?:" + alts + r")(?!\w))")


def _starts_of(text: str, kind: str):
    """Offsets, in order, where a phrase of the list starts."""
    return (m.start() for m in _any_of(kind).finditer(text))


def _has_any_duty(text: str) -> bool:
    return _any_of("duty").search(text) is not None


def has_duty(text: str) -> bool:
    return _any_of("lead_or_coordinate").search(text) is not None


def _starts_with_duty(rest: str) -> bool:
    first = rest.split()[0] if rest.split() else ""
    if first[:1].islower() and first.strip(",.;:") not in phrases().not_duty:
        return True                                   # "... tỉnh xây dựng Đề án", "... tổng hợp, tham mưu"
    low = rest.casefold()
    return any(low.startswith(d) for d in phrases().duty + phrases().lead_words + phrases().coordinate) \
        or low.startswith(phrases().duty_starts)


def _co_leads(text: str) -> list[str]:
    """Bodies named after "đồng chủ trì với", "cùng với": names only ("cùng với Nhà nước tham gia
    đào tạo" names none)."""
    return _names_after(text, phrases().co_lead, names_only=True)


def coordinators_in(text: str) -> list[str]:
    """Coordinators (phối hợp): the bodies after `phối hợp với ...`, or a body named right after `phối hợp`."""
    found = _names_after(text, phrases().coordinate)
    return found + [n for n in _named_right_after(text, phrases().coordinate_direct) if n not in found]


def _named_right_after(text: str, cues: tuple[str, ...]) -> list[str]:
    """Bodies the finder reads right after a cue, when their name ends there: a capitalised word
    next means the name goes on past what the gazetteer knows ("Ban Quản lý Khu kinh tế" + " Dung
    Quất ..."), and a name cut short is worse than none; each name must be a body whole and no
    longer than a body name is ("Các lực lượng" yes, "UBND các xã, phường huy động ca nô, xuồng
    máy, xe chuyên dụng để tiếp cận ..." no: pool 62f25a03)."""
    limit = load("checks.yaml")["max_name_words"]        # the body-name bound of the self-checks
    out: list[str] = []
    for tail in _tails_after(text, cues):
        who = _leading_bodies(tail)
        if not who or not tail.startswith(who) or tail[len(who):].lstrip()[:1].isupper():
            continue
        out += [n for n in split_names(who) if n not in out and not is_bare(n) and kind_of(n) != "other"
                and len(n.split()) <= limit]
    return out


def _tails_after(text: str, cues: tuple[str, ...]):
    """The text after each place a cue stands (case-folded match), its leading spaces, commas and colon dropped."""
    low = text.casefold()
    for cue in cues:
        for m in _phrase_re(cue).finditer(low):
            yield text[m.end():].lstrip(" ,:")


def _names_after(text: str, cues: tuple[str, ...], names_only: bool = False) -> list[str]:
    """Bodies named right after a cue ("phối hợp với Báo Bắc Giang, Đài Phát thanh và Truyền hình tỉnh
    tăng cường ...")."""
    out: list[str] = []
    for tail in _tails_after(text, cues):
        who = _leading_bodies(tail) or ("" if names_only else _until_verb(tail))
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
    verbs = set(_starts_of(tail, "verbs"))
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
    stops = [i for i in (_find_word(tail, d) for d in phrases().duty + ("để", "nhằm", "trong việc", "trong"))
             if i > 0]
    stops += [m.start() for m in PHRASE_STOP.finditer(tail)]
    cut = min(stops) if stops else -1
    if cut <= 0 or cut > 160:
        return ""
    return tail[:cut].rstrip(" ,")


def split_names(text: str) -> list[str]:
    text = clean(text).strip(" ,;:.")
    if not text:
        return []
    out: list[str] = []
    for part in CLAUSE_SPLIT.split(text):
        out += [n for n in split_bodies(part) if n and n not in out]
    return out

