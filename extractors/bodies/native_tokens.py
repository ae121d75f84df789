"""The body matcher's compiled loops (tokens.c: the tokenizer and its table of words; cuts.c: the
body index's cuts), built on first use and loaded by pipeline/native.py.  None where they cannot
be (no compiler, a read-only cache, VANBAN_NATIVE=0): tokens.py and index.py then run their Python
steps, which give the same tokens and cuts, only slower.

    tokenizer(prefix_marks, suffix_marks, infix_marks) -> tokenize(text) -> (words, starts) | None
    word_table(prefix_marks, suffix_marks, infix_marks) -> WordTable | None
        WordTable.tokens(text) -> TokenIds       the tokens as word ids, with their starts and ends
    ByWord(typecode, make).values(tokens)        make(word) of every word id, an array handed to C
    cut_loop() -> cuts(tokens, facts) -> (ends, right starts, contexts) | None

A text's tokens go to C as the ids of their words: tokens.c keeps a table of the words it has met
(ids 0, 1, 2, ... in the order first met) and tells which tokens brought a new one, so that Python
computes what C reads of a word (its packed facts for match.c, its cut facts for cuts.c) once per
word and process, not once a token.  The loop reads the text as UCS-4 code points."""
from __future__ import annotations

import ctypes
import threading
from array import array
from codecs import utf_32_le_encode
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from ...pipeline import native

SOURCES = tuple(Path(__file__).with_name(name) for name in ("tokens.c", "cuts.c"))
#: The bits of a mark in the table handed to the loop (tokens.c's enum).
PREFIX, SUFFIX, INFIX = 1, 2, 4
#: Words a table holds before it is made again (empty) for the next text.
WORDS_LIMIT = 500_000
#: The longest text whose output room is kept for the next (16 bytes a character).
KEPT_SIZE = 1 << 20


def library_path() -> Path:
    """Where the built library of tokens.c and cuts.c lives."""
    return native.library_path("bodytokens", SOURCES)


@lru_cache(maxsize=1)
def _library() -> Optional[ctypes.CDLL]:
    """The built library, or None (the Python steps are used)."""
    lib = native.build_and_load("bodytokens", SOURCES)
    if lib is None or array("i").itemsize != 4 or array("q").itemsize != 8:
        return None
    lib.vb_tokenize.restype = ctypes.c_long
    lib.vb_tokenize.argtypes = [ctypes.c_char_p, ctypes.c_long, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_void_p,
                                ctypes.c_void_p]
    lib.vb_words_new.restype = ctypes.c_void_p
    lib.vb_words_new.argtypes = [ctypes.c_char_p, ctypes.c_uint32]
    lib.vb_words_free.restype = None
    lib.vb_words_free.argtypes = [ctypes.c_void_p]
    lib.vb_token_ids.restype = ctypes.c_long
    lib.vb_token_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_long, ctypes.c_void_p, ctypes.c_long]
    lib.vb_cuts.restype = ctypes.c_long
    lib.vb_cuts.argtypes = [ctypes.c_long] + [ctypes.c_void_p] * 6
    return lib


def _kinds(prefix_marks: str, suffix_marks: str, infix_marks: str) -> tuple[bytes, int]:
    """The marks as tokens.c reads them: PREFIX | SUFFIX | INFIX bits by code point, and how many code points."""
    table = bytearray(max(map(ord, prefix_marks + suffix_marks + infix_marks)) + 1)
    for bit, marks in ((PREFIX, prefix_marks), (SUFFIX, suffix_marks), (INFIX, infix_marks)):
        for c in marks:
            table[ord(c)] |= bit
    return bytes(table), len(table)


def _address(values: array) -> int:
    return values.buffer_info()[0]


def tokenizer(prefix_marks: str, suffix_marks: str, infix_marks: str) -> Optional[Callable[[str], tuple[list[str], list[int]]]]:
    """tokens.tokenize as compiled, for these marks (tokens.py's), or None without the library."""
    lib = _library()
    if lib is None:
        return None
    loop = lib.vb_tokenize
    kinds, size = _kinds(prefix_marks, suffix_marks, infix_marks)

    def tokenize(text: str) -> tuple[list[str], list[int]]:
        n = len(text)
        starts, ends = array("i", bytes(4 * n)), array("i", bytes(4 * n))
        count = loop(utf_32_le_encode(text, "surrogatepass")[0], n, kinds, size, _address(starts), _address(ends))
        starts, ends = starts[:count].tolist(), ends[:count].tolist()
        return [text[a:b] for a, b in zip(starts, ends)], starts

    return tokenize


