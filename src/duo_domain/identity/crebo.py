"""Crebo code (opleidingcode in the mbo): the code of a kwalificatie or kwalificatiedossier.

The Centraal register beroepsopleidingen (crebo) numbers mbo kwalificaties,
kwalificatiedossiers and opleidingsdomeinen with five digits, such as ``25655``;
DUO's PvE MBO calls it the *opleidingcode* (AN5..5, PvE MBO-instelling – DUO
v4.8.2, ch. 15). Whether a code exists, and from when to when, needs the
crebo register.

Examples:
    >>> from duo_domain.identity import crebo
    >>> crebo.validate("25655")
    '25655'
    >>> crebo.is_valid("25655"), crebo.is_valid("2565"), crebo.is_valid("2565A")
    (True, False, False)
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "crebo"

_SPEC = CodeSpec(KIND, r"[0-9]{5}", 5, "nnnnn: five digits", upper=False)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes; not checked.

    Examples:
        >>> compact('25 655')
        '25655'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid crebo code.

    Raises:
        InvalidFormat: not text, or not of the form ``nnnnn: five digits``.
        InvalidLength: not 5 characters (separators aside).

    Examples:
        >>> validate('25655')
        '25655'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid crebo code; never raises, whatever it is given.

    Examples:
        >>> is_valid('25655'), is_valid('256555'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The crebo code as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.crebo.validate].

    Examples:
        >>> format('25655')
        '25655'
    """
    return validate(value)
