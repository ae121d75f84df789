"""PDF reader: characters from the text layer (pypdfium2), ruled tables
(pdfplumber's table finder, only on pages that have ruling lines), OCR
(pipeline/ocr.py) for pages without a usable text layer.

    read_pdf(path, data, sha256) -> RawDocument

One flow:
  1. every page -> characters in reading space (rotated text turned upright)
     -> visual lines (clustered by baseline) -> segments (split at wide gaps);
     ruled tables are cut out of the characters and read cell by cell;
  2. a page whose text is missing, private-use/garbled or not Vietnamese
     (pipeline/plausibility.py) is OCR'd instead;
  3. running headers/footers and page numbers (top/bottom band, repeated
     across pages) and signature stamps are dropped;
  4. two-column zones (the Decree-30 header: issuer | motto, Số | place/date;
     the signature block: Nơi nhận | signer) are emitted left column first;
  5. a table continued on the next page is merged into one Table.
"""
from __future__ import annotations

import bisect
import ctypes
import math
import re
import statistics
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .errors import EmptyDocument, UnsupportedFormat
from .ocr import ocr_pages
from .plausibility import plausibility
from vanban.schemas.models import Warning

from .types import Box, Line, RawDocument, Table

# --- thresholds (PDF points unless said otherwise) --------------------------
_BAND = 0.09            # running header/footer band: top/bottom 9% of the page height
_GAP_SPLIT = 1.2        # a gap wider than 1.2 x font size splits a line into segments
                        # (header columns 'THỦ TƯỚNG CHÍNH PHỦ' | 'CỘNG HÒA...' stand 1.55 x apart)
_SPACE_GAP = 0.22       # a gap wider than 0.22 x font size is a word space
_NOTE_MARK_SIZE = 0.75  # a footnote mark (superscript digit) is at most 0.75 x the line's type size
_NOTE_TEXT_SIZE = 0.85  # footnote text is at most 0.85 x the body's type size
_MIN_TEXT_CHARS = 40    # fewer letters than this on a page with a large image: scanned
_MIN_PLAUSIBLE = 0.7    # share of Vietnamese syllables below which a text layer is broken
                        # (measured on corpus pages: broken layers 0.21-0.51, good ones 0.92-1.0)
_MIN_JUDGED_WORDS = 12  # judge plausibility only on pages with this many words

#: a page number alone in the top/bottom band: "5", "- 3 -", "Trang 2", "73"
PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–]?\s*\d{1,4}\s*[-–]?$", re.IGNORECASE)
#: a digital-signature stamp line: "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA...", "Cơ quan: VĂN PHÒNG CHÍNH PHỦ"
#: (the value all capitals: checked in _is_stamp), "Ngày ký: 2026-04-23 10:19:19 +07:00",
#: "SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 03/02/2026; 15:40:13; +07:00"
SIGNATURE_STAMP = re.compile(
    r"^(?P<label>Ký bởi|Người ký|Cơ quan|Tổ chức)\s*:\s*(?P<value>.+)$"
    r"|^(?:Ngày ký|Thời gian ký)\s*:\s*\d"
    r"|;\s*\d{1,2}:\d{2}:\d{2};\s*[+-]\d{2}:\d{2}\s*$")
#: "Kính gửi:" (addressees) follows the header: it ends the header's two-column zone
ADDRESSEES = re.compile(r"^Kính gửi\b", re.IGNORECASE)
#: a decoration rule under the header: "__________", "-----", "……"
DECORATION = re.compile(r"^[_\-–—=.…*·]{3,}$")
#: text found only in layout tables (the 2-column header, the signature block), never in a real table
LAYOUT_TABLE = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA|Độc lập\s*-\s*Tự do|^Nơi nhận\s*:", re.IGNORECASE)
#: the signature block's left column starts with "Nơi nhận:" (recipients list)
RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.IGNORECASE)
#: characters a broken font map produces: private use area, C0/C1 controls, U+FFFD,
#: Cyrillic/Armenian letters amid Vietnamese ("7ӌ1+ LÀO CAI &Ӝ1*")
BROKEN_CHAR = re.compile(r"[\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\u0400-\u058f]")


_DIRECTIONS = ("+x", "-y", "-x", "+y")   # by quarter turns of pdfium's char angle (clockwise)


@dataclass(slots=True)
class _Char:
    c: str
    x0: float
    top: float
    x1: float
    bottom: float
    base: float          # baseline (reading space)
    size: float
    space_before: bool
    bold: bool


