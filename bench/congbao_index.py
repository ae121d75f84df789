"""Gazette (Công báo) PDFs against the gazette's own index: document type and identifier.

    vanban parse ../shared/pool/congbao -o OUT -w 1
    python bench/congbao_index.py OUT [--index ../shared/pool/congbao/INDEX.tsv] [-v]

INDEX.tsv gives, per file, the gazette's type name and the number read from its slug
(silver metadata: `893/qd-ttg`).  Both sides are compared case- and diacritic-folded
(đ -> d), the type by name (`Văn bản hợp nhất` = VBHN's name).  Prints the agreement
rates and, with -v, every disagreement: the index's value next to ours.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
INDEX = REPO.parent / "shared" / "pool" / "congbao" / "INDEX.tsv"


def fold(text: str | None) -> str:
    s = unicodedata.normalize("NFD", text or "").replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return "".join(s.split())


def compare(out_dir: Path, index: Path) -> list[dict]:
    rows = []
    with index.open(encoding="utf-8") as fh:
        for entry in csv.DictReader(fh, delimiter="\t"):
            name = Path(entry["file"]).name
            out = out_dir / (name + ".json")
            if not out.exists():
                out = out_dir / (Path(name).stem + ".json")
            meta = json.loads(out.read_text(encoding="utf-8"))["metadata"] if out.exists() else None
            have_type = (meta or {}).get("doc_type") or {}
            rows.append({"file": name, "want_type": entry["gazette_type"], "have_type": have_type.get("name"),
                         "want_id": entry["identifier_from_slug"], "have_id": (meta or {}).get("identifier"),
                         "parsed": meta is not None,
                         "type_ok": fold(entry["gazette_type"]) == fold(have_type.get("name")),
                         "id_ok": fold(entry["identifier_from_slug"]) == fold((meta or {}).get("identifier"))})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--index", type=Path, default=INDEX)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rows = compare(args.out_dir, args.index)
    n = len(rows)
    for label, key in (("parsed", "parsed"), ("doc type", "type_ok"), ("identifier", "id_ok")):
        k = sum(r[key] for r in rows)
        print(f"{label:12} {k}/{n} ({k / n:.3f})")
    both = sum(r["type_ok"] and r["id_ok"] for r in rows)
    print(f"{'both':12} {both}/{n} ({both / n:.3f})")
    if args.verbose:
        for r in rows:
            if not (r["type_ok"] and r["id_ok"]):
                print(f"  {r['file']}: type {r['want_type']!r} / {r['have_type']!r}; "
                      f"identifier {r['want_id']!r} / {r['have_id']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
