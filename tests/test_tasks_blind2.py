"""Tasks on the second set of blind documents (issue 10, classes 2, 3 and 6): Markdown task tables with
group title rows, a table that runs into the next appendix's title, items numbered inside a paragraph,
a heading line that runs on into its text, tasks without work.  Real documents of the pool kept in
corpus/ (110-113), and real lines of other pool documents."""
from pathlib import Path

from vanban.extractors.tasks import extract_tasks
from vanban.pipeline.layout import layout
from vanban.pipeline.normalise import normalise
from vanban.pipeline.read import read
from vanban.pipeline.md_tables import MdTable, md_segments
from vanban.pipeline.tree import build_tree
from vanban.pipeline.tree.headings import split_heading
from vanban.schemas.models import Metadata

CORPUS = Path(__file__).parent.parent / "corpus"


def _tasks_of(path: str, data: bytes | None = None):
    doc = layout(normalise(read(path, data)))
    tasks, _ = extract_tasks(doc, build_tree(doc), Metadata(date="2025-11"))
    return tasks


def _tasks(pattern: str):
    return _tasks_of(str(next(CORPUS.glob(pattern))))


def test_group_title_row_of_a_markdown_table_is_neither_task_nor_continuation():
    # 113 (624/TB-VPCP) Phụ lục II: "| ** ** | **Nhiệm vụ giao Bộ trưởng Bộ Nội vụ chỉ đạo** | ** ** | ..."
    # between row 15 (Bộ Công an) and row 16 (Bộ Nội vụ)
    rows = [t for t in _tasks("113_pool-*.md") if t.origin == "appendix"]
    assert not any("Nhiệm vụ giao" in t.description for t in rows)
    assert all(t.lead for t in rows)
    row15 = next(t for t in rows if t.description.startswith("Chủ trì, phối hợp với các bộ, ngành xây dựng Trung tâm"))
    assert row15.description.endswith("điều hành an ninh mạng quốc gia")
    assert row15.lead == ["Bộ Công an"]


