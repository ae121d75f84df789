"""Stage 1, read: bytes -> RawDocument.  The format is sniffed from the bytes,
never taken from the file name; each format has its own reader module.

    read(path, data=None) -> RawDocument      data: the bytes, when they are not read from path
    sniff(data) -> str

Only a regular file is read (a FIFO would block, a device never ends), and only
within the limits of pipeline/limits.py: its size before reading, a PDF's pages
before its reader starts, the characters of text after.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from pathlib import Path

from . import limits
from .errors import EmptyDocument, UnsupportedFormat
from .types import RawDocument, Table

#: where the PDF header may start: "within the first 1024 bytes" (ISO 32000-1, annex H.3)
PDF_HEADER = re.compile(rb"%PDF-\d")
#: markup before a `%PDF-`: the header is inside an HTML or XML page (a title that quotes it)
MARKUP = re.compile(rb"<[!?a-zA-Z]")
#: what a file type is called in a refusal
KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFDIR: "a folder", stat.S_IFCHR: "a character device",
         stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def sniff(data: bytes) -> str:
    """Name the format of `data`: pdf, docx, zip, doc, rtf, html, json or text.

    Raises nothing: 'binary' for what we cannot read."""
    head = data[:4096]
    if _is_pdf(head):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:200000] or b"[Content_Types].xml" in data[:200000] else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"          # UTF-16 with BOM
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:2048]:
        return "html"
    if low.startswith((b"{", b"[")) and _parses_as_json(data):
        return "json"
    if b"\x00" in head:
        # UTF-16 without BOM has a NUL every other byte; anything else with NULs is binary
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > len(odd) * 0.3 or even.count(0) > len(even) * 0.3:
            return "text"
        return "binary"
    return "text"


def _is_pdf(head: bytes) -> bool:
    """`%PDF-n` at the start, or within the first 1024 bytes after junk that is not markup."""
    m = PDF_HEADER.search(head, 0, 1024 + 6)
    return bool(m) and (m.start() == 0 or not MARKUP.search(head, 0, m.start()))


def _parses_as_json(data: bytes) -> bool:
    """JSON is what parses as JSON: `[[Thể loại:...]]` (wiki text) is text."""
    try:
        json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False
    return True


def read(path: str | Path, data: bytes | None = None) -> RawDocument:
    """Read any supported file into a RawDocument (text not yet normalised).

    `data` are the bytes when they come from elsewhere (standard input, the API);
    `path` then only names them in the output and in errors."""
    path = str(path)
    bound = limits.current()
    if data is None:
        data = _read_regular_file(path, bound.max_bytes)
    else:
        limits.check(path, "the input size", len(data), bound.max_bytes, "--max-bytes", in_bytes=True)
    if not data.strip():
        raise EmptyDocument(path, "the file is empty")
    sha = hashlib.sha256(data).hexdigest()
    raw = _read_kind(path, data, sha, sniff(data), bound)
    limits.check(path, "the text", _characters(raw), bound.max_chars, "--max-chars")
    return raw


def _read_regular_file(path: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most max_bytes; never blocks on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise UnsupportedFormat(path, "a folder, not a file")
    except FileNotFoundError:
        raise UnsupportedFormat(path, "no such file")
    except OSError as exc:
        raise UnsupportedFormat(path, f"cannot be opened ({exc.strerror})")
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        kind = KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise UnsupportedFormat(path, f"{kind}, not a regular file")
    with os.fdopen(fd, "rb") as fh:
        limits.check(path, "the file size", info.st_size, max_bytes, "--max-bytes", in_bytes=True)
        return fh.read()


def _read_kind(path: str, data: bytes, sha: str, kind: str, bound: limits.Limits) -> RawDocument:
    if kind == "pdf":
        limits.check(path, "the page count", _pdf_pages(data), bound.max_pages, "--max-pages")
        from .read_pdf import read_pdf
        return read_pdf(path, data, sha)
    if kind == "docx":
        from .read_docx import read_docx
        return read_docx(path, data, sha)
    if kind in ("doc", "rtf"):
        from .read_legacy import read_legacy
        return read_legacy(path, data, sha, kind)
    if kind == "html":
        from .read_html import read_html
        return read_html(path, data, sha)
    if kind in ("text", "json"):
        limits.check(path, "the text", len(data) // 4, bound.max_chars, "--max-chars")  # 1-4 bytes a character
        from .read_text import read_text
        return read_text(path, data, sha, kind)
    if kind == "zip":
        raise UnsupportedFormat(path, "a ZIP archive that is not a Word .docx document")
    raise UnsupportedFormat(path, "binary data that is not PDF, Word, RTF, HTML or text")


def _pdf_pages(data: bytes) -> int:
    """The page count pdfium reads from the PDF's page tree (0 when it cannot: the reader says why)."""
    try:
        import pypdfium2
        pdf = pypdfium2.PdfDocument(data)
    except Exception:
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def _characters(raw: RawDocument) -> int:
    return sum(sum(len(c) for r in it.rows for c in r) if isinstance(it, Table) else len(it.text)
               for it in raw.items)
