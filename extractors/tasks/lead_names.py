"""Names at the head of a task sentence: where the run of body names that leads it ends.

    leading_bodies(text)    the names that open a text, as written, never past the first duty verb
    all_bodies(text)        is a short text a list of bodies and nothing else
    names_only(text)        is a list item only names (a list of units, recipients): no work
    name_part(name)         a lead as a body's name, "" when it is the subject of a rule
    is_generic(name)        is a name only generic nouns ("Cơ quan"), a piece cut off a holder
    is_case(name)           does a lead open with a case ("Các trường hợp ..."): the sentence is a rule
    of_issuer(names, issuer) a bare "Chánh Văn phòng" made the issuer's office
"""
from __future__ import annotations

import re
from functools import lru_cache

from vanban.lexicon import load
from vanban.lexicon.citations import UP


from ..bodies import find_bodies
from ..bodies.find import BodySpan, province_names
from ..bodies.gazetteer import fold_name, gazetteer
from ..bodies.names import is_bare, proper_case
from .columns import clean
from .holders import holder_gap, numbered
from .cues import phrases, starts_of, has_duty, has_duty_verb, opens_with_head

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
# Clauses of one task sentence, or items of a list of bodies: "...; Hội Văn học nghệ thuật tỉnh xây dựng ..."
CLAUSE_SPLIT = re.compile(r"\s*;\s*")
# The commas between the items of a list of names: "Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ"
NAME_LIST_SPLIT = re.compile(r"\s*,\s*")
# The end of a sentence: a name never runs past it ("... trên địa bàn. Các cơ quan tham mưu ...")
SENTENCE_STOP = re.compile(r"\.\s+(?=[" + UP + "])")
# Punctuation that ends a name list: "Vụ trưởng Vụ ..., Chánh Văn phòng Bộ ... chịu trách nhiệm" has none
SENTENCE_MARK = re.compile(r"[.;:]")
# What may stand between two names of one list: ", ", " và ", "; "
NAME_GAP = re.compile(r"\s*(?:,|và|,\s*và|;)?\s*")
# "của" between a body and the body it belongs to, one name: "các Ban" + " của " + "Hội đồng nhân dân tỉnh"
# (pool 40de74e605854414 Điều 3.2)
OF_GAP = re.compile(r"\s+của\s+")
# Words that do not occur inside a list of body names: "Các Bộ, cơ quan thống nhất chỉ có một cơ quan chủ trì"
# ("có liên quan" does: "Thủ trưởng các đơn vị có liên quan")
# "liên quan" and the "đến" that opens what the bodies deal with: the name ends before "đến"
# ("Chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp", pool ff9aace5b310314d)
RELATED_TO = re.compile(r"(?<=liên quan )đến(?!\w)")
# A count after a verb: "Đơn vị lập" + " 01 bộ hồ sơ" (pool 06c6f91f5c3b4c21): a name holds no counted object
COUNT = re.compile(r"\s+\d")
NOT_IN_NAME = re.compile(r"(?<!\w)(?:có(?! liên quan)|là|đã|được|phải|sẽ|chỉ|một|không)(?!\w)")


