"""Row precision and recall of ruled PDF tables against hand-written rows.

    python bench/pdf_tables.py                 # every set in tests/data/pdf_tables/
    python bench/pdf_tables.py NAME ... -v     # some sets, with the rows that failed

Each `tests/data/pdf_tables/<name>.json` names a PDF (repository-relative), the
table (`header`: words its first row holds), optionally a page range, the columns
that hold the row number, the description and the lead (chủ trì), and the rows a
reader of the rendered pages wrote down: `{"row": "1.1", "description": "first
words", "lead": "first words"}` (`lead` null: not checked, "" for an empty cell).

A row of the reader's table matches an expected row when its number is the same
(trailing dots ignored), its description starts with the expected words and its
lead cell starts with the expected lead (case, tone marks and punctuation folded).
Predicted rows are the table's rows after its leading header rows; a header printed
again inside the table, a line cut into a row of its own, or two rows run together
all count against precision or recall.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETS = REPO / "tests" / "data" / "pdf_tables"


def fold(text: str) -> str:
    from vanban.pipeline.normalise import fold_key
    return " ".join(re.sub(r"[^\w/]+", " ", fold_key(text or "")).split())


def _number(cell: str) -> str:
    return cell.strip().rstrip(".").strip()


def tables_of(pdf: Path) -> list:
    from vanban.pipeline.read_pdf import read_pdf
    from vanban.pipeline.types import Table
    raw = read_pdf(str(pdf), pdf.read_bytes(), "")
    return [it for it in raw.items if isinstance(it, Table)]


def predicted_rows(spec: dict, tables: list) -> list[list[str]]:
    """The data rows of the tables whose first row holds spec['header'], within the pages."""
    want = fold(spec["header"])
    lo, hi = spec.get("pages", [0, 10 ** 6])
    out: list[list[str]] = []
    for table in tables:
        if want not in fold(" ".join(table.rows[0])):
            continue
        start = _first_data_row(table.rows)
        for row, page in list(zip(table.rows, table.row_pages or [table.page] * len(table.rows)))[start:]:
            if page is None or lo <= page <= hi:
                out.append(row)
    return out


def _first_data_row(rows: list[list[str]]) -> int:
    """Header rows lead the table: the run of rows whose first cell is a column name
    ('STT', 'TT') or empty, and the numbering row '1 | 2 | 3 ...' under them."""
    k = 0
    while k < len(rows) and k < 3:
        first = fold(rows[k][0])
        numbering = all(fold(c).strip("()") == str(i + 1) for i, c in enumerate(rows[k]) if c.strip())
        if first in ("tt", "stt", "so tt", "") or (numbering and len(rows[k]) > 2):
            k += 1
            continue
        break
    return k


def score(spec: dict, rows: list[list[str]]) -> dict:
    cols = spec["columns"]
    used: set[int] = set()
    hits, misses = 0, []
    for want in spec["rows"]:
        found = None
        for i, row in enumerate(rows):
            if i in used or _number(row[cols["row"]]) != _number(want["row"]):
                continue
            if not fold(row[cols["description"]]).startswith(fold(want["description"])):
                continue
            lead = want.get("lead")
            if lead is not None and "lead" in cols:
                have = fold(row[cols["lead"]])
                if not (have.startswith(fold(lead)) if lead else have == ""):
                    continue
            found = i
            break
        if found is None:
            misses.append(want)
        else:
            used.add(found)
            hits += 1
    extra = [row for i, row in enumerate(rows) if i not in used]
    precision = hits / len(rows) if rows else 0.0
    recall = hits / len(spec["rows"]) if spec["rows"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"expected": len(spec["rows"]), "predicted": len(rows), "matched": hits,
            "precision": precision, "recall": recall, "f1": f1, "missed": misses, "extra": extra}


def load_sets(names: list[str] | None = None) -> dict[str, dict]:
    out = {}
    for path in sorted(SETS.glob("*.json")):
        if not names or path.stem in names:
            out[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return out


def run(name: str, spec: dict) -> dict:
    return score(spec, predicted_rows(spec, tables_of(REPO / spec["pdf"])))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    print(f"{'table':44} {'exp':>4} {'pred':>4} {'ok':>4} {'P':>6} {'R':>6} {'F1':>6}")
    tot = {"expected": 0, "predicted": 0, "matched": 0}
    for name, spec in load_sets(args.names).items():
        r = run(name, spec)
        for k in tot:
            tot[k] += r[k]
        print(f"{name:44} {r['expected']:4} {r['predicted']:4} {r['matched']:4} "
              f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
        if args.verbose:
            for m in r["missed"]:
                print(f"    missed {m['row']!r}: {m['description'][:50]!r} / {m.get('lead')!r}")
            for row in r["extra"]:
                print("    extra  " + " | ".join(c[:30] for c in row))
    p = tot["matched"] / tot["predicted"] if tot["predicted"] else 0.0
    rc = tot["matched"] / tot["expected"] if tot["expected"] else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    print(f"{'all (pooled)':44} {tot['expected']:4} {tot['predicted']:4} {tot['matched']:4} {p:6.3f} {rc:6.3f} {f1:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
