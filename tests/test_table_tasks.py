"""Task tables: header words, real Table rows (DOCX merged cells, Markdown), flattened
tables rebuilt from raw lines (Bắc Giang appendix), per-task block labels."""
from pathlib import Path

import pytest

from vanban.extractors.tasks.blocks import block_fields
from vanban.extractors.tasks.columns import column_role
from vanban.extractors.tasks.flat import rebuild_flat, tasks_from_flat
from vanban.extractors.tasks.table import tasks_from_table
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
    ("Đơn vị tính", "extra"),                                 # 044 budget tables: a unit, not a body
    ("Thực hiện 2024", None),                                 # a figure column, not a lead
    # the word found first decides (090 Phụ lục: "STT | Đơn vị | Nhiệm vụ chủ trì | Đơn vị phối hợp | ...")
    ("Nhiệm vụ chủ trì", "description"),                     # 090: a task column that also says "chủ trì"
    ("Đơn vị", "lead"),                                       # 090: weak lead word alone
    ("Đơn vị phối hợp", "coordinators"),                      # 090: the longer word at the same place
    ("Cơ quan chủ trì nhiệm vụ", "lead"),                     # "chủ trì" before "nhiệm vụ"
    ("Cơ quan, đơn vị phối hợp", "coordinators"),             # weak words only when nothing else is said
    ("Cơ quan  \nchủ trì", "lead"),                           # 086 flattened header line by line
    ("Sản phẩm  ", "extra"),                                  # 086
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


