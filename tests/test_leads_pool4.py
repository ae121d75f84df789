"""Lead names that failed the body-name check on the pool (issue 10's last pool target), each case from a real
document (../shared/pool/md/<id>.md or not-documents/<id>.md), the sentence quoted."""
from __future__ import annotations

from vanban.extractors.tasks.assignment import read_assignment
from vanban.extractors.tasks.coordinators import coordinators_in
from vanban.extractors.tasks.lead_trim import of_issuer


def _lead(text: str) -> list[str]:
    got = read_assignment(text)
    assert got is not None
    return got[0]


# 1. a predicate a name the finder does not know runs into ends it, even one that opens with an adverb-like verb
def test_a_heading_predicate_ends_the_name():
    # pool 432a3fc0008bf85c appendix 2 (a minutes form): "**Chủ tịch Hội đồng thống nhất kết luận:**"
    assert _lead("Chủ tịch Hội đồng thống nhất kết luận: 1. Đề nghị giữ lại những hồ sơ số") == ["Chủ tịch Hội đồng"]


# 2. a first verb that would leave only a bare noun keeps the name, a later verb still ends it
def test_a_later_verb_ends_a_name_a_first_one_could_not():
    # pool ce4ad96dbd9a518d appendix Điều 6.1: "lấy ý kiến" names the unit, "giao cho" is what it does
    assert _lead("Cơ quan, đơn vị lấy ý kiến giao cho đơn vị hoặc cá nhân chủ trì soạn thảo nội dung lấy ý "
                 "kiến") == ["Cơ quan, đơn vị lấy ý kiến"]


def test_a_verb_that_names_the_body_stays():
    # pool c22591f10eec1dab Điều 21.1: "sử dụng công chức" names whose head is meant, nothing later ends it
    assert _lead("Người đứng đầu cơ quan sử dụng công chức chịu trách nhiệm bố trí, phân công công tác, kiểm tra "
                 "việc thực hiện nhiệm vụ của công chức") == ["Người đứng đầu cơ quan sử dụng công chức"]


# 3. "hoặc" before a clause the name was cut at goes with the clause: the alternative is no second holder
def test_or_before_a_cut_clause_goes_with_it():
    # pool de54f5fa3cc24927 Điều 15.2
    assert _lead("Đối với công chức không giữ chức vụ lãnh đạo, quản lý, người đứng đầu cơ quan có thẩm quyền tuyển "
                 "dụng hoặc theo phân cấp, ủy quyền tiến hành xử lý kỷ luật và quyết định hình thức kỷ luật, trừ "
                 "trường hợp quy định tại khoản 4 Điều 19 Nghị định này.") == [
        "Người đứng đầu cơ quan có thẩm quyền tuyển dụng"]


# 4. unit nouns named by their work ("bộ phận tham mưu về tổ chức, cán bộ") are one holder, whose topic and owner
#    hold no verb; the name ends at the predicate, a label's colon or an adverbial
def test_a_unit_named_by_its_work_is_one_holder():
    # pool c22591f10eec1dab Điều 46.3.a, 46.5.a and 44.2.đ (a label before its colon)
    assert _lead("Cơ quan, bộ phận tham mưu về tổ chức, cán bộ tổng hợp đề xuất của các địa phương, cơ quan, tổ "
                 "chức, đơn vị; tiến hành rà soát tiêu chuẩn, tiêu chí") == ["Cơ quan, bộ phận tham mưu về tổ chức, cán bộ"]
    assert _lead("Cơ quan, bộ phận tham mưu về tổ chức, cán bộ trình cấp có thẩm quyền xem xét, quyết định luân "
                 "chuyển;") == ["Cơ quan, bộ phận tham mưu về tổ chức, cán bộ"]
    got = read_assignment("Cơ quan, bộ phận tham mưu về tổ chức, cán bộ của cơ quan, tổ chức, đơn vị: Chủ trì, phối "
                          "hợp với các cơ quan liên quan tham mưu, xây dựng kế hoạch luân chuyển;")
    assert got == (["Cơ quan, bộ phận tham mưu về tổ chức, cán bộ của cơ quan, tổ chức, đơn vị"],
                   ["Các cơ quan liên quan"])


def test_a_unit_named_by_its_work_ends_before_the_next_holder_and_an_adverbial():
    # pool c22591f10eec1dab Điều 30.4 and 44.2.e
    assert _lead("Cơ quan tham mưu về tổ chức cán bộ và các cơ quan liên quan chịu trách nhiệm về kết quả thẩm "
                 "định") == ["Cơ quan tham mưu về tổ chức cán bộ", "Các cơ quan liên quan"]
    assert coordinators_in("Tham gia thẩm định, thẩm tra, rà soát đối với nhân sự luân chuyển; phối hợp với cơ quan, "
                           "bộ phận tham mưu về tổ chức, cán bộ trong công tác kiểm tra, giám sát") == [
        "Cơ quan, bộ phận tham mưu về tổ chức, cán bộ"]


