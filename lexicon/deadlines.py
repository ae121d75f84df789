"""Deadline words and patterns: the grammar the deadlines extractor reads time phrases with.

    deadline_grammar() -> DeadlineGrammar     every pattern, compiled once from data/deadline_words.yaml
    PROSE_CUE, COMPLETION_CUE, SENTENCE_END   a deadline inside a sentence
    CLAUSE_SEPARATOR, TAIL_FILLER, MILESTONE_JOIN   the parts of a deadline phrase

The logic that reads a phrase with them is in extractors/deadlines.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import load
from .patterns import alternation, any_case, word_start


@dataclass(frozen=True)
class DeadlineGrammar:
    """All compiled patterns, built once from data/deadline_words.yaml."""
    point: re.Pattern
    point_hint: re.Pattern          # found wherever `point` is: a digit, a quarter word or "tháng"
    frequency: list[tuple[str, re.Pattern]]
    any_frequency: re.Pattern       # found wherever one of `frequency` is: its words, without the prefix
    periodic: re.Pattern            # the word a frequency may open with: "định kỳ" (periodically)
    continuous: re.Pattern
    continuous_tail: re.Pattern
    onwards: re.Pattern
    refer: re.Pattern
    cue_before: re.Pattern
    cue_within: re.Pattern
    cue_from: re.Pattern
    until_event: re.Pattern         # "đến khi kết thúc ...": an open end after a start
    joiner: re.Pattern
    year_joiner: re.Pattern
    complete_prefix: re.Pattern
    refine: re.Pattern
    past_instruction: re.Pattern    # "đã chỉ đạo": a sentence reporting an earlier instruction
    label: re.Pattern
    quarters: dict[str, int]
    month_words: dict[str, int]
    quarter_number: re.Pattern      # one quarter number in a list: "II", "III" in "Quý II, III/2015"


@lru_cache(maxsize=1)
def deadline_grammar() -> DeadlineGrammar:
    w = load("deadline_words.yaml")
    quarter_word = alternation(w["quarter_words"])
    quarter_num = alternation(w["quarters"])
    month_word = alternation(w["month_words"])
    month = rf"(?:\d{{1,2}}|{month_word})"
    year = r"(?:19|20)\d{2}"
    year_sep = r"\s*(?:[/.\-–]|,?\s*năm)\s*"   # "/2026", "-2025", " năm 2026", " Năm 2026"
    # One alternation of every time point; the first alternative that matches at a
    # position wins, so the longer shapes come first.
    point = "|".join([
        # "ngày 01 tháng 7 năm 2028" (day in words); "ngày 31 tháng 12"
        rf"(?P<dw>(?:ngày\s+)?(?P<dw_d>\d{{1,2}})\s+tháng\s+(?P<dw_m>{month})(?:{year_sep}(?P<dw_y>{year}))?)(?!\d)",
        # "ngày 30/6/2025", "31/01" (no year), "15.12.2025"
        rf"(?P<dn>(?:ngày\s*)?(?<!\d)(?P<dn_d>\d{{1,2}})\s*(?P<dn_s>[/.\-])\s*(?P<dn_m>\d{{1,2}})(?!\d)(?:\s*(?P=dn_s)\s*(?P<dn_y>{year}))?(?!\d))",
        # "Quý II, III/2015", "Quý II và III/2015" (consecutive quarters of one year)
        rf"(?P<ql>(?:{quarter_word})\s+(?P<ql_n>(?:{quarter_num})\b(?:\s*(?:,|và)\s*(?:(?:{quarter_word})\s+)?(?:{quarter_num})\b)+)"
        rf"(?:{year_sep}(?P<ql_y>{year}))(?!\d))",
        # "Quý IV/2024", "Quí IV-2025", "Quý III Năm 2026", "Quý I" (no year)
        rf"(?P<q>(?:{quarter_word})\s+(?P<q_n>{quarter_num})\b(?:{year_sep}(?P<q_y>{year}))?(?!\d))",
        # "6 tháng đầu năm 2025", "6 tháng cuối năm 2025"
        rf"(?P<h>(?P<h_first>{alternation(w['half_first'])})|(?P<h_second>{alternation(w['half_second'])}))\s*(?P<h_y>{year})(?!\d)",
        # "Tháng 10/2024", "tháng 9 năm 2026", "tháng 9" (no year)
        rf"(?P<m>tháng\s+(?P<m_m>{month})\b(?:{year_sep}(?P<m_y>{year}))?(?!\d))",
        # "10/2024" without "tháng"
        rf"(?P<mn>(?<![\d/])(?P<mn_m>\d{{1,2}})\s*/\s*(?P<mn_y>{year})(?!\d))",
        # "ngày 20" (day of a month: "trước ngày 20 hằng tháng")
        r"(?P<dm>ngày\s+(?P<dm_d>\d{1,2})(?![\d/.\-]))",
        # "năm 2024", "2026" (a bare year)
        rf"(?P<y>(?:năm\s+)?(?<![\d/.])(?P<y_y>{year})(?![\d/]))",
    ])
    # Every alternative of `point` holds a digit (a day, a month number, a year), a quarter word or
    # "tháng" (a month in words): where none of these is, `point` finds nothing, and the point reader
    # skips the text without trying every alternative at every character (most paragraphs, issue 13).
    point_hint = rf"\d|(?:{quarter_word})|tháng"
    point_starts = ["ngày", "tháng", "năm", *w["quarter_words"], *w["half_first"], *w["half_second"]]
    before = alternation(w["before"])
    within = alternation(w["within"])
    frm = alternation(w["from"])
    return DeadlineGrammar(
        point=re.compile(_guarded(point, point_starts), re.I),
        point_hint=re.compile(point_hint, re.I),
        frequency=[(f, re.compile(rf"(?:(?:{alternation(w['periodic'])})\s+)?\b(?:{alternation(words)})\b", re.I))
                   for f, words in w["frequency"].items()],
        # each frequency pattern needs its words: one scan for all five tells whether any can match (each word
        # opening a word, any case, first letter first: re skips the other characters fast)
        any_frequency=re.compile(word_start([x for words in w["frequency"].values() for x in words], ignore_case=True)),
        periodic=re.compile(alternation(w["periodic"]), re.I),
        continuous=re.compile(rf"\b(?:{alternation(w['continuous'])})\b", re.I),
        continuous_tail=re.compile(rf"^(?:{alternation(w['continuous_tail'])})\b", re.I),
        onwards=re.compile(rf"\b(?:{alternation(w['onwards'])})\b", re.I),
        refer=re.compile(rf"^(?:{alternation(w['refer'])})\b", re.I),
        cue_before=re.compile(rf"(?:^|\s)(?:{before})\s*$", re.I),
        cue_within=re.compile(rf"(?:^|\s)(?:{within})\s*$", re.I),
        cue_from=re.compile(rf"(?:^|\s)(?:{frm})\s*$", re.I),
        until_event=re.compile(rf"^(?:{alternation(w['until_event'])})\s+\S", re.I),
        joiner=re.compile(rf"^\s*(?:{alternation(w['range_joiners'])})\s*(?:năm\s*)?$", re.I),
        year_joiner=re.compile(r"^\s*(?:,|và)\s*(?:năm\s*)?$", re.I),
        complete_prefix=re.compile(rf"^(?:(?:{alternation(w['complete'])})\s*)*$", re.I),
        refine=re.compile(rf"(?:^|\s)(?:{alternation(w['refine'])})\s*$", re.I),
        past_instruction=re.compile(_guarded(rf"(?<!\w)(?:{alternation(w['past_instruction'])})(?!\w)",
                                             w["past_instruction"]), re.I),
        label=re.compile(_guarded(rf"\b(?:{alternation(w['labels'])})\s*:\s*(?P<rest>[^\n]+?)(?=\.\s|\.$|\n|$)",
                                  w["labels"]), re.I),
        quarters={k.lower(): v for k, v in w["quarters"].items()},
        month_words={k.lower(): v for k, v in w["month_words"].items()},
        quarter_number=re.compile(rf"\b(?:{'|'.join(sorted((k.lower() for k in w['quarters']), key=len, reverse=True))})\b",
                                  re.I),
    )


def _guarded(pattern: str, starts: list[str]) -> str:
    """`pattern` behind a look-ahead for the first characters of its matches (a digit, or the first letter of
    one of `starts`, the words a match can open with): the engine tries the whole alternation only where one
    of them stands, not at every character of a paragraph (4x faster, issue 13). The matches are the same."""
    letters = sorted({x[0] for x in starts if not x[0].isdigit()})
    return rf"(?=[\d{re.escape(''.join(letters))}])(?:{pattern})"


#: Clauses of a phrase: "Báo cáo định kỳ theo thời gian quy định; thực hiện thường xuyên trong năm" (061) is two.
CLAUSE_SEPARATOR = re.compile(r"[;\n]")
#: What may stand after the last time point besides a frequency: "Trước ngày 05 của tháng liền kề" (060),
#: "(trước ngày 15 tháng 12)" (039).
TAIL_FILLER = re.compile(r"(?:của|\(|\))*", re.I)
#: Where a compound deadline's milestones part: at "và" / "sau đó" ("Hoàn thành trong năm 2026 | và rà
#: soát ... trong các năm tiếp theo", "Triển khai từ năm 2026 | và thực hiện thường xuyên"), at the end of
#: a sentence ("Ban hành trong quý I năm 2026. | Thực hiện rà soát ..."), at a comma after a time point
#: ("Thí điểm trong giai đoạn 2026 - 2028, | nghiên cứu xem xét mở rộng sau thí điểm") and where a new
#: capitalised phrase follows a time point, or a capitalised "Giai đoạn" follows words (table cells run
#: together: "Giai đoạn 2026 - 2030 | Giai đoạn 2026 - 2030", "Thực hiện thường xuyên, liên tục | Giai
#: đoạn 2026 - 2030"; pool md/646f0a00d4174382.md), and at a ';' that opens the next bulleted step of a
#: schedule ("- Trình UBTVQH tại Phiên họp thứ 42 (tháng 02/2025); | - Trình Quốc hội xem xét, thông qua tại Kỳ
#: họp bất thường lần thứ 9 (cuối tháng 02/2025).", pool md/ae8d299abf846604.md).
MILESTONE_JOIN = re.compile(r"\s*(?:,\s*)?\b(?i:và|sau đó)\s+(?=\S)|(?<=\.)\s+(?=[-–•]?\s*[A-ZĐ])|;\s*(?=[-–•]\s*[A-ZĐ])"
                            r"|(?<=\d)\s*,\s+(?=[^\W\d_])|(?<=\d)\s+(?=[A-ZĐ])|(?<=[^\W\d_])\s+(?=Giai\s+đoạn\b)")

#: A deadline cue inside a sentence.  Only phrases introduced by one of these count,
#: so a document title's "giai đoạn 2021-2030" or a plan horizon "đến năm 2030" is
#: never taken for a task deadline.  Examples from the corpus:
#:   "... hoàn thành chậm nhất đến ngày 01 tháng 7 năm 2028"  (chậm nhất)
#:   "... báo cáo UBND tỉnh trước ngày 15/12/2026"              (trước ngày)
#:   "... hoàn thành trong quý II/2020"                         (hoàn thành trong)
PROSE_CUE = re.compile(
    r"(?P<cue>chậm\s+nhất(?:\s+(?:là|vào|trong|đến|trước))?(?:\s+ngày)?"
    r"|trước(?:\s+ngày)?"
    r"|(?:hoàn\s+thành|hoàn\s+tất|xong)(?:\s+(?:trong|trước|vào|đến|trước\s+ngày|đến\s+ngày))?"
    r"|định\s+kỳ)\s*$",
    re.I)
#: The first word of every PROSE_CUE alternative, each first letter spelt in every case re.IGNORECASE matches (re then
#: skips the characters no cue opens with): a text without one holds no cue, so no deadline inside its prose (nor
#: the "định kỳ" of a frequency, which the prose reader falls back to).
PROSE_CUE_HINT = re.compile(any_case(("chậm", "trước", "hoàn", "xong", "định")))
#: A cue that says the work is to be finished (it governs the task when a paragraph has
#: several deadlines): "xong trong tháng 12/2025", "hoàn thành trong quý II năm 2010", "chậm nhất đến ngày".
COMPLETION_CUE = re.compile(r"(?:chậm\s+nhất|hoàn\s+thành|hoàn\s+tất|xong)\b", re.I)
#: The end of a sentence before a cue: "... theo yêu cầu đề ra; Để hoàn thành ..." (". ", "; ").
SENTENCE_END = re.compile(r"[.;!?]\s+(?=\S)")
