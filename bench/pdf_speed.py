"""PDF text-layer speed in CPU time, one process, one run: the whole `vanban parse`, its
reading part (read_pdf) alone, and the bare extraction baselines (pypdfium2
get_text_range, pdfplumber extract_text) over the same files.

    python bench/pdf_speed.py                     # the corpus PDFs with a text layer
    python bench/pdf_speed.py FILE_OR_DIR ...     # other PDFs (PDFs with a page to OCR are left out)
    python bench/pdf_speed.py --profile [N]       # cProfile of the parse: the N costliest functions
    python bench/pdf_speed.py --no-pdfplumber     # skip the slow baseline

Prints pages/s for each and the ratios vanban/pypdfium2 and vanban/pdfplumber (issue 13:
within 3x of pypdfium2, never slower than pdfplumber).  CPU time (time.process_time):
the machine is shared, wall clock is not comparable between runs.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from benchmark import _baseline_one, split_ocr   # the same baselines as bench/benchmark.py

REPO = Path(__file__).resolve().parent.parent


def text_layer_pdfs(paths: list[str]) -> list[Path]:
    """The PDFs under `paths` whose every page has a usable text layer (the reader's own
    OCR test, without running OCR: bench/benchmark.py's split_ocr)."""
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
    return [Path(f) for f in split_ocr([str(f) for f in files])[0]]


def _pypdfium2(path: Path) -> int:
    return _baseline_one("pypdfium2", str(path))


def _pdfplumber(path: Path) -> int:
    return _baseline_one("pdfplumber", str(path))


def _read(path: Path) -> int:
    import hashlib

    from vanban.pipeline.read_pdf import read_pdf
    data = path.read_bytes()
    return read_pdf(str(path), data, hashlib.sha256(data).hexdigest()).pages


def _parse(path: Path) -> int:
    from vanban.pipeline.run import parse
    return parse(path).source.pages or 1


def cpu(fn, files: list[Path]) -> tuple[float, int]:
    """CPU seconds and pages of fn over the files."""
    pages = 0
    t0 = time.process_time()
    for f in files:
        pages += fn(f)
    return time.process_time() - t0, pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=[str(REPO / "corpus")])
    ap.add_argument("--profile", type=int, nargs="?", const=30, default=0)
    ap.add_argument("--no-pdfplumber", action="store_true")
    args = ap.parse_args()
    files = text_layer_pdfs(args.paths)
    _parse(files[0])                         # warm: imports, lexicon, patterns
    _pdfplumber(files[0]) if not args.no_pdfplumber else None
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        cpu(_parse, files)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
        return 0
    runs = {"vanban parse": _parse, "  of it read_pdf": _read, "pypdfium2 get_text_range": _pypdfium2}
    if not args.no_pdfplumber:
        runs["pdfplumber extract_text"] = _pdfplumber
    results = {name: cpu(fn, files) for name, fn in runs.items()}
    pages = results["vanban parse"][1]
    print(f"{len(files)} PDFs with a text layer, {pages} pages (CPU time)")
    for name, (secs, _) in results.items():
        print(f"  {name:<26} {secs:7.2f} s  {pages / secs:7.2f} pages/s")
    parse_s = results["vanban parse"][0]
    read_s = results["  of it read_pdf"][0]
    print(f"  rest of the parse (parse - read)  {parse_s - read_s:7.2f} s")
    print(f"  ratio vanban/pypdfium2  {parse_s / results['pypdfium2 get_text_range'][0]:.2f}x  (target <= 3)")
    if "pdfplumber extract_text" in results:
        print(f"  ratio vanban/pdfplumber {parse_s / results['pdfplumber extract_text'][0]:.2f}x  (target <= 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
