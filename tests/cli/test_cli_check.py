"""``duo-domain check KIND VALUE``: exit codes and output."""

from __future__ import annotations

import io

import pytest

from duo_domain.cli import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("kind", "value", "canonical"),
    [
        ("bsn", "1112.22.333", "*****2333"),
        ("onderwijsnummer", "101222331", "*****2331"),
        ("brin", "25be", "25BE"),
        ("vestiging", "25BE01", "25BE01"),
        ("onderwijsbestuur", "100B490", "100B490"),
        ("onderwijsaanbieder", "110A133", "110A133"),
        ("onderwijslocatie", "110X912", "110X912"),
        ("opleidingseenheid", "1007O5545", "1007O5545"),
        ("crebo", "25655", "25655"),
        ("keuzedeel", "K0067", "K0067"),
        ("leerbedrijf", "100018965", "100018965"),
        ("postcode", "2593 ce", "2593CE"),
        ("elementcode", "0172", "0172"),
        ("vakcode", "1001", "1001"),
        ("oin", "00000001800866472000", "00000001800866472000"),
    ],
)
def test_valid_prints_canonical_form(kind: str, value: str, canonical: str) -> None:
    assert _run("check", kind, value) == (0, canonical + "\n", "")


@pytest.mark.parametrize(
    ("kind", "value", "reason"),
    [
        ("bsn", "12", "[identifier.length]"),
        ("bsn", "111222334", "[identifier.checksum]"),
        ("bsn", "11122233X", "[identifier.format]"),
        ("onderwijsnummer", "111222333", "[identifier.component]"),
        ("crebo", "2565", "[identifier.length]"),
        ("leerbedrijf", "099999999", "[identifier.component]"),
    ],
)
def test_invalid_exits_1_with_reason(kind: str, value: str, reason: str) -> None:
    code, out, _ = _run("check", kind, value)
    assert code == 1
    assert out.startswith(f"invalid {kind}: ")
    assert reason in out


def test_strict_onderwijsnummer() -> None:
    assert _run("check", "onderwijsnummer", "100000016")[0] == 0
    assert _run("check", "onderwijsnummer", "100000016", "--strict")[0] == 1


def test_unknown_kind_exits_2() -> None:
    code, out, err = _run("check", "iban", "NL91ABNA0417164300")
    assert code == 2
    assert "invalid choice" in err
    assert out == ""


def test_missing_value_exits_2() -> None:
    assert _run("check", "bsn")[0] == 2
