"""Stage 4, tree: body blocks -> section tree (I. / 1. / 1.1. / a) / - / Điều / Chương / appendix).

    build_tree(doc: LaidOut) -> list[Node]
    build_tree_checked(doc) -> (list[Node], list[Warning])   the same, with numbering_gap warnings
    split_header(doc) -> (header paragraphs, body blocks)   also used by the metadata extractor
    preamble(doc, tree) -> list[Paragraph]                   the body before the first section (Căn cứ ...)

One pass over the body blocks with a stack of open nodes.  A paragraph that
starts with a marker opens a node (after checking that the marker continues
the numbering it belongs to, so that `2024.` or `1.595 người` never open one);
any other paragraph is text of the innermost open node.  Headings wrapped over
two lines are joined back.  Text before the first marker (Căn cứ..., preamble)
and the signature block / Nơi nhận are not sections.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from vanban.lexicon import doc_types, load
from vanban.schemas.models import Warning

from .types import Block, LaidOut, Node, Paragraph, Table

# ---------------------------------------------------------------- patterns
#: Markdown emphasis left around a line by converters: "**I. MỤC" / "ĐÍCH, YÊU CẦU**", "*Đồng Tháp,"
EMPHASIS = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)__|__(?!\w)")
#: Roman heading: "I. MỤC ĐÍCH, YÊU CẦU", "IV. TỔ CHỨC THỰC HIỆN"
ROMAN = re.compile(r"^(?P<num>[IVXL]{1,6})\s*[.)]\s*(?P<rest>\S.*)$")
#: Dotted heading, carries its parent's number: "1.1. Sở Nội vụ: Chủ trì...", "2.1.3 Rà soát"
DOTTED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})(?:\.|\))?\s+(?P<rest>\D.*)$")
#: Arabic heading: "1. Mục đích", "12. Ủy ban nhân dân các xã, phường", "2) Thanh tra tỉnh"
ARABIC = re.compile(r"^(?P<num>\d{1,2})\s?[.)]\s*(?P<rest>[^\d\s.,;:/%)\-].*)$")
#: Letter item: "a) Thúc đẩy mạnh mẽ chuyển đổi", "đ) Đến hết năm 2045: 100%"
LETTER = re.compile(r"^(?P<num>[a-zđ])\s?\)\s*(?P<rest>\S.*)$")
#: Parenthesised item: "(1) Giao Bộ Nông nghiệp và Môi trường chủ trì", "(2) Về nguồn vốn"
PAREN = re.compile(r"^\((?P<num>\d{1,2})\)\s*(?P<rest>[^\s\d].*)$")
#: Bullets: "- Quán triệt, triển khai...", "+ LĐVP, các phòng", "– Tổ chức", "• Nội dung"
BULLET = re.compile(r"^(?P<num>[-–—+•∙·])\s*(?P<rest>[^\s\-–—+].*)$")
#: Article: "Điều 3. Tổ chức thực hiện", "Điều 1: Phê duyệt", "Điều 12 Hiệu lực thi hành"
ARTICLE = re.compile(r"^Điều\s+(?P<num>\d{1,3}[a-z]?)\s*[.:]?\s*(?P<rest>.*)$")
#: An article number with no punctuation after it: "Điều 17 Thông tư số 23/2024/TT-BCT" (a citation wrapped to
#: the start of a line) or "Điều 12 Hiệu lực thi hành" (a heading)
ARTICLE_BARE = re.compile(r"^Điều\s+\d{1,3}[a-z]?\s+[^\s.:]")
#: Chapter: "Chương II", "CHƯƠNG I. NHỮNG QUY ĐỊNH CHUNG", "Chương 3: Tổ chức thực hiện"
CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+(?P<num>[IVXL]{1,6}|\d{1,2})\b\s*[.:\-–]?\s*(?P<rest>.*)$")
#: Chapter section: "Mục 1. QUY ĐỊNH CHUNG", "MỤC 2"
SUBCHAPTER = re.compile(r"^(?:Mục|MỤC)\s+(?P<num>\d{1,2}|[IVXL]{1,6})\b\s*[.:\-–]?\s*(?P<rest>.*)$")
#: Appendix head: "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục số 04", "PHỤ LỤC I: DANH MỤC ..."
APPENDIX_HEAD = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ|số))?\s*(?P<num>[IVXL]{1,6}|\d{1,2}[a-z]?)?\s*[.:\-–]?\s*(?P<rest>.*)$")
#: Appendix list head: "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾ HOẠCH"
APPENDIX_LIST = re.compile(r"^DANH MỤC\b")
#: The line that says what an attachment belongs to: "(Kèm theo Kế hoạch số /KH-UBND ngày /6/2024 của UBND tỉnh)",
#: "(Ban hành kèm theo Quyết định số 16/2026/QĐ-UBND ...)"
ATTACHED_TO = re.compile(r"^\(?\s*(?:Ban hành\s+)?(?:kèm|Kèm|KÈM)\s+(?:theo|THEO)\b")
#: The attachment note inside a line: "... NĂM 2015 (Ban hành kèm theo Quyết định số 173/QĐ-BTP ...)"
ATTACHED_INSIDE = re.compile(r"\s\((?:Ban hành\s+)?[Kk]èm theo\b")
#: End of the body: "... theo hướng dẫn của cấp có thẩm quyền./."
BODY_END = re.compile(r"\.?/\.\s*$")
#: Start of the recipients list: "Nơi nhận:", "Nơi nhận: KT. CHỦ TỊCH"
RECIPIENTS_HEAD = re.compile(r"^(?:Nơi nhận|NƠI NHẬN)\s*:?")
#: A separator line: "–––––––––", "--------", "___"
RULE = re.compile(r"^[\s\-–—_=*.·]{3,}$")
#: A gazette page number or lone page number: "2", "- 3 -"
PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,3}[-–\s]*$")
#: A marker alone on its line, its heading on the next: "6." / "Tổ chức triển khai thực hiện Chiến lược"
BARE_MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[IVXL]{1,6}\.|[a-zđ]\)|Điều\s+\d{1,3}\.?)$")
#: An enumeration inside a paragraph that starts a new line: "(1) Tỷ lệ dân số từ 15 tuổi", "(iii) Khai thác"
ENUMERATION = re.compile(r"^\(\w{1,4}\)\s")
#: Sentence-ending punctuation at the end of a line
LINE_END = re.compile(r"[.;:!?]\s*[\"”)]*$")

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
#: Vietnamese letter items run a, b, c, d, đ, e, g, h, i, k, ... (no f, j, w, z)
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


def _printed(kind: str, value: int) -> str:
    """A number as its marker prints it: 4 -> 'd)' for a letter item, 'IV.' for a Roman heading, '4.' else."""
    if kind == "letter" and 1 <= value <= len(LETTERS):
        return LETTERS[value - 1] + ")"
    if kind in ("roman", "chapter") and value < 90:
        return to_roman(value) + ("." if kind == "roman" else "")
    if kind == "article":
        return f"Điều {value}"
    return f"({value})" if kind == "paren" else f"{value}."


def roman_value(s: str) -> Optional[int]:
    """'IV' -> 4; None when the letters are not a well-formed numeral ('IIII', 'VX')."""
    total, prev = 0, 0
    for ch in reversed(s):
        v = ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if to_roman(total) == s else None


def to_roman(n: int) -> str:
    out = ""
    for v, s in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def clean(text: str) -> str:
    """Text without Markdown emphasis and with folded spaces."""
    if "*" not in text and "__" not in text:     # no emphasis mark at all: nothing for EMPHASIS to drop
        return " ".join(text.split())
    return " ".join(EMPHASIS.sub("", text).split())


def is_upper_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_mostly_upper(text: str) -> bool:
    """Upper case but for a few letters: "... HẠ TẦNG 5G, IoT TRONG CÁC KHU CÔNG NGHỆ CAO"."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.islower() for c in letters) <= len(letters) * 0.08


