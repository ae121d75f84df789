"""The body matcher's per-token passes compiled (match.c), built on first use and loaded by
pipeline/native.py: a document's heads, collective nouns, qualifiers, tail phrases, gazetteer
phrases, token classes and pattern windows in one call over its tokens as integers.

    Scanner(...).scan(words) -> (phrases, windows, bits, head kinds)   as matcher.py's Python passes

None (`scanner` returns no Scanner) where the library cannot be had (no compiler, a read-only
cache, VANBAN_NATIVE=0): matcher.py then runs its Python passes, which are the specification
and give the same spans, only slower.

A token is handed to C as one int, (id of its lower-case word) << 16 | its L_* flags: the words
the tables name get ids 1..V once per process, every other word is 0 (it is in no table, so no
test can tell it from another).  A word's int is computed once per process (`packed`).
"""
from __future__ import annotations

import ctypes
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Optional

from vanban.pipeline import native

from . import tokens
from .tokens import Lexicon

SOURCES = (Path(__file__).with_name("match.c"),)
#: The L_* flags in match.c's order.
FLAG_NAMES = ("L_CAP", "L_CAPOK", "L_ALPHA", "L_SKIP", "L_JOINER", "L_UNIT", "L_SEP", "L_DET", "L_NAMEWORD",
              "L_NCFIRST", "L_HEADCAND", "L_CAPSWORD", "L_LOWERIN")
#: Bits of a word id in match.c's word table: a PATTERN_WORDS word, the first word of a collective noun.
W_PATTERN, W_COLL_FIRST = 1, 2
#: Words remembered as ints, up to this many a process.
PACKED_MEMO = 500_000


@lru_cache(maxsize=1)
def library() -> Optional[ctypes.CDLL]:
    """The built library, or None (the Python passes are used)."""
    lib = native.build_and_load("bodymatch", SOURCES)
    if lib is None:
        return None
    lib.bm_scan.restype = ctypes.c_int
    lib.bm_scan.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_int64,
                            ctypes.c_void_p]
    return lib


