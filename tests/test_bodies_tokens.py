"""The text path does its work once (issue 13: 0.23 MB/s on the pool).

- The body tokenizer cuts a text at single spaces with str.split and looks in Python only at
  the places that are not a plain word and one space (punctuation, other whitespace); its
  tokens are the rule-based tokenizer's (tokens.py docstring).
- The zones of a document are found once: the segment stage's result is passed to the metadata
  extractor, whose split_header calls read its zones instead of segmenting the document three more
  times; nothing is kept on the document (a stage never changes its input).

The table is from 036bd85f1f56f768.md (pool): "Căn cứ pháp lý |" and "1 | Cấp chứng chỉ ..."
are two lines of a row, so the matcher (line breaks as spaces) sees "| " + " 1".
"""
from __future__ import annotations

from vanban.extractors.bodies import find_bodies
from vanban.extractors.bodies.matcher import LINE_BREAKS
from vanban.extractors.bodies.tokens import tokenize
from vanban.pipeline.layout import layout
from vanban.pipeline.normalise import normalise
from vanban.pipeline.read import read
from vanban.pipeline.segment import segment
from vanban.extractors.metadata import extract_metadata
from vanban.pipeline.tree import build_tree, split_header

ROW = ("Căn cứ pháp lý | \n1 | Cấp chứng chỉ nghiệp vụ chuyên môn về đấu thầu\nTrong thời hạn 15 (mười lăm) ngày "
       "làm việc kể từ ngày ban hành quyết định | Trung tâm phục vụ hành chính công thành phố")


def test_tokens_of_a_table_row():
    text = LINE_BREAKS.sub(" ", ROW)
    words, starts = tokenize(text)
    assert all(text[s:s + len(w)] == w for w, s in zip(words, starts))
    # "| " + " 1": the first space belongs to "|", the second is a token of its own
    assert list(zip(words, starts))[:8] == [("Căn", 0), ("cứ", 4), ("pháp", 7), ("lý", 12), ("|", 15), (" ", 17),
                                            ("1", 18), ("|", 20)]
    # brackets are cut off a word: "(mười" "lăm)"
    assert words[21:26] == ["15", "(", "mười", "lăm", ")"]


def test_whitespace_at_the_ends_and_inside():
    assert tokenize("") == ([], [])
    assert tokenize(" Sở Tư pháp") == ([" ", "Sở", "Tư", "pháp"], [0, 1, 4, 7])
    assert tokenize("Sở Tư pháp ") == (["Sở", "Tư", "pháp"], [0, 3, 6])
    assert tokenize("Sở\u00a0Tư  pháp,\tSở") == (["Sở", "\u00a0", "Tư", " ", "pháp", ",", "\t", "Sở"],
                                                 [0, 2, 3, 6, 7, 11, 12, 13])


def test_body_after_the_row():
    assert [(b.name, b.start, b.end, b.kind) for b in find_bodies(ROW)] == [
        ("Trung tâm phục vụ hành chính công thành phố", 145, 188, "department")]


def test_zones_found_once(tmp_path):
    path = tmp_path / "qd.md"
    path.write_text("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n\nSố: 2666/QĐ-UBND\n\nQUYẾT ĐỊNH\n\n"
                    "**Điều 1.** Công bố kèm theo Quyết định này Danh mục thủ tục hành chính.\n\n"
                    "**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký.\n", encoding="utf-8")
    doc = layout(normalise(read(str(path))))
    before = dict(vars(doc))
    seg = segment(doc)
    assert vars(doc) == before                       # nothing kept on the input
    header, rest = split_header(seg)
    assert header == list(seg.zones.header) and rest == seg.zones.after_header()
    assert split_header(doc) == (header, rest)       # a LaidOut is segmented again: the same zones
    meta, _ = extract_metadata(seg, build_tree(seg))
    assert meta.identifier == "2666/QĐ-UBND" and meta.doc_type.name == "Quyết định"


def test_flatten_is_the_line_breaks_regex():
    """matcher.flatten (str.replace a character at a time) gives LINE_BREAKS.sub's text, on the corpus and on
    every line-break character in runs, at the ends and next to other white space."""
    from conftest import CORPUS
    from vanban.extractors.bodies.matcher import flatten
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.iterdir()) if p.suffix in (".md", ".txt")]
    texts += [ROW, "", "\n", "\r\n\t\f\v", " \va\fb\u00a0\n\nc\t", "Sở\u2028Tư\x0bpháp\x0c"]
    for text in texts:
        assert flatten(text) == LINE_BREAKS.sub(" ", text)
