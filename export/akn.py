"""`--format akn`: one Akoma Ntoso 3.0 (OASIS LegalDocML) XML file per document.

    write(documents, out_folder, as_of) -> int      files written
    to_xml(doc, as_of) -> lxml root element
    validate(root) -> list[str]                     errors against the bundled XSD (akn_schema/)

- a decision, resolution, circular, decree or law is an <act>, anything else a
  <doc> (data/akn.yaml, act_codes);
- FRBR work/expression/manifestation URIs `/akn/vn/{act|doc}/{type}/{issuer}/{date}/{number}`;
- <preface>: issuer, number, place and date, type, title;
- <preamble>: the document's `preamble` node, else its `Căn cứ` / `Xét` lines;
- the body hierarchy (akn_tree.py: Phần/Chương/Mục/Điều/khoản/điểm, numbered
  paragraphs and indents of plans), every citation as <ref href="/akn/vn/...">;
- <conclusions>: the signature block and the recipients (nơi nhận);
- appendices as <attachments>, each a <doc> with its task rows as a <table>;
- in <meta>: every body as TLCOrganization, every deadline as TLCEvent, the roles
  lead (chủ trì) and coordinator (phối hợp) as TLCRole, and in <analysis> one
  <vb:task> per task (namespace urn:vanban:task) tying the task's section to its
  lead, coordinators and deadline, which the schema admits in otherAnalysis.
"""
from __future__ import annotations

import re

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from lxml import etree

from vanban.lexicon import fold_key
from vanban.schemas.models import Document, Reference, Section, Task

from .akn_tree import NS, Ids, Linker, add_section, data, decode_eid, q, sub

VB_NS = "urn:vanban:task"
SCHEMA = Path(__file__).parent / "akn_schema" / "akomantoso30.xsd"
SOURCE = "#vanban"


def slug(text: Optional[str], empty: str = "nn") -> str:
    return "-".join(fold_key(text or "").split()) or empty


def _kind(code: Optional[str]) -> str:
    return "act" if code in data()["act_codes"] else "doc"


def work_uri(kind: str, type_name: Optional[str], issuer: Optional[str], when: Optional[str],
             number: Optional[str]) -> str:
    return f"/akn/vn/{kind}/{slug(type_name, 'van-ban')}/{slug(issuer, 'unknown')}/{when or 'unknown'}/{slug(number)}"


def document_uri(doc: Document) -> str:
    m = doc.metadata
    number = m.identifier or (f"nn-{m.symbol}" if m.symbol else None)
    return work_uri(_kind(m.doc_type.code), m.doc_type.name or m.doc_type.code, m.issuer.name, m.date, number)


def reference_uri(ref: Reference) -> str:
    when = ref.date or (str(ref.year) if ref.year else None)
    kind = _kind(ref.doc_type.code)
    return work_uri(kind, ref.doc_type.name or ref.doc_type.code, ref.issuer, when, ref.identifier or ref.title)


def _iso(partial: Optional[str], fallback: date) -> tuple[str, str]:
    """An xsd:date for FRBRdate and the name saying how exact it is."""
    if not partial:
        return fallback.isoformat(), "unknown"
    parts = partial.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts))), ("signature" if len(parts) == 3 else f"signature {partial}")


def _identification(meta, uri: str, when: str, as_of: date) -> None:
    ident = sub(meta, "identification", source=SOURCE)
    day, name = _iso(when, as_of)
    expr = f"{uri}/vie@"
    for frbr, this, uri_value, dated in (("FRBRWork", f"{uri}/!main", uri, (day, name)),
                                         ("FRBRExpression", f"{expr}/!main", expr, (day, name)),
                                         ("FRBRManifestation", f"{expr}/!main.xml", f"{expr}.akn",
                                          (as_of.isoformat(), "export"))):
        el = sub(ident, frbr)
        sub(el, "FRBRthis", value=this)
        sub(el, "FRBRuri", value=uri_value)
        sub(el, "FRBRdate", date=dated[0], name=dated[1])
        sub(el, "FRBRauthor", href="#issuer" if frbr != "FRBRManifestation" else SOURCE)
        if frbr == "FRBRWork":
            sub(el, "FRBRcountry", value="vn")
        if frbr == "FRBRExpression":
            sub(el, "FRBRlanguage", language="vie")


class _Tlc:
    """The <references> block: each body, deadline, role, signer and place once."""

    def __init__(self, refs_el):
        self.el = refs_el
        self.ids: dict[tuple[str, str], str] = {}

    def add(self, kind: str, show: str, href: str, eid: Optional[str] = None) -> str:
        key = (kind, show)
        if key not in self.ids:
            self.ids[key] = eid or f"{kind.lower()[3:]}_{len(self.ids) + 1}"
            sub(self.el, kind, eId=self.ids[key], href=href, showAs=show)
        return "#" + self.ids[key]

    def org(self, name: str) -> str:
        return self.add("TLCOrganization", name, f"/ontology/organization/vn/{slug(name)}")

    def event(self, task: Task) -> str:
        d = task.deadline
        return self.add("TLCEvent", d.text, f"/ontology/event/vn/deadline/{d.kind}/{d.start or ''}-{d.end or ''}"
                        + (f"/{d.frequency}" if d.frequency else ""))


