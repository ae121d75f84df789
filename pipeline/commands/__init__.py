"""The `vanban` sub-commands, one module each.

Every module here has `add_parser(sub)`, which adds its sub-command to the
argparse sub-parsers and sets `run=<function(args) -> exit code>` as a default.
Modules import nothing heavy at the top, so `vanban --help` stays fast; the
work is imported inside `run`.

A new command is a new module plus one line in COMMANDS.
"""
from __future__ import annotations

from importlib import import_module

#: module path -> the command(s) it adds, in the order `vanban --help` lists them
COMMANDS = (
    "vanban.pipeline.commands.parse",
    "vanban.pipeline.commands.schema",
    "vanban.pipeline.commands.eval",
    "vanban.pipeline.commands.check",
    "vanban.pipeline.commands.ingest",
    "vanban.pipeline.commands.db",
    "vanban.pipeline.commands.refs",
    "vanban.pipeline.commands.tasks",
    "vanban.pipeline.commands.audit",
    "vanban.pipeline.commands.export",
)


def add_all(sub) -> None:
    for name in COMMANDS:
        import_module(name).add_parser(sub)
