#!/usr/bin/env python3
"""Equivalence check for performance work on extractors/bodies.py, tasks.py, table_tasks.py
and pipeline/link.py: the OLD copies (a folder holding bodies.py, tasks.py, table_tasks.py,
link.py as they were) against the files in the repo, on the SAME upstream objects.

    python bench/tasks_equivalence.py OLD_DIR [FILES...]

For every non-OCR corpus document (or FILES), read -> normalise -> layout -> tree -> metadata
-> references run ONCE; then extract_tasks, link_tasks and collect_bodies run from the old
modules and from the new ones, each on its own deep copy of those objects, and the
model_dump() of tasks and bodies must be identical.  The old modules are loaded under their
real package names (so their relative imports resolve to each other) by swapping them in
sys.modules, then the new ones are put back.  Prints CPU ms of the three calls, old vs new.
"""
from __future__ import annotations

import copy
import importlib.util
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from bodies_equivalence import corpus_files  # noqa: E402

NAMES = {"bodies": "vanban.extractors.bodies", "table_tasks": "vanban.extractors.table_tasks",
         "tasks": "vanban.extractors.tasks", "link": "vanban.pipeline.link"}


def load_old(folder: Path) -> dict:
    """The old modules, loaded from `folder` under their package names, then sys.modules restored."""
    import vanban.pipeline.run  # noqa: F401  (new modules imported first)
    saved = {n: sys.modules[n] for n in NAMES.values()}
    old = {}
    try:
        for short in ("bodies", "table_tasks", "tasks", "link"):      # dependency order
            name = NAMES[short]
            spec = importlib.util.spec_from_file_location(name, folder / f"{short}.py")
            mod = importlib.util.module_from_spec(spec)
            sys.modules[name] = mod
            spec.loader.exec_module(mod)
            old[short] = mod
    finally:
        sys.modules.update(saved)
    return old


def run(mods, doc, tree, metadata, references):
    doc, tree, metadata, references = copy.deepcopy((doc, tree, metadata, references))
    t0 = time.process_time()
    tasks, warnings = mods["tasks"].extract_tasks(doc, tree, metadata)
    mods["link"].link_tasks(tasks, references, doc)
    bodies = mods["bodies"].collect_bodies(tasks, doc)
    ms = (time.process_time() - t0) * 1000
    return ([t.model_dump() for t in tasks], [w.model_dump() for w in warnings],
            [b.model_dump() for b in bodies], [r.model_dump() for r in references]), ms


def main(argv: list[str]) -> int:
    from vanban.extractors.metadata import extract_metadata
    from vanban.extractors.references import find_citations
    from vanban.pipeline.layout import layout
    from vanban.pipeline.normalise import normalise
    from vanban.pipeline.read import read
    from vanban.pipeline.resolve import resolve_references
    from vanban.pipeline.tree import build_tree_checked

    old = load_old(Path(argv[0]))
    new = {k: sys.modules[v] for k, v in NAMES.items()}
    files = [Path(f) for f in argv[1:]] or corpus_files()
    bad = 0
    for f in files:
        raw = normalise(read(str(f)))
        doc = layout(raw)
        tree, _ = build_tree_checked(doc)
        metadata, _ = extract_metadata(doc, tree)
        references, _ = resolve_references(find_citations(doc, tree), doc, metadata)
        a, ms_old = run(old, doc, tree, metadata, references)
        b, ms_new = run(new, doc, tree, metadata, references)
        same = a == b
        bad += not same
        print(f"{'same' if same else 'DIFF'} {ms_old:8.1f} {ms_new:8.1f} ms  {f.name}", flush=True)
    print(f"{len(files)} documents, {len(files) - bad} identical, {bad} different")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
