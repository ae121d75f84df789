"""Ruled PDF tables whose cells hold several lines: a row is the space between two
rulings however many lines it holds, rows run on across page breaks, the header is
printed again on each page, group rows span the columns, cells merge down.

The set (tests/data/pdf_tables/*.json, rows written from the rendered pages) is
scored row by row by bench/pdf_tables.py; `python bench/pdf_tables.py -v` prints the
per-table table.
"""
from __future__ import annotations

import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import pdf_tables  # noqa: E402

from vanban.pipeline.pdf.tables import _cut_by_break, _is_layout_cell  # noqa: E402

SETS = pdf_tables.load_sets()


def test_the_set_holds_eight_tables_from_distinct_pdfs():
    assert len({spec["pdf"] for spec in SETS.values()}) >= 8


@pytest.mark.parametrize("name", sorted(SETS))
def test_rows_of_each_table(name):
    r = pdf_tables.run(name, SETS[name])
    report = (f"{name}: P {r['precision']:.3f} R {r['recall']:.3f} "
              f"missed {[m['row'] for m in r['missed']]} extra {[row[0][:20] for row in r['extra']]}")
    print(report)
    assert r["f1"] >= 0.97, report


def test_pooled_row_f1():
    tot = [pdf_tables.run(n, s) for n, s in SETS.items()]
    matched = sum(r["matched"] for r in tot)
    p = matched / sum(r["predicted"] for r in tot)
    rc = matched / sum(r["expected"] for r in tot)
    assert 2 * p * rc / (p + rc) >= 0.97


# 085 (982/QĐ-TTg): the break cut row 1.4; page 14 opens with the rest of its cells
ROW_1_4 = ["1.4", "Nghiên cứu xây dựng tiêu chuẩn cơ", "Bộ Khoa học và", "Cơ quan, tổ chức", "Tiêu chuẩn, quy", "Quý IV/2026"]
REST_1_4 = ["", "sở, tiêu chuẩn quốc gia và quy chuẩn kỹ thuật", "Công nghệ", "và doanh nghiệp liên quan",
            "chuẩn được ban hành", ""]
# 116/NQ-CP: III.4 goes on over the break with '(UAV), mô hình ...' in the task column only
ROW_III_4 = ["4", "Hiện đại hóa hệ thống quan trắc, giám sát đa tầng", "Bộ NN&MT", "Bộ Khoa học và Công nghệ",
             "Giai đoạn 2026 - 2030"]
REST_III_4 = ["", "(UAV), mô hình trí tuệ nhân tạo (AI)", "", "", ""]
# 175/NQ-CP: 'Bộ Thông tin và Truyền thông' (STT and Đơn vị merged down) has a fifth task on the next page
ROW_BTTTT = ["1", "Bộ Thông tin và Truyền thông", "Tham mưu, trình cấp có thẩm quyền ban hành", "(1) Văn phòng Chính phủ",
             "Quý I/2024"]
NEXT_BTTTT = ["", "", "Xây dựng, ban hành quy định về quy chuẩn", "(1) Bộ Khoa học và Công nghệ (2) Bộ Công an",
              "Trước năm 2025"]


@pytest.mark.parametrize("last, first, cut", [
    (ROW_1_4, REST_1_4, True),
    (ROW_III_4, REST_III_4, True),
    (ROW_BTTTT, NEXT_BTTTT, False),
])
def test_a_row_cut_by_the_page_break_or_a_new_row_under_merged_cells(last, first, cut):
    assert _cut_by_break(last, first) is cut


@pytest.mark.parametrize("cell, layout", [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", True),
    ("Nơi nhận: - Như Điều 3;", True),
    # 109/NQ-CP Phụ lục IV row 5: a law's name is no motto
    ("Hoàn thiện pháp luật trong lĩnh vực đối ngoại (Luật Cơ quan đại diện nước Cộng hòa xã hội chủ nghĩa "
     "Việt Nam ở nước ngoài, Luật Thỏa thuận quốc tế, Luật Hàm cấp ngoại giao...)", False),
])
def test_layout_cells(cell, layout):
    assert _is_layout_cell(cell) is layout


def test_white_cell_boxes_are_no_rulings():
    """116/NQ-CP draws a white box inside every cell, inset from the rulings: the header
    'Cơ quan chủ trì thực hiện' stays one cell, and the table keeps its five columns."""
    tables = pdf_tables.tables_of(REPO / SETS["116_nq116_phu_luc"]["pdf"])
    assert [len(t.rows[0]) for t in tables] == [5]
    assert tables[0].rows[0][2] == "Cơ quan chủ trì thực hiện"
