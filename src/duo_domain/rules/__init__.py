"""The rule engine: rules, severities, findings, reports and validation.

Business rules never raise; they yield [`Violation`][duo_domain.Violation] objects that
[`validate`][duo_domain.validate] collects as [`Finding`][duo_domain.Finding] objects in a
[`Report`][duo_domain.Report].
Every rule of the library is in `registry`, with its id, severity,
source and validity period; `RuleRegistry.export` gives the catalogue
as plain data.
"""

from duo_domain.rules._model import CheckContext, Finding, Rule, Severity, Violation
from duo_domain.rules._registry import RuleRegistry, registry, validate
from duo_domain.rules._report import Report

__all__ = [
    "CheckContext",
    "Finding",
    "Report",
    "Rule",
    "RuleRegistry",
    "Severity",
    "Violation",
    "registry",
    "validate",
]
