"""Every Python example in the documentation runs.

Blocks written as doctests (``>>>``) run through pytest's doctest collection of
the Markdown files; every other ```python block is executed here, the blocks of
one page in order and in one namespace, as a reader would paste them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([*ROOT.joinpath("docs").rglob("*.md"), ROOT / "README.md"])
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks(page: Path) -> list[str]:
    return [b for b in _BLOCK.findall(page.read_text(encoding="utf-8")) if ">>>" not in b]


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples_run(page: Path) -> None:
    namespace: dict[str, object] = {"__name__": f"docs_example_{page.stem}"}
    for i, block in enumerate(_blocks(page)):
        code = compile(block, f"{page.relative_to(ROOT)} [python block {i + 1}]", "exec")
        exec(code, namespace)


def test_every_page_has_been_looked_at() -> None:
    assert len(PAGES) > 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_doctest_examples_are_inside_code_blocks(page: Path) -> None:
    """A ``>>>`` line outside a fenced block would render as plain text on the site."""
    inside = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            inside = not inside
        elif line.startswith(">>>"):
            assert inside, f"{page.name}:{number}: example outside a code block"
