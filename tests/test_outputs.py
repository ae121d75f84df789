"""outputs/ is what the pipeline emits for corpus/: any change to extraction must show up
there as a reviewable diff.  Regenerate with (from the repository root):

    vanban parse corpus -o outputs
"""
from __future__ import annotations

import difflib
import json

from vanban.pipeline.batch import collect_inputs, parse_many

from conftest import REPO

OUTPUTS = REPO / "outputs"


def test_outputs_match_the_code(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)                       # paths in the JSON are as given: corpus/...
    fresh = tmp_path / "outputs"
    parse_many(collect_inputs(["corpus"]), fresh, workers=None)
    want = {p.relative_to(OUTPUTS).as_posix(): p for p in OUTPUTS.rglob("*.json") if p.name != "_report.json"}
    have = {p.relative_to(fresh).as_posix(): p for p in fresh.rglob("*.json") if p.name != "_report.json"}
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
    assert not problems, ("outputs/ drifted from the code; review and regenerate with "
                          "`vanban parse corpus -o outputs`:\n" + "\n".join(problems[:15]))
