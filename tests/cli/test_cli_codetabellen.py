"""``--codetabellen DIR``: every command that judges reads a vendor's newer code tables from a directory.

A table in the directory replaces the shipped table of its ``naam`` (the format of
duo_domain.codes); a bad directory or table stops the command with exit 2 and one line.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from duo_domain.cli import EXIT_CODES, main
from duo_domain.codes import CodeValue, dumps, waardenlijst
from duo_domain.serialize.json import dumps_mbo
from duo_domain.testing.factories import make_mbo_student_record

LEERTRAJECT_RULE = "ROD.PERIODE.LEERTRAJECT"
BBL_BPV = "ROD.INSCHRIJVING.BBL_BPV"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _folder(tmp_path: Path, **tables: str) -> Path:
    folder = tmp_path / "codetabellen"
    folder.mkdir()
    for name, text in tables.items():
        (folder / f"{name}.json").write_text(text, encoding="utf-8")
    return folder


def _bol_xl(leerweg: str) -> str:
    """The shipped leertraject table with a new code BOL_XL of leerweg ``leerweg``."""
    extra = CodeValue("BOL_XL", "Nieuw (test)", kenmerken={"leerweg": leerweg, "voltijd": "ja"})
    return dumps(waardenlijst("leertraject").met(extra))


@pytest.fixture
def record_file(tmp_path: Path) -> Path:
    path = tmp_path / "record.json"
    path.write_text(dumps_mbo(make_mbo_student_record(leertraject="BOL_XL")), encoding="utf-8")
    return path


def _rules(stdout: str) -> list[str]:
    return [f["rule"] for f in json.loads(stdout)["findings"]]


# --------------------------------------------------------------------------- validate


def test_validate_without_the_option_judges_with_the_shipped_tables(record_file: Path) -> None:
    code, out, _ = run("validate", str(record_file), "--json")
    assert _rules(out) == [LEERTRAJECT_RULE]
    assert code == 1


def test_validate_reads_a_new_code_and_its_kenmerk_from_the_directory(
    record_file: Path, tmp_path: Path
) -> None:
    bol = _folder(tmp_path, leertraject=_bol_xl("BOL"))
    code, out, err = run("validate", str(record_file), "--json", "--codetabellen", str(bol))
    assert (code, _rules(out), err) == (0, [], "")


def test_validate_a_kenmerk_of_the_vendor_table_changes_the_verdict(
    record_file: Path, tmp_path: Path
) -> None:
    # the same code, leerweg BBL: the enrolment now needs a BPV agreement (WEB art. 7.2.2 lid 2)
    bbl = _folder(tmp_path, leertraject=_bol_xl("BBL"))
    code, out, _ = run("validate", str(record_file), "--json", "--codetabellen", str(bbl))
    assert _rules(out) == [BBL_BPV]
    assert code == 0  # attentie


def test_validate_in_batch_mode_hands_the_tables_to_every_worker(record_file: Path, tmp_path: Path) -> None:
    bbl = _folder(tmp_path, leertraject=_bol_xl("BBL"))
    files = [str(record_file), str(record_file)]
    code, out, _ = run("validate", *files, "--workers", "2", "--codetabellen", str(bbl))
    rules = [f["rule"] for line in out.splitlines() for f in json.loads(line)["findings"]]
    assert (code, rules) == (0, [BBL_BPV, BBL_BPV])


# --------------------------------------------------------------------------- uitslag


def _cijferlijst(vo: Any, tmp_path: Path) -> Path:
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("9100", 7))
    path = tmp_path / "cijferlijst.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_uitslag_reads_the_vakcodetabel_of_the_directory(vo: Any, tmp_path: Path) -> None:
    path = _cijferlijst(vo, tmp_path)
    code, _, err = run("uitslag", str(path), "--json")
    assert code == 2
    assert "9100" in err
    extra = CodeValue("9100", "een havo-vak (test)", kenmerken={"schoolsoorten": "havo", "soort": "algemeen"})
    folder = _folder(tmp_path, vakcodes=dumps(waardenlijst("vakcodes").met(extra)))
    code, out, err = run("uitslag", str(path), "--json", "--codetabellen", str(folder))
    assert (code, err) == (0, "")
    assert json.loads(out)["eindcijfers"]["9100"] == 7


def test_uitslag_in_batch_mode_reads_the_directory_too(vo: Any, tmp_path: Path) -> None:
    path = _cijferlijst(vo, tmp_path)
    extra = CodeValue("9100", "een havo-vak (test)", kenmerken={"schoolsoorten": "havo", "soort": "algemeen"})
    folder = _folder(tmp_path, vakcodes=dumps(waardenlijst("vakcodes").met(extra)))
    _, out, _ = run("uitslag", str(path), str(path), "--codetabellen", str(folder))
    assert [json.loads(line)["readable"] for line in out.splitlines()] == [True, True]


# --------------------------------------------------------------------------- afwezigheid


def _absence(tmp_path: Path, niveau: str) -> Path:
    path = tmp_path / "afwezigheid.json"
    doc = {
        "geboortedatum": "2005-01-01",
        "leertraject": "BOL",
        "niveau": niveau,
        "studiefinanciering": True,
        "afwezig_van": "2025-03-03",
        "afwezig_tot": "2025-04-06",
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_afwezigheid_reads_the_niveau_kenmerk_from_the_directory(tmp_path: Path) -> None:
    # WEB art. 8.1.7 lid 11 onder a: entree or basisberoepsopleiding, kenmerk niveau 1 or 2
    path = _absence(tmp_path, "MBO-3")
    _, out, _ = run("afwezigheid", str(path), "--json")
    assert json.loads(out)[0]["melding_verplicht"] is False
    lijst = waardenlijst("niveau")
    mbo3 = lijst.get("MBO-3")
    assert mbo3 is not None
    als_2 = CodeValue("MBO-3", mbo3.omschrijving, kenmerken={"niveau": "2", "startkwalificatie": "ja"})
    folder = _folder(tmp_path, niveau=dumps(lijst.met(als_2)))
    _, out, _ = run("afwezigheid", str(path), "--json", "--codetabellen", str(folder))
    assert json.loads(out)[0]["melding_verplicht"] is True


# --------------------------------------------------------------------------- a bad directory or table


def _bad(tmp_path: Path, **tables: str) -> str:
    return str(_folder(tmp_path, **tables))


@pytest.mark.parametrize("command", ["validate", "uitslag", "afwezigheid"])
def test_a_missing_directory_is_refused_by_every_command(command: str, tmp_path: Path) -> None:
    code, out, err = run(command, str(tmp_path / "x.json"), "--codetabellen", str(tmp_path / "nergens"))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "--codetabellen" in err
    assert "not a directory" in err


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        ({}, "no .json code-table files"),
        ({"kapot": "{"}, "kapot.json: code table: not JSON"),
        (
            {"kleur": dumps(waardenlijst("geslacht")).replace('"geslacht"', '"kleur"')},
            "no shipped code table",
        ),
        (
            {"leertraject": dumps(waardenlijst("leertraject")).replace('"voltijd": "ja for', '"x": "ja for')},
            "leertraject.json",
        ),
        (
            {"vakcodes": dumps(waardenlijst("vakcodes")).replace('"soort": "algemeen"', '"soort": "x"', 1)},
            "not a soort of vak",
        ),
        ({"a": dumps(waardenlijst("niveau")), "b": dumps(waardenlijst("niveau"))}, "given twice"),
    ],
    ids=["empty", "not-json", "unknown-name", "kenmerk-missing", "bad-soort", "twice"],
)
def test_a_bad_table_stops_the_command_with_one_line(
    record_file: Path, tmp_path: Path, tables: dict[str, str], message: str
) -> None:
    code, out, err = run("validate", str(record_file), "--codetabellen", _bad(tmp_path, **tables))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1, err
    assert message in err


@pytest.mark.parametrize("command", ["validate", "uitslag", "afwezigheid"])
def test_the_exit_codes_name_a_bad_directory(command: str) -> None:
    assert any("--codetabellen" in meaning for code, meaning in EXIT_CODES[command] if code == 2)
