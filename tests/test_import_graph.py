"""The import contracts of pyproject.toml hold, and each one fails when its rule is broken.

The contracts (``[tool.importlinter]``) are checked by ``lint-imports`` in
``scripts/check.py``; these tests run the same contracts on the package and on
copies of it with one violation planted, so that a contract that could never
fail would be noticed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import duo_domain

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(duo_domain.__file__).resolve().parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

LAYERS = "Layers point down only"
PRIVATE = "No module imports another package's private module"
ACYCLIC = "No import cycles between sibling modules"


def _verdicts(src: Path) -> dict[str, str]:
    """``{contract name: "KEPT" or "BROKEN"}`` for the package under ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=src,
        check=False,
    )
    verdicts = dict(re.findall(r"^(.+?) (KEPT|BROKEN)$", result.stdout, flags=re.M))
    assert verdicts, result.stdout + result.stderr
    assert (result.returncode == 0) == all(v == "KEPT" for v in verdicts.values())
    return verdicts


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the package's source under ``tmp_path/src``."""
    shutil.copytree(PACKAGE, tmp_path / "src" / "duo_domain", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "src"


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_package_keeps_every_contract() -> None:
    assert _verdicts(PACKAGE.parent) == {LAYERS: "KEPT", PRIVATE: "KEPT", ACYCLIC: "KEPT"}


def test_a_domain_package_importing_a_serializer_breaks_the_layers(copy: Path) -> None:
    _append(copy / "duo_domain" / "mbo" / "bpv.py", "import duo_domain.serialize.json")
    # serialize imports mbo, so this is a cycle between the two packages as well.
    assert _verdicts(copy) == {LAYERS: "BROKEN", PRIVATE: "KEPT", ACYCLIC: "BROKEN"}


def test_a_type_checking_import_counts_too(copy: Path) -> None:
    _append(
        copy / "duo_domain" / "errors.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import duo_domain.rules",
    )
    assert _verdicts(copy)[LAYERS] == "BROKEN"


def test_a_new_top_level_module_must_be_given_a_layer(copy: Path) -> None:
    (copy / "duo_domain" / "unplaced.py").write_text('"""Not in any layer."""\n', encoding="utf-8")
    assert _verdicts(copy)[LAYERS] == "BROKEN"


def test_importing_another_packages_private_module_breaks_its_contract(copy: Path) -> None:
    _append(copy / "duo_domain" / "mbo" / "bpv.py", "import duo_domain.identity._common")
    assert _verdicts(copy) == {LAYERS: "KEPT", PRIVATE: "BROKEN", ACYCLIC: "KEPT"}


def test_a_cycle_between_sibling_modules_breaks_its_contract(copy: Path) -> None:
    _append(copy / "duo_domain" / "identity" / "brin.py", "import duo_domain.identity.vestiging")
    _append(copy / "duo_domain" / "identity" / "vestiging.py", "import duo_domain.identity.brin")
    assert _verdicts(copy) == {LAYERS: "KEPT", PRIVATE: "KEPT", ACYCLIC: "BROKEN"}


def test_the_architecture_page_names_every_layer_of_the_contract() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    names = {
        name.strip("() ")
        for layer in layers["layers"]
        for name in re.split(r"[|:]", layer)
        if name.strip("() ") not in {"__main__", "_version", "_uitslag", "_fields"}
    }
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert {n for n in names if f"`duo_domain.{n}`" not in page} == set()
