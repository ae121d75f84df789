"""Bodies: splitting lead/coordinator cells, canonical names, finding names in prose.

Rows quote real cells and sentences from the corpus (file prefix in the comment).
"""
from __future__ import annotations

from collections import Counter

import pytest

from vanban.extractors.bodies import canonical_name, find_bodies, split_bodies
from vanban.lexicon import load
from vanban.pipeline.aggregate import collect_bodies
from vanban.pipeline.types import LaidOut, RawDocument
from vanban.schemas.models import Task

SPLITS = [
    # (cell as printed, expected names)
    ("Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã",              # 032: no separator
     ["Sở Khoa học và Công nghệ", "Sở Công Thương", "UBND các phường, xã"]),
    ("Bộ CHQS tỉnh; UBND cấp xã", ["Bộ CHQS tỉnh", "UBND cấp xã"]),               # 033
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),     # 034
    ("Sở Giáo dục và Đào tạo, Sở Văn hóa Thể thao và Du lịch",                    # 034
     ["Sở Giáo dục và Đào tạo", "Sở Văn hóa Thể thao và Du lịch"]),
    ("Ban Quản lý các Khu công nghiệp, khu kinh tế", ["Ban Quản lý các Khu công nghiệp, khu kinh tế"]),  # 034
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Khoa học và Công nghệ, Sở Công Thương",  # 032
     ["Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Sở Khoa học và Công nghệ", "Sở Công Thương"]),
    ("Ban Quản lý Khu kinh tế, Sở Công Thương, các doanh nghiệp viễn thông; các cơ quan, đơn vị liên quan",  # 030
     ["Ban Quản lý Khu kinh tế", "Sở Công Thương", "Các doanh nghiệp viễn thông", "Các cơ quan, đơn vị liên quan"]),
    ("Ban Quản lý các Khu công nghiệp khu kinh tế, Sở Tài chính, UBND các phường, xã có liên quan",  # 034
     ["Ban Quản lý các Khu công nghiệp khu kinh tế", "Sở Tài chính", "UBND các phường, xã có liên quan"]),
    ("Báo và Phát thanh, Truyền hình tỉnh Đồng Nai", ["Báo và Phát thanh, Truyền hình tỉnh Đồng Nai"]),  # 034
    ("Báo và Phát thanh, Truyền hình Đồng Nai", ["Báo và Phát thanh, Truyền hình Đồng Nai"]),            # 034
    ("Các Trường Đại học, Cao đẳng trên địa bàn tỉnh", ["Các Trường Đại học, Cao đẳng trên địa bàn tỉnh"]),  # 034
    ("Các trường: Đại học, Cao đẳng, Trung cấp trên địa bàn tỉnh",                 # 034
     ["Các trường: Đại học, Cao đẳng, Trung cấp trên địa bàn tỉnh"]),
    ("Các cơ quan quản lý các lĩnh vực trọng điểm tại điểm d, khoản 1, mục III",   # 034
     ["Các cơ quan quản lý các lĩnh vực trọng điểm tại điểm d, khoản 1, mục III"]),
    ("Các sở, ban, ngành", ["Các sở, ban, ngành"]),                                # 034
    ("Các sở, ban, ngành tỉnh; các đơn vị liên quan; UBND các xã, phường",         # 030
     ["Các sở, ban, ngành tỉnh", "Các đơn vị liên quan", "UBND các xã, phường"]),
    ("Các sở, ban, ngành, các tổ chức chính trị-xã hội",                           # 033 (gold: two collectives)
     ["Các sở, ban, ngành", "Các tổ chức chính trị-xã hội"]),
    ("Các sở, ngành, UBND xã, phường, đặc khu Sở Tài chính",                       # 036: no separator
     ["Các sở, ngành", "UBND xã, phường, đặc khu", "Sở Tài chính"]),
    ("Sở Tài chính Các sở, ngành, UBND xã, phường, đặc khu",                       # 036: no separator
     ["Sở Tài chính", "Các sở, ngành", "UBND xã, phường, đặc khu"]),
    ("Sở Tài chính và cơ quan, địa phương liên quan", ["Sở Tài chính", "Cơ quan, địa phương liên quan"]),  # 033
    ("Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện công bố dữ liệu mở hằng năm "
     "theo lĩnh vực quản lý.", ["Sở KH&CN", "Các sở, ngành", "UBND cấp xã"]),        # 035: role words dropped
    ("Sở Giáo dục và Đào tạo; Sở Nội vụ; Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo cáo chỉ tiêu",  # 035
     ["Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Khoa học và Công nghệ"]),
    ("Sở KH&CN; các cơ quan, đơn vị liên quan", ["Sở KH&CN", "Các cơ quan, đơn vị liên quan"]),  # 030
    ("Bộ Công an, Bộ Khoa học và Công nghệ, Bộ Tài chính và các bộ, ngành, địa phương khác có liên quan",  # 055
     ["Bộ Công an", "Bộ Khoa học và Công nghệ", "Bộ Tài chính", "Các bộ, ngành, địa phương khác có liên quan"]),
    ("Văn phòng Chính phủ, Bộ Công an và các bộ, ngành khác có liên quan",         # 055
     ["Văn phòng Chính phủ", "Bộ Công an", "Các bộ, ngành khác có liên quan"]),
    ("Bộ Công an (Trung tâm Dữ liệu quốc gia)", ["Bộ Công an (Trung tâm Dữ liệu quốc gia)"]),  # 055
    ("Bộ Quốc phòng và cơ quan, địa phương liên quan", ["Bộ Quốc phòng", "Cơ quan, địa phương liên quan"]),  # 033
    ("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã", ["Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã"]),  # 033
    ("Sở Khoa học và Công nghệ, Trung tâm Chuyển đổi số Thành phố",                # 036
     ["Sở Khoa học và Công nghệ", "Trung tâm Chuyển đổi số Thành phố"]),
    ("Sở Khoa học và Công nghệ, Công an Thành phố", ["Sở Khoa học và Công nghệ", "Công an Thành phố"]),  # 036
    ("Sở Nông nghiệp và Môi trường; Phòng Quản lý đất đai",                        # 058
     ["Sở Nông nghiệp và Môi trường", "Phòng Quản lý đất đai"]),
    ("Văn phòng ĐKĐĐ hoặc Chi nhánh Văn phòng đăng ký đất đai",                    # 058: "or" is one alternative
     ["Văn phòng ĐKĐĐ hoặc Chi nhánh Văn phòng đăng ký đất đai"]),
    ("Sở, ban, ngành, tổ chức chính trị - xã hội", ["Sở, ban, ngành, tổ chức chính trị - xã hội"]),  # 033: one list of kinds
    ("Các đơn vị xây dựng pháp luật, Vụ Phổ biến, giáo dục pháp luật, Cục Trợ giúp pháp lý, Cục Kiểm tra văn bản "
     "quy phạm pháp luật, Cục Kiểm soát thủ tục hành chính và các đơn vị khác có liên quan.",   # 097
     ["Các đơn vị xây dựng pháp luật", "Vụ Phổ biến, giáo dục pháp luật", "Cục Trợ giúp pháp lý",
      "Cục Kiểm tra văn bản quy phạm pháp luật", "Cục Kiểm soát thủ tục hành chính", "Các đơn vị khác có liên quan"]),
    ("Vụ Các vấn đề chung về xây dựng pháp luật, Vụ Pháp luật dân sự - kinh tế, Vụ Pháp luật quốc tế.",  # 097
     ["Vụ Các vấn đề chung về xây dựng pháp luật", "Vụ Pháp luật dân sự - kinh tế", "Vụ Pháp luật quốc tế"]),
    ("Bộ Công an, Bộ Khoa học và Công nghệ với các tiêu chuẩn, quy chuẩn, hướng dẫn kỹ thuật áp dụng chung toàn "
     "quốc; các bộ, ngành với các tiêu chuẩn, quy chuẩn, hướng dẫn kỹ thuật nội ngành",       # 055: role clauses
     ["Bộ Công an", "Bộ Khoa học và Công nghệ", "Các bộ, ngành"]),
    ("Sở Công Thương; Sở Tài Chính; UBND các phường xã",                           # 034
     ["Sở Công Thương", "Sở Tài Chính", "UBND các phường xã"]),
    ("UBND các phường xã; Các doanh nghiệp cung cấp dịch vụ viễn thông",           # 034
     ["UBND các phường xã", "Các doanh nghiệp cung cấp dịch vụ viễn thông"]),
    ("Sở Khoa học và Công nghệ, các sở, ngành, UBND xã, phường, đặc khu",          # 036
     ["Sở Khoa học và Công nghệ", "Các sở, ngành", "UBND xã, phường, đặc khu"]),
    # the contract's and the brief's examples
    ("UBND các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]),
    ("Sở Nội vụ và đơn vị liên quan", ["Sở Nội vụ", "Đơn vị liên quan"]),
    ("Các sở, ban, ngành, UBND các huyện, thị xã, thành phố", ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]),
    ("Sở Khoa học và Công\nnghệ", ["Sở Khoa học và Công nghệ"]),                   # a PDF line wrap inside a name
    ("Sở Tư pháp\nSở Nội vụ", ["Sở Tư pháp", "Sở Nội vụ"]),                         # one name a line
    ("- Sở Y tế;", ["Sở Y tế"]),
    ("Liên hiệp các hội KH&KT tỉnh, Liên đoàn Lao động tỉnh, Tỉnh đoàn",
     ["Liên hiệp các hội KH&KT tỉnh", "Liên đoàn Lao động tỉnh", "Tỉnh đoàn"]),
    ("Sở Lao động - Thương binh và Xã hội, Sở Y tế", ["Sở Lao động - Thương binh và Xã hội", "Sở Y tế"]),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    ("Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu", ["Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu"]),
    ("Sở Y tế, Sở Y tế", ["Sở Y tế"]),                                             # one entry per body
    # gold judgement calls
    ("Ngân hàng Nhà nước Việt nam Chi nhánh Khu vực II", ["Ngân hàng Nhà nước Việt nam Chi nhánh Khu vực II"]),  # 034
    ("Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II", ["Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II"]),  # 034
    ("Bộ Tài chính Bộ Ngoại giao Bộ Công Thương Cơ quan, tổ chức, doanh nghiệp liên quan",  # 085: PDF cell, lines joined
     ["Bộ Tài chính", "Bộ Ngoại giao", "Bộ Công Thương", "Cơ quan, tổ chức, doanh nghiệp liên quan"]),
    ("Các cơ quan, đơn vị trực tiếp sử dụng ngân sách nhà nước",                    # 061: a fixed pair
     ["Các cơ quan, đơn vị trực tiếp sử dụng ngân sách nhà nước"]),
    ("Các Sở, ban, ngành; Các tổ chức, cá nhân hoạt động khoáng sản",                # 001
     ["Các Sở, ban, ngành", "Các tổ chức, cá nhân hoạt động khoáng sản"]),
    ("Các Sở, ban, ngành của Thành phố, UBND phường, xã", ["Các Sở, ban, ngành của Thành phố", "UBND phường, xã"]),  # 032
    ("Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan",                  # 032
     ["Các doanh nghiệp viễn thông", "Tổ chức, cá nhân có liên quan"]),
    ("Chánh Văn phòng Bộ, Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng, Thủ trưởng các đơn vị "
     "thuộc Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",                       # 010 Điều 3
     ["Chánh Văn phòng Bộ", "Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng",
      "Thủ trưởng các đơn vị thuộc Bộ", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]),
    ("Các sở, ngành có liên quan theo chức năng, nhiệm vụ quản lý được giao", ["Các sở, ngành có liên quan"]),  # 041
    ("Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư",                          # 032: three kinds of actors
     ["Doanh nghiệp", "Nhà cung cấp dịch vụ IoT", "Nhà đầu tư"]),
    ("Các doanh nghiệp, tổ chức kinh tế, cơ sở giáo dục, đào tạo",                  # 034
     ["Các doanh nghiệp, tổ chức kinh tế, cơ sở giáo dục, đào tạo"]),   # one determiner, one list of kinds
    ("Các Khu Công nghệ cao, Khu Công nghệ số tập trung và hiệp hội, doanh nghiệp liên quan",  # 086
     ["Các Khu Công nghệ cao", "Khu Công nghệ số tập trung", "Hiệp hội, doanh nghiệp liên quan"]),
    ("Các sở, ban, ngành, UBND các huyện, thị xã, thành phố và cơ sở nghiên cứu khoa học, cơ sở giáo dục và "
     "đào tạo", ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố", "Cơ sở nghiên cứu khoa học",
                 "Cơ sở giáo dục và đào tạo"]),                                     # bacgiang 2.5
    ("Vụ trưởng Vụ Các vấn đề chung về xây dựng pháp luật, Chánh Văn phòng Bộ, Vụ trưởng Vụ Kế hoạch - Tài chính, "
     "Vụ trưởng Vụ Tổ chức cán bộ và Thủ trưởng các đơn vị có liên quan thuộc Bộ Tư pháp",       # 097 Điều 3
     ["Vụ trưởng Vụ Các vấn đề chung về xây dựng pháp luật", "Chánh Văn phòng Bộ", "Vụ trưởng Vụ Kế hoạch - Tài chính",
      "Vụ trưởng Vụ Tổ chức cán bộ", "Thủ trưởng các đơn vị có liên quan thuộc Bộ Tư pháp"]),
    # one noun repeated: "khác" after the second closes ONE collective (052); without a closer, two bodies (034)
    ("người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập trực thuộc "
     "Ủy ban nhân Thành phố",                                                       # 052 heading 1
     ["Người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác",
      "Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân Thành phố"]),
    ("Các cơ quan chuyên môn, cơ quan hành chính khác\nthuộc Ủy ban nhân dân Thành phố",  # 052 Kính gửi
     ["Các cơ quan chuyên môn, cơ quan hành chính khác thuộc Ủy ban nhân dân Thành phố"]),
    ("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính",                        # 034 VI.19 a)
     ["Các doanh nghiệp viễn thông", "Doanh nghiệp bưu chính"]),
    ("Các doanh nghiệp Nhà nước, doanh nghiệp công nghệ số",                        # 035
     ["Các doanh nghiệp Nhà nước", "Doanh nghiệp công nghệ số"]),
    ("Trung\ntâm Chuyển đổi số Thành phố và các cơ quan, đơn vị liên quan",       # 052 2.
     ["Trung tâm Chuyển đổi số Thành phố", "Các cơ quan, đơn vị liên quan"]),
    # the body a collective belongs to keeps its "và"
    ("Cục trưởng Cục Quản lý đấu thầu, Thủ trưởng các đơn vị thuộc Bộ Kế hoạch và Đầu tư, các cơ quan, tổ chức, "
     "cá nhân có liên quan",                                                        # 093 Điều 3
     ["Cục trưởng Cục Quản lý đấu thầu", "Thủ trưởng các đơn vị thuộc Bộ Kế hoạch và Đầu tư",
      "Các cơ quan, tổ chức, cá nhân có liên quan"]),
]


