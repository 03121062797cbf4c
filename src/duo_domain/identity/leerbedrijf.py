"""SBB leerbedrijf id: the number of a company recognised for work-based learning (BPV).

The Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven (SBB) gives every
recognised leerbedrijf a nine-digit id in the range 100000000 to 999999999;
schools take it from SBB and send it to DUO with the BPV data (PvE
MBO-instelling - DUO v4.8.2, §15.5.6, *LeerbedrijfID*, N9..9). Whether the
company is (still) recognised needs SBB.

Examples:
    >>> from duo_domain.identity import leerbedrijf
    >>> leerbedrijf.validate("100018965")
    '100018965'
    >>> leerbedrijf.is_valid("100018965"), leerbedrijf.is_valid("099999999"), leerbedrijf.is_valid("10001896")
    (True, False, False)
"""

from __future__ import annotations

from duo_domain.errors import InvalidComponent, InvalidIdentifier
from duo_domain.identity._code import CodeSpec
from duo_domain.identity._common import quote

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "leerbedrijf"

_SPEC = CodeSpec(KIND, r"[0-9]{9}", 9, "nnnnnnnnn: nine digits")


def compact(value: str) -> str:
    """The id without spaces, dots and dashes; not checked.

    Examples:
        >>> compact("100 018 965")
        '100018965'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form (nine digits) of a valid leerbedrijf id.

    Raises:
        InvalidFormat: not text, or not digits only.
        InvalidLength: not nine digits.
        InvalidComponent: below 100000000 (it starts with a zero).

    Examples:
        >>> validate("999999999")
        '999999999'
        >>> validate("012345678")
        Traceback (most recent call last):
        ...
        duo_domain.errors.InvalidComponent: leerbedrijf: '*****5678' starts with 0; ...
    """
    number = _SPEC.validate(value)
    if number[0] == "0":
        # Said without the lowest id itself: nine digits in a message are masked like a BSN.
        raise InvalidComponent(f"{quote(number)} starts with 0; a leerbedrijf id never does", kind=KIND)
    return number


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid leerbedrijf id; never raises, whatever it is given.

    Examples:
        >>> is_valid("100000000"), is_valid("099999999"), is_valid(100000000)
        (True, False, False)
    """
    if not isinstance(value, str):
        return False
    if len(value) == 9 and value[0] != "0" and _SPEC.pattern.fullmatch(value) is not None:
        return True  # the usual, compact spelling: no separators to remove
    try:
        validate(value)
    except InvalidIdentifier:
        return False
    return True


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The id as DUO writes it (nine digits), after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.leerbedrijf.validate].

    Examples:
        >>> format("100 018 965")
        '100018965'
    """
    return validate(value)
