"""PDF characters: every visible character of a page's text layer with its box and
baseline, in upright reading space.  pdfium's per-character calls are made by a
compiled loop (pdf/loops.c, one call a page) where it can be built, else by the
Python loop here (without ctypes' argument conversion), which the compiled one is
tested against."""
from __future__ import annotations

import ctypes
import math
from array import array
from functools import lru_cache

import pypdfium2.raw as pdfium_c

from .charset import DIRECTION, FIELDS, Char, Chars, PageChars
from .native import addresses, char_loop

__all__ = ["Char", "Chars", "read_chars"]

_DIRECTIONS = ("+x", "-y", "-x", "+y")   # by quarter turns of pdfium's char angle (clockwise)


def bare(fn, restype):
    """A pdfium C function called without ctypes' argument conversion."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)


def bare_all(*specs) -> tuple:
    """bare() of each (function, return type) pair."""
    return tuple(bare(fn, restype) for fn, restype in specs)


@lru_cache(maxsize=1)
def _char_calls():
    """pdfium's per-character functions called without ctypes' argument conversion
    (the text page handle as c_void_p, out-parameters passed by reference): the
    per-character loop below makes four calls a character, and ctypes' checks
    doubled their cost.  Same C functions, same results."""
    c = pdfium_c
    return bare_all((c.FPDFText_GetTextObject, ctypes.c_void_p),
                    (c.FPDFText_GetCharBox, ctypes.c_int), (c.FPDFText_GetLooseCharBox, ctypes.c_int),
                    (c.FPDFText_GetCharOrigin, ctypes.c_int), (c.FPDFText_GetFontSize, ctypes.c_double),
                    (c.FPDFText_GetFontWeight, ctypes.c_int), (c.FPDFText_GetCharAngle, ctypes.c_float))


def read_chars(textpage, width: float, height: float) -> tuple[Chars, str, list[tuple[str, Chars]], int]:
    """Every visible character with its box and baseline, in upright reading space,
    the direction the text ran in, the characters running other ways, and how many
    unpaired UTF-16 surrogates of the text layer were replaced by U+FFFD.

    Font size, weight and angle belong to a character's text object in pdfium (its
    font, its matrix): they are asked once for each run of characters from one object.
    The characters pdfium generates (FPDFText_IsGenerated: the word spaces and line
    breaks it infers) are all white space, which the loop skips without asking.

    The per-character calls cost 200-500 ns each through ctypes, a third of the reader's
    time; the compiled loop makes them for a page in one call (pdf/native.py)."""
    n = textpage.count_chars()
    if n <= 0:
        return Chars.empty(), "+x", [], 0
    text = textpage.get_text_range(0, n)
    replaced = 0
    if len(text) != n:
        text, replaced = _code_units(textpage, n)
    loop = char_loop()
    page = _python_loop(textpage, text, width, height) if loop is None else _native_loop(loop, textpage, n, text, width, height)
    groups = by_direction(page)
    if not groups:
        return Chars.empty(), "+x", [], replaced
    counts = {d: len(g) for d, g in groups.items()}
    direction = max(counts, key=counts.get)
    main = groups.pop(direction)
    return main, direction, [(d, g) for d, g in groups.items()], replaced


def by_direction(page: PageChars) -> dict[str, Chars]:
    """The page's characters by the direction they run in, in order of first appearance."""
    if not len(page):
        return {}
    dirs = page.column(DIRECTION)
    if not any(dirs):
        return {"+x": Chars(page, range(len(page)))}
    groups: dict[str, list[int]] = {}
    for i, d in enumerate(dirs):
        groups.setdefault(_DIRECTIONS[int(d)], []).append(i)
    return {d: Chars(page, index) for d, index in groups.items()}


_FIELDS = len(FIELDS)     # loops.c's out arrays: x0, top, x1, bottom, base, size, space, bold, direction


@lru_cache(maxsize=1)
def _function_addresses() -> ctypes.Array:
    """The addresses of pdfium's functions the compiled loop calls, in its order."""
    c = pdfium_c
    return addresses(c.FPDFText_GetTextObject, c.FPDFText_GetCharBox, c.FPDFText_GetLooseCharBox,
                     c.FPDFText_GetCharOrigin, c.FPDFText_GetFontSize, c.FPDFText_GetFontWeight, c.FPDFText_GetCharAngle)


def _native_loop(loop, textpage, n: int, text, width: float, height: float) -> PageChars:
    """The page's characters from the compiled loop (pdf/loops.c, the same steps as
    _python_loop): one call a page; its packed arrays are kept as they are."""
    if not isinstance(text, str):
        text = "".join(text)
    out = array("d", bytes(8 * _FIELDS * n))
    m = loop(ctypes.cast(textpage.raw, ctypes.c_void_p).value, n, text.encode("utf-32-le", "surrogatepass"),
             width, height, _function_addresses(), out.buffer_info()[0])
    visible = "".join(text.split())          # str.split(): the white space str.isspace() knows
    assert len(visible) == m
    return PageChars(visible, packed=out, stride=n)


