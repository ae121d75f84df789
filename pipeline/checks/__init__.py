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
"""
from __future__ import annotations

from dataclasses import dataclass

from vanban.schemas.models import Document, Warning

from ..types import LaidOut, Node
from .citations import citation_checks
from .header import header_checks
from .structure import structure_checks
from .tasks import task_checks


@dataclass(frozen=True)
class Check:
    unit: str       # what the rate counts: "document", "task" or "reference"
    meaning: str


CHECKS: dict[str, Check] = {
    "check_header_number": Check("document", "the header prints a `Số:` line, but no number or symbol was read"),
    "check_header_date": Check("document", "the header prints `<Place>, ngày … tháng … năm`, but no date was read"),
    "check_header_type": Check("document", "the header prints a document type line, but no type was read"),
    "check_header_title": Check("document", "a type line (or `V/v`) is followed by a summary, but no title was read"),
    "check_header_issuer": Check("document", "the header prints the motto, but no issuing authority was read"),
    "check_tree_numbering": Check("document", "sibling numbering that skips or repeats (`1.`, `3.`; `Điều 4`, `Điều 4`)"),
    "check_tree_missing": Check("document", "an `Điều N.` line, a Roman heading or a `PHỤ LỤC`/`DANH MỤC` heading with no node"),
    "check_tree_mixed": Check("document", "numbered nodes of different kinds as siblings (`1.`, `5.2.`, `Điều 2`)"),
    "check_recipients_text": Check("document", "recipients that read as body text (too many, or too long)"),
    "check_self_references": Check("document", "more than one reference is the document itself"),
    "check_lead_not_body": Check("task", "a lead or coordinator that is not a body name: a clause, more than 12 words, "
                                         "a number, a bare fragment such as `Cơ quan` or `Giám đốc`"),
    "check_task_no_work": Check("task", "a task whose description is empty or only the body's name, or an item of a "
                                        "scope or definitions section"),
    "check_table_no_rows": Check("document", "a table whose header names `chủ trì` gave no task rows"),
    "check_table_numbering": Check("document", "task table row numbers that restart or jump inside a group"),
    "check_deadline_unparsed": Check("task", "a deadline that was printed but not understood (kind `unparsed`)"),
    "check_deadline_silent": Check("task", "an unparsed deadline without a `deadline_unparsed` warning"),
    "check_citation_lost": Check("document", "a `số 123/…` citation in the text that became no reference"),
    "check_reference_date": Check("reference", "a reference whose date is printed after its citation but was not read"),
    "check_reference_issuer": Check("reference", "a reference whose issuer is printed after its citation but was not read"),
}


def run_checks(laid: LaidOut, tree: list[Node], document: Document) -> list[Warning]:
    """Every self-check over one parsed document; reads its inputs, changes none of them."""
    found: list[Warning] = []
    for check in (header_checks, structure_checks, task_checks, citation_checks):
        found += check(laid, tree, document)
    unknown = {w.code for w in found} - CHECKS.keys()
    assert not unknown, f"self-check codes missing from CHECKS: {unknown}"
    return found


__all__ = ["CHECKS", "Check", "run_checks"]
