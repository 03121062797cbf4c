"""ROD.INSCHRIJVING.* and ROD.PERIODE.* rules on one enrolment: both sides of every boundary."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from duo_domain.rules import Severity, validate

D = dt.date


def rules(obj: object) -> list[str]:
    return [f.rule_id for f in validate(obj)]


def test_valid_enrolment_has_no_findings(build: Any) -> None:
    assert rules(build.enrolment()) == []


@pytest.mark.parametrize(
    ("nummer", "ok"), [("C3", True), ("A" * 20, True), ("A" * 21, False), ("", False), ("C-3", False)]
)
def test_volgnummer(build: Any, nummer: str, ok: bool) -> None:  # PvE §15.5.3: AN1..20, letters and digits
    found = rules(build.enrolment(inschrijvingvolgnummer=nummer))
    assert found == ([] if ok else ["ROD.FORMAAT.INSCHRIJVING.INSCHRIJVINGVOLGNUMMER"])


@pytest.mark.parametrize(
    ("brin", "ok"),
    [("25LX", True), ("25LX01", False), ("2LX", False), ("25lx", False), ("25L" + chr(9), False)],
)
def test_instelling(build: Any, brin: str, ok: bool) -> None:  # PvE §15.5.1: BRIN, 2 digits 2 capitals
    assert rules(build.enrolment(instelling=brin)) == ([] if ok else ["ROD.FORMAAT.INSCHRIJVING.INSTELLING"])


@pytest.mark.parametrize(
    ("begin", "ok"),
    [(D(2019, 7, 31), True), (D(2019, 8, 1), False)],
)
def test_onderwijslocatie_required_from_2019_08_01(build: Any, begin: dt.date, ok: bool) -> None:
    e = build.enrolment(datum_inschrijving=begin, perioden=[build.periode(begin, onderwijslocatie=None)])
    found = validate(e).filter(rule="ROD.INSCHRIJVING.ONDERWIJSLOCATIE")
    assert (len(found) == 0) is ok
    if not ok:
        assert [f.path for f in found] == ["$.perioden[0].onderwijslocatie"]
        assert found.findings[0].severity is Severity.AFKEUR


def test_onderwijslocatie_given_passes_after_2019(build: Any) -> None:
    e = build.enrolment(datum_inschrijving=D(2019, 8, 1), perioden=[build.periode(D(2019, 8, 1))])
    assert "ROD.INSCHRIJVING.ONDERWIJSLOCATIE" not in rules(e)


@pytest.mark.parametrize(("gepland", "ok"), [(D(2023, 8, 1), True), (D(2023, 7, 31), False)])
def test_dates_in_order_gepland(build: Any, gepland: dt.date, ok: bool) -> None:
    e = build.enrolment(datum_uitschrijving_gepland=gepland)
    assert ("ROD.INSCHRIJVING.DATUMS" not in rules(e)) is ok


@pytest.mark.parametrize(("werkelijk", "ok"), [(D(2023, 8, 1), True), (D(2023, 7, 31), False)])
def test_dates_in_order_werkelijk(build: Any, werkelijk: dt.date, ok: bool) -> None:
    e = build.enrolment(datum_uitschrijving_werkelijk=werkelijk, reden_uitschrijving="08")
    assert ("ROD.INSCHRIJVING.DATUMS" not in rules(e)) is ok


def test_enrolment_needs_a_period(build: Any) -> None:
    assert "ROD.INSCHRIJVING.PERIODE_VEREIST" in rules(build.enrolment(perioden=()))
    assert "ROD.INSCHRIJVING.PERIODE_VEREIST" not in rules(build.enrolment())


def test_werkelijke_uitschrijfdatum_needs_reden(build: Any) -> None:
    zonder = validate(build.enrolment(datum_uitschrijving_werkelijk=D(2024, 1, 31)))
    assert [(f.rule_id, f.severity, f.path) for f in zonder] == [
        ("ROD.INSCHRIJVING.REDEN_UITSCHRIJVING", Severity.ATTENTIE, "$.reden_uitschrijving")
    ]
    met = build.enrolment(datum_uitschrijving_werkelijk=D(2024, 1, 31), reden_uitschrijving="04")
    assert rules(met) == []
    alleen_reden = build.enrolment(reden_uitschrijving="04")
    assert rules(alleen_reden) == ["ROD.INSCHRIJVING.REDEN_UITSCHRIJVING"]


@pytest.mark.parametrize(
    ("reden", "ok"), [("01", True), ("08", True), ("00", False), ("09", False), ("X", False)]
)
def test_reden_code(build: Any, reden: str, ok: bool) -> None:
    e = build.enrolment(datum_uitschrijving_werkelijk=D(2024, 1, 31), reden_uitschrijving=reden)
    # PvE §15.5.3 Reden uitschrijving AN2..2: "X" breaks the format (that rule's finding alone)
    expected = (
        "ROD.INSCHRIJVING.REDEN_CODE" if len(reden) == 2 else "ROD.FORMAAT.INSCHRIJVING.REDEN_UITSCHRIJVING"
    )
    assert rules(e) == ([] if ok else [expected])


# --------------------------------------------------------------- periods in their enrolment


@pytest.mark.parametrize(("begin", "ok"), [(D(2023, 8, 1), True), (D(2023, 7, 31), False)])
def test_period_not_before_enrolment(build: Any, begin: dt.date, ok: bool) -> None:
    e = build.enrolment(perioden=[build.periode(begin)])
    assert ("ROD.PERIODE.BINNEN_INSCHRIJVING" not in rules(e)) is ok


@pytest.mark.parametrize(("begin", "ok"), [(D(2026, 7, 31), True), (D(2026, 8, 1), False)])
def test_period_not_after_enrolment_end_inclusive(build: Any, begin: dt.date, ok: bool) -> None:
    e = build.enrolment(perioden=[build.periode(), build.periode(begin)])
    assert ("ROD.PERIODE.BINNEN_INSCHRIJVING" not in rules(e)) is ok


@pytest.mark.parametrize(("einde", "ok"), [(D(2026, 7, 31), True), (D(2026, 8, 1), False)])
def test_period_end_within_enrolment(build: Any, einde: dt.date, ok: bool) -> None:
    e = build.enrolment(perioden=[build.periode(datum_einde=einde)])
    assert ("ROD.PERIODE.BINNEN_INSCHRIJVING" not in rules(e)) is ok


def test_period_end_before_begin(build: Any) -> None:
    e = build.enrolment(perioden=[build.periode(D(2023, 8, 1), datum_einde=D(2023, 7, 31))])
    assert "ROD.PERIODE.BINNEN_INSCHRIJVING" in rules(e)


def test_period_bound_uses_werkelijke_datum(build: Any) -> None:
    e = build.enrolment(
        datum_uitschrijving_werkelijk=D(2024, 1, 31),
        reden_uitschrijving="02",
        perioden=[build.periode(), build.periode(D(2024, 2, 1))],
    )
    assert rules(e) == ["ROD.PERIODE.BINNEN_INSCHRIJVING"]


@pytest.mark.parametrize(
    ("einde_eerste", "begin_tweede", "overlap"),
    [
        (D(2024, 7, 31), D(2024, 8, 1), False),  # consecutive
        (D(2024, 8, 1), D(2024, 8, 1), True),  # overlap by one day
    ],
)
def test_period_overlap_by_one_day(
    build: Any, einde_eerste: dt.date, begin_tweede: dt.date, overlap: bool
) -> None:
    e = build.enrolment(
        perioden=[build.periode(D(2023, 8, 1), datum_einde=einde_eerste), build.periode(begin_tweede, "BBL")]
    )
    found = validate(e).filter(rule="ROD.PERIODE.OVERLAP")
    assert (len(found) == 1) is overlap
    if overlap:
        assert found.findings[0].path == "$.perioden[1].datum_begin"


def test_periods_with_same_begin_overlap(build: Any) -> None:
    e = build.enrolment(perioden=[build.periode(), build.periode()])
    assert rules(e) == ["ROD.PERIODE.OVERLAP"]


def test_unsorted_periods_are_judged_in_date_order(build: Any) -> None:
    e = build.enrolment(perioden=[build.periode(D(2024, 8, 1), "BBL"), build.periode(D(2023, 8, 1))])
    assert rules(e) == []
    assert e.periode_einde(1) == D(2024, 7, 31)


@pytest.mark.parametrize(("begin_tweede", "ok"), [(D(2024, 8, 1), True), (D(2024, 8, 2), False)])
def test_periods_consecutive(build: Any, begin_tweede: dt.date, ok: bool) -> None:
    e = build.enrolment(
        perioden=[
            build.periode(D(2023, 8, 1), datum_einde=D(2024, 7, 31)),
            build.periode(begin_tweede, "BBL"),
        ]
    )
    found = validate(e).filter(rule="ROD.PERIODE.AANSLUITEND")
    assert (len(found) == 0) is ok
    assert all(f.severity is Severity.ATTENTIE for f in found)


@pytest.mark.parametrize(("begin", "ok"), [(D(2023, 8, 1), True), (D(2023, 8, 2), False)])
def test_first_period_starts_on_datum_inschrijving(build: Any, begin: dt.date, ok: bool) -> None:
    e = build.enrolment(perioden=[build.periode(begin)])
    assert ("ROD.PERIODE.AANSLUITEND" not in rules(e)) is ok


@pytest.mark.parametrize(("einde", "ok"), [(D(2026, 7, 31), True), (D(2026, 7, 30), False)])
def test_last_period_runs_to_the_end(build: Any, einde: dt.date, ok: bool) -> None:
    e = build.enrolment(perioden=[build.periode(datum_einde=einde)])
    assert ("ROD.PERIODE.AANSLUITEND" not in rules(e)) is ok


@pytest.mark.parametrize(
    ("begin", "einde", "ok"),
    [
        (D(2023, 8, 1), D(2026, 7, 31), True),
        (D(2023, 7, 31), None, False),
        (D(2023, 8, 1), D(2026, 8, 1), False),
        (D(2024, 1, 1), D(2023, 12, 31), False),
    ],
)
def test_extra_ondersteuning(build: Any, begin: dt.date, einde: dt.date | None, ok: bool) -> None:
    from duo_domain.mbo.enrolment import ExtraOndersteuning

    e = build.enrolment(extra_ondersteuning=[ExtraOndersteuning(begin, einde)])
    assert ("ROD.EXTRA_ONDERSTEUNING.DATUMS" not in rules(e)) is ok


def test_periode_op_and_einde(build: Any) -> None:
    e = build.enrolment(perioden=[build.periode(), build.periode(D(2024, 8, 1), "BBL")])
    assert e.periode_op(D(2024, 7, 31)).leertraject == "BOL"
    assert e.periode_op(D(2024, 8, 1)).leertraject == "BBL"
    assert e.periode_op(D(2026, 8, 1)) is None
    assert e.leertrajecten() == frozenset({"BOL", "BBL"})
