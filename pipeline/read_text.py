"""Reader for plain text, converter Markdown and OCR JSON dumps.

    read_text(path, data, sha256, kind) -> RawDocument      (format "txt"; detail says which flavour)

Flavours (RawDocument.detail, joined by "," when several apply):
  - plain text, UTF-8 or UTF-16 ("utf-16"), pages split on form feeds (\\f);
  - Markdown written by web-to-text converters ("md"): one-cell-per-line pipe tables,
    **bold**/*italic* markers, hard wraps; the header pseudo-table (issuer | motto,
    Số | place/date) and the Kính gửi / Nơi nhận / signature layout tables become
    Lines, real tables become Table items (pipeline/read_markdown.py);
  - OCR JSON dumps ("json"): {heading: [lines...]} walked in order;
  - word-segmented text ("word-segmented"): `Quyết_định` -> `Quyết định`.

A blank line in the source is kept as an empty Line: layout uses it as a paragraph
break hint where blank lines are meaningful (Markdown), and ignores it where they
follow every line (some PDF extractions).
"""
from __future__ import annotations

import json
import re

from .errors import UnsupportedFormat
from .read_markdown import is_markdown, markdown_items
from .text_table import find_column_tables
from .types import Line, RawDocument
#: a syllable joined by word segmentation: `Quyết_định`, `nhân_dân`
SEGMENTED_WORD = re.compile(r"(?<=\w)_(?=\w)")
#: spaces the segmenter put before punctuation: `phổ_biến , giáo_dục`, `2003 ;`
SEGMENTED_SPACE_BEFORE = re.compile(r"\s+([,;:.!?)\]”])")
#: spaces the segmenter put after an opening bracket: `( sau đây`
SEGMENTED_SPACE_AFTER = re.compile(r"([(\[“])\s+")
#: a gap of six or more spaces before an upper-case word or a bracket: a second column in
#: `pdftotext -layout` text: "Nơi nhận:                               KT. TRƯỞNG ĐOÀN".  The six spaces come
#: first and the look-behind after them (the matches of `(?<=\S) {6,}(?=...)`): re then finds the
#: candidates by a search for six spaces, not by trying every position (issue 13)
COLUMN_GAP = re.compile(r" {6}(?<=\S {6}) *(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ(])")
#: words after which a wide gap is a blank to fill in, not a column: "Số:", "ngày", "số"
COLUMN_GAP_NOT_AFTER = ("Số:", "số:", "Số", "số", "ngày", "tháng", "năm")
#: the recipients list (nơi nhận) opening the left column of the signature block:
#: "Nơi nhận:                                               KT. CHỦ TỊCH" (008)
RECIPIENTS_COLUMN = re.compile(r"^\s*Nơi\s+nhận\b", re.IGNORECASE)
#: a footnote at a page's foot in `pdftotext -layout` text, after a blank line: its number, a
#: space, its text: "   1 Các quy định của Luật Địa chất và Khoáng sản năm 2024 ..." (008)
FOOTNOTE_START = re.compile(r"^\s{0,8}(\d{1,2})\s+(?=[^\W\d_]|[(“\"])")
#: a lone page number line that may follow the footnotes: "                2"
PAGE_NUMBER_LINE = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")
#: a word hyphen split over a line break: "Nghị quyết số 10-" + "NQ/TW"
LINE_END_HYPHEN = re.compile(r"\w-$")
#: a form feed with the page number pdftotext prints on the same line: `\f   2`
FORM_FEED = re.compile(r"\f")
#: a key that names a field rather than holding text: "text", "page_1", "content" (ASCII identifiers)
JSON_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,30}$")
#: the quote an OCR dump leaves at the start/end of a line: `'Căn cứ Luật ...'`
JSON_QUOTE = re.compile(r"^\s*'|'\s*$")

