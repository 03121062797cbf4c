"""Plausibility signals for MBO records (``ROD.PLAUSIBEL.*``): dates that cannot all be true together.

DUO publishes no rule for these, so each is the library's own *signaal*
(severity ``SIGNAAL``, ``severity_origin="library"``: no effect on
registration); its source names the definitions in DUO's PvE that make the
combination implausible. They catch typing errors that every single field
check lets through: a birth date after the enrolment began, a diploma dated
before the enrolment it belongs to, a BPV agreement drawn up after the BPV
ended. They are in force without a period (``geldig_van`` and ``geldig_tot``
are ``None``): the definitions they rest on have not changed in the PvE
versions the library follows.

One finding per mistake: each rule stays silent where another rule already
reports the same mistake (a birth date that is implausible on its own, an
enrolment or BPV whose own dates are out of order, a diploma whose date
differs from the uitschrijfdatum of the enrolment it ends).

Importing this module registers the rules (the default registry does so on
first use).

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

from duo_domain._sources import OWN_SIGNAAL, PVE_MBO
from duo_domain.identity.rules import implausible_geboortedatum
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.result_rules import uitschrijfdatum_violations
from duo_domain.rules import CheckContext, Severity, Violation, registry

__all__: list[str] = []

_LIB = "library"
_PER = (
    f"{PVE_MBO} §15.5.2 Recordsoort PER (Geboortedatum: 'de datum waarop de natuurlijke persoon is geboren')"
)
_ISG = f"{PVE_MBO} §15.5.3 Recordsoort ISG (Datum inschrijving)"
_BPV = f"{PVE_MBO} §15.5.6 Recordsoort BPV"
_DIP = f"{PVE_MBO} §15.5.7 Recordsoort DIP"


@registry.rule(
    "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING",
    severity=Severity.SIGNAAL,
    summary="A student is born before the first day of each of their enrolments.",
    guidance="Check the date of birth and the datum inschrijving: one of them has a typing error (often "
    "the year). An incomplete birth date counts from the earliest day it can stand for.",
    source=f"{OWN_SIGNAAL}; {_PER}; {_ISG}",
    applies_to=MboStudentRecord,
    needs=("inschrijvingen", "student.persoonsgegevens.geboortedatum"),
    severity_origin=_LIB,
)
def _geboren_na_inschrijving(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    p = r.student.persoonsgegevens
    if p is None or p.geboortedatum is None or not r.inschrijvingen:
        return ()
    if implausible_geboortedatum(p.geboortedatum, ctx.peildatum) is not None:
        return ()  # PERSOON.PLAUSIBEL.GEBOORTEDATUM reports the date itself
    vroegst = p.geboortedatum.vroegst()
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


def _dates_in_order(e: Enrolment) -> bool:
    """The enrolment's uitschrijfdatums are not before its inschrijving (else ROD.INSCHRIJVING.DATUMS's)."""
    werkelijk = e.datum_uitschrijving_werkelijk
    return e.datum_uitschrijving_gepland >= e.datum_inschrijving and (
        werkelijk is None or werkelijk >= e.datum_inschrijving
    )


@registry.rule(
    "ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING",
    severity=Severity.SIGNAAL,
    summary="A diploma is dated on or after the first day of the enrolment it names.",
    guidance="Check the diploma's datum resultaat and its inschrijvingvolgnummer: the diploma is linked to "
    "the wrong enrolment, or one of the dates has a typing error.",
    source=f"{OWN_SIGNAAL}; {_DIP} (Datum resultaat: 'de datum waarop de uitslag is behaald'; "
    f"Inschrijvingvolgnummer); {_ISG}",
    applies_to=MboStudentRecord,
    needs=("diplomas", "inschrijvingen"),
    severity_origin=_LIB,
)
def _diploma_voor_inschrijving(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if not r.diplomas or not r.inschrijvingen:
        return ()
    enrolments = {e.inschrijvingvolgnummer: e for e in r.inschrijvingen}
    found: list[Violation] = []
    for i, d in enumerate(r.diplomas):
        e = enrolments.get(d.inschrijvingvolgnummer)
        if e is None or d.datum_resultaat >= e.datum_inschrijving or not _dates_in_order(e):
            continue
        if any(uitschrijfdatum_violations(d, r.inschrijvingen, referentiedata=ctx.referentiedata)):
            continue  # ROD.DIPLOMA.UITSCHRIJFDATUM already shows the date against the enrolment's end
        found.append(
            Violation(
                f"diplomas[{i}].datum_resultaat",
                f"the diploma is dated {d.datum_resultaat}, before its enrolment {d.inschrijvingvolgnummer} "
                f"began on {e.datum_inschrijving}",
                business_key=d.inschrijvingvolgnummer,
            )
        )
    return found


@registry.rule(
    "ROD.PLAUSIBEL.BPV_AFSLUITDATUM",
    severity=Severity.SIGNAAL,
    summary="A BPV agreement is drawn up (afsluitdatum) no later than the BPV ends (the actual end, "
    "else the planned one).",
    guidance="Check the afsluitdatum: it is the day the praktijkovereenkomst was drawn up, which comes "
    "before the end of the BPV, usually before its start.",
    source=f"{OWN_SIGNAAL}; {_BPV} (Afsluitdatum: 'de datum waarop de praktijkovereenkomst is opgesteld'; "
    "Datum einde gepland; Datum einde werkelijk)",
    applies_to=BpvAgreement,
    severity_origin=_LIB,
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
                business_key=b.volgnummer,
            ),
        )
    return ()
