"""Task tables: rows of `TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian`
(appendix or in-body), rebuilt flattened tables, and per-task blocks.

    tasks_from_table(table: Table, doc_year) -> TableResult        a real Table (DOCX, HTML, Markdown, PDF)
    tasks_from_flat(lines: list[str], doc_year, ...) -> TableResult  a table text extraction flattened
    task_from_block(fields, ...) -> Task | None                      "- Đơn vị chủ trì: ..." bullets
    column_role(header_cell) -> str | None                          header words -> row/description/lead/...

Vocabulary (English name in code, Vietnamese once here):
    lead          chủ trì        the body responsible
    coordinators  phối hợp       the bodies that help
    deadline      thời gian / thời hạn
    group         the Roman (or letter) row that heads a run of rows: `II | Đổi mới công tác ...`

Columns are found by their HEADER WORDS (data/task_columns.yaml), in any order and
number; columns that are neither row number, description, lead, coordinators nor
deadline are kept in `Task.extra` under their header text (`Sản phẩm`, `Theo dõi`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from vanban.lexicon import strip_marks
from vanban.pipeline.types import Table
from vanban.schemas.models import Task, Warning

from .bodies import find_bodies, split_bodies
from .deadlines import parse_deadline
from vanban.lexicon import abbreviations, load

ROLES = ("row", "description", "lead", "coordinators", "deadline")

# A Roman group marker, alone or before the group's title: "II", "IV.", "I. NÂNG CAO VÀ ĐỔI MỚI TƯ DUY"
GROUP_MARKER = re.compile(r"^(?P<m>[IVXL]{1,6}|[A-ZĐ])(?:[.)]\s*|\s+(?=\S)|$)(?P<title>.*)$", re.S)
# A valid Roman numeral (I ... XXXIX): "IV" yes, "IL" no
ROMAN = re.compile(r"^X{0,3}(IX|IV|V?I{0,3})$")
# A row number as printed in a cell or at the start of a flattened row: "1", "1.", "2.3", "1.1."
ROW_NUMBER = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,3})*)\.?$")
# The start of a flattened row: "1." alone, or "3. Xây dựng Đề án thành lập ..."
FLAT_ROW_START = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,3})*)(?P<dot>\.)?(?:\s+(?P<rest>\S.*))?$")
# A bare page number on its own line inside a flattened table: "2"
PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# A column-number row under a header: "(1)", "1", "(2)"
COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
# Text that closes a description cell: "... của đội ngũ trí thức.", "... sáng tạo…"
CELL_END = re.compile(r"(?:[.…!?;]|\.\.\.)[”\"’)]*$")
# A sentence end inside a line, where a flattened line holds two cells: "... tỉnh Bắc Giang. và Công"
INNER_END = re.compile(r"(?<=[.…])[”\"’)]*\s+(?=\S)")
# The first line of a flattened table's header: "TT Nội dung nhiệm vụ", "STT", "Số TT"
FLAT_HEADER = re.compile(r"^(?:S[ốo]\s*)?S?TT\b", re.I)
# A cell holding only a group marker: "A", "IV", "B."
GROUP_ONLY = re.compile(r"^(?:[IVXL]{1,6}|[A-ZĐ])\.?$")
# A year inside a deadline cell: "2024", "IV/2024", "2026 - 2030"
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A line ending inside a symbol broken at its hyphen: "Quyết định số 497/2011/QĐ-", "Nghị quyết số 45-"
HYPHEN_BREAK = re.compile(r"[\w/]-$")
# "Và" printed with a capital inside a list of bodies: "Bộ Ngoại giao Và các cơ quan, tổ chức"
CAPITAL_AND = re.compile(r"\s+Và\s+")
# A lead cell that points elsewhere instead of naming bodies: "Theo phân công tại Quyết định số 1441/QĐ-UBND"
REFERRAL = re.compile(r"^(?:Theo|Căn cứ|Như)\s", re.I)
# What folding drops: spaces and punctuation ("Cơ quan / chủ trì" -> "coquanchutri")
NON_WORD = re.compile(r"[\W_]+")
# A letter group marker: "A", "B", "Đ"
LETTER_GROUP = re.compile(r"[A-ZĐ]")
# An Arabic group marker above sub-numbered rows: "1" above "1.1", "1.2"
ARABIC_GROUP = re.compile(r"\d{1,3}")
# Items of a cell listing bodies: "Sở KH&CN; các cơ quan, đơn vị liên quan", "(1) Bộ Tư pháp (2) Văn phòng Chính phủ"
LIST_SPLIT = re.compile(r"\s*;\s*|\s*\(\d{1,2}\)\s*")
# A word of a line: "Quý", "IV/2024"
TOKEN = re.compile(r"\S+")
# Markdown emphasis left in a cell: "**I.**"
EMPHASIS = re.compile(r"\*\*|__")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no tone marks, đ -> d, no spaces: header words split mid-word still match.
    Memoised per text (header cells and word lists are folded again and again)."""
    return NON_WORD.sub("", strip_marks(text).casefold())


