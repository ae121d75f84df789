"""Bounds on every document: what one input may cost before it is refused.

    current() -> Limits           (the limits in force in this process)
    use(limits) -> None           (set them: the batch worker does, from the command line)

Each limit has a flag of `vanban parse` and an environment variable (which a child
process inherits); a value of 0 means no limit.

| limit | default | flag | variable | refused as |
|---|---|---|---|---|
| file size | 200 MB | `--max-bytes` | VANBAN_MAX_BYTES | `too_large` |
| characters of text | 5,000,000 | `--max-chars` | VANBAN_MAX_CHARS | `too_large` |
| unzipped size of a .docx (from the ZIP directory, before reading) | 100 MB | `--max-unzipped` | VANBAN_MAX_UNZIPPED | `too_large` |
| pages of a PDF | 2,000 | `--max-pages` | VANBAN_MAX_PAGES | `too_large` |
| time per document, in CPU seconds (4x on the clock) | 60 s + 3 s a page | `--timeout` | VANBAN_TIMEOUT | `timeout` (batch) |
| memory per worker | 1,536 MB | `--max-memory` | VANBAN_MAX_MEMORY | `too_large` (batch) |

The OCR settings travel with them (they bound what a scanned page costs):
| setting | default | flag | variable |
|---|---|---|---|
| rendering resolution for OCR | 300 dpi | `--ocr-dpi` | VANBAN_OCR_DPI |
| Tesseract page segmentation mode | 3 | `--ocr-psm` | VANBAN_OCR_PSM |
| pages OCR'd at most per document (the rest: an `ocr_page_skipped` warning) | 0 (all) | `--ocr-max-pages` | VANBAN_OCR_MAX_PAGES |

`Limits` is the parse options object of the Python API too (`ParseOptions`):
`parse(path, options=ParseOptions(max_pages=50, ocr_max_pages=5))`.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from typing import Optional

from .errors import TooLarge

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 200 * MB
    max_chars: int = 5_000_000
    max_unzipped: int = 100 * MB
    max_pages: int = 2000
    timeout: float = 60.0            # seconds for any document ...
    timeout_per_page: float = 3.0    # ... plus this much per page
    max_memory_mb: int = 1536
    #: 300 dpi reads diacritics clearly; 200 dpi loses tone marks on 12-13 pt body text
    #: (measured on corpus/015 and 018: see tests/test_ocr.py)
    ocr_dpi: int = 300
    ocr_psm: int = 3
    ocr_max_pages: int = 0

    def time_for(self, pages: int) -> float:
        """The time limit of a document of `pages` pages (0: none) ."""
        if self.timeout <= 0:
            return 0.0
        return self.timeout + self.timeout_per_page * max(0, pages)


#: the environment variable of each field
ENV = {"max_bytes": "VANBAN_MAX_BYTES", "max_chars": "VANBAN_MAX_CHARS", "max_unzipped": "VANBAN_MAX_UNZIPPED",
       "max_pages": "VANBAN_MAX_PAGES", "timeout": "VANBAN_TIMEOUT", "timeout_per_page": "VANBAN_TIMEOUT_PER_PAGE",
       "max_memory_mb": "VANBAN_MAX_MEMORY", "ocr_dpi": "VANBAN_OCR_DPI", "ocr_psm": "VANBAN_OCR_PSM",
       "ocr_max_pages": "VANBAN_OCR_MAX_PAGES"}

_in_force: Optional[Limits] = None


def from_env(base: Optional[Limits] = None) -> Limits:
    """The defaults, overridden by any VANBAN_* variable that is set."""
    base = base or Limits()
    changes = {}
    for f in fields(Limits):
        raw = os.environ.get(ENV[f.name])
        if raw:
            changes[f.name] = type(getattr(base, f.name))(float(raw))
    return replace(base, **changes)


ParseOptions = Limits


@contextmanager
def using(limits: Optional[Limits]):
    """Put `limits` in force for a block (None: keep those in force), then restore the ones before."""
    global _in_force
    before = _in_force
    if limits is not None:
        _in_force = limits
    try:
        yield current()
    finally:
        _in_force = before


def current() -> Limits:
    return _in_force if _in_force is not None else from_env()


def use(limits: Optional[Limits]) -> None:
    global _in_force
    _in_force = limits


def check(path: str, what: str, value: int, limit: int, flag: str, in_bytes: bool = False) -> None:
    """Raise TooLarge when value exceeds limit (a limit of 0 or less is none)."""
    if limit > 0 and value > limit:
        show = _megabytes if in_bytes else "{:,}".format
        raise TooLarge(path, f"{what} ({show(value)}) is over the limit of {show(limit)}; {flag} raises it")


def _megabytes(n: int) -> str:
    return f"{n / MB:.1f} MB"
