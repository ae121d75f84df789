"""Dependencies point one way: every import of a vanban module goes to its own layer or a
lower one (imports inside functions count too).  The layers, lowest first:

    lexicon -> schemas -> read (readers, normalise) -> structure (layout, segment, genre, tree)
    -> extract (extractors) -> resolve (resolve, link, aggregate, self-checks)
    -> run (the flow, batch, evaluation, API) -> on top (store, audit, export) -> cli
"""
from __future__ import annotations

import ast
import fnmatch

import pytest

from conftest import REPO

#: (layer, module name patterns); the first layer whose pattern matches a module is its layer
LAYERS = (
    ("lexicon", ["vanban.lexicon", "vanban.lexicon.*"]),
    ("schemas", ["vanban.schemas", "vanban.schemas.*"]),
    ("read", ["vanban.pipeline.types", "vanban.pipeline.errors", "vanban.pipeline.limits", "vanban.pipeline.read",
              "vanban.pipeline.read_*", "vanban.pipeline.native", "vanban.pipeline.pdf", "vanban.pipeline.pdf.*", "vanban.pipeline.ocr",
              "vanban.pipeline.legacy", "vanban.pipeline.legacy_*", "vanban.pipeline.plausibility", "vanban.pipeline.text_table",
              "vanban.pipeline.pipe_table", "vanban.pipeline.md_tables",
              "vanban.pipeline.docx_parts", "vanban.pipeline.docx_styles", "vanban.pipeline.html_depth", "vanban.pipeline.normalise"]),
    ("structure", ["vanban.pipeline.markers", "vanban.pipeline.layout", "vanban.pipeline.layout.*",
                   "vanban.pipeline.segment", "vanban.pipeline.segment.*", "vanban.pipeline.genre",
                   "vanban.pipeline.tree", "vanban.pipeline.tree.*", "vanban.pipeline.emit"]),
    ("extract", ["vanban.extractors", "vanban.extractors.*"]),
    ("resolve", ["vanban.pipeline.resolve", "vanban.pipeline.link", "vanban.pipeline.aggregate",
                 "vanban.pipeline.checks", "vanban.pipeline.checks.*"]),
    ("run", ["vanban.pipeline.run", "vanban.pipeline.batch", "vanban.pipeline.batch.*", "vanban.pipeline.evaluate",
             "vanban.pipeline.eval_rules", "vanban.pipeline.evaluate_text", "vanban.pipeline"]),
    ("on top", ["vanban.store", "vanban.store.*", "vanban.audit", "vanban.audit.*", "vanban.export", "vanban.export.*"]),
    ("cli", ["vanban.pipeline.commands", "vanban.pipeline.commands.*", "vanban.pipeline.cli"]),
)
ROOTS = {"lexicon": "vanban.lexicon", "schemas": "vanban.schemas", "pipeline": "vanban.pipeline",
         "extractors": "vanban.extractors", "store": "vanban.store", "audit": "vanban.audit", "export": "vanban.export"}


def layer_of(module: str) -> int:
    for rank, (_, patterns) in enumerate(LAYERS):
        if any(fnmatch.fnmatchcase(module, p) for p in patterns):
            return rank
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in tests/test_layers.py")


def modules():
    for folder, root in ROOTS.items():
        for path in sorted((REPO / folder).rglob("*.py")):
            rel = path.relative_to(REPO / folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            yield ".".join([root, *parts]), path, path.name == "__init__.py"


def imports(module: str, path, is_package: bool):
    package = module if is_package else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [f"{target}.{a.name}" for a in node.names]
            yield from (n if _is_module(n) else target for n in names)
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names)


def _is_module(name: str) -> bool:
    for folder, root in ROOTS.items():
        if name == root or name.startswith(root + "."):
            rel = name[len(root):].lstrip(".").replace(".", "/")
            base = REPO / folder / rel
            return base.with_suffix(".py").exists() or (base / "__init__.py").exists()
    return False


def test_imports_point_down_the_layers():
    wrong = []
    for module, path, is_package in modules():
        mine = layer_of(module)
        for target in imports(module, path, is_package):
            if not target.startswith("vanban.") or target == "vanban":
                continue
            theirs = layer_of(target)
            if theirs > mine:
                wrong.append(f"{module} ({LAYERS[mine][0]}) imports {target} ({LAYERS[theirs][0]})")
    assert not wrong, "imports against the layer order:\n" + "\n".join(sorted(set(wrong)))


@pytest.mark.parametrize("module", ["vanban.pipeline.tree", "vanban.extractors.metadata", "vanban.store"])
def test_every_module_has_a_layer(module):
    assert layer_of(module) >= 0
