"""Layout step 3: flattened task tables (bảng nhiệm vụ flattened by text extraction): runs of
short lines under three or more column headings become one FlatTable region.

    flat_table_regions(items) -> {start index: end index}
"""
from __future__ import annotations

import re

from vanban.lexicon.patterns import task_table_groups

from ..markers import LINE_MARKER as MARKER
from ..text_table import names_a_heading
from ..types import Line
from .patterns import APPENDIX_NUMBERED, APPENDIX_TITLE, CAPACITY, RECIPIENTS

WORD = re.compile(r"\w+")


def _header_groups(text: str) -> set[str]:
    """Which task-table column headings a short line holds: {"number", "content"} for "TT Nội dung"."""
    folded = text.casefold()
    if not names_a_heading(folded):
        return set()                        # most lines: no heading (one pattern for all the words)
    groups = task_table_groups()
    tokens = set(WORD.findall(folded))
    found = set()
    for name, words in groups.items():
        for w in words:
            if (" " not in w and w in tokens) or (" " in w and w in folded):
                found.add(name)
                break
    return found


def flat_table_regions(items: list) -> dict[int, int]:
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
                and _header_groups(it.text) and not MARKER.match(it.text)):
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