def decode(path: str, data: bytes) -> tuple[str, str | None]:
    """Bytes -> (str, encoding detail): UTF-8 (with or without BOM), UTF-16 (BOM or not); else a clear error."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), None
        except UnicodeDecodeError as exc:
            raise UnsupportedFormat(path, f"not valid UTF-8 text (undecodable byte at offset {exc.start + 3})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise UnsupportedFormat(path, "not valid UTF-16 text")
    if b"\x00" in data[:4096]:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            sample = text[:2000]
            if sample and sum(c.isprintable() or c.isspace() for c in sample) > 0.95 * len(sample):
                return text, "utf-16"
        raise UnsupportedFormat(path, "binary data, not UTF-8 or UTF-16 text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        raise UnsupportedFormat(
            path, f"not UTF-8 or UTF-16 text (undecodable byte at offset {exc.start}); "
                  "a legacy encoding (TCVN3/VNI) text file is not supported")


def read_text(path: str, data: bytes, sha256: str, kind: str = "text") -> RawDocument:
    text, encoding = decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    details = [encoding] if encoding else []
    if kind == "json":
        items = _json_items(path, text)
        details.insert(0, "json")
    elif is_markdown(text):
        items = markdown_items(text)
        details.insert(0, "md")
    else:
        items = _plain_items(text)
    if is_word_segmented(items):
        items = [_unsegment(it) for it in items]
        details.append("word-segmented")
    pages = max((it.page or 0 for it in items), default=0) or None
    return RawDocument(path=path, sha256=sha256, format="txt", items=items, pages=pages,
                       detail=",".join(details) or None)


# --------------------------------------------------------------------- plain text

def _plain_items(text: str) -> list:
    """One Line per physical line; a form feed starts a new page; a table laid out by
    spaces (`pdftotext -layout`, see text_table.py) becomes one Table."""
    chunks = FORM_FEED.split(text)
    while len(chunks) > 1 and not chunks[-1].strip():
        chunks.pop()                      # a form feed ending the file opens no page
    paged = len(chunks) > 1
    items: list = []
    notes: list[Line] = []              # footnotes waiting for the next paragraph start
    for number, chunk in enumerate(chunks, start=1):
        page = number if paged else None
        physical = chunk.split("\n")
        found: list[str] = []
        if paged:
            physical, found = _take_footnotes(physical)
        tables = {t.start: t for t in find_column_tables(physical)}
        signature: list[Line] = []          # the signer's column, emitted after the recipients
        signing = False
        k = 0
        while k < len(physical):
            if k in tables:
                table = tables[k].table
                table.page, table.row_pages = page, [page] * len(table.rows)
                items.append(table)
                k = tables[k].end
                continue
            raw_line = physical[k]
            parts = split_columns(raw_line)
            if len(parts) > 1 and RECIPIENTS_COLUMN.match(raw_line):
                signing = True              # "Nơi nhận:  ...  KT. CHỦ TỊCH": two columns, left one first
            elif signing and not raw_line.strip():
                items += signature          # the recipients list ended: the signer's column follows
                signature, signing = [], False
            for n, part in enumerate(parts):
                # the left part keeps the line's indent; a right column part is far right
                indent = len(raw_line) - len(raw_line.lstrip(" ")) if n == 0 else max(raw_line.find(part), 0)
                if notes and n == 0 and 3 <= indent <= 12 and part.strip()[:1] and not part.strip()[0].islower():
                    items += notes      # the paragraph the page break cut has ended: its footnotes here
                    notes = []
                (signature if signing and n > 0 else items).append(Line(text=part, page=page, indent=indent))
            k += 1
        items += signature
        notes += [Line(text=t, page=page, paragraph=True) for t in found]
    return items + notes


def _take_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """A page's footnotes in `pdftotext -layout` text: after the page's last blank line, lines
    opening with a number that the page's text carries glued to a word ("khoáng sản1.").
    Returns the page without them (the glued numbers removed) and the footnotes' texts,
    each footnote's wrapped lines joined."""
    end = len(lines)
    while end and (not lines[end - 1].strip() or PAGE_NUMBER_LINE.match(lines[end - 1])):
        end -= 1
    # the footnotes start after a blank line, in the page's last lines (blank lines may follow)
    blank = next((i for i in range(end - 1, max(0, end - 30), -1)
                  if not lines[i].strip() and i + 1 < end and FOOTNOTE_START.match(lines[i + 1])
                  and _glued(lines[:i], FOOTNOTE_START.match(lines[i + 1]).group(1))), None)
    if blank is None:
        return lines, []
    body = lines[:blank]
    notes: list[list[str]] = []
    for ln in lines[blank + 1:end]:
        if not ln.strip():
            continue
        m = FOOTNOTE_START.match(ln)
        if m and _unglue(body, m.group(1)):
            notes.append([ln.strip()])
        elif notes:
            notes[-1].append(ln.strip())
    if not notes:
        return lines, []
    texts = []
    for parts in notes:
        text = parts[0]
        for p in parts[1:]:
            text += p if LINE_END_HYPHEN.search(text) and p[:1].isalnum() else " " + p
        texts.append(text)
    return body + lines[blank:blank + 1] + lines[end:], texts


