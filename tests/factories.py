"""Builders shared by the tests (eyecite's test_factories style).

    laid_out(lines | text, fmt="txt", header=(), page=None) -> LaidOut
        one Paragraph per line, offsets into one "\\n"-joined text, as the layout stage writes them
"""
from __future__ import annotations

from typing import Iterable, Optional, Union

from vanban.pipeline.types import LaidOut, Paragraph, RawDocument


def laid_out(lines: Union[str, Iterable[str]], fmt: str = "txt", header: Iterable[str] = (),
             page: Optional[int] = None) -> LaidOut:
    """A laid-out document from lines (or one text with "\\n" line breaks)."""
    if isinstance(lines, str):
        lines = lines.split("\n")
    head = [Paragraph(text=t, page=page) for t in header]
    blocks = [Paragraph(text=t, page=page) for t in lines]
    parts, pos = [], 0
    for b in head + blocks:
        b.start, b.end = pos, pos + len(b.text)
        parts.append(b.text)
        pos = b.end + 1
    raw = RawDocument(path="snippet", sha256="0", format=fmt, items=[])
    return LaidOut(raw=raw, header=head, blocks=blocks, text="\n".join(parts))
