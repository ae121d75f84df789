"""Where the header ends when layout found none, on blocks (readers that give paragraphs).

    header_end(blocks) -> index of the first body block (0: no header)

After the type line (KẾ HOẠCH, QUYẾT ĐỊNH, ...) and the summary under it, or after a
công văn's V/v summary and its Kính gửi list.
"""
from __future__ import annotations

import re
from typing import Optional

from vanban.lexicon.patterns import ADDRESSEE, BODY_OR_PURPOSE, RECIPIENTS_HEAD, RULE, SUBJECT_LINE
from vanban.lexicon.signature import type_names_upper
from vanban.lexicon.text import clean, is_upper_line

from ..markers import ARTICLE, BULLET, ROMAN, is_heading_marker
from ..types import Block, Paragraph

#: Sentence-ending punctuation at the end of a line
LINE_END = re.compile(r"[.;:!?]\s*[\"”)]*$")


def header_end(blocks: list[Block]) -> int:
    """Index of the first body block (0 when no header is found in the first 60 blocks)."""
    limit = min(len(blocks), 60)
    texts = [clean(b.text) if isinstance(b, Paragraph) else None for b in blocks[:limit]]
    types = type_names_upper()
    for i, t in enumerate(texts):
        if t is None:
            continue
        if ARTICLE.match(t) or ROMAN.match(t) or RECIPIENTS_HEAD.match(t):
            return 0              # the body began before any header was seen: there is none
        # the type line: "KẾ HOẠCH", "QUYẾT ĐỊNH", "CHỈ THỊ" (alone on its line, upper case)
        if t.rstrip(":").strip() in types and t.upper() == t:
            j = i + 1
            while j < limit and texts[j] is not None:
                s = texts[j]
                if not s or RULE.match(s):
                    return j + 1
                if j > i + 1 and (BODY_OR_PURPOSE.match(s) or ARTICLE.match(s) or is_heading_marker(s)
                                  or is_upper_line(s) and not _continues_upper(texts[j - 1], s)):
                    return j
                j += 1
            return j
        if SUBJECT_LINE.match(t):
            j = i + 1
            while j < limit and texts[j] is not None:
                s = texts[j]
                if ADDRESSEE.match(s):
                    j += 1
                    while j < limit and texts[j] is not None and (BULLET.match(texts[j]) or not texts[j]):
                        j += 1
                        if texts[j - 1] and texts[j - 1].endswith("."):
                            break
                    return j
                if BODY_OR_PURPOSE.match(s) or is_heading_marker(s) or RULE.match(s):
                    return j + (1 if RULE.match(s) else 0)
                j += 1
            return j
        if ADDRESSEE.match(t):
            j = i + 1
            while j < limit and texts[j] is not None and (BULLET.match(texts[j]) or not texts[j]):
                j += 1
                if texts[j - 1] and texts[j - 1].endswith("."):
                    break
            return j
    return 0


def _continues_upper(prev: Optional[str], s: str) -> bool:
    return bool(prev) and is_upper_line(prev) and not LINE_END.search(prev)


