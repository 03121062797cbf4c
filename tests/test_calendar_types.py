"""The calendar's public functions refuse what is not a date (or a whole number) with a library error.

Issue 12, class 1 and 7: a wrong type raised ``AttributeError`` or attrs' bare ``TypeError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from duo_domain import calendar as c
from duo_domain.errors import InvalidValue

D = dt.date(2024, 9, 1)

CALLS: list[tuple[str, Callable[[Any], object]]] = [
    ("datum", lambda v: c.studiejaar(v)),
    ("datum", lambda v: c.plus_dagen(v, 1)),
    ("dagen", lambda v: c.plus_dagen(D, v)),
    ("datum", lambda v: c.plus_jaren(v, 1)),
    ("jaren", lambda v: c.plus_jaren(D, v)),
    ("geboortedatum", lambda v: c.leeftijd(v, op=D)),
    ("op", lambda v: c.leeftijd(D, op=v)),
    ("datum", lambda v: c.verjaardag(v, 18)),
    ("van", lambda v: c.dagen_inclusief(v, D)),
    ("tot", lambda v: c.dagen_inclusief(D, v)),
    ("sj", lambda v: c.teldata(v)),
    ("beginjaar", lambda v: c.Studiejaar(v)),
]


@pytest.mark.parametrize(("name", "call"), CALLS)
@pytest.mark.parametrize("value", [None, "2024-09-01", 1.5, True, [2024]])
def test_a_wrong_type_is_an_invalid_value_naming_the_argument(
    name: str, call: Callable[[Any], object], value: Any
) -> None:
    with pytest.raises(InvalidValue, match=f"^{name}: expected"):
        call(value)


def test_years_beyond_the_calendar_are_refused_and_its_edges_kept() -> None:
    with pytest.raises(InvalidValue, match="beginjaar: expected a year 0-9999"):
        c.Studiejaar(10000)
    assert c.studiejaar(dt.date(1, 3, 1)).beginjaar == 0  # a date in the calendar keeps its studiejaar
    assert c.studiejaar(dt.date.max).beginjaar == 9999
    assert c.dagen_inclusief(dt.date(2024, 1, 1), dt.date(2024, 1, 3)) == 3
    assert c.studiejaar(dt.datetime(2024, 9, 1, 12, tzinfo=dt.UTC)).label == "2024-2025"  # a datetime too
