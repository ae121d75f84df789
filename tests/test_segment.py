"""Segment stage: header, preamble, body, tail and appendices found once; the tree keeps all content.

Snippets are real lines of pool documents (../shared/pool/md, named in each case); Markdown
snippets go through the reader and layout, line lists through tests/factories.laid_out.
"""
from __future__ import annotations

from factories import laid_out
from vanban.pipeline.layout import layout
from vanban.pipeline.normalise import normalise
from vanban.pipeline.read import read
from vanban.pipeline.segment import segment
from vanban.pipeline.tree import build_tree, with_body_node

# md/8983091b5c6598d8.md: the converter glued the bold article heading to the sentence before it
GLUED_ARTICLE_MD = """**HỘI ĐỒNG NHÂN DÂN**
**THÀNH PHỐ HÀ NỘI**

Số: 72/2025/NQ-HĐND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**Độc lập - Tự do - Hạnh phúc**

*Hà Nội, ngày 27 tháng 11 năm 2025*

**NGHỊ QUYẾT**

*Hội đồng nhân dân ban hành Nghị quyết quy định
chính sách đối với người làm việc ngoài chỉ tiêu biên chế tại các Hội do Đảng,
02 cấp trên địa bàn thành phố Hà Nội.*
**Điều 1. Phạm vi điều chỉnh**
Nghị quyết này quy định chính sách đối với người
làm việc ngoài chỉ tiêu biên chế tại các Hội.
**Điều 2. Đối tượng áp dụng**
Người làm việc ngoài chỉ tiêu biên chế tại các Hội bao gồm:
"""


def parsed(tmp_path, text):
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return segment(layout(normalise(read(str(path)))))


def test_an_article_glued_to_the_sentence_before_opens_its_node(tmp_path):
    seg = parsed(tmp_path, GLUED_ARTICLE_MD)
    paths = [n.path for top in build_tree(seg) for n in top.walk()]
    assert paths[:2] == ["Điều 1", "Điều 2"]


def test_an_amending_list_item_naming_an_appendix_is_no_appendix():
    # md/68c706de4d068f13.md: "a) Bãi bỏ các vị trí việc làm ... tại" / "Phụ lục II;"
    lines = ["Điều 1. Bãi bỏ, sửa đổi, thay thế một số điều, phụ lục của Thông tư số 02/2023/TT-BTP",
             "1. Bãi bỏ điểm c khoản 2 Điều 1 và quy định liên quan đến vị trí việc làm công chức:",
             "a) Bãi bỏ các vị trí việc làm lý lịch tư pháp hạng I, lý lịch tư pháp hạng II tại",
             "Phụ lục II;",
             "b) Bãi bỏ Bản mô tả công việc",
             "Điều 2. Sửa đổi, bãi bỏ, thay thế một số điều của Thông tư số 06/2023/TT-BTP"]
    seg = segment(laid_out(lines))
    assert seg.zones.appendices == ()
    assert [n.path for n in build_tree(seg)] == ["Điều 1", "Điều 2"]


def test_the_tail_ends_where_an_attached_document_starts():
    # md/77de0148105d5008.md: the signature, then an attached NỘI QUY with its "(Kèm theo ...)" line
    lines = ["Điều 4. Chánh Văn phòng UBND thành phố; Giám đốc Sở Công Thương chịu trách nhiệm thi hành Quyết định này./.",
             "Nơi nhận:", "- Như Điều 4;", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Chí Cường",
             "NỘI QUY MẪU ÁP DỤNG CHO CÁC CHỢ TRÊN ĐỊA BÀN THÀNH PHỐ ĐÀ NẴNG",
             "(Kèm theo Quyết định số 82/2025/QĐ-UBND ngày 21/11 /2025 của UBND thành phố Đà Nẵng)",
             "Điều 1. Phạm vi áp dụng",
             "Nội quy này áp dụng đối với các chợ trên địa bàn thành phố."]
    seg = segment(laid_out(lines))
    tail = [b.text for b in seg.zones.tail]
    assert tail[-1] == "Trần Chí Cường" and not any("Nội quy" in t for t in tail)
    (appendix,) = seg.zones.appendices
    assert appendix.title == ("NỘI QUY MẪU ÁP DỤNG CHO CÁC CHỢ TRÊN ĐỊA BÀN THÀNH PHỐ ĐÀ NẴNG",)
    assert appendix.note[0].startswith("(Kèm theo Quyết định số 82/2025/QĐ-UBND")
    nodes = {n.path: n for top in build_tree(seg) for n in top.walk()}
    assert nodes["appendix.Điều 1"].title == "Phạm vi áp dụng"


