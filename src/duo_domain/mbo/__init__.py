"""MBO: the register ROD (Register Onderwijsdeelnemers) for MBO institutions.

Domain objects for what an MBO institution exchanges with DUO, the rules DUO
applies to them, and the functions around leaving and absence:

* [`duo_domain.mbo.enrolment`][duo_domain.mbo.enrolment] — [`Enrolment`][duo_domain.mbo.enrolment.Enrolment]
  with its [`Periode`][duo_domain.mbo.enrolment.Periode] s and periods of
  [`ExtraOndersteuning`][duo_domain.mbo.enrolment.ExtraOndersteuning];
* [`duo_domain.mbo.bpv`][duo_domain.mbo.bpv] — [`BpvAgreement`][duo_domain.mbo.bpv.BpvAgreement];
* [`duo_domain.mbo.record`][duo_domain.mbo.record] —
  [`MboStudentRecord`][duo_domain.mbo.record.MboStudentRecord];
* [`duo_domain.mbo.codes`][duo_domain.mbo.codes] — DUO's value lists (leertraject, niveau, ...);
* [`duo_domain.mbo.rules`][duo_domain.mbo.rules] — the ``ROD.*`` rules of the catalogue;
* [`duo_domain.mbo.uitschrijving`][duo_domain.mbo.uitschrijving] — deregistration and VSV;
* [`duo_domain.mbo.afwezigheid`][duo_domain.mbo.afwezigheid] — the separate absence report for students of
  18+.

Submodules are imported on demand; this package imports nothing itself.
"""

__all__ = [
    "afwezigheid",
    "bpv",
    "codes",
    "enrolment",
    "record",
    "rules",
    "uitschrijving",
]
