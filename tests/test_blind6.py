"""The sixth set of blind documents (issue 10, corpus 131-133): a National Assembly Standing Committee
resolution with no header and no signature whose attached plan is a legislative task table, a Prime
Minister's telegram with numbered holders, a provincial coordination regulation.  Real lines of the
pool documents kept in corpus/, each named in the comments."""
from __future__ import annotations

from pathlib import Path

from vanban.extractors.references import find_citations
from vanban.pipeline.normalise import normalise_text
from vanban.pipeline.resolve import resolve_references
from vanban.pipeline.run import parse
from vanban.pipeline.tree.headings import sentence_goes_on
from vanban.schemas.models import Metadata

from factories import laid_out

CORPUS = Path(__file__).parent.parent / "corpus"


def _parse(pattern: str):
    return parse(str(next(CORPUS.glob(pattern))))


def _refs(lines: list[str]):
    doc = laid_out([normalise_text(t) for t in lines])
    return {r.identifier: r for r in resolve_references(find_citations(doc, []), doc, Metadata())[0]}


def _nodes(nodes, out=None):
    out = {} if out is None else out
    for n in nodes:
        out[n.path] = n
        _nodes(n.children, out)
    return out


# --------------------------------------------------------------------------- an attached plan with no signature before it (131)

def test_an_attached_plan_after_the_last_article_is_an_appendix_without_a_signature():
    # 131 (1339/NQ-UBTVQH15): the converter dropped the signature; after Điều 3 and a rule come
    # "## KẾ HOẠCH" / "### SỬA ĐỔI, BỔ SUNG CÁC LUẬT, ..." / "*(Ban hành kèm theo Nghị quyết số 1339/NQ-UBTVQH15 ...)*"
    doc = _parse("131_pool-*.md")
    nodes = _nodes(doc.sections)
    app = nodes["appendix"]
    assert app.title.startswith("KẾ HOẠCH SỬA ĐỔI, BỔ SUNG CÁC LUẬT, NGHỊ QUYẾT PHỤC VỤ CÔNG TÁC SẮP XẾP")
    assert "Ban soạn thảo do UBTVQH thành lập" not in nodes["Điều 3"].text     # the table left the last article
    assert nodes["Điều 3"].text.startswith("Giao Tổng Thư ký Quốc hội chủ trì")


def test_a_type_word_in_the_body_with_no_attachment_line_opens_no_appendix():
    # 133 (26/2025/QĐ-UBND): "**QUY CHẾ**" after the signature opens the regulation; the decision's own
    # "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp ..." stays an article
    doc = _parse("133_pool-*.md")
    nodes = _nodes(doc.sections)
    assert nodes["Điều 1"].text.startswith("Ban hành kèm theo Quyết định này Quy chế phối hợp")
    assert [n.path for n in doc.sections if n.path.startswith("appendix")] == ["appendix"]
    assert nodes["appendix.Điều 5"].title == "Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì"


# --------------------------------------------------------------------------- a numbered line ending in ';' (132)

def test_a_numbered_line_ending_in_a_semicolon_runs_on_into_its_sentence():
    # 132 (230/CĐ-TTg) item 3: "3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;" / "Ủy ban nhân dân các
    # tỉnh, ... và các cơ quan thanh tra ... khẩn trương triển khai ..."
    doc = _parse("132_pool-*.md")
    item = _nodes(doc.sections)["3"]
    assert item.title == ""
    assert item.text.startswith("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\nỦy ban nhân dân các tỉnh")
    leads = next(t.lead for t in doc.tasks if t.id == "body:3")
    assert "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương" in leads


def test_a_heading_wrapped_after_its_semicolon_and_a_lone_list_item_keep_their_titles():
    # corpus 090 (NQ 175/NQ-CP): "Trách nhiệm của các bộ, cơ quan ngang bộ, cơ quan trực thuộc Chính phủ;" /
    # "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" is a heading's second line, no sentence
    assert not sentence_goes_on("Trách nhiệm của các bộ, cơ quan ngang bộ, cơ quan trực thuộc Chính phủ;",
                                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "arabic")
    # the next line is a second list element, not the rest of a sentence ("... pháp luật về ngân sách nhà nước;")
    assert not sentence_goes_on("Nguồn ngân sách nhà nước chi đầu tư phát triển theo quy định của pháp luật;",
                                "Quỹ hỗ trợ đầu tư theo quy định của pháp luật về đầu tư;", "letter")
    # an article's words are handled by the article rule, not here
    assert not sentence_goes_on("Chánh Văn phòng UBND tỉnh;", "Giám đốc các sở, ban, ngành chịu trách nhiệm thi hành.",
                                "article")
    assert sentence_goes_on("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
                            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan thanh tra "
                            "căn cứ chức năng, nhiệm vụ được giao khẩn trương triển khai hiệu quả các nhiệm vụ nêu trên.",
                            "arabic")


