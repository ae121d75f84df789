"""Bodies extractor: public bodies named in the text (gazetteer + patterns, spaCy matchers).

    find_bodies(text: str) -> list[BodySpan]       every body name in a text, with offsets
    split_bodies(text: str) -> list[str]           a lead/coordinator cell or phrase -> names
    canonical_name(name: str) -> str               abbreviations expanded (UBND -> Ủy ban nhân dân)
    collect_bodies(tasks, doc) -> list[Body]       the document's distinct bodies with roles and tasks

Roles: lead  # chủ trì;  coordinator  # phối hợp;  mentioned (named only in the text).

How names are found (built once per process, `_matchers()`):
- a blank spaCy `vi` pipeline whose tokenizer splits on whitespace and punctuation
  (commas, semicolons, brackets; "&" and "-" stay inside "KH&CN", "LĐ-TB&XH");
- a PhraseMatcher (attr LOWER) over the gazetteer data/bodies.yaml, with generated
  variants ("Sở KH&CN", "UBND tỉnh", "Công an thành phố", "Thành ủy");
- Matcher patterns for the generic shapes: a head ("Sở", "Ban", "Hội", "Cục",
  "Trung tâm", ...) and a proper name ("Sở Tư pháp", "Hội Nông dân tỉnh"); a people's
  committee and its units ("UBND các huyện, thị xã, thành phố"); collective names
  ("Các sở, ban, ngành", "các cơ quan, đơn vị liên quan");
- longest match wins, no overlaps (spacy.util.filter_spans); a province name after a
  match is taken into it ("Công an tỉnh Lào Cai"), and an office-holder before it
  ("Thủ trưởng các sở, ban, ngành", "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu").
The token facts the patterns need depend on neighbours (is this capitalised word the
start of a head? does "và" join "Công nghệ" or open "Ban Thường vụ Tỉnh ủy"?), so they
are computed in Python and written into each token's TAG; the Matcher tests them in C.
Speed (same results): a word's own facts are computed once per vocabulary entry (_Lex
flags); the neighbour-dependent classes only for tokens in a "window" (from a token that
can open a pattern to the first token no pattern accepts), and the Matcher runs on those
windows only; find_bodies, split_bodies, canonical_name are memoised per string.  Cost:
build ~0.2 s CPU once, ~0.1 ms for a short cell, ~0.3 ms per 100 tokens of prose.
bench/bodies_equivalence.py records real calls and replays them (tests/test_bodies_equivalence.py).

A word in capitals with an accented vowel right after a mixed-case word ("Bộ Xây dựng" |
"BỘ TRƯỞNG BỘ XÂY DỰNG", a heading on the next line) ends a name; abbreviations ("KH&CN",
"HĐND") have no accented capital and stay inside.

split_bodies splits a cell on "," ";" "và" and line breaks except inside a found name (and
inside the owner of a collective: "Thủ trưởng các đơn vị thuộc Bộ Kế hoạch và Đầu tư"),
splits names run together, joins collective lists back ("Các sở" + "ban" + "ngành";
fixed pairs "cơ quan, đơn vị ..."; one noun repeated and closed by a list closer, data
list_closers: "các cơ quan chuyên môn, cơ quan hành chính khác" is one, while "Các doanh
nghiệp viễn thông, doanh nghiệp bưu chính" without a closer is two), drops role words
("Sở KH&CN chủ trì hướng dẫn").
Collective names are capitalised on their first letter ("Đơn vị liên quan").
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from spacy.attrs import TAG

from vanban.pipeline.types import LaidOut
from vanban.schemas.models import Body, Task

from vanban.lexicon import abbreviations, load


@dataclass
class BodySpan:
    name: str          # as written, whitespace folded, proper-cased
    start: int
    end: int
    canonical: str
    kind: str = "other"


# --- data ---------------------------------------------------------------------------

#: Punctuation ignored when names are compared: "Sở Văn hóa Thể thao và Du lịch" = "Sở Văn hóa, Thể thao và Du lịch".
FOLD_PUNCT = re.compile(r"[^\w&]+")


@lru_cache(maxsize=8192)
def _fold(s: str) -> str:
    """Key for comparing names: lower case, NFC, punctuation and spaces folded."""
    s = unicodedata.normalize("NFC", s).casefold()
    return " ".join(FOLD_PUNCT.sub(" ", s).split())


@dataclass(frozen=True)
class _Gazetteer:
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
    not_collective: frozenset[tuple[str, ...]]
    collective_pairs: frozenset[tuple[str, str]]
    collective_flat: frozenset[str]            # "cơ quan", "đơn vị", ...
    upper_heads: frozenset[str]                # heads printed in capitals: UBND, HĐND
    office_title: re.Pattern                   # "Thủ trưởng " right before a body
    office_title_start: re.Pattern             # a piece opening with one: "Chủ tịch Ủy ban ..."
    list_closer: re.Pattern                    # "khác" ending a list of one noun: "..., cơ quan hành chính khác"


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
        for abbr, full in sorted(abbreviations().items(), key=lambda kv: -len(kv[1])):
            short = re.sub(rf"(?<!\w){re.escape(full)}(?!\w)", abbr, short, flags=re.I)
        out.add(short)
    return out


def _phrases(items) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Word lists ("cơ quan", "chính trị - xã hội") indexed by first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for item in items:
        words = tuple(item.lower().replace("-", " - ").split())
        out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _mask(words: list[str], phrases: dict[str, tuple[tuple[str, ...], ...]]) -> list[bool]:
    """Which of the lower-cased `words` belong to one of the phrases (whole phrases only:
    "chính" in "Sở Tài chính" is not the "chính" of "chính quyền")."""
    out = [False] * len(words)
    after = 0                           # a phrase found ends here: no new one starts inside it
    for i in [i for i, w in enumerate(words) if w in phrases]:
        if i < after:
            continue
        for p in phrases[words[i]]:
            if tuple(words[i:i + len(p)]) == p:
                out[i:i + len(p)] = [True] * len(p)
                after = i + len(p)
                break
    return out


def _words(text: str) -> list[str]:
    """Lower-cased words of a piece, commas dropped, hyphens as words ("chính trị-xã hội")."""
    return text.lower().replace(",", " ").replace("-", " - ").split()


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    d = load("bodies.yaml")
    official: dict[str, tuple[str, str]] = {}
    phrases: dict[str, set[str]] = {}
    for kind, names in d["names"].items():
        for n in names:
            for v in _variants(n):
                official.setdefault(_fold(v), (v if v == n or "thành phố" in v or "Thành ủy" in v else n, kind))
                # as written, and without its commas ("Sở Văn hóa Thể thao và Du lịch")
                phrases.setdefault(kind, set()).update({v, v.replace(",", "")})
    syll = lambda words: frozenset(w for p in words for w in p.lower().replace("-", " - ").split())  # noqa: E731
    return _Gazetteer(
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
        office_title_start=re.compile(r"(?:" + "|".join(re.escape(t) for t in
                                                      sorted(d["office_titles"], key=len, reverse=True)) + r")\s"),
        upper_heads=frozenset(h for h in d["heads"] if h.isupper()),
        list_closer=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(d["list_closers"], key=len, reverse=True))
                               + r")(?:\s+(?:trực\s+)?thuộc\s.*)?$", re.I),   # "... khác thuộc Ủy ban nhân dân Thành phố"
        not_collective=frozenset(tuple(x.split()) for x in d["not_collective"]),
        collective_flat=frozenset(" ".join(x.lower().split()) for x in d["collective_nouns"]),
        collective_pairs=frozenset((a.lower(), b.lower()) for a, b in d["collective_pairs"]),
        role_words=re.compile(r"(?:" + "|".join(re.escape(w) for w in sorted(d["role_words"], key=len, reverse=True))
                              + r")(?!\w)"),
    )


# --- spaCy --------------------------------------------------------------------------

#: Punctuation the tokenizer splits off a word: "Sở Tư pháp," -> "pháp" ","
#: and "(Sở Nội vụ)" -> "(" ... ")".  "&", "-", "/" inside a word stay ("KH&CN").
TOKEN_PREFIX = re.compile(r"""^[\(\[\{"“‘'«•*+]""")
TOKEN_SUFFIX = re.compile(r"""[\)\]\}"”’'»,;:.!?…]$""")
TOKEN_INFIX = re.compile(r"""[,;:\(\)\[\]"“”…](?=\S)|(?<=\S)[,;:\(\)\[\]"“”…]""")


#: Line breaks and tabs inside a text: "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng\nNai" (034).
LINE_BREAKS = re.compile(r"[\n\r\t\f\v]")
#: Classes of a token for the Matcher patterns (see _Matchers._classes).
TOKEN_CLASSES = ("head", "chead", "inhead", "nfirst", "name", "unit", "ctail", "det", "coll", "qual")
#: Words that may end a committee's or a collective's name: "trực thuộc Trung ương", "có liên quan".
COMMITTEE_TAIL = frozenset({"trực", "thuộc", "trung", "ương", "có", "liên", "quan"})
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

    def __init__(self, text: str, low: str, punct: bool, alpha: bool, g: "_Gazetteer", head_firsts) -> None:
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

        g = _gazetteer()
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
    def of(cls, lexes: list[_Lex], g: _Gazetteer, heads_by_first) -> "_DocHeads":
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
        coll = _mask(lows, g.collective)
        coll_start = [False] * n
        for i in [i for i, c in enumerate(coll) if c]:
            coll_start[i] = i == 0 or not coll[i - 1] or lows[i] in g.collective
        tail = [False] * n
        for i in [i for i, w in enumerate(lows[:-1]) if w in TAIL_FIRSTS]:
            if (lows[i], lows[i + 1]) in TAIL_PHRASES:
                tail[i] = tail[i + 1] = True
        return cls(head, inside, breaking, coll, coll_start, _mask(lows, g.qualifiers), tail)


@lru_cache(maxsize=1)
def _matchers() -> _Matchers:
    return _Matchers()


#: A province name after a body ("Công an tỉnh Lào Cai", "Sở Văn hóa, Thể thao và Du lịch
#: tỉnh Lâm Đồng", "Báo và Phát thanh, Truyền hình Đồng Nai"), built from the gazetteer.
@lru_cache(maxsize=1)
def _province_tail() -> re.Pattern:
    names = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_gazetteer().provinces, key=len, reverse=True))
    return re.compile(rf"^(?:\s+(?:tỉnh|thành\s+phố|TP\.?))?\s+(?:{names})(?!\w)", re.I)


# --- names --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _abbrev_re() -> re.Pattern:
    keys = sorted(abbreviations(), key=len, reverse=True)
    return re.compile(r"(?<![\w&/-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w&/-])")


@lru_cache(maxsize=8192)
def canonical_name(name: str) -> str:
    """Abbreviations expanded ("Sở KH&CN" -> "Sở Khoa học và Công nghệ"); the official
    spelling when the gazetteer knows the name ("Sở Văn hóa Thể thao và Du lịch")."""
    name = " ".join(name.split())
    abbr = abbreviations()
    expanded = _abbrev_re().sub(lambda m: abbr[m.group(0)], name)
    expanded = RECASED_UBND.sub("Ủy ban nhân dân", expanded)
    hit = _gazetteer().official.get(_fold(expanded))
    if hit:
        return _abbrev_re().sub(lambda m: abbr[m.group(0)], hit[0])
    return _proper(expanded)


@lru_cache(maxsize=8192)
def _proper(name: str) -> str:
    """Whitespace folded, proper-cased: an all-capitals heading ("SỞ NỘI VỤ") is recased
    from the gazetteer, else in sentence case with the word after the head capitalised;
    any other name gets a capital first letter ("các sở, ban, ngành" -> "Các sở, ban, ngành")."""
    name = " ".join(name.split())
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters) and " " in name:
        hit = _gazetteer().official.get(_fold(name))
        if hit:
            return hit[0]
        words = name.lower().split(" ")
        keep_upper = {k.lower(): k for k in abbreviations()}
        words = [keep_upper.get(w, w) for w in words]
        for k in range(len(words) - 1, 0, -1):     # a known name then a place: "SỞ NỘI VỤ TỈNH LÀO CAI"
            hit = _gazetteer().official.get(_fold(" ".join(words[:k])))
            if hit and len(hit[0].split(" ")) == k:
                words[:k] = hit[0].split(" ")
                break
        else:
            words = _head_recase(words)
        units = [i for i, w in enumerate(words) if w in _gazetteer().units]
        if units and units[-1] < len(words) - 1:    # the place after its unit: "huyện Bát Xát"
            words[units[-1] + 1:] = [w[:1].upper() + w[1:] for w in words[units[-1] + 1:]]
        name = " ".join(words)
        for p in _gazetteer().provinces:
            name = re.sub(rf"(?<!\w){re.escape(p.lower())}(?!\w)", p, name)
    return name[:1].upper() + name[1:]


