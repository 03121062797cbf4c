"""The MBO uitslag JSON document: reading, every bad path, and the output contract."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from duo_domain.errors import InvalidDocument, UnsupportedPeriod
from duo_domain.mbo.uitslag import compute_uitslag
from duo_domain.serialize.json import structure_mbo_uitslag

EXAMPLE = """{
  "sector": "mbo",
  "niveau": 4,
  "cohort_start": "2023-08-01",
  "studieduur_jaren": 3,
  "datum_uitslag": "2026-07-01",
  "generieke_onderdelen": [
    {"onderdeel": "nederlands", "code": "3005", "ie": 6.9, "ce": 4.1},
    {"onderdeel": "engels", "ie": 7.0, "ce": 6.0},
    {"onderdeel": "rekenen", "eindcijfer": 5},
    {"onderdeel": "rekenen", "beoordeling": "voldaan"}
  ],
  "specifieke_onderdelen": [{"eindcijfer": 7}, {"beoordeling": "voldoende"}],
  "loopbaan_en_burgerschap": "voldaan",
  "keuzedelen": [{"code": "K0067", "eindcijfer": 7}]
}"""


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE, parse_float=Decimal)
    return data


def problems(data: object) -> list[tuple[str, str]]:
    with pytest.raises(InvalidDocument) as info:
        compute_uitslag(structure_mbo_uitslag(data))
    return [(p.path, p.message) for p in info.value.problems]


def test_issue_example() -> None:
    out = compute_uitslag(structure_mbo_uitslag(example())).to_dict()
    assert set(out) == {"uitslag", "regelset", "eindcijfers", "beoordeeld", "redenen"}
    assert out["uitslag"] == "geslaagd"
    assert out["regelset"].startswith("ekb-2022: ")
    assert out["eindcijfers"] == {"nederlands": 6, "engels": 7, "rekenen": 5}
    assert out["beoordeeld"] == [
        "generieke_onderdelen",
        "specifieke_onderdelen",
        "loopbaan_en_burgerschap",
        "keuzedelen",
    ]
    assert out["redenen"] == []
    json.dumps(out)  # plain JSON


def test_failed_output_names_article() -> None:
    data = example()
    data["generieke_onderdelen"][0] = {"onderdeel": "nederlands", "ie": "5.4", "ce": "5.5"}
    out = compute_uitslag(structure_mbo_uitslag(data)).to_dict()
    assert out["uitslag"] == "afgewezen"
    assert out["redenen"] == [
        {
            "regel": "ROD.UITSLAG.NEDERLANDS_ENGELS_REKENEN",
            "artikel": "Ekb WEB art. 17 lid 3 onderdeel a",
            "toelichting": (
                "nederlands 5 and rekenen 5 are below 6; of nederlands, engels, rekenen only one may be 5"
            ),
        }
    ]


def test_regime_18c_in_output() -> None:
    data = example()
    data["cohort_start"] = "2022-07-31"
    data["generieke_onderdelen"][2] = {"onderdeel": "rekenen", "eindcijfer": 2}
    out = compute_uitslag(structure_mbo_uitslag(data)).to_dict()
    assert out["uitslag"] == "geslaagd"
    assert out["regelset"].startswith("overgangsrecht-18c: ")


def test_omitted_sections_are_not_judged() -> None:
    data = example()
    for key in ("specifieke_onderdelen", "loopbaan_en_burgerschap", "keuzedelen"):
        del data[key]
    u = compute_uitslag(structure_mbo_uitslag(data))
    assert u.to_dict()["beoordeeld"] == ["generieke_onderdelen"]
    assert "Niet opgegeven, dus niet beoordeeld: specifieke_onderdelen" in u.format_text()


def test_numbers_as_strings_ints_and_decimals_but_never_python_floats() -> None:
    data = example()
    data["generieke_onderdelen"][0] = {"onderdeel": "nederlands", "ie": "6.9", "ce": Decimal("4.1")}
    data["generieke_onderdelen"][1] = {"onderdeel": "engels", "ie": 7, "ce": "6"}
    out = compute_uitslag(structure_mbo_uitslag(data)).to_dict()
    assert out["eindcijfers"] == {"nederlands": 6, "engels": 7, "rekenen": 5}
    data["generieke_onderdelen"][0]["ce"] = 4.1  # a Python float: refused, never converted
    assert problems(data) == [
        (
            "$.generieke_onderdelen[0].ce",
            "expected a decimal number, got a binary float: read JSON with parse_json",
        )
    ]


def test_every_bad_path_is_listed() -> None:
    data = example()
    data["niveau"] = 5
    data["cohort_start"] = "2023-13-01"
    data["generieke_onderdelen"][0]["ie"] = "6,9"
    data["generieke_onderdelen"][1]["ce"] = Decimal("10.1")
    data["generieke_onderdelen"][2]["eindcijfer"] = Decimal("5.5")
    data["specifieke_onderdelen"][1] = {"beoordeling": "prima"}
    data["keuzedelen"][0]["eindcijfer"] = True
    data["loopbaan_en_burgerschap"] = "ja"
    data["bonus"] = 1
    paths = sorted(p for p, _ in problems(data))
    assert paths == sorted(
        [
            "$.bonus",
            "$.niveau",
            "$.cohort_start",
            "$.generieke_onderdelen[0].ie",
            "$.generieke_onderdelen[1].ce",
            "$.generieke_onderdelen[2].eindcijfer",
            "$.specifieke_onderdelen[1].beoordeling",
            "$.loopbaan_en_burgerschap",
            "$.keuzedelen[0].eindcijfer",
        ]
    )


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        ({"sector": "vo"}, "$.sector", "expected 'mbo'"),
        ({"studieduur_jaren": "3"}, "$.studieduur_jaren", "whole number"),
        ({"datum_uitslag": "2020-01-01"}, "$.datum_uitslag", "before cohort_start"),
        ({"instroom_studiejaar": 0}, "$.instroom_studiejaar", "whole number 1-6"),
        ({"generieke_onderdelen": {}}, "$.generieke_onderdelen", "expected an array"),
        ({"keuzedelen": [{"code": 7, "eindcijfer": 7}]}, "$.keuzedelen[0].code", "expected a string"),
        ({"keuzedelen": [{"eindcijfer": 7, "extra": "yes"}]}, "$.keuzedelen[0].extra", "true or false"),
        ({"specifieke_onderdelen": []}, "$.specifieke_onderdelen", "empty"),
        (
            {"specifieke_onderdelen": [{}]},
            "$.specifieke_onderdelen[0]",
            "either an eindcijfer or a beoordeling",
        ),
    ],
)
def test_single_problem(change: dict[str, Any], path: str, fragment: str) -> None:
    data = example()
    data.update(change)
    found = problems(data)
    assert any(p == path and fragment in m for p, m in found), found


@pytest.mark.parametrize(
    ("part", "path", "fragment"),
    [
        ({"onderdeel": "duits", "eindcijfer": 6}, ".onderdeel", "expected one of"),
        ({"eindcijfer": 6}, ".onderdeel", "missing"),
        ({"onderdeel": "rekenen"}, "", "exactly one of ie/ce"),
        ({"onderdeel": "rekenen", "eindcijfer": 6, "beoordeling": "voldaan"}, "", "exactly one of"),
        ({"onderdeel": "rekenen", "ie": 6, "eindcijfer": 6}, "", "exactly one of"),
        ({"onderdeel": "rekenen", "code": "3005", "eindcijfer": 6}, ".code", "not rekenen"),
        ({"onderdeel": "rekenen", "code": "3020", "eindcijfer": 6}, ".code", "not a code of"),
        ({"onderdeel": "rekenen", "eindcijfer": 6, "vrijstelling": "TOOLONG"}, ".vrijstelling", "1-4"),
        ({"onderdeel": "rekenen", "eindcijfer": 0}, ".eindcijfer", "whole number 1-10"),
        ({"onderdeel": "rekenen", "eindcijfer": 11}, ".eindcijfer", "whole number 1-10"),
        ({"onderdeel": "rekenen", "ie": "0.9"}, ".ie", "1.0-10.0"),
        ({"onderdeel": "rekenen", "ce": "10.1"}, ".ce", "1.0-10.0"),
        ({"onderdeel": "rekenen", "ce": "6.45"}, ".ce", "at most one decimal"),
        ({"onderdeel": "rekenen", "ce": None}, ".ce", "got null"),
        ({"onderdeel": "rekenen", "ce": Decimal("NaN")}, ".ce", "finite"),
        ({"onderdeel": "rekenen", "ce": [6]}, ".ce", "got array"),
        ({"onderdeel": "rekenen", "eindcijfer": 6, "cijfer": 6}, ".cijfer", "unknown key"),
        ("rekenen", "", "expected an object"),
    ],
)
def test_generic_part_problems(part: object, path: str, fragment: str) -> None:
    data = example()
    data["generieke_onderdelen"][3] = part
    found = problems(data)
    assert any(p == f"$.generieke_onderdelen[3]{path}" and fragment in m for p, m in found), found


@pytest.mark.parametrize("grade", ["1.0", "10.0", 1, 10])
def test_grade_edges_accepted(grade: object) -> None:
    data = example()
    data["generieke_onderdelen"][3] = {"onderdeel": "rekenen", "ce": grade}
    compute_uitslag(structure_mbo_uitslag(data))


def test_engels_only_at_niveau_4() -> None:
    data = example()
    data["niveau"] = 3
    assert problems(data)[0][0] == "$.generieke_onderdelen[1].onderdeel"


def test_several_keuzedelen_need_grades() -> None:
    data = example()
    data["keuzedelen"] = [{"code": "K0067", "eindcijfer": 7}, {"code": "K0068", "beoordeling": "goed"}]
    assert problems(data) == [
        (
            "$.keuzedelen[1].beoordeling",
            "with two or more keuzedelen each needs an eindcijfer (Ekb WEB art. 17, the average"
            " of onderdeel d)",
        )
    ]
    data["keuzedelen"][1]["extra"] = True
    assert compute_uitslag(structure_mbo_uitslag(data)).geslaagd


def test_missing_fields_and_nothing_to_judge() -> None:
    found = problems({"sector": "mbo"})
    assert [p for p, _ in found] == [
        "$.niveau",
        "$.cohort_start",
        "$.studieduur_jaren",
        "$.datum_uitslag",
    ]


def test_not_an_object() -> None:
    assert problems([1, 2]) == [("$", "expected an object, got array")]


def test_unsupported_period() -> None:
    data = example()
    data["cohort_start"] = "2019-08-01"
    data["datum_uitslag"] = "2020-03-14"  # the day before the earliest text of art. 17 the library holds
    with pytest.raises(UnsupportedPeriod):
        compute_uitslag(structure_mbo_uitslag(data))


def test_input_is_not_changed() -> None:
    data = example()
    before = copy.deepcopy(data)
    compute_uitslag(structure_mbo_uitslag(data))
    assert data == before


def test_format_text() -> None:
    data = example()
    data["loopbaan_en_burgerschap"] = "niet voldaan"
    text = compute_uitslag(structure_mbo_uitslag(data)).format_text()
    assert text.startswith("MBO uitslag: AFGEWEZEN\nNiveau 4 (middenkader/specialist)\nRegelset: ekb-2022")
    assert "loopbaan en burgerschap is «niet voldaan» [Ekb WEB art. 17 lid 3 onderdeel c]" in text


def test_schema_is_shipped_and_describes_the_document() -> None:
    text = resources.files("duo_domain.mbo").joinpath("schemas/mbo-uitslag.schema.json").read_text("utf-8")
    schema = json.loads(text)
    assert schema["properties"]["sector"] == {"const": "mbo"}
    assert set(schema["required"]) == {
        "sector",
        "niveau",
        "cohort_start",
        "studieduur_jaren",
        "datum_uitslag",
    }
    assert schema["additionalProperties"] is False
    assert set(schema["$defs"]["generiek"]["properties"]) == {
        "onderdeel", "code", "ie", "ce", "eindcijfer", "beoordeling", "vrijstelling",
    }  # fmt: skip


def test_cli_uitslag_json(tmp_path: Path) -> None:
    import io

    from duo_domain import cli

    if "duo_domain._cli.uitslag" not in cli.COMMANDS:
        pytest.skip("the uitslag command is not registered")
    path = tmp_path / "mbo.json"
    path.write_text(EXAMPLE, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["uitslag", str(path), "--json"], stdout=out, stderr=err) == 0
    assert json.loads(out.getvalue())["uitslag"] == "geslaagd"
    bad = tmp_path / "bad.json"
    bad.write_text(EXAMPLE.replace('"niveau": 4', '"niveau": 7'), encoding="utf-8")
    assert cli.main(["uitslag", str(bad), "--json"], stdout=io.StringIO(), stderr=err) == 2
    assert "niveau" in err.getvalue()
