"""normalise: NFC, one tone-mark placement, look-alikes, whitespace, idempotence."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from vanban.pipeline.normalise import normalise, normalise_text
from vanban.pipeline.read import read
from vanban.pipeline.types import Line, RawDocument, Table

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXT_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".json", ".html"))


@pytest.mark.parametrize("text, expected", [
    # old-style tone placement -> new style (real words of the corpus)
    ("Uỷ ban nhân dân Tỉnh về thực hiện", "Ủy ban nhân dân Tỉnh về thực hiện"),          # 030
    ("Ban Thường vụ Tỉnh uỷ về thực hiện", "Ban Thường vụ Tỉnh ủy về thực hiện"),       # 030
    ("quan hệ lao động hài hoà, ổn định", "quan hệ lao động hài hòa, ổn định"),          # 027
    ("Quốc hội khoá XVI", "Quốc hội khóa XVI"),                                         # 037
    ("**UỶ BAN NHÂN", "**ỦY BAN NHÂN"),                                                 # 041
    ("từng bước trẻ hoá, nâng cao", "từng bước trẻ hóa, nâng cao"),                     # 084
    ("thuỷ sản", "thủy sản"),
    ("sức khoẻ", "sức khỏe"),
    ("tuỳ theo", "tùy theo"),
    # untouched: tone already on the right vowel, qu-, closed syllables
    ("quý IV năm 2025", "quý IV năm 2025"),
    ("Quỳnh Lưu", "Quỳnh Lưu"),
    ("qua đó, thúc đẩy", "qua đó, thúc đẩy"),
    ("giữ gìn và phát huy", "giữ gìn và phát huy"),
    ("hoàn thành", "hoàn thành"),
    ("khuya", "khuya"),
    ("sức khỏe", "sức khỏe"),
])
def test_tone_marks(text, expected):
    assert normalise_text(text) == expected


@pytest.mark.parametrize("text, expected, warned", [
    ("157/2025/TT-BTС", "157/2025/TT-BTC", True),                 # 024: Cyrillic С U+0421
    ("Quyết định số 12/QÐ-UBND", "Quyết định số 12/QĐ-UBND", True),  # Icelandic Eth U+00D0
    ("Luật Giám định tư pháp số 13⁄2012/QH13", "Luật Giám định tư pháp số 13/2012/QH13", True),  # 081
    ("số 45/QĐ–UBND ngày", "số 45/QĐ-UBND ngày", False),            # en dash inside an identifier
    ("giai đoạn 2026 – 2030", "giai đoạn 2026 – 2030", False),      # a spaced dash is prose
    ("Căn cứ\u00a0Luật Tổ chức", "Căn cứ Luật Tổ chức", False),      # 021: NBSP
    ("Quyết\u200b định", "Quyết định", False),                      # zero-width space
    ("Văn bản số 3374/ BKHCN\ufffe", "Văn bản số 3374/ BKHCN-", False),  # 085: PDF soft hyphen at a line end
    ("Москва", "Москва", False),                                   # real Cyrillic text is left alone
    ("“về tăng cường sự lãnh đạo”", "“về tăng cường sự lãnh đạo”", False),  # curly quotes kept
])
def test_look_alikes_and_spaces(text, expected, warned):
    found: list[str] = []
    assert normalise_text(text, found) == expected
    assert bool(found) == warned


def test_decomposed_characters_are_composed():
    decomposed = unicodedata.normalize("NFD", "TỈNH BẮC GIANG Tỉnh uỷ")
    assert normalise_text(decomposed) == "TỈNH BẮC GIANG Tỉnh ủy"
    assert unicodedata.is_normalized("NFC", normalise_text(decomposed))


def test_normalise_warns_once_per_look_alike_and_cleans_tables():
    raw = RawDocument(path="x", sha256="0", format="txt", items=[
        Line("Số: 157/2025/TT-BTС"), Line("Thông tư 157/2025/TT-BTС"),
        Table(rows=[["Uỷ ban", "13⁄2012/QH13"]])])
    clean = normalise(raw)
    assert clean.items[0].text == "Số: 157/2025/TT-BTC"
    assert clean.items[2].rows == [["Ủy ban", "13/2012/QH13"]]
    codes = [w.code for w in clean.warnings]
    assert codes == ["homoglyph", "homoglyph"]          # the Cyrillic token once, the fraction slash once
    assert raw.items[0].text.endswith("TT-BTС") and raw.warnings == []     # the input is not changed


def test_idempotent_over_the_corpus():
    for path in TEXT_FILES:
        raw = read(path)
        texts = [it.text for it in raw.items if isinstance(it, Line)]
        once = [normalise_text(t) for t in texts]
        twice = [normalise_text(t) for t in once]
        assert once == twice, path.name
        assert all(unicodedata.is_normalized("NFC", t) for t in once), path.name
