"""Batch parsing for archivists: every input accounted for, failures reported, never dropped.

    collect_inputs(paths) -> list[Path]
    parse_many(inputs, outdir, workers=None, progress=None) -> Report
"""
from __future__ import annotations

import json
import os
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

from .emit import to_json, write_atomic
from .errors import VanbanError

#: What a folder walk never takes for a document: notes about the corpus, and the
#: folders of hand-checked expectations (gold files, legacy-encoding transcripts).
SKIP_NAMES = {"MANIFEST.tsv", "MANIFEST", "README.md", "PROVENANCE.md"}
SKIP_DIRS = {"gold", "ground-truth"}


@dataclass
class Entry:
    input: str
    status: str                      # "ok" or "error"
    output: Optional[str] = None     # file name inside the output folder
    error: Optional[str] = None
    warnings: int = 0
    tasks: int = 0
    references: int = 0


@dataclass
class Report:
    entries: list[Entry] = field(default_factory=list)

    @property
    def failed(self) -> list[Entry]:
        return [e for e in self.entries if e.status != "ok"]

    def to_json(self) -> str:
        ok = len(self.entries) - len(self.failed)
        body = {"inputs": len(self.entries), "ok": ok, "failed": len(self.failed),
                "entries": [asdict(e) for e in self.entries]}
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def collect_inputs(paths: list[str]) -> list[Path]:
    """Expand folders (recursively, sorted) into files; keep files as given."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if (f.is_file() and not f.name.startswith(".") and f.name not in SKIP_NAMES
                        and not SKIP_DIRS.intersection(f.relative_to(p).parts[:-1])):
                    out.append(f)
        else:
            out.append(p)
    return out


def output_names(inputs: list[Path]) -> dict[Path, str]:
    """`<stem>.json`, or `<file name>.json` where two inputs share a stem."""
    stems: dict[str, int] = {}
    for p in inputs:
        stems[p.stem] = stems.get(p.stem, 0) + 1
    return {p: (p.stem if stems[p.stem] == 1 else p.name) + ".json" for p in inputs}


def _parse_one(path: str, out_path: str) -> Entry:
    from .run import parse
    try:
        if not Path(path).is_file():
            raise VanbanError(path, "no such file")
        document = parse(path)
        write_atomic(out_path, to_json(document))
        return Entry(input=path, status="ok", output=Path(out_path).name, warnings=len(document.warnings),
                     tasks=len(document.tasks), references=len(document.references))
    except VanbanError as exc:
        return Entry(input=path, status="error", error=exc.reason)
    except Exception as exc:  # a bug must not stop the batch, but must be seen
        tb = traceback.format_exc(limit=3).strip().splitlines()[-1]
        return Entry(input=path, status="error", error=f"internal error: {type(exc).__name__}: {exc} ({tb})")


def parse_many(inputs: list[Path], outdir: Path, workers: Optional[int] = None, progress=None) -> Report:
    """Parse every input into outdir; returns the report (also written as outdir/_report.json)."""
    names = output_names(inputs)
    jobs = [(str(p), str(outdir / names[p])) for p in inputs]
    workers = max(1, workers or os.cpu_count() or 1)
    results: dict[str, Entry] = {}
    if workers == 1 or len(jobs) <= 1:
        for path, out in jobs:
            results[path] = _parse_one(path, out)
            if progress:
                progress(results[path])
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
            futures = {pool.submit(_parse_one, path, out): path for path, out in jobs}
            for fut in as_completed(futures):
                results[futures[fut]] = fut.result()
                if progress:
                    progress(results[futures[fut]])
    report = Report(entries=[results[path] for path, _ in jobs])
    write_atomic(outdir / "_report.json", report.to_json())
    return report


def _warm_up() -> None:
    """Load gazetteers and compiled patterns once per worker process."""
    from . import run  # noqa: F401  (importing the extractors builds their data once)
