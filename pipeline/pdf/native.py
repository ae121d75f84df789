"""The compiled loops (loops.c: characters, rulings; rows.c: rows; cells.c: table cells),
built on first use and loaded by pipeline/native.py.  None where they cannot be
(no compiler, a read-only cache, VANBAN_PDF_NATIVE=0 or VANBAN_NATIVE=0): chars.py, rulings.py, rows.py
and cells.py then run their Python steps, which give the same characters, rulings, rows
and cells, only slower.

The library is plain C with no link to pdfium (it is handed pdfium's function
addresses), so it depends on neither the Python version nor pypdfium2's build; its
file name carries a hash of the sources, so an edited source is built again."""
from __future__ import annotations

import ctypes
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .. import native

SOURCES = tuple(Path(__file__).with_name(name) for name in ("loops.c", "rows.c", "cells.c"))


def library_path() -> Path:
    """Where the built library of these sources lives."""
    return native.library_path("pdfloops", SOURCES)


@lru_cache(maxsize=1)
def _library() -> Optional[ctypes.CDLL]:
    """The built library, or None (the Python loops are used)."""
    if os.environ.get("VANBAN_PDF_NATIVE", "1") == "0":
        return None
    lib = native.build_and_load("pdfloops", SOURCES)
    if lib is None:
        return None
    lib.vb_read_chars.restype = ctypes.c_int
    lib.vb_read_chars.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_double,
                                  ctypes.c_double, ctypes.c_void_p, ctypes.c_void_p]
    lib.vb_page_rulings.restype = ctypes.c_long
    lib.vb_page_rulings.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_uint,
                                    ctypes.c_double, ctypes.c_void_p, ctypes.c_long]
    lib.vb_make_rows.restype = ctypes.c_int
    lib.vb_make_rows.argtypes = [ctypes.c_void_p, ctypes.c_long, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p,
                                 ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p,
                                 ctypes.POINTER(ctypes.c_int)]
    lib.vb_cell_members.restype = ctypes.c_int64
    lib.vb_cell_members.argtypes = [ctypes.c_void_p, ctypes.c_long, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                                    ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64, ctypes.c_void_p,
                                    ctypes.c_void_p]
    return lib


def addresses(*functions) -> ctypes.Array:
    """The C addresses of ctypes functions (pdfium's, as pypdfium2 loaded them), as an
    array of pointers: how the compiled loops are handed pdfium."""
    return (ctypes.c_void_p * len(functions))(*[ctypes.cast(fn, ctypes.c_void_p).value for fn in functions])


def _function(name: str):
    """The compiled function `name` (loops.c, rows.c, cells.c), or None when there is no library (no
    compiler, or turned off)."""
    lib = _library()
    return None if lib is None else getattr(lib, name)


def char_loop():
    """vb_read_chars (pipeline/pdf/chars.py's loop), or None."""
    return _function("vb_read_chars")


def rows_loop():
    """vb_make_rows (pipeline/pdf/rows.py's make_rows), or None."""
    return _function("vb_make_rows")


def cells_loop():
    """vb_cell_members (pipeline/pdf/cells.py's members), or None."""
    return _function("vb_cell_members")


def page_rulings():
    """vb_page_rulings (pipeline/pdf/rulings.py's loop), or None."""
    return _function("vb_page_rulings")
