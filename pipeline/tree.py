"""Stage 4, tree: body blocks -> section tree (I. / 1. / 1.1. / a) / - / Điều / Chương / appendix).

    build_tree(doc: LaidOut) -> list[Node]
"""
from __future__ import annotations

from .types import LaidOut, Node


def build_tree(doc: LaidOut) -> list[Node]:
    return []
