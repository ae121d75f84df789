"""Citations found by extractors/references.py, on real strings from the corpus (quoted exactly;
a "\\n" is a line break of the source, as layout leaves it)."""
from __future__ import annotations

import pytest

from vanban.extractors.references import Citation, find_citations
from vanban.pipeline.types import Node

from factories import laid_out


def cited(text: str, tree: list[Node] | None = None) -> list[Citation]:
    return [c for c in find_citations(laid_out(text), tree or []) if c.kind in ("full", "law_name")]


# (corpus file, snippet as printed, identifier, type code, number, year, date, issuer)
ROWS = [
    ("bacgiang", "Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành\nTrung ương về tiếp tục xây dựng",
     "45-NQ/TW", "NQ", "45", None, "2023-11-24", "Ban Chấp hành Trung ương"),
    ("bacgiang", "sửa đổi Quyết định số 497/2011/QĐ-UBND ngày 29/12/2011 của UBND tỉnh về",
     "497/2011/QĐ-UBND", "QĐ", "497", 2011, "2011-12-29", "Ủy ban nhân dân tỉnh"),
    ("bacgiang", "Sửa đổi Quyết định số 497/2011/QĐ-\nUBND ngày 29/12/2011 của UBND tỉnh về",
     "497/2011/QĐ-UBND", "QĐ", "497", 2011, "2011-12-29", "Ủy ban nhân dân tỉnh"),
    ("bacgiang", "định số 781/2014/QĐ-UBND ngày\n19/11/2014 của UBND tỉnh Bắc Giang ban",
     "781/2014/QĐ-UBND", "QĐ", "781", 2014, "2014-11-19", "Ủy ban nhân dân tỉnh Bắc Giang"),
    ("bacgiang", "học và Công nghệ tỉnh Bắc Giang và Quyết\nđịnh 06/2019/QĐ-UBND ngày 05/03/2019",
     "06/2019/QĐ-UBND", "QĐ", "06", 2019, "2019-03-05", None),
    ("bacgiang", "- Tham mưu triển khai thực hiện Quyết định số 899/QĐ-TTg ngày 31/7/2023",
     "899/QĐ-TTg", "QĐ", "899", None, "2023-07-31", None),
    ("bacgiang", "quyết số 45-NQ/TW); Kế hoạch số 123-KH/TU ngày 13/3/2024 của Ban Thường vụ\nTỉnh ủy thực hiện",
     "123-KH/TU", "KH", "123", None, "2024-03-13", "Ban Thường vụ Tỉnh ủy"),
    ("001", "Thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về việc tăng cường",
     "11-CT/TU", "CT", "11", None, "2026-01-04", "Ban Thường vụ Tỉnh ủy"),
    ("001", "đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số 866/QĐ-Tg ngày 18/7/2023 và Quy hoạch",
     "866/QĐ-Tg", "QĐ", "866", None, "2023-07-18", "Thủ tướng Chính phủ"),
    ("008", "Thực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ\nNông nghiệp và Môi trường",
     "4250/BNNMT-ĐCKS", "CV", "4250", None, "2026-04-29", "Bộ Nông nghiệp và Môi trường"),
    ("008", "khoáng sản trên địa bàn và Văn bản số 4643/VPCP-CN ngày 20/5/2026 của Văn\nphòng Chính phủ",
     "4643/VPCP-CN", "CV", "4643", None, "2026-05-20", "Văn phòng Chính phủ"),
    ("008", "và các văn bản hướng dẫn thi hành; Nghị quyết số 10-\nNQ/TW ngày 10/02/2022 của Bộ Chính trị về định hướng",
     "10-NQ/TW", "NQ", "10", None, "2022-02-10", "Bộ Chính trị"),
    ("008", "2030, tầm nhìn đến năm 2045; Chương trình hành động số 39-CTr/TU ngày 29/01/2026 của BTV Tỉnh ủy Lào Cai",
     "39-CTr/TU", "CTr", "39", None, "2026-01-29", "Ban Thường vụ Tỉnh ủy Lào Cai"),
    ("008", "4 Thông tư số 19/2025/TT-BNNMT ngày 19/6/2025 của Bộ trưởng Bộ Nông\nnghiệp và Môi trường",
     "19/2025/TT-BNNMT", "TT", "19", 2025, "2025-06-19", "Bộ trưởng Bộ Nông nghiệp và Môi trường"),
    ("009", "V/v triển khai thực hiện Quyết định số\n1074/QĐ-BXD ngày 29/6/2026 của Bộ\nXây dựng ban hành",
     "1074/QĐ-BXD", "QĐ", "1074", None, "2026-06-29", "Bộ Xây dựng"),
    ("009", "Ngày 29/6/2026, Bộ trưởng Bộ Xây dựng ban hành Quyết định số\n1074/QĐ-BXD về việc ban hành",
     "1074/QĐ-BXD", "QĐ", "1074", None, "2026-06-29", "Bộ trưởng Bộ Xây dựng"),
    ("010", "Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15",
     "55/2024/QH15", "Luật", "55", 2024, None, None),
    ("010", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19\ntháng 02 năm 2025",
     "64/2025/QH15", "Luật", "64", 2025, "2025-02-19", None),
    ("010", "Căn cứ Nghị định số 33/2025/NĐ-CP ngày 25 tháng 02 năm 2025 của Chính\nphủ quy định",
     "33/2025/NĐ-CP", "NĐ", "33", 2025, "2025-02-25", "Chính phủ"),
    ("010", "Căn cứ Quyết định số 235/QĐ-TTg ngày 25 tháng 01 năm 2025 của Thủ tướng\nChính phủ ban hành",
     "235/QĐ-TTg", "QĐ", "235", None, "2025-01-25", "Thủ tướng Chính phủ"),
    ("011", "số 42/2024/QH151 ngày 29/6/2024: “Phương tiện vận chuyển VLNCN, TCTN đủ",
     "42/2024/QH15", "Luật", "42", 2024, "2024-06-29", None),
    ("030", "283/KH-UBND ngày 24/9/2025 của Uỷ ban nhân dân Tỉnh về thực hiện Nghị quyết số",
     "283/KH-UBND", "KH", "283", None, "2025-09-24", "Uỷ ban nhân dân Tỉnh"),   # type word on the line before
    ("030", "71/NQ-CP ngày 01/5/2025 của Chính phủ và Chương trình hành động số 10-CTr/TU\nngày 13/8/2025 của Ban Thường vụ Tỉnh uỷ",
     "71/NQ-CP", "NQ", "71", None, "2025-05-01", "Chính phủ"),
    ("030", "vừa theo Nghị định số 80/2021/NĐ-CP ngày 26/8/2021 của Chính phủ *(lĩnh vực",
     "80/2021/NĐ-CP", "NĐ", "80", 2021, "2021-08-26", "Chính phủ"),
    ("032", "của UBND Thành phố về thực hiện Nghị quyết số 71/NQ -CP ngày 01/4/2025 của\nChính phủ",
     "71/NQ-CP", "NQ", "71", None, "2025-04-01", "Chính phủ"),
    ("032", "Thủ tướng Chính phủ phê duyệt tại các Quyết định: số 36/QĐ-TTg ngày 11/01/2024",
     "36/QĐ-TTg", "QĐ", "36", None, "2024-01-11", "Thủ tướng Chính phủ"),
    ("034", "Căn cứ Quyết định số 411/QĐ-TTg của Thủ tướng Chính\nphủ ngày 31/3/2022 phê duyệt Chiến lược",
     "411/QĐ-TTg", "QĐ", "411", None, "2022-03-31", "Thủ tướng Chính phủ"),
    ("034", "hành động số 469-KH/TU ngày 16/5/2025 của Tỉnh ủy về thực hiện Nghị quyết số",
     "469-KH/TU", "KH", "469", None, "2025-05-16", "Tỉnh ủy"),   # the code tells the type
    ("034", "Kế hoạch\nhành động số 469-KH/TU ngày 16/5/2025 của Tỉnh ủy về thực hiện Nghị quyết số",
     "469-KH/TU", "KH", "469", None, "2025-05-16", "Tỉnh ủy"),
    ("042", "Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc hội về việc sắp xếp đơn vị hành",
     "202/2025/QH15", "NQ", "202", 2025, "2025-06-12", "Quốc hội"),
    ("046", "pháp luật; Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày\n29/12/2023 của Ban Thường vụ Tỉnh ủy;",
     "31-CT/TU", "CT", "31", None, "2023-06-06", "Ban Thường vụ Tỉnh ủy"),
    ("060", "- Tiếp tục tổ chức thực hiện Phương án số 7178/PA-UBND ngày 14/11/2025 của Ủy ban nhân dân tỉnh về phương án",
     "7178/PA-UBND", "PA", "7178", None, "2025-11-14", "Ủy ban nhân dân tỉnh"),
    ("060", "- Tiếp tục triển khai thực hiện Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh công bố",
     "1441/QĐ-UBND", "QĐ", "1441", None, "2025-09-25", "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("058", "*Căn cứ Nghị định số 118/2025/NĐ-CP của Chính",
     "118/2025/NĐ-CP", "NĐ", "118", 2025, None, None),
    ("069", "vụ Tỉnh ủy (Khóa XIV) thực hiện Nghị quyết số 57/NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát",
     "57/NQ/TW", "NQ", "57", None, "2024-12-22", "Bộ Chính trị"),
    ("085", "Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ tại Tờ trình số\n72/TTr-BKHCN ngày 28 tháng 4 năm 2026",
     "72/TTr-BKHCN", "TTr", "72", None, "2026-04-28", "Bộ trưởng Bộ Khoa học và Công nghệ"),
    ("085", "72/TTr-BKHCN ngày 28 tháng 4 năm 2026 và Văn bản số 3374/ BKHCN-\nCNCNTT ngày 21 tháng 5 năm 2026.",
     "3374/BKHCN-CNCNTT", "CV", "3374", None, "2026-05-21", None),
    ("097", "Căn cứ Chương trình số 1249a/CTPH-UBDT-BTP ngày 13/11/2014 của Ủy ban Dân tộc và Bộ Tư pháp về phối hợp",
     "1249a/CTPH-UBDT-BTP", "CTPH", "1249a", None, "2014-11-13", "Ủy ban Dân tộc và Bộ Tư pháp"),
    ("078", "Căn_cứ Quyết_định số 13/2003/QĐ-TTg ngày 17/01/2003 của Thủ_tướng Chính_phủ về việc phê_duyệt",
     "13/2003/QĐ-TTg", "QĐ", "13", 2003, "2003-01-17", "Thủ tướng Chính phủ"),
    ("079", "chỉ_đạo của thủ_tướng chính_phủ tại văn_bản số 2600/ttg-ktth ngày 30 tháng 12 năm 2009 về đẩy_mạnh",
     "2600/TTg-KTTH", "CV", "2600", None, "2009-12-30", None),
    ("081", "Luật sửa đổi, bồ sung một số điều của Luật Giám định tư pháp số 13⁄2012/QH13 đã được sửa đổi",
     "13/2012/QH13", "Luật", "13", 2012, None, None),
    ("081", "đã được sửa đổi, bồ sung một số điều theo Luật số 35/2018/QH14. ",
     "35/2018/QH14", "Luật", "35", 2018, None, None),
    ("022", "Số: 44 /2025/QĐ-TTg",
     "44/2025/QĐ-TTg", "QĐ", "44", 2025, None, None),
    ("024", "Văn bản quy phạm pháp luật Trung ương>Thông tư số 157/2025/TT-BTС Hướng dẫn đăng ký",
     "157/2025/TT-BTC", "TT", "157", 2025, None, None),
    ("025", "Văn bản quy phạm pháp luật Trung ương>Nghị quyết số 66.15/2026/NQ-CP Về việc ban hành",
     "66.15/2026/NQ-CP", "NQ", "66.15", 2026, None, None),
    ("026", "Văn bản quy phạm pháp luật Trung ương>Nghị quyết số 80/2025/UBTVQH15 Ban hành Quy chế làm việc mẫu",
     "80/2025/UBTVQH15", "NQ", "80", 2025, None, None),
    ("042", "triển khai Thông báo kết luận số 196-TB/TW ngày 16 tháng 3 năm 2015 của Ban Bí\nthư về Đề án",
     "196-TB/TW", "TB", "196", None, "2015-03-16", "Ban Bí thư"),
    ("043", "luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới; Quy định số\n178-QĐ/TW ngày 27/6/2024 của Bộ Chính trị về kiểm soát quyền lực, phòng, chống",
     "178-QĐ/TW", "QĐi", "178", None, "2024-06-27", "Bộ Chính trị"),
    # blind gold III, 114 (165/KH-UBND Cần Thơ): a Party plenum as the issuer
    ("114", "Sau 8 năm triển khai thực hiện Nghị quyết số 21-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ "
     "sáu Ban Chấp hành Trung ương Khóa XII về công tác dân số trong tình hình mới",
     "21-NQ/TW", "NQ", "21", None, "2017-10-25", "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII"),
    ("brief", "Chương trình hành động số 10- CTr/TU ngày 13/8/2025",
     "10-CTr/TU", "CTr", "10", None, "2025-08-13", None),
    ("brief", "Nghị định số 28/2021/N\u00d0-CP ngày 26 tháng 3 năm 2021",   # Ð U+00D0 for Đ
     "28/2021/NĐ-CP", "NĐ", "28", 2021, "2021-03-26", None),
    # blind gold III, 113 (624/TB-VPCP): "năm" misprinted "nám" between the month and the year
    ("113", "là tại Nghị quyết số 57-NQ/TW ngày 22 tháng 12 nám 2024 của Bộ Chính trị, Nghị",
     "57-NQ/TW", "NQ", "57", None, "2024-12-22", "Bộ Chính trị"),
]


