"""The bodies gazetteer (lexicon/data/bodies.yaml) as the matcher, names and lists read it:
official names and their written variants, head words, unit words, collective nouns and
qualifiers, office titles, role words; and the comparison key of a name (fold_name).
No spaCy here.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from vanban.lexicon import abbreviations, load

#: Punctuation ignored when names are compared: "Sở Văn hóa Thể thao và Du lịch" = "Sở Văn hóa, Thể thao và Du lịch".
FOLD_PUNCT = re.compile(r"[^\w&]+")

#: Words that may end a committee's or a collective's name: "trực thuộc Trung ương", "có liên quan".
COMMITTEE_TAIL = frozenset({"trực", "thuộc", "trung", "ương", "có", "liên", "quan"})


@lru_cache(maxsize=8192)
def fold_name(s: str) -> str:
    """Key for comparing names: lower case, NFC, punctuation and spaces folded."""
    s = unicodedata.normalize("NFC", s).casefold()
    return " ".join(FOLD_PUNCT.sub(" ", s).split())


@dataclass(frozen=True)
class Gazetteer:
    official: dict[str, tuple[str, str]]       # folded name -> (name as officially written, kind)
    phrases: dict[str, tuple[str, ...]]        # kind -> every written variant, for the PhraseMatcher
    heads: dict[tuple[str, ...], str]          # lower-cased head words -> kind
    inner_heads: frozenset[tuple[str, ...]]
    units: frozenset[str]                      # syllables of unit words: tỉnh, thành, phố, ...
    determiners: frozenset[str]
    collective: dict[str, tuple[tuple[str, ...], ...]]   # collective nouns by first word ("cơ" -> ("cơ", "quan"), ...)
    qualifiers: dict[str, tuple[tuple[str, ...], ...]]   # qualifiers by first word ("liên" -> ("liên", "quan"))
    provinces: tuple[str, ...]
    stop_words: frozenset[str]
    cap_stop_words: frozenset[str]
    locator_words: frozenset[str]
    role_words: re.Pattern
    person_holders: tuple[str, ...]            # "đại biểu": a person by office opens a holder after a comma
    not_collective: frozenset[tuple[str, ...]]
    collective_pairs: frozenset[tuple[str, str]]
    level_pairs: frozenset[tuple[str, str]]   # "trung ương" + "địa phương" after a collective
    verb_nouns: frozenset[tuple[str, ...]]     # "tổ chức" right after a collective noun: the verb
    titles: frozenset[str]                     # office titles, folded: "giám đốc", "bộ trưởng"
    title_run: re.Pattern                      # titles opening a name: "Bộ trưởng, Thủ trưởng ", "Giám đốc "
    collective_flat: frozenset[str]            # "cơ quan", "đơn vị", ...
    generic: dict[str, tuple[tuple[str, ...], ...]]   # nouns naming no kind of body ("cơ quan", "cá nhân")
    upper_heads: frozenset[str]                # heads printed in capitals: UBND, HĐND
    office_title: re.Pattern                   # "Thủ trưởng " right before a body
    office_title_ends: tuple[str, ...]         # their last words: "trưởng", "đốc" (a title right before a body ends so)
    office_title_start: re.Pattern             # a piece opening with one: "Chủ tịch Ủy ban ..."
    list_closer: re.Pattern                    # "khác" ending a list of one noun: "..., cơ quan hành chính khác"
    organ_of: re.Pattern                       # an organ and "của" right before its body: "các Ủy ban" + " của "
    second_title: re.Pattern                   # ", " / " và " / " hoặc " and an office title: " và Thủ trưởng "


def _variants(name: str) -> set[str]:
    """A gazetteer name and the forms documents also print: abbreviated, city-level."""
    out = {name}
    for n in list(out):
        if n.endswith(" tỉnh"):
            out.add(n[: -len("tỉnh")] + "thành phố")
            if "," in n or len(n.split()) >= 5:      # "Báo và Phát thanh, Truyền hình Đồng Nai"
                out.add(n[: -len(" tỉnh")])
        if "Tỉnh ủy" in n:
            out.add(n.replace("Tỉnh ủy", "Thành ủy"))
    for n in list(out):
        short = n
        for pattern, abbr in _abbreviating():
            short = pattern.sub(abbr, short)
        out.add(short)
    return out


@lru_cache(maxsize=None)
def _abbreviating() -> tuple[tuple[re.Pattern, str], ...]:
    """(full form as a whole-word pattern, abbreviation), longest full form first: compiled once,
    not once per gazetteer name."""
    pairs = sorted(abbreviations().items(), key=lambda kv: -len(kv[1]))
    return tuple((re.compile(rf"(?<!\w){re.escape(full)}(?!\w)", re.I), abbr) for abbr, full in pairs)


def _phrases(items) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Word lists ("cơ quan", "chính trị - xã hội") indexed by first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for item in items:
        words = tuple(item.lower().replace("-", " - ").split())
        out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def phrase_mask(words: list[str], phrases: dict[str, tuple[tuple[str, ...], ...]]) -> list[bool]:
    """Which of the lower-cased `words` belong to one of the phrases (whole phrases only:
    "chính" in "Sở Tài chính" is not the "chính" of "chính quyền")."""
    out = [False] * len(words)
    after = 0                           # a phrase found ends here: no new one starts inside it
    for i in compress(range(len(words)), map(phrases.__contains__, words)):   # the words opening one (C loop)
        if i < after:
            continue
        for p in phrases[words[i]]:
            if tuple(words[i:i + len(p)]) == p:
                out[i:i + len(p)] = [True] * len(p)
                after = i + len(p)
                break
    return out


def piece_words(text: str) -> list[str]:
    """Lower-cased words of a piece, commas dropped, hyphens as words ("chính trị-xã hội")."""
    return text.lower().replace(",", " ").replace("-", " - ").split()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    d = load("bodies.yaml")
    official: dict[str, tuple[str, str]] = {}
    phrases: dict[str, set[str]] = {}
    for kind, names in d["names"].items():
        for n in names:
            for v in _variants(n):
                official.setdefault(fold_name(v), (v if v == n or "thành phố" in v or "Thành ủy" in v else n, kind))
                # as written, and without its commas ("Sở Văn hóa Thể thao và Du lịch")
                phrases.setdefault(kind, set()).update({v, v.replace(",", "")})
    syll = lambda words: frozenset(w for p in words for w in p.lower().replace("-", " - ").split())  # noqa: E731
    return Gazetteer(
        official=official,
        phrases={k: tuple(sorted(v)) for k, v in phrases.items()},
        heads={tuple(h.lower().split()): k for h, k in d["heads"].items()},
        inner_heads=frozenset(tuple(h.lower().split()) for h in d["inner_heads"]),
        units=syll(d["units"]),
        determiners=frozenset(x.lower() for x in d["determiners"]),
        collective=_phrases(d["collective_nouns"]),
        qualifiers=_phrases(d["qualifiers"]),
        provinces=tuple(d["provinces"]),
        stop_words=frozenset(d["stop_words"]),
        cap_stop_words=frozenset(d["cap_stop_words"]),
        locator_words=frozenset(d["locator_words"]),
        office_title=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in
                                                          sorted(d["office_titles"], key=len, reverse=True))
                                + r")\s+$"),
        office_title_ends=tuple({t.split()[-1] for t in d["office_titles"]}),
        office_title_start=re.compile(r"(?:" + "|".join(re.escape(t) for t in
                                                      sorted(d["office_titles"], key=len, reverse=True)) + r")\s"),
        upper_heads=frozenset(h for h in d["heads"] if h.isupper()),
        list_closer=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(d["list_closers"], key=len, reverse=True))
                               + r")(?:\s+(?:trực\s+)?thuộc\s.*)?$", re.I),   # "... khác thuộc Ủy ban nhân dân Thành phố"
        not_collective=frozenset(tuple(x.split()) for x in d["not_collective"]),
        second_title=re.compile(r"(?:\s*,\s*|\s+(?:và|hoặc)\s+)(?=(?i:" + "|".join(
            re.escape(t).replace(r"\ ", r"\s+") for t in sorted(d["office_titles"], key=len, reverse=True)) + r")\s)"),
        organ_of=re.compile(r"(?<!\w)(?:(?:[Cc]ác|[Nn]hững)\s+)?(?:" + "|".join(
            re.escape(o).replace(r"\ ", r"\s+") for o in sorted(d["organs_of"], key=len, reverse=True)) + r")\s+của\s+$"),
        collective_flat=frozenset(" ".join(x.lower().split()) for x in d["collective_nouns"]),
        generic=_phrases(d["generic_nouns"]),
        collective_pairs=frozenset((a.lower(), b.lower()) for a, b in d["collective_pairs"]),
        level_pairs=frozenset((a.lower(), b.lower()) for a, b in d["level_pairs"]),
        verb_nouns=frozenset(tuple(x.lower().split()) for x in d["verb_nouns"]),
        titles=frozenset(fold_name(t) for t in d["office_titles"]),
        title_run=re.compile(r"(?:(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in
                                              sorted(d["office_titles"], key=len, reverse=True))
                             + r")(?:\s*,\s*|\s+và\s+|\s+))+"),
        person_holders=tuple(d["person_holders"]),
        role_words=re.compile(r"(?:" + "|".join(re.escape(w) for w in sorted(d["role_words"], key=len, reverse=True))
                              + r")(?!\w)"),
    )
