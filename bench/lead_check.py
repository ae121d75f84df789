#!/usr/bin/env python3
"""How well the body-name self-check (pipeline/checks/names.py `name_fault`) tells bodies from
faults, on hand-labelled lead names of the pool (tests/data/lead_name_labels.tsv).

    python bench/lead_check.py            # precision and recall of the check, by name and by use
    python bench/lead_check.py --misses   # the faults it passes and the bodies it flags

A fault is a name labelled `not` (a clause, a fragment, a cut name, a thing); `list` names
(several holders in one name) are reported apart. Recall is measured on the whole labelled
set; the 100 names drawn at random from the names the check of 2852f4b passed (`random`)
show how many faults a check misses where nobody looked.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO.parent))

from vanban.pipeline.checks.names import name_fault  # noqa: E402

LABELS = REPO / "tests" / "data" / "lead_name_labels.tsv"


def labelled() -> list[dict]:
    lines = [line for line in LABELS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def score(rows: list[dict], weight: bool = False) -> dict:
    """Counts of the check against the labels; each name counted once, or once per use."""
    n = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "list_flagged": 0, "list": 0}
    for row in rows:
        w = int(row["uses"]) if weight else 1
        flagged = name_fault(row["name"]) is not None
        if row["label"] == "list":
            n["list"] += w
            n["list_flagged"] += w * flagged
            continue
        fault = row["label"] == "not"
        n[("tp" if flagged else "fn") if fault else ("fp" if flagged else "tn")] += w
    n["precision"] = n["tp"] / max(1, n["tp"] + n["fp"])
    n["recall"] = n["tp"] / max(1, n["tp"] + n["fn"])
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    rows = labelled()
    for title, weight in (("names", False), ("uses", True)):
        s = score(rows, weight)
        print(f"{title:6} faults flagged {s['tp']}/{s['tp'] + s['fn']} (recall {s['recall']:.3f}); "
              f"bodies flagged {s['fp']}/{s['fp'] + s['tn']}; precision {s['precision']:.3f}; "
              f"lists flagged {s['list_flagged']}/{s['list']}")
    if args.misses:
        for row in rows:
            why = name_fault(row["name"])
            if row["label"] == "not" and why is None:
                print("MISSED ", row["name"])
            elif row["label"] == "body" and why is not None:
                print("WRONG  ", f"({why})", row["name"])


if __name__ == "__main__":
    main()
