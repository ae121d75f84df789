"""Self-checks: signs in a parsed document that the parser went wrong.

A self-check reads the finished output (and the laid-out text it came from) and
flags what a careful reader would call wrong, without gold: a `Số:` line printed
in the header but no number read, a sibling numbering that skips, a task lead that
is a clause.  Each finding is a warning (`check_*` code, location, message) in the
document's own output; `vanban check` reports the rate of each over a batch
(pipeline/checks/rates.py).

    run_checks(laid, tree, document) -> list[Warning]
    CHECKS: code -> Check(unit, meaning)

The checks' words are data (lexicon/data/checks.yaml).  A check may be made
stricter; it is never loosened so that a rate falls.

The checks read markers, header lines and citations with small patterns of their own
(structure.MARKER_KINDS, header.MOTTO, citations.CITATION), not the parser's marker table
or lexicon patterns, on purpose: a check that shared the parser's grammar would miss the
parser's own mistakes (evaluate.py keeps apart from what it measures for the same reason).
"""
from __future__ import annotations

from dataclasses import dataclass

from vanban.schemas.models import Document, Warning
from vanban.schemas.warnings import WARNINGS

from ..types import LaidOut, Node
from .citations import citation_checks
from .header import header_checks
from .structure import structure_checks
from .tasks import task_checks


@dataclass(frozen=True)
class Check:
    unit: str       # what the rate counts: "document", "task" or "reference"
    meaning: str


#: every self-check and the unit its rate counts; what each means is registered with the other
#: warning codes (schemas/warnings.py)
UNITS: dict[str, str] = {
    "check_header_number": "document",
    "check_header_date": "document",
    "check_header_type": "document",
    "check_header_title": "document",
    "check_header_issuer": "document",
    "check_tree_numbering": "document",
    "check_tree_missing": "document",
    "check_tree_mixed": "document",
    "check_recipients_text": "document",
    "check_self_references": "document",
    "check_lead_not_body": "task",
    "check_task_no_work": "task",
    "check_table_no_rows": "document",
    "check_table_numbering": "document",
    "check_deadline_unparsed": "task",
    "check_deadline_silent": "task",
    "check_citation_lost": "document",
    "check_reference_date": "reference",
    "check_reference_issuer": "reference",
}
CHECKS: dict[str, Check] = {code: Check(unit, WARNINGS[code].meaning) for code, unit in UNITS.items()}


def run_checks(laid: LaidOut, tree: list[Node], document: Document) -> list[Warning]:
    """Every self-check over one parsed document; reads its inputs, changes none of them."""
    found: list[Warning] = []
    for check in (header_checks, structure_checks, task_checks, citation_checks):
        found += check(laid, tree, document)
    unknown = {w.code for w in found} - CHECKS.keys()
    assert not unknown, f"self-check codes missing from CHECKS: {unknown}"
    return found


__all__ = ["CHECKS", "Check", "run_checks"]
