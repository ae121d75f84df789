"""Section tree: paths, titles, wrapped headings, appendix, bullets, offsets.

Rows are real lines from the corpus (quoted as the readers give them); the
documents are laid out by a tiny helper here so that the tests do not depend
on the layout stage's line joining.
"""
from __future__ import annotations

import pytest

from vanban.pipeline.tree import build_tree, build_tree_checked, split_header
from vanban.pipeline.tree.headings import split_heading
from vanban.pipeline.types import LaidOut

import factories


def laid_out(lines: list[str], fmt: str = "txt", header: list[str] = ()) -> LaidOut:
    return factories.laid_out(lines, fmt=fmt, header=header, page=1)


def flat(nodes):
    out = []
    for n in nodes:
        out.extend(n.walk())
    return out


def by_path(nodes):
    return {n.path: n for n in flat(nodes)}


# Bắc Giang plan (bacgiang-2024-kh-ubnd-nq45.txt): Roman, Arabic, dotted, bullets
BACGIANG = [
    "Thực hiện Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương Đảng",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "- Quán triệt, triển khai cụ thể hóa nội dung Nghị quyết số 45-NQ/TW của",
    "Ban Chấp hành Trung ương, Kế hoạch số 123-KH/TU của Ban Thường vụ Tỉnh ủy",
    "- Phát huy vai trò của đội ngũ trí thức trong đổi mới, sáng tạo, ý chí tự lực, tự",
    "III. NHIỆM VỤ CỤ THỂ",
    "1. Tiếp tục nâng cao nhận thức về vị trí, vai trò, tầm quan trọng của đội ngũ trí",
    "thức",
    "1.1. Sở Thông tin và Truyền thông: Chủ trì, phối hợp với các cơ quan liên quan",
    "tuyên truyền sâu rộng về vai trò của đội ngũ trí thức.",
    "2. Đổi mới công tác đào tạo, bồi dưỡng, sử dụng, đãi ngộ và tôn vinh trí thức,",
    "trọng dụng nhân tài",
    "2.1. Sở Nội vụ: Chủ trì, phối hợp với các cơ quan liên quan tham mưu chính sách.",
    "+ LĐVP, các phòng, đơn vị.;",
]


@pytest.mark.parametrize("path, marker, title", [
    ("I", "I.", "MỤC ĐÍCH, YÊU CẦU"),
    ("I.1", "1.", "Mục đích"),
    ("I.1.-1", "-", ""),
    ("I.1.-2", "-", ""),
    ("III.1", "1.", "Tiếp tục nâng cao nhận thức về vị trí, vai trò, tầm quan trọng của đội ngũ trí thức"),
    ("III.1.1", "1.1.", "Sở Thông tin và Truyền thông"),
    ("III.2", "2.", "Đổi mới công tác đào tạo, bồi dưỡng, sử dụng, đãi ngộ và tôn vinh trí thức, trọng dụng nhân tài"),
    ("III.2.1", "2.1.", "Sở Nội vụ"),
    ("III.2.1.+1", "+", ""),
])
def test_paths_and_titles(path, marker, title):
    nodes = by_path(build_tree(laid_out(BACGIANG)))
    assert path in nodes, sorted(nodes)
    assert nodes[path].marker == marker
    assert nodes[path].title == title


def test_preamble_is_not_a_section_and_text_is_own_text():
    tree = build_tree(laid_out(BACGIANG))
    assert [n.path for n in tree] == ["I", "III"]
    nodes = by_path(tree)
    assert nodes["III.1.1"].text.startswith("Chủ trì, phối hợp với các cơ quan liên quan tuyên truyền")
    assert nodes["I.1.-1"].text.endswith("Kế hoạch số 123-KH/TU của Ban Thường vụ Tỉnh ủy")
    assert nodes["III"].text == ""


def test_offsets_cover_children_and_point_into_text():
    doc = laid_out(BACGIANG)
    tree = build_tree(doc)
    for n in flat(tree):
        assert doc.text[n.start:].startswith(n.marker if n.marker not in "-+" else n.marker)
        for c in n.children:
            assert n.start <= c.start and c.end <= n.end
            assert c.parent is n


