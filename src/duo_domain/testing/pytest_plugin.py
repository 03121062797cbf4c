"""The duo_domain pytest plugin: fixtures and readable assertions for vendors' test suites.

Installed with the package and registered through the ``pytest11`` entry
point, so a vendor's suite has these fixtures without any configuration:

* ``duo_validate`` — [`duo_domain.validate`][duo_domain.validate];
* ``duo_assert_valid`` — [`duo_domain.assertions.assert_valid`][duo_domain.assertions.assert_valid];
* ``duo_assert_finding`` — [`duo_domain.assertions.assert_finding`][duo_domain.assertions.assert_finding];
* ``duo_assert_no_finding`` —
  [`duo_domain.assertions.assert_no_finding`][duo_domain.assertions.assert_no_finding].

Their failure messages list every finding, one per line, most serious first.
The plugin imports nothing heavy: hypothesis is not needed for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from duo_domain import assertions
from duo_domain._version import __version__
from duo_domain.rules import Report, validate

__all__ = [
    "duo_assert_finding",
    "duo_assert_no_finding",
    "duo_assert_valid",
    "duo_validate",
]


def pytest_report_header(config: pytest.Config) -> str:
    """Name the library's version in the header of every run."""
    del config
    return f"duo_domain {__version__}"


@pytest.fixture
def duo_validate() -> Callable[..., Report]:
    """[`duo_domain.validate`][duo_domain.validate], as a fixture."""
    return validate


@pytest.fixture
def duo_assert_valid() -> Callable[..., Report]:
    """[`duo_domain.assertions.assert_valid`][duo_domain.assertions.assert_valid], as a fixture."""
    return assertions.assert_valid


@pytest.fixture
def duo_assert_finding() -> Callable[..., Report]:
    """[`duo_domain.assertions.assert_finding`][duo_domain.assertions.assert_finding], as a fixture."""
    return assertions.assert_finding


@pytest.fixture
def duo_assert_no_finding() -> Callable[..., Report]:
    """[`duo_domain.assertions.assert_no_finding`][duo_domain.assertions.assert_no_finding], as a fixture."""
    return assertions.assert_no_finding


def pytest_assertrepr_compare(config: pytest.Config, op: str, left: Any, right: Any) -> list[str] | None:
    """Explain a failed comparison of two reports finding by finding."""
    del config
    if op == "==" and isinstance(left, Report) and isinstance(right, Report):
        lines = ["reports differ:"]
        only_left = [f for f in left if f not in right.findings]
        only_right = [f for f in right if f not in left.findings]
        lines += [f"  only left:  {f}" for f in only_left]
        lines += [f"  only right: {f}" for f in only_right]
        return lines
    return None
