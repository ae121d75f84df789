"""Document or not: precision and recall of vanban's acceptance on the pool.

    python bench/genre.py [--full] [--json OUT] DOCS_DIR NOT_DOCS_DIR

Positive class: "is an administrative document".  A file counts as accepted when
`vanban.pipeline.parse` returns (with --full) or when the genre check after the segment
stage passes (default: read -> normalise -> layout -> segment -> check_document, fast).
Labels come from the folder, corrected by bench/genre_relabel.tsv (file, label, why):
the pool's README says its genre labels come from rules and asks to report files that
are what the other folder says.  With --full, a non-document that is accepted is also
checked for invented content: a document date or tasks.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def relabels() -> dict[str, tuple[str, str]]:
    path = HERE / "genre_relabel.tsv"
    if not path.exists():
        return {}
    rows = csv.reader((ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")),
                      delimiter="\t")
    return {r[0]: (r[1], r[2]) for r in rows}


def judge(path: str, full: bool) -> tuple[bool, str, dict]:
    """(accepted, reason if rejected, invented content of an accepted file)."""
    from vanban.pipeline.errors import VanbanError
    try:
        if full:
            from vanban.pipeline.run import parse
            doc = parse(path)
            return True, "", {"date": doc.metadata.date, "tasks": len(doc.tasks)}
        from vanban.pipeline.genre import check_document
        from vanban.pipeline.layout import layout
        from vanban.pipeline.normalise import normalise
        from vanban.pipeline.read import read
        from vanban.pipeline.segment import segment
        check_document(segment(layout(normalise(read(path)))))
        return True, "", {}
    except VanbanError as exc:
        return False, exc.reason, {}
    except Exception as exc:            # an internal error counts as a rejection, and is listed
        return False, f"INTERNAL {type(exc).__name__}: {exc}", {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs")
    ap.add_argument("not_docs")
    ap.add_argument("--full", action="store_true", help="run the whole parse (slow) and count invented content")
    ap.add_argument("--json", help="write every file's verdict here")
    args = ap.parse_args()
    fix = relabels()
    rows = []
    for folder, label in ((args.docs, "document"), (args.not_docs, "not")):
        for p in sorted(Path(folder).iterdir()):
            if not p.is_file():
                continue
            truth = fix.get(p.name, (label, ""))[0]
            ok, reason, made = judge(str(p), args.full)
            rows.append({"file": p.name, "folder": label, "truth": truth, "accepted": ok, "reason": reason, **made})
    tp = sum(r["accepted"] and r["truth"] == "document" for r in rows)
    fp = sum(r["accepted"] and r["truth"] == "not" for r in rows)
    fn = sum(not r["accepted"] and r["truth"] == "document" for r in rows)
    invented = [r for r in rows if r["truth"] == "not" and r["accepted"] and (r.get("date") or r.get("tasks"))]
    print(f"files {len(rows)}  documents {tp + fn}  not {len(rows) - tp - fn}  relabelled {len(fix)}")
    print(f"precision {tp / max(tp + fp, 1):.3f}  recall {tp / max(tp + fn, 1):.3f}  (tp {tp}, fp {fp}, fn {fn})")
    if args.full:
        print(f"non-documents accepted with a date or tasks: {len(invented)} "
              f"(dates {sum(bool(r.get('date')) for r in invented)}, tasks {sum(r.get('tasks', 0) for r in invented)})")
    for r in rows:
        if r["accepted"] != (r["truth"] == "document") or r["reason"].startswith("INTERNAL"):
            print(f"  {'FP' if r['accepted'] else 'FN'} {r['file']} ({r['truth']}): {r['reason'][:160]}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
