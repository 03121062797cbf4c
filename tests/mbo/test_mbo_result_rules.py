"""ROD.RESULTAAT.* and ROD.DIPLOMA.* rules: cases that pass and cases that fail."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace as Namespace

import pytest

from duo_domain.errors import InvalidValue
from duo_domain.identity import Student
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.reference import Referentiedata
from duo_domain.mbo.result_rules import (
    diploma_inschrijving_violations,
    uitschrijfdatum_violations,
)
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
from duo_domain.rules import registry, validate

D = Decimal
DAY = dt.date(2025, 1, 16)


def ids(obj: object) -> list[str]:
    return [f.rule_id for f in validate(obj)]


def diploma(*geos: GeneriekExamenonderdeel, **kw: object) -> Diploma:
    base: dict[str, object] = {
        "resultaatvolgnummer": "8286771",
        "opleidingscode": "25655",
        "datum_resultaat": DAY,
        "indicatie_bekostigbaar": True,
        "inschrijvingvolgnummer": "C3",
        "onderwijsaanbieder": "100A501",
        "generieke_examenonderdelen": geos,
    }
    base.update(kw)
    return Diploma(**base)  # type: ignore[arg-type]


def test_all_rules_have_sources() -> None:
    ours = [r for r in registry if r.id.startswith(("ROD.RESULTAAT.", "ROD.DIPLOMA."))]
    assert len(ours) == 12
    for r in ours:
        assert r.source
        assert r.guidance
        assert r.summary


@pytest.mark.parametrize(
    ("kw", "bad"),
    [
        ({"cijfer_ie": D("1.0"), "cijfer_ce": D("10.0"), "eindcijfer": D(6)}, False),
        ({"cijfer_ie": D("0.9")}, True),
        ({"cijfer_ce": D("10.1")}, True),
        ({"cijfer_ce": D("6.45")}, True),
        ({"eindcijfer": D(1)}, False),
        ({"eindcijfer": D(10)}, False),
        ({"eindcijfer": D(0)}, True),
        ({"eindcijfer": D(11)}, True),
        ({"eindcijfer": D("5.5")}, True),
    ],
)
def test_cijfer_bereik(kw: dict[str, Decimal], bad: bool) -> None:
    geo = GeneriekExamenonderdeel("1", "3005", **kw)  # type: ignore[arg-type]
    assert ("ROD.RESULTAAT.CIJFER_BEREIK" in ids(geo)) is bad


@pytest.mark.parametrize(
    ("eind", "ie", "ce", "bad"),
    [
        (6, "6.9", "4.1", False),
        (5, "6.9", "4.1", True),
        (5, "5.4", "5.5", False),
        (6, "5.4", "5.5", True),
        (7, None, None, False),
        (7, "6.5", None, False),
    ],
)
def test_eindcijfer_berekening(eind: int, ie: str | None, ce: str | None, bad: bool) -> None:
    geo = GeneriekExamenonderdeel("1", "3005", D(eind), D(ie) if ie else None, D(ce) if ce else None)
    assert ("ROD.RESULTAAT.EINDCIJFER_BEREKENING" in ids(geo)) is bad


@pytest.mark.parametrize(
    ("code", "datum", "bad"),
    [
        ("3005", None, False),
        ("3019", None, True),
        ("9999", None, True),
        ("3002", dt.date(2027, 7, 31), False),
        ("3002", dt.date(2027, 8, 1), True),
        ("3029", dt.date(2022, 7, 31), True),
        ("3029", dt.date(2022, 8, 1), False),
    ],
)
def test_generiek_code(code: str, datum: dt.date | None, bad: bool) -> None:
    geo = GeneriekExamenonderdeel("1", code, D(6), datum_resultaat=datum, inschrijvingvolgnummer="1")
    assert ("ROD.RESULTAAT.GENERIEK_CODE" in ids(geo)) is bad


@pytest.mark.parametrize(
    ("niveau", "code", "bad"),
    [
        (4, "3005", False),
        (4, "3001", True),
        (3, "3013", True),
        (3, "3028", False),
        (3, "3027", True),
        (2, "3005", False),
        (None, "3001", False),
    ],
)
def test_code_niveau(niveau: int | None, code: str, bad: bool) -> None:
    d = diploma(GeneriekExamenonderdeel("1", code, D(6)), niveau=niveau)
    found = [f for f in validate(d) if f.rule_id == "ROD.RESULTAAT.GENERIEK_CODE_NIVEAU"]
    assert bool(found) is bad
    if bad:
        assert found[0].path == "$.generieke_examenonderdelen[0].code"


@pytest.mark.parametrize(
    ("cohort", "code", "exempt", "datum", "bad"),
    [
        (dt.date(2022, 7, 31), "3006", False, DAY, False),
        (dt.date(2022, 8, 1), "3006", False, DAY, True),
        (dt.date(2022, 8, 1), "3006", True, DAY, False),  # a vrijstelling for an earlier exam
        (dt.date(2022, 8, 1), "3029", False, DAY, False),
        (None, "3006", False, DAY, False),
        (dt.date(2021, 8, 1), "3006", False, dt.date(2027, 7, 31), False),
        (dt.date(2021, 8, 1), "3006", False, dt.date(2027, 8, 1), True),
    ],
)
def test_code_cohort(cohort: dt.date | None, code: str, exempt: bool, datum: dt.date, bad: bool) -> None:
    vr = (Exemption("MBO", VrijstellingOmvang.GEHEEL),) if exempt else ()
    d = diploma(
        GeneriekExamenonderdeel("1", code, D(6), vrijstellingen=vr),
        cohort_start=cohort,
        datum_resultaat=datum,
    )
    assert ("ROD.RESULTAAT.GENERIEK_CODE_COHORT" in ids(d)) is bad


@pytest.mark.parametrize(
    ("opleiding", "aanbieder", "bad"),
    [
        ("25655", "100A501", None),
        ("2565A", "100A501", "ROD.DIPLOMA.OPLEIDINGSCODE"),  # AN5, but not a crebo code (digits)
        ("2565", "100A501", "ROD.FORMAAT.DIPLOMA.OPLEIDINGSCODE"),  # PvE §15.5.7 AN5..5
        ("25655", "100X501", "ROD.FORMAAT.DIPLOMA.ONDERWIJSAANBIEDER"),  # PvE §15.5.7 nnnAnnn
        ("25655", None, None),
    ],
)
def test_diploma_opleidingscode(opleiding: str, aanbieder: str | None, bad: str | None) -> None:
    d = diploma(opleidingscode=opleiding, onderwijsaanbieder=aanbieder)
    assert ids(d) == ([] if bad is None else [bad])


def test_vrijstelling_rules() -> None:
    assert ids(Exemption("MBO", VrijstellingOmvang.IE)) == []
    assert ids(Exemption("MBO")) == ["ROD.RESULTAAT.VRIJSTELLING_OMVANG"]
    assert ids(Exemption("HAVO", VrijstellingOmvang.GEHEEL)) == ["ROD.RESULTAAT.VRIJSTELLING_CODE"]
    geo = GeneriekExamenonderdeel("1", "3005", D(6), vrijstellingen=(Exemption("KZDL"),))
    found = [f for f in validate(geo) if f.rule_id == "ROD.RESULTAAT.VRIJSTELLING_OMVANG"]
    assert found[0].path == "$.vrijstellingen[0].omvang"


@pytest.mark.parametrize(
    ("code", "eind", "bad"),
    [
        ("K0067", None, None),
        ("K0067", D(6), None),
        ("X0067", None, "ROD.RESULTAAT.KEUZEDEEL"),
        ("K67", None, "ROD.FORMAAT.KEUZEDEEL.CODE"),  # PvE §15.5.10 Code keuzedeel AN5..5
        ("K0067", D(11), "ROD.RESULTAAT.KEUZEDEEL"),
    ],
)
def test_keuzedeel(code: str, eind: Decimal | None, bad: str | None) -> None:
    k = KeuzedeelResultaat("1", code, KeuzedeelUitkomst.BEHAALD, eindcijfer=eind)
    assert ids(k) == ([] if bad is None else [bad])


def test_losse_resultaten() -> None:
    ok = LosseResultaten(
        generieke_examenonderdelen=(
            GeneriekExamenonderdeel("1", "3001", D(6), datum_resultaat=DAY, inschrijvingvolgnummer="2"),
        ),
        amvb_onderdelen=(
            AmvbOnderdeel("3", "C0163", certificaat=True, datum_resultaat=DAY, inschrijvingvolgnummer="C1"),
        ),
    )
    assert ids(ok) == []
    bad = LosseResultaten(keuzedelen=(KeuzedeelResultaat("1", "K0161", KeuzedeelUitkomst.BEHAALD),))
    paths = [f.path for f in validate(bad) if f.rule_id == "ROD.RESULTAAT.LOS_GEGEVENS"]
    # PvE §15.5.10: the inschrijvingvolgnummer of a loose keuzedeel is optional ("Verplicht: Nee")
    assert paths == ["$.keuzedelen[0].datum_resultaat"]


#: Two unrelated kwalificaties: the hierarchy proves 25000 is not above 25655.
HIERARCHY = Referentiedata.from_dict(
    {"crebo": [{"code": "25655", "soort": "kwalificatie"}, {"code": "25000", "soort": "kwalificatie"}]}
)


def enrolment(
    volgnummer: str, *codes: str, einde: dt.date | None = None, aanbieder: str | None = None
) -> Namespace:
    return Namespace(
        inschrijvingvolgnummer=volgnummer,
        datum_uitschrijving_werkelijk=einde,
        perioden=[Namespace(opleidingscode=c, onderwijsaanbieder=aanbieder) for c in codes],
    )


def test_diploma_needs_enrolment_for_same_opleiding() -> None:
    d = diploma()
    assert list(diploma_inschrijving_violations(d, [enrolment("C3", "25000", "25655")])) == []
    missing = list(diploma_inschrijving_violations(d, [enrolment("C2", "25655")]))
    assert [v.path for v in missing] == ["inschrijvingvolgnummer"]
    # without a crebo hierarchy a differing code may be the dossier above 25655: no afkeur
    assert list(diploma_inschrijving_violations(d, [enrolment("C3", "25000")], path="diploma")) == []
    other = list(
        diploma_inschrijving_violations(
            d, [enrolment("C3", "25000")], path="diploma", referentiedata=HIERARCHY
        )
    )
    assert [v.path for v in other] == ["diploma.opleidingscode"]
    elsewhere = list(diploma_inschrijving_violations(d, [enrolment("C3", "25655", aanbieder="100A498")]))
    assert [v.path for v in elsewhere] == ["onderwijsaanbieder"]
    same = list(diploma_inschrijving_violations(d, [enrolment("C3", "25655", aanbieder="100A501")]))
    assert same == []


@pytest.mark.parametrize(
    ("einde", "bad"),
    [(None, False), (DAY, False), (DAY + dt.timedelta(days=1), True), (DAY - dt.timedelta(days=1), True)],
)
def test_uitschrijfdatum(einde: dt.date | None, bad: bool) -> None:
    found = list(uitschrijfdatum_violations(diploma(), [enrolment("C3", "25655", einde=einde)]))
    assert bool(found) is bad
    assert list(uitschrijfdatum_violations(diploma(), [])) == []


def _record(*diplomas: Diploma, einde: dt.date | None = None, code: str = "25655") -> MboStudentRecord:
    periode = Periode(dt.date(2023, 1, 30), code, "BBL", True, onderwijsaanbieder="100A501")  # noqa: FBT003
    e = Enrolment("C3", "27DV", dt.date(2023, 1, 30), dt.date(2025, 1, 29), [periode], einde)
    return MboStudentRecord(Student(studentnummer="S1"), [e], diplomas=diplomas)


def test_cross_rules_registered_on_the_record() -> None:
    record = _record(diploma(), einde=DAY + dt.timedelta(days=3), code="25000")
    found = {
        f.rule_id: f.path
        for f in validate(record, referentiedata=HIERARCHY)
        if f.rule_id.startswith("ROD.DIPLOMA.")
    }
    assert found == {
        "ROD.DIPLOMA.INSCHRIJVING": "$.diplomas[0].opleidingscode",
        "ROD.DIPLOMA.UITSCHRIJFDATUM": "$.diplomas[0].datum_resultaat",
    }
    assert [r.applies_to for r in registry if r.id in found] == [MboStudentRecord, MboStudentRecord]


@pytest.mark.parametrize(
    ("einde", "expected"),
    [
        (None, []),
        (DAY, []),
        (DAY + dt.timedelta(days=1), ["ROD.DIPLOMA.UITSCHRIJFDATUM"]),
        (DAY - dt.timedelta(days=1), ["ROD.DIPLOMA.UITSCHRIJFDATUM"]),
    ],
)
def test_record_uitschrijfdatum(einde: dt.date | None, expected: list[str]) -> None:
    found = [
        f.rule_id for f in validate(_record(diploma(), einde=einde)) if f.rule_id.startswith("ROD.DIPLOMA.")
    ]
    assert found == expected


def test_record_paths_per_diploma() -> None:
    record = _record(diploma(), diploma(resultaatvolgnummer="D2", inschrijvingvolgnummer="C9"))
    found = [(f.rule_id, f.path) for f in validate(record) if f.rule_id.startswith("ROD.DIPLOMA.")]
    assert found == [("ROD.DIPLOMA.INSCHRIJVING", "$.diplomas[1].inschrijvingvolgnummer")]
    listed = validate([_record(), record])
    assert [f.path for f in listed if f.rule_id == "ROD.DIPLOMA.INSCHRIJVING"] == [
        "$[1].diplomas[1].inschrijvingvolgnummer"
    ]


def test_record_without_diplomas_is_not_judged() -> None:
    assert [f.rule_id for f in validate(_record()) if f.rule_id.startswith("ROD.DIPLOMA.")] == []


def test_type_checks_on_construction() -> None:
    with pytest.raises(InvalidValue, match=r"GeneriekExamenonderdeel\.eindcijfer: .*got binary float"):
        GeneriekExamenonderdeel("1", "3005", 6.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"generieke_examenonderdelen\[0\]"):
        diploma(generieke_examenonderdelen=["3005"])
    with pytest.raises(InvalidValue, match="datum_resultaat: expected a date"):
        diploma(datum_resultaat=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(ValueError, match="niveau"):
        diploma(niveau=5)


def test_with_the_library_enrolment() -> None:
    enrolment_mod = pytest.importorskip("duo_domain.mbo.enrolment")
    periode = enrolment_mod.Periode(dt.date(2023, 1, 30), "25655", "BBL", True, onderwijsaanbieder="100A501")  # noqa: FBT003
    e = enrolment_mod.Enrolment("C3", "27DV", dt.date(2023, 1, 30), dt.date(2025, 1, 29), [periode], DAY)
    assert list(diploma_inschrijving_violations(diploma(), [e])) == []
    assert list(uitschrijfdatum_violations(diploma(), [e])) == []
    late = enrolment_mod.Enrolment(
        "C3", "27DV", dt.date(2023, 1, 30), dt.date(2025, 1, 29), [periode], DAY.replace(day=20)
    )
    assert [v.path for v in uitschrijfdatum_violations(diploma(), [late])] == ["datum_resultaat"]
