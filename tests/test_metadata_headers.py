"""Headers nobody tuned for (issue 9, classes 2-4), on real lines of ../shared/pool documents
(named in the comments): consolidated texts, headers whose emblem block a converter
dropped, enacting authorities printed as the issuer line, titles the type line hides."""
from __future__ import annotations

import pytest

from vanban.extractors.metadata import extract_metadata
from vanban.extractors.metadata.consolidated import read_consolidation
from vanban.pipeline.normalise import normalise_text
from vanban.pipeline.tree import build_tree

import factories

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def meta_of(lines: list[str], header: list[str] = ()):
    doc = factories.laid_out([normalise_text(t) for t in lines], header=[normalise_text(t) for t in header], page=1)
    m, warnings = extract_metadata(doc, build_tree(doc))
    return m, {w.code for w in warnings}


# congbao/van-ban-hop-nhat-so-462-vbhn-bldtbxh-44172.pdf: the gazette prints the consolidated text's number,
# date and consolidating body only in the authentication block; its header names the original circular.
GAZETTE_VBHN_HEAD = [
    "VĂN BẢN PHÁP LUẬT KHÁC", "VĂN BẢN HỢP NHẤT -", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"] + MOTTO + [
    "THÔNG TƯ", "Hướng dẫn quản lý lao động, tiền lương, thù lao, tiền thưởng",
    "đối với Bảo hiểm tiền gửi Việt Nam",
    "Thông tư số 32/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016 của Bộ trưởng",
    "Bộ Lao động - Thương binh và Xã hội hướng dẫn quản lý lao động, tiền lương, thù",
    "Căn cứ Nghị định số 106/2012/NĐ-CP ngày 20 tháng 12 năm 2012 của Chính",
    "Điều 1. Phạm vi điều chỉnh"]