@dataclass(frozen=True)
class _Words:
    prefixes: tuple[str, ...]
    titles_upper: frozenset[str]
    type_names_upper: frozenset[str]
    type_names_title: tuple[str, ...]      # "Thông tư", "Nghị định", ... as they start a citation


def _words() -> _Words:
    global _WORDS
    if _WORDS is None:
        data = load("signer_capacities.yaml")
        names = {d.name.upper() for d in doc_types()} | {a.upper() for d in doc_types() for a in d.aliases}
        names |= {"ĐỀ ÁN", "QUY TRÌNH", "ĐIỀU LỆ", "DANH SÁCH", "CHƯƠNG TRÌNH", "QUY CHẾ", "QUY ĐỊNH"}
        _WORDS = _Words(prefixes=tuple(data["prefixes"]),
                        titles_upper=frozenset(t.upper() for t in data["titles"]),
                        type_names_upper=frozenset(names),
                        type_names_title=tuple(sorted({d.name for d in doc_types()})))
    return _WORDS


_WORDS: Optional[_Words] = None


def is_signature_line(text: str) -> bool:
    """'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'BỘ TRƯỞNG' (upper case, short)."""
    t = clean(text)
    if not t or len(t) > 80:
        return False
    w = _words()
    if any(t.startswith(p) for p in w.prefixes) and is_upper_line(t):
        return True
    return t.upper() == t and all(x.strip() in w.titles_upper for x in t.split(",") if x.strip())


