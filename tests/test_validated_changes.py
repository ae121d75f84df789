"""Every change to a contract model is validated where it is made (schemas/models.py _Model): an
assignment by validate_assignment, a copy with changes by _Model.model_copy. parse() returns the
document it assembled, without a final round trip through model_dump/model_validate, so these tests
put a wrong value at each place the pipeline changes a model (real objects from corpus documents)
and check that parse()'s output still validates and shares nothing with the memos."""
from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

import vanban.extractors.deadlines as deadlines
import vanban.extractors.relations as relations
import vanban.extractors.tasks.blocks as blocks
import vanban.extractors.tasks.table as table
import vanban.pipeline.run as run
from vanban.pipeline.link import link_tasks
from vanban.pipeline.resolve import _mark_consolidated, _one_self
from vanban.pipeline.run import parse
from vanban.schemas.models import Document, Reference, Warning

from conftest import CORPUS

KONTUM = CORPUS / "027_kontum-qd-435-qd-ubnd-2020-chuong-trinh-hanh-dong.txt"    # block tasks, a compound deadline
LAMDONG = CORPUS / "061_lamdong-kh-ubnd-cchc-2026-final.docx"                   # table tasks, deadlines naming a decision
HANOI = CORPUS / "032_hanoi-kh-310-kh-ubnd-2025-ha-tang-5g-iot.md"                # two self references merged
VBHN = CORPUS / "121_congbao-bldtbxh-vbhn-462-2025-tien-luong-bao-hiem-tien-gui.pdf"   # a consolidated text


@pytest.fixture(scope="module")
def lamdong() -> Document:
    return parse(LAMDONG)


@pytest.fixture(scope="module")
def vbhn() -> Document:
    return parse(VBHN)


def _spoilt(model: BaseModel, **wrong) -> BaseModel:
    """A copy of a real model holding a wrong value, made without validation (as a bug would)."""
    return type(model).model_construct(**{**model.__dict__, **wrong})


PICK = {
    "reference": lambda d: d.references[0],
    "deadline": lambda d: next(t.deadline for t in d.tasks if t.deadline),
    "warning": lambda d: d.warnings[0],
    "task": lambda d: d.tasks[0],
    "document": lambda d: d,
}


@pytest.mark.parametrize("pick,field,wrong", [
    ("reference", "relation", "quotes"),
    ("reference", "date", "25/9/2025"),
    ("reference", "mentions", [{"start": "here"}]),
    ("deadline", "reference", 1441),
    ("deadline", "kind", "soon"),
    ("warning", "location", 5),
    ("task", "related", [None]),
    ("task", "no_such_field", "x"),
    ("document", "warnings", [{"code": "check_x"}]),
])
def test_a_wrong_value_is_refused_by_copy_and_by_assignment(lamdong, pick, field, wrong):
    model = PICK[pick](lamdong)
    before = model.model_dump()
    with pytest.raises(ValidationError):
        model.model_copy(update={field: wrong})
    with pytest.raises((ValidationError, ValueError)):       # an unknown name: pydantic's ValueError
        setattr(model.model_copy(), field, wrong)
    assert model.model_dump() == before


def test_a_copy_with_changes_is_checked_whole(lamdong):
    """A copy revalidates the model's own fields, not only the changed ones; the original stays as it was."""
    ref = lamdong.references[0]
    was = ref.relation
    assert ref.model_copy(update={"relation": "amends"}).relation == "amends" and ref.relation == was
    with pytest.raises(ValidationError):
        _spoilt(ref, year="twenty").model_copy(update={"relation": "basis"})


def test_relations_site(lamdong, monkeypatch):          # extractors/relations.py with_relations
    monkeypatch.setattr(relations, "relation_of", lambda *a: "quotes")
    with pytest.raises(ValidationError):
        relations.with_relations(lamdong.references, lamdong.text)


