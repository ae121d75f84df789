"""Stage 5, tree: the segmented body -> section tree (I. / 1. / 1.1. / a) / - / Điều / Chương / appendix).

    build_tree_checked(doc: Segmented | LaidOut) -> (list[Node], list[Warning])   numbering_gap warnings
    build_tree(doc) -> list[Node]

Reads the zones of the segment stage (a LaidOut is segmented first): the body and each
appendix; the header, the preamble and the signature tail are no sections.  One pass over
a zone's blocks with a stack of open nodes (tree.builder): a paragraph that starts with a
marker (pipeline.markers) opens a node after the numbering rules (tree.numbering) accept it,
so that `2024.` or `1.595 người` never open one; any other paragraph is text of the innermost
open node.  Headings wrapped over two lines are joined back (tree.headings).

The names metadata.py still imports from here (split_header, clean, is_signature_line, ...)
are re-exported from their new homes: vanban.lexicon and pipeline.segment.
"""
from __future__ import annotations

from vanban.lexicon.patterns import (ADDRESSEE, ATTACHED_TO, BODY_OR_PURPOSE as BODY_START, PAGE_NUMBER,
                                     RECIPIENTS_HEAD, RULE, SUBJECT_LINE as SUMMARY_CV)
from vanban.lexicon.signature import is_signature_line
from vanban.lexicon.text import clean, is_upper_line
from vanban.schemas.models import Warning

from ..markers import BARE_MARKER, BULLET, read_marker
from ..segment import Segmented, segment, split_embedded_appendix, table_lines
from ..layout import block_text
from ..types import Block, LaidOut, Node, Paragraph
from .builder import Builder, continues_bullet, set_ends

__all__ = ["build_tree", "build_tree_checked", "split_header", "with_body_node",
           # still imported by extractors/metadata.py (their homes: vanban.lexicon, pipeline.segment)
           "ADDRESSEE", "ATTACHED_TO", "BODY_START", "BULLET", "RECIPIENTS_HEAD", "RULE", "SUMMARY_CV", "clean",
           "is_signature_line", "is_upper_line", "split_embedded_appendix", "table_lines"]


def split_header(doc: Segmented | LaidOut) -> tuple[list[Block], list[Block]]:
    """(header blocks, every block after them): the segment stage's header zone (found again
    when given a LaidOut; given the segment stage's result, its zones are reused)."""
    zones = (doc if isinstance(doc, Segmented) else segment(doc)).zones
    return list(zones.header), zones.after_header()


def build_tree(doc: Segmented | LaidOut) -> list[Node]:
    """The section tree of the body and appendices; the header, preamble and signature are left out."""
    return build_tree_checked(doc)[0]


def build_tree_checked(doc: Segmented | LaidOut) -> tuple[list[Node], list[Warning]]:
    """The section tree and the numbering_gap warnings met while building it."""
    seg = doc if isinstance(doc, Segmented) else segment(doc)
    zones = seg.zones
    paragraphs = [clean(b.text) for b in zones.after_header() if isinstance(b, Paragraph)]
    lengths = sorted(len(t) for t in paragraphs if t)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80.0
    joined = seg.doc.raw.format in ("docx", "html") or (bool(lengths) and lengths[len(lengths) // 2] > 160)
    builder = Builder(width=width, joined=joined)
    _fill(builder, list(zones.body), in_appendix=False)
    for appendix in zones.appendices:
        builder.open_appendix(list(appendix.title), list(appendix.head), list(appendix.note),
                              first=(appendix.head + appendix.blocks)[0])
        builder.last_text = None
        _fill(builder, list(appendix.blocks), in_appendix=True)
    builder.close_to(0)
    set_ends(builder.roots)
    return builder.roots, builder.warnings


def with_body_node(seg: Segmented, tree: list[Node]) -> list[Node]:
    """The tree with the text before its first heading as a node (contract 1.1, no text is lost):
    path "preamble" (Căn cứ ..., Kính gửi ...), or "body" when the document has no heading at
    all (a letter, a notice); marker "" and no title.  The extractors read the tree without it."""
    zones = seg.zones
    blocks = [b for b in zones.preamble if not _skipped(b)]
    if not blocks:
        return tree
    path = "preamble" if zones.body else "body"
    text = "\n".join(clean(block_text(b)) if isinstance(b, Paragraph) else block_text(b) for b in blocks)
    node = Node(path=path, marker="", title="", text=text, page=getattr(blocks[0], "page", None),
                start=blocks[0].start, end=blocks[-1].end)
    node.blocks.extend(blocks)
    return [node] + tree


def _skipped(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    text = clean(block.text)
    return not text or bool(RULE.match(text) or PAGE_NUMBER.match(text))


def _fill(builder: Builder, blocks: list[Block], in_appendix: bool) -> None:
    """Open nodes and add text for one zone's blocks (the body, or one appendix's content)."""
    texts = [clean(b.text) if isinstance(b, Paragraph) else None for b in blocks]
    i = 0
    while i < len(blocks):
        block, text = blocks[i], texts[i]
        i += 1
        if text is None:                      # a table: text of the open node
            builder.add_text(block, "")
            builder.last_text = None
            continue
        if not text or RULE.match(text) or PAGE_NUMBER.match(text):
            continue
        if builder.stack and builder.stack[-1].wants_title and not read_marker(text):
            builder.add_text(block, text)        # "Chương I" / "QUY ĐỊNH CHUNG"
            builder.last_text = text
            continue
        i += _marker_or_text(builder, blocks, texts, i - 1, in_appendix)


def _marker_or_text(builder: Builder, blocks: list[Block], texts: list, i: int, in_appendix: bool) -> int:
    """Open a node for the paragraph at i when its marker fits, else add it as text; the number
    of further blocks it took (a bare marker "6." takes the heading on the next line)."""
    block, text = blocks[i], texts[i]
    held = [block]
    if BARE_MARKER.match(text) and i + 1 < len(blocks) and texts[i + 1] and not read_marker(texts[i + 1]) \
            and not in_appendix:
        text = text + " " + texts[i + 1]          # "6." / "Tổ chức triển khai thực hiện ..."
        held.append(blocks[i + 1])
    mk = read_marker(text)
    depth = builder.accepts(mk) if mk else None
    if len(held) > 1 and (depth is None or mk.kind in ("bullet", "plus")):
        text, held = texts[i], [block]
        mk = read_marker(text)
        depth = builder.accepts(mk) if mk else None
    if mk and depth is not None and not (mk.kind in ("bullet", "plus") and continues_bullet(builder, text)):
        builder.open(mk, depth, block, mk.rest)
        for extra in held[1:]:
            builder.stack[-1].node.blocks.append(extra)
    else:
        if mk and depth is None and not in_appendix:
            builder.warn_rejected(mk)
        builder.add_text(block, text)
    builder.last_text = text
    return len(held) - 1