# ---------------------------------------------------------------- header / body split
def split_header(doc: LaidOut) -> tuple[list[Block], list[Block]]:
    """The header paragraphs and the body blocks.  Uses layout's split when it made one,
    else finds where the header ends: after the type line (KẾ HOẠCH, QUYẾT ĐỊNH, ...) and the
    summary under it, or after the V/v summary and the Kính gửi list of a công văn."""
    if doc.header:
        return list(doc.header), list(doc.blocks)
    blocks = doc.blocks
    end = _header_end(blocks)
    return list(blocks[:end]), list(blocks[end:])


#: Công văn summary line: "V/v tăng cường công tác quản", "V/v: triển khai", and OCR'd "W/v trao đổi về một số quy định"
SUMMARY_CV = re.compile(r"^(?:V/v|V/V|v/v|W/v|Về việc)\b")
#: Addressee head of a công văn: "Kính gửi:", "Kính gửi: Sở Nội vụ"
ADDRESSEE = re.compile(r"^Kính\s+gửi\b")
#: The first words of a body: "Căn cứ Luật...", "Thực hiện Văn bản số ...", "Để nâng cao..."
BODY_START = re.compile(r"^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Trên cơ sở|Nhằm|Để)\b")


def _header_end(blocks: list[Block]) -> int:
    """Index of the first body block (0 when no header is found in the first 60 blocks)."""
    limit = min(len(blocks), 60)
    texts = [clean(b.text) if isinstance(b, Paragraph) else None for b in blocks[:limit]]
    types = _words().type_names_upper
    for i, t in enumerate(texts):
        if t is None:
            continue
        if ARTICLE.match(t) or ROMAN.match(t) or RECIPIENTS_HEAD.match(t):
            return 0              # the body began before any header was seen: there is none
        # the type line: "KẾ HOẠCH", "QUYẾT ĐỊNH", "CHỈ THỊ" (alone on its line, upper case)
        if t.rstrip(":").strip() in types and t.upper() == t:
            j = i + 1
            while j < limit and texts[j] is not None:
                s = texts[j]
                if not s or RULE.match(s):
                    return j + 1
                if j > i + 1 and (BODY_START.match(s) or ARTICLE.match(s) or _any_marker(s)
                                  or is_upper_line(s) and not _continues_upper(texts[j - 1], s)):
                    return j
                j += 1
            return j
        if SUMMARY_CV.match(t):
            j = i + 1
            while j < limit and texts[j] is not None:
                s = texts[j]
                if ADDRESSEE.match(s):
                    j += 1
                    while j < limit and texts[j] is not None and (BULLET.match(texts[j]) or not texts[j]):
                        j += 1
                        if texts[j - 1] and texts[j - 1].endswith("."):
                            break
                    return j
                if BODY_START.match(s) or _any_marker(s) or RULE.match(s):
                    return j + (1 if RULE.match(s) else 0)
                j += 1
            return j
        if ADDRESSEE.match(t):
            j = i + 1
            while j < limit and texts[j] is not None and (BULLET.match(texts[j]) or not texts[j]):
                j += 1
                if texts[j - 1] and texts[j - 1].endswith("."):
                    break
            return j
    return 0


def _continues_upper(prev: Optional[str], s: str) -> bool:
    return bool(prev) and is_upper_line(prev) and not LINE_END.search(prev)


def _any_marker(s: str) -> bool:
    return bool(ROMAN.match(s) or ARABIC.match(s) or DOTTED.match(s) or CHAPTER.match(s))


# ---------------------------------------------------------------- markers
@dataclass
class _Marker:
    kind: str          # appendix chapter subchapter article roman dotted arabic letter bullet
    num: str           # "III", "2.1", "a", "-"
    printed: str       # as printed: "III.", "2.1.", "a)", "-", "Điều 3"
    rest: str          # the text after the marker


#: the kinds whose numbers must run on one by one (checked for gaps)
NUMBERED = frozenset({"chapter", "article", "roman", "arabic", "dotted", "letter", "paren"})
#: nesting rank of each kind: a smaller rank is an outer level
RANK = {"appendix": 0, "chapter": 1, "subchapter": 2, "article": 3, "roman": 4,
        "arabic": 5, "dotted": 6, "letter": 7, "paren": 7.5, "bullet": 8, "plus": 9}


def _is_citation_rest(rest: str) -> bool:
    """After a bare 'Điều 17': a citation goes on with a document's name or lower-case words."""
    return not rest[:1].isupper() or rest.startswith(_words().type_names_title) or rest.startswith(("Luật", "Bộ luật"))


