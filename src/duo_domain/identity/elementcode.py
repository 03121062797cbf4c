"""VO elementcode: the code of a school type, profile, sector or leerweg in BRON VO.

An elementcode is four digits, leading zeros included, such as ``0172`` (VWO
atheneum, Economie en Maatschappij) or ``6421``; the meanings are in the
yearly *Regeling codetabellen* (e.g. 2015-2016, BWBR0036964, bijlage I).
Whether a code is in force in a school year needs that table.

Examples:
    >>> from duo_domain.identity import elementcode
    >>> elementcode.validate("0172")
    '0172'
    >>> elementcode.is_valid("0172"), elementcode.is_valid("172")
    (True, False)
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "elementcode"

_SPEC = CodeSpec(KIND, r"[0-9]{4}", 4, "nnnn: four digits", upper=False)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes; not checked.

    Examples:
        >>> compact('0172 ')
        '0172'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid VO elementcode.

    Raises:
        InvalidFormat: not text, or not of the form ``nnnn: four digits``.
        InvalidLength: not 4 characters (separators aside).

    Examples:
        >>> validate('0172')
        '0172'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid VO elementcode; never raises, whatever it is given.

    Examples:
        >>> is_valid('0172'), is_valid('01720'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The VO elementcode as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.elementcode.validate].

    Examples:
        >>> format('0172')
        '0172'
    """
    return validate(value)
