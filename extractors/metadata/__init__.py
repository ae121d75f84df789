"""Metadata extractor: issuer, number/symbol, place/date, type, title, addressees, signers, recipients.

    extract_metadata(doc: LaidOut, tree: list[Node]) -> tuple[Metadata, list[Warning]]

Each field has its own module, which reads it and decides what to warn about; this
assembler only runs them in order.  What cannot be read is left null with a warning.

    zones.py       the header and front lines                number.py    Số: line, identifier
    place_date.py  place and date of issue                   issuer.py    cơ quan ban hành
    doc_type.py    type line / symbol code                   title.py     trích yếu
    addressees.py  kính gửi                                   signature.py chữ ký, nơi nhận
"""
from __future__ import annotations

from vanban.lexicon.casing import proper_case
from vanban.pipeline.types import LaidOut, Node
from vanban.schemas.models import DocType, Issuer, Metadata, Warning

from .addressees import read_addressees
from .doc_type import decide_doc_type, find_type
from .issuer import find_issuer, issuer_from_symbol
from .number import identifier, number_warnings, read_number
from .place_date import find_place_date
from .signature import find_signers, is_person, is_title_like
from .title import find_title, summary_cv_line
from .zones import front_lines, header_lines

__all__ = ["extract_metadata", "proper_case", "read_addressees", "is_title_like", "is_person", "issuer_from_symbol"]


def extract_metadata(doc: LaidOut, tree: list[Node]) -> tuple[Metadata, list[Warning]]:
    lines = header_lines(doc)
    num_i, number, year, symbol, sep, unreadable = read_number(lines)
    found = find_type(lines)
    cv_i = summary_cv_line(lines)
    name, parent, warnings = find_issuer(lines, num_i, found.index, symbol)
    warnings += number_warnings(number, symbol, unreadable)
    doc_type, inline_title, w = decide_doc_type(found, cv_i, symbol)
    warnings += w
    place, date = find_place_date(lines)
    if not date:
        warnings.append(Warning(code="date_missing", message="no place and date line found in the header"))
    title, w = find_title(lines, found.index, cv_i, inline_title)
    warnings += w
    signers, recipients, w = find_signers(doc, tree)
    warnings += w
    meta = Metadata(issuer=Issuer(name=name, parent=parent), doc_type=doc_type or DocType(), number=number, symbol=symbol,
                    identifier=identifier(number, year, symbol, sep), place=place, date=date, title=title,
                    addressees=read_addressees(front_lines(doc, tree)), signers=signers, recipients=recipients)
    return meta, warnings
