"""layout: header/body split, paragraph joining, signature and recipients, flattened tables."""
from __future__ import annotations

from pathlib import Path

import pytest

from vanban.pipeline.layout import block_text, layout
from vanban.pipeline.normalise import normalise
from vanban.pipeline.read import read
from vanban.pipeline.types import FlatTable, Line, Paragraph, RawDocument, Table

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXT_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".json", ".html"))
_CACHE: dict[str, object] = {}


def laid(name: str):
    if name not in _CACHE:
        _CACHE[name] = layout(normalise(read(CORPUS / name)))
    return _CACHE[name]


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def lines_doc(*lines: str, **kw) -> RawDocument:
    return RawDocument(path="x", sha256="0", format="txt", items=[Line(text=t, **kw) for t in lines])


BG = "bacgiang-2024-kh-ubnd-nq45.txt"


@pytest.mark.parametrize("name, header", [
    # Công báo: the gazette's section label and its repeated issuer heading are not the header
    ("091_cp-nq-175-nq-cp-2023-repo-txt.txt",
     ["CHÍNH PHỦ", "Số: 175/NQ-CP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Hà Nội, ngày 30 tháng 10 năm 2023", "NGHỊ QUYẾT", "Phê duyệt Đề án Trung tâm dữ liệu quốc gia"]),
    (BG, ["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG", "Số: /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Bắc Giang, ngày tháng 6 năm 2024", "KẾ HOẠCH",
          "Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành",
          "Trung ương về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp",
          "ứng yêu cầu phát triển đất nước nhanh và bền vững", "trong giai đoạn mới"]),
    ("084_ttg-ct-21-ct-ttg-2026-cong-bao-repo-txt.txt",
     ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 21/CT-TTg", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 20 tháng 5 năm 2026", "CHỈ THỊ",
      "Về việc sắp xếp thôn, tổ dân phố và bố trí, sử dụng, chế độ, chính sách",
      "đối với người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố"]),
    ("086_ttg-qd-982-qd-ttg-2026-repo-txt.txt",
     ["THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Số: 982/QĐ-TTg", "Hà Nội, ngày 04 tháng 6 năm 2026", "QUYẾT ĐỊNH",
      "Phê duyệt Đề án hỗ trợ, phát triển các doanh nghiệp công nghệ số",
      "vươn ra toàn cầu đến năm 2030, tầm nhìn đến năm 2045"]),
    ("030_dongthap-kh-617-kh-ubnd-2025-chuyen-doi-so-dn.md",
     ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "Số: 617/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc", "Đồng Tháp, ngày 01 tháng 12 năm 2025", "KẾ HOẠCH",
      "CHUYỂN ĐỔI SỐ CHO CÁC DOANH NGHIỆP, NHẤT LÀ DOANH NGHIỆP", "NHỎ VÀ VỪA, HỢP TÁC XÃ, HỘ KINH DOANH"]),
    ("052_hcm-cv-4240-ubnd-vx-2025-csdl-can-bo.md",     # công văn: V/v under Số, Kính gửi opens the body
     ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "Số: 4240/UBND-VX",
      "V/v khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025"]),
    ("027_kontum-qd-435-qd-ubnd-2020-chuong-trinh-hanh-dong.txt",   # header merged on few lines
     ["Quyết định 435/QĐ-UBND năm 2020", "ỦY BAN NHÂN DÂN TỈNH KON TUM",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 435/QĐ-UBND",
      "Kon Tum, ngày 04 tháng 5 năm 2020", "QUYẾT ĐỊNH"]),
    ("041_laichau-kh-7360-kh-ubnd-2025-luat-tieu-chuan.md",      # "Số:" wrapped away from its number
     ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 7360/KH-UBND"]),
    ("028_btc-cv-19046-btc-tchq-2014-luat-hai-quan.txt",         # Số + V/v and date + Kính gửi merged
     ["Công văn 19046/BTC-TCHQ", "BỘ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc", "Số: 19046/BTC-TCHQ",
      "V/v hướng dẫn thực hiện các quy định của Luật hải quan 2014", "Hà Nội, ngày 29 tháng 12 năm 2014"]),
    ("099_ttg-qd-12-2024-qd-ttg-viec-lam-dat-thu-hoi.txt",       # summary and first "Căn cứ" merged
     ["Quyết định 12/2024/QĐ-TTg", "THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc", "Số: 12/2024/QĐ-TTg", "Hà Nội, ngày 31 tháng 7 năm 2024", "QUYẾT ĐỊNH",
      "VỀ CƠ CHẾ, CHÍNH SÁCH GIẢI QUYẾT VIỆC LÀM VÀ ĐÀO TẠO NGHỀ CHO NGƯỜI CÓ ĐẤT THU HỒI"]),
])
def test_header(name, header):
    assert [p.text for p in laid(name).header][:len(header)] == header


