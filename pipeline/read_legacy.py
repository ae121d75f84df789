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
cell and row ends) that `_assemble` turns into Lines and Tables the same way.
"""
from __future__ import annotations

import io
import re
import struct
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from . import legacy
from .errors import MissingTool, UnsupportedFormat
from .read_docx import is_layout_grid
from .types import Line, RawDocument, Table


# ------------------------------------------------------------------ events

@dataclass
class Run:
    text: str
    font: Optional[str] = None
    bold: bool = False

    @property
    def isascii(self) -> bool:
        return self.text.isascii()


@dataclass
class ParEnd:
    centered: bool = False
    in_table: bool = False
    cell_end: bool = False
    row_end: bool = False


@dataclass
class Stream:
    events: list = field(default_factory=list)
    pages: Optional[int] = None


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
        nonlocal rows, seen_body
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
        stream = _rtf_events(data) if kind == "rtf" else _doc_events(path, data)
    except (struct.error, IndexError, KeyError, ValueError, OSError, EOFError, ZeroDivisionError,
            RecursionError) as exc:
        # a structure that points outside its stream: damage, said as such (never a traceback)
        raise UnsupportedFormat(path, f"a damaged .{kind} ({type(exc).__name__}: {str(exc)[:120]})")
    items, encodings = _assemble(stream.events)
    return RawDocument(path=path, sha256=sha256, format="docx", items=items, pages=stream.pages,
                       detail=kind, legacy_encoding="+".join(sorted(encodings)) or None)


# ------------------------------------------------------------ Word 97 .doc

# sprm codes ([MS-DOC] 2.6): character font, bold, style; paragraph table flags, alignment
SPRM_C_RGFTC0 = 0x4A4F      # sprmCRgFtc0: the run's ASCII font
SPRM_C_FBOLD = 0x0835       # sprmCFBold
SPRM_C_ISTD = 0x4A30        # sprmCIstd: character style
SPRM_P_FINTABLE = 0x2416    # sprmPFInTable
SPRM_P_FTTP = 0x2417        # sprmPFTtp: the row-end mark
SPRM_P_JC80 = 0x2403        # sprmPJc80
SPRM_P_JC = 0x2461          # sprmPJc
SPRM_P_ITAP = 0x6649        # sprmPItap: table depth
SPRM_T_DEFTABLE = 0xD608    # variable size with a 2-byte length
SPRM_P_CHGTABS = 0xC615     # variable size with a special length


def _sprms(grpprl: bytes):
    """Iterate (sprm, operand bytes) over a grpprl."""
    i, n = 0, len(grpprl)
    while i + 2 <= n:
        sprm = struct.unpack_from("<H", grpprl, i)[0]
        i += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        else:
            if sprm == SPRM_T_DEFTABLE and i + 2 <= n:
                size = struct.unpack_from("<H", grpprl, i)[0] + 1
            elif i < n:
                size = grpprl[i] + 1
                if sprm == SPRM_P_CHGTABS and grpprl[i] == 255:
                    size = n - i
            else:
                break
        yield sprm, grpprl[i:i + size]
        i += size


@dataclass
class _ChpRun:
    font: Optional[int] = None
    bold: Optional[bool] = None
    istd: Optional[int] = None


@dataclass
class _PapRun:
    istd: int = 0
    in_table: bool = False
    ttp: bool = False
    centered: bool = False


def _chp(grpprl: bytes) -> _ChpRun:
    r = _ChpRun()
    for sprm, op in _sprms(grpprl):
        if sprm == SPRM_C_RGFTC0 and len(op) >= 2:
            r.font = struct.unpack_from("<H", op)[0]
        elif sprm == SPRM_C_FBOLD and op:
            r.bold = op[0] in (1, 0x81)
        elif sprm == SPRM_C_ISTD and len(op) >= 2:
            r.istd = struct.unpack_from("<H", op)[0]
    return r


def _pap(istd: int, grpprl: bytes) -> _PapRun:
    r = _PapRun(istd=istd)
    for sprm, op in _sprms(grpprl):
        if sprm == SPRM_P_FINTABLE and op:
            r.in_table = op[0] == 1
        elif sprm == SPRM_P_FTTP and op:
            r.ttp = op[0] == 1
        elif sprm == SPRM_P_ITAP and len(op) >= 4:
            r.in_table = r.in_table or struct.unpack_from("<i", op)[0] > 0
        elif sprm in (SPRM_P_JC, SPRM_P_JC80) and op:
            r.centered = op[0] == 1
    return r


@dataclass
class _Style:
    base: Optional[int]
    font: Optional[int]
    bold: Optional[bool]


def _stylesheet(table: bytes, fc: int, lcb: int) -> tuple[list[Optional[_Style]], Optional[int]]:
    """STSH: each style's base and character font; the document's default font."""
    if lcb < 4:
        return [], None
    st = table[fc:fc + lcb]
    cb_stshi = struct.unpack_from("<H", st, 0)[0]
    cstd, cb_base = struct.unpack_from("<HH", st, 2)
    default_font = struct.unpack_from("<H", st, 14)[0] if cb_stshi >= 14 else None
    styles: list[Optional[_Style]] = []
    pos = 2 + cb_stshi
    for _ in range(cstd):
        if pos + 2 > len(st):
            break
        cb = struct.unpack_from("<H", st, pos)[0]
        std = st[pos + 2:pos + 2 + cb]
        pos += 2 + cb
        if cb < 10:
            styles.append(None)
            continue
        stk_base = struct.unpack_from("<H", std, 2)[0]
        stk, base = stk_base & 0xF, stk_base >> 4
        cupx = struct.unpack_from("<H", std, 4)[0] & 0xF
        p = cb_base
        if p + 2 > len(std):
            styles.append(_Style(base if base != 0xFFF else None, None, None))
            continue
        cch = struct.unpack_from("<H", std, p)[0]
        p += 2 + cch * 2 + 2
        upxs = []
        for _ in range(cupx):
            if p + 2 > len(std):
                break
            cbu = struct.unpack_from("<H", std, p)[0]
            upxs.append(std[p + 2:p + 2 + cbu])
            p += 2 + cbu + (cbu & 1)
        chpx = b""
        if stk == 1 and len(upxs) >= 2:
            chpx = upxs[1]
        elif stk == 2 and upxs:
            chpx = upxs[0]
        c = _chp(chpx)
        styles.append(_Style(base if base != 0xFFF else None, c.font, c.bold))
    return styles, default_font


def _style_attr(styles: list, istd: Optional[int], attr: str):
    seen = set()
    while istd is not None and istd < len(styles) and istd not in seen:
        seen.add(istd)
        s = styles[istd]
        if s is None:
            return None
        v = getattr(s, attr)
        if v is not None:
            return v
        istd = s.base
    return None


def _font_names(table: bytes, fc: int, lcb: int) -> list[str]:
    """SttbfFfn: the document's font names, by index."""
    if lcb < 4:
        return []
    f = table[fc:fc + lcb]
    count = struct.unpack_from("<H", f, 0)[0]
    pos = 4
    names = []
    for _ in range(count):
        if pos >= len(f):
            break
        size = f[pos] + 1
        entry = f[pos:pos + size]
        raw = entry[40:]
        end = 0
        while end + 1 < len(raw) and raw[end:end + 2] != b"\0\0":
            end += 2
        names.append(raw[:end].decode("utf-16-le", "replace"))
        pos += size
    return names


