"""Tokens of a text for the body matcher, with character offsets, and the facts of a word.

    tokenize(text) -> (words, starts)      the words and where each starts in `text`
    Lexicon.lexes(words) -> [Lex]          each word's own facts (L_* flags), computed once a word

The tokenizer splits on whitespace and punctuation (commas, semicolons, brackets,
quotes); "&", "-", "/" inside a word stay ("KH&CN", "LĐ-TB&XH").  It is the
rule-based tokenizer the matcher used on spaCy's blank `vi` pipeline (prefix, suffix
and infix rules below, no exceptions), written out in Python so that matching needs
no spaCy (no import cost, no 1,000,000-character limit): a run of whitespace after a
word is dropped when it is one space, else it is a token of its own; a chunk loses one
prefix and one suffix character at a time, then is cut at its infixes.  The same steps run
compiled (tokens.c, loaded by native_tokens.py) where a C compiler is at hand, there also as
the ids of the words (`word_table`, what the compiled matcher reads); the Python steps
(`python_tokenize`) are their specification and the fallback.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from vanban.lexicon.text import Memo

from . import native_tokens
from .gazetteer import Gazetteer

#: Punctuation split off the start of a word: "(Sở Nội vụ)" -> "(" ...
PREFIX_MARKS = "([{\"“‘'«•*+"
TOKEN_PREFIX = re.compile(f"^[{re.escape(PREFIX_MARKS)}]")
#: ... and off its end: "Sở Tư pháp," -> "pháp" ","
SUFFIX_MARKS = ")]}\"”’'»,;:.!?…"
TOKEN_SUFFIX = re.compile(f"[{re.escape(SUFFIX_MARKS)}]$")
#: Punctuation inside a chunk that is a token of its own: "Sở,ban" -> "Sở" "," "ban".
INFIX_MARKS = ",;:()[]\"“”…"
TOKEN_INFIX = re.compile(f"[{re.escape(INFIX_MARKS)}](?=\\S)|(?<=\\S)[{re.escape(INFIX_MARKS)}]")
#: Whitespace runs other than one space (kept by the split); between them `str.split(" ")` cuts.
#: (Two or more white-space characters, or one that is not a space: written to open with `\s`, so
#: that `re` skips to the next white space in C, twice as fast as `(\s{2,}|[^\S ])`.)
WHITESPACE_RUN = re.compile(r"(\s(?:(?<=[^ ])\s*|\s+))")
#: The punctuation the prefix, suffix and infix rules cut at: a chunk (a run without whitespace)
#: holding one is cut by `_chunk_words`; every other chunk is one word (most of a text).
PUNCT = re.compile(f"[{re.escape(''.join(sorted(set(PREFIX_MARKS + SUFFIX_MARKS + INFIX_MARKS))))}]")

# Facts of a word that do not depend on its neighbours (computed once per word, `Lex`).
(L_CAP, L_CAPOK, L_ALPHA, L_SKIP, L_JOINER, L_UNIT, L_SEP, L_DET, L_NAMEWORD, L_NCFIRST, L_HEADCAND,
 L_CAPSWORD, L_LOWERIN) = (1 << k for k in range(13))
#: A Vietnamese word printed in capitals ("BỘ", "TRƯỞNG", "PHỤ", "LỤC"): an accented vowel in
#: upper case; abbreviations inside names have none ("KH&CN", "UBND", "HĐND", "CNTT").
CAPS_SYLLABLE = re.compile(r"^[A-ZĐÀ-Ỹ]*[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠ-Ỹ][A-ZĐÀ-Ỹ]*$")


def tokenize(text: str) -> tuple[list[str], list[int]]:
    """The words of `text` and their start offsets: the compiled loop's (native_tokens.py), else
    `python_tokenize`'s (the same tokens)."""
    compiled = _compiled()
    return python_tokenize(text) if compiled is None else compiled(text)


@lru_cache(maxsize=1)
def _compiled():
    """The compiled tokenizer for these marks, or None (no compiler, or VANBAN_NATIVE=0)."""
    return native_tokens.tokenizer(PREFIX_MARKS, SUFFIX_MARKS, INFIX_MARKS)


@lru_cache(maxsize=1)
def word_table() -> native_tokens.WordTable | None:
    """The compiled tokenizer for these marks that gives a text's tokens as word ids (native_tokens.py), or None."""
    return native_tokens.word_table(PREFIX_MARKS, SUFFIX_MARKS, INFIX_MARKS)