def _meta(root_doc, doc: Document, as_of: date) -> tuple:
    m = doc.metadata
    meta = sub(root_doc, "meta")
    _identification(meta, document_uri(doc), m.date, as_of)
    sub(meta, "analysis", source=SOURCE)          # filled once the body is built; schema order: before references
    tlc = _Tlc(sub(meta, "references", source=SOURCE))
    tlc.add("TLCOrganization", "vanban", "/ontology/organization/vanban", eid="vanban")
    tlc.add("TLCOrganization", m.issuer.name or "unknown", f"/ontology/organization/vn/{slug(m.issuer.name)}",
            eid="issuer")
    for role, words in (("lead", "Chủ trì"), ("coordinator", "Phối hợp")):
        tlc.add("TLCRole", words, f"/ontology/role/vn/{role}", eid=role)
    return meta, tlc


def _analysis(meta, doc: Document, tlc: _Tlc, ids_of_path: dict[str, str], unplaced: list[Reference]) -> None:
    analysis = meta.find(q("analysis"))
    if not doc.tasks and not unplaced:
        meta.remove(analysis)
        return
    if unplaced:
        other = sub(analysis, "otherReferences", source=SOURCE)
        for ref in unplaced:
            sub(other, "implicitReference", href=reference_uri(ref), showAs=ref.identifier or ref.title or ref.id)
    if doc.tasks:
        holder = sub(analysis, "otherAnalysis", source=SOURCE)
        for t in doc.tasks:
            attrs = {"id": t.id, "origin": t.origin, "section": ids_of_path.get(t.section, t.section),
                     "lead": " ".join(tlc.org(b) for b in t.lead),
                     "coordinators": " ".join(tlc.org(b) for b in t.coordinators),
                     "deadline": tlc.event(t) if t.deadline else None, "row": t.row}
            etree.SubElement(holder, f"{{{VB_NS}}}task", {k: v for k, v in attrs.items() if v})


def _preface(parent, doc: Document, tlc: _Tlc, linker: Linker) -> None:
    m = doc.metadata
    if not (m.issuer.name or m.identifier or m.symbol or m.place or m.date or m.doc_type.name or m.title):
        return
    pre = sub(parent, "preface")
    if m.issuer.name:
        sub(sub(pre, "p", class_="issuer"), "organization", m.issuer.name, refersTo="#issuer")
    if m.identifier or m.symbol:
        p = sub(pre, "p", "Số: ", class_="number")
        sub(p, "docNumber", m.identifier or f"/{m.symbol}")
    if m.place or m.date:
        p = sub(pre, "p", class_="placeAndDate")
        if m.place:
            place = tlc.add("TLCLocation", m.place, f"/ontology/location/vn/{slug(m.place)}", eid="place")
            sub(p, "location", m.place, refersTo=place).tail = ", " if m.date else None
        if m.date and len(m.date) == 10:
            sub(p, "docDate", _spoken(m.date), date=m.date)
        elif m.date:
            sub(p, "span", _spoken(m.date), class_="partialDate")
    if m.doc_type.name:
        sub(sub(pre, "p", class_="type"), "docType", m.doc_type.name)
    if m.title:
        linker.fill(sub(sub(pre, "p", class_="title"), "docTitle"), m.title)


def _spoken(partial: str) -> str:
    """2024-06-14 -> 'ngày 14 tháng 6 năm 2024' (how the date line prints it); partial dates stay partial."""
    parts = [int(p) for p in partial.split("-")]
    words = ("năm", "tháng", "ngày")
    return " ".join(f"{words[i]} {parts[i]}" for i in reversed(range(len(parts))))


def _preamble_lines(doc: Document) -> list[str]:
    openers = tuple(data()["preamble_openers"])
    first = next((s.marker for s in doc.sections if s.marker and s.marker != "appendix"), None)
    lines = []
    for line in doc.text.splitlines():
        if first and line.startswith(first):
            break
        if line.startswith(openers):
            lines.append(line)
    return lines


#: the enacting formula closing a decision's preamble, on its own line: "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"
ENACTING = re.compile(r"^[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{2,30}:$")


def _preamble(parent, doc: Document, node: Optional[Section], ids: Ids, linker: Linker) -> None:
    """The preamble node: its `Căn cứ` lines as citations when it is only those (a decision's
    basis), else one container; with no node, the `Căn cứ` lines found in the text."""
    if node is not None:
        page = f"page-{node.page}" if node.page is not None else None
        lines = node.text.split("\n")
        formula = lines[-1] if len(lines) > 1 and ENACTING.match(lines[-1]) else None
        cited = lines[:-1] if formula else lines
        if cited and all(line.startswith(tuple(data()["preamble_openers"])) for line in cited):
            preamble = sub(parent, "preamble")
            cites = sub(preamble, "citations", eId=ids.take(node.path), class_=page)
            for line in cited:
                linker.paragraph(sub(cites, "citation"), line)
            if formula:                  # "QUYẾT ĐỊNH:" on its own line after the basis
                sub(sub(preamble, "formula", name="enactingFormula"), "p").text = formula
            return
        box = sub(sub(parent, "preamble"), "container", name="preamble", eId=ids.take(node.path), class_=page)
        linker.paragraph(box, node.text)
        return
    lines = _preamble_lines(doc)
    if lines:
        cites = sub(sub(parent, "preamble"), "citations")
        for line in lines:
            linker.paragraph(sub(cites, "citation"), line)


