"""Onderwijsnummer: prefix, remainder-5 check in both readings, value type."""

from __future__ import annotations

import pytest
from stdnum.nl import onderwijsnummer as stdnum_onr

from duo_domain.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from duo_domain.identity import Onderwijsnummer, onderwijsnummer


@pytest.mark.parametrize("value", ["101222331", "100310303", "100729533", "1012.22.331", "100000004"])
def test_valid(value: str) -> None:
    assert onderwijsnummer.is_valid(value)
    assert onderwijsnummer.is_valid(value, strict=True)
    assert stdnum_onr.is_valid(value)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("100252333", InvalidChecksum),
        ("111222333", InvalidComponent),  # a BSN, not starting with 10
        ("201222331", InvalidComponent),
        ("10122233", InvalidLength),
        ("1012223310", InvalidLength),
        ("1012223A1", InvalidFormat),
    ],
)
def test_invalid(value: str, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        onderwijsnummer.validate(value)
    assert info.value.kind == "onderwijsnummer"  # type: ignore[attr-defined]
    assert not onderwijsnummer.is_valid(value)
    assert not onderwijsnummer.is_valid(value, strict=True)


def test_short_input_is_not_padded() -> None:
    # stdnum zero-pads, then refuses for the missing 10 prefix; we refuse for the length.
    with pytest.raises(InvalidLength):
        onderwijsnummer.validate("1")


@pytest.mark.parametrize(("value", "last"), [("100000016", 6), ("100000028", 8), ("100000089", 9)])
def test_two_readings_differ_on_last_digit_6_to_9(value: str, last: int) -> None:
    assert int(value[-1]) == last
    assert onderwijsnummer.is_valid(value)  # congruence reading (default)
    assert stdnum_onr.is_valid(value)
    assert not onderwijsnummer.is_valid(value, strict=True)  # literal reading
    with pytest.raises(InvalidChecksum):
        onderwijsnummer.validate(value, strict=True)


def test_strict_boundary_last_digit_5() -> None:
    # Find the numbers ending in 5 and 6 that pass the congruence reading; 5 passes strict, 6 does not.
    fives = [f"1000000{i:02d}" for i in range(100) if f"{i:02d}".endswith("5")]
    passing5 = [v for v in fives if onderwijsnummer.is_valid(v)]
    assert passing5
    assert all(onderwijsnummer.is_valid(v, strict=True) for v in passing5)


def test_format() -> None:
    assert onderwijsnummer.format("101222331") == "1012.22.331"


def test_value_type() -> None:
    o = Onderwijsnummer("1012.22.331")
    assert o.unmasked() == "101222331"
    assert o == Onderwijsnummer("101222331")
    assert len({o, Onderwijsnummer("101222331")}) == 1
    with pytest.raises(InvalidComponent):
        Onderwijsnummer("111222333")
