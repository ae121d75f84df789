"""outputs/ is what the pipeline emits for corpus/: any change to extraction must show up
there as a reviewable diff.  One test per family of formats (by file name: the PDF family
holds the OCR'd scans and is marked slow).  Regenerate after a change you meant:

    VANBAN_REGEN=1 python -m pytest tests/test_outputs.py -m "slow or not slow"
    git diff outputs/                    # review it
"""
from __future__ import annotations

import difflib
import json
import os
import shutil
from pathlib import Path

import pytest

from vanban.pipeline.batch import collect_inputs, parse_many

from conftest import REPO

OUTPUTS = REPO / "outputs"
FAMILIES = {"pdf": {".pdf"}, "word": {".docx", ".doc", ".rtf"}, "html": {".html", ".htm"},
            "text": {".txt", ".md", ".json"}}
REGEN = os.environ.get("VANBAN_REGEN") == "1"


def _family(path) -> str:
    return next((f for f, suffixes in FAMILIES.items() if path.suffix.lower() in suffixes), "text")


def _source(output) -> Path:
    """The input a committed output was made from (its `source.path`)."""
    return Path(json.loads(output.read_text(encoding="utf-8"))["source"]["path"])


def _outputs(folder) -> dict[str, object]:
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*.json") if not p.name.startswith("_report")}


@pytest.mark.parametrize("family", [pytest.param("pdf", marks=pytest.mark.slow), "word", "html", "text"])
def test_outputs_match_the_code(family, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)                       # paths in the JSON are as given: corpus/...
    inputs = [p for p in collect_inputs(["corpus"]) if _family(p) == family]
    fresh = tmp_path / "outputs"
    report = parse_many(inputs, fresh, workers=None)
    have = _outputs(fresh)
    assert not report.failed, [f"{e.input}: {e.error}" for e in report.failed]
    want = {name: p for name, p in _outputs(OUTPUTS).items() if _family(_source(p)) == family}
    if REGEN:
        for name in want.keys() - have.keys():
            want[name].unlink()
        for name, p in have.items():
            (OUTPUTS / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, OUTPUTS / name)
        return
    problems = []
    for name in sorted(set(want) | set(have)):
        if name not in have:
            problems.append(f"{name}: committed but no longer produced")
        elif name not in want:
            problems.append(f"{name}: produced but not committed")
        else:
            a = want[name].read_text(encoding="utf-8")
            b = have[name].read_text(encoding="utf-8")
            if json.loads(a) != json.loads(b):
                diff = list(difflib.unified_diff(a.splitlines(), b.splitlines(), "committed", "now", n=1, lineterm=""))
                problems.append(f"{name}:\n" + "\n".join(diff[:12]))
    assert not problems, ("outputs/ drifted from the code; review, then regenerate with "
                          "`VANBAN_REGEN=1 python -m pytest tests/test_outputs.py -m 'slow or not slow'`:\n"
                          + "\n".join(problems[:15]))