def _plc_pages(table: bytes, fc: int, lcb: int) -> list[int]:
    n = (lcb - 4) // 8
    if n <= 0:
        return []
    return [struct.unpack_from("<I", table, fc + 4 * (n + 1) + 4 * i)[0] & 0x3FFFFF for i in range(n)]


def _fkp_entries(wd: bytes, table: bytes, fc: int, lcb: int, bx_size: int):
    """The (start, end, page, offset) entries of the formatted-disk pages (FKPs) listed by a
    PLC: CHPX pages have 1-byte entries after the run limits, PAPX pages 13-byte ones."""
    for pn in _plc_pages(table, fc, lcb):
        page = wd[pn * 512:(pn + 1) * 512]
        if len(page) < 512:
            continue
        crun = page[511]
        for i in range(crun):
            start, end = struct.unpack_from("<II", page, 4 * i)
            yield start, end, page, page[4 * (crun + 1) + bx_size * i] * 2


def _chpx_runs(wd: bytes, table: bytes, fc: int, lcb: int) -> list[tuple[int, int, _ChpRun]]:
    runs = [(start, end, _chp(page[off + 1:off + 1 + page[off]]) if off else _ChpRun())
            for start, end, page, off in _fkp_entries(wd, table, fc, lcb, 1)]
    runs.sort(key=lambda r: r[0])
    return runs