def _read_marker(text: str) -> Optional[_Marker]:
    m = ARTICLE.match(text)
    if m and not m["rest"].startswith((",", ";", "và ", "đến ")) \
            and not (ARTICLE_BARE.match(text) and _is_citation_rest(m["rest"])):
        return _Marker("article", m["num"], f"Điều {m['num']}", m["rest"])
    m = CHAPTER.match(text)
    if m:
        return _Marker("chapter", m["num"], text[:m.start("rest")].strip(" .:-–"), m["rest"])
    m = SUBCHAPTER.match(text)
    if m:
        return _Marker("subchapter", m["num"], text[:m.start("rest")].strip(" .:-–"), m["rest"])
    m = ROMAN.match(text)
    if m and roman_value(m["num"]) and (m["rest"][0].isupper() or not m["rest"][0].isalpha()):
        return _Marker("roman", m["num"], text[:m.start("rest")].strip(), m["rest"])
    m = DOTTED.match(text)
    if m:
        return _Marker("dotted", m["num"], text[:m.start("rest")].strip(), m["rest"])
    m = ARABIC.match(text)
    if m:
        return _Marker("arabic", str(int(m["num"])), text[:m.start("rest")].strip(), m["rest"])
    m = LETTER.match(text)
    if m:
        return _Marker("letter", m["num"], text[:m.start("rest")].strip(), m["rest"])
    m = PAREN.match(text)
    if m:
        return _Marker("paren", str(int(m["num"])), text[:m.start("rest")].strip(), m["rest"])
    m = BULLET.match(text)
    if m:
        kind = "plus" if m["num"] == "+" else "bullet"
        return _Marker(kind, m["num"], m["num"], m["rest"])
    return None


# ---------------------------------------------------------------- building
@dataclass
class _Open:
    node: Node
    kind: str
    num: str
    heading: list[str] = field(default_factory=list)   # heading lines while it may still wrap
    heading_open: bool = True
    text: list[str] = field(default_factory=list)       # own text paragraphs
    counters: dict = field(default_factory=dict)        # last child number per kind
    bullets: int = 0
    plus: int = 0
    wants_title: bool = False                           # "Chương I" alone: the title is on the next line


