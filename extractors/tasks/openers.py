"""Openers  # Giao, Đề nghị, Yêu cầu: the words that ask work of a holder, and the words between a holder and its
work that are neither (an honorific, a request modal, a person's name, a time or a role aside).

    strip_opener(text)          "Giao Sở Tài chính ..." -> "Sở Tài chính ..."
    strip_honorific(text)       "đồng chí Bộ trưởng ..." -> "Bộ trưởng ..."
    without_address(text)       "Các đồng chí Bộ trưởng, ..." -> "Bộ trưởng, ..."
    strip_modal(rest)           "quan tâm, chỉ đạo triển khai ..." -> "triển khai ..."
    is_closing(work)            is the work only a closing formula ("nghiêm túc thực hiện./.")
    executes_document(work)     is the work to carry out the whole document ("... thực hiện tốt Kế hoạch này")
    with_person(who, rest)      an office and the person's name after it
    skip_asides(rest)           the work after a time or a role aside
    bracket_holder(text)        "Nhà đầu tư (Tập đoàn Đèo Cả) rà soát ..." -> "Tập đoàn Đèo Cả rà soát ..."
"""
from __future__ import annotations

import re
from functools import lru_cache

from vanban.lexicon import doc_types
from vanban.lexicon.citations import UP
from vanban.lexicon.patterns import any_case

from .cues import phrases


#: a person's name after an office: two to four capitalised words ("Phó Thủ tướng Chính phủ" + " Trần Hồng Hà")
PERSON_NAME = re.compile(r"\s*((?:[" + UP + r"][^\W\d_]*\s+){1,3}[" + UP + r"][^\W\d_]*)(?=\s+[^\W\d_" + UP + "])")
#: a time between a holder and its work: "trước ngày 15 tháng 11 năm 2025", "trong tháng 11/2025"
TIME_ASIDE = re.compile(r"^(?:trước|trong|từ|đến|vào)\s+(?:ngày|tháng|năm)\s+\d{1,4}(?:\s+tháng\s+\d{1,2}|/\d{1,2})?"
                        r"(?:\s+năm\s+\d{4}|/\d{4})?\s*,?\s*")
#: a role in brackets, its holder inside: "Nhà đầu tư (Tập đoàn Đèo Cả) rà soát ..."
BRACKETED = re.compile(r"^(?P<role>[^()]{3,40}?)\s*\((?P<who>[^()]{3,120})\)\s*(?P<rest>.*)$", re.S)


def with_person(who: str, rest: str) -> tuple[str, str]:
    """A holder that is an office and a person's name after it ("Phó Thủ tướng Chính phủ Trần Hồng Hà
    trước ngày 15 tháng 11 năm 2025 trực tiếp kiểm tra ...", pool md/50f694478a35aefd.md): the name joins
    the holder."""
    if not who.casefold().startswith(phrases().person_offices):
        return who, rest
    m = PERSON_NAME.match(rest)
    if m is None:
        return who, rest
    return f"{who} {m.group(1)}", rest[m.end():].lstrip(" ,")


def skip_asides(rest: str) -> str:
    """The work after a time or a role aside between a holder and its work ("trước ngày 15 tháng 11 năm
    2025 trực tiếp kiểm tra", "với vai trò là cơ quan thường trực Ban chỉ đạo, chủ động, phối hợp ...")."""
    rest = TIME_ASIDE.sub("", rest, count=1)
    low = rest.casefold()
    for w in phrases().role_asides:
        if low.startswith(w + " ") and 0 < rest.find(", ") < 160:
            return rest[rest.find(", ") + 2:]
    return rest


def bracket_holder(text: str) -> str:
    """A role and its holder in brackets, read as the holder ("Nhà đầu tư (Tập đoàn Đèo Cả) rà soát ..." ->
    "Tập đoàn Đèo Cả rà soát ...", pool md/50f694478a35aefd.md III.1.b); else the text."""
    m = BRACKETED.match(text)
    if m is None or m.group("role").casefold() not in phrases().bracket_roles:
        return text
    return f"{m.group('who')} {m.group('rest')}"



