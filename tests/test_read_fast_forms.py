"""The text readers' faster forms (issue 13) give what the plain forms gave, on the corpus texts:
the Markdown layout-cell, trailer and motto tests, the Markdown table tokens, the motto pattern,
the -layout table's heading look-up and column split."""
from __future__ import annotations

import re
from functools import lru_cache

import pytest

from conftest import CORPUS
from vanban.lexicon.patterns import MOTTO_RAW
from vanban.pipeline import md_tables, read_markdown as rm, text_table as tt
from vanban.pipeline.md_tables import MD_APPENDIX_LINE, MD_BAR, PIPE_HEADER, MdTable, md_segments, pipe_rows, plain_cell
from vanban.pipeline.read_markdown import _emphasis_lines, _unheaded, is_markdown, unstarred
from vanban.pipeline.read_text import COLUMN_GAP, decode, split_columns


@lru_cache(maxsize=1)
def _texts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The corpus texts as read_text decodes them: (Markdown ones, plain ones)."""
    md, plain = [], []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix not in (".md", ".txt"):
            continue
        text = decode(str(path), path.read_bytes())[0].replace("\r\n", "\n").replace("\r", "\n")
        (md if is_markdown(text) else plain).append(text)
    return tuple(md), tuple(plain)


@lru_cache(maxsize=1)
def _rows() -> list:
    return [row for text in _texts()[0] for seg in md_segments(text.split("\n")) if isinstance(seg, MdTable)
            for row in seg.rows]


#: the layout-cell pattern as written before issue 13 (`^` with re.MULTILINE, on the cell's text alone)
_PLAIN_LAYOUT = re.compile(
    r"CỘNG\s+HÒA\s+XÃ|CỘNG\s+HOÀ\s+XÃ|Độc\s+lập\s*[-–]\s*Tự\s+do|^\s*Số\s*:|Kính\s+gửi|Nơi\s+nhận|PHỤ\s+LỤC|"
    r"^\s*(?:TM|KT|TL|TUQ|Q)\s*\.\s*[A-ZĐÂ]|^\s*(?:CHỦ\s+TỊCH|PHÓ\s+CHỦ\s+TỊCH|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC)\s*$",
    re.MULTILINE)
#: cells that open a line with a marker, wrap one, or split one over two cells
_EDGE_CELLS = [["Số: 12/KH-UBND"], ["", "  Số :"], ["x", "KT. CHỦ TỊCH"], ["CHỦ"], ["TỊCH"], ["Độc lập -"],
               ["Tự do"], ["  CHỦ TỊCH  ", ""], ["PHÓ CHỦ TỊCH x"], ["TM .ỦY BAN"], ["a\x00"]]


def test_layout_rows_and_cells_as_with_the_plain_pattern():
    rows = _rows() + [_EDGE_CELLS, _EDGE_CELLS[3:5], _EDGE_CELLS[5:7]]
    assert len(rows) > 2000
    for row in rows:
        plain = [bool(_PLAIN_LAYOUT.search(plain_cell(c))) or len(c) > 30 for c in row]
        assert [rm._is_layout_cell(c) for c in row] == plain, row
        assert rm._is_layout_row(row) == any(plain), row


def test_motto_cell_as_by_each_cell():
    rows = _rows() + [[["CỘNG HÒA"], ["XÃ HỘI"]], [["x"], ["Độc lập - Tự do"], ["CỘNG HÒA XÃ HỘI"]], [["a"]]]
    assert sum(rm._motto_cell(r) is not None for r in rows) >= 20
    for row in rows:
        assert rm._motto_cell(row) == next((k for k, c in enumerate(row) if MOTTO_RAW.search(plain_cell(c))), None)


def _plain_trailer(line: str) -> bool:
    return _unheaded(unstarred(line)).strip().startswith(rm._end_lines())


@pytest.mark.parametrize("line", [
    "Văn bản này chưa cập nhật nội dung Tiếng Anh", "## Văn bản liên quan", "  **Văn bản** bị thay thế",
    "####### Văn bản liên quan", "#Văn bản liên quan", "  ## Văn bản liên quan",
    "#\u00a0 Rà chuột vào nội dung văn bản",
    "x Văn bản liên quan", "", "*", "FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN:",
])
def test_trailer_lines_as_by_stripping(line):
    assert rm._is_trailer_line(line) == _plain_trailer(line)
    cell = ["Địa chỉ", line, "x"]
    assert rm._is_chrome_cell(cell) == (plain_cell(cell).startswith(rm._end_cells())
                                        or any(_plain_trailer(ln) for ln in cell))


def test_chrome_cells_as_by_each_line():
    for row in _rows():
        for cell in row:
            assert rm._is_chrome_cell(cell) == (plain_cell(cell).startswith(rm._end_cells())
                                                or any(_plain_trailer(ln) for ln in cell)), cell


@pytest.mark.parametrize("cell", [["a", "  b  ", ""], [], ["a #b", "c"], ["x", "**y", "z**"], ["  # t", "u"]])
def test_plain_lines_of_a_cell_as_by_the_loop(cell):
    from test_text_speed import _plain_emphasis_lines
    assert _emphasis_lines(cell) == _plain_emphasis_lines(cell)


#: the motto pattern as written before issue 13
_PLAIN_MOTTO = re.compile(r"C[ỘO]NG\s+H[OÒÓ][ÀA]?\s+X[ÃA]\s+H[ỘO]I|(?i:Độc\s+lập\s*[-–]\s*Tự\s+do)")


def test_motto_pattern_as_with_ignored_case():
    md, plain = _texts()
    cases = "ĐỘC LẬP - TỰ DO độc lập – tự do ĐộC lẬp-TỰ do đỘc lập - Tự do Ðộc lập - Tự do CONG HOA XA HOI"
    for text in md + plain + (cases,):
        assert [m.span() for m in MOTTO_RAW.finditer(text)] == [m.span() for m in _PLAIN_MOTTO.finditer(text)]


def _plain_tokens(lines: list[str], j: int) -> tuple[list, int]:
    """md_tables._tokens as written before issue 13: MD_BAR on every line."""
    tokens: list = []
    n = len(lines)
    while j < n:
        if MD_BAR.match(lines[j]):
            while j < n and MD_BAR.match(lines[j]):
                tokens.append(md_tables._BAR)
                j += 1
            if j >= n or not lines[j].strip() or MD_APPENDIX_LINE.match(lines[j]):
                break
            continue
        if tokens and tokens[-1] is not md_tables._BAR:
            tokens[-1].append(lines[j])
        else:
            tokens.append([lines[j]])
        j += 1
    return tokens, j


@pytest.mark.parametrize("extra", ["", "\n|\na\n| \n\n", "\n | \n|\n\u00a0|\u2003\nb\n|\n|"])
def test_markdown_segments_as_by_the_plain_loop(extra):
    """The tokens of every table as MD_BAR reads them; the lines outside the tables as they were."""
    tables = 0
    for text in _texts()[0]:
        lines = (text + extra).split("\n")
        segments = md_segments(lines)
        i = 0
        for seg in segments:
            if isinstance(seg, str):
                assert seg == lines[i]
                i += 1
                continue
            if PIPE_HEADER.match(lines[i]):
                j = next((j for j in range(i + 1, len(lines)) if not lines[j].strip() or "|" not in lines[j]),
                         len(lines))
                assert seg.rows == pipe_rows(lines[i:j])
                i = j
                continue
            assert "|" in lines[i] and MD_BAR.match(lines[i])
            tokens, i = _plain_tokens(lines, i)
            assert seg.rows == md_tables._decode_rows(tokens)
            tables += 1
        assert i == len(lines)
    assert tables > 50


def _plain_heading_group(piece: str) -> str | None:
    """_heading_group as written before issue 13: the piece's words as a set, each group tried."""
    folded = piece.casefold()
    tokens = set(tt.TOKEN.findall(folded))
    for name, words, phrases in tt._heading_words()[0]:
        if not words.isdisjoint(tokens) or phrases.search(folded):
            return name
    return None


