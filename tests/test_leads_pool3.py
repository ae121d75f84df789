"""Lead names cut wrong or joining two holders (issue 10, class 1), each case from a real document: the pool
(../shared/pool/md/<id>.md) or the corpus gold, the sentence quoted."""
from __future__ import annotations

import pytest

from vanban.extractors.bodies import find_bodies
from vanban.extractors.tasks.assignment import read_assignment


# 1. an organ named by the body it belongs to, "<organ> của <body>", is one holder
@pytest.mark.parametrize("text, lead", [
    # corpus 104 (NQ 1660/NQ-UBTVQH15) Điều 3.3
    ("Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh Đắk Lắk, trong "
     "phạm vi nhiệm vụ, quyền hạn của mình, giám sát việc thực hiện Nghị quyết này.",
     ["Hội đồng Dân tộc", "Các Ủy ban của Quốc hội", "Đoàn đại biểu Quốc hội", "Đại biểu Quốc hội tỉnh Đắk Lắk"]),
    # corpus 121 (VBHN 462/VBHN-BLĐTBXH) Điều 7.1
    ("Hội đồng quản trị của Bảo hiểm tiền gửi Việt Nam có trách nhiệm thực hiện các nhiệm vụ như đối với Hội đồng "
     "thành viên hoặc Chủ tịch công ty quy định tại Điều 18 Thông tư số 26/2016/TT-BLĐTBXH",
     ["Hội đồng quản trị của Bảo hiểm tiền gửi Việt Nam"]),
])
def test_an_organ_of_a_body_is_one_holder(text, lead):
    got = read_assignment(text)
    assert got is not None and got[0] == lead


def test_of_joins_only_an_organ():
    # "Báo" is a head, "Báo cáo của Bộ Tài chính" no organ: the body is the ministry
    assert [b.name for b in find_bodies("Báo cáo của Bộ Tài chính gửi Chính phủ")][0] == "Bộ Tài chính"


# 1. a list of holders that runs to its lead word, a clause about one of them taken out
def test_a_list_runs_to_its_lead_word():
    # corpus 104 Điều 3.1 (the typo "thức hiện" is the document's: no duty verb before "có trách nhiệm")
    got = read_assignment(
        "Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Đắk Lắk, chính quyền địa phương các đơn vị hành chính liên "
        "quan đến việc thức hiện sắp xếp và các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi hành Nghị "
        "quyết này; sắp xếp, ổn định bộ máy các cơ quan, tổ chức ở địa phương")
    assert got is not None and got[0] == [
        "Chính phủ", "Hội đồng nhân dân", "Ủy ban nhân dân tỉnh Đắk Lắk",
        "Chính quyền địa phương các đơn vị hành chính liên quan", "Các cơ quan, tổ chức khác có liên quan"]
