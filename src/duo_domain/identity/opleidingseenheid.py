"""RIO opleidingseenheid code: an education unit (such as a kwalificatie) in RIO.

An opleidingseenheid in RIO has a code of four digits, the capital letter ``O``
(not the digit zero) and four digits, such as ``1007O5545`` (DUO RIO webservice
``DUO_RIO_Beheren_OnderwijsOrganisatie_V4``, type ``OpleidingseenheidID``).
Existence needs the RIO register.

Examples:
    >>> from duo_domain.identity import opleidingseenheid
    >>> opleidingseenheid.validate("1007o5545")
    '1007O5545'
    >>> opleidingseenheid.is_valid("1007O5545"), opleidingseenheid.is_valid("100705545")
    (True, False)
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "opleidingseenheid"

_SPEC = CodeSpec(
    KIND, r"[0-9]{4}O[0-9]{4}", 9, "nnnnOnnnn: four digits, the letter O, four digits", upper=True
)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes, upper-cased; not checked.

    Examples:
        >>> compact('1007 O 5545')
        '1007O5545'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid opleidingseenheid code.

    Raises:
        InvalidFormat: not text, or not of the form ``nnnnOnnnn: four digits, the letter O, four digits``.
        InvalidLength: not 9 characters (separators aside).

    Examples:
        >>> validate('1007O5545')
        '1007O5545'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid opleidingseenheid code; never raises, whatever it is given.

    Examples:
        >>> is_valid('1007O5545'), is_valid('1007X5545'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The opleidingseenheid code as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.opleidingseenheid.validate].

    Examples:
        >>> format('1007O5545')
        '1007O5545'
    """
    return validate(value)