def test_figures_table_is_not_a_task_table():
    # 044 Cà Mau: task-like header words over a table of figures
    rows = [["STT", "Nội dung", "Đơn vị tính", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
            ["1", "Tổng sản phẩm trong nước của địa phương (GRDP) giá hiện hành", "Tỷ đồng", "125.000", "", "2026"],
            ["2", "Tốc độ tăng trưởng GRDP", "%", "8,0", "", "2026"]]
    res = tasks_from_table(Table(rows=rows), 2025)
    assert res.tasks == [] and res.warnings[0].code == "task_table_rejected"


def test_procedure_steps_are_not_tasks():
    # 058 Đồng Tháp: steps of an administrative procedure (no "chủ trì", no "phối hợp" column)
    rows = [["TT", "Cơ quan, bộ phận, người thực hiện", "Nội dung công việc", "Thời gian thực hiện"],
            ["1", "Trung tâm phục vụ hành chính công cấp tỉnh",
             "- Tiếp nhận hồ sơ, vào sổ theo dõi, ghi biên nhận hồ sơ", "0,5 ngày"]]
    assert tasks_from_table(Table(rows=rows), 2025).tasks == []


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


# 090 (175/NQ-CP, PDF) Phụ lục: lead column first, its number and lead cells merged over several
# task rows; a row at the top of a page has empty number and lead cells and its own deadline.
NQ175_ROWS = [
    ["STT", "Đơn vị", "Nhiệm vụ chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
    ["2", "Bộ Công an", "Xây dựng, ban hành hoặc trình cấp có thẩm quyền ban hành quy định về Chiến lược dữ liệu, "
     "Tiêu chuẩn dữ liệu tại Trung tâm dữ liệu quốc gia",
     "(1) Bộ Thông tin và Truyền thông (2) Các bộ, ngành, địa phương", "Tháng 9/2024"],
    ["", "", "Rà soát hiện trạng Công nghệ thông tin tại các bộ, ngành (số lượng rack; danh mục thiết bị bảo mật; "
     "danh mục thiết bị mạng; danh mục máy chủ; danh mục thiết bị lưu trữ; danh mục công nghệ nền tảng) đang sử "
     "dụng và dự kiến nhu cầu đầu tư, trang cấp trong giai đoạn 2023 - 2025",
     "(1) Bộ Thông tin và Truyền thông (2) Các bộ, ngành, địa phương có liên quan", "Quý IV/2023"],
    ["3", "Bộ Kế hoạch và Đầu tư", "Trình cấp có thẩm quyền bổ sung các dự án đầu tư xây dựng và mua sắm trang "
     "thiết bị, phần mềm, cơ sở dữ liệu của Đề án vào Kế hoạch đầu tư công trung hạn giai đoạn 2020 - 2025",
     "(1) Bộ Tài chính (2) Bộ Công an", "Quý IV/2023"],
]


@pytest.mark.parametrize("k, row, lead, coordinators, desc_start", [
    (0, "2", ["Bộ Công an"], ["Bộ Thông tin và Truyền thông", "Các bộ, ngành, địa phương"], "Xây dựng, ban hành"),
    (1, "2", ["Bộ Công an"], ["Bộ Thông tin và Truyền thông", "Các bộ, ngành, địa phương có liên quan"],
     "Rà soát hiện trạng"),                             # inherits the merged number and lead
    (2, "3", ["Bộ Kế hoạch và Đầu tư"], ["Bộ Tài chính", "Bộ Công an"], "Trình cấp có thẩm quyền"),
])
def test_lead_first_table_with_merged_cells(k, row, lead, coordinators, desc_start):
    res = tasks_from_table(Table(rows=NQ175_ROWS), 2023)
    assert len(res.tasks) == 3
    t = res.tasks[k]
    assert (t.row, t.lead, t.coordinators) == (row, lead, coordinators)
    assert t.description.startswith(desc_start)


def test_broken_row_without_deadline_still_joins_the_row_above():
    # a row cut by the page: the rest has no number, no lead and no deadline of its own
    rows = [NQ175_ROWS[0], NQ175_ROWS[1][:4] + [""], ["", "", "tại các bộ, ngành", "", ""]]
    res = tasks_from_table(Table(rows=rows), 2023)
    assert len(res.tasks) == 1 and res.tasks[0].description.endswith("tại các bộ, ngành")


# 085 (982/QĐ-TTg, PDF): group "6" over rows "6.1" ... "6.3", then rows "7" and "8" at the top level
GROUPS_982 = [
    ["TT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian thực hiện"],
    ["6.", "Thúc đẩy doanh nghiệp công nghệ số thực hiện mua bán, sáp nhập", "", "", "", ""],
    ["6.3", "Xây dựng cơ chế tiếp tục hỗ trợ các doanh nghiệp công nghệ số đã thực hiện thành công các thương vụ "
     "mua bán, sáp nhập", "Bộ Khoa học và Công nghệ", "Bộ Tài chính", "Cơ chế, chính sách được ban hành",
     "Quý IV/2026"],
    ["7.", "Nghiên cứu đề xuất bổ sung chức năng nhiệm vụ cho các đại diện khoa học và công nghệ của Việt Nam",
     "Bộ Khoa học và Công nghệ", "Bộ Tài chính", "Chức năng, nhiệm vụ được bổ sung", "Quý IV/2026"],
]


def test_row_after_arabic_group_closes_it():
    res = tasks_from_table(Table(rows=GROUPS_982), 2026)
    assert [(t.section, t.row) for t in res.tasks] == [("6", "6.3"), ("", "7")]
    assert res.tasks[1].extra == {"Sản phẩm": "Chức năng, nhiệm vụ được bổ sung"}


@pytest.mark.parametrize("expected, line, want", [
    ("1", "1.1", "1.1"),          # 086: "1." group row, then "1.1" without a dot
    ("1.7", "2.", "2"),           # next parent
    ("6.3", "7.", "7"),           # 086: back to the top level
    ("1.7", "2.1", "2.1"),        # next parent's first child (its group row missing)
    ("1.1", "1.2", "1.2"),
    ("1.1", "3.1", None),         # a skipped number is no row start
    ("1.1", "2025", None),        # a year
])
def test_flat_row_numbers(expected, line, want):
    from vanban.extractors.tasks.flat import _is_row_start
    assert _is_row_start(line, expected, {1}) == want


def _flat_lines(name: str) -> list[str]:
    from vanban.pipeline.layout import layout
    from vanban.pipeline.normalise import normalise
    from vanban.pipeline.read import read
    from vanban.pipeline.types import FlatTable
    doc = layout(normalise(read(str(CORPUS / name))))
    return [x.text for b in doc.blocks if isinstance(b, FlatTable) for x in b.lines]


@pytest.fixture(scope="module")
def qd982_text():
    return tasks_from_flat(_flat_lines("086_ttg-qd-982-qd-ttg-2026-repo-txt.txt"), 2026)


@pytest.mark.parametrize("row, section, lead, deadline", [
    ("1.1", "1", ["Bộ Tài chính"], "Nhiệm vụ thường xuyên"),
    # cut by the page after one line of each cell: "Nghiên cứu xây dựng tiêu chuẩn cơ" / "Bộ Khoa học và" /
    # "Cơ quan, tổ chức" / "Tiêu chuẩn, quy" / "Quý IV/2026", then the headings again and "sở, tiêu chuẩn ..."
    ("1.4", "1", ["Bộ Khoa học và Công nghệ"], "Quý IV/2026"),
    # cut by the page inside the description; the rest of the coordinators after it
    ("1.7", "1", ["Bộ Tài chính"], "Quý IV/2026"),
    # "Bộ Công Thương;" / "Bộ Ngoại giao;" end with ";" but are not the description's end
    ("2.6", "2", ["Bộ Khoa học và Công nghệ"], "Nhiệm vụ thường xuyên"),
    ("7", "", ["Bộ Khoa học và Công nghệ"], "Quý IV/2026"),
])
def test_flat_table_numbered_groups_and_page_breaks(qd982_text, row, section, lead, deadline):
    t = next(t for t in qd982_text.tasks if t.row == row)
    assert (t.section, t.lead) == (section, lead)
    assert t.deadline is not None and t.deadline.text == deadline


def test_flat_table_982_rows_and_products(qd982_text):
    assert len(qd982_text.tasks) == 34
    assert qd982_text.groups["2"].startswith("Đẩy mạnh nghiên cứu, phát triển sản phẩm")
    t = next(t for t in qd982_text.tasks if t.row == "1.2")
    assert t.extra == {"Sản phẩm": "Cơ chế, chính sách được ban hành"}
    assert t.coordinators == ["Bộ Khoa học và Công nghệ", "Cơ quan, tổ chức và doanh nghiệp liên quan"]


@pytest.mark.parametrize("header, order", [
    # 086: the extra column "Sản phẩm" between the bodies and the deadline is cut out too
    ("TT Nhiệm vụ, giải pháp Cơ quan chủ trì Cơ quan phối hợp Sản phẩm Thời gian thực hiện",
     ["description", "lead", "coordinators", "extra", "deadline"]),
    # Bắc Giang
    ("TT Nội dung nhiệm vụ Cơ quan chủ trì thực hiện Cơ quan phối hợp Thời gian",
     ["description", "lead", "coordinators", "deadline"]),
    # 091: the lead column first, its cells merged over rows: not rebuilt
    ("STT Đơn vị Nhiệm vụ chủ trì Đơn vị phối hợp Thời gian hoàn thành", None),
])
def test_flat_column_order(header, order):
    from vanban.extractors.tasks.flat import _flat_column_order
    assert _flat_column_order(header) == order
