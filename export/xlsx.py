"""`--format xlsx`: a workbook of three sheets, `Nhiệm vụ` (one row per task),
`Văn bản` (one per document) and `Trích dẫn` (one per reference).

    write(documents, out, as_of) -> int       rows written to the task sheet

The header row is frozen, autofilter is on, widths come from data/columns.yaml,
long text wraps, and dates are real Excel dates (format dd/mm/yyyy).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from vanban.schemas.models import Document

from .rows import Column, columns, document_row, reference_rows, task_rows

SHEETS = ("Nhiệm vụ", "Văn bản", "Trích dẫn")
DATE_FORMAT = "dd/mm/yyyy"
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


def _fill(ws, cols: list[Column], rows: list[dict]) -> None:
    ws.append([c.header for c in cols])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        ws.append([row.get(c.key) for c in cols])
    for i, col in enumerate(cols, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = col.width
        style = _WRAP if col.kind == "wrap" else _TOP
        for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            cell.alignment = style
            if col.kind == "date" and isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(1, ws.max_row)}"


def write(documents: list[Document], out: Path, as_of: date) -> int:
    wb = Workbook()
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
