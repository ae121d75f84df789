"""Document types (Decree 30/2020 Appendix III codes, legal-normative and Party types) and abbreviations.

    doc_types() -> list[DocTypeEntry]        every document type with code, name, aliases, kinds
    type_by_code(code) -> DocTypeEntry|None  "QĐ" -> Quyết định (case- and Đ-sensitive first, then folded)
    types_by_name(name) -> list[DocTypeEntry] "Quyết định" -> [QĐ]; "Quy định" -> [QyĐ, QĐi]
    abbreviations() -> dict[str, str]        "UBND" -> "Ủy ban nhân dân"
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import load


@dataclass(frozen=True)
class DocTypeEntry:
    code: str
    name: str
    aliases: tuple[str, ...]
    kinds: tuple[str, ...]


@lru_cache(maxsize=None)
def doc_types() -> tuple[DocTypeEntry, ...]:
    return tuple(DocTypeEntry(code=d["code"], name=d["name"], aliases=tuple(d.get("aliases", ())),
                              kinds=tuple(d.get("kind", ()))) for d in load("doc_types.yaml"))


def type_by_code(code: str) -> DocTypeEntry | None:
    for d in doc_types():
        if d.code == code:
            return d
    folded = code.casefold()
    for d in doc_types():
        if d.code.casefold() == folded or any(a.casefold() == folded for a in d.aliases if a.isupper()):
            return d
    return None


def types_by_name(name: str) -> list[DocTypeEntry]:
    folded = " ".join(name.split()).casefold()
    return [d for d in doc_types()
            if d.name.casefold() == folded or any(a.casefold() == folded for a in d.aliases)]


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    return dict(load("abbreviations.yaml"))