@pytest.mark.parametrize("lines, paths", [
    # a thousands separator and a year at the head of a wrapped line are not markers
    (["I. MỤC TIÊU", "1. Phấn đấu đến năm 2030 có thêm", "8.800 người được thêm 2 điểm.",
      "2024. Năm bản lề", "2. Yêu cầu"], ["I", "I.1", "I.2"]),
    # a parenthesised item is numbered under its parent (034, 057); its wrapped line is not a marker
    (["I. MỤC TIÊU TỔNG QUÁT", "II. MỤC TIÊU",
      "2. Phát triển xã hội số đến năm 2030 với các mục tiêu (14 mục tiêu)",
      "(1) Tỷ lệ dân số từ 15 tuổi trở lên có điện thoại", "thông minh đạt tối thiểu 95%;",
      "(2) Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản"], ["I", "II", "II.2", "II.2.1", "II.2.2"]),
    # an article cited at the head of a wrapped line (013) is not an article
    (["1. Trách nhiệm chung", "a) Tổ chức, doanh nghiệp có giấy phép dịch vụ nổ mìn phải thông báo", "k) Thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất theo quy định tại",
      "Điều 17 Thông tư số 23/2024/TT-BCT ngày 07/11/2024 của Bộ Công Thương."], ["1", "1.a"]),
])
def test_not_markers(lines, paths):
    assert [n.path for n in flat(build_tree(laid_out(lines))) if n.marker not in "-+"] == paths


def test_articles_chapters_and_their_paths():
    # 024 (Thông tư 157/2025/TT-BTC) and 085 (QĐ 982/QĐ-TTg)
    lines = ["Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Thông tư này hướng dẫn việc đăng ký.",
             "Chương II", "Mục 1", "QUY ĐỊNH VỀ MẪU DẤU", "Điều 2. Tổ chức thực hiện",
             "1. Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:",
             "a) Tổ chức triển khai thực hiện Đề án.", "I. QUAN ĐIỂM CHỈ ĐẠO"]
    nodes = by_path(build_tree(laid_out(lines)))
    assert nodes["Chương I"].title == "QUY ĐỊNH CHUNG"
    assert nodes["Điều 1"].title == "Phạm vi điều chỉnh"
    assert nodes["Điều 1"].parent.path == "Chương I"          # in the chapter, but not in the path
    assert nodes["Chương II.Mục 1"].title == "QUY ĐỊNH VỀ MẪU DẤU"
    assert nodes["Điều 2.1"].title == ("Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực "
                                       "thuộc Trung ương")
    assert "Điều 2.1.a" in nodes
    assert "Điều 2.I" in nodes


def test_sections_without_a_chapter_keep_their_word():
    # 121 (VBHN 462 of the Labour ministry): "Mục 1" .. "Mục 4" with no "Chương" above them
    lines = ["Mục 1", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
             "Thông tư này hướng dẫn việc quản lý lao động, tiền lương, thù lao, tiền thưởng.",
             "Mục 2", "QUẢN LÝ LAO ĐỘNG, TIỀN LƯƠNG VÀ TIỀN THƯỞNG ĐỐI VỚI NGƯỜI LAO ĐỘNG",
             "Điều 3. Quản lý lao động", "1. Bảo hiểm tiền gửi Việt Nam xây dựng kế hoạch lao động."]
    nodes = by_path(build_tree(laid_out(lines)))
    assert nodes["Mục 1"].title == "QUY ĐỊNH CHUNG"
    assert nodes["Mục 2"].title.startswith("QUẢN LÝ LAO ĐỘNG")
    assert nodes["Điều 3"].parent.path == "Mục 2"
    assert "1" not in nodes and "Điều 3.1" in nodes


