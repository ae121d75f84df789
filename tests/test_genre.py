"""Document or not: the layout of a Decree-30 header decides, not the words in the text.

Snippets are the opening lines of pool files (../shared/pool, named in each case), written
to a .md file so that the Markdown reader, layout and segment stages see them as given.
"""
from __future__ import annotations

import pytest

from vanban.pipeline.errors import NotADocument
from vanban.pipeline.genre import check_document, header_layout
from vanban.pipeline.layout import layout
from vanban.pipeline.normalise import normalise
from vanban.pipeline.read import read
from vanban.pipeline.segment import segment


def segmented(tmp_path, text: str, name: str = "page.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return segment(layout(normalise(read(str(path)))))


# not-documents/294d0676fdbb659b.md: a legal Q&A page quoting the Intellectual Property Law
QA_PAGE = """# Logo của fanpage, logo báo có được coi là nhãn hiệu và có được đăng ký bảo hộ quyền sở hữu trí tuệ không?

**Cho mình hỏi nhãn hiệu có bao gồm logo của fanpage, logo báo không? Hiện mình đang có logo của fanpage, logo báo và mình muốn đăng ký bảo hộ.**

**Nhãn hiệu có bao gồm logo fanpage, logo báo không? **

Theo khoản 2 Điều 1 Luật Sở hữu trí tuệ sửa đổi 2009 quy định về nhãn hiệu như sau:

Nhãn hiệu là dấu hiệu dùng để phân biệt hàng hoá, dịch vụ của các tổ chức, cá nhân khác nhau.

Căn cứ Luật Sở hữu trí tuệ số 50/2005/QH11 và Luật số 36/2009/QH12, nhãn hiệu được bảo hộ.
"""

# not-documents/9a19ac5c2f8609a2.md: a wiki page whose infobox carries the motto
WIKI_PAGE = """# Việt Nam
Cộng hòa xã hội chủ nghĩa
Việt Nam |
|---|---|
Tiêu ngữ: "Độc lập – Tự do – Hạnh phúc" | |
| Tổng quan | |
| Thủ đô | Hà Nội 21°2′B 105°51′Đ / 21,033°B 105,85°Đ |
| Thành phố lớn nhất | Thành phố Hồ Chí Minh 10°48′B 106°39′Đ / 10,8°B 106,65°Đ |
"""

# md/dcde3ff61cba152e.md: a news lead above the quoted resolution (the page is the news item)
NEWS_PAGE = """Ngày 9/9/2025, thay mặt Chính phủ, Phó Thủ tướng Hồ Đức Phớc đã ký ban hành Nghị quyết số 05/2025/NQ-CP của Chính phủ về việc triển khai thí điểm thị trường tài sản mã hóa tại Việt Nam.

**NGHỊ QUYẾT**

**Về việc triển khai thí điểm thị trường tài sản mã hóa tại Việt Nam**

**CHÍNH PHỦ**

*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*
"""

# md/4c21d5c3a31dc7a2.md: the header's layout table written on `|` lines, the emblem block lost
LAW_PIPE_HEADER = """|
|
|
| Luật số: 51/2024/QH15 |
|


**LUẬT**

## SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT BẢO HIỂM Y TẾ

*Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;*

*Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 25/2008/QH12.*

**Điều 1. Sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế**
"""

# not-documents/70180aecf521049d.md (a real joint resolution; its emblem block was dropped)
HEADERLESS_RESOLUTION = """**NGHỊ QUYẾT LIÊN TỊCH**

**Quy định chi tiết việc tổ chức tiếp xúc cử tri ****của đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp**

**QUỐC HỘI**

*Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;*

*Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 65/2020/QH14;*

**Chương I**

**NHỮNG QUY ĐỊNH CHUNG**
"""

# md/355bcc582867074b.md: the type line and its title glued by the converter
GLUED_TYPE = """Số: 173/2025/NĐ-CP |
|

**NGHỊ ĐỊNH****Về hợp đồng thực hiện nhiệm vụ của công chức**

**Về hợp đồng thực hiện nhiệm vụ của công chức**

_______________


*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*
"""


@pytest.mark.parametrize("text, looks_like", [
    (QA_PAGE, "a web page that quotes 50/2005/QH11, not a document (no administrative document header: its first lines are prose"),
    (WIKI_PAGE, "a web page, not a document"),
    (NEWS_PAGE, "a web page that quotes"),
])
def test_a_page_that_quotes_a_document_is_rejected_with_what_it_looks_like(tmp_path, text, looks_like):
    seg = segmented(tmp_path, text)
    with pytest.raises(NotADocument) as err:
        check_document(seg)
    assert looks_like in err.value.reason
    assert str(tmp_path) in str(err.value)          # the message names the file


def test_a_rejected_page_never_reaches_extraction(tmp_path):
    from vanban.pipeline import parse
    path = tmp_path / "qa.md"
    path.write_text(QA_PAGE, encoding="utf-8")
    with pytest.raises(NotADocument):
        parse(path)


def test_header_on_pipe_lines_is_laid_out_as_a_header(tmp_path):
    seg = segmented(tmp_path, LAW_PIPE_HEADER)
    texts = [b.text for b in seg.zones.header]
    assert "Luật số: 51/2024/QH15" in texts and "LUẬT" in texts
    assert header_layout(seg).kinds[:2] == ("number", "type")
    check_document(seg)


def test_a_document_whose_emblem_block_was_dropped_is_a_document(tmp_path):
    seg = segmented(tmp_path, HEADERLESS_RESOLUTION)
    assert header_layout(seg).kinds[:1] == ("type",)
    check_document(seg)


def test_type_line_and_glued_title_are_split(tmp_path):
    seg = segmented(tmp_path, GLUED_TYPE)
    texts = [b.text for b in seg.zones.header]
    assert texts[:3] == ["Số: 173/2025/NĐ-CP", "NGHỊ ĐỊNH", "Về hợp đồng thực hiện nhiệm vụ của công chức"]
    check_document(seg)


def test_a_transcript_with_the_motto_in_lower_case_is_a_document(tmp_path):
    # corpus/legacy/ground-truth/2003-A06.txt: an old TCVN3 file typed out in lower case
    text = ("Bộ  Tài  chính\t                   cộng hòa xã hội chủ nghĩa việt nam \n"
            "               -:-                                                          Độc lập - Tự do - Hạnh phúc\n"
            "SỐ: 08 /2001/TT-BTC                                          ------------------------------\n"
            "                                                                   Hà nội, ngày  18  tháng 1  năm 2001\n\n"
            "thông tư\n\n"
            "Hướng dẫn bổ sung quy định về thuế thu nhập doanh nghiệp áp dụng đối với\n")
    seg = segmented(tmp_path, text, name="transcript.txt")
    assert {"motto", "date"} <= set(header_layout(seg).kinds)
    check_document(seg)


def test_a_news_page_headed_by_the_type_it_quotes_is_not_a_document(tmp_path):
    """Pool 2233d80f (relabelled `not` in bench/genre_relabel.tsv), its first 20 lines with the long
    sentences shortened: a news page's headline names the type, then the quoted communiqué repeats it
    over prose and its signing bodies.  A type line again is no enacting authority."""
    page = NEWS_PAGE
    with pytest.raises(NotADocument, match="a web page"):
        check_document(segmented(tmp_path, page))


NEWS_PAGE = """# THÔNG CÁO ĐẶC BIỆT VỀ LỄ QUỐC TANG NGUYÊN CHỦ TỊCH NƯỚC TRẦN ĐỨC LƯƠNG

### Nội dung chính

**THÔNG CÁO ĐẶC BIỆT**

Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam, Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam, Chủ tịch nước Cộng hoà xã hội chủ nghĩa Việt Nam, Chính phủ ...

Đồng chí Trần Đức Lương, nguyên Ủy viên Bộ Chính trị, nguyên Chủ tịch nước Cộng hoà xã hội chủ nghĩa Việt Nam, nguyên Chủ tịch Hội đồng Quốc phòng và An ninh, ...

Sau một thời gian lâm bệnh nặng, mặc dù đã được Đảng, Nhà nước, tập thể các giáo sư, y bác sĩ tận tình cứu chữa, gia đình hết lòng chăm sóc, nhưng do tuổi cao, ...

Trong hơn 50 năm hoạt động cách mạng, Đồng chí đã có nhiều đóng góp to lớn đối với sự nghiệp cách mạng vẻ vang của Đảng và của dân tộc. Đồng chí được Đảng, Nhà ...

Đồng chí mất đi là một tổn thất to lớn đối với Đảng, Nhà nước, Nhân dân ta và gia quyến Đồng chí. Để tỏ lòng tiếc thương và tưởng nhớ đồng chí Trần Đức Lương, ...

**BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM**

**QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM**

"""
