"""Body task groups  # nhóm nhiệm vụ trong thân văn bản: collective names stay one holder, a plural
committee keeps the places after its colon, titles and their body are one holder, numbered items inside a
paragraph own their tasks. Every text below is quoted from a real document (pool or corpus)."""
from __future__ import annotations

import pytest

from vanban.extractors.bodies import find_bodies, split_bodies
from vanban.extractors.tasks import _directive_text, read_assignment


@pytest.mark.parametrize("text", [
    # 624/TB-VPCP (corpus 113), 386/NQ-CP (103), 653/TB-VPCP (108), issue 10
    "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
    "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",
    "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ",                              # 44/2025/QĐ-TTg Điều 2 (022)
    "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",          # 624/TB-VPCP III.1
    "Các cơ quan thông tấn, báo chí trung ương và địa phương",
    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
    "Ủy ban nhân dân các địa phương",                                           # 624/TB-VPCP Phụ lục I
    "Các đoàn thể, tổ chức xã hội",                                             # 0130/KH-UBND Đắk Lắk V.5 (110)
    "Các sở, ban, ngành, đơn vị, tổ chức chính trị - xã hội, hội, đoàn thể",    # 2853/QĐ-UBND HCM V.8 (111)
    "Thủ trưởng các sở, ban, ngành, đơn vị trực thuộc Ủy ban nhân dân tỉnh",    # 1627/QĐ-UBND Quảng Ngãi Điều 2 (112)
    "Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng",  # 227/CĐ-TTg 1 (109)
    "Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ",                           # 624/TB-VPCP III.5.l
    "Thống đốc Ngân hàng Nhà nước Việt Nam",                                    # 227/CĐ-TTg 11
    "Bảo hiểm tiền gửi Việt Nam",
    "Các doanh nghiệp, tổ chức kinh tế, cơ sở giáo dục, đào tạo",               # 179/KH-UBND Đồng Nai V.6.c (034)
    "Sở, ban, ngành, tổ chức chính trị - xã hội",                              # 980/KH-UBND Nghệ An, Phụ lục II.4 (033)
])

def test_collective_or_titled_name_is_one_holder(text):
    assert split_bodies(text) == [text]


def test_the_same_kind_again_is_a_second_body():
    # 179/KH-UBND Đồng Nai (034)
    assert split_bodies("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính") == [
        "Các doanh nghiệp viễn thông", "Doanh nghiệp bưu chính"]


def test_two_cities_are_two_bodies():
    assert split_bodies("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh") == ["UBND thành phố Hà Nội",
                                                                           "Thành phố Hồ Chí Minh"]


def test_a_list_in_a_cell_keeps_the_plural_committee_whole():
    # 624/TB-VPCP Phụ lục I, row I.2.13
    assert split_bodies("Bộ Tư pháp, Bộ Nông nghiệp và Môi trường, Ủy ban nhân dân các địa phương") == [
        "Bộ Tư pháp", "Bộ Nông nghiệp và Môi trường", "Ủy ban nhân dân các địa phương"]


def test_places_end_at_a_body_head():
    assert split_bodies("UBND các tỉnh: Tuyên Quang, Cao Bằng, Sở Tài chính") == [
        "UBND các tỉnh: Tuyên Quang, Cao Bằng", "Sở Tài chính"]


def test_to_chuc_after_a_collective_is_the_verb():
    # 624/TB-VPCP III.4 (2): "các bộ, ngành, địa phương tổ chức tổng rà soát hiện trạng ..."
    text = "Các bộ, ngành, địa phương tổ chức tổng rà soát hiện trạng cung cấp dịch vụ công trực tuyến"
    assert [b.name for b in find_bodies(text)] == ["Các bộ, ngành, địa phương"]


def test_holders_after_an_address_and_must():
    # 624/TB-VPCP III.1
    text = ("Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân "
            "dân các tỉnh, thành phố trực thuộc trung ương phải phát huy vai trò nêu gương của người đứng đầu")
    a = _directive_text(text)
    assert a.lead == ["Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                      "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]
    # inside a sentence the address names no holder (627/TB-VPCP I): "... tham mưu các đồng chí Phó Thủ tướng ..."
    assert read_assignment("Bộ Xây dựng đã chủ động kiểm tra hiện trường, tham mưu các đồng chí Phó Thủ tướng Chính "
                           "phủ, Trưởng các Đoàn Kiểm tra chỉ đạo các đơn vị tập trung tháo gỡ các khó khăn") is None


def test_a_bank_and_the_commercial_banks_lead():
    # 624/TB-VPCP III.5.h
    text = ("Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại cổ phần quyết liệt triển khai hiệu quả, "
            "đúng trọng tâm, trọng điểm Chương trình tín dụng 500 nghìn tỷ đồng")
    lead, _ = read_assignment(text)
    assert lead == ["Ngân hàng Nhà nước Việt Nam", "Các ngân hàng thương mại cổ phần"]


def test_colon_inside_a_plural_committee_is_not_the_lead_colon():
    text = ("Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ "
            "tại Công văn số 10704/VPCP-KSTT ngày 04 tháng 11 năm 2025")
    lead, _ = read_assignment(text)
    assert lead == ["Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ"]


def test_roman_items_own_their_tasks():
    # 653/TB-VPCP (corpus 108) 2.b: the items name their own bodies, the paragraph is no task of one body
    from vanban.extractors.tasks import _item_marks   # noqa: PLC0415
    text = ("(i) Ủy ban nhân dân Thành phố Hồ Chí Minh chỉ đạo các sở, ngành liên quan hướng dẫn Chủ đầu tư "
            "hoàn thiện quy hoạch 1/500 theo quy định. (ii) Bộ Công Thương chỉ đạo Tập đoàn Điện lực Việt Nam "
            "đẩy nhanh quá trình đàm phán")
    assert [m.group("n") for m in _item_marks(text)] == ["i", "ii"]
    # 624/TB-VPCP III.4: roman parts inside item (3) are its parts
    text = ("(2) các bộ, ngành, địa phương tổ chức tổng rà soát; (3) các bộ, ngành, địa phương tập trung: (i) "
            "Sửa đổi, bổ sung 322 văn bản quy phạm pháp luật; (ii) Rà soát, sửa đổi các quy định")
    assert [m.group("n") for m in _item_marks(text)] == ["2", "3"]


def test_title_before_a_lower_case_party_committee():
    # 227/CĐ-TTg (corpus 109) item 1
    text = ("Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng tiếp tục "
            "phân công nhiệm vụ cụ thể cho từng đồng chí trong Thường vụ")
    lead, _ = read_assignment(text)
    assert lead == ["Bí thư tỉnh ủy", "Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng"]
    assert find_bodies("thanh tra tỉnh ủy quyền") == [] or find_bodies("thanh tra tỉnh ủy quyền")[0].start > 0


def test_a_collective_heading_lists_its_members():
    # 1627/QĐ-UBND Quảng Ngãi (corpus 112), Kế hoạch IV.1.3
    from vanban.extractors.tasks.members import members_heading   # noqa: PLC0415
    text = ("Các cơ quan quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Nông nghiệp và Môi trường, "
            "Công Thương, Tài chính, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch)")
    assert members_heading(text) == ["Các cơ quan quan tham mưu quản lý ngành, lĩnh vực", "Sở Xây dựng",
                                     "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Tài chính",
                                     "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"]
    assert members_heading("Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo") is None
