"""The section-marker grammar (đánh số đề mục): one table of marker kinds, kept apart
from the tree building (bluebell keeps its grammar apart from its tree classes).

    read_marker(text) -> Marker | None      the first kind in MARKERS whose pattern matches and accepts
    MARKERS                                 (kind, pattern, rank, numbered, path form, ...) in reading order
    KINDS[kind]                             the same rows by kind name
    value(marker) -> int | None             the number a marker carries ("IV" -> 4, "đ" -> 5, "2.1.3" -> 3)
    printed(kind, value) -> str             a number as its marker prints it (4 -> "d)", "IV.", "Điều 4")

Rank: a smaller rank is an outer level (appendix 0 ... plus 9).  Numbered kinds must run
on one by one (the tree checks gaps); bullets are counted in order.  The path form gives a
node's own path segment: "Điều {num}", "Chương {num}", "Mục {num}", "{num}", "-{n}", "+{n}".
Both the segment stage (where the preamble ends) and the tree read this table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from vanban.lexicon import doc_types
from vanban.lexicon.patterns import BARE_MARKER  # noqa: F401  (a marker alone: the tree and segment read it here)

DIGITS = re.compile(r"\d+")

# ---------------------------------------------------------------- patterns
#: Roman heading: "I. MỤC ĐÍCH, YÊU CẦU", "IV. TỔ CHỨC THỰC HIỆN"
ROMAN = re.compile(r"^(?P<num>[IVXL]{1,6})\s*[.)]\s*(?P<rest>\S.*)$")
#: Dotted heading, carries its parent's number: "1.1. Sở Nội vụ: Chủ trì...", "2.1.3 Rà soát"
DOTTED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})(?:\.|\))?\s+(?P<rest>\D.*)$")
#: Arabic heading: "1. Mục đích", "12. Ủy ban nhân dân các xã, phường", "2) Thanh tra tỉnh"; an item opening
#: with a decimal amount after a space: "1. 0,5 lần quỹ lương cơ bản ..." (pool md/27e00d593ec30fac.md), not
#: a number broken at its dot ("1.595 người", "2. 000")
ARABIC = re.compile(r"^(?P<num>\d{1,2})\s?[.)]\s*(?P<rest>(?:[^\d\s.,;:/%)\-]|(?<=\s)\d{1,3},\d).*)$")
#: Upper-case letter heading: "A. DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG", "B. NHIỆM VỤ CỤ THỂ"
UPPER = re.compile(r"^(?P<num>[A-ZĐ])\.\s+(?P<rest>\S.*)$")
#: Letter item: "a) Thúc đẩy mạnh mẽ chuyển đổi", "đ) Đến hết năm 2045: 100%"
LETTER = re.compile(r"^(?P<num>[a-zđ])\s?\)\s*(?P<rest>\S.*)$")
#: Parenthesised item: "(1) Giao Bộ Nông nghiệp và Môi trường chủ trì", "(2) Về nguồn vốn"
PAREN = re.compile(r"^\((?P<num>\d{1,2})\)\s*(?P<rest>[^\s\d].*)$")
#: Bullets: "- Quán triệt, triển khai...", "+ LĐVP, các phòng", "– Tổ chức", "• Nội dung"
BULLET = re.compile(r"^(?P<num>[-–—+•∙·])\s*(?P<rest>[^\s\-–—+].*)$")
#: Article: "Điều 3. Tổ chức thực hiện", "Điều 1: Phê duyệt", "Điều 12 Hiệu lực thi hành"
ARTICLE = re.compile(r"^Điều\s+(?P<num>\d{1,3}[a-z]?)\s*[.:]?\s*(?P<rest>.*)$")
#: An article number with no punctuation after it: "Điều 17 Thông tư số 23/2024/TT-BCT" (a citation wrapped to
#: the start of a line) or "Điều 12 Hiệu lực thi hành" (a heading)
ARTICLE_BARE = re.compile(r"^Điều\s+\d{1,3}[a-z]?\s+[^\s.:]")
#: Chapter: "Chương II", "CHƯƠNG I. NHỮNG QUY ĐỊNH CHUNG", "Chương 3: Tổ chức thực hiện"
CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+(?P<num>[IVXL]{1,6}|\d{1,2})\b\s*[.:\-–]?\s*(?P<rest>.*)$")
#: Chapter section: "Mục 1. QUY ĐỊNH CHUNG", "MỤC 2"
SUBCHAPTER = re.compile(r"^(?:Mục|MỤC)\s+(?P<num>\d{1,2}|[IVXL]{1,6})\b\s*[.:\-–]?\s*(?P<rest>.*)$")

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
#: Vietnamese letter items run a, b, c, d, đ, e, g, h, i, k, ... (no f, j, w, z)
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


@dataclass(frozen=True)
class Marker:
    """One marker read at the start of a paragraph."""
    kind: str          # appendix chapter subchapter article roman dotted arabic letter paren bullet plus
    num: str           # "III", "2.1", "a", "-"
    printed: str       # as printed: "III.", "2.1.", "a)", "-", "Điều 3"
    rest: str          # the text after the marker


@dataclass(frozen=True)
class MarkerKind:
    """A row of the marker table."""
    kind: str
    pattern: Optional[re.Pattern]
    rank: float                       # nesting rank: a smaller rank is an outer level
    numbered: bool                    # must run on one by one (checked for gaps)
    path: str                         # the node's own path segment: "Điều {num}", "{num}", "-{n}"
    #: the marker as printed, from the text and the match
    printed: Callable[[str, re.Match], str] = lambda text, m: text[:m.start("rest")].strip()
    #: the number kept on the node ("07" -> "7" for Arabic numbers)
    num: Callable[[re.Match], str] = lambda m: m["num"]
    #: further conditions on a match (an article cited, not headed; "IV" a numeral)
    accept: Callable[[str, re.Match], bool] = lambda text, m: True


def _is_citation_rest(rest: str) -> bool:
    """After a bare 'Điều 17': a citation goes on with a document's name or lower-case words."""
    return not rest[:1].isupper() or rest.startswith(_type_names_title()) or rest.startswith(("Luật", "Bộ luật"))


