"""OIN (Organisatie-identificatienummer): how an organisation identifies itself to DUO.

Machine-to-machine messages to and from DUO name the sending and receiving
organisation by its OIN, the number in the *subject serial number* of its
PKIoverheid certificate. The OIN-stelsel (Logius, "OIN-stelsel", chapter
Data-architectuur) defines it as 20 positions: an eight-digit prefix naming
the register the number comes from, a main number of eight or nine
positions from that register (which may hold letters), and a suffix of
zeros. Prefix ``00000007`` is the BRIN register: an institution's OIN is
``00000007`` + ``000`` + its BRIN number + ``00000``, e.g.
``0000000700025BE00000``. DUO's own OIN is ``00000001800866472000``.

Checked here: 20 characters, digits and capital letters only, the first
eight digits. The prefix list is kept by Logius and grows, so a prefix is
not checked against it; whether an OIN is registered needs Logius' register.

Examples:
    >>> from duo_domain.identity import oin
    >>> oin.validate("0000000700025be00000")
    '0000000700025BE00000'
    >>> oin.for_brin("25BE")
    '0000000700025BE00000'
    >>> oin.brin("0000000700025BE00000"), oin.brin("00000001800866472000")
    ('25BE', None)
"""

from __future__ import annotations

from duo_domain.errors import InvalidIdentifier
from duo_domain.identity import brin as _brin
from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "brin", "compact", "for_brin", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "oin"

_SPEC = CodeSpec(
    KIND,
    r"[0-9]{8}[0-9A-Z]{12}",
    20,
    "20 positions: an eight-digit register prefix, then digits and capital letters",
    upper=True,
)

#: The OIN-stelsel prefix of numbers taken from the BRIN register.
BRIN_PREFIX = "00000007"


def compact(value: str) -> str:
    """The OIN without spaces, dots and dashes, upper-cased; not checked.

    Examples:
        >>> compact("00000001 800866472 000")
        '00000001800866472000'
    """
    return _SPEC.compact(value)


def validate(value: str) -> str:
    """The canonical form (20 positions) of a well-formed OIN.

    Raises:
        InvalidFormat: not text, or characters other than digits and capital letters,
            or a prefix that is not eight digits.
        InvalidLength: not 20 positions.

    Examples:
        >>> validate("00000001800866472000")
        '00000001800866472000'
    """
    return _SPEC.validate(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` is a well-formed OIN; never raises, whatever it is given.

    Examples:
        >>> is_valid("00000001800866472000"), is_valid("0000000180086647200"), is_valid(None)
        (True, False, False)
    """
    return _SPEC.is_valid(value)


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The OIN as it is written (20 positions, no separators), after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.oin.validate].
    """
    return validate(value)


def for_brin(value: str) -> str:
    """The OIN of the institution with BRIN number ``value``.

    Raises:
        InvalidIdentifier: when ``value`` is not a BRIN number.

    Examples:
        >>> for_brin("00AA")
        '0000000700000AA00000'
    """
    return f"{BRIN_PREFIX}000{_brin.validate(value)}00000"


def brin(value: str) -> str | None:
    """The BRIN number inside a BRIN-based OIN, or ``None`` for an OIN from another register.

    Raises:
        InvalidIdentifier: when ``value`` is not a well-formed OIN.
    """
    number = validate(value)
    if not number.startswith(BRIN_PREFIX + "000") or not number.endswith("00000"):
        return None
    code = number[11:15]
    try:
        return _brin.validate(code)
    except InvalidIdentifier:
        return None
