"""Linking on real documents: deadlines that point at a cited document, rows <-> body tasks."""
import pytest

from vanban.pipeline.run import parse

from conftest import CORPUS


@pytest.fixture(scope="module")
def lamdong():
    return parse(CORPUS / "061_lamdong-kh-ubnd-cchc-2026-final.docx")


@pytest.mark.parametrize("printed,ref_id", [
    # Lâm Đồng plan, appendix rows whose time column points at a decision
    ("Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh",
     "ref:1441/QĐ-UBND"),
    ("Theo các mốc thời gian tại Quyết định số 1737/QĐ-UBND ngày 17/10/2025 của Chủ tịch UBND tỉnh",
     "ref:1737/QĐ-UBND"),
])
def test_deadline_pointing_at_a_document_is_linked(lamdong, printed, ref_id):
    tasks = [t for t in lamdong.tasks if t.deadline and t.deadline.text == printed]
    assert tasks, f"no task with deadline {printed!r}"
    assert ref_id in {r.id for r in lamdong.references}
    for t in tasks:
        assert t.deadline.kind == "unparsed"          # still no date invented
        assert t.deadline.reference == ref_id
        assert ref_id in t.references


def test_deadline_with_a_date_names_no_document(lamdong):
    dated = [t for t in lamdong.tasks if t.deadline and t.deadline.kind != "unparsed"]
    assert dated and all(t.deadline.reference is None for t in dated)
