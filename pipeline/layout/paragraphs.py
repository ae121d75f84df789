"""Layout steps 4-5: body lines joined into paragraphs.  Never before a numbered marker
(`I.`, `1.1.`, `a)`, `-`, `Điều 5.`), never across `paragraph=True` lines, always for a
continuation (`... tôn vinh trí` + `thức, trọng dụng nhân tài`); the signature block and
the recipients list (nơi nhận) stay one physical line a paragraph.

    body_blocks(items, blanks_meaningful, plain_text) -> [Paragraph | Table | FlatTable]
    split_glued_markers(items) -> items      join_bare_markers(blocks) -> blocks
"""
from __future__ import annotations


from vanban.lexicon.patterns import ADDRESSEE_ANY_CASE as ADDRESSEE, PAGE_NUMBER

from ..markers import LINE_MARKER as MARKER
from ..segment.header import SENTENCE_END, SEPARATOR, is_upper
from ..types import FlatTable, Line, Paragraph, Table, replaced
from .flat_tables import flat_table_regions
from .patterns import (APPENDIX_TITLE, ARTICLE_CITED, ARTICLE_WORDS, BARE_MARKER, CAPACITY, FULL_STOP_END,
                       GLUED_ARTICLE, GLUED_FIRST_CHILD, GLUED_FIRST_ITEM, INDENT_MAX, INDENT_MIN, PAREN_ITEM,
                       RECIPIENTS, SIGNED_NOTE, SPLIT_HYPHEN, either, signature_titles)

#: a line that carries no text: a rule, or a page number (unless the reader made it a paragraph)
NO_TEXT = either(SEPARATOR, PAGE_NUMBER)
#: a line that opens a paragraph whatever is above it: a marker, the recipients list, an addressee
OPENS = either(MARKER, RECIPIENTS, ADDRESSEE)
#: a line that opens the one-line-a-paragraph mode: the recipients list, a signer capacity
LIST_OPENS = either(RECIPIENTS, CAPACITY)

def _typical_length(lengths: list[int]) -> int:
    """The typical length of a line, from the sorted lengths of the lines with text that are no paragraph."""
    if len(lengths) < 10:
        return 80
    return max(40, lengths[int(len(lengths) * 0.8)])


def body_blocks(items: list, blanks_meaningful: bool, plain_text: bool = True) -> list:
    """Body items -> blocks.  `plain_text` (PDF or text extraction): a short line ends its
    paragraph and flattened tables are looked for; False for converter Markdown, whose first
    lines are short for no reason and whose tables are explicit."""
    short_lines_end = plain_text
    lengths = sorted(len(it.text) for it in items if isinstance(it, Line) and it.text and not it.paragraph)
    typical = _typical_length(lengths)
    gap = _typical_gap(items)
    # a web crawl writes one paragraph a line (median line of 150+ characters): only a line
    # starting in lower case continues the one before
    one_per_line = bool(lengths) and lengths[len(lengths) // 2] > 150
    flat = flat_table_regions(items) if plain_text else {}
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
        if NO_TEXT.match(text) and (not it.paragraph or SEPARATOR.match(text)):
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
        if current and text.startswith(ARTICLE_WORDS) and ARTICLE_CITED.match(text) \
                and not FULL_STOP_END.search(current[-1].text):
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
                        or not short_lines_end and _wrapped_heading_ended(current, it, typical)
                        or _geometry_break(current[-1], it, gap)):
            close()
        current.append(it)
        blank_before = False
    close()
    return blocks


def _wrapped_heading_ended(current: list[Line], cur: Line, typical: int) -> bool:
    """Converter Markdown, whose lines are wrapped at a width that counted the source's markup: a
    numbered heading wrapped over two lines that together fill less than one line ends there, and
    a capitalised line opens the text (`**Điều 4.** Điều khoản chuyển` + `tiếp` + `Hội đồng trường,
    Chủ tịch Hội đồng trường, ...`, pool md/71ce6a1744e0ae6c.md)."""
    if len(current) < 2 or not cur.text[:1].isupper() or not MARKER.match(current[0].text):
        return False
    joined = " ".join(ln.text for ln in current)
    return len(joined) < 0.6 * typical and not SENTENCE_END.search(joined) and len(current[-1].text.split()) <= 2


def _paren_item(text: str, last: int) -> tuple[bool, int]:
    """(does this line open a "(N)" item, the last such number): "(1)" opens a sequence, "(N)"
    continues it when N follows the last number; the text after the marker starts upper case."""
    m = PAREN_ITEM.match(text) if text[0] == "(" else None      # (most lines: no "(" first, no match)
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


