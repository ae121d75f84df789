"""What a batch reads and where each output goes.

    collect_inputs(paths, exclude=None) -> list[Path]
    output_names(inputs) -> dict[Path, str]       (unique, mirroring the input tree)
    already_done(path, output) -> Entry | None    (--resume: same bytes, output present)

A folder is walked without following symbolic links to folders (no loops); files that
are not regular (FIFOs, sockets, devices) are kept so that the report lists them, and
are refused when read. The output folder, and anything inside it, is never an input.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Optional

from .report import JOURNAL, REPORT, Entry

#: What a folder walk never takes for a document: notes about the corpus, and the
#: folders of hand-checked expectations (gold files, legacy-encoding transcripts).
SKIP_NAMES = {"MANIFEST.tsv", "MANIFEST", "README.md", "PROVENANCE.md"}
SKIP_DIRS = {"gold", "ground-truth"}
#: output names the batch keeps for itself
RESERVED = {REPORT, JOURNAL}


def collect_inputs(paths: list[str], exclude: Optional[Path] = None) -> list[Path]:
    """Expand folders (recursively, sorted) into files; keep files as given; never enter `exclude`."""
    out: list[Path] = []
    skip = Path(exclude).resolve() if exclude is not None else None
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(_walk(p, skip))
        elif skip is None or not _inside(p.resolve(), skip):
            out.append(p)
    return out


def _walk(root: Path, skip: Optional[Path]) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        rel = here.relative_to(root).parts
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                         and not (skip is not None and _inside((here / d).resolve(), skip)))
        if SKIP_DIRS.intersection(rel):
            continue
        for name in sorted(files):
            if name.startswith(".") or name in SKIP_NAMES:
                continue
            f = here / name
            if f.is_symlink() and f.resolve().is_dir():
                continue          # a link to a folder: not followed (loops), not a document
            found.append(f)
    found.sort()
    return found


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def output_names(inputs: list[Path]) -> dict[Path, str]:
    """Output paths relative to the output folder, mirroring the inputs below their common folder.

    `<stem>.json`, or `<file name>.json` where two inputs of one folder share a stem, and
    a `~2` before `.json` where even that collides; the report's own names are never given."""
    if not inputs:
        return {}
    absolute = [Path(os.path.abspath(p)) for p in inputs]
    base = Path(os.path.commonpath([str(a.parent) for a in absolute]))
    rels = [a.relative_to(base) for a in absolute]
    stems: dict[tuple[Path, str], int] = {}
    for r in rels:
        stems[(r.parent, r.stem)] = stems.get((r.parent, r.stem), 0) + 1
    taken = set(RESERVED)
    names: dict[Path, str] = {}
    for p, r in zip(inputs, rels):
        stem = r.stem if stems[(r.parent, r.stem)] == 1 else r.name
        name = (r.parent / (stem + ".json")).as_posix()
        if name in taken:
            name = (r.parent / (r.name + ".json")).as_posix()
        k = 2
        while name in taken:
            name = (r.parent / f"{r.name}~{k}.json").as_posix()
            k += 1
        taken.add(name)
        names[p] = name
    return names


def sha256_of(path: Path) -> Optional[str]:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def already_done(path: Path, output: Path, name: str) -> Optional[Entry]:
    """The entry of an output made earlier from the same bytes (--resume), else None."""
    if not output.is_file() or not Path(path).is_file():
        return None
    try:
        doc = json.loads(output.read_text(encoding="utf-8"))
        made_from = doc["source"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if made_from != sha256_of(Path(path)):
        return None
    return Entry(input=str(path), status="ok", output=name, warnings=len(doc.get("warnings") or []),
                 tasks=len(doc.get("tasks") or []), references=len(doc.get("references") or []), resumed=True)
