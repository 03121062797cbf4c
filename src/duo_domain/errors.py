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

import re
from collections.abc import Iterable, Mapping

#: ``typing.TYPE_CHECKING`` without importing ``typing``: the command line's start-up imports this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import ClassVar, Final, Protocol

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
    "InvalidValue",
    "UnsupportedPeriod",
    "mask_numbers",
    "mask_values",
]

#: A run of at least nine digits (any script), single separators allowed between them:
#: how a BSN or onderwijsnummer looks when quoted, such as ``111222333`` or ``1112.22.333``;
#: or eight digits in a row (a BSN with one digit lost). Every step consumes a digit, so
#: the match cannot backtrack badly.
_NUMBER_RUN: Final = re.compile(r"\d(?:[ .\-/_,:\t]?\d){8,}|\d{8}")
#: How many of a masked run's digits stay visible (the last ones), as in ``*****2333``.
_VISIBLE: Final = 4


def _mask_run(match: re.Match[str]) -> str:
    digits = [c for c in match.group() if c.isdigit()]
    return "*" * (len(digits) - _VISIBLE) + "".join(digits[-_VISIBLE:])


def mask_numbers(text: str) -> str:
    """``text`` with every run of nine or more digits (or eight in a row) masked but for its last four.

    The one masking function of the library. Every channel that can carry a
    value passes through it: the message and path of every exception of this
    module, every [`Finding`][duo_domain.rules.Finding] (message, path, business
    key and values), the command-line tool's messages and the messages
    libxml2 gives. A BSN or onderwijsnummer quoted by any reader or rule, with
    or without separators (``1112.22.333``, ``111 222 333``), in any script of
    digits, therefore never shows in full; nor does a BSN that lost one digit
    (eight digits in a row). Shorter numbers stay readable: crebo and BRIN
    codes, ISO dates (``2026-08-01``: eight digits, but not in a row), grades,
    line numbers and the masked form ``*****2333`` itself.

    Args:
        text: Any text meant for people or logs.

    Returns:
        ``text`` unchanged when it holds no such run (the common case).

    Examples:
        >>> mask_numbers("instelling '111222333' is not a BRIN code")
        "instelling '*****2333' is not a BRIN code"
        >>> mask_numbers("got 1112.22.333 and 111 222 333 and 11122233")
        'got *****2333 and *****2333 and ****2233'
        >>> mask_numbers("crebo 25655 at 25LX from 2026-08-01, grade 6.5, BSN *****2333")
        'crebo 25655 at 25LX from 2026-08-01, grade 6.5, BSN *****2333'
    """
    if text.__class__ is str:
        # A run takes eight digits at least: a shorter text holds none. An ASCII text is settled
        # in C on its marks (see `_RUN_MARKS`) unless it may hold a run; most texts hold none,
        # even those that quote a date or two.
        if len(text) < 8:
            return text
        if text.isascii() and not _may_hold_run(text.encode("ascii").translate(_RUN_MARKS)):
            return text
    return _mask_by_expression(text)


#: An ASCII text's bytes in three classes, for ``bytes.translate``: a digit becomes ``1``, a
#: separator a run may hold (those of `_NUMBER_RUN`) ``s``, any other byte ``0``.
_RUN_MARKS: Final = bytes(
    0x31 if 0x30 <= b <= 0x39 else 0x73 if b in b" .-/_,:\t" else 0x30 for b in range(256)
)
_EIGHT_IN_A_ROW: Final = b"1" * 8
_NINE_IN_A_ROW: Final = b"1" * 9


