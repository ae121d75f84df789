"""Stage 3, lay out: lines -> header + body paragraphs and tables.

    layout(raw: RawDocument) -> LaidOut
"""
from __future__ import annotations

from .types import FlatTable, LaidOut, Line, Paragraph, RawDocument, Table  # noqa: F401


def layout(raw: RawDocument) -> LaidOut:
    blocks = []
    for it in raw.items:
        if isinstance(it, Table):
            blocks.append(it)
        elif it.text:
            blocks.append(Paragraph(text=it.text, page=it.page, bold=it.bold, centered=it.centered))
    return _finish(raw, [], blocks)


def block_text(block) -> str:
    """The text a block contributes to LaidOut.text."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Table):
        return "\n".join(" | ".join(row) for row in block.rows)
    return "\n".join(line.text for line in block.lines)


def _finish(raw: RawDocument, header: list[Paragraph], blocks: list) -> LaidOut:
    """Assign every block its offsets into one normalised text (header first)."""
    parts, pos = [], 0
    for b in header + blocks:
        text = block_text(b)
        b.start, b.end = pos, pos + len(text)
        parts.append(text)
        pos = b.end + 1
    return LaidOut(raw=raw, header=header, blocks=blocks, text="\n".join(parts))
