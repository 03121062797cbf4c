"""Vestiging: a BRIN number with the two-digit number of one of its branches.

The code of a branch (vestiging) of an institution is its BRIN number followed
by a two-digit volgnummer (DUO BasisSchema type
``BRINNummerVestiging``, ``[0-9]{2}[A-Z]{2}[0-9]{2}``).

Examples:
    >>> from duo_domain.identity import vestiging
    >>> vestiging.validate("25BE 01")
    '25BE01'
    >>> vestiging.is_valid("25BE01"), vestiging.is_valid("25BE")
    (True, False)
    >>> vestiging.brin("25BE01")
    '25BE'
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "brin", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "vestiging"

_SPEC = CodeSpec(
    KIND, r"[0-9]{2}[A-Z]{2}[0-9]{2}", 6, "nnAAnn: a BRIN number and a two-digit volgnummer", upper=True
)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes, upper-cased; not checked.

    Examples:
        >>> compact('25be-01')
        '25BE01'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid vestiging code.

    Raises:
        InvalidFormat: not text, or not of the form ``nnAAnn: a BRIN number and a two-digit volgnummer``.
        InvalidLength: not 6 characters (separators aside).

    Examples:
        >>> validate('25BE01')
        '25BE01'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid vestiging code; never raises, whatever it is given.

    Examples:
        >>> is_valid('25BE01'), is_valid('25BE1'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The vestiging code as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.vestiging.validate].

    Examples:
        >>> format('25BE01')
        '25BE01'
    """
    return validate(value)


def brin(value: str) -> str:
    """The BRIN number of the institution the vestiging belongs to.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.vestiging.validate].

    Examples:
        >>> brin("25BE01")
        '25BE'
    """
    return validate(value)[:4]