class TokenIds:
    """A text's tokens from a WordTable: `count` of them, the ids of their words, their starts and ends
    (arrays, the first `count` items), and `words`, the table's words by id (the list of the table that
    gave the ids: one made again later has a list of its own)."""
    __slots__ = ("count", "ids", "starts", "ends", "words", "table")

    def __init__(self, count: int, ids: array, starts: array, ends: array, words: list[str], table: "WordTable") -> None:
        self.count, self.ids, self.starts, self.ends, self.words, self.table = count, ids, starts, ends, words, table


class WordTable:
    """tokens.c's table of the words met (vb_words) and the compiled tokenizer that fills it.  `lock`: held
    while the table, or an array of a value per word id (ByWord), changes or is read by C."""

    def __init__(self, lib: ctypes.CDLL, kinds: bytes, size: int) -> None:
        self.lib, self.kinds, self.size = lib, kinds, size
        self.lock = threading.RLock()
        self.handle: Optional[int] = None
        self.words: list[str] = []
        self._new()
        self._room(256)

    def _new(self) -> None:
        """An empty table (and an empty list of its words, a new one)."""
        if self.handle:
            self.lib.vb_words_free(self.handle)
        self.handle = self.lib.vb_words_new(self.kinds, self.size)
        if not self.handle:
            raise MemoryError("vb_words_new: out of memory")
        self.words = []

    def _room(self, cap: int) -> None:
        """Output room for a text of up to `cap` characters (vb_token_ids: 4 ints a character, and one)."""
        self.cap = cap
        self.out = array("i", bytes(4 * (4 * cap + 1)))
        self.address = _address(self.out)

    def tokens(self, text: str) -> TokenIds:
        """The tokens of `text` as word ids (tokens.tokenize's tokens: the same starts and words)."""
        n = len(text)
        data = utf_32_le_encode(text, "surrogatepass")[0]
        with self.lock:
            if len(self.words) > WORDS_LIMIT:
                self._new()
            if n > self.cap:
                self._room(n if n > KEPT_SIZE else max(n, 2 * self.cap))
            out, cap = self.out, self.cap
            count = self.lib.vb_token_ids(self.handle, data, n, self.address, cap)
            if count < 0:
                self._new()
                raise MemoryError("vb_token_ids: out of memory")
            ids, starts, ends = out[:count], out[cap:cap + count], out[2 * cap:2 * cap + count]
            words = self.words
            fresh = out[4 * cap]
            if fresh:
                words += [text[starts[t]:ends[t]] for t in out[3 * cap:3 * cap + fresh]]
            if cap > KEPT_SIZE:
                self._room(KEPT_SIZE)
        return TokenIds(count, ids, starts, ends, words, self)


def word_table(prefix_marks: str, suffix_marks: str, infix_marks: str) -> Optional[WordTable]:
    """A WordTable for these marks (tokens.py's), or None without the library."""
    lib = _library()
    return None if lib is None else WordTable(lib, *_kinds(prefix_marks, suffix_marks, infix_marks))


class ByWord:
    """make(word) of each word id of a WordTable, computed once per word: an array of C type `typecode`."""

    def __init__(self, typecode: str, make: Callable[[str], int]) -> None:
        self.typecode, self.make = typecode, make
        self.words: Optional[list[str]] = None
        self.made = array(typecode)

    def values(self, tokens: TokenIds) -> array:
        """The values of every word id of `tokens` (call with tokens.table.lock held: C reads them then)."""
        if tokens.words is not self.words:
            if tokens.words is not tokens.table.words:     # ids of a table made again since: values of their own
                return array(self.typecode, map(self.make, tokens.words))
            self.words, self.made = tokens.words, array(self.typecode)
        made = self.made
        if len(made) < len(self.words):
            made.extend(map(self.make, self.words[len(made):]))
        return made


def cut_loop() -> Optional[Callable[[TokenIds, ByWord], tuple[list[int], list[int], list[int]]]]:
    """index.py's _python_cuts as compiled, or None without the library: from the tokens (as word ids,
    with their starts) and the packed facts of each word (index._facts_of), the cuts as three lists
    (end of the left side, start of the right side, context), in order."""
    lib = _library()
    if lib is None:
        return None
    loop = lib.vb_cuts

    def cuts(tokens: TokenIds, facts: ByWord) -> tuple[list[int], list[int], list[int]]:
        n = tokens.count
        out = array("i", bytes(12 * n))
        base = _address(out)
        with tokens.table.lock:
            m = loop(n, _address(tokens.starts), _address(tokens.ids), _address(facts.values(tokens)),
                     base, base + 4 * n, base + 8 * n)
        if m < 0:
            raise MemoryError("vb_cuts: out of memory")
        return out[:m].tolist(), out[n:n + m].tolist(), out[2 * n:2 * n + m].tolist()

    return cuts
