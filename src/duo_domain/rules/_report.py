"""The report of findings that validation hands back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from duo_domain.errors import FindingError, FindingsError
from duo_domain.rules._model import Finding, Severity

__all__ = ["Report"]


def _to_tuple(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(findings)


def _matches(rule_id: str, wanted: str) -> bool:
    return rule_id == wanted or rule_id.startswith(wanted + ".")


@attrs.frozen
class Report:
    """Every finding of one validation run, in the order they were found.

    A report is iterable and sized; ``len(report)`` counts all findings, and
    `ok` says whether none of them is at error level.

    Examples:
        >>> from duo_domain.rules import Finding, Report, Severity
        >>> report = Report((
        ...     Finding("ROD.A.B", Severity.AFKEUR, "$.x", "x is wrong"),
        ...     Finding("ROD.A.C", Severity.SIGNAAL, "$.y", "y looks odd"),
        ... ))
        >>> report.ok, len(report), len(report.errors)
        (False, 2, 1)
        >>> [f.rule_id for f in report.filter(rule="ROD.A.C")]
        ['ROD.A.C']
        >>> report.counts()
        {'ROD.A.B': 1, 'ROD.A.C': 1}
    """

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_to_tuple)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __add__(self, other: Report) -> Report:
        if not isinstance(other, Report):
            return NotImplemented
        return Report(self.findings + other.findings)

    @property
    def ok(self) -> bool:
        """True when no finding reaches error level (DUO would register the data)."""
        return not any(f.severity.is_error for f in self.findings)

    @property
    def errors(self) -> Report:
        """Only the error-level findings."""
        return Report(f for f in self.findings if f.severity.is_error)

    @property
    def warnings(self) -> Report:
        """Every finding below error level."""
        return Report(f for f in self.findings if not f.severity.is_error)

    def filter(
        self,
        *,
        severity: Severity | Iterable[Severity] | None = None,
        rule: str | None = None,
        path: str | None = None,
    ) -> Report:
        """The findings that match every given criterion.

        Args:
            severity: One severity or several.
            rule: A rule id, or an id prefix such as ``"ROD.BPV"`` that matches
                every rule below it.
            path: A path prefix, e.g. ``"$.inschrijvingen[0]"``.
        """
        severities: frozenset[Severity] | None = None
        if isinstance(severity, Severity):
            severities = frozenset((severity,))
        elif severity is not None:
            severities = frozenset(severity)
        out = []
        for f in self.findings:
            if severities is not None and f.severity not in severities:
                continue
            if rule is not None and not _matches(f.rule_id, rule):
                continue
            if path is not None and not (f.path == path or f.path.startswith((path + ".", path + "["))):
                continue
            out.append(f)
        return Report(out)

    def has(self, rule: str) -> bool:
        """True when some finding comes from ``rule`` (or a rule below that prefix)."""
        return any(_matches(f.rule_id, rule) for f in self.findings)

    @property
    def rule_ids(self) -> frozenset[str]:
        """The ids of every rule that produced a finding."""
        return frozenset(f.rule_id for f in self.findings)

    def counts(self) -> dict[str, int]:
        """Number of findings per rule id, sorted by id."""
        return dict(sorted(Counter(f.rule_id for f in self.findings).items()))

    def raise_for_errors(self) -> None:
        """Raise every error-level finding at once, or return quietly.

        Raises:
            FindingsError: an `ExceptionGroup` of one
                [`FindingError`][duo_domain.errors.FindingError] per error-level finding.

        Examples:
            >>> from duo_domain.errors import FindingError
            >>> from duo_domain.rules import Finding, Report, Severity
            >>> Report().raise_for_errors()
            >>> bad = Report([Finding("ROD.A.B", Severity.AFKEUR, "$.x", "x is wrong")])
            >>> try:
            ...     bad.raise_for_errors()
            ... except* FindingError as group:
            ...     print(group.exceptions[0])
            [ROD.A.B] x is wrong @ $.x
        """
        errors = [FindingError(f) for f in self.findings if f.severity.is_error]
        if errors:
            n = len(errors)
            raise FindingsError(f"{n} error-level finding{'s' if n != 1 else ''}", errors)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every finding as plain data (see `Finding.to_dict`)."""
        return [f.to_dict() for f in self.findings]

    def format(self) -> str:
        """One readable line per finding, most serious first."""
        ordered = sorted(self.findings, key=lambda f: f.severity.rank)
        return "\n".join(str(f) for f in ordered)
