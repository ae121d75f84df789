"""Body matching does work linear in its input, whatever the input (issue 14: the spaCy
Matcher kept a partial match open from every start, so `'Giao ' + 'Sở '*16000` took 26 s),
and has no length limit (spaCy refused texts over 1,000,000 characters, E088).

Work is counted in steps (tests/steps.py), which are the same on every run: linear work grows
2x from 2n to 4n, quadratic 4x.  Time is measured in bench/growth.py, never asserted here.
"""
from __future__ import annotations

import pytest

from steps import growth
from vanban.extractors.bodies import find_bodies, split_bodies

#: The hostile inputs of issue 14 and names repeated without end.
INPUTS = {
    "head words": lambda n: "Giao " + "Sở " * n + "chủ trì",
    "committee words": lambda n: "Ủy ban nhân dân " * n,
    "names in a list": lambda n: "Sở Tư pháp, " * n,
    "pairs of names": lambda n: "Sở Tư pháp và Sở Nội vụ; " * n,
}
#: Linear work gives 2, quadratic 4.
MAX_GROWTH = 2.5


@pytest.mark.parametrize("func", [find_bodies, split_bodies], ids=["find_bodies", "split_bodies"])
@pytest.mark.parametrize("name", sorted(INPUTS))
def test_work_grows_linearly(name, func):
    # a text of this test's own: both functions remember their answers per text
    make = lambda n: INPUTS[name](n) + " " * (func is split_bodies)     # noqa: E731
    assert growth(make, func, 200) < MAX_GROWTH


def test_pairs_of_names_are_split_in_order():
    text = "Sở Tư pháp và Sở Nội vụ; " * 3
    assert split_bodies(text) == ["Sở Tư pháp", "Sở Nội vụ"]          # repeated names counted once
    assert [b.name for b in find_bodies(text)] == ["Sở Tư pháp", "Sở Nội vụ"] * 3


def test_the_step_count_sees_quadratic_work():
    """The measure itself: a loop inside a loop grows 4x, one loop 2x."""
    assert growth(lambda n: list(range(n)), lambda xs: [x for x in xs for _ in xs], 30) > 3.5
    assert growth(lambda n: list(range(n)), lambda xs: [x for x in xs], 30) < MAX_GROWTH


def test_no_length_limit():
    """A consolidated law can pass 1,000,000 characters: the body after it is still found, at its offset."""
    text = "x " * 600_000 + "giao Sở Tài chính chủ trì"
    spans = find_bodies(text)
    assert [(b.name, b.start) for b in spans] == [("Sở Tài chính", 1_200_005)]
