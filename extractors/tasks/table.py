"""Task tables: rows of `TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian`
(appendix or in-body) read from a real Table (DOCX, HTML, Markdown, PDF), and the
row -> Task step shared with flattened tables (flat.py).

    tasks_from_table(table: Table, doc_year, previous=...) -> TableResult
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from vanban.pipeline.types import Table
from vanban.schemas.models import Task, Warning

from ..bodies import split_bodies
from ..deadlines import parse_deadline
# A numbered heading in one cell: "2. Các nhiệm vụ về chuyển đổi số quá hạn chưa hoàn thành"
NUMBERED_HEADING = re.compile(r"^(?P<m>\d{1,2})[.)]\s+(?P<title>[A-ZĐÀ-Ỹ].{8,})$")

from .columns import (ARABIC_GROUP, CAPITAL_AND, COLUMN_NUMBER, GROUP_MARKER, GROUP_ONLY, LETTER_GROUP, LIST_SPLIT,
                      REFERRAL, ROLES, ROMAN, ROW_NUMBER, clean, column_role, fold, folded, header_roles, lead_and_noted,
                      plausible_name)

# --------------------------------------------------------------------------- rows -> tasks

@dataclass
class RowCells:
    """One table row, its cells sorted by role (internal)."""
    row: str = ""
    cells: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)
    page: Optional[int] = None
    #: offsets of the row's text in LaidOut.text, where known
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass
class TableResult:
    tasks: list[Task] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    #: titles of the groups met, by group path ("II" -> "Đổi mới công tác ...")
    groups: dict[str, str] = field(default_factory=dict)
    #: the columns read (for a table that goes on in the next Table without a header)
    roles: list[Optional[str]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    stack: list[tuple[str, str]] = field(default_factory=list)


def tasks_from_table(table: Table, doc_year: Optional[int] = None, *, group_prefix: str = "",
                     previous: Optional["TableResult"] = None) -> TableResult:
    """Tasks from a real Table; an empty result when it is not a task table.  A table
    without a header that follows a task table with as many columns (the same table
    going on over a page) is read with the previous table's columns and groups."""
    rows = [[clean(c) for c in r] for r in table.rows]
    pages = table.row_pages or [table.page] * len(rows)
    spans, pos = [], table.start
    for r in table.rows:                                   # layout writes one row a line, cells joined by " | "
        n = len(" | ".join(r))
        spans.append((pos, pos + n))
        pos += n + 1
    found = _find_header(rows)
    stack: list[tuple[str, str]] = []
    if found is not None:
        at, skip, roles = found
        body = rows[:at] + rows[at + skip:]
        bpages = pages[:at] + pages[at + skip:]
        spans = spans[:at] + spans[at + skip:]
        roles = _shift_roles(roles, body)
        header = [rows[at][j] if j < len(rows[at]) and roles[j] == "extra" else "" for j in range(len(roles))]
    elif previous is not None and previous.roles and rows and len(rows[0]) == len(previous.roles):
        roles, header, body, bpages = previous.roles, previous.header, rows, pages
        stack = list(previous.stack)
    else:
        return TableResult()
    cells = [_row_cells(r, roles, header, bpages[k] if k < len(bpages) else table.page) for k, r in enumerate(body)]
    if table.end > table.start:
        for rc, (a, b) in zip(cells, spans):
            rc.start, rc.end = a, b
    res = tasks_from_rows(cells, doc_year, group_prefix, stack)
    good = sum(1 for t in res.tasks if t.lead and all(plausible_name(n) for n in t.lead))
    if res.tasks and good < TABLE_MIN_GOOD * len(res.tasks):
        # columns named like a task table's, but the "lead" cells hold no bodies (figures, units)
        return TableResult(warnings=[Warning(
            code="task_table_rejected",
            message=f"a table of {len(res.tasks)} rows with task-like headers has few bodies in its lead column "
                    f"({good}); not read as tasks")])
    res.roles, res.header = roles, header
    return res


#: share of rows whose leads must read as body names for a real table to be read as tasks
TABLE_MIN_GOOD = 0.5


def _find_header(rows: list[list[str]]):
    """(index, rows taken, roles) of the header row among the first rows; a header split over
    two rows is read as one."""
    for i, r in enumerate(rows[:6]):
        if r and ROW_NUMBER.match(r[0].strip()):
            continue    # a numbered row is data: "1 | Điều chỉnh danh mục, tổ chức, cá nhân chủ trì nhiệm vụ ... |
            # - Thông tư số 09/2024/TT-BKHCN ..." under "STT | Tên thủ tục hành chính | ..." (pool md/c0a2deaf27ce8fea)
        roles = header_roles(r)
        if roles is not None:
            return i, 1, roles
        if i + 1 < len(rows) and _is_header_like(rows[i + 1]) and _is_header_like(r):
            merged = [a + " " + b for a, b in zip(r, rows[i + 1] + [""] * len(r))]
            roles = header_roles(merged)
            if roles is not None:
                return i, 2, roles
    return None


