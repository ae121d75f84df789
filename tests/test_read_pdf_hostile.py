"""PDFs that must not stop a batch: a text layer with unpaired UTF-16 surrogates (the
gazette printed 3 of 394 such PDFs: 'surrogates not allowed'), no pages, a password.
Each is written byte by byte (tests/pdf_maker.py)."""
from __future__ import annotations

import json

import pytest

import pdf_maker
from vanban.pipeline import parse
from vanban.pipeline.errors import VanbanError
from vanban.pipeline.read import read

# the header and two articles of 126/NQ-CP (../shared/pool/congbao), as its text layer
LINES = ["CHÍNH PHỦ", "Số: 126/NQ-CP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
         "Hà Nội, ngày 11 tháng 5 năm 2026", "NGHỊ QUYẾT",
         "Về việc chuyển giao Làng Văn hóa - Du lịch các dân tộc Việt Nam",
         "Điều 1. Giao Bộ Văn hoá, Thể thao và Du lịch chủ trì tổ chức bàn giao.",
         "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành."]


def _write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_unpaired_surrogates_are_replaced_with_a_warning_and_the_document_read(tmp_path):
    path = _write(tmp_path, "surrogates.pdf", pdf_maker.text_pdf(LINES, {"ệ": 0xD835}))
    doc = parse(path)
    out = doc.model_dump_json()
    out.encode("utf-8")                                   # raised 'surrogates not allowed' before
    assert doc.metadata.identifier == "126/NQ-CP"
    assert [w.location for w in doc.warnings if w.code == "pdf_text_surrogates"] == ["page 1"]
    assert "Về vi\ufffdc chuyển giao" in json.loads(out)["text"]


def test_a_surrogate_pair_is_one_character(tmp_path):
    lines = LINES[:6] + ["Về việc chuyển giao \U0001D400 Làng Văn hóa"]
    raw = read(_write(tmp_path, "pair.pdf", pdf_maker.text_pdf(lines)))
    text = "\n".join(getattr(it, "text", "") for it in raw.items)
    assert "chuyển giao \U0001D400 Làng" in text
    assert not raw.warnings


@pytest.mark.parametrize("maker, reason", [
    (pdf_maker.password_pdf, "password-protected PDF"),
    (pdf_maker.no_pages_pdf, "damaged PDF"),
])
def test_unreadable_pdfs_say_why_in_one_line(tmp_path, maker, reason):
    path = _write(tmp_path, "bad.pdf", maker())
    with pytest.raises(VanbanError) as err:
        read(path)
    assert err.value.reason.startswith(reason)
    assert "PDFium: Success" not in str(err.value)


def test_a_truncated_pdf_says_it_is_damaged_or_reads_what_is_left(tmp_path):
    data = pdf_maker.text_pdf(LINES)
    path = _write(tmp_path, "cut.pdf", data[: len(data) // 3])
    try:
        raw = read(path)
    except VanbanError as exc:
        assert "PDF" in exc.reason and "Traceback" not in exc.reason
    else:
        assert raw.format == "pdf"
