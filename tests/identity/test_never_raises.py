"""is_valid never raises, whatever it is given; validate raises only the library's errors."""

from __future__ import annotations

from types import ModuleType

import pytest

from duo_domain.errors import InvalidFormat, InvalidIdentifier
from duo_domain.identity import IDENTIFIERS, onderwijsnummer

ODD_INPUTS: list[object] = [
    None,
    0,
    111222333,
    1.5,
    b"111222333",
    bytearray(b"25BE"),
    ["111222333"],
    {"bsn": "111222333"},
    object(),
    "",
    " ",
    "\x00" * 9,
    "1" * 1_000_000,
    " " * 1_000_000,
    "1.2-3 " * 100_000,
    "\ud800",  # a lone surrogate
    "ß" * 9,
]


@pytest.mark.parametrize("module", list(IDENTIFIERS.values()), ids=list(IDENTIFIERS))
def test_is_valid_never_raises(module: ModuleType) -> None:
    for value in ODD_INPUTS:
        assert module.is_valid(value) is False


@pytest.mark.parametrize("module", list(IDENTIFIERS.values()), ids=list(IDENTIFIERS))
def test_validate_raises_only_library_errors(module: ModuleType) -> None:
    for value in ODD_INPUTS:
        with pytest.raises(InvalidIdentifier):
            module.validate(value)


@pytest.mark.parametrize("value", [None, 101222331, b"101222331"])
def test_non_text_is_invalid_format(value: object) -> None:
    with pytest.raises(InvalidFormat):
        onderwijsnummer.validate(value)  # type: ignore[arg-type]
    assert onderwijsnummer.is_valid(value, strict=True) is False


def test_long_input_is_quoted_short() -> None:
    with pytest.raises(InvalidIdentifier) as info:
        IDENTIFIERS["brin"].validate("X" * 100_000)
    assert len(str(info.value)) < 200
