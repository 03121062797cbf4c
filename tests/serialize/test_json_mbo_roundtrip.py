"""Property tests: object -> JSON text -> object gives an equal object, for every MBO domain type.

The objects come from the library's own strategies (:mod:`duo_domain.testing`), so what vendors draw
in their suites is exactly what this module proves to survive the JSON document: valid objects,
objects that break one rule on purpose, and the same objects with their text, date, number and
grade fields replaced by values only a serializer sees (any text, any date, any finite Decimal).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import types
import typing
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.identity import Student
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import GeneriekExamenonderdeel, LosseResultaten
from duo_domain.serialize.json import _MBO_CLASSES, dumps_mbo, loads_mbo, make_converter
from duo_domain.testing import REGISTERED_TYPES, breakable_rules, mbo_student_records, strategy_for

_CONV = make_converter()


def _name(cls: type) -> str:
    return cls.__name__


# Values outside the domain that the JSON document must still carry unchanged: the serializer
# does not judge them (the rules do), so it must neither lose nor change them.
_LEAVES: dict[type, st.SearchStrategy[Any]] = {
    str: st.text(max_size=12),
    dt.date: st.dates(),
    # Any decimal within the reading limits (at most 40 characters written in full).
    Decimal: st.builds(
        lambda n, e: Decimal(n).scaleb(e), st.integers(-(10**18), 10**18), st.integers(-18, 0)
    ),
    int: st.integers(-(10**12), 10**12),
    bool: st.booleans(),
}


def _leaf(hint: Any) -> st.SearchStrategy[Any] | None:
    """Any value of a plain field type (``str``, ``date`` ... or that or ``None``), else ``None``."""
    if hint in _LEAVES:
        return _LEAVES[hint]
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = _leaf(next(a for a in args if a is not type(None)))
        return None if inner is None else st.none() | inner
    return None


@st.composite
def _odd_leaves(draw: st.DrawFn, obj: Any) -> Any:
    """``obj`` with some plain fields (throughout the tree) set to any value of their type."""
    if isinstance(obj, (tuple, list)):
        return type(obj)(draw(_odd_leaves(item)) for item in obj)
    if type(obj) not in _MBO_CLASSES:
        return obj  # enums, Bsn, Onderwijsnummer, OnvolledigeDatum: values with their own checks
    hints = typing.get_type_hints(type(obj))
    original = obj
    for field in attrs.fields(type(obj)):
        leaf = _leaf(hints[field.name])
        if leaf is None:
            obj = attrs.evolve(obj, **{field.name: draw(_odd_leaves(getattr(obj, field.name)))})
        elif draw(st.booleans()):
            # a shape the class refuses (niveau 0) is not a value a document can hold
            with contextlib.suppress(ValueError):
                obj = attrs.evolve(obj, **{field.name: draw(leaf)})
    if all(getattr(obj, f.name) is None for f in attrs.fields(type(obj))):
        return original  # an address without a single line reads back as either kind: left out
    return obj


def _broken(cls: type) -> st.SearchStrategy[Any]:
    """Objects of ``cls`` that break one rule its strategy can break (any of them)."""
    rules = sorted(breakable_rules(cls))
    return st.sampled_from(rules).flatmap(lambda rule: strategy_for(cls, breaks=rule))


def _same(a: Any, b: Any) -> bool:
    """Equal, and every Decimal with the same digits and exponent (6.50 is not 6.5)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Decimal):
        return bool(a.as_tuple() == b.as_tuple())
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if attrs.has(type(a)):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    return bool(a == b)


def _round_trip(obj: Any, cls: type) -> None:
    text = json.dumps(_CONV.unstructure(obj), ensure_ascii=False)
    back: object = _CONV.structure(json.loads(text, parse_float=Decimal), cls)
    assert back == obj
    assert _same(back, obj)


def test_every_class_of_the_converter_has_a_library_strategy() -> None:
    assert set(_MBO_CLASSES) <= set(REGISTERED_TYPES)


@pytest.mark.parametrize("cls", _MBO_CLASSES, ids=_name)
def test_valid_objects_round_trip(cls: type) -> None:
    @settings(max_examples=15, deadline=None)
    @given(strategy_for(cls))
    def check(obj: Any) -> None:
        _round_trip(obj, cls)

    check()


@pytest.mark.parametrize("cls", [c for c in _MBO_CLASSES if breakable_rules(c)], ids=_name)
def test_objects_that_break_a_rule_round_trip(cls: type) -> None:
    @settings(max_examples=10, deadline=None)
    @given(_broken(cls))
    def check(obj: Any) -> None:
        _round_trip(obj, cls)

    check()


@pytest.mark.parametrize("cls", _MBO_CLASSES, ids=_name)
def test_any_text_date_and_number_round_trips(cls: type) -> None:
    @settings(max_examples=15, deadline=None)
    @given(strategy_for(cls).flatmap(_odd_leaves))
    def check(obj: Any) -> None:
        _round_trip(obj, cls)

    check()


def test_the_odd_values_reach_the_document() -> None:
    """The widening above is real: every plain field of the record can be given an odd value."""
    seen: set[str] = set()

    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(mbo_student_records().flatmap(_odd_leaves))
    def check(record: MboStudentRecord) -> None:
        for group in record.inschrijvingen:
            for p in group.perioden:
                seen.update(f"periode.{k}" for k in ("leerroute", "onderwijslocatie") if getattr(p, k))
        for bpv in record.bpv_overeenkomsten:
            if bpv.omvang is not None and not 1 <= bpv.omvang <= 9999:
                seen.add("bpv.omvang")

    check()
    assert seen == {"periode.leerroute", "periode.onderwijslocatie", "bpv.omvang"}


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.one_of(
            mbo_student_records(), _broken(MboStudentRecord), mbo_student_records().flatmap(_odd_leaves)
        ),
        min_size=1,
        max_size=3,
    )
)
def test_documents_round_trip(items: list[MboStudentRecord]) -> None:
    one = loads_mbo(dumps_mbo(items[0], indent=2))
    assert one == items[0]
    assert _same(one, items[0])
    many = loads_mbo(dumps_mbo(items))
    assert many == items
    assert all(_same(a, b) for a, b in zip(many, items, strict=True))


def test_decimal_digits_survive() -> None:
    geo = GeneriekExamenonderdeel("G", "3005", cijfer_ie=Decimal("6.50"), cijfer_ce=Decimal("1E-7"))
    back = _CONV.structure(
        json.loads(json.dumps(_CONV.unstructure(geo)), parse_float=Decimal), GeneriekExamenonderdeel
    )
    assert _same(back.cijfer_ie, Decimal("6.50"))
    assert _same(back.cijfer_ce, Decimal("1E-7"))
    assert not _same(Decimal("6.5"), Decimal("6.50"))  # the comparison itself can fail
    record = MboStudentRecord(Student(), losse_resultaten=LosseResultaten(generieke_examenonderdelen=[geo]))
    text = dumps_mbo(record)
    assert '"cijfer_ie": "6.50"' in text
    back_record = loads_mbo(text)
    assert isinstance(back_record, MboStudentRecord)
    assert _same(back_record.losse_resultaten.generieke_examenonderdelen[0].cijfer_ce, Decimal("1E-7"))
