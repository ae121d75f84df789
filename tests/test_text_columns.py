"""Round 2 of the text path: tables laid out by spaces (pdftotext -layout), footnotes of
-layout text and of PDFs, Markdown tables whose empty cells look like row ends.
Every snippet is quoted from the corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from vanban.pipeline.read import read
from vanban.pipeline.md_tables import MdTable, md_segments
from vanban.pipeline.read_text import read_text
from vanban.pipeline.text_table import find_column_tables
from vanban.pipeline.types import Line, Table

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

#: 004 (pdftotext -layout), Phụ lục I: the row number sits in the middle of its row
LAYOUT_TABLE_004 = [
    '          Tên đơn vị được                                                                        Thời gian công bố     Thời hạn',
    '  TT                                                Đối tượng kiểm tra',
    '             kiểm tra                                                                            Quyết định kiểm tra   kiểm tra',
    '                            Gói thầu số 13: Thi công công trình nối Quốc lộ 32 với cao tốc Nội',
    '        Công ty cổ phần xây Bài - Lào Cai (IC14) đoạn thi công từ Km0 - Km2+571 và khu tái',
    '   1     dựng giao thông    định cư 1, phường Trung Tâm và xã Liên Sơn, tỉnh Lào Cai                 23/3/2026         02 ngày',
    '             Yên Bái        Gói thầu số 14: Thi công công trình đường kết nối Mường La (Sơn',
    '                            La), Than Uyên, Tân Uyên (Lai Châu), Mù Cang Chải, tỉnh Lào Cai',
    '                            Gói thầu số 16 lý trình Km26+793+ Km30+00 thuộc dự án công',
    '                            trình đường kết nối Mường La (Sơn La), Than Uyên, Tân Uyên',
    '                            (Lai Châu), Mù Cang Chải, Văn Chấn (Yên Bái) với đường cao tốc',
    '         Tổng công ty xây Nội Bài - Lào Cai (IC15) xã Nậm Có, tỉnh Lào Cai',
    '   2                                                                                                 25/3/2025         02 ngày',
    '         dựng Trường Sơn Gói thầu số 23 lý trình Km30+00 - Km40+00 thuộc dự án công',
    '                            trình đường kết nối Mường La (Sơn La), Than Uyên, Tân Uyên',
    '                            (Lai Châu), Mù Cang Chải, Văn Chấn (Yên Bái) với đường cao tốc',
    '                            Nội Bài - Lào Cai (IC15) xã Nậm Có, tỉnh Lào Cai',
    '          Công ty TNHH       Gói thầu số 15: Thi công công trình đường kết nối Mường La (Sơn',
    '   3                                                                                                 27/3/2025         02 ngày',
    '            Hiệp Phú         La), Than Uyên, Tân Uyên (Lai Châu), Mù Cang Chải, tỉnh Lào Cai',
]

#: 086: a flattened table, one heading a line: not laid out by columns
FLAT_086 = ["TT ", "Nhiệm vụ, giải pháp ", "Cơ quan  ", "chủ trì ", "Cơ quan ", " phối hợp ", "Sản phẩm  ",
            "Thời gian  ", "1 ", "Xây dựng cơ chế ", "Bộ Khoa học và Công nghệ ", "Các bộ, ngành "]


def test_layout_table_rows_from_column_positions():
    tables = find_column_tables(LAYOUT_TABLE_004)
    assert len(tables) == 1 and (tables[0].start, tables[0].end) == (0, 20)
    rows = tables[0].table.rows
    assert rows[0] == ["TT", "Tên đơn vị được kiểm tra", "Đối tượng kiểm tra",
                       "Thời gian công bố Quyết định kiểm tra", "Thời hạn kiểm tra"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    assert rows[1][1] == "Công ty cổ phần xây dựng giao thông Yên Bái"
    assert rows[2][1] == "Tổng công ty xây dựng Trường Sơn"          # "Tổng công ty xây Nội Bài" split at the column
    assert rows[2][2].startswith("Gói thầu số 16 lý trình Km26+793+ Km30+00") and rows[2][2].endswith(
        "Gói thầu số 23 lý trình Km30+00 - Km40+00 thuộc dự án công trình đường kết nối Mường La (Sơn La), "
        "Than Uyên, Tân Uyên (Lai Châu), Mù Cang Chải, Văn Chấn (Yên Bái) với đường cao tốc Nội Bài - Lào Cai "
        "(IC15) xã Nậm Có, tỉnh Lào Cai")
    assert rows[3][1:] == ["Công ty TNHH Hiệp Phú", "Gói thầu số 15: Thi công công trình đường kết nối Mường La "
                           "(Sơn La), Than Uyên, Tân Uyên (Lai Châu), Mù Cang Chải, tỉnh Lào Cai", "27/3/2025", "02 ngày"]


@pytest.mark.parametrize("lines", [FLAT_086, [" ".join(ln.split()) for ln in LAYOUT_TABLE_004]])
def test_no_layout_table_without_columns(lines):
    assert find_column_tables(lines) == []


def test_layout_table_is_a_table_item_of_the_document():
    raw = read(CORPUS / "004_laocai-kh-dkt-1105-kiem-tra-vlncn-repo-txt.txt")
    tables = [it for it in raw.items if isinstance(it, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 4 and tables[0].page == 4


#: 008 (pdftotext -layout): a footnote at the foot of page 1, its number glued to "khoáng sản1."
FOOTNOTE_008 = '        1. Trách nhiệm chung của các cơ quan, đơn vị\n      - Lãnh đạo, chỉ đạo tập trung thực hiện nghiêm các quy định của pháp luật\ntrong công tác quản lý nhà nước về địa chất, khoáng sản1.\n       - Thực hiện thanh tra, kiểm tra có trọng tâm, trọng điểm; tập trung vào các\nkhu vực có hoạt động khoáng sản phức tạp, khu vực giáp ranh giữa các địa\nphương, khu vực thường xuyên xảy ra khai thác trái phép, khu vực nhạy cảm về\nmôi trường, an ninh, trật tự, khu vực vùng sâu, vùng xa, ít dân cư, địa hình hiểm\ntrở. Việc xây dựng kế hoạch thanh tra, kiểm tra cần phù hợp với tình hình thực\ntế của địa phương, bảo đảm không chồng chéo, trùng lặp; giảm thiểu tối đa gây\nảnh hưởng đến hoạt động sản xuất, kinh doanh hợp pháp của doanh nghiệp.\n       - Đề cao trách nhiệm của người đứng đầu trong cơ quan, đơn vị trong việc\nbảo vệ khoáng sản chưa khai thác; kịp thời phát hiện, giải tỏa, ngăn chặn và xử\nlý nghiêm các hành vi vi phạm pháp luật, đặc biệt là: (i) Khai thác khoáng sản\n\n   1 Các quy định của Luật Địa chất và Khoáng sản năm 2024 và các văn bản hướng dẫn thi hành; Nghị quyết số 10-\n\nNQ/TW ngày 10/02/2022 của Bộ Chính trị về định hướng chiến lược địa chất, khoáng sản và công nghiệp khai khoáng\nđến năm 2030, tầm nhìn đến năm 2045 và Chiến lược địa chất, khoáng sản và công nghiệp khai khoáng đến năm 2030,\ntầm nhìn đến năm 2045 của Thủ tướng Chính phủ; Nghị quyết số 88/NQ-CP ngày 22/7/2022 của Chính phủ ban hành\nChương trình hành động của Chính phủ thực hiện Nghị quyết số 10-NQ/TW; Quyết định số 334/QĐ-TTg ngày\n01/4/2023 của Thủ tướng Chính phủ phê duyệt “Chiến lược địa chất, khoáng sản và công nghiệp khai khoáng đến năm\n2030, tầm nhìn đến năm 2045; Chương trình hành động số 39-CTr/TU ngày 29/01/2026 của BTV Tỉnh ủy Lào Cai\nthực hiện Nghị quyết số 10-NQ/TW; Chỉ thị số 38/CT-TTg ngày 29/9/2020 của Thủ tướng Chính phủ; Chỉ thị số 11-\nCT/TU ngày 04/02/2026 của BTV Tỉnh ủy; Các văn bản chỉ đạo, yêu cầu và hướng dẫn của Ủy ban nhân dân tỉnh, Sở\nNông nghiệp và Môi trường…\n\x0c                                        2\n\ntrái phép; (ii) Khai thác không đúng nội dung giấy phép; (iii) Không thực hiện\nđầy đủ nghĩa vụ tài chính; (iv) Vi phạm quy định về bảo vệ môi trường. Kịp thời\nphát hiện, kiểm điểm, xử lý nghiêm cán bộ, công chức, viên chức cấp dưới có\nhành vi tiếp tay cho tổ chức, cá nhân có hoạt động khoáng sản trái phép.\n       - Tăng cường phối hợp giữa các cơ quan: Sở Nông nghiệp và Môi trường,\nSở Công Thương, Sở Xây dựng, Sở Tài chính, Thanh tra tỉnh, Công an tỉnh và\nchính quyền địa phương trong công tác thanh tra, kiểm tra, giám sát hoạt động\nkhoáng sản.\n       - Tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ theo Kế hoạch số\n200/KH-UBND ngày 05/5/2026 của Ủy ban nhân dân tỉnh thực hiện Chương\ntrình hành động số 39-CTr/TU ngày 29/01/2026 của Ban Thường vụ Tỉnh ủy Lào\nCai thực hiện Nghị quyết số 10-NQ/TW ngày 10/02/2022 của Bộ Chính trị về\n'


def test_layout_text_footnote_moved_after_the_cut_paragraph():
    raw = read_text("x.txt", FOOTNOTE_008.encode(), "0")
    texts = [it.text.strip() for it in raw.items if isinstance(it, Line) and it.text.strip()]
    assert "trong công tác quản lý nhà nước về địa chất, khoáng sản." in texts      # the "1" unglued
    note = next(i for i, t in enumerate(texts) if t.startswith("1 Các quy định của Luật Địa chất"))
    assert texts[note].endswith("Sở Nông nghiệp và Môi trường…")
    assert "Nghị quyết số 10-NQ/TW ngày 10/02/2022" in texts[note]               # "10-" + "NQ/TW" joined
    # the page break cut "... (i) Khai thác khoáng sản" / "trái phép; (ii) ...": the footnote waits
    assert texts[note - 1] == "hành vi tiếp tay cho tổ chức, cá nhân có hoạt động khoáng sản trái phép."
    assert texts[note + 1].startswith("- Tăng cường phối hợp giữa các cơ quan")


def test_pdf_footnotes_out_of_the_body():
    raw = read(CORPUS / "069_lamdong-bc-ubnd-cchc-2025-pdf.pdf")
    body = [it.text for it in raw.items if isinstance(it, Line) and not it.paragraph]
    notes = [it.text for it in raw.items if isinstance(it, Line) and it.paragraph]
    assert not any("QPPL4" in t or "QPPL5" in t for t in body)
    assert any("137 Quyết định QPPL và đã được cập nhật" in t for t in body)
    assert [n.split()[0] for n in notes] == [str(k) for k in range(1, 18)]
    assert notes[0].startswith("1 Thường trực Tỉnh ủy và Ủy ban nhân dân tỉnh đã thành lập các đoàn công tác")
    # a footnote that runs on to the next page's foot is one footnote
    assert "công cấp xã đã trang bị máy tính" in notes[10]


#: 048: "| TT | Nội dung | Đơn vị tính | Định mức |" printed one token a line; empty cells are bars too
MD_048 = '|\n**TT**\n|\n**Nội dung**\n|\n**Đơn vị tính**\n|\n**Định mức**\n|\n|\n**I**\n|\n**Cơ quan hành chính**\n|\n|\n|\n|\n*1*\n|\n*Đơn vị dự toán cấp I*\n|\n|\n|\n|\n|\nDưới 30 biên chế\n|\nĐồng/biên chế\n/năm\n|\n95.000.000\n|\n|\n|\nTừ biên chế thứ 30 đến dưới 50\n|\nĐồng/biên chế\n/năm\n|\n92.000.000\n'


def test_markdown_empty_cells_read_by_the_header_width():
    table = next(s for s in md_segments(MD_048.split("\n")) if isinstance(s, MdTable))
    rows = [[" ".join(c).replace("*", "").strip() for c in r] for r in table.rows]
    assert rows[0] == ["TT", "Nội dung", "Đơn vị tính", "Định mức"]
    assert rows[1] == ["I", "Cơ quan hành chính", "", ""]
    assert rows[2] == ["1", "Đơn vị dự toán cấp I", "", ""]
    assert rows[3] == ["", "Dưới 30 biên chế", "Đồng/biên chế /năm", "95.000.000"]


@pytest.mark.parametrize("name, row", [
    # "A | B | 1 | 2 | 3 | 4=3/2 | 5 | 6" numbers the columns; "3 | Cơ cấu kinh tế" has empty cells
    ("044_camau-kh-0204-kh-ubnd-2025-tai-chinh-ngan-sach-3-nam.md", ["3", "Cơ cấu kinh tế", "", "", "", "", "", ""]),
    ("044_camau-kh-0204-kh-ubnd-2025-tai-chinh-ngan-sach-3-nam.md",
     ["", "- Thuế NK, thuế sản phẩm trừ trợ cấp sản phẩm", "%", "", "", "4,31", "4,19", "4,07"]),
    ("059_sonla-qd-2954-qd-ubnd-2025-ke-hoach-xuat-khau.md",
     ["1", "Xoài", "13.500", "7.000", "14.800", "7.800", "16.000", "8.600", "16.800", "9.300", "18.000", "10.000"]),
])
def test_markdown_numeric_tables(name, row):
    raw = read(CORPUS / name)
    assert any(row in t.rows for t in raw.items if isinstance(t, Table))
