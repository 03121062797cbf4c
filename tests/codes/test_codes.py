from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.codes import CodeValue, Waardenlijst
from duo_domain.errors import InvalidCode

LIJST = Waardenlijst(
    "leertraject-test",
    "test",
    (
        CodeValue("BOL", "beroepsopleidende leerweg"),
        CodeValue("BOL_DT", "deeltijd", geldig_tot=dt.date(2023, 7, 31)),
        CodeValue("NEW", "nieuw", geldig_van=dt.date(2020, 8, 1)),
    ),
)


def test_lookup() -> None:
    assert "BOL" in LIJST
    assert "XXX" not in LIJST
    assert 5 not in LIJST
    assert LIJST.get("BOL") == CodeValue("BOL", "beroepsopleidende leerweg")
    assert LIJST.get("XXX") is None
    assert LIJST.codes() == ("BOL", "BOL_DT", "NEW")
    assert len(LIJST) == 3
    assert [v.code for v in LIJST] == ["BOL", "BOL_DT", "NEW"]


@pytest.mark.parametrize(
    ("code", "op", "valid"),
    [
        ("BOL_DT", dt.date(2023, 7, 31), True),
        ("BOL_DT", dt.date(2023, 8, 1), False),
        ("NEW", dt.date(2020, 7, 31), False),
        ("NEW", dt.date(2020, 8, 1), True),
        ("NEW", None, True),
        ("XXX", None, False),
        (None, None, False),
    ],
)
def test_validity(code: str, op: dt.date | None, valid: bool) -> None:
    assert LIJST.is_valid(code, op=op) is valid
    if valid:
        assert LIJST.validate(code, op=op).code == code
    else:
        with pytest.raises(InvalidCode) as info:
            LIJST.validate(code, op=op)
        assert info.value.waardenlijst == "leertraject-test"


def test_duplicate_codes_are_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        Waardenlijst("x", "y", (CodeValue("A", "a"), CodeValue("A", "b")))
