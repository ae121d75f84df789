"""Legacy Vietnamese encodings (TCVN3, VNI): conversion, detection, and the
.doc/.rtf readers on real public documents in corpus/legacy/."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from vanban.pipeline import legacy
from vanban.pipeline.evaluate_text import fold, score
from vanban.pipeline.read import read
from vanban.pipeline.types import Table

CORPUS = Path(__file__).parent.parent / "corpus"
LEGACY = CORPUS / "legacy"


def _text(path: Path) -> str:
    raw = read(path)
    return "\n".join(" | ".join(" ".join(r) for r in it.rows) if isinstance(it, Table) else it.text
                     for it in raw.items)


# runs exactly as stored in the files (font, text), and how a reader sees them
@pytest.mark.parametrize("font,raw,expected", [
    # corpus/legacy/2003-A06.rtf (TCVN3); 'ư' is byte 0xAD, a soft hyphen in Windows-1252
    (".VnTime", "H\xadíng dÉn bæ sung quy ®Þnh vÒ thuÕ thu nhËp doanh nghiÖp",
     "Hướng dẫn bổ sung quy định về thuế thu nhập doanh nghiệp"),
    (".VnTime", "c¸c chi nh¸nh cña tæ chøc n\xadíc ngoµi ho¹t ®éng t¹i ViÖt Nam",
     "các chi nhánh của tổ chức nước ngoài hoạt động tại Việt Nam"),
    # the capitals font draws the lowercase codes as capitals
    (".VnTimeH", "céng hßa x· héi chñ nghÜa viÖt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    # corpus/legacy/2008-23.QD-991-UBND.doc (VNI)
    ("VNI-Times", "Veà vieäc pheâ duyeät Keá hoaïch thöïc hieän quy hoaïch söû duïng röøng, ñaát röøng",
     "Về việc phê duyệt Kế hoạch thực hiện quy hoạch sử dụng rừng, đất rừng"),
    ("VNI-Times", "TÆNH BÌNH PHÖÔÙC", "TỈNH BÌNH PHƯỚC"),
    ("VNI-Times", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
])
def test_convert_run(font, raw, expected):
    text, enc = legacy.convert_run(raw, font)
    assert text == expected
    assert enc == legacy.encoding_of_font(font)


@pytest.mark.parametrize("raw,expected", [
    # corpus/legacy/2003-A06.rtf, without its font: statistics alone
    ("H\xadíng dÉn bæ sung quy ®Þnh vÒ thuÕ thu nhËp doanh nghiÖp", "TCVN3"),
    ("Veà vieäc pheâ duyeät Keá hoaïch thöïc hieän quy hoaïch söû duïng röøng", "VNI"),
])
def test_detect_legacy(raw, expected):
    assert legacy.detect(raw) == expected


# modern Unicode text, quoted from the corpus, must pass through untouched
MODERN = [
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Lâm Đồng, ngày tháng 12 năm 2025",
    "- Lưu: VT, NC.Châu",
]


@pytest.mark.parametrize("text", MODERN)
@pytest.mark.parametrize("decomposed", [False, True])
def test_modern_text_untouched(text, decomposed):
    if decomposed:      # combining-mark Unicode (NFD), as some editors save it
        text = unicodedata.normalize("NFD", text)
    assert legacy.detect(text) is None
    assert legacy.detect(text, min_words=1) is None
    for font in ("Times New Roman", ".VnTime", "VNI-Times"):   # even a wrong legacy font name
        assert legacy.convert_run(text, font) == (text, None)


@pytest.mark.parametrize("text", [
    "Le café à côté de l'hôtel était très élégant, déjà très fréquenté",   # Western text with accents
    "Số: 08 /2001/TT-BTC",
])
def test_no_false_detection(text):
    assert legacy.detect(text) is None


@pytest.mark.parametrize("font,expected,caps", [
    (".VnTime", "TCVN3", False), (".VnTimeH", "TCVN3", True), (".VnArial NarrowH", "TCVN3", True),
    ("VNI-Times", "VNI", False), ("VNI-Helve-Condense", "VNI", False),
    ("Times New Roman", None, False), ("Symbol", None, False), (None, None, False),
])
def test_font_names(font, expected, caps):
    assert legacy.encoding_of_font(font) == expected
    assert legacy.is_caps_font(font) == caps


# A blank registration form, not an administrative document (so not in corpus/): a reader fixture only
FORM = Path(__file__).parent / "data" / "legacy" / "2006-Mau-MDS-1M.doc"


@pytest.mark.parametrize("name,encoding,detail,phrase", [
    ("2003-A06.rtf", "TCVN3", "rtf", "các chi nhánh của tổ chức nước ngoài hoạt động tại Việt Nam"),
    (str(FORM), "TCVN3", "doc", "DANH SÁCH THÀNH VIÊN CÔNG TY TRÁCH NHIỆM HỮU HẠN"),
    ("2008-23.QD-991-UBND.doc", "VNI", "doc",
     "Về việc phê duyệt Kế hoạch thực hiện quy hoạch sử dụng rừng, đất rừng"),
    ("2009-download.doc", "VNI", "doc", "BÁO CÁO ĐỊNH KỲ VỀ BẢO HỘ LAO ĐỘNG"),
])
def test_real_legacy_documents(name, encoding, detail, phrase):
    raw = read(LEGACY / name)
    assert raw.legacy_encoding == encoding
    assert raw.detail == detail
    assert phrase in _text(LEGACY / name)


@pytest.mark.parametrize("name", ["2003-A06.rtf", "2008-23.QD-991-UBND.doc", "2009-download.doc"])
def test_diacritic_accuracy_against_transcript(name):
    gold = fold((LEGACY / "ground-truth" / (Path(name).stem + ".txt")).read_text(encoding="utf-8")).lower()
    pred = fold(_text(LEGACY / name)).lower()
    s = score(gold, pred)
    assert s["dia_ok"] / s["dia"] >= 0.98


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.doc")), ids=lambda p: p.name)
def test_corpus_doc_reads(path):
    raw = read(path)
    assert raw.detail == "doc" and raw.legacy_encoding is None   # modern Unicode .doc files
    text = _text(path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
