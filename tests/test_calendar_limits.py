"""Date arithmetic at the ends of the calendar never raises (issue 12, class 1)."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

from duo_domain.calendar import leeftijd, plus_dagen, plus_jaren, verjaardag
from duo_domain.rules import validate
from duo_domain.testing.factories import make_mbo_student_record
from duo_domain.vo.deadlines import uiterste_datum_uitslag

LAST = dt.date.max
FIRST = dt.date.min


def test_plus_dagen_saturates() -> None:
    assert plus_dagen(dt.date(9999, 12, 30), 1) == LAST
    assert plus_dagen(LAST, 1) == LAST
    assert plus_dagen(LAST, 10**9) == LAST
    assert plus_dagen(dt.date(1, 1, 2), -1) == FIRST
    assert plus_dagen(FIRST, -1) == FIRST


def test_plus_jaren_saturates() -> None:
    assert plus_jaren(dt.date(9998, 6, 1), 1) == dt.date(9999, 6, 1)
    assert plus_jaren(dt.date(9998, 6, 1), 2) == LAST
    assert plus_jaren(dt.date(2, 6, 1), -1) == dt.date(1, 6, 1)
    assert plus_jaren(dt.date(2, 6, 1), -2) == FIRST


@given(st.dates(), st.integers(-(10**7), 10**7))
def test_plus_dagen_is_date_arithmetic_inside_the_calendar(day: dt.date, days: int) -> None:
    try:
        expected = day + dt.timedelta(days=days)
    except OverflowError:
        expected = LAST if days > 0 else FIRST
    assert plus_dagen(day, days) == expected


@given(st.dates(), st.dates())
def test_leeftijd_never_raises(born: dt.date, on: dt.date) -> None:
    assert isinstance(leeftijd(born, op=on), int)
    assert isinstance(verjaardag(born, 18), dt.date)


def test_period_open_to_9999_followed_by_another_validates() -> None:
    record = make_mbo_student_record()
    first = attrs.evolve(record.inschrijvingen[0].perioden[0], datum_einde=LAST)
    second = attrs.evolve(first, datum_begin=dt.date(2025, 8, 1), datum_einde=None)
    enrolment = attrs.evolve(
        record.inschrijvingen[0], perioden=[first, second], datum_uitschrijving_gepland=LAST
    )
    report = validate(attrs.evolve(record, inschrijvingen=[enrolment]))
    assert "ROD.PERIODE.OVERLAP" in report.counts()
    assert enrolment.periode_einde(1) == LAST


def test_period_without_end_before_one_starting_on_the_first_day() -> None:
    record = make_mbo_student_record()
    first = attrs.evolve(record.inschrijvingen[0].perioden[0], datum_begin=FIRST)
    second = attrs.evolve(first, datum_begin=dt.date(1, 1, 2))
    enrolment = attrs.evolve(record.inschrijvingen[0], datum_inschrijving=FIRST, perioden=[first, second])
    assert enrolment.periode_einde(0) == FIRST
    validate(attrs.evolve(record, inschrijvingen=[enrolment]))


def test_vo_deadline_at_the_end_of_the_calendar() -> None:
    assert uiterste_datum_uitslag(dt.date(2026, 7, 1)) == dt.date(2026, 7, 15)
    assert uiterste_datum_uitslag(dt.date(9999, 12, 30)) == LAST
