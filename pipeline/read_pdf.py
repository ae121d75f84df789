"""PDF reader (the door; its parts are in pipeline/pdf/): characters from the text
layer (pypdfium2), ruled tables (cells from the page's ruling strokes: pdf/grid.py, only
on pages that have ruling lines), OCR
(pipeline/ocr.py) for pages without a usable text layer.

    read_pdf(path, data, sha256) -> RawDocument

One flow:
  1. every page -> characters in reading space (rotated text turned upright)
     -> visual lines (clustered by baseline) -> segments (split at wide gaps);
     ruled tables are cut out of the characters and read cell by cell;
  2. a page whose text is missing, private-use/garbled or not Vietnamese
     (pipeline/plausibility.py) is OCR'd instead;
  3. running headers/footers and page numbers (top/bottom band, repeated
     across pages) and signature stamps are dropped;
  4. two-column zones (the Decree-30 header: issuer | motto, Số | place/date;
     the signature block: Nơi nhận | signer) are emitted left column first;
  5. a table continued on the next page is merged into one Table.
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from vanban.schemas.models import Warning

from .errors import EmptyDocument, UnsupportedFormat
from .ocr import ocr_pages
from .pdf.chars import read_chars
from .pdf.furniture import drop_running_lines, is_stamp, take_footnotes
from .pdf.gate import needs_ocr
from .pdf.rows import BAND, Page, make_rows, ocr_row
from .pdf.rulings import ruling
from .pdf.tables import cut_tables, merge_tables
from .pdf.zones import reading_order
from .types import Line, RawDocument

__all__ = ["read_pdf", "is_stamp", "page_is_broken"]


def read_pdf(path: str, data: bytes, sha256: str) -> RawDocument:
    """Read a PDF: text layer where it is good, OCR where it is missing or broken."""
    pdf = _open(path, data)
    if len(pdf) == 0:
        pdf.close()
        raise EmptyDocument(path, "the PDF has no pages")
    doc = _Source(pdf)
    try:
        with _collector_paused():
            pages = [_read_page(doc, i) for i in range(len(pdf))]
        ocr_needed = [p for p in pages if p.ocr]
        warnings = [Warning(code="pdf_text_surrogates", location=f"page {p.number}",
                            message=f"page {p.number}: {p.replaced} unpaired UTF-16 surrogate(s) in the "
                                    f"PDF's text layer replaced by U+FFFD")
                    for p in pages if p.replaced]
        if ocr_needed:
            by_number = ocr_pages(path, pdf, [p.number for p in ocr_needed])
            for p in ocr_needed:
                if p.number not in by_number:
                    p.ocr = False
                    warnings.append(Warning(code="ocr_page_skipped", location=f"page {p.number}",
                                            message=f"page {p.number} needs OCR but the OCR page limit (--ocr-max-pages) stopped it"))
                p.rows = [ocr_row(segs, p.number) for segs in by_number.get(p.number, [])]
        n_pages = len(pdf)
    finally:
        doc.close()
    drop_running_lines(pages)
    take_footnotes(pages)
    items = merge_tables(reading_order(pages))
    items = [it for it in items if not (isinstance(it, Line) and is_stamp(it.text))]
    if not items:
        raise EmptyDocument(path, "the PDF has no text layer and OCR found no text")
    return RawDocument(path=path, sha256=sha256, format="pdf", items=items, pages=n_pages,
                       ocr_pages=[p.number for p in pages if p.ocr], warnings=warnings)


@contextmanager
def _collector_paused():
    """Python's cycle collector held off while pages are read: a page makes about 1,400
    objects that form no cycles (characters, their rows), and the collector scanned them
    again at each of its passes (measured: about 4% of read_pdf's CPU time on the corpus PDFs).  Restored after,
    also when a page fails; nothing collectable is lost, the next pass finds it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _Source:
    """The open PDF."""

    def __init__(self, pdf: pdfium.PdfDocument):
        self.pdf = pdf

    def close(self) -> None:
        self.pdf.close()


#: what pdfium's load errors mean to a user (FPDF_ERR_*)
_DAMAGED = {pdfium_c.FPDF_ERR_FORMAT: "damaged PDF: its structure cannot be read (truncated or corrupted file)",
            pdfium_c.FPDF_ERR_PAGE: "damaged PDF: its page tree cannot be read"}
_ENCRYPTED = re.compile(rb"/Encrypt\b")


def _open(path: str, data: bytes) -> pdfium.PdfDocument:
    """The PDF opened by pdfium, or one clear line saying why it cannot be.  pdfium's
    error code outlives the call that set it (a damaged file read after a locked one
    is reported 'Incorrect password'), so a password is blamed only when the file
    carries an /Encrypt dictionary."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = exc.err_code
        if _ENCRYPTED.search(data):
            reason = ("password-protected PDF (an encryption scheme PDFium does not support)"
                      if code == pdfium_c.FPDF_ERR_SECURITY else
                      "password-protected PDF: it cannot be read without its password")
        else:
            reason = _DAMAGED.get(code, "damaged PDF: PDFium cannot open it (no readable catalog or page tree)")
        raise UnsupportedFormat(path, reason) from exc


def _read_page(doc: _Source, index: int) -> Page:
    page = doc.pdf[index]
    width, height = page.get_size()
    result = Page(number=index + 1, width=width, height=height)
    chars, direction, others, result.replaced = read_chars(page.get_textpage(), width, height)
    rows = make_rows(chars, result.number)
    if needs_ocr(page, chars, rows, width, height):
        result.ocr = True
        if page.get_rotation() in (90, 270):      # the rendered image is upright
            result.width, result.height = height, width
        return result
    if chars:
        horizontal, vertical = ruling(page, height)
        if len(horizontal) >= 3 and len(vertical) >= 2:
            remaining = cut_tables(chars, direction, result, horizontal, vertical, width, height)
            if remaining is not chars:            # a table was cut out: the rows change
                rows = make_rows(remaining, result.number)
    for other_direction, group in others:        # text running another way: its own rows
        side = height if other_direction in ("+x", "-x") else width
        for row in make_rows(group, result.number):
            row.band = row.bottom <= side * BAND or row.top >= side * (1 - BAND)
            rows.append(row)
    result.rows = rows
    if direction in ("+y", "-y"):
        result.width, result.height = height, width
    return result


def page_is_broken(path: str, page_number: int) -> bool:
    """True when page `page_number` (1-based) of the PDF at `path` would be OCR'd."""
    with open(path, "rb") as fh:
        data = fh.read()
    doc = _Source(pdfium.PdfDocument(data))
    try:
        return _read_page(doc, page_number - 1).ocr
    finally:
        doc.close()
