"""References extractor: every citation of another document, with its span.

    find_citations(doc: LaidOut, tree: list[Node]) -> list[Citation]

A citation (trích dẫn văn bản) is found from its identifier outwards, the way
eyecite finds a reporter citation and then reads what surrounds it:

    [type word] [qualifier] [số] <identifier> [ngày <date>] [của <issuer>] [<subject>] [(viết tắt là <alias>)]

plus the forms without an identifier: a law cited by its name (`Luật Tổ chức
chính quyền địa phương ngày 19 tháng 6 năm 2015`) and a short form made of a
type word and a bare number (`Chỉ thị 11`), which pipeline/resolve.py ties to
the full citation it stands for.

The matcher runs on a "match text" of exactly the same length as doc.text,
where line breaks, look-alike characters (Cyrillic С, Ð U+00D0, fraction
slash ⁄, NBSP, word-segmentation underscores) are mapped one for one, and every
pattern takes a line break as whitespace; so a citation broken over a line
(`số` / `1074/QĐ-BXD`, `Nghị` / `quyết số`) still matches and every offset
points into doc.text.  The patterns are in lexicon/citations.py.

    find.py        the door: identifiers, laws by name, short forms, unparsed numbers
    identifier.py  an identifier's number, year, symbol and type; the type word before it
    tail.py        what follows: date, issuer, subject, alias
    issuer.py      issuers after and before a citation
    citation.py    the Citation record, dates, the section of an offset
    spans.py       overlap tests against the spans already taken

Grouping into distinct references and short-form resolution: pipeline/resolve.py.
"""
from __future__ import annotations

from .citation import Citation
from .find import find_citations

__all__ = ["Citation", "find_citations"]
