"""Which PDF pages need OCR: no usable text on a page carrying a large image, or a
broken text layer (private-use characters, or text that is not Vietnamese)."""
from __future__ import annotations

import re

import pypdfium2.raw as pdfium_c

from ..plausibility import plausibility
from .charset import SPACE, Chars
from .rows import Row

_MIN_TEXT_CHARS = 40    # fewer letters than this on a page with a large image: scanned
_MIN_PLAUSIBLE = 0.7    # share of Vietnamese syllables below which a text layer is broken
                        # (measured on corpus pages: broken layers 0.21-0.51, good ones 0.92-1.0)
_MIN_JUDGED_WORDS = 12  # judge plausibility only on pages with this many words
#: characters a broken font map produces: private use area, C0/C1 controls, U+FFFD,
#: Cyrillic/Armenian letters amid Vietnamese ("7ӌ1+ LÀO CAI &Ӝ1*")
BROKEN_CHAR = re.compile(r"[\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\u0400-\u058f]")
#: one letter or digit (str.isalnum: a word character that is not "_")
_ALNUM = re.compile(r"[^\W_]")


def needs_ocr(page, chars: Chars, rows: list[Row], width: float, height: float) -> bool:
    """No usable text on a page that carries a large image, or a broken text layer."""
    letters = chars.text()
    # enough letters: counted in a prefix first (a page's first 200 characters mostly hold them)
    if (len(_ALNUM.findall(letters, 0, 5 * _MIN_TEXT_CHARS)) < _MIN_TEXT_CHARS
            and len(_ALNUM.findall(letters)) < _MIN_TEXT_CHARS):
        return _image_share(page, width, height) > 0.25
    broken = len(BROKEN_CHAR.findall(letters))
    if broken and broken > 0.02 * (len(letters) + sum(chars.column(SPACE))):
        return True                      # (the share of the text with its word spaces)
    words = " ".join(seg.text for row in rows for seg in row.segs)
    p = plausibility(words)
    return p.counted >= _MIN_JUDGED_WORDS and p.share < _MIN_PLAUSIBLE


def _image_share(page, width: float, height: float) -> float:
    area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        area += max(0.0, right - left) * max(0.0, top - bottom)
    return area / (width * height)
