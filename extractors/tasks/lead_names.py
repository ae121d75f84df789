"""Names at the head of a task sentence: where the run of body names that leads it ends.

    leading_bodies(text)    the names that open a text, as written, never past the first duty verb
    all_bodies(text)        is a short text a list of bodies and nothing else
    names_only(text)        is a list item only names (a list of units, recipients): no work
    is_sentence(text)       is a heading a sentence about its bodies, not their names
    named_by_work(text, spans) where unit nouns are named by their work ("Cơ quan tham mưu về tổ chức cán bộ")

A lead found is made a body's name in lead_trim.
"""
from __future__ import annotations

import re
from functools import lru_cache

from vanban.lexicon.citations import UP

from ..bodies import find_bodies
from ..bodies.find import BodySpan, opens_with_body, province_names
from ..bodies.gazetteer import fold_name, gazetteer
from ..bodies.names import is_bare, is_localities, proper_case
from .columns import clean
from .holders import holder_gap, numbered
from .cues import phrases, starts_of, has_duty, has_duty_verb, opens_with_head
from .lead_trim import NAME_GAP, before_verb, trim_tail

WORD = re.compile(r"\S+")

# An aside in brackets after a name: "Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh)"
PARENTHESIS = re.compile(r"\s*\([^()]*\)")
# Items of a list of names: "Chính phủ; - Ban Tổ chức Trung ương; - Ủy ban TW ...", "Ủy ban Kiểm sát; 2. Văn phòng"
NAME_ITEMS = re.compile(r"\s*;\s*|\s+[-–]\s+(?=[A-ZĐÂ-Ỹ])")
# A list item's marker: "2. ", "- ", "(3) ", "a) "
ITEM_MARK = re.compile(r"^(?:[-–+•]\s*|\(?\d{1,2}[.)]\s+|[a-zđ]\)\s+)")
# The archive entry that closes a recipients list: "Lưu: VT, HC", "- Lưu VT"
RECORDS = re.compile(r"^Lưu\b")
# Clauses of one task sentence, or items of a list of bodies: "...; Hội Văn học nghệ thuật tỉnh xây dựng ..."
CLAUSE_SPLIT = re.compile(r"\s*;\s*")
# The commas between the items of a list of names: "Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ"
NAME_LIST_SPLIT = re.compile(r"\s*,\s*")
# The end of a sentence: a name never runs past it ("... trên địa bàn. Các cơ quan tham mưu ...")
SENTENCE_STOP = re.compile(r"\.\s+(?=[" + UP + "])")
# The colon after a label: "Cơ quan, bộ phận tham mưu về tổ chức, cán bộ của cơ quan, tổ chức, đơn vị" + ": Chủ trì"
LABEL_END = re.compile(r"\s*:")
# Punctuation that ends a name list: "Vụ trưởng Vụ ..., Chánh Văn phòng Bộ ... chịu trách nhiệm" has none
SENTENCE_MARK = re.compile(r"[.;:]")
# "của" between a body and the body it belongs to, one name: "các Ban" + " của " + "Hội đồng nhân dân tỉnh"
# (pool 40de74e605854414 Điều 3.2)
OF_GAP = re.compile(r"\s+của\s+")
# Words that do not occur inside a list of body names: "Các Bộ, cơ quan thống nhất chỉ có một cơ quan chủ trì"
# ("có liên quan" does: "Thủ trưởng các đơn vị có liên quan")
NOT_IN_NAME = re.compile(r"(?<!\w)(?:có(?! liên quan)|là|đã|được|phải|sẽ|chỉ|một|không)(?!\w)")


#: How far a list of names may run before a lead word ("... có trách nhiệm") after its last body found
LIST_REACH = 200


