"""One masking function for every channel that can carry a value (issue 12, class 3).

Each test feeds a nine-digit number (a BSN or onderwijsnummer, or a value
that merely looks like one) into one channel and fails if the number comes
back in full, with or without separators.
"""

from __future__ import annotations

import io
import json
import pickle

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.cli import main
from duo_domain.errors import (
    DocumentProblem,
    DuoDomainError,
    InvalidCode,
    InvalidDocument,
    InvalidFormat,
    InvalidIdentifier,
    mask_numbers,
)
from duo_domain.identity import IDENTIFIERS, Bsn
from duo_domain.rules import Finding, Severity, validate
from duo_domain.serialize import json as duo_json
from duo_domain.testing.factories import make_mbo_student_record

NUMBER = "111222333"
SPELLINGS = ("111222333", "1112.22.333", "111 222 333", "111-222-333", "１１１２２２３３３", "111222333444")


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _assert_hidden(number: str, *texts: str) -> None:
    wanted = _digits(number)
    for text in texts:
        assert wanted not in _digits(text), text


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_mask_numbers_hides_every_spelling(spelling: str) -> None:
    masked = mask_numbers(f"got '{spelling}' here")
    _assert_hidden(spelling, masked)
    assert masked.startswith("got '*")
    assert masked.endswith("' here")


@pytest.mark.parametrize(
    "text",
    [
        "crebo 25655",
        "BRIN 25LX, vestiging 25LX01",
        "from 2026-08-01 until 2027-07-31",
        "grade 6.5, omvang 800",
        "the masked form *****2333",
        "line 1234567",
        "period 2026-08-01 - 2027-07-31",
        "onderwijslocatie 110X912",
    ],
)
def test_mask_numbers_keeps_ordinary_values(text: str) -> None:
    assert mask_numbers(text) == text


def test_nine_digits_is_the_boundary() -> None:
    assert mask_numbers("1234567") == "1234567"
    assert mask_numbers("1234.56.78") == "1234.56.78"
    assert mask_numbers("12345678") == "****5678"  # a BSN with one digit lost
    assert mask_numbers("123456789") == "*****6789"
    assert mask_numbers("1234.56.789") == "*****6789"


@settings(max_examples=200)
@given(st.from_regex(r"\A[0-9]{9,12}\Z"), st.sampled_from(["", " ", ".", "-"]), st.text(max_size=20))
def test_mask_numbers_property(number: str, sep: str, around: str) -> None:
    spelled = sep.join([number[:4], number[4:6], number[6:]])
    _assert_hidden(number, mask_numbers(around + spelled + around))


# -- channel: exceptions -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(IDENTIFIERS))
@pytest.mark.parametrize("spelling", ["111222334", "1112.22.334", "1112223345"])
def test_identifier_errors_mask_the_value(kind: str, spelling: str) -> None:
    module = IDENTIFIERS[kind]
    try:
        module.validate(spelling)
    except InvalidIdentifier as exc:
        _assert_hidden(spelling, str(exc), repr(exc), exc.message, repr(exc.args))
    else:
        assert module.validate(spelling)  # a kind for which the value is valid: nothing to show


def test_exception_base_masks_every_subclass() -> None:
    for exc in (
        DuoDomainError(f"got {NUMBER!r}"),
        InvalidFormat(f"got {NUMBER!r}", kind="brin"),
        InvalidCode(f"code {NUMBER}", waardenlijst="leertraject", value=NUMBER),
        InvalidDocument([DocumentProblem(f"$.{NUMBER}", f"bad value {NUMBER}")]),
    ):
        _assert_hidden(NUMBER, str(exc), repr(exc), repr(exc.args), exc.message)
        if isinstance(exc, InvalidCode):
            _assert_hidden(NUMBER, exc.value)
        if isinstance(exc, InvalidDocument):
            _assert_hidden(NUMBER, exc.path, *exc.lines(), *(repr(p) for p in exc.problems))


def test_json_reader_errors_are_masked() -> None:
    data = duo_json.unstructure_mbo(make_mbo_student_record())
    data["student"]["bsn"] = "1112.22.334"
    with pytest.raises(InvalidDocument) as caught:
        duo_json.loads_mbo(json.dumps(data))
    _assert_hidden("111222334", str(caught.value), *caught.value.lines())


# -- channel: findings -------------------------------------------------------------------------


def test_finding_fields_are_masked() -> None:
    finding = Finding(
        "ROD.A.B",
        Severity.AFKEUR,
        f"$.x[{NUMBER}]",
        f"value {NUMBER} is wrong",
        business_key=NUMBER,
        values={"bsn": "1112.22.333"},
    )
    _assert_hidden(NUMBER, str(finding), repr(finding), json.dumps(finding.to_dict()))


def test_a_rule_quoting_a_raw_value_cannot_leak_it() -> None:
    record = make_mbo_student_record()
    enrolment = attrs.evolve(record.inschrijvingen[0], instelling=NUMBER)
    report = validate(attrs.evolve(record, inschrijvingen=[enrolment]))
    assert any(f.rule_id == "ROD.FORMAAT.INSCHRIJVING.INSTELLING" for f in report)
    for finding in report:
        _assert_hidden(NUMBER, str(finding), repr(finding), json.dumps(finding.to_dict()))


# -- channel: command-line output --------------------------------------------------------------


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("kind", ["brin", "crebo", "vestiging", "postcode", "oin", "bsn", "onderwijsnummer"])
@pytest.mark.parametrize("spelling", ["111222334", "1112.22.334"])
def test_cli_check_never_echoes_nine_digits(kind: str, spelling: str) -> None:
    code, out, err = _run("check", kind, spelling)
    assert code == 1
    _assert_hidden(spelling, out, err)


def test_cli_check_prints_a_valid_bsn_masked_unless_asked() -> None:
    assert _run("check", "bsn", "1112.22.333") == (0, "*****2333\n", "")
    assert _run("check", "bsn", "1112.22.333", "--unmasked") == (0, "111222333\n", "")


def test_cli_one_line_errors_are_masked(tmp_path: object) -> None:
    code, out, err = _run("validate", f"{NUMBER}.json")
    assert code == 2
    _assert_hidden(NUMBER, out, err)
    code, out, err = _run("check", "bsnx", NUMBER)  # an argparse usage error
    assert code == 2
    _assert_hidden(NUMBER, out, err)


# -- the explicit way to the full number -------------------------------------------------------


def test_full_number_only_through_unmasked_pickle_and_asdict() -> None:
    b = Bsn(NUMBER)
    _assert_hidden(NUMBER, str(b), repr(b), f"{b}")
    assert b.unmasked() == NUMBER
    assert pickle.loads(pickle.dumps(b)).unmasked() == NUMBER
    assert attrs.asdict(b) == {"_nummer": NUMBER}  # documented in docs/identity.md
