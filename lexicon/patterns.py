"""Regex builders and the patterns shared by the pipeline and the extractors (eyecite's regexes.py style).

    alternation(words)         longest first, escaped, spaces matching any run of white space:
                               alternation(["Ủy ban", "Ủy ban nhân dân"]) -> 'Ủy\\s+ban\\s+nhân\\s+dân|Ủy\\s+ban'
    whole_word(pattern)        the pattern not glued to a letter or digit on either side
    word_start(words)          one of `words` opening a word, in a form that re searches fast
    head_of(words)             `^(?:words)\\b`: a line opening with one of `words`
    task_table_groups()        task-table column headings by group (layout.yaml task_table_headers), folded

Shared header and body patterns (each compiled once; word lists from lexicon/data/header_words.yaml):
PAGE_NUMBER, MOTTO, MOTTO_RAW, MOTTO_SUB, BODY_OPENER, BODY_OR_PURPOSE, BASIS_START, ADDRESSEE, RECIPIENTS_HEAD,
RECIPIENT_LINE, SUBJECT_LINE, RULE, ATTACHED_TO, ATTACHED_INSIDE, EMPHASIS, BULLET, ITEM_EDGES, MARKER_START,
SPACES (a run of white space).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from . import load


def alternation(words: Iterable[str], *, spaces: str = r"\s+") -> str:
    """A regex alternation of `words`, longest first so that the longest wins; inner
    white space of a word matches `spaces`."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(spaces.join(re.escape(part) for part in w.split()) for w in unique)


def word_start(words: Iterable[str], *, ignore_case: bool = False, not_after: tuple[str, ...] = (),
               spaces: str = r"\s+") -> str:
    """`(?<!\\w)(?<!N1)...(?:w1|w2|...)`: one of `words` (in the order given, inner white space
    matching `spaces`) opening a word, not right after any of the fixed-width patterns `not_after`,
    written so that Python's re searches a text for it fast.  re tries a pattern at every
    position of a text unless the pattern opens with a literal letter (then only where one of
    its first letters is); a look-behind or ignored case before the first letter hides it.  So
    every alternative opens with its first letter, spelt in each case re.IGNORECASE matches when
    `ignore_case`, and checks the look-behinds after it; the rest of the word ignores case as
    asked.  The same matches as the plain form (tests/test_text_speed.py), 1.5-4x faster over
    a document (issue 13)."""
    groups: dict[str, list[str]] = {}          # the words by first letter, in their order
    for w in words:
        rest = spaces.join(map(re.escape, w.split()))[len(re.escape(w[0])):]
        groups.setdefault(w[0].lower() if ignore_case else w[0], []).append(rest)
    alternatives = []
    for first, rests in groups.items():
        rest = "(?:" + "|".join(rests) + ")"
        for letter in (letter_cases(first) if ignore_case else (first,)):
            behind = "".join(f"(?<!{p}{re.escape(letter)})" for p in (r"\w",) + not_after)
            alternatives.append(re.escape(letter) + behind + ("(?i:" + rest + ")" if ignore_case else rest))
    return "(?:" + "|".join(alternatives) + ")"


