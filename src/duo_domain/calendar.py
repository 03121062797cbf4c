"""The school calendar DUO counts in: studiejaren, teldata and ages.

An MBO *studiejaar* runs from 1 August to 31 July (PvE MBO-instelling – DUO
v4.8.2, §13.1: "Een studiejaar betreft de periode van 1 augustus tot en met
31 juli"). Funding counts the enrolments valid on the two *teldata* of a
studiejaar: 1 October and 1 February (PvE §16.1; Regeling gegevensverstrekking
persoonsgebonden nummer BVE 2009, BWBR0027035).

Date arithmetic is done with pendulum; the public functions take and return
plain `datetime.date` values. Rules shift dates only through
[`plus_dagen`][duo_domain.calendar.plus_dagen] and [`plus_jaren`][duo_domain.calendar.plus_jaren], which stop
at the ends of the
calendar (``date.min``, ``date.max``) instead of raising ``OverflowError``:
a period that ends on 9999-12-31 is an open end, and the day after it is
still 9999-12-31.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.calendar import studiejaar, teldata, leeftijd
    >>> sj = studiejaar(dt.date(2025, 7, 31))
    >>> sj.label, sj.begin, sj.einde
    ('2024-2025', datetime.date(2024, 8, 1), datetime.date(2025, 7, 31))
    >>> studiejaar(dt.date(2025, 8, 1)).label
    '2025-2026'
    >>> teldata(sj)
    (datetime.date(2024, 10, 1), datetime.date(2025, 2, 1))
    >>> geboren = dt.date(2007, 3, 15)
    >>> leeftijd(geboren, op=dt.date(2025, 3, 14)), leeftijd(geboren, op=dt.date(2025, 3, 15))
    (17, 18)
"""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum

from duo_domain import _fields as f
from duo_domain.errors import InvalidValue

__all__ = [
    "Studiejaar",
    "dagen_inclusief",
    "leeftijd",
    "plus_dagen",
    "plus_jaren",
    "studiejaar",
    "teldata",
    "verjaardag",
]


_MAX_ORDINAL = dt.date.max.toordinal()


_DATE = "a date (datetime.date)"


def _check_jaar(value: object) -> None:
    """A beginjaar is a whole year, 0 to 9999 (a date in January of year 1 is in studiejaar 0), not a bool."""
    if value.__class__ is not int:
        raise InvalidValue(f"expected a year (a whole number), got {f.json_type(value)}", field="beginjaar")
    if not dt.MINYEAR - 1 <= value <= dt.MAXYEAR:
        raise InvalidValue(f"expected a year {dt.MINYEAR - 1}-{dt.MAXYEAR}", field="beginjaar")


def _dates(**values: object) -> None:
    """Refuse, with the argument's name, what is not a date (called only once a computation failed)."""
    for name, value in values.items():
        f.argument(value, dt.date, _DATE, name)


def _whole(name: str, value: object) -> None:
    if value.__class__ is not int:
        raise InvalidValue(f"expected a whole number, got {f.json_type(value)}", field=name)


def _p(d: dt.date) -> pendulum.Date:
    return pendulum.Date(d.year, d.month, d.day)


def plus_dagen(datum: dt.date, dagen: int) -> dt.date:
    """``datum`` moved by ``dagen`` days (back when negative), kept within ``date.min``..``date.max``.

    The one way the library's rules shift a date by days: plain ``date +
    timedelta`` raises ``OverflowError`` past the end of the calendar, and
    input may well hold 9999-12-31 as an "open" end date.

    Examples:
        >>> import datetime as dt
        >>> plus_dagen(dt.date(2025, 12, 31), 1)
        datetime.date(2026, 1, 1)
        >>> plus_dagen(dt.date(9999, 12, 31), 1), plus_dagen(dt.date(1, 1, 1), -1)
        (datetime.date(9999, 12, 31), datetime.date(1, 1, 1))
    """
    if dagen.__class__ is not int:
        _whole("dagen", dagen)
    try:
        ordinal = datum.toordinal() + dagen
    except AttributeError:
        raise InvalidValue(f"expected {_DATE}, got {f.json_type(datum)}", field="datum") from None
    if ordinal > _MAX_ORDINAL:
        return dt.date.max
    if ordinal < 1:
        return dt.date.min
    return dt.date.fromordinal(ordinal)


def plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    """``datum`` moved by ``jaren`` calendar years, kept within ``date.min``..``date.max``.

    29 February moves to 28 February in a year without it (pendulum's
    calendar arithmetic).

    Examples:
        >>> import datetime as dt
        >>> plus_jaren(dt.date(2004, 2, 29), 1)
        datetime.date(2005, 2, 28)
        >>> plus_jaren(dt.date(9990, 5, 1), 18), plus_jaren(dt.date(5, 5, 1), -18)
        (datetime.date(9999, 12, 31), datetime.date(1, 1, 1))
    """
    if jaren.__class__ is not int:
        _whole("jaren", jaren)
    f.argument(datum, dt.date, _DATE, "datum")
    year = datum.year + jaren
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    return _d(_p(datum).add(years=jaren))


