"""Shared test helpers: where the repository and its corpus are."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


# --- registries (store/): every registry test runs against SQLite and PostgreSQL ---------------

import os  # noqa: E402
import uuid  # noqa: E402

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def _pg_base() -> str:
    return os.environ.get("VANBAN_TEST_PG", PG_DEFAULT)


def _pg_reachable(url: str) -> str | None:
    """None when the server answers, else why not."""
    from vanban.store.engine import make_engine
    try:
        with make_engine(url).connect():
            return None
    except Exception as exc:  # refused, no such host, auth
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}"


@pytest.fixture(params=["sqlite", "postgresql"])
def registry_url(request, tmp_path):
    """A URL of an empty registry: an SQLite file, or a schema of its own on the PostgreSQL server
    at $VANBAN_TEST_PG (dropped afterwards).  Under CI=true an unreachable server fails the test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'vanban.db'}"
        return
    base = _pg_base()
    why = _pg_reachable(base)
    if why:
        message = (f"PostgreSQL at {base} is not reachable ({why}); set VANBAN_TEST_PG=postgresql://user@host:port/db "
                   f"to run the registry tests against a server")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    schema = f"vanban_test_{uuid.uuid4().hex[:12]}"
    yield f"{base}{'&' if '?' in base else '?'}schema={schema}"
    from sqlalchemy import text
    from vanban.store.engine import make_engine
    engine = make_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()
