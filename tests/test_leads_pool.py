"""Where a lead's name ends (issue 10, class 1: a lead is a body, never a clause or a fragment), each case from a
real pool document (../shared/pool/md/<id>.md, the sentence quoted)."""
from __future__ import annotations

import pytest

from vanban.extractors.tasks.assignment import assignment, read_assignment
from vanban.extractors.tasks.coordinators import coordinators_in
from vanban.extractors.tasks.lead_trim import name_part, of_issuer
from vanban.pipeline.types import Node


# 1. a footnote mark glued to a name is no part of it
@pytest.mark.parametrize("text, lead, coordinators", [
    # 8180ae11188469fd Điều 7.1
    ("Bộ Quốc phòng chủ trì, phối hợp với Bộ Nội vụ[4], Bộ Tài chính chịu trách nhiệm hướng dẫn thực hiện Quyết "
     "định này", ["Bộ Quốc phòng"], ["Bộ Nội vụ", "Bộ Tài chính"]),
    # cfc85d8b3511af54 Điều 15.1
    ("Ủy ban nhân dân cấp tỉnh, Ủy ban nhân dân cấp xã[17] có trách nhiệm bố trí quỹ đất trong các nghĩa trang theo "
     "quy hoạch để di dời mồ mả khi thu hồi đất", ["Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân cấp xã"], []),
])
def test_a_footnote_mark_is_cut_from_a_name(text, lead, coordinators):
    assert read_assignment(text) == (lead, coordinators)


# 2. a lead ends before "liên quan đến ..." goes on, and before a clause opener
@pytest.mark.parametrize("text, last", [
    # ff9aace5b310314d Điều 3.1
    ("Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Đồng Nai, chính quyền địa phương các đơn vị hành chính liên "
     "quan đến việc thực hiện sắp xếp và các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi hành Nghị "
     "quyết này", "Chính quyền địa phương các đơn vị hành chính liên quan"),
    # 7c1170e3b6032492 Điều 5.3
    ("Kiểm toán nhà nước, trong phạm vi nhiệm vụ, quyền hạn của mình, kiểm toán việc thực hiện Dự án theo Nghị quyết "
     "này", "Kiểm toán nhà nước"),
    # 92e7ae60081433eb Điều 25.2: the bodies whose opinion is sought are no leads; the lead ends at its verb "gửi"
    ("Cơ quan chủ quản gửi Báo cáo chủ trương viện trợ lấy ý kiến bằng văn bản của Bộ Tài chính, Bộ Ngoại giao và "
     "các cơ quan liên quan trong vòng 05 ngày làm việc", "Cơ quan chủ quản"),
])
def test_a_lead_stops_before_a_clause(text, last):
    got = read_assignment(text)
    assert got is not None and got[0][-1] == last


# 72f18ee047b71e9a appendix Điều 17.6, hard-wrapped: "6. Doanh nghiệp viễn thông⏎khi triển khai ngầm hóa phải bảo
# đảm:" + "a) Tuân thủ thiết kế, quy hoạch ..."
@pytest.mark.parametrize("title, text", [
    ("Doanh nghiệp viễn thông", "khi triển khai ngầm hóa phải bảo đảm:"),
    ("", "Doanh nghiệp viễn thông khi triển khai ngầm hóa phải bảo đảm:"),
])
def test_a_heading_lead_stops_before_when(title, text):
    a = assignment(Node(path="Điều 17.6", marker="6.", title=title, text=text))
    assert a is not None and a.lead == ["Doanh nghiệp viễn thông"]


