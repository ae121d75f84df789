"""The batch options every batch command shares (`parse -o`, and `check`/`ingest` when they batch):

    add_batch_options(parser) -> None
    batch_kwargs(args) -> dict          (the keyword arguments of parse_many)
    limits_from(args) -> Limits
"""
from __future__ import annotations

import argparse
from dataclasses import replace

from ..limits import MB, Limits, from_env


def _positive(kind):
    def parse(text: str):
        value = kind(text)
        if value < 1:
            raise argparse.ArgumentTypeError(f"must be 1 or more, not {text}")
        return value
    return parse


def add_batch_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-w", "--workers", type=_positive(int), default=None,
                   help="parallel processes (default: number of cores; never more than cores or inputs)")
    p.add_argument("--force-workers", action="store_true", help="use --workers even beyond cores or inputs")
    p.add_argument("--resume", action="store_true",
                   help="skip inputs whose output exists and was made from the same bytes (sha256)")
    add_limit_options(p)
    d = p.add_argument_group("Dask (pip install 'vanban[dask]')")
    d.add_argument("--dask", choices=["local"], default=None,
                   help="run on a local dask.distributed cluster (one process per core)")
    d.add_argument("--scheduler", metavar="tcp://HOST:PORT", default=None, help="run on this Dask cluster")


def add_limit_options(p: argparse.ArgumentParser) -> None:
    """The per-document limits and OCR settings (also for commands that batch their own way)."""
    g = p.add_argument_group("limits per document (0: none; also VANBAN_* variables, see pipeline/limits.py)")
    g.add_argument("--timeout", type=float, metavar="SECONDS", default=None,
                   help="time limit per document: SECONDS plus 3 s a page (default 60)")
    g.add_argument("--max-memory", type=int, metavar="MB", default=None, help="memory per worker (default 1536)")
    g.add_argument("--max-bytes", type=int, metavar="MB", default=None, help="file size (default 200)")
    g.add_argument("--max-chars", type=int, metavar="N", default=None, help="characters of text (default 5000000)")
    g.add_argument("--max-unzipped", type=int, metavar="MB", default=None,
                   help="unzipped size of a .docx, read from its ZIP directory (default 100)")
    g.add_argument("--max-pages", type=int, metavar="N", default=None, help="pages of a PDF (default 2000)")
    o = p.add_argument_group("OCR of scanned pages (also VANBAN_OCR_* variables)")
    o.add_argument("--ocr-dpi", type=int, metavar="DPI", default=None, help="rendering resolution (default 300)")
    o.add_argument("--ocr-psm", type=int, metavar="N", default=None, help="Tesseract page segmentation mode (default 3)")
    o.add_argument("--ocr-max-pages", type=int, metavar="N", default=None,
                   help="pages OCR'd at most per document (default 0: all)")


#: flag (argparse name) -> (Limits field, unit of the flag)
FLAGS = {"timeout": ("timeout", 1), "max_memory": ("max_memory_mb", 1), "max_bytes": ("max_bytes", MB),
         "max_chars": ("max_chars", 1), "max_unzipped": ("max_unzipped", MB), "max_pages": ("max_pages", 1),
         "ocr_dpi": ("ocr_dpi", 1), "ocr_psm": ("ocr_psm", 1), "ocr_max_pages": ("ocr_max_pages", 1)}


def limits_from(args) -> Limits:
    """The VANBAN_* limits (or defaults), overridden by the flags given."""
    base = from_env()
    changes = {}
    for flag, (name, unit) in FLAGS.items():
        value = getattr(args, flag, None)
        if value is not None:
            changes[name] = type(getattr(base, name))(value * unit)
    return replace(base, **changes)


def batch_kwargs(args) -> dict:
    scheduler = getattr(args, "scheduler", None) or getattr(args, "dask", None)
    return {"workers": args.workers, "force_workers": args.force_workers, "resume": args.resume,
            "limits": limits_from(args), "scheduler": scheduler}
