"""Identity (định danh) of documents and citations: issuer + identifier + year.

    identifier_key(identifier) -> str         "899/QĐ-TTg" -> "899/qđ-ttg"
    issuer_key(issuer) -> str                 folded body, without an official's title
    locality(text) -> str|None                the province an issuer names: "Bắc Giang"
    is_national(symbol) -> bool               QĐ-TTg, NĐ-CP, NQ/TW: unique in the country
    identity(identifier, year, locality) -> str
    Candidate, resolve(candidates, year, locality, inferred_locality) -> (status, list[Candidate])

`123/KH-UBND` is not unique across the country: a symbol with a local issuer
part is keyed by its locality too (the province named in the issuer, or, for a
citation that names no issuer, the province of the citing document).  A
citation resolves to a stored document only when identifier, year and locality
agree, or when neither it nor its citing document says which province and
exactly one stored document fits;
one that fits several is `ambiguous`, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from vanban.lexicon import fold_key
from vanban.pipeline.resolve import _body_of, _ident_key


@lru_cache(maxsize=None)
def _data() -> dict:
    return yaml.safe_load(resources.files("vanban.store").joinpath("data", "identity.yaml").read_text("utf-8"))


@lru_cache(maxsize=None)
def _national() -> re.Pattern:
    return re.compile("^(?:" + "|".join(_data()["national_issuer_codes"]) + ")$")


@lru_cache(maxsize=None)
def _localities() -> tuple[tuple[re.Pattern, str], ...]:
    names = sorted(_data()["localities"], key=len, reverse=True)
    return tuple((re.compile(r"(?<!\w)" + re.escape(fold_key(n)) + r"(?!\w)"), n) for n in names)


def identifier_key(identifier: Optional[str]) -> Optional[str]:
    return _ident_key(identifier) if identifier else None


def issuer_key(issuer: Optional[str]) -> Optional[str]:
    return _body_of(issuer) if issuer else None


def locality(text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    folded = fold_key(text)
    for pat, name in _localities():
        if pat.search(folded):
            return name
    return None


def issuer_code(symbol: Optional[str]) -> Optional[str]:
    """The issuer part of a symbol or identifier: `899/QĐ-TTg` -> `TTg`, `123-KH/TU` -> `TU`."""
    return re.split(r"[-/]", symbol.replace(" ", ""))[-1] if symbol else None


def is_national(symbol: Optional[str]) -> bool:
    return bool(symbol) and bool(_national().match(issuer_code(symbol)))


def year_of(identifier: Optional[str], date: Optional[str]) -> Optional[int]:
    """The year in the identifier (`214/2025/NĐ-CP`), else the year of the date."""
    m = re.search(r"/((?:19|20)\d\d)/", identifier or "")
    if m:
        return int(m.group(1))
    return int(date[:4]) if date else None


def identity(identifier: str, symbol: Optional[str], year: Optional[int], where: Optional[str]) -> str:
    """The key a document is stored and cited under: identifier|year, plus the locality
    when the symbol is local."""
    key = f"{identifier_key(identifier)}|{year or ''}"
    return key if is_national(symbol) else f"{key}|{fold_key(where) if where else ''}"


@dataclass(frozen=True)
class Candidate:
    """A stored document a citation may stand for (the newest version of one identity)."""
    document_id: int
    identity: str
    year: Optional[int]
    locality: Optional[str]


def resolve(candidates: list[Candidate], national: bool, year: Optional[int], where: Optional[str],
            inferred_where: Optional[str] = None) -> tuple[str, list[Candidate]]:
    """"resolved" (one candidate), "ambiguous" (several) or "unresolved" (none), with what fits."""
    fits = [c for c in candidates if year is None or c.year == year]
    if not national and (where or inferred_where):
        fits = [c for c in fits if c.locality == (where or inferred_where)]
    if not fits:
        return "unresolved", []
    return ("resolved" if len(fits) == 1 else "ambiguous"), fits
