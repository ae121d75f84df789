"""`vanban eval`: scores against the hand-checked gold files."""
from __future__ import annotations


def add_parser(sub) -> None:
    e = sub.add_parser("eval", help="score the pipeline against hand-checked expectations (gold files)")
    e.add_argument("corpus", nargs="?", default="corpus", help="corpus folder with gold/ (default: corpus)")
    e.add_argument("--json", action="store_true", help="machine-readable output")
    e.add_argument("-w", "--workers", type=int, default=None, help="parallel processes (default: number of cores)")
    e.add_argument("--write-baseline", metavar="PATH",
                   help="also write the totals as the ratchet baseline (tests/eval_baseline.json)")
    e.set_defaults(run=run)


def run(args) -> int:
    from ..evaluate import main as eval_main
    return eval_main(args)
