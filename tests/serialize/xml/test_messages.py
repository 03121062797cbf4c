"""Reading validates: XSD violations become findings with lines; writing refuses what breaks the XSD."""

from __future__ import annotations

import datetime as dt
import io
import uuid

import pytest

from duo_domain.errors import InvalidDocument
from duo_domain.identity.student import Persoonsgegevens, Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.rules import Severity, registry
from duo_domain.serialize.xml import (
    BERICHTSOORTEN,
    Bedrijfsdocument,
    Bericht,
    dumps,
    dumps_message,
    loads,
    loads_message,
    read_message,
    read_stream,
    records_of,
    write_stream,
)

KOP = Bedrijfsdocument(uuid.UUID(int=9), "25LX", "DUO", dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
BSN = "111222333"


def _enrolment(**changes: object) -> Enrolment:
    fields: dict[str, object] = {
        "inschrijvingvolgnummer": "A1",
        "instelling": "25LX",
        "datum_inschrijving": dt.date(2024, 8, 1),
        "datum_uitschrijving_gepland": dt.date(2027, 7, 31),
        "perioden": [
            Periode(
                dt.date(2024, 8, 1), "25655", "BOL", indicatie_bekostigbaar=True, onderwijslocatie="101X591"
            )
        ],
    }
    fields.update(changes)
    return Enrolment(**fields)  # type: ignore[arg-type]


def _message(**changes: object) -> bytes:
    record = MboStudentRecord(Student(bsn=BSN), inschrijvingen=[_enrolment(**changes)])
    return dumps_message(Bericht("aanleverenInschrijvingMBO", KOP, [record]))


def test_a_valid_message_reads_without_findings() -> None:
    bericht, findings = read_message(_message())
    assert findings == []
    assert bericht is not None
    assert bericht.kop == KOP
    assert [path for path, _ in records_of(bericht)] == ["$[0]"]


def test_schema_violations_are_findings_with_lines_and_paths() -> None:
    data = _message().replace(b"<mbo:brin>25LX</mbo:brin>", b"<mbo:brin>25lx</mbo:brin>")
    data = data.replace(b"><", b">\n<")  # one element per line
    bericht, findings = read_message(data)
    assert bericht is None
    assert len(findings) == 1
    finding = findings[0]
    assert finding.rule_id == "XML.BERICHT.SCHEMA"
    assert finding.severity is Severity.AFKEUR
    assert finding.path == "$[0].inschrijvingen[0].instelling"
    line = next(i for i, text in enumerate(data.splitlines(), 1) if b"<mbo:brin>" in text)
    assert finding.values["line"] == str(line)
    assert finding.message.startswith(f"line {line}: ")


def test_every_violation_is_reported() -> None:
    data = _message().replace(b"25655", b"2565-5").replace(b"101X591", b"101Y591")
    _, findings = read_message(data)
    assert [f.path for f in findings] == [
        "$[0].inschrijvingen[0].perioden[0].opleidingscode",
        "$[0].inschrijvingen[0].perioden[0].onderwijslocatie",
    ]


def test_findings_never_show_a_bsn() -> None:
    data = _message().replace(BSN.encode(), b"12345678")  # eight digits: breaks the pattern
    _, findings = read_message(data)
    assert findings
    assert all("12345678" not in f.message for f in findings)
    assert "****5678" in findings[0].message
    bad_checksum = _message().replace(BSN.encode(), b"111222334")  # passes the XSD, fails the 11-proef
    _, findings = read_message(bad_checksum)
    assert [f.rule_id for f in findings] == ["XML.BERICHT.WAARDE"]
    assert findings[0].path == "$[0].student.bsn"
    assert "111222334" not in str(findings[0])


def test_impossible_date_is_a_finding() -> None:
    data = _message().replace(b"2027-07-31", b"2027-02-30")
    _, findings = read_message(data)
    assert [f.rule_id for f in findings] == ["XML.BERICHT.SCHEMA"]


def test_loads_message_raises_with_every_problem() -> None:
    data = _message().replace(b"25LX</mbo:brin>", b"25L</mbo:brin>")
    with pytest.raises(InvalidDocument) as info:
        loads_message(data)
    line = info.value.problems[0].line
    assert line is not None
    # Indented output: the line of the problem is the line of the refused value.
    assert b"25L</mbo:brin>" in data.splitlines()[line - 1]
    assert info.value.path == "$[0].inschrijvingen[0].instelling"


def test_unknown_root_is_an_invalid_document() -> None:
    with pytest.raises(InvalidDocument, match="not a known message"):
        read_message(b"<bericht/>")


def test_writing_refuses_what_the_xsd_refuses() -> None:
    with pytest.raises(InvalidDocument) as info:
        _message(instelling="25-LX")
    assert info.value.path == "$[0].inschrijvingen[0].instelling"


def test_writing_refuses_parts_the_message_does_not_carry() -> None:
    bpv = BpvAgreement("A1", "1", dt.date(2025, 8, 1), dt.date(2025, 9, 1), dt.date(2026, 6, 30))
    record = MboStudentRecord(Student(bsn=BSN), inschrijvingen=[_enrolment()], bpv_overeenkomsten=[bpv])
    with pytest.raises(InvalidDocument, match="does not carry bpv_overeenkomsten"):
        dumps_message(Bericht("aanleverenInschrijvingMBO", KOP, [record]))
    assert dumps_message(Bericht("aanleverenStudentMBO", KOP, [record]))


def test_writing_refuses_an_empty_record_for_its_kind() -> None:
    record = MboStudentRecord(Student(bsn=BSN))
    with pytest.raises(InvalidDocument, match="needs inschrijvingen"):
        dumps_message(Bericht("aanleverenInschrijvingMBO", KOP, [record]))


def test_identification_refuses_a_bsn() -> None:
    person = Student(bsn=BSN, persoonsgegevens=Persoonsgegevens(geslachtsnaam="Jansen"))
    with pytest.raises(InvalidDocument, match="does not carry bsn"):
        dumps_message(Bericht("identificerenPersoon", KOP, [person]))


def test_wrong_record_type_and_unknown_kind() -> None:
    with pytest.raises(InvalidDocument, match="holds MboStudentRecord records"):
        dumps_message(Bericht("aanleverenStudentMBO", KOP, [Student(bsn=BSN)]))
    with pytest.raises(InvalidDocument, match="unknown message kind"):
        dumps_message(Bericht("aanleverenIets", KOP, []))


def test_header_must_be_aware() -> None:
    with pytest.raises(ValueError, match="time zone"):
        Bedrijfsdocument(uuid.UUID(int=1), "25LX", "DUO", dt.datetime(2026, 1, 1))  # noqa: DTZ001
    with pytest.raises(ValueError, match="1 to 22"):
        Bedrijfsdocument(uuid.UUID(int=1), "", "DUO", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))