def _head_recase(words: list[str]) -> list[str]:
    """Sentence case with the word after the head capitalised: "sở nội vụ" -> "Sở Nội vụ"."""
    for n in range(4, 0, -1):
        if tuple(words[:n]) in _gazetteer().heads and len(words) > n:
            if words[n] not in _gazetteer().units and words[n] not in _gazetteer().determiners:
                words[n] = words[n][:1].upper() + words[n][1:]      # "Sở nội vụ" -> "Sở Nội vụ"
            break
    return words


def find_bodies(text: str) -> list[BodySpan]:
    """Every body named in `text`, left to right, with character offsets.
    Memoised per text (the task extractor asks again about the same paragraphs and cells);
    each call gets BodySpans of its own."""
    return [BodySpan(*b) for b in _find_bodies(text)]


@lru_cache(maxsize=4096)
def _find_bodies(text: str) -> tuple[tuple[str, int, int, str, str], ...]:
    out: list[BodySpan] = []
    tail = _province_tail()
    found = _matchers().spans(text)
    # "Các đơn vị thuộc Bộ Tư pháp", "Thủ trưởng các đơn vị có liên quan thuộc Bộ Tư pháp" (097): one collective
    joined: list[tuple[int, int, str, bool]] = []
    for span in found:
        if joined and joined[-1][2] == "collective" and BELONGS_TO.fullmatch(text[joined[-1][0]:span[0]]):
            joined[-1] = (joined[-1][0], span[1], "collective", False)
        else:
            joined.append(span)
    found = joined
    title = _gazetteer().office_title
    for k, (s, e, kind, _gaz) in enumerate(found):
        t = title.search(text, max(0, s - 30), s)
        if t and (not out or out[-1].end <= t.start()):
            s = t.start()
        if kind == "collective":
            b = BELONGS_TO_BARE.match(text, e)      # "Thủ trưởng các đơn vị thuộc Bộ" (010)
            if b and (k + 1 == len(found) or b.end() <= found[k + 1][0]):
                e = b.end()
        m = tail.match(text[e:])
        next_start = found[k + 1][0] if k + 1 < len(found) else len(text)
        if m and e + m.end() <= next_start:
            e += m.end()
        name = _proper(text[s:e])
        out.append(BodySpan(name=name, start=s, end=e, canonical=canonical_name(name), kind=kind))
    return tuple((b.name, b.start, b.end, b.canonical, b.kind) for b in out)


