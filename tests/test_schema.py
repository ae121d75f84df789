"""The committed JSON Schema is what the models publish, and it describes the contract's core."""
import json

from vanban.pipeline.cli import main
from vanban.schemas.models import Document

from conftest import REPO

SCHEMA_FILE = REPO / "schemas" / "document.schema.json"


def test_committed_schema_matches_models():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == Document.model_json_schema(), (
        "schemas/document.schema.json is stale: run `vanban schema > schemas/document.schema.json`")


def test_schema_command_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == Document.model_json_schema()


# The contract's core fields (../shared/spec/output-contract.md): models may add, never drop.
CORE = {
    "Document": ["schema_version", "source", "metadata", "sections", "tasks", "references", "bodies", "warnings"],
    "Source": ["path", "sha256", "format", "pages", "ocr"],
    "Metadata": ["issuer", "doc_type", "number", "symbol", "identifier", "place", "date", "title", "signers", "recipients"],
    "Section": ["path", "marker", "title", "text", "children", "page"],
    "Task": ["id", "origin", "section", "description", "lead", "coordinators", "deadline", "references", "related"],
    "Deadline": ["text", "kind", "start", "end", "frequency"],
    "Reference": ["id", "doc_type", "number", "year", "symbol", "identifier", "date", "issuer", "subject",
                  "aliases", "mentions", "is_self"],
    "Mention": ["section", "start", "end"],
    "Body": ["name", "roles", "tasks"],
    "Warning": ["code", "message", "location"],
    "Signer": ["name", "title", "capacity", "on_behalf_of"],
}


def test_core_fields_present():
    schema = Document.model_json_schema()
    defs = dict(schema["$defs"], Document=schema)
    for model, fields in CORE.items():
        missing = [f for f in fields if f not in defs[model]["properties"]]
        assert not missing, f"{model} lost core fields {missing}"


def test_partial_dates_only():
    from pydantic import ValidationError
    from vanban.schemas.models import Metadata
    assert Metadata(date="2024-06").date == "2024-06"
    try:
        Metadata(date="06/2024")
    except ValidationError:
        return
    raise AssertionError("a non-ISO date was accepted")
