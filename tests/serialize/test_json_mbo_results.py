"""JSON for the results in an MBO student record: diplomas, parts, vrijstellingen, keuzedelen, AMvB."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

from duo_domain.errors import InvalidDocument
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
from duo_domain.rules import validate
from duo_domain.serialize.json import dumps_mbo, loads_mbo, make_converter, structure_mbo, unstructure_mbo


def _doc(**diploma: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "resultaatvolgnummer": "D1",
        "opleidingscode": "25655",
        "datum_resultaat": "2026-07-10",
        "indicatie_bekostigbaar": True,
        "inschrijvingvolgnummer": "C3",
    }
    base.update(diploma)
    return {"student": {"studentnummer": "S1"}, "diplomas": [base]}


def test_full_record_round_trip(build: Any) -> None:
    geo = GeneriekExamenonderdeel(
        "G1",
        "3005",
        eindcijfer=Decimal(6),
        cijfer_ie=Decimal("6.9"),
        cijfer_ce=Decimal("4.10"),
        vrijstellingen=(Exemption("MBO", VrijstellingOmvang.IE), Exemption("XYZ", grondslag="eigen")),
    )
    d = build.diploma(
        generieke_examenonderdelen=(geo,),
        keuzedelen=(
            KeuzedeelResultaat("K1", "K0067", KeuzedeelUitkomst.NIET_BEHAALD, eindcijfer=Decimal(5)),
        ),
        amvb_onderdelen=(AmvbOnderdeel("A1", "C0004"),),
        niveau=4,
        cohort_start=dt.date(2023, 8, 1),
    )
    losse = LosseResultaten(
        generieke_examenonderdelen=(
            GeneriekExamenonderdeel(
                "G9", "3013", cijfer_ce=Decimal("7.0"), datum_resultaat=dt.date(2025, 6, 1)
            ),
        ),
        keuzedelen=(
            KeuzedeelResultaat(
                "K9", "K0161", KeuzedeelUitkomst.BEHAALD, certificaat=True, inschrijvingvolgnummer="C3"
            ),
        ),
        amvb_onderdelen=(AmvbOnderdeel("A9", "C0004", certificaat=True, onderwijsaanbieder="100A501"),),
    )
    r = build.record(diplomas=[d], losse_resultaten=losse)
    text = dumps_mbo(r)
    assert loads_mbo(text) == r
    data = json.loads(text)
    part = data["diplomas"][0]["generieke_examenonderdelen"][0]
    assert part["cijfer_ce"] == "4.10"
    assert part["eindcijfer"] == "6"
    assert part["vrijstellingen"] == [
        {"code": "MBO", "omvang": "ie"},
        {"code": "XYZ", "grondslag": "eigen"},
    ]
    assert data["diplomas"][0]["keuzedelen"][0]["resultaat"] == "Niet behaald"
    assert data["diplomas"][0]["cohort_start"] == "2023-08-01"
    assert data["losse_resultaten"]["amvb_onderdelen"][0]["certificaat"] is True


def test_empty_results_are_left_out(build: Any) -> None:
    data = unstructure_mbo(build.record())
    assert "diplomas" not in data
    assert "losse_resultaten" not in data
    back = structure_mbo({**data, "diplomas": [], "losse_resultaten": {}})
    assert back == build.record()


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("6.9", Decimal("6.9")),
        ("6.90", Decimal("6.90")),
        ('"6.9"', Decimal("6.9")),
        ('"6.50"', Decimal("6.50")),
        ("7", Decimal(7)),
        ('"7"', Decimal(7)),
        ("0.1", Decimal("0.1")),
        ("5.45", Decimal("5.45")),
        ("65E-1", Decimal("6.5")),
    ],
)
def test_grades_are_read_exactly(wire: str, expected: Decimal) -> None:
    text = json.dumps(_doc(generieke_examenonderdelen=[{"resultaatvolgnummer": "G", "code": "3005"}]))
    text = text.replace('"code": "3005"', f'"code": "3005", "cijfer_ie": {wire}')
    record = loads_mbo(text)
    assert not isinstance(record, list)
    grade = record.diplomas[0].generieke_examenonderdelen[0].cijfer_ie
    assert isinstance(grade, Decimal)
    assert grade.as_tuple() == expected.as_tuple()  # the same digits, not only the same value
    assert json.loads(dumps_mbo(record))["diplomas"][0]["generieke_examenonderdelen"][0]["cijfer_ie"] == str(
        expected
    )


@pytest.mark.parametrize(
    "bad",
    [6.9, True, "6,9", "zes", "NaN", "Infinity", " 6.9", "6.", ".5", "1e99999999999999999999999", [], {}],
)
def test_bad_grades_are_refused(bad: object) -> None:
    data = _doc(generieke_examenonderdelen=[{"resultaatvolgnummer": "G", "code": "3005", "cijfer_ce": bad}])
    with pytest.raises(InvalidDocument) as info:
        structure_mbo(data)
    assert [p.path for p in info.value.problems] == ["$.diplomas[0].generieke_examenonderdelen[0].cijfer_ce"]


def test_a_json_number_out_of_range_is_a_document_error() -> None:
    text = json.dumps(_doc()).replace(
        '"indicatie_bekostigbaar": true', '"indicatie_bekostigbaar": 1e99999999999999999999'
    )
    with pytest.raises(InvalidDocument) as info:
        loads_mbo(text)
    assert [p.path for p in info.value.problems] == ["$.diplomas[0].indicatie_bekostigbaar"]


def test_a_positive_exponent_is_written_in_full_and_reads_back_equal() -> None:
    geo = {"resultaatvolgnummer": "G", "code": "3005", "cijfer_ie": Decimal("1E+1")}
    record = structure_mbo(_doc(generieke_examenonderdelen=[geo]))
    text = dumps_mbo(record)
    assert '"cijfer_ie": "10"' in text
    assert loads_mbo(text) == record
    with pytest.raises(InvalidDocument, match=r"decimal number such as 6\.5"):
        structure_mbo(_doc(generieke_examenonderdelen=[{**geo, "cijfer_ie": "1E+1"}]))


def test_a_float_is_refused_with_the_reason() -> None:
    data = _doc(
        keuzedelen=[{"resultaatvolgnummer": "K", "code": "K0067", "resultaat": "Behaald", "eindcijfer": 7.0}]
    )
    with pytest.raises(InvalidDocument) as info:
        structure_mbo(data)
    assert "binary float" in info.value.problems[0].message


def test_a_grade_out_of_range_is_a_finding_not_a_document_error() -> None:
    record = structure_mbo(
        _doc(generieke_examenonderdelen=[{"resultaatvolgnummer": "G", "code": "3005", "cijfer_ie": "10.1"}])
    )
    paths = {f.rule_id: f.path for f in validate(record)}
    assert paths["ROD.RESULTAAT.CIJFER_BEREIK"] == "$.diplomas[0].generieke_examenonderdelen[0].cijfer_ie"


def test_every_bad_path_in_the_results_is_listed() -> None:
    data = _doc(
        resultaatvolgnummer=1,
        datum_resultaat="2026-7-10",
        indicatie_bekostigbaar="J",
        niveau=5,
        generieke_examenonderdelen=[
            {
                "resultaatvolgnummer": "G",
                "code": "3005",
                "cijfer_ie": "6,5",
                "vrijstellingen": [{"code": "MBO", "omvang": "IE"}, {"omvang": "ie"}],
            }
        ],
        keuzedelen=[{"resultaatvolgnummer": "K", "code": "K0067", "resultaat": "behaald"}],
        amvb_onderdelen=[{"resultaatvolgnummer": "A", "code": "C1", "certificaat": "J", "x": 1}],
    )
    data["losse_resultaten"] = {"keuzedelen": [{"resultaatvolgnummer": "K", "code": "K0067"}], "y": 2}
    with pytest.raises(InvalidDocument) as info:
        structure_mbo(data)
    paths = [p.path for p in info.value.problems]
    assert paths == [
        "$.diplomas[0].resultaatvolgnummer",
        "$.diplomas[0].datum_resultaat",
        "$.diplomas[0].indicatie_bekostigbaar",
        "$.diplomas[0].generieke_examenonderdelen[0].cijfer_ie",
        "$.diplomas[0].generieke_examenonderdelen[0].vrijstellingen[0].omvang",
        "$.diplomas[0].generieke_examenonderdelen[0].vrijstellingen[1].code",
        "$.diplomas[0].keuzedelen[0].resultaat",
        "$.diplomas[0].amvb_onderdelen[0].certificaat",
        "$.diplomas[0].amvb_onderdelen[0].x",
        "$.losse_resultaten.keuzedelen[0].resultaat",
        "$.losse_resultaten.y",
    ]


def test_a_class_validator_names_its_field() -> None:
    with pytest.raises(InvalidDocument) as info:
        structure_mbo(_doc(niveau=5))
    [problem] = info.value.problems
    assert problem.path == "$.diplomas[0].niveau"
    assert "1-4" in problem.message


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ({"diplomas": {}}, "$.diplomas"),
        ({"diplomas": [7]}, "$.diplomas[0]"),
        ({"losse_resultaten": []}, "$.losse_resultaten"),
    ],
)
def test_wrong_shapes(value: dict[str, Any], path: str) -> None:
    with pytest.raises(InvalidDocument) as info:
        structure_mbo({"student": {}, **value})
    assert [p.path for p in info.value.problems] == [path]


@pytest.mark.parametrize(
    ("cls", "data"),
    [
        (Exemption, {"code": "MBO", "omvang": "geheel"}),
        (KeuzedeelResultaat, {"resultaatvolgnummer": "K", "code": "K0067", "resultaat": "Behaald"}),
        (AmvbOnderdeel, {"resultaatvolgnummer": "A", "code": "C0004", "certificaat": True}),
        (
            LosseResultaten,
            {"keuzedelen": [{"resultaatvolgnummer": "K", "code": "K0067", "resultaat": "Behaald"}]},
        ),
        (
            Diploma,
            {
                "resultaatvolgnummer": "D",
                "opleidingscode": "25655",
                "datum_resultaat": "2026-07-10",
                "indicatie_bekostigbaar": False,
                "inschrijvingvolgnummer": "C3",
                "niveau": 4,
            },
        ),
    ],
)
def test_each_class_on_its_own(cls: type, data: dict[str, Any]) -> None:
    conv = make_converter()
    obj: object = conv.structure(data, cls)
    assert isinstance(obj, cls)
    assert conv.unstructure(obj) == data


def test_an_empty_foreign_address_stays_foreign() -> None:
    from duo_domain.identity import BuitenlandsAdres, NederlandsAdres, Persoonsgegevens, Student
    from duo_domain.serialize.json import make_converter

    conv = make_converter()
    for adres in (BuitenlandsAdres(), NederlandsAdres()):
        student = Student(persoonsgegevens=Persoonsgegevens(geslachtsnaam="Jansen", adres=adres))
        data = conv.unstructure(student)
        assert conv.structure(data, Student) == student
    assert conv.unstructure(BuitenlandsAdres()) == {"landcode": None}


def test_structuring_a_large_batch_leaves_the_collector_alone() -> None:
    import gc

    from duo_domain.serialize.json import structure_mbo

    assert gc.isenabled()
    structure_mbo([_doc() for _ in range(2000)])
    assert gc.isenabled()
    gc.disable()
    try:
        structure_mbo([_doc() for _ in range(2000)])
        assert not gc.isenabled()
    finally:
        gc.enable()
