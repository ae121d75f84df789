"""The compiled rows (pipeline/pdf/rows.c, vb_make_rows) against the Python steps they
stand in for (pipeline/pdf/rows.py, python_rows on Char objects): the same rows and
segments, field for field and of the same types, on real PDF pages, for a page's main
text, its text running another way and the content of each ruled-table cell (a
selection in another order than the page's)."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import CORPUS

from vanban.pipeline.pdf import rows as rows_module
from vanban.pipeline.pdf import tables
from vanban.pipeline.pdf.chars import read_chars
from vanban.pipeline.pdf.native import rows_loop
from vanban.pipeline.pdf.rows import Page, make_rows, python_rows
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


def _selections(path) -> list:
    """Every selection of characters the reader makes rows of: each page's text by
    direction, and each ruled-table cell's characters (in the order the table reader
    hands them over)."""
    cells = []
    plain = tables.make_rows

    def keep(chars, page):
        cells.append(chars)
        return plain(chars, page)

    out = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            width, height = page.get_size()
            chars, direction, others, _ = read_chars(page.get_textpage(), width, height)
            out += [chars, *(group for _, group in others)]
            horizontal, vertical = ruling(page, height)
            if chars and len(horizontal) >= 3 and len(vertical) >= 2:
                tables.make_rows = keep
                try:
                    tables.cut_tables(chars, direction, Page(1, width, height), horizontal, vertical, width, height)
                finally:
                    tables.make_rows = plain
    finally:
        pdf.close()
    return [c for c in out + cells if c]


def _assert_same(path) -> list:
    selections = _selections(path)
    for chars in selections:
        assert _fields(make_rows(chars, 7)) == _fields(python_rows(chars.as_chars(), 7)), path.name
    return selections


@needs_loop
@pytest.mark.parametrize("name", PDFS)
def test_compiled_rows_are_the_python_rows(name):
    _assert_same(CORPUS / name)


@needs_loop
def test_the_compared_pages_hold_what_the_rows_handle():
    """Cell selections out of the page's order, turned text, dropped footnote marks and
    decoration rules are all among the compared pages."""
    selections = [c for name in PDFS for c in _selections(CORPUS / name)]
    assert any(not c.whole and list(c.index) != sorted(c.index) for c in selections)
    left_out = 0
    for chars in selections:
        spelt = "".join(s.text for r in make_rows(chars, 1) for s in r.segs).replace(" ", "")
        left_out += len(chars) - len(spelt)
    assert left_out > 0                   # footnote marks and decoration rules
    assert "Quyết định QPPL" in " ".join(s.text for c in _selections(CORPUS / PDFS[1])
                                         for r in make_rows(c, 1) for s in r.segs)


@needs_loop
@pytest.mark.slow
def test_compiled_rows_on_every_corpus_pdf():
    for path in sorted(CORPUS.glob("*.pdf")):
        _assert_same(path)


def test_without_the_compiled_rows_the_python_rows_run(monkeypatch):
    """No library: make_rows runs python_rows and gives the same rows."""
    path = CORPUS / PDFS[3]
    chars = _selections(path)[0]
    compiled = _fields(make_rows(chars, 1))
    monkeypatch.setattr(rows_module, "rows_loop", lambda: None)
    assert _fields(make_rows(chars, 1)) == compiled
    assert any("QUYẾT ĐỊNH" in s.text for r in make_rows(chars, 1) for s in r.segs)
