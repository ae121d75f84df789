"""vanban's pipeline: read -> normalise -> layout -> tree -> extract -> resolve/link -> validate -> emit.

The Python API is one function:

    from vanban.pipeline import parse
    doc = parse("corpus/bacgiang-2024-kh-ubnd-nq45.txt")   # a vanban.schemas.Document (pydantic)
    doc.metadata.identifier, [t.lead for t in doc.tasks]
    doc.model_dump_json()                                    # contract-v1 JSON
"""
from __future__ import annotations


def parse(path):
    """Parse one file (PDF, DOCX, .doc, RTF, HTML, Markdown or text) into a Document."""
    from .run import parse as _parse
    return _parse(path)


__all__ = ["parse"]
