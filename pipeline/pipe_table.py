"""Row-per-line Markdown pipe tables, whole or broken by a converter.

    PIPE_HEADER.match(line)        a header row: `| TT | Tên văn bản | Cơ quan trình | ... |`
    pipe_rows(lines) -> rows       rows of cells, a cell being its physical lines

A whole table has one row a line, every line opening and closing with a bar.  A web-to-text
converter may break the rows: a cell's text runs on over a line break, a row's cells are
split over several `|` lines, and filler lines of bars sit between the rows (pool
md/ae8d299abf846604, the plan of NQ 1339/NQ-UBTVQH15):

    | | Nghị quyết về việc giải thể Viện Nghiên cứu lập pháp (...) | Ban Công tác đại biểu |
    Ban Công tác đại biểu (Viện Nghiên cứu lập pháp phối hợp chuẩn bị dự thảo) |
    | Trình UBTVQH xem xét, thông qua trước ngày 10/01/2025 | - Hồ sơ trình UBTVQH gồm có: ... | |

Such a table is read as one stream of cells (every bar parts two cells, line breaks do not):
one empty cell is an empty cell of the row (`|⏎|` above: no examining body); two or more
empty cells in a row, or a full row followed by a line break, end the row.  A row one cell
short of a header that opens with a row-number heading (TT, STT) has lost that empty cell.
"""
from __future__ import annotations

import re

from vanban.lexicon.patterns import task_table_groups

#: a header row: a line opening with a bar and holding three or more filled cells
PIPE_HEADER = re.compile(r"^\s*\|(?:\s*[^|\s][^|]*\|){2,}\s*[^|\s][^|]*(?:\||$)")
#: a Markdown separator cell: `---`, `:---:`
SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
#: a row number or group marker opening a row: "1", "12.", "II"
ROW_MARK = re.compile(r"^(?:\d{1,3}|[IVXL]{1,6})[.)]?$")


def _split(line: str) -> list[str]:
    """A whole row's cells: `| a | b |` -> ["a", "b"]."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _is_separator(line: str) -> bool:
    cells = [c for c in _split(line) if c]
    return bool(cells) and all(SEPARATOR_CELL.match(c) for c in cells)


def _as_cell(text: str) -> list[str]:
    return [ln.strip() for ln in text.strip().split("\n") if ln.strip()] or [""]


def pipe_rows(lines: list[str]) -> list[list[list[str]]]:
    """The rows of a pipe table (lines from its header row to the next blank line)."""
    header = _split(lines[0])
    while header and not header[-1]:
        header.pop()                     # `| ... | Hồ sơ | |`: a trailing empty cell
    body = [ln for ln in lines[1:] if not _is_separator(ln)]
    whole = all(ln.strip().startswith("|") and ln.strip().endswith("|") for ln in body) \
        and all(len(_split(ln)) == len(_split(lines[0])) for ln in body)
    rows = [[_as_cell(c) for c in header]]
    if whole:
        return rows + [[_as_cell(c) for c in _split(ln)] for ln in body]
    return rows + [_aligned(r, header) for r in _stream_rows(body, len(header))]


def _stream_rows(body: list[str], width: int) -> list[list[str]]:
    """Rows of a broken table: its cells read as one stream (see the module docstring)."""
    pieces = "\n".join(body).split("|")
    rows: list[list[str]] = []
    row: list[str] = []
    empties = 0
    for p, piece in enumerate(pieces):
        text = piece.strip()
        if SEPARATOR_CELL.match(text):
            text = ""
        if not text:
            empties += 1 if p else 0     # nothing before the first bar is no cell
            continue
        opens_line = p == 0 or "\n" in pieces[p - 1] or piece.lstrip(" ").startswith("\n")
        full = len(row) >= (width if row and ROW_MARK.match(row[0]) else width - 1)
        if row and (empties >= 2 or (full and opens_line)):
            rows.append(row)
            row = []
        elif row:
            row += [""] * empties         # one empty cell inside the row
        row.append(text)
        empties = 0
    if row:
        rows.append(row)
    return rows


def _aligned(row: list[str], header: list[str]) -> list[list[str]]:
    """A row one cell short of a header opening with a row-number heading gets that empty cell back."""
    if (len(row) == len(header) - 1 and header and header[0].casefold() in task_table_groups()["number"]
            and not ROW_MARK.match(row[0])):
        row = [""] + row
    return [_as_cell(c) for c in row]
