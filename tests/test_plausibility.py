"""The Vietnamese plausibility measure on real good and garbled lines from the corpus."""
import pytest

from vanban.pipeline.plausibility import is_syllable, plausibility


@pytest.mark.parametrize("word", [
    "nghĩa", "Quyết", "định", "Phòng", "cháy", "chữa", "khuyến", "giữa", "gì", "NGHĨA", "thường", "xuyên",
])
def test_real_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", [
    "ceNG", "Her", "vrET", "ndm", "ngdy", "Xt", "chlit", "7ӌ1", "quyin", "phuong",
])
def test_garbled_words(word):
    assert not is_syllable(word)


@pytest.mark.parametrize("line", [
    # corpus/010 text layer
    "Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15 ngày 29 tháng 11 năm 2024;",
    # corpus/083 text layer
    "Thực hiện chủ trương của Đảng và các quy định của pháp luật, trong những",
    # corpus/009 header
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI Số: /UBND-XD",
])
def test_good_lines_score_high(line):
    assert plausibility(line).share >= 0.9


@pytest.mark.parametrize("line", [
    # corpus/014: non-Vietnamese OCR text layer
    "ceNG noa xA Her cHU Ncuia vrET NAM",
    "S6: /QD-XPVPHC Hd NAi, ngdy7f,ttuing 7 ndm 2026",
    # corpus/070
    "Cdn c* Luqt TO ch*c chinh quyin dia phuong ngdy 16 thdng 6 ndm 2025;",
    # corpus/003: broken ToUnicode map
    "7KӵF KLӋQ 4X\\ӃW ÿӏQK Vӕ 4Ĉ6&7 ng‡y 06/3/2026 FӫD Gi·m ÿӕF 6ӣ",
])
def test_garbled_lines_score_low(line):
    assert plausibility(line).share < 0.6


def test_acronyms_and_numbers_are_not_judged():
    p = plausibility("UBND BXD 1074 QĐ")
    assert p.counted == 0
