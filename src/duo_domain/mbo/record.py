"""The MBO student record: one student with enrolments, BPV agreements and results.

[`MboStudentRecord`][duo_domain.mbo.record.MboStudentRecord] is the unit the JSON document of ``duo-domain
validate`` holds (one record, or a list of them). Rules that need more than
one object (a BPV agreement lies within its enrolment, volgnummers are
unique, a BBL enrolment has a BPV agreement, a diploma needs an enrolment for
its opleiding) are registered on the record.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.identity import Student
    >>> from duo_domain.mbo.results import Diploma
    >>> from duo_domain.rules import validate
    >>> r = MboStudentRecord(Student(studentnummer="S1"),
    ...     diplomas=[Diploma("D1", "25655", dt.date(2025, 7, 10), True, "C9")])
    >>> [(f.rule_id, f.path) for f in validate(r) if f.rule_id.startswith("ROD.DIPLOMA")]
    [('ROD.DIPLOMA.INSCHRIJVING', '$.diplomas[0].inschrijvingvolgnummer')]
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from duo_domain import _fields as f
from duo_domain.identity.student import Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment
from duo_domain.mbo.results import Diploma, LosseResultaten

__all__ = ["MboStudentRecord"]


def _tuple_of_enrolments(value: Iterable[Enrolment]) -> tuple[Enrolment, ...]:
    out: tuple[Enrolment, ...] = f.as_tuple(value)
    return out


def _tuple_of_bpv(value: Iterable[BpvAgreement]) -> tuple[BpvAgreement, ...]:
    out: tuple[BpvAgreement, ...] = f.as_tuple(value)
    return out


def _tuple_of_diplomas(value: Iterable[Diploma]) -> tuple[Diploma, ...]:
    out: tuple[Diploma, ...] = f.as_tuple(value)
    return out


# Each gives a tuple back as it is: a reader that builds the tuple may leave the call out.
f.keeps_tuples(_tuple_of_enrolments, _tuple_of_bpv, _tuple_of_diplomas)


@attrs.frozen
class MboStudentRecord:
    """A student of an MBO institution with everything exchanged with ROD about them.

    Attributes:
        student: Who the student is (BSN or onderwijsnummer, or the
            personal-data set DUO matches on).
        inschrijvingen: The student's enrolments.
        bpv_overeenkomsten: The student's BPV agreements, each naming its
            enrolment by ``inschrijvingvolgnummer``.
        diplomas: The student's diplomas (ROD-OR), each naming the enrolment
            it was obtained in by ``inschrijvingvolgnummer``.
        losse_resultaten: Generic exam parts, keuzedelen and AMvB-onderdelen
            obtained without a diploma; empty by default.
    """

    student: Student = attrs.field(validator=f.instance(Student, "a Student"))
    inschrijvingen: tuple[Enrolment, ...] = attrs.field(
        default=(), converter=_tuple_of_enrolments, validator=f.items(Enrolment, "Enrolment objects")
    )
    bpv_overeenkomsten: tuple[BpvAgreement, ...] = attrs.field(
        default=(), converter=_tuple_of_bpv, validator=f.items(BpvAgreement, "BpvAgreement objects")
    )
    diplomas: tuple[Diploma, ...] = attrs.field(
        default=(), converter=_tuple_of_diplomas, validator=f.items(Diploma, "Diploma objects")
    )
    losse_resultaten: LosseResultaten = attrs.field(
        factory=LosseResultaten, validator=f.instance(LosseResultaten, "a LosseResultaten")
    )

    def inschrijving(self, inschrijvingvolgnummer: str) -> Enrolment | None:
        """The enrolment with this volgnummer, or ``None``."""
        for inschrijving in self.inschrijvingen:
            if inschrijving.inschrijvingvolgnummer == inschrijvingvolgnummer:
                return inschrijving
        return None

    def bpv_van(self, inschrijvingvolgnummer: str) -> tuple[BpvAgreement, ...]:
        """The BPV agreements that belong to the enrolment with this volgnummer."""
        return tuple(b for b in self.bpv_overeenkomsten if b.inschrijvingvolgnummer == inschrijvingvolgnummer)

    def diplomas_van(self, inschrijvingvolgnummer: str) -> tuple[Diploma, ...]:
        """The diplomas obtained in the enrolment with this volgnummer."""
        return tuple(d for d in self.diplomas if d.inschrijvingvolgnummer == inschrijvingvolgnummer)
