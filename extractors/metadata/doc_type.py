"""The document type (loại văn bản): the type line of the header ("KẾ HOẠCH", "QUYẾT ĐỊNH"),
a type word inside a flattened line, or the code of the symbol.

    find_type(lines) -> TypeFound            where the type is printed, its entries, a title on the same line
    decide_doc_type(found, cv_i, symbol) -> (DocType | None, inline title, warnings)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from vanban.lexicon import doc_types, load, type_by_code, types_by_name
from vanban.lexicon.text import fold_upper, is_upper_line, upper_run
from vanban.schemas.models import DocType, Warning

from .title import cut_role_tail

#: Type code at the head of a symbol: "KH" in "KH-UBND", "QĐ" in "QĐ-TTg", "KH" in "KH/TU" (Party)
SYMBOL_CODE = re.compile(r"^(?P<code>[^\-/]+)")


def type_line(lines: list[str]) -> tuple[Optional[int], list]:
    """The type line: "KẾ HOẠCH", or read through OCR'd diacritics: "KÉ HOẠCH" (folds to KE HOACH)."""
    for i, line in enumerate(lines[:45]):
        t = line.rstrip(":").strip()
        if t.upper() == t and is_upper_line(t):
            found = types_by_name(t) or _types_by_folded_name().get(fold_upper(t), [])
            if found:
                return i, found
    return None, []


@lru_cache(maxsize=None)
def _types_by_folded_name() -> dict:
    out: dict = {}
    for d in doc_types():
        for n in {fold_upper(d.name)} | {fold_upper(a) for a in d.aliases if len(a) > 3}:
            out.setdefault(n, []).append(d)
    return out


def opening_type(lines: list[str]) -> tuple[list, Optional[str]]:
    """A document that opens with its type and summary in one sentence-case line (word-segmented crawls):
    "Quyết định ban hành kế hoạch triển khai ..." -> ([QĐ], "Ban hành kế hoạch triển khai ...")."""
    words = lines[0].split() if lines else []
    for k in (3, 2, 1):
        if len(words) > k + 2 and words[0][:1].isupper() and words[k][:1].islower() \
                and all(w.islower() for w in words[1:k]):
            found = types_by_name(" ".join(words[:k]))
            if found:
                rest = " ".join(words[k:])
                return found, rest[:1].upper() + rest[1:]
    return [], None


def inline_type(lines: list[str]) -> tuple[list, Optional[str]]:
    """A type word inside a flattened line and the upper-case summary after it:
    "Hà Nội, ngày 31 tháng 7 năm 2024 QUYẾT ĐỊNH VỀ CƠ CHẾ, CHÍNH SÁCH ... THU HỒI Căn cứ Luật ..."."""
    for line in lines[:45]:
        line = glued_type_re().sub(r"\1 ", line)
        # not a type word inside an upper-case phrase: "DỰ THẢO KẾ HOẠCH", "HỆ THỐNG BÁO CÁO TÀI CHÍNH"
        m = next((x for x in inline_type_re().finditer(line)
                  if not (line[:x.start()].split() and is_upper_line(line[:x.start()].split()[-1]))), None)
        if not m:
            continue
        rest = line[m.end():].split()
        run, _ = upper_run(rest)
        title = cut_role_tail(run).strip(" ,;:")
        if not run and m.start() == 0 and rest and rest[0][:1].isupper():
            title = _sentence_title(rest)       # "NGHỊ ĐỊNH Về hợp đồng thực hiện nhiệm vụ của công chức"
        if len(title.split()) >= 2:
            return types_by_name(m.group(1)), title
    return [], None


def _sentence_title(words: list[str]) -> str:
    """A sentence-case summary after a type word that opens its line, up to a body opener; a summary
    printed twice (once glued to the type line, once on its own) is kept once."""
    text = " ".join(words)
    opener = BODY_OPENER_INSIDE.search(text)
    text = text[:opener.start()] if opener else text
    half = len(text) // 2
    if len(text) % 2 == 1 and text[:half] == text[half + 1:]:
        text = text[:half]
    return text.strip(" ,;:")


