"""PERSOON.ADRES.POSTCODE: a postcode is written as DUO's type takes it (the XSD refuses ``1000 aa``)."""

from __future__ import annotations

import pytest

from duo_domain.identity import NederlandsAdres
from duo_domain.rules import validate


@pytest.mark.parametrize(
    ("postcode", "ok"), [("1000AA", True), ("1000 aa", False), ("1000aa", False), ("1000 AA", False)]
)
def test_postcode_must_be_written_nnnnaa(postcode: str, ok: bool) -> None:
    found = {f.rule_id for f in validate(NederlandsAdres(postcode=postcode, huisnummer=1))}
    assert ("PERSOON.ADRES.POSTCODE" not in found) is ok
