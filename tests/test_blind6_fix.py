"""The body tasks the sixth blind round missed (corpus 131-133), each a general mechanism: a heading that names
the holder of the items below it, the National Assembly's bodies and standing organs, a role written after a body
and a dash. Real lines of the corpus documents, each named in the comments."""
from __future__ import annotations

from vanban.extractors.tasks.assignment import read_assignment


# --------------------------------------------------------------------------- the National Assembly's bodies (131)

def test_standing_organs_of_the_national_assemblys_council_and_committees_are_holders():
    # 131 (1339/NQ-UBTVQH15) Điều 2.3 and 2.4
    got = read_assignment("Thường trực Hội đồng Dân tộc, Thường trực Ủy ban Pháp luật phối hợp với các cơ quan có "
                          "liên quan kịp thời cập nhật các nội dung được sửa đổi, bổ sung trong Luật Tổ chức Quốc hội")
    assert got is not None and got[0] == ["Thường trực Hội đồng Dân tộc", "Thường trực Ủy ban Pháp luật"]
    got = read_assignment("Thường trực Hội đồng Dân tộc, các Ủy ban của Quốc hội, các cơ quan thuộc Ủy ban Thường vụ "
                          "Quốc hội và Văn phòng Quốc hội, trong phạm vi nhiệm vụ, quyền hạn được giao, chủ động nghiên "
                          "cứu, rà soát, kịp thời đề xuất việc sửa đổi, bổ sung các văn bản có liên quan")
    assert got is not None and got[0] == ["Thường trực Hội đồng Dân tộc", "Các Ủy ban của Quốc hội",
                                          "Các cơ quan thuộc Ủy ban Thường vụ Quốc hội", "Văn phòng Quốc hội"]


def test_the_secretary_general_of_the_national_assembly_is_a_holder():
    # 131 Điều 3
    got = read_assignment("Giao Tổng Thư ký Quốc hội chủ trì, phối hợp với Thường trực Hội đồng Dân tộc, các Ủy ban, "
                          "các cơ quan thuộc Ủy ban Thường vụ Quốc hội và Văn phòng Quốc hội giúp Ủy ban Thường vụ Quốc "
                          "hội theo dõi, đôn đốc việc triển khai thực hiện Nghị quyết này.")
    assert got is not None and got[0] == ["Tổng Thư ký Quốc hội"]
    assert "Thường trực Hội đồng Dân tộc" in got[1]


def test_the_post_2025_committees_are_bodies():
    # the committees from 18/02/2025 (lexicon/data/bodies.yaml, sourced there)
    got = read_assignment("Ủy ban Pháp luật và Tư pháp chủ trì, phối hợp với Ủy ban Kinh tế và Tài chính thẩm tra dự án luật")
    assert got is not None and got[0] == ["Ủy ban Pháp luật và Tư pháp"] and got[1] == ["Ủy ban Kinh tế và Tài chính"]
