"""Reader for Word .docx (Office Open XML), straight from the XML with lxml.

    read_docx(path, data, sha256) -> RawDocument

Why not python-docx: it drops Word's automatic numbering (the 'I.', '1.1.',
'a)' that Word prints but does not store in the paragraph text), which is
exactly what the section tree needs.  Here `w:numPr` is resolved through
numbering.xml (and styles.xml, where a paragraph style carries the numbering): docx_styles.py.

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
from .docx_styles import W, Numbering, Styles, on, read_numbering, read_styles, run_font
from .errors import UnsupportedFormat
from .types import Line, RawDocument, Table
from vanban.lexicon.patterns import MOTTO_RAW

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

#: the signature layout table: 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'Q. GIÁM ĐỐC'
SIGNATURE = re.compile(r"N[ơo]i\s+nh[ậa]n\s*:|^\s*(TM|KT|Q|TL|TUQ)\.\s+\S", re.IGNORECASE | re.MULTILINE)


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
        font = run_font(rpr)
        if font is None and rpr is not None:
            rs = rpr.find(W + "rStyle")
            if rs is not None:
                font = styles.get(rs.get(W + "val"), "font")
        text, enc = legacy.convert_run(text, font or para_font)
        if enc:
            ctx.encodings.add(enc)
        parts.append(text)
        b = on(rpr.find(W + "b")) if rpr is not None else None
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
    ctx = Ctx(styles=read_styles(parts.xml("word/styles.xml", "styles")),
              numbering=read_numbering(parts.xml("word/numbering.xml", "numbering")))
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
