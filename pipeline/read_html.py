"""Reader for saved HTML pages of legal portals (vbpl.vn and the like).

    read_html(path, data, sha256) -> RawDocument      (format "html")

Only the document's own content is read: the content container is the nearest
ancestor of the national motto (or, failing that, the element with the most
paragraphs) that holds several block children; scripts, styles, navigation,
menus and forms are dropped.  Paragraphs become `Line(paragraph=True)` (a block
broken by <br> becomes plain Lines and a blank, for layout to join or keep apart);
`<table>` becomes a `Table` (colspan/rowspan cells repeated), except page-layout
tables (issuer | motto header, Nơi nhận | signature), which become Lines column
by column (left column lines, then right column lines).
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from vanban.schemas.models import Warning

from .errors import EmptyDocument, UnsupportedFormat
from .html_depth import MAX_DEPTH, flatten
from .types import Line, RawDocument, Table
from vanban.lexicon.patterns import MOTTO_RAW, any_case

#: elements that never hold document text
DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
             "svg", "iframe", "select", "input", "textarea", "template", "link", "meta", "head")
#: block elements read as one paragraph each
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "caption"}
#: elements that break a line inside a block
BREAK_TAGS = {"br"}
#: the national motto, where a document's own content is: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#: what makes a table page layout rather than data: the header, Nơi nhận, signature
LAYOUT_CELL = re.compile(
    r"CỘNG\s+H[ÒO]À?\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]\s*Tự\s+do|^\s*Số\s*:|Nơi\s+nhận|Kính\s+gửi|"
    r"^\s*(?:TM|KT|TL|TUQ|Q)\s*\.\s*[A-ZĐÂ]", re.IGNORECASE | re.MULTILINE)
#: whitespace runs inside an element's text
_WS = re.compile(r"[ \t\r\n\u00a0]+")
#: class or id words of portal chrome inside the content area: "related-documents", "breadcrumb" (any case)
CHROME_ATTR = re.compile(any_case(["breadcrumb", "menu", "navbar", "sidebar", "related", "share", "comment", "banner",
                                   "advert", "cookie", "toolbar"]))


def read_html(path: str, data: bytes, sha256: str) -> RawDocument:
    try:
        text = data.decode("utf-8-sig")           # most portals are UTF-8; lxml guesses Latin-1 without a meta tag
    except UnicodeDecodeError:
        text = None
    root, warnings = _parse(path, text if text is not None else data.decode("latin-1"))
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and CHROME_ATTR.search(
                f"{el.get('class', '')} {el.get('id', '')}") and not MOTTO_RAW.search(el.text_content()):
            el.drop_tree()
    container = content_container(root)
    items: list = []
    _walk(container, items)
    if not any(isinstance(it, Table) or it.text.strip() for it in items):
        raise EmptyDocument(path, "the HTML page holds no document text")
    return RawDocument(path=path, sha256=sha256, format="html", items=items, detail=None, warnings=warnings)


def _parse(path: str, text: str):
    """The page's tree; nesting or attributes libxml2 cannot hold are flattened first (html_depth)."""
    warnings = []
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
        over = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    except (etree.ParserError, ValueError) as exc:
        root, over = None, "huge" in str(exc).lower() or "depth" in str(exc).lower()
        if not over:
            raise UnsupportedFormat(path, f"HTML that does not parse ({exc})")
    if over:
        flat, changed = flatten(text)
        try:
            root = lxml.html.document_fromstring(flat)
        except (etree.ParserError, ValueError) as exc:
            raise UnsupportedFormat(path, f"HTML that does not parse ({exc})")
        warnings.append(Warning(code="html_flattened", message=f"elements nested deeper than {MAX_DEPTH} "
                                "or attributes longer than 64 KB were left out (their text is kept)"))
    return root, warnings


def content_container(root):
    """The element that holds the document: the nearest ancestor of the motto with several
    block children; else the element with the most direct <p> children; else <body>."""
    motto_el = None
    for el in root.iter():
        if isinstance(el.tag, str) and el.text and MOTTO_RAW.search(el.text):
            motto_el = el
            break
    if motto_el is None:
        for el in root.iter():
            if isinstance(el.tag, str) and el.tail and MOTTO_RAW.search(el.tail):
                motto_el = el.getparent()
                break
    if motto_el is not None:
        el = motto_el
        while el is not None:
            blocks = [c for c in el if isinstance(c.tag, str) and c.tag in ("p", "div", "table", "h1", "h2",
                                                                           "h3", "h4", "ul", "ol", "section")]
            if len(blocks) >= 5:
                return el
            el = el.getparent()
    best, best_n = None, 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        n = sum(1 for c in el if c.tag == "p")
        if n > best_n:
            best, best_n = el, n
    if best is not None and best_n >= 3:
        return best
    body = root.find("body")
    return body if body is not None else root


