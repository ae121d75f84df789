"""Line patterns of the layout stage (body lines: recipients, signature, appendix titles, markers).

The header's patterns live with the header rule (pipeline.segment.header), the section
markers in pipeline.markers, the motto and page number in vanban.lexicon.patterns.
"""
from __future__ import annotations

import re
from functools import lru_cache

from vanban.lexicon import load

#: the recipients list (nơi nhận): "Nơi nhận:", "Nơi nhận :"
RECIPIENTS = re.compile(r"^Nơi\s+nhận\b", re.IGNORECASE)
#: a signer capacity prefix: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. BỘ TRƯỞNG", "Q. GIÁM ĐỐC"
CAPACITY = re.compile(r"^(?:TM|KT|TL|TUQ|Q|T/M)\s*\.\s*[A-ZĐÂ]")
#: the signature remark: "(Đã ký)", "(đã ký và đóng dấu)"
SIGNED_NOTE = re.compile(r"\((?:Đã|đã)\s+ký[^)]*\)")
#: an appendix or attached-document title after the signature: "DANH MỤC CÁC NHIỆM VỤ ...", "PHỤ LỤC"
APPENDIX_TITLE = re.compile(r"^(?:PHỤ\s+LỤC|DANH\s+MỤC|QUY\s+CHẾ|QUY\s+ĐỊNH|CHƯƠNG\s+TRÌNH|KẾ\s+HOẠCH|ĐỀ\s+ÁN|BẢNG)\b")
#: a numbered appendix heading, any case: "Phụ lục II", "PHỤ LỤC 2" (091: the next appendix ends a table)
APPENDIX_NUMBERED = re.compile(r"^(?:Phụ\s+lục|PHỤ\s+LỤC)\s+[IVXL\d]+\s*$")
#: a word hyphen split over a line break: "Nghị quyết số 45-" + "NQ/TW"
SPLIT_HYPHEN = re.compile(r"\w-$")
#: an article cited, not an article heading (a heading has "Điều 69." or a capitalised title):
#: "... tại khoản 2" + "Điều 69 của Luật Hải quan năm 2014." (028, a crawler's line break)
#: "Điều 16, Điều 17, Điều 23, Điều 24 Nghị định số 08/2015/NĐ-CP;", "Điều 6 Mục này." (098)
ARTICLE_WORDS = ("Điều", "điều")
ARTICLE_CITED = re.compile(r"^(?:" + "|".join(ARTICLE_WORDS) + r")\s+\d{1,3}[a-zđ]?(?:\s*,|\s+(?:của|và|về|tại|theo"
                           r"|này|Luật|Bộ\s+luật|Nghị|Thông|Quyết|Pháp|Mục\s+(?:này|\d)|Chương\s+(?:này|[IVXL]+\b)))")
#: a sentence or a lead-in ended (a ";" only ends a clause of a list): "... như sau:", "... ký."
FULL_STOP_END = re.compile(r"[.:!?…][\"”’)]*$")
#: a marker alone on its line, its text on the next one (web crawls): "Điều 1.", "2.", "1.4."
BARE_MARKER = re.compile(r"^(?:(?:Điều|ĐIỀU)\s+\d{1,3}[a-zđ]?\s*\.?|\d{1,3}(?:\.\d{1,3})*\.|[IVXL]{1,6}\.)$")
#: a heading whose first child's marker the crawler glued to its end (the child's number
#: continues the heading's): "2. Nâng cao năng lực, hiệu quả quản lý nhà nước về quan hệ lao động 2.1.",
#: "2. Về Đại lý làm thủ tục hải quan 2.1. Điều kiện nhân viên đại lý hải quan;"
GLUED_FIRST_CHILD = re.compile(r"^(?P<n>\d{1,3})\.\s+\S.{2,200}?(?<!mục)(?<!khoản)(?<!điểm)(?<!tại)(?<!số)"
                               r"\s+(?=(?P=n)\.1\.(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]|$))")
#: an article heading glued after a sentence end, its title capitalised (converter Markdown whose bold runs
#: merged lines, pool md/8983091b5c6598d8): "02 cấp trên địa bàn thành phố Hà Nội. Điều 1. Phạm vi điều chỉnh ..."
GLUED_ARTICLE = re.compile(r"(?<=[.;:!?…])\s+(?=Điều\s+\d{1,3}[a-z]?\.\s+[A-ZĐÂ])")
#: an upper-case Roman heading with its first item's "1." glued to its end: "III. TỔ CHỨC THỰC HIỆN 1."
GLUED_FIRST_ITEM = re.compile(r"^[IVXL]{1,6}\.\s+(?P<head>.{3,200}?)\s+(?=1\.(?:\s+[A-ZĐ]|$))")
#: `pdftotext -layout` text: a paragraph's first line is indented this many spaces (a
#: wrapped line starts at the margin, a centred title further right): "      - Lãnh đạo, chỉ đạo"
INDENT_MIN, INDENT_MAX = 3, 12
#: a parenthesised item opening a line, its text capitalised: "(2) Về triển khai Chương trình: Chính phủ sẽ phân",
#: "(4) Sau khi được Quốc hội thông qua, các Bộ, cơ" (057); a paragraph only when it is "(1)" or the
#: number after the last one opening a line (an enumeration inside a sentence, "... gồm: (1) ...; (2) ...",
#: seldom opens its line with "(1)", and then "(2)" follows on that line: "kinh tế:" + "(1) Công nghiệp công
#: nghệ cao - sản xuất thông minh; (2) Nông nghiệp công nghệ" (034); a table's column numbers
#: "(1) (2) (3)" are no item text)
PAREN_ITEM = re.compile(r"^\((?P<n>\d{1,2})\)\s*(?=[^\W\d_])")


def either(*patterns: re.Pattern) -> re.Pattern:
    """One pattern that matches where one of `patterns` (no groups, each with or without
    re.IGNORECASE) matches: one call instead of several on every line (issue 13)."""
    parts = []
    for p in patterns:
        assert not p.groups and not p.flags & ~(re.UNICODE | re.IGNORECASE), p.pattern
        parts.append(("(?i:" if p.flags & re.IGNORECASE else "(?:") + p.pattern + ")")
    return re.compile("|".join(parts))


@lru_cache(maxsize=1)
def signature_titles() -> frozenset[str]:
    """Whole lines naming the signer's post: "PHÓ CHỦ TỊCH", "KT. GIÁM ĐỐC" (layout.yaml)."""
    return frozenset(load("layout.yaml")["signature_titles"])
