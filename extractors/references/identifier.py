"""An identifier read from its match (`899/QĐ-TTg`, `45-NQ/TW`, `06/2021/QĐ-UBND`), its canonical
symbol, and the type word that announces it (`Quyết định số`, `Chương trình hành động số`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from vanban import lexicon as vocab  # the doc-type tables
from vanban.lexicon import citations as C
from vanban.lexicon.patterns import SPACES

from .native_words import type_word_spans



def type_of_word(word: str) -> Optional[vocab.DocTypeEntry]:
    """`quyết định` -> QĐ; `Văn bản` -> CV; `Quy định` -> the administrative QyĐ (first listed)."""
    found = vocab.types_by_name(word)
    return found[0] if found else None



def _canonical_symbol(sym: str) -> str:
    """Remove spaces; a symbol printed all in lower case (`ttg-ktth`, corpus 079) takes the
    canonical case of its known codes (`TTg-KTTH`); otherwise the symbol is kept as printed."""
    sym = SPACES.sub("", sym)
    if any(c.isupper() for c in sym):
        return sym
    abbr = {k.casefold(): k for k in vocab.abbreviations()}
    out = []
    for tok in sym.split("-"):
        entry = vocab.type_by_code(tok)
        if entry:
            out.append(entry.code)
        elif tok.casefold() in abbr:
            out.append(abbr[tok.casefold()])
        else:
            out.append(tok.upper())
    return "-".join(out)


def _strip_footnote(sym: str) -> tuple[str, Optional[str]]:
    """`QH151` -> (`QH15`, `1`); `NĐ-CP2` -> (`NĐ-CP`, `2`); `UBCTĐB15` kept."""
    last = sym.split("-")[-1].split("/")[-1]
    m = C.TRAILING_DIGITS_RE.match(last)
    if not m:
        return sym, None
    letters, digits = m.group("letters"), m.group("digits")
    if letters.upper().endswith("QH"):
        if len(digits) > 2:
            return sym[: len(sym) - len(digits) + 2], digits[2:]
        return sym, None
    if len(digits) == 1 and sum(c.isalpha() for c in letters) >= 2:
        return sym[:-1], digits
    return sym, None


def compatible(word_entry: Optional[vocab.DocTypeEntry], code_entry: vocab.DocTypeEntry) -> bool:
    """The type word agrees with the code: same type, or one name opens the other
    (`Chương trình` / CTPH Chương trình phối hợp); `Văn bản` is generic."""
    if word_entry is None or word_entry.code == "CV":
        return True
    a, b = word_entry.name.casefold(), code_entry.name.casefold()
    return a == b or a.startswith(b) or b.startswith(a)



@dataclass
class Ident:
    """An identifier as read from C.IDENT_RE."""
    number: Optional[str]
    year: Optional[int]
    symbol: str
    identifier: Optional[str]
    code_entry: Optional[vocab.DocTypeEntry]   # the type its code names (QĐ in 899/QĐ-TTg), if any
    party: bool
    end: int               # end of the symbol proper (footnote and cut-off words excluded)
    tail: int              # where reading what follows starts (after a glued footnote marker)
    footnote: Optional[str]
    truncated: bool


def read_identifier(m: re.Match) -> Optional[Ident]:
    number = m.group("pnum") or m.group("num")
    if m.group("pnum") is not None:
        code_entry = vocab.type_by_code(m.group("pcode"))
        if code_entry is None:
            return None
        issuer_part, fn = _strip_footnote(m.group("pissuer"))
        code = code_entry.code if m.group("pcode").islower() else m.group("pcode")
        symbol = f"{code}/{_canonical_symbol(issuer_part)}"
        return Ident(number, None, symbol, f"{number}-{symbol}", code_entry, True,
                      m.end() - (len(fn) if fn else 0), m.end(), fn, False)
    raw_sym, truncated = m.group("sym"), False
    if any(c.isupper() for c in raw_sym):
        # `105/2025/NĐ-` / `của`: a lower-case word after the hyphen is not part of the symbol
        cut = C.SYMBOL_CUT_RE.search(raw_sym)
        if cut:
            raw_sym, truncated = raw_sym[:cut.start()], True
    trimmed = len(m.group("sym")) - len(raw_sym)
    raw_sym, fn = _strip_footnote(raw_sym)
    symbol = _canonical_symbol(raw_sym)
    if not any(c.isupper() for c in symbol) or not C.TWO_LETTERS_RE.search(symbol):
        return None
    year = int(m.group("year")) if m.group("year") else None
    tokens = symbol.split("-")
    code_entry = None
    if not C.LEGISLATURE_RE.fullmatch(symbol) and (len(tokens) > 1 or tokens[0].isupper()):
        code_entry = vocab.type_by_code(tokens[0])
    identifier = None
    if number:
        identifier = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
    return Ident(number, year, symbol, identifier, code_entry, False,
                  m.end() - trimmed - (len(fn) if fn else 0), m.end() - trimmed, fn, truncated)


def type_word_before(head: str, so: Optional[re.Match]) -> tuple[Optional[re.Match], str]:
    """The type word that announces an identifier, and the words between (`Chương trình` +
    ` hành động` + `số`; a law's name: `Luật` + ` Phòng cháy, chữa cháy ...` + `số`)."""
    if so and so.group("so") in ("Số", "SỐ") and ":" in so.group(0):   # `Số: 175/NQ-CP`, the own number
        return None, ""
    spans = type_word_spans(head)                # the last one: re's match where the scan saw it
    if not spans:
        return None, ""
    tw = C.type_word_re().match(head, spans[-1][0])
    qualifier = head[tw.end():]
    is_law = " ".join(tw.group("tw").split()).casefold() in ("luật", "bộ luật", "pháp lệnh", "hiến pháp")
    if not so and qualifier.strip():
        return None, ""
    if is_law and (len(qualifier) > 160 or C.NOT_IN_LAW_NAME_RE.search(qualifier)):
        return None, ""
    if not is_law and not C.QUALIFIER_RE.fullmatch(qualifier):
        return None, ""
    return tw, qualifier