def _shift_roles(roles: list[Optional[str]], body: list[list[str]]) -> list[Optional[str]]:
    """A header row printed one cell short ("Nội dung | Đơn vị thực hiện | ..." over rows
    "1.1 | Xây dựng ... | Sở Nội vụ | ..."): the row numbers sit under the description."""
    if "row" in roles or "description" not in roles:
        return roles
    d = roles.index("description")
    col = [r[d] for r in body if len(r) > d and r[d]]
    numbered = sum(1 for c in col if ROW_NUMBER.match(c) or GROUP_ONLY.match(c))
    if col and numbered >= 0.6 * len(col):
        shifted = roles[:d] + ["row"] + roles[d:]
        return shifted[:max(len(roles), max(len(r) for r in body))]
    return roles


def _is_header_like(cells: list[str]) -> bool:
    return not any(ROW_NUMBER.match(c) for c in cells) and any(column_role(c) for c in cells)


def _row_cells(row: list[str], roles: list[Optional[str]], header: list[str], page) -> RowCells:
    rc = RowCells(page=page)
    if len(row) == 1 and len(roles) > 1 or _spanning_group(row):     # a group row written as one cell
        rc.cells["description"] = row[0]
        return rc
    row = _unshifted(row, roles)
    for j, text in enumerate(row[:len(roles)]):
        role = roles[j]
        if role in ROLES:
            if role == "row":
                rc.row = text
            elif text and text not in rc.cells.get(role, ""):
                rc.cells[role] = (rc.cells.get(role, "") + " " + text).strip()
        elif role == "extra" and text:
            rc.extra[header[j]] = text
    return rc


def _spanning_group(row: list[str]) -> bool:
    """A group row spanning the table, its marker and title in the first cell, the others empty:
    `I. Văn bản thuộc thẩm quyền ban hành của Quốc hội | | | ...` (pool md/ae8d299abf846604)."""
    m = GROUP_MARKER.match(row[0]) if row and row[0] else None
    return bool(m) and bool(m["title"].strip()) and ROMAN.match(m["m"]) is not None and not any(row[1:])


def _numbered(cell: str) -> bool:
    """Does a row-number cell hold a number or a group marker ("1", "2.3.", "IV", "A.", "(1)")?"""
    return bool(ROW_NUMBER.match(cell) or GROUP_ONLY.match(cell) or COLUMN_NUMBER.match(cell))


def _unshifted(row: list[str], roles: list[Optional[str]]) -> list[str]:
    """A row whose empty number cell (merged down from the row above) the converter dropped, so every
    cell sits to the left and the last ones are empty (pool md/646f0a00d4174382.md:
    `| Bộ Khoa học và Công nghệ | - Bộ Nông nghiệp và Môi trường | Chủ trì nghiên cứu ... | ... | |` under
    `STT | Cơ quan chủ trì | Cơ quan phối hợp | ...`, and the next lines of that row holding only its last
    three cells `| - Rà soát ... | - Bộ công cụ ... | Giai đoạn 2026 - 2027 | | | | |`): put the cells back
    under their headings, right-aligned."""
    if (len(row) == len(roles) > 2 and roles[0] == "row" and row[0] and not row[-1]
            and not _numbered(row[0]) and not GROUP_MARKER.match(row[0]) and sum(1 for c in row if c) >= 3):
        k = max(i for i, c in enumerate(row) if c) + 1
        return [""] * (len(row) - k) + row[:k]         # cells merged down on the left were dropped
    return row


