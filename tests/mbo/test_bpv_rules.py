"""ROD.BPV.* rules and the record-level rules (uniqueness, BPV within enrolment, BBL needs BPV)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from duo_domain.rules import Severity, validate

D = dt.date


def rules(obj: object) -> list[str]:
    return [f.rule_id for f in validate(obj)]


def test_valid_bpv_and_record(build: Any) -> None:
    assert rules(build.bpv()) == []
    assert rules(build.record(bpv_overeenkomsten=[build.bpv()])) == []


@pytest.mark.parametrize(
    ("omvang", "ok"), [(0, False), (1, True), (9999, True), (10000, False), (None, True)]
)
def test_omvang_1_to_9999(build: Any, omvang: int | None, ok: bool) -> None:
    assert ("ROD.BPV.OMVANG" not in rules(build.bpv(omvang=omvang))) is ok


@pytest.mark.parametrize(
    ("lid", "ok"),
    [
        ("100000000", True),
        ("999999999", True),
        ("099999999", False),
        ("10000000", False),
        (None, False),
        ("", False),
    ],
)
def test_leerbedrijf_id_required(build: Any, lid: str | None, ok: bool) -> None:
    # PvE §15.5.6: LeerbedrijfID N9..9, verplicht, 100000000 t/m 999999999; one finding per mistake
    found = validate(build.bpv(leerbedrijf_id=lid))
    assert (len(found) == 0) is ok
    assert all(f.path == "$.leerbedrijf_id" for f in found)
    if not ok:
        expected = "ROD.BPV.LEERBEDRIJF" if lid is None else "ROD.FORMAAT.BPV.LEERBEDRIJF_ID"
        assert [f.rule_id for f in found] == [expected]


@pytest.mark.parametrize(("volgnummer", "ok"), [("B1", True), ("B" * 21, False), ("B 1", False)])
def test_bpv_volgnummer(build: Any, volgnummer: str, ok: bool) -> None:  # PvE §15.5.6 Volgnummer AN1..20
    assert rules(build.bpv(volgnummer=volgnummer)) == ([] if ok else ["ROD.FORMAAT.BPV.VOLGNUMMER"])


@pytest.mark.parametrize(("einde", "ok"), [(D(2023, 9, 1), True), (D(2023, 8, 31), False)])
def test_bpv_dates_in_order(build: Any, einde: dt.date, ok: bool) -> None:
    assert ("ROD.BPV.DATUMS" not in rules(build.bpv(datum_einde_gepland=einde))) is ok
    assert ("ROD.BPV.DATUMS" not in rules(build.bpv(datum_einde_werkelijk=einde))) is ok


def test_bpv_codes(build: Any) -> None:
    # PvE §15.5.6: opleidingcode AN5..5, codeKeuzedeel AN5..5 (format rules); crebo digits and SBB's
    # keuzedeel code K+4 digits (ROD.BPV.CODES); one finding per mistake
    assert rules(build.bpv(keuzedeel="K0067")) == []
    assert rules(build.bpv(keuzedeel="X0067")) == ["ROD.BPV.CODES"]
    assert rules(build.bpv(keuzedeel="0067")) == ["ROD.FORMAAT.BPV.KEUZEDEEL"]
    assert rules(build.bpv(opleidingscode="2565A")) == ["ROD.BPV.CODES"]
    assert rules(build.bpv(opleidingscode="2565")) == ["ROD.FORMAAT.BPV.OPLEIDINGSCODE"]


@pytest.mark.parametrize(("begin", "ok"), [(D(2023, 8, 1), True), (D(2023, 7, 31), False)])
def test_bpv_begins_within_enrolment(build: Any, begin: dt.date, ok: bool) -> None:
    r = build.record(bpv_overeenkomsten=[build.bpv(datum_begin=begin)])
    assert ("ROD.BPV.INSCHRIJVING" not in rules(r)) is ok


@pytest.mark.parametrize(("einde", "ok"), [(D(2026, 7, 31), True), (D(2026, 8, 1), False)])
def test_bpv_ends_within_enrolment_inclusive(build: Any, einde: dt.date, ok: bool) -> None:
    r = build.record(bpv_overeenkomsten=[build.bpv(datum_einde_gepland=einde)])
    found = validate(r).filter(rule="ROD.BPV.INSCHRIJVING")
    assert (len(found) == 0) is ok
    if not ok:
        assert found.findings[0].path == "$.bpv_overeenkomsten[0].datum_einde_gepland"


def test_bpv_uses_werkelijke_einddatum(build: Any) -> None:
    r = build.record(
        bpv_overeenkomsten=[build.bpv(datum_einde_gepland=D(2027, 1, 1), datum_einde_werkelijk=D(2024, 1, 1))]
    )
    assert rules(r) == []


def test_bpv_needs_existing_enrolment(build: Any) -> None:
    r = build.record(bpv_overeenkomsten=[build.bpv(inschrijvingvolgnummer="X9")])
    found = validate(r).filter(rule="ROD.BPV.INSCHRIJVING")
    assert [f.path for f in found] == ["$.bpv_overeenkomsten[0].inschrijvingvolgnummer"]


def test_bbl_without_bpv_is_a_warning(build: Any) -> None:
    e = build.enrolment(perioden=[build.periode(leertraject="BBL")])
    zonder = validate(build.record(inschrijvingen=[e])).filter(rule="ROD.INSCHRIJVING.BBL_BPV")
    assert [(f.severity, f.path) for f in zonder] == [(Severity.ATTENTIE, "$.inschrijvingen[0]")]
    met = build.record(inschrijvingen=[e], bpv_overeenkomsten=[build.bpv()])
    assert rules(met) == []
    bol = build.record()
    assert rules(bol) == []


def test_inschrijvingvolgnummer_unique_per_instelling(build: Any) -> None:
    dubbel = build.record(inschrijvingen=[build.enrolment(), build.enrolment()])
    found = validate(dubbel).filter(rule="ROD.INSCHRIJVING.VOLGNUMMER_UNIEK")
    assert [f.path for f in found] == ["$.inschrijvingen[1].inschrijvingvolgnummer"]
    ander = build.record(inschrijvingen=[build.enrolment(), build.enrolment(inschrijvingvolgnummer="C4")])
    assert rules(ander) == []
    andere_instelling = build.record(inschrijvingen=[build.enrolment(), build.enrolment(instelling="27DV")])
    assert "ROD.INSCHRIJVING.VOLGNUMMER_UNIEK" not in rules(andere_instelling)


def test_bpv_volgnummer_unique_per_enrolment(build: Any) -> None:
    dubbel = build.record(bpv_overeenkomsten=[build.bpv(), build.bpv()])
    assert [f.path for f in validate(dubbel).filter(rule="ROD.BPV.VOLGNUMMER_UNIEK")] == [
        "$.bpv_overeenkomsten[1].volgnummer"
    ]
    assert rules(build.record(bpv_overeenkomsten=[build.bpv(), build.bpv(volgnummer="B2")])) == []


def test_record_list_paths(build: Any) -> None:
    report = validate([build.record(), build.record(bpv_overeenkomsten=[build.bpv(omvang=0)])])
    assert [f.path for f in report] == ["$[1].bpv_overeenkomsten[0].omvang"]
    assert not report.ok
