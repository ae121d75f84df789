"""Structure self-checks: the section tree, the recipients list, self-references.

A node's numbering kind and value come from its printed marker: `III.` is
(roman, 3), `2.1.` is (dotted-2, 1), `b)` is (letter, 2), `Điều 4` is (article, 4).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable, Optional

from vanban.schemas.models import Document, Warning

from ..types import LaidOut, Node
from ._words import words
from .header import header_lines

#: how far (characters) after its node's start a title line may stand
TITLE_REACH = 600
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
#: the Vietnamese alphabet of `a)`, `b)` items: đ follows d, there is no f, j, w, z
LETTERS = "abcdđeghiklmnopqrstuvxy"

#: (kind, pattern) in the order tried; group 1 is the number
MARKER_KINDS: tuple[tuple[str, re.Pattern], ...] = (
    ("article", re.compile(r"^Điều\s+(\d+)")),
    ("chapter", re.compile(r"^Chương\s+([IVXLC]+|\d+)")),
    ("part", re.compile(r"^Phần\s+([IVXLC]+|\d+)", re.IGNORECASE)),
    ("section", re.compile(r"^Mục\s+(\d+)")),
    ("roman", re.compile(r"^([IVXLC]+)[.)]?$")),
    ("upper", re.compile(r"^([A-Z])[.)]$")),
    ("arabic", re.compile(r"^(\d+)[.)]?$")),
    ("dotted", re.compile(r"^\d+(?:\.\d+)*\.(\d+)\.?$")),
    ("letter", re.compile(r"^([a-zđ])[).]$")),
    ("paren", re.compile(r"^\((\d+)\)$")),
)

#: lines that must start a node: `Điều 5.`, `II. NHIỆM VỤ`, `PHỤ LỤC`, `DANH MỤC`
HEADING_LINE = re.compile(r"^(?:\*\*)?(?:Điều\s+\d+\s*[.:]|[IVX]+\.\s+[A-ZĐÀ-Ỹ]|(?:PHỤ\s+LỤC|DANH\s+MỤC)\b)")
#: a heading line that is a title, with no marker of its own
TITLE_LINE = re.compile(r"^(?:\*\*)?DANH\s+MỤC\b")


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = ROMAN[a]
        total += -v if b != " " and ROMAN.get(b, 0) > v else v
    return total


@lru_cache(maxsize=1024)      # a few markers (`1.`, `a)`, `II.`) come back thousands of times a batch
def marker_kind(marker: str) -> Optional[tuple[str, int]]:
    """('roman', 3) for `III.`; ('dotted-2', 1) for `2.1.`; None for bullets and unnumbered nodes."""
    marker = marker.strip()
    for kind, pattern in MARKER_KINDS:
        m = pattern.match(marker)
        if not m:
            continue
        token = m.group(1)
        if kind == "dotted":
            kind = f"dotted-{marker.rstrip('.').count('.') + 1}"
        if kind == "letter":
            return kind, LETTERS.index(token) + 1 if token in LETTERS else ord(token) - ord("a") + 1
        if kind == "upper":
            return kind, ord(token) - ord("A") + 1
        return kind, _roman(token) if token[0] in ROMAN else int(token)
    return None


def _follows(kind: str, prev: int, value: int) -> bool:
    if value == prev + 1:
        return True
    # `a) b) c) d) e)` without đ: the Latin order is also a sequence
    return kind == "letter" and prev == LETTERS.index("d") + 1 and value == prev + 2


def _numbering_faults(nodes: Iterable[Node], kind_of) -> list[str]:
    faults: list[str] = []
    last: dict[str, tuple[int, str]] = {}
    for n in nodes:
        k = kind_of(n)
        if k is None:
            continue
        kind, value = k
        if kind in last and not _follows(kind, last[kind][0], value):
            faults.append(f"{last[kind][1]!r} then {n.marker!r} ({n.path})")
        last[kind] = (value, n.marker)
    return faults


def _article_scopes(tree: list[Node]) -> list[list[Node]]:
    """Articles are numbered through a document, and again inside each appendix."""
    main, scopes = [], []
    for top in tree:
        if top.marker == "appendix":
            scopes.append([n for n in top.walk() if n is not top])
        else:
            main.extend(top.walk())
    return [main] + scopes


def _tree_faults(tree: list[Node]) -> tuple[list[str], list[str]]:
    numbering, mixed = [], []

    def not_article(n: Node):
        k = marker_kind(n.marker)
        return None if k is None or k[0] == "article" else k

    def article(n: Node):
        k = marker_kind(n.marker)
        return k if k and k[0] == "article" else None

    def visit(siblings: list[Node], path: str) -> None:
        numbering.extend(_numbering_faults(siblings, not_article))
        kinds = {k[0] for k in map(marker_kind, (n.marker for n in siblings)) if k}
        if len(kinds) > 1:
            mixed.append(f"{', '.join(sorted(kinds))} under {path or 'the root'}")
        for n in siblings:
            visit(n.children, n.path)

    visit(tree, "")
    for scope in _article_scopes(tree):
        numbering.extend(_numbering_faults(scope, article))
    return numbering, mixed


def _opens_title(line: str, at: int, nodes: list[Node], starts: list[int]) -> bool:
    """`line`, a heading line without a marker of its own, opens the title of the node that starts
    just before it: an appendix's `DANH MỤC …` under its `PHỤ LỤC` line is that node's title, not a
    heading left out. A line with its own marker (`III.`, `PHỤ LỤC II`) inside another node's title
    is a heading run into it, and stays flagged."""
    j = bisect.bisect_right(starts, at) - 1
    words = " ".join(line.split()).casefold()
    return bool(TITLE_LINE.match(line)) and j >= 0 and at - starts[j] < TITLE_REACH and bool(words) \
        and " ".join(nodes[j].title.split()).casefold().startswith(words)


def _missing_headings(laid: LaidOut, tree: list[Node], text: str) -> list[str]:
    nodes = sorted((n for top in tree for n in top.walk()), key=lambda n: n.start)
    starts = [n.start for n in nodes]
    skip = len(header_lines(text))
    missing: list[str] = []
    end = -1
    for i, line in enumerate(laid.text.split("\n")):       # each line and its offsets
        start, end = end + 1, end + 1 + len(line)
        if i < skip or " | " in line or not HEADING_LINE.match(line):
            continue
        j = bisect.bisect_left(starts, start - 3)
        if (j == len(starts) or starts[j] > end) and not _opens_title(line, start, nodes, starts):
            missing.append(line[:80])
    return missing


def structure_checks(laid: LaidOut, tree: list[Node], document: Document) -> list[Warning]:
    found: list[Warning] = []
    numbering, mixed = _tree_faults(tree)
    for what in numbering:
        found.append(Warning(code="check_tree_numbering", message=f"sibling numbering skips or repeats: {what}",
                             location="sections"))
    for what in mixed:
        found.append(Warning(code="check_tree_mixed", message=f"numbered nodes of different kinds as siblings: {what}",
                             location="sections"))
    for line in _missing_headings(laid, tree, document.text):
        found.append(Warning(code="check_tree_missing", message=f"a heading line with no node: {line!r}",
                             location="sections"))
    w = words()
    recipients = document.metadata.recipients
    long = [r for r in recipients if len(r.split()) > w.max_recipient_words]
    if len(recipients) > w.max_recipients or long:
        what = f"{len(recipients)} recipients" + (f", e.g. {long[0][:80]!r}" if long else "")
        found.append(Warning(code="check_recipients_text", message=f"recipients read as body text: {what}",
                             location="metadata.recipients"))
    selves = [r.id for r in document.references if r.is_self]
    if len(selves) > 1:
        found.append(Warning(code="check_self_references", message=f"{len(selves)} self-references: {selves}",
                             location="references"))
    return found
