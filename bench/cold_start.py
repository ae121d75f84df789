"""Cold start of the `vanban` command, for bench/benchmark.py: fresh processes, best of N,
user+sys CPU seconds (the machine is shared: CPU, not wall clock).

    cold_start(small, runs=5) -> dict      the figures, each beside the bare interpreter
    top_importers(small, n=10) -> list     `python -X importtime` of `vanban parse small`

Measured with the bytecode cache written, as an installed package has it: one untimed run
with PYTHONDONTWRITEBYTECODE unset writes `__pycache__` first. The figure without any
bytecode cache (every module compiled from source, as in a checkout run with
PYTHONDONTWRITEBYTECODE=1) is shown beside it.
"""
from __future__ import annotations

import math
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path


def vanban_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m`."""
    script = Path(sys.executable).parent / "vanban"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vanban.pipeline.cli"]


def cpu_of(cmd: list[str], env: dict, runs: int) -> float:
    """Best user+sys CPU seconds of `runs` fresh processes of `cmd`."""
    best = math.inf
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best


def cold_start(small: Path, runs: int = 5) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    vanban = vanban_command()
    parse, help_ = vanban + ["parse", str(small)], vanban + ["--help"]
    subprocess.run(parse, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    out = {
        "python": cpu_of([sys.executable, "-c", "pass"], env, runs),
        "pydantic": cpu_of([sys.executable, "-c", "import pydantic"], env, runs),
        "help": cpu_of(help_, env, runs),
        "parse": cpu_of(parse, env, runs),
    }
    with tempfile.TemporaryDirectory() as empty:      # a cache folder with nothing in it
        bare = {**env, "PYTHONPYCACHEPREFIX": empty, "PYTHONDONTWRITEBYTECODE": "1"}
        out["parse_no_pyc"] = cpu_of(parse, bare, runs)
    return out


def top_importers(small: Path, n: int = 10) -> tuple[list[tuple[str, int, int]], list[tuple[str, int]]]:
    """`python -X importtime` of `vanban parse small`: the n modules of most own import time
    (name, self µs, cumulative µs), and the own time summed by package (`vanban.extractors`,
    `pydantic`, ...)."""
    code = ("import sys\nfrom vanban.pipeline.cli import main\n"
            f"sys.exit(main(['parse', {str(small)!r}]))")
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True,
                         text=True, check=False).stderr
    rows = []
    for line in err.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
        rows.append((name, int(self_us), int(cumulative)))
    by_package: dict[str, int] = {}
    for name, self_us, _ in rows:
        parts = name.split(".")
        key = ".".join(parts[:2]) if parts[0] == "vanban" else parts[0]
        by_package[key] = by_package.get(key, 0) + self_us
    top = sorted(rows, key=lambda r: -r[1])[:n]
    return top, sorted(by_package.items(), key=lambda kv: -kv[1])[:n]


def print_cold(small: Path, c: dict) -> None:
    print("\n[cold start] fresh processes, best of 5, user+sys CPU (bytecode cache present)")
    print(f"  python -c pass (baseline)   {c['python']:.3f}s")
    print(f"  python -c 'import pydantic' {c['pydantic']:.3f}s")
    print(f"  vanban --help               {c['help']:.3f}s   target < 0.2 s")
    print(f"  vanban parse {small.name[:30]:<30} {c['parse']:.3f}s   target < 1 s"
          f"   (no bytecode cache at all: {c['parse_no_pyc']:.3f}s)")
    top, packages = top_importers(small)
    print("  python -X importtime of that parse, modules of most own time (ms self / cumulative):")
    for name, self_us, cumulative in top:
        print(f"    {name:<48} {self_us / 1000:7.1f} {cumulative / 1000:8.1f}")
    print("  own import time summed by package (ms): "
          + ", ".join(f"{name} {us / 1000:.0f}" for name, us in packages))
