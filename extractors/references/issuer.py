"""The issuer of a cited document: after it (`... của UBND tỉnh Bắc Giang`) or before it
(`Theo đề nghị của Bộ trưởng Bộ ... tại Tờ trình số ...`), abbreviations expanded."""
from __future__ import annotations

import re
from typing import Optional

from vanban import lexicon as vocab  # abbreviations
from vanban.lexicon import citations as C

from .citation import parse_date

CAPWORD = re.compile(C.CAPWORD)


def expand(name: str) -> str:
    """Fold whitespace and expand abbreviations: `UBND tỉnh` -> `Ủy ban nhân dân tỉnh`, `BTV` -> `Ban Thường vụ`."""
    abbr = vocab.abbreviations()
    return C.abbreviation_re().sub(lambda m: abbr[m.group()], " ".join(name.split()))



def parse_issuer(mtext: str, pos: int) -> tuple[int, Optional[str]]:
    """The issuer starting at `pos` in the match text: (end, issuer) or (pos, None).

    A name from issuers.yaml (with its place: `UBND tỉnh Bắc Giang`), else a capitalised
    phrase up to the first word that opens a subject (`về`, `phê duyệt`, ...).
    """
    known, stops = C.issuer_res()
    m = known.match(mtext, pos)
    if m:
        end = m.end()
        # a local body's place name: `Ban Thường vụ Tỉnh ủy Lào Cai`
        m2 = C.PLACE_NAME_RE.match(mtext, end)
        if m2 and C.COMMITTEE_END_RE.search(mtext, m.start(), end) and not stops.match(mtext, end):
            end = m2.end()
        # joint issuers: `của Ủy ban Dân tộc và Bộ Tư pháp` (corpus 097), `của Bộ Quốc phòng, Bộ Lao động -
        # Thương binh và Xã hội, Bộ Tài chính` (a joint circular)
        j = C.JOINT_RE.match(mtext, end)
        while j:
            m3 = known.match(mtext, j.end())
            if not m3:
                break
            end = m3.end()
            j = C.JOINT_RE.match(mtext, end)
        return end, mtext[pos:end]
    if not CAPWORD.match(mtext[pos:pos + 40]) or C.type_word_re().match(mtext, pos):
        return pos, None
    window = mtext[pos:pos + 120]
    s = stops.search(window)
    end = pos + (s.start() if s else len(window))
    words = mtext[pos:end].split()
    if not words or len(words) > 10:
        return pos, None
    return end, mtext[pos:end]



def given_before(mtext: str, start: int) -> tuple[Optional[str], Optional[str]]:
    """Issuer (and date) written before the citation: `Theo đề nghị của Bộ trưởng Bộ Khoa học và
    Công nghệ tại Tờ trình số ...`; `đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số ...`;
    `Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số ...`;
    `Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP ...` (the date alone)."""
    lo = max(0, start - 260)
    window = mtext[lo:start]
    # the cheap tests first: how each pattern's match ends (str.rstrip takes what re's \s takes)
    spaced = window[-1:].isspace()
    last = window.rstrip() if spaced else window
    pm = C.PRE_ISSUER_RE.search(window) if spaced and last.endswith(C.PRE_ISSUER_ENDS) else None
    if pm:
        end, who = parse_issuer(mtext, lo + pm.start("who"))
        if who and end <= lo + pm.end("who") + 1:
            return expand(who), None
    pm = C.PRE_ISSUED_RE.search(window) if (spaced and last.endswith(C.PRE_ISSUED_ENDS) or last.endswith(C.ISSUED_LIST + (":",))) \
        and any(v in window for v in C.ISSUED_VERBS) else None
    if pm:
        known, _ = C.issuer_res()
        who = pm.group("who")
        k = known.fullmatch(who.strip())
        if k:
            dm = C.PRE_DATE_RE.search(window[: pm.start("who")])
            return expand(who), parse_date(dm) if dm else None
    dm = C.PRE_DATE_AT_RE.search(window) if "Ngày" in window else None      # the cheap test first
    if dm:
        return None, parse_date(dm)        # `Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP ...`
    return None, None

