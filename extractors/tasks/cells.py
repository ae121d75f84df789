"""Cells of a flattened table row: cut a row's lines into description, lead, coordinators,
deadline and extra cells, by what the text says (a sentence end, a body name, a time phrase).

    fill_row(rc: RowCells, chunk: list[str], order: list[str], extra_label) -> None
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..bodies import find_bodies
from .columns import CELL_END, INNER_END, TOKEN, completes_name, is_deadline, is_open, join_lines, starts_body, words
from .table import RowCells

def fill_row(rc: RowCells, chunk: list[str], order: list[str], extra_label: str = "") -> None:
    """Cut a flattened row's lines into its cells (order: the columns after TT)."""
    segments: list[list[str]] = [[]]
    for x in chunk:
        if x == "\f":
            segments.append([])
        else:
            segments[-1].append(x)
    segments = [s for s in segments if s]
    if not segments:
        return
    if len(segments) > 1 and len(segments[0]) == len(order) and all(x[:1].isupper() for x in segments[0][1:]):
        cells = {r: [x] for r, x in zip(order, segments[0])}    # a row cut by the page: the first line of each cell
    else:
        cells = _cells_of_segment(segments[0], order)
    for seg in segments[1:]:
        _continue_cells(cells, seg, order)
    for k, v in cells.items():
        if v and k == "extra":
            rc.extra[extra_label or "extra"] = join_lines(v)
        elif v:
            rc.cells[k] = join_lines(v)


def _cells_of_segment(lines: list[str], order: list[str]) -> dict[str, list[str]]:
    cells: dict[str, list[str]] = {r: [] for r in order}
    lines = list(lines)
    # a line holding several cells side by side: cut it first
    if len(lines) and _side_by_side(lines[0], order):
        return _side_by_side_cells(lines, order)
    # the deadline: the longest tail (up to 3 lines) that reads as a time phrase
    if "deadline" in order and order[-1] == "deadline":
        for k in (3, 2, 1):
            if len(lines) - k >= 2 and is_deadline(" ".join(lines[-k:])):
                cells["deadline"] = lines[-k:]
                lines = lines[:-k]
                break
    body_cols = [r for r in order if r in ("lead", "coordinators")]
    # the description: up to the line that ends its sentence before a body name
    if order and order[0] == "description":
        end = _description_end(lines)
        cells["description"] = lines[:end + 1]
        lines = lines[end + 1:]
    # lead | coordinators: cut where a line starts a new body name
    if len(body_cols) == 2 and lines:
        cut = next((j for j in range(1, len(lines)) if _starts_new_cell(lines[j - 1], lines[j])), len(lines))
        cells[body_cols[0]] = lines[:cut]
        cells[body_cols[1]] = lines[cut:]
    elif body_cols:
        cells[body_cols[0]] = lines
    if "extra" in order and body_cols and cells[body_cols[-1]]:
        tail = cells[body_cols[-1]]                     # "... liên quan" / "Cơ chế, chính sách" / "được ban hành"
        cut = next((j for j in range(1, len(tail)) if _starts_other_cell(tail[j - 1], tail[j])), len(tail))
        cells[body_cols[-1]], cells["extra"] = tail[:cut], tail[cut:]
    return cells


def _starts_other_cell(prev: str, x: str) -> bool:
    """Does line x, after a closed body name, open a cell that names no body (a product:
    "Cơ chế, chính sách" after "liên quan")?"""
    return x[:1].isupper() and not is_open(prev) and not completes_name(prev, x) and not starts_body(x)


def _continue_cells(cells: dict[str, list[str]], lines: list[str], order: list[str]) -> None:
    """Lines of a row after a page break: a second pass through the columns, in their order.
    The first page holds the first line of every cell, so a line goes to the lead only when it
    completes the lead's name ("Bộ Khoa học và" + "Công nghệ"); a new body name goes to the
    last body column, other text to the extra column; a lower-case line carries on the
    column being continued, else the next one."""
    rest = [r for r in order if r != "description"]
    body_cols = [r for r in rest if r in ("lead", "coordinators")]
    at = 0                                              # index in `rest` of the column being continued
    touched: set[str] = set()
    for x in lines:
        desc = cells.get("description")
        if desc is not None and desc and not CELL_END.search(desc[-1]) and not touched:
            cells["description"].append(x)
            continue
        col = next((r for r in rest[at:] if cells.get(r) and (is_open(cells[r][-1]) or x[:1].islower()
                                                              and completes_name(" ".join(cells[r]), x))), None)
        if col is None and x[:1].isupper() and starts_body(x) and body_cols:
            col = body_cols[-1]
        elif col is None and x[:1].islower() and rest:
            cur = rest[min(at, len(rest) - 1)]
            if cur in touched and cur != "lead":
                col = cur
            else:                                       # the next column whose text is not a whole body name
                col = next((r for r in rest[at + (cur in touched):] if cells.get(r)
                            and not _whole_name(" ".join(cells[r]))), cur)
        elif col is None:
            col = "extra" if "extra" in rest else (body_cols[-1] if body_cols else order[-1])
        cells.setdefault(col, []).append(x)
        touched.add(col)
        at = rest.index(col) if col in rest else at


