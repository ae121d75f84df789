"""Tasks on the third set of blind documents (issue 10, classes 2 and 3): letters (công văn) whose requests
stand in running text, a request's holder after a modal, an honorific, a person's name or a bracket, the
execution clause after the entry into force, a coordinator list past a bracketed aside.  Real documents of
the pool kept in corpus/ (115-118), and their real sentences."""
from pathlib import Path

from vanban.extractors.tasks import read_assignment
from vanban.extractors.tasks.coordinators import coordinators_in
from vanban.extractors.tasks.letters import request
from vanban.pipeline.run import parse

CORPUS = Path(__file__).parent.parent / "corpus"


def _body_tasks(pattern: str):
    return [t for t in parse(str(next(CORPUS.glob(pattern)))).tasks if t.origin == "body"]


def test_letter_without_numbered_paragraphs_gives_one_task_at_body():
    # 118 (5095/SGDĐT): "Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; các đơn vị, cơ sở giáo dục trực
    # thuộc thực hiện nghiêm túc theo văn bản chỉ đạo của UBND Thành phố, ... Cụ thể:" + dash bullets; the
    # closing "Sở Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị nghiêm túc thực hiện./." restates it
    tasks = _body_tasks("118_pool-*.md")
    assert [t.section for t in tasks] == ["body"]
    assert tasks[0].lead[0] == "UBND các xã, phường" and tasks[0].lead[1].startswith("Các đơn vị, cơ sở")
    assert len(tasks[0].lead) == 2
    assert "Hạn chế các hoạt động ngoài trời" in tasks[0].description


def test_closing_formula_and_statements_ask_nothing_new():
    closing = request("Sở Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị nghiêm túc thực hiện./.")
    assert closing is not None and closing[1]
    asked = request("Nhằm đảm bảo sức khỏe cho học sinh, Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; "
                    "các đơn vị, cơ sở giáo dục trực thuộc thực hiện nghiêm túc theo văn bản chỉ đạo của UBND Thành phố")
    assert asked is not None and not asked[1]
    # 117: a statement of what the ministry did asks nothing of a body
    assert request("Để bảo đảm thống nhất trong thực hiện nhiệm vụ, Bộ Tài chính đã chỉ đạo xây dựng “Cẩm nang "
                   "nghiệp vụ thuế dành cho công chức cấp xã” nhằm hỗ trợ công chức cấp xã") is None
    assert request("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương") is None


def test_preamble_request_passes_its_bodies_to_the_numbered_items():
    # 117 (17986/BTC-CT): "Bộ Tài chính đề nghị UBND các tỉnh, thành phố quan tâm chỉ đạo:" + "1. Phổ biến rộng
    # rãi nội dung Cẩm nang ...", "2. Lồng ghép ...", "3. Chỉ đạo đầu mối phối hợp với Thuế tỉnh, thành phố ..."
    tasks = {t.section: t for t in _body_tasks("117_pool-*.md")}
    for sec in ("1", "2", "3"):
        assert tasks[sec].lead == ["UBND các tỉnh, thành phố"]
    assert tasks["1"].description.startswith("Phổ biến rộng rãi nội dung Cẩm nang")
    assert tasks["3"].coordinators == ["Thuế tỉnh, thành phố"]
    assert "gửi kèm" not in tasks["3"].description          # the next sentence is no part of the item


def test_execution_clause_after_the_entry_into_force():
    # 115 (1520/QĐ-UBND Bắc Ninh) Điều 3
    text = ("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh; Chánh Thanh tra tỉnh; UBND các "
            "xã, phường và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.")
    lead, _ = read_assignment(text)
    assert lead == ["Chánh Văn phòng UBND tỉnh", "Chánh Thanh tra tỉnh", "UBND các xã, phường",
                    "Các cơ quan, tổ chức, cá nhân có liên quan"]
    assert read_assignment("Quyết định này có hiệu lực kể từ ngày ký.") is None
    tasks = {t.section: t for t in _body_tasks("115_pool-*.md")}
    assert tasks["Điều 3"].lead[:2] == ["Chánh Văn phòng UBND tỉnh", "Chánh Thanh tra tỉnh"]


