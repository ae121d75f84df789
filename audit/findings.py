"""The audit (kiểm tra): findings over everything in the registry.

    audit(engine, as_of=None) -> Audit        findings, summary, documents, neighbourhoods

Each finding has a code, a severity, the document, where it is (section, page,
text span) and the quoted evidence.  Citation findings are in
audit/citation_checks.py, task findings in audit/task_checks.py; this module
loads the registry once and puts them together.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.engine import Engine

from vanban.store.queries import candidates, citation_rows
from vanban.store.tables import documents

from .succession import load_data


@dataclass
class Finding:
    code: str
    severity: str
    document_id: Optional[int]          # None: a finding about a cited identifier across documents
    document: str                       # identifier or path, for people
    message: str
    evidence: str = ""                  # the quoted text
    section: Optional[str] = None
    page: Optional[int] = None
    start: Optional[int] = None
    end: Optional[int] = None
    details: dict = field(default_factory=dict)


@dataclass
class Audit:
    as_of: date
    findings: list[Finding]
    documents: dict[int, dict]          # id -> identifier, path, date, issuer, title, version
    neighbourhoods: dict[int, dict]     # id -> {"cites": [...], "cited_by": [...]}

    def summary(self) -> dict:
        return {"as_of": self.as_of.isoformat(), "documents": len(self.documents),
                "findings": len(self.findings), "by_code": dict(Counter(f.code for f in self.findings)),
                "by_severity": dict(Counter(f.severity for f in self.findings))}


def severity(code: str) -> str:
    return load_data("audit.yaml")["severity"][code]


def make(code: str, doc: Optional[dict], message: str, **kw) -> Finding:
    return Finding(code=code, severity=severity(code), document_id=doc and doc["id"],
                   document=(doc and (doc["identifier"] or doc["path"])) or kw.pop("label", ""),
                   message=message, **kw)


def audit(engine: Engine, as_of: Optional[date] = None) -> Audit:
    from . import citation_checks, task_checks
    as_of = as_of or date.today()
    docs = _documents(engine)
    rows = [r for r in citation_rows(engine) if r.document_id in docs]       # not those stored meanwhile
    cands = candidates(engine)
    findings = citation_checks.check(rows, cands, docs)
    findings += task_checks.check(engine, docs, as_of)
    findings += _duplicate_versions(docs)
    latest = {d["id"] for d in docs.values() if d["latest"]}
    return Audit(as_of, findings, {i: d for i, d in docs.items() if i in latest},
                 citation_checks.neighbourhoods(rows, cands, docs))


def _documents(engine: Engine) -> dict[int, dict]:
    cols = [documents.c[n] for n in ("id", "identity", "version", "previous_id", "sha256", "path", "format",
                                     "doc_type", "identifier", "issuer", "issuer_key", "locality", "year", "date",
                                     "title")]
    with engine.connect() as conn:
        docs = {r.id: dict(r._mapping) for r in conn.execute(select(*cols).order_by(documents.c.id))}
    newest: dict[str, int] = {}
    for d in docs.values():
        if d["version"] >= docs.get(newest.get(d["identity"], d["id"]), d)["version"]:
            newest[d["identity"]] = d["id"]
    for d in docs.values():
        d["latest"] = newest[d["identity"]] == d["id"]
    return docs


def _duplicate_versions(docs: dict[int, dict]) -> list[Finding]:
    """Same identity stored with different content (another format, a corrected copy)."""
    by_identity: dict[str, list[dict]] = {}
    for d in docs.values():
        by_identity.setdefault(d["identity"], []).append(d)
    out = []
    for versions in by_identity.values():
        if len(versions) < 2:
            continue
        newest = max(versions, key=lambda d: d["version"])
        listed = "; ".join(f"v{d['version']} {d['path']} ({d['format']}, {d['sha256'][:10]})" for d in versions)
        out.append(make("duplicate_versions", newest, f"{len(versions)} versions with different content: {listed}",
                        evidence=newest["identifier"] or "",
                        details={"versions": [{"version": d["version"], "path": d["path"], "format": d["format"],
                                               "sha256": d["sha256"]} for d in versions]}))
    return out
