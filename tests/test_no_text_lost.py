"""Contract 1.1, no text is lost: every word of the body belongs to some section's title or text.

The body is what the segment stage finds between the header and the signature tail, and
the content of each appendix (its signature block and recipients list are metadata).  The
whole-corpus run is marked slow (it reads every corpus file, OCR included); the small
cases below run always.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from factories import laid_out
from vanban.lexicon.text import clean
from vanban.pipeline.segment import Segmented, segment
from vanban.pipeline.tree import build_tree, with_body_node
from vanban.pipeline.types import Paragraph

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
WORD = re.compile(r"\w+")


def lost_words(seg: Segmented) -> set[str]:
    """Words of the body paragraphs that no section's marker, title or text holds."""
    zones = seg.zones
    texts = [clean(b.text) for b in zones.preamble + zones.body if isinstance(b, Paragraph)]
    for a in zones.appendices:
        head = [clean(b.text) for b in a.head if isinstance(b, Paragraph)]
        texts += [head[0][a.head_offset:]] + head[1:] if head else []     # not the signature before it
        texts += [clean(b.text) for b in a.blocks if isinstance(b, Paragraph)]
    want = {w for t in texts for w in WORD.findall(t.casefold())}
    have: set[str] = set()
    for top in with_body_node(seg, build_tree(seg)):
        for node in top.walk():
            have |= set(WORD.findall(f"{node.marker} {node.title} {node.text}".casefold()))
    return want - have


# corpus 015-style letter: a công văn with no numbered heading (its body was in no section)
LETTER = ["Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố",
          "Thực hiện Văn bản số 1203/UBND-KT ngày 25/3/2026 của UBND tỉnh về việc tăng cường quản lý khoáng sản,",
          "Sở Tài nguyên và Môi trường đề nghị UBND các huyện chỉ đạo kiểm tra, xử lý nghiêm các vi phạm.",
          "Nơi nhận:", "- Như trên;", "- Lưu: VT."]
# a plan: "Thực hiện ..." before "I. MỤC ĐÍCH, YÊU CẦU" (bacgiang-2024-kh-ubnd-nq45)
PLAN = ["Thực hiện Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương Đảng",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
        "- Quán triệt, triển khai cụ thể hóa nội dung Nghị quyết số 45-NQ/TW"]


def test_a_letter_with_no_heading_has_one_body_section():
    seg = segment(laid_out(LETTER, header=["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Số: 512/STNMT-KS"]))
    nodes = with_body_node(seg, build_tree(seg))
    assert [(n.path, n.marker, n.title) for n in nodes] == [("body", "", "")]
    assert "đề nghị UBND các huyện chỉ đạo kiểm tra" in nodes[0].text
    assert "Nơi nhận" not in nodes[0].text          # the tail is metadata, not body text
    assert lost_words(seg) == set()


def test_text_before_the_first_heading_is_the_preamble():
    seg = segment(laid_out(PLAN))
    nodes = with_body_node(seg, build_tree(seg))
    assert [n.path for n in nodes] == ["preamble", "I"]
    assert nodes[0].text.startswith("Thực hiện Nghị quyết số 45-NQ/TW")
    assert lost_words(seg) == set()


def _corpus_files() -> list[Path]:
    from vanban.pipeline.batch import collect_inputs
    return [Path(p) for p in collect_inputs([str(CORPUS)])]


@pytest.mark.slow
@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name[:40])
def test_no_body_word_is_lost_in_the_corpus(path):
    from vanban.pipeline.layout import layout
    from vanban.pipeline.normalise import normalise
    from vanban.pipeline.read import read
    seg = segment(layout(normalise(read(str(path)))))
    lost = lost_words(seg)
    assert not lost, f"{path.name}: {len(lost)} body words in no section, e.g. {sorted(lost)[:12]}"