@dataclass(slots=True)
class _Seg:
    """A run of characters on one visual line with no wide gap inside."""
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    page: int

    def line(self, page_width: float) -> Line:
        centre = (self.x0 + self.x1) / 2
        centred = abs(centre - page_width / 2) < page_width * 0.06 and self.x1 - self.x0 < page_width * 0.7
        return Line(text=self.text, page=self.page, box=Box(self.x0, self.top, self.x1, self.bottom),
                    bold=self.bold, centered=centred)


@dataclass(slots=True)
class _Row:
    """A visual line: its segments left to right."""
    segs: list[_Seg]
    top: float
    bottom: float
    size: float
    #: in the top/bottom band of the page (None: judge by the page's height)
    band: Optional[bool] = None

    def in_band(self, height: float) -> bool:
        if self.band is not None:
            return self.band
        return self.bottom <= height * _BAND or self.top >= height * (1 - _BAND)


@dataclass
class _Page:
    number: int                      # 1-based
    width: float
    height: float
    rows: list[_Row] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)   # with .page set; top kept in _table_tops
    table_tops: list[float] = field(default_factory=list)
    ocr: bool = False
    #: the page's footnotes (chú thích), one Line each: "1 Thường trực Tỉnh ủy ..."
    footnotes: list[Line] = field(default_factory=list)


def read_pdf(path: str, data: bytes, sha256: str) -> RawDocument:
    """Read a PDF: text layer where it is good, OCR where it is missing or broken."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnsupportedFormat(path, f"not a readable PDF ({exc})") from exc
    doc = _Source(pdf, data)
    try:
        pages = [_read_page(doc, i) for i in range(len(pdf))]
        ocr_needed = [p for p in pages if p.ocr]
        warnings = []
        if ocr_needed:
            by_number = ocr_pages(path, pdf, [p.number for p in ocr_needed])
            for p in ocr_needed:
                if p.number not in by_number:
                    p.ocr = False
                    warnings.append(Warning(code="ocr_page_skipped", location=f"page {p.number}",
                                            message=f"page {p.number} needs OCR but VANBAN_OCR_MAX_PAGES stopped it"))
                p.rows = [_ocr_row(segs, p.number) for segs in by_number.get(p.number, [])]
        n_pages = len(pdf)
    finally:
        doc.close()
    _drop_running_lines(pages)
    _take_footnotes(pages)
    items = _merge_tables(_reading_order(pages))
    items = [it for it in items if not (isinstance(it, Line) and is_stamp(it.text))]
    if not items:
        raise EmptyDocument(path, "the PDF has no text layer and OCR found no text")
    return RawDocument(path=path, sha256=sha256, format="pdf", items=items, pages=n_pages,
                       ocr_pages=[p.number for p in pages if p.ocr], warnings=warnings)


def is_stamp(text: str) -> bool:
    """A line of a digital-signature stamp (not document text)."""
    m = SIGNATURE_STAMP.search(text.strip())
    if m is None:
        return False
    value = m.group("value")
    return value is None or value == value.upper()


# --- 1. characters -> rows of segments --------------------------------------

class _Source:
    """The open PDF, its bytes, and pdfplumber opened only if a page has ruling lines."""

    def __init__(self, pdf: pdfium.PdfDocument, data: bytes):
        self.pdf, self.data, self._plumber = pdf, data, None

    def plumber_page(self, index: int):
        if self._plumber is None:
            import io

            import pdfplumber
            self._plumber = pdfplumber.open(io.BytesIO(self.data))
        return self._plumber.pages[index]

    def close(self) -> None:
        if self._plumber is not None:
            self._plumber.close()
        self.pdf.close()


def _read_page(doc: _Source, index: int) -> _Page:
    page = doc.pdf[index]
    width, height = page.get_size()
    result = _Page(number=index + 1, width=width, height=height)
    chars, direction, others = _chars(page.get_textpage(), width, height)
    rows = _rows(chars, result.number)
    if _needs_ocr(page, chars, rows, width, height):
        result.ocr = True
        if page.get_rotation() in (90, 270):      # the rendered image is upright
            result.width, result.height = height, width
        return result
    if chars:
        horizontal, vertical = _ruling(page, height)
        if len(horizontal) >= 3 and len(vertical) >= 2:
            remaining = _cut_tables(doc, index, chars, direction, result, horizontal, vertical)
            if remaining is not chars:            # a table was cut out: the rows change
                rows = _rows(remaining, result.number)
    for other_direction, group in others:        # text running another way: its own rows
        side = height if other_direction in ("+x", "-x") else width
        for row in _rows(group, result.number):
            row.band = row.bottom <= side * _BAND or row.top >= side * (1 - _BAND)
            rows.append(row)
    result.rows = rows
    if direction in ("+y", "-y"):
        result.width, result.height = height, width
    return result


def _bare(fn, restype):
    """A pdfium C function called without ctypes' argument conversion."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)