@pytest.mark.parametrize("name, paragraph", [
    # Bắc Giang: a blank line after every physical line, breaks mid-sentence
    (BG, "Thực hiện Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây dựng "
         "và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong "
         "giai đoạn mới (viết tắt là Nghị quyết số 45-NQ/TW); Kế hoạch số 123-KH/TU ngày 13/3/2024 của Ban "
         "Thường vụ Tỉnh ủy thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương về "
         "tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh "
         "và bền vững trong giai đoạn mới (viết tắt là Kế hoạch số 123-KH/TU); UBND tỉnh ban hành Kế hoạch tổ "
         "chức thực hiện với những nội dung chủ yếu sau:"),
    (BG, "I. MỤC ĐÍCH, YÊU CẦU"),
    (BG, "1. Mục đích"),
    # a heading's continuation is joined
    (BG, "2. Đổi mới công tác đào tạo, bồi dưỡng, sử dụng, đãi ngộ và tôn vinh trí thức, trọng dụng nhân tài"),
    # "45-" + "NQ/TW" joins without a space
    (BG, "- Nêu cao trách nhiệm của người đứng đầu chính quyền các cấp, xác định các mục tiêu, nhiệm vụ cụ thể "
         "để triển khai thực hiện có hiệu quả Nghị quyết số 45-NQ/TW, Kế hoạch số 123-KH/TU phù hợp với điều kiện "
         "thực tế của từng ngành, lĩnh vực, địa phương, cơ quan, đơn vị."),
    # signature and recipients: one physical line a paragraph
    (BG, "Nơi nhận:"), (BG, "- TT Tỉnh ủy, TT HĐND tỉnh;"), (BG, "+ Lưu VT, KGVX.Dũng."),
    (BG, "TM. ỦY BAN NHÂN DÂN"), (BG, "KT. CHỦ TỊCH"), (BG, "PHÓ CHỦ TỊCH"), (BG, "Mai Sơn"),
    # Công báo: the paragraph runs on over the page break; running header and page number dropped
    ("084_ttg-ct-21-ct-ttg-2026-cong-bao-repo-txt.txt",
     "II. TỔ CHỨC THỰC HIỆN"),
    ("084_ttg-ct-21-ct-ttg-2026-cong-bao-repo-txt.txt", "KT. THỦ TƯỚNG"),
    ("084_ttg-ct-21-ct-ttg-2026-cong-bao-repo-txt.txt", "Phạm Thị Thanh Trà"),
    ("086_ttg-qd-982-qd-ttg-2026-repo-txt.txt", "THỦ TƯỚNG CHÍNH PHỦ"),
    ("086_ttg-qd-982-qd-ttg-2026-repo-txt.txt", "Căn cứ Luật Công nghiệp công nghệ số ngày 14 tháng 6 năm 2025;"),
    # converter Markdown: hard wraps at ~80 characters joined, bold headings kept apart
    ("030_dongthap-kh-617-kh-ubnd-2025-chuyen-doi-so-dn.md",
     "Ủy ban nhân dân Tỉnh ban hành Kế hoạch chuyển đổi số cho các doanh nghiệp, nhất là doanh nghiệp nhỏ và "
     "vừa, hợp tác xã, hộ kinh doanh, với các nội dung như sau:"),
    ("030_dongthap-kh-617-kh-ubnd-2025-chuyen-doi-so-dn.md", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("030_dongthap-kh-617-kh-ubnd-2025-chuyen-doi-so-dn.md",
     "đ) Đến hết năm 2045: 100% DNNVV, HTX, HKD trên địa bàn Tỉnh ứng dụng công nghệ số."),
    ("052_hcm-cv-4240-ubnd-vx-2025-csdl-can-bo.md", "Kính gửi:"),
    ("052_hcm-cv-4240-ubnd-vx-2025-csdl-can-bo.md",
     "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25 tháng 11 năm 2025;"),
    ("052_hcm-cv-4240-ubnd-vx-2025-csdl-can-bo.md", "- Lưu: VT, (VX/KN)."),
    ("041_laichau-kh-7360-kh-ubnd-2025-luat-tieu-chuan.md", "TM. ỦY BAN NHÂN DÂN"),
    ("028_btc-cv-19046-btc-tchq-2014-luat-hai-quan.txt", "Kính gửi: Cục Hải quan các tỉnh, thành phố."),
    ("099_ttg-qd-12-2024-qd-ttg-viec-lam-dat-thu-hoi.txt", "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;"),
    ("078_nghean-qd-ke-hoach-pbgdpl-2005-word-segmented.txt", "Căn cứ Luật tổ chức HĐND và UBND ngày 26/11/2003;"),
    # pdftotext -layout: a line at the margin goes on the indented first line above it
    ("020_laocai-qd-16-2026-qd-ubnd-quy-che-ccn-ocr.txt",
     "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương; Thủ trưởng các sở, ban, ngành "
     "thuộc tỉnh; Ủy ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi "
     "hành Quyết định này./."),
    # ... and an indented line after a short one starts a paragraph, lower case or not
    ("004_laocai-kh-dkt-1105-kiem-tra-vlncn-repo-txt.txt", "a/. Tên Công ty:"),
    ("004_laocai-kh-dkt-1105-kiem-tra-vlncn-repo-txt.txt", "đ/. Hoạt động chính của Công ty:"),
    # pdftotext -layout signature block: the recipients column first, the signer's column after it
    ("004_laocai-kh-dkt-1105-kiem-tra-vlncn-repo-txt.txt",
     "- Văn phòng Sở (Bố trí kinh phí, phương tiện Phục vụ Đoàn kiểm tra);"),
    # web crawl: "Điều 1." alone, its text on the next line
    ("027_kontum-qd-435-qd-ubnd-2020-chuong-trinh-hanh-dong.txt",
     "Điều 2. Giám đốc Sở Lao động - Thương binh và Xã hội; Thủ trưởng các cơ quan, đơn vị liên quan; Chủ tịch "
     "Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./."),
    # web crawl: a heading and its first child's marker glued ("III. TỔ CHỨC THỰC HIỆN 1.", "... đình công 3.1. Rà soát")
    ("027_kontum-qd-435-qd-ubnd-2020-chuong-trinh-hanh-dong.txt", "III. TỔ CHỨC THỰC HIỆN"),
    ("027_kontum-qd-435-qd-ubnd-2020-chuong-trinh-hanh-dong.txt", "3. Giải quyết tốt tranh chấp lao động và đình công"),
    ("028_btc-cv-19046-btc-tchq-2014-luat-hai-quan.txt", "2. Về Đại lý làm thủ tục hải quan"),
    # web crawl: "Điều 69 của Luật ..." after "khoản 2" is a citation, not an article heading
    ("028_btc-cv-19046-btc-tchq-2014-luat-hai-quan.txt",
     "4.3. Thời hạn nộp tờ khai hải quan đối với phương tiện vận tải thực hiện theo quy định tại khoản 2 "
     "Điều 69 của Luật Hải quan năm 2014."),
])
def test_paragraphs(name, paragraph):
    assert paragraph in texts(laid(name))


def test_markdown_full_line_ending_in_semicolon_goes_on():
    # 037: "... nhiệm kỳ 2026 - 2031;" fills its 80-character line; "Hướng dẫn số 7886/HD-BNV" continues
    para = next(t for t in texts(laid("037_daklak-kh-0125-kh-ubnd-2025-thi-dua-bau-cu.md"))
                if t.startswith("Thực hiện Chỉ thị số 46-CT/TW"))
    assert "nhiệm kỳ 2026 - 2031; Hướng dẫn số 7886/HD-BNV ngày 14/9/2025" in para
    assert para.endswith("nhiệm kỳ 2026 - 2031.")


def test_title_line_heads_a_text_without_header():
    doc = laid("078_nghean-qd-ke-hoach-pbgdpl-2005-word-segmented.txt")
    assert [p.text[:30] for p in doc.header] == ["Quyết định ban hành kế hoạch t"]


def test_cong_bao_running_headers_dropped_and_pages_kept():
    doc = laid("084_ttg-ct-21-ct-ttg-2026-cong-bao-repo-txt.txt")
    assert "CÔNG BÁO" not in doc.text and "Ký bởi" not in doc.text
    assert not any(t.strip().isdigit() for t in texts(doc))
    assert doc.raw.pages == 6
    # "2. Đề nghị Ban Tuyên giáo ..." starts on page 2 and runs on to page 3
    para = next(p for p in doc.paragraphs if p.text.startswith("2. Đề nghị Ban Tuyên giáo"))
    assert para.page == 2 and "gắn với xây dựng chính quyền địa phương 2 cấp" in para.text


def test_flat_table_on_bac_giang():
    doc = laid(BG)
    flats = [b for b in doc.blocks if isinstance(b, FlatTable)]
    assert len(flats) == 1
    flat = flats[0]
    lines = [ln.text for ln in flat.lines]
    assert lines[:4] == ["TT Nội dung nhiệm vụ", "Cơ quan", "chủ trì thực", "hiện"]
    assert "Tuyên truyền về Nghị quyết số 45-NQ/TW" in lines
    assert lines[-1] == "Hằng năm"                       # runs to the end of the document
    i = doc.blocks.index(flat)
    assert doc.blocks[i - 1].text == "(Kèm theo Kế hoạch số /KH-UBND ngày /6/2024 của UBND tỉnh)"
    assert doc.blocks[i - 2].text.startswith("DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾ HOẠCH")


@pytest.mark.parametrize("name", ["030_dongthap-kh-617-kh-ubnd-2025-chuyen-doi-so-dn.md",
                                  "041_laichau-kh-7360-kh-ubnd-2025-luat-tieu-chuan.md",
                                  "084_ttg-ct-21-ct-ttg-2026-cong-bao-repo-txt.txt"])
def test_no_flat_table_where_there_is_none(name):
    assert not any(isinstance(b, FlatTable) for b in laid(name).blocks)


def test_markdown_table_stays_a_table():
    doc = laid("030_dongthap-kh-617-kh-ubnd-2025-chuyen-doi-so-dn.md")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].rows[0][:3] == ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì"]


