"""The compiled type-word scan (extractors/references/type_words.c) finds the spans of
lexicon.citations.type_word_re.finditer, which stays its specification."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from vanban.extractors.references import native_words
from vanban.lexicon import citations as C

scan = native_words._scanner()
needs_loop = pytest.mark.skipif(scan is None, reason="no C compiler: re is the only scan")

#: pieces of text around the type words' edges: case, white space, glued letters, a longer word's start
PIECES = ["Quyết định", "quyết  định", "QUYẾT\nĐỊNH", "Luật", "luậtx", "xLuật", "Bộ luật", "Bộ  luật", "Kế hoạch",
          "\u212aế hoạch", "Chương trình phối hợp", "Chương trình phối", "Nghị quyết liên tịch", "Nghị quyết liên",
          "Thông tư liên tịch", "Văn bản hợp nhất", " ", "  ", "\n", ",", "1", "a", "_", "Tờ trình", "đề án", "ĐỀ ÁN",
          "Dự án", "giấy mời", "\u00a0", "\u3000", "số", "Công văn", "Hiến pháp", "hướng dẫn", "HƯỚNG DẪN", "\ud800"]


def _finditer(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in C.type_word_re().finditer(text)]


@needs_loop
def test_the_loop_finds_what_finditer_finds_over_the_corpus_texts():
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.parent.glob("corpus/*.md"))]
    assert texts
    for text in texts:
        text = C.match_text(text)
        assert scan(text) == _finditer(text)


@needs_loop
def test_the_loop_finds_what_finditer_finds_at_the_edges():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        assert scan(text) == _finditer(text), text
    assert scan("") == []
    assert scan("\u212aế hoạch số 5") == [(0, 8)]            # the Kelvin sign is a `K` to re.IGNORECASE


def test_a_letter_takes_the_characters_of_its_lower_case():
    """native_words writes one set of characters for `Q` and `q` (re.IGNORECASE: the same)."""
    from vanban.lexicon.patterns import _bmp, cases_of, letter_cases
    letters = {c for w in C.type_words() for c in w if c != " "}
    for c in letters:
        assert len(c.lower()) == 1 and letter_cases(c) == letter_cases(c.lower()), c
    lower = {c.lower() for c in letters}
    # one pass of re (lexicon.patterns.cases_of, what native_words and letter_cases read) gives what re finds for
    # each letter alone
    every = _bmp()
    assert cases_of(lower) == {c: tuple(re.findall(re.escape(c), every, re.IGNORECASE)) for c in lower}
    assert all(letter_cases(c) == tuple(re.findall(re.escape(c), every, re.IGNORECASE)) for c in "kKsSđĐiIß-]\\")


def test_a_character_above_the_basic_plane_is_left_to_re():
    text = "Kế hoạch \U0001F600 Luật"
    assert native_words.type_word_spans(text) == _finditer(text) == [(0, 8), (11, 15)]
    if scan is not None:
        assert scan(text) is None


def test_without_the_library_re_scans(monkeypatch):
    monkeypatch.setenv("VANBAN_NATIVE", "0")
    native_words._scanner.cache_clear()
    try:
        assert native_words._scanner() is None
        assert native_words.type_word_spans("theo Quyết định số 5 và Luật") == [(5, 15), (24, 28)]
    finally:
        monkeypatch.undo()
        native_words._scanner.cache_clear()
