"""The MBO student record: one student with enrolments and BPV agreements.

:class:`MboStudentRecord` is the unit the JSON document of ``duo-domain
validate`` holds (one record, or a list of them). Rules that need more than
one object (a BPV agreement lies within its enrolment, volgnummers are
unique, a BBL enrolment has a BPV agreement) are registered on the record.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from duo_domain.identity.student import Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment

__all__ = ["MboStudentRecord"]


def _tuple_of_enrolments(value: Iterable[Enrolment]) -> tuple[Enrolment, ...]:
    return tuple(value)


def _tuple_of_bpv(value: Iterable[BpvAgreement]) -> tuple[BpvAgreement, ...]:
    return tuple(value)


@attrs.frozen
class MboStudentRecord:
    """A student of an MBO institution with everything exchanged with ROD about them.

    Attributes:
        student: Who the student is (BSN or onderwijsnummer, or the
            personal-data set DUO matches on).
        inschrijvingen: The student's enrolments.
        bpv_overeenkomsten: The student's BPV agreements, each naming its
            enrolment by ``inschrijvingvolgnummer``.
    """

    student: Student
    inschrijvingen: tuple[Enrolment, ...] = attrs.field(default=(), converter=_tuple_of_enrolments)
    bpv_overeenkomsten: tuple[BpvAgreement, ...] = attrs.field(default=(), converter=_tuple_of_bpv)

    def inschrijving(self, inschrijvingvolgnummer: str) -> Enrolment | None:
        """The enrolment with this volgnummer, or ``None``."""
        for inschrijving in self.inschrijvingen:
            if inschrijving.inschrijvingvolgnummer == inschrijvingvolgnummer:
                return inschrijving
        return None

    def bpv_van(self, inschrijvingvolgnummer: str) -> tuple[BpvAgreement, ...]:
        """The BPV agreements that belong to the enrolment with this volgnummer."""
        return tuple(b for b in self.bpv_overeenkomsten if b.inschrijvingvolgnummer == inschrijvingvolgnummer)
