"""Deregistration / VSV and the separate absence report."""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.mbo.afwezigheid import LOS_VAN_VERZUIMMELDING, melding_afwezigheid, werkdag_na
from duo_domain.mbo.uitschrijving import beoordeel_uitschrijving, is_startkwalificatie, vsv_regime

D = dt.date
GEBOREN = D(2008, 3, 1)


@pytest.mark.parametrize(
    ("diploma", "sk"),
    [("MBO-1", False), ("MBO-2", True), ("MBO-4", True), ("HAVO", True), ("VMBO", False), (None, False)],
)
def test_startkwalificatie(diploma: str | None, sk: bool) -> None:
    assert is_startkwalificatie(diploma) is sk


def test_kwalificatieplichtig_without_startkwalificatie_needs_consultation() -> None:
    # LPW art. 4a/4b: kwalificatieplichtig until 18; WEB 8.1.8 lid 1 a: a VSV is someone the LPW no
    # longer applies to, so a 16-year-old is followed by the leerplichtambtenaar, not counted as VSV
    a = beoordeel_uitschrijving(GEBOREN, D(2025, 1, 31), hoogste_diploma="MBO-1")
    assert (a.uitschrijven_toegestaan, a.overleg_leerplichtambtenaar, a.voortijdig_schoolverlater) == (
        False,
        True,
        False,
    )
    assert a.kwalificatieplichtig
    assert {r.code for r in a.redenen} == {"KWALIFICATIEPLICHTIG"}
    assert all(r.bron for r in a.redenen)
    assert any("Leerplichtwet 1969" in r.bron for r in a.redenen)


def test_adult_without_startkwalificatie_needs_no_leerplichtambtenaar() -> None:
    a = beoordeel_uitschrijving(D(1990, 3, 1), D(2025, 1, 31))  # 34 years old
    assert (a.uitschrijven_toegestaan, a.overleg_leerplichtambtenaar, a.voortijdig_schoolverlater) == (
        True,
        False,
        False,
    )
    assert {r.code for r in a.redenen} == {"GEEN_KWALIFICATIEPLICHT", "GEEN_VSV_LEEFTIJD"}


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


@pytest.mark.parametrize(
    ("geboren", "op", "vsv"),
    [
        # until 2025-12-31: younger than 23 (WEB art. 8.1.8 lid 1 onder a, art. 8.3.1 lid 1)
        (D(2003, 1, 1), D(2025, 12, 31), True),  # 22
        (D(2002, 12, 31), D(2025, 12, 31), False),  # 23
        # from 2026-01-01: younger than 27 (WEB art. 9.2.1 onder a)
        (D(1999, 1, 2), D(2026, 1, 1), True),  # 26
        (D(1999, 1, 1), D(2026, 1, 1), False),  # 27
    ],
)
def test_vsv_age_limit_per_regime(geboren: dt.date, op: dt.date, vsv: bool) -> None:
    a = beoordeel_uitschrijving(geboren, op)
    assert a.voortijdig_schoolverlater is vsv
    assert not a.overleg_leerplichtambtenaar


@pytest.mark.parametrize(("op", "vsv"), [(D(2025, 12, 31), False), (D(2026, 1, 1), True)])
def test_entree_with_arbeidsovereenkomst(op: dt.date, vsv: bool) -> None:
    # WEB art. 8.3.1 lid 2 (until 2025-12-31): entree diploma + arbeidsovereenkomst is not VSV;
    # art. 9.2.1 (from 2026-01-01) has no such exception
    a = beoordeel_uitschrijving(D(2005, 6, 1), op, hoogste_diploma="MBO-1", arbeidsovereenkomst=True)
    assert a.voortijdig_schoolverlater is vsv
    without_work = beoordeel_uitschrijving(D(2005, 6, 1), op, hoogste_diploma="MBO-1")
    assert without_work.voortijdig_schoolverlater


def test_vsv_regimes_cover_every_date() -> None:
    assert vsv_regime(D(1990, 1, 1)).leeftijdsgrens == 23
    assert vsv_regime(D(2099, 1, 1)).artikel == "WEB art. 9.2.1"


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


@pytest.mark.parametrize(("geboren", "noted"), [(D(2007, 4, 7), True), (D(2007, 4, 6), False)])
def test_age_is_a_note_not_a_condition(geboren: dt.date, noted: bool) -> None:
    # art. 8.1.7 lid 1 names the Wet studiefinanciering 2000, not an age; 18+ is DUO's summary
    kw = {**BASE, "geboortedatum": geboren}
    o = melding_afwezigheid(**kw, afwezig_tot=D(2025, 4, 6))  # type: ignore[arg-type]
    assert o.melding_verplicht
    assert bool(o.opmerkingen) is noted


@pytest.mark.parametrize(
    ("change", "due"),
    [
        ({"niveau": "MBO-1"}, True),  # lid 11 onder a: entreeopleiding
        ({"niveau": "MBO-3"}, False),
        ({"niveau": None}, False),
        ({"niveau": "MBO-3", "studiefinanciering_voor_2005": True}, True),  # lid 11 onder b
        ({"studiefinanciering": False}, False),  # lid 1
    ],
)
def test_who_it_applies_to(change: dict[str, object], due: bool) -> None:
    kw = {**BASE, **change}
    assert melding_afwezigheid(**kw, afwezig_tot=D(2025, 4, 6)).melding_verplicht is due  # type: ignore[arg-type]


