"""The code tables shipped with the library: all in the one format, canonical, sourced, declared."""

from __future__ import annotations

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
