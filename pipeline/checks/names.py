"""The body-name check: is a task's lead  # chủ trì, or coordinator  # phối hợp, a body name?

Every rule is a sign a careful reader would call the name wrong, with its words in
lexicon/data/checks.yaml. How well the rules tell bodies from faults is measured on hand-labelled
pool names by bench/lead_check.py (tests/data/lead_name_labels.tsv)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from vanban.lexicon import fold_key

from ._words import names

WORDS = re.compile(r"[^\W\d_]+")


def _foreign_words(name: str, vocabulary: frozenset[str]) -> int:
    """Lower-case words of `name` that no body name of the gazetteer uses."""
    return sum(1 for w in WORDS.findall(name) if w.islower() and w not in vocabulary)


@lru_cache(maxsize=8192)
def name_fault(name: str) -> Optional[str]:
    """Why `name` is not a body name, or None.  Remembered: a document's tasks name the same
    bodies again (3,473 names, 713 distinct, over the corpus texts; issue 13).

    'Cơ quan' -> 'a bare fragment'; 'Các Quyết định sau đây hết hiệu lực' -> 'a clause';
    'Công an tỉnh trong việc' -> "ends in 'việc'"; 'Hạ tầng' -> 'starts with no body word';
    'Ngân hàng Nhà nước chi nhánh khu vực 14' -> None."""
    w = names()
    name = name.strip()
    if not name:
        return "empty"
    if fold_key(name) in w.fragments:
        return "a bare fragment"
    if not name[0].isupper() and not name[0].isdigit():
        return "starts in lower case (a cut piece)"
    if w.blank.search(name):
        return "a form's blank"
    if name.count("(") != name.count(")"):
        return "an unclosed parenthesis"
    if w.sentence_break.search(name):
        return "two sentences"
    if _foreign_words(name, w.name_vocabulary) > w.max_name_words:
        return f"more than {w.max_name_words} words that no body name uses"
    if any(map(str.isdigit, name)) and any(c.isdigit() for c in w.allowed_number.sub("", name)):
        return "holds a number"
    m = w.clause.search(name)
    if m:
        return f"a clause ({m.group()!r})"
    m = w.dangling_end.search(name)
    if m and not w.kept_end.search(name):
        return f"ends in {m.group(1)!r} (a cut clause)"
    m = w.second_holder.search(name)
    if m and not w.title_list.match(name):
        return f"two holders in one name ({m.group().strip(', ')!r})"
    if not w.start.match(name):
        return "starts with no body word"
    return None
