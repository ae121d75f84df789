"""The batch report: one Entry per input, appended to `_report.jsonl` as each document
ends (a killed run still says what it did), then written whole as `_report.json`.

Statuses: ok, error (the document cannot be parsed: the reason says why), timeout
(over its time limit; `stage` says where it was), too_large (over a size or memory
limit), crashed (its worker died), interrupted (Ctrl-C came first).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

REPORT = "_report.json"
JOURNAL = "_report.jsonl"
STATUSES = ("ok", "error", "timeout", "too_large", "crashed", "interrupted")


@dataclass
class Entry:
    input: str
    status: str                      # one of STATUSES
    output: Optional[str] = None     # path inside the output folder ("a/cv.json")
    error: Optional[str] = None
    warnings: int = 0
    tasks: int = 0
    references: int = 0
    stage: Optional[str] = None      # where a timeout or crash happened: "extract (extractors/bodies.py:find_bodies)"
    seconds: Optional[float] = None
    resumed: bool = False            # --resume found this output already made from the same bytes


@dataclass
class Report:
    entries: list[Entry] = field(default_factory=list)
    interrupted: bool = False

    @property
    def failed(self) -> list[Entry]:
        return [e for e in self.entries if e.status != "ok"]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.status] = out.get(e.status, 0) + 1
        return out

    def to_json(self) -> str:
        ok = len(self.entries) - len(self.failed)
        body = {"inputs": len(self.entries), "ok": ok, "failed": len(self.failed), "statuses": self.counts(),
                "interrupted": self.interrupted, "entries": [asdict(e) for e in self.entries]}
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


class Journal:
    """`_report.jsonl`: one line per finished document, flushed at once."""

    def __init__(self, outdir: Path):
        outdir.mkdir(parents=True, exist_ok=True)
        self.path = outdir / JOURNAL
        self._fh = open(self.path, "w", encoding="utf-8")

    def add(self, entry: Entry) -> None:
        self._fh.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def write_report(outdir: Path, report: Report) -> None:
    from ..emit import write_atomic      # not at import: emit loads the pydantic models (`vanban --help`)
    write_atomic(outdir / REPORT, report.to_json())
