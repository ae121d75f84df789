"""The yardstick (`vanban eval`, pipeline/evaluate.py): its scoring rules, the gold files'
shape, agreement with shared/tools/score.py, and the ratchet against tests/eval_baseline.json.

When a total rises, rewrite the ratchet:
    python -m vanban.pipeline.evaluate corpus --write-baseline tests/eval_baseline.json
"""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, REPO
from vanban.pipeline.eval_rules import (
    AREAS, deadline_ok, fold, ident, name_sim, score_appendix, score_body, score_document,
    score_metadata, score_references, score_sections, set_match, sim,
)
from vanban.pipeline.evaluate import evaluate

BASELINE = REPO / "tests" / "eval_baseline.json"
SCORE_PY = REPO.parent / "shared" / "tools" / "score.py"
GOLD_FILES = sorted((CORPUS / "gold").glob("*.gold.json"))
TOLERANCE = 0.005
#: A partial ISO date as the contract allows: "2024", "2024-06", "2024-06-14".
PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DEADLINE_KINDS = {"by_date", "period", "recurring", "continuous", "from", "unparsed"}
FREQUENCIES = {None, "yearly", "half_yearly", "quarterly", "monthly", "weekly"}


def _say(_miss) -> None:
    pass


# ---------------------------------------------------------------- folding and name matching

