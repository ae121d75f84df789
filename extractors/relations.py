"""Relation of a reference (quan hệ giữa văn bản): how the citing document uses what it cites.

    relation_of(reference, text) -> str      "basis" | "implements" | "amends" | "replaces" |
                                             "repeals" | "guides" | "consolidates" | "cites"
    mention_relation(text, start, end, others) -> str

Read from the words around each mention in the citing text (words in
lexicon/data/relations.yaml): a verb right before the mention (`thay thế
Quyết định số 942/QĐ-TTg`), words after it in the same clause (`... hết hiệu
lực`), or a paragraph opening with `Căn cứ`.  A verb only counts when no other
mention stands between it and this one, so `Quyết định số 1 ... sửa đổi, bổ sung
một số điều của Quyết định số 2` does not make the citing document amend #2: the
words describe #1.  The strongest relation over all mentions wins.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from vanban.schemas.models import Reference

from vanban import lexicon as vocab
from vanban.lexicon.patterns import word_start

#: a clause ends at these (a ";" list of bases, a sentence); a line break does not end one,
#: since a citation's words may be broken over lines
_CLAUSE_END = re.compile(r"[;.](?!\d)")

#: how far from a mention its words are read, in characters
_REACH = 300


@lru_cache(maxsize=None)
def _data():
    return vocab.load("relations.yaml")


def _alternation(words) -> str:
    return "|".join(w if "\\" in w or "(?" in w else re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns() -> dict[str, dict[str, re.Pattern]]:
    """Per relation: `before` anchored at the end of the text before a mention (fillers allowed
    in between), `after` searched in the clause after it, `opens` at the start of the paragraph."""
    fillers = _alternation(_data()["fillers"])
    out: dict[str, dict[str, re.Pattern]] = {}
    for name, spec in _data()["relations"].items():
        pats = {}
        if spec.get("before"):
            pats["before"] = re.compile(rf"(?<!\w)(?:{_alternation(spec['before'])})(?:\s+(?:{fillers}))*\s*$",
                                        re.IGNORECASE)
        if spec.get("after"):           # first letters first (word_start): the same matches, found faster
            assert not any("\\" in w or "(?" in w for w in spec["after"]), "plain words only"
            pats["after"] = re.compile(rf"{word_start(sorted(spec['after'], key=len, reverse=True), ignore_case=True)}(?!\w)")
        if spec.get("opens"):
            pats["opens"] = re.compile(rf"[\s\-–+*•]*(?:{_alternation(spec['opens'])})(?!\w)", re.IGNORECASE)
        out[name] = pats
    return out


@lru_cache(maxsize=None)
def _in_priority() -> tuple:
    """(name, before, after, opens) of each relation, strongest first; a pattern the relation has not is None."""
    pats = _patterns()
    return tuple((name, *(pats.get(name, {}).get(k) for k in ("before", "after", "opens"))) for name in _data()["priority"])


@lru_cache(maxsize=None)
def _any_before() -> re.Pattern:
    """The `before` patterns of every relation in one (first letters first, lexicon.patterns.word_start):
    it matches where one of them does, so a mention with no verb before it (most) is read once, not once per
    relation."""
    verbs = sorted({w for spec in _data()["relations"].values() for w in spec.get("before", ())}, key=len, reverse=True)
    assert not any("\\" in w or "(?" in w for w in verbs), "plain words only"
    return re.compile(rf"{word_start(verbs, ignore_case=True)}(?i:(?:\s+(?:{_alternation(_data()['fillers'])}))*)\s*$")


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause before `hi` starts: just past the last _CLAUSE_END in text[lo:hi], else 0
    (read back from `hi`, where a finditer from `lo` read the whole stretch)."""
    while True:
        k = max(text.rfind(";", lo, hi), text.rfind(".", lo, hi))
        if k < 0:
            return 0
        if k + 1 >= hi or not text[k + 1].isdecimal():       # `(?!\d)`: not `1.5`; the stretch's end is no digit
            return k + 1
        hi = k


class _Spans:
    """Mention spans, their starts and ends sorted: the nearest mention before or after a place
    by bisection, where a scan of every span for every mention made a document's references
    quadratic in its mentions (issue 13)."""

    def __init__(self, spans) -> None:
        self.pairs = list(spans)
        self.starts = sorted(s for s, _ in self.pairs)
        self.ends = sorted(e for _, e in self.pairs)

    def prev_end(self, start: int) -> int:
        """The largest end at or before `start`, or 0."""
        k = bisect.bisect_right(self.ends, start)
        return self.ends[k - 1] if k else 0

    def next_start(self, end: int, default: int) -> int:
        """The smallest start at or after `end`, or `default`."""
        k = bisect.bisect_left(self.starts, end)
        return self.starts[k] if k < len(self.starts) else default


def mention_relation(text: str, start: int, end: int, others) -> str:
    """The relation one mention [start, end) reads as; `others` are the spans of every other mention
    (a list of (start, end), or their _Spans)."""
    spans = others if isinstance(others, _Spans) else _Spans(others)
    prev_end = spans.prev_end(start)
    next_start = spans.next_start(end, len(text))
    line_start = text.rfind("\n", 0, start) + 1
    clause_start = _clause_start(text, prev_end, start)
    before = text[max(prev_end, clause_start, start - _REACH):start]
    clause_end = _CLAUSE_END.search(text, end, min(next_start, end + _REACH))
    after = text[end:clause_end.start() if clause_end else min(next_start, end + _REACH)]
    first_in_clause = prev_end <= clause_start
    verb_before = first_in_clause and _any_before().search(before) is not None
    for name, before_re, after_re, opens_re in _in_priority():
        if verb_before and before_re is not None and before_re.search(before):
            return name
        if after_re is not None and after_re.search(after):
            return name
        if first_in_clause and opens_re is not None and opens_re.match(text, line_start):
            return name
    return "cites"


def relation_of(reference: Reference, text: str, others=()) -> str:
    """The relation of one reference over all its mentions (the strongest in `priority` wins)."""
    if reference.is_self:
        return "cites"           # the document itself: its own number, its appendix's `Kèm theo ... số`
    priority = _data()["priority"]
    found: set[str] = set()
    spans = None
    for m in reference.mentions:
        if isinstance(others, _Spans) and m.start < m.end:
            # every mention's span, this one's too: [start, end) ends after `start` and starts before
            # `end`, so it (or a copy) is never the mention before or after; leaving it out changes nothing
            found.add(mention_relation(text, m.start, m.end, others))
            continue
        pairs = others.pairs if isinstance(others, _Spans) else others
        spans = spans if spans is not None else [(m.start, m.end) for m in reference.mentions]
        rest = [o for o in pairs if o != (m.start, m.end)] + [s for s in spans if s != (m.start, m.end)]
        found.add(mention_relation(text, m.start, m.end, rest))
    return min(found, key=priority.index) if found else "cites"


def with_relations(references: list[Reference], text: str) -> list[Reference]:
    """Copies of the references with `relation` filled (the input is not changed)."""
    spans = _Spans([(m.start, m.end) for r in references for m in r.mentions])
    return [r.model_copy(update={"relation": relation_of(r, text, spans)}) for r in references]
