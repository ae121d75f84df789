"""Tables laid out by spaces in `pdftotext -layout` text (one table row over several lines).

    find_column_tables(lines: list[str]) -> list[ColumnTable]    (line ranges and their Table)

`pdftotext -layout` keeps every word at its column: a task table's header line holds
its headings at several column positions separated by runs of spaces, and each row's
cells wrap over the lines below, each cell at its column (corpus 004, Phụ lục I):

      Tên đơn vị được                                Thời gian công bố     Thời hạn
  TT                            Đối tượng kiểm tra
         kiểm tra                                    Quyết định kiểm tra   kiểm tra
                       Gói thầu số 13: Thi công công trình nối Quốc lộ 32 với cao tốc Nội
    Công ty cổ phần xây Bài - Lào Cai (IC14) đoạn thi công từ Km0 - Km2+571 và khu tái
   1 dựng giao thông   định cư 1, phường Trung Tâm và xã ...   23/3/2026         02 ngày

Steps: (1) a header block: lines whose pieces (split at 2+ spaces) are short and hold
task-table headings (layout.yaml task_table_headers), a row-number heading (TT, STT)
among them; (2) columns: the header pieces merged by overlap, a boundary put between
two neighbours where the fewest body words cross it; (3) rows: a row is known by its
number in the number column; the number sits on the row's first line (top-aligned)
or in its middle (vertically centred, as pdftotext prints merged cells); (4) cells:
each word goes to the column its first character falls in; a cell's lines are joined.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vanban.lexicon.patterns import task_table_groups
from .types import Table

#: a piece of a -layout line: text between runs of two or more spaces: "Thời gian công bố"
PIECE = re.compile(r"\S+(?: \S+)*")
#: a word and its column
WORD = re.compile(r"\S+")
#: a word of a header piece, to look up among the headings
TOKEN = re.compile(r"\w+")
#: a row number in the number column: "1", "12", "1.", "II", "a)"
ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXL]{1,6}|[a-zđ])[.)]?$")
#: the longest header piece: "Thời gian công bố", "Quyết định kiểm tra", "Tên đơn vị được"
HEADER_PIECE_MAX = 40
#: header lines at most (a heading wraps over a few lines)
HEADER_LINES_MAX = 6
#: widest gap between two header columns; wider, the pieces are no table's headings
GAP_MAX = 300
#: body lines that decide where a column boundary goes
BODY_SAMPLE = 300
#: failed headers tried in one block of lines before the rest of the block is passed over
#: (each costs a pass over the block: a bounded number keeps the search linear)
TRIES_PER_BLOCK = 3


@dataclass
class ColumnTable:
    """The lines [start, end) of a -layout text that are one table, and the table."""
    start: int
    end: int
    table: Table


def _heading_group(piece: str) -> str | None:
    """The task-table column a header piece names: "TT" -> number, "Thời hạn" -> deadline
    (the first group, in layout.yaml's order, with a word among the piece's words or a phrase
    inside it)."""
    folded = piece.casefold()
    groups, any_heading = _heading_words()
    if not any_heading.search(folded):
        return None                         # most pieces: no heading at all
    tokens = set(TOKEN.findall(folded))
    for name, words, phrases in groups:
        if not words.isdisjoint(tokens) or phrases.search(folded):
            return name
    return None


def names_a_heading(folded: str) -> bool:
    """Does `folded` (case-folded text) hold a task-table heading: a word of task_table_groups() among
    its words (TOKEN), or a phrase inside it?"""
    return _heading_words()[1].search(folded) is not None


def _phrases(phrases: list[str]) -> re.Pattern:
    """Any of `phrases` inside a string (a pattern that never matches when there is none)."""
    return re.compile("|".join(map(re.escape, phrases)) or r"(?!)")


@lru_cache(maxsize=1)
def _heading_words() -> tuple[tuple[tuple[str, frozenset[str], re.Pattern], ...], re.Pattern]:
    """task_table_groups() as (group, its one-word headings, its phrases), and one pattern for every
    group's words (each a whole word: one of TOKEN's words) and phrases together, by first letter: re
    then tries it only where one of those letters is (each line of a -layout text is looked up, issue 13)."""
    groups = tuple((name, frozenset(w for w in words if " " not in w), [w for w in words if " " in w])
                   for name, words in task_table_groups().items())
    by_first: dict[str, list[str]] = {}
    for _, words, phrases in groups:
        for w in words:
            if TOKEN.fullmatch(w):          # (a word TOKEN never reads is never found)
                first = re.escape(w[0])
                by_first.setdefault(first, []).append(rf"(?<!\w{first}){re.escape(w[1:])}(?!\w)")
        for p in phrases:
            by_first.setdefault(re.escape(p[0]), []).append(re.escape(p[1:]))
    return (tuple((name, words, _phrases(phrases)) for name, words, phrases in groups),
            re.compile("|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items()) or r"(?!)"))


def _pieces(line: str) -> list[tuple[int, int, str]]:
    """(start column, end column, text) of each piece of a line (a single space stays inside a piece)."""
    return [(m.start(), m.end(), m.group()) for m in PIECE.finditer(line)]


def _header_at(lines: list[str], i: int) -> int | None:
    """The end (exclusive) of a header block starting at line i, or None."""
    named: dict[str, int] = {}
    number_col: int | None = None
    j = i
    while j < len(lines) and j - i < HEADER_LINES_MAX:
        pieces = _pieces(lines[j])
        if not pieces:
            break
        if j > i and (any(e - s > HEADER_PIECE_MAX for s, e, _ in pieces)
                      or (number_col is not None and _number_in(pieces, number_col))):
            break                       # a body line: a long cell or a row number
        if any(e - s > HEADER_PIECE_MAX for s, e, _ in pieces):
            return None
        for s, e, t in pieces:
            g = _heading_group(t)
            if g:
                named[t] = s
                if g == "number":
                    number_col = s
        j += 1
    if number_col is None or len(named) < 3 or j == i:
        return None
    if len({_heading_group(t) for t in named}) < 2:
        return None
    return j


def _one_long_piece(line: str) -> bool:
    """Is the line one piece (single spaces only: no other white space once stripped; a character
    that is not printable is a white space or a control) longer than a header piece?"""
    text = line.strip()
    return len(text) > HEADER_PIECE_MAX and "  " not in text and text.isprintable()


def _number_in(pieces: list[tuple[int, int, str]], number_col: int) -> bool:
    return bool(pieces) and pieces[0][0] <= number_col + 4 and bool(ROW_NUMBER.match(pieces[0][2].split()[0]))


def _merged_spans(header: list[str]) -> list[list[int]]:
    """The header pieces' column spans, overlapping ones merged: one per column."""
    spans: list[list[int]] = []
    for line in header:
        for s, e, _ in _pieces(line):
            spans.append([s, e])
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


