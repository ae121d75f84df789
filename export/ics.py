"""`--format ics`: one VTODO per task that has a date or a recurrence.

    write(documents, out, as_of) -> int        VTODOs written
    recurrence(deadline, anchor) -> (first date, rrule dict) | None

- `DUE` is the deadline's end (its last day: `2024-06` -> 2024-06-30).
- A period (`Quý IV/2026`) or a `from` deadline keeps `DTSTART` at its start.
- A recurring deadline (`hằng năm`, `hằng quý`, `hằng tháng`, `định kỳ 6 tháng`)
  becomes an `RRULE` (data/recurrence.yaml); `DTSTART` is its first occurrence on or
  after the document's date, on the day the text names (`trước ngày 20 hằng tháng`)
  or else at the end of each period.
- `UID` is the document's sha256 + the task id, so a re-export updates a calendar
  instead of duplicating it.  `DTSTAMP` is `--as-of`, so the same input gives the
  same file.
- `SUMMARY` is the description (cut at 120 characters), `DESCRIPTION` carries the
  lead (chủ trì), coordinators (phối hợp), the deadline as printed and the source;
  `CATEGORIES` holds the lead bodies.

`continuous` (thường xuyên) and `unparsed` deadlines have no day to put in a
calendar: those tasks are left out (the xlsx and jsonl exports carry them).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Optional
from urllib.parse import quote

import yaml
from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule
from icalendar import Calendar, Todo, vRecur

from vanban.schemas.models import Deadline, Document, Task
from vanban.schemas.status import last_day

from .rows import LIST_SEP, first_day

SUMMARY_CHARS = 120
_FREQ = {"YEARLY": YEARLY, "MONTHLY": MONTHLY, "WEEKLY": WEEKLY}


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load((Path(__file__).parent / "data" / "recurrence.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _day_pattern() -> re.Pattern:
    day = "|".join(map(re.escape, _data()["day_words"]))
    month = "|".join(["/"] + [re.escape(w) for w in _data()["month_words"]])
    return re.compile(rf"\b(?:{day})\s+(\d{{1,2}})(?:\s*(?:{month})\s*(\d{{1,2}}))?(?!\s*/\s*\d{{4}})", re.I)


def _named_day(text: str) -> tuple[Optional[int], Optional[int]]:
    """(day, month) named in a recurring deadline's text, e.g. 'trước ngày 31/01' -> (31, 1)."""
    m = _day_pattern().search(text)
    if not m:
        return None, None
    day, month = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    if not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
        return None, None
    return day, month


def recurrence(deadline: Deadline, anchor: date) -> Optional[tuple[date, dict]]:
    """The first occurrence on or after `anchor` and the RRULE (icalendar's dict form)."""
    spec = _data()["frequencies"].get(deadline.frequency or "")
    if deadline.kind != "recurring" or spec is None:
        return None
    day, month = _named_day(deadline.text)
    rule: dict = {"FREQ": spec["freq"]}
    if spec["interval"] > 1:
        rule["INTERVAL"] = spec["interval"]
    if spec["freq"] == "YEARLY":
        rule["BYMONTH"], rule["BYMONTHDAY"] = month or spec["month"], day or spec["day"]
        start = date(anchor.year, 1, 1)
    elif spec["freq"] == "MONTHLY":
        rule["BYMONTHDAY"] = day or spec["day"]
        start = date(anchor.year, spec["anchor_month"], 1)
    else:
        start = anchor
    kwargs = {k.lower(): v for k, v in rule.items() if k != "FREQ"}
    when = rrule(_FREQ[spec["freq"]], dtstart=datetime.combine(start, datetime.min.time()), **kwargs)
    first = when.after(datetime.combine(anchor, datetime.min.time()), inc=True)
    return (first.date(), rule) if first else None      # e.g. 31/02 never happens


def _anchor(doc: Document, as_of: date) -> date:
    return first_day(doc.metadata.date) if doc.metadata.date else as_of


def _cut(text: str) -> str:
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1].rstrip() + "…"


def _description(doc: Document, task: Task) -> str:
    lines = [f"Chủ trì: {LIST_SEP.join(task.lead)}" if task.lead else None,
             f"Phối hợp: {LIST_SEP.join(task.coordinators)}" if task.coordinators else None,
             f"Thời hạn: {task.deadline.text}",
             f"Văn bản: {doc.metadata.identifier or doc.metadata.symbol or ''} {doc.metadata.title or ''}".rstrip(),
             f"Nhiệm vụ: {task.id}" + (f", trang {task.page}" if task.page else ""),
             f"Tệp: {doc.source.path}",
             "", task.description]
    return "\n".join(x for x in lines if x is not None)


def todo(doc: Document, task: Task, as_of: date) -> Optional[Todo]:
    """The VTODO of one task, or None when its deadline has no day to place."""
    d = task.deadline
    if d is None:
        return None
    item = Todo()
    if d.kind == "recurring":
        rec = recurrence(d, _anchor(doc, as_of))
        if rec is None:
            return None
        item.add("dtstart", rec[0])
        item.add("rrule", vRecur(rec[1]))
    elif d.end or d.start:
        if d.start:
            item.add("dtstart", first_day(d.start))
        if d.end:
            item.add("due", last_day(d.end))
    else:
        return None
    item.add("uid", f"{doc.source.sha256}-{quote(task.id, safe=':.')}@vanban")
    item.add("dtstamp", datetime.combine(as_of, datetime.min.time(), tzinfo=timezone.utc))
    item.add("summary", _cut(task.description or d.text))
    item.add("description", _description(doc, task))
    if task.lead:
        item.add("categories", task.lead)
    item.add("status", "NEEDS-ACTION")
    return item


def calendar(documents: list[Document], as_of: date) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//vanban//task export//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "vanban: nhiệm vụ")
    for doc in documents:
        for task in doc.tasks:
            item = todo(doc, task, as_of)
            if item is not None:
                cal.add_component(item)
    return cal


def write(documents: list[Document], out: Path, as_of: date) -> int:
    cal = calendar(documents, as_of)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(cal.to_ical())
    return len(cal.walk("VTODO"))
