"""`vanban check`: parse a batch and report the rate of every self-check, with examples."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from ..batch.options import add_batch_options


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="self-check rates over a batch (no gold needed)",
                       description="Parse files and folders and print, for every self-check, how often it "
                                   "fires (per document, task or reference), with examples. Exit 1 on internal "
                                   "errors.")
    p.add_argument("paths", nargs="+", help="files or folders (folders are walked recursively)")
    p.add_argument("-o", "--output", metavar="OUTDIR", help="keep the parsed JSON here (default: a temporary folder)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--examples", type=int, default=3, help="examples shown per check (default 3)")
    add_batch_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..batch import collect_inputs, parse_many
    from ..batch.options import batch_kwargs
    from ..checks.rates import rates

    inputs = collect_inputs(args.paths)
    if not inputs:
        print(f"vanban check: no files found in {' '.join(args.paths)}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="vanban-check-") as tmp:
        outdir = Path(args.output or tmp)
        report = parse_many(inputs, outdir, **batch_kwargs(args))
        result = rates(report, outdir, keep_examples=max(args.examples, 5))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(result.format(examples=args.examples))
    return 1 if result.internal else 0
