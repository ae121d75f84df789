"""Ruling strokes of a PDF page, read from its path objects with pdfium's path calls:
the edges pipeline/pdf/grid.py builds cells from.  The walk over the page's objects runs
in compiled code where it can be built (pdf/loops.c, vb_page_rulings); the Python loop
here (pdfium's calls without ctypes' argument conversion) is the reference it is tested
against, and what runs without a C compiler."""
from __future__ import annotations

import ctypes
from functools import lru_cache

import pypdfium2.raw as pdfium_c

from .chars import bare_all
from .native import addresses, page_rulings

_WHITE = 245           # a colour with every channel at or above this is paper, not ink
_THIN = 2.5            # a filled shape at most this thick (points) is a ruling bar
_EDGES = 1024          # room for this many edges a page in the compiled loop's output at first


def ruling(page, height: float) -> tuple[list[tuple], list[tuple]]:
    """The page's straight horizontal and vertical rulings, read from its path objects,
    each (x0, top, x1, bottom, length) with top measured from the page top.  Cheap: no
    page parse.

    A ruling is ink: a stroked line or outline, or a thin filled bar.  A filled area is
    a cell's background, whose edges sit inset from the rulings and would cut every row
    and column in two (116/NQ-CP draws a white box inside each cell; 135/QĐ-BLĐTBXH
    shades its group rows grey): its edges are no ruling, and neither is white ink."""
    loop = page_rulings()
    if loop is not None:
        return _native_ruling(loop, page, height)
    horizontal: list[tuple] = []
    vertical: list[tuple] = []
    raw_page = page.raw
    get_object, _, get_type = _path_calls()[:3]
    path_type = pdfium_c.FPDF_PAGEOBJ_PATH
    paint = _Paint()
    # the page's top-level objects (no form XObjects), read without pypdfium2's object wrappers
    for i in range(max(pdfium_c.FPDFPage_CountObjects(raw_page), 0)):
        obj = get_object(raw_page, i)
        if not obj or get_type(obj) != path_type:
            continue
        stroked, filled = paint(obj)
        if not (stroked or filled):
            continue
        for points, closed in _subpaths(obj):
            if not stroked:
                xs, ys = [x for x, _ in points], [y for _, y in points]
                if min(max(xs) - min(xs), max(ys) - min(ys)) > _THIN:
                    continue                # a filled area: background, not a ruling
            for p, q in zip(points, points[1:]):
                _add_edge(p, q, height, horizontal, vertical)
            if closed or not stroked:
                _add_edge(points[-1], points[0], height, horizontal, vertical)
    return horizontal, vertical


def _native_ruling(loop, page, height: float) -> tuple[list[tuple], list[tuple]]:
    """ruling() by the compiled loop (pdf/loops.c, vb_page_rulings: the same pdfium
    calls and the same steps, the loop below in C)."""
    raw = ctypes.cast(page.raw, ctypes.c_void_p).value
    cap = _EDGES
    while True:
        out = bytearray(8 * 6 * cap)
        n = loop(raw, _path_functions(), pdfium_c.FPDF_PAGEOBJ_PATH, height, _WHITE, _THIN,
                 (ctypes.c_char * len(out)).from_buffer(out), cap)
        if n >= 0:
            break
        if n != -1:
            raise MemoryError("vb_page_rulings")
        cap *= 4
    values = memoryview(out).cast("d")[:6 * n].tolist()
    edges = [tuple(values[k + 1:k + 6]) for k in range(0, 6 * n, 6)]
    vertical_flags = values[0::6]
    return ([e for e, v in zip(edges, vertical_flags) if not v], [e for e, v in zip(edges, vertical_flags) if v])


@lru_cache(maxsize=1)
def _path_functions() -> ctypes.Array:
    """The addresses of pdfium's functions vb_page_rulings calls, in its order."""
    c = pdfium_c
    return addresses(c.FPDFPage_CountObjects, c.FPDFPage_GetObject, c.FPDFPageObj_GetType, c.FPDFPageObj_GetMatrix,
                     c.FPDFPath_CountSegments, c.FPDFPath_GetPathSegment, c.FPDFPathSegment_GetPoint,
                     c.FPDFPathSegment_GetType, c.FPDFPathSegment_GetClose, c.FPDFPath_GetDrawMode,
                     c.FPDFPageObj_GetFillColor, c.FPDFPageObj_GetStrokeColor)