def join_lines(lines: list[str]) -> str:
    """Lines of one cell -> one line; a word broken at a hyphen stays whole ("497/2011/QĐ-" + "UBND")."""
    out = ""
    for x in lines:
        x = x.strip()
        if not x:
            continue
        if out and HYPHEN_BREAK.search(out):
            out += x
        else:
            out = (out + " " + x) if out else x
    return out


@lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """One line, whitespace folded, Markdown emphasis removed (memoised per text)."""
    return " ".join(EMPHASIS.sub("", text or "").split())


@dataclass(frozen=True)
class _Words:
    columns: tuple[tuple[str, tuple[str, ...]], ...]
    #: (role, folded word) of the strong entries, and of the weak ones (see task_columns.yaml)
    strong_words: tuple[tuple[str, str], ...]
    weak_words: tuple[tuple[str, str], ...]
    row_cells: frozenset[str]
    continuation: frozenset[str]
    deadline_openers: frozenset[str]
    body_heads: tuple[str, ...]
    fragments: tuple[str, ...]
    head_followers: frozenset[str]


@lru_cache(maxsize=None)
def words() -> _Words:
    data = load("task_columns.yaml")
    heads = sorted(data["body_heads"], key=len, reverse=True)
    frags = tuple(sorted({" ".join(v.split()) for v in abbreviations().values() if " " in v}))
    return _Words(
        columns=tuple((c["role"], tuple(fold(w) for w in c["words"])) for c in data["columns"]),
        strong_words=tuple((c["role"], fold(w)) for c in data["columns"] if not c.get("weak") for w in c["words"]),
        weak_words=tuple((c["role"], fold(w)) for c in data["columns"] if c.get("weak") for w in c["words"]),
        row_cells=frozenset(fold(w) for w in data["row_cells"]),
        continuation=frozenset(w.casefold() for w in data["continuation_words"]),
        deadline_openers=frozenset(w.casefold() for w in data["deadline_openers"]),
        body_heads=tuple(heads),
        fragments=frags,
        head_followers=frozenset(data["head_followers"]),
    )


@lru_cache(maxsize=65536)
def starts_with_head(text: str) -> bool:
    """Does the text open with a body head word ("Sở Nội vụ", "Các sở, ban", "UBND các huyện")?
    A one-word head needs a capital or a known follower after it ("Ban hành ..." is no body).
    Memoised per text."""
    w = words()
    for h in w.body_heads:
        if text.startswith(h) and (len(text) == len(h) or not text[len(h)].isalnum()):
            if " " in h or h.isupper() or len(text) == len(h):
                return True
            nxt = text[len(h):].lstrip(" ,").split(" ", 1)[0].strip(",;:.")
            if nxt[:1].isupper() or nxt.casefold() in w.head_followers:
                return True
    return False


def column_role(cell: str) -> Optional[str]:
    """The role of a header cell: row, description, lead, coordinators, deadline, extra, or None."""
    f = fold(clean(cell))
    if not f:
        return None
    w = words()
    if f in w.row_cells:
        return "row"
    for tier in (w.strong_words, w.weak_words):         # the word found first, the longer at one place
        hits = [(f.find(k), -len(k), role) for role, k in tier if k and k in f]
        if hits:
            return min(hits)[2]
    return None


