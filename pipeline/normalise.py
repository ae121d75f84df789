"""Stage 2, normalise: clean text, idempotently.

Guarantees on every string it returns (checked by tests/test_normalise.py):
  - Unicode NFC (decomposed characters composed);
  - one tone-mark placement, the new style (uỷ -> ủy, hoà -> hòa, khoẻ -> khỏe;
    quý, qua, hoàn untouched): a table-driven rule on open syllables oa/oe/uy;
  - look-alikes fixed: Cyrillic letters inside identifiers (TT-BTС), Ð for Đ,
    fraction slash for "/" (each with a "homoglyph" warning from normalise());
    en/em dashes between identifier letters (QĐ–UBND) -> "-";
  - control and bidi characters removed (NUL, U+202E, U+200F, U+061C; a "control_characters" warning);
  - zero-width characters and soft hyphens removed (a soft hyphen ending a line becomes "-"); whitespace runs (NBSP included)
    folded to one space, no leading/trailing space; curly quotes kept as printed;
  - normalise(normalise(s)) == normalise(s).

    normalise(raw: RawDocument) -> RawDocument    (a new document; homoglyph/control warnings added)
    normalise_text(s: str) -> str
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vanban.lexicon import load

from vanban.schemas.models import Warning

from .types import Line, RawDocument, Table, replaced

#: whitespace of every kind, NBSP and the typographic spaces included: "Số:\u00a0435"
_WS = re.compile(r"[ \t\n\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
#: characters that carry nothing: zero-width space/joiners, BOM, soft hyphen, word joiner, U+FFFE
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffe"), None)
#: any of those characters: the translation runs only where one occurs ("Số\u200b:" in 024)
_ANY_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffe]")
#: whitespace _WS would change: a run of two spaces ("Số:  435") or any other space character
#: ("\u00a0", "\t"); without one, folding whitespace is only the final strip
_WS_TO_FOLD = re.compile(r"[\t\n\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|  ")
#: a soft hyphen (or the U+FFFE some PDF extractors print for it) ending a line: Vietnamese
#: syllables are not hyphenated, so it is an identifier's hyphen: "Văn bản số 3374/ BKHCN\ufffe" (085)
_LINE_END_SOFT_HYPHEN = re.compile(r"(?<=\w)[\u00ad\ufffe]\s*$")
#: an en/em dash (or minus sign) glued between identifier parts: "QĐ–UBND", "TT—BTC"
_ID_DASH = re.compile(r"(?<=[0-9A-ZĐ])[\u2010\u2011\u2012\u2013\u2014\u2212](?=[A-ZĐ0-9])")
#: any dash other than "-": the identifier-dash rule runs only where one occurs
_ANY_DASH = re.compile(r"[\u2010-\u2014\u2212]")
#: a token holding a Cyrillic letter: "TT-BTС" (С is U+0421)
_CYRILLIC_TOKEN = re.compile(r"\S*[\u0400-\u04ff]\S*")
#: a Latin letter or digit: the token is an identifier, not Russian text
_LATIN_OR_DIGIT = re.compile(r"[0-9A-Za-zĐđ]")

#: the vowels whose tone mark moves in an open syllable (old style -> new style):
#: "hoà" -> "hòa", "khoẻ" -> "khỏe", "thuỷ" -> "thủy"; the first letter carries the tone.
_TONE_PAIRS = ("oa", "oe", "uy")
#: combining tone marks: grave, acute, hook above, tilde, dot below
_TONES = "\u0300\u0301\u0309\u0303\u0323"



def _build_tone_rule() -> tuple[re.Pattern, dict[str, str]]:
    """The old-style syllable endings and their new-style spelling, every case combination."""
    table: dict[str, str] = {}
    for first, second in _TONE_PAIRS:
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                old = f + unicodedata.normalize("NFC", s + tone)
                new = unicodedata.normalize("NFC", f + tone) + s
                table[old] = new
    # an old-style ending closes the syllable (no letter after it); uy after q is "quý", left alone.
    # One character class for speed; pairs not in the table ("uà") are left as they are.  The pattern
    # opens with the class and looks back past it for the q (the same matches as "(?<![qQ])[..][..]"):
    # `re` then skips to the next candidate letter in C (3x faster, issue 13).
    firsts = "".join(sorted({k[0] for k in table}))
    seconds = "".join(sorted({k[1] for k in table}))
    pattern = re.compile(rf"[{firsts}](?<![qQ].)[{seconds}](?![^\W\d_])")
    return pattern, table


#: old-style tone placement at the end of a syllable: "uỷ" in "Uỷ ban", "oà" in "hoà", not "quý"
_OLD_TONE, _TONE_TABLE = _build_tone_rule()


@lru_cache(maxsize=1)
def _glyphs() -> tuple[dict[int, str], dict[int, str], re.Pattern, re.Pattern]:
    data = load("homoglyphs.yaml")
    cyr = {ord(k): v for k, v in data["cyrillic"].items()}
    every = {ord(k): v for k, v in data["everywhere"].items()}
    every_chars = re.escape("".join(data["everywhere"]))
    return (cyr, every, re.compile(f"[{every_chars}]"),
            re.compile(f"[{every_chars}\u0400-\u04ff]"))     # any look-alike at all: the fast path


def _fix_glyphs(s: str, found: list[str] | None) -> str:
    cyr, every, every_re, any_re = _glyphs()
    if not any_re.search(s):
        return s
    if every_re.search(s):
        if found is not None:
            found.extend(every_re.findall(s))
        s = s.translate(every)
    if _CYRILLIC_TOKEN.search(s):
        def fix(m: re.Match) -> str:
            tok = m.group(0)
            if not _LATIN_OR_DIGIT.search(tok):
                return tok                       # real Cyrillic text: leave it
            fixed = tok.translate(cyr)
            if found is not None and fixed != tok:
                found.append(tok)
            return fixed
        s = _CYRILLIC_TOKEN.sub(fix, s)
    return s


def _new_tone(m: re.Match) -> str:
    return _TONE_TABLE.get(m.group(0), m.group(0))


#: control characters (C0 but tab and newline, DEL, C1) and bidirectional controls (LRM/RLM,
#: embeddings and overrides, isolates, the Arabic letter mark): never text of a Vietnamese document;
#: vertical tab, form feed and carriage return become a space
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_SPACES = dict.fromkeys(map(ord, "\x0b\x0c\r"), " ")


def strip_controls(s: str, removed: list[str] | None = None) -> str:
    """Remove control and bidi characters (`removed` collects them, for the warning)."""
    if not _CONTROLS.search(s):
        return s
    if removed is not None:
        removed.extend(c for c in _CONTROLS.findall(s) if ord(c) not in _CONTROL_SPACES)
    return _CONTROLS.sub(lambda m: _CONTROL_SPACES.get(ord(m.group()), ""), s)


@lru_cache(maxsize=1)
def _rare_but_line_break() -> re.Pattern:
    """Any character that a step of normalise_text but the tone rule acts on, "\\n" left out: a
    control, an invisible character, a look-alike, a dash, a space other than the plain one."""
    classes = [p.pattern[1:-1] for p in (_CONTROLS, _ANY_INVISIBLE, _glyphs()[3], _ANY_DASH)]
    pattern = re.compile("[" + "".join(classes) + r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
    assert not pattern.match("\n")
    return pattern


@lru_cache(maxsize=1)
def _any_rare() -> re.Pattern:
    """Any character that a step of normalise_text but the tone rule acts on ("\\n" too)."""
    return re.compile(_rare_but_line_break().pattern[:-1] + r"\n]")


def normalise_text(s: str, found: list[str] | None = None, removed: list[str] | None = None) -> str:
    """Clean one string (see the module docstring).  `found` collects the look-alikes fixed,
    `removed` the control characters taken out.

    Most lines hold none of the rare characters (_any_rare): for them only NFC, the tone rule and
    the folding of double spaces can change anything, and one scan of the line replaces the six
    of the steps (2x faster, issue 13).  NFC neither makes nor removes a rare character (none
    composes or decomposes), so the test may run on the composed line."""
    composed = s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)
    if not _any_rare().search(composed):
        composed = _OLD_TONE.sub(_new_tone, composed)
        return (_WS.sub(" ", composed) if "  " in composed else composed).strip()
    s = strip_controls(s, removed)
    if "\u00ad" in s or "\ufffe" in s:
        s = _LINE_END_SOFT_HYPHEN.sub("-", s)
    if _ANY_INVISIBLE.search(s):
        s = s.translate(_INVISIBLE)
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    s = _fix_glyphs(s, found)
    s = _OLD_TONE.sub(_new_tone, s)
    if _ANY_DASH.search(s):
        s = _ID_DASH.sub("-", s)
    if not _WS_TO_FOLD.search(s):
        return s.strip()
    return _WS.sub(" ", s).strip()


def normalise_texts(texts: list[str], found: list[str] | None = None,
                    removed: list[str] | None = None) -> list[str]:
    """[normalise_text(t, found, removed) for t in texts], the lines holding no rare character
    (most) in one pass over them all: NFC and the tone rule on the texts joined by line breaks
    (neither acts across one: a line break composes with nothing, is no letter), then each line's
    spaces (2x faster, issue 13).  A line holding a rare character is normalised alone."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:          # a text holding a line break (none when empty)
        return [normalise_text(t, found, removed) for t in texts]
    if not unicodedata.is_normalized("NFC", joined):
        joined = unicodedata.normalize("NFC", joined)
    rare: set[int] = set()
    line = at = 0
    for m in _rare_but_line_break().finditer(joined):
        line += joined.count("\n", at, m.start())
        at = m.start()
        rare.add(line)
    joined = _OLD_TONE.sub(_new_tone, joined)
    out = [(_WS.sub(" ", t) if "  " in t else t).strip() for t in joined.split("\n")]
    for k in sorted(rare):                  # (in order: the look-alikes and controls are warned in it)
        out[k] = normalise_text(texts[k], found, removed)
    return out


