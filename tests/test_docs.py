"""The shipped documentation (docs/output.md) is generated from the models and the
warning registry, and every warning code the code emits is registered."""
from __future__ import annotations

import ast
import json

from vanban.schemas.docs import generate
from vanban.schemas.warnings import WARNINGS

from conftest import REPO

#: the folders whose code may emit warnings (those that exist on this branch)
CODE_DIRS = ("pipeline", "extractors", "schemas", "export", "store")
HOW = ('register it in schemas/warnings.py: add WarningCode("{code}", "<stage>", "<what it means and what a '
       'person should check>", "<what location holds>") to _CODES, then regenerate the docs with '
       '`python -m vanban.schemas.docs > docs/output.md`')


def emitted_codes() -> dict[str, str]:
    """code -> first place it is emitted; a non-literal code is reported as '<expr>'."""
    found: dict[str, str] = {}
    for folder in CODE_DIRS:
        for path in sorted((REPO / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None))
                        == "Warning"):
                    continue
                for kw in node.keywords:
                    if kw.arg == "code":
                        literal = isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str)
                        code = kw.value.value if literal else f"<{ast.unparse(kw.value)}>"
                        found.setdefault(code, f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def test_docs_output_md_is_generated_from_the_code():
    committed = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    assert committed == generate(), (
        "docs/output.md differs from the models and the warning registry: "
        "run `python -m vanban.schemas.docs > docs/output.md` and commit it")


def test_every_emitted_warning_code_is_registered():
    found = emitted_codes()
    assert len(found) >= 20                    # the scan sees the codes of the pipeline
    computed = {c: where for c, where in found.items() if c.startswith("<")}
    assert not computed, f"warning codes must be literal strings so they can be registered: {computed}"
    missing = {c: where for c, where in found.items() if c not in WARNINGS}
    assert not missing, "unregistered warning codes: " + "; ".join(
        f"{c} (emitted at {where}): " + HOW.format(code=c) for c, where in missing.items())


def test_every_registered_code_is_still_emitted():
    stale = set(WARNINGS) - set(emitted_codes())
    assert not stale, f"registered but no longer emitted: {sorted(stale)}; remove them from schemas/warnings.py"


def test_codes_in_the_corpus_outputs_are_registered():
    seen = {w["code"] for p in (REPO / "outputs").glob("*.json") if p.name != "_report.json"
            for w in json.loads(p.read_text(encoding="utf-8"))["warnings"]}
    assert "deadline_unparsed" in seen
    assert seen <= set(WARNINGS), sorted(seen - set(WARNINGS))


def test_every_warning_code_and_format_value_is_in_the_page():
    page = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    for code in WARNINGS:
        assert f"| `{code}` |" in page
    for value in ("doc", "rtf", "md"):
        assert f"| `{value}` |" in page
