"""Task-table columns: the one column vocabulary (lexicon/data/task_columns.yaml) and the text
keys shared by real, Markdown and flattened tables.

    column_role(header_cell) -> str | None      header words -> row/description/lead/coordinators/deadline/extra
    header_roles(cells) -> roles | None         a task table's header row, or None
    fold(text), clean(text), join_lines(lines)  comparison key, one-line cell text, a cell's lines joined
    starts_with_head(text)                      does a text open with a body head word ("Sở", "Các sở")
    words()                                     the vocabulary, loaded once

Vocabulary (English name in code, Vietnamese once here):
    lead          chủ trì        the body responsible
    coordinators  phối hợp       the bodies that help
    deadline      thời gian / thời hạn
    group         the Roman (or letter) row that heads a run of rows: `II | Đổi mới công tác ...`

Columns are found by their HEADER WORDS, in any order and number; columns that are
neither row number, description, lead, coordinators nor deadline are kept in
`Task.extra` under their header text (`Sản phẩm`, `Theo dõi`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from vanban.lexicon import abbreviations, load, strip_marks
from vanban.lexicon.patterns import alternation

from ..bodies import find_bodies
from ..bodies.find import opens_with_body
from ..deadlines import parse_deadline

ROLES = ("row", "description", "lead", "coordinators", "deadline")

# A Roman group marker, alone or before the group's title: "II", "IV.", "I. NÂNG CAO VÀ ĐỔI MỚI TƯ DUY"
GROUP_MARKER = re.compile(r"^(?P<m>[IVXL]{1,6}|[A-ZĐ])(?:[.)]\s*|\s+(?=\S)|$)(?P<title>.*)$", re.S)
# A valid Roman numeral (I ... XXXIX): "IV" yes, "IL" no
ROMAN = re.compile(r"^X{0,3}(IX|IV|V?I{0,3})$")
# A row number as printed in a cell or at the start of a flattened row: "1", "1.", "2.3", "1.1."
ROW_NUMBER = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,3})*)\.?$")
# The start of a flattened row: "1." alone, or "3. Xây dựng Đề án thành lập ..."
FLAT_ROW_START = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,3})*)(?P<dot>\.)?(?:\s+(?P<rest>\S.*))?$")
# A bare page number on its own line inside a flattened table: "2"
PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# A column-number row under a header: "(1)", "1", "(2)"
COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
# Text that closes a description cell: "... của đội ngũ trí thức.", "... sáng tạo…"
CELL_END = re.compile(r"(?:[.…!?;]|\.\.\.)[”\"’)]*$")
# A sentence end inside a line, where a flattened line holds two cells: "... tỉnh Bắc Giang. và Công"
INNER_END = re.compile(r"(?<=[.…])[”\"’)]*\s+(?=\S)")
# The first line of a flattened table's header: "TT Nội dung nhiệm vụ", "STT", "Số TT"
FLAT_HEADER = re.compile(r"^(?:S[ốo]\s*)?S?TT\b", re.I)
# A cell holding only a group marker: "A", "IV", "B."
GROUP_ONLY = re.compile(r"^(?:[IVXL]{1,6}|[A-ZĐ])\.?$")
# A year inside a deadline cell: "2024", "IV/2024", "2026 - 2030"
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A line ending inside a symbol broken at its hyphen: "Quyết định số 497/2011/QĐ-", "Nghị quyết số 45-"
HYPHEN_BREAK = re.compile(r"[\w/]-$")
# "Và" printed with a capital inside a list of bodies: "Bộ Ngoại giao Và các cơ quan, tổ chức"
CAPITAL_AND = re.compile(r"\s+Và\s+")
# A lead cell that points elsewhere instead of naming bodies: "Theo phân công tại Quyết định số 1441/QĐ-UBND"
REFERRAL = re.compile(r"^(?:Theo|Căn cứ|Như)\s", re.I)
# What folding drops: spaces and punctuation ("Cơ quan / chủ trì" -> "coquanchutri")
NON_WORD = re.compile(r"[\W_]+")
# A letter group marker: "A", "B", "Đ"
LETTER_GROUP = re.compile(r"[A-ZĐ]")
# An Arabic group marker above sub-numbered rows: "1" above "1.1", "1.2"
ARABIC_GROUP = re.compile(r"\d{1,3}")
# Items of a cell listing bodies: "Sở KH&CN; các cơ quan, đơn vị liên quan", "(1) Bộ Tư pháp (2) Văn phòng Chính phủ"
LIST_SPLIT = re.compile(r"\s*;\s*|\s*\(\d{1,2}\)\s*")
# A word of a line: "Quý", "IV/2024"
TOKEN = re.compile(r"\S+")
# Markdown emphasis left in a cell: "**I.**"
EMPHASIS = re.compile(r"\*\*|__")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no tone marks, đ -> d, no spaces: header words split mid-word still match.
    Memoised per text (header cells and word lists are folded again and again)."""
    return NON_WORD.sub("", strip_marks(text).casefold())


