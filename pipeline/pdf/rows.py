"""PDF rows: characters clustered by baseline into visual lines (rows), split at wide
gaps into segments; the page as the reader holds it."""
from __future__ import annotations

import ctypes
import re
import statistics
from array import array
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Optional

from ..types import Box, Line, Table
from .charset import Char, Chars
from .native import rows_loop

BAND = 0.09             # running header/footer band: top/bottom 9% of the page height
_GAP_SPLIT = 1.2        # a gap wider than 1.2 x font size splits a line into segments
                        # (header columns 'THỦ TƯỚNG CHÍNH PHỦ' | 'CỘNG HÒA...' stand 1.55 x apart)
_SPACE_GAP = 0.22       # a gap wider than 0.22 x font size is a word space
_NOTE_MARK_SIZE = 0.75  # a footnote mark (superscript digit) is at most 0.75 x the line's type size

#: a decoration rule under the header: "__________", "-----", "……"
DECORATION = re.compile(r"^[_\-–—=.…*·]{3,}$")


@dataclass(slots=True)
class Seg:
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
class Row:
    """A visual line: its segments left to right."""
    segs: list[Seg]
    top: float
    bottom: float
    size: float
    #: in the top/bottom band of the page (None: judge by the page's height)
    band: Optional[bool] = None

    def in_band(self, height: float) -> bool:
        if self.band is not None:
            return self.band
        return self.bottom <= height * BAND or self.top >= height * (1 - BAND)


@dataclass
class Page:
    number: int                      # 1-based
    width: float
    height: float
    rows: list[Row] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)   # with .page set; top kept in _table_tops
    table_tops: list[float] = field(default_factory=list)
    ocr: bool = False
    #: unpaired UTF-16 surrogates of the text layer replaced by U+FFFD
    replaced: int = 0
    #: the page's footnotes (chú thích), one Line each: "1 Thường trực Tỉnh ủy ..."
    footnotes: list[Line] = field(default_factory=list)



def make_rows(chars: Chars, page: int) -> list[Row]:
    """Cluster characters by baseline into visual lines, split at wide gaps: by the
    compiled rows (pdf/rows.c) where the characters came from the compiled loop, else by
    the Python steps below (the reference the compiled ones are tested against)."""
    return rows_of_each([chars], page)[0]


def rows_of_each(selections: list[Chars], page: int) -> list[list[Row]]:
    """make_rows of each selection of one page's characters (the cells of a table: one
    call of the compiled rows for them all)."""
    found: list[list[Row]] = [[] for _ in selections]
    todo = [k for k, chars in enumerate(selections) if chars]
    if not todo:
        return found
    loop = rows_loop() if selections[todo[0]].page.packed is not None else None
    if loop is None:
        for k in todo:
            found[k] = python_rows(selections[k].as_chars(), page)
        return found
    for k, lines in zip(todo, _native_segments(loop, [selections[k] for k in todo], page)):
        found[k] = _rows(lines)
    return found


def python_rows(chars: list[Char], page: int) -> list[Row]:
    """make_rows by the Python steps, on Char objects."""
    if not chars:
        return []
    chars = sorted(chars, key=_BASE_X0)
    clusters: list[list[Char]] = []
    cluster: Optional[list[Char]] = None
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
    lines = []
    for cl in clusters:
        cl.sort(key=_X0)
        size = median([ch.size for ch in cl])
        split = _GAP_SPLIT * size
        segs, cur = [], [cl[0]]
        x1 = cl[0].x1
        for ch in cl[1:]:
            if ch.x0 - x1 > split:
                segs.append(_seg(cur, page))
                cur = []
            cur.append(ch)
            x1 = ch.x1
        segs.append(_seg(cur, page))
        lines.append((segs, size))
    return _rows(lines)


def _rows(lines: list[tuple[list[Seg], float]]) -> list[Row]:
    """The rows of the lines' segments (with the line's size), decoration rules left out,
    top to bottom."""
    rows = []
    for segs, size in lines:
        segs = [s for s in segs if not DECORATION.match(s.text.replace(" ", ""))]
        if not segs:
            continue
        rows.append(Row(segs, min(s.top for s in segs), max(s.bottom for s in segs), size))
    rows.sort(key=_TOP)
    return rows


_SEG_FIELDS = 10        # rows.c: selection, row, row size, x0, top, x1, bottom, size, bold, end of its text