def test_markdown_table_ends_at_the_next_appendix_title():
    # 113: the last row of Phụ lục I ("19. | Xây dựng Nghị định quy định chính sách học bổng ... | Nghị quyết số
    # 71/NQ-CP | Bộ Giáo dục và Đào tạo | 30/09/2025 |") is followed by "**PHỤ LỤC II**" with no blank line
    lines = ["|", "|", "19.", "|", "Xây dựng Nghị định quy định chính sách học bổng", "|", "Bộ Giáo dục và Đào tạo",
             "|", "30/09/2025", "|", "**PHỤ LỤC II**", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ TẠI THÔNG BÁO KẾT LUẬN SỐ"]
    segments = md_segments(lines)
    assert isinstance(segments[0], MdTable)
    assert segments[1:] == ["**PHỤ LỤC II**", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ TẠI THÔNG BÁO KẾT LUẬN SỐ"]
    row = next(t for t in _tasks("113_pool-*.md") if t.description.startswith("Xây dựng Nghị định quy định chính sách học bổng"))
    assert row.origin == "appendix" and row.lead == ["Bộ Giáo dục và Đào tạo"]
    assert row.deadline.kind == "by_date" and row.deadline.end == "2025-09-30"


def test_items_numbered_inside_a_paragraph_each_name_their_body():
    # 113 III.3: "Khẩn trương xây dựng và ban hành chiến lược chuyển đổi số và chiến lược dữ liệu: (1) Thanh tra
    # Chính phủ ban hành trước ngày 25 tháng 11 năm 2025; (2) Bộ Công an chủ trì, phối hợp các bộ, cơ quan ..."
    tasks = [t for t in _tasks("113_pool-*.md") if t.section.startswith("III.3")]
    assert [(t.section, t.lead[0]) for t in tasks] == [("III.3.1", "Thanh tra Chính phủ"), ("III.3.2", "Bộ Công an")]
    assert tasks[0].description == "Thanh tra Chính phủ ban hành trước ngày 25 tháng 11 năm 2025"
    # 108 (653/TB-VPCP) 1.b: "... (iv) Giao Bộ Công Thương nghiên cứu, xem xét theo thẩm quyền ..."
    tasks = {t.section: t for t in _tasks("108_pool-*.md")}
    assert tasks["1.b.iv"].lead == ["Bộ Công Thương"]


def test_heading_line_that_runs_on_after_its_colon():
    # 113 III.2: "**2. Đẩy mạnh rà soát, xây dựng, / hoàn thiện thể chế, cơ chế chính sách:**** **Các bộ khẩn trương trình"
    assert split_heading("Đẩy mạnh rà soát, xây dựng, hoàn thiện thể chế, cơ chế chính sách: Các bộ khẩn trương trình") \
        == ("Đẩy mạnh rà soát, xây dựng, hoàn thiện thể chế, cơ chế chính sách", "Các bộ khẩn trương trình")
    # names after the colon stay in the title (105 IV.12, 030 IV.6)
    assert split_heading("Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông")[1] == ""
    assert split_heading("Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh")[1] == ""
    task = next(t for t in _tasks("113_pool-*.md") if t.section == "III.2")
    assert task.lead == ["Các bộ"]


def test_plus_item_naming_its_body_and_a_partner_before_the_colon():
    # 112 (1627/QĐ-UBND) IV.1.3: "+ Sở / Tài chính phối hợp Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp
    # Quảng Ngãi: hướng dẫn các cơ quan, tổ chức, đơn vị, địa phương thực hiện kiểm kê, ..."
    tasks = [t for t in _tasks("112_pool-*.md") if t.section.startswith("appendix.IV.1.3")]
    finance = [t for t in tasks if t.lead == ["Sở Tài chính"]]
    assert len(finance) == 1 and finance[0].description.startswith("Sở Tài chính phối hợp Ban Quản lý")


def test_list_of_units_is_no_task():
    # pool md/c0d7ba6795eecf17.md (Nghị quyết of UBTVQH on the structure of VKSNDTC), Điều 1
    text = ("**NGHỊ QUYẾT**\n\n**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n**QUYẾT NGHỊ:**\n\n**Điều 1**\n\n"
            "Phê chuẩn đề nghị của Viện trưởng Viện kiểm sát nhân dân tối cao về bộ máy làm việc của Viện kiểm sát "
            "nhân dân tối cao, gồm:\n\n1. Ủy ban Kiểm sát;\n\n2. Văn phòng;\n\n"
            "3. Vụ Công tố và Kiểm sát điều tra án an ninh;\n\n4. Vụ Công tố và Kiểm sát điều tra án trật tự xã hội;\n\n"
            "9. Cơ quan điều tra Viện kiểm sát nhân dân tối cao;\n\n10. Vụ Kiểm sát giam giữ và thi hành án hình sự;\n")
    tasks = _tasks_of("c0d7ba67.md", text.encode())
    assert not any(t.description.startswith("Vụ Công tố") for t in tasks)
    assert not any(t.description.startswith(("Cơ quan điều tra", "Vụ Kiểm sát giam giữ")) for t in tasks)


def test_assignment_whose_lead_swallowed_the_sentence_keeps_its_body():
    # pool md/4bda44e45e4f1633.md, Điều 2: "2. Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ / tục hành chính
    # trên Hệ thống Thông tin giải quyết thủ tục hành chính Thành phố."
    text = ("**QUYẾT ĐỊNH:**\n**Điều 1.** Công bố kèm theo Quyết định này danh\n"
            "mục **03** thủ tục hành chính được sửa đổi, bổ sung lĩnh vực Hoạt động khoa\n"
            "học và công nghệ thuộc phạm vi chức năng quản lý của Sở Khoa học và Công nghệ.\n"
            "**Điều 2.** Tổ chức thực hiện\n1. Giao Sở Khoa học và Công nghệ rà soát, đánh giá tiêu\n"
            "chí để cung cấp dịch vụ công trực tuyến trong thực hiện thủ tục hành chính trên\n"
            "môi trường điện tử; xây dựng quy trình nội bộ giải quyết thủ tục hành chính\ntheo quy định.\n"
            "2. Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ\n"
            "tục hành chính trên Hệ thống Thông tin giải quyết thủ tục hành chính Thành phố.\n"
            "**Điều 3.** Quyết định này có hiệu lực thi hành\n")
    tasks = {t.section: t for t in _tasks_of("4bda44e4.md", text.encode())}
    assert tasks["Điều 2.2"].lead == ["Trung tâm Chuyển đổi số Thành phố"]
    assert tasks["Điều 2.2"].description.startswith("Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục hành chính")


def test_holder_heading_of_a_steering_committee_head():
    # 112 IV.1.1: "*1.1. / Trưởng Ban Chỉ đạo*" then "- Phụ / trách chung, trực tiếp điều hành, chỉ đạo, ..."
    tasks = [t for t in _tasks("112_pool-*.md") if t.section.startswith("appendix.IV.1.1")]
    assert tasks and all(t.lead == ["Trưởng Ban Chỉ đạo"] for t in tasks)
