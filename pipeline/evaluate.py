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

Each area also has a `score` computed exactly as shared/tools/score.py computes it (same
folding, same similarity, same thresholds), so the numbers agree with it; the yardstick
deliberately shares no code with score.py nor with the pipeline it measures.  Both sides
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
import re
import sys
import time
import unicodedata
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

from vanban.lexicon import load

AREAS = ("metadata", "sections", "references", "appendix_tasks", "body_tasks", "deadlines")
AREA_LABELS = {"metadata": "metadata", "sections": "sections", "references": "references",
               "appendix_tasks": "appendix", "body_tasks": "body", "deadlines": "deadlines"}

# Thresholds, the same as shared/tools/score.py.
FUZZY_FIELDS = ("title", "issuer.name")   # metadata fields compared fuzzily
FIELD_SIM = 0.9          # metadata title/issuer, section titles, appendix description "exact"
ISSUER_SIM = 0.8         # reference issuer
ROW_MATCH = 0.6          # an appendix row is matched to the most alike predicted row at or above this
NAME_MATCH = 0.85        # two body names are the same body
LEAD_DEDUP = 0.95        # body-group leads closer than this are one name
DEADLINE_FIELDS = ("kind", "start", "end", "frequency")
EXAMPLES_PER_FIELD = 3

#: `(\w+)[(\d+)]` in a dotted metadata key: "signers[0]" in "signers[0].name".
INDEXED_KEY = re.compile(r"(\w+)\[(\d+)\]")
#: Everything but word characters and & / - becomes a space when folding:
#: "V/v tăng cường ..., thanh tra" -> "v/v tang cuong thanh tra".
NON_WORD = re.compile(r"[^\w&/\-]+")
#: Any run of white space inside an identifier: "5973 /UBND-KT" -> "5973/UBND-KT".
SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------- comparing text

@lru_cache(maxsize=1)
def _expansions() -> tuple[tuple[re.Pattern, str], ...]:
    data = load("eval_fold.yaml")
    return tuple((re.compile(pat), rep) for pat, rep in data["expansions"].items())


