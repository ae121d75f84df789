"""vanban's lexicon: every word list and data table the pipeline and the extractors use.

Both `vanban.pipeline` and `vanban.extractors` depend on this package; it depends
on neither.  Data files live in `lexicon/data/` (YAML with quoted real examples;
TSV for the legacy-font tables).

    load(name) -> object            a YAML data file, parsed once per process
    data_path(name) -> Traversable  any data file (the TSV tables)
    doc_types, type_by_code, types_by_name, abbreviations   (lexicon.doc_types)
    strip_marks, fold_key                                   (lexicon.text)
    alternation(words)                                      (lexicon.patterns)
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

#: libyaml's safe loader when PyYAML was built with it (about ten times faster at start-up,
#: the same objects), else the pure-Python one
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(name: str):
    """The data file `lexicon/data/<name>` (an importlib Traversable)."""
    return resources.files("vanban.lexicon").joinpath("data", name)


@lru_cache(maxsize=None)
def load(name: str):
    """Parse the YAML data file `lexicon/data/<name>` once per process."""
    return yaml.load(data_path(name).read_text(encoding="utf-8"), Loader=SafeLoader)


from .doc_types import DocTypeEntry, abbreviations, doc_types, type_by_code, types_by_name  # noqa: E402
from .text import fold_key, strip_marks  # noqa: E402

__all__ = ["load", "data_path", "DocTypeEntry", "abbreviations", "doc_types", "type_by_code",
           "types_by_name", "fold_key", "strip_marks"]
