"""Task tables: header words, real Table rows (DOCX merged cells, Markdown), flattened
tables rebuilt from raw lines (Bắc Giang appendix), per-task block labels."""
from pathlib import Path

import pytest

from vanban.extractors.table_tasks import (block_fields, column_role, rebuild_flat, tasks_from_flat,
                                           tasks_from_table)
from vanban.pipeline.types import Table

CORPUS = Path(__file__).parent.parent / "corpus"
BACGIANG = CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt"


@pytest.mark.parametrize("cell, role", [
    ("TT", "row"),
    ("STT", "row"),
    ("Nội dung nhiệm vụ", "description"),
    ("Nội dung thực hiện", "description"),                    # 033: "thực hiện" does not make it a lead
    ("Nhiệm vụ, giải\npháp", "description"),                 # 034 Markdown, hard break in the cell
    ("Tên nhiệm vụ", "description"),
    ("Cơ quan \nchủ trì thực \nhiện", "lead"),                # Bắc Giang, split over lines
    ("Chủ t rì thực hiện", "lead"),                           # split mid-word
    ("Sở, ngành chủ trì tham mưu", "lead"),                   # 001 DOCX
    ("Đơn vị thực hiện", "lead"),                             # 034
    ("Cơ quan \nphối hợp \nthực hiện", "coordinators"),        # "thực hiện" does not make it a lead
    ("Phối hợp thực hiện", "coordinators"),
    ("Thời gian \ntrình/ \nthực hiện", "deadline"),
    ("Thời gian hoàn thành", "deadline"),
    ("Thời gian thực\nhiện", "deadline"),
    ("Sản phẩm đầu ra", "extra"),
    ("Theo dõi, kiểm tra, đôn đốc", "extra"),                 # 061 Lâm Đồng
    ("Ghi chú", "extra"),
])
def test_column_role(cell, role):
    assert column_role(cell) == role


def _bacgiang_appendix_lines() -> list[str]:
    lines = BACGIANG.read_text(encoding="utf-8").splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith("TT Nội dung nhiệm vụ"))
    return lines[start:]


@pytest.fixture(scope="module")
def bacgiang_rows():
    res = tasks_from_flat(_bacgiang_appendix_lines(), 2024)
    return {t.id: t for t in res.tasks}


@pytest.mark.parametrize("tid, description, lead, coord_start, deadline", [
    # a row whose first two lines hold cells side by side:
    # "3. Xây dựng Đề án thành lập Trung tâm khởi Sở Khoa học Các sở, 2025"
    # " nghiệp đổi mới sáng tạo tỉnh Bắc Giang. và Công" / "nghệ" / "ngành, đơn vị" / "liên quan"
    ("appendix:IV.3", "Xây dựng Đề án thành lập Trung tâm khởi nghiệp đổi mới sáng tạo tỉnh Bắc Giang.",
     "Sở Khoa học và Công nghệ", "Các sở", "2025"),
    # a row broken by the page number "2": description and coordinators go on after it
    ("appendix:II.4", "Sửa đổi, bổ sung Quyết định số 06/2021/QĐ-UBND ngày 16/3/2021 của UBND tỉnh ban hành "
     "Quy định về tổ chức xét, tôn vinh danh hiệu “Trí thức Bắc Giang tiêu biểu”.",
     "Liên hiệp các hội KH&KT tỉnh", "Sở Nội vụ", "Quý IV/2024"),
    # a plain row: one cell after the other, line by line
    ("appendix:I.1", "Tuyên truyền về Nghị quyết số 45-NQ/TW của BCHTW, Kế hoạch số 123-KH/TU của Ban Thường vụ "
     "Tỉnh ủy và các văn bản có liên quan về vai trò, tầm quan trọng của đội ngũ trí thức.",
     "Sở Thông tin và Truyền thông", "Các sở", "Thường xuyên"),
    # a symbol broken at its hyphen stays whole: "497/2011/QĐ-" / "UBND"
    ("appendix:III.1", "Sửa đổi Quyết định số 497/2011/QĐ-UBND ngày 29/12/2011 của UBND tỉnh về chế độ thù lao "
     "đối với người đã nghỉ hưu giữ chức danh lãnh đạo chuyên trách tại các hội và chế độ công vụ đối với công "
     "chức giữ chức danh Chủ tịch các hội.", "Sở Nội vụ", "Các tổ chức", "2024"),
    # a lead of two lines whose second starts with a capital: "Hội Văn học" / "Nghệ thuật"
    ("appendix:IV.5", "Đề án kiện toàn, đổi mới Quỹ tài trợ sáng tạo văn học nghệ thuật tỉnh.",
     "Hội Văn học Nghệ thuật", "Sở Tài chính", "2024"),
    # no coordinators: "Các sở, / ngành, địa / phương" then "Thường / xuyên"
    ("appendix:I.2", "Quán triệt, nâng cao nhận thức, trách nhiệm và triển khai có hiệu quả các nội dung của "
     "Nghị quyết tới cán bộ, công chức, viên chức.", "Các sở", None, "Thường xuyên"),
])
def test_bacgiang_flat_rows(bacgiang_rows, tid, description, lead, coord_start, deadline):
    t = bacgiang_rows[tid]
    assert t.description == description
    assert " ".join(t.lead).startswith(lead) and lead in ", ".join(t.lead)
    if coord_start is None:
        assert t.coordinators == []
    else:
        assert t.coordinators and t.coordinators[0].startswith(coord_start)
    assert t.deadline is not None and t.deadline.text == deadline


