"""Stage 3, lay out: lines -> header + body paragraphs and tables.

    layout(raw: RawDocument) -> LaidOut          (raw is not changed)
    block_text(block) -> str                     the text a block contributes to LaidOut.text

Steps, unambiguous first:
  1. noise (layout.noise): running headers of the Official Gazette (`CÔNG BÁO/Số 302/Ngày 02-06-2026`),
     digital-signature stamps and lone page numbers are dropped; their page is kept
     (pages are inferred from running headers where the reader had none);
  2. header (phần đầu văn bản): issuer, national motto, Số, place/date, document type
     and summary title (trích yếu) — one Paragraph per physical line, merged lines split
     (`BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` -> two); where the header ends is
     the segment stage's rule (pipeline.segment.header), asked here so that header lines
     are never joined;
  3. flattened task tables (layout.flat_tables) -> one FlatTable;
  4. body lines joined into paragraphs (layout.paragraphs);
  5. the signature block and the recipients list (nơi nhận) stay one physical line
     a Paragraph.
"""
from __future__ import annotations


from ..segment.header import split_header_lines
from ..types import LaidOut, Paragraph, RawDocument, Table, replaced
from .noise import blank_lines_meaningful, drop_noise
from .paragraphs import body_blocks, join_bare_markers, split_glued_markers


def layout(raw: RawDocument) -> LaidOut:
    items, inferred_pages = drop_noise(raw.items)
    if inferred_pages and not raw.pages:
        raw = replaced(raw, pages=inferred_pages)
    blanks_meaningful = blank_lines_meaningful(items)
    header_lines, body = split_header_lines(items, blanks_meaningful)
    header = [Paragraph(text=ln.text, page=ln.page, bold=ln.bold, centered=ln.centered)
              for ln in header_lines]
    wrapped_md = "md" in (raw.detail or "").split(",")
    blocks = body_blocks(split_glued_markers(body), blanks_meaningful, plain_text=not wrapped_md)
    if raw.format not in ("html", "docx"):          # their readers know their paragraphs
        blocks = join_bare_markers(blocks)
    return _finish(raw, header, blocks)


def block_text(block) -> str:
    """The text a block contributes to LaidOut.text."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Table):
        return "\n".join(" | ".join(row) for row in block.rows)
    return "\n".join(line.text for line in block.lines)


def _finish(raw: RawDocument, header: list[Paragraph], blocks: list) -> LaidOut:
    """Every block with its offsets into one normalised text (header first); the reader's
    tables are copied, not changed (the paragraphs are this layout's own: their offsets are set)."""
    parts, placed, pos = [], [], 0
    for b in header + blocks:
        text = block_text(b)
        if type(b) is Paragraph:
            b.start, b.end = pos, pos + len(text)
            placed.append(b)
        else:
            placed.append(replaced(b, start=pos, end=pos + len(text)))
        parts.append(text)
        pos += len(text) + 1
    return LaidOut(raw=raw, header=placed[:len(header)], blocks=placed[len(header):], text="\n".join(parts))
