"""The audit (audit/) over real documents stored in SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from vanban.audit import render
from vanban.audit.findings import audit
from vanban.store.engine import open_registry
from vanban.store.ingest import ingest

from conftest import CORPUS, REPO

DATA = REPO / "tests" / "data" / "registry"
AUDIT_DAY = date(2026, 12, 3)


@pytest.fixture
def stored(registry_url):
    engine = open_registry(registry_url)
    report = ingest([str(CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt"), str(DATA)], engine, workers=1)
    assert not report.failed
    yield engine
    engine.dispose()


def _codes(result, code):
    return [f for f in result.findings if f.code == code]


def test_one_document_cited_with_different_dates(stored):
    """Đồng Nai cites Thông tư 02/2017/TT-VPCP as of 30/10/2017, Cần Thơ as of 31/10/2017 (the right date)."""
    found = [f for f in _codes(audit(stored, AUDIT_DAY), "inconsistent_citations")
             if f.details["identifier"] == "02/2017/TT-VPCP"]
    assert len(found) == 1
    variants = {v["date"]: [c["document"] for c in v["cited_by"]] for v in found[0].details["variants"]}
    assert variants["2017-10-30"] == ["2813/QĐ-UBND"]
    assert variants["2017-10-31"] == ["2666/QĐ-UBND"]
    assert found[0].details["differ"] == ["dates"]


def test_one_number_of_two_provinces_is_not_an_inconsistency(stored):
    """15/2025/QĐ-UBND of Đà Nẵng (1/7/2025) and of Hà Tĩnh (1/3/2025) are two documents."""
    result = audit(stored, AUDIT_DAY)
    assert not [f for f in _codes(result, "inconsistent_citations") if f.details["identifier"] == "15/2025/QĐ-UBND"]


def test_bacgiang_tasks_whose_bodies_are_gone(stored):
    found = {f.details["body"]: f for f in _codes(audit(stored, AUDIT_DAY), "defunct_body")
             if f.document == "corpus/bacgiang-2024-kh-ubnd-nq45.txt" or "bacgiang" in f.document}
    ttt = found["Sở Thông tin và Truyền thông"]
    assert ttt.details["successor"][0] == "Sở Khoa học và Công nghệ tỉnh Bắc Ninh"
    assert ttt.details["since"] == "2025-03-01"
    assert [s["kind"] for s in ttt.details["steps"]] == ["department", "province"]
    assert found["Sở Kế hoạch và Đầu tư"].details["successor"] == ["Sở Tài chính tỉnh Bắc Ninh"]
    assert found["UBND các huyện, thị xã, thành phố"].details["successor"] == ["Ủy ban nhân dân các xã, phường tỉnh Bắc Ninh"]
    # before the reorganisation, every body still existed
    assert not _codes(audit(stored, date(2024, 12, 31)), "defunct_body")


def test_deadlines_on_the_audit_day(stored):
    late = audit(stored, AUDIT_DAY)
    early = audit(stored, date(2024, 7, 1))
    assert len(_codes(late, "overdue")) > 10
    assert all("2024" in f.message or "2025" in f.message or "2026" in f.message for f in _codes(late, "overdue"))
    assert len(_codes(early, "overdue")) < len(_codes(late, "overdue"))


def test_unresolved_lists_the_most_cited(stored):
    [summary] = _codes(audit(stored, AUDIT_DAY), "unresolved")
    top = summary.details["top"]
    assert top[0]["cited_by"] >= top[-1]["cited_by"]
    assert summary.details["citations"] >= summary.details["documents"] >= len(top)


def test_json_and_csv_carry_every_finding(stored):
    result = audit(stored, AUDIT_DAY)
    body = json.loads(render.to_json(result))
    assert body["summary"]["findings"] == len(body["findings"]) == len(result.findings)
    rows = list(csv.reader(io.StringIO(render.to_csv(result))))
    assert rows[0] == list(render.CSV_COLUMNS) and len(rows) == len(result.findings) + 1
    assert all(f["code"] and f["severity"] and "evidence" in f for f in body["findings"])