def test_bacgiang_flat_groups_and_count():
    res = tasks_from_flat(_bacgiang_appendix_lines(), 2024)
    assert [t.id for t in res.tasks][:4] == ["appendix:I.1", "appendix:I.2", "appendix:I.3", "appendix:II.1"]
    assert len(res.tasks) == 21
    assert {t.section for t in res.tasks} == {"I", "II", "III", "IV", "V"}
    assert res.groups["IV"].startswith("Tăng cường nguồn lực xây dựng đội ngũ trí thức")


def test_flat_needs_a_header():
    assert rebuild_flat(["1.", "Tuyên truyền về Nghị quyết số 45-NQ/TW", "Sở Nội vụ", "2024"]) is None


# 061 Lâm Đồng (DOCX): columns in another order, extra columns, a group row whose merged
# cells the reader repeats.
LAMDONG_HEADER = ["STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện", "Phối hợp thực hiện",
                  "Theo dõi, kiểm tra, đôn đốc"]
LAMDONG_ROWS = [
    ["I", "Cải cách thể chế", "Cải cách thể chế", "Cải cách thể chế", "Cải cách thể chế", "Cải cách thể chế",
     "Cải cách thể chế"],
    ["2", "Định kỳ thực hiện việc công bố danh mục văn bản quy phạm pháp luật hết hiệu lực, tạm ngưng hiệu lực "
          "theo thẩm quyền.", "Danh mục văn bản quy phạm pháp luật hết hiệu lực, tạm ngưng hiệu lực",
     "Trước ngày 31/01 năm liền kề", "Sở Tư pháp; UBND các xã, phường, đặc khu", "", "Sở Tư pháp"],
    ["3", "Thường xuyên kiểm tra, rà soát, hệ thống hóa các văn bản quy phạm pháp luật thuộc phạm vi quản lý "
          "của ngành, địa phương.", "Kết quả xử lý", "Thường xuyên trong năm",
     "Sở Tư pháp; các cơ quan, đơn vị, địa phương", "Các cơ quan, đơn vị, địa phương", "Sở Tư pháp"],
]


def test_docx_table_merged_cells_and_extra_columns():
    res = tasks_from_table(Table(rows=[LAMDONG_HEADER] + LAMDONG_ROWS), 2025)
    assert [t.id for t in res.tasks] == ["appendix:I.2", "appendix:I.3"]
    t = res.tasks[0]
    assert t.section == "I" and t.row == "2"
    assert t.lead[0] == "Sở Tư pháp" and len(t.lead) == 2
    assert t.coordinators == []
    assert t.deadline.text == "Trước ngày 31/01 năm liền kề"
    assert t.extra == {"Sản phẩm": "Danh mục văn bản quy phạm pháp luật hết hiệu lực, tạm ngưng hiệu lực",
                       "Theo dõi, kiểm tra, đôn đốc": "Sở Tư pháp"}
    assert res.groups == {"I": "Cải cách thể chế"}


