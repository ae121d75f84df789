"""read_text: encodings, converter Markdown, OCR JSON, word-segmented text, pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from vanban.pipeline.errors import UnsupportedFormat
from vanban.pipeline.read import read
from vanban.pipeline.read_text import read_text
from vanban.pipeline.types import Line, Table

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXT_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".json", ".html"))

SNIPPET = "ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG\nSố:             /KH-UBND\n"


def _texts(raw) -> list[str]:
    return [it.text for it in raw.items if isinstance(it, Line) and it.text]


@pytest.mark.parametrize("data, detail", [
    (SNIPPET.encode("utf-8"), None),
    (b"\xef\xbb\xbf" + SNIPPET.encode("utf-8"), None),
    (SNIPPET.encode("utf-16"), "utf-16"),                 # with BOM
    (SNIPPET.encode("utf-16-le"), "utf-16"),              # without BOM
])
def test_encodings(data, detail):
    raw = read_text("x.txt", data, "0", "text")
    assert _texts(raw)[:3] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG", "Số:             /KH-UBND"]
    assert raw.format == "txt" and raw.detail == detail


@pytest.mark.parametrize("data", [
    "ñy ban nh©n d©n tØnh".encode("latin-1"),            # TCVN3 bytes: not UTF-8
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",  # binary with NULs
])
def test_undecodable_is_a_clear_error(data):
    with pytest.raises(UnsupportedFormat) as err:
        read_text("bad.txt", data, "0", "text")
    assert "bad.txt" in str(err.value) and ("UTF" in str(err.value) or "binary" in str(err.value))


MD_SNIPPET = """|
**ỦY BAN NHÂN
DÂN**
TỈNH ĐỒNG THÁP
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 617/KH-UBND
|
*Đồng Tháp,
ngày 01 tháng 12 năm 2025*
|


**KẾ HOẠCH**

