"""Ruled-table cells (pipeline/pdf/grid.py) against pdfplumber's table finder fed the same
rulings: the cells must be the same, cell for cell and in the same order, on real pages
(the grid replaced the finder for speed; pdfplumber stays the oracle here)."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from pdfplumber.table import TableFinder

from conftest import CORPUS

from vanban.pipeline.pdf.grid import table_cells
from vanban.pipeline.pdf.rulings import ruling
from vanban.pipeline.pdf.tables import _index


def _ruled_pages(pdf_name: str):
    """(page number, horizontal, vertical) of each page with >=3 horizontal, >=2 vertical rulings."""
    doc = pdfium.PdfDocument(str(CORPUS / pdf_name))
    try:
        for i, page in enumerate(doc):
            horizontal, vertical = ruling(page, page.get_size()[1])
            if len(horizontal) >= 3 and len(vertical) >= 2:
                yield i + 1, horizontal, vertical
    finally:
        doc.close()


def _edge_dict(edge: tuple, orientation: str) -> dict:
    x0, top, x1, bottom, length = edge
    return {"object_type": "line_edge", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
            "bottom": bottom, "width": length if orientation == "h" else 0.0,
            "height": length if orientation == "v" else 0.0}


def _pdfplumber_cells(horizontal, vertical):
    horizontal = [_edge_dict(e, "h") for e in horizontal]
    vertical = [_edge_dict(e, "v") for e in vertical]
    settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}
    return [t.cells for t in TableFinder(None, settings).tables]


# 085: a table over eleven pages, merged cells, its header printed again on each page;
# 012: a one-page authorisation table; 074: comments table on a landscape page
@pytest.mark.parametrize("pdf_name", ["085_ttg-qd-982-qd-ttg-2026-de-an-dn-cong-nghe-so.pdf",
                                      "012_laocai-qd-1696-qd-ubnd-uy-quyen.pdf",
                                      "074_lamdong-tong-hop-y-kien-gop-y-kh-cchc-2026.pdf"])
def test_grid_cells_are_pdfplumbers(pdf_name):
    pages = list(_ruled_pages(pdf_name))
    assert pages
    for number, horizontal, vertical in pages:
        assert table_cells(horizontal, vertical) == _pdfplumber_cells(horizontal, vertical), f"page {number}"


@pytest.mark.slow
def test_grid_cells_are_pdfplumbers_on_every_ruled_corpus_page():
    checked = 0
    for pdf in sorted(CORPUS.glob("*.pdf")):
        for number, horizontal, vertical in _ruled_pages(pdf.name):
            assert table_cells(horizontal, vertical) == _pdfplumber_cells(horizontal, vertical), f"{pdf.name} p{number}"
            checked += 1
    assert checked >= 80


def test_a_cell_edge_is_the_nearest_grid_line_the_lower_on_a_tie():
    edges = [10.0, 20.0, 40.0]
    assert [_index(edges, v) for v in (0.0, 14.9, 15.0, 15.1, 31.0, 99.0)] == [0, 0, 0, 1, 2, 2]
