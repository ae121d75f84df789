"""The seventh set of blind documents (issue 10, corpus 134-136): a Government resolution on disaster
recovery whose duties sit under holder lead-ins, a Government Office conclusion notice, a provincial
emergency plan that numbers two parts alike.  Real lines of the pool documents kept in corpus/, each
named in the comments."""
from __future__ import annotations

from vanban.pipeline.markers import read_marker
from vanban.pipeline.tree.numbering import repeats_part

from factories import corpus_doc as _parse, laid_out, references_of as _refs


def _tops(doc):
    return [(n.path, n.title) for n in doc.sections]


# --------------------------------------------------------------------------- two parts numbered alike (136)

def test_a_part_heading_numbered_like_the_part_before_opens_a_part_of_its_own():
    # 136 (0129/KH-UBND Đắk Lắk): "**IV.** / KINH PHÍ - NGUỒN HUY ĐỘNG**" then "**IV.** / PHÂN CÔNG NHIỆM VỤ**"
    # with "**1.** / Sở Công Thương:**" and "**2.** **Sở Nông nghiệp và Môi trường:**": the second part and its
    # first two holders were lost in the first part (their bullets read as Kinh phí's)
    doc = _parse("136_pool-*.md")
    assert ("IV", "KINH PHÍ - NGUỒN HUY ĐỘNG") in _tops(doc) and ("IV", "PHÂN CÔNG NHIỆM VỤ") in _tops(doc)
    second = [n for n in doc.sections if n.title == "PHÂN CÔNG NHIỆM VỤ"][0]
    assert [c.title for c in second.children[:2]] == ["Sở Công Thương", "Sở Nông nghiệp và Môi trường"]
    leads = {t.section: t.lead for t in doc.tasks}
    assert leads["IV.1.-1"] == ["Sở Công Thương"] and leads["IV.2.-1"] == ["Sở Nông nghiệp và Môi trường"]
    assert any("repeats IV." in w.message for w in doc.warnings if w.code == "numbering_gap")


def test_only_a_roman_part_heading_in_capitals_may_repeat_its_number():
    assert repeats_part("roman", 4, 4, read_marker("IV. PHÂN CÔNG NHIỆM VỤ"))
    # a repeated numeral before lower-case words is a list or a quotation, not a part
    assert not repeats_part("roman", 4, 4, read_marker("IV. Phân công nhiệm vụ"))
    # an article inserted after another ("Điều 8a", pool md/087cf37a325c4959.md) is no misnumbered part
    assert not repeats_part("article", 8, 8, read_marker("Điều 8a. Hiệu lực thi hành"))


# --------------------------------------------------------------------------- references

def test_a_type_word_qualified_by_a_second_one_in_capitals_keeps_the_issuer_before_it():
    # 134 (380/NQ-CP) II.1.1.d: "... theo chỉ đạo của Bộ Chính trị tại" / "Thông báo Kết luận số 99- TB/TW ngày 21
    # tháng 11 năm 2025." — a Thông báo (its code says so) issued by the Politburo, not a Kết luận with no issuer
    refs = _refs(["trợ chi viện về lương thực, thực phẩm cho các tỉnh Khánh Hoà, Gia Lai, Đắk Lắk, Lâm Đồng theo"
                  " chỉ đạo của Bộ Chính trị tại",
                  "Thông báo Kết luận số 99- TB/TW ngày 21 tháng 11 năm 2025."])
    r = refs["99-TB/TW"]
    assert (r.doc_type.code, r.issuer, r.date) == ("TB", "Bộ Chính trị", "2025-11-21")


