"""Lists of names: one name per holder ("Sở Tài chính, Sở Nội vụ" -> two).

    split_names(text)       the holders a list of names names, each whole: the provinces and cities named as
                            holders kept whole, a form's blanks taken out, a missing comma or a "và" before a
                            holder in lower case read as the break between two holders
"""
from __future__ import annotations

import re
from functools import lru_cache

from vanban.lexicon.citations import UP

from ..bodies import find_bodies, split_bodies
from ..bodies.find import opens_with_body
from ..bodies.gazetteer import fold_name, gazetteer
from ..bodies.names import is_bare, proper_case
from .columns import clean
from .cues import opens_with_head, phrases
from .lead_names import CLAUSE_SPLIT, _localities, may_name_by_work, named_by_work
from .lead_trim import NAME_GAP, without_dangling

# A footnote mark glued to a name's last word: "phối hợp với Bộ Nội vụ[4], Bộ Tài chính" (pool 8180ae11188469fd),
# "Ủy ban nhân dân cấp xã[17] có trách nhiệm" (cfc85d8b3511af54), a superscript "Sở Tài chính²"
FOOTNOTE = re.compile(r"(?<=\w)(?:\[\d{1,3}\]|[¹²³⁴-⁹⁰]+)(?!\w)")
# A form's blank to fill in, with its label in brackets before it: "... trực thuộc Trung ương (tên)..….. có trách
# nhiệm" (pool 1796a553dfee88ef), "và ông (bà) ……… chịu trách nhiệm" (c22591f10eec1dab), "trùng lặp, ........... (Đơn vị
# hoặc bộ phận có trách nhiệm tiêu hủy)" (432a3fc0008bf85c): no part of a name, which ends before it
BLANK = re.compile(r"(?:\s*\([^()]{1,30}\))?\s*\.*(?:…|\.{3})[.…]*(?:\s*\([^()]{0,80}(?:\)|$)\s*[.…]*)?")
# the commas left where a blank was taken out of a list
BLANK_GAP = re.compile(r"(?:\s*,)+\s*")


def split_names(text: str) -> list[str]:
    """The holders a list of names names, each whole (module docstring). Memoised per text: half the calls repeat
    one (the lead of a clause read again for its coordinators, a later sentence's holders); each gets its own list."""
    return list(_split_names(text))


@lru_cache(maxsize=4096)
def _split_names(text: str) -> tuple[str, ...]:
    text = _without_blanks(FOOTNOTE.sub("", clean(text))).strip(" ,;:.")
    if not text:
        return ()
    out: list[str] = []
    for part in CLAUSE_SPLIT.split(text) if ";" in text else [text]:
        for whole, piece in (x for kept, w in _kept_whole(part) for is_place, p in
                             ([(True, w)] if kept else _place_pieces(w))
                             for x in ([(True, p)] if is_place else _shared_lists(p))):
            names = [proper_case(piece)] if whole else \
                _rejoined(piece, [n for x in _and_pieces(_with_list_commas(piece)) for n in split_bodies(x)])
            out += [n for n in map(without_dangling, (m for n in names for m in _shared_head(n))) if n and n not in out]
    return tuple(out)



def _shared_head(name: str) -> list[str]:
    """A body's head over a list of places, each with its own level word in lower case, one holder per place
    ("Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh, thành phố Hải Phòng và tỉnh Quảng Ninh", corpus
    134 II.1.1.d: four committees, the head said once). Not one plural level over its places ("Ủy ban nhân dân
    các tỉnh Nghệ An, Quảng Ngãi": one holder), nor a capitalised "Thành phố", the city itself ("UBND thành phố
    Hà Nội, Thành phố Hồ Chí Minh": the finder reads two names)."""
    places = list(_localities().finditer(name))
    if len(places) < 2 or not opens_with_head(name):
        return [name]
    head = name[:places[0].start()]
    if not head.strip() or head.split()[-1].casefold() in gazetteer().determiners or places[-1].end() != len(name) \
            or any(not m.group()[:1].islower() for m in places) \
            or any(NAME_GAP.fullmatch(name[a.end():b.start()]) is None for a, b in zip(places, places[1:])):
        return [name]
    return [head + m.group() for m in places]


