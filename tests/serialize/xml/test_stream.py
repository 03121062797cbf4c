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
    write_stream(sink, "aanleverenBpvMBO", KOP, (_record(i) for i in range(n)), indent=False)
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


# -- pieces: one XSD check per piece of records, one per record when needed ------------------------

MANY = 300  # about 220 kB: several pieces of input


def _read_all(data: bytes, *, validate: bool = True) -> tuple[list[MboStudentRecord], InvalidDocument | None]:
    got: list[MboStudentRecord] = []
    try:
        got.extend(read_stream(io.BytesIO(data), validate=validate))
    except InvalidDocument as exc:
        return got, exc
    return got, None


@pytest.mark.parametrize("bad", [1, 45, 150, MANY - 1])
def test_a_refused_record_anywhere_in_a_long_stream_is_reported_after_the_ones_before(bad: int) -> None:
    marker = f"<mbo:bpvVolgnummer>{bad}<".encode()
    data = _stream(MANY).replace(marker, f"<mbo:bpvVolgnummer>{bad}!<".encode())
    got, problem = _read_all(data)
    assert problem is not None
    assert problem.problems[0].path == f"$[{bad}].bpv_overeenkomsten[0].volgnummer"
    assert problem.problems[0].line is not None
    assert got == [_record(i) for i in range(bad)]


def test_a_long_stream_reads_every_record() -> None:
    got, problem = _read_all(_stream(MANY))
    assert problem is None
    assert got == [_record(i) for i in range(MANY)]


def test_records_spelled_without_the_usual_end_tag_are_still_each_checked() -> None:
    # The default namespace instead of the mbo: prefix: the input is not cut after records
    # and pieces end inside a record; every record is then checked on its own.
    data = _stream(MANY)
    data = data.replace(b"<mbo:student ", b'<student xmlns="urn:duo-domain:schema:mbo:v1" ')
    data = data.replace(b"</mbo:student>", b"</student>")
    assert _read_all(data) == ([_record(i) for i in range(MANY)], None)
    bad = data.replace(b"<mbo:omvang>400<", b"<mbo:omvang>-<", 1)
    got, problem = _read_all(bad)
    assert problem is not None
    assert problem.problems[0].path == "$[0].bpv_overeenkomsten[0].omvang"
    assert got == []


def test_comments_between_records_do_not_hide_a_refused_record() -> None:
    data = _stream(MANY).replace(b"</mbo:student>", b"</mbo:student><!-- </mbo:student> -->")
    assert _read_all(data) == ([_record(i) for i in range(MANY)], None)
    bad = data.replace(b"<mbo:bpvVolgnummer>77<", b"<mbo:bpvVolgnummer>?<")
    got, problem = _read_all(bad)
    assert problem is not None
    assert problem.path == "$[77].bpv_overeenkomsten[0].volgnummer"
    assert len(got) == 77


def test_a_record_the_message_kind_does_not_carry_is_refused_as_before() -> None:
    # Valid for the student element on its own, not as an item of aanleverenBpvMBO:
    # the piece fails its check, the records are checked one by one, and the record is
    # refused by the message kind's own check with the same message as always.
    enrolment = (
        b"<mbo:inschrijving><mbo:inschrijvingvolgnummer>A1</mbo:inschrijvingvolgnummer>"
        b"<mbo:brin>25LX</mbo:brin><mbo:datumInschrijving>2025-08-01</mbo:datumInschrijving>"
        b"<mbo:datumUitschrijvingGepland>2026-07-31</mbo:datumUitschrijvingGepland>"
        b"<mbo:periode><mbo:datumBegin>2025-08-01</mbo:datumBegin><mbo:opleidingcode>25655</mbo:opleidingcode>"
        b"<mbo:leertraject>BOL</mbo:leertraject><mbo:indicatieBekostigbaar>true</mbo:indicatieBekostigbaar>"
        b"</mbo:periode></mbo:inschrijving>"
    )
    data = _stream(MANY).replace(
        b"<per:studentnummer>S60</per:studentnummer></mbo:persoon>",
        b"<per:studentnummer>S60</per:studentnummer></mbo:persoon>" + enrolment,
    )
    got, problem = _read_all(data)
    assert problem is not None
    assert problem.path == "$[60].inschrijvingen"
    assert "does not carry inschrijvingen" in problem.problems[0].message
    assert len(got) == 60


def test_a_header_the_xsd_refuses_is_read_as_before() -> None:
    # The header of a stream is read by the header's reader, not checked against the XSD
    # (which wants the moment with a Z); the records are still each checked.
    data = _stream(MANY).replace(b"2026-03-01T00:00:00Z<", b"2026-03-01T01:00:00+01:00<")
    assert data != _stream(MANY)
    stream = read_stream(io.BytesIO(data))
    assert stream.kop == KOP
    assert list(stream) == [_record(i) for i in range(MANY)]
    bad = data.replace(b"<mbo:bpvVolgnummer>200<", b"<mbo:bpvVolgnummer>2 0<")
    got, problem = _read_all(bad)
    assert problem is not None
    assert problem.path == "$[200].bpv_overeenkomsten[0].volgnummer"
    assert len(got) == 200