def test_article_heading_rule_decides_by_form():
    # contract 1.1: a lead-in sentence is the article's text, a short name its title
    lines = ["Điều 1. Phê duyệt Đề án phát triển kinh tế số tỉnh Đồng Nai đến năm 2030 với những nội dung sau:",
             "1. Mục tiêu", "Điều 2. Tổ chức thực hiện", "Sở Khoa học và Công nghệ chủ trì.",
             # md/ca72de8fb3033d5c.md (blind gold 101): a sentence, and a sentence broken after a comma
             "Điều 3. Sở Xây dựng chủ trì phối hợp với Trung tâm Phục vụ hành chính công cập nhật thủ tục.",
             "Điều 4. Sở Xây dựng,", "Trung tâm Phục vụ hành chính công chịu trách nhiệm thi hành Quyết định này.",
             # md/6fed96be8a849b78 (blind gold 103): a sentence broken after a word no title ends with
             "Điều 5. Các", "Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Nghị quyết này./."]
    nodes = {n.path: n for top in build_tree(segment(laid_out(lines))) for n in top.walk()}
    assert nodes["Điều 1"].title == ""
    assert nodes["Điều 1"].text.startswith("Phê duyệt Đề án phát triển kinh tế số")
    assert nodes["Điều 2"].title == "Tổ chức thực hiện"
    assert nodes["Điều 3"].title == "" and nodes["Điều 3"].text.startswith("Sở Xây dựng chủ trì")
    assert nodes["Điều 4"].title == "" and "Trung tâm Phục vụ" in nodes["Điều 4"].text
    assert nodes["Điều 5"].title == "" and nodes["Điều 5"].text.startswith("Các")


