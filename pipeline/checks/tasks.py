"""Task self-checks: leads that are not bodies, tasks without work, task tables, silent deadlines."""
from __future__ import annotations

from typing import Optional

from vanban.lexicon import fold_key
from vanban.schemas.models import Document, Task, Warning

from ..types import LaidOut, Node, Table
from ._words import words
from .names import name_fault


def _section_titles(task: Task, nodes: dict[str, Node]) -> list[str]:
    node, titles = nodes.get(task.section), []
    while node is not None:
        titles.append(fold_key(node.title))
        node = node.parent
    return titles


def _no_work(task: Task, nodes: dict[str, Node]) -> Optional[str]:
    desc = fold_key(task.description)
    if not desc:
        return "no description"
    names = {fold_key(n) for n in task.lead + task.coordinators}
    if desc in names or desc == fold_key(" ".join(task.lead)):
        return "the description is only the body's name"
    scope = words().not_task_sections.intersection(_section_titles(task, nodes))
    if task.origin == "body" and scope:
        return f"an item of a {next(iter(scope))!r} section"
    return None


def _is_task_table(table: Table) -> bool:
    head = " ".join(c for row in table.rows[:2] for c in row)
    return words().task_table_head.search(fold_key(head)) is not None      # not "chu trình" (a pump cycle)


def _table_faults(laid: LaidOut, tasks: list[Task]) -> list[str]:
    rows = [t for t in tasks if t.origin == "appendix"]
    faults = []
    for table in (b for b in laid.blocks if isinstance(b, Table) and _is_task_table(b)):
        if not any(t.start is not None and table.start <= t.start < table.end for t in rows):
            faults.append(f"a table naming `chủ trì` ({table.rows[0][:4]}) gave no task rows")
    return faults


def _row_numbering_faults(tasks: list[Task]) -> list[str]:
    faults, seen = [], set()
    last: dict[str, int] = {}
    for t in (t for t in tasks if t.origin == "appendix"):
        if t.id in seen:
            faults.append(f"row id {t.id!r} repeats")
        seen.add(t.id)
        if not (t.row or "").isdigit():
            continue
        value = int(t.row)
        if t.section in last and value != last[t.section] + 1:
            faults.append(f"row {last[t.section]} then {value} in group {t.section!r}")
        last[t.section] = value
    return faults


def task_checks(laid: LaidOut, tree: list[Node], document: Document) -> list[Warning]:
    nodes = {n.path: n for top in tree for n in top.walk()}
    warned = {w.location for w in document.warnings if w.code == "deadline_unparsed"}
    found: list[Warning] = []
    for task in document.tasks:
        faults = [(n, name_fault(n)) for n in task.lead + task.coordinators]
        for name, why in ((n, f) for n, f in faults if f):
            found.append(Warning(code="check_lead_not_body", message=f"not a body name ({why}): {name[:100]!r}",
                                 location=task.id))
        why = _no_work(task, nodes)
        if why:
            found.append(Warning(code="check_task_no_work", message=f"a task without work ({why}): "
                                 f"{task.description[:100]!r}", location=task.id))
        if task.deadline and task.deadline.kind == "unparsed":
            found.append(Warning(code="check_deadline_unparsed", message=f"deadline not understood: "
                                 f"{task.deadline.text[:100]!r}", location=task.id))
        if task.deadline and task.deadline.kind == "unparsed" and task.id not in warned:
            found.append(Warning(code="check_deadline_silent", message=f"unparsed deadline with no warning: "
                                 f"{task.deadline.text[:100]!r}", location=task.id))
    for what in _table_faults(laid, document.tasks):
        found.append(Warning(code="check_table_no_rows", message=what, location="tasks"))
    for what in _row_numbering_faults(document.tasks):
        found.append(Warning(code="check_table_numbering", message=f"task rows restart or jump: {what}",
                             location="tasks"))
    return found
