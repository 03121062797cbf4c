"""``duo-domain convert``: JSON documents to XML messages and back; bad input exits 2 in one line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from duo_domain.cli import main
from duo_domain.serialize.xml import read_message

RECORD = {
    "student": {"bsn": "111222333", "studentnummer": "S1"},
    "inschrijvingen": [
        {
            "inschrijvingvolgnummer": "A1",
            "instelling": "25LX",
            "datum_inschrijving": "2024-08-01",
            "datum_uitschrijving_gepland": "2027-07-31",
            "perioden": [
                {
                    "datum_begin": "2024-08-01",
                    "opleidingscode": "25655",
                    "leertraject": "BOL",
                    "indicatie_bekostigbaar": True,
                    "onderwijslocatie": "101X591",
                }
            ],
        }
    ],
}


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_json_to_xml_and_back_is_lossless(tmp_path: Path) -> None:
    source = tmp_path / "record.json"
    source.write_text(json.dumps(RECORD))
    xml_file, back = tmp_path / "record.xml", tmp_path / "back.json"
    code, _, err = _run(
        "convert",
        str(source),
        str(xml_file),
        "--id",
        "00000000-0000-0000-0000-000000000001",
        "--tijd",
        "2026-03-01T09:00:00Z",
    )
    assert (code, err) == (0, "")
    data = xml_file.read_bytes()
    bericht, findings = read_message(data)
    assert findings == []
    assert bericht is not None
    assert bericht.soort == "aanleverenStudentMBO"
    assert bericht.kop.verzendende_instantie == "25LX"
    assert b"<per:burgerservicenummer>111222333</per:burgerservicenummer>" in data
    code, _, err = _run("convert", str(xml_file), str(back))
    assert (code, err) == (0, "")
    assert json.loads(back.read_text())["inschrijvingen"] == RECORD["inschrijvingen"]
    from duo_domain.serialize.json import loads_mbo

    assert loads_mbo(back.read_text()) == loads_mbo(json.dumps(RECORD))


def test_message_kind_and_stdout(tmp_path: Path) -> None:
    source = tmp_path / "record.json"
    source.write_text(json.dumps([RECORD]))
    code, out, _ = _run("convert", str(source), "-", "--to", "xml", "--bericht", "aanleverenInschrijvingMBO")
    assert code == 0
    assert "<mbo:aanleverenInschrijvingMBO" in out


def test_vo_cijferlijst_to_xml(tmp_path: Path) -> None:
    source = tmp_path / "cijferlijst.json"
    source.write_text(
        json.dumps(
            {
                "schoolsoort": "havo",
                "examenjaar": 2026,
                "vakken": [{"vakcode": "1001", "se": "6.4", "ce": "6.0"}],
                "profielwerkstuk": {"cijfer": 7},
            }
        )
    )
    code, out, err = _run("convert", str(source), "-", "--to", "xml", "--verzender", "25LX")
    assert (code, err) == (0, "")
    assert "<vo:cijferSchoolexamen>6.4</vo:cijferSchoolexamen>" in out


@pytest.mark.parametrize(
    ("content", "args", "expected"),
    [
        (b"{not json", ("--to", "xml"), "not JSON"),
        (
            json.dumps({"student": {}, "inschrijvingen": [{"inschrijvingvolgnummer": 7}]}).encode(),
            ("--to", "xml"),
            "inschrijvingen[0]",
        ),
        (b"<a><b></a>", ("--to", "json"), "not well-formed"),
        (b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>', ("--to", "json"), "DOCTYPE"),
        (b"<bericht/>", ("--to", "json"), "not a known message"),
        (json.dumps(RECORD).encode(), ("--to", "json"), "JSON already"),
        (json.dumps({"student": {"studentnummer": "S1"}}).encode(), ("--to", "xml"), "--verzender"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, content: bytes, args: tuple[str, ...], expected: str
) -> None:
    source = tmp_path / "in"
    source.write_bytes(content)
    code, _, err = _run("convert", str(source), str(tmp_path / "out"), *args)
    assert code == 2
    assert expected in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_invalid_xml_message_names_path_and_line(tmp_path: Path) -> None:
    source, xml_file = tmp_path / "r.json", tmp_path / "r.xml"
    source.write_text(json.dumps(RECORD))
    assert _run("convert", str(source), str(xml_file))[0] == 0
    xml_file.write_bytes(xml_file.read_bytes().replace(b"111222333", b"111222334"))
    code, _, err = _run("convert", str(xml_file), str(tmp_path / "o.json"))
    assert code == 2
    assert "$[0].student.bsn" in err
    assert "line" in err
    assert "111222334" not in err


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    assert _run("convert", str(tmp_path / "nope.json"), "-", "--to", "xml")[0] == 2
    code, _, err = _run("convert", str(tmp_path / "nope.json"), str(tmp_path / "out.txt"))
    assert code == 2
    assert "--to" in err
