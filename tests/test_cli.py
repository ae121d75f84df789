"""The command line as archivists use it: clear errors per file, batches that go on, atomic outputs."""
from __future__ import annotations

import json
import shutil

import pytest

from vanban.pipeline.cli import main
from vanban.schemas.models import Document

from conftest import CORPUS

GOOD_TXT = CORPUS / "bacgiang-2024-kh-ubnd-nq45.txt"
GOOD_PDF = CORPUS / "010_bxd-qd-1074-qd-bxd-giai-phap-pccc.pdf"


@pytest.fixture
def bad_files(tmp_path):
    """Real kinds of bad input, each with the words its error message must contain."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n \t\n")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    prose = tmp_path / "prose.txt"           # Vietnamese, but no administrative document
    prose.write_text("Hôm nay trời đẹp, chúng tôi đi chơi công viên và ăn kem.\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Quyết định của Ủy ban".encode("utf-8")[:-3] + b"\xff\xfe\xfa hi")
    return {empty: "empty", blank: "empty", binary: "binary", prose: "no administrative document",
            latin1: "UTF-8"}


def test_single_file_prints_valid_json(capsys):
    assert main(["parse", str(GOOD_TXT)]) == 0
    doc = Document.model_validate_json(capsys.readouterr().out)
    assert doc.source.format == "txt"
    assert doc.metadata.doc_type.code == "KH"


def test_each_bad_file_fails_with_its_name_and_reason(bad_files, capsys):
    for path, reason in bad_files.items():
        assert main(["parse", str(path)]) == 1, path
        err = capsys.readouterr().err
        assert str(path) in err and reason in err, err


def test_missing_file_is_an_error(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "nope.pdf")]) == 1
    assert "nope.pdf" in capsys.readouterr().err


def test_pdf_renamed_txt_is_read_as_pdf(tmp_path, capsys):
    disguised = tmp_path / "quyet-dinh.txt"
    shutil.copy(GOOD_PDF, disguised)
    assert main(["parse", str(disguised)]) == 0
    doc = Document.model_validate_json(capsys.readouterr().out)
    assert doc.source.format == "pdf" and doc.source.pages == 2


def test_batch_goes_on_past_bad_files_and_reports_every_input(bad_files, tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(GOOD_TXT, src / GOOD_TXT.name)
    for path in bad_files:
        shutil.move(path, src / path.name)
    out = tmp_path / "out"
    assert main(["parse", str(src), "-o", str(out), "--workers", "2"]) == 1
    report = json.loads((out / "_report.json").read_text(encoding="utf-8"))
    assert report["inputs"] == 1 + len(bad_files)
    assert report["ok"] == 1 and report["failed"] == len(bad_files)
    by_name = {e["input"].rsplit("/", 1)[-1]: e for e in report["entries"]}
    assert by_name[GOOD_TXT.name]["status"] == "ok"
    Document.model_validate_json((out / (GOOD_TXT.stem + ".json")).read_text(encoding="utf-8"))
    for path, reason in bad_files.items():
        assert reason in by_name[path.name]["error"]
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*"))   # atomic writes leave nothing behind
    assert "failed" in capsys.readouterr().err


def test_batch_of_nothing_is_not_a_success(tmp_path):
    (tmp_path / "empty-folder").mkdir()
    assert main(["parse", str(tmp_path / "empty-folder"), "-o", str(tmp_path / "out")]) == 1


def test_several_files_need_an_output_folder(capsys):
    assert main(["parse", str(GOOD_TXT), str(GOOD_PDF)]) == 2
    assert "-o OUTDIR" in capsys.readouterr().err


def test_outputs_are_readable_like_any_written_file(tmp_path):
    """Atomic writes keep the permissions of a plain write (not mkstemp's owner-only 0600), so an
    archive's web server or a colleague can read the JSON and the audit report."""
    import os
    import stat

    from vanban.pipeline.emit import write_atomic

    plain, atomic = tmp_path / "plain.json", tmp_path / "atomic.json"
    plain.write_text("{}", encoding="utf-8")
    write_atomic(atomic, "{}")
    assert stat.S_IMODE(os.stat(atomic).st_mode) == stat.S_IMODE(os.stat(plain).st_mode)


def test_help_and_version_load_neither_the_models_nor_the_pipeline():
    """`vanban --help` is answered from argparse alone: the pydantic models, the pipeline's
    patterns, the process pool and the installed-package metadata load only for a command that
    needs them (`vanban --help` cost 0.29 s of CPU when the batch options pulled in the models)."""
    import subprocess
    import sys

    probe = ("import sys\nfrom vanban.pipeline.cli import main\n"
             "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('pydantic', 'vanban.schemas.models', 'vanban.pipeline.run', "
             "'concurrent.futures.process', 'importlib.metadata', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_progress_bar_names_the_document_it_waits_on_once_the_others_end():
    """A batch of 21 sat "at 20/21" naming a file that had already ended while a worker spent
    minutes on the 21st: the last draw came from tqdm's own throttled update. Every start and
    end now redraws the count and names the document running longest."""
    import io

    from vanban.pipeline.batch.report import Entry
    from vanban.pipeline.commands._progress import BatchBar

    screen = io.StringIO()
    bar = BatchBar(3, screen)
    for name in ("a.txt", "b_slow.txt", "c.txt"):
        bar.started(f"in/{name}")
        if name != "b_slow.txt":
            bar.finished(Entry(input=f"in/{name}", status="ok"))
    last = screen.getvalue().split("\r")[-1]
    assert "2/3" in last and "b_slow.txt since " in last and "c.txt" not in last and "running" not in last
    bar.finished(Entry(input="in/b_slow.txt", status="timeout", error="over 60 s (extract)"))
    bar.close()
    assert "timeout: in/b_slow.txt: over 60 s (extract)" in screen.getvalue()
