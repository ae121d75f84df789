"""Where the header (phần đầu văn bản) ends, on the reader's lines (before paragraph joining).

    split_header_lines(items, blanks_meaningful) -> (header lines, body items)
    split_merged(line) -> [Line]            a header line that extraction merged, split
    type_names() / doc_type_prefix(text, names) / is_upper(text)

The layout stage calls split_header_lines so that header lines stay one a paragraph;
the segment stage (pipeline.segment) is the one owner of every zone boundary and
falls back to its block-level rule (segment.zones) when layout found no header.

Steps: a window of the first lines (merged lines split: issuer + motto, Số + place/date,
date + type), its anchors (motto, Số line, place/date line), then either the type line
and the summary title (trích yếu) under it, or a công văn's V/v subject lines.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from vanban.lexicon import doc_types, load
from vanban.lexicon.patterns import ADDRESSEE as ADDRESSEE_EXACT, ADDRESSEE_ANY_CASE, BODY_OPENER, MOTTO, MOTTO_SUB, PAGE_NUMBER

from ..markers import LINE_MARKER as MARKER
from ..types import Line

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
#: a separator rule: "–––––––––", "_______________", "-------", "***"
SEPARATOR = re.compile(r"^[\s\-–—_=*.…~]{3,}$")
#: a sentence end: ".", ";", ":", "!", "?", "./." and closing quotes/brackets after them
SENTENCE_END = re.compile(r"[.;:!?…][\"”’)]*$")
ADDRESSEE = ADDRESSEE_ANY_CASE


def opens_body(text: str) -> bool:
    """A body opener ("Căn cứ", "Thực hiện", ...) or "Kính gửi" starts the line."""
    return bool(BODY_OPENER.match(text) or ADDRESSEE_EXACT.match(text))


@lru_cache(maxsize=1)
def type_names() -> tuple[str, ...]:
    """Document type names in upper case, longest first: "QUYẾT ĐỊNH", "KẾ HOẠCH"."""
    names = sorted({d.name.upper() for d in doc_types()} | {a.upper() for d in doc_types() for a in d.aliases
                                                            if " " in a or len(a) > 4},
                   key=len, reverse=True)
    return tuple(names)


def glued_type(text: str, names: tuple[str, ...]) -> str | None:
    """A type line with its sentence-case title glued on by the converter (two bold runs):
    "NGHỊ ĐỊNHVề hợp đồng thực hiện nhiệm vụ ..." -> "NGHỊ ĐỊNH" (pool md/355bcc582867074b)."""
    for name in names:
        if text.startswith(name) and len(text) > len(name) + 1 and text[len(name)].isupper() \
                and text[len(name) + 1].islower():
            return name
    return None


def is_upper(text: str) -> bool:
    """Nine letters in ten upper case.  A sentence stops being read once its letters not in upper
    case outrun a tenth of its length by one (then fewer than nine in ten are, whatever follows):
    6x faster on the corpus's lines, most of which are sentences (issue 13)."""
    most_not_upper = len(text) + 10             # ten times the letters not upper that may be
    letters = not_upper = 0
    for c in text:
        if c.isalpha():
            letters += 1
            if not c.isupper():
                not_upper += 1
                if 10 * not_upper > most_not_upper:
                    return False
    return bool(letters) and letters - not_upper >= 0.9 * letters


def split_merged(line: Line) -> list[Line]:
    """Split a header line that extraction merged: issuer + motto, Số + place/date, date + type;
    a layout-table row flattened to one `|` line is split at its cells first."""
    cells = _header_cells(line.text)
    if cells:
        return [part for cell in cells for part in split_merged(replace(line, text=cell))]
    if SEPARATOR.match(line.text) or opens_body(line.text) or MARKER.match(line.text):
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
        if m and is_upper(p[:m.start()]):
            nxt += [p[:m.start()], p[m.end():]]     # an upper-case summary and the first "Căn cứ"
        else:
            nxt.append(p)
    parts = nxt
    names = type_names()
    out = []
    for p in parts:
        name = doc_type_prefix(p, names)
        glued = None if name else glued_type(p, names)
        if name and MERGED_SUMMARY.match(p[len(name):]) or glued:
            name = name or glued
            out += [p[:len(name)].strip(), p[len(name):].strip()]
        else:
            out.append(p)
    if len(out) == 1 and out[0] == line.text:
        return [line]
    return [replace(line, text=t) for t in out if t]


def doc_type_prefix(text: str, names: tuple[str, ...]) -> str | None:
    """The document type name a line starts with, in upper case: "QUYẾT ĐỊNH", "KẾ HOẠCH"."""
    for name in names:
        if text.startswith(name) and (len(text) == len(name) or not text[len(name)].isalnum()):
            return name
    return None


def _is_doc_type_line(text: str, names: tuple[str, ...]) -> bool:
    t = text.rstrip(" :")
    return is_upper(t) and t in names


def split_header_lines(items: list, blanks_meaningful: bool) -> tuple[list[Line], list]:
    """Find where the header ends; return (header lines, body items)."""
    names = type_names()
    # the window: lines before the first table, at most 60 non-blank lines
    window: list[Line] = []
    pos = 0
    while pos < len(items) and isinstance(items[pos], Line) and len(window) < 80:
        if items[pos].text:
            window.extend(split_merged(items[pos]) if len(window) < 30 else [items[pos]])
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
        if first is not None and doc_type_prefix(window[first].text.upper(), names) \
                and not SENTENCE_END.search(window[first].text) and not window[first].paragraph:
            return [window[first]], window[first + 1:] + rest
        return [], items                        # everything is body
    anchors = [i for i in (motto, number, date) if i is not None]
    doc_type = None
    for i in range(min(anchors), min(len(window), max(anchors) + 25)):
        t = window[i].text
        if t and (ADDRESSEE.match(t) or MARKER.match(t) and not is_upper(t)):
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
    while k < len(header) and header[k].text.rstrip(" :").upper() in labels and is_upper(header[k].text):
        k += 1
    out: list[Line] = []
    for ln in header[k:]:
        if out and ln.text == out[-1].text and is_upper(ln.text) and not MOTTO.search(ln.text):
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
        upper = is_upper(t)
        if (opens_body(t) or MARKER.match(t) or SUBJECT_LINE.match(t) and summary
                or summary >= 6 or (prev_upper is False and upper) or (summary and t.endswith(":"))
                or prev_upper and not upper and t[:1].isupper()):
            # (the last: a title in capitals ends where a sentence in ordinary case begins, "... THỰC" / "HIỆN
            # NGHỊ QUYẾT SỐ 66-NQ/TW" / "Ngày 28 tháng 11 năm 2025, tại", pool md/405a6cabda393030.md)
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
        if ADDRESSEE.match(t) or opens_body(t) or MARKER.match(t):
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




def _header_cells(text: str) -> list[str] | None:
    """The cells of a header layout table that a converter wrote on one `|` line, when one of
    them is a header anchor: "| Luật số: 51/2024/QH15 | LUẬT" -> ["Luật số: 51/2024/QH15", "LUẬT"]
    (pool md/4c21d5c3a31dc7a2); None for any other line."""
    if "|" not in text:
        return None
    cells = [c.strip() for c in text.strip().strip("|").split("|") if c.strip()]
    if len(cells) < 2 and text.strip().strip("|").strip() == text.strip():
        return None
    names = type_names()
    if any(NUMBER_LINE.match(c) or DATE_LINE.match(c) or MOTTO.search(c) or MOTTO_SUB.search(c)
           or c.rstrip(" :") in names for c in cells):
        return cells
    return None
