"""Regex builders and the patterns shared by the pipeline and the extractors (eyecite's regexes.py style).

    alternation(words)         longest first, escaped, spaces matching any run of white space:
                               alternation(["Ủy ban", "Ủy ban nhân dân"]) -> 'Ủy\\s+ban\\s+nhân\\s+dân|Ủy\\s+ban'
    whole_word(pattern)        the pattern not glued to a letter or digit on either side
    head_of(words)             `^(?:words)\\b`: a line opening with one of `words`

Shared header and body patterns (each compiled once; word lists from lexicon/data/header_words.yaml):
SUMMARY_CV, ADDRESSEE, BODY_START, BASIS_START, RECIPIENTS_HEAD, BULLET, RULE, ATTACHED_TO, ITEM_EDGES, MARKER_START.
"""
from __future__ import annotations

import re
from typing import Iterable

from . import load


def alternation(words: Iterable[str], *, spaces: str = r"\s+") -> str:
    """A regex alternation of `words`, longest first so that the longest wins; inner
    white space of a word matches `spaces`."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(spaces.join(re.escape(part) for part in w.split()) for w in unique)


def whole_word(pattern: str) -> str:
    """`pattern` with no letter or digit glued before or after it."""
    return rf"(?<![^\W_])(?:{pattern})(?![^\W_])"


def head_of(words: Iterable[str]) -> re.Pattern:
    """A line that opens with one of `words` (a whole word): head_of(["Căn cứ", "Để"]) matches 'Căn cứ Luật ...'."""
    return re.compile(rf"^(?:{alternation(words)})\b")


_WORDS = load("header_words.yaml")

#: Công văn summary line: "V/v tăng cường công tác quản", "V/v: triển khai", and OCR'd "W/v trao đổi về một số quy định"
SUMMARY_CV = head_of(_WORDS["summary_cv"])
#: Addressee head of a công văn: "Kính gửi:", "Kính gửi: Sở Nội vụ"
ADDRESSEE = re.compile(r"^Kính\s+gửi\b")
#: The first words of a body: "Căn cứ Luật...", "Thực hiện Văn bản số ...", "Để nâng cao..."
BODY_START = head_of(_WORDS["body_openers"])
#: The body openers that cite a basis, never a title: "Căn cứ Luật ...", "Theo đề nghị của ...", "Xét đề nghị ..."
BASIS_START = head_of(_WORDS["basis_openers"])
#: Start of the recipients list: "Nơi nhận:", "Nơi nhận: KT. CHỦ TỊCH"
RECIPIENTS_HEAD = re.compile(rf"^(?:{alternation(_WORDS['recipients_head'])})\s*:?")
#: Bullets: "- Quán triệt, triển khai...", "+ LĐVP, các phòng", "– Tổ chức", "• Nội dung"
BULLET = re.compile(r"^(?P<num>[-–—+•∙·])\s*(?P<rest>[^\s\-–—+].*)$")
#: A separator line: "–––––––––", "--------", "___"
RULE = re.compile(r"^[\s\-–—_=*.·]{3,}$")
#: The line that says what an attachment belongs to: "(Kèm theo Kế hoạch số /KH-UBND ngày /6/2024 của UBND tỉnh)",
#: "(Ban hành kèm theo Quyết định số 16/2026/QĐ-UBND ...)"
ATTACHED_TO = re.compile(r"^\(?\s*(?:Ban hành\s+)?(?:kèm|Kèm|KÈM)\s+(?:theo|THEO)\b")
#: Leading dash of a list item and the trailing ; or . of a recipient: "- Như trên;", "+ Lưu VT, KGVX."
ITEM_EDGES = re.compile(r"^[\s\-–—+•*]+|[\s;,.:]+$")
#: A line opening with a section marker or a bullet: "I.", "2.", "a)", "Điều 1", "Chương II", "- "
MARKER_START = re.compile(r"^(?:[IVXL]+\.|\d+\.|[a-zđ]\)|Điều\s+\d|Chương\s|[-+•]\s)")
