"""The one file format of code tables: reading, every kind of bad input, writing back."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from duo_domain.codes import CodeValue, Waardenlijst, dumps, load, loads
from duo_domain.errors import InvalidCode, InvalidDocument


def _table(**changes: Any) -> dict[str, Any]:
    table: dict[str, Any] = {
        "naam": "kleur",
        "bron": "huisregel art. 1",
        "kenmerken": {"warm": "ja or nee"},
        "waarden": [
            {"code": "R", "omschrijving": "rood", "kenmerken": {"warm": "ja"}},
            {"code": "B", "omschrijving": "blauw", "geldig_van": "2020-08-01", "geldig_tot": "2023-07-31"},
        ],
    }
    table.update(changes)
    return table


def _row(**changes: Any) -> dict[str, Any]:
    return {"code": "G", "omschrijving": "groen", **changes}


def test_a_table_is_read_with_every_field() -> None:
    lijst = load(
        _table(versie="2025-2026", url="https://example.org", omschrijving="kleuren", open=True)
        | {"geldig_van": "2025-08-01", "geldig_tot": None}
    )
    assert (lijst.naam, lijst.bron, lijst.versie, lijst.omschrijving, lijst.open) == (
        "kleur",
        "huisregel art. 1",
        "2025-2026",
        "kleuren",
        True,
    )
    assert (lijst.geldig_van, lijst.geldig_tot) == (dt.date(2025, 8, 1), None)
    assert lijst.get("R") == CodeValue("R", "rood", kenmerken={"warm": "ja"})
    assert lijst.get("B") == CodeValue("B", "blauw", dt.date(2020, 8, 1), dt.date(2023, 7, 31))
    assert dict(lijst.kenmerken) == {"warm": "ja or nee"}


@pytest.mark.parametrize(
    ("table", "path", "message"),
    [
        (_table(kleur="rood"), "$.kleur", "unknown key"),
        ({k: v for k, v in _table().items() if k != "bron"}, "$.bron", "missing"),
        (_table(naam=7), "$.naam", "expected a string"),
        (_table(open="ja"), "$.open", "expected true or false"),
        (_table(waarden={}), "$.waarden", "expected a list"),
        (_table(waarden=["R"]), "$.waarden[0]", "expected an object"),
        (_table(waarden=[{"code": "R"}]), "$.waarden[0].omschrijving", "missing"),
        (_table(waarden=[_row(code="")]), "$.waarden[0].code", "empty"),
        (_table(waarden=[_row(soort="x")]), "$.waarden[0].soort", "unknown key"),
        (_table(waarden=[_row(geldig_van="2023-13-01")]), "$.waarden[0].geldig_van", "expected a date"),
        (_table(waarden=[_row(geldig_van="20230801")]), "$.waarden[0].geldig_van", "expected a date"),
        (_table(waarden=[_row(geldig_tot=20230731)]), "$.waarden[0].geldig_tot", "expected a date"),
        (
            _table(waarden=[_row(geldig_van="2023-08-01", geldig_tot="2023-07-31")]),
            "$.waarden[0].geldig_tot",
            "before geldig_van",
        ),
        (_table(waarden=[_row(kenmerken={"koud": "ja"})]), "$.waarden[0].kenmerken.koud", "not declared"),
        (_table(waarden=[_row(kenmerken={"warm": True})]), "$.waarden[0].kenmerken", "object of strings"),
        (_table(kenmerken=["warm"]), "$.kenmerken", "object of strings"),
        (_table(waarden=[_row(), _row()]), "$.waarden[1].code", "given twice"),
        (_table(geldig_van="2024-08-01", geldig_tot="2024-07-31"), "$.geldig_tot", "before geldig_van"),
    ],
)
def test_a_bad_table_is_refused_with_the_path(table: dict[str, Any], path: str, message: str) -> None:
    with pytest.raises(InvalidDocument) as info:
        load(table)
    assert info.value.path == path
    assert message in info.value.problems[0].message
    assert isinstance(info.value, ValueError)


def test_every_problem_is_reported_not_only_the_first() -> None:
    with pytest.raises(InvalidDocument) as info:
        load(_table(naam=1, waarden=[_row(geldig_van="x"), _row(code="H", geldig_tot="y")]))
    assert [p.path for p in info.value.problems] == [
        "$.waarden[0].geldig_van",
        "$.waarden[1].geldig_tot",
        "$.naam",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not JSON"),
        ('{"naam": ', "not JSON"),
        (b"\xff\xfe", "not UTF-8"),
        ("[" * 100_000 + "]" * 100_000, "nested deeper than 32 levels"),
        ("[]", "expected an object"),
        ("null", "expected an object"),
    ],
)
def test_text_that_is_not_a_table_is_refused(text: str | bytes, message: str) -> None:
    with pytest.raises(InvalidDocument, match=message):
        loads(text)


@pytest.mark.parametrize("thing", [None, 5, {"naam": "x"}, ["{}"]])
def test_loads_takes_text_or_bytes_only(thing: Any) -> None:
    with pytest.raises(InvalidDocument, match="expected JSON text"):
        loads(thing)


def test_a_huge_text_is_refused_unread() -> None:
    with pytest.raises(InvalidDocument, match="16 MiB"):
        loads(" " * (16 * 1024 * 1024 + 1))


def test_dumps_writes_what_loads_reads() -> None:
    lijst = load(_table(versie="2025-08-28", url="u", omschrijving="o", open=True, geldig_van="2025-08-01"))
    text = dumps(lijst)
    assert loads(text) == lijst
    assert loads(text.encode()) == lijst
    assert dumps(loads(text)) == text
    assert json.loads(text)["waarden"][1] == {
        "code": "B",
        "omschrijving": "blauw",
        "geldig_van": "2020-08-01",
        "geldig_tot": "2023-07-31",
    }
    empty = Waardenlijst("leeg", "b", ())
    assert loads(dumps(empty)) == empty


def test_kenmerken_are_read_only_and_a_value_may_not_carry_an_undeclared_one() -> None:
    lijst = load(_table())
    value = lijst.get("R")
    assert value is not None
    with pytest.raises(TypeError):
        value.kenmerken["warm"] = "nee"  # type: ignore[index]
    with pytest.raises(ValueError, match="not declared"):
        Waardenlijst("x", "y", (CodeValue("A", "a", kenmerken={"k": "v"}),))
    assert hash(value) == hash(CodeValue("R", "rood", kenmerken={"warm": "nee"}))


def test_met_adds_and_replaces_and_leaves_the_original_alone() -> None:
    lijst = load(_table())
    nieuw = lijst.met(CodeValue("B", "blauw (nieuw)"), CodeValue("G", "groen"))
    assert nieuw.codes() == ("R", "B", "G")
    assert nieuw.get("B") == CodeValue("B", "blauw (nieuw)")
    assert lijst.codes() == ("R", "B")
    assert lijst.get("G") is None
    with pytest.raises(ValueError, match="not declared"):
        lijst.met(CodeValue("Z", "zwart", kenmerken={"koud": "ja"}))


def test_met_kenmerk_and_vereis_kenmerken() -> None:
    lijst = load(_table())
    assert lijst.met_kenmerk("warm", "ja") == frozenset({"R"})
    assert lijst.met_kenmerk("warm", "nee") == frozenset()
    with pytest.raises(InvalidCode, match="declares no kenmerk"):
        lijst.met_kenmerk("wram", "ja")
    with pytest.raises(InvalidDocument) as info:
        lijst.vereis_kenmerken("warm", "koud")
    assert [str(p) for p in info.value.problems] == [
        "kenmerk koud not declared @ $.kenmerken",
        "kenmerk koud missing @ $.waarden[0].kenmerken",
        "kenmerk warm missing @ $.waarden[1].kenmerken",
        "kenmerk koud missing @ $.waarden[1].kenmerken",
    ]
    load(_table(waarden=[_row(kenmerken={"warm": "nee"})])).vereis_kenmerken("warm")