def _papx_runs(wd: bytes, table: bytes, fc: int, lcb: int) -> list[tuple[int, int, _PapRun]]:
    runs = []
    for start, end, page, off in _fkp_entries(wd, table, fc, lcb, 13):
        pap = _PapRun()
        if off:
            cb = page[off]
            if cb == 0:
                body = page[off + 2:off + 2 + 2 * page[off + 1]]
            else:
                body = page[off + 1:off + 1 + 2 * cb - 1]
            if len(body) >= 2:
                pap = _pap(struct.unpack_from("<H", body)[0], body[2:])
        runs.append((start, end, pap))
    runs.sort(key=lambda r: r[0])
    return runs


def _find(runs: list, starts: list[int], fc: int):
    i = bisect_right(starts, fc) - 1
    if i >= 0 and runs[i][0] <= fc < runs[i][1]:
        return runs[i]
    return None


#: control characters of the Word text stream ([MS-DOC] 2.8.x)
PARA_END, CELL_END, LINE_BREAK, PAGE_BREAK = "\r", "\x07", "\x0b", "\x0c"
FIELD_BEGIN, FIELD_SEP, FIELD_END = "\x13", "\x14", "\x15"
DROPPED = set("\x01\x02\x03\x04\x05\x08\x1f")   # picture, footnote/annotation marks, drawn objects, optional hyphen


#: the File Information Block ([MS-DOC] 2.5.1): its signature (wIdent) for Word 97 and later and
#: for Word 6/95, the version numbers (nFib) of Word 6 (101) and Word 97 (193), its shortest size
WORD97_IDENT, WORD6_IDENT = 0xA5EC, 0xA5DC
WORD6_NFIB, WORD97_NFIB = 101, 0xC1
FIB_MIN = 0x200


