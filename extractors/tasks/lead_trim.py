"""A lead as a body's name: the words of a lead found that are no part of its holder's name.

    name_part(name)         a lead as a body's name, "" when it is the subject of a rule
    before_verb(name, spans) a name the finder does not know, cut at the predicate verb after it
    trim_tail(who)          a name without the connecting words a cut left at its end
    without_dangling(name)  a name without the conjunctions and prepositions a cut left at its end
    is_generic(name)        is a name only generic nouns ("Cơ quan"), a piece cut off a holder
    is_case(name)           does a lead open with a case ("Các trường hợp ..."): the sentence is a rule
    name_fits(name)         is a name no longer than a body name is
    of_issuer(names, issuer) a bare "Chánh Văn phòng" made the issuer's office
"""
from __future__ import annotations

import re
from functools import lru_cache

from vanban.lexicon import load

from ..bodies import find_bodies
from ..bodies.gazetteer import fold_name, gazetteer
from ..bodies.names import is_bare
from .cues import phrases, opens_with_head

# What may stand between two names of one list: ", ", " và ", "; "
NAME_GAP = re.compile(r"\s*(?:,|và|,\s*và|;)?\s*")
# An aside in brackets that is no part of a name: any but one or two words without a digit ("(cũ)", "(mới)")
ASIDE = re.compile(r"\s*\((?![^()\d\s]+(?:\s[^()\d\s]+)?\))[^()]*\)")
# "liên quan" and the "đến" that opens what the bodies deal with: the name ends before "đến"
# ("Chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp", pool ff9aace5b310314d)
RELATED_TO = re.compile(r"(?<=liên quan )đến(?!\w)")
# A count after a verb: "Đơn vị lập" + " 01 bộ hồ sơ" (pool 06c6f91f5c3b4c21): a name holds no counted object
COUNT = re.compile(r"\s+\d")
#: The break before the next holder of a list: " và các ", ", các " (after "liên quan đến việc ..." it ends the clause)
NEXT_HOLDER = re.compile(r"(?:\s+và|\s*,)\s+(?=(?:các|những)\s)")


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
        name = _before_clause(name, cut.start())
        if not (opens_with_head(name) or (spans and spans[0].start == 0)):
            return ""
    if any(outside(m) for m in p.rule_words.finditer(name)):
        return ""               # "Đơn vị hành chính đạt dưới 60 điểm thì được phân loại III" (pool 6e7f0a17bbc99fd4)
    ends = [m for m in (*p.clause_openers.finditer(name), *RELATED_TO.finditer(name)) if m.start() > 0 and outside(m)]
    if ends:                                    # the words before a clause opener were a name as a whole
        name = _before_clause(name, min(m.start() for m in ends))
    spans = [b for b in spans if b.end <= len(name)]
    return _closed(_before_predicate(name, spans))


def _before_clause(name: str, at: int) -> str:
    """A name cut where a clause starts, without the "hoặc" / "và" that joined the clause to it: the alternative was
    the clause, no second holder ("người đứng đầu cơ quan có thẩm quyền tuyển dụng" + " hoặc theo phân cấp, ủy quyền"
    + " tiến hành xử lý kỷ luật", pool de54f5fa3cc24927 Điều 15.2)."""
    ws = trim_tail(name[:at]).split()
    while len(ws) > 1 and ws[-1] in phrases().connectors:
        ws = trim_tail(" ".join(ws[:-1])).split()
    return " ".join(ws)


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
        return before_verb(name, spans)
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


def before_verb(name: str, spans) -> str:
    """A name the finder does not know, opened by a head, cut at a predicate verb (`predicate_verbs`) with at
    least three words before it and two after ("Văn phòng đăng ký đất đai" + " tiếp nhận hồ sơ tại Trung tâm
    ...", pool 50693ea4bb4bda20 Điều 3.1). Right after the head the verb names the body ("Cơ quan tiếp nhận hồ
    sơ cưỡng chế", "Đơn vị lập hồ sơ"), so it stays, and so does the name when the cut would leave no body
    ("Người đứng đầu cơ quan sử dụng công chức", pool c22591f10eec1dab Điều 21.1), though a later verb may end
    it ("Cơ quan, đơn vị lấy ý kiến" + " giao cho đơn vị hoặc cá nhân", ce4ad96dbd9a518d). A verb before a count
    ends the name wherever it stands ("Đơn vị" + " lập 01 bộ hồ sơ cấp đổi thẻ ...", pool 06c6f91f appendix 2.a),
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
        if any(b.start <= m.start() < b.end for b in spans) or (before and before[-1] in p.connectors) \
                or (before and before[-1] in phrases().not_duty) \
                or name[:m.start()].rstrip().endswith(","):
            continue            # "... có kế hoạch đầu tư, hợp tác hoặc cung cấp dịch vụ": one of the name's verbs
        if len(before) >= 3 and len(after) >= 2 and not after[0].startswith("tại"):
            cut = trim_tail(name[:m.start()])
            if not is_bare(cut):    # "Người đứng đầu cơ quan" + " sử dụng công chức": one name, read on
                return cut
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


def trim_tail(who: str) -> str:
    """A name without the words a cut left at its end (assignment_words.yaml `name_tail_junk`: "có", "tại", ...)
    and its trailing commas."""
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
