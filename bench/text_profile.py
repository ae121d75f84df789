#!/usr/bin/env python3
"""Where the text path's CPU goes: the corpus texts (the ones bench/benchmark.py times) parsed
in one process, then either timed or profiled.

    python bench/text_profile.py               # CPU seconds and MB/s (time.process_time)
    python bench/text_profile.py --profile 30  # cProfile (CPU clock), the 30 largest cumulative costs
    python bench/text_profile.py --stages      # CPU seconds of the pipeline's stages and of body matching

The first document is parsed once untimed (loading tables). cProfile inflates code that makes
many small calls (the body matcher) about 5x: compare stages with --stages, not with --profile.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

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
                 "extract_metadata", "find_citations", "resolve_references", "extract_tasks", "link_tasks",
                 "collect_bodies", "to_sections"):
        if hasattr(run, name):
            setattr(run, name, timed(name, getattr(run, name)))
    find.match_spans = timed("  body matcher (inside the stages)", find.match_spans)
    for f in files:
        run.parse(f)
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--profile", type=int, default=0, help="print the N largest cumulative costs")
    ap.add_argument("--stages", action="store_true", help="CPU seconds per stage")
    args = ap.parse_args()
    from vanban.pipeline.run import parse
    files = text_files()
    parse(files[0])
    size = sum(Path(f).stat().st_size for f in files) / 1e6
    t0 = time.process_time()
    if args.stages:
        spent = stages(files)
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
