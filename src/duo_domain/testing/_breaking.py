"""Shared machinery of the ``breaks=`` knobs: checking the rule id, and students that break one rule.

A strategy built with ``breaks=RULE_ID`` draws objects that are valid except
for that one rule: validating them yields findings of that rule and of no
other. The ``PERSOON.*`` rules are broken through the student a record or a
candidate carries, so they are offered by every strategy whose objects hold a
[`Student`][duo_domain.identity.Student].
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import attrs
from hypothesis import strategies as st

from duo_domain.identity import (
    Bsn,
    BuitenlandsAdres,
    NederlandsAdres,
    Onderwijsnummer,
    Persoonsgegevens,
    Student,
)
from duo_domain.testing.identity import (
    bsns,
    buitenlandse_adressen,
    invalid_postcodes,
    nederlandse_adressen,
    onderwijsnummers,
    persoonsgegevens,
    students,
)

__all__ = ["PERSOON_BREAKS", "check_breaks", "students_breaking"]

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
DIGITS = "0123456789"

#: The ``PERSOON.*`` rules a student can be made to break.
PERSOON_BREAKS = frozenset(
    {
        "PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER",
        "PERSOON.IDENTITEIT.PERSOONSGEGEVENS",
        "PERSOON.PERSOONSGEGEVENS.GESLACHTSNAAM",
        "PERSOON.PERSOONSGEGEVENS.VOORVOEGSELS",
        "PERSOON.PERSOONSGEGEVENS.VOORNAMEN",
        "PERSOON.PERSOONSGEGEVENS.GEBOORTEDATUM",
        "PERSOON.PERSOONSGEGEVENS.GESLACHT",
        "PERSOON.PERSOONSGEGEVENS.ADRES",
        "PERSOON.ADRES.POSTCODE",
        "PERSOON.ADRES.HUISNUMMER",
        "PERSOON.ADRES.HUISLETTER",
        "PERSOON.ADRES.HUISNUMMERTOEVOEGING",
        "PERSOON.ADRES.HUISNUMMERAANDUIDING",
        "PERSOON.ADRES.STRAATNAAM",
        "PERSOON.ADRES.PLAATSNAAM",
        "PERSOON.ADRES.ADRESREGEL",
        "PERSOON.ADRES.LANDCODE",
    }
)


def check_breaks(breaks: str | None, allowed: Iterable[str], what: str) -> None:
    """Refuse a rule id the strategy cannot break, naming those it can.

    Raises:
        ValueError: when ``breaks`` is not ``None`` and not in ``allowed``.
    """
    if breaks is not None and breaks not in frozenset(allowed):
        raise ValueError(f"{what} cannot break {breaks!r}; it can break: {', '.join(sorted(allowed))}")


def _long(min_size: int) -> st.SearchStrategy[str]:
    return st.text("abcdefghijklmnopqrstuvwxyz", min_size=min_size, max_size=min_size + 20)


_STUDENTNUMMER = st.none() | st.text(DIGITS, min_size=1, max_size=8)
_NUMBERS: dict[str, st.SearchStrategy[dict[str, object]]] = {
    "bsn": bsns().map(lambda b: {"bsn": Bsn(b)}),
    "onderwijsnummer": onderwijsnummers().map(lambda o: {"onderwijsnummer": Onderwijsnummer(o)}),
}


def _without_number(**changes: Any) -> st.SearchStrategy[Student]:
    """Students known only by personal data, with ``changes`` made to that data."""

    def make(data: Persoonsgegevens, studentnummer: str | None) -> Student:
        return Student(persoonsgegevens=attrs.evolve(data, **changes), studentnummer=studentnummer)

    return st.builds(make, persoonsgegevens(), _STUDENTNUMMER)


@st.composite
def _with_adres(draw: st.DrawFn, adres: st.SearchStrategy[NederlandsAdres | BuitenlandsAdres]) -> Student:
    """A student whose personal data carry ``adres`` (with or without a personal number)."""
    data = attrs.evolve(draw(persoonsgegevens()), adres=draw(adres))
    number = draw(st.sampled_from((None, "bsn", "onderwijsnummer")))
    extra = draw(_NUMBERS[number]) if number is not None else {}
    return Student(persoonsgegevens=data, studentnummer=draw(_STUDENTNUMMER), **extra)  # type: ignore[arg-type]


def _nl(**changes: st.SearchStrategy[object]) -> st.SearchStrategy[Student]:
    def evolve(pair: tuple[NederlandsAdres, dict[str, Any]]) -> NederlandsAdres:
        return attrs.evolve(pair[0], **pair[1])

    return _with_adres(st.tuples(nederlandse_adressen(), st.fixed_dictionaries(changes)).map(evolve))


def _buitenland(**changes: st.SearchStrategy[object]) -> st.SearchStrategy[Student]:
    def evolve(pair: tuple[BuitenlandsAdres, dict[str, Any]]) -> BuitenlandsAdres:
        return attrs.evolve(pair[0], **pair[1])

    return _with_adres(st.tuples(buitenlandse_adressen(), st.fixed_dictionaries(changes)).map(evolve))


@functools.cache
def _students_breaking(rule: str | None) -> st.SearchStrategy[Student]:
    """The strategy for one ``PERSOON.*`` rule (a plain dispatch, one entry per rule)."""
    if rule is None:
        return students()
    blank = st.sampled_from((None, "", "   "))
    if rule == "PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER":
        return st.builds(
            Student,
            bsn=bsns().map(Bsn),
            onderwijsnummer=onderwijsnummers().map(Onderwijsnummer),
            studentnummer=_STUDENTNUMMER,
        )
    if rule == "PERSOON.IDENTITEIT.PERSOONSGEGEVENS":
        return st.builds(Student, studentnummer=_STUDENTNUMMER)
    if rule == "PERSOON.PERSOONSGEGEVENS.GESLACHTSNAAM":
        return st.one_of(
            blank.flatmap(lambda v: _without_number(geslachtsnaam=v)),
            _long(201).flatmap(lambda v: _without_number(geslachtsnaam=v)),
        )
    if rule == "PERSOON.PERSOONSGEGEVENS.VOORVOEGSELS":
        return _long(11).flatmap(lambda v: _without_number(voorvoegsels=v))
    if rule == "PERSOON.PERSOONSGEGEVENS.VOORNAMEN":
        return st.one_of(
            blank.flatmap(lambda v: _without_number(voornamen=v)),
            _long(201).flatmap(lambda v: _without_number(voornamen=v)),
        )
    if rule == "PERSOON.PERSOONSGEGEVENS.GEBOORTEDATUM":
        return _without_number(geboortedatum=None)
    if rule == "PERSOON.PERSOONSGEGEVENS.GESLACHT":
        return st.sampled_from((None, "X", "m", "1", "vrouw")).flatmap(lambda v: _without_number(geslacht=v))
    if rule == "PERSOON.PERSOONSGEGEVENS.ADRES":
        return _without_number(adres=None)
    if rule == "PERSOON.ADRES.POSTCODE":
        return _nl(postcode=invalid_postcodes())
    if rule == "PERSOON.ADRES.HUISNUMMER":
        return _nl(huisnummer=st.one_of(st.integers(100_000, 10**9), st.integers(-(10**6), -1)))
    if rule == "PERSOON.ADRES.HUISLETTER":
        return _nl(huisletter=st.sampled_from(("", "AB", "1", "-", "é")))
    if rule == "PERSOON.ADRES.HUISNUMMERTOEVOEGING":
        return _nl(huisnummertoevoeging=_long(6))
    if rule == "PERSOON.ADRES.HUISNUMMERAANDUIDING":
        return _nl(huisnummeraanduiding=st.sampled_from(("bij", "BY", "tegenover", "", "x")))
    if rule == "PERSOON.ADRES.STRAATNAAM":
        return _nl(straatnaam=_long(81))
    if rule == "PERSOON.ADRES.PLAATSNAAM":
        return _nl(plaatsnaam=st.one_of(st.just(""), _long(41)))
    if rule == "PERSOON.ADRES.ADRESREGEL":
        return st.one_of(
            _buitenland(adresregel1=blank),
            _buitenland(adresregel2=_long(36)),
            _buitenland(adresregel3=_long(36)),
        )
    if rule == "PERSOON.ADRES.LANDCODE":
        return _buitenland(landcode=st.sampled_from((None, "BE", "501", "50100", "BEL0")))
    raise ValueError(f"no student breaks {rule!r}")  # pragma: no cover - guarded by check_breaks


def students_breaking(rule: str | None = None) -> st.SearchStrategy[Student]:
    """Students that break the ``PERSOON.*`` rule ``rule`` and no other; valid ones for ``None``.

    Args:
        rule: One of `PERSOON_BREAKS`, or ``None``.

    Raises:
        ValueError: for any other rule id.

    Examples:
        >>> from hypothesis import given, settings
        >>> from duo_domain.rules import validate
        >>> @settings(max_examples=20)
        ... @given(students_breaking("PERSOON.ADRES.LANDCODE"))
        ... def test(student):
        ...     assert validate(student).rule_ids == {"PERSOON.ADRES.LANDCODE"}
        >>> test()
    """
    check_breaks(rule, PERSOON_BREAKS, "students_breaking")
    return _students_breaking(rule)


def merge(*sets: Iterable[str]) -> frozenset[str]:
    """The union of rule-id sets."""
    out: set[str] = set()
    for s in sets:
        out.update(s)
    return frozenset(out)
