"""Hostile and malformed XML (issue 12, classes 1, 4 and 5): refused as a library error, never misread.

* a value split by a comment or processing instruction is read whole, as the XSD sees it;
* the streaming reader checks the message around the records (root, its attributes, junk,
  stray text, a message nested in a foreign root) and holds no more than a record's worth;
* the whole-document reader refuses a flood of elements before it builds a tree;
* a tag lxml would refuse to build (an undeclared prefix, a brace in a namespace) is a library error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import IO

import pytest

from duo_domain.errors import InvalidDocument
from duo_domain.identity.student import Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.serialize.xml import (
    DEFAULT_MAX_RECORD_BYTES,
    Bedrijfsdocument,
    Bericht,
    XmlRefused,
    dumps_message,
    loads_message,
    parse_bytes,
    read_message,
    read_stream,
    write_stream,
)
from duo_domain.testing.factories import make_examenkandidaat

KOP = Bedrijfsdocument(uuid.UUID(int=5), "25LX", "DUO", dt.datetime(2026, 3, 1, tzinfo=dt.UTC))


def _record(i: int) -> MboStudentRecord:
    bpv = BpvAgreement(
        "A1", str(i), dt.date(2025, 8, 1), dt.date(2025, 9, 1), dt.date(2026, 6, 30), omvang=400
    )
    return MboStudentRecord(Student(bsn="111222333", studentnummer=f"S{i}"), bpv_overeenkomsten=[bpv])


def _stream(n: int, *, indent: bool = True) -> bytes:
    sink = io.BytesIO()
    write_stream(sink, "aanleverenBpvMBO", KOP, (_record(i) for i in range(n)), indent=indent)
    return sink.getvalue()


def _message(n: int, *, indent: bool = True) -> bytes:
    return dumps_message(Bericht("aanleverenBpvMBO", KOP, [_record(i) for i in range(n)]), indent=indent)


def _whole(data: bytes) -> list[MboStudentRecord]:
    return list(loads_message(data).inhoud)


def _streamed(data: bytes, *, validate: bool = True) -> list[MboStudentRecord]:
    return list(read_stream(io.BytesIO(data), validate=validate))


def _streamed_unchecked(data: bytes) -> list[MboStudentRecord]:
    return _streamed(data, validate=False)


READERS: list[Callable[[bytes], list[MboStudentRecord]]] = [_whole, _streamed, _streamed_unchecked]


# -- class 4: values read whole -----------------------------------------------------------------


@pytest.mark.parametrize("split", [b"<!---->", b"<!-- x -->", b"<?pi data?>", b"<![CDATA[]]>"])
@pytest.mark.parametrize("read", READERS)
def test_a_value_split_by_a_comment_or_pi_is_read_whole(
    split: bytes, read: Callable[[bytes], list[MboStudentRecord]]
) -> None:
    data = _stream(2).replace(b"<mbo:omvang>400<", b"<mbo:omvang>4" + split + b"00<")
    assert data.count(split) == 2
    records = read(data)
    assert [r.bpv_overeenkomsten[0].omvang for r in records] == [400, 400]


def test_a_vo_grade_split_by_a_comment_is_read_whole() -> None:
    kandidaat = make_examenkandidaat("havo")
    data = dumps_message(Bericht("aanleverenExamenresultaatVO", KOP, [kandidaat]))
    start = data.index(b"<vo:cijferSchoolexamen>") + len(b"<vo:cijferSchoolexamen>")
    end = data.index(b"<", start)
    grade = data[start:end]
    split = data[:start] + grade[:1] + b"<!---->" + grade[1:] + data[end:]
    bericht, findings = read_message(split)
    assert findings == []
    assert bericht is not None
    read_grade = bericht.inhoud[0].vakken[0].se
    assert read_grade == Decimal(grade.decode())


# -- class 5: the message skeleton in a stream --------------------------------------------------

_END = b"</mbo:aanleverenBpvMBO>"
_ROOT = b"<mbo:aanleverenBpvMBO "


def _hostile_streams() -> dict[str, bytes]:
    data = _stream(3)
    first_record_end = data.index(b"</mbo:student>") + len(b"</mbo:student>")
    return {
        "junk after the records": data.replace(_END, b"<x/><x/>" + _END),
        "junk between records": data[:first_record_end] + b"<mbo:x/>" + data[first_record_end:],
        "junk in the header": data.replace(b"<bas:verzendendeInstantie", b"<junk/><bas:verzendendeInstantie"),
        "text after the records": data.replace(_END, b"stray text" + _END),
        "text between records": data[:first_record_end] + b" stray " + data[first_record_end:],
        "text before the header": data.replace(b"\n  <bas:identificatiecode", b"stray<bas:identificatiecode"),
        "unknown root attribute": data.replace(_ROOT, _ROOT + b'extra="1" '),
        "nested in a foreign root": data.replace(_ROOT, b"<wrap>" + _ROOT).replace(_END, _END + b"</wrap>"),
        "kop element after the records": data.replace(
            _END, b"<bas:ontvangendeInstantie>DUO</bas:ontvangendeInstantie>" + _END
        ),
    }


@pytest.mark.parametrize("validate", [True, False])
@pytest.mark.parametrize("case", sorted(_hostile_streams()))
def test_the_stream_refuses_a_broken_skeleton(case: str, validate: bool) -> None:
    data = _hostile_streams()[case]
    with pytest.raises(InvalidDocument):
        _streamed(data, validate=validate)


@pytest.mark.parametrize("case", sorted(_hostile_streams()))
def test_the_whole_document_reader_refuses_the_same(case: str) -> None:
    with pytest.raises(InvalidDocument):
        _whole(_hostile_streams()[case])


def test_a_schema_location_on_the_root_is_accepted() -> None:
    data = _stream(2).replace(
        b"<mbo:aanleverenBpvMBO ",
        b'<mbo:aanleverenBpvMBO xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        b'xsi:schemaLocation="urn:duo-domain:schema:mbo:v1 mbo.xsd" ',
    )
    assert _streamed(data) == [_record(0), _record(1)]


def test_the_records_before_junk_are_yielded_first() -> None:
    data = _stream(3)
    second_end = data.index(b"</mbo:student>", data.index(b"</mbo:student>") + 1) + len(b"</mbo:student>")
    data = data[:second_end] + b"<junk/>" + data[second_end:]
    got: list[MboStudentRecord] = []
    with pytest.raises(InvalidDocument) as info:
        got.extend(read_stream(io.BytesIO(data)))
    assert got == [_record(0), _record(1)]
    assert info.value.path == "$[2]"
    assert "junk" in str(info.value)


class _Counting(io.RawIOBase):
    """A source that counts what the reader took from it."""

    def __init__(self, parts: list[bytes], repeat: bytes, times: int) -> None:
        self._parts = parts
        self._repeat = repeat
        self._left = times
        self.taken = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._parts:
            chunk = self._parts.pop(0)
        elif self._left > 0:
            count = min(self._left, max(1, size // len(self._repeat)))
            self._left -= count
            chunk = self._repeat * count
        else:
            chunk = _END
            self._parts = []
            self._repeat = b""
        self.taken += len(chunk)
        return chunk


_MB32 = 32 * 1024 * 1024


@pytest.mark.parametrize(
    ("where", "repeat"),
    [
        ("after the records", b"<x/>"),
        ("after the records", b"<!---->"),
        ("after the records", b" "),
        ("inside a record", b"<x/>"),
        ("before the first record", b"<x/>"),
    ],
)
def test_the_stream_stops_early_on_a_flood(where: str, repeat: bytes) -> None:
    data = _stream(1)
    if where == "after the records":
        head = data[: data.index(_END)]
    elif where == "inside a record":
        head = data[: data.index(b"<mbo:persoon>")]
    else:
        head = data[: data.index(b"<mbo:student")]
    source = _Counting([head], repeat, _MB32 // len(repeat))
    stream = read_stream(source)  # type: ignore[arg-type]
    with contextlib.suppress(InvalidDocument):
        list(stream)
    # What was read (and so at most what is held) is bounded by about a record, not by the input.
    assert source.taken < 2 * DEFAULT_MAX_RECORD_BYTES


def test_the_stream_has_a_default_size_limit() -> None:
    data = _stream(2)
    with pytest.raises(XmlRefused, match="larger than the limit"):
        _streamed_limited(data, len(data) - 1)
    assert len(list(read_stream(io.BytesIO(data), max_bytes=len(data)))) == 2


def _streamed_limited(data: bytes, limit: int) -> list[MboStudentRecord]:
    source: IO[bytes] = io.BytesIO(data)
    return list(read_stream(source, max_bytes=limit))


# -- class 5: the whole-document reader's limits ------------------------------------------------


def test_a_flood_of_elements_is_refused_before_parsing() -> None:
    data = b"<r>" + b"<x/>" * 1_000_001 + b"</r>"
    with pytest.raises(XmlRefused, match="more than 1000000 elements"):
        parse_bytes(data)
    with pytest.raises(XmlRefused):
        read_message(data)


def test_the_node_limit_is_exact() -> None:
    ten = b"<r>" + b"<x/>" * 9 + b"</r>"
    assert len(parse_bytes(ten, max_nodes=10)) == 9
    with pytest.raises(XmlRefused):
        parse_bytes(ten, max_nodes=9)


def test_depth_is_still_limited() -> None:
    assert parse_bytes(b"<a>" * 32 + b"</a>" * 32) is not None
    with pytest.raises(XmlRefused, match="deeper than 32"):
        parse_bytes(b"<a>" * 33 + b"</a>" * 33)


# -- class 1: tags lxml would refuse to build ---------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<per:burgerservicenummer>", b"<pex:burgerservicenummer>"),
        (b"<mbo:student>", b"<mbxo:student>"),
        (b'"urn:duo-domain:schema:persoon:v1"', b'"urn:duo-domain:schema:pers{oon:v1"'),
        (b'"urn:duo-domain:schema:mbo:v1"', b'"urn:duo-}domain:schema:mbo:v1"'),
        (b"<bas:verzendendeInstantie>", b"<bas::verzendendeInstantie>"),
    ],
)
@pytest.mark.parametrize("indent", [True, False])
def test_a_tag_lxml_cannot_build_is_a_library_error(old: bytes, new: bytes, indent: bool) -> None:
    data = _message(3, indent=indent)
    assert old in data
    bad = data.replace(old, new)
    for read in READERS:
        with pytest.raises(InvalidDocument):
            read(bad)
    try:
        _, findings = read_message(bad)
    except InvalidDocument:
        return
    assert findings


# -- indented output ----------------------------------------------------------------------------


def test_written_xml_is_indented_and_findings_point_at_the_line() -> None:
    data = _message(2)
    assert _streamed(_stream(2)) == _streamed(data)
    assert _stream(2).count(b"\n") == data.count(b"\n")
    lines = data.splitlines()
    assert all(len(line) < 300 for line in lines[2:])  # one element a line (the root declares namespaces)
    bad = data.replace(b"<mbo:bpvVolgnummer>1<", b"<mbo:bpvVolgnummer>1!<")
    _, findings = read_message(bad)
    assert findings
    assert b"1!<" in lines[int(findings[0].message.split(":")[0].removeprefix("line ")) - 1].replace(
        b">1<", b">1!<"
    )


def test_compact_output_is_one_line() -> None:
    data = _stream(2, indent=False)
    assert data.count(b"\n") == 1  # after the declaration
    assert _message(2, indent=False).count(b"\n") == 1
    assert _streamed(data) == _streamed(_stream(2)) == _streamed(_message(2, indent=False))
