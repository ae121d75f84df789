"""Metadata extractor: issuer, number/symbol, place/date, type, title, signers, recipients.

    extract_metadata(doc: LaidOut, tree: list[Node]) -> tuple[Metadata, list[Warning]]

The header (issuer block, national motto, Số line, place and date, type line and
summary) comes from the tree stage's split_header; the signature block and Nơi
nhận from the body paragraphs that no section holds.  Each field has its own
small reader; what cannot be read is left null with a warning.

    issuer        # cơ quan ban hành
    signer        # người ký
    capacity      # thẩm quyền ký: KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền)
    on_behalf_of  # TM. (thay mặt) a collective
    recipients    # nơi nhận
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from vanban.pipeline.tree import (ADDRESSEE, ATTACHED_TO, BODY_START, BULLET, RECIPIENTS_HEAD, RULE,
                                  SUMMARY_CV, clean, is_signature_line, is_upper_line, split_embedded_appendix,
                                  split_header, table_lines)
from vanban.lexicon import strip_marks
from vanban.pipeline.types import LaidOut, Node, Paragraph, Table
from vanban.schemas.models import DocType, Issuer, Metadata, Signer, Warning

from vanban.lexicon import abbreviations, doc_types, load, type_by_code, types_by_name

# ---------------------------------------------------------------- patterns
#: The number line: "Số: /KH-UBND", "Số: 5973 /UBND-KT", "Số:  982/QĐ-TTg", "Số: 06/2021/QĐ-UBND",
#: "Số: 123-KH/TU", "Số: 2536 /QĐ - UBND", "Luật số: 56/2020/QH14", "Số: 66.15/2026/NQ-CP"
#: and an OCR'd number that cannot be read (the junk group): "Số: 4 46 /QĐ-UBND", "Số:đÓ6 /KH-TCTLNTW-C04",
#: "Số: 4/6 /QĐ-UBND"
NUMBER_LINE = re.compile(
    r"\b(?:Số|SỐ|số)\s*:?\s*(?:(?P<num>\d{1,6}(?:\.\d{1,3})?[a-zA-Z]?)|(?P<junk>[^\s/:]{1,6}(?:\s+[^\s/:]{1,6})?|\d{1,3}/\d{1,3}(?=\s)))?\s*(?:/\s*(?P<year>(?:19|20)\d{2})\s*)?"
    r"(?P<sep>[/\-])\s*(?P<sym>[A-ZĐ][\wĐđ&.]*(?:\s*[\-/]\s*[A-ZĐ\d][\wĐđ&.]*)*)")
#: A symbol alone on a line under the issuer, its number not printed or lost to OCR: "/QĐ-XPVPHC"
SYMBOL_ALONE = re.compile(r"^/\s*(?P<sym>[A-ZĐ][A-ZĐ\w]*(?:\s*-\s*[A-ZĐ\d][\wĐđ]*)+)$")
#: The word Số alone at the end of a line, the number on the next: "Số:" / "7360/KH-UBND"
NUMBER_ALONE = re.compile(r"\b(?:Số|SỐ)\s*:?\s*$")
#: The number of a decision that a body's name cites, on its own header line: "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT"
CITED_NUMBER = re.compile(r"^SỐ\s+\d[\d.]*/[A-ZĐ0-9/\-]+$")
#: A number/symbol that is not an issuer line: "7360/KH-UBND", "Số: /KH-UBND"
SYMBOL_LIKE = re.compile(r"\d\s*/|/\s*[A-ZĐ]{2}|^(?:Số|SỐ)\b")
#: Place and date: "Bắc Giang, ngày tháng 6 năm 2024", "Lào Cai, ngày 29 tháng  6  năm 2026"
#: and with a day or month OCR'd into junk, which is left unread (see _date_part): "Hà Nội, ngàyOẨ tháng 7 năm 2026",
#: "Lào Cai, ngày U6_ tháng 3 năm 2026", "ngày 0Â tháng + năm 2026", "Lâm Đông. ngày: Ø3 tháng 02 năm 2026"
DATE_WORDS = re.compile(
    r",?\s*ngày\s*:?\s*(?P<d>[^\n]{0,6}?)\s*tháng\s*(?P<m>[^\n]{0,4}?)\s*năm\s*(?P<y>(?:19|20)\d{2})", re.IGNORECASE)
#: A day or month that can be read: "29", "06"
DATE_PART = re.compile(r"^\d{1,2}$")
#: A place before the date: "Lào Cai, ngày tháng 7 năm 2026" (not "1074/QĐ-BXD ngày 29/6/2026 của Bộ" in a title)
PLACE_DATE = re.compile(r"[^\W\d_]\s*,\s*ngày\b", re.IGNORECASE)
#: A date left wholly blank: "Hà Nội, ngày tháng năm"
DATE_BLANK = re.compile(r"[^\W\d_][\w\s.]*,\s*ngày\s+tháng\s+năm\s*$")
#: Place and date in figures: "Hà Nội, ngày 04/6/2026", "ngày 04-6-2026"
DATE_FIGURES = re.compile(r",?\s*ngày\s*(?P<d>\d{1,2})?\s*[/.\-]\s*(?P<m>\d{1,2})?\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})",
                          re.IGNORECASE)
#: A cited number just before a date, so the date is the cited document's: "tại văn bản số 2600/ttg-ktth ngày 30 tháng 12"
CITED_BEFORE = re.compile(r"\d[\w.]*/[\w/\-]+\s*$")
#: A number and symbol alone on a line, the word Số lost (OCR): "47/2017/NĐ-CP"
IDENTIFIER_ALONE = re.compile(r"^(?P<num>\d{1,6})/(?P<year>(?:19|20)\d{2})/(?P<sym>[A-ZĐ]{1,6}-[A-ZĐ][\wĐđ]*)$")
#: A word of a place name: "Bắc", "Giang", "TP.", "Hồ"
PLACE_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_]*\.?|TP\.)$")
#: Leading dash of a list item and the trailing ; or . of a recipient: "- Như trên;", "+ Lưu VT, KGVX."
ITEM_EDGES = re.compile(r"^[\s\-–—+•*]+|[\s;,.:]+$")
#: A capacity prefix inside a recipients line flattened with the signature: "- Lưu: VT, TXNK (30b) KT. TỔNG CỤC TRƯỞNG"
INNER_PREFIX = re.compile(r"\s(?:TM|KT|TL|TUQ|Q)\.\s+(?=[^\W\d_a-zđ]{2})")
#: Type code at the head of a symbol: "KH" in "KH-UBND", "QĐ" in "QĐ-TTg", "KH" in "KH/TU" (Party)
SYMBOL_CODE = re.compile(r"^(?P<code>[^\-/]+)")
#: The national motto read through diacritics lost to OCR, on folded text: "cọng hòa xã Họi Chủ nghĩa" -> "XA HOI CHU NGHIA",
#: "Độc lập - Tự do - Hạnh phúc" -> "DOC LAP - TU DO"
MOTTO_FOLDED = re.compile(r"XA HOI CHU NGHIA|DOC LAP\s*[-–]\s*TU DO")
#: The addressee head of a công văn anywhere in a line, the list after it: "Kính gửi:", "Hà Nội, ngày 05 tháng 04 năm 2019
#: Kính gửi: Bộ Kế hoạch và Đầu tư."
ADDRESSEE_AT = re.compile(r"\bKính\s+gửi\s*:?\s*")
#: Item dashes inside one flattened addressee line: "Kính gửi: - Sở Tài chính; - Sở Xây dựng."
ITEM_DASH = re.compile(r"(?:^|(?<=[;.,]))\s*[-–+•]\s+")
#: Table cell rules and bars left by a converter between addressee lines: "|", "| --- |"
CELL_RULE = re.compile(r"^[|\s\-:]*$")
#: Words that may stand before the signer's name and are not part of it: "(Đã ký)", "[daky]"
SIGNED_MARK = re.compile(r"^[\[(]?\s*(?:Đã ký|đã ký|daky|ký)\s*[\])]?$")


@dataclass(frozen=True)
class _Vocab:
    heads: tuple[tuple[str, str], ...]          # upper -> proper, longest first
    heads_inline: tuple[str, ...]
    admin_units: tuple[tuple[str, str], ...]
    names: tuple[tuple[str, str], ...]
    lower_words: frozenset[str]
    heads_before_place: frozenset[str]
    mottos: tuple[str, ...]
    titles: dict                                # upper -> proper
    collectives: dict
    on_behalf_prefixes: tuple[str, ...]
    prefixes: tuple[str, ...]
    abbreviations_upper: tuple[tuple[str, str], ...]


@lru_cache(maxsize=None)
def _vocab() -> _Vocab:
    iss = load("issuers.yaml")
    sig = load("signer_capacities.yaml")
    by_len = lambda d: tuple(sorted(d.items(), key=lambda kv: -len(kv[0])))  # noqa: E731
    abbr = {k: v.upper() for k, v in abbreviations().items() if k.isupper() and len(k) >= 2}
    return _Vocab(heads=by_len(iss["heads"]), heads_inline=tuple(iss["heads_inline"]),
                  admin_units=by_len(iss["admin_units"]), names=by_len(iss["names"]),
                  heads_before_place=frozenset(iss["heads_before_place"]),
                  lower_words=frozenset(w for x in iss["lower_words"] for w in x.split()),
                  mottos=tuple(sorted(iss["mottos"], key=len, reverse=True)),
                  titles={t.upper(): t for t in sig["titles"]},
                  collectives={t.upper(): t for t in sig["collectives"]},
                  on_behalf_prefixes=tuple(sig["on_behalf_prefixes"]), prefixes=tuple(sig["prefixes"]),
                  abbreviations_upper=by_len(abbr))


def fold(text: str) -> str:
    """Upper case without diacritics, to compare OCR'd words: 'PHO GIAM ĐỌC' -> 'PHO GIAM DOC'."""
    return " ".join(strip_marks(text).upper().split())