@pytest.mark.parametrize("heading, title", [
    # blind gold III, 115 (1520/QĐ-UBND Bắc Ninh): a one-sentence article with a note in brackets after it
    ("Phê duyệt kèm theo Quyết định này danh mục gồm 13 thủ tục hành chính thực hiện tiếp nhận không phụ thuộc "
     "vào địa giới hành chính trên địa bàn tỉnh Bắc Ninh đợt 3 năm 2025 thuộc phạm vi, chức năng quản lý nhà nước "
     "của Thanh tra tỉnh. (Chi tiết theo Phụ lục đính kèm)", ""),
    # 115: a short lead-in to items 1., 2. opened by a directive verb
    ("Giao các cơ quan, đơn vị:", ""),
    # 111 (2853/QĐ-UBND HCM): "**Điều 3. **Chánh" / "Văn phòng Ủy ban nhân dân Thành phố, ..." broken after a prefix
    ("Chánh", ""),
    # names stay titles, with or without a colon
    ("Hiệu lực thi hành:", "Hiệu lực thi hành"),
    ("Tổ chức thực hiện", "Tổ chức thực hiện"),
    ("Trách nhiệm phối hợp của các cơ quan, tổ chức, cá nhân", "Trách nhiệm phối hợp của các cơ quan, tổ chức, cá nhân"),
])
def test_article_lead_ins_and_broken_sentences_have_no_title(heading, title):
    assert split_heading(heading, "article")[0] == title


def test_markdown_emphasis_and_wrapped_roman_heading():
    # 030 (markdown from the web): "**I. MỤC" / "ĐÍCH, YÊU CẦU**"
    lines = ["**I. MỤC", "ĐÍCH, YÊU CẦU**", "**1. Mục đích**", "a) Thúc đẩy mạnh mẽ chuyển đổi",
             "số toàn diện trong hoạt động sản xuất kinh doanh của các doanh nghiệp *(DN)*,"]
    nodes = by_path(build_tree(laid_out(lines, fmt="txt")))
    assert nodes["I"].title == "MỤC ĐÍCH, YÊU CẦU"
    assert nodes["I.1"].title == "Mục đích"
    assert nodes["I.1.a"].text.startswith("Thúc đẩy mạnh mẽ chuyển đổi số toàn diện")


def test_bare_marker_line_takes_the_next_line_as_heading():
    # 041: "6." alone, its heading on the next line
    lines = ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG KẾ HOẠCH",
             "1. Trên cơ sở tài liệu do Trung ương biên soạn, các cơ quan, đơn vị tổ chức tuyên truyền.",
             "2. Rà soát văn bản quy phạm pháp luật",
             "3. Tham gia góp ý kiến vào dự thảo các văn bản quy định chi tiết, hướng dẫn thi hành Luật",
             "4. Phối hợp kiểm tra việc thi hành Luật và các văn bản quy định chi tiết, hướng dẫn thi hành Luật",
             "5. Tổ chức các nội dung hỗ trợ thi hành Luật theo quy định pháp luật",
             "6.", "Tổ chức triển khai thực hiện Chiến lược tiêu chuẩn quốc gia",
             "Thời gian thực hiện sau khi Chiến lược tiêu chuẩn quốc gia được ban hành."]
    nodes = by_path(build_tree(laid_out(lines, fmt="docx")))
    assert nodes["II.6"].title == "Tổ chức triển khai thực hiện Chiến lược tiêu chuẩn quốc gia"
    assert nodes["II.1"].title.startswith("Trên cơ sở tài liệu")     # a one-sentence paragraph is its own heading


def test_signature_and_recipients_are_not_in_the_last_section_and_appendix_is_a_node():
    lines = ["I. MỤC ĐÍCH, YÊU CẦU",
             "1. Các sở, ban, ngành, cơ quan thuộc UBND tỉnh trên cơ sở phân công",
             "2. Liên hiệp các hội Khoa học và Kỹ thuật tỉnh chủ trì, phối hợp với các cơ",
             "quan liên quan theo hướng dẫn của cấp có thẩm quyền./.",
             "Nơi nhận:", "- Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam;",
             "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Sơn",
             "PHỤ LỤC",
             "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾ HOẠCH",
             "SỐ 123-KH/TU CỦA BAN THƯỜNG VỤ TỈNH ỦY",
             "(Kèm theo Kế hoạch số /KH-UBND ngày /6/2024 của UBND tỉnh)",
             "I. NHIỆM VỤ CHUNG", "1. Tuyên truyền về Nghị quyết số 45-NQ/TW",
             "PHỤ LỤC II", "BIỂU MẪU BÁO CÁO"]
    tree = build_tree(laid_out(lines))
    assert [n.path for n in tree] == ["I", "appendix", "appendix-2"]
    nodes = by_path(tree)
    assert (nodes["I.2"].title + nodes["I.2"].text).endswith("cấp có thẩm quyền./.")
    assert "Nơi nhận" not in nodes["I.2"].text and "Mai Sơn" not in nodes["I.2"].text
    assert nodes["appendix"].marker == "appendix"
    assert nodes["appendix"].title == ("DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾ HOẠCH "
                                       "SỐ 123-KH/TU CỦA BAN THƯỜNG VỤ TỈNH ỦY")
    assert nodes["appendix.I"].title == "NHIỆM VỤ CHUNG"
    assert nodes["appendix.I.1"].title == "Tuyên truyền về Nghị quyết số 45-NQ/TW"
    assert nodes["appendix-2"].title == "BIỂU MẪU BÁO CÁO"


