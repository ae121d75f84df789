"""Holder headings: a heading that names who holds the duties written below it, and the items below that hold none.

    heading_holder(title) -> list[str] | None
    is_repealed(text) -> bool          "[17] (được bãi bỏ)": an item repealed, no duty
    lists_cases(text) -> bool          "... đối với các trường hợp sau đây:": the items below are cases, no duties

"Điều 5. Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì" + "1. Xây dựng, ban hành ...", "2. Công tác
tuyên truyền ..." and "Điều 14. Trách nhiệm của Sở Dân tộc và Tôn giáo" + "Sở Dân tộc và Tôn giáo là cơ quan
thường trực ..., có trách nhiệm hướng dẫn ..." (26/2025/QĐ-UBND Thái Nguyên, corpus 133): the heading's holder
holds the item's text and every numbered item below it. The words are assignment_words.yaml `holder_headings`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.lexicon import load
from vanban.lexicon.patterns import alternation, whole_word

from ..bodies import find_bodies
from .lead_names import PARENTHESIS, all_bodies, is_sentence
from .name_lists import split_names


@lru_cache(maxsize=1)
def _grammar() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(a head that needs no tail, a head that needs one, a tail, a clause word, a name closer), matched case-folded."""
    d = load("assignment_words.yaml")["holder_headings"]
    head = lambda words: re.compile(rf"^(?:{alternation(words)})\s+", re.I)     # noqa: E731
    return (head(d["heads"]), head(d["tail_heads"]), re.compile(rf"\s+(?:{alternation(d['tails'])})\s*$", re.I),
            re.compile(whole_word(alternation(d["clause_words"])), re.I),
            re.compile(whole_word(alternation(d["name_closers"])), re.I))


@lru_cache(maxsize=1)
def _repealed() -> frozenset[str]:
    return frozenset(w.casefold() for w in load("assignment_words.yaml")["repealed_items"])


#: a footnote marker or a bracket around an item's text: "[17] (được bãi bỏ)"
NOTE = re.compile(r"\[\d{1,3}\]|[()\[\].;:]")


def is_repealed(text: str) -> bool:
    """Is an item's whole text a note that it was repealed ("[17] (được bãi bỏ)"), no duty? A text without the word
    every note holds ("bãi") is none: its words are the note's, folded (no regex pass over a paragraph)."""
    word = _repealed_word()
    if word and word not in text.casefold():
        return False
    return " ".join(NOTE.sub(" ", text).split()).casefold() in _repealed()


@lru_cache(maxsize=1)
def _repealed_word() -> str:
    """The longest word every repealed note (`_repealed`) holds, or "" if none does."""
    common = set.intersection(*(set(n.split()) for n in _repealed())) if _repealed() else set()
    return max(sorted(common), key=len, default="")


@lru_cache(maxsize=1)
def _case_list() -> re.Pattern:
    words = load("assignment_words.yaml")["case_list_lead_ins"]
    return re.compile(rf"(?<![^\W_])(?:{alternation(words)})\s*:\s*$", re.I)


def lists_cases(text: str) -> bool:
    """Does an item's text end by announcing the cases its duty applies in ("... từ chối tiếp nhận ... đối với các
    trường hợp sau đây:", pool 1e6fb98e16a75e3d appendix Điều 23.5)? Then its lettered items are those cases.
    Only a text that ends with a colon is searched (most do not: no regex pass over them, issue 13)."""
    return text.rstrip().endswith(":") and _case_list().search(text) is not None


def _clause(who: str) -> bool:
    """Do the words of `who` outside the body names found make it a clause ("các cơ quan đề nghị cung cấp thông tin")?"""
    _, _, _, clause, closer = _grammar()
    spans = find_bodies(who)
    outside = "".join(" " if any(b.start <= i < b.end for b in spans) else c for i, c in enumerate(who))
    return clause.search(closer.sub(" ", outside)) is not None


def heading_holder(title: str) -> Optional[list[str]]:
    """The holders a heading names between its head and its tail, or None: "Nội dung Sở Xây dựng có trách nhiệm
    chủ trì" -> ["Sở Xây dựng"], "Trách nhiệm của Ủy ban nhân dân cấp xã" -> ["Ủy ban nhân dân cấp xã"]; None for
    "Trách nhiệm thi hành", "Nội dung phối hợp chung" (no holder), "Nội dung Sở Xây dựng" (no tail)."""
    title = " ".join(title.split()).strip(" .:")
    free, tailed, tail, _, _ = _grammar()
    m = free.match(title) or tailed.match(title)
    if m is None:
        return None
    rest = title[m.end():]
    t = tail.search(rest)
    if t is None and m.re is tailed:
        return None
    who = rest[:t.start()] if t else rest
    if not who or not who[:1].isalpha() or is_sentence(who) or not all_bodies(who) or _clause(who):
        return None
    names = split_names(PARENTHESIS.sub("", who))
    return [n[:1].upper() + n[1:] for n in names] or None
