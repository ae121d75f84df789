"""The body matcher: gazetteer phrases and token patterns over one tokenisation of a text.

    match_spans(text) -> [(start, end, kind, from_gazetteer)]   no overlaps, in text order

How names are found (tables built once per process, `_matchers()`):
- the text is cut into tokens (tokens.py: whitespace and punctuation; "&" and "-" stay
  inside "KH&CN", "LĐ-TB&XH"); line breaks count as spaces;
- gazetteer phrases (lexicon/data/bodies.yaml, with generated variants "Sở KH&CN",
  "UBND tỉnh", "Công an thành phố", "Thành ủy") are found with a trie of lower-case
  tokens: one pass over the tokens, each step a dict look-up;
- token patterns for the generic shapes (patterns.py, linear time): a head ("Sở", "Ban",
  "Hội", "Cục", "Trung tâm", ...) and a proper name ("Sở Tư pháp", "Hội Nông dân tỉnh"); a
  people's committee and its units ("UBND các huyện, thị xã, thành phố"); collective names
  ("Các sở, ban, ngành", "các cơ quan, đơn vị liên quan");
- longest match wins, no overlaps; among equals the gazetteer's reading.
The token facts the patterns need depend on neighbours (is this capitalised word the
start of a head? does "và" join "Công nghệ" or open "Ban Thường vụ Tỉnh ủy"?): a word's
own facts are computed once per word (tokens.Lex flags), the neighbour-dependent classes
only for tokens in a "window" (from a token that can open a pattern to the first token no
pattern accepts), and the patterns run on those windows only; a window's matches are
remembered by its classes and words (`_select`: the same names come back in every part of a
document the task extractor asks about).
match.c does all of these passes, the patterns too, in one call over the tokens as word ids
(native_match.py); the Python passes here are its specification and the fallback (`_scan`: no
compiler, VANBAN_NATIVE=0), and tests/test_bodies_native.py holds the two to the same answers.

This replaced spaCy's PhraseMatcher and Matcher (same tokenizer rules, same results on
the corpus and the pool): the Matcher kept a partial match open from every start, which
made long runs of head words quadratic, and spaCy refuses texts over 1,000,000
characters (E088); importing it cost 0.5 s of every cold start.

A word in capitals with an accented vowel right after a mixed-case word ("Bộ Xây dựng" |
"BỘ TRƯỞNG BỘ XÂY DỰNG", a heading on the next line) ends a name; abbreviations ("KH&CN",
"HĐND") have no accented capital and stay inside.
"""
from __future__ import annotations

import re
from functools import lru_cache, reduce
from itertools import compress
from operator import add, or_

from . import native_match
from .doc_heads import TAIL_PHRASES, DocHeads
from .gazetteer import Gazetteer, fold_name, gazetteer
from .native_tokens import TokenIds
from .patterns import expand, select
from .tokens import (L_ALPHA, L_CAP, L_CAPOK, L_CAPSWORD, L_DET, L_JOINER, L_LOWERIN, L_NAMEWORD, L_NCFIRST,
                     L_SEP, L_SKIP, L_UNIT, Lex, Lexicon, tokenize, word_table)

#: Line breaks and tabs inside a text: "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng\nNai" (034).
LINE_BREAKS = re.compile(r"[\n\r\t\f\v]")
#: The characters of LINE_BREAKS, one by one (`flatten`).
LINE_BREAK_CHARS = "\n\r\t\f\v"
#: Classes of a token for the Matcher patterns (see _Matchers._classes).
TOKEN_CLASSES = ("head", "chead", "inhead", "nfirst", "name", "unit", "ctail", "det", "coll", "qual")

# Bits of a token's TOKEN_CLASSES (bit k = TOKEN_CLASSES[k]), so a token's classes are one int.
(C_HEAD, C_CHEAD, C_INHEAD, C_NFIRST, C_NAME, C_UNIT, C_CTAIL, C_DET, C_COLL, C_QUAL) = (1 << k for k in range(10))
#: Classes that can open a Matcher pattern: a doc without them has no pattern match.
C_OPENERS = C_HEAD | C_CHEAD | C_DET | C_COLL
#: The words the Matcher patterns name literally ("UBND các huyện", "đơn vị có liên quan"): with the
#: classes, the only tokens a pattern element can accept.
PATTERN_WORDS = frozenset({"các", "cấp", "có", "liên", "quan"})
#: Words trimmed off the end of a pattern match ("Sở Tư pháp và"), and off its start (", Sở Tư pháp").
TRIM_END, TRIM_START = ("và", "-", "&", ","), ("và", ",")