# 3. a lead stops at the predicate after a known body, a verb of no duty list
@pytest.mark.parametrize("text, lead", [
    # 344b9eec106a648a II.2.b.1: a label before a colon
    ("Bộ Tài chính giải quyết 03 vấn đề tồn đọng: (i) Tích hợp, cung cấp dịch vụ thanh toán trực tuyến nghĩa vụ tài "
     "chính đất đai giữa Hệ thống Thuế với Hệ thống Thông tin giải quyết TTHC", ["Bộ Tài chính"]),
    # 1fa949f85858c62f Điều 5.1.b
    ("Sở Công Thương tiếp nhận văn bản thông báo về việc dừng bán hàng tại cửa hàng bán lẻ xăng dầu của doanh "
     "nghiệp, có trách nhiệm xem xét, kiểm tra thông tin", ["Sở Công Thương"]),
    # a69069ae524315d9 III.1
    ("Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố "
     "trực thuộc trung ương tập trung quán triệt, khẩn trương tổ chức triển khai đồng bộ",
     "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"),
])
def test_a_lead_stops_at_the_predicate_after_a_body(text, lead):
    got = read_assignment(text)
    assert got is not None
    assert got[0] == lead if isinstance(lead, list) else got[0][-1] == lead


# c0d7ba6795eecf17 Điều 1 (the units of an agency): "14. Vụ Kiểm sát giải quyết khiếu nại, tố cáo về tư pháp;" is a
# unit's name the finder knows only the head of: no cut, so no task either
def test_a_unit_name_is_not_cut_at_a_verb_inside_it():
    assert name_part("Vụ Kiểm sát giải quyết khiếu nại, tố cáo về tư pháp") == \
        "Vụ Kiểm sát giải quyết khiếu nại, tố cáo về tư pháp"
    assert name_part("Bộ Tài chính giải quyết 03 vấn đề tồn đọng") == "Bộ Tài chính"     # 344b9eec106a648a


# 344b9eec106a648a II.2.b.4, hard-wrapped: "(4) Bộ Nội vụ hoàn thành kết nối Cơ sở dữ liệu người⏎hưởng chính sách
# ưu đãi người có công với các Hệ thống thông tin giải quyết⏎TTHC cấp bộ, cấp tỉnh."
def test_a_heading_lead_stops_at_the_predicate():
    a = assignment(Node(path="II.2.b.4", marker="(4)", title="Bộ Nội vụ hoàn thành kết nối Cơ sở dữ liệu người",
                        text="hưởng chính sách ưu đãi người có công với các Hệ thống thông tin giải quyết TTHC cấp "
                             "bộ, cấp tỉnh."))
    assert a is not None and a.lead == ["Bộ Nội vụ"]


# 4. a case or a condition is the subject of a rule: no lead, no task
@pytest.mark.parametrize("text", [
    # b5766b5f7caa1268 Điều 8.2
    "Các trường hợp trên nếu đảng viên có khiếu nại thì chi bộ báo cáo cấp uỷ có thẩm quyền xem xét.",
    # afe7b51a032c1c6d Điều 6.3
    "Những trường hợp đã nộp hồ sơ lệ phí trước bạ trước ngày Quyết định này có hiệu lực thi hành nhưng chưa được "
    "cơ quan thuế ra thông báo nộp lệ phí trước bạ thì thực hiện theo quy định tại Quyết định này.",
    # 6e7f0a17bbc99fd4 Điều 4.7: a clause opener must not hide the rule word after it
    "Đơn vị hành chính đạt dưới 60 điểm thì được phân loại III",
])
def test_a_case_is_no_lead(text):
    assert read_assignment(text) is None


# de54f5fa3cc24927 Điều 4: a heading naming cases, its second half no body either
def test_a_heading_of_cases_is_no_assignment():
    a = assignment(Node(path="Điều 4", marker="Điều 4.",
                        title="Các trường hợp loại trừ kỷ luật; miễn kỷ luật hoặc giảm nhẹ, tăng nặng mức kỷ luật",
                        text=""))
    assert a is None


