"""Citation patterns: the shapes of identifiers, dates, issuers and laws' names that the
references extractor reads, and the builders that make them from the data files
(doc_types.yaml, citation_issuers.yaml, abbreviations.yaml).

Every pattern runs on a "match text" (MATCH_MAP applied to the document text): the same
length as the text, look-alike characters mapped one for one, and takes a line break as
whitespace.  The logic that reads a citation with them is in extractors/references/.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import load
from .doc_types import abbreviations, doc_types
from .patterns import alternation, word_start

# ---------------------------------------------------------------------------------------------
# Match text: same length as doc.text, look-alikes mapped one character for one.

#: Cyrillic and other look-alikes met in real symbols: `TT-BTС` (Cyrillic С, corpus 024),
#: `Ð` U+00D0 for Đ, `13⁄2012/QH13` (U+2044 fraction slash, corpus 081), dashes, NBSP,
#: and the underscores of word-segmented text (`Quyết_định số`, corpus 078/079).  Line breaks stay:
#: every pattern takes them as whitespace, but a place name does not run on past one.
LOOKALIKES = {
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P",
    "Т": "T", "Х": "X", "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y",
    "Ð": "Đ", "\u0189": "Đ", "ð": "đ", "⁄": "/", "∕": "/", "／": "/",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "\t": " ", "\r": " ", "\u00a0": " ", "_": " ",
}
MATCH_MAP = str.maketrans(LOOKALIKES)


def match_text(text: str) -> str:
    """`text.translate(MATCH_MAP)`, made by replacing only the look-alikes the text holds: a
    text holds a handful of them, and `str.translate` looks every character of a Vietnamese
    text up in a dictionary (25x slower on the corpus, issue 13).  No look-alike maps to
    another, so the order of the replacements does not matter."""
    for old, new in LOOKALIKES.items():
        if old in text:
            text = text.replace(old, new)
    return text

#: Vietnamese capital letters (a capitalised word opens a name).
UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
CAPWORD = rf"[{UP}][^\W_]*"

# ---------------------------------------------------------------------------------------------
# Identifier shapes.

#: One token of a symbol: `QĐ`, `TTg`, `UBND`, `ĐCKS`, `KTVB&QLXLVPH`, `QH15`, `UBTVQH15`, `ttg`.
TOKEN = r"(?:[^\W\d_]|&)(?:[^\W_]|&)*"

#: A unit numbered in Roman figures after a dot, inside a symbol: `11554/VPCP-V.I` (Vụ I of the Government
#: Office, pool md/8018a6f353d60a9e.md); a dot before a word (`.Điều`, `. Căn`) ends the symbol.
DOTTED_UNIT = r"\.(?=[IVX]{1,4}(?![^\W_]))"

#: An identifier, Party style or state style:
#:   Party  `45-NQ/TW`, `123-KH/TU`, `10- CTr/TU` (space after the hyphen, corpus 030), `11-` / `CT/TU`
#:   state  `899/QĐ-TTg`, `06/2021/QĐ-UBND`, `5973 /UBND-KT`, `3374/ BKHCN-CNCNTT`, `80/2025/UBTVQH15`,
#:          `71/NQ -CP` (space before the hyphen, corpus 032), `57/NQ/TW` (a typo for 57-NQ/TW, corpus 069), `1249a/CTPH-UBDT-BTP`, `66.15/2026/NQ-CP`, `11554/VPCP-V.I`, `/KH-UBND` (number left blank), `497/2011/QĐ-` / `UBND`
IDENT_RE = re.compile(
    r"(?<![\w/.\-])(?:"
    r"(?P<pnum>\d{1,5}[a-z]?)\s?-\s?(?P<pcode>[^\W\d_]{1,6})\s?/\s?(?P<pissuer>" + TOKEN + r"(?:-" + TOKEN + r")*)"
    r"|"
    r"(?P<num>\d{1,5}(?:\.\d{1,3})?[a-z]?)?\s?/\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?)?"
    r"(?P<sym>" + TOKEN + r"(?:(?:-\s(?=[" + UP + r"]{2})|\s?-|/(?=[" + UP + r"]{2})|" + DOTTED_UNIT + r")" + TOKEN + r")*)"
    r")")

#: How far an identifier's first "/" may be from its start: the Party shape's number, letter, hyphen with a space
#: either side, code of six letters and space (5 + 1 + 3 + 6 + 1 characters).  The state shape's number, decimals,
#: letter and space (5 + 4 + 1 + 1) reach less far.
IDENT_SLASH_REACH = 16
#: How far past its end an attempt of IDENT_RE may read (a dotted unit's look-ahead: `.` + `IVX` + one more,
#: six characters), and how far past its start it may read before its match is sure (either shape's number,
#: code or year, hyphens, slashes and spaces: 22 characters): beyond both, a search that stops short of the
#: text's end (`endpos`) finds what a search of the whole text finds.  Both rounded up.
IDENT_READ_AFTER = 8
IDENT_READ_AHEAD = 40
#: A character no identifier holds (its letters, digits, `&`, `/`, `.`, `-` and spaces aside).
NOT_IN_IDENT_RE = re.compile(r"[^\w\s&/.\-]")

#: A footnote number glued to the end of a symbol: `42/2024/QH151` (QH15 + footnote 1, corpus 011),
#: `88/2025/NĐ-CP2`.  QH/UBTVQH take the two digits of the legislature.
TRAILING_DIGITS_RE = re.compile(r"^(?P<letters>.*?[^\d])(?P<digits>\d+)$")

#: Words between a type word and `số`: `Chương trình hành động số 39-CTr/TU`, `Kế hoạch liên tịch số`,
#: `Văn bản giải trình, tiếp thu số 6253/UBND-SNV` (pool md/27e00d593ec30fac.md; at most four lower-case
#: words, a comma between two of them; a law's name is read apart).
QUALIFIER_RE = re.compile(r"\s*:?(?:,?\s+[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+){0,4}\s*")

#: The end of a sentence or paragraph between two citations (a list does not go on past it).
SENTENCE_END_RE = re.compile(r"\.\s|\n\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•])")

#: `số`, `Số:`, `số hiệu` right before an identifier.
SO_TAIL_RE = re.compile(r"(?P<so>" + word_start(["số", "Số", "SỐ"]) + r")(?:\s+hiệu)?\s*:?\s*$")

#: A list going on from the citation before: `các Nghị định số 136/2020/NĐ-CP, 50/2024/NĐ-CP`,
#: `Văn bản số 4250/BNNMT-ĐCKS ... và Văn bản số ...`.
LIST_TAIL_RE = re.compile(r"^\s*(?:,|;|và|hoặc|,\s*và)\s*(?:(?:số|Số)\s*)?$")
#: Between two citations of a list that share the date printed after the second: `số 008/CĐ-UBND và số
#: 009/CĐ-UBND ngày 19/11/2025` (pool md/62f25a030c183151.md); a comma or `và`, not `;` or `hoặc`.
SHARED_DATE_TAIL_RE = re.compile(r"^\s*(?:,|và|,\s*và)\s*(?:(?:số|Số)\s*)?$")

#: Opens an appendix that cites its own document: `(Kèm theo Kế hoạch số /KH-UBND ngày /6/2024 của UBND tỉnh)`,
#: `*(Kèm theo Kế hoạch số 179/KH-UBND ...)*`, `(Ban hành kèm theo Quyết định số ...)`.
ATTACHED_TO_RE = re.compile(r"(?:^|[\n(*])\s*\**\s*\(?\s*(?:ban hành\s+)?kèm\s+theo\s*$", re.IGNORECASE)

#: What may stand before `Số:` on the document's own number line (`Số: 1074/QĐ-BXD`, `| Số: /KH-UBND |`,
#: `**Số:** 617/KH-UBND`): nothing but table bars and emphasis.
OWN_NUMBER_RE = re.compile(r"[\s|*_]*")

# ---------------------------------------------------------------------------------------------
# What follows an identifier.

#: The word `năm` (year) between a month and a year, its vowel misprinted or misread: `tháng 12 nám 2024`
#: (corpus 113), `tháng 12 nấm 2020` (an OCR'd gazette); between `tháng N` and four digits it is no other word.
YEAR_WORD = r"n[ăắằẳẵặáàảãạâấầẩẫậa]m"
#: A date after `ngày`: `31/7/2023`, `05/03/2019`, `24-5-2025`, `/6/2024` (blank day),
#: `19 tháng 6 năm 2015`, `tháng 6 năm 2024`, `tháng năm 2026` (blanks left for the clerk).
DATE = (r"(?:(?P<d1>\d{1,2})?\s?[/.\-]\s?(?P<m1>\d{1,2})\s?[/.\-]\s?(?P<y1>(?:19|20)\d\d)(?!\d)"
         r"|(?P<d2>\d{1,2})?\s*tháng\s*(?P<m2>\d{1,2})?\s*" + YEAR_WORD + r"\s*(?P<y2>(?:19|20)\d\d)(?!\d))")
DATE_AFTER_RE = re.compile(r"\s*,?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày|ngay|NGÀY)\s*:?\s*" + DATE, re.IGNORECASE)
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
#: (ISSUER_LINKS: the words before the citation; a match ends in one of them or `các`, then white space.)
ISSUER_LINKS = ("tại", "theo")
PRE_ISSUER_RE = re.compile(word_start(["của"]) + r"\s+(?P<who>[" + UP + r"][^;:()]{2,90}?)\s+(?:\([^()]{0,160}\)\s+)?(?:"
                           + "|".join(ISSUER_LINKS) + r")\s+(?:các\s+)?$")
PRE_ISSUER_ENDS = ISSUER_LINKS + ("các",)
#: An issuer that issued or approved the document cited next: `đã được Thủ tướng Chính phủ phê duyệt tại
#: Quyết định số 866/QĐ-Tg` (corpus 001), `Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số 3280/UBND-VX` (052),
#: `UBND tỉnh Lào Cai đã ban hành nhiều văn bản chỉ đạo, điều hành như: Văn bản số 206/UBND-KT` (006).
#: (ISSUED_VERBS: one of them stands in every match; the match ends in one of them, `tại` or `các` and white
#: space, or in ISSUED_LIST and a colon: the cheap tests before the search.)
ISSUED_VERBS = ("ban hành", "phê duyệt", "có")
ISSUED_LIST = ("như", "gồm")
PRE_ISSUED_RE = re.compile(r"(?:^|[,;:.]\s*|được\s+|\d{4}\s*,\s*)(?P<who>[" + UP + r"][^,;:.()]{2,80}?)\s+(?:đã\s+)?(?:ký\s+)?"
                           r"(?:" + "|".join(ISSUED_VERBS) + r")\s+(?:tại\s+)?(?:các\s+)?(?:(?:[^\W\d_]+,?\s+){0,8}(?:"
                           + "|".join(ISSUED_LIST) + r")\s*:?\s*)?$")
PRE_ISSUED_ENDS = ISSUED_VERBS + ("tại", "các")
#: The date opening such a sentence: `Ngày 28 tháng 10 năm 2025, Chủ tịch ...`.
PRE_DATE_RE = re.compile(r"(?:ngày|Ngày)\s*" + DATE + r"\s*,\s*$")
#: A sentence opening with the date of the document it then cites: `Ngày 22/10/2025, tại Thông báo số
#: 569/TB-VPCP của Văn phòng Chính phủ, Phó Thủ tướng ... giao ...` (pool md/fa0dcc139cec05de): the date is the
#: cited document's (also `... Điều 32 Nghị định này.”` / `Ngày 10/10/2024, tại Công văn số 2294/CTVPH-HKDCN của
#: Cục Thuế tỉnh Vĩnh Phúc ...`, pool md/77de8d61b741c666).  Only at a sentence's start, right before `tại` and the citation.
PRE_DATE_AT_RE = re.compile(r"(?:^|[.;:!?][\"”’)*]*\s+|\n\s*)Ngày\s*" + DATE + r"\s*,\s*tại\s+$")
#: A law cited by its name: `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015`,
#: `Luật sửa đổi, bổ sung một số điều của Luật ...`, `Bộ luật Lao động`, `Hiến pháp năm 2013`.
LAW_WORDS = ("Bộ luật", "Luật", "Hiến pháp")


def _law_name_re(words) -> re.Pattern:
    return re.compile(r"(?P<type>" + word_start(words, spaces=" ", not_after=(r"pháp\s", r"Pháp\s", r"PHÁP\s"))
                      + r")(?=\s+(?:[" + UP + r"]|sửa đổi|năm\s+\d))")


LAW_NAME_RE = _law_name_re(LAW_WORDS)
#: The same, one pattern a word: each opens with one letter, which re finds 10x faster in a Vietnamese text
#: than any of a set of letters (no word holds another's first letter, so their matches are LAW_NAME_RE's).
LAW_NAME_RES = tuple(_law_name_re([w]) for w in LAW_WORDS)
assert not any(v[0] in w[1:] for w in LAW_WORDS for v in LAW_WORDS)
#: Where a law's name ends: before `số`, `ngày`, `năm 2024`, punctuation, or a comma that opens a new name.
LAW_TITLE_END_RE = re.compile(
    r"\s+(?:số|ngày|năm)\s+[\d/]|\s+năm\s*$|[;.:()\"“”]|,\s*(?=[" + UP + r"])|,\s*(?:các|và)\s|\s+(?:và|hoặc)\s+(?=các\s|Luật|Bộ luật|Nghị|Quyết|Thông|Chỉ|Pháp|Hiến|Văn bản|Công văn|Kế hoạch)"
    r"|\s+(?:quy định|hướng dẫn|được|đã|và các|và văn bản|có hiệu lực|về|thì|để|theo|tại|chưa|nhằm|ước|trên|"
    r"đối với|áp dụng|thực hiện|cho|khi|trong|với|mà|nhưng|không|nếu|hay|hoặc|và có|và được|và các)\s"
    r"|\s+của\s+(?!Luật|Bộ luật)|\s+\d|\[|,\s*hoặc\s")
#: A short form: type word + bare number, `Chỉ thị 11`, `Quyết định số 899` (the number not followed by a symbol).
SHORT_NUMBER_RE = re.compile(r"\s*(?:số\s*)?(?P<num>\d{1,5}[a-z]?)(?![\w/.,\-]|\s?[/\-]\s?[^\W\d_]|\s+(?:năm|tháng|ngày))")
#: A number the type word announces but no identifier could be read from: `Quyết định số 1234/8D-UBND` (OCR).
#: (the first digit, then the first "/" after it: the same matches as `\S*\d\S*/\S+`, in linear time)
UNPARSED_RE = re.compile(r"\s*số\s*:?\s*(?P<raw>[^\s\d]*\d[^\s/]*/\S+)")
#: Where a subject stops: end of sentence, a bracket, a quote closing, or a new numbered paragraph.
SUBJECT_STOP_RE = re.compile(
    r"[;(]|\.(?:\s|$)|:\s|\s\n|\n(?=\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•]|Điều\s|\|))|\|")
#: Words that cannot open a citation's subject.
SUBJECT_NOT_START = frozenset({"ngày", "và", "hoặc", "tại", "theo", "trong", "cho", "với", "đã", "được", "này", "để",
                               "nhằm", "thì", "khi", "là", "các", "có", "đến"})

# ---------------------------------------------------------------------------------------------
# Reading an identifier and the words around it.

#: Where a symbol stops before a lower-case word: `105/2025/NĐ-` / `của` (corpus 012), `1187/QĐ-thẩm định` (074).
SYMBOL_CUT_RE = re.compile(r"\s?[-/]\s?(?=[^\W\d_]+(?:[-/\s]|$))(?![^-/\s]*[A-ZĐ0-9&])")
#: A symbol has two letters running somewhere (`QĐ`, `KH&ĐT`): `1/2` or `5.000/1` have none.
TWO_LETTERS_RE = re.compile(r"[^\W\d_]{2}|&")
#: What cannot stand inside a law's name between `Luật` and `số`: `Luật ... ; Nghị định số 1/...`.
NOT_IN_LAW_NAME_RE = re.compile(r"[;.:()\d]")
#: A list separator right before a bare `số`: `...; số 1569/QĐ-TTg`, `... và số 1668/QĐ-TTg` (corpus 032).
SEPARATOR_TAIL_RE = re.compile(r"(?:[,;]|(?<!\w)và)\s*$")
#: The first word after a citation's date and issuer: the subject opens with a lower-case word (`phê duyệt ...`).
FIRST_WORD_RE = re.compile(r"\s*,?\s*(?P<w>[^\W\d_]+)")
#: An amending law: `Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền ...`.
AMENDING_RE = re.compile(r"\s+sửa đổi", re.IGNORECASE)
#: ... whose name goes on over the names of the laws it amends.
AMENDED_LAW_RE = re.compile(r"\s+(?:và|của)\s+(?:Luật|Bộ luật)")
#: A law's name followed by its number: `Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15`.
NUMBER_NEXT_RE = re.compile(r"\s+số\s+[\d/]")
#: A Party committee, which a place name may follow: `Ban Thường vụ Tỉnh ủy` + ` Lào Cai`.
COMMITTEE_END_RE = re.compile(r"(?:ủy|ỦY)$")

LEGISLATURE_RE = re.compile(r"(?:UBTV)?QH\d\d")
"""A symbol that is only the legislature: `QH15` (a law, 55/2024/QH15), `UBTVQH15` (a resolution)."""


# ---------------------------------------------------------------------------------------------
# Patterns built from the data files (once per process).

@lru_cache(maxsize=None)
def type_words() -> tuple[str, ...]:
    """Every type word of doc_types.yaml (name and lower-case aliases), longest first, in the order
    type_word_re tries them: `Quyết định`, `Nghị quyết`, `Chương trình phối hợp`, `Văn bản`, `Luật`."""
    words = set()
    for d in doc_types():
        words.add(d.name)
        words.update(a for a in d.aliases if not a.isupper())
    words.add("Công văn")
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def type_word_re() -> re.Pattern:
    """A type word (type_words) opening a word and ending one, in any case."""
    return re.compile(r"(?P<tw>" + word_start(type_words(), ignore_case=True) + r")(?![\w])")


@lru_cache(maxsize=None)
def issuer_res() -> tuple[re.Pattern, re.Pattern]:
    """(known, stops): an issuer of citation_issuers.yaml with its titles, place and Party tail
    (`Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`, `UBND tỉnh Bắc Giang`); and where an unknown
    capitalised issuer stops (a word that opens a subject, punctuation, a line break)."""
    d = load("citation_issuers.yaml")
    body = (r"(?:(?:" + alternation(d["bodies"]) + r")"
            r"|(?:" + alternation(d["heads"]) + r")\s+(?:" + alternation(d["sectors"]) + r")"
            r"|(?:" + alternation(d["local"]) + r"))")
    # one title or several joined by commas: `Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`
    officials = r"(?:" + alternation(d["officials"]) + r")"
    official = r"(?:" + officials + r"(?:\s*,\s*" + officials + r")*\s+)?"
    place = r"(?:\s+(?:" + alternation(d["places"]) + r")\.?(?-i:(?: +" + CAPWORD + r"){0,4}))?"
    tail = r"(?:\s+(?:" + "|".join(d["party_tail"]) + r"))*"
    # a plenum before its body: `Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII`
    session = r"(?:(?:" + alternation(d["sessions"]) + r")\s+\w+\s+(?:của\s+)?)?"
    known = re.compile(session + official + body + place + tail, re.IGNORECASE)
    stops = re.compile(r"\s+(?:" + alternation(d["subject_starts"]) + r")(?![\w])|[,;.()\"“”:]|\s\n")
    return known, stops


@lru_cache(maxsize=None)
def abbreviation_re() -> re.Pattern:
    """Any abbreviation of abbreviations.yaml as a whole word, longest first (`UBND`, `BTV`, `BCHTW`)."""
    keys = sorted(abbreviations(), key=len, reverse=True)
    return re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w&])")


#: A place name after a Party committee: `Ban Thường vụ Tỉnh ủy Lào Cai` (corpus 008).
PLACE_NAME_RE = re.compile(r"(?: +" + CAPWORD + r"){1,3}")
#: Two issuers of one joint document: `Chương trình số 1249a/CTPH-UBDT-BTP ... của Ủy ban Dân tộc và Bộ Tư pháp`.
JOINT_RE = re.compile(r"\s*(?:,|và)\s+")
