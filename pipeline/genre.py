"""Document or not (văn bản hay không): does the text open with a Decree-30 header?

    check_document(seg: Segmented) -> None       raises NotADocument with what the text looks like
    header_layout(seg) -> HeaderLayout           the anchors of the header zone, in order

A page that quotes a document is not that document.  The decision reads the LAYOUT of the
header zone (pipeline.segment), not the presence of words anywhere:

  anchors   issuer block (upper-case lines at the top), motto block (CỘNG HÒA XÃ HỘI CHỦ
            NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc), `Số:` line, `<Place>, ngày ...`
            line, type line (QUYẾT ĐỊNH, NGHỊ QUYẾT, ...);
  position  the header zone starts with an anchor: no prose line (a sentence of a web
            page, a question, a news lead) comes before the first anchor;
  order     two anchors or more of different kinds, the type line after the issuer,
            motto, Số and date lines;
  or        a converter that dropped the emblem block: the text starts with the type
            line, its title, then the enacting authority or `Căn cứ` (issue 9, class 3);
  or        an attachment printed on its own: the text starts with its PHỤ LỤC head.

A rejected text gets a reason that says what it looks like: `a web page that quotes
381/QĐ-BTC, not a document (its first lines are prose, not an issuer, motto, Số or
place/date line)`.  Measured on the pool by bench/genre.py.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from vanban.lexicon import load
from vanban.lexicon.patterns import BODY_OPENER, MOTTO, MOTTO_SUB, alternation
from vanban.lexicon.signature import is_signature_line
from vanban.lexicon.text import is_upper_line

from .errors import NotADocument
from .markers import ARTICLE
from .segment import Segmented, lines_of
from .segment.header import DATE_LINE, NUMBER_LINE, SENTENCE_END, is_upper, type_names
from .types import Paragraph

YEAR_WORD = re.compile(r"\bnăm\b|\d{4}")

#: a document identifier a page quotes: "381/QĐ-BTC", "80/2025/QH15", "45-NQ/TW"
IDENTIFIER = re.compile(r"(?<![\w/])\d{1,5}(?:/\d{4})?(?:/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ][A-ZĐ0-9]*)*"
                        r"|-[A-ZĐ][A-ZĐ0-9]*/[A-ZĐ][A-ZĐ0-9]*)(?![\w/])")
#: a legal portal's banner line: "Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT ..."
_BANNER = re.compile(alternation(load("header_words.yaml")["portal_banner"]))
#: the motto in any case
_MOTTO_ANY = re.compile(MOTTO.pattern, re.IGNORECASE)
#: a prose line: a sentence of six words or more with lower-case words
PROSE_WORDS = 6
#: how many header lines the anchors are looked for in (issuer 2-3, motto 2, Số, date, type, title)
HEADER_SPAN = 12


@dataclass(frozen=True)
class HeaderLayout:
    """The header zone read as anchors: `kinds` in order ("issuer", "motto", "number", "date",
    "type"), and the lines that came before the first anchor."""
    kinds: tuple[str, ...]
    before: tuple[str, ...]
    lines: tuple[str, ...]


def check_document(seg: Segmented) -> None:
    """Raise NotADocument unless the text opens with a Decree-30 header."""
    layout = header_layout(seg)
    if _is_document(layout, seg):
        return
    raise NotADocument(seg.doc.raw.path, _reason(layout, seg))


def header_layout(seg: Segmented) -> HeaderLayout:
    """The anchors of the header zone's first HEADER_SPAN lines from its first anchor on; a
    legal portal's banner lines (header_words.yaml portal_banner) are no part of the page."""
    zones = seg.zones
    # the header zone, then the first body lines: a portal's panel can end layout's header
    # window before the document's own Số and date lines (pool md/265ff514762b4c47)
    opening = [b for b in zones.preamble + zones.body if isinstance(b, Paragraph)][:HEADER_SPAN]
    lines = [t for t in _lines(zones.header) + _lines(opening) if not _BANNER.search(t)]
    kinds: list[str] = []
    before: list[str] = []
    first = None
    for k, text in enumerate(lines):
        if first is not None and k >= first + HEADER_SPAN:
            break
        kind = _anchor(text, kinds, first_line=k == 0)
        if kind is None:
            if first is None:
                before.append(text)
            continue
        first = k if first is None else first
        if not kinds or kinds[-1] != kind:
            kinds.append(kind)
    return HeaderLayout(kinds=tuple(kinds), before=tuple(before), lines=tuple(lines))


def _lines(blocks) -> list[str]:
    return [t for t in (x.strip(" |") for x in lines_of(blocks)) if t]


def _anchor(text: str, seen: list[str], first_line: bool = False) -> Optional[str]:
    if MOTTO.search(text) or MOTTO_SUB.search(text) or _motto_any_case(text):
        return "motto"
    if NUMBER_LINE.match(text):
        return "number"
    if DATE_LINE.match(text) and YEAR_WORD.search(text):
        return "date"
    if _is_type_line(text.lstrip("_*-–. ")) or first_line and _is_title_line(text):   # OCR: "_ LUẬT . SỬA ĐỔI ..."
        return "type"
    if is_upper_line(text) and len(text) <= 80 and not any(c.isdigit() for c in text) \
            and (not seen or seen == ["issuer"]):
        return "issuer"           # "ỦY BAN NHÂN DÂN" / "TỈNH ĐỒNG THÁP" above the motto and Số
    return None


