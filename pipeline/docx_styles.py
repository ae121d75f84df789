"""Styles and list numbering of a .docx (styles.xml, numbering.xml), read with lxml.

    read_styles(root) -> Styles          paragraph styles: bold, centred, font, the numbering they carry
    read_numbering(root) -> Numbering    lists and their levels; Numbering.marker(...) is the text
                                         Word prints for a paragraph ('I.', '1.1.', 'a)', '-', '+')
    on(el), run_font(rpr)                a toggle property's value, a run's font name

Word prints these markers but does not store them in the paragraph text; read_docx.py
puts them back so that the section tree sees them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
NS = {"w": W_NS}

#: bullets that print as '+' (Word's '+' bullet); every other bullet symbol prints as '-'
PLUS_BULLETS = {"+", "\uf02b"}

# ----------------------------------------------------------------- styles

@dataclass
class Style:
    based_on: Optional[str] = None
    num_id: Optional[str] = None
    ilvl: Optional[int] = None
    font: Optional[str] = None
    bold: Optional[bool] = None
    centered: Optional[bool] = None


@dataclass
class Styles:
    by_id: dict[str, Style] = field(default_factory=dict)
    default_font: Optional[str] = None
    default_para: Optional[str] = None

    def chain(self, style_id: Optional[str]) -> Iterator[Style]:
        seen = set()
        sid = style_id or self.default_para
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            sid = st.based_on

    def get(self, style_id: Optional[str], attr: str):
        for st in self.chain(style_id):
            v = getattr(st, attr)
            if v is not None:
                return v
        return None


def on(el) -> Optional[bool]:
    """A w:b-like toggle: present and not val=0/false."""
    if el is None:
        return None
    return el.get(W + "val", "true") not in ("0", "false", "off")


def run_font(rpr) -> Optional[str]:
    if rpr is None:
        return None
    f = rpr.find(W + "rFonts")
    if f is None:
        return None
    return f.get(W + "ascii") or f.get(W + "hAnsi")


def read_styles(root) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    dflt = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    styles.default_font = run_font(dflt)
    for s in root.iter(W + "style"):
        sid = s.get(W + "styleId")
        st = Style()
        b = s.find(W + "basedOn")
        st.based_on = b.get(W + "val") if b is not None else None
        ppr = s.find(W + "pPr")
        if ppr is not None:
            num = ppr.find(W + "numPr")
            if num is not None:
                nid, lvl = num.find(W + "numId"), num.find(W + "ilvl")
                st.num_id = nid.get(W + "val") if nid is not None else None
                st.ilvl = int(lvl.get(W + "val", "0")) if lvl is not None else 0
            jc = ppr.find(W + "jc")
            if jc is not None:
                st.centered = jc.get(W + "val") == "center"
        rpr = s.find(W + "rPr")
        if rpr is not None:
            st.font = run_font(rpr)
            st.bold = on(rpr.find(W + "b"))
        styles.by_id[sid] = st
        if s.get(W + "type") == "paragraph" and s.get(W + "default") in ("1", "true"):
            styles.default_para = sid
    return styles


# -------------------------------------------------------------- numbering

@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False          # isLgl: every level printed as decimal
    restart: Optional[int] = None


@dataclass
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, Level]] = field(default_factory=dict)
    start_overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    #: counters per list (abstractNum): Word continues a list across w:num that share it
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set = field(default_factory=set)

    def level(self, num_id: str, ilvl: int) -> Optional[Level]:
        over = self.overrides.get(num_id, {}).get(ilvl)
        if over is not None:
            return over
        absid = self.num_to_abstract.get(num_id)
        return self.abstract.get(absid, {}).get(ilvl) if absid is not None else None

    def marker(self, num_id: str, ilvl: int) -> str:
        """Advance the list's counter and return the printed marker ('' for none)."""
        lvl = self.level(num_id, ilvl)
        absid = self.num_to_abstract.get(num_id)
        if lvl is None or absid is None:
            return ""
        key = absid
        counters = self.counters.setdefault(key, {})
        so = self.start_overrides.get(num_id, {})
        if num_id not in self.started:          # a w:num with startOverride restarts the list
            self.started.add(num_id)
            for lv, start in so.items():
                counters[lv] = start - 1
                for deeper in [k for k in counters if k > lv]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, lvl.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if lvl.fmt == "none":
            return _fill(lvl.text, counters, self, num_id, ilvl) if "%" not in lvl.text else ""
        if lvl.fmt == "bullet":
            return "+" if lvl.text.strip() in PLUS_BULLETS else "-"
        return _fill(lvl.text, counters, self, num_id, ilvl)


def _fill(text: str, counters: dict[int, int], numbering: Numbering, num_id: str, ilvl: int) -> str:
    me = numbering.level(num_id, ilvl)

    def repl(m: re.Match) -> str:
        k = int(m.group(1)) - 1
        lv = numbering.level(num_id, k) or Level()
        value = counters.get(k, lv.start)
        fmt = "decimal" if (me and me.legal and k != ilvl) else lv.fmt
        return _format_number(value, fmt)

    return LVL_PLACEHOLDER.sub(repl, text).strip()


#: a level placeholder in w:lvlText: '%1.' -> 'I.', '%1.%2.' -> '1.1.', '%3)' -> 'a)'
LVL_PLACEHOLDER = re.compile(r"%(\d)")

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = []
    for v, s in _ROMAN:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, ...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def read_numbering(root) -> Numbering:
    numbering = Numbering()
    if root is None:
        return numbering
    for a in root.findall(W + "abstractNum"):
        numbering.abstract[a.get(W + "abstractNumId")] = {
            int(lvl.get(W + "ilvl", "0")): _read_level(lvl) for lvl in a.findall(W + "lvl")}
    for n in root.findall(W + "num"):
        nid = n.get(W + "numId")
        a = n.find(W + "abstractNumId")
        if a is not None:
            numbering.num_to_abstract[nid] = a.get(W + "val")
        for ov in n.findall(W + "lvlOverride"):
            ilvl = int(ov.get(W + "ilvl", "0"))
            so = ov.find(W + "startOverride")
            if so is not None:
                numbering.start_overrides.setdefault(nid, {})[ilvl] = int(so.get(W + "val", "1"))
            lvl = ov.find(W + "lvl")
            if lvl is not None:
                numbering.overrides.setdefault(nid, {})[ilvl] = _read_level(lvl)
    return numbering


def _read_level(lvl) -> Level:
    def val(tag: str, default=None):
        el = lvl.find(W + tag)
        return el.get(W + "val", default) if el is not None else default

    restart = val("lvlRestart")
    return Level(start=int(val("start", "1") or 1), fmt=val("numFmt", "decimal") or "decimal",
                 text=val("lvlText", "") or "", suffix=val("suff", "tab") or "tab",
                 legal=lvl.find(W + "isLgl") is not None,
                 restart=int(restart) if restart is not None else None)