@lru_cache(maxsize=1)
def _type_names_title() -> tuple[str, ...]:
    """"Thông tư", "Nghị định", ... as they start a citation."""
    return tuple(sorted({d.name for d in doc_types()}))


def _article_heads(text: str, m: re.Match) -> bool:
    return not m["rest"].startswith((",", ";", "và ", "đến ")) \
        and not (ARTICLE_BARE.match(text) and _is_citation_rest(m["rest"]))


def _roman_heads(text: str, m: re.Match) -> bool:
    return bool(roman_value(m["num"])) and (m["rest"][0].isupper() or not m["rest"][0].isalpha())


def _upper_heads(text: str, m: re.Match) -> bool:
    """"A. DANH MỤC ..." (an upper-case heading), not "A. Nguyễn Văn" or a Roman numeral."""
    first = m["rest"].split()[0].strip(",.:;")
    return m["num"].lower() in LETTERS and len(first) >= 2 and first.isupper()


def _strip_punct(text: str, m: re.Match) -> str:
    return text[:m.start("rest")].strip(" .:-–")


def _as_int(m: re.Match) -> str:
    return str(int(m["num"]))


#: the marker table, in the order a line is tried
MARKERS: tuple[MarkerKind, ...] = (
    MarkerKind("article", ARTICLE, 3, True, "Điều {num}", printed=lambda text, m: f"Điều {m['num']}",
               accept=_article_heads),
    MarkerKind("chapter", CHAPTER, 1, True, "Chương {num}", printed=_strip_punct),
    MarkerKind("subchapter", SUBCHAPTER, 2, False, "Mục {num}", printed=_strip_punct),
    MarkerKind("roman", ROMAN, 4, True, "{num}", accept=_roman_heads),
    MarkerKind("upper", UPPER, 3.5, True, "{num}", accept=_upper_heads),
    MarkerKind("dotted", DOTTED, 6, True, "{num}"),
    MarkerKind("arabic", ARABIC, 5, True, "{num}", num=_as_int),
    MarkerKind("letter", LETTER, 7, True, "{num}"),
    MarkerKind("paren", PAREN, 7.5, True, "{num}", num=_as_int),
    MarkerKind("bullet", BULLET, 8, False, "-{n}", printed=lambda text, m: m["num"]),
)
#: kinds that no pattern above reads: the appendix (found by the segment stage) and "+" bullets
EXTRA_KINDS = (MarkerKind("appendix", None, 0, False, "appendix"),
               MarkerKind("plus", None, 9, False, "+{n}"))
