"""Findings about citations (trích dẫn): each checked against the stored document it
stands for and against every other citation of the same document.

    check(rows, candidates, docs) -> list[Finding]
        date_mismatch, issuer_mismatch, future_citation, ambiguous, unresolved,
        inconsistent_citations, cites_superseded
    neighbourhoods(rows, candidates, docs) -> {document id: {"cites": [...], "cited_by": [...]}}

Citations of one document are grouped by identity (store/identity.py): a local
number such as `15/2025/QĐ-UBND` cited by documents of two provinces is two
documents, not one cited inconsistently; a citation that names no issuer is read
in the province of the document that cites it.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from vanban import lexicon as vocab
from vanban.lexicon import fold_key
from vanban.store import identity as ident
from vanban.store.queries import resolve_row

from .findings import Finding, make
from .succession import load_data


@lru_cache(maxsize=None)
def _titles() -> frozenset:
    """An official's title alone (`Bộ trưởng`, cut from `Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`) names no body."""
    return frozenset(fold_key(o) for o in vocab.load("citation_issuers.yaml")["officials"])


def _differ(a, b) -> bool:
    """Two partial dates that disagree at the precision both have (2025 and 2025-07-01 agree)."""
    n = min(len(a), len(b))
    return a[:n] != b[:n]


def _after(a, b) -> bool:
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def _same_body(a, b) -> bool:
    """One folded issuer names the other's body in fewer words: `ban chap hanh trung uong khoa xii`
    and `ban chap hanh trung uong dang khoa xii`, `chinh phu` and `chinh phu nuoc ...`."""
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def _where(row) -> dict:
    return dict(evidence=row.text or "", section=row.section, start=row.start, end=row.end)


def _cited_identity(row) -> str:
    return ident.identity(row.identifier, row.identifier, row.year, row.locality or row.citing_locality)


def check(rows, cands, docs) -> list[Finding]:
    out: list[Finding] = []
    unresolved: dict[str, list] = defaultdict(list)
    for row in rows:
        if not row.identifier_key:
            continue
        citing = docs[row.document_id]
        status, fits = resolve_row(row, cands)
        target = docs[fits[0].document_id] if status == "resolved" else None
        if status == "ambiguous":
            out.append(make("ambiguous", citing, f"{row.identifier} fits {len(fits)} stored documents: "
                            + "; ".join(docs[c.document_id]["path"] for c in fits), **_where(row)))
        elif status == "unresolved":
            unresolved[_cited_identity(row)].append(row)
        if target:
            out += _against_target(row, citing, target)
        cited_date = row.date or (target and target["date"])
        if cited_date and citing["date"] and _after(cited_date, citing["date"]):
            out.append(make("future_citation", citing, f"{row.identifier} is dated {cited_date}, after the citing "
                            f"document ({citing['date']})", **_where(row)))
    out += _unresolved_summary(unresolved, len([r for r in rows if r.identifier_key]))
    out += _inconsistent(rows, docs)
    out += _superseded(rows, docs)
    return out


def _against_target(row, citing, target) -> list[Finding]:
    out = []
    if row.date and target["date"] and _differ(row.date, target["date"]):
        out.append(make("date_mismatch", citing, f"{row.identifier} is cited as dated {row.date}; the stored "
                        f"document ({target['path']}) is dated {target['date']}", **_where(row),
                        details={"cited": row.date, "stored": target["date"], "stored_id": target["id"]}))
    # a local symbol resolved through its locality: `Ủy ban nhân dân tỉnh` names no other body
    if ident.is_national(row.identifier) and row.issuer_key and target["issuer_key"] \
            and row.issuer_key not in _titles() and not _same_body(row.issuer_key, target["issuer_key"]):
        out.append(make("issuer_mismatch", citing, f"{row.identifier} is cited as issued by {row.issuer}; the "
                        f"stored document ({target['path']}) is issued by {target['issuer']}", **_where(row),
                        details={"cited": row.issuer, "stored": target["issuer"], "stored_id": target["id"]}))
    return out


def _unresolved_summary(unresolved: dict[str, list], total: int) -> list[Finding]:
    if not unresolved:
        return []
    top_n = load_data("audit.yaml")["top_unresolved"]
    ranked = sorted(unresolved.values(), key=lambda rs: (-len({r.document_id for r in rs}), rs[0].identifier))
    top = [{"identifier": rs[0].identifier, "locality": rs[0].locality or rs[0].citing_locality,
            "cited_by": len({r.document_id for r in rs}), "dates": sorted({r.date for r in rs if r.date})}
           for rs in ranked[:top_n]]
    cited = sum(len(rs) for rs in unresolved.values())
    listed = ", ".join(f"{t['identifier']} ({t['cited_by']})" for t in top[:5])
    return [make("unresolved", None, f"{cited} of {total} citations ({len(unresolved)} documents) are not in the "
                 f"registry; most cited: {listed}", label="(registry)",
                 details={"citations": cited, "documents": len(unresolved), "top": top})]


