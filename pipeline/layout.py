"""Stage 3, lay out: lines -> header + body paragraphs and tables.

    layout(raw: RawDocument) -> LaidOut

Steps, unambiguous first:
  1. noise: running headers of the Official Gazette (`CÔNG BÁO/Số 302/Ngày 02-06-2026`),
     digital-signature stamps and lone page numbers are dropped; their page is kept
     (pages are inferred from running headers where the reader had none);
  2. header (phần đầu văn bản): issuer, national motto, Số, place/date, document type
     and summary title (trích yếu) — one Paragraph per physical line, merged lines split
     (`BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` -> two);
  3. flattened task tables (bảng nhiệm vụ flattened by text extraction) -> one FlatTable;
  4. body lines joined into paragraphs: never before a numbered marker (`I.`, `1.1.`,
     `a)`, `-`, `Điều 5.`), never across `paragraph=True` lines, always for a
     continuation (`... tôn vinh trí` + `thức, trọng dụng nhân tài`);
  5. the signature block and the recipients list (nơi nhận) stay one physical line
     a Paragraph.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from vanban.lexicon import load
from .types import FlatTable, LaidOut, Line, Paragraph, RawDocument, Table

# ------------------------------------------------------------------ noise
#: running header of the Official Gazette: "CÔNG BÁO/Số 302/Ngày 02-06-2026",
#: "CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023"
RUNNING_HEADER = re.compile(r"^CÔNG\s*BÁO\s*/\s*Số\s*[\d\s+]+/\s*Ngày\s*[\d\-/.]+\s*$", re.IGNORECASE)
#: a lone page number line: "70", "- 2 -"
PAGE_NUMBER = re.compile(r"^[-–]?\s*\d{1,3}\s*[-–]?$")
#: first line of a digital-signature stamp: "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STAMP_START = re.compile(r"^(?:Ký\s+bởi|Người\s+ký)\s*:", re.IGNORECASE)   # "Người ký: Cổng Thông tin điện tử Chính phủ" (091)
#: following lines of that stamp: "Cơ quan: VĂN PHÒNG CHÍNH PHỦ", "Ngày ký: 2026-06-02 08:06:58 +07:00"
STAMP_MORE = re.compile(r"^(?:Cơ\s+quan|Ngày\s+ký|Thời\s+gian\s+ký|Email|Chức\s+vụ)\s*:", re.IGNORECASE)
#: a separator rule: "–––––––––", "_______________", "-------", "***"
SEPARATOR = re.compile(r"^[\s\-–—_=*.…~]{3,}$")

# ------------------------------------------------------------------ header
#: the national motto: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM")     # upper case: not "nước Cộng hòa ..." in a sentence
#: the motto's second line: "Độc lập - Tự do - Hạnh phúc"
MOTTO_SUB = re.compile(r"Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", re.IGNORECASE)
#: the number line: "Số: 21/CT-TTg", "Số:             /KH-UBND", "Số 435/QĐ-UBND"
NUMBER_LINE = re.compile(r"^Số\s*:|^Số\s+\d|^(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+quyết)\s+số\s*:")   # "Luật số: 56/2020/QH14"
#: the number label alone on its line: "Số:" (its number wrapped to the next line, corpus 041)
NUMBER_LABEL_ALONE = re.compile(r"^Số\s*:?$")
#: place and date: "Hà Nội, ngày 20 tháng 5 năm 2026", "Bắc Giang, ngày       tháng 6 năm 2024"
DATE_LINE = re.compile(r"^[^\d,;:]{2,40},\s*ngày\b", re.IGNORECASE)
#: where a place/date starts inside a merged line: "Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020"
DATE_INSIDE = re.compile(r"(?<=\S)\s+(?=[A-ZĐÂ][^\d,;:/]{1,30},\s*ngày\s)")
#: the end of a date and the word after it: "năm 2020 QUYẾT" in "năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH"
AFTER_YEAR = re.compile(r"năm\s+\d{4}\s+(\w+)")
#: a subject or addressee glued to a header line: "Số: 19046/BTC-TCHQ V/v hướng dẫn thực hiện ...",
#: "Hà Nội, ngày 29 tháng 12 năm 2014 Kính gửi: Cục Hải quan các tỉnh, thành phố."
SUBJECT_OR_ADDRESSEE_INSIDE = re.compile(r"(?<=\S)\s+(?=V/[vV]\s|Kính\s+gửi\s*:)")
#: the first body sentence glued to an upper-case summary:
#: "VỀ CƠ CHẾ, CHÍNH SÁCH ... CHO NGƯỜI CÓ ĐẤT THU HỒI Căn cứ Luật Tổ chức Chính phủ ..."
BODY_START_INSIDE = re.compile(r"(?<=\S)\s+(?=(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị)\s)")
#: a summary glued to the type line it follows: "QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH ...", "NGHỊ QUYẾT VỀ VIỆC ..."
MERGED_SUMMARY = re.compile(r"\s+(?:V/[vV]|VỀ|Về)\s")
#: a separator glued to a header line: "ỦY BAN NHÂN DÂN TỈNH KON TUM -------"
TRAILING_RULE = re.compile(r"\s+[-_–—]{3,}\s*$")
#: the subject line of a công văn: "V/v khẩn trương hoàn thành cập nhật, đồng bộ"
SUBJECT_LINE = re.compile(r"^(?:V/v|V/V|Về\s+việc)\b")
#: the addressee line that opens a công văn's body: "Kính gửi: Bộ Xây dựng", "Kính gửi:"
ADDRESSEE = re.compile(r"^Kính\s+gửi\b", re.IGNORECASE)
#: a sentence that starts the body: "Căn cứ Luật Tổ chức Chính phủ ...", "Thực hiện Nghị quyết số ..."
BODY_START = re.compile(r"^(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Trên\s+cơ\s+sở|Kính\s+gửi)\b")

# ------------------------------------------------------------------ body
#: a line that starts a numbered or bulleted paragraph: "I. MỤC ĐÍCH", "1.1. Tổ chức", "a) Thúc đẩy", "a. Định mức",
#: "- Quán triệt", "+ LĐVP", "Điều 5.", "Chương II", "Mục 1", "Phần thứ nhất", "PHỤ LỤC I"
MARKER = re.compile(
    r"^(?:[IVXL]{1,6}\s*[.)](?=\s|$|[A-ZĐ])"
    r"|\d{1,3}(?:\.\d{1,3})*\s*[.)](?!\d)"
    r"|\d{1,3}(?:\.\d{1,3})+(?=\s)"
    r"|[a-zđ]\s*\)|[a-zđ]\.(?=\s)"
    r"|[-–—+•·●▪○*]\s*(?=[^\s\-–—_=*.…])"
    r"|(?:Điều|ĐIỀU)\s+\d+"
    r"|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXL\d]+|thứ|THỨ)\b"
    r"|(?:Phụ\s+lục|PHỤ\s+LỤC)\b)")
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
ARTICLE_CITED = re.compile(r"^(?:Điều|điều)\s+\d{1,3}[a-zđ]?(?:\s*,|\s+(?:của|và|về|tại|theo|này|Luật|Bộ\s+luật|Nghị|Thông|Quyết"
                           r"|Pháp|Mục\s+(?:này|\d)|Chương\s+(?:này|[IVXL]+\b)))")
#: a sentence or a lead-in ended (a ";" only ends a clause of a list): "... như sau:", "... ký."
FULL_STOP_END = re.compile(r"[.:!?…][\"”’)]*$")
#: a marker alone on its line, its text on the next one (web crawls): "Điều 1.", "2.", "1.4."
BARE_MARKER = re.compile(r"^(?:(?:Điều|ĐIỀU)\s+\d{1,3}[a-zđ]?\s*\.?|\d{1,3}(?:\.\d{1,3})*\.|[IVXL]{1,6}\.)$")
#: a heading whose first child's marker the crawler glued to its end (the child's number
#: continues the heading's): "2. Nâng cao năng lực, hiệu quả quản lý nhà nước về quan hệ lao động 2.1.",
#: "2. Về Đại lý làm thủ tục hải quan 2.1. Điều kiện nhân viên đại lý hải quan;"
GLUED_FIRST_CHILD = re.compile(r"^(?P<n>\d{1,3})\.\s+\S.{2,200}?(?<!mục)(?<!khoản)(?<!điểm)(?<!tại)(?<!số)"
                               r"\s+(?=(?P=n)\.1\.(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]|$))")
#: an upper-case Roman heading with its first item's "1." glued to its end: "III. TỔ CHỨC THỰC HIỆN 1."
GLUED_FIRST_ITEM = re.compile(r"^[IVXL]{1,6}\.\s+(?P<head>.{3,200}?)\s+(?=1\.(?:\s+[A-ZĐ]|$))")
#: `pdftotext -layout` text: a paragraph's first line is indented this many spaces (a
#: wrapped line starts at the margin, a centred title further right): "      - Lãnh đạo, chỉ đạo"
INDENT_MIN, INDENT_MAX = 3, 12
#: a sentence end: ".", ";", ":", "!", "?", "./." and closing quotes/brackets after them
SENTENCE_END = re.compile(r"[.;:!?…][\"”’)]*$")
#: a parenthesised item opening a line, its text capitalised: "(2) Về triển khai Chương trình: Chính phủ sẽ phân",
#: "(4) Sau khi được Quốc hội thông qua, các Bộ, cơ" (057); a paragraph only when it is "(1)" or the
#: number after the last one opening a line (an enumeration inside a sentence, "... gồm: (1) ...; (2) ...",
#: seldom opens its line with "(1)", and then "(2)" follows on that line: "kinh tế:" + "(1) Công nghiệp công
#: nghệ cao - sản xuất thông minh; (2) Nông nghiệp công nghệ" (034); a table's column numbers
#: "(1) (2) (3)" are no item text)
PAREN_ITEM = re.compile(r"^\((?P<n>\d{1,2})\)\s*(?=[^\W\d_])")


@lru_cache(maxsize=1)
def _vocab() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], frozenset[str]]:
    """(document type names in upper case, task-table header groups, signature titles)."""
    from vanban.lexicon import doc_types
    names = sorted({d.name.upper() for d in doc_types()} | {a.upper() for d in doc_types() for a in d.aliases
                                                            if " " in a or len(a) > 4},
                   key=len, reverse=True)
    data = load("layout.yaml")
    groups = {k: tuple(w.casefold() for w in v) for k, v in data["task_table_headers"].items()}
    return tuple(names), groups, frozenset(data["signature_titles"])


def layout(raw: RawDocument) -> LaidOut:
    items, inferred_pages = _drop_noise(raw.items)
    if inferred_pages and not raw.pages:
        raw.pages = inferred_pages
    blanks_meaningful = _blank_lines_meaningful(items)
    header_lines, body = _split_header(items, blanks_meaningful)
    header = [Paragraph(text=ln.text, page=ln.page, bold=ln.bold, centered=ln.centered)
              for ln in header_lines]
    wrapped_md = "md" in (raw.detail or "").split(",")
    blocks = _body_blocks(_split_glued_markers(body), blanks_meaningful, plain_text=not wrapped_md)
    if raw.format not in ("html", "docx"):          # their readers know their paragraphs
        blocks = _join_bare_markers(blocks)
    return _finish(raw, header, blocks)


# ================================================================== 1. noise

def _drop_noise(items: list) -> tuple[list, int | None]:
    """Drop running headers and signature stamps (everywhere); infer pages from running headers."""
    infer = not any(getattr(it, "page", None) for it in items)
    page, seen_content, in_stamp, after_noise = 1, False, False, False
    out: list = []

    def drop_blanks_before() -> None:
        # the blank lines around a page break are not paragraph breaks
        while out and isinstance(out[-1], Line) and not out[-1].text:
            out.pop()

    for it in items:
        if isinstance(it, Line) and not it.paragraph:
            text = it.text
            if RUNNING_HEADER.match(text):
                if seen_content and infer:
                    page += 1
                in_stamp, after_noise = False, True
                drop_blanks_before()
                continue
            if STAMP_START.match(text):
                in_stamp = after_noise = True
                drop_blanks_before()
                continue
            if in_stamp and (STAMP_MORE.match(text) or not text):
                in_stamp = bool(text)
                continue
            in_stamp = False
            if after_noise and (not text or PAGE_NUMBER.match(text)):
                if text:
                    drop_blanks_before()
                    out.append(it)   # the page number itself: layout drops it outside flat tables
                    if infer:
                        it.page = page
                continue
            after_noise = False
            if text and PAGE_NUMBER.match(text):
                drop_blanks_before()
                after_noise = True
            if text and not PAGE_NUMBER.match(text):
                seen_content = True
        if infer:
            it.page = page
        out.append(it)
    if infer and page == 1:
        for it in out:
            it.page = None          # no page evidence at all: leave pages unknown
    return out, (page if infer and page > 1 else None)


def _blank_lines_meaningful(items: list) -> bool:
    """False when a blank line follows nearly every line (some PDF extractions)."""
    lines = [it for it in items if isinstance(it, Line) and not it.paragraph]
    if len(lines) < 10:
        return True
    followed = sum(1 for a, b in zip(lines, lines[1:]) if a.text and not b.text)
    nonblank = sum(1 for ln in lines if ln.text)
    return followed < 0.6 * max(nonblank, 1)


# ================================================================== 2. header

def _split_merged(line: Line) -> list[Line]:
    """Split a header line that extraction merged: issuer + motto, Số + place/date, date + type."""
    if SEPARATOR.match(line.text) or BODY_START.match(line.text) or MARKER.match(line.text):
        return [line]                      # a body sentence or item is never a merged header line
    parts = [TRAILING_RULE.sub("", line.text)]
    for pattern in (MOTTO, MOTTO_SUB):
        nxt = []
        for p in parts:
            m = pattern.search(p)
            if m and m.start() > 0:
                nxt += [p[:m.start()].strip(), p[m.start():m.end()].strip(), p[m.end():].strip()]
            elif m and m.end() < len(p):
                nxt += [p[:m.end()].strip(), p[m.end():].strip()]
            else:
                nxt.append(p)
        parts = [TRAILING_RULE.sub("", p) for p in nxt if p and not SEPARATOR.match(p)]
    nxt = []
    for p in parts:
        if NUMBER_LINE.match(p) or DATE_LINE.match(p):     # "Số: ... V/v ...", "Hà Nội, ngày ... Kính gửi: ..."
            nxt += [q for q in SUBJECT_OR_ADDRESSEE_INSIDE.split(p) if q]
        else:
            nxt.append(p)
    parts, nxt = nxt, []
    for p in parts:
        if NUMBER_LINE.match(p):
            nxt += DATE_INSIDE.split(p, maxsplit=1)
        else:
            nxt.append(p)
    parts = []
    for p in nxt:
        m = AFTER_YEAR.search(p) if DATE_LINE.match(p) else None
        if m and m.group(1).isupper() and len(m.group(1)) > 1:
            parts += [p[:m.start(1)].strip(), p[m.start(1):]]
        else:
            parts.append(p)
    nxt = []
    for p in parts:
        m = BODY_START_INSIDE.search(p)
        if m and _is_upper(p[:m.start()]):
            nxt += [p[:m.start()], p[m.end():]]     # an upper-case summary and the first "Căn cứ"
        else:
            nxt.append(p)
    parts = nxt
    names, _, _ = _vocab()
    out = []
    for p in parts:
        name = _doc_type_prefix(p, names)
        if name and MERGED_SUMMARY.match(p[len(name):]):
            out += [p[:len(name)].strip(), p[len(name):].strip()]
        else:
            out.append(p)
    if len(out) == 1 and out[0] == line.text:
        return [line]
    return [replace(line, text=t) for t in out if t]


def _doc_type_prefix(text: str, names: tuple[str, ...]) -> str | None:
    """The document type name a line starts with, in upper case: "QUYẾT ĐỊNH", "KẾ HOẠCH"."""
    for name in names:
        if text.startswith(name) and (len(text) == len(name) or not text[len(name)].isalnum()):
            return name
    return None


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _is_doc_type_line(text: str, names: tuple[str, ...]) -> bool:
    t = text.rstrip(" :")
    return _is_upper(t) and t in names


def _split_header(items: list, blanks_meaningful: bool) -> tuple[list[Line], list]:
    """Find where the header ends; return (header lines, body items)."""
    names, _, _ = _vocab()
    # the window: lines before the first table, at most 60 non-blank lines
    window: list[Line] = []
    pos = 0
    while pos < len(items) and isinstance(items[pos], Line) and len(window) < 80:
        if items[pos].text:
            window.extend(_split_merged(items[pos]) if len(window) < 30 else [items[pos]])
        else:
            window.append(items[pos])
        pos += 1
    rest = items[pos:]

    def idx(pred, limit=40) -> int | None:
        count = 0
        for i, ln in enumerate(window):
            if ln.text:
                count += 1
                if count > limit:
                    return None
                if pred(ln.text):
                    return i
        return None

    motto = idx(lambda t: bool(MOTTO.search(t) or MOTTO_SUB.search(t)), 25)
    number = idx(lambda t: bool(NUMBER_LINE.match(t)), 25)
    date = idx(lambda t: bool(DATE_LINE.match(t)), 30)
    if motto is None and number is None and date is None:
        # no recognisable header; a crawled title line naming the type still heads the text:
        # "Quyết định ban hành kế hoạch triển khai thực hiện đề án ..." (corpus 078)
        first = next((i for i, ln in enumerate(window) if ln.text), None)
        if first is not None and _doc_type_prefix(window[first].text.upper(), names) \
                and not SENTENCE_END.search(window[first].text) and not window[first].paragraph:
            return [window[first]], window[first + 1:] + rest
        return [], items                        # everything is body
    anchors = [i for i in (motto, number, date) if i is not None]
    doc_type = None
    for i in range(min(anchors), min(len(window), max(anchors) + 25)):
        t = window[i].text
        if t and (ADDRESSEE.match(t) or MARKER.match(t) and not _is_upper(t)):
            break
        if t and _is_doc_type_line(t, names):
            doc_type = i
            break
    if doc_type is not None:
        end = _summary_end(window, doc_type, blanks_meaningful)
    else:
        end = _letter_header_end(window, max(anchors))
    header = [ln for ln in window[:end] if ln.text and not SEPARATOR.match(ln.text)
              and not (PAGE_NUMBER.match(ln.text) and not ln.paragraph)]
    return _join_number_label(_drop_gazette_labels(header)), window[end:] + rest


def _drop_gazette_labels(header: list[Line]) -> list[Line]:
    """The Official Gazette prints its section label and the issuer's name as headings above
    the document (091: "VĂN BẢN PHÁP LUẬT KHÁC", "CHÍNH PHỦ", then the document's own
    "CHÍNH PHỦ"): drop a leading label (layout.yaml gazette_sections) and an issuer line
    repeated on the next line."""
    labels = _gazette_sections()
    k = 0
    while k < len(header) and header[k].text.rstrip(" :").upper() in labels and _is_upper(header[k].text):
        k += 1
    out: list[Line] = []
    for ln in header[k:]:
        if out and ln.text == out[-1].text and _is_upper(ln.text) and not MOTTO.search(ln.text):
            continue                        # "CHÍNH PHỦ" + "CHÍNH PHỦ"
        out.append(ln)
    return out


@lru_cache(maxsize=1)
def _gazette_sections() -> frozenset[str]:
    return frozenset(t.upper() for t in load("layout.yaml").get("gazette_sections", []))


def _join_number_label(header: list[Line]) -> list[Line]:
    """"Số:" alone, its number on the next line (converter wraps): one line "Số: 7360/KH-UBND"."""
    out: list[Line] = []
    for ln in header:
        if out and NUMBER_LABEL_ALONE.match(out[-1].text) and ln.text[:1].isdigit():
            out[-1] = replace(out[-1], text=f"{out[-1].text} {ln.text}")
        else:
            out.append(ln)
    return out


def _summary_end(window: list[Line], doc_type: int, blanks_meaningful: bool) -> int:
    """The index just past the summary title (trích yếu) under the document type line."""
    # a separator rule under the summary closes it: "––––––––––––" (bacgiang), "______________" (084)
    seen = 0
    for j in range(doc_type + 1, len(window)):
        t = window[j].text
        if not t:
            continue
        if SEPARATOR.match(t):
            return j + 1
        seen += 1
        if seen > 6 or window[j].paragraph and seen > 2:
            break
    summary = 0
    prev_upper = None
    for j in range(doc_type + 1, len(window)):
        ln = window[j]
        t = ln.text
        if not t:
            if blanks_meaningful and summary:
                return j
            continue
        upper = _is_upper(t)
        if (BODY_START.match(t) or MARKER.match(t) or SUBJECT_LINE.match(t) and summary
                or summary >= 6 or (prev_upper is False and upper) or (summary and t.endswith(":"))):
            return j
        summary += 1
        prev_upper = upper
    return len(window)


def _letter_header_end(window: list[Line], last_anchor: int) -> int:
    """A header without a type line (công văn): it ends after the last of motto, Số, place/date
    and the V/v subject with its continuation lines; "Kính gửi" opens the body."""
    end = last_anchor + 1
    j = end
    while j < len(window):
        t = window[j].text
        if not t:
            j += 1
            continue
        if ADDRESSEE.match(t) or BODY_START.match(t) or MARKER.match(t):
            break
        if SEPARATOR.match(t) or MOTTO_SUB.search(t) or DATE_LINE.match(t) or SUBJECT_LINE.match(t):
            end = j + 1
        elif j - end < 3 and _continues_subject(window, end):
            end = j + 1
        else:
            break
        j += 1
    return end


def _continues_subject(window: list[Line], end: int) -> bool:
    """True when a V/v subject line sits in the last few header lines (its wrap follows)."""
    return any(SUBJECT_LINE.match(ln.text) for ln in window[max(0, end - 3):end] if ln.text)


# ================================================================== 3-5. body

def _typical_length(lines: list[Line]) -> int:
    lengths = sorted(len(ln.text) for ln in lines if ln.text and not ln.paragraph)
    if len(lengths) < 10:
        return 80
    return max(40, lengths[int(len(lengths) * 0.8)])


def _body_blocks(items: list, blanks_meaningful: bool, plain_text: bool = True) -> list:
    """Body items -> blocks.  `plain_text` (PDF or text extraction): a short line ends its
    paragraph and flattened tables are looked for; False for converter Markdown, whose first
    lines are short for no reason and whose tables are explicit."""
    short_lines_end = plain_text
    typical = _typical_length([it for it in items if isinstance(it, Line)])
    gap = _typical_gap(items)
    # a web crawl writes one paragraph a line (median line of 150+ characters): only a line
    # starting in lower case continues the one before
    lengths = sorted(len(it.text) for it in items if isinstance(it, Line) and it.text and not it.paragraph)
    one_per_line = bool(lengths) and lengths[len(lengths) // 2] > 150
    flat = _flat_table_regions(items) if plain_text else {}
    indented = _indent_structured(items)
    blocks: list = []
    current: list[Line] = []
    mode = "text"           # "text" | "list" (recipients, signature: one line a paragraph)
    blank_before = False
    paren_last = 0          # the number of the last "(N)" item that opened a line

    def close() -> None:
        if current:
            blocks.append(_paragraph(current))
            current.clear()

    i = 0
    while i < len(items):
        it = items[i]
        if i in flat:
            close()
            end = flat[i]
            lines = [ln for ln in items[i:end] if isinstance(ln, Line) and ln.text]
            blocks.append(FlatTable(lines=lines, page=lines[0].page if lines else None))
            i = end
            mode, blank_before = "text", False
            continue
        i += 1
        if isinstance(it, (Table, FlatTable)):
            close()
            blocks.append(it)
            blank_before = False
            continue
        text = it.text
        if not text:
            blank_before = True
            continue
        if SEPARATOR.match(text) or (PAGE_NUMBER.match(text) and not it.paragraph):
            continue                       # a rule or a page number carries no text
        paren_item, paren_last = _paren_item(text, paren_last)
        if it.paragraph:
            close()
            blocks.append(_paragraph([it]))
            mode = _next_mode(mode, it, typical)
            blank_before = False
            continue
        continues = (current and text[0].islower() and not SENTENCE_END.search(current[-1].text)
                     and not MARKER.match(text))
        if continues and mode == "list" and not RECIPIENTS.match(current[-1].text):
            current.append(it)                 # a wrapped recipient: "... đóng trên địa bàn" + "tỉnh;"
            blank_before = False
            continue
        new_mode = _next_mode(mode, it, typical)
        if new_mode == "list" or mode == "list":
            close()                            # one line a paragraph (its wrapped tail joins above)
            current.append(it)
            mode = new_mode
            blank_before = False
            continue
        mode = new_mode
        if paren_item:
            close()                        # "... theo quy định;" + "(2) Về triển khai Chương trình: ..."
            current.append(it)
            blank_before = False
            continue
        if current and ARTICLE_CITED.match(text) and not FULL_STOP_END.search(current[-1].text):
            current.append(it)             # "... theo quy định tại khoản 2" + "Điều 69 của Luật Hải quan"
            blank_before = False
            continue
        if indented and current and it.indent is not None and current[-1].indent is not None:
            # `pdftotext -layout` text: a paragraph's first line is indented, its wrapped lines
            # start at the margin ("Điều 6, Điều 7 Nghị định số 32/2024/NĐ-CP." goes on the line above)
            page_turn = it.page != current[-1].page
            if (it.indent < INDENT_MIN and current[-1].indent <= INDENT_MAX and (not blank_before or page_turn)
                    and not RECIPIENTS.match(text) and not CAPACITY.match(text)):
                current.append(it)
                blank_before = False
                continue
            if INDENT_MIN <= it.indent <= INDENT_MAX and (not text[0].islower()
                                                          or len(current[-1].text) < 0.7 * typical
                                                          or SENTENCE_END.search(current[-1].text)):
                # (a lower-case first line after a short one: "1. Thông tin chung ..." + "a/. Tên Công ty:")
                close()
                current.append(it)
                blank_before = False
                continue
        if current and (_starts_paragraph(current[-1], it, typical,
                                           blank_before and blanks_meaningful and not continues,
                                           short_lines_end)
                        or one_per_line and not text[0].islower()
                        or _geometry_break(current[-1], it, gap)):
            close()
        current.append(it)
        blank_before = False
    close()
    return blocks


def _paren_item(text: str, last: int) -> tuple[bool, int]:
    """(does this line open a "(N)" item, the last such number): "(1)" opens a sequence, "(N)"
    continues it when N follows the last number; the text after the marker starts upper case."""
    m = PAREN_ITEM.match(text)
    if not m or not text[m.end()].isupper():
        return False, last
    n = int(m["n"])
    if f"({n + 1})" in text:
        return False, last                 # its next item on the same line: an inline enumeration (034)
    if n == 1 or n == last + 1:
        return True, n
    return False, last


def _indent_structured(items: list) -> bool:
    """True for `pdftotext -layout` text whose paragraphs show by indentation: many lines
    indented a few spaces (first lines), many at the margin (wrapped lines), and an
    indented line often followed by a margin line (008, 020)."""
    lines = [it for it in items if isinstance(it, Line) and it.text and it.indent is not None and not it.paragraph]
    if len(lines) < 20:
        return False
    margin = sum(1 for ln in lines if ln.indent < INDENT_MIN)
    first = [k for k, ln in enumerate(lines[:-1]) if INDENT_MIN <= ln.indent <= INDENT_MAX]
    wrapped = sum(1 for k in first if lines[k + 1].indent < INDENT_MIN)
    return margin >= 0.25 * len(lines) and len(first) >= 0.15 * len(lines) and wrapped >= 0.3 * len(first)


def _split_glued_markers(items: list) -> list:
    """Split a heading from its first child's marker glued to its end (web crawls):
    "III. TỔ CHỨC THỰC HIỆN 1." -> "III. TỔ CHỨC THỰC HIỆN" + "1." (the child's number
    continuing the heading's is what makes the split safe)."""
    out: list = []
    for it in items:
        if isinstance(it, Line) and not it.paragraph and it.text:
            m = GLUED_FIRST_CHILD.match(it.text)
            if not m:
                m = GLUED_FIRST_ITEM.match(it.text)
                m = m if m and _is_upper(m.group("head")) else None
            if m:
                out += [replace(it, text=it.text[:m.end()].rstrip()), replace(it, text=it.text[m.end():])]
                continue
        out.append(it)
    return out


def _join_bare_markers(blocks: list) -> list:
    """A marker alone ("Điều 1.", "2.", "1.4.") and the paragraph after it are one paragraph,
    unless that paragraph opens with a marker of its own or is the recipients list / signature."""
    out: list = []
    for b in blocks:
        prev = out[-1] if out else None
        if (isinstance(b, Paragraph) and isinstance(prev, Paragraph) and BARE_MARKER.match(prev.text)
                and not (MARKER.match(b.text) or RECIPIENTS.match(b.text) or CAPACITY.match(b.text))):
            out[-1] = replace(prev, text=f"{prev.text} {b.text}", bold=prev.bold if prev.bold == b.bold else None)
            continue
        out.append(b)
    return out


def _typical_gap(items: list) -> float | None:
    """The median vertical gap between consecutive PDF lines of one page (points), if boxes exist."""
    gaps = sorted(b.box.top - a.box.bottom for a, b in zip(items, items[1:])
                  if isinstance(a, Line) and isinstance(b, Line) and a.box and b.box and a.page == b.page
                  and 0 <= b.box.top - a.box.bottom < 60)
    return gaps[len(gaps) // 2] if len(gaps) >= 10 else None


def _geometry_break(prev: Line, cur: Line, gap: float | None) -> bool:
    """PDF lines: a first-line indent (x0 15pt right of the line above) or a wide vertical gap
    starts a paragraph (085: "Theo đề nghị ..." at x0 121 under lines at x0 85)."""
    if gap is None or not (prev.box and cur.box) or prev.page != cur.page or cur.text[0].islower():
        return False
    if cur.box.x0 >= prev.box.x0 + 15 and cur.box.x1 >= prev.box.x1 - 30:
        return True                        # indented, and not a short centred line
    return cur.box.top - prev.box.bottom > max(6.0, 2.5 * gap)


def _next_mode(mode: str, line: Line, typical: int) -> str:
    """Enter one-line-a-paragraph mode at Nơi nhận or a signer capacity; leave it at long text."""
    text = line.text
    _, _, titles = _vocab()
    bare = SIGNED_NOTE.sub("", text).strip(" :")
    if RECIPIENTS.match(text) or CAPACITY.match(text) or bare in titles:
        return "list"
    if mode == "list":
        if APPENDIX_TITLE.match(text) or MARKER.match(text) and not text.startswith(("-", "+", "–")):
            return "text"
        if len(text) > 0.85 * typical and not text.startswith(("-", "+", "–")):
            return "text"
    return mode


def _starts_paragraph(prev: Line, cur: Line, typical: int, blank_between: bool,
                      short_lines_end: bool = True) -> bool:
    """Does `cur` start a new paragraph after `prev` (both plain extracted lines)?"""
    if blank_between:
        return True
    text, before = cur.text, prev.text
    if MARKER.match(text) or RECIPIENTS.match(text) or ADDRESSEE.match(text):
        return True
    first = text[0]
    if first.islower() or first in ",.;:)]%":
        return False                       # a continuation: "trí" + "thức, trọng dụng nhân tài"
    if prev.bold and not cur.bold:
        return True                        # an emphasised heading line ended
    prev_upper, cur_upper = _is_upper(before), _is_upper(text)
    if prev_upper and not cur_upper:
        return True                        # an upper-case heading ended: "THỦ TƯỚNG CHÍNH PHỦ" + "Căn cứ"
    if SENTENCE_END.search(before) and (first.isupper() or not first.isalnum()) and (
            short_lines_end or len(before) < 0.85 * typical):
        return True                        # "... nội dung chủ yếu sau:" + "I. MỤC ĐÍCH"
        # (converter Markdown wraps at a fixed width: a full line ending in ";" goes on)
    if short_lines_end and len(before) < 0.6 * typical and first.isupper() and not prev_upper:
        return True                        # a short line ends a heading: "1. Mục tiêu đến năm 2030"
    return False


def _paragraph(lines: list[Line]) -> Paragraph:
    text = lines[0].text
    for ln in lines[1:]:
        if SPLIT_HYPHEN.search(text) and ln.text[:1].isalnum():
            text += ln.text                # "45-" + "NQ/TW" -> "45-NQ/TW"
        else:
            text += " " + ln.text
    bold = all(ln.bold for ln in lines) if any(ln.bold is not None for ln in lines) else None
    centered = lines[0].centered
    page = next((ln.page for ln in lines if ln.page is not None), None)
    return Paragraph(text=text, page=page, bold=bold, centered=centered)


# ------------------------------------------------------------------ flattened task tables

def _header_groups(text: str) -> set[str]:
    """Which task-table column headings a short line holds: {"number", "content"} for "TT Nội dung"."""
    _, groups, _ = _vocab()
    folded = text.casefold()
    tokens = set(re.findall(r"\w+", folded))
    found = set()
    for name, words in groups.items():
        for w in words:
            if (" " not in w and w in tokens) or (" " in w and w in folded):
                found.add(name)
                break
    return found


def _flat_table_regions(items: list) -> dict[int, int]:
    """{start index: end index} of runs of short lines that are a flattened task table.

    A region starts where three or more column headings (TT, Nội dung, chủ trì, phối hợp,
    Thời gian) sit on consecutive short lines, and ends at the end of the document, a real
    table, a reader paragraph, an appendix title or a run of long prose lines.
    """
    regions: dict[int, int] = {}
    n = len(items)
    i = 0
    while i < n:
        it = items[i]
        if not (isinstance(it, Line) and not it.paragraph and it.text and len(it.text) <= 45
                and not MARKER.match(it.text) and _header_groups(it.text)):
            i += 1
            continue
        groups: set[str] = set()
        seen = 0
        j = i
        while j < n and seen < 14:
            ln = items[j]
            if not isinstance(ln, Line) or ln.paragraph:
                break
            if ln.text:
                if len(ln.text) > 45:
                    break
                groups |= _header_groups(ln.text)
                seen += 1
            j += 1
        if len(groups) >= 3 and groups & {"number", "content"}:
            end = _flat_table_end(items, i)
            regions[i] = end
            i = end
        else:
            i += 1
    return regions


def _flat_table_end(items: list, start: int) -> int:
    lengths = sorted(len(it.text) for it in items[start:start + 60] if isinstance(it, Line) and it.text)
    limit = max(60, int(1.5 * lengths[len(lengths) // 2])) if lengths else 60
    long_run = 0
    for j in range(start + 1, len(items)):
        it = items[j]
        if not isinstance(it, Line) or it.paragraph:
            return j
        t = it.text
        if not t:
            continue
        if APPENDIX_TITLE.match(t) or APPENDIX_NUMBERED.match(t) or RECIPIENTS.match(t) or CAPACITY.match(t):
            return j
        if len(t) > limit:
            long_run += 1
            if long_run >= 3:
                # back up to the first of the long lines
                k = j
                while long_run > 1:
                    k -= 1
                    if isinstance(items[k], Line) and items[k].text:
                        long_run -= 1
                return k
        else:
            long_run = 0
    return len(items)


# ------------------------------------------------------------------ offsets

def block_text(block) -> str:
    """The text a block contributes to LaidOut.text."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Table):
        return "\n".join(" | ".join(row) for row in block.rows)
    return "\n".join(line.text for line in block.lines)


def _finish(raw: RawDocument, header: list[Paragraph], blocks: list) -> LaidOut:
    """Assign every block its offsets into one normalised text (header first)."""
    parts, pos = [], 0
    for b in header + blocks:
        text = block_text(b)
        b.start, b.end = pos, pos + len(text)
        parts.append(text)
        pos = b.end + 1
    return LaidOut(raw=raw, header=header, blocks=blocks, text="\n".join(parts))
