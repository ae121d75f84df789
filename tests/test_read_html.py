"""read_html: the document's own content from a saved legal-portal page."""
from __future__ import annotations

from pathlib import Path

import pytest

from vanban.pipeline.read import read
from vanban.pipeline.read_html import read_html
from vanban.pipeline.types import Line, Table

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
HTML_FILES = sorted(CORPUS.glob("*.html"))
Q51 = "021_vbpl-qd-51-2025-qd-ttg-tieu-chi-nong-thon-moi.html"
_CACHE: dict[str, object] = {}


def raw_of(name: str):
    if name not in _CACHE:
        _CACHE[name] = read(CORPUS / name)
    return _CACHE[name]


def texts(raw) -> list[str]:
    return [it.text for it in raw.items if isinstance(it, Line) and it.text]


@pytest.mark.parametrize("name, present", [
    (Q51, "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;"),
    (Q51, "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng"),
    (Q51, "a) Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026 - 2030 (Phụ lục I);"),
    (Q51, "Nơi nhận:"),                        # <br> inside the Nơi nhận cell splits lines
    (Q51, "- Ban Bí thư Trung ương Đảng;"),
    (Q51, "KT. THỦ TƯỚNG"),
    (Q51, "Trần Hồng Hà"),
    ("024_vbpl-tt-157-2025-tt-btc-cyrillic-homoglyph.html", "THÔNG TƯ"),
    ("026_vbpl-nq-80-2025-ubtvqh15-quy-che-lam-viec-mau.html", "QUYẾT NGHỊ:"),
])
def test_document_paragraphs_present(name, present):
    assert present in [t.strip() for t in texts(raw_of(name))]


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name[:30])
def test_navigation_dropped(path):
    joined = "\n".join(texts(raw_of(path.name)))
    for chrome in ("Trang chủ", "TRANG CHỦ", "GIỚI THIỆU", "Văn bản gốc", "Tải về", "Đơn vị chủ quản",
                   "Mục lục", "function(", "{", "CƠ SỞ DỮ LIỆU QUỐC GIA VỀ PHÁP LUẬT"):
        assert chrome not in joined, chrome
    lines = [it for it in raw_of(path.name).items if isinstance(it, Line) and it.text]
    assert sum(it.paragraph for it in lines) > 0.5 * len(lines)     # <p> blocks are whole paragraphs


def test_header_layout_table_becomes_lines_left_column_first():
    raw = raw_of(Q51)
    first = [t for t in texts(raw) if not set(t) <= set("- ")]     # separator rules stay for layout
    assert first[:5] == ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 51/2025/QĐ-TTg", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 29 tháng 12 năm 2025"]
    assert not any(isinstance(it, Table) and "CỘNG HÒA" in str(it.rows) for it in raw.items)


def test_br_lines_are_joined_by_layout_when_wrapped():
    from vanban.pipeline.layout import layout
    from vanban.pipeline.normalise import normalise
    doc = layout(normalise(read(CORPUS / Q51)))
    texts_ = [p.text for p in doc.paragraphs]
    assert "(Kèm theo Quyết định số 51/2025/QĐ-TTg ngày 29 tháng 12 năm 2025 của Thủ tướng Chính phủ)" in texts_
    assert "- VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT, các Vụ, Cục, đơn vị trực thuộc, Công báo;" in texts_
    assert "- Ban Bí thư Trung ương Đảng;" in texts_


def test_data_table_is_a_table_with_spans_repeated():
    tables = [it for it in raw_of(Q51).items if isinstance(it, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert rows[0][:3] == ["TT", "Tên tiêu chí", "Nội dung tiêu chí"]
    assert len({len(r) for r in rows}) == 1                   # every row padded to the full width
    assert rows[2][0] == "1" and rows[2][1] == "Quy hoạch"
    assert rows[3][0] == "1" and rows[3][1] == "Quy hoạch"    # rowspan repeated on the next row


@pytest.mark.parametrize("html, expected", [
    ("<html><body><nav>Trang chủ</nav><div><p>x</p><table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH LÀO CAI</td>"
     "<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr></table>"
     "<p>KẾ HOẠCH</p><p>Căn cứ Luật</p><p>1. Mục đích</p><p>2. Yêu cầu</p></div>"
     "<script>var a = 1;</script></body></html>",
     ["x", "ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH", "Căn cứ Luật", "1. Mục đích", "2. Yêu cầu"]),
])
def test_small_page(html, expected):
    raw = read_html("x.html", html.encode(), "0")
    assert texts(raw) == expected
