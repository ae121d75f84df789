"""OCR of scanned or broken-font PDF pages: pypdfium2 renders the page,
tesseract (`-l vie`) reads it, its TSV gives the lines and their boxes.

    ocr_pages(path, pdf, page_numbers) -> {page number: [[Line segment, ...] a row, ...]}

Tesseract's automatic page segmentation (psm 3) keeps the two header columns
(issuer | national motto) in separate blocks, so they come out as separate lines.
Unambiguous OCR confusions in the header are repaired by the named patterns below.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from vanban.lexicon import load

from . import limits
from .errors import MissingTool
from .plausibility import is_syllable
from .types import Box, Line

#: words tesseract is less sure of than this (0-100) are dropped when the whole line is unsure
MIN_LINE_CONFIDENCE = 35.0
#: words further apart than this many line heights are in different columns
SEGMENT_GAP = 2.0

INSTALL_HINT = ("scanned pages need OCR: install tesseract-ocr and tesseract-ocr-vie "
                "(apt-get install tesseract-ocr tesseract-ocr-vie)")

# --- header repairs (each unambiguous in the Decree-30 header) ----------------
#: "S6:", "Sô:", "So:", "S0:" at the start of the number line -> "Số:"  (corpus/014 'S6: /QD-XPVPHC')
NUMBER_LABEL = re.compile(r"^\s*S[6ôóòoO0ỗốồổ][:;.]")
#: "QD-" / "QÐ-" (Icelandic eth) after a slash inside a symbol -> "QĐ-"  ('/QD-XPVPHC', '/QÐ-UBND')
DECISION_CODE = re.compile(r"(?<=/)\s*Q[DÐ]\s*-(?=\s*[A-ZĐ])")
#: "ND-CP" / "NÐ-CP" inside a symbol -> "NĐ-CP"  ('91/2019/ND-CP')
DECREE_CODE = re.compile(r"(?<=/)N[DÐ]-CP\b")
#: the Icelandic capital eth tesseract sometimes gives for Đ ('ÐỘC LẬP')
ETH = re.compile(r"Ð")
#: "QĐĐ-" with the Đ doubled inside a symbol -> "QĐ-"  (corpus/017 OCR 'Số:1050 /QĐĐ-SCT')
DOUBLED_D = re.compile(r"(?<=/)QĐĐ-")
#: a word (letters only), for the vowel-mark swaps of data/ocr_confusions.yaml
WORD = re.compile(r"[^\W\d_]+")

REPAIRS: list[tuple[re.Pattern, str]] = [
    (NUMBER_LABEL, "Số:"),
    (DECISION_CODE, "QĐ-"),
    (DECREE_CODE, "NĐ-CP"),
    (ETH, "Đ"),
    (DOUBLED_D, "QĐ-"),
]


def repair(text: str) -> str:
    """Apply the named OCR repairs and the vowel-mark swaps to one line."""
    for pattern, replacement in REPAIRS:
        text = pattern.sub(replacement, text)
    return WORD.sub(_swap_marks, text)


@lru_cache(maxsize=1)
def _swaps() -> dict[str, str]:
    data = load("ocr_confusions.yaml")
    return data["swaps"]


def _swap_marks(m: re.Match) -> str:
    """'QUYÉT' -> 'QUYẾT': a non-syllable with exactly one swap that makes it a syllable."""
    word = m.group()
    swaps = _swaps()
    if not any(ch in swaps for ch in word) or is_syllable(word):
        return word
    variants = {word[:i] + swaps[ch] + word[i + 1:] for i, ch in enumerate(word) if ch in swaps}
    valid = [v for v in variants if is_syllable(v)]
    return valid[0] if len(valid) == 1 else word


@lru_cache(maxsize=1)
def _tesseract() -> str | None:
    """The tesseract executable, if it is installed with the Vietnamese model."""
    exe = shutil.which("tesseract")
    if not exe:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if "vie" not in (langs.stdout + langs.stderr).split():
        return None
    return exe


def available() -> bool:
    """True when tesseract and its `vie` model are installed."""
    return _tesseract() is not None


def ocr_pages(path: str, pdf, page_numbers: list[int]) -> dict[int, list[list[Line]]]:
    """OCR the given 1-based pages of an open pypdfium2 document."""
    exe = _tesseract()
    if exe is None:
        raise MissingTool(path, INSTALL_HINT)
    settings = limits.current()       # resolution, page segmentation, page cap (pipeline/limits.py)
    if settings.ocr_max_pages > 0:
        page_numbers = page_numbers[:settings.ocr_max_pages]
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
        images = []
        for n in page_numbers:           # rendering is not thread-safe in pdfium: one by one
            page = pdf[n - 1]
            image = page.render(scale=settings.ocr_dpi / 72, grayscale=True).to_pil()
            png = os.path.join(tmp, f"p{n}.png")
            image.save(png)
            images.append((n, png))
        workers = min(2, os.cpu_count() or 1, len(images)) or 1
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = pool.map(lambda item: (item[0], _ocr_image(exe, item[1], item[0], settings)), images)
            return dict(results)


def _ocr_image(exe: str, png: str, page: int, settings: limits.Limits) -> list[list[Line]]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.run([exe, png, "stdout", "-l", "vie", "--psm", str(settings.ocr_psm), "tsv"],
                          capture_output=True, text=True, env=env, timeout=600)
    if proc.returncode != 0:
        raise MissingTool(png, f"tesseract failed: {proc.stderr.strip()[:200]}")
    return lines_from_tsv(proc.stdout, page, 72 / settings.ocr_dpi)


def lines_from_tsv(tsv: str, page: int, scale: float) -> list[list[Line]]:
    """Tesseract TSV (one row a word) -> rows, each row its segments (a line split
    where words stand further apart than twice the line height: two header columns
    that tesseract put on one line), boxes in PDF points, in tesseract's order."""
    lines: dict[tuple[int, int, int], list[tuple[str, float, int, int, int, int]]] = {}
    order: list[tuple[int, int, int]] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") != "5" or not (row.get("text") or "").strip():
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        if key not in lines:
            lines[key] = []
            order.append(key)
        lines[key].append((row["text"], float(row["conf"]), int(row["left"]), int(row["top"]),
                           int(row["width"]), int(row["height"])))
    out = []
    for key in order:
        words = lines[key]
        if sum(w[1] for w in words) / len(words) < MIN_LINE_CONFIDENCE and len(words) < 4:
            continue                      # seal, stamp or speckle read as letters
        height = sorted(w[5] for w in words)[len(words) // 2]
        groups, cur = [], [words[0]]
        for prev, w in zip(words, words[1:]):
            if w[2] - (prev[2] + prev[4]) > SEGMENT_GAP * height:
                groups.append(cur)
                cur = []
            cur.append(w)
        groups.append(cur)
        out.append([_segment(g, page, scale) for g in groups])
    return out


def _segment(words, page: int, scale: float) -> Line:
    text = repair(" ".join(w[0] for w in words))
    x0 = min(w[2] for w in words) * scale
    top = min(w[3] for w in words) * scale
    x1 = max(w[2] + w[4] for w in words) * scale
    bottom = max(w[3] + w[5] for w in words) * scale
    return Line(text=text, page=page, box=Box(x0, top, x1, bottom))
