"""Tasks on unseen documents (issue 10): work is work, assignments inside a paragraph, wrapped
headings, compound and silent deadlines.  Real documents of the pool kept in corpus/ (100-109)."""
from pathlib import Path

import pytest

from vanban.extractors.tasks import extract_tasks
from vanban.extractors.tasks.lead_names import names_only
from vanban.pipeline.layout import layout
from vanban.pipeline.normalise import normalise
from vanban.pipeline.read import read
from vanban.pipeline.tree import build_tree
from vanban.schemas.models import Metadata

CORPUS = Path(__file__).parent.parent / "corpus"


def _tasks(pattern: str):
    path = next(CORPUS.glob(pattern))
    doc = layout(normalise(read(str(path))))
    tasks, warnings = extract_tasks(doc, build_tree(doc), Metadata(date="2025-11"))
    return {t.id: t for t in tasks}, warnings


def test_assignment_in_a_later_sentence_of_an_article():
    # 102 Cà Mau 01814/QĐ-UBND Điều 2: "... có hiệu lực thi hành kể từ ngày ký. Giao Sở Giáo dục và Đào tạo chủ trì, ..."
    tasks, _ = _tasks("102_pool-*.md")
    assert tasks["body:Điều 2"].lead == ["Sở Giáo dục và Đào tạo"]


def test_one_word_heading_is_a_wrapped_sentence():
    # 103 386/NQ-CP: "**Điều 4. **Các" / "Bộ trưởng, Thủ trưởng các cơ quan có liên quan chịu trách nhiệm ..."
    tasks, _ = _tasks("103_pool-*.md")
    assert tasks["body:Điều 4"].lead == ["Các Bộ trưởng, Thủ trưởng các cơ quan có liên quan"]   # titles + body: one holder


def test_recipients_line_without_label_is_no_task():
    # 104 1660/NQ-UBTVQH15: "- Chính phủ; - Ban Tổ chức Trung ương; ... - Lưu: HC, PLTP." after Điều 3
    tasks, _ = _tasks("104_pool-*.md")
    assert not any("Ban Tổ chức Trung ương;" in t.description for t in tasks.values())
    assert "body:Điều 3.3" in tasks


@pytest.mark.parametrize("text, expected", [
    ("Chính phủ; - Ban Tổ chức Trung ương; - Ủy ban TW Mặt trận Tổ quốc Việt Nam; - Lưu: HC, PLTP.", True),  # 104
    ("Ủy ban Kiểm sát; 2. Văn phòng; 3. Vụ Tổng hợp", True),          # issue 10: a list of units
    ("Sở Y tế", True),
    ("Sở Giáo dục và Đào tạo chủ trì, phối hợp với đơn vị có liên quan tổ chức thực hiện", False),  # 102
    ("Bãi bỏ Quyết định số 1374/QĐ-UBND ngày 30 tháng 6 năm 2025", False),                         # 100
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường tổ chức niêm yết công khai "
     "đầy đủ danh mục tại Trung tâm Phục vụ hành chính công tỉnh", False),                          # 100 Điều 3.2
    ("Cơ quan, tổ chức, cá nhân có liên quan", True),
])
def test_names_only(text, expected):
    assert names_only(text) is expected


def test_every_unparsed_deadline_has_a_warning_at_its_task():
    for pattern in ("100_pool-*.md", "104_pool-*.md", "106_pool-*.md", "109_pool-*.md"):
        tasks, warnings = _tasks(pattern)
        warned = {w.location for w in warnings if w.code == "deadline_unparsed"}
        for t in tasks.values():
            if t.deadline is not None and t.deadline.kind == "unparsed":
                assert t.id in warned


def test_a_blocks_deadline_with_an_event_for_its_end_is_read_and_not_warned():
    # pool md/4e39af96b6891368.md: "- Thời gian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê."
    # under each holder's duties: it was unparsed and warned at its task; now a start with an open end
    path = Path(__file__).parent / "data" / "pool-4e39af96-kiem-ke.md"
    doc = layout(normalise(read(str(path))))
    tasks, warnings = extract_tasks(doc, build_tree(doc), Metadata(date="2025-11"))
    until = [t for t in tasks if t.deadline is not None and "đến khi kết thúc" in t.deadline.text]
    assert len(until) >= 5
    assert {(t.deadline.kind, t.deadline.end) for t in until} == {("from", None)}
    assert {t.deadline.start for t in until} <= {"2025-10-01", "2025-11-01", "2025-12-01"}
    warned = {w.location for w in warnings if w.code == "deadline_unparsed"}
    assert not warned & {t.id for t in until}
    unparsed = [t for t in tasks if t.deadline is not None and t.deadline.kind == "unparsed"]
    assert all(t.id in warned for t in unparsed)


