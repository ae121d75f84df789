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


@lru_cache(maxsize=None)
def _code_index() -> tuple[dict[str, DocTypeEntry], dict[str, DocTypeEntry]]:
    """The table by exact code, and by folded code or upper-case alias (the first entry listed
    wins, as a scan of the table in order would find it): one dictionary look-up a call, where a
    citation reads hundreds of codes a document (issue 13)."""
    exact: dict[str, DocTypeEntry] = {}
    folded: dict[str, DocTypeEntry] = {}
    for d in doc_types():
        exact.setdefault(d.code, d)
        folded.setdefault(d.code.casefold(), d)
        for a in d.aliases:
            if a.isupper():
                folded.setdefault(a.casefold(), d)
    return exact, folded


def type_by_code(code: str) -> DocTypeEntry | None:
    exact, folded = _code_index()
    found = exact.get(code)
    return found if found is not None else folded.get(code.casefold())


@lru_cache(maxsize=None)
def _name_index() -> dict[str, tuple[DocTypeEntry, ...]]:
    """Folded name or alias -> the entries it names, in the table's order."""
    index: dict[str, list[DocTypeEntry]] = {}
    for d in doc_types():
        for key in dict.fromkeys([d.name.casefold(), *(a.casefold() for a in d.aliases)]):
            index.setdefault(key, []).append(d)
    return {k: tuple(v) for k, v in index.items()}


def types_by_name(name: str) -> list[DocTypeEntry]:
    return list(_name_index().get(" ".join(name.split()).casefold(), ()))


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    return dict(load("abbreviations.yaml"))