@lru_cache(maxsize=None)
def _folded_titles() -> dict:
    """folded title -> proper title ('PHO GIAM DOC' -> 'Phó Giám đốc'), and the words of titles."""
    return {fold(t): t for t in _vocab().titles.values()}


@lru_cache(maxsize=None)
def _title_words() -> frozenset:
    v = _vocab()
    return frozenset(w for t in list(v.titles) + list(v.collectives) for w in fold(t).split())


def is_title_like(text: str) -> bool:
    """A title or capacity misread as a name: 'PHO GIAM ĐỌC', 'Phó Giám Đốc' (every word a word of a title)."""
    words = fold(text).split()
    return bool(words) and all(w in _title_words() for w in words)


# ---------------------------------------------------------------- proper case
def _starts(words: list[str], phrase: str) -> bool:
    p = phrase.split()
    return words[:len(p)] == p


def proper_case(name: str) -> str:
    """'UBND TỈNH LÀO CAI' -> 'Ủy ban nhân dân tỉnh Lào Cai'; 'BỘ TÀI CHÍNH' -> 'Bộ Tài chính'.
    Text that is not upper case is returned with abbreviations expanded only."""
    v = _vocab()
    name = " ".join(name.split())
    if not is_upper_line(name):
        return _expand(name)
    words = _expand_upper(name).split()
    out: list[str] = []
    i = 0
    start_of_name = True
    while i < len(words):
        rest = words[i:]
        hit = next(((u, p) for u, p in v.heads if _starts(rest, u)), None) if i == 0 else None
        if i == 0 and hit is None:      # "TỎ CÔNG TÁC LIÊN NGÀNH TW" (OCR): the head read through its diacritics
            folded = fold(" ".join(rest)).split()
            hit = next(((u, p) for u, p in v.heads if len(u.split()) >= 2 and _starts(folded, fold(u))), None)
        if hit:
            out.append(hit[1])
            i += len(hit[0].split())
            start_of_name = True
            if hit[0] in v.heads_before_place:
                out.extend(w.capitalize() for w in words[i:])
                break
            continue
        unit = next(((u, p) for u, p in v.admin_units if _starts(rest, u)), None) \
            if not out or out[-1] not in ("và", "-", "–") else None
        if unit:
            out.append(unit[1])
            i += len(unit[0].split())
            # the place name after an administrative unit: every word capitalised
            while i < len(words) and not any(_starts(words[i:], u) for u, _ in v.admin_units):
                out.append(words[i].capitalize())
                i += 1
            continue
        fixed = next(((u, p) for u, p in v.names if _starts(rest, u)), None)
        if fixed:
            out.append(fixed[1])
            i += len(fixed[0].split())
            start_of_name = False
            continue
        w = words[i]
        if any(c.isdigit() for c in w):
            out.append(w)              # a cited number keeps its case: "1050/QĐ-SCT"
            start_of_name = False
        elif w in v.lower_words:
            out.append(w.lower())
            start_of_name = False
        elif w in ("VÀ", "-", "–", ","):
            out.append(w.lower())
            start_of_name = True
        elif start_of_name or (out and out[-1].endswith(",")):
            out.append(w.capitalize())
            start_of_name = False
        else:
            out.append(w.lower())
        i += 1
    return " ".join(out).replace(" ,", ",")


