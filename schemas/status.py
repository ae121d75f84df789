"""The status of a task's deadline on a given day, shared by the audit and the exports.

    deadline_status(deadline, as_of) -> "no_deadline" | "in_time" | "due_soon" | "overdue" | "recurring"
    last_day(partial_date) -> date          "2024" -> 2024-12-31, "2024-06" -> 2024-06-30

The words follow the Government's task-tracking rules (Quy chế theo dõi, đôn đốc
việc thực hiện nhiệm vụ, 42/2014/QĐ-TTg): in time (trong hạn), due (đến hạn),
overdue (quá hạn).  A deadline with no date to judge by (none, or `unparsed`)
is `no_deadline`; `continuous` and `from` deadlines never fall due, so they are
`in_time`; `recurring` ones are judged by their next occurrence elsewhere.
"""
from __future__ import annotations

import calendar
from datetime import date
from typing import Literal, Optional

from .models import Deadline

Status = Literal["no_deadline", "in_time", "due_soon", "overdue", "recurring"]

#: A deadline that ends within this many days of the day asked about is due soon.
DUE_SOON_DAYS = 30


def last_day(partial: str) -> date:
    """The last day a partial ISO date covers: "2024" -> 2024-12-31, "2024-02" -> 2024-02-29."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


def deadline_status(deadline: Optional[Deadline], as_of: date) -> Status:
    if deadline is None or deadline.kind == "unparsed":
        return "no_deadline"
    if deadline.kind == "recurring":
        return "recurring"
    if deadline.end is None:          # continuous, from, or a period with no end
        return "in_time"
    end = last_day(deadline.end)
    if end < as_of:
        return "overdue"
    if (end - as_of).days <= DUE_SOON_DAYS:
        return "due_soon"
    return "in_time"


#: the months a period of each frequency ends with
_PERIOD_END_MONTHS = {"yearly": (12,), "half_yearly": (6, 12), "quarterly": (3, 6, 9, 12),
                      "monthly": tuple(range(1, 13))}


def next_occurrence(deadline: Optional[Deadline], as_of: date) -> Optional[date]:
    """The next day a recurring deadline falls due on or after `as_of`: the end of the
    current period of its frequency (hằng năm -> 31/12, hằng quý -> end of the quarter,
    hằng tháng -> end of the month, hằng tuần -> Sunday).  None when the deadline does not
    recur, has no frequency, or its own end is already past."""
    if deadline is None or deadline.kind != "recurring" or deadline.frequency is None:
        return None
    if deadline.end and last_day(deadline.end) < as_of:
        return None
    day = as_of
    if deadline.start:
        parts = [int(p) for p in deadline.start.split("-")] + [1, 1]
        day = max(day, date(parts[0], parts[1], parts[2]))
    if deadline.frequency == "weekly":
        return date.fromordinal(day.toordinal() + 6 - day.weekday())
    month = next(m for m in _PERIOD_END_MONTHS[deadline.frequency] if m >= day.month)
    return last_day(f"{day.year}-{month:02d}")