@pytest.mark.parametrize("cell,expected", SPLITS, ids=[s[0][:40] for s in SPLITS])
def test_split_bodies(cell, expected):
    assert split_bodies(cell) == expected


CANONICAL = [
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),                  # 030
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),                     # 058
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Liên hiệp các hội KH&KT tỉnh", "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
    ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),               # 033
    ("Sở Văn hóa Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),   # 034: comma restored
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),  # an upper-case heading
    ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),  # 035
    ("Quyết định số 1968/QĐ-TTg", "Quyết định số 1968/QĐ-TTg"),  # an abbreviation inside a symbol is kept
    ("ỦY BAN NHÂN DÂN TỈNH KON TUM", "Ủy ban nhân dân tỉnh Kon Tum"),   # 027 header, recased
    ("BỘ TƯ PHÁP", "Bộ Tư pháp"),                                  # 097 header
]


@pytest.mark.parametrize("name,expected", CANONICAL)
def test_canonical_name(name, expected):
    assert canonical_name(name) == expected


def test_find_bodies_offsets_and_longest_match():
    # 032/030 style assignment sentence
    text = ("Chủ trì, phối hợp với Sở Khoa học và Công nghệ, Sở Xây dựng và các cơ quan liên quan hướng dẫn "
            "các doanh nghiệp viễn thông; báo cáo UBND Thành phố.")
    spans = find_bodies(text)
    # in prose a collective ends at its nouns and qualifiers ("các doanh nghiệp" + "viễn thông" unknown)
    assert [s.name for s in spans] == ["Sở Khoa học và Công nghệ", "Sở Xây dựng", "Các cơ quan liên quan",
                                       "Các doanh nghiệp", "UBND Thành phố"]
    for s in spans:
        assert " ".join(text[s.start:s.end].split()).lower() == s.name.lower()
    assert [s.kind for s in spans][:2] == ["department", "department"]
    assert spans[-1].canonical == "Ủy ban nhân dân thành phố"     # the gazetteer's spelling


