"""Bodies extractor: public bodies  # cơ quan  named in the text (gazetteer + patterns).

    find_bodies(text: str) -> list[BodySpan]       every body name in a text, with offsets
    split_bodies(text: str) -> list[str]           a lead/coordinator cell or phrase -> names
    canonical_name(name: str) -> str               abbreviations expanded (UBND -> Ủy ban nhân dân)

The package, by concern:
    gazetteer.py  lexicon/data/bodies.yaml as the others read it; fold_name (comparison key)
    matcher.py    the body matcher (gazetteer trie and token patterns over one tokenisation)
    index.py      a document matched once: `with indexed(text):` answers its parts from that run
    find.py       find_bodies: matcher spans + province tails, office titles, owners
    names.py      canonical_name, proper_case (no spaCy)
    lists.py      split_bodies, kind_of
The document's body list (collect_bodies) is an aggregation over tasks and text:
vanban.pipeline.aggregate.

Roles: lead  # chủ trì;  coordinator  # phối hợp;  mentioned (named only in the text).
Collective names are capitalised on their first letter ("Đơn vị liên quan").
find_bodies, split_bodies, canonical_name are memoised per string.
"""
from __future__ import annotations

from .find import BodySpan, find_bodies
from .gazetteer import fold_name, gazetteer
from .index import indexed
from .lists import kind_of, split_bodies
from .names import canonical_name, proper_case

__all__ = ["BodySpan", "canonical_name", "find_bodies", "fold_name", "gazetteer", "indexed", "kind_of", "proper_case",
           "split_bodies"]