@lru_cache(maxsize=1)
def _char_calls():
    """pdfium's per-character functions called without ctypes' argument conversion
    (the text page handle as c_void_p, out-parameters passed by reference): the
    per-character loop below makes six calls a character, and ctypes' checks
    doubled their cost.  Same C functions, same results."""
    return (_bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int),
            _bare(pdfium_c.FPDFText_GetCharBox, ctypes.c_int),
            _bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int),
            _bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int),
            _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double),
            _bare(pdfium_c.FPDFText_GetFontWeight, ctypes.c_int),
            _bare(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float))


def _chars(textpage, width: float, height: float) -> tuple[list[_Char], str, list]:
    """Every visible character with its box and baseline, in upright reading space,
    and the direction the text ran in."""
    n = textpage.count_chars()
    if n <= 0:
        return [], "+x", []
    text = textpage.get_text_range(0, n)
    if len(text) != n:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(n))
    is_generated, char_box, loose_box, char_origin, font_size, font_weight, char_angle = _char_calls()
    tp = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    l_, r_, b_, t_ = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    box_refs = (ctypes.byref(l_), ctypes.byref(r_), ctypes.byref(b_), ctypes.byref(t_))
    loose = pdfium_c.FS_RECTF()
    loose_ref = ctypes.byref(loose)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
    groups: dict[str, list[_Char]] = {}     # by direction, in order of first appearance
    quarter = math.pi / 2
    space = False
    for i, c in enumerate(text):
        if c.isspace():                    # "\r" and "\n" too, but they are no word space
            if c != "\r" and c != "\n":
                space = True
            continue
        if is_generated(tp, i):
            continue
        char_box(tp, i, *box_refs)
        # the loose box spans the glyph's advance: gaps between narrow glyphs ('1') stay true
        loose_box(tp, i, loose_ref)
        char_origin(tp, i, ox_ref, oy_ref)
        size = font_size(tp, i)
        bold = font_weight(tp, i) >= 600
        angle = max(char_angle(tp, i), 0.0)   # radians, clockwise
        direction = "+x" if angle == 0.0 else _DIRECTIONS[round(angle / quarter) % 4]
        group = groups.get(direction)
        if group is None:
            group = groups[direction] = []
        if direction == "+x":               # _upright_char's first case, inlined: nearly every character
            t, b = height - t_.value, height - b_.value
            if size < 3:
                size = max(b - t, 1.0)
            group.append(_Char(c, loose.left, t, loose.right, b, height - oy.value, size, space, bold))
        else:
            group.append(_upright_char(c, direction, loose.left, loose.right, b_.value, t_.value, ox.value, oy.value,
                                       size, space, bold, width, height))
        space = False
    if not groups:
        return [], "+x", []
    counts = {d: len(g) for d, g in groups.items()}
    direction = max(counts, key=counts.get)
    main = groups.pop(direction)
    return main, direction, [(d, g) for d, g in groups.items()]


def _upright_char(c: str, d: str, left: float, right: float, bottom: float, top: float, ox: float, oy: float,
                  size: float, space: bool, bold: bool, width: float, height: float) -> _Char:
    """One character turned upright (landscape tables printed on portrait pages).

    Its direction `d` comes from its angle (clockwise): +x normal (0°); +y text running
    up the page (270°); -x upside down (180°); -y running down (90°).  The page's
    direction is its most common one (_chars); characters running another way (the
    upright gazette header over a rotated table) come back as their own groups.
    """
    if d == "+x":
        x0, x1, t, b, base = left, right, height - top, height - bottom, height - oy
    elif d == "+y":          # reading x = y; lines stack left to right
        x0, x1, t, b, base = bottom, top, left, right, ox
    elif d == "-y":
        x0, x1, t, b, base = height - top, height - bottom, width - right, width - left, width - ox
    else:
        x0, x1, t, b, base = width - right, width - left, bottom, top, oy
    if size < 3:                      # font size 1 with a scaled matrix: use the box
        size = max(b - t, 1.0)
    return _Char(c, x0, t, x1, b, base, size, space, bold)


def _rows(chars: list[_Char], page: int) -> list[_Row]:
    """Cluster characters by baseline into visual lines, split at wide gaps."""
    if not chars:
        return []
    chars = sorted(chars, key=_BASE_X0)
    clusters: list[list[_Char]] = []
    cluster: Optional[list[_Char]] = None
    cluster_base = 0.0                    # the baseline of the cluster's first character
    for ch in chars:
        tolerance = 0.3 * ch.size
        if tolerance < 1.5:
            tolerance = 1.5
        if cluster is not None and ch.base - cluster_base <= tolerance:
            cluster.append(ch)
        else:
            cluster = [ch]
            cluster_base = ch.base
            clusters.append(cluster)
    clusters = _merge_small(clusters)
    rows = []
    for cl in clusters:
        cl.sort(key=_X0)
        size = _median([ch.size for ch in cl])
        segs, cur = [], [cl[0]]
        for prev, ch in zip(cl, cl[1:]):
            if ch.x0 - prev.x1 > _GAP_SPLIT * size:
                segs.append(_seg(cur, page))
                cur = []
            cur.append(ch)
        segs.append(_seg(cur, page))
        segs = [s for s in segs if not DECORATION.match(s.text.replace(" ", ""))]
        if not segs:
            continue
        rows.append(_Row(segs, min(s.top for s in segs), max(s.bottom for s in segs), size))
    rows.sort(key=_TOP)
    return rows


