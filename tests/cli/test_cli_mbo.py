"""The JSON document (reader, writer, schema) and ``duo-domain validate``."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from duo_domain.cli import main
from duo_domain.errors import InvalidDocument
from duo_domain.identity.student import BuitenlandsAdres, NederlandsAdres, Persoonsgegevens, Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import (
    AmvbOnderdeel,
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    LosseResultaten,
)
from duo_domain.serialize.json import dumps_mbo, loads_mbo


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_round_trip(build: Any) -> None:
    r = build.record(bpv_overeenkomsten=[build.bpv()])
    assert loads_mbo(dumps_mbo(r)) == r
    assert loads_mbo(dumps_mbo([r, r])) == [r, r]
    assert '"bsn": "111222333"' in dumps_mbo(r, indent=1)


def test_every_bad_path_is_listed() -> None:
    doc = {
        "student": {"bsn": 111222333, "extra": 1},
        "inschrijvingen": [
            {
                "inschrijvingvolgnummer": "A1",
                "instelling": "25LX",
                "datum_inschrijving": "2024-8-1",
                "datum_uitschrijving_gepland": "2027-07-31",
                "perioden": [
                    {
                        "datum_begin": "2024-08-01",
                        "opleidingscode": 25655,
                        "leertraject": "BOL",
                        "indicatie_bekostigbaar": "true",
                    }
                ],
            }
        ],
        "bpv_overeenkomsten": [{"omvang": "12"}],
    }
    with pytest.raises(InvalidDocument) as info:
        loads_mbo(json.dumps(doc))
    paths = [p.path for p in info.value.problems]
    assert "$.student.bsn" in paths
    assert "$.student.extra" in paths
    assert "$.inschrijvingen[0].datum_inschrijving" in paths
    assert "$.inschrijvingen[0].perioden[0].opleidingscode" in paths
    assert "$.inschrijvingen[0].perioden[0].indicatie_bekostigbaar" in paths
    assert "$.bpv_overeenkomsten[0].omvang" in paths
    assert "$.bpv_overeenkomsten[0].volgnummer" in paths
    assert "111222333" not in str(info.value)


@pytest.mark.parametrize("text", ["", "{", "[1]", '"x"', "null"])
def test_not_a_document(text: str) -> None:
    with pytest.raises(InvalidDocument):
        loads_mbo(text)


def test_schema_matches_the_classes() -> None:
    schema = json.loads(
        resources.files("duo_domain.mbo")
        .joinpath("schemas", "mbo-student.schema.json")
        .read_text(encoding="utf-8")
    )
    defs = schema["$defs"]
    pairs = {
        "mbo_student_record": MboStudentRecord,
        "student": Student,
        "persoonsgegevens": Persoonsgegevens,
        "nederlands_adres": NederlandsAdres,
        "buitenlands_adres": BuitenlandsAdres,
        "inschrijving": Enrolment,
        "periode": Periode,
        "extra_ondersteuning": ExtraOndersteuning,
        "bpv_overeenkomst": BpvAgreement,
        "diploma": Diploma,
        "generiek_examenonderdeel": GeneriekExamenonderdeel,
        "vrijstelling": Exemption,
        "keuzedeel_resultaat": KeuzedeelResultaat,
        "amvb_onderdeel": AmvbOnderdeel,
        "losse_resultaten": LosseResultaten,
    }
    assert set(defs) == set(pairs)
    for name, cls in pairs.items():
        fields = attrs.fields(cls)
        assert set(defs[name]["properties"]) == {f.alias for f in fields}, name
        required = {f.alias for f in fields if f.default is attrs.NOTHING}
        assert set(defs[name].get("required", [])) == required, name


def test_cli_validate_clean_and_json(tmp_path: Path, build: Any) -> None:
    f = tmp_path / "r.json"
    f.write_text(dumps_mbo(build.record()), encoding="utf-8")
    code, out, _ = run("validate", str(f))
    assert code == 0
    assert "0 findings" in out
    code, out, _ = run("validate", str(f), "--json")
    assert (code, json.loads(out)["findings"]) == (0, [])


def test_cli_validate_findings_exit_1(tmp_path: Path, build: Any) -> None:
    f = tmp_path / "r.json"
    f.write_text(
        dumps_mbo([build.record(), build.record(bpv_overeenkomsten=[build.bpv(omvang=0)])]), encoding="utf-8"
    )
    code, out, _ = run("validate", str(f), "--json")
    assert code == 1
    finding = json.loads(out)["findings"][0]
    assert {k: finding[k] for k in ("rule", "severity", "path")} == {
        "rule": "ROD.BPV.OMVANG",
        "severity": "afkeur",
        "path": "$[1].bpv_overeenkomsten[0].omvang",
    }
    assert finding["message"]


def test_cli_validate_reports_diploma_findings(tmp_path: Path, build: Any) -> None:
    good = build.record(diplomas=[build.diploma()])
    stray = build.record(
        diplomas=[build.diploma(), build.diploma(resultaatvolgnummer="D2", inschrijvingvolgnummer="X9")]
    )
    f = tmp_path / "r.json"
    f.write_text(dumps_mbo([good]), encoding="utf-8")
    code, out, _ = run("validate", str(f), "--json")
    assert (code, json.loads(out)["findings"]) == (0, [])
    f.write_text(dumps_mbo([good, stray]), encoding="utf-8")
    code, out, _ = run("validate", str(f), "--json")
    assert code == 1
    findings = json.loads(out)["findings"]
    assert [(x["rule"], x["severity"], x["path"]) for x in findings] == [
        ("ROD.DIPLOMA.INSCHRIJVING", "afkeur", "$[1].diplomas[1].inschrijvingvolgnummer")
    ]
    assert "X9" in findings[0]["message"]
    code, out, _ = run("validate", str(f))
    assert code == 1
    assert "ROD.DIPLOMA.INSCHRIJVING" in out


def test_cli_validate_warning_only_exit_0(tmp_path: Path, build: Any) -> None:
    e = build.enrolment(perioden=[build.periode(leertraject="BBL")])
    f = tmp_path / "r.json"
    f.write_text(dumps_mbo(build.record(inschrijvingen=[e])), encoding="utf-8")
    code, out, _ = run("validate", str(f))
    assert code == 0
    assert "ROD.INSCHRIJVING.BBL_BPV" in out


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("{not json", "$"),
        ('{"student": {}, "inschrijvingen": [{"inschrijvingvolgnummer": 1}]}', "$.inschrijvingen[0]"),
        ("[]x", "$"),
    ],
)
def test_cli_validate_unreadable_exit_2(tmp_path: Path, content: str, where: str) -> None:
    f = tmp_path / "r.json"
    f.write_text(content, encoding="utf-8")
    code, out, err = run("validate", str(f))
    assert code == 2
    assert out == ""
    assert where in err
    assert "Traceback" not in err


def test_cli_validate_missing_file(tmp_path: Path) -> None:
    code, _, err = run("validate", str(tmp_path / "nope.json"))
    assert code == 2
    assert "no such file" in err


def test_demo_section_and_data() -> None:
    from duo_domain._cli.demo_mbo import load_demo_text, section

    records = loads_mbo(load_demo_text())
    assert isinstance(records, list)
    assert 200 <= len(records) <= 500
    buf = io.StringIO()
    section(buf)
    text = buf.getvalue()
    assert "findings per rule" in text
    assert "ROD.PERIODE.LEERTRAJECT" in text
    assert "ROD.BPV.OMVANG" in text
    assert "diplomas" in text
    assert "ROD.DIPLOMA.INSCHRIJVING" in text
    assert "ROD.DIPLOMA.UITSCHRIJFDATUM" in text
