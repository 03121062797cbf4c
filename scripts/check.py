"""Run the whole check suite: lint, format, types, import layers, tests with doctests, strict docs build.

Usage: ``python scripts/check.py`` from the repository root, after
``pip install -e ".[test]"``. Every step runs even when an earlier one fails;
the exit code is 0 only when all of them pass.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEPS: list[tuple[str, list[str]]] = [
    ("ruff check", [sys.executable, "-m", "ruff", "check", "src", "tests", "bench", "scripts", "docs"]),
    (
        "ruff format",
        [sys.executable, "-m", "ruff", "format", "--check", "src", "tests", "bench", "scripts", "docs"],
    ),
    ("mypy --strict", [sys.executable, "-m", "mypy", "--strict"]),
    # The contracts in pyproject.toml ([tool.importlinter]): layers point down, no other package's
    # private module, no cycles. The command is installed next to this interpreter.
    ("lint-imports", [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"]),
    ("pytest", [sys.executable, "-m", "pytest"]),
    ("mkdocs build --strict", [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]),
]


def main() -> int:
    """Run every step; print a one-line verdict per step and a summary."""
    failed: list[str] = []
    for name, cmd in STEPS:
        print(f"\n=== {name}", flush=True)
        start = time.monotonic()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(cmd, cwd=ROOT, check=False, env=env)
        took = time.monotonic() - start
        verdict = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
        print(f"=== {name}: {verdict} in {took:.1f}s", flush=True)
        if result.returncode != 0:
            failed.append(name)
    print()
    if failed:
        print("check suite FAILED: " + ", ".join(failed))
        return 1
    print(f"check suite passed: {len(STEPS)} steps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
