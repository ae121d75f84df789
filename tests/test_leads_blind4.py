"""Leads that were bodies cut wrong, or missed, in the fourth blind round (issue 10 classes 1 and 3, corpus
125-128, gold written before any fix), and in pool documents with the same causes. Each sentence is quoted from
the document named beside it."""
from __future__ import annotations

from pathlib import Path

import pytest

from vanban.extractors.tasks.assignment import read_assignment
from vanban.extractors.tasks.coordinators import coordinators_in
from vanban.pipeline.run import parse

CORPUS = Path(__file__).parent.parent / "corpus"


def _tasks(pattern: str) -> dict[str, tuple[list[str], list[str]]]:
    doc = parse(str(next(CORPUS.glob(pattern))))
    return {t.section: (t.lead, t.coordinators) for t in doc.tasks if t.origin == "body"}


# corpus 127 (11554/VPCP-V.I) item 1: two office titles over one list of bodies, one holder
ITEM_1 = ("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ và Chủ tịch Ủy ban nhân dân các "
          "tỉnh, thành phố trực thuộc Trung ương chỉ đạo các đơn vị, lực lượng chức năng, Ủy ban nhân dân các xã, "
          "phường, đặc khu tiếp tục quán triệt, thực hiện nghiêm túc, đầy đủ các ý kiến chỉ đạo của Chính phủ")


def test_titles_sharing_one_list_of_bodies_are_one_holder():
    lead, _ = read_assignment(ITEM_1)
    assert lead == ["Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
                    "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


def test_titles_each_with_its_own_bodies_stay_two_holders():
    # corpus 051 Điều 4.2 (a Cao Bằng decision): "Thủ trưởng các sở, ban, ngành" has its own "các"
    lead, _ = read_assignment("Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh chịu trách nhiệm thi hành Quyết "
                              "định này./.")
    assert lead == ["Giám đốc các Sở", "Thủ trưởng các ban, ngành tỉnh"]


def test_a_second_office_after_a_dash_is_no_part_of_the_holder():
    # corpus 127 item 3, the lead-in of 3.1-3.3
    lead, _ = read_assignment("Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia tập trung "
                              "lãnh đạo, chỉ đạo các đơn vị liên quan khẩn trương thực hiện một số nhiệm vụ sau:")
    assert lead == ["Bộ trưởng Bộ Tài chính"]
    # a dash inside a body's name stays (corpus gold: "Bộ trưởng Bộ Lao động - Thương binh và Xã hội")
    lead, _ = read_assignment("Bộ trưởng Bộ Lao động - Thương binh và Xã hội chủ trì, phối hợp với Bộ Tài chính "
                              "hướng dẫn thực hiện")
    assert lead == ["Bộ trưởng Bộ Lao động - Thương binh và Xã hội"]


@pytest.mark.parametrize("text, lead", [
    # corpus 127 item 5
    ("Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia tăng cường kiểm tra, đôn đốc các cơ quan, lực lượng chức năng "
     "và cơ quan thường trực Ban Chỉ đạo 389 các bộ, ngành, địa phương", ["Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia"]),
    # corpus 127 item 3.1, its second sentence
    ("Trên cơ sở đó, Ban Chỉ đạo 389 các bộ, ngành, địa phương xây dựng kế hoạch, tổ chức quán triệt, chỉ đạo triển "
     "khai thực hiện nghiêm túc, quyết liệt, hiệu quả các nội dung trong Kế hoạch của Ban Chỉ đạo 389 quốc gia.",
     ["Ban Chỉ đạo 389 các bộ, ngành, địa phương"]),
])
def test_the_number_of_a_numbered_body_stays_in_its_name(text, lead):
    assert read_assignment(text)[0] == lead


def test_a_count_after_other_names_is_still_no_part_of_them():
    # pool 06c6f91f5c3b4c21 appendix 2.a: "Đơn vị" + " lập 01 bộ hồ sơ": no body named, no lead
    assert read_assignment("Đơn vị lập 01 bộ hồ sơ cấp đổi thẻ nhân lực công nghệ cao và trình Ban Quản lý") is None


def test_a_holder_word_before_a_collective_opens_a_holder_of_the_list():
    # corpus 127 item 4
    lead, coordinators = read_assignment(
        "Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam và hệ thống các cơ quan báo chí phối "
        "hợp với các Bộ, ngành, lực lượng chức năng tăng thời lượng, tuyên truyền về những nguy hại của buôn lậu")
    assert lead == ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam",
                    "Hệ thống các cơ quan báo chí"]


