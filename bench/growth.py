#!/usr/bin/env python3
"""Time growth of the hostile inputs of issue 14, next to a linear baseline in the same run.

    python bench/growth.py [--n-min-seconds 0.05]

For each case: the best of three CPU times at n and at 4n, their ratio, and the ratio of a
plain linear pass over the same input (pickling it) as the baseline.  Linear code grows about
as the baseline does (about 4x); quadratic code about 16x.  The tests count steps instead
(tests/steps.py), which cannot see a long string copied or a regex backtracking: this run can.
Figures, not assertions: the exit status is 1 only when a ratio passes --fail-above (default 9).
"""
from __future__ import annotations

import argparse
import pickle
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))


def cases():
    """name -> (make(n), run(arg)): the inputs of tests/test_bodies_linear.py and tests/test_linear_time.py."""
    import test_linear_time as lt
    from conftest import CORPUS
    from test_bodies_linear import INPUTS
    from vanban.extractors.bodies import find_bodies, split_bodies
    from vanban.lexicon.citations import UNPARSED_RE
    from vanban.pipeline import parse
    from vanban.pipeline.link import link_tasks
    from vanban.pipeline.text_table import find_column_tables

    out = {}
    for name, make in INPUTS.items():
        out[f"find_bodies: {name}"] = (make, find_bodies)
        out[f"split_bodies: {name}"] = (lambda n, make=make: make(n) + " ", split_bodies)
    out["citation number of n digits"] = (lambda n: " số " + "1" * n, UNPARSED_RE.match)
    out["link n tasks to n citations"] = (lt._tasks_and_references, lambda p: link_tasks(p[0], p[1]))
    header = "TT        Nội dung công việc        Đơn vị chủ trì        Thời hạn"
    row = "  1       Rà soát văn bản               Sở Tư pháp            Quý I"
    out["column tables of n header lines"] = (lambda n: [header, row] * n, find_column_tables)
    text = (CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt").read_text(encoding="utf-8")
    head = re.split(r"\n\s*I\.\s", text, maxsplit=1)[0] + "\n\n"
    out["parse: header + 'Giao Sở Sở ...'"] = (lambda n: (head + "Giao " + "Sở " * n + "chủ trì").encode(), parse)
    return out


def best(fn, arg, fresh) -> float:
    """Best of three CPU times; `fresh` makes a new argument each time (results are memoised per text)."""
    times = []
    for k in range(3):
        a = fresh(arg, k)
        t = time.process_time()
        fn(a)
        times.append(time.process_time() - t)
    return max(min(times), 1e-6)


def fresh(arg, k):
    if isinstance(arg, str):
        return arg + " " * k
    if isinstance(arg, bytes):
        return arg + b" " * k
    return arg


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-seconds", type=float, default=0.05, help="grow n until one run takes this long")
    ap.add_argument("--fail-above", type=float, default=9.0)
    args = ap.parse_args(argv)
    worst = 0.0
    print(f"{'case':44} {'n':>7} {'t(n) s':>8} {'t(4n) s':>8} {'ratio':>6} {'baseline':>8}")
    for name, (make, run) in cases().items():
        run(make(1))                                   # one-off loading, not timed
        n = 500
        small = best(run, make(n), fresh)
        while small < args.min_seconds and n < 1_000_000:
            n *= 2
            small = best(run, make(n), fresh)
        large = best(run, make(4 * n), fresh)
        base = best(pickle.dumps, make(4 * n), fresh) / best(pickle.dumps, make(n), fresh)
        worst = max(worst, large / small)
        print(f"{name:44} {n:7} {small:8.3f} {large:8.3f} {large / small:6.2f} {base:8.2f}")
    print(f"worst ratio {worst:.2f} (linear about 4, quadratic about 16)")
    return 1 if worst > args.fail_above else 0


if __name__ == "__main__":
    sys.exit(main())
