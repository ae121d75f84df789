"""Cue words of assignment sentences and where they stand in a text.

    phrases()                 the words of lexicon/data/assignment_words.yaml, loaded once
    starts_of(text, kind)     offsets where a duty verb / lead word / coordinator cue starts
    starts_with_duty(rest)    does the text after a name open with work ("xây dựng ...", "chủ trì ...")

The lists: openers (`Giao`, `Đề nghị`), lead words  # chủ trì, coordinator cues  # phối hợp với,
duty verbs, and the words that end or never narrow a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vanban.lexicon import load
from vanban.lexicon.patterns import alternation, word_start

from .columns import starts_with_head

@dataclass(frozen=True)
class _Phrases:
    openers: tuple[str, ...]
    lead_words: tuple[str, ...]
    co_lead: tuple[str, ...]
    coordinate: tuple[str, ...]
    coordinate_direct: tuple[str, ...]
    directive: tuple[str, ...]
    duty: tuple[str, ...]
    adverbial: tuple[str, ...]
    not_duty: frozenset[str]
    not_qualifier: frozenset[str]
    tail_junk: frozenset[str]
    connectors: frozenset[str]         # "và", "hoặc": what joins two names, or a name and a clause
    duty_starts: tuple[str, ...]
    statuses: tuple[str, ...]
    topic_openers: tuple[str, ...]
    noun_duties: frozenset[str]
    place_relatives: re.Pattern        # "nơi": a relative clause that says where a holder is
    function_phrases: re.Pattern       # "tham mưu về": after unit nouns, a unit named by its work
    function_ends: re.Pattern          # "trong": an adverbial after such a unit's topic
    rate_openers: frozenset[str]
    form_fields: tuple[str, ...]
    rule_words: re.Pattern
    clause_words: re.Pattern
    case_subjects: tuple[str, ...]
    persons: tuple[str, ...]
    clause_openers: re.Pattern
    predicates: tuple[str, ...]
    predicate_words: re.Pattern
    predicate_any: re.Pattern
    short_predicates: re.Pattern
    deputies: tuple[str, ...]
    level_quantifiers: frozenset[str]
    holder_words: tuple[str, ...]
    numbered_names: tuple[str, ...]
    relative_names: frozenset[str]
    collective_closers: re.Pattern
    regimes: tuple[str, ...]
    duty_modals: tuple[str, ...]
    modal_duties: tuple[str, ...]
    issuer_offices: frozenset[str]
    place_copulas: tuple[str, ...]
    address_words: tuple[str, ...]
    # requests and letters
    in_force: tuple[str, ...]
    closing_work: tuple[str, ...]
    request_modals: tuple[str, ...]
    honorifics: tuple[str, ...]
    person_offices: tuple[str, ...]
    role_asides: tuple[str, ...]
    bracket_roles: tuple[str, ...]
    execution: tuple[str, ...]
    topic_lead_ins: tuple[str, ...]
    conditions: tuple[str, ...]
    quota_words: tuple[str, ...]


@lru_cache(maxsize=None)
def phrases() -> _Phrases:
    """The assignment words of lexicon/data/assignment_words.yaml, longest first, loaded once."""
    d = load("assignment_words.yaml")
    srt = lambda xs: tuple(sorted((x.casefold() for x in xs), key=len, reverse=True))  # noqa: E731
    return _Phrases(openers=srt(d["lead_openers"]), lead_words=srt(d["lead_words"]),
                    co_lead=srt(d["co_lead_words"]), coordinate=srt(d["coordinate_words"]),
                    coordinate_direct=srt(d["coordinate_direct_words"]), directive=srt(d["directive_words"]),
                    duty=srt(d["duty_verbs"]), adverbial=srt(d["adverbial_openers"]), not_duty=frozenset(d["not_duty_words"]),
                    not_qualifier=frozenset(d["not_qualifier_words"]),
                    tail_junk=frozenset(d["name_tail_junk"]), connectors=frozenset(d["connectors"]),
                    duty_starts=srt(d["duty_starts"]),
                    statuses=srt(d["status_starts"]),
                    topic_openers=tuple(w + " " for w in srt(d["topic_openers"])),
                    noun_duties=frozenset(d["noun_duties"]), function_phrases=_words_re(d["function_phrases"]),
                    function_ends=_words_re(d["function_ends"]), place_relatives=_words_re(d["place_relatives"]),
                    rate_openers=frozenset(d["rate_openers"]),
                    form_fields=srt(d["form_fields"]),
                    rule_words=_words_re(d["rule_words"] + d["composition_words"]), clause_words=_words_re(d["clause_words"]),
                    case_subjects=tuple(w + " " for w in srt(d["case_subjects"])),
                    persons=tuple(w + " " for w in srt(d["persons"])),
                    clause_openers=_words_re(d["clause_openers"]),
                    predicates=srt(d["predicate_verbs"] + d["duty_verbs"]),
                    predicate_words=_words_re([w for w in d["predicate_verbs"] if " " in w]),
                    predicate_any=_words_re(d["predicate_verbs"] + d["duty_verbs"]),
                    short_predicates=_short_re(d["short_predicates"]),
                    deputies=srt(d["deputy_words"]), level_quantifiers=frozenset(d["level_quantifiers"]),
                    holder_words=tuple(w + " " for w in srt(d["holder_words"])),
                    numbered_names=srt(d["numbered_names"]), relative_names=frozenset(srt(d["relative_names"])),
                    collective_closers=re.compile(r"\s+(?:" + alternation(srt(d["collective_closers"]), spaces=r"\ ")
                                                  + r")(?!\w)"),
                    regimes=srt(d["regime_words"]),
                    duty_modals=srt(d["duty_modals"]), modal_duties=srt(d["modal_duties"]),
                    issuer_offices=frozenset(w.casefold() for w in d["issuer_offices"]),
                    place_copulas=srt(d["place_copulas"]), address_words=srt(d["address_words"]),
                    in_force=srt(d["in_force_words"]), closing_work=srt(d["closing_work_words"]),
                    request_modals=srt(d["request_modals"]), honorifics=srt(d["honorifics"]),
                    person_offices=srt(d["person_offices"]), role_asides=srt(d["role_asides"]),
                    bracket_roles=srt(d["bracket_roles"]), execution=srt(d["execution_words"]),
                    topic_lead_ins=tuple(w + " " for w in srt(d["topic_lead_ins"])),
                    conditions=srt(d["conditions"]), quota_words=srt(d["quota_words"]))


def _words_re(words: list[str]) -> re.Pattern:
    """Whole lower-case words, case-sensitive ("quyết định", not "Quyết định số ..."), the longest first; each written
    first letter first (lexicon.patterns.word_start), so that re tries the pattern only where one of those letters
    stands, not at every character (issue 13)."""
    return re.compile(r"(?:" + word_start(sorted(words, key=len, reverse=True), spaces=" ") + r")(?!\w)")



def _short_re(verbs: dict[str, list[str]]) -> re.Pattern:
    """One-syllable verbs as whole words, not before a syllable that makes a noun with them ("giao", not
    "giao thông")."""
    alts = "|".join(re.escape(v) + r"(?!\w)(?!\s+(?:" + "|".join(map(re.escape, nots)) + r")(?!\w))"
                    for v, nots in verbs.items())
    return re.compile(r"(?<!\w)(?:" + alts + ")")


@lru_cache(maxsize=None)
def phrase_re(phrase: str) -> re.Pattern:
    """A task word as a whole word ("chủ trì", "phối hợp với"), compiled once. Written word first, the look-behind
    after it (no letter before the word's start): re then searches for the word as a literal, not trying the
    pattern at every character (issue 13)."""
    word = re.escape(phrase)
    return re.compile(word + r"(?<!\w" + word + r")(?!\w)")


def find_all(text: str, phrase: str) -> list[int]:
    if phrase not in text:
        return []               # no regex scan for a phrase the text does not hold
    return [m.start() for m in phrase_re(phrase).finditer(text)]


def find_word(low: str, phrase: str) -> int:
    m = phrase_re(phrase).search(low)
    return m.start() if m else -1


@lru_cache(maxsize=65536)
def opens_with_head(text: str) -> bool:
    """Does a text open with a body head ("Giao người đứng đầu các cơ quan ..." after its opener), a deputy's
    title too ("Phó Giám đốc Quỹ thực hiện ...", pool 1f9faa032326f975 Điều 8.2.b; `deputy_words`)?
    Memoised per text (the same names are asked about again and again, issue 13)."""
    opens = _deputy_openers()
    low = text[:opens[0]].casefold()        # casefold maps each character alone: the folded prefix is long enough
    deputy = next((d for d in opens[1] if low.startswith(d + " ")), None) if low.startswith(opens[1]) else None
    text = text[len(deputy) + 1:] if deputy else text
    first = text[:1].upper()
    return starts_with_head(text if first == text[:1] else first + text[1:])     # (no copy of a capitalised text)


@lru_cache(maxsize=1)
def _deputy_openers() -> tuple[int, tuple[str, ...]]:
    """(the length of the longest deputy word and a space, the deputy words) for opens_with_head."""
    deputies = phrases().deputies
    return max((len(d) + 1 for d in deputies), default=0), deputies


@lru_cache(maxsize=None)
def _words_of(kind: str) -> tuple[str, ...]:
    """The phrases of a word list: kind "verbs" (duty verbs and lead words), "lead", "duty", "lead_or_coordinate"."""
    p = phrases()
    return {"verbs": p.duty + p.lead_words, "lead": p.lead_words, "duty": p.duty,
            "lead_or_coordinate": p.lead_words + p.coordinate}[kind]


@lru_cache(maxsize=None)
def _any_of(kind: str) -> re.Pattern:
    """One pattern for a whole word list, matching wherever one of its phrases starts as a whole word: the match
    is the phrase's first letter alone, the rest looked ahead for, so every start is found, one inside another's
    phrase too. Each alternative opens with its first letter (as lexicon.patterns.word_start writes them): re
    tries the pattern only where one of those letters stands, not at every character (issue 13)."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(set(_words_of(kind)), key=len, reverse=True):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    return re.compile("|".join(re.escape(c) + r"(?<!\w" + re.escape(c) + r")(?=(?:" + "|".join(rests) + r")(?!\w))"
                               for c, rests in by_first.items()))


