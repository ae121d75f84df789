"""vanban's pipeline: read -> normalise -> layout -> tree -> extract -> resolve/link -> validate -> emit.

The Python API is two functions:

    from vanban.pipeline import parse, parse_many

    doc = parse("plan.pdf")                  # a vanban.schemas.Document (pydantic)
    doc = parse(data_bytes, name="plan.pdf") # or bytes, or an open binary file
    doc.metadata.identifier, [t.lead for t in doc.tasks]
    doc.model_dump_json()                    # contract JSON

    for result in parse_many(["a.pdf", "b.docx"], workers=2):   # as they finish
        if result.error:                     # a clear reason, the file named
            print(result.path, result.error)
        else:
            print(result.path, len(result.document.tasks))

`parse` raises `vanban.pipeline.errors.VanbanError` (str(): "<file>: <reason>")
for a file it cannot read; `parse_many` never raises for one bad file, it yields
its error and goes on.
"""
from __future__ import annotations

import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Iterator, Optional, Union

from .limits import ParseOptions

if TYPE_CHECKING:
    from vanban.schemas.models import Document

Source = Union[str, os.PathLike, bytes, bytearray, memoryview, IO[bytes]]


def parse(source: Source, *, name: Optional[str] = None, options: Optional["ParseOptions"] = None) -> "Document":
    """Parse one document into a validated Document.

    source   a path (str or Path), the bytes of a file, or a binary file object
             (open(..., "rb"), io.BytesIO, sys.stdin.buffer).  The format is
             sniffed from the bytes, never from a name.
    name     what `source.path` and error messages call bytes or a stream
             (default: the file object's `.name`, else "<bytes>").
    options  a ParseOptions (vanban.pipeline.limits): size limits and OCR settings,
             `ParseOptions(max_pages=50, ocr_max_pages=5)`; None uses the defaults
             (or the VANBAN_* variables), as the `vanban parse` command does.
    """
    from .limits import using

    with using(options):
        return _parse_source(source, name)


def _parse_source(source: Source, name: Optional[str]) -> "Document":
    from .errors import VanbanError
    from .run import parse as _parse

    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if not Path(path).is_file():
            raise VanbanError(path, "no such file" if not Path(path).exists() else "not a file")
        return _parse(path)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _parse(name or "<bytes>", bytes(source))
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            raise TypeError("parse() needs a binary file object (open(path, 'rb')), not a text one")
        return _parse(name or str(getattr(source, "name", "<stream>")), data)
    raise TypeError(f"parse() takes a path, bytes or a binary file object, not {type(source).__name__}")


@dataclass
class Result:
    """One input of parse_many: `document` when it parsed, else `error` (the reason)."""
    path: str
    document: Optional["Document"] = None
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _parse_result(path: str) -> Result:
    """parse() for one file, every failure turned into a Result (runs in a worker)."""
    from .errors import VanbanError
    try:
        return Result(path, document=parse(path))
    except VanbanError as exc:
        return Result(path, error=exc.reason)
    except Exception as exc:  # a bug must not stop the others, but must be seen
        where = traceback.format_exc(limit=3).strip().splitlines()[-1]
        return Result(path, error=f"internal error: {type(exc).__name__}: {exc} ({where})")


def _warm_up() -> None:
    """Load gazetteers and compiled patterns once per worker process."""
    from . import run  # noqa: F401


def parse_many(paths: Iterable[Union[str, os.PathLike]], workers: Optional[int] = None) -> Iterator[Result]:
    """Parse files in `workers` processes (default: all cores; 1 = in this process),
    yielding a Result for each as it finishes, errors included, in finishing order."""
    paths = [os.fspath(p) for p in paths]
    workers = max(1, min(workers or os.cpu_count() or 1, len(paths) or 1))
    if workers == 1:
        for path in paths:
            yield _parse_result(path)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        futures = [pool.submit(_parse_result, path) for path in paths]
        for fut in as_completed(futures):
            yield fut.result()


__all__ = ["parse", "parse_many", "ParseOptions", "Result"]