#: Windows up to this many tokens have their matches remembered, up to MEMO_SIZE windows a process.
MEMO_WINDOW, MEMO_SIZE = 40, 200_000

#: The patterns by label, in the order their matches are ranked when two readings tie.
PATTERNS = (
    # "Sở Tư pháp", "Hội Nông dân tỉnh", "Ban Quản lý Khu kinh tế", "Văn phòng UBND tỉnh"
    # (the first word after the head is capitalised or a unit: "Ban hành", "Báo cáo", "Hội nghị" are not bodies)
    ("specific", (expand([(C_HEAD, frozenset(), "1"), (C_INHEAD, frozenset(), "*"), (C_NFIRST, frozenset(), "1"),
                          (C_NAME, frozenset(), "*")]),)),
    # "UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân cấp xã", "UBND tỉnh Bắc Giang"
    ("committee", (expand([(C_CHEAD, frozenset(), "1"), (C_NAME, frozenset(), "*"), (0, frozenset({"các", "cấp"}), "?"),
                           (C_UNIT, frozenset(), "+"), (C_CTAIL, frozenset(), "*")]),)),
    # "Các sở, ban, ngành", "các cơ quan, đơn vị liên quan", "đơn vị liên quan"
    ("collective", (expand([(C_DET, frozenset(), "1"), (C_COLL, frozenset(), "+"), (C_QUAL, frozenset(), "*")]),
                    expand([(C_COLL, frozenset(), "+"), (0, frozenset({"có"}), "?"), (0, frozenset({"liên"}), "1"),
                            (0, frozenset({"quan"}), "1")]))),
)
#: The patterns by label, with the classes (bits) and the words that can open one of the label's patterns.
OPENING = tuple((label, patterns, reduce(or_, (p[0].mask for p in patterns)),
                 frozenset().union(*(p[0].words for p in patterns))) for label, patterns in PATTERNS)


def flatten(text: str) -> str:
    """LINE_BREAKS.sub(" ", text): each line break or tab a space (same length, same offsets).  One character
    at a time with `in` and str.replace, which scan at C speed; the regex read every character in the
    re engine (a document's text, then each question about it, more than once)."""
    for c in LINE_BREAK_CHARS:
        if c in text:
            text = text.replace(c, " ")
    return text


