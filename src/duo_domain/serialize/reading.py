"""The one reading policy for every JSON document of the library.

Every JSON document (the MBO student record, the MBO uitslag document, the VO
cijferlijst, the code tables, the MBO reference data, and any document added
later) goes from text to domain objects in two steps, both here or built from
the parts here:

1. [`parse_json`][duo_domain.serialize.reading.parse_json] turns the text into plain data under fixed limits,
checked
   *before* any work that could explode: the size of the document
   (`MAX_DOCUMENT_BYTES`), the nesting depth (`MAX_DEPTH`, found by
   a linear scan of the brackets, so ``'[' * 100000`` never reaches a recursive
   parser) and the size of every number (`MAX_NUMBER_CHARS` characters and
   an exponent of at most that many places, checked on the number's text before
   it is converted, so ``1E+1000000`` costs nothing). Numbers are read exactly as
   `Decimal` (or ``int``), never through ``float``. A number
   beyond the limits becomes a [`NumberBeyondLimits`][duo_domain.serialize.reading.NumberBeyondLimits] marker,
   so the
   structuring step reports it with its path.
2. A cattrs converter of [`duo_domain.serialize.json`][duo_domain.serialize.json] structures that data
   into the domain classes. The hooks here decode values that are text on the
   wire ([`read_date`][duo_domain.serialize.reading.read_date],
   [`read_decimal`][duo_domain.serialize.reading.read_decimal]); the type of every other value
   is checked once, by the attrs validators of the domain classes.

Every failure is an [`InvalidDocument`][duo_domain.errors.InvalidDocument] whose problems
read ``message @ $.path``; when the JSON text itself is broken, the message
names the line and column. The same bad input gives the same message whichever
command or function reads it.

Dates are ISO calendar dates ``YYYY-MM-DD`` with ASCII digits only (no week
dates, no basic ``YYYYMMDD``, no other digits); a decimal given as a string is
canonical: an optional minus, ASCII digits and an optional decimal point with
digits (no exponent, sign ``+``, spaces or underscores).

Examples:
    >>> parse_json('{"cijfer": 6.50, "n": 3}')
    {'cijfer': Decimal('6.50'), 'n': 3}
    >>> parse_json('[' * 100000)
    Traceback (most recent call last):
    ...
    duo_domain.errors.InvalidDocument: invalid document: nested deeper than 32 levels @ $
    >>> from duo_domain.errors import InvalidDocument
    >>> try:
    ...     parse_json('{"a": 1,}')
    ... except InvalidDocument as exc:
    ...     print(exc.problems[0])
    not JSON: Expecting property name enclosed in double quotes (column 9) @ $ (line 1)
    >>> parse_json('{"omvang": 1E+1000000}')
    {'omvang': <number beyond the reading limits>}
    >>> read_date("2026-W27-1", None)
    Traceback (most recent call last):
    ...
    ValueError: expected a date as YYYY-MM-DD
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from duo_domain._fields import json_type
from duo_domain._json import (
    LIMIT_MESSAGE,
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    MAX_NUMBER_CHARS,
    NumberBeyondLimits,
    parse_json,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "MAX_NUMBER_CHARS",
    "NumberBeyondLimits",
    "parse_json",
    "read_date",
    "read_decimal",
    "read_integer",
]

_DECIMAL_TEXT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_fromisoformat = dt.date.fromisoformat


def read_decimal(value: Any, _: Any = None) -> Decimal:
    """A decimal from a JSON number (already exact) or a canonical decimal string such as ``"6.5"``.

    Raises:
        ValueError: for a string that is not canonical (``"0.7e1"``, ``"+7"``,
            ``"1_0"``, full-width digits, spaces) or a number beyond the limits.
        TypeError: for anything else, a binary ``float`` included.

    Examples:
        >>> read_decimal("6.50"), read_decimal(7)
        (Decimal('6.50'), Decimal('7'))
        >>> read_decimal("0.7e1")
        Traceback (most recent call last):
        ...
        ValueError: expected a decimal number such as 6.5 or "6.5"
    """
    cls = value.__class__
    if cls is Decimal:
        if not value.is_finite():
            raise ValueError("expected a finite decimal number")
        return value  # type: ignore[no-any-return]
    if cls is str:
        if len(value) > MAX_NUMBER_CHARS:
            raise ValueError(LIMIT_MESSAGE)
        if _DECIMAL_TEXT.fullmatch(value) is None:
            raise ValueError('expected a decimal number such as 6.5 or "6.5"')
        return Decimal(value)
    if cls is int:
        return Decimal(value)
    if cls is NumberBeyondLimits:
        raise ValueError(LIMIT_MESSAGE)
    if cls is float:
        raise TypeError("expected a decimal number, got a binary float: read JSON with parse_json")
    raise TypeError(f"expected a decimal number (a JSON number or a string), got {json_type(value)}")


def read_integer(value: Any, low: int, high: int) -> int:
    """A whole JSON number from ``low`` to ``high`` (``7``, or ``7.0`` written with a zero fraction).

    Raises:
        ValueError: outside the range, or a number with a fraction.
        TypeError: for anything but a number.
    """
    cls = value.__class__
    if cls is int:
        if low <= value <= high:
            return int(value)
        raise ValueError(f"expected a whole number {low}-{high}")
    if cls is Decimal and value.is_finite() and value == value.to_integral_value():
        number = int(value)  # at most MAX_NUMBER_CHARS digits: cheap
        if low <= number <= high:
            return number
        raise ValueError(f"expected a whole number {low}-{high}")
    if cls is Decimal or cls is NumberBeyondLimits:
        raise ValueError(f"expected a whole number {low}-{high}")
    raise TypeError(f"expected a whole number {low}-{high}, got {json_type(value)}")


def read_date(value: Any, _: Any = None) -> dt.date:
    """A date from ``YYYY-MM-DD`` (ISO calendar date, ASCII digits); other types go to the field's check.

    A value that is not a string is returned unchanged: the attrs validator
    of the field refuses it with the field's name.

    Raises:
        ValueError: for a string that is not such a date.
    """
    if value.__class__ is str:
        # date.fromisoformat also takes other ISO 8601 forms (20260701, 2026-W27-1); writing the
        # result back must give the very text read, which only YYYY-MM-DD with ASCII digits does.
        try:
            day = _fromisoformat(value)
        except ValueError:
            day = None
        if day is not None and day.isoformat() == value:
            return day
        if len(value) == 10 and _DATE_TEXT.fullmatch(value) is not None:
            raise ValueError("not a date of the calendar (YYYY-MM-DD)")
        raise ValueError("expected a date as YYYY-MM-DD")
    return value  # type: ignore[no-any-return]
