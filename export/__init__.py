"""Exports for the people who track tasks (42/2014/QĐ-TTg) and the archives that
exchange legal documents, fed by validated Documents, never by re-parsing:

    export(documents, fmt, out, as_of) -> int      rows, tasks or files written

| fmt   | module    | out                                                             |
|-------|-----------|-----------------------------------------------------------------|
| xlsx  | xlsx.py   | a workbook: `Nhiệm vụ` (tasks), `Văn bản` (documents), `Trích dẫn` (references) |
| csv   | csv.py    | the task sheet, UTF-8 with BOM, RFC 4180                        |
| ics   | ics.py    | one VTODO per task with a date or recurrence (iCalendar)        |
| jsonl | jsonl.py  | one task per line with its document's identifier, issuer, date  |
| akn   | akn.py    | a folder: one Akoma Ntoso 3.0 XML file per document             |

`-o out/` (a folder) for a one-file format writes `out/tasks.<fmt>`.
Inputs come from load.py (files, folders, JSON outputs, the registry).
"""
from __future__ import annotations

import os
from datetime import date
from importlib import import_module
from pathlib import Path

FORMATS = ("xlsx", "csv", "ics", "jsonl", "akn")


#: the file written when OUT names a folder (`-o out/`) for a one-file format
DEFAULT_NAME = "tasks.{fmt}"


def output_path(out: str | Path, fmt: str) -> Path:
    """OUT as given; for one-file formats, a folder (existing, or written with a
    trailing slash) gets `tasks.<fmt>` inside it."""
    path = Path(out)
    if fmt != "akn" and (str(out).endswith(("/", os.sep)) or path.is_dir()):
        return path / DEFAULT_NAME.format(fmt=fmt)
    return path


def export(documents, fmt: str, out: str | Path, as_of: date) -> int:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return import_module(f"{__name__}.{fmt}").write(list(documents), output_path(out, fmt), as_of)


__all__ = ["FORMATS", "export"]
