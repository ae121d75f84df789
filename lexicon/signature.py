"""The signature block (chữ ký) and the names of attached documents, as word sets.

    is_signature_line(text)   'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'BỘ TRƯỞNG'
    signer_prefixes()         ("TM.", "KT.", ...) from signer_capacities.yaml
    type_names_upper()        document-type names and aliases in upper case, plus the attached
                              documents' titles of header_words.yaml (ĐỀ ÁN, QUY CHẾ, ...)
"""
from __future__ import annotations

from functools import lru_cache

from . import load
from .doc_types import doc_types
from .text import clean, is_upper_line


@lru_cache(maxsize=1)
def signer_prefixes() -> tuple[str, ...]:
    return tuple(load("signer_capacities.yaml")["prefixes"])


@lru_cache(maxsize=1)
def signer_titles_upper() -> frozenset[str]:
    return frozenset(t.upper() for t in load("signer_capacities.yaml")["titles"])


@lru_cache(maxsize=1)
def type_names_upper() -> frozenset[str]:
    names = {d.name.upper() for d in doc_types()} | {a.upper() for d in doc_types() for a in d.aliases}
    return frozenset(names | set(load("header_words.yaml")["attachment_types"]))


def is_signature_line(text: str) -> bool:
    """'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'BỘ TRƯỞNG' (upper case, short)."""
    t = clean(text)
    if not t or len(t) > 80:
        return False
    if any(t.startswith(p) for p in signer_prefixes()) and is_upper_line(t):
        return True
    titles = signer_titles_upper()
    return t.upper() == t and all(x.strip() in titles for x in t.split(",") if x.strip())
