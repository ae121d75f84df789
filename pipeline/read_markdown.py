"""Reader for converter Markdown: the Markdown flavour of read_text.

    markdown_items(text) -> list[Line | Table]       is_markdown(text) -> bool

Web-to-text converters write one-cell-per-line pipe tables (read into rows by md_tables.py) or
row-per-line ones, whole or broken across lines (pipe_table.py), **bold**/*italic* markers and
hard wraps.  This module decides what the rows are: the header pseudo-table (issuer | motto, Số |
place/date) and the Kính gửi / Nơi nhận / signature layout tables become Lines; real tables become
Table items.
"""
from __future__ import annotations

import re
from functools import lru_cache

from vanban.lexicon import load
from .md_tables import MD_BAR, MdTable, md_segments, plain_cell, unstarred
from .types import Line, Table
from vanban.lexicon.patterns import BARE_MARKER, FOOTNOTE_LINE, MOTTO_RAW

#: an all-markers line left by the converter: `** **`, `* *`, `#`
MD_EMPTY_MARKUP = re.compile(r"^[\s*#_]*$")
#: a line whose bold span is only its number, plain words after it: `**Điều 1.** Chuyển ...`, `**Điều 2. **Sở`,
#: `**Điều 1**. Công bố ...`
MD_BOLD_NUMBER = re.compile(r"^\*\*(?P<number>[^*]{1,12})\*\*\s*[.:]?\s*[^*\s][^*]*$")
#: a Markdown heading marker at line start: `# Điều 1`
MD_HEADING = re.compile(r"^#{1,6}\s+")
#: a Markdown heading line: "## Văn bản liên quan"
MD_HEADING_LINE = re.compile(r"^#{1,6}\s+\S", re.MULTILINE)
#: a portal's page title above its trailer: "Quyết định 2553/QĐ-TTg năm 2025 điều chỉnh giảm lãi suất ...",
#: "Công văn 4240/UBND-VX năm 2025 khẩn trương hoàn thành cập nhật ..."
PORTAL_TITLE = re.compile(r"^[A-ZĐ][a-zà-ỹđ]+(?:\s[a-zà-ỹđ]+){0,2}\s\d+[\w./-]*\snăm\s\d{4}\b")
#: a page title, the line above a portal's trailer, with or without the year: "Nghị quyết 80/2025/NQ-HĐND quy định
#: nội dung, mức chi ...", "Văn bản hợp nhất 92/VBHN-BQP năm 2025 hợp nhất ...", "Công điện 230/CĐ-TTg năm 2025 ..."
PAGE_TITLE = re.compile(r"^[A-ZĐ][a-zà-ỹđ]+(?:\s[a-zà-ỹđ]+){0,3}\s\d+/[\w./-]+(?:\s|$)")
#: a cell with real content (a letter or digit), not a filler like "….........." or ""
FILLER_CELL = re.compile(r"\w")
#: markers that make a Markdown table a layout table (header, Kính gửi, Nơi nhận, signature), searched in a
#: cell's text after a line break (layout_marked): "Số:", a capacity and a signer's post open a line.  Each
#: branch opens with a literal (the line-start ones with the line break), so `re` finds the candidates by
#: their first character (the same matches as `^\s*` with re.MULTILINE on the text alone, 3x faster, issue 13)
LAYOUT_TABLE_CELL = re.compile(
    r"CỘNG\s+HÒA\s+XÃ|CỘNG\s+HOÀ\s+XÃ|Độc\s+lập\s*[-–]\s*Tự\s+do|Kính\s+gửi|Nơi\s+nhận|PHỤ\s+LỤC|"
    r"\n\s*(?:Số\s*:|(?:TM|KT|TL|TUQ|Q)\s*\.\s*[A-ZĐÂ]"
    r"|(?:CHỦ\s+TỊCH|PHÓ\s+CHỦ\s+TỊCH|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC)\s*$)",
    re.MULTILINE)
#: what parts the texts of a row's cells searched at once: no pattern here matches across it (no
#: whitespace, no letter), and the line break after it opens the next cell's first line
CELL_BREAK = "\n\x00\n"

# --------------------------------------------------------------------- Markdown

def is_markdown(text: str) -> bool:
    """A converter's Markdown: one-cell-per-line pipe tables or many **bold** markers."""
    head = text[:20000]
    if head.count("**") >= 6:                      # (the cheapest test first)
        return True
    if "|" in head and sum(1 for t in head.split("\n") if MD_BAR.match(t)) >= 4:
        return True
    return "#" in head and len(MD_HEADING_LINE.findall(head)) >= 3


