"""Every package folder is listed in pyproject.toml, so that `pip install .` (not only the
editable install the tests run on) ships it."""
from __future__ import annotations

import tomllib

from conftest import REPO


def test_every_package_folder_is_installed():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed, roots = set(config["packages"]), config["package-dir"]
    missing = []
    for name, folder in roots.items():
        for init in (REPO / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO / folder)
            package = ".".join((name, *rel.parts))
            if package not in listed:
                missing.append(package)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(set(missing))}"


def test_lexicon_data_reads_the_same_with_the_fast_yaml_loader():
    """lexicon.load uses libyaml's loader when PyYAML has it (a tenth of the start-up cost);
    every data file must read back exactly as the pure-Python loader reads it."""
    import yaml

    from vanban.lexicon import load

    names = sorted(p.name for p in (REPO / "lexicon" / "data").glob("*.yaml"))
    assert names
    for name in names:
        text = (REPO / "lexicon" / "data" / name).read_text(encoding="utf-8")
        assert load(name) == yaml.load(text, Loader=yaml.SafeLoader), name
