"""The body matcher: spaCy PhraseMatcher over the gazetteer and rule Matchers for the
generic shapes, on a blank `vi` tokenizer.  spaCy (and numpy) are imported here only,
when the matchers are first built.

    match_spans(text) -> [(start, end, kind, from_gazetteer)]   longest first, no overlaps

How names are found (built once per process, `_matchers()`):
- a blank spaCy `vi` pipeline whose tokenizer splits on whitespace and punctuation
  (commas, semicolons, brackets; "&" and "-" stay inside "KH&CN", "LĐ-TB&XH");
- a PhraseMatcher (attr LOWER) over the gazetteer data/bodies.yaml, with generated
  variants ("Sở KH&CN", "UBND tỉnh", "Công an thành phố", "Thành ủy");
- Matcher patterns for the generic shapes: a head ("Sở", "Ban", "Hội", "Cục",
  "Trung tâm", ...) and a proper name ("Sở Tư pháp", "Hội Nông dân tỉnh"); a people's
  committee and its units ("UBND các huyện, thị xã, thành phố"); collective names
  ("Các sở, ban, ngành", "các cơ quan, đơn vị liên quan");
- longest match wins, no overlaps (spacy.util.filter_spans).
The token facts the patterns need depend on neighbours (is this capitalised word the
start of a head? does "và" join "Công nghệ" or open "Ban Thường vụ Tỉnh ủy"?), so they
are computed in Python and written into each token's TAG; the Matcher tests them in C.
Speed (same results): a word's own facts are computed once per vocabulary entry (_Lex
flags); the neighbour-dependent classes only for tokens in a "window" (from a token that
can open a pattern to the first token no pattern accepts), and the Matcher runs on those
windows only.

A word in capitals with an accented vowel right after a mixed-case word ("Bộ Xây dựng" |
"BỘ TRƯỞNG BỘ XÂY DỰNG", a heading on the next line) ends a name; abbreviations ("KH&CN",
"HĐND") have no accented capital and stay inside.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import Gazetteer, gazetteer, phrase_mask

#: Punctuation the tokenizer splits off a word: "Sở Tư pháp," -> "pháp" ","
#: and "(Sở Nội vụ)" -> "(" ... ")".  "&", "-", "/" inside a word stay ("KH&CN").
TOKEN_PREFIX = re.compile(r"""^[\(\[\{"“‘'«•*+]""")
TOKEN_SUFFIX = re.compile(r"""[\)\]\}"”’'»,;:.!?…]$""")
TOKEN_INFIX = re.compile(r"""[,;:\(\)\[\]"“”…](?=\S)|(?<=\S)[,;:\(\)\[\]"“”…]""")


#: Line breaks and tabs inside a text: "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng\nNai" (034).
LINE_BREAKS = re.compile(r"[\n\r\t\f\v]")
#: Classes of a token for the Matcher patterns (see _Matchers._classes).
TOKEN_CLASSES = ("head", "chead", "inhead", "nfirst", "name", "unit", "ctail", "det", "coll", "qual")
#: Two-word tail phrases ("trực thuộc", "Trung ương", "có liên quan"): both words are in the tail.
TAIL_PHRASES = frozenset({("trực", "thuộc"), ("trung", "ương"), ("có", "liên"), ("liên", "quan")})
#: Their first words (a quick test before the pair is looked up).
TAIL_FIRSTS = frozenset(a for a, _ in TAIL_PHRASES)

# Bits of a token's TOKEN_CLASSES (bit k = TOKEN_CLASSES[k]), so a token's classes are one int.
(C_HEAD, C_CHEAD, C_INHEAD, C_NFIRST, C_NAME, C_UNIT, C_CTAIL, C_DET, C_COLL, C_QUAL) = (1 << k for k in range(10))
#: Classes that can open a Matcher pattern: a doc without them has no pattern match.
C_OPENERS = C_HEAD | C_CHEAD | C_DET | C_COLL
#: The words the Matcher patterns name literally ("UBND các huyện", "đơn vị có liên quan"): with the
#: classes, the only tokens a pattern element can accept.
PATTERN_WORDS = frozenset({"các", "cấp", "có", "liên", "quan"})

# Facts of a word that do not depend on its neighbours (computed once per vocabulary entry, `_Lex`).
(L_CAP, L_CAPOK, L_ALPHA, L_SKIP, L_JOINER, L_UNIT, L_SEP, L_DET, L_NAMEWORD, L_NCFIRST, L_HEADCAND,
 L_CAPSWORD, L_LOWERIN) = (1 << k for k in range(13))
#: A Vietnamese word printed in capitals ("BỘ", "TRƯỞNG", "PHỤ", "LỤC"): an accented vowel in
#: upper case; abbreviations inside names have none ("KH&CN", "UBND", "HĐND", "CNTT").
CAPS_SYLLABLE = re.compile(r"^[A-ZĐÀ-Ỹ]*[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠ-Ỹ][A-ZĐÀ-Ỹ]*$")


class _Lex:
    """A vocabulary entry as the patterns see it: text, lower case, punctuation?, letters?,
    and its L_* flags (capitalised, a unit word, a determiner, ...)."""
    __slots__ = ("text", "low", "punct", "alpha", "flags")

    def __init__(self, text: str, low: str, punct: bool, alpha: bool, g: "Gazetteer", head_firsts) -> None:
        self.text, self.low, self.punct, self.alpha = text, low, punct, alpha
        cap = text[:1].isupper()
        self.flags = (
            (L_CAP if cap else 0)
            | (L_CAPOK if cap and text not in g.cap_stop_words else 0)
            | (L_ALPHA if alpha else 0)
            | (L_SKIP if punct and text not in "&-" else 0)
            | (L_JOINER if low in ("và", "-", "&") else 0)
            | (L_UNIT if low in g.units else 0)
            | (L_SEP if text in (",", "và") else 0)
            | (L_DET if low in g.determiners else 0)
            | (L_NAMEWORD if alpha and low not in g.stop_words else 0)
            | (L_NCFIRST if any(c[0] == low for c in g.not_collective) else 0)
            | (L_CAPSWORD if len(text) > 1 and text.isupper() and CAPS_SYLLABLE.match(text) else 0)
            | (L_LOWERIN if text != text.upper() else 0)
            # may start a head: capitalised, not in an upper-case line ("CỘNG HÒA XÃ HỘI ...")
            | (L_HEADCAND if cap and low in head_firsts
               and not (text.isupper() and len(text) > 1 and text not in g.upper_heads) else 0))


class _Matchers:
    """The spaCy pipeline and its matchers, built once per process."""

    def __init__(self) -> None:
        import spacy
        from spacy.matcher import Matcher, PhraseMatcher
        from spacy.tokenizer import Tokenizer

        g = gazetteer()
        self.g = g
        self.heads_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, kind in sorted(g.heads.items(), key=lambda kv: -len(kv[0])):
            self.heads_by_first.setdefault(words[0], []).append((words, kind))
        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
        nlp.tokenizer = Tokenizer(nlp.vocab, prefix_search=TOKEN_PREFIX.search,
                                  suffix_search=TOKEN_SUFFIX.search, infix_finditer=TOKEN_INFIX.finditer)
        self.nlp = nlp

        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind, names in g.phrases.items():
            self.phrases.add(kind, list(nlp.tokenizer.pipe(names)))

        # Token classes (TOKEN_CLASSES) depend on a token's neighbours, so they are
        # computed in Python once per doc and written into the token's TAG (a blank
        # pipeline has no tagger); the Matcher then tests them in C with TAG IN [...].
        combos = ["+".join(c) for n in range(len(TOKEN_CLASSES) + 1)
                  for c in itertools.combinations(TOKEN_CLASSES, n)]
        has = lambda cls, op=None: {"TAG": {"IN": [c for c in combos if cls in c.split("+")]},  # noqa: E731
                                    **({"OP": op} if op else {})}
        self.patterns = Matcher(nlp.vocab)
        # "Sở Tư pháp", "Hội Nông dân tỉnh", "Ban Quản lý Khu kinh tế", "Văn phòng UBND tỉnh"
        # (the first word after the head is capitalised or a unit: "Ban hành", "Báo cáo", "Hội nghị" are not bodies)
        self.patterns.add("specific", [[has("head"), has("inhead", "*"), has("nfirst"), has("name", "*")]],
                          greedy="LONGEST")
        # "UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân cấp xã", "UBND tỉnh Bắc Giang"
        self.patterns.add("committee", [[has("chead"), has("name", "*"), {"LOWER": {"IN": ["các", "cấp"]}, "OP": "?"},
                                         has("unit", "+"), has("ctail", "*")]], greedy="LONGEST")
        # "Các sở, ban, ngành", "các cơ quan, đơn vị liên quan", "đơn vị liên quan"
        self.patterns.add("collective", [
            [has("det"), has("coll", "+"), has("qual", "*")],
            [has("coll", "+"), {"LOWER": "có", "OP": "?"}, {"LOWER": "liên"}, {"LOWER": "quan"}],
        ], greedy="LONGEST")

        # per-process tables: vocabulary entries as _Lex, a class bit set -> its TAG string's hash
        self.lex: dict[int, _Lex] = {}
        self.head_firsts = frozenset(self.heads_by_first)
        self.not_collective_by_first: dict[str, tuple[tuple[str, ...], ...]] = {}
        for c in g.not_collective:
            self.not_collective_by_first.setdefault(c[0], ())
            self.not_collective_by_first[c[0]] += (c,)
        self.tag_hash = [nlp.vocab.strings.add("+".join(c for k, c in enumerate(TOKEN_CLASSES) if bits >> k & 1))
                         for bits in range(1 << len(TOKEN_CLASSES))]

    def _lexes(self, doc) -> list[_Lex]:
        """The _Lex of every token of a doc (looked up by the token's ORTH hash)."""
        from spacy.attrs import ORTH

        lex, vocab = self.lex, self.nlp.vocab
        hashes = doc.to_array(ORTH).tolist()
        get = lex.get
        out = [get(h) for h in hashes]
        for k in [k for k, x in enumerate(out) if x is None]:     # words not seen before in this process
            h = hashes[k]
            x = lex.get(h)
            if x is None:
                lx = vocab[h]
                x = lex[h] = _Lex(lx.orth_, lx.lower_, lx.is_punct, lx.is_alpha, self.g, self.head_firsts)
            out[k] = x
        return out

    def _class_bits(self, lexes: list[_Lex], info: "_DocHeads", indices) -> dict[int, int]:
        """The TOKEN_CLASSES of the tokens at `indices` as bits (C_*), from each token's own facts
        and its neighbours'."""
        n = len(lexes)
        head, inside, breaking, tail = info.head, info.inside, info.breaking, info.tail
        coll, coll_start, qual, gaz_start = info.coll, info.coll_start, info.qual, info.gaz_start
        nc_first = self.not_collective_by_first
        out = {}
        for i in indices:
            f = lexes[i].flags
            nf = lexes[i + 1].flags if i + 1 < n else None      # None: no next token
            pf = lexes[i - 1].flags if i else 0
            h = head[i]
            bits = 0
            if f & L_CAPSWORD and pf & L_LOWERIN and not h and not inside[i]:
                # a heading line after a name ends it: "Bộ Xây dựng" | "BỘ TRƯỞNG BỘ XÂY DỰNG" (010)
                out[i] = C_DET if f & L_DET else 0
                continue
            if h:
                bits = C_CHEAD if h[1] == "committee" else C_HEAD
            # name: a word of a proper name after a head ("Tư pháp", "KH&CN", "và Công nghệ", "tỉnh")
            if inside[i]:
                bits |= C_NAME | C_INHEAD
            elif f & L_SKIP:
                pass
            elif f & L_CAP:
                if f & L_CAPOK and not breaking[i]:
                    bits |= C_NAME | C_NFIRST
            elif f & L_JOINER:
                # "và Công nghệ" continues a name, "và Ban Thường vụ Tỉnh ủy" starts another
                if nf is not None and nf & L_CAPOK and not head[i + 1] and not gaz_start[i + 1]:
                    bits |= C_NAME
            elif f & L_UNIT:
                bits |= C_NAME | C_NFIRST
            elif i and f & L_NAMEWORD and (pf & L_CAP or inside[i - 1]):
                bits |= C_NAME
            # unit: "tỉnh", "huyện", ", thị xã", "và thành phố"
            if f & L_UNIT or (f & L_SEP and nf is not None and nf & L_UNIT):
                bits |= C_UNIT
            # ctail: "trực thuộc Trung ương", "có liên quan", a place name of two or more capitalised
            # words ("UBND tỉnh Bắc Giang", not "UBND tỉnh Sửa đổi")
            if tail[i]:
                bits |= C_CTAIL
            elif f & L_CAPOK and f & L_ALPHA and not h and (
                    nf is None or not nf & L_ALPHA or nf & L_CAPOK
                    or (i and pf & L_CAP and pf & L_ALPHA)):
                bits |= C_CTAIL
            if f & L_DET:
                bits |= C_DET
            # coll: a collective noun, or a separator before one ("sở, ban, ngành")
            # ("Các sở, ban, ngành, các tổ chức chính trị-xã hội" is two: a determiner opens a new collective)
            if coll[i]:
                low = lexes[i].low
                if not (f & L_NCFIRST and any(tuple(x.low for x in lexes[i:i + len(c)]) == c
                                              for c in nc_first[low])):
                    bits |= C_COLL
            if not bits & C_COLL and f & L_SEP and nf is not None and coll_start[i + 1]:
                bits |= C_COLL
            if qual[i] or tail[i]:
                bits |= C_QUAL
            out[i] = bits
        return out

    def _windows(self, lexes: list[_Lex], info: "_DocHeads") -> tuple[list[tuple[int, int]], dict[int, int]]:
        """Token ranges a pattern match can lie in, and the class bits of their tokens: from a token
        that opens a pattern (C_OPENERS) to the first token no pattern element accepts (no class and
        not a PATTERN_WORDS word).  Matches never cross such a token, so matching each range finds
        the doc's matches.  Classes are computed for these tokens (and a few after them) only:
        most tokens of prose are in no window."""
        n = len(lexes)
        # a superset of the openers: heads, determiners, collective nouns and the token before one
        head, coll = info.head, info.coll
        before_coll = coll[1:] + [False]
        candidates = [i for i, x in enumerate(lexes)
                      if head[i] or x.flags & L_DET or coll[i] or before_coll[i]]
        bits = self._class_bits(lexes, info, candidates)
        out = []
        end = 0
        for i in candidates:
            if i < end or not bits[i] & C_OPENERS:
                continue            # inside the window before, or no opener
            j = i + 1
            while j < n:
                if j not in bits:   # classes a few tokens at a time
                    bits.update(self._class_bits(lexes, info, range(j, min(n, j + 8))))
                if not (bits[j] or lexes[j].low in PATTERN_WORDS):
                    break
                j += 1
            out.append((i, j))
            end = j
        return out, bits

    def _tag(self, doc, bits: dict[int, int]) -> None:
        """Each token's classes into its TAG (a blank pipeline has no tagger): the Matcher tests them in C."""
        import numpy
        from spacy.attrs import TAG

        tags = numpy.full(len(doc), self.tag_hash[0], dtype="uint64")
        if bits:
            tags[numpy.fromiter(bits, dtype="int64", count=len(bits))] = numpy.fromiter(
                (self.tag_hash[b] for b in bits.values()), dtype="uint64", count=len(bits))
        doc.from_array([TAG], tags.reshape(-1, 1))

    def _matched(self, doc, lexes: list[_Lex], info: "_DocHeads", windows) -> list:
        """Spans of the pattern matches in the token windows, labelled with their kind, joiners trimmed."""
        from spacy.tokens import Span

        strings = self.nlp.vocab.strings
        out = []
        for a, b in windows:
            if b - a < 2:
                continue            # every pattern needs two tokens at least: a lone opener matches nothing
            for label, s, e in self.patterns(doc[a:b] if (a, b) != (0, len(doc)) else doc):
                s, e = s + a, e + a
                kind = strings[label]
                if kind != "collective":
                    h = info.head[s]
                    kind = h[1] if h else "other"
                while e > s + 1 and lexes[e - 1].low in ("và", "-", "&", ","):
                    e -= 1
                while s < e - 1 and lexes[s].low in ("và", ","):
                    s += 1
                if e - s >= 2 or kind == "collective":
                    out.append(Span(doc, s, e, label=kind))
        return out

    # matching
    def spans(self, text: str) -> list[tuple[int, int, str, bool]]:
        """(start char, end char, kind, from gazetteer) of every body, longest first, no overlaps."""
        from spacy.tokens import Span
        from spacy.util import filter_spans

        # line breaks (hard-wrapped Markdown, PDF lines) become spaces: same length, same offsets
        doc = self.nlp.make_doc(LINE_BREAKS.sub(" ", text))
        lexes = self._lexes(doc)
        info = _DocHeads.of(lexes, self.g, self.heads_by_first)
        gaz = [(self.nlp.vocab.strings[label], s, e) for label, s, e in self.phrases(doc)]
        info.gaz_start = [False] * len(lexes)
        for kind, s, e in gaz:
            if kind != "collective":
                info.gaz_start[s] = True
        found: list[Span] = []
        for kind, s, e in gaz:
            if kind == "collective" or lexes[s].text[:1].isupper():   # "thanh tra tỉnh" in prose is an activity
                found.append(Span(doc, s, e, label=kind + "|gaz"))
        # pattern matches (without a token that can open a pattern, no window and no match)
        windows, bits = self._windows(lexes, info)
        matched: list[Span] = []
        if windows:
            self._tag(doc, bits)
            matched = self._matched(doc, lexes, info, windows)
            # Two readings of the same tokens ("collective" and a head's kind) are ranked by the
            # Matcher's output order over the whole doc: then match the whole doc as one window.
            if len({(sp.start, sp.end, sp.label) for sp in matched}) > len({(sp.start, sp.end) for sp in matched}):
                self._tag(doc, self._class_bits(lexes, info, range(len(lexes))))
                matched = self._matched(doc, lexes, info, [(0, len(doc))])
        found += matched
        # longest wins; among equals the gazetteer's reading
        found.sort(key=lambda sp: (-(sp.end_char - sp.start_char), not sp.label_.endswith("|gaz"), sp.start))
        out = []
        for sp in filter_spans(found):
            kind, gaz = sp.label_.split("|")[0], sp.label_.endswith("|gaz")
            out.append((sp.start_char, sp.end_char, kind, gaz))
        return sorted(out)


@dataclass
class _DocHeads:
    """Per token of a doc: the head starting there, whether it lies inside a head, and
    whether it starts a head that cannot stand inside another name."""
    head: list[tuple[int, str] | None]
    inside: list[bool]
    breaking: list[bool]
    coll: list[bool] = field(default_factory=list)         # inside a collective noun ("cơ quan")
    coll_start: list[bool] = field(default_factory=list)   # first word of one
    qual: list[bool] = field(default_factory=list)         # inside a qualifier ("có liên quan")
    tail: list[bool] = field(default_factory=list)         # inside a tail phrase ("trực thuộc", "Trung ương")
    gaz_start: list[bool] = field(default_factory=list)    # first word of a gazetteer name ("và Tỉnh đoàn")

    @classmethod
    def of(cls, lexes: list[_Lex], g: Gazetteer, heads_by_first) -> "_DocHeads":
        n = len(lexes)
        lows = [x.low for x in lexes]
        head: list[tuple[int, str] | None] = [None] * n
        inside = [False] * n
        breaking = [False] * n
        # only capitalised words that open a head (L_HEADCAND) can start one; not in an upper-case
        # line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA": the gazetteer reads headings)
        for i in [i for i, x in enumerate(lexes) if x.flags & L_HEADCAND]:
            # nor inside a run of capitalised words ("Xã Hội Số", "Nhiệm Vụ Trọng tâm")
            if i and lexes[i - 1].flags & L_ALPHA and lexes[i - 1].flags & L_CAP \
                    and not inside[i - 1] and head[i - 1] is None:
                continue
            for words, kind in heads_by_first[lows[i]]:
                k = len(words)
                if tuple(lows[i:i + k]) == words:
                    head[i] = (k, kind)
                    for j in range(i + 1, i + k):
                        inside[j] = True
                    breaking[i] = words not in g.inner_heads and not (
                        lows[i] == "bộ" and i + 1 < n and lows[i + 1] == "đội")
                    break
        coll = phrase_mask(lows, g.collective)
        coll_start = [False] * n
        for i in [i for i, c in enumerate(coll) if c]:
            coll_start[i] = i == 0 or not coll[i - 1] or lows[i] in g.collective
        tail = [False] * n
        for i in [i for i, w in enumerate(lows[:-1]) if w in TAIL_FIRSTS]:
            if (lows[i], lows[i + 1]) in TAIL_PHRASES:
                tail[i] = tail[i + 1] = True
        return cls(head, inside, breaking, coll, coll_start, phrase_mask(lows, g.qualifiers), tail)


@lru_cache(maxsize=1)
def _matchers() -> _Matchers:
    return _Matchers()


def match_spans(text: str) -> list[tuple[int, int, str, bool]]:
    """(start char, end char, kind, from gazetteer) of every body in `text`, no overlaps, in order."""
    return _matchers().spans(text)
