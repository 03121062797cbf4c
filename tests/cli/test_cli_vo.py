"""The cijferlijst document and ``duo-domain uitslag``."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from duo_domain.cli import main
from duo_domain.errors import InvalidDocument
from duo_domain.serialize.json import loads_cijferlijst
from duo_domain.vo import cijferlijst_schema, uitslag_schema


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, doc: Any) -> str:
    p = tmp_path / "doc.json"
    p.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return str(p)


def test_json_output_contract(vo: Any, tmp_path: Path) -> None:
    code, out, err = run(["uitslag", write(tmp_path, vo.havo_doc({"1024": "5.4"})), "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert data["uitslag"] == "geslaagd"
    assert data["eindcijfers"]["1024"] == 5
    assert data["combinatiecijfer"] == 7
    assert data["ce_gemiddelde"] == "6.73"
    assert data["buiten_beschouwing"] == []
    assert data["redenen"] == []
    required = uitslag_schema()["required"]
    assert all(key in data for key in required)


def test_afgewezen_exits_0_with_reasons(vo: Any, tmp_path: Path) -> None:
    code, out, _ = run(["uitslag", write(tmp_path, vo.havo_doc({"1001": "3.0"})), "--json"])
    assert code == 0
    data = json.loads(out)
    assert data["uitslag"] == "afgewezen"
    assert {"regel", "artikel", "toelichting"} <= set(data["redenen"][0])


def test_text_cijferlijst(vo: Any, tmp_path: Path) -> None:
    code, out, _ = run(["uitslag", write(tmp_path, vo.vmbo_doc("vmbo-gl"))])
    assert code == 0
    assert "Nederlandse taal" in out
    assert "uitslag: GESLAAGD" in out
    assert "combinatiecijfer: 7" in out


def test_numbers_as_json_numbers_are_exact(vo: Any, tmp_path: Path) -> None:
    doc = vo.havo_doc()
    text = json.dumps(doc).replace('"se": "7.0", "ce": "7.0"}', '"se": 5.4, "ce": 5.5}', 1)
    code, out, _ = run(["uitslag", write(tmp_path, text), "--json"])
    assert code == 0
    assert json.loads(out)["eindcijfers"]["1001"] == 5


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d["vakken"].append({"vakcode": "9999", "se": "7"}), "$.vakken[10].vakcode"),
        (lambda d: d["vakken"][0].pop("se"), "$.vakken[0].se"),
        (lambda d: d["vakken"][0].update(se="10.5"), "$.vakken[0].se"),
        (lambda d: d["vakken"][0].update(ce="0.9"), "$.vakken[0].ce"),
        (lambda d: d["vakken"][0].update(se="6.45"), "$.vakken[0].se"),
        (lambda d: d["vakken"][6].update(se="6.5"), "$.vakken[6].se"),  # SE-only subject must be whole
        (lambda d: d.update(schoolsoort="mavo"), "$.schoolsoort"),
        (lambda d: d.pop("examenjaar"), "$.examenjaar"),
        (lambda d: d["vakken"][0].update(CE="6.0"), "$.vakken[0].CE"),
    ],
)
def test_malformed_document_exit_2_names_the_field(vo: Any, tmp_path: Path, mutate: Any, path: str) -> None:
    doc = vo.havo_doc()
    mutate(doc)
    code, out, err = run(["uitslag", write(tmp_path, doc)])
    assert code == 2
    assert out == ""
    assert path in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("text", ["{", "[1, 2]", '"x"', "\xff"])
def test_malformed_json_exit_2(tmp_path: Path, text: str) -> None:
    p = tmp_path / "bad.json"
    p.write_bytes(text.encode("latin-1"))
    code, _, err = run(["uitslag", str(p)])
    assert code == 2
    assert err.count("\n") == 1


def test_unsupported_year_exit_2(vo: Any, tmp_path: Path) -> None:
    code, _, err = run(["uitslag", write(tmp_path, vo.havo_doc(jaar=2030))])
    assert code == 2
    assert "2030" in err


def test_missing_file_exit_2() -> None:
    assert run(["uitslag", "/nonexistent/file.json"])[0] == 2


def test_mbo_documents_go_to_the_mbo_uitslag(tmp_path: Path) -> None:
    doc = {
        "sector": "mbo",
        "niveau": 2,
        "cohort_start": "2024-08-01",
        "studieduur_jaren": 2,
        "datum_uitslag": "2026-07-01",
        "generieke_onderdelen": [
            {"onderdeel": "nederlands", "ie": 6.5, "ce": "6.0"},
            {"onderdeel": "rekenen", "eindcijfer": 6},
        ],
    }
    code, out, _ = run(["uitslag", write(tmp_path, doc), "--json"])
    assert code == 0
    assert json.loads(out)["uitslag"] == "geslaagd"


def test_reader_lists_every_problem(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"][0]["se"] = "abc"
    doc["vakken"][1]["ce"] = True
    with pytest.raises(InvalidDocument) as info:
        loads_cijferlijst(json.dumps(doc))
    assert [p.path for p in info.value.problems] == ["$.vakken[0].se", "$.vakken[1].ce"]


def test_malformed_json_has_line() -> None:
    with pytest.raises(InvalidDocument) as info:
        loads_cijferlijst('{\n  "a": }')
    assert info.value.problems[0].line == 2


def test_schema_describes_the_reader(vo: Any) -> None:
    schema = cijferlijst_schema()
    assert set(schema["properties"]) >= {"schoolsoort", "examenjaar", "vakken", "profielwerkstuk"}
    assert set(schema["$defs"]["vak"]["properties"]) >= {
        "vakcode",
        "se",
        "ce",
        "ce2",
        "ce3",
        "beoordeling",
        "rol",
        "combinatiecijfer",
        "extra",
    }


def _json_block_after(text: str, heading: str) -> Any:
    start = text.index(heading)
    a = text.index("```json\n", start) + len("```json\n")
    return json.loads(text[a : text.index("```", a)])


def test_docs_example_and_schemas_match_the_code() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "vo.md").read_text(encoding="utf-8")
    example = json.dumps(_json_block_after(doc, "### Input"))
    code, out, _ = run_with_text(example)
    assert code == 0
    assert json.loads(out) == _json_block_after(doc, "### Output (`--json`)")
    assert _json_block_after(doc, "### Cijferlijst schema") == cijferlijst_schema()
    assert _json_block_after(doc, "### Uitslag schema") == uitslag_schema()


def run_with_text(text: str) -> tuple[int, str, str]:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "x.json"
        p.write_text(text, encoding="utf-8")
        return run(["uitslag", str(p), "--json"])
