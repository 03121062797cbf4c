"""The fast reader of each class against the general one, on generated and on hostile elements.

`_Codec.decode` (children in the XSD's order, each object built in generated
code: fields set through their slots, nested objects and tuple converters
taken as proven, one-field value classes such as `Bsn` built inline) must give
exactly what `_Codec.decode_any` gives: the reader that accepts any order and
builds every object by calling its class, so every converter and validator of
``__init__`` runs. Equal objects of the same types all the way down, or the
same problem for the same element.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from duo_domain import _fields as f
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import Student
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.serialize.xml._codec import (
    _DATES,
    _MAX_DATES,
    ReadProblem,
    _Codec,
    _is_as_tuple,
    _nested_proven,
    _setter,
    codec,
)
from duo_domain.serialize.xml._mapping import MAPPINGS, Soort, Typemapping, Veldmapping
from duo_domain.testing import REGISTERED_TYPES, strategy_for
from duo_domain.vo.model import Examenkandidaat

NS = "urn:test:equivalence"
_TYPES = sorted((c for c in MAPPINGS if c in REGISTERED_TYPES), key=lambda c: c.__name__)

#: Texts a hostile or careless sender puts in an element: empty, padded, out of range, the wrong kind.
_HOSTILE_TEXTS = (
    "",
    " ",
    "x",
    "0",
    "-1",
    "007",
    " 12 ",
    "1" * 41,
    "9" * 5000,
    "1.5",
    "1e100",
    "-1E-99",
    "0." + "0" * 45 + "1",
    "NaN",
    "true",
    "false",
    "2025-02-30",
    "2025-09-01",
    " 2025-09-01 ",
    "2025-09-01T00:00:00Z",
    "111222333",
    "111222334",
    " 111222333 ",
    "1112.22.333",
    "000000000",
    "101222331",
    "12345678",
    "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
    "AB",
    "25655",
)


def _name(cls: type) -> str:
    return cls.__name__


def _shape(value: Any) -> Any:
    """``value`` with its type at every level, so that ``1 == True`` or ``() == []`` tell apart."""
    if attrs.has(type(value)):
        return (type(value), tuple(_shape(getattr(value, a.name)) for a in attrs.fields(type(value))))
    if isinstance(value, (tuple, list)):
        return (type(value), tuple(_shape(item) for item in value))
    return (type(value), value)


def _outcome(read: Any, element: etree._Element) -> Any:
    try:
        value = read(element)
    except ReadProblem as problem:
        tree = element.getroottree()
        return ("problem", problem.message, tree.getpath(problem.element))
    except Exception as exc:  # any other error must be the same too
        return ("error", type(exc), str(exc))
    return ("ok", _shape(value))


def _leaves(element: etree._Element) -> list[etree._Element]:
    return [e for e in element.iter() if isinstance(e.tag, str) and len(e) == 0 and e is not element]


def _mutate(element: etree._Element, rng: random.Random) -> None:
    """One hostile change to ``element``'s tree."""
    parents = [e for e in element.iter() if isinstance(e.tag, str) and len(e)]
    leaves = _leaves(element)
    move = rng.randrange(7)
    if move == 0 and leaves:
        rng.choice(leaves).text = rng.choice(_HOSTILE_TEXTS)
    elif move == 1 and leaves:
        leaf = rng.choice(leaves)
        leaf.getparent().remove(leaf)  # type: ignore[union-attr]
    elif move == 2 and leaves:
        leaf = rng.choice(leaves)
        leaf.addnext(etree.fromstring(etree.tostring(leaf)))
    elif move == 3 and parents:
        parent = rng.choice(parents)
        children = list(parent)
        if len(children) > 1:
            i, j = rng.sample(range(len(children)), 2)
            children[i], children[j] = children[j], children[i]
            parent[:] = children
    elif move == 4 and parents:
        parent = rng.choice(parents)
        parent.insert(rng.randrange(len(parent) + 1), etree.Element(f"{{{NS}}}unknown"))
    elif move == 5 and parents:
        parent = rng.choice(parents)
        parent.insert(rng.randrange(len(parent) + 1), etree.Comment("a comment"))
    elif move == 6 and parents:
        parent = rng.choice(parents)
        if len(parent):
            rng.choice(list(parent)).text = rng.choice(_HOSTILE_TEXTS)


@pytest.mark.parametrize("cls", _TYPES, ids=_name)
def test_the_fast_reader_gives_what_the_general_reader_gives(cls: type) -> None:
    c = codec(cls)

    @settings(max_examples=25, deadline=None)
    @given(strategy_for(cls), st.integers(0, 2**32 - 1), st.integers(0, 3))
    def check(obj: Any, seed: int, changes: int) -> None:
        element = c.encode(etree.Element("item"), obj)
        assert _outcome(c.decode, element) == _outcome(c.decode_any, element) == ("ok", _shape(obj))
        rng = random.Random(seed)
        for _ in range(changes):
            _mutate(element, rng)
        assert _outcome(c.decode, element) == _outcome(c.decode_any, element)

    check()


