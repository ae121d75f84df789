"""Row-per-line Markdown pipe tables, whole or broken across lines by a converter; a drafting-body
column leading a legislative schedule; footnotes printed after the signature kept out of the
portal trailer's cell.  Texts quoted from pool md/ae8d299abf846604 (corpus 131, NQ 1339/NQ-UBTVQH15),
md/fa0dcc139cec05de (corpus 132, CĐ 230/CĐ-TTg) and md/04859afb44764ddc (a wage table)."""
from pathlib import Path

import pytest

from vanban.extractors.tasks.columns import header_roles, lead_and_noted
from vanban.pipeline.read_markdown import markdown_items
from vanban.pipeline.run import parse
from vanban.pipeline.types import Line, Table

CORPUS = Path(__file__).parent.parent / "corpus"

#: the plan's table as the converter wrote it: rows broken over lines, bar filler lines between rows,
#: a row's cells over three `|` lines, an empty TT column (Hồ sơ cells shortened)
NQ1339_TABLE = """\
| TT | Tên văn bản | Cơ quan trình | Cơ quan soạn thảo | Cơ quan thẩm tra/chuẩn bị ý kiến | Tiến độ | Hồ sơ | |
|
| I. Văn bản thuộc thẩm quyền ban hành của Quốc hội |
| |||||
| | Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội và các luật khác có liên quan đến tổ chức và hoạt động của Quốc hội | Ủy ban Thường vụ Quốc hội | Ban soạn thảo do UBTVQH thành lập (Thường trực Ủy ban Pháp luật là cơ quan thường trực của Ban soạn thảo)
| - Ủy ban Pháp luật chủ trì thẩm tra; - Hội đồng Dân tộc, các Ủy ban của Quốc hội tham gia.
| - Trình UBTVQH tại Phiên họp thứ 42 (tháng 02/2025); - Trình Quốc hội xem xét, thông qua tại Kỳ họp bất thường lần thứ 9 (cuối tháng 02/2025). | - Hồ sơ trình UBTVQH gồm có: (1) Tờ trình về dự án Luật | |
| II. Văn bản thuộc thẩm quyền ban hành của Ủy ban Thường vụ Quốc hội | |||||||
|
| |||||||
| | Nghị quyết về việc giải thể Viện Nghiên cứu lập pháp | Ban Công tác đại biểu |
Ban Công tác đại biểu (Viện Nghiên cứu lập pháp phối hợp chuẩn bị dự thảo) |
| Trình UBTVQH xem xét, thông qua trước ngày 10/01/2025 | - Hồ sơ trình UBTVQH gồm có: (1) Tờ trình về dự thảo Nghị quyết | |
| Nghị quyết sửa đổi, bổ sung một số điều của Nghị quyết số 1156/2016/UBTVQH13 ngày 17/3/2016 của Ủy ban Thường vụ Quốc hội về chức năng, nhiệm vụ, quyền hạn và tổ chức của Ban Dân nguyện | Ban Dân nguyện | Ban Dân nguyện | - Ủy ban Pháp luật chủ trì thẩm tra; - Hội đồng Dân tộc, các Ủy ban của Quốc hội phối hợp | Trình UBTVQH xem xét, thông qua trước ngày 10/01/2025 | - Hồ sơ trình UBTVQH gồm có: (1) Tờ trình về dự thảo Nghị quyết
| ||
| Nghị quyết sửa đổi, bổ sung một số điều của Nghị quyết số 32/2023/UBTVQH15 ngày 15/4/2023 của Ủy ban Thường vụ Quốc hội về nhiệm vụ, quyền hạn và cơ cấu tổ chức của Ban Thư ký
| Tổng Thư ký Quốc hội -Văn phòng Quốc hội | Tổng Thư ký Quốc hội -Văn phòng Quốc hội |
| Trình UBTVQH xem xét, thông qua trước ngày 10/01/2025 | - Hồ sơ trình UBTVQH gồm có: (1) Tờ trình về dự thảo Nghị quyết trình Ủy ban Thường vụ Quốc hội
| ||

[1] Sau khi sửa đổi, bổ sung Luật Tổ chức Quốc hội thì nội dung này sẽ do Ủy ban Kinh tế và Ngân sách thực hiện.
"""


def _tables(text: str) -> list[Table]:
    return [it for it in markdown_items(text) if isinstance(it, Table)]