def _conclusions(parent, doc: Document, tlc: _Tlc) -> None:
    m = doc.metadata
    if not (m.signers or m.recipients):
        return
    concl = sub(parent, "conclusions")
    for s in m.signers:
        sig = sub(sub(concl, "p", class_="signature"), "signature")
        role = " ".join(filter(None, (s.on_behalf_of, s.capacity, s.title)))
        if role:
            sub(sig, "role", role, refersTo=tlc.add("TLCRole", role, f"/ontology/role/vn/{slug(role)}")).tail = " "
        if s.name:
            sub(sig, "person", s.name, refersTo=tlc.add("TLCPerson", s.name, f"/ontology/person/vn/{slug(s.name)}"))
    if m.recipients:
        sub(concl, "p", "Nơi nhận:", class_="recipientsHeading")
        items = sub(concl, "blockList", class_="recipients")
        for r in m.recipients:
            sub(sub(items, "item"), "p", r)


def _task_table(parent, tasks: list[Task]) -> None:
    table = sub(parent, "table", class_="tasks")
    head = sub(table, "tr")
    for h in ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"):
        sub(sub(head, "th"), "p", h)
    for t in tasks:
        tr = sub(table, "tr")
        for value in (t.row or "", t.description, "; ".join(t.lead), "; ".join(t.coordinators),
                      t.deadline.text if t.deadline else ""):
            sub(sub(tr, "td"), "p", value)


def _attachments(parent, doc: Document, appendices: list[Section], ids: Ids, linker: Linker,
                 as_of: date) -> None:
    rows = [t for t in doc.tasks if t.origin == "appendix"]
    if not appendices and not rows:
        return
    box = sub(parent, "attachments")
    for i, node in enumerate(appendices or [None]):
        inner = sub(sub(box, "attachment"), "doc", name="phuLuc")
        _identification(sub(inner, "meta"), f"{document_uri(doc)}/phu-luc-{i + 1}", doc.metadata.date, as_of)
        body = sub(inner, "mainBody")
        if node is not None:
            add_section(body, node, ids, linker)
        if i == 0 and rows:
            _task_table(body, rows)


def to_xml(doc: Document, as_of: date):
    kind = _kind(doc.metadata.doc_type.code)
    root = etree.Element(q("akomaNtoso"), nsmap={None: NS, "vb": VB_NS})
    main = sub(root, kind, name=slug(doc.metadata.doc_type.name, "van-ban"))
    meta, tlc = _meta(main, doc, as_of)
    linker = Linker(doc.references, lambda r: document_uri(doc) if r.is_self else reference_uri(r))
    ids = Ids()
    preamble = next((s for s in doc.sections if s.path == "preamble" and not s.children), None)
    appendices = [s for s in doc.sections if s.marker == "appendix"]
    rest = [s for s in doc.sections if s is not preamble and s.marker != "appendix"]
    _preface(main, doc, tlc, linker)
    _preamble(main, doc, preamble, ids, linker)
    body = sub(main, "body" if kind == "act" else "mainBody")
    for s in rest:
        add_section(body, s, ids, linker)
    if not rest:
        sub(sub(body, "hcontainer", name="empty"), "content").append(etree.Element(q("p")))
    _conclusions(main, doc, tlc)
    _attachments(main, doc, appendices, ids, linker, as_of)
    ids_of_path = {path: "#" + eid for path, eid in _first_ids(ids).items()}
    unplaced = [r for r in doc.references if not r.is_self and reference_uri(r) not in linker.placed]
    _analysis(meta, doc, tlc, ids_of_path, unplaced)
    return root


def _first_ids(ids: Ids) -> dict[str, str]:
    """contract path -> the eId of its first node (a task's `section` points there)."""
    return {decode_eid(base): base for base in ids.used}


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def validate(root) -> list[str]:
    schema = _schema()
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def file_name(doc: Document) -> str:
    return Path(doc.source.path).stem + ".akn.xml"


def write(documents: list[Document], out: Path, as_of: date) -> int:
    out.mkdir(parents=True, exist_ok=True)
    names: dict[str, int] = {}
    for doc in documents:
        name = file_name(doc)
        names[name] = names.get(name, 0) + 1
        if names[name] > 1:
            name = f"{name[:-8]}-{doc.source.sha256[:8]}.akn.xml"
        tree = etree.ElementTree(to_xml(doc, as_of))
        tree.write(str(out / name), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return len(documents)
