"""Deadlines extractor: printed time phrases -> normalised Deadline.

    parse_deadline(text: str, doc_year: int | None = None) -> tuple[Deadline, list[Warning]]
        a whole cell/phrase such as "Quý IV/2024", "Thường xuyên", "Trước ngày 30/6/2025"
    find_deadline(text: str, doc_year: int | None = None) -> Deadline | None
        a deadline phrase inside a sentence ("... hoàn thành trước ngày 30/9/2024")

The grammar, in the order it is applied to a phrase:

1. A phrase that refers elsewhere ("Theo các mốc thời gian tại Quyết định số ...",
   "Sau 03 tháng kể từ ...") or has several clauses ("...; thực hiện thường xuyên")
   is `unparsed`: never a guess.
2. Frequencies (`hằng năm`, `Định kỳ 6 tháng`, `trước ngày 20 hằng tháng`,
   `năm liền kề`) are found and masked: one frequency makes the phrase `recurring`.
3. Time points (day, month, quarter, half-year, year; digits or words) are found in
   what is left; points joined by `-`/`đến` (or a list of consecutive years) make one
   range: from the start of the first to the end of the last.
4. The word before the range decides the kind: `trước`/`chậm nhất`/`đến` -> `by_date`
   (end = the point's end: "Đến năm 2030" -> by 2030-12-31), `từ` or a trailing
   `và các năm tiếp theo` -> `from`, else `period`; `từ` with an end that is an event, not a date
   ("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê") -> `from`.
5. Words after the range other than frequencies are a second milestone
   ("... trong tháng 01/2026 và tổ chức thực hiện") -> `unparsed`.
6. `Thường xuyên` alone -> `continuous`; a bare date (`18/10/2025`) -> `by_date`.
7. A compound phrase left unparsed whose first part, up to `và`, is a dated milestone
   ("Hoàn thành trong năm 2026 và rà soát ... trong các năm tiếp theo") -> that milestone,
   the whole phrase kept in `text`, with a `deadline_compound` warning.

A day or month printed without a year ("trước ngày 10/12") takes the document's year
with a `deadline_year_assumed` warning; without a document year it is `unparsed`.
All words live in data/deadline_words.yaml; the patterns are built once in lexicon/deadlines.py.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import lru_cache

from vanban.lexicon.deadlines import (
    CLAUSE_SEPARATOR, COMPLETION_CUE, MILESTONE_JOIN, PROSE_CUE, PROSE_CUE_HINT, SENTENCE_END, TAIL_FILLER,
    DeadlineGrammar,
    deadline_grammar,
)
from vanban.schemas.models import Deadline, Warning


@dataclass(frozen=True)
class _Point:
    """One time point found in a phrase: a day, month, quarter, half-year or year."""
    start: int          # offsets in the phrase
    end: int
    unit: str           # day | day_of_month | month | quarter | half | year
    year: int | None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    quarter_last: int | None = None     # "Quý II, III/2015": quarters II to III
    half: int | None = None

    def bounds(self, year: int | None = None) -> tuple[str, str]:
        """(first day, last day) as ISO dates; `year` fills a missing year."""
        y = self.year if self.year is not None else year
        if self.unit == "day":
            d = f"{y:04d}-{self.month:02d}-{self.day:02d}"
            return d, d
        if self.unit == "month":
            return _iso(y, self.month, 1), _iso(y, self.month, None)
        if self.unit == "quarter":
            m0 = 3 * (self.quarter - 1) + 1
            m1 = 3 * (self.quarter_last or self.quarter)
            return _iso(y, m0, 1), _iso(y, m1, None)
        if self.unit == "half":
            m0 = 1 if self.half == 1 else 7
            return _iso(y, m0, 1), _iso(y, m0 + 5, None)
        return f"{y:04d}-01-01", f"{y:04d}-12-31"


def _iso(y: int, m: int, d: int | None) -> str:
    if d is None:
        d = calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month(g: DeadlineGrammar, s: str) -> int | None:
    s = " ".join(s.lower().split())
    m = int(s) if s.isdigit() else g.month_words.get(s)
    return m if m and 1 <= m <= 12 else None


def _points(g: DeadlineGrammar, text: str) -> list[_Point]:
    """Every time point in `text` (already masked of frequencies), left to right."""
    out: list[_Point] = []
    if not g.point_hint.search(text):
        return out          # no digit, quarter word or "tháng": no point (most paragraphs)
    for m in g.point.finditer(text):
        gd = m.groupdict()
        yr = lambda key: int(gd[key]) if gd.get(key) else None  # noqa: E731
        if gd.get("dw"):
            mo, d = _month(g, gd["dw_m"]), int(gd["dw_d"])
            if mo and _valid_day(d, mo, yr("dw_y")):
                out.append(_Point(m.start(), m.end(), "day", yr("dw_y"), mo, d))
        elif gd.get("dn"):
            mo, d = int(gd["dn_m"]), int(gd["dn_d"])
            if 1 <= mo <= 12 and _valid_day(d, mo, yr("dn_y")):
                out.append(_Point(m.start(), m.end(), "day", yr("dn_y"), mo, d))
        elif gd.get("ql"):
            nums = [g.quarters[n.lower()] for n in g.quarter_number.findall(gd["ql_n"])]
            if nums == list(range(nums[0], nums[0] + len(nums))):
                out.append(_Point(m.start(), m.end(), "quarter", yr("ql_y"), quarter=nums[0], quarter_last=nums[-1]))
            else:       # "Quý I, III/2015": not one period -> two points, hence unparsed
                out += [_Point(m.start(), m.start() + 1, "quarter", yr("ql_y"), quarter=nums[0]),
                        _Point(m.end() - 1, m.end(), "quarter", yr("ql_y"), quarter=nums[-1])]
        elif gd.get("q"):
            out.append(_Point(m.start(), m.end(), "quarter", yr("q_y"), quarter=g.quarters[gd["q_n"].lower()]))
        elif gd.get("h"):
            out.append(_Point(m.start(), m.end(), "half", yr("h_y"), half=1 if gd.get("h_first") else 2))
        elif gd.get("m"):
            mo = _month(g, gd["m_m"])
            if mo:
                out.append(_Point(m.start(), m.end(), "month", yr("m_y"), mo))
        elif gd.get("mn"):
            mo = int(gd["mn_m"])
            if 1 <= mo <= 12:
                out.append(_Point(m.start(), m.end(), "month", yr("mn_y"), mo))
        elif gd.get("dm"):
            d = int(gd["dm_d"])
            if 1 <= d <= 31:
                out.append(_Point(m.start(), m.end(), "day_of_month", None, day=d))
        elif gd.get("y"):
            out.append(_Point(m.start(), m.end(), "year", yr("y_y")))
    return out


def _valid_day(d: int, mo: int, y: int | None) -> bool:
    return 1 <= d <= calendar.monthrange(y or 2024, mo)[1]


def _mask(text: str, spans) -> str:
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" .;,:")


def _unparsed(text: str, why: str) -> tuple[Deadline, list[Warning]]:
    return (Deadline(text=text, kind="unparsed"),
            [Warning(code="deadline_unparsed", message=f"deadline not understood ({why}): {text!r}")])


def parse_deadline(text: str, doc_year: int | None = None) -> tuple[Deadline, list[Warning]]:
    """A whole deadline cell or phrase -> (Deadline, warnings).  Never guesses.
    Memoised per (text, year); each call gets objects of its own."""
    d, w = _parse_deadline(text, doc_year)
    if d.kind == "unparsed":
        d, w = _first_milestone(text, doc_year) or (d, w)
    return d.model_copy(), [x.model_copy() for x in w]


def _another_due_date(part: str) -> bool:
    """A later part that sets a due date of its own ("tổ chức kiểm tra chậm nhất trong tháng 6/2026"),
    not a later stage or upkeep ("mở rộng sau năm 2028")."""
    g = deadline_grammar()
    return bool(COMPLETION_CUE.search(part) or g.cue_before.search(part)) and bool(_points(g, part))


def _undated(d: Deadline, w: list[Warning]) -> bool:
    """A part that says no time at all (ongoing work, or words without a time point)."""
    return d.kind == "continuous" or (d.kind == "unparsed" and "(no time point)" in w[0].message)


@lru_cache(maxsize=4096)
def _first_milestone(text: str, doc_year: int | None) -> tuple[Deadline, list[Warning]] | None:
    """A compound deadline (step 7): the first milestone that names its own year, read alone, gives
    kind/start/end, when the parts before it say no time ("Thực hiện thường xuyên, liên tục | Giai
    đoạn 2026 - 2030"); the whole phrase stays in `text` and a `deadline_compound` warning says that
    the rest (upkeep, a second stage) was not read. None when no part gives a date, or when a part
    before the first date says something else (a reference to another document)."""
    shown = " ".join(text.split())
    parts = [p.rstrip(" ,") for p in MILESTONE_JOIN.split(shown) if _clean(p)]
    if len(parts) < 2 or len(_clean(parts[0])) < 4:
        return None
    for i, part in enumerate(parts):
        d, w = _parse_deadline(part, None)
        if d.kind not in ("unparsed", "continuous") and not w:
            if any(_another_due_date(later) for later in parts[i + 1:]):
                return None                 # "trong tháng 01/2026, ... chậm nhất trong tháng 6/2026": which one?
            return (d.model_copy(update={"text": shown}),
                    [Warning(code="deadline_compound", message=f"compound deadline: the first milestone "
                             f"{part!r} read, the rest kept in text: {shown!r}")])
        if not _undated(d, w):
            return None
    return None


@lru_cache(maxsize=4096)
def _parse_deadline(text: str, doc_year: int | None) -> tuple[Deadline, list[Warning]]:
    g = deadline_grammar()
    shown = " ".join(text.split())
    t = _clean(text)
    if not t:
        return _unparsed(shown, "empty")
    if g.refer.search(t):
        return _unparsed(shown, "refers to another document or event")
    if len([c for c in CLAUSE_SEPARATOR.split(t) if _clean(c)]) > 1:
        return _unparsed(shown, "several clauses")

    # 2. frequencies (masked before the time points: "6 tháng một lần" is not January)
    freqs, spans = set(), []
    for name, pat in g.frequency if g.any_frequency.search(t) else ():
        for m in pat.finditer(t):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                freqs.add(name)
                spans.append((m.start(), m.end()))
    onwards = [(m.start(), m.end()) for m in g.onwards.finditer(t)]
    continuous = [(m.start(), m.end()) for m in g.continuous.finditer(t)]
    masked = _mask(t, spans + onwards)
    points = _points(g, masked)
    if len(freqs) > 1:
        return _unparsed(shown, "several frequencies")

    if not points:
        if freqs:
            return Deadline(text=shown, kind="recurring", frequency=freqs.pop()), []
        if continuous:
            rest = _clean(masked[continuous[-1][1]:])
            head = _clean(_mask(masked, continuous)[:continuous[0][0]])
            if (not rest or g.continuous_tail.search(rest)) and g.complete_prefix.match(head):
                return Deadline(text=shown, kind="continuous"), []
        return _unparsed(shown, "no time point")

    # 3. one range of points, or several milestones
    groups: list[list[_Point]] = [[points[0]]]
    for p in points[1:]:
        gap = masked[groups[-1][-1].end:p.start]
        prev = groups[-1][-1]
        if g.joiner.match(gap) or (
                g.year_joiner.match(gap) and prev.unit == p.unit == "year" and p.year == (prev.year or 0) + 1):
            groups[-1].append(p)
        else:
            groups.append([p])
    if len(groups) > 1:
        return _unparsed(shown, "several time points")
    first, last = groups[0][0], groups[0][-1]
    if continuous and not freqs:
        return _unparsed(shown, "both ongoing and dated")

    # 4. the cue before the range; 5. nothing but frequencies after it
    prefix = masked[:first.start]
    if g.refine.search(prefix):
        return _unparsed(shown, "part of a period")
    tail = _clean(masked[last.end:])
    open_end = bool(tail) and g.cue_from.search(prefix) is not None and len(groups[0]) == 1 \
        and g.until_event.match(tail) is not None          # "Từ tháng 11/2025 đến khi kết thúc ..."
    if tail and not open_end and not TAIL_FILLER.fullmatch(tail.replace(" ", "")):
        return _unparsed(shown, "words after the date")
    if last.unit == "day_of_month" and "monthly" not in freqs:
        return _unparsed(shown, "day without month")

    if freqs:
        if any(p.year is None for p in (first, last)):
            return Deadline(text=shown, kind="recurring", frequency=freqs.pop()), []
        start, end = first.bounds()[0], last.bounds()[1]
        return Deadline(text=shown, kind="recurring", start=start, end=end, frequency=freqs.pop()), []

    warnings: list[Warning] = []
    year = last.year
    if first.year is None or last.year is None:
        if year is None and doc_year is None:
            return _unparsed(shown, "no year")
        if year is None:
            year = doc_year
            warnings.append(Warning(code="deadline_year_assumed",
                                    message=f"no year printed, the document's year {doc_year} assumed: {shown!r}"))
    start, end = first.bounds(year)[0], last.bounds(year)[1]
    if start > end:
        return _unparsed(shown, "range ends before it starts")
    if onwards:
        return Deadline(text=shown, kind="from", start=start), warnings
    if g.cue_from.search(prefix) and len(groups[0]) == 1:
        return Deadline(text=shown, kind="from", start=start), warnings
    if g.cue_before.search(prefix) and len(groups[0]) == 1:
        return Deadline(text=shown, kind="by_date", end=end), warnings
    if first.unit == "day" and len(groups[0]) == 1 and _clean(prefix).casefold() in ("", "ngày"):
        return Deadline(text=shown, kind="by_date", end=end), warnings     # a bare date: "18/10/2025"
    return Deadline(text=shown, kind="period", start=start, end=end), warnings


# --- inside prose -----------------------------------------------------------------


def _sentence_start(text: str, at: int) -> int:
    """Offset where the sentence holding `at` starts."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


def find_deadline(text: str, doc_year: int | None = None) -> Deadline | None:
    """The deadline phrase that governs a sentence or paragraph, or None (see _find_deadline); memoised
    per (text, year), each call gets a Deadline of its own."""
    d = _find_deadline(text, doc_year)
    return None if d is None else d.model_copy()


@lru_cache(maxsize=4096)
def _find_deadline(text: str, doc_year: int | None) -> Deadline | None:
    """The deadline phrase that governs a sentence or paragraph, or None.

    A labelled clause ("Thời gian thực hiện: Thường xuyên") is parsed whole (an
    unparsed Deadline when it is not understood: the label says it is a deadline).
    Otherwise a time point counts only after a cue (PROSE_CUE) or as a frequency after
    "định kỳ"; the phrase returned runs from the cue to the end of the point (and a
    frequency right after it: "trước ngày 20 hằng tháng").
    When a paragraph has several cued points (corpus: a finished-by date and a report
    date, "... xong trong tháng 12/2025. Định kỳ báo cáo ... (trước ngày 15 tháng 11)"):
    - a point in a sentence that reports an earlier instruction ("đã chỉ đạo ... trước
      ngày 30 tháng 10 năm 2025", deadline_words.yaml past_instruction) is skipped;
    - of the rest, the first one whose cue is a completion cue (COMPLETION_CUE: "hoàn
      thành", "xong", "chậm nhất") governs; without one, the first.  Only that phrase is
      returned, nothing of the others.
    """
    g = deadline_grammar()
    t = " ".join(text.split())
    lab = g.label.search(t) if ":" in t else None     # (a label ends with a colon)
    if lab:
        return parse_deadline(lab.group("rest"), doc_year)[0]
    if PROSE_CUE_HINT.search(t) is None:
        return None     # a point counts only after a cue, a frequency only with "định kỳ": no cue's first word, none
    # frequencies, masked so that "6 tháng một lần" is not read as a month
    fspans = []
    for _name, pat in g.frequency if g.any_frequency.search(t) else ():
        fspans += [(m.start(), m.end()) for m in pat.finditer(t)]
    masked = _mask(t, fspans)
    found: list[tuple[Deadline, bool]] = []     # (deadline, its cue is a completion cue)
    for p in _points(g, masked):
        window = masked[max(0, p.start - 40):p.start]
        cue = PROSE_CUE.search(window)
        if not cue:
            continue
        start = p.start - (len(window) - cue.start("cue"))
        sentence = masked[_sentence_start(masked, start):start]
        if g.past_instruction.search(sentence):
            continue        # "... đã chỉ đạo các cơ quan, đơn vị khẩn trương hoàn thành ... trước ngày 30 tháng 10 năm 2025" (052)
        end = p.end
        # extend over a range ("trong Quý IV/2025 - Quý II/2026") and a frequency
        for q in _points(g, masked[end:]):
            if g.joiner.match(masked[end:end + q.start]):
                end = end + q.end
            break
        for s, e in sorted(fspans):
            if s >= end and not masked[end:s].strip(" ,"):
                end = e
                break
        if p.year is None:
            # a frequency just before a yearless point: "Định kỳ hằng năm (trước ngày 15 tháng 12)" (039)
            for s, e in sorted(fspans, reverse=True):
                if e <= start and start - e <= 3:
                    start = s
                    break
        d, _w = parse_deadline(t[start:end], doc_year)
        if d.kind != "unparsed":
            found.append((d, bool(COMPLETION_CUE.match(cue.group("cue")))))
    if found:
        # the completion cue governs the task: "... xong trong tháng 12/2025. Định kỳ báo cáo ... (trước ngày 15 tháng 11)"
        return next((d for d, done in found if done), found[0][0])
    for s, e in sorted(fspans):
        if g.periodic.search(t[s:e]):
            return parse_deadline(t[s:e], doc_year)[0]
    return None
