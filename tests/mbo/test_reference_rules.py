"""Reference data (crebo hierarchy, RIO, SBB) and the rules that use it.

Cases from the sources: WEB art. 8.1.1 lid 2 (an enrolment is for an opleidingsdomein, a
kwalificatiedossier or a kwalificatie), WEB art. 8.1.1 lid 3 with Leerplichtwet 1969 art. 3 lid 1
(BBL only once the volledige leerplicht ended, at the latest at the end of the school year in which
one turns 16), PvE MBO-instelling 4.8.2 §15.5.4 (onderwijslocatie as registered in RIO) and §15.5.6
(leerbedrijf id given by SBB).
"""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.errors import InvalidDocument
from duo_domain.identity import Student
from duo_domain.identity.student import OnvolledigeDatum, Persoonsgegevens
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.reference import CreboSoort, Referentiedata, voorbeeld
from duo_domain.mbo.results import Diploma
from duo_domain.mbo.rules import einde_volledige_leerplicht_uiterlijk
from duo_domain.rules import registry, validate

D = dt.date


def _record(
    *codes: str,
    diploma_code: str,
    leertraject: str = "BOL",
    geboren: OnvolledigeDatum | None = None,
    bpv: BpvAgreement | None = None,
    begin: dt.date = dt.date(2023, 8, 1),
) -> MboStudentRecord:
    perioden = [
        Periode(
            begin.replace(year=begin.year + i),
            c,
            leertraject,
            True,  # noqa: FBT003
            onderwijsaanbieder="100A501",
            onderwijslocatie="101X591",
        )
        for i, c in enumerate(codes)
    ]
    e = Enrolment("C1", "25LX", begin, D(2026, 7, 31), perioden)
    d = Diploma("D1", diploma_code, D(2026, 7, 1), True, "C1")  # noqa: FBT003
    student = Student(
        studentnummer="S1", persoonsgegevens=Persoonsgegevens(geboortedatum=geboren) if geboren else None
    )
    return MboStudentRecord(student, [e], bpv_overeenkomsten=[bpv] if bpv else [], diplomas=[d])


def _ids(report: object) -> list[str]:
    return [f.rule_id for f in report]  # type: ignore[attr-defined]


# ----------------------------------------------------------------- the file format


def test_fixture_reads_and_round_trips() -> None:
    ref = voorbeeld()
    assert ref.crebo_code("25348").soort is CreboSoort.KWALIFICATIE  # type: ignore[union-attr]
    assert Referentiedata.from_dict(ref.to_dict()) == ref


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"crebo": [{"code": "2530", "soort": "kwalificatie"}]}, "$.crebo[0].code"),
        ({"crebo": [{"code": "25300", "soort": "dossier"}]}, "$.crebo[0].soort"),
        ({"crebo": [{"code": "25300", "soort": "kwalificatie", "ouder": "23000"}]}, "$.crebo[0].ouder"),
        # a dossier cannot sit under a kwalificatie
        (
            {
                "crebo": [
                    {"code": "25300", "soort": "kwalificatie"},
                    {"code": "23000", "soort": "kwalificatiedossier", "ouder": "25300"},
                ]
            },
            "$.crebo[1].ouder",
        ),
        ({"onderwijslocaties": {"100A501": ["101A591"]}}, "$.onderwijslocaties.100A501[0]"),
        ({"leerbedrijven": ["99999999"]}, "$.leerbedrijven[0]"),
        ({"crebos": []}, "$.crebos"),
    ],
)
def test_malformed_reference_data_is_refused_with_a_path(data: object, path: str) -> None:
    with pytest.raises(InvalidDocument) as err:
        Referentiedata.from_dict(data)
    assert err.value.path == path


def test_not_json_is_an_invalid_document() -> None:
    with pytest.raises(InvalidDocument):
        Referentiedata.loads("{")
    with pytest.raises(InvalidDocument):
        Referentiedata.loads("[" * 100_000)


# ----------------------------------------------------------------- diploma and enrolment (WEB 8.1.1 lid 2)


def test_entree_diploma_on_the_dossier_is_no_afkeur() -> None:
    record = _record("23301", diploma_code="25348")
    with_hierarchy = validate(record, referentiedata=voorbeeld())
    assert "ROD.DIPLOMA.INSCHRIJVING" not in _ids(with_hierarchy)
    assert "ROD.REFERENTIEDATA.NIET_GECONTROLEERD" not in _ids(with_hierarchy)
    without = validate(record)
    assert "ROD.DIPLOMA.INSCHRIJVING" not in _ids(without)
    signaal = [f for f in without if f.rule_id == "ROD.REFERENTIEDATA.NIET_GECONTROLEERD"]
    assert [(f.path, f.severity.value) for f in signaal] == [("$.diplomas[0].opleidingscode", "signaal")]


def test_proven_mismatch_is_an_afkeur() -> None:
    record = _record("25655", diploma_code="25348")
    found = [
        f for f in validate(record, referentiedata=voorbeeld()) if f.rule_id == "ROD.DIPLOMA.INSCHRIJVING"
    ]
    assert [(f.path, f.is_error) for f in found] == [("$.diplomas[0].opleidingscode", True)]


def test_same_code_needs_no_hierarchy() -> None:
    assert not {"ROD.DIPLOMA.INSCHRIJVING", "ROD.REFERENTIEDATA.NIET_GECONTROLEERD"} & set(
        _ids(validate(_record("25655", diploma_code="25655")))
    )