# 034 Đồng Nai (Markdown): header cells broken inside ("Nhiệm vụ, giải\npháp"), letter and Roman
# groups nested, a sub-header printed one cell short under a later group.
DONGNAI_ROWS = [
    ["**STT**", "**Nhiệm vụ, giải\npháp**", "**Đơn vị thực hiện**", "**Đơn vị phối hợp**", "**Thời gian thực\nhiện**",
     "**Sản phẩm đầu ra**"],
    ["**A**", "**PHÁT TRIỂN NỀN MÓNG CHO\nKINH TẾ SỐ VÀ XÃ HỘI SỐ**", "", "", "", ""],
    ["**I**", "**Hoàn thiện thể chế**", "", "", "", ""],
    ["1.1", "Rà soát, xây dựng, sửa đổi, bổ sung các quy định pháp\nluật cho phù hợp với sự phát triển kinh tế số, "
            "xã hội số của tỉnh", "Sở Tư pháp", "Các sở, ban, ngành; UBND các phường, xã", "2026 - 2030",
     "Các cơ chế, chính sách; các văn bản quy phạm pháp\nluật"],
    ["**II**", "**Phát triển hạ tầng**", "", "", "", ""],
    ["Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm đầu ra", ""],
    ["2.2", "Triển khai chiến lược, kế hoạch chuyển đổi số, lộ\ntrình số hoá và thông minh hoá lĩnh vực giao "
            "thông và lĩnh vực hạ tầng đô thị", "Sở Xây dựng", "Các sở, ban, ngành; UBND các phường, xã",
     "2026 - 2030", "Chiến lược và Kế hoạch"],
]


def test_markdown_table_split_headers_and_nested_groups():
    res = tasks_from_table(Table(rows=DONGNAI_ROWS), 2025)
    assert [t.id for t in res.tasks] == ["appendix:A.I.1.1", "appendix:A.II.2.2"]
    t = res.tasks[0]
    assert t.section == "A.I" and t.row == "1.1"
    assert t.description.startswith("Rà soát, xây dựng, sửa đổi, bổ sung các quy định pháp luật cho")
    assert t.lead == ["Sở Tư pháp"]
    assert t.deadline.text == "2026 - 2030" and t.deadline.kind == "period"
    assert t.extra["Sản phẩm đầu ra"].startswith("Các cơ chế, chính sách")
    assert res.tasks[1].lead == ["Sở Xây dựng"]


def test_table_without_task_columns_is_ignored():
    rows = [["TT", "Họ và tên", "Chức vụ"], ["1", "Mai Sơn", "Phó Chủ tịch"]]
    assert tasks_from_table(Table(rows=rows)).tasks == []


def test_headerless_table_goes_on_from_previous():
    first = tasks_from_table(Table(rows=DONGNAI_ROWS[:4]), 2025)
    more = tasks_from_table(Table(rows=[DONGNAI_ROWS[4], DONGNAI_ROWS[6]]), 2025, previous=first)
    assert [t.id for t in more.tasks] == ["appendix:A.II.2.2"]


@pytest.mark.parametrize("lines, want", [
    # 097 Bộ Tư pháp 2015
    (["Đơn vị chủ trì: Vụ Pháp luật hình sự - hành chính.",
      "Đơn vị phối hợp: Vụ Các vấn đề chung về xây dựng pháp luật, Vụ Pháp luật dân sự - kinh tế.",
      "Thời gian thực hiện: Cả năm 2015."],
     {"lead": "Vụ Pháp luật hình sự - hành chính",
      "coordinators": "Vụ Các vấn đề chung về xây dựng pháp luật, Vụ Pháp luật dân sự - kinh tế",
      "deadline": "Cả năm 2015"}),
    # 027 Kon Tum 2020
    (["Cơ quan thực hiện: Sở Lao động - Thương binh và xã hội chủ trì, phối hợp với Liên đoàn Lao động tỉnh; "
      "các sở, ngành liên quan; Uỷ ban nhân dân các huyện, thành phố.",
      "Thời gian thực hiện: Thực hiện thường xuyên."],
     {"lead": "Sở Lao động - Thương binh và xã hội chủ trì, phối hợp với Liên đoàn Lao động tỉnh; "
              "các sở, ngành liên quan; Uỷ ban nhân dân các huyện, thành phố",
      "deadline": "Thực hiện thường xuyên"}),
    # a bullet that names a body is not a block label
    (["Các sở, ban, ngành: Tăng cường quản lý, chỉ đạo định hướng hoạt động của các hội ngành"], {}),
])
def test_block_fields(lines, want):
    assert block_fields(lines) == want
