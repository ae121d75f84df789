"""Word 97-2003 binary (.doc) -> the legacy event stream (legacy_stream.py).

    doc_events(path, data) -> Stream

olefile opens the OLE2 container; the FIB, piece table, CHPX/PAPX pages, style sheet and font
table are read per [MS-DOC], so every run keeps its font (TCVN3 '.VnTime', VNI 'VNI-Times').
Word 6/95 files (nFib < 101) and encrypted files get a clear error.
"""
from __future__ import annotations

import io
import struct
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from .errors import MissingTool, UnsupportedFormat
from .legacy_stream import ParEnd, Run, Stream

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


def doc_events(path: str, data: bytes) -> Stream:
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
