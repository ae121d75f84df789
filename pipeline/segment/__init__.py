"""Stage 4, segment: the laid-out document's zones, found once.

    segment(doc: LaidOut) -> Segmented        (doc is not changed)

Reads LaidOut.header and LaidOut.blocks; writes a frozen Zones object in reading order:

    header      the header (phần đầu): issuer, motto, Số, place/date, type, summary
    preamble    the body before its first section heading (Căn cứ ..., Kính gửi ..., a letter's text)
    body        from the first heading to where the signature tail starts
    tail        the signature block and the recipients list (nơi nhận) of the document
    appendices  each appendix or attached document (phụ lục, văn bản kèm theo): its head
                (PHỤ LỤC / title / Kèm theo lines), its content, and any signature inside it

Rules, in the order they are tried on each body paragraph:
  - the header is layout's (pipeline.segment.header on lines); when layout found none,
    the block rule `header_end` (after the type line and summary, or a công văn's V/v
    and Kính gửi list);
  - an appendix starts at a `PHỤ LỤC` head anywhere, and after the first heading at an
    upper-case `DANH MỤC` or an attached document's type name in the tail;
  - the tail starts at `Nơi nhận`, at a signature table, at a signature line after the
    first heading, at three lines of a recipients list whose head was lost (`- UBND các
    tỉnh, thành phố (để báo cáo);`), or after a paragraph that closes the body with `./.`;
    it ends where an appendix starts;
  - the preamble ends at the first marker that can open a section at the top level
    (pipeline.markers: not a bullet, number 1 or 2).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from vanban.lexicon.patterns import ATTACHED_TO, PAGE_NUMBER, RECIPIENT_LINE, RECIPIENTS_HEAD, RULE
from vanban.lexicon.signature import is_signature_line, signer_prefixes
from vanban.lexicon.text import clean, is_upper_line

from ..markers import BARE_MARKER, read_marker, value
from ..types import Block, LaidOut, Paragraph, Table
from .appendix import APPENDIX_HEAD, appendix_title, captioned_appendix, is_appendix_start, split_embedded_appendix
from .header_blocks import header_end

#: End of the body: "... theo hướng dẫn của cấp có thẩm quyền./."
BODY_END = re.compile(r"\.?/\.\s*$")


@dataclass(frozen=True)
class AppendixZone:
    """One appendix: `title` lines, the `head` blocks that print them, its content `blocks`,
    and the `tail` blocks of a signature inside it (left out of its sections)."""
    title: tuple[str, ...]
    head: tuple[Block, ...]
    blocks: tuple[Block, ...] = ()
    tail: tuple[Block, ...] = ()
    #: the head lines that are not its title: "PHỤ LỤC I", "(Kèm theo Kế hoạch số 179/KH-UBND ...)"
    note: tuple[str, ...] = ()
    #: where the head starts in its first block (a head flattened into a signature paragraph)
    head_offset: int = 0


@dataclass(frozen=True)
class Zones:
    header: tuple[Block, ...]
    preamble: tuple[Block, ...]
    body: tuple[Block, ...]
    tail: tuple[Block, ...]
    appendices: tuple[AppendixZone, ...]

    def after_header(self) -> list[Block]:
        """Every block after the header (preamble, body, tail, appendices), in reading order."""
        out = list(self.preamble) + list(self.body) + list(self.tail)
        for a in self.appendices:
            out += sorted(a.head + a.blocks + a.tail, key=lambda b: b.start)
        return out


@dataclass(frozen=True)
class Segmented:
    """The laid-out document and its zones."""
    doc: LaidOut
    zones: Zones


def segment(doc: LaidOut) -> Segmented:
    if doc.header:
        header, rest = tuple(doc.header), list(doc.blocks)
    else:
        end = header_end(doc.blocks)
        header, rest = tuple(doc.blocks[:end]), list(doc.blocks[end:])
    return Segmented(doc=doc, zones=_Walk(rest).zones(header))


def lines_of(blocks) -> list[str]:
    """The non-empty lines of some zone's blocks, emphasis removed: a paragraph's lines, a table's
    distinct cell lines (for the metadata extractor: lines_of(zones.header), lines_of(zones.tail))."""
    out: list[str] = []
    for b in blocks:
        texts = table_lines(b) if isinstance(b, Table) else b.text.split("\n") if isinstance(b, Paragraph) else []
        out.extend(t for t in (clean(x) for x in texts) if t)
    return out


def table_lines(table: Table) -> list[str]:
    """The distinct cell texts of a table, cell by cell, split at line breaks."""
    out: list[str] = []
    for row in table.rows:
        seen = set()
        for cell in row:
            if cell in seen:
                continue
            seen.add(cell)
            out.extend(x.strip() for x in cell.split("\n") if x.strip())
    return out


def is_signature_table(table: Block) -> bool:
    """A layout table holding the Nơi nhận list and the signature (DOCX)."""
    if not isinstance(table, Table) or len(table.rows) > 6:
        return False
    lines = table_lines(table)
    return any(RECIPIENTS_HEAD.match(clean(x)) for x in lines) or \
        sum(is_signature_line(x) for x in lines) >= 1 and len(lines) <= 30 and any(
            clean(x).startswith(signer_prefixes()) for x in lines)


def opens_section(text: str, following: Optional[str]) -> bool:
    """Can this paragraph open a top-level section: a marker other than a bullet numbered
    1 or 2 (a bare marker "6." read with the line after it)?"""
    if BARE_MARKER.match(text) and following and not read_marker(following):
        if _first_of_its_kind(text + " " + following):
            return True
    return _first_of_its_kind(text)


def _first_of_its_kind(text: str) -> bool:
    mk = read_marker(text)
    if mk is None or mk.kind in ("bullet", "plus"):
        return False
    number = value(mk)
    return number is not None and number <= 2


def _skipped(text: str) -> bool:
    """An empty line, a rule or a lone page number carries no text."""
    return not text or bool(RULE.match(text)) or bool(PAGE_NUMBER.match(text))


class _Walk:
    """One pass over the blocks after the header: preamble -> body -> tail -> appendices."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.texts = [clean(b.text) if isinstance(b, Paragraph) else None for b in blocks]
        self.parts: dict[str, list[Block]] = {"preamble": [], "body": [], "tail": []}
        self.appendices: list[dict] = []
        self.state = "preamble"          # preamble | body | tail | appendix | appendix-tail
        self.wants_title = False         # "Chương I" alone: its title is the next paragraph

    def zones(self, header: tuple[Block, ...]) -> Zones:
        i = 0
        while i < len(self.blocks):
            i = self._step(i)
        apps = tuple(AppendixZone(title=tuple(a["title"]), head=tuple(a["head"]), blocks=tuple(a["blocks"]),
                                  tail=tuple(a["tail"]), note=tuple(a["note"]), head_offset=a["after"])
                     for a in self.appendices)
        return Zones(header=header, preamble=tuple(self.parts["preamble"]), body=tuple(self.parts["body"]),
                     tail=tuple(self.parts["tail"]), appendices=apps)

    def _put(self, block: Block, where: Optional[str] = None) -> None:
        where = where or self.state
        if where.startswith("appendix"):
            self.appendices[-1]["tail" if where == "appendix-tail" else "blocks"].append(block)
        else:
            self.parts[where].append(block)

    def _open_appendix(self, title: list[str], head: list[Block], after: int = 0, note: tuple[str, ...] = ()) -> None:
        """A new appendix zone; `after`: where its head starts inside a signature paragraph; `note`:
        head lines read elsewhere (a table's first cell)."""
        lines = [clean(b.text)[after if k == 0 else 0:].strip() for k, b in enumerate(head) if isinstance(b, Paragraph)]
        joined = " ".join(title)
        note = list(note)
        for t in lines:
            if not joined or joined not in t:
                note.append(t)                                          # "PHỤ LỤC I", "(Kèm theo ...)"
            else:
                note += [part.strip() for part in t.split(joined, 1) if part.strip()]   # "PHỤ LỤC" before the title
        note = [t for t in note if t and t not in title]
        self.appendices.append({"title": title, "head": head, "blocks": [], "tail": [], "note": note, "after": after})
        self.state = "appendix"
        self.wants_title = False

    def _step(self, i: int) -> int:
        block, text, state = self.blocks[i], self.texts[i], self.state
        in_appendix, in_tail = state.startswith("appendix"), state in ("tail", "appendix-tail")
        if text is None:                                  # a table
            caption = captioned_appendix(block) if isinstance(block, Table) and (in_tail or in_appendix) else None
            if caption is not None:                       # its head in the first cell: an appendix starts
                self._open_appendix(caption[0], [], note=tuple(caption[1]))
                self._put(block)
                return i + 1
            if is_signature_table(block) and not in_appendix:
                self.state = "tail"
            self._put(block, "appendix" if in_appendix else None)
            return i + 1
        if _skipped(text):
            self._put(block)
            return i + 1
        if self.wants_title and not in_tail and not read_marker(text):
            self.wants_title = False                      # "Chương I" / "QUY ĐỊNH CHUNG"
            self._put(block)
            return i + 1
        self.wants_title = False
        headed = state != "preamble"
        if is_appendix_start(text, in_tail) and (in_tail or headed or APPENDIX_HEAD.match(text)) \
                or in_tail and self._titles_attachment(i) or self._attached_without_tail(i, headed):
            lines, j = appendix_title(self.texts, i)
            self._open_appendix(lines, self.blocks[i:j])
            return j
        if in_tail:
            embedded = split_embedded_appendix(text)
            if embedded:
                self._open_appendix(embedded[1], [block], after=embedded[0])
            else:
                self._put(block)
            return i + 1
        if RECIPIENTS_HEAD.match(text) or (headed and is_signature_line(text)) or self._recipients_run(i):
            self.state = "appendix-tail" if in_appendix else "tail"
            self._put(block)
            return i + 1
        return self._content(i, block, text, in_appendix)

    def _recipients_run(self, i: int) -> bool:
        """Three lines of a recipients list whose "Nơi nhận:" head was lost (an OCR'd scan, corpus 067: "- Bộ
        Công an, Bộ Công Thương, ... (để báo cáo);" / "- UBND các tỉnh, thành phố (đê báo cáo);" / "- Đ/c Cục
        trưởng, Tổ trưởng Tổ CTLNTW (để b/©);"): the tail starts there, they are no bullets of the body."""
        if self.state != "body" or i + 3 > len(self.texts):
            return False
        return all(t is not None and RECIPIENT_LINE.match(t) for t in self.texts[i:i + 3])

    def _titles_attachment(self, i: int) -> bool:
        """In the tail, an upper-case title whose next lines say what it is attached to starts an
        attached document of any type: "NỘI QUY MẪU ÁP DỤNG CHO CÁC CHỢ ..." / "(Kèm theo Quyết
        định số 82/2025/QĐ-UBND ...)" (pool md/77de0148105d5008): the tail ends there."""
        text = self.texts[i]
        if not is_upper_line(text) or is_signature_line(text) or len(text) > 300:
            return False
        for t in self.texts[i + 1:i + 4]:
            if t is None:
                return False
            if ATTACHED_TO.match(t):
                return True
            if t and not is_upper_line(t):
                return False
        return False

    def _attached_without_tail(self, i: int, headed: bool) -> bool:
        """In the body, a document type's head whose title lines end in what it is attached to starts
        the attached document even with no signature block before it (a converter dropped it):
        "KẾ HOẠCH" / "SỬA ĐỔI, BỔ SUNG CÁC LUẬT ..." / "(Ban hành kèm theo Nghị quyết số
        1339/NQ-UBTVQH15 ...)" after the last article (pool md/ae8d299abf846604)."""
        return headed and self.state == "body" and is_appendix_start(self.texts[i], True) \
            and self._titles_attachment(i)

    def _content(self, i: int, block: Block, text: str, in_appendix: bool) -> int:
        """A paragraph of the preamble, the body or an appendix."""
        nxt = self.texts[i + 1] if i + 1 < len(self.blocks) else None
        if self.state == "preamble" and opens_section(text, nxt):
            self.state = "body"
        held = 1
        if self.state == "body" and BARE_MARKER.match(text) and nxt and not read_marker(nxt):
            text, held = text + " " + nxt, 2               # "6." / "Tổ chức triển khai thực hiện ..."
        for k in range(held):
            self._put(self.blocks[i + k])
        mk = read_marker(text) if self.state != "preamble" else None
        self.wants_title = bool(mk) and not mk.rest.strip() and mk.kind in ("chapter", "subchapter", "article")
        if self.state == "body" and "/." in text and BODY_END.search(text):       # the cheap test first
            self.state = "tail"
        return i + held
