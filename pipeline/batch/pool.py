"""Worker processes that survive anything a document does to them.

    run_pool(jobs, workers, limits, done, started=None) -> bool   (False when Ctrl-C stopped it)

Each worker is a forked process that parses one document at a time. The parent
  - starts workers lazily (one more only while documents wait and none is idle);
  - hands out the largest files first when there are several workers, so that the batch
    does not end on one worker parsing a large document while the others wait (the report
    stays in input order), and keeps the next document in each busy worker's pipe while
    many wait, so that a worker goes on without waiting for the parent between two;
  - gives each document a time limit (limits.time_for(pages)) in CPU seconds, so that a busy
    machine does not time documents out, with WALL_FACTOR times it on the clock as a backstop;
    past it, the worker is asked
    for its stack (faulthandler, which answers even inside C code), killed and replaced,
    and the document is reported `timeout` with the stage it was in;
  - watches each worker's resident memory: over --max-memory it is killed (`too_large`);
    the worker itself runs under RLIMIT_AS, so a large allocation fails as MemoryError;
  - reports a worker that died by itself (OOM killer, kill -9, a crash in C) `crashed`;
  - on Ctrl-C, kills the workers and returns, so that the caller writes the report.
Workers die with the parent (PR_SET_PDEATHSIG) and ignore Ctrl-C (the parent handles it).
On Linux the parent loads the pipeline once and forks warm workers, so that a replaced
worker starts at once and shares the parent's read-only pages.
"""
from __future__ import annotations

import ctypes
import faulthandler
import os
import resource
import signal
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Optional

from .. import limits as limits_mod
from ..limits import MB, Limits
from .job import pages_of, run_job, stage_of
from .report import Entry

#: seconds between two reads of a worker's CPU time (its deadline)
TICK = 0.25
#: documents a worker holds at most: the one it parses and the next, waiting in its pipe
QUEUE = 2
#: a document's wall-clock limit, in times its CPU limit
WALL_FACTOR = 4.0
#: seconds a worker has to load its data before it is thought broken
WARM_UP_LIMIT = 120.0
#: workers that die before taking any document, in a row, before the batch gives up
BROKEN_STARTS = 3
#: address space allowed beyond the resident ceiling (shared libraries, thread stacks, arenas)
ADDRESS_SLACK_MB = 3072
PR_SET_PDEATHSIG = 1

Job = tuple[str, str, str]          # (input path, output path, output name)


@dataclass
class Worker:
    proc: object
    conn: object
    dump: Path
    ready: bool = False
    jobs: deque = field(default_factory=deque)   # given and not done: jobs[0] runs, the next waits
    began: float = field(default_factory=time.monotonic)
    deadline: float = 0.0              # wall clock, while the worker starts
    limit: float = 0.0                 # CPU seconds the document may use (0: none)
    cpu0: float = 0.0                  # the worker's CPU seconds when the document began
    looked: float = 0.0                # when its CPU time was last read

    @property
    def job(self) -> Optional[Job]:
        """The document the worker parses now."""
        return self.jobs[0] if self.jobs else None


def run_pool(jobs: list[Job], workers: int, limits: Limits, done: Callable[[Entry], None],
             started: Optional[Callable[[str], None]] = None) -> bool:
    """Run every job; call done(entry) once per job, in the order they end. True if all ran."""
    ctx = get_context("fork" if sys.platform.startswith("linux") else "spawn")
    if ctx.get_start_method() == "fork":
        from . import warm_up
        warm_up()                      # once here: every worker, and every replacement, starts warm
    pending: deque[Job] = deque(_largest_first(jobs) if workers > 1 else jobs)
    pool: list[Worker] = []
    tmp = Path(tempfile.mkdtemp(prefix="vanban-workers-"))
    broken = 0
    try:
        while pending or any(w.jobs for w in pool):
            for w in pool:
                if w.ready and not w.jobs and pending:
                    _give(w, pending.popleft(), limits, started)
            if len(pending) >= len(pool) == workers and all(w.ready for w in pool):
                for w in pool:                 # every worker busy and many documents wait: the next one
                    if len(w.jobs) < QUEUE and pending:
                        _give(w, pending.popleft(), limits, started)
            if pending and len(pool) < workers and all(w.job or not w.ready for w in pool) \
                    and sum(not w.ready for w in pool) < len(pending):
                pool.append(_start(ctx, limits, tmp, len(pool)))
            _listen(pool, limits, done, started)
            now = time.monotonic()
            for w in list(pool):
                entry = _check(w, limits, now)
                if entry is None:
                    continue
                pool.remove(w)
                if w.job is not None:
                    done(entry)
                    pending.extendleft(reversed(list(w.jobs)[1:]))   # the ones it had not begun
                    broken = 0
                elif (broken := broken + 1) >= BROKEN_STARTS:
                    raise RuntimeError(f"batch workers die while starting: {entry.error}")
        return True
    except KeyboardInterrupt:
        return False
    finally:
        for w in pool:
            _stop(w)
        for f in tmp.iterdir():
            f.unlink(missing_ok=True)
        tmp.rmdir()


def _start(ctx, limits: Limits, tmp: Path, n: int) -> Worker:
    parent, child = ctx.Pipe()
    dump = tmp / f"worker-{n}-{time.monotonic_ns()}.stack"
    proc = ctx.Process(target=_worker_main, args=(child, limits, str(dump), os.getpid()), daemon=True)
    proc.start()
    child.close()
    w = Worker(proc=proc, conn=parent, dump=dump)
    w.deadline = time.monotonic() + WARM_UP_LIMIT
    return w


