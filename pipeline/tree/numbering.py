"""Numbering rules of the section tree: does a marker continue the numbering it belongs to,
where does it open a node, and which gaps and repeats to warn about.

    NumberingRules       mixed into the builder; reads self.stack, self.top_counters, appends self.warnings
      accepts(mk) -> depth | None
      warn_rejected(mk)

"2024." or "1.595 người" never open a node; "4." after "2." opens one with a numbering_gap
warning; "2." after "4." is text, with a warning.  A part heading printed with the number of the
part before it ("IV. KINH PHÍ ..." then "IV. PHÂN CÔNG NHIỆM VỤ") opens a part of its own, with a
warning: its own "1.", "2." would otherwise be lost in the part before.
"""
from __future__ import annotations

import re
from typing import Optional

from vanban.schemas.models import Warning

from vanban.lexicon.text import is_upper_line

from ..markers import NUMBERED, RANK, Marker, printed
from ..markers import value as marker_value

LETTER_SUFFIX = re.compile(r"[a-z]$")             # an article with a letter: "Điều 8a"


class NumberingRules:
    stack: list
    top_counters: dict
    warnings: list

    def _warn_gap(self, mk: Marker, last: Optional[int], value: int, path: str) -> None:
        """A node opened with numbers missing before it ("4." after "2."), or with the number of the
        part before it (a repeated part heading, see repeats_part)."""
        if mk.kind in NUMBERED and last is not None and value > last + 1:
            self.warnings.append(Warning(
                code="numbering_gap", location=path,
                message=f"'{mk.printed}' follows {printed(mk.kind, last)}: {value - last - 1} number(s) missing"))
        elif repeats_part(mk.kind, last, value, mk):
            self.warnings.append(Warning(
                code="numbering_gap", location=path,
                message=f"'{mk.printed}' repeats {printed(mk.kind, last)}: a part heading numbered like the "
                        f"part before it, read as a part of its own"))

    def warn_rejected(self, mk: Marker) -> None:
        """A heading marker that goes back in the numbering ("2." after "4.") or repeats it, left as text."""
        if mk.kind not in NUMBERED or not mk.rest[:1].isupper():
            return
        value = marker_value(mk)
        if value is None:
            return
        for depth in range(len(self.stack), -1, -1):
            parent = self.stack[depth - 1] if depth else None
            last = self._counters(parent, mk.kind).get(self._counter_key(mk))
            if last is None:
                continue
            if value == last or 1 < value < last:
                where = parent.node.path if parent else ""
                self.warnings.append(Warning(
                    code="numbering_gap", location=where or None,
                    message=f"'{mk.printed}' {'repeats' if value == last else 'goes back after'} {printed(mk.kind, last)}"
                            f"{' under ' + where if where else ''}; read as text, not as a section"))
            return

    # -- numbering checks
    def _counters(self, parent: Optional["_Open"], kind: str = "") -> dict:
        if kind in ("article", "chapter"):
            # articles and chapters are numbered through the whole document (or appendix)
            scope = next((op for op in self.stack if op.kind == "appendix"), None)
            return scope.counters if scope else self.top_counters
        return parent.counters if parent else self.top_counters

    def accepts(self, mk: Marker) -> Optional[int]:
        """Where a marker opens a node: the stack depth of its parent (len(stack) for a child
        of the innermost node, 0 for a root), or None when it does not fit the numbering."""
        kind = mk.kind
        if kind in ("bullet", "plus"):
            depth = len(self.stack)
            # a bullet closes the bullets before it; "+" nests under "-"
            while depth and self.stack[depth - 1].kind in ("bullet", "plus") and \
                    RANK[self.stack[depth - 1].kind] >= RANK[kind]:
                depth -= 1
            return depth or None
        value = marker_value(mk)
        if value is None:
            return None
        parts = mk.num.split(".") if kind == "dotted" else []
        for depth in range(len(self.stack), -1, -1):
            parent = self.stack[depth - 1] if depth else None
            if parent is not None:
                pk = parent.kind
                if pk in ("bullet", "plus"):
                    continue
                if kind == "dotted" and pk == "dotted":
                    if parent.num.split(".") != parts[:-1]:
                        continue
                elif kind == "dotted" and pk == "arabic":
                    if len(parts) != 2 or parent.num != str(int(parts[0])):
                        continue
                elif RANK[pk] >= RANK[kind]:
                    continue            # a sibling or an inner level: the parent is further out
            last = self._counters(parent, kind).get(self._counter_key(mk))
            return depth if self._next_ok(kind, last, value, mk) else None
        return None

    @staticmethod
    def _counter_key(mk: Marker) -> str:
        if mk.kind == "dotted":
            return "dotted:" + ".".join(mk.num.split(".")[:-1])
        return mk.kind

    @staticmethod
    def _next_ok(kind: str, last: Optional[int], value: int, mk: Marker) -> bool:
        if kind == "article":
            if last is None:
                return value <= 2
            return last < value <= last + 3 or value == last and bool(LETTER_SUFFIX.search(mk.num))
        if last is None:
            return value <= 2
        if kind == "roman" and value == 1:
            return True
        return last < value <= last + 2 or repeats_part(kind, last, value, mk)


def repeats_part(kind: str, last: Optional[int], value: int, mk: Marker) -> bool:
    """A Roman part heading in capitals printed with the number of the part before it: the
    document misnumbers its parts ("**IV.** / KINH PHÍ - NGUỒN HUY ĐỘNG" then "**IV.** / PHÂN CÔNG
    NHIỆM VỤ", pool md/62f25a030c183151).  A heading in capitals names a part; a repeated numeral
    before lower-case words is a quotation or a list, and stays text."""
    return kind == "roman" and last == value and is_upper_line(mk.rest)

