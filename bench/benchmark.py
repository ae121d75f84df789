#!/usr/bin/env python3
"""Benchmark: vanban end to end next to bare extraction of the same files, in one run.

    python bench/benchmark.py                  # whole corpus, all paths
    python bench/benchmark.py --paths text,pdf # some paths only
    python bench/benchmark.py --no-ocr         # skip the (slow) OCR path

Prints, for the text, PDF, DOCX and OCR paths: documents/s, pages/s, median and p95
seconds per document, peak memory (RSS of a fresh process that ran the path), and
beside each the baseline of bare extraction (pdfplumber extract_text and pypdfium2
get_text_range for PDFs, python-docx paragraphs for DOCX, reading the file for text)
with the ratio pipeline/baseline.  Then the speed-up of `parse --workers N` over 1
worker, and the peak memory of parsing the largest corpus document alone.

Figures, not assertions: nothing here fails a build.  Each path runs in its own
child process so that its peak memory is its own; the first document of a process
is parsed once untimed (loading gazetteers and patterns is a one-off cost, shown
as `warm-up`).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PATHS = ("text", "pdf", "docx", "ocr")


# ---------------------------------------------------------------- classification
def classify(corpus: Path) -> dict[str, list[str]]:
    """Sort the corpus documents into the four paths by sniffed format (OCR: PDFs whose
    text layer is missing or broken, found by parsing them once)."""
    from vanban.pipeline.batch import collect_inputs
    from vanban.pipeline.read import sniff

    groups: dict[str, list[str]] = {p: [] for p in PATHS}
    for f in collect_inputs([str(corpus)]):
        kind = sniff(f.read_bytes()[:200000])
        if kind in ("text", "json", "html"):
            groups["text"].append(str(f))
        elif kind == "docx":
            groups["docx"].append(str(f))
        elif kind == "pdf":
            groups["pdf"].append(str(f))
    return groups


def split_ocr(pdfs: list[str]) -> tuple[list[str], list[str]]:
    """Which PDFs need OCR: ask the reader's own per-page detector, without running OCR."""
    import pypdfium2 as pdfium
    from vanban.pipeline.read_pdf import page_is_broken

    text, ocr = [], []
    for p in pdfs:
        doc = pdfium.PdfDocument(p)
        n = len(doc)
        doc.close()
        (ocr if any(page_is_broken(p, i + 1) for i in range(n)) else text).append(p)
    return text, ocr


# ---------------------------------------------------------------- child process work
def _baseline_one(kind: str, path: str) -> int:
    """Bare extraction of one file; returns its page count (1 for page-less formats)."""
    if kind == "pdfplumber":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
            return len(pdf.pages)
    if kind == "pypdfium2":
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(path)
        try:
            for page in doc:
                page.get_textpage().get_text_range()
            return len(doc)
        finally:
            doc.close()
    if kind == "python-docx":
        import docx
        [p.text for p in docx.Document(path).paragraphs]
        return 1
    if kind == "read":
        Path(path).read_bytes().decode("utf-8", errors="replace")
        return 1
    raise ValueError(kind)


def run_child(mode: str, files: list[str]) -> dict:
    """In a child process: time each file, report per-file seconds, pages and peak RSS."""
    times, pages, errors = [], 0, 0
    warm = 0.0
    if mode == "vanban":
        from vanban.pipeline.errors import VanbanError
        from vanban.pipeline.run import parse
        t0 = time.perf_counter()
        try:
            parse(files[0])
        except VanbanError:
            pass
        warm = time.perf_counter() - t0
    for f in files:
        t0 = time.perf_counter()
        try:
            if mode == "vanban":
                doc = parse(f)
                pages += doc.source.pages or 1
            else:
                pages += _baseline_one(mode, f)
        except Exception:            # a failing file is counted, not hidden
            errors += 1
        times.append(time.perf_counter() - t0)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"times": times, "pages": pages, "errors": errors, "warm_up": warm, "peak_mb": rss_mb}


