"""Headings: a wrapped heading joined back, and a numbered paragraph's title split from its text.

    continues(prev, text, width, joined) -> bool       does `text` continue the line `prev`
    split_heading(heading, kind) -> (title, own text)
    sentence_goes_on(heading, text, kind) -> bool      is the paragraph after a heading the rest of its sentence
"""
from __future__ import annotations

import re
from functools import lru_cache

from vanban.lexicon import load
from vanban.lexicon.patterns import head_of
from vanban.lexicon.text import clean, is_upper_line

#: An enumeration inside a paragraph that starts a new line: "(1) Tỷ lệ dân số từ 15 tuổi", "(iii) Khai thác"
ENUMERATION = re.compile(r"^\(\w{1,4}\)\s")
#: Sentence-ending punctuation at the end of a line
LINE_END = re.compile(r"[.;:!?]\s*[\"”)]*$")


def continues(prev: str, text: str, width: float, joined: bool) -> bool:
    """Whether `text` continues the line `prev` (a paragraph broken by the page)."""
    if prev.count("**") % 2 == 1:
        return True
    prev_c, text_c = clean(prev), clean(text)
    if not prev_c or not text_c:
        return False
    ends = bool(LINE_END.search(prev_c))
    first = text_c[0]
    if is_upper_line(prev_c) and is_upper_line(text_c) and not ends:
        return True
    if joined:
        return False
    if first.islower() and not ends:
        return True
    if not ends and len(prev_c) >= 0.75 * width and (first.isupper() or first.isdigit() or first in "(“\"") \
            and not ENUMERATION.match(text_c):
        return True
    return False


#: An editor's note a web crawl appends to a heading: "Điều 8. Hỗ trợ vay vốn ... [Về cho vay ... được hướng dẫn bởi ...]"
EDITOR_NOTE = re.compile(r"\s*\[[^\]]{10,}\]\s*$")
#: Two sentences: "... thi hành Luật. Bảo đảm việc ..."
SENTENCE_BREAK = re.compile(r"[.;!?]\s+[A-ZĐÀ-Ỹ]")
#: An article's words that lead in to its content: "... với những nội dung sau:", "... như sau:"
LEAD_IN = re.compile(r":\s*$")
#: an article's words that are its content: a lead-in, or a whole sentence ("Điều 2. Sở Xây dựng chủ trì
#: phối hợp với Trung tâm Phục vụ hành chính công ... ."), not a name ("Điều 2. Tổ chức thực hiện")
ARTICLE_CONTENT = re.compile(r"[:.;]\s*$")
#: a lead-in is a sentence, not a name: at least this many words ("Điều 3. Hiệu lực thi hành:" is a name)
LEAD_IN_WORDS = 8
#: A note in brackets after an article's sentence: "... của Thanh tra tỉnh. (Chi tiết theo Phụ lục đính kèm)"
TRAILING_NOTE = re.compile(r"(?<=[.;])\s*\([^()]{3,}\)\s*$")
#: A body-name head before a colon: "Sở Nội vụ: Chủ trì, phối hợp...", "Thanh tra tỉnh:"
COLON_HEAD = re.compile(r"^(?P<head>[^:]{2,120}?)\s*:\s*(?P<rest>.*)$")


@lru_cache(maxsize=1)
def _never_final() -> frozenset[str]:
    """Words a title never ends with (header_words.yaml): "Điều 4. Các" is a broken sentence."""
    return frozenset(load("header_words.yaml")["title_never_ends_with"])


@lru_cache(maxsize=1)
def _lead_in_verb() -> re.Pattern:
    """An article's opening verb that makes a ':' line a lead-in (header_words.yaml article_lead_in_verbs)."""
    return head_of(load("header_words.yaml")["article_lead_in_verbs"])


def split_heading(heading: str, kind: str = "arabic") -> tuple[str, str]:
    """(title, own text) of a numbered paragraph.

    "Mục đích" -> title; "Sở Nội vụ: Chủ trì ... ." -> ("Sở Nội vụ", "Chủ trì ... ."); a long
    sentence (run-in paragraph) -> ("", the sentence).  An article whose words lead in to its
    content is no heading (contract 1.1): "Điều 1. Phê duyệt Đề án ... với những nội dung sau:"
    -> ("", the sentence), while "Điều 2. Tổ chức thực hiện" is a title.  A web crawl's editor
    note after a heading ("[Về cho vay ... được hướng dẫn bởi ...]") goes to the text."""
    text = clean(heading)
    note = EDITOR_NOTE.search(text) if "[" in text else None       # the cheap test first
    title, lead = _split_heading(EDITOR_NOTE.sub("", text) if note else text, kind)
    if note:
        lead = f"{lead} {note.group().strip()}".strip()
    return title, lead


