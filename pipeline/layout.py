"""Stage 3, lay out: lines -> header + body paragraphs and tables.

    layout(raw: RawDocument) -> LaidOut
"""
from __future__ import annotations

from .types import LaidOut, Line, Paragraph, RawDocument, Table


def layout(raw: RawDocument) -> LaidOut:
    blocks = []
    for it in raw.items:
        if isinstance(it, Table):
            blocks.append(it)
        elif it.text:
            blocks.append(Paragraph(text=it.text, page=it.page, bold=it.bold, centered=it.centered))
    return _finish(raw, [], blocks)


def _finish(raw: RawDocument, header: list[Paragraph], blocks: list) -> LaidOut:
    """Assign offsets into one normalised text; every Paragraph, header included."""
    parts, pos = [], 0
    for p in header + [b for b in blocks if isinstance(b, Paragraph)]:
        p.start, p.end = pos, pos + len(p.text)
        parts.append(p.text)
        pos = p.end + 1
    return LaidOut(raw=raw, header=header, blocks=blocks, text="\n".join(parts))