def header_roles(cells: list[str]) -> Optional[list[Optional[str]]]:
    """Roles of a header row, or None when the row is not the header of a task table
    (it must name a description column and a lead or coordinators column)."""
    roles = [column_role(c) for c in cells]
    seen: set[str] = set()
    for i, r in enumerate(roles):            # a role taken twice: the second is an extra column
        if r in ROLES and r in seen:
            roles[i] = "extra"
        elif r:
            seen.add(r)
    strong_lead = any(r == "lead" and any(k in fold(c) for k in STRONG_LEAD) for r, c in zip(roles, cells))
    if "description" in seen and ("coordinators" in seen or strong_lead):
        return roles                # not "TT | Cơ quan, bộ phận, người thực hiện | Nội dung công việc" (procedure steps)
    return None


#: header words that make a lead column on their own (folded): chủ trì, đầu mối
STRONG_LEAD = ("chutri", "daumoi")


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
    res = _tasks_from_rows(cells, doc_year, group_prefix, stack)
    good = sum(1 for t in res.tasks if t.lead and all(_plausible_name(n) for n in t.lead))
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
    if len(row) == 1 and len(roles) > 1:                 # a group row written as one cell
        rc.cells["description"] = row[0]
        return rc
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


def _marker_kind(marker: str) -> str:
    if ROMAN.match(marker):
        return "roman"
    if marker.isdigit():
        return "arabic"
    return "letter"


def _tasks_from_rows(rows: list[RowCells], doc_year: Optional[int], group_prefix: str = "",
                     stack: Optional[list[tuple[str, str]]] = None) -> TableResult:
    out = TableResult()
    stack = stack if stack is not None else []        # (kind, marker) of the open groups
    merged: list[tuple[str, RowCells]] = []            # (group path, row)
    for i, rc in enumerate(rows):
        if not any(rc.cells.values()) and not rc.extra:
            continue
        if _is_repeated_header(rc):
            continue
        g = _group_marker(rc, rows[i + 1:i + 4])
        if g is not None:
            kind = _marker_kind(g[0])
            while stack and any(k == kind for k, _ in stack):
                stack.pop()
            stack.append((kind, g[0]))
            path = ".".join(m for _, m in stack)
            out.groups[path] = g[1]
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
        task, warns = _to_task(rc, group_prefix + group, doc_year, seen)
        if task is not None:
            out.tasks.append(task)
            out.warnings += warns
    out.stack = stack
    return out


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
    lead = _names(rc.cells.get("lead", ""))
    coordinators = _names(rc.cells.get("coordinators", ""))
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


# --------------------------------------------------------------------------- flattened tables

def tasks_from_flat(lines: list[str], doc_year: Optional[int] = None, *, page: Optional[int] = None,
                    group_prefix: str = "", offsets: Optional[list[int]] = None) -> TableResult:
    """Rebuild the rows of a table that text extraction flattened line by line, then
    read them as a table.  The header gives the column order; row numbers `1.` and
    Roman group rows cut the rows; inside a row the cells come one after the other
    (description, lead, coordinators, deadline) and are cut where the text says so:
    a description ends with its sentence, a lead or coordinators cell starts with a
    body name, a deadline is a time phrase at the end.  A page number inside a row
    starts a second pass through the columns.
    """
    rows = rebuild_flat(lines, page=page, offsets=offsets)
    if rows is None:
        return TableResult()
    res = _tasks_from_rows(rows, doc_year, group_prefix)
    good = sum(1 for t in res.tasks if t.lead and all(_plausible_name(n) for n in t.lead))
    if res.tasks and good < FLAT_MIN_GOOD * len(res.tasks):
        # a layout this rebuilding does not know (lead column first, merged cells over rows, ...):
        # better no rows than wrong ones
        return TableResult(warnings=[Warning(
            code="flat_table_unreadable",
            message=f"a flattened task table of {len(res.tasks)} rows could not be rebuilt reliably "
                    f"({good} rows with plausible leads); its rows are left out")])
    return res


