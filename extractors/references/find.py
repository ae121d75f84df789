"""Finding citations: by identifier, by a law's name, short forms and unparsed numbers."""
from __future__ import annotations

from vanban import lexicon as vocab  # the doc-type tables
from vanban.lexicon import citations as C
from vanban.pipeline.types import LaidOut, Node

from .citation import Citation, section_at
from .identifier import compatible, read_identifier, type_of_word, type_word_before
from .issuer import given_before
from .native_words import type_word_spans
from .spans import SpanIndex
from .tail import read_tail


def find_citations(doc: LaidOut, tree: list[Node]) -> list[Citation]:
    """Every citation in doc.text, in reading order, each with its offsets and section path."""
    text = doc.text
    mtext = C.match_text(text)
    cits = _identified(text, mtext)
    cits += _laws_by_name(text, mtext, SpanIndex((c.start, c.end) for c in cits))
    type_words = type_word_spans(mtext)                         # read by both forms below
    cits += _short_forms(text, mtext, type_words, SpanIndex((c.start, c.end) for c in cits))
    cits += _unparsed(text, mtext, type_words, SpanIndex((c.start, c.end) for c in cits))
    cits = [c for c in cits if not _in_editorial_note(text, c.start)]
    cits.sort(key=lambda c: c.start)
    for c in cits:
        c.section = section_at(tree, c.start)
    return cits


def _in_editorial_note(text: str, pos: int) -> bool:
    """Inside a square-bracketed note that a legal website adds to a text: `[Về cho vay ... được
    hướng dẫn bởi Công văn 4530/NHCS-TDNN năm 2024 ...]` (corpus 099): not part of the document."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    opened = text.rfind("[", line_start, pos)
    return opened >= 0 and text.rfind("]", opened, pos) < 0 and text.find("]", pos, line_end) >= 0




def _identifiers(mtext: str):
    """The matches of IDENT_RE in `mtext`, as finditer gives them, found faster (issue 13).

    Every identifier holds a "/" at most IDENT_SLASH_REACH characters after its start, so the
    search for the next one starts that far before the next "/" (re tries IDENT_RE at every
    position it passes, and a text is mostly far from a "/").  And it looks only a short window
    past that "/" (most "/" are in dates, `31/7/2023`, and open no identifier: a search of the
    rest of the text would pass every position up to the next identifier): a match in the window
    that ends well inside it is the match of the whole text (IDENT_READ_AFTER, IDENT_READ_AHEAD);
    none there means none starts at or before the "/" when a character no identifier holds stands
    between the "/" and the window's end (a longer match would hold it).  Else the window grows."""
    search, n = C.IDENT_RE.search, len(mtext)
    pos = 0
    while True:
        slash = mtext.find("/", pos)
        if slash < 0:
            return
        first = max(pos, slash - C.IDENT_SLASH_REACH)
        reach = _IDENT_WINDOW
        while True:
            end = slash + reach
            if end >= n:
                m = search(mtext, first)
                break
            m = search(mtext, first, end)
            if m is not None and m.start() <= slash:
                if m.end() + C.IDENT_READ_AFTER < end:
                    break
            else:
                bad = C.NOT_IN_IDENT_RE.search(mtext, slash, end - C.IDENT_READ_AFTER)
                if bad is not None:
                    break
            reach *= 4
        if m is None:
            if end >= n:
                return
            # none starts before the character no identifier holds, nor near the window's end
            pos = max(slash + 1, min(bad.start() + 1, end - C.IDENT_READ_AHEAD))
            continue
        if m.start() > slash and (end < n and (m.end() + C.IDENT_READ_AFTER >= end
                                               or m.start() + C.IDENT_READ_AHEAD >= end)):
            pos = slash + 1             # not sure it is the whole text's: look again from the next "/"
            continue
        yield m
        pos = m.end()


#: The first window an identifier is looked for in past a "/" (grown 4x while it cannot tell).
_IDENT_WINDOW = 64


