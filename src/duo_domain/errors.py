"""The exception hierarchy: one root, one class per kind of unusable input.

Every exception the library raises for bad input derives from
[`DuoDomainError`][duo_domain.errors.DuoDomainError], which itself derives from `ValueError`, so a
caller who knows nothing of this library can still ``except ValueError``.
Each class carries a stable, machine-readable `code`;
messages are for people and may change, codes do not.

Business rules never raise: they produce findings in a
[`Report`][duo_domain.rules.Report]. Exceptions are only for input the library
cannot work with at all.

Examples:
    >>> from duo_domain.errors import InvalidChecksum, InvalidIdentifier
    >>> err = InvalidChecksum("the 11-proef fails", kind="bsn")
    >>> isinstance(err, InvalidIdentifier), isinstance(err, ValueError)
    (True, True)
    >>> err.code
    'identifier.checksum'
    >>> str(err)
    'bsn: the 11-proef fails'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from duo_domain.rules import Finding

__all__ = [
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
]


class DuoDomainError(ValueError):
    """Root of every exception raised by duo_domain for unusable input.

    Attributes:
        code: A stable, dotted, machine-readable code for the kind of failure.
        message: The human-readable reason, without any sensitive value.
    """

    code: ClassVar[str] = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidIdentifier(DuoDomainError):
    """A value that cannot be the identifier it claims to be.

    Args:
        message: Why the value is rejected. Never contains the value itself
            when the identifier is personal data (BSN, onderwijsnummer).
        kind: The identifier kind, e.g. ``"bsn"`` or ``"onderwijslocatie"``.
    """

    code: ClassVar[str] = "identifier.invalid"

    def __init__(self, message: str, *, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}" if self.kind else self.message


class InvalidFormat(InvalidIdentifier):
    """The value has characters or a shape the identifier never has."""

    code: ClassVar[str] = "identifier.format"


class InvalidLength(InvalidIdentifier):
    """The value has the wrong number of characters."""

    code: ClassVar[str] = "identifier.length"


class InvalidChecksum(InvalidIdentifier):
    """The value fails its check-digit test (such as the 11-proef)."""

    code: ClassVar[str] = "identifier.checksum"


class InvalidComponent(InvalidIdentifier):
    """A part of the value is out of range (a prefix, a number range, ...)."""

    code: ClassVar[str] = "identifier.component"


class InvalidCode(DuoDomainError):
    """A value that is not in the DUO value list (waardenlijst) it should be in.

    Args:
        message: Why the code is rejected.
        waardenlijst: The name of the value list, e.g. ``"leertraject"``.
        value: The offending code (value lists hold no personal data).
    """

    code: ClassVar[str] = "code.invalid"

    def __init__(self, message: str, *, waardenlijst: str = "", value: str = "") -> None:
        super().__init__(message)
        self.waardenlijst = waardenlijst
        self.value = value


class DocumentProblem:
    """One structural problem in a document: where it is and what is wrong.

    Examples:
        >>> str(DocumentProblem("$.inschrijvingen[0].datum_inschrijving", "not a date"))
        'not a date @ $.inschrijvingen[0].datum_inschrijving'
    """

    __slots__ = ("line", "message", "path")

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path} (line {self.line})" if self.line is not None else self.path
        return f"{self.message} @ {where}"

    def __repr__(self) -> str:
        return f"DocumentProblem(path={self.path!r}, message={self.message!r}, line={self.line!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DocumentProblem):
            return NotImplemented
        return (self.path, self.message, self.line) == (other.path, other.message, other.line)

    def __hash__(self) -> int:
        return hash((self.path, self.message, self.line))


class InvalidDocument(DuoDomainError):
    """A document (JSON, XML, a DUO file) that cannot be read as what it should be.

    Holds **every** problem found, not just the first; `path` is the
    path of the first, for callers who only want one.

    Examples:
        >>> err = InvalidDocument([DocumentProblem("$.examenjaar", "missing")])
        >>> err.path
        '$.examenjaar'
        >>> str(err)
        'invalid document: missing @ $.examenjaar'
    """

    code: ClassVar[str] = "document.invalid"

    def __init__(self, problems: Iterable[DocumentProblem], *, document: str = "document") -> None:
        self.problems: tuple[DocumentProblem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("InvalidDocument needs at least one problem")
        self.document = document
        first = self.problems[0]
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"invalid {document}: {first}{more}")
        self.path = first.path

    def lines(self) -> list[str]:
        """Every problem as one readable line, in document order."""
        return [str(p) for p in self.problems]


class UnsupportedPeriod(DuoDomainError):
    """The library has no rules for the requested date or examenjaar.

    Raised instead of silently applying another year's rules.
    """

    code: ClassVar[str] = "rules.unsupported_period"


class FindingError(DuoDomainError):
    """One error-level finding, raised as part of a [`FindingsError`][duo_domain.errors.FindingsError]."""

    code: ClassVar[str] = "finding"

    def __init__(self, finding: Finding) -> None:
        super().__init__(f"[{finding.rule_id}] {finding.message} @ {finding.path}")
        self.finding = finding


class FindingsError(ExceptionGroup[FindingError], DuoDomainError):  # type: ignore[override]
    """All error-level findings of a report, raised together.

    An `ExceptionGroup`, so ``except* FindingError`` works, and a
    `ValueError` through [`DuoDomainError`][duo_domain.errors.DuoDomainError].
    """

    code: ClassVar[str] = "findings"

    def __init__(self, message: str, errors: list[FindingError]) -> None:
        # ExceptionGroup.__new__ has stored message and errors already; the
        # DuoDomainError initialiser (one argument) must not run.
        pass