def test_a_list_of_telegrams_shares_its_dates_and_its_issuer():
    # 136 (0129/KH-UBND): "Các Công điện: số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND và số 009/CĐ-UBND ngày
    # 19/11/2025; số 010/CĐ-UBND ngày 20/11/2025 của UBND tỉnh": 008 is dated with 009, all four the province's
    refs = _refs(["Căn cứ Công điện số 223/CĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ về tập trung ứng phó lũ"
                  " đặc biệt lớn tại Khánh Hòa, Đắk Lắk và Gia Lai; Các Công điện: số 007/CĐ-UBND ngày",
                  "17/11/2025, số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025; số 010/CĐ-UBND",
                  "ngày 20/11/2025 của UBND tỉnh về khẩn trương tập trung ứng phó và kịp thời khắc phục hậu quả lũ lụt;"])
    assert [(refs[k].date, refs[k].issuer) for k in ("007/CĐ-UBND", "008/CĐ-UBND", "009/CĐ-UBND", "010/CĐ-UBND")] == [
        ("2025-11-17", "Ủy ban nhân dân tỉnh"), ("2025-11-19", "Ủy ban nhân dân tỉnh"),
        ("2025-11-19", "Ủy ban nhân dân tỉnh"), ("2025-11-20", "Ủy ban nhân dân tỉnh")]


def test_a_new_type_word_ends_the_list_a_date_or_an_issuer_goes_back_over():
    # pool md/77de8d61b741c666.md: "theo đúng quy định tại Luật đất đai số 31/2024/QH15 và Nghị định số
    # 71/2024/NĐ-CP;" — the decree's date is not the law's
    refs = _refs(["Bảng giá đất theo đúng quy định tại Luật đất đai số 31/2024/QH15 và Nghị định số 71/2024/NĐ-CP"
                  " ngày 27/6/2024 của Chính phủ; Quy định mức tỷ lệ phần trăm"])
    assert refs["31/2024/QH15"].date in (None, "2024") and refs["31/2024/QH15"].issuer != "Chính phủ"
    # pool md/74e2ddc7b11340da.md: "... Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025, Nghị quyết số 214/NQ-CP
    # ngày 23 tháng 7 năm 2025; Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo Trung ương"
    refs = _refs(["hoàn thành toàn bộ các nhiệm vụ được giao trong năm 2025, nhất là tại Nghị quyết số 71/NQ-CP ngày"
                  " 01 tháng 4 năm 2025, Nghị quyết số 214/NQ-CP ngày 23 tháng 7 năm 2025; Kế hoạch số 02-KH/BCĐTW"
                  " ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo Trung ương; các nhiệm vụ chậm tiến độ"])
    assert refs["71/NQ-CP"].issuer != "Ban Chỉ đạo Trung ương"
    assert refs["02-KH/BCĐTW"].issuer == "Ban Chỉ đạo Trung ương"


def test_a_list_of_one_kind_with_its_issuer_at_the_end_is_all_that_issuers():
    # pool md/4768df91f00a5ddd.md: "tại các công văn số 695/TCHQ-GSQL ngày 05/02/2021, 4032/TCHQ-GSQL ngày 16/8/2021
    # và 1238/GSQL-GQ2 ngày 29/7/2024 của Tổng cục Hải quan (nay là Cục Hải quan)."
    refs = _refs(["- Việc thực hiện quyền xuất khẩu của doanh nghiệp FDI được hướng dẫn tại các công văn số"
                  " 695/TCHQ-GSQL ngày 05/02/2021, 4032/TCHQ-GSQL ngày 16/8/2021 và 1238/GSQL-GQ2 ngày 29/7/2024"
                  " của Tổng cục Hải quan (nay là Cục Hải quan)."])
    assert refs["695/TCHQ-GSQL"].issuer == refs["4032/TCHQ-GSQL"].issuer == "Tổng cục Hải quan"


# --------------------------------------------------------------------------- holder lead-ins under a heading (134)

def test_a_holder_lead_in_under_a_heading_hands_its_holder_to_the_items():
    # 134 (380/NQ-CP): "1.2. Hỗ trợ khẩn cấp về nhà ở" / "Ủy ban nhân dân các tỉnh, thành phố:" / "a) Huy động và
    # sử dụng hiệu quả ..." / "b) Chủ động rà soát ..."; "1.4. Bảo đảm an sinh xã hội" / "Bộ Tài chính chỉ đạo Bảo
    # hiểm xã hội Việt Nam:" / "a) Thực hiện chi trả gộp 03 tháng lương hưu ..."
    doc = _parse("134_pool-*.md")
    leads = {t.section: t.lead for t in doc.tasks}
    assert leads["II.1.2.a"] == leads["II.1.2.b"] == ["Ủy ban nhân dân các tỉnh, thành phố"]
    assert leads["II.1.4.a"] == ["Bộ Tài chính"]
    assert not any(t.section in ("II.1.2", "II.1.4") for t in doc.tasks)      # the lead-in itself gives no work


