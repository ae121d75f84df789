"""Small C libraries of the hot loops, built on first use with the system's C compiler into
a per-user cache and loaded with ctypes.

    build_and_load(name, sources) -> ctypes.CDLL | None

None where a library cannot be had (no compiler, a read-only cache, VANBAN_NATIVE=0): each
caller then runs its Python steps, which give the same results, only slower.  The sources
are plain C with no link to Python or to pdfium (pdfium's function addresses are handed
in), so a library depends on neither the Python version nor a package's build; its file
name carries a hash of its sources, so an edited source is built again.

Users: pipeline/pdf/native.py (characters, rulings, rows and cells of a PDF page),
extractors/bodies/native_tokens.py (the body tokenizer, the body index's cuts),
extractors/bodies/native_match.py (the body matcher's token classes, phrases and patterns)."""
from __future__ import annotations

import ctypes
import hashlib
import os
import platform
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional, Sequence


def cache_dir() -> Path:
    """Where built libraries live: $VANBAN_NATIVE_CACHE, else ~/.cache/vanban (XDG)."""
    if os.environ.get("VANBAN_NATIVE_CACHE"):
        return Path(os.environ["VANBAN_NATIVE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vanban"


def library_path(name: str, sources: Sequence[Path]) -> Path:
    """Where the built library `name` of these sources lives."""
    digest = hashlib.sha256(b"".join(s.read_bytes() for s in sources) + platform.machine().encode()).hexdigest()[:16]
    return cache_dir() / f"{name}-{digest}.so"


def _build(target: Path, sources: Sequence[Path]) -> bool:
    """Compile the sources into `target` (atomically: parallel workers may race)."""
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not cc:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".so", dir=target.parent)
    os.close(fd)
    try:
        # no -ffast-math, no fused multiply-add: the arithmetic must stay Python's IEEE doubles
        done = subprocess.run([cc, "-O2", "-ffp-contract=off", "-shared", "-fPIC", "-o", tmp, *map(str, sources), "-lm"],
                              capture_output=True, timeout=120)
        if done.returncode != 0:
            return False
        os.replace(tmp, target)
        return True
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def build_and_load(name: str, sources: Sequence[Path]) -> Optional[ctypes.CDLL]:
    """The library `name` built from `sources` (once per edit of them), or None: turned off
    (VANBAN_NATIVE=0), a source missing, no compiler, or a cache that cannot be written."""
    if os.environ.get("VANBAN_NATIVE", "1") == "0" or not all(s.exists() for s in sources):
        return None
    try:
        target = library_path(name, sources)
        if not target.exists() and not _build(target, sources):
            return None
        return ctypes.CDLL(str(target))
    except (OSError, subprocess.SubprocessError):
        return None