def _expand_upper(name: str) -> str:
    for short, long_ in _vocab().abbreviations_upper:
        name = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", long_, name)
    return name


def _expand(name: str) -> str:
    for short, long_ in sorted(abbreviations().items(), key=lambda kv: -len(kv[0])):
        if short.isupper() and len(short) >= 3:
            name = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", long_, name)
    return name


# ---------------------------------------------------------------- header lines
def _header_lines(doc: LaidOut) -> list[str]:
    header, body = split_header(doc)
    if not header:          # no header found: look at the first blocks
        header = body[:30]
    lines: list[str] = []
    for b in header:
        if isinstance(b, Paragraph):
            lines.extend(clean(x) for x in b.text.split("\n"))
        elif isinstance(b, Table):
            lines.extend(clean(x) for x in table_lines(b))
    # a header split too early leaves the type line and summary at the head of the body
    if doc.header and _type_line([x for x in lines if x])[0] is None \
            and not any(SUMMARY_CV.match(x) for x in lines if x):
        for b in body[:6]:
            t = clean(b.text) if isinstance(b, Paragraph) else ""
            if not t or BODY_START.match(t) or ADDRESSEE.match(t) or _starts_marker(t):
                break
            lines.append(t)
    return [x for x in lines if x]


def _starts_marker(t: str) -> bool:
    return bool(re.match(r"^(?:[IVXL]+\.|\d+\.|[a-zđ]\)|Điều\s+\d|Chương\s|[-+•]\s)", t))


def _strip_mottos(line: str) -> str:
    for m in _vocab().mottos:
        line = line.replace(m, " ")
    # a motto with OCR'd diacritics: "CỌNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM" (fold keeps one letter a letter)
    line = unicodedata.normalize("NFC", line)
    folded = _fold_letters(line)
    for m in _folded_mottos():
        k = folded.find(m)
        while k >= 0:
            line = line[:k] + " " * len(m) + line[k + len(m):]
            folded = folded[:k] + " " * len(m) + folded[k + len(m):]
            k = folded.find(m)
    return " ".join(line.split())


def _fold_letters(text: str) -> str:
    """fold() letter by letter, keeping the length (spaces unchanged)."""
    return "".join(fold(c) or c for c in text)


@lru_cache(maxsize=None)
def _folded_mottos() -> tuple[str, ...]:
    return tuple(sorted({fold(m) for m in _vocab().mottos}, key=len, reverse=True))


# ---------------------------------------------------------------- the readers
def _number_line_rank(line: str) -> int:
    """'Số: 1105/KH-ĐKT' before 'SỐ 1050/QĐ-SCT' (part of the issuer's name) before any other line."""
    t = line.lstrip("*_ ")
    if re.match(r"(?:Số|SỐ)\s*:", t):
        return 0
    return 1 if t.startswith(("Số", "SỐ")) else 2


def _read_number(lines: list[str]) -> tuple[Optional[int], Optional[str], Optional[str], Optional[str], str, bool]:
    """(line index, number, year, symbol, separator, number unreadable) of the Số line."""
    order = sorted(range(min(len(lines), 40)), key=lambda i: _number_line_rank(lines[i]))
    for i in order:
        line = lines[i]
        if NUMBER_ALONE.search(line) and i + 1 < len(lines):
            line = line + " " + lines[i + 1]          # "Số:" / "7360/KH-UBND" on two lines
        m = NUMBER_LINE.search(line)
        if m and m["junk"] and not line.lstrip("*_ ").startswith(("Số", "SỐ")):
            continue              # an unreadable number only on a line of its own: "Số: 4 46 /QĐ-UBND"
        if m and (line.lstrip().startswith(("Số", "SỐ")) or m.start() < 40 or "Số:" in line):
            sym = re.sub(r"\s*([\-/])\s*", r"\1", m["sym"]).rstrip(".-/")
            return i, m["num"], m["year"], sym, m["sep"], bool(m["junk"])
    for i, line in enumerate(lines[:8]):
        m = IDENTIFIER_ALONE.match(line)
        if m:
            return i, m["num"], m["year"], m["sym"], "/", False
        m = SYMBOL_ALONE.match(line)
        if m:
            return i, None, None, re.sub(r"\s*-\s*", "-", m["sym"]), "/", False
    return None, None, None, None, "/", False


def _date_part(text: Optional[str]) -> Optional[str]:
    """'29' -> '29'; an OCR'd 'U6_' or '4 6' -> None (unreadable, not guessed)."""
    return text.strip() if text and DATE_PART.match(text.strip()) else None