def _whole_name(text: str) -> bool:
    """Is the text one body name, found from its first to its last word ("Bộ Khoa học và Công nghệ")?"""
    spans = find_bodies(text)
    return len(spans) == 1 and spans[0].start <= 1 and spans[0].end >= len(text.rstrip(" ;,.")) - 1


def _best_column(cells: dict[str, list[str]], x: str, order: list[str], last: Optional[str]) -> str:
    """Where a lone continuation line goes: the body cell whose name it completes, else the cell
    left open (ending with a comma or a joining word), else the cell filled last."""
    body_cols = [r for r in order if r in ("lead", "coordinators") and cells.get(r)]
    for r in body_cols:
        if completes_name(" ".join(cells[r]), x):
            return r
    for r in body_cols:
        if is_open(cells[r][-1]):
            return r
    if last and last != "description":
        return last
    return body_cols[-1] if body_cols else order[-1]


def _side_by_side(line: str, order: list[str]) -> bool:
    """A first row line that holds the description and further cells: a body head after
    the first words and a time phrase (or another body head) at its end."""
    heads = [h for h in _head_positions(line) if h > 15]
    if order[-1] == "deadline":
        return bool(heads) and _deadline_tail(line) is not None
    return len(heads) >= 2


def _side_by_side_cells(lines: list[str], order: list[str]) -> dict[str, list[str]]:
    cells: dict[str, list[str]] = {r: [] for r in order}
    first = lines[0]
    rest_cols = [r for r in order if r not in ("description", "extra")]
    parts: dict[str, str] = {}
    if rest_cols and rest_cols[-1] == "deadline":
        tail = _deadline_tail(first)
        if tail is not None:
            parts["deadline"] = first[tail:].strip()
            first = first[:tail].rstrip()
        rest_cols = rest_cols[:-1]
    heads = [h for h in _head_positions(first) if h > 15]
    for r in reversed(rest_cols):
        if not heads:
            break
        h = heads.pop()
        parts[r] = first[h:].strip()
        first = first[:h].rstrip()
    parts["description"] = first
    filled = [r for r in order if r in parts]
    for r in filled:
        cells[r].append(parts[r])
    last = filled[-1] if filled else None
    for x in lines[1:]:
        pieces = INNER_END.split(x, maxsplit=1)
        if len(pieces) == 2 and not CELL_END.search(cells["description"][-1] if cells["description"] else "."):
            cells["description"].append(pieces[0])
            nxt = order[order.index("description") + 1] if order.index("description") + 1 < len(order) else None
            if nxt:
                cells[nxt].append(pieces[1])
                last = nxt
            continue
        if cells["description"] and not CELL_END.search(cells["description"][-1]):
            cells["description"].append(x)
            continue
        col = _best_column(cells, x, order, last)
        cells[col].append(x)
        last = col
    return cells


def _head_positions(line: str) -> list[int]:
    """Offsets where a body name starts inside a line (find_bodies, else a body head word
    with a capital after a lower-case word)."""
    pos = sorted({b.start for b in find_bodies(line)})
    for h in words().body_heads:
        for m in _head_re(h).finditer(line) if h in line else ():    # a scan only for a head the line holds
            if m.start() not in pos:
                pos.append(m.start())
    pos = sorted(set(pos))
    out = []
    for p in pos:                                      # "Sở Khoa học Các sở," -> both; "và Công" no
        if out and p - out[-1] < 4:
            continue
        out.append(p)
    return out


@lru_cache(maxsize=None)
def _head_re(head: str) -> re.Pattern:
    """A body head word inside a line, after a space: " Sở Khoa học", " Các sở,"."""
    return re.compile(r"(?<=\s)" + re.escape(head) + r"(?=[\s,])")


def _deadline_tail(line: str) -> Optional[int]:
    toks = list(TOKEN.finditer(line))
    for k in (3, 2, 1):
        if len(toks) > k:
            start = toks[-k].start()
            if is_deadline(line[start:]):
                return start
    return None


def _description_end(lines: list[str]) -> int:
    """Index of the description cell's last line."""
    if len(lines) <= 1:
        return 0
    for i in range(len(lines) - 1):
        if CELL_END.search(lines[i]) and starts_body(lines[i + 1]) and not (i and starts_body(lines[i])):
            return i                                    # not "Bộ Công Thương;" (a body cell's line) before "Bộ Ngoại giao;"
    longest = max(len(x) for x in lines)
    for i in range(1, len(lines)):
        if starts_body(lines[i]) and len(lines[i]) < 0.6 * longest:
            return i - 1
    return len(lines) - 2


def _starts_new_cell(prev: str, x: str) -> bool:
    """Does line x start a new lead/coordinators cell after prev? Only a line that opens
    with a capitalised body name, after a line that closes a name."""
    if not x[:1].isupper() or is_open(prev):
        return False
    if completes_name(prev, x):
        return False
    return starts_body(x)


