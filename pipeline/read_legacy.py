"""Reader for old Word formats: binary Word 97-2003 .doc and .rtf.

    read_legacy(path, data, sha256, kind) -> RawDocument      (kind: "doc" or "rtf")

Why a direct reader and not LibreOffice: `soffice --convert-to docx` needs a
~300 MB install (1-3 minutes in CI) and, worse, it loses the very thing these
files are kept for: TCVN3 stores 'ư' as byte 0xAD, which the conversion
turns into a soft hyphen, so the letter vanishes.  Reading the Word 97 binary
ourselves (olefile for the OLE2 container; the FIB, piece table, CHPX/PAPX
pages, style sheet and font table per [MS-DOC]) gives the font of every run,
so TCVN3 ('.VnTime') and VNI ('VNI-Times') runs are converted run by run.
Word 6/95 files (nFib < 101) and encrypted files get a clear error.

Both formats produce one stream of events (text in a font, paragraph ends,
cell and row ends; legacy_stream.py), read by legacy_word97.py and legacy_rtf.py,
that `_assemble` turns into Lines and Tables the same way.
"""
from __future__ import annotations

import re
import struct
from typing import Optional

from . import legacy
from .errors import UnsupportedFormat
from .legacy_rtf import rtf_events
from .legacy_stream import Run
from .legacy_word97 import doc_events
from .read_docx import is_layout_grid
from .types import Line, RawDocument, Table



# --------------------------------------------------------------- assembly

def _assemble(events: list) -> tuple[list, set]:
    """Events -> Lines and Tables; runs converted by their font's encoding."""
    # the document's guess for runs in fonts that name no encoding (statistics, fallback only)
    default = legacy.detect("".join(e.text for e in events if isinstance(e, Run)
                                    and legacy.encoding_of_font(e.font) is None and not e.isascii))
    items: list = []
    encodings: set = set()
    runs: list[Run] = []
    cell: list[str] = []
    row: list[list[str]] = []
    rows: list[list[list[str]]] = []
    seen_body = 0

    def flush_table():
        nonlocal rows
        if not rows:
            return
        if is_layout_grid(rows, before_body=seen_body <= 2):
            items.extend(_layout_lines(rows))
        else:
            width = max(len(r) for r in rows)
            table = [[_clean(" ".join(c)) for c in r] + [""] * (width - len(r)) for r in rows]
            if any(any(c for c in r) for r in table):
                items.append(Table(rows=table))
        rows = []

    for ev in events:
        if isinstance(ev, Run):
            runs.append(ev)
            continue
        text, bold = _paragraph_text(runs, encodings, default)
        runs = []
        if ev.in_table or ev.cell_end or ev.row_end:
            if ev.row_end:
                if cell:
                    row.append(cell)
                    cell = []
                if row:
                    rows.append(row)
                row = []
                continue
            cell.append(text)
            if ev.cell_end:
                row.append(cell)
                cell = []
            continue
        if row or cell:
            row.append(cell) if cell else None
            if row:
                rows.append(row)
            row, cell = [], []
        flush_table()
        line = _clean(text.replace("\n", " "))
        if line:
            seen_body += 1
            items.append(Line(text=line, paragraph=True, bold=bold, centered=ev.centered))
    if runs:
        text, bold = _paragraph_text(runs, encodings, default)
        if text.strip():
            items.append(Line(text=_clean(text), paragraph=True, bold=bold))
    if cell:
        row.append(cell)
    if row:
        rows.append(row)
    flush_table()
    return items, encodings


def _paragraph_text(runs: list[Run], encodings: set, default: Optional[str]) -> tuple[str, Optional[bool]]:
    """One paragraph's runs converted: by font name, else (runs in an unknown font
    such as 'VNSTCVN3') by the paragraph's own characters, else the document's guess."""
    unknown = "".join(r.text for r in runs if legacy.encoding_of_font(r.font) is None and not r.isascii)
    guess = None
    if unknown and not legacy.MODERN_LETTER.search(unknown):
        guess = legacy.detect(unknown, min_words=1) or default
    parts, bold_n, all_n = [], 0, 0
    for r in runs:
        text, enc = legacy.convert_run(r.text, r.font)
        if enc is None and guess and not r.isascii:
            text, enc = legacy.convert(r.text, guess), guess
        if enc:
            encodings.add(enc)
        elif SYMBOL_FONT.match(r.font or ""):
            text = SYMBOL_CHAR.sub("-", text)     # a Symbol/Wingdings bullet (U+F0B7, U+F0A7) prints as '-'
        parts.append(text)
        n = len(text.strip())
        all_n += n
        bold_n += n if r.bold else 0
    text = "".join(parts).replace("\u00ad", "").replace("\xa0", " ")   # soft hyphen of a Unicode run
    return text, (bold_n > all_n / 2) if all_n else None


#: bullet fonts whose characters Word stores in the private-use area: 'Symbol', 'Wingdings 2'
SYMBOL_FONT = re.compile(r"^(Symbol|Wingdings)", re.IGNORECASE)
#: one such character: '\uf0b7' (Symbol bullet), '\uf0a7' (Wingdings square)
SYMBOL_CHAR = re.compile("[\uf020-\uf0ff]")


def _clean(text: str) -> str:
    return " ".join(text.split())




def _layout_lines(rows: list[list[list[str]]]) -> list[Line]:
    width = max(len(r) for r in rows)
    lines = []
    for c in range(width):
        for r in rows:
            if c < len(r):
                for p in r[c]:
                    for piece in p.split("\n"):
                        if piece.strip():
                            lines.append(Line(text=_clean(piece), paragraph=True, centered=True))
    return lines


# ---------------------------------------------------------------- entry

def read_legacy(path: str, data: bytes, sha256: str, kind: str) -> RawDocument:
    try:
        stream = rtf_events(data) if kind == "rtf" else doc_events(path, data)
    except (struct.error, IndexError, KeyError, ValueError, OSError, EOFError, ZeroDivisionError,
            RecursionError) as exc:
        # a structure that points outside its stream: damage, said as such (never a traceback)
        raise UnsupportedFormat(path, f"a damaged .{kind} ({type(exc).__name__}: {str(exc)[:120]})")
    items, encodings = _assemble(stream.events)
    return RawDocument(path=path, sha256=sha256, format="docx", items=items, pages=stream.pages,
                       detail=kind, legacy_encoding="+".join(sorted(encodings)) or None)
