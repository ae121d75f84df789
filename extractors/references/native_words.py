"""The type words of a whole match text (find_citations' short forms and unparsed numbers read
them), found by a compiled loop (type_words.c, built on first use by pipeline/native.py).

    type_word_spans(mtext) -> [(start, end)]    the spans of lexicon.citations.type_word_re.finditer

re tries the pattern at every letter that may open a type word, a third of a Vietnamese text, and
that was a fifth of find_citations' time (60 ms over the corpus texts, issue 13).  The loop takes
the same steps over the same word list (type_words.c says which); where it cannot be had (no
compiler, VANBAN_NATIVE=0) or the text holds a character above U+FFFF, re's finditer gives the
spans, and it stays the specification (tests/test_text_speed.py compares both on the corpus)."""
from __future__ import annotations

import ctypes
import re
from array import array
from codecs import utf_16_le_encode
from functools import lru_cache
from pathlib import Path
from typing import Optional

from vanban.lexicon import citations as C
from vanban.lexicon.patterns import cases_of, letter_cases

from ...pipeline import native

SOURCES = (Path(__file__).with_name("type_words.c"),)
WORD, SPACE = 1, 2                  # the bits of a code point in the class table (type_words.c)


def type_word_spans(mtext: str) -> list[tuple[int, int]]:
    """The (start, end) of every type word in `mtext`, as type_word_re.finditer finds them."""
    scan = _scanner()
    spans = scan(mtext) if scan is not None else None
    if spans is None:
        spans = [m.span() for m in C.type_word_re().finditer(mtext)]
    return spans


class _Tables:
    """The word list written down for the loop: alternatives, letter sets, the class table."""

    def __init__(self, words: tuple[str, ...]):
        sets: dict[str, int] = {}
        cps: list[int] = []
        offsets: list[int] = []
        sizes: list[int] = []
        all_cases = cases_of({c.lower() for w in words for c in w if c != " "})

        def set_of(letter: str) -> int:
            letter = letter.lower()                 # re takes the same characters for `Q` as for `q`
            if letter not in sets:
                cases = all_cases[letter]
                sets[letter] = len(offsets)
                offsets.append(len(cps))
                sizes.append(len(cases))
                cps.extend(map(ord, cases))
            return sets[letter]

        # lexicon.patterns.word_start's order: the words grouped by first letter (first met first)
        groups: dict[str, list[str]] = {}
        for w in words:
            assert w == " ".join(w.split()) and all(c.isalpha() or c == " " for c in w), w
            groups.setdefault(w[0].lower(), []).append(w)
        prog: list[int] = []
        group_at: list[int] = []
        group_size: list[int] = []
        group_of = bytearray(0x10000)
        for first, group in groups.items():
            group_at.append(len(prog))
            group_size.append(len(group))
            for c in letter_cases(first):
                assert not group_of[ord(c)], "first letters of two groups"
                group_of[ord(c)] = len(group_at)
            for w in group:
                units = [-1 if c == " " else set_of(c) for c in w[1:]]
                prog += [len(units)] + units
        assert len(group_at) < 256
        cls = bytearray(0x10000)                    # by re itself: its \w and \s over every code unit
        every = "".join(map(chr, range(0x10000)))
        for bit, pattern in ((WORD, r"\w+"), (SPACE, r"\s+")):      # no character is both
            for m in re.finditer(pattern, every):
                cls[m.start():m.end()] = bytes((bit,)) * (m.end() - m.start())
        self.keep = (bytes(cls), array("i", prog), array("i", group_at), array("i", group_size),
                     array("I", cps), array("i", offsets), array("i", sizes), bytes(group_of))
        self.shortest = min(map(len, words))
        self.addresses = [a if isinstance(a, bytes) else a.buffer_info()[0] for a in self.keep]


@lru_cache(maxsize=1)
def _scanner():
    """The compiled scan over type_words(), or None (re is used)."""
    lib = native.build_and_load("typewords", SOURCES)
    if lib is None or array("i").itemsize != 4 or array("I").itemsize != 4:
        return None
    loop = lib.vb_type_words
    loop.restype = ctypes.c_long
    loop.argtypes = [ctypes.c_char_p, ctypes.c_long, ctypes.c_char_p] + [ctypes.c_void_p] * 6 + \
        [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_long]
    tables = _Tables(C.type_words())

    def scan(mtext: str) -> Optional[list[tuple[int, int]]]:
        n = len(mtext)
        data = utf_16_le_encode(mtext, "surrogatepass")[0]
        if len(data) != 2 * n:
            return None                              # a character above U+FFFF: re reads it
        room = n // tables.shortest + 1               # matches do not overlap
        out = array("i", bytes(8 * room))
        count = loop(data, n, *tables.addresses, out.buffer_info()[0], room)
        if count < 0:
            return None
        flat = out[:2 * count].tolist()
        return list(zip(flat[::2], flat[1::2]))

    return scan
