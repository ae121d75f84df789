"""The first registry schema: documents (versions), sections, tasks and their bodies,
bodies, citations.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _doc_fk():
    return sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                     nullable=False, index=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("identity", sa.Text, nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("previous_id", sa.Integer, sa.ForeignKey("documents.id")),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("format", sa.Text, nullable=False),
        sa.Column("doc_type", sa.Text),
        sa.Column("identifier", sa.Text),
        sa.Column("identifier_key", sa.Text, index=True),
        sa.Column("symbol", sa.Text),
        sa.Column("issuer", sa.Text),
        sa.Column("issuer_key", sa.Text),
        sa.Column("locality", sa.Text),
        sa.Column("year", sa.Integer),
        sa.Column("date", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
    )
    op.create_table(
        "sections", sa.Column("id", sa.Integer, primary_key=True), _doc_fk(),
        sa.Column("position", sa.Integer, nullable=False), sa.Column("path", sa.Text, nullable=False),
        sa.Column("marker", sa.Text), sa.Column("title", sa.Text), sa.Column("page", sa.Integer),
    )
    op.create_table(
        "tasks", sa.Column("id", sa.Integer, primary_key=True), _doc_fk(),
        sa.Column("task_id", sa.Text, nullable=False), sa.Column("origin", sa.Text, nullable=False),
        sa.Column("section", sa.Text), sa.Column("row", sa.Text), sa.Column("description", sa.Text),
        sa.Column("page", sa.Integer), sa.Column("start", sa.Integer), sa.Column("end", sa.Integer),
        sa.Column("deadline_text", sa.Text), sa.Column("deadline_kind", sa.Text),
        sa.Column("deadline_start", sa.Text), sa.Column("deadline_end", sa.Text),
        sa.Column("frequency", sa.Text),
    )
    op.create_table(
        "task_bodies", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("task_id", sa.Integer, sa.ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("role", sa.Text, nullable=False), sa.Column("name", sa.Text, nullable=False),
        sa.Column("canonical", sa.Text),
    )
    op.create_table(
        "bodies", sa.Column("id", sa.Integer, primary_key=True), _doc_fk(),
        sa.Column("name", sa.Text, nullable=False), sa.Column("canonical", sa.Text),
        sa.Column("kind", sa.Text), sa.Column("roles", sa.Text),
    )
    op.create_table(
        "citations", sa.Column("id", sa.Integer, primary_key=True), _doc_fk(),
        sa.Column("ref_id", sa.Text, nullable=False), sa.Column("identifier", sa.Text),
        sa.Column("identifier_key", sa.Text), sa.Column("doc_type", sa.Text),
        sa.Column("year", sa.Integer), sa.Column("date", sa.Text), sa.Column("issuer", sa.Text),
        sa.Column("issuer_key", sa.Text), sa.Column("locality", sa.Text), sa.Column("subject", sa.Text),
        sa.Column("title", sa.Text), sa.Column("relation", sa.Text, nullable=False),
        sa.Column("is_self", sa.Boolean, nullable=False), sa.Column("section", sa.Text),
        sa.Column("start", sa.Integer), sa.Column("end", sa.Integer), sa.Column("text", sa.Text),
        sa.Column("mentions", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for name in ("citations", "bodies", "task_bodies", "tasks", "sections", "documents"):
        op.drop_table(name)
