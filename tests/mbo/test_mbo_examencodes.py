"""The generieke examenonderdelencodetabel and the vrijstelling code list."""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.errors import InvalidDocument
from duo_domain.mbo.examencodes import (
    VRIJSTELLINGSCODES,
    Onderdeel,
    examencodetabel,
    load_examencodetabel,
)


def test_table_has_the_sixteen_codes_of_bijlage_viia() -> None:
    codes = examencodetabel().codes
    assert [c.code for c in codes] == [
        "3001", "3002", "3003", "3004", "3005", "3006", "3007",
        "3013", "3014", "3015", "3016", "3017", "3018", "3027", "3028", "3029",
    ]  # fmt: skip


@pytest.mark.parametrize("nt2", ["3019", "3022", "3026", "3008", "3030"])
def test_codes_outside_the_mbo_table(nt2: str) -> None:
    assert nt2 not in examencodetabel()
    assert examencodetabel().get(nt2) is None


@pytest.mark.parametrize(
    ("code", "onderdeel"),
    [
        ("3001", Onderdeel.NEDERLANDS),
        ("3005", Onderdeel.NEDERLANDS),
        ("3003", Onderdeel.ENGELS),
        ("3013", Onderdeel.ENGELS),
        ("3002", Onderdeel.REKENEN),
        ("3029", Onderdeel.REKENEN),
    ],
)
def test_meaning(code: str, onderdeel: Onderdeel) -> None:
    row = examencodetabel().get(code)
    assert row is not None
    assert row.onderdeel is onderdeel


@pytest.mark.parametrize("code", ["3002", "3004", "3006", "3007"])
def test_old_rekenen_codes_cohort_and_end(code: str) -> None:
    row = examencodetabel().get(code)
    assert row is not None
    assert row.past_bij_cohort(dt.date(2022, 7, 31))
    assert not row.past_bij_cohort(dt.date(2022, 8, 1))
    assert row.geldig_op(dt.date(2027, 7, 31))
    assert not row.geldig_op(dt.date(2027, 8, 1))


@pytest.mark.parametrize("code", ["3027", "3028", "3029"])
def test_new_rekenen_codes_from_2022(code: str) -> None:
    row = examencodetabel().get(code)
    assert row is not None
    assert not row.geldig_op(dt.date(2022, 7, 31))
    assert row.geldig_op(dt.date(2022, 8, 1))
    assert row.past_bij_cohort(dt.date(2015, 8, 1))


@pytest.mark.parametrize(
    ("code", "niveau", "ok"),
    [
        ("3001", 3, True),
        ("3001", 4, False),
        ("3005", 2, True),
        ("3005", 4, True),
        ("3013", 4, True),
        ("3013", 3, False),
        ("3027", 2, True),
        ("3027", 3, False),
        ("3028", 3, True),
        ("3028", 4, False),
        ("3029", 4, True),
        ("3006", 4, True),
        ("3002", 4, False),
    ],
)
def test_niveau_fit(code: str, niveau: int, ok: bool) -> None:
    row = examencodetabel().get(code)
    assert row is not None
    assert row.past_bij_niveau(niveau) is ok


def test_vrijstelling_list_is_open() -> None:
    assert VRIJSTELLINGSCODES.open
    assert "MBO" in VRIJSTELLINGSCODES
    assert "KZDL" in VRIJSTELLINGSCODES
    assert "HAVO" not in VRIJSTELLINGSCODES


_DECLARED = '"kenmerken": {"onderdeel": "o", "niveaus": "n", "cohort_start_voor": "c"}'


def _vendor(*rows: str, versie: str = "2030-08-01") -> str:
    return f'{{"naam": "t", "bron": "b", "versie": "{versie}", {_DECLARED}, "waarden": [{", ".join(rows)}]}}'


def test_vendor_table_and_bad_table() -> None:
    row = '{"code": "3099", "omschrijving": "x", "kenmerken": {"onderdeel": "rekenen", "niveaus": "4"}}'
    table = load_examencodetabel(_vendor(row))
    assert table.get("3099") is not None
    assert table.toestand == dt.date(2030, 8, 1)
    assert len(table) == 1
    with pytest.raises(InvalidDocument, match=r"missing @ \$.bron"):
        load_examencodetabel('{"naam": "t", "waarden": []}')
    with pytest.raises(InvalidDocument, match="twice"):
        load_examencodetabel(_vendor(row, row))
    with pytest.raises(InvalidDocument, match="expected JSON text"):
        load_examencodetabel({"naam": "t"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kenmerken", "path"),
    [
        ('{"niveaus": "4"}', "$.waarden[0].kenmerken"),
        ('{"onderdeel": "wiskunde", "niveaus": "4"}', "$.waarden[0].kenmerken.onderdeel"),
        ('{"onderdeel": "rekenen", "niveaus": "5"}', "$.waarden[0].kenmerken.niveaus"),
        (
            '{"onderdeel": "rekenen", "niveaus": "4", "cohort_start_voor": "1-8-2022"}',
            "$.waarden[0].kenmerken.cohort_start_voor",
        ),
        (
            '{"onderdeel": "rekenen", "niveaus": "4", "cohort_start_voor": "2022-02-30"}',
            "$.waarden[0].kenmerken.cohort_start_voor",
        ),
    ],
)
def test_a_vendor_table_with_a_bad_kenmerk_is_refused_with_its_path(kenmerken: str, path: str) -> None:
    with pytest.raises(InvalidDocument) as info:
        load_examencodetabel(_vendor(f'{{"code": "3099", "omschrijving": "x", "kenmerken": {kenmerken}}}'))
    assert info.value.path == path


def test_a_vendor_table_needs_the_date_of_its_text() -> None:
    row = '{"code": "3099", "omschrijving": "x", "kenmerken": {"onderdeel": "rekenen", "niveaus": "4"}}'
    with pytest.raises(InvalidDocument, match="versie"):
        load_examencodetabel(_vendor(row, versie="2030"))