def _unheaded(s: str) -> str:
    """`s` without a heading marker at its start (`# Điều 1`)."""
    return MD_HEADING.sub("", s) if s.startswith("#") else s


def _emphasis_lines(cell_lines: list[str]) -> list[tuple[str, bool]]:
    """Join lines wrapped inside one **bold** or *italic* span; strip the markers.

    Returns (text, bold) pairs.  `**ỦY BAN NHÂN\\nDÂN**` -> ("ỦY BAN NHÂN DÂN", True).
    """
    whole = "".join(cell_lines)
    if "*" not in whole and "#" not in whole:
        return [(ln.strip(), False) for ln in cell_lines]   # most cells and lines: plain (the loop's result, issue 13)
    out: list[tuple[str, bool]] = []
    buf: list[str] = []
    open_bold = open_italic = False
    for raw in cell_lines:
        line = _unheaded(raw.rstrip())
        buf.append(line)
        if "*" in line:
            doubles = line.count("**")
            singles = line.count("*") - 2 * doubles       # the stars outside the "**" pairs
            open_bold ^= doubles % 2 == 1
            open_italic ^= singles % 2 == 1
        if (open_bold or open_italic) and len(buf) < 8:
            continue
        joined = " ".join([b.strip() for b in buf]) if len(buf) > 1 else line.strip()
        bold = joined.strip().startswith("**") and not _bold_number_only(joined)
        text = unstarred(joined).strip()
        out.append((text, bold))
        buf = []
        open_bold = open_italic = False
    if buf:
        joined = " ".join(b.strip() for b in buf)
        out.append((unstarred(joined).strip(), joined.strip().startswith("**") and not _bold_number_only(joined)))
    return out


def _bold_number_only(line: str) -> bool:
    """Is only the paragraph's number bold, its words plain: `**Điều 1.** Chuyển Trường Đại học` +
    `Công nghiệp Hà Nội thành ...` (pool md/71ce6a1744e0ae6c.md), `**Điều 4. **Chánh Văn phòng` + `UBND tỉnh;
    Giám đốc Sở ...`? Then the line is no emphasised heading: the paragraph runs on into the next line."""
    m = MD_BOLD_NUMBER.match(line.strip())
    return bool(m) and BARE_MARKER.match(m["number"].strip()) is not None


def _opens_with_motto(line: str) -> bool:
    """`**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**`, `CHÍNH PHỦ___ Số: 170/2025/NĐ-CP | CỘNG HÒA XÃ HỘI ...`."""
    return any(MOTTO_RAW.match(unstarred(cell).strip(" #_-")) for cell in line.split("|"))


def layout_marked(text: str) -> bool:
    """Does `text` (a cell's, or cells' joined by CELL_BREAK) hold a layout table's marker?"""
    return LAYOUT_TABLE_CELL.search("\n" + text) is not None


def _motto_cell(row: list[list[str]]) -> int | None:
    """The index of the row's first cell holding the motto (MOTTO_RAW), if any; the row's cells are
    searched at once first (most rows hold no motto), "\x00" between them: the motto never spans it."""
    plains = [plain_cell(c) for c in row]
    if not MOTTO_RAW.search("\x00".join(plains)):
        return None
    return next(k for k, p in enumerate(plains) if MOTTO_RAW.search(p))


def _is_layout_row(row: list[list[str]]) -> bool:
    """Header, Kính gửi, body-in-a-cell, Nơi nhận, signature and appendix-title cells are
    page layout, not data: `| Nơi nhận: ... | **KT. CHỦ TỊCH** ... |`.  (The row's cells searched at once.)"""
    return any(len(c) > 30 for c in row) or layout_marked(CELL_BREAK.join(map(plain_cell, row)))


def _is_layout_cell(cell: list[str]) -> bool:
    return len(cell) > 30 or layout_marked(plain_cell(cell))


def _cell_lines(cell: list[str]) -> list[Line]:
    """A layout cell as Lines (emphasis-wrapped lines joined), then a paragraph break."""
    out = [Line(text=t, bold=b or None, paragraph=bool(FOOTNOTE_LINE.match(t))) for t, b in _emphasis_lines(cell)
           if t and not MD_EMPTY_MARKUP.match(t)]        # a footnote is a paragraph of its own
    out.append(Line(text=""))
    return out


