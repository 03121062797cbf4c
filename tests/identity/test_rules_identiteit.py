"""Rules PERSOON.IDENTITEIT.*: one number, never both; without a number, personal data."""

from __future__ import annotations

from duo_domain.identity import Bsn, Onderwijsnummer, Persoonsgegevens, Student
from duo_domain.rules import Severity, registry, validate


def test_rules_are_registered_with_metadata() -> None:
    for rule_id in ("PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER", "PERSOON.IDENTITEIT.PERSOONSGEGEVENS"):
        rule = registry.get(rule_id)
        assert rule.severity is Severity.AFKEUR
        assert rule.source
        assert rule.guidance


def test_bsn_only_passes() -> None:
    assert len(validate(Student(bsn=Bsn("111222333")))) == 0


def test_onderwijsnummer_only_passes() -> None:
    assert len(validate(Student(onderwijsnummer=Onderwijsnummer("101222331")))) == 0


def test_both_numbers_is_afkeur() -> None:
    report = validate(
        Student(bsn=Bsn("111222333"), onderwijsnummer=Onderwijsnummer("101222331"), studentnummer="S9")
    )
    assert not report.ok
    [finding] = report.filter(rule="PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER")
    assert finding.severity is Severity.AFKEUR
    assert finding.path == "$.onderwijsnummer"
    assert finding.business_key == "S9"


def test_neither_number_nor_data_is_afkeur() -> None:
    report = validate(Student(studentnummer="S1"))
    assert report.rule_ids == {"PERSOON.IDENTITEIT.PERSOONSGEGEVENS"}
    assert next(iter(report)).path == "$.persoonsgegevens"


def test_neither_number_with_data_is_not_this_rule() -> None:
    report = validate(Student(persoonsgegevens=Persoonsgegevens(geslachtsnaam="Jansen")))
    assert not report.has("PERSOON.IDENTITEIT")


def test_paths_inside_a_list() -> None:
    report = validate([Student(bsn=Bsn("111222333")), Student()])
    assert [f.path for f in report] == ["$[1].persoonsgegevens"]
