"""Which characters lie in each cell of a ruled table: those whose centre is inside the
cell grown by 1 pt, in the order of their centres' y.  By the compiled loop (pdf/cells.c,
one call a table) where the characters came from the compiled character loop, else by
the Python steps here, which are the reference it is tested against."""
from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass

from .charset import BOTTOM, TOP, X0, X1, Chars
from .native import cells_loop


@dataclass(frozen=True)
class Members:
    cells: list[Chars]    # each cell's characters
    cut: int              # characters a cell's edge cuts through (their box reaches 1.5 pt past it)
    total: int            # characters in cells
    beside: int           # characters in the table's rows outside its columns


def members(chars: Chars, cells: list[tuple], box: tuple) -> Members:
    """The characters of each cell (x0, top, x1, bottom) of the table in `box`."""
    loop = cells_loop() if chars.page.packed is not None else None
    return python_members(chars, cells, box) if loop is None else _native_members(loop, chars, cells, box)


def outside(chars: Chars, box: tuple) -> Chars:
    """The characters whose centre is not inside the box grown by 1 pt, in their order."""
    inside = set(members(chars, [box], box).cells[0].index)
    return chars.subset([i for i in chars.index if i not in inside])


def python_members(chars: Chars, cells: list[tuple], box: tuple) -> Members:
    """members() by the Python steps."""
    x0, x1 = chars.page.column(X0), chars.page.column(X1)
    cy = [(t + b) / 2 for t, b in zip(chars.column(TOP), chars.column(BOTTOM))]
    order = sorted(range(len(cy)), key=cy.__getitem__)
    by_y = [chars.index[k] for k in order]                      # the characters by the y of their centre
    centres = [cy[k] for k in order]                            # y of each centre, ascending
    middles = [(x0[i] + x1[i]) / 2 for i in by_y]               # x of each centre
    found = []
    cut = total = 0
    for cell in cells:
        # the characters whose centre is inside the cell grown by 1 pt: its rows by bisection
        lo, hi = bisect.bisect_left(centres, cell[1] - 1), bisect.bisect_right(centres, cell[3] + 1)
        left, right = cell[0] - 1, cell[2] + 1
        inner = [i for i, cx in zip(by_y[lo:hi], middles[lo:hi]) if left <= cx <= right]
        cut += sum(1 for i in inner if x0[i] < cell[0] - 1.5 or x1[i] > cell[2] + 1.5)
        total += len(inner)
        found.append(chars.subset(inner))
    lo, hi = bisect.bisect_right(centres, box[1] + 1), bisect.bisect_left(centres, box[3] - 1)
    beside = sum([not box[0] - 1 <= cx <= box[2] + 1 for cx in middles[lo:hi]])
    return Members(found, cut, total, beside)


def _native_members(loop, chars: Chars, cells: list[tuple], box: tuple) -> Members:
    """members() by the compiled loop (cells.c, vb_cell_members)."""
    src = chars.page
    index = array("i", chars.index)
    boxes = array("d", [v for cell in cells for v in cell[:4]])
    table = array("d", box[:4])
    ends = array("q", bytes(8 * max(len(cells), 1)))
    counts = array("q", bytes(8 * 3))
    cap = 2 * len(index) + 16
    while True:
        out = array("i", bytes(4 * cap))
        n = loop(src.packed.buffer_info()[0], src.stride, index.buffer_info()[0], len(index),
                 boxes.buffer_info()[0], len(cells), table.buffer_info()[0], out.buffer_info()[0], cap,
                 ends.buffer_info()[0], counts.buffer_info()[0])
        if n < 0:
            raise MemoryError("vb_cell_members")
        if n <= cap:
            break
        cap = n
    found = out[:n].tolist()
    start = 0
    cells_chars = []
    for end in ends[:len(cells)]:
        cells_chars.append(chars.subset(found[start:end]))
        start = end
    cut, total, beside = counts
    return Members(cells_chars, cut, total, beside)

