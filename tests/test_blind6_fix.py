"""The body tasks the sixth blind round missed (corpus 131-133), each a general mechanism: a heading that names
the holder of the items below it, the National Assembly's bodies and standing organs, a role written after a body
and a dash. Real lines of the corpus documents, each named in the comments."""
from __future__ import annotations

from pathlib import Path

import pytest

from vanban.extractors.tasks.assignment import assignment, read_assignment
from vanban.extractors.tasks.holder_headings import heading_holder, is_repealed, lists_cases
from vanban.extractors.tasks.members import members_listed
from vanban.pipeline.run import parse
from vanban.pipeline.types import Node

CORPUS = Path(__file__).parent.parent / "corpus"
POOL = Path(__file__).parent.parent.parent / "shared" / "pool" / "md"


def _body(pattern: str) -> dict[str, list[str]]:
    doc = parse(str(next(CORPUS.glob(pattern))))
    return {t.section: t.lead for t in doc.tasks if t.origin == "body"}


# --------------------------------------------------------------------------- holder headings (133)

def test_a_heading_naming_the_holder_between_its_head_and_its_tail():
    # 133 (26/2025/QĐ-UBND Thái Nguyên), the regulation's "**Điều 5. Nội⏎dung Sở Dân tộc và Tôn giáo có trách
    # nhiệm chủ trì**", "Điều 13. Nội dung các cơ quan, đơn vị khác có trách nhiệm chủ trì", "Điều 14.⏎Trách nhiệm
    # của Sở Dân tộc và Tôn giáo"
    assert heading_holder("Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì") == ["Sở Dân tộc và Tôn giáo"]
    assert heading_holder("Nội dung Bộ Chỉ huy quân sự tỉnh có trách nhiệm chủ trì") == ["Bộ Chỉ huy quân sự tỉnh"]
    assert heading_holder("Nội dung các cơ quan, đơn vị khác có trách nhiệm chủ trì") == ["Các cơ quan, đơn vị khác"]
    assert heading_holder("Trách nhiệm của Sở Dân tộc và Tôn giáo") == ["Sở Dân tộc và Tôn giáo"]


def test_a_heading_that_names_no_holder_or_a_clause_is_none():
    # 133 "Điều 4. Nội dung phối hợp chung"; "Trách nhiệm thi hành" (pool c22591f1 Điều 73); "Nội dung kiểm tra
    # chuyên ngành Công Thương" (e13e31ec Điều 4: a "Nội dung" heading needs its tail); "Trách nhiệm của các cơ quan
    # đề nghị cung cấp thông tin" (994dfbc3 appendix Điều 18: a clause, not a name)
    assert heading_holder("Nội dung phối hợp chung") is None
    assert heading_holder("Trách nhiệm thi hành") is None
    assert heading_holder("Nội dung kiểm tra chuyên ngành Công Thương") is None
    assert heading_holder("Trách nhiệm của các cơ quan đề nghị cung cấp thông tin") is None


def test_the_items_under_a_holder_heading_are_the_holders_tasks():
    # 133: "Điều 5. Nội dung Sở Dân tộc và Tôn giáo ..." + "1. Xây dựng, ban hành, đánh giá ...", ..., "8. Đánh giá
    # kết quả ..."; "Điều 6. Nội dung Công an tỉnh ..." + a paragraph "Nắm tình hình, tham mưu giải quyết ...";
    # "Điều 14. Trách nhiệm của Sở Dân tộc và Tôn giáo" + "Sở Dân tộc và Tôn giáo là cơ quan thường trực ..., có trách
    # nhiệm hướng dẫn ..."; "Điều 4. Nội dung phối hợp chung" names no holder: its items are no tasks
    body = _body("133_pool-*.md")
    assert [body[f"appendix.Điều 5.{i}"] for i in range(1, 9)] == [["Sở Dân tộc và Tôn giáo"]] * 8
    assert "appendix.Điều 5" not in body                       # the heading alone is no task
    assert body["appendix.Điều 6"] == ["Công an tỉnh"]
    assert body["appendix.Điều 7.2"] == ["Bộ Chỉ huy quân sự tỉnh"]
    assert body["appendix.Điều 11.1"] == ["Ủy ban nhân dân cấp xã"]
    assert body["appendix.Điều 13.1"] == ["Các cơ quan, đơn vị khác"]
    assert body["appendix.Điều 14"] == ["Sở Dân tộc và Tôn giáo"]
    assert not [s for s in body if s.startswith("appendix.Điều 4")]


