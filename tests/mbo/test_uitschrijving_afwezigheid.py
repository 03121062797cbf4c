"""Deregistration / VSV and the separate absence report."""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.mbo.afwezigheid import LOS_VAN_VERZUIMMELDING, melding_afwezigheid
from duo_domain.mbo.uitschrijving import beoordeel_uitschrijving, is_startkwalificatie

D = dt.date
GEBOREN = D(2008, 3, 1)


@pytest.mark.parametrize(
    ("diploma", "sk"),
    [("MBO-1", False), ("MBO-2", True), ("MBO-4", True), ("HAVO", True), ("VMBO", False), (None, False)],
)
def test_startkwalificatie(diploma: str | None, sk: bool) -> None:
    assert is_startkwalificatie(diploma) is sk


def test_without_startkwalificatie_needs_consultation_and_is_vsv() -> None:
    a = beoordeel_uitschrijving(GEBOREN, D(2025, 1, 31), hoogste_diploma="MBO-1")
    assert (a.uitschrijven_toegestaan, a.overleg_leerplichtambtenaar, a.voortijdig_schoolverlater) == (
        False,
        True,
        True,
    )
    assert a.kwalificatieplichtig
    assert {r.code for r in a.redenen} == {"OVERLEG_LEERPLICHTAMBTENAAR", "KWALIFICATIEPLICHTIG", "VSV"}
    assert all(r.bron for r in a.redenen)
    assert any("Leerplichtwet 1969" in r.bron for r in a.redenen)


def test_startkwalificatie_allows_deregistration() -> None:
    a = beoordeel_uitschrijving(GEBOREN, D(2025, 1, 31), hoogste_diploma="MBO-2")
    assert (a.uitschrijven_toegestaan, a.overleg_leerplichtambtenaar, a.voortijdig_schoolverlater) == (
        True,
        False,
        False,
    )
    assert not a.kwalificatieplichtig


def test_other_school_allows_deregistration_and_is_no_vsv() -> None:
    a = beoordeel_uitschrijving(GEBOREN, D(2025, 1, 31), naar_andere_school=True)
    assert a.uitschrijven_toegestaan
    assert not a.voortijdig_schoolverlater
    assert a.kwalificatieplichtig


@pytest.mark.parametrize(("op", "kwalificatieplichtig"), [(D(2026, 2, 28), True), (D(2026, 3, 1), False)])
def test_kwalificatieplicht_ends_at_18(op: dt.date, kwalificatieplichtig: bool) -> None:
    assert beoordeel_uitschrijving(GEBOREN, op).kwalificatieplichtig is kwalificatieplichtig


@pytest.mark.parametrize(("op", "vsv"), [(D(2031, 2, 28), True), (D(2031, 3, 1), False)])
def test_vsv_under_23(op: dt.date, vsv: bool) -> None:
    a = beoordeel_uitschrijving(GEBOREN, op)
    assert a.voortijdig_schoolverlater is vsv
    assert a.overleg_leerplichtambtenaar


BASE = {
    "geboortedatum": D(2005, 1, 1),
    "leertraject": "BOL",
    "niveau": "MBO-2",
    "studiefinanciering": True,
    "afwezig_van": D(2025, 3, 3),
}


@pytest.mark.parametrize(("tot", "due"), [(D(2025, 4, 5), False), (D(2025, 4, 6), True)])
def test_five_weeks_boundary(tot: dt.date, due: bool) -> None:
    o = melding_afwezigheid(**BASE, afwezig_tot=tot)  # type: ignore[arg-type]
    assert o.melding_verplicht is due
    assert o.dagen_afwezig == (35 if due else 34)
    assert o.toelichting == LOS_VAN_VERZUIMMELDING
    assert "verzuimmelding" in o.toelichting


def test_holiday_weeks_do_not_count() -> None:
    o = melding_afwezigheid(**BASE, afwezig_tot=D(2025, 4, 13), vakantieweken=1)  # type: ignore[arg-type]
    assert (o.dagen_afwezig, o.melding_verplicht) == (35, True)
    o = melding_afwezigheid(**BASE, afwezig_tot=D(2025, 4, 12), vakantieweken=1)  # type: ignore[arg-type]
    assert o.melding_verplicht is False
    with pytest.raises(ValueError, match="negative"):
        melding_afwezigheid(**BASE, afwezig_tot=D(2025, 4, 12), vakantieweken=-1)  # type: ignore[arg-type]


@pytest.mark.parametrize(("geboren", "due"), [(D(2007, 4, 7), False), (D(2007, 4, 6), True)])
def test_aged_18_on_last_day(geboren: dt.date, due: bool) -> None:
    kw = {**BASE, "geboortedatum": geboren}
    assert melding_afwezigheid(**kw, afwezig_tot=D(2025, 4, 6)).melding_verplicht is due  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "due"),
    [
        ({"niveau": "MBO-1"}, True),
        ({"niveau": "MBO-3"}, False),
        ({"niveau": None}, False),
        ({"leertraject": "BBL"}, False),
        ({"leertraject": "BOL_DT"}, False),
        ({"studiefinanciering": False}, False),
    ],
)
def test_who_it_applies_to(change: dict[str, object], due: bool) -> None:
    kw = {**BASE, **change}
    assert melding_afwezigheid(**kw, afwezig_tot=D(2025, 4, 6)).melding_verplicht is due  # type: ignore[arg-type]