@lru_cache(maxsize=65536)
def fold(text: Optional[str]) -> str:
    """Lower-case, strip tone marks and punctuation, expand common abbreviations
    ('UBND tỉnh Lào Cai' -> 'uy ban nhan dan tinh lao cai')."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFD", str(text)).casefold().replace("đ", "d")
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("đ", "d")
    for pattern, expansion in _expansions():
        s = pattern.sub(expansion, s)
    return " ".join(NON_WORD.sub(" ", s).split())


def ident(text: Optional[str]) -> str:
    """Canonical identifier key: NFC, dashes unified, no spaces, case folded."""
    if not text:
        return ""
    s = unicodedata.normalize("NFC", str(text)).replace("–", "-").replace("—", "-")
    return SPACES.sub("", s).casefold()


def sim(a: Optional[str], b: Optional[str]) -> float:
    """Similarity 0..1 of two folded texts (two empty texts are equal)."""
    fa, fb = fold(a), fold(b)
    if not fa and not fb:
        return 1.0
    return SequenceMatcher(None, fa, fb).ratio()


def name_sim(a: Optional[str], b: Optional[str]) -> float:
    """Similarity of two body names: fuzzy, or 1.0 when the shorter (>= 2 words) lies wholly
    inside the longer ('Thủ trưởng các sở, ban, ngành' ~ 'Các sở, ban, ngành')."""
    fa, fb = fold(a), fold(b)
    short, long_ = sorted((fa, fb), key=len)
    if len(short.split()) >= 2 and f" {short} " in f" {long_} ":
        return 1.0
    return sim(a, b)


def set_match(gold: list[str], pred: list[str], threshold: float = NAME_MATCH) -> int:
    """Greedy fuzzy matching of two lists of names; the number of gold names matched."""
    left = list(pred or [])
    hits = 0
    for g in gold or []:
        best, best_i = 0.0, -1
        for i, p in enumerate(left):
            s = name_sim(g, p)
            if s > best:
                best, best_i = s, i
        if best >= threshold:
            hits += 1
            left.pop(best_i)
    return hits


def f1(tp: int, n_gold: int, n_pred: int) -> float:
    if n_gold == 0 and n_pred == 0:
        return 1.0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(num: float, den: float) -> Optional[float]:
    return num / den if den else None


MISSING = "<missing>"


def get_dotted(obj: Any, dotted: str) -> Any:
    """`get_dotted(meta, "signers[0].name")`; MISSING where the path does not exist."""
    cur = obj
    for part in dotted.split("."):
        m = INDEXED_KEY.fullmatch(part)
        try:
            cur = cur[m.group(1)][int(m.group(2))] if m else cur[part]
        except (KeyError, IndexError, TypeError):
            return MISSING
    return cur


def _flatten(nodes: list[dict]) -> list[dict]:
    out: list[dict] = []
    for n in nodes or []:
        out.append(n)
        out.extend(_flatten(n.get("children")))
    return out


# ---------------------------------------------------------------- results

@dataclass
class Miss:
    """One disagreement with the gold, for the 'worst fields' list."""
    field: str            # "metadata.title", "references.date", "appendix.lead", ...
    where: str            # "" or the item: "II.4", "899/QĐ-TTg"
    want: Any
    have: Any


@dataclass
class AreaScore:
    """One area of one document (or pooled totals).  `score` is score.py's number."""
    score: Optional[float] = None      # None: the gold has nothing to score in this area
    n_gold: int = 0                    # gold items (fields, sections, references, rows, groups)
    n_pred: int = 0                    # predicted items where that makes sense (refs, rows)
    tp: int = 0                        # gold items matched / correct
    precision: Optional[float] = None
    recall: Optional[float] = None
    f1: Optional[float] = None
    accuracy: Optional[float] = None   # correct / gold (metadata, sections, body, deadlines)
    details: dict[str, float] = field(default_factory=dict)   # field -> accuracy on matched items
    counts: dict[str, float] = field(default_factory=dict)    # field -> correct count (for micro totals)


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


# ---------------------------------------------------------------- scoring, one area at a time

Say = Callable[[Miss], None]


def score_metadata(gold: dict, pred: dict, say: Say) -> AreaScore:
    meta = pred.get("metadata") or {}
    ok = 0
    for key, want in gold.items():
        have = get_dotted(meta, key)
        if key in FUZZY_FIELDS:
            good = have != MISSING and sim(want, have) >= FIELD_SIM
        elif want is None:
            good = have is None
        else:
            good = have != MISSING and fold(want) == fold(have)
        ok += good
        if not good:
            say(Miss(f"metadata.{key}", "", want, have))
    acc = _ratio(ok, len(gold))
    return AreaScore(score=acc, n_gold=len(gold), tp=ok, accuracy=acc)


def score_sections(gold: list[dict], pred: dict, say: Say) -> AreaScore:
    by_path: dict[str, dict] = {}
    for n in _flatten(pred.get("sections")):
        path = n.get("path") or ""
        if n.get("marker") == "appendix" or path.startswith("appendix"):
            by_path.setdefault("appendix", n)
        by_path.setdefault(path, n)
    ok = 0
    for g in gold:
        n = by_path.get(g["path"])
        good = n is not None and sim(g["title"], n.get("title")) >= FIELD_SIM
        ok += good
        if not good:
            say(Miss("sections.missing" if n is None else "sections.title", g["path"],
                     g["title"], None if n is None else n.get("title")))
    acc = _ratio(ok, len(gold))
    return AreaScore(score=acc, n_gold=len(gold), n_pred=len(by_path), tp=ok, accuracy=acc)


