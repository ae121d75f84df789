"""Recorded real calls of the bodies and deadlines extractors must give the recorded results.

tests/data/bodies_deadlines_calls.json holds (input -> output) pairs of find_bodies,
split_bodies, canonical_name, parse_deadline and find_deadline, recorded while parsing the
corpus (`python bench/bodies_equivalence.py record ...`, then `fixture`).  It guards the
performance work on extractors/bodies.py and extractors/deadlines.py (memoising, token
tables, matching windows): the results must not change.  When behaviour is changed on
purpose, record the fixture again and review its diff.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
sys.path.insert(0, str(REPO / "bench"))
from bodies_equivalence import call, encode_out  # noqa: E402

TABLE = json.loads((REPO / "tests" / "data" / "bodies_deadlines_calls.json").read_text(encoding="utf-8"))
ROWS = [(func, inp, out) for func, rows in TABLE.items() for inp, out in rows]


@pytest.mark.parametrize("func", sorted(TABLE))
def test_recorded_calls_give_recorded_results(func):
    rows = [(inp, out) for f, inp, out in ROWS if f == func]
    assert rows
    bad = [(inp, out, got) for inp, out in rows if (got := encode_out(func, call(func, inp))) != out]
    assert not bad, f"{len(bad)} of {len(rows)} differ; first: {bad[0]}"


def test_memoised_results_are_copies():
    """A caller editing a result must not change what the next caller gets."""
    from vanban.extractors.bodies import find_bodies, split_bodies
    from vanban.extractors.deadlines import find_deadline, parse_deadline

    text = "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính"
    first = find_bodies(text)
    first[0].name = "x"
    first.clear()
    assert [b.name for b in find_bodies(text)] == ["Sở Khoa học và Công nghệ", "Sở Tài chính"]
    names = split_bodies("Sở Tài chính, Sở Nội vụ")
    names.append("x")
    assert split_bodies("Sở Tài chính, Sở Nội vụ") == ["Sở Tài chính", "Sở Nội vụ"]
    d, w = parse_deadline("Quý IV/2024")
    d.reference = "ref-1"
    assert parse_deadline("Quý IV/2024")[0].reference is None
    d = find_deadline("báo cáo UBND tỉnh trước ngày 15/12/2026")
    d.reference = "ref-1"
    assert find_deadline("báo cáo UBND tỉnh trước ngày 15/12/2026").reference is None
