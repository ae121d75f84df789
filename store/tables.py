"""The registry's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

    documents   one row per stored version of a document; `identity` = issuer + identifier + year,
                `version` counts within an identity, `previous_id` links a version to the one before;
                `content` is the full contract JSON
    sections    the outline, flattened (path, marker, title, page)
    tasks       one row per task, with its deadline's fields
    task_bodies the lead (chủ trì) and coordinators (phối hợp) of each task, as written and canonical
    bodies      the bodies a document names
    citations   the references of a document: the citation edges (document -> cited identifier),
                with what the citation says about the cited document and its relation

Migrations (store/migrations) create these; this module is what the code queries.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text)

metadata = MetaData()

_doc_fk = lambda: Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"),  # noqa: E731
                         nullable=False, index=True)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("identity", Text, nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("previous_id", Integer, ForeignKey("documents.id")),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("path", Text, nullable=False),
    Column("format", Text, nullable=False),
    Column("doc_type", Text),
    Column("identifier", Text),
    Column("identifier_key", Text, index=True),
    Column("symbol", Text),
    Column("issuer", Text),
    Column("issuer_key", Text),
    Column("locality", Text),
    Column("year", Integer),
    Column("date", Text),
    Column("title", Text),
    Column("ingested_at", DateTime, nullable=False),
    Column("content", Text, nullable=False),
)

sections = Table(
    "sections", metadata,
    Column("id", Integer, primary_key=True), _doc_fk(),
    Column("position", Integer, nullable=False),
    Column("path", Text, nullable=False),
    Column("marker", Text),
    Column("title", Text),
    Column("page", Integer),
)

tasks = Table(
    "tasks", metadata,
    Column("id", Integer, primary_key=True), _doc_fk(),
    Column("task_id", Text, nullable=False),
    Column("origin", Text, nullable=False),
    Column("section", Text),
    Column("row", Text),
    Column("description", Text),
    Column("page", Integer),
    Column("start", Integer),
    Column("end", Integer),
    Column("deadline_text", Text),
    Column("deadline_kind", Text),
    Column("deadline_start", Text),
    Column("deadline_end", Text),
    Column("frequency", Text),
)

task_bodies = Table(
    "task_bodies", metadata,
    Column("id", Integer, primary_key=True),
    Column("task_id", Integer, ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("role", Text, nullable=False),          # lead | coordinator
    Column("name", Text, nullable=False),
    Column("canonical", Text),
)

bodies = Table(
    "bodies", metadata,
    Column("id", Integer, primary_key=True), _doc_fk(),
    Column("name", Text, nullable=False),
    Column("canonical", Text),
    Column("kind", Text),
    Column("roles", Text),
)

citations = Table(
    "citations", metadata,
    Column("id", Integer, primary_key=True), _doc_fk(),
    Column("ref_id", Text, nullable=False),
    Column("identifier", Text),
    Column("identifier_key", Text),
    Column("doc_type", Text),
    Column("year", Integer),
    Column("date", Text),
    Column("issuer", Text),
    Column("issuer_key", Text),
    Column("locality", Text),
    Column("subject", Text),
    Column("title", Text),
    Column("relation", Text, nullable=False),
    Column("is_self", Boolean, nullable=False),
    Column("section", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("mentions", Integer, nullable=False),
)

# added by migration 0002 (lookups of `vanban refs` and `vanban tasks --body`)
Index("ix_citations_identifier_key", citations.c.identifier_key)
Index("ix_task_bodies_canonical", task_bodies.c.canonical)