def score_references(gold: list[dict], pred: dict, say: Say) -> AreaScore:
    by_id: dict[str, dict] = {}
    for r in pred.get("references") or []:
        if not r.get("is_self"):
            by_id.setdefault(ident(r.get("identifier")), r)
    tp = dates = issuers = 0
    for g in gold:
        r = by_id.get(ident(g["identifier"]))
        if r is None:
            say(Miss("references.missing", g["identifier"], g["identifier"], None))
            continue
        tp += 1
        if (r.get("date") or None) == g.get("date"):
            dates += 1
        else:
            say(Miss("references.date", g["identifier"], g.get("date"), r.get("date")))
        if g.get("issuer") is None or sim(g["issuer"], r.get("issuer")) >= ISSUER_SIM:
            issuers += 1
        else:
            say(Miss("references.issuer", g["identifier"], g["issuer"], r.get("issuer")))
    gold_ids = {ident(g["identifier"]) for g in gold}
    for key, r in by_id.items():
        if key and key not in gold_ids:
            say(Miss("references.extra", r.get("identifier"), None, r.get("identifier")))
    n_pred = len([k for k in by_id if k])
    fscore = f1(tp, len(gold), n_pred)
    if gold:
        detail = (dates + issuers) / (2 * tp) if tp else 0.0
        score = 0.7 * fscore + 0.3 * detail
    else:
        score = fscore
    return AreaScore(score=score, n_gold=len(gold), n_pred=n_pred, tp=tp,
                     precision=_ratio(tp, n_pred), recall=_ratio(tp, len(gold)), f1=fscore,
                     details={k: v for k, v in (("date", _ratio(dates, tp)), ("issuer", _ratio(issuers, tp)))
                              if v is not None},
                     counts={"date": float(dates), "issuer": float(issuers)})


def deadline_ok(gold: dict, pred: Optional[dict]) -> bool:
    if not pred:
        return False
    return all((pred.get(k) or None) == (gold.get(k) or None) for k in DEADLINE_FIELDS)


def score_appendix(gold: list[dict], pred: dict, say: Say) -> tuple[AreaScore, AreaScore]:
    """The appendix rows, and the deadlines of the matched rows (a second area)."""
    rows = [t for t in pred.get("tasks") or [] if t.get("origin") == "appendix"]
    used: set[int] = set()
    total = 0.0
    good = {"description": 0, "lead": 0, "coordinators": 0.0, "deadline": 0}
    dl_good = {k: 0 for k in DEADLINE_FIELDS}
    for g in gold:
        where = f"{g['section']}.{g['row']}".lstrip(".")
        best, best_i = 0.0, -1
        for i, t in enumerate(rows):
            if i in used:
                continue
            s = sim(g["description"], t.get("description"))
            if s > best:
                best, best_i = s, i
        if best < ROW_MATCH:
            say(Miss("appendix.unmatched", where, g["description"][:70], None))
            continue
        used.add(best_i)
        t = rows[best_i]
        lead = t.get("lead") or []
        coord = t.get("coordinators") or []
        parts = {
            "description": best >= FIELD_SIM,
            "lead": set_match(g["lead"], lead) == len(g["lead"]) == len(lead),
            "coordinators": f1(set_match(g["coordinators"], coord), len(g["coordinators"]), len(coord)),
            "deadline": deadline_ok(g["deadline"], t.get("deadline")),
        }
        total += sum(float(v) for v in parts.values()) / len(parts)
        for k, v in parts.items():
            good[k] += v
        for k, v in parts.items():
            if v < 1:
                want = g.get(k) if k != "deadline" else g["deadline"]
                have = t.get(k) if k != "deadline" else t.get("deadline")
                say(Miss(f"appendix.{k}", where, want if k != "description" else g["description"][:70],
                         have if k != "description" else (t.get("description") or "")[:70]))
        pd = t.get("deadline") or {}
        for k in DEADLINE_FIELDS:
            if (pd.get(k) or None) == (g["deadline"].get(k) or None):
                dl_good[k] += 1
            else:
                say(Miss(f"deadlines.{k}", where, g["deadline"].get(k), pd.get(k)))
    matched = len(used)
    extra = len(rows) - matched
    if extra:
        say(Miss("appendix.extra", "", None, f"{extra} predicted rows matched no gold row"))
    denom = len(gold) + extra
    rows_score = AreaScore(
        score=_ratio(total, denom), n_gold=len(gold), n_pred=len(rows), tp=matched,
        precision=_ratio(matched, len(rows)), recall=_ratio(matched, len(gold)),
        f1=f1(matched, len(gold), len(rows)) if gold or rows else None,
        details={k: v / matched for k, v in good.items()} if matched else {},
        counts={k: float(v) for k, v in good.items()})   # coordinators: sum of per-row F1
    dl_total = sum(dl_good.values())
    dl_acc = _ratio(dl_total, matched * len(DEADLINE_FIELDS))
    if not gold:
        dl_acc = None
    elif not matched:
        dl_acc = 0.0
    deadlines = AreaScore(score=dl_acc, n_gold=len(gold), tp=good["deadline"], accuracy=dl_acc,
                          details={k: v / matched for k, v in dl_good.items()} if matched else {},
                          counts={k: float(v) for k, v in dl_good.items()})
    return rows_score, deadlines


