"""RIO onderwijsbestuur code (bestuurcode): the board that runs one or more institutions.

In the Registratie Instellingen en Opleidingen (RIO) every onderwijsbestuur has
a code of three digits, the letter ``B`` and three digits, such as ``100B490``
(DUO RIO webservice ``DUO_RIO_Beheren_OnderwijsOrganisatie_V4``, type
``OnderwijsbestuurID``). Existence needs the RIO register.

Examples:
    >>> from duo_domain.identity import onderwijsbestuur
    >>> onderwijsbestuur.validate("100b490")
    '100B490'
    >>> onderwijsbestuur.is_valid("100B490"), onderwijsbestuur.is_valid("100A490")
    (True, False)
"""

from __future__ import annotations

from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "onderwijsbestuur"

_SPEC = CodeSpec(
    KIND, r"[0-9]{3}B[0-9]{3}", 7, "nnnBnnn: three digits, the letter B, three digits", upper=True
)


def compact(value: str) -> str:
    """The code without spaces, dots and dashes, upper-cased; not checked.

    Examples:
        >>> compact('100 b 490')
        '100B490'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form of a valid onderwijsbestuur code.

    Raises:
        InvalidFormat: not text, or not of the form ``nnnBnnn: three digits, the letter B, three digits``.
        InvalidLength: not 7 characters (separators aside).

    Examples:
        >>> validate('100B490')
        '100B490'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid onderwijsbestuur code; never raises, whatever it is given.

    Examples:
        >>> is_valid('100B490'), is_valid('100X490'), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The onderwijsbestuur code as DUO prints it, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.onderwijsbestuur.validate].

    Examples:
        >>> format('100B490')
        '100B490'
    """
    return validate(value)
