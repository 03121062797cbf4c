"""ROD.PLAUSIBEL.*: dates of an MBO record that cannot all be true (issue 12, class 8)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.identity import OnvolledigeDatum, Persoonsgegevens, Student
from duo_domain.mbo.results import Diploma
from duo_domain.rules import Severity, registry, validate
from duo_domain.testing.factories import make_bpv_agreement, make_enrolment, make_mbo_student_record

DAY = dt.timedelta(days=1)
PLAUSIBEL = (
    "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING",
    "ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING",
    "ROD.PLAUSIBEL.BPV_AFSLUITDATUM",
)


@pytest.mark.parametrize("rule_id", PLAUSIBEL)
def test_each_is_a_signaal_of_the_library_with_its_source(rule_id: str) -> None:
    rule = registry.get(rule_id)
    assert rule.severity is Severity.SIGNAAL
    assert "own signaal" in rule.source
    assert "PvE MBO" in rule.source


def _ids(obj: object) -> set[str]:
    return {f.rule_id for f in validate(obj)}


def _born(record: object, geboortedatum: OnvolledigeDatum) -> object:
    student = Student(
        bsn="111222333", persoonsgegevens=Persoonsgegevens(geboortedatum=geboortedatum), studentnummer="S1"
    )
    return attrs.evolve(record, student=student)  # type: ignore[misc]


def test_birth_date_after_the_enrolment_began() -> None:
    record = make_mbo_student_record()
    start = record.inschrijvingen[0].datum_inschrijving
    same_day = OnvolledigeDatum(start.year, start.month, start.day)
    after = start + DAY
    assert "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING" not in _ids(_born(record, same_day))
    found = [
        f
        for f in validate(_born(record, OnvolledigeDatum(after.year, after.month, after.day)))
        if f.rule_id == "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING"
    ]
    assert [f.path for f in found] == ["$.inschrijvingen[0].datum_inschrijving"]
    assert found[0].business_key == record.inschrijvingen[0].inschrijvingvolgnummer


def test_an_incomplete_birth_date_is_judged_by_its_earliest_day() -> None:
    record = make_mbo_student_record()
    start = record.inschrijvingen[0].datum_inschrijving
    assert "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING" not in _ids(
        _born(record, OnvolledigeDatum(start.year))
    )
    later = OnvolledigeDatum(start.year + 1)
    assert "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING" in _ids(_born(record, later))


def _diploma(datum: dt.date, inschrijvingvolgnummer: str) -> Diploma:
    return Diploma(
        "R1", "25655", datum, indicatie_bekostigbaar=True, inschrijvingvolgnummer=inschrijvingvolgnummer
    )


def test_diploma_before_its_enrolment() -> None:
    record = make_mbo_student_record()
    enrolment = record.inschrijvingen[0]
    on_start = attrs.evolve(
        record, diplomas=[_diploma(enrolment.datum_inschrijving, enrolment.inschrijvingvolgnummer)]
    )
    before = attrs.evolve(
        record, diplomas=[_diploma(enrolment.datum_inschrijving - DAY, enrolment.inschrijvingvolgnummer)]
    )
    other = attrs.evolve(record, diplomas=[_diploma(enrolment.datum_inschrijving - DAY, "ELDERS")])
    assert "ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING" not in _ids(on_start)
    assert "ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING" in _ids(before)
    assert "ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING" not in _ids(other)  # an enrolment not in the record


def test_bpv_afsluitdatum_after_the_end() -> None:
    bpv = make_bpv_agreement(make_enrolment())
    on_end = attrs.evolve(bpv, afsluitdatum=bpv.datum_einde_gepland)
    after_end = attrs.evolve(bpv, afsluitdatum=bpv.datum_einde_gepland + DAY)
    assert "ROD.PLAUSIBEL.BPV_AFSLUITDATUM" not in _ids(on_end)
    assert "ROD.PLAUSIBEL.BPV_AFSLUITDATUM" in _ids(after_end)
    # The actual end, once known, is the end that counts.
    ended_early = attrs.evolve(
        on_end, datum_einde_werkelijk=bpv.datum_einde_gepland - DAY, afsluitdatum=bpv.datum_einde_gepland
    )
    assert "ROD.PLAUSIBEL.BPV_AFSLUITDATUM" in _ids(ended_early)


def test_each_states_its_origin_and_is_in_force_without_a_period() -> None:
    for rule_id in PLAUSIBEL:
        rule = registry.get(rule_id)
        assert rule.severity_origin == "library"
        assert (rule.geldig_van, rule.geldig_tot) == (None, None)


# -- one finding per mistake ---------------------------------------------------------------------


def test_an_implausible_birth_date_is_reported_once() -> None:
    """Born in 2090: the person rule reports it; neither the enrolment dates nor the BBL rule repeat it."""
    record = make_mbo_student_record(leertraject="BBL")
    assert _ids(_born(record, OnvolledigeDatum(2090, 1, 1))) == {"PERSOON.PLAUSIBEL.GEBOORTEDATUM"}
    # with a peildatum the boundary is the peildatum itself
    start = record.inschrijvingen[0].datum_inschrijving
    peil = start + 10 * DAY
    after_peil = _born(record, OnvolledigeDatum.from_date(peil + DAY))
    on_peil = _born(record, OnvolledigeDatum.from_date(peil))
    assert {f.rule_id for f in validate(after_peil, peildatum=peil)} == {"PERSOON.PLAUSIBEL.GEBOORTEDATUM"}
    assert {f.rule_id for f in validate(on_peil, peildatum=peil)} == {
        "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING"
    }


def test_a_birth_after_a_bbl_enrolment_is_not_also_a_leerplicht_finding() -> None:
    record = make_mbo_student_record(leertraject="BBL")
    start = record.inschrijvingen[0].datum_inschrijving
    assert _ids(_born(record, OnvolledigeDatum.from_date(start + DAY))) == {
        "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING"
    }


def test_diploma_before_an_enrolment_whose_dates_are_out_of_order() -> None:
    record = make_mbo_student_record()
    e = record.inschrijvingen[0]
    kapot = attrs.evolve(e, datum_uitschrijving_gepland=e.datum_inschrijving - 2 * DAY)
    broken = attrs.evolve(
        record,
        inschrijvingen=[kapot],
        diplomas=[_diploma(e.datum_inschrijving - DAY, e.inschrijvingvolgnummer)],
    )
    found = _ids(broken)
    assert "ROD.INSCHRIJVING.DATUMS" in found
    assert "ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING" not in found


def test_diploma_before_an_enrolment_it_ends_is_the_uitschrijfdatum_finding() -> None:
    record = make_mbo_student_record()
    e = record.inschrijvingen[0]
    left = attrs.evolve(
        e, datum_uitschrijving_werkelijk=e.datum_uitschrijving_gepland, reden_uitschrijving="01"
    )
    diploma = _diploma(e.datum_inschrijving - DAY, e.inschrijvingvolgnummer)
    found = _ids(attrs.evolve(record, inschrijvingen=[left], diplomas=[diploma]))
    assert "ROD.DIPLOMA.UITSCHRIJFDATUM" in found
    assert "ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING" not in found


def test_bpv_ending_before_it_begins_is_only_the_dates_finding() -> None:
    bpv = make_bpv_agreement(make_enrolment())
    backwards = attrs.evolve(
        bpv,
        datum_einde_gepland=bpv.datum_begin - DAY,
        afsluitdatum=bpv.datum_begin,
        datum_einde_werkelijk=None,
    )
    assert _ids(backwards) == {"ROD.BPV.DATUMS"}


# -- never an exception at the calendar's ends ----------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9999), st.sampled_from(("BOL", "BBL")))
def test_any_birth_year_validates_without_an_exception(jaar: int, leertraject: str) -> None:
    """A birth year near 9999 once made the BBL rule compute a school year past the calendar (ValueError)."""
    record = _born(make_mbo_student_record(leertraject=leertraject), OnvolledigeDatum(jaar))
    report = validate(record)
    implausible = jaar < 1900 or jaar > 2075
    assert ("PERSOON.PLAUSIBEL.GEBOORTEDATUM" in report.rule_ids) is implausible
