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