def score_body(gold: list[dict], pred: dict, say: Say) -> AreaScore:
    tasks = [t for t in pred.get("tasks") or [] if t.get("origin") == "body"]
    hits = counted = 0
    for g in gold:
        sec = g["section"]
        mine = [t for t in tasks if (t.get("section") or "") == sec or (t.get("section") or "").startswith(sec + ".")]
        leads: list[str] = []
        for t in mine:
            for name in t.get("lead") or []:
                if all(name_sim(name, x) < LEAD_DEDUP for x in leads):
                    leads.append(name)
        if g.get("optional") and not mine:
            continue
        counted += 1
        good = bool(mine) and set_match(g["lead"], leads) == len(g["lead"]) == len(leads)
        hits += good
        if not good:
            say(Miss("body.lead" if mine else "body.missing", sec, g["lead"], leads))
    acc = _ratio(hits, counted)
    return AreaScore(score=acc, n_gold=counted, tp=hits, accuracy=acc)


def score_document(gold: dict, pred: dict) -> tuple[dict[str, AreaScore], list[Miss]]:
    """All areas of one document: prediction (contract JSON) against gold (gold JSON)."""
    misses: list[Miss] = []
    say = misses.append
    appendix, deadlines = score_appendix(gold.get("appendix_tasks") or [], pred, say)
    areas = {
        "metadata": score_metadata(gold.get("metadata") or {}, pred, say),
        "sections": score_sections(gold.get("sections") or [], pred, say),
        "references": score_references(gold.get("references") or [], pred, say),
        "appendix_tasks": appendix,
        "body_tasks": score_body(gold.get("body_task_groups") or [], pred, say),
        "deadlines": deadlines,
    }
    return areas, misses


def zero_document(gold: dict) -> dict[str, AreaScore]:
    """A document that failed to parse: zero in every area the gold covers."""
    empty = {"metadata": {}, "sections": [], "references": [], "tasks": []}
    areas, _ = score_document(gold, empty)
    for a in areas.values():
        if a.score is not None:
            a.score = 0.0
    return areas


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
            pooled.precision = _ratio(pooled.tp, pooled.n_pred)
            pooled.recall = _ratio(pooled.tp, pooled.n_gold)
            pooled.f1 = f1(pooled.tp, pooled.n_gold, pooled.n_pred) if pooled.n_gold or pooled.n_pred else None
            pooled.score = pooled.f1
            pooled.details = {k: v / pooled.tp for k, v in pooled.counts.items()} if pooled.tp else {}
        elif area == "deadlines":
            matched = sum(d.areas["appendix_tasks"].tp for d in results if d.areas[area].score is not None)
            pooled.accuracy = _ratio(sum(pooled.counts.values()), matched * len(DEADLINE_FIELDS))
            pooled.score = pooled.accuracy
            pooled.details = {k: v / matched for k, v in pooled.counts.items()} if matched else {}
        else:
            pooled.accuracy = _ratio(pooled.tp, pooled.n_gold)
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