#: Separators of a list of bodies: "Sở Tài chính, Sở Nội vụ; UBND cấp xã và đơn vị liên quan".
LIST_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+và\s+|\s*\n\s*")
#: A line break that is a wrap inside a name: the next line starts in lower case
#: ("Sở Khoa học\nvà Công\nnghệ"), so it is joined with a space.
WRAPPED_LINE = re.compile(r"\s*\n\s*(?=[a-zđà-ỹ])")
#: "Ubnd"/"ubnd" as a recased heading prints it.
RECASED_UBND = re.compile(r"\bUbnd\b|\bubnd\b")
#: The start of each word (role words are looked for there).
WORD_START = re.compile(r"(?<!\w)\w")
#: Runs of spaces and tabs inside a cell (line breaks are handled first).
SPACES = re.compile(r"[ \t\r\f\v]+")
#: A joiner left at the start of a name: "và đơn vị liên quan" -> "đơn vị liên quan".
LEADING_JOINER = re.compile(r"^(?:và|với)\s+")
#: A collective and the body it belongs to: "Các đơn vị thuộc " + "Bộ Tư pháp" (097).
BELONGS_TO = re.compile(r"(?s).*\b(?:trực\s+)?thuộc\s*")
#: A collective and the bare level it belongs to: "các đơn vị thuộc Bộ" (010), "các cơ quan thuộc tỉnh".
BELONGS_TO_BARE = re.compile(r"\s+(?:trực\s+)?thuộc\s+(?:Bộ|tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|UBND\s+tỉnh)(?!\w)")
#: Where the owner starts inside a joined collective: "Thủ trưởng các đơn vị thuộc " + "Bộ Kế hoạch và Đầu tư".
OWNER_IN_COLLECTIVE = re.compile(r"\bthuộc\s+(?=[A-ZĐÀ-Ỹ])")
#: A bracketed aside is never split: "Bộ Công an (Trung tâm Dữ liệu quốc gia)".
BRACKETED = re.compile(r"\([^()]*\)")
#: Bullets, dashes and role notes around a name: "- Sở Nội vụ;", "Sở Tư pháp (chủ trì)".
NAME_JUNK = re.compile(r"^[\s\-–+•*.:;,]+|[\s\-–+•*.:;,]+$|\s*\((?:chủ trì|phối hợp|cơ quan chủ trì|thực hiện)\)", re.I)


