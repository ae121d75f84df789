"""Inputs of `vanban export`: validated Documents, never raw text.

    load_paths(paths, workers=None) -> Loaded        documents, folders, vanban JSON outputs
    load_db(url) -> Loaded                           the registry (vanban.store)

A PATH that is a vanban JSON output (an object with `schema_version` and
`source`) is loaded with `Document.model_validate`; any other file is parsed
(`vanban.pipeline.parse_many`).  A folder is walked as `vanban parse` walks it;
`_report.json` files of a batch are skipped.  Every input that fails is kept in
`errors` with the reason, never dropped in silence.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from vanban.schemas.models import Document

REPORT_NAME = "_report.json"


@dataclass
class Loaded:
    documents: list[Document] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)     # (input, reason)


def _as_output(path: Path):
    """The JSON object when `path` is a vanban output, else None (a document to parse)."""
    with open(path, "rb") as fh:
        head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None          # not JSON after all: a document to parse
    return data if isinstance(data, dict) and "schema_version" in data and "source" in data else None


def load_paths(paths: list[str], workers: int | None = None) -> Loaded:
    from vanban.pipeline import parse_many
    from vanban.pipeline.batch import collect_inputs

    out = Loaded()
    slots: dict[str, Document | None] = {}
    to_parse: list[str] = []
    for p in collect_inputs(paths):
        if p.name == REPORT_NAME:
            continue
        if not p.exists():
            out.errors.append((str(p), "no such file"))
            continue
        data = _as_output(p)
        if data is None:
            to_parse.append(str(p))
            slots[str(p)] = None
            continue
        try:
            slots[str(p)] = Document.model_validate(data)
        except ValidationError as exc:
            out.errors.append((str(p), f"not a valid vanban output: {exc.error_count()} errors, first: "
                                       f"{'.'.join(map(str, exc.errors()[0]['loc']))}: {exc.errors()[0]['msg']}"))
    for result in parse_many(to_parse, workers=workers):
        if result.error is None:
            slots[result.path] = result.document
        else:
            out.errors.append((result.path, result.error))
    out.documents = [d for d in slots.values() if d is not None]
    return out


def load_db(url: str) -> Loaded:
    """Documents from the registry.  The seam: `vanban.store.iter_documents(url)` yields
    the stored full JSON (a dict or a str) of each document."""
    try:
        from vanban.store import iter_documents
    except ImportError:
        raise SystemExit("vanban export: --db needs the registry (vanban.store.iter_documents), "
                         "which this installation does not have; export from files or JSON outputs instead")
    out = Loaded()
    for item in iter_documents(url):
        data = json.loads(item) if isinstance(item, (str, bytes)) else item
        try:
            out.documents.append(Document.model_validate(data))
        except ValidationError as exc:
            where = (data.get("source") or {}).get("path", "?") if isinstance(data, dict) else "?"
            out.errors.append((f"{url}:{where}", f"not a valid vanban output ({exc.error_count()} errors)"))
    return out
