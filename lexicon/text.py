"""Comparison keys: text folded for matching words, never for output.

    strip_marks(s)   'Ủy ban nhân dân' -> 'Uy ban nhan dan'   (diacritics dropped, đ -> d)
    fold_key(s)      'Liên hiệp các hội KH&KT tỉnh' -> 'lien hiep cac hoi kh kt tinh'
    fold_upper(s)    'Phó Giám đốc' -> 'PHO GIAM DOC'     (OCR'd words compared upper case)
    fold_letters(s)  fold_upper letter by letter, same length

and the line helpers shared by the tree and the extractors: clean (Markdown emphasis
dropped, spaces folded), is_upper_line, is_mostly_upper, upper_run; and Memo, a dict that fills
itself (key -> make(key) on the first look-up).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: a run of letters/digits, the words of a comparison key
_KEY_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def strip_marks(s: str) -> str:
    """Vietnamese without its diacritics, đ/Đ -> d/D, for comparing words, never for
    output: 'Ủy ban nhân dân' -> 'Uy ban nhan dan', 'PHÓ GIÁM ĐỐC' -> 'PHO GIAM DOC'.
    One character at a time (_unmarked): what the decomposition of a whole text keeps is what each
    character's keeps, the marks being all that reordering moves (2.4x faster, issue 13)."""
    return s if s.isascii() else s.translate(_UNMARKED)


class Memo(dict):
    """key -> make(key), made on the first look-up of a key (a plain dict look-up after): a table
    that fills itself, for `map(memo.__getitem__, keys)` and `str.translate`."""

    def __init__(self, make) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value


def _unmarked(code: int) -> str:
    """A character without its marks: its canonical decomposition, đ/Đ as d/D, without the combining marks."""
    plain = unicodedata.normalize("NFD", chr(code)).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in plain if not unicodedata.combining(c))


#: {code point: the character without its marks}, filled as characters are met
_UNMARKED = Memo(_unmarked)


@lru_cache(maxsize=65536)
def fold_key(s: str) -> str:
    """Lower case, no diacritics, punctuation dropped, words joined by one space:
    'Liên hiệp các hội KH&KT tỉnh' -> 'lien hiep cac hoi kh kt tinh'."""
    return " ".join(_KEY_WORD.findall(strip_marks(s).casefold()))


#: Two emphasised runs glued together, a word break between them: "**NGHỊ ĐỊNH****Về hợp đồng ...**"
GLUED_EMPHASIS = re.compile(r"(?<=\S)\*\*\*\*(?=\S)")


@lru_cache(maxsize=16384)
def clean(text: str) -> str:
    """Text without Markdown emphasis and with folded spaces: "**I. MỤC ĐÍCH**" -> "I. MỤC ĐÍCH".
    Remembered: the segment stage, the tree and the metadata clean the same paragraphs again
    (42,000 calls on 10,600 distinct strings over the corpus texts, issue 13)."""
    if "*" not in text and "__" not in text:     # no emphasis mark at all: nothing to drop
        return " ".join(text.split())
    from .patterns import EMPHASIS
    text = GLUED_EMPHASIS.sub(" ", text)
    return " ".join(EMPHASIS.sub("", text).split())


def is_upper_line(text: str) -> bool:
    """Every letter upper case (at least two): "KẾ HOẠCH", "PHÓ CHỦ TỊCH"."""
    letters = 0
    for c in text:                  # stops at the first letter not in upper case (8x faster, issue 13)
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 2


def is_mostly_upper(text: str) -> bool:
    """Upper case but for a few letters: "... HẠ TẦNG 5G, IoT TRONG CÁC KHU CÔNG NGHỆ CAO"."""
    most_lower = 8 * len(text) + 100        # a hundred times the lower-case letters that may be
    letters = lower = 0
    for c in text:                  # stops once the lower-case letters outrun 8% of the length by one
        if c.isalpha():
            letters += 1
            if c.islower():
                lower += 1
                if 100 * lower > most_lower:
                    return False
    return letters >= 8 and lower <= letters * 0.08


def fold_upper(text: str) -> str:
    """Upper case without diacritics, to compare OCR'd words: 'PHO GIAM ĐỌC' -> 'PHO GIAM DOC'."""
    return " ".join(strip_marks(text).upper().split())


def fold_letters(text: str) -> str:
    """fold_upper() letter by letter, keeping the length (spaces unchanged)."""
    return "".join(fold_upper(c) or c for c in text)


def upper_run(words: list[str]) -> tuple[str, list[str]]:
    """The leading words with no lower-case letter, and the words after them."""
    k = 0
    while k < len(words) and not any(c.islower() for c in words[k]):
        k += 1
    return " ".join(words[:k]), words[k:]