def _identified(text: str, mtext: str) -> list[Citation]:
    """Citations with an identifier (`Quyết định số 899/QĐ-TTg ngày 31/7/2023 của ...`)."""
    tw_re = C.type_word_re()
    out: list[Citation] = []
    prev_core_end, prev = -1, None
    run: list[tuple[Citation, int, bool]] = []   # the list the previous citation closes: core ends, own type word
    for m in _identifiers(mtext):
        s = m.start()
        lo = max(0, s - 220)
        pre = mtext[lo:s]
        so = C.SO_TAIL_RE.search(pre)
        head = pre[: so.start()] if so else pre
        tw, qualifier = type_word_before(head, so)
        # a list going on from the citation just before: `các Nghị định số 136/2020/NĐ-CP, 50/2024/NĐ-CP`
        listed = prev if prev is not None and 0 <= prev_core_end <= s and C.LIST_TAIL_RE.match(mtext[prev_core_end:s]) else None
        if listed is None and tw is not None and prev is not None:
            for edge in (prev_core_end, prev.tail_end):
                if 0 <= edge <= lo + tw.start() and C.LIST_TAIL_RE.match(mtext[edge:lo + tw.start()]):
                    listed = prev
        # `các Quyết định: số 36/QĐ-TTg ngày 11/01/2024 về ...; số 1569/QĐ-TTg ...` (corpus 032)
        if listed is None and tw is None and so is not None and so.group("so") == "số" and prev is not None \
                and s - prev.end < 400 and not C.SENTENCE_END_RE.search(text, prev.end, s) \
                and C.SEPARATOR_TAIL_RE.search(pre[: so.start()]):
            listed = prev
        inherited = listed if tw is None else None
        ident = read_identifier(m)
        if ident is None:
            continue
        word_entry = type_of_word(tw.group("tw")) if tw is not None else (
            type_of_word(inherited.type_name) if inherited and inherited.type_name else None)
        # accept: a type word, or a list going on, or a shape that cannot be anything else
        strong = ident.party or (ident.code_entry is not None and "-" in ident.symbol) or C.LEGISLATURE_RE.fullmatch(ident.symbol)
        if not ident.number and not (so and (tw is not None or so.group("so") in ("Số", "SỐ"))):
            continue                    # a blank number only after `số`: `Kế hoạch số /KH-UBND`, `Số: /KH-UBND`
        own_line = tw is None and so is not None and so.group("so") in ("Số", "SỐ") and \
            C.OWN_NUMBER_RE.fullmatch(text[text.rfind("\n", 0, lo + so.start()) + 1:lo + so.start()]) is not None
        if not strong and word_entry is None and not own_line:
            continue                    # `Số: 5973 /UBND-KT`, the own number of a công văn, is kept
        if not ident.party and not any(c.isupper() for c in m.group("sym")) and tw is None:
            continue                    # a lower-case symbol (`2600/ttg-ktth`) only after a type word
        # the type
        problem = None
        code_entry = ident.code_entry
        if C.LEGISLATURE_RE.fullmatch(ident.symbol):
            entry = word_entry if word_entry and word_entry.code != "CV" else vocab.type_by_code(
                "Luật" if ident.symbol.startswith("QH") else "NQ")
        elif code_entry is not None:
            entry = code_entry
            if tw is not None and not compatible(word_entry, code_entry):
                # `Thông báo kết luận số 196-TB/TW`: an earlier type word of the same phrase may fit the code
                for t in tw_re.finditer(head):
                    if t.start() < tw.start() and _qualifies(head, t, tw) \
                            and compatible(type_of_word(t.group("tw")), code_entry):
                        tw, qualifier, word_entry = t, head[t.end():], type_of_word(t.group("tw"))
            if ident.party and tw is not None and not compatible(word_entry, code_entry):
                # Party codes are short: `Quy định số 178-QĐ/TW` is a Quy định (QĐi), not a Quyết định
                party_entry = next((e for e in vocab.types_by_name(tw.group("tw")) if "party" in e.kinds), None)
                if party_entry is not None:
                    entry = word_entry = party_entry
            if tw is not None and not compatible(word_entry, entry):
                # a lower-case word with no `số` is prose (`theo quy định 15/2026/TT-BCT`), not a type word
                problem = "type_mismatch" if (so or tw.group("tw")[0].isupper()) else None
        else:
            entry = word_entry or vocab.type_by_code("CV")
        start = lo + tw.start() if tw is not None else (lo + so.start() if so and not inherited else s)
        title = None
        if tw is not None and entry.code in ("Luật", "Bộ luật", "PL", "Hiến pháp") and qualifier.strip():
            title = " ".join(text[lo + tw.start(): lo + tw.end() + len(qualifier)].split())
        # the document itself: its own number line `Số: ...` or an appendix header `(Kèm theo ...`
        before = text[max(0, start - 60):start]
        cit = Citation(start=start, end=ident.end, text=" ".join(text[start:ident.end].split()),
                       type_code=entry.code, type_name=entry.name,
                       number=ident.number, year=ident.year, symbol=ident.symbol, identifier=ident.identifier,
                       title=title, self_hint=bool(C.ATTACHED_TO_RE.search(before)) or own_line, problem=problem,
                       footnote=ident.footnote, truncated=ident.truncated)
        # issuer given before: `đề nghị của Bộ trưởng Bộ ... tại Tờ trình số ...`,
        # `đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số ...`
        cit.issuer, date_before = given_before(mtext, start)
        cit.issuer_before = cit.issuer is not None
        core_end = read_tail(text, mtext, cit, ident.tail)
        cit.date = cit.date or date_before
        members = run if listed is not None else []
        if listed is not None:
            if cit.issuer is None and listed.issuer and listed.issuer_before:
                cit.issuer, cit.issuer_before = listed.issuer, True
            if inherited is not None:
                _share_date(mtext, cit, members)
            # `Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy`;
            # when the list goes on with no type word of its own, it wins over an issuer read before the list
            # (`chỉ đạo của Phó Thủ tướng ... tại Văn bản số 6721/VPCP-V.I ngày 19 tháng 7 năm 2025 và số 7514/VPCP-V.I
            # ngày 12 tháng 8 năm 2025 của Văn phòng Chính phủ`; not `đề nghị của Chính phủ tại ... Đề án số 341/ĐA-CP
            # ngày 09 tháng 5 năm 2025, Báo cáo thẩm tra số 418/BC-UBPLTP15 ... của Ủy ban Pháp luật và Tư pháp`).
            # The issuer goes back over the whole list: `Các Công điện: số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND
            # và số 009/CĐ-UBND ngày 19/11/2025; số 010/CĐ-UBND ngày 20/11/2025 của UBND tỉnh` (pool md/62f25a030c183151.md)
            # Past the citation right before, only over members with no type word of their own (one list of
            # one kind): not back from `Kế hoạch số 02-KH/BCĐTW ... của Ban Chỉ đạo Trung ương` over `Nghị quyết
            # số 71/NQ-CP ..., Nghị quyết số 214/NQ-CP ...` (pool md/74e2ddc7b11340da.md).
            later_inherited = True
            for earlier, _, own_word in reversed(members):
                if not later_inherited or not ((earlier.issuer is None or earlier.issuer_before and inherited is not None)
                                               and earlier.date and cit.issuer and not cit.issuer_before):
                    break
                earlier.issuer, earlier.issuer_shared, earlier.issuer_before = cit.issuer, True, False
                later_inherited = not own_word
        out.append(cit)
        run = members + [(cit, core_end, tw is not None)]
        prev, prev_core_end = cit, core_end
    return out


