"""Stage 6a, resolve: citations -> distinct references (short forms, aliases, self-citation).

    resolve_references(citations, doc, metadata) -> tuple[list[Reference], list[Warning]]

Like eyecite's resolver: every full citation opens (or joins) one reference keyed by
its canonical identifier; a short form (`Chỉ thị 11`, an alias the document defines,
a later `Nghị quyết số 45-NQ/TW` without its date) joins the reference it stands for.
A law cited by name is keyed by its name and year.  The document citing itself
(`Số: /KH-UBND`, `Kèm theo Kế hoạch số /KH-UBND ngày /6/2024 ...`) is kept with
`is_self: true`.  Conflicts and doubts become warnings, never guesses.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from vanban import lexicon
from vanban.extractors.references import Citation
from vanban.extractors.relations import with_relations
from vanban.schemas.models import DocType, Mention, Metadata, Reference, Warning

from vanban.lexicon import fold_key
from vanban.lexicon.patterns import SPACES, alternation
from vanban.lexicon.header import issuer_from_symbol
from .types import LaidOut

DIGIT = re.compile(r"\d")
ISSUER_LIST = re.compile(r",|\s+và\s+")          # joint issuers


@dataclass
class _Group:
    key: str
    cits: list[Citation] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


class _Groups:
    """Citations grouped by the document they cite, in order of first mention."""

    def __init__(self) -> None:
        self.by_key: dict[str, _Group] = {}
        self.order: list[str] = []

    def get(self, key: str) -> _Group:
        if key not in self.by_key:
            self.by_key[key] = _Group(key)
            self.order.append(key)
        return self.by_key[key]

    def rename(self, old: str, new: str) -> None:
        g = self.by_key.pop(old)
        self.order[self.order.index(old)] = new
        g.key = new
        self.by_key[new] = g

    def merge_into(self, key: str, target: str) -> None:
        self.by_key[target].cits.extend(self.by_key.pop(key).cits)
        self.order.remove(key)

    def __iter__(self):
        return (self.by_key[k] for k in list(self.order))


def resolve_references(citations: list[Citation], doc: LaidOut, metadata: Metadata) -> tuple[list[Reference], list[Warning]]:
    """Distinct references from the citations, in passes: group the full citations, join the cut
    symbols and the laws named by title, attach aliases and short forms, then build one Reference
    per group."""
    groups = _group_full(citations)
    _merge_truncated(groups)
    _merge_law_titles(groups)
    _attach_short_forms(groups, citations, doc.text)
    refs, warnings = _build_references(groups, metadata)
    refs = _mark_consolidated(with_relations(refs, doc.text), doc.text, metadata)
    return refs, _citation_warnings(citations) + warnings


def _group_full(citations: list[Citation]) -> _Groups:
    """One group per identifier (or per law name and year) of the full citations."""
    groups = _Groups()
    law_latest: dict[str, str] = {}          # law name slug -> key of its latest dated group
    for c in citations:
        if c.kind == "full":
            if c.identifier:
                key = "ref:" + _ident_key(c.identifier)
            elif c.symbol:
                key = "self:" + _ident_key(c.symbol)       # number left blank
            else:
                continue
            groups.get(key).cits.append(c)
        elif c.kind == "law_name":
            slug = _slug(c.title or "")
            if not slug:
                continue
            year = (c.date or "")[:4]
            if year:
                key = f"ref:luat:{slug}:{year}"
                law_latest[slug] = key
                undated = groups.by_key.get(f"ref:luat:{slug}")
                if undated is not None and not undated.cits[0].date:
                    groups.rename(undated.key, key)      # an earlier mention without year: the same law
            else:
                key = law_latest.get(slug, f"ref:luat:{slug}")
            groups.get(key).cits.append(c)
    return groups


def _merge_truncated(groups: _Groups) -> None:
    """A symbol cut by a line break joins the full one: `105/2025/NĐ-` / `của` -> 105/2025/NĐ-CP."""
    for g in groups:
        if all(c.truncated for c in g.cits):
            target = next((k for k in groups.order if k != g.key and k.startswith(g.key + "-")), None)
            if target:
                groups.merge_into(g.key, target)


def _merge_law_titles(groups: _Groups) -> None:
    """A law named by its title after being cited with its number: `Luật Phòng cháy, chữa cháy và cứu nạn,
    cứu hộ số 55/2024/QH15`, later `Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ`."""
    by_title = {_slug(c.title): g.key for g in groups for c in g.cits if c.kind == "full" and c.title}
    for g in groups:
        if g.key.startswith("ref:luat:") and not g.cits[0].date:
            target = by_title.get(_slug(g.cits[0].title or ""))
            if target:
                groups.merge_into(g.key, target)


def _attach_short_forms(groups: _Groups, citations: list[Citation], text: str) -> None:
    """Aliases the document defines, short forms (`Chỉ thị 11`) and later uses of an alias join their reference."""
    alias_owner: dict[str, str] = {}
    for g in groups:
        for c in g.cits:
            if c.alias:
                owner = _alias_target(c, g.key, groups.by_key, groups.order)
                if c.alias not in groups.by_key[owner].aliases:
                    groups.by_key[owner].aliases.append(c.alias)
                alias_owner[c.alias.casefold()] = owner
    for c in citations:
        if c.kind != "short":
            continue
        key = alias_owner.get(" ".join(c.text.split()).casefold())
        if key is None:
            key = _short_target(c, groups.by_key, groups.order)
        if key is None:
            continue
        groups.by_key[key].cits.append(c)
    _alias_mentions(text, groups.by_key, citations)


def _citation_warnings(citations: list[Citation]) -> list[Warning]:
    """A citation whose identifier could not be read, and a type word that disagrees with the symbol."""
    warnings: list[Warning] = []
    for c in citations:
        if c.kind == "unparsed":
            warnings.append(Warning(code="reference_unparsed",
                                    message=f"a citation whose identifier could not be read: {c.text!r}",
                                    location=c.section))
        if c.problem == "type_mismatch":
            warnings.append(Warning(code="reference_malformed",
                                    message=f"the type word disagrees with the code of the symbol: {c.text!r}",
                                    location=c.section))
    return warnings


def _build_references(groups: _Groups, metadata: Metadata) -> tuple[list[Reference], list[Warning]]:
    """One Reference per group holding a full citation; ids kept unique (`ref:self:KH-UBND`, `ref:self:KH-UBND-2`)."""
    refs: list[Reference] = []
    warnings: list[Warning] = []
    seen_ids: Counter = Counter()
    for g in groups:
        if not any(c.kind in ("full", "law_name") for c in g.cits):
            continue
        ref, w = _reference(g, metadata)
        seen_ids[ref.id] += 1
        if seen_ids[ref.id] > 1:
            ref.id = f"{ref.id}-{seen_ids[ref.id]}"
        refs.append(ref)
        warnings += w
    return _one_self(refs), warnings


#: Where the statement of a consolidated text ends and the consolidated document's own text begins:
#: its first enacting clause or article ("Căn cứ Nghị định số 106/2012/NĐ-CP ...", "Điều 1.", "Chương I")
_ENACTING_START = re.compile(r"(?m)^[\s*_#>|]*(?:Căn cứ|Xét đề nghị|Theo đề nghị|Điều\s+1\b|Chương\s+I\b|CHƯƠNG\s+I\b)")


def _mark_consolidated(refs: list[Reference], text: str, metadata: Metadata) -> list[Reference]:
    """In a consolidated text (văn bản hợp nhất, VBHN) the documents its opening statement names ("Thông tư số
    32/2016/TT-BLĐTBXH ..., được sửa đổi, bổ sung bởi: Thông tư số 12/2024/TT-BLĐTBXH ...") are the ones it
    consolidates: relation `consolidates`.  The text's own number (`Số: 57/VBHN-BCT`) is the document itself, not
    a source it consolidates: its self-reference keeps `cites` although its code is VBHN."""
    if metadata.doc_type.code != "VBHN":
        return refs
    start = _ENACTING_START.search(text)
    end = start.start() if start else len(text)
    return [r.model_copy(update={"relation": "cites"}) if r.is_self else
            r.model_copy(update={"relation": "consolidates"}) if r.mentions and r.mentions[0].start < end else r
            for r in refs]


def _one_self(refs: list[Reference]) -> list[Reference]:
    """At most one reference is the document itself: every self-mention (`Số: 2914/QĐ-UBND`, an appendix's
    `Kèm theo Quyết định số /QĐ-UBND`) joins the first self reference that carries a number."""
    selves = [r for r in refs if r.is_self]
    if len(selves) < 2:
        return refs
    keep = next((r for r in selves if r.identifier), selves[0])
    mentions = sorted((m for r in selves for m in r.mentions), key=lambda m: m.start)
    aliases = list(dict.fromkeys(a for r in selves for a in r.aliases))
    merged = keep.model_copy(update={"mentions": mentions, "aliases": aliases,
                                     "date": keep.date or next((r.date for r in selves if r.date), None)})
    return [merged if r is keep else r for r in refs if not r.is_self or r is keep]


def _reference(g: _Group, metadata: Metadata) -> tuple[Reference, list[Warning]]:
    full = [c for c in g.cits if c.kind in ("full", "law_name")]
    first = full[0]
    warnings: list[Warning] = []
    dates = [c.date for c in full if c.date]
    date = None
    if dates:
        counts = Counter(dates)
        first_at = {d: i for i, d in reversed(list(enumerate(dates)))}
        date = max(first_at, key=lambda d: (counts[d], len(d), -first_at[d]))
        distinct = set(dates)          # (a reference cited 10,000 times: compare distinct dates, not every pair)
        specific = {d for d in distinct if not any(o != d and o.startswith(d) for o in distinct)}
        if len(specific) > 1:
            warnings.append(Warning(code="reference_date_conflict",
                                    message=f"{first.identifier or first.title} is cited with different dates: {sorted(specific)}",
                                    location=first.section))
    issuers = [_named_by_symbol(c.issuer, first.symbol) for c in full if c.issuer]
    issuer = next((i for i in issuers if not i.isupper()), issuers[0] if issuers else None)
    if issuer is None and first.symbol:
        issuer = issuer_from_symbol(first.symbol)      # `QĐ-TTg` -> Thủ tướng Chính phủ, when the text names none
    folded = {_body_of(i) for i in issuers if not i.isupper()}
    if any(not (a in b or b in a) for a in folded for b in folded):
        warnings.append(Warning(code="reference_issuer_conflict",
                                message=f"{first.identifier or first.title} is attributed to different issuers: {sorted(set(issuers))}",
                                location=first.section))
    subject = next((c.subject for c in full if c.subject), None)
    is_self = _is_self(full, metadata, date)
    if (not is_self and date and metadata.date and _after(date, metadata.date)):
        warnings.append(Warning(code="reference_after_document",
                                message=f"{first.identifier or first.title} is dated {date}, after the document itself ({metadata.date})",
                                location=first.section))
    ref_id = "ref:" + first.identifier if first.identifier else (
        "ref:self:" + (first.symbol or "") if g.key.startswith("self:") else g.key)
    if is_self and not first.identifier:
        ref_id = "ref:self"
    mentions = [Mention(section=c.section, start=c.start, end=c.end, text=c.text)
                for c in sorted(g.cits, key=lambda c: c.start)]
    return Reference(
        id=ref_id,
        doc_type=DocType(code=first.type_code, name=first.type_name),
        number=first.number, year=first.year, symbol=first.symbol, identifier=first.identifier,
        date=date, issuer=issuer, subject=subject, aliases=g.aliases, mentions=mentions,
        is_self=is_self, title=next((c.title for c in full if c.title), None),
    ), warnings


def _is_self(full: list[Citation], metadata: Metadata, date: Optional[str]) -> bool:
    """The document citing itself: its own identifier, or its symbol with the number left
    blank, or an appendix header `Kèm theo <its type> số ...` that does not contradict metadata."""
    first = full[0]
    if first.kind != "full":
        return False
    own_id = metadata.identifier and _ident_key(metadata.identifier)
    if own_id and first.identifier and _ident_key(first.identifier) == own_id:
        return True
    same_symbol = bool(metadata.symbol) and _ident_key(metadata.symbol) == _ident_key(first.symbol or "")
    if first.identifier is None and (same_symbol or not metadata.symbol):
        return True
    if same_symbol and first.year is None and first.number and first.number == metadata.number:
        return True                   # its own number cited without the year: `Thông tư số 55/TT-BCT` in 55/2025/TT-BCT
    if any(c.self_hint for c in full):
        if own_id:
            return False              # it names another number: an attached document of its own
        return same_symbol or not metadata.symbol
    return False


def _alias_target(c: Citation, key: str, groups: dict[str, _Group], order: list[str]) -> str:
    """The reference a short form defines a name for.  An alias that names an identifier
    belongs to it even when it closes a longer sentence: `Kế hoạch số 123-KH/TU ... thực hiện Nghị
    quyết số 45-NQ/TW ... (viết tắt là Kế hoạch số 123-KH/TU)`."""
    folded = _ident_key(c.alias)
    for k in order:
        ident = groups[k].cits[0].identifier
        if ident and _ident_key(ident) in folded:
            return k
    return key


def _short_target(c: Citation, groups: dict[str, _Group], order: list[str]) -> Optional[str]:
    """The one full reference a short form (`Chỉ thị 11`, `Quyết định số 899`) stands for."""
    found = [k for k in order
             if any(x.kind == "full" and x.number == c.number and x.type_code == c.type_code for x in groups[k].cits)]
    return found[0] if len(found) == 1 else None


def _alias_mentions(text: str, groups: dict[str, _Group], citations: list[Citation]) -> None:
    """Later uses of a defined short form that is not itself a citation (`Chiến lược`, `Nghị quyết 45`)."""
    taken = [(c.start, c.end) for c in citations]
    for g in groups.values():
        for alias in g.aliases:
            if not DIGIT.search(alias):
                continue                # a common noun (`Chiến lược`) would catch too much
            defined_at = min(c.end for c in g.cits)
            pat = re.compile(r"(?<![\w])" + r"\s+".join(map(re.escape, alias.split())) + r"(?![\w/\-])")
            for m in pat.finditer(text, defined_at):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                g.cits.append(Citation(start=m.start(), end=m.end(), text=" ".join(m.group().split()),
                                       kind="alias"))
                taken.append((m.start(), m.end()))


@lru_cache(maxsize=16384)
def _ident_key(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("–", "-").replace("—", "-")
    return SPACES.sub("", s).casefold()


@lru_cache(maxsize=None)
def _officials() -> tuple[str, ...]:
    """Officials' titles of citation_issuers.yaml, folded, longest first (`bo truong`, `chu tich`)."""
    return tuple(sorted((fold_key(o) for o in lexicon.load("citation_issuers.yaml")["officials"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _same_body_drops() -> tuple[re.Pattern, re.Pattern]:
    """The words (anywhere) and the tails (at the end) of citation_issuers.yaml that two names of one body may
    differ by, folded: `dang`, `viet nam`."""
    data = lexicon.load("citation_issuers.yaml")
    words, tails = (alternation(fold_key(w) for w in data[key]) for key in ("same_body_words", "same_body_tails"))
    return re.compile(rf" (?:{words})(?= |$)"), re.compile(rf" (?:{tails})$")


def _named_by_symbol(issuer: str, symbol: Optional[str]) -> str:
    """Of several bodies read as one citation's issuer, the one its symbol names: `chỉ đạo của Chính phủ,
    Thủ tướng Chính phủ tại Chỉ thị số 13/CT-TTg` is the Prime Minister's directive (pool
    md/8018a6f353d60a9e.md). A joint act (`TTLT-BQP-BLĐTBXH-BTC`) or a symbol naming none keeps them all."""
    named = issuer_from_symbol(symbol) if symbol and len(symbol.split("/")[-1].split("-")) == 2 else None
    if not named or fold_key(named) == fold_key(issuer):
        return issuer
    parts = [p.strip() for p in ISSUER_LIST.split(issuer) if p.strip()]
    return named if len(parts) > 1 and any(fold_key(p) == fold_key(named) for p in parts) else issuer


@lru_cache(maxsize=4096)
def _body_of(issuer: str) -> str:
    """Folded issuer without an official's title, a country name or the Party's name: `Thống đốc Ngân hàng
    Nhà nước` and `Ngân hàng Nhà nước Việt Nam` are the same body; so are `Ban Chấp hành Trung ương Khóa XII`
    and `Ban Chấp hành Trung ương Đảng khóa XII` (114)."""
    folded = fold_key(issuer)
    for o in _officials():
        if folded.startswith(o + " "):
            folded = folded[len(o) + 1:]
            break
    words, tails = _same_body_drops()
    return tails.sub("", words.sub("", folded))


def _slug(title: str) -> str:
    words = fold_key(title).split()
    if words and words[0] in ("luat", "bo", "hien"):
        words = words[1:] if words[0] == "luat" else words[2:] if words[:2] == ["bo", "luat"] else words
    return "-".join(words)


def _after(cited: str, own: str) -> bool:
    """A cited date later than the document's own, compared at the precision both have."""
    n = min(len(cited), len(own))
    return cited[:n] > own[:n]
