"""The generieke examenonderdelencodetabel and the vrijstelling code list."""

from __future__ import annotations

import datetime as dt

import pytest

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


def test_vendor_table_and_bad_table() -> None:
    table = load_examencodetabel(
        {
            "naam": "t",
            "bron": "b",
            "toestand": "2030-08-01",
            "codes": [{"code": "3099", "omschrijving": "x", "onderdeel": "rekenen", "niveaus": [4]}],
        }
    )
    assert table.get("3099") is not None
    assert len(table) == 1
    with pytest.raises(ValueError, match="not a generieke"):
        load_examencodetabel({"naam": "t"})
    with pytest.raises(ValueError, match="twice"):
        load_examencodetabel(
            {
                "naam": "t",
                "bron": "b",
                "toestand": "2030-08-01",
                "codes": [{"code": "1", "omschrijving": "x", "onderdeel": "rekenen", "niveaus": [4]}] * 2,
            }
        )
