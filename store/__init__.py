"""The registry (sổ đăng ký văn bản): parsed documents stored in SQLite or PostgreSQL.

    open_registry(url=None, upgrade=True) -> Engine       vanban.db, $VANBAN_DB or a URL
    ingest(paths, engine, workers=None, progress=None) -> IngestReport
    refs(engine, identifier) -> Neighbourhood               what cites a document, what it cites
    tasks(engine, body=None, statuses=(), as_of=None, expand=None) -> list[TaskRow]
    iter_documents(url=None) -> Iterator[str]             the stored JSON of each document (newest versions)

Everything a document says is stored (its full JSON too), so nothing is lost;
documents, sections, tasks, references and bodies get tables of their own for
queries.  The schema is migrated with Alembic (store/migrations).
"""


def iter_documents(url=None):
    """The stored full JSON of the newest version of every document (what `vanban export --db` reads)."""
    from .engine import open_registry
    from .queries import documents_json
    yield from documents_json(open_registry(url, upgrade_empty=False))
