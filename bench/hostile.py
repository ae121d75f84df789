"""Before/after table of the hostile cases of issue 14: time, peak RSS and the message of
`vanban parse FILE` on each case, one process per case, killed at --limit seconds.

    python bench/hostile.py [--scale 10] [--limit 120] [--before /tmp/before] [--only NAME ...]

--before points PYTHONPATH at an older checkout laid out as vanban/{pipeline,extractors,schemas}
(the table's "before" column); without it, the installed code is measured.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from hostile_cases import write_all  # noqa: E402

RUN = "import sys; from vanban.pipeline.cli import main; sys.exit(main(sys.argv[1:]))"


def measure(path: Path, limit: float, before: str | None) -> tuple[float, float, str]:
    """(seconds, peak RSS MB, first line of stderr or 'ok') of one `vanban parse path`."""
    env = dict(os.environ)
    if before:
        env["PYTHONPATH"] = before
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", RUN, "parse", str(path)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=path.parent)          # a private folder: no stray module on sys.path
    peak = 0.0
    try:
        while proc.poll() is None and time.monotonic() - t0 < limit:
            peak = max(peak, _hwm(proc.pid))
            time.sleep(0.1)
        _, err = proc.communicate(timeout=max(0.1, limit - (time.monotonic() - t0)))
        line = "ok" if proc.returncode == 0 else (err.strip().splitlines() or ["?"])[-1]
        if "Traceback" in err:
            line = f"TRACEBACK {len(err.splitlines())} lines: {line}"
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        line = f"killed at {limit:.0f} s"
    seconds = time.monotonic() - t0
    return seconds, peak, line.replace(str(path), "FILE")[:110]


def _hwm(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=10)
    ap.add_argument("--limit", type=float, default=120)
    ap.add_argument("--before", default=None)
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = write_all(Path(tmp), args.scale, bomb_mb=150)
        print("| case | size | seconds | peak RSS MB | message |\n|---|---|---|---|---|")
        for name, case in cases.items():
            if args.only and name not in args.only:
                continue
            s, rss, msg = measure(case.path, args.limit, args.before)
            print(f"| {name} | {case.path.stat().st_size:,} | {s:.1f} | {rss:.0f} | {msg} |", flush=True)


if __name__ == "__main__":
    main()
