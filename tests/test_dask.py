"""A batch on a Dask LocalCluster of 2 processes gives the local run's outputs, byte for byte,
and reports a failing document in the same report (issue 13.4)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vanban.pipeline.batch import collect_inputs, parse_many

from conftest import REPO

distributed = pytest.importorskip("distributed")

POOL = REPO.parent / "shared" / "pool" / "md"


@pytest.fixture
def inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted(POOL.glob("*.md"))[:6]:
        shutil.copy(p, src / p.name)
    (src / "prose.txt").write_text("Hôm nay trời đẹp, chúng tôi đi chơi công viên.\n", encoding="utf-8")
    return src


def test_dask_local_cluster_matches_a_local_run(inputs, tmp_path):
    if not POOL.is_dir():
        pytest.skip("../shared/pool/md is not here")
    files = collect_inputs([str(inputs)])
    local = parse_many(files, tmp_path / "local", workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        seen = []
        remote = parse_many(files, tmp_path / "dask", scheduler=cluster.scheduler_address, progress=seen.append)
    assert len(seen) == len(files)                                    # the progress bar is fed per future
    assert [(e.input, e.status, e.output, e.error) for e in remote.entries] == \
           [(e.input, e.status, e.output, e.error) for e in local.entries]
    assert {e.status for e in remote.entries} == {"ok", "error"}
    for e in local.entries:
        if e.output:
            assert (tmp_path / "dask" / e.output).read_bytes() == (tmp_path / "local" / e.output).read_bytes()
