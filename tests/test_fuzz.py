"""Fuzzing as a habit (issue 14): property tests over the text path, structure-aware mutations
of real corpus files, the atheris harness's findings replayed, and a short atheris run (-m slow)."""
from __future__ import annotations

import io
import random
import subprocess
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban.pipeline.batch import parse_many
from vanban.pipeline.errors import VanbanError
from vanban.pipeline.limits import Limits
from vanban.pipeline.normalise import normalise_text
from vanban.pipeline.read import sniff
from vanban.pipeline.run import parse

from conftest import CORPUS, REPO

HOSTILE = REPO / "tests" / "data" / "hostile"
#: words of real documents, so that random texts reach past the header into tasks and citations
WORDS = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số:", "12/KH-UBND", "KẾ HOẠCH", "I.", "1.", "a)", "Điều 1.",
         "Sở Nội vụ", "chủ trì", "phối hợp", "Quyết định số", "ngày 01/01/2024", "Thời hạn:", "Quý I",
         "năm 2025", "|", "**", "#", "\n", "\n\n", "\f", "TT", "Nội dung", "Nơi nhận:", "KT. CHỦ TỊCH", "số"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=80).map(" ".join)
#: the time bound of a text document in a batch (pipeline/limits.py)
BOUND = timedelta(seconds=Limits().timeout)


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_normalisation_is_idempotent(s):
    once = normalise_text(s)
    assert normalise_text(once) == once


@given(texts)
@settings(max_examples=60, deadline=BOUND, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_parses_or_fails_with_a_vanban_error(tmp_path_factory, s):
    path = tmp_path_factory.mktemp("t") / "doc.txt"
    path.write_text(s, encoding="utf-8")
    try:
        doc = parse(path)
    except VanbanError as exc:
        assert str(path) in str(exc)
    else:
        assert doc.sections or doc.metadata.doc_type.code or doc.metadata.issuer.name or doc.metadata.symbol


@given(st.binary(max_size=2048))
@settings(max_examples=300, deadline=None)
def test_sniffing_any_bytes_names_a_format(data):
    assert sniff(data) in {"pdf", "docx", "zip", "doc", "rtf", "html", "json", "text", "binary"}


# --- structure-aware mutations of real files ------------------------------------------------------

def _truncations(data: bytes) -> list[bytes]:
    return [data[:n] for n in (16, len(data) // 3, len(data) // 2, len(data) - 7)]


def _flips(data: bytes, seed: int, n: int = 4) -> list[bytes]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        b = bytearray(data)
        for _ in range(8):
            b[rnd.randrange(len(b))] ^= 1 << rnd.randrange(8)
        out.append(bytes(b))
    return out


def _zip_changes(data: bytes) -> list[bytes]:
    """A .docx with a member dropped, emptied, truncated or swapped for another's content."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    out = []
    for change in ("drop", "empty", "truncate", "swap"):
        for target in ("word/document.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml"):
            if target not in names:
                continue
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
                for name in names:
                    body = src.read(name)
                    if name == target:
                        if change == "drop":
                            continue
                        body = {"empty": b"", "truncate": body[: len(body) // 2],
                                "swap": src.read(names[0])}[change]
                    dst.writestr(name, body)
            out.append(buf.getvalue())
    return out


MUTATED = {
    "010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf": ("pdf", lambda d: _truncations(d) + _flips(d, 10)),
    "001_laocai-kh-ubnd-chi-thi-11-khoang-san.docx": ("docx", lambda d: _truncations(d) + _flips(d, 1) + _zip_changes(d)),
    "021_vbpl-qd-51-2025-qd-ttg-tieu-chi-nong-thon-moi.html": ("html", lambda d: _truncations(d) + _flips(d, 21)),
    "066_lamdong-kh-ubnd-khong-ma-tuy-2026-legacy-doc.doc": ("doc", lambda d: _truncations(d) + _flips(d, 66)),
}


def test_mutated_corpus_files_end_cleanly(tmp_path):
    """Every mutation ends as ok or one clear error in a batch: no internal error, no crash, no hang."""
    files = []
    for name, (ext, mutate) in MUTATED.items():
        for k, data in enumerate(mutate((CORPUS / name).read_bytes())):
            p = tmp_path / "in" / f"{Path(name).stem[:12]}-{k}.{ext}"
            p.parent.mkdir(exist_ok=True)
            p.write_bytes(data)
            files.append(p)
    report = parse_many(files, tmp_path / "out", workers=2, limits=Limits(timeout=60, timeout_per_page=3))
    bad = [(Path(e.input).name, e.status, e.error) for e in report.entries
           if e.status not in ("ok", "error") or (e.error or "").startswith("internal error")]
    assert not bad


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*")), ids=lambda p: p.name)
def test_fuzz_findings_stay_fixed(path):
    """Each file atheris found (tests/data/hostile/) now reads cleanly or fails with a VanbanError."""
    sys.path.insert(0, str(REPO / "bench" / "fuzz"))
    try:
        from harness import read_bytes
    finally:
        sys.path.pop(0)
    read_bytes(path.read_bytes())


@pytest.mark.slow
def test_atheris_short_run(tmp_path):
    """The CI fuzz run: 90 s of atheris over the seed corpus, no finding."""
    pytest.importorskip("atheris")
    harness = REPO / "bench" / "fuzz" / "harness.py"
    seed = tmp_path / "seed"
    subprocess.run([sys.executable, str(harness), "--seed", str(seed)], check=True)
    run = subprocess.run([sys.executable, str(harness), str(tmp_path / "found"), str(seed), "-max_total_time=90",
                          "-timeout=30", "-rss_limit_mb=2048", f"-artifact_prefix={tmp_path}/"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
