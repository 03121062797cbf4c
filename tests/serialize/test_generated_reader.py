"""The readers' generated hooks accept exactly what cattrs' hooks and the constructors accept.

The fast converter of the MBO readers builds each class with one generated function that checks
each value once (duo_domain.serialize.json._generated); the public `make_converter` builds with
cattrs' generated function and the class's ``__init__``. On the same input the two must agree:
both refuse, or both give equal objects.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain import _fields
from duo_domain.identity import student
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import Student
from duo_domain.mbo.enrolment import ExtraOndersteuning
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.serialize.json import _MBO, make_converter
from duo_domain.testing import mbo_student_records
from tests._shared import json_paths

_PLAIN = make_converter(detailed_validation=False)
_FAST = _MBO.pair()[0]
_ODD: tuple[Any, ...] = (
    None,
    True,
    0,
    7,
    -1,
    Decimal("6.5"),
    Decimal("NaN"),
    1.5,
    "",
    "x",
    "2024-08-01",
    "2024-02-30",
    "111222333",
    [],
    [{}],
    {},
    dt.date(2024, 8, 1),
)


def _outcome(conv: Any, data: Any) -> tuple[bool, Any]:
    try:
        return True, conv.structure(data, MboStudentRecord)
    except Exception:  # which error does not matter here, only whether
        return False, None


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replace(data[head], rest, value)}
    copy = list(data)
    copy[head] = _replace(copy[head], rest, value)
    return copy


def _same(data: Any) -> None:
    ok_fast, fast = _outcome(_FAST, data)
    ok_plain, plain = _outcome(_PLAIN, data)
    assert ok_fast == ok_plain, data
    if ok_fast:
        assert fast == plain
        assert repr(fast) == repr(plain)


@settings(max_examples=60, deadline=None)
@given(mbo_student_records())
def test_valid_records_are_read_alike(record: MboStudentRecord) -> None:
    data = _PLAIN.unstructure(record)
    ok, read = _outcome(_FAST, data)
    assert ok
    assert read == record
    _same(data)


@settings(max_examples=60, deadline=None)
@given(mbo_student_records(), st.data())
def test_any_value_anywhere_is_refused_or_read_alike(record: MboStudentRecord, draw: st.DataObject) -> None:
    data = _PLAIN.unstructure(record)
    path = draw.draw(st.sampled_from(json_paths(data)))
    _same(_replace(data, path, draw.draw(st.sampled_from(_ODD))))


@settings(max_examples=40, deadline=None)
@given(mbo_student_records(), st.data())
def test_an_unknown_or_missing_key_is_refused_alike(record: MboStudentRecord, draw: st.DataObject) -> None:
    data = _PLAIN.unstructure(record)
    objects = [p for p in json_paths(data) if isinstance(_get(data, p), dict)]
    path = draw.draw(st.sampled_from(objects))
    target = _get(data, path)
    _same(_replace(data, path, {**target, "onbekend": 1}))
    if target:
        key = draw.draw(st.sampled_from(sorted(target)))
        _same(_replace(data, path, {k: v for k, v in target.items() if k != key}))


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def test_every_class_of_the_record_has_a_generated_hook() -> None:
    from duo_domain.serialize.json import _MBO_CLASSES

    for cls in _MBO_CLASSES:
        hook = _FAST.get_structure_hook(cls)
        if hook.__code__.co_filename.startswith("<duo_domain reader"):
            continue
        # The two address kinds are told apart by one hook over both.
        assert cls.__name__ in ("NederlandsAdres", "BuitenlandsAdres"), cls
        assert attrs.has(cls)


def test_a_date_text_is_kept_once_read_and_the_table_stays_bounded() -> None:
    from duo_domain.serialize import json as json_mod

    data = {"datum_begin": "2031-02-03"}
    first = _FAST.structure(data, ExtraOndersteuning)
    assert json_mod._DATES["2031-02-03"] == dt.date(2031, 2, 3)
    assert _FAST.structure(data, ExtraOndersteuning) == first
    for day in range(json_mod._MAX_DATES + 10):
        json_mod._KEPT_DATES.read((dt.date(2000, 1, 1) + dt.timedelta(days=day)).isoformat())
    assert len(json_mod._DATES) <= json_mod._MAX_DATES
    # a text read_date refuses is never kept, and refused every time
    bad = {"student": {}, "inschrijvingen": [{"datum_inschrijving": "2024-02-30"}]}
    for _ in range(2):
        assert not _outcome(_FAST, bad)[0]
    assert "2024-02-30" not in json_mod._DATES


@attrs.define
class _Mutable:
    items: tuple[int, ...] = ()


@attrs.frozen
class _Filled:
    items: tuple[int, ...] = (1,)


@attrs.frozen
class _Empty:
    items: tuple[int, ...] = ()
    note: str | None = None


def test_only_an_empty_frozen_default_is_shared_among_records() -> None:
    from duo_domain.serialize.json import _shared_default

    assert _shared_default(_Empty) == _Empty()
    assert _shared_default(_Mutable) is None  # could change: made per record
    assert _shared_default(_Filled) is None  # holds something
    assert _shared_default(list) is None  # not an attrs class
    first = _FAST.structure({"student": {}}, MboStudentRecord)
    second = _FAST.structure({"student": {}}, MboStudentRecord)
    made = MboStudentRecord(first.student)
    assert first.losse_resultaten == second.losse_resultaten == made.losse_resultaten


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="0123456789 .-", max_size=12),
        st.integers(0, 10**9 - 1).map(lambda n: f"{n:09d}"),
        st.integers(0, 10**7 - 1).map(lambda n: f"10{n:07d}"),
        st.sampled_from(_ODD),
    ),
    st.sampled_from(["bsn", "onderwijsnummer"]),
)
def test_a_personal_number_is_built_as_its_constructor_builds_it(number: Any, key: str) -> None:
    # The fast readers set the number's one field through its converter (the whole check).
    _same({"student": {key: number}})
    ok, read = _outcome(_FAST, {"student": {key: number}})
    if ok and number is not None:
        built = getattr(read.student, key)
        made = getattr(_PLAIN.structure({"student": {key: number}}, MboStudentRecord).student, key)
        assert type(built) is type(made)
        assert built.unmasked() == made.unmasked()


def test_a_tuple_of_parts_is_built_by_the_parts_readers_and_still_refuses_what_is_not_a_list() -> None:
    record: dict[str, Any] = {"student": {}, "inschrijvingen": []}
    bad: Any
    for bad in ({}, "x", None, 7, ({"inschrijvingvolgnummer": "A"},)):
        assert not _outcome(_FAST, {**record, "inschrijvingen": bad})[0]
        assert not _outcome(_PLAIN, {**record, "inschrijvingen": bad})[0]
    read = _FAST.structure(record, MboStudentRecord)
    assert read.inschrijvingen == ()
    assert type(read.inschrijvingen) is tuple


@given(
    st.one_of(st.none(), st.sampled_from(["111222333", "123456782"]), st.builds(Bsn, st.just("111222333")))
)
def test_a_converter_marked_as_keeping_its_instances_keeps_them(value: Any) -> None:
    # the mark lets a reader leave the converter out for None and an instance of the class
    assert _fields.instances_kept(student._to_bsn) is Bsn
    assert _fields.instances_kept(student._to_onderwijsnummer) is Onderwijsnummer
    converted = student._to_bsn(value)
    if value is None or value.__class__ is Bsn:
        assert converted is value
    else:
        assert converted == Bsn(value)
    onderwijsnummer = Onderwijsnummer("101000000") if value is not None else None
    assert student._to_onderwijsnummer(onderwijsnummer) is onderwijsnummer


def test_the_student_reader_reads_a_number_once() -> None:
    data = {"bsn": "111222333", "onderwijsnummer": "101000000"}
    read = _FAST.structure(data, Student)
    assert read == Student(bsn="111222333", onderwijsnummer="101000000")
    assert read.bsn.__class__ is Bsn
    assert read.onderwijsnummer.__class__ is Onderwijsnummer
