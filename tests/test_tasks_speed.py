"""The task extractor's faster forms (issue 13) find what the plain forms found, on the corpus texts: the cue
patterns written first letter first, the pre-tests that skip a regex pass, the folded-text short cut of clean."""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from vanban.lexicon import load
from vanban.lexicon.deadlines import PROSE_CUE, PROSE_CUE_HINT, deadline_grammar

cues = sys.modules.get("vanban.extractors.tasks.cues") or __import__("vanban.extractors.tasks.cues", fromlist=["x"])


@lru_cache(maxsize=1)
def lines() -> tuple[str, ...]:
    """The corpus texts' lines, as written and case-folded (the task readers search both)."""
    out = [x for p in sorted((Path(__file__).parent.parent / "corpus").glob("*.txt"))
           for x in p.read_text(encoding="utf-8").split("\n") if x.strip()]
    return tuple(out + [x.casefold() for x in out])


def _spans(pattern: re.Pattern) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in pattern.finditer(t)] for t in lines()]


@pytest.mark.parametrize("kind", ["verbs", "lead", "duty", "lead_or_coordinate"])
def test_cue_starts_are_the_zero_width_forms(kind):
    """starts_of's pattern (the first letter matched, the rest looked ahead for) starts where the zero-width
    look-behind-first form did: every phrase start, one inside another's phrase too."""
    alts = "|".join(re.escape(w) for w in sorted(set(cues._words_of(kind)), key=len, reverse=True))
    plain = re.compile(r"(?<!\w)(?=(?:" + alts + r")(?!\w))")
    new = cues._any_of(kind)
    starts = [[m.start() for m in new.finditer(t)] for t in lines()]
    assert starts == [[m.start() for m in plain.finditer(t)] for t in lines()]
    assert sum(map(len, starts)) > 100


@pytest.mark.parametrize("key", ["function_ends", "place_relatives", "clause_openers", "predicate_verbs"])
def test_word_lists_match_as_the_look_behind_first_forms(key):
    words = load("assignment_words.yaml")[key]
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                       + r")(?!\w)")
    found = _spans(cues._words_re(words))
    assert found == _spans(plain) and any(found)


def test_task_words_match_as_the_look_behind_first_forms():
    """phrase_re (the word as a literal, the look-behind after it) finds the spans the plain form found."""
    p = cues.phrases()
    for phrase in p.openers + p.coordinate + p.coordinate_direct + p.co_lead + ("Giao", "Đề nghị", "để"):
        plain = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
        assert _spans(cues.phrase_re(phrase)) == _spans(plain), phrase


def test_frequency_hint_holds_wherever_a_frequency_word_is():
    """any_frequency (each word opening a word, any case, first letter first) is found wherever the plain
    `\\b(?:words)\\b` form is, and so wherever a frequency pattern matches: it skips only texts with none."""
    g, w = deadline_grammar(), load("deadline_words.yaml")
    words = sorted({x for ws in w["frequency"].values() for x in ws}, key=len, reverse=True)
    plain = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, x.split())) for x in words) + r")\b", re.I)
    texts = lines() + ("HẰNG NĂM", "Định Kỳ 6 Tháng", "6 tháng/lần", "trước ngày 20 hằng tháng")
    hits = 0
    for t in texts:
        starts = {m.start() for m in g.any_frequency.finditer(t)}
        for m in plain.finditer(t):
            assert m.start() in starts, t
            hits += 1
        if any(p.search(t) for _, p in g.frequency):
            assert starts, t
    assert hits > 10


def test_prose_cue_hint_stands_wherever_a_cue_does():
    """A deadline inside prose needs a cue (PROSE_CUE): PROSE_CUE_HINT finds the cue's first word where it starts."""
    anywhere = re.compile(PROSE_CUE.pattern.replace(r")\s*$", ")"), PROSE_CUE.flags)
    texts = lines() + ("CHẬM NHẤT ngày 30/6", "Hoàn Thành trong quý I", "xong trước 1/2026", "ĐỊNH KỲ hằng năm")
    cued = 0
    for t in texts:
        for m in anywhere.finditer(t):
            assert PROSE_CUE_HINT.match(t, m.start()) is not None, t
            cued += 1
        for m in re.finditer(r"định\s+kỳ", t, re.I):      # the periodic frequency the reader falls back to
            assert PROSE_CUE_HINT.match(t, m.start()) is not None, t
    assert cued > 50


def test_folded_texts_are_their_own_clean_form():
    """clean returns a text as it is when it is printable with single inner spaces: every white-space character
    str.split cuts at, other than the space, is unprintable."""
    from vanban.extractors.tasks.columns import _folded, clean
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " " and c.isprintable()]
    for t in lines()[:5000] + ("a\u00a0b", " a", "a ", "a  b", "a\u2003b", "a\x1cb", ""):
        assert "*" in t or "__" in t or clean.__wrapped__(t) == " ".join(t.split())
        assert not _folded(t) or t == " ".join(t.split())