def _group_marker(rc: RowCells, later_rows: list[RowCells]) -> Optional[tuple[str, str]]:
    """(marker, title) when the row heads a group: `II | Đổi mới công tác ...` with no lead,
    coordinators or deadline of its own (or with them repeating the title, merged cells)."""
    desc = rc.cells.get("description", "")
    others = [rc.cells.get(k, "") for k in ("lead", "coordinators", "deadline")] + list(rc.extra.values())
    if not desc and rc.row and len([o for o in others if o]) == 1:
        desc = next(o for o in others if o)             # "5.1 | | Thương mại | | " (title in another column)
        others = []
    if any(o and o != desc and o != rc.row for o in others):
        return None
    spanning = _numbered_heading_row(rc, desc, later_rows)
    if spanning is not None:
        return spanning
    marker = rc.row.rstrip(".) ").strip()
    title = desc
    if not marker:
        m = GROUP_MARKER.match(desc)
        if not m or not m.group("title").strip() and len(desc) > 6:
            return None
        marker, title = m.group("m"), m.group("title").strip()
        if not (ROMAN.match(marker) or len(marker) == 1):
            return None
        if not title or title[:1].islower():
            return None
    if ROMAN.match(marker) or LETTER_GROUP.fullmatch(marker):
        return marker, title
    if ARABIC_GROUP.fullmatch(marker) and any(r.row.startswith(marker + ".") and len(r.row) > len(marker) + 1
                                                for r in later_rows[:3]):
        return marker, title                           # "1 | Hoàn thiện thể chế" above rows "1.1", "1.2"
    return None


def _numbered_heading_row(rc: RowCells, desc: str, later_rows: list[RowCells]) -> Optional[tuple[str, str]]:
    """A numbered heading printed as a row of its own inside a table, above rows numbered again
    from 1 (pool md/74e2ddc7b11340da.md: `| **2. Các nhiệm vụ về chuyển đổi số quá hạn chưa hoàn thành** |`,
    then the header repeated and rows `1.`, `2.`, ...): a group "2", not a task."""
    text = desc if not rc.row else (rc.row if not desc else "")
    m = NUMBERED_HEADING.match(text)
    if m is None or any(v for k, v in rc.cells.items() if k != "description") or rc.extra:
        return None
    if not any(r.row.rstrip(".) ") == "1" for r in later_rows[:3]):
        return None
    return m.group("m"), m.group("title")


def _marker_kind(marker: str) -> str:
    if ROMAN.match(marker):
        return "roman"
    if marker.isdigit():
        return "arabic"
    return "letter"


def tasks_from_rows(rows: list[RowCells], doc_year: Optional[int], group_prefix: str = "",
                     stack: Optional[list[tuple[str, str]]] = None) -> TableResult:
    out = TableResult()
    stack = stack if stack is not None else []        # (kind, marker) of the open groups
    merged: list[tuple[str, RowCells]] = []            # (group path, row)
    after_header = False
    for i, rc in enumerate(rows):
        if not any(rc.cells.values()) and not rc.extra:
            continue
        if _is_repeated_header(rc) or (after_header and _header_rest(rc)):
            heading = NUMBERED_HEADING.match(rc.row)      # "2. Các nhiệm vụ ... | STT | Nhiệm vụ | ..." (shifted cells)
            if heading:
                _open_group(stack, out, "heading", heading.group("m"), heading.group("title"))
            after_header = True
            continue
        after_header = False
        if _title_row(rc, rows[i + 1:i + 2]):
            continue                                  # "Nhiệm vụ giao Bộ trưởng Bộ Nội vụ chỉ đạo" above rows 16-19
        g = _group_marker(rc, rows[i + 1:i + 4])
        if g is not None:
            kind = "heading" if NUMBERED_HEADING.match(rc.row or rc.cells.get("description", "")) else _marker_kind(g[0])
            _open_group(stack, out, kind, g[0], g[1])
            continue
        _close_groups(stack, rc.row)
        group = ".".join(m for _, m in stack)
        if not rc.row and not rc.cells.get("lead") and merged and merged[-1][0] == group and _own_task(rc, merged[-1][1]):
            rc.row = merged[-1][1].row                    # merged number and lead cells, printed on the page above
            rc.cells["lead"] = merged[-1][1].cells.get("lead", "")
        elif not rc.row and not rc.cells.get("lead") and merged and merged[-1][0] == group:
            prev = merged[-1][1]                          # a row broken over two pages
            if rc.end is not None:
                prev.end = rc.end
            for k, v in rc.cells.items():
                prev.cells[k] = (prev.cells.get(k, "") + " " + v).strip()
            continue
        merged.append((group, rc))
    seen: dict[str, int] = {}
    for group, rc in merged:
        task, warns = _to_task(rc, ".".join(x for x in (group_prefix.rstrip("."), group) if x), doc_year, seen)
        if task is not None:
            out.tasks.append(task)
            out.warnings += warns
    out.stack = stack
    return out


