"""The compiled loops (pipeline/pdf/loops.c) against the Python loops they stand in
for: the same characters (pipeline/pdf/chars.py, _python_loop), field for field and of
the same types, and the same rulings (pipeline/pdf/rulings.py), on real PDF pages; the
white-space test against str.isspace."""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pytest

from conftest import CORPUS

from vanban.pipeline.pdf import chars, rulings
from vanban.pipeline.pdf.native import char_loop, library_path

loop = char_loop()
needs_loop = pytest.mark.skipif(loop is None, reason="no C compiler: the Python loop is the only one")

#: 094: a landscape table turned on portrait pages under an upright header ("+y" and "+x");
#: 010: bold headings amid regular text; 120: a gazette issue with ruled tables and footnotes;
#: 017: a broken font map (private-use characters)
PDFS = ["094_bldtbxh-qd-135-qd-bldtbxh-2024-danh-muc-het-hieu-luc.pdf",
        "010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf",
        "120_congbao-ttg-qd-893-qd-ttg-2026-nhan-luc-nang-luong-nguyen-tu.pdf",
        "017_laocai-qd-1050-qd-sct-kiem-tra-vlncn-broken-font.pdf"]


def _fields(ch: chars.Char) -> tuple:
    return (ch.c, ch.x0, ch.top, ch.x1, ch.bottom, ch.base, ch.size, ch.space_before, ch.bold,
            type(ch.space_before), type(ch.bold))


def _both(path) -> list[tuple[dict, dict]]:
    """(Python loop, compiled loop) of every page with characters, by direction."""
    pdf = pdfium.PdfDocument(str(path))
    out = []
    try:
        for page in pdf:
            width, height = page.get_size()
            textpage = page.get_textpage()
            n = textpage.count_chars()
            if n <= 0:
                continue
            text = textpage.get_text_range(0, n)
            if len(text) != n:
                text, _ = chars._code_units(textpage, n)
            out.append((chars.by_direction(chars._python_loop(textpage, text, width, height)),
                        chars.by_direction(chars._native_loop(loop, textpage, n, text, width, height))))
    finally:
        pdf.close()
    return out


def _assert_same(path) -> set[str]:
    directions = set()
    for python, native in _both(path):
        assert list(python) == list(native)          # the directions, in order of first appearance
        for d in python:
            assert list(python[d].index) == list(native[d].index)
            assert [_fields(ch) for ch in python[d].as_chars()] == [_fields(ch) for ch in native[d].as_chars()], \
                (path.name, d)
        directions |= set(python)
    return directions


@needs_loop
@pytest.mark.parametrize("name", PDFS)
def test_compiled_loop_gives_the_python_loops_characters(name):
    _assert_same(CORPUS / name)


@needs_loop
def test_the_compared_pages_hold_turned_text():
    assert {"+x", "+y"} <= _assert_same(CORPUS / PDFS[0])


@needs_loop
@pytest.mark.slow
def test_compiled_loop_on_every_corpus_pdf():
    for path in sorted(CORPUS.glob("*.pdf")):
        _assert_same(path)


@needs_loop
def test_white_space_is_pythons():
    isspace = ctypes.CDLL(str(library_path())).vb_isspace
    isspace.argtypes = [ctypes.c_uint32]
    assert [u for u in range(0x110000) if isspace(u)] == [u for u in range(0x110000) if chr(u).isspace()]


@needs_loop
def test_visible_characters_are_the_non_space_ones():
    """_native_loop takes the characters' text from str.split(): the same test as the loop's."""
    text = "".join(map(chr, range(0x3100)))
    assert "".join(text.split()) == "".join(c for c in text if not c.isspace())


def test_without_the_compiled_loop_the_python_loop_reads(monkeypatch):
    monkeypatch.setattr(chars, "char_loop", lambda: None)
    pdf = pdfium.PdfDocument(str(CORPUS / PDFS[1]))
    page = pdf[0]
    main, direction, _, _ = chars.read_chars(page.get_textpage(), *page.get_size())
    pdf.close()
    assert direction == "+x" and "QUYẾT ĐỊNH" in "".join(ch.c if not ch.space_before else " " + ch.c for ch in main)


def _rulings_both(path, monkeypatch) -> list[tuple]:
    """(Python loop, compiled loop) of ruling() on every page."""
    pdf = pdfium.PdfDocument(str(path))
    out = []
    try:
        for page in pdf:
            height = page.get_size()[1]
            native = rulings.ruling(page, height)
            with monkeypatch.context() as m:
                m.setattr(rulings, "page_rulings", lambda: None)
                out.append((rulings.ruling(page, height), native))
    finally:
        pdf.close()
    return out


@needs_loop
@pytest.mark.parametrize("name", PDFS)
def test_compiled_rulings_are_the_python_loops(name, monkeypatch):
    pairs = _rulings_both(CORPUS / name, monkeypatch)
    assert all(python == native for python, native in pairs)
    assert all(type(x) is float for _, (h, v) in pairs for e in h + v for x in e)


@needs_loop
def test_compiled_rulings_when_the_first_buffer_is_too_small(monkeypatch):
    """120's ruled tables hold more edges than a 3-edge buffer: the loop asks again."""
    monkeypatch.setattr(rulings, "_EDGES", 3)
    pairs = _rulings_both(CORPUS / PDFS[2], monkeypatch)
    assert max(len(h) + len(v) for _, (h, v) in pairs) > 3 * 4
    assert all(python == native for python, native in pairs)


@needs_loop
@pytest.mark.slow
def test_compiled_rulings_on_every_corpus_pdf(monkeypatch):
    for path in sorted(CORPUS.glob("*.pdf")):
        assert all(python == native for python, native in _rulings_both(path, monkeypatch)), path.name


def test_no_compiled_loops_where_the_cache_cannot_be_written(monkeypatch, tmp_path):
    """A cache that cannot be made (here under a regular file): no library, the Python loops."""
    from vanban.pipeline.pdf import native
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("VANBAN_NATIVE_CACHE", str(blocker / "cache"))
    native._library.cache_clear()
    try:
        assert native.char_loop() is None and native.page_rulings() is None
        assert native.rows_loop() is None and native.cells_loop() is None
    finally:
        monkeypatch.undo()
        native._library.cache_clear()
