"""Where metadata reads from: the header lines, the front lines (header and preamble) and,
in signature.py, the tail.

    header_lines(doc) -> list[str]          the header's lines, cleaned
    front_lines(doc, tree) -> list[str]     the header and the body before the first section

The zones themselves (split_header, split_embedded_appendix, table_lines) are the tree
stage's; this module is the one place metadata imports them, until the segment stage
hands the zones over.
"""
from __future__ import annotations

from vanban.lexicon.patterns import ADDRESSEE, BASIS_START, BODY_OR_PURPOSE, MARKER_START, SUBJECT_LINE
from vanban.lexicon.text import clean, is_upper_line
from vanban.pipeline.tree import split_embedded_appendix, split_header, table_lines
from vanban.pipeline.segment import Segmented
from vanban.pipeline.types import LaidOut, Node, Paragraph, Table

from .doc_type import type_line
from .title import starts_authority

__all__ = ["header_lines", "front_lines", "split_header", "split_embedded_appendix", "table_lines"]


def header_lines(doc: Segmented | LaidOut) -> list[str]:
    header, body = split_header(doc)
    if not header:          # no header found: look at the first blocks
        header = body[:30]
    lines: list[str] = []
    for b in header:
        if isinstance(b, Paragraph):
            lines.extend(clean(x) for x in b.text.split("\n"))
        elif isinstance(b, Table):
            lines.extend(clean(x) for x in table_lines(b))
    # a header split too early leaves the type line and summary at the head of the body; with no emblem
    # block (a converter dropped it) the header may end at the type line, its title in the body
    lines = [x for x in lines if x]
    type_i = type_line(lines)[0]
    laid = doc.doc if isinstance(doc, Segmented) else doc
    if (laid.header and type_i is None and not any(SUBJECT_LINE.match(x) for x in lines)) \
            or (type_i is not None and type_i == len(lines) - 1):
        lines += _leading_body_lines(body)
    elif type_i is not None and type_i == len(lines) - 2:
        # type line and title in the header, the enacting authority ("QUỐC HỘI") under them in the body
        lines += [t for t in _leading_body_lines(body)[:1] if is_upper_line(t) and starts_authority(t)]
    if type_i is not None:            # the title lines: an authority a converter joined to their end
        lines = lines[:type_i + 1] + [x for t in lines[type_i + 1:] for x in split_trailing_authority(t)]
    return lines


def _leading_body_lines(body: list) -> list[str]:
    """The body's first lines up to its first opener ("Căn cứ", "Kính gửi", a marker), of a layout table its
    first cell line only: the type line and title a header split left in the body."""
    out: list[str] = []
    for b in body[:6]:
        texts = [clean(b.text)] if isinstance(b, Paragraph) else [clean(x) for x in table_lines(b)[:1]] \
            if isinstance(b, Table) else [""]
        for t in texts:
            if not t or (BODY_OR_PURPOSE.match(t) and not (not out and _title_like(t))) or ADDRESSEE.match(t) \
                    or MARKER_START.match(t):
                return out
            out.append(t)
    return out


def _title_like(line: str) -> bool:
    """A title right under the type line that opens like a body ("Thực hiện thí điểm quản lý lao động, tiền
    lương ..."): short, with no closing punctuation, not a basis clause ("Căn cứ ...")."""
    return len(line) < 250 and not line.endswith((";", ":", ".")) and not BASIS_START.match(line)


def split_trailing_authority(line: str) -> list[str]:
    """A sentence-case title with the enacting authority joined to its end, as two lines:
    "Sửa đổi, bổ sung một số điều của Hiến pháp ... Việt Nam QUỐC HỘI" -> [title, "QUỐC HỘI"]."""
    words = line.split()
    k = len(words)
    while k > 0 and not any(c.islower() or c.isdigit() for c in words[k - 1]) and any(c.isalpha() for c in words[k - 1]):
        k -= 1
    run = " ".join(words[k:])
    if 0 < k < len(words) and any(c.islower() for c in line) and len(words) - k <= 8 and starts_authority(run):
        return [" ".join(words[:k]), run]
    return [line]


def front_lines(doc: Segmented | LaidOut, tree: list[Node]) -> list[str]:
    """The lines of the header and of the body before the first section."""
    header, body = split_header(doc)
    first = tree[0].start if tree else None
    lines: list[str] = []
    for b in header + body[:40]:
        if b in body and first is not None and b.start >= first:
            break
        texts = table_lines(b) if isinstance(b, Table) else b.text.split("\n") if isinstance(b, Paragraph) else []
        lines.extend(t for t in (clean(x) for x in texts) if t)
    return lines
