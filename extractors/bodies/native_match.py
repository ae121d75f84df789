"""The body matcher's per-token passes compiled (match.c), built on first use and loaded by
pipeline/native.py: a document's heads, collective nouns, qualifiers, tail phrases, gazetteer
phrases, token classes, pattern windows and pattern matches in one call over its tokens as
integers.

    Scanner(...).scan(tokens) -> (phrases, matches)    as matcher._Matchers._scan on the tokens' words

None (`scanner` returns no Scanner) where the library cannot be had (no compiler, a read-only
cache, VANBAN_NATIVE=0): matcher.py then runs its Python passes, which are the specification
and give the same spans, only slower.

A token is handed to C as the id of its word in the tokenizer's table (native_tokens.TokenIds), and
each word id as one int, (id of its lower-case word) << 16 | its L_* flags: the words the tables
name get ids 1..V once per process, every other word is 0 (it is in no table, so no test can tell
it from another).  A word's int is computed once per process (`packed`, a native_tokens.ByWord).
"""
from __future__ import annotations

import ctypes
import threading
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Optional

from vanban.pipeline import native

from . import tokens
from .native_tokens import ByWord, TokenIds

SOURCES = (Path(__file__).with_name("match.c"),)
#: The L_* flags in match.c's order.
FLAG_NAMES = ("L_CAP", "L_CAPOK", "L_ALPHA", "L_SKIP", "L_JOINER", "L_UNIT", "L_SEP", "L_DET", "L_NAMEWORD",
              "L_NCFIRST", "L_HEADCAND", "L_CAPSWORD", "L_LOWERIN")
#: Bits of a word id in match.c's word table: a PATTERN_WORDS word, the first word of a collective noun,
#: a word trimmed off the end of a pattern match, off its start.
W_PATTERN, W_COLL_FIRST, W_TRIM_END, W_TRIM_START = 1, 2, 4, 8
#: patterns.Element ops as match.c reads them.
OPS = {"1": 0, "?": 1, "*": 2}
#: match.c's room for labels, patterns a label and elements a pattern.
MAX_LABELS, MAX_PATTERNS, MAX_ELEMENTS = 8, 4, 16
#: The most ints of bm_scan's output room kept for the next text (a document's is made for it).
KEPT_ROOM = 1 << 18


@lru_cache(maxsize=1)
def library() -> Optional[ctypes.CDLL]:
    """The built library, or None (the Python passes are used)."""
    lib = native.build_and_load("bodymatch", SOURCES)
    if lib is None:
        return None
    lib.bm_scan.restype = ctypes.c_int
    lib.bm_scan.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                            ctypes.c_int64, ctypes.c_void_p]
    return lib


