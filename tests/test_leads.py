"""A lead is a body, never a clause or a fragment (issue 10, class 1), from real pool documents
(../shared/pool/md/<id>.md)."""
from __future__ import annotations

import pytest

from vanban.extractors.bodies.names import is_bare
from vanban.extractors.tasks.assignment import assignment, read_assignment
from vanban.pipeline.types import Node


@pytest.mark.parametrize("name, bare", [
    ("Cơ quan", True), ("Các cơ quan", True), ("Cơ quan, đơn vị", True), ("Tổ chức, cá nhân", True),
    ("Giám đốc", True), ("Phó Giám đốc", True), ("Sở", True), ("Ủy ban", True),
    ("Các cơ quan liên quan", False), ("Cơ quan nhà nước", False), ("Các sở, ban, ngành", False),
    ("Các doanh nghiệp", False), ("Sở Tài chính", False), ("Chánh Văn phòng UBND tỉnh", False),
    ("Giám đốc Quỹ", False),          # 1f9faa032326f975 (the Fund's charter): "a) Giám đốc Quỹ:"
    ("Các Sở", False),                # 8d9779ed...: "Các Sở quản lý công trình xây dựng chuyên ngành Thành phố chủ trì"
    ("Thủ trưởng các cơ quan, đơn vị", False),   # cdb6ad27b3c3f13b: "... có trách nhiệm chỉ đạo việc khóa các tài khoản"
    ("Người đứng đầu cơ quan, tổ chức", True),   # 056a116c77fe4047 (a law's rule): whoever heads one
])
def test_a_bare_name_names_no_body(name, bare):
    assert is_bare(name) is bare


# 094432765aa270a8 Điều 4, hard-wrapped:
#   **Điều 4. **Chánh Văn phòng UBND tỉnh, Giám đốc
#   Sở Văn hóa, Thể thao và Du lịch, Giám đốc Sở Khoa học và Công nghệ, Giám đốc
#   Trung tâm Phục vụ hành chính công tỉnh và các tổ chức, cá nhân có liên quan ...
# 8c306b6991495e34 Điều 4: "Chánh Văn phòng⏎UBND tỉnh; Giám đốc Sở Nông nghiệp và Môi trường; ..."
@pytest.mark.parametrize("title, text, lead", [
    ("Chánh Văn phòng UBND tỉnh, Giám đốc",
     "Sở Văn hóa, Thể thao và Du lịch, Giám đốc Sở Khoa học và Công nghệ, Giám đốc Trung tâm Phục vụ hành chính "
     "công tỉnh và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
     "Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
    ("Chánh Văn phòng",
     "UBND tỉnh; Giám đốc Sở Nông nghiệp và Môi trường; Chủ tịch Ủy ban nhân dân các xã, phường và các tổ chức, "
     "cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
     "Chánh Văn phòng UBND tỉnh"),
])
def test_a_heading_cut_at_a_line_break_is_read_with_its_next_line(title, text, lead):
    a = assignment(Node(path="Điều 4", marker="Điều 4.", title=title, text=text))
    assert a is not None and lead in a.lead
    assert "Giám đốc" not in a.lead and "Chánh Văn phòng" not in a.lead


@pytest.mark.parametrize("text", [
    # 012b8a728c178e7a Điều 11.4 (a decree on data): a rule about whoever manages a database
    "Cơ quan quản lý cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành quyết định lộ trình tạo lập, số hóa dữ "
    "liệu phục vụ hoạt động chuyển đổi số theo Chiến lược dữ liệu quốc gia do Thủ tướng Chính phủ ban hành.",
    # 056a116c77fe4047 Điều 18.1: a right
    "Cơ quan, tổ chức, cá nhân có quyền sử dụng tài liệu lưu trữ thuộc Phông lưu trữ Đảng Cộng sản Việt Nam theo "
    "quy định để phục vụ công tác lãnh đạo, chỉ đạo, điều hành, nghiên cứu khoa học",
    # fcf5e41bf354281b: a field of a procedure's card
    "Cơ quan thực hiện thủ tục hành chính: Sở Nông nghiệp và Môi trường.",
    # 012b8a728c178e7a Điều 13.1: an obligation of every state body, its items below
    "Cơ quan nhà nước phải phân loại dữ liệu dựa trên yêu cầu quản trị, xử lý, bảo vệ dữ liệu, bao gồm:",
    # 051c596134cabb79 Điều 2.2: decisions repealed
    "Các Quyết định sau đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành:",
    # c5f09c7770858e97: who gets an account
    "Các cơ quan, đơn vị được cấp 01 tài khoản quản trị Thư điện tử công vụ:",
])
def test_a_rule_about_whoever_fits_a_description_is_no_assignment(text):
    assert read_assignment(text) is None


@pytest.mark.parametrize("text, lead", [
    # c49a5afadf61b342 appendix Điều 9.3: the name ends before its verb
    ("Giám đốc Trung tâm ra quyết định công nhận hoàn thành chương trình bồi dưỡng, cụ thể như sau:",
     ["Giám đốc Trung tâm"]),
    # 6d0e277c7b88a914 Điều 20.2: "là đầu mối" is the duty, "là" no part of the name
    ("Cơ quan quân sự địa phương cấp tỉnh hoặc cơ quan khắc phục hậu quả bom mìn vật nổ cấp tỉnh là đầu mối thu "
     "thập, lưu trữ và cung cấp dữ liệu thông tin khắc phục hậu quả bom mìn vật nổ trên địa bàn",
     ["Cơ quan quân sự địa phương cấp tỉnh hoặc cơ quan khắc phục hậu quả bom mìn vật nổ cấp tỉnh"]),
    # 06c6f91f...: an aside in brackets is no part of the name
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội (sau đây gọi tắt là “Ban Quản lý”) "
     "có trách nhiệm tổ chức thực hiện", ["Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội"]),
])
def test_a_lead_ends_at_the_body_name(text, lead):
    got = read_assignment(text)
    assert got is not None and got[0] == lead


