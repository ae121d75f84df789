"""Metadata extractor: issuer, number/symbol, type, place/date, title, signers, recipients.

Header and signature rows are real lines from the corpus documents named in
the comments, as the readers give them.
"""
from __future__ import annotations

import json
import unicodedata

import pytest

from vanban.extractors.metadata import extract_metadata, proper_case
from vanban.pipeline.normalise import normalise_text
from vanban.pipeline.tree import build_tree
from vanban.pipeline.types import LaidOut, Paragraph, RawDocument


def laid_out(lines: list[str], fmt: str = "txt") -> LaidOut:
    raw = RawDocument(path="snippet", sha256="0", format=fmt, items=[])
    blocks = [Paragraph(text=normalise_text(t), page=1) for t in lines]
    parts, pos = [], 0
    for b in blocks:
        b.start, b.end = pos, pos + len(b.text)
        parts.append(b.text)
        pos = b.end + 1
    return LaidOut(raw=raw, header=[], blocks=blocks, text="\n".join(parts))


def meta_of(lines: list[str]):
    doc = laid_out(lines)
    return extract_metadata(doc, build_tree(doc))


@pytest.mark.parametrize("printed, proper", [
    ("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "Ủy ban nhân dân tỉnh Bắc Giang"),
    ("UBND TỈNH LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai"),
    ("BỘ TÀI CHÍNH", "Bộ Tài chính"),
    ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("TỔNG CỤC HẢI QUAN", "Tổng cục Hải quan"),
    ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
])
def test_proper_case(printed, proper):
    assert proper_case(printed) == proper


HEADERS = [
    # bacgiang txt: blank number and day
    (["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG", "–––––––––", "Số: /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc", "Bắc Giang, ngày tháng 6 năm 2024", "KẾ HOẠCH",
      "Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành",
      "Trung ương về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp", "––––––––––––",
      "Thực hiện Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương Đảng"],
     dict(issuer="Ủy ban nhân dân tỉnh Bắc Giang", parent=None, number=None, symbol="KH-UBND", identifier=None,
          code="KH", type_name="Kế hoạch", place="Bắc Giang", date="2024-06",
          title="Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương về tiếp tục xây "
                "dựng và phát huy vai trò của đội ngũ trí thức đáp")),
    # 008 pdftotext: issuer and motto interleaved on one line, 'Số: 5973 /UBND-KT', V/v over lines
    (["ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc",
      "Số: 5973 /UBND-KT Lào Cai, ngày 11 tháng 6 năm 2026", "V/v tăng cường công tác quản",
      "lý, thanh tra, kiểm tra hoạt", "động khoáng sản trên địa bàn", "tỉnh Lào Cai", "Kính gửi:",
      "- Các Sở, ban, ngành thuộc UBND tỉnh;", "- Ủy ban nhân dân các xã, phường.",
      "Thực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ"],
     dict(issuer="Ủy ban nhân dân tỉnh Lào Cai", parent=None, number="5973", symbol="UBND-KT",
          identifier="5973/UBND-KT", code="CV", type_name="Công văn", place="Lào Cai", date="2026-06-11",
          title="V/v tăng cường công tác quản lý, thanh tra, kiểm tra hoạt động khoáng sản trên địa bàn tỉnh Lào Cai")),
    # 098 web crawl: parent and issuer on one line, type and summary flattened after the date
    (["BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN -------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
      "Số: 2135/QĐ-TCHQ",
      "Hà Nội, ngày 31 tháng 07 năm 2015 QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY TRÌNH XÁC ĐỊNH TRƯỚC MÃ SỐ ĐỐI VỚI "
      "HÀNG HÓA XUẤT KHẨU, NHẬP KHẨU TỔNG CỤC TRƯỞNG TỔNG CỤC HẢI QUAN", "Căn cứ Luật Hải quan số 54/2014/QH13"],
     dict(issuer="Tổng cục Hải quan", parent="Bộ Tài chính", number="2135", symbol="QĐ-TCHQ",
          identifier="2135/QĐ-TCHQ", code="QĐ", type_name="Quyết định", place="Hà Nội", date="2015-07-31",
          title="VỀ VIỆC BAN HÀNH QUY TRÌNH XÁC ĐỊNH TRƯỚC MÃ SỐ ĐỐI VỚI HÀNG HÓA XUẤT KHẨU, NHẬP KHẨU")),
    # 058 markdown: legal normative number with the year; 041: 'Số:' and the number on two lines
    (["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số:", "138/2025/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Đồng Tháp, ngày 25 tháng 11 năm 2025", "QUYẾT ĐỊNH",
      "BAN HÀNH QUY CHẾ TIẾP NHẬN, LUÂN CHUYỂN HỒ SƠ, GIẢI QUYẾT, TRẢ",
      "KẾT QUẢ THỦ TỤC HÀNH CHÍNH TRONG LĨNH VỰC ĐẤT ĐAI TRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP",
      "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"],
     dict(issuer="Ủy ban nhân dân tỉnh Lai Châu", parent=None, number="138", symbol="QĐ-UBND",
          identifier="138/2025/QĐ-UBND", code="QĐ", type_name="Quyết định", place="Đồng Tháp", date="2025-11-25",
          title="BAN HÀNH QUY CHẾ TIẾP NHẬN, LUÂN CHUYỂN HỒ SƠ, GIẢI QUYẾT, TRẢ KẾT QUẢ THỦ TỤC HÀNH CHÍNH TRONG "
                "LĨNH VỰC ĐẤT ĐAI TRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP")),
    # 001 docx: blank number, blank day and month; 085: date in figures as the brief quotes it
    (["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số:           /KH-UBND",
      "Lào Cai, ngày       tháng      năm 2026", "KẾ HOẠCH",
      "Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026"],
     dict(issuer="Ủy ban nhân dân tỉnh Lào Cai", parent=None, number=None, symbol="KH-UBND", identifier=None,
          code="KH", type_name="Kế hoạch", place="Lào Cai", date="2026",
          title="Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026")),
    (["THỦ TƯỚNG CHÍNH PHỦ", "Số:  982/QĐ-TTg", "Hà Nội, ngày 04/6/2026", "QUYẾT ĐỊNH",
      "Phê duyệt Đề án hỗ trợ, phát triển các doanh nghiệp công nghệ số vươn ra toàn cầu",
      "THỦ TƯỚNG CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"],
     dict(issuer="Thủ tướng Chính phủ", parent=None, number="982", symbol="QĐ-TTg", identifier="982/QĐ-TTg",
          code="QĐ", type_name="Quyết định", place="Hà Nội", date="2026-06-04",
          title="Phê duyệt Đề án hỗ trợ, phát triển các doanh nghiệp công nghệ số vươn ra toàn cầu")),
    # 077: header columns merged on one line, spaces around the symbol's dash
    (["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH LÂM ĐỒNG Độc lập - Tự do - Hạnh phúc",
      "Số: 2536 /QĐ - UBND Lâm Đồng, ngày 29 tháng 6 năm 2025", "QUYẾT ĐỊNH",
      "Về việc cho phép hợp nhất Đoàn Luật sư tỉnh Lâm Đồng (cũ)", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"],
     dict(issuer="Ủy ban nhân dân tỉnh Lâm Đồng", parent=None, number="2536", symbol="QĐ-UBND",
          identifier="2536/QĐ-UBND", code="QĐ", type_name="Quyết định", place="Lâm Đồng", date="2025-06-29",
          title="Về việc cho phép hợp nhất Đoàn Luật sư tỉnh Lâm Đồng (cũ)")),
]


@pytest.mark.parametrize("lines, want", HEADERS)
def test_header(lines, want):
    m, _ = meta_of(lines)
    assert m.issuer.name == want["issuer"]
    assert m.issuer.parent == want["parent"]
    assert (m.number, m.symbol, m.identifier) == (want["number"], want["symbol"], want["identifier"])
    assert (m.doc_type.code, m.doc_type.name) == (want["code"], want["type_name"])
    assert (m.place, m.date) == (want["place"], want["date"])
    assert m.title == want["title"]


def test_decomposed_characters_are_read_like_composed_ones():
    lines = HEADERS[0][0]
    m1, _ = meta_of(lines)
    m2, _ = meta_of([unicodedata.normalize("NFD", x) for x in lines])
    assert m1 == m2


def test_symbol_disagreeing_with_type_line_is_a_warning():
    # 023: a Thông tư printed with 'Số: 97/2025/QĐ-UBND'
    m, warnings = meta_of(["BỘ TÀI CHÍNH", "Số: 97/2025/QĐ-UBND", "Hà Nội, ngày 24 tháng 10 năm 2025", "THÔNG TƯ",
                           "Hướng dẫn thực hiện các chính sách tài chính đối với doanh nghiệp",
                           "Căn cứ Luật Ngân sách nhà nước"])
    assert m.doc_type.code == "TT"
    assert "doc_type_mismatch" in [w.code for w in warnings]


def test_blank_number_is_a_warning_not_a_guess():
    m, warnings = meta_of(HEADERS[0][0])
    assert m.number is None and m.identifier is None
    assert "number_blank" in [w.code for w in warnings]


BODY = ["I. TỔ CHỨC THỰC HIỆN", "1. Các sở, ban, ngành triển khai thực hiện./."]

SIGNATURES = [
    # bacgiang: the usual block
    (["Nơi nhận:", "- Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam;", "- TT Tỉnh uỷ, TT HĐND tỉnh;",
      "- VP UBND tỉnh:", "+ LĐVP, các phòng, đơn vị.;", "+ Lưu VT, KGVX.Dũng.",
      "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Sơn"],
     dict(name="Mai Sơn", title="Phó Chủ tịch", capacity="KT. Chủ tịch", on_behalf_of="TM. Ủy ban nhân dân"),
     ["Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", "TT Tỉnh ủy, TT HĐND tỉnh", "VP UBND tỉnh",
      "LĐVP, các phòng, đơn vị", "Lưu VT, KGVX.Dũng"]),
    # 008: signature interleaved with the Nơi nhận lines
    (["Nơi nhận: KT. CHỦ TỊCH", "- Như trên;", "- Bộ Nông nghiệp và Môi trường (để báo cáo); PHÓ CHỦ TỊCH",
      "- Lưu: VT, KT(Thủy, Nho).", "Nguyễn Thành Sinh"],
     dict(name="Nguyễn Thành Sinh", title="Phó Chủ tịch", capacity="KT. Chủ tịch", on_behalf_of=None),
     ["Như trên", "Bộ Nông nghiệp và Môi trường (để báo cáo)", "Lưu: VT, KT(Thủy, Nho)"]),
    # 099 web crawl: the whole signature on one line
    (["Nơi nhận:", "- Lưu: VT, KGVX (3).", "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà"],
     dict(name="Trần Hồng Hà", title="Phó Thủ tướng", capacity="KT. Thủ tướng", on_behalf_of=None),
     ["Lưu: VT, KGVX (3)"]),
    # 057: a capacity naming two offices
    (["Nơi nhận:", "- Thủ tướng Chính phủ (để b/c);", "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM",
      "Phạm Mạnh Cường"],
     dict(name="Phạm Mạnh Cường", title="Phó Chủ nhiệm", capacity="KT. Bộ trưởng, Chủ nhiệm", on_behalf_of=None),
     ["Thủ tướng Chính phủ (để b/c)"]),
]


@pytest.mark.parametrize("tail, signer, recipients", SIGNATURES)
def test_signers_and_recipients(tail, signer, recipients):
    m, _ = meta_of(BODY + tail)
    assert m.signers and m.signers[0].model_dump() == signer
    assert m.recipients == recipients


GOLD_TEXT = ["bacgiang-2024-kh-ubnd-nq45.txt", "008_laocai-cv-5973-ubnd-kt-thanh-kiem-tra-ks.txt",
             "030_dongthap-kh-617-kh-ubnd-2025-chuyen-doi-so-dn.md", "034_dongnai-kh-179-kh-ubnd-2025-kinh-te-so.md"]


@pytest.mark.parametrize("name", GOLD_TEXT)
def test_gold_metadata(corpus, name):
    """Every gold metadata field of the fast text documents, compared as score.py does (case folded)."""
    from difflib import SequenceMatcher

    from vanban.pipeline.layout import layout
    from vanban.pipeline.normalise import normalise
    from vanban.pipeline.read import read

    gold = json.loads((corpus / "gold" / (name.rsplit(".", 1)[0] + ".gold.json")).read_text(encoding="utf-8"))
    doc = layout(normalise(read(str(corpus / name))))
    m = extract_metadata(doc, build_tree(doc))[0].model_dump()
    for key, want in gold["metadata"].items():
        have = m
        for part in key.replace("[0]", ".0").split("."):
            have = have[int(part)] if part.isdigit() else have[part]
        if key in ("title", "issuer.name"):
            assert SequenceMatcher(None, want.casefold(), have.casefold()).ratio() >= 0.9, key
        else:
            assert (want.casefold() if want else want) == (have.casefold() if have else have), key