def _plain_list(gap: str) -> bool:
    """Is the text between a list's last body found and its lead word the rest of the list, lower-case holders
    and commas, no sentence ("..., chính quyền địa phương các đơn vị hành chính liên quan đến việc thức hiện sắp xếp
    và các cơ quan, tổ chức khác có liên quan" + " có trách nhiệm", corpus 104 Điều 3.1)?"""
    return not SENTENCE_MARK.search(gap) and not NOT_IN_NAME.search(gap) and "(" not in gap \
        and gap.lstrip(" ,")[:1].islower()


def names_only(text: str) -> bool:
    """Is the text a list of body names and nothing else, so no work: a list of units
    ("1. Ủy ban Kiểm sát; 2. Văn phòng; ..."), a recipients line without its label
    ("- Chính phủ; - Ban Tổ chức Trung ương; ... - Lưu: HC, PLTP."), a heading that is only a name?"""
    t = clean(text)
    items = NAME_ITEMS.split(t) if ";" in t or "-" in t or "–" in t else [t]     # (no separator: no regex pass)
    parts = [ITEM_MARK.sub("", p).strip(" .;,") for p in items]
    parts = [p for p in parts if p and not RECORDS.match(p)]
    return bool(parts) and all(_is_name(p) for p in parts)


def _is_name(text: str) -> bool:
    """One item of a name list: bodies and nothing more, short or covered by the names found
    ("Các doanh nghiệp nhà nước, Tổng Công ty tiên phong, dẫn dắt sự phát triển ..." is no name)."""
    if not all_bodies(text) or _duty_outside_names(text):
        return False
    covered = sum(b.end - b.start for b in find_bodies(text))
    return len(text.split()) <= 10 or covered >= 0.8 * len(text)


def is_sentence(text: str) -> bool:
    """A heading that is a sentence about its bodies, not their names: a body, then a lower-case verb and
    at least two more words ("Thủ tướng Chính phủ xem xét, quyết định chủ trương viện trợ"); a predicate verb
    (`predicate_verbs`) after a body of the gazetteer too ("Sở Tài chính quyết định tiêu chuẩn, định mức ... của:
    Văn phòng Đoàn Đại biểu Quốc hội ...; ...", pool b1ce4a23 Điều 5.2)."""
    who = leading_bodies(text)
    rest = text[len(who):].lstrip(" ,")
    low = rest.casefold()
    cues, verbs = _sentence_verbs()
    verb = next((v for v in verbs if low.startswith(v)), None) if low.startswith(verbs) else None
    if verb is not None and verb not in cues and not _ends_with_known(who):
        return False            # "Vụ Kiểm sát giải quyết khiếu nại, tố cáo về tư pháp": a unit's name (c0d7ba6795eecf17)
    # "Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan": "tổ chức," is a name of the list
    return bool(who) and verb is not None and len(rest.split()) >= 3 and rest[:1].islower() \
        and not (verb in phrases().noun_duties and rest[len(verb):].lstrip().startswith(","))


