"""References extractor: every citation of another document, with its span.

    find_citations(doc: LaidOut, tree: list[Node]) -> list[Citation]

A citation (trích dẫn văn bản) is found from its identifier outwards, the way
eyecite finds a reporter citation and then reads what surrounds it:

    [type word] [qualifier] [số] <identifier> [ngày <date>] [của <issuer>] [<subject>] [(viết tắt là <alias>)]

plus the forms without an identifier: a law cited by its name (`Luật Tổ chức
chính quyền địa phương ngày 19 tháng 6 năm 2015`) and a short form made of a
type word and a bare number (`Chỉ thị 11`), which pipeline/resolve.py ties to
the full citation it stands for.

The matcher runs on a "match text" of exactly the same length as doc.text,
where line breaks, look-alike characters (Cyrillic С, Ð U+00D0, fraction
slash ⁄, NBSP, word-segmentation underscores) are mapped one for one, and every
pattern takes a line break as whitespace; so a citation broken over a line
(`số` / `1074/QĐ-BXD`, `Nghị` / `quyết số`) still matches and every offset
points into doc.text.
Grouping into distinct references and short-form resolution: pipeline/resolve.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from vanban.pipeline.types import LaidOut, Node

from vanban import lexicon as vocab  # the doc-type tables and data loader


@dataclass
class Citation:
    """One mention of a document in the text (a full or a short citation)."""
    start: int                      # offsets into LaidOut.text
    end: int
    text: str
    section: Optional[str] = None   # section path of the mention
    type_code: Optional[str] = None
    type_name: Optional[str] = None
    number: Optional[str] = None
    year: Optional[int] = None
    symbol: Optional[str] = None
    identifier: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    subject: Optional[str] = None
    alias: Optional[str] = None     # short form defined right after it: (viết tắt là ...)
    title: Optional[str] = None     # a law cited by name
    kind: str = "full"              # full | short (type word + bare number) | law_name | unparsed | alias
    self_hint: bool = False         # printed as the document's own number (`Số:`) or in `Kèm theo ...`
    problem: Optional[str] = None   # type_mismatch: the type word disagrees with the code in the symbol
    footnote: Optional[str] = None  # a footnote marker glued to the symbol (QH151 -> QH15 + "1")
    issuer_before: bool = False     # the issuer was written before the citation (`đề nghị của X tại ...`)
    issuer_shared: bool = False     # the issuer was given once for a list of citations
    truncated: bool = False         # the symbol was cut by a line break (`105/2025/NĐ-` / `của`)
    tail_end: int = 0               # where what the citation says about the document (subject, alias) ends


# ---------------------------------------------------------------------------------------------
# Match text: same length as doc.text, look-alikes mapped one character for one.

#: Cyrillic and other look-alikes met in real symbols: `TT-BTС` (Cyrillic С, corpus 024),
#: `Ð` U+00D0 for Đ, `13⁄2012/QH13` (U+2044 fraction slash, corpus 081), dashes, NBSP,
#: and the underscores of word-segmented text (`Quyết_định số`, corpus 078/079).  Line breaks stay:
#: every pattern takes them as whitespace, but a place name does not run on past one.
_LOOKALIKES = {
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P",
    "Т": "T", "Х": "X", "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y",
    "Ð": "Đ", "\u0189": "Đ", "ð": "đ", "⁄": "/", "∕": "/", "／": "/",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "\t": " ", "\r": " ", "\u00a0": " ", "_": " ",
}
_MATCH_MAP = str.maketrans(_LOOKALIKES)

#: Vietnamese capital letters (a capitalised word opens a name).
_UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_CAPWORD = rf"[{_UP}][^\W_]*"

# ---------------------------------------------------------------------------------------------
# Identifier shapes.

#: One token of a symbol: `QĐ`, `TTg`, `UBND`, `ĐCKS`, `KTVB&QLXLVPH`, `QH15`, `UBTVQH15`, `ttg`.
_TOKEN = r"(?:[^\W\d_]|&)(?:[^\W_]|&)*"

#: An identifier, Party style or state style:
#:   Party  `45-NQ/TW`, `123-KH/TU`, `10- CTr/TU` (space after the hyphen, corpus 030), `11-` / `CT/TU`
#:   state  `899/QĐ-TTg`, `06/2021/QĐ-UBND`, `5973 /UBND-KT`, `3374/ BKHCN-CNCNTT`, `80/2025/UBTVQH15`,
#:          `71/NQ -CP` (space before the hyphen, corpus 032), `57/NQ/TW` (a typo for 57-NQ/TW, corpus 069), `1249a/CTPH-UBDT-BTP`, `66.15/2026/NQ-CP`, `/KH-UBND` (number left blank), `497/2011/QĐ-` / `UBND`
IDENT_RE = re.compile(
    r"(?<![\w/.\-])(?:"
    r"(?P<pnum>\d{1,5}[a-z]?)\s?-\s?(?P<pcode>[^\W\d_]{1,6})\s?/\s?(?P<pissuer>" + _TOKEN + r"(?:-" + _TOKEN + r")*)"
    r"|"
    r"(?P<num>\d{1,5}(?:\.\d{1,3})?[a-z]?)?\s?/\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?)?"
    r"(?P<sym>" + _TOKEN + r"(?:(?:-\s(?=[" + _UP + r"]{2})|\s?-|/(?=[" + _UP + r"]{2}))" + _TOKEN + r")*)"
    r")")

#: A footnote number glued to the end of a symbol: `42/2024/QH151` (QH15 + footnote 1, corpus 011),
#: `88/2025/NĐ-CP2`.  QH/UBTVQH take the two digits of the legislature.
_TRAILING_DIGITS_RE = re.compile(r"^(?P<letters>.*?[^\d])(?P<digits>\d+)$")

#: Words between a type word and `số`: `Chương trình hành động số 39-CTr/TU`, `Kế hoạch liên tịch số`
#: (at most four lower-case words; a law's name is read apart).
QUALIFIER_RE = re.compile(r"\s*:?(?:\s+[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+){0,4}\s*")

#: The end of a sentence or paragraph between two citations (a list does not go on past it).
_SENTENCE_END_RE = re.compile(r"\.\s|\n\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•])")

#: `số`, `Số:`, `số hiệu` right before an identifier.
_SO_TAIL_RE = re.compile(r"(?<![\w])(?P<so>số|Số|SỐ)(?:\s+hiệu)?\s*:?\s*$")

#: A list going on from the citation before: `các Nghị định số 136/2020/NĐ-CP, 50/2024/NĐ-CP`,
#: `Văn bản số 4250/BNNMT-ĐCKS ... và Văn bản số ...`.
_LIST_TAIL_RE = re.compile(r"^\s*(?:,|;|và|hoặc|,\s*và)\s*(?:(?:số|Số)\s*)?$")

#: Opens an appendix that cites its own document: `(Kèm theo Kế hoạch số /KH-UBND ngày /6/2024 của UBND tỉnh)`,
#: `*(Kèm theo Kế hoạch số 179/KH-UBND ...)*`, `(Ban hành kèm theo Quyết định số ...)`.
_ATTACHED_TO_RE = re.compile(r"(?:^|[\n(*])\s*\**\s*\(?\s*(?:ban hành\s+)?kèm\s+theo\s*$", re.IGNORECASE)

#: What may stand before `Số:` on the document's own number line (`Số: 1074/QĐ-BXD`, `| Số: /KH-UBND |`,
#: `**Số:** 617/KH-UBND`): nothing but table bars and emphasis.
_OWN_NUMBER_RE = re.compile(r"[\s|*_]*")

# ---------------------------------------------------------------------------------------------
# What follows an identifier.

#: A date after `ngày`: `31/7/2023`, `05/03/2019`, `24-5-2025`, `/6/2024` (blank day),
#: `19 tháng 6 năm 2015`, `tháng 6 năm 2024`, `tháng năm 2026` (blanks left for the clerk).
_DATE = (r"(?:(?P<d1>\d{1,2})?\s?[/.\-]\s?(?P<m1>\d{1,2})\s?[/.\-]\s?(?P<y1>(?:19|20)\d\d)(?!\d)"
         r"|(?P<d2>\d{1,2})?\s*tháng\s*(?P<m2>\d{1,2})?\s*năm\s*(?P<y2>(?:19|20)\d\d)(?!\d))")
DATE_AFTER_RE = re.compile(r"\s*,?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày|ngay|NGÀY)\s*:?\s*" + _DATE, re.IGNORECASE)
#: `... năm 2024` after a law's name: `Luật Địa chất và Khoáng sản năm 2024`.
YEAR_AFTER_RE = re.compile(r"\s*,?\s*năm\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
#: `của <issuer>`: `ngày 31/7/2023 của Thủ tướng Chính phủ`.
OF_RE = re.compile(r"\s*,?\s*(?:của|CỦA)\s+")
#: A short form the document defines: `(viết tắt là Nghị quyết số 45-NQ/TW)`, `(viết tắt là Chỉ thị 11)`,
#: `(sau đây gọi tắt là Giải pháp kỹ thuật)`.
ALIAS_RE = re.compile(
    r"\s*\(\s*(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)\s+(?:tắt|chung)?\s*là\s*:?\s*[\"“”']?"
    r"(?P<alias>[^()\"“”]{1,100}?)[\"“”']?\s*\)", re.IGNORECASE)
#: The issuer of a citation given before it: `Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ tại Tờ trình số
#: 72/TTr-BKHCN` (corpus 085), `ý kiến tham gia của Bộ Nông nghiệp và Môi trường tại Văn bản số 45/BNNMT-ĐCKS`,
#: `ủy quyền của Thủ Tướng Chính phủ (trước khi hợp nhất ...) tại văn bản số 2687/TTg-KTN` (corpus 006).
PRE_ISSUER_RE = re.compile(r"(?<![\w])của\s+(?P<who>[" + _UP + r"][^;:()]{2,90}?)\s+(?:\([^()]{0,160}\)\s+)?(?:tại|theo)\s+(?:các\s+)?$")
#: An issuer that issued or approved the document cited next: `đã được Thủ tướng Chính phủ phê duyệt tại
#: Quyết định số 866/QĐ-Tg` (corpus 001), `Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số 3280/UBND-VX` (052),
#: `UBND tỉnh Lào Cai đã ban hành nhiều văn bản chỉ đạo, điều hành như: Văn bản số 206/UBND-KT` (006).
PRE_ISSUED_RE = re.compile(r"(?:^|[,;:.]\s*|được\s+|\d{4}\s*,\s*)(?P<who>[" + _UP + r"][^,;:.()]{2,80}?)\s+(?:đã\s+)?(?:ký\s+)?"
                           r"(?:ban hành|phê duyệt|có)\s+(?:tại\s+)?(?:các\s+)?(?:(?:[^\W\d_]+,?\s+){0,8}(?:như|gồm)\s*:?\s*)?$")
#: The date opening such a sentence: `Ngày 28 tháng 10 năm 2025, Chủ tịch ...`.
PRE_DATE_RE = re.compile(r"(?:ngày|Ngày)\s*" + _DATE + r"\s*,\s*$")
#: A law cited by its name: `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015`,
#: `Luật sửa đổi, bổ sung một số điều của Luật ...`, `Bộ luật Lao động`, `Hiến pháp năm 2013`.
LAW_NAME_RE = re.compile(r"(?<![\w])(?<!pháp\s)(?<!Pháp\s)(?<!PHÁP\s)(?P<type>Bộ luật|Luật|Hiến pháp)(?=\s+(?:[" + _UP + r"]|sửa đổi|năm\s+\d))")
#: Where a law's name ends: before `số`, `ngày`, `năm 2024`, punctuation, or a comma that opens a new name.
LAW_TITLE_END_RE = re.compile(
    r"\s+(?:số|ngày|năm)\s+[\d/]|\s+năm\s*$|[;.:()\"“”]|,\s*(?=[" + _UP + r"])|,\s*(?:các|và)\s|\s+(?:và|hoặc)\s+(?=các\s|Luật|Bộ luật|Nghị|Quyết|Thông|Chỉ|Pháp|Hiến|Văn bản|Công văn|Kế hoạch)"
    r"|\s+(?:quy định|hướng dẫn|được|đã|và các|và văn bản|có hiệu lực|về|thì|để|theo|tại|chưa|nhằm|ước|trên|"
    r"đối với|áp dụng|thực hiện|cho|khi|trong|với|mà|nhưng|không|nếu|hay|hoặc|và có|và được|và các)\s"
    r"|\s+của\s+(?!Luật|Bộ luật)|\s+\d|\[|,\s*hoặc\s")
#: A short form: type word + bare number, `Chỉ thị 11`, `Quyết định số 899` (the number not followed by a symbol).
SHORT_NUMBER_RE = re.compile(r"\s*(?:số\s*)?(?P<num>\d{1,5}[a-z]?)(?![\w/.,\-]|\s?[/\-]\s?[^\W\d_]|\s+(?:năm|tháng|ngày))")
#: A number the type word announces but no identifier could be read from: `Quyết định số 1234/8D-UBND` (OCR).
#: (the first digit, then the first "/" after it: the same matches as `\S*\d\S*/\S+`, in linear time)
UNPARSED_RE = re.compile(r"\s*số\s*:?\s*(?P<raw>[^\s\d]*\d[^\s/]*/\S+)")
#: Where a subject stops: end of sentence, a bracket, a quote closing, or a new numbered paragraph.
_SUBJECT_STOP_RE = re.compile(
    r"[;(]|\.(?:\s|$)|:\s|\s\n|\n(?=\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•]|Điều\s|\|))|\|")
_SUBJECT_NOT_START = {"ngày", "và", "hoặc", "tại", "theo", "trong", "cho", "với", "đã", "được", "này", "để", "nhằm", "thì",
                      "khi", "là", "các", "có", "đến"}


# ---------------------------------------------------------------------------------------------
# Vocabulary built from the data files (once per process).

@lru_cache(maxsize=None)
def _type_word_re() -> re.Pattern:
    """Every type word of doc_types.yaml (name and lower-case aliases), longest first:
    `Quyết định`, `Nghị quyết`, `Chương trình phối hợp`, `Văn bản`, `Công văn`, `Luật`."""
    words = set()
    for d in vocab.doc_types():
        words.add(d.name)
        words.update(a for a in d.aliases if not a.isupper())
    words.add("Công văn")
    alts = sorted(words, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in alts)
    return re.compile(r"(?<![\w])(?P<tw>" + body + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=2)
def _type_words(mtext: str) -> tuple[re.Match, ...]:
    """Every type word in the (match-folded) text: found once, read by _short_forms and _unparsed."""
    return tuple(_type_word_re().finditer(mtext))


def type_of_word(word: str) -> Optional[vocab.DocTypeEntry]:
    """`quyết định` -> QĐ; `Văn bản` -> CV; `Quy định` -> the administrative QyĐ (first listed)."""
    found = vocab.types_by_name(word)
    return found[0] if found else None


@lru_cache(maxsize=None)
def _issuers():
    return vocab.load("citation_issuers.yaml")


def _alt(words) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _issuer_res():
    d = _issuers()
    body = (r"(?:(?:" + _alt(d["bodies"]) + r")"
            r"|(?:" + _alt(d["heads"]) + r")\s+(?:" + _alt(d["sectors"]) + r")"
            r"|(?:" + _alt(d["local"]) + r"))")
    # one title or several joined by commas: `Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`
    officials = r"(?:" + _alt(d["officials"]) + r")"
    official = r"(?:" + officials + r"(?:\s*,\s*" + officials + r")*\s+)?"
    place = r"(?:\s+(?:" + _alt(d["places"]) + r")\.?(?-i:(?: +" + _CAPWORD + r"){0,4}))?"
    tail = r"(?:\s+(?:" + "|".join(d["party_tail"]) + r"))*"
    known = re.compile(official + body + place + tail, re.IGNORECASE)
    stops = re.compile(r"\s+(?:" + _alt(d["subject_starts"]) + r")(?![\w])|[,;.()\"“”:]|\s\n")
    return known, stops


@lru_cache(maxsize=None)
def _abbreviation_re() -> re.Pattern:
    """Any abbreviation of abbreviations.yaml as a whole word, longest first (`UBND`, `BTV`, `BCHTW`)."""
    keys = sorted(vocab.abbreviations(), key=len, reverse=True)
    return re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w&])")


def _expand(name: str) -> str:
    """Fold whitespace and expand abbreviations: `UBND tỉnh` -> `Ủy ban nhân dân tỉnh`, `BTV` -> `Ban Thường vụ`."""
    abbr = vocab.abbreviations()
    return _abbreviation_re().sub(lambda m: abbr[m.group()], " ".join(name.split()))


#: A place name after a Party committee: `Ban Thường vụ Tỉnh ủy Lào Cai` (corpus 008).
_PLACE_NAME_RE = re.compile(r"(?: +" + _CAPWORD + r"){1,3}")
#: Two issuers of one joint document: `Chương trình số 1249a/CTPH-UBDT-BTP ... của Ủy ban Dân tộc và Bộ Tư pháp`.
_JOINT_RE = re.compile(r"\s*(?:,|và)\s+")


def parse_issuer(mtext: str, pos: int) -> tuple[int, Optional[str]]:
    """The issuer starting at `pos` in the match text: (end, issuer) or (pos, None).

    A name from issuers.yaml (with its place: `UBND tỉnh Bắc Giang`), else a capitalised
    phrase up to the first word that opens a subject (`về`, `phê duyệt`, ...).
    """
    known, stops = _issuer_res()
    m = known.match(mtext, pos)
    if m:
        end = m.end()
        # a local body's place name: `Ban Thường vụ Tỉnh ủy Lào Cai`
        m2 = _PLACE_NAME_RE.match(mtext, end)
        if m2 and _COMMITTEE_END_RE.search(mtext, m.start(), end) and not stops.match(mtext, end):
            end = m2.end()
        # joint issuers: `của Ủy ban Dân tộc và Bộ Tư pháp` (corpus 097), `của Bộ Quốc phòng, Bộ Lao động -
        # Thương binh và Xã hội, Bộ Tài chính` (a joint circular)
        j = _JOINT_RE.match(mtext, end)
        while j:
            m3 = known.match(mtext, j.end())
            if not m3:
                break
            end = m3.end()
            j = _JOINT_RE.match(mtext, end)
        return end, mtext[pos:end]
    if not re.match(_CAPWORD, mtext[pos:pos + 40]) or _type_word_re().match(mtext, pos):
        return pos, None
    window = mtext[pos:pos + 120]
    s = stops.search(window)
    end = pos + (s.start() if s else len(window))
    words = mtext[pos:end].split()
    if not words or len(words) > 10:
        return pos, None
    return end, mtext[pos:end]


# ---------------------------------------------------------------------------------------------
# Dates.

def parse_date(m: re.Match) -> Optional[str]:
    """Partial ISO date from a _DATE match; blanks give a partial date (`/6/2024` -> `2024-06`)."""
    d, mo, y = (m.group("d1"), m.group("m1"), m.group("y1")) if m.group("y1") else (m.group("d2"), m.group("m2"), m.group("y2"))
    year = int(y)
    if not mo:
        return f"{year:04d}"
    month = int(mo)
    if not 1 <= month <= 12:
        return None
    if not d:
        return f"{year:04d}-{month:02d}"
    day = int(d)
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# ---------------------------------------------------------------------------------------------
# Symbols.

def _canonical_symbol(sym: str) -> str:
    """Remove spaces; a symbol printed all in lower case (`ttg-ktth`, corpus 079) takes the
    canonical case of its known codes (`TTg-KTTH`); otherwise the symbol is kept as printed."""
    sym = re.sub(r"\s+", "", sym)
    if any(c.isupper() for c in sym):
        return sym
    abbr = {k.casefold(): k for k in vocab.abbreviations()}
    out = []
    for tok in sym.split("-"):
        entry = vocab.type_by_code(tok)
        if entry:
            out.append(entry.code)
        elif tok.casefold() in abbr:
            out.append(abbr[tok.casefold()])
        else:
            out.append(tok.upper())
    return "-".join(out)


def _strip_footnote(sym: str) -> tuple[str, Optional[str]]:
    """`QH151` -> (`QH15`, `1`); `NĐ-CP2` -> (`NĐ-CP`, `2`); `UBCTĐB15` kept."""
    last = sym.split("-")[-1].split("/")[-1]
    m = _TRAILING_DIGITS_RE.match(last)
    if not m:
        return sym, None
    letters, digits = m.group("letters"), m.group("digits")
    if letters.upper().endswith("QH"):
        if len(digits) > 2:
            return sym[: len(sym) - len(digits) + 2], digits[2:]
        return sym, None
    if len(digits) == 1 and sum(c.isalpha() for c in letters) >= 2:
        return sym[:-1], digits
    return sym, None


def _compatible(word_entry: Optional[vocab.DocTypeEntry], code_entry: vocab.DocTypeEntry) -> bool:
    """The type word agrees with the code: same type, or one name opens the other
    (`Chương trình` / CTPH Chương trình phối hợp); `Văn bản` is generic."""
    if word_entry is None or word_entry.code == "CV":
        return True
    a, b = word_entry.name.casefold(), code_entry.name.casefold()
    return a == b or a.startswith(b) or b.startswith(a)


# ---------------------------------------------------------------------------------------------
# Section of an offset.

def section_at(tree: list[Node], offset: int) -> Optional[str]:
    """Path of the deepest node whose [start, end) holds `offset`; None outside every node."""
    best = None
    nodes = list(tree)
    while nodes:
        inside = [n for n in nodes if n.start <= offset < n.end]
        if not inside:
            break
        best = inside[0]
        nodes = best.children
    return best.path if best else None


# ---------------------------------------------------------------------------------------------
# The door.

def find_citations(doc: LaidOut, tree: list[Node]) -> list[Citation]:
    """Every citation in doc.text, in reading order, each with its offsets and section path."""
    text = doc.text
    mtext = text.translate(_MATCH_MAP)
    cits = _identified(text, mtext)
    taken = [(c.start, c.end) for c in cits]
    cits += _laws_by_name(text, mtext, taken)
    taken = [(c.start, c.end) for c in cits]
    cits += _short_forms(text, mtext, taken)
    cits += _unparsed(text, mtext, [(c.start, c.end) for c in cits])
    cits = [c for c in cits if not _in_editorial_note(text, c.start)]
    cits.sort(key=lambda c: c.start)
    for c in cits:
        c.section = section_at(tree, c.start)
    return cits


def _in_editorial_note(text: str, pos: int) -> bool:
    """Inside a square-bracketed note that a legal website adds to a text: `[Về cho vay ... được
    hướng dẫn bởi Công văn 4530/NHCS-TDNN năm 2024 ...]` (corpus 099): not part of the document."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    opened = text.rfind("[", line_start, pos)
    return opened >= 0 and text.rfind("]", opened, pos) < 0 and text.find("]", pos, line_end) >= 0


#: Where a symbol stops before a lower-case word: `105/2025/NĐ-` / `của` (corpus 012), `1187/QĐ-thẩm định` (074).
SYMBOL_CUT_RE = re.compile(r"\s?[-/]\s?(?=[^\W\d_]+(?:[-/\s]|$))(?![^-/\s]*[A-ZĐ0-9&])")
#: A symbol has two letters running somewhere (`QĐ`, `KH&ĐT`): `1/2` or `5.000/1` have none.
_TWO_LETTERS_RE = re.compile(r"[^\W\d_]{2}|&")
#: What cannot stand inside a law's name between `Luật` and `số`: `Luật ... ; Nghị định số 1/...`.
_NOT_IN_LAW_NAME_RE = re.compile(r"[;.:()\d]")
#: A list separator right before a bare `số`: `...; số 1569/QĐ-TTg`, `... và số 1668/QĐ-TTg` (corpus 032).
_SEPARATOR_TAIL_RE = re.compile(r"(?:[,;]|(?<!\w)và)\s*$")
#: The first word after a citation's date and issuer: the subject opens with a lower-case word (`phê duyệt ...`).
_FIRST_WORD_RE = re.compile(r"\s*,?\s*(?P<w>[^\W\d_]+)")
#: An amending law: `Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền ...`.
_AMENDING_RE = re.compile(r"\s+sửa đổi", re.IGNORECASE)
#: ... whose name goes on over the names of the laws it amends.
_AMENDED_LAW_RE = re.compile(r"\s+(?:và|của)\s+(?:Luật|Bộ luật)")
#: A law's name followed by its number: `Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15`.
_NUMBER_NEXT_RE = re.compile(r"\s+số\s+[\d/]")
#: A Party committee, which a place name may follow: `Ban Thường vụ Tỉnh ủy` + ` Lào Cai`.
_COMMITTEE_END_RE = re.compile(r"(?:ủy|ỦY)$")

LEGISLATURE_RE = re.compile(r"(?:UBTV)?QH\d\d")
"""A symbol that is only the legislature: `QH15` (a law, 55/2024/QH15), `UBTVQH15` (a resolution)."""


@dataclass
class _Ident:
    """An identifier as read from IDENT_RE."""
    number: Optional[str]
    year: Optional[int]
    symbol: str
    identifier: Optional[str]
    code_entry: Optional[vocab.DocTypeEntry]   # the type its code names (QĐ in 899/QĐ-TTg), if any
    party: bool
    end: int               # end of the symbol proper (footnote and cut-off words excluded)
    tail: int              # where reading what follows starts (after a glued footnote marker)
    footnote: Optional[str]
    truncated: bool


def _read_identifier(m: re.Match) -> Optional[_Ident]:
    number = m.group("pnum") or m.group("num")
    if m.group("pnum") is not None:
        code_entry = vocab.type_by_code(m.group("pcode"))
        if code_entry is None:
            return None
        issuer_part, fn = _strip_footnote(m.group("pissuer"))
        code = code_entry.code if m.group("pcode").islower() else m.group("pcode")
        symbol = f"{code}/{_canonical_symbol(issuer_part)}"
        return _Ident(number, None, symbol, f"{number}-{symbol}", code_entry, True,
                      m.end() - (len(fn) if fn else 0), m.end(), fn, False)
    raw_sym, truncated = m.group("sym"), False
    if any(c.isupper() for c in raw_sym):
        # `105/2025/NĐ-` / `của`: a lower-case word after the hyphen is not part of the symbol
        cut = SYMBOL_CUT_RE.search(raw_sym)
        if cut:
            raw_sym, truncated = raw_sym[:cut.start()], True
    trimmed = len(m.group("sym")) - len(raw_sym)
    raw_sym, fn = _strip_footnote(raw_sym)
    symbol = _canonical_symbol(raw_sym)
    if not any(c.isupper() for c in symbol) or not _TWO_LETTERS_RE.search(symbol):
        return None
    year = int(m.group("year")) if m.group("year") else None
    tokens = symbol.split("-")
    code_entry = None
    if not LEGISLATURE_RE.fullmatch(symbol) and (len(tokens) > 1 or tokens[0].isupper()):
        code_entry = vocab.type_by_code(tokens[0])
    identifier = None
    if number:
        identifier = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
    return _Ident(number, year, symbol, identifier, code_entry, False,
                  m.end() - trimmed - (len(fn) if fn else 0), m.end() - trimmed, fn, truncated)


def _type_word_before(head: str, so: Optional[re.Match]) -> tuple[Optional[re.Match], str]:
    """The type word that announces an identifier, and the words between (`Chương trình` +
    ` hành động` + `số`; a law's name: `Luật` + ` Phòng cháy, chữa cháy ...` + `số`)."""
    if so and so.group("so") in ("Số", "SỐ") and ":" in so.group(0):   # `Số: 175/NQ-CP`, the own number
        return None, ""
    tw = None
    for t in _type_word_re().finditer(head):
        tw = t
    if tw is None:
        return None, ""
    qualifier = head[tw.end():]
    is_law = " ".join(tw.group("tw").split()).casefold() in ("luật", "bộ luật", "pháp lệnh", "hiến pháp")
    if not so and qualifier.strip():
        return None, ""
    if is_law and (len(qualifier) > 160 or _NOT_IN_LAW_NAME_RE.search(qualifier)):
        return None, ""
    if not is_law and not QUALIFIER_RE.fullmatch(qualifier):
        return None, ""
    return tw, qualifier


def _identified(text: str, mtext: str) -> list[Citation]:
    """Citations with an identifier (`Quyết định số 899/QĐ-TTg ngày 31/7/2023 của ...`)."""
    tw_re = _type_word_re()
    out: list[Citation] = []
    prev_core_end, prev = -1, None
    for m in IDENT_RE.finditer(mtext):
        s = m.start()
        lo = max(0, s - 220)
        pre = mtext[lo:s]
        so = _SO_TAIL_RE.search(pre)
        head = pre[: so.start()] if so else pre
        tw, qualifier = _type_word_before(head, so)
        # a list going on from the citation just before: `các Nghị định số 136/2020/NĐ-CP, 50/2024/NĐ-CP`
        listed = prev if prev is not None and 0 <= prev_core_end <= s and _LIST_TAIL_RE.match(mtext[prev_core_end:s]) else None
        if listed is None and tw is not None and prev is not None:
            for edge in (prev_core_end, prev.tail_end):
                if 0 <= edge <= lo + tw.start() and _LIST_TAIL_RE.match(mtext[edge:lo + tw.start()]):
                    listed = prev
        # `các Quyết định: số 36/QĐ-TTg ngày 11/01/2024 về ...; số 1569/QĐ-TTg ...` (corpus 032)
        if listed is None and tw is None and so is not None and so.group("so") == "số" and prev is not None \
                and s - prev.end < 400 and not _SENTENCE_END_RE.search(text, prev.end, s) \
                and _SEPARATOR_TAIL_RE.search(pre[: so.start()]):
            listed = prev
        inherited = listed if tw is None else None
        ident = _read_identifier(m)
        if ident is None:
            continue
        word_entry = type_of_word(tw.group("tw")) if tw is not None else (
            type_of_word(inherited.type_name) if inherited and inherited.type_name else None)
        # accept: a type word, or a list going on, or a shape that cannot be anything else
        strong = ident.party or (ident.code_entry is not None and "-" in ident.symbol) or LEGISLATURE_RE.fullmatch(ident.symbol)
        if not ident.number and not (so and (tw is not None or so.group("so") in ("Số", "SỐ"))):
            continue                    # a blank number only after `số`: `Kế hoạch số /KH-UBND`, `Số: /KH-UBND`
        own_line = tw is None and so is not None and so.group("so") in ("Số", "SỐ") and \
            _OWN_NUMBER_RE.fullmatch(text[text.rfind("\n", 0, lo + so.start()) + 1:lo + so.start()]) is not None
        if not strong and word_entry is None and not own_line:
            continue                    # `Số: 5973 /UBND-KT`, the own number of a công văn, is kept
        if not ident.party and not any(c.isupper() for c in m.group("sym")) and tw is None:
            continue                    # a lower-case symbol (`2600/ttg-ktth`) only after a type word
        # the type
        problem = None
        code_entry = ident.code_entry
        if LEGISLATURE_RE.fullmatch(ident.symbol):
            entry = word_entry if word_entry and word_entry.code != "CV" else vocab.type_by_code(
                "Luật" if ident.symbol.startswith("QH") else "NQ")
        elif code_entry is not None:
            entry = code_entry
            if tw is not None and not _compatible(word_entry, code_entry):
                # `Thông báo kết luận số 196-TB/TW`: an earlier type word of the same phrase may fit the code
                for t in tw_re.finditer(head):
                    if t.start() < tw.start() and QUALIFIER_RE.fullmatch(head[t.end():]) \
                            and _compatible(type_of_word(t.group("tw")), code_entry):
                        tw, qualifier, word_entry = t, head[t.end():], type_of_word(t.group("tw"))
            if ident.party and tw is not None and not _compatible(word_entry, code_entry):
                # Party codes are short: `Quy định số 178-QĐ/TW` is a Quy định (QĐi), not a Quyết định
                party_entry = next((e for e in vocab.types_by_name(tw.group("tw")) if "party" in e.kinds), None)
                if party_entry is not None:
                    entry = word_entry = party_entry
            if tw is not None and not _compatible(word_entry, entry):
                # a lower-case word with no `số` is prose (`theo quy định 15/2026/TT-BCT`), not a type word
                problem = "type_mismatch" if (so or tw.group("tw")[0].isupper()) else None
        else:
            entry = word_entry or vocab.type_by_code("CV")
        start = lo + tw.start() if tw is not None else (lo + so.start() if so and not inherited else s)
        title = None
        if tw is not None and entry.code in ("Luật", "Bộ luật", "PL", "Hiến pháp") and qualifier.strip():
            title = " ".join(text[lo + tw.start(): lo + tw.end() + len(qualifier)].split())
        # the document itself: its own number line `Số: ...` or an appendix header `(Kèm theo ...`
        before = text[max(0, start - 60):start]
        cit = Citation(start=start, end=ident.end, text=" ".join(text[start:ident.end].split()),
                       type_code=entry.code, type_name=entry.name,
                       number=ident.number, year=ident.year, symbol=ident.symbol, identifier=ident.identifier,
                       title=title, self_hint=bool(_ATTACHED_TO_RE.search(before)) or own_line, problem=problem,
                       footnote=ident.footnote, truncated=ident.truncated)
        # issuer given before: `đề nghị của Bộ trưởng Bộ ... tại Tờ trình số ...`,
        # `đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số ...`
        cit.issuer, date_before = _given_before(mtext, start)
        cit.issuer_before = cit.issuer is not None
        core_end = _tail(text, mtext, cit, ident.tail)
        cit.date = cit.date or date_before
        if listed is not None:
            if cit.issuer is None and listed.issuer and listed.issuer_before:
                cit.issuer, cit.issuer_before = listed.issuer, True
            # `Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy`
            if listed.issuer is None and listed.date and cit.issuer and not cit.issuer_before:
                listed.issuer, listed.issuer_shared = cit.issuer, True
        out.append(cit)
        prev, prev_core_end = cit, core_end
    return out


def _given_before(mtext: str, start: int) -> tuple[Optional[str], Optional[str]]:
    """Issuer (and date) written before the citation: `Theo đề nghị của Bộ trưởng Bộ Khoa học và
    Công nghệ tại Tờ trình số ...`; `đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số ...`;
    `Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số ...`."""
    lo = max(0, start - 260)
    window = mtext[lo:start]
    pm = PRE_ISSUER_RE.search(window)
    if pm:
        end, who = parse_issuer(mtext, lo + pm.start("who"))
        if who and end <= lo + pm.end("who") + 1:
            return _expand(who), None
    pm = PRE_ISSUED_RE.search(window)
    if pm:
        known, _ = _issuer_res()
        who = pm.group("who")
        k = known.fullmatch(who.strip())
        if k:
            dm = PRE_DATE_RE.search(window[: pm.start("who")])
            return _expand(who), parse_date(dm) if dm else None
    return None, None


def _tail(text: str, mtext: str, cit: Citation, pos: int) -> int:
    """Read date, issuer, subject and alias after an identifier; returns where the
    citation proper (identifier, date, issuer) ends."""
    core_end = pos
    for _ in range(2):
        if cit.date is None:
            dm = DATE_AFTER_RE.match(mtext, pos)
            if dm:
                cit.date = parse_date(dm)
                pos = core_end = dm.end()
                continue
        om = OF_RE.match(mtext, pos)
        if om and cit.issuer is None:
            end, who = parse_issuer(mtext, om.end())
            if who:
                cit.issuer = _expand(who)
                pos = core_end = end
                continue
        break
    if cit.date is None and cit.type_code in ("Luật", "Bộ luật", "Hiến pháp", "PL"):
        ym = YEAR_AFTER_RE.match(mtext, pos)
        if ym:
            cit.date = ym.group("y")
            pos = core_end = ym.end()
    # subject
    sm = _FIRST_WORD_RE.match(mtext, pos)
    if sm and sm.group("w")[0].islower() and sm.group("w") not in _SUBJECT_NOT_START:
        s0 = sm.start("w")
        stop = _SUBJECT_STOP_RE.search(text, s0, s0 + 300)
        end = stop.start() if stop else min(len(text), s0 + 300)
        subject = " ".join(text[s0:end].split()).strip(" ,")
        if subject:
            cit.subject = subject
            pos = end
    am = ALIAS_RE.match(mtext, pos)
    if am:
        cit.alias = " ".join(text[am.start("alias"):am.end("alias")].split())
        pos = am.end()
    cit.tail_end = pos
    return core_end


def _overlaps(a: int, b: int, taken: list[tuple[int, int]]) -> bool:
    """Whether [a, b) overlaps a span of `taken`: the spans starting before b reach past a.
    A binary search in the list's index (sorted starts, running maximum of the ends), so that
    n citations against n spans cost n log n, not n * n."""
    from bisect import bisect_left
    starts, reach = _span_index(taken)
    k = bisect_left(starts, b)
    return k > 0 and reach[k - 1] > a


#: id(list) -> (the list, sorted starts, running maximum of ends, spans indexed); a few at a time
_SPAN_INDEX: dict[int, tuple[list, list[int], list[int], int]] = {}


def _span_index(taken: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The index of `taken`, extended in place while the list only grows in order (title_spans)."""
    entry = _SPAN_INDEX.get(id(taken))
    if entry is not None and entry[0] is taken and entry[3] <= len(taken):
        _, starts, reach, n = entry
        new = sorted(taken[n:])
        if not new or not starts or new[0][0] >= starts[-1]:
            for s, e in new:
                starts.append(s)
                reach.append(max(e, reach[-1]) if reach else e)
            _SPAN_INDEX[id(taken)] = (taken, starts, reach, len(taken))
            return starts, reach
    if len(_SPAN_INDEX) > 8:
        _SPAN_INDEX.clear()
    starts, reach = [], []
    for s, e in sorted(taken):
        starts.append(s)
        reach.append(max(e, reach[-1]) if reach else e)
    _SPAN_INDEX[id(taken)] = (taken, starts, reach, len(taken))
    return starts, reach


def _laws_by_name(text: str, mtext: str, taken: list[tuple[int, int]]) -> list[Citation]:
    """Laws cited by name: `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015`."""
    out: list[Citation] = []
    title_spans: list[tuple[int, int]] = []
    for m in LAW_NAME_RE.finditer(mtext):
        if _overlaps(m.start(), m.end(), taken) or _overlaps(m.start(), m.end(), title_spans):
            continue
        window_end = min(len(mtext), m.end() + 200)
        stop = LAW_TITLE_END_RE.search(mtext, m.end(), window_end)
        # an amending law names the laws it amends: `Luật sửa đổi, bổ sung một số điều của Luật Tổ chức
        # Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019`
        if _AMENDING_RE.match(mtext, m.end()):
            while stop and _AMENDED_LAW_RE.match(mtext, stop.start()):
                stop = LAW_TITLE_END_RE.search(mtext, stop.end(), window_end)
        end = stop.start() if stop else window_end
        # `Luật ... số 55/2024/QH15`: the identifier path has it
        if stop and _NUMBER_NEXT_RE.match(mtext, stop.start()):
            continue
        name = " ".join(text[m.start():end].split()).rstrip(" ,")
        words = name.split()
        if len(words) < 2 or len(words) > 30:
            continue
        entry = vocab.type_by_code(m.group("type")) or type_of_word(m.group("type"))
        cit = Citation(start=m.start(), end=m.start() + len(text[m.start():end].rstrip(" ,")), text=name,
                       type_code=entry.code if entry else "Luật", type_name=entry.name if entry else "Luật",
                       title=name, kind="law_name")
        _tail(text, mtext, cit, cit.end)
        out.append(cit)
        title_spans.append((m.start(), end))
    return out


def _short_forms(text: str, mtext: str, taken: list[tuple[int, int]]) -> list[Citation]:
    """Type word + bare number: `Chỉ thị 11`, `Quyết định số 899`; tied to a full citation by resolve."""
    out: list[Citation] = []
    for t in _type_words(mtext):
        m = SHORT_NUMBER_RE.match(mtext, t.end())     # the cheap test first
        if not m or _overlaps(t.start(), t.end(), taken):
            continue
        entry = type_of_word(t.group("tw"))
        if entry is None:
            continue
        cit = Citation(start=t.start(), end=m.end(), text=" ".join(text[t.start():m.end()].split()),
                       type_code=entry.code, type_name=entry.name, number=m.group("num"), kind="short")
        out.append(cit)
    return out


def _unparsed(text: str, mtext: str, taken: list[tuple[int, int]]) -> list[Citation]:
    """A type word announcing a number that could not be read as an identifier."""
    out: list[Citation] = []
    for t in _type_words(mtext):
        m = UNPARSED_RE.match(mtext, t.end())
        if not m or _overlaps(t.start(), m.end(), taken):
            continue
        entry = type_of_word(t.group("tw"))
        out.append(Citation(start=t.start(), end=m.end(), text=" ".join(text[t.start():m.end()].split()),
                            type_code=entry.code if entry else None, type_name=entry.name if entry else None,
                            kind="unparsed"))
    return out
