"""Spans already taken by citations, asked "does [a, b) overlap one of you?" in log time."""
from __future__ import annotations

from bisect import bisect_left, insort
from typing import Iterable


class SpanIndex:
    """Spans [start, end) kept as sorted starts with the running maximum of their ends, so
    that n citations tested against n spans cost n log n, not n * n."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted(spans)
        self._starts: list[int] = []
        self._reach: list[int] = []
        self._index(0)

    def add(self, start: int, end: int) -> None:
        """Take one more span; spans added in order of their starts cost O(1)."""
        if self._starts and start < self._starts[-1]:
            insort(self._spans, (start, end))
            self._index(0)
        else:
            self._spans.append((start, end))
            self._index(len(self._spans) - 1)

    def overlaps(self, a: int, b: int) -> bool:
        """Whether [a, b) overlaps a span: some span starting before b reaches past a."""
        k = bisect_left(self._starts, b)
        return k > 0 and self._reach[k - 1] > a

    def _index(self, frm: int) -> None:
        del self._starts[frm:], self._reach[frm:]
        for s, e in self._spans[frm:]:
            self._starts.append(s)
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)