def _is_collective_piece(piece: str) -> bool:
    """"Các sở", "cơ quan", "Thủ trưởng các đơn vị": a collective name, not one body."""
    g = _gazetteer()
    words = _words(piece)
    if not words:
        return False
    if any(w in g.determiners for w in words) or words[0] in ("thủ", "giám", "chủ"):
        return True
    return all(c or q for c, q in zip(_mask(words, g.collective), _mask(words, g.qualifiers)))


def _starts_collective(piece: str) -> bool:
    words = _words(piece)
    return bool(words) and _mask(words[:4], _gazetteer().collective)[0]


def _continues(prev: str, piece: str, sep: str = ",") -> bool:
    """Does `piece`, after a comma or "và", continue the name in `prev`?
    "Các sở" + "ban" + "ngành" ; "cấp tỉnh" + "cấp xã" ; "tại điểm d" + "khoản 1" + "mục III"."""
    g = _gazetteer()
    words = piece.split()
    if not words:
        return False
    first = words[0].lower()
    if (words[0][:1].islower() and not _starts_collective(piece) and first not in g.determiners
            and sep == "," and not g.role_words.match(piece)):
        return True             # "Vụ Phổ biến" + "giáo dục pháp luật" (097); "cơ sở giáo dục" + "đào tạo" (034)
    if (sep == "và" and words[0][:1].isupper() and not _starts_with_head(piece) and not _starts_collective(piece)
            and _fold(piece) not in g.official and not g.office_title_start.match(piece) and _starts_with_head(prev)):
        return True             # "Vụ Khoa học công nghệ, môi trường" + "Vật liệu xây dựng" (010): not a body alone
    if first in g.locator_words and len(words) <= 3 and any(w in g.locator_words for w in prev.lower().split()[-2:-1]):
        return True
    if first == "cấp" and len(words) == 2 and prev.lower().split()[-2:-1] == ["cấp"]:
        return True
    if not _is_collective_piece(prev) or not _starts_collective(piece):
        return False
    if "chính trị" in piece.lower():
        return False            # "Sở, ban, ngành" + "tổ chức chính trị - xã hội" are two collectives (033)
    if words[0][:1].isupper() and any(w[:1].isupper() for w in words[1:]):
        return False            # "Sở Y tế" is a body of its own
    last, first_noun = _last_noun(prev), _first_noun(piece)
    if first_noun is not None and first_noun == _determined_noun(prev) and g.list_closer.search(piece):
        return True             # "các cơ quan chuyên môn" + "cơ quan hành chính khác" (052): "khác" closes the list
    if last is None:            # "Các doanh nghiệp viễn thông" + "doanh nghiệp bưu chính" (034): two bodies
        return False
    if (last, first_noun) in g.collective_pairs or (last == first_noun and last is not None):
        return True             # "các cơ quan" + "đơn vị trực tiếp sử dụng ..."; "cơ quan ..., cơ quan ..."
    low = _words(_before_role(piece))
    return all(c or q or w in COMMITTEE_TAIL or w == "khác"
               for w, c, q in zip(low, _mask(low, g.collective), _mask(low, g.qualifiers)))