@pytest.mark.parametrize("source,snippet,identifier,code,number,year,date,issuer", ROWS,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_citation_fields(source, snippet, identifier, code, number, year, date, issuer):
    found = [c for c in cited(snippet) if c.kind == "full"]
    if identifier is None:
        assert found == []
        return
    c = next((c for c in found if c.identifier == identifier), None)
    assert c is not None, [x.identifier for x in found]
    assert (c.type_code, c.number, c.year, c.date) == (code, number, year, date)
    if issuer is None:
        return
    assert c.issuer == issuer


def test_offsets_point_into_the_text():
    text = "V/v triển khai thực hiện Quyết định số\n1074/QĐ-BXD ngày 29/6/2026 của Bộ\nXây dựng ban hành"
    (c,) = cited(text)
    assert text[c.start:c.end] == "Quyết định số\n1074/QĐ-BXD"


def test_several_in_one_sentence_and_shared_suffix_list():
    text = ("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ; các Nghị định số 136/2020/NĐ-CP, "
            "50/2024/NĐ-CP; Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ")
    got = [(c.identifier, c.type_code) for c in cited(text)]
    assert got == [("76/NQ-CP", "NQ"), ("136/2020/NĐ-CP", "NĐ"), ("50/2024/NĐ-CP", "NĐ"), ("23/CT-TTg", "CT")]


def test_subject_and_alias():
    text = ("Thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về việc tăng cường sự lãnh đạo "
            "của Đảng đối với công tác quản lý nhà nước về khoáng sản trên địa bàn tỉnh Lào Cai (viết tắt là Chỉ thị 11), "
            "Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch triển khai thực hiện Chỉ thị 11 với các nội dung cụ thể như sau:")
    (c,) = cited(text)
    assert c.subject.startswith("về việc tăng cường sự lãnh đạo của Đảng")
    assert c.subject.endswith("trên địa bàn tỉnh Lào Cai")
    assert c.alias == "Chỉ thị 11"
    shorts = [x for x in find_citations(laid_out(text), []) if x.kind == "short"]
    assert [(s.type_code, s.number) for s in shorts] == [("CT", "11"), ("CT", "11")]


@pytest.mark.parametrize("text,title,date", [
    ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ "
     "và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;", "Luật Tổ chức Chính phủ", "2015-06-19"),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ "
     "và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
     "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương", "2019-11-22"),
    ("1 Các quy định của Luật Địa chất và Khoáng sản năm 2024 và các văn bản hướng dẫn thi hành;",
     "Luật Địa chất và Khoáng sản", "2024"),
])
def test_laws_cited_by_name(text, title, date):
    laws = [c for c in cited(text) if c.kind == "law_name"]
    c = next(c for c in laws if c.title == title)
    assert (c.type_code, c.identifier, c.date) == ("Luật", None, date)


