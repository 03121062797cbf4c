"""RIO onderwijsaanbieder code: the organisation that offers the education.

An onderwijsaanbieder in RIO has a code of three digits, the letter ``A`` and
three digits, such as ``110A133`` (DUO BasisSchema type
``OnderwijsaanbiederID-v01``, ``[0-9]{3}A[0-9]{3}``). Existence needs the RIO register.

Examples:
    >>> from duo_domain.identity import onderwijsaanbieder
    >>> onderwijsaanbieder.validate("110a133")
    '110A133'
    >>> onderwijsaanbieder.is_valid("110A133"), onderwijsaanbieder.is_valid("110X133")
    (True, False)
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "onderwijsaanbieder"

_SPEC = CodeSpec(
    KIND, r"[0-9]{3}A[0-9]{3}", 7, "nnnAnnn: three digits, the letter A, three digits", upper=True
)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes, upper-cased; not checked.

    Examples:
        >>> compact('110-A-133')
        '110A133'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid onderwijsaanbieder code.

    Raises:
        InvalidFormat: not text, or not of the form ``nnnAnnn: three digits, the letter A, three digits``.
        InvalidLength: not 7 characters (separators aside).

    Examples:
        >>> validate('110A133')
        '110A133'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid onderwijsaanbieder code; never raises, whatever it is given.

    Examples:
        >>> is_valid('110A133'), is_valid('11A133'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The onderwijsaanbieder code as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.onderwijsaanbieder.validate].

    Examples:
        >>> format('110A133')
        '110A133'
    """
    return validate(value)
