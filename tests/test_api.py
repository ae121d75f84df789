"""The consumer's interface: parse() on a path, bytes or a stream; parse_many() as a
generator of results with errors; `vanban --version`; `vanban parse -`; the
README's Python snippet run from another folder."""
from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vanban.pipeline import Result, parse, parse_many
from vanban.pipeline.cli import main
from vanban.pipeline.errors import VanbanError

from conftest import CORPUS, REPO

LETTER = CORPUS / "029_vpcp-cv-2739-vpcp-dmdn-2019.txt"
VANBAN = Path(sys.executable).with_name("vanban")


def test_parse_takes_a_path_bytes_or_a_binary_stream():
    by_path = parse(LETTER)
    data = LETTER.read_bytes()
    by_bytes = parse(data, name="letter.txt")
    with open(LETTER, "rb") as fh:
        by_stream = parse(fh)
    assert by_path.metadata.identifier == "2739/VPCP-ĐMDN"
    assert by_bytes.model_dump(exclude={"source"}) == by_path.model_dump(exclude={"source"})
    assert by_bytes.source.path == "letter.txt" and by_stream.source.path == str(LETTER)
    assert by_bytes.source.sha256 == by_path.source.sha256
    assert parse(io.BytesIO(data)).source.path == "<stream>"


def test_parse_refuses_text_streams_and_names_a_missing_file(tmp_path):
    with pytest.raises(TypeError, match="binary file object"):
        parse(io.StringIO("Số: 1/KH-UBND"))
    with pytest.raises(VanbanError, match="no such file") as info:
        parse(tmp_path / "gone.pdf")
    assert info.value.path == str(tmp_path / "gone.pdf")


@pytest.mark.parametrize("workers", [1, 2])
def test_parse_many_yields_every_input_errors_included(tmp_path, workers):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    inputs = [LETTER, tmp_path / "gone.docx", empty]
    results = list(parse_many(inputs, workers=workers))
    assert all(isinstance(r, Result) for r in results)
    by_path = {r.path: r for r in results}
    assert set(by_path) == {str(p) for p in inputs}
    assert by_path[str(LETTER)].ok and by_path[str(LETTER)].document.metadata.symbol == "VPCP-ĐMDN"
    assert by_path[str(tmp_path / "gone.docx")].error == "no such file"
    assert "empty" in by_path[str(empty)].error


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("vanban 0.")


def test_single_file_mode_says_no_such_file(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "nothing.pdf")]) == 1
    err = capsys.readouterr().err
    assert "nothing.pdf: no such file" in err and "Errno" not in err


def test_parse_dash_reads_standard_input():
    run = subprocess.run([str(VANBAN), "parse", "-"], input=LETTER.read_bytes(), capture_output=True)
    assert run.returncode == 0, run.stderr.decode()
    assert b'"path": "-"' in run.stdout and "2739/VPCP-ĐMDN".encode() in run.stdout


def _readme_snippet() -> str:
    """The README's first Python block (under "From Python"): what a newcomer copies."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.search(r"```python\n(.*?)```", text[text.index("### From Python"):], re.S).group(1)


def test_readme_snippet_works_from_any_folder(tmp_path):
    run = subprocess.run([sys.executable, "-c", _readme_snippet()], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "2739/VPCP-ĐMDN 2019-04-05 Văn phòng Chính phủ"
    assert not (tmp_path / "vanban").exists() and str(REPO) != str(tmp_path)


def test_parse_options_bound_one_call_only(corpus):
    """ParseOptions (size limits, OCR settings) hold for the call they are given to, then the
    defaults are back: no environment variable, no global left changed."""
    from vanban.pipeline import ParseOptions
    from vanban.pipeline.errors import TooLarge
    from vanban.pipeline.limits import current

    plan = corpus / "bacgiang-2024-kh-ubnd-nq45.txt"
    with pytest.raises(TooLarge, match="--max-chars"):
        parse(plan, options=ParseOptions(max_chars=1000))
    assert current() == ParseOptions()
    assert parse(plan).metadata.symbol == "KH-UBND"
