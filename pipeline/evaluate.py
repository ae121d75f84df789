"""The yardstick: score the pipeline against the hand-checked expectations (gold files).

    evaluate(corpus_dir, workers=None) -> EvalResult      the plain function
    main(args) -> int                                   `vanban eval [CORPUS] [--json]`

For every gold file `CORPUS/gold/<stem>.gold.json` (format: shared/spec/gold-format.md)
the document it names is parsed (`vanban.pipeline.run.parse`) and compared with it,
area by area:

    metadata     accuracy of the gold fields (issuer.name, title: fuzzy >= 0.9; others exact after folding)
    sections     accuracy: gold outline nodes found at their path with a title >= 0.9 alike
    references   precision/recall/F1 on identifiers, plus date and issuer accuracy on the matched ones
    appendix     task-table rows matched by description (>= 0.6 alike): precision/recall/F1 of rows,
                 and field accuracy (description, lead, coordinators, deadline) on matched rows
    body         hit rate of the body task groups (all gold leads found under the group's path)
    deadlines    accuracy of kind/start/end/frequency over matched appendix rows

Each area also has a `score` computed exactly as shared/tools/score.py computes it; the
rules (folding, similarity, thresholds, one scorer per area) are in eval_rules.py.  Both sides
are compared as contract JSON (the prediction is the Document dumped to JSON), so saved
outputs could be scored the same way.

Totals: MACRO = mean over documents of the per-document area scores (documents where the
gold has nothing for the area are left out); MICRO = counts pooled over all documents
(precision/recall/F1 and accuracies).  The ratchet (tests/eval_baseline.json) keeps the
macro area scores.

A document that fails to parse scores zero in every area its gold covers, and its error
is shown; `vanban eval` never crashes on a bad document.

Rewrite the ratchet after an improvement:
    python -m vanban.pipeline.evaluate corpus --write-baseline tests/eval_baseline.json
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from .eval_rules import (
    AREA_LABELS, AREAS, DEADLINE_FIELDS, EXAMPLES_PER_FIELD, AreaScore, Miss, f1, ratio, score_document, zero_document,
)


@dataclass
class DocResult:
    document: str
    gold: str
    seconds: float = 0.0
    error: Optional[str] = None
    areas: dict[str, AreaScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)


@dataclass
class FieldReport:
    field: str
    documents: int
    misses: int
    examples: list[str]


@dataclass
class EvalResult:
    corpus: str
    documents: list[DocResult]
    macro: dict[str, Optional[float]]       # area -> mean of per-document scores
    micro: dict[str, AreaScore]             # area -> pooled counts
    worst: list[FieldReport]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, default=str) + "\n"

    def baseline(self) -> dict:
        """What the ratchet keeps: macro area scores and each document's area scores."""
        return {
            "note": "ratchet for tests/test_eval.py; rewrite with "
                    "`python -m vanban.pipeline.evaluate corpus --write-baseline tests/eval_baseline.json`",
            "macro": {a: _round(v) for a, v in self.macro.items()},
            "documents": {d.document: {a: _round(s.score) for a, s in d.areas.items() if s.score is not None}
                          for d in self.documents},
        }


def _round(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 4)


# ---------------------------------------------------------------- running the corpus

@dataclass
class GoldCase:
    gold_path: Path
    document_path: Optional[Path]


def find_cases(corpus_dir: Path) -> list[GoldCase]:
    """Every gold file and the corpus document it names (`document`, else the same stem)."""
    cases = []
    for gp in sorted((corpus_dir / "gold").glob("*.gold.json")):
        stem = gp.name[: -len(".gold.json")]
        named = json.loads(gp.read_text(encoding="utf-8")).get("document") or ""
        doc = corpus_dir / named if named and (corpus_dir / named).is_file() else None
        if doc is None:
            doc = next((p for p in sorted(corpus_dir.iterdir()) if p.is_file() and p.stem == stem), None)
        cases.append(GoldCase(gp, doc))
    return cases


def _parse_to_json(path: str) -> tuple[Optional[dict], Optional[str], float]:
    """Run the pipeline on one file in a worker: (contract JSON, error, seconds)."""
    started = time.perf_counter()
    try:
        from .run import parse
        doc = parse(path)
        return doc.model_dump(mode="json"), None, time.perf_counter() - started
    except Exception as exc:     # the yardstick must not crash on a bad document
        return None, f"{type(exc).__name__}: {exc}", time.perf_counter() - started


