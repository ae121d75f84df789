"""The body matcher over the pieces of a text that cannot influence each other, each piece
matched once per process: a document's sentences and paragraphs are matched when the first
part of the document that holds them is asked about (a paragraph, a cell, the whole text for
the document's body list), and every later question about a text holding them takes their
answer from memory.

    match_spans(text) -> [(start, end, kind, from_gazetteer)]   as matcher.match_spans, same answers

Where a text can be cut (CUT): after a word-final punctuation mark other than the comma
("... Sở Tư pháp. Sở Nội vụ", "a) Sở ...", "...; Sở ...") or a word of digits ("ngày 15 tháng 3"), and
the white space after it; and after a run of white space that is a token of its own (two spaces
or more, a blank line, a non-breaking space: a single line break or tab is a plain space to the
matcher, and "Sở Tư\\npháp" is one name, so there is no cut there).
Why the matcher's answer on the whole equals the answers on the pieces, shifted:
- the tokenizer cuts at white space, and a word-final punctuation mark is a token of its own
  (TOKEN_SUFFIX); such a token, a number and a white-space token have no L_* flag the
  matcher's neighbour tests read (capital, letters, unit, lower case inside) and are no word
  of a gazetteer phrase, a head, a collective noun, a qualifier or a pattern
  (`separators_inert` checks it on the loaded gazetteer);
- so they have no token class: no pattern window and no gazetteer phrase runs across them,
  no span crosses them, and keeping the longest of overlapping spans never compares spans
  on two sides of one;
- a token right after one sees "no previous token" on a piece of its own and a flagless
  token in the whole text, which every test reads the same way (and "no next token" before).
The joins and extensions made after matching (find.py: "... thuộc Bộ X", a province after a
name, an office title before it) read the text around the spans and run on the whole text
asked about, as before.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .matcher import PATTERN_WORDS, TAIL_PHRASES, _matchers
from .tokens import L_ALPHA, L_LOWERIN, L_SKIP

#: A place to cut: after a word-final punctuation mark other than "," (a token of its own: TOKEN_SUFFIX)
#: or a word of digits ("2025", "15/2025"), and the white space after it; or after a run of white
#: space that the tokenizer makes a token (tokens.WHITESPACE_RUN once line breaks and tabs are
#: spaces: two characters or more, or one white-space character that is not one of those).
CUT = re.compile(r"(?:[)\]}\"”’'».;:!?…]\s+|(?<!\S)\d[\d./-]*(?<!\.)\s+|\s{2,}|[^\S \n\r\t\f\v])(?=\S)")
#: The tokens after which CUT cuts, as the tokenizer makes them (`separators_inert` checks them).
SEPARATORS = (")", "]", "}", '"', "”", "’", "'", "»", ".", ";", ":", "!", "?", "…", "2025", "15/2025", "1.2-3", "  ", "\xa0")
#: Pieces remembered per process (cleared when full: a batch's documents rarely share pieces).
MEMO_SIZE = 50_000
#: The tokens CUT cuts after: white space, punctuation that ends a word, a number.
SEPARATOR_TOKEN = re.compile(r"\s+|[)\]}\"”’'».;:!?…]|\d[\d./-]*")
_memo: dict[str, tuple[tuple[int, int, str, bool], ...]] = {}


@lru_cache(maxsize=1)
def _cut() -> re.Pattern | None:
    """CUT, and after a stop word (data stop_words: "của", "theo", "trong") before a word in lower case,
    or None (texts are matched whole) when a separator is a word of the matcher's tables or carries
    a flag its neighbour tests read."""
    m = _matchers()
    g = m.g
    words: set[str] = set(PATTERN_WORDS) | {w for pair in TAIL_PHRASES for w in pair}
    todo = [m.trie]
    while todo:
        level = todo.pop()
        words.update(level)
        todo += [child for child, _ in level.values()]
    for table in (g.heads, g.not_collective):
        for phrase in table:
            words.update(phrase)
    for table in (g.collective, g.qualifiers, g.generic):
        for phrases in table.values():
            for phrase in phrases:
                words.update(phrase)
    flags = lambda w: m.lexicon.lexes([w])[0].flags     # noqa: E731
    if any(SEPARATOR_TOKEN.fullmatch(w) for w in words) or any(flags(w) & ~L_SKIP for w in SEPARATORS):
        return None
    # a stop word has no class whatever comes before it (it never continues a name) and gives the next
    # word none it would not have at the start of a text, unless that word is printed in capitals
    stop = sorted(w for w in g.stop_words if w.isalpha() and w.islower() and w not in words
                  and not flags(w) & ~(L_ALPHA | L_LOWERIN))
    lower = "".join(re.escape(c) for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
    return re.compile(CUT.pattern + r"|(?<!\S)(?:" + "|".join(stop) + r")\s+(?=[" + lower + "])")


def separators_inert() -> bool:
    return _cut() is not None


def match_spans(text: str) -> list[tuple[int, int, str, bool]]:
    """(start char, end char, kind, from gazetteer) of every body in `text`, no overlaps, in order:
    the matcher's answer, piece by piece. The pieces not in memory are matched in one call, run
    together in their order (where two meet is a cut again: the first piece may open with white
    space, the last may end without a cut, and every other piece ends at a cut and starts on a word)."""
    if not separators_inert():
        return _matchers().spans(text)
    bounds = [0, *(m.end() for m in _cut().finditer(text)), len(text)]
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    answers = list(map(_memo.get, pieces))
    if None in answers:
        _match_new([(k, p) for k, (p, a) in enumerate(zip(pieces, answers)) if a is None], answers)
    out: list[tuple[int, int, str, bool]] = []
    for at, hit in zip(bounds, answers):
        if hit:
            out += [(s + at, e + at, kind, gaz) for s, e, kind, gaz in hit] if at else hit
    return out


def _match_new(new: list[tuple[int, str]], answers: list) -> None:
    """Match the pieces `new` ((index, piece)) in one call, put each one's spans in `answers` and in memory."""
    joined = "".join(p for _, p in new)
    found = _matchers().spans(joined)
    if len(_memo) + len(new) > MEMO_SIZE:
        _memo.clear()
    j, at = 0, 0
    for k, piece in new:
        end = at + len(piece)
        mine = []
        while j < len(found) and found[j][0] < end:
            s, e, kind, gaz = found[j]
            mine.append((s - at, e - at, kind, gaz))
            j += 1
        answers[k] = _memo[piece] = tuple(mine)
        at = end
