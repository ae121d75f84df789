"""Stage 7, emit: internal tree -> contract models; Document -> JSON; atomic file writes.

    to_sections(tree) -> list[schemas.Section]
    to_json(document) -> str
    write_atomic(path, text) -> None
"""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from vanban.schemas.models import Document, Section

from .types import Node


def to_sections(nodes: list[Node]) -> list[Section]:
    return [Section(path=n.path, marker=n.marker, title=n.title, text=n.text, page=n.page,
                    children=to_sections(n.children)) for n in nodes]


def to_json(document: Document) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def write_atomic(path: str | Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename over the target.  The file gets
    the permissions a plain open() would give it (mkstemp's are owner-only)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@lru_cache(maxsize=1)
def _umask() -> int:
    """The process's umask, read once (reading it means setting it for an instant)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
