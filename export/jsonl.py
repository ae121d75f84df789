"""`--format jsonl`: one task per line, for streaming into trackers and search engines.

    write(documents, out, as_of) -> int       lines written

Each line is the task as the contract has it (every field of `tasks[]`), plus
`document` (identifier, issuer, date, type, title, sha256, path: enough to find
and cite the source) and `status` on `--as-of` (vanban.schemas.status).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from vanban.schemas.models import Document
from vanban.schemas.status import deadline_status


def document_header(doc: Document) -> dict:
    m = doc.metadata
    return {"identifier": m.identifier, "symbol": m.symbol, "issuer": m.issuer.name, "date": m.date,
            "doc_type": m.doc_type.code, "title": m.title, "sha256": doc.source.sha256, "path": doc.source.path}


def lines(doc: Document, as_of: date):
    head = document_header(doc)
    for task in doc.tasks:
        record = {"document": head, **task.model_dump(mode="json"),
                  "status": deadline_status(task.deadline, as_of)}
        yield json.dumps(record, ensure_ascii=False)


def write(documents: list[Document], out: Path, as_of: date) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for doc in documents:
            for line in lines(doc, as_of):
                fh.write(line + "\n")
                n += 1
    return n