#: share of rebuilt rows whose leads must read as body names for a flattened table to be kept
FLAT_MIN_GOOD = 0.7


def _plausible_name(name: str) -> bool:
    """A lead as a rebuilt cell gives it: short, opening with a body name."""
    return len(name) <= 90 and (_starts_body(name) or name[:1].isupper() and len(name.split()) <= 8)


def rebuild_flat(lines: list[str], page: Optional[int] = None,
                 offsets: Optional[list[int]] = None) -> Optional[list[RowCells]]:
    """The rows of a flattened table (group rows included); `offsets`: where each line starts
    in LaidOut.text, to give every row its span."""
    if offsets is None:
        offsets = [None] * len(lines)
    kept = [(clean(x), o, len(x)) for x, o in zip(lines, offsets) if clean(x)]
    lines = [x for x, _, _ in kept]
    spans = [(o, o + n) if o is not None else None for _, o, n in kept]
    # 1. header: the lines before the first group or row marker
    first = next((i for i, x in enumerate(lines) if _is_group_line(x) or FLAT_ROW_START.match(x)
                  and (FLAT_ROW_START.match(x).group("n") == "1")), None)
    if first is None or first == 0:
        return None
    top = max([i for i in range(first) if FLAT_HEADER.match(lines[i])] or [0])   # title lines above the header
    order = _flat_column_order(" ".join(lines[top:first]))
    if order is None:
        return None
    extra_label = _extra_label(" ".join(lines[top:first])) if "extra" in order else ""
    # numbers of one depth all end in a dot or none does ("1." and "2." over "1.1", "1.2"): decided per depth
    dotted = {len(m.group("n").split(".")) for m in map(FLAT_ROW_START.match, lines[first:]) if m and m.group("dot")}
    header = lines[top:first]
    # 2. cut rows
    rows: list[RowCells] = []
    chunk: list[str] = []
    current: Optional[RowCells] = None
    expected: Optional[str] = None

    def flush(next_row: Optional[str] = None):
        if current is None or not chunk:
            return
        if next_row == current.row + ".1" and "\f" not in chunk:
            current.cells["description"] = join_lines(chunk)    # "2." + its title, above rows "2.1", "2.2"
        else:
            _fill_row(current, chunk, order, extra_label)

    def span(rc: RowCells, k: int):
        if spans[k] is not None:
            rc.start = spans[k][0] if rc.start is None else rc.start
            rc.end = spans[k][1]

    i = first
    while i < len(lines):
        x = lines[i]
        if len(header) > 1 and lines[i:i + len(header)] == header:
            chunk.append("\f")                          # the column headings printed again on a new page
            i += len(header)
            continue
        if _is_group_line(x):
            flush()
            m = GROUP_MARKER.match(x)
            title = [m.group("title").strip()] if m.group("title").strip() else []
            j = i + 1
            while j < len(lines) and not _is_row_start(lines[j], None, dotted) and not _is_group_line(lines[j]):
                title.append(lines[j])
                j += 1
            rows.append(RowCells(row=m.group("m"), cells={"description": " ".join(title)}, page=page))
            for k in range(i, j):
                span(rows[-1], k)
            current, chunk, expected = None, [], None
            i = j
            continue
        n = _is_row_start(x, expected, dotted)
        if n:
            flush(n)
            current = RowCells(row=n, page=page)
            rows.append(current)
            rest = FLAT_ROW_START.match(x).group("rest")
            chunk = [rest] if rest else []
            expected = n
            span(current, i)
            i += 1
            continue
        if PAGE_NUMBER.match(x) and (1 in dotted or not _is_row_start(x, expected, dotted)):
            chunk.append("\f")                          # page break inside a row
        else:
            chunk.append(x)
        if current is not None:
            span(current, i)
        i += 1
    flush()
    return rows


def _is_group_line(x: str) -> bool:
    m = GROUP_MARKER.match(x)
    if not m or not ROMAN.match(m.group("m")) or len(m.group("m")) > 5:
        return False
    title = m.group("title").strip()
    return not title or (len(title) > 10 and title[:1].isupper() and not YEAR.fullmatch(title))


