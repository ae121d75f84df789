"""PDF characters (pipeline/pdf/chars.py) read with pdfium's per-object shortcuts give
what pdfium's per-character calls say, on real corpus PDFs."""
import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from vanban.pipeline.pdf.chars import read_chars

CORPUS = Path(__file__).parent.parent / "corpus"

#: 094: a landscape table turned on portrait pages, under an upright header ("+y" and "+x");
#: 010: bold headings ("QUYẾT ĐỊNH", "Điều 1.") amid regular text
PDFS = ["094_bldtbxh-qd-135-qd-bldtbxh-2024-danh-muc-het-hieu-luc.pdf",
        "010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf"]

_DIRECTIONS = {0: "+x", 1: "-y", 2: "-x", 3: "+y"}


def _per_character(textpage) -> dict[str, list[tuple[str, float, bool]]]:
    """(character, font size, bold) of every visible character by direction, asking
    pdfium one character at a time (the slow way read_chars avoids)."""
    raw = textpage.raw
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n)
    out: dict[str, list] = {}
    for i, c in enumerate(text):
        if c.isspace():
            continue
        angle = max(pdfium_c.FPDFText_GetCharAngle(raw, i), 0.0)
        direction = "+x" if angle == 0.0 else _DIRECTIONS[round(angle / (3.141592653589793 / 2)) % 4]
        out.setdefault(direction, []).append(
            (c, pdfium_c.FPDFText_GetFontSize(raw, i), pdfium_c.FPDFText_GetFontWeight(raw, i) >= 600))
    return out


@pytest.mark.parametrize("name", PDFS)
def test_size_weight_and_direction_per_text_object_match_per_character(name):
    pdf = pdfium.PdfDocument(str(CORPUS / name))
    try:
        for page in pdf:
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars, direction, others, _ = read_chars(textpage, width, height)
            ours = {d: g for d, g in [(direction, chars), *others] if g}
            expected = _per_character(textpage)
            assert set(ours) == set(expected)
            for d, group in ours.items():
                assert [(ch.c, ch.bold) for ch in group] == [(c, bold) for c, _, bold in expected[d]]
                assert all(ch.size == size for ch, (_, size, _) in zip(group, expected[d]) if size >= 3)
    finally:
        pdf.close()


def test_rotated_and_bold_text_is_present():
    """The two PDFs above do hold what the test compares: turned text and bold text."""
    found = set()
    for name in PDFS:
        pdf = pdfium.PdfDocument(str(CORPUS / name))
        for page in pdf:
            width, height = page.get_size()
            chars, direction, others, _ = read_chars(page.get_textpage(), width, height)
            found |= {direction, *(d for d, _ in others)}
            if any(ch.bold for ch in chars):
                found.add("bold")
        pdf.close()
    assert {"+x", "+y", "bold"} <= found


@pytest.mark.parametrize("name", PDFS)
def test_characters_pdfium_generates_are_white_space(name):
    """read_chars skips white space without asking FPDFText_IsGenerated: pdfium's
    generated characters (inferred word spaces, line breaks) must all be white space."""
    pdf = pdfium.PdfDocument(str(CORPUS / name))
    generated: list[str] = []
    try:
        for page in pdf:
            textpage = page.get_textpage()
            n = textpage.count_chars()
            text = textpage.get_text_range(0, n)
            generated += [text[i] for i in range(n) if pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1]
    finally:
        pdf.close()
    assert generated and all(c.isspace() for c in generated)


@pytest.mark.parametrize("name", PDFS)
def test_baseline_asked_once_per_level_run_is_each_characters_origin(name):
    """read_chars asks a level text object (char angle 0) for its baseline once, at its
    first character: every character's own origin (FPDFText_GetCharOrigin) must give the
    same baseline, on the upright text of both PDFs ('QUYẾT ĐỊNH', 'Điều 1.', the gazette
    header over 094's turned table)."""
    pdf = pdfium.PdfDocument(str(CORPUS / name))
    try:
        checked = 0
        for page in pdf:
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars, direction, others, _ = read_chars(textpage, width, height)
            upright = chars if direction == "+x" else dict(others).get("+x", [])
            raw, n = textpage.raw, textpage.count_chars()
            text = textpage.get_text_range(0, n)
            x, y = ctypes.c_double(), ctypes.c_double()
            expected = []
            for i, c in enumerate(text):
                if not c.isspace() and pdfium_c.FPDFText_GetCharAngle(raw, i) == 0.0:
                    pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
                    expected.append((c, height - y.value))
            assert [(ch.c, ch.base) for ch in upright] == expected
            checked += len(expected)
    finally:
        pdf.close()
    assert checked > 1000