|
**STT**
|
**Tên nhiệm vụ**
|
**Cơ quan chủ trì**
|
|
9
|
Tổ chức học tập kinh nghiệm
các tỉnh, thành phố có các mô hình, chuyển đổi số trong các doanh nghiệp trên
địa bàn Tỉnh.
|
Sở KH&CN
|
"""


def test_markdown_header_table_becomes_lines_and_task_table_a_table():
    raw = read_text("x.md", MD_SNIPPET.encode(), "0", "text")
    assert raw.detail == "md"
    words = [t for t in _texts(raw) if not set(t) <= set("-")]      # separator rules stay for layout
    assert words[:7] == [
        "ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "Số: 617/KH-UBND",           # left column
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",  # right column
        "Đồng Tháp, ngày 01 tháng 12 năm 2025", "KẾ HOẠCH"]
    tables = [it for it in raw.items if isinstance(it, Table)]
    assert len(tables) == 1
    assert tables[0].rows == [
        ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì"],
        ["9", "Tổ chức học tập kinh nghiệm các tỉnh, thành phố có các mô hình, chuyển đổi số "
              "trong các doanh nghiệp trên địa bàn Tỉnh.", "Sở KH&CN"]]


@pytest.mark.parametrize("name, first_row", [
    ("030_dongthap-kh-617-kh-ubnd-2025-chuyen-doi-so-dn.md",
     ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]),
    ("033_nghean-kh-980-kh-ubnd-2025-phong-thu-dan-su.md",       # header row merged into the layout row
     ["TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp"]),
])
def test_markdown_corpus_task_tables(name, first_row):
    raw = read(CORPUS / name)
    tables = [it for it in raw.items if isinstance(it, Table)]
    assert tables and tables[0].rows[0][:4] == first_row
    assert not any("CỘNG HÒA" in c for t in tables for r in t.rows for c in r)


@pytest.mark.parametrize("name, first, last", [
    ("052_hcm-cv-4240-ubnd-vx-2025-csdl-can-bo.md", "ỦY BAN NHÂN DÂN", "Nguyễn Mạnh Cường"),
    ("054_ttg-qd-2553-qd-ttg-2025-lai-suat-nhcsxh.md", "THỦ TƯỚNG CHÍNH PHỦ", "Hồ Đức Phớc"),
    ("037_daklak-kh-0125-kh-ubnd-2025-thi-dua-bau-cu.md", "ỦY BAN NHÂN DÂN", "Đào Mỹ"),
])
def test_markdown_portal_chrome_dropped(name, first, last):
    texts = _texts(read(CORPUS / name))
    assert texts[0] == first and texts[-1] == last
    joined = "\n".join(texts)
    for chrome in ("THƯ VIỆN PHÁP LUẬT", "Địa chỉ:", "Văn bản liên quan", "Đang tải văn bản"):
        assert chrome not in joined


def test_ocr_json_lines_in_order():
    raw = read(CORPUS / "081_ocr-tesseract-luat-56-2020-qh14-json.json")
    texts = _texts(raw)
    assert raw.detail == "json"
    assert texts[0] == "Luật số: 56/2020/QH14"
    assert any("Luật Giám định tư pháp số 13⁄2012/QH13" in t for t in texts)
    first_article = next(i for i, t in enumerate(texts) if t.startswith("Điều 1."))
    second_article = next(i for i, t in enumerate(texts) if t.startswith("Điều 2."))
    assert first_article < second_article
    assert not any(t.isdigit() for t in texts)          # box numbers are not text


def test_word_segmented_text_is_unsegmented():
    raw = read(CORPUS / "078_nghean-qd-ke-hoach-pbgdpl-2005-word-segmented.txt")
    assert "word-segmented" in raw.detail
    assert _texts(raw)[0].startswith(
        "Quyết định ban hành kế hoạch triển khai thực hiện đề án tăng cường công tác phổ biến, giáo dục")
    assert "Căn cứ Luật tổ chức HĐND và UBND ngày 26/11/2003;" in [t.strip() for t in _texts(raw)]


def test_form_feeds_start_pages():
    raw = read(CORPUS / "004_laocai-kh-dkt-1105-kiem-tra-vlncn-repo-txt.txt")
    assert raw.pages == 6                                # six form feeds, the last one ends the file
    lines = [it for it in raw.items if isinstance(it, Line) and it.text.strip()]
    assert lines[0].page == 1 and lines[-1].page == 6
    assert [ln.text.strip() for ln in lines[:2]] == ["SỞ CÔNG THƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_plain_text_is_not_markdown():
    raw = read(CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt")
    assert raw.detail is None and not any(isinstance(it, Table) for it in raw.items)


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name[:40])
def test_every_text_file_reads(path):
    raw = read(path)
    assert sum(1 for it in raw.items if isinstance(it, Table) or it.text.strip()) > 5


def _md_lines(text: str) -> list[str]:
    doc = read_text("x.md", text.encode(), "0", "text")
    return [it.text for it in doc.items if isinstance(it, Line) and it.text.strip()]


def test_markdown_document_starts_at_its_motto_in_either_spelling():
    """The motto line marks where the document starts (portal chrome above it is dropped), written
    `CỘNG HÒA` or `CỘNG HOÀ` (the Markdown reader once knew only `HOÀ`); the issuer lines just above
    it stay.  Header lines of pool 005d8820 (a Cục Thuế letter)."""
    for motto in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"):
        text = ("Trang chủ | Văn bản pháp luật | Đăng nhập\n\n"
                f"BỘ TÀI CHÍNH\n**CỤC THUẾ**\n**{motto}**\n**Độc lập - Tự do - Hạnh phúc**\n\n"
                "Số: 547/CT-NVT\n\nKính gửi: Thuế các tỉnh, thành phố\n")
        lines = _md_lines(text)
        assert lines[0] == "BỘ TÀI CHÍNH", motto
        assert not any("Đăng nhập" in line for line in lines)


def test_markdown_document_starts_at_a_header_row_flattened_on_one_line():
    """Decree 170/2025/NĐ-CP as a portal printed it (pool c22591f1): issuer, number and motto on one
    line; the forms appended at its end carry a motto of their own, which must not become the start."""
    text = ("CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc"
            "___________________\n\n**NGHỊ ĐỊNH**\n\nQuy định về tuyển dụng, sử dụng và quản lý công chức\n\n"
            "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\n**Độc lập - Tự do - Hạnh phúc**\n\nI. THÔNG TIN CÁ NHÂN\n")
    assert _md_lines(text)[0].startswith("CHÍNH PHỦ")


def test_markdown_motto_named_inside_a_line_is_not_the_start():
    """A sentence or a signing line that names the Republic is not the motto: the document keeps its
    opening.  Real lines: a Party regulation (pool ca9ba61f) cites `nước Cộng hoà xã hội chủ nghĩa Việt
    Nam` in its body; a special communiqué (pool 2233d80f) is signed `QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ
    NGHĨA VIỆT NAM`, and was cut to its signatures."""
    text = ("# THÔNG CÁO ĐẶC BIỆT VỀ LỄ QUỐC TANG NGUYÊN CHỦ TỊCH NƯỚC TRẦN ĐỨC LƯƠNG\n\n"
            "**THÔNG CÁO ĐẶC BIỆT**\n\n"
            "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam, Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam,"
            " Chủ tịch nước Cộng hoà xã hội chủ nghĩa Việt Nam ... vô cùng thương tiếc báo tin:\n\n"
            "**BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM**\n\n"
            "**QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n")
    lines = _md_lines(text)
    assert lines[0].startswith("THÔNG CÁO ĐẶC BIỆT VỀ LỄ QUỐC TANG")
    assert any(line.startswith("Ban Chấp hành Trung ương Đảng") for line in lines)