def name_part(name: str) -> str:
    """A lead as a body's name: "" when it is the subject of a rule ("Các Quyết định sau đây hết hiệu lực
    ...", "Cơ quan nhà nước phải phân loại dữ liệu ...") or of a case ("Các trường hợp trên nếu đảng viên có
    khiếu nại thì chi bộ ..."), cut before a verb the finder ran over ("Chủ tịch Ủy ban nhân dân các tỉnh,
    thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng tâm là ..."), before a clause opener ("Kiểm toán nhà
    nước, trong phạm vi nhiệm vụ, ...") or "đến" after "liên quan" ("Chính quyền địa phương các đơn vị hành
    chính liên quan đến việc ..."), and at the predicate after a known body ("Bộ Tài chính giải quyết 03 vấn
    đề tồn đọng"). Words inside the body names found do not count. An aside goes ("Ban Quản lý ... (sau đây
    gọi tắt là ...)") unless it tells two bodies apart ("Đoàn Luật sư tỉnh Lâm Đồng (cũ)", "(mới)")."""
    p = phrases()
    name = _delegated(_without_related_clause(ASIDE.sub("", name).strip()))
    if is_case(name) or (name.casefold() + " ").startswith(p.persons):
        return ""
    spans = find_bodies(name)
    outside = lambda m: not any(b.start <= m.start() and m.end() <= b.end for b in spans)  # noqa: E731
    cut = next((m for m in p.clause_words.finditer(name) if outside(m)), None)
    if cut is not None:
        name = trim_tail(name[:cut.start()])
        if not (opens_with_head(name) or (spans and spans[0].start == 0)):
            return ""
    if any(outside(m) for m in p.rule_words.finditer(name)):
        return ""               # "Đơn vị hành chính đạt dưới 60 điểm thì được phân loại III" (pool 6e7f0a17bbc99fd4)
    ends = [m for m in (*p.clause_openers.finditer(name), *RELATED_TO.finditer(name)) if m.start() > 0 and outside(m)]
    if ends:                                    # the words before a clause opener were a name as a whole
        name = trim_tail(name[:min(m.start() for m in ends)])
    spans = [b for b in spans if b.end <= len(name)]
    return _closed(_before_predicate(name, spans))


@lru_cache(maxsize=1)
def _dangling() -> re.Pattern:
    """assignment_words.yaml `dangling_words` at the end of a name, as whole words."""
    words = sorted(load("assignment_words.yaml")["dangling_words"], key=len, reverse=True)
    return re.compile(r"(?:\s+(?:" + "|".join(map(re.escape, words)) + r"))+$")


def without_dangling(name: str) -> str:
    """A name without the conjunctions and prepositions a cut left at its end ("Các cơ quan đảng ở" -> "Các cơ quan
    đảng"); never emptied."""
    return _dangling().sub("", name) or name


def _closed(name: str) -> str:
    """A lead without a bracket a cut left open, once the words in it were read ("Chi cục thuộc cục (thành lập" + "
    trên cơ sở tổ chức lại tổng cục ...)", pool e8b69e31579c0186 Điều 15.4; "... (bao gồm" is a rule, dropped before)."""
    while name.count("(") > name.count(")"):
        name = name[:name.rindex("(")].rstrip(" ,;")
    return without_dangling(name)


#: How far a list of names may run before a lead word ("... có trách nhiệm") after its last body found
LIST_REACH = 200
#: The break before the next holder of a list: " và các ", ", các " (after "liên quan đến việc ..." it ends the clause)
NEXT_HOLDER = re.compile(r"(?:\s+và|\s*,)\s+(?=(?:các|những)\s)")


def _plain_list(gap: str) -> bool:
    """Is the text between a list's last body found and its lead word the rest of the list, lower-case holders
    and commas, no sentence ("..., chính quyền địa phương các đơn vị hành chính liên quan đến việc thức hiện sắp xếp
    và các cơ quan, tổ chức khác có liên quan" + " có trách nhiệm", corpus 104 Điều 3.1)?"""
    return not SENTENCE_MARK.search(gap) and not NOT_IN_NAME.search(gap) and "(" not in gap \
        and gap.lstrip(" ,")[:1].islower()


def _without_related_clause(name: str) -> str:
    """A list of names without the clause that says what one of them deals with, when the list goes on after it:
    "chính quyền địa phương các đơn vị hành chính liên quan" + " đến việc thức hiện sắp xếp" + " và các cơ quan, tổ
    chức khác có liên quan" (corpus 104 Điều 3.1). A clause with no holder after it is cut by name_part."""
    for m in RELATED_TO.finditer(name):
        nxt = NEXT_HOLDER.search(name, m.end())
        if nxt is not None:
            return name[:m.start()].rstrip() + name[nxt.start():]
    return name


@lru_cache(maxsize=1)
def _delegation() -> re.Pattern:
    """assignment_words.yaml `delegation_words` after a body, as whole lower-case words: " ủy quyền cho "."""
    words = sorted(load("assignment_words.yaml")["delegation_words"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, words)) + r")\s+")


