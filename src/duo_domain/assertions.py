"""Assertions for vendors' own test suites: readable failures that list every finding.

Plain functions that raise `AssertionError`, usable under any test
runner; the pytest plugin ([`duo_domain.testing.pytest_plugin`][duo_domain.testing.pytest_plugin]) also
offers them as fixtures.

Examples:
    >>> import attrs
    >>> from duo_domain.rules import RuleRegistry, Severity, Violation
    >>> @attrs.frozen
    ... class Klas:
    ...     naam: str
    >>> reg = RuleRegistry()
    >>> @reg.rule("EIGEN.KLAS.NAAM", severity=Severity.AFKEUR, summary="named",
    ...           guidance="Name it.", source="house rule", applies_to=Klas)
    ... def _naam(klas, ctx):
    ...     if not klas.naam:
    ...         yield Violation("naam", "the class has no name")
    >>> assert_valid(Klas("4B"), registry=reg).ok
    True
    >>> len(assert_finding(Klas(""), "EIGEN.KLAS.NAAM", path="$.naam", registry=reg))
    1
    >>> assert_valid(Klas(""), registry=reg)
    Traceback (most recent call last):
    ...
    AssertionError: expected no error-level findings, got 1:
      AFKEUR EIGEN.KLAS.NAAM: the class has no name @ $.naam
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from duo_domain.rules import Report, RuleRegistry, validate

__all__ = ["assert_finding", "assert_no_finding", "assert_valid"]


def _listing(report: Report) -> str:
    if not len(report):
        return "  (no findings)"
    return "\n".join("  " + line for line in report.format().splitlines())


def assert_valid(
    obj: Any,
    *,
    peildatum: dt.date | None = None,
    strict: bool = False,
    registry: RuleRegistry | None = None,
) -> Report:
    """Assert that ``obj`` has no error-level findings (no findings at all with ``strict``).

    Returns:
        The report, for further assertions.

    Raises:
        AssertionError: listing every finding, one per line, most serious first.
    """
    report = validate(obj, peildatum=peildatum, registry=registry)
    offending = report if strict else report.errors
    if len(offending):
        what = "findings" if strict else "error-level findings"
        raise AssertionError(f"expected no {what}, got {len(offending)}:\n{_listing(offending)}")
    return report


def assert_finding(
    obj: Any,
    rule_id: str,
    *,
    path: str | None = None,
    peildatum: dt.date | None = None,
    registry: RuleRegistry | None = None,
) -> Report:
    """Assert that validating ``obj`` yields a finding of ``rule_id`` (at ``path``, if given).

    ``rule_id`` may be a prefix such as ``"ROD.BPV"``.

    Returns:
        The report, for further assertions.

    Raises:
        AssertionError: naming the missing rule and listing the findings there were.
    """
    report = validate(obj, peildatum=peildatum, registry=registry)
    matching = report.filter(rule=rule_id)
    if path is not None:
        matching = Report(f for f in matching if f.path == path)
    if not len(matching):
        where = f" at {path}" if path is not None else ""
        raise AssertionError(f"expected a finding of {rule_id}{where}, got:\n{_listing(report)}")
    return report


def assert_no_finding(
    obj: Any,
    rule_id: str,
    *,
    peildatum: dt.date | None = None,
    registry: RuleRegistry | None = None,
) -> Report:
    """Assert that validating ``obj`` yields no finding of ``rule_id`` (or below that prefix).

    Raises:
        AssertionError: listing the offending findings.
    """
    report = validate(obj, peildatum=peildatum, registry=registry)
    matching = report.filter(rule=rule_id)
    if len(matching):
        raise AssertionError(f"expected no finding of {rule_id}, got {len(matching)}:\n{_listing(matching)}")
    return report
