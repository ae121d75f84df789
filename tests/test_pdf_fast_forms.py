"""The PDF reader's faster forms give what the plain forms give, on real corpus pages:
the OCR gate's plausibility judging each distinct word once (weighed by its count), a
segment's text built by one comprehension, and the cycle collector held off while pages
are read and restored after."""
import gc
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from vanban.pipeline import read_pdf as read_pdf_module
from vanban.pipeline.pdf import rows as rows_module
from vanban.pipeline.pdf.chars import read_chars
from vanban.pipeline.plausibility import _ACRONYM, _TOKEN, is_syllable, plausibility
from vanban.pipeline.read_pdf import read_pdf

REPO = Path(__file__).parent.parent
CORPUS = REPO / "corpus"

#: 010: a good text layer with codes glued to digits ("55/2024/QH15"); 014: a garbled
#: OCR layer ('ceNG noa xA Her'), whose share falls under the gate's 0.7
PDFS = ["010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf", "014_cuc-hoa-chat-qd-26-xpvphc-ocr-garbled.pdf"]


def _page_texts(name: str) -> list[str]:
    pdf = pdfium.PdfDocument(str(CORPUS / name))
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def _token_by_token(text: str) -> tuple[int, int]:
    """(valid, counted) judging every word where it stands (the plain form)."""
    valid = counted = 0
    for m in _TOKEN.finditer(text):
        word = m.group()
        if any(ch.isdigit() for ch in word):
            continue
        if is_syllable(word):
            valid += 1
            counted += 1
        elif not _ACRONYM.match(word):
            counted += 1
    return valid, counted


@pytest.mark.parametrize("name", PDFS)
def test_plausibility_by_distinct_words_counts_as_word_by_word(name):
    texts = _page_texts(name)
    assert texts
    for text in texts:
        p = plausibility(text)
        assert (p.valid, p.counted) == _token_by_token(text)


def test_the_compared_pages_hold_repeats_codes_and_garbage():
    """The pages above hold what the comparison needs: words repeated, words with
    digits left out, and a page the gate calls broken next to good ones."""
    good = " ".join(_page_texts(PDFS[0]))
    words = _TOKEN.findall(good)
    assert len(set(words)) < len(words) / 2
    assert "QH15" in words
    assert plausibility(good).share > 0.9
    assert any(plausibility(t).share < 0.7 for t in _page_texts(PDFS[1]))


def _plain_text(chars) -> str:
    """A segment's text the plain way: a space where the text layer has one or the
    gap from the last letter is wide (the tracking of squeezed text taken off)."""
    rest = chars[1:]
    gaps = [b.x0 - a.x1 for a, b in zip(chars, rest)]
    tracking = rows_module._tracking(chars, gaps)
    parts = [chars[0].c]
    for ch, gap in zip(rest, gaps):
        if ch.space_before or gap - tracking > rows_module._SPACE_GAP * ch.size:
            parts.append(" ")
        parts.append(ch.c)
    return "".join(parts)


@pytest.mark.parametrize("path,squeezed", [
    (CORPUS / "010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf", False),
    # 109/NQ-CP's Phụ lục IV: letters squeezed into narrow cells ('1. Bộ Tài chính đối với ...')
    (REPO / "tests/data/pdf_tables/congbao-nq-109-nq-cp-2026-phu-luc-iv-p55-57.pdf", True),
])
def test_segment_text_as_the_plain_loop(path, squeezed, monkeypatch):
    segments = []
    plain = rows_module._seg

    def keep(chars, page):
        segments.append(chars)
        return plain(chars, page)

    monkeypatch.setattr(rows_module, "_seg", keep)
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            width, height = page.get_size()
            chars = read_chars(page.get_textpage(), width, height)[0]
            rows_module.python_rows(chars.as_chars(), 1)
    finally:
        pdf.close()
    monkeypatch.undo()
    assert len(segments) > 40
    spaced = tracked = 0
    for chars in segments:
        seg = rows_module._seg(chars, 1)
        kept = rows_module._without_note_marks(chars) if len(chars) >= 4 else chars
        assert seg.text == _plain_text(kept)
        assert seg.size == rows_module.median([c.size for c in kept])
        spaced += " " in seg.text
        tracked += rows_module._tracking(kept, [b.x0 - a.x1 for a, b in zip(kept, kept[1:])]) < 0
    assert spaced > len(segments) / 4
    assert (tracked > 0) is squeezed


def test_collector_restored_after_reading():
    path = CORPUS / "010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf"
    data = path.read_bytes()
    assert gc.isenabled()
    raw = read_pdf(str(path), data, "x")
    assert gc.isenabled() and raw.pages == 2
    gc.disable()
    try:
        read_pdf(str(path), data, "x")
        assert not gc.isenabled()              # left as the caller had it
    finally:
        gc.enable()


def test_collector_restored_when_a_page_fails(monkeypatch):
    path = CORPUS / "010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf"

    def broken(*args):
        raise RuntimeError("page 1 cannot be read")

    monkeypatch.setattr(read_pdf_module, "read_chars", broken)
    with pytest.raises(RuntimeError, match=re.escape("page 1 cannot be read")):
        read_pdf(str(path), path.read_bytes(), "x")
    assert gc.isenabled()
