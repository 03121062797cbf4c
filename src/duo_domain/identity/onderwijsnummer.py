"""Onderwijsnummer, the personal number DUO gives a student without a known BSN.

When a school cannot supply a BSN, DUO tries to find it from the personal
data (see [`duo_domain.identity.student`][duo_domain.identity.student]); when that fails it issues an
onderwijsnummer, which the school uses from then on. Like the BSN it has
nine digits, leading zeros included (DUO BasisSchema type ``Onderwijsnummer``).

The check digit. DUO writes the rule as
``MOD((9·p1 + 8·p2 + ... + 2·p8) / 11) = p9 + 5``. Read literally, the sum of
the first eight weighted digits, modulo 11, equals ``p9 + 5``, which only a
last digit of 0 to 5 can satisfy. Read as a congruence,
``(9·p1 + ... + 2·p8 - p9) mod 11 = 5``, last digits 6 to 9 pass too; this is
how python-stdnum and other implementations check it. Which reading DUO
applies is not stated, and rejecting a valid number is worse than accepting
an invalid one, so the congruence reading is the default and the literal one
is available with ``strict=True``.

An onderwijsnummer starts with ``10`` (every issued number seen does, and
python-stdnum requires it). Input is never zero-padded: after removing
spaces, dots and dashes it must have exactly nine digits.

An onderwijsnummer is personal data: no error message of this module
contains it. [`Onderwijsnummer`][duo_domain.identity.onderwijsnummer.Onderwijsnummer] carries one with a
masked ``repr``.

Examples:
    >>> from duo_domain.identity import onderwijsnummer
    >>> onderwijsnummer.validate("1012.22.331")
    '101222331'
    >>> onderwijsnummer.is_valid("101222331"), onderwijsnummer.is_valid("111222333")
    (True, False)
    >>> onderwijsnummer.is_valid("100000016"), onderwijsnummer.is_valid("100000016", strict=True)
    (True, False)
    >>> from duo_domain.identity import Onderwijsnummer
    >>> Onderwijsnummer("101222331")
    Onderwijsnummer('*****2331')
"""

from __future__ import annotations

from duo_domain.errors import InvalidChecksum, InvalidIdentifier
from duo_domain.identity import _nummer

#: ``typing.TYPE_CHECKING`` without importing ``typing``: ``duo-domain check`` imports this module alone.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from duo_domain.identity._values import Onderwijsnummer

__all__ = ["KIND", "Onderwijsnummer", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "onderwijsnummer"

#: The remainder ``(9·p1 + ... + 2·p8 - p9) mod 11`` of a valid onderwijsnummer.
_REMAINDER = 5


def compact(value: str) -> str:
    """The number without spaces, dots and dashes; not checked, never zero-padded.

    Examples:
        >>> compact("1012.22.331")
        '101222331'
    """
    return _nummer.compact(value, KIND)


def _literal_ok(number: str) -> bool:
    first_eight = sum((9 - i) * int(d) for i, d in enumerate(number[:8]))
    return first_eight % 11 == int(number[8]) + 5


def validate(value: str, *, strict: bool = False) -> str:
    """The canonical form (nine digits) of a valid onderwijsnummer.

    Args:
        value: The number, with or without separators.
        strict: Apply DUO's formula literally, which also requires a last
            digit of 0 to 5 (see the module description).

    Raises:
        InvalidFormat: not text, or characters other than digits and separators.
        InvalidLength: not exactly nine digits.
        InvalidComponent: it does not start with ``10``.
        InvalidChecksum: the remainder-5 check fails.

    Examples:
        >>> validate("100310303")
        '100310303'
        >>> validate("111222333")
        Traceback (most recent call last):
        ...
        duo_domain.errors.InvalidComponent: onderwijsnummer: an onderwijsnummer starts with 10
    """
    number = _nummer.check_onderwijsnummer(value)
    if strict and not _literal_ok(number):
        raise InvalidChecksum(
            "the remainder-5 check fails when DUO's formula is read literally (last digit above 5)",
            kind=KIND,
        )
    return number


def is_valid(value: object, *, strict: bool = False) -> bool:
    """Whether ``value`` is a valid onderwijsnummer; never raises, whatever it is given.

    Examples:
        >>> is_valid("101222331"), is_valid(101222331), is_valid(b"101222331"), is_valid(None)
        (True, False, False, False)
    """
    if not strict and type(value) is str and len(value) == 9 and value.isdigit() and value.isascii():
        # The common case, nine plain digits, without the separator handling.
        return value[0] == "1" and value[1] == "0" and _nummer.weighted_sum(value) % 11 == _REMAINDER
    if not isinstance(value, str):
        return False
    try:
        validate(value, strict=strict)
    except InvalidIdentifier:
        return False
    return True


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The onderwijsnummer in the print form ``NNNN.NN.NNN``, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.onderwijsnummer.validate].

    Examples:
        >>> format("101222331")
        '1012.22.331'
    """
    number = validate(value)
    return f"{number[:4]}.{number[4:6]}.{number[6:]}"


def __getattr__(name: str) -> type[Onderwijsnummer]:
    # The value type is an attrs class: defined apart and loaded on first use, so that checking
    # a number does not import attrs.
    if name == "Onderwijsnummer":
        from duo_domain.identity._values import Onderwijsnummer

        return Onderwijsnummer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
