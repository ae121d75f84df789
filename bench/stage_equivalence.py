#!/usr/bin/env python3
"""Stage equivalence: the outputs of read+normalise, layout, tree and citation finding,
dumped for every corpus document that needs no OCR, compared with a reference dump.

    python bench/stage_equivalence.py dump /tmp/perf2_ref      # write the reference
    python bench/stage_equivalence.py check /tmp/perf2_ref     # recompute, compare, exit 1 on a difference
    python bench/stage_equivalence.py check /tmp/perf2_ref 069 009   # only these documents
    PYTHONPATH=/tmp/old python bench/stage_equivalence.py dump /tmp/ref2 088 090   # a reference from old code

Speed work on the readers and early stages must leave these outputs IDENTICAL (text,
order, pages, boxes, flags).  Each document also records the CPU time of the stages.
"""
from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
#: documents whose PDFs need OCR (scans, broken text layers): not compared
OCR_DOCS = {"003", "014", "015", "016", "017", "018", "019", "067", "068", "070", "087", "088", "090", "094"}


def documents(only: list[str]) -> list[Path]:
    out = []
    for f in sorted(CORPUS.iterdir()):
        if not f.is_file() or f.name == "MANIFEST.tsv":
            continue
        if only:
            if f.name[:3] not in only:      # documents named on the command line: taken even if listed in OCR_DOCS
                continue
        elif f.name[:3] in OCR_DOCS:
            continue
        out.append(f)
    return out


def _node(n) -> dict:
    return {"path": n.path, "marker": n.marker, "title": n.title, "text": n.text, "page": n.page,
            "children": [_node(c) for c in n.children]}


def stages(path: Path) -> dict:
    from vanban.extractors.references import find_citations
    from vanban.pipeline.layout import layout
    from vanban.pipeline.normalise import normalise
    from vanban.pipeline.read import read
    from vanban.pipeline.tree import build_tree_checked

    t0 = time.process_time()
    raw = normalise(read(str(path)))
    t1 = time.process_time()
    doc = layout(raw)
    tree, warnings = build_tree_checked(doc)
    t2 = time.process_time()
    cits = find_citations(doc, tree)
    t3 = time.process_time()
    return {
        "items": [{"kind": type(it).__name__, **dataclasses.asdict(it)} for it in raw.items],
        "raw_warnings": [w.model_dump() for w in raw.warnings],
        "ocr_pages": raw.ocr_pages,
        "laid_out_text": doc.text,
        "tree": [_node(n) for n in tree],
        "tree_warnings": [w.model_dump() for w in warnings],
        "citations": [repr(c) for c in cits],
        "_cpu": {"read+normalise": t1 - t0, "layout+tree": t2 - t1, "citations": t3 - t2},
    }


def _diff(a, b, where: str = "") -> str | None:
    """The first place two dumps differ, or None."""
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict):
        if a.keys() != b.keys():
            return f"{where}: keys {sorted(a)} != {sorted(b)}"
        for k in a:
            d = _diff(a[k], b[k], f"{where}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = _diff(x, y, f"{where}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{where}: length {len(a)} != {len(b)}"
        return None
    return None if a == b else f"{where}: {a!r} != {b!r}"


def main(argv: list[str]) -> int:
    mode, folder, only = argv[0], Path(argv[1]), argv[2:]
    folder.mkdir(parents=True, exist_ok=True)
    failed = 0
    total = {}
    for f in documents(only):
        got = stages(f)
        cpu = got.pop("_cpu")
        ref_file = folder / f"{f.name}.json"
        if mode == "dump":
            ref_file.write_text(json.dumps(got, ensure_ascii=False, indent=0))
            status = "dumped"
        else:
            ref = json.loads(ref_file.read_text())
            d = _diff(ref, json.loads(json.dumps(got, ensure_ascii=False)))
            status = "IDENTICAL" if d is None else f"DIFFERENT {d[:300]}"
            failed += d is not None
        for k, v in cpu.items():
            total[k] = total.get(k, 0.0) + v
        print(f"{f.name[:60]:60s} " + " ".join(f"{k}={v*1000:7.1f}ms" for k, v in cpu.items()) + f"  {status}",
              flush=True)
    print("total CPU: " + " ".join(f"{k}={v:.2f}s" for k, v in total.items()))
    if mode == "check":
        print("ALL IDENTICAL" if not failed else f"{failed} document(s) DIFFERENT")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
