"""The code tables shipped with the library: all in the one format, canonical, sourced, declared."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from importlib import resources

import pytest

from duo_domain import _sources
from duo_domain.codes import dumps, loads, namen, waardenlijst
from duo_domain.errors import InvalidCode

ALL = namen()


def _text(naam: str) -> str:
    return resources.files("duo_domain.codes").joinpath("data", f"{naam}.json").read_text("utf-8")


def test_every_code_table_of_the_library_is_shipped_here() -> None:
    assert set(ALL) == {
        "elementcodes",
        "generieke_examenonderdelen",
        "geslacht",
        "leerroutefase",
        "leertraject",
        "niveau",
        "reden_uitschrijving",
        "se_termijnen",
        "vakcodes",
        "vakgroepen",
        "vrijstelling_generiek_examenonderdeel",
    }


@pytest.mark.parametrize("naam", ALL)
def test_each_file_is_in_the_canonical_layout_and_named_after_its_table(naam: str) -> None:
    text = _text(naam)
    assert dumps(loads(text)) == text, "run: python scripts/codetables.py format"
    assert json.loads(text)["naam"] == naam


@pytest.mark.parametrize("naam", ALL)
def test_each_table_names_its_source_and_edition(naam: str) -> None:
    lijst = waardenlijst(naam)
    assert lijst.bron
    assert lijst.versie
    assert lijst.omschrijving
    assert all(v.omschrijving for v in lijst)
    if "PvE" in lijst.bron:
        assert lijst.bron.startswith(_sources.PVE_MBO), "cite the PvE as duo_domain._sources spells it"


@pytest.mark.parametrize("naam", ALL)
def test_each_declared_kenmerk_is_read_by_someone_or_described(naam: str) -> None:
    lijst = waardenlijst(naam)
    for kenmerk, meaning in lijst.kenmerken.items():
        assert meaning, kenmerk
        assert any(kenmerk in v.kenmerken for v in lijst), f"{naam}: no value carries {kenmerk}"


def test_shipped_tables_are_read_once_per_process() -> None:
    assert waardenlijst("vakcodes") is waardenlijst("vakcodes")


def test_an_unknown_table_name_is_an_invalid_code() -> None:
    with pytest.raises(InvalidCode, match="no code table 'kleur'"):
        waardenlijst("kleur")


def test_importing_the_codes_package_reads_no_table() -> None:
    code = (
        "import duo_domain.codes._bundled as b, sys; "
        "print(b._shipped.cache_info().currsize, 'duo_domain.mbo' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]


def test_the_docs_page_lists_every_shipped_table() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "codes.md").read_text(encoding="utf-8")
    listed = {line.split("`")[1] for line in page.splitlines() if line.startswith("| `")}
    assert listed == set(ALL)


@pytest.mark.parametrize("naam", ALL)
def test_the_derived_shortcuts_agree_with_is_valid_on_their_boundaries(naam: str) -> None:
    """``altijd_geldig`` and ``geldig_vanaf`` are derived from the values; each must say what
    ``is_valid`` says on the day before a first day, on it, and on any later day."""
    lijst = waardenlijst(naam)
    for value in lijst:
        day = lijst.geldig_vanaf.get(value.code)
        if value.code in lijst.altijd_geldig:
            assert day is None
            assert lijst.is_valid(value.code, op=dt.date(1900, 1, 1))
            assert lijst.is_valid(value.code, op=dt.date(2999, 12, 31))
        elif day is not None:
            assert value.geldig_tot is None
            assert not lijst.is_valid(value.code, op=day - dt.timedelta(days=1))
            assert lijst.is_valid(value.code, op=day)
            assert lijst.is_valid(value.code, op=dt.date(2999, 12, 31))
        else:
            assert value.geldig_tot is not None  # the one kind a rule looks up in full
    assert set(lijst.geldig_vanaf).isdisjoint(lijst.altijd_geldig)
    with pytest.raises(TypeError):
        lijst.geldig_vanaf["XYZ"] = dt.date(2000, 1, 1)  # type: ignore[index]