_BASE_X0 = attrgetter("base", "x0")
_X0 = attrgetter("x0")
_TOP = attrgetter("top")


def _median(values: list[float]) -> float:
    """statistics.median without its overhead (the same arithmetic)."""
    values = sorted(values)
    n = len(values)
    if n % 2 == 1:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2


def _merge_small(clusters: list[list[_Char]]) -> list[list[_Char]]:
    """Footnote markers and raised diacritics (≤3 characters) join the nearest line."""
    out: list[list[_Char]] = []
    for i, cl in enumerate(clusters):
        if len(cl) <= 3 and len(clusters) > 1:
            base = cl[0].base
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(clusters) and len(clusters[j]) > 3
                    and abs(clusters[j][0].base - base) < 0.6 * clusters[j][0].size
                    and min(c.x0 for c in clusters[j]) <= cl[0].x0 <= max(c.x1 for c in clusters[j]) + 2]
            if near:
                target = near[0]
                if target < i:
                    out_idx = len(out) - 1
                    out[out_idx].extend(cl)
                else:
                    clusters[target].extend(cl)
                continue
        out.append(cl)
    return out


def _seg(chars: list[_Char], page: int) -> _Seg:
    chars = _without_note_marks(chars)
    first = chars[0]
    parts = [first.c]
    top, x1, bottom = first.top, first.x1, first.bottom
    prev = first
    for ch in chars[1:]:
        if ch.space_before or ch.x0 - prev.x1 > _SPACE_GAP * ch.size:
            parts.append(" ")
        parts.append(ch.c)
        if ch.top < top:
            top = ch.top
        if ch.x1 > x1:
            x1 = ch.x1
        if ch.bottom > bottom:
            bottom = ch.bottom
        prev = ch
    return _Seg(text="".join(parts), x0=first.x0, top=top, x1=x1, bottom=bottom,
                size=_median([c.size for c in chars]),
                bold=sum(c.bold for c in chars) * 2 > len(chars), page=page)


def _without_note_marks(chars: list[_Char]) -> list[_Char]:
    """Drop footnote reference marks: digits in small type raised above the line's
    baseline, glued to the word before them ("Quyết định QPPL4" -> "Quyết định QPPL", 069)."""
    if len(chars) < 4 or not any(c.c.isdigit() for c in chars):
        return chars
    size = _median([c.size for c in chars])
    base = _median([c.base for c in chars])
    kept: list[_Char] = []
    for c in chars:
        if c.c.isdigit() and c.size <= _NOTE_MARK_SIZE * size and c.base < base - 0.2 * size:
            if kept:                       # the word before spans the mark: no space left in its place
                kept[-1] = replace(kept[-1], x1=max(kept[-1].x1, c.x1))
            continue
        kept.append(c)
    return kept or chars


def _ocr_row(segs: list[Line], page: int) -> _Row:
    """An OCR'd line (its segments) as a row, like a text-layer line."""
    out = [_Seg(ln.text, ln.box.x0, ln.box.top, ln.box.x1, ln.box.bottom,
                ln.box.bottom - ln.box.top, False, page) for ln in segs]
    return _Row(out, min(s.top for s in out), max(s.bottom for s in out),
                statistics.median(s.size for s in out))


# --- 2. pages that need OCR --------------------------------------------------

def _needs_ocr(page, chars: list[_Char], rows: list[_Row], width: float, height: float) -> bool:
    """No usable text on a page that carries a large image, or a broken text layer."""
    if sum(ch.c.isalnum() for ch in chars) < _MIN_TEXT_CHARS:
        return _image_share(page, width, height) > 0.25
    text = "".join(ch.c if not ch.space_before else " " + ch.c for ch in chars)
    if len(BROKEN_CHAR.findall(text)) > 0.02 * len(text):
        return True
    words = " ".join(seg.text for row in rows for seg in row.segs)
    p = plausibility(words)
    return p.counted >= _MIN_JUDGED_WORDS and p.share < _MIN_PLAUSIBLE


