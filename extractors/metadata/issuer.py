"""The issuer (cơ quan ban hành): the upper-case lines of the header's top-left block.

    find_issuer(lines, num_i, type_i, symbol) -> (name, parent, warnings)
    enacting_issuer(lines, type_i)   the authority line under the title of a header with no issuer block
    read_issuer(lines, stop, anchored) -> (name, parent)
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.lexicon import load
from vanban.lexicon.casing import expand_upper, proper_case
from vanban.lexicon.header import MOTTO_FOLDED, header_vocab, issuer_from_symbol, starts, strip_mottos
from vanban.lexicon.patterns import RULE
from vanban.lexicon.text import fold_upper, is_upper_line
from vanban.schemas.models import Warning

from .doc_type import starts_type_name
from .title import starts_authority
from .number import NUMBER_LINE

NOT_A_NAME = re.compile(r"[,.;:/\d]")

#: The number of a decision that a body's name cites, on its own header line: "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT"
CITED_NUMBER = re.compile(r"^SỐ\s+\d[\d.]*/[A-ZĐ0-9/\-]+$")


#: A number/symbol that is not an issuer line: "7360/KH-UBND", "Số: /KH-UBND"
SYMBOL_LIKE = re.compile(r"\d\s*/|/\s*[A-ZĐ]{2}|^(?:Số|SỐ)\b")


def read_issuer(lines: list[str], stop: int, anchored: bool = True) -> tuple[Optional[str], Optional[str]]:
    """(issuer, parent) from the upper-case header lines above the Số line.
    With no anchor (no national motto, no Số line) an upper-case line is an issuer only when it
    starts with an organisation word: a form's title "DANH SÁCH THÀNH VIÊN CÔNG TY ..." is not."""
    v = header_vocab()
    orgs: list[str] = []
    for line in lines[:stop]:
        line = strip_mottos(line)
        if orgs and CITED_NUMBER.match(line) and orgs[-1].split()[-1] in ("ĐỊNH", "THEO"):
            orgs[-1] = orgs[-1] + " " + line      # "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT"
            continue
        line = NUMBER_LINE.split(line)[0] if NUMBER_LINE.search(line) else line
        line = line.strip(" -–—_*.")      # "BỘ CÔNG AN ." (OCR)
        if not line or RULE.match(line) or not is_upper_line(line) or SYMBOL_LIKE.search(line):
            continue
        for part in _split_inline(line):
            words = expand_upper(part).split()
            head = starts_head(words)
            if not orgs and not head and (not anchored or starts_type_name(part)):
                continue          # no anchor, or a type line: "BÁO CÁO ĐỊNH KỲ VỀ BẢO HỘ LAO ĐỘNG" (a form)
            new = head or not orgs
            if new:
                orgs.append(part)
            else:
                orgs[-1] = orgs[-1] + " " + part
    # a gazette's section heading above the issuer ("VĂN BẢN PHÁP LUẬT KHÁC") and repeated lines
    orgs = [o for k, o in enumerate(orgs) if k == 0 or o != orgs[k - 1]]
    if len(orgs) > 1 and not any(starts(expand_upper(orgs[0]).split(), h) for h, _ in v.heads):
        orgs = orgs[1:]
    if not orgs:
        return None, None
    issuer = proper_case(orgs[-1])
    parent = proper_case(orgs[-2]) if len(orgs) >= 2 else None
    return issuer, parent


def _split_inline(line: str) -> list[str]:
    """'BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN' -> ['BỘ TÀI CHÍNH', 'TỔNG CỤC HẢI QUAN']."""
    words = line.split()
    heads = header_vocab().heads_inline
    for k in range(2, len(words)):
        if words[k - 1] in _not_after():
            continue                     # "TỔNG CỤC", "PHỤC VỤ": no new body at the head word
        if any(starts(words[k:], h) and len(words) - k > len(h.split()) for h in heads) and not any(starts(words, h) and len(h.split()) > k
                                                                 for h, _ in header_vocab().heads):
            return [" ".join(words[:k]), " ".join(words[k:])]
    return [line]


