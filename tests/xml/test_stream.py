"""Streaming: the compiled codecs, the per-record checks, and the record generator."""

from __future__ import annotations

import datetime as dt
import io
import uuid

import pytest

from duo_domain.errors import InvalidDocument
from duo_domain.identity.student import Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.serialize.xml import Bedrijfsdocument, Bericht, dumps_message, read_stream, write_stream
from duo_domain.serialize.xml._codec import ReadProblem, codec
from duo_domain.serialize.xml._mapping import BERICHTEN
from duo_domain.serialize.xml.messages import check_records, record_fits
from duo_domain.serialize.xml.stream import MessageStream

KOP = Bedrijfsdocument(uuid.UUID(int=3), "25LX", "DUO", dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
BSN = "111222333"


def _record(i: int, **changes: object) -> MboStudentRecord:
    fields: dict[str, object] = {
        "inschrijvingvolgnummer": "A1",
        "volgnummer": str(i),
        "afsluitdatum": dt.date(2025, 8, 1),
        "datum_begin": dt.date(2025, 9, 1),
        "datum_einde_gepland": dt.date(2026, 6, 30),
        "omvang": 400,
        "leerbedrijf_id": "100018965",
    }
    fields.update(changes)
    bpv = BpvAgreement(**fields)  # type: ignore[arg-type]
    return MboStudentRecord(Student(bsn=BSN, studentnummer=f"S{i}"), bpv_overeenkomsten=[bpv])


def _stream(n: int) -> bytes:
    sink = io.BytesIO()
    write_stream(sink, "aanleverenBpvMBO", KOP, (_record(i) for i in range(n)))
    return sink.getvalue()


def test_the_stream_equals_the_whole_message_byte_for_byte_in_its_records() -> None:
    records = [_record(i) for i in range(3)]
    streamed = _stream(3)
    whole = dumps_message(Bericht("aanleverenBpvMBO", KOP, records))
    # Same records, same elements; the stream declares the namespaces on every record.
    assert streamed.count(b"<mbo:student ") == 3
    assert list(read_stream(io.BytesIO(streamed))) == records
    assert list(read_stream(io.BytesIO(whole))) == records


@pytest.mark.parametrize("validate", [True, False])
def test_a_record_the_xsd_refuses_is_refused_with_its_path(validate: bool) -> None:
    data = _stream(3).replace(b"<mbo:bpvVolgnummer>1<", b"<mbo:bpvVolgnummer>1!<")
    stream = read_stream(io.BytesIO(data), validate=validate)
    got: list[MboStudentRecord] = []
    if validate:
        with pytest.raises(InvalidDocument) as info:
            got.extend(stream)
        assert info.value.problems[0].path == "$[1].bpv_overeenkomsten[0].volgnummer"
        assert got == [_record(0)]
    else:  # without the XSD the pattern is not checked: the domain class decides
        assert len(list(stream)) == 3


@pytest.mark.parametrize("validate", [True, False])
def test_an_unknown_element_is_refused_even_without_the_xsd(validate: bool) -> None:
    data = _stream(2).replace(b"<per:studentnummer>S1<", b"<per:bogus/><per:studentnummer>S1<")
    with pytest.raises(InvalidDocument, match="bogus"):
        list(read_stream(io.BytesIO(data), validate=validate))


@pytest.mark.parametrize("validate", [True, False])
def test_a_bsn_failing_the_11_proef_is_refused_in_a_stream(validate: bool) -> None:
    data = _stream(2).replace(BSN.encode(), b"111222334")
    with pytest.raises(InvalidDocument) as info:
        list(read_stream(io.BytesIO(data), validate=validate))
    assert info.value.problems[0].path == "$[0].student.bsn"
    assert "111222334" not in str(info.value)


def test_comments_inside_a_record_are_skipped() -> None:
    data = _stream(1).replace(b"<per:studentnummer>", b"<!-- note --><per:studentnummer>")
    assert list(read_stream(io.BytesIO(data))) == [_record(0)]


def test_the_stream_is_an_iterator_before_and_after_the_header_is_read() -> None:
    stream = read_stream(io.BytesIO(_stream(3)))
    assert isinstance(stream, MessageStream)
    assert stream.soort == "aanleverenBpvMBO"  # reads up to the first record
    assert next(stream) == _record(0)
    assert list(stream) == [_record(1), _record(2)]
    fresh = read_stream(io.BytesIO(_stream(2)))
    assert [r.bpv_overeenkomsten[0].volgnummer for r in fresh] == ["0", "1"]
    assert fresh.kop == KOP


def test_the_compiled_reader_reports_the_element_a_value_comes_from() -> None:
    from duo_domain.serialize.xml import parse_bytes

    root = parse_bytes(_stream(1).replace(b"<mbo:omvang>400<", b"<mbo:omvang>veel<"))
    record = root[4]
    with pytest.raises(ReadProblem) as info:
        codec(MboStudentRecord).read(record)
    assert str(info.value.element.tag).endswith("}omvang")


def test_record_fits_agrees_with_check_records() -> None:
    bpv_only = BERICHTEN["aanleverenBpvMBO"]
    good = _record(0)
    wrong_kind = MboStudentRecord(Student(bsn=BSN))
    for record in (good, wrong_kind, Student(bsn=BSN)):
        assert record_fits(bpv_only)(record) == (check_records(bpv_only, (record,)) == [])
    assert record_fits(bpv_only)(good)
    with pytest.raises(InvalidDocument, match="needs bpv_overeenkomsten"):
        write_stream(io.BytesIO(), "aanleverenBpvMBO", KOP, [good, wrong_kind])
