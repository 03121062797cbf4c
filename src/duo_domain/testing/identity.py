"""Hypothesis strategies for identifiers and student identity.

For every identifier module of [`duo_domain.identity`][duo_domain.identity] there is a
strategy for valid values (in canonical form) and one for invalid values
(near misses such as a changed check digit, a character too many or too few,
and other text). Use them in your own property tests:

Examples:
    >>> from hypothesis import given
    >>> from duo_domain.identity import bsn
    >>> from duo_domain.testing import bsns, invalid_bsns
    >>> @given(bsns(), invalid_bsns())
    ... def test_bsn(good, bad):
    ...     assert bsn.is_valid(good) and not bsn.is_valid(bad)
    >>> test_bsn()

Needs the optional dependency ``hypothesis`` (``pip install duo-domain[testing]``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import ModuleType

from hypothesis import strategies as st

from duo_domain.identity import (
    IDENTIFIERS,
    Bsn,
    BuitenlandsAdres,
    Geslacht,
    NederlandsAdres,
    Onderwijsnummer,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
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

_DIGITS = "0123456789"


def _weighted8(digits: str) -> int:
    return sum((9 - i) * int(d) for i, d in enumerate(digits))


def _bsn_head_ok(first: str) -> bool:
    return _weighted8(first) % 11 != 10 and first != "00000000"


def bsns() -> st.SearchStrategy[str]:
    """Valid BSNs as nine-digit strings (leading zeros included)."""
    return (
        st.text(_DIGITS, min_size=8, max_size=8)
        .filter(_bsn_head_ok)
        .map(lambda first: first + str(_weighted8(first) % 11))
    )


def _onr_check(first: str, strict: bool) -> int:
    s8 = _weighted8(first)
    return s8 % 11 - 5 if strict else (s8 - 5) % 11


def onderwijsnummers(*, strict: bool = False) -> st.SearchStrategy[str]:
    """Valid onderwijsnummers: ``10``, six digits and the remainder-5 check digit.

    Args:
        strict: Only numbers that also pass the literal reading of DUO's
            formula (last digit 0 to 5).
    """
    return (
        st.text(_DIGITS, min_size=6, max_size=6)
        .map(lambda six: "10" + six)
        .filter(lambda first: 0 <= _onr_check(first, strict) <= 9)
        .map(lambda first: first + str(_onr_check(first, strict)))
    )


def _regex(pattern: str) -> st.SearchStrategy[str]:
    return st.from_regex(pattern, fullmatch=True)


def brins() -> st.SearchStrategy[str]:
    """Valid BRIN numbers (``nnAA``)."""
    return _regex(r"[0-9]{2}[A-Z]{2}")


def vestigingen() -> st.SearchStrategy[str]:
    """Valid vestiging codes (``nnAAnn``)."""
    return _regex(r"[0-9]{2}[A-Z]{2}[0-9]{2}")


def onderwijsbesturen() -> st.SearchStrategy[str]:
    """Valid RIO onderwijsbestuur codes (``nnnBnnn``)."""
    return _regex(r"[0-9]{3}B[0-9]{3}")


def onderwijsaanbieders() -> st.SearchStrategy[str]:
    """Valid RIO onderwijsaanbieder codes (``nnnAnnn``)."""
    return _regex(r"[0-9]{3}A[0-9]{3}")


def onderwijslocaties() -> st.SearchStrategy[str]:
    """Valid RIO onderwijslocatie codes (``nnnXnnn``)."""
    return _regex(r"[0-9]{3}X[0-9]{3}")


def opleidingseenheden() -> st.SearchStrategy[str]:
    """Valid RIO opleidingseenheid codes (``nnnnOnnnn``)."""
    return _regex(r"[0-9]{4}O[0-9]{4}")


def crebos() -> st.SearchStrategy[str]:
    """Valid crebo codes (five digits)."""
    return _regex(r"[0-9]{5}")


def keuzedelen() -> st.SearchStrategy[str]:
    """Valid keuzedeel codes (``Knnnn``)."""
    return _regex(r"K[0-9]{4}")


def leerbedrijven() -> st.SearchStrategy[str]:
    """Valid SBB leerbedrijf ids (100000000 to 999999999)."""
    return st.integers(100_000_000, 999_999_999).map(str)


def postcodes() -> st.SearchStrategy[str]:
    """Valid postcodes in canonical form (``NNNNAA``)."""
    return _regex(r"[1-9][0-9]{3}[A-Z]{2}")


def oins() -> st.SearchStrategy[str]:
    """Well-formed OINs (20 positions, eight-digit prefix)."""
    return st.one_of(
        _regex(r"0000000[1-9][0-9]{9}000"),
        brins().map(lambda b: f"00000007000{b}00000"),
        _regex(r"[0-9]{8}[0-9A-Z]{12}"),
    )


def elementcodes() -> st.SearchStrategy[str]:
    """Valid VO elementcodes (four digits)."""
    return _regex(r"[0-9]{4}")


def vakcodes() -> st.SearchStrategy[str]:
    """Valid VO vakcodes (four digits)."""
    return _regex(r"[0-9]{4}")


_VALID: dict[str, Callable[[], st.SearchStrategy[str]]] = {
    "bsn": bsns,
    "onderwijsnummer": onderwijsnummers,
    "brin": brins,
    "vestiging": vestigingen,
    "onderwijsbestuur": onderwijsbesturen,
    "onderwijsaanbieder": onderwijsaanbieders,
    "onderwijslocatie": onderwijslocaties,
    "opleidingseenheid": opleidingseenheden,
    "crebo": crebos,
    "keuzedeel": keuzedelen,
    "leerbedrijf": leerbedrijven,
    "postcode": postcodes,
    "oin": oins,
    "elementcode": elementcodes,
    "vakcode": vakcodes,
}


def identifiers(kind: str) -> st.SearchStrategy[str]:
    """Valid values, in canonical form, of the identifier ``kind`` (a module's ``KIND``).

    Raises:
        KeyError: for an unknown kind.
    """
    return _VALID[kind]()


@st.composite
def _near_miss(draw: st.DrawFn, valid: st.SearchStrategy[str]) -> str:
    value = draw(valid)
    i = draw(st.integers(0, len(value) - 1))
    how = draw(st.sampled_from(["change", "drop", "add", "letter"]))
    if how == "change":
        new = draw(st.sampled_from(_DIGITS + "ABKOXZ").filter(lambda c: c != value[i]))
        return value[:i] + new + value[i + 1 :]
    if how == "drop":
        return value[:i] + value[i + 1 :]
    if how == "add":
        return value[:i] + draw(st.sampled_from(_DIGITS + "AX")) + value[i:]
    return value[:i] + draw(st.sampled_from("#?/_é,")) + value[i + 1 :]


def _invalid(module: ModuleType, valid: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def bad(v: str) -> bool:
        return not module.is_valid(v)

    return st.one_of(
        _near_miss(valid).filter(bad),
        st.text(max_size=25).filter(bad),
        st.text(_DIGITS, max_size=12).filter(bad),
    )


def invalid_identifiers(kind: str) -> st.SearchStrategy[str]:
    """Strings that are not valid values of the identifier ``kind``.

    Near misses of valid values (a character changed, dropped, added or
    replaced by punctuation) and other text; every value is rejected by the
    module's ``is_valid``.

    Raises:
        KeyError: for an unknown kind.
    """
    return _invalid(IDENTIFIERS[kind], _VALID[kind]())


def invalid_bsns() -> st.SearchStrategy[str]:
    """Strings that are not valid BSNs (check digit, length, characters, ``000000000``)."""
    return st.one_of(
        invalid_identifiers("bsn"),
        st.just("000000000"),
        st.text(_DIGITS, min_size=1, max_size=8),  # short input is never zero-padded
    )


def invalid_onderwijsnummers() -> st.SearchStrategy[str]:
    """Strings that are not valid onderwijsnummers (prefix, check digit, length, characters)."""
    return st.one_of(invalid_identifiers("onderwijsnummer"), bsns())


def invalid_brins() -> st.SearchStrategy[str]:
    """Strings that are not valid BRIN numbers."""
    return invalid_identifiers("brin")


def invalid_vestigingen() -> st.SearchStrategy[str]:
    """Strings that are not valid vestiging codes."""
    return invalid_identifiers("vestiging")


def invalid_onderwijsbesturen() -> st.SearchStrategy[str]:
    """Strings that are not valid onderwijsbestuur codes."""
    return invalid_identifiers("onderwijsbestuur")


def invalid_onderwijsaanbieders() -> st.SearchStrategy[str]:
    """Strings that are not valid onderwijsaanbieder codes."""
    return invalid_identifiers("onderwijsaanbieder")


def invalid_onderwijslocaties() -> st.SearchStrategy[str]:
    """Strings that are not valid onderwijslocatie codes."""
    return invalid_identifiers("onderwijslocatie")


def invalid_opleidingseenheden() -> st.SearchStrategy[str]:
    """Strings that are not valid opleidingseenheid codes."""
    return invalid_identifiers("opleidingseenheid")


def invalid_crebos() -> st.SearchStrategy[str]:
    """Strings that are not valid crebo codes."""
    return invalid_identifiers("crebo")


def invalid_keuzedelen() -> st.SearchStrategy[str]:
    """Strings that are not valid keuzedeel codes."""
    return invalid_identifiers("keuzedeel")


def invalid_leerbedrijven() -> st.SearchStrategy[str]:
    """Strings that are not valid leerbedrijf ids (including 000000000 to 099999999)."""
    return st.one_of(invalid_identifiers("leerbedrijf"), st.integers(0, 99_999_999).map(lambda n: f"{n:09d}"))


def invalid_postcodes() -> st.SearchStrategy[str]:
    """Strings that are not valid postcodes (including a leading 0)."""
    return st.one_of(invalid_identifiers("postcode"), _regex(r"0[0-9]{3}[A-Z]{2}"))


def invalid_oins() -> st.SearchStrategy[str]:
    """Strings that are not well-formed OINs."""
    return invalid_identifiers("oin")


def invalid_elementcodes() -> st.SearchStrategy[str]:
    """Strings that are not valid elementcodes."""
    return invalid_identifiers("elementcode")


def invalid_vakcodes() -> st.SearchStrategy[str]:
    """Strings that are not valid vakcodes."""
    return invalid_identifiers("vakcode")


# --- student identity -------------------------------------------------------------------------------


@st.composite
def onvolledige_datums(draw: st.DrawFn, *, min_jaar: int = 1950, max_jaar: int = 2020) -> OnvolledigeDatum:
    """Birth dates, sometimes without a day or without day and month."""
    datum = draw(st.dates(min_value=dt.date(min_jaar, 1, 1), max_value=dt.date(max_jaar, 12, 31)))
    how = draw(st.sampled_from(["volledig", "volledig", "zonder_dag", "alleen_jaar"]))
    if how == "zonder_dag":
        return OnvolledigeDatum(datum.year, datum.month)
    if how == "alleen_jaar":
        return OnvolledigeDatum(datum.year)
    return OnvolledigeDatum.from_date(datum)


_NAAM = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéë' -", min_size=1, max_size=30).filter(
    lambda s: bool(s.strip())
)


def nederlandse_adressen() -> st.SearchStrategy[NederlandsAdres]:
    """Dutch addresses that pass every address rule."""
    return st.builds(
        NederlandsAdres,
        postcode=postcodes(),
        huisnummer=st.integers(1, 99999),
        huisletter=st.none() | st.sampled_from("ABCD"),
        huisnummertoevoeging=st.none() | st.sampled_from(["BIS", "2", "HS", "1HG"]),
        huisnummeraanduiding=st.none() | st.sampled_from(["by", "to"]),
        straatnaam=_NAAM,
        plaatsnaam=_NAAM.map(str.upper),
    )


def buitenlandse_adressen() -> st.SearchStrategy[BuitenlandsAdres]:
    """Foreign addresses that pass every address rule."""
    return st.builds(
        BuitenlandsAdres,
        adresregel1=_NAAM,
        adresregel2=st.none() | _NAAM,
        adresregel3=st.none() | _NAAM,
        landcode=_regex(r"[0-9]{4}"),
    )


def persoonsgegevens() -> st.SearchStrategy[Persoonsgegevens]:
    """Complete matching sets that pass every personal-data rule."""
    return st.builds(
        Persoonsgegevens,
        geslachtsnaam=_NAAM,
        voorvoegsels=st.none() | st.sampled_from(["van", "de", "van der", "in 't"]),
        voornamen=_NAAM,
        geboortedatum=onvolledige_datums(),
        geslacht=st.sampled_from([g.value for g in Geslacht]),
        adres=st.one_of(nederlandse_adressen(), buitenlandse_adressen()),
    )


def students() -> st.SearchStrategy[Student]:
    """Students that pass every identity rule: a BSN, an onderwijsnummer, or a full matching set."""
    studentnummer = st.none() | st.text(_DIGITS, min_size=1, max_size=8)
    return st.one_of(
        st.builds(Student, bsn=bsns().map(Bsn), studentnummer=studentnummer),
        st.builds(
            Student, onderwijsnummer=onderwijsnummers().map(Onderwijsnummer), studentnummer=studentnummer
        ),
        st.builds(Student, persoonsgegevens=persoonsgegevens(), studentnummer=studentnummer),
    )
