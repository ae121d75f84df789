"""Comparison keys: text folded for matching words, never for output.

    strip_marks(s)   'Ủy ban nhân dân' -> 'Uy ban nhan dan'   (diacritics dropped, đ -> d)
    fold_key(s)      'Liên hiệp các hội KH&KT tỉnh' -> 'lien hiep cac hoi kh kt tinh'
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
    output: 'Ủy ban nhân dân' -> 'Uy ban nhan dan', 'PHÓ GIÁM ĐỐC' -> 'PHO GIAM DOC'."""
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold_key(s: str) -> str:
    """Lower case, no diacritics, punctuation dropped, words joined by one space:
    'Liên hiệp các hội KH&KT tỉnh' -> 'lien hiep cac hoi kh kt tinh'."""
    return " ".join(_KEY_WORD.findall(strip_marks(s).casefold()))