def split_glued_markers(items: list) -> list:
    """Split a heading from its first child's marker glued to its end (web crawls):
    "III. TỔ CHỨC THỰC HIỆN 1." -> "III. TỔ CHỨC THỰC HIỆN" + "1." (the child's number
    continuing the heading's is what makes the split safe); and an article heading a converter
    glued after the sentence before it: "... trên địa bàn thành phố Hà Nội. Điều 1. Phạm vi ..."."""
    out: list = []
    for it in items:
        if isinstance(it, Line) and not it.paragraph and "Điều" in it.text and GLUED_ARTICLE.search(it.text):
            parts = GLUED_ARTICLE.split(it.text)      # "... thành phố Hà Nội. Điều 1. Phạm vi điều chỉnh ..."
            out += [replaced(it, text=p) for p in parts if p]
            continue
        if isinstance(it, Line) and not it.paragraph and it.text:
            # (each pattern needs the child's number: "N.1." or "1.")
            m = GLUED_FIRST_CHILD.match(it.text) if ".1." in it.text else None
            if not m and "1." in it.text:
                m = GLUED_FIRST_ITEM.match(it.text)
                m = m if m and is_upper(m.group("head")) else None
            if m:
                out += [replaced(it, text=it.text[:m.end()].rstrip()), replaced(it, text=it.text[m.end():])]
                continue
        out.append(it)
    return out


def join_bare_markers(blocks: list) -> list:
    """A marker alone ("Điều 1.", "2.", "1.4.") and the paragraph after it are one paragraph,
    unless that paragraph opens with a marker of its own or is the recipients list / signature."""
    out: list = []
    for b in blocks:
        prev = out[-1] if out else None
        if (isinstance(b, Paragraph) and isinstance(prev, Paragraph) and BARE_MARKER.match(prev.text)
                and not (MARKER.match(b.text) or RECIPIENTS.match(b.text) or CAPACITY.match(b.text))):
            out[-1] = replaced(prev, text=f"{prev.text} {b.text}", bold=prev.bold if prev.bold == b.bold else None)
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
    titles = signature_titles()
    bare = (SIGNED_NOTE.sub("", text) if "(" in text else text).strip(" :")    # the note opens with "("
    if LIST_OPENS.match(text) or bare in titles:
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
    if OPENS.match(text):
        return True
    first = text[0]
    if first.islower() or first in ",.;:)]%":
        return False                       # a continuation: "trí" + "thức, trọng dụng nhân tài"
    if prev.bold and not cur.bold:
        return True                        # an emphasised heading line ended
    prev_upper, cur_upper = is_upper(before), is_upper(text)
    if prev_upper and not cur_upper:
        return True                        # an upper-case heading ended: "THỦ TƯỚNG CHÍNH PHỦ" + "Căn cứ"
    if SENTENCE_END.search(before) and (first.isupper() or not first.isalnum()) and (
            short_lines_end or len(before) < 0.85 * typical):
        return True                        # "... nội dung chủ yếu sau:" + "I. MỤC ĐÍCH"
        # (converter Markdown wraps at a fixed width: a full line ending in ";" goes on)
    if before.rstrip().endswith(".") and first.isalpha() and cur_upper and not prev_upper:
        return True                        # a sentence ended, an upper-case heading starts, however long the
        # sentence's line: "... theo dõi, đôn đốc việc triển khai thực hiện Nghị quyết này." + "KẾ HOẠCH"
        # (pool md/ae8d299abf846604)
    if short_lines_end and len(before) < 0.6 * typical and first.isupper() and not prev_upper:
        return True                        # a short line ends a heading: "1. Mục tiêu đến năm 2030"
    return False


def _paragraph(lines: list[Line]) -> Paragraph:
    if len(lines) == 1:                    # (the loop's result for one line)
        ln = lines[0]
        return Paragraph(text=ln.text, page=ln.page, bold=None if ln.bold is None else bool(ln.bold),
                         centered=ln.centered)
    text = lines[0].text
    for ln in lines[1:]:
        # the hyphen ends the text: read its last three characters, not the whole paragraph again
        if "-" in text[-2:] and SPLIT_HYPHEN.search(text, max(0, len(text) - 3)) and ln.text[:1].isalnum():
            text += ln.text                # "45-" + "NQ/TW" -> "45-NQ/TW"
        else:
            text += " " + ln.text
    bold = all(ln.bold for ln in lines) if any(ln.bold is not None for ln in lines) else None
    centered = lines[0].centered
    page = next((ln.page for ln in lines if ln.page is not None), None)
    return Paragraph(text=text, page=page, bold=bold, centered=centered)

