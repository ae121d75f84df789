"""Succession (kế thừa) of public bodies after the 2025 reorganisation.

    succession(name, as_of, where=None, kind=None) -> Succession|None
    current_names(name, where=None) -> list[str]       the names a body goes by now (for `vanban tasks --body`)

Rows are in audit/data/succession.yaml, each with its sources: ministries merged
(NQ 176/2025/QH15, 1/3/2025), provincial departments merged (NĐ 45/2025/NĐ-CP,
1/3/2025), provinces merged (NQ 202/2025/QH15, 1/7/2025) and the district level
ended (Luật 72/2025/QH15, 1/7/2025).  Under NQ 190/2025/QH15 a defunct body's
name in an existing document reads as its successor's.  The steps chain: `Sở
Thông tin và Truyền thông` of Bắc Giang -> `Sở Khoa học và Công nghệ` (1/3/2025)
-> of tỉnh Bắc Ninh (1/7/2025).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from vanban.lexicon import fold_key


@lru_cache(maxsize=None)
def load_data(name: str):
    """A data file of audit/data, parsed once per process (callers do not change it)."""
    return yaml.safe_load(resources.files("vanban.audit").joinpath("data", name).read_text("utf-8"))


@lru_cache(maxsize=None)
def _rows() -> tuple[dict, ...]:
    return tuple(load_data("succession.yaml")["rows"])


@lru_cache(maxsize=None)
def sources() -> dict:
    return load_data("succession.yaml")["sources"]


@dataclass
class Step:
    kind: str                   # ministry | department | province | district
    old: str
    new: list[str]
    effective: str
    basis: str
    source: list[str]


@dataclass
class Succession:
    name: str
    now: list[str]
    steps: list[Step] = field(default_factory=list)

    @property
    def since(self) -> str:
        return min(s.effective for s in self.steps)


def _prefix(old: str, name: str) -> Optional[str]:
    """The rest of `name` after the body `old` (`Sở X tỉnh Bắc Giang` -> ` tỉnh Bắc Giang`)."""
    f_old, f_name = fold_key(old), fold_key(name)
    if f_name == f_old:
        return ""
    if f_name.startswith(f_old + " "):
        return name[len(name) - (len(f_name) - len(f_old)):]
    return None


def _body_steps(name: str, as_of: date) -> tuple[list[str], list[Step]]:
    """Ministry, department and district rows, applied to one name."""
    for row in _rows():
        if row["kind"] == "province" or date.fromisoformat(row["effective"]) > as_of:
            continue
        if row["kind"] == "district":
            if re.search(row["match"], fold_key(name)) is None and re.search(row["match"], name.casefold()) is None:
                continue
            rest = ""
        else:
            rest = _prefix(row["old"], name)
            if rest is None:
                continue
        new = [_with_rest(s, rest) for s in row["successor"]]
        return new, [Step(row["kind"], name, new, row["effective"], row["basis"], row["source"])]
    return [name], []


def _with_rest(successor: str, rest: str) -> str:
    """`Sở Ngoại vụ (only where criteria met)` + ` tỉnh X` -> `Sở Ngoại vụ tỉnh X (only where criteria met)`."""
    m = re.match(r"^(.*?)(\s*\(.*\))?$", successor)
    return m.group(1) + rest + (m.group(2) or "")


def _province_row(where: Optional[str], as_of: date) -> Optional[dict]:
    if not where:
        return None
    return next((r for r in _rows() if r["kind"] == "province" and fold_key(r["old"]) == fold_key(where)
                 and date.fromisoformat(r["effective"]) <= as_of), None)


def succession(name: str, as_of: date, where: Optional[str] = None, kind: Optional[str] = None) -> Optional[Succession]:
    """Who carries the work of `name` on `as_of`, or None when the body still exists.
    `where` is the province of the document naming the body; `kind` its gazetteer kind."""
    names, steps = _body_steps(name, as_of)
    named = next((r for r in _rows() if r["kind"] == "province" and re.search(
        r"(?<!\w)" + re.escape(fold_key(r["old"])) + r"(?!\w)", fold_key(name))), None)
    row = _province_row(named["old"] if named else where, as_of)
    bound = kind in load_data("audit.yaml")["province_bound_kinds"] or (kind is None and named is not None)
    if row and bound:
        unit = row.get("unit", "tỉnh")
        moved = [_in_province(n, row["old"], row["successor"][0], unit) for n in names]
        steps.append(Step("province", ", ".join(names), moved, row["effective"], row["basis"], row["source"]))
        names = moved
    return Succession(name, names, steps) if steps else None


def _in_province(name: str, old: str, new: str, unit: str) -> str:
    """`UBND tỉnh Bắc Giang` -> `UBND tỉnh Bắc Ninh`; `Sở Nội vụ` -> `Sở Nội vụ tỉnh Bắc Ninh`."""
    pat = re.compile(r"(?:(?:tỉnh|thành phố|TP\.?)\s+)?" + re.escape(old), re.IGNORECASE)
    if pat.search(name):
        return pat.sub(f"{unit} {new}", name)
    base, cond = re.match(r"^(.*?)(\s*\(.*\))?$", name).groups()
    return re.sub(r"\s+(?:tỉnh|thành phố)$", "", base) + f" {unit} {new}" + (cond or "")


def current_names(name: str, where: Optional[str] = None, kind: Optional[str] = None,
                  as_of: Optional[date] = None) -> list[str]:
    """Every name the body's work goes by now, with and without the province (`Sở Khoa học và
    Công nghệ tỉnh Bắc Ninh`, `Sở Khoa học và Công nghệ`)."""
    s = succession(name, as_of or date.today(), where, kind)
    if s is None:
        return []
    out = list(s.now)
    for step in s.steps:
        if step.kind != "province":
            out += step.new
    return out
