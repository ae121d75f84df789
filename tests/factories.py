"""Builders shared by the tests (eyecite's test_factories style).

    laid_out(lines | text, fmt="txt", header=(), page=None) -> LaidOut
        one Paragraph per line, offsets into one "\\n"-joined text, as the layout stage writes them
    corpus_doc(pattern) -> Document          the corpus document whose file name matches, parsed
    references_of(lines) -> {identifier: Reference}   the references read from normalised lines
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional, Union

from vanban.pipeline.types import LaidOut, Paragraph, RawDocument

CORPUS = Path(__file__).parent.parent / "corpus"


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


def corpus_doc(pattern: str):
    """The corpus document whose file name matches `pattern` ("136_pool-*.md"), parsed."""
    from vanban.pipeline.run import parse
    return parse(str(next(CORPUS.glob(pattern))))


def references_of(lines: Iterable[str]) -> dict:
    """{identifier: Reference} read from `lines` (normalised first) by the references stage and resolve."""
    from vanban.extractors.references import find_citations
    from vanban.pipeline.normalise import normalise_text
    from vanban.pipeline.resolve import resolve_references
    from vanban.schemas.models import Metadata
    doc = laid_out([normalise_text(t) for t in lines])
    return {r.identifier: r for r in resolve_references(find_citations(doc, []), doc, Metadata())[0]}