def child(mode: str, files: list[str]) -> dict:
    if not files:
        return {}
    out = subprocess.run([sys.executable, __file__, "--child", mode, *files],
                         capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- reporting
def summary(r: dict) -> dict:
    t = sorted(r["times"])
    total = sum(t)
    return {
        "docs": len(t), "pages": r["pages"], "seconds": total,
        "docs_s": len(t) / total if total else 0.0, "pages_s": r["pages"] / total if total else 0.0,
        "median": statistics.median(t), "p95": t[min(len(t) - 1, int(round(0.95 * (len(t) - 1))))],
        "peak_mb": r["peak_mb"], "errors": r["errors"], "warm_up": r.get("warm_up", 0.0),
    }


def fmt_row(name: str, s: dict) -> str:
    return (f"  {name:<22} {s['docs']:>4} docs {s['pages']:>5} pages  {s['docs_s']:>8.2f} docs/s "
            f"{s['pages_s']:>8.2f} pages/s  median {s['median']:.3f}s  p95 {s['p95']:.3f}s  "
            f"peak {s['peak_mb']:.0f} MB" + (f"  ({s['errors']} failed)" if s["errors"] else ""))


BASELINES = {"text": ["read"], "pdf": ["pdfplumber", "pypdfium2"], "docx": ["python-docx"],
             "ocr": ["pdfplumber"]}


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(run_child(sys.argv[2], sys.argv[3:])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(REPO / "corpus"))
    ap.add_argument("--paths", default=",".join(PATHS), help="comma-separated subset of " + ",".join(PATHS))
    ap.add_argument("--no-ocr", action="store_true", help="skip the OCR path")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    wanted = [p for p in args.paths.split(",") if p and not (args.no_ocr and p == "ocr")]

    groups = classify(Path(args.corpus))
    groups["pdf"], groups["ocr"] = split_ocr(groups["pdf"])
    cpu = platform.processor() or platform.machine()
    print(f"vanban benchmark  {time.strftime('%Y-%m-%d')}  python {platform.python_version()}  "
          f"{os.cpu_count()} cores  {cpu}")
    results = {}
    for path in wanted:
        files = groups[path]
        if not files:
            print(f"\n[{path}] no documents")
            continue
        print(f"\n[{path}] {len(files)} documents")
        ours = summary(child("vanban", files))
        print(fmt_row("vanban", ours) + f"  (warm-up {ours['warm_up']:.2f}s)")
        results[path] = {"vanban": ours}
        for base in BASELINES[path]:
            if base == "python-docx" and shutil.which(sys.executable) and not _has("docx"):
                print(f"  {base:<22} not installed (pip install python-docx) — no baseline")
                continue
            b = summary(child(base, files))
            results[path][base] = b
            ratio = ours["seconds"] / b["seconds"] if b["seconds"] else float("nan")
            print(fmt_row(base, b) + f"  ratio vanban/{base} {ratio:.2f}")

    # parallel batch: the non-OCR documents, 1 worker vs N
    from vanban.pipeline.batch import parse_many
    batch = [Path(f) for p in ("text", "pdf", "docx") if p in wanted for f in groups[p]]
    if batch and args.workers > 1:
        # warm this process first (imports, gazetteer, patterns), as each worker warms itself,
        # so that the 1-worker run is not charged the one-off start-up cost alone
        from vanban.pipeline.run import parse
        parse(str(batch[0]))
        walls = {}
        for n in (1, args.workers):
            with tempfile.TemporaryDirectory() as tmp:
                t0 = time.perf_counter()
                parse_many(batch, Path(tmp), workers=n)
                walls[n] = time.perf_counter() - t0
        print(f"\n[batch] {len(batch)} documents: 1 worker {walls[1]:.1f}s, {args.workers} workers "
              f"{walls[args.workers]:.1f}s, speed-up {walls[1] / walls[args.workers]:.2f}x")
        results["batch"] = walls

    # the largest document alone: its peak memory
    every = [f for p in wanted for f in groups[p]]
    if every:
        largest = max(every, key=lambda f: Path(f).stat().st_size)
        r = child("vanban", [largest])
        print(f"\n[largest] {Path(largest).name} ({Path(largest).stat().st_size / 1e6:.1f} MB): "
              f"peak {r['peak_mb']:.0f} MB, {sum(r['times']):.2f}s")
    return 0


def _has(module: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":
    sys.exit(main())
