"""Stage 6c, aggregate: the document's distinct bodies  # cơ quan
with their roles (lead  # chủ trì;  coordinator  # phối hợp;  mentioned, named only in the text)
and the tasks they hold.

    collect_bodies(tasks, doc) -> list[Body]
"""
from __future__ import annotations

from vanban.extractors.bodies import canonical_name, find_bodies, fold_name, gazetteer, kind_of, proper_case
from vanban.schemas.models import Body, Task

from .types import LaidOut


def collect_bodies(tasks: list[Task], doc: LaidOut) -> list[Body]:
    """One Body per distinct body named in the document (grouped by canonical name,
    case folded): roles lead/coordinator and task ids from the tasks; bodies named only
    in the text get the role "mentioned" (collective names only count in tasks; a name that is
    the start of a task's body name is that body cut short: "Vụ trưởng Vụ Khoa học" (010))."""
    bodies: dict[str, Body] = {}

    def add(name: str, role: str, task_id: str | None, kind: str | None = None) -> None:
        canonical = canonical_name(name)
        key = fold_name(canonical)
        b = bodies.get(key)
        if b is None:
            hit = gazetteer().official.get(key)
            b = Body(name=proper_case(name), canonical=canonical, kind=kind or (hit[1] if hit else kind_of(name)))
            bodies[key] = b
        if role not in b.roles:
            b.roles = b.roles + [role]
        if task_id and task_id not in b.tasks:
            b.tasks = b.tasks + [task_id]

    for task in tasks:
        for name in task.lead:
            add(name, "lead", task.id)
        for name in task.coordinators:
            add(name, "coordinator", task.id)
    named = [k + " " for k in bodies]
    for span in find_bodies(doc.text):
        if span.kind == "collective":
            continue
        key = fold_name(span.canonical)
        if key in bodies or any(k.startswith(key + " ") for k in named):
            continue        # the start of a task's body cut short: "Vụ trưởng Vụ Khoa học" (010)
        add(span.name, "mentioned", None, span.kind)
    for b in bodies.values():
        if "mentioned" in b.roles and len(b.roles) > 1:
            b.roles = [r for r in b.roles if r != "mentioned"]
    return list(bodies.values())
