"""Succession of bodies after the 2025 reorganisation (audit/data/succession.yaml): one test per
row kind, each with the real names a document uses, and the sources every row must carry."""
from datetime import date

import pytest

from vanban.audit.succession import current_names, load_data, sources, succession

AFTER = date(2026, 12, 3)


def test_every_row_names_sources_that_exist():
    rows = load_data("succession.yaml")["rows"]
    assert {r["kind"] for r in rows} == {"ministry", "department", "province", "district"}
    known = sources()
    for r in rows:
        assert r["source"] and all(s in known and known[s]["url"] for s in r["source"]), r["old"]


def test_ministry_merged():
    """NQ 176/2025/QH15: Bộ Kế hoạch và Đầu tư merged into Bộ Tài chính from 1/3/2025."""
    s = succession("Bộ Kế hoạch và Đầu tư", AFTER, kind="ministry")
    assert s.now == ["Bộ Tài chính"] and s.since == "2025-03-01"
    assert succession("Bộ Tài chính", AFTER, kind="ministry") is None
    assert succession("Bộ Kế hoạch và Đầu tư", date(2025, 2, 28), kind="ministry") is None


def test_department_merged_keeps_the_rest_of_its_name():
    """NĐ 45/2025/NĐ-CP: Sở Tài nguyên và Môi trường + Sở Nông nghiệp và PTNT -> Sở Nông nghiệp và Môi trường."""
    s = succession("Sở Tài nguyên và Môi trường thành phố Hà Nội", AFTER, kind="department")
    assert s.now == ["Sở Nông nghiệp và Môi trường thành phố Hà Nội"]
    assert [st.kind for st in s.steps] == ["department"]


def test_province_merged():
    """NQ 202/2025/QH15: Bắc Giang + Bắc Ninh -> tỉnh Bắc Ninh from 1/7/2025; its bodies follow."""
    s = succession("Ủy ban nhân dân tỉnh Bắc Giang", AFTER, kind="committee")
    assert s.now == ["Ủy ban nhân dân tỉnh Bắc Ninh"] and s.since == "2025-07-01"
    assert succession("Sở Nội vụ", AFTER, where="Bắc Giang", kind="department").now == ["Sở Nội vụ tỉnh Bắc Ninh"]
    assert succession("Sở Nội vụ", AFTER, where="Bắc Ninh", kind="department") is None
    assert succession("Sở Nội vụ", date(2025, 6, 30), where="Bắc Giang", kind="department") is None
    assert succession("Báo Bắc Giang", AFTER, where="Bắc Giang", kind="press") is None   # not a state body of the list


def test_district_level_ended():
    """Luật 72/2025/QH15: no district level from 1/7/2025; the communes carry most of its work."""
    s = succession("UBND các huyện, thị xã, thành phố", AFTER, where="Lào Cai", kind="committee")
    assert s.now == ["Ủy ban nhân dân các xã, phường"] and [st.kind for st in s.steps] == ["district"]
    assert succession("Phòng Tài chính - Kế hoạch huyện", AFTER).now == ["Phòng chuyên môn cấp xã"]
    assert succession("UBND các huyện, thị xã, thành phố", date(2025, 6, 30), kind="committee") is None


def test_current_names_answer_a_question_by_the_new_name():
    names = current_names("Sở Thông tin và Truyền thông", "Bắc Giang", "department", as_of=AFTER)
    assert "Sở Khoa học và Công nghệ" in names and "Sở Khoa học và Công nghệ tỉnh Bắc Ninh" in names
