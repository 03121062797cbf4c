"""Value lists and the studiejaar calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.calendar import Studiejaar, dagen_inclusief, leeftijd, studiejaar, teldata
from duo_domain.errors import InvalidCode
from duo_domain.mbo.codes import (
    GESLACHT,
    LEERROUTEFASE,
    LEERTRAJECT,
    NIVEAU,
    REDEN_UITSCHRIJVING,
    WAARDENLIJSTEN,
)

D = dt.date


def test_lists_have_their_values() -> None:
    assert LEERTRAJECT.codes()[:6] == ("BOL", "BOL_DT", "BBL", "OVO", "EX", "ODT")
    assert NIVEAU.codes() == ("MBO-1", "MBO-2", "MBO-3", "MBO-4")
    assert REDEN_UITSCHRIJVING.codes() == tuple(f"{i:02d}" for i in range(1, 9))
    assert LEERROUTEFASE.codes() == ("VO", "MBO")
    assert GESLACHT.codes() == ("M", "V", "O")
    assert set(WAARDENLIJSTEN) == {
        "leertraject",
        "niveau",
        "leerroutefase",
        "reden_uitschrijving",
        "geslacht",
    }
    assert all(v.omschrijving for lijst in WAARDENLIJSTEN.values() for v in lijst)


def test_unknown_code_raises_invalid_code_but_is_valid_never_raises() -> None:
    with pytest.raises(InvalidCode) as info:
        LEERTRAJECT.validate("DUAAL")
    assert info.value.waardenlijst == "leertraject"
    assert LEERTRAJECT.is_valid(None) is False
    assert LEERTRAJECT.validate("BOL_DT", op=D(2023, 7, 31)).code == "BOL_DT"
    with pytest.raises(InvalidCode):
        LEERTRAJECT.validate("BOL_DT", op=D(2023, 8, 1))


@pytest.mark.parametrize(
    ("datum", "beginjaar"), [(D(2024, 7, 31), 2023), (D(2024, 8, 1), 2024), (D(2025, 1, 1), 2024)]
)
def test_studiejaar_boundaries(datum: dt.date, beginjaar: int) -> None:
    sj = studiejaar(datum)
    assert sj == Studiejaar(beginjaar)
    assert datum in sj
    assert sj.begin == D(beginjaar, 8, 1)
    assert sj.einde == D(beginjaar + 1, 7, 31)
    assert type(sj.begin) is dt.date


def test_teldata() -> None:
    assert teldata(Studiejaar(2024)) == (D(2024, 10, 1), D(2025, 2, 1))
    assert Studiejaar(2024).vorige().label == "2023-2024"


@pytest.mark.parametrize(
    ("geboren", "op", "jaren"),
    [
        (D(2007, 3, 15), D(2025, 3, 14), 17),
        (D(2007, 3, 15), D(2025, 3, 15), 18),
        (D(2004, 2, 29), D(2022, 2, 27), 17),
        (D(2004, 2, 29), D(2022, 2, 28), 18),
        (D(2004, 2, 29), D(2024, 2, 29), 20),
    ],
)
def test_leeftijd(geboren: dt.date, op: dt.date, jaren: int) -> None:
    assert leeftijd(geboren, op=op) == jaren


def test_dagen_inclusief() -> None:
    assert dagen_inclusief(D(2025, 1, 1), D(2025, 1, 1)) == 1
    assert dagen_inclusief(D(2025, 1, 2), D(2025, 1, 1)) == 0
