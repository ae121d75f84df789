"""Where a lead's name ends (issue 10, class 1: a lead is a body, never a clause or a fragment), each case from a
real pool document (../shared/pool/md/<id>.md, the sentence quoted)."""
from __future__ import annotations

import pytest

from vanban.extractors.tasks.assignment import assignment, read_assignment
from vanban.extractors.tasks.lead_names import name_part, of_issuer
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
    # 92e7ae60081433eb Điều 25.2
    ("Cơ quan chủ quản gửi Báo cáo chủ trương viện trợ lấy ý kiến bằng văn bản của Bộ Tài chính, Bộ Ngoại giao và "
     "các cơ quan liên quan trong vòng 05 ngày làm việc", "Các cơ quan liên quan"),
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
    assert of_issuer(got[0], None) == got[0]


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
