"""Metadata extractor: issuer, number/symbol, place/date, type, title, signers, recipients.

    extract_metadata(doc: LaidOut, tree: list[Node]) -> tuple[Metadata, list[Warning]]
"""
from __future__ import annotations

from vanban.pipeline.types import LaidOut, Node
from vanban.schemas.models import Metadata, Warning


def extract_metadata(doc: LaidOut, tree: list[Node]) -> tuple[Metadata, list[Warning]]:
    return Metadata(), []