def test_the_records_before_a_syntax_error_are_yielded_first() -> None:
    data = _stream(MANY)
    cut = data.index(b"<mbo:bpvVolgnummer>250<")
    got, problem = _read_all(data[:cut] + b"<mbo:bpvVolgnummer>250</mbo:oops>" + data[cut + 30 :])
    assert problem is not None
    assert "not well-formed" in problem.problems[0].message
    assert got == [_record(i) for i in range(250)]


def test_the_tree_holds_no_more_than_a_piece_of_records() -> None:
    stream = read_stream(io.BytesIO(_stream(MANY)))
    sizes = []
    for _ in stream:
        assert stream._root is not None
        sizes.append(len(stream._root))
    assert max(sizes) < 100  # a piece of 32 KiB holds about 45 records of this size


# -- the reader in sequence order gives what the reader in any order gives -----------------------


def test_children_out_of_order_are_read_by_the_general_reader_without_the_xsd() -> None:
    data = _stream(2).replace(
        b"<mbo:inschrijvingvolgnummer>A1</mbo:inschrijvingvolgnummer><mbo:bpvVolgnummer>1</mbo:bpvVolgnummer>",
        b"<mbo:bpvVolgnummer>1</mbo:bpvVolgnummer><mbo:inschrijvingvolgnummer>A1</mbo:inschrijvingvolgnummer>",
    )
    assert data != _stream(2)
    assert _read_all(data, validate=False) == ([_record(0), _record(1)], None)
    _, problem = _read_all(data)
    assert problem is not None
    assert problem.path.startswith("$[1].bpv_overeenkomsten[0]")


def test_the_sequential_reader_and_the_general_reader_agree() -> None:
    from duo_domain.serialize.xml import parse_bytes

    cases = [
        _stream(1),
        _stream(1).replace(b"<mbo:omvang>400</mbo:omvang>", b""),
        _stream(1).replace(b"<mbo:omvang>400<", b"<mbo:omvang> 400 <"),
        _stream(1).replace(b"<mbo:omvang>400</mbo:omvang>", b"<!-- c --><mbo:omvang>400</mbo:omvang>"),
        _stream(1).replace(b"<mbo:afsluitdatum>2025-08-01<", b"<mbo:afsluitdatum>\n 2025-08-01\t<"),
        _stream(1).replace(BSN.encode() + b"<", b" " + BSN.encode() + b"\n<"),
    ]
    item = codec(MboStudentRecord)
    for data in cases:
        element = parse_bytes(data)[4]
        assert item.decode(element) == item.decode_any(element)
    for old, bad in (
        (b"<mbo:omvang>400<", b"<mbo:omvang>veel<"),
        (b"<mbo:omvang>400</mbo:omvang>", b"<mbo:omvang/>"),
        (b"<mbo:afsluitdatum>2025-08-01<", b"<mbo:afsluitdatum>2025-02-30<"),
        (b"<mbo:afsluitdatum>2025-08-01</mbo:afsluitdatum>", b"<mbo:afsluitdatum/>"),
        (BSN.encode() + b"<", b"111222334<"),
    ):
        element = parse_bytes(_stream(1).replace(old, bad))[4]
        with pytest.raises(ReadProblem) as fast:
            item.decode(element)
        with pytest.raises(ReadProblem) as general:
            item.decode_any(element)
        assert (fast.value.message, fast.value.element) == (general.value.message, general.value.element)
    missing = parse_bytes(_stream(1).replace(b"<mbo:afsluitdatum>2025-08-01</mbo:afsluitdatum>", b""))[4]
    with pytest.raises(ReadProblem) as info:
        item.decode(missing)
    assert "afsluitdatum" in info.value.message


def test_an_absent_part_is_the_shared_empty_default() -> None:
    a, b = _read_all(_stream(2))[0]
    assert a.losse_resultaten == MboStudentRecord(Student(bsn=BSN)).losse_resultaten
    assert a.losse_resultaten is b.losse_resultaten  # immutable, so one instance serves all
    assert a.inschrijvingen == ()
    assert a.diplomas == ()


def test_the_xsd_implies_the_message_kinds_own_check_where_it_says_so() -> None:
    from duo_domain.serialize.xml.stream import _xsd_implies_fits

    implied = {naam for naam, mapping in BERICHTEN.items() if _xsd_implies_fits(mapping)}
    # aanleverenResultaatMBO needs diplomas or losse_resultaten, both optional in its XSD.
    assert implied == set(BERICHTEN) - {"aanleverenResultaatMBO"}


def test_a_control_character_in_a_streamed_record_is_refused_with_its_path() -> None:
    records = [_record(0), _record(1, volgnummer="B\x1f")]
    with pytest.raises(InvalidDocument) as info:
        write_stream(io.BytesIO(), "aanleverenBpvMBO", KOP, records)
    assert [p.path for p in info.value.problems] == ["$[1].bpv_overeenkomsten[0].volgnummer"]
