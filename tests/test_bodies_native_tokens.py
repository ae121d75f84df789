"""The compiled body tokenizer (extractors/bodies/tokens.c) against the Python steps it stands
in for (tokens.python_tokenize, the specification): the same words and offsets on every corpus
text and on white space and punctuation made to be awkward, also as word ids (its table of the
words met: tokens.word_table); without the library (VANBAN_NATIVE=0) tokenize is the Python
steps'.  The same for the body index's cuts (cuts.c, index._python_cuts)."""
from __future__ import annotations

import ctypes
import random

import pytest

from conftest import CORPUS

from vanban.extractors.bodies import index, native_tokens, tokens
from vanban.extractors.bodies.matcher import LINE_BREAKS

compiled = tokens._compiled()
needs_loop = pytest.mark.skipif(compiled is None, reason="no C compiler: the Python steps are the only ones")

#: White space (str.isspace, one space or more, at the ends), marks in runs and at every place.
EDGES = ["", " ", "  ", "\t", "\u00a0", "\u2028", "a", " a", "a ", "  a  ", "\ta\t", " \ta", "a \t", "a\u00a0 b",
         "a \u00a0b", "Sở\u00a0Tư  pháp,\tSở", "(", ")", "((", "))", "()", ")(", "(a)", "((a))", "\"a\"", "'a'",
         "“Sở Tư pháp”", "‘a’", "«a»", "a,b", ",a", "a,", ",,a,,", "a,,b", "a...", "…a…", "a…b", "(a,b)", "[a;b]:",
         "a:b:c", "\"'\"", "'\"'", "+a", "*a*", "•a", "a!?", "KH&CN", "LĐ-TB&XH", "1.2.3", "(1)", "a)", "a) b",
         "- Sở", "\u3000Sở\u3000", "a\x1cb", "a\x85b", "\u2029", "a \u2028 b", "𝐀 (𝐁)", "a\ud800b"]
#: The characters the random texts are drawn from: letters, white space, every mark.
ALPHABET = ["a", "Đ", "ư", "1", " ", " ", " ", "\t", "\u00a0", "\u2028", "\n"] + sorted(
    set(tokens.PREFIX_MARKS + tokens.SUFFIX_MARKS + tokens.INFIX_MARKS + "&-/"))


def _corpus_texts() -> list[str]:
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def _as_words(toks: native_tokens.TokenIds) -> tuple[list[str], list[int]]:
    """The words and starts of a text's tokens given as word ids (the ends checked against the words)."""
    assert len(toks.ids) == len(toks.starts) == len(toks.ends) == toks.count
    words = [toks.words[i] for i in toks.ids]
    assert [b - a for a, b in zip(toks.starts, toks.ends)] == list(map(len, words))
    return words, toks.starts.tolist()


def _same_tokens(text: str, table=None) -> None:
    expected = tokens.python_tokenize(text)
    assert compiled(text) == expected, repr(text)
    assert _as_words((table or tokens.word_table()).tokens(text)) == expected, repr(text)


@needs_loop
def test_compiled_tokens_are_the_python_ones_on_every_corpus_text():
    texts = _corpus_texts()
    assert len(texts) > 50
    for text in texts:
        for t in (text, LINE_BREAKS.sub(" ", text)):
            _same_tokens(t)


@needs_loop
@pytest.mark.parametrize("text", EDGES)
def test_compiled_tokens_on_edge_cases(text):
    _same_tokens(text)


@needs_loop
def test_compiled_tokens_on_random_texts():
    rng = random.Random(13)
    for _ in range(3000):
        _same_tokens("".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 12))))


@needs_loop
def test_output_room_grows_and_texts_longer_than_kept_ones(monkeypatch):
    """The word table's output room grows from 256 characters; past KEPT_SIZE a text has room of its own."""
    monkeypatch.setattr(native_tokens, "KEPT_SIZE", 10_000)
    table = native_tokens.word_table(tokens.PREFIX_MARKS, tokens.SUFFIX_MARKS, tokens.INFIX_MARKS)
    for text in ["Sở (Tư) pháp", "Sở, " * 1500, "a b", "(Sở) " * 3000, "Sở Tư pháp.", "x" * 5000, "", " "]:
        _same_tokens(text, table)
        assert table.cap <= 10_000


@needs_loop
def test_word_ids_are_one_a_word_and_the_table_grows():
    """A word has one id (the first time met, the next id); 100,000 words make the table grow many times."""
    table = native_tokens.word_table(tokens.PREFIX_MARKS, tokens.SUFFIX_MARKS, tokens.INFIX_MARKS)
    toks = table.tokens("Sở Tư pháp, Sở Nội vụ; Sở  Tư pháp")
    assert table.words == ["Sở", "Tư", "pháp", ",", "Nội", "vụ", ";", " "]
    assert toks.ids.tolist() == [0, 1, 2, 3, 0, 4, 5, 6, 0, 7, 1, 2]
    text = " ".join(f"w{k}" for k in range(100_000))
    _same_tokens(text, table)
    _same_tokens(text, table)
    assert len(table.words) == 100_008 and table.words[-1] == "w99999"


