"""Vietnamese proper case for names printed in capitals (the issuer block, signature titles).

    proper_case('UBND TỈNH LÀO CAI') -> 'Ủy ban nhân dân tỉnh Lào Cai'
    proper_case('BỘ TÀI CHÍNH')      -> 'Bộ Tài chính'
    expand_upper(name)               upper-case abbreviations expanded in upper case ('UBND' -> 'ỦY BAN NHÂN DÂN')
    expand_abbreviations(name)       abbreviations of 3+ capitals expanded ('HĐND' -> 'Hội đồng nhân dân')
"""
from __future__ import annotations

import re

from .doc_types import abbreviations
from .header import header_vocab, starts
from .text import fold_upper, is_upper_line

def proper_case(name: str) -> str:
    """'UBND TỈNH LÀO CAI' -> 'Ủy ban nhân dân tỉnh Lào Cai'; 'BỘ TÀI CHÍNH' -> 'Bộ Tài chính'.
    Text that is not upper case is returned with abbreviations expanded only."""
    v = header_vocab()
    name = " ".join(name.split())
    if not is_upper_line(name):
        return expand_abbreviations(name)
    words = expand_upper(name).split()
    out: list[str] = []
    i = 0
    start_of_name = True
    while i < len(words):
        rest = words[i:]
        hit = next(((u, p) for u, p in v.heads if starts(rest, u)), None) if i == 0 else None
        if i == 0 and hit is None:      # "TỎ CÔNG TÁC LIÊN NGÀNH TW" (OCR): the head read through its diacritics
            folded = fold_upper(" ".join(rest)).split()
            hit = next(((u, p) for u, p in v.heads if len(u.split()) >= 2 and starts(folded, fold_upper(u))), None)
        if hit:
            out.append(hit[1])
            i += len(hit[0].split())
            start_of_name = True
            if hit[0] in v.heads_before_place:
                out.extend(w.capitalize() for w in words[i:])
                break
            continue
        unit = next(((u, p) for u, p in v.admin_units if starts(rest, u)), None) \
            if not out or out[-1] not in ("và", "-", "–") else None
        if unit:
            out.append(unit[1])
            i += len(unit[0].split())
            # the place name after an administrative unit: every word capitalised
            while i < len(words) and not any(starts(words[i:], u) for u, _ in v.admin_units):
                out.append(words[i].capitalize())
                i += 1
            continue
        fixed = next(((u, p) for u, p in v.names if starts(rest, u)), None)
        if fixed:
            out.append(fixed[1])
            i += len(fixed[0].split())
            start_of_name = False
            continue
        w = words[i]
        if any(c.isdigit() for c in w):
            out.append(w)              # a cited number keeps its case: "1050/QĐ-SCT"
            start_of_name = False
        elif w in v.lower_words:
            out.append(w.lower())
            start_of_name = False
        elif w in ("VÀ", "-", "–", ","):
            out.append(w.lower())
            start_of_name = True
        elif start_of_name or (out and out[-1].endswith(",")):
            out.append(w.capitalize())
            start_of_name = False
        else:
            out.append(w.lower())
        i += 1
    return " ".join(out).replace(" ,", ",")


def expand_upper(name: str) -> str:
    for short, long_ in header_vocab().abbreviations_upper:
        if short in name:                   # the cheap test first: most names hold none of them
            name = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", long_, name)
    return name


def expand_abbreviations(name: str) -> str:
    for short, long_ in sorted(abbreviations().items(), key=lambda kv: -len(kv[0])):
        if short.isupper() and len(short) >= 3 and short in name:
            name = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", long_, name)
    return name


