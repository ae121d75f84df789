"""Body tasks whose lead was no holder, and holders the task finder missed (issue 10; pool round 3, blind gold V).
Each text is quoted from the document named beside it (pool: ../shared/pool/md/<id>.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from vanban.extractors.tasks.assignment import Assign, analyse
from vanban.extractors.tasks.columns import starts_with_head
from vanban.extractors.tasks.later import with_later_sentences
from vanban.extractors.tasks.rates import is_rate
from vanban.pipeline.run import parse
from vanban.pipeline.types import Node

CORPUS = Path(__file__).parent.parent / "corpus"


def _leads(pattern: str) -> dict[str, list[str]]:
    doc = parse(str(next(CORPUS.glob(pattern))))
    return {t.section: t.lead for t in doc.tasks if t.origin == "body"}


@pytest.mark.parametrize("text", [
    "Các chi phí khác là chi phí thanh toán cho việc thí nghiệm tổ máy",      # pool 6bdbdeb006a331dc
    "Các trường hợp thực hiện xét tuyển công chức",                            # pool c22591f10eec1dab Điều 5
    "Các Biểu mẫu triển khai hỗ trợ Mẫu 00-ĐĐN: Đơn đề nghị của đơn vị",        # pool 06c6f91f5c3b4c21 appendix 7
])
def test_a_thing_after_a_one_word_head_is_no_holder(text):
    assert not starts_with_head(text)
    assert analyse(text) is None


@pytest.mark.parametrize("text", ["Các sở, ban, ngành", "Các chi cục", "Các trường học", "Các Sở, ngành"])
def test_a_body_after_a_one_word_head_still_opens_a_holder(text):
    assert starts_with_head(text)


def _node(title: str, text: str) -> Node:
    return Node(path="Điều 2.3", marker="3.", title=title, text=text)


def test_a_request_after_a_topic_in_the_second_paragraph_adds_its_holders():
    # 113/NQ-CP Điều 2.3 (corpus 129): the tree took the item's first paragraph for its title
    node = _node("Bộ Tài chính chỉ đạo Bảo hiểm xã hội Việt Nam tổ chức thực hiện theo Điều 1 Nghị quyết này xong trước "
                 "ngày 01 tháng 5 năm 2026, báo cáo Chính phủ, Thủ tướng Chính phủ, Hội đồng quản lý bảo hiểm xã hội "
                 "kết quả thực hiện, đồng thời gửi Bộ Y tế",
                 "Đối với chi phí khám bệnh, chữa bệnh bảo hiểm y tế vượt dự toán năm 2023, 2024, yêu cầu Bộ Tài chính, "
                 "Bảo hiểm xã hội Việt Nam khẩn trương thực hiện theo đúng thẩm quyền")
    a = with_later_sentences(node, Assign(lead=["Bộ Tài chính"]))
    assert a.lead == ["Bộ Tài chính", "Bảo hiểm xã hội Việt Nam"]      # Bộ Y tế only receives a copy


def test_holders_of_a_second_sentence_are_leads():
    # 113/NQ-CP Điều 2.5 (corpus 129)
    node = _node("", "Bộ Y tế chịu trách nhiệm về việc tổng hợp số liệu. Bộ Tài chính, Bảo hiểm xã hội Việt Nam, cơ "
                     "quan bảo hiểm xã hội chịu trách nhiệm về số liệu đã rà soát, gửi Bộ Y tế tổng hợp")
    a = with_later_sentences(node, Assign(lead=["Bộ Y tế"]))
    assert a.lead == ["Bộ Y tế", "Bộ Tài chính", "Bảo hiểm xã hội Việt Nam", "Cơ quan bảo hiểm xã hội"]


def test_a_request_on_a_condition_or_inside_the_work_adds_no_holder():
    # pool bffd9da6f0d38031 VI.5: the closing formula
    node = _node("", "Giao Sở Nông nghiệp và Môi trường chủ trì tổ chức triển khai thực hiện Kế hoạch này. Trong quá "
                     "trình triển khai thực hiện, nếu có phát sinh khó khăn, vướng mắc cần phải điều chỉnh, đề nghị các "
                     "sở, ban, ngành, đơn vị chức năng có liên quan và Ủy ban nhân dân các xã, phường kịp thời báo cáo về "
                     "Sở Nông nghiệp và Môi trường để tổng hợp")
    assert with_later_sentences(node, Assign(lead=["Sở Nông nghiệp và Môi trường"])).lead == \
        ["Sở Nông nghiệp và Môi trường"]
    # pool d71b3a48efad6d2c appendix Điều 22.1: the holder's own step
    node = _node("", "Ủy ban nhân dân cấp xã có trách nhiệm thực hiện việc tra cứu. Chịu trách nhiệm trong quản lý, xử "
                     "lý các thông tin hệ thống; kịp thời rà soát đề nghị Sở Tư pháp cấp, khóa, mở lại, xóa tài khoản")
    assert with_later_sentences(node, Assign(lead=["Ủy ban nhân dân cấp xã"])).lead == ["Ủy ban nhân dân cấp xã"]


def test_only_the_first_opener_of_a_request_asks():
    # pool 6fed96be8a849b78 Điều 2: "thừa ủy quyền" is on whose behalf, not a request of the Prime Minister
    node = _node("", "Bộ trưởng Bộ Tài chính tiếp thu, giải trình đầy đủ ý kiến Thành viên Chính phủ. Trên cơ sở đó, "
                     "giao Bộ trưởng Bộ Tài chính thừa ủy quyền Thủ tướng Chính phủ, thay mặt Chính phủ ký Báo cáo")
    assert with_later_sentences(node, Assign(lead=["Bộ trưởng Bộ Tài chính"])).lead == ["Bộ trưởng Bộ Tài chính"]


def test_a_holder_run_into_its_work_is_not_added():
    # pool 344b9eec106a648a III.2
    node = _node("", "Văn phòng Chính phủ theo dõi, đôn đốc việc triển khai các nhiệm vụ nêu trên. Thủ tướng Chính phủ "
                     "đề nghị các Đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Bí thư Tỉnh ủy, Thành ủy, Chủ tịch Ủy "
                     "ban nhân dân các tỉnh, thành phố dành thời gian quan tâm, lãnh đạo, chỉ đạo")
    a = with_later_sentences(node, Assign(lead=["Văn phòng Chính phủ"]))
    assert not any("dành" in n for n in a.lead)


def test_a_sentence_on_a_condition_adds_no_holder():
    # corpus 001 II.4 (gold: the Sở, ban, ngành and UBND cấp xã, phường only): who answers for a failure
    node = _node("", "Các Sở, ban, ngành và UBND cấp xã, phường nêu cao trách nhiệm người đứng đầu trong việc chủ động, "
                     "thường xuyên lãnh đạo, chỉ đạo. Chủ tịch Ủy ban nhân dân UBND cấp xã chịu trách nhiệm toàn diện "
                     "trước Chủ tịch UBND tỉnh nếu để xảy ra tình trạng khai thác khoáng sản trái phép")
    a = with_later_sentences(node, Assign(lead=["Các Sở, ban, ngành", "UBND cấp xã, phường"]))
    assert a.lead == ["Các Sở, ban, ngành", "UBND cấp xã, phường"]


def test_blind_gold_v_holders_of_later_sentences():
    leads = _leads("129_*.pdf")
    assert leads["Điều 2.3"] == ["Bộ Tài chính", "Bảo hiểm xã hội Việt Nam"]
    assert leads["Điều 2.5"][:3] == ["Bộ Y tế", "Bộ Tài chính", "Bảo hiểm xã hội Việt Nam"]


@pytest.mark.parametrize("text", [
    # pool e8b69e31579c0186 Điều 10.4: a rule on how an inspectorate is set up
    "Thanh tra thuộc cục thuộc bộ được thành lập theo quy định tại Luật Thanh tra và các văn bản pháp luật có liên quan",
    # pool 72f18ee047b71e9a appendix Điều 15.7.a: a rule on telecom enterprises, its later clause no holder
    "Khi lập kế hoạch hằng năm, doanh nghiệp viễn thông phải gửi đề nghị dùng chung tới doanh nghiệp có hạ tầng mạng "
    "viễn thông, chủ sở hữu hạ tầng kỹ thuật và kèm theo phản hồi; phân loại vị trí dùng chung và đề xuất độc lập; "
    "trong hồ sơ cần thể hiện rõ vị trí",
])
def test_names_cut_from_a_rule_are_no_holders(text):
    assert analyse(text) is None


@pytest.mark.parametrize("text, expected", [
    # pool 21c5e5f284e66d03 Điều 7.2.b: a share of the budget for a class of localities
    ("Các địa phương có tỷ lệ điều tiết các khoản thu phân chia về ngân sách trung ương từ 20% trở xuống: ngân sách "
     "trung ương hỗ trợ 70% mức ngân sách nhà nước hỗ trợ theo quy định tại Điều 5 Nghị định này.", True),
    # pool 1a434d0a7e14dc93 appendix Điều 7.2: a quota of awards
    ("Cơ quan chuyên môn, đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân thành phố; ban ngành thành phố: Chỉ tiêu xét "
     "tối đa 3 tập thể và 6 cá nhân", True),
    # pool aa9bb8226e3d4c71 II.1: each ministry selects its people, work with a cap
    ("Mỗi bộ, cơ quan ngang bộ: chọn cử tối đa 03 người (riêng Bộ Tài chính, Bộ Giáo dục và Đào tạo: tối đa 05 người)",
     False),
    ("Sở Tài chính: chủ trì bố trí 70% kinh phí", False),
    # corpus 091 (175/NQ-CP) Điều 1.VII.3.đ: the label gives the work, the share is its target
    ("Trung tâm dữ liệu quốc gia thực hiện mở rộng : (1) Cung cấp dịch vụ hạ tầng và tài nguyên cho 100% hệ thống thông "
     "tin của các bộ, ngành và địa phương có nhu cầu; (2) Dịch vụ cung cấp phục vụ triển khai", False),
])
def test_a_share_or_a_quota_after_a_label_is_no_work(text, expected):
    assert is_rate(text) is expected


def test_an_item_opening_with_one_of_several_holders_handed_down_is_that_holder_s():
    # pool 1f9faa032326f975 appendix Điều 8.2: "2. Giám đốc, Phó Giám đốc và Kế toán:" + "c) Kế toán Quỹ chịu trách nhiệm ..."
    from vanban.extractors.tasks import _one_of   # noqa: PLC0415
    leads = ["Giám đốc", "Phó Giám đốc", "Kế toán"]
    assert _one_of("Kế toán Quỹ chịu trách nhiệm theo dõi, quản lý công tác tài chính của Quỹ.", leads) == ["Kế toán Quỹ"]
    assert _one_of("Tổ chức, điều hành hoạt động Cơ quan điều hành nghiệp vụ của Quỹ", leads) == []
    assert _one_of("Kế toán Quỹ chịu trách nhiệm theo dõi", ["Kế toán"]) == []      # one holder: handed down whole