def _image_share(page, width: float, height: float) -> float:
    area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        area += max(0.0, right - left) * max(0.0, top - bottom)
    return area / (width * height)


def page_is_broken(path: str, page_number: int) -> bool:
    """True when page `page_number` (1-based) of the PDF at `path` would be OCR'd."""
    with open(path, "rb") as fh:
        data = fh.read()
    doc = _Source(pdfium.PdfDocument(data), data)
    try:
        return _read_page(doc, page_number - 1).ocr
    finally:
        doc.close()


# --- ruled tables ------------------------------------------------------------

def _ruling(page, height: float) -> tuple[list[dict], list[dict]]:
    """The page's straight horizontal and vertical strokes, read from its path objects
    (pdfplumber edge dicts, top measured from the page top).  Cheap: no page parse."""
    horizontal: list[dict] = []
    vertical: list[dict] = []
    fx, fy = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    get_object, get_segment, get_type, get_matrix, count_segments, get_point, segment_type, segment_close = _path_calls()
    matrix_ref, fx_ref, fy_ref = ctypes.byref(matrix), ctypes.byref(fx), ctypes.byref(fy)
    moveto, lineto, path_type = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_PAGEOBJ_PATH
    # the page's top-level objects (no form XObjects), read without pypdfium2's object wrappers
    raw_page = page.raw
    for i in range(max(pdfium_c.FPDFPage_CountObjects(raw_page), 0)):
        obj = get_object(raw_page, i)
        if not obj or get_type(obj) != path_type:
            continue
        get_matrix(obj, matrix_ref)
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        prev = start = None
        for k in range(count_segments(obj)):
            seg = get_segment(obj, k)
            get_point(seg, fx_ref, fy_ref)
            point = (a * fx.value + c * fy.value + e, b * fx.value + d * fy.value + f)
            kind = segment_type(seg)
            if kind == moveto:
                prev = start = point
                continue
            if prev is not None and kind == lineto:
                _add_edge(prev, point, height, horizontal, vertical)
            prev = point
            if segment_close(seg) and start is not None:
                _add_edge(point, start, height, horizontal, vertical)
                prev = start
    return horizontal, vertical


@lru_cache(maxsize=1)
def _path_calls():
    """pdfium's per-object and per-path-segment functions without ctypes' argument
    conversion (as _char_calls): handles are passed as the pointer objects pdfium returned."""
    return (_bare(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDF_PAGEOBJECT),
            _bare(pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDF_PATHSEGMENT),
            _bare(pdfium_c.FPDFPageObj_GetType, ctypes.c_int),
            _bare(pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int),
            _bare(pdfium_c.FPDFPath_CountSegments, ctypes.c_int),
            _bare(pdfium_c.FPDFPathSegment_GetPoint, ctypes.c_int),
            _bare(pdfium_c.FPDFPathSegment_GetType, ctypes.c_int),
            _bare(pdfium_c.FPDFPathSegment_GetClose, ctypes.c_int))


def _add_edge(p, q, height: float, horizontal: list, vertical: list) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) < 1.0 and abs(x1 - x0) > 5:
        lo, hi = sorted((x0, x1))
        top = height - y0
        horizontal.append({"object_type": "line_edge", "orientation": "h", "x0": lo, "x1": hi,
                           "top": top, "bottom": top, "width": hi - lo, "height": 0.0})
    elif abs(x1 - x0) < 1.0 and abs(y1 - y0) > 5:
        lo, hi = sorted((height - y0, height - y1))
        vertical.append({"object_type": "line_edge", "orientation": "v", "x0": x0, "x1": x0,
                         "top": lo, "bottom": hi, "width": 0.0, "height": hi - lo})


def _cut_tables(doc: _Source, index: int, chars: list[_Char], direction: str,
                result: _Page, horizontal: list[dict], vertical: list[dict]) -> list[_Char]:
    """Find ruled tables with pdfplumber's table finder (fed our ruling strokes, so
    pdfplumber never parses the page), read their cells from our characters, and
    return the characters left outside every table."""
    from pdfplumber.table import TableFinder

    if direction == "+x":         # cells are already in reading space: no page size needed
        width = height = 0.0
    else:                         # pdfplumber's page size, as the cells are measured in it
        ppage = doc.plumber_page(index)
        width, height = float(ppage.width), float(ppage.height)
    remaining = chars
    settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}
    # with explicit edges only, pdfplumber's table finder never looks at the page: no need
    # to open the PDF a second time with pdfplumber (Page.find_tables is TableFinder(page, settings))
    for found in TableFinder(None, settings).tables:
        cells = [_to_reading(c, width, height, direction) for c in found.cells]
        table, box = _table_from_cells(cells, remaining, result.number)
        if table is None:
            continue
        remaining = _outside(remaining, box)
        result.tables.append(table)
        result.table_tops.append(box[1])
    return remaining


