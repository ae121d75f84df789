"""Deadline status on a day, on deadlines parsed from real corpus phrases."""
from datetime import date

import pytest

from vanban.extractors.deadlines import parse_deadline
from vanban.schemas.status import deadline_status, last_day


@pytest.mark.parametrize("printed, as_of, expected", [
    ("Quý IV/2024", date(2026, 12, 3), "overdue"),            # Bắc Giang plan, 2024
    ("Trước ngày 30/6/2025", date(2025, 6, 10), "due_soon"),
    ("Trước ngày 30/6/2025", date(2025, 5, 1), "in_time"),
    ("Tháng 6/2025", date(2025, 7, 1), "overdue"),             # the whole month counts
    ("Tháng 6/2025", date(2025, 6, 30), "due_soon"),
    ("Hằng năm", date(2026, 1, 1), "recurring"),
    ("Thường xuyên", date(2030, 1, 1), "in_time"),
    ("Theo hướng dẫn của Trung ương", date(2026, 1, 1), "no_deadline"),
])
def test_status_of_printed_deadlines(printed, as_of, expected):
    deadline, _ = parse_deadline(printed)
    assert deadline_status(deadline, as_of) == expected


def test_no_deadline():
    assert deadline_status(None, date(2026, 1, 1)) == "no_deadline"


@pytest.mark.parametrize("partial, expected", [
    ("2024", date(2024, 12, 31)), ("2024-02", date(2024, 2, 29)), ("2025-02", date(2025, 2, 28)),
    ("2025-06-14", date(2025, 6, 14)),
])
def test_last_day_of_partial_dates(partial, expected):
    assert last_day(partial) == expected


@pytest.mark.parametrize("printed, as_of, expected", [
    ("Định kỳ hằng năm", date(2026, 12, 3), date(2026, 12, 31)),      # Bắc Giang plan, appendix I.3
    ("Hằng quý", date(2026, 12, 3), date(2026, 12, 31)),
    ("Hằng quý", date(2027, 1, 5), date(2027, 3, 31)),
    ("định kỳ 6 tháng", date(2026, 7, 1), date(2026, 12, 31)),
    ("Hằng tháng", date(2026, 2, 3), date(2026, 2, 28)),
])
def test_next_occurrence_of_a_recurring_deadline(printed, as_of, expected):
    from vanban.schemas.status import next_occurrence
    deadline, _ = parse_deadline(printed)
    assert deadline.kind == "recurring"
    assert next_occurrence(deadline, as_of) == expected


def test_a_deadline_that_does_not_recur_has_no_next_occurrence():
    from vanban.schemas.status import next_occurrence
    deadline, _ = parse_deadline("Quý IV/2024")
    assert next_occurrence(deadline, date(2026, 1, 1)) is None
