"""Rules PERSOON.PERSOONSGEGEVENS.*: each missing or malformed element of the matching set."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from duo_domain.identity import (
    Bsn,
    BuitenlandsAdres,
    Geslacht,
    NederlandsAdres,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
)
from duo_domain.rules import Severity, registry, validate

COMPLETE = Persoonsgegevens(
    geslachtsnaam="Jansen",
    voorvoegsels="van der",
    voornamen="Anna Maria",
    geboortedatum=OnvolledigeDatum(2008, 5),
    geslacht=Geslacht.VROUW,
    adres=NederlandsAdres(postcode="2593CE", huisnummer=12, straatnaam="Kerkstraat", plaatsnaam="DEN HAAG"),
)


def _without(**changes: Any) -> Student:
    return Student(persoonsgegevens=attrs.evolve(COMPLETE, **changes), studentnummer="S7")


def test_complete_set_passes() -> None:
    assert len(validate(Student(persoonsgegevens=COMPLETE))) == 0


def test_foreign_address_passes() -> None:
    adres = BuitenlandsAdres(adresregel1="Rue de la Loi 16", adresregel2="1000 Bruxelles", landcode="5010")
    assert len(validate(Student(persoonsgegevens=attrs.evolve(COMPLETE, adres=adres)))) == 0


@pytest.mark.parametrize(
    ("element", "rule_id", "severity"),
    [
        ("geslachtsnaam", "PERSOON.PERSOONSGEGEVENS.GESLACHTSNAAM", Severity.AFKEUR),
        ("voornamen", "PERSOON.PERSOONSGEGEVENS.VOORNAMEN", Severity.SIGNAAL),
        ("geboortedatum", "PERSOON.PERSOONSGEGEVENS.GEBOORTEDATUM", Severity.AFKEUR),
        ("geslacht", "PERSOON.PERSOONSGEGEVENS.GESLACHT", Severity.AFKEUR),
        ("adres", "PERSOON.PERSOONSGEGEVENS.ADRES", Severity.AFKEUR),
    ],
)
def test_each_missing_element_is_a_finding(element: str, rule_id: str, severity: Severity) -> None:
    report = validate(_without(**{element: None}))
    [finding] = report
    assert finding.rule_id == rule_id
    assert finding.severity is severity
    assert finding.path == f"$.persoonsgegevens.{element}"
    assert finding.business_key == "S7"


def test_all_missing_elements_at_once() -> None:
    report = validate(Student(persoonsgegevens=Persoonsgegevens()))
    assert report.rule_ids == {
        "PERSOON.PERSOONSGEGEVENS.GESLACHTSNAAM",
        "PERSOON.PERSOONSGEGEVENS.VOORNAMEN",
        "PERSOON.PERSOONSGEGEVENS.GEBOORTEDATUM",
        "PERSOON.PERSOONSGEGEVENS.GESLACHT",
        "PERSOON.PERSOONSGEGEVENS.ADRES",
    }


def test_voorvoegsels_are_optional() -> None:
    assert len(validate(_without(voorvoegsels=None))) == 0


def test_missing_elements_are_fine_with_a_bsn() -> None:
    s = Student(bsn=Bsn("111222333"), persoonsgegevens=Persoonsgegevens(geslachtsnaam="Jansen"))
    assert len(validate(s)) == 0


def test_blank_geslachtsnaam_counts_as_missing() -> None:
    assert validate(_without(geslachtsnaam="  ")).has("PERSOON.PERSOONSGEGEVENS.GESLACHTSNAAM")


@pytest.mark.parametrize(
    ("element", "limit", "rule_id"),
    [
        ("geslachtsnaam", 200, "PERSOON.PERSOONSGEGEVENS.GESLACHTSNAAM"),
        ("voorvoegsels", 10, "PERSOON.PERSOONSGEGEVENS.VOORVOEGSELS"),
        ("voornamen", 200, "PERSOON.PERSOONSGEGEVENS.VOORNAMEN"),
    ],
)
def test_length_boundaries(element: str, limit: int, rule_id: str) -> None:
    assert not validate(_without(**{element: "a" * limit})).has(rule_id)
    report = validate(_without(**{element: "a" * (limit + 1)}))
    assert report.has(rule_id)
    # Malformed is reported with a BSN as well.
    long: dict[str, Any] = {element: "a" * (limit + 1)}
    with_bsn = Student(bsn=Bsn("111222333"), persoonsgegevens=attrs.evolve(COMPLETE, **long))
    assert validate(with_bsn).has(rule_id)


@pytest.mark.parametrize("code", ["M", "V", "O"])
def test_geslacht_codes_pass(code: str) -> None:
    assert not validate(_without(geslacht=code)).has("PERSOON.PERSOONSGEGEVENS.GESLACHT")


@pytest.mark.parametrize("code", ["m", "X", "1", ""])
def test_unknown_geslacht_is_a_finding(code: str) -> None:
    [finding] = validate(_without(geslacht=code)).filter(rule="PERSOON.PERSOONSGEGEVENS.GESLACHT")
    assert finding.path == "$.persoonsgegevens.geslacht"


def test_every_rule_of_the_group_has_metadata() -> None:
    rules = [r for r in registry if r.id.startswith("PERSOON.")]
    assert len(rules) >= 17
    for r in rules:
        assert r.summary
        assert r.guidance
        assert r.source