def test_consolidated_site(vbhn):                       # pipeline/resolve.py _mark_consolidated
    refs = list(vbhn.references)
    assert _mark_consolidated(refs, vbhn.text, vbhn.metadata)[0].relation == "consolidates"
    refs[0] = _spoilt(refs[0], aliases=[None])
    with pytest.raises(ValidationError):
        _mark_consolidated(refs, vbhn.text, vbhn.metadata)


def test_one_self_site():                               # pipeline/resolve.py _one_self
    self_ref = next(r for r in parse(HANOI).references if r.is_self)
    other = _spoilt(self_ref, id="ref:self:2", date="25/9/2025")
    with pytest.raises(ValidationError):
        _one_self([self_ref, other])


def test_compound_deadline_site(monkeypatch):           # extractors/deadlines.py _first_milestone
    text = next(t.deadline.text for t in parse(KONTUM).tasks if t.deadline and t.deadline.text.startswith("Thực hiện thường xuyên, riêng"))
    real = deadlines._parse_deadline
    monkeypatch.setattr(deadlines, "_parse_deadline",
                        lambda part, year: (lambda d, w: (_spoilt(d, end="30/6/2020") if d.end else d, w))(*real(part, year)))
    with pytest.raises(ValidationError):
        deadlines._first_milestone.__wrapped__(text, None)


@pytest.mark.parametrize("module,path", [(table, LAMDONG), (blocks, KONTUM)])
def test_deadline_warning_sites(module, path, monkeypatch):   # extractors/tasks table.py and blocks.py
    real = module.parse_deadline
    monkeypatch.setattr(module, "parse_deadline",
                        lambda text, year: (real(text, year)[0], [Warning.model_construct(code=None, message="m", location=None)]))
    with pytest.raises(ValidationError):
        parse(path)


def test_link_site(lamdong):                            # pipeline/link.py, a deadline naming a decision
    refs = [_spoilt(r, id=1441) if r.id == "ref:1441/QĐ-UBND" else r for r in lamdong.references]
    with pytest.raises(ValidationError):
        link_tasks(lamdong.tasks, refs)


def test_link_leaves_its_input_unchanged(lamdong):
    """link_tasks copies the tasks shallowly: it replaces fields, never changes one in place."""
    tasks = [t.model_copy(update={"references": [], "related": [],
                                  "deadline": t.deadline and t.deadline.model_copy(update={"reference": None})})
             for t in lamdong.tasks]
    before = [t.model_dump() for t in tasks]
    linked = link_tasks(tasks, lamdong.references)
    assert [t.model_dump() for t in tasks] == before
    assert [t.model_dump() for t in linked] == [t.model_dump() for t in lamdong.tasks]


def test_checks_site(monkeypatch):                      # pipeline/run.py, the checks' warnings
    monkeypatch.setattr(run, "run_checks", lambda *a: [{"code": "check_x"}])
    with pytest.raises(ValidationError):
        parse(KONTUM)


@pytest.mark.parametrize("path", [KONTUM, LAMDONG, HANOI, VBHN])
def test_parse_output_validates_and_is_its_own(path):
    """The output is what validating its JSON again gives, and no model, list or dict in it is shared
    with another parse of the same file (memoised results are copied) or held twice."""
    first, second = parse(path), parse(path)
    dumped = first.model_dump()
    assert Document.model_validate(dumped).model_dump() == dumped
    assert Document.model_validate_json(first.model_dump_json()) == first
    a, b = _mutable(first), _mutable(second)
    assert len(set(a)) == len(a), "an object held twice in one document"
    assert not set(a) & set(b), "an object shared by two parses"


def _mutable(obj) -> list[int]:
    """The ids of every model, list and dict in a document, one per place it is held."""
    if not isinstance(obj, (BaseModel, list, dict)):
        return []
    items = obj.__dict__.values() if isinstance(obj, BaseModel) else obj.values() if isinstance(obj, dict) else obj
    return [id(obj)] + [i for v in items for i in _mutable(v)]