class _Matchers:
    """The phrase trie, the patterns and the word table, built once per process."""

    def __init__(self) -> None:
        g = gazetteer()
        self.g = g
        self.heads_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, kind in sorted(g.heads.items(), key=lambda kv: -len(kv[0])):
            self.heads_by_first.setdefault(words[0], []).append((words, kind))
        self.head_firsts = frozenset(self.heads_by_first)
        self.lexicon = Lexicon(g, self.head_firsts)
        self.trie = _phrase_trie(g)
        self.selected: dict[tuple, list[tuple[int, int]]] = {}    # _select's answers
        # by first word: (length, the phrases of that length), longest first ("cơ" -> 4, {"cơ sở dữ liệu", ...})
        by_length: dict[str, dict[int, set[tuple[str, ...]]]] = {}
        for c in g.not_collective:
            by_length.setdefault(c[0], {}).setdefault(len(c), set()).add(c)
        self.not_collective_by_first: dict[str, tuple[tuple[int, frozenset[tuple[str, ...]]], ...]] = {
            first: tuple((k, frozenset(v)) for k, v in sorted(lengths.items(), reverse=True))
            for first, lengths in by_length.items()}
        # the passes over a document's tokens compiled (match.c), or None: the Python ones (_scan)
        lib = native_match.library()
        self.scanner = lib and native_match.Scanner(
            lib, self, (C_HEAD, C_CHEAD, C_INHEAD, C_NFIRST, C_NAME, C_UNIT, C_CTAIL, C_DET, C_COLL, C_QUAL),
            pattern_words=PATTERN_WORDS, tail_phrases=TAIL_PHRASES, patterns=PATTERNS, trim_end=TRIM_END,
            trim_start=TRIM_START)

    def _phrases(self, lows: list[str]) -> list[tuple[str, int, int]]:
        """(kind, start, end) of every gazetteer phrase in the tokens (overlaps included), by start."""
        out = []
        trie = self.trie
        for i in compress(range(len(lows)), map(trie.__contains__, lows)):
            node = trie[lows[i]]
            j = i + 1
            while node is not None:
                for kind in node[1]:
                    out.append((kind, i, j))
                if j == len(lows):
                    break
                node = node[0].get(lows[j])
                j += 1
        return out

    def _class_bits(self, lexes: list[Lex], info: DocHeads, indices) -> dict[int, int]:
        """The TOKEN_CLASSES of the tokens at `indices` as bits (C_*), from each token's own facts
        and its neighbours'."""
        n = len(lexes)
        head, inside, breaking, tail = info.head, info.inside, info.breaking, info.tail
        coll, coll_start, qual, gaz_start = info.coll, info.coll_start, info.qual, info.gaz_start
        flags, lows = info.flags, info.lows
        nc_first = self.not_collective_by_first
        out = {}
        for i in indices:
            f = flags[i]
            nf = flags[i + 1] if i + 1 < n else None      # None: no next token
            pf = flags[i - 1] if i else 0
            h = head[i]
            bits = 0
            if f & L_CAPSWORD and pf & L_LOWERIN and not h and not inside[i]:
                # a heading line after a name ends it: "Bộ Xây dựng" | "BỘ TRƯỞNG BỘ XÂY DỰNG" (010)
                out[i] = C_DET if f & L_DET else 0
                continue
            if h:
                bits = C_CHEAD if h[1] == "committee" else C_HEAD
            # name: a word of a proper name after a head ("Tư pháp", "KH&CN", "và Công nghệ", "tỉnh")
            if inside[i]:
                bits |= C_NAME | C_INHEAD
            elif f & L_SKIP:
                pass
            elif f & L_CAP:
                if f & L_CAPOK and not breaking[i]:
                    bits |= C_NAME | C_NFIRST
            elif f & L_JOINER:
                # "và Công nghệ" continues a name, "và Ban Thường vụ Tỉnh ủy" starts another
                if nf is not None and nf & L_CAPOK and not head[i + 1] and not gaz_start[i + 1]:
                    bits |= C_NAME
            elif f & L_UNIT:
                bits |= C_NAME | C_NFIRST
            elif i and f & L_NAMEWORD and (pf & L_CAP or inside[i - 1]):
                bits |= C_NAME
            # unit: "tỉnh", "huyện", ", thị xã", "và thành phố", ", tỉnh Bắc Ninh" (after a place name a
            # capitalised unit opens another name: "UBND thành phố Hà Nội, Thành phố Hồ Chí Minh" is two)
            if f & L_UNIT or (f & L_SEP and nf is not None and nf & L_UNIT and (pf & L_UNIT or not nf & L_CAP)):
                bits |= C_UNIT
            # ctail: "trực thuộc Trung ương", "có liên quan", a place name of two or more capitalised
            # words ("UBND tỉnh Bắc Giang", not "UBND tỉnh Sửa đổi")
            if tail[i]:
                bits |= C_CTAIL
            elif f & L_CAPOK and f & L_ALPHA and not h and (
                    nf is None or not nf & L_ALPHA or nf & L_CAPOK
                    or (i and pf & L_CAP and pf & L_ALPHA)):
                bits |= C_CTAIL
            if f & L_DET:
                bits |= C_DET
            # coll: a collective noun, or a separator before one ("sở, ban, ngành")
            # ("Các sở, ban, ngành, các tổ chức chính trị-xã hội" is two: a determiner opens a new collective)
            if coll[i]:
                if f & L_NCFIRST:       # "cơ sở dữ liệu", "đơn vị hành chính": no collective noun
                    for k, phrases in nc_first[lows[i]]:
                        if tuple(lows[i:i + k]) in phrases:
                            break
                    else:
                        bits |= C_COLL
                else:
                    bits |= C_COLL
            if not bits & C_COLL and f & L_SEP and nf is not None and coll_start[i + 1]:
                bits |= C_COLL
            if qual[i] or tail[i]:
                bits |= C_QUAL
            out[i] = bits
        return out

    def _windows(self, lexes: list[Lex], info: DocHeads) -> tuple[list[tuple[int, int]], dict[int, int]]:
        """Token ranges a pattern match can lie in, and the class bits of their tokens: from a token
        that opens a pattern (C_OPENERS) to the first token no pattern element accepts (no class and
        not a PATTERN_WORDS word).  Matches never cross such a token, so matching each range finds
        the doc's matches.  Classes are computed for these tokens (and a few after them) only:
        most tokens of prose are in no window."""
        n = len(lexes)
        lows, rng = info.lows, range(n)
        # a superset of the openers: heads, determiners, collective nouns and the token before one
        in_coll = list(compress(rng, info.coll))
        marks = set(compress(rng, info.head)) | set(compress(rng, map(L_DET.__and__, info.flags)))
        marks.update(in_coll, [i - 1 for i in in_coll if i])
        class_bits = self._class_bits
        bits: dict[int, int] = {}
        out = []
        end = 0
        for i in sorted(marks):
            if i < end:
                continue            # inside the window before
            if i not in bits:       # an opener's window goes on: its next tokens with it
                bits.update(class_bits(lexes, info, range(i, min(n, i + 3))))
            if not bits[i] & C_OPENERS:
                continue            # no opener
            j = i + 1
            while j < n:
                if j not in bits:   # classes a few tokens at a time
                    bits.update(class_bits(lexes, info, range(j, min(n, j + 4))))
                if not (bits[j] or lows[j] in PATTERN_WORDS):
                    break
                j += 1
            out.append((i, j))
            end = j
        return out, bits

    def _matched(self, runs, kind_at) -> list[tuple[int, int, str]]:
        """(start, end, kind) of the pattern matches in the token windows (runs of two tokens or more:
        start, class bits, lower-case words), joiners trimmed; per label longest first (labels in PATTERNS
        order).  kind_at(token): the kind of the head starting there, or None."""
        out = []
        runs = [(a, run_bits, lows, reduce(or_, run_bits)) for a, run_bits, lows in runs]
        for label, patterns, mask, words in OPENING:
            for a, run_bits, lows, any_bits in runs:
                if not (any_bits & mask or not words.isdisjoint(lows)):
                    continue        # nothing in the window can open this label's patterns
                for s, e in self._select(label, patterns, run_bits, lows):
                    kind = label if label == "collective" else kind_at(s + a) or "other"
                    while e > s + 1 and lows[e - 1] in TRIM_END:
                        e -= 1
                    while s < e - 1 and lows[s] in TRIM_START:
                        s += 1
                    if e - s >= 2 or kind == "collective":
                        out.append((s + a, e + a, kind))
        return out

    def _select(self, label: str, patterns, run_bits: list[int], lows: list[str]) -> list[tuple[int, int]]:
        """patterns.select, remembered per window (label, classes, words): the same names come back
        in every paragraph of a document and in every part of it the task extractor asks about."""
        if len(lows) > MEMO_WINDOW:
            return select(patterns, run_bits, lows)
        key = (label, tuple(run_bits), tuple(lows))
        hit = self.selected.get(key)
        if hit is None:
            hit = select(patterns, run_bits, lows)
            if len(self.selected) < MEMO_SIZE:
                self.selected[key] = hit
        return hit

    def _scan(self, words: list[str]) -> tuple[list[tuple[str, int, int]], list[tuple[int, int, str]]]:
        """The gazetteer phrases (kind, start, end, overlaps included) and the pattern matches (start,
        end, kind) of a document's tokens: its passes in Python, the specification of match.c."""
        lexes = self.lexicon.lexes(words)
        info = DocHeads.of(lexes, self.g, self.heads_by_first)
        gaz = self._phrases(info.lows)
        info.gaz_start = [False] * len(lexes)
        for kind, s, _ in gaz:
            if kind != "collective":
                info.gaz_start[s] = True
        # pattern windows (without a token that can open a pattern, no window and no match); every
        # pattern needs two tokens at least: a lone opener matches nothing
        windows, bits = self._windows(lexes, info)
        runs = [(a, list(map(bits.__getitem__, range(a, b))), info.lows[a:b]) for a, b in windows if b - a >= 2]
        return gaz, self._matched(runs, lambda s: info.head[s] and info.head[s][1]) if runs else []

    # matching
    def spans(self, text: str) -> list[tuple[int, int, str, bool]]:
        """(start char, end char, kind, from gazetteer) of every body, in text order, no overlaps."""
        return self.spans_and_tokens(text)[0]

    def spans_and_tokens(self, text: str) -> tuple[list[tuple[int, int, str, bool]], TokenIds | tuple[list[str], list[int]]]:
        """spans(text), and the tokens it read (index.py finds its cuts there): the compiled tokenizer's
        TokenIds, or the words and their start offsets."""
        # line breaks (hard-wrapped Markdown, PDF lines) become spaces: same length, same offsets
        flat = flatten(text)
        table = word_table() if self.scanner else None
        if table is not None:
            toks = table.tokens(flat)
            gaz, matches = self.scanner.scan(toks)
            starts, ends = toks.starts, toks.ends
        else:
            words, starts = toks = tokenize(flat)
            gaz, matches = self._scan(words)
            ends = list(map(add, starts, map(len, words)))
        return self._spans(flat, starts, ends, gaz, matches), toks

    def _spans(self, flat: str, starts, ends, gaz, matches) -> list[tuple[int, int, str, bool]]:
        """The spans in characters from the phrases and matches in tokens (`_scan`'s), the tokens
        starting and ending at `starts` and `ends` in `flat`."""
        # (start token, end token, kind, from gazetteer)
        titles = self.g.titles
        found = [(s, e, kind, True) for kind, s, e in gaz    # "thanh tra tỉnh" in prose is an activity,
                 if kind == "collective" or flat[starts[s]].isupper()    # but "Bí thư tỉnh ủy" holds a body (227/CĐ-TTg)
                 or any(fold_name(" ".join([flat[starts[j]:ends[j]].lower() for j in range(s - k, s)])) in titles
                        for k in (1, 2, 3) if s >= k)]
        found += [(s, e, kind, False) for s, e, kind in matches]
        # longest wins (in tokens), then the leftmost; among equals the gazetteer's reading
        found.sort(key=lambda sp: (sp[0] - sp[1], sp[0], not sp[3]))
        return sorted((starts[s], ends[e - 1], kind, gz) for s, e, kind, gz in _filter_spans(found))