def test_attached_regulation_flattened_after_the_signature():
    # 097 (web crawl): the signature and the attached plan's head on one line
    lines = ["Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai.",
             "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.",
             "Nơi nhận:", "- Lưu: VT, Vụ VĐCXDPL.",
             "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP CÔNG "
             "TÁC GIỮA ỦY BAN DÂN TỘC VÀ BỘ TƯ PHÁP NĂM 2015 (Ban hành kèm theo Quyết định số 173/QĐ-BTP ngày 29 "
             "tháng 01 năm 2015 của Bộ trưởng Bộ Tư pháp)",
             "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
    nodes = by_path(build_tree(laid_out(lines, fmt="docx")))
    assert nodes["appendix"].title == ("TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP CÔNG TÁC GIỮA ỦY BAN DÂN "
                                       "TỘC VÀ BỘ TƯ PHÁP NĂM 2015")
    assert nodes["appendix.I.1"].title == "Mục đích"


def test_attached_regulation_has_its_own_articles_under_the_appendix():
    # 020: a decision whose Điều 1 issues a Quy chế printed after the signature, with chapters and articles
    lines = ["Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh Lào Cai.",
             "Điều 2. Điều khoản thi hành", "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành./.",
             "Nơi nhận:", "- Như Điều 3;", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thế Phước",
             "QUY CHẾ",
             "Quản lý các cụm công nghiệp trên địa bàn tỉnh Lào Cai (Ban hành kèm theo Quyết định số 16 /2026/QĐ-UBND "
             "ngày 25 / 02 /2026 của Ủy ban nhân dân tỉnh Lào Cai)",
             "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
             "Chương II", "NỘI DUNG QUẢN LÝ CỤM CÔNG NGHIỆP VÀ TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ",
             "Điều 2. Xây dựng phương án phát triển cụm công nghiệp",
             "Điều 6, Điều 7 Nghị định số 32/2024/NĐ-CP"]
    tree = build_tree(laid_out(lines, fmt="docx"))
    assert [n.path for n in tree] == ["Điều 1", "Điều 2", "Điều 3", "appendix"]
    nodes = by_path(tree)
    assert nodes["appendix"].title == "Quản lý các cụm công nghiệp trên địa bàn tỉnh Lào Cai"
    assert nodes["appendix.Chương I"].title == "QUY ĐỊNH CHUNG"
    assert nodes["appendix.Điều 1"].parent.path == "appendix.Chương I"
    assert nodes["appendix.Điều 2"].parent.path == "appendix.Chương II"     # numbered through the chapters
    assert "appendix.Điều 6" not in nodes                                      # a citation, not an article


def test_header_found_when_layout_gives_none():
    # 008 (pdftotext of a công văn): interleaved header, V/v, Kính gửi list, then the body
    lines = ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc",
             "Số: 5973 /UBND-KT Lào Cai, ngày 11 tháng 6 năm 2026",
             "V/v tăng cường công tác quản", "lý, thanh tra, kiểm tra hoạt", "Kính gửi:",
             "- Các Sở, ban, ngành thuộc UBND tỉnh;", "- Ủy ban nhân dân các xã, phường.",
             "Thực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ",
             "1. Trách nhiệm chung của các cơ quan, đơn vị", "- Lãnh đạo, chỉ đạo tập trung thực hiện"]
    doc = laid_out(lines)
    header, body = split_header(doc)
    assert header[-1].text == "- Ủy ban nhân dân các xã, phường."
    assert body[0].text.startswith("Thực hiện Văn bản")
    tree = build_tree(doc)
    assert [n.path for n in flat(tree)] == ["1", "1.-1"]      # the Kính gửi dashes are not bullets