def test_find_bodies_province_and_inner_heads():
    text = "Giao Công an tỉnh Lào Cai, Văn phòng UBND tỉnh và Ban Thường vụ Tỉnh ủy theo dõi."
    assert [s.name for s in find_bodies(text)] == ["Công an tỉnh Lào Cai", "Văn phòng UBND tỉnh",
                                                   "Ban Thường vụ Tỉnh ủy"]


HEADING_AFTER_NAME = [
    # a line in capitals after a name ends it (PDF/DOCX text: a title or heading follows on the next line)
    ("thuộc thẩm quyền quản lý của Bộ Xây dựng\nBỘ TRƯỞNG BỘ XÂY DỰNG\nCăn cứ Luật Phòng cháy, chữa chá",   # 010
     "Bộ Xây dựng"),
    ("được kiểm tra, đánh giá an ninh mạng định kỳ.\n%\n100%\nBộ Công an\nPHỤ LỤC II\nDANH MỤC CÁC NHIỆM VỤ",
     "Bộ Công an"),
]


@pytest.mark.parametrize("text,first", HEADING_AFTER_NAME, ids=[h[1] for h in HEADING_AFTER_NAME])
def test_find_bodies_stop_at_a_heading_line(text, first):
    assert [s.name for s in find_bodies(text)][0] == first


