"""Regex builders: word lists (data) -> compiled patterns, in one place (eyecite's regexes.py style).

    alternation(words)         longest first, escaped, spaces matching any run of white space:
                               alternation(["Ủy ban", "Ủy ban nhân dân"]) -> 'Ủy\\s+ban\\s+nhân\\s+dân|Ủy\\s+ban'
    whole_word(pattern)        the pattern not glued to a letter or digit on either side
"""
from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str], *, spaces: str = r"\s+") -> str:
    """A regex alternation of `words`, longest first so that the longest wins; inner
    white space of a word matches `spaces`."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(spaces.join(re.escape(part) for part in w.split()) for w in unique)


def whole_word(pattern: str) -> str:
    """`pattern` with no letter or digit glued before or after it."""
    return rf"(?<![^\W_])(?:{pattern})(?![^\W_])"
