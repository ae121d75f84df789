"""`--format csv`: the task sheet (the xlsx `Nhiệm vụ` columns) as UTF-8 with a BOM,
so that Excel on Windows opens Vietnamese correctly, quoted as RFC 4180 says
(CRLF line ends, fields with commas, quotes or line breaks in double quotes).
List columns (lead, coordinators) are joined with `; `; dates are ISO 8601.

    write(documents, out, as_of) -> int       rows written
"""
from __future__ import annotations

import csv as _csv
from datetime import date
from pathlib import Path

from vanban.schemas.models import Document

from .rows import columns, task_rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write(documents: list[Document], out: Path, as_of: date) -> int:
    cols = columns("tasks")
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        w = _csv.writer(fh, dialect="excel", lineterminator="\r\n", quoting=_csv.QUOTE_MINIMAL)
        w.writerow([c.header for c in cols])
        for doc in documents:
            for row in task_rows(doc, as_of):
                w.writerow([_cell(row[c.key]) for c in cols])
                n += 1
    return n