def test_find_bodies_keep_abbreviations_and_capital_lines():
    assert [s.name for s in find_bodies("Sở KH&CN, HĐND tỉnh, Trung tâm CNTT")] == ["Sở KH&CN", "HĐND tỉnh",
                                                                                   "Trung tâm CNTT"]
    assert [s.name for s in find_bodies("UBND TỈNH LÀO CAI")] == ["UBND tỉnh Lào Cai"]


def test_find_bodies_office_titles_and_belonging():
    # 061 I.7.c and 097 Điều 3
    text = ("c) Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu trực tiếp lãnh đạo; "
            "Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ và Thủ trưởng các đơn vị có liên quan thuộc Bộ Tư pháp "
            "chịu trách nhiệm thi hành")
    assert [s.name for s in find_bodies(text)] == [
        "Thủ trưởng các sở, ban, ngành", "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu", "Chánh Văn phòng Bộ",
        "Vụ trưởng Vụ Tổ chức cán bộ", "Thủ trưởng các đơn vị có liên quan thuộc Bộ Tư pháp"]


NOT_BODIES = [
    "Tổ chức thực hiện",                                         # a heading in every plan
    "Ban hành Quyết định giao đất.",                             # 058: "Ban hành" is a verb
    "Báo cáo kết quả thực hiện",                                 # "Báo cáo" is a report
    "Tổ chức các Hội nghị, hội thảo về hạ tầng 5G, IoT",          # 032
    "tăng cường thanh tra, kiểm tra hoạt động khoáng sản",
    "Bộ tiêu chí nông thôn mới và Mô hình",                      # 034: "Bộ" is a set
    "Kế hoạch này",
]