def any_case(words: Iterable[str]) -> str:
    """One of `words` anywhere, in any case re.IGNORECASE matches (not only at a word's start, unlike
    word_start): each word's first letter spelt in each case, then the rest `(?i:...)`, so that re
    tries the pattern only where one of those letters is (5x faster over HTML class names, issue 13)."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for w in words:
        groups.setdefault(letter_cases(w[0]), []).append(re.escape(w[1:]))
    return "(?:" + "|".join(re.escape(letter) + "(?i:" + "|".join(rests) + ")"
                            for letters, rests in groups.items() for letter in letters) + ")"


@lru_cache(maxsize=None)
def letter_cases(letter: str) -> tuple[str, ...]:
    """Every character re.IGNORECASE matches to `letter`: 'k' -> ('K', 'k', 'K' the Kelvin sign).
    Found by re itself over the Basic Multilingual Plane (no case mapping leaves it)."""
    return cases_of((letter,))[letter]


def cases_of(letters: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """letter_cases of each of `letters`, from one pass of re over the plane, not one a letter: the characters
    re.IGNORECASE matches to any of them (a class), then those it matches to each."""
    letters = set(letters)
    found = re.findall("[" + re.escape("".join(sorted(letters))) + "]", _bmp(), re.IGNORECASE)
    return {x: tuple(c for c in found if re.fullmatch(re.escape(x), c, re.IGNORECASE)) for x in letters}


@lru_cache(maxsize=1)
def _bmp() -> str:
    """Every character of the Basic Multilingual Plane but the surrogates, once."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))


def whole_word(pattern: str) -> str:
    """`pattern` with no letter or digit glued before or after it."""
    return rf"(?<![^\W_])(?:{pattern})(?![^\W_])"


# ---------------------------------------------------------------- shared header and tail patterns
# Built once from lexicon/data/header_words.yaml and signer_capacities.yaml; every stage that
# needs one of them imports it from here (the design review's R1: one motto, one page number,
# one body opener, one recipients head).
_HEADER = load("header_words.yaml")

#: A marker alone on its line, its heading on the next: "6." / "Tổ chức triển khai thực hiện Chiến lược"; a
#: bold span holding only it (`**Điều 1.** Chuyển ...`) emphasises no heading (read_markdown)
BARE_MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[IVXL]{1,6}\.|[a-zđ]\)|Điều\s+\d{1,3}\.?)$")
#: a lone page number line: "70", "- 2 -"
PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,3}[-–\s]*$")
#: the national motto: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (upper case: not "nước Cộng hòa ..." in a sentence)
MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM")
#: the motto as the readers meet it, before normalisation: the first line in capitals in either
#: tone placement and with the marks an OCR layer drops ("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI",
#: "CONG HOA XA HOI"), or the second line in any case ("Độc lập - Tự do", "ĐỘC LẬP - TỰ DO").
#: Not "nước Cộng hòa xã hội chủ nghĩa Việt Nam" inside a sentence: the first line must be in capitals.
#: (The second line's first letter spelt in each case, as word_start does: re then tries the pattern only
#: where a C, Đ or đ is, 1.4x faster than with `(?i:Độc...)`, the same matches, issue 13.)
MOTTO_RAW = re.compile(r"C[ỘO]NG\s+H[OÒÓ][ÀA]?\s+X[ÃA]\s+H[ỘO]I|"
                       + "|".join(re.escape(d) + r"(?i:ộc\s+lập\s*[-–]\s*Tự\s+do)" for d in letter_cases("đ")))
#: the motto's second line: "Độc lập - Tự do - Hạnh phúc"
MOTTO_SUB = re.compile(r"Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", re.IGNORECASE)
#: a sentence that starts the body: "Căn cứ Luật Tổ chức Chính phủ ...", "Thực hiện Nghị quyết số ..."
BODY_OPENER = re.compile(rf"^(?:{alternation(_HEADER['body_openers'])})\b")
#: the same, or a plan's purpose: "Nhằm nâng cao ...", "Để triển khai ..."
BODY_OR_PURPOSE = re.compile(rf"^(?:{alternation(_HEADER['body_openers'] + _HEADER['purpose_openers'])})\b")
#: the addressee line that opens a công văn's body: "Kính gửi: Bộ Xây dựng", "Kính gửi:"
ADDRESSEE = re.compile(rf"^(?:{alternation(_HEADER['addressee'])})\b")
#: the recipients list (nơi nhận): "Nơi nhận:", "Nơi nhận: KT. CHỦ TỊCH"
RECIPIENTS_HEAD = re.compile(rf"^(?:{alternation(_HEADER['recipients_head'])})\s*:?")
#: a line of the recipients list whose head was lost: "- UBND các tỉnh, thành phố (đê báo cáo);", "- Lưu: VT, P5."
RECIPIENT_LINE = re.compile(rf"^[-–]\s*(?:\S.{{0,200}}\((?:{alternation(_HEADER['recipient_purposes'])})\s[^()]{{1,40}}\)"
                            rf"\s*[;.,]?\s*\S{{0,12}}$|Lưu\s*[:;])")
