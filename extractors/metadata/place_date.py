"""Place and date of issue (địa danh, ngày tháng năm ban hành): "Bắc Giang, ngày 05 tháng 6 năm 2024".

    find_place_date(lines) -> (place, date)   the first place/date line of the header; a date of a
                                              cited document ("văn bản số 2600/ttg-ktth ngày 30 tháng 12") is skipped
    read_place_date(text) -> (place, date, match)
Dates are partial ISO ('2024', '2024-06', '2024-06-05'): a day or month left blank or
lost to OCR is not guessed.
"""
from __future__ import annotations

import re
from typing import Optional

from vanban.lexicon.header import strip_mottos
from vanban.lexicon.patterns import BODY_OR_PURPOSE

from .number import NUMBER_LINE

#: Place and date: "Bắc Giang, ngày tháng 6 năm 2024", "Lào Cai, ngày 29 tháng  6  năm 2026"
#: and with a day or month OCR'd into junk, which is left unread (see _date_part): "Hà Nội, ngàyOẨ tháng 7 năm 2026",
#: "Lào Cai, ngày U6_ tháng 3 năm 2026", "ngày 0Â tháng + năm 2026", "Lâm Đông. ngày: Ø3 tháng 02 năm 2026"
DATE_WORDS = re.compile(
    r",?\s*ngày\s*:?\s*(?P<d>[^\n]{0,6}?)\s*tháng\s*(?P<m>[^\n]{0,4}?)\s*năm\s*(?P<y>(?:19|20)\d{2})", re.IGNORECASE)


#: A day or month that can be read: "29", "06"
DATE_PART = re.compile(r"^\d{1,2}$")


#: A place before the date: "Lào Cai, ngày tháng 7 năm 2026" (not "1074/QĐ-BXD ngày 29/6/2026 của Bộ" in a title)
PLACE_DATE = re.compile(r"[^\W\d_]\s*,\s*ngày\b", re.IGNORECASE)


#: A date left wholly blank: "Hà Nội, ngày tháng năm"
DATE_BLANK = re.compile(r"[^\W\d_][\w\s.]*,\s*ngày\s+tháng\s+năm\s*$")
#: how far from a line's end a blank date line can start: a place name and ", ngày tháng năm"
#: (searching only there keeps the pattern linear on a one-line 48 KB text)
DATE_BLANK_TAIL = 160


#: Place and date in figures: "Hà Nội, ngày 04/6/2026", "ngày 04-6-2026"
DATE_FIGURES = re.compile(r",?\s*ngày\s*(?P<d>\d{1,2})?\s*[/.\-]\s*(?P<m>\d{1,2})?\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})",
                          re.IGNORECASE)


#: A cited number just before a date, so the date is the cited document's: "tại văn bản số 2600/ttg-ktth ngày 30 tháng 12"
CITED_BEFORE = re.compile(r"\d[\w.]*/[\w/\-]+\s*$")


#: A word of a place name: "Bắc", "Giang", "TP.", "Hồ"
PLACE_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_]*\.?|TP\.)$")


def _date_part(text: Optional[str]) -> Optional[str]:
    """'29' -> '29'; an OCR'd 'U6_' or '4 6' -> None (unreadable, not guessed)."""
    return text.strip() if text and DATE_PART.match(text.strip()) else None


def read_place_date(text: str) -> tuple[Optional[str], Optional[str], Optional[re.Match]]:
    m = DATE_WORDS.search(text) or DATE_FIGURES.search(text)
    if not m:
        return None, None, None
    y, mo, d = m["y"], _date_part(m["m"]), _date_part(m["d"])
    date = y
    if mo and 1 <= int(mo) <= 12:
        date += f"-{int(mo):02d}"
        if d and 1 <= int(d) <= 31:
            date += f"-{int(d):02d}"
    before = text[:m.start()].split()
    place: list[str] = []
    for w in reversed(before):
        if PLACE_WORD.match(w) and w[0].isupper() and not w.endswith(":") and not (len(w) > 1 and w.isupper()):
            place.insert(0, w)
        elif w.lower() in ("phố", "thành") and place:
            place.insert(0, w)
        else:
            break
    if place and place[-1].endswith(".") and place[-1] != "TP.":
        place[-1] = place[-1].rstrip(".")          # "Lâm Đông. ngày: Ø3 tháng 02" (OCR'd comma)
    return (" ".join(place) or None), date, m