@pytest.mark.parametrize("text", NOT_BODIES)
def test_not_bodies(text):
    assert find_bodies(text) == []


def _doc(text: str) -> LaidOut:
    raw = RawDocument(path="x.txt", sha256="0", format="txt", items=[])
    return LaidOut(raw=raw, header=[], blocks=[], text=text)


def test_collect_bodies_groups_roles_and_tasks():
    tasks = [
        Task(id="appendix:I.1", origin="appendix", lead=["Sở KH&CN"], coordinators=["Sở Tài chính", "UBND cấp xã"]),
        Task(id="appendix:I.2", origin="appendix", lead=["Sở Khoa học và Công nghệ"], coordinators=["Sở Tài Chính"]),
        Task(id="body:III.1", origin="body", lead=["Sở Tài chính"]),
    ]
    doc = _doc("Giao Sở Nội vụ tổng hợp; Sở Khoa học và Công nghệ chủ trì; các cơ quan, đơn vị liên quan phối hợp.")
    bodies = {b.canonical: b for b in collect_bodies(tasks, doc)}
    kst = bodies["Sở Khoa học và Công nghệ"]
    assert kst.name == "Sở KH&CN" and kst.roles == ["lead"] and kst.tasks == ["appendix:I.1", "appendix:I.2"]
    tc = bodies["Sở Tài chính"]
    assert tc.roles == ["coordinator", "lead"] and tc.tasks == ["appendix:I.1", "appendix:I.2", "body:III.1"]
    assert bodies["Sở Nội vụ"].roles == ["mentioned"] and bodies["Sở Nội vụ"].tasks == []
    assert bodies["Ủy ban nhân dân cấp xã"].kind == "committee"
    assert "Các cơ quan, đơn vị liên quan" not in bodies      # collectives count only when assigned work
    assert len(bodies) == 4


