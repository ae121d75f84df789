"""The registry (sổ đăng ký văn bản): parsed documents stored in SQLite or PostgreSQL.

    open_registry(url=None, upgrade=True) -> Engine       vanban.db, $VANBAN_DB or a URL
    ingest(paths, engine, workers=None, progress=None) -> IngestReport
    refs(engine, identifier) -> Neighbourhood               what cites a document, what it cites
    tasks(engine, body=None, statuses=(), as_of=None, expand=None) -> list[TaskRow]

Everything a document says is stored (its full JSON too), so nothing is lost;
documents, sections, tasks, references and bodies get tables of their own for
queries.  The schema is migrated with Alembic (store/migrations).
"""
