"""pipeline/resolve.py: citations -> distinct references, short forms, aliases, self-citation, warnings.

Whole real documents from the corpus are laid out one paragraph per line (as layout does
today), so these tests exercise the extractor and the resolver on real text."""
from __future__ import annotations

from pathlib import Path

import pytest

from vanban.extractors.references import find_citations
from vanban.pipeline.normalise import normalise_text
from vanban.pipeline.resolve import resolve_references
from vanban.pipeline.types import LaidOut
from vanban.schemas.models import Metadata

from factories import laid_out

CORPUS = Path(__file__).parent.parent / "corpus"


def from_file(name: str) -> LaidOut:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return laid_out([t for t in (normalise_text(x) for x in text.splitlines()) if t])


def resolve(doc: LaidOut, **meta):
    return resolve_references(find_citations(doc, []), doc, Metadata(**meta))


@pytest.fixture(scope="module")
def bacgiang():
    doc = from_file("bacgiang-2024-kh-ubnd-nq45.txt")
    refs, warnings = resolve(doc, symbol="KH-UBND", date="2024-06")
    return doc, refs, warnings


def test_bacgiang_distinct_references(bacgiang):
    _, refs, _ = bacgiang
    external = {r.identifier for r in refs if not r.is_self and r.identifier}
    assert external == {"45-NQ/TW", "123-KH/TU", "899/QĐ-TTg", "497/2011/QĐ-UBND", "1595/QĐ-UBND",
                        "06/2021/QĐ-UBND", "781/2014/QĐ-UBND", "06/2019/QĐ-UBND"}
    assert len({r.id for r in refs}) == len(refs)


def test_bacgiang_short_forms_resolve_to_one_reference(bacgiang):
    doc, refs, _ = bacgiang
    nq45 = next(r for r in refs if r.identifier == "45-NQ/TW")
    assert nq45.id == "ref:45-NQ/TW"
    assert (nq45.date, nq45.issuer) == ("2023-11-24", "Ban Chấp hành Trung ương")
    assert nq45.aliases == ["Nghị quyết số 45-NQ/TW"]
    assert len(nq45.mentions) >= 10                      # the later "Nghị quyết số 45-NQ/TW" without date
    assert all(doc.text[m.start:m.end].replace("\n", " ").endswith("45-NQ/TW") or
               "45" in doc.text[m.start:m.end] for m in nq45.mentions)
    kh123 = next(r for r in refs if r.identifier == "123-KH/TU")
    assert kh123.aliases == ["Kế hoạch số 123-KH/TU"]


def test_bacgiang_cites_itself(bacgiang):
    doc, refs, _ = bacgiang
    (own,) = [r for r in refs if r.is_self]
    assert (own.symbol, own.number, own.identifier, own.date) == ("KH-UBND", None, None, "2024-06")
    texts = [doc.text[m.start:m.end] for m in own.mentions]
    assert "Kế hoạch số /KH-UBND" in texts               # (Kèm theo Kế hoạch số /KH-UBND ngày /6/2024 của UBND tỉnh)


def test_decision_cites_itself_by_its_identifier():
    doc = from_file("086_ttg-qd-982-qd-ttg-2026-repo-txt.txt")
    refs, _ = resolve(doc, identifier="982/QĐ-TTg", symbol="QĐ-TTg", date="2026-06-04")
    own = next(r for r in refs if r.identifier == "982/QĐ-TTg")
    assert own.is_self and len(own.mentions) == 2         # "Số: 982/QĐ-TTg" and "(Kèm theo Quyết định số 982/QĐ-TTg ...)"
    nq57 = next(r for r in refs if r.identifier == "57-NQ/TW")
    assert not nq57.is_self and len(nq57.mentions) == 3 and nq57.issuer == "Bộ Chính trị"


def test_alias_short_form_defined_by_the_document():
    lines = ["Thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về việc tăng cường sự lãnh đạo "
             "của Đảng đối với công tác quản lý nhà nước về khoáng sản trên địa bàn tỉnh Lào Cai (viết tắt là Chỉ thị 11), "
             "Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch triển khai thực hiện Chỉ thị 11 với các nội dung cụ thể như sau:",
             "- Hoàn thành các nhiệm vụ trọng tâm được giao trong Chỉ thị 11 của Ban Thường vụ Tỉnh ủy; tạo chuyển biến"]
    refs, _ = resolve(laid_out(lines))
    (ct11,) = refs
    assert ct11.identifier == "11-CT/TU" and ct11.aliases == ["Chỉ thị 11"]
    assert len(ct11.mentions) == 4