def _determined_noun(piece: str) -> str | None:
    """The collective noun right after the last determiner of a piece: "Người đứng đầu các cơ
    quan chuyên môn" -> "cơ quan"; None without a determiner ("doanh nghiệp viễn thông")."""
    g = _gazetteer()
    words = _words(piece)
    at = [i for i, w in enumerate(words) if w in g.determiners]
    return _first_noun(" ".join(words[at[-1] + 1:])) if at else None


def _first_noun(piece: str) -> str | None:
    """The collective noun a piece opens with: "đơn vị trực tiếp ..." -> "đơn vị"."""
    words = _words(piece)
    for p in _gazetteer().collective.get(words[0] if words else "", ()):
        if tuple(words[:len(p)]) == p:
            return " ".join(p)
    return None


def _last_noun(piece: str) -> str | None:
    """The collective noun a piece ends with, qualifiers skipped ("các sở, ngành liên quan" -> "ngành");
    None when it ends in other words ("Các doanh nghiệp viễn thông")."""
    g = _gazetteer()
    words = _words(piece)
    coll, qual = _mask(words, g.collective), _mask(words, g.qualifiers)
    i = len(words) - 1
    while i >= 0 and qual[i] and not coll[i]:
        i -= 1
    if i < 0 or not coll[i]:
        return None
    for k in range(max(0, i - 3), i + 1):       # the longest noun ending there: "cơ quan", not "quan"
        if " ".join(words[k:i + 1]) in g.collective_flat:
            return " ".join(words[k:i + 1])
    return words[i]