@pytest.mark.parametrize("text", [
    "Chỉ thị này có hiệu lực kể từ ngày ký.",
    "theo quy định tại Khoản 2 Điều 5 của Quy chế",
    "Địa chỉ: số 10 đường Trần Hưng Đạo, điện thoại 0214.3840.123",
    "mức hỗ trợ 1.500.000 đồng/người/tháng",
    "Bắc Giang, ngày 31/7/2023",
    "CÔNG BÁO/Số 333/Ngày 16-06-2026 79",
    "theo quy định của pháp luật; Luật sư",
    "Ban hành Kế hoạch số 13 năm 2024",
])
def test_not_citations(text):
    assert [c for c in find_citations(laid_out(text), []) if c.kind != "short"] == []


def test_type_word_disagreeing_with_code_is_flagged():
    (c,) = cited("Quyết định số 12/KH-UBND ngày 01/02/2024 của UBND tỉnh")
    assert c.problem == "type_mismatch" and c.type_code == "KH"


def test_unparsed_identifier_is_reported():
    cits = find_citations(laid_out("Căn cứ Quyết định số 1234/8D-UBND ngày 01/02/2025"), [])
    assert [c.kind for c in cits] == ["unparsed"]


def test_footnote_marker_is_not_part_of_the_symbol():
    (c,) = cited("Luật số 42/2024/QH151 ngày 29/6/2024")
    assert (c.identifier, c.footnote) == ("42/2024/QH15", "1")


def test_section_path_is_the_deepest_node():
    text = "I. MỤC ĐÍCH\n1. Thực hiện Quyết định số 899/QĐ-TTg ngày 31/7/2023"
    child = Node(path="I.1", marker="1.", start=12, end=len(text))
    root = Node(path="I", marker="I.", start=0, end=len(text), children=[child])
    (c,) = cited(text, [root])
    assert c.section == "I.1"
