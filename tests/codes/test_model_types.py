"""The code-table value classes refuse a wrong type with a library error naming the field (issue 12)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from duo_domain.codes import CodeValue, Waardenlijst
from duo_domain.errors import InvalidValue


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"code": 1, "omschrijving": "x"}, "CodeValue.code"),
        ({"code": "a", "omschrijving": None}, "CodeValue.omschrijving"),
        ({"code": "a", "omschrijving": "x", "geldig_van": "2024-08-01"}, "CodeValue.geldig_van"),
        ({"code": "a", "omschrijving": "x", "geldig_tot": 20240801}, "CodeValue.geldig_tot"),
        ({"code": "a", "omschrijving": "x", "bron": None}, "CodeValue.bron"),
        ({"code": "a", "omschrijving": "x", "kenmerken": {"leerweg": 1}}, "kenmerken"),
        ({"code": "a", "omschrijving": "x", "kenmerken": None}, "kenmerken"),
    ],
)
def test_code_value_fields(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidValue, match=f"^{field}: expected"):
        CodeValue(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"naam": None}, "Waardenlijst.naam"),
        ({"bron": 5}, "Waardenlijst.bron"),
        ({"waarden": None}, "waarden"),
        ({"waarden": [{"code": "a"}]}, r"waarden\[0\]"),
        ({"open": "N"}, "Waardenlijst.open"),
        ({"versie": 2025}, "Waardenlijst.versie"),
        ({"geldig_van": "2024-08-01"}, "Waardenlijst.geldig_van"),
        ({"kenmerken": ["leerweg"]}, "kenmerken"),
    ],
)
def test_waardenlijst_fields(kwargs: dict[str, Any], field: str) -> None:
    base: dict[str, Any] = {"naam": "kleur", "bron": "huisregel", "waarden": []}
    with pytest.raises(InvalidValue, match=f"^{field}: expected"):
        Waardenlijst(**{**base, **kwargs})


def test_a_code_twice_or_an_undeclared_kenmerk_is_an_invalid_value_with_the_code_masked() -> None:
    twice = [CodeValue("100000009", "x"), CodeValue("100000009", "y")]
    with pytest.raises(InvalidValue, match=r"^waarden: code '\*+0009' appears twice") as info:
        Waardenlijst("n", "b", twice)
    assert "100000009" not in str(info.value)
    with pytest.raises(InvalidValue, match="kenmerk kleur is not declared"):
        Waardenlijst("n", "b", [CodeValue("a", "x", kenmerken={"kleur": "rood"})])


def test_well_typed_values_are_kept() -> None:
    v = CodeValue("a", "x", dt.date(2024, 8, 1), None, "", {"leerweg": "BBL"})
    lijst = Waardenlijst("n", "b", [v], kenmerken={"leerweg": "de leerweg"}, open=True)
    assert lijst.get("a") == v
    assert lijst.open