# --------------------------------------------------------------------------- a date that opens the sentence (132)

def test_a_date_opening_the_sentence_before_tai_and_a_citation_is_the_cited_documents():
    # 132: "Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP của Văn phòng Chính phủ, Phó Thủ tướng ..."
    refs = _refs(["Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP của Văn phòng Chính phủ, Phó Thủ tướng Thường "
                  "trực Chính phủ Nguyễn Hòa Bình giao các Bộ, cơ quan và địa phương liên quan chủ động rà soát."])
    assert refs["569/TB-VPCP"].date == "2025-10-22"
    assert refs["569/TB-VPCP"].issuer == "Văn phòng Chính phủ"
    # pool md/77de8d61b741c666: after a closing quotation, "Ngày 10/10/2024, tại Công văn số 2294/CTVPH-HKDCN của ..."
    refs = _refs(["được áp dụng theo quy định tại Điều 32 Nghị định này.” Ngày 10/10/2024, tại Công văn số "
                  "2294/CTVPH-HKDCN của Cục Thuế tỉnh Vĩnh Phúc trả lời vướng mắc của Công ty."])
    assert refs["2294/CTVPH-HKDCN"].date == "2024-10-10"


def test_a_date_of_a_meeting_inside_a_sentence_is_not_the_cited_documents():
    # "tại" must follow the sentence's opening date directly: here the date is the meeting's
    refs = _refs(["Ngày 15 tháng 11 năm 2025, tại Trụ sở Chính phủ, Thủ tướng chủ trì cuộc họp theo "
                  "Thông báo số 569/TB-VPCP của Văn phòng Chính phủ."])
    assert refs["569/TB-VPCP"].date is None
    refs = _refs(["Hội nghị ngày 22/10/2025, tại Thông báo số 569/TB-VPCP của Văn phòng Chính phủ."])
    assert refs["569/TB-VPCP"].date is None


# --------------------------------------------------------------------------- a schedule of bulleted steps (131)

def test_a_schedule_of_bulleted_steps_reads_its_first_milestone():
    # 131, the plan's "Tiến độ" cells: "- Trình UBTVQH tại Phiên họp thứ 42 (tháng 02/2025); - Trình Quốc hội xem
    # xét, thông qua tại Kỳ họp bất thường lần thứ 9 (cuối tháng 02/2025)."
    from vanban.extractors.deadlines import parse_deadline
    d, w = parse_deadline("- Trình UBTVQH tại Phiên họp thứ 42 (tháng 02/2025); - Trình Quốc hội xem xét, thông qua "
                          "tại Kỳ họp bất thường lần thứ 9 (cuối tháng 02/2025).", 2024)
    assert (d.kind, d.start, d.end) == ("period", "2025-02-01", "2025-02-28")
    assert [x.code for x in w] == ["deadline_compound"]
    d, _ = parse_deadline("- Trình UBTVQH cho ý kiến tại Phiên họp thứ 44 (tháng 4/2025); - Trình Quốc hội xem xét, "
                          "thông qua tại Kỳ họp thứ 9 (tháng 5/2025)", 2024)
    assert (d.kind, d.start, d.end) == ("period", "2025-04-01", "2025-04-30")


def test_a_later_step_with_a_due_date_of_its_own_leaves_the_schedule_unparsed():
    # which date binds is unclear when a later step says "chậm nhất" (the compound rule's guard)
    from vanban.extractors.deadlines import parse_deadline
    d, w = parse_deadline("- Xây dựng dự thảo (tháng 3/2025); - Ban hành chậm nhất trong tháng 6/2025", 2024)
    assert d.kind == "unparsed" and w[0].code == "deadline_unparsed"
    d, _ = parse_deadline("Quý I/2025; Quý III/2025", 2024)               # no bullets: two deadlines, not steps
    assert d.kind == "unparsed"
