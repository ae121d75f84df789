"""Leads missed or cut wrong in the seventh blind round (corpus 131, 134-136, gold written before any fix). Each
sentence is quoted from the document named beside it."""
from __future__ import annotations

from pathlib import Path

from vanban.extractors.bodies import find_bodies
from vanban.extractors.tasks.assignment import read_assignment
from vanban.extractors.tasks.lead_names import all_bodies
from vanban.extractors.tasks.later import later_holders
from vanban.extractors.tasks.name_lists import split_names
from vanban.pipeline.checks.names import name_fault
from vanban.pipeline.run import parse

CORPUS = Path(__file__).parent.parent / "corpus"

# corpus 134 (380/NQ-CP) II.1.1.d: one head said once over four places, each with its own level word
SHARED_HEAD = ("Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh, thành phố Hải Phòng và tỉnh Quảng Ninh "
               "trực tiếp hỗ trợ chi viện về lương thực, thực phẩm, quần áo, thuốc men, cán bộ y tế cho các tỉnh "
               "Khánh Hoà, Gia Lai, Đắk Lắk, Lâm Đồng theo chỉ đạo của Bộ Chính trị")


def test_a_head_over_places_each_with_its_level_is_one_holder_per_place():
    lead, _ = read_assignment(SHARED_HEAD)
    assert lead == ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh",
                    "Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Quảng Ninh"]


def test_a_plural_level_or_a_capitalised_city_shares_no_head():
    # corpus 056 item 1: the chairs of all provinces' committees, one collective
    assert split_names("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương") == [
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    # pool 646f0a00d4174382 appendix (a lead cell): "Thành phố Hồ Chí Minh" capitalised is the city itself
    assert split_names("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh") == ["UBND thành phố Hà Nội",
                                                                         "Thành phố Hồ Chí Minh"]


# corpus 135 (659/TB-VPCP) item 1: a later sentence gives the ministry its own work, "tổng hợp" (compile) a duty verb
LATER_COMPILES = ("Các Báo cáo trên gửi Bộ Tư pháp trước ngày 05 tháng 12 năm 2025. Trên cơ sở đó, Bộ Tư pháp tổng hợp, "
                  "báo cáo Thủ tướng Chính phủ trước ngày 10 tháng 12 năm 2025.")


def test_a_later_sentence_whose_holder_compiles_adds_that_holder():
    lead = ["Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ"]
    assert later_holders(LATER_COMPILES, lead) == ["Bộ Tư pháp"]


def test_compiling_opens_the_work_after_a_name_the_finder_does_not_know():
    # pool 0abcf1a5 Điều 1.9.b: the item was no task, "tổng hợp" not read as the holder's work
    lead, _ = read_assignment("Cơ quan Bảo hiểm xã hội thành phố tổng hợp danh sách, kinh phí đề nghị ngân sách thành "
                              "phố hỗ trợ đóng bảo hiểm y tế trình Sở Tài chính;")
    assert lead == ["Cơ quan Bảo hiểm xã hội thành phố"]


def test_the_localities_of_a_level_head_the_duties_below_them():
    # corpus 134 (380/NQ-CP) II.5: "5. Các tỉnh, thành phố:" over "a) Ban hành các chính sách cần thiết, ..."
    doc = parse(str(next(CORPUS.glob("134_*.md"))))
    leads = {t.section: t.lead for t in doc.tasks if t.origin == "body"}
    assert leads["II.5.a"] == leads["II.5.b"] == ["Các tỉnh, thành phố"]


def test_each_locality_sets_a_quota_and_heads_no_duty():
    # pool aa9bb822 II.3: "- Mỗi xã, phường, đặc khu: Thực hiện theo nguyên tắc lấy tổng số báo cáo viên ..."
    assert not all_bodies("Mỗi xã, phường, đặc khu")
    assert all_bodies("Các tỉnh, thành phố")


def test_the_merged_provincial_newspaper_and_broadcaster_heads_its_duties():
    # corpus 136 (KH Đắk Lắk) IV.9: "9. Báo và Phát thanh - Truyền hình Đắk Lắk, Sở Văn hóa, Thể thao và Du lịch,
    # Cổng Thông tin điện tử tính và hệ thống truyền thanh cơ sở:" + "Theo chức năng, nhiệm vụ tăng cường thông tin,
    # ...": the 2025 merged newspaper-broadcaster as documents print it, with a dash
    assert [b.name for b in find_bodies("Báo và Phát thanh - Truyền hình Đắk Lắk")] == [
        "Báo và Phát thanh - Truyền hình Đắk Lắk"]
    doc = parse(str(next(CORPUS.glob("136_*.md"))))
    leads = {t.section: t.lead for t in doc.tasks if t.origin == "body"}
    assert leads["IV.9"] == ["Báo và Phát thanh - Truyền hình Đắk Lắk", "Sở Văn hóa, Thể thao và Du lịch",
                             "Cổng Thông tin điện tử tính", "Hệ thống truyền thanh cơ sở"]


def test_the_grassroots_loudspeaker_system_is_a_body_name():
    # corpus 136 IV.9: the communes' loudspeaker stations, a holder the lead check reads as a body
    assert name_fault("Hệ thống truyền thanh cơ sở") is None
