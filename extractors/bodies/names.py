"""Body names: the canonical form (abbreviations expanded, official spelling) and casing.
No spaCy here: link and aggregation import it cheaply.

    canonical_name(name: str) -> str     "Sở KH&CN" -> "Sở Khoa học và Công nghệ"; a holder -> its body
    held_body(name: str) -> str | None   "Giám đốc Sở Tài chính" -> "Sở Tài chính"
    proper_case(name: str) -> str        "SỞ NỘI VỤ" -> "Sở Nội vụ"; "các sở" -> "Các sở"
    is_bare(name: str) -> bool           "Cơ quan", "Các cơ quan", "Giám đốc", "Chánh Văn phòng": no body named
    is_localities(name: str) -> bool     "Các tỉnh, thành phố": the localities of a level, one collective
"""
from __future__ import annotations

import re
from functools import lru_cache

from vanban.lexicon import abbreviations, load
from vanban.lexicon.patterns import alternation

from .gazetteer import fold_name, gazetteer

#: "Ubnd"/"ubnd" as a recased heading prints it.
RECASED_UBND = re.compile(r"\bUbnd\b|\bubnd\b")


@lru_cache(maxsize=1)
def _abbrev_re() -> re.Pattern:
    keys = sorted(abbreviations(), key=len, reverse=True)
    return re.compile(r"(?<![\w&/-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w&/-])")


@lru_cache(maxsize=8192)
def canonical_name(name: str) -> str:
    """Abbreviations expanded ("Sở KH&CN" -> "Sở Khoa học và Công nghệ"); the official
    spelling when the gazetteer knows the name ("Sở Văn hóa Thể thao và Du lịch")."""
    name = " ".join(name.split())
    name = held_body(name) or name      # "Giám đốc Sở Tài chính" holds the office of "Sở Tài chính"
    abbr = abbreviations()
    expanded = _abbrev_re().sub(lambda m: abbr[m.group(0)], name)
    expanded = RECASED_UBND.sub("Ủy ban nhân dân", expanded)
    hit = gazetteer().official.get(fold_name(expanded))
    if hit:
        return _abbrev_re().sub(lambda m: abbr[m.group(0)], hit[0])
    return proper_case(expanded)


def held_body(name: str) -> str | None:
    """The body after the office titles that open `name` ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ" ->
    "cơ quan ngang bộ"), or None: no title, or no body after it ("Phó Giám đốc", "Trưởng ban chỉ đạo")."""
    m = gazetteer().title_run.match(name)
    if m and _opens_body(name[m.end():]):
        return name[m.end():]
    return None


@lru_cache(maxsize=8192)
def is_bare(name: str) -> bool:
    """Does `name` name no body: an office title alone ("Giám đốc", "Phó Giám đốc"), a head word alone
    ("Sở", "Ủy ban"), or collective nouns alone, with no qualifier ("Cơ quan", "Các cơ quan", "Cơ quan,
    đơn vị")? "Các cơ quan liên quan", "Sở Tài chính", "Giám đốc Quỹ" (in the Fund's charter), "Các Sở",
    "Thủ trưởng các cơ quan, đơn vị" are names; "Người đứng đầu cơ quan, tổ chức" (whoever heads one) is not."""
    g = gazetteer()
    name = " ".join(name.split()).strip(" ,;:.")
    if not name or fold_name(name) in g.titles:
        return bool(name)
    title = g.title_run.match(name)
    rest = name[title.end():] if title else name
    every = rest.lower().replace(",", " ").replace(" và ", " ").split()
    words = tuple(w for w in every if w not in g.determiners)
    if not words:
        return True
    if title and len(words) < len(every):
        return False                    # "Thủ trưởng các cơ quan, đơn vị": the head of each, a collective
    if words in g.heads:
        return not title and len(words) == len(every)   # "Sở", "Ủy ban"; not "Các Sở", "Giám đốc Quỹ"
    i = 0
    while i < len(words):               # "cơ quan", "đơn vị", "tổ chức, cá nhân" (data generic_nouns)
        noun = next((c for c in g.generic.get(words[i], ()) if words[i:i + len(c)] == c), None)
        if noun is None:
            return False
        i += len(noun)
    return True


def _opens_body(rest: str) -> bool:
    """Does `rest` open with a body: a head word ("Sở", "UBND"), a determiner or a collective noun
    ("các sở", "cơ quan ngang bộ"), or a name the gazetteer knows?"""
    g = gazetteer()
    words = rest.lower().split()[:4]
    if not words:
        return False
    return (any(tuple(words[:n]) in g.heads for n in range(1, 5)) or words[0] in g.determiners
            or any(tuple(words[:len(c)]) == c for c in g.collective.get(words[0], ()))
            or fold_name(rest) in g.official)


@lru_cache(maxsize=1)
def _localities() -> re.Pattern:
    """The localities of a level as one collective: a determiner (bodies.yaml `locality_determiners`) over unit
    words (`units`), qualifiers after them ("Các tỉnh, thành phố:" over the duties of every province and city, corpus
    134 II.5). The finder reads unit words only in a committee's name."""
    d = load("bodies.yaml")
    unit = alternation(d["units"])
    return re.compile(rf"(?:{alternation(d['locality_determiners'])})\s+(?:{unit})(?:(?:\s*,\s*|\s+và\s+)(?:{unit}))*"
                      rf"(?:\s+(?:{alternation(d['qualifiers'])}))*", re.I)


def is_localities(name: str) -> bool:
    """Is a name the localities of a level as one collective (`_localities`)?"""
    return _localities().fullmatch(name.strip()) is not None


@lru_cache(maxsize=8192)
def proper_case(name: str) -> str:
    """Whitespace folded, proper-cased: an all-capitals heading ("SỞ NỘI VỤ") is recased
    from the gazetteer, else in sentence case with the word after the head capitalised;
    any other name gets a capital first letter ("các sở, ban, ngành" -> "Các sở, ban, ngành")."""
    name = " ".join(name.split())
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters) and " " in name:
        hit = gazetteer().official.get(fold_name(name))
        if hit:
            return hit[0]
        words = name.lower().split(" ")
        keep_upper = {k.lower(): k for k in abbreviations()}
        words = [keep_upper.get(w, w) for w in words]
        for k in range(len(words) - 1, 0, -1):     # a known name then a place: "SỞ NỘI VỤ TỈNH LÀO CAI"
            hit = gazetteer().official.get(fold_name(" ".join(words[:k])))
            if hit and len(hit[0].split(" ")) == k:
                words[:k] = hit[0].split(" ")
                break
        else:
            words = _head_recase(words)
        units = [i for i, w in enumerate(words) if w in gazetteer().units]
        if units and units[-1] < len(words) - 1:    # the place after its unit: "huyện Bát Xát"
            words[units[-1] + 1:] = [w[:1].upper() + w[1:] for w in words[units[-1] + 1:]]
        name = " ".join(words)
        for p in gazetteer().provinces:
            name = re.sub(rf"(?<!\w){re.escape(p.lower())}(?!\w)", p, name)
    return name[:1].upper() + name[1:]


def _head_recase(words: list[str]) -> list[str]:
    """Sentence case with the word after the head capitalised: "sở nội vụ" -> "Sở Nội vụ"."""
    for n in range(4, 0, -1):
        if tuple(words[:n]) in gazetteer().heads and len(words) > n:
            if words[n] not in gazetteer().units and words[n] not in gazetteer().determiners:
                words[n] = words[n][:1].upper() + words[n][1:]      # "Sở nội vụ" -> "Sở Nội vụ"
            break
    return words
