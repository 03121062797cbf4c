"""Every command on hostile input: exit 2 and one line on stderr, never a traceback."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from duo_domain.cli import main

HOSTILE = [
    "[" * 100000,
    '{"omvang": 1E+1000000}',
    "1e99999999999999999999",
    "1" * 5000,
    '{"student": {}, "inschrijvingen": [' * 2000,
    "{",
    '{"a": NaN}',
    "",
    '{"sector": "mbo", "niveau": 1E+1000000}',
    '{"schoolsoort": "havo", "examenjaar": ' + "9" * 5000 + "}",
    '{"sector": "mbo", "niveau": 4, "cohort_start": "2026-W27-1"}',
    '{"schoolsoort": "havo", "examenjaar": 2026, "vakken": [{"vakcode": "1001", "se": "\\uff16.5"}]}',
    '{"student": {"bsn": "123456789"}}',
    "null",
    '"hello"',
    '{"student": {"studentnummer": "\\ud800"}}',
]
BYTES = [b"\xff\xfe\x00\x00", b'{"a": "\xff"}']


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _commands(path: str, tmp_path: Path) -> list[list[str]]:
    return [["validate", path], ["uitslag", path], ["convert", path, str(tmp_path / "out.xml")]]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:16]))
def test_hostile_json_exits_2_with_one_line(tmp_path: Path, text: str) -> None:
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    for argv in _commands(str(path), tmp_path):
        code, _, err = _run(*argv)
        assert code == 2, (argv, err)
        assert err.count("\n") == 1, (argv, err)
        assert "Traceback" not in err
        assert "123456789" not in err


@pytest.mark.parametrize("data", BYTES)
def test_bytes_that_are_not_utf8(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(data)
    for argv in _commands(str(path), tmp_path):
        code, _, err = _run(*argv)
        assert code == 2, (argv, err)
        assert err.count("\n") == 1, (argv, err)


def test_the_same_broken_json_gives_the_same_message_from_every_command(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text('{\n  "a": }', encoding="utf-8")
    reasons = {_run(*argv)[2].split(": ", 1)[1] for argv in _commands(str(path), tmp_path)}
    assert reasons == {f"{path}: document: not JSON: Expecting value (column 8) @ $ (line 2)\n"}


RECORD = {"student": {"studentnummer": "S1"}}


def test_one_unreadable_record_of_a_list_is_reported_and_the_others_judged(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    bad = [{"student": {"bsn": f"1234567{i}"}} for i in range(5)]  # 8 digits: not a BSN
    path.write_text(json.dumps([RECORD, *bad, RECORD]), encoding="utf-8")
    code, out, err = _run("validate", str(path))
    assert code == 1
    assert err == ""
    lines = [line for line in out.splitlines() if line.startswith("unreadable record")]
    assert [line.split(":")[0] for line in lines] == [f"unreadable record $[{i}]" for i in range(1, 6)]
    assert all("@ $[" in line for line in lines)
    assert out.splitlines()[-1].startswith("MBO student record, 7 records:")
    assert "5 unreadable records" in out.splitlines()[-1]
    code, out, _ = _run("validate", str(path), "--json")
    report = json.loads(out)
    assert code == 1
    assert [u["index"] for u in report["unreadable"]] == [1, 2, 3, 4, 5]
    assert report["unreadable"][0]["problems"][0]["path"] == "$[1].student.bsn"


@pytest.mark.parametrize(
    ("doc", "kind"),
    [
        (RECORD, "MBO student record, 1 record"),
        (
            {
                "sector": "mbo",
                "niveau": 2,
                "cohort_start": "2024-08-01",
                "studieduur_jaren": 2,
                "datum_uitslag": "2026-07-01",
                "loopbaan_en_burgerschap": "voldaan",
            },
            "MBO uitslag document",
        ),
        (
            {
                "schoolsoort": "vmbo-tl",
                "examenjaar": 2026,
                "vakken": [{"vakcode": "0011", "se": "6.5", "ce": "6.5"}],
            },
            "VO cijferlijst",
        ),
    ],
)
def test_validate_says_which_kind_it_judged(tmp_path: Path, doc: object, kind: str) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = _run("validate", str(path))
    assert code in (0, 1)
    assert err == ""
    assert out.splitlines()[-1].startswith(f"{kind}:")
    code, out, _ = _run("validate", str(path), "--json")
    assert json.loads(out)["kind"] == kind
