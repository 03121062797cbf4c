"""``duo-domain validate --referentiedata REF``: the reference-data file of duo_domain.mbo.reference."""

from __future__ import annotations

import datetime as dt
import io
import json
from importlib import resources
from pathlib import Path

import pytest

from duo_domain.cli import main
from duo_domain.identity import Student
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import Diploma
from duo_domain.serialize.json import dumps_mbo

D = dt.date
REF = str(resources.files("duo_domain.mbo").joinpath("data/referentiedata-voorbeeld.json"))
NOT_CHECKED = "ROD.REFERENTIEDATA.NIET_GECONTROLEERD"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _record(enrolled_on: str, diploma_code: str) -> MboStudentRecord:
    # WEB art. 8.1.1 lid 2: an enrolment may be for a kwalificatiedossier; the diploma is for a kwalificatie
    periode = Periode(
        D(2023, 8, 1),
        enrolled_on,
        "BOL",
        True,  # noqa: FBT003
        onderwijsaanbieder="100A501",
        onderwijslocatie="101X591",
    )
    e = Enrolment("C1", "25LX", D(2023, 8, 1), D(2026, 7, 31), [periode])
    d = Diploma("D1", diploma_code, D(2026, 7, 1), True, "C1")  # noqa: FBT003
    return MboStudentRecord(Student(bsn="999991838", studentnummer="S1"), [e], diplomas=[d])


@pytest.fixture
def record_file(tmp_path: Path) -> Path:
    path = tmp_path / "record.json"
    path.write_text(dumps_mbo(_record("23301", "25348")), encoding="utf-8")
    return path


def _rule_ids(stdout: str) -> list[str]:
    return [f["rule"] for f in json.loads(stdout)["findings"]]


def test_without_reference_data_the_rule_says_it_could_not_check(record_file: Path) -> None:
    code, out, _ = run("validate", str(record_file), "--json")
    assert NOT_CHECKED in _rule_ids(out)
    assert code == 0  # a signaal only


def test_reference_data_is_passed_to_validate(record_file: Path) -> None:
    code, out, err = run("validate", str(record_file), "--json", "--referentiedata", REF)
    assert (code, err) == (0, "")
    assert NOT_CHECKED not in _rule_ids(out)
    assert "ROD.DIPLOMA.INSCHRIJVING" not in _rule_ids(out)


def test_reference_data_can_prove_an_afkeur(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text(dumps_mbo(_record("25655", "25348")), encoding="utf-8")
    code, out, _ = run("validate", str(path), "--json", "--referentiedata", REF)
    assert code == 1
    assert "ROD.DIPLOMA.INSCHRIJVING" in _rule_ids(out)


def test_batch_mode_gets_the_reference_data_too(record_file: Path) -> None:
    code, out, err = run("validate", str(record_file), "--workers", "1", "--referentiedata", REF)
    assert code == 0, err
    assert NOT_CHECKED not in out
    code, out, _ = run("validate", str(record_file), "--workers", "1")
    assert NOT_CHECKED in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "--referentiedata"),
        ('{"crebo": [{"code": "2530", "soort": "kwalificatie"}]}', "$.crebo[0].code"),
        ('{"onderwijslocaties": {"100A501": ["bad"]}}', "$.onderwijslocaties"),
    ],
)
def test_a_bad_reference_file_is_refused_with_exit_2_and_one_line(
    record_file: Path, tmp_path: Path, content: str, message: str
) -> None:
    ref = tmp_path / "ref.json"
    ref.write_text(content, encoding="utf-8")
    code, out, err = run("validate", str(record_file), "--referentiedata", str(ref))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert message in err


def test_missing_reference_file_and_stdin_are_refused(record_file: Path, tmp_path: Path) -> None:
    code, _, err = run("validate", str(record_file), "--referentiedata", str(tmp_path / "nope.json"))
    assert code == 2
    assert "no such file" in err
    code, _, err = run("validate", str(record_file), "--referentiedata", "-")
    assert code == 2
    assert err.count("\n") == 1
