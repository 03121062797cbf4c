"""Generated without ``breaks=``: validates OK and survives JSON and XML (issue 12, class 7).

If ``validate()`` says OK, the library's own writers must take the object, and its readers must
give it back equal: anything an XSD or a writer refuses has to be a finding first.
"""

from __future__ import annotations

import datetime as dt
import uuid

from hypothesis import HealthCheck, given, settings

from duo_domain.identity import Student
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.rules import validate
from duo_domain.serialize.json import dumps_mbo, loads_mbo
from duo_domain.serialize.xml import Bedrijfsdocument, Bericht, dumps_message, loads_message
from duo_domain.testing import examenkandidaten, mbo_student_records, students
from duo_domain.vo.model import Examenkandidaat

KOP = Bedrijfsdocument(uuid.UUID(int=11), "25LX", "DUO", dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _xml_round_trip(soort: str, record: object) -> object:
    for indent in (True, False):
        data = dumps_message(Bericht(soort, KOP, [record]), indent=indent)
        (back,) = loads_message(data).inhoud
        assert back == record
    return record


@_SETTINGS
@given(mbo_student_records())
def test_mbo_records_validate_and_round_trip(record: MboStudentRecord) -> None:
    report = validate(record)
    assert report.ok, [str(f) for f in report.errors]
    assert loads_mbo(dumps_mbo(record)) == record
    _xml_round_trip("aanleverenStudentMBO", record)


@_SETTINGS
@given(examenkandidaten())
def test_vo_candidates_validate_and_round_trip(kandidaat: Examenkandidaat) -> None:
    report = validate(kandidaat)
    assert report.ok, [str(f) for f in report.errors]
    _xml_round_trip("aanleverenExamenresultaatVO", kandidaat)


@_SETTINGS
@given(students())
def test_students_validate_and_round_trip(student: Student) -> None:
    report = validate(student)
    assert report.ok, [str(f) for f in report.errors]
    record = MboStudentRecord(student)
    assert loads_mbo(dumps_mbo(record)) == record
    if student.bsn is None and student.persoonsgegevens is not None:
        _xml_round_trip("identificerenPersoon", student)
