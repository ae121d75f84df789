"""The words of a header's issuer block and of a signature block, read once from
issuers.yaml and signer_capacities.yaml, and the tests built on them.

    header_vocab() -> HeaderVocab   organisation heads, administrative units, fixed names, mottos,
                                    signer titles, collectives and capacity prefixes
    starts(words, phrase)           the words open with the phrase
    strip_mottos(line)              the national/Party motto (quốc hiệu, tiêu ngữ) removed, OCR'd diacritics too
    MOTTO_FOLDED                    the motto on folded text
    issuer_from_symbol(symbol)      'QĐ-TTg' -> 'Thủ tướng Chính phủ'; a joint symbol names every body
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import load
from .doc_types import abbreviations
from .text import fold_letters, fold_upper


@dataclass(frozen=True)
class HeaderVocab:
    heads: tuple[tuple[str, str], ...]          # upper -> proper, longest first
    heads_inline: tuple[str, ...]
    admin_units: tuple[tuple[str, str], ...]
    names: tuple[tuple[str, str], ...]
    lower_words: frozenset[str]
    heads_before_place: frozenset[str]
    mottos: tuple[str, ...]
    titles: dict                                # upper -> proper
    collectives: dict
    on_behalf_prefixes: tuple[str, ...]
    prefixes: tuple[str, ...]
    abbreviations_upper: tuple[tuple[str, str], ...]


@lru_cache(maxsize=None)
def header_vocab() -> HeaderVocab:
    iss = load("issuers.yaml")
    sig = load("signer_capacities.yaml")
    by_len = lambda d: tuple(sorted(d.items(), key=lambda kv: -len(kv[0])))  # noqa: E731
    abbr = {k: v.upper() for k, v in abbreviations().items() if k.isupper() and len(k) >= 2}
    return HeaderVocab(heads=by_len(iss["heads"]), heads_inline=tuple(iss["heads_inline"]),
                       admin_units=by_len(iss["admin_units"]), names=by_len(iss["names"]),
                       heads_before_place=frozenset(iss["heads_before_place"]),
                       lower_words=frozenset(w for x in iss["lower_words"] for w in x.split()),
                       mottos=tuple(sorted(iss["mottos"], key=len, reverse=True)),
                       titles={t.upper(): t for t in sig["titles"]},
                       collectives={t.upper(): t for t in sig["collectives"]},
                       on_behalf_prefixes=tuple(sig["on_behalf_prefixes"]), prefixes=tuple(sig["prefixes"]),
                       abbreviations_upper=by_len(abbr))


def starts(words: list[str], phrase: str) -> bool:
    """The words open with the words of `phrase`."""
    p = phrase.split()
    return words[:len(p)] == p


#: The national motto read through diacritics lost to OCR, on folded text: "cọng hòa xã Họi Chủ nghĩa" -> "XA HOI CHU NGHIA",
#: "Độc lập - Tự do - Hạnh phúc" -> "DOC LAP - TU DO"
MOTTO_FOLDED = re.compile(r"XA HOI CHU NGHIA|DOC LAP\s*[-–]\s*TU DO")


def strip_mottos(line: str) -> str:
    """The line without the national or Party motto."""
    for m in header_vocab().mottos:
        line = line.replace(m, " ")
    # a motto with OCR'd diacritics: "CỌNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM" (fold keeps one letter a letter)
    line = unicodedata.normalize("NFC", line)
    folded = fold_letters(line)
    for m in _folded_mottos():
        k = folded.find(m)
        while k >= 0:
            line = line[:k] + " " * len(m) + line[k + len(m):]
            folded = folded[:k] + " " * len(m) + folded[k + len(m):]
            k = folded.find(m)
    return " ".join(line.split())


@lru_cache(maxsize=None)
def _folded_mottos() -> tuple[str, ...]:
    return tuple(sorted({fold_upper(m) for m in header_vocab().mottos}, key=len, reverse=True))


@lru_cache(maxsize=None)
def _symbol_issuers() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rf"^{k}$"), v) for k, v in load("issuers.yaml")["symbol_issuers"].items())


def _body_of_code(code: str):
    return next((v for k, v in _symbol_issuers() if k.match(code)), None)


def issuer_from_symbol(symbol: str):
    """The central body named by a symbol's issuer code (issuers.yaml `symbol_issuers`): "NĐ-CP" -> Chính phủ,
    "QH14" -> Quốc hội, "QĐ-TTg" -> Thủ tướng Chính phủ, "TT-BTC" -> Bộ Tài chính.  A joint symbol names
    every body when every code is known: "TTLT-BQP-BLĐTBXH-BTC" -> "Bộ Quốc phòng, Bộ Lao động - Thương binh
    và Xã hội, Bộ Tài chính".  Local codes (UBND, SCT, ...) name no body by themselves: None."""
    code = symbol.split("-")[-1].split("/")[-1]
    tokens = symbol.split("/")[-1].split("-")
    if len(tokens) > 2:
        bodies = [_body_of_code(t) for t in tokens[1:]]
        if all(bodies):
            return ", ".join(bodies)
    return _body_of_code(code)
