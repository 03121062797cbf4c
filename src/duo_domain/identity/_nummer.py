"""What BSN and onderwijsnummer share: nine digits, weights 9..2 and -1 (private).

Both numbers are personal data: nothing here puts the number, or any part of
it, into an error message.
"""

from __future__ import annotations

from duo_domain.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from duo_domain.identity._common import check_text, strip_separators

__all__ = ["BYTE_OFFSET", "check_bsn", "check_onderwijsnummer", "compact", "nine_digits", "weighted_sum"]

#: ``Σ wᵢ · ord('0')`` for the weights 9, 8, ..., 2, -1: subtracted when the
#: weighted sum is taken over the ASCII codes of the digits instead of the digits.
BYTE_OFFSET = 48 * (9 + 8 + 7 + 6 + 5 + 4 + 3 + 2 - 1)


def compact(value: str, kind: str) -> str:
    """``value`` without separators (spaces, dots, dashes); never zero-padded."""
    return strip_separators(check_text(value, kind))


def nine_digits(value: str, kind: str, label: str) -> str:
    """The compact form of ``value`` when it is exactly nine ASCII digits.

    Raises:
        InvalidFormat: for anything but digits (after removing separators).
        InvalidLength: for more or fewer than nine digits; short input is
            never padded with zeros.
    """
    if type(value) is str and len(value) == 9 and value.isdigit() and value.isascii():
        return value  # the common case, nine plain digits: compact would return it unchanged
    number = compact(value, kind)
    if number and not (number.isascii() and number.isdigit()):
        raise InvalidFormat(f"a {label} consists of digits only (spaces, dots and dashes aside)", kind=kind)
    if len(number) != 9:
        raise InvalidLength(
            f"a {label} has exactly 9 digits, this value has {len(number)} (no zeros are added)",
            kind=kind,
        )
    return number


def weighted_sum(number: str) -> int:
    """``9·d1 + 8·d2 + ... + 2·d8 - d9`` over a nine-digit ASCII string.

    Examples:
        >>> weighted_sum("111222333") % 11
        0
    """
    b = number.encode("ascii")
    return (
        9 * b[0] + 8 * b[1] + 7 * b[2] + 6 * b[3] + 5 * b[4] + 4 * b[5] + 3 * b[6] + 2 * b[7] - b[8]
    ) - BYTE_OFFSET


def check_bsn(value: str) -> str:
    """The nine digits of a valid BSN (the body of ``bsn.validate``), else an `InvalidIdentifier`."""
    number = nine_digits(value, "bsn", "BSN")
    if number == "000000000":
        raise InvalidComponent("the all-zero number is never issued as a BSN", kind="bsn")
    if weighted_sum(number) % 11 != 0:  # the 11-proef
        raise InvalidChecksum("the 11-proef fails (check digit does not match)", kind="bsn")
    return number


def check_onderwijsnummer(value: str) -> str:
    """The nine digits of a valid onderwijsnummer, congruence reading (the body of its ``validate``)."""
    number = nine_digits(value, "onderwijsnummer", "onderwijsnummer")
    if not number.startswith("10"):
        raise InvalidComponent("an onderwijsnummer starts with 10", kind="onderwijsnummer")
    if weighted_sum(number) % 11 != 5:  # remainder 5, not 0: DUO's variant of the 11-proef
        raise InvalidChecksum(
            "the remainder-5 check (11-proef for onderwijsnummers) fails", kind="onderwijsnummer"
        )
    return number
