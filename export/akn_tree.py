"""The section tree in Akoma Ntoso, both ways, and text with citations marked.

    add_sections(parent, sections, ctx)      Section models -> hierarchy elements
    read_sections(root) -> list[Section]     the same tree read back from the XML
    Linker(references).paragraph(parent, tag, text)   <p> with every citation as <ref href>

Each section is one hierarchy element (data/akn.yaml maps its marker: Điều ->
article, a) -> point, ...) holding `num` (the marker), `heading` (the title) and
the node's own text in `content` (a leaf) or `intro` (before its children).  The
contract path is kept, reversibly, in the eId (spaces as `_`; `%`, `_` and `~`
percent-escaped; a repeated path gets `~2`, `~3`); the page, where known, is the
class `page-N`.  So the tree read back from the XML equals the JSON tree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional
from urllib.parse import unquote

import yaml
from lxml import etree

from vanban.schemas.models import Reference, Section

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_PAGE = re.compile(r"\bpage-(\d+)\b")
_DUP = re.compile(r"~\d+$")
#: hcontainer names that stand for a contract marker with no printed number
_NAMED_MARKERS = {"appendix": "appendix"}


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def sub(parent, tag: str, text: Optional[str] = None, **attrs):
    el = etree.SubElement(parent, q(tag), {k.rstrip("_"): str(v) for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


@lru_cache(maxsize=1)
def data() -> dict:
    return yaml.safe_load((Path(__file__).parent / "data" / "akn.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _marker_rules() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r["pattern"]), r["element"]) for r in data()["markers"]]


def element_for(section: Section) -> str:
    marker = section.marker.strip()
    if marker == "appendix" or not marker:
        return "hcontainer"
    head = marker.split()[0] if marker[0].isalpha() and " " in marker else marker
    for pattern, element in _marker_rules():
        if pattern.search(head):
            return element
    return data()["default_element"]


def encode_eid(path: str) -> str:
    return path.replace("%", "%25").replace("_", "%5F").replace("~", "%7E").replace(" ", "_")


def decode_eid(eid: str) -> str:
    return unquote(_DUP.sub("", eid).replace("_", " "))


@dataclass
class Ids:
    """Unique eIds in one XML file."""
    used: dict[str, int] = field(default_factory=dict)

    def take(self, path: str) -> str:
        base = encode_eid(path) or "node"
        n = self.used.get(base, 0) + 1
        self.used[base] = n
        return base if n == 1 else f"{base}~{n}"


class Linker:
    """Marks every mention of a cited document in a text as <ref href="/akn/vn/...">."""

    def __init__(self, references: list[Reference], href_of):
        forms: dict[str, str] = {}
        for ref in references:
            href = href_of(ref)
            for form in [m.text for m in ref.mentions if m.text] + ref.aliases + [ref.identifier]:
                if form and len(form) > 3:
                    forms.setdefault(form, href)
        self.forms = forms
        self.pattern = (re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
                        if forms else None)
        self.placed: set[str] = set()

    def fill(self, el, text: str) -> None:
        """Put `text` into element `el`, citations wrapped in <ref>."""
        if not self.pattern or not text:
            el.text = text
            return
        pos, last = 0, None
        el.text = ""
        for m in self.pattern.finditer(text):
            chunk = text[pos:m.start()]
            if last is None:
                el.text += chunk
            else:
                last.tail = (last.tail or "") + chunk
            href = self.forms[m.group(0)]
            last = sub(el, "ref", m.group(0), href=href)
            self.placed.add(href)
            pos = m.end()
        if last is None:
            el.text = text
        else:
            last.tail = (last.tail or "") + text[pos:]

    def paragraph(self, parent, text: str, **attrs):
        p = sub(parent, "p", **attrs)
        self.fill(p, text)
        return p


def add_section(parent, s: Section, ids: Ids, linker: Linker):
    tag = element_for(s)
    attrs = {"eId": ids.take(s.path), "class": f"page-{s.page}" if s.page is not None else None}
    if tag == "hcontainer":
        attrs["name"] = "appendix" if s.marker == "appendix" else (s.path if not s.marker else "other")
    el = sub(parent, tag, **attrs)
    if s.marker and s.marker not in _NAMED_MARKERS:
        sub(el, "num", s.marker)
    if s.title:
        linker.fill(sub(el, "heading"), s.title)
    if s.children:
        if s.text:
            linker.paragraph(sub(el, "intro"), s.text)
        for child in s.children:
            add_section(el, child, ids, linker)
    else:
        linker.paragraph(sub(el, "content"), s.text)
    return el


def _text(el) -> str:
    return "".join(el.itertext()) if el is not None else ""


def _read(el) -> Section:
    if el.tag == q("citations"):          # a preamble of `Căn cứ` lines, one citation each
        page = _PAGE.search(el.get("class", ""))
        formula = el.getnext()            # the enacting formula after them: "QUYẾT ĐỊNH:"
        closing = [_text(formula)] if formula is not None and formula.tag == q("formula") else []
        return Section(path=decode_eid(el.get("eId")), marker="", page=int(page.group(1)) if page else None,
                       text="\n".join([_text(c) for c in el.findall(q("citation"))] + closing))
    num = el.find(q("num"))
    marker = _NAMED_MARKERS.get(el.get("name", "")) if el.tag == q("hcontainer") else None
    body = el.find(q("content"))
    if body is None:
        body = el.find(q("intro"))
    if body is None and el.tag == q("container"):
        body = el
    page = _PAGE.search(el.get("class", ""))
    return Section(path=decode_eid(el.get("eId")), marker=marker if marker is not None else _text(num),
                   title=_text(el.find(q("heading"))),
                   text="".join(_text(p) for p in body.findall(q("p"))) if body is not None else "",
                   page=int(page.group(1)) if page else None,
                   children=[_read(c) for c in el if c.get("eId") and c.tag not in (q("num"), q("heading"))])


def read_sections(root) -> list[Section]:
    """The section tree of an exported document: preamble, body, then each attachment."""
    top = []
    for part in root.iter(q("preamble"), q("body"), q("mainBody")):
        top += [_read(c) for c in part if c.get("eId")]
    return top
