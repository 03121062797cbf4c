"""The XML codec's generated code: the reader's construction of each class and the writer's templates.

The reader builds each object in generated code (a new instance, its fields
set, each check run once) instead of calling the class; the writer copies a
tree made once per shape of record. Both must give exactly what the class's
own constructor and the per-child writer give, errors included.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

from duo_domain import _fields as f
from duo_domain.errors import InvalidDocument, InvalidValue
from duo_domain.serialize.xml._codec import (
    _PROVEN,
    ReadProblem,
    Templates,
    _can_construct,
    _Codec,
    codec,
)
from duo_domain.serialize.xml._mapping import MAPPINGS, Soort, Typemapping, Veldmapping
from duo_domain.testing import REGISTERED_TYPES, strategy_for

NS = "urn:test:construction"
_TYPES = sorted((c for c in MAPPINGS if c in REGISTERED_TYPES), key=lambda c: c.__name__)


def _name(cls: type) -> str:
    return cls.__name__


def _element(obj: Any) -> etree._Element:
    cls: type = type(obj)
    return codec(cls).encode(etree.Element("item"), obj)


def _bytes(element: etree._Element) -> bytes:
    return etree.tostring(element)


# --- every mapped class -------------------------------------------------------------------------


def test_every_mapped_class_is_built_by_the_generated_construction() -> None:
    # All domain classes are frozen attrs classes with attrs' own __init__.
    assert [c.__name__ for c in MAPPINGS if not _can_construct(c)] == []


@pytest.mark.parametrize("cls", _TYPES, ids=_name)
def test_the_construction_equals_the_class_itself(cls: type) -> None:
    @settings(max_examples=15, deadline=None)
    @given(strategy_for(cls))
    def check(obj: Any) -> None:
        element = _element(obj)
        built = codec(cls).decode(element)
        assert type(built) is cls
        assert built == obj
        # the same fields as the class's own constructor gives them
        again: Any = cls(**{a.alias or a.name: getattr(built, a.name) for a in attrs.fields(cls)})
        names = [a.name for a in attrs.fields(cls)]
        assert [getattr(built, n) for n in names] == [getattr(again, n) for n in names]

    check()


@pytest.mark.parametrize("indent", [False, True], ids=["compact", "indented"])
@pytest.mark.parametrize("cls", _TYPES, ids=_name)
def test_the_writer_templates_give_the_same_bytes_as_building_each_element(cls: type, indent: bool) -> None:
    templates = Templates(codec(cls), etree.Element("item"), indent=indent)

    @settings(max_examples=15, deadline=None)
    @given(strategy_for(cls))
    def check(obj: Any) -> None:
        expected = _element(obj)
        if indent:
            etree.indent(expected, space="  ", level=1)
        assert _bytes(templates.element(obj)) == _bytes(expected)
        assert _bytes(templates.element(obj)) == _bytes(expected)  # from the kept tree

    check()


# --- classes made for the test: what the construction must keep -----------------------------------


def _checked_even(inst: object, attribute: Any, value: int | None) -> None:
    if value is not None and value % 2:
        raise InvalidValue("must be even", field=f"{type(inst).__name__}.{attribute.name}")


def _upper(value: str) -> str:
    return value.upper()


@attrs.frozen
class Probe:
    """A class with every kind of field the construction handles."""

    name: str = attrs.field(validator=f.text)
    day: dt.date = attrs.field(validator=f.date)
    count: int | None = attrs.field(default=None, validator=_checked_even)
    code: str | None = attrs.field(default=None, converter=attrs.converters.optional(_upper))
    note: str | None = attrs.field(default=None, validator=f.opt_text)
    not_mapped: tuple[str, ...] = attrs.field(default=("x",))

    def __attrs_post_init__(self) -> None:
        if self.name == "forbidden":
            raise InvalidValue("this name is refused after the fields are set", field="Probe.name")


_PROBE = Typemapping(
    Probe,
    NS,
    "Probe",
    (
        Veldmapping("name", "name", Soort.TEXT),
        Veldmapping("day", "day", Soort.DATE),
        Veldmapping("count", "count", Soort.INT),
        Veldmapping("code", "code", Soort.TEXT),
        Veldmapping("note", "note", Soort.TEXT),
    ),
)


def _probe_element(**texts: str) -> etree._Element:
    element = etree.Element("probe")
    for local in ("name", "day", "count", "code", "note"):
        if local in texts:
            etree.SubElement(element, f"{{{NS}}}{local}").text = texts[local]
    return element


def test_a_made_up_class_is_built_like_its_constructor() -> None:
    c = _Codec(_PROBE)
    probe = c.decode(_probe_element(name="a", day="2025-09-01", count="4", code="ab"))
    assert probe == Probe("a", dt.date(2025, 9, 1), 4, "ab")
    assert probe.code == "AB"  # the converter ran
    assert probe.not_mapped == ("x",)  # a field the mapping lacks gets its default
    assert type(probe) is Probe


def test_a_validator_of_the_class_itself_still_runs() -> None:
    c = _Codec(_PROBE)
    with pytest.raises(ReadProblem) as info:
        c.decode(_probe_element(name="a", day="2025-09-01", count="3"))
    assert "must be even" in info.value.message


def test_post_init_still_runs() -> None:
    c = _Codec(_PROBE)
    with pytest.raises(ReadProblem) as info:
        c.decode(_probe_element(name="forbidden", day="2025-09-01"))
    assert "refused after the fields are set" in info.value.message


def test_a_missing_required_field_is_reported() -> None:
    with pytest.raises(ReadProblem) as info:
        _Codec(_PROBE).decode(_probe_element(name="a"))
    assert "day" in info.value.message


def test_the_checks_a_readers_kind_proves_are_the_ones_of_its_type() -> None:
    # Each check left out must accept whatever the reader of that kind returns.
    returned = {
        Soort.TEXT: "",
        Soort.INT: int("7"),
        Soort.BOOL: True,
        Soort.DATE: dt.date.fromisoformat("2025-09-01"),
    }
    attribute = attrs.fields(Probe).name
    for soort, value in returned.items():
        for check in _PROVEN[soort]:
            check(Probe, attribute, value)
    # and refuse a value of another type: it is a real check that the reader makes redundant
    for soort in returned:
        for check in _PROVEN[soort]:
            with pytest.raises(InvalidValue):
                check(Probe, attribute, object())


@attrs.frozen
class StrictDefault:
    """A default its own validator refuses: the check is not left out, so the class refuses it."""

    name: str | None = attrs.field(default=None, validator=f.text)


@attrs.define
class Mutable:
    """Not frozen: built by calling the class."""

    name: str = attrs.field(validator=f.text)


class CustomInit:
    """An attrs class with its own ``__init__``: built by calling the class."""

    name: str

    def __init__(self, name: str) -> None:
        self.name = name


CustomInit = attrs.define(init=False)(CustomInit)  # type: ignore[misc]


def test_a_default_the_check_refuses_is_not_taken_as_proven() -> None:
    mapping = Typemapping(StrictDefault, NS, "S", (Veldmapping("name", "name", Soort.TEXT),))
    c = _Codec(mapping)
    assert c.decode(_probe_element(name="a")) == StrictDefault("a")
    with pytest.raises(ReadProblem):
        c.decode(_probe_element())


def test_classes_the_construction_cannot_copy_are_called() -> None:
    assert not _can_construct(Mutable)
    assert not _can_construct(CustomInit)
    assert _can_construct(Probe)
    for cls in (Mutable, CustomInit):
        c = _Codec(Typemapping(cls, NS, "M", (Veldmapping("name", "name", Soort.TEXT),)))
        built = c.decode(_probe_element(name="a"))
        assert type(built) is cls
        assert built.name == "a"


# --- the writer's templates -----------------------------------------------------------------------


def test_records_of_different_shapes_get_their_own_tree() -> None:
    templates = Templates(_Codec(_PROBE), etree.Element("probe"), indent=True)
    c = _Codec(_PROBE)
    probes = [
        Probe("a", dt.date(2025, 9, 1)),
        Probe("b", dt.date(2025, 9, 2), count=4),
        Probe("c", dt.date(2025, 9, 3)),
        Probe("d", dt.date(2025, 9, 4), count=6, note="n"),
        Probe("e", dt.date(2025, 9, 5), count=8),
    ]
    for probe in probes:
        expected = c.encode(etree.Element("probe"), probe)
        etree.indent(expected, space="  ", level=1)
        assert _bytes(templates.element(probe)) == _bytes(expected)


def test_past_the_limit_records_are_built_one_by_one_and_stay_right() -> None:
    templates = Templates(_Codec(_PROBE), etree.Element("probe"), indent=False, limit=1)
    c = _Codec(_PROBE)
    for probe in (Probe("a", dt.date(2025, 9, 1)), Probe("b", dt.date(2025, 9, 2), count=2)) * 2:
        assert _bytes(templates.element(probe)) == _bytes(c.encode(etree.Element("probe"), probe))


def test_a_text_xml_cannot_carry_is_refused_after_a_tree_was_kept() -> None:
    templates = Templates(_Codec(_PROBE), etree.Element("probe"), indent=False)
    templates.element(Probe("a", dt.date(2025, 9, 1)))
    with pytest.raises(InvalidDocument) as info:
        templates.element(Probe("b\x00", dt.date(2025, 9, 1)))
    assert [p.path for p in info.value.problems] == ["$.name"]
