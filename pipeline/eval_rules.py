"""The scoring rules of the yardstick (`vanban eval`): folding, similarity and one scorer per area.

    score_document(gold, pred) -> (areas, misses)     prediction (contract JSON) against gold (gold JSON)
    zero_document(gold) -> areas                       a document that failed to parse

Each area's `score` is computed exactly as shared/tools/score.py computes it (same folding, same
similarity, same thresholds), so the numbers agree with it; these rules deliberately share no code
with score.py nor with the pipeline they measure.  evaluate.py runs them over the corpus.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Callable, Optional

from vanban.lexicon import load
from vanban.lexicon.patterns import SPACES

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


def ratio(num: float, den: float) -> Optional[float]:
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
    acc = ratio(ok, len(gold))
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
    acc = ratio(ok, len(gold))
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
                     precision=ratio(tp, n_pred), recall=ratio(tp, len(gold)), f1=fscore,
                     details={k: v for k, v in (("date", ratio(dates, tp)), ("issuer", ratio(issuers, tp)))
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
        score=ratio(total, denom), n_gold=len(gold), n_pred=len(rows), tp=matched,
        precision=ratio(matched, len(rows)), recall=ratio(matched, len(gold)),
        f1=f1(matched, len(gold), len(rows)) if gold or rows else None,
        details={k: v / matched for k, v in good.items()} if matched else {},
        counts={k: float(v) for k, v in good.items()})   # coordinators: sum of per-row F1
    dl_total = sum(dl_good.values())
    dl_acc = ratio(dl_total, matched * len(DEADLINE_FIELDS))
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
    acc = ratio(hits, counted)
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
