"""Lead names that failed the body-name check on the pool (issue 10's last pool target), each case from a real
document (../shared/pool/md/<id>.md or not-documents/<id>.md), the sentence quoted."""
from __future__ import annotations

from vanban.extractors.tasks.assignment import read_assignment


def _lead(text: str) -> list[str]:
    got = read_assignment(text)
    assert got is not None
    return got[0]


# 1. a predicate a name the finder does not know runs into ends it, even one that opens with an adverb-like verb
def test_a_heading_predicate_ends_the_name():
    # pool 432a3fc0008bf85c appendix 2 (a minutes form): "**Chủ tịch Hội đồng thống nhất kết luận:**"
    assert _lead("Chủ tịch Hội đồng thống nhất kết luận: 1. Đề nghị giữ lại những hồ sơ số") == ["Chủ tịch Hội đồng"]
