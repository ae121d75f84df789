"""Metadata extractor: issuer, number/symbol, place/date, type, title, addressees, signers, recipients.

    extract_metadata(doc: LaidOut, tree: list[Node]) -> tuple[Metadata, list[Warning]]

Each field has its own module, which reads it and decides what to warn about; this
assembler only runs them in order.  What cannot be read is left null with a warning.

    zones.py       the header and front lines                number.py    Số: line, identifier
    place_date.py  place and date of issue                   issuer.py    cơ quan ban hành
    doc_type.py    type line / symbol code                   title.py     trích yếu
    consolidated.py  a consolidated text's authentication block (văn bản hợp nhất)
    addressees.py  kính gửi                                   signature.py chữ ký, nơi nhận
"""
from __future__ import annotations

from vanban.lexicon.casing import proper_case
from vanban.pipeline.segment import Segmented, segment
from vanban.pipeline.types import LaidOut, Node
from vanban.schemas.models import DocType, Issuer, Metadata, Warning

from .addressees import read_addressees
from .consolidated import is_consolidated, read_consolidation
from .doc_type import decide_doc_type, find_type
from .issuer import find_issuer, issuer_from_symbol
from .number import attached_number, identifier, number_warnings, read_number
from .place_date import adoption_date, find_place_date, read_place_date
from .signature import find_signers, is_person, is_title_like, issuer_from_signers
from .title import find_title, summary_cv_line
from .zones import front_lines, header_lines

__all__ = ["extract_metadata", "proper_case", "read_addressees", "is_title_like", "is_person", "issuer_from_symbol"]


def extract_metadata(doc: Segmented | LaidOut, tree: list[Node]) -> tuple[Metadata, list[Warning]]:
    seg = doc if isinstance(doc, Segmented) else segment(doc)     # the zones, found once
    doc = seg.doc
    lines = header_lines(seg)
    num_i, number, year, symbol, sep, unreadable = read_number(lines)
    found = find_type(lines)
    cv_i = summary_cv_line(lines)
    place, date = find_place_date(lines)
    attached: list[Warning] = []
    if symbol is None:
        number, year, symbol, place, date, attached = _from_attachment(doc.text, found, place, date)
    name, parent, warnings = find_issuer(lines, num_i, found.index, symbol)
    warnings += attached
    cons = read_consolidation(doc.text)
    if cons and cons.symbol and not is_consolidated(symbol):
        # a gazette's consolidated text: number, date and body only in its authentication block
        number, year, symbol, sep, unreadable = cons.number, cons.year, cons.symbol, "/", False
        name, parent = (cons.issuer, cons.parent) if cons.issuer else \
            (issuer_from_symbol(cons.symbol), None) if issuer_from_symbol(cons.symbol) else (name, parent)
        place, date = (cons.place, cons.date) if cons.date else (place, date)
        warnings = [w for w in warnings if w.code not in ("issuer_missing", "issuer_from_symbol") or not name]
    warnings += number_warnings(number, symbol, unreadable)
    doc_type, inline_title, w = decide_doc_type(found, cv_i, symbol)
    warnings += w
    if not date and adoption_date(doc.text):
        date = adoption_date(doc.text)
        warnings.append(Warning(code="date_from_adoption", message=f"no place and date line in the header: the "
                                f"date {date} is read from the adoption line ('... thông qua ngày ...')"))
    if not date:
        warnings.append(Warning(code="date_missing", message="no place and date line found in the header"))
    title, w = find_title(lines, found.index, cv_i, inline_title)
    warnings += w
    signers, recipients, w = find_signers(seg, tree)
    warnings += w
    if not name and issuer_from_signers(signers):
        name = issuer_from_signers(signers)
        warnings = [x for x in warnings if x.code != "issuer_missing"] + [Warning(
            code="issuer_from_signature", message=f"no issuer in the header: '{name}' read from the signature (TM.)")]
    meta = Metadata(issuer=Issuer(name=name, parent=parent), doc_type=doc_type or DocType(), number=number, symbol=symbol,
                    identifier=identifier(number, year, symbol, sep), place=place, date=date, title=title,
                    addressees=read_addressees(front_lines(seg, tree)), signers=signers, recipients=recipients)
    return meta, warnings


def _from_attachment(text: str, found, place, date):
    """Number, year, symbol (and the date, when the header has none) of a header-less document read from its
    own appendix line "(Kèm theo Nghị quyết số 394/NQ-CP ngày 03 tháng 12 năm 2025 của Chính phủ)", with a
    warning that says so; (None, None, None, place, date, []) when there is no such line."""
    hit = attached_number(text, {e.name.casefold() for e in found.entries})
    if hit is None:
        return None, None, None, place, date, []
    number, year, symbol, tail = hit
    if date is None:
        date = read_place_date(tail)[1]
    return number, year, symbol, place, date, [Warning(
        code="number_from_attachment",
        message=f"no 'Số:' line in the header: number {number}/{symbol}" + (f" and date {date}" if date else "")
                + " read from the document's own appendix line 'Kèm theo ...'")]