def python_tokenize(text: str) -> tuple[list[str], list[int]]:
    """The words of `text` and their start offsets (linear in the length of the text).
    The text is cut at whitespace by `str.split` (C speed); Python only looks at the places where
    the cut is not plain: a chunk with punctuation (`_chunk_words`), whitespace other than one
    space after a word (a token of its own), and an empty chunk at either end (no token)."""
    # chunk, whitespace, chunk, ..., chunk (a chunk may be empty at either end)
    pieces: list[str] = []
    special: list[int] = []
    for k, part in enumerate(WHITESPACE_RUN.split(text)):
        if k & 1:                           # a run of whitespace other than one space: a token
            special.append(len(pieces))
            pieces.append(part)
        else:                               # words and single spaces (most of a text)
            chunks = part.split(" ")
            cut = [" "] * (2 * len(chunks) - 1)
            cut[0::2] = chunks
            pieces += cut
    offs = list(accumulate(map(len, pieces), initial=0))
    special += [bisect_right(offs, m.start()) - 1 for m in PUNCT.finditer(text)]
    if not pieces[0]:
        special += [0, 1] if len(pieces) > 1 else [0]
    if not pieces[-1]:
        special.append(len(pieces) - 1)
    words: list[str] = []
    starts: list[int] = []
    done = 0                                # pieces before this one are taken
    for j in sorted(set(special)):
        lo = done + (done & 1)              # between the special places: plain words and single spaces
        words += pieces[lo:j:2]
        starts += offs[lo:j:2]
        done = j + 1
        piece, s = pieces[j], offs[j]
        if j & 1:                           # whitespace: one space after a word belongs to the word
            if s and piece[0] == " ":
                s, piece = s + 1, piece[1:]
            if piece:
                words.append(piece)
                starts.append(s)
        elif piece:
            for w, at in _chunk_words(piece):
                words.append(w)
                starts.append(s + at)
    lo = done + (done & 1)
    words += pieces[lo::2]
    starts += offs[lo:len(pieces):2]
    return words, starts


_CACHE: dict[str, tuple[tuple[str, int], ...]] = {}


def _chunk_words(chunk: str) -> tuple[tuple[str, int], ...]:
    """A chunk without whitespace -> (word, offset in the chunk): prefixes, the infix-cut middle, suffixes."""
    hit = _CACHE.get(chunk)
    if hit is not None:
        return hit
    prefixes: list[str] = []
    suffixes: list[str] = []
    string = chunk
    last = -1
    while string and len(string) != last:
        last = len(string)
        p = TOKEN_PREFIX.search(string)
        pre = p.end() - p.start() if p else 0
        q = TOKEN_SUFFIX.search(string[pre:])
        suf = q.end() - q.start() if q else 0
        if pre and suf and pre + suf <= len(string):
            prefixes.append(string[:pre])
            suffixes.append(string[-suf:])
            string = string[pre:-suf]
        elif pre:
            prefixes.append(string[:pre])
            string = string[pre:]
        elif suf:
            suffixes.append(string[-suf:])
            string = string[:-suf]
    out: list[tuple[str, int]] = []
    at = 0
    for w in prefixes:
        out.append((w, at))
        at += len(w)
    if string:
        start = 0
        for m in TOKEN_INFIX.finditer(string):
            if m.start() == 0:
                continue
            if m.start() != start:
                out.append((string[start:m.start()], at + start))
            if m.start() != m.end():
                out.append((m.group(), at + m.start()))
            start = m.end()
        if string[start:]:
            out.append((string[start:], at + start))
        at += len(string)
    for w in reversed(suffixes):
        out.append((w, at))
        at += len(w)
    res = tuple(out)
    if len(_CACHE) < 200_000:
        _CACHE[chunk] = res
    return res


def _is_punct(text: str) -> bool:
    """Is every character of `text` punctuation (a P* category)? Letters and digits (isalnum) are not."""
    return not text.isalnum() and all(unicodedata.category(c).startswith("P") for c in text)


class Lex:
    """A word as the patterns see it: text, lower case, punctuation?, letters?,
    and its L_* flags (capitalised, a unit word, a determiner, ...)."""
    __slots__ = ("text", "low", "punct", "alpha", "flags")

    def __init__(self, text: str, g: Gazetteer, head_firsts, nc_firsts) -> None:
        low, punct, alpha = text.lower(), _is_punct(text), text.isalpha()
        self.text, self.low, self.punct, self.alpha = text, low, punct, alpha
        cap = text[:1].isupper()
        self.flags = (
            (L_CAP if cap else 0)
            | (L_CAPOK if cap and text not in g.cap_stop_words else 0)
            | (L_ALPHA if alpha else 0)
            | (L_SKIP if punct and text not in "&-" else 0)
            | (L_JOINER if low in ("và", "-", "&") else 0)
            | (L_UNIT if low in g.units else 0)
            | (L_SEP if text in (",", "và") else 0)
            | (L_DET if low in g.determiners else 0)
            | (L_NAMEWORD if alpha and low not in g.stop_words else 0)
            | (L_NCFIRST if low in nc_firsts else 0)
            | (L_CAPSWORD if len(text) > 1 and text.isupper() and CAPS_SYLLABLE.match(text) else 0)
            | (L_LOWERIN if text != text.upper() else 0)
            # may start a head: capitalised, not in an upper-case line ("CỘNG HÒA XÃ HỘI ...")
            | (L_HEADCAND if cap and low in head_firsts
               and not (text.isupper() and len(text) > 1 and text not in g.upper_heads) else 0))


class Lexicon:
    """Lex of every word seen in this process (words repeat: each is computed once)."""

    def __init__(self, g: Gazetteer, head_firsts) -> None:
        self.g, self.head_firsts = g, head_firsts
        nc_firsts = frozenset(c[0] for c in g.not_collective)     # first words of the phrases of no collective noun
        self.table = Memo(lambda word: Lex(word, g, head_firsts, nc_firsts))

    def lexes(self, words: list[str]) -> list[Lex]:
        return list(map(self.table.__getitem__, words))