# 5. a level "cấp" with a duty verb after it says what that level does: the name runs on to the next verb
def test_the_level_that_does_the_work_is_part_of_the_name():
    # pool not-documents/70180aecf521049d Điều 35.2
    got = read_assignment("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tổ chức tiếp xúc cử tri phối hợp với "
                          "Thường trực Hội đồng nhân dân, Ủy ban nhân dân cùng cấp và các cơ quan, tổ chức có liên quan "
                          "thông báo nội dung, thời gian, hình thức tiếp xúc")
    assert got is not None and got[0] == ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tổ chức tiếp xúc cử tri"]


def test_all_levels_take_no_verb_into_their_name():
    # recorded 114 (pool a83fffe0, Kế hoạch 165/KH-UBND Cần Thơ) II.7: "các cấp" is no level to describe
    assert coordinators_in("Phối hợp với các ngành, các cấp tăng cường các hoạt động tuyên truyền, vận động cán bộ, "
                           "đoàn viên, hội viên và Nhân dân thực hiện tốt chính sách dân số") == ["Các ngành", "Các cấp"]


# 6. the heads of a ministry's departments written alone are the issuer's, as its Chánh Văn phòng is
def test_bare_department_heads_are_the_issuers():
    # pool 6f76eaad0b5b95d8 (Thông tư 23/2025/TT-BTP of the Bộ Tư pháp) Điều 5.1: "Chánh Văn phòng Bộ, Vụ trưởng,
    # Cục trưởng quyết định giao biên chế công chức ..."
    lead = _lead("Chánh Văn phòng Bộ, Vụ trưởng, Cục trưởng quyết định giao biên chế công chức đối với từng tổ chức "
                 "hành chính thuộc cơ cấu tổ chức của đơn vị")
    assert of_issuer(lead, "Bộ Tư pháp") == ["Chánh Văn phòng Bộ", "Vụ trưởng Bộ Tư pháp", "Cục trưởng Bộ Tư pháp"]


# 7. a place relative ("nơi tổ chức ...") says where a holder is: its verb is no predicate, and two titles joined by
#    "hoặc" before it share it
def test_a_place_relative_is_shared_by_two_titles():
    # pool not-documents/70180aecf521049d Điều 24.2.a and 24.2.e
    assert _lead("Thủ trưởng hoặc Chủ tịch Công đoàn nơi tổ chức hội nghị tiếp xúc cử tri chủ trì, tuyên bố lý do, "
                 "giới thiệu đại biểu Quốc hội") == ["Thủ trưởng nơi tổ chức hội nghị tiếp xúc cử tri",
                                                    "Chủ tịch Công đoàn nơi tổ chức hội nghị tiếp xúc cử tri"]
    assert _lead("Thủ trưởng hoặc Chủ tịch Công đoàn nơi tổ chức tiếp xúc cử tri tuyên bố kết thúc hội nghị.") == [
        "Thủ trưởng nơi tổ chức tiếp xúc cử tri", "Chủ tịch Công đoàn nơi tổ chức tiếp xúc cử tri"]


def test_a_place_noun_takes_no_coordinator_cue():
    # pool c22591f10eec1dab Điều 46.5.d: "nơi đi" is the place of departure, "phối hợp với" the sentence's own
    assert read_assignment("Cơ quan nơi đi phối hợp với các cơ quan có liên quan phân công, bố trí và thực hiện chính "
                           "sách đối với công chức sau khi luân chuyển") == (["Cơ quan nơi đi"], ["Các cơ quan có liên quan"])


def test_a_plural_head_over_its_members_gives_one_holder_each():
    # pool md/15e6fb3d (a Prime Minister's telegram) item 8 and md/344b9eec II.2.b: "Các Bộ:" then the members;
    # the lead was "Các Bộ" and the description began with the members' names
    got = read_assignment("Các Bộ: Quốc phòng, Tài chính kịp thời xuất cấp các phương tiện, trang thiết bị theo đề "
                          "nghị của địa phương để hỗ trợ khắc phục hậu quả")
    assert got is not None and got[0] == ["Bộ Quốc phòng", "Bộ Tài chính"]
    got = read_assignment("Các Bộ: Tài chính, Y tế, Tư pháp, Nội vụ khẩn trương khắc phục các bất cập của Hệ thống "
                          "thông tin cơ sở dữ liệu thuộc phạm vi quản lý")
    assert got is not None and got[0] == ["Bộ Tài chính", "Bộ Y tế", "Bộ Tư pháp", "Bộ Nội vụ"]
    # a heading's "Trách nhiệm của các Sở:" is no holder list at the text's start (pool md/8d9779ed10e6bcb7)
    from vanban.extractors.tasks.members import distributed
    assert distributed("Trách nhiệm của các Sở: Xây dựng, Tài chính, Nội vụ.") == \
        "Trách nhiệm của các Sở: Xây dựng, Tài chính, Nội vụ."
