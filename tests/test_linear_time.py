"""Linear work on adversarial input (issue 14): the work of 2n -> 4n grows about 2x, never 4x.

Work is counted in steps (tests/steps.py: lines of Python and calls into C), the same on
every run; bench/growth.py times the same cases, with a linear baseline in the same run,
and also the one a step count cannot see (a regular expression on a long number)."""
from __future__ import annotations

from steps import growth
from vanban.extractors.references.spans import SpanIndex
from vanban.lexicon.citations import UNPARSED_RE
from vanban.pipeline.link import link_tasks
from vanban.pipeline.text_table import find_column_tables
from vanban.schemas.models import Mention, Reference, Task

#: largest growth of the work from 2n to 4n: linear gives 2, n log n a little more, quadratic 4
MAX_GROWTH = 2.5


def test_overlaps_of_many_citations_against_many_spans():
    def make(n):
        return [(k * 10, k * 10 + 5) for k in range(n)]

    def run(spans):
        taken = SpanIndex(spans)
        return sum(taken.overlaps(a, a + 3) for a in range(0, len(spans) * 10, 10))

    assert run(make(50)) == 50            # each [a, a+3) meets the span at a
    assert growth(make, run, 300) < MAX_GROWTH


def test_unparsed_citation_number_of_a_hundred_thousand_digits():
    def make(n):
        return " số " + "1" * n

    assert UNPARSED_RE.match(" số 1234/8D-UBND").group("raw") == "1234/8D-UBND"
    assert UNPARSED_RE.match(make(100)) is None


def _tasks_and_references(n: int):
    tasks = [Task(id=f"body:{k}", origin="body", description=f"Sở Nội vụ thực hiện Quyết định số {k}/QĐ-UBND",
                  start=k * 100, end=k * 100 + 90) for k in range(n)]
    refs = [Reference(id=f"ref:{k}/QĐ-UBND", identifier=f"{k}/QĐ-UBND",
                      mentions=[Mention(start=k * 100 + 40, end=k * 100 + 60)]) for k in range(n)]
    return tasks, refs


def test_link_references_of_thousands_of_tasks_and_citations():
    def run(pair):
        return link_tasks(pair[0], pair[1])

    tasks = run(_tasks_and_references(20))
    assert [t.references for t in tasks[:2]] == [["ref:0/QĐ-UBND"], ["ref:1/QĐ-UBND"]]
    assert growth(_tasks_and_references, run, 100) < MAX_GROWTH


def test_link_references_without_spans_reads_identifiers_in_descriptions():
    def make(n):
        tasks, refs = _tasks_and_references(n)
        for t in tasks:
            t.start = t.end = None
        return tasks, refs

    tasks, refs = make(30)
    tasks = link_tasks(tasks, refs)
    # the same answer as one substring search per identifier: "2/QĐ-UBND" is inside "12/QĐ-UBND"
    naive = [r.id for r in refs if r.identifier.casefold() in tasks[12].description.casefold()]
    assert tasks[12].references == naive == ["ref:2/QĐ-UBND", "ref:12/QĐ-UBND"]
    assert growth(make, lambda pair: link_tasks(pair[0], pair[1]), 100) < MAX_GROWTH


def test_column_tables_of_many_header_lines():
    header = "TT        Nội dung công việc        Đơn vị chủ trì        Thời hạn"
    row = "  1       Rà soát văn bản               Sở Tư pháp            Quý I"

    def make(n):
        return [header, row] * n

    assert len(find_column_tables([header, row, row.replace("1", "2", 1)])) == 1
    assert growth(make, find_column_tables, 50) < MAX_GROWTH


def test_column_tables_of_many_rows_after_a_header_without_numbers():
    header = "TT        Nội dung công việc        Đơn vị chủ trì        Thời hạn"

    def make(n):
        return [header] * 3 + ["          Rà soát văn bản               Sở Tư pháp            Quý I"] * n

    assert growth(make, find_column_tables, 100) < MAX_GROWTH


def test_whole_parse_of_runs_of_head_words():
    """The issue's `'Giao ' + 'Sở '*n + 'chủ trì'` and `'Ủy ban nhân dân '*n`, behind a real header so
    that every stage meets them: the whole parse grows linearly (the blank-date search of the
    header read the one long line from every start before)."""
    import re

    from vanban.pipeline import parse
    from conftest import CORPUS

    header = re.split(r"\n\s*I\.\s", (CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt").read_text(encoding="utf-8"),
                      maxsplit=1)[0] + "\n\n"
    for body in (lambda n: "Giao " + "Sở " * n + "chủ trì", lambda n: "Ủy ban nhân dân " * n):
        assert growth(lambda n: (header + body(n)).encode(), parse, 200) < MAX_GROWTH


def test_span_index_answers_as_a_scan_does():
    """The index of taken spans gives the answer of a linear scan, spans added in any order."""
    spans = [(30, 40), (0, 5), (12, 20), (18, 25)]
    index = SpanIndex(spans[:2])
    for s, e in spans[2:]:
        index.add(s, e)
    index.add(7, 9)                       # before the last start: re-indexed
    spans.append((7, 9))
    for a in range(-2, 45):
        for b in range(a + 1, a + 6):
            assert index.overlaps(a, b) == any(s < b and e > a for s, e in spans), (a, b)
