"""`--format xlsx`: a workbook of three sheets, `Nhiệm vụ` (one row per task),
`Văn bản` (one per document) and `Trích dẫn` (one per reference).

    write(documents, out, as_of) -> int       rows written to the task sheet

The header row is frozen, autofilter is on, widths come from data/columns.yaml,
long text wraps, and dates are real Excel dates (format dd/mm/yyyy).  Printed,
a sheet is landscape A4, all columns on the page width, the header on every page.
"""
from __future__ import annotations

from copy import copy
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter

from vanban.schemas.models import Document

from .rows import Column, columns, document_row, reference_rows, task_rows

SHEETS = ("Nhiệm vụ", "Văn bản", "Trích dẫn")
DATE_FORMAT = "dd/mm/yyyy"


def _styles(wb: Workbook) -> None:
    """Named styles, registered once: a cell then takes one by name (per-cell style
    objects cost openpyxl a hash each, seconds on a corpus)."""
    for name, font, fill, align, fmt in (
            ("vb_header", Font(bold=True), PatternFill("solid", fgColor="DDEBF7"),
             Alignment(wrap_text=True, vertical="center"), "General"),
            ("vb_text", Font(), PatternFill(), Alignment(vertical="top"), "General"),
            ("vb_wrap", Font(), PatternFill(), Alignment(wrap_text=True, vertical="top"), "General"),
            ("vb_date", Font(), PatternFill(), Alignment(vertical="top"), DATE_FORMAT)):
        wb.add_named_style(NamedStyle(name=name, font=font, fill=fill, alignment=align, number_format=fmt))


LINE_POINTS = 15          # one line of 11-point text
CHARS_PER_WIDTH = 1.15    # Vietnamese text in the default font fits a little more than the width in characters
MAX_ROW_POINTS = 409      # Excel's limit


def _height(row: dict, wrapped: list[Column]) -> float:
    """Points for a row whose long cells wrap: neither Excel nor LibreOffice grows a row
    written by openpyxl on opening, so wrapped text would spill over the next rows."""
    lines = 1
    for col in wrapped:
        text = row.get(col.key) or ""
        if isinstance(text, str) and text:
            per_line = col.width * CHARS_PER_WIDTH
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in text.split("\n")))
    return min(MAX_ROW_POINTS, lines * LINE_POINTS)


def _fill(ws, cols: list[Column], rows: list[dict]) -> None:
    ws.append([c.header for c in cols])
    for cell in ws[1]:
        cell.style = "vb_header"
    ws.row_dimensions[1].height = _height({c.key: c.header for c in cols}, cols) + LINE_POINTS   # bold, wider
    wrapped = [c for c in cols if c.kind == "wrap"]
    for number, row in enumerate(rows, start=2):
        ws.append([row.get(c.key) for c in cols])
        ws.row_dimensions[number].height = _height(row, wrapped)
    for i, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
        cells = [cell for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i)]
        if not cells:
            continue
        cells[0].style = {"wrap": "vb_wrap", "date": "vb_date"}.get(col.kind, "vb_text")
        for cell in cells[1:]:        # the same style array: setting the name per cell costs seconds
            cell._style = copy(cells[0]._style)
    ws.page_setup.orientation = "landscape"      # printed: every column on the page width, the
    ws.page_setup.paperSize = ws.PAPERSIZE_A4     # header row repeated on each page
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(1, ws.max_row)}"


def write(documents: list[Document], out: Path, as_of: date) -> int:
    wb = Workbook()
    _styles(wb)
    tasks = [r for d in documents for r in task_rows(d, as_of)]
    sheets = (
        (tasks, "tasks"),
        ([document_row(d) for d in documents], "documents"),
        ([r for d in documents for r in reference_rows(d)], "references"),
    )
    for i, ((rows, key), title) in enumerate(zip(sheets, SHEETS)):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = title
        _fill(ws, columns(key), rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return len(tasks)
