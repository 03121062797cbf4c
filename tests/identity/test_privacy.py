"""No full BSN or onderwijsnummer in a repr, str, exception, finding or CLI error."""

from __future__ import annotations

import io
import pickle
from types import ModuleType

import pytest
from hypothesis import given, settings

from duo_domain.cli import main
from duo_domain.errors import InvalidIdentifier
from duo_domain.identity import Bsn, Onderwijsnummer, Persoonsgegevens, Student, bsn, onderwijsnummer
from duo_domain.rules import validate
from duo_domain.testing import bsns, invalid_bsns, invalid_onderwijsnummers, onderwijsnummers

BSN = "111222333"
ONR = "101222331"


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _assert_hidden(number: str, *texts: str) -> None:
    for text in texts:
        assert number not in text
        assert number not in _digits(text)  # nor with separators in between


def test_value_types_are_masked() -> None:
    for value, number in ((Bsn(BSN), BSN), (Onderwijsnummer(ONR), ONR)):
        _assert_hidden(number, repr(value), str(value), f"{value}", f"{value!r}", format(value, ""))
        assert value.unmasked() == number
        assert str(value).endswith(number[-4:])


def test_student_repr_is_masked() -> None:
    s = Student(bsn=Bsn(BSN), onderwijsnummer=Onderwijsnummer(ONR), studentnummer="S1")
    _assert_hidden(BSN, repr(s), str(s))
    _assert_hidden(ONR, repr(s), str(s))


def test_persoonsgegevens_repr_hides_values() -> None:
    p = Persoonsgegevens(geslachtsnaam="Jansen", voornamen="Anna")
    assert "Jansen" not in repr(p)
    assert "Anna" not in repr(p)


def test_full_value_survives_pickle() -> None:
    assert pickle.loads(pickle.dumps(Bsn(BSN))).unmasked() == BSN


def _error_text(module: ModuleType, value: str) -> str:
    try:
        module.validate(value)
    except InvalidIdentifier as exc:
        return f"{exc} {exc!r} {exc.args!r}"
    return ""


@settings(max_examples=100)
@given(invalid_bsns())
def test_bsn_errors_never_contain_the_value(value: str) -> None:
    digits = _digits(value)
    if len(digits) >= 5:  # shorter runs are not a number, and may occur in a message by chance
        assert digits not in _digits(_error_text(bsn, value))


@settings(max_examples=100)
@given(invalid_onderwijsnummers())
def test_onderwijsnummer_errors_never_contain_the_value(value: str) -> None:
    digits = _digits(value)
    if len(digits) >= 5:
        assert digits not in _digits(_error_text(onderwijsnummer, value))


@settings(max_examples=50)
@given(bsns(), onderwijsnummers())
def test_findings_never_contain_the_numbers(b: str, o: str) -> None:
    report = validate(Student(bsn=Bsn(b), onderwijsnummer=Onderwijsnummer(o)))
    assert not report.ok
    for finding in report:
        text = str(finding) + repr(finding) + repr(finding.to_dict())
        _assert_hidden(b, text)
        _assert_hidden(o, text)


@pytest.mark.parametrize(
    ("kind", "value"), [("bsn", "111222334"), ("bsn", "1112223334"), ("onderwijsnummer", "101222332")]
)
def test_cli_error_does_not_echo_the_number(kind: str, value: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", kind, value], stdout=out, stderr=err) == 1
    _assert_hidden(value, out.getvalue(), err.getvalue())
