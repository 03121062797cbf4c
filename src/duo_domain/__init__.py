"""duo_domain: the domain of what Dutch schools exchange with DUO, typed and checked.

Importing the package is cheap and has no side effects: every public name,
from the errors and the rule engine to the domain packages
([`duo_domain.identity`][duo_domain.identity], [`duo_domain.mbo`][duo_domain.mbo],
[`duo_domain.vo`][duo_domain.vo]), loads when it is first used, and rule modules
on first use of the catalogue.

Examples:
    >>> import duo_domain
    >>> duo_domain.Severity.AFKEUR.is_error
    True
    >>> duo_domain.Student(bsn="111222333")
    Student(bsn=Bsn('*****2333'), onderwijsnummer=None, persoonsgegevens=None, studentnummer=None)
"""

from __future__ import annotations

import importlib

from duo_domain._version import __version__

#: ``typing.TYPE_CHECKING`` without importing ``typing`` (type checkers read this name alike).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

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
    from duo_domain.identity import Bsn, Onderwijsnummer, Persoonsgegevens, Student
    from duo_domain.mbo.bpv import BpvAgreement
    from duo_domain.mbo.enrolment import Enrolment, Periode
    from duo_domain.mbo.record import MboStudentRecord
    from duo_domain.mbo.results import Diploma, Exemption, GeneriekExamenonderdeel, KeuzedeelResultaat
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
    from duo_domain.vo import Examenkandidaat, ExamResult

#: Names loaded from their own module on first use, so ``import duo_domain`` stays cheap
#: (it imports nothing but this table: no attrs, no domain package).
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        (
            "DocumentProblem",
            "DuoDomainError",
            "FindingError",
            "FindingsError",
            "InvalidChecksum",
            "InvalidCode",
            "InvalidComponent",
            "InvalidDocument",
            "InvalidFormat",
            "InvalidIdentifier",
            "InvalidLength",
            "UnsupportedPeriod",
        ),
        "duo_domain.errors",
    ),
    **dict.fromkeys(
        (
            "CheckContext",
            "Finding",
            "Report",
            "Rule",
            "RuleRegistry",
            "Severity",
            "Violation",
            "registry",
            "validate",
        ),
        "duo_domain.rules",
    ),
    "Bsn": "duo_domain.identity",
    "Onderwijsnummer": "duo_domain.identity",
    "Persoonsgegevens": "duo_domain.identity",
    "Student": "duo_domain.identity",
    "BpvAgreement": "duo_domain.mbo.bpv",
    "Enrolment": "duo_domain.mbo.enrolment",
    "Periode": "duo_domain.mbo.enrolment",
    "MboStudentRecord": "duo_domain.mbo.record",
    "Diploma": "duo_domain.mbo.results",
    "Exemption": "duo_domain.mbo.results",
    "GeneriekExamenonderdeel": "duo_domain.mbo.results",
    "KeuzedeelResultaat": "duo_domain.mbo.results",
    "ExamResult": "duo_domain.vo",
    "Examenkandidaat": "duo_domain.vo",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'duo_domain' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "BpvAgreement",
    "Bsn",
    "CheckContext",
    "Diploma",
    "DocumentProblem",
    "DuoDomainError",
    "Enrolment",
    "ExamResult",
    "Examenkandidaat",
    "Exemption",
    "Finding",
    "FindingError",
    "FindingsError",
    "GeneriekExamenonderdeel",
    "InvalidChecksum",
    "InvalidCode",
    "InvalidComponent",
    "InvalidDocument",
    "InvalidFormat",
    "InvalidIdentifier",
    "InvalidLength",
    "KeuzedeelResultaat",
    "MboStudentRecord",
    "Onderwijsnummer",
    "Periode",
    "Persoonsgegevens",
    "Report",
    "Rule",
    "RuleRegistry",
    "Severity",
    "Student",
    "UnsupportedPeriod",
    "Violation",
    "__version__",
    "registry",
    "validate",
]