GAZETTE_VBHN_TAIL = [
    "hướng dẫn bổ sung kịp thời./.",
    "BỘ LAO ĐỘNG - THƯƠNG BINH XÁC THỰC VĂN BẢN HỢP NHẤT VÀ XÃ HỘI",
    "Số: 462/VBHN-BLĐTBXH Hà Nội, ngày 10 tháng 02 năm 2025", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Văn Thanh"]


def test_gazette_consolidated_text_is_itself_not_the_original():
    m, codes = meta_of(GAZETTE_VBHN_HEAD + GAZETTE_VBHN_TAIL)
    assert (m.doc_type.code, m.doc_type.name) == ("VBHN", "Văn bản hợp nhất")
    assert m.identifier == "462/VBHN-BLĐTBXH"
    assert m.issuer.name == "Bộ Lao động - Thương binh và Xã hội"
    assert (m.place, m.date) == ("Hà Nội", "2025-02-10")
    assert m.title.startswith("Hướng dẫn quản lý lao động")


def test_authentication_block_with_the_number_above_its_head():
    # congbao/van-ban-hop-nhat-so-112-vbhn-vpqh-469595.pdf
    c = read_consolidation("nộp thuế được lựa chọn áp dụng mức ưu đãi có lợi nhất.\nVĂN PHÒNG QUỐC HỘI\n"
                           "Số: 112/VBHN-VPQH\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 20 tháng 5 năm 2026\n"
                           "CHỦ NHIỆM\nLê Quang Mạnh")
    assert (c.number, c.symbol, c.issuer, c.date) == ("112", "VBHN-VPQH", "Văn phòng Quốc hội", "2026-05-20")


def test_consolidated_number_in_the_header_wins_over_the_type_line():
    # md/087cf37a325c4959.md: "Số: 57/VBHN-BCT" above "THÔNG TƯ" (the consolidated circular's type)
    m, codes = meta_of(["BỘ CÔNG THƯƠNG"] + MOTTO + ["Số:", "57/VBHN-BCT", "Hà Nội, ngày 26 tháng 11 năm 2025",
                        "THÔNG TƯ", "QUY ĐỊNH HỒ SƠ, TRÌNH TỰ, THỦ TỤC, PHƯƠNG PHÁP XÁC ĐỊNH, PHÊ DUYỆT KHUNG GIÁ PHÁT ĐIỆN",
                        "Thông tư số 09/2025/TT-BCT ngày 01 tháng 02 năm 2025 của Bộ trưởng Bộ Công Thương quy định"])
    assert (m.doc_type.code, m.identifier, m.issuer.name) == ("VBHN", "57/VBHN-BCT", "Bộ Công Thương")
    assert "doc_type_mismatch" not in codes


# md/92e7ae60081433eb.md-style: no emblem header at all; the number and date only in the appendix line
@pytest.mark.parametrize("lines, want", [
    # md/208e6a3aeb3e0c2e.md
    (["THÔNG TƯ", "QUY", "ĐỊNH MÃ SỐ VÀ TIÊU CHUẨN CHỨC DANH KHOA HỌC, CHỨC DANH CÔNG NGHỆ",
      "Căn cứ Luật Viên chức số 58/2010/QH12;", "Điều 1. Phạm vi điều chỉnh",
      "*(Kèm theo Thông tư số 37/2025/TT-BKHCN", "ngày 28 tháng 11 năm 2025 của Bộ trưởng Bộ Khoa học và Công nghệ)*"],
     dict(identifier="37/2025/TT-BKHCN", date="2025-11-28", issuer="Bộ Khoa học và Công nghệ", code="TT")),
    # the Government resolution: "(Kèm theo Nghị quyết số 394/NQ-CP ngày 03 tháng 12 năm 2025 của Chính phủ)"
    (["NGHỊ QUYẾT", "Ban hành Chương trình hành động của Chính phủ", "CHÍNH PHỦ",
      "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", "Điều 1. Ban hành kèm theo Nghị quyết này",
      "(Kèm theo Nghị quyết số 394/NQ-CP ngày 03 tháng 12 năm 2025 của Chính phủ)"],
     dict(identifier="394/NQ-CP", date="2025-12-03", issuer="Chính phủ", code="NQ")),
])
def test_number_and_date_from_the_documents_own_appendix_line(lines, want):
    m, codes = meta_of(lines)
    have = dict(identifier=m.identifier, date=m.date, issuer=m.issuer.name, code=m.doc_type.code)
    assert have == want
    assert "number_from_attachment" in codes and "number_missing" not in codes


def test_a_cited_documents_appendix_line_is_not_the_number():
    # md/395e08ca318443c2.md: "ban hành kèm theo Nghị định số 135/2020/NĐ-CP" runs inside a sentence of a circular
    m, codes = meta_of(["THÔNG TƯ", "Hướng dẫn", "Căn cứ Luật;", "Điều 1.",
                        "a) Theo quy định tại Phụ lục ban hành kèm theo Nghị định số 135/2020/NĐ-CP ngày 18 tháng 11"])
    assert m.identifier is None and "number_missing" in codes


@pytest.mark.parametrize("lines, issuer, title_start", [
    # md/38acb0a43418a36c.md: type, title, then the enacting authority, no emblem block
    (["NGHỊ QUYẾT", "Thí điểm một số cơ chế, chính sách đặc thù, đặc biệt để phát triển hệ thống mạng lưới đường sắt",
      "QUỐC HỘI", "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"], "Quốc hội", "Thí điểm một số"),
    # md/2c2b3ff4b9ac5f74.md: an official and his ministry: the issuer is the ministry
    (["THÔNG TƯ", "QUY", "ĐỊNH MỘT SỐ NỘI DUNG KỸ THUẬT TRONG HOẠT ĐỘNG DẦU KHÍ", "BỘ TRƯỞNG BỘ CÔNG THƯƠNG",
      "Căn cứ Luật Dầu khí ngày 14 tháng 11 năm 2022;"], "Bộ Công Thương", "QUY ĐỊNH MỘT SỐ"),
    # md/67f6a2303c783848.md
    (["QUYẾT ĐỊNH", "PHÊ DUYỆT NHIỆM VỤ LẬP QUY", "HOẠCH BẢO QUẢN, TU BỔ, PHỤC HỒI DI TÍCH KHẢO CỔ QUỐC GIA",
      "THỦ TƯỚNG CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"],
     "Thủ tướng Chính phủ", "PHÊ DUYỆT NHIỆM VỤ LẬP QUY HOẠCH"),
    # md/0faec1aabf388eca.md: the authority joined to the end of the title paragraph by the converter
    (["NGHỊ QUYẾT", "Sửa đổi, bổ sung một số nội dung của Nghị quyết số 730/2004/NQ -UBTVQH11 theo Nghị quyết số "
      "1212/2016/UBTVQH13 ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"],
     "Ủy ban Thường vụ Quốc hội", "Sửa đổi, bổ sung"),
])
def test_enacting_authority_under_the_title_is_the_issuer(lines, issuer, title_start):
    m, codes = meta_of(lines)
    assert m.issuer.name == issuer
    assert m.title.startswith(title_start) and not m.title.endswith(("QUỐC HỘI", "CHÍNH PHỦ", "CÔNG THƯƠNG"))


def test_adoption_line_gives_the_date_of_a_national_assembly_resolution():
    # md/0faec1aabf388eca.md
    m, codes = meta_of(["NGHỊ QUYẾT", "Sửa đổi, bổ sung một số nội dung", "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
                        "Căn cứ Hiến pháp;", "Điều 1. Sửa đổi", "Nghị quyết này được Ủy ban Thường vụ Quốc hội nước "
                        "Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, phiên họp thứ 42 thông qua ngày 06 tháng 02 năm 2025."])
    assert m.date == "2025-02-06" and "date_from_adoption" in codes


@pytest.mark.parametrize("lines, title", [
    # md/355bcc582867074b.md: "**NGHỊ ĐỊNH****Về hợp đồng …**": the marks gone, the words glued
    (["Số: 173/2025/NĐ-CP |", "NGHỊ ĐỊNHVề hợp đồng thực hiện nhiệm vụ của công chức Về hợp đồng thực hiện "
      "nhiệm vụ của công chức"], "Về hợp đồng thực hiện nhiệm vụ của công chức"),
    # md/344b9eec106a648a.md: CÔNG ĐIỆN, the title broken over lines, the authority after it ("THỦ TƯỚNG CHÍNH PHỦ điện:")
    (["THỦ TƯỚNG CHÍNH PHỦ", "Số: 220/CĐ-TTg"] + MOTTO + ["Hà Nội, ngày 18 tháng 11 năm 2025",
      "CÔNG ĐIỆN TẬP TRUNG HOÀN THÀNH THỰC THI CÁC PHƯƠNG ÁN CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH, ĐIỀU KIỆN "
      "KINH DOANH NĂM 2025 THỦ TƯỚNG CHÍNH PHỦ điện:", "- Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ;"],
     "TẬP TRUNG HOÀN THÀNH THỰC THI CÁC PHƯƠNG ÁN CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH, ĐIỀU KIỆN KINH DOANH NĂM 2025"),
])
def test_titles_the_type_line_hid(lines, title):
    m, codes = meta_of(lines)
    assert m.title == title and "title_missing" not in codes


def test_issuer_from_the_signature_when_the_header_has_none():
    # md/c34d5840b0094a14.md: no emblem block, no authority line under the title; signed "TM. CHÍNH PHỦ"
    m, codes = meta_of(["NGHỊ ĐỊNH", "QUY", "ĐỊNH VỀ CƯỠNG CHẾ THI HÀNH QUYẾT ĐỊNH XỬ PHẠT VI PHẠM HÀNH CHÍNH",
                        "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;", "Điều 1. Phạm vi điều chỉnh",
                        "Nghị định này quy định về cưỡng chế.", "TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG",
                        "Lê Thành Long"])
    assert m.issuer.name == "Chính phủ"
    assert "issuer_from_signature" in codes and "issuer_missing" not in codes


def test_title_opening_like_a_body_under_a_gazette_type_line():
    # congbao/van-ban-hop-nhat-so-2092-vbhn-bldtbxh-37403.pdf: the title opens with "Thực hiện", the consolidation
    # statement that follows it is not part of it
    m, codes = meta_of(["Thực hiện thí điểm quản lý lao động, tiền lương, tiền thưởng đối với một số tập đoàn kinh tế, "
                        "tổng công ty nhà nước",
                        "Nghị định số 20/2020/NĐ-CP ngày 17 tháng 02 năm 2020 của Chính phủ thực hiện thí điểm quản lý "
                        "lao động, có hiệu lực từ ngày 01/4/2020, được sửa đổi, bổ sung bởi:",
                        "Căn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"],
                       header=["VĂN BẢN HỢP NHẤT -", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"] + MOTTO + ["NGHỊ ĐỊNH"])
    assert m.title == ("Thực hiện thí điểm quản lý lao động, tiền lương, tiền thưởng đối với một số tập đoàn kinh tế, "
                       "tổng công ty nhà nước")