def _cites_before(raw: str) -> bool:
    """The first date of a line follows a cited identifier that is not the document's own `Số:` line:
    "... BAN HÀNH KÈM THEO THÔNG TƯ SỐ 06/2024/TT-BGDĐT NGÀY 10 THÁNG 4 NĂM 2024 CỦA BỘ TRƯỞNG ..." (a title)."""
    dm = DATE_WORDS.search(raw) or DATE_FIGURES.search(raw)
    before = raw[:dm.start()] if dm else ""
    return bool(CITED_BEFORE.search(before)) and not OWN_NUMBER.search(before)


#: The document's own number line before its date: "Số: 123/UBND-KT ngày ..."
OWN_NUMBER = re.compile(r"(?:^|\s)(?:Số|SỐ)\s*:")


def find_place_date(lines: list[str]) -> tuple[Optional[str], Optional[str]]:
    """The first "..., ngày ... tháng ... năm ..." of the header (lines with a place first),
    or the place of a date left wholly blank ("Hà Nội, ngày tháng năm")."""
    place = date = None
    for i in sorted(range(min(len(lines), 40)), key=lambda i: not PLACE_DATE.search(lines[i])):
        if BODY_OR_PURPOSE.match(lines[i]):
            continue              # "Căn cứ Luật ... ngày 26/11/2003": a cited document's date
        window = " ".join(lines[i:i + 2])
        if DATE_WORDS.search(lines[i]) or DATE_FIGURES.search(lines[i]) or \
                (i + 1 < len(lines) and (DATE_WORDS.search(window) or DATE_FIGURES.search(window))
                 and not (DATE_WORDS.search(lines[i + 1]) or DATE_FIGURES.search(lines[i + 1]))):
            raw = lines[i] if (DATE_WORDS.search(lines[i]) or DATE_FIGURES.search(lines[i])) else window
            text = NUMBER_LINE.sub(" ", strip_mottos(raw))
            place, date, dm = read_place_date(text)
            if dm and not PLACE_DATE.search(text) and (CITED_BEFORE.search(text[:dm.start()]) or _cites_before(raw)):
                place = date = None      # the date of a cited document: "văn bản số 2600/ttg-ktth ngày 30 tháng 12"
                continue
            break
    if place is None:
        blank = next((m for m in (DATE_BLANK.search(x[-DATE_BLANK_TAIL:]) for x in lines[:40]) if m), None)
        if blank:               # "Hà Nội, ngày tháng năm": the place only
            place = read_place_date(blank.group(0).replace("năm", "năm 2000"))[0]
    return place, date


#: The adoption line closing a law or resolution of the National Assembly or its Standing Committee, whose
#: date is the document's: "Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa
#: Việt Nam khóa XV, phiên họp thứ 42 thông qua ngày 06 tháng 02 năm 2025."
ADOPTED = re.compile(r"(?:Luật|Bộ luật|Nghị quyết|Pháp lệnh)\s+này\s+(?:đã\s+)?được\s+[^.;]{0,200}?\bthông\s+qua\s+"
                     r"(?P<date>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d{2})")


def adoption_date(text: str) -> Optional[str]:
    """The date of the last adoption line of the text ("... thông qua ngày 06 tháng 02 năm 2025"), or None."""
    found = list(ADOPTED.finditer(text))
    return read_place_date(found[-1]["date"])[1] if found else None