def evaluate(corpus_dir: str | Path, workers: Optional[int] = None,
             only: Optional[list[str]] = None) -> EvalResult:
    """Parse every document of CORPUS that has a gold file and score it.
    `only`: restrict to these document names or stems."""
    corpus_dir = Path(corpus_dir)
    cases = find_cases(corpus_dir)
    if only:
        cases = [c for c in cases if c.gold_path.name[: -len(".gold.json")] in only
                 or (c.document_path is not None and c.document_path.name in only)]
    paths = [str(c.document_path) for c in cases if c.document_path is not None]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(paths))) as pool:
            parsed = dict(zip(paths, pool.map(_parse_to_json, paths)))
    else:
        parsed = {p: _parse_to_json(p) for p in paths}

    results = []
    for case in cases:
        gold = json.loads(case.gold_path.read_text(encoding="utf-8"))
        name = case.document_path.name if case.document_path else gold.get("document", case.gold_path.name)
        res = DocResult(document=name, gold=case.gold_path.name)
        if case.document_path is None:
            res.error = "document not found in the corpus folder"
            pred = None
        else:
            pred, res.error, res.seconds = parsed[str(case.document_path)]
        if pred is None:
            res.areas = zero_document(gold)
        else:
            res.areas, res.misses = score_document(gold, pred)
        results.append(res)
    return EvalResult(corpus=str(corpus_dir), documents=results, macro=_macro(results),
                      micro=_micro(results), worst=_worst(results))


def _macro(results: list[DocResult]) -> dict[str, Optional[float]]:
    out: dict[str, Optional[float]] = {}
    for area in AREAS:
        scores = [d.areas[area].score for d in results if d.areas[area].score is not None]
        out[area] = sum(scores) / len(scores) if scores else None
    present = [v for v in out.values() if v is not None]
    out["overall"] = sum(present) / len(present) if present else None
    return out


def _micro(results: list[DocResult]) -> dict[str, AreaScore]:
    out = {}
    for area in AREAS:
        parts = [d.areas[area] for d in results if d.areas[area].score is not None]
        pooled = AreaScore(n_gold=sum(p.n_gold for p in parts), n_pred=sum(p.n_pred for p in parts),
                           tp=sum(p.tp for p in parts))
        for p in parts:
            for k, v in p.counts.items():
                pooled.counts[k] = pooled.counts.get(k, 0) + v
        if area in ("references", "appendix_tasks"):
            pooled.precision = ratio(pooled.tp, pooled.n_pred)
            pooled.recall = ratio(pooled.tp, pooled.n_gold)
            pooled.f1 = f1(pooled.tp, pooled.n_gold, pooled.n_pred) if pooled.n_gold or pooled.n_pred else None
            pooled.score = pooled.f1
            pooled.details = {k: v / pooled.tp for k, v in pooled.counts.items()} if pooled.tp else {}
        elif area == "deadlines":
            matched = sum(d.areas["appendix_tasks"].tp for d in results if d.areas[area].score is not None)
            pooled.accuracy = ratio(sum(pooled.counts.values()), matched * len(DEADLINE_FIELDS))
            pooled.score = pooled.accuracy
            pooled.details = {k: v / matched for k, v in pooled.counts.items()} if matched else {}
        else:
            pooled.accuracy = ratio(pooled.tp, pooled.n_gold)
            pooled.score = pooled.accuracy
        out[area] = pooled
    return out


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _worst(results: list[DocResult]) -> list[FieldReport]:
    by_field: dict[str, list[tuple[str, Miss]]] = defaultdict(list)
    for d in results:
        for m in d.misses:
            by_field[m.field].append((d.document, m))
    reports = []
    for name, items in by_field.items():
        docs = {doc for doc, _ in items}
        examples = [f"{doc[:24]}{(' ' + m.where) if m.where else ''}: want {_short(m.want)} have {_short(m.have)}"
                    for doc, m in items[:EXAMPLES_PER_FIELD]]
        reports.append(FieldReport(field=name, documents=len(docs), misses=len(items), examples=examples))
    reports.sort(key=lambda r: (-r.documents, -r.misses, r.field))
    return reports


# ---------------------------------------------------------------- printing

def _fmt(x: Optional[float]) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def _frac(s: AreaScore) -> str:
    return "-" if s.score is None else f"{s.tp}/{s.n_gold}"


def _pct(x: Optional[float]) -> str:
    return "-" if x is None else f"{round(100 * x)}"


def _prf(s: AreaScore) -> str:
    if s.score is None:
        return "-"
    return f"{_pct(s.precision)}/{_pct(s.recall)}/{_pct(s.f1)} ({s.tp}/{s.n_gold}/{s.n_pred})"


