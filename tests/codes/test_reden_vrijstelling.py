"""Reden uitstroom and vrijstelling codes: the published lists, their sources, an unknown code a signaal.

Reden uitstroom: Regeling gegevensverstrekking persoonsgebonden nummer BVE 2009 (BWBR0027035), Bijlage
onderdeel C, toelichting 'Reden uitstroom', codes 01-08, in force from 2010-08-01 (art. 10 lid 2). The PvE
MBO-instelling 4.8.2 §15.5.3 gives the field as AN2..2 and prints no list. Vrijstelling: PvE §15.5.9 gives
AN1..4 (generic) and AN3..3 (IE, CE) and prints no list; DUO's registratieoverzichten show MBO and KZDL.
"""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain import validate
from duo_domain.identity import Student
from duo_domain.mbo.codes import REDEN_UITSCHRIJVING
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.examencodes import VRIJSTELLINGSCODES
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import Exemption
from duo_domain.rules import Severity, registry

D = dt.date
PUBLISHED = {
    "01": "Persoonsgebonden, geen invloed",
    "02": "Persoonsgebonden, geen invloed op oorzaak, wel opvang",
    "03": "Instellingsgebonden factoren",
    "04": "Studie- en beroepskeuze gebonden factoren",
    "05": "Arbeidsmarkt- en (externe) omgevingsfactoren",
    "06": "Zonder diploma, maar wel succesvol",
    "07": "Onbekend",
    "08": "Geen uitval",
}


def test_reden_uitstroom_is_the_complete_published_list_with_its_source() -> None:
    assert {v.code: v.omschrijving for v in REDEN_UITSCHRIJVING} == PUBLISHED
    assert "BWBR0027035" in REDEN_UITSCHRIJVING.bron
    assert "Reden uitstroom" in REDEN_UITSCHRIJVING.bron


def test_reden_uitstroom_is_in_force_from_2010_08_01() -> None:
    assert not REDEN_UITSCHRIJVING.is_valid("08", op=D(2010, 7, 31))
    assert REDEN_UITSCHRIJVING.is_valid("08", op=D(2010, 8, 1))


def _enrolment(reden: str) -> MboStudentRecord:
    periode = Periode(
        D(2023, 8, 1),
        "25655",
        "BOL",
        True,  # noqa: FBT003
        onderwijsaanbieder="100A501",
        onderwijslocatie="101X591",
    )
    e = Enrolment(
        "C1",
        "25LX",
        D(2023, 8, 1),
        D(2026, 7, 31),
        [periode],
        datum_uitschrijving_werkelijk=D(2024, 2, 1),
        reden_uitschrijving=reden,
    )
    return MboStudentRecord(Student(bsn="999991838", studentnummer="S1"), [e])


@pytest.mark.parametrize(("reden", "flagged"), [("01", False), ("08", False), ("00", True), ("09", True)])
def test_an_unknown_reden_is_a_signaal_never_an_afkeur(reden: str, flagged: bool) -> None:
    found = [f for f in validate(_enrolment(reden)) if f.rule_id == "ROD.INSCHRIJVING.REDEN_CODE"]
    assert bool(found) is flagged
    assert all(f.severity is Severity.SIGNAAL for f in found)
    assert registry.get("ROD.INSCHRIJVING.REDEN_CODE").severity is Severity.SIGNAAL


def test_vrijstelling_codes_are_the_values_seen_and_an_unknown_one_is_a_signaal() -> None:
    assert {v.code for v in VRIJSTELLINGSCODES} == {"MBO", "KZDL"}
    assert VRIJSTELLINGSCODES.open
    rule = registry.get("ROD.RESULTAAT.VRIJSTELLING_CODE")
    assert rule.severity is Severity.SIGNAAL
    assert rule.id not in [f.rule_id for f in validate(Exemption("MBO"))]
    found = [f for f in validate(Exemption("HAVO")) if f.rule_id == rule.id]
    assert [f.severity for f in found] == [Severity.SIGNAAL]
