"""A batch on a dask.distributed cluster (`--dask local`, `--scheduler tcp://HOST:PORT`).

    run_dask(jobs, scheduler, limits, done, started=None) -> bool

Each document is one task: a worker parses it (the inputs must be readable at the same
path on the workers: a shared filesystem) and returns its entry and JSON; the client
writes the JSON atomically, so the outputs are byte-identical to a local run and land
where the client runs. Failures come back per document into the same report:
  - a bad document: its entry (error, too_large) as in a local run;
  - a worker that died on it (a crash, the nanny's memory limit) makes Dask retry it
    elsewhere; when it dies again the document is `crashed` (KilledWorker);
  - a document past its time limit (limits.time_for, counted from when a worker is seen
    holding it) is `timeout`, and the worker running it is restarted.
Needs `pip install 'vanban[dask]'`.
"""
from __future__ import annotations

import os
import time
from typing import Callable, Optional

from ..errors import MissingTool
from ..limits import Limits
from .job import pages_of, parse_entry
from .report import Entry

#: seconds between two looks at the running documents' deadlines
TICK = 0.5


def _task(path: str, name: str, limits: Limits):
    from .. import limits as limits_mod
    limits_mod.use(limits)
    return parse_entry(path, name)


def _client(scheduler: str):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingTool("--dask", "Dask is not installed: pip install 'vanban[dask]'") from None
    if scheduler == "local":
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        cluster = LocalCluster(n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def run_dask(jobs, scheduler: str, limits: Limits, done: Callable[[Entry], None],
             started: Optional[Callable[[str], None]] = None, client=None) -> bool:
    """Run every job on the cluster; done(entry) per document as its future completes."""
    from distributed import as_completed
    from distributed.client import FutureCancelledError

    from ..emit import write_atomic
    own, cluster = (None, None) if client is not None else _client(scheduler)
    client = client or own
    try:
        from . import warm_up
        client.run(warm_up)            # every worker builds its tables before the first clock starts
        futures = {}
        for path, out, name in jobs:
            fut = client.submit(_task, path, name, limits, pure=False, key=f"vanban-{len(futures)}-{name}")
            futures[fut] = (path, out, name, limits.time_for(pages_of(path)) or float("inf"))
            if started:
                started(path)
        pending = as_completed(list(futures), with_results=False)
        remaining = set(futures)
        began: dict[str, float] = {}                  # key -> when a worker was first seen holding it
        while remaining:
            batch = pending.next_batch(block=False) if pending.has_ready() else []
            for fut in batch:
                remaining.discard(fut)
                path, out, name, _ = futures[fut]
                done(_result(fut, path, out, write_atomic, FutureCancelledError))
            if not batch:
                time.sleep(TICK)
                _expire(client, futures, remaining, began, done)
        return True
    except KeyboardInterrupt:
        return False
    finally:
        if own is not None:
            own.close()
        if cluster is not None:
            cluster.close()


def _result(fut, path: str, out: str, write_atomic, cancelled) -> Entry:
    try:
        entry, text = fut.result()
    except cancelled:
        return Entry(input=path, status="timeout", error="cancelled")
    except Exception as exc:  # KilledWorker: the worker died on it, twice
        kind = type(exc).__name__
        status = "crashed" if kind == "KilledWorker" else "error"
        return Entry(input=path, status=status, error=f"the Dask worker failed on it ({kind}: {str(exc)[:200]})")
    if text is not None:
        write_atomic(out, text)
    return entry


def _expire(client, futures: dict, remaining: set, began: dict, done) -> None:
    """Documents held by a worker past their time limit: reported `timeout`, their worker restarted."""
    now = time.monotonic()
    holders: dict[str, str] = {}
    for worker, keys in client.processing().items():
        for key in keys:
            holders[key] = worker
            began.setdefault(key, now)
    for fut in [f for f in remaining if f.key in holders and now - began[f.key] > futures[f][3]]:
        remaining.discard(fut)
        fut.cancel()
        try:
            client.restart_workers([holders[fut.key]])
        except Exception:  # noqa: BLE001 - an old distributed: the thread runs on, the report is right
            pass
        done(Entry(input=futures[fut][0], status="timeout", seconds=round(now - began[fut.key], 3),
                   error=f"over its time limit of {futures[fut][3]:.0f} s on the Dask cluster (--timeout raises it)"))