#: a công văn's summary line: "V/v tăng cường công tác quản", "V/v: triển khai", "W/v trao đổi"
SUBJECT_LINE = re.compile(rf"^(?:{alternation(_HEADER['subject_prefixes'])})\b")
#: a footnote's first line, printed after the signature: "[1] Quyết định số 38/2010/QĐ-TTg ..." (pool
#: md/8180ae11188469fd, a consolidated text's notes), "[3] Về" + "kết quả thực hiện Kết luận số 77-KL/TW ..."
#: (md/fa0dcc139cec05de)
FOOTNOTE_LINE = re.compile(r"^\s*\[\d{1,3}\]\s")
#: a separator line: "–––––––––", "--------", "___"
RULE = re.compile(r"^[\s\-–—_=*.·]{3,}$")
SPACES = re.compile(r"\s+")
#: the line that says what an attachment belongs to: "(Kèm theo Kế hoạch số /KH-UBND ngày /6/2024 của UBND tỉnh)",
#: "(Ban hành kèm theo Quyết định số 16/2026/QĐ-UBND ...)"
ATTACHED_TO = re.compile(r"^\(?\s*(?:Ban hành\s+)?(?:kèm|Kèm|KÈM)\s+(?:theo|THEO)\b")
#: the attachment note inside a line: "... NĂM 2015 (Ban hành kèm theo Quyết định số 173/QĐ-BTP ...)"
ATTACHED_INSIDE = re.compile(r"\s\((?:Ban hành\s+)?[Kk]èm theo\b")
#: Markdown emphasis left around a line by converters: "**I. MỤC" / "ĐÍCH, YÊU CẦU**", "*Đồng Tháp,"
EMPHASIS = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)__|__(?!\w)")
#: the same in any case: "KÍNH GỬI:"
ADDRESSEE_ANY_CASE = re.compile(ADDRESSEE.pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def task_table_groups() -> dict[str, tuple[str, ...]]:
    """Task-table column headings by group (layout.yaml), case-folded: {"number": ("tt", "stt", ...), ...}."""
    return {k: tuple(w.casefold() for w in v) for k, v in load("layout.yaml")["task_table_headers"].items()}


def head_of(words: Iterable[str]) -> re.Pattern:
    """A line that opens with one of `words` (a whole word): head_of(["Căn cứ", "Để"]) matches 'Căn cứ Luật ...'."""
    return re.compile(rf"^(?:{alternation(words)})\b")


#: The body openers that cite a basis, never a title: "Căn cứ Luật ...", "Theo đề nghị của ...", "Xét đề nghị ..."
BASIS_START = head_of(_HEADER["basis_openers"])
#: Bullets: "- Quán triệt, triển khai...", "+ LĐVP, các phòng", "– Tổ chức", "• Nội dung"
BULLET = re.compile(r"^(?P<num>[-–—+•∙·])\s*(?P<rest>[^\s\-–—+].*)$")
#: Leading dash of a list item and the trailing ; or . of a recipient: "- Như trên;", "+ Lưu VT, KGVX."
ITEM_EDGES = re.compile(r"^[\s\-–—+•*]+|[\s;,.:]+$")
#: A line opening with a section marker or a bullet: "I.", "2.", "a)", "Điều 1", "Chương II", "- "
MARKER_START = re.compile(r"^(?:[IVXL]+\.|\d+\.|[a-zđ]\)|Điều\s+\d|Chương\s|[-+•]\s)")
