"""ROD.PLAUSIBEL.*: dates of an MBO record that cannot all be true (issue 12, class 8)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

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
