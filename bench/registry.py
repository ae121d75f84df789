"""Registry speed and size: what ingesting adds to parsing, into SQLite and PostgreSQL, then
`refs` and `audit` over the result.

    python bench/registry.py ../shared/corpus ../shared/pool [--pg postgresql://...] [--keep vanban.db]

Every input is parsed once (one process, like `vanban ingest -w 1`) and the same
document is stored into each engine, so the store time of each engine is
measured against the same parse time.  Each engine gets a fresh database (an
SQLite file, a new PostgreSQL schema dropped afterwards).  Then a second ingest
of the same paths (every file `unchanged`), `refs` on the most cited identifier
(median of 20) and the audit.  Prints one JSON object; progress on stderr.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import date
from pathlib import Path

from sqlalchemy import func, select, text

from vanban.audit.findings import audit
from vanban.pipeline.batch import collect_inputs
from vanban.schemas.models import Document
from vanban.store.engine import make_engine, open_registry
from vanban.store.ingest import _parse_json, ingest, store_document
from vanban.store.queries import refs
from vanban.store.tables import citations


def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def _most_cited(engine) -> str:
    with engine.connect() as conn:
        return conn.execute(select(citations.c.identifier).where(citations.c.identifier.is_not(None))
                            .group_by(citations.c.identifier).order_by(func.count().desc()).limit(1)).scalar()


def _size(engine) -> int:
    if engine.dialect.name == "sqlite":
        db = Path(engine.url.database)
        return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    with engine.connect() as conn:
        return int(conn.execute(text("select sum(pg_total_relation_size(quote_ident(schemaname)||'.'||"
                                 "quote_ident(tablename))) from pg_tables where schemaname = current_schema()")).scalar())


def _queries(engine, paths: list[str]) -> dict:
    again, secs_again = _timed(lambda: ingest(paths, engine, workers=1)) if paths else (None, 0.0)
    ident = _most_cited(engine)
    refs(engine, ident)
    times = [_timed(lambda: refs(engine, ident))[1] for _ in range(20)]
    result, audit_secs = _timed(lambda: audit(engine, date(2026, 12, 3)))
    return {"reingest_s": round(secs_again, 2),
            "reingest": dict(Counter(e.status for e in again.entries)) if again else None,
            "size_mb": round(_size(engine) / 2**20, 1), "refs_identifier": ident,
            "refs_ms_median": round(statistics.median(times) * 1000, 1), "audit_s": round(audit_secs, 2),
            "findings": result.summary()["by_code"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--pg", default=None, help="a PostgreSQL URL; a fresh schema is made and dropped")
    ap.add_argument("--keep", default=None, help="keep the SQLite registry at this path")
    ap.add_argument("--from-registry", metavar="SQLITE", default=None,
                    help="no parsing: store the documents of this registry again into a fresh SQLite file and "
                         "PostgreSQL schema (store times), then time refs and audit on both")
    args = ap.parse_args()
    if args.from_registry:
        return from_registry(args.from_registry, args.pg, args.paths, args.keep)
    tmp = Path(tempfile.mkdtemp())
    engines = {"sqlite": open_registry(args.keep or f"sqlite:///{tmp}/bench.db")}
    schema = "bench_" + uuid.uuid4().hex[:8]
    if args.pg:
        engines["postgresql"] = open_registry(f"{args.pg}{'&' if '?' in args.pg else '?'}schema={schema}")
    inputs = collect_inputs(args.paths)
    parse_s, store_s, statuses = 0.0, Counter(), Counter()
    try:
        for i, path in enumerate(inputs, 1):
            out, secs = _timed(lambda: _parse_json(str(path)))
            parse_s += secs
            if isinstance(out, tuple):
                statuses["error"] += 1
                continue
            doc = Document.model_validate_json(out)
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            for name, engine in engines.items():
                (status, _), secs = _timed(lambda: store_document(engine, doc, sha))
                store_s[name] += secs
            statuses[status] += 1
            if i % 25 == 0:
                print(f"{i}/{len(inputs)} parse {parse_s:.0f}s store {dict(store_s)}", file=sys.stderr, flush=True)
        stored = sum(v for k, v in statuses.items() if k != "error")
        out = {"files": len(inputs), "statuses": dict(statuses), "parse_s": round(parse_s, 1),
               "parse_docs_per_s": round(stored / parse_s, 2)}
        for name, engine in engines.items():
            out[name] = {"store_s": round(store_s[name], 1), "store_ms_per_doc": round(1000 * store_s[name] / stored, 1),
                         "overhead_vs_parse": round(store_s[name] / parse_s, 3),
                         "ingest_docs_per_s": round(stored / (parse_s + store_s[name]), 2), **_queries(engine, args.paths)}
        print(json.dumps(out, ensure_ascii=False, indent=1))
    finally:
        if args.pg:
            with make_engine(args.pg).begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


def from_registry(path: str, pg: str, paths: list[str], keep: str | None) -> None:
    """Store the documents of an existing registry again (no parsing) into a fresh SQLite file and a
    fresh PostgreSQL schema, timing the stores; then the queries on both."""
    from vanban.store.tables import documents
    with open_registry(path).connect() as conn:
        rows = conn.execute(select(documents.c.sha256, documents.c.content).order_by(documents.c.id)).all()
    schema = "bench_" + uuid.uuid4().hex[:8]
    targets = {"sqlite": open_registry(keep or f"sqlite:///{tempfile.mkdtemp()}/bench.db"),
               "postgresql": open_registry(f"{pg}{'&' if '?' in pg else '?'}schema={schema}")}
    try:
        docs = [(sha, Document.model_validate_json(content)) for sha, content in rows]
        out: dict = {"documents": len(docs)}
        for name, engine in targets.items():
            statuses, store_s = Counter(), 0.0
            for sha, doc in docs:
                (status, _), secs = _timed(lambda: store_document(engine, doc, sha))
                statuses[status] += 1
                store_s += secs
            out[name] = {"store_s": round(store_s, 1), "store_ms_per_doc": round(1000 * store_s / len(docs), 1),
                         "statuses": dict(statuses), **_queries(engine, [])}
            print(json.dumps({name: out[name]}, ensure_ascii=False), file=sys.stderr, flush=True)
        print(json.dumps(out, ensure_ascii=False, indent=1))
    finally:
        targets["postgresql"].dispose()
        with make_engine(pg).begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