def test_a_large_seeded_set_of_hostile_student_records() -> None:
    # The record type of the streaming benchmark: 50 generated records, 20 hostile variations of each.
    c = codec(MboStudentRecord)

    @settings(max_examples=50, deadline=None)
    @given(strategy_for(MboStudentRecord), st.integers(0, 2**32 - 1))
    def check(obj: Any, seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(20):
            element = c.encode(etree.Element("item"), obj)
            for _ in range(rng.randrange(1, 4)):
                _mutate(element, rng)
            assert _outcome(c.decode, element) == _outcome(c.decode_any, element)

    check()


# --- what the generated construction takes as proven ----------------------------------------------


def test_the_domains_typed_tuple_converters_are_recognised_and_nothing_else() -> None:
    assert _is_as_tuple(f.as_tuple)
    assert all(_is_as_tuple(a.converter) for a in attrs.fields(MboStudentRecord)[1:4])
    assert _is_as_tuple(attrs.fields(Examenkandidaat).vakken.converter)

    def lookalike(value: Any) -> Any:
        return tuple(value)

    def reversed_tuple(value: Any) -> Any:
        out: tuple[Any, ...] = f.as_tuple(value)[::-1]
        return out

    for converter in (None, tuple, list, lookalike, reversed_tuple, attrs.converters.optional(f.as_tuple)):
        assert not _is_as_tuple(converter)


@attrs.frozen
class Inner:
    name: str = attrs.field(validator=f.text)


@attrs.frozen
class OtherInner:
    name: str = attrs.field(validator=f.text)


def _listed(value: Any) -> Any:
    # Not as_tuple: a non-empty list stays a list, which the check refuses.
    return list(value) if value else ()


@attrs.frozen
class Outer:
    one: Inner = attrs.field(validator=f.instance(Inner, "an Inner"))
    other: Inner | None = attrs.field(default=None, validator=f.instance(Inner, "an Inner", optional=True))
    strict: Inner | None = attrs.field(default=None, validator=f.instance(Inner, "an Inner"))
    many: tuple[Inner, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.items(Inner, "Inners")
    )
    listed: Any = attrs.field(default=(), converter=_listed, validator=f.items(Inner, "Inners"))


def _outer_codec(monkeypatch: pytest.MonkeyPatch) -> _Codec:
    mappings: Any = MAPPINGS  # the nested classes need a mapping of their own, for this test only
    for cls in (Inner, OtherInner):
        monkeypatch.setitem(
            mappings, cls, Typemapping(cls, NS, cls.__name__, (Veldmapping("name", "name", Soort.TEXT),))
        )
    return _Codec(
        Typemapping(
            Outer,
            NS,
            "Outer",
            (
                Veldmapping("one", "one", Inner),
                Veldmapping("other", "other", Inner),
                Veldmapping("strict", "strict", {Inner: "strictInner", OtherInner: "strictOther"}),
                Veldmapping("many", "many", Inner, herhaald=True),
                Veldmapping("listed", "listed", Inner, herhaald=True),
            ),
        )
    )


def test_only_checks_the_nested_readers_always_pass_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _outer_codec(monkeypatch)
    by_attr = {field.attr: field for field in c.fields}
    fields = attrs.fields(Outer)
    assert _nested_proven(by_attr["one"], fields.one)
    assert _nested_proven(by_attr["other"], fields.other)
    # absent, the default None fails the check; and the choice may hold an OtherInner
    assert not _nested_proven(by_attr["strict"], fields.strict)
    assert _nested_proven(by_attr["many"], fields.many)
    # a converter that is not as_tuple: its result is checked
    assert not _nested_proven(by_attr["listed"], fields.listed)


def _outer_element(*children: tuple[str, str]) -> etree._Element:
    element = etree.Element("outer")
    for local, text in children:
        nested = etree.SubElement(element, f"{{{NS}}}{local}")
        etree.SubElement(nested, f"{{{NS}}}name").text = text
    return element


def test_a_check_not_proven_still_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _outer_codec(monkeypatch)
    plain = _outer_element(("one", "a"), ("strictInner", "b"), ("many", "c"), ("many", "d"))
    built = c.decode(plain)
    assert built == Outer(Inner("a"), strict=Inner("b"), many=(Inner("c"), Inner("d")))
    assert type(built.many) is tuple
    for element in (
        _outer_element(("one", "a")),  # strict absent: its default None is refused
        _outer_element(("one", "a"), ("strictOther", "b")),  # an OtherInner is not an Inner
        _outer_element(("one", "a"), ("strictInner", "b"), ("listed", "c")),  # a list, not a tuple
    ):
        assert _outcome(c.decode, element) == _outcome(c.decode_any, element)
        assert _outcome(c.decode, element)[0] == "problem"


@attrs.frozen(slots=False)
class WithoutSlots:
    name: str = attrs.field(validator=f.text)


def test_a_class_without_slots_is_set_through_object_setattr() -> None:
    env: dict[str, Any] = {}
    assert _setter(WithoutSlots, "name", env) == "SET(self, 'name', v_name)"
    assert env == {}
    assert _setter(Student, "bsn", env) == "S_bsn(self, v_bsn)"
    c = _Codec(Typemapping(WithoutSlots, NS, "W", (Veldmapping("name", "name", Soort.TEXT),)))
    element = etree.Element("w")
    etree.SubElement(element, f"{{{NS}}}name").text = "a"
    assert c.decode(element) == WithoutSlots("a")


@pytest.mark.parametrize(
    "text", ["111222333", "1112.22.333", " 111222333", "111222334", "000000000", "12", "", "\u0661" * 9]
)
def test_a_bsn_or_onderwijsnummer_read_inline_is_the_class_itself(text: str) -> None:
    for cls, tag in ((Bsn, "burgerservicenummer"), (Onderwijsnummer, "onderwijsnummer")):
        student = etree.Element("student")
        etree.SubElement(student, f"{{urn:duo-domain:schema:persoon:v1}}{tag}").text = text
        c = codec(Student)
        assert _outcome(c.decode, student) == _outcome(c.decode_any, student)
        try:
            expected: Any = cls(text)
        except ValueError:
            continue
        built = c.decode(student)
        value = built.bsn if cls is Bsn else built.onderwijsnummer
        assert type(value) is cls
        assert value == expected
        assert value.unmasked() == expected.unmasked()


def test_numbers_beyond_the_digit_limit_of_the_checks_are_refused_as_the_class_refuses_them() -> None:
    # int() and Decimal() read any number of digits; the classes' checks bound them (40 digits).
    c = _Codec(
        Typemapping(
            Numbers,
            NS,
            "Numbers",
            (Veldmapping("count", "count", Soort.INT), Veldmapping("amount", "amount", Soort.DECIMAL)),
        )
    )
    for count, amount in (("1" * 40, "1"), ("1" * 41, "1"), ("1", "1e40"), ("1", "1e39"), ("1", "1e-40")):
        element = etree.Element("numbers")
        etree.SubElement(element, f"{{{NS}}}count").text = count
        etree.SubElement(element, f"{{{NS}}}amount").text = amount
        assert _outcome(c.decode, element) == _outcome(c.decode_any, element)
    assert _outcome(c.decode, element)[0] == "problem"


@attrs.frozen
class Numbers:
    count: int = attrs.field(validator=f.integer)
    amount: Decimal = attrs.field(validator=f.decimal)


def test_a_date_keeps_its_type() -> None:
    assert _shape(dt.date(2025, 9, 1)) != _shape(dt.datetime(2025, 9, 1, tzinfo=dt.UTC))


def test_dates_read_before_are_looked_up_and_the_table_stays_bounded() -> None:
    c = _Codec(Typemapping(Dated, NS, "Dated", (Veldmapping("day", "day", Soort.DATE),)))
    element = etree.Element("dated")
    child = etree.SubElement(element, f"{{{NS}}}day")
    start = dt.date(2000, 1, 1)
    for i in range(_MAX_DATES + 10):
        day = start + dt.timedelta(days=i)
        child.text = day.isoformat()
        assert c.decode(element) == Dated(day)
        assert len(_DATES) <= _MAX_DATES
    child.text = start.isoformat()
    assert c.decode(element) == c.decode(element) == Dated(start)
    assert _DATES[start.isoformat()] == start
    for text in (None, "", " 2000-01-01 ", "2000-02-30", "20000101", "2000-01-01T00:00"):
        child.text = text
        assert _outcome(c.decode, element) == _outcome(c.decode_any, element)
        assert text is None or text not in _DATES or _DATES[text] == dt.date.fromisoformat(text)


@attrs.frozen
class Dated:
    day: dt.date = attrs.field(validator=f.date)


def test_every_converter_marked_as_keeping_tuples_behaves_as_as_tuple() -> None:
    # The readers leave a marked converter out (a list read becomes ``tuple(list)``), so the mark
    # must hold for every field of every domain class that carries it.
    marked = [a.converter for c in REGISTERED_TYPES for a in attrs.fields(c) if f.tuple_kept(a.converter)]
    assert len(marked) >= 10
    items = [object(), object()]
    for converter in marked:
        given = tuple(items)
        assert converter(given) is given
        assert converter(list(items)) == given
        assert converter(list(items)).__class__ is tuple