def test_a_title_over_departments_after_a_colon_is_one_holder_per_department():
    # pool 7599f6525eb44d2e Điều 4.2 (a Đà Nẵng decision)
    lead, _ = read_assignment(
        "Chánh Văn phòng Ủy ban nhân dân thành phố; Giám đốc các Sở: Văn hóa, Thể thao và Du lịch; Nội vụ; Tài "
        "Chính; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu; Thủ trưởng các cơ quan, đơn vị có liên quan và Giám "
        "đốc Trung tâm Bảo tồn Di sản Văn hóa thế giới Hội An chịu trách nhiệm thi hành Quyết định này./.")
    assert lead[:5] == ["Chánh Văn phòng Ủy ban nhân dân thành phố", "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
                        "Giám đốc Sở Nội vụ", "Giám đốc Sở Tài chính",
                        "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu"]
    # pool b241b75dc4e6df64 Điều 5: ministries after the colon, the next holder after "và"
    lead, _ = read_assignment("Bộ trưởng các Bộ: Xây dựng, Ngoại giao, Tư pháp, Quốc phòng, Công an, Tài chính, Công "
                              "Thương và Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Nghị quyết này./")
    assert lead[-2:] == ["Bộ trưởng Bộ Công Thương", "Thủ trưởng các cơ quan, đơn vị liên quan"] and len(lead) == 8
    # corpus 051 Điều 4.2: the departments after the colon in one comma list, the holders after a semicolon
    lead, _ = read_assignment(
        "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Giáo dục và Đào tạo, Nội vụ; Thủ trưởng các sở, ban, "
        "ngành; Chủ tịch Ủy ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi "
        "hành Quyết định này./.")
    assert lead[:4] == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Giáo dục và Đào tạo", "Giám đốc Sở Nội vụ",
                        "Thủ trưởng các sở, ban, ngành"]


def test_a_status_is_no_work():
    # corpus 126 (2536/QĐ-TTg) Điều 2's opening sentence
    assert read_assignment("Đại học Công nghiệp Hà Nội là đơn vị sự nghiệp công lập, cơ sở giáo dục đại học công lập "
                           "trực thuộc Bộ Công Thương; có tư cách pháp nhân, con dấu và tài khoản riêng; chịu sự quản lý "
                           "nhà nước về giáo dục của Bộ Giáo dục và Đào tạo") is None
    # pool 051c596134cabb79 appendix Điều 16.1: a status that goes on with the work it is given
    lead, _ = read_assignment("Sở Khoa học và Công nghệ là cơ quan chuyên môn được UBND tỉnh giao chủ trì tham mưu, "
                              "hướng dẫn và tổ chức triển khai thực hiện các nội dung các điểm a, b, c, d, đ khoản 1")
    assert lead == ["Sở Khoa học và Công nghệ"]


def test_a_level_relative_to_the_holder_is_no_coordinator():
    # corpus 125 (KH 159 Cần Thơ) V.6, second bullet
    assert coordinators_in("Phân bổ kinh phí thực hiện các hoạt động truyền thông trên địa bàn cấp xã hoặc phối hợp "
                           "với cấp trên để đảm bảo nguồn lực thực hiện Kế hoạch tại cơ sở.") == []
    # pool 6d0e277c7b88a914 Điều 15.3: a lower-case holder after "phối hợp với" still is one
    assert coordinators_in("Cơ quan quân sự địa phương có trách nhiệm phối hợp chặt chẽ với chủ đầu tư thực hiện các "
                           "quy định về quản lý hành chính") == ["Chủ đầu tư"]


def test_corpus_127_items_and_their_holders():
    tasks = _tasks("127_*")
    assert tasks["3.1"][0] == ["Bộ trưởng Bộ Tài chính", "Ban Chỉ đạo 389 các bộ, ngành, địa phương"]
    assert tasks["3.2"][0] == ["Bộ trưởng Bộ Tài chính"]
    assert tasks["4"][0][-1] == "Hệ thống các cơ quan báo chí"
    assert tasks["5"][0] == ["Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia"]