def _kept_whole(part: str) -> list[tuple[bool, str]]:
    """A list cut around the names kept whole (True): titles sharing a place relative, units named by their work."""
    return [x for kept, w in _shared_place(part) for x in ([(True, w)] if kept else _work_pieces(w))]


def _shared_place(part: str) -> list[tuple[bool, str]]:
    """Two office titles joined by "hoặc" / "và" before a place relative (`place_relatives`), which both share, each
    kept whole with it (True): "Thủ trưởng hoặc Chủ tịch Công đoàn nơi tổ chức hội nghị tiếp xúc cử tri" -> "Thủ
    trưởng nơi tổ chức ...", "Chủ tịch Công đoàn nơi tổ chức ..." (pool 70180aecf521049d Điều 24.2.a): the first
    title names no body of its own, the place says whose."""
    p, g = phrases(), gazetteer()
    where = p.place_relatives.search(part)
    join = next((m for m in WORD.finditer(part, 0, where.start()) if m.group() in p.connectors), None) if where else None
    if join is None or fold_name(part[:join.start()]) not in g.titles or not g.title_run.match(part, join.end() + 1):
        return [(False, part)]
    clause = part[where.start():].rstrip(" ,;.")
    return [(True, f"{part[:join.start()].rstrip()} {clause}"), (True, part[join.end():].strip(" ,;."))]


#: a word and where it stands
WORD = re.compile(r"\S+")
#: the break before the next holder of a list after a unit named by its work: ", ", " và ", ", và "
NEXT_NAME = re.compile(r"(?:\s*,\s*và|\s*,|\s+và)\s+")


def _work_pieces(part: str) -> list[tuple[bool, str]]:
    """A list cut after unit nouns named by their work, which stay one name with their topic (True): "Cơ quan, bộ
    phận tham mưu về tổ chức, cán bộ của cơ quan, tổ chức, đơn vị" (pool c22591f10eec1dab Điều 44.2.đ: one unit,
    whose topic's comma is no break), up to a next holder ("Cơ quan tham mưu về tổ chức cán bộ" + " và " + "các cơ
    quan liên quan"): a determiner, an office title or a capitalised head after a break ("của cơ quan, tổ chức, đơn
    vị" is the unit's owner)."""
    work = named_by_work(part, find_bodies(part)) if may_name_by_work(part) else []
    if not work:
        return [(False, part)]
    g = gazetteer()
    end = next((m.start() for m in NEXT_NAME.finditer(part, work[0][1]) if g.title_run.match(part, m.end())
                or part[m.end():].split(" ", 1)[0].casefold() in g.determiners
                or (part[m.end():m.end() + 1].isupper() and opens_with_head(part[m.end():]))), len(part))
    rest = part[end:]
    return [(True, part[:end])] + ([(False, rest)] if rest.strip(" ,") else [])


def _rejoined(text: str, names: list[str]) -> list[str]:
    """Names with a piece that opens with no body word joined back to the body name before it, of which it is a
    part after a comma: "Phòng Kinh tế" + "Hạ tầng" + "Đô thị ... cấp xã" (pool 8d9779edcdd6c422 appendix Điều
    3.1.a: "Phòng Kinh tế, Hạ tầng và Đô thị (hoặc phòng Kinh tế) cấp xã"), "Các cơ sở sản xuất giống" + "NTTS
    thương phẩm" (d5ffa6afac124d52 IV.4), "Cơ quan Đảng" + "Nhà nước" (012b8a728c178e7a Điều 35.3.a). A piece is
    joined only as it stands in the text after the name before it, capitalised there, two to four words (a holder
    in lower case opens one of its own: "..., chính quyền địa phương các đơn vị hành chính liên quan"; one word may
    be a company's: "Tập đoàn FPT, CMC")."""
    out: list[str] = []
    low = text.casefold()
    for n in names:
        at = low.find(out[-1].casefold()) if out else -1
        end = low.find(n.casefold(), at + len(out[-1])) if at >= 0 else -1
        if end >= 0 and text[end:end + 1].isupper() and 2 <= len(_own_words(n)) <= 4 \
                and not _opens_a_body(n) and _opens_a_body(out[-1]) and not is_bare(out[-1]) and NAME_GAP.fullmatch(text[at + len(out[-1]):end]):
            out[-1] = out[-1] + text[at + len(out[-1]):end + len(n)]
            continue
        out.append(n)
    return out


