"""Pattern-only codes: BRIN, vestiging, RIO codes, crebo, keuzedeel, leerbedrijf, VO codes, OIN, postcode."""

from __future__ import annotations

from types import ModuleType

import pytest
from stdnum.nl import postcode as stdnum_postcode

from duo_domain.errors import InvalidComponent, InvalidFormat, InvalidIdentifier, InvalidLength
from duo_domain.identity import (
    brin,
    crebo,
    elementcode,
    keuzedeel,
    leerbedrijf,
    oin,
    onderwijsaanbieder,
    onderwijsbestuur,
    onderwijslocatie,
    opleidingseenheid,
    postcode,
    vakcode,
    vestiging,
)

VALID: list[tuple[ModuleType, str, str]] = [
    (brin, "25BE", "25BE"),
    (brin, "00aa", "00AA"),
    (vestiging, "25BE01", "25BE01"),
    (vestiging, "25be 00", "25BE00"),
    (onderwijsbestuur, "100B490", "100B490"),
    (onderwijsaanbieder, "110A133", "110A133"),
    (onderwijsaanbieder, "100a501", "100A501"),
    (onderwijslocatie, "110X912", "110X912"),
    (onderwijslocatie, "101 X 591", "101X591"),
    (opleidingseenheid, "1007O5545", "1007O5545"),
    (crebo, "25655", "25655"),
    (crebo, "01234", "01234"),
    (keuzedeel, "K0067", "K0067"),
    (keuzedeel, "k1006", "K1006"),
    (leerbedrijf, "100000000", "100000000"),
    (leerbedrijf, "999999999", "999999999"),
    (leerbedrijf, "100 018 965", "100018965"),
    (postcode, "1000AA", "1000AA"),
    (postcode, "9999 zz", "9999ZZ"),
    (postcode, "NL-2593 CE", "2593CE"),
    (elementcode, "0172", "0172"),
    (elementcode, "6421", "6421"),
    (vakcode, "0011", "0011"),
    (vakcode, "1001", "1001"),
    (oin, "00000001800866472000", "00000001800866472000"),
    (oin, "0000000700025be00000", "0000000700025BE00000"),
]

INVALID: list[tuple[ModuleType, str, type[InvalidIdentifier]]] = [
    (brin, "25B", InvalidLength),
    (brin, "25BE0", InvalidLength),
    (brin, "2BE5", InvalidFormat),
    (brin, "AB25", InvalidFormat),
    (vestiging, "25BE1", InvalidLength),
    (vestiging, "25BE012", InvalidLength),
    (vestiging, "25BEA1", InvalidFormat),
    (onderwijsbestuur, "100A490", InvalidFormat),
    (onderwijsbestuur, "10B490", InvalidLength),
    (onderwijsaanbieder, "110X133", InvalidFormat),
    (onderwijsaanbieder, "1100A133", InvalidLength),
    (onderwijslocatie, "110A912", InvalidFormat),
    (onderwijslocatie, "110X9123", InvalidLength),
    (opleidingseenheid, "100705545", InvalidFormat),  # digit zero instead of the letter O
    (opleidingseenheid, "1007O554", InvalidLength),
    (crebo, "2565", InvalidLength),
    (crebo, "256555", InvalidLength),
    (crebo, "2565A", InvalidFormat),
    (keuzedeel, "K067", InvalidLength),
    (keuzedeel, "K00670", InvalidLength),
    (keuzedeel, "00067", InvalidFormat),
    (leerbedrijf, "099999999", InvalidComponent),
    (leerbedrijf, "000000000", InvalidComponent),
    (leerbedrijf, "10000000", InvalidLength),
    (leerbedrijf, "1000000000", InvalidLength),
    (leerbedrijf, "10000000A", InvalidFormat),
    (postcode, "0999AA", InvalidFormat),
    (postcode, "1000A", InvalidLength),
    (postcode, "1000AAA", InvalidLength),
    (postcode, "1000A1", InvalidFormat),
    (elementcode, "172", InvalidLength),
    (elementcode, "01720", InvalidLength),
    (elementcode, "017A", InvalidFormat),
    (vakcode, "011", InvalidLength),
    (vakcode, "10011", InvalidLength),
    (oin, "0000000180086647200", InvalidLength),
    (oin, "000000018008664720000", InvalidLength),
    (oin, "A0000001800866472000", InvalidFormat),  # prefix must be digits
    (oin, "0000000180086647200_", InvalidFormat),
]


@pytest.mark.parametrize(("module", "value", "canonical"), VALID)
def test_valid(module: ModuleType, value: str, canonical: str) -> None:
    assert module.validate(value) == canonical
    assert module.is_valid(value)
    assert module.compact(module.format(value)) == canonical


@pytest.mark.parametrize(("module", "value", "error"), INVALID)
def test_invalid(module: ModuleType, value: str, error: type[InvalidIdentifier]) -> None:
    with pytest.raises(error) as info:
        module.validate(value)
    assert info.value.kind == module.KIND
    assert not module.is_valid(value)


@pytest.mark.parametrize("letters", ["SA", "SD", "SS"])
def test_postcode_accepts_what_duo_accepts(letters: str) -> None:
    # python-stdnum refuses these letter pairs; DUO's Postcode-v02 pattern does not.
    assert not stdnum_postcode.is_valid(f"1234{letters}")
    assert postcode.is_valid(f"1234{letters}")


def test_postcode_format() -> None:
    assert postcode.format("2593ce") == "2593 CE"


def test_vestiging_brin() -> None:
    assert vestiging.brin("25BE01") == "25BE"


def test_oin_brin_round_trip() -> None:
    assert oin.for_brin("25BE") == "0000000700025BE00000"
    assert oin.brin(oin.for_brin("31HK")) == "31HK"
    assert oin.brin("00000001800866472000") is None
    assert oin.brin("00000007000ABCD00000") is None  # not a BRIN inside
    with pytest.raises(InvalidFormat):
        oin.for_brin("ABCD")