def test_heading_look_ups_as_by_each_piece():
    lines = [ln for text in _texts()[1] for ln in text.split("\n")]
    lines += ["  TT   Nội dung  Chủ trì", "STT", "xtt  tt", "nội  dung", "Số\tTT", "ttx", "Thời\u00a0gian   Kết quả"]
    for line in lines:
        by_piece = any(_plain_heading_group(t) for _, _, t in tt._pieces(line))
        assert bool(tt._heading_group(line)) == by_piece, line
        for _, _, t in tt._pieces(line):
            assert tt._heading_group(t) == _plain_heading_group(t), t
        if tt._one_long_piece(line):
            assert tt._header_at([line, "TT   Nội dung   Chủ trì"], 0) is None


def test_column_split_needs_six_spaces():
    """split_columns looks for a gap only in a line holding six spaces in a row: COLUMN_GAP needs them."""
    lines = [ln for text in _texts()[1] for ln in text.split("\n")]
    assert sum(len(split_columns(ln)) > 1 for ln in lines) > 10
    for line in lines:
        if " " * 6 not in line:
            assert COLUMN_GAP.search(line.strip()) is None


# ---------------------------------------------------------------- normalise, layout

def test_texts_normalised_together_as_each_alone():
    from vanban.pipeline.normalise import normalise_text, normalise_texts
    md, plain = _texts()
    edge = ["q", "oà", "hoà\u00a0 x", "Thuỷ", "a\u0301", "\u0301b", "x\ny", "TT-BTС", "", "  ", "QĐ–UBND\u200b",
            "uỷ\x00", "q\u00a0", "uý"]
    for texts in [text.split("\n") for text in md + plain] + [edge, edge[::-1], [], [""], ["a\nb"]]:
        found, removed, found_each, removed_each = [], [], [], []
        assert normalise_texts(texts, found, removed) == [normalise_text(t, found_each, removed_each) for t in texts]
        assert (found, removed) == (found_each, removed_each)