class Scanner:
    """The tables of one matcher (matcher._Matchers) as word ids, and the compiled passes over them."""

    def __init__(self, lib: ctypes.CDLL, m, classes: tuple[int, ...], pattern_words, tail_phrases) -> None:
        g = m.g
        self.lib, self.lexicon = lib, m.lexicon
        if max(getattr(tokens, name) for name in FLAG_NAMES) >= 1 << 16:
            raise ValueError("L_* flags do not fit in 16 bits")
        self.kinds = sorted(set(g.heads.values()) | set(g.phrases))
        kind_id = {k: i for i, k in enumerate(self.kinds)}
        heads = [(words, kind_id[kind] | (words in g.inner_heads) << 16)
                 for first in m.heads_by_first.values() for words, kind in first]
        collective = [(p, 0) for ps in g.collective.values() for p in ps]
        qualifiers = [(p, 0) for ps in g.qualifiers.values() for p in ps]
        not_collective = [(p, 0) for p in sorted(g.not_collective)]
        verbs = [(p, 0) for p in sorted(g.verb_nouns) if len(p) == 2]      # the verb test reads word pairs
        tails = [(p, 0) for p in sorted(tail_phrases)]
        vocab: dict[str, int] = {}
        for w in ["bộ", "đội", *pattern_words, *_trie_words(m.trie)] + [
                w for table in (heads, collective, qualifiers, not_collective, verbs, tails) for p, _ in table for w in p]:
            vocab.setdefault(w, len(vocab) + 1)
        self.vocab = vocab
        size = len(vocab) + 1
        lowbits = [0] * size
        for w in pattern_words:
            lowbits[vocab[w]] |= W_PATTERN
        for w in g.collective:
            lowbits[vocab[w]] |= W_COLL_FIRST
        header_size = 4 + 9 + len(FLAG_NAMES) + len(classes)
        tab: list[int] = [0] * header_size
        starts = []

        def part(values: list[int]) -> None:
            starts.append(len(tab))
            tab.extend(values)

        part(lowbits)
        for table in (heads, collective, qualifiers, not_collective, verbs, tails):
            _phrase_table(tab, starts, table, vocab, size)
        _trie_table(tab, starts, m.trie, vocab, kind_id)
        tab[:header_size] = [kind_id.get("committee", -2), kind_id.get("collective", -2), vocab["bộ"], vocab["đội"],
                             *starts, *(getattr(tokens, name) for name in FLAG_NAMES), *classes]
        self.tab = array("i", tab)
        self.packed: dict[str, int] = {}

    def _ints(self, words: list[str]) -> array:
        """The tokens as ints (word id << 16 | flags), each word computed once."""
        packed = self.packed
        out = list(map(packed.get, words))
        if None in out:
            if len(packed) > PACKED_MEMO:
                packed.clear()
            new = [k for k, x in enumerate(out) if x is None]
            for k, lex in zip(new, self.lexicon.lexes([words[k] for k in new])):
                out[k] = packed[words[k]] = self.vocab.get(lex.low, 0) << 16 | lex.flags
        return array("i", out)

    def scan(self, words: list[str]):
        """(gazetteer phrases as (kind, start, end), windows as (start, end), class bits of every token,
        the kind of the head at each token or None): matcher._phrases, _windows and _DocHeads.of's heads."""
        n = len(words)
        toks = self._ints(words)
        counts = array("i", [0, 0])
        cap = 4 * n + 2 + 3 * (n + 16)
        while True:
            out = array("i", bytes(4 * cap))
            rc = self.lib.bm_scan(self.tab.buffer_info()[0], toks.buffer_info()[0], n, out.buffer_info()[0], cap,
                                  counts.buffer_info()[0])
            if rc == 0:
                break
            if rc != -1:
                raise MemoryError("bm_scan")
            cap *= 2
        nwin, ngaz = counts
        at = 2 * n
        windows = list(zip(out[at:at + 2 * nwin:2], out[at + 1:at + 2 * nwin:2]))
        at = 4 * n + 2
        kinds = self.kinds
        gaz = [(kinds[out[k]], out[k + 1], out[k + 2]) for k in range(at, at + 3 * ngaz, 3)]
        return gaz, windows, out[:n], out[n:2 * n]


def _trie_words(trie: dict) -> list[str]:
    out, todo = [], [trie]
    while todo:
        level = todo.pop()
        out += level
        todo += [node[0] for node in level.values()]
    return out


def _phrase_table(tab: list[int], starts: list[int], table, vocab: dict[str, int], size: int) -> None:
    """Phrases by first word id: an offset per word id (and one past), then records
    [length, payload, word ids...], each word's in the table's order."""
    by_first: dict[int, list[int]] = {}
    for words, payload in table:
        by_first.setdefault(vocab[words[0]], []).extend([len(words), payload, *(vocab[w] for w in words)])
    starts.append(len(tab))
    index = len(tab)
    tab.extend([0] * (size + 1))
    for w in range(size + 1):
        tab[index + w] = len(tab)
        tab.extend(by_first.get(w, ()))


def _trie_table(tab: list[int], starts: list[int], trie: dict, vocab: dict[str, int], kind_id: dict[str, int]) -> None:
    """matcher._phrase_trie as nodes 0..N-1 (0: the root): an offset per node (and one past) of
    its children as (word id, node) pairs sorted by word id; then an offset per node of its kinds."""
    nodes: list[tuple[dict, list[str]]] = [(trie, [])]
    children: list[list[int]] = []
    for level, _ in nodes:                  # breadth first: the list grows as it is read
        pairs = []
        for w, node in sorted(level.items(), key=lambda kv: vocab[kv[0]]):
            pairs += [vocab[w], len(nodes)]
            nodes.append(node)
        children.append(pairs)
    for lists in (children, [[kind_id[k] for k in kinds] for _, kinds in nodes]):
        starts.append(len(tab))
        index = len(tab)
        tab.extend([0] * (len(nodes) + 1))
        for v, values in enumerate(lists):
            tab[index + v] = len(tab)
            tab.extend(values)
        tab[index + len(nodes)] = len(tab)