# --------------------------------------------------------------------------- a recipients list with its head lost (067)

def test_a_recipients_list_whose_head_was_lost_starts_the_tail():
    # corpus 067 (996/KH-TCTLNTW-C04, an OCR'd scan): the "Nơi nhận:" head came out as "đe ti 7e AIDS, MT, MD (để bá
    # ÌÈ — Là TRƯỜNG ê báo cáo ï 2 s)", so its dash lines were read as bullets of item 4 and given its holders
    from vanban.pipeline.segment import segment
    lines = ["II. TÓ CHỨC THỰC HIỆN",
             "4. Các đơn vị, địa phương báo cáo kết quả công tác phối hợp kiểm soát các hoạt động hợp pháp liên quan đến"
             " ma túy kỳ 6 tháng gửi về Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an.",
             "- Bộ Công an, Bộ Công Thương, Bộ Tài chính, Bộ Y THƯỜNG TRỤC tế, Bộ NN&MT, Bộ Quốc phòng (để báo cáo); 234",
             "- UBND các tỉnh, thành phố (đê báo cáo);",
             "- Đ/c Cục trưởng, Tổ trưởng Tổ CTLNTW (để b/©);",
             "- Vụ KGVX, Văn phòng Chính phủ (để theo dõi);",
             "- Lưu: VT, P5. NMC (100b). Đại tá Bùi Duy Hưng"]
    zones = segment(laid_out(lines)).zones
    assert [b.text for b in zones.body] == lines[:2]
    assert zones.tail[0].text.startswith("- Bộ Công an, Bộ Công Thương")
    # bullets of the body that name bodies and say why stay in the body: 136 IV.3 "- Bố trí các đội y tế lưu động
    # phối hợp UBND các xã, phường tổ chức cấp phát thuốc thiết yếu, ..." has no bracketed purpose
    body = ["I. PHÂN CÔNG NHIỆM VỤ", "1. Sở Y tế:",
            "- Bố trí các đội y tế lưu động phối hợp UBND các xã, phường tổ chức cấp phát thuốc thiết yếu.",
            "- Chuẩn bị và phân phối “túi thuốc chống lũ” (thuốc thông dụng, băng gạc, thuốc sát trùng, Cloramin B,"
            " khẩu trang, găng tay) cho các hộ gia đình tại khu vực nguy cơ cao.",
            "- Hướng dẫn người dân sử dụng nước sạch, hóa chất khử khuẩn."]
    assert [b.text for b in segment(laid_out(body)).zones.body] == body


# --------------------------------------------------------------------------- run-in items of a conclusion notice (135)

def test_a_form_of_address_before_the_holders_of_a_run_in_item_is_no_part_of_them():
    # 135 (659/TB-VPCP) item 1: "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ theo
    # chức năng, nhiệm vụ, thẩm quyền đề cao trách nhiệm, trực tiếp chỉ đạo thực hiện ... một số nội dung trọng tâm sau:"
    from vanban.extractors.tasks import read_assignment
    lead, _ = read_assignment("Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ theo chức"
                              " năng, nhiệm vụ, thẩm quyền đề cao trách nhiệm, trực tiếp chỉ đạo thực hiện đồng bộ,"
                              " quyết liệt, hiệu quả các nhiệm vụ, giải pháp theo Nghị quyết số 66- NQ/TW")
    assert lead == ["Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ"]


