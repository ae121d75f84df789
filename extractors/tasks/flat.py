"""Flattened task tables: a table that text extraction printed one cell line after another,
found among the paragraphs and rebuilt into rows (cells cut by cells.py).

    find_flat_regions(blocks) -> [(first, end)]                 the ONE flattened-table detector
    tasks_from_flat(lines: list[str], doc_year, ...) -> TableResult
    rebuild_flat(lines, ...) -> list[RowCells] | None
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.lexicon import load
from vanban.pipeline.types import Paragraph
from vanban.schemas.models import Warning

from .cells import fill_row
from .columns import (FLAT_HEADER, FLAT_ROW_START, GROUP_MARKER, PAGE_NUMBER, ROLES, ROMAN, YEAR, clean, fold,
                      join_lines, plausible_name, words)
from .table import RowCells, TableResult, tasks_from_rows

def tasks_from_flat(lines: list[str], doc_year: Optional[int] = None, *, page: Optional[int] = None,
                    group_prefix: str = "", offsets: Optional[list[int]] = None) -> TableResult:
    """Rebuild the rows of a table that text extraction flattened line by line, then
    read them as a table.  The header gives the column order; row numbers `1.` and
    Roman group rows cut the rows; inside a row the cells come one after the other
    (description, lead, coordinators, deadline) and are cut where the text says so:
    a description ends with its sentence, a lead or coordinators cell starts with a
    body name, a deadline is a time phrase at the end.  A page number inside a row
    starts a second pass through the columns.
    """
    rows = rebuild_flat(lines, page=page, offsets=offsets)
    if rows is None:
        return TableResult()
    res = tasks_from_rows(rows, doc_year, group_prefix)
    good = sum(1 for t in res.tasks if t.lead and all(plausible_name(n) for n in t.lead))
    if res.tasks and good < FLAT_MIN_GOOD * len(res.tasks):
        # a layout this rebuilding does not know (lead column first, merged cells over rows, ...):
        # better no rows than wrong ones
        return TableResult(warnings=[Warning(
            code="flat_table_unreadable",
            message=f"a flattened task table of {len(res.tasks)} rows could not be rebuilt reliably "
                    f"({good} rows with plausible leads); its rows are left out")])
    return res


#: share of rebuilt rows whose leads must read as body names for a flattened table to be kept
FLAT_MIN_GOOD = 0.7



def rebuild_flat(lines: list[str], page: Optional[int] = None,
                 offsets: Optional[list[int]] = None) -> Optional[list[RowCells]]:
    """The rows of a flattened table (group rows included); `offsets`: where each line starts
    in LaidOut.text, to give every row its span."""
    if offsets is None:
        offsets = [None] * len(lines)
    kept = [(clean(x), o, len(x)) for x, o in zip(lines, offsets) if clean(x)]
    lines = [x for x, _, _ in kept]
    spans = [(o, o + n) if o is not None else None for _, o, n in kept]
    # 1. header: the lines before the first group or row marker
    first = next((i for i, x in enumerate(lines) if _is_group_line(x) or FLAT_ROW_START.match(x)
                  and (FLAT_ROW_START.match(x).group("n") == "1")), None)
    if first is None or first == 0:
        return None
    top = max([i for i in range(first) if FLAT_HEADER.match(lines[i])] or [0])   # title lines above the header
    order = _flat_column_order(" ".join(lines[top:first]))
    if order is None:
        return None
    extra_label = _extra_label(" ".join(lines[top:first])) if "extra" in order else ""
    # numbers of one depth all end in a dot or none does ("1." and "2." over "1.1", "1.2"): decided per depth
    dotted = {len(m.group("n").split(".")) for m in map(FLAT_ROW_START.match, lines[first:]) if m and m.group("dot")}
    header = lines[top:first]
    # 2. cut rows
    rows: list[RowCells] = []
    chunk: list[str] = []
    current: Optional[RowCells] = None
    expected: Optional[str] = None

    def flush(next_row: Optional[str] = None):
        if current is None or not chunk:
            return
        if next_row == current.row + ".1" and "\f" not in chunk:
            current.cells["description"] = join_lines(chunk)    # "2." + its title, above rows "2.1", "2.2"
        else:
            fill_row(current, chunk, order, extra_label)

    def span(rc: RowCells, k: int):
        if spans[k] is not None:
            rc.start = spans[k][0] if rc.start is None else rc.start
            rc.end = spans[k][1]

    i = first
    while i < len(lines):
        x = lines[i]
        if len(header) > 1 and lines[i:i + len(header)] == header:
            chunk.append("\f")                          # the column headings printed again on a new page
            i += len(header)
            continue
        if _is_group_line(x):
            flush()
            m = GROUP_MARKER.match(x)
            title = [m.group("title").strip()] if m.group("title").strip() else []
            j = i + 1
            while j < len(lines) and not _is_row_start(lines[j], None, dotted) and not _is_group_line(lines[j]):
                title.append(lines[j])
                j += 1
            rows.append(RowCells(row=m.group("m"), cells={"description": " ".join(title)}, page=page))
            for k in range(i, j):
                span(rows[-1], k)
            current, chunk, expected = None, [], None
            i = j
            continue
        n = _is_row_start(x, expected, dotted)
        if n:
            flush(n)
            current = RowCells(row=n, page=page)
            rows.append(current)
            rest = FLAT_ROW_START.match(x).group("rest")
            chunk = [rest] if rest else []
            expected = n
            span(current, i)
            i += 1
            continue
        if PAGE_NUMBER.match(x) and (1 in dotted or not _is_row_start(x, expected, dotted)):
            chunk.append("\f")                          # page break inside a row
        else:
            chunk.append(x)
        if current is not None:
            span(current, i)
        i += 1
    flush()
    return rows


def _is_group_line(x: str) -> bool:
    m = GROUP_MARKER.match(x)
    if not m or not ROMAN.match(m.group("m")) or len(m.group("m")) > 5:
        return False
    title = m.group("title").strip()
    return not title or (len(title) > 10 and title[:1].isupper() and not YEAR.fullmatch(title))


def _is_row_start(x: str, expected: Optional[str], dotted: set[int]) -> Optional[str]:
    """The row number a line opens with, when it is the number that may come after `expected`:
    its first child ("1" -> "1.1"), its next sibling ("1.1" -> "1.2"), the next sibling of a
    parent ("6.3" -> "7"), or that sibling's first child ("1.7" -> "2.1")."""
    m = FLAT_ROW_START.match(x)
    if not m:
        return None
    n = m.group("n")
    if (len(n.split(".")) in dotted and not m.group("dot")) or YEAR.fullmatch(n):
        return None
    if expected is None:
        return n if n.split(".")[-1] == "1" else None
    return n if n in _next_numbers(expected) else None


