"""Issue #14, point by point: each case is written from its source, with a passing and a failing side.

Sources: PvE MBO-instelling – DUO v4.8.2 (extract of chapters 13–17 in the project's domain notes),
WEB (BWBR0007625), Ekb WEB (BWBR0027963; texts of 2020-03-15 and 2026-01-01), Leerplichtwet 1969
(BWBR0002628). The numbers in the section titles are the numbered points of "Wrong today"; the last
sections follow "What to build".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from duo_domain.errors import UnsupportedPeriod
from duo_domain.identity import Student
from duo_domain.identity.student import OnvolledigeDatum, Persoonsgegevens
from duo_domain.mbo.afwezigheid import Afwezigheid, melding_afwezigheid
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.examencodes import Onderdeel
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.reference import Referentiedata, voorbeeld
from duo_domain.mbo.results import (
    AmvbOnderdeel,
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    KeuzedeelUitkomst,
    LosseResultaten,
    VrijstellingOmvang,
)
from duo_domain.mbo.uitschrijving import beoordeel_uitschrijving
from duo_domain.mbo.uitslag import (
    GeneriekInput,
    KeuzedeelInput,
    Regelset,
    UitslagInput,
    choose_regelset,
    compute_uitslag,
)
from duo_domain.rules import Severity, registry, validate

D = dt.date
STUDENT = Student(bsn="999991838", studentnummer="S1")
BEGIN = D(2023, 8, 1)


def _ids(obj: object, **kw: Any) -> list[str]:
    return [f.rule_id for f in validate(obj, **kw)]


def _periode(begin: dt.date = BEGIN, code: str = "25655", **kw: Any) -> Periode:
    kw.setdefault("onderwijsaanbieder", "100A501")
    kw.setdefault("onderwijslocatie", "101X591")
    return Periode(begin, code, kw.pop("leertraject", "BOL"), True, **kw)  # noqa: FBT003


def _enrolment(*perioden: Periode, **kw: Any) -> Enrolment:
    return Enrolment(
        kw.pop("inschrijvingvolgnummer", "C1"),
        kw.pop("instelling", "25LX"),
        kw.pop("datum_inschrijving", D(2023, 8, 1)),
        kw.pop("gepland", D(2026, 7, 31)),
        list(perioden or (_periode(),)),
        **kw,
    )


# ------------------------------------------------------------------ 1. too lax on formats (PvE ch. 15)


@pytest.mark.parametrize(("brin", "ok"), [("25LX", True), ("25lx", False), ("25Lx", False)])
def test_1_brin_two_digits_then_two_capitals(brin: str, ok: bool) -> None:
    # §15.5.1 VLP: "Het BRIN bestaat uit 2 cijfers gevolgd door 2 hoofdletters"
    assert ("ROD.FORMAAT.INSCHRIJVING.INSTELLING" not in _ids(_enrolment(instelling=brin))) is ok


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        ("onderwijsaanbieder", "100A501", True),
        ("onderwijsaanbieder", "100a501", False),
        ("onderwijslocatie", "101X591", True),
        ("onderwijslocatie", "101x591", False),
    ],
)
def test_1_rio_codes_in_capitals(field: str, value: str, ok: bool) -> None:
    # §15.5.4 ISP onderwijsaanbieder / onderwijslocatie AN7..7 (RIO nnnAnnn / nnnXnnn)
    rule = f"ROD.FORMAAT.PERIODE.{field.upper()}"
    kw: dict[str, Any] = {field: value}
    assert (rule not in _ids(_enrolment(_periode(**kw)))) is ok


@pytest.mark.parametrize(
    ("nummer", "ok"), [("8" * 20, True), ("A1", True), ("8" * 21, False), ("8-1", False)]
)
def test_1_resultaatvolgnummer_an_1_to_20_letters_and_digits(nummer: str, ok: bool) -> None:
    # §15.5.7 DIP Resultaatvolgnummer AN1..20 "Alleen letters en cijfers"
    diploma = Diploma(nummer, "25655", D(2026, 7, 1), True, "C1")  # noqa: FBT003
    assert ("ROD.FORMAAT.DIPLOMA.RESULTAATVOLGNUMMER" not in _ids(diploma)) is ok


@pytest.mark.parametrize(
    ("omvang", "code", "ok"),
    [
        (VrijstellingOmvang.GEHEEL, "KZDL", True),  # Vrijstelling generiek examenonderdeel AN1..4
        (VrijstellingOmvang.IE, "KZDL", False),  # Vrijstelling IE AN3..3
        (VrijstellingOmvang.CE, "KZDL", False),  # Vrijstelling CE AN3..3
        (VrijstellingOmvang.CE, "MBO", True),
    ],
)
def test_1_vrijstelling_ie_ce_are_an3(omvang: VrijstellingOmvang, code: str, ok: bool) -> None:
    assert ("ROD.FORMAAT.VRIJSTELLING.CODE" not in _ids(Exemption(code, omvang))) is ok  # §15.5.9


@pytest.mark.parametrize(("code", "ok"), [("C0163", True), ("C016", False)])
def test_1_amo_code_an5(code: str, ok: bool) -> None:  # §15.5.8 Code AMvB onderdeel AN5..5
    assert ("ROD.FORMAAT.AMVB_ONDERDEEL.CODE" not in _ids(AmvbOnderdeel("R1", code))) is ok


@pytest.mark.parametrize(("leerroute", "ok"), [("ABC", True), ("ABCD", False)])
def test_1_leerroute_at_most_3(leerroute: str, ok: bool) -> None:  # §15.5.4 ISP Leerroute AN3
    assert ("ROD.FORMAAT.PERIODE.LEERROUTE" not in _ids(_enrolment(_periode(leerroute=leerroute)))) is ok


@pytest.mark.parametrize(("certificaat", "ok"), [(True, True), (None, False)])
def test_1_loose_amo_certificaat_is_always_j(certificaat: bool | None, ok: bool) -> None:
    # §15.5.8: "alleen gevuld bij een 'los' AMvB-onderdeel en heeft dan altijd de waarde Ja"
    los = LosseResultaten(amvb_onderdelen=(AmvbOnderdeel("R1", "C0163", certificaat=certificaat),))
    assert ("ROD.FORMAAT.AMVB_ONDERDEEL.CERTIFICAAT" not in _ids(los)) is ok


@pytest.mark.parametrize(("los", "ok"), [(True, True), (False, False)])
def test_1_keuzedeel_certificaat_only_when_loose(los: bool, ok: bool) -> None:
    # §15.5.10 KZD Certificaat J/N: "alleen gevuld bij een 'los' keuzedeel"
    kzd = KeuzedeelResultaat("R2", "K0067", KeuzedeelUitkomst.BEHAALD, certificaat=True)
    if los:
        found = _ids(LosseResultaten(keuzedelen=(kzd,)))
    else:
        found = _ids(Diploma("R1", "25655", D(2026, 7, 1), True, "C1", keuzedelen=(kzd,)))  # noqa: FBT003
    assert ("ROD.FORMAAT.DIPLOMA.CERTIFICAAT" not in found) is ok


# ----------------------------------------------------------------------------------- 2. too strict


def _record(*inschrijvingen: Enrolment, diplomas: tuple[Diploma, ...] = ()) -> MboStudentRecord:
    return MboStudentRecord(STUDENT, list(inschrijvingen), diplomas=list(diplomas))


def test_2_entree_diploma_on_its_dossier_is_never_an_afkeur() -> None:
    # WEB art. 8.1.1 lid 2: an enrolment may be for a kwalificatiedossier; the Entree kwalificatie 25348
    # lies under dossier 23301 in the reference data
    record = _record(
        _enrolment(_periode(code="23301")),
        diplomas=(Diploma("R1", "25348", D(2024, 6, 1), True, "C1"),),  # noqa: FBT003
    )
    afkeur = [f for f in validate(record) if f.severity is Severity.AFKEUR]
    assert afkeur == []  # without reference data: at most a signaal
    assert "ROD.REFERENTIEDATA.NIET_GECONTROLEERD" in _ids(record)
    with_ref = _ids(record, referentiedata=voorbeeld())
    assert "ROD.DIPLOMA.INSCHRIJVING" not in with_ref
    assert "ROD.REFERENTIEDATA.NIET_GECONTROLEERD" not in with_ref
    # the failing side: the hierarchy proves 25655 is not above 25348
    other = _record(
        _enrolment(_periode(code="25655")),
        diplomas=(Diploma("R1", "25348", D(2024, 6, 1), True, "C1"),),  # noqa: FBT003
    )
    assert "ROD.DIPLOMA.INSCHRIJVING" in _ids(other, referentiedata=voorbeeld())


@pytest.mark.parametrize(("datum", "ok"), [(D(2024, 6, 1), True), (None, False)])
def test_2_loose_result_needs_no_inschrijvingvolgnummer(datum: dt.date | None, ok: bool) -> None:
    # §15.5.9 GEO Inschrijvingvolgnummer "Verplicht: Nee"; Datum resultaat "alleen gevuld bij een 'los' ..."
    geo = GeneriekExamenonderdeel("R1", "3005", eindcijfer=Decimal(7), datum_resultaat=datum)
    assert geo.inschrijvingvolgnummer is None
    assert (
        "ROD.RESULTAAT.LOS_GEGEVENS" not in _ids(LosseResultaten(generieke_examenonderdelen=(geo,)))
    ) is ok


@pytest.mark.parametrize(
    ("tweede_begin", "tweede_code", "found"),
    [
        (D(2024, 6, 2), "25775", False),  # a new opleiding the day after the diploma
        (D(2024, 6, 1), "25775", False),  # ... or on the diploma day itself
        (D(2024, 5, 1), "25775", False),  # ... or before it: the student had moved on already
        (D(2024, 6, 2), "25655", True),  # the same opleiding goes on: the student left with the diploma later
    ],
)
def test_2_diploma_part_way_through_an_enrolment(
    tweede_begin: dt.date, tweede_code: str, found: bool
) -> None:
    # Regeling gegevensverstrekking persoonsgebonden nummer BVE 2009, bijlage: on leaving with the diploma
    # the werkelijke uitschrijfdatum is the datum kwalificatie behaald; not so when the enrolment continues
    e = _enrolment(
        _periode(D(2023, 8, 1)),
        _periode(tweede_begin, code=tweede_code),
        datum_uitschrijving_werkelijk=D(2025, 7, 31),
        reden_uitschrijving="08",
    )
    record = _record(e, diplomas=(Diploma("R1", "25655", D(2024, 6, 1), True, "C1"),))  # noqa: FBT003
    assert ("ROD.DIPLOMA.UITSCHRIJFDATUM" in _ids(record)) is found


# ------------------------------------------------------------- 3. dates, citations and severity origins


@pytest.mark.parametrize(
    ("rule_id", "van", "tot"),
    [
        ("ROD.INSCHRIJVING.ONDERWIJSLOCATIE", D(2019, 8, 1), None),
        ("ROD.PERIODE.LEERROUTEFASE", D(2020, 8, 1), None),
        ("ROD.RESULTAAT.GENERIEK_CODE_COHORT", D(2022, 8, 1), D(2027, 7, 31)),
        ("ROD.UITSLAG.NEDERLANDS_REKENEN", D(2022, 8, 1), None),
        ("ROD.UITSLAG.KEUZEDEEL", D(2020, 8, 1), None),
    ],
)
def test_3_time_bound_rules_carry_their_dates(rule_id: str, van: dt.date, tot: dt.date | None) -> None:
    rule = registry.get(rule_id)
    assert (rule.geldig_van, rule.geldig_tot) == (van, tot)
    assert not rule.in_force(van - dt.timedelta(days=1))
    assert rule.in_force(van)
    if tot is not None:
        assert rule.in_force(tot)
        assert not rule.in_force(tot + dt.timedelta(days=1))


@pytest.mark.parametrize(("begin", "found"), [(D(2019, 7, 31), False), (D(2019, 8, 1), True)])
def test_3_onderwijslocatie_from_2019_08_01(begin: dt.date, found: bool) -> None:
    e = _enrolment(_periode(begin, onderwijslocatie=None), datum_inschrijving=begin)
    assert ("ROD.INSCHRIJVING.ONDERWIJSLOCATIE" in _ids(e)) is found


def test_3_dip_citation_and_the_origin_of_every_rod_severity() -> None:
    assert "§15.5.7" in registry.get("ROD.DIPLOMA.INSCHRIJVING").source
    assert "§15.5.7" in registry.get("ROD.DIPLOMA.OPLEIDINGSCODE").source
    # the afkeur of these two is the library's judgement, and says so
    assert registry.get("ROD.INSCHRIJVING.ONDERWIJSLOCATIE").severity_origin == "library"
    assert registry.get("ROD.PERIODE.OVERLAP").severity_origin == "library"
    rod = [r for r in registry if r.id.startswith("ROD.")]
    assert {r.severity_origin for r in rod} == {"DUO", "library"}


# ------------------------------------------------------------------------------ 4. uitschrijving, VSV

GEBOREN = D(2007, 3, 1)


@pytest.mark.parametrize(("op", "plichtig"), [(D(2025, 2, 28), True), (D(2025, 3, 1), False)])
def test_4_kwalificatieplicht_ends_on_the_18th_birthday(op: dt.date, plichtig: bool) -> None:
    # Leerplichtwet 1969 art. 4a lid 1: kwalificatieplichtig until 18 (without a startkwalificatie)
    a = beoordeel_uitschrijving(GEBOREN, op, hoogste_diploma="MBO-1")
    assert a.kwalificatieplichtig is plichtig
    assert a.overleg_leerplichtambtenaar is plichtig


def test_4_a_35_year_old_is_sent_to_no_leerplichtambtenaar() -> None:
    a = beoordeel_uitschrijving(D(1990, 1, 1), D(2025, 6, 1))
    assert not a.overleg_leerplichtambtenaar
    assert not a.voortijdig_schoolverlater  # the VSV group stops at 23 (WEB art. 8.1.8 lid 1 a, 8.3.1)
    assert a.uitschrijven_toegestaan


@pytest.mark.parametrize(("geboren", "vsv"), [(D(2002, 6, 2), True), (D(2002, 6, 1), False)])
def test_4_vsv_below_23(geboren: dt.date, vsv: bool) -> None:
    # on 2025-06-01 the first is 22, the second turns 23
    assert beoordeel_uitschrijving(geboren, D(2025, 6, 1)).voortijdig_schoolverlater is vsv


@pytest.mark.parametrize(("werk", "vsv"), [(True, False), (False, True)])
def test_4_entree_diploma_with_arbeidsovereenkomst_is_no_vsv(werk: bool, vsv: bool) -> None:
    # WEB art. 8.3.1 lid 2 (text until 2025-12-31)
    a = beoordeel_uitschrijving(
        D(2005, 6, 1), D(2025, 6, 1), hoogste_diploma="MBO-1", arbeidsovereenkomst=werk
    )
    assert a.voortijdig_schoolverlater is vsv


@pytest.mark.parametrize(("begin", "found"), [(D(2025, 7, 31), True), (D(2025, 8, 1), False)])
def test_4_bbl_only_after_the_full_leerplicht(begin: dt.date, found: bool) -> None:
    # WEB art. 8.1.1 lid 3; Leerplichtwet 1969 art. 3 lid 1: born 2009-07-31, 16 on 2025-07-31, the
    # volledige leerplicht ends at the end of that school year (2025-07-31)
    student = Student(
        studentnummer="S1", persoonsgegevens=Persoonsgegevens(geboortedatum=OnvolledigeDatum(2009, 7, 31))
    )
    e = _enrolment(_periode(begin, leertraject="BBL"), datum_inschrijving=begin, gepland=D(2028, 7, 31))
    assert ("ROD.INSCHRIJVING.BBL_LEERPLICHT" in _ids(MboStudentRecord(student, [e]))) is found


# ------------------------------------------------------------------- 5. the absence report (art. 8.1.7)

AFWEZIG = {
    "geboortedatum": D(1985, 1, 1),
    "leertraject": "BOL",
    "niveau": "MBO-4",
    "studiefinanciering": True,
    "afwezig_van": D(2025, 3, 3),
    "afwezig_tot": D(2025, 4, 6),  # 35 days: five weeks
}


@pytest.mark.parametrize(("voor_2005", "due"), [(True, True), (False, False)])
def test_5_lid_11_b_studiefinanciering_before_2005(voor_2005: bool, due: bool) -> None:
    o = melding_afwezigheid(**AFWEZIG, studiefinanciering_voor_2005=voor_2005)  # type: ignore[arg-type]
    assert o.melding_verplicht is due


@pytest.mark.parametrize(("gemeld_op", "found"), [(D(2025, 5, 2), False), (D(2025, 5, 5), True)])
def test_5_catalogue_rule_with_the_deadline(gemeld_op: dt.date, found: bool) -> None:
    # lid 5: by the fifth working day after the eight weeks (period ends 2025-04-27: deadline 2025-05-02)
    a = Afwezigheid(**{**AFWEZIG, "niveau": "MBO-2", "gemeld_op": gemeld_op})  # type: ignore[arg-type]
    assert ("ROD.AFWEZIGHEID.MELDING" in _ids(a)) is found
    assert "ROD.AFWEZIGHEID.MELDING" in {r.id for r in registry}


def test_5_the_cli_has_the_absence_report() -> None:
    from duo_domain.cli import EXIT_CODES

    assert "afwezigheid" in EXIT_CODES


# ---------------------------------------------------------------------------- 6. older MBO uitslagen


@pytest.mark.parametrize(
    ("datum", "regelset"),
    [
        (D(2020, 3, 15), Regelset.EKB_2020_03),
        (D(2020, 7, 31), Regelset.EKB_2020_03),
        (D(2020, 8, 1), Regelset.EKB_2020_08),
        (D(2022, 7, 31), Regelset.EKB_2020_08),
    ],
)
def test_6_every_datum_uitslag_from_2020_03_15_has_its_rule_set(datum: dt.date, regelset: Regelset) -> None:
    keuze = choose_regelset(cohort_start=D(2019, 8, 1), studieduur_jaren=3, datum_uitslag=datum)
    assert keuze.regelset is regelset


def test_6_before_the_earliest_text_is_refused() -> None:
    with pytest.raises(UnsupportedPeriod):
        choose_regelset(cohort_start=D(2017, 8, 1), studieduur_jaren=3, datum_uitslag=D(2020, 3, 14))


def _keuzedeel_uitslag(cohort: dt.date, cijfer: str) -> list[str]:
    inp = UitslagInput(
        niveau=3,
        cohort_start=cohort,
        studieduur_jaren=3,
        datum_uitslag=D(2022, 7, 1),
        keuzedelen=(KeuzedeelInput("K0067", Decimal(cijfer)),),
    )
    return [r.regel for r in compute_uitslag(inp).redenen]


@pytest.mark.parametrize(
    ("cohort", "redenen"),
    [
        (D(2020, 7, 31), []),  # started before 2020-08-01: only the exam being taken counts
        (D(2020, 8, 1), ["ROD.UITSLAG.KEUZEDEEL"]),  # the cohort of the keuzedelen slaag-zakregeling
    ],
)
def test_6_keuzedelen_graded_from_the_2020_cohort(cohort: dt.date, redenen: list[str]) -> None:
    assert _keuzedeel_uitslag(cohort, "5") == redenen


@pytest.mark.parametrize(
    ("cohort", "redenen"),
    [
        (D(2016, 7, 31), []),  # Ekb WEB art. 18 lid 1: no keuzedelen in the exam before the 2016 cohort
        (D(2016, 8, 1), ["ROD.UITSLAG.KEUZEDEEL_AFGELEGD"]),  # from then on the exam must have been taken
    ],
)
def test_6_keuzedelen_only_from_the_2016_cohort(cohort: dt.date, redenen: list[str]) -> None:
    inp = UitslagInput(
        niveau=4, cohort_start=cohort, studieduur_jaren=4, datum_uitslag=D(2020, 7, 1), keuzedelen=()
    )
    result = compute_uitslag(inp)
    assert [r.regel for r in result.redenen] == redenen
    assert result.regelset.keuzedelen_in_examen is (cohort >= D(2016, 8, 1))


def test_6_the_2020_text_judges_rekenen_only_as_taken() -> None:
    # Ekb WEB art. 17 lid 3 a, text of 2020-03-15: "het generieke examenonderdeel rekenen is afgelegd"
    def uitslag(rekenen: GeneriekInput | None) -> list[str]:
        parts = [GeneriekInput(Onderdeel.NEDERLANDS, eindcijfer=Decimal(6)),
                 GeneriekInput(Onderdeel.ENGELS, eindcijfer=Decimal(5))]  # fmt: skip
        inp = UitslagInput(
            niveau=4,
            cohort_start=D(2017, 8, 1),
            studieduur_jaren=3,
            datum_uitslag=D(2020, 6, 1),
            generieke_onderdelen=(*parts, *([rekenen] if rekenen else [])),
        )
        return [r.regel for r in compute_uitslag(inp).redenen]

    assert uitslag(GeneriekInput(Onderdeel.REKENEN, eindcijfer=Decimal(1))) == []
    assert uitslag(None) == ["ROD.UITSLAG.OVERGANG_REKENEN_AFGELEGD"]


# ------------------------------------------------------------------------ what to build: reference data


def test_reference_data_is_a_documented_file_format() -> None:
    ref = Referentiedata.from_dict(
        {"crebo": [{"code": "23301", "soort": "kwalificatiedossier"},
                   {"code": "25348", "soort": "kwalificatie", "ouder": "23301"}]}
    )  # fmt: skip
    assert ref.valt_binnen("25348", "23301")
    assert not ref.valt_binnen("23301", "25348")


# ------------------------------------------------------------- docs: a worked example per rule family


def test_every_rod_rule_family_has_a_worked_example_in_the_mbo_docs() -> None:
    import re
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs"
    blocks = "\n".join(
        block
        for page in ("mbo.md", "mbo-uitslag.md")
        for block in re.findall(r"```python\n(.*?)```", (docs / page).read_text(encoding="utf-8"), re.S)
    )
    in_examples = {m.group(1) for m in re.finditer(r"\b(ROD\.[A-Z_]+)\.", blocks)}
    families = {".".join(r.id.split(".")[:2]) for r in registry if r.id.startswith("ROD.")}
    assert families - in_examples == set()