def _delegated(name: str) -> str:
    """The holder a body delegates the work to, when the name is "<body> ủy quyền cho <holder>" ("UBND tỉnh ủy quyền
    cho Chủ tịch UBND tỉnh:" + a) ..., pool 475126f38cb26cc2 Điều 5.1): the holder after the words does the work."""
    spans = find_bodies(name)
    m = _delegation().match(name, spans[0].end) if spans and spans[0].start == 0 else None
    return name[m.end():] if m is not None and any(b.start == m.end() for b in spans) else name


def is_generic(name: str) -> bool:
    """Is a name only generic nouns ("Cơ quan", "Các cơ quan", "Đơn vị", "Cơ quan, đơn vị"): a piece of a holder
    cut off, which names nobody? Not an office title alone ("Vụ trưởng", whose body the document gives) nor a head
    alone ("Hội đồng nhân dân" in "Hội đồng nhân dân, Ủy ban nhân dân tỉnh Đồng Nai")."""
    g = gazetteer()
    if not is_bare(name) or fold_name(" ".join(name.split()).strip(" ,;:.")) in g.titles or g.title_run.match(name):
        return False
    words = tuple(w for w in name.casefold().replace(",", " ").split() if w not in g.determiners)
    return words not in g.heads


def is_case(name: str) -> bool:
    """Does a lead open with the words of a case or a rule's subject ("Các trường hợp loại trừ kỷ luật;
    miễn kỷ luật ...", pool de54f5fa3cc24927 Điều 4; assignment_words.yaml `case_subjects`)?"""
    return name.casefold().lstrip().startswith(phrases().case_subjects)


def _before_predicate(name: str, spans) -> str:
    """The name up to the end of the run of bodies that opens it, when a verb follows that run ("Sở Công
    Thương" + " tiếp nhận văn bản thông báo ...", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc
    trung ương" + " tập trung", pool a69069ae524315d9 III.1) and the run's last body is in the gazetteer: a
    name built from its head may end early (the unit "Vụ Kiểm sát giải quyết khiếu nại, tố cáo về tư pháp",
    pool c0d7ba6795eecf17). The name unchanged otherwise."""
    if not spans or spans[0].start != 0:
        return _before_verb(name, spans)
    end, last = spans[0].end, spans[0]
    for b in spans[1:]:
        if not NAME_GAP.fullmatch(name[end:b.start]):
            break
        end, last = b.end, b
    rest = name[end:]
    if not rest.startswith(" ") or fold_name(last.canonical) not in gazetteer().official:
        return name             # a name built from its head may end early: "Vụ Kiểm sát" + " giải quyết khiếu nại, ..."
    low = rest[1:]
    verb = next((v for v in phrases().predicates if low.startswith(v) and low[len(v):len(v) + 1] in ("", " ", ",")),
                None)
    if verb is None or verb in phrases().noun_duties or low[len(verb):].startswith(" tại"):
        return name                 # "Các cơ quan, đơn vị quy định tại Điều 1 Quy chế này": who is meant
    return trim_tail(name[:end])


def _before_verb(name: str, spans) -> str:
    """A name the finder does not know, opened by a head, cut at a predicate verb (`predicate_verbs`) with at
    least three words before it and two after ("Văn phòng đăng ký đất đai" + " tiếp nhận hồ sơ tại Trung tâm
    ...", pool 50693ea4bb4bda20 Điều 3.1). Right after the head the verb names the body ("Cơ quan tiếp nhận hồ
    sơ cưỡng chế", "Đơn vị lập hồ sơ"), so it stays, and so does the name when the cut would leave no body
    ("Người đứng đầu cơ quan sử dụng công chức", pool c22591f10eec1dab Điều 21.1). A verb before a count ends the
    name wherever it stands ("Đơn vị" + " lập 01 bộ hồ sơ cấp đổi thẻ ...", pool 06c6f91f5c3b4c21 appendix 2.a),
    even when what is left is bare: no body is named, no task. An office title and a verb right after it name no
    body either ("Bộ trưởng" + " tặng giải thưởng ...", 5fc0868aeac2f15a): "", the office is not a holder's name."""
    if not opens_with_head(name):
        return name
    p = phrases()
    for m in p.predicate_any.finditer(name):
        if COUNT.match(name, m.end()) and not any(b.start <= m.start() < b.end for b in spans):
            return trim_tail(name[:m.start()])      # "Đơn vị" + " lập 01 bộ hồ sơ ...": even a bare head, no task
    low = name.casefold()
    office = next((o for o in p.person_offices if low.startswith(o + " ")), None)
    if office and p.predicate_any.match(name, len(office) + 1):
        return ""                                   # "Bộ trưởng" + " tặng giải thưởng ...": whose office, not said
    for m in _verb_places(name, spans):
        before, after = name[:m.start()].split(), name[m.end():].split()
        if any(b.start <= m.start() < b.end for b in spans) or (before and before[-1] in ("và", "hoặc")) \
                or (before and before[-1] in phrases().not_duty) \
                or name[:m.start()].rstrip().endswith(","):
            continue            # "... có kế hoạch đầu tư, hợp tác hoặc cung cấp dịch vụ": one of the name's verbs
        if len(before) >= 3 and len(after) >= 2 and not after[0].startswith("tại"):
            cut = trim_tail(name[:m.start()])
            return name if is_bare(cut) else cut     # "Người đứng đầu cơ quan" + " sử dụng công chức": one name
    return name


