"""Body tasks (who must do what, from numbered paragraphs and bullets), per-task blocks,
and linking appendix rows to the body tasks they restate."""
from pathlib import Path

import pytest

from vanban.extractors.tasks import extract_tasks, read_assignment
from vanban.pipeline.layout import layout
from vanban.pipeline.link import link_tasks
from vanban.pipeline.normalise import normalise
from vanban.pipeline.read import read
from vanban.pipeline.tree import build_tree
from vanban.schemas.models import Metadata

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.mark.parametrize("text, lead, coordinators", [
    # Bắc Giang III.1.1: body, colon, "Chủ trì, phối hợp với ..."
    ("Sở Thông tin và Truyền thông: Chủ trì, phối hợp với Báo Bắc Giang, Đài Phát thanh và Truyền hình tỉnh "
     "tăng cường tuyên truyền Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương",
     ["Sở Thông tin và Truyền thông"], ["Báo Bắc Giang", "Đài Phát thanh và Truyền hình tỉnh"]),
    # Bắc Giang III.4.4: two bodies, each with its own duty
    ("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh xây dựng Đề án thành lập Quỹ hỗ trợ sáng tạo kỹ thuật tỉnh; "
     "Hội Văn học nghệ thuật tỉnh xây dựng Đề án kiện toàn, đổi mới (tăng vốn điều lệ) Quỹ tài trợ sáng tạo văn "
     "học nghệ thuật tỉnh.",
     ["Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "Hội Văn học nghệ thuật tỉnh"], []),
    # Bắc Giang IV.4: "Đề nghị <Body> ..."; "Tổ chức" inside the name is not the verb
    ("Đề nghị Ban Tổ chức Tỉnh ủy tham mưu Ban Thường vụ Tỉnh ủy ban hành Quy chế tổ chức và hoạt động của hội "
     "quần chúng", ["Ban Tổ chức Tỉnh ủy"], []),
    # Bắc Giang IV.5: "<Body> chủ trì, phối hợp với ..."
    ("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh chủ trì, phối hợp với các cơ quan liên quan tham mưu cho UBND "
     "tỉnh trong công tác triển khai thực hiện Kế hoạch",
     ["Liên hiệp các hội Khoa học và Kỹ thuật tỉnh"], None),
    # 085 Điều 2.4: co-lead
    ("Bộ Ngoại giao: Đồng chủ trì với Bộ Khoa học và Công nghệ, phối hợp với các cơ quan liên quan triển khai",
     ["Bộ Ngoại giao", "Bộ Khoa học và Công nghệ"], None),
    # 010 Điều 3.2: duty words inside the names ("Vật liệu xây dựng") do not end the list
    ("Chánh Văn phòng Bộ, Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng, Thủ trưởng các đơn vị "
     "thuộc Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm thi hành Quyết định này./.",
     ["Chánh Văn phòng Bộ", "Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng",
      "Thủ trưởng các đơn vị thuộc Bộ", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"], []),
    # 097 Điều 3
    ("Vụ trưởng Vụ Các vấn đề chung về xây dựng pháp luật, Chánh Văn phòng Bộ, Vụ trưởng Vụ Kế hoạch - Tài "
     "chính, Vụ trưởng Vụ Tổ chức cán bộ và Thủ trưởng các đơn vị có liên quan thuộc Bộ Tư pháp chịu trách nhiệm "
     "thi hành Quyết định này./.",
     ["Vụ trưởng Vụ Các vấn đề chung về xây dựng pháp luật", "Chánh Văn phòng Bộ",
      "Vụ trưởng Vụ Kế hoạch - Tài chính", "Vụ trưởng Vụ Tổ chức cán bộ",
      "Thủ trưởng các đơn vị có liên quan thuộc Bộ Tư pháp"], []),
    # 034 VI.19.a: a collective name goes on with its qualifier; "cùng với Nhà nước tham gia ..." names no co-lead
    ("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính ưu tiên bố trí nguồn lực đầu tư xây dựng, nâng cấp hạ "
     "tầng số, hạ tầng bưu chính rộng khắp cả nước đáp ứng yêu cầu bùng nổ của phát triển kinh tế số, xã hội số. "
     "Đồng thời, cùng với Nhà nước tham gia đào tạo, hướng dẫn người dân sử dụng các kỹ năng số.",
     ["Các doanh nghiệp viễn thông", "Doanh nghiệp bưu chính"], []),
    # pool md/646f0a00d4174382.md IV.2.m: "cần" (+ verb) is the duty, not part of the second name
    ("Ủy ban nhân dân thành phố Hà Nội và Ủy ban nhân dân Thành phố Hồ Chí Minh cần tập trung một số nhiệm vụ "
     "quan trọng như sau:", ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân Thành phố Hồ Chí Minh"], []),
    # pool md/92e7ae60081433eb.md Điều 13.5: a heading that is a sentence about its body
    ("Thủ tướng Chính phủ xem xét, quyết định chủ trương viện trợ", ["Thủ tướng Chính phủ"], []),
    # 034 VI.19.b
    ("Các doanh nghiệp công nghệ số chủ động tích cực tham gia triển khai Kế hoạch; tích cực, tiên phong đầu tư "
     "phát triển các nền tảng số phục vụ phát triển kinh tế số và xã hội số",
     ["Các doanh nghiệp công nghệ số"], []),
    # 034 V.6.c: the finder stops inside "tổ chức kinh tế"; the list goes on to the verb
    ("Các doanh nghiệp, tổ chức kinh tế, cơ sở giáo dục, đào tạo bố trí kinh phí từ ngân sách tự chủ của mình để "
     "thực hiện các nhiệm vụ, giải pháp được giao thuộc Kế hoạch.",
     ["Các doanh nghiệp, tổ chức kinh tế, cơ sở giáo dục, đào tạo"], []),
    # 024 Điều 2.1: a list of who a rule covers, no work; "Các tổ chức" alone names no body (issue 10)
    ("Các tổ chức ngân sách (để theo dõi dự toán phân bổ cấp 0; thu, chi chuyển giao giữa các cấp ngân sách) và "
     "các đơn vị dự toán cấp I, cấp trung gian phân bổ", None, None),
    # a named body is not stretched ("Sở Tài chính" + "hằng năm")
    ("Sở Tài chính hằng năm bố trí kinh phí thực hiện Kế hoạch", ["Sở Tài chính"], []),
    # 010 Điều 3.1: the finder may run on ("... thành phố có"): the duty phrase ends the name
    ("Ủy ban nhân dân các tỉnh, thành phố có trách nhiệm chỉ đạo, kiểm tra, hướng dẫn việc thực hiện",
     ["Ủy ban nhân dân các tỉnh, thành phố"], []),
    # 061 I.2.b: "Giao <Body> (aside) ..."
    ("Giao Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh) tham mưu Ủy ban nhân dân tỉnh "
     "triển khai tích hợp ứng dụng AI", ["Văn phòng Ủy ban nhân dân tỉnh"], []),
    # 027 Kon Tum block value: "<Body> chủ trì, phối hợp với A; B; C"
    ("Sở Lao động - Thương binh và xã hội chủ trì, phối hợp với Liên đoàn Lao động tỉnh; các sở, ngành liên quan",
     ["Sở Lao động - Thương binh và xã hội"], ["Liên đoàn Lao động tỉnh", "Các sở, ngành liên quan"]),
    # 099 Điều 9.4: a long collective name before "có trách nhiệm"
    ("Ủy ban nhân dân các huyện, quận, thị xã, thành phố thuộc tỉnh, thành phố trực thuộc Trung ương có trách "
     "nhiệm lập và tổ chức thực hiện phương án đào tạo",
     ["Ủy ban nhân dân các huyện, quận, thị xã, thành phố thuộc tỉnh, thành phố trực thuộc Trung ương"], []),
    # 041 IV.2: an adverbial opening before the bodies
    ("Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành và Ủy ban nhân dân các xã, phường được phân "
     "công chủ trì thực hiện nhiệm vụ", ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"], []),
    # no body at the start: no task
    ("Phát huy vai trò của đội ngũ trí thức trong đổi mới, sáng tạo", None, None),
    ("Ban hành các cơ chế, chính sách trong tập hợp, sử dụng và phát huy vai trò đội ngũ trí thức", None, None),
    ("Các hoạt động trong Kế hoạch phải cụ thể, khả thi", None, None),
    ("Trung tâm dữ liệu quốc gia phải bảo đảm là một trụ cột quan trọng", None, None),   # a statement, no duty
])
def test_read_assignment(text, lead, coordinators):
    got = read_assignment(text)
    if lead is None:
        assert got is None
        return
    assert got is not None and got[0] == lead
    if coordinators is not None:
        assert got[1] == coordinators


def _tasks(name: str):
    raw = normalise(read(str(CORPUS / name)))
    doc = layout(raw)
    tree = build_tree(doc)
    tasks, warnings = extract_tasks(doc, tree, Metadata(date="2024-06"))
    tasks = link_tasks(tasks, [])
    return {t.id: t for t in tasks}, doc


@pytest.fixture(scope="module")
def bacgiang():
    return _tasks("bacgiang-2024-kh-ubnd-nq45.txt")


@pytest.mark.parametrize("tid, lead", [
    ("body:III.1.1", ["Sở Thông tin và Truyền thông"]),
    ("body:III.2.2", ["Sở Tài chính"]),
    ("body:III.2.1.-1", ["Sở Nội vụ"]),                          # a bullet inherits its paragraph's body
    ("body:III.5.4.-1", ["Các sở, ban, ngành"]),                 # a bullet naming its own body overrides
    ("body:III.5.4.-2", ["UBND các huyện, thị xã, thành phố"]),
    ("body:IV.2", ["UBND các huyện, thị xã, thành phố"]),        # Tổ chức thực hiện
])
def test_bacgiang_body_tasks(bacgiang, tid, lead):
    tasks, _ = bacgiang
    assert tasks[tid].origin == "body"
    assert tasks[tid].lead == lead


def test_bacgiang_headings_are_not_tasks(bacgiang):
    tasks, _ = bacgiang
    assert "body:III.2.1" not in tasks                          # its bullets are the tasks
    assert not any(t.startswith("body:I.") or t.startswith("body:II.") for t in tasks)


def test_bacgiang_task_spans_and_related(bacgiang):
    tasks, doc = bacgiang
    row = tasks["appendix:II.1"]
    assert "899/QĐ-TTg" in doc.text[row.start:row.end]
    assert row.related == ["body:III.2.1.-1"]                  # same lead, same words
    assert "appendix:II.1" in tasks["body:III.2.1.-1"].related
    body = tasks["body:III.1.1"]
    assert doc.text[body.start:body.end].startswith("1.1. Sở Thông tin và Truyền thông")


def test_per_task_blocks_097():
    tasks, _ = _tasks("097_btp-qd-173-qd-btp-2015-ke-hoach-phoi-hop-ubdt.txt")
    t = tasks["body:appendix.II.1.b"]
    assert t.description.startswith("Gửi dự kiến chương trình xây dựng luật, pháp lệnh năm 2016")
    assert t.lead == ["Vụ Các vấn đề chung về xây dựng pháp luật"]
    assert t.coordinators == ["Văn phòng Bộ"]
    assert t.deadline is not None and t.deadline.text == "Quý I/2015"
