"""Plain factories for quick fixtures: valid numbers, a student with an enrolment, a VO candidate.

Every factory returns the same object for the same arguments (no randomness)
and the object passes every rule unless you ask otherwise; keyword arguments
change the fields that matter in tests.

Examples:
    >>> from duo_domain.identity import bsn, onderwijsnummer
    >>> from duo_domain.rules import validate
    >>> from duo_domain.testing.factories import (make_bsn, make_examenkandidaat,
    ...     make_mbo_student_record, make_onderwijsnummer)
    >>> bsn.is_valid(make_bsn()), onderwijsnummer.is_valid(make_onderwijsnummer(seed=3))
    (True, True)
    >>> make_bsn(seed=1) != make_bsn(seed=2)
    True
    >>> record = make_mbo_student_record(leertraject="BBL")
    >>> len(record.bpv_overeenkomsten), len(validate(record))
    (1, 0)
    >>> k = make_examenkandidaat("vmbo-tl", reden="BRON.EXAMEN.NEDERLANDS")
    >>> k.uitslag.value, len(validate(k))
    ('afgewezen', 0)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from duo_domain.identity import (
    Bsn,
    Geslacht,
    NederlandsAdres,
    Onderwijsnummer,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
)
from duo_domain.identity import bsn as _bsn
from duo_domain.identity import onderwijsnummer as _onderwijsnummer
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.codes import BBL_LEERTRAJECTEN
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.vo.model import Beoordeling, Examenkandidaat, ExamResult, Profielwerkstuk, Schoolsoort

__all__ = [
    "make_bpv_agreement",
    "make_bsn",
    "make_enrolment",
    "make_examenkandidaat",
    "make_mbo_student_record",
    "make_onderwijsnummer",
    "make_student",
]

_STEP = 7_919  # a prime: consecutive seeds give numbers far apart


def _first_valid(start: int, width: int, prefix: str, is_valid: Callable[[str], bool]) -> str:
    """The first valid number from ``start`` on: ``prefix``, ``width`` digits and a check digit."""
    n = start
    while True:
        head = prefix + f"{n % 10**width:0{width}d}"
        for last in "0123456789":
            if is_valid(head + last):
                return head + last
        n += 1


def make_bsn(seed: int = 0) -> str:
    """A valid BSN (nine digits); another ``seed`` gives another number.

    Raises:
        ValueError: for a negative seed.
    """
    if seed < 0:
        raise ValueError("seed must be 0 or more")
    return _first_valid(10_000_000 + seed * _STEP, 8, "", _bsn.is_valid)


def make_onderwijsnummer(seed: int = 0) -> str:
    """A valid onderwijsnummer (``10``, six digits, check digit); another ``seed`` gives another number.

    Raises:
        ValueError: for a negative seed.
    """
    if seed < 0:
        raise ValueError("seed must be 0 or more")
    return _first_valid(seed * _STEP, 6, "10", _onderwijsnummer.is_valid)


def make_student(
    *, nummer: str | None = "bsn", seed: int = 0, studentnummer: str | None = "S0001"
) -> Student:
    """A student known by a BSN, an onderwijsnummer, or (``nummer=None``) by complete personal data.

    Args:
        nummer: ``"bsn"``, ``"onderwijsnummer"`` or ``None``.
        seed: Picks the number (see [`make_bsn`][duo_domain.testing.factories.make_bsn]).
        studentnummer: The school's own key.

    Raises:
        ValueError: for another ``nummer``.

    Examples:
        >>> make_student(nummer="onderwijsnummer").onderwijsnummer is not None
        True
    """
    if nummer == "bsn":
        return Student(bsn=Bsn(make_bsn(seed)), studentnummer=studentnummer)
    if nummer == "onderwijsnummer":
        return Student(
            onderwijsnummer=Onderwijsnummer(make_onderwijsnummer(seed)), studentnummer=studentnummer
        )
    if nummer is None:
        data = Persoonsgegevens(
            geslachtsnaam="Jansen",
            voorvoegsels="de",
            voornamen="Eva Maria",
            geboortedatum=OnvolledigeDatum(2007, 3, 14),
            geslacht=Geslacht.VROUW.value,
            adres=NederlandsAdres(
                postcode="2593CE",
                huisnummer=12,
                straatnaam="Laan van Nieuw Oost-Indië",
                plaatsnaam="DEN HAAG",
            ),
        )
        return Student(persoonsgegevens=data, studentnummer=studentnummer)
    raise ValueError(f"nummer must be 'bsn', 'onderwijsnummer' or None, not {nummer!r}")


def make_enrolment(
    *,
    inschrijvingvolgnummer: str = "1",
    instelling: str = "25LX",
    datum_inschrijving: dt.date = dt.date(2024, 8, 1),
    datum_uitschrijving_gepland: dt.date = dt.date(2027, 7, 31),
    opleidingscode: str = "25655",
    leertraject: str = "BOL",
    niveau: str | None = "MBO-4",
    onderwijslocatie: str | None = "101X591",
    onderwijsaanbieder: str | None = "100A501",
) -> Enrolment:
    """An enrolment with one period that runs from the datum inschrijving to the planned end.

    Examples:
        >>> make_enrolment(leertraject="BBL").leertrajecten()
        frozenset({'BBL'})
    """
    periode = Periode(
        datum_begin=datum_inschrijving,
        opleidingscode=opleidingscode,
        leertraject=leertraject,
        indicatie_bekostigbaar=True,
        niveau=niveau,
        onderwijsaanbieder=onderwijsaanbieder,
        onderwijslocatie=onderwijslocatie,
    )
    return Enrolment(
        inschrijvingvolgnummer=inschrijvingvolgnummer,
        instelling=instelling,
        datum_inschrijving=datum_inschrijving,
        datum_uitschrijving_gepland=datum_uitschrijving_gepland,
        perioden=[periode],
    )


def make_bpv_agreement(
    enrolment: Enrolment,
    *,
    volgnummer: str = "1",
    omvang: int | None = 800,
    leerbedrijf_id: str | None = "100018965",
) -> BpvAgreement:
    """A BPV agreement for ``enrolment``, from its first day to its planned last day.

    Examples:
        >>> make_bpv_agreement(make_enrolment(), omvang=0).omvang
        0
    """
    return BpvAgreement(
        inschrijvingvolgnummer=enrolment.inschrijvingvolgnummer,
        volgnummer=volgnummer,
        afsluitdatum=enrolment.datum_inschrijving - dt.timedelta(days=14),
        datum_begin=enrolment.datum_inschrijving,
        datum_einde_gepland=enrolment.datum_uitschrijving_gepland,
        omvang=omvang,
        leerbedrijf_id=leerbedrijf_id,
        opleidingscode=enrolment.perioden[0].opleidingscode if enrolment.perioden else None,
    )


def make_mbo_student_record(
    *, leertraject: str = "BOL", nummer: str | None = "bsn", seed: int = 0
) -> MboStudentRecord:
    """A student with one enrolment (`make_enrolment`); a BBL enrolment comes with a BPV agreement.

    Args:
        leertraject: The leertraject of the enrolment's period.
        nummer: How the student is known (see [`make_student`][duo_domain.testing.factories.make_student]).
        seed: Picks the student's number.
    """
    enrolment = make_enrolment(leertraject=leertraject)
    bpv = [make_bpv_agreement(enrolment)] if leertraject in BBL_LEERTRAJECTEN else []
    return MboStudentRecord(
        student=make_student(nummer=nummer, seed=seed), inschrijvingen=[enrolment], bpv_overeenkomsten=bpv
    )


def make_examenkandidaat(
    schoolsoort: Schoolsoort | str = "havo",
    *,
    examenjaar: int = 2025,
    reden: str | None = None,
) -> Examenkandidaat:
    """A VO candidate who passes with 7.0 for everything, or (``reden``) is afgewezen for that reason alone.

    The reported ``uitslag`` is the one the library computes, so the candidate
    passes every rule either way; report ``geslaagd`` for a failing candidate
    (``attrs.evolve(k, uitslag=Uitslag.GESLAAGD)``) to get that rule's finding.

    Args:
        schoolsoort: ``havo``, ``vwo`` or a vmbo leerweg (``vmbo-bb`` ...).
        examenjaar: A supported examenjaar (2023-2027).
        reden: A condition of `duo_domain.testing.CONDITIONS`, e.g.
            ``BRON.EXAMEN.KERNVAKKEN``; it must apply to the school type.

    Raises:
        ValueError: for an unknown school type or a condition the school type cannot fail.

    Examples:
        >>> make_examenkandidaat("havo").uitslag.value
        'geslaagd'
        >>> from duo_domain.vo import compute_uitslag
        >>> k = make_examenkandidaat("vwo", reden="BRON.EXAMEN.KERNVAKKEN")
        >>> [r.regel for r in compute_uitslag(k).redenen]
        ['BRON.EXAMEN.KERNVAKKEN']
    """
    from duo_domain.testing.vo import build, fail_for, report, template

    ss = Schoolsoort(schoolsoort)
    seven = Decimal("7.0")

    def grade(code: str, how: str) -> ExamResult:
        if how == "ce":
            return ExamResult(code, se=seven, ce=seven)
        if how == "se":
            return ExamResult(code, se=Decimal(7))
        return ExamResult(code, beoordeling=Beoordeling.VOLDOENDE)

    if ss in (Schoolsoort.HAVO, Schoolsoort.VWO):
        pws: Profielwerkstuk | None = Profielwerkstuk(cijfer=7)
    elif ss in (Schoolsoort.VMBO_GL, Schoolsoort.VMBO_TL):
        pws = Profielwerkstuk(beoordeling=Beoordeling.VOLDOENDE)
    else:
        pws = None
    k = build(ss, examenjaar, template(ss), grade, pws=pws)
    if reden is not None:
        k = fail_for(k, reden)
    return report(k)
