"""References on documents nobody tuned for (issue 9, class 6), real lines of ../shared/pool
documents named in the comments: issuers that are titles plus bodies, joint circulars, the issuer
read from the symbol, one self-reference, a consolidated text's sources."""
from __future__ import annotations

from vanban.extractors.references import find_citations
from vanban.pipeline.normalise import normalise_text
from vanban.pipeline.resolve import resolve_references
from vanban.schemas.models import DocType, Metadata

from factories import laid_out


def resolve(lines: list[str], **meta):
    doc = laid_out([normalise_text(t) for t in lines])
    return resolve_references(find_citations(doc, []), doc, Metadata(**meta))[0]


def test_issuer_of_several_titles_and_a_body_is_read_whole():
    # md/128b34e0abc1c504.md
    (ref, _) = resolve(["*Căn cứ Thông tư số 03/2025/TT-VPCP",
                        "ngày 15/9/2025 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn thi hành",
                        "một số nội dung của Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về"])
    assert ref.identifier == "03/2025/TT-VPCP"
    assert ref.issuer == "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
    assert ref.subject.startswith("hướng dẫn thi hành")


def test_joint_circular_is_one_identifier_with_every_issuer():
    # md/f7f2733d47a603dc.md
    refs = resolve(["- Thông tư liên tịch số 01/2012/TTLT-BQP-",
                    "BLĐTBXH-BTC ngày 05/01/2012 của Bộ Quốc phòng, Bộ Lao động - Thương binh và",
                    "Xã hội, Bộ Tài chính hướng dẫn thực hiện"])
    assert [r.identifier for r in refs] == ["01/2012/TTLT-BQP-BLĐTBXH-BTC"]
    assert refs[0].doc_type.code == "TTLT"
    assert refs[0].issuer == "Bộ Quốc phòng, Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính"


def test_issuer_read_from_the_symbol_when_the_text_names_none():
    # corpus bacgiang-2024-kh-ubnd-nq45.txt; md/f8fd04822ed1cb70.md; md/f08ec790b7b2c9c5.md
    refs = resolve(["- Tham mưu triển khai thực hiện Quyết định số 899/QĐ-TTg ngày 31/7/2023",
                    "theo Thông tư số 120/2015/TT-BTC ngày 14/8/2015 được sửa đổi, bổ sung tại Thông",
                    "*(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2025 của Chủ tịch UBND tỉnh)*",
                    "sửa đổi Quyết định số 497/2011/QĐ-UBND ngày 29/12/2011 về"])
    issuers = {r.identifier or r.symbol: r.issuer for r in refs}
    assert issuers == {"899/QĐ-TTg": "Thủ tướng Chính phủ", "120/2015/TT-BTC": "Bộ Tài chính",
                       "QĐ-UBND": "Chủ tịch Ủy ban nhân dân tỉnh",     # the text names it
                       "497/2011/QĐ-UBND": None}          # a local code names no body by itself


def test_one_self_reference_for_the_number_line_and_a_blank_appendix_line():
    # md/f08ec790b7b2c9c5.md: "Số: 2914/QĐ-UBND" and "*(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2025 ...)*"
    refs = resolve(["Số: 2914/QĐ-UBND", "Hà Tĩnh, ngày 24 tháng 11 năm 2025", "QUYẾT ĐỊNH",
                    "Căn cứ Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ;",
                    "*(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2025 của Chủ tịch UBND tỉnh)*"],
                   identifier="2914/QĐ-UBND", number="2914", symbol="QĐ-UBND", date="2025-11-24")
    selves = [r for r in refs if r.is_self]
    assert len(selves) == 1
    assert selves[0].identifier == "2914/QĐ-UBND" and len(selves[0].mentions) == 2
    assert [r.identifier for r in refs if not r.is_self] == ["1291/QĐ-TTg"]


def test_own_number_cited_without_its_year_is_the_document_itself():
    # the case issue 9 reports: "Thông tư số 55/TT-BCT" inside circular 55/2025/TT-BCT
    refs = resolve(["Số: 55/2025/TT-BCT", "Điều 3. Hiệu lực thi hành",
                    "Các biểu mẫu ban hành kèm theo Thông tư số 55/TT-BCT được áp dụng"],
                   identifier="55/2025/TT-BCT", number="55", symbol="TT-BCT")
    assert [(r.identifier, r.is_self) for r in refs if r.is_self] == [("55/2025/TT-BCT", True)]
    assert all(r.is_self for r in refs if r.identifier and r.identifier.startswith("55/"))


def test_consolidated_text_names_its_sources():
    # md/087cf37a325c4959.md
    lines = ["Số: 57/VBHN-BCT", "THÔNG TƯ", "Thông tư số",
             "09/2025/TT-BCT ngày 01 tháng 02 năm 2025 của Bộ trưởng Bộ Công Thương quy định",
             "hồ sơ, trình tự, thủ tục, được sửa đổi, bổ sung bởi:",
             "1. Thông tư số", "25/2025/TT-BCT ngày 13 tháng 04 năm 2025 của Bộ trưởng Bộ Công Thương sửa đổi,",
             "*Căn cứ Nghị định số 96/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ quy định chức năng;*"]
    refs = resolve(lines, identifier="57/VBHN-BCT", number="57", symbol="VBHN-BCT",
                   doc_type=DocType(code="VBHN", name="Văn bản hợp nhất"))
    relation = {r.identifier: r.relation for r in refs}
    assert relation == {"57/VBHN-BCT": "cites", "09/2025/TT-BCT": "consolidates", "25/2025/TT-BCT": "consolidates",
                        "96/2022/NĐ-CP": "cites"}
    assert next(r for r in refs if r.identifier == "57/VBHN-BCT").is_self