#: the owner after a unit's name: "Phản biện xã hội" + " thuộc Cơ quan Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"
OWNER = re.compile(r"\s+(?:trực\s+)?thuộc\s+(?=[" + UP + r"]).*$")


def _own_words(name: str) -> list[str]:
    """The words of a piece without its asides and the owner after it ("Phản biện xã hội thuộc Cơ quan Ủy ban Trung
    ương ...": three words, pool 24e28a864a1fdc36 appendix item 3, "Ban Dân chủ, Giám sát và Phản biện xã hội")."""
    return OWNER.sub("", ASIDES.sub("", name)).split()


def _opens_a_body(name: str) -> bool:
    """Does a name open with a body's head, an office title, a determiner, or a body the finder reads there?"""
    g = gazetteer()
    return opens_with_head(name) or (opens_with_body(name) and find_bodies(name)[0].start == 0) \
        or bool(g.title_run.match(name)) or name.split(" ", 1)[0].casefold() in g.determiners


#: asides in brackets, which do not count as words of a name
ASIDES = re.compile(r"\s*\([^()]*\)")


def _shared_lists(text: str) -> list[tuple[bool, str]]:
    """A text cut around the names that are office titles sharing one list of bodies, each kept whole (True):
    a title over a determiner and a noun, then a second title over the same list going on without a determiner,
    which the finder reads as one name ("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
    corpus 127 item 1: the heads of all ministries and ministerial bodies, one holder, as "Bộ trưởng, Thủ trưởng
    cơ quan ngang bộ" is). Not two titles each with its determiner ("Giám đốc các Sở, Thủ trưởng các ban, ngành
    tỉnh": two holders)."""
    g, out, at = gazetteer(), [], 0
    for b in find_bodies(text):
        first = g.title_run.match(b.name)
        if first is None or b.name[first.end():].split(" ", 1)[0].casefold() not in g.determiners:
            continue
        second = next((m for m in SECOND_TITLE.finditer(b.name, first.end()) if g.title_run.match(b.name, m.end())), None)
        if second is None:
            continue
        rest = b.name[g.title_run.match(b.name, second.end()).end():]
        if rest.split(" ", 1)[0].casefold() in g.determiners:
            continue
        out += [(False, text[at:b.start])] if text[at:b.start].strip(" ,;") else []
        out.append((True, text[b.start:b.end]))
        at = b.end
    rest = text[at:]
    return out + ([(False, rest)] if rest.strip(" ,;") else [])


#: the comma before a second office title inside one name: "Bộ trưởng các Bộ" + ", " + "Thủ trưởng ..."
SECOND_TITLE = re.compile(r",\s*(?=[" + UP + r"])")


#: " và " before a lower-case word, which may open the next holder of a list
AND_LOWER = re.compile(r"\s+và\s+(?=[^\W\d_])(?=[^" + UP + r"])")


def _and_pieces(text: str) -> list[str]:
    """A list cut at each "và" before a holder written in lower case, outside the names found: a word that opens a
    body ("Chủ tịch UBND cấp xã và thủ trưởng các cơ quan, đơn vị có liên quan", pool be5392d4f50c27a6 Điều 18.1)
    or a holder (assignment_words.yaml `holder_words`: "Tổ đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng
    nhân dân tỉnh", 40de74e605854414 Điều 3.2), each piece capitalised: two holders."""
    spans = find_bodies(text)
    pieces, at = [], 0
    for m in AND_LOWER.finditer(text):
        nxt = text[m.end():]
        if any(b.start <= m.start() < b.end for b in spans) or text.count("(", 0, m.start()) > text.count(
                ")", 0, m.start()) or not (
                opens_with_head(nxt) or nxt.casefold().startswith(phrases().holder_words)):
            continue
        pieces.append(text[at:m.start()])
        at = m.end()
    pieces.append(text[at:])
    return [x[:1].upper() + x[1:] if i else x for i, x in enumerate(pieces) if x.strip()]


