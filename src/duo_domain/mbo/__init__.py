"""MBO: the register ROD (Register Onderwijsdeelnemers) for MBO institutions.

Domain objects for what an MBO institution exchanges with DUO, the rules DUO
applies to them, and the uitslag of an MBO exam. One module per subject:

Onderwijsdeelname (enrolments):

* [`duo_domain.mbo.enrolment`][duo_domain.mbo.enrolment] — [`Enrolment`][duo_domain.mbo.enrolment.Enrolment]
  with its [`Periode`][duo_domain.mbo.enrolment.Periode] s and periods of
  [`ExtraOndersteuning`][duo_domain.mbo.enrolment.ExtraOndersteuning];
* [`duo_domain.mbo.bpv`][duo_domain.mbo.bpv] — [`BpvAgreement`][duo_domain.mbo.bpv.BpvAgreement];
* [`duo_domain.mbo.record`][duo_domain.mbo.record] —
  [`MboStudentRecord`][duo_domain.mbo.record.MboStudentRecord],
  one student with everything above and the results below;
* [`duo_domain.mbo.codes`][duo_domain.mbo.codes] — DUO's value lists (leertraject, niveau, ...)
  and the sets logic reads from their kenmerken;
* [`duo_domain.mbo.rules`][duo_domain.mbo.rules] — the ``ROD.*`` rules for enrolments and BPV;
* [`duo_domain.mbo.pve`][duo_domain.mbo.pve] — the record layouts of DUO's PvE (chapters 13–17) as data;
* [`duo_domain.mbo.formats`][duo_domain.mbo.formats] — the ``ROD.FORMAAT.*`` field-format rules generated from
  them;
* [`duo_domain.mbo.reference`][duo_domain.mbo.reference] — the vendor's reference data (crebo hierarchy, RIO
  onderwijslocaties, SBB leerbedrijven) that rules use when it is given;
* [`duo_domain.mbo.uitschrijving`][duo_domain.mbo.uitschrijving] — deregistration and VSV;
* [`duo_domain.mbo.afwezigheid`][duo_domain.mbo.afwezigheid] — the separate absence report for students of
  18+;
* [`duo_domain.mbo.plausibility`][duo_domain.mbo.plausibility] — the ``ROD.PLAUSIBEL.*`` signals for dates
  that cannot all be true together (a birth date after the enrolment, a diploma before it).

Onderwijsresultaten (results):

* [`duo_domain.mbo.results`][duo_domain.mbo.results] — [`Diploma`][duo_domain.mbo.results.Diploma] with its
  generic exam parts, vrijstellingen and keuzedelen;
* [`duo_domain.mbo.examencodes`][duo_domain.mbo.examencodes] — the generieke examenonderdelencodetabel and
  the vrijstelling codes;
* [`duo_domain.mbo.grades`][duo_domain.mbo.grades] — grade arithmetic of Ekb WEB art. 14 and 15;
* [`duo_domain.mbo.result_rules`][duo_domain.mbo.result_rules] — the ``ROD.RESULTAAT.*`` and ``ROD.DIPLOMA.*``
  rules;
* [`duo_domain.mbo.uitslag`][duo_domain.mbo.uitslag] — the pass/fail check of Ekb WEB art. 17;
* [`duo_domain.mbo.uitslag_rules`][duo_domain.mbo.uitslag_rules] — its reasons as ``ROD.UITSLAG.*`` catalogue
  rules.

Reading and writing these objects as documents is `duo_domain.serialize`'s
job, comparing them with DUO's registration [`duo_domain.reconcile`][duo_domain.reconcile]'s: both
sit above this package. Submodules are imported on demand; this package
imports nothing itself.
"""

__all__ = [
    "afwezigheid",
    "bpv",
    "codes",
    "enrolment",
    "examencodes",
    "formats",
    "grades",
    "plausibility",
    "pve",
    "record",
    "reference",
    "result_rules",
    "results",
    "rules",
    "uitschrijving",
    "uitslag",
    "uitslag_rules",
]
