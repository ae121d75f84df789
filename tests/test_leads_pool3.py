"""Lead names cut wrong or joining two holders (issue 10, class 1), each case from a real document: the pool
(../shared/pool/md/<id>.md) or the corpus gold, the sentence quoted."""
from __future__ import annotations

import pytest

from vanban.extractors.bodies import find_bodies
from vanban.extractors.tasks.assignment import assignment, read_assignment
from vanban.extractors.tasks.coordinators import coordinators_in
from vanban.extractors.tasks.lead_trim import name_part
from vanban.extractors.tasks.name_lists import split_names
from vanban.pipeline.types import Node


# 1. an organ named by the body it belongs to, "<organ> của <body>", is one holder
@pytest.mark.parametrize("text, lead", [
    # corpus 104 (NQ 1660/NQ-UBTVQH15) Điều 3.3
    ("Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh Đắk Lắk, trong "
     "phạm vi nhiệm vụ, quyền hạn của mình, giám sát việc thực hiện Nghị quyết này.",
     ["Hội đồng Dân tộc", "Các Ủy ban của Quốc hội", "Đoàn đại biểu Quốc hội", "Đại biểu Quốc hội tỉnh Đắk Lắk"]),
    # corpus 121 (VBHN 462/VBHN-BLĐTBXH) Điều 7.1
    ("Hội đồng quản trị của Bảo hiểm tiền gửi Việt Nam có trách nhiệm thực hiện các nhiệm vụ như đối với Hội đồng "
     "thành viên hoặc Chủ tịch công ty quy định tại Điều 18 Thông tư số 26/2016/TT-BLĐTBXH",
     ["Hội đồng quản trị của Bảo hiểm tiền gửi Việt Nam"]),
])
def test_an_organ_of_a_body_is_one_holder(text, lead):
    got = read_assignment(text)
    assert got is not None and got[0] == lead


def test_of_joins_only_an_organ():
    # "Báo" is a head, "Báo cáo của Bộ Tài chính" no organ: the body is the ministry
    assert [b.name for b in find_bodies("Báo cáo của Bộ Tài chính gửi Chính phủ")][0] == "Bộ Tài chính"


# 1. a list of holders that runs to its lead word, a clause about one of them taken out
def test_a_list_runs_to_its_lead_word():
    # corpus 104 Điều 3.1 (the typo "thức hiện" is the document's: no duty verb before "có trách nhiệm")
    got = read_assignment(
        "Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Đắk Lắk, chính quyền địa phương các đơn vị hành chính liên "
        "quan đến việc thức hiện sắp xếp và các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi hành Nghị "
        "quyết này; sắp xếp, ổn định bộ máy các cơ quan, tổ chức ở địa phương")
    assert got is not None and got[0] == [
        "Chính phủ", "Hội đồng nhân dân", "Ủy ban nhân dân tỉnh Đắk Lắk",
        "Chính quyền địa phương các đơn vị hành chính liên quan", "Các cơ quan, tổ chức khác có liên quan"]


# 2. a verb after a body's name ends it, and no qualifier of a collective holds one
@pytest.mark.parametrize("text, lead", [
    # pool c258e5aa7ee387c3 appendix Điều 3.5
    ("Ban Chỉ đạo phân công từng thành viên chịu trách nhiệm Đôn đốc, kiểm tra các bộ, ngành, địa phương thực hiện "
     "các cơ chế, chính sách đã ban hành", ["Ban Chỉ đạo"]),
    # pool 92e7ae60081433eb Điều 18.3 (after its adverbial "Căn cứ kết quả thẩm định,")
    ("cơ quan chủ quản điều chỉnh, bổ sung, hoàn thiện hồ sơ và phê duyệt Quyết định viện trợ với các nội dung chính",
     ["Cơ quan chủ quản"]),
    # pool ce4ad96dbd9a518d appendix Điều 12.1: "quy định tại" says who is meant, the name stays whole
    ("Các cơ quan, đơn vị quy định tại Điều 1 Quy chế này có trách nhiệm đảm bảo điều kiện về hạ tầng công nghệ thông "
     "tin để sử dụng Hệ thống", ["Các cơ quan, đơn vị quy định tại Điều 1 Quy chế này"]),
    # pool 0dc87aade333588a Điều 13.2: a verb after a comma is one of a unit's name
    ("Thanh tra ngân hàng Nhà nước, Cục Quản lý, giám sát tổ chức tín dụng, Ngân hàng Nhà nước chi nhánh Khu vực có "
     "trách nhiệm", ["Thanh tra ngân hàng Nhà nước", "Cục Quản lý, giám sát tổ chức tín dụng",
                     "Ngân hàng Nhà nước chi nhánh Khu vực"]),
])
def test_a_verb_after_a_body_ends_its_name(text, lead):
    got = read_assignment(text)
    assert got is not None and got[0] == lead


