"""Legacy Vietnamese 8-bit encodings (bảng mã cũ): TCVN3 (ABC, '.Vn' fonts) and
VNI (VNI-Windows, 'VNI-' fonts) -> Unicode.

Before Unicode, Vietnamese text was typed in ordinary Western (Windows-1252)
bytes and drawn right only by a special font.  A reader therefore sees
'ViÖt Nam' (TCVN3) or 'Vieät Nam' (VNI) where a person sees 'Việt Nam'.

    encoding_of_font(font_name) -> "TCVN3" | "VNI" | None   (font names first)
    detect(text) -> "TCVN3" | "VNI" | None                   (statistics: fallback only)
    convert(text, encoding, upper=False) -> str
    convert_run(text, font_name) -> (str, encoding | None)   (one run of a document)

The mapping tables are data: lexicon/data/legacy_tcvn3.tsv, legacy_vni.tsv.
Detection by statistics never touches modern Unicode Vietnamese: any letter
that only Unicode has (ơ ư đ ă, or U+1EA0..U+1EF9 such as 'ệ') vetoes it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from vanban.lexicon import data_path

TCVN3 = "TCVN3"
VNI = "VNI"

#: ABC fonts: '.VnTime', '.VnTimeH', '.VnArial NarrowH', '.VnCentury Schoolbook'
TCVN3_FONT = re.compile(r"^\s*\.vn", re.IGNORECASE)
#: the ABC capitals fonts end in H: '.VnTimeH', '.VnArialH', '.VnBlackH'
TCVN3_CAPS_FONT = re.compile(r"H\s*$")
#: VNI fonts: 'VNI-Times', 'VNI-Helve-Condense', 'VNI Times'
VNI_FONT = re.compile(r"^\s*vni[- _]", re.IGNORECASE)

#: letters only Unicode Vietnamese has: 'ơ', 'ư', 'đ', 'ă' and the precomposed
#: block U+1EA0..U+1EF9 ('ệ' in 'Việt'); their presence proves the text is modern
#: ('ệ' in 'Việt'); also the combining marks of decomposed (NFD) Unicode text, which
#: 8-bit legacy text cannot contain
MODERN_LETTER = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u036f]")
#: a word (letters of any script plus the legacy bytes, which are letters or symbols in cp1252)
WORD = re.compile(r"[^\s\d.,;:!?()\[\]\"'/\\-]+")


@lru_cache(maxsize=None)
def _tcvn3_table() -> dict[str, str]:
    table = {}
    for line in data_path("legacy_tcvn3.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("byte\t"):
            continue
        byte, _legacy, uni = line.split("\t")
        b = int(byte, 16)
        table[bytes([b]).decode("cp1252")] = uni
        table[chr(b)] = uni                 # read as Latin-1 (same for 0xA0..0xFF)
        table[chr(0xF000 + b)] = uni        # symbol-font private use (Word stores some runs so)
    return table


@lru_cache(maxsize=None)
def _vni_table() -> dict[str, str]:
    table = {}
    for line in data_path("legacy_vni.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("legacy\t"):
            continue
        legacy, uni = line.split("\t")
        table[legacy] = uni
    return table


@lru_cache(maxsize=None)
def _vni_pattern() -> re.Pattern:
    keys = sorted(_vni_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


#: VNI tone marks (acute, grave, hook, tilde, dot) in either case, as combining marks
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_TONES.update({k.upper(): v for k, v in list(_VNI_TONES.items())})
_TONE_MARKS = set("\u0301\u0300\u0309\u0303\u0323")
_VOWELS = set("aeiouyAEIOUY")


def encoding_of_font(font: Optional[str]) -> Optional[str]:
    """The legacy encoding a font name implies ('.VnTime' -> TCVN3, 'VNI-Times' -> VNI)."""
    if not font:
        return None
    if VNI_FONT.match(font):
        return VNI
    if TCVN3_FONT.match(font):
        return TCVN3
    return None


def is_caps_font(font: Optional[str]) -> bool:
    """'.VnTimeH' draws every letter as a capital."""
    return bool(font) and encoding_of_font(font) == TCVN3 and bool(TCVN3_CAPS_FONT.search(font))


def convert(text: str, encoding: Optional[str], upper: bool = False) -> str:
    """Convert legacy text to Unicode (NFC).  `upper` for the TCVN3 capitals fonts."""
    if encoding == TCVN3:
        table = _tcvn3_table()
        out = "".join(table.get(ch, ch) for ch in text)
    elif encoding == VNI:
        table = _vni_table()
        out = _vni_pattern().sub(lambda m: table[m.group(0)], _unprivate(text))
        out = _stack_vni_tones(out)
    else:
        return text
    out = unicodedata.normalize("NFC", out)
    if upper:
        return out.upper()
    return CAPS_WORD.sub(_caps_word, out) if encoding == TCVN3 else out


#: a word typed in capitals: TCVN3 has no capital toned letters outside the '.VnXxxH'
#: fonts, so typists mixed in the lowercase ones: 'PHầN', 'MụC LụC' (read 'PHẦN', 'MỤC LỤC')
CAPS_WORD = re.compile(r"\b(?=(?:\w*[A-ZĂÂĐÊÔƠƯ]){2})(?=\w*[a-zđăâêôơư\u00e0-\u00ff\u1ea0-\u1ef9])\w+\b")
_ASCII_LOWER = re.compile(r"[a-z]")


def _caps_word(m: re.Match) -> str:
    """Capitalise a capitals word whose only small letters are converted (non-ASCII) ones."""
    word = m.group(0)
    return word if _ASCII_LOWER.search(word) else word.upper()


def _unprivate(text: str) -> str:
    """Symbol-font private-use characters U+F020..U+F0FF back to their byte."""
    if not any("\uf020" <= c <= "\uf0ff" for c in text):
        return text
    return "".join(chr(ord(c) - 0xF000) if "\uf020" <= c <= "\uf0ff" else c for c in text)


def _stack_vni_tones(text: str) -> str:
    """A tone mark typed after an already-converted vowel ('VEÂØ' -> 'VỀ')."""
    if not any(c in _VNI_TONES for c in text):
        return text
    out: list[str] = []
    for ch in text:
        if ch in _VNI_TONES and out:
            prev = unicodedata.normalize("NFD", out[-1])
            if prev and prev[0] in _VOWELS and not (set(prev[1:]) & _TONE_MARKS):
                out[-1] = unicodedata.normalize("NFC", prev + _VNI_TONES[ch])
                continue
        out.append(ch)
    return "".join(out)


def convert_run(text: str, font: Optional[str]) -> tuple[str, Optional[str]]:
    """One run of a document in font `font`: (Unicode text, encoding used or None)."""
    enc = encoding_of_font(font)
    if enc is None or MODERN_LETTER.search(text):
        return text, None
    return convert(text, enc, upper=is_caps_font(font)), enc


def detect(text: str, min_words: int = 3) -> Optional[str]:
    """Guess TCVN3 or VNI from the characters alone; None for anything else.

    A fallback for text whose font is unknown.  Never fires on modern
    Unicode Vietnamese (any Unicode-only letter vetoes it) nor on plain ASCII
    or Western text: the words with non-ASCII characters must turn into valid
    Vietnamese syllables under the chosen table.
    """
    if MODERN_LETTER.search(text):
        return None
    words = WORD.findall(text[:20000])
    legacy_words = [w for w in words if not w.isascii()]
    if not legacy_words or len(legacy_words) < min_words:
        return None
    best, best_share = None, 0.0
    for enc in (TCVN3, VNI):
        valid = sum(1 for w in legacy_words if _is_vietnamese(convert(w, enc)))
        share = valid / len(legacy_words)
        if share > best_share:
            best, best_share = enc, share
        elif share == best_share:
            best = None          # a tie tells nothing
    # most of the words with non-ASCII characters must become Vietnamese syllables
    return best if best_share >= 0.6 else None


#: one Vietnamese syllable with its tone mark removed: onset, vowel nucleus, coda
#: ('nghiêng', 'người', 'khuyến' -> 'khuyên', 'đồng' -> 'đông')
SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?"
    r"(uyê|uya|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi"
    r"|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ưu|ươ|uy|yê|[aăâeêioôơuưy])"
    r"(ch|ng|nh|[cmnpt])?$")


def _is_vietnamese(word: str) -> bool:
    """A converted word with a Unicode-only letter that is a valid syllable (one tone mark at most)."""
    if not MODERN_LETTER.search(word):
        return False
    nfd = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in nfd if c in _TONE_MARKS) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_MARKS))
    return bool(SYLLABLE.match(bare))