def _split_heading(h: str, kind: str) -> tuple[str, str]:
    if not h:
        return "", ""
    if kind == "article" and (ARTICLE_CONTENT.search(TRAILING_NOTE.sub("", h)) and len(h.split()) >= LEAD_IN_WORDS
                              or h.endswith(",") or h.split()[-1].casefold() in _never_final()
                              or LEAD_IN.search(h) and _lead_in_verb().match(h)):
        return "", h            # (a sentence broken after a comma: "Điều 4. Sở Xây dựng," + "Trung tâm ...")
    if not h:
        return "", ""
    bare = h.rstrip(" :;")
    sentence_end = h.rstrip().endswith((".", ";", ",")) and not bare.endswith("./.")
    words = len(bare.split())
    limit = 400 if kind in ("article", "chapter", "subchapter", "roman") else 200
    if not sentence_end and (len(bare) <= limit or is_upper_line(bare)) and (":" not in bare or words <= 25):
        if _run_in_after_colon(bare):
            m = COLON_HEAD.match(h)
            return m["head"].strip(), m["rest"].strip()
        return bare, ""
    m = COLON_HEAD.match(h)
    if m and len(m["head"].split()) <= 12 and not LINE_END.search(m["head"]):
        return m["head"].strip(), m["rest"].strip()
    if sentence_end and kind != "letter" and len(h) <= 300 and not SENTENCE_BREAK.search(h.rstrip(".; ")):
        return bare.rstrip(".; "), ""            # a one-sentence paragraph: the sentence is its heading
    return "", h


#: The marker kinds whose paragraph may be a run-in sentence broken over lines (not articles, chapters, parts)
RUN_IN_KINDS = frozenset({"arabic", "dotted", "letter"})


def sentence_goes_on(heading: str, text: str, kind: str) -> bool:
    """Is `text`, the paragraph after a numbered line ending in ';', the rest of that line's sentence?
    A ';' separates the parts of one sentence, so a numbered line ending in one is no heading when
    unnumbered text follows it in the same item: "3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;" /
    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan thanh tra ... khẩn trương
    triển khai ... để được hướng dẫn." (pool md/fa0dcc139cec05de).  A list item with no text of its own
    ("1. Ủy ban Kiểm sát;") keeps its title, and so does a heading wrapped after its ';' whose rest is no
    sentence ("Trách nhiệm của các bộ, cơ quan ngang bộ, cơ quan trực thuộc Chính phủ;" / "Ủy ban nhân dân
    các tỉnh, thành phố trực thuộc Trung ương", corpus 090)."""
    h = clean(heading)
    return kind in RUN_IN_KINDS and h.endswith(";") and ":" not in h and len(h.split()) <= 40 \
        and bool(text) and text[:1].isupper() and not is_upper_line(text) \
        and bool(LINE_END.search(text)) and not text.rstrip().endswith(";")


def _run_in_after_colon(bare: str) -> bool:
    """Does a sentence start after the heading's colon, so that the heading line ran on into the text
    ("2. Đẩy mạnh rà soát, xây dựng, hoàn thiện thể chế, cơ chế chính sách: Các bộ khẩn trương trình" +
    "Chính phủ ban hành ...", pool md/74e2ddc7b11340da.md)? A capital after it and a clause: three lower-case
    words in a row. A list of names after the colon stays in the title ("12. Ủy ban nhân dân các xã: Gia Thuận,
    Tân Điền, ...", "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, ...")."""
    m = COLON_HEAD.match(bare)
    rest = m["rest"].strip() if m else ""
    words = rest.split()
    clause = any(all(w.islower() and w.isalpha() for w in words[i:i + 3]) for i in range(1, len(words) - 2))
    return bool(rest[:1].isupper() and clause and len(m["head"].split()) <= 25)