def _may_hold_run(marks: bytes) -> bool:
    """Whether an ASCII text with these marks holds a run of `_NUMBER_RUN` (exact, not a guess).

    Eight digits in a row are looked for as they are. For the other kind, each single separator
    between two digits is taken out until none is left (each pass at C speed): the digits of one
    run then stand in a row, and a run of nine digits is nine ones in a row.

    Examples:
        >>> [_may_hold_run(t.encode().translate(_RUN_MARKS)) for t in ("1.2.3.4.5.6.7.8.9", "2019-08-01")]
        [True, False]
    """
    digits = marks.count(b"1")
    if digits < 8:
        return False
    if _EIGHT_IN_A_ROW in marks:
        return True
    if digits == 8:  # a text that quotes one date: eight digits, not in a row
        return False
    while b"1s1" in marks:
        marks = marks.replace(b"1s1", b"11")
    return _NINE_IN_A_ROW in marks


def _mask_by_expression(text: str) -> str:
    """`mask_numbers` by its expression alone, for every text (the reference of its shortcut)."""
    return _NUMBER_RUN.sub(_mask_run, text) if _NUMBER_RUN.search(text) else text


def mask_values(values: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``values`` with `mask_numbers` applied to every key and value.

    Examples:
        >>> mask_values({"bsn": "111222333", "crebo": "25655"})
        {'bsn': '*****2333', 'crebo': '25655'}
    """
    return {mask_numbers(str(k)): mask_numbers(str(v)) for k, v in values.items()}


class DuoDomainError(ValueError):
    """Root of every exception raised by duo_domain for unusable input.

    The message passes through [`mask_numbers`][duo_domain.errors.mask_numbers] here, for every
    subclass: a value quoted in it that looks like a BSN or onderwijsnummer
    is masked, whoever raised the error.

    Attributes:
        code: A stable, dotted, machine-readable code for the kind of failure.
        message: The human-readable reason, without any sensitive value.

    Examples:
        >>> str(DuoDomainError("got '100000009'"))
        "got '*****0009'"
    """

    code: ClassVar[str] = "error"

    def __init__(self, message: str) -> None:
        message = mask_numbers(str(message))
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
        self.kind = mask_numbers(str(kind))

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
        self.value = mask_numbers(str(value))


class DocumentProblem:
    """One structural problem in a document: where it is and what is wrong.

    The path and the message pass through [`mask_numbers`][duo_domain.errors.mask_numbers].

    Examples:
        >>> str(DocumentProblem("$.inschrijvingen[0].datum_inschrijving", "not a date"))
        'not a date @ $.inschrijvingen[0].datum_inschrijving'
    """

    __slots__ = ("line", "message", "path")

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        self.path = mask_numbers(str(path))
        self.message = mask_numbers(str(message))
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


class InvalidValue(DuoDomainError):
    """A value of the wrong type or form for a field of a domain object, or for an argument.

    Raised by the constructors of the domain classes (``Periode(datum_begin="2023-08-01", ...)``)
    and by [`duo_domain.rules.validate`][duo_domain.rules.validate] for something it cannot validate. The
    message names
    the field and the type that was given, never the value itself.

    Examples:
        >>> err = InvalidValue("expected a date, got string", field="Periode.datum_begin")
        >>> str(err), err.field, isinstance(err, ValueError)
        ('Periode.datum_begin: expected a date, got string', 'Periode.datum_begin', True)
    """

    code: ClassVar[str] = "value.invalid"

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class UnsupportedPeriod(DuoDomainError):
    """The library has no rules for the requested date or examenjaar.

    Raised instead of silently applying another year's rules.
    """

    code: ClassVar[str] = "rules.unsupported_period"


if TYPE_CHECKING:

    class _Finding(Protocol):
        """What `FindingError` reads of a `duo_domain.rules.Finding`.

        A protocol rather than an import: this module sits below the rules in the layer order.
        """

        @property
        def rule_id(self) -> str: ...

        @property
        def message(self) -> str: ...

        @property
        def path(self) -> str: ...


class FindingError(DuoDomainError):
    """One error-level finding, raised as part of a [`FindingsError`][duo_domain.errors.FindingsError].

    Attributes:
        finding: The [`duo_domain.rules.Finding`][duo_domain.rules.Finding] raised.
    """

    code: ClassVar[str] = "finding"

    def __init__(self, finding: _Finding) -> None:
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
