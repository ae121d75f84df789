#!/usr/bin/env python3
"""Equivalence check for performance work on extractors/bodies.py and extractors/deadlines.py.

    python bench/bodies_equivalence.py record OUT.json [FILES...]   # run parse() on the corpus, record
                                                                    # (input -> output) of every call
    python bench/bodies_equivalence.py replay OUT.json              # call again, assert identical outputs
    python bench/bodies_equivalence.py fixture OUT.json FIXTURE.json [N]  # a small sample for tests/data/
    python bench/bodies_equivalence.py refresh FIXTURE.json         # same inputs, outputs of today's code;
                                                                    # prints the rows that changed

Recorded functions: find_bodies, split_bodies, canonical_name, collect_bodies (bodies.py),
parse_deadline, find_deadline (deadlines.py).  The recorder wraps them in their own module
and in every vanban module that imported them by name, so the inputs are the real ones the
pipeline makes (other stages may change; replaying fixed inputs checks these functions only).
`record` also prints the CPU time (time.process_time) of each document.
OCR'd PDFs are skipped (their text depends on the OCR engine and they are slow).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
#: PDFs whose pages are OCR'd (their text would come from tesseract): skipped.
OCR_PREFIXES = ("003", "014", "015", "016", "017", "018", "019", "067", "068", "070", "087", "088", "090", "094")
FUNCS = {"bodies": ("find_bodies", "split_bodies", "canonical_name", "collect_bodies"),
         "deadlines": ("parse_deadline", "find_deadline")}


def corpus_files() -> list[Path]:
    from vanban.pipeline.batch import collect_inputs
    return [f for f in collect_inputs([str(REPO / "corpus")]) if not f.name.startswith(OCR_PREFIXES)]


# ---------------------------------------------------------------- (de)serialising
def encode_out(func: str, out):
    if func == "find_bodies":
        return [[b.name, b.start, b.end, b.canonical, b.kind] for b in out]
    if func in ("split_bodies", "canonical_name"):
        return out
    if func == "collect_bodies":
        return [b.model_dump(mode="json") for b in out]
    if func == "parse_deadline":
        d, w = out
        return [d.model_dump(mode="json"), [x.model_dump(mode="json") for x in w]]
    if func == "find_deadline":
        return None if out is None else out.model_dump(mode="json")
    raise ValueError(func)


def encode_in(func: str, args, kwargs):
    if func == "collect_bodies":
        tasks, doc = (list(args) + [kwargs.get("tasks"), kwargs.get("doc")])[:2]
        return [[t.model_dump(mode="json") for t in tasks], doc.text]
    return [list(args), kwargs]


def call(func: str, inp):
    from vanban.extractors import bodies, deadlines
    from vanban.pipeline import aggregate
    mod = aggregate if func == "collect_bodies" else bodies if func in FUNCS["bodies"] else deadlines
    f = getattr(mod, func)
    if func == "collect_bodies":
        from vanban.schemas.models import Task
        tasks = [Task.model_validate(t) for t in inp[0]]
        return f(tasks, SimpleNamespace(text=inp[1]))
    args, kwargs = inp
    return f(*args, **kwargs)


# ---------------------------------------------------------------- record
def record(out_path: str, files: list[str]) -> None:
    import importlib

    from vanban.extractors import bodies, deadlines
    from vanban.pipeline.run import parse

    from vanban.pipeline import aggregate

    calls: dict[str, dict[str, object]] = {f: {} for fs in FUNCS.values() for f in fs}
    originals = {f: getattr(aggregate if f == "collect_bodies" else m, f)
                 for m, fs in ((bodies, FUNCS["bodies"]), (deadlines, FUNCS["deadlines"])) for f in fs}
    depth = [0]

    def wrap(name, fn):
        def recorder(*args, **kwargs):
            depth[0] += 1
            try:
                out = fn(*args, **kwargs)
            finally:
                depth[0] -= 1
            inp = encode_in(name, args, kwargs)
            key = json.dumps(inp, ensure_ascii=False, sort_keys=True)
            if key not in calls[name]:
                calls[name][key] = encode_out(name, out)
            return out
        return recorder

    wrapped = {f: wrap(f, fn) for f, fn in originals.items()}
    # the editable install's namespace path cannot be walked: list the folders' modules
    names = [f"vanban.{'.'.join(f.relative_to(REPO).with_suffix('').parts)}" for d in ("pipeline", "extractors", "schemas")
             for f in sorted((REPO / d).rglob("*.py"))]
    names = [n.removesuffix(".__init__") for n in names]
    for name in names:
        try:
            mod = importlib.import_module(name)
        except Exception:       # optional modules (OCR engines) may not import
            continue
        for f, fn in originals.items():
            if getattr(mod, f, None) is fn:
                setattr(mod, f, wrapped[f])

    ref = Path("/tmp/perf_ref")
    ref.mkdir(exist_ok=True)
    paths = [Path(f) for f in files] if files else corpus_files()
    for p in paths:
        t0 = time.process_time()
        try:
            js = parse(p).model_dump_json(indent=1)
        except Exception as e:     # noqa: BLE001 - a failing document is a result too
            js = json.dumps({"error": f"{type(e).__name__}: {e}"})
        dt = time.process_time() - t0
        (ref / (p.name + ".json")).write_text(js, encoding="utf-8")
        print(f"{dt:8.2f}s CPU  {p.name}", flush=True)
    table = {f: [[json.loads(k), v] for k, v in c.items()] for f, c in calls.items()}
    Path(out_path).write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    print({f: len(v) for f, v in table.items()})


# ---------------------------------------------------------------- replay
def replay(path: str) -> int:
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    bad = 0
    n = 0
    t0 = time.process_time()
    for func, rows in table.items():
        for inp, expected in rows:
            n += 1
            got = encode_out(func, call(func, inp))
            if got != expected:
                bad += 1
                if bad <= 10:
                    print(f"DIFF {func}({json.dumps(inp, ensure_ascii=False)[:200]})\n  expected {expected}\n  got      {got}")
    print(f"{n} calls replayed, {bad} differences, {time.process_time() - t0:.1f}s CPU")
    return 1 if bad else 0


def fixture(path: str, out: str, per_func: int = 150) -> None:
    """A deterministic sample of the recording (every k-th row, collect_bodies excluded: its
    inputs are whole documents) for tests/data/."""
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    small = {}
    for func, rows in table.items():
        if func == "collect_bodies":
            continue
        rows = sorted(rows, key=lambda r: json.dumps(r[0], ensure_ascii=False))
        rows = [r for r in rows if len(json.dumps(r[0], ensure_ascii=False)) < 1500]
        step = max(1, len(rows) // per_func)
        small[func] = rows[::step][:per_func]
    Path(out).write_text(json.dumps(small, ensure_ascii=False, indent=0), encoding="utf-8")
    print({f: len(v) for f, v in small.items()}, Path(out).stat().st_size, "bytes")


def refresh(path: str) -> None:
    """Re-record the outputs of a fixture's rows (inputs kept, so only the behaviour changed on
    purpose shows in its diff) and print every row that changed."""
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    changed = 0
    for func, rows in table.items():
        for row in rows:
            got = encode_out(func, call(func, row[0]))
            if got != row[1]:
                changed += 1
                print(f"CHANGED {func}({json.dumps(row[0], ensure_ascii=False)[:200]})\n  was {row[1]}\n  now {got}")
                row[1] = got
    Path(path).write_text(json.dumps(table, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{changed} rows changed")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "record":
        record(sys.argv[2], sys.argv[3:])
    elif cmd == "replay":
        sys.exit(replay(sys.argv[2]))
    elif cmd == "fixture":
        fixture(sys.argv[2], sys.argv[3], *(int(x) for x in sys.argv[4:5]))
    elif cmd == "refresh":
        refresh(sys.argv[2])
