"""Character-level accuracy of a text against a hand transcript (legacy fonts, OCR).

    fold(text) -> str                  NFC, white space folded to single spaces
    score(gold, pred) -> dict          chars/chars_ok and dia/dia_ok (characters carrying a diacritic)

The alignment is difflib's, word by word first, then character by character inside
the words that differ.  Used by bench/legacy_accuracy.py and the legacy tests.
"""
from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def has_diacritic(ch: str) -> bool:
    return ch in "đĐ" or any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", ch))


def matched_mask(gold: str, pred: str) -> list[bool]:
    """For each character of `gold`, is it reproduced at the aligned position of `pred`?"""
    mask = [False] * len(gold)
    gw, pw = gold.split(" "), pred.split(" ")
    g_off, off = [], 0
    for w in gw:
        g_off.append(off)
        off += len(w) + 1
    p_off, off = [], 0
    for w in pw:
        p_off.append(off)
        off += len(w) + 1
    sm = difflib.SequenceMatcher(None, gw, pw, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if i1 == i2:
            continue
        gs = g_off[i1]
        ge = g_off[i2 - 1] + len(gw[i2 - 1])
        if op == "equal":
            for k in range(gs, ge):
                mask[k] = True
        elif op == "replace":
            ps = p_off[j1]
            pe = p_off[j2 - 1] + len(pw[j2 - 1])
            g_seg, p_seg = gold[gs:ge], pred[ps:pe]
            if len(g_seg) * len(p_seg) > 4_000_000:
                continue     # a huge unaligned stretch: counted as wrong
            inner = difflib.SequenceMatcher(None, g_seg, p_seg, autojunk=False)
            for a, _b, size in inner.get_matching_blocks():
                for k in range(a, a + size):
                    mask[gs + k] = True
    return mask


def score(gold: str, pred: str) -> dict[str, int]:
    mask = matched_mask(gold, pred)
    out = defaultdict(int)
    for ch, ok in zip(gold, mask):
        if ch == " ":
            continue
        out["chars"] += 1
        out["chars_ok"] += ok
        if has_diacritic(ch):
            out["dia"] += 1
            out["dia_ok"] += ok
    return out
