"""BRIN number (instellingscode), the four-character code of an educational institution.

DUO gives every institution a code in the Basisregistratie Instellingen (BRIN);
since RIO it is also the code of the *onderwijsinstellingserkenning*. It is two
digits followed by two capital letters (DUO BasisSchema type ``BRIN``,
``[0-9]{2}[A-Z]{2}``). Whether a code is registered needs the BRIN/RIO register,
which this library does not consult.

Examples:
    >>> from duo_domain.identity import brin
    >>> brin.validate("25be")
    '25BE'
    >>> brin.is_valid("25BE"), brin.is_valid("2BE5"), brin.is_valid("25BE01")
    (True, False, False)
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "brin"

_SPEC = CodeSpec(KIND, r"[0-9]{2}[A-Z]{2}", 4, "nnAA: two digits, two capital letters", upper=True)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes, upper-cased; not checked.

    Examples:
        >>> compact(' 25be ')
        '25BE'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid BRIN number.

    Raises:
        InvalidFormat: not text, or not of the form ``nnAA: two digits, two capital letters``.
        InvalidLength: not 4 characters (separators aside).

    Examples:
        >>> validate('25BE')
        '25BE'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid BRIN number; never raises, whatever it is given.

    Examples:
        >>> is_valid('25BE'), is_valid('25B'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The BRIN number as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.brin.validate].

    Examples:
        >>> format('25BE')
        '25BE'
    """
    return validate(value)
