"""The body matcher's compiled loops (tokens.c: the tokenizer; cuts.c: the body index's cuts),
built on first use and loaded by pipeline/native.py.  None where they cannot be (no compiler, a
read-only cache, VANBAN_NATIVE=0): tokens.py and index.py then run their Python steps, which
give the same tokens and cuts, only slower.

    tokenizer(prefix_marks, suffix_marks, infix_marks) -> tokenize(text) -> (words, starts) | None
    cut_loop() -> cuts(starts, facts) -> [(end, start, context)] | None

The loop reads the text as UCS-4 code points and writes the tokens joined by NUL, which
`str.split` cuts into the words at C speed (a text holding NUL is left to Python)."""
from __future__ import annotations

import ctypes
import threading
from array import array
from codecs import utf_32_le_decode, utf_32_le_encode
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from ...pipeline import native

SOURCES = tuple(Path(__file__).with_name(name) for name in ("tokens.c", "cuts.c"))
#: Joins the tokens the loop writes; a text that holds it is tokenized in Python.
SEPARATOR = "\0"
#: The longest text whose output buffers are kept for the next call (12 bytes a character).
KEPT_SIZE = 1 << 20
#: The bits of a mark in the table handed to the loop (tokens.c's enum).
PREFIX, SUFFIX, INFIX = 1, 2, 4


def library_path() -> Path:
    """Where the built library of tokens.c and cuts.c lives."""
    return native.library_path("bodytokens", SOURCES)


@lru_cache(maxsize=1)
def _library() -> Optional[ctypes.CDLL]:
    """The built library, or None (the Python steps are used)."""
    lib = native.build_and_load("bodytokens", SOURCES)
    if lib is None or array("i").itemsize != 4:
        return None
    lib.vb_tokenize.restype = ctypes.c_long
    lib.vb_tokenize.argtypes = [ctypes.c_char_p, ctypes.c_long, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint32,
                                ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_long)]
    lib.vb_cuts.restype = ctypes.c_long
    lib.vb_cuts.argtypes = [ctypes.c_long] + [ctypes.c_void_p] * 7
    return lib


def tokenizer(prefix_marks: str, suffix_marks: str, infix_marks: str) -> Optional[Callable[[str], tuple[list[str], list[int]]]]:
    """tokens.tokenize as compiled, for these marks (tokens.py's), or None without the library."""
    lib = _library()
    if lib is None:
        return None
    loop = lib.vb_tokenize
    table = bytearray(max(map(ord, prefix_marks + suffix_marks + infix_marks)) + 1)
    for bit, marks in ((PREFIX, prefix_marks), (SUFFIX, suffix_marks), (INFIX, infix_marks)):
        for c in marks:
            table[ord(c)] |= bit
    kinds, size, sep = bytes(table), len(table), ord(SEPARATOR)
    lock = threading.Lock()
    kept = [_Buffers(4096)]                             # one caller at a time uses them

    def tokenize(text: str) -> tuple[list[str], list[int]]:
        n = len(text)
        if not n:
            return [], []
        data = utf_32_le_encode(text, "surrogatepass")[0]
        with lock:
            buffers = kept[0]
            if n > buffers.size:
                buffers = _Buffers(max(n, 2 * buffers.size))
                if buffers.size <= KEPT_SIZE:
                    kept[0] = buffers
            count = loop(data, n, kinds, size, sep, *buffers.addresses)
            words = utf_32_le_decode(buffers.view[:4 * buffers.written.value], "surrogatepass", True)[0].split(SEPARATOR)
            return (words, buffers.starts[:count].tolist()) if count else ([], [])

    return tokenize


class _Buffers:
    """The compiled tokenizer's output buffers for a text of up to `size` characters: the tokens
    and their separators (2 code points a character at most), the starts, the count written.  They
    are kept from call to call (most texts are a sentence: making them costs more than the loop)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.out = bytearray(8 * size)
        self.view = memoryview(self.out)
        self.starts = array("i", [0]) * size
        self.written = ctypes.c_long()
        self.addresses = (ctypes.addressof(ctypes.c_char.from_buffer(self.out)), self.starts.buffer_info()[0],
                          ctypes.byref(self.written))


def cut_loop() -> Optional[Callable[[list[int], list[int]], list[tuple[int, int, int]]]]:
    """index.py's _python_cuts as compiled, or None without the library: from the tokens' starts
    and packed facts (index._facts_of), the cuts (end of the left side, start of the right side,
    context), in order."""
    lib = _library()
    if lib is None:
        return None
    loop = lib.vb_cuts

    def cuts(starts: list[int], facts: list[int]) -> list[tuple[int, int, int]]:
        n = len(starts)
        starts_, facts_ = array("i", starts), array("q", facts)
        scratch = array("q", [0]) * (2 * n)
        out = array("i", [0]) * (3 * n)
        at = scratch.buffer_info()[0]
        base = out.buffer_info()[0]
        m = loop(n, starts_.buffer_info()[0], facts_.buffer_info()[0], at, at + 8 * n, base, base + 4 * n, base + 8 * n)
        return list(zip(out[:m].tolist(), out[n:n + m].tolist(), out[2 * n:2 * n + m].tolist()))

    return cuts