def _with_list_commas(text: str) -> str:
    """A list with the comma put back between a body of the gazetteer and a collective the finder reads right after
    it, opening with a determiner ("Sở Văn hóa, Thể thao và Du lịch các cơ quan, đơn vị có liên quan", pool
    f08cdc4c1a96afa2 Điều 2: two holders; not "Chủ tịch Ủy ban nhân dân các cấp")."""
    spans, g = find_bodies(text), gazetteer()
    for a, b in reversed(list(zip(spans, spans[1:]))):
        if text[a.end:b.start] == " " and fold_name(a.canonical) in g.official and b.kind == "collective" \
                and not g.title_run.match(a.name) \
                and text[b.start:].casefold().startswith(tuple(d + " " for d in g.determiners)):
            text = text[:a.end] + "," + text[a.end:]
    return text


def _without_blanks(text: str) -> str:
    """A list of names without a form's blanks (`BLANK`) and a person addressed before one at its end ("Thủ
    trưởng các cơ quan, đơn vị có liên quan và ông (bà) ………", pool c22591f10eec1dab appendix Điều 3: "Thủ trưởng
    các cơ quan, đơn vị có liên quan"; "Giám đốc Sở Nông nghiệp và Môi trường, …….(tên tổ chức, cá nhân)…….,
    Thủ trưởng các cơ quan ...", fcf5e41b: the names on both sides)."""
    if "…" not in text and "..." not in text or BLANK.search(text) is None:
        return text                         # (every blank holds an ellipsis: most texts are not scanned)
    text = BLANK_GAP.sub(", ", BLANK.sub(" , ", text)).strip(" ,")
    low = text.casefold()
    for w in (p.strip() for p in phrases().persons):
        for sep in (" và ", ", "):
            if low.endswith(sep + w):
                return text[:len(text) - len(sep) - len(w)]
    return text


def _starts_a_name(part: str, at: int, spans: list, last_place_end: int) -> bool:
    """Does a place at `at` open a name of the list: at its start, right after a body ("Bộ Quốc phòng" +
    " các tỉnh Ninh Bình, ..."), or after ", " / " và " following a place named as a holder ("Thành phố Hồ Chí
    Minh, tỉnh Lâm Đồng")? Not a place that ends a longer name ("... thuộc phạm vi quản lý của tỉnh Bắc
    Ninh", "Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh, ...": places sharing the head, `_shared_head`)."""
    before = part[:at].rstrip()
    if not before:
        return True
    if any(b.end == len(before) and not _ends_with_place(b.name) for b in spans):
        return True                                             # no comma after the body
    return last_place_end >= 0 and NAME_GAP.fullmatch(part[last_place_end:at]) is not None


def _ends_with_place(name: str) -> bool:
    return _localities().search(name) is not None or any(name.endswith(p) for p in gazetteer().provinces)


#: "và" closing the names before a place: "Thành phố Hà Nội" + " và" + " các tỉnh Bắc Ninh, Gia Lai"
TRAILING_AND = re.compile(r"(?:^|\s+)và$")


def _place_pieces(part: str) -> list[tuple[bool, str]]:
    """A list of names cut around the provinces and cities named as holders, which stay whole ("Thành phố
    Hà Nội và các tỉnh Bắc Ninh, Gia Lai" -> "Thành phố Hà Nội", "các tỉnh Bắc Ninh, Gia Lai"); a place
    inside a body's name is no piece ("Ủy ban nhân dân tỉnh Lâm Đồng")."""
    spans: list = []
    pieces: list[tuple[bool, str]] = []
    at, last_place_end = 0, -1
    for m in _localities().finditer(part):
        spans = spans or find_bodies(part)      # (the names only where a place stands: most parts have none)
        if any(b.start <= m.start() < b.end for b in spans) or not _starts_a_name(part, m.start(), spans,
                                                                                   last_place_end):
            continue
        before = TRAILING_AND.sub("", part[at:m.start()].strip(" ,;")).strip(" ,")
        if before:
            pieces.append((False, before))
        pieces.append((True, m.group()))
        at = last_place_end = m.end()
    rest = part[at:].strip(" ,;")
    return pieces + ([(False, rest)] if rest else [])
