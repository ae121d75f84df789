"""A page's characters as columns, and a selection of them: what the reader passes
between its stages instead of one Python object per character.

    PageChars: every visible character of a page; `text` (one code point each) and one
               column of numbers per field (FIELDS), or the packed doubles the compiled
               loop wrote (pdf/loops.c), read into lists only when a stage asks
    Chars:     some characters of one page in an order (indices into its PageChars): a
               page's main text, its text running another way, a table cell's content

The compiled rows (pdf/rows.c) read the packed doubles directly; the Python steps read
columns, or Char objects (`as_chars`) where the Python reference of a step is run."""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Optional, Sequence, Union

#: the fields of a character, in the order of the compiled loop's out arrays (loops.c)
FIELDS = ("x0", "top", "x1", "bottom", "base", "size", "space", "bold", "direction")
X0, TOP, X1, BOTTOM, BASE, SIZE, SPACE, BOLD, DIRECTION = range(len(FIELDS))


@dataclass(slots=True)
class Char:
    """One character (the Python reference steps read these)."""
    c: str
    x0: float
    top: float
    x1: float
    bottom: float
    base: float          # baseline (reading space)
    size: float
    space_before: bool
    bold: bool


class PageChars:
    """Every visible character of a page.  `packed`: field k of character i at
    packed[k * stride + i] (the compiled loop's array, or None: the Python loop gave
    `columns`, one list per field)."""

    __slots__ = ("text", "packed", "stride", "_columns", "_utf32", "_digits")

    def __init__(self, text: str, columns: Optional[list[list]] = None,
                 packed: Optional[array] = None, stride: int = 0):
        self.text = text
        self.packed = packed
        self.stride = stride
        if columns is None and packed is None:          # no characters
            columns = [[] for _ in FIELDS]
        self._columns: list[Optional[list]] = list(columns) if columns is not None else [None] * len(FIELDS)
        self._utf32: Optional[bytes] = None
        self._digits: Optional[array] = None

    def __len__(self) -> int:
        return len(self.text)

    def column(self, k: int) -> list:
        """Field k of every character (a list shared by all callers: not to be changed)."""
        col = self._columns[k]
        if col is None:
            start = k * self.stride
            col = self._columns[k] = self.packed[start:start + len(self.text)].tolist()
        return col

    def utf32(self) -> bytes:
        """The text as UTF-32 code points (what the compiled rows read)."""
        if self._utf32 is None:
            self._utf32 = self.text.encode("utf-32-le")
        return self._utf32

    def digits(self) -> array:
        """The code points of the page beyond '0'-'9' that str.isdigit() takes ('²', '٣'):
        the compiled rows' digit test is theirs and the ASCII digits."""
        if self._digits is None:
            self._digits = array("I", sorted(ord(c) for c in set(self.text) if c > "9" and c.isdigit()))
        return self._digits


class Chars:
    """Characters of one page in an order: `index` into `page` (a range: all of them)."""

    __slots__ = ("page", "index")

    def __init__(self, page: PageChars, index: Union[range, list[int]]):
        self.page = page
        self.index = index

    @classmethod
    def empty(cls) -> "Chars":
        return cls(PageChars(""), range(0))

    def __len__(self) -> int:
        return len(self.index)

    def __bool__(self) -> bool:
        return len(self.index) > 0

    @property
    def whole(self) -> bool:
        """All the page's characters, in its order."""
        return isinstance(self.index, range)

    def subset(self, index: Sequence[int]) -> "Chars":
        """Other characters of the same page (indices into the page, in their order)."""
        return Chars(self.page, list(index))

    def text(self) -> str:
        """The characters' text, no spaces."""
        if self.whole:
            return self.page.text
        return "".join(map(self.page.text.__getitem__, self.index))

    def column(self, k: int) -> list:
        """Field k of these characters, in their order."""
        col = self.page.column(k)
        return col if self.whole else list(map(col.__getitem__, self.index))

    def as_chars(self) -> list[Char]:
        """One Char each (the Python reference steps)."""
        cols = [self.column(k) for k in range(BOLD + 1)]
        space, bold = cols[SPACE], cols[BOLD]
        return list(map(Char, self.text(), *cols[:SPACE], map(bool, space), map(bool, bold)))

    def __iter__(self):
        """The characters as Char objects (for tests and inspection; the reader reads columns)."""
        return iter(self.as_chars())