@pytest.mark.parametrize("leertraject", ["BBL", "BOL_DT"])
def test_leertraject_outside_full_time_bol_is_noted(leertraject: str) -> None:
    o = melding_afwezigheid(**{**BASE, "leertraject": leertraject}, afwezig_tot=D(2025, 4, 6))  # type: ignore[arg-type]
    assert o.melding_verplicht
    assert any("voltijd" in n for n in o.opmerkingen)


def test_deadlines_of_the_article() -> None:
    # lid 2: third working day after 4 weeks; lid 5: fifth working day after 8 weeks (lid 6: + holidays)
    o = melding_afwezigheid(**BASE, afwezig_tot=D(2025, 4, 6))  # type: ignore[arg-type]
    assert o.termijn_mededeling_student == D(2025, 4, 2)  # 4 weeks end Sun 30 March
    assert o.einde_periode_acht_weken == D(2025, 4, 27)
    assert o.termijn_melding_duo == D(2025, 5, 2)
    held = melding_afwezigheid(**BASE, afwezig_tot=D(2025, 4, 13), vakantieweken=1)  # type: ignore[arg-type]
    assert held.einde_periode_acht_weken == D(2025, 5, 4)
    assert held.termijn_melding_duo == D(2025, 5, 12)  # 5 May is a holiday (Algemene termijnenwet art. 3)
    assert melding_afwezigheid(**BASE, afwezig_tot=D(2025, 3, 29)).termijn_mededeling_student is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("datum", "na"),
    [
        (D(2025, 4, 17), D(2025, 4, 22)),  # Goede Vrijdag, weekend, tweede Paasdag
        (D(2026, 4, 24), D(2026, 4, 28)),  # Koningsdag Monday 27 April 2026
        (D(2025, 12, 24), D(2025, 12, 29)),  # both Kerstdagen
    ],
)
def test_working_days(datum: dt.date, na: dt.date) -> None:
    assert werkdag_na(datum, 1) == na


# Leerplichtwet 1969 art. 3 lid 1 onder b: the volledige leerplicht ends at the latest at the end of the
# school year in which the student turns 16; the kwalificatieplicht follows it (art. 4a lid 1).
@pytest.mark.parametrize(
    ("geboren", "op", "leerplichtig"),
    [
        (D(2009, 7, 31), D(2025, 7, 31), True),  # 16 on 2025-07-31: school year 2024-2025 ends that day
        (D(2009, 7, 31), D(2025, 8, 1), False),
        (D(2009, 8, 1), D(2026, 7, 31), True),  # 16 on 2025-08-01: school year 2025-2026
        (D(2009, 8, 1), D(2026, 8, 1), False),
    ],
)
def test_volledige_leerplicht_until_the_end_of_the_school_year_of_16(
    geboren: dt.date, op: dt.date, leerplichtig: bool
) -> None:
    a = beoordeel_uitschrijving(geboren, op, hoogste_diploma="MBO-1")
    assert a.leerplichtig is leerplichtig
    assert a.kwalificatieplichtig is not leerplichtig
    assert a.overleg_leerplichtambtenaar
    assert not a.voortijdig_schoolverlater
    code = "LEERPLICHTIG" if leerplichtig else "KWALIFICATIEPLICHTIG"
    (reden,) = [r for r in a.redenen if r.code == code]
    assert ("art. 3 lid 1" in reden.bron) is leerplichtig
    assert "art. 8.1.7d lid 2" in reden.bron


CASES = [
    (geboren, op, diploma, andere, werk)
    for geboren in (D(2009, 3, 1), D(2008, 3, 1), D(2005, 6, 1), D(2001, 6, 1), D(1990, 3, 1))
    for op in (D(2025, 1, 31), D(2025, 12, 31), D(2026, 2, 1))
    for diploma in (None, "MBO-1", "MBO-2", "HAVO")
    for andere in (False, True)
    for werk in (False, True)
]


@pytest.mark.parametrize(("geboren", "op", "diploma", "andere", "werk"), CASES)
def test_every_verdict_is_explained_by_its_article(
    geboren: dt.date, op: dt.date, diploma: str | None, andere: bool, werk: bool
) -> None:
    a = beoordeel_uitschrijving(
        geboren, op, hoogste_diploma=diploma, naar_andere_school=andere, arbeidsovereenkomst=werk
    )
    bronnen = " | ".join(r.bron for r in a.redenen)
    assert all(r.bron and r.toelichting for r in a.redenen)
    # the VSV verdict, either way, rests on the VSV article of the day (or art. 8.3.1 lid 2)
    assert a.regime.artikel in bronnen or "art. 8.3.1 lid 2" in bronnen
    # the leerplichtambtenaar is involved only on the Leerplichtwet's articles
    if a.overleg_leerplichtambtenaar:
        assert "art. 18 lid 1" in bronnen
        assert "art. 8.1.7d lid 2" in bronnen
    # kwalificatieplicht or not: said with its article
    assert "art. 4b" in bronnen or "art. 3 lid 1" in bronnen or "art. 4a lid 1" in bronnen
