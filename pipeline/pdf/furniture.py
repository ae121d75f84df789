"""Page furniture: running headers and footers, page numbers, signature stamps and
footnotes (chú thích), taken out of the page's rows."""
from __future__ import annotations

import re
from typing import Optional

from ..types import Line
from .rows import _NOTE_MARK_SIZE, Page, Row, Seg, joined

_NOTE_TEXT_SIZE = 0.85  # footnote text is at most 0.85 x the body's type size

#: a page number alone in the top/bottom band: "5", "- 3 -", "Trang 2", "73"
PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–]?\s*\d{1,4}\s*[-–]?$", re.IGNORECASE)
#: a digital-signature stamp line: "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA...", "Cơ quan: VĂN PHÒNG CHÍNH PHỦ"
#: (the value all capitals: checked in is_stamp), "Ngày ký: 2026-04-23 10:19:19 +07:00",
#: "SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 03/02/2026; 15:40:13; +07:00"
SIGNATURE_STAMP = re.compile(
    r"^(?P<label>Ký bởi|Người ký|Cơ quan|Tổ chức)\s*:\s*(?P<value>.+)$"
    r"|^(?:Ngày ký|Thời gian ký)\s*:\s*\d"
    r"|;\s*\d{1,2}:\d{2}:\d{2};\s*[+-]\d{2}:\d{2}\s*$")


def is_stamp(text: str) -> bool:
    """A line of a digital-signature stamp (not document text)."""
    m = SIGNATURE_STAMP.search(text.strip())
    if m is None:
        return False
    value = m.group("value")
    return value is None or value == value.upper()



# --- 3. running headers, footers, page numbers -------------------------------

def _band_key(seg: Seg) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", seg.text)).lower()


def drop_running_lines(pages: list[Page]) -> None:
    """Drop page numbers and lines repeated in the top/bottom band of several pages."""
    counts: dict[str, set[int]] = {}
    for p in pages:
        for seg, in_band in _band_segs(p):
            if in_band:
                counts.setdefault(_band_key(seg), set()).add(p.number)
    need = 2 if len(pages) <= 4 else max(2, len(pages) // 4)
    running = {k for k, v in counts.items() if len(v) >= need and len(k) > 3}
    for p in pages:
        for row in p.rows:
            if row.in_band(p.height):
                row.segs = [s for s in row.segs if not (PAGE_NUMBER.match(s.text.strip())
                                                        or _band_key(s) in running)]
        p.rows = [r for r in p.rows if r.segs]


def _band_segs(p: Page):
    for row in p.rows:
        for seg in row.segs:
            yield seg, row.in_band(p.height)


# --- 3b. footnotes --------------------------------------------------------------

def _body_size(pages: list[Page]) -> Optional[float]:
    """The body's type size: the size most characters are set in."""
    weight: dict[float, int] = {}
    for p in pages:
        for r in p.rows:
            n = sum(len(s.text) for s in r.segs)
            weight[round(r.size, 1)] = weight.get(round(r.size, 1), 0) + n
    return max(weight, key=weight.get) if weight else None


def _is_note_mark(row: Row, body: float) -> bool:
    """A footnote's number printed alone in small raised type: "1"."""
    text = "".join(s.text for s in row.segs).strip()
    return text.isdigit() and len(text) <= 3 and row.size <= _NOTE_MARK_SIZE * body


def take_footnotes(pages: list[Page]) -> None:
    """Move each page's footnotes out of its rows: the run of rows in smaller type at the
    foot of the page (below the body's last line), holding at least one footnote number
    in small raised type; one Line per footnote, its number first (069).  Lines in small
    type before the page's first number go on the previous page's last footnote."""
    body = _body_size([p for p in pages if not p.ocr])
    if not body:
        return
    prev: Optional[Page] = None
    for p in pages:
        if not p.ocr and p.rows:
            _page_footnotes(p, prev, body)
        prev = p


def _page_footnotes(p: Page, prev: Optional[Page], body: float) -> None:
    k = len(p.rows)
    while k > 0 and p.rows[k - 1].size <= _NOTE_TEXT_SIZE * body:
        k -= 1
    run = p.rows[k:]
    marks = [r for r in run if _is_note_mark(r, body)]
    texts = [r for r in run if not _is_note_mark(r, body)]
    if not marks or not texts:
        return
    if k == 0 and not any(top < run[0].top for top in p.table_tops):
        return                             # nothing above it: a page in small type, not footnotes
    carried = prev.footnotes if prev is not None and prev.footnotes else None
    numbered = [next((m for m in marks if r.top - 2 <= m.top <= r.bottom), None) for r in texts]
    if not any(numbered) or (numbered[0] is None and carried is None):
        return                             # the first small line has no number: not a footnote run
    notes: list[list[str]] = []
    if numbered[0] is None:
        notes.append([carried.pop().text])  # the previous page's last footnote goes on here
    for r, mark in zip(texts, numbered):
        text = joined(r.segs).text
        if mark is not None:
            notes.append([f"{''.join(s.text for s in mark.segs).strip()} {text}"])
        else:
            notes[-1].append(text)
    p.rows = p.rows[:k]
    for parts in notes:
        text = parts[0]
        for part in parts[1:]:
            text += part if re.search(r"\w-$", text) and part[:1].isalnum() else " " + part
        p.footnotes.append(Line(text=text, page=p.number, paragraph=True))
