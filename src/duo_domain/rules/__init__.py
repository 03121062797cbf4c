"""The rule engine: rules, severities, findings, reports and validation.

Business rules never raise; they yield :class:`Violation` objects that
:func:`validate` collects as :class:`Finding` objects in a :class:`Report`.
Every rule of the library is in :data:`registry`, with its id, severity,
source and validity period; :meth:`RuleRegistry.export` gives the catalogue
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