@pytest.mark.parametrize("lines, expected", [
    # numbered markers never joined; continuations joined (Bắc Giang lines)
    (["1. Mục tiêu đến năm 2030",
      "- Xây dựng đội ngũ trí thức của tỉnh có số lượng, cơ cấu hợp lý; là nguồn",
      "nhân lực chất lượng cao đi đầu trong lĩnh vực chuyển đổi số, phát triển kinh tế số,"],
     ["1. Mục tiêu đến năm 2030",
      "- Xây dựng đội ngũ trí thức của tỉnh có số lượng, cơ cấu hợp lý; là nguồn nhân lực chất lượng cao "
      "đi đầu trong lĩnh vực chuyển đổi số, phát triển kinh tế số,"]),
    (["1.1. Sở Thông tin và Truyền thông: Chủ trì, phối hợp với Báo Bắc Giang, Đài",
      "Phát thanh và Truyền hình tỉnh tăng cường tuyên truyền",
      "1.2. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố:",
      "a) Khẩn trương tổ chức rà soát", "Điều 5. Hiệu lực thi hành", "Chương II", "Mục 1"],
     ["1.1. Sở Thông tin và Truyền thông: Chủ trì, phối hợp với Báo Bắc Giang, Đài Phát thanh và Truyền "
      "hình tỉnh tăng cường tuyên truyền", "1.2. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố:",
      "a) Khẩn trương tổ chức rà soát", "Điều 5. Hiệu lực thi hành", "Chương II", "Mục 1"]),
    # an upper-case heading that wraps is one paragraph
    (["II. ĐỔI MỚI CÔNG TÁC ĐÀO TẠO, BỒI DƯỠNG, SỬ DỤNG, ĐÃI NGỘ VÀ TÔN VINH TRÍ THỨC,",
      "TRỌNG DỤNG NHÂN TÀI", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"],
     ["II. ĐỔI MỚI CÔNG TÁC ĐÀO TẠO, BỒI DƯỠNG, SỬ DỤNG, ĐÃI NGỘ VÀ TÔN VINH TRÍ THỨC, TRỌNG DỤNG NHÂN TÀI",
      "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"]),
])
def test_joining_rules(lines, expected):
    assert texts(layout(lines_doc(*lines))) == expected


def test_reader_paragraphs_are_never_joined():
    doc = layout(lines_doc("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15", "ban hành Quyết định", paragraph=True))
    assert texts(doc) == ["Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15", "ban hành Quyết định"]


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name[:40])
def test_offsets_point_into_the_text(path):
    doc = laid(path.name)
    for b in doc.header + doc.blocks:
        assert doc.text[b.start:b.end] == block_text(b)
    assert doc.blocks


