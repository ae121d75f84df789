"""A document's bodies matched once (extractors/bodies/index.py): a part of the text answered
from the index must get the answer the matcher gives on that part alone, whatever its edges."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from vanban.extractors.bodies import find_bodies, indexed
from vanban.extractors.bodies.index import DocumentIndex, _cut_words
from vanban.extractors.bodies.matcher import _matchers

CORPUS = Path(__file__).parent.parent / "corpus"
#: Real texts: a customs letter (numbered items, "a)" bullets, colons) and a plan with "- " bullets.
DOCS = ("028_btc-cv-19046-btc-tchq-2014-luat-hai-quan.txt", "008_laocai-cv-5973-ubnd-kt-thanh-kiem-tra-ks.txt",
        "027_kontum-qd-435-qd-ubnd-2020-chuong-trinh-hanh-dong.txt")


def _parts(text: str, seed: int) -> list[str]:
    """The text's lines, its sentences run together, and parts cut anywhere (any character)."""
    rng = random.Random(seed)
    lines = [x for x in text.split("\n") if x.strip()]
    out = lines + ["\n".join(lines[k:k + 3]) for k in range(0, len(lines), 2)]
    for _ in range(400):
        a = rng.randrange(len(text))
        out.append(text[a:a + rng.choice((40, 120, 300, 900, 3000))])
    return out


@pytest.mark.parametrize("name", DOCS)
def test_parts_answered_from_the_index_as_matched_alone(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    index = DocumentIndex(text)
    plain = _matchers().spans
    assert index.spans == plain(text)
    answered = 0
    for q in _parts(text, seed=len(text)):
        got = index.match(q)
        if got is not None:
            answered += 1
            assert got == plain(q), q[:200]
    assert answered >= 100          # the index does answer (parts cut at random edges often cannot be)


def test_cuts_in_a_numbered_item():
    """028: '2.1. Điều kiện nhân viên đại lý hải quan; Thực hiện theo quy định tại khoản 2 Điều 20 Luật hải quan.'
    cuts after the item number's '.' (P), before a number (N), after ';' (P) and after 'theo' before a lower-case
    word (S); none inside 'đại lý hải quan'."""
    text = "2.1. Điều kiện nhân viên đại lý hải quan; Thực hiện theo quy định tại khoản 2 Điều 20 Luật hải quan."
    index = DocumentIndex(text)
    right_sides = {text[y:y + 12] for y in index.starts}
    assert {"Điều kiện nh", "Thực hiện th", "quy định tại", "2 Điều 20 Lu", "20 Luật hải "} <= right_sides
    assert not any(text.find("đại lý") < y < text.find("hải quan;") for y in index.starts)


def test_no_cut_where_a_title_comes_before_a_mark():
    """An office title before a mark ('Chủ tịch.') may make a lower-case gazetteer phrase after the mark count
    ('Bí thư' + 'tỉnh ủy', 227/CĐ-TTg): the cut after the mark is refused, after a word of no title it is kept."""
    _, _, _, titles, _ = _cut_words()
    assert {"chủ", "tịch", "thư"} <= titles
    held = DocumentIndex("Đồng chí Bí thư; tỉnh ủy và các cơ quan liên quan thực hiện.")
    free = DocumentIndex("Đồng chí Lê Văn An; tỉnh ủy và các cơ quan liên quan thực hiện.")
    assert not any(y == held.text.index("tỉnh") for y in held.starts)
    assert any(y == free.text.index("tỉnh") for y in free.starts)


def test_find_bodies_inside_the_document_block():
    """Inside `indexed(text)`, find_bodies on the text and its paragraphs gives what it gives outside."""
    text = (CORPUS / DOCS[0]).read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if len(p) > 40]
    outside = [[(b.name, b.start, b.end, b.kind) for b in find_bodies(p + " ")] for p in paragraphs]
    with indexed(text):
        inside = [[(b.name, b.start, b.end, b.kind) for b in find_bodies(p + " ")] for p in paragraphs]
    assert inside == outside
    assert any(outside)
