"""A document's bodies matched once: the body matcher runs over the whole text, and a question
about a part of it (a paragraph, a sentence, a cell: the task extractor asks ~60 a document) is
answered from that one run; an end of the part that is not at a cut is matched again.

    with indexed(text): ...          while inside, match_spans answers parts of `text` from its index
    match_spans(text) -> [(start, end, kind, from_gazetteer)]   as matcher.match_spans, same answers

The matcher's answer on a text is the union of its answers on the two sides of a CUT, shifted,
when nothing on one side can change what is found on the other (`_cuts` lists them; the marks,
stop words and bullets are checked on the loaded tables, `_cut_words`; the cuts are found by
compiled code, cuts.c, where a C compiler is at hand, with `_python_cuts` as its specification
and fallback).  A cut lies at white space between two words:
- P, after a word-final punctuation mark other than the comma ("... Sở Tư pháp. Sở Nội vụ",
  "...; Sở ...", "a) Sở"): a token of its own (tokens.TOKEN_SUFFIX) with no flag but L_SKIP;
- W, at a run of white space that is a token of its own (two spaces or more, a non-breaking
  space): no flag at all;
- S, after a lower-case stop word ("theo", "của", "được") before a word that does not open with
  a capital: its flags are letters and lower case only (no name word, unit, determiner, joiner);
- N, before a number ("1.", "2.1", "2026-2030"): no flag, and a word of no office title;
- B, after a bullet ("-", "+", "•") that opens the right side of another cut: it opens no phrase,
  head or pattern, and has no flag a neighbour test reads.
Why the answers agree:
- the tokenizer cuts at white space, so the two sides' tokens are the whole text's, less a
  white-space token between them;
- the tokens at a cut are no word of a gazetteer phrase, a head, a collective noun, a qualifier,
  a tail phrase or a pattern: no phrase, head or pattern window reaches across, and keeping the
  longest of overlapping spans never compares spans on two sides;
- the neighbour tests read the same on both sides: a mark, white space and a number have no flag
  a test reads ("no previous token" reads the same), and a stop word's only flag a test reads,
  lower case, matters before a word in capitals (a heading after a name), which S excludes;
- a gazetteer phrase in lower case counts after an office title ("Bí thư" + "tỉnh ủy") read from
  the three tokens before it: across a cut they hold a word that is in no title (a stop word, a
  number), or P and W check it (`lookback`).
A question is answered from the index when it opens at a cut (or the text's start), or holds a
cut whose test reads only tokens inside it (its start is matched again up to there); the same at
its end (a question that stops right before a cut's marks ends at that cut: marks match nothing).
The answer is a function of the text asked about alone (which document holds it does not matter).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from contextlib import contextmanager
from functools import lru_cache
from itertools import compress, repeat
from operator import is_
from typing import Iterator

from . import native_tokens
from .gazetteer import fold_name
from .doc_heads import TAIL_PHRASES
from .matcher import PATTERN_WORDS, _matchers, flatten, trie_words
from .native_tokens import TokenIds
from .tokens import L_ALPHA, L_JOINER, L_LOWERIN, L_SKIP, PUNCT

#: Word-final punctuation marks that may be a cut (P), if no table of the matcher names them.
CUT_MARKS = ".;:!?…)]}\"”’'»"
#: A number as one token (N).
NUMBER = re.compile(r"\d[\d./-]*")
#: Bullets that may be a cut (B) when they open the right side of another cut ("...nghiệp.\n- Nền tảng").
CUT_BULLETS = ("-", "–", "—", "+", "•", "*")
#: Questions shorter than this are matched as they are (finding them in the document would cost more).
MIN_QUESTION = 20
#: ... and those whose part between two cuts is shorter than this.
MIN_MIDDLE = 80
#: The ends of questions, remembered (a paragraph asked about with several ends), up to this many.
PIECE_MEMO = 20_000
#: A run of white space: a question that starts inside a word has its first whole word after one.
SPACE_RUN = re.compile(r"\s+")

Span = tuple[int, int, str, bool]
#: Words whose cut kinds are remembered (`_word_kinds`), up to this many.
KINDS_MEMO = 200_000
_pieces: dict[str, list[Span]] = {}
_kinds: dict[str, int] = {}

_active: list["DocumentIndex"] = []


@lru_cache(maxsize=1)
def _cut_words() -> tuple[frozenset[str], ...]:
    """(marks for P, stop words for S, bullets for B, the words of office titles, the words the tables name), from the loaded tables: a mark
    or a stop word that a table names, or that has a flag a neighbour test reads, is no cut."""
    m = _matchers()
    g = m.g
    vocab: set[str] = set(PATTERN_WORDS) | {w for p in TAIL_PHRASES for w in p} | set(g.units) | set(g.determiners)
    vocab.update(trie_words(m.trie))
    for table in (g.heads, g.not_collective, g.verb_nouns):
        for phrase in table:
            vocab.update(phrase)
    for by_first in (g.collective, g.qualifiers):
        for phrases in by_first.values():
            for phrase in phrases:
                vocab.update(phrase)
    assert not any(w.isspace() for w in vocab), "a table names white space: W cuts would be wrong"
    titles = frozenset(w for t in g.titles for w in t.split())
    flags = lambda w: m.lexicon.lexes([w])[0].flags        # noqa: E731
    marks = frozenset(c for c in CUT_MARKS if c not in vocab and flags(c) == L_SKIP)
    stops = frozenset(w for w in g.stop_words if w == w.lower() and w not in vocab and w not in titles
                      and not flags(w) & ~(L_ALPHA | L_LOWERIN) and fold_name(w) == w)
    # a bullet opens no phrase, head, collective noun or qualifier, and has no flag a neighbour test reads
    openers = set(m.trie) | {h[0] for h in g.heads} | set(g.collective) | set(g.qualifiers) | set(PATTERN_WORDS) \
        | {p[0] for p in TAIL_PHRASES} | {p[0] for p in g.verb_nouns} | {p[0] for p in g.not_collective}
    bullets = frozenset(b for b in CUT_BULLETS if b not in openers and b not in g.determiners and b not in g.units
                        and not flags(b) & ~(L_SKIP | L_JOINER) and not fold_name(b))
    return marks, stops, bullets, titles, frozenset(vocab)


@lru_cache(maxsize=65536)
def _title_kind(word: str) -> int:
    """0: the token folds to no word (a mark, white space); 1: it has a word of no office title; 2: all its
    words are title words ("Giám", "đốc")."""
    folded = fold_name(word.lower()).split()
    if not folded:
        return 0
    titles = _cut_words()[3]
    return 1 if any(w not in titles for w in folded) else 2


@lru_cache(maxsize=4096)
def _inert_number(word: str) -> bool:
    """A number no table names, with no flag (N)."""
    m = _matchers()
    return bool(NUMBER.fullmatch(word)) and word not in _cut_words()[4] and not m.lexicon.lexes([word])[0].flags


@lru_cache(maxsize=1)
def _trailing_marks() -> re.Pattern:
    """A run of P marks (a question that stops right before one ends where the text's cut after them ends)."""
    return re.compile("[" + re.escape("".join(sorted(_cut_words()[0]))) + "]+")


class DocumentIndex:
    """A text's body spans (the matcher's, whole) and its cuts: ends (after the left side),
    starts (of the right side) and contexts (the first character a cut's test read)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.flat = flatten(text)
        self.spans, tokens = _matchers().spans_and_tokens(self.flat)    # the matcher reads the text so too
        self.span_starts = [s for s, _, _, _ in self.spans]
        self.ends, self.starts, self.contexts = _cuts(tokens)

    def match(self, q: str) -> list[Span] | None:
        """The matcher's answer on `q`, or None when `q` is not a part of the text whose answer can
        be read from the index: its two ends must be at a cut (or the text's ends), or be matched
        again up to a cut inside `q` whose test reads tokens of `q` only."""
        if len(q) == len(self.text) and q == self.text:
            return list(self.spans)
        if len(q) < MIN_QUESTION or not self.ends:
            return None
        # the matcher reads line breaks and tabs as spaces: a part whose lines were joined is found too
        text, q = self.flat, flatten(q)
        a = text.find(q)
        if a < 0:
            return None
        b = a + len(q)
        ends, starts, contexts = self.ends, self.starts, self.contexts
        full = a                                    # the first character of q's first whole word
        if a and not text[a - 1].isspace():
            m = SPACE_RUN.search(text, a, b)
            full = m.end() if m else b
        if a == 0 or starts[min(bisect_left(starts, a), len(starts) - 1)] == a:
            mid_start, left = a, None               # q opens where a cut's right side opens
        else:                                       # else its start is matched again, up to a cut
            i = bisect_left(ends, full)
            while i < len(ends) and contexts[i] < full:
                i += 1
            if i == len(ends) or starts[i] >= b:
                return None
            mid_start, left = starts[i], ends[i]
        if b == len(text) or ends[min(bisect_left(ends, b), len(ends) - 1)] == b or (
                not q[-1].isspace() and not PUNCT.match(q[-1]) and (m := _trailing_marks().match(text, b))
                and ends[min(bisect_left(ends, m.end()), len(ends) - 1)] == m.end()):
            mid_end, right = b, None                # q ends where a cut's left side ends, or right before its marks
        else:
            j = bisect_left(starts, b) - 1          # the last cut whose right side starts in q
            if j < 0 or contexts[j] < full or ends[j] < mid_start:
                return None
            mid_end, right = ends[j], starts[j]
        if (left is not None or right is not None) and mid_end - mid_start < MIN_MIDDLE:
            return None                             # little to gain over matching q
        lo, hi = bisect_left(self.span_starts, mid_start), bisect_left(self.span_starts, mid_end)
        out = _piece(q[:left - a]) if left is not None else []
        out += [(s - a, e - a, kind, gaz) for s, e, kind, gaz in self.spans[lo:hi]]
        if right is not None:
            at = right - a
            out += [(s + at, e + at, kind, gaz) for s, e, kind, gaz in _piece(q[at:])]
        return out


def _piece(text: str) -> list[Span]:
    """The matcher's answer on one end of a question, remembered."""
    hit = _pieces.get(text)
    if hit is None:
        if len(_pieces) >= PIECE_MEMO:
            _pieces.clear()
        hit = _pieces[text] = _matchers().spans(text)
    return list(hit)


def _word_kinds(words: list[str]) -> tuple[list[int], ...]:
    """The tokens that may make a cut, by kind, in order: (P marks, S stop words, W white space,
    N numbers, B bullets).  One look-up a token: a word's kind is computed once per process."""
    kinds = list(map(_kinds.get, words))
    for k in compress(range(len(words)), map(is_, kinds, repeat(None))):     # words not seen before
        kinds[k] = _kinds[words[k]] = _kind_of(words[k])
    if len(_kinds) > KINDS_MEMO:
        _kinds.clear()
    out: tuple[list[int], ...] = ([], [], [], [], [])
    into = [[at for bit, at in enumerate(out) if kind >> bit & 1] for kind in range(32)]     # the lists of a kind
    for t in compress(range(len(words)), kinds):
        for at in into[kinds[t]]:
            at.append(t)
    return out


def _kind_of(word: str) -> int:
    """A word's cut kinds as bits: 1 a P mark, 2 an S stop word, 4 white space (W), 8 a digit first (N), 16 a B bullet."""
    marks, stops, bullets, _, _ = _cut_words()
    return ((word in marks) | (word in stops) << 1 | word.isspace() << 2 | word[:1].isdigit() << 3
            | (word in bullets) << 4)


def _cuts(tokens: TokenIds | tuple[list[str], list[int]]) -> tuple[list[int], list[int], list[int]]:
    """The ends of the left sides, the starts of the right sides and the contexts of every cut of a
    text's tokens, in order (as matcher.spans_and_tokens gives them: the compiled tokenizer's word
    ids, or the words and their starts): the compiled loop's (native_tokens.py, cuts.c), else
    `_python_cuts`'s (the same)."""
    loop = _cut_loop()
    if loop is not None and isinstance(tokens, TokenIds):
        return loop(tokens, _FACTS)
    if isinstance(tokens, TokenIds):
        tokens = [tokens.words[i] for i in tokens.ids[:tokens.count]], tokens.starts[:tokens.count].tolist()
    cuts = _python_cuts(*tokens)
    return [e for e, _, _ in cuts], [y for _, y, _ in cuts], [c for _, _, c in cuts]


@lru_cache(maxsize=1)
def _cut_loop():
    """The compiled cut loop, or None (no compiler, or VANBAN_NATIVE=0)."""
    return native_tokens.cut_loop()


def _facts_of(word: str) -> int:
    """What the compiled cut loop reads of a word, packed (cuts.c): its cut kinds (_kind_of's bits; N
    only for a number `_inert_number` takes), its `_title_kind`, a capital first, and its length."""
    kind = _kind_of(word)
    if kind & 8 and not _inert_number(word):
        kind &= ~8
    return kind | _title_kind(word) << 5 | word[:1].isupper() << 7 | len(word) << 8


#: _facts_of of each word id of the compiled tokenizer's table, each word's computed once
_FACTS = native_tokens.ByWord("q", _facts_of)


def _python_cuts(words: list[str], starts: list[int]) -> list[tuple[int, int, int]]:
    """(end of the left side, start of the right side, context) of every cut of a text's tokens,
    in order; context: where the tokens the cut's test read start (a question must hold them)."""
    n = len(words)
    at_marks, at_stops, at_spaces, at_digits, at_bullets = _word_kinds(words)
    space = set(at_spaces)          # the white-space tokens (a few thousand a document), not an isspace() a token

    def right(t: int, e: int) -> int | None:
        """The token after token t (ending at e) and the white space after it (None: no white space, or no token)."""
        u = t + 1
        if u in space:
            u += 1
        return u if u < n and starts[u] > e and u not in space else None

    def lookback(k: int) -> int | None:
        """Where the tokens read start, if a lower-case gazetteer phrase after token k cannot read an
        office title across the cut: the first token with a word, going back, has a word of no title."""
        for j in range(k, max(-1, k - 3), -1):
            kind = _title_kind(words[j])
            if kind:
                return starts[j] if kind == 1 else None
        return starts[max(0, k - 2)]

    found: dict[int, tuple[int, int, int]] = {}
    for t in at_marks:                                                    # P
        e = starts[t] + len(words[t])
        u = right(t, e)
        c = lookback(t) if u is not None else None
        if c is not None:
            found[e] = (e, starts[u], c)
    for t in at_stops:                                                    # S (right() written out: the most)
        e = starts[t] + len(words[t])
        u = t + 2 if t + 1 in space else t + 1
        if u < n and starts[u] > e and u not in space and not words[u][:1].isupper():
            found[e] = (e, starts[u], starts[t])
    for t in at_spaces:                                                   # W
        if not 0 < t < n - 1:
            continue
        e = starts[t - 1] + len(words[t - 1])
        if t - 1 in space or t + 1 in space or e in found:
            continue
        c = lookback(t - 1)
        if c is not None:
            found[e] = (e, starts[t + 1], c)
    # N: a number opening a word ("1.", "2.1", "2026-2030") has no flag, no match, and a word of no title
    for t in at_digits:
        if not t:
            continue
        d = t - 1 - (t - 1 in space)            # the word before it (a white-space token between is dropped)
        if d < 0 or d in space:
            continue
        e = starts[d] + len(words[d])
        if starts[t] > e and e not in found and _inert_number(words[t]):
            found[e] = (e, starts[t], starts[t])
    # B: a bullet opening the right side of a cut ("- ", "+ ") has no match and reads nothing before it
    context_at = {y: c for _, y, c in found.values()}
    if starts:
        context_at.setdefault(starts[0], starts[0])
    for t in at_bullets:
        e = starts[t] + len(words[t])
        u = right(t, e)
        if u is not None and starts[t] in context_at and e not in found:
            found[e] = (e, starts[u], context_at[starts[t]])
            context_at[starts[u]] = context_at[starts[t]]
    return [found[e] for e in sorted(found)]


@contextmanager
def indexed(text: str) -> Iterator[DocumentIndex]:
    """Match `text` once; inside the block, questions about its parts are answered from it."""
    index = DocumentIndex(text)
    _active.append(index)
    try:
        yield index
    finally:
        _active.remove(index)


def match_spans(text: str) -> list[Span]:
    """(start char, end char, kind, from gazetteer) of every body in `text`, no overlaps, in order."""
    for index in reversed(_active):
        hit = index.match(text)
        if hit is not None:
            return hit
    return _matchers().spans(text)