def test_replaced_as_dataclasses_replace():
    import dataclasses
    from vanban.pipeline.types import Line, Paragraph, Table, replaced
    line = Line(text="a", page=2, indent=3, bold=True)
    assert replaced(line, text="b") == dataclasses.replace(line, text="b") and line.text == "a"
    table = Table(rows=[["a"]], page=1, row_pages=[1])
    assert replaced(table, start=3, end=9) == dataclasses.replace(table, start=3, end=9)
    assert replaced(Paragraph(text="x"), page=None) == Paragraph(text="x")
    with pytest.raises(TypeError):
        replaced(line, txt="b")


def test_either_matches_where_one_of_its_patterns_matches():
    from vanban.pipeline.layout import noise, paragraphs as P
    from vanban.pipeline.layout.patterns import CAPACITY, RECIPIENTS
    lines = [ln.strip() for text in _texts()[0] + _texts()[1] for ln in text.split("\n")]
    lines += ["NƠI NHẬN:", "nơi nhận", "KT. CHỦ TỊCH", "- 2 -", "12", "-----", "Kính gửi:", "KÍNH GỬI", "a) x", "",
              "CÔNG BÁO/Số 12/Ngày 01-02-2026", "Ký bởi: X", "người ký: Y"]
    for line in lines:
        assert bool(P.NO_TEXT.match(line)) == bool(P.SEPARATOR.match(line) or P.PAGE_NUMBER.match(line))
        assert bool(P.OPENS.match(line)) == bool(P.MARKER.match(line) or RECIPIENTS.match(line)
                                                  or P.ADDRESSEE.match(line))
        assert bool(P.LIST_OPENS.match(line)) == bool(RECIPIENTS.match(line) or CAPACITY.match(line))
        assert bool(noise.NOISE_START.match(line)) == bool(noise.RUNNING_HEADER.match(line)
                                                           or noise.STAMP_START.match(line))
        if not line.startswith(P.ARTICLE_WORDS):
            assert not P.ARTICLE_CITED.match(line)
        if ".1." not in line:
            assert not P.GLUED_FIRST_CHILD.match(line)
        if "1." not in line:
            assert not P.GLUED_FIRST_ITEM.match(line)
        if "(" not in line:
            assert P.SIGNED_NOTE.sub("", line) == line
        if not line.startswith("("):
            assert not P.PAREN_ITEM.match(line)
        if "-" not in line[-2:]:
            assert not P.SPLIT_HYPHEN.search(line)


def test_chrome_attribute_words_found_as_with_ignored_case():
    """read_html's CHROME_ATTR (lexicon.patterns.any_case) finds what the words with re.IGNORECASE find."""
    from vanban.pipeline.read_html import CHROME_ATTR
    plain = re.compile(r"breadcrumb|menu|navbar|sidebar|related|share|comment|banner|advert|cookie|toolbar",
                       re.IGNORECASE)
    names = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.glob("*.html"))]
    names += ["ſhare", "SİDEBAR x", "x MENU y", "Kookie", "coo\u212aie", "BreadCrumb-Related", "advertmenu", ""]
    for text in names:
        assert [m.span() for m in CHROME_ATTR.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_heading_named_where_a_group_finds_one():
    """text_table.names_a_heading (flat_tables' first test) is true where a task-table group's word is
    among a line's words or its phrase inside the line."""
    from vanban.lexicon.patterns import task_table_groups
    lines = [ln for text in _texts()[0] + _texts()[1] for ln in text.split("\n")]
    lines += ["TT", "stt.", "Số TT", "xtt", "tên nhiệm vụ, đề án", "THỜI HẠN", "nội  dung"]
    words = [w for ws in task_table_groups().values() for w in ws]
    for line in lines:
        folded = line.casefold()
        tokens = set(re.findall(r"\w+", folded))
        assert tt.names_a_heading(folded) == any(w in folded if " " in w else w in tokens for w in words), line


def test_markdown_known_as_by_the_three_counts():
    from vanban.pipeline.read_markdown import MD_HEADING_LINE
    md, plain = _texts()
    for text in md + plain + ("|\n|\n|\n|", "# a\n## b\n### c", "**a** **b** **c**", "| a | b |"):
        head = text[:20000]
        assert is_markdown(text) == (sum(1 for t in head.split("\n") if MD_BAR.match(t)) >= 4
                                     or head.count("**") >= 6 or len(MD_HEADING_LINE.findall(head)) >= 3)
    assert len(md) > 50 and len(plain) > 10
