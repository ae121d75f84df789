"""Markdown tables printed one token a line, read into rows of cells.

    md_segments(lines) -> list[str | MdTable]     plain_cell(cell) -> str

A web-to-text converter may print `| a | b |` one token a line: a bar line `|`, then a cell's
lines, then a bar.  One bar ends a cell, two or more bars in a row end the row; where the table's
width is known (a column-numbering row, or a full header row) the rows below it are re-read cell
by cell, since an empty cell is a bar too.  Row-per-line pipe tables go to pipe_table.py.
read_markdown.py decides what the rows mean (layout, chrome, data).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .pipe_table import PIPE_HEADER, pipe_rows

#: a Markdown table bar line: `|` alone (cells are one per line between them)
MD_BAR = re.compile(r"^\s*\|\s*$")
#: bold/italic markers: `**KẾ HOẠCH**`, `*Đồng Tháp, ngày 01 tháng 12 năm 2025*`
MD_EMPHASIS = re.compile(r"\*+")
#: an appendix title alone on its line, right after a table's closing bar: `**PHỤ LỤC II**` (pool md/74e2ddc7b11340da.md)
MD_APPENDIX_LINE = re.compile(r"^\s*\**\s*(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+[IVXL\d]+)?\s*\**\s*$")


@dataclass
class MdTable:
    rows: list[list[list[str]]]      # rows of cells, a cell being its physical lines


#: a bar token of a Markdown table printed one token a line
_BAR = "|"
#: a cell of a row numbering the columns under a table's header: "*1*", "(2)", "A", "4=3/2"
#: ("A | B | 1 | 2 | 3 | 4=3/2 | 5 | 6", 044)
COLUMN_NUMBER = re.compile(r"^\(?(?:[A-Z]|(?P<n>\d{1,2})(?:\s*=\s*[\d\s/+*x().-]+)?)\)?$")


def md_segments(lines: list[str]) -> list:
    """Split Markdown lines into text lines (str) and MdTable objects.

    A table is a run of lines between `|` bar lines, read as tokens (a bar, or a cell's
    lines).  One bar ends a cell, two or more bars in a row end the row
    (`| a | b |` printed one token a line) -- except that an empty cell is a bar too, so
    where the table's width is known (a column-numbering row, or a full header row) the
    rows after it are read cell by cell (`_rows_by_width`).
    """
    out: list = []
    n = len(lines)
    barred = [k for k, ln in enumerate(lines) if "|" in ln]    # a table starts only at a line with a bar
    i = b = 0
    while b < len(barred):
        if barred[b] < i:                # inside a table read already
            b += 1
            continue
        out += lines[i:barred[b]]        # text lines up to the next bar (most lines)
        i = barred[b]
        if PIPE_HEADER.match(lines[i]):
            j = i + 1
            while j < n and lines[j].strip() and "|" in lines[j]:
                j += 1                   # a row-per-line pipe table runs to the first blank line
            out.append(MdTable(rows=pipe_rows(lines[i:j])))
            i = j
            continue
        if not MD_BAR.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        tokens, i = _tokens(lines, i)
        out.append(MdTable(rows=_decode_rows(tokens)))
    out += lines[i:]
    return out


def _tokens(lines: list[str], j: int) -> tuple[list, int]:
    """The tokens of the table whose first bar is line j, until a blank line follows a bar run;
    and the line after the table.  (A line is a bar line, MD_BAR, when it strips to `|`.)"""
    n = len(lines)
    tokens: list = []
    while j < n:
        line = lines[j]
        if line.strip() == _BAR:
            tokens.append(_BAR)
            j += 1
            while j < n and lines[j].strip() == _BAR:
                tokens.append(_BAR)
                j += 1
            if j >= n or not lines[j].strip() or MD_APPENDIX_LINE.match(lines[j]):
                break                # a blank line (or the next appendix's title) after the closing bars ends the table
            continue
        if tokens and tokens[-1] is not _BAR:
            tokens[-1].append(line)
        else:
            tokens.append([line])
        j += 1
    return tokens, j


def _rows_by_runs(tokens: list) -> tuple[list, list[int]]:
    """Rows where two or more bars end a row; and, per row, the token index just past the
    bar closing its last cell."""
    rows: list = []
    ends: list[int] = []
    row: list = []
    t = 0
    while t < len(tokens):
        if tokens[t] is _BAR:
            k = t
            while k < len(tokens) and tokens[k] is _BAR:
                k += 1
            if (k - t >= 2 or k >= len(tokens)) and row:
                rows.append(row)
                ends.append(t + 1)
                row = []
            t = k
            continue
        row.append(tokens[t])
        t += 1
    if row:
        rows.append(row)
        ends.append(len(tokens))
    return rows, ends


def _rows_by_width(tokens: list, t: int, width: int) -> list | None:
    """Rows of exactly `width` cells from token t (a row's opening bar): each cell its
    lines (none: an empty cell, kept as "") then a bar.  None where the tokens do not fit."""
    rows: list = []
    while t < len(tokens):
        if tokens[t] is not _BAR:
            return None
        t += 1
        if t >= len(tokens):
            break                        # the table's last bar
        row = []
        for _ in range(width):
            cell = [""]
            if t < len(tokens) and tokens[t] is not _BAR:
                cell = tokens[t]
                t += 1
            row.append(cell)
            if t >= len(tokens):
                break                    # the table stops mid-row (the converter cut it)
            if tokens[t] is not _BAR:
                return None
            t += 1
        rows.append(row)
    return rows


def _decode_rows(tokens: list) -> list:
    """The table's rows: by bar runs, then re-read by width below a column-numbering row
    ("1 | 2 | ... | 8") or a header row as wide as the widest row."""
    rows, ends = _rows_by_runs(tokens)
    start = next((r for r, row in enumerate(rows[:6]) if _numbers_columns(row)), None)
    widths: list[int] = []
    if start is not None:
        widths = [len(rows[start]), len(rows[start]) + 1]     # its first cell may be empty (059)
    elif rows and len(rows[0]) >= 3 and len(rows[0]) == max(len(r) for r in rows):
        start, widths = 0, [len(rows[0])]                      # a full header row (048)
    if start is None or start + 1 >= len(rows):
        return rows
    for width in widths:
        fixed = _rows_by_width(tokens, ends[start], width)
        if fixed is not None:
            return rows[:start + 1] + fixed
    return rows


def _numbers_columns(row: list) -> bool:
    """A row of column numbers: "1 | 2 | ... | 8", "A | B | 1 | 2 | 3 | 4=3/2 | 5 | 6"."""
    labels = [COLUMN_NUMBER.match(plain_cell(c)) for c in row]
    if len(row) < 3 or not all(labels):
        return False
    numbers = [int(m.group("n")) for m in labels if m.group("n")]
    return len(numbers) >= 3 and numbers == sorted(set(numbers))


def unstarred(s: str) -> str:
    """`s` without its emphasis markers: MD_EMPHASIS is any run of `*`, so every `*` goes (by
    str.replace, 10x faster than the regex, issue 13)."""
    return s.replace("*", "")


def plain_cell(cell: list[str]) -> str:
    """A cell's text without emphasis markers: its lines joined by line breaks, stripped."""
    return unstarred("\n".join(cell)).strip()