def _subpaths(obj) -> list[tuple[list[tuple[float, float]], bool]]:
    """The path's straight subpaths in page space: (points, closed)."""
    _, get_segment, _, get_matrix, count_segments, get_point, segment_type, segment_close = _path_calls()
    fx, fy = ctypes.c_float(), ctypes.c_float()
    fx_ref, fy_ref = ctypes.byref(fx), ctypes.byref(fy)
    matrix = pdfium_c.FS_MATRIX()
    get_matrix(obj, ctypes.byref(matrix))
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    moveto, lineto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
    out: list[tuple[list, bool]] = []
    current: list = []
    closed = False
    for k in range(count_segments(obj)):
        seg = get_segment(obj, k)
        get_point(seg, fx_ref, fy_ref)
        x, y = fx.value, fy.value
        point = (a * x + c * y + e, b * x + d * y + f)
        kind = segment_type(seg)
        if kind == moveto:
            if len(current) > 1:
                out.append((current, closed))
            current, closed = [point], False
            continue
        if kind == lineto and current:
            current.append(point)
        else:                               # a curve: no ruling runs through it
            if len(current) > 1:
                out.append((current, closed))
            current = [point]
        if segment_close(seg):
            closed = True
    if len(current) > 1:
        out.append((current, closed))
    return out


class _Paint:
    """(stroked, filled) of a path with visible ink: a colour that is not white, not
    transparent (the out-parameters allocated once a page)."""

    def __init__(self):
        self.calls = _paint_calls()
        self.mode = (ctypes.c_int * 2)()               # fill mode, stroke flag
        self.mode_refs = (ctypes.byref(self.mode), ctypes.byref(self.mode, ctypes.sizeof(ctypes.c_int)))
        self.rgba = (ctypes.c_uint * 4)()
        self.rgba_refs = tuple(ctypes.byref(self.rgba, ctypes.sizeof(ctypes.c_uint) * k) for k in range(4))

    def __call__(self, obj) -> tuple[bool, bool]:
        get_mode, get_fill, get_stroke = self.calls
        if not get_mode(obj, *self.mode_refs):
            return True, False                  # unknown: read it as a stroke, as before
        fill, stroke = self.mode
        return self._ink(obj, stroke, get_stroke), self._ink(obj, fill, get_fill)

    def _ink(self, obj, painted: int, get_colour) -> bool:
        """Painted in a visible colour (unknown colour: visible)."""
        if not painted:
            return False
        if not get_colour(obj, *self.rgba_refs):
            return True
        r, g, b, alpha = self.rgba
        return alpha > 0 and min(r, g, b) < _WHITE


@lru_cache(maxsize=1)
def _paint_calls():
    """How a path is painted: draw mode (fill mode, stroke flag), fill and stroke colour."""
    c = pdfium_c
    return bare_all((c.FPDFPath_GetDrawMode, ctypes.c_int), (c.FPDFPageObj_GetFillColor, ctypes.c_int),
                    (c.FPDFPageObj_GetStrokeColor, ctypes.c_int))


@lru_cache(maxsize=1)
def _path_calls():
    """pdfium's per-object and per-path-segment functions without ctypes' argument
    conversion (as chars._char_calls): handles are passed as the pointer objects pdfium returned."""
    c = pdfium_c
    return bare_all((c.FPDFPage_GetObject, c.FPDF_PAGEOBJECT), (c.FPDFPath_GetPathSegment, c.FPDF_PATHSEGMENT),
                    (c.FPDFPageObj_GetType, ctypes.c_int), (c.FPDFPageObj_GetMatrix, ctypes.c_int),
                    (c.FPDFPath_CountSegments, ctypes.c_int), (c.FPDFPathSegment_GetPoint, ctypes.c_int),
                    (c.FPDFPathSegment_GetType, ctypes.c_int), (c.FPDFPathSegment_GetClose, ctypes.c_int))


def _add_edge(p, q, height: float, horizontal: list, vertical: list) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) < 1.0 and abs(x1 - x0) > 5:
        lo, hi = (x0, x1) if x0 <= x1 else (x1, x0)
        top = height - y0
        horizontal.append((lo, top, hi, top, hi - lo))
    elif abs(x1 - x0) < 1.0 and abs(y1 - y0) > 5:
        lo, hi = sorted((height - y0, height - y1))
        vertical.append((x0, lo, x0, hi, hi - lo))