class _Builder:
    def __init__(self, width: float, joined: bool):
        self.roots: list[Node] = []
        self.stack: list[_Open] = []
        self.top_counters: dict = {}
        self.appendices = 0
        self.article_paths: set[str] = set()
        self.width = width
        self.joined = joined
        self.last_text: Optional[str] = None
        self.all: list[_Open] = []
        self.warnings: list[Warning] = []

    # -- numbering warnings
    def _warn_gap(self, mk: _Marker, last: Optional[int], value: int, path: str) -> None:
        """A node opened with numbers missing before it: "4." after "2."."""
        if mk.kind in NUMBERED and last is not None and value > last + 1:
            self.warnings.append(Warning(
                code="numbering_gap", location=path,
                message=f"'{mk.printed}' follows {_printed(mk.kind, last)}: {value - last - 1} number(s) missing"))

    def warn_rejected(self, mk: _Marker) -> None:
        """A heading marker that goes back in the numbering ("2." after "4.") or repeats it, left as text."""
        if mk.kind not in NUMBERED or not mk.rest[:1].isupper():
            return
        value = self._value(mk)
        if value is None:
            return
        for depth in range(len(self.stack), -1, -1):
            parent = self.stack[depth - 1] if depth else None
            last = self._counters(parent, mk.kind).get(self._counter_key(mk))
            if last is None:
                continue
            if value == last or 1 < value < last:
                where = parent.node.path if parent else ""
                self.warnings.append(Warning(
                    code="numbering_gap", location=where or None,
                    message=f"'{mk.printed}' {'repeats' if value == last else 'goes back after'} {_printed(mk.kind, last)}"
                            f"{' under ' + where if where else ''}; read as text, not as a section"))
            return

    # -- numbering checks
    def _counters(self, parent: Optional[_Open], kind: str = "") -> dict:
        if kind in ("article", "chapter"):
            # articles and chapters are numbered through the whole document (or appendix)
            scope = next((op for op in self.stack if op.kind == "appendix"), None)
            return scope.counters if scope else self.top_counters
        return parent.counters if parent else self.top_counters

    def _accepts(self, mk: _Marker) -> Optional[int]:
        """Where a marker opens a node: the stack depth of its parent (len(stack) for a child
        of the innermost node, 0 for a root), or None when it does not fit the numbering."""
        kind = mk.kind
        if kind in ("bullet", "plus"):
            depth = len(self.stack)
            # a bullet closes the bullets before it; "+" nests under "-"
            while depth and self.stack[depth - 1].kind in ("bullet", "plus") and \
                    RANK[self.stack[depth - 1].kind] >= RANK[kind]:
                depth -= 1
            return depth or None
        value = self._value(mk)
        if value is None:
            return None
        parts = mk.num.split(".") if kind == "dotted" else []
        for depth in range(len(self.stack), -1, -1):
            parent = self.stack[depth - 1] if depth else None
            if parent is not None:
                pk = parent.kind
                if pk in ("bullet", "plus"):
                    continue
                if kind == "dotted" and pk == "dotted":
                    if parent.num.split(".") != parts[:-1]:
                        continue
                elif kind == "dotted" and pk == "arabic":
                    if len(parts) != 2 or parent.num != str(int(parts[0])):
                        continue
                elif RANK[pk] >= RANK[kind]:
                    continue            # a sibling or an inner level: the parent is further out
            last = self._counters(parent, kind).get(self._counter_key(mk))
            return depth if self._next_ok(kind, last, value, mk) else None
        return None

    @staticmethod
    def _counter_key(mk: _Marker) -> str:
        if mk.kind == "dotted":
            return "dotted:" + ".".join(mk.num.split(".")[:-1])
        return mk.kind

    @staticmethod
    def _value(mk: _Marker) -> Optional[int]:
        if mk.kind in ("roman", "chapter", "subchapter"):
            if mk.num.isdigit():
                return int(mk.num)
            return roman_value(mk.num)
        if mk.kind == "letter":
            return LETTERS.index(mk.num) + 1 if mk.num in LETTERS else None
        if mk.kind == "article":
            return int(re.match(r"\d+", mk.num).group())
        if mk.kind == "dotted":
            return int(mk.num.split(".")[-1])
        return int(mk.num)

    @staticmethod
    def _next_ok(kind: str, last: Optional[int], value: int, mk: _Marker) -> bool:
        if kind == "article":
            if last is None:
                return value <= 2
            return last < value <= last + 3 or value == last and bool(re.search(r"[a-z]$", mk.num))
        if last is None:
            return value <= 2
        if kind == "roman" and value == 1:
            return True
        return last < value <= last + 2

    # -- building
    def open(self, mk: _Marker, depth: int, block: Block, first_text: str) -> None:
        self.close_to(depth)
        parent = self.stack[-1] if self.stack else None
        counters = self._counters(parent, mk.kind)
        if mk.kind == "bullet":
            parent.bullets += 1
            own = f"-{parent.bullets}"
        elif mk.kind == "plus":
            parent.plus += 1
            own = f"+{parent.plus}"
        else:
            value = self._value(mk)
            last = counters.get(self._counter_key(mk))
            counters[self._counter_key(mk)] = value
            own = mk.num
        path = self._path(mk, parent, own)
        if mk.kind not in ("bullet", "plus"):
            self._warn_gap(mk, last, value, path)
        node = Node(path=path, marker=mk.printed if mk.kind not in ("bullet", "plus") else mk.num,
                    page=getattr(block, "page", None), start=block.start, end=block.end, parent=parent.node if parent else None)
        op = _Open(node=node, kind=mk.kind, num=mk.num if mk.kind != "arabic" else str(int(mk.num)))
        if mk.kind in ("bullet", "plus"):
            op.heading_open = False
            op.text.append(first_text)
        else:
            op.heading.append(first_text)
            op.wants_title = not first_text.strip() and mk.kind in ("chapter", "subchapter", "article", "appendix")
        node.blocks.append(block)
        if parent:
            parent.node.children.append(node)
        else:
            self.roots.append(node)
        self.stack.append(op)
        self.all.append(op)

    def _path(self, mk: _Marker, parent: Optional[_Open], own: str) -> str:
        if mk.kind in ("article", "chapter"):
            # numbered through the whole document: no chapter in the path, but an appendix keeps its prefix
            scope = next((op for op in self.stack if op.kind == "appendix"), None)
            word = "Điều" if mk.kind == "article" else "Chương"
            return f"{scope.node.path}.{word} {mk.num}" if scope else f"{word} {mk.num}"
        base = parent
        if mk.kind == "dotted":
            # a dotted marker carries its parent's number: 2.1. under III. is III.2.1
            while base is not None and base.kind in ("arabic", "dotted"):
                base = self._parent_of(base)
        if base is None:
            return own
        if mk.kind == "subchapter":
            return f"{base.node.path}.Mục {mk.num}" if base.kind == "chapter" else f"Mục {mk.num}"
        if base.kind in ("chapter", "subchapter") and mk.kind != "subchapter":
            return own if mk.kind != "article" else f"Điều {mk.num}"
        return f"{base.node.path}.{own}"

    def _parent_of(self, op: _Open) -> Optional[_Open]:
        i = self.stack.index(op)
        return self.stack[i - 1] if i else None

    def open_appendix(self, title_lines: list[str], blocks: list[Block]) -> None:
        self.close_to(0)
        self.appendices += 1
        self.top_counters = {}
        path = "appendix" if self.appendices == 1 else f"appendix-{self.appendices}"
        first = blocks[0]
        node = Node(path=path, marker="appendix", title=" ".join(title_lines).strip(),
                    page=getattr(first, "page", None), start=first.start, end=blocks[-1].end)
        node.blocks.extend(blocks)
        op = _Open(node=node, kind="appendix", num=str(self.appendices), heading_open=False)
        self.roots.append(node)
        self.stack.append(op)
        self.all.append(op)

    def close_to(self, depth: int) -> None:
        while len(self.stack) > depth:
            self._close(self.stack.pop())

    def _close(self, op: _Open) -> None:
        node = op.node
        if op.kind == "appendix":
            node.text = "\n".join(t for t in op.text if t)
            return
        if op.kind in ("bullet", "plus"):
            node.title = ""
            node.text = "\n".join(t for t in op.text if t)
            return
        heading = " ".join(op.heading).strip()
        title, lead = _split_heading(heading, op.kind)
        node.title = title
        node.text = "\n".join(t for t in [lead] + op.text if t)

    def add_text(self, block: Block, text: str) -> None:
        """A paragraph (or table) that is not a marker: text of the innermost open node."""
        if not self.stack:
            return
        op = self.stack[-1]
        op.node.blocks.append(block)
        if not text:
            return
        if op.wants_title:
            op.wants_title = False
            if len(text) <= 200 and not _read_marker(text):
                op.heading = [text]
                return
        prev = self.last_text
        cont = prev is not None and _continues(prev, text, self.width, self.joined)
        if op.heading_open and cont:
            op.heading.append(text)
            return
        op.heading_open = False
        if op.text and cont:
            op.text[-1] = op.text[-1] + " " + text
        else:
            op.text.append(text)


