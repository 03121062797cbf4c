"""The package as a whole: public face, import cost, README and CI in step, the catalogue's quality."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import duo_domain
from duo_domain.rules import registry

ROOT = Path(__file__).resolve().parents[1]


def test_public_names_exist_and_are_listed() -> None:
    for name in duo_domain.__all__:
        assert hasattr(duo_domain, name), name
    assert len(set(duo_domain.__all__)) == len(duo_domain.__all__)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = duo_domain.no_such_name
    assert "Student" in dir(duo_domain)


def test_py_typed_is_shipped() -> None:
    assert (Path(duo_domain.__file__).parent / "py.typed").exists()


def test_import_has_no_side_effects_and_loads_no_rule_module() -> None:
    code = (
        "import sys, duo_domain; "
        "print(sorted(m for m in sys.modules if m.startswith('duo_domain.') and "
        "m.split('.')[1] in ('mbo', 'vo', 'identity', 'serialize', 'testing')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert result.stderr == ""


def _fenced_commands(text: str) -> list[str]:
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", quick, flags=re.S)]


def test_readme_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    commands = _fenced_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "duo-domain demo" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_every_rule_is_documented_and_sourced() -> None:
    ids = [rule.id for rule in registry]
    assert len(ids) == len(set(ids))
    for rule in registry:
        assert rule.summary.strip(), rule.id
        assert rule.guidance.strip(), rule.id
        assert rule.source.strip(), rule.id
        assert rule.id.split(".")[0] in {"PERSOON", "ROD", "BRON", "XML", "BATCH"}, rule.id


def test_catalogue_page_lists_every_rule() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import mkdocs_hooks
    finally:
        sys.path.pop(0)
    page = mkdocs_hooks.catalogue_markdown()
    for rule in registry:
        assert f"### `{rule.id}`" in page


@pytest.mark.parametrize("package", ["duo_domain.mbo"])
def test_a_namespace_package_lists_and_describes_every_module(package: str) -> None:
    import importlib
    import pkgutil

    module = importlib.import_module(package)
    public = sorted(m.name for m in pkgutil.iter_modules(module.__path__) if not m.name.startswith("_"))
    assert sorted(module.__all__) == public
    for name in public:
        assert f":mod:`{package}.{name}`" in (module.__doc__ or ""), name