def test_broken_pipe_table_is_one_table_of_whole_rows():
    (table,) = _tables(NQ1339_TABLE)
    assert table.rows[0] == ["TT", "Tên văn bản", "Cơ quan trình", "Cơ quan soạn thảo",
                             "Cơ quan thẩm tra/chuẩn bị ý kiến", "Tiến độ", "Hồ sơ"]
    assert [r[0] for r in table.rows[1:]] == [
        "I. Văn bản thuộc thẩm quyền ban hành của Quốc hội", "",
        "II. Văn bản thuộc thẩm quyền ban hành của Ủy ban Thường vụ Quốc hội", "", "", ""]
    law = table.rows[2]                  # its cells over three lines, the line break no cell border
    assert law[3].startswith("Ban soạn thảo do UBTVQH thành lập (Thường trực")
    assert law[4].startswith("- Ủy ban Pháp luật chủ trì thẩm tra;")
    assert law[5].startswith("- Trình UBTVQH tại Phiên họp thứ 42")
    dissolve = table.rows[4]             # `|⏎|`: no examining body; a cell opening its line without a bar
    assert dissolve[1:6] == ["Nghị quyết về việc giải thể Viện Nghiên cứu lập pháp", "Ban Công tác đại biểu",
                             "Ban Công tác đại biểu (Viện Nghiên cứu lập pháp phối hợp chuẩn bị dự thảo)", "",
                             "Trình UBTVQH xem xét, thông qua trước ngày 10/01/2025"]
    secretariat = table.rows[6]
    assert secretariat[2:5] == ["Tổng Thư ký Quốc hội -Văn phòng Quốc hội"] * 2 + [""]
    assert secretariat[5] == "Trình UBTVQH xem xét, thông qua trước ngày 10/01/2025"


def test_text_after_the_table_stays_text():
    items = [it for it in markdown_items(NQ1339_TABLE) if not isinstance(it, Line) or it.text]
    assert isinstance(items[-2], Table)
    assert isinstance(items[-1], Line) and items[-1].text.startswith("[1] Sau khi sửa đổi")


def test_whole_pipe_table_reads_one_row_a_line():
    text = ("Nghị định quy định mức lương tối thiểu theo vùng như sau:\n\n"
            "| Vùng | Mức lương tối thiểu tháng (Đơn vị: đồng/tháng) | Mức lương tối thiểu giờ (Đơn vị: đồng/giờ) |\n"
            "| Vùng I | 5.310.000 | 25.500 |\n| Vùng II | 4.730.000 | 22.700 |\n\n**Điều 4.** Tiếp\n")
    (table,) = _tables(text)
    assert table.rows[1:] == [["Vùng I", "5.310.000", "25.500"], ["Vùng II", "4.730.000", "22.700"]]


def test_two_cell_rows_are_no_pipe_table_header():
    # `| Mẫu số 01 | Bản cáo bạch ... |` lines: two cells a line make no header row
    assert not _tables("| Mẫu số 01 | Bản cáo bạch chào bán |\n| Mẫu số 02 | Danh sách cổ đông |\n")


@pytest.mark.parametrize("header, lead", [
    (["TT", "Tên văn bản", "Cơ quan trình", "Cơ quan soạn thảo", "Cơ quan thẩm tra/chuẩn bị ý kiến", "Tiến độ",
      "Hồ sơ"], 3),                                            # the drafting body leads, not the submitter
    (["TT", "Tên văn bản", "Cơ quan soạn thảo", "Cơ quan chủ trì", "Thời hạn"], 3),   # a Chủ trì column first
])
def test_drafting_body_leads_where_no_chu_tri_column(header, lead):
    roles = header_roles(header)
    assert roles is not None and roles[1] == "description"
    assert [k for k, r in enumerate(roles) if r == "lead"] == [lead]


def test_submitting_body_alone_makes_no_task_table():
    # "Cơ quan trình" (who submits) is a weak lead word: with no Chủ trì / soạn thảo / phối hợp column,
    # a list of documents is no task table
    assert header_roles(["TT", "Tên văn bản", "Cơ quan trình", "Ngày ban hành"]) is None


@pytest.mark.parametrize("cell, lead, noted", [
    ("Ban Công tác đại biểu (Viện Nghiên cứu lập pháp phối hợp chuẩn bị dự thảo)", "Ban Công tác đại biểu",
     "Viện Nghiên cứu lập pháp"),
    ("Ủy ban Đối ngoại [3] (Văn phòng Quốc hội phối hợp chuẩn bị)", "Ủy ban Đối ngoại", "Văn phòng Quốc hội"),
    ("Ban soạn thảo do UBTVQH thành lập (Thường trực Ủy ban Pháp luật là cơ quan thường trực của Ban soạn thảo)",
     "Ban soạn thảo do UBTVQH thành lập (Thường trực Ủy ban Pháp luật là cơ quan thường trực của Ban soạn thảo)",
     ""),                                                      # a status, not who coordinates
])
def test_lead_cell_note_of_who_coordinates(cell, lead, noted):
    assert lead_and_noted(cell) == (lead, noted)


