"""`vanban db upgrade`: migrate a registry to this vanban's schema (Alembic)."""
from __future__ import annotations

import sys

from ._registry import add_db_option


def add_parser(sub) -> None:
    p = sub.add_parser("db", help="registry maintenance (schema version, upgrade)",
                       description="`vanban db upgrade` migrates an older registry; `vanban db version` prints "
                                   "its schema version.")
    p.add_argument("action", choices=["upgrade", "version"])
    add_db_option(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from vanban.store.engine import head_version, make_engine, schema_version, upgrade
    engine = make_engine(args.db)
    try:
        if args.action == "version":
            print(f"{schema_version(engine) or 'empty'} (this vanban: {head_version()})")
            return 0
        before, after = upgrade(engine)
    except Exception as exc:   # server down, not a database: say which and why
        print(f"vanban db: cannot {args.action} {engine.url.render_as_string(hide_password=True)}: "
              f"{type(exc).__name__}: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    print(f"schema {before or 'empty'} -> {after}", file=sys.stderr)
    return 0
