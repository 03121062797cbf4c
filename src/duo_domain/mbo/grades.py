"""Grade arithmetic for MBO generic exam parts (Ekb WEB art. 14 and 15), exact.

* Art. 14: where part of an exam is examined centrally, the instellingsexamen
  (IE) and the centraal examen (CE) are graded 1 to 10 **with one decimal**.
* Art. 15 lid 1: the eindwaardering of a generic part is a **whole number**
  1 to 10; a result that is not whole is rounded down when its first decimal
  is 4 or lower and up when it is 5 or higher (rounding half up).
* Art. 15 lid 3: a part with only an IE or only a CE takes that grade.
* Art. 15 lid 4: a part with both takes the arithmetic mean of IE and CE.
* Art. 15 lid 5 and 6: loopbaan en burgerschap, and rekenen in the
  entreeopleiding, are ``voldaan`` / ``niet voldaan`` instead of a grade.

DUO's return files carry IE and CE grades times ten as whole numbers
(``74`` is 7.4, ``100`` is 10.0; PvE MBO-instelling – DUO v4.8.2 §15.5.9: Cijfer IE
and Cijfer CE N2..3) and the eindcijfer as a whole number (N1..2).

All arithmetic is `decimal.Decimal`; ``float`` and ``round()`` are
never used.

Examples:
    >>> from decimal import Decimal
    >>> from duo_domain.mbo.grades import eindwaardering, from_duo_tenths, to_duo_tenths
    >>> eindwaardering(Decimal("6.9"), Decimal("4.1"))   # mean 5.5 rounds up
    Decimal('6')
    >>> eindwaardering(Decimal("5.4"), Decimal("5.5"))   # mean 5.45: first decimal 4, down
    Decimal('5')
    >>> eindwaardering(Decimal("8.8"), Decimal("7.1"))   # mean 7.95
    Decimal('8')
    >>> eindwaardering(None, Decimal("6.5"))             # only a CE (art. 15 lid 3)
    Decimal('7')
    >>> from_duo_tenths("74"), from_duo_tenths("100"), to_duo_tenths(Decimal("7.4"))
    (Decimal('7.4'), Decimal('10.0'), '74')
"""

from __future__ import annotations

import re
from decimal import Decimal

from duo_domain._fields import quoted
from duo_domain._uitslag import round_half_up
from duo_domain.errors import InvalidValue

__all__ = [
    "CIJFER_MAX",
    "CIJFER_MIN",
    "eindwaardering",
    "from_duo_tenths",
    "is_deelcijfer",
    "is_eindcijfer",
    "round_half_up",
    "to_duo_tenths",
]

CIJFER_MIN = Decimal(1)
CIJFER_MAX = Decimal(10)
_TENTH = Decimal("0.1")
_DUO_TENTHS = re.compile(r"[0-9]{1,3}")


def is_deelcijfer(value: object) -> bool:
    """Whether ``value`` is a valid IE or CE grade: a Decimal 1.0-10.0 with at most one decimal (art. 14).

    Examples:
        >>> from decimal import Decimal
        >>> is_deelcijfer(Decimal("1.0")), is_deelcijfer(Decimal("10.0")), is_deelcijfer(Decimal("0.9"))
        (True, True, False)
        >>> is_deelcijfer(Decimal("6.45")), is_deelcijfer(6.5)
        (False, False)
    """
    if not isinstance(value, Decimal) or not value.is_finite():
        return False
    return CIJFER_MIN <= value <= CIJFER_MAX and value == value.quantize(_TENTH)


def is_eindcijfer(value: object) -> bool:
    """Whether ``value`` is a valid eindwaardering: a whole-number Decimal 1-10 (art. 15 lid 1).

    Examples:
        >>> from decimal import Decimal
        >>> is_eindcijfer(Decimal("10")), is_eindcijfer(Decimal("7.0")), is_eindcijfer(Decimal("6.5"))
        (True, True, False)
        >>> is_eindcijfer(Decimal("0")), is_eindcijfer(Decimal("11"))
        (False, False)
    """
    if not isinstance(value, Decimal) or not value.is_finite():
        return False
    return CIJFER_MIN <= value <= CIJFER_MAX and value == value.to_integral_value()


def eindwaardering(ie: Decimal | None, ce: Decimal | None) -> Decimal:
    """The eindwaardering of a generic part from its IE and/or CE grade (Ekb WEB art. 15 lid 1, 3, 4).

    Args:
        ie: The instellingsexamen grade, or ``None``.
        ce: The centraal examen grade, or ``None``.

    Returns:
        A whole-number Decimal: the exact mean of IE and CE when both are
        given, else the one grade, rounded half up.

    Raises:
        InvalidValue: (a `ValueError`) when neither grade is given, or a grade is not a
            Decimal 1.0-10.0 with at most one decimal.
    """
    for name, grade in (("ie", ie), ("ce", ce)):
        if grade is not None and not is_deelcijfer(grade):
            raise InvalidValue(f"{name} grade {grade!r} is not 1.0-10.0 with at most one decimal")
    if ie is not None and ce is not None:
        return Decimal(round_half_up((ie + ce) / 2))
    if ie is not None:
        return Decimal(round_half_up(ie))
    if ce is not None:
        return Decimal(round_half_up(ce))
    raise InvalidValue("an eindwaardering needs an IE or a CE grade")


def from_duo_tenths(text: str | int) -> Decimal:
    """A grade DUO writes times ten (``"74"``) as the one-decimal grade (``Decimal('7.4')``).

    Raises:
        InvalidValue: when ``text`` is not 1-3 digits, or the grade is outside 1.0-10.0 (a
            `ValueError`).
    """
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise InvalidValue(f"expected DUO grade digits, got {type(text).__name__}")
    if isinstance(text, int) and not 0 <= text <= 999:  # before str(): an int of 5000 digits
        raise InvalidValue("DUO grade is not 1-3 digits")
    raw = text.strip() if isinstance(text, str) else str(text)
    if len(raw) > 3 or not _DUO_TENTHS.fullmatch(raw):
        raise InvalidValue(f"DUO grade {raw[:12]!r} is not 1-3 digits")
    grade = Decimal(int(raw)).scaleb(-1)
    if not is_deelcijfer(grade):
        raise InvalidValue(f"DUO grade {raw!r} is {grade}, outside 1.0-10.0")
    return grade


def to_duo_tenths(grade: Decimal) -> str:
    """A one-decimal grade as DUO writes it, times ten (``Decimal('7.4')`` -> ``"74"``).

    Raises:
        InvalidValue: when ``grade`` is not a Decimal 1.0-10.0 with at most one decimal (a
            `ValueError`).
    """
    if not is_deelcijfer(grade):
        raise InvalidValue(f"grade {quoted(grade)} is not 1.0-10.0 with at most one decimal")
    return str(int(grade.scaleb(1)))