def test_a_holder_heading_cut_before_its_list_of_members():
    # pool 8d9779ed10e6bcb7 appendix "Điều 15" item "2. Trách nhiệm của các Sở:⏎Xây dựng, Tài chính, Nội vụ." + "a) Chủ
    # trì, phối hợp với UBND cấp xã ..."
    assert members_listed("Các Sở", "Xây dựng, Tài chính, Nội vụ.") == ["Sở Xây dựng", "Sở Tài chính", "Sở Nội vụ"]
    assert members_listed("Các Sở", "Tổ chức thực hiện Quyết định này.") is None
    node = Node(path="appendix.Điều 15.2", marker="2.", title="Trách nhiệm của các Sở", text="Xây dựng, Tài chính, Nội vụ.")
    a = assignment(node)
    assert a is not None and a.lead == ["Sở Xây dựng", "Sở Tài chính", "Sở Nội vụ"] and a.heading


def test_a_bullet_under_a_holder_heading_that_names_its_own_holder_keeps_it():
    # corpus 018 (2336/QĐ-UBND Lào Cai) "2. Trách nhiệm của các Sở, ngành, địa phương" + "- Sở Công Thương, Ban Quản lý
    # Khu kinh tế tỉnh Lào Cai có trách nhiệm giám sát thực hiện dự án; ..."
    body = _body("018_*")
    assert body["Điều 2.2.-2"] == ["Sở Công Thương", "Ban Quản lý Khu kinh tế tỉnh Lào Cai"]
    assert body["Điều 2.2.-1"] == ["Các Sở, ban, ngành, địa phương có liên quan"]


def test_an_item_that_lists_the_cases_of_its_duty_is_one_task():
    # pool 1e6fb98e16a75e3d appendix "Điều 23. Trách nhiệm và quyền hạn của Giám đốc Công ty Tân Cảng - Petro Cam Ranh",
    # item "5. Phối hợp với Cảng vụ Hàng hải Nha Trang từ chối tiếp nhận hoặc đình chỉ hoạt động của các chủ tàu, ...
    # đối với các trường hợp sau đây:" + "a) Khi Cảng quốc tế Cam Ranh không thể tiếp nhận tàu thuyền ...", "b) Có nguy
    # cơ gây mất an toàn, an ninh, ô nhiễm môi trường hoặc sức khỏe của cộng đồng;"
    assert lists_cases("Phối hợp với Cảng vụ Hàng hải Nha Trang từ chối tiếp nhận hoặc đình chỉ hoạt động của các chủ "
                       "tàu, tổ chức, cá nhân trong khu vực Cảng quốc tế Cam Ranh theo quy định của pháp luật đối với "
                       "các trường hợp sau đây:")
    assert not lists_cases("Sở Khoa học và Công nghệ có trách nhiệm:")
    if not (POOL / "1e6fb98e16a75e3d.md").exists():
        pytest.skip("../shared/pool/md is not here")
    doc = parse(str(POOL / "1e6fb98e16a75e3d.md"))
    body = {t.section: t for t in doc.tasks if t.origin == "body"}
    assert body["appendix.Điều 23.5"].lead == ["Giám đốc Công ty Tân Cảng - Petro Cam Ranh"]
    assert body["appendix.Điều 23.5"].coordinators == ["Cảng vụ Hàng hải Nha Trang"]
    assert not [s for s in body if s.startswith("appendix.Điều 23.5.")]


def test_a_repealed_item_holds_no_duty():
    # pool 1e6fb98e16a75e3d, "Điều 25. Trách nhiệm và quyền hạn của Bộ Quốc phòng" + "1. [17] (được bãi bỏ)"
    assert is_repealed("[17] (được bãi bỏ)")
    assert not is_repealed("[18] Chủ trì, phối hợp với các Bộ, ngành liên quan và Ủy ban nhân dân tỉnh Khánh Hòa")


