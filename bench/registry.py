"""Registry speed and size: ingest into SQLite and PostgreSQL against parse-only, then
`refs` and `audit` over the result.

    python bench/registry.py ../shared/corpus ../shared/pool --workers 1 [--pg postgresql://...]

Each engine gets a fresh database (an SQLite file in a temporary folder, a new
PostgreSQL schema dropped afterwards).  Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from collections import Counter
from datetime import date
from pathlib import Path

from sqlalchemy import func, select, text

from vanban.audit.findings import audit
from vanban.pipeline.batch import collect_inputs, parse_many
from vanban.store.engine import open_registry
from vanban.store.ingest import ingest
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


def _size(engine, url: str, tmp: Path) -> int:
    if url.startswith("sqlite"):
        return sum(p.stat().st_size for p in tmp.glob("bench.db*"))
    with engine.connect() as conn:
        return conn.execute(text("select sum(pg_total_relation_size(quote_ident(schemaname)||'.'||quote_ident(tablename)))"
                                 " from pg_tables where schemaname = current_schema()")).scalar()


def run_engine(url: str, paths: list[str], workers: int, tmp: Path) -> dict:
    engine = open_registry(url)
    report, secs = _timed(lambda: ingest(paths, engine, workers=workers))
    stored = len(report.entries) - len(report.failed)
    again, secs_again = _timed(lambda: ingest(paths, engine, workers=workers))
    ident = _most_cited(engine)
    refs(engine, ident)
    times = [_timed(lambda: refs(engine, ident))[1] for _ in range(20)]
    result, audit_secs = _timed(lambda: audit(engine, date(2026, 12, 3)))
    return {"workers": workers, "files": len(report.entries), "stored": stored,
            "statuses": dict(Counter(e.status for e in report.entries)), "ingest_s": round(secs, 1),
            "docs_per_s": round(stored / secs, 2), "reingest_s": round(secs_again, 2),
            "reingest_statuses": dict(Counter(e.status for e in again.entries)),
            "size_mb": round(_size(engine, url, tmp) / 2**20, 1), "refs_identifier": ident,
            "refs_ms_median": round(statistics.median(times) * 1000, 1), "audit_s": round(audit_secs, 2),
            "findings": result.summary()["by_code"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--pg", default=None, help="a PostgreSQL URL; a fresh schema is made and dropped")
    ap.add_argument("--skip-parse", action="store_true")
    args = ap.parse_args()
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if not args.skip_parse:
            inputs = collect_inputs(args.paths)
            rep, secs = _timed(lambda: parse_many(inputs, tmp / "out", workers=args.workers))
            ok = len(rep.entries) - len(rep.failed)
            out["parse_only"] = {"workers": args.workers, "files": len(inputs), "ok": ok, "seconds": round(secs, 1),
                                 "docs_per_s": round(ok / secs, 2)}
        out["sqlite"] = run_engine(f"sqlite:///{tmp}/bench.db", args.paths, args.workers, tmp)
        if args.pg:
            schema = "bench_" + uuid.uuid4().hex[:8]
            url = f"{args.pg}{'&' if '?' in args.pg else '?'}schema={schema}"
            try:
                out["postgresql"] = run_engine(url, args.paths, args.workers, tmp)
            finally:
                from vanban.store.engine import make_engine
                with make_engine(args.pg).begin() as conn:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
