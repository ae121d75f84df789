"""The PDF reader on real corpus PDFs: header columns, ruled tables, running
headers, broken text layers, stamps."""
from pathlib import Path

import pytest

from vanban.pipeline import ocr, read_pdf
from vanban.pipeline.errors import MissingTool
from vanban.pipeline.read import read
from vanban.pipeline.types import Line, Table

CORPUS = Path(__file__).parent.parent / "corpus"


def _lines(raw):
    return [it for it in raw.items if isinstance(it, Line)]


def _tables(raw):
    return [it for it in raw.items if isinstance(it, Table)]


@pytest.mark.parametrize("name,expected_first", [
    ("009_laocai-cv-7432-ubnd-xd-trien-khai-qd-1074-bxd.pdf",
     ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: /UBND-XD", "V/v triển khai thực hiện Quyết định số"]),
    ("010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf",
     ["BỘ XÂY DỰNG", "Số: 1074/QĐ-BXD", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Hà Nội, ngày 29 tháng 6 năm 2026", "QUYẾT ĐỊNH"]),
    ("077_lamdong-qd-2536-qd-ubnd-sap-nhap-doan-luat-su.pdf",
     ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: /QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
])
def test_header_columns_left_before_right(name, expected_first):
    raw = read(CORPUS / name)
    texts = [ln.text for ln in _lines(raw)]
    assert texts[:len(expected_first)] == expected_first
    assert raw.format == "pdf" and raw.pages == 2 and raw.ocr_pages == []


def test_signature_block_columns():
    texts = [ln.text for ln in _lines(read(CORPUS / "010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf"))]
    tail = texts[texts.index("Nơi nhận:"):]
    assert tail[-3:] == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Phạm Minh Hà"]
    assert "- Lưu: VT, Vụ KHCNMT&VLXD(Hiển)." in tail[:-3]


def test_ruled_table_over_pages_is_one_table():
    raw = read(CORPUS / "085_ttg-qd-982-qd-ttg-2026-de-an-dn-cong-nghe-so.pdf")
    tables = _tables(raw)
    assert len(tables) == 1
    t = tables[0]
    assert t.rows[0] == ["TT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp",
                         "Sản phẩm", "Thời gian thực hiện"]
    assert sum(row[0] == "TT" for row in t.rows) == 1            # repeated header rows dropped
    assert min(t.row_pages) == 13 and max(t.row_pages) == 23
    row_11 = next(row for row in t.rows if row[0] == "1.1")
    assert row_11[2] == "Bộ Tài chính" and row_11[5] == "Nhiệm vụ thường xuyên"
    # row 1.4 is split by the page break 13/14: joined back
    row_14 = next(row for row in t.rows if row[0] == "1.4")
    assert row_14[2] == "Bộ Khoa học và Công nghệ"
    assert row_14[1].endswith("các nhóm sản phẩm công nghệ chiến lược, công nghệ lõi.")
    # the table's text is not emitted again as lines
    assert not any("Nghiên cứu, rà soát, sửa đổi, bổ" in ln.text for ln in _lines(raw))


def test_rotated_table_reads_upright():
    raw = read(CORPUS / "094_bldtbxh-qd-135-qd-bldtbxh-2024-danh-muc-het-hieu-luc.pdf")
    cells = [c for t in _tables(raw) for row in t.rows for c in row]
    assert any(c.startswith("Thông tư số 36/2017/TT-BLĐTBXH") for c in cells)
    assert any(c == "I. LĨNH VỰC GIÁO DỤC NGHỀ NGHIỆP" for c in cells)


@pytest.mark.parametrize("name", [
    "093_bkhdt-qd-1373-qd-bkhdt-2022-dinh-chinh.pdf",      # header drawn as a ruled table
    "011_laocai-cv-3686-ubnd-xd-kien-nghi-bxd-pccc.pdf",   # words boxed one by one
    "013_laocai-cv-ubnd-kt-quan-ly-giam-sat-vlncn.pdf",    # boxed words inside a paragraph
])
def test_layout_tables_stay_lines(name):
    raw = read(CORPUS / name)
    assert _tables(raw) == []
    assert any(ln.text.startswith("Số:") for ln in _lines(raw))


def test_cong_bao_running_header_removed_pages_kept():
    raw = read(CORPUS / "083_ttg-ct-21-ct-ttg-2026-cong-bao.pdf")
    lines = _lines(raw)
    assert not any("CÔNG BÁO/Số 302" in ln.text for ln in lines)
    assert not any(ln.text.strip() in {"70", "71", "72", "73", "74", "75"} for ln in lines)
    assert {ln.page for ln in lines} == {1, 2, 3, 4, 5, 6}
    assert any(ln.page == 2 and ln.text.startswith("2. Trong quá trình triển khai thực hiện") for ln in lines)


@pytest.mark.parametrize("name,page,broken", [
    ("017_laocai-qd-1050-qd-sct-kiem-tra-vlncn-broken-font.pdf", 1, True),    # '7ӌ1+ LÀO CAI'
    ("017_laocai-qd-1050-qd-sct-kiem-tra-vlncn-broken-font.pdf", 3, True),
    ("003_laocai-kh-dkt-1105-kiem-tra-vlncn.pdf", 1, True),
    ("014_cuc-hoa-chat-qd-26-xpvphc-ocr-garbled.pdf", 1, True),              # 'ceNG noa xA Her'
    ("070_lamdong-qd-1716-qd-ubnd-2025-ocr-garbled.pdf", 2, True),
    ("015_bct-cv-2265-atmt-scan-no-text.pdf", 1, True),                       # image only
    ("068_lamdong-ttr-91-ttr-cat-pc04-scan-sao-y.pdf", 1, True),             # only a stamp as text
    ("010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf", 1, False),
    ("083_ttg-ct-21-ct-ttg-2026-cong-bao.pdf", 2, False),
    ("093_bkhdt-qd-1373-qd-bkhdt-2022-dinh-chinh.pdf", 3, False),            # blank page: nothing to OCR
    ("019_laocai-qd-2170-ctdt-kcn-ban-qua.pdf", 6, False),                   # 'M36 2497875,51 407312,41'
])
def test_broken_or_missing_text_layer_detected(name, page, broken):
    assert read_pdf.page_is_broken(str(CORPUS / name), page) is broken


@pytest.mark.parametrize("line,stamp", [
    ("SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 03/02/2026; 15:40:13; +07:00", True),         # corpus/068
    ("Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),           # corpus/087
    ("Ngày ký: 2026-04-23 10:19:19 +07:00", True),
    ("Cơ quan: VĂN PHÒNG CHÍNH PHỦ", True),
    ("- Công an tỉnh;", False),
    ("Cơ quan chủ trì: Bộ Công an.", False),
    ("Cơ quan: UBND tỉnh, các sở, ngành", False),
])
def test_signature_stamp_pattern(line, stamp):
    assert read_pdf.is_stamp(line) is stamp


def test_scanned_pdf_without_tesseract_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(ocr, "_tesseract", lambda: None)
    with pytest.raises(MissingTool, match="tesseract-ocr-vie"):
        read(CORPUS / "016_cuc-hoa-chat-cv-813-scan-no-text.pdf")