def _motto_any_case(text: str) -> bool:
    """The motto in lower case on a short header line, not inside a sentence ("nước Cộng hòa ..."):
    "Bộ Tài chính   cộng hòa xã hội chủ nghĩa việt nam" (a transcript of an old TCVN3 file, corpus legacy)."""
    m = _MOTTO_ANY.search(text)
    return bool(m) and len(text.split()) <= 14 and not text[:m.start()].rstrip().lower().endswith("nước")


def _is_type_line(text: str) -> bool:
    """"NGHỊ QUYẾT", "QUYẾT ĐỊNH:", "LUẬT" (upper case, the type name alone or before its summary)."""
    t = text.rstrip(" :")
    head = next((n for n in type_names() if t.startswith(n)), None)
    if head is None or not is_upper(head):
        return False
    rest = t[len(head):]
    return not rest or not rest[0].isalnum() or rest[0].isupper()     # "NGHỊ ĐỊNHVề hợp đồng ..." (glued)


def _is_title_line(text: str) -> bool:
    """A crawl's first line naming the type in sentence case, with no sentence end (corpus 078):
    "Quyết định ban hành kế hoạch triển khai thực hiện đề án ... năm 2005"."""
    first = " ".join(text.split()[:3]).upper()
    return any(first.startswith(n + " ") for n in type_names()) and not SENTENCE_END.search(text) \
        and not IDENTIFIER.search(text[:40])


def _is_prose(text: str) -> bool:
    words = text.split()
    return len(words) >= PROSE_WORDS and sum(w[:1].islower() for w in words) >= len(words) // 2


def _is_document(layout: HeaderLayout, seg: Segmented) -> bool:
    zones = seg.zones
    if zones.appendices and not (zones.header or zones.preamble or zones.body):
        return True                       # an attachment printed on its own: PHỤ LỤC, its title, its table (074)
    own = _own_identifier(layout)
    if any(_is_prose(t) and not (own and own in t and _is_title_line(t.split(own)[0] + " x")) for t in layout.before):
        return False                      # a page title, a question or a news lead above the header
        # (a portal's title naming this very document is no prose of a page: "Công văn
        # 2739/VPCP-ĐMDN năm 2019 quy định ..." above "Số: 2739/VPCP-ĐMDN", corpus 029)
    kinds = layout.kinds
    if len(set(kinds) - {"type"}) >= 2 or (kinds and kinds[0] != "type" and "type" in kinds):
        return True                       # issuer / motto / Số / date, then the type line
    if kinds[:1] == ("type",):
        return _titled_body(seg)          # the emblem block dropped: NGHỊ QUYẾT / title / QUỐC HỘI / Căn cứ
    return False


def _own_identifier(layout: HeaderLayout) -> Optional[str]:
    """The identifier the header's Số line prints: "2739/VPCP-ĐMDN"."""
    for text in layout.lines:
        if NUMBER_LINE.match(text):
            m = IDENTIFIER.search(text)
            return m.group() if m else None
    return None


def _titled_body(seg: Segmented) -> bool:
    """After a lone type line: its title, then within three paragraphs the enacting authority
    (upper case: "QUỐC HỘI", not the type again), a `Căn cứ` line or an article; a prose paragraph
    first says no.  A news page (pool 2233d80f) heads its copy `# THÔNG CÁO ĐẶC BIỆT VỀ LỄ QUỐC TANG
    ...`, `### Nội dung chính`, then the quoted `**THÔNG CÁO ĐẶC BIỆT**` and prose."""
    texts = _lines(seg.zones.header)[1:] + _lines(seg.zones.preamble[:6] + seg.zones.body[:6])
    for k, text in enumerate(texts[:4]):
        if BODY_OPENER.match(text.lstrip("-– ")) or ARTICLE.match(text) \
                or is_upper_line(text) and not _is_prose(text) and not _is_type_line(text) \
                or is_signature_line(text):       # a type line again is a page's headline over a quoted text
            return True
        if k and _is_prose(text):
            return False
    return False


def _reason(layout: HeaderLayout, seg: Segmented) -> str:
    cited = Counter(IDENTIFIER.findall(seg.doc.text))
    raw = seg.doc.raw
    web = raw.format == "html" or "md" in (raw.detail or "").split(",") or seg.doc.text.lstrip().startswith("#")
    what = "a web page" if web else "a text"          # "# Tiêu đề": a page title in Markdown
    if cited:
        top = max(cited.items(), key=lambda kv: (kv[1], -seg.doc.text.find(kv[0])))[0]
        what += f" that quotes {top}"
    if layout.before and any(_is_prose(t) for t in layout.before):
        why = "its first lines are prose, not an issuer, motto, Số or place/date line"
    elif not layout.kinds:
        why = "no issuer, motto, Số, place/date or type line at its top"
    else:
        why = f"its top has only {' and '.join(dict.fromkeys(layout.kinds))}, not a Decree-30 header"
    return f"{what}, not a document (no administrative document header: {why})"