def test_pre_tests_hold_wherever_their_patterns_match():
    """The literal searches run before a costly pattern hold wherever it matches (so a text without them has no
    match): an item number before INLINE_ITEM, "các <head>:" before TITLE_OVER_MEMBERS, an ellipsis before a form's
    BLANK, a separator before NAME_ITEMS."""
    tasks = sys.modules.get("vanban.extractors.tasks") or __import__("vanban.extractors.tasks", fromlist=["x"])
    members = sys.modules["vanban.extractors.tasks.members"]
    name_lists = sys.modules["vanban.extractors.tasks.name_lists"]
    lead_names = sys.modules["vanban.extractors.tasks.lead_names"]
    found = 0
    for t in lines() + ("Giám đốc các Sở: Nội vụ; Tài chính", "và ông (bà) ……… chịu trách nhiệm", "a; (1) Bộ Công an"):
        if tasks.INLINE_ITEM.search(t):
            assert tasks.ITEM_NUMBER.search(t)
            found += 1
        if members.TITLE_OVER_MEMBERS.search(t):
            assert members.MEMBERS_AFTER.search(t)
            found += 1
        if name_lists.BLANK.search(t):
            assert "…" in t or "..." in t
        if lead_names.NAME_ITEMS.search(t):
            assert ";" in t or "-" in t or "–" in t
    assert found > 5


def test_key_start_is_a_start_of_the_whole_key():
    """_key_start folds a long text's first characters only: the fold_key of a text's start is a start of the
    text's fold_key, at least as long as asked for (or the whole key)."""
    from vanban.lexicon import fold_key
    tasks = sys.modules.get("vanban.extractors.tasks") or __import__("vanban.extractors.tasks", fromlist=["x"])
    for t in lines()[:3000] + ("Ủy ban nhân dân tỉnh (Sở Nội vụ) ... chủ trì" * 9, "a" * 300, "." * 300 + " Bộ Y tế"):
        whole = fold_key(t)
        for n in (1, 12, 40):
            head = tasks._key_start(t, n)
            assert whole.startswith(head) and (len(head) >= n or head == whole)


def test_all_bodies_without_a_head_needs_a_body_at_its_start():
    """all_bodies asks for no names (find_bodies) when no head and no body opens the text: then it is False, as
    it was when the names were made first."""
    lead_names = sys.modules["vanban.extractors.tasks.lead_names"]
    from vanban.extractors.bodies import find_bodies
    texts = [t for t in lines()[:4000] if len(t) <= 200]
    for t in texts + ["Sở Nội vụ", "Các sở, ban, ngành", "Mục tiêu cụ thể", "Thuế tỉnh", "KBNN"]:
        if lead_names.all_bodies(t):
            s = lead_names.PARENTHESIS.sub("", t.strip(" :;.")).strip()
            spans = find_bodies(s)
            assert cues.opens_with_head(s) or (spans and spans[0].start <= 1) or lead_names.is_localities(s)


def test_word_hints_hold_wherever_the_notes_and_self_references_are():
    """is_repealed reads only a text holding "bãi" (every repealed note does), executes_document only one holding
    "này" in any case (every self-reference does): the same answers as the whole tests."""
    holder_headings = sys.modules["vanban.extractors.tasks.holder_headings"]
    openers = sys.modules["vanban.extractors.tasks.openers"]
    notes = ["[17] (được bãi bỏ)", "(Được BÃI BỎ)", "Bị bãi bỏ.", "[3] đã được bãi bỏ;"]
    for t in list(lines()[:6000]) + notes:
        plain = " ".join(holder_headings.NOTE.sub(" ", t).split()).casefold() in holder_headings._repealed()
        assert holder_headings.is_repealed(t) == plain
        assert openers.executes_document(t) == (openers._self_reference().search(t) is not None)
    assert all(holder_headings.is_repealed(n) for n in notes)
    assert openers.executes_document("triển khai thực hiện tốt KẾ HOẠCH NÀY.")


def test_leading_names_open_with_the_texts_first_letter():
    """The run of names leading_bodies finds is a start of the text, so it opens with the text's first letter:
    later._opening_holders skips a sentence in lower case with no adverbial to skip, which names no capitalised holder."""
    lead_names = sys.modules["vanban.extractors.tasks.lead_names"]
    found = 0
    for t in lines()[:6000] + ("các sở, ban, ngành triển khai", "Sở Nội vụ chủ trì", "  UBND tỉnh chỉ đạo"):
        who = lead_names.leading_bodies(t)
        assert not who or who[:1] == t.lstrip()[:1], t
        found += bool(who)
    assert found > 50