def test_loads_checks_the_expected_class() -> None:
    data = dumps(Student(bsn=BSN))
    with pytest.raises(InvalidDocument, match="is not Enrolment"):
        loads(data, Enrolment)
    with pytest.raises(InvalidDocument):
        loads(data.replace(b"111222333", b"11122233x"))


def test_catalogue_lists_the_xml_rules() -> None:
    assert "XML.BERICHT.SCHEMA" in registry
    assert registry.get("XML.BERICHT.WAARDE").severity is Severity.AFKEUR


def test_every_message_kind_is_described() -> None:
    assert set(BERICHTSOORTEN) == {
        "aanleverenStudentMBO",
        "aanleverenInschrijvingMBO",
        "aanleverenBpvMBO",
        "aanleverenResultaatMBO",
        "identificerenPersoon",
        "aanleverenExamenresultaatVO",
    }


def _stream(n: int, bad_at: int | None = None) -> bytes:
    def records() -> object:
        for i in range(n):
            yield MboStudentRecord(Student(bsn=BSN, studentnummer=str(i)), inschrijvingen=[_enrolment()])

    sink = io.BytesIO()
    write_stream(sink, "aanleverenInschrijvingMBO", KOP, records())  # type: ignore[arg-type]
    data = sink.getvalue().replace(b"><", b">\n<")
    if bad_at is not None:
        marker = f"<per:studentnummer>{bad_at}</per:studentnummer>".encode()
        data = data.replace(marker, marker + b"\n<per:bogus/>")
    return data


def test_stream_reads_records_lazily_and_stops_at_a_bad_one() -> None:
    stream = read_stream(io.BytesIO(_stream(5, bad_at=3)))
    assert stream.soort == "aanleverenInschrijvingMBO"
    got: list[object] = []
    with pytest.raises(InvalidDocument) as info:
        got.extend(stream)
    assert len(got) == 3
    problem = info.value.problems[0]
    assert problem.path.startswith("$[3]")
    assert problem.line is not None
    assert problem.line > 1


def test_stream_refuses_a_record_over_the_size_limit() -> None:
    from duo_domain.serialize.xml import XmlRefused

    big = MboStudentRecord(Student(bsn=BSN), inschrijvingen=[_enrolment()] * 400)
    sink = io.BytesIO()
    write_stream(sink, "aanleverenInschrijvingMBO", KOP, [big])
    assert len(sink.getvalue()) > 100_000
    with pytest.raises(XmlRefused, match="record is larger"):
        list(read_stream(io.BytesIO(sink.getvalue()), max_record_bytes=10_000))
    assert len(list(read_stream(io.BytesIO(sink.getvalue())))) == 1


def test_stream_refuses_wrong_documents() -> None:
    with pytest.raises(InvalidDocument, match="not a known message"):
        list(read_stream(io.BytesIO(dumps(Student(bsn=BSN)))))
    header_only = _stream(1).split(b"<mbo:student")[0] + b"</mbo:aanleverenInschrijvingMBO>"
    with pytest.raises(InvalidDocument, match="no records"):
        list(read_stream(io.BytesIO(header_only)))


def test_write_stream_refuses_an_invalid_record() -> None:
    bad = MboStudentRecord(Student(bsn=BSN), inschrijvingen=[_enrolment(instelling="x")])
    with pytest.raises(InvalidDocument) as info:
        write_stream(io.BytesIO(), "aanleverenInschrijvingMBO", KOP, [bad])
    assert info.value.path == "$[0].inschrijvingen[0].instelling"


def test_a_control_character_is_refused_with_its_path() -> None:
    from duo_domain.errors import InvalidDocument
    from duo_domain.mbo.results import KeuzedeelResultaat, KeuzedeelUitkomst
    from duo_domain.serialize.xml import dumps as dumps_element

    with pytest.raises(InvalidDocument) as info:
        dumps_element(KeuzedeelResultaat("K\x001", "K00\x1f7", KeuzedeelUitkomst.BEHAALD))
    assert [p.path for p in info.value.problems] == ["$.resultaatvolgnummer", "$.code"]
