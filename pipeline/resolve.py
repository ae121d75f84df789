"""Stage 6a, resolve: citations -> distinct references (short forms, aliases, self-citation).

    resolve_references(citations, doc, metadata) -> tuple[list[Reference], list[Warning]]
"""
from __future__ import annotations

from vanban.extractors.references import Citation
from vanban.schemas.models import Metadata, Reference, Warning

from .types import LaidOut


def resolve_references(citations: list[Citation], doc: LaidOut, metadata: Metadata) -> tuple[list[Reference], list[Warning]]:
    return [], []
