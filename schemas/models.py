"""Pydantic models of output contract 1.1 (see docs/output.md, generated from them).

The core fields are fixed by the contract: never rename, retype or drop them.
Fields marked "(vanban addition)" are ours and may grow.
"""
from __future__ import annotations

from typing import Any, Literal, Mapping, Optional

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import Self       # typing.Self is Python 3.11+; vanban runs on 3.10

SCHEMA_VERSION = "1.1"

#: A partial ISO 8601 date: "2024", "2024-06" or "2024-06-14".
PartialDate = Optional[str]
_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class _Model(BaseModel):
    """Every change to a model is validated where it is made: an assignment by validate_assignment, a
    copy with changes by model_copy below. So parse() needs no final round trip of the whole document;
    a list field is never changed in place (`t.lead = t.lead + [x]`, not `t.lead.append(x)`)."""
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with `update`, validated as a new model of this class is (pydantic's own model_copy
        sets the new values unchecked). Nested models are kept, as by a shallow copy: valid already."""
        if not update:
            return super().model_copy(deep=deep)
        fields = super().model_copy(deep=True).__dict__ if deep else self.__dict__
        return self.model_validate({**fields, **update})


class Source(_Model):
    path: str = Field(description="the input as given")
    sha256: str = Field(description="hash of the input bytes")
    format: Literal["pdf", "docx", "doc", "rtf", "md", "txt", "html"] = Field(
        description="detected from content, not the file name (doc, rtf, md since contract 1.1)")
    pages: Optional[int] = Field(None, description="page count where the format has pages")
    ocr: bool = Field(False, description="true when any text came from OCR")
    # vanban additions
    detail: Optional[str] = Field(None, description="(vanban addition) finer format: json, utf-16 text, ...")
    ocr_pages: list[int] = Field(default_factory=list, description="(vanban addition) pages read by OCR")
    legacy_encoding: Optional[str] = Field(None, description="(vanban addition) TCVN3 or VNI when the text was converted")


class Issuer(_Model):
    name: Optional[str] = Field(None, description="full name, proper case, abbreviations expanded")
    parent: Optional[str] = Field(None, description="the line above the issuer, proper-cased")


class DocType(_Model):
    code: Optional[str] = Field(None, description="abbreviation as in the symbol: KH, QĐ, CV, BC, ...")
    name: Optional[str] = Field(None, description="Kế hoạch, Quyết định, ...")


class Signer(_Model):
    name: Optional[str] = None
    title: Optional[str] = None
    capacity: Optional[str] = Field(None, description="KT. Chủ tịch, TL. Bộ trưởng, ...")
    on_behalf_of: Optional[str] = Field(None, description="TM. Ủy ban nhân dân, ...")


class Metadata(_Model):
    issuer: Issuer = Field(default_factory=Issuer)
    doc_type: DocType = Field(default_factory=DocType)
    number: Optional[str] = None
    symbol: Optional[str] = None
    identifier: Optional[str] = None
    place: Optional[str] = None
    date: PartialDate = Field(None, pattern=_DATE_PATTERN)
    title: Optional[str] = None
    signers: list[Signer] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    addressees: list[str] = Field(default_factory=list, description="(vanban addition) the 'Kính gửi:' addressees of a công văn, leading dashes and trailing ; removed")


class Section(_Model):
    path: str
    marker: str
    title: str = ""
    text: str = ""
    children: list["Section"] = Field(default_factory=list)
    page: Optional[int] = None


class Deadline(_Model):
    text: str
    kind: Literal["by_date", "period", "recurring", "continuous", "from", "unparsed"]
    start: PartialDate = Field(None, pattern=_DATE_PATTERN)
    end: PartialDate = Field(None, pattern=_DATE_PATTERN)
    frequency: Optional[Literal["yearly", "half_yearly", "quarterly", "monthly", "weekly"]] = None
    # vanban addition
    reference: Optional[str] = Field(None, description="(vanban addition) ref id when the deadline points at a cited document")


class Task(_Model):
    id: str
    origin: Literal["body", "appendix"]
    section: str = ""
    description: str = ""
    lead: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)
    deadline: Optional[Deadline] = None
    references: list[str] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    # vanban additions
    row: Optional[str] = Field(None, description="(vanban addition) row number as printed, appendix rows")
    extra: dict[str, str] = Field(default_factory=dict, description="(vanban addition) other table columns, e.g. Sản phẩm")
    page: Optional[int] = Field(None, description="(vanban addition) page where the task starts")
    start: Optional[int] = Field(None, description="(vanban addition) offset of the task's text in the normalised text")
    end: Optional[int] = Field(None, description="(vanban addition) offset just past the task's text")


class Mention(_Model):
    section: Optional[str] = None
    start: int
    end: int
    # vanban addition
    text: Optional[str] = Field(None, description="(vanban addition) the mention as it stands in the normalised text")


class Reference(_Model):
    id: str
    doc_type: DocType = Field(default_factory=DocType)
    number: Optional[str] = None
    year: Optional[int] = None
    symbol: Optional[str] = None
    identifier: Optional[str] = None
    date: PartialDate = Field(None, pattern=_DATE_PATTERN)
    issuer: Optional[str] = None
    subject: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    is_self: bool = False
    relation: Literal["basis", "implements", "amends", "replaces", "repeals", "guides", "consolidates", "cites"] = Field(
        "cites", description="how the citing document uses it, read from the citing words (contract 1.1)")
    # vanban addition
    title: Optional[str] = Field(None, description="(vanban addition) name of a law cited by name")


class Body(_Model):
    name: str
    roles: list[Literal["lead", "coordinator", "mentioned"]] = Field(default_factory=list)
    tasks: list[str] = Field(default_factory=list)
    # vanban additions
    canonical: Optional[str] = Field(None, description="(vanban addition) abbreviations expanded")
    kind: Optional[str] = Field(None, description="(vanban addition) the gazetteer's kind: central, ministry, department, committee, party, mass_org, press, security, collective, other")


class Warning(_Model):
    code: str
    message: str
    location: Optional[str] = None


class Document(_Model):
    schema_version: Literal["1.0", "1.1"] = Field(
        SCHEMA_VERSION, description="the contract version the file follows; vanban writes 1.1 and reads 1.0 files too")
    source: Source
    metadata: Metadata = Field(default_factory=Metadata)
    sections: list[Section] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    text: str = Field("", description="the normalized text of the whole document; every start/end offset indexes it (contract 1.1)")
