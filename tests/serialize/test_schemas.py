"""The JSON Schemas shipped in the package are valid, and the documents the library accepts satisfy them."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib.resources import files
from typing import Any

import jsonschema
import pytest

SCHEMAS = [
    ("duo_domain.mbo", "schemas/mbo-student.schema.json"),
    ("duo_domain.mbo", "schemas/mbo-uitslag.schema.json"),
    ("duo_domain.vo", "data/cijferlijst.schema.json"),
    ("duo_domain.vo", "data/uitslag.schema.json"),
]


def _schema(package: str, path: str) -> dict[str, Any]:
    # Numbers exact, as the schemas mean them (multipleOf 0.1 in decimal arithmetic).
    loaded: dict[str, Any] = json.loads(files(package).joinpath(path).read_text("utf-8"), parse_float=Decimal)
    return loaded


def _exact(data: Any) -> Any:
    """``data`` as the library reads it: every JSON number exact."""
    return json.loads(json.dumps(data, default=str), parse_float=Decimal)


@pytest.mark.parametrize(("package", "path"), SCHEMAS)
def test_schema_is_a_valid_draft_2020_12_schema(package: str, path: str) -> None:
    schema = _schema(package, path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


MBO_UITSLAG = {
    "sector": "mbo",
    "niveau": 4,
    "cohort_start": "2023-08-01",
    "studieduur_jaren": 3,
    "datum_uitslag": "2026-07-01",
    "generieke_onderdelen": [
        {"onderdeel": "nederlands", "code": "3005", "ie": 6.9, "ce": 4.1},
        {"onderdeel": "engels", "ie": 7.0, "ce": 6.0},
        {"onderdeel": "rekenen", "eindcijfer": 5},
        {"onderdeel": "rekenen", "beoordeling": "voldaan"},
    ],
    "specifieke_onderdelen": [{"eindcijfer": 7}, {"beoordeling": "voldoende"}],
    "loopbaan_en_burgerschap": "voldaan",
    "keuzedelen": [{"code": "K0067", "eindcijfer": 7}],
}


def test_the_documented_mbo_uitslag_example_and_its_result_satisfy_the_schemas() -> None:
    from duo_domain.mbo.uitslag import compute_uitslag
    from duo_domain.serialize.json import structure_mbo_uitslag

    jsonschema.validate(_exact(MBO_UITSLAG), _schema("duo_domain.mbo", "schemas/mbo-uitslag.schema.json"))
    result = compute_uitslag(structure_mbo_uitslag(_exact(MBO_UITSLAG))).to_dict()
    assert result["uitslag"] == "geslaagd"


def test_the_demo_institution_satisfies_the_student_record_schema() -> None:
    data = json.loads(files("duo_domain.mbo").joinpath("data/demo-instelling.json").read_text("utf-8"))
    records = data if isinstance(data, list) else data.get("records", data)
    schema = _schema("duo_domain.mbo", "schemas/mbo-student.schema.json")
    validator = jsonschema.Draft202012Validator(schema)
    items = records if isinstance(records, list) else [records]
    assert items
    for record in items[:50]:
        errors = sorted(validator.iter_errors(record), key=str)
        assert errors == [], errors[0].message if errors else ""


VO_CIJFERLIJST = {
    "schoolsoort": "havo",
    "examenjaar": 2026,
    "vakken": [
        {"vakcode": "1001", "se": 6.4, "ce": 6.0},
        {"vakcode": "1002", "se": 6.8, "ce": 6.5},
        {"vakcode": "1024", "se": 6.0, "ce": 5.9},
        {"vakcode": "1022", "se": 7.0, "ce": 6.6},
        {"vakcode": "1021", "se": 6.0, "ce": 6.1},
        {"vakcode": "1034", "se": 6.5, "ce": 6.4},
        {"vakcode": "1019", "se": 7},
        {"vakcode": "1020", "se": 7},
        {"vakcode": "0353", "beoordeling": "voldoende"},
        {"vakcode": "0131", "se": 6.3, "ce": 6.1, "extra": True},
        {"vakcode": "1700", "se": 6.0, "ce": 6.5, "rol": "profielvak"},
        {"vakcode": "1701", "se": 7, "rol": "keuzevak"},
    ],
    "profielwerkstuk": {"cijfer": 7},
}


def test_the_documented_vo_example_and_its_result_satisfy_the_schemas() -> None:
    from duo_domain.serialize.json import loads_cijferlijst
    from duo_domain.vo import compute_uitslag

    jsonschema.validate(_exact(VO_CIJFERLIJST), _schema("duo_domain.vo", "data/cijferlijst.schema.json"))
    result = compute_uitslag(loads_cijferlijst(json.dumps(VO_CIJFERLIJST))).to_dict()
    jsonschema.validate(_exact(result), _schema("duo_domain.vo", "data/uitslag.schema.json"))
    assert result["uitslag"] == "geslaagd"
