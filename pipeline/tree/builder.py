"""The section tree builder: a stack of open nodes; a marker opens a node where the numbering
rules accept it, any other paragraph is text of the innermost open node.

    Builder(width, joined)
      open(marker, depth, block, first_text)   open_appendix(title_lines, blocks)
      add_text(block, text)                    close_to(depth)
      roots, warnings
    continues_bullet(builder, text)            set_ends(nodes)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from vanban.schemas.models import Warning

from ..markers import KINDS, Marker, read_marker
from ..markers import value as marker_value
from ..types import Block, Node
from .headings import continues, sentence_goes_on, split_heading
from .numbering import NumberingRules

@dataclass
class _Open:
    node: Node
    kind: str
    num: str
    heading: list[str] = field(default_factory=list)   # heading lines while it may still wrap
    heading_open: bool = True
    text: list[str] = field(default_factory=list)       # own text paragraphs
    counters: dict = field(default_factory=dict)        # last child number per kind
    bullets: int = 0
    plus: int = 0
    wants_title: bool = False                           # "Chương I" alone: the title is on the next line


class Builder(NumberingRules):
    def __init__(self, width: float, joined: bool):
        self.roots: list[Node] = []
        self.stack: list[_Open] = []
        self.top_counters: dict = {}
        self.appendices = 0
        self.width = width
        self.joined = joined
        self.last_text: Optional[str] = None
        self.warnings: list[Warning] = []

    def open(self, mk: Marker, depth: int, block: Block, first_text: str) -> None:
        self.close_to(depth)
        parent = self.stack[-1] if self.stack else None
        counters = self._counters(parent, mk.kind)
        if mk.kind == "bullet":
            parent.bullets += 1
            own = KINDS["bullet"].path.format(n=parent.bullets)
        elif mk.kind == "plus":
            parent.plus += 1
            own = KINDS["plus"].path.format(n=parent.plus)
        else:
            value = marker_value(mk)
            last = counters.get(self._counter_key(mk))
            counters[self._counter_key(mk)] = value
            own = mk.num
        path = self._path(mk, parent, own)
        if mk.kind not in ("bullet", "plus"):
            self._warn_gap(mk, last, value, path)
        node = Node(path=path, marker=mk.printed if mk.kind not in ("bullet", "plus") else mk.num,
                    page=getattr(block, "page", None), start=block.start, end=block.end, parent=parent.node if parent else None)
        op = _Open(node=node, kind=mk.kind, num=mk.num if mk.kind != "arabic" else str(int(mk.num)))
        if mk.kind in ("bullet", "plus"):
            op.heading_open = False
            op.text.append(first_text)
        else:
            op.heading.append(first_text)
            op.wants_title = not first_text.strip() and mk.kind in ("chapter", "subchapter", "article", "appendix")
        node.blocks.append(block)
        if parent:
            parent.node.children.append(node)
        else:
            self.roots.append(node)
        self.stack.append(op)

    def _path(self, mk: Marker, parent: Optional[_Open], own: str) -> str:
        if mk.kind in ("article", "chapter"):
            # numbered through the whole document: no chapter in the path, but an appendix keeps its prefix
            scope = next((op for op in self.stack if op.kind == "appendix"), None)
            own = KINDS[mk.kind].path.format(num=mk.num)           # "Điều 3", "Chương II"
            return f"{scope.node.path}.{own}" if scope else own
        base = parent
        if mk.kind == "dotted":
            # a dotted marker carries its parent's number: 2.1. under III. is III.2.1
            while base is not None and base.kind in ("arabic", "dotted"):
                base = self._parent_of(base)
        if mk.kind == "subchapter":
            # "Mục 1" keeps its word with or without a chapter: "Chương II.Mục 1", "Mục 1", "appendix.Mục 1"
            own = KINDS["subchapter"].path.format(num=mk.num)
            return f"{base.node.path}.{own}" if base is not None and base.kind in ("chapter", "appendix") else own
        if base is None:
            return own
        if base.kind in ("chapter", "subchapter"):
            return own
        return f"{base.node.path}.{own}"

    def _parent_of(self, op: _Open) -> Optional[_Open]:
        i = self.stack.index(op)
        return self.stack[i - 1] if i else None

    def open_appendix(self, title_lines: list[str], blocks: list[Block], note: list[str] = (),
                      first: Optional[Block] = None) -> None:
        """An appendix node printed by its head `blocks`, or starting at `first` (its first content
        block) when the head was read from inside a table."""
        self.close_to(0)
        self.appendices += 1
        self.top_counters = {}
        path = "appendix" if self.appendices == 1 else f"appendix-{self.appendices}"
        first = blocks[0] if blocks else first
        node = Node(path=path, marker="appendix", title=" ".join(title_lines).strip(),
                    page=getattr(first, "page", None), start=first.start, end=(blocks or [first])[-1].end)
        node.blocks.extend(blocks)
        op = _Open(node=node, kind="appendix", num=str(self.appendices), heading_open=False, text=list(note))
        self.roots.append(node)
        self.stack.append(op)

    def close_to(self, depth: int) -> None:
        while len(self.stack) > depth:
            self._close(self.stack.pop())

    def _close(self, op: _Open) -> None:
        node = op.node
        if op.kind == "appendix":
            node.text = "\n".join(t for t in op.text if t)
            return
        if op.kind in ("bullet", "plus"):
            node.title = ""
            node.text = "\n".join(t for t in op.text if t)
            return
        heading = " ".join(op.heading).strip()
        if op.text and sentence_goes_on(heading, op.text[0], op.kind):
            # "3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;" / "Ủy ban nhân dân các tỉnh ... khẩn
            # trương triển khai ...": one run-in sentence broken after its ';' (pool md/fa0dcc139cec05de)
            node.title = ""
            node.text = "\n".join([heading] + [t for t in op.text if t])
            return
        title, lead = split_heading(heading, op.kind)
        node.title = title
        node.text = "\n".join(t for t in [lead] + op.text if t)

    def add_text(self, block: Block, text: str) -> None:
        """A paragraph (or table) that is not a marker: text of the innermost open node."""
        if not self.stack:
            return
        op = self.stack[-1]
        op.node.blocks.append(block)
        if not text:
            return
        if op.wants_title:
            op.wants_title = False
            if len(text) <= 200 and not read_marker(text):
                op.heading = [text]
                return
        prev = self.last_text
        cont = prev is not None and continues(prev, text, self.width, self.joined)
        if op.heading_open and cont:
            op.heading.append(text)
            return
        op.heading_open = False
        if op.text and cont:
            op.text[-1] = op.text[-1] + " " + text
        else:
            op.text.append(text)


def continues_bullet(builder: Builder, text: str) -> bool:
    """A line starting with a dash that continues a broken word or number ('45-' / 'NQ/TW')."""
    prev = builder.last_text
    return bool(prev) and prev.rstrip().endswith(("-", "–")) and not prev.rstrip().endswith(" -")


def set_ends(nodes: list[Node]) -> None:
    for n in nodes:
        set_ends(n.children)
        ends = [b.end for b in n.blocks] + [c.end for c in n.children]
        starts = [b.start for b in n.blocks]
        if starts:
            n.start = min(starts)
        n.end = max(ends) if ends else n.end