def _continues(prev: str, text: str, width: float, joined: bool) -> bool:
    """Whether `text` continues the line `prev` (a paragraph broken by the page)."""
    if prev.count("**") % 2 == 1:
        return True
    prev_c, text_c = clean(prev), clean(text)
    if not prev_c or not text_c:
        return False
    ends = bool(LINE_END.search(prev_c))
    first = text_c[0]
    if is_upper_line(prev_c) and is_upper_line(text_c) and not ends:
        return True
    if joined:
        return False
    if first.islower() and not ends:
        return True
    if not ends and len(prev_c) >= 0.75 * width and (first.isupper() or first.isdigit() or first in "(“\"") \
            and not ENUMERATION.match(text_c):
        return True
    return False


#: An editor's note a web crawl appends to a heading: "Điều 8. Hỗ trợ vay vốn ... [Về cho vay ... được hướng dẫn bởi ...]"
EDITOR_NOTE = re.compile(r"\s*\[[^\]]{10,}\]\s*$")
#: Two sentences: "... thi hành Luật. Bảo đảm việc ..."
SENTENCE_BREAK = re.compile(r"[.;!?]\s+[A-ZĐÀ-Ỹ]")
#: A body-name head before a colon: "Sở Nội vụ: Chủ trì, phối hợp...", "Thanh tra tỉnh:"
COLON_HEAD = re.compile(r"^(?P<head>[^:]{2,120}?)\s*:\s*(?P<rest>.*)$")


def _split_heading(heading: str, kind: str = "arabic") -> tuple[str, str]:
    """(title, own text) of a numbered paragraph.

    "Mục đích" -> title; "Sở Nội vụ: Chủ trì ... ." -> ("Sở Nội vụ", "Chủ trì ... ."); a long
    sentence (run-in paragraph) -> ("", the sentence)."""
    h = EDITOR_NOTE.sub("", clean(heading))
    if not h:
        return "", ""
    bare = h.rstrip(" :;")
    sentence_end = h.rstrip().endswith((".", ";", ",")) and not bare.endswith("./.")
    words = len(bare.split())
    limit = 400 if kind in ("article", "chapter", "subchapter", "roman") else 200
    if not sentence_end and (len(bare) <= limit or is_upper_line(bare)) and (":" not in bare or words <= 25):
        return bare, ""
    m = COLON_HEAD.match(h)
    if m and len(m["head"].split()) <= 12 and not LINE_END.search(m["head"]):
        return m["head"].strip(), m["rest"].strip()
    if sentence_end and kind != "letter" and len(h) <= 300 and not SENTENCE_BREAK.search(h.rstrip(".; ")):
        return bare.rstrip(".; "), ""            # a one-sentence paragraph: the sentence is its heading
    return "", h