def test_request_after_a_modal_and_an_honorific():
    # 116 (627/TB-VPCP) III.1.a and III.1.b
    lead, _ = read_assignment("Yêu cầu các bộ, ngành, địa phương, các thành viên của Ban Chỉ đạo phải tiếp tục nâng "
                              "cao hơn nữa, quyết liệt hơn nữa để hoàn thành bằng được nhiệm vụ chính trị")
    assert lead == ["Các bộ, ngành, địa phương", "Các thành viên của Ban Chỉ đạo"]
    lead, _ = read_assignment("Giao đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ đạo kiểm tra, rà soát, tháo gỡ các "
                              "khó khăn, vướng mắc. Yêu cầu Nhà đầu tư (Tập đoàn Đèo Cả) rà soát, bổ sung nhân lực")
    assert lead == ["Bộ trưởng Bộ Xây dựng", "Tập đoàn Đèo Cả"]


def test_person_named_after_an_office_and_a_date_before_the_work():
    # 116 III.2.c
    lead, _ = read_assignment("Giao Phó Thủ tướng Chính phủ Trần Hồng Hà trước ngày 15 tháng 11 năm 2025 trực tiếp "
                              "kiểm tra, đôn đốc các bộ, cơ quan liên quan")
    assert lead == ["Phó Thủ tướng Chính phủ Trần Hồng Hà"]


def test_topic_lead_in_and_a_holder_in_a_later_sentence():
    # 116 III.5.g
    lead, coordinators = read_assignment(
        "Về thi đua khen thưởng đối với hoạt động của Ban chỉ đạo: Kết quả đạt được thời gian qua là nhờ sự tích "
        "cực, nỗ lực của các thành viên Ban Chỉ đạo trong cả giai đoạn 2021-2025. Bộ Xây dựng với vai trò là cơ "
        "quan thường trực Ban chỉ đạo, chủ động, phối hợp Bộ Nội vụ tổng hợp, đề xuất khen thưởng")
    assert lead == ["Bộ Xây dựng"] and coordinators == ["Bộ Nội vụ"]


def test_coordinator_list_goes_on_past_a_bracketed_aside():
    # 115 Điều 2.1
    found = coordinators_in("Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính "
                            "công tỉnh) và UBND các xã, phường: Rà soát, xây dựng quy trình")
    assert found == ["Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)", "UBND các xã, phường"]


def test_no_execution_clause_without_execution_words_and_no_holder_past_a_rule():
    # pool md/93cafb7b: a notice's closing "Thông báo này có hiệu lực kể từ ngày ban hành. Cục trưởng Cục Hải quan
    # thông báo để Công ty TNHH Công nghiệp Vàng Anh biết và thực hiện./." executes nothing
    assert read_assignment("Thông báo này có hiệu lực kể từ ngày ban hành. Cục trưởng Cục Hải quan thông báo để "
                           "Công ty TNHH Công nghiệp Vàng Anh biết và thực hiện./.") is None
    # pool md/cfc85d8b (a decree, Điều 15.2): "Đối với ...:" is a rule's condition, no topic lead-in
    assert read_assignment("Đối với mồ mả trong phạm vi đất thu hồi phải di dời thì được bồi thường các chi phí bao "
                           "gồm: chi phí đào, bốc, di dời. Ủy ban nhân dân cấp tỉnh quy định mức bồi thường, hỗ trợ "
                           "tại khoản này phù hợp với tập quán.") is None


def test_closing_formula_glued_to_the_last_bullet_is_no_task():
    # 117: the last dash bullet runs into the letter's closing sentence
    assert read_assignment("Video giới thiệu Cẩm nang theo đường link. Bộ Tài chính trân trọng đề nghị UBND các "
                           "tỉnh, thành phố quan tâm, chỉ đạo triển khai thực hiện./.") is None
    assert not any(t.section.startswith("3.") for t in _body_tasks("117_pool-*.md"))


def test_a_later_request_to_carry_out_the_whole_document_is_not_the_items():
    # corpus 034 VI.21: the plan's closing runs on into the last item's text
    lead, _ = read_assignment(
        "Các cơ sở đào tạo đại học ở các lĩnh vực ngành, nghề mở thêm chuyên ngành đào tạo về chuyển đổi số. Yêu cầu "
        "các sở, ban, ngành, đoàn thể tỉnh; UBND các phường, xã; các đơn vị liên quan căn cứ nhiệm vụ được phân công "
        "triển khai thực hiện tốt Kế hoạch này.")
    assert len(lead) == 1 and lead[0].startswith("Các cơ sở")       # no lead of the closing request
