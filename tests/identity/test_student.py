"""Student, Persoonsgegevens, addresses, OnvolledigeDatum and Geslacht: construction and shape checks."""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.errors import InvalidChecksum, InvalidFormat, InvalidIdentifier, InvalidValue
from duo_domain.identity import (
    Bsn,
    BuitenlandsAdres,
    Geslacht,
    NederlandsAdres,
    Onderwijsnummer,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
)


def test_student_converts_text_numbers() -> None:
    s = Student(bsn="1112.22.333", onderwijsnummer="101222331")
    assert s.bsn == Bsn("111222333")
    assert s.onderwijsnummer == Onderwijsnummer("101222331")


def test_student_rejects_invalid_numbers_with_library_errors() -> None:
    with pytest.raises(InvalidChecksum):
        Student(bsn="111222334")
    with pytest.raises(InvalidIdentifier):
        Student(bsn=111222333)  # type: ignore[arg-type]


def test_student_with_both_numbers_constructs() -> None:
    # Both numbers is a finding (see the rules), not an exception.
    s = Student(bsn=Bsn("111222333"), onderwijsnummer=Onderwijsnummer("101222331"))
    assert s.bsn is not None
    assert s.onderwijsnummer is not None


def test_types_are_checked() -> None:
    with pytest.raises(
        InvalidValue, match=r"^Persoonsgegevens\.geslachtsnaam: expected a string or null, got number$"
    ):
        Persoonsgegevens(geslachtsnaam=12)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"Persoonsgegevens\.adres: .*got string$"):
        Persoonsgegevens(adres="Kerkstraat 1")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"NederlandsAdres\.huisnummer"):
        NederlandsAdres(huisnummer="12")  # type: ignore[arg-type]


def test_student_is_frozen_and_hashable() -> None:
    s = Student(bsn=Bsn("111222333"), studentnummer="1")
    assert hash(s) == hash(Student(bsn=Bsn("111222333"), studentnummer="1"))
    with pytest.raises(AttributeError):
        s.studentnummer = "2"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2005-03-11", OnvolledigeDatum(2005, 3, 11)),
        ("20050311", OnvolledigeDatum(2005, 3, 11)),
        ("2005-03-00", OnvolledigeDatum(2005, 3)),
        ("2005-00-00", OnvolledigeDatum(2005)),
        ("2004-02-29", OnvolledigeDatum(2004, 2, 29)),
    ],
)
def test_onvolledige_datum_parse(text: str, expected: OnvolledigeDatum) -> None:
    assert OnvolledigeDatum.parse(text) == expected
    assert OnvolledigeDatum.parse(str(expected)) == expected


@pytest.mark.parametrize(
    "text", ["2005-00-11", "2005-13-01", "2005-02-29", "2005-04-31", "0000-01-01", "2005-3-1", "x", ""]
)
def test_onvolledige_datum_parse_invalid(text: str) -> None:
    with pytest.raises(InvalidFormat):
        OnvolledigeDatum.parse(text)


def test_onvolledige_datum_bounds() -> None:
    assert OnvolledigeDatum(2005, 12, 31).to_date() == dt.date(2005, 12, 31)
    assert OnvolledigeDatum(2005, 12).to_date() is None
    assert not OnvolledigeDatum(2005, 12).volledig
    assert OnvolledigeDatum(2005).vroegst() == dt.date(2005, 1, 1)
    assert OnvolledigeDatum(2005).laatst() == dt.date(2005, 12, 31)
    assert OnvolledigeDatum(2004, 2).laatst() == dt.date(2004, 2, 29)
    assert OnvolledigeDatum.from_date(dt.date(2001, 1, 1)).volledig
    with pytest.raises(InvalidFormat):
        OnvolledigeDatum(2005, None, 3)
    with pytest.raises(InvalidFormat):
        OnvolledigeDatum(2005, 0)
    with pytest.raises(InvalidValue):
        OnvolledigeDatum("2005")  # type: ignore[arg-type]


def test_geslacht() -> None:
    assert [g.value for g in Geslacht] == ["M", "V", "O"]
    assert [Geslacht.from_webservice(c) for c in "123"] == [Geslacht.MAN, Geslacht.VROUW, Geslacht.ONBEKEND]
    assert Geslacht.ONBEKEND.webservice_code == "3"
    with pytest.raises(ValueError, match="not a geslacht code"):
        Geslacht.from_webservice("4")


def test_buitenlands_adres_defaults() -> None:
    a = BuitenlandsAdres(adresregel1="Rue de la Loi 16", landcode="5010")
    assert a.adresregel2 is None
