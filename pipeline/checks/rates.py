"""Self-check rates over a batch: what `vanban check` prints.

    rates(report, outdir) -> Rates      from a batch report and its JSON outputs
    Rates.format(examples=3) -> str     the table people read
    Rates.to_dict() -> dict             the same for machines (--json)

A rate's denominator is its check's unit: documents parsed, tasks, or references.
A document counts once per check however often the check fires in it; a task or
reference counts once per check by its id.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import CHECKS

#: error messages of inputs the pipeline rejects as not being a document at all
REJECTED = ("no administrative document", "not a document")


@dataclass
class Rates:
    inputs: int = 0
    parsed: int = 0
    rejected: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)          # "path: reason", internal errors included
    units: dict[str, int] = field(default_factory=lambda: {"document": 0, "task": 0, "reference": 0})
    hits: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @property
    def internal(self) -> list[str]:
        return [e for e in self.errors if "internal error" in e]

    def rate(self, code: str) -> float:
        total = self.units[CHECKS[code].unit]
        return len(self.hits[code]) / total if total else 0.0

    def to_dict(self) -> dict:
        return {"inputs": self.inputs, "parsed": self.parsed, "rejected": len(self.rejected),
                "errors": len(self.errors), "internal_errors": len(self.internal), "units": self.units,
                "checks": {code: {"unit": c.unit, "meaning": c.meaning, "items": len(self.hits[code]),
                                  "rate": round(self.rate(code), 4), "examples": self.examples[code]}
                           for code, c in CHECKS.items()}}

    def format(self, examples: int = 3) -> str:
        u = self.units
        lines = [f"{self.inputs} inputs: {self.parsed} parsed, {len(self.rejected)} rejected as not a document, "
                 f"{len(self.errors)} errors ({len(self.internal)} internal)",
                 f"units: {u['document']} documents, {u['task']} tasks, {u['reference']} references", "",
                 f"{'check':<26}{'unit':<10}{'items':>7}{'rate':>9}  meaning"]
        for code, c in CHECKS.items():
            lines.append(f"{code:<26}{c.unit:<10}{len(self.hits[code]):>7}{self.rate(code):>9.2%}  {c.meaning}")
        if examples:
            lines += ["", "examples:"]
            for code in CHECKS:
                lines += [f"  {code}: {e}" for e in self.examples[code][:examples]]
            lines += [f"  error: {e}" for e in self.errors[:examples]]
        return "\n".join(lines)


def rates(report, outdir: Path, keep_examples: int = 5) -> Rates:
    """Tally the self-check warnings of every document a batch parsed into `outdir`."""
    r = Rates(inputs=len(report.entries))
    for entry in report.entries:
        if entry.status != "ok":
            reason = entry.error or entry.status
            (r.rejected if any(w in reason for w in REJECTED) else r.errors).append(f"{entry.input}: {reason}")
            continue
        doc = json.loads((outdir / entry.output).read_text(encoding="utf-8"))
        r.parsed += 1
        r.units["document"] += 1
        r.units["task"] += len(doc["tasks"])
        r.units["reference"] += len(doc["references"])
        name = Path(entry.input).name
        for w in doc["warnings"]:
            check = CHECKS.get(w["code"])
            if check is None:
                continue
            key = (entry.input, w["location"] if check.unit != "document" else None)
            if key not in r.hits[w["code"]] and len(r.examples[w["code"]]) < keep_examples:
                r.examples[w["code"]].append(f"{name}: {w['message']}")
            r.hits[w["code"]].add(key)
    return r