def _to_reading(cell, width: float, height: float, direction: str):
    """pdfplumber's (x0, top, x1, bottom) with top from the page top -> our reading space."""
    x0, top, x1, bottom = cell
    yb, yt = height - bottom, height - top       # PDF y (up)
    if direction == "+x":
        return (x0, top, x1, bottom)
    if direction == "+y":
        return (yb, x0, yt, x1)
    if direction == "-y":
        return (height - yt, width - x1, height - yb, width - x0)
    return (width - x1, yb, width - x0, yt)


def _inside(ch: _Char, box) -> bool:
    cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _outside(chars: list[_Char], box) -> list[_Char]:
    """The characters not _inside the box (the test inlined: it runs over every character)."""
    left, top, right, bottom = box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1
    return [ch for ch in chars if not (left <= (ch.x0 + ch.x1) / 2 <= right and top <= (ch.top + ch.bottom) / 2 <= bottom)]


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 2.0:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def _table_from_cells(cells, chars: list[_Char], page: int):
    """A grid from cell boxes; merged cells' text repeated down their rows."""
    if len(cells) < 4:
        return None, None
    xs = _edges([c[0] for c in cells] + [c[2] for c in cells])
    ys = _edges([c[1] for c in cells] + [c[3] for c in cells])
    ncols, nrows = len(xs) - 1, len(ys) - 1
    if ncols < 2 or nrows < 2:
        return None, None
    if ncols > 20:
        return None, None             # words boxed one by one, not a table
    grid = [["" for _ in range(ncols)] for _ in range(nrows)]
    cut = total = 0
    by_y = sorted(chars, key=lambda ch: (ch.top + ch.bottom) / 2)
    centres = [(ch.top + ch.bottom) / 2 for ch in by_y]
    box = (xs[0], ys[0], xs[-1], ys[-1])
    for cell in cells:
        c0, c1 = _index(xs, cell[0]), _index(xs, cell[2])
        r0, r1 = _index(ys, cell[1]), _index(ys, cell[3])
        if c1 <= c0 or r1 <= r0:
            continue
        lo, hi = bisect.bisect_left(centres, cell[1] - 1), bisect.bisect_right(centres, cell[3] + 1)
        inner = [ch for ch in by_y[lo:hi] if _inside(ch, cell)]
        cut += sum(1 for ch in inner if ch.x0 < cell[0] - 1.5 or ch.x1 > cell[2] + 1.5)
        total += len(inner)
        text = " ".join(seg.text for row in _rows(inner, page) for seg in row.segs)
        for r in range(r0, r1):
            grid[r][c0] = text
    if total and cut > 0.02 * total:
        return None, None             # cell edges cut through words: shaded text, not a table
    if any(LAYOUT_TABLE.search(c) for row in grid for c in row):
        return None, None             # the header or signature block drawn as a table
    beside = sum(1 for ch in chars if box[1] + 1 < (ch.top + ch.bottom) / 2 < box[3] - 1
                 and not box[0] - 1 <= (ch.x0 + ch.x1) / 2 <= box[2] + 1)
    if beside > 3:
        return None, None             # body text runs on beside it: boxed words inside a paragraph
    rows = [row for row in grid if any(row)]
    filled_rows = [row for row in rows if sum(1 for c in row if c) >= 2]
    if len(rows) < 2 or len(filled_rows) < 2:
        return None, None
    return Table(rows=rows, page=page, row_pages=[page] * len(rows)), box


# --- 3. running headers, footers, page numbers -------------------------------

def _band_key(seg: _Seg) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", seg.text)).lower()


