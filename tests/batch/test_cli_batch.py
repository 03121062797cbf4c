"""``duo-domain validate`` and ``duo-domain uitslag`` on many files: JSON Lines out, a summary on stderr."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from duo_domain.batch import ONLEESBAAR, Summary, compute_uitslagen, validate_records
from duo_domain.cli import main

from ._data import mbo_lines, vo_lines


def run_err(*argv: str) -> tuple[int, list[dict[str, Any]], str]:
    """Exit code, JSON Lines and what went to the ``stderr=`` stream given (the summary)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def run(*argv: str) -> tuple[int, list[dict[str, Any]]]:
    code, lines, _ = run_err(*argv)
    return code, lines


@pytest.fixture
def mbo_dir(tmp_path: Path) -> Path:
    lines = mbo_lines(300, broken=0.03)
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:200]) + "\n\n", encoding="utf-8")
    (tmp_path / "b.json").write_text("[" + ",".join(lines[200:210]) + "]", encoding="utf-8")
    (tmp_path / "c.json").write_text(lines[210], encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an input", encoding="utf-8")
    return tmp_path


def test_validate_a_directory_serial_and_on_two_workers(
    mbo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, serial, summary = run_err("validate", str(mbo_dir))
    assert capsys.readouterr().err == ""  # the summary goes to the stream given to main, not sys.stderr
    code2, pooled = run("validate", str(mbo_dir), "--workers", "2", "--chunk-size", "16")
    assert pooled == serial
    assert code == code2 == 1  # some records break an afkeur rule
    assert len(serial) == 200 + 10 + 1
    assert [d["index"] for d in serial] == list(range(211))
    assert serial[0]["origin"] == f"{mbo_dir / 'a.jsonl'}:1"
    assert serial[200]["origin"] == f"{mbo_dir / 'b.json'}[0]"
    assert serial[210]["origin"] == str(mbo_dir / "c.json")
    # the summary table on stderr counts what stdout holds
    assert "items       211" in summary
    unreadable = sum(not d["readable"] for d in serial)
    assert unreadable > 0
    assert f"unreadable  {unreadable}" in summary
    assert ONLEESBAAR in summary
    for d in serial:
        if not d["readable"]:
            assert {f["rule"] for f in d["findings"]} == {ONLEESBAAR}


def test_the_cli_gives_what_the_library_gives(mbo_dir: Path) -> None:
    lines = (mbo_dir / "a.jsonl").read_text(encoding="utf-8").splitlines()
    code, got = run("validate", str(mbo_dir / "a.jsonl"), "--peildatum", "2025-01-01")
    assert code == 1
    import datetime as dt

    expected = [o.to_dict() for o in validate_records(lines[:200], peildatum=dt.date(2025, 1, 1))]
    for d, e in zip(got, expected, strict=True):
        assert d["findings"] == e["findings"]


def test_uitslag_on_json_lines_has_results_and_a_tally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = vo_lines(120, broken=0.05)
    path = tmp_path / "cijferlijsten.ndjson"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, got, err = run_err("uitslag", str(path), "--workers", "2", "--chunk-size", "10")
    assert capsys.readouterr().err == ""
    tally = Summary().add_all(compute_uitslagen(lines)).to_dict()["uitslagen"]
    assert code == 1  # some documents cannot be judged
    assert len(got) == 120
    judged = [d for d in got if d["readable"]]
    assert sum(d["result"]["uitslag"] == "geslaagd" for d in judged) == tally["geslaagd"]
    assert f"geslaagd    {tally['geslaagd']}" in err
    assert f"afgewezen   {tally['afgewezen']}" in err


def test_uitslag_batch_exits_0_when_every_document_is_judged(tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text("\n".join(vo_lines(20, broken=0)), encoding="utf-8")
    code, got = run("uitslag", str(path))
    assert code == 0
    assert all("result" in d for d in got)


def test_one_plain_file_keeps_the_single_document_output(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"student": {"bsn": "111222333"}}', encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(path), "--json"], stdout=out, stderr=err) == 0
    assert json.loads(out.getvalue())["findings"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "no-such.jsonl"], "no such file"),
        (["validate", "x.json", "--workers", "0"], "below 1"),
        (["uitslag", "x.json", "--workers", "two"], "not a whole number"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(args, stdout=out, stderr=err) == 2
    assert message in err.getvalue()
    assert len(err.getvalue().strip().splitlines()) == 1


def test_an_empty_directory_is_a_usage_error(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(tmp_path)], stdout=out, stderr=err) == 2
    assert "no .json" in err.getvalue()


def test_json_lines_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    lines = mbo_lines(30, broken=0)
    stdin = types.SimpleNamespace(buffer=io.BytesIO(("\n".join(lines) + "\n").encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    code, got = run("validate", "-", "--workers", "1")
    assert len(got) == 30
    assert got[29]["origin"] == "<stdin>:30"
    expected = [o.to_dict()["findings"] for o in validate_records(lines)]
    assert [d["findings"] for d in got] == expected
    assert code == (1 if any(f["severity"] == "afkeur" for fs in expected for f in fs) else 0)