def test_collect_bodies_drops_a_mention_cut_short():
    """010: find_bodies stops "Vụ trưởng Vụ Khoa học công nghệ, ..." at the lower-case word; the task's
    whole name stands, the cut-short mention is not a body of its own."""
    text = ("Chánh Văn phòng Bộ, Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng, Thủ trưởng các "
            "đơn vị thuộc Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm thi hành Quyết định này./.")
    lead = "Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng"
    assert "Vụ trưởng Vụ Khoa học" in [b.name for b in find_bodies(text)]
    names = [b.name for b in collect_bodies([Task(id="body:Điều 3.2", origin="body", lead=[lead])], _doc(text))]
    assert lead in names and "Vụ trưởng Vụ Khoa học" not in names


def test_gazetteer_has_no_duplicates_and_known_kinds():
    data = load("bodies.yaml")
    names = [n for names in data["names"].values() for n in names]
    dup = [n for n, k in Counter(names).items() if k > 1]
    assert not dup, dup
    assert set(data["names"]) <= {"ministry", "central", "department", "committee", "party", "mass_org", "press",
                                  "security", "collective", "other"}
    assert set(data["heads"].values()) <= set(data["names"]) | {"other"}
    assert len(data["provinces"]) == len(set(data["provinces"]))


# Issue 10 (leads are bodies): holders and collective names from pool md documents (file in the comment).
HOLDERS = [
    # a title cut from its body at a line break is one holder (issue 10's Điều 3 example)
    ("Chánh Văn phòng UBND tỉnh, Giám đốc\nSở Nông nghiệp và Môi trường, Chủ tịch UBND các xã",
     ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Nông nghiệp và Môi trường", "Chủ tịch UBND các xã"]),
    # titles sharing one body: "Bộ trưởng" alone is no body (0326977b5d611b9a)
    ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ",
     ["Bộ trưởng, Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan thuộc Chính phủ"]),
    # collective names are one body (1180a89cc49ca3fe; 386/NQ-CP)
    ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
    ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ", ["Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
    ("Các cơ quan thông tấn, báo chí trung ương và địa phương",
     ["Các cơ quan thông tấn, báo chí trung ương và địa phương"]),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    ("Chủ tịch Ủy ban nhân dân các xã, phường", ["Chủ tịch Ủy ban nhân dân các xã, phường"]),     # 0f98ee482389e59e
    # ... but two committees named one after the other are two (646f0a00d4174382)
    ("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh", ["UBND thành phố Hà Nội", "Thành phố Hồ Chí Minh"]),
    ("UBND các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]),
]


@pytest.mark.parametrize("cell,expected", HOLDERS)
def test_holders_and_collective_names(cell, expected):
    assert split_bodies(cell) == expected


@pytest.mark.parametrize("holder,body", [
    ("Giám đốc Sở Tài chính", "Sở Tài chính"),                                   # 036bd85f1f56f768
    ("Chủ tịch Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"),
    ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ", "Cơ quan ngang bộ"),
    ("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
])
def test_a_holder_has_its_body_as_canonical(holder, body):
    assert canonical_name(holder) == body


def test_a_title_before_other_words_stays():
    """"Trưởng ban" before words that open no body keeps its title: only a body is taken as canonical."""
    assert canonical_name("Trưởng ban chỉ đạo") == "Trưởng ban chỉ đạo"


def test_bodies_outside_the_gazetteer():
    """A branch with a numbered region (issue 10's example) and a centre named by its head (pool 094432765aa270a8)."""
    text = "Giao Ngân hàng Nhà nước chi nhánh khu vực 14 chủ trì, phối hợp với Trung tâm Phục vụ hành chính công tỉnh"
    assert [b.name for b in find_bodies(text)] == ["Ngân hàng Nhà nước chi nhánh khu vực 14",
                                                   "Trung tâm Phục vụ hành chính công tỉnh"]


@pytest.mark.parametrize("cell,expected", [
    ("Giám đốc, Phó Giám đốc, Kế toán", ["Giám đốc", "Phó Giám đốc", "Kế toán"]),      # 1f9faa03...: no body to share
    # a lower-case unit after a place locates the same body (00e8b0e4daffc2ef: "UBND phường Phù Khê", "Phường Phù Khê, tỉnh Bắc Ninh")
    ("UBND phường Phù Khê, tỉnh Bắc Ninh", ["UBND phường Phù Khê, tỉnh Bắc Ninh"]),
])
def test_titles_and_units_that_stay_apart_or_together(cell, expected):
    assert split_bodies(cell) == expected