def _drop_running_lines(pages: list[_Page]) -> None:
    """Drop page numbers and lines repeated in the top/bottom band of several pages."""
    counts: dict[str, set[int]] = {}
    for p in pages:
        for seg, in_band in _band_segs(p):
            if in_band:
                counts.setdefault(_band_key(seg), set()).add(p.number)
    need = 2 if len(pages) <= 4 else max(2, len(pages) // 4)
    running = {k for k, v in counts.items() if len(v) >= need and len(k) > 3}
    for p in pages:
        for row in p.rows:
            if row.in_band(p.height):
                row.segs = [s for s in row.segs if not (PAGE_NUMBER.match(s.text.strip())
                                                        or _band_key(s) in running)]
        p.rows = [r for r in p.rows if r.segs]


def _band_segs(p: _Page):
    for row in p.rows:
        for seg in row.segs:
            yield seg, row.in_band(p.height)


# --- 3b. footnotes --------------------------------------------------------------

def _body_size(pages: list[_Page]) -> Optional[float]:
    """The body's type size: the size most characters are set in."""
    weight: dict[float, int] = {}
    for p in pages:
        for r in p.rows:
            n = sum(len(s.text) for s in r.segs)
            weight[round(r.size, 1)] = weight.get(round(r.size, 1), 0) + n
    return max(weight, key=weight.get) if weight else None


def _is_note_mark(row: _Row, body: float) -> bool:
    """A footnote's number printed alone in small raised type: "1"."""
    text = "".join(s.text for s in row.segs).strip()
    return text.isdigit() and len(text) <= 3 and row.size <= _NOTE_MARK_SIZE * body


def _take_footnotes(pages: list[_Page]) -> None:
    """Move each page's footnotes out of its rows: the run of rows in smaller type at the
    foot of the page (below the body's last line), holding at least one footnote number
    in small raised type; one Line per footnote, its number first (069).  Lines in small
    type before the page's first number go on the previous page's last footnote."""
    body = _body_size([p for p in pages if not p.ocr])
    if not body:
        return
    prev: Optional[_Page] = None
    for p in pages:
        if not p.ocr and p.rows:
            _page_footnotes(p, prev, body)
        prev = p


def _page_footnotes(p: _Page, prev: Optional[_Page], body: float) -> None:
    k = len(p.rows)
    while k > 0 and p.rows[k - 1].size <= _NOTE_TEXT_SIZE * body:
        k -= 1
    run = p.rows[k:]
    marks = [r for r in run if _is_note_mark(r, body)]
    texts = [r for r in run if not _is_note_mark(r, body)]
    if not marks or not texts:
        return
    if k == 0 and not any(top < run[0].top for top in p.table_tops):
        return                             # nothing above it: a page in small type, not footnotes
    carried = prev.footnotes if prev is not None and prev.footnotes else None
    numbered = [next((m for m in marks if r.top - 2 <= m.top <= r.bottom), None) for r in texts]
    if not any(numbered) or (numbered[0] is None and carried is None):
        return                             # the first small line has no number: not a footnote run
    notes: list[list[str]] = []
    if numbered[0] is None:
        notes.append([carried.pop().text])  # the previous page's last footnote goes on here
    for r, mark in zip(texts, numbered):
        text = _joined(r.segs).text
        if mark is not None:
            notes.append([f"{''.join(s.text for s in mark.segs).strip()} {text}"])
        else:
            notes[-1].append(text)
    p.rows = p.rows[:k]
    for parts in notes:
        text = parts[0]
        for part in parts[1:]:
            text += part if re.search(r"\w-$", text) and part[:1].isalnum() else " " + part
        p.footnotes.append(Line(text=text, page=p.number, paragraph=True))


#: a line that opens a paragraph: "- UBND tỉnh ...", "2. Kết quả", "a) Kết quả", "II. NHIỆM VỤ"
PARAGRAPH_OPENER = re.compile(r"^(?:[-+•–]\s|\d{1,3}(?:\.\d{1,3})*\.\s|[a-zđ]\)\s|[IVXL]{1,6}\.\s)")


def _opens_paragraph(line: Line, left: float) -> bool:
    """A line that starts a paragraph: a marker, or a first-line indent from the left margin."""
    return bool(PARAGRAPH_OPENER.match(line.text)) or bool(line.box and line.box.x0 >= left + 15)


# --- 4. reading order: column zones ------------------------------------------

def _reading_order(pages: list[_Page]) -> list:
    """Items page by page; a page's footnotes wait for the first paragraph that starts after
    the page (the paragraph the page break cut goes on first)."""
    items: list = []
    notes: list[Line] = []
    first_text_page = True
    for p in pages:
        blocks: list[tuple[float, list]] = []
        for top, table in zip(p.table_tops, p.tables):
            blocks.append((top, [table]))
        for zone in _zones(p.rows, p.width, p.height, header=first_text_page):
            blocks.append((zone[0], zone[1]))
        blocks.sort(key=lambda b: b[0])
        page_items = [it for _, its in blocks for it in its]
        if notes:
            lefts = [it.box.x0 for it in page_items if isinstance(it, Line) and it.box]
            left = statistics.median(lefts) if lefts else 0.0
            at = next((k for k, it in enumerate(page_items)
                       if not isinstance(it, Line) or _opens_paragraph(it, min(left, min(lefts)))), None)
            if at is not None:
                page_items[at:at] = notes
                notes = []
        items.extend(page_items)
        notes += p.footnotes
        if p.rows or p.tables:
            first_text_page = False
    return items + notes


@dataclass(frozen=True)
class _Columns:
    """Two columns seen on one row: where the left one ends and the right one starts."""
    left_x1: float
    right_x0: float
    split: float          # middle of the gap between them


def _columns(row: _Row) -> Optional[_Columns]:
    """The two columns of a row with a wide gap (issuer | motto, Nơi nhận | signer)."""
    if len(row.segs) < 2:
        return None
    gap, split = max((b.x0 - a.x1, (a.x1 + b.x0) / 2) for a, b in zip(row.segs, row.segs[1:]))
    left = [s for s in row.segs if s.x1 <= split]
    right = [s for s in row.segs if s.x0 >= split]
    return _Columns(max(s.x1 for s in left), min(s.x0 for s in right), split)


def _side(seg: _Seg, cols: _Columns, width: float) -> Optional[str]:
    """'left', 'right' or None (the segment belongs to neither column: a centred title, body text)."""
    if seg.x1 <= cols.right_x0 + 2:
        return "left"
    if seg.x0 >= cols.left_x1 - 2 and (seg.x0 + seg.x1) / 2 > width * 0.54:
        return "right"
    return None


def _joins(row: _Row, neighbour: _Row, cols: _Columns, width: float) -> bool:
    """`row` belongs to the same two-column zone as its `neighbour`."""
    if any(_side(s, cols, width) is None for s in row.segs):
        return False
    if ADDRESSEES.match(row.segs[0].text):
        return False
    gap = max(row.top, neighbour.top) - min(row.bottom, neighbour.bottom)
    return gap < 3.0 * max(row.size, neighbour.size)


def _zones(rows: list[_Row], width: float, height: float, header: bool) -> list[tuple[float, list[Line]]]:
    """Group rows into (top, lines) blocks; a two-column zone is emitted column by
    column when it is the document header (top of its first page) or a signature
    block (it holds "Nơi nhận:"); a row's segments in one column make one line."""
    zone_of: dict[int, tuple[int, int, _Columns]] = {}
    for i, row in enumerate(rows):
        cols = _columns(row)
        if cols is None or i in zone_of:
            continue
        lo = i
        while lo - 1 >= 0 and lo - 1 not in zone_of and _joins(rows[lo - 1], rows[lo], cols, width):
            lo -= 1
        hi = i
        while hi + 1 < len(rows) and _joins(rows[hi + 1], rows[hi], cols, width):
            hi += 1
        for k in range(lo, hi + 1):
            zone_of[k] = (lo, hi, cols)
    out: list[tuple[float, list[Line]]] = []
    i = 0
    while i < len(rows):
        if i not in zone_of:
            out.append((rows[i].top, [_joined(rows[i].segs).line(width)]))
            i += 1
            continue
        lo, hi, cols = zone_of[i]
        zone = rows[lo:hi + 1]
        is_header = header and zone[0].top < 0.35 * height
        is_signature = any(RECIPIENTS.match(s.text) for r in zone for s in r.segs)
        if is_header or is_signature:
            left, right = [], []
            for r in zone:
                for side, bucket in (("left", left), ("right", right)):
                    segs = [s for s in r.segs if _side(s, cols, width) == side]
                    if segs:
                        bucket.append(_joined(segs))
            out.append((zone[0].top, [s.line(width) for s in left + right]))
        else:
            out.extend((r.top, [_joined(r.segs).line(width)]) for r in zone)
        i = hi + 1
    return out


def _joined(segs: list[_Seg]) -> _Seg:
    """Segments of one row and one column as one ("Số:" + "/UBND-XD" -> "Số: /UBND-XD")."""
    if len(segs) == 1:
        return segs[0]
    return _Seg(" ".join(s.text for s in segs), segs[0].x0, min(s.top for s in segs), segs[-1].x1,
                max(s.bottom for s in segs), segs[0].size, segs[0].bold, segs[0].page)


# --- 5. tables continued over pages ------------------------------------------

def _merge_tables(items: list) -> list:
    """A table that starts a page right after a table ending the previous page,
    with as many columns, is its continuation: one Table."""
    out: list = []
    for it in items:
        prev = out[-1] if out else None
        if (isinstance(it, Table) and isinstance(prev, Table) and it.page is not None
                and prev.row_pages and prev.row_pages[-1] is not None and it.page == prev.row_pages[-1] + 1
                and len(it.rows[0]) == len(prev.rows[0])):
            rows, pages = list(it.rows), list(it.row_pages or [it.page] * len(it.rows))
            if rows and rows[0] == prev.rows[0]:
                rows, pages = rows[1:], pages[1:]
            if rows and not rows[0][0].strip() and prev.rows[-1][0].strip():
                prev.rows[-1] = [f"{a} {b}".strip() for a, b in zip(prev.rows[-1], rows[0])]
                rows, pages = rows[1:], pages[1:]
            prev.rows.extend(rows)
            prev.row_pages.extend(pages)
            continue
        out.append(it)
    return out
