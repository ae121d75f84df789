"""Batch parsing for archivists: every input accounted for, every document bounded, never dropped.

    collect_inputs(paths, exclude=None) -> list[Path]
    parse_many(inputs, outdir, workers=None, progress=None, *, limits=None, resume=False,
               force_workers=False, started=None, scheduler=None) -> Report

The report is appended to `outdir/_report.jsonl` as each document ends and written
whole to `outdir/_report.json` at the end, or when Ctrl-C stops the run
(`report.interrupted`). Documents run in worker processes (batch/pool.py) so that a
document over its time or memory limit, or one that kills its worker, is reported
and the batch goes on; `scheduler` sends them to a Dask cluster instead (batch/dask.py).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Optional

from ..limits import Limits, from_env
from .inputs import SKIP_DIRS, SKIP_NAMES, already_done, collect_inputs, output_names
from .report import REPORT, Entry, Journal, Report, write_report

__all__ = ["collect_inputs", "parse_many", "output_names", "worker_count", "Entry", "Report",
           "SKIP_NAMES", "SKIP_DIRS", "REPORT"]


def worker_count(asked: Optional[int], inputs: int, force: bool = False) -> int:
    """Processes to use: `asked` (default: all cores), at most min(cores, inputs) unless forced."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if asked is not None and asked < 1:
        raise ValueError(f"--workers must be 1 or more, not {asked}")
    n = asked or cores
    return n if force else max(1, min(n, cores, max(1, inputs)))


def parse_many(inputs: list[Path], outdir: Path, workers: Optional[int] = None,
               progress: Optional[Callable[[Entry], None]] = None, *, limits: Optional[Limits] = None,
               resume: bool = False, force_workers: bool = False,
               started: Optional[Callable[[str], None]] = None, scheduler: Optional[str] = None) -> Report:
    """Parse every input into outdir; returns the report (also written as outdir/_report.json)."""
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise NotADirectoryError(f"{outdir}: the output folder is a file")
    limits = limits or from_env()
    names = output_names(inputs)
    jobs = [(str(p), str(outdir / names[p]), names[p]) for p in inputs]
    results: dict[str, Entry] = {}
    journal = Journal(outdir)

    def done(entry: Entry) -> None:
        results[entry.input] = entry
        journal.add(entry)
        if progress:
            progress(entry)

    todo = []
    for path, out, name in jobs:
        found = already_done(Path(path), Path(out), name) if resume else None
        if found is not None:
            done(found)
        else:
            todo.append((path, out, name))
    finished = True
    try:
        if scheduler:
            from .dask import run_dask
            finished = run_dask(todo, scheduler, limits, done, started)
        elif todo:
            from .pool import run_pool
            finished = run_pool(todo, worker_count(workers, len(todo), force_workers), limits, done, started)
    except KeyboardInterrupt:
        finished = False
    finally:
        journal.close()
    for path, _, _ in todo:
        if path not in results:
            results[path] = Entry(input=path, status="interrupted", error="stopped by Ctrl-C before it finished")
    report = Report(entries=[results[path] for path, _, _ in jobs], interrupted=not finished)
    write_report(outdir, report)
    return report


#: a tiny document parsed once per process, so that every lazily built table (gazetteer
#: automaton, patterns, spaCy vocabulary) is built before the first real document's clock starts
WARM_UP_TEXT = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 12/KH-UBND\nKẾ HOẠCH\nTriển khai Chỉ thị số 11/CT-TTg\n"
                "I. NHIỆM VỤ\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính thực hiện Quyết định số 12/QĐ-UBND "
                "ngày 01/01/2024. Thời hạn: trước ngày 30/6/2025.\n")
_warm = False


def warm_up() -> None:
    """Load gazetteers and compiled patterns, and parse a tiny document, once per process."""
    global _warm
    if _warm:
        return
    import tempfile

    from ..run import parse
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as fh:
        fh.write(WARM_UP_TEXT)
        fh.flush()
        try:
            parse(fh.name)
        except Exception:  # noqa: BLE001 - warming up must never stop a batch
            pass
    _warm = True