def normalise(raw: RawDocument) -> RawDocument:
    """A new RawDocument with every Line and Table cell normalised (the input is not changed);
    one warning per distinct look-alike fixed, one for control characters removed."""
    found: list[str] = []
    removed: list[str] = []
    texts: list[str] = []
    for it in raw.items:
        if isinstance(it, Line):
            texts.append(it.text)
        elif isinstance(it, Table):
            texts.extend(c for row in it.rows for c in row)
    clean = iter(normalise_texts(texts, found, removed))
    items = []
    for it in raw.items:
        # an item normalisation leaves as it is goes on as it is (no copy: later stages never change one)
        if isinstance(it, Line):
            text = next(clean)
            if text != it.text:
                it = replaced(it, text=text)
        elif isinstance(it, Table):
            rows = [[next(clean) for _ in row] for row in it.rows]
            if rows != it.rows:
                it = replaced(it, rows=rows)
        items.append(it)
    warnings = list(raw.warnings)
    if removed:
        shown = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(removed))[:8])
        warnings.append(Warning(code="control_characters",
                                message=f"{len(removed)} control or bidirectional character(s) removed ({shown})"))
    cyr, every, _, _ = _glyphs()
    for glyph in dict.fromkeys(found):
        shown = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(glyph) if ord(c) in cyr or ord(c) in every)
        warnings.append(Warning(code="homoglyph",
                                message=f"look-alike character(s) {shown} in {glyph!r} replaced"))
    return replaced(raw, items=items, warnings=warnings)
