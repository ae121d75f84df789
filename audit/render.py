"""The audit as JSON, CSV or a self-contained HTML page (Jinja2, audit/templates/).

    to_json(audit) -> str
    to_csv(audit) -> str        one finding a row
    to_html(audit) -> str       summary, findings by code and by document, each document's citations
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from functools import lru_cache

from .findings import Audit

#: the columns of the CSV, in order
CSV_COLUMNS = ("code", "severity", "document", "section", "page", "start", "end", "message", "evidence")

#: finding codes in Vietnamese, for the report's headings
CODE_NAMES = {
    "cites_superseded": "Viện dẫn văn bản đã bị thay thế/bãi bỏ",
    "overdue": "Nhiệm vụ quá hạn",
    "due_soon": "Nhiệm vụ sắp đến hạn",
    "defunct_body": "Cơ quan không còn tồn tại",
    "date_mismatch": "Ngày viện dẫn khác văn bản lưu",
    "issuer_mismatch": "Cơ quan ban hành viện dẫn khác văn bản lưu",
    "inconsistent_citations": "Viện dẫn không thống nhất giữa các văn bản",
    "future_citation": "Viện dẫn văn bản có ngày sau văn bản viện dẫn",
    "ambiguous": "Viện dẫn không xác định được (nhiều văn bản phù hợp)",
    "unresolved": "Văn bản được viện dẫn chưa có trong sổ",
    "duplicate_versions": "Nhiều phiên bản khác nội dung",
}


def to_json(audit: Audit) -> str:
    body = {"summary": audit.summary(), "findings": [asdict(f) for f in audit.findings]}
    return json.dumps(body, ensure_ascii=False, indent=1, default=str) + "\n"


def to_csv(audit: Audit) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for f in audit.findings:
        w.writerow([getattr(f, c) if getattr(f, c) is not None else "" for c in CSV_COLUMNS])
    return buf.getvalue()


@lru_cache(maxsize=None)
def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape
    return Environment(loader=PackageLoader("vanban.audit", "templates"), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True)


def to_html(audit: Audit) -> str:
    order = list(CODE_NAMES)
    by_code: dict[str, list] = {}
    for f in sorted(audit.findings, key=lambda f: (order.index(f.code), f.document)):
        by_code.setdefault(f.code, []).append(f)
    by_doc: dict[int, list] = {}
    for f in audit.findings:
        if f.document_id is not None:
            by_doc.setdefault(f.document_id, []).append(f)
    docs = sorted(audit.documents.values(), key=lambda d: (-len(by_doc.get(d["id"], [])), d["path"]))
    return _environment().get_template("report.html.j2").render(
        audit=audit, summary=audit.summary(), by_code=by_code, by_doc=by_doc, docs=docs,
        names=CODE_NAMES, all_docs=audit.documents, hoods=audit.neighbourhoods)
