"""`vanban schema`: the JSON Schema of the output."""
from __future__ import annotations

import json


def add_parser(sub) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the output")
    p.set_defaults(run=run)


def run(args) -> int:
    from vanban.schemas.models import Document
    print(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=1))
    return 0