def _read_place_date(text: str) -> tuple[Optional[str], Optional[str], Optional[re.Match]]:
    m = DATE_WORDS.search(text) or DATE_FIGURES.search(text)
    if not m:
        return None, None, None
    y, mo, d = m["y"], _date_part(m["m"]), _date_part(m["d"])
    date = y
    if mo and 1 <= int(mo) <= 12:
        date += f"-{int(mo):02d}"
        if d and 1 <= int(d) <= 31:
            date += f"-{int(d):02d}"
    before = text[:m.start()].split()
    place: list[str] = []
    for w in reversed(before):
        if PLACE_WORD.match(w) and w[0].isupper() and not w.endswith(":") and not (len(w) > 1 and w.isupper()):
            place.insert(0, w)
        elif w.lower() in ("phố", "thành") and place:
            place.insert(0, w)
        else:
            break
    if place and place[-1].endswith(".") and place[-1] != "TP.":
        place[-1] = place[-1].rstrip(".")          # "Lâm Đông. ngày: Ø3 tháng 02" (OCR'd comma)
    return (" ".join(place) or None), date, m


def _read_issuer(lines: list[str], stop: int, anchored: bool = True) -> tuple[Optional[str], Optional[str]]:
    """(issuer, parent) from the upper-case header lines above the Số line.
    With no anchor (no national motto, no Số line) an upper-case line is an issuer only when it
    starts with an organisation word: a form's title "DANH SÁCH THÀNH VIÊN CÔNG TY ..." is not."""
    v = _vocab()
    orgs: list[str] = []
    for line in lines[:stop]:
        line = _strip_mottos(line)
        if orgs and CITED_NUMBER.match(line) and orgs[-1].split()[-1] in ("ĐỊNH", "THEO"):
            orgs[-1] = orgs[-1] + " " + line      # "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT"
            continue
        line = NUMBER_LINE.split(line)[0] if NUMBER_LINE.search(line) else line
        line = line.strip(" -–—_*.")      # "BỘ CÔNG AN ." (OCR)
        if not line or RULE.match(line) or not is_upper_line(line) or SYMBOL_LIKE.search(line):
            continue
        for part in _split_inline(line):
            words = _expand_upper(part).split()
            head = _starts_head(words)
            if not orgs and not head and (not anchored or _starts_type_name(part)):
                continue          # no anchor, or a type line: "BÁO CÁO ĐỊNH KỲ VỀ BẢO HỘ LAO ĐỘNG" (a form)
            new = head or not orgs
            if new:
                orgs.append(part)
            else:
                orgs[-1] = orgs[-1] + " " + part
    # a gazette's section heading above the issuer ("VĂN BẢN PHÁP LUẬT KHÁC") and repeated lines
    orgs = [o for k, o in enumerate(orgs) if k == 0 or o != orgs[k - 1]]
    if len(orgs) > 1 and not any(_starts(_expand_upper(orgs[0]).split(), h) for h, _ in v.heads):
        orgs = orgs[1:]
    if not orgs:
        return None, None
    issuer = proper_case(orgs[-1])
    parent = proper_case(orgs[-2]) if len(orgs) >= 2 else None
    return issuer, parent


def _starts_type_name(line: str) -> bool:
    """'BÁO CÁO ĐỊNH KỲ VỀ ...' starts with a document type's name."""
    return bool(_inline_type_re().match(line))


def _split_inline(line: str) -> list[str]:
    """'BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN' -> ['BỘ TÀI CHÍNH', 'TỔNG CỤC HẢI QUAN']."""
    words = line.split()
    heads = _vocab().heads_inline
    for k in range(2, len(words)):
        if words[k - 1] in ("TỔNG", "CHI", "VĂN", "CỦA", "VÀ", "CHỦ", "BỘ"):
            continue
        if any(_starts(words[k:], h) and len(words) - k > len(h.split()) for h in heads) and not any(_starts(words, h) and len(h.split()) > k
                                                                 for h, _ in _vocab().heads):
            return [" ".join(words[:k]), " ".join(words[k:])]
    return [line]


def _type_line(lines: list[str]) -> tuple[Optional[int], list]:
    """The type line: "KẾ HOẠCH", or read through OCR'd diacritics: "KÉ HOẠCH" (folds to KE HOACH)."""
    for i, line in enumerate(lines[:45]):
        t = line.rstrip(":").strip()
        if t.upper() == t and is_upper_line(t):
            found = types_by_name(t) or _types_by_folded_name().get(fold(t), [])
            if found:
                return i, found
    return None, []


@lru_cache(maxsize=None)
def _types_by_folded_name() -> dict:
    out: dict = {}
    for d in doc_types():
        for n in {fold(d.name)} | {fold(a) for a in d.aliases if len(a) > 3}:
            out.setdefault(n, []).append(d)
    return out


def _starts_head(words: list[str]) -> bool:
    """An organisation word at the head, or a head of 2+ words read through OCR'd diacritics: "TỎ CÔNG TÁC"."""
    v = _vocab()
    if any(_starts(words, h) for h, _ in v.heads):
        return True
    folded = fold(" ".join(words)).split()
    return any(len(h.split()) >= 2 and _starts(folded, fold(h)) for h, _ in v.heads)


def _opening_type(lines: list[str]) -> tuple[list, Optional[str]]:
    """A document that opens with its type and summary in one sentence-case line (word-segmented crawls):
    "Quyết định ban hành kế hoạch triển khai ..." -> ([QĐ], "Ban hành kế hoạch triển khai ...")."""
    words = lines[0].split() if lines else []
    for k in (3, 2, 1):
        if len(words) > k + 2 and words[0][:1].isupper() and words[k][:1].islower() \
                and all(w.islower() for w in words[1:k]):
            found = types_by_name(" ".join(words[:k]))
            if found:
                rest = " ".join(words[k:])
                return found, rest[:1].upper() + rest[1:]
    return [], None


def _sentence_case_issuer(lines: list[str]) -> Optional[str]:
    """An issuer printed in sentence case near the top (word-segmented crawls): "Ủy ban nhân dân tỉnh nghệ an"
    -> "Ủy ban nhân dân tỉnh Nghệ An".  Short lines only, starting with an organisation word."""
    for line in lines[:3]:
        words = line.split()
        if 2 <= len(words) <= 9 and not re.search(r"[,.;:/\d]", line) and _starts_head(_expand_upper(line.upper()).split()):
            return proper_case(line.upper())
    return None


