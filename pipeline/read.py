"""Stage 1, read: bytes -> RawDocument.  The format is sniffed from the bytes,
never taken from the file name; each format has its own reader module.

    read(path, data=None) -> RawDocument      data: the bytes, when they are not read from path
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import EmptyDocument, UnsupportedFormat
from .types import RawDocument


def sniff(data: bytes) -> str:
    """Name the format of `data`: pdf, docx, doc, rtf, html, json, md or text.

    Raises nothing: 'binary' for what we cannot read.
    """
    head = data[:4096]
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
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
    if low.startswith((b"{", b"[")):
        return "json"
    if b"\x00" in head:
        # UTF-16 without BOM has a NUL every other byte; anything else with NULs is binary
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > len(odd) * 0.3 or even.count(0) > len(even) * 0.3:
            return "text"
        return "binary"
    return "text"


def read(path: str | Path, data: bytes | None = None) -> RawDocument:
    """Read any supported file into a RawDocument (text not yet normalised).

    `data` are the bytes when they come from elsewhere (standard input, the API);
    `path` then only names them in the output and in errors."""
    path = str(path)
    if data is None:
        data = Path(path).read_bytes()
    if not data.strip():
        raise EmptyDocument(path, "the file is empty")
    sha = hashlib.sha256(data).hexdigest()
    kind = sniff(data)
    if kind == "pdf":
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
        from .read_text import read_text
        return read_text(path, data, sha, kind)
    if kind == "zip":
        raise UnsupportedFormat(path, "a ZIP archive that is not a Word .docx document")
    raise UnsupportedFormat(path, "binary data that is not PDF, Word, RTF, HTML or text")
