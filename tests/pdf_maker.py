"""Small PDFs written byte by byte for the reader's hostile-input tests: a text layer
whose ToUnicode map gives unpaired UTF-16 surrogates, no pages at all, a password."""
from __future__ import annotations


def build(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF from its objects (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1)) + trailer_extra
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def text_pdf(lines: list[str], odd: dict[str, int] | None = None) -> bytes:
    """One A4 page of text in a one-byte font whose ToUnicode CMap gives each byte its
    character of `lines` (any Unicode: the text layer is what the reader reads), except
    the characters of `odd`, mapped to the UTF-16 code unit given (a lone surrogate)."""
    chars = sorted({c for line in lines for c in line} - {" "})
    code = {c: i + 33 for i, c in enumerate(chars)}
    code[" "] = 32
    assert len(chars) < 200, "too many distinct characters for a one-byte font"
    content = b"BT /F1 12 Tf 72 760 Td 16 TL\n"
    for line in lines:
        raw = bytes(code[c] for c in line)
        content += b"<" + raw.hex().encode() + b"> '\n"
    content += b"ET"
    units = {code[c]: (odd or {}).get(c, ord(c)) for c in chars}
    units[32] = 32
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            + b"%d beginbfchar\n" % len(units)
            + b"".join(b"<%02X> <%s>\n" % (k, _utf16_hex(v)) for k, v in sorted(units.items()))
            + b"endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               _stream(content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255"
               b" /Widths [" + b" ".join([b"500"] * 224) + b"] /ToUnicode 6 0 R >>",
               _stream(cmap)]
    return build(objects)


def _utf16_hex(u: int) -> bytes:
    """A code point (or a bare code unit) as the UTF-16BE hex of a CMap destination."""
    if u > 0xFFFF:
        u -= 0x10000
        return b"%04X%04X" % (0xD800 + (u >> 10), 0xDC00 + (u & 0x3FF))
    return b"%04X" % u


def no_pages_pdf() -> bytes:
    return build([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def password_pdf() -> bytes:
    """A PDF under the standard security handler whose empty user password is wrong."""
    pages = b"<< /Type /Pages /Kids [] /Count 0 >>"
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>")
    return build([b"<< /Type /Catalog /Pages 2 0 R >>", pages, encrypt],
                 trailer_extra=b"/Encrypt 3 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">]")
