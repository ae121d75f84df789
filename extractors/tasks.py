"""Tasks extractor: who must do what by when, from body paragraphs and appendix tables.

    extract_tasks(doc: LaidOut, tree: list[Node], metadata: Metadata) -> tuple[list[Task], list[Warning]]
"""
from __future__ import annotations

from vanban.pipeline.types import LaidOut, Node
from vanban.schemas.models import Metadata, Task, Warning


def extract_tasks(doc: LaidOut, tree: list[Node], metadata: Metadata) -> tuple[list[Task], list[Warning]]:
    return [], []