# 5. "Chánh Văn phòng" alone is the issuer's office: 046d4a5b8d446144 Điều 3 (a decision of the Bộ Khoa học và
# Công nghệ): "Chánh Văn phòng, Vụ trưởng Vụ Khoa học kỹ thuật và công nghệ, ... chịu trách nhiệm thi hành ..."
def test_a_bare_office_is_the_issuers():
    got = read_assignment("Chánh Văn phòng, Vụ trưởng Vụ Khoa học kỹ thuật và công nghệ, Thủ trưởng các cơ quan, "
                          "đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.")
    assert got is not None and got[0][0] == "Chánh Văn phòng"
    names = of_issuer(got[0], "Bộ Khoa học và Công nghệ")
    assert names[0] == "Chánh Văn phòng Bộ Khoa học và Công nghệ" and names[1:] == got[0][1:]
    assert of_issuer(["Chánh Văn phòng UBND tỉnh"], "Ủy ban nhân dân tỉnh Lâm Đồng") == ["Chánh Văn phòng UBND tỉnh"]
    assert of_issuer(got[0], None) == got[0][1:]       # an unknown issuer's office is a fragment (d3ec59a0ceeaeb95)


# c22591f10eec1dab Điều 21.1: a verb inside a holder's description ("cơ quan sử dụng công chức", the employing
# body) is no predicate when the cut would leave no body
def test_a_cut_that_leaves_no_body_is_not_made():
    got = read_assignment("Người đứng đầu cơ quan sử dụng công chức chịu trách nhiệm bố trí, phân công công tác, "
                          "kiểm tra việc thực hiện nhiệm vụ của công chức")
    assert got is not None and got[0] == ["Người đứng đầu cơ quan sử dụng công chức"]


# corpus 017_laocai-qd-1050 Điều 5: persons addressed are left out, the bodies before them stay
def test_persons_addressed_are_no_lead_but_the_bodies_stay():
    got = read_assignment("Chánh Văn phòng Sở, Trưởng phòng Quản lý công nghiệp, các tô chức cá nhân có liên quan "
                          "và các ông/bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này")
    assert got is not None and got[0][:2] == ["Chánh Văn phòng Sở", "Trưởng phòng Quản lý công nghiệp"]
    assert not any(n.casefold().startswith("các ông") for n in got[0])


# 6. "X gồm: ..." states what a body is made of: no task, and its items below inherit no lead
# (1f9faa032326f975 Điều 7.1 and Điều 8.1, the charter of a provincial fund)
@pytest.mark.parametrize("text", [
    "Hội đồng Quản lý gồm có: Chủ tịch, Phó Chủ tịch và thành viên.",
    "Cơ quan điều hành nghiệp vụ Quỹ Bảo vệ môi trường gồm: Giám đốc, Phó Giám đốc, Kế toán và các bộ phận chuyên "
    "môn, nghiệp vụ.",
])
def test_a_composition_is_no_task(text):
    assert assignment(Node(path="Điều 7.1", marker="1.", title="", text=text)) is None


# 1f9faa032326f975 Điều 7.3: "3. Ban Kiểm soát có các nhiệm vụ và quyền hạn sau:" + "a) ..." (its duties)
def test_a_lead_ends_before_its_duties_are_announced():
    a = assignment(Node(path="Điều 7.3", marker="3.", title="",
                        text="Ban Kiểm soát có các nhiệm vụ và quyền hạn sau:"))
    assert a is not None and a.lead == ["Ban Kiểm soát"]


# 4. a name ends at the first verb of its clause: the lead is the holder before the verb, and the work starts there
def _work_of(text: str, lead: str) -> str:
    """The words after a lead (its last place in the sentence, any case): where the work starts."""
    return text[text.casefold().rindex(lead.casefold()) + len(lead):].lstrip(" ,")


