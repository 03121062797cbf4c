"""MBO: the register ROD (Register Onderwijsdeelnemers) for MBO institutions.

Domain objects for what an MBO institution exchanges with DUO, the rules DUO
applies to them, and the functions around leaving and absence:

* :mod:`duo_domain.mbo.enrolment` — :class:`~duo_domain.mbo.enrolment.Enrolment`
  with its :class:`~duo_domain.mbo.enrolment.Periode` s and periods of
  :class:`~duo_domain.mbo.enrolment.ExtraOndersteuning`;
* :mod:`duo_domain.mbo.bpv` — :class:`~duo_domain.mbo.bpv.BpvAgreement`;
* :mod:`duo_domain.mbo.record` — :class:`~duo_domain.mbo.record.MboStudentRecord`;
* :mod:`duo_domain.mbo.codes` — DUO's value lists (leertraject, niveau, ...);
* :mod:`duo_domain.mbo.rules` — the ``ROD.*`` rules of the catalogue;
* :mod:`duo_domain.mbo.uitschrijving` — deregistration and VSV;
* :mod:`duo_domain.mbo.afwezigheid` — the separate absence report for students of 18+.

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
