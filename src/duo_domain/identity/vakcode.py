"""VO vakcode: the code of an exam subject in BRON VO.

A vakcode is four digits, leading zeros included, such as ``1001`` (Nederlandse
taal en literatuur, havo/vwo) or ``0011`` (Nederlandse taal, vmbo); the meanings
are in the yearly *Regeling codetabellen* (e.g. 2015-2016, BWBR0036964,
bijlage III). Whether a code is in force needs that table.

Examples:
    >>> from duo_domain.identity import vakcode
    >>> vakcode.validate("1001")
    '1001'
    >>> vakcode.is_valid("0011"), vakcode.is_valid("11")
    (True, False)
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "vakcode"

_SPEC = CodeSpec(KIND, r"[0-9]{4}", 4, "nnnn: four digits", upper=False)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes; not checked.

    Examples:
        >>> compact('00 11')
        '0011'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid VO vakcode.

    Raises:
        InvalidFormat: not text, or not of the form ``nnnn: four digits``.
        InvalidLength: not 4 characters (separators aside).

    Examples:
        >>> validate('0011')
        '0011'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid VO vakcode; never raises, whatever it is given.

    Examples:
        >>> is_valid('0011'), is_valid('011'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The VO vakcode as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.vakcode.validate].

    Examples:
        >>> format('0011')
        '0011'
    """
    return validate(value)