# ----------------------------------------------------------------- RIO and SBB


def test_onderwijslocatie_against_rio() -> None:
    good = Periode(
        D(2023, 8, 1),
        "25655",
        "BOL",
        indicatie_bekostigbaar=True,
        onderwijsaanbieder="100A501",
        onderwijslocatie="101X591",
    )
    bad = Periode(
        D(2023, 8, 1),
        "25655",
        "BOL",
        indicatie_bekostigbaar=True,
        onderwijsaanbieder="100A501",
        onderwijslocatie="101X592",
    )
    ref = voorbeeld()
    assert "ROD.PERIODE.ONDERWIJSLOCATIE_RIO" not in _ids(validate(good, referentiedata=ref))
    assert "ROD.PERIODE.ONDERWIJSLOCATIE_RIO" in _ids(validate(bad, referentiedata=ref))
    assert "ROD.PERIODE.ONDERWIJSLOCATIE_RIO" not in _ids(validate(bad))  # nothing to compare with


def test_unknown_aanbieder_is_reported_as_not_checked() -> None:
    ref = Referentiedata.from_dict({"onderwijslocaties": {"100A500": ["101X589"]}, "leerbedrijven": []})
    found = [
        f.path
        for f in validate(_record("25655", diploma_code="25655"), referentiedata=ref)
        if f.rule_id == "ROD.REFERENTIEDATA.NIET_GECONTROLEERD"
    ]
    assert found == ["$.inschrijvingen[0].perioden[0].onderwijslocatie"]


def test_leerbedrijf_against_sbb() -> None:
    bpv = BpvAgreement("C1", "B1", D(2023, 8, 1), D(2023, 9, 1), D(2024, 7, 1), leerbedrijf_id="100018965")
    unknown = BpvAgreement(
        "C1", "B1", D(2023, 8, 1), D(2023, 9, 1), D(2024, 7, 1), leerbedrijf_id="100018966"
    )
    ref = voorbeeld()
    assert "ROD.BPV.LEERBEDRIJF_SBB" not in _ids(validate(bpv, referentiedata=ref))
    assert "ROD.BPV.LEERBEDRIJF_SBB" in _ids(validate(unknown, referentiedata=ref))
    no_list = Referentiedata.from_dict({})
    assert "ROD.BPV.LEERBEDRIJF_SBB" not in _ids(validate(unknown, referentiedata=no_list))


# ------------------------------------------------ BBL and leerplicht (WEB 8.1.1 lid 3, LPW art. 3)


@pytest.mark.parametrize(
    ("geboren", "einde"),
    [(D(2009, 7, 31), D(2025, 7, 31)), (D(2009, 8, 1), D(2026, 7, 31)), (D(2010, 1, 15), D(2026, 7, 31))],
)
def test_end_of_volledige_leerplicht(geboren: dt.date, einde: dt.date) -> None:
    assert einde_volledige_leerplicht_uiterlijk(geboren) == einde


@pytest.mark.parametrize(("begin", "flagged"), [(D(2025, 7, 31), True), (D(2025, 8, 1), False)])
def test_bbl_only_after_volledige_leerplicht(begin: dt.date, flagged: bool) -> None:
    record = _record(
        "25655", diploma_code="25655", leertraject="BBL", geboren=OnvolledigeDatum(2009, 7, 31), begin=begin
    )
    assert ("ROD.INSCHRIJVING.BBL_LEERPLICHT" in _ids(validate(record))) is flagged


def test_bol_is_not_judged_and_incomplete_birth_date_counts_from_its_first_day() -> None:
    bol = _record("25655", diploma_code="25655", geboren=OnvolledigeDatum(2010, 1, 1), begin=D(2024, 8, 1))
    assert "ROD.INSCHRIJVING.BBL_LEERPLICHT" not in _ids(validate(bol))
    # born some day in 2009: earliest 2009-01-01, leerplicht ends 2025-07-31 at the latest
    bbl = _record(
        "25655", diploma_code="25655", leertraject="BBL", geboren=OnvolledigeDatum(2009), begin=D(2025, 8, 1)
    )
    assert "ROD.INSCHRIJVING.BBL_LEERPLICHT" not in _ids(validate(bbl))


# ----------------------------------------------------------------- dates, sources and severity origins


def test_every_rod_rule_states_its_severity_origin() -> None:
    rod = [r for r in registry if r.id.startswith("ROD.")]
    assert rod
    assert {r.severity_origin for r in rod} <= {"DUO", "library"}
    assert all(r.severity_origin for r in rod)


@pytest.mark.parametrize(
    ("rule_id", "van", "tot"),
    [
        ("ROD.INSCHRIJVING.ONDERWIJSLOCATIE", D(2019, 8, 1), None),
        ("ROD.PERIODE.LEERROUTEFASE", D(2020, 8, 1), None),
        ("ROD.RESULTAAT.GENERIEK_CODE_COHORT", D(2022, 8, 1), D(2027, 7, 31)),
    ],
)
def test_validity_periods(rule_id: str, van: dt.date, tot: dt.date | None) -> None:
    rule = registry.get(rule_id)
    assert (rule.geldig_van, rule.geldig_tot) == (van, tot)
    assert not rule.in_force(van - dt.timedelta(days=1))
    assert rule.in_force(van)


def test_dip_is_section_15_5_7() -> None:
    assert "§15.5.7 Recordsoort DIP" in registry.get("ROD.DIPLOMA.OPLEIDINGSCODE").source
