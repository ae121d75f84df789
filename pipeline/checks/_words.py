"""The self-checks' words (lexicon/data/checks.yaml), compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from vanban.lexicon import doc_types, fold_key, load
from vanban.lexicon.patterns import alternation, whole_word


@dataclass(frozen=True)
class Words:
    not_task_sections: frozenset[str]  # fold_key of section titles
    body_opener: re.Pattern
    header_max_lines: int
    type_lines: frozenset[str]         # fold_key of every document type name ("ke hoach", ...)
    max_recipients: int
    max_recipient_words: int
    task_table_head: re.Pattern        # folded: the lead column's heading words


@lru_cache(maxsize=1)
def words() -> Words:
    data = load("checks.yaml")
    header = data["header"]
    names = {fold_key(d.name) for d in doc_types()} | {fold_key(a) for d in doc_types() for a in d.aliases}
    return Words(
        not_task_sections=frozenset(fold_key(t) for t in data["not_task_sections"]),
        body_opener=re.compile(rf"^(?:\*\*)?(?:{alternation(header['body_openers'])})(?![^\W_])"),
        header_max_lines=header["max_lines"],
        type_lines=frozenset(n for n in names if n),
        max_recipients=data["max_recipients"],
        max_recipient_words=data["max_recipient_words"],
        task_table_head=re.compile(rf"\b(?:{alternation(fold_key(w) for w in data['task_table_heads'])})\b"),
    )


@dataclass(frozen=True)
class NameWords:
    """The body-name check's words (pipeline/checks/names.py)."""
    fragments: frozenset[str]          # fold_key of each fragment
    clause: re.Pattern
    allowed_number: re.Pattern         # "khu vực 14", "số 1": a number a body name may hold
    max_name_words: int
    name_vocabulary: frozenset[str]    # lower-case words of the gazetteer's names, heads, units, collectives
    blank: re.Pattern                  # a form's printed blank
    sentence_break: re.Pattern
    dangling_end: re.Pattern           # group 1: the last word of a cut clause
    kept_end: re.Pattern               # endings that look cut but are not ("cùng cấp", "nơi đến")
    start: re.Pattern                  # the body words a name may start with
    second_holder: re.Pattern          # a title after ",", "và", "hoặc"; an outer head after "và", "hoặc"
    title_list: re.Pattern             # titles sharing one list: "Bộ trưởng (các Bộ), Thủ trưởng ..."


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _vocabulary(bodies: dict, skip: Iterable[str]) -> frozenset[str]:
    """Every lower-case word the gazetteer's lists of names use (not its lists of stop words)."""
    texts = (s for key, value in bodies.items() if key not in skip for s in _strings(value))
    return frozenset(w for text in texts for w in re.findall(r"[^\W\d_]+", text) if w.islower())


def _first_words(name: str, n: int = 2) -> str:
    return " ".join(name.split()[:n])


@lru_cache(maxsize=1)
def names() -> NameWords:
    data, bodies, signers = load("checks.yaml"), load("bodies.yaml"), load("signer_capacities.yaml")
    titles = set(bodies["office_titles"]) | set(signers["titles"])
    gazetteer = {_first_words(n) for kind in bodies["names"].values() for n in kind or ()}
    starts = titles | gazetteer | set(bodies["heads"]) | set(bodies["generic_nouns"]) | set(bodies["units"]) \
        | set(data["name_starts"])
    starts |= set(bodies["provinces"])                                     # a province as an actor
    opens = re.compile(rf"(?:{alternation(starts)})(?![^\W_])")
    starts |= {short for short, full in load("abbreviations.yaml").items() if opens.match(full)}   # "BHXH tỉnh"
    after_det = starts | set(bodies["collective_nouns"])
    kept = {s.lower() for s in data["name_starts"]}
    blocked = alternation(n for n in bodies["not_collective"] if n.lower() not in kept)   # "Các cấp ủy" stays
    det = alternation(data["determiners"])
    start = (rf"(?:(?:{det})\s+(?!(?:{blocked})(?![^\W_]))(?:{alternation(after_det)})"
             rf"|(?:{alternation(starts)}))(?![^\W_])|[A-ZĐ]{{2,}}$")     # or an acronym alone: "EVN"
    inner = alternation(bodies["inner_heads"])
    outer = rf"(?!(?:{inner})(?![^\W_]))(?:{alternation(h for h in bodies['heads'] if h not in bodies['inner_heads'])})"
    return NameWords(
        fragments=frozenset(fold_key(f) for f in data["fragments"]),
        clause=re.compile(whole_word(alternation(data["clause_words"]))),
        allowed_number=re.compile(rf"(?:{alternation(data['number_allowed_after'])})\s+\d+"),
        max_name_words=data["max_name_words"],
        name_vocabulary=_vocabulary(bodies, data["not_name_lists"]),
        blank=re.compile(alternation(data["form_blanks"])),
        sentence_break=re.compile(r"[.;]\s+\S"),
        dangling_end=re.compile(rf"(?<![^\W_])({alternation(data['dangling_ends'])})\W*$"),
        kept_end=re.compile(rf"(?<![^\W_])(?:{alternation(data['kept_endings'])})\W*$", re.IGNORECASE),
        start=re.compile(start, re.IGNORECASE),
        second_holder=re.compile(rf"(?:(?:,|\s(?:và|hoặc))\s+(?i:{alternation(titles)})|\s(?:và|hoặc)\s+{outer})"
                                 rf"(?![^\W_])"),
        title_list=re.compile(rf"^(?:(?:{det})\s+)?(?i:{alternation(titles)})(?:\s+các\s+[^\W\d_]+)?"
                              rf"(?:\s*,\s*(?i:{alternation(titles)}))*\s*,"),
    )
