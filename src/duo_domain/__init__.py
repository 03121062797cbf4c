"""duo_domain: the domain of what Dutch schools exchange with DUO, typed and checked.

Importing the package is cheap and has no side effects: rule modules load on
first use of the catalogue.

Examples:
    >>> import duo_domain
    >>> duo_domain.Severity.AFKEUR.is_error
    True
"""

from duo_domain._version import __version__
from duo_domain.errors import (
    DocumentProblem,
    DuoDomainError,
    FindingError,
    FindingsError,
    InvalidChecksum,
    InvalidCode,
    InvalidComponent,
    InvalidDocument,
    InvalidFormat,
    InvalidIdentifier,
    InvalidLength,
    UnsupportedPeriod,
)
from duo_domain.rules import (
    CheckContext,
    Finding,
    Report,
    Rule,
    RuleRegistry,
    Severity,
    Violation,
    registry,
    validate,
)

__all__ = [
    "CheckContext",
    "DocumentProblem",
    "DuoDomainError",
    "Finding",
    "FindingError",
    "FindingsError",
    "InvalidChecksum",
    "InvalidCode",
    "InvalidComponent",
    "InvalidDocument",
    "InvalidFormat",
    "InvalidIdentifier",
    "InvalidLength",
    "Report",
    "Rule",
    "RuleRegistry",
    "Severity",
    "UnsupportedPeriod",
    "Violation",
    "__version__",
    "registry",
    "validate",
]
