"""Burgerservicenummer (BSN), the Dutch citizen service number.

The BSN is the personal number the Basisregistratie Personen (BRP) gives
every resident (and registered non-resident); DUO keys every person-bound
record on it when the school knows it. It is nine digits, leading zeros
included, and passes the *11-proef*: ``9·d1 + 8·d2 + ... + 2·d8 - d9`` is a
multiple of 11 (DUO BasisSchema type ``Burgerservicenummer-v02``; Wet
algemene bepalingen burgerservicenummer, BWBR0022428).

This module is as strict as DUO: after removing spaces, dots and dashes the
number must have exactly nine digits. Unlike ``stdnum.nl.bsn``, short input
is never padded with zeros, so ``"12"`` is not a BSN. The all-zero number
passes the 11-proef but is never issued, and is refused.

A BSN is personal data: no error message of this module contains it. Use
[`Bsn`][duo_domain.identity.bsn.Bsn] to carry one around; its ``repr`` and ``str`` show only the
last four digits.

Examples:
    >>> from duo_domain.identity import bsn
    >>> bsn.validate("1112.22.333")
    '111222333'
    >>> bsn.is_valid("111222333"), bsn.is_valid("111222334"), bsn.is_valid("12")
    (True, False, False)
    >>> bsn.format("111222333")
    '1112.22.333'
    >>> bsn.validate("111222334")
    Traceback (most recent call last):
    ...
    duo_domain.errors.InvalidChecksum: bsn: the 11-proef fails (check digit does not match)
    >>> from duo_domain.identity import Bsn
    >>> Bsn("111222333")
    Bsn('*****2333')
"""

from __future__ import annotations

from duo_domain.errors import InvalidIdentifier
from duo_domain.identity import _nummer

#: ``typing.TYPE_CHECKING`` without importing ``typing``: ``duo-domain check`` imports this module alone.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from duo_domain.identity._values import Bsn

__all__ = ["KIND", "Bsn", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "bsn"

_ZERO = "000000000"


def compact(value: str) -> str:
    """The number without spaces, dots and dashes; not checked, never zero-padded.

    Examples:
        >>> compact(" 1112-22-333 ")
        '111222333'
    """
    return _nummer.compact(value, KIND)


def validate(value: str) -> str:
    """The canonical form (nine digits) of a valid BSN.

    Raises:
        InvalidFormat: not text, or characters other than digits and separators.
        InvalidLength: not exactly nine digits.
        InvalidComponent: the all-zero number.
        InvalidChecksum: the 11-proef fails.

    Examples:
        >>> validate("012345672")
        '012345672'
        >>> validate("12345672")
        Traceback (most recent call last):
        ...
        duo_domain.errors.InvalidLength: bsn: a BSN has exactly 9 digits, this value has 8 (...)
    """
    return _nummer.check_bsn(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid BSN; never raises, whatever it is given.

    Examples:
        >>> is_valid("111222333"), is_valid(111222333), is_valid(None), is_valid("1" * 10_000)
        (True, False, False, False)
    """
    if type(value) is str and len(value) == 9 and value.isdigit() and value.isascii():
        # The common case, nine plain digits, without the separator handling.
        return _nummer.weighted_sum(value) % 11 == 0 and value != _ZERO
    if not isinstance(value, str):
        return False
    try:
        validate(value)
    except InvalidIdentifier:
        return False
    return True


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The BSN in its usual print form ``NNNN.NN.NNN``, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.bsn.validate].

    Examples:
        >>> format("111222333")
        '1112.22.333'
    """
    number = validate(value)
    return f"{number[:4]}.{number[4:6]}.{number[6:]}"


def __getattr__(name: str) -> type[Bsn]:
    # The value type is an attrs class: defined apart and loaded on first use, so that checking
    # a number does not import attrs.
    if name == "Bsn":
        from duo_domain.identity._values import Bsn

        return Bsn
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
