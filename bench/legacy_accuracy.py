"""Legacy-encoding accuracy of the readers on /work/shared/legacy-encodings.

    python bench/legacy_accuracy.py [--root DIR] [--verbose]

For every `ready` document of PROVENANCE.md whose format vanban reads (.doc,
.rtf, .docx), read it with vanban's own reader and compare the text with the
ground-truth transcript:

  diacritic accuracy  of the transcript's characters that carry a diacritic
                      (a combining mark under NFD, or đ/Đ), the share the
                      reader reproduces exactly at the aligned position
  character accuracy  the same over every non-space character

Both sides are NFC-normalised and their whitespace folded to single spaces;
the alignment is difflib's, word by word first, then character by character
inside the words that differ.  Figures are given per encoding (tcvn3, vni,
tcvn3+vni), exact and ignoring case (TCVN3 '.VnTimeH' headings are typed in
lowercase and drawn as capitals: vanban prints the capitals, some transcripts
kept the lowercase).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from vanban.pipeline.errors import VanbanError
from vanban.pipeline.evaluate_text import fold, score
from vanban.pipeline.read import read
from vanban.pipeline.types import Table

DEFAULT_ROOT = Path("/work/shared/legacy-encodings")
READABLE = {".doc", ".rtf", ".docx", ".dot"}
#: a PROVENANCE.md file row: | `2003-A04.rtf` | source | retrieved | publisher | basis | tcvn3 | ready | notes |
ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|(?:[^|]*\|){4}\s*([^|]+?)\s*\|\s*(\w[\w-]*)\s*\|")


def document_text(path: Path) -> tuple[str, str | None]:
    raw = read(path)
    parts = []
    for it in raw.items:
        if isinstance(it, Table):
            parts.extend(" ".join(r) for r in it.rows)
        else:
            parts.append(it.text)
    return "\n".join(parts), raw.legacy_encoding


def ready_documents(root: Path) -> list[tuple[Path, str, Path]]:
    docs = []
    for line in (root / "PROVENANCE.md").read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if not m or m.group(3) != "ready":
            continue
        name, encoding = m.group(1), m.group(2).strip()
        if Path(name).suffix.lower() not in READABLE:
            continue
        found = list((root / "corpus").rglob(name))
        gt = root / "ground-truth" / (Path(name).stem + ".txt")
        if not gt.exists():
            gt = root / "ground-truth" / (name + ".txt")
        docs.append((found[0] if found else root / "corpus" / name, encoding, gt))
    return docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    totals: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    missing, failed = [], []
    t0 = time.time()
    for path, encoding, gt in ready_documents(args.root):
        if not path.exists() or not gt.exists():
            missing.append(path.name)
            continue
        try:
            text, detected = document_text(path)
        except VanbanError as exc:
            failed.append(f"{path.name}: {exc.reason}")
            continue
        gold_text = gt.read_text(encoding="utf-8", errors="replace")
        for case in ("exact", "nocase"):
            g, p = fold(gold_text), fold(text)
            if case == "nocase":
                g, p = g.lower(), p.lower()
            s = score(g, p)
            for key in (encoding, "all"):
                for k, v in s.items():
                    totals[(key, case)][k] += v
                totals[(key, case)]["docs"] += 1
            if args.verbose and case == "exact":
                print(f"{path.name:60s} {encoding:10s} {detected or '-':10s} "
                      f"dia {s['dia_ok'] / max(s['dia'], 1):.4f}  chars {s['chars_ok'] / max(s['chars'], 1):.4f}")
    print(f"{'encoding':12s} {'case':7s} {'docs':>5s} {'diacritic':>10s} {'character':>10s}")
    for (enc, case), t in sorted(totals.items()):
        print(f"{enc:12s} {case:7s} {t['docs']:5d} {t['dia_ok'] / max(t['dia'], 1):10.4f} "
              f"{t['chars_ok'] / max(t['chars'], 1):10.4f}")
    if missing:
        print(f"not scored (file or transcript absent): {len(missing)}: {', '.join(missing[:6])}"
              + (" ..." if len(missing) > 6 else ""))
    for f in failed:
        print("FAILED", f)
    print(f"{time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
