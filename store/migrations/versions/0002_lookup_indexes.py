"""Indexes for the lookups of `vanban refs` (citations by identifier) and
`vanban tasks --body` (task bodies by canonical name).

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_citations_identifier_key", "citations", ["identifier_key"])
    op.create_index("ix_task_bodies_canonical", "task_bodies", ["canonical"])


def downgrade() -> None:
    op.drop_index("ix_task_bodies_canonical", "task_bodies")
    op.drop_index("ix_citations_identifier_key", "citations")