@needs_loop
def test_a_table_past_its_limit_is_made_again(monkeypatch):
    """Past WORDS_LIMIT words the table is emptied before the next text; the values per word id (ByWord)
    follow, and tokens of the table before it still get their own words' values."""
    monkeypatch.setattr(native_tokens, "WORDS_LIMIT", 5)
    table = native_tokens.word_table(tokens.PREFIX_MARKS, tokens.SUFFIX_MARKS, tokens.INFIX_MARKS)
    lengths = native_tokens.ByWord("q", len)
    old = table.tokens("Sở Tư pháp, Sở Nội vụ")
    assert lengths.values(old).tolist() == [2, 2, 4, 1, 3, 2]
    new = table.tokens("Ủy ban nhân dân")
    assert table.words == ["Ủy", "ban", "nhân", "dân"] and new.ids.tolist() == [0, 1, 2, 3]
    assert lengths.values(new).tolist() == [2, 3, 4, 3]
    assert lengths.values(old).tolist() == [2, 2, 4, 1, 3, 2]
    assert _as_words(old) == tokens.python_tokenize("Sở Tư pháp, Sở Nội vụ")


@needs_loop
def test_white_space_is_pythons():
    isspace = ctypes.CDLL(str(native_tokens.library_path())).vb_tok_isspace
    isspace.argtypes = [ctypes.c_uint32]
    assert [u for u in range(0x110000) if isspace(u)] == [u for u in range(0x110000) if chr(u).isspace()]


def test_a_text_holding_nul():
    assert tokens.tokenize("Sở\0Tư pháp") == tokens.python_tokenize("Sở\0Tư pháp") == (["Sở\0Tư", "pháp"], [0, 6])


def test_without_the_library_the_python_steps(monkeypatch):
    monkeypatch.setenv("VANBAN_NATIVE", "0")
    native_tokens._library.cache_clear()
    tokens._compiled.cache_clear()
    tokens.word_table.cache_clear()
    index._cut_loop.cache_clear()
    try:
        assert tokens._compiled() is None and tokens.word_table() is None and index._cut_loop() is None
        words, starts = tokens.tokenize(" (Sở Tư pháp), Sở. Sở  Nội vụ")
        assert (words, starts) == ([" ", "(", "Sở", "Tư", "pháp", ")", ",", "Sở", ".", "Sở", " ", "Nội", "vụ"],
                                   [0, 1, 2, 5, 8, 12, 13, 15, 17, 19, 22, 23, 27])
        assert index._cuts((words, starts)) == ([18, 21], [19, 23], [15, 19])     # P after ".", W at "  "
    finally:
        monkeypatch.undo()
        native_tokens._library.cache_clear()
        tokens._compiled.cache_clear()
        tokens.word_table.cache_clear()
        index._cut_loop.cache_clear()


cut_loop = index._cut_loop()
needs_cut_loop = pytest.mark.skipif(cut_loop is None, reason="no C compiler: the Python steps are the only ones")


def _same_cuts(text: str) -> None:
    """The compiled cuts of `text` (its tokens as word ids) are the Python ones (of its words)."""
    words, starts = tokens.python_tokenize(text)
    cuts = index._python_cuts(words, starts)
    expected = ([e for e, _, _ in cuts], [y for _, y, _ in cuts], [c for _, _, c in cuts])
    assert index._cuts(tokens.word_table().tokens(text)) == expected, repr(text)


@needs_cut_loop
def test_compiled_cuts_are_the_python_ones_on_every_corpus_text():
    for text in _corpus_texts():
        _same_cuts(LINE_BREAKS.sub(" ", text))


@needs_cut_loop
def test_compiled_cuts_on_random_texts():
    """Texts of every kind of cut's token (marks, stop words, white space, numbers, bullets), office
    titles, capitals and words of the tables, in any order."""
    marks, stops, bullets, titles, _ = index._cut_words()
    pieces = (sorted(marks) + sorted(stops)[:20] + sorted(bullets) + sorted(titles)[:20]
              + ["Sở", "Tư", "pháp", "Ủy", "ban", "tỉnh", "1.", "2.1", "2026-2030", "12", ",", "và", "a)"])
    rng = random.Random(13)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) + rng.choice((" ", " ", " ", "", "  ", "\u00a0", " \t"))
                       for _ in range(rng.randrange(1, 30)))
        _same_cuts(text)