def format_table(result: EvalResult, worst: int = 12) -> str:
    lines = []
    head = f"{'document':<44}" + "".join(f"{AREA_LABELS[a]:>11}" for a in AREAS) + "   secs"
    lines.append(head)
    lines.append("-" * len(head))
    for d in result.documents:
        row = f"{d.document[:43]:<44}" + "".join(f"{_fmt(d.areas[a].score):>11}" for a in AREAS)
        row += f" {d.seconds:6.1f}"
        lines.append(row)
        if d.error:
            lines.append(f"    ERROR: {d.error[:150]}")
    lines.append("-" * len(head))
    lines.append(f"{'MACRO (mean of document scores)':<44}" + "".join(f"{_fmt(result.macro[a]):>11}" for a in AREAS)
                 + f"   overall {_fmt(result.macro['overall']).strip()}")
    lines.append("")
    lines.append("DETAIL per document: metadata/sections/body as correct/gold; references and appendix rows as "
                 "P/R/F1 (matched/gold/predicted); date, issuer and deadline accuracy on matched items")
    lines.append(f"{'document':<32}{'meta':>7}{'sect':>8}  {'references P/R/F1':<20}{'date':>5}{'issr':>5}"
                 f"  {'appendix rows P/R/F1':<20}{'body':>7}{'dl':>6}")
    for d in result.documents:
        a = d.areas
        refs, rows = a["references"], a["appendix_tasks"]
        lines.append(
            f"{d.document[:31]:<32}{_frac(a['metadata']):>7}{_frac(a['sections']):>8}  "
            f"{_prf(refs):<20}{_pct(refs.details.get('date')):>5}{_pct(refs.details.get('issuer')):>5}  "
            f"{_prf(rows):<20}{_frac(a['body_tasks']):>7}{_pct(a['deadlines'].accuracy):>6}")
    m = result.micro
    lines.append("")
    lines.append("MICRO (pooled over documents):")
    lines.append(f"  metadata       accuracy {_fmt(m['metadata'].accuracy)}  ({m['metadata'].tp}/{m['metadata'].n_gold} fields)")
    lines.append(f"  sections       accuracy {_fmt(m['sections'].accuracy)}  ({m['sections'].tp}/{m['sections'].n_gold} outline nodes)")
    r = m["references"]
    lines.append(f"  references     P {_fmt(r.precision)} R {_fmt(r.recall)} F1 {_fmt(r.f1)}  "
                 f"({r.tp} matched, {r.n_gold} gold, {r.n_pred} predicted); on matched: "
                 f"date {_fmt(r.details.get('date'))} issuer {_fmt(r.details.get('issuer'))}")
    a = m["appendix_tasks"]
    lines.append(f"  appendix rows  P {_fmt(a.precision)} R {_fmt(a.recall)} F1 {_fmt(a.f1)}  "
                 f"({a.tp} matched, {a.n_gold} gold, {a.n_pred} predicted); on matched: "
                 + " ".join(f"{k} {_fmt(a.details.get(k)).strip()}" for k in ("description", "lead", "coordinators", "deadline")))
    lines.append(f"  body groups    hit rate {_fmt(m['body_tasks'].accuracy)}  ({m['body_tasks'].tp}/{m['body_tasks'].n_gold} groups)")
    dl = m["deadlines"]
    lines.append(f"  deadlines      accuracy {_fmt(dl.accuracy)}  over matched rows: "
                 + " ".join(f"{k} {_fmt(dl.details.get(k)).strip()}" for k in DEADLINE_FIELDS))
    if result.worst:
        lines.append("")
        lines.append("WORST FIELDS (documents affected, misses):")
        for fr in result.worst[:worst]:
            lines.append(f"  {fr.field} wrong in {fr.documents} docs ({fr.misses} misses)")
            for ex in fr.examples:
                lines.append(f"      {ex}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- command line

def write_baseline(result: EvalResult, path: str | Path) -> None:
    Path(path).write_text(json.dumps(result.baseline(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(args: argparse.Namespace) -> int:
    """`vanban eval [CORPUS] [--json]` (also --workers N, --write-baseline PATH where given)."""
    corpus = Path(getattr(args, "corpus", None) or "corpus")
    if not (corpus / "gold").is_dir():
        print(f"vanban eval: no gold/ folder in {corpus}", file=sys.stderr)
        return 2
    result = evaluate(corpus, workers=getattr(args, "workers", None))
    if getattr(args, "json", False):
        sys.stdout.write(result.to_json())
    else:
        sys.stdout.write(format_table(result))
    target = getattr(args, "write_baseline", None)
    if target:
        write_baseline(result, target)
        print(f"baseline written to {target}", file=sys.stderr)
    return 0


def _argv_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m vanban.pipeline.evaluate",
                                description="score the pipeline against the gold files of CORPUS")
    p.add_argument("corpus", nargs="?", default="corpus")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("-w", "--workers", type=int, default=None, help="parallel parses (default: number of cores)")
    p.add_argument("--write-baseline", metavar="PATH", help="also write the ratchet file (tests/eval_baseline.json)")
    return p


if __name__ == "__main__":
    sys.exit(main(_argv_parser().parse_args()))