def _is_row_start(x: str, expected: Optional[str], dotted: set[int]) -> Optional[str]:
    """The row number a line opens with, when it is the number that may come after `expected`:
    its first child ("1" -> "1.1"), its next sibling ("1.1" -> "1.2"), the next sibling of a
    parent ("6.3" -> "7"), or that sibling's first child ("1.7" -> "2.1")."""
    m = FLAT_ROW_START.match(x)
    if not m:
        return None
    n = m.group("n")
    if (len(n.split(".")) in dotted and not m.group("dot")) or YEAR.fullmatch(n):
        return None
    if expected is None:
        return n if n.split(".")[-1] == "1" else None
    return n if n in _next_numbers(expected) else None


@lru_cache(maxsize=1024)
def _next_numbers(expected: str) -> frozenset[str]:
    parts = expected.split(".")
    out = {expected + ".1"}
    for k in range(len(parts)):
        nxt = ".".join(parts[:k] + [str(int(parts[k]) + 1)])
        out |= {nxt, nxt + ".1"}
    return frozenset(out)


def _flat_column_order(header: str) -> Optional[list[str]]:
    """Column roles in the order the header names them, read left to right: at each place the
    longer word (a strong one before a weak one) names a column unless an earlier word covers
    that place or its role is named already ("Đơn vị | Nhiệm vụ chủ trì | Đơn vị phối hợp" ->
    lead, description, coordinators)."""
    f = fold(header)
    w = words()
    hits = sorted((m.start(), -len(k), weak, role, k)
                  for weak, tier in ((False, w.strong_words), (True, w.weak_words)) for role, k in tier if k
                  for m in _folded_word_re(k).finditer(f))
    pos: dict[str, int] = {}
    covered = -1
    for at, neg, _, role, _ in hits:
        if at < covered:
            continue
        covered = at - neg
        if role not in pos:
            pos[role] = at
    order = [r for r, _ in sorted(pos.items(), key=lambda kv: kv[1]) if r in ROLES + ("extra",) and r != "row"]
    if "description" not in order or not ({"lead", "coordinators"} & set(order)):
        return None
    if order[0] != "description":
        return None             # a lead column first (091 "STT | Đơn vị | Nhiệm vụ chủ trì"): merged cells not rebuilt
    if "extra" in order and not _extra_after_bodies(order):
        order.remove("extra")                           # only an extra column after the body columns is cut out
    return order


@lru_cache(maxsize=None)
def _folded_word_re(key: str) -> re.Pattern:
    """Every place a folded header word occurs (overlaps included)."""
    return re.compile("(?=" + re.escape(key) + ")")


def _extra_after_bodies(order: list[str]) -> bool:
    k = order.index("extra")
    return any(r in ("lead", "coordinators") for r in order[:k]) and all(r == "deadline" for r in order[k + 1:])


def _extra_label(header: str) -> str:
    """The header words of a flattened table's extra column, as the data file writes them: "sản phẩm"."""
    f = fold(header)
    for c in load("task_columns.yaml")["columns"]:
        if c["role"] == "extra":
            for w in c["words"]:
                if fold(w) in f:
                    return w[:1].upper() + w[1:]
    return "extra"


def _fill_row(rc: RowCells, chunk: list[str], order: list[str], extra_label: str = "") -> None:
    """Cut a flattened row's lines into its cells (order: the columns after TT)."""
    segments: list[list[str]] = [[]]
    for x in chunk:
        if x == "\f":
            segments.append([])
        else:
            segments[-1].append(x)
    segments = [s for s in segments if s]
    if not segments:
        return
    if len(segments) > 1 and len(segments[0]) == len(order) and all(x[:1].isupper() for x in segments[0][1:]):
        cells = {r: [x] for r, x in zip(order, segments[0])}    # a row cut by the page: the first line of each cell
    else:
        cells = _cells_of_segment(segments[0], order)
    for seg in segments[1:]:
        _continue_cells(cells, seg, order)
    for k, v in cells.items():
        if v and k == "extra":
            rc.extra[extra_label or "extra"] = join_lines(v)
        elif v:
            rc.cells[k] = join_lines(v)


