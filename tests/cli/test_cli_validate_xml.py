"""``duo-domain validate`` on XML messages: rule findings per record, XSD findings by line, hostile input."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from duo_domain._cli.validate import _at
from duo_domain.cli import main
from duo_domain.serialize.json import loads_mbo
from duo_domain.serialize.xml import Bedrijfsdocument, Bericht, dumps_message

RECORD: dict[str, Any] = {
    "student": {"bsn": "111222333", "studentnummer": "S1"},
    "inschrijvingen": [
        {
            "inschrijvingvolgnummer": "A1",
            "instelling": "25LX",
            "datum_inschrijving": "2022-08-01",
            "datum_uitschrijving_gepland": "2025-07-31",
            "perioden": [
                {
                    "datum_begin": "2022-08-01",
                    "opleidingscode": "25655",
                    "leertraject": "BOL",
                    "indicatie_bekostigbaar": True,
                    "onderwijslocatie": "101X591",
                }
            ],
        }
    ],
}


def _diploma(inschrijving: str) -> dict[str, Any]:
    return {
        "resultaatvolgnummer": "D1",
        "opleidingscode": "25655",
        "datum_resultaat": "2025-07-10",
        "indicatie_bekostigbaar": True,
        "inschrijvingvolgnummer": inschrijving,
    }


def _left_late() -> dict[str, Any]:
    """Leaves three weeks after the diploma: ROD.DIPLOMA.UITSCHRIJFDATUM, a warning."""
    record = copy.deepcopy(RECORD)
    record["inschrijvingen"][0]["datum_uitschrijving_werkelijk"] = "2025-07-31"
    record["inschrijvingen"][0]["reden_uitschrijving"] = "08"
    record["diplomas"] = [_diploma("A1")]
    return record


def _unknown_enrolment() -> dict[str, Any]:
    """A diploma naming an enrolment the student does not have: ROD.DIPLOMA.INSCHRIJVING, an error."""
    record = copy.deepcopy(RECORD)
    record["student"]["studentnummer"] = "S2"
    record["diplomas"] = [_diploma("Z9")]
    return record


def _message(*records: dict[str, Any]) -> bytes:
    """An aanleverenStudentMBO message with ``records``, one element per line."""
    kop = Bedrijfsdocument(uuid.UUID(int=1), "25LX", "DUO", dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    inhoud = [loads_mbo(json.dumps(r)) for r in records]
    data = dumps_message(Bericht("aanleverenStudentMBO", kop, inhoud))
    return etree.tostring(etree.fromstring(data), pretty_print=True, xml_declaration=True, encoding="UTF-8")


def _run(tmp_path: Path, content: bytes, *args: str) -> tuple[int, str, str]:
    source = tmp_path / "bericht.xml"
    source.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    code = main(["validate", str(source), *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _line_of(data: bytes, needle: bytes, occurrence: int = 1) -> int:
    lines = data.split(b"\n")
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[occurrence - 1]


# -- valid messages -------------------------------------------------------------------------


def test_valid_message_exits_0(tmp_path: Path) -> None:
    code, out, err = _run(tmp_path, _message(RECORD, RECORD))
    assert (code, err) == (0, "")
    assert out == "aanleverenStudentMBO message, 2 records: 0 findings, 0 at error level\n"


def test_valid_message_json_output(tmp_path: Path) -> None:
    code, out, _ = _run(tmp_path, _message(RECORD), "--json")
    assert code == 0
    assert json.loads(out)["findings"] == []


def test_byte_order_mark_and_white_space_before_the_message(tmp_path: Path) -> None:
    code, out, _ = _run(tmp_path, b"\xef\xbb\xbf\n  " + _message(RECORD).split(b"\n", 1)[1])
    assert code == 0
    assert "1 record:" in out


def test_a_warning_alone_exits_0_with_the_record_path(tmp_path: Path) -> None:
    code, out, _ = _run(tmp_path, _message(RECORD, _left_late()))
    assert code == 0
    assert "ATTENTIE ROD.DIPLOMA.UITSCHRIJFDATUM" in out
    assert out.rstrip().endswith("2 records: 1 finding, 0 at error level")
    assert "@ $[1].diplomas[0].datum_resultaat" in out


# -- rule findings ---------------------------------------------------------------------------


def test_rule_findings_exit_1_with_paths_into_the_message(tmp_path: Path) -> None:
    data = _message(_left_late(), RECORD, _unknown_enrolment())
    code, out, _ = _run(tmp_path, data, "--json")
    assert code == 1
    findings = json.loads(out)["findings"]
    assert [(f["rule"], f["severity"], f["path"]) for f in findings] == [
        ("ROD.DIPLOMA.UITSCHRIJFDATUM", "attentie", "$[0].diplomas[0].datum_resultaat"),
        ("ROD.DIPLOMA.INSCHRIJVING", "afkeur", "$[2].diplomas[0].inschrijvingvolgnummer"),
    ]
    assert set(findings[0]) == {"rule", "severity", "path", "message", "business_key", "values", "source"}


def test_rule_findings_as_text(tmp_path: Path) -> None:
    code, out, _ = _run(tmp_path, _message(_left_late(), _unknown_enrolment()))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("ATTENTIE ROD.DIPLOMA.UITSCHRIJFDATUM")
    assert lines[0].endswith("@ $[0].diplomas[0].datum_resultaat")
    assert lines[1].endswith("@ $[1].diplomas[0].inschrijvingvolgnummer")
    assert lines[2] == "aanleverenStudentMBO message, 2 records: 2 findings, 1 at error level"


def test_json_and_xml_give_the_same_findings(tmp_path: Path) -> None:
    records = [_left_late(), _unknown_enrolment()]
    as_json = tmp_path / "records.json"
    as_json.write_text(json.dumps(records))
    out = io.StringIO()
    assert main(["validate", str(as_json), "--json"], stdout=out, stderr=io.StringIO()) == 1
    code, xml_out, _ = _run(tmp_path, _message(*records), "--json")
    assert code == 1
    assert json.loads(xml_out)["findings"] == json.loads(out.getvalue())["findings"]


def test_peildatum_applies_to_xml(tmp_path: Path) -> None:
    code, _, err = _run(tmp_path, _message(RECORD), "--peildatum", "2025-13-01")
    assert code == 2
    assert "--peildatum" in err
    assert _run(tmp_path, _message(RECORD), "--peildatum", "2025-09-01")[0] == 0


# -- XSD and value findings ------------------------------------------------------------------


def test_xsd_violations_exit_1_with_their_lines(tmp_path: Path) -> None:
    data = _message(RECORD, RECORD)
    second = _line_of(data, b"<mbo:datumInschrijving>", occurrence=2)
    broken = data.replace(b"Bekostigbaar>true<", b"Bekostigbaar>ja<", 1)
    lines = broken.split(b"\n")
    lines[second - 1] = lines[second - 1].replace(b"2022-08-01", b"1-8-2022")
    broken = b"\n".join(lines)
    first = _line_of(broken, b"Bekostigbaar>ja<")
    code, out, _ = _run(tmp_path, broken, "--json")
    assert code == 1
    findings = json.loads(out)["findings"]
    assert {f["rule"] for f in findings} == {"XML.BERICHT.SCHEMA"}
    assert {f["severity"] for f in findings} == {"afkeur"}
    by_line = {int(f["values"]["line"]): f for f in findings}
    assert set(by_line) == {first, second}
    assert by_line[second]["path"] == "$[1].inschrijvingen[0].datum_inschrijving"
    assert by_line[first]["path"] == "$[0].inschrijvingen[0].perioden[0].indicatie_bekostigbaar"


def test_xsd_violations_as_text(tmp_path: Path) -> None:
    data = _message(RECORD).replace(b"<mbo:brin>25LX</mbo:brin>", b"<mbo:brin>25LX</mbo:brin><mbo:x/>")
    line = _line_of(data, b"<mbo:x/>")
    code, out, _ = _run(tmp_path, data)
    assert code == 1
    first, summary = out.splitlines()
    assert first.startswith(f"AFKEUR XML.BERICHT.SCHEMA: line {line}: ")
    assert summary == "XML message not read: 1 finding, 1 at error level"


def test_value_the_domain_refuses_is_a_finding_without_the_number(tmp_path: Path) -> None:
    data = _message(RECORD).replace(b"111222333", b"111222334")
    code, out, _ = _run(tmp_path, data, "--json")
    assert code == 1
    [finding] = json.loads(out)["findings"]
    assert finding["rule"] == "XML.BERICHT.WAARDE"
    assert finding["path"] == "$[0].student.bsn"
    assert finding["values"]["line"] == str(_line_of(data, b"111222334"))
    assert "111222334" not in out


# -- unusable input --------------------------------------------------------------------------

HOSTILE = {
    "xxe-file": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>',
    "xxe-network": b'<!DOCTYPE r [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]><r>&e;</r>',
    "billion-laughs": (
        b'<!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>'
    ),
    "external-dtd": b'<!DOCTYPE r SYSTEM "http://127.0.0.1:9/r.dtd"><r/>',
    "deeply-nested": b"<a>" * 5000 + b"</a>" * 5000,
}


@pytest.mark.parametrize("payload", HOSTILE.values(), ids=list(HOSTILE))
def test_hostile_xml_exits_2_in_one_line(tmp_path: Path, payload: bytes) -> None:
    code, out, err = _run(tmp_path, payload)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("duo-domain validate: ")
    assert "refused" in err or "not allowed" in err or "deep" in err
    assert "Traceback" not in err
    assert "root:" not in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<a><b></a>", "not well-formed"),
        (b"<bericht/>", "not a known message"),
        (b"  <", "XML"),
    ],
)
def test_unusable_xml_exits_2_in_one_line(tmp_path: Path, content: bytes, expected: str) -> None:
    code, out, err = _run(tmp_path, content, "--json")
    assert code == 2
    assert out == ""
    assert expected in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_paths_are_placed_under_the_record() -> None:
    assert _at("$[2]", "$") == "$[2]"
    assert _at("$[2]", "$.student.bsn") == "$[2].student.bsn"
    assert _at("$[2]", "$[0].x") == "$[2][0].x"
    assert _at("$[2]", "student") == "$[2].student"
