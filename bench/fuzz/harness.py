"""Coverage-guided fuzzing of read() and the readers with atheris (pip install 'vanban[fuzz]').

    python bench/fuzz/harness.py --seed bench/fuzz/seed                  # seed files from corpus/ (not committed)
    python bench/fuzz/harness.py bench/fuzz/found bench/fuzz/seed -max_total_time=90 -timeout=30 \
        -rss_limit_mb=1536 -artifact_prefix=tests/data/hostile/          # the CI run (tests: -m slow)
    ... -max_total_time=3600                                             # the long campaign
New interesting inputs go to bench/fuzz/found (kept: the campaign's corpus).

One input is a file's bytes; the harness sniffs and reads it as `read()` does (every
format's reader), then normalises and lays it out. A VanbanError is a clean refusal;
any other exception is a finding: atheris writes the input as crash-<sha1> under
-artifact_prefix (give tests/data/hostile/ so that it becomes a regression file that
tests/test_fuzz.py replays). Hangs are found with -timeout=SECONDS (libFuzzer's).
The seed corpus is made from the repository's corpus by `--seed DIR` (small files and
the heads of big ones).
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: the seed files' largest size: libFuzzer mutates small inputs best
SEED_MAX = 64 * 1024


def read_bytes(data: bytes) -> None:
    """read() on bytes instead of a path: sniff, the format's reader, then normalise and layout."""
    import hashlib

    from vanban.pipeline import read as read_mod
    from vanban.pipeline.errors import VanbanError
    from vanban.pipeline.layout import layout
    from vanban.pipeline.normalise import normalise
    if not data.strip():
        return
    try:
        raw = read_mod._read_kind("fuzz", data, hashlib.sha256(data).hexdigest(), read_mod.sniff(data),
                                  read_mod.limits.current())
        layout(normalise(raw))
    except VanbanError:
        pass


def seed(folder: Path) -> None:
    """Seed files from corpus/: every format, at most SEED_MAX bytes each (texts cut, binaries whole)."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in sorted((REPO / "corpus").glob("*.*")):
        if p.suffix in (".tsv",):
            continue
        data = p.read_bytes()
        if len(data) > SEED_MAX and p.suffix in (".txt", ".md", ".html", ".json"):
            data = data[:SEED_MAX]
        if len(data) <= 4 * SEED_MAX:
            (folder / p.name).write_bytes(data)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--seed":
        seed(Path(sys.argv[2]))
        return
    import atheris
    with atheris.instrument_imports():
        from vanban.pipeline import read as _read  # noqa: F401
        from vanban.pipeline import read_docx, read_html, read_legacy, read_pdf, read_text  # noqa: F401
    from vanban.pipeline.batch import warm_up
    warm_up()
    atheris.Setup(sys.argv, read_bytes)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
