"""Token patterns of the body matcher, matched in linear time.

A pattern is a list of elements (test, op): the test is a set of token classes (bits,
see matcher.TOKEN_CLASSES) and/or literal lower-case words; op is "1", "?", "*" or "+".
For a run of tokens, `longest` gives every start the end of its longest match with one
right-to-left pass (dynamic programming over pattern positions: O(tokens x elements),
whatever the input: no partial match is carried from every start as a Matcher does, so
"Sở Sở Sở ..." or "cơ quan, cơ quan, ..." cost the same per token as prose).

`select` then keeps, per label, the longest matches that do not overlap (longest first,
then leftmost), the rule spaCy's Matcher applies with greedy="LONGEST": a start whose
longest match is blocked by a match accepted inside it falls back on its longest match
that ends before the blocker (`longest_before`, a forward pass over that stretch only).
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass

#: No match.
NONE = -1


@dataclass(frozen=True)
class Element:
    mask: int = 0                       # token classes, any of which the token must have
    words: frozenset[str] = frozenset()  # or one of these lower-case words
    op: str = "1"                       # "1", "?" (optional) or "*" (any number)


def expand(elements: list[tuple[int, frozenset[str], str]]) -> tuple[Element, ...]:
    """(mask, words, op) with op "+" written as one element and a starred copy."""
    out: list[Element] = []
    for mask, words, op in elements:
        if op == "+":
            out += [Element(mask, words, "1"), Element(mask, words, "*")]
        else:
            out.append(Element(mask, words, op))
    return tuple(out)


def _accepts(el: Element, bits: int, low: str) -> bool:
    return bool(bits & el.mask) or low in el.words


def longest(pattern: tuple[Element, ...], bits: list[int], lows: list[str]) -> list[int]:
    """For each token index p of the run, the end of the longest match starting at p, or NONE."""
    n, m = len(bits), len(pattern)
    optional = [el.op in "?*" for el in pattern]
    starred = [el.op == "*" for el in pattern]
    nxt = [NONE] * (m + 1)              # best(n, k): only optional elements left can end at n
    nxt[m] = n
    for k in range(m - 1, -1, -1):
        nxt[k] = nxt[k + 1] if optional[k] else NONE
    out = [NONE] * n
    for p in range(n - 1, -1, -1):
        row = [NONE] * (m + 1)
        row[m] = p
        b, w = bits[p], lows[p]
        for k in range(m - 1, -1, -1):
            el = pattern[k]
            v = NONE
            if b & el.mask or w in el.words:
                v = nxt[k] if starred[k] else nxt[k + 1]
            if optional[k] and row[k + 1] > v:
                v = row[k + 1]
            row[k] = v
        out[p] = row[0] if row[0] > p else NONE
        nxt = row
    return out


def longest_before(pattern: tuple[Element, ...], bits: list[int], lows: list[str], start: int, limit: int) -> int:
    """The end of the longest match from `start` that ends at `limit` or before, or NONE."""
    m = len(pattern)

    def closure(states: set[int]) -> set[int]:
        todo = list(states)
        while todo:
            k = todo.pop()
            if k < m and pattern[k].op in "?*" and k + 1 not in states:
                states.add(k + 1)
                todo.append(k + 1)
        return states

    states, best, p = closure({0}), NONE, start
    while p < limit and states:
        states = closure({k if pattern[k].op == "*" else k + 1
                          for k in states if k < m and _accepts(pattern[k], bits[p], lows[p])})
        p += 1
        if m in states:
            best = p
    return best


def select(patterns: tuple[tuple[Element, ...], ...], bits: list[int], lows: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping matches of one label (any of its patterns), longest first then leftmost,
    in that order."""
    n = len(bits)
    ends = [longest(p, bits, lows) for p in patterns]
    heap = [(-(e - s), s, e) for s in range(n) for e in [max(x[s] for x in ends)] if e > s]
    heapq.heapify(heap)
    taken = bytearray(n)
    out: list[tuple[int, int]] = []
    while heap:
        _, s, e = heapq.heappop(heap)
        blocker = taken.find(1, s, e)
        if blocker < 0:
            out.append((s, e))
            taken[s:e] = b"\x01" * (e - s)
        elif blocker > s:               # a shorter match from s may end before the blocker
            e2 = max(longest_before(p, bits, lows, s, blocker) for p in patterns)
            if e2 > s:
                heapq.heappush(heap, (-(e2 - s), s, e2))
    return out