#: a list this short is looked for phrase by phrase first: a few substring searches cost less than the
#: regex scan, and most texts hold none of the lead words (issue 13)
FEW_WORDS = 8


def starts_of(text: str, kind: str):
    """Offsets, in order, where a phrase of the list starts."""
    words = _words_of(kind)
    if len(words) <= FEW_WORDS and not any(w in text for w in words):
        return iter(())
    return (m.start() for m in _any_of(kind).finditer(text))


def has_duty_verb(text: str) -> bool:
    return _any_of("duty").search(text) is not None


def has_duty(text: str) -> bool:
    return _any_of("lead_or_coordinate").search(text) is not None


def starts_with_duty(rest: str) -> bool:
    if rest.casefold().startswith(phrases().regimes):
        return False                                  # "... làm việc theo chế độ kiêm nhiệm": how, not work
    if rest.casefold().startswith(phrases().statuses):    # "... là đơn vị sự nghiệp công lập, ...; có tư cách pháp
        return _any_of("lead").search(rest.split(";")[0]) is not None   # nhân": what it is, unless "được giao chủ trì"
    first = rest.split()[0] if rest.split() else ""
    if first[:1].islower() and first.strip(",.;:") not in phrases().not_duty:
        return True                                   # "... tỉnh xây dựng Đề án", "... tổng hợp, tham mưu"
    low = rest.casefold()
    modal = next((m for m in phrases().duty_modals if low.startswith(m + " ")), None)
    if modal:                                         # "phải phát huy ...": a duty; "phải có ...": a rule
        return low[len(modal) + 1:].startswith(phrases().modal_duties)
    return any(low.startswith(d) for d in phrases().duty + phrases().lead_words + phrases().coordinate) \
        or low.startswith(phrases().duty_starts)
