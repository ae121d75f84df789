"""Ruled tables: ruling strokes read from the page's path objects, cells found from
them (grid.py: the cells pdfplumber's table finder would find), read from our
characters; tables continued over pages merged."""
from __future__ import annotations

import bisect
import re

from ..types import Table
from .cells import members, outside
from .charset import Chars
from .grid import table_cells
from .rows import Page, rows_of_each

#: a cell that only a layout table holds (the 2-column header's motto, the signature block's
#: "Nơi nhận:"), never a real table: the motto in capitals or "Độc lập - Tự do" opening the
#: cell.  A law's name inside a task ("Luật Cơ quan đại diện nước Cộng hòa xã hội chủ nghĩa
#: Việt Nam ở nước ngoài", 109/NQ-CP) is no motto.
LAYOUT_TABLE = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA|^(?:Độc lập\s*-\s*Tự do|Nơi nhận\s*:)", re.IGNORECASE)


def cut_tables(chars: Chars, direction: str, result: Page, horizontal: list[tuple],
               vertical: list[tuple], width: float, height: float) -> Chars:
    """Find ruled tables from our ruling strokes (pipeline/pdf/grid.py: pdfplumber's
    table finder's cells), read their cells from our characters, and
    return the characters left outside every table.  Cells are measured in the page's
    unrotated space (width x height, pdfium's page size: the same as pdfplumber's on
    all 184 pages with turned text of the corpus and the gazette pool)."""
    remaining = chars
    for found in table_cells(horizontal, vertical):
        cells = [_to_reading(c, width, height, direction) for c in found]
        table, box = _table_from_cells(cells, remaining, result.number)
        if table is None:
            continue
        remaining = outside(remaining, box)
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


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 2.0:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    """The index of the edge nearest v (the lower one on a tie); edges ascend."""
    i = bisect.bisect_left(edges, v)
    if i == 0:
        return 0
    if i == len(edges) or abs(edges[i - 1] - v) <= abs(edges[i] - v):
        return i - 1
    return i


def _is_layout_cell(text: str) -> bool:
    m = LAYOUT_TABLE.search(text)
    return m is not None and (m.start() == 0 or m.group(0).isupper())


def _table_from_cells(cells, chars: Chars, page: int):
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
    box = (xs[0], ys[0], xs[-1], ys[-1])
    placed = []                       # (first row, row after, column) of each cell, and its box
    for cell in cells:
        c0, c1 = _index(xs, cell[0]), _index(xs, cell[2])
        r0, r1 = _index(ys, cell[1]), _index(ys, cell[3])
        if c1 <= c0 or r1 <= r0:
            continue
        placed.append(((r0, r1, c0), cell))
    found = members(chars, [cell for _, cell in placed], box)
    if found.total and found.cut > 0.02 * found.total:
        return None, None             # cell edges cut through words: shaded text, not a table
    for ((r0, r1, c0), _), rows in zip(placed, rows_of_each(found.cells, page)):
        text = " ".join(seg.text for row in rows for seg in row.segs)
        for r in range(r0, r1):
            grid[r][c0] = text
    if any(_is_layout_cell(c) for row in grid for c in row):
        return None, None             # the header or signature block drawn as a table
    if found.beside > 3:
        return None, None             # body text runs on beside it: boxed words inside a paragraph
    rows = [row for row in grid if any(row)]
    filled_rows = [row for row in rows if sum(1 for c in row if c) >= 2]
    if len(rows) < 2 or len(filled_rows) < 2:
        return None, None
    return Table(rows=rows, page=page, row_pages=[page] * len(rows)), box


def merge_tables(items: list) -> list:
    """A table that starts a page right after a table ending the previous page,
    with as many columns, is its continuation: one Table.  Its repeated header rows
    are dropped, and its first row either goes on with the row the page break cut
    (_cut_by_break) or is a new row under cells merged down across the break."""
    out: list = []
    for it in items:
        prev = out[-1] if out else None
        if (isinstance(it, Table) and isinstance(prev, Table) and it.page is not None
                and prev.row_pages and prev.row_pages[-1] is not None and it.page == prev.row_pages[-1] + 1
                and len(it.rows[0]) == len(prev.rows[0])):
            _append_page(prev, it)
            continue
        out.append(it)
    return out


def _row_key(row: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(row)).casefold()


def _append_page(prev: Table, it: Table) -> None:
    rows, pages = list(it.rows), list(it.row_pages or [it.page] * len(it.rows))
    header = {_row_key(r) for r in prev.rows[:_HEADER_ROWS]}
    while rows and _row_key(rows[0]) in header:         # the header printed again on this page
        rows, pages = rows[1:], pages[1:]
    if rows and not rows[0][0].strip() and prev.rows[-1][0].strip():
        last, first = prev.rows[-1], rows[0]
        if _cut_by_break(last, first):
            prev.rows[-1] = [f"{a} {b}".strip() for a, b in zip(last, first)]
            rows, pages = rows[1:], pages[1:]
        else:                                          # cells merged down run on over the break
            lead = next(k for k, c in enumerate(first) if c.strip())
            for k, row in enumerate(rows):             # down the rows that merged cell spans here
                if any(c.strip() for c in row[:lead]):
                    break
                rows[k] = last[:lead] + row[lead:]
    prev.rows.extend(rows)
    prev.row_pages.extend(pages)


_HEADER_ROWS = 3       # a table's header takes at most this many rows


def _cut_by_break(last: list[str], first: list[str]) -> bool:
    """The page's first row, whose first cell is empty, is the rest of the previous page's
    last row (the break cut its cells: 085's '1.4' goes on with 'sở, tiêu chuẩn ...',
    116/NQ-CP's 'III.4' with '(UAV), mô hình ...'), not a new row under cells merged
    down across the break (175/NQ-CP's 'Bộ Thông tin và Truyền thông' rows, each with its
    own task, partners and deadline).  A new row fills every column the last row filled
    after its merged cells, and its text starts with a capital."""
    filled = [k for k, c in enumerate(first) if c.strip()]
    if not filled:
        return True
    lead = filled[0]
    if any(last[k].strip() and not first[k].strip() for k in range(lead, len(first))):
        return True
    start = first[lead].strip()[0]
    return not (start.isupper() or start.isdigit())