@pytest.mark.parametrize("a, b", [
    # case and tone marks (title printed upper case in 041)
    ("TRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU",
     "Triển khai thi hành Luật sửa đổi, bổ sung một số điều"),
    # old and new tone placement (041 header 'UỶ BAN NHÂN DÂN')
    ("UỶ BAN NHÂN DÂN TỈNH LAI CHÂU", "Ủy ban nhân dân tỉnh Lai Châu"),
    # abbreviation expanded (032 appendix 'UBND các phường, xã')
    ("UBND các phường, xã", "Ủy ban nhân dân các phường, xã"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
])
def test_fold_makes_equal(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("printed, canonical", [
    ("5973 /UBND-KT", "5973/UBND-KT"),          # 008: 'Số: 5973 /UBND-KT'
    ("71/NQ -CP", "71/NQ-CP"),                  # 032: 'Nghị quyết số 71/NQ -CP'
    ("92/2009/TT- BTC", "92/2009/TT-BTC"),      # 033: 'Thông tư số 92/2009/TT- BTC'
])
def test_identifiers_compare_without_spaces(printed, canonical):
    assert ident(printed) == ident(canonical)


def test_identifiers_keep_distinct_numbers_apart():
    assert ident("1569/QĐ-TTg") != ident("1668/QĐ-TTg")


@pytest.mark.parametrize("a, b, same", [
    # one name wholly inside the other (>= 2 words)
    ("Thủ trưởng các sở, ban, ngành", "Các sở, ban, ngành", True),
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Ban Quản lý các khu công nghệ cao và khu công nghiệp", True),
    ("Sở Tài chính", "Sở Tư pháp", False),
    ("Sở Khoa học và Công nghệ", "Sở Công Thương", False),
])
def test_name_sim(a, b, same):
    assert (name_sim(a, b) >= 0.85) is same


def test_set_match_counts_each_predicted_name_once():
    gold = ["Sở Khoa học và Công nghệ", "Sở Công Thương", "UBND các phường, xã"]
    pred = ["Sở Khoa học và Công nghệ Sở Công Thương", "UBND các phường, xã"]   # 032 row 1, unsplit
    assert set_match(gold, pred) == 2
    assert set_match(gold, ["Sở KH&CN", "Sở Công Thương", "Ủy ban nhân dân các phường, xã"]) == 3


# ---------------------------------------------------------------- area scorers on small pairs

def test_metadata_title_differing_only_by_case_scores_equal():
    gold = {"title": "Phát triển hạ tầng 5G, IoT trong các khu công nghệ cao, khu công nghiệp, cụm công nghiệp "
                     "trên địa bàn thành phố Hà Nội đến năm 2030",
            "number": "06", "date": "2025-11-25", "signers[0].name": "Hoàng Nam"}
    pred = {"metadata": {"title": gold["title"].upper(), "number": "06", "date": "2025-11-25",
                         "signers": [{"name": "Hoàng Nam"}]}}
    assert score_metadata(gold, pred, _say).score == 1.0


@pytest.mark.parametrize("key, want, have", [
    ("number", "06", "6"),                       # leading zero kept (046 'Số: 06/CT-UBND')
    ("date", "2025-11-25", "2025-11"),           # partial date is not the full date
    ("number", None, "7360"),                    # blank number in the gold must stay null
    ("signers[0].title", "Phó Chủ tịch", "<missing>"),
])
def test_metadata_field_mismatch(key, want, have):
    meta = {} if have == "<missing>" else {key: have}
    assert score_metadata({key: want}, {"metadata": meta}, _say).score == 0.0


def test_sections_found_by_path_and_title():
    gold = [{"path": "V.1", "title": "Ban Quản lý các khu công nghệ cao và khu công nghiệp"},
            {"path": "V.2", "title": "Sở Khoa học và Công nghệ"},
            {"path": "appendix", "title": "NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH"}]
    pred = {"sections": [{"path": "V", "marker": "V.", "title": "TỔ CHỨC THỰC HIỆN", "children": [
                {"path": "V.1", "marker": "1.", "title": "Ban Quản lý các khu công nghệ cao và khu công nghiệp"},
                {"path": "V.2", "marker": "2.", "title": "Sở Tài chính"}]},
            {"path": "appendix", "marker": "appendix", "title": "Nhiệm vụ chủ yếu của Kế hoạch"}]}
    s = score_sections(gold, pred, _say)
    assert (s.tp, s.n_gold) == (2, 3)


def test_references_precision_recall_and_details():
    gold = [{"identifier": "05/CT-TTg", "date": "2022-05-18", "issuer": "Thủ tướng Chính phủ"},
            {"identifier": "31-CT/TU", "date": "2023-06-06", "issuer": "Ban Thường vụ Tỉnh ủy"},
            {"identifier": "131/2025/NĐ-CP", "date": "2025-06-12", "issuer": None}]
    pred = {"references": [
        {"identifier": "05/CT-TTg", "date": "2022-05-18", "issuer": "Thủ tướng Chính phủ"},
        {"identifier": "31-CT/TU", "date": "2023-06", "issuer": "Ban Thường vụ Tỉnh ủy"},
        {"identifier": "13/2023/NĐ-CP", "date": None, "issuer": None},            # website chrome, extra
        {"identifier": "06/CT-UBND", "date": "2025-11-25", "is_self": True}]}    # itself: ignored
    s = score_references(gold, pred, _say)
    assert (s.tp, s.n_gold, s.n_pred) == (2, 3, 3)
    assert s.details == {"date": 0.5, "issuer": 1.0}
    assert s.score == pytest.approx(0.7 * (2 / 3) + 0.3 * 0.75)


@pytest.mark.parametrize("gold, pred, ok", [
    ({"text": "Quý III Năm 2026", "kind": "period", "start": "2026-07-01", "end": "2026-09-30", "frequency": None},
     {"text": "Quý III Năm 2026", "kind": "period", "start": "2026-07-01", "end": "2026-09-30"}, True),
    ({"text": "Hàng năm", "kind": "recurring", "start": None, "end": None, "frequency": "yearly"},
     {"text": "Hàng năm", "kind": "continuous", "start": None, "end": None, "frequency": None}, False),
    ({"text": "Thường xuyên", "kind": "continuous", "start": None, "end": None, "frequency": None}, None, False),
])
def test_deadline_ok(gold, pred, ok):
    assert deadline_ok(gold, pred) is ok


def _row(desc, lead, coord, deadline, section="", row="1"):
    return {"section": section, "row": row, "description": desc, "lead": lead, "coordinators": coord,
            "deadline": deadline}


def test_appendix_rows_matched_by_description_and_scored_by_field():
    cont = {"text": "Thường xuyên", "kind": "continuous", "start": None, "end": None, "frequency": None}
    gold = [_row("Xây dựng kế hoạch đầu tư công, hợp tác công tư, dự toán kinh phí ngân sách nhà nước",
                 ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"], ["Sở Tài chính"], cont, row="3"),
            _row("Thực hiện khảo sát, thu nhập số liệu, công bố kết quả triển khai thực hiện",
                 ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"], ["Sở Khoa học và Công nghệ"],
                 {"text": "Hàng năm", "kind": "recurring", "start": None, "end": None, "frequency": "yearly"}, row="6")]
    pred = {"tasks": [
        {"origin": "appendix", "description": "Xây dựng kế hoạch đầu tư công, hợp tác công tư, dự toán kinh phí ngân sách nhà nước",
         "lead": ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"], "coordinators": ["Sở Tài chính"], "deadline": cont},
        {"origin": "appendix", "description": "Thực hiện khảo sát, thu nhập số liệu, công bố kết quả triển khai thực hiện",
         "lead": ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"], "coordinators": ["Sở Khoa học và Công nghệ"],
         "deadline": cont},
        {"origin": "appendix", "description": "Một dòng không có trong bảng", "lead": [], "coordinators": []},
        {"origin": "body", "description": "Xây dựng kế hoạch đầu tư công", "lead": ["Sở Tài chính"]}]}
    rows, deadlines = score_appendix(gold, pred, _say)
    assert (rows.tp, rows.n_gold, rows.n_pred) == (2, 2, 3)
    assert rows.score == pytest.approx((1.0 + 0.75) / 3)          # score.py: extra rows count against
    assert rows.details["deadline"] == 0.5
    assert deadlines.details == {"kind": 0.5, "start": 1.0, "end": 1.0, "frequency": 0.5}


def test_body_groups_hit_rate_and_optional_groups():
    gold = [{"section": "V.1", "lead": ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"], "coordinators": [], "optional": False},
            {"section": "V.4", "lead": ["Các Sở, ban, ngành của Thành phố", "UBND phường, xã"], "coordinators": [], "optional": False},
            {"section": "V.5", "lead": ["Các doanh nghiệp viễn thông"], "coordinators": [], "optional": True}]
    pred = {"tasks": [
        {"origin": "body", "section": "V.1.-1", "lead": ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"]},
        {"origin": "body", "section": "V.1.-3", "lead": ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"]},
        {"origin": "body", "section": "V.4", "lead": ["Các Sở, ban, ngành của Thành phố"]}]}
    s = score_body(gold, pred, _say)
    assert (s.tp, s.n_gold) == (1, 2)      # V.4 lacks a lead; optional V.5 with no task is not counted


# ---------------------------------------------------------------- the gold files themselves

@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name[:40])
def test_gold_file_shape(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold["gold_version"] == 1
    assert (CORPUS / gold["document"]).is_file(), "the gold names a document of the corpus"
    assert gold_path.name == Path(gold["document"]).stem + ".gold.json"
    meta = gold["metadata"]
    assert meta.get("date") is None or PARTIAL_DATE.fullmatch(meta["date"])
    for s in gold["sections"]:
        assert s["path"] and isinstance(s["title"], str)
    for r in gold["references"]:
        assert r["identifier"] == r["identifier"].strip() and " " not in r["identifier"]
        assert r.get("date") is None or PARTIAL_DATE.fullmatch(r["date"])
    for t in gold["appendix_tasks"]:
        dl = t["deadline"]
        assert dl["kind"] in DEADLINE_KINDS and dl.get("frequency") in FREQUENCIES, t["row"]
        for k in ("start", "end"):
            assert dl.get(k) is None or PARTIAL_DATE.fullmatch(dl[k])
        assert isinstance(t["lead"], list) and isinstance(t["coordinators"], list)
    for g in gold["body_task_groups"]:
        assert g["lead"], f"body group {g['section']} names no lead"


# ---------------------------------------------------------------- agreement with score.py

def _perturbed_prediction(gold: dict) -> dict:
    """A contract-shaped prediction made from the gold with realistic mistakes."""
    meta: dict = {"issuer": {}, "doc_type": {}, "signers": [{}]}
    for key, value in gold["metadata"].items():
        target, parts = meta, key.replace("[0]", "").split(".")
        for p in parts[:-1]:
            target = target[p][0] if p == "signers" else target[p]
        target[parts[-1]] = value
    meta["title"] = (meta.get("title") or "").upper()                      # case only: still right
    meta["date"] = (meta.get("date") or "2024")[:4]                         # only the year: wrong
    sections = [{"path": s["path"], "marker": "", "title": s["title"], "children": []}
                for i, s in enumerate(gold["sections"]) if i % 3]           # every third node missing
    refs = [{"identifier": r["identifier"].replace("/", " /", 1), "date": r.get("date") if i % 2 else None,
             "issuer": r.get("issuer")} for i, r in enumerate(gold["references"]) if i % 4 != 1]
    refs.append({"identifier": "13/2023/NĐ-CP", "date": None, "issuer": None})
    tasks = []
    for i, t in enumerate(gold["appendix_tasks"]):
        tasks.append({"origin": "appendix", "section": t["section"], "description": t["description"],
                      "lead": t["lead"][:1] if i % 2 else t["lead"] + ["Sở Tài chính"],
                      "coordinators": t["coordinators"][1:],
                      "deadline": t["deadline"] if i % 3 else dict(t["deadline"], kind="unparsed")})
    for i, g in enumerate(gold["body_task_groups"]):
        if i % 2:
            tasks.append({"origin": "body", "section": g["section"] + ".-1", "lead": g["lead"]})
    return {"metadata": meta, "sections": sections, "references": refs, "tasks": tasks}


@pytest.mark.skipif(not SCORE_PY.is_file(), reason="shared/tools/score.py not beside the repository")
@pytest.mark.parametrize("stem", ["bacgiang-2024-kh-ubnd-nq45", "032_hanoi-kh-310-kh-ubnd-2025-ha-tang-5g-iot"])
def test_numbers_equal_score_py(stem, tmp_path):
    gold_path = CORPUS / "gold" / f"{stem}.gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pred = _perturbed_prediction(gold)
    pred_path = tmp_path / "pred.json"
    pred_path.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORE_PY), str(gold_path), str(pred_path)],
                         capture_output=True, text=True, check=True).stdout
    theirs = {k: float(v) for k, v in (line.split() for line in out.splitlines()) if k != "overall"}
    areas, _ = score_document(gold, pred)
    ours = {a: round(s.score, 3) for a, s in areas.items() if s.score is not None and a != "deadlines"}
    assert ours == theirs
    assert 0 < theirs["metadata"] < 1 and 0 < theirs["references"] < 1


# ---------------------------------------------------------------- robustness and the ratchet

def test_a_document_that_fails_to_parse_counts_as_zeros(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02 not a document \xff\xfe")
    gold = json.loads((CORPUS / "gold" / "046_quangtri-ct-06-ct-ubnd-2025-lan-chiem-rung.gold.json").read_text("utf-8"))
    gold["document"] = "broken.txt"
    (tmp_path / "gold" / "broken.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate(tmp_path, workers=1)
    doc = result.documents[0]
    assert doc.error
    assert all(doc.areas[a].score == 0.0 for a in ("metadata", "sections", "references", "body_tasks"))
    assert doc.areas["appendix_tasks"].score is None


@pytest.fixture(scope="module")
def corpus_result():
    return evaluate(CORPUS, workers=2)


def test_every_gold_file_is_evaluated(corpus_result):
    assert len(corpus_result.documents) == len(GOLD_FILES) >= 13


def compare_to_baseline(base: dict, now: dict) -> tuple[list[str], list[str]]:
    """(drops, rises) per area: the mean score over the documents the baseline knows must not
    drop by more than TOLERANCE (documents added since are left out of the comparison)."""
    drops, rises = [], []
    for area in AREAS:
        common = [d for d in base if area in base[d] and d in now and area in now[d]]
        if not common:
            continue
        was = sum(base[d][area] for d in common) / len(common)
        is_ = sum(now[d][area] for d in common) / len(common)
        if is_ < was - TOLERANCE:
            culprits = [f"{d} {base[d][area]:.3f}->{now[d][area]:.3f}" for d in common
                        if now[d][area] < base[d][area] - TOLERANCE]
            drops.append(f"{area}: {was:.3f} -> {is_:.3f}; dropped in: {'; '.join(culprits)}")
        elif is_ > was + TOLERANCE:
            rises.append(f"{area}: {was:.3f} -> {is_:.3f}")
    return drops, rises


def test_compare_to_baseline_names_area_and_document():
    base = {"032_hanoi.md": {"references": 1.0, "body_tasks": 0.8}, "046_quangtri.md": {"references": 1.0}}
    now = {"032_hanoi.md": {"references": 0.88, "body_tasks": 0.9}, "046_quangtri.md": {"references": 1.0},
           "new_doc.md": {"references": 0.0}}                      # not in the baseline: not compared
    drops, rises = compare_to_baseline(base, now)
    assert len(drops) == 1 and drops[0].startswith("references: 1.000 -> 0.940") and "032_hanoi.md" in drops[0]
    assert rises == ["body_tasks: 0.800 -> 0.900"]
    assert compare_to_baseline(base, base) == ([], [])


def test_ratchet_no_area_drops_below_baseline(corpus_result):
    if not BASELINE.is_file():
        pytest.skip("no tests/eval_baseline.json yet")
    base = json.loads(BASELINE.read_text(encoding="utf-8"))["documents"]
    drops, rises = compare_to_baseline(base, corpus_result.baseline()["documents"])
    if rises:
        print("eval totals rose (" + ", ".join(rises) + "); update the ratchet: "
              "python -m vanban.pipeline.evaluate corpus --write-baseline tests/eval_baseline.json")
    assert not drops, "eval totals dropped below tests/eval_baseline.json:\n  " + "\n  ".join(drops)