def join_lines(lines: list[str]) -> str:
    """Lines of one cell -> one line; a word broken at a hyphen stays whole ("497/2011/QĐ-" + "UBND")."""
    out = ""
    for x in lines:
        x = x.strip()
        if not x:
            continue
        if out and HYPHEN_BREAK.search(out):
            out += x
        else:
            out = (out + " " + x) if out else x
    return out


def _folded(text: str) -> bool:
    """Is a text already as `" ".join(text.split())` makes it: no white space but single spaces between words?
    Every white-space character that split() cuts at other than the space is unprintable (a control character or
    a Unicode separator), so a printable text holds only spaces: none doubled, none at an end."""
    return bool(text) and text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " "


@lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """One line, whitespace folded, Markdown emphasis removed (memoised per text)."""
    if not text or "*" not in text and "__" not in text:
        if _folded(text):
            return text                                 # most texts: already one line, single spaces
        return " ".join((text or "").split())          # no emphasis mark: no regex pass (issue 13)
    return " ".join(EMPHASIS.sub("", text).split())


@dataclass(frozen=True)
class _Words:
    columns: tuple[tuple[str, tuple[str, ...]], ...]
    #: (role, folded word) of the strong entries, and of the weak ones (see task_columns.yaml)
    strong_words: tuple[tuple[str, str], ...]
    weak_words: tuple[tuple[str, str], ...]
    row_cells: frozenset[str]
    continuation: frozenset[str]
    deadline_openers: frozenset[str]
    body_heads: tuple[str, ...]
    #: the body heads by their first character, longest first: the only ones a text can open with
    heads_by_first: dict[str, tuple[str, ...]]
    fragments: tuple[str, ...]
    head_followers: frozenset[str]
    head_not_followers: frozenset[str]
    #: folded words of the lead columns that name who does the work, preferred first
    lead_preference: tuple[str, ...] = ()


@lru_cache(maxsize=None)
def words() -> _Words:
    data = load("task_columns.yaml")
    heads = sorted(data["body_heads"], key=len, reverse=True)
    frags = tuple(sorted({" ".join(v.split()) for v in abbreviations().values() if " " in v}))
    return _Words(
        columns=tuple((c["role"], tuple(fold(w) for w in c["words"])) for c in data["columns"]),
        strong_words=tuple((c["role"], fold(w)) for c in data["columns"] if not c.get("weak") for w in c["words"]),
        weak_words=tuple((c["role"], fold(w)) for c in data["columns"] if c.get("weak") for w in c["words"]),
        row_cells=frozenset(fold(w) for w in data["row_cells"]),
        continuation=frozenset(w.casefold() for w in data["continuation_words"]),
        deadline_openers=frozenset(w.casefold() for w in data["deadline_openers"]),
        body_heads=tuple(heads),
        heads_by_first={c: tuple(h for h in heads if h[:1] == c) for c in {h[:1] for h in heads}},
        fragments=frags,
        head_followers=frozenset(data["head_followers"]),
        head_not_followers=frozenset(w.casefold() for w in data["head_not_followers"]),
        lead_preference=tuple(fold(w) for w in data["lead_preference"]),
    )


@lru_cache(maxsize=65536)
def starts_with_head(text: str) -> bool:
    """Does the text open with a body head word ("Sở Nội vụ", "Các sở, ban", "UBND các huyện")?
    A one-word head needs a capital or a known follower after it ("Ban hành ..." is no body), not two words
    that name a thing (`head_not_followers`: "Các chi phí khác").
    Memoised per text."""
    w = words()
    for h in w.heads_by_first.get(text[:1], ()):
        if text.startswith(h) and (len(text) == len(h) or not text[len(h)].isalnum()):
            if " " in h or h.isupper() or len(text) == len(h):
                return True
            after = text[len(h):].lstrip(" ,").split(None, 2)[:2]     # the two words after it (not all of a paragraph's)
            nxt = after[0].strip(",;:.") if after else ""
            if " ".join(after[:2]).strip(",;:.").casefold() in w.head_not_followers:
                continue                        # "Các chi phí khác", "Các Biểu mẫu": a thing, not a body
            if nxt[:1].isupper() or nxt.casefold() in w.head_followers:
                return True
    return False


def column_role(cell: str) -> Optional[str]:
    """The role of a header cell: row, description, lead, coordinators, deadline, extra, or None."""
    f = fold(clean(cell))
    if not f:
        return None
    w = words()
    if f in w.row_cells:
        return "row"
    for tier in (w.strong_words, w.weak_words):         # the word found first, the longer at one place
        hits = [(f.find(k), -len(k), role) for role, k in tier if k and k in f]
        if hits:
            return min(hits)[2]
    return None