@lru_cache(maxsize=1)
def _not_after() -> frozenset[str]:
    return frozenset(load("issuers.yaml")["heads_inline_not_after"])


def starts_head(words: list[str]) -> bool:
    """An organisation word at the head, or a head of 2+ words read through OCR'd diacritics: "TỎ CÔNG TÁC"."""
    v = header_vocab()
    if any(starts(words, h) for h, _ in v.heads):
        return True
    folded = fold_upper(" ".join(words)).split()
    return any(len(h.split()) >= 2 and starts(folded, fold_upper(h)) for h, _ in v.heads)


def authority_name(line: str) -> str:
    """The body an enacting-authority line names, proper-cased: "QUỐC HỘI" -> Quốc hội, "THỦ TƯỚNG CHÍNH PHỦ"
    -> Thủ tướng Chính phủ (a head of its own), "BỘ TRƯỞNG BỘ CÔNG THƯƠNG" -> Bộ Công Thương (an official's title
    before a body is dropped, as the issuer block prints the body)."""
    v = header_vocab()
    words = expand_upper(line.upper()).split()
    head = max((len(h.split()) for h, _ in v.heads if starts(words, h)), default=0)
    title = max((len(t.split()) for t in v.titles if starts(words, t)), default=0)
    if title > head and starts_head(words[title:]):
        words = words[title:]
    return proper_case(" ".join(words))


def enacting_issuer(lines: list[str], type_i: Optional[int]) -> Optional[str]:
    """The enacting authority printed under the title when the issuer block is missing (a converter dropped
    the emblem header): "NGHỊ QUYẾT" / "<title>" / "QUỐC HỘI" / "Căn cứ ...", "THỦ TƯỚNG CHÍNH PHỦ",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "BỘ TRƯỞNG BỘ CÔNG THƯƠNG"."""
    if type_i is None:
        return None
    for line in lines[type_i + 1:type_i + 12]:
        line = line.strip(" *#")
        if is_upper_line(line) and len(line.split()) <= 12 and starts_authority(line) \
                and not NUMBER_LINE.search(line):
            return authority_name(line)
    return None


def sentence_case_issuer(lines: list[str]) -> Optional[str]:
    """An issuer printed in sentence case near the top (word-segmented crawls): "Ủy ban nhân dân tỉnh nghệ an"
    -> "Ủy ban nhân dân tỉnh Nghệ An".  Short lines only, starting with an organisation word."""
    for line in lines[:3]:
        words = line.split()
        if 2 <= len(words) <= 9 and not NOT_A_NAME.search(line) and starts_head(expand_upper(line.upper()).split()):
            return proper_case(line.upper())
    return None


def find_issuer(lines: list[str], num_i: Optional[int], type_i: Optional[int],
                symbol: Optional[str]) -> tuple[Optional[str], Optional[str], list[Warning]]:
    """The issuer above the Số line (or the type line); with no header anchor, a sentence-case
    issuer line; else the central body the symbol names, with a warning."""
    warnings: list[Warning] = []
    stop = num_i if num_i is not None else type_i if type_i is not None else min(len(lines), 8)
    if num_i is not None:
        # the Số line itself may carry the second issuer line on the left ("TỈNH LÀO CAI Số: ...")
        stop = num_i + 1
    anchored = num_i is not None or any(MOTTO_FOLDED.search(fold_upper(x)) for x in lines[:40])
    name, parent = read_issuer(lines, stop, anchored)
    if not name and num_i is None:
        name = enacting_issuer(lines, type_i)
    if not name and not anchored:
        name = sentence_case_issuer(lines)
    if not name and symbol and issuer_from_symbol(symbol):
        name = issuer_from_symbol(symbol)
        warnings.append(Warning(code="issuer_from_symbol",
                                message=f"no issuer lines in the header: '{name}' read from the symbol {symbol}"))
    if not name:
        warnings.append(Warning(code="issuer_missing", message="no issuer found in the header" + (
            "" if anchored else " (no national motto or 'Số:' line, and no line starting with an organisation word)")))
    return name, parent, warnings
