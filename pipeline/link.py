"""Stage 6b, link: tasks <-> references they mention, appendix rows <-> body tasks they restate.

    link_tasks(tasks, references) -> list[Task]
        (copies of the tasks with Task.references, Task.related and Deadline.reference filled;
        the input is not changed)

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
from bisect import bisect_left, bisect_right
from functools import lru_cache

from vanban.extractors.bodies.names import canonical_name
from vanban.lexicon import load
from vanban.schemas.models import Reference, Task

from vanban.lexicon import fold_key
from vanban.lexicon.patterns import SPACES

#: share of an appendix row's content words that must be found in the body task
RELATED_MIN = 0.5
#: a word: letters/digits with inner symbols ("45-nq/tw", "899/qd-ttg")
WORD = re.compile(r"[\w][\w/&\-]*")
#: whitespace, removed to compare identifiers: "899/ QĐ-TTg" = "899/QĐ-TTg"


def link_tasks(tasks: list[Task], references: list[Reference]) -> list[Task]:
    tasks = [t.model_copy() for t in tasks]        # shallow: fields are only replaced, never changed in place
    _link_references(tasks, references)
    _link_deadlines(tasks, references)
    _link_related(tasks)
    return tasks


def _link_references(tasks: list[Task], references: list[Reference]) -> None:
    """Each task's references, in the references' order: by mention offsets (a binary search in
    the sorted mentions), or for a task without a span by identifiers found in its description.
    n log n in tasks and mentions: a 20 MB text with thousands of each stays linear."""
    cited = [r for r in references if not r.is_self]
    mentions = sorted((m.start, m.end, k) for k, r in enumerate(cited) for m in r.mentions)
    starts = [m[0] for m in mentions]
    finder = _IdentifierFinder([_squash(r.identifier) if r.identifier else "" for r in cited])
    for t in tasks:
        if t.start is not None and t.end is not None:
            lo, hi = bisect_left(starts, t.start), bisect_right(starts, t.end)
            hits = {k for _, e, k in mentions[lo:hi] if e <= t.end}
        else:
            hits = finder.find(_squash(t.description))
        t.references = list(dict.fromkeys(cited[k].id for k in sorted(hits)))


class _IdentifierFinder:
    """Which of many identifiers occur in a text: one pass over the text, looking up the
    identifiers that begin with the next PREFIX characters (not one search per identifier)."""
    PREFIX = 3

    def __init__(self, keys: list[str]):
        self.by_prefix: dict[str, list[tuple[str, int]]] = {}
        self.short: list[tuple[str, int]] = []
        for k, key in enumerate(keys):
            if not key:
                continue
            if len(key) < self.PREFIX:
                self.short.append((key, k))
            else:
                self.by_prefix.setdefault(key[:self.PREFIX], []).append((key, k))

    def find(self, text: str) -> set[int]:
        hits = {k for key, k in self.short if key in text}
        if not self.by_prefix:
            return hits
        for i in range(len(text) - self.PREFIX + 1):
            for key, k in self.by_prefix.get(text[i:i + self.PREFIX], ()):
                if k not in hits and text.startswith(key, i):
                    hits.add(k)
        return hits


def _link_deadlines(tasks: list[Task], references: list[Reference]) -> None:
    cited = [r for r in references if r.identifier and not r.is_self]
    finder = _IdentifierFinder([_squash(r.identifier) for r in cited])
    for t in tasks:
        if t.deadline is None:
            continue
        hits = finder.find(_squash(t.deadline.text))
        if hits:
            r = cited[min(hits)]
            t.deadline = t.deadline.model_copy(update={"reference": r.id})     # the input's deadline unchanged
            if r.id not in t.references:
                t.references = t.references + [r.id]


def _squash(s: str) -> str:
    return SPACES.sub("", unicodedata.normalize("NFC", s or "")).casefold()


def _link_related(tasks: list[Task]) -> None:
    body = [t for t in tasks if t.origin == "body"]
    rows = [t for t in tasks if t.origin == "appendix"]
    if not body or not rows:
        return
    body_words = {t.id: _words(t.description) for t in body}
    by_lead: dict[str, list[int]] = {}          # lead key -> indexes of the body tasks it leads
    for i, t in enumerate(body):
        for key in {_name_key(n) for n in t.lead}:
            by_lead.setdefault(key, []).append(i)
    for row in rows:
        words = _words(row.description)
        if not words:
            continue
        leads = {_name_key(n) for n in row.lead}
        # the body tasks of the same lead, in body order: each lead compared once, not each task
        near = sorted({i for key, idx in by_lead.items() if _same_lead(leads, {key}) for i in idx})
        best, best_score = None, RELATED_MIN
        for t in (body[i] for i in near):
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