def test_pdf_first_line_indent_starts_a_paragraph():
    from vanban.pipeline.types import Box
    # 085 page 1: lines at x0 85, the next paragraph indented to x0 121 (boxes as read_pdf gives them)
    rows = [(84, 571, 539, 587, "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột"),
            (84, 590, 514, 606, "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia")]
    # (no ";" at the end: only the indent says that a new paragraph starts)
    rows += [(85, 419 + 19 * i, 539, 435 + 19 * i, f"dòng {i} của đoạn trước, viết liền") for i in range(8)]
    rows += [(121, 615, 539, 631, "Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ tại Tờ trình số"),
             (85, 634, 539, 650, "72/TTr-BKHCN ngày 28 tháng 4 năm 2026 và Văn bản số 3374/ BKHCN-"),
             (85, 656, 295, 669, "CNCNTT ngày 21 tháng 5 năm 2026.")]
    rows.sort(key=lambda r: r[1])
    raw = RawDocument(path="x", sha256="0", format="pdf", items=[
        Line(text=t, page=1, box=Box(x0, top, x1, bottom)) for x0, top, x1, bottom, t in rows])
    out = texts(layout(raw))
    assert out[-2].endswith("chuyển đổi số quốc gia")
    assert out[-1] == ("Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ tại Tờ trình số 72/TTr-BKHCN ngày 28 "
                       "tháng 4 năm 2026 và Văn bản số 3374/ BKHCN-CNCNTT ngày 21 tháng 5 năm 2026.")