def _verb_places(name: str, spans) -> list[re.Match]:
    """Where a predicate may start in a name the finder does not know, in order: a two-syllable predicate verb,
    a one-syllable one not making a noun with the next syllable ("giao", not "giao thông"), or any predicate verb
    right before a body, a capitalised name ("... của Quốc hội" + " giúp Đoàn Chủ tịch ...")."""
    p = phrases()
    body_after = lambda m: name[m.end() + 1:m.end() + 2].isupper() or any(b.start == m.end() + 1 for b in spans)  # noqa: E731
    found = [*p.predicate_words.finditer(name), *p.short_predicates.finditer(name),
             *(m for m in p.predicate_any.finditer(name) if body_after(m))]
    return sorted(found, key=lambda m: m.start())


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


def is_sentence(text: str) -> bool:
    """A heading that is a sentence about its bodies, not their names: a body, then a lower-case verb and
    at least two more words ("Thủ tướng Chính phủ xem xét, quyết định chủ trương viện trợ"); a predicate verb
    (`predicate_verbs`) after a body of the gazetteer too ("Sở Tài chính quyết định tiêu chuẩn, định mức ... của:
    Văn phòng Đoàn Đại biểu Quốc hội ...; ...", pool b1ce4a23 Điều 5.2)."""
    who = leading_bodies(text)
    rest = text[len(who):].lstrip(" ,")
    low = rest.casefold()
    p = phrases()
    cues = p.duty + p.lead_words + p.coordinate + p.duty_starts
    verb = next((v for v in cues + p.predicates if low.startswith(v)), None)
    if verb is not None and verb not in cues and not _ends_with_known(who):
        return False            # "Vụ Kiểm sát giải quyết khiếu nại, tố cáo về tư pháp": a unit's name (c0d7ba6795eecf17)
    # "Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan": "tổ chức," is a name of the list
    return bool(who) and verb is not None and len(rest.split()) >= 3 and rest[:1].islower() \
        and not (verb in phrases().noun_duties and rest[len(verb):].lstrip().startswith(","))


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



def all_bodies(text: str) -> bool:
    """Is this short text a list of bodies and nothing else ("Sở Nội vụ", "Các sở, ban, ngành, UBND ...")?"""
    t = text.strip(" :;.")
    if not t or len(t) > 200 or has_duty(t):
        return False
    t = PARENTHESIS.sub("", t).strip()
    spans = find_bodies(t)
    if spans and spans[0].start <= 1 and sum(b.end - b.start for b in spans) >= 0.6 * len(t):
        return True
    return opens_with_head(t) and len(t.split()) <= 40 and not has_duty_verb(t)


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
    after = text[at:].lstrip(" ,").casefold()
    if len(out) > len(spans) and any(after.startswith(c + " ") for c in phrases().place_copulas):
        return list(spans)                          # "Thành phố Hà Nội ... là đơn vị hành chính ...": no actor
    return out