def _filter_spans(spans: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """The spans, in the order they are tried (longest first), less each span whose first or last
    token is already covered (spaCy's filter_spans)."""
    seen: set[int] = set()
    out = []
    for sp in spans:
        if sp[0] not in seen and sp[1] - 1 not in seen:
            out.append(sp)
            seen.update(range(sp[0], sp[1]))
    return out


def _phrase_trie(g: Gazetteer) -> dict:
    """Gazetteer phrases as a trie of lower-case tokens: word -> (children, kinds ending here)."""
    root: dict = {}
    for kind, names in g.phrases.items():
        for name in names:
            words = [w.lower() for w in tokenize(name)[0]]
            node = None
            level = root
            for w in words:
                node = level.setdefault(w, ({}, []))
                level = node[0]
            if node is not None and kind not in node[1]:
                node[1].insert(0, kind)     # a phrase under two kinds ("KBNN"): the later kind in bodies.yaml wins
    return root


def trie_words(trie: dict) -> list[str]:
    """The words of a phrase trie's nodes (`_phrase_trie`), each once per node."""
    out, todo = [], [trie]
    while todo:
        level = todo.pop()
        out += level
        todo += [node[0] for node in level.values()]
    return out


@lru_cache(maxsize=1)
def _matchers() -> _Matchers:
    return _Matchers()


def match_spans(text: str) -> list[tuple[int, int, str, bool]]:
    """(start char, end char, kind, from gazetteer) of every body in `text`, no overlaps, in order."""
    return _matchers().spans(text)