def header_roles(cells: list[str]) -> Optional[list[Optional[str]]]:
    """Roles of a header row, or None when the row is not the header of a task table
    (it must name a description column and a lead or coordinators column)."""
    roles = [column_role(c) for c in cells]
    preferred = _preferred_lead(roles, cells)
    if preferred is not None:
        roles = [("extra" if r == "lead" and i != preferred else r) for i, r in enumerate(roles)]
    seen: set[str] = set()
    for i, r in enumerate(roles):            # a role taken twice: the second is an extra column
        if r in ROLES and r in seen:
            roles[i] = "extra"
        elif r:
            seen.add(r)
    strong_lead = preferred is not None
    if "description" in seen and ("coordinators" in seen or strong_lead):
        return roles                # not "TT | Cơ quan, bộ phận, người thực hiện | Nội dung công việc" (procedure steps)
    return None


def _preferred_lead(roles: list[Optional[str]], cells: list[str]) -> Optional[int]:
    """The lead column naming who does the work (task_columns.yaml `lead_preference`): of the lead
    columns, the first holding the earliest preferred word; None when no lead column holds one."""
    folded_cells = [fold(clean(c)) if r == "lead" else "" for r, c in zip(roles, cells)]
    for word in words().lead_preference:
        for i, f in enumerate(folded_cells):
            if word in f:
                return i
    return None


def plausible_name(name: str) -> bool:
    """A lead as a rebuilt cell gives it: short, opening with a body name."""
    return len(name) <= 90 and (starts_body(name) or name[:1].isupper() and len(name.split()) <= 8)


def is_open(text: str) -> bool:
    t = text.rstrip()
    if t.endswith((",", "&", "-", "–", "/", "(")):
        return True
    last = t.split()[-1].casefold() if t.split() else ""
    return last in words().continuation


def starts_body(x: str) -> bool:
    return opens_with_body(x) or starts_with_head(x)


def completes_name(left: str, x: str) -> bool:
    """Does x carry on the body name that `left` ends with? ("Sở Khoa học và Công" + "nghệ",
    "Hội Văn học" + "Nghệ thuật"): a body name found across the join, or the join inside
    a known expansion (Khoa học và Công nghệ)."""
    joined = left + " " + x
    cut = len(left)
    if any(b.start < cut and b.end > cut + 1 for b in find_bodies(joined)):
        return True
    lw, xw = left.split(), x.split()
    if not lw or not xw:
        return False
    probe = f"{lw[-1]} {xw[0]}".casefold()
    return any(probe in f.casefold() for f in words().fragments)


def is_deadline(text: str) -> bool:
    """A whole time phrase: "Thường xuyên", "Quý IV/2024", "2025", "Định kỳ hằng năm"."""
    t = text.strip()
    if not t or len(t) > 60:
        return False
    first = t.split()[0].casefold().strip(",.:")
    if not (first in words().deadline_openers or t[:1].isdigit()):
        return False
    d, _ = parse_deadline(t)
    if d.kind != "unparsed":
        return True
    return bool(YEAR.search(t)) or fold(t) in folded("deadline_phrases")



@lru_cache(maxsize=None)
def folded(key: str) -> frozenset[str]:
    """A word list of task_columns.yaml, folded, loaded once."""
    return frozenset(fold(x) for x in load("task_columns.yaml")[key])



#: a footnote marker set apart in a cell: "Ủy ban Đối ngoại [3] (Văn phòng Quốc hội phối hợp chuẩn bị)"
SPACED_FOOTNOTE = re.compile(r"\s+\[\d{1,3}\]")


@lru_cache(maxsize=1)
def _coordination_note() -> re.Pattern:
    """A bracketed note in a lead cell naming who coordinates: "(Viện Nghiên cứu lập pháp phối hợp
    chuẩn bị dự thảo)" -- its words are assignment_words.yaml `coordinate_direct_words`."""
    alts = alternation(load("assignment_words.yaml")["coordinate_direct_words"], spaces=r"\ ")
    return re.compile(rf"\(\s*(?P<who>[^()]+?)\s+(?:{alts})(?![^\W\d_])[^()]*\)")


def lead_and_noted(cell: str) -> tuple[str, str]:
    """A lead cell without its footnote markers and its note of who coordinates, and the bodies that
    note names: "Ban Công tác đại biểu (Viện Nghiên cứu lập pháp phối hợp chuẩn bị dự thảo)" ->
    ("Ban Công tác đại biểu", "Viện Nghiên cứu lập pháp") (pool md/ae8d299abf846604, NQ 1339/NQ-UBTVQH15)."""
    text = SPACED_FOOTNOTE.sub("", cell)
    noted = [m["who"].strip() for m in _coordination_note().finditer(text)]
    return _coordination_note().sub("", text).strip(), "; ".join(noted)