def _largest_first(jobs: list[Job]) -> list[Job]:
    """The jobs by input file size, largest first (input order among equals; a file that cannot
    be read counts 0 and is reported when its turn comes)."""
    def size(job: Job) -> int:
        try:
            return os.stat(job[0]).st_size
        except (OSError, ValueError):
            return 0
    return sorted(jobs, key=size, reverse=True)


def _give(w: Worker, job: Job, limits: Limits, started) -> None:
    """Send a job to the worker; it begins now if the worker was idle, else after the one it parses."""
    w.jobs.append(job)
    w.conn.send(job)
    if len(w.jobs) == 1:
        _begin(w, limits, started)


def _begin(w: Worker, limits: Limits, started) -> None:
    """The worker's clock for the document it begins (w.job)."""
    w.began = time.monotonic()
    w.limit = limits.time_for(0)
    w.cpu0 = _cpu_seconds(w.proc.pid)
    if started:
        started(w.job[0])


def _listen(pool: list[Worker], limits: Limits, done, started) -> None:
    conns = {w.conn: w for w in pool}
    sentinels = {w.proc.sentinel: w for w in pool}
    if not conns:
        return
    for ready in wait(list(conns) + list(sentinels), timeout=TICK):
        w = conns.get(ready)
        if w is None:
            continue                               # a death: _check sees it
        try:
            kind, value = w.conn.recv()
        except (EOFError, OSError):
            continue
        if kind == "ready":
            w.ready = True
            w.deadline = 0.0
        elif kind == "pages" and w.job is not None:
            limit = limits.time_for(value)
            w.limit = limit
        elif kind == "done" and w.job is not None:
            w.jobs.popleft()
            done(value)
            if w.jobs:                             # it went on with the next one at once
                _begin(w, limits, started)


def _check(w: Worker, limits: Limits, now: float) -> Optional[Entry]:
    """The entry of a worker that is gone or must go (it is then stopped), else None.  A death is
    seen at once, and so is memory over the ceiling (a short document must not finish past it
    unseen); CPU time is read once a TICK (reading /proc/PID/stat after every message was most of
    the parent's work between documents)."""
    path = w.job[0] if w.job else "(starting worker)"
    elapsed = now - w.began
    if not w.proc.is_alive():
        code = w.proc.exitcode
        why = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        _stop(w)
        return Entry(input=path, status="crashed", error=f"the worker died ({why})", seconds=round(elapsed, 3))
    if w.job and limits.max_memory_mb > 0 and _rss_mb(w.proc.pid) > limits.max_memory_mb:
        stage = _stack(w)
        _stop(w)
        return Entry(input=path, status="too_large", stage=stage, seconds=round(elapsed, 3),
                     error=f"over the memory limit of {limits.max_memory_mb} MB" + (f" in {stage}" if stage else "")
                           + " (--max-memory raises it)")
    if now < w.looked + TICK:
        return None
    w.looked = now
    if _over_time(w, elapsed):
        stage = _stack(w)
        _stop(w)
        return Entry(input=path, status="timeout", stage=stage, seconds=round(elapsed, 3),
                     error=(f"over its time limit of {w.limit:.0f} s of CPU ({elapsed:.0f} s on the clock)"
                            if w.job else f"the worker did not start within {WARM_UP_LIMIT:.0f} s")
                           + (f" in {stage}" if stage else "") + " (--timeout raises it)")
    return None


def _over_time(w: Worker, elapsed: float) -> bool:
    """A starting worker past WARM_UP_LIMIT; a document past its limit in CPU seconds (the worker's
    and its finished children's, such as Tesseract: a busy machine does not make it time out),
    or past WALL_FACTOR times it on the clock (a document that waits instead of working)."""
    if w.job is None:
        return bool(w.deadline) and time.monotonic() > w.deadline
    if not w.limit:
        return False
    return _cpu_seconds(w.proc.pid) - w.cpu0 > w.limit or elapsed > WALL_FACTOR * w.limit


def _cpu_seconds(pid: int) -> float:
    """utime + stime + cutime + cstime of a process (/proc/PID/stat), in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _stack(w: Worker) -> Optional[str]:
    """Ask a worker for its Python stack (SIGUSR1 -> faulthandler) and name its stage."""
    try:
        os.kill(w.proc.pid, signal.SIGUSR1)
    except ProcessLookupError:
        return None
    for _ in range(20):
        time.sleep(0.05)
        try:
            text = w.dump.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if "File " in text:
            return stage_of(text)
    return None


def _stop(w: Worker) -> None:
    try:
        w.proc.kill()
    except (OSError, ValueError, AttributeError):
        pass
    w.proc.join(timeout=5)
    w.conn.close()
    w.dump.unlink(missing_ok=True)


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except (OSError, ValueError, IndexError):
        return 0.0


# --- in the worker process ---------------------------------------------------------------------

def _worker_main(conn, limits: Limits, dump: str, parent: int) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limits_mod.use(limits)
    stack_file = open(dump, "w")
    faulthandler.register(signal.SIGUSR1, file=stack_file, all_threads=False)
    from . import warm_up
    warm_up()
    _cap_memory(limits.max_memory_mb)
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        path, out, name = job
        conn.send(("pages", pages_of(path)))
        conn.send(("done", run_job(path, out, name)))


def _die_with_parent(parent: int) -> None:
    """SIGKILL this process when the parent dies (Linux); exit now if it already has."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


def _cap_memory(max_memory_mb: int) -> None:
    """RLIMIT_AS at what the warmed-up worker maps now, plus the ceiling and some slack."""
    if max_memory_mb <= 0:
        return
    try:
        with open("/proc/self/statm") as fh:
            mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return
    cap = mapped + (max_memory_mb + ADDRESS_SLACK_MB) * MB
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
