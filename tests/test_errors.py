from __future__ import annotations

import pytest

from duo_domain import errors
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
from duo_domain.rules import Finding, Severity

ALL_CLASSES = [getattr(errors, name) for name in errors.__all__ if isinstance(getattr(errors, name), type)]
ERROR_CLASSES = [c for c in ALL_CLASSES if issubclass(c, BaseException)]


@pytest.mark.parametrize("cls", ERROR_CLASSES)
def test_every_error_is_a_value_error_with_a_code(cls: type[DuoDomainError]) -> None:
    assert issubclass(cls, ValueError)
    assert issubclass(cls, DuoDomainError)
    assert cls.code
    assert cls.code == cls.code.strip().lower()


def test_codes_are_unique() -> None:
    codes = [c.code for c in ERROR_CLASSES]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    ("cls", "code"),
    [
        (InvalidIdentifier, "identifier.invalid"),
        (InvalidFormat, "identifier.format"),
        (InvalidLength, "identifier.length"),
        (InvalidChecksum, "identifier.checksum"),
        (InvalidComponent, "identifier.component"),
    ],
)
def test_identifier_errors(cls: type[InvalidIdentifier], code: str) -> None:
    err = cls("wrong", kind="bsn")
    assert isinstance(err, InvalidIdentifier)
    assert err.code == code
    assert err.kind == "bsn"
    assert str(err) == "bsn: wrong"
    with pytest.raises(InvalidIdentifier, match="wrong"):
        raise err


def test_identifier_error_without_kind() -> None:
    assert str(InvalidFormat("only digits")) == "only digits"


def test_invalid_code_carries_list_and_value() -> None:
    err = InvalidCode("unknown", waardenlijst="leertraject", value="XYZ")
    assert (err.code, err.waardenlijst, err.value) == ("code.invalid", "leertraject", "XYZ")


def test_invalid_document_lists_every_problem() -> None:
    problems = [
        DocumentProblem("$.a", "missing"),
        DocumentProblem("$.b[1].c", "not a date", line=7),
    ]
    err = InvalidDocument(problems, document="MBO student record")
    assert err.problems == tuple(problems)
    assert err.path == "$.a"
    assert err.lines() == ["missing @ $.a", "not a date @ $.b[1].c (line 7)"]
    assert str(err) == "invalid MBO student record: missing @ $.a (and 1 more)"
    assert err.code == "document.invalid"


def test_invalid_document_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one"):
        InvalidDocument([])


def test_document_problem_equality() -> None:
    assert DocumentProblem("$.a", "x") == DocumentProblem("$.a", "x")
    assert DocumentProblem("$.a", "x") != DocumentProblem("$.a", "x", line=1)
    assert len({DocumentProblem("$.a", "x"), DocumentProblem("$.a", "x")}) == 1
    assert "path='$.a'" in repr(DocumentProblem("$.a", "x"))


def test_unsupported_period() -> None:
    err = UnsupportedPeriod("no rules for examenjaar 2019")
    assert err.code == "rules.unsupported_period"
    assert err.message == "no rules for examenjaar 2019"


def test_findings_error_is_an_exception_group_and_a_value_error() -> None:
    finding = Finding("ROD.X.Y", Severity.AFKEUR, "$.x", "bad")
    group = FindingsError("1 error-level finding", [FindingError(finding)])
    assert isinstance(group, ExceptionGroup)
    assert isinstance(group, ValueError)
    assert group.code == "findings"
    first = group.exceptions[0]
    assert isinstance(first, FindingError)
    assert first.finding is finding
    assert str(first) == "[ROD.X.Y] bad @ $.x"
    caught: list[FindingError | ExceptionGroup[FindingError]] = []
    try:
        raise group
    except* FindingError as eg:
        caught.extend(eg.exceptions)
    assert len(caught) == 1
