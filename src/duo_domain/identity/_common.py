"""Helpers shared by the identifier modules (private).

Every identifier module has the same four functions. The helpers here keep
their behaviour identical: what counts as a separator, how non-text input is
refused, and how a value is quoted in an error message (never for personal
numbers, and never at full length for huge input).
"""

from __future__ import annotations

import re

from duo_domain.errors import InvalidFormat, InvalidLength, InvalidValue

__all__ = [
    "check_pattern",
    "check_text",
    "mask",
    "quote",
    "strip_separators",
]

#: Separators that ``compact`` removes from numbers: spaces, dots and dashes.
_SEPARATORS = str.maketrans("", "", " .-\t")

#: Longest input quoted in an error message (for codes that are not personal data).
_QUOTE_MAX = 24


def check_text(value: object, kind: str) -> str:
    """``value`` itself when it is a ``str``; else an [`InvalidFormat`][duo_domain.errors.InvalidFormat].

    Numbers are text: an ``int`` loses the leading zeros a BSN may have, so it
    is refused rather than guessed at.
    """
    if isinstance(value, str):
        return value
    raise InvalidFormat(f"expected text (str), got {type(value).__name__}", kind=kind)


def strip_separators(value: str) -> str:
    """``value`` without spaces, tabs, dots and dashes, surrounding whitespace removed."""
    return value.strip().translate(_SEPARATORS)


def quote(value: str) -> str:
    """``value`` quoted for an error message, shortened when it is long.

    Only for codes that are not personal data (never a BSN or onderwijsnummer).

    Examples:
        >>> quote("25BE")
        "'25BE'"
        >>> quote("X" * 100)
        "'XXXXXXXXXXXXXXXXXXXXXXXX…' (100 characters)"
    """
    if len(value) <= _QUOTE_MAX:
        return repr(value)
    return f"{value[:_QUOTE_MAX]!r}"[:-1] + f"…' ({len(value)} characters)"


def check_pattern(value: str, pattern: re.Pattern[str], *, length: int, kind: str, shape: str) -> str:
    """``value`` when it matches ``pattern`` (a full match) and has ``length`` characters.

    Raises:
        InvalidLength: when the length differs.
        InvalidFormat: when the characters do not fit ``shape``.
    """
    if len(value) != length:
        raise InvalidLength(
            f"{quote(value)} has {len(value)} characters; a {kind} has {length} ({shape})", kind=kind
        )
    if pattern.fullmatch(value) is None:
        raise InvalidFormat(f"{quote(value)} does not have the form {shape}", kind=kind)
    return value


def mask(number: str, visible: int = 4) -> str:
    """``number`` with all but its last ``visible`` characters replaced by ``*``.

    Examples:
        >>> mask("111222333")
        '*****2333'

    Raises:
        InvalidValue: when ``number`` is not a string.
    """
    if not isinstance(number, str):
        raise InvalidValue(f"expected a string, got {type(number).__name__}", field="number")
    if len(number) <= visible:
        return "*" * len(number)
    return "*" * (len(number) - visible) + number[-visible:]