def _python_loop(textpage, text, width: float, height: float) -> PageChars:
    """The page's characters: pdfium's calls for each character through ctypes (where
    the compiled loop cannot be built)."""
    text_object, char_box, loose_box, char_origin, font_size, font_weight, char_angle = _char_calls()
    tp = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    l_, r_, b_, t_ = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    l_ref, r_ref, b_ref, t_ref = ctypes.byref(l_), ctypes.byref(r_), ctypes.byref(b_), ctypes.byref(t_)
    loose = pdfium_c.FS_RECTF()
    loose_ref = ctypes.byref(loose)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
    found: list[tuple] = []                # (c, x0, top, x1, bottom, base, size, space, bold, direction)
    space = False
    run = None                             # the text object of the current run of characters
    run_size = 0.0
    run_base = 0.0
    bold = level = small = False
    direction = "+x"
    for i, c in enumerate(text):
        if c.isspace():                    # "\r" and "\n" too, but they are no word space
            if c != "\r" and c != "\n":
                space = True
            continue
        obj = text_object(tp, i)
        if obj != run or obj is None:      # a new run: about four characters a run in the corpus
            run = obj
            run_size = font_size(tp, i)
            small = run_size < 3
            bold = font_weight(tp, i) >= 600
            angle = char_angle(tp, i)
            # at angle 0 the text object's matrix has no turn: its characters share one
            # baseline (the origin's y), asked once for the run (measured: the same on
            # every character of the corpus and the gazette pool)
            level = angle == 0.0
            if level:
                char_origin(tp, i, ox_ref, oy_ref)
                run_base = height - oy.value
                direction = "+x"
            else:
                direction = _direction(angle)
            code = _DIRECTIONS.index(direction)
        char_box(tp, i, l_ref, r_ref, b_ref, t_ref)
        # the loose box spans the glyph's advance: gaps between narrow glyphs ('1') stay true
        loose_box(tp, i, loose_ref)
        if level:                           # _upright_char's first case, inlined: nearly every character
            t = height - t_.value
            b = height - b_.value
            found.append((c, loose.left, t, loose.right, b, run_base,
                          (b - t if b - t > 1.0 else 1.0) if small else run_size, space, bold, code))
        else:
            char_origin(tp, i, ox_ref, oy_ref)
            found.append(_upright_char(c, direction, loose.left, loose.right, b_.value, t_.value, ox.value, oy.value,
                                       run_size, space, bold, width, height) + (code,))
        space = False
    if not found:
        return PageChars("")
    columns = [list(col) for col in zip(*found)]
    return PageChars("".join(columns[0]), columns=columns[1:])


_QUARTER = math.pi / 2


def _direction(angle: float) -> str:
    """The direction of text at pdfium's char angle (radians, clockwise; -1 unknown)."""
    angle = max(angle, 0.0)
    return "+x" if angle == 0.0 else _DIRECTIONS[round(angle / _QUARTER) % 4]


def _code_units(textpage, n: int) -> tuple[list[str], int]:
    """The text of characters 0..n-1 one by one, from pdfium's UTF-16 code units: a
    surrogate pair becomes one character at its first index (its second index "\\n", which
    the reading loop skips), an unpaired surrogate U+FFFD ("surrogates not allowed" would
    stop the document later, when the text is encoded).  Also: how many were replaced."""
    get = pdfium_c.FPDFText_GetUnicode
    units = [get(textpage.raw, i) for i in range(n)]
    out: list[str] = []
    replaced = 0
    i = 0
    while i < n:
        u = units[i] or 32
        if 0xD800 <= u <= 0xDBFF and i + 1 < n and 0xDC00 <= units[i + 1] <= 0xDFFF:
            out += [chr(0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)), "\n"]
            i += 2
            continue
        if 0xD800 <= u <= 0xDFFF:
            out.append("\ufffd")
            replaced += 1
        else:
            out.append(chr(u))
        i += 1
    return out, replaced


def _upright_char(c: str, d: str, left: float, right: float, bottom: float, top: float, ox: float, oy: float,
                  size: float, space: bool, bold: bool, width: float, height: float) -> tuple:
    """One character turned upright (landscape tables printed on portrait pages).

    Its direction `d` comes from its angle (clockwise): +x normal (0°); +y text running
    up the page (270°); -x upside down (180°); -y running down (90°).  The page's
    direction is its most common one (read_chars); characters running another way (the
    upright gazette header over a rotated table) come back as their own groups.
    """
    if d == "+x":
        x0, x1, t, b, base = left, right, height - top, height - bottom, height - oy
    elif d == "+y":          # reading x = y; lines stack left to right
        x0, x1, t, b, base = bottom, top, left, right, ox
    elif d == "-y":
        x0, x1, t, b, base = height - top, height - bottom, width - right, width - left, width - ox
    else:
        x0, x1, t, b, base = width - right, width - left, bottom, top, oy
    if size < 3:                      # font size 1 with a scaled matrix: use the box
        size = max(b - t, 1.0)
    return (c, x0, t, x1, b, base, size, space, bold)