def _columns(merged: list[list[int]], body: list[str]) -> list[int]:
    """Column start positions: a boundary between two header spans where fewest body words cross
    (judged on the first BODY_SAMPLE lines: the columns are set by the first rows)."""
    body = body[:BODY_SAMPLE]
    starts = [0]
    for (_, left_end), (right_start, _) in zip(merged, merged[1:]):
        best = None
        for p in range(left_end, right_start + 1):
            cross = sum(1 for ln in body if 0 < p < len(ln) and ln[p - 1] != " " and ln[p] != " ")
            occupied = sum(1 for ln in body if p < len(ln) and ln[p] != " ")
            key = (cross, occupied)
            if best is None or key < best[0]:
                best = (key, [p])
            elif key == best[0]:
                best[1].append(p)
        run = best[1]
        starts.append(run[len(run) // 2] if run[-1] - run[0] == len(run) - 1 else run[0])
    return starts


def _cells(line: str, starts: list[int]) -> list[str]:
    cells = [[] for _ in starts]
    for m in WORD.finditer(line):
        k = max(i for i, s in enumerate(starts) if s <= m.start()) if m.start() >= starts[0] else 0
        cells[k].append(m.group())
    return [" ".join(c) for c in cells]


def _row_spans(numbered: list[int], first: int, end: int, lines: list[list[str]]) -> list[tuple[int, int]]:
    """Line ranges of the rows, from the lines holding a row number.

    Top-aligned (the first body line has a number): a row runs to the next number.
    Centred: the number is the middle line of its row, so a row starting at s with its
    number at n ends at 2n - s or 2n - s + 1; the choice that makes the next row begin
    with an upper-case cell wins."""
    if not numbered:
        return []
    if numbered[0] == first:
        bounds = numbered + [end]
        return [(a, b) for a, b in zip(bounds, bounds[1:])]
    spans = []
    s = first
    for k, n in enumerate(numbered):
        limit = numbered[k + 1] if k + 1 < len(numbered) else end
        options = [e for e in (2 * n - s + 1, 2 * n - s + 2) if n < e <= limit]
        options = options or [min(max(n + 1, 2 * n - s + 1), limit)]
        if k + 1 == len(numbered):
            e = end if end - options[-1] <= 1 else options[0]
        else:
            e = next((o for o in options if o < limit and _opens_row(lines[o])), options[0])
        spans.append((s, e))
        s = e
    return spans


def _opens_row(cells: list[str]) -> bool:
    """A line whose first filled cell after the number starts in upper case or a digit."""
    filled = [c for c in cells[1:] if c]
    return bool(filled) and (filled[0][0].isupper() or filled[0][0].isdigit())


def find_column_tables(lines: list[str]) -> list[ColumnTable]:
    """Every space-laid-out task table of a `pdftotext -layout` text (see the module docstring)."""
    out: list[ColumnTable] = []
    i = 0
    n = len(lines)
    tries: dict[int, int] = {}           # block end -> failed headers tried in the block
    while i < n:
        if _one_long_piece(lines[i]) or not _heading_group(lines[i]):
            # no header starts here: a piece too long for a heading (_header_at), or no heading in any
            # piece (a phrase has single spaces, pieces are parted by wider gaps: the line's words and
            # phrases are its pieces')
            i += 1
            continue
        head_end = _header_at(lines, i)
        if head_end is None:
            i += 1
            continue
        header = lines[i:head_end]
        merged = _merged_spans(header)
        if (len(merged) < 3 or not any(len(_pieces(ln)) >= 2 for ln in header)
                or any(b[0] - a[1] > GAP_MAX for a, b in zip(merged, merged[1:]))):
            i += 1                      # a heading a line (a flattened table): not laid out by columns
            continue
        end = head_end
        while end < n and lines[end].strip() and "\f" not in lines[end]:
            end += 1
        if tries.get(end, 0) >= TRIES_PER_BLOCK:
            i = end
            continue
        body = lines[head_end:end]
        starts = _columns(merged, body)
        number_at = min(ps for ln in header for ps, _, t in _pieces(ln) if _heading_group(t) == "number")
        number_col = max(k for k, s in enumerate(starts) if s <= number_at)
        cells = [_cells(ln, starts) for ln in body]
        numbered = [head_end + k for k, c in enumerate(cells)
                    if c[number_col] and ROW_NUMBER.match(c[number_col])]
        if not numbered:
            tries[end] = tries.get(end, 0) + 1
            i = head_end
            continue
        spans = _row_spans(numbered, head_end, end, [[]] * head_end + cells)
        rows = [[" ".join(c for c in col if c) for col in zip(*[_cells(ln, starts) for ln in header])]]
        for a, b in spans:
            rows.append([" ".join(c for c in col if c) for col in zip(*cells[a - head_end:b - head_end])])
        out.append(ColumnTable(start=i, end=end, table=Table(rows=rows)))
        i = end
    return out