@lru_cache(maxsize=None)
def _self_reference() -> re.Pattern:
    """The document naming itself: "Kế hoạch này", "Quyết định này"."""
    names = sorted({e.name for e in doc_types()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r") " + SELF_WORD + r"(?!\w)", re.I)


#: the word after the document's name where it names itself: "Kế hoạch này"
SELF_WORD = "này"


def executes_document(work: str) -> bool:
    """Is a request's work to carry out the whole document, the document's closing request glued to an item
    ("Yêu cầu các sở, ban, ngành, đoàn thể tỉnh; UBND các phường, xã; các đơn vị liên quan căn cứ nhiệm vụ
    được phân công triển khai thực hiện tốt Kế hoạch này.", corpus 034 VI.21)?"""
    return _self_word().search(work) is not None and _self_reference().search(work) is not None


@lru_cache(maxsize=1)
def _self_word() -> re.Pattern:
    """The word after the document's name in `_self_reference` ("này"), in any case as re.IGNORECASE reads it, first
    letter first (lexicon.patterns.any_case): found by a fast literal search, where the whole pattern is tried at
    every character."""
    return re.compile(any_case([SELF_WORD]))



@lru_cache(maxsize=65536)
def strip_opener(text: str) -> str:
    """"Giao Sở Tài chính ..." -> "Sở Tài chính ...", "Đề nghị: Hiệp hội ..." -> "Hiệp hội ...",
    "Giao đồng chí Bộ trưởng Bộ Xây dựng ..." -> "Bộ trưởng Bộ Xây dựng ..." (the honorific goes).
    Memoised per text (a node's text is asked about again and again, issue 13)."""
    low = text.casefold()
    for op in phrases().openers:
        if low.startswith(op) and low[len(op):len(op) + 1] in (" ", ":"):
            return strip_honorific(text[len(op):].lstrip(" :"))
    return text


def without_address(text: str) -> str:
    """The holders after a form of address that opens a run-in item: "Các đồng chí Bộ trưởng, Thủ trưởng cơ
    quan ngang Bộ, cơ quan thuộc Chính phủ theo chức năng, ... đề cao trách nhiệm" -> "Bộ trưởng, ..." (pool
    md/405a6cabda393030.md item 1; assignment_words.yaml `address_words`)."""
    low = text.casefold()
    w = next((w for w in phrases().address_words if low.startswith(w + " ")), None)
    return text[len(w):].lstrip() if w and text[len(w):].lstrip()[:1].isupper() else text


def strip_honorific(text: str) -> str:
    """"đồng chí Bộ trưởng Bộ Xây dựng ..." -> "Bộ trưởng Bộ Xây dựng ..."."""
    low = text.casefold()
    for w in phrases().honorifics:
        if low.startswith(w + " "):
            return text[len(w):].lstrip()
    return text


def is_closing(work: str) -> bool:
    """Is a request's work only a closing formula ("nghiêm túc thực hiện./.", "triển khai thực hiện./."): the
    letter's last words, glued to its last item ("- Video giới thiệu Cẩm nang ... Bộ Tài chính trân trọng đề
    nghị UBND các tỉnh, thành phố quan tâm, chỉ đạo triển khai thực hiện./.", pool md/9063e901ca3fd0c3.md)?"""
    return work.strip(" ./").casefold() in phrases().closing_work


def strip_modal(rest: str) -> str:
    """The work after a request modal: "quan tâm, chỉ đạo triển khai ..." -> "triển khai ..."; the text
    itself when the modal is all there is ("quan tâm chỉ đạo:" is work: to direct)."""
    low = rest.casefold()
    for w in phrases().request_modals:
        if low.startswith(w) and low[len(w):len(w) + 1] in (" ", ","):
            left = rest[len(w):].lstrip(" ,")
            return left if left.strip(" .:/") else rest
    return rest
