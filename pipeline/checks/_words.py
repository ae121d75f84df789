"""The self-checks' words (lexicon/data/checks.yaml), compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vanban.lexicon import doc_types, fold_key, load
from vanban.lexicon.patterns import alternation, whole_word


@dataclass(frozen=True)
class Words:
    fragments: frozenset[str]          # fold_key of each fragment
    clause: re.Pattern
    allowed_number: re.Pattern         # "khu vực 14", "số 1": a number a body name may hold
    max_name_words: int
    not_task_sections: frozenset[str]  # fold_key of section titles
    body_opener: re.Pattern
    header_max_lines: int
    type_lines: frozenset[str]         # fold_key of every document type name ("ke hoach", ...)
    max_recipients: int
    max_recipient_words: int


@lru_cache(maxsize=1)
def words() -> Words:
    data = load("checks.yaml")
    allowed = alternation(data["number_allowed_after"])
    header = data["header"]
    names = {fold_key(d.name) for d in doc_types()} | {fold_key(a) for d in doc_types() for a in d.aliases}
    return Words(
        fragments=frozenset(fold_key(f) for f in data["fragments"]),
        clause=re.compile(whole_word(alternation(data["clause_words"]))),
        allowed_number=re.compile(rf"(?:{allowed})\s+\d+"),
        max_name_words=data["max_name_words"],
        not_task_sections=frozenset(fold_key(t) for t in data["not_task_sections"]),
        body_opener=re.compile(rf"^(?:\*\*)?(?:{alternation(header['body_openers'])})(?![^\W_])"),
        header_max_lines=header["max_lines"],
        type_lines=frozenset(n for n in names if n),
        max_recipients=data["max_recipients"],
        max_recipient_words=data["max_recipient_words"],
    )