#: A body opener inside a flattened line: "... của công chức Căn cứ Luật Tổ chức Chính phủ"
BODY_OPENER_INSIDE = re.compile(r"\s(?:Căn cứ|Theo đề nghị|Xét đề nghị)\b")


@lru_cache(maxsize=None)
def glued_type_re() -> re.Pattern:
    """A type word glued to the sentence-case summary after it (emphasis marks dropped between them):
    "NGHỊ ĐỊNHVề hợp đồng ..." (from "**NGHỊ ĐỊNH****Về hợp đồng ...**")."""
    names = sorted({d.name.upper() for d in doc_types()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?=[A-ZĐ][^\W\d_A-ZĐ])")


@lru_cache(maxsize=None)
def inline_type_re() -> re.Pattern:
    """A type's name in upper case, not the head of another instrument's name ("NGHỊ ĐỊNH THƯ")."""
    names = sorted({d.name.upper() for d in doc_types()}, key=len, reverse=True)
    others = load("header_words.yaml")["other_instruments"]
    not_other = "".join(rf"(?!{re.escape(o)}(?!\w))" for o in others)
    return re.compile(r"(?<!\w)" + not_other + "(" + "|".join(map(re.escape, names)) + r")(?!\w)")


def starts_type_name(line: str) -> bool:
    """'BÁO CÁO ĐỊNH KỲ VỀ ...' starts with a document type's name."""
    return bool(inline_type_re().match(line))


@dataclass(frozen=True)
class TypeFound:
    index: Optional[int]          # the type line, when it stands alone
    entries: list                 # the DocTypeEntry candidates its words name
    inline_title: Optional[str]   # a summary printed on the same line as the type word


def find_type(lines: list[str]) -> TypeFound:
    """The type line; else a type word inside a flattened line; else a sentence-case opening."""
    type_i, entries = type_line(lines)
    inline_title = None
    if type_i is None:
        entries, inline_title = inline_type(lines)
    if type_i is None and not entries:
        entries, inline_title = opening_type(lines)
    return TypeFound(type_i, entries, inline_title)


def decide_doc_type(found: TypeFound, cv_i: Optional[int],
                    symbol: Optional[str]) -> tuple[Optional[DocType], Optional[str], list[Warning]]:
    """A consolidated text's VBHN code wins over its type line (văn bản hợp nhất: "Số: 57/VBHN-BCT" over
    "THÔNG TƯ"); else the type line wins, agreeing with the symbol's code where both are printed; else a V/v summary
    (or a symbol with no type code) makes a công văn; else the symbol's code.  Returns the type, the
    inline title still standing, and warnings."""
    warnings: list[Warning] = []
    entries, inline_title = found.entries, found.inline_title
    m = SYMBOL_CODE.match(symbol) if symbol else None
    code_in_symbol = type_by_code(m["code"]) if m else None
    if entries and found.index is None and code_in_symbol \
            and not any(e.code == code_in_symbol.code for e in entries):
        # a type word met inside a line ("HỆ THỐNG BÁO CÁO TÀI CHÍNH" in 102/2018/TT-BTC) is weaker than the symbol
        entries, inline_title = [], None
    dtype = None
    if code_in_symbol and code_in_symbol.code == "VBHN":
        dtype = code_in_symbol    # a consolidated text: its type line is the consolidated document's
    elif entries:
        dtype = next((e for e in entries if code_in_symbol and e.code == code_in_symbol.code), entries[0])
        if code_in_symbol and code_in_symbol.code != dtype.code:
            warnings.append(Warning(code="doc_type_mismatch",
                                    message=f"the type line says {dtype.name} but the symbol {symbol} has the code "
                                            f"{code_in_symbol.code}"))
    elif cv_i is not None or (symbol and code_in_symbol is None):
        dtype = type_by_code("CV")
    elif code_in_symbol:
        dtype = code_in_symbol
    if not dtype:
        warnings.append(Warning(code="doc_type_missing", message="no document type found"))
        return None, inline_title, warnings
    return DocType(code=dtype.code, name=dtype.name), inline_title, warnings