# ---------------------------------------------------------------- appendix
def _appendix_title(texts: list[str], i: int) -> tuple[list[str], int]:
    """The title lines of an appendix starting at texts[i] and the index after them."""
    t = texts[i]
    lines: list[str] = []
    m = APPENDIX_HEAD.match(t)
    j = i + 1
    if m and m["rest"] and not ATTACHED_TO.match(m["rest"]):
        lines.append(m["rest"])
    elif not m:
        lines.append(t)
    # the title continues on upper-case lines (or a summary line under a bare type word)
    while j < len(texts):
        s = texts[j]
        if s is None:
            break
        if not s or RULE.match(s):
            j += 1
            if lines:
                break
            continue
        if ATTACHED_TO.match(s):
            j += 1
            # "(Kèm theo ..." may wrap onto the next line
            while j < len(texts) and texts[j] and ")" not in texts[j - 1] and not is_upper_line(texts[j]) \
                    and len(texts[j]) < 160 and texts[j - 1].count("(") > texts[j - 1].count(")"):
                j += 1
            break
        if _read_marker(s) and lines:
            break
        if (is_upper_line(s) or is_mostly_upper(s)) and not PAGE_NUMBER.match(s):
            lines.append(s)
            j += 1
            continue
        if lines and len(lines) == 1 and lines[0].upper() in _words().type_names_upper and len(s) < 400:
            inside = ATTACHED_INSIDE.search(s)
            lines.append(s[:inside.start()] if inside else s)   # "QUY CHẾ" / "Quản lý các cụm công nghiệp ..."
            j += 1
            if inside:
                break
            continue
        break
    if len(lines) > 1 and lines[0].rstrip(":. ") in _words().type_names_upper:
        lines = lines[1:]              # "QUY CHẾ" / "Quản lý các cụm ...": the summary is the title
    return lines, j


def split_embedded_appendix(text: str) -> Optional[tuple[int, list[str]]]:
    """An appendix head flattened into the end of the signature paragraph (web crawls):
    "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI ... NĂM 2015 (Ban hành kèm theo ...)"
    -> (offset where the head starts, title lines)."""
    m = ATTACHED_INSIDE.search(text)
    if not m:
        return None
    words = text[:m.start()].split()
    k = len(words)
    while k > 0 and not any(c.islower() for c in words[k - 1]):
        k -= 1
    run = words[k:]
    types = _words().type_names_upper
    for j in range(len(run)):
        head2, head1 = " ".join(run[j:j + 2]), run[j]
        if head2 in types or head1 in types or head2 in ("PHỤ LỤC", "DANH MỤC"):
            title = run[j:]
            n = 2 if head2 in types else 1 if head1 in types else 0
            if n and len(title) > n:
                title = title[n:]
            pos = len(" ".join(words[:k + j]))
            return pos, [" ".join(title)]
    return None


def _is_appendix_start(text: str, in_tail: bool) -> bool:
    if APPENDIX_HEAD.match(text):
        m = APPENDIX_HEAD.match(text)
        rest = m["rest"]
        # "Phụ lục kèm theo" in a sentence is not a head; "PHỤ LỤC" / "Phụ lục I" / "PHỤ LỤC: DANH MỤC" are
        return text.startswith("PHỤ LỤC") or not rest or is_upper_line(rest) or bool(m["num"]) and len(rest) < 200 \
            and not rest[0].islower()
    if APPENDIX_LIST.match(text) and is_upper_line(text):
        return True
    if in_tail and is_upper_line(text) and not is_signature_line(text):
        head = text.split(":")[0].strip()
        return head in _words().type_names_upper or any(head.startswith(n + " ") for n in _words().type_names_upper)
    return False


# ---------------------------------------------------------------- entry point
def build_tree(doc: LaidOut) -> list[Node]:
    """The section tree of the body; the header, preamble and signature block are left out."""
    return build_tree_checked(doc)[0]