def _cell_text(cell: list[str]) -> str:
    if len(cell) == 1 and "*" not in cell[0] and "#" not in cell[0]:
        return cell[0].strip()                      # most cells: one plain line (the join's result)
    return " ".join(t for t, _ in _emphasis_lines(cell) if t)


def _make_table(rows: list[list[list[str]]]) -> Table:
    """Rows of cell strings, all of the table's usual width: a row the converter merged with
    the next one (13 cells where the table has 6) is split, filler cells (`.....`) dropped;
    shorter rows are padded on the right."""
    texts = [[_cell_text(c) for c in r] for r in rows]
    texts = [r for r in texts if any(c.strip() for c in r)]
    widths = [len(r) for r in texts]
    width = max(set(widths), key=lambda w: (widths.count(w), w)) if widths else 0
    if texts and widths.count(width) < 2:
        width = max(widths)
    out: list[list[str]] = []
    for r in texts:
        while len(r) > width:
            out.append(r[:width])
            r = r[width:]
            while r and not FILLER_CELL.search(r[0]):
                r = r[1:]
        if r:
            out.append(r + [""] * (width - len(r)))
    return Table(rows=out)


@lru_cache(maxsize=1)
def _end_cells() -> tuple[str, ...]:
    return tuple(load("text_chrome.yaml")["end_cells"])


@lru_cache(maxsize=1)
def _end_lines() -> tuple[str, ...]:
    return tuple(load("text_chrome.yaml")["end_lines"])


@lru_cache(maxsize=1)
def _trailer_line() -> re.Pattern:
    """A line of the portal's trailer: one that starts with an end line (text_chrome.yaml), its emphasis
    markers gone, after a heading marker (`## Văn bản liên quan`) or spaces.  The pattern opens with the
    line break before the line: searched in "\n" + a cell's lines, `re` finds the candidates by that
    first character (as `^` with re.MULTILINE finds them, 2x faster, issue 13)."""
    ends = _end_lines()
    assert all(e == e.strip() for e in ends), "an end line starting or ending with a space"
    return re.compile(r"\n(?:#{1,6}[^\S\n]+)?[^\S\n]*(?:" + "|".join(map(re.escape, ends)) + ")")


def _is_trailer_line(line: str) -> bool:
    """`_unheaded(unstarred(line)).strip().startswith(_end_lines())`, by one pattern."""
    return _trailer_line().match("\n" + unstarred(line)) is not None


def _is_chrome_cell(cell: list[str]) -> bool:
    """A cell of the portal's footer or trailer (text_chrome.yaml)."""
    text = "\n" + unstarred("\n".join(cell))
    return text.strip().startswith(_end_cells()) or _trailer_line().search(text) is not None   # any line a trailer's


def _before_chrome(cell: list[str]) -> list[str]:
    """The document's footnotes in a chrome cell: the converter puts the footnotes printed after the
    signature in the cell of the portal's trailer, "[3] Về" / "kết quả thực hiện Kết luận số 77-KL/TW ngày
    02/5/2024 ..." / "Công điện 230/CĐ-TTg năm 2025 khẩn trương ..." (the page title) / "Văn bản này chưa
    cập nhật nội dung Tiếng Anh" (pool md/fa0dcc139cec05de, CĐ 230/CĐ-TTg).  Kept: the lines from the first
    footnote to the trailer's line, less the page title just above it; nothing where no footnote opens."""
    if plain_cell(cell).startswith(_end_cells()):
        return []
    end = next((k for k, ln in enumerate(cell) if _is_trailer_line(ln)), len(cell))
    start = next((k for k, ln in enumerate(cell[:end]) if FOOTNOTE_LINE.match(unstarred(ln))), end)
    kept = cell[start:end]
    while kept and (not kept[-1].strip() or PAGE_TITLE.match(unstarred(kept[-1]).strip())):
        kept = kept[:-1]
    return _joined_footnotes(kept)


def _joined_footnotes(lines: list[str]) -> list[str]:
    """Each footnote one line: the converter wraps a footnote's text ("[1] Lâm" + "Đồng, Bắc Ninh, ...");
    a quoted article inside one ("**Điều 3:** Các Bộ trưởng ...", pool md/8180ae11188469fd) is no heading."""
    out: list[str] = []
    noting = False
    for ln in lines:
        if FOOTNOTE_LINE.match(ln):
            noting = True
            out.append(ln.strip())
        elif noting and ln.strip():
            out[-1] += " " + ln.strip()
        else:
            out.append(ln)
    return out


