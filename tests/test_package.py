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
        assert f'<tr id="{rule.id}" data-rule data-severity="{rule.severity.value}"' in page
    assert page.count("<tr id=") == len(registry)


def test_every_rule_family_has_a_title_on_the_catalogue_page() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import mkdocs_hooks
    finally:
        sys.path.pop(0)
    families = {".".join(rule.id.split(".")[:2]) for rule in registry}
    assert families <= set(mkdocs_hooks._FAMILY_NAMES), families - set(mkdocs_hooks._FAMILY_NAMES)


# -- the distributions ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel, built from the working tree as a release would build them."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def _tracked_package_files() -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", "src/duo_domain"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return {line.removeprefix("src/") for line in listed.stdout.splitlines()}


def test_licence_is_in_the_repository_and_both_distributions(dists: tuple[Path, Path]) -> None:
    sdist, wheel = dists
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    with tarfile.open(sdist) as archive:
        member = archive.extractfile(f"{sdist.name.removesuffix('.tar.gz')}/LICENSE")
        assert member is not None
        assert member.read().decode() == licence
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        assert archive.read(name).decode() == licence
        metadata = archive.read(name.replace("licenses/LICENSE", "METADATA")).decode()
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata


def test_sdist_is_the_package_source_without_the_repository_test_data(dists: tuple[Path, Path]) -> None:
    sdist, _ = dists
    root = sdist.name.removesuffix(".tar.gz") + "/"
    with tarfile.open(sdist) as archive:
        names = {n.removeprefix(root) for n in archive.getnames() if n.startswith(root)}
    package = {n.removeprefix("src/") for n in names if n.startswith("src/duo_domain/")}
    assert package == _tracked_package_files()
    assert {
        "LICENSE",
        "README.md",
        "CHANGELOG.md",
        "SECURITY.md",
        "CONTRIBUTING.md",
        "pyproject.toml",
    } <= names
    assert not [n for n in names if n.startswith(("tests/", "docs/", "scripts/", "bench/"))]


def test_wheel_from_the_sdist_equals_the_wheel_and_passes_its_doctests(
    dists: tuple[Path, Path], tmp_path: Path
) -> None:
    """The sdist is complete (it builds the same wheel), and the wheel passes its own tests."""
    sdist, wheel = dists
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "sdist", filter="data")
    (unpacked,) = (tmp_path / "sdist").iterdir()
    rebuilt = tmp_path / "rebuilt"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(rebuilt), str(unpacked)],
        capture_output=True,
        check=True,
    )
    (again,) = rebuilt.glob("*.whl")
    with zipfile.ZipFile(wheel) as first, zipfile.ZipFile(again) as second:
        assert sorted(first.namelist()) == sorted(second.namelist())
        first.extractall(tmp_path / "installed")
    # The doctests of every module, imported from the unpacked wheel only (not from this checkout).
    # The same Hypothesis settings as this suite's conftest: a loaded 2-core CI machine must not fail
    # the strategies' examples on the too_slow health check or a deadline.
    (tmp_path / "installed" / "conftest.py").write_text(
        "from hypothesis import HealthCheck, settings\n"
        "settings.register_profile('wheel', deadline=None, suppress_health_check=[HealthCheck.too_slow])\n"
        "settings.load_profile('wheel')\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(tmp_path / "installed")
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", os.devnull,
            "--rootdir", str(tmp_path / "installed"), "--doctest-modules", "--import-mode=importlib",
            "-o", "doctest_optionflags=NORMALIZE_WHITESPACE ELLIPSIS",
            str(tmp_path / "installed" / "duo_domain"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout


def test_mkdocs_prints_no_end_of_life_notice(tmp_path: Path) -> None:
    """Material for MkDocs from 9.7.2 on prints an end-of-life notice on every `mkdocs serve`.

    The pin in the docs extra keeps below it; the build is run as `mkdocs serve` starts, without the
    environment variable that silences the notice.
    """
    from importlib.metadata import version

    from packaging.requirements import Requirement

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (pinned,) = re.findall(r'"(mkdocs-material[^"]*)"', pyproject)
    requirement = Requirement(pinned)
    assert not requirement.specifier.contains("9.7.2"), "the pin must exclude the releases with the notice"
    installed = version("mkdocs-material")
    if not requirement.specifier.contains(installed):
        pytest.skip(f"mkdocs-material {installed} is installed, not {pinned}: reinstall the test extra")
    env = {k: v for k, v in os.environ.items() if "MKDOCS_2_WARNING" not in k}
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert "end of life" not in result.stderr


@pytest.mark.parametrize("package", ["duo_domain.mbo"])
def test_a_namespace_package_lists_and_describes_every_module(package: str) -> None:
    import importlib
    import pkgutil

    module = importlib.import_module(package)
    public = sorted(m.name for m in pkgutil.iter_modules(module.__path__) if not m.name.startswith("_"))
    assert sorted(module.__all__) == public
    for name in public:
        assert f"[{package}.{name}]" in (module.__doc__ or ""), name
