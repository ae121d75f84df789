"""The registry (store/) on real documents, against SQLite and the PostgreSQL server
(fixture `registry_url` in conftest.py: each PostgreSQL run in a schema of its own)."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from vanban.pipeline.cli import main
from vanban.store.engine import RegistryError, head_version, make_engine, open_registry, schema_version, upgrade
from vanban.store.ingest import ingest
from vanban.store.queries import refs, tasks
from vanban.store.tables import citations, documents, sections, task_bodies
from vanban.store.tables import tasks as tasks_table

from conftest import CORPUS

BACGIANG = str(CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt")
KH_1105_PDF = str(CORPUS / "003_laocai-kh-dkt-1105-kiem-tra-vlncn.pdf")
KH_1105_TXT = str(CORPUS / "004_laocai-kh-dkt-1105-kiem-tra-vlncn-repo-txt.txt")


@pytest.fixture
def engine(registry_url):
    e = open_registry(registry_url)
    yield e
    e.dispose()


def _count(engine, table, *where) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar()


def test_ingest_stores_every_part_and_the_full_json(engine):
    report = ingest([BACGIANG], engine, workers=1)
    assert [e.status for e in report.entries] == ["new"]
    doc_id = report.entries[0].document_id
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.id == doc_id)).one()
    from vanban.schemas.models import Document
    stored = Document.model_validate_json(row.content)           # nothing is lost
    assert row.symbol == "KH-UBND" and row.locality == "Bắc Giang" and row.version == 1
    assert _count(engine, tasks_table) == len(stored.tasks) > 40
    assert _count(engine, sections) > 10
    assert _count(engine, citations, citations.c.identifier == "899/QĐ-TTg") == 1
    # the lead of appendix row II.1 is Sở Nội vụ
    assert _count(engine, task_bodies, task_bodies.c.canonical == "Sở Nội vụ", task_bodies.c.role == "lead") > 0


def test_same_bytes_again_are_unchanged(engine):
    ingest([BACGIANG], engine, workers=1)
    again = ingest([BACGIANG], engine, workers=1)
    assert [e.status for e in again.entries] == ["unchanged"]
    assert _count(engine, documents) == 1


def test_another_format_of_the_same_document_is_a_linked_version(engine):
    """KH 1105/KH-ĐKT of Lào Cai as a PDF and as the repository's text: same issuer, identifier, year."""
    first = ingest([KH_1105_PDF], engine, workers=1).entries[0]
    second = ingest([KH_1105_TXT], engine, workers=1).entries[0]
    assert (first.status, second.status) == ("new", "new_version")
    with engine.connect() as conn:
        rows = conn.execute(select(documents.c.id, documents.c.version, documents.c.previous_id)
                            .order_by(documents.c.version)).all()
    assert [(r.version, r.previous_id) for r in rows] == [(1, None), (2, first.document_id)]


def test_a_bad_file_is_reported_and_stores_nothing(engine, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report = ingest([str(empty), BACGIANG], engine, workers=1)
    assert [e.status for e in report.entries] == ["error", "new"]
    assert "empty" in report.entries[0].error
    assert _count(engine, documents) == 1


def test_refs_lists_who_cites_a_document_that_is_not_stored(engine):
    ingest([BACGIANG], engine, workers=1)
    n = refs(engine, "899/QĐ-TTg")
    assert n.stored == []
    assert [(c.relation, c.date, status) for c, status in n.cited_by] == [("implements", "2023-07-31", "unresolved")]


def test_refs_of_a_stored_document_lists_what_it_cites(engine):
    ingest([KH_1105_TXT], engine, workers=1)
    n = refs(engine, "1105/KH-ĐKT")
    assert len(n.stored) == 1
    assert "1050/QĐ-SCT" in {c.identifier for c in n.cites}


def test_tasks_by_body_follow_its_successor(engine):
    """Sở Thông tin và Truyền thông was merged into Sở Khoa học và Công nghệ (NĐ 45/2025/NĐ-CP):
    asking for the latter finds the Bắc Giang tasks written for the former."""
    from datetime import date
    from vanban.audit.succession import current_names
    ingest([BACGIANG], engine, workers=1)
    as_of = date(2026, 12, 3)
    plain = tasks(engine, body="Sở Khoa học và Công nghệ", as_of=as_of)
    followed = tasks(engine, body="Sở Khoa học và Công nghệ", as_of=as_of,
                     expand=lambda name, where: current_names(name, where, as_of=as_of))
    moved = [t for t in followed if t not in plain]
    assert moved and all(any("Thông tin và Truyền thông".casefold() in n.casefold() for n in t.lead + t.coordinators)
                         for t in moved)
    assert {t.status for t in tasks(engine, statuses=["overdue"], as_of=as_of)} == {"overdue"}


def test_an_older_schema_is_refused_until_upgraded(registry_url, capsys):
    old = make_engine(registry_url)
    upgrade(old, "0001")
    assert schema_version(old) == "0001"
    with pytest.raises(RegistryError, match="vanban db upgrade"):
        open_registry(registry_url)
    assert main(["db", "upgrade", "--db", registry_url]) == 0
    assert "0001 -> " + head_version() in capsys.readouterr().err
    assert schema_version(old) == head_version()
    old.dispose()


def test_cli_ingest_then_refs(registry_url, capsys):
    assert main(["ingest", BACGIANG, "--db", registry_url, "-w", "1", "--no-progress"]) == 0
    assert "1 new" in capsys.readouterr().err
    assert main(["ingest", BACGIANG, "--db", registry_url, "-w", "1", "--no-progress"]) == 0
    assert "1 unchanged" in capsys.readouterr().err
    assert main(["refs", "899/QĐ-TTg", "--db", registry_url]) == 0
    out = capsys.readouterr().out
    assert "implements" in out and "bacgiang-2024-kh-ubnd-nq45.txt" in out


def test_an_unreachable_server_is_a_clear_error(capsys):
    assert main(["refs", "1/QĐ-TTg", "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 1
    assert "cannot open the registry" in capsys.readouterr().err


def test_the_default_registry_is_an_sqlite_file(monkeypatch):
    from vanban.store.engine import database_url
    monkeypatch.delenv("VANBAN_DB", raising=False)
    assert database_url() == "sqlite:///vanban.db"
    monkeypatch.setenv("VANBAN_DB", "/srv/archive/registry.db")
    assert database_url() == "sqlite:////srv/archive/registry.db"
    assert database_url("postgresql://team@db/vanban") == "postgresql+psycopg://team@db/vanban"


def test_documents_without_number_issuer_or_date_are_never_versions_of_each_other(engine):
    """Two documents with no identifier, issuer or title (texts whose header a converter dropped)
    that share a date: sharing that emptiness does not make them one document."""
    from vanban.pipeline import parse
    from vanban.schemas.models import Metadata
    from vanban.store.ingest import store_document

    blank = parse(BACGIANG).model_copy(update={"metadata": Metadata(date="2025-05-25")})
    first = store_document(engine, blank, "a" * 64)
    second = store_document(engine, blank, "b" * 64)
    assert [first[0], second[0]] == ["new", "new"] and first[1] != second[1]


def test_pages_that_only_quote_a_document_are_not_stored(engine):
    """Two pages of ../shared/pool/not-documents (tests/data/registry-nodoc): rejected with a reason,
    nothing stored."""
    from conftest import REPO
    report = ingest([str(REPO / "tests" / "data" / "registry-nodoc")], engine, workers=1)
    assert [e.status for e in report.entries] == ["error", "error"]
    assert all("not a document" in e.error for e in report.entries)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar() == 0
