"""Plausibility signals for MBO records: dates that cannot all be true together.

DUO publishes no rule for these, so each is the library's own *signaal*
(severity ``SIGNAAL``: no effect on registration); the source names the
definitions in DUO's PvE that make the combination implausible. They catch
typing errors that every single field check lets through: a birth date
after the enrolment began, a diploma obtained before the enrolment it
belongs to, a BPV agreement signed after the BPV ended.

Rule ids ``ROD.PLAUSIBEL.*``; importing this module registers them (the
default registry does so on first use).

Examples:
    >>> import attrs, datetime as dt
    >>> from duo_domain.rules import validate
    >>> from duo_domain.testing.factories import make_bpv_agreement, make_enrolment
    >>> bpv = make_bpv_agreement(make_enrolment())
    >>> late = attrs.evolve(bpv, afsluitdatum=bpv.datum_einde_gepland + dt.timedelta(days=1))
    >>> [f.rule_id for f in validate(late)]
    ['ROD.PLAUSIBEL.BPV_AFSLUITDATUM']
"""

from __future__ import annotations

from collections.abc import Sequence

from duo_domain._sources import PVE_MBO
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.rules import CheckContext, Severity, Violation, registry

__all__: list[str] = []

_OWN = "duo_domain's own signaal (DUO publishes no rule)"


@registry.rule(
    "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING",
    severity=Severity.SIGNAAL,
    summary="A student is born before the first day of each of their enrolments.",
    guidance="Check the date of birth and the datum inschrijving: one of them has a typing error "
    "(often the year).",
    source=f"{_OWN}; {PVE_MBO} §13.5.2 (Geboortedatum) and §13.5.5 (Datum inschrijving)",
    applies_to=MboStudentRecord,
)
def _geboren_na_inschrijving(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    p = r.student.persoonsgegevens
    if p is None or p.geboortedatum is None or not r.inschrijvingen:
        return ()
    vroegst = p.geboortedatum.vroegst()  # the earliest day the incomplete date can stand for
    return [
        Violation(
            f"inschrijvingen[{i}].datum_inschrijving",
            f"the enrolment begins on {e.datum_inschrijving}, before the student's geboortedatum "
            f"{p.geboortedatum}",
            business_key=e.inschrijvingvolgnummer,
        )
        for i, e in enumerate(r.inschrijvingen)
        if e.datum_inschrijving < vroegst
    ]


@registry.rule(
    "ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING",
    severity=Severity.SIGNAAL,
    summary="A diploma is obtained on or after the first day of the enrolment it names.",
    guidance="Check the diploma's datum resultaat and its inschrijvingvolgnummer: the diploma is "
    "linked to the wrong enrolment, or one of the dates has a typing error.",
    source=f"{_OWN}; {PVE_MBO} §13.5.8 (Datum resultaat: de datum waarop de uitslag is behaald; "
    "Inschrijvingvolgnummer)",
    applies_to=MboStudentRecord,
)
def _diploma_voor_inschrijving(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if not r.diplomas or not r.inschrijvingen:
        return ()
    begin = {e.inschrijvingvolgnummer: e.datum_inschrijving for e in r.inschrijvingen}
    found: list[Violation] = []
    for i, d in enumerate(r.diplomas):
        start = begin.get(d.inschrijvingvolgnummer)
        if start is not None and d.datum_resultaat < start:
            found.append(
                Violation(
                    f"diplomas[{i}].datum_resultaat",
                    f"the diploma is dated {d.datum_resultaat}, before its enrolment "
                    f"{d.inschrijvingvolgnummer} began on {start}",
                    business_key=d.inschrijvingvolgnummer,
                )
            )
    return found


@registry.rule(
    "ROD.PLAUSIBEL.BPV_AFSLUITDATUM",
    severity=Severity.SIGNAAL,
    summary="A BPV agreement is signed (afsluitdatum) no later than the BPV ends.",
    guidance="Check the afsluitdatum: it is the day the praktijkovereenkomst was drawn up, which "
    "comes before the end of the BPV, usually before its start.",
    source=f"{_OWN}; {PVE_MBO} §13.5.7 (Afsluitdatum: de datum waarop de praktijkovereenkomst is "
    "opgesteld; Datum einde werkelijk)",
    applies_to=BpvAgreement,
)
def _bpv_afsluitdatum(b: BpvAgreement, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    einde = b.datum_einde_werkelijk or b.datum_einde_gepland
    # An end before the begin is ROD.BPV.DATUMS's finding; one finding per mistake.
    if b.afsluitdatum > einde >= b.datum_begin:
        return (
            Violation(
                "afsluitdatum",
                f"the agreement is dated {b.afsluitdatum}, after the BPV ended on {einde}",
                business_key=b.inschrijvingvolgnummer,
            ),
        )
    return ()