def markdown_items(text: str) -> list:
    """Converter Markdown -> Lines and Tables (see the module docstring)."""
    # a flat stream: str (a text line), list (a table row of cells), None (a table ends), Line (read already)
    stream: list = []
    for seg in md_segments(text.split("\n")):
        if isinstance(seg, MdTable):
            stream.extend(seg.rows)
            stream.append(None)
        else:
            stream.append(seg)
    # the portal's footer (a cell) or trailer (a line) ends the document
    for k, unit in enumerate(stream):
        if isinstance(unit, list):
            cut = next((j for j, c in enumerate(unit) if _is_chrome_cell(c)), None)
            if cut is not None:
                own = _before_chrome(unit[cut])         # the document's footnotes in the trailer's cell
                if not own and cut and PORTAL_TITLE.match(plain_cell(unit[cut - 1])):
                    cut -= 1                            # the page title just before the trailer
                stream[k:] = ([unit[:cut]] if cut else []) + ([None] + _cell_lines(own) if own else [])
                break
    # the document starts at the row (or line) holding the motto: portal chrome above it
    start = next((i for i, u in enumerate(stream) if isinstance(u, list) and _motto_cell(u) is not None), None)
    motto_rows = start is not None              # else no row holds the motto: none is looked at again
    if start is None:
        # a line (or a cell of a flattened header row) that IS the motto, not one that names it
        # ("QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI ..." signing a communiqué)
        start = next((i for i, u in enumerate(stream) if isinstance(u, str) and _opens_with_motto(u)), 0)
        # issuer lines sit just above a motto line: keep the run of non-blank lines before it
        while start > 0 and isinstance(stream[start - 1], str) and stream[start - 1].strip() \
                and not MD_BAR.match(stream[start - 1]):
            start -= 1
    items: list = []
    pending: list[str] = []
    data_rows: list = []

    def flush_text() -> None:
        for t, bold in _emphasis_lines(pending):       # t is stripped: all markup only if it opens with some
            items.append(Line(text="") if not t or t[0] in "*#_" and MD_EMPTY_MARKUP.match(t)
                         else Line(text=t, bold=bold or None))
        pending.clear()

    def flush_table() -> None:
        if len(data_rows) >= 2 or (data_rows and len(data_rows[0]) >= 3):
            items.append(_make_table(data_rows))
        else:
            for row in data_rows:
                for c in row:
                    items.extend(_cell_lines(c))
        data_rows.clear()
        items.append(Line(text=""))

    i = start
    while i < len(stream):
        unit = stream[i]
        if unit is None:
            flush_table()
        elif isinstance(unit, Line):                    # the document's own lines of the trailer's cell
            flush_text()
            items.append(unit)
        elif isinstance(unit, str):
            flush_table() if data_rows else None
            if not unit.strip() or MD_EMPTY_MARKUP.match(unit):
                flush_text()
                items.append(Line(text=""))
            elif _is_trailer_line(unit):
                pending.clear()                         # the portal's trailer and the page title above it
                break
            else:
                pending.append(unit)
        else:
            flush_text()
            row = [c for c in unit if c]
            motto = _motto_cell(row) if motto_rows else None
            if motto is not None:
                # header pseudo-table: left column lines (issuer, Số), then right (motto, date);
                # cells before the issuer are portal chrome the converter merged into the row
                row = row[max(0, motto - 1):]
                nxt = stream[i + 1] if i + 1 < len(stream) and isinstance(stream[i + 1], list) else []
                for c in row[:1] + nxt[:1] + row[1:2] + nxt[1:2] + row[2:]:
                    items.extend(_cell_lines(c))
                rest = nxt[2:]
                i += 2 if nxt else 1
                _layout_then_data(rest, items, data_rows)
                continue
            if _is_layout_row(row):
                if data_rows:
                    flush_table()
                _layout_then_data(row, items, data_rows)
            else:
                data_rows.append(row)
        i += 1
    flush_text()
    if data_rows:
        flush_table()
    return items


def _layout_then_data(row: list, items: list, data_rows: list) -> None:
    """Cells up to the last layout cell become Lines; three or more short cells after it
    are the header row of the table that follows (the converter merged the rows)."""
    last = max((k for k, c in enumerate(row) if _is_layout_cell(c)), default=-1)
    tail = row[last + 1:]
    head = row if len(tail) < 3 else row[:last + 1]
    for c in head:
        items.extend(_cell_lines(c))
    if len(tail) >= 3:
        data_rows.append(tail)