@lru_cache(maxsize=1024)
def _next_numbers(expected: str) -> frozenset[str]:
    parts = expected.split(".")
    out = {expected + ".1"}
    for k in range(len(parts)):
        nxt = ".".join(parts[:k] + [str(int(parts[k]) + 1)])
        out |= {nxt, nxt + ".1"}
    return frozenset(out)


def _flat_column_order(header: str) -> Optional[list[str]]:
    """Column roles in the order the header names them, read left to right: at each place the
    longer word (a strong one before a weak one) names a column unless an earlier word covers
    that place or its role is named already ("Đơn vị | Nhiệm vụ chủ trì | Đơn vị phối hợp" ->
    lead, description, coordinators)."""
    f = fold(header)
    w = words()
    hits = sorted((m.start(), -len(k), weak, role, k)
                  for weak, tier in ((False, w.strong_words), (True, w.weak_words)) for role, k in tier if k
                  for m in _folded_word_re(k).finditer(f))
    pos: dict[str, int] = {}
    covered = -1
    for at, neg, _, role, _ in hits:
        if at < covered:
            continue
        covered = at - neg
        if role not in pos:
            pos[role] = at
    order = [r for r, _ in sorted(pos.items(), key=lambda kv: kv[1]) if r in ROLES + ("extra",) and r != "row"]
    if "description" not in order or not ({"lead", "coordinators"} & set(order)):
        return None
    if order[0] != "description":
        return None             # a lead column first (091 "STT | Đơn vị | Nhiệm vụ chủ trì"): merged cells not rebuilt
    if "extra" in order and not _extra_after_bodies(order):
        order.remove("extra")                           # only an extra column after the body columns is cut out
    return order


@lru_cache(maxsize=None)
def _folded_word_re(key: str) -> re.Pattern:
    """Every place a folded header word occurs (overlaps included)."""
    return re.compile("(?=" + re.escape(key) + ")")


def _extra_after_bodies(order: list[str]) -> bool:
    k = order.index("extra")
    return any(r in ("lead", "coordinators") for r in order[:k]) and all(r == "deadline" for r in order[k + 1:])


def _extra_label(header: str) -> str:
    """The header words of a flattened table's extra column, as the data file writes them: "sản phẩm"."""
    f = fold(header)
    for c in load("task_columns.yaml")["columns"]:
        if c["role"] == "extra":
            for w in c["words"]:
                if fold(w) in f:
                    return w[:1].upper() + w[1:]
    return "extra"




# A heading that closes a flattened table: "PHỤ LỤC II", "DANH MỤC ...", "Nơi nhận:"
FLAT_END = re.compile(r"^(?:PHỤ LỤC|Phụ lục|Nơi nhận|NƠI NHẬN)\b")


def find_flat_regions(blocks: list) -> list[tuple[int, int]]:
    """(first, end) block indices of runs of paragraphs that are a flattened task table: a
    `TT | STT | Số TT` line whose next lines name a description, a lead and a coordinators or
    deadline column (the column vocabulary of task_columns.yaml); the run ends at an appendix
    title, `Nơi nhận` or a block that is not a paragraph."""

    out = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Paragraph) and FLAT_HEADER.match(clean(b.text)) and _header_ahead(blocks, i):
            j = i + 1
            while j < len(blocks) and isinstance(blocks[j], Paragraph) and not FLAT_END.match(clean(blocks[j].text)):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _header_ahead(blocks: list, i: int) -> bool:

    text = " ".join(clean(p.text) for p in blocks[i:i + 14] if isinstance(p, Paragraph))
    roles = set()
    f = fold(text)
    for role, keys in words().columns:
        if any(k and k in f for k in keys):
            roles.add(role)
    return "description" in roles and "lead" in roles and ("coordinators" in roles or "deadline" in roles)