def _before_role(piece: str) -> str:
    """The piece up to its first role words: "ngành với các tiêu chuẩn" -> "ngành"."""
    g = _gazetteer()
    for m in WORD_START.finditer(piece):
        if m.start() and g.role_words.match(piece, m.start()):
            return piece[:m.start()]
    return piece


def _starts_with_head(text: str) -> bool:
    """Does the text open with a body's head word ("Vụ ...", "Sở ...", "UBND ...")?"""
    words = tuple(text.strip(" -–+•*.:;,").lower().split()[:4])
    return any(words[:n] in _gazetteer().heads for n in range(1, 5)) and text.strip()[:1].isupper()


def split_bodies(text: str) -> list[str]:
    """A lead/coordinator cell or phrase -> body names, one entry per body.

    Split on commas, ";", "và" and line breaks, except inside one name (the spans
    find_bodies finds: "Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện, thị xã,
    thành phố") and inside a collective list ("Các sở, ban, ngành và địa phương").
    Two names run together without a separator ("Sở Khoa học và Công nghệ Sở Công
    Thương") are two bodies.  Names are whitespace-folded and proper-cased.
    """
    return list(_split_bodies(text))


@lru_cache(maxsize=4096)
def _split_bodies(text: str) -> tuple[str, ...]:
    """split_bodies, memoised per text."""
    t = WRAPPED_LINE.sub(" ", text.strip())
    t = SPACES.sub(" ", t)
    # names protect their commas and "và"; collective lists are joined by _continues instead
    found = find_bodies(t)
    spans = [(b.start, b.end) for b in found if b.kind != "collective"]
    all_spans = [(b.start, b.end) for b in found]
    protected = spans + [(m.start(), m.end()) for m in BRACKETED.finditer(t)]
    # the body a collective belongs to keeps its "và": "Thủ trưởng các đơn vị thuộc Bộ Kế hoạch và Đầu tư"
    protected += [(m.end(), b.end) for b in found if b.kind == "collective"
                  for m in [OWNER_IN_COLLECTIVE.search(t, b.start, b.end)] if m]
    inside = lambda i: any(s < i < e for s, e in protected)  # noqa: E731
    pieces: list[tuple[str, str, int]] = []   # (separator before, text, start offset)
    last, sep = 0, ""
    g = _gazetteer()
    for m in LIST_SEPARATOR.finditer(t):
        if inside(m.start()) or inside(m.end() - 1) or m.start() == 0:
            continue
        nxt = t[m.end():].split(" ", 1)[0]
        if m.group(0).strip() == "và" and nxt[:1].islower() and not _starts_collective(t[m.end():m.end() + 40]) \
                and nxt.lower() not in g.determiners:
            continue            # "cơ sở giáo dục và đào tạo": "và" inside a name
        pieces.append((sep, t[last:m.start()], last))
        last, sep = m.end(), m.group(0)
    pieces.append((sep, t[last:], last))

    # names run together become pieces of their own, then collective lists are joined again
    parts: list[tuple[str, str, int]] = []
    for sep, piece, start in pieces:
        for j, (part, at) in enumerate(_run_together(piece, start, all_spans)):
            parts.append((sep if j == 0 else " ", part, at))
    merged: list[tuple[str, int]] = []
    for sep, piece, start in parts:
        if merged and sep.strip() in (",", "và") and _continues(merged[-1][0], piece.strip(), sep.strip()):
            merged[-1] = (merged[-1][0] + sep + piece, merged[-1][1])
        else:
            merged.append((piece, start))

    names: list[str] = []
    for piece, start in merged:
        lead = piece.lstrip(" -–+•*.:;,")
        if lead[:1].islower() and g.role_words.match(lead) \
                and not any(s <= start + len(piece) - len(lead) < e for s, e in spans):
            continue        # "theo dõi, báo cáo chỉ tiêu": the rest of a role clause, not a body
        part = NAME_JUNK.sub("", _before_role(piece)).strip()     # "Sở KH&CN chủ trì hướng dẫn" -> "Sở KH&CN"
        part = LEADING_JOINER.sub("", part)
        if any(c.isalpha() for c in part):
            names.append(_proper(part))
    seen, out = set(), []
    for n in names:
        if _fold(n) not in seen:
            seen.add(_fold(n))
            out.append(n)
    return tuple(out)


