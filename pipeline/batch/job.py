"""One document of a batch, as a worker (a local process or a Dask worker) runs it.

    run_job(path, out_path, name) -> Entry       (never raises for a bad document)
    parse_entry(path, name) -> (Entry, JSON text or None)
    pages_of(path) -> int                        (for the time limit: PDF pages, else an estimate)
    stage_of(dump) -> str | None                 (where a stuck worker was, from its faulthandler dump)
"""
from __future__ import annotations

import os
import re
import stat
import time
import traceback
import zipfile
from pathlib import Path
from typing import Optional

from ..errors import TooLarge, VanbanError
from .report import Entry

#: characters of text that count as one page for the time limit of a non-PDF input
CHARS_PER_PAGE = 3000
#: a frame line of a faulthandler dump: `  File "/x/pipeline/read_pdf.py", line 12 in read_pdf`
FRAME = re.compile(r'File "(?P<file>[^"]+)", line \d+ in (?P<func>\S+)')
#: where the code of a file runs in the flow (README, "The flow")
STAGES = (("pipeline/read", "read"), ("pipeline/ocr", "read"), ("pipeline/legacy", "read"), ("pipeline/pdf/", "read"),
          ("pipeline/docx_", "read"), ("pipeline/html_depth", "read"), ("pipeline/text_table", "read"), ("pipeline/pipe_table", "read"), ("pipeline/md_tables", "read"),
          ("pipeline/normalise", "normalise"), ("pipeline/layout", "layout"), ("pipeline/genre", "segment"),
          ("pipeline/segment", "segment"), ("pipeline/markers", "tree"), ("pipeline/tree", "tree"),
          ("extractors/", "extract"), ("pipeline/resolve", "resolve and link"), ("pipeline/link", "resolve and link"),
          ("pipeline/aggregate", "resolve and link"), ("pipeline/checks", "validate"),
          ("pipeline/plausibility", "read"), ("pipeline/native", "read"), ("schemas/", "validate"), ("pipeline/emit", "emit"),
          # the flow's own lines, after its stages: the Document assembled (pydantic validates it as it is made)
          ("pipeline/run", "validate"))


def run_job(path: str, out_path: str, name: str) -> Entry:
    """Parse one input and write its JSON atomically; a failure becomes the entry's status."""
    from ..emit import write_atomic
    entry, text = parse_entry(path, name)
    if text is not None:
        write_atomic(out_path, text)
    return entry


def parse_entry(path: str, name: str) -> tuple[Entry, Optional[str]]:
    """Parse one input: its entry, and its JSON when it parsed (a Dask worker returns both)."""
    from ..emit import to_json
    from ..run import parse
    t0 = time.monotonic()
    text = None
    try:
        document = parse(path)
        text = to_json(document)
        entry = Entry(input=path, status="ok", output=name, warnings=len(document.warnings),
                      tasks=len(document.tasks), references=len(document.references))
    except TooLarge as exc:
        entry = Entry(input=path, status="too_large", error=exc.reason)
    except VanbanError as exc:
        entry = Entry(input=path, status="error", error=exc.reason)
    except MemoryError:
        entry = Entry(input=path, status="too_large", error="over the memory limit (--max-memory raises it)")
    except RecursionError:
        entry = Entry(input=path, status="error", error="nested too deeply to read")
    except Exception as exc:  # a bug must not stop the batch, but must be seen
        where = traceback.extract_tb(exc.__traceback__)[-1]
        entry = Entry(input=path, status="error",
                      error=f"internal error: {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})",
                      stage=_stage_of_file(where.filename))
    entry.seconds = round(time.monotonic() - t0, 3)
    return entry, text


def pages_of(path: str) -> int:
    """Pages for the time limit: a PDF's page count; otherwise its size in pages of text."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return 0                        # refused when read
        with open(path, "rb") as fh:
            head = fh.read(1024)
        size = info.st_size
    except OSError:
        return 0
    if b"%PDF" in head:
        try:
            import pypdfium2
            pdf = pypdfium2.PdfDocument(path)
            try:
                return len(pdf)
            finally:
                pdf.close()
        except Exception:
            return size // (CHARS_PER_PAGE * 20)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                size = sum(i.file_size for i in zf.infolist() if i.filename == "word/document.xml") // 10
        except (zipfile.BadZipFile, OSError, ValueError):
            pass
    return size // CHARS_PER_PAGE


def stage_of(dump: str) -> Optional[str]:
    """The stage and function of the most recent vanban frame in a faulthandler dump."""
    for m in FRAME.finditer(dump):          # most recent call first
        stage = _stage_of_file(m.group("file"))
        if stage:
            short = "/".join(Path(m.group("file")).parts[-2:])
            return f"{stage} ({short}:{m.group('func')})"
    return None


def _stage_of_file(filename: str) -> Optional[str]:
    f = filename.replace("\\", "/")
    if "/site-packages/" in f and "/vanban/" not in f:
        return None
    for key, stage in STAGES:
        if f"/{key}" in f:
            return stage
    return None
