"""Rule-set choice: Ekb WEB art. 17 (2022 text) or the transitional art. 18c, at every boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.errors import UnsupportedPeriod
from duo_domain.mbo.uitslag import Regelset, choose_regelset

d = dt.date
NEW, OLD = Regelset.EKB_2022, Regelset.OVERGANGSRECHT_18C


@pytest.mark.parametrize(
    ("cohort_start", "expected"),
    [
        (d(2022, 7, 31), OLD),
        (d(2022, 8, 1), NEW),
        (d(2020, 8, 1), OLD),
        (d(2019, 8, 1), NEW),
        (d(2023, 2, 1), NEW),
    ],
)
def test_cohort_start_boundary(cohort_start: dt.date, expected: Regelset) -> None:
    choice = choose_regelset(cohort_start=cohort_start, studieduur_jaren=3, datum_uitslag=d(2025, 7, 1))
    assert choice.regelset is expected


def test_finishing_within_studieduur_plus_two_years() -> None:
    # started 2021-09-08, studieduur 3: the period ends on 2026-09-07
    on_last_day = choose_regelset(cohort_start=d(2021, 9, 8), studieduur_jaren=3, datum_uitslag=d(2026, 9, 7))
    day_after = choose_regelset(cohort_start=d(2021, 9, 8), studieduur_jaren=3, datum_uitslag=d(2026, 9, 8))
    assert on_last_day.regelset is OLD
    assert on_last_day.uiterlijk == d(2026, 9, 7)
    assert day_after.regelset is NEW
    assert "after studieduur 3 + 2 studiejaren" in day_after.reden
    assert day_after.artikel == "Ekb WEB art. 18c lid 1"


@pytest.mark.parametrize(
    ("duur", "last_day"), [(1, d(2024, 7, 31)), (2, d(2025, 7, 31)), (4, d(2027, 7, 31))]
)
def test_period_follows_the_studieduur(duur: int, last_day: dt.date) -> None:
    start = d(2021, 8, 1)
    assert choose_regelset(cohort_start=start, studieduur_jaren=duur, datum_uitslag=last_day).regelset is OLD
    after = last_day + dt.timedelta(days=1)
    assert choose_regelset(cohort_start=start, studieduur_jaren=duur, datum_uitslag=after).regelset is NEW


@pytest.mark.parametrize(
    ("instroom", "last_start"),
    [(2, d(2023, 7, 31)), (3, d(2024, 7, 31)), (4, d(2025, 7, 31))],
)
def test_lid_2_later_studiejaren(instroom: int, last_start: dt.date) -> None:
    inside = choose_regelset(
        cohort_start=last_start, studieduur_jaren=2, datum_uitslag=d(2026, 7, 1), instroom_studiejaar=instroom
    )
    outside = choose_regelset(
        cohort_start=last_start + dt.timedelta(days=1),
        studieduur_jaren=2,
        datum_uitslag=d(2026, 7, 1),
        instroom_studiejaar=instroom,
    )
    assert inside.regelset is OLD
    assert inside.artikel == "Ekb WEB art. 18c lid 2"
    assert outside.regelset is NEW


def test_lid_2_does_not_cover_year_5() -> None:
    choice = choose_regelset(
        cohort_start=d(2022, 9, 1), studieduur_jaren=2, datum_uitslag=d(2024, 7, 1), instroom_studiejaar=5
    )
    assert choice.regelset is NEW


def test_uitslag_before_the_earliest_text_is_refused() -> None:
    # the library holds art. 17 from the version of 15 March 2020 onward
    with pytest.raises(UnsupportedPeriod, match="2020-03-15"):
        choose_regelset(cohort_start=d(2018, 8, 1), studieduur_jaren=3, datum_uitslag=d(2020, 3, 14))
    first = choose_regelset(cohort_start=d(2018, 8, 1), studieduur_jaren=3, datum_uitslag=d(2020, 3, 15))
    assert first.regelset is Regelset.EKB_2020_03


@pytest.mark.parametrize(
    ("datum", "expected"),
    [
        (d(2020, 7, 31), Regelset.EKB_2020_03),
        (d(2020, 8, 1), Regelset.EKB_2020_08),
        (d(2022, 7, 31), Regelset.EKB_2020_08),
        (d(2022, 8, 1), OLD),  # started 2019-08-01, studieduur 3: within studieduur + 2 (until 2024-07-31)
    ],
)
def test_text_in_force_on_the_datum_uitslag(datum: dt.date, expected: Regelset) -> None:
    choice = choose_regelset(cohort_start=d(2019, 8, 1), studieduur_jaren=3, datum_uitslag=datum)
    assert choice.regelset is expected
    assert str(choice).startswith(expected.value + ": ")


@pytest.mark.parametrize(
    ("cohort_start", "datum", "tellen"),
    [
        (d(2020, 7, 31), d(2021, 7, 1), False),
        (d(2020, 8, 1), d(2021, 7, 1), True),
        (d(2020, 7, 31), d(2025, 7, 1), False),  # still under the 2022 text: cohort before 2020-08-01
        (d(2020, 8, 1), d(2025, 7, 1), True),
        (d(2019, 8, 1), d(2020, 7, 31), False),  # text of 15-03-2020: the exam taken is all
    ],
)
def test_keuzedelen_count_from_the_cohort_2020(cohort_start: dt.date, datum: dt.date, tellen: bool) -> None:
    choice = choose_regelset(cohort_start=cohort_start, studieduur_jaren=4, datum_uitslag=datum)
    assert choice.keuzedelen_tellen is tellen
    assert ("keuzedelen:" in choice.reden) is not tellen


def test_covid_provision_is_named_until_2020_12_31() -> None:
    on = choose_regelset(cohort_start=d(2018, 8, 1), studieduur_jaren=3, datum_uitslag=d(2020, 12, 31))
    after = choose_regelset(cohort_start=d(2018, 8, 1), studieduur_jaren=3, datum_uitslag=d(2021, 1, 1))
    assert "art. 18a" in on.reden
    assert "art. 18a" not in after.reden