@lru_cache(maxsize=None)
def _symbol_issuers() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rf"^{k}$"), v) for k, v in load("issuers.yaml")["symbol_issuers"].items())


def issuer_from_symbol(symbol: str) -> Optional[str]:
    """The central body named by a symbol's issuer code: "NĐ-CP" -> Chính phủ, "QH14" -> Quốc hội, "QĐ-TTg" ->
    Thủ tướng Chính phủ.  Local codes (UBND, SCT, ...) name no body by themselves: None."""
    code = symbol.split("-")[-1].split("/")[-1]
    return next((v for k, v in _symbol_issuers() if k.match(code)), None)


def _inline_type(lines: list[str]) -> tuple[list, Optional[str]]:
    """A type word inside a flattened line and the upper-case summary after it:
    "Hà Nội, ngày 31 tháng 7 năm 2024 QUYẾT ĐỊNH VỀ CƠ CHẾ, CHÍNH SÁCH ... THU HỒI Căn cứ Luật ..."."""
    for line in lines[:45]:
        # not a type word inside an upper-case phrase: "DỰ THẢO KẾ HOẠCH", "HỆ THỐNG BÁO CÁO TÀI CHÍNH"
        m = next((x for x in _inline_type_re().finditer(line)
                  if not (line[:x.start()].split() and is_upper_line(line[:x.start()].split()[-1]))), None)
        if not m:
            continue
        run, _ = upper_run(line[m.end():].split())
        title = _cut_role_tail(run).strip(" ,;:")
        if len(title.split()) >= 2:
            return types_by_name(m.group(1)), title
    return [], None


