"""Stage 6b, link: tasks <-> references they mention, appendix rows <-> body tasks they restate.

    link_tasks(tasks, references, doc) -> None   (fills Task.references and Task.related)
"""
from __future__ import annotations

from vanban.schemas.models import Reference, Task

from .types import LaidOut


def link_tasks(tasks: list[Task], references: list[Reference], doc: LaidOut) -> None:
    return None
