"""Where metadata reads from: the header lines, the front lines (header and preamble) and,
in signature.py, the tail.

    header_lines(doc) -> list[str]          the header's lines, cleaned
    front_lines(doc, tree) -> list[str]     the header and the body before the first section

The zones themselves (split_header, split_embedded_appendix, table_lines) are the tree
stage's; this module is the one place metadata imports them, until the segment stage
hands the zones over.
"""
from __future__ import annotations

from vanban.lexicon.patterns import ADDRESSEE, BODY_START, MARKER_START, SUMMARY_CV
from vanban.lexicon.text import clean
from vanban.pipeline.tree import split_embedded_appendix, split_header, table_lines
from vanban.pipeline.types import LaidOut, Node, Paragraph, Table

from .doc_type import type_line

__all__ = ["header_lines", "front_lines", "split_header", "split_embedded_appendix", "table_lines"]


def header_lines(doc: LaidOut) -> list[str]:
    header, body = split_header(doc)
    if not header:          # no header found: look at the first blocks
        header = body[:30]
    lines: list[str] = []
    for b in header:
        if isinstance(b, Paragraph):
            lines.extend(clean(x) for x in b.text.split("\n"))
        elif isinstance(b, Table):
            lines.extend(clean(x) for x in table_lines(b))
    # a header split too early leaves the type line and summary at the head of the body
    if doc.header and type_line([x for x in lines if x])[0] is None \
            and not any(SUMMARY_CV.match(x) for x in lines if x):
        for b in body[:6]:
            t = clean(b.text) if isinstance(b, Paragraph) else ""
            if not t or BODY_START.match(t) or ADDRESSEE.match(t) or MARKER_START.match(t):
                break
            lines.append(t)
    return [x for x in lines if x]


def front_lines(doc: LaidOut, tree: list[Node]) -> list[str]:
    """The lines of the header and of the body before the first section."""
    header, body = split_header(doc)
    first = tree[0].start if tree else None
    lines: list[str] = []
    for b in header + body[:40]:
        if b in body and first is not None and b.start >= first:
            break
        texts = table_lines(b) if isinstance(b, Table) else b.text.split("\n") if isinstance(b, Paragraph) else []
        lines.extend(t for t in (clean(x) for x in texts) if t)
    return lines
