"""What the registry commands share: the --db option and opening the registry with a clear error."""
from __future__ import annotations

import sys


def add_db_option(p) -> None:
    p.add_argument("--db", metavar="URL", default=None,
                   help="the registry: an SQLite file or a URL such as postgresql://user@host/db "
                        "(default: $VANBAN_DB, else vanban.db)")


def open_db(args, command: str):
    """The engine, or None after printing why the registry cannot be used."""
    from vanban.store.engine import RegistryError, open_registry
    try:
        return open_registry(args.db)
    except RegistryError as exc:
        print(f"vanban {command}: {exc}", file=sys.stderr)
        return None