def test_law_named_after_its_numbered_citation_is_one_reference():
    lines = ["Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15",
             "ngày 29 tháng 11 năm 2024;",
             "điểm đưa vào hoạt động đến trước ngày Luật Phòng cháy, chữa cháy và cứu",
             "nạn, cứu hộ có hiệu lực thi hành"]
    refs, _ = resolve(laid_out(lines))
    (law,) = refs
    assert (law.identifier, law.doc_type.code, law.date, len(law.mentions)) == ("55/2024/QH15", "Luật", "2024-11-29", 2)
    assert law.title == "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ"


def test_two_laws_with_one_name_are_two_references():
    lines = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
             "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"]
    refs, _ = resolve(laid_out(lines))
    assert [(r.id, r.identifier, r.date) for r in refs] == [
        ("ref:luat:to-chuc-chinh-quyen-dia-phuong:2015", None, "2015-06-19"),
        ("ref:luat:to-chuc-chinh-quyen-dia-phuong:2025", None, "2025-06-16")]


@pytest.mark.parametrize("lines,meta,code", [
    # corpus 008: the footnote and the body give Chỉ thị 11 two dates
    (["Chỉ thị số 11-", "CT/TU ngày 04/02/2026 của BTV Tỉnh ủy; Các văn bản chỉ đạo",
      "Ủy ban nhân dân tỉnh triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026"], {}, "reference_date_conflict"),
    (["Căn cứ Quyết định số 1074/QĐ-BXD ngày 29/6/2026 của Bộ Xây dựng"], {"date": "2026-05"}, "reference_after_document"),
    (["Quyết định số 12/KH-UBND ngày 01/02/2024"], {}, "reference_malformed"),
    (["Căn cứ Quyết định số 1234/8D-UBND ngày 01/02/2025"], {}, "reference_unparsed"),
    (["Căn cứ Kế hoạch số 469-KH/TU ngày 16/5/2025 của Tỉnh ủy;",
      "Kế hoạch hành động 469-KH/TU ngày 16/5/2025 của Bộ Tài chính,"], {}, "reference_issuer_conflict"),
])
def test_warnings(lines, meta, code):
    _, warnings = resolve(laid_out(lines), **meta)
    assert code in [w.code for w in warnings]


def test_one_party_body_named_with_and_without_its_party_word_is_no_conflict():
    # blind gold III, 114 (165/KH-UBND Cần Thơ): the body and a footnote name the same plenum two ways
    lines = ["Nghị quyết số 21-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương "
             "Khóa XII về công tác dân số trong tình hình mới;",
             "[1] Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng "
             "khóa XII về công tác dân số trong tình hình mới."]
    refs, warnings = resolve(laid_out(lines))
    assert [r.issuer for r in refs if r.identifier == "21-NQ/TW"] == [
        "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII"]
    assert "reference_issuer_conflict" not in [w.code for w in warnings]


def test_no_warning_for_a_clean_document(bacgiang):
    _, _, warnings = bacgiang
    assert warnings == []


def test_cong_van_own_number_and_a_date_conflict():
    doc = from_file("008_laocai-cv-5973-ubnd-kt-thanh-kiem-tra-ks.txt")
    refs, warnings = resolve(doc, identifier="5973/UBND-KT", symbol="UBND-KT", date="2026-06-11")
    own = [r for r in refs if r.is_self]
    assert [r.identifier for r in own] == ["5973/UBND-KT"]          # "Số: 5973 /UBND-KT Lào Cai, ngày ..."
    numbered = {r.identifier for r in refs if r.identifier and not r.is_self}
    assert numbered == {"4250/BNNMT-ĐCKS", "4643/VPCP-CN", "10-NQ/TW", "88/NQ-CP", "334/QĐ-TTg", "39-CTr/TU",
                        "38/CT-TTg", "11-CT/TU", "200/KH-UBND", "218/KH-UBND", "19/2025/TT-BNNMT"}
    cv = next(r for r in refs if r.identifier == "4250/BNNMT-ĐCKS")
    assert (cv.doc_type.code, cv.doc_type.name) == ("CV", "Công văn")
    conflict = [w for w in warnings if w.code == "reference_date_conflict"]
    assert len(conflict) == 1 and "11-CT/TU" in conflict[0].message
