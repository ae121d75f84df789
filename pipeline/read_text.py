"""Reader for plain text, converter Markdown and OCR JSON dumps."""
from __future__ import annotations

from .errors import UnsupportedFormat
from .types import Line, RawDocument


def decode(path: str, data: bytes) -> str:
    """Bytes -> str: UTF-8 (with or without BOM), UTF-16 (BOM or not); else a clear error."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if sum(c.isprintable() or c.isspace() for c in text[:2000]) > 0.95 * min(len(text), 2000):
                return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnsupportedFormat(path, f"not UTF-8 or UTF-16 text (undecodable byte at offset {exc.start})")


def read_text(path: str, data: bytes, sha256: str, kind: str = "text") -> RawDocument:
    text = decode(path, data)
    lines = [Line(text=t, page=None) for t in text.splitlines()]
    return RawDocument(path=path, sha256=sha256, format="txt", items=lines, detail=None)
