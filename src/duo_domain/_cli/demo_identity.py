"""Demo section: identifiers and student identity (synthetic numbers only)."""

from __future__ import annotations

from typing import TextIO

from duo_domain.identity import (
    IDENTIFIERS,
    Bsn,
    NederlandsAdres,
    Onderwijsnummer,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
)
from duo_domain.rules import validate

_SAMPLES = (
    ("bsn", "1112.22.333"),
    ("bsn", "12"),
    ("onderwijsnummer", "1012.22.331"),
    ("brin", "25be"),
    ("onderwijslocatie", "110X912"),
    ("crebo", "2565"),
    ("leerbedrijf", "012345678"),
    ("postcode", "2593 ce"),
)


def section(out: TextIO) -> None:
    """Print the identity part of the demo."""
    out.write("Identity: identifiers checked with duo_domain.identity\n")
    for kind, value in _SAMPLES:
        module = IDENTIFIERS[kind]
        if module.is_valid(value):
            out.write(f"  {kind:<17} valid    -> {module.format(value)}\n")
        else:
            try:
                module.validate(value)
            except ValueError as exc:
                out.write(f"  {kind:<17} invalid  {exc}\n")
    both = Student(bsn=Bsn("111222333"), onderwijsnummer=Onderwijsnummer("101222331"), studentnummer="S1001")
    zonder = Student(
        persoonsgegevens=Persoonsgegevens(
            geslachtsnaam="Jansen",
            geboortedatum=OnvolledigeDatum(2008, 5),
            geslacht="X",
            adres=NederlandsAdres(postcode="0593CE", huisnummer=12),
        ),
        studentnummer="S1002",
    )
    out.write("  a student with both a BSN and an onderwijsnummer, and one with neither:\n")
    for student in (both, zonder):
        for finding in validate(student):
            out.write(f"    {finding.severity.value:<9} {finding.rule_id}: {finding.message}\n")
