"""Reader for Word .docx (Office Open XML), straight from the XML with lxml.

    read_docx(path, data, sha256) -> RawDocument

Why not python-docx: it drops Word's automatic numbering (the 'I.', '1.1.',
'a)' that Word prints but does not store in the paragraph text), which is
exactly what the section tree needs.  Here `w:numPr` is resolved through
numbering.xml (and styles.xml, where a paragraph style carries the numbering).

Output, in document order:
  - each w:p -> Line(text, paragraph=True, bold, centered), numbering marker prefixed
  - each w:tbl -> Table(rows) with merged cells repeated (gridSpan, vMerge),
    except the header layout table (issuer | motto; Số | place, date) and the
    signature layout table (Nơi nhận | signer), which become Lines, left column
    first, then right column
  - footnotes appended at the end as '[n] text'
Runs in legacy fonts ('.VnTime', 'VNI-Times') are converted run by run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional


from . import legacy
from .docx_parts import DocxParts
from .errors import UnsupportedFormat
from .types import Line, RawDocument, Table
from vanban.lexicon.patterns import MOTTO_RAW

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "{%s}" % W_NS
NS = {"w": W_NS}

#: the signature layout table: 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'Q. GIÁM ĐỐC'
SIGNATURE = re.compile(r"N[ơo]i\s+nh[ậa]n\s*:|^\s*(TM|KT|Q|TL|TUQ)\.\s+\S", re.IGNORECASE | re.MULTILINE)

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


def _on(el) -> Optional[bool]:
    """A w:b-like toggle: present and not val=0/false."""
    if el is None:
        return None
    return el.get(W + "val", "true") not in ("0", "false", "off")


def _run_font(rpr) -> Optional[str]:
    if rpr is None:
        return None
    f = rpr.find(W + "rFonts")
    if f is None:
        return None
    return f.get(W + "ascii") or f.get(W + "hAnsi")


def _read_styles(root) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    dflt = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    styles.default_font = _run_font(dflt)
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
            st.font = _run_font(rpr)
            st.bold = _on(rpr.find(W + "b"))
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


def _read_numbering(root) -> Numbering:
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


# --------------------------------------------------------------- document

@dataclass
class Ctx:
    styles: Styles
    numbering: Numbering
    encodings: set = field(default_factory=set)


@dataclass
class Para:
    text: str
    bold: Optional[bool]
    centered: Optional[bool]


def _paragraph(p, ctx: Ctx, extra: list) -> Para:
    """One w:p -> its text (soft breaks kept as '\\n'), numbering marker prefixed."""
    ppr = p.find(W + "pPr")
    pstyle = None
    num_id, ilvl, centered = None, None, None
    if ppr is not None:
        ps = ppr.find(W + "pStyle")
        pstyle = ps.get(W + "val") if ps is not None else None
        num = ppr.find(W + "numPr")
        if num is not None:
            nid, lvl = num.find(W + "numId"), num.find(W + "ilvl")
            num_id = nid.get(W + "val") if nid is not None else None
            ilvl = int(lvl.get(W + "val", "0")) if lvl is not None else None
        jc = ppr.find(W + "jc")
        if jc is not None:
            centered = jc.get(W + "val") == "center"
    styles = ctx.styles
    if num_id is None:
        num_id = styles.get(pstyle, "num_id")
    if num_id is not None and ilvl is None:
        ilvl = styles.get(pstyle, "ilvl") or 0
    if centered is None:
        centered = styles.get(pstyle, "centered")
    para_font = styles.get(pstyle, "font") or styles.default_font
    para_bold = styles.get(pstyle, "bold")

    parts: list[str] = []
    bold_chars = all_chars = 0
    for run in _runs(p, extra):
        rpr = run.find(W + "rPr")
        text = _run_text(run)
        if not text:
            continue
        font = _run_font(rpr)
        if font is None and rpr is not None:
            rs = rpr.find(W + "rStyle")
            if rs is not None:
                font = styles.get(rs.get(W + "val"), "font")
        text, enc = legacy.convert_run(text, font or para_font)
        if enc:
            ctx.encodings.add(enc)
        parts.append(text)
        b = _on(rpr.find(W + "b")) if rpr is not None else None
        n = len(text.strip())
        all_chars += n
        if (b if b is not None else para_bold):
            bold_chars += n
    text = "".join(parts)
    if num_id not in (None, "0"):
        marker = ctx.numbering.marker(num_id, ilvl or 0)
        lvl = ctx.numbering.level(num_id, ilvl or 0)
        if marker:   # Word prints the marker even on an empty paragraph (a table's TT column)
            sep = "" if lvl is not None and lvl.suffix == "nothing" else " "
            text = (marker + sep + text.lstrip()) if text.strip() else marker
    bold = (bold_chars > all_chars / 2) if all_chars else None
    return Para(text=text, bold=bold, centered=centered)


def _runs(p, extra: list) -> Iterator:
    """The paragraph's runs in order: inserted text kept, deleted text and
    alternate-content fallbacks skipped; text boxes go to `extra` (read after)."""
    for el in p.iter(W + "r", W + "txbxContent", "{%s}Fallback" % MC_NS, W + "del", W + "moveFrom"):
        if _inside(el, p, ("{%s}Fallback" % MC_NS, W + "del", W + "moveFrom", W + "txbxContent")):
            continue
        if el.tag == W + "txbxContent":
            extra.append(el)
        elif el.tag == W + "r":
            yield el


def _inside(el, stop, tags) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _run_text(run) -> str:
    out = []
    for c in run:
        tag = c.tag
        if tag == W + "t":
            out.append(c.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            out.append(" ")
        elif tag == W + "br":
            if c.get(W + "type") not in ("page", "column"):
                out.append("\n")
        elif tag == W + "cr":
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            ch = c.get(W + "char", "")
            out.append("-" if ch else "")
    return "".join(out)


def _cells_text(tc, ctx: Ctx) -> list[str]:
    """Every paragraph of a cell (nested tables included), in order."""
    out = []
    for el in tc:
        if el.tag == W + "p":
            extra: list = []
            out.append(_paragraph(el, ctx, extra).text)
            for box in extra:
                out.extend(_cells_text(box, ctx))
        elif el.tag == W + "tbl":
            for row in _table_rows(el, ctx):
                out.append(" | ".join(c for c in row if c))
        elif el.tag in (W + "sdt", W + "customXml"):
            content = el.find(W + "sdtContent")
            out.extend(_cells_text(content if content is not None else el, ctx))
    return out


def _clean(text: str) -> str:
    return " ".join(text.split())


def _table_grid(tbl, ctx: Ctx) -> list[list[tuple[list[str], str]]]:
    """Rows of (cell paragraphs, vMerge state) with gridSpan already repeated."""
    rows = []
    for tr in tbl.iter(W + "tr"):
        if _inside(tr, tbl, (W + "tbl",)):
            continue   # a nested table's row: read with its cell
        row = []
        for tc in _row_cells(tr):
            tcpr = tc.find(W + "tcPr")
            span, vmerge = 1, ""
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None:
                    span = max(1, int(gs.get(W + "val", "1")))
                vm = tcpr.find(W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(W + "val", "continue")
            paras = _cells_text(tc, ctx)
            row.extend([(paras, vmerge)] * span)
        rows.append(row)
    return rows


def _row_cells(tr) -> Iterator:
    for el in tr:
        if el.tag == W + "tc":
            yield el
        elif el.tag in (W + "sdt", W + "customXml"):
            content = el.find(W + "sdtContent")
            yield from _row_cells(content if content is not None else el)


def _table_rows(tbl, ctx: Ctx) -> list[list[str]]:
    grid = _table_grid(tbl, ctx)
    rows: list[list[str]] = []
    for r, row in enumerate(grid):
        out = []
        for c, (paras, vmerge) in enumerate(row):
            if vmerge == "continue" and rows and c < len(rows[-1]):
                out.append(rows[-1][c])           # vertically merged: repeat the cell above
            else:
                out.append(_clean(" ".join(paras)))
        rows.append(out)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _layout_lines(tbl, ctx: Ctx) -> list[Line]:
    """A layout table as lines: the left column's paragraphs top to bottom, then the next column's."""
    grid = _table_grid(tbl, ctx)
    width = max((len(r) for r in grid), default=0)
    lines: list[Line] = []
    for c in range(width):
        last = None
        for row in grid:
            if c >= len(row):
                continue
            paras, vmerge = row[c]
            if vmerge == "continue" or paras is last:
                continue   # merged cells are read once
            last = paras
            for p in paras:
                for piece in p.split("\n"):
                    if piece.strip():
                        lines.append(Line(text=_clean(piece), paragraph=True, centered=True))
    return lines


def _is_layout_table(tbl, ctx: Ctx, before_body: bool) -> bool:
    """Header (issuer | motto) or signature (Nơi nhận | signer) layout table."""
    grid = _table_grid(tbl, Ctx(ctx.styles, _copy_numbering(ctx.numbering)))
    return is_layout_grid([[paras for paras, _ in row] for row in grid], before_body)


def is_layout_grid(rows: list[list[list[str]]], before_body: bool) -> bool:
    """Rows of cells of paragraphs: a header (issuer | motto) or signature (Nơi nhận | signer)
    layout table, small, with the motto or a signature mark, or two columns before the body.
    The rule of both Word readers (this one and read_legacy)."""
    width = max((len(r) for r in rows), default=0)
    if width > 3 or len(rows) > 6:
        return False
    text = "\n".join(p for row in rows for cell in row for p in cell)
    return bool(MOTTO_RAW.search(text)) or bool(SIGNATURE.search(text)) or (before_body and width == 2)


def _copy_numbering(n: Numbering) -> Numbering:
    """A throw-away copy so that a look-ahead does not advance the list counters."""
    import copy
    return copy.deepcopy(n)


def _body_items(container, ctx: Ctx, state: dict) -> Iterator:
    for el in container:
        tag = el.tag
        if tag == W + "p":
            extra: list = []
            para = _paragraph(el, ctx, extra)
            text = _clean(para.text.replace("\n", " "))
            if text:
                state["paragraphs"] += 1
                yield Line(text=text, paragraph=True, bold=para.bold, centered=para.centered)
            for box in extra:
                yield from _body_items(box, ctx, state)
        elif tag == W + "tbl":
            if _is_layout_table(el, ctx, before_body=state["paragraphs"] <= 2):
                yield from _layout_lines(el, ctx)
            else:
                rows = _table_rows(el, ctx)
                if any(any(c for c in r) for r in rows):
                    yield Table(rows=rows)
        elif tag in (W + "sdt", W + "customXml", W + "ins", W + "smartTag"):
            content = el.find(W + "sdtContent")
            yield from _body_items(content if content is not None else el, ctx, state)


def _footnotes(root, ctx: Ctx) -> list[Line]:
    if root is None:
        return []
    lines = []
    for fn in root.findall(W + "footnote"):
        if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        texts = [_clean(t.replace("\n", " ")) for t in _cells_text(fn, ctx)]
        text = " ".join(t for t in texts if t)
        if text:
            lines.append(Line(text=f"[{fn.get(W + 'id')}] {text}", paragraph=True))
    return lines


#: the page count Word saved: '<Pages>12</Pages>' in docProps/app.xml
APP_PAGES = re.compile(rb"<Pages>(\d+)</Pages>")


def read_docx(path: str, data: bytes, sha256: str) -> RawDocument:
    parts = DocxParts(path, data)
    if "word/document.xml" not in parts.infos:
        raise UnsupportedFormat(path, "a ZIP without word/document.xml: not a Word document")
    root = parts.xml("word/document.xml", "", required=True)
    ctx = Ctx(styles=_read_styles(parts.xml("word/styles.xml", "styles")),
              numbering=_read_numbering(parts.xml("word/numbering.xml", "numbering")))
    body = root.find(W + "body")
    items = list(_body_items(body if body is not None else root, ctx, {"paragraphs": 0}))
    items += _footnotes(parts.xml("word/footnotes.xml", "footnotes"), ctx)
    encoding = _legacy_fallback(items, ctx)
    app = parts.raw("docProps/app.xml") or b""
    m = APP_PAGES.search(app)
    return RawDocument(path=path, sha256=sha256, format="docx", items=items,
                       pages=int(m.group(1)) if m and int(m.group(1)) > 0 else None,
                       detail=None, legacy_encoding=encoding, warnings=parts.warnings)


def _legacy_fallback(items: list, ctx: Ctx) -> Optional[str]:
    """Fonts told nothing: guess from the characters (never fires on Unicode text)."""
    if not ctx.encodings:
        enc = legacy.detect("\n".join(_texts(items)))
        if enc is None:
            return None
        for it in items:     # a paragraph that tells its own encoding wins (mixed documents)
            if isinstance(it, Table):
                it.rows = [[legacy.convert(c, legacy.detect(c, min_words=1) or enc) for c in r] for r in it.rows]
            else:
                own = legacy.detect(it.text, min_words=1) or enc
                it.text = legacy.convert(it.text, own)
                ctx.encodings.add(own)
        ctx.encodings.add(enc)
    return "+".join(sorted(ctx.encodings))


def _texts(items: Iterable) -> Iterator[str]:
    for it in items:
        if isinstance(it, Table):
            yield from (c for r in it.rows for c in r)
        else:
            yield it.text