def _inconsistent(rows, docs) -> list[Finding]:
    """One identity cited with disagreeing dates (or, for a national symbol, issuers) by different documents."""
    groups: dict[str, list] = defaultdict(list)
    for row in rows:
        if row.identifier_key:
            groups[_cited_identity(row)].append(row)
    out = []
    for rs in groups.values():
        dates = {r.date for r in rs if r.date}
        specific = {d for d in dates if not any(o != d and o.startswith(d) for o in dates)}
        issuers = {r.issuer_key for r in rs if r.issuer_key and r.issuer_key not in _titles()}
        bodies = [k for k in issuers if not any(o != k and _same_body(k, o) for o in issuers)]
        what = []
        if len(specific) > 1 and len({r.document_id for r in rs if r.date in specific}) > 1:
            what.append("dates")
        if ident.is_national(rs[0].identifier) and len(bodies) > 1:
            what.append("issuers")
        if what:
            out.append(_variants_finding(rs, what, docs))
    return out


def _variants_finding(rs, what: list[str], docs) -> Finding:
    variants = defaultdict(list)
    shown_issuer = {}
    for r in rs:
        shown_issuer.setdefault(r.issuer_key, r.issuer)
        key = (r.date or "", shown_issuer[r.issuer_key] or "")
        doc = docs[r.document_id]
        variants[key].append({"document_id": r.document_id, "document": doc["identifier"] or doc["path"],
                              "text": r.text, "section": r.section, "start": r.start})
    shown = "; ".join(f"{d or '?'} {i or ''}".strip() + f" ({len(v)})" for (d, i), v in sorted(variants.items()))
    return make("inconsistent_citations", None, f"{rs[0].identifier} is cited with different {' and '.join(what)} "
                f"by different documents: {shown}", label=rs[0].identifier, evidence=rs[0].text or "",
                details={"identifier": rs[0].identifier, "differ": what,
                         "variants": [{"date": d, "issuer": i, "cited_by": v} for (d, i), v in sorted(variants.items())]})


def _superseded(rows, docs) -> list[Finding]:
    """A citation of a document that a stored act replaced or repealed before the citing document's date.
    Only an act of the same issuer counts (`.../QĐ-UBND` replacing `.../QĐ-UBND`): a ministry's decision
    that mentions repealed procedures of a decree does not repeal the decree."""
    not_acts = set(load_data("audit.yaml")["not_acts"])
    ended: dict[str, list] = defaultdict(list)
    for r in rows:
        if r.identifier_key and r.relation in ("replaces", "repeals") and r.citing_type not in not_acts \
                and r.citing_date and r.citing_identifier \
                and ident.issuer_code(r.citing_identifier) == ident.issuer_code(r.identifier):
            ended[_cited_identity(r)].append(r)
    out = []
    for r in rows:
        if not r.identifier_key or r.relation in ("replaces", "repeals") or not r.citing_date:
            continue
        for by in ended.get(_cited_identity(r), ()):
            if by.document_id != r.document_id and _after(r.citing_date, by.citing_date):
                act = docs[by.document_id]
                out.append(make("cites_superseded", docs[r.document_id],
                                f"{r.identifier} was {'replaced' if by.relation == 'replaces' else 'repealed'} by "
                                f"{act['identifier'] or act['path']} ({by.citing_date}) before this document "
                                f"({r.citing_date})", **_where(r),
                                details={"by_id": act["id"], "by": act["identifier"] or act["path"],
                                         "relation": by.relation, "by_date": by.citing_date}))
                break
    return out


def neighbourhoods(rows, cands, docs) -> dict[int, dict]:
    out: dict[int, dict] = {i: {"cites": [], "cited_by": []} for i, d in docs.items() if d["latest"]}
    for r in rows:
        status, fits = resolve_row(r, cands) if r.identifier_key else ("unresolved", [])
        target = fits[0].document_id if status == "resolved" else None
        out.setdefault(r.document_id, {"cites": [], "cited_by": []})["cites"].append(
            {"identifier": r.identifier or r.title or r.ref_id, "relation": r.relation, "date": r.date,
             "issuer": r.issuer, "status": status, "target": target})
        if target in out:
            out[target]["cited_by"].append({"document_id": r.document_id, "relation": r.relation, "date": r.date})
    return out
