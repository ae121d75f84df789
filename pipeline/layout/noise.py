"""Layout step 1, noise: running headers of the Official Gazette, signature stamps and lone
page numbers are dropped; pages are inferred from running headers where the reader had none.

    drop_noise(items) -> (items, inferred page count | None)     the input lines are not changed
    blank_lines_meaningful(items) -> bool
"""
from __future__ import annotations

import re

from vanban.lexicon.patterns import PAGE_NUMBER

from ..types import Line, replaced
from .patterns import either

#: "CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023"
RUNNING_HEADER = re.compile(r"^CÔNG\s*BÁO\s*/\s*Số\s*[\d\s+]+/\s*Ngày\s*[\d\-/.]+\s*$", re.IGNORECASE)
#: first line of a digital-signature stamp: "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STAMP_START = re.compile(r"^(?:Ký\s+bởi|Người\s+ký)\s*:", re.IGNORECASE)   # "Người ký: Cổng Thông tin điện tử Chính phủ" (091)
#: following lines of that stamp: "Cơ quan: VĂN PHÒNG CHÍNH PHỦ", "Ngày ký: 2026-06-02 08:06:58 +07:00"
STAMP_MORE = re.compile(r"^(?:Cơ\s+quan|Ngày\s+ký|Thời\s+gian\s+ký|Email|Chức\s+vụ)\s*:", re.IGNORECASE)
#: a running header or a stamp's first line
NOISE_START = either(RUNNING_HEADER, STAMP_START)
#: a running header, a stamp's first line or a page number
NOISE_OR_PAGE = either(RUNNING_HEADER, STAMP_START, PAGE_NUMBER)


def drop_noise(items: list) -> tuple[list, int | None]:
    """Drop running headers and signature stamps (everywhere); infer pages from running headers."""
    infer = not any(getattr(it, "page", None) for it in items)
    page, seen_content, in_stamp, after_noise = 1, False, False, False
    out: list = []                  # (item, its page when pages are inferred)

    def drop_blanks_before() -> None:
        # the blank lines around a page break are not paragraph breaks
        while out and isinstance(out[-1][0], Line) and not out[-1][0].text:
            out.pop()

    for it in items:
        if isinstance(it, Line) and not it.paragraph:
            text = it.text
            if text and not in_stamp and not NOISE_OR_PAGE.match(text):
                after_noise, seen_content = False, True     # most lines: content (the steps below, at once)
                out.append((it, page))
                continue
            if NOISE_START.match(text):             # (one pattern for both first: most lines are neither)
                if RUNNING_HEADER.match(text):
                    if seen_content and infer:
                        page += 1
                    in_stamp, after_noise = False, True
                    drop_blanks_before()
                    continue
                in_stamp = after_noise = True       # a stamp's first line
                drop_blanks_before()
                continue
            if in_stamp and (STAMP_MORE.match(text) or not text):
                in_stamp = bool(text)
                continue
            in_stamp = False
            page_number = bool(text) and PAGE_NUMBER.match(text) is not None
            if after_noise and (not text or page_number):
                if text:
                    drop_blanks_before()
                    # the page number itself: layout drops it outside flat tables
                    out.append((it, page))
                continue
            after_noise = False
            if page_number:
                drop_blanks_before()
                after_noise = True
            elif text:
                seen_content = True
        out.append((it, page))
    if not infer:
        return [it for it, _ in out], None
    if page == 1:                   # no page evidence at all: leave pages unknown
        return [it if it.page is None else replaced(it, page=None) for it, _ in out], None
    return [it if it.page == p else replaced(it, page=p) for it, p in out], page


def blank_lines_meaningful(items: list) -> bool:
    """False when a blank line follows nearly every line (some PDF extractions)."""
    lines = [it for it in items if isinstance(it, Line) and not it.paragraph]
    if len(lines) < 10:
        return True
    followed = sum(1 for a, b in zip(lines, lines[1:]) if a.text and not b.text)
    nonblank = sum(1 for ln in lines if ln.text)
    return followed < 0.6 * max(nonblank, 1)