def test_gold_documents_with_a_text_layer_reach_the_target(corpus):
    """The fast text golds: every outline entry found with its title (score ≥ 0.9 in score.py terms)."""
    import json
    from difflib import SequenceMatcher

    from vanban.pipeline.layout import layout
    from vanban.pipeline.normalise import normalise
    from vanban.pipeline.read import read

    for name in ["bacgiang-2024-kh-ubnd-nq45.txt", "008_laocai-cv-5973-ubnd-kt-thanh-kiem-tra-ks.txt",
                 "034_dongnai-kh-179-kh-ubnd-2025-kinh-te-so.md"]:
        gold = json.loads((corpus / "gold" / (name.rsplit(".", 1)[0] + ".gold.json")).read_text(encoding="utf-8"))
        nodes = by_path(build_tree(layout(normalise(read(str(corpus / name))))))
        ok = 0
        for g in gold["sections"]:
            n = nodes.get(g["path"])
            ok += n is not None and SequenceMatcher(None, g["title"].casefold(), n.title.casefold()).ratio() >= 0.9
        assert ok / len(gold["sections"]) >= 0.9, name


# ---------------------------------------------------------------- numbering warnings
@pytest.mark.parametrize("lines, want", [
    # 075: "7." after "5." under II: 6 is missing
    (["I. KẾT QUẢ", "1. Về cải cách thể chế", "2. Về cải cách thủ tục hành chính", "3. Về tổ chức bộ máy",
      "4. Về chế độ công vụ", "5. Về xây dựng chính quyền điện tử, chính quyền số",
      "7. Trách nhiệm của các sở, ban, ngành, UBND các xã, phường, đặc khu"],
     [("I.7", "'7.' follows 5.: 1 number(s) missing")]),
    # 039: a Roman heading printed twice ("IV. PHÂN CÔNG NHIỆM VỤ" then "IV. TỔ CHỨC THỰC HIỆN"): a part of its
    # own, its "1." no longer read into the part before (as 136's "IV. KINH PHÍ ..." / "IV. PHÂN CÔNG NHIỆM VỤ")
    (["I. MỤC ĐÍCH", "II. CHỈ TIÊU", "III. GIẢI PHÁP", "IV. PHÂN CÔNG NHIỆM VỤ", "1. Công an thành phố",
      "IV. TỔ CHỨC THỰC HIỆN"],
     [("IV", "'IV.' repeats IV.: a part heading numbered like the part before it, read as a part of its own")]),
    # 067 (OCR'd "III." read as "II."): "2." after "7." under II goes back
    (["I. MỤC ĐÍCH", "II. NỌI DUNG", "1. Tổ chức", "2. Tuyên truyền", "4. Kiểm soát",
      "5. Tăng cường cán bộ có trình độ chuyên môn (hóa, dược, tin học)", "2. Chế độ báo cáo"],
     [("II.4", "'4.' follows 2.: 1 number(s) missing"),
      ("II", "'2.' goes back after 5. under II; read as text, not as a section")]),
    # letter items skip "đ)": e) after d) (040)
    (["1. Nhiệm vụ", "a) Một", "b) Hai", "c) Ba", "d) Bốn", "e) Sáu"], [("1.e", "'e)' follows d): 1 number(s) missing")]),
    # a list restarting at 1 under a bullet is no warning; a clean run is none
    (["I. MỤC ĐÍCH", "1. Một", "2. Hai", "II. YÊU CẦU", "1. Một"], []),
])
def test_numbering_warnings(lines, want):
    nodes, warnings = build_tree_checked(laid_out(lines))
    assert [(w.location, w.message) for w in warnings] == want
    assert all(w.code == "numbering_gap" for w in warnings)
    assert [n.path for n in flat(nodes)] == [n.path for n in flat(build_tree(laid_out(lines)))]
