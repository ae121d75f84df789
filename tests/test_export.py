"""`vanban export`: every format read back and checked, on the corpus's committed outputs.

The exporters are fed the validated models (outputs/*.json loaded with
Document.model_validate), never text: AKN validates against the OASIS schema and
its section tree reads back equal; the calendar parses back and its recurrences
follow the deadline grammar; the workbook reads back with openpyxl.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar
from lxml import etree
from openpyxl import load_workbook

from vanban.export import export
from vanban.export.akn import SCHEMA, to_xml, validate
from vanban.export.akn_tree import read_sections
from vanban.export.ics import recurrence
from vanban.export.load import load_paths
from vanban.export.rows import columns, first_day
from vanban.extractors.deadlines import parse_deadline
from vanban.pipeline.cli import main
from vanban.schemas.models import Document
from vanban.schemas.status import last_day

from conftest import CORPUS, REPO

OUTPUTS = REPO / "outputs"
AS_OF = date(2026, 12, 3)
SHARED_XSD = REPO.parent / "shared" / "akn" / "akomantoso30.xsd"


def _outputs() -> list[Path]:
    return sorted(p for p in OUTPUTS.glob("*.json") if p.name != "_report.json")


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [Document.model_validate_json(p.read_text(encoding="utf-8")) for p in _outputs()]


def _doc(documents, stem: str) -> Document:
    return next(d for d in documents if Path(d.source.path).stem == stem)


# --- Akoma Ntoso -----------------------------------------------------------------

def test_bundled_schema_is_the_oasis_one():
    if not SHARED_XSD.exists():
        pytest.skip("../shared/akn is not beside this checkout")
    assert SCHEMA.read_bytes() == SHARED_XSD.read_bytes()


def test_every_corpus_document_validates_and_its_tree_reads_back(documents):
    assert len(documents) >= 100
    invalid, drifted = {}, []
    for doc in documents:
        root = etree.fromstring(etree.tostring(to_xml(doc, AS_OF)))      # through bytes, as a reader gets it
        errors = validate(root)
        if errors:
            invalid[doc.source.path] = errors[:3]
        if read_sections(root) != doc.sections:
            drifted.append(doc.source.path)
    assert not invalid
    assert not drifted


def test_decision_is_an_act_with_preamble_citations_and_task_links(tmp_path):
    from vanban.pipeline import parse
    doc = parse(CORPUS / "054_ttg-qd-2553-qd-ttg-2025-lai-suat-nhcsxh.md")
    root = to_xml(doc, AS_OF)
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "vb": "urn:vanban:task"}
    assert root.find("a:act", ns) is not None
    work = root.find(".//a:FRBRWork/a:FRBRthis", ns).get("value")
    assert work == "/akn/vn/act/quyet-dinh/thu-tuong-chinh-phu/2025-11-21/2553-qd-ttg/!main"
    citations = ["".join(c.itertext()) for c in root.iterfind(".//a:preamble//a:citation", ns)]
    assert citations[0] == "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"
    # the enacting formula, a paragraph of its own after the basis, is the preamble's formula, not a citation
    assert ["".join(f.itertext()) for f in root.iterfind(".//a:preamble/a:formula", ns)] == ["QUYẾT ĐỊNH:"]
    refs = {r.text: r.get("href") for r in root.iterfind(".//a:preamble//a:ref", ns)}
    assert refs["Nghị định số 78/2002/NĐ-CP"] == "/akn/vn/act/nghi-dinh/chinh-phu/2002-10-04/78-2002-nd-cp"
    assert [a.get("eId") for a in root.iterfind(".//a:body/a:article", ns)] == ["Điều_1", "Điều_2", "Điều_3"]
    task = root.find(".//vb:task", ns)
    orgs = {"#" + o.get("eId"): o.get("showAs") for o in root.iterfind(".//a:TLCOrganization", ns)}
    assert [orgs[i] for i in task.get("lead").split()] == doc.tasks[0].lead
    assert task.get("section") == "#Điều_3"
    assert validate(root) == []


def test_plan_appendix_is_an_attachment_with_its_task_table(documents):
    doc = _doc(documents, "036_hcm-qd-2820-qd-ubnd-2025-ke-hoach-csdl-quy-hoach")
    rows = [t for t in doc.tasks if t.origin == "appendix"]
    assert rows
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    root = to_xml(doc, AS_OF)
    table = root.find(".//a:attachments/a:attachment/a:doc/a:mainBody/a:table", ns)
    body_rows = table.findall("a:tr", ns)[1:]
    assert len(body_rows) == len(rows)
    first = ["".join(td.itertext()) for td in body_rows[0]]
    assert first[1] == rows[0].description and first[2] == "; ".join(rows[0].lead)


def test_akn_export_writes_one_file_per_document(documents, tmp_path):
    assert export(documents[:5], "akn", tmp_path / "akn", AS_OF) == 5
    files = sorted((tmp_path / "akn").glob("*.akn.xml"))
    assert [f.name for f in files] == sorted(Path(d.source.path).stem + ".akn.xml" for d in documents[:5])
    assert validate(etree.parse(str(files[0])).getroot()) == []


# --- iCalendar -------------------------------------------------------------------

@pytest.fixture(scope="module")
def calendar(documents, tmp_path_factory) -> Calendar:
    out = tmp_path_factory.mktemp("ics") / "tasks.ics"
    export(documents, "ics", out, AS_OF)
    return Calendar.from_ical(out.read_bytes())


def _todos(calendar) -> dict[str, object]:
    return {str(t["UID"]): t for t in calendar.walk("VTODO")}


def test_calendar_has_one_todo_per_dated_task_with_stable_uids(documents, calendar, tmp_path):
    dated = [(d, t) for d in documents for t in d.tasks
             if t.deadline and (t.deadline.start or t.deadline.end or t.deadline.kind == "recurring")]
    todos = _todos(calendar)
    assert len(calendar.walk("VTODO")) == len(todos) == len(dated)        # UIDs are unique
    doc, task = dated[0]
    assert any(uid.startswith(doc.source.sha256) for uid in todos)
    first, again = tmp_path / "a.ics", tmp_path / "b.ics"                 # a re-export updates, not duplicates
    export(documents[:10], "ics", first, AS_OF)
    export(documents[:10], "ics", again, AS_OF)
    assert first.read_bytes() == again.read_bytes()


def test_period_keeps_its_start_and_falls_due_at_its_end(documents, calendar):
    doc = _doc(documents, "036_hcm-qd-2820-qd-ubnd-2025-ke-hoach-csdl-quy-hoach")
    task = next(t for t in doc.tasks if t.deadline and t.deadline.text == "Quý IV/2026")
    todo = next(t for t in calendar.walk("VTODO") if str(t["UID"]).startswith(doc.source.sha256)
                and str(t["DESCRIPTION"]).endswith(task.description))
    assert todo.decoded("DTSTART") == date(2026, 10, 1)
    assert todo.decoded("DUE") == date(2026, 12, 31)
    assert "Chủ trì: " + "; ".join(task.lead) in str(todo["DESCRIPTION"])
    assert [str(c) for c in todo["CATEGORIES"].cats] == task.lead


_MONTHS = {"yearly": 12, "half_yearly": 6, "quarterly": 3, "monthly": 1}


def test_every_recurring_deadline_expands_as_the_deadline_grammar_reads_it(documents, calendar):
    todos = calendar.walk("VTODO")
    checked = 0
    for doc in documents:
        year = int(doc.metadata.date[:4]) if doc.metadata.date else None
        for task in doc.tasks:
            d = task.deadline
            if not d or d.kind != "recurring":
                continue
            grammar = parse_deadline(d.text, year)[0]
            assert grammar.kind == "recurring" and grammar.frequency == d.frequency, d.text
            anchor = first_day(doc.metadata.date) if doc.metadata.date else AS_OF
            todo = next(t for t in todos if str(t["UID"]).startswith(doc.source.sha256)
                        and str(t["DESCRIPTION"]).endswith(task.description) and "RRULE" in t)
            start = todo.decoded("DTSTART")
            rule = rrulestr(todo["RRULE"].to_ical().decode(), dtstart=datetime.combine(start, datetime.min.time()))
            dates = [x.date() for x in rule[:5]]
            assert dates[0] == start == recurrence(d, anchor)[0] and start >= anchor
            for a, b in zip(dates, dates[1:]):
                if d.frequency == "weekly":
                    assert b - a == timedelta(days=7), d.text
                else:
                    assert (b.year - a.year) * 12 + b.month - a.month == _MONTHS[d.frequency], d.text
            checked += 1
    assert checked >= 50


def test_named_day_of_a_recurring_deadline_is_kept():
    from vanban.schemas.models import Deadline
    first, rule = recurrence(Deadline(text="trước ngày 30 tháng 11 hằng năm", kind="recurring",
                                      frequency="yearly"), date(2025, 3, 10))
    assert first == date(2025, 11, 30) and rule["BYMONTH"] == 11 and rule["BYMONTHDAY"] == 30
    first, rule = recurrence(Deadline(text="Trước ngày 05 của tháng liền kề", kind="recurring",
                                      frequency="monthly"), date(2025, 3, 10))
    assert first == date(2025, 4, 5) and rule == {"FREQ": "MONTHLY", "BYMONTHDAY": 5}


# --- xlsx, csv, jsonl --------------------------------------------------------------

def test_workbook_reads_back(documents, tmp_path):
    out = tmp_path / "tasks.xlsx"
    n = export(documents, "xlsx", out, AS_OF)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Nhiệm vụ", "Văn bản", "Trích dẫn"]
    ws = wb["Nhiệm vụ"]
    assert ws.max_row - 1 == n == sum(len(d.tasks) for d in documents)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    headers = [c.value for c in ws[1]]
    assert headers == [c.header for c in columns("tasks")]
    col = {h: i for i, h in enumerate(headers)}
    doc = _doc(documents, "036_hcm-qd-2820-qd-ubnd-2025-ke-hoach-csdl-quy-hoach")
    task = next(t for t in doc.tasks if t.deadline and t.deadline.text == "Quý IV/2026")
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[col["Nội dung nhiệm vụ"]] == task.description)
    assert row[col["Cơ quan chủ trì"]] == "; ".join(task.lead)
    assert row[col["Hạn hoàn thành"]] == datetime(2026, 12, 31)          # a real date, not a string
    assert ws.cell(2, col["Hạn hoàn thành"] + 1).number_format == "dd/mm/yyyy"
    assert row[col["Tình trạng"]] == "Sắp đến hạn"                       # 28 days after AS_OF: due soon
    assert ws.cell(2, col["Nội dung nhiệm vụ"] + 1).alignment.wrap_text
    assert wb["Văn bản"].max_row - 1 == len(documents)
    assert wb["Trích dẫn"].max_row - 1 == sum(len(d.references) for d in documents)


def test_csv_is_utf8_with_bom_and_rfc4180(documents, tmp_path):
    out = tmp_path / "tasks.csv"
    export(documents, "csv", out, AS_OF)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.index(b"\n") == raw.index(b"\r\n") + 1                    # records end in CRLF
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == [c.header for c in columns("tasks")]
    tasks = [t for d in documents for t in d.tasks]
    assert len(rows) - 1 == len(tasks)
    with_comma = next(i for i, t in enumerate(tasks) if "," in t.description)
    assert rows[with_comma + 1][7] == tasks[with_comma].description        # quoted, comes back whole
    assert rows[with_comma + 1][8] == "; ".join(tasks[with_comma].lead)


def test_jsonl_has_one_task_per_line_with_its_document(documents, tmp_path):
    out = tmp_path / "tasks.jsonl"
    export(documents, "jsonl", out, AS_OF)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(len(d.tasks) for d in documents)
    first = json.loads(lines[0])
    doc = documents[0]
    assert first["document"]["sha256"] == doc.source.sha256
    assert first["id"] == doc.tasks[0].id and first["description"] == doc.tasks[0].description
    assert first["status"] in ("no_deadline", "in_time", "due_soon", "overdue", "recurring")


# --- inputs and the command ------------------------------------------------------

def test_loader_takes_json_outputs_and_parses_documents(tmp_path):
    report = tmp_path / "_report.json"
    report.write_text('{"inputs": 0}', encoding="utf-8")
    loaded = load_paths([str(OUTPUTS / "029_vpcp-cv-2739-vpcp-dmdn-2019.json"),
                         str(CORPUS / "029_vpcp-cv-2739-vpcp-dmdn-2019.txt"), str(report),
                         str(tmp_path / "missing.pdf")], workers=1)
    assert [d.metadata.identifier for d in loaded.documents] == ["2739/VPCP-ĐMDN", "2739/VPCP-ĐMDN"]
    assert loaded.errors == [(str(tmp_path / "missing.pdf"), "no such file")]


def test_loader_names_an_invalid_output(tmp_path):
    bad = tmp_path / "bad.json"
    data = json.loads((OUTPUTS / "029_vpcp-cv-2739-vpcp-dmdn-2019.json").read_text(encoding="utf-8"))
    data["tasks"] = [{"id": "x"}]
    bad.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_paths([str(bad)])
    assert loaded.documents == [] and loaded.errors[0][0] == str(bad)
    assert "not a valid vanban output" in loaded.errors[0][1] and "tasks.0.origin" in loaded.errors[0][1]


def test_export_command(tmp_path, capsys):
    out = tmp_path / "t.csv"
    assert main(["export", str(OUTPUTS / "036_hcm-qd-2820-qd-ubnd-2025-ke-hoach-csdl-quy-hoach.json"),
                 "-f", "csv", "-o", str(out), "--as-of", "2026-12-03"]) == 0
    assert "1 documents" in capsys.readouterr().err and out.exists()
    assert main(["export", "-f", "csv", "-o", str(out)]) == 2
    folder = tmp_path / "out"
    assert main(["export", str(OUTPUTS / "029_vpcp-cv-2739-vpcp-dmdn-2019.json"), "--format", "xlsx",
                 "-o", f"{folder}/"]) == 0
    assert load_workbook(folder / "tasks.xlsx").sheetnames[0] == "Nhiệm vụ"


def test_export_db_without_registry_says_so(tmp_path):
    try:
        import vanban.store  # noqa: F401
        pytest.skip("the registry is installed")
    except ImportError:
        pass
    with pytest.raises(SystemExit, match="--db needs the registry"):
        main(["export", "--db", "postgresql://127.0.0.1/test", "-f", "csv", "-o", str(tmp_path / "x.csv")])


def test_export_from_the_registry(tmp_path):
    """`vanban export --db`: the stored documents, exported as from files."""
    from vanban.pipeline.cli import main
    db = f"sqlite:///{tmp_path / 'vanban.db'}"
    plan = str(CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt")
    assert main(["ingest", plan, "--db", db, "-w", "1", "--no-progress"]) == 0
    out = tmp_path / "tasks.jsonl"
    assert main(["export", "--db", db, "--format", "jsonl", "-o", str(out)]) == 0
    from vanban.pipeline import parse
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [t.id for t in parse(plan).tasks] != []
    assert {r["document"]["symbol"] for r in rows} == {"KH-UBND"}