class Scanner:
    """The tables of one matcher (matcher._Matchers) as word ids, and the compiled passes over them."""

    def __init__(self, lib: ctypes.CDLL, m, classes: tuple[int, ...], *, pattern_words, tail_phrases, patterns,
                 trim_end, trim_start) -> None:
        """m: the matcher (its gazetteer, heads, phrase trie and lexicon); classes: the C_* bits in
        TOKEN_CLASSES order; the rest: matcher.py's tables of the same names."""
        from .matcher import trie_words     # (matcher.py builds the Scanner: imported by then)
        g = m.g
        self.lib, self.lexicon = lib, m.lexicon
        if max(getattr(tokens, name) for name in FLAG_NAMES) >= 1 << 16:
            raise ValueError("L_* flags do not fit in 16 bits")
        self.kinds = sorted(set(g.heads.values()) | set(g.phrases) | {"collective", "other"})
        kind_id = {k: i for i, k in enumerate(self.kinds)}
        heads = [(words, kind_id[kind] | (words in g.inner_heads) << 16)
                 for first in m.heads_by_first.values() for words, kind in first]
        collective = [(p, 0) for ps in g.collective.values() for p in ps]
        qualifiers = [(p, 0) for ps in g.qualifiers.values() for p in ps]
        not_collective = [(p, 0) for p in sorted(g.not_collective)]
        verbs = [(p, 0) for p in sorted(g.verb_nouns) if len(p) == 2]      # the verb test reads word pairs
        tails = [(p, 0) for p in sorted(tail_phrases)]
        vocab: dict[str, int] = {}
        elements = [el for _, ps in patterns for p in ps for el in p]
        for w in ["bộ", "đội", *pattern_words, *trim_end, *trim_start, *trie_words(m.trie),
                  *(w for el in elements for w in sorted(el.words))] + [
                w for table in (heads, collective, qualifiers, not_collective, verbs, tails) for p, _ in table for w in p]:
            vocab.setdefault(w, len(vocab) + 1)
        if len(vocab) >= 1 << 15:
            raise ValueError("more table words than a token's int has room for")
        self.vocab = vocab
        size = len(vocab) + 1
        lowbits = [0] * size
        for w in pattern_words:
            lowbits[vocab[w]] |= W_PATTERN
        for w in g.collective:
            lowbits[vocab[w]] |= W_COLL_FIRST
        for w in trim_end:
            lowbits[vocab[w]] |= W_TRIM_END
        for w in trim_start:
            lowbits[vocab[w]] |= W_TRIM_START
        header_size = 5 + 11 + len(FLAG_NAMES) + len(classes)
        tab: list[int] = [0] * header_size
        starts = []

        def part(values: list[int]) -> None:
            starts.append(len(tab))
            tab.extend(values)

        part(lowbits)
        for table in (heads, collective, qualifiers, not_collective, verbs, tails):
            _phrase_table(tab, starts, table, vocab, size)
        _trie_table(tab, starts, m.trie, vocab, kind_id)
        part(_pattern_table(patterns, vocab, kind_id))
        part(_root_table(m.trie, vocab, size))
        tab[:header_size] = [kind_id.get("committee", -2), kind_id["collective"], kind_id["other"], vocab["bộ"], vocab["đội"],
                             *starts, *(getattr(tokens, name) for name in FLAG_NAMES), *classes]
        self.tab = array("i", tab)
        self.tab_address = self.tab.buffer_info()[0]
        self.packed = ByWord("i", self._packed)
        # the room bm_scan writes to and its two counts, kept from call to call (most texts are a sentence)
        self.lock = threading.Lock()
        self.out = array("i")
        self.counts = array("i", [0, 0])
        self.counts_address = self.counts.buffer_info()[0]

    def _packed(self, word: str) -> int:
        """A token as an int: its word id << 16 | its flags."""
        lex = self.lexicon.table[word]
        return self.vocab.get(lex.low, 0) << 16 | lex.flags

    def scan(self, toks: TokenIds) -> tuple[list[tuple[str, int, int]], list[tuple[int, int, str]]]:
        """The gazetteer phrases (kind, start, end) and the pattern matches (start, end, kind) of the
        tokens: matcher._Matchers._scan on their words, compiled."""
        n = toks.count
        cap = 6 * n + 64
        with self.lock, toks.table.lock:
            while True:
                if cap > len(self.out):         # room for the phrases and matches, kept up to KEPT_ROOM
                    self.out = array("i", bytes(4 * cap))
                out = self.out
                rc = self.lib.bm_scan(self.tab_address, toks.ids.buffer_info()[0],
                                      self.packed.values(toks).buffer_info()[0], n, out.buffer_info()[0], len(out),
                                      self.counts_address)
                if rc == 0:
                    break
                if rc != -1:
                    raise MemoryError("bm_scan: out of memory")
                cap = 2 * len(out)              # more phrases and matches than room: again, with more
            ngaz, nmatch = self.counts
            found = out[:3 * (ngaz + nmatch)].tolist()
            if len(out) > KEPT_ROOM:
                self.out = array("i")
        kinds = self.kinds
        kind, start, end = found[0::3], found[1::3], found[2::3]
        return (list(zip(map(kinds.__getitem__, kind[:ngaz]), start[:ngaz], end[:ngaz])),
                list(zip(start[ngaz:], end[ngaz:], map(kinds.__getitem__, kind[ngaz:]))))


def _pattern_table(patterns, vocab: dict[str, int], kind_id: dict[str, int]) -> list[int]:
    """matcher.PATTERNS as match.c reads them: the labels, then per label its kind (the collective's;
    -1: the head's) and its patterns, per pattern its elements (mask, op, words)."""
    if len(patterns) > MAX_LABELS or any(len(ps) > MAX_PATTERNS or any(len(p) > MAX_ELEMENTS for p in ps)
                                         for _, ps in patterns):
        raise ValueError("more patterns than match.c has room for")
    out = [len(patterns)]
    for label, ps in patterns:
        out += [kind_id["collective"] if label == "collective" else -1, len(ps)]
        for p in ps:
            out.append(len(p))
            for el in p:
                out += [el.mask, OPS[el.op], len(el.words), *sorted(vocab[w] for w in el.words)]
    return out


def _offset_table(tab: list[int], starts: list[int], rows: list) -> None:
    """`rows` appended to `tab` as match.c reads a table: an offset per row (and one past the last),
    then each row's values; where it begins goes to `starts`."""
    starts.append(len(tab))
    index = len(tab)
    tab.extend([0] * (len(rows) + 1))
    for k, values in enumerate(rows):
        tab[index + k] = len(tab)
        tab.extend(values)
    tab[index + len(rows)] = len(tab)


def _phrase_table(tab: list[int], starts: list[int], table, vocab: dict[str, int], size: int) -> None:
    """Phrases by first word id (a row per word id): records [length, payload, word ids...], each
    word's in the table's order."""
    by_first: dict[int, list[int]] = {}
    for words, payload in table:
        by_first.setdefault(vocab[words[0]], []).extend([len(words), payload, *(vocab[w] for w in words)])
    _offset_table(tab, starts, [by_first.get(w, ()) for w in range(size)])


def _root_table(trie: dict, vocab: dict[str, int], size: int) -> list[int]:
    """The trie's first level by word id (-1: no phrase starts with the word): the node _trie_table gives
    each child of the root (1, 2, ... in the order of their word ids)."""
    out = [-1] * size
    for node, w in enumerate(sorted(vocab[w] for w in trie), start=1):
        out[w] = node
    return out


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
    _offset_table(tab, starts, children)
    _offset_table(tab, starts, [[kind_id[k] for k in kinds] for _, kinds in nodes])
