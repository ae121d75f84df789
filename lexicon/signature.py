"""The signature block (chữ ký) and the names of attached documents, as word sets.

    is_signature_line(text)   'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'BỘ TRƯỞNG'
    signer_prefixes()         ("TM.", "KT.", ...) from signer_capacities.yaml
    block_head_pattern()      'XÁC THỰC VĂN BẢN HỢP NHẤT', its words broken over lines or by emphasis
    signer_ranks()            ('Thượng tướng', ...): a rank printed before a signer's name
    type_names_upper()        document-type names and aliases in upper case, plus the attached
                              documents' titles of header_words.yaml (ĐỀ ÁN, QUY CHẾ, ...)
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import load
from .doc_types import doc_types
from .text import clean, is_upper_line


@lru_cache(maxsize=1)
def signer_prefixes() -> tuple[str, ...]:
    return tuple(load("signer_capacities.yaml")["prefixes"])


@lru_cache(maxsize=1)
def block_head_pattern() -> re.Pattern:
    """A signature block's head that is no capacity: "XÁC THỰC VĂN BẢN HỢP NHẤT", also broken over
    lines or split by emphasis ("**XÁC THỰC VĂN" / "BẢN HỢP NHẤT**")."""
    heads = sorted(load("signer_capacities.yaml")["block_heads"], key=len, reverse=True)
    return re.compile("|".join(r"[\s*_]+".join(map(re.escape, h.split())) for h in heads))


@lru_cache(maxsize=1)
def signer_ranks() -> tuple[str, ...]:
    """Ranks of the army and police printed before a signer's name, longest first."""
    return tuple(sorted(load("signer_capacities.yaml")["ranks"], key=len, reverse=True))


@lru_cache(maxsize=1)
def signer_titles_upper() -> frozenset[str]:
    return frozenset(t.upper() for t in load("signer_capacities.yaml")["titles"])


@lru_cache(maxsize=1)
def type_names_upper() -> frozenset[str]:
    names = {d.name.upper() for d in doc_types()} | {a.upper() for d in doc_types() for a in d.aliases}
    return frozenset(names | set(load("header_words.yaml")["attachment_types"]))


@lru_cache(maxsize=16384)
def is_signature_line(text: str) -> bool:
    """'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'BỘ TRƯỞNG' (upper case, short).
    Remembered: the segment stage, the tree and the metadata ask about the same lines (issue 13)."""
    t = clean(text)
    if not t or len(t) > 80:
        return False
    if any(t.startswith(p) for p in signer_prefixes()) and is_upper_line(t):
        return True
    titles = signer_titles_upper()
    return t.upper() == t and all(x.strip() in titles for x in t.split(",") if x.strip())
