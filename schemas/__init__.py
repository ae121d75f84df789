"""Output contract v1: the pydantic models behind every JSON vanban emits.

`vanban.schemas.models.Document` is the root.  `document.schema.json` beside
this file is the published JSON Schema; a test checks it matches the models
(regenerate with `vanban schema > schemas/document.schema.json`).
"""
from .models import (  # noqa: F401
    SCHEMA_VERSION, Body, Deadline, DocType, Document, Issuer, Mention, Metadata,
    Reference, Section, Signer, Source, Task, Warning,
)