def _qualifies(head: str, earlier, tw) -> bool:
    """Do the words between an earlier type word and `số` qualify it: a few lower-case words (`Thông báo kết
    luận số`), or a second type word in capitals right after it (`Thông báo Kết luận số 99- TB/TW`, pool
    md/a69069ae524315d9.md: a Thông báo, as its code says)?"""
    if C.QUALIFIER_RE.fullmatch(head[earlier.end():]):
        return True
    return not head[earlier.end():tw.start()].strip() and C.QUALIFIER_RE.fullmatch(head[tw.end():]) is not None


def _share_date(mtext: str, cit: Citation, members: list[tuple[Citation, int, bool]]) -> None:
    """`cit` goes on a list with no type word of its own; the citations of that list right before it with no
    date, issuer or subject of their own take the date printed after it: `số 008/CĐ-UBND và số 009/CĐ-UBND ngày
    19/11/2025` (pool md/62f25a030c183151.md). Not one whose number carries another year (`... số 15/2020/NĐ-CP
    và số 14/2022/NĐ-CP ngày ...`), nor past a member with a type word of its own (`Luật đất đai số 31/2024/QH15
    và Nghị định số 71/2024/NĐ-CP`: a new kind, its date its own)."""
    if not cit.date:
        return
    after = cit.start
    for earlier, core_end, own_word in reversed(members):
        if earlier.date or earlier.issuer or earlier.tail_end > core_end \
                or not C.SHARED_DATE_TAIL_RE.match(mtext[core_end:after]) \
                or earlier.year is not None and str(earlier.year) != cit.date[:4]:
            return
        earlier.date = cit.date
        if own_word:
            return                              # the list's first member
        after = earlier.start



