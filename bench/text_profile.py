#!/usr/bin/env python3
"""Where the text path's CPU goes: the corpus texts (the ones bench/benchmark.py times) parsed
in one process, then either timed or profiled.

    python bench/text_profile.py               # CPU seconds and MB/s (time.process_time)
    python bench/text_profile.py --profile 30  # cProfile (CPU clock), the 30 largest cumulative costs
    python bench/text_profile.py --stages      # CPU seconds of the pipeline's stages and of body matching
    python bench/text_profile.py --against REV [--rounds N]   # --stages of this tree and of git
                                               # revision REV, alternating processes: medians
    python bench/text_profile.py --questions   # the body questions (find_bodies on a part of a document):
                                               # answered from the document's index or matched again, why, by whom

The first document is parsed once untimed (loading tables). cProfile inflates code that makes
many small calls (the body matcher) about 5x: compare stages with --stages, not with --profile.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if os.environ.get("VANBAN_BENCH_ROOT"):         # a child of --against: vanban from that tree
    sys.path.insert(0, os.environ["VANBAN_BENCH_ROOT"])
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))


def text_files() -> list[str]:
    from benchmark import classify
    return classify(REPO / "corpus")["text"]


def stages(files: list[str]) -> dict[str, float]:
    """CPU seconds spent in each stage of parse() and in the body matcher, wrapped in place."""
    import vanban.extractors.bodies.find as find
    import vanban.pipeline.run as run
    spent: dict[str, float] = {}

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t0
        return wrapper

    for name in ("read", "normalise", "layout", "segment", "check_document", "build_tree_checked",
                 "extract_metadata", "find_citations", "resolve_references", "extract_tasks", "link_tasks", "run_checks",
                 "collect_bodies", "to_sections"):
        if hasattr(run, name):
            setattr(run, name, timed(name, getattr(run, name)))
    find.match_spans = timed("  body matcher (inside the stages)", find.match_spans)
    try:                                    # a tree with bodies matched once per document (index.py)
        import vanban.extractors.bodies.index as index
        index.DocumentIndex.__init__ = timed("bodies indexed (whole text, once)", index.DocumentIndex.__init__)
    except ImportError:
        pass
    for f in files:
        run.parse(f)
    return spent


def questions(files: list[str], top: int = 15) -> None:
    """The matcher questions of the texts (`match_spans` on a part of a document, asked through
    find_bodies): how many the document's index answered, how many were matched again and why
    (shorter than index.MIN_QUESTION; not a part of the document's text, e.g. a cell or a joined
    title; a part whose ends are not at a cut, or whose middle is under index.MIN_MIDDLE), with the
    CPU seconds of each outcome and the callers (the nearest frames outside extractors/bodies)."""
    import traceback
    from collections import Counter
    import vanban.extractors.bodies.find as find
    import vanban.extractors.bodies.index as index
    import vanban.pipeline.run as run
    count: Counter = Counter()
    cpu: Counter = Counter()
    callers: Counter = Counter()

    def why(text: str) -> str:
        if not index._active:
            return "no index"
        if len(text) < index.MIN_QUESTION:
            return "short"
        if index._active[-1].flat.find(index.flatten(text)) < 0:
            return "not in the text"
        return "ends not at cuts / short middle"

    def match_spans(text: str):
        t0 = time.process_time()
        for ix in reversed(index._active):
            hit = ix.match(text)
            if hit is not None:
                count["answered by the index"] += 1
                cpu["answered by the index"] += time.process_time() - t0
                return hit
        out = index._matchers().spans(text)
        reason = why(text)
        count[reason] += 1
        cpu[reason] += time.process_time() - t0
        frames = [f.name for f in traceback.extract_stack(limit=12)[:-1] if "/bodies/" not in f.filename]
        callers[(reason, " < ".join(reversed(frames[-3:])))] += 1
        return out

    find.match_spans = match_spans
    for f in files:
        run.parse(f)
    print(f"  {'outcome':<36} {'questions':>9} {'CPU s':>7}")
    for k, n in count.most_common():
        print(f"  {k:<36} {n:9d} {cpu[k]:7.2f}")
    print("  matched again, by caller:")
    for (reason, chain), n in callers.most_common(top):
        print(f"  {n:6d}  {reason:<32} {chain}")


def _child() -> None:
    """In a child process of --against: the warm-up parse, then CPU seconds per stage and in
    total (JSON on the last line of stdout)."""
    from vanban.pipeline.run import parse
    files = text_files()
    parse(files[0])
    t0 = time.process_time()
    spent = stages(files)
    spent["total"] = time.process_time() - t0
    import vanban.pipeline.run as run
    print(json.dumps({"spent": spent, "module": run.__file__}))


def against(rev: str, rounds: int) -> None:
    """--stages of this tree and of `rev` in alternating child processes; the median CPU
    seconds of each stage and of the whole, side by side."""
    from pdf_speed import _tree_of      # the same `git archive` tree as bench/pdf_speed.py --against
    with tempfile.TemporaryDirectory(prefix="text-profile-") as tmp:
        old_root = _tree_of(rev, Path(tmp))
        runs: dict[str, list[dict[str, float]]] = {rev: [], "this tree": []}
        for k in range(rounds):
            for name, root in ((rev, str(old_root)), ("this tree", "")):
                env = dict(os.environ, VANBAN_BENCH_ROOT=root)
                out = subprocess.run([sys.executable, __file__, "--child"], env=env,
                                     capture_output=True, text=True, check=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                assert r["module"].startswith(root or str(REPO)), r["module"]   # the tree it was meant to time
                runs[name].append(r["spent"])
                print(f"  round {k + 1} {name:<12} {r['spent']['total']:6.2f} CPU s  (load {os.getloadavg()[0]:.1f})")
        names = sorted({n for rs in runs.values() for r in rs for n in r},
                       key=lambda n: -statistics.median(r.get(n, 0.0) for r in runs[rev]))
        print(f"  {'median CPU s':<36} {rev[:10]:>10} {'this tree':>10}")
        for n in names:
            old, new = (statistics.median(r.get(n, 0.0) for r in runs[k]) for k in (rev, "this tree"))
            print(f"  {n:<36} {old:10.2f} {new:10.2f}  {100 * (new - old) / old if old else 0.0:+5.0f}%")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--profile", type=int, default=0, help="print the N largest cumulative costs")
    ap.add_argument("--stages", action="store_true", help="CPU seconds per stage")
    ap.add_argument("--against", metavar="REV", help="compare --stages with git revision REV")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--questions", action="store_true", help="body questions: answered by the index or matched again")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child()
        return 0
    if args.against:
        against(args.against, args.rounds)
        return 0
    from vanban.pipeline.run import parse
    files = text_files()
    parse(files[0])
    size = sum(Path(f).stat().st_size for f in files) / 1e6
    t0 = time.process_time()
    if args.stages:
        spent = stages(files)
    elif args.questions:
        questions(files)
    elif args.profile:
        prof = cProfile.Profile(time.process_time)
        prof.runcall(lambda: [parse(f) for f in files])
    else:
        for f in files:
            parse(f)
    total = time.process_time() - t0
    print(f"{len(files)} texts, {size:.2f} MB, {total:.2f} CPU s, {size / total:.3f} MB/s")
    if args.stages:
        for name, s in sorted(spent.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<36} {s:6.2f} s  {100 * s / total:4.0f}%")
    if args.profile:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
