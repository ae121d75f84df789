"""Alembic environment of the registry: runs on the connection vanban hands over
(store/engine.py `upgrade`), so the same migrations serve SQLite and PostgreSQL."""
from alembic import context

from vanban.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