def _cells_of_segment(lines: list[str], order: list[str]) -> dict[str, list[str]]:
    cells: dict[str, list[str]] = {r: [] for r in order}
    lines = list(lines)
    # a line holding several cells side by side: cut it first
    if len(lines) and _side_by_side(lines[0], order):
        return _side_by_side_cells(lines, order)
    # the deadline: the longest tail (up to 3 lines) that reads as a time phrase
    if "deadline" in order and order[-1] == "deadline":
        for k in (3, 2, 1):
            if len(lines) - k >= 2 and _is_deadline(" ".join(lines[-k:])):
                cells["deadline"] = lines[-k:]
                lines = lines[:-k]
                break
    body_cols = [r for r in order if r in ("lead", "coordinators")]
    # the description: up to the line that ends its sentence before a body name
    if order and order[0] == "description":
        end = _description_end(lines)
        cells["description"] = lines[:end + 1]
        lines = lines[end + 1:]
    # lead | coordinators: cut where a line starts a new body name
    if len(body_cols) == 2 and lines:
        cut = next((j for j in range(1, len(lines)) if _starts_new_cell(lines[j - 1], lines[j])), len(lines))
        cells[body_cols[0]] = lines[:cut]
        cells[body_cols[1]] = lines[cut:]
    elif body_cols:
        cells[body_cols[0]] = lines
    if "extra" in order and body_cols and cells[body_cols[-1]]:
        tail = cells[body_cols[-1]]                     # "... liên quan" / "Cơ chế, chính sách" / "được ban hành"
        cut = next((j for j in range(1, len(tail)) if _starts_other_cell(tail[j - 1], tail[j])), len(tail))
        cells[body_cols[-1]], cells["extra"] = tail[:cut], tail[cut:]
    return cells


def _starts_other_cell(prev: str, x: str) -> bool:
    """Does line x, after a closed body name, open a cell that names no body (a product:
    "Cơ chế, chính sách" after "liên quan")?"""
    return x[:1].isupper() and not _is_open(prev) and not _completes_name(prev, x) and not _starts_body(x)


def _continue_cells(cells: dict[str, list[str]], lines: list[str], order: list[str]) -> None:
    """Lines of a row after a page break: a second pass through the columns, in their order.
    The first page holds the first line of every cell, so a line goes to the lead only when it
    completes the lead's name ("Bộ Khoa học và" + "Công nghệ"); a new body name goes to the
    last body column, other text to the extra column; a lower-case line carries on the
    column being continued, else the next one."""
    rest = [r for r in order if r != "description"]
    body_cols = [r for r in rest if r in ("lead", "coordinators")]
    at = 0                                              # index in `rest` of the column being continued
    touched: set[str] = set()
    for x in lines:
        desc = cells.get("description")
        if desc is not None and desc and not CELL_END.search(desc[-1]) and not touched:
            cells["description"].append(x)
            continue
        col = next((r for r in rest[at:] if cells.get(r) and (_is_open(cells[r][-1]) or x[:1].islower()
                                                              and _completes_name(" ".join(cells[r]), x))), None)
        if col is None and x[:1].isupper() and _starts_body(x) and body_cols:
            col = body_cols[-1]
        elif col is None and x[:1].islower() and rest:
            cur = rest[min(at, len(rest) - 1)]
            if cur in touched and cur != "lead":
                col = cur
            else:                                       # the next column whose text is not a whole body name
                col = next((r for r in rest[at + (cur in touched):] if cells.get(r)
                            and not _whole_name(" ".join(cells[r]))), cur)
        elif col is None:
            col = "extra" if "extra" in rest else (body_cols[-1] if body_cols else order[-1])
        cells.setdefault(col, []).append(x)
        touched.add(col)
        at = rest.index(col) if col in rest else at


def _whole_name(text: str) -> bool:
    """Is the text one body name, found from its first to its last word ("Bộ Khoa học và Công nghệ")?"""
    spans = find_bodies(text)
    return len(spans) == 1 and spans[0].start <= 1 and spans[0].end >= len(text.rstrip(" ;,.")) - 1


