"""BSN: compact, validate, is_valid, format and the Bsn value type."""

from __future__ import annotations

import pytest
from stdnum.nl import bsn as stdnum_bsn

from duo_domain.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from duo_domain.identity import Bsn, bsn


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        ("111222333", "111222333"),
        ("1112.22.333", "111222333"),
        ("1112-22-333", "111222333"),
        (" 111 222 333 ", "111222333"),
        ("012345672", "012345672"),  # leading zero kept
        ("999999990", "999999990"),
    ],
)
def test_valid(value: str, canonical: str) -> None:
    assert bsn.validate(value) == canonical
    assert bsn.is_valid(value)
    assert stdnum_bsn.is_valid(value)  # the reference agrees


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("12", InvalidLength),  # stdnum zero-pads this into validity
        ("12345672", InvalidLength),  # 8 digits: the BSN 012345672 without its zero
        ("1112223330", InvalidLength),  # 10 digits
        ("", InvalidLength),
        ("111222334", InvalidChecksum),
        ("000000000", InvalidComponent),
        ("11122233A", InvalidFormat),
        ("١١١٢٢٢٣٣٣", InvalidFormat),  # Arabic-Indic digits are digits, but not ASCII
        ("111_222_333", InvalidFormat),
    ],
)
def test_invalid(value: str, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        bsn.validate(value)
    assert info.value.kind == "bsn"  # type: ignore[attr-defined]
    assert not bsn.is_valid(value)


def test_stricter_than_stdnum_on_short_input() -> None:
    assert stdnum_bsn.is_valid("12")
    assert not bsn.is_valid("12")


def test_length_boundaries() -> None:
    assert not bsn.is_valid("11122233")  # 8
    assert bsn.is_valid("111222333")  # 9
    assert not bsn.is_valid("1112223330")  # 10


def test_compact_never_pads() -> None:
    assert bsn.compact("12") == "12"
    assert bsn.compact("1112.22.333") == "111222333"


def test_format() -> None:
    assert bsn.format("111222333") == "1112.22.333"
    with pytest.raises(InvalidChecksum):
        bsn.format("111222334")


def test_non_text_is_invalid_format() -> None:
    with pytest.raises(InvalidFormat):
        bsn.validate(111222333)  # type: ignore[arg-type]


def test_value_type() -> None:
    a = Bsn("1112.22.333")
    assert a.unmasked() == "111222333"
    assert a == Bsn("111222333")
    assert hash(a) == hash(Bsn("111222333"))
    assert Bsn("012345672") < Bsn("111222333")
    assert sorted([Bsn("111222333"), Bsn("012345672")])[0] == Bsn("012345672")
    with pytest.raises(InvalidChecksum):
        Bsn("111222334")


def test_value_type_is_frozen() -> None:
    a = Bsn("111222333")
    with pytest.raises(AttributeError):
        a._nummer = "123456782"  # type: ignore[misc]