def test_an_opening_phrase_that_names_bodies_of_its_own_is_passed_for_the_holder_after_it():
    # 135 (659/TB-VPCP) item 2: "Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát,
    # kịp thời bố trí kinh phí ngân sách Nhà nước, ..." — the ministries proposing are no holders
    from vanban.extractors.tasks import read_assignment
    lead, _ = read_assignment("Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát, kịp"
                              " thời bố trí kinh phí ngân sách Nhà nước, trình cấp có thẩm quyền theo quy định pháp luật.")
    assert lead == ["Bộ Tài chính"]
    # pool md/0abcf1a5292b31ec.md Điều 1.5: "Trên cơ sở Quyết định phê duyệt danh sách hỗ trợ của Ủy ban nhân dân
    # xã/phường, trong 05 ngày làm việc, Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính ..."
    lead, coordinators = read_assignment(
        "Trên cơ sở Quyết định phê duyệt danh sách hỗ trợ của Ủy ban nhân dân xã/phường, trong 05 ngày làm việc, Sở Khoa"
        " học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nông nghiệp và Môi trường và các sở, ban, ngành liên"
        " quan trình Ủy ban nhân dân thành phố phê duyệt.")
    assert lead == ["Sở Khoa học và Công nghệ"] and "Sở Tài chính" in coordinators
    # corpus 023 (97/2025/TT-BTC) Điều 4.1: the phrase ends at a semicolon and a list of holders follows it
    lead, _ = read_assignment("Trên cơ sở phương pháp trích khấu hao tài sản cố định tại Thông tư số 45/2013/TT-BTC ngày"
                              " 25 tháng 4 năm 2013 của Bộ Tài chính; Bộ Quốc phòng, Bộ Công an quyết định khung thời"
                              " gian trích khấu hao các tài sản cố định là dây chuyền sản xuất")
    assert lead == ["Bộ Quốc phòng", "Bộ Công an"]


# --------------------------------------------------------------------------- where a title in capitals ends (135)

def test_a_title_in_capitals_ends_where_a_sentence_in_ordinary_case_begins():
    # 135 (659/TB-VPCP): "... TRONG KỶ NGUYÊN MỚI VÀ NGHỊ QUYẾT SỐ 140/NQ-CP NGÀY 17/5/2025 CỦA CHÍNH PHỦ THỰC" / "HIỆN
    # NGHỊ QUYẾT SỐ 66-NQ/TW" / "Ngày 28 tháng 11 năm 2025, tại" / "Trụ sở Chính phủ, ...": the date line opens the body
    doc = _parse("135_pool-*.md")
    assert doc.metadata.title.endswith("THỰC HIỆN NGHỊ QUYẾT SỐ 66-NQ/TW")
    assert doc.sections[0].path in ("body", "preamble")
    assert doc.sections[0].text.startswith("Ngày 28 tháng 11 năm 2025, tại Trụ sở Chính phủ, Phó Thủ tướng")


# --------------------------------------------------------------------------- a holder that asks others (134)

def test_a_body_that_asks_others_is_not_their_holder():
    # 134 (380/NQ-CP) III.5: the Government asks the Front; the work is the Front's, not the Government's
    from vanban.extractors.tasks.assignment import read_assignment
    got = read_assignment("Chính phủ trân trọng đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các tổ chức "
                          "thành viên, các tổ chức chính trị xã hội, Hội Chữ thập đỏ Việt Nam, theo nhiệm vụ, quyền "
                          "hạn của mình chủ động thúc đẩy hợp tác quốc tế, tiếp tục đẩy mạnh vận động")
    assert got is not None and "Chính phủ" not in got[0]
    assert got[0][0] == "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"
    # a holder that does the work itself keeps it
    got = read_assignment("Bộ Tài chính chủ trì, phối hợp với các bộ, ngành đề nghị cấp có thẩm quyền bổ sung kinh phí")
    assert got is not None and got[0] == ["Bộ Tài chính"]


def test_a_holder_after_an_opening_phrase_that_names_a_body_may_open_with_a_determiner():
    # corpus 057 (631/TB-VPCP) item 3.4: the opening phrase names the National Assembly; the holder after its comma
    # opens in lower case with a determiner ("các"), which starts a new noun phrase, not the phrase's own list
    from vanban.extractors.tasks.assignment import read_assignment
    got = read_assignment("Sau khi được Quốc hội thông qua, các Bộ, cơ quan, địa phương tập trung tổ chức thực hiện có "
                          "hiệu quả Chương trình.")
    assert got is not None and got[0] == ["Các Bộ, cơ quan, địa phương"]
    # inside the phrase's own list, after "của các Bộ,", the next words are no holder (pool md/405a6cabda393030.md)
    got = read_assignment("Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát, tổng hợp")
    assert got is not None and got[0] == ["Bộ Tài chính"]