def _native_segments(loop, selections: list[Chars], page: int) -> list[list[tuple[list[Seg], float]]]:
    """Each selection's lines of segments from the compiled rows (vb_make_rows: the steps
    of python_rows, _merge_small, _seg, _tracking and _without_note_marks in C)."""
    src = selections[0].page
    if len(selections) == 1 and selections[0].whole:      # all the page's characters: no index
        index, ends = None, array("i", [len(selections[0])])
    else:
        index, ends = array("i"), array("i")
        for chars in selections:
            index.extend(chars.index)
            ends.append(len(index))
    n = ends[-1]
    digits = src.digits()
    out = array("d", [0.0]) * (_SEG_FIELDS * n)
    text = array("I", [0]) * (2 * n)
    text_len = ctypes.c_int()
    k = loop(src.packed.buffer_info()[0], src.stride, src.utf32(), None if index is None else index.buffer_info()[0],
             ends.buffer_info()[0], len(ends), digits.buffer_info()[0], len(digits), out.buffer_info()[0],
             text.buffer_info()[0], ctypes.byref(text_len))
    if k < 0:
        raise MemoryError("vb_make_rows")
    spelt = text[:text_len.value].tobytes().decode("utf-32-le", "surrogatepass")
    found: list[list[tuple[list[Seg], float]]] = [[] for _ in selections]
    last_row = -1
    start = 0
    values = out[:_SEG_FIELDS * k].tolist()
    for j in range(0, _SEG_FIELDS * k, _SEG_FIELDS):
        selection, row, row_size, x0, top, x1, bottom, size, bold, end = values[j:j + _SEG_FIELDS]
        seg = Seg(spelt[start:int(end)], x0, top, x1, bottom, size, bold != 0.0, page)
        start = int(end)
        if row != last_row:
            found[int(selection)].append(([seg], row_size))
            last_row = row
        else:
            found[int(selection)][-1][0].append(seg)
    return found


_BASE_X0 = attrgetter("base", "x0")
_X0 = attrgetter("x0")
_TOP = attrgetter("top")


def median(values: list[float]) -> float:
    """statistics.median without its overhead (the same arithmetic)."""
    values = sorted(values)
    n = len(values)
    if n % 2 == 1:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2


def _merge_small(clusters: list[list[Char]]) -> list[list[Char]]:
    """Footnote markers and raised diacritics (≤3 characters) join the nearest line."""
    out: list[list[Char]] = []
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


def _seg(chars: list[Char], page: int) -> Seg:
    sizes = sorted([c.size for c in chars])
    # a footnote mark is in smaller type than the run: none where no size is that much smaller
    if len(chars) >= 4 and sizes[0] <= _NOTE_MARK_SIZE * sizes[-1]:
        kept = _without_note_marks(chars)
        if kept is not chars:
            chars, sizes = kept, sorted([c.size for c in kept])
    first = chars[0]
    rest = chars[1:]
    gaps = [b.x0 - a.x1 for a, b in zip(chars, rest)]
    tracking = _tracking(chars, gaps)
    text = first.c + "".join([" " + ch.c if ch.space_before or gap - tracking > _SPACE_GAP * ch.size else ch.c
                              for ch, gap in zip(rest, gaps)])
    n = len(sizes)
    return Seg(text=text, x0=first.x0, top=min([c.top for c in chars]), x1=max([c.x1 for c in chars]),
               bottom=max([c.bottom for c in chars]),
               size=sizes[n // 2] if n % 2 == 1 else (sizes[n // 2 - 1] + sizes[n // 2]) / 2,   # median()
               bold=sum([c.bold for c in chars]) * 2 > len(chars), page=page)


def _tracking(chars: list[Char], gaps: list[float]) -> float:
    """How far apart the letters of a word sit in this run (`gaps`: between neighbours),
    when clearly less than nothing: text squeezed with tightened letter-spacing into a
    narrow cell (109/NQ-CP's '1. Bộ Tài chính đối với ...': letters -0.7 pt apart, words
    +1.3 pt) keeps its word spaces only when gaps are measured from there.  0 for
    ordinary text."""
    if len(chars) < 8:
        return 0.0
    limit = -0.05 * chars[0].size
    if sum([g < limit for g in gaps]) < len(gaps) // 2 + 1:
        return 0.0                  # the middle gap is not below the limit: ordinary text
    gaps = sorted(gaps)
    return gaps[len(gaps) // 2]


def _without_note_marks(chars: list[Char]) -> list[Char]:
    """Drop footnote reference marks: digits in small type raised above the line's
    baseline, glued to the word before them ("Quyết định QPPL4" -> "Quyết định QPPL", 069)."""
    if len(chars) < 4 or not any(map(str.isdigit, [c.c for c in chars])):
        return chars
    size = median([c.size for c in chars])
    base = median([c.base for c in chars])
    kept: list[Char] = []
    for c in chars:
        if c.c.isdigit() and c.size <= _NOTE_MARK_SIZE * size and c.base < base - 0.2 * size:
            if kept:                       # the word before spans the mark: no space left in its place
                kept[-1] = replace(kept[-1], x1=max(kept[-1].x1, c.x1))
            continue
        kept.append(c)
    return kept or chars


def ocr_row(segs: list[Line], page: int) -> Row:
    """An OCR'd line (its segments) as a row, like a text-layer line."""
    out = [Seg(ln.text, ln.box.x0, ln.box.top, ln.box.x1, ln.box.bottom,
                ln.box.bottom - ln.box.top, False, page) for ln in segs]
    return Row(out, min(s.top for s in out), max(s.bottom for s in out),
                statistics.median(s.size for s in out))


def joined(segs: list[Seg]) -> Seg:
    """Segments of one row and one column as one ("Số:" + "/UBND-XD" -> "Số: /UBND-XD")."""
    if len(segs) == 1:
        return segs[0]
    return Seg(" ".join(s.text for s in segs), segs[0].x0, min(s.top for s in segs), segs[-1].x1,
                max(s.bottom for s in segs), segs[0].size, segs[0].bold, segs[0].page)
