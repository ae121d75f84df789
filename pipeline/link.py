"""Stage 6b, link: tasks <-> references they mention, appendix rows <-> body tasks they restate.

    link_tasks(tasks, references, doc) -> None
        (fills Task.references, Task.related, and Deadline.reference)

references: a reference belongs to a task when one of its mentions lies inside the
task's span (Task.start/end, offsets into LaidOut.text); a task without a span
(none known) falls back on the reference's identifier written in its description.

deadline.reference: a deadline that points at a cited document instead of giving a
date (`Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 ...`)
stays `unparsed` but names that reference, which the task then mentions too.

related: an appendix row restates a body task when both name the same lead (after
abbreviations are expanded: `Liên hiệp các hội KH&KT tỉnh` = `Liên hiệp các hội Khoa
học và Kỹ thuật tỉnh`) and the row's words are mostly found in the body task's text.
Each row links to its best body task (above RELATED_MIN); the link goes both ways.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vanban.extractors.bodies.names import canonical_name
from vanban.lexicon import load
from vanban.schemas.models import Reference, Task

from vanban.lexicon import fold_key
from .types import LaidOut

#: share of an appendix row's content words that must be found in the body task
RELATED_MIN = 0.5
#: a word: letters/digits with inner symbols ("45-nq/tw", "899/qd-ttg")
WORD = re.compile(r"[\w][\w/&\-]*")
#: whitespace, removed to compare identifiers: "899/ QĐ-TTg" = "899/QĐ-TTg"
SPACES = re.compile(r"\s+")


def link_tasks(tasks: list[Task], references: list[Reference], doc: LaidOut) -> None:
    _link_references(tasks, references)
    _link_deadlines(tasks, references)
    _link_related(tasks)


def _link_references(tasks: list[Task], references: list[Reference]) -> None:
    for t in tasks:
        found: list[str] = []
        for r in references:
            if r.is_self:
                continue
            if t.start is not None and t.end is not None:
                hit = any(t.start <= m.start and m.end <= t.end for m in r.mentions)
            else:
                hit = bool(r.identifier) and _squash(r.identifier) in _squash(t.description)
            if hit and r.id not in found:
                found.append(r.id)
        t.references = found


def _link_deadlines(tasks: list[Task], references: list[Reference]) -> None:
    cited = [(r, _squash(r.identifier)) for r in references if r.identifier and not r.is_self]
    for t in tasks:
        if t.deadline is None:
            continue
        text = _squash(t.deadline.text)
        for r, key in cited:
            if key in text:
                t.deadline.reference = r.id
                if r.id not in t.references:
                    t.references = t.references + [r.id]
                break


def _squash(s: str) -> str:
    return SPACES.sub("", unicodedata.normalize("NFC", s or "")).casefold()


def _link_related(tasks: list[Task]) -> None:
    body = [t for t in tasks if t.origin == "body"]
    rows = [t for t in tasks if t.origin == "appendix"]
    if not body or not rows:
        return
    body_words = {t.id: _words(t.description) for t in body}
    body_leads = {t.id: {_name_key(n) for n in t.lead} for t in body}
    for row in rows:
        words = _words(row.description)
        if not words:
            continue
        leads = {_name_key(n) for n in row.lead}
        best, best_score = None, RELATED_MIN
        for t in body:
            if not _same_lead(leads, body_leads[t.id]):
                continue
            score = len(words & body_words[t.id]) / len(words)
            if score > best_score:
                best, best_score = t, score
        if best is not None:
            if best.id not in row.related:
                row.related = row.related + [best.id]
            if row.id not in best.related:
                best.related = best.related + [row.id]


def _same_lead(a: set[str], b: set[str]) -> bool:
    return any(x == y or (len(x) > 8 and len(y) > 8 and (x in y or y in x)) for x in a for y in b)


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    return fold_key(canonical_name(name) or "")




@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    """Words too common in task text to show two texts say the same thing (lexicon/data/task_columns.yaml)."""
    return frozenset(load("task_columns.yaml")["related_stopwords"])


def _words(text: str) -> set[str]:
    low = unicodedata.normalize("NFC", text or "").casefold()
    stop = _stopwords()
    return {w for w in WORD.findall(low) if w not in stop and len(w) > 1}
