"""The seventh set of blind documents (issue 10, corpus 134-136): a Government resolution on disaster
recovery whose duties sit under holder lead-ins, a Government Office conclusion notice, a provincial
emergency plan that numbers two parts alike.  Real lines of the pool documents kept in corpus/, each
named in the comments."""
from __future__ import annotations

from vanban.pipeline.markers import read_marker
from vanban.pipeline.tree.numbering import repeats_part

from factories import corpus_doc as _parse, laid_out, references_of as _refs


def _tops(doc):
    return [(n.path, n.title) for n in doc.sections]


# --------------------------------------------------------------------------- two parts numbered alike (136)

def test_a_part_heading_numbered_like_the_part_before_opens_a_part_of_its_own():
    # 136 (0129/KH-UBND Đắk Lắk): "**IV.** / KINH PHÍ - NGUỒN HUY ĐỘNG**" then "**IV.** / PHÂN CÔNG NHIỆM VỤ**"
    # with "**1.** / Sở Công Thương:**" and "**2.** **Sở Nông nghiệp và Môi trường:**": the second part and its
    # first two holders were lost in the first part (their bullets read as Kinh phí's)
    doc = _parse("136_pool-*.md")
    assert ("IV", "KINH PHÍ - NGUỒN HUY ĐỘNG") in _tops(doc) and ("IV", "PHÂN CÔNG NHIỆM VỤ") in _tops(doc)
    second = [n for n in doc.sections if n.title == "PHÂN CÔNG NHIỆM VỤ"][0]
    assert [c.title for c in second.children[:2]] == ["Sở Công Thương", "Sở Nông nghiệp và Môi trường"]
    leads = {t.section: t.lead for t in doc.tasks}
    assert leads["IV.1.-1"] == ["Sở Công Thương"] and leads["IV.2.-1"] == ["Sở Nông nghiệp và Môi trường"]
    assert any("repeats IV." in w.message for w in doc.warnings if w.code == "numbering_gap")


def test_only_a_roman_part_heading_in_capitals_may_repeat_its_number():
    assert repeats_part("roman", 4, 4, read_marker("IV. PHÂN CÔNG NHIỆM VỤ"))
    # a repeated numeral before lower-case words is a list or a quotation, not a part
    assert not repeats_part("roman", 4, 4, read_marker("IV. Phân công nhiệm vụ"))
    # an article inserted after another ("Điều 8a", pool md/087cf37a325c4959.md) is no misnumbered part
    assert not repeats_part("article", 8, 8, read_marker("Điều 8a. Hiệu lực thi hành"))
