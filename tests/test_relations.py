"""reference.relation read from the citing words (extractors/relations.py), on real sentences.

Each sentence is quoted from corpus/ or ../shared/pool/md; the mention is the
`<type> số <identifier>` span the references extractor finds there, `others` the
other mentions of the same sentence.
"""
import re

import pytest

from vanban.extractors.relations import mention_relation
from vanban.pipeline import parse

from conftest import CORPUS

_MENTION = re.compile(r"(?:Quyết định|Nghị quyết|Nghị định|Thông tư|Luật|Kế hoạch|Chỉ thị)(?: số)? [0-9][^\s,;]*")


def _relation_of(sentence: str, identifier: str) -> str:
    spans = [(m.start(), m.end()) for m in _MENTION.finditer(sentence)]
    target = next(s for s in spans if identifier in sentence[s[0]:s[1]])
    return mention_relation(sentence, *target, [s for s in spans if s != target])


CASES = [
    # basis: a paragraph opening with Căn cứ (pool/md), and every first mention of its ;-clauses
    ("Căn cứ Nghị định số 32/2024/NĐ-CP của Chính phủ về quản lý, phát triển", "32/2024/NĐ-CP", "basis"),
    ("*Căn cứ Thông tư số 02/2017/TT-VPCP", "02/2017/TT-VPCP", "basis"),
    # implements (corpus/bacgiang-2024-kh-ubnd-nq45.txt)
    ("Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành", "45-NQ/TW", "implements"),
    ("- Tham mưu triển khai thực hiện Quyết định số 899/QĐ-TTg ngày 31/7/2023 của Thủ tướng Chính phủ",
     "899/QĐ-TTg", "implements"),
    # amends (corpus/bacgiang-2024-kh-ubnd-nq45.txt, appendix row 4)
    ("Sửa đổi, bổ sung Quyết định số 06/2021/QĐ-UBND ngày 16/3/2021 của UBND tỉnh ban hành", "06/2021/QĐ-UBND",
     "amends"),
    # replaces (pool/md)
    ("Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 3987/QĐ-TCHQ  ngày 4/12/2013 "
     "của Tổng cục trưởng Tổng cục Hải quan", "3987/QĐ-TCHQ", "replaces"),
    ("2. Nghị quyết này thay thế Nghị quyết số 61/2021/NQ-HĐND", "61/2021/NQ-HĐND", "replaces"),
    # repeals, before and after the mention (pool/md)
    ("Quyết định bãi bỏ Quyết định số 14/2025/QĐ-UBND ngày 01/3/2025 của Ủy ban nhân dân", "14/2025/QĐ-UBND",
     "repeals"),
    ("Quyết định số 0562/QĐ-UBND ngày 29/7/2025 hết hiệu lực kể từ ngày Quyết định này có hiệu lực",
     "0562/QĐ-UBND", "repeals"),
    # guides (pool/md)
    ("quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP", "23/2015/NĐ-CP",
     "guides"),
    # cites: the verb describes ANOTHER cited document, not the citing one (pool/md)
    ("Quyết định số 17/2012/QĐ-TTg ngày 01 tháng 3 năm 2012 của Thủ tướng Chính phủ sửa đổi, bổ sung một số "
     "điều của Quyết định số 139/2002/QĐ-TTg ngày 15 tháng 10 năm 2002", "139/2002/QĐ-TTg", "cites"),
    ("2020 và thay thế Thông tư số 146/2007/TT-BQP ngày 11 tháng 9 năm 2007 của Bộ\ntrưởng Bộ Quốc phòng hướng "
     "dẫn thực hiện Quyết định số 96/2006/QĐ-TTg ngày 04", "96/2006/QĐ-TTg", "cites"),
    ("2020 và thay thế Thông tư số 146/2007/TT-BQP ngày 11 tháng 9 năm 2007 của Bộ\ntrưởng Bộ Quốc phòng hướng "
     "dẫn thực hiện Quyết định số 96/2006/QĐ-TTg ngày 04", "146/2007/TT-BQP", "replaces"),
    ("học và Công nghệ tỉnh Bắc Giang và Quyết định 06/2019/QĐ-UBND ngày 05/03/2019", "06/2019/QĐ-UBND", "cites"),
]


@pytest.mark.parametrize("sentence,identifier,relation", CASES, ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_relation_of_a_real_sentence(sentence, identifier, relation):
    assert _relation_of(sentence, identifier) == relation


def test_relations_of_the_bacgiang_plan():
    doc = parse(CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt")
    rel = {r.identifier: r.relation for r in doc.references if r.identifier}
    assert rel["45-NQ/TW"] == "implements"
    assert rel["781/2014/QĐ-UBND"] == "replaces"       # "Ban hành Quyết định mới thay thế Quyết định số 781/..."
    assert rel["06/2021/QĐ-UBND"] == "amends"
    assert rel["06/2019/QĐ-UBND"] == "cites"


def test_a_consolidated_text_is_not_its_own_source():
    """`consolidates` is how a consolidated text (văn bản hợp nhất) uses its sources (contract 1.1); its own
    number is its self-reference, which cites nothing."""
    from vanban.extractors.relations import relation_of
    from vanban.schemas.models import DocType, Mention, Reference
    text = "Số: 94/VBHN-BQP"                                 # pool/md, a consolidated text
    ref = Reference(id="ref:94/VBHN-BQP", doc_type=DocType(code="VBHN"), identifier="94/VBHN-BQP",
                    mentions=[Mention(start=4, end=len(text))], is_self=True)
    assert relation_of(ref, text) == "cites"


def test_clause_starts_and_verbs_read_as_the_plain_scans_over_the_corpus():
    """The clause start read back from a mention is the end of the last _CLAUSE_END a finditer finds
    before it; the one pattern of every relation's verbs matches where one relation's pattern does."""
    import random

    from vanban.extractors import relations as R

    rng = random.Random(3)
    pats = [p["before"] for p in R._patterns().values() if "before" in p]
    for path in sorted(CORPUS.glob("*.md"))[:40]:
        text = path.read_text(encoding="utf-8")
        for _ in range(40):
            hi = rng.randint(0, len(text))
            lo = max(0, hi - rng.choice((10, 300, 5000)))
            assert R._clause_start(text, lo, hi) == max((m.end() for m in R._CLAUSE_END.finditer(text, lo, hi)), default=0)
            before = text[max(0, hi - 300):hi]
            assert (R._any_before().search(before) is not None) == any(p.search(before) for p in pats)
    for before in ("đã được thay thế cho các", "Bãi bỏ một số điều của ", "SỬA ĐỔI, BỔ SUNG khoản 2 điều 3 của",
                   "xthay thế", "triển khai thực hiện nghiêm túc các", "căn cứ vào\n", "1.5", "a;1", "a.\n2"):
        assert (R._any_before().search(before) is not None) == any(p.search(before) for p in pats)
        assert R._clause_start(before, 0, len(before)) == max((m.end() for m in R._CLAUSE_END.finditer(before)), default=0)
