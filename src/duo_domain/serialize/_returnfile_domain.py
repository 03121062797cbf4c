"""From return-file records to domain objects, one person at a time (private).

A return file lists each person (PER) followed by that person's records, so
[`group_persons`][duo_domain.reconcile.mbo.group_persons] can stream: it collects the records of one person,
builds the domain objects, yields them and forgets them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from duo_domain import _fields as f
from duo_domain.errors import DocumentProblem
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import Persoonsgegevens, Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import (
    AmvbOnderdeel,
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    KeuzedeelUitkomst,
    LosseResultaten,
    VrijstellingOmvang,
)
from duo_domain.serialize._returnfile_records import (
    AmoRecord,
    BpvRecord,
    DipRecord,
    GeoRecord,
    IseRecord,
    IsgRecord,
    IspRecord,
    KzdRecord,
    OboVlpRecord,
    PerRecord,
    Persoonsnummer,
    Record,
    VlpRecord,
)

__all__ = ["Persoon", "group_persons", "person_key"]


def person_key(record: Any) -> tuple[str, str] | None:
    """``("bsn", number)`` or ``("onderwijsnummer", number)`` of a record, as written, or ``None``.

    The number is the full value: use it to match, never to show.
    """
    number = getattr(record, "burgerservicenummer", None)
    if number is not None:
        return ("bsn", number.unmasked())
    number = getattr(record, "onderwijsnummer", None)
    if number is not None:
        return ("onderwijsnummer", number.unmasked())
    return None


@attrs.frozen
class Persoon:
    """One person of a return file as domain objects.

    Attributes:
        burgerservicenummer: As on the records (masked when shown).
        onderwijsnummer: As on the records (masked when shown).
        student_record: The student with enrolments (ISG, ISP, ISE), BPV
            agreements, diplomas (DIP with GEO, KZD, AMO) and loose results.
            The student carries the BSN or onderwijsnummer only when it
            passes its check; the geboortedatum and geslacht of the PER
            record are in its ``persoonsgegevens``.
        problems: What could not be mapped, with the reason.
    """

    burgerservicenummer: Persoonsnummer | None
    onderwijsnummer: Persoonsnummer | None
    student_record: MboStudentRecord
    problems: tuple[DocumentProblem, ...] = ()

    @property
    def diplomas(self) -> tuple[Diploma, ...]:
        """The diplomas (DIP) with their GEO, KZD and AMO records."""
        return self.student_record.diplomas

    @property
    def losse_resultaten(self) -> LosseResultaten:
        """The GEO, KZD and AMO records that belong to no diploma."""
        return self.student_record.losse_resultaten

    @property
    def key(self) -> tuple[str, str] | None:
        """The person key (see `person_key`): for matching only, never for showing."""
        return person_key(self)


def _periode(r: IspRecord) -> Periode:
    return Periode(
        datum_begin=r.datum_begin,
        opleidingscode=r.opleidingcode,
        leertraject=r.leertraject,
        indicatie_bekostigbaar=r.indicatie_bekostigbaar,
        niveau=r.niveau,
        onderwijsaanbieder=r.onderwijsaanbieder,
        onderwijslocatie=r.onderwijslocatie,
        locatiecode_vsv=r.locatiecode_vsv,
        leerroute=r.leerroute,
        leerroutefase=r.leerroutefase,
    )


def _bpv(r: BpvRecord) -> BpvAgreement:
    return BpvAgreement(
        inschrijvingvolgnummer=r.inschrijvingvolgnummer,
        volgnummer=r.volgnummer,
        afsluitdatum=r.afsluitdatum,
        datum_begin=r.datum_begin,
        datum_einde_gepland=r.datum_einde_gepland,
        datum_einde_werkelijk=r.datum_einde_werkelijk,
        omvang=r.omvang,
        leerbedrijf_id=r.leerbedrijf_id,
        opleidingscode=r.opleidingcode,
        keuzedeel=r.code_keuzedeel,
    )


def _geo(r: GeoRecord) -> GeneriekExamenonderdeel:
    vrijstellingen = [
        Exemption(code, omvang)
        for code, omvang in (
            (r.vrijstelling_generiek_examenonderdeel, VrijstellingOmvang.GEHEEL),
            (r.vrijstelling_ie, VrijstellingOmvang.IE),
            (r.vrijstelling_ce, VrijstellingOmvang.CE),
        )
        if code is not None
    ]
    return GeneriekExamenonderdeel(
        resultaatvolgnummer=r.resultaatvolgnummer,
        code=r.code_generiek_examenonderdeel,
        eindcijfer=r.eindcijfer,
        cijfer_ie=r.cijfer_ie,
        cijfer_ce=r.cijfer_ce,
        vrijstellingen=vrijstellingen,
        datum_resultaat=r.datum_resultaat,
        inschrijvingvolgnummer=r.inschrijvingvolgnummer,
        onderwijsaanbieder=r.onderwijsaanbieder,
    )


_UITKOMST = {u.value.casefold(): u for u in KeuzedeelUitkomst}


def _kzd(r: KzdRecord) -> KeuzedeelResultaat | None:
    uitkomst = _UITKOMST.get(r.resultaat.casefold())
    if uitkomst is None:
        return None
    return KeuzedeelResultaat(
        resultaatvolgnummer=r.resultaatvolgnummer,
        code=r.code_keuzedeel,
        resultaat=uitkomst,
        certificaat=r.certificaat,
        datum_resultaat=r.datum_resultaat,
        inschrijvingvolgnummer=r.inschrijvingvolgnummer,
        onderwijsaanbieder=r.onderwijsaanbieder,
    )


def _amo(r: AmoRecord) -> AmvbOnderdeel:
    return AmvbOnderdeel(
        resultaatvolgnummer=r.resultaatvolgnummer,
        code=r.code_amvb_onderdeel,
        certificaat=r.certificaat,
        datum_resultaat=r.datum_resultaat,
        inschrijvingvolgnummer=r.inschrijvingvolgnummer,
        onderwijsaanbieder=r.onderwijsaanbieder,
    )


def _student(per: PerRecord | None, first: Any) -> Student:
    source = per if per is not None else first
    bsn = getattr(source, "burgerservicenummer", None)
    onr = getattr(source, "onderwijsnummer", None)
    gegevens = None
    if per is not None:
        gegevens = Persoonsgegevens(geboortedatum=per.geboortedatum, geslacht=per.geslacht)
    return Student(
        bsn=bsn if isinstance(bsn, Bsn) else None,
        onderwijsnummer=onr if isinstance(onr, Onderwijsnummer) else None,
        persoonsgegevens=gegevens,
    )


def _reden(code: str | None) -> str | None:
    """The two-character reden uitstroom code (``"08"``).

    A file that went through a spreadsheet has lost the leading zero (``"8"``);
    the record keeps what the line says, the domain object the code itself.
    """
    if code is not None and len(code) == 1 and code.isdigit():
        return "0" + code
    return code


def _build(records: list[Any], instelling: str) -> Persoon:
    per = next((r for r in records if isinstance(r, PerRecord)), None)
    problems: list[DocumentProblem] = []
    isgs = [r for r in records if isinstance(r, IsgRecord)]
    known = {r.inschrijvingvolgnummer for r in isgs}
    problems.extend(
        DocumentProblem(
            f"{r.RECORDSOORT}.inschrijvingvolgnummer",
            f"no ISG record {r.inschrijvingvolgnummer!r} for this person; not mapped",
        )
        for r in records
        if isinstance(r, IspRecord | IseRecord | BpvRecord) and r.inschrijvingvolgnummer not in known
    )
    enrolments = tuple(
        Enrolment(
            inschrijvingvolgnummer=isg.inschrijvingvolgnummer,
            instelling=instelling,
            datum_inschrijving=isg.datum_inschrijving,
            datum_uitschrijving_gepland=isg.datum_uitschrijving_gepland,
            datum_uitschrijving_werkelijk=isg.datum_uitschrijving_werkelijk,
            reden_uitschrijving=_reden(isg.reden_uitschrijving),
            perioden=[
                _periode(r)
                for r in records
                if isinstance(r, IspRecord) and r.inschrijvingvolgnummer == isg.inschrijvingvolgnummer
            ],
            extra_ondersteuning=[
                ExtraOndersteuning(r.datum_begin, r.datum_eind)
                for r in records
                if isinstance(r, IseRecord) and r.inschrijvingvolgnummer == isg.inschrijvingvolgnummer
            ],
        )
        for isg in isgs
    )
    bpvs = tuple(_bpv(r) for r in records if isinstance(r, BpvRecord) and r.inschrijvingvolgnummer in known)

    dips = [r for r in records if isinstance(r, DipRecord)]
    dip_numbers = {d.resultaatvolgnummer for d in dips}
    parts: dict[str | None, list[Any]] = {}
    for r in records:
        if not isinstance(r, GeoRecord | KzdRecord | AmoRecord):
            continue
        owner = r.resultaatvolgnummer_diploma
        if owner is not None and owner not in dip_numbers:
            problems.append(
                DocumentProblem(
                    f"{r.RECORDSOORT}.resultaatvolgnummer_diploma",
                    f"no DIP record {owner!r} for this person; read as a loose result",
                )
            )
            owner = None
        mapped: Any = (
            _kzd(r) if isinstance(r, KzdRecord) else _geo(r) if isinstance(r, GeoRecord) else _amo(r)
        )
        if mapped is None:
            problems.append(DocumentProblem("KZD.resultaat", "not Behaald or Niet behaald; not mapped"))
            continue
        parts.setdefault(owner, []).append(mapped)

    def of(owner: str | None, cls: type[Any]) -> tuple[Any, ...]:
        return tuple(p for p in parts.get(owner, ()) if isinstance(p, cls))

    diplomas: list[Diploma] = []
    for d in dips:
        if d.inschrijvingvolgnummer is None:
            problems.append(
                DocumentProblem(
                    "DIP.inschrijvingvolgnummer", "empty; a Diploma needs its enrolment; not mapped"
                )
            )
            continue
        diplomas.append(
            Diploma(
                resultaatvolgnummer=d.resultaatvolgnummer,
                opleidingscode=d.opleidingcode,
                datum_resultaat=d.datum_resultaat,
                indicatie_bekostigbaar=d.indicatie_bekostigbaar,
                inschrijvingvolgnummer=d.inschrijvingvolgnummer,
                onderwijsaanbieder=d.onderwijsaanbieder,
                generieke_examenonderdelen=of(d.resultaatvolgnummer, GeneriekExamenonderdeel),
                keuzedelen=of(d.resultaatvolgnummer, KeuzedeelResultaat),
                amvb_onderdelen=of(d.resultaatvolgnummer, AmvbOnderdeel),
            )
        )
    first = records[0]
    return Persoon(
        burgerservicenummer=getattr(per or first, "burgerservicenummer", None),
        onderwijsnummer=getattr(per or first, "onderwijsnummer", None),
        student_record=MboStudentRecord(
            _student(per, first),
            enrolments,
            bpvs,
            diplomas=diplomas,
            losse_resultaten=LosseResultaten(
                of(None, GeneriekExamenonderdeel), of(None, KeuzedeelResultaat), of(None, AmvbOnderdeel)
            ),
        ),
        problems=tuple(problems),
    )


def group_persons(records: Iterable[Record], *, instelling: str | None = None) -> Iterator[Persoon]:
    """The persons of a registratieoverzicht as domain objects, one at a time.

    Records are grouped by person: a PER record starts a person, and every
    following record with the same BSN or onderwijsnummer belongs to it. Only
    one person's records are held at a time. OBO records other than PER are
    not mapped (they lack what the domain objects require).

    Args:
        records: Records in file order (a list, or `iter_records`
            filtered to records).
        instelling: The BRIN for the enrolments; by default the BRIN of the
            voorlooprecord, when it comes before the persons (else ``""``).

    Examples:
        >>> from duo_domain.serialize.returnfile import read
        >>> rf = read('''VLP|27DV|2024-07-31|2026-03-24|2026-03-25
        ... PER|111222333||1987-11-23|V
        ... ISG|111222333||C3|2023-01-30|2025-01-29|2025-01-16|08
        ... ISP|111222333||C3|2023-01-30|25655|BBL||J||100A501|101X591||
        ... ''')
        >>> [p] = group_persons(rf.records)
        >>> p.student_record.student.bsn, p.student_record.inschrijvingen[0].instelling
        (Bsn('*****2333'), '27DV')
    """
    brin = instelling
    current: list[Any] = []
    key: tuple[str, str] | None = None
    for record in f.arguments(records, Record, "records of a return file", "records"):
        if isinstance(record, VlpRecord | OboVlpRecord):
            if brin is None:
                brin = record.brin
            continue
        record_key = person_key(record)
        if record_key is None and not isinstance(record, PerRecord):
            continue  # closing records
        if isinstance(record, PerRecord) or record_key != key:
            if current:
                yield _build(current, brin or "")
            current = []
            key = record_key
        current.append(record)
    if current:
        yield _build(current, brin or "")
