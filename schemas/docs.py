"""Writes docs/output.md, the shipped description of the output, from the pydantic
models and the warning registry, so that it cannot drift from the code:

    python -m vanban.schemas.docs > docs/output.md

Types, defaults, required fields and allowed values come from the models' JSON
Schema; each field's meaning is its `Field(description=...)` or, for the core
fields that have none, FIELD_NOTES below; value tables (formats, deadline kinds,
frequencies, relations) must cover every value the models allow, and the warning
table is schemas/warnings.py.  generate() raises when something is undocumented;
tests/test_docs.py checks the committed file equals generate().
"""
from __future__ import annotations

import json
import sys
from typing import get_args

from . import models
from .docs_text import FIELD_NOTES, INTRO, MODEL_NOTES, VALUE_TABLES
from .warnings import WARNINGS

#: the order of the model sections in the page
ORDER = ("Document", "Source", "Metadata", "Issuer", "DocType", "Signer", "Section", "Task", "Deadline",
         "Reference", "Mention", "Body", "Warning")
_PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Undocumented(Exception):
    pass


def _type(prop: dict) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        kinds = [_type(p) for p in prop["anyOf"] if p.get("type") != "null"]
        nullable = any(p.get("type") == "null" for p in prop["anyOf"])
        return " or ".join(kinds) + (" or null" if nullable else "")
    if "enum" in prop:
        return " | ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == "array":
        return f"list of {_type(prop['items'])}"
    if kind == "object":
        return f"object of {_type(prop['additionalProperties'])}" if "additionalProperties" in prop else "object"
    if kind == "string" and prop.get("pattern") == _PARTIAL_DATE:
        return "[partial date](#dates)"
    return {"string": "string", "integer": "integer", "boolean": "boolean", "number": "number"}.get(kind, "any")


def _default(name: str, prop: dict, required: set[str]) -> str:
    if name in required:
        return "required"
    if "default" in prop:
        return f"`{json.dumps(prop['default'], ensure_ascii=False)}`"
    return "empty" if prop.get("type") in ("array", "object") else "`{}`" if "$ref" in prop else ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def field_table(model: str, schema: dict) -> list[str]:
    required = set(schema.get("required", ()))
    lines = ["| field | type | default | meaning |", "|---|---|---|---|"]
    for name, prop in schema["properties"].items():
        meaning = prop.get("description") or FIELD_NOTES.get(f"{model}.{name}")
        if not meaning:
            raise Undocumented(f"{model}.{name} has no description: give it Field(description=...) in "
                               f"schemas/models.py or a line in FIELD_NOTES (schemas/docs_text.py)")
        note = FIELD_NOTES.get(f"{model}.{name}") if prop.get("description") else None
        if note:
            meaning = f"{meaning}. {note}"
        lines.append(f"| `{name}` | {_cell(_type(prop))} | {_default(name, prop, required)} | {_cell(meaning)} |")
    return lines


def _literal_values(model: str, field: str) -> list[str]:
    annotation = getattr(models, model).model_fields[field].annotation
    while not all(isinstance(a, str) for a in get_args(annotation)):
        annotation = next(a for a in get_args(annotation) if a is not type(None))
        if getattr(annotation, "__origin__", None) is list:
            annotation = get_args(annotation)[0]
    return list(get_args(annotation))


def value_table(key: str) -> list[str]:
    title, header, rows = VALUE_TABLES[key]
    model, field = key.split(".")
    allowed = _literal_values(model, field)
    missing = [v for v in allowed if v not in rows]
    if missing:
        raise Undocumented(f"{key} allows {missing} but VALUE_TABLES['{key}'] (schemas/docs_text.py) does not say "
                           f"what they mean")
    stale = [v for v in rows if v not in allowed]
    if stale:
        raise Undocumented(f"VALUE_TABLES['{key}'] documents {stale}, which the models no longer allow")
    lines = [f"**{title}**", "", f"| value | {header} |", "|---|---|"]
    lines += [f"| `{v}` | {_cell(rows[v])} |" for v in allowed]
    return lines + [""]


def warning_table() -> list[str]:
    lines = ["| code | stage | meaning | `location` |", "|---|---|---|---|"]
    for w in WARNINGS.values():                          # in the order of the flow
        lines.append(f"| `{w.code}` | {w.stage} | {_cell(w.meaning)} | {_cell(w.location) or '—'} |")
    return lines


def generate() -> str:
    schema = models.Document.model_json_schema()
    defs = {**schema.get("$defs", {}), "Document": schema}
    out = [INTRO.strip(), ""]
    for name in ORDER:
        out += [f"## {name}", "", MODEL_NOTES[name].strip(), ""]
        out += field_table(name, defs[name]) + [""]
        out += [line for key in VALUE_TABLES if key.startswith(name + ".") for line in value_table(key)]
        if name == "Warning":
            out += ["### Warning codes", "", "Every code the parser emits (registry: `schemas/warnings.py`).", ""]
            out += warning_table() + [""]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate())
