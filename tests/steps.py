"""Work counted in steps, not seconds: a deterministic measure of how a function's cost grows.

A step is one executed line of Python or one call into C (a regex search, a str method).
The count is the same on every run and every machine, so a test may assert on it; time is
measured in bench/growth.py, never asserted.  A copy of a long string inside a loop costs
one step however long the string is: bench/growth.py times those cases.
"""
from __future__ import annotations

import sys
from typing import Any, Callable


def steps(fn: Callable[[Any], Any], arg: Any) -> int:
    """Steps taken by fn(arg)."""
    count = 0

    def line(frame, event, _arg):
        nonlocal count
        if event == "line":
            count += 1
        return line

    def call(_frame, event, _arg):
        nonlocal count
        if event == "c_call":
            count += 1

    old_trace, old_profile = sys.gettrace(), sys.getprofile()
    sys.settrace(line)
    sys.setprofile(call)
    try:
        fn(arg)
    finally:
        sys.settrace(old_trace)
        sys.setprofile(old_profile)
    return count


def growth(make: Callable[[int], Any], fn: Callable[[Any], Any], n: int) -> float:
    """How the work of fn grows with its input: (steps at 4n - steps at 2n) / (steps at 2n - steps at n).

    Differences cancel fixed costs (loading a gazetteer, reading a header): linear work gives 2,
    n log n a little more, quadratic 4.  fn runs once untimed first so that one-off loading is
    not counted."""
    fn(make(1))
    s1, s2, s4 = (steps(fn, make(k * n)) for k in (1, 2, 4))
    return (s4 - s2) / max(s2 - s1, 1)
