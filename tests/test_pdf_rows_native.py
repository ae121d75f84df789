"""The compiled rows (pipeline/pdf/rows.c, vb_make_rows) against the Python steps they
stand in for (pipeline/pdf/rows.py, python_rows on Char objects): the same rows and
segments, field for field and of the same types, on real PDF pages, for a page's main
text, its text running another way and the content of each ruled-table cell (selections in
another order than the page's, all cells of a table in one call)."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import CORPUS

from vanban.pipeline.pdf import cells, tables
from vanban.pipeline.pdf import rows as rows_module
from vanban.pipeline.pdf.chars import read_chars
from vanban.pipeline.pdf.native import rows_loop
from vanban.pipeline.pdf.rows import Page, make_rows, python_rows, rows_of_each
from vanban.pipeline.pdf.rulings import ruling

needs_loop = pytest.mark.skipif(rows_loop() is None, reason="no C compiler: the Python rows are the only ones")

#: 094: a landscape table turned on portrait pages under an upright header ("+y" and "+x");
#: 069: footnote marks in small raised type ('QPPL4'); 120: a gazette issue with ruled
#: tables and footnotes; 010: bold headings amid regular text and decoration rules under
#: the header
PDFS = ["094_bldtbxh-qd-135-qd-bldtbxh-2024-danh-muc-het-hieu-luc.pdf",
        "069_lamdong-bc-ubnd-cchc-2025-pdf.pdf",
        "120_congbao-ttg-qd-893-qd-ttg-2026-nhan-luc-nang-luong-nguyen-tu.pdf",
        "010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf"]


def _fields(rows) -> list[tuple]:
    return [(r.top, r.bottom, r.size, r.band, [(s.text, s.x0, s.top, s.x1, s.bottom, s.size, s.bold, s.page,
                                               type(s.x0), type(s.size), type(s.bold)) for s in r.segs])
            for r in rows]


def _selections(path, asked: list | None = None) -> list[list]:
    """Every selection of characters the reader makes rows of, in the groups it hands
    them over in: each page's text by direction (one at a time), and the characters of
    each ruled table's cells (all cells of a table at once, each in the order of the
    table reader).  `asked`: the table reader's questions to cells.members go there."""
    groups = []
    plain = tables.rows_of_each

    def keep(selections, page):
        groups.append(selections)
        return plain(selections, page)

    def ask(chars, boxes, box):
        asked.append((chars, boxes, box))
        return cells.members(chars, boxes, box)

    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            width, height = page.get_size()
            chars, direction, others, _ = read_chars(page.get_textpage(), width, height)
            groups += [[chars], *([group] for _, group in others)]
            horizontal, vertical = ruling(page, height)
            if chars and len(horizontal) >= 3 and len(vertical) >= 2:
                tables.rows_of_each = keep
                tables.members = ask if asked is not None else cells.members
                try:
                    tables.cut_tables(chars, direction, Page(1, width, height), horizontal, vertical, width, height)
                finally:
                    tables.rows_of_each = plain
                    tables.members = cells.members
    finally:
        pdf.close()
    return [g for g in groups if any(g)]


def _assert_same(path) -> list:
    groups = _selections(path)
    for group in groups:
        compiled = rows_of_each(group, 7)
        assert [_fields(rows) for rows in compiled] == [_fields(python_rows(c.as_chars(), 7)) for c in group], path.name
    return [c for g in groups for c in g if c]


@needs_loop
@pytest.mark.parametrize("name", PDFS)
def test_compiled_rows_are_the_python_rows(name):
    _assert_same(CORPUS / name)


@needs_loop
def test_the_compared_pages_hold_what_the_rows_handle():
    """Cell selections out of the page's order, turned text, dropped footnote marks and
    decoration rules are all among the compared pages."""
    selections = [c for name in PDFS for c in _assert_same(CORPUS / name)]
    assert any(not c.whole and list(c.index) != sorted(c.index) for c in selections)
    left_out = 0
    for chars in selections:
        spelt = "".join(s.text for r in make_rows(chars, 1) for s in r.segs).replace(" ", "")
        left_out += len(chars) - len(spelt)
    assert left_out > 0                   # footnote marks and decoration rules
    assert "Quyết định QPPL" in " ".join(s.text for c in _assert_same(CORPUS / PDFS[1])
                                         for r in make_rows(c, 1) for s in r.segs)


@needs_loop
@pytest.mark.slow
def test_compiled_rows_on_every_corpus_pdf():
    for path in sorted(CORPUS.glob("*.pdf")):
        _assert_same(path)


def _members_fields(found: cells.Members) -> tuple:
    return [list(c.index) for c in found.cells], found.cut, found.total, found.beside


@needs_loop
@pytest.mark.parametrize("name", [PDFS[0], PDFS[2]])
def test_compiled_cells_are_the_python_cells(name):
    """Each table's cells (and the table's box, whose characters cut_tables removes) hold
    the same characters in the same order by the compiled loop (cells.c) and by
    python_members; 120 and 094 read tables whose cells hold text."""
    asked: list = []
    _selections(CORPUS / name, asked)
    assert len(asked) >= 2
    for chars, boxes, box in asked:
        compiled = cells.members(chars, boxes, box)
        assert _members_fields(compiled) == _members_fields(cells.python_members(chars, boxes, box))
        assert type(compiled.cut) is int and type(compiled.beside) is int
    assert any(c for chars, boxes, box in asked for c in cells.members(chars, boxes, box).cells)


def test_without_the_compiled_rows_the_python_rows_run(monkeypatch):
    """No library: make_rows runs python_rows and gives the same rows."""
    path = CORPUS / PDFS[3]
    chars = _selections(path)[0][0]
    compiled = _fields(make_rows(chars, 1))
    monkeypatch.setattr(rows_module, "rows_loop", lambda: None)
    assert _fields(make_rows(chars, 1)) == compiled
    assert any("QUYẾT ĐỊNH" in s.text for r in make_rows(chars, 1) for s in r.segs)