@pytest.mark.parametrize("text, lead, verb", [
    # 92e7ae60081433eb Điều 28.5: a one-syllable verb after a name of four words
    ("Cơ quan chủ quản giao chỉ tiêu đào tạo và kế hoạch viện trợ đào tạo hằng năm cho phi dự án đào tạo theo kế "
     "hoạch năm và các cơ quan, tổ chức, đơn vị thực hiện theo quy định tại Điều 45 của Nghị định này",
     ["Cơ quan chủ quản"], "giao chỉ tiêu"),
    # 92e7ae60081433eb Điều 63.1
    ("Cơ quan chủ quản giao chủ khoản viện trợ lập kế hoạch lựa chọn nhà thầu, chuẩn bị hồ sơ mời thầu và các thủ "
     "tục, tài liệu cần thiết khác sau khi dự án, phi dự án được Thủ tướng Chính phủ phê duyệt chủ trương viện trợ",
     ["Cơ quan chủ quản"], "giao chủ khoản"),
    # d71b3a48efad6d2c appendix Điều 23.2.a: "cấp" after a known body is the verb "to issue", not a level
    ("Đề nghị Sở Tư pháp cấp, khóa hoặc thay đổi tài khoản cho công chứng viên, nhân viên của tổ chức mình.",
     ["Sở Tư pháp"], "cấp, khóa"),
    # 6d0e277c7b88a914 Điều 28.2.a
    ("Bộ Quốc phòng cấp chứng chỉ năng lực cho các tổ chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ theo Mẫu "
     "số 01 Phụ lục V ban hành kèm theo Thông tư này;", ["Bộ Quốc phòng"], "cấp chứng chỉ"),
    # 322358d6040a153b appendix Điều 12.1: a deputy's title opens a name as its head does
    ("Trưởng Ban Chỉ đạo sử dụng con dấu của Thủ tướng Chính phủ; Phó Trưởng Ban Chỉ đạo, ủy viên thường trực sử "
     "dụng con dấu của Bộ Văn hóa, Thể thao và Du lịch trong việc triển khai các hoạt động thuộc phạm vi trách nhiệm "
     "được giao.", ["Trưởng Ban Chỉ đạo", "Phó Trưởng Ban Chỉ đạo, ủy viên thường trực"], "sử dụng con dấu"),
    # 1f9faa032326f975 appendix Điều 8.2.b
    ("Phó Giám đốc Quỹ thực hiện các nhiệm vụ theo sự phân công của Giám đốc Quỹ.", ["Phó Giám đốc Quỹ"],
     "thực hiện"),
    # be5392d4f50c27a6 appendix Điều 18.1: duty verbs before the lead word, and a holder in lower case after "và"
    ("Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành cấp tỉnh, Chủ tịch UBND cấp xã và thủ trưởng các cơ "
     "quan, đơn vị có liên quan triển khai thực hiện và chịu trách nhiệm trước UBND tỉnh, Chủ tịch UBND tỉnh về kết "
     "quả thực hiện Quy chế này", ["Chánh Văn phòng UBND tỉnh", "Thủ trưởng các sở, ban, ngành cấp tỉnh",
                                   "Chủ tịch UBND cấp xã", "Thủ trưởng các cơ quan, đơn vị có liên quan"],
     "triển khai"),
    # 5442d166b03566fa Điều 44.4: the words that close a collective belong to it
    ("Ủy ban Thường vụ Quốc hội, Chính phủ và các cơ quan khác có thẩm quyền quy định chi tiết các điều, khoản được "
     "giao trong Luật", ["Ủy ban Thường vụ Quốc hội", "Chính phủ", "Các cơ quan khác có thẩm quyền"], "quy định"),
    # 53a2def6c64d24fe Điều 2.6.c: "theo quy định của ..." opens an adverbial, no part of the name
    ("Sau khi Dự án được cấp có thẩm quyền phê duyệt theo quy định tại khoản 2 Điều này, cơ quan nhà nước có thẩm "
     "quyền thu hồi đất theo quy định của Luật Đất đai ban hành thông báo thu hồi đất",
     ["Cơ quan nhà nước có thẩm quyền thu hồi đất"], "theo quy định của Luật Đất đai ban hành"),
    # b1ce4a23 Điều 5.2: a predicate after a body of the gazetteer makes the label before the colon a sentence
    ("Sở Tài chính quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị phục vụ hoạt động chung của: Văn phòng "
     "Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh; các cơ quan, tổ chức, đơn vị thuộc Ủy ban Mặt trận Tổ quốc "
     "Việt Nam tỉnh; các cơ quan, tổ chức, đơn vị khác còn lại", ["Sở Tài chính"], "quyết định tiêu chuẩn"),
])
def test_a_name_ends_where_its_work_starts(text, lead, verb):
    got = read_assignment(text)
    assert got is not None and got[0] == lead
    assert _work_of(text, lead[-1]).startswith(verb)


