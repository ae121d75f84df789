"""The compiled passes of the body matcher (extractors/bodies/match.c, native_match.py) against the
Python passes they stand in for (matcher._Matchers._scan, the specification): the same gazetteer
phrases, the same pattern matches (kinds and trimmed ends) and so the same spans, on every text of
the corpus and on parts of them cut anywhere.  The compiled passes read the tokens as the ids of
their words (tokens.c's table of words, tokens.word_table): the same tokens as the Python tokenizer's."""
from __future__ import annotations

import random

import pytest

from conftest import CORPUS

from vanban.extractors.bodies.matcher import LINE_BREAKS, _matchers
from vanban.extractors.bodies.tokens import python_tokenize, word_table

matchers = _matchers()
needs_library = pytest.mark.skipif(matchers.scanner is None, reason="no C compiler: the Python passes are the only ones")
TEXTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt"))


def _texts(path) -> list[str]:
    """The whole text, its lines, and parts cut at random characters (a part may open inside a name)."""
    text = path.read_text(encoding="utf-8")
    rng = random.Random(len(text))
    parts = [text] + [x for x in text.split("\n") if x.strip()]
    for _ in range(40):
        a = rng.randrange(max(1, len(text)))
        parts.append(text[a:a + rng.choice((15, 60, 300, 2000))])
    return parts


def _python_spans(text: str):
    scanner, matchers.scanner = matchers.scanner, None
    try:
        return matchers.spans_and_tokens(text)
    finally:
        matchers.scanner = scanner


def _same_passes(text: str) -> None:
    """The compiled tokens and passes on `text` are the Python ones, and so are the spans."""
    flat = LINE_BREAKS.sub(" ", text)
    toks = word_table().tokens(flat)
    words, starts = python_tokenize(flat)
    assert [toks.words[i] for i in toks.ids] == words and toks.starts.tolist() == starts, text
    assert toks.ends.tolist() == [s + len(w) for w, s in zip(words, starts)]
    assert matchers.scanner.scan(toks) == matchers._scan(words), text
    assert matchers.spans(text) == _python_spans(text)[0], text


@needs_library
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:3])
def test_compiled_passes_as_python(path):
    for text in _texts(path):
        _same_passes(text)


@needs_library
def test_edges():
    """No token, one token, a head at the very end, a collective noun at either end, a long run of heads
    (matches blocked inside longer ones)."""
    for text in ("", " ", "Sở", "các sở", "cơ quan", "Ủy ban nhân dân", "UBND tỉnh Bắc Giang và",
                 "các cơ quan, đơn vị liên quan", "và Sở Tư pháp,", "BỘ TRƯỞNG BỘ XÂY DỰNG Bộ Xây dựng",
                 "Sở " * 50, "các sở, ban, ngành, " * 30 + "cơ quan", "UBND các huyện, thị xã, thành phố, " * 20):
        _same_passes(text)