def _best_column(cells: dict[str, list[str]], x: str, order: list[str], last: Optional[str]) -> str:
    """Where a lone continuation line goes: the body cell whose name it completes, else the cell
    left open (ending with a comma or a joining word), else the cell filled last."""
    body_cols = [r for r in order if r in ("lead", "coordinators") and cells.get(r)]
    for r in body_cols:
        if _completes_name(" ".join(cells[r]), x):
            return r
    for r in body_cols:
        if _is_open(cells[r][-1]):
            return r
    if last and last != "description":
        return last
    return body_cols[-1] if body_cols else order[-1]


def _side_by_side(line: str, order: list[str]) -> bool:
    """A first row line that holds the description and further cells: a body head after
    the first words and a time phrase (or another body head) at its end."""
    heads = [h for h in _head_positions(line) if h > 15]
    if order[-1] == "deadline":
        return bool(heads) and _deadline_tail(line) is not None
    return len(heads) >= 2


def _side_by_side_cells(lines: list[str], order: list[str]) -> dict[str, list[str]]:
    cells: dict[str, list[str]] = {r: [] for r in order}
    first = lines[0]
    rest_cols = [r for r in order if r not in ("description", "extra")]
    parts: dict[str, str] = {}
    if rest_cols and rest_cols[-1] == "deadline":
        tail = _deadline_tail(first)
        if tail is not None:
            parts["deadline"] = first[tail:].strip()
            first = first[:tail].rstrip()
        rest_cols = rest_cols[:-1]
    heads = [h for h in _head_positions(first) if h > 15]
    for r in reversed(rest_cols):
        if not heads:
            break
        h = heads.pop()
        parts[r] = first[h:].strip()
        first = first[:h].rstrip()
    parts["description"] = first
    filled = [r for r in order if r in parts]
    for r in filled:
        cells[r].append(parts[r])
    last = filled[-1] if filled else None
    for x in lines[1:]:
        pieces = INNER_END.split(x, maxsplit=1)
        if len(pieces) == 2 and not CELL_END.search(cells["description"][-1] if cells["description"] else "."):
            cells["description"].append(pieces[0])
            nxt = order[order.index("description") + 1] if order.index("description") + 1 < len(order) else None
            if nxt:
                cells[nxt].append(pieces[1])
                last = nxt
            continue
        if cells["description"] and not CELL_END.search(cells["description"][-1]):
            cells["description"].append(x)
            continue
        col = _best_column(cells, x, order, last)
        cells[col].append(x)
        last = col
    return cells


def _head_positions(line: str) -> list[int]:
    """Offsets where a body name starts inside a line (find_bodies, else a body head word
    with a capital after a lower-case word)."""
    pos = sorted({b.start for b in find_bodies(line)})
    for h in words().body_heads:
        for m in _head_re(h).finditer(line):
            if m.start() not in pos:
                pos.append(m.start())
    pos = sorted(set(pos))
    out = []
    for p in pos:                                      # "Sở Khoa học Các sở," -> both; "và Công" no
        if out and p - out[-1] < 4:
            continue
        out.append(p)
    return out


@lru_cache(maxsize=None)
def _head_re(head: str) -> re.Pattern:
    """A body head word inside a line, after a space: " Sở Khoa học", " Các sở,"."""
    return re.compile(r"(?<=\s)" + re.escape(head) + r"(?=[\s,])")


def _deadline_tail(line: str) -> Optional[int]:
    toks = list(TOKEN.finditer(line))
    for k in (3, 2, 1):
        if len(toks) > k:
            start = toks[-k].start()
            if _is_deadline(line[start:]):
                return start
    return None


def _description_end(lines: list[str]) -> int:
    """Index of the description cell's last line."""
    if len(lines) <= 1:
        return 0
    for i in range(len(lines) - 1):
        if CELL_END.search(lines[i]) and _starts_body(lines[i + 1]) and not (i and _starts_body(lines[i])):
            return i                                    # not "Bộ Công Thương;" (a body cell's line) before "Bộ Ngoại giao;"
    longest = max(len(x) for x in lines)
    for i in range(1, len(lines)):
        if _starts_body(lines[i]) and len(lines[i]) < 0.6 * longest:
            return i - 1
    return len(lines) - 2