def build_tree_checked(doc: LaidOut) -> tuple[list[Node], list[Warning]]:
    """The section tree and the numbering_gap warnings met while building it."""
    _, body = split_header(doc)
    paragraphs = [clean(b.text) for b in body if isinstance(b, Paragraph)]
    lengths = sorted(len(t) for t in paragraphs if t)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80.0
    joined = doc.raw.format in ("docx", "html") or (bool(lengths) and lengths[len(lengths) // 2] > 160)
    builder = _Builder(width=width, joined=joined)
    texts = [clean(b.text) if isinstance(b, Paragraph) else None for b in body]
    in_tail = False
    i = 0
    while i < len(body):
        block, text = body[i], texts[i]
        if text is None:                      # a table: text of the open node
            if _is_signature_table(block) and not (builder.stack and builder.stack[0].kind == "appendix"):
                builder.close_to(0)
                in_tail = True
            elif not in_tail:
                builder.add_text(block, "")
                builder.last_text = None
            elif builder.stack and builder.stack[0].kind == "appendix":
                builder.add_text(block, "")
            i += 1
            continue
        if not text or RULE.match(text) or PAGE_NUMBER.match(text):
            i += 1
            continue
        if builder.stack and builder.stack[-1].wants_title and not in_tail and not _read_marker(text):
            builder.add_text(block, text)        # "Chương I" / "QUY ĐỊNH CHUNG"
            builder.last_text = text
            i += 1
            continue
        if _is_appendix_start(text, in_tail) and (in_tail or builder.roots or APPENDIX_HEAD.match(text)):
            lines, j = _appendix_title(texts, i)
            builder.open_appendix(lines, [b for b in body[i:j]])
            builder.last_text = None
            in_tail = False
            i = j
            continue
        if in_tail:
            embedded = split_embedded_appendix(text)
            if embedded:
                builder.open_appendix(embedded[1], [block])
                builder.last_text = None
                in_tail = False
            i += 1
            continue
        if RECIPIENTS_HEAD.match(text) or (builder.roots and is_signature_line(text)):
            builder.close_to(0 if not (builder.stack and builder.stack[0].kind == "appendix") else 1)
            in_tail = True
            i += 1
            continue
        held = [block]
        if BARE_MARKER.match(text) and i + 1 < len(body) and texts[i + 1] and not _read_marker(texts[i + 1]) \
                and not (builder.stack and builder.stack[0].kind == "appendix"):
            text = text + " " + texts[i + 1]          # "6." / "Tổ chức triển khai thực hiện ..."
            held.append(body[i + 1])
        mk = _read_marker(text)
        depth = builder._accepts(mk) if mk else None
        if len(held) > 1 and (depth is None or mk.kind in ("bullet", "plus")):
            text, held = texts[i], [block]
            mk = _read_marker(text)
            depth = builder._accepts(mk) if mk else None
        if mk and depth is not None and not (mk.kind in ("bullet", "plus") and _continues_bullet(builder, text)):
            builder.open(mk, depth, block, mk.rest)
            for extra in held[1:]:
                builder.stack[-1].node.blocks.append(extra)
            i += len(held) - 1
        else:
            if mk and depth is None and not (builder.stack and builder.stack[0].kind == "appendix"):
                builder.warn_rejected(mk)
            builder.add_text(block, text)
        builder.last_text = text
        if BODY_END.search(text) and builder.roots and not (builder.stack and builder.stack[0].kind == "appendix"):
            builder.close_to(0)
            in_tail = True
        i += 1
    builder.close_to(0)
    _set_ends(builder.roots)
    return builder.roots, builder.warnings


def table_lines(table: Table) -> list[str]:
    """The distinct cell texts of a table, cell by cell, split at line breaks."""
    out: list[str] = []
    for row in table.rows:
        seen = set()
        for cell in row:
            if cell in seen:
                continue
            seen.add(cell)
            out.extend(x.strip() for x in cell.split("\n") if x.strip())
    return out


def _is_signature_table(table: Block) -> bool:
    """A layout table holding the Nơi nhận list and the signature (DOCX)."""
    if not isinstance(table, Table) or len(table.rows) > 6:
        return False
    lines = table_lines(table)
    return any(RECIPIENTS_HEAD.match(clean(x)) for x in lines) or \
        sum(is_signature_line(x) for x in lines) >= 1 and len(lines) <= 30 and any(
            clean(x).startswith(_words().prefixes) for x in lines)


def _continues_bullet(builder: _Builder, text: str) -> bool:
    """A line starting with a dash that continues a broken word or number ('45-' / 'NQ/TW')."""
    prev = builder.last_text
    return bool(prev) and prev.rstrip().endswith(("-", "–")) and not prev.rstrip().endswith(" -")


def _set_ends(nodes: list[Node]) -> None:
    for n in nodes:
        _set_ends(n.children)
        ends = [b.end for b in n.blocks] + [c.end for c in n.children]
        starts = [b.start for b in n.blocks]
        if starts:
            n.start = min(starts)
        n.end = max(ends) if ends else n.end


def preamble(doc: LaidOut, tree: list[Node]) -> list[Paragraph]:
    """The body paragraphs before the first section (Căn cứ..., Thực hiện...)."""
    _, body = split_header(doc)
    first = tree[0].start if tree else None
    return [b for b in body if isinstance(b, Paragraph) and (first is None or b.end <= first)]