def _doc_events(path: str, data: bytes) -> Stream:
    try:
        import olefile
    except ImportError:   # pragma: no cover - olefile is a declared dependency
        raise MissingTool(path, "reading .doc needs the Python package olefile: pip install olefile")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except OSError as exc:
        raise UnsupportedFormat(path, f"a damaged OLE2 file ({exc})")
    if not ole.exists("WordDocument"):
        raise UnsupportedFormat(path, "an OLE2 file without a WordDocument stream (Excel or PowerPoint?)")
    wd = ole.openstream("WordDocument").read()
    if len(wd) < FIB_MIN:
        raise UnsupportedFormat(path, f"a damaged .doc (its WordDocument stream is {len(wd)} bytes, too short for a FIB)")
    ident, nfib = struct.unpack_from("<HH", wd, 0)
    flags = struct.unpack_from("<H", wd, 0x0A)[0]
    if ident not in (WORD97_IDENT, WORD6_IDENT):
        raise UnsupportedFormat(path, f"a damaged .doc (its File Information Block has no Word signature: {ident:#06x})")
    if ident == WORD6_IDENT or WORD6_NFIB <= nfib < WORD97_NFIB:
        raise UnsupportedFormat(path, f"a Word 6/95 or older .doc (nFib {nfib}): save it as .docx in Word")
    if nfib < WORD6_NFIB:
        raise UnsupportedFormat(path, f"a damaged .doc (its File Information Block gives version nFib {nfib})")
    if flags & 0x0100:
        raise UnsupportedFormat(path, "an encrypted (password-protected) .doc")
    table_name = "1Table" if flags & 0x0200 else "0Table"
    if not ole.exists(table_name):
        raise UnsupportedFormat(path, f"a damaged .doc: no {table_name} stream")
    table = ole.openstream(table_name).read()

    csw = struct.unpack_from("<H", wd, 32)[0]
    pos = 34 + csw * 2
    cslw = struct.unpack_from("<H", wd, pos)[0]
    rglw = pos + 2
    ccp_text, ccp_ftn = struct.unpack_from("<ii", wd, rglw + 12)
    pos = rglw + cslw * 4
    blob = pos + 2

    def fclcb(i: int) -> tuple[int, int]:
        return struct.unpack_from("<II", wd, blob + 8 * i)

    pieces = _pieces(table, *fclcb(33))
    fonts = _font_names(table, *fclcb(15))
    styles, default_font = _stylesheet(table, *fclcb(1))
    chpx = _chpx_runs(wd, table, *fclcb(12))
    papx = _papx_runs(wd, table, *fclcb(13))
    chp_starts = [r[0] for r in chpx]
    pap_starts = [r[0] for r in papx]

    def font_name(ftc: Optional[int]) -> Optional[str]:
        return fonts[ftc] if ftc is not None and 0 <= ftc < len(fonts) else None

    events: list = []
    field_depth: list[bool] = []      # per open field: are we past its separator (showing the result)?
    cur_pap_istd = 0
    limit = ccp_text + max(ccp_ftn, 0)
    for cp_start, cp_end, fc0, compressed in pieces:
        if cp_start >= limit:
            break
        cp_end = min(cp_end, limit)
        width = 1 if compressed else 2
        raw = wd[fc0:fc0 + (cp_end - cp_start) * width]
        text = raw.decode("cp1252", "replace") if compressed else raw.decode("utf-16-le", "replace")
        if compressed:
            # bytes cp1252 leaves undefined (0x81, 0x8D, ...) are kept as their Latin-1 character
            text = "".join(c if c != "\ufffd" else chr(b) for c, b in zip(text, raw))
        i = 0
        while i < len(text):
            fc = fc0 + i * width
            run = _find(chpx, chp_starts, fc)
            pap = _find(papx, pap_starts, fc)      # the paragraph this stretch belongs to (its style)
            run_end = min(run[1] if run else fc + width, pap[1] if pap else fc + width)
            j = min(len(text), i + max(1, (run_end - fc) // width))
            chp = run[2] if run else _ChpRun()
            if pap:
                cur_pap_istd = pap[2].istd
            ftc = chp.font
            if ftc is None and chp.istd is not None:
                ftc = _style_attr(styles, chp.istd, "font")
            if ftc is None:
                ftc = _style_attr(styles, cur_pap_istd, "font")
            if ftc is None:
                ftc = default_font
            bold = chp.bold if chp.bold is not None else bool(_style_attr(styles, cur_pap_istd, "bold"))
            _emit(text[i:j], fc0 + i * width, width, font_name(ftc), bold, events, field_depth,
                  papx, pap_starts)
            i = j
    return Stream(events=events, pages=_doc_pages(ole))


def _emit(text: str, fc: int, width: int, font: Optional[str], bold: bool, events: list,
          fields: list, papx, pap_starts) -> None:
    buf: list[str] = []

    def flush():
        if buf:
            events.append(Run("".join(buf), font, bold))
            buf.clear()

    for k, ch in enumerate(text):
        if ch == FIELD_BEGIN:
            flush()
            fields.append(False)
            continue
        if ch == FIELD_SEP:
            if fields:
                fields[-1] = True
            continue
        if ch == FIELD_END:
            if fields:
                fields.pop()
            continue
        if fields and not fields[-1]:
            continue                      # field code ('HYPERLINK ...', 'PAGE'): skipped
        if ch in (PARA_END, CELL_END, PAGE_BREAK):
            flush()
            pap = _find(papx, pap_starts, fc + k * width)
            p = pap[2] if pap else _PapRun()
            if ch == PAGE_BREAK:
                events.append(ParEnd())
            elif ch == CELL_END:
                events.append(ParEnd(centered=p.centered, in_table=True,
                                     cell_end=not p.ttp, row_end=p.ttp))
            else:
                events.append(ParEnd(centered=p.centered, in_table=p.in_table))
            continue
        if ch == LINE_BREAK:
            buf.append("\n")
        elif ch == "\x1e":
            buf.append("-")
        elif ch == "\t":
            buf.append(" ")
        elif ch in DROPPED:
            continue
        else:
            buf.append(ch)
    flush()


def _pieces(table: bytes, fc: int, lcb: int) -> list[tuple[int, int, int, bool]]:
    """The piece table (Clx): (cp_start, cp_end, byte offset, 8-bit?) per piece."""
    clx = table[fc:fc + lcb]
    i = 0
    while i < len(clx) and clx[i] == 1:          # Prc: skip
        i += 3 + struct.unpack_from("<H", clx, i + 1)[0]
    if i >= len(clx) or clx[i] != 2:
        raise UnsupportedFormat("", "a damaged .doc: no piece table")
    lcb_pcd = struct.unpack_from("<I", clx, i + 1)[0]
    plc = clx[i + 5:i + 5 + lcb_pcd]
    n = (lcb_pcd - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for k in range(n):
        fc_raw = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        compressed = bool(fc_raw & 0x40000000)
        off = fc_raw & 0x3FFFFFFF
        if compressed:
            off //= 2
        pieces.append((cps[k], cps[k + 1], off, compressed))
    return pieces


def _doc_pages(ole) -> Optional[int]:
    try:
        meta = ole.get_metadata()
        return meta.num_pages or None
    except Exception:          # summary information is optional and sometimes damaged
        return None


# ------------------------------------------------------------------- RTF

#: one RTF token: a control word '\fs24', a hex byte "\'b5", a control symbol '\~', a brace, or text
RTF_TOKEN = re.compile(rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+")

#: destinations whose text is not document text
RTF_SKIP = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"themedata", b"colorschememapping",
    b"datastore", b"latentstyles", b"fldinst", b"object", b"xmlnstbl", b"listtable",
    b"listoverridetable", b"rsidtbl", b"generator", b"header", b"headerl", b"headerr", b"headerf",
    b"footer", b"footerl", b"footerr", b"footerf", b"filetbl", b"revtbl", b"pgdsctbl",
    b"bkmkstart", b"bkmkend", b"nonshppict", b"shpinst", b"mmathPr", b"pntxta", b"pntxtb", b"footnote", b"annotation", b"atnid", b"atnauthor", b"private",
}
#: charset number (\fcharsetN) -> Python codec for \'xx bytes
RTF_CHARSETS = {0: "cp1252", 1: "cp1252", 2: "latin-1", 77: "mac_roman", 161: "cp1253", 162: "cp1254",
                163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874",
                238: "cp1250"}
RTF_SYMBOLS = {b"~": "\xa0", b"-": "", b"_": "-", b"{": "{", b"}": "}", b"\\": "\\"}
RTF_WORDS = {b"emdash": "—", b"endash": "–", b"lquote": "‘", b"rquote": "’", b"ldblquote": "“",
             b"rdblquote": "”", b"bullet": "•", b"tab": " ", b"line": "\n", b"enspace": " ",
             b"emspace": " ", b"qmspace": " "}


@dataclass
class _RtfState:
    font: Optional[int] = None
    bold: bool = False
    skip: bool = False
    uc: int = 1
    in_fonttbl: bool = False


def _rtf_events(data: bytes) -> Stream:
    fonts: dict[int, tuple[str, int]] = {}
    state = _RtfState()
    stack: list[_RtfState] = []
    events: list = []
    pending: bytearray = bytearray()      # \'xx bytes waiting to be decoded in the current font
    text: list[str] = []
    skip_chars = 0
    centered = in_table = False
    deff: Optional[int] = None
    font_entry: dict = {}
    new_group = False

    def font_name() -> Optional[str]:
        f = state.font if state.font is not None else deff
        return fonts.get(f, ("", 0))[0] or None if f is not None else None

    def codec() -> str:
        f = state.font if state.font is not None else deff
        return RTF_CHARSETS.get(fonts.get(f, ("", 0))[1], "cp1252") if f is not None else "cp1252"

    def flush_bytes():
        if pending:
            text.append(bytes(pending).decode(codec(), "replace"))
            pending.clear()

    def flush_run():
        flush_bytes()
        if text:
            events.append(Run("".join(text), font_name(), state.bold))
            text.clear()

    for m in RTF_TOKEN.finditer(data):
        word, arg, hexb, sym, brace, plain = m.groups()
        if brace == b"{":
            flush_run()
            stack.append(_RtfState(**vars(state)))
            new_group = True
            continue
        if brace == b"}":
            flush_run()
            state = stack.pop() if stack else _RtfState()
            new_group = False
            continue
        first = new_group
        new_group = False
        if state.in_fonttbl:
            if word == b"f" and arg is not None:
                font_entry = {"n": int(arg), "charset": 0, "name": ""}
            elif word == b"fcharset" and arg is not None:
                font_entry["charset"] = int(arg)
            elif word == b"*" or sym == b"*" or word in (b"panose", b"falt"):
                state.skip = True
            elif plain and not state.skip and font_entry.get("n") is not None:
                font_entry["name"] += plain.decode("cp1252", "replace")
                if ";" in font_entry["name"]:
                    fonts[font_entry["n"]] = (font_entry["name"].split(";")[0].strip(), font_entry["charset"])
            continue
        if sym == b"*":
            state.skip = True
            continue
        if word is not None:
            if word == b"fonttbl":
                state.in_fonttbl = True
                continue
            if word in RTF_SKIP and (first or word in (b"pict", b"fldinst", b"themedata")):
                state.skip = True
                continue
            if state.skip:
                continue
            if skip_chars and word not in (b"par", b"cell", b"row"):
                skip_chars -= 1
                continue
            n = int(arg) if arg is not None else None
            if word == b"deff":
                deff = n
            elif word == b"f":
                flush_run()
                state.font = n
            elif word == b"plain":
                flush_run()
                state.font, state.bold = None, False
            elif word == b"b":
                flush_run()
                state.bold = n != 0
            elif word == b"uc":
                state.uc = n or 0
            elif word == b"u" and n is not None:
                flush_bytes()
                text.append(chr(n + 65536 if n < 0 else n))
                skip_chars = state.uc
            elif word == b"par" or word == b"sect" or word == b"page":
                flush_run()
                events.append(ParEnd(centered=centered, in_table=in_table))
            elif word == b"cell" or word == b"nestcell":
                flush_run()
                events.append(ParEnd(centered=centered, in_table=True, cell_end=True))
            elif word == b"row" or word == b"nestrow":
                flush_run()
                events.append(ParEnd(in_table=True, row_end=True))
            elif word == b"pard":
                centered = in_table = False
            elif word == b"intbl":
                in_table = True
            elif word == b"qc":
                centered = True
            elif word in (b"ql", b"qr", b"qj"):
                centered = False
            elif word in RTF_WORDS:
                flush_bytes()
                text.append(RTF_WORDS[word])
            continue
        if state.skip:
            continue
        if hexb is not None:
            if skip_chars:
                skip_chars -= 1
                continue
            pending.append(int(hexb, 16))
            continue
        if sym is not None:
            if sym in RTF_SYMBOLS:
                flush_bytes()
                text.append(RTF_SYMBOLS[sym])
            continue
        if plain:
            s = plain
            if skip_chars:
                drop = min(skip_chars, len(s))
                s, skip_chars = s[drop:], skip_chars - drop
            if s:
                flush_bytes()
                text.append(s.decode(codec(), "replace"))
    flush_run()
    return Stream(events=events)
