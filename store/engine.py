"""Which database, and its schema version (Alembic).

    database_url(url=None) -> str       the URL given, else $VANBAN_DB, else sqlite:///vanban.db
    open_registry(url=None, upgrade=True) -> Engine
    upgrade(engine) -> tuple[str|None, str]          (version before, version after)
    schema_version(engine) -> str|None

A bare file path is taken for an SQLite file.  PostgreSQL URLs use psycopg 3
(`postgresql://` is read as `postgresql+psycopg://`).  A `?schema=NAME` query
puts every table of a PostgreSQL registry in that schema (tests use one per run).
"""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from typing import Optional

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url

DEFAULT_FILE = "vanban.db"


class RegistryError(Exception):
    """A registry that cannot be used as it is (wrong URL, older schema, server down)."""


def database_url(url: Optional[str] = None) -> str:
    url = url or os.environ.get("VANBAN_DB") or DEFAULT_FILE
    if "://" not in url:
        return "sqlite:///" + url
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: Optional[str] = None) -> Engine:
    u = make_url(database_url(url))
    schema = u.query.get("schema")
    u = u.difference_update_query(["schema"])
    if u.get_backend_name() == "sqlite":
        engine = create_engine(u)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(u, pool_pre_ping=True)
    if schema:
        event.listen(engine, "connect", lambda dbapi, rec: _search_path(dbapi, schema))
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")     # readers (refs, audit) do not block an ingest
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _search_path(dbapi_conn, schema: str) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    cur.execute(f'SET search_path TO "{schema}"')
    cur.close()
    dbapi_conn.commit()


@lru_cache(maxsize=None)
def _alembic_config():
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("vanban.store").joinpath("migrations")))
    return cfg


def head_version() -> str:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def schema_version(engine: Engine) -> Optional[str]:
    from alembic.migration import MigrationContext
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[Optional[str], str]:
    """Migrate the registry to `revision` (default: the newest schema)."""
    from alembic import command
    before = schema_version(engine)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return before, schema_version(engine)


def open_registry(url: Optional[str] = None, upgrade_empty: bool = True) -> Engine:
    """An engine on a registry at the current schema.  An empty database is created;
    an older schema is an error that says to run `vanban db upgrade`."""
    engine = make_engine(url)
    try:
        current = schema_version(engine)
    except Exception as exc:   # the server is down, the file is not a database, ...
        raise RegistryError(f"cannot open the registry {_shown(engine)}: {exc.__class__.__name__}: "
                            f"{str(exc).splitlines()[0]}") from exc
    if current is None and upgrade_empty and not _has_tables(engine):
        upgrade(engine)
    elif current != head_version():
        raise RegistryError(f"the registry {_shown(engine)} has schema version {current}, this vanban needs "
                            f"{head_version()}: run `vanban db upgrade --db URL`")
    return engine


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def _shown(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
