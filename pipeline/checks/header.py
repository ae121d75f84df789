"""Header self-checks: a field the header prints that the output does not have.

The header is read from the text itself (its first lines, up to the first body
opener such as `Căn cứ` or `Điều 1`), not from the layout's header zone, so a
wrong zone does not hide a wrong field.
"""
from __future__ import annotations

import re

from vanban.lexicon import fold_key
from vanban.schemas.models import Document, Warning

from ..types import LaidOut, Node
from ._words import words

#: `Số: 08/2025/NQ-CP`, `Số: /KH-UBND`, `Số 123/UBND-KT`
NUMBER_LINE = re.compile(r"^(?:\*\*)?Số\s*:?\s*[\d/]")
#: `Hà Nội, ngày 26 tháng 11 năm 2025`, `ngày     tháng 6 năm 2024`
DATE_LINE = re.compile(r"ngày[\s\d.…_]*tháng\s*\d{0,2}\s*năm\s+\d{4}", re.IGNORECASE)
#: `V/v triển khai …`: the summary of an official letter
SUMMARY_CV = re.compile(r"^(?:\*\*)?V/v\b", re.IGNORECASE)
#: the national motto
MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM", re.IGNORECASE)


def header_lines(text: str) -> list[str]:
    """The document's first lines, up to the first body opener (at most the configured count)."""
    w = words()
    out: list[str] = []
    for line in text.split("\n")[:w.header_max_lines]:
        line = line.strip()
        if out and w.body_opener.match(line):
            break
        if line:
            out.append(line)
    return out


def _is_type_line(line: str) -> bool:
    return line.upper() == line and fold_key(line) in words().type_lines


def header_checks(laid: LaidOut, tree: list[Node], document: Document) -> list[Warning]:
    lines = header_lines(document.text)
    m = document.metadata
    found: list[Warning] = []

    def said(line: str, what: str) -> dict:
        return {"message": f"{what}: {line[:120]!r}", "location": "header"}

    number = next((ln for ln in lines if NUMBER_LINE.match(ln)), None)
    if number and not (m.symbol or m.number):
        found.append(Warning(code="check_header_number", **said(number, "the header prints a number line, none was read")))
    date = next((ln for ln in lines if DATE_LINE.search(ln)), None)
    if date and not m.date:
        found.append(Warning(code="check_header_date", **said(date, "the header prints a date, none was read")))
    type_at = next((i for i, ln in enumerate(lines) if _is_type_line(ln.strip("*# "))), None)
    if type_at is not None and not m.doc_type.code:
        found.append(Warning(code="check_header_type",
                             **said(lines[type_at], "the header prints a document type, none was read")))
    summary = next((ln for ln in lines if SUMMARY_CV.match(ln)), None)
    if summary is None and type_at is not None and type_at + 1 < len(lines):
        summary = lines[type_at + 1]
    if summary and not m.title:
        found.append(Warning(code="check_header_title", **said(summary, "the header prints a summary, no title was read")))
    motto = next((ln for ln in lines if MOTTO.search(ln)), None)
    if motto and not m.issuer.name:
        found.append(Warning(code="check_header_issuer",
                             **said(lines[0], "the header prints the motto, no issuer was read")))
    return found