def _run_together(piece: str, start: int, spans: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """A piece made of body names side by side -> those names, with their offsets
    ("Sở Khoa học và Công nghệ Sở Công Thương"; "Bộ Ngoại giao Bộ Công Thương Cơ quan" from
    PDF cells whose lines were joined, 085)."""
    junk = " -–+•*.:;,"
    end = start + len(piece)
    offset = len(piece) - len(piece.lstrip())
    whole = [(piece, start)]
    if any(s < start + offset and e > start for s, e in spans):
        return whole            # the piece is the end of a longer name
    inner = [(s, e) for s, e in spans if s >= start and e <= end]
    if not inner:
        return whole
    out, pos = [], start + offset
    for s, e in inner:
        if piece[pos - start:s - start].strip(junk):
            return whole        # words between two names: one name ("Sở Sở Công thương")
        out.append((piece[s - start:e - start], s))
        pos = e
    rest = piece[pos - start:].strip()
    if rest.strip(junk):
        opens_body = rest[:1].isupper() and (_starts_with_head(rest) or _starts_collective(rest)
                                             or rest.split(" ")[0].lower() in _gazetteer().determiners
                                             or _fold(rest) in _gazetteer().official)
        if not opens_body:
            return whole
        out.append((rest, end - len(piece[pos - start:].lstrip())))
    return out if len(out) > 1 else whole


def collect_bodies(tasks: list[Task], doc: LaidOut) -> list[Body]:
    """One Body per distinct body named in the document (grouped by canonical name,
    case folded): roles lead/coordinator and task ids from the tasks; bodies named only
    in the text get the role "mentioned" (collective names only count in tasks; a name that is
    the start of a task's body name is that body cut short: "Vụ trưởng Vụ Khoa học" (010))."""
    bodies: dict[str, Body] = {}

    def add(name: str, role: str, task_id: str | None, kind: str | None = None) -> None:
        canonical = canonical_name(name)
        key = _fold(canonical)
        b = bodies.get(key)
        if b is None:
            hit = _gazetteer().official.get(key)
            b = Body(name=_proper(name), canonical=canonical, kind=kind or (hit[1] if hit else _kind_of(name)))
            bodies[key] = b
        if role not in b.roles:
            b.roles = b.roles + [role]
        if task_id and task_id not in b.tasks:
            b.tasks = b.tasks + [task_id]

    for task in tasks:
        for name in task.lead:
            add(name, "lead", task.id)
        for name in task.coordinators:
            add(name, "coordinator", task.id)
    named = [k + " " for k in bodies]
    for span in find_bodies(doc.text):
        if span.kind == "collective":
            continue
        key = _fold(span.canonical)
        if key in bodies or any(k.startswith(key + " ") for k in named):
            continue        # the start of a task's body cut short: "Vụ trưởng Vụ Khoa học" (010)
        add(span.name, "mentioned", None, span.kind)
    for b in bodies.values():
        if "mentioned" in b.roles and len(b.roles) > 1:
            b.roles = [r for r in b.roles if r != "mentioned"]
    return list(bodies.values())


def _kind_of(name: str) -> str:
    spans = find_bodies(name)
    if spans and spans[0].start == 0 and spans[0].end >= len(name.rstrip()) - 1:
        return spans[0].kind
    return "collective" if _is_collective_piece(name) else "other"