def test_zones_partition_the_blocks_in_reading_order():
    lines = ["Thực hiện Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương Đảng",
             "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nơi nhận:", "- Như trên;", "PHỤ LỤC",
             "DANH MỤC NHIỆM VỤ", "1. Rà soát quy hoạch"]
    doc = laid_out(lines, header=["ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "KẾ HOẠCH"])
    zones = segment(doc).zones
    assert [b.text for b in zones.preamble] == [lines[0]]
    assert [b.text for b in zones.body] == lines[1:3]
    assert [b.text for b in zones.tail] == lines[3:5]
    assert zones.after_header() == doc.blocks
    assert [n.path for n in with_body_node(segment(doc), build_tree(doc))] == ["preamble", "I", "appendix"]


def test_upper_case_letter_headings_are_sections_of_an_appendix():
    # corpus 100 (pool md/741f24db1e774799): "A. DANH MỤC ..." / "B. ..." under the appendix
    lines = ["Điều 1. Công bố kèm theo Quyết định này danh mục 12 thủ tục hành chính.",
             "Điều 2. Tổ chức thực hiện", "Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành./.",
             "PHỤ LỤC", "DANH MỤC THỦ TỤC HÀNH CHÍNH TRONG LĨNH VỰC CHỨNG THỰC",
             "A. DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG", "1. Cấp bản sao từ sổ gốc",
             "B. DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ", "1. Chứng thực chữ ký",
             "A. Nguyễn Văn Bình"]                      # a name, not a heading
    nodes = {n.path: n for top in build_tree(segment(laid_out(lines))) for n in top.walk()}
    assert nodes["appendix.A"].title == "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG"
    assert nodes["appendix.B"].title == "DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ"
    assert nodes["appendix.B.1"].title == "Chứng thực chữ ký"
    assert "appendix.C" not in nodes and "A. Nguyễn Văn Bình" in nodes["appendix.B.1"].text


# md/128b34e0abc1c504.md: after the signature, the converter put the appendix head in the first cell
# of the appendix's table (cells between lone "|" lines); the table used to stay in the tail and its
# rows were read as 64 recipients
CAPTIONED_APPENDIX_MD = """**ỦY BAN NHÂN DÂN**
**TỈNH NGHỆ AN**
Số: 3783/QĐ-UBND
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**Độc lập - Tự do - Hạnh phúc**
Nghệ An, ngày 20 tháng 11 năm 2025
**QUYẾT ĐỊNH**
BAN HÀNH DANH MỤC THỦ TỤC HÀNH CHÍNH THỰC HIỆN KHÔNG PHỤ THUỘC VÀO ĐỊA
GIỚI HÀNH CHÍNH TRONG PHẠM VI CẤP TỈNH THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA SỞ
NỘI VỤ TRÊN ĐỊA BÀN TỈNH NGHỆ AN
**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN**
*Căn cứ Luật Tổ chức chính
quyền địa phương ngày 16/6/2025; *
**QUYẾT ĐỊNH:**
**Điều 1.** Ban hành kèm
theo Quyết định này Danh mục thủ tục hành chính.
**Điều 4. Hiệu lực và trách
nhiệm thi hành**
Quyết định này có hiệu lực
thi hành kể từ ngày ký.
|
*Nơi nhận:*
- Như Điều 4;
- Bộ Nội vụ;
- Lưu: VT, KSTT (Nam).
|
**KT. CHỦ TỊCH**
**PHÓ CHỦ TỊCH**
**Phùng Thành Vinh**
|
**DANH MỤC**
TTHC THỰC HIỆN KHÔNG PHỤ THUỘC VÀO ĐỊA GIỚI HÀNH CHÍNH TRONG PHẠM VI CẤP
TỈNH THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA SỞ NỘI VỤ TRÊN ĐỊA BÀN TỈNH NGHỆ AN
*(Kèm theo Quyết định số
QĐ/UBND ngày /11/2025 của Chủ tịch Uỷ
ban nhân dân tỉnh Nghệ An)*
|
**TT**
|
**Mã TTHC**
|
**Tên thủ tục hành chính**
|
**Cách thức, địa điểm thực hiện**
|
|
1
|
2.001955
|
Đăng ký nội quy lao động
của doanh nghiệp
|
- Nộp hồ sơ trực tiếp hoặc
qua dịch vụ bưu chính công ích đến Trung tâm Phục vụ Hành chính công tỉnh Nghệ
An (số 16, đường Trường Thi, phường Trường Vinh, tỉnh Nghệ An);
|
"""


def test_an_appendix_head_in_its_tables_first_cell_opens_the_appendix(tmp_path):
    from vanban.extractors.metadata.signature import find_signers
    seg = parsed(tmp_path, CAPTIONED_APPENDIX_MD)
    (appendix,) = seg.zones.appendices
    assert appendix.title[0].startswith("DANH MỤC TTHC THỰC HIỆN KHÔNG PHỤ THUỘC VÀO ĐỊA GIỚI HÀNH CHÍNH")
    assert appendix.title[0].endswith("TRÊN ĐỊA BÀN TỈNH NGHỆ AN")
    assert any(n.startswith("(Kèm theo Quyết định số") for n in appendix.note)
    tree = build_tree(seg)
    assert tree[-1].marker == "appendix"
    _, recipients, _ = find_signers(seg, tree)
    assert recipients[:2] == ["Như Điều 4", "Bộ Nội vụ"]
    assert not any("Nộp hồ sơ" in r for r in recipients)
