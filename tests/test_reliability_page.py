"""docs/reliability.md names real tests: every ``tests/...py::test_name`` on the page is defined."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "reliability.md"
_REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def _references() -> list[tuple[str, str]]:
    return sorted(set(_REFERENCE.findall(PAGE.read_text(encoding="utf-8"))))


def _defined(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


def test_the_page_names_tests_for_every_promise() -> None:
    text = PAGE.read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    assert [s.split(".", 1)[0] for s in sections] == [str(i) for i in range(1, 13)]
    for section in sections:
        assert _REFERENCE.search(section), section.splitlines()[0]


@pytest.mark.parametrize(("file", "name"), _references(), ids=lambda v: str(v))
def test_every_named_test_exists(file: str, name: str) -> None:
    path = ROOT / file
    assert path.exists(), file
    assert name in _defined(path), f"{file}::{name}"