def test_numbered_heading_rows_inside_a_table_open_groups():
    # pool md/74e2ddc7b11340da.md (624/TB-VPCP), PHỤ LỤC I: one Markdown table holding
    # "**1. Các nhiệm vụ ...**" rows 1-9, then "| 2. Các nhiệm vụ về chuyển đổi số ... | STT | Nhiệm vụ | ..."
    # (heading and repeated header shifted into one row) and rows 1-46, then "3. ..." and rows 1-18;
    # PHỤ LỤC II numbers its rows from 1 again.
    path = Path(__file__).parent / "data" / "pool-74e2ddc7-tb-vpcp-624.md"
    doc = layout(normalise(read(str(path))))
    tasks, _ = extract_tasks(doc, build_tree(doc), Metadata(date="2025-11"))
    ids = [t.id for t in tasks if t.origin == "appendix"]
    assert {"appendix:9", "appendix:2.1", "appendix:2.46", "appendix:3.1", "appendix:3.18"} <= set(ids)
    assert "appendix:1-2" not in ids and "appendix:1-3" not in ids
    assert "appendix:appendix-2.1" in ids
    assert not any(t.description.endswith("Thời hạn hoàn thành") for t in tasks)


def test_lead_after_a_topic_lead_in():
    # 108 653/TB-VPCP 2.c: "c) Về việc thỏa thuận giao cắt tuyến ống Cái Mép-Phú Mỹ: Ủy ban nhân dân Thành phố
    # Hồ Chí Minh xử lý dứt điểm trong tháng 11 năm 2025, ..."
    from vanban.extractors.tasks import read_assignment
    got = read_assignment("Về việc thỏa thuận giao cắt tuyến ống Cái Mép-Phú Mỹ: Ủy ban nhân dân Thành phố Hồ Chí "
                          "Minh xử lý dứt điểm trong tháng 11 năm 2025")
    assert got is not None and got[0] == ["Ủy ban nhân dân Thành phố Hồ Chí Minh"]
    tasks, _ = _tasks("108_pool-*.md")
    assert tasks["body:2.c"].lead == ["Ủy ban nhân dân Thành phố Hồ Chí Minh"]


def test_row_ids_never_from_text_and_shifted_rows_put_back():
    # pool md/646f0a00d4174382.md, Phụ lục I `STT | Cơ quan chủ trì | Cơ quan phối hợp | Thuộc nhóm ... | Nội dung
    # nhiệm vụ | Chỉ tiêu | Thời hạn`: under `D. | BỘ KHOA HỌC VÀ CÔNG NGHỆ` the converter dropped the merged STT
    # cell, so the row reads `| Bộ Khoa học và Công nghệ | - Bộ Nông nghiệp và Môi trường ... | ... | |`.
    path = Path(__file__).parent / "data" / "pool-646f0a00-qd-ttg-khong-khi.md"
    doc = layout(normalise(read(str(path))))
    tasks, _ = extract_tasks(doc, build_tree(doc), Metadata(date="2025-11"))
    rows = {t.id: t for t in tasks if t.origin == "appendix"}
    assert not any("Bộ" in i or " " in i for i in rows)                  # was "appendix:D.Bộ Khoa học và Công nghệ"
    d = next(t for i, t in rows.items() if i.startswith("appendix:D."))
    assert d.lead == ["Bộ Khoa học và Công nghệ"]
    assert d.coordinators[:1] == ["Bộ Nông nghiệp và Môi trường"]
    assert rows["appendix:A.1"].lead == ["Bộ Nông nghiệp và Môi trường"]


