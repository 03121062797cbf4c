"""Keuzedeel code: an elective part of an mbo kwalificatie.

DUO's PvE MBO gives the *code keuzedeel* as five characters (AN5..5, PvE
MBO-instelling - DUO v4.8.2, ch. 15); every code DUO returns has the form
``K`` plus four digits, such as ``K0067``. Existence needs SBB's register of
keuzedelen.

Examples:
    >>> from duo_domain.identity import keuzedeel
    >>> keuzedeel.validate("k0067")
    'K0067'
    >>> keuzedeel.is_valid("K0067"), keuzedeel.is_valid("K067"), keuzedeel.is_valid("00067")
    (True, False, False)
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "keuzedeel"

_SPEC = CodeSpec(KIND, r"K[0-9]{4}", 5, "Knnnn: the letter K and four digits", upper=True)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes, upper-cased; not checked.

    Examples:
        >>> compact(' k0067')
        'K0067'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid keuzedeel code.

    Raises:
        InvalidFormat: not text, or not of the form ``Knnnn: the letter K and four digits``.
        InvalidLength: not 5 characters (separators aside).

    Examples:
        >>> validate('K0067')
        'K0067'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid keuzedeel code; never raises, whatever it is given.

    Examples:
        >>> is_valid('K0067'), is_valid('K00670'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The keuzedeel code as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.keuzedeel.validate].

    Examples:
        >>> format('K0067')
        'K0067'
    """
    return validate(value)
