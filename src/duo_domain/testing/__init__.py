"""Test helpers for vendors' own test suites: hypothesis strategies for valid and invalid data.

Needs the optional dependency ``hypothesis`` (``pip install duo-domain[testing]``);
nothing else in the library imports this package.

Examples:
    >>> from hypothesis import given
    >>> from duo_domain.identity import crebo
    >>> from duo_domain.testing import crebos
    >>> given(crebos())(lambda code: None if crebo.is_valid(code) else 1 / 0)()
"""

from __future__ import annotations

from duo_domain.testing.identity import (
    brins,
    bsns,
    buitenlandse_adressen,
    crebos,
    elementcodes,
    identifiers,
    invalid_brins,
    invalid_bsns,
    invalid_crebos,
    invalid_elementcodes,
    invalid_identifiers,
    invalid_keuzedelen,
    invalid_leerbedrijven,
    invalid_oins,
    invalid_onderwijsaanbieders,
    invalid_onderwijsbesturen,
    invalid_onderwijslocaties,
    invalid_onderwijsnummers,
    invalid_opleidingseenheden,
    invalid_postcodes,
    invalid_vakcodes,
    invalid_vestigingen,
    keuzedelen,
    leerbedrijven,
    nederlandse_adressen,
    oins,
    onderwijsaanbieders,
    onderwijsbesturen,
    onderwijslocaties,
    onderwijsnummers,
    onvolledige_datums,
    opleidingseenheden,
    persoonsgegevens,
    postcodes,
    students,
    vakcodes,
    vestigingen,
)

__all__ = [
    "brins",
    "bsns",
    "buitenlandse_adressen",
    "crebos",
    "elementcodes",
    "identifiers",
    "invalid_brins",
    "invalid_bsns",
    "invalid_crebos",
    "invalid_elementcodes",
    "invalid_identifiers",
    "invalid_keuzedelen",
    "invalid_leerbedrijven",
    "invalid_oins",
    "invalid_onderwijsaanbieders",
    "invalid_onderwijsbesturen",
    "invalid_onderwijslocaties",
    "invalid_onderwijsnummers",
    "invalid_opleidingseenheden",
    "invalid_postcodes",
    "invalid_vakcodes",
    "invalid_vestigingen",
    "keuzedelen",
    "leerbedrijven",
    "nederlandse_adressen",
    "oins",
    "onderwijsaanbieders",
    "onderwijsbesturen",
    "onderwijslocaties",
    "onderwijsnummers",
    "onvolledige_datums",
    "opleidingseenheden",
    "persoonsgegevens",
    "postcodes",
    "students",
    "vakcodes",
    "vestigingen",
]