def test_a_coordinator_naming_no_body_is_left_out():
    # 00e8b0e4daffc2ef Điều 2: "các cơ quan" alone, between two names
    got = read_assignment("Sở Công Thương có trách nhiệm chủ trì, phối hợp với các cơ quan, UBND các xã, phường, đơn "
                          "vị liên quan thực hiện quản lý hoạt động, xác nhận và hướng dẫn các doanh nghiệp")
    assert got == (["Sở Công Thương"], ["UBND các xã, phường", "Đơn vị liên quan"])


@pytest.mark.parametrize("text, coordinators", [
    # a8e9e9675ab618ee 3.-1: "các cơ quan" and what kind
    ("phối hợp với các cơ quan truyền thông để thông tin cho người tham gia giao thông biết",
     ["Các cơ quan truyền thông"]),
    # d5ffa6afac124d52 IV.4.-2
    ("Phối hợp chặt chẽ với các cơ quan quản lý NTTS trong quan trắc, giám sát và cảnh báo môi trường NTTS.",
     ["Các cơ quan quản lý NTTS"]),
    # 4e39af96b6891368 appendix IV.1.2.-3: the description ends before the duty verb, its closer kept
    ("Phối hợp với các cơ quan chuyên môn có liên quan hướng dẫn chỉ tiêu, biểu mẫu kiểm kê",
     ["Các cơ quan chuyên môn có liên quan"]),
    # 72f18ee047b71e9a appendix Điều 18.5.b
    ("Phối hợp với đơn vị quản lý hạ tầng kỹ thuật liên quan khi thực hiện chỉnh trang, di dời hoặc thay thế tuyến "
     "cáp;", ["Đơn vị quản lý hạ tầng kỹ thuật liên quan"]),
])
def test_a_bare_collective_coordinator_keeps_the_words_that_say_which(text, coordinators):
    from vanban.extractors.tasks.coordinators import coordinators_in
    assert coordinators_in(text) == coordinators


@pytest.mark.parametrize("text, names", [
    # 1796a553dfee88ef Điều 3 (class 4: a collective name is one body)
    ("Thủ trưởng các Vụ, Cục, đơn vị có liên quan", ["Thủ trưởng các Vụ, Cục", "Đơn vị có liên quan"]),
    # ca6ff32db1f99d30 Điều 3
    ("Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế, Thủ trưởng các Cục, Vụ và các đơn vị có liên quan",
     ["Chánh Văn phòng Bộ", "Vụ trưởng Vụ Pháp chế", "Thủ trưởng các Cục, Vụ", "Các đơn vị có liên quan"]),
    # (the collective names issue 10 quotes are tested in test_bodies.py HOLDERS)
])
def test_a_list_of_bare_heads_after_a_determiner_is_one_collective(text, names):
    from vanban.extractors.bodies import split_bodies
    assert split_bodies(text) == names


@pytest.mark.parametrize("text, lead", [
    # 047 (corpus): "ký" of "đăng ký" is no verb that ends the name
    ("Các cơ quan đăng ký đầu tư có trách nhiệm hướng dẫn", ["Các cơ quan đăng ký đầu tư"]),
    # 077 (corpus) Điều 1: an aside that tells two bodies apart stays
    ("Đoàn Luật sư tỉnh Lâm Đồng (cũ) có trách nhiệm bàn giao", ["Đoàn Luật sư tỉnh Lâm Đồng (cũ)"]),
])
def test_a_name_keeps_what_belongs_to_it(text, lead):
    got = read_assignment(text)
    assert got is not None and got[0] == lead


@pytest.mark.parametrize("text, coordinators", [
    # 112 (Quảng Ngãi, kiểm kê tài sản công), appendix IV.1.3: the gazetteer knows only "Ban Quản lý Khu
    # kinh tế" of this name; a coordinator cut short is not given
    ("Sở Tài chính phối hợp Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi: hướng dẫn các cơ quan",
     []),
    # 113 (TB 624/TB-VPCP), a task row: the body right after "phối hợp", its name ending at the verb
    ("Chủ trì, phối hợp Bộ Công an tham mưu cơ chế chấm\nđiểm hàng tháng với các bộ, ngành, địa phương", ["Bộ Công an"]),
    # 020 (Lào Cai, quy chế cụm công nghiệp): a collective right after "phối hợp"
    ("Chủ trì, phối hợp các sở, ngành liên quan tổ chức thẩm định, trình Ủy ban nhân dân tỉnh xem xét",
     ["Các sở, ngành liên quan"]),
    # pool 62f25a03 (a relief plan): the finder runs a collective on over a clause; only the body is taken
    ("Phối hợp các lực lượng và UBND các xã, phường huy động ca nô, xuồng máy, xe chuyên dụng để tiếp cận, vận"
     " chuyển hàng đến vùng bị chia cắt, bảo đảm an toàn tuyệt đối người và tài sản.", ["Các lực lượng"]),
    # "phối hợp" followed by a verb names no coordinator
    ("Sở Tài chính phối hợp thực hiện kiểm kê tài sản kết cấu hạ tầng", []),
])
def test_coordinators_right_after_phoi_hop_without_voi(text, coordinators):
    from vanban.extractors.tasks.coordinators import coordinators_in
    assert coordinators_in(text) == coordinators