@pytest.mark.parametrize("text, coordinators", [
    # pool 1a3950726cd8511f appendix Điều 7.1
    ("Tiếp nhận hồ sơ thủ tục hành chính về tín ngưỡng, tôn giáo của cá nhân, tổ chức; chủ động phối hợp với các cơ "
     "quan liên quan thu thập, xác minh thông tin, xem xét giải quyết theo thẩm quyền", ["Các cơ quan liên quan"]),
    # pool c22591f10eec1dab Điều 46.5.d
    ("Cơ quan nơi đi phối hợp với các cơ quan có liên quan phân công, bố trí và thực hiện chính sách đối với công chức "
     "sau khi luân chuyển", ["Các cơ quan có liên quan"]),
    # pool 53a2def6c64d24fe Điều 5.6.c: "đảm" is the verb's first syllable ("đảm bảo"), no word of the name
    ("Phối hợp chặt chẽ với Bộ Khoa học và Công nghệ, Bộ Công Thương đảm bảo an toàn bức xạ và an ninh hạt nhân tại "
     "khu vực dự án.", ["Bộ Khoa học và Công nghệ", "Bộ Công Thương"]),
    # pool 70180aecf521049d Điều 31.4: "ở" is no word of a name
    ("Đoàn đại biểu Quốc hội địa phương có trách nhiệm phối hợp với Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam ở "
     "địa bàn đại biểu Quốc hội đến tiếp xúc để tổ chức", ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam"]),
])
def test_a_coordinator_ends_before_its_verb(text, coordinators):
    assert coordinators_in(text) == coordinators


# 2. "<body> ủy quyền cho <holder>:" over a list of duties: the holder does them
@pytest.mark.parametrize("title, lead", [
    # pool 475126f38cb26cc2 Điều 5.1 and 5.2 (hard-wrapped "ủy quyền cho Chủ⏎tịch UBND tỉnh:")
    ("UBND tỉnh ủy quyền cho Chủ tịch UBND tỉnh:", ["Chủ tịch UBND tỉnh"]),
    ("UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:", ["Giám đốc Sở Nội vụ"]),
])
def test_a_delegation_gives_the_delegate(title, lead):
    a = assignment(Node(path="Điều 5.1", marker="1.", title=title, text=""))
    assert a is not None and a.lead == lead


# 4. two holders in one name: a second office title over its own list, a lower-case title after a comma, "hoặc"
@pytest.mark.parametrize("text, names", [
    # pool 1e6fb98e16a75e3d appendix Điều 30.1
    ("Bộ trưởng Bộ Quốc phòng và Thủ trưởng các cơ quan có liên quan",
     ["Bộ trưởng Bộ Quốc phòng", "Thủ trưởng các cơ quan có liên quan"]),
    # pool 266dbea1c7803ae9 Điều 3
    ("Chánh Văn phòng Bộ, Cục trưởng Cục Xuất nhập khẩu, Vụ trưởng Vụ Pháp chế và Thủ trưởng các đơn vị có liên quan "
     "thuộc Bộ", ["Chánh Văn phòng Bộ", "Cục trưởng Cục Xuất nhập khẩu", "Vụ trưởng Vụ Pháp chế",
                  "Thủ trưởng các đơn vị có liên quan thuộc Bộ"]),
    # pool 3c5c52374e60b28b Điều 3
    ("Giám đốc Sở Khoa học và Công nghệ, thủ trưởng cơ quan, đơn vị có liên quan",
     ["Giám đốc Sở Khoa học và Công nghệ", "Thủ trưởng cơ quan, đơn vị có liên quan"]),
    # pool 68c706de4d068f13 Điều 8.1
    ("Giám đốc Sở Tư pháp các tỉnh, thành phố, người đứng đầu đơn vị sự nghiệp công lập và các cơ quan, tổ chức có "
     "liên quan", ["Giám đốc Sở Tư pháp các tỉnh, thành phố", "Người đứng đầu đơn vị sự nghiệp công lập",
                   "Các cơ quan, tổ chức có liên quan"]),
    # pool e13e31ece6a27b0d appendix 3 item 9
    ("Thanh tra Chính phủ hoặc Thanh tra tỉnh", ["Thanh tra Chính phủ", "Thanh tra tỉnh"]),
    # one holder: a second title without a determiner shares the list (pool 8018a6f353d60a9e item 1)
    ("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ và Chủ tịch Ủy ban nhân dân các tỉnh, "
     "thành phố trực thuộc Trung ương", ["Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
                                         "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
])
def test_two_holders_are_two_names(text, names):
    assert split_names(text) == names


def test_a_role_aside_is_no_part_of_a_name():
    # pool 646f0a00d4174382 appendix VI.1, a lead cell of a PDF table (lines joined)
    cell = ("- Bộ Nông nghiệp và Môi trường (chủ trì phần chính sách, công nghệ, điều phối);\n- UBND các tỉnh, thành "
            "phố (chủ trì phần đầu tư, xây dựng, vận hành tại địa phương).")
    assert split_names(cell) == ["Bộ Nông nghiệp và Môi trường", "UBND các tỉnh, thành phố"]
    # an aside that names the unit stays (split_bodies' own example)
    assert split_names("Bộ Công an (Trung tâm Dữ liệu quốc gia)") == ["Bộ Công an (Trung tâm Dữ liệu quốc gia)"]


# 5. a collective over two levels joined by "và" is one holder (bodies.yaml level_pairs)
@pytest.mark.parametrize("text, lead", [
    # corpus 130 (NQ 26/2026/NQ-CP) Điều 4.3
    ("Các cơ quan trung ương và địa phương chủ động sử dụng dự toán ngân sách nhà nước đã được cấp có thẩm quyền giao "
     "theo quy định của pháp luật về ngân sách nhà nước", ["Các cơ quan trung ương và địa phương"]),
    # issue 10, class 4 (pool 653/TB-VPCP): the levels after a list of kinds
    ("Các cơ quan thông tấn, báo chí trung ương và địa phương tăng cường tuyên truyền",
     ["Các cơ quan thông tấn, báo chí trung ương và địa phương"]),
])
def test_a_collective_over_two_levels_is_one_holder(text, lead):
    got = read_assignment(text)
    assert got is not None and got[0] == lead


# 3. a name cut before its complement: no preposition ends it, no verb of a list of verbs
@pytest.mark.parametrize("text, coordinators", [
    # pool ca9ba61fc61bf961 Điều 18.6 (the finder's name ends before the capitalised "Trung ương")
    ("Ban Cơ yếu Chính phủ chủ trì, phối hợp với Văn phòng Trung ương Đảng, các cơ quan đảng ở Trung ương và các cơ "
     "quan, tổ chức khác trong hệ thống chính trị triển khai áp dụng các sản phẩm mật mã",
     ["Văn phòng Trung ương Đảng", "Các cơ quan đảng"]),
    # pool 475126f38cb26cc2 Điều 6.1.b
    ("Phối hợp với doanh nghiệp sắp xếp, bố trí công tác đối với người quản lý doanh nghiệp thuộc thẩm quyền bổ nhiệm "
     "của Chủ tịch UBND tỉnh", ["Doanh nghiệp"]),
])
def test_a_cut_name_ends_at_its_last_name_word(text, coordinators):
    assert coordinators_in(text)[:len(coordinators)] == coordinators


def test_a_long_run_keeps_its_verb_phrase():
    # pool c49a5afadf61b342 appendix Điều 10.2: "ra quyết định" is the predicate, the lead stays "Giám đốc trung tâm"
    got = read_assignment("Giám đốc trung tâm ra quyết định, tổ chức thu hồi, xử lý theo quy định")
    assert got is None or "Giám đốc trung tâm ra" not in got[0]


def test_groups_honoured_are_no_holder():
    # pool af2a4fc9b3a7aeeb Điều 3 (a decision awarding groups and persons)
    got = read_assignment("Thủ trưởng các đơn vị trực thuộc thành phố Hà Nội và các tập thể, cá nhân liên quan chịu "
                          "trách nhiệm thi hành Quyết định này./.")
    assert got is not None and "Các tập thể" not in got[0] and got[0][0] == "Thủ trưởng các đơn vị trực thuộc thành phố Hà Nội"


@pytest.mark.parametrize("lead, name", [
    # corpus 097 appendix II.1.d: "và" stays, the name went on past it ("... và theo dõi thi hành pháp luật"): a cut
    # name must stay visible to the check
    ("Cục Quản lý xử lý vi phạm hành chính và", "Cục Quản lý xử lý vi phạm hành chính và"),
    # pool e8b69e31579c0186 Điều 15.4: a verb inside an aside cut the name; the bracket goes with it
    ("Chi cục thuộc cục (thành lập", "Chi cục thuộc cục"),
    # corpus 026 (NQ 80/2025/UBTVQH15) Điều 3.3, the last holder of the closing article: an adverbial ends it
    ("Các cơ quan, tổ chức và cá nhân có liên quan theo trách nhiệm thi hành Nghị quyết này",
     "Các cơ quan, tổ chức và cá nhân có liên quan"),
    # a rule inside the bracket is still read: no name
    ("Các tài liệu liên quan (bao gồm", ""),
])
def test_a_lead_ends_before_a_dangling_preposition_or_bracket(lead, name):
    assert name_part(lead) == name


def test_in_the_matter_of_is_no_part_of_a_name():
    # pool 5b692e230f990be5 appendix Điều 8.2.đ
    assert coordinators_in("Phối hợp với công an tỉnh trong việc đảm bảo an ninh thông tin mạng.") == ["Công an tỉnh"]


def test_a_unit_named_with_commas_and_its_owner_is_one_name():
    # pool 24e28a864a1fdc36 appendix item 3 (a list of units): "chủ" is a stop word, the finder reads "Ban Dân"
    assert split_names("Ban Dân chủ, Giám sát và Phản biện xã hội thuộc Cơ quan Ủy ban Trung ương Mặt trận Tổ quốc "
                       "Việt Nam") == ["Ban Dân chủ, Giám sát và Phản biện xã hội thuộc Cơ quan Ủy ban Trung ương Mặt "
                                       "trận Tổ quốc Việt Nam"]


@pytest.mark.parametrize("text, lead", [
    # corpus 040 III.4.b: a verb with no comma after it may qualify a collective
    ("Khuyến khích các doanh nghiệp sử dụng nhiều lao động thực hiện tốt trách nhiệm xã hội thông qua các hình thức đầu "
     "tư", ["Các doanh nghiệp sử dụng nhiều lao động"]),
])
def test_a_verb_without_a_comma_may_qualify(text, lead):
    got = read_assignment(text)
    assert got is not None and got[0] == lead
