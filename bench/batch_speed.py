"""The batch on the pool, for bench/benchmark.py: 1 worker against 2, the peak RSS of a
worker, and a Dask LocalCluster run compared byte for byte with the local one.

    pool_sample(pool, every) -> list[Path]       every n-th input of the pool (1: all)
    run_batch(files, outdir, how) -> dict        in a child process: how = "1", "2", "dask"
    same_outputs(a, b) -> (identical, total, differing names)

Each run is its own child process, so that its workers' peak RSS (RUSAGE_CHILDREN of that
child: the largest worker it waited for) is theirs alone. Speed-up is wall clock (it is what
workers buy), shown with the machine's load average, since other jobs share the cores.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

#: what the batch writes about itself, with timings that differ from run to run
OWN_FILES = {"_report.json", "_report.jsonl"}


def pool_sample(pool: Path, every: int) -> list[Path]:
    from vanban.pipeline.batch import collect_inputs
    return collect_inputs([str(pool)])[::max(1, every)]


def batch_child(how: str, outdir: str, listing: str) -> dict:
    """In the child: parse the listed files into outdir; wall, CPU and the workers' peak RSS."""
    from vanban.pipeline.batch import parse_many

    files = [Path(line) for line in Path(listing).read_text(encoding="utf-8").splitlines() if line]
    t0, c0 = time.perf_counter(), time.process_time()
    kwargs = {"scheduler": "local"} if how == "dask" else {"workers": int(how), "force_workers": True}
    report = parse_many(files, Path(outdir), **kwargs)
    wall, own = time.perf_counter() - t0, time.process_time() - c0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall": wall, "cpu_parent": own, "cpu_workers": kids.ru_utime + kids.ru_stime,
            "worker_peak_mb": kids.ru_maxrss / 1024, "counts": report.counts(), "load": os.getloadavg()[0]}


def run_batch(script: str, files: list[Path], outdir: Path, how: str) -> dict:
    listing = outdir.with_suffix(".list")
    listing.write_text("\n".join(map(str, files)) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, script, "--child-batch", how, str(outdir), str(listing)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def same_outputs(a: Path, b: Path) -> tuple[int, int, list[str]]:
    """Outputs of two runs compared byte for byte (the reports, with their timings, left out)."""
    names = sorted({p.relative_to(a) for p in a.rglob("*") if p.is_file() and p.name not in OWN_FILES}
                   | {p.relative_to(b) for p in b.rglob("*") if p.is_file() and p.name not in OWN_FILES})
    differ = [str(n) for n in names
              if not ((a / n).is_file() and (b / n).is_file() and (a / n).read_bytes() == (b / n).read_bytes())]
    return len(names) - len(differ), len(names), differ


def has_dask() -> bool:
    import importlib.util
    return importlib.util.find_spec("distributed") is not None
