"""Reading order of a PDF page: two-column zones (the Decree-30 header issuer | motto,
the signature block Nơi nhận | signer) emitted column by column, tables and footnotes
placed among the lines."""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Optional

from ..types import Line
from .rows import Page, Row, Seg, joined

#: "Kính gửi:" (addressees) follows the header: it ends the header's two-column zone
ADDRESSEES = re.compile(r"^Kính gửi\b", re.IGNORECASE)
#: the signature block's left column starts with "Nơi nhận:" (recipients list)
RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.IGNORECASE)


PARAGRAPH_OPENER = re.compile(r"^(?:[-+•–]\s|\d{1,3}(?:\.\d{1,3})*\.\s|[a-zđ]\)\s|[IVXL]{1,6}\.\s)")


def _opens_paragraph(line: Line, left: float) -> bool:
    """A line that starts a paragraph: a marker, or a first-line indent from the left margin."""
    return bool(PARAGRAPH_OPENER.match(line.text)) or bool(line.box and line.box.x0 >= left + 15)


# --- 4. reading order: column zones ------------------------------------------

def reading_order(pages: list[Page]) -> list:
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


def _columns(row: Row) -> Optional[_Columns]:
    """The two columns of a row with a wide gap (issuer | motto, Nơi nhận | signer)."""
    if len(row.segs) < 2:
        return None
    gap, split = max((b.x0 - a.x1, (a.x1 + b.x0) / 2) for a, b in zip(row.segs, row.segs[1:]))
    left = [s for s in row.segs if s.x1 <= split]
    right = [s for s in row.segs if s.x0 >= split]
    return _Columns(max(s.x1 for s in left), min(s.x0 for s in right), split)


def _side(seg: Seg, cols: _Columns, width: float) -> Optional[str]:
    """'left', 'right' or None (the segment belongs to neither column: a centred title, body text)."""
    if seg.x1 <= cols.right_x0 + 2:
        return "left"
    if seg.x0 >= cols.left_x1 - 2 and (seg.x0 + seg.x1) / 2 > width * 0.54:
        return "right"
    return None


def _joins(row: Row, neighbour: Row, cols: _Columns, width: float) -> bool:
    """`row` belongs to the same two-column zone as its `neighbour`."""
    if any(_side(s, cols, width) is None for s in row.segs):
        return False
    if ADDRESSEES.match(row.segs[0].text):
        return False
    gap = max(row.top, neighbour.top) - min(row.bottom, neighbour.bottom)
    return gap < 3.0 * max(row.size, neighbour.size)


def _zones(rows: list[Row], width: float, height: float, header: bool) -> list[tuple[float, list[Line]]]:
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
            out.append((rows[i].top, [joined(rows[i].segs).line(width)]))
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
                        bucket.append(joined(segs))
            out.append((zone[0].top, [s.line(width) for s in left + right]))
        else:
            out.extend((r.top, [joined(r.segs).line(width)]) for r in zone)
        i = hi + 1
    return out
