"""The eighth set of blind documents (corpus 137-138): two Công báo PDFs, a resolution of the National Assembly
Standing Committee (78/2025/UBTVQH15: 'Nghị quyết số:' number, no place/date line, dated by its adoption) and a
Government resolution with a dotted number (66.17/2026/NQ-CP) and a 142-row list appendix.  Real lines of the two
documents, kept in corpus/, each named in the comments."""
from __future__ import annotations

from factories import references_of as _refs


# --------------------------------------------------------------------------- references (137)

def test_a_committee_of_the_national_assembly_is_a_whole_issuer_through_its_and():
    # 137 (78/2025/UBTVQH15 preamble, page 1): the committee's name holds a "và" where the fallback for an unknown
    # issuer stopped ("Ủy ban Văn hóa")
    refs = _refs(["Sau khi xem xét Tờ trình số 177/TTr-CP ngày 09/4/2025 của Chính phủ; Báo cáo",
                  "thẩm tra số 436/BC-UBVHXH15 ngày 15/5/2025 của Ủy ban Văn hóa và Xã hội;"])
    assert refs["436/BC-UBVHXH15"].issuer == "Ủy ban Văn hóa và Xã hội"
    assert refs["177/TTr-CP"].issuer == "Chính phủ"


def test_the_committees_renamed_in_2025_are_whole_issuers():
    # corpus 104 (1660/NQ-UBTVQH15 preamble) and pool md/1476f29807502624.md (the preamble of a law's resolution):
    # the merged committees' names hold a "và" too
    refs = _refs(["*Xét đề nghị của Chính phủ tại Tờ trình số 340/TTr-CP và Đề án số 341/ĐA-CP** ngày 09 tháng 5 "
                  "năm 2025, Báo cáo thẩm tra số 418/BC-UBPLTP15 ngày 03 tháng 6 năm 2025 của Ủy ban Pháp luật và "
                  "Tư pháp,*"])
    assert refs["418/BC-UBPLTP15"].issuer == "Ủy ban Pháp luật và Tư pháp"
    refs = _refs(["Báo cáo thẩm tra số 308/BC-UBKTTC ngày 04 tháng 5 năm 2025, Báo cáo thẩm tra bổ sung số "
                  "389/BC-UBKTTC15 ngày 17 tháng 5 năm 2025 của Ủy ban Kinh tế và Tài chính của Quốc hội và ý kiến "
                  "đại biểu Quốc hội,*"])
    assert refs["389/BC-UBKTTC15"].issuer == "Ủy ban Kinh tế và Tài chính"


# --------------------------------------------------------------------------- the two documents whole

def test_the_standing_committees_gazette_resolution_reads_whole():
    # 137: number printed "Nghị quyết số: 78/2025/UBTVQH15" (no type part in the symbol), no place/date line,
    # adoption line "... phiên họp thứ 45 thông qua ngày 17 tháng 5 năm 2025"
    from factories import corpus_doc
    doc = corpus_doc("137_congbao-*.pdf")
    m = doc.metadata
    assert (m.identifier, m.place, m.date) == ("78/2025/UBTVQH15", None, "2025-05-17")
    assert {t.section: t.lead for t in doc.tasks}["Điều 2.1.a"] == ["Chính phủ"]


def test_a_dotted_number_is_kept_as_printed():
    # 138: "Số: 66.17/2026/NQ-CP" (the gazette's file name drops the dot: 6617); the appendix's
    # "(Kèm theo Nghị quyết số 66.17/2026/NQ-CP ..." is the document itself
    from factories import corpus_doc
    doc = corpus_doc("138_congbao-*.pdf")
    assert (doc.metadata.number, doc.metadata.identifier) == ("66.17", "66.17/2026/NQ-CP")
    assert all(r.is_self for r in doc.references if r.identifier == "66.17/2026/NQ-CP")
    assert [n.path for n in doc.sections if n.path == "appendix"] == ["appendix"]


def test_a_person_by_office_after_a_comma_is_a_holder_of_its_own():
    # 137 (78/2025/UBTVQH15) Điều 2.2, the supervision clause of National Assembly resolutions: "Đoàn đại biểu Quốc
    # hội, đại biểu Quốc hội" was one name (a lower-case piece after a comma continued the name before it)
    from vanban.extractors.tasks.assignment import read_assignment
    got = read_assignment("Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội, đại biểu Quốc hội và Ủy "
                          "ban Trung ương Mặt trận Tổ quốc Việt Nam, trong phạm vi nhiệm vụ, quyền hạn của mình, giám "
                          "sát việc thực hiện Nghị quyết này.")
    assert got is not None and "Đoàn đại biểu Quốc hội" in got[0] and "Đại biểu Quốc hội" in got[0]
    # the same in a council's supervision clause (pool md/58afeb4a); a lower-case piece that is no person still
    # continues the name ("Các doanh nghiệp, cơ sở giáo dục, đào tạo", corpus 034)
    from vanban.extractors.bodies import split_bodies
    assert split_bodies("Các Tổ đại biểu, đại biểu Hội đồng nhân dân Thành phố") == \
        ["Các Tổ đại biểu", "Đại biểu Hội đồng nhân dân Thành phố"]
    assert split_bodies("Các doanh nghiệp, cơ sở giáo dục, đào tạo") == ["Các doanh nghiệp, cơ sở giáo dục, đào tạo"]
