"""RIO onderwijslocatie code: the address where education is given.

An onderwijslocatie in RIO has a code of three digits, the letter ``X`` and
three digits, such as ``110X912`` (DUO BasisSchema type
``OnderwijslocatieID-v01``, ``[0-9]{3}X[0-9]{3}``). MBO enrolments starting on or after
1 August 2019 carry the onderwijslocatie. Existence needs the RIO register.

Examples:
    >>> from duo_domain.identity import onderwijslocatie
    >>> onderwijslocatie.validate("110x912")
    '110X912'
    >>> onderwijslocatie.is_valid("110X912"), onderwijslocatie.is_valid("110A912")
    (True, False)
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "onderwijslocatie"

_SPEC = CodeSpec(
    KIND, r"[0-9]{3}X[0-9]{3}", 7, "nnnXnnn: three digits, the letter X, three digits", upper=True
)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes, upper-cased; not checked.

    Examples:
        >>> compact('110 X 912')
        '110X912'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid onderwijslocatie code.

    Raises:
        InvalidFormat: not text, or not of the form ``nnnXnnn: three digits, the letter X, three digits``.
        InvalidLength: not 7 characters (separators aside).

    Examples:
        >>> validate('110X912')
        '110X912'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid onderwijslocatie code; never raises, whatever it is given.

    Examples:
        >>> is_valid('110X912'), is_valid('110X91'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The onderwijslocatie code as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.onderwijslocatie.validate].

    Examples:
        >>> format('110X912')
        '110X912'
    """
    return validate(value)
