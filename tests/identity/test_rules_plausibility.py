"""Person rules for text XML cannot carry, empty texts, and implausible values (issue 12, classes 7 and 8).

Each rule is tested at its boundary: the last value that passes and the first that does not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.identity import (
    BuitenlandsAdres,
    NederlandsAdres,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
)
from duo_domain.rules import Severity, registry, validate


def _student(**changes: object) -> Student:
    fields: dict[str, object] = {
        "geslachtsnaam": "Jansen",
        "voornamen": "Anna",
        "geboortedatum": OnvolledigeDatum(2008, 5, 1),
        "geslacht": "V",
        "adres": NederlandsAdres(postcode="2593CE", huisnummer=12, straatnaam="Laan", plaatsnaam="DEN HAAG"),
    }
    fields.update(changes)
    return Student(persoonsgegevens=Persoonsgegevens(**fields), studentnummer="S1")  # type: ignore[arg-type]


def _ids(student: Student, peildatum: dt.date | None = None) -> set[str]:
    return {f.rule_id for f in validate(student, peildatum=peildatum)}


def test_the_base_student_is_clean() -> None:
    assert _ids(_student()) == set()


@pytest.mark.parametrize("rule_id", ["PERSOON.TEKST.TEKENS", "PERSOON.TEKST.LEEG"])
def test_unsendable_text_is_afkeur(rule_id: str) -> None:
    assert registry.get(rule_id).severity is Severity.AFKEUR


@pytest.mark.parametrize(
    "rule_id",
    ["PERSOON.PLAUSIBEL.NAAMTEKENS", "PERSOON.PLAUSIBEL.GEBOORTEDATUM", "PERSOON.PLAUSIBEL.HUISNUMMER"],
)
def test_plausibility_rules_are_the_librarys_own_signals(rule_id: str) -> None:
    rule = registry.get(rule_id)
    assert rule.severity is Severity.SIGNAAL
    assert "own signaal" in rule.source
    assert (rule.geldig_van, rule.geldig_tot) == (None, None)
    assert rule.severity_origin == "library"


# -- PERSOON.TEKST.TEKENS ------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe", "\ud800"])
def test_a_control_character_in_a_name_is_refused(char: str) -> None:
    report = validate(_student(geslachtsnaam=f"Jan{char}sen"))
    found = [f for f in report if f.rule_id == "PERSOON.TEKST.TEKENS"]
    assert [f.path for f in found] == ["$.persoonsgegevens.geslachtsnaam"]


@pytest.mark.parametrize("char", ["\t", "\n", "\r", " ", "\x7f", "é", "\ufffd"])
def test_characters_xml_carries_pass(char: str) -> None:
    assert "PERSOON.TEKST.TEKENS" not in _ids(_student(geslachtsnaam=f"Jan{char}sen"))


def test_control_characters_in_the_address_and_studentnummer() -> None:
    adres = NederlandsAdres(postcode="2593CE", huisnummer=1, straatnaam="La\x00an")
    student = Student(
        persoonsgegevens=Persoonsgegevens(geslachtsnaam="Jansen", adres=adres), studentnummer="S\x01"
    )
    paths = {f.path for f in validate(student) if f.rule_id == "PERSOON.TEKST.TEKENS"}
    assert paths == {"$.studentnummer", "$.persoonsgegevens.adres.straatnaam"}


# -- PERSOON.TEKST.LEEG --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", " ", "\t"])
def test_an_empty_geslachtsnaam_is_refused_even_with_a_bsn(value: str) -> None:
    student = Student(bsn="111222333", persoonsgegevens=Persoonsgegevens(geslachtsnaam=value))
    assert "PERSOON.TEKST.LEEG" in {f.rule_id for f in validate(student)}


def test_one_character_is_enough() -> None:
    student = Student(bsn="111222333", persoonsgegevens=Persoonsgegevens(geslachtsnaam="-"))
    assert "PERSOON.TEKST.LEEG" not in {f.rule_id for f in validate(student)}


def test_empty_foreign_address_lines() -> None:
    adres = BuitenlandsAdres(adresregel1="Rue 1", adresregel2="", landcode="5010")
    paths = {f.path for f in validate(_student(adres=adres)) if f.rule_id == "PERSOON.TEKST.LEEG"}
    assert paths == {"$.persoonsgegevens.adres.adresregel2"}


# -- PERSOON.PLAUSIBEL.NAAMTEKENS ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Jan\u200bsen",
        "Jan\u200dsen",
        "\ufeffJansen",
        "Jan\u202esen",
        "Jansen\u2066",
        "\u0301Jansen",
        "Anna \u0308Jansen",
    ],
)
def test_invisible_characters_and_lone_marks_are_signalled(name: str) -> None:
    assert "PERSOON.PLAUSIBEL.NAAMTEKENS" in _ids(_student(geslachtsnaam=name))


@pytest.mark.parametrize("name", ["Jansen", "Zoë", "Mu\u0308ller", "O'Brien", "Jan-Pieter", "Ça\u0327"])
def test_ordinary_names_with_accents_pass(name: str) -> None:
    assert "PERSOON.PLAUSIBEL.NAAMTEKENS" not in _ids(_student(geslachtsnaam=name))


# -- PERSOON.PLAUSIBEL.GEBOORTEDATUM -------------------------------------------------------------


@pytest.mark.parametrize(
    ("jaar", "flagged"),
    [(1800, True), (1899, True), (1900, False), (2075, False), (2076, True), (2090, True)],
)
def test_birth_year_without_peildatum(jaar: int, flagged: bool) -> None:
    student = _student(geboortedatum=OnvolledigeDatum(jaar, 1, 1))
    assert ("PERSOON.PLAUSIBEL.GEBOORTEDATUM" in _ids(student)) is flagged


def test_birth_date_after_the_peildatum() -> None:
    peildatum = dt.date(2026, 3, 1)
    on_the_day = _student(geboortedatum=OnvolledigeDatum(2026, 3, 1))
    day_after = _student(geboortedatum=OnvolledigeDatum(2026, 3, 2))
    assert "PERSOON.PLAUSIBEL.GEBOORTEDATUM" not in _ids(on_the_day, peildatum)
    assert "PERSOON.PLAUSIBEL.GEBOORTEDATUM" in _ids(day_after, peildatum)
    # An incomplete date is judged by the earliest day it can stand for.
    assert "PERSOON.PLAUSIBEL.GEBOORTEDATUM" not in _ids(
        _student(geboortedatum=OnvolledigeDatum(2026)), peildatum
    )


# -- PERSOON.PLAUSIBEL.HUISNUMMER ----------------------------------------------------------------


@pytest.mark.parametrize(("huisnummer", "flagged"), [(0, True), (1, False), (99999, False)])
def test_huisnummer_zero(huisnummer: int, flagged: bool) -> None:
    adres = NederlandsAdres(postcode="2593CE", huisnummer=huisnummer)
    assert ("PERSOON.PLAUSIBEL.HUISNUMMER" in _ids(_student(adres=adres))) is flagged


# -- the text rules name the field, never its content ---------------------------------------------


def test_messages_do_not_quote_the_text() -> None:
    report = validate(_student(geslachtsnaam="Jan\x00sen", voornamen="An\u200bna"))
    assert report.rule_ids == {"PERSOON.TEKST.TEKENS", "PERSOON.PLAUSIBEL.NAAMTEKENS"}
    assert all("Jan" not in f.message and "An" not in f.message for f in report)


# -- one finding per mistake ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "only"),
    [
        # a blank name of a student without a number: the name's own rule says it is missing
        ({"geslachtsnaam": " "}, "PERSOON.PERSOONSGEGEVENS.GESLACHTSNAAM"),
        ({"voornamen": "\t"}, "PERSOON.PERSOONSGEGEVENS.VOORNAMEN"),
        # a control character that str.strip() takes for whitespace is unsendable, not missing
        ({"geslachtsnaam": "\x1f"}, "PERSOON.TEKST.TEKENS"),
        # codes with a fixed pattern or list are judged by their own rule alone
        ({"geslacht": "V\u200b"}, "PERSOON.PERSOONSGEGEVENS.GESLACHT"),
        ({"geslacht": "V\x00"}, "PERSOON.PERSOONSGEGEVENS.GESLACHT"),
        ({"adres": NederlandsAdres(postcode="2593\u200bCE")}, "PERSOON.ADRES.POSTCODE"),
        ({"adres": NederlandsAdres(plaatsnaam="")}, "PERSOON.ADRES.PLAATSNAAM"),
        ({"adres": BuitenlandsAdres(adresregel1=" ", landcode="5010")}, "PERSOON.ADRES.ADRESREGEL"),
        ({"adres": BuitenlandsAdres(adresregel1="Rue 1", landcode="50\x0010")}, "PERSOON.ADRES.LANDCODE"),
    ],
)
def test_one_finding_per_mistake(changes: dict[str, object], only: str) -> None:
    assert _ids(_student(**changes)) == {only}


def test_a_blank_name_with_a_number_is_leeg_only() -> None:
    student = Student(bsn="111222333", persoonsgegevens=Persoonsgegevens(voornamen="\t"))
    assert _ids(student) == {"PERSOON.TEKST.LEEG"}


@pytest.mark.parametrize("field", ["straatnaam", "plaatsnaam", "huisnummertoevoeging"])
def test_invisible_characters_in_address_texts(field: str) -> None:
    adres = NederlandsAdres(postcode="2593CE", huisnummer=1, **{field: "A\u202eB"})
    found = [f for f in validate(_student(adres=adres)) if f.rule_id == "PERSOON.PLAUSIBEL.NAAMTEKENS"]
    assert [f.path for f in found] == [f"$.persoonsgegevens.adres.{field}"]


def test_the_studentnummer_is_the_schools_own_key() -> None:
    student = Student(bsn="111222333", studentnummer="S\u200b1")
    assert _ids(student) == set()