def _starts_new_cell(prev: str, x: str) -> bool:
    """Does line x start a new lead/coordinators cell after prev? Only a line that opens
    with a capitalised body name, after a line that closes a name."""
    if not x[:1].isupper() or _is_open(prev):
        return False
    if _completes_name(prev, x):
        return False
    return _starts_body(x)


def _is_open(text: str) -> bool:
    t = text.rstrip()
    if t.endswith((",", "&", "-", "–", "/", "(")):
        return True
    last = t.split()[-1].casefold() if t.split() else ""
    return last in words().continuation


def _starts_body(x: str) -> bool:
    if any(b.start <= 1 for b in find_bodies(x)):
        return True
    return starts_with_head(x)


def _completes_name(left: str, x: str) -> bool:
    """Does x carry on the body name that `left` ends with? ("Sở Khoa học và Công" + "nghệ",
    "Hội Văn học" + "Nghệ thuật"): a body name found across the join, or the join inside
    a known expansion (Khoa học và Công nghệ)."""
    joined = left + " " + x
    cut = len(left)
    if any(b.start < cut and b.end > cut + 1 for b in find_bodies(joined)):
        return True
    lw, xw = left.split(), x.split()
    if not lw or not xw:
        return False
    probe = f"{lw[-1]} {xw[0]}".casefold()
    return any(probe in f.casefold() for f in words().fragments)


def _is_deadline(text: str) -> bool:
    """A whole time phrase: "Thường xuyên", "Quý IV/2024", "2025", "Định kỳ hằng năm"."""
    t = text.strip()
    if not t or len(t) > 60:
        return False
    first = t.split()[0].casefold().strip(",.:")
    if not (first in words().deadline_openers or t[:1].isdigit()):
        return False
    d, _ = parse_deadline(t)
    if d.kind != "unparsed":
        return True
    return bool(YEAR.search(t)) or fold(t) in _folded("deadline_phrases")


# --------------------------------------------------------------------------- per-task blocks

def is_block_label(text: str) -> bool:
    """Does a bullet open with a per-task block label ("Cơ quan thực hiện: ...", "Thời gian thực hiện: ...")?"""
    m = BLOCK_LABEL.match(clean(text))
    return bool(m) and fold(m.group("label")) in _folded("block_labels")


@lru_cache(maxsize=None)
def _folded(key: str) -> frozenset[str]:
    """A word list of task_columns.yaml, folded, loaded once."""
    return frozenset(fold(x) for x in load("task_columns.yaml")[key])


def block_fields(lines: list[str]) -> dict[str, str]:
    """Labelled bullets of a per-task block -> {role: value}:
    "- Đơn vị chủ trì: Vụ Pháp luật hình sự - hành chính." -> {"lead": "Vụ Pháp luật ..."}.
    "- Cơ quan thực hiện: Sở X chủ trì, phối hợp với Y" -> {"lead": ..., "coordinators": ...}.
    Extra labels ("Sản phẩm") are kept under "extra:<label>"."""
    out: dict[str, str] = {}
    labels = _folded("block_labels")
    for x in lines:
        m = BLOCK_LABEL.match(clean(x))
        if not m or fold(m.group("label")) not in labels:
            continue
        label, value = m.group("label"), m.group("value").strip().rstrip(".;")
        role = column_role(label)
        if role in ("lead", "coordinators", "deadline"):
            if role in out:
                out["repeated"] = label                # two blocks under one item: the tree missed an item
            out[role] = value
        elif role == "extra":
            out["extra:" + label] = value
    return out


# A labelled bullet: "- Đơn vị chủ trì: Cục Trợ giúp pháp lý.", "+ Thời gian thực hiện: Quý I/2015."
BLOCK_LABEL = re.compile(r"^[-+•]?\s*(?P<label>[^:\d]{3,60}?)\s*:\s*(?P<value>\S.*)$")