@lru_cache(maxsize=1)
def _sentence_verbs() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the cues of work, the cues and the predicate verbs after them) that is_sentence reads, in its order."""
    p = phrases()
    cues = p.duty + p.lead_words + p.coordinate + p.duty_starts
    return cues, cues + p.predicates


def _ends_with_known(who: str) -> bool:
    """Does a run of names end with a body of the gazetteer, after which a predicate verb starts a sentence ("Sở Tài
    chính" + " quyết định tiêu chuẩn ...")? A name built from its head may go on with a verb ("Vụ Kiểm sát" + " giải
    quyết khiếu nại ...")."""
    spans = find_bodies(who)
    return bool(spans) and fold_name(spans[-1].canonical) in gazetteer().official


def _duty_outside_names(text: str) -> bool:
    """A duty verb outside the body names found in the text ("Chủ tịch Ủy ban nhân dân các xã, phường
    tổ chức niêm yết ..." yes; "Cơ quan, tổ chức, cá nhân có liên quan" no)."""
    spans = find_bodies(text)
    return any(not any(b.start <= i < b.end for b in spans) for i in starts_of(text, "duty"))



@lru_cache(maxsize=4096)
def all_bodies(text: str) -> bool:
    """Is this short text a list of bodies and nothing else ("Sở Nội vụ", "Các sở, ban, ngành, UBND ...")?
    Memoised per text (a heading is asked about by several readers)."""
    t = text.strip(" :;.")
    if not t or len(t) > 200 or has_duty(t):
        return False
    t = (PARENTHESIS.sub("", t) if "(" in t else t).strip()    # (no bracket: no regex pass)
    if is_localities(t):
        return True
    headed = opens_with_head(t)
    if not headed and not opens_with_body(t):
        return False                # no head and no body at its start (the matcher's spans may tell: no names made)
    spans = find_bodies(t)
    if spans and spans[0].start <= 1 and sum(b.end - b.start for b in spans) >= 0.6 * len(t):
        return True
    return headed and len(t.split()) <= 40 and not _duty_outside_work(t, spans)


def _duty_outside_work(text: str, spans) -> bool:
    """Has a text a duty verb, other than the words of a unit named by its work and the nouns of its owner's list
    ("Cơ quan, bộ phận tham mưu về tổ chức, cán bộ của cơ quan, tổ chức, đơn vị", pool c22591f10eec1dab Điều
    44.2.đ, a label before ": Chủ trì, ...")?"""
    work = named_by_work(text, spans)
    if not work:
        return has_duty_verb(text)
    return any(not any(a <= i < z for a, z in work) and not _listed_noun(text, i) for i in starts_of(text, "duty"))


@lru_cache(maxsize=1)
def _localities() -> re.Pattern:
    """Provinces and cities named as the actors of a sentence, each a holder (its government): "Các tỉnh
    Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương ...", "Thành phố Hồ Chí Minh, tỉnh Lâm Đồng đẩy nhanh ...",
    "Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai" (corpus 116, pool md/50f694478a35aefd, a Prime Minister's
    conclusions). A level word and the gazetteer's province names; a list of names after one plural level
    word is one holder."""
    one = rf"(?:{province_names()})(?!\w)"
    return re.compile(rf"(?:[Cc]ác\s+(?:tỉnh|thành\s+phố)\s+{one}(?:(?:\s*,\s*|\s+và\s+){one}(?!\s+(?:tỉnh|thành)))*"
                      rf"|(?:[Tt]ỉnh|[Tt]hành\s+phố)\s+{one})")


def _with_localities(text: str, spans: list) -> list:
    """The body spans and, where no body was found, the provinces and cities that stand in the list of
    names at the start of the text (elsewhere a place is where, not who: "trên địa bàn tỉnh Lâm Đồng")."""
    out, at = sorted(spans, key=lambda b: b.start), 0
    while at < len(text):
        start = at + len(NAME_GAP.match(text, at).group()) if at else 0      # after ", ", " và ", " "
        nxt = next((b for b in out if b.start >= at), None)
        if nxt is not None and nxt.start <= start + 1:
            at = nxt.end
            continue
        m = _localities().match(text, start)
        if m is None:
            break
        name = proper_case(m.group())
        out = sorted(out + [BodySpan(name, m.start(), m.end(), name, "committee")], key=lambda b: b.start)
        at = m.end()
    if len(out) > len(spans):
        after = text[at:].lstrip(" ,").casefold()
        if any(after.startswith(c + " ") for c in phrases().place_copulas):
            return list(spans)                      # "Thành phố Hà Nội ... là đơn vị hành chính ...": no actor
    return out


@lru_cache(maxsize=4096)
def leading_bodies(text: str) -> str:
    """The run of body names at the start of a text, as written ("Ủy ban Mặt trận Tổ quốc, các đoàn thể
    chính trị - xã hội"), never past the first duty verb ("... thành phố có trách nhiệm"). Memoised per text: a
    sentence is asked about again (in force, then its holder; a clause as the one before the next)."""
    headed = opens_with_head(text)
    if not headed and not opens_with_body(text) and _localities().match(text) is None:
        return ""                               # no name opens the text (most texts asked about): nothing more read
    spans = _with_localities(text, [_without_bare_level(b, text) for b in find_bodies(text)])
    named = bool(spans) and spans[0].start <= 1
    if not named and not headed:
        return ""                               # a place that opens it is not who ("Thành phố Hà Nội là ...")
    verb = _first_verb(text, spans)
    strong = next((i for i in starts_of(text, "lead") if i > 0), len(text))
    if strong < min(len(text), 400):
        if verb < strong and _only_duties(text[verb:strong]):
            strong = verb                       # "... đơn vị có liên quan" + " triển khai thực hiện và chịu trách nhiệm"
        inside = [b for b in spans if b.end <= strong + 1]
        head = text[:strong]
        if (sum(b.end - b.start for b in inside) >= 0.7 * len(head.rstrip())
                or (headed and not SENTENCE_MARK.search(head) and not NOT_IN_NAME.search(head)
                    and (not has_duty_verb(head) or _heads_list(head))
                    and not _predicate_after_body(head, spans))):
            return trim_tail(head)              # "Vụ trưởng Vụ ..., Chánh Văn phòng Bộ ... chịu trách nhiệm"
    if named:
        end, last = spans[0].end, spans[0]
        for b in spans[1:]:
            gap = text[end:b.start]
            if NAME_GAP.fullmatch(gap) or OF_GAP.fullmatch(gap) or holder_gap(gap):
                end, last = b.end, b
            else:
                break
        if verb < len(text) and end < verb and text[end:end + 1] == "," and (
                verb - end < 80 or (verb == strong and verb - end < LIST_REACH and _plain_list(text[end:verb]))):
            end = verb                                  # "Các doanh nghiệp, tổ chức kinh tế, cơ sở ... bố trí"
        elif verb < len(text) and end < verb and _qualifies(last, text[end:verb]):
            end = verb                                  # "Các doanh nghiệp" + " viễn thông, doanh nghiệp bưu chính ưu tiên"
        elif verb < len(text) and end < verb and numbered(last, text[end:verb]):
            end = verb                                  # "... Ban Chỉ đạo" + " 389 quốc gia" + " tăng cường kiểm tra"
        elif verb < len(text) and end < verb and _level_clause(last, text) and not SENTENCE_MARK.search(text, end, verb):
            end = verb                                  # "... Việt Nam cấp" + " tổ chức tiếp xúc cử tri" + " phối hợp"
        closer = phrases().collective_closers.match(text, end) if last.kind == "collective" and is_bare(last.name) else None
        if closer is not None and closer.end() <= verb and text[closer.end():].lstrip().casefold().startswith(
                phrases().predicates + phrases().lead_words):
            end = closer.end()                          # "các cơ quan" + " khác có thẩm quyền" + " quy định chi tiết"
        return trim_tail(text[:min(end, verb)])
    if not headed or verb >= len(text) or verb > 200:
        return ""
    stop = SENTENCE_STOP.search(text, 0, verb)
    if stop is not None:                        # the run filled its sentence: its own verb is in it
        return _subject(trim_tail(text[:stop.start()]), spans)
    run = trim_tail(text[:verb])
    if phrases().rule_words.search(run):
        return run                              # "doanh nghiệp phải gửi thông báo ...": a rule, which name_part drops
    return before_verb(_before_verb_list(run, text[len(run):verb]), [b for b in spans if b.end <= verb])


#: How many words a place relative ("nơi") may hold before its verb: "nơi" + " cá nhân" + " làm việc"
PLACE_REACH = 3


def _place_clause(text: str) -> tuple[int, int]:
    """Where the verb of a place relative (assignment_words.yaml `place_relatives`: "nơi") starts and ends, which
    says where a holder is, no predicate: "Thủ trưởng hoặc Chủ tịch Công đoàn nơi" + " tổ chức" + " hội nghị tiếp xúc
    cử tri chủ trì, ..." (pool 70180aecf521049d Điều 24.2.a); (len(text), len(text)) if none. A lead word or a
    coordinator cue is the sentence's own ("Cơ quan nơi đi" + " phối hợp với ...", c22591f10eec1dab Điều 46.5.d)."""
    p = phrases()
    for m in p.place_relatives.finditer(text):
        for v in p.predicate_any.finditer(text, m.end()):
            if len(text[m.end():v.start()].split()) <= PLACE_REACH \
                    and not text[v.start():].casefold().startswith(p.lead_words + p.coordinate):
                return v.start(), v.end()
            break
    return len(text), len(text)


def _first_verb(text: str, spans) -> int:
    """Where the first duty verb outside the names found stands (len(text) if none): not inside a name ("tổ chức
    chính trị - xã hội"), nor right after a level that it describes (`_level_clause`), nor a place relative's own
    (`_place_clause`: the name runs to the next predicate after it). After a unit named by its work
    (`named_by_work`) the words of its function and topic are no verb, nor the nouns of its owner's list, and its
    name ends at any predicate verb, a label's colon or an adverbial ("Cơ quan, bộ phận tham mưu về tổ chức, cán bộ"
    + " trình cấp có thẩm quyền ...", + " trong công tác ..."; "... của cơ quan, tổ chức, đơn vị" + ": Chủ trì",
    pool c22591f10eec1dab Điều 44-46)."""
    work, where = named_by_work(text, spans), _place_clause(text)
    inside = lambda i: any(b.start < i < b.end or (b.end + 1 == i and _level_clause(b, text)) for b in spans) \
        or i == where[0] or any(a <= i < z for a, z in work)  # noqa: E731
    verb = next((i for i in starts_of(text, "verbs") if i > 0 and not inside(i)
                 and not (work and _listed_noun(text, i))), len(text))
    if where[0] < verb:                         # "... nơi tổ chức tiếp xúc cử tri" + " tuyên bố kết thúc hội nghị"
        verb = min(verb, next((m.start() for m in phrases().predicate_words.finditer(text, where[1])), verb))
    if not work:
        return verb
    p = phrases()
    ends = [m.start() for m in (*p.predicate_any.finditer(text, work[0][1]), *LABEL_END.finditer(text, work[0][1]),
                                *p.function_ends.finditer(text, work[0][1]))
            if not inside(m.start()) and not _listed_noun(text, m.start())]
    return min([verb, *ends])


def _level_clause(span: BodySpan, text: str) -> bool:
    """Does a name end in a level "cấp" with a duty verb right after it, which says what that level does: "Ban Thường
    trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp" + " tổ chức tiếp xúc cử tri" (the level that organises the meeting,
    pool 70180aecf521049d Điều 35.2; `_without_bare_level` keeps that "cấp")? The verb is no predicate: the name runs
    on to the next one."""
    return _bare_level(span) and text[span.end:span.end + 1] == " " \
        and any(text.startswith(v + " ", span.end + 1) for v in phrases().duty)


def _bare_level(span: BodySpan) -> bool:
    """Does a name end in a "cấp" that names no level by itself: not after a word that makes it one ("các cấp",
    "cùng cấp": assignment_words.yaml `level_quantifiers`), nor a name of two words ("Các cấp")?"""
    ws = span.name.split()
    return len(ws) >= 3 and ws[-1] == "cấp" and ws[-2].casefold() not in phrases().level_quantifiers


def _listed_noun(text: str, at: int) -> bool:
    """Is the duty verb at `at` a noun of a list of names (`noun_duties` between a comma or a connector and a comma:
    "của cơ quan, " + "tổ chức" + ", đơn vị", pool c22591f10eec1dab Điều 44.2.đ)?"""
    low = text[at:].casefold()
    noun = next((n for n in phrases().noun_duties if low.startswith(n + ",")), None)
    before = text[:at].rstrip()
    return noun is not None and (before.endswith(",") or before.rsplit(" ", 1)[-1] in phrases().connectors)


#: How many syllables of the topic after a function phrase may be a duty verb too: "tham mưu về" + " tổ chức, cán
#: bộ", " công tác tổ chức cán bộ"
TOPIC_REACH = 3


def may_name_by_work(text: str) -> bool:
    """Can `named_by_work` find a unit named by its work in `text`: does it open with a head and hold a function
    phrase? A caller that has no body spans yet asks this first (most texts: no body look-up)."""
    return opens_with_head(text) and phrases().function_phrases.search(text) is not None


def named_by_work(text: str, spans) -> list[tuple[int, int]]:
    """Where a function phrase (`function_phrases`) and the first syllables of its topic name a unit by its work:
    right after unit nouns that name no body ("Cơ quan, bộ phận" + " tham mưu về tổ chức, cán bộ" + " tổng hợp đề
    xuất ...", pool c22591f10eec1dab Điều 46.3.a), not after a body's name ("Sở Nội vụ tham mưu về ...": work)."""
    if not may_name_by_work(text):
        return []
    out = []
    for m in phrases().function_phrases.finditer(text):
        before = text[:m.start()].strip(" ,")
        if not before or any(b.start < m.start() for b in spans) or any(w[:1].isupper() for w in before.split()[1:]):
            continue
        topic = list(WORD.finditer(text[m.end():]))[:TOPIC_REACH]
        out.append((m.start(), m.end() + (topic[-1].start() + 1 if topic else 0)))
    return out


def _before_verb_list(run: str, gap: str) -> str:
    """A run cut before a predicate verb that ends it right before a comma and the duty verb: the first verb of a list
    of verbs, not a word of the name ("doanh nghiệp" + " sắp xếp" + ", bố trí công tác ...", pool 475126f38cb26cc2
    Điều 6.1.b). Only after one or two words, a head and no more, which _before_verb keeps whole; a longer run may
    end in a verb phrase of its own ("Giám đốc trung tâm ra" + " quyết định", c49a5afadf61b342 appendix Điều 10.2)."""
    m = next((m for m in phrases().predicate_words.finditer(run) if m.end() == len(run)), None)
    if m is None or gap.strip() != "," or not 1 <= len(run[:m.start()].split()) <= 2:
        return run
    return trim_tail(run[:m.start()])


def _predicate_after_body(head: str, spans) -> bool:
    """Does a predicate verb of two syllables (`predicate_verbs`) follow a body found right after its name, so that
    the words before a lead word are a sentence, not a name ("Ban Chỉ đạo" + " phân công từng thành viên" + " chịu
    trách nhiệm ...", pool c258e5aa7ee387c3 appendix Điều 3.5)? Not before "tại": who is meant ("Các cơ quan, đơn vị"
    + " quy định tại Điều 1 Quy chế này" + " có trách nhiệm", ce4ad96dbd9a518d appendix Điều 12.1)."""
    ends = {b.end + 1 for b in spans}
    return any(m.start() in ends and not head.startswith(" tại", m.end())
               for m in phrases().predicate_words.finditer(head))


def _subject(sentence: str, spans) -> str:
    """The holder of a sentence with no duty verb, the words before its first predicate verb ("Trung tâm" +
    " thông báo chiêu sinh, kế hoạch mở lớp đến các cơ quan, đơn vị trên địa bàn.", pool c49a5afadf61b342
    appendix Điều 5.2), even right after the head; "" when none stands in it."""
    m = next((m for m in phrases().predicate_any.finditer(sentence) if m.start() > 0
              and not any(b.start <= m.start() < b.end for b in spans)), None)
    return trim_tail(sentence[:m.start()]) if m is not None else ""


def _only_duties(gap: str) -> bool:
    """Is a text only duty verbs joined by "và" or commas ("triển khai thực hiện và ", before "chịu trách nhiệm"
    in "Chủ tịch UBND cấp xã và thủ trưởng các cơ quan, đơn vị có liên quan triển khai thực hiện và chịu trách
    nhiệm trước UBND tỉnh", pool be5392d4f50c27a6 Điều 18.1): work that began before the lead word."""
    rest, verbs = gap.strip(" ,"), phrases().duty
    while rest:
        low = rest.casefold()
        w = next((v for v in verbs + ("và",) if low.startswith(v) and low[len(v):len(v) + 1] in ("", " ", ",")), None)
        if w is None:
            return False
        rest = rest[len(w):].strip(" ,")
    return True


def _without_bare_level(span: BodySpan, text: str) -> BodySpan:
    """A body span without a last "cấp" that names no level, which is the verb "to issue" ("Đề nghị Sở Tư pháp
    cấp, khóa hoặc thay đổi tài khoản cho công chứng viên", pool d71b3a48efad6d2c appendix Điều 23.2.a; "Bộ Quốc
    phòng cấp chứng chỉ năng lực ...", 6d0e277c7b88a914): not after a word that makes it a level ("cùng cấp", "các
    cấp": assignment_words.yaml `level_quantifiers`), nor before a verb ("Ban Thường trực ... cấp tổ chức tiếp xúc
    cử tri": the level that organises)."""
    if not _bare_level(span):
        return span
    after = text[span.end:].lstrip().casefold()
    if any(after.startswith(v + " ") for v in phrases().duty):
        return span
    name = span.name[:span.name.rindex(" cấp")]
    canonical = span.canonical[:span.canonical.rindex(" cấp")] if span.canonical.endswith(" cấp") else span.canonical
    return BodySpan(name, span.start, span.end - len(" cấp"), canonical, span.kind)


@lru_cache(maxsize=1)
def _verb_list() -> re.Pattern:
    """A predicate verb (`predicate_verbs`) before a comma: the first of a list of verbs, never a qualifier ("thu thập,
    xác minh thông tin"); one without a comma may qualify ("Các doanh nghiệp" + " sử dụng nhiều lao động", corpus 040)."""
    return re.compile(phrases().predicate_words.pattern + r"\s*,")


def _qualifies(span, gap: str) -> bool:
    """Do the few lower-case words between a collective name and the duty verb narrow that name
    ("Các doanh nghiệp" + "công nghệ số", "Các cơ quan" + "thanh tra")? Not one more word after a list
    ("Các sở, ban, ngành" + "nghiên cứu,"), nor words that start a clause ("có liên quan đến việc", "(để")."""
    ws = gap.replace(",", " ").split()
    if "," in span.name and "," not in gap.strip(" ,"):
        return False            # after a list only a list goes on ("Các doanh nghiệp, tổ chức" + "kinh tế, cơ sở ...")
    return (span.kind == "collective" and 0 < len(ws) <= 8
            and gap.strip()[:1].islower() and not SENTENCE_MARK.search(gap) and "(" not in gap
            and not NOT_IN_NAME.search(gap) and not any(w in phrases().not_qualifier for w in ws)
            and not _verb_list().search(gap))   # "Các cơ quan liên quan" + " thu thập, xác minh thông tin"


def _heads_list(text: str) -> bool:
    """A list of at least two names, each item written with a capital opening with a body head
    (a duty word may sit inside a name: "Chánh Văn phòng Bộ, Vụ trưởng Vụ Khoa học công nghệ,
    môi trường và Vật liệu xây dựng, Thủ trưởng các đơn vị thuộc Bộ")."""
    items = [x for x in NAME_LIST_SPLIT.split(text.strip(" ,")) if x[:1].isupper()]
    return len(items) >= 2 and all(opens_with_head(x) for x in items)