# --------------------------------------------------------------------------- the National Assembly's bodies (131)

def test_standing_organs_of_the_national_assemblys_council_and_committees_are_holders():
    # 131 (1339/NQ-UBTVQH15) Điều 2.3 and 2.4
    got = read_assignment("Thường trực Hội đồng Dân tộc, Thường trực Ủy ban Pháp luật phối hợp với các cơ quan có "
                          "liên quan kịp thời cập nhật các nội dung được sửa đổi, bổ sung trong Luật Tổ chức Quốc hội")
    assert got is not None and got[0] == ["Thường trực Hội đồng Dân tộc", "Thường trực Ủy ban Pháp luật"]
    got = read_assignment("Thường trực Hội đồng Dân tộc, các Ủy ban của Quốc hội, các cơ quan thuộc Ủy ban Thường vụ "
                          "Quốc hội và Văn phòng Quốc hội, trong phạm vi nhiệm vụ, quyền hạn được giao, chủ động nghiên "
                          "cứu, rà soát, kịp thời đề xuất việc sửa đổi, bổ sung các văn bản có liên quan")
    assert got is not None and got[0] == ["Thường trực Hội đồng Dân tộc", "Các Ủy ban của Quốc hội",
                                          "Các cơ quan thuộc Ủy ban Thường vụ Quốc hội", "Văn phòng Quốc hội"]


def test_the_secretary_general_of_the_national_assembly_is_a_holder():
    # 131 Điều 3
    got = read_assignment("Giao Tổng Thư ký Quốc hội chủ trì, phối hợp với Thường trực Hội đồng Dân tộc, các Ủy ban, "
                          "các cơ quan thuộc Ủy ban Thường vụ Quốc hội và Văn phòng Quốc hội giúp Ủy ban Thường vụ Quốc "
                          "hội theo dõi, đôn đốc việc triển khai thực hiện Nghị quyết này.")
    assert got is not None and got[0] == ["Tổng Thư ký Quốc hội"]
    assert "Thường trực Hội đồng Dân tộc" in got[1]


def test_the_post_2025_committees_are_bodies():
    # the committees from 18/02/2025 (lexicon/data/bodies.yaml, sourced there)
    got = read_assignment("Ủy ban Pháp luật và Tư pháp chủ trì, phối hợp với Ủy ban Kinh tế và Tài chính thẩm tra dự án luật")
    assert got is not None and got[0] == ["Ủy ban Pháp luật và Tư pháp"] and got[1] == ["Ủy ban Kinh tế và Tài chính"]


# --------------------------------------------------------------------------- a role after a dash (132, 112)

def test_a_role_after_a_body_and_a_dash_is_an_apposition():
    # 132 (230/CĐ-TTg) item 4: "4. Giao Bộ Tài chính - Cơ quan Thường trực Ban Chỉ⏎đạo 751 đôn đốc các Bộ, cơ quan, địa
    # phương khẩn trương triển khai thực hiện⏎Công điện này./."
    got = read_assignment("Giao Bộ Tài chính - Cơ quan Thường trực Ban Chỉ đạo 751 đôn đốc các Bộ, cơ quan, địa phương "
                          "khẩn trương triển khai thực hiện Công điện này./.")
    assert got is not None and got[0] == ["Bộ Tài chính"]
    # a dash inside a name stays: "Bộ Lao động - Thương binh và Xã hội"
    got = read_assignment("Bộ Lao động - Thương binh và Xã hội chủ trì hướng dẫn thực hiện")
    assert got is not None and got[0] == ["Bộ Lao động - Thương binh và Xã hội"]


def test_a_heading_holder_with_a_role_after_a_dash():
    # 112 (1627/QĐ-UBND Quảng Ngãi) IV.1.2: "*1.2. / Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo*" + its bullets
    body = _body("112_pool-*.md")
    assert body["appendix.IV.1.2.-1"] == ["Sở Tài chính"]
    assert body["appendix.IV.1.2.-6"] == ["Sở Tài chính"]


def test_the_telegrams_last_item_is_the_ministry_of_finances():
    # 132 item 4, read in the whole document
    assert _body("132_pool-*.md")["4"] == ["Bộ Tài chính"]
