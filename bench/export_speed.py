"""Time `vanban export` on the corpus's JSON outputs, format by format.

    python bench/export_speed.py [OUTPUTS_FOLDER]      (default: outputs/)

Prints, for loading (read + Document.model_validate) and for each format, the wall
time and the CPU time of this process; on a shared machine the CPU time is the
steadier figure.
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from vanban.export import FORMATS, export
from vanban.export.load import load_paths


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main(folder: str = "outputs") -> None:
    loaded, wall, cpu = timed(lambda: load_paths([folder], workers=1))
    docs = loaded.documents
    tasks = sum(len(d.tasks) for d in docs)
    print(f"{len(docs)} documents, {tasks} tasks, {sum(len(d.references) for d in docs)} references")
    print(f"{'load':6} wall {wall:6.2f} s  cpu {cpu:6.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            out = Path(tmp) / (fmt if fmt == "akn" else f"tasks.{fmt}")
            n, wall, cpu = timed(lambda: export(docs, fmt, out, date(2026, 12, 3)))
            print(f"{fmt:6} wall {wall:6.2f} s  cpu {cpu:6.2f} s  ({n} written)")


if __name__ == "__main__":
    main(*sys.argv[1:])