def test_a_later_clause_after_a_list_of_names_is_no_holder():
    # pool b3a4b2605f9a281f Điều 3.c: the semicolon goes on the coordinators' list
    from vanban.extractors.tasks.later import later_holders as _later_holders   # noqa: PLC0415
    text = ("Phối hợp với Chánh Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường tổ chức niêm "
            "yết công khai đầy đủ danh mục tại Trung tâm Phục vụ hành chính công tỉnh")
    assert _later_holders(text, ["Giám đốc Công an tỉnh"]) == []
    # pool 689f49d25e51cbaa V.7: a letter's closing request glued to the last item
    assert _later_holders("Đề xuất sáng kiến, giải pháp công nghệ phù hợp thực tiễn. Trên đây là Kế hoạch Chuyển đổi "
                          "số. Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện.", ["Các doanh nghiệp"]) == []


def test_corpus_126_status_article_gives_no_task():
    tasks = _tasks("126_*")
    assert "Điều 2" not in tasks and tasks["Điều 2.1"][0] == ["Đại học Công nghiệp Hà Nội"]


def test_a_heading_cut_at_the_colon_of_a_title_over_departments():
    # corpus 051 Điều 4.2 (52/2025/QĐ-CTUBND Cao Bằng): the item "2. Chánh Văn phòng ..., Giám đốc các Sở:" is read as a
    # heading, its departments in the text under it
    from vanban.extractors.tasks.assignment import assignment   # noqa: PLC0415
    from vanban.pipeline.types import Node                       # noqa: PLC0415
    a = assignment(Node(path="Điều 4.2", marker="2.", title="Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở",
                        text="Giáo dục và Đào tạo, Nội vụ; Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các "
                             "xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."))
    assert a is not None and a.lead[:3] == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Giáo dục và Đào tạo",
                                           "Giám đốc Sở Nội vụ"]


@pytest.mark.parametrize("text, names", [
    # pool 8d9779edcdd6c422 appendix Điều 3.1.a: one commune department, its name a comma list
    ("Phòng Kinh tế, Hạ tầng và Đô thị (hoặc phòng Kinh tế) cấp xã",
     ["Phòng Kinh tế, Hạ tầng và Đô thị (hoặc phòng Kinh tế) cấp xã"]),
    # pool d5ffa6afac124d52 IV.4 (a plan for aquaculture water monitoring): one collective
    ("Các cơ sở sản xuất giống, NTTS thương phẩm", ["Các cơ sở sản xuất giống, NTTS thương phẩm"]),
    # pool 012b8a728c178e7a Điều 35.3.a (the data decree): Party and State bodies, then the Front
    ("Cơ quan Đảng, Nhà nước, Ủy ban Mặt trận Tổ quốc Việt Nam", ["Cơ quan Đảng, Nhà nước", "Ủy ban Mặt trận Tổ quốc Việt Nam"]),
    # a holder in lower case opens one of its own (pool ff9aace5b310314d Điều 3.1)
    ("Ủy ban nhân dân tỉnh Đồng Nai, chính quyền địa phương các đơn vị hành chính liên quan",
     ["Ủy ban nhân dân tỉnh Đồng Nai", "Chính quyền địa phương các đơn vị hành chính liên quan"]),
    # one capitalised word may be a company of its own (pool 74e2ddc7b11340da III.5.a)
    ("Tập đoàn FPT, CMC", ["Tập đoàn FPT", "CMC"]),
])
def test_a_capitalised_piece_with_no_body_word_belongs_to_the_name_before_it(text, names):
    from vanban.extractors.tasks.name_lists import split_names   # noqa: PLC0415
    assert split_names(text) == names


def test_a_holder_after_a_topic_phrase_with_commas_inside():
    """`Đối với <topic>, <holder> <work>` where the topic itself holds a comma (`khám bệnh, chữa
    bệnh`): the holder is after the comma that a body follows (corpus 129, 113/NQ-CP Điều 1.2); and
    `khẩn trương` after a name is the work's first word, not part of the name."""
    from vanban.extractors.tasks.assignment import read_assignment
    text = ("Đối với các chi phí khám bệnh, chữa bệnh bảo hiểm y tế vượt tổng mức thanh toán giai đoạn năm "
            "2019-2022, Bảo hiểm xã hội Việt Nam khẩn trương tổ chức thực hiện thanh toán cho cơ sở khám bệnh, "
            "chữa bệnh theo quy định tại Nghị định số 75/2023/NĐ-CP ngày 19 tháng 10 năm 2023 của Chính phủ")
    assert read_assignment(text) == (["Bảo hiểm xã hội Việt Nam"], [])
    assert read_assignment("Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành chủ trì triển khai.") \
        == (["Các sở, ngành"], [])
