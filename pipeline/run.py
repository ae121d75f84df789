"""The whole flow, one stage a line:

    read -> normalise -> layout -> segment -> tree -> extract -> resolve and link -> validate -> emit

    parse(path, data=None) -> vanban.schemas.Document     (raises VanbanError with a clear reason)
"""
from __future__ import annotations

from pathlib import Path

from vanban.extractors.bodies import indexed
from vanban.extractors.metadata import extract_metadata
from vanban.extractors.references import find_citations
from vanban.extractors.tasks import extract_tasks
from vanban.schemas.models import Document, Source

from .aggregate import collect_bodies
from .checks import run_checks
from .emit import to_sections
from .errors import NotADocument
from .genre import check_document
from .layout import layout
from .link import link_tasks
from .normalise import normalise
from .read import read
from .resolve import resolve_references
from .segment import segment
from .tree import build_tree_checked, with_body_node


def parse(path: str | Path, data: bytes | None = None) -> Document:
    """Parse one file (or `data`, named `path`) into a validated contract-v1 Document."""
    path = str(path)
    raw = normalise(read(path, data))
    doc = layout(raw)
    raw = doc.raw                            # with the pages layout inferred from running headers
    seg = segment(doc)
    check_document(seg)                      # a page that quotes a document is not one
    tree, tree_warnings = build_tree_checked(seg)

    metadata, warnings = extract_metadata(seg, tree)
    warnings = tree_warnings + warnings
    references, w = resolve_references(find_citations(doc, tree), doc, metadata)
    warnings += w
    with_front = with_body_node(seg, tree)           # the text before the first heading: a letter's requests
    with indexed(doc.text):                          # bodies matched once; tasks and the body list ask about parts
        tasks, w = extract_tasks(doc, tree, metadata, front=with_front[0] if len(with_front) > len(tree) else None)
        warnings += w
        tasks = link_tasks(tasks, references)
        bodies = collect_bodies(tasks, doc)

    result = Document(
        source=Source(path=path, sha256=raw.sha256, format=_contract_format(raw), pages=raw.pages,
                      ocr=bool(raw.ocr_pages), ocr_pages=raw.ocr_pages, detail=raw.detail,
                      legacy_encoding=raw.legacy_encoding),
        metadata=metadata,
        sections=to_sections(with_front),
        tasks=tasks,
        references=references,
        bodies=bodies,
        warnings=raw.warnings + warnings,
        text=doc.text,
    )
    _check_recognisable(result)
    result.warnings = result.warnings + run_checks(doc, tree, result)
    return result      # valid: every model was validated when made and at every change (schemas/models.py _Model)


def _contract_format(raw) -> str:
    """The contract's `format`: old Word and RTF are `doc`/`rtf`, converter Markdown is `md` (contract 1.1)."""
    kinds = (raw.detail or "").split(",")
    for kind in ("doc", "rtf", "md"):
        if kind in kinds:
            return kind
    return raw.format


def _check_recognisable(result: Document) -> None:
    """Never an empty success: a text with no header, no sections and no text is an error."""
    m = result.metadata
    if not (m.doc_type.code or m.issuer.name or m.identifier or m.symbol or result.sections):
        raise NotADocument(result.source.path,
                           "no administrative document found: no issuer, number, document type or numbered sections")
