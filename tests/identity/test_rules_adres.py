"""Rules PERSOON.ADRES.*: the shape of Dutch and foreign addresses."""

from __future__ import annotations

import pytest

from duo_domain.identity import BuitenlandsAdres, NederlandsAdres
from duo_domain.rules import validate


def _rules(adres: object) -> set[str]:
    return set(validate(adres).rule_ids)


def test_empty_dutch_address_passes() -> None:
    # Every element of DUO's BinnenlandsAdres is optional.
    assert _rules(NederlandsAdres()) == set()


@pytest.mark.parametrize(
    ("field", "good", "bad", "rule"),
    [
        ("postcode", "1000AA", "0999AA", "PERSOON.ADRES.POSTCODE"),
        ("postcode", "9999ZZ", "9999 Z", "PERSOON.ADRES.POSTCODE"),
        ("huisnummer", 99999, 100000, "PERSOON.ADRES.HUISNUMMER"),
        ("huisnummer", 0, -1, "PERSOON.ADRES.HUISNUMMER"),
        ("huisletter", "a", "AB", "PERSOON.ADRES.HUISLETTER"),
        ("huisletter", "Z", "1", "PERSOON.ADRES.HUISLETTER"),
        ("huisnummertoevoeging", "12345", "123456", "PERSOON.ADRES.HUISNUMMERTOEVOEGING"),
        ("huisnummeraanduiding", "by", "bij", "PERSOON.ADRES.HUISNUMMERAANDUIDING"),
        ("huisnummeraanduiding", "to", "TO", "PERSOON.ADRES.HUISNUMMERAANDUIDING"),
        ("straatnaam", "s" * 80, "s" * 81, "PERSOON.ADRES.STRAATNAAM"),
        ("plaatsnaam", "p" * 40, "p" * 41, "PERSOON.ADRES.PLAATSNAAM"),
        ("plaatsnaam", "p", "", "PERSOON.ADRES.PLAATSNAAM"),
    ],
)
def test_dutch_address_boundaries(field: str, good: object, bad: object, rule: str) -> None:
    assert rule not in _rules(NederlandsAdres(**{field: good}))  # type: ignore[arg-type]
    report = validate(NederlandsAdres(**{field: bad}))  # type: ignore[arg-type]
    [finding] = report
    assert finding.rule_id == rule
    assert finding.path == f"$.{field}"


def test_foreign_address_needs_line_and_landcode() -> None:
    assert _rules(BuitenlandsAdres()) == {"PERSOON.ADRES.ADRESREGEL", "PERSOON.ADRES.LANDCODE"}
    assert _rules(BuitenlandsAdres(adresregel1="x", landcode="5010")) == set()


@pytest.mark.parametrize(("landcode", "ok"), [("5010", True), ("0000", True), ("501", False), ("BE", False)])
def test_landcode(landcode: str, ok: bool) -> None:
    rules = _rules(BuitenlandsAdres(adresregel1="x", landcode=landcode))
    assert ("PERSOON.ADRES.LANDCODE" not in rules) is ok


@pytest.mark.parametrize("field", ["adresregel1", "adresregel2", "adresregel3"])
def test_adresregel_length(field: str) -> None:
    base = {"adresregel1": "x", "landcode": "5010"}
    assert _rules(BuitenlandsAdres(**{**base, field: "a" * 35})) == set()
    findings = list(validate(BuitenlandsAdres(**{**base, field: "a" * 36})))
    assert [(f.rule_id, f.path) for f in findings] == [("PERSOON.ADRES.ADRESREGEL", f"$.{field}")]