def _walk(el, items: list) -> None:
    """Document order: blocks -> paragraph Lines, tables -> Table or layout Lines."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag.lower()
        if tag == "table":
            items.extend(_table_items(child))
        elif tag in BLOCK_TAGS and child.find(".//table") is None:
            items.extend(_block_items(_block_lines(child), bold=_is_bold(child) or None,
                                      centered=_is_centered(child) or None))
        elif len(child):
            # a container: its own text (if any) then its children
            own = _clean(child.text)
            if own:
                items.append(Line(text=own, paragraph=True))
            _walk(child, items)
        else:
            items.extend(_block_items(_block_lines(child)))
        tail = _clean(child.tail)
        if tail:
            items.append(Line(text=tail, paragraph=True))


def _block_items(lines: list[str], bold=None, centered=None) -> list[Line]:
    """One block's lines: a whole paragraph when it is one line; lines split at <br> are
    plain lines closed by a blank (layout joins a wrapped tail, keeps list items apart)."""
    if len(lines) == 1:
        return [Line(text=lines[0], paragraph=True, bold=bold, centered=centered)]
    return [Line(text=t, bold=bold, centered=centered) for t in lines] + [Line(text="")]


def _clean(text: str | None) -> str:
    if not text or text.isspace():
        return ""                    # most tails between elements: the same "" with no regex
    return _WS.sub(" ", text).strip()


def _block_lines(el) -> list[str]:
    """The text of a block, split at <br>: "Nơi nhận:<br>- Ban Bí thư;" -> two lines."""
    parts: list[str] = []
    buf: list[str] = []

    def rec(e) -> None:
        if e.text:
            buf.append(e.text)
        for c in e:
            if not isinstance(c.tag, str):
                if c.tail:
                    buf.append(c.tail)
                continue
            if c.tag in BREAK_TAGS or c.tag in BLOCK_TAGS or c.tag == "div":
                parts.append("".join(buf))
                buf.clear()
                if c.tag not in BREAK_TAGS:
                    rec(c)
                    parts.append("".join(buf))
                    buf.clear()
            else:
                rec(c)
            if c.tail:
                buf.append(c.tail)

    rec(el)
    parts.append("".join(buf))
    lines = [_clean(p) for p in parts]
    return [t for t in lines if t] or [""]


def _is_bold(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    if "font-weight:bold" in style or "font-weight:700" in style:
        return True
    text = _clean(el.text_content())
    bold = "".join(_clean(b.text_content()) for b in el.iter("b", "strong"))
    return bool(text) and len(bold) >= 0.9 * len(text.replace(" ", "")) if bold else False


def _is_centered(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return "text-align:center" in style or (el.get("align") or "").lower() == "center"


def _cell_lines(td) -> list[str]:
    out: list[str] = []
    for text in _block_lines(td):
        if text:
            out.append(text)
    return out


def _grid(table) -> list[list]:
    """Rows of <td>/<th> elements with colspan/rowspan repeated (each cell element fills its span)."""
    rows = [tr for tr in table.iter("tr") if _owning_table(tr) is table]
    grid: list[list] = []
    pending: dict[int, tuple[object, int]] = {}      # column -> (cell, rows left)
    for tr in rows:
        row: list = []
        col = 0
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]

        def fill_pending() -> None:
            nonlocal col
            while col in pending:
                cell, left = pending[col]
                row.append(cell)
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (cell, left - 1)
                col += 1

        for td in cells:
            fill_pending()
            span = _int(td.get("colspan"))
            rspan = _int(td.get("rowspan"))
            for _ in range(span):
                row.append(td)
                if rspan > 1:
                    pending[col] = (td, rspan - 1)
                col += 1
        fill_pending()
        if row:
            grid.append(row)
    return grid


def _owning_table(tr):
    el = tr.getparent()
    while el is not None and el.tag != "table":
        el = el.getparent()
    return el


def _int(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 50))
    except (TypeError, ValueError):
        return 1


def _table_items(table) -> list:
    grid = _grid(table)
    if not grid:
        return []
    text = "\n".join(_clean(td.text_content()) for row in grid for td in dict.fromkeys(row))
    width = max(len(r) for r in grid)
    if LAYOUT_CELL.search(text) or width == 1:
        # page layout: each distinct cell, column by column; every line its own paragraph
        lines: list[Line] = []
        for col in range(width):
            seen = set()
            for row in grid:
                if col < len(row) and id(row[col]) not in seen and not any(
                        row[col] is r[c] for r in grid for c in range(min(col, len(r)))):
                    seen.add(id(row[col]))
                    lines.extend(_block_items(_cell_lines(row[col]) or [""]))
        return lines
    rows = [[_clean(td.text_content()) for td in row] for row in grid]
    rows = [r + [""] * (width - len(r)) for r in rows if any(c for c in r)]
    return [Table(rows=rows)] if rows else []
