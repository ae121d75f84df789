"""DOCX reader on real corpus files: automatic numbering, merged cells,
header and signature layout tables, legacy-font runs."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from vanban.pipeline.read import read
from vanban.pipeline.types import Line, Table

CORPUS = Path(__file__).parent.parent / "corpus"
F061 = CORPUS / "061_lamdong-kh-ubnd-cchc-2026-final.docx"
F002 = CORPUS / "002_laocai-kh-sct-2242-kiem-tra-vlncn.docx"
F096 = CORPUS / "096_lamdong-bc-cchc-quy-i-2026.docx"


def _lines(path):
    return [it.text for it in read(path).items if isinstance(it, Line)]


def _tables(path):
    return [it for it in read(path).items if isinstance(it, Table)]


def _document_xml_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


# Word's automatic numbering (w:numPr): the marker is printed, not stored in the text
@pytest.mark.parametrize("path,line,stored", [
    (F061, "1. Cải cách thể chế", "Cải cách thể chế"),
    (F061, "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
     "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
    (F061, "c) Sở Nội vụ có trách nhiệm giúp Ủy ban nhân dân tỉnh theo dõi, kiểm tra, đôn đốc", "Sở Nội vụ"),
    (F061, "b) Các cơ quan, đơn vị, địa phương căn cứ nhiệm vụ được giao, đề xuất bố trí kinh phí",
     "Các cơ quan, đơn vị, địa phương căn cứ nhiệm vụ được giao, đề xuất bố trí kinh phí"),
])
def test_automatic_numbering(path, line, stored):
    assert stored in _document_xml_text(path)
    assert line not in _document_xml_text(path)      # the marker really is Word's numbering
    assert any(l.startswith(line) for l in _lines(path))


def test_numbering_in_table_cells():
    # 002: the TT column is numbered by Word ('1.', '2.', '3.'), the cells hold no text
    table = _tables(F002)[0]
    assert table.rows[0][:2] == ["TT", "Nhiệm vụ thực hiện"]
    assert [r[0] for r in table.rows[1:4]] == ["1.", "2.", "3."]
    assert table.rows[1][1] == "Rà soát việc đáp ứng các điều kiện của học viên"


def test_merged_cells_repeated():
    # 096: 'Kết quả thống kê' spans two columns; 'STT' and 'Chỉ tiêu ...' span two rows
    rows = _tables(F096)[0].rows
    assert rows[0][2] == rows[0][3] == "Kết quả thống kê"
    assert rows[1][2:4] == ["Đơn vị tính", "Số liệu"]
    assert rows[1][0] == rows[0][0] == "STT"
    assert rows[1][1] == rows[0][1]
    assert all(len(r) == len(rows[0]) for r in rows)


@pytest.mark.parametrize("path,first", [
    (F061, ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày tháng 12 năm 2025", "KẾ HOẠCH"]),
    (F002, ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: /KH-SCT", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày tháng 4 năm 2026", "KẾ HOẠCH"]),
])
def test_header_layout_table_as_lines(path, first):
    items = read(path).items
    assert all(isinstance(it, Line) for it in items[:len(first)])
    assert [it.text for it in items[:len(first)]] == first
    assert not any("CỘNG H" in c for t in _tables(path) for r in t.rows for c in r)


def test_signature_layout_table_as_lines():
    lines = _lines(F061)
    i = lines.index("Nơi nhận:")
    assert lines[i + 1] == "- Bộ Nội vụ;"
    assert lines.index("KT. CHỦ TỊCH") > i
    assert lines[lines.index("KT. CHỦ TỊCH") + 1:lines.index("KT. CHỦ TỊCH") + 3] == \
        ["PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.docx")), ids=lambda p: p.name)
def test_every_corpus_docx_reads(path):
    raw = read(path)
    assert raw.format == "docx"
    assert raw.legacy_encoding is None                # modern Unicode documents: untouched
    assert sum(isinstance(it, Line) for it in raw.items) > 10


def _docx(body: str) -> bytes:
    """A minimal .docx around a document.xml body (for run-level font tests)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml",
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body>{body}</w:body></w:document>")
    return buf.getvalue()


def _run(font: str, text: str) -> str:
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>'
            f'<w:t xml:space="preserve">{text}</w:t></w:r>')


def test_docx_legacy_font_runs(tmp_path):
    # one paragraph mixing a TCVN3 run, a VNI run and a Unicode run (texts from corpus/legacy)
    body = ("<w:p>" + _run(".VnTime", "c¸c chi nh¸nh cña tæ chøc n\xadíc ngoµi ")
            + _run("VNI-Times", "Ñoäc laäp - Töï do - Haïnh phuùc ")
            + _run("Times New Roman", "Lâm Đồng") + "</w:p>")
    path = tmp_path / "mixed.docx"
    path.write_bytes(_docx(body))
    raw = read(path)
    assert raw.items[0].text == ("các chi nhánh của tổ chức nước ngoài Độc lập - Tự do - Hạnh phúc Lâm Đồng")
    assert raw.legacy_encoding == "TCVN3+VNI"