def md_doc(*lines: str) -> RawDocument:
    """Converter Markdown lines (hard-wrapped at a fixed width: a full line ending in ";" goes on)."""
    return RawDocument(path="x", sha256="0", format="txt", detail="md", items=[Line(text=t) for t in lines])


@pytest.mark.parametrize("lines, expected", [
    # 057: "(2)" after a full line ending in ";" opens item (2) of the "(1)" sequence
    (["(1) Về việc phê duyệt Chương trình: Các Bộ, cơ quan",
      "tiêu chí, định mức phân bổ vốn của Chương trình; đồng thời chịu trách nhiệm tổng",
      "hợp chung, báo cáo và giải trình với các cơ quan có thẩm quyền theo quy định;",
      "(2) Về triển khai Chương trình: Chính phủ sẽ phân",
      "công nhiệm vụ các bộ, cơ quan xây dựng kế hoạch, hướng dẫn, tổ chức, triển khai"],
     ["(1) Về việc phê duyệt Chương trình: Các Bộ, cơ quan tiêu chí, định mức phân bổ vốn của Chương trình; "
      "đồng thời chịu trách nhiệm tổng hợp chung, báo cáo và giải trình với các cơ quan có thẩm quyền theo quy định;",
      "(2) Về triển khai Chương trình: Chính phủ sẽ phân công nhiệm vụ các bộ, cơ quan xây dựng kế hoạch, "
      "hướng dẫn, tổ chức, triển khai"]),
    # 057: "(4)" after "(3)", the line above a full one ending in "." (first lines of items (1), (2) kept)
    (["(1) Giao Bộ Nông nghiệp và Môi trường chủ trì, phối",
      "(2) Giao Bộ Nông nghiệp và Môi trường chủ trì, phối",
      "(3) Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội,",
      "các cơ quan Chính phủ để thẩm tra và hoàn thiện hồ sơ Báo cáo đề xuất Chủ",
      "trương đầu tư Chương trình, trình Ủy ban Thường vụ của Quốc hội và Quốc hội.",
      "(4) Sau khi được Quốc hội thông qua, các Bộ, cơ"],
     ["(1) Giao Bộ Nông nghiệp và Môi trường chủ trì, phối", "(2) Giao Bộ Nông nghiệp và Môi trường chủ trì, phối",
      "(3) Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội, các cơ quan Chính phủ để thẩm tra và hoàn thiện "
      "hồ sơ Báo cáo đề xuất Chủ trương đầu tư Chương trình, trình Ủy ban Thường vụ của Quốc hội và Quốc hội.",
      "(4) Sau khi được Quốc hội thông qua, các Bộ, cơ"]),
    # no "(1)" or "(3)" opened a line before: "(4)" is no item of a sequence, the line goes on
    (["trương đầu tư Chương trình, trình Ủy ban Thường vụ của Quốc hội và Quốc hội.",
      "(4) Sau khi được Quốc hội thông qua, các Bộ, cơ"],
     ["trương đầu tư Chương trình, trình Ủy ban Thường vụ của Quốc hội và Quốc hội. "
      "(4) Sau khi được Quốc hội thông qua, các Bộ, cơ"]),
    # 034: an enumeration inside a sentence whose "(1)" opens a line, "(2)" on the same line: one paragraph
    (["kinh tế và một nền tảng số: Xác định chuyển đổi số là động lực then chốt để kiến",
      "tạo mô hình tăng trưởng mới, dựa trên sức mạnh tổng hợp của ba trụ cột kinh tế:",
      "(1) Công nghiệp công nghệ cao - sản xuất thông minh; (2) Nông nghiệp công nghệ",
      "cao - kinh tế số nông thôn; (3) Dịch vụ Logistics và kinh tế cửa khẩu số. Hạ tầng"],
     ["kinh tế và một nền tảng số: Xác định chuyển đổi số là động lực then chốt để kiến tạo mô hình tăng "
      "trưởng mới, dựa trên sức mạnh tổng hợp của ba trụ cột kinh tế: (1) Công nghiệp công nghệ cao - sản xuất "
      "thông minh; (2) Nông nghiệp công nghệ cao - kinh tế số nông thôn; (3) Dịch vụ Logistics và kinh tế cửa "
      "khẩu số. Hạ tầng"]),
])
def test_parenthesised_items_open_paragraphs(lines, expected):
    assert texts(layout(md_doc(*lines))) == expected


@pytest.mark.parametrize("name, start", [
    ("057_vpcp-tb-631-tb-vpcp-2025-ket-luan-pttg.md", "(2) Về triển khai Chương trình: Chính phủ sẽ phân công"),
    ("057_vpcp-tb-631-tb-vpcp-2025-ket-luan-pttg.md", "(2) Giao Bộ Nông nghiệp và Môi trường chủ trì, phối hợp"),
    ("057_vpcp-tb-631-tb-vpcp-2025-ket-luan-pttg.md", "(4) Sau khi được Quốc hội thông qua, các Bộ, cơ quan"),
])
def test_parenthesised_items_in_documents(name, start):
    assert any(t.startswith(start) for t in texts(laid(name)))


def test_inline_enumeration_stays_inside_its_paragraph():
    # 034: "... ba trụ cột kinh tế:" + "(1) Công nghiệp công nghệ cao - sản xuất thông minh; (2) Nông nghiệp công nghệ"
    doc = laid("034_dongnai-kh-179-kh-ubnd-2025-kinh-te-so.md")
    assert not any(t.startswith("(1) Công nghiệp công nghệ cao") for t in texts(doc))
    assert any("ba trụ cột kinh tế: (1) Công nghiệp công nghệ cao" in t for t in texts(doc))
