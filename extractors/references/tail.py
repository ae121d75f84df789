"""What follows an identifier: its date, issuer, subject and alias."""
from __future__ import annotations

from vanban.lexicon import citations as C

from .citation import Citation, parse_date
from .issuer import expand, parse_issuer


def read_tail(text: str, mtext: str, cit: Citation, pos: int) -> int:
    """Read date, issuer, subject and alias after an identifier; returns where the
    citation proper (identifier, date, issuer) ends."""
    core_end = pos
    for _ in range(2):
        if cit.date is None:
            dm = C.DATE_AFTER_RE.match(mtext, pos)
            if dm:
                cit.date = parse_date(dm)
                pos = core_end = dm.end()
                continue
        om = C.OF_RE.match(mtext, pos)
        if om and (cit.issuer is None or cit.issuer_before):
            # the issuer printed after the citation names who issued it, and wins over whose instructions
            # it carries: `theo chỉ đạo của Phó Thủ tướng Chính phủ ... tại Văn bản số 7514/VPCP-V.I ngày
            # 12 tháng 8 năm 2025 của Văn phòng Chính phủ` (pool md/8018a6f353d60a9e.md)
            end, who = parse_issuer(mtext, om.end())
            if who:
                cit.issuer, cit.issuer_before = expand(who), False
                pos = core_end = end
                continue
        break
    if cit.date is None and cit.type_code in ("Luật", "Bộ luật", "Hiến pháp", "PL"):
        ym = C.YEAR_AFTER_RE.match(mtext, pos)
        if ym:
            cit.date = ym.group("y")
            pos = core_end = ym.end()
    # subject
    sm = C.FIRST_WORD_RE.match(mtext, pos)
    if sm and sm.group("w")[0].islower() and sm.group("w") not in C.SUBJECT_NOT_START:
        s0 = sm.start("w")
        stop = C.SUBJECT_STOP_RE.search(text, s0, s0 + 300)
        end = stop.start() if stop else min(len(text), s0 + 300)
        subject = " ".join(text[s0:end].split()).strip(" ,")
        if subject:
            cit.subject = subject
            pos = end
    am = C.ALIAS_RE.match(mtext, pos)
    if am:
        cit.alias = " ".join(text[am.start("alias"):am.end("alias")].split())
        pos = am.end()
    cit.tail_end = pos
    return core_end