def test_nq1339_plan_rows_are_tasks_led_by_the_drafting_body():
    doc = parse(next(CORPUS.glob("131_*.md")))
    rows = [t for t in doc.tasks if t.origin == "appendix"]
    assert len(rows) == 11
    assert [t.section for t in rows] == ["I"] * 2 + ["II"] * 9
    assert len(rows[0].lead) == 1 and rows[0].lead[0].startswith("Ban soạn thảo do UBTVQH thành lập")
    assert rows[2].lead == ["Ban Công tác đại biểu"]
    assert rows[2].coordinators == ["Viện Nghiên cứu lập pháp"]
    assert rows[2].deadline.kind == "by_date" and str(rows[2].deadline.end) == "2025-01-10"
    assert any(s.path == "appendix" for s in doc.sections)


#: the signature cell, then the cell the converter closed only after the portal's trailer
CD230_TAIL = """\
|
**KT. THỦ TƯỚNG**
**PHÓ THỦ TƯỚNG**
**Nguyễn Hòa Bình**
|
[1] Lâm
Đồng, Bắc Ninh, Huế, Tuyên Quang, Phú Thọ, Cà Mau, Hà Nội.
[3] Về
kết quả thực hiện Kết luận số 77-KL/TW ngày 02/5/2024 của Bộ Chính trị và Nghị
quyết số 170/2024/QH15 ngày 30/11/2024 của Quốc hội
Công điện 230/CĐ-TTg năm 2025 khẩn trương hoàn thành cập nhật, rà soát và phân loại kết quả thanh tra chuyên đề các dự án tồn đọng kéo dài do Thủ tướng Chính phủ điện
Văn bản này chưa cập nhật nội dung Tiếng Anh
Công điện 230/CĐ-TTg ngày 26/11/2025 khẩn trương hoàn thành cập nhật
## Văn bản liên quan
Ban hành:
09/10/2025
|
|
**Địa chỉ:**
|
17 Nguyễn Gia Thiều, P. Xuân Hòa, TP.HCM
|
|
"""


def test_footnotes_in_the_trailer_cell_are_kept_the_trailer_dropped():
    text = " ".join(it.text for it in markdown_items(CD230_TAIL) if isinstance(it, Line))
    assert "Nguyễn Hòa Bình" in text
    assert "Kết luận số 77-KL/TW ngày 02/5/2024 của Bộ Chính trị" in text
    assert "170/2024/QH15 ngày 30/11/2024" in text
    for chrome in ("Công điện 230/CĐ-TTg năm 2025", "Văn bản này chưa cập nhật", "Văn bản liên quan",
                   "Ban hành:", "Nguyễn Gia Thiều"):
        assert chrome not in text


def test_a_cell_opening_with_the_portal_footer_is_dropped_whole():
    text = " ".join(it.text for it in markdown_items("|\n**Nguyễn Hòa Bình**\n|\nThưa Quý khách,\nĐúng 14 tháng trước\n|\n|\n")
                    if isinstance(it, Line))
    assert "Nguyễn Hòa Bình" in text and "Quý khách" not in text


def test_cd230_references_keep_their_dates_from_the_footnotes():
    doc = parse(next(CORPUS.glob("132_*.md")))
    refs = {r.identifier: r for r in doc.references}
    assert str(refs["170/2024/QH15"].date) == "2024-11-30"
    assert str(refs["77-KL/TW"].date) == "2024-05-02"


def test_a_trailer_cell_without_footnotes_keeps_nothing():
    # pool md/03741adae8c7c410: the page title (no year in it) sits in the trailer's cell, no footnote
    text = ("|\n**CHỦ TỊCH**\nPhùng Thị Hồng Hà\n|\n"
            "Nghị quyết 80/2025/NQ-HĐND quy định nội dung, mức chi hỗ trợ lực lượng Công an cấp xã trên địa bàn "
            "Thành phố Hà Nội\nVăn bản này chưa cập nhật nội dung Tiếng Anh\n## Văn bản liên quan\nBan hành:\n|\n|\n")
    lines = [it.text for it in markdown_items(text) if isinstance(it, Line) and it.text]
    assert lines == ["CHỦ TỊCH", "Phùng Thị Hồng Hà"]


def test_each_footnote_is_one_paragraph():
    items = [it for it in markdown_items(CD230_TAIL) if isinstance(it, Line) and it.text.startswith("[")]
    assert [it.text for it in items] == [
        "[1] Lâm Đồng, Bắc Ninh, Huế, Tuyên Quang, Phú Thọ, Cà Mau, Hà Nội.",
        "[3] Về kết quả thực hiện Kết luận số 77-KL/TW ngày 02/5/2024 của Bộ Chính trị và Nghị quyết số "
        "170/2024/QH15 ngày 30/11/2024 của Quốc hội"]
    assert all(it.paragraph for it in items)
