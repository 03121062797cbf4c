"""object -> XML -> object gives an equal object, for every domain type, and every message kind validates.

The objects come from the library's own strategies (:mod:`duo_domain.testing`), so what vendors draw
in their suites is exactly what this module proves to survive the XML messages: valid objects and
objects that break one rule on purpose (unknown codes, out-of-range numbers, dates out of order are
findings of the rules, never something the XML loses).
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from duo_domain.errors import InvalidDocument
from duo_domain.identity import Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import GeneriekExamenonderdeel
from duo_domain.serialize.xml import (
    Bedrijfsdocument,
    Bericht,
    dumps,
    dumps_message,
    loads,
    loads_message,
    read_message,
    read_stream,
    write_stream,
)
from duo_domain.serialize.xml._mapping import BERICHTEN, ELEMENTEN, MAPPINGS, XSD_VAN_NAMESPACE
from duo_domain.serialize.xml._schemas import schema
from duo_domain.serialize.xml.messages import check_records
from duo_domain.testing import REGISTERED_TYPES, breakable_rules, mbo_student_records, strategy_for


def _name(cls: type) -> str:
    return cls.__name__


_ELEMENT_TYPES = sorted(ELEMENTEN, key=lambda c: c.__name__)

# The message header is no domain object: only the serializer sees it.
koppen = st.builds(
    Bedrijfsdocument,
    identificatiecode=st.uuids(),
    verzendende_instantie=st.sampled_from(["25LX", "0000000700025BE00000"]),
    ontvangende_instantie=st.just("DUO"),
    datum_tijd=st.datetimes(
        dt.datetime(2020, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive
        dt.datetime(2035, 1, 1),  # noqa: DTZ001
        timezones=st.just(dt.UTC),
    ),
)


def _broken(cls: type) -> st.SearchStrategy[Any]:
    """Objects of ``cls`` that break one rule its strategy can break (any of them)."""
    rules = sorted(breakable_rules(cls))
    return st.sampled_from(rules).flatmap(lambda rule: strategy_for(cls, breaks=rule))


def _round_trip(obj: Any) -> None:
    cls = type(obj)
    xml = dumps(obj)  # validated against the XSD while written
    assert schema(XSD_VAN_NAMESPACE[ELEMENTEN[cls][0]]).validate(etree.fromstring(xml))
    again = loads(xml, cls)
    assert again == obj
    assert type(again) is cls


def test_every_mapped_class_but_the_header_has_a_library_strategy() -> None:
    assert set(MAPPINGS) - set(REGISTERED_TYPES) == {Bedrijfsdocument}


@pytest.mark.parametrize("cls", _ELEMENT_TYPES, ids=_name)
def test_valid_objects_round_trip_through_their_element(cls: type) -> None:
    @settings(max_examples=15, deadline=None)
    @given(strategy_for(cls))
    def check(obj: Any) -> None:
        _round_trip(obj)

    check()


@pytest.mark.parametrize("cls", [c for c in _ELEMENT_TYPES if breakable_rules(c)], ids=_name)
def test_objects_that_break_a_rule_round_trip_or_are_refused(cls: type) -> None:
    @settings(max_examples=10, deadline=None)
    @given(_broken(cls))
    def check(obj: Any) -> None:
        try:
            dumps(obj)
        except InvalidDocument:
            # a value the XSD refuses (an empty code, a 30-digit volgnummer) or a control
            # character XML cannot carry: refused with its path, not lost
            return
        _round_trip(obj)

    check()


def _fitted(soort: str) -> st.SearchStrategy[Any]:
    """Items for a message kind: library objects with what the kind does not carry left out."""
    mapping = BERICHTEN[soort]
    fields = attrs.fields(mapping.item_cls)
    leave_out = [f for f in fields if mapping.velden is not None and f.name not in mapping.velden]

    def fit(item: Any) -> Any:
        defaults = {}
        for f in leave_out:
            factory = getattr(f.default, "factory", None)
            defaults[f.name] = factory() if callable(factory) else f.default
        return attrs.evolve(item, **defaults)

    return strategy_for(mapping.item_cls).map(fit).filter(lambda item: not check_records(mapping, [item]))


@pytest.mark.parametrize("soort", list(BERICHTEN))
def test_every_message_kind_round_trips(soort: str) -> None:
    @settings(max_examples=10, deadline=None)
    @given(kop=koppen, inhoud=st.lists(_fitted(soort), min_size=1, max_size=3))
    def check(kop: Bedrijfsdocument, inhoud: list[Any]) -> None:
        bericht = Bericht(soort, kop, inhoud)
        data = dumps_message(bericht)
        again, findings = read_message(data)
        assert findings == []
        assert again == bericht
        assert loads_message(data) == bericht

    check()


@settings(max_examples=10, deadline=None)
@given(kop=koppen, inhoud=st.lists(mbo_student_records(), min_size=1, max_size=4))
def test_stream_round_trips_and_equals_the_whole_message(
    kop: Bedrijfsdocument, inhoud: list[MboStudentRecord]
) -> None:
    sink = io.BytesIO()
    assert write_stream(sink, "aanleverenStudentMBO", kop, iter(inhoud)) == len(inhoud)
    data = sink.getvalue()
    stream = read_stream(io.BytesIO(data))
    assert list(stream) == inhoud
    assert stream.kop == kop
    assert loads_message(data) == Bericht("aanleverenStudentMBO", kop, inhoud)


def test_grades_are_written_exactly_as_decimal_text() -> None:
    geo = GeneriekExamenonderdeel(
        "1", "3005", eindcijfer=Decimal("6"), cijfer_ie=Decimal("5.50"), cijfer_ce=Decimal("1E+1")
    )
    xml = dumps(geo).decode()
    assert "<mbo:cijferIe>5.50</mbo:cijferIe>" in xml
    assert "<mbo:cijferCe>10</mbo:cijferCe>" in xml
    again = loads(dumps(geo))
    assert again.cijfer_ie == Decimal("5.50")
    assert str(again.cijfer_ie) == "5.50"


def test_bsn_is_written_in_full_in_the_message() -> None:
    xml = dumps(Student(bsn="111222333")).decode()
    assert "<per:burgerservicenummer>111222333</per:burgerservicenummer>" in xml


def test_header_is_utc_with_z() -> None:
    kop = Bedrijfsdocument(
        uuid.UUID(int=5),
        "25LX",
        "DUO",
        dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    )
    record = MboStudentRecord(Student(bsn="111222333"), bpv_overeenkomsten=[_bpv()])
    data = dumps_message(Bericht("aanleverenBpvMBO", kop, [record])).decode()
    assert "<bas:datumTijdBedrijfsdocument>2026-03-01T09:00:00Z</bas:datumTijdBedrijfsdocument>" in data
    assert "<bas:identificatiecodeBedrijfsdocument>00000000-0000-0000-0000-000000000005<" in data


def _bpv() -> BpvAgreement:
    return BpvAgreement("A1", "1", dt.date(2025, 8, 1), dt.date(2025, 9, 1), dt.date(2026, 6, 30), omvang=400)


def test_sample_messages_fit_their_kinds() -> None:
    record = MboStudentRecord(Student(bsn="111222333"), bpv_overeenkomsten=[_bpv()])
    assert check_records(BERICHTEN["aanleverenBpvMBO"], [record]) == []
    assert check_records(BERICHTEN["aanleverenInschrijvingMBO"], [record]) != []