# 40de74e605854414 Điều 3.2, a sentence read as the heading: "các Ban của" a council is one name, and the delegates
# after "và" are a holder of their own
def test_a_heading_sentence_gives_each_holder_and_its_work():
    title = ("Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, Tổ đại biểu Hội đồng nhân dân "
             "tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết")
    a = assignment(Node(path="Điều 3.2", marker="2.", title=title, text=""))
    assert a is not None and a.lead == ["Thường trực Hội đồng nhân dân tỉnh", "Các Ban của Hội đồng nhân dân tỉnh",
                                        "Tổ đại biểu Hội đồng nhân dân tỉnh", "Đại biểu Hội đồng nhân dân tỉnh"]
    assert _work_of(title, "đại biểu Hội đồng nhân dân tỉnh").startswith("giám sát")


# 5. a rule or a description is no task, however its holder is written
@pytest.mark.parametrize("text", [
    # cb9246c4dea46508 Điều 39.5.i, a decree's list of violations
    "Trung tâm sát hạch lái xe tự ý di chuyển vị trí các phòng chức năng; thay đổi hình các bài sát hạch mà chưa được "
    "chấp thuận của cơ quan quản lý nhà nước có thẩm quyền;",
    # de54f5fa3cc24927 Điều 19.2.a and 1f9faa032326f975 appendix Điều 9.1.a, the members of a council
    "Chủ tịch Hội đồng là người đứng đầu hoặc cấp phó của người đứng đầu cơ quan có thẩm quyền xử lý kỷ luật;",
    "Chủ tịch Hội đồng là đại diện lãnh đạo Phòng Quản lý Môi trường trực thuộc Sở Nông nghiệp và Môi trường.",
    # 1f9faa032326f975 appendix Điều 8.1.a, who appoints a director
    "Giám đốc Quỹ do Chủ tịch UBND tỉnh bổ nhiệm, miễn nhiệm theo nhiệm kỳ 05 năm, trên cơ sở đề nghị của Chủ tịch "
    "Hội đồng Quản lý Quỹ.",
    # 06c6f91f5c3b4c21 appendix 2.a, a step of a procedure: the verb before a count ends the name, "Đơn vị" is no body
    "Đơn vị lập 01 bộ hồ sơ cấp đổi thẻ nhân lực công nghệ cao và trình Ban Quản lý phê duyệt hồ sơ cấp đổi thẻ nhân "
    "lực công nghệ cao thông qua hình thức: trực tiếp hoặc trực tuyến hoặc qua dịch vụ bưu chính;",
    # c49a5afadf61b342 appendix Điều 5.2: a name never runs past its sentence; "Trung tâm" alone names no body
    "Căn cứ kế hoạch bồi dưỡng đã được phê duyệt, Trung tâm thông báo chiêu sinh, kế hoạch mở lớp đến các cơ quan, "
    "đơn vị trên địa bàn. Các cơ quan tham mưu, giúp việc đảng ủy cấp xã, các cơ quan chuyên môn của Ủy ban nhân dân "
    "cấp xã, Ủy ban Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị",
    # c258e5aa7ee387c3 appendix Điều 3.1, how a board works
    "Trưởng ban, các Phó Trưởng ban và các Ủy viên làm việc theo chế độ kiêm nhiệm",
])
def test_a_rule_or_a_description_is_no_task(text):
    assert read_assignment(text) is None


# 6. a fragment is never a lead: the whole holder, or nothing
def test_a_generic_fragment_among_names_is_left_out():
    # 1796a553dfee88ef Điều 3 ("Cơ quan," stands alone in the source)
    got = read_assignment("Chánh Văn phòng, Cục trưởng Cục Trồng trọt và Bảo vệ thực vật, Cơ quan, Thủ trưởng các Vụ, "
                          "Cục, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.")
    assert got is not None and "Cơ quan" not in got[0] and "Cục trưởng Cục Trồng trọt và Bảo vệ thực vật" in got[0]