def _glued_number(number: str) -> re.Pattern:
    """A footnote number glued to the word before it: "khoáng sản1." (number "1")."""
    return re.compile(rf"(?<=[^\W\d_]){number}(?=[\s.,;:)”\"]|$)")


def _glued(body: list[str], number: str) -> bool:
    pattern = _glued_number(number)
    return any(pattern.search(ln) for ln in body)


def _unglue(body: list[str], number: str) -> bool:
    """Remove the footnote number glued to a word in the page's text ("khoáng sản1." ->
    "khoáng sản."); False when no such number is there."""
    glued = _glued_number(number)
    for k in range(len(body)):
        new, count = glued.subn("", body[k], count=1)
        if count:
            body[k] = new
            return True
    return False


def split_columns(text: str) -> list[str]:
    """Split a `pdftotext -layout` line holding two columns at a wide gap:
    "   SỞ CÔNG THƯƠNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" -> two lines.
    Blanks left for a number or a day are not columns: "Số:             /KH-UBND",
    "Bắc Giang, ngày       tháng 6 năm 2024"."""
    if " " * 6 not in text:
        return [text]                     # no gap of six spaces: one column (most lines)
    parts = [text]
    while True:
        m = COLUMN_GAP.search(parts[-1].strip())
        if m is None:
            return parts
        last = parts[-1].strip()
        left, right = last[:m.start()], last[m.end():]
        if left.endswith(COLUMN_GAP_NOT_AFTER):
            return parts
        parts[-1:] = [left, right]


# --------------------------------------------------------------------- word-segmented

def is_word_segmented(items) -> bool:
    """True when many words are joined by underscores (`Quyết_định ban_hành kế_hoạch`)."""
    sample = " ".join(it.text for it in items[:200] if isinstance(it, Line))
    if "_" not in sample:                          # the cheap test first: no underscore, no joined word
        return False
    words = sample.split()
    if len(words) < 20:
        return False
    joined = sum(1 for w in words if "_" in w and SEGMENTED_WORD.search(w))
    return joined > 0.1 * len(words)


def _unsegment(item):
    if isinstance(item, Line):
        t = SEGMENTED_WORD.sub(" ", item.text)
        t = SEGMENTED_SPACE_BEFORE.sub(r"\1", t)
        item.text = SEGMENTED_SPACE_AFTER.sub(r"\1", t)
    return item


# --------------------------------------------------------------------- OCR JSON

#: keys of an OCR dump that name fields rather than holding document text
JSON_FIELD_KEYS = {"Topic", "Name", "Description"}


def _json_items(path: str, text: str) -> list[Line]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnsupportedFormat(path, f"JSON that does not parse ({exc.msg} at line {exc.lineno})")
    lines: list[Line] = []

    def emit(s: str) -> None:
        s = JSON_QUOTE.sub("", s)
        if s.strip():
            lines.append(Line(text=s, paragraph=True))

    def walk(value, key: str | None = None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if k == "Number" and isinstance(v, str):
                    v = JSON_QUOTE.sub("", v).strip()
                    emit(v if "số" in v.lower() else f"Số: {v}")    # "' Luật số: 56/2020/QH14 "
                    continue
                if k not in JSON_FIELD_KEYS and not JSON_FIELD_NAME.match(k):
                    emit(k)                              # a heading used as a key: "Điều 1. Phạm vi điều chỉnh "
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            emit(value)
        # numbers (box ids, coordinates) and null carry no text

    walk(data)
    if not lines:
        raise UnsupportedFormat(path, "JSON without any text in it")
    return lines
