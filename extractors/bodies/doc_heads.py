"""The facts of each token of a text that depend on its neighbours, for the body matcher's patterns
(matcher.py): where a head ("Sở", "Ủy ban nhân dân") starts, which tokens lie inside one, collective
nouns ("cơ quan", "đơn vị"), qualifiers ("có liên quan") and tail phrases ("trực thuộc").

    DocHeads.of(lexes, gazetteer, heads_by_first) -> DocHeads

match.c computes the same facts in C (its `DocHeads.of` pass); this is the specification and the
fallback, and tests/test_bodies_native.py holds the two to the same answers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter

from .gazetteer import Gazetteer, phrase_mask
from .tokens import L_ALPHA, L_CAP, L_HEADCAND, Lex

#: Two-word tail phrases ("trực thuộc", "Trung ương", "có liên quan"): both words are in the tail.
TAIL_PHRASES = frozenset({("trực", "thuộc"), ("trung", "ương"), ("có", "liên"), ("liên", "quan")})
#: Their first words (a quick test before the pair is looked up).
TAIL_FIRSTS = frozenset(a for a, _ in TAIL_PHRASES)

_LOW, _FLAGS = attrgetter("low"), attrgetter("flags")


@dataclass
class DocHeads:
    """Per token of a doc: the head starting there, whether it lies inside a head, and
    whether it starts a head that cannot stand inside another name."""
    head: list[tuple[int, str] | None]
    inside: list[bool]
    breaking: list[bool]
    coll: list[bool] = field(default_factory=list)         # inside a collective noun ("cơ quan")
    coll_start: list[bool] = field(default_factory=list)   # first word of one
    qual: list[bool] = field(default_factory=list)         # inside a qualifier ("có liên quan")
    tail: list[bool] = field(default_factory=list)         # inside a tail phrase ("trực thuộc", "Trung ương")
    gaz_start: list[bool] = field(default_factory=list)    # first word of a gazetteer name ("và Tỉnh đoàn")
    lows: list[str] = field(default_factory=list)          # the tokens in lower case
    flags: list[int] = field(default_factory=list)         # their L_* flags

    @classmethod
    def of(cls, lexes: list[Lex], g: Gazetteer, heads_by_first) -> "DocHeads":
        n = len(lexes)
        lows = list(map(_LOW, lexes))
        flags = list(map(_FLAGS, lexes))
        head: list[tuple[int, str] | None] = [None] * n
        inside = [False] * n
        breaking = [False] * n
        # only capitalised words that open a head (L_HEADCAND) can start one; not in an upper-case
        # line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA": the gazetteer reads headings)
        for i in list(compress(range(n), map(L_HEADCAND.__and__, flags))):
            # nor inside a run of capitalised words ("Xã Hội Số", "Nhiệm Vụ Trọng tâm")
            if i and flags[i - 1] & L_ALPHA and flags[i - 1] & L_CAP \
                    and not inside[i - 1] and head[i - 1] is None:
                continue
            for words, kind in heads_by_first[lows[i]]:
                k = len(words)
                if tuple(lows[i:i + k]) == words:
                    head[i] = (k, kind)
                    for j in range(i + 1, i + k):
                        inside[j] = True
                    breaking[i] = words not in g.inner_heads and not (
                        lows[i] == "bộ" and i + 1 < n and lows[i + 1] == "đội")
                    break
        coll = _mask(lows, g.collective)
        for i in [i for i in compress(range(1, n - 1), coll[1:n - 1])     # the collective words (a C loop)
                  if coll[i - 1] and (lows[i], lows[i + 1]) in g.verb_nouns]:
            coll[i] = coll[i + 1] = False   # "Các bộ, ngành, địa phương tổ chức tổng rà soát": the verb (624/TB-VPCP)
        coll_start = [False] * n
        for i in list(compress(range(n), coll)):
            coll_start[i] = i == 0 or not coll[i - 1] or lows[i] in g.collective
        tail = [False] * n
        for i in list(compress(range(n - 1), map(TAIL_FIRSTS.__contains__, lows))):
            if (lows[i], lows[i + 1]) in TAIL_PHRASES:
                tail[i] = tail[i + 1] = True
        return cls(head, inside, breaking, coll, coll_start, _mask(lows, g.qualifiers), tail, lows=lows, flags=flags)


def _mask(lows: list[str], phrases: dict) -> list[bool]:
    """phrase_mask, without a pass over the tokens when none of them starts a phrase (most short texts)."""
    return [False] * len(lows) if phrases.keys().isdisjoint(lows) else phrase_mask(lows, phrases)
