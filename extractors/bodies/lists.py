"""Lists of bodies: a lead/coordinator cell or phrase -> body names  # danh sách cơ quan

    split_bodies(text: str) -> list[str]

split_bodies splits a cell on "," ";" "và" and line breaks except inside a found name (and
inside the owner of a collective: "Thủ trưởng các đơn vị thuộc Bộ Kế hoạch và Đầu tư"),
splits names run together, joins collective lists back ("Các sở" + "ban" + "ngành";
fixed pairs "cơ quan, đơn vị ..."; one noun repeated and closed by a list closer, data
list_closers: "các cơ quan chuyên môn, cơ quan hành chính khác" is one, while "Các doanh
nghiệp viễn thông, doanh nghiệp bưu chính" without a closer is two), drops role words
("Sở KH&CN chủ trì hướng dẫn").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .find import find_bodies
from .gazetteer import COMMITTEE_TAIL, fold_name, gazetteer, phrase_mask, piece_words
from .names import held_body, proper_case

#: Separators of a list of bodies: "Sở Tài chính, Sở Nội vụ; UBND cấp xã và đơn vị liên quan".
#: "hoặc" only before a capitalised head ("Trường, Trung tâm hoặc Học viện", pool e8b69e31579c0186 Điều 5.2.c).
LIST_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+và\s+|\s+hoặc\s+(?=[A-ZĐÀ-Ỹ])|\s*\n\s*")
#: A line break that is a wrap inside a name: the next line starts in lower case
#: ("Sở Khoa học\nvà Công\nnghệ"), so it is joined with a space.
WRAPPED_LINE = re.compile(r"\s*\n\s*(?=[a-zđà-ỹ])")
#: The start of each word (role words are looked for there).
WORD_START = re.compile(r"(?<!\w)\w")
#: Runs of spaces and tabs inside a cell (line breaks are handled first).
SPACES = re.compile(r"[ \t\r\f\v]+")
#: A joiner left at the start of a name: "và đơn vị liên quan" -> "đơn vị liên quan".
LEADING_JOINER = re.compile(r"^(?:và|với)\s+")
#: Where the owner starts inside a joined collective: "Thủ trưởng các đơn vị thuộc " + "Bộ Kế hoạch và Đầu tư".
OWNER_IN_COLLECTIVE = re.compile(r"\bthuộc\s+(?=[A-ZĐÀ-Ỹ])")
#: A bracketed aside is never split: "Bộ Công an (Trung tâm Dữ liệu quốc gia)".
BRACKETED = re.compile(r"\([^()]*\)")
#: Bullets, dashes and role notes around a name: "- Sở Nội vụ;", "Sở Tư pháp (chủ trì)".
NAME_JUNK = re.compile(r"^[\s\-–+•*.:;,]+|[\s\-–+•*.:;,]+$|\s*\((?:chủ trì|phối hợp|cơ quan chủ trì|thực hiện)\)", re.I)


def is_collective_piece(piece: str) -> bool:
    """"Các sở", "cơ quan", "Thủ trưởng các đơn vị": a collective name, not one body."""
    g = gazetteer()
    words = piece_words(piece)
    if not words:
        return False
    if any(w in g.determiners for w in words) or words[0] in ("thủ", "giám", "chủ"):
        return True
    return all(c or q for c, q in zip(phrase_mask(words, g.collective), phrase_mask(words, g.qualifiers)))


def _starts_collective(piece: str) -> bool:
    words = piece_words(piece)
    return bool(words) and phrase_mask(words[:4], gazetteer().collective)[0]


def _continues(prev: str, piece: str, sep: str = ",") -> bool:
    """Does `piece`, after a comma or "và", continue the name in `prev`?
    "Các sở" + "ban" + "ngành" ; "cấp tỉnh" + "cấp xã" ; "tại điểm d" + "khoản 1" + "mục III"."""
    g = gazetteer()
    words = piece.split()
    if not words:
        return False
    if PLACES_AFTER_COLON.search(prev) and _is_place(piece):
        return True             # "Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng" (109)
    first = words[0].lower()
    if sep == "," and fold_name(_without_determiner(prev)) in g.titles and held_body(piece.strip()):
        return True             # "(Các) Bộ trưởng" + "Thủ trưởng cơ quan ngang bộ": titles sharing one body
    if (words[0][:1].islower() and not _starts_collective(piece) and first not in g.determiners
            and sep == "," and not g.role_words.match(piece) and not _opens_with_title(words)
            and not piece.startswith(g.person_holders)):
        return True             # "Vụ Phổ biến" + "giáo dục pháp luật" (097); "cơ sở giáo dục" + "đào tạo" (034)
    if (sep == "và" and words[0][:1].isupper() and not _starts_with_head(piece) and not _starts_collective(piece)
            and fold_name(piece) not in g.official and not g.office_title_start.match(piece) and _starts_with_head(prev)):
        return True             # "Vụ Khoa học công nghệ, môi trường" + "Vật liệu xây dựng" (010): not a body alone
    if tuple(w.lower() for w in words) in g.heads and any(w in g.determiners for w in piece_words(prev)):
        return True             # "Thủ trưởng các Vụ" + "Cục" + "đơn vị có liên quan": one list of heads (1796a553)
    if first in g.locator_words and len(words) <= 3 and any(w in g.locator_words for w in prev.lower().split()[-2:-1]):
        return True
    if first == "cấp" and len(words) == 2 and prev.lower().split()[-2:-1] == ["cấp"]:
        return True
    if not (is_collective_piece(prev) or is_collective_piece(prev.rsplit(",", 1)[-1])) or not _starts_collective(piece):
        return False            # the list's last part: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ" + "cơ quan thuộc Chính phủ"
    if words[0][:1].isupper() and any(w[:1].isupper() for w in words[1:]):
        return False            # "Sở Y tế" is a body of its own
    last, first_noun = _last_noun(prev), _first_noun(piece)
    if first_noun is not None and words[0][:1].islower() and sep == "," and (
            _ends_bare(prev) or _new_kind_in_list(prev, first_noun)):
        return True             # "Thủ trưởng các sở, ban, ngành" + "đơn vị trực thuộc Ủy ban nhân dân tỉnh" (112);
        #                         "Các đoàn thể" + "tổ chức xã hội" (110): one determiner, one list of kinds;
        #                         "Các doanh nghiệp, tổ chức kinh tế" + "cơ sở giáo dục, đào tạo" (034)
    if first_noun is not None and first_noun == _determined_noun(prev) and g.list_closer.search(piece):
        return True             # "các cơ quan chuyên môn" + "cơ quan hành chính khác" (052): "khác" closes the list
    if sep == "và" and (" ".join(prev.lower().split()[-2:]), " ".join(words).lower()) in g.level_pairs:
        return True             # "Các cơ quan thông tấn, báo chí trung ương" + "địa phương": levels of one list
    if last is None:            # "Các doanh nghiệp viễn thông" + "doanh nghiệp bưu chính" (034): two bodies
        return False
    if (last, first_noun) in g.collective_pairs or (last == first_noun and last is not None):
        return True             # "các cơ quan" + "đơn vị trực tiếp sử dụng ..."; "cơ quan ..., cơ quan ..."
    if first_noun is not None and last.startswith(first_noun + " "):
        return True             # "Các bộ, cơ quan ngang bộ" + "cơ quan thuộc Chính phủ": one list (386/NQ-CP)
    low = piece_words(_before_role(piece))
    return all(c or q or w in COMMITTEE_TAIL or w == "khác"
               for w, c, q in zip(low, phrase_mask(low, g.collective), phrase_mask(low, g.qualifiers)))


def _opens_with_title(words: list[str]) -> bool:
    """Does a piece open with an office title, in any case: after a comma it opens the next holder ("Giám đốc Sở
    Khoa học và Công nghệ" + "thủ trưởng cơ quan, đơn vị có liên quan", pool 3c5c52374e60b28b Điều 3; "Giám đốc Sở
    Tư pháp các tỉnh, thành phố" + "người đứng đầu đơn vị sự nghiệp công lập", 68c706de4d068f13 Điều 8.1)."""
    titles = gazetteer().titles       # a bare title names no holder of its own: it stays with the name before it
    return any(fold_name(" ".join(words[:n])) in titles for n in range(1, min(4, len(words) - 1) + 1))


#: A plural committee (or collective) naming its places after a colon: "Ủy ban nhân dân các tỉnh: Đắk Lắk, ...",
#: "Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ" (624/TB-VPCP): the places belong to the one name.
PLACES_AFTER_COLON = re.compile(r"\bcác\s+(?:tỉnh|thành\s+phố|tỉnh,\s+thành\s+phố|huyện|xã|phường|địa\s+phương)"
                                r"(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?\s*:\s*[A-ZĐÀ-Ỹ]")


def _is_place(piece: str) -> bool:
    """A place name after the colon: capitalised words, no head of a body ("Khánh Hòa", "Lâm Đồng")."""
    words = piece.strip(" .;").split()
    return (0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and not _starts_with_head(piece)
            and not _starts_collective(piece) and fold_name(piece) not in gazetteer().official)


def _without_determiner(piece: str) -> str:
    """"Các Bộ trưởng" -> "Bộ trưởng": the title a determiner opens."""
    first, _, rest = piece.strip().partition(" ")
    return rest if first.lower() in gazetteer().determiners and rest else piece


def _ends_bare(piece: str) -> bool:
    """Does a collective piece end with a collective noun itself, nothing after it ("Các sở, ban, ngành",
    "Các đoàn thể"), so that a noun after a comma is one more kind of the same list? "Các doanh nghiệp
    viễn thông" ends in other words: "doanh nghiệp bưu chính" after it is a second body (034)."""
    words = piece_words(piece)
    at = [i for i, w in enumerate(words) if w in gazetteer().determiners]
    if not at or _first_noun(" ".join(words[at[-1] + 1:])) is None:
        return False            # "Thủ trưởng các Vụ, Cục": a list of heads
    return phrase_mask(words, gazetteer().collective)[-1]


def _new_kind_in_list(prev: str, noun: str) -> bool:
    """Is `prev` already a list of kinds after one determiner ("Các doanh nghiệp, tổ chức kinh tế") and `noun`
    a kind not named yet? The same noun again names a second body ("Các doanh nghiệp viễn thông, doanh
    nghiệp bưu chính", 034)."""
    words = piece_words(prev)
    at = [i for i, w in enumerate(words) if w in gazetteer().determiners]
    if not at or "," not in prev.split(" ", 1)[-1] or _first_noun(" ".join(words[at[-1] + 1:])) is None:
        return False            # "UBND các xã, phường" + "đơn vị liên quan": a list of places, not of kinds
    return f" {noun} " not in f" {' '.join(words[at[-1] + 1:])} "


def _determined_noun(piece: str) -> str | None:
    """The collective noun right after the last determiner of a piece: "Người đứng đầu các cơ
    quan chuyên môn" -> "cơ quan"; None without a determiner ("doanh nghiệp viễn thông")."""
    g = gazetteer()
    words = piece_words(piece)
    at = [i for i, w in enumerate(words) if w in g.determiners]
    return _first_noun(" ".join(words[at[-1] + 1:])) if at else None


def _first_noun(piece: str) -> str | None:
    """The collective noun a piece opens with: "đơn vị trực tiếp ..." -> "đơn vị"."""
    words = piece_words(piece)
    for p in gazetteer().collective.get(words[0] if words else "", ()):
        if tuple(words[:len(p)]) == p:
            return " ".join(p)
    return None


def _last_noun(piece: str) -> str | None:
    """The collective noun a piece ends with, qualifiers skipped ("các sở, ngành liên quan" -> "ngành");
    None when it ends in other words ("Các doanh nghiệp viễn thông")."""
    g = gazetteer()
    words = piece_words(piece)
    coll, qual = phrase_mask(words, g.collective), phrase_mask(words, g.qualifiers)
    i = len(words) - 1
    while i >= 0 and qual[i] and not coll[i]:
        i -= 1
    if i < 0 or not coll[i]:
        return None
    for k in range(max(0, i - 3), i + 1):       # the longest noun ending there: "cơ quan", not "quan"
        if " ".join(words[k:i + 1]) in g.collective_flat:
            return " ".join(words[k:i + 1])
    return words[i]


def _before_role(piece: str) -> str:
    """The piece up to its first role words: "ngành với các tiêu chuẩn" -> "ngành"."""
    g = gazetteer()
    for m in WORD_START.finditer(piece):
        if m.start() and g.role_words.match(piece, m.start()):
            return piece[:m.start()]
    return piece


def _starts_with_head(text: str) -> bool:
    """Does the text open with a body's head word ("Vụ ...", "Sở ...", "UBND ...")?"""
    words = tuple(text.strip(" -–+•*.:;,").lower().split()[:4])
    return any(words[:n] in gazetteer().heads for n in range(1, 5)) and text.strip()[:1].isupper()


def split_bodies(text: str) -> list[str]:
    """A lead/coordinator cell or phrase -> body names, one entry per body.

    Split on commas, ";", "và" and line breaks, except inside one name (the spans
    find_bodies finds: "Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện, thị xã,
    thành phố") and inside a collective list ("Các sở, ban, ngành và địa phương").
    Two names run together without a separator ("Sở Khoa học và Công nghệ Sở Công
    Thương") are two bodies.  Names are whitespace-folded and proper-cased.
    """
    return list(_split_bodies(text))


@lru_cache(maxsize=4096)
def _split_bodies(text: str) -> tuple[str, ...]:
    """split_bodies, memoised per text."""
    t = WRAPPED_LINE.sub(" ", text.strip())
    t = SPACES.sub(" ", t)
    # names protect their commas and "và"; collective lists are joined by _continues instead
    found = find_bodies(t)
    spans = [(b.start, b.end) for b in found if b.kind != "collective"]
    all_spans = [(b.start, b.end) for b in found]
    protected = spans + [(m.start(), m.end()) for m in BRACKETED.finditer(t)]
    # the body a collective belongs to keeps its "và": "Thủ trưởng các đơn vị thuộc Bộ Kế hoạch và Đầu tư"
    protected += [(m.end(), b.end) for b in found if b.kind == "collective"
                  for m in [OWNER_IN_COLLECTIVE.search(t, b.start, b.end)] if m]
    covered = bytearray(len(t) + 1)       # covered[i]: s < i < e for a protected (s, e)
    for s, e in protected:
        covered[s + 1:e] = b"\x01" * max(0, e - s - 1)
    inside = covered.__getitem__
    pieces: list[tuple[str, str, int]] = []   # (separator before, text, start offset)
    last, sep = 0, ""
    g = gazetteer()
    for m in LIST_SEPARATOR.finditer(t):
        if inside(m.start()) or inside(m.end() - 1) or m.start() == 0:
            continue
        nxt = t[m.end():m.end() + 40].split(" ", 1)[0]   # a bounded look: a tail copy per separator is quadratic
        if m.group(0).strip() == "và" and nxt[:1].islower() and not _starts_collective(t[m.end():m.end() + 40]) \
                and nxt.lower() not in g.determiners:
            continue            # "cơ sở giáo dục và đào tạo": "và" inside a name
        if m.group(0).strip() == "hoặc" and not _starts_with_head(t[m.end():m.end() + 40]):
            continue            # "Cơ quan có thẩm quyền hoặc Người ...": only a second body is a second holder
        pieces.append((sep, t[last:m.start()], last))
        last, sep = m.end(), m.group(0)
    pieces.append((sep, t[last:], last))

    # names run together become pieces of their own, then collective lists are joined again
    parts: list[tuple[str, str, int]] = []
    by_offset = _Spans(all_spans)
    for sep, piece, start in pieces:
        for j, (part, at) in enumerate(_run_together(piece, start, by_offset)):
            parts.append((sep if j == 0 else " ", part, at))
    merged: list[tuple[str, int]] = []
    for sep, piece, start in parts:
        if merged and sep.strip() in (",", "và") and _continues(merged[-1][0], piece.strip(), sep.strip()):
            merged[-1] = (merged[-1][0] + sep + piece, merged[-1][1])
        else:
            merged.append((piece, start))

    names: list[str] = []
    for piece, start in merged:
        lead = piece.lstrip(" -–+•*.:;,")
        if lead[:1].islower() and g.role_words.match(lead) \
                and not any(s <= start + len(piece) - len(lead) < e for s, e in spans):
            continue        # "theo dõi, báo cáo chỉ tiêu": the rest of a role clause, not a body
        part = NAME_JUNK.sub("", _before_role_aside(piece)).strip()     # "Sở KH&CN chủ trì hướng dẫn" -> "Sở KH&CN"
        part = LEADING_JOINER.sub("", part)
        if any(c.isalpha() for c in part):
            names.append(proper_case(part))
    seen, out = set(), []
    for n in names:
        if fold_name(n) not in seen:
            seen.add(fold_name(n))
            out.append(n)
    return tuple(out)


def _before_role_aside(piece: str) -> str:
    """The piece up to its first role words, and before the bracket they stand in: an aside that says the role
    ("Bộ Nông nghiệp và Môi trường (chủ trì phần chính sách, công nghệ, điều phối)", pool 646f0a00d4174382 appendix
    VI.1) is no part of the name."""
    name = _before_role(piece)
    while len(name) < len(piece) and name.count("(") > name.count(")"):
        name = name[:name.rindex("(")]
    return name


class _Spans:
    """Name spans of a text, in order and not overlapping (find_bodies), with their starts and
    ends for bisection: the spans around a piece are found in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def crossing(self, at: int, start: int) -> bool:
        """Does a span start before `at` and end after `start`?"""
        k = bisect_left(self.starts, at)
        return k > 0 and self.ends[k - 1] > start

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect_left(self.starts, start)
        return self.spans[lo:max(lo, bisect_right(self.ends, end))]


def _run_together(piece: str, start: int, spans: _Spans) -> list[tuple[str, int]]:
    """A piece made of body names side by side -> those names, with their offsets
    ("Sở Khoa học và Công nghệ Sở Công Thương"; "Bộ Ngoại giao Bộ Công Thương Cơ quan" from
    PDF cells whose lines were joined, 085)."""
    junk = " -–+•*.:;,"
    end = start + len(piece)
    offset = len(piece) - len(piece.lstrip())
    whole = [(piece, start)]
    if spans.crossing(start + offset, start):
        return whole            # the piece is the end of a longer name
    inner = spans.within(start, end)
    if not inner:
        return whole
    out, pos = [], start + offset
    for s, e in inner:
        if piece[pos - start:s - start].strip(junk):
            return whole        # words between two names: one name ("Sở Sở Công thương")
        out.append((piece[s - start:e - start], s))
        pos = e
    rest = piece[pos - start:].strip()
    if rest.strip(junk):
        opens_body = rest[:1].isupper() and (_starts_with_head(rest) or _starts_collective(rest)
                                             or rest.split(" ")[0].lower() in gazetteer().determiners
                                             or fold_name(rest) in gazetteer().official)
        if not opens_body:
            return whole
        out.append((rest, end - len(piece[pos - start:].lstrip())))
    return out if len(out) > 1 else whole


def kind_of(name: str) -> str:
    """The kind of a lead/coordinator name: the kind of the body it is, else collective or other."""
    spans = find_bodies(name)
    if spans and spans[0].start == 0 and spans[0].end >= len(name.rstrip()) - 1:
        return spans[0].kind
    return "collective" if is_collective_piece(name) else "other"
