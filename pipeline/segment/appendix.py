"""Appendices (phụ lục) and attached documents (văn bản kèm theo): where one starts and its title.

    is_appendix_start(text, in_tail) -> bool
    appendix_title(texts, i) -> (title lines, index after the head)
    split_embedded_appendix(text) -> (offset, title lines) | None    a head flattened into a signature line
    captioned_appendix(table) -> (title lines, note lines) | None     a head printed in a table's first cell
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.lexicon.patterns import ATTACHED_INSIDE, ATTACHED_TO, PAGE_NUMBER, RULE
from vanban.lexicon.signature import is_signature_line, type_names_upper
from vanban.lexicon.text import clean, is_mostly_upper, is_upper_line

from ..markers import read_marker
from ..types import Table

#: Appendix head: "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục số 04", "PHỤ LỤC I: DANH MỤC ..."
APPENDIX_HEAD = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ|số))?\s*(?P<num>[IVXL]{1,6}|\d{1,2}[a-z]?)?\s*[.:\-–]?\s*(?P<rest>.*)$")
#: Appendix list head: "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾ HOẠCH"
APPENDIX_LIST = re.compile(r"^DANH MỤC\b")

def appendix_title(texts: list[str], i: int) -> tuple[list[str], int]:
    """The title lines of an appendix starting at texts[i] and the index after them."""
    t = texts[i]
    lines: list[str] = []
    m = APPENDIX_HEAD.match(t)
    j = i + 1
    if m and m["rest"] and not ATTACHED_TO.match(m["rest"]):
        lines.append(m["rest"])
    elif not m:
        lines.append(t)
    # the title continues on upper-case lines (or a summary line under a bare type word)
    while j < len(texts):
        s = texts[j]
        if s is None:
            break
        if not s or RULE.match(s):
            j += 1
            if lines:
                break
            continue
        if ATTACHED_TO.match(s):
            j += 1
            # "(Kèm theo ..." may wrap onto the next line
            while j < len(texts) and texts[j] and ")" not in texts[j - 1] and not is_upper_line(texts[j]) \
                    and len(texts[j]) < 160 and texts[j - 1].count("(") > texts[j - 1].count(")"):
                j += 1
            break
        if read_marker(s) and lines:
            break
        if (is_upper_line(s) or is_mostly_upper(s)) and not PAGE_NUMBER.match(s):
            lines.append(s)
            j += 1
            continue
        if lines and len(lines) == 1 and lines[0].upper() in type_names_upper() and len(s) < 400:
            inside = ATTACHED_INSIDE.search(s)
            lines.append(s[:inside.start()] if inside else s)   # "QUY CHẾ" / "Quản lý các cụm công nghiệp ..."
            j += 1
            if inside:
                break
            continue
        break
    if len(lines) > 1 and lines[0].rstrip(":. ") in type_names_upper():
        lines = lines[1:]              # "QUY CHẾ" / "Quản lý các cụm ...": the summary is the title
    return lines, j


def split_embedded_appendix(text: str) -> Optional[tuple[int, list[str]]]:
    """An appendix head flattened into the end of the signature paragraph (web crawls):
    "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI ... NĂM 2015 (Ban hành kèm theo ...)"
    -> (offset where the head starts, title lines)."""
    m = ATTACHED_INSIDE.search(text)
    if not m:
        return None
    words = text[:m.start()].split()
    k = len(words)
    while k > 0 and not any(c.islower() for c in words[k - 1]):
        k -= 1
    run = words[k:]
    types = type_names_upper()
    for j in range(len(run)):
        head2, head1 = " ".join(run[j:j + 2]), run[j]
        if head2 in types or head1 in types or head2 in ("PHỤ LỤC", "DANH MỤC"):
            title = run[j:]
            n = 2 if head2 in types else 1 if head1 in types else 0
            if n and len(title) > n:
                title = title[n:]
            pos = len(" ".join(words[:k + j]))
            return pos, [" ".join(title)]
    return None


def captioned_appendix(table: Table) -> Optional[tuple[list[str], list[str]]]:
    """An appendix whose head a converter put in the first cell of its table, above the column heads:
    "DANH MỤC TTHC THỰC HIỆN KHÔNG PHỤ THUỘC VÀO ĐỊA GIỚI HÀNH CHÍNH ... (Kèm theo Quyết định số ...)" |
    "TT" | "Mã TTHC" | ... (pool md/128b34e0abc1c504) -> (title lines, the "(Kèm theo ...)" note).
    The head is upper case and says what it is attached to; what follows the note in the cell
    ("A. Danh mục thủ tục hành chính mới ban hành") is content, not title."""
    cell = clean(table.rows[0][0]) if table.rows and table.rows[0] else ""
    m = ATTACHED_INSIDE.search(cell)
    if m is None or m.start() > 400:
        return None
    head = cell[:m.start()].strip()
    if not is_upper_line(head) or is_signature_line(head):
        return None
    h = APPENDIX_HEAD.match(head)
    title = h["rest"] if h and h["rest"] else head
    close = cell.find(")", m.end())
    note = cell[m.start():close + 1 if close > 0 else len(cell)].strip()
    return [title], ([head[:h.start("rest")].strip()] if h and h["rest"] else []) + [note]


@lru_cache(maxsize=16384)
def is_appendix_start(text: str, in_tail: bool) -> bool:
    """Does the paragraph open an appendix (a document attached: `PHỤ LỤC I`, a type's head in the
    tail)?  Remembered: the segment walk asks about a paragraph more than once (issue 13)."""
    if APPENDIX_HEAD.match(text):
        m = APPENDIX_HEAD.match(text)
        rest = m["rest"]
        if rest[:1] in (";", ",") or text.rstrip().endswith((";", ",")):
            return False        # an item of an amending list: "Phụ lục II;" (pool md/68c706de4d068f13)
        # "Phụ lục kèm theo" in a sentence is not a head; "PHỤ LỤC" / "Phụ lục I" / "PHỤ LỤC: DANH MỤC" are
        return text.startswith("PHỤ LỤC") or not rest or is_upper_line(rest) or bool(m["num"]) and len(rest) < 200 \
            and not rest[0].islower()
    if APPENDIX_LIST.match(text) and is_upper_line(text):
        return True
    if in_tail and is_upper_line(text) and not is_signature_line(text):
        head = text.split(":")[0].strip()
        return head in type_names_upper() or any(head.startswith(n + " ") for n in type_names_upper())
    return False
