"""OCR of one real scanned page (skipped with a reason when tesseract/vie is absent)."""
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from vanban.pipeline import ocr
from vanban.pipeline.plausibility import plausibility

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.mark.parametrize("raw,fixed", [
    ("S6: /QD-XPVPHC Hd NAi", "Số: /QĐ-XPVPHC Hd NAi"),          # corpus/014 header
    ("Sô: 2336/QD-UBND", "Số: 2336/QĐ-UBND"),
    ("Nghị định số 71/2019/ND-CP", "Nghị định số 71/2019/NĐ-CP"),
    ("Kính gửi: Ủy ban nhân dân các tỉnh", "Kính gửi: Ủy ban nhân dân các tỉnh"),   # nothing to repair
    ("Số:1050 /QĐĐ-SCT", "Số:1050 /QĐ-SCT"),                     # corpus/017 OCR
    ("QUYÉT ĐỊNH", "QUYẾT ĐỊNH"),                                 # corpus/017 OCR
    ("Ban hành Quyết định", "Ban hành Quyết định"),
])
def test_header_repairs(raw, fixed):
    assert ocr.repair(raw) == fixed


def test_tsv_rows_split_wide_gaps():
    # two header columns tesseract put on one line (corpus/015 page 1)
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t100\t100\t60\t40\t95\tBỘ\n"
           "5\t1\t1\t1\t1\t2\t170\t100\t200\t40\t95\tCÔNG THƯƠNG\n"
           "5\t1\t1\t1\t1\t3\t900\t100\t150\t40\t95\tCỘNG\n")
    rows = ocr.lines_from_tsv(tsv, 1, 72 / 300)
    assert [[seg.text for seg in row] for row in rows] == [["BỘ CÔNG THƯƠNG", "CỘNG"]]


@pytest.mark.skipif(not ocr.available(),
                    reason="tesseract with the Vietnamese model (tesseract-ocr-vie) is not installed")
def test_ocr_one_scanned_page_reads_vietnamese():
    pdf = pdfium.PdfDocument(str(CORPUS / "015_bct-cv-2265-atmt-scan-no-text.pdf"))
    rows = ocr.ocr_pages("015", pdf, [1])[1]
    text = "\n".join(seg.text for row in rows for seg in row)
    assert "Kính gửi" in text
    assert "15/2026/TT-BCT" in text
    assert plausibility(text).share > 0.9
    pdf.close()