def _title_row(rc: RowCells, later_rows: list[RowCells]) -> bool:
    """Is a row without a number a group title spanning the table, not the rest of the row above broken
    by a page? Only its description cell is filled, that cell opens like a group title
    (task_columns.yaml `group_title_openers`: "Nhiệm vụ giao ...", "Nhóm nhiệm vụ ...") and a numbered row
    follows (pool md/74e2ddc7b11340da.md, Phụ lục II: `| ** ** | **Nhiệm vụ giao Bộ trưởng Bộ Nội vụ chỉ đạo** |`)."""
    desc = rc.cells.get("description", "")
    if rc.row or not desc or rc.extra or any(v for k, v in rc.cells.items() if k != "description"):
        return False
    if not fold(desc).startswith(tuple(folded("group_title_openers"))):
        return False
    return bool(later_rows) and later_rows[0].row != ""


def _own_task(rc: RowCells, prev: RowCells) -> bool:
    """Is a row with empty number and lead cells a task of its own under merged cells
    (`| | Rà soát hiện trạng Công nghệ thông tin ... | (1) Bộ Thông tin và Truyền thông ... | Quý IV/2023`)
    rather than the rest of a row broken by the page? Its task opens with a capital and it has
    its own deadline, as the row above has."""
    desc = rc.cells.get("description", "")
    return bool(desc[:1].isupper() and rc.cells.get("deadline") and prev.cells.get("deadline")
                and prev.cells.get("lead"))


def _close_groups(stack: list[tuple[str, str]], row: str) -> None:
    """A numbered row outside the Arabic group above it closes that group: row "7" after group
    "6" (rows "6.1" ... "6.3") sits at the top level, not in group 6."""
    n = row.rstrip(".) ").strip()
    if not ROW_NUMBER.match(n):
        return
    while stack and stack[-1][0] == "arabic" and not n.startswith(stack[-1][1] + "."):
        stack.pop()


def _open_group(stack: list[tuple[str, str]], out: TableResult, kind: str, marker: str, title: str) -> None:
    while stack and any(k == kind for k, _ in stack):
        stack.pop()
    stack.append((kind, marker))
    out.groups[".".join(m for _, m in stack)] = title


def _header_rest(rc: RowCells) -> bool:
    """The rest of a header cut over two rows: every cell a column heading ("Thời hạn hoàn thành")."""
    vals = [v for v in list(rc.cells.values()) + [rc.row] if v]
    return bool(vals) and all(column_role(v) and len(v) < 40 for v in vals)


def _is_repeated_header(rc: RowCells) -> bool:
    vals = [v for v in list(rc.cells.values()) + [rc.row] if v]
    if vals and all(COLUMN_NUMBER.match(v) for v in vals):
        return True                                     # "(1) | (2) | (3)"
    return sum(1 for v in vals if column_role(v) and len(v) < 40) >= 3


def _to_task(rc: RowCells, group: str, doc_year: Optional[int], seen: dict[str, int]):
    desc = rc.cells.get("description", "")
    if not desc:
        return None, []
    row = rc.row.rstrip(".").strip()
    if row and not _numbered(row):
        row = ""                                       # a row's id is never built from its text
    key = f"{group}.{row}" if group else (row or "")
    if not row:
        key = f"{group}.#" if group else "#"
    seen[key] = seen.get(key, 0) + 1
    tid = f"appendix:{key}" + (f"-{seen[key]}" if seen[key] > 1 or key.endswith("#") else "")
    warns: list[Warning] = []
    deadline = None
    dtext = rc.cells.get("deadline", "")
    if dtext:
        deadline, w = parse_deadline(dtext, doc_year)
        warns += [x.model_copy(update={"location": x.location or tid}) for x in w]
    lead_text, noted = lead_and_noted(rc.cells.get("lead", ""))
    lead = _names(lead_text)
    coordinators = _names(rc.cells.get("coordinators", ""))
    coordinators += [n for n in _names(noted) if n not in coordinators]
    if not lead:
        warns.append(Warning(code="task_no_lead", message=f"table row without a lead: {desc[:60]!r}", location=tid))
    return Task(id=tid, origin="appendix", section=group, description=desc, lead=lead,
                coordinators=coordinators, deadline=deadline, row=row or None,
                extra=dict(rc.extra), page=rc.page, start=rc.start, end=rc.end), warns


def _names(text: str) -> list[str]:
    text = CAPITAL_AND.sub(" và ", clean(text)).strip(" ;,.")
    if not text or REFERRAL.match(text):
        return []                                      # "Theo phân công tại Quyết định số 1441/QĐ-UBND ..."
    out: list[str] = []
    for part in LIST_SPLIT.split(text):             # "Sở KH&CN; các cơ quan, đơn vị liên quan"
        if part.strip(" ,."):
            out += [n for n in split_bodies(part.strip(" ,.")) if n and n not in out]
    return out