@pytest.mark.parametrize("text, expected", [
    ("Mức 400.000 đồng/người/buổi áp dụng đối với Trưởng ban.", True),      # pool md/b50a2c837e9adc09.md
    ("Mức 1.500.000 đồng/người/buổi áp dụng đối với Trưởng ban.", True),
    ("Sở Tài chính hướng dẫn mức chi 400.000 đồng/người/buổi", False),
])
def test_rates_are_not_work(text, expected):
    from vanban.extractors.tasks.rates import is_rate
    assert is_rate(text) is expected


@pytest.mark.parametrize("text, lead", [
    # pool md/d3d459d0a856471f.md, an administrative procedure in an appendix: a field of the form
    ("Cơ quan có thẩm quyền công nhận: Ủy ban nhân dân Thành phố Hồ Chí Minh 3. Kết quả thực hiện:", None),
    # corpus 071 (2003/CĐ-VPCP), the addressees of a telegram: a group and its members
    ("Các tổ chức chính trị - xã hội: Tổng Liên đoàn Lao động Việt Nam, Trung ương Hội Nông dân Việt Nam, "
     "Trung ương Hội Cựu chiến binh Việt Nam.", None),
    # pool md/5be267825b46d313.md, the fields of a procedure's form
    ("Cơ quan trực tiếp thực hiện TTHC: Sở Dân tộc và Tôn giáo.", None),
    ("Cơ quan giải quyết TTHC NB: Cơ quan hoặc người có thẩm quyền quyết định TTHC: Ủy ban nhân dân thành phố.", None),
    # work after the colon stays a task
    ("Sở Nội vụ: Chủ trì, phối hợp với Văn phòng UBND tỉnh xây dựng quy trình nội bộ.", ["Sở Nội vụ"]),
])
def test_a_label_whose_colon_names_a_body_is_a_field_not_work(text, lead):
    from vanban.extractors.tasks.assignment import read_assignment
    got = read_assignment(text)
    assert (got[0] if got else None) == lead


@pytest.mark.parametrize("text, lead", [
    # corpus 116 (627/TB-VPCP, pool md/50f694478a35aefd.md) III.3 and III.4: provinces and cities as actors
    ("Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện Báo cáo nghiên cứu tiền khả thi",
     ["Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng"]),
    ("Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh tiến độ lập, phê duyệt Báo cáo nghiên cứu khả thi",
     ["Thành phố Hà Nội", "Các tỉnh Bắc Ninh, Gia Lai"]),
    ("Thành phố Hồ Chí Minh, tỉnh Lâm Đồng đẩy nhanh việc lựa chọn nhà đầu tư, nhà thầu",
     ["Thành phố Hồ Chí Minh", "Tỉnh Lâm Đồng"]),
    ("Bộ Xây dựng, Bộ Quốc phòng các tỉnh Ninh Bình, Hưng Yên, Đồng Nai, Lâm Đồng, Phú Thọ, Sơn La đôn đốc chủ "
     "đầu tư", ["Bộ Xây dựng", "Bộ Quốc phòng", "Các tỉnh Ninh Bình, Hưng Yên, Đồng Nai, Lâm Đồng, Phú Thọ, Sơn La"]),
    # a place inside a body's name is no holder of its own
    ("Ủy ban nhân dân tỉnh Lâm Đồng, Sở Tài chính tỉnh Lâm Đồng chủ trì", ["Ủy ban nhân dân tỉnh Lâm Đồng",
                                                                        "Sở Tài chính tỉnh Lâm Đồng"]),
    # pool md/6e7f0a17bbc99fd4.md: places classified, not given work
    ("Thành phố Hà Nội, Thành phố Hồ Chí Minh là đơn vị hành chính cấp tỉnh loại đặc biệt", None),
    # pool md/5b692e230f990be5.md: a place that ends a longer name is no holder of its own
    ("Giám đốc các sở, Thủ trưởng các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh Bắc Ninh chịu trách "
     "nhiệm thi hành", ["Giám đốc các sở", "Thủ trưởng các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh "
                        "Bắc Ninh"]),
    # corpus 069 (a report): what a province did is no task
    ("Tỉnh Lâm Đồng đã chuyển nguyên trạng 1.376 các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân cấp huyện", None),
])
def test_provinces_and_cities_named_as_actors_are_holders(text, lead):
    from vanban.extractors.tasks.assignment import read_assignment
    got = read_assignment(text)
    assert (got[0] if got else None) == lead