KINDS = {k.kind: k for k in MARKERS + EXTRA_KINDS}
#: the kinds whose numbers must run on one by one (checked for gaps)
NUMBERED = frozenset(k.kind for k in KINDS.values() if k.numbered)
#: nesting rank of each kind: a smaller rank is an outer level
RANK = {k.kind: k.rank for k in KINDS.values()}


@lru_cache(maxsize=16384)
def read_marker(text: str) -> Optional[Marker]:
    """The marker a paragraph starts with, or None: the first row of MARKERS that matches and accepts.
    Remembered (a Marker is frozen): the segment stage and the tree read the same paragraphs."""
    for row in MARKERS:
        m = row.pattern.match(text)
        if m and row.accept(text, m):
            kind = "plus" if row.kind == "bullet" and m["num"] == "+" else row.kind
            return Marker(kind, row.num(m), row.printed(text, m), m["rest"])
    return None


def is_heading_marker(text: str) -> bool:
    """A Roman, Arabic, dotted or chapter heading starts the text (not a bullet or letter item)."""
    return bool(ROMAN.match(text) or ARABIC.match(text) or DOTTED.match(text) or CHAPTER.match(text))


def value(mk: Marker) -> Optional[int]:
    """The number a marker carries: "IV" -> 4, "đ" -> 5, "12a" -> 12, "2.1.3" -> 3."""
    if mk.kind in ("roman", "chapter", "subchapter"):
        if mk.num.isdigit():
            return int(mk.num)
        return roman_value(mk.num)
    if mk.kind in ("letter", "upper"):
        return LETTERS.index(mk.num.lower()) + 1 if mk.num.lower() in LETTERS else None
    if mk.kind == "article":
        return int(DIGITS.match(mk.num).group())
    if mk.kind == "dotted":
        return int(mk.num.split(".")[-1])
    return int(mk.num)


def printed(kind: str, number: int) -> str:
    """A number as its marker prints it: 4 -> 'd)' for a letter item, 'IV.' for a Roman heading, '4.' else."""
    if kind == "letter" and 1 <= number <= len(LETTERS):
        return LETTERS[number - 1] + ")"
    if kind == "upper" and 1 <= number <= len(LETTERS):
        return LETTERS[number - 1].upper() + "."
    if kind in ("roman", "chapter") and number < 90:
        return to_roman(number) + ("." if kind == "roman" else "")
    if kind == "article":
        return f"Điều {number}"
    return f"({number})" if kind == "paren" else f"{number}."


def roman_value(s: str) -> Optional[int]:
    """'IV' -> 4; None when the letters are not a well-formed numeral ('IIII', 'VX')."""
    total, prev = 0, 0
    for ch in reversed(s):
        v = ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if to_roman(total) == s else None


def to_roman(n: int) -> str:
    out = ""
    for v, s in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


#: a LINE (before paragraph joining) that starts a numbered or bulleted paragraph: "I. MỤC ĐÍCH", "1.1. Tổ chức",
#: "a) Thúc đẩy", "a. Định mức", "- Quán triệt", "+ LĐVP", "Điều 5.", "Chương II", "Mục 1", "Phần thứ nhất",
#: "PHỤ LỤC I"; the layout stage never joins such a line to the one above it
LINE_MARKER = re.compile(
    r"^(?:[IVXL]{1,6}\s*[.)](?=\s|$|[A-ZĐ])"
    r"|\d{1,3}(?:\.\d{1,3})*\s*[.)](?!\d)"
    r"|\d{1,3}(?:\.\d{1,3})+(?=\s)"
    r"|[a-zđ]\s*\)|[a-zđ]\.(?=\s)|[A-ZĐ]\.(?=\s+[A-ZĐ][^\s\da-zđ])"
    r"|[-–—+•·●▪○*]\s*(?=[^\s\-–—_=*.…])"
    r"|(?:Điều|ĐIỀU)\s+\d+"
    r"|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXL\d]+|thứ|THỨ)\b"
    r"|(?:Phụ\s+lục|PHỤ\s+LỤC)\b)")