@lru_cache(maxsize=None)
def _inline_type_re() -> re.Pattern:
    names = sorted({d.name.upper() for d in doc_types()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")


@lru_cache(maxsize=None)
def _role_tail_re() -> re.Pattern:
    """The issuing authority printed after the summary: "... NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP"."""
    v = _vocab()
    titles = sorted(v.titles, key=len, reverse=True)
    heads = sorted((h for h, _ in v.heads), key=len, reverse=True)
    return re.compile(r"\s(?:" + "|".join(map(re.escape, titles)) + r")\s+(?:" + "|".join(map(re.escape, heads))
                      + r")\b")


#: Words that end a line of a summary that goes on: "... CỦA" / "BỘ CÔNG THƯƠNG"
CONNECTORS = ("CỦA", "VÀ", "VỚI", "GIỮA", "CHO", "TẠI", "VỀ", "THUỘC", "TRONG", "ĐỐI")


def _starts_authority(line: str) -> bool:
    """An upper-case line naming the enacting authority: "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "BỘ TRƯỞNG BỘ TƯ PHÁP"."""
    v = _vocab()
    words = _expand_upper(line).split()
    return any(_starts(words, h) for h, _ in v.heads) or any(_starts(words, t) for t in v.titles)


def _cut_role_tail(title: str) -> str:
    """Drop the issuing authority printed after an upper-case summary: "... NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP",
    but not an authority inside the summary ("... CỦA THỦ TƯỚNG CHÍNH PHỦ BAN HÀNH ...")."""
    found = list(_role_tail_re().finditer(title))
    if not found:
        return title
    m = found[-1]
    before = title[:m.start()].split()
    if not before or before[-1] in ("CỦA", "VÀ", "VỚI", "CHO") or len(title[m.start():].split()) > 8:
        return title
    return title[:m.start()]


def _read_title(lines: list[str], start: int) -> Optional[str]:
    """The summary lines from `start`, joined into one line."""
    out: list[str] = []
    upper = None
    for j in range(start, len(lines)):
        s = lines[j]
        if RULE.match(s) or ADDRESSEE.match(s) or ATTACHED_TO.match(s) or NUMBER_LINE.match(s):
            break
        if out and (BODY_START.match(s) and not out[-1].endswith((",", "và", "của", "về"))):
            break
        if out and is_upper_line(s) != upper and upper is not None and not s[0].islower():
            break                 # "Về việc ..." then "BỘ TRƯỞNG BỘ XÂY DỰNG"
        if out and is_upper_line(s) and _starts_authority(s) and not out[-1].split()[-1] in CONNECTORS:
            break                 # "... TRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP" then "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"
        date_m = DATE_WORDS.search(s)
        if date_m and date_m.start() < 40 and not out:
            continue
        run, rest = upper_run(s.split())
        if len(run.split()) >= 2 and rest and BODY_START.match(" ".join(rest)):
            out.append(run)       # "VỀ CƠ CHẾ, ... THU HỒI Căn cứ Luật Tổ chức ..." flattened by a crawl
            break
        out.append(s.strip())
        upper = is_upper_line(s) if upper is None else upper
        if s.endswith((".", ";")):
            break
    title = " ".join(out).strip()
    if is_upper_line(title):
        title = _cut_role_tail(title).strip()
    return title or None


# ---------------------------------------------------------------- Kính gửi
def _front_lines(doc: LaidOut, tree: list[Node]) -> list[str]:
    """The lines of the header and of the body before the first section."""
    header, body = split_header(doc)
    first = tree[0].start if tree else None
    lines: list[str] = []
    for b in header + body[:40]:
        if b in body and first is not None and b.start >= first:
            break
        texts = table_lines(b) if isinstance(b, Table) else b.text.split("\n") if isinstance(b, Paragraph) else []
        lines.extend(t for t in (clean(x) for x in texts) if t)
    return lines


def read_addressees(lines: list[str]) -> list[str]:
    """The addressees after "Kính gửi:" (kính gửi), one a line or flattened on one line:
    ["Kính gửi:", "- Các Sở, ban, ngành thuộc UBND tỉnh;", "- Công an tỉnh."] -> ["Các Sở, ban, ngành thuộc UBND tỉnh",
    "Công an tỉnh"].  The list ends at an item ending with "." or at the first line that is not an item."""
    start = next(((i, m) for i, m in enumerate(ADDRESSEE_AT.search(x) for x in lines[:60]) if m), None)
    if start is None:
        return []
    i, m = start
    items: list[str] = []
    rest = lines[i][m.end():].strip()
    chunks = [rest] if rest else []
    done = bool(rest) and not rest.startswith(("-", "–", "+", "•")) and rest.endswith(".")
    j = i + 1
    while not done and j < len(lines) and j < i + 30:
        t = lines[j]
        j += 1
        if CELL_RULE.match(t):
            continue
        if not chunks and (is_upper_line(t) or NUMBER_LINE.search(t) or SUMMARY_CV.match(t) or DATE_WORDS.search(t)):
            continue              # the other header column read in between: "ỦY BAN NHÂN DÂN", "Số: /UBND-NC", "V/v ..."
        wrapped = bool(chunks) and not chunks[-1].endswith((";", ".", ":")) and len(t) < 120 and not BODY_START.match(t)
        if t.startswith(("-", "–", "+", "•")) or (chunks and t[0].islower()) or wrapped \
                or (not chunks and not BODY_START.match(t) and not _starts_marker(t)):
            chunks.append(t)
            if t.endswith("."):
                break
        else:
            break
    for chunk in chunks:
        parts = [x for x in ITEM_DASH.split(chunk) if x.strip()]
        if not parts:
            continue
        if items and not chunk.lstrip().startswith(("-", "–", "+", "•")) and not items[-1].endswith((";", ".")):
            items[-1] = items[-1] + " " + parts[0]         # an item wrapped over two lines
            parts = parts[1:]
        items.extend(parts)
    return [y for y in (ITEM_EDGES.sub("", x) for x in items) if y]


# ---------------------------------------------------------------- signature and Nơi nhận
def _tail_lines(doc: LaidOut, tree: list[Node]) -> list[str]:
    """The lines of the signature block and Nơi nhận: body blocks that no section holds,
    from the first recipients/signature line on, before any appendix."""
    _, body = split_header(doc)
    held = {id(b) for n in tree for x in n.walk() for b in x.blocks}
    appendix_start = min((n.start for n in tree if n.marker == "appendix"), default=None)
    first = tree[0].start if tree else 0
    # a signature flattened into the paragraph that opens an appendix (web crawls)
    head_of = {}
    for n in tree:
        if n.marker == "appendix" and n.blocks and isinstance(n.blocks[0], Paragraph):
            cut = split_embedded_appendix(clean(n.blocks[0].text))
            if cut and cut[0] > 0:
                head_of[id(n.blocks[0])] = clean(n.blocks[0].text)[:cut[0]]
    lines: list[str] = []
    started = False
    for b in body:
        if id(b) in head_of:
            texts = [head_of[id(b)]]
        elif id(b) in held or b.start < first or (appendix_start is not None and b.start >= appendix_start):
            continue
        else:
            texts = table_lines(b) if isinstance(b, Table) else b.text.split("\n") if isinstance(b, Paragraph) else []
        for t in texts:
            t = clean(t)
            if not t:
                continue
            if not started and (RECIPIENTS_HEAD.match(t) or is_signature_line(t)
                                or is_signature_line(_trailing_upper(t)[1])
                                or t.startswith(_vocab().prefixes) and _explode_signature(t) != [t]):
                started = True
            if started:
                lines.append(t)
    return lines


def _trailing_upper(line: str) -> tuple[str, str]:
    """(head, the run of upper-case words at the end): "- Bộ Nông nghiệp (để báo cáo); PHÓ CHỦ TỊCH"."""
    words = line.split()
    k = len(words)
    while k > 0 and not any(c.islower() for c in words[k - 1]) and any(c.isalpha() for c in words[k - 1]):
        k -= 1
    if k > 0 and words[k - 1] in ("TM.", "KT.", "TL.", "TUQ.", "Q."):
        k -= 1
    return " ".join(words[:k]), " ".join(words[k:])


def is_person(text: str) -> bool:
    """'Mai Sơn', 'Nguyễn Thành Sinh', 'NGUYỄN VĂN A': 2 to 5 capitalised words."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() and (w[1:].islower() or w.isupper())
                                        for w in words)


def _split_signature(line: str) -> tuple[str, Optional[str]]:
    """A tail line into (recipient part, signature part): "- Như trên; KT. CHỦ TỊCH"."""
    if is_signature_line(line):
        return "", line
    head, run = _trailing_upper(line)
    if run and is_signature_line(run):
        return head, run
    # a title at the head of a recipient line wrapped beside it: "TRƯỞNG ĐOÀN tiện Phục vụ Đoàn kiểm tra);"
    run, rest = upper_run(line.split())
    if run and rest and rest[0][:1].islower() and is_signature_line(run) and not line.startswith(("-", "+", "•")):
        return " ".join(rest), run
    # "Nơi nhận: KT. CHỦ TỊCH" or "- Như trên; TM. ỦY BAN NHÂN DÂN" with the prefix in the middle
    m = re.search(r"\s((?:TM|KT|TL|TUQ|Q)\.\s*[A-ZĐÀ-Ỹ ]+)$", line)
    if m and is_upper_line(m.group(1)):
        return line[:m.start()].strip(), m.group(1)
    return line, None


def upper_run(words: list[str]) -> tuple[str, list[str]]:
    """The leading words with no lower-case letter, and the words after them."""
    k = 0
    while k < len(words) and not any(c.islower() for c in words[k]):
        k += 1
    return " ".join(words[:k]), words[k:]


def _name_run(words: list[str]) -> str:
    """A person's name at the head of `words`: capitalised words, 2 to 5 of them."""
    k = 0
    while k < len(words) and k < 5 and words[k][:1].isupper() and words[k][1:].islower() and words[k].isalpha():
        k += 1
    return " ".join(words[:k]) if k >= 2 else ""


def _explode_signature(line: str) -> list[str]:
    """A signature flattened onto one line, into its lines:
    "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà" -> ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Hồng Hà"]."""
    v = _vocab()
    inner = INNER_PREFIX.search(line)
    if inner and line.startswith(("-", "+", "•")):
        # "- Lưu: VT, TXNK (30b) KT. TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG Nguyễn Dương Thái"
        return [line[:inner.start()].strip()] + _explode_signature(line[inner.start():].strip())
    if line.startswith(("-", "+", "•")):
        words = line.split()
        name = " ".join(words[-3:]) if is_person(" ".join(words[-3:])) else " ".join(words[-2:])
        head = line[:len(line) - len(name)].rstrip()
        head, run = _trailing_upper(head)
        if is_person(name) and run and all(x.strip() in v.titles for x in run.split(",") if x.strip()):
            # "- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng"
            return [head, run, name]
        return [line]
    if not line.startswith(v.prefixes):
        return [line]
    upper, rest_words = upper_run(line.split())
    name = _name_run(rest_words)
    if not upper or (not name and rest_words):
        return [line]
    out: list[str] = []
    parts = [p for p in re.split(r"\s(?=(?:TM|KT|TL|TUQ|Q)\.\s)", upper) if p]
    for part in parts:
        prefix = next((p for p in v.prefixes if part.startswith(p)), "")
        rest = part[len(prefix):].strip()
        title = next((t for t in sorted(v.titles, key=len, reverse=True)
                      if rest.endswith(" " + t) and len(rest) > len(t)
                      and (rest[:-len(t)].strip() in v.titles or prefix in v.on_behalf_prefixes)), None)
        if title:
            out += [f"{prefix} {rest[:-len(title)].strip()}".strip(), title]
        else:
            out.append(part)
    if name:
        out.append(name)
    return out


def _read_signers(lines: list[str]) -> tuple[list[Signer], list[str], list[str]]:
    """(signers, recipients, lines where a name was expected but a title-like text stood)."""
    v = _vocab()
    notes: list[str] = []
    signers: list[Signer] = []
    recipients: list[str] = []
    cur: dict = {}
    in_recipients = False
    exploded: list[str] = []
    for line in lines:
        exploded.extend(_explode_signature(line))
    for line in exploded:
        rec, sig = _split_signature(line)
        if rec:
            m = RECIPIENTS_HEAD.match(rec)
            if m:
                in_recipients = True
                rest = rec[m.end():].strip(" :")
                if rest:
                    recipients.append(ITEM_EDGES.sub("", rest))
            elif BULLET.match(rec) or rec.startswith(("-", "+", "•")) or (in_recipients and rec[0].islower()):
                item = ITEM_EDGES.sub("", rec)
                if item:
                    recipients.append(item)
            elif SIGNED_MARK.match(rec):
                pass
            elif is_title_like(rec) and (cur or not signers) and is_person(rec):
                # an OCR'd title where the name should be: "PHO GIAM ĐỌC"; the title when it folds to one
                if fold(rec) in _folded_titles() and "title" not in cur:
                    cur["title"] = _folded_titles()[fold(rec)]
                else:
                    notes.append(rec)
            elif is_person(rec) and is_upper_line(rec) and _starts_authority(rec) and "title" in cur:
                cur["title"] += " " + proper_case(rec)     # "PHÓ GIÁM ĐỐC" / "SỞ CÔNG THƯƠNG LÀO CAI"
            elif is_person(rec) and (cur or not signers) and (not is_upper_line(rec) or cur):
                cur["name"] = _name_case(rec)
                signers.append(Signer(**cur))
                cur = {}
                in_recipients = False
            elif in_recipients and recipients and not sig:
                recipients[-1] = ITEM_EDGES.sub("", recipients[-1] + " " + rec)
        if sig:
            sig = clean(sig)
            prefix = next((p for p in v.prefixes if sig.startswith(p)), None)
            if prefix:
                rest = sig[len(prefix):].strip(" .")          # "T/M. ĐOÀN KIỂM TRA"
                label = prefix if prefix.endswith(".") else prefix.replace("/", "") + "."
                if prefix in v.on_behalf_prefixes:
                    if "on_behalf_of" in cur and ("title" in cur or "capacity" in cur):
                        signers.append(Signer(**cur))
                        cur = {}
                    cur["on_behalf_of"] = f"{label} {_collective_case(rest)}"
                else:
                    cur["capacity"] = f"{label} {_title_case(rest)}"
            else:
                cur["title"] = _title_case(sig)
    if cur and ("title" in cur or "capacity" in cur):
        signers.append(Signer(**cur))
    return signers, [r for r in recipients if r], notes


def _title_case(t: str) -> str:
    v = _vocab()
    t = " ".join(t.split())
    if "," in t:
        return ", ".join(_title_case(x) for x in t.split(",") if x.strip())
    if t.upper() in v.titles:
        return v.titles[t.upper()]
    if t.upper() in v.collectives:
        return v.collectives[t.upper()]
    # "CHỦ TỊCH ỦY BAN NHÂN DÂN" and other titles followed by a body
    for up, proper in sorted(v.titles.items(), key=lambda kv: -len(kv[0])):
        if t.upper().startswith(up + " "):
            return proper + " " + proper_case(t[len(up):].strip())
    return proper_case(t) if is_upper_line(t) else t


def _collective_case(t: str) -> str:
    v = _vocab()
    if t.upper() in v.collectives:
        return v.collectives[t.upper()]
    return proper_case(t)


def _name_case(name: str) -> str:
    if is_upper_line(name):
        return " ".join(w.capitalize() for w in name.split())
    return name


# ---------------------------------------------------------------- entry point
def extract_metadata(doc: LaidOut, tree: list[Node]) -> tuple[Metadata, list[Warning]]:
    warnings: list[Warning] = []
    lines = _header_lines(doc)
    meta = Metadata()

    num_i, number, year, symbol, sep, unreadable = _read_number(lines)
    type_i, type_entries = _type_line(lines)
    inline_title = None
    if type_i is None:
        type_entries, inline_title = _inline_type(lines)
    if type_i is None and not type_entries:
        type_entries, inline_title = _opening_type(lines)
    cv_i = next((i for i, s in enumerate(lines[:45]) if SUMMARY_CV.match(s)), None)

    # issuer: the upper-case lines above the Số line (or above the type line)
    stop = num_i if num_i is not None else type_i if type_i is not None else min(len(lines), 8)
    if num_i is not None:
        # the Số line itself may carry the second issuer line on the left ("TỈNH LÀO CAI Số: ...")
        stop = num_i + 1
    anchored = num_i is not None or any(MOTTO_FOLDED.search(fold(x)) for x in lines[:40])
    name, parent = _read_issuer(lines, stop, anchored)
    if not name and not anchored:
        name = _sentence_case_issuer(lines)
    if not name and symbol and issuer_from_symbol(symbol):
        name = issuer_from_symbol(symbol)
        warnings.append(Warning(code="issuer_from_symbol",
                                message=f"no issuer lines in the header: '{name}' read from the symbol {symbol}"))
    meta.issuer = Issuer(name=name, parent=parent)
    if not name:
        warnings.append(Warning(code="issuer_missing", message="no issuer found in the header" + (
            "" if anchored else " (no national motto or 'Số:' line, and no line starting with an organisation word)")))

    # number, symbol, identifier
    meta.symbol = symbol
    meta.number = number
    if number and symbol:
        if sep == "-" and "/" in symbol:
            meta.identifier = f"{number}-{symbol}"          # Party style 123-KH/TU
        elif year:
            meta.identifier = f"{number}/{year}/{symbol}"
        else:
            meta.identifier = f"{number}/{symbol}"
    if symbol is None:
        warnings.append(Warning(code="number_missing", message="no 'Số:' line found in the header"))
    elif number is None and unreadable:
        warnings.append(Warning(code="number_unreadable", message=f"the number before /{symbol} cannot be read (OCR)"))
    elif number is None:
        warnings.append(Warning(code="number_blank", message=f"the number before /{symbol} is blank"))

    # document type: the type line; else the symbol's code; a V/v summary makes a công văn
    code_in_symbol = None
    if symbol:
        m = SYMBOL_CODE.match(symbol)
        entry = type_by_code(m["code"]) if m else None
        code_in_symbol = entry
    dtype = None
    if type_entries and type_i is None and code_in_symbol \
            and not any(e.code == code_in_symbol.code for e in type_entries):
        # a type word met inside a line ("HỆ THỐNG BÁO CÁO TÀI CHÍNH" in 102/2018/TT-BTC) is weaker than the symbol
        type_entries, inline_title = [], None
    if type_entries:
        dtype = next((e for e in type_entries if code_in_symbol and e.code == code_in_symbol.code), type_entries[0])
        if code_in_symbol and code_in_symbol.code != dtype.code:
            warnings.append(Warning(code="doc_type_mismatch",
                                    message=f"the type line says {dtype.name} but the symbol {symbol} has the code "
                                            f"{code_in_symbol.code}"))
    elif cv_i is not None or (symbol and code_in_symbol is None):
        dtype = type_by_code("CV")
    elif code_in_symbol:
        dtype = code_in_symbol
    if dtype:
        meta.doc_type = DocType(code=dtype.code, name=dtype.name)
    else:
        warnings.append(Warning(code="doc_type_missing", message="no document type found"))

    # place and date: the first "..., ngày ... tháng ... năm ..." of the header
    place = date = None
    for i in sorted(range(min(len(lines), 40)), key=lambda i: not PLACE_DATE.search(lines[i])):
        if BODY_START.match(lines[i]):
            continue              # "Căn cứ Luật ... ngày 26/11/2003": a cited document's date
        window = " ".join(lines[i:i + 2])
        if DATE_WORDS.search(lines[i]) or DATE_FIGURES.search(lines[i]) or \
                (i + 1 < len(lines) and (DATE_WORDS.search(window) or DATE_FIGURES.search(window))
                 and not (DATE_WORDS.search(lines[i + 1]) or DATE_FIGURES.search(lines[i + 1]))):
            text = lines[i] if (DATE_WORDS.search(lines[i]) or DATE_FIGURES.search(lines[i])) else window
            text = NUMBER_LINE.sub(" ", _strip_mottos(text))
            place, date, dm = _read_place_date(text)
            if dm and not PLACE_DATE.search(text) and CITED_BEFORE.search(text[:dm.start()]):
                place = date = None      # the date of a cited document: "văn bản số 2600/ttg-ktth ngày 30 tháng 12"
                continue
            break
    if place is None:
        blank = next((m for m in (DATE_BLANK.search(x) for x in lines[:40]) if m), None)
        if blank:               # "Hà Nội, ngày tháng năm": the place only
            place = _read_place_date(blank.group(0).replace("năm", "năm 2000"))[0]
    meta.place = place
    meta.date = date
    if not date:
        warnings.append(Warning(code="date_missing", message="no place and date line found in the header"))

    # title: the summary under the type line; for a công văn the V/v lines
    title = None
    if type_i is not None:
        title = _read_title(lines, type_i + 1)
    if title is None and cv_i is not None:
        title = _read_title(lines, cv_i)
    if title is None:
        title = inline_title
    meta.title = title
    if not title:
        warnings.append(Warning(code="title_missing", message="no summary line under the document type"))

    # addressees of a công văn (Kính gửi)
    meta.addressees = read_addressees(_front_lines(doc, tree))

    # signers and recipients
    signers, recipients, notes = _read_signers(_tail_lines(doc, tree))
    for text in notes:
        warnings.append(Warning(code="signer_name_unreadable",
                                message=f"'{text}' stands where the signer's name should be but reads as a title"))
    meta.signers = signers
    meta.recipients = recipients
    if not signers:
        warnings.append(Warning(code="signer_missing", message="no signature block found"))
    for sg in signers:
        if not sg.name:
            warnings.append(Warning(code="signer_name_missing",
                                    message=f"no readable name under '{sg.title or sg.capacity or sg.on_behalf_of}'"))
    return meta, warnings