def test_a_bare_office_of_an_unknown_issuer_is_left_out():
    # d3ec59a0ceeaeb95 appendix Điều 3.2: the circular's header names no issuer
    assert of_issuer(["Chánh Văn phòng", "Vụ trưởng Vụ Giáo dục Phổ thông"], None) == ["Vụ trưởng Vụ Giáo dục Phổ thông"]


def test_an_office_title_with_a_verb_right_after_it_is_no_name():
    # 5fc0868aeac2f15a appendix-2 III.2: "... đề nghị Bộ trưởng tặng giải thưởng Hải Thượng Lãn Ông cho các cá nhân ..."
    assert name_part("Bộ trưởng tặng giải thưởng Hải Thượng Lãn Ông cho các cá nhân có tên trong danh sách kèm theo "
                     "Hội đồng") == ""


# 7. a form's blank is no part of a name, and the names on both sides of it stay
@pytest.mark.parametrize("text, lead", [
    # 1796a553dfee88ef appendix-4 Điều 2
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương (tên)..….. có trách nhiệm:",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    # c22591f10eec1dab appendix Điều 3: the person addressed before the blank goes with it
    ("Thủ trưởng các cơ quan, đơn vị có liên quan và ông (bà) ……… chịu trách nhiệm thi hành quyết định này./.",
     ["Thủ trưởng các cơ quan, đơn vị có liên quan"]),
    # fcf5e41b appendix-2 Điều 3
    ("Chánh Văn phòng Ủy ban nhân dân, Giám đốc Sở Nông nghiệp và Môi trường, …….(tên tổ chức, cá nhân)……., Thủ "
     "trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành quyết định này./.",
     ["Chánh Văn phòng Ủy ban nhân dân", "Giám đốc Sở Nông nghiệp và Môi trường",
      "Thủ trưởng các cơ quan, đơn vị có liên quan"]),
    # 432a3fc0008bf85c appendix-3 Điều 3: the blank's label in brackets after it
    ("Chủ tịch hội đồng xét tiêu hủy tài liệu hết thời hạn lưu trữ, trùng lặp, ........... (Đơn vị hoặc bộ phận có "
     "trách nhiệm tiêu hủy) ... chịu trách nhiệm thi hành quyết định này./.",
     ["Chủ tịch hội đồng xét tiêu hủy tài liệu hết thời hạn lưu trữ, trùng lặp"]),
])
def test_a_form_blank_is_no_part_of_a_name(text, lead):
    got = read_assignment(text)
    assert got is not None and got[0] == lead


# 8. the coordinators after "phối hợp với": a missing comma, a verb before a body
@pytest.mark.parametrize("text, coordinators", [
    # f08cdc4c1a96afa2 Điều 2
    ("Giao Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch các cơ quan, đơn vị có liên quan "
     "căn cứ quy trình nội bộ giải quyết thủ tục hành chính", ["Sở Văn hóa, Thể thao và Du lịch",
                                                               "Các cơ quan, đơn vị có liên quan"]),
    # 70180aecf521049d Điều 40.2: "giúp" before a body is a verb
    ("chủ trì, phối hợp với cơ quan phụ trách về công tác dân nguyện của Quốc hội giúp Đoàn Chủ tịch Ủy ban Trung ương "
     "Mặt trận Tổ quốc Việt Nam và Ủy ban Thường vụ Quốc hội xây dựng báo cáo tổng hợp ý kiến, kiến nghị của cử tri",
     ["Cơ quan phụ trách về công tác dân nguyện của Quốc hội"]),
])
def test_coordinators_end_where_the_list_does(text, coordinators):
    assert coordinators_in(text) == coordinators


def test_and_inside_brackets_opens_no_holder():
    # 62f25a03 IV.13: "(VNPT, Viettel, MobiFone và doanh nghiệp khác)" says which enterprises
    got = read_assignment("Đề nghị các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác): Đảm bảo "
                          "thông tin liên lạc ổn định; bố trí nguồn điện dự phòng cho các trạm phát sóng")
    assert got is not None and got[0] == ["Doanh nghiệp viễn thông"]
