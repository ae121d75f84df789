"""How much a text looks like Vietnamese: the share of its words that are valid
Vietnamese syllables (âm tiết), by the onset + rhyme + tone grammar in
`lexicon/data/syllables.yaml`.

Used by the PDF reader to tell a good text layer (≈0.9) from a broken one: a
non-Vietnamese OCR layer ("ceNG noa xA Her cHU Ncuia vrET NAM") or a broken
ToUnicode map ("UBND 7ӌ1+ LÀO CAI &Ӝ1* HÒA Xˆ") scores far lower.

    plausibility(text) -> Plausibility(valid, counted, share)
    is_syllable(word) -> bool
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from vanban.lexicon import load

#: combining tone marks (thanh): huyền ` sắc ´ ngã ~ hỏi ̉ nặng ̣
_TONES = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}

#: a word: a run of letters between non-letters, e.g. "Quyết" in "Quyết định số 1074/QĐ-BXD";
#: runs glued to digits or garbage ("7ӌ1+", "ZI2OISU") are taken whole and judged as words
_TOKEN = re.compile(r"[^\W_]+(?:['’*{}\\^][^\W_]+)*", re.UNICODE)

#: an upper-case acronym (UBND, QĐ, BXD, XPVPHC): skipped when it is not a syllable
_ACRONYM = re.compile(r"^[A-ZĐ]{2,}$")


@dataclass(frozen=True)
class Plausibility:
    valid: int       # words that are Vietnamese syllables
    counted: int     # words judged (acronyms, numbers and codes with digits left out)

    @property
    def share(self) -> float:
        return self.valid / self.counted if self.counted else 0.0


@dataclass(frozen=True)
class _Grammar:
    onsets: tuple[str, ...]          # longest first
    rhymes: frozenset[str]
    checked_codas: tuple[str, ...]
    front: tuple[str, ...]
    only_before_front: frozenset[str]
    never_before_front: frozenset[str]
    never_before_e: frozenset[str]


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    data = load("syllables.yaml")
    rhymes = frozenset(r for group in data["rhymes"] for r in group)
    return _Grammar(
        onsets=tuple(sorted(data["onsets"], key=len, reverse=True)),
        rhymes=rhymes,
        checked_codas=tuple(data["checked_codas"]),
        front=tuple(data["front_vowels"]),
        only_before_front=frozenset(data["only_before_front"]),
        never_before_front=frozenset(data["never_before_front"]),
        never_before_e=frozenset(data["never_before_e"]),
    )


def _split_tone(word: str) -> tuple[str, list[str]]:
    """'Quyết' -> ('quyêt', ['sac']): the base spelling and the tone marks found."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [_TONES[c] for c in decomposed if c in _TONES]
    base = "".join(c for c in decomposed if c not in _TONES)
    return unicodedata.normalize("NFC", base), tones


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when `word` is spelt like a Vietnamese syllable ("nghĩa", "Quyết", "đường")."""
    g = _grammar()
    base, tones = _split_tone(word)
    if len(tones) > 1 or not base.isalpha():
        return False
    for onset in g.onsets + ("",):
        if not base.startswith(onset):
            continue
        rhyme = base[len(onset):]
        if onset == "gi" and rhyme == "":
            return True                      # "gì"
        if rhyme not in g.rhymes or not _spelling_ok(g, onset, rhyme):
            continue
        if rhyme.endswith(g.checked_codas) and tones and tones[0] not in ("sac", "nang"):
            continue
        return True
    return False


def _spelling_ok(g: _Grammar, onset: str, rhyme: str) -> bool:
    front = rhyme.startswith(g.front)
    if onset in g.only_before_front and not front:
        return False
    if onset in g.never_before_front and front:
        return False
    if onset in g.never_before_e and rhyme.startswith(("e", "ê")):
        return False
    if onset == "qu" and rhyme.startswith(("u", "o")):
        return False
    return True


def plausibility(text: str) -> Plausibility:
    """Count the words of `text` that are Vietnamese syllables."""
    valid = counted = 0
    # each distinct word judged once, weighed by how often it occurs (a page repeats its
    # syllables: about a third of its words are distinct)
    for word, times in Counter(_TOKEN.findall(text)).items():
        if not word.isalpha() and any(ch.isdigit() for ch in word):
            continue                  # numbers and codes: 1074, QH15, M36 (survey point names)
        if is_syllable(word):
            valid += times
            counted += times
        elif _ACRONYM.match(word):
            continue
        else:
            counted += times
    return Plausibility(valid, counted)
