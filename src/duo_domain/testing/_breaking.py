"""Shared machinery of the ``breaks=`` knobs: checking the rule id, and students that break one rule.

A strategy built with ``breaks=RULE_ID`` draws objects that are valid except
for that one rule: validating them yields findings of that rule and of no
other. The ``PERSOON.*`` rules are broken through the student a record or a
candidate carries, so they are offered by every strategy whose objects hold a
[`Student`][duo_domain.identity.Student].
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import attrs
from hypothesis import strategies as st

from duo_domain.identity import (
    Bsn,
    BuitenlandsAdres,
    NederlandsAdres,
    Onderwijsnummer,
    OnvolledigeDatum,
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
        "PERSOON.TEKST.TEKENS",
        "PERSOON.TEKST.LEEG",
        "PERSOON.PLAUSIBEL.NAAMTEKENS",
        "PERSOON.PLAUSIBEL.GEBOORTEDATUM",
        "PERSOON.PLAUSIBEL.HUISNUMMER",
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


#: Text a required field may not hold: missing, empty or blank.
_BLANK = st.sampled_from((None, "", "   "))

#: Characters XML 1.0 cannot carry (PERSOON.TEKST.TEKENS).
_NOT_XML_CHARS = st.sampled_from(("\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff"))
#: Characters nobody sees (PERSOON.PLAUSIBEL.NAAMTEKENS): zero-width, direction marks, BOM, soft hyphen.
_INVISIBLE_CHARS = st.sampled_from(
    ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e", "\u2066", "\x85")
)
_MARKS = st.sampled_from(("\u0301", "\u0308", "\u0327", "\u20d7"))


def _insert(text: str, char: str, at: int) -> str:
    at %= len(text) + 1
    return text[:at] + char + text[at:]


@st.composite
def _with_character(draw: st.DrawFn, chars: st.SearchStrategy[str]) -> Student:
    """A student with a matching set, one of whose names holds a character drawn from ``chars``."""
    data = draw(persoonsgegevens())
    name = draw(st.sampled_from(("geslachtsnaam", "voornamen")))
    changes: dict[str, Any] = {name: _insert(getattr(data, name), draw(chars), draw(st.integers(0, 30)))}
    return Student(persoonsgegevens=attrs.evolve(data, **changes), studentnummer=draw(_STUDENTNUMMER))


@st.composite
def _with_lone_mark(draw: st.DrawFn) -> Student:
    """A student one of whose names begins with, or holds after a space, a combining mark."""
    data = draw(persoonsgegevens())
    name = draw(st.sampled_from(("geslachtsnaam", "voornamen")))
    mark = draw(_MARKS)
    text = mark + getattr(data, name) if draw(st.booleans()) else getattr(data, name) + " " + mark + "a"
    changes: dict[str, Any] = {name: text}
    return Student(persoonsgegevens=attrs.evolve(data, **changes), studentnummer=draw(_STUDENTNUMMER))


@st.composite
def _unsendable(draw: st.DrawFn) -> Student:
    """A student with a control character in a name, an address line or the studentnummer."""
    char = draw(_NOT_XML_CHARS)
    where = draw(st.sampled_from(("naam", "straat", "studentnummer")))
    if where == "naam":
        return draw(_with_character(st.just(char)))
    if where == "straat":
        return draw(_nl(straatnaam=st.just("Laan" + char)))
    return Student(bsn=Bsn(draw(bsns())), studentnummer="S" + char)


_IMPLAUSIBLE_YEARS = st.one_of(st.integers(1000, 1899), st.integers(2076, 9999))

#: The strategy that breaks each ``PERSOON.*`` rule (a plain table, one entry per rule).
_STUDENT_BREAKERS: dict[str, Callable[[], st.SearchStrategy[Student]]] = {
    "PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER": lambda: st.builds(
        Student,
        bsn=bsns().map(Bsn),
        onderwijsnummer=onderwijsnummers().map(Onderwijsnummer),
        studentnummer=_STUDENTNUMMER,
    ),
    "PERSOON.IDENTITEIT.PERSOONSGEGEVENS": lambda: st.builds(Student, studentnummer=_STUDENTNUMMER),
    "PERSOON.PERSOONSGEGEVENS.GESLACHTSNAAM": lambda: st.one_of(
        _BLANK.flatmap(lambda v: _without_number(geslachtsnaam=v)),
        _long(201).flatmap(lambda v: _without_number(geslachtsnaam=v)),
    ),
    "PERSOON.PERSOONSGEGEVENS.VOORVOEGSELS": lambda: _long(11).flatmap(
        lambda v: _without_number(voorvoegsels=v)
    ),
    "PERSOON.PERSOONSGEGEVENS.VOORNAMEN": lambda: st.one_of(
        _BLANK.flatmap(lambda v: _without_number(voornamen=v)),
        _long(201).flatmap(lambda v: _without_number(voornamen=v)),
    ),
    "PERSOON.PERSOONSGEGEVENS.GEBOORTEDATUM": lambda: _without_number(geboortedatum=None),
    "PERSOON.PERSOONSGEGEVENS.GESLACHT": lambda: st.sampled_from((None, "X", "m", "1", "vrouw")).flatmap(
        lambda v: _without_number(geslacht=v)
    ),
    "PERSOON.PERSOONSGEGEVENS.ADRES": lambda: _without_number(adres=None),
    "PERSOON.ADRES.POSTCODE": lambda: _nl(postcode=invalid_postcodes()),
    "PERSOON.ADRES.HUISNUMMER": lambda: _nl(
        huisnummer=st.one_of(st.integers(100_000, 10**9), st.integers(-(10**6), -1))
    ),
    "PERSOON.ADRES.HUISLETTER": lambda: _nl(huisletter=st.sampled_from(("", "AB", "1", "-", "é"))),
    "PERSOON.ADRES.HUISNUMMERTOEVOEGING": lambda: _nl(huisnummertoevoeging=_long(6)),
    "PERSOON.ADRES.HUISNUMMERAANDUIDING": lambda: _nl(
        huisnummeraanduiding=st.sampled_from(("bij", "BY", "tegenover", "", "x"))
    ),
    "PERSOON.ADRES.STRAATNAAM": lambda: _nl(straatnaam=_long(81)),
    "PERSOON.ADRES.PLAATSNAAM": lambda: _nl(plaatsnaam=st.one_of(st.just(""), _long(41))),
    "PERSOON.ADRES.ADRESREGEL": lambda: st.one_of(
        _buitenland(adresregel1=_BLANK),
        _buitenland(adresregel2=_long(36)),
        _buitenland(adresregel3=_long(36)),
    ),
    "PERSOON.ADRES.LANDCODE": lambda: _buitenland(
        landcode=st.sampled_from((None, "BE", "501", "50100", "BEL0"))
    ),
    "PERSOON.TEKST.TEKENS": _unsendable,
    "PERSOON.TEKST.LEEG": lambda: st.one_of(
        st.sampled_from(("", " ")).flatmap(lambda v: _without_number(voorvoegsels=v)),
        _nl(straatnaam=st.sampled_from(("", "  "))),
        _nl(huisnummertoevoeging=st.just("")),
        _buitenland(adresregel2=st.sampled_from(("", " "))),
        st.builds(
            Student,
            bsn=bsns().map(Bsn),
            persoonsgegevens=st.builds(Persoonsgegevens, geslachtsnaam=st.sampled_from(("", " ", "\t"))),
        ),
    ),
    "PERSOON.PLAUSIBEL.NAAMTEKENS": lambda: st.one_of(_with_character(_INVISIBLE_CHARS), _with_lone_mark()),
    "PERSOON.PLAUSIBEL.GEBOORTEDATUM": lambda: st.tuples(_IMPLAUSIBLE_YEARS, st.integers(1, 12)).flatmap(
        lambda jm: _without_number(geboortedatum=OnvolledigeDatum(jm[0], jm[1], 1))
    ),
    "PERSOON.PLAUSIBEL.HUISNUMMER": lambda: _nl(huisnummer=st.just(0)),
}


@functools.cache
def _students_breaking(rule: str | None) -> st.SearchStrategy[Student]:
    """The strategy for one ``PERSOON.*`` rule, or valid students for ``None``."""
    if rule is None:
        return students()
    breaker = _STUDENT_BREAKERS.get(rule)
    if breaker is None:  # pragma: no cover - guarded by check_breaks
        raise ValueError(f"no student breaks {rule!r}")
    return breaker()


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