def _laws_by_name(text: str, mtext: str, taken: SpanIndex) -> list[Citation]:
    """Laws cited by name: `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015`."""
    out: list[Citation] = []
    title_spans = SpanIndex()
    for m in law_names(mtext):
        if taken.overlaps(m.start(), m.end()) or title_spans.overlaps(m.start(), m.end()):
            continue
        window_end = min(len(mtext), m.end() + 200)
        stop = C.LAW_TITLE_END_RE.search(mtext, m.end(), window_end)
        # an amending law names the laws it amends: `Luật sửa đổi, bổ sung một số điều của Luật Tổ chức
        # Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019`
        if C.AMENDING_RE.match(mtext, m.end()):
            while stop and C.AMENDED_LAW_RE.match(mtext, stop.start()):
                stop = C.LAW_TITLE_END_RE.search(mtext, stop.end(), window_end)
        end = stop.start() if stop else window_end
        # `Luật ... số 55/2024/QH15`: the identifier path has it
        if stop and C.NUMBER_NEXT_RE.match(mtext, stop.start()):
            continue
        name = " ".join(text[m.start():end].split()).rstrip(" ,")
        words = name.split()
        if len(words) < 2 or len(words) > 30:
            continue
        entry = vocab.type_by_code(m.group("type")) or type_of_word(m.group("type"))
        cit = Citation(start=m.start(), end=m.start() + len(text[m.start():end].rstrip(" ,")), text=name,
                       type_code=entry.code if entry else "Luật", type_name=entry.name if entry else "Luật",
                       title=name, kind="law_name")
        read_tail(text, mtext, cit, cit.end)
        out.append(cit)
        title_spans.add(m.start(), end)
    return out


def law_names(mtext: str) -> list:
    """The matches of C.LAW_NAME_RE.finditer, from one pattern per word (C.LAW_NAME_RES), in order."""
    return sorted((m for r in C.LAW_NAME_RES for m in r.finditer(mtext)), key=lambda m: m.start())


def _short_forms(text: str, mtext: str, type_words: list[tuple[int, int]], taken: SpanIndex) -> list[Citation]:
    """Type word + bare number: `Chỉ thị 11`, `Quyết định số 899`; tied to a full citation by resolve."""
    out: list[Citation] = []
    for start, end in type_words:
        m = C.SHORT_NUMBER_RE.match(mtext, end)            # the cheap test first
        if not m or taken.overlaps(start, end):
            continue
        entry = type_of_word(mtext[start:end])
        if entry is None:
            continue
        cit = Citation(start=start, end=m.end(), text=" ".join(text[start:m.end()].split()),
                       type_code=entry.code, type_name=entry.name, number=m.group("num"), kind="short")
        out.append(cit)
    return out


def _unparsed(text: str, mtext: str, type_words: list[tuple[int, int]], taken: SpanIndex) -> list[Citation]:
    """A type word announcing a number that could not be read as an identifier."""
    out: list[Citation] = []
    for start, end in type_words:
        m = C.UNPARSED_RE.match(mtext, end)
        if not m or taken.overlaps(start, m.end()):
            continue
        entry = type_of_word(mtext[start:end])
        out.append(Citation(start=start, end=m.end(), text=" ".join(text[start:m.end()].split()),
                            type_code=entry.code if entry else None, type_name=entry.name if entry else None,
                            kind="unparsed"))
    return out