def _d(p: dt.date) -> dt.date:
    # pendulum.Date is a date subclass; hand back the plain type.
    return dt.date(p.year, p.month, p.day)


@attrs.frozen(order=True)
class Studiejaar:
    """One studiejaar, 1 August of `beginjaar` to 31 July of the next year.

    Attributes:
        beginjaar: The calendar year in which the studiejaar starts (DUO's
            "SSSS" in file names: 2015 for 2015-2016).

    Examples:
        >>> import datetime as dt
        >>> sj = Studiejaar(2023)
        >>> dt.date(2024, 7, 31) in sj, dt.date(2024, 8, 1) in sj
        (True, False)
        >>> sj.volgende().label
        '2024-2025'
    """

    beginjaar: int = attrs.field(validator=lambda _, __, v: _check_jaar(v))

    @property
    def begin(self) -> dt.date:
        """1 August of the beginjaar (inclusive)."""
        return dt.date(self.beginjaar, 8, 1)

    @property
    def einde(self) -> dt.date:
        """31 July of the following year (inclusive); the calendar's last day for the studiejaar 9999.

        Examples:
            >>> Studiejaar(9999).einde
            datetime.date(9999, 12, 31)
        """
        if self.beginjaar >= dt.MAXYEAR:
            return dt.date.max
        return dt.date(self.beginjaar + 1, 7, 31)

    @property
    def label(self) -> str:
        """The usual notation, e.g. ``"2024-2025"``."""
        return f"{self.beginjaar}-{self.beginjaar + 1}"

    @property
    def teldatum_oktober(self) -> dt.date:
        """The first teldatum: 1 October of the beginjaar."""
        return dt.date(self.beginjaar, 10, 1)

    @property
    def teldatum_februari(self) -> dt.date:
        """The second teldatum: 1 February of the following year (the calendar's last day for 9999)."""
        if self.beginjaar >= dt.MAXYEAR:
            return dt.date.max
        return dt.date(self.beginjaar + 1, 2, 1)

    def __contains__(self, datum: object) -> bool:
        return isinstance(datum, dt.date) and self.begin <= datum <= self.einde

    def volgende(self) -> Studiejaar:
        """The studiejaar after this one."""
        return Studiejaar(self.beginjaar + 1)

    def vorige(self) -> Studiejaar:
        """The studiejaar before this one."""
        return Studiejaar(self.beginjaar - 1)


def studiejaar(datum: dt.date) -> Studiejaar:
    """The studiejaar that ``datum`` falls in.

    Examples:
        >>> import datetime as dt
        >>> studiejaar(dt.date(2024, 10, 1)).beginjaar
        2024
        >>> studiejaar(dt.date(2024, 7, 31)).beginjaar
        2023
    """
    f.argument(datum, dt.date, _DATE, "datum")
    return Studiejaar(datum.year if datum.month >= 8 else datum.year - 1)


def teldata(sj: Studiejaar) -> tuple[dt.date, dt.date]:
    """The two teldata of a studiejaar: 1 October and 1 February."""
    f.argument(sj, Studiejaar, "a Studiejaar", "sj")
    return (sj.teldatum_oktober, sj.teldatum_februari)


def leeftijd(geboortedatum: dt.date, *, op: dt.date) -> int:
    """Age in whole years on date ``op``.

    A person born on 29 February turns a year older on 28 February in a year
    without 29 February (pendulum's calendar arithmetic).

    Examples:
        >>> import datetime as dt
        >>> leeftijd(dt.date(2004, 2, 29), op=dt.date(2022, 2, 27))
        17
        >>> leeftijd(dt.date(2004, 2, 29), op=dt.date(2022, 2, 28))
        18
    """
    _dates(geboortedatum=geboortedatum, op=op)
    jaren = op.year - geboortedatum.year
    if op < verjaardag(geboortedatum, jaren):
        jaren -= 1
    return jaren


def verjaardag(geboortedatum: dt.date, jaren: int) -> dt.date:
    """The date on which someone born on ``geboortedatum`` turns ``jaren`` old.

    Examples:
        >>> import datetime as dt
        >>> verjaardag(dt.date(2007, 5, 1), 18)
        datetime.date(2025, 5, 1)
        >>> verjaardag(dt.date(9990, 5, 1), 18)  # beyond the calendar: its last day
        datetime.date(9999, 12, 31)
    """
    return plus_jaren(geboortedatum, jaren)


def dagen_inclusief(van: dt.date, tot: dt.date) -> int:
    """Number of days from ``van`` to ``tot``, both counted (0 when ``tot < van``).

    Examples:
        >>> import datetime as dt
        >>> dagen_inclusief(dt.date(2025, 1, 6), dt.date(2025, 2, 9))
        35
    """
    try:
        return max(0, (tot - van).days + 1)
    except TypeError:
        _dates(van=van, tot=tot)
        raise  # two dates always subtract: never here
