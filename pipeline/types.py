"""Typed objects passed between the pipeline's stages.

    read      -> RawDocument  (Line and Table items in reading order, each with its page)
    normalise -> RawDocument  (same shape, clean text)
    layout    -> LaidOut      (header lines, body Paragraphs and Tables, one normalised text)
    tree      -> list[Node]   (the section tree; each node knows its paragraphs and offsets)
    extract   -> vanban.schemas models (Metadata, Reference, Task, Body, ...)

Plain dataclasses: cheap to build, easy to print, no dicts of dicts.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from typing import Optional, TypeVar, Union

from vanban.schemas.models import Warning


T = TypeVar("T")


@lru_cache(maxsize=None)
def _fields_of(cls: type) -> tuple[attrgetter, tuple[str, ...]]:
    names = tuple(f.name for f in fields(cls))
    return (attrgetter(*names) if len(names) > 1 else lambda item: (getattr(item, names[0]),)), names


def replaced(item: T, **changes) -> T:
    """`dataclasses.replace(item, **changes)` for the plain dataclasses here (every field an argument
    of __init__, no __post_init__), 2x faster: the fields read by one attrgetter (the stages copy a
    line or a paragraph for each one they change, issue 13).  The copy is made by __init__, and
    the item's __dict__ is never read: an object whose attributes went to a dict is slower to read
    in every later stage (CPython keeps them inline)."""
    get, names = _fields_of(type(item))
    values = dict(zip(names, get(item)))
    values.update(changes)                       # (a name that is no field: __init__'s TypeError)
    return type(item)(**values)


@dataclass
class Box:
    """Position on the page in PDF points (x0, top, x1, bottom), where known."""
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Line:
    """One line of text as the reader saw it.

    `paragraph=True` when the reader already knows the line is a whole
    paragraph (DOCX, HTML): layout must not join it to its neighbours.
    """
    text: str
    page: Optional[int] = None
    box: Optional[Box] = None
    paragraph: bool = False
    bold: Optional[bool] = None
    centered: Optional[bool] = None
    indent: Optional[int] = None     # plain text: leading spaces of the physical line (pdftotext -layout keeps them)


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    """A real table (PDF ruled table, DOCX w:tbl, HTML <table>, Markdown pipes).

    rows[i][j] is the text of a cell; merged cells are repeated so that every
    row has the full number of columns where the source allows it.
    """
    rows: list[list[str]]
    page: Optional[int] = None
    #: where the table continues over pages: the page of each row
    row_pages: list[Optional[int]] = field(default_factory=list)
    #: offsets into LaidOut.text, where layout wrote the rows (cells joined by " | ", one row a line)
    start: int = 0
    end: int = 0


@dataclass
class FlatTable:
    """A table that text extraction flattened into lines (cells interleaved row by
    row, page numbers inside).  Layout marks the region; the tasks extractor
    rebuilds the rows from these raw lines.
    """
    lines: list[Line]
    page: Optional[int] = None
    #: offsets into LaidOut.text, where layout wrote the raw lines (one a line)
    start: int = 0
    end: int = 0


Item = Union[Line, Table]


@dataclass
class RawDocument:
    """What a reader returns: the items in reading order plus facts about the source."""
    path: str
    sha256: str
    format: str                      # contract format: pdf | docx | txt | html
    items: list[Item]
    pages: Optional[int] = None
    detail: Optional[str] = None     # md, json, doc, rtf, utf-16, ...
    ocr_pages: list[int] = field(default_factory=list)
    legacy_encoding: Optional[str] = None
    warnings: list[Warning] = field(default_factory=list)


@dataclass
class Paragraph:
    """A logical paragraph after layout: lines broken by the page joined back.

    `start`/`end` are character offsets into LaidOut.text.
    """
    text: str
    page: Optional[int] = None
    start: int = 0
    end: int = 0
    bold: Optional[bool] = None
    centered: Optional[bool] = None


Block = Union[Paragraph, Table, FlatTable]


@dataclass
class LaidOut:
    """The document after layout.

    header:  the lines above the body (issuer, motto, Số, place/date, type, summary)
    blocks:  body paragraphs and tables in reading order (the signature block and
             Nơi nhận included: the metadata extractor finds them)
    text:    every block's text joined by "\\n" (header paragraphs first, then
             body paragraphs; a Table as one line per row with cells joined by
             " | "; a FlatTable as its raw lines); the start/end of every
             Paragraph, Table and FlatTable, and of reference mentions, point into it.
    """
    raw: RawDocument
    header: list[Paragraph]
    blocks: list[Block]
    text: str

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


@dataclass
class Node:
    """A section tree node (internal form of schemas.Section)."""
    path: str
    marker: str
    title: str = ""
    text: str = ""
    page: Optional[int] = None
    children: list["Node"] = field(default_factory=list)
    #: the blocks that make up this node's own text (not its children's)
    blocks: list[Block] = field(default_factory=list)
    start: int = 0      # offset of the node's first character in LaidOut.text
    end: int = 0        # offset just past the node's last character, children included
    parent: Optional["Node"] = field(default=None, repr=False)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()