def leading_bodies(text: str) -> str:
    """The run of body names at the start of a text, as written ("Ủy ban Mặt trận Tổ quốc, các đoàn thể
    chính trị - xã hội"), never past the first duty verb ("... thành phố có trách nhiệm")."""
    spans = _with_localities(text, [_without_bare_level(b, text) for b in find_bodies(text)])
    inside = lambda i: any(b.start < i < b.end for b in spans)  # noqa: E731  "tổ chức chính trị - xã hội"
    verb = next((i for i in starts_of(text, "verbs") if i > 0 and not inside(i)), len(text))
    strong = next((i for i in starts_of(text, "lead") if i > 0), len(text))
    if strong < min(len(text), 400) and ((spans and spans[0].start <= 1) or opens_with_head(text)):
        if verb < strong and _only_duties(text[verb:strong]):
            strong = verb                       # "... đơn vị có liên quan" + " triển khai thực hiện và chịu trách nhiệm"
        inside = [b for b in spans if b.end <= strong + 1]
        head = text[:strong]
        if (sum(b.end - b.start for b in inside) >= 0.7 * len(head.rstrip())
                or (opens_with_head(text) and not SENTENCE_MARK.search(head) and not NOT_IN_NAME.search(head)
                    and (not has_duty_verb(head) or _heads_list(head))
                    and not _predicate_after_body(head, spans))):
            return trim_tail(head)              # "Vụ trưởng Vụ ..., Chánh Văn phòng Bộ ... chịu trách nhiệm"
    if spans and spans[0].start <= 1:
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
        closer = phrases().collective_closers.match(text, end) if last.kind == "collective" and is_bare(last.name) else None
        if closer is not None and closer.end() <= verb and text[closer.end():].lstrip().casefold().startswith(
                phrases().predicates + phrases().lead_words):
            end = closer.end()                          # "các cơ quan" + " khác có thẩm quyền" + " quy định chi tiết"
        return trim_tail(text[:min(end, verb)])
    if not opens_with_head(text) or verb >= len(text) or verb > 200:
        return ""
    stop = SENTENCE_STOP.search(text, 0, verb)
    if stop is not None:                        # the run filled its sentence: its own verb is in it
        return _subject(trim_tail(text[:stop.start()]), spans)
    run = trim_tail(text[:verb])
    if phrases().rule_words.search(run):
        return run                              # "doanh nghiệp phải gửi thông báo ...": a rule, which name_part drops
    return _before_verb(_before_verb_list(run, text[len(run):verb]), [b for b in spans if b.end <= verb])


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
    ws = span.name.split()
    if len(ws) < 3 or ws[-1] != "cấp" or ws[-2].casefold() in phrases().level_quantifiers:
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


def trim_tail(who: str) -> str:
    ws = who.rstrip(" ,;").split()
    while ws and ws[-1] in phrases().tail_junk:
        ws.pop()
    return " ".join(ws).rstrip(" ,;")



def name_fits(name: str) -> bool:
    """Is a name no longer than a body name is: the body-name bound of the self-checks (checks.yaml
    `max_name_words`), which the extractor keeps too, so that a name run past its end is left out."""
    return len(name.split()) <= load("checks.yaml")["max_name_words"]


def of_issuer(names: list[str], issuer: str | None) -> list[str]:
    """Names with a bare office title (assignment_words.yaml `issuer_offices`) made the issuer's office:
    "Chánh Văn phòng" in a decision of the Bộ Khoa học và Công nghệ is "Chánh Văn phòng Bộ Khoa học và Công
    nghệ" (pool 046d4a5b8d446144 Điều 3). When the issuer is not known a bare office is a fragment, left out
    beside other names ("Chánh Văn phòng, Vụ trưởng Vụ Giáo dục Phổ thông, ..." in a circular whose header was not
    read, pool d3ec59a0ceeaeb95 Điều 3)."""
    bare = lambda n: n.casefold().strip() in phrases().issuer_offices  # noqa: E731
    if not issuer:
        return [n for n in names if not bare(n)] if not all(map(bare, names)) else names
    out = [f"{n} {issuer}" if bare(n) else n for n in names]
    return [n for i, n in enumerate(out) if n not in out[:i]]
