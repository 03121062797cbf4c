"""The funding view: the institution's own enrolments against DUO's TBG-i, GRONDSLAG IP MBO and OBO.

DUO funds an MBO enrolment on a teldatum. Three of DUO's files say how: the
**TBG-i** (PvE MBO-instelling 4.8.2 §16, XML) lists per enrolment every
teldatum with the opleidingscode, leertraject, niveau, *IndicatieBekostigbaar*
and DUO's *Bekostigingsstatus* (whether DUO funds it), with DUO's signals; the
**GRONDSLAG IP MBO** (§17) lists the enrolment periods DUO based the funding
on (ISP) and, per teldatum, the bekostigingsstatus (BII), with the person
renumbered; the **OBO** (§13) marks each period valid or not on 1 October
and 1 February.
[`funding`][duo_domain.reconcile.funding.funding] sets the institution's own
enrolments beside them and says, per teldatum:

* how many enrolments each side has on it, how many the institution marks
  bekostigbaar and how many DUO funds, with DUO's deelnemerswaarde
  ([`Telling`][duo_domain.reconcile.funding.Telling]);
* for the TBG-i and the OBO, which name the student, every enrolment where
  the two disagree, by field
  ([`Difference`][duo_domain.reconcile.mbo.Difference] with entity ``teldatum``):
  an enrolment one side has and the other not, an opleidingscode, leertraject,
  niveau or indicatie bekostigbaar that differs, and ``bekostiging`` where the
  institution asks funding (indicatie bekostigbaar J) and DUO does not fund,
  or the other way round — explained by the fields that differ on that
  teldatum and DUO's signals;
* for the GRONDSLAG, whose PGN cannot be matched to a student (PvE §17.1),
  every count per group (opleidingscode and leertraject) that differs
  ([`GroupDifference`][duo_domain.reconcile.funding.GroupDifference]),
  explained by the enrolments behind it;
* the diplomas DUO funds ([`DiplomaTelling`][duo_domain.reconcile.funding.DiplomaTelling]).

On a teldatum the own enrolment counts when it runs (from its datum
inschrijving to its actual, else planned, datum uitschrijving, both
inclusive), with the period (ISP) that began last on or before that day.
The niveau is compared only when both sides give one (DUO derives it from the
opleidingscode; the own records may leave it out). Only own enrolments at the
institution of each file (its BRIN) are set beside that file. The teldata are
those of each file (the GRONDSLAG's: its
[`peildatum`][duo_domain.reconcile.funding.peildatum] and the BII teldata of
its studiejaar; the OBO's: 1 October and 1 February), and for the TBG-i and
GRONDSLAG any given as ``teldata=``.

DUO's files are checked first, as for the registratieoverzicht: an empty or
foreign GRONDSLAG or OBO, one without its voorlooprecord or closing record, is
refused; the closing counts are compared, and a mismatch is a problem of DUO's
file (`FundingView.problems`). Students are shown masked, with the pseudonym of
[`pseudonym`][duo_domain.reconcile.mbo.pseudonym].

Examples:
    >>> import datetime as dt
    >>> from duo_domain.identity import Student
    >>> from duo_domain.mbo.enrolment import Enrolment, Periode
    >>> from duo_domain.mbo.record import MboStudentRecord
    >>> from duo_domain.serialize.returnfile import read_tbgi
    >>> tbgi = read_tbgi(b'''<Bekostigingsgrondslagen><Inschrijving><BRIN>25LX</BRIN>
    ... <Burgerservicenummer>111222333</Burgerservicenummer>
    ... <Inschrijvingvolgnummer>002</Inschrijvingvolgnummer>
    ... <Teldatum><Teldatum>2025-10-01</Teldatum><Opleidingcode>25748</Opleidingcode>
    ... <Niveau>MBO-1</Niveau><Leertraject>BOL</Leertraject>
    ... <IndicatieBekostigbaar>true</IndicatieBekostigbaar><Bekostigingsstatus>false</Bekostigingsstatus>
    ... </Teldatum></Inschrijving></Bekostigingsgrondslagen>''')
    >>> own = MboStudentRecord(Student(bsn="111222333"), [Enrolment(
    ...     "002", "25LX", dt.date(2024, 8, 1), dt.date(2026, 7, 31),
    ...     [Periode(dt.date(2024, 8, 1), "25748", "BBL", True)])])
    >>> view = funding([own], tbgi=tbgi, pseudonym_key=b"example key")
    >>> [(t.bestand, t.opgenomen, t.bekostigbaar, t.bekostigd) for t in view.tellingen]
    [('eigen', 1, 1, None), ('TBG-i', 1, 1, 0)]
    >>> for d in view:
    ...     print(d.message)
    student *****2333 [fgdkpjllfbdd], bestand TBG-i, inschrijving 002, teldatum 2025-10-01:
    leertraject differs: here 'BBL', at DUO 'BOL'
    student *****2333 [fgdkpjllfbdd], bestand TBG-i, inschrijving 002, teldatum 2025-10-01:
    bekostiging differs: here 'bekostigbaar', at DUO 'niet bekostigd' (leertraject differs)
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import secrets
from collections.abc import Callable, Collection, Iterable, Iterator
from decimal import Decimal
from typing import Any, Final

import attrs

from duo_domain import _fields as f
from duo_domain._sources import PVE_MBO
from duo_domain.errors import DocumentProblem, DuoDomainError, InvalidDocument
from duo_domain.identity import mask
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.reconcile.mbo import Category, Difference, pseudonym
from duo_domain.serialize.returnfile import (
    OboCtrRecord,
    OboIspRecord,
    OboVlpRecord,
    PveRecord,
    ReturnFile,
    Tbgi,
    check_totals,
)

__all__ = [
    "BESTANDEN",
    "DiplomaTelling",
    "FundingView",
    "GroupDifference",
    "Stand",
    "Telling",
    "funding",
    "peildatum",
]

#: The sides of the funding view: the own records, the TBG-i, the GRONDSLAG IP MBO and the OBO.
BESTANDEN: Final = ("eigen", "TBG-i", "GRONDSLAG", "OBO")

#: The fields compared per enrolment and teldatum.
_FIELDS: Final = ("opleidingscode", "leertraject", "niveau", "indicatie_bekostigbaar")


@attrs.frozen
class Stand:
    """One enrolment on one teldatum, as one side has it.

    Attributes:
        opleidingscode: The opleidingscode of the period in force.
        leertraject: The leertraject (BOL, BBL, ...).
        niveau: MBO-1 … MBO-4, when given.
        indicatie_bekostigbaar: Whether the enrolment is marked bekostigbaar.
        bekostigd: DUO's Bekostigingsstatus (``None`` for the own records, and
            where DUO's file does not say).
        signalen: DUO's signals on that teldatum (TBG-i), as ``code: text``.
    """

    opleidingscode: str | None
    leertraject: str | None
    niveau: str | None
    indicatie_bekostigbaar: bool | None
    bekostigd: bool | None = None
    signalen: tuple[str, ...] = ()


@attrs.frozen
class Telling:
    """The counts of one side on one teldatum.

    Attributes:
        teldatum: The teldatum.
        bestand: ``eigen``, ``TBG-i``, ``GRONDSLAG`` or ``OBO`` (see `BESTANDEN`).
        opgenomen: Enrolments that side has on the teldatum.
        bekostigbaar: Of those, marked bekostigbaar.
        bekostigd: Of those, funded by DUO (``None`` for the own records, and for
            a GRONDSLAG without BII records on that teldatum).
        instellingen: The institutions (BRIN) counted: those of the DUO file
            the own records are set beside.
        deelnemerswaarde: The sum of DUO's *BijdrageInschrijvingAanDeelnemerswaarde*
            on that teldatum (TBG-i only; ``None`` for the others).
    """

    teldatum: dt.date
    bestand: str
    opgenomen: int
    bekostigbaar: int
    bekostigd: int | None
    instellingen: tuple[str, ...] = ()
    deelnemerswaarde: Decimal | None = None


@attrs.frozen
class DiplomaTelling:
    """The diplomas of one of DUO's files and what DUO funds of them.

    The TBG-i lists the diplomas of the calendar year with their funding
    (PvE §16.5.6); the GRONDSLAG its DIP records with their BID (§17.5). They
    are counted, not compared with the own records.

    Attributes:
        bestand: ``TBG-i`` or ``GRONDSLAG``.
        diplomas: The diplomas in the file.
        bekostigd: Of those, funded by DUO (Bekostigingsstatus true or J).
        diplomawaarde: The sum of DUO's *BijdrageDiplomawaarde* (TBG-i; ``None``
            for the GRONDSLAG, whose field the PvE gives no decimal notation for).

    Examples:
        >>> DiplomaTelling("TBG-i", 2, 1, Decimal("5"))
        DiplomaTelling(bestand='TBG-i', diplomas=2, bekostigd=1, diplomawaarde=Decimal('5'))
    """

    bestand: str
    diplomas: int
    bekostigd: int
    diplomawaarde: Decimal | None = None


@attrs.frozen
class GroupDifference:
    """A count that differs between the own records and the GRONDSLAG, for one group on one teldatum.

    DUO renumbers the person in the GRONDSLAG IP MBO (PvE §17.1), so its
    enrolments cannot be matched to students: they are compared per group
    (opleidingscode and leertraject). The explanation names the enrolments
    that account for the difference, matched on what both sides know without
    the student: the BRIN, the inschrijvingvolgnummer and the datum inschrijving.

    Attributes:
        teldatum: The teldatum.
        opleidingscode: The group's opleidingscode.
        leertraject: The group's leertraject.
        field: ``opgenomen`` (enrolments on the teldatum), ``bekostigbaar``
            (of those, marked bekostigbaar) or ``bekostigd`` (the own
            bekostigbaar against what DUO funds, where the file has BII records).
        own: The own count.
        duo: DUO's count.
        explanation: The enrolments behind the difference, as far as they can
            be told apart.

    Examples:
        >>> d = GroupDifference(dt.date(2025, 10, 1), "25655", "BBL", "opgenomen", 2, 1,
        ...     ("inschrijving C3 of 2023-01-30, student *****2333: not at DUO on this teldatum",))
        >>> print(d.message)
        teldatum 2025-10-01, bestand GRONDSLAG, groep 25655/BBL: opgenomen differs: here 2, at DUO 1
        (inschrijving C3 of 2023-01-30, student *****2333: not at DUO on this teldatum)
    """

    teldatum: dt.date
    opleidingscode: str | None
    leertraject: str | None
    field: str
    own: int
    duo: int
    explanation: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The difference in one line (students masked)."""
        why = f"\n({'; '.join(self.explanation)})" if self.explanation else ""
        return (
            f"teldatum {self.teldatum.isoformat()}, bestand GRONDSLAG, "
            f"groep {self.opleidingscode}/{self.leertraject}: {self.field} differs: "
            f"here {self.own}, at DUO {self.duo}{why}"
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "teldatum": self.teldatum.isoformat(),
            "bestand": "GRONDSLAG",
            "opleidingscode": self.opleidingscode,
            "leertraject": self.leertraject,
            "veld": self.field,
            "hier": self.own,
            "duo": self.duo,
            "toelichting": list(self.explanation),
            "melding": self.message.replace("\n", " "),
        }


@attrs.frozen
class FundingView:
    """The outcome of [`funding`][duo_domain.reconcile.funding.funding]; iterating gives the differences.

    Attributes:
        teldata: The teldata compared, in order.
        tellingen: The counts per teldatum and side.
        differences: Every disagreement, per student, enrolment, file and teldatum.
        problems: Problems of DUO's files (unreadable lines and elements,
            sluitrecord counts that differ).
        group_differences: The counts per group that differ from the GRONDSLAG
            (see [`GroupDifference`][duo_domain.reconcile.funding.GroupDifference]);
            not part of the iteration.
        diplomas: The diplomas of DUO's files and what DUO funds of them.
    """

    teldata: tuple[dt.date, ...]
    tellingen: tuple[Telling, ...]
    differences: tuple[Difference, ...]
    problems: tuple[DocumentProblem, ...] = ()
    group_differences: tuple[GroupDifference, ...] = ()
    diplomas: tuple[DiplomaTelling, ...] = ()

    def __iter__(self) -> Iterator[Difference]:
        return iter(self.differences)

    def __len__(self) -> int:
        return len(self.differences)

    @property
    def ok(self) -> bool:
        """``True`` when the two sides agree on every teldatum and DUO's files have no problem."""
        return not self.differences and not self.group_differences and not self.problems

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "teldata": [t.isoformat() for t in self.teldata],
            "tellingen": [
                {
                    "teldatum": t.teldatum.isoformat(),
                    "bestand": t.bestand,
                    "opgenomen": t.opgenomen,
                    "bekostigbaar": t.bekostigbaar,
                    "bekostigd": t.bekostigd,
                    "instellingen": list(t.instellingen),
                    "deelnemerswaarde": None if t.deelnemerswaarde is None else str(t.deelnemerswaarde),
                }
                for t in self.tellingen
            ],
            "verschillen": [d.to_dict() for d in self.differences],
            "groepsverschillen": [d.to_dict() for d in self.group_differences],
            "diplomas": [
                {
                    "bestand": d.bestand,
                    "diplomas": d.diplomas,
                    "bekostigd": d.bekostigd,
                    "diplomawaarde": None if d.diplomawaarde is None else str(d.diplomawaarde),
                }
                for d in self.diplomas
            ],
            "problemen_in_duo_bestand": [str(p) for p in self.problems],
        }


# (student number, inschrijvingvolgnummer) -> teldatum -> stand
_Side = dict[tuple[str, str], dict[dt.date, Stand]]


def _periode_on(enrolment: Enrolment, day: dt.date) -> Periode | None:
    if not enrolment.datum_inschrijving <= day <= enrolment.datum_einde:
        return None
    started = [p for p in enrolment.perioden if p.datum_begin <= day]
    return max(started, key=lambda p: p.datum_begin) if started else None


def _own_number(record: MboStudentRecord) -> str | None:
    student = record.student
    if student.bsn is not None:
        return student.bsn.unmasked()
    if student.onderwijsnummer is not None:
        return student.onderwijsnummer.unmasked()
    return None


def _own_side(own: Iterable[MboStudentRecord], brins: Collection[str], teldata: Iterable[dt.date]) -> _Side:
    side: _Side = {}
    days = tuple(teldata)
    for record in own:
        number = _own_number(record)
        if number is None:
            continue
        for enrolment in record.inschrijvingen:
            if brins and enrolment.instelling not in brins:
                continue
            for day in days:
                p = _periode_on(enrolment, day)
                if p is not None:
                    side.setdefault((number, enrolment.inschrijvingvolgnummer), {})[day] = Stand(
                        p.opleidingscode, p.leertraject, p.niveau, p.indicatie_bekostigbaar
                    )
    return side


def _number(value: Any) -> str | None:
    return None if value is None else str(value.unmasked() if hasattr(value, "unmasked") else value)


def _tbgi_side(tbgi: Tbgi) -> _Side:
    side: _Side = {}
    for i in tbgi.inschrijvingen:
        number = _number(i.burgerservicenummer) or _number(i.onderwijsnummer)
        if number is None or i.inschrijvingvolgnummer is None:
            continue
        for t in i.teldata:
            if t.teldatum is None:
                continue
            signalen = tuple(f"{s.signaalcode}: {s.signaalomschrijving}" for s in t.signalen)
            side.setdefault((number, i.inschrijvingvolgnummer), {})[t.teldatum] = Stand(
                t.opleidingcode,
                t.leertraject,
                t.niveau,
                t.indicatie_bekostigbaar,
                t.bekostigingsstatus,
                signalen,
            )
    return side


def _refused(message: str) -> InvalidDocument:
    return InvalidDocument([DocumentProblem("$", message)], document="GRONDSLAG IP MBO")


def _records_of(
    source: Iterable[Any],
    name: str,
    refused: Callable[[str], InvalidDocument],
    kind: tuple[str, str, str, str],
) -> list[Any]:
    """The records of one of DUO's files, refused when it is of another kind or empty.

    ``kind``: the file's ``bestand``, how a message names it, its PvE section and its last record.
    """
    bestand, label, section, last = kind
    given = getattr(source, "bestand", None)
    if given is not None and given != bestand:
        raise refused(f"a {given} file, not {label} ({PVE_MBO} {section})")
    records = list(f.arguments(source, object, "records of a return file", name))
    if not records:
        where = f"({PVE_MBO} {section})"
        raise refused(f"empty: not one record; it has at least a voorlooprecord and {last} {where}")
    return records


def _checked_grondslag(grondslag: Iterable[Any]) -> tuple[list[Any], tuple[DocumentProblem, ...]]:
    """The GRONDSLAG's records once it has proved whole, and its problems."""
    kind = ("GRONDSLAG", "a GRONDSLAG IP MBO", "§17", "a sluitrecord")
    records = _records_of(grondslag, "grondslag", _refused, kind)
    strangers = [r for r in records if not (isinstance(r, PveRecord) and r.bestand == "GRONDSLAG")][:1]
    if strangers:  # (a list: the stranger may be None itself)
        foreign = strangers[0]
        soort = getattr(foreign, "RECORDSOORT", None)
        what = f"a {soort} record" if isinstance(soort, str) else f"a value of type {f.json_type(foreign)}"
        raise _refused(f"{what} of another kind of file: not a GRONDSLAG IP MBO")
    vlps = [r for r in records if r.recordsoort == "VLP"]
    closing = [r for r in records if r.recordsoort == "SLR"]
    if not vlps:
        raise _refused("no voorlooprecord (VLP): the file is incomplete")
    if not closing:
        raise _refused("cut off: no sluitrecord (SLR) after the last record; the file is incomplete")
    if len(vlps) > 1 or len(closing) > 1:
        raise _refused("more than one voorlooprecord or sluitrecord: several files joined into one?")
    return records, (*getattr(grondslag, "problems", ()), *check_totals(records))


def _show_bekostiging(stand: Stand, own: bool) -> str:
    if own:
        return "bekostigbaar" if stand.indicatie_bekostigbaar else "niet bekostigbaar"
    return "bekostigd" if stand.bekostigd else "niet bekostigd"


class _Compare:
    def __init__(self, key: bytes) -> None:
        self.key = key
        self.out: list[Difference] = []

    def pair(
        self, number: str, where: tuple[tuple[str, str], ...], mine: Stand | None, theirs: Stand | None
    ) -> None:
        student, alias = mask(number), pseudonym(number, self.key)
        if theirs is None or mine is None:
            category = Category.MISSING_AT_DUO if theirs is None else Category.MISSING_HERE
            self.out.append(Difference(category, "teldatum", student, where, pseudonym=alias))
            return
        differing: list[str] = []
        for name in _FIELDS:
            a, b = getattr(mine, name), getattr(theirs, name)
            if a == b or (name == "niveau" and (a is None or b is None)):
                continue
            differing.append(name)
            self.out.append(Difference(Category.FIELD_DIFFERS, "teldatum", student, where, name, a, b, alias))
        if theirs.bekostigd is not None and bool(mine.indicatie_bekostigbaar) != theirs.bekostigd:
            why = tuple(f"{name} differs" for name in differing) + theirs.signalen
            self.out.append(
                Difference(
                    Category.FIELD_DIFFERS,
                    "teldatum",
                    student,
                    where,
                    "bekostiging",
                    _show_bekostiging(mine, own=True),
                    _show_bekostiging(theirs, own=False),
                    alias,
                    why,
                )
            )


def _tellingen(day: dt.date, bestand: str, side: _Side, brins: Collection[str]) -> Telling:
    stands = [s[day] for s in side.values() if day in s]
    known = [s.bekostigd for s in stands if s.bekostigd is not None]
    return Telling(
        day,
        bestand,
        len(stands),
        sum(1 for s in stands if s.indicatie_bekostigbaar),
        None if bestand == "eigen" or (stands and not known) else sum(known),
        tuple(sorted(brins)),
    )


def _tbgi_teldata(tbgi: Tbgi) -> set[dt.date]:
    return {t.teldatum for i in tbgi.inschrijvingen for t in i.teldata if t.teldatum is not None}


def _tbgi_brins(tbgi: Tbgi) -> set[str]:
    found = {i.brin for i in tbgi.inschrijvingen if i.brin is not None}
    return found | {d.brin for d in tbgi.diplomas if d.brin is not None}


def _tbgi_diplomas(tbgi: Tbgi) -> DiplomaTelling:
    funded = sum(1 for d in tbgi.diplomas if d.bekostigingsstatus)
    return DiplomaTelling("TBG-i", len(tbgi.diplomas), funded, tbgi.diplomawaarde())


# --- the GRONDSLAG, per group ----------------------------------------------------------------------


def peildatum(grondslag: ReturnFile | Iterable[Any]) -> dt.date:
    r"""The peildatum of a GRONDSLAG IP MBO: 1 October of its voorlooprecord's studiejaar.

    PvE §17.1: the file "heeft altijd betrekking op de peildatum", which "is
    altijd 01-10 van het lopende studiejaar"; the voorlooprecord's
    *Studiejaar* (N4) is the year the studiejaar starts in (a file of
    studiejaar 2025 holds the enrolments of 1 August 2025 to 31 July 2026).
    [`funding`][duo_domain.reconcile.funding.funding] compares the GRONDSLAG on
    this day when no other teldatum is given.

    Raises:
        InvalidDocument: when the file has no voorlooprecord with a studiejaar.

    Examples:
        >>> from duo_domain.serialize import returnfile
        >>> peildatum(returnfile.read("VLP;27DV;2025;20251119;V\nSLR;0;0;0;0;0;0;0;0;0;0;0\n"))
        datetime.date(2025, 10, 1)
    """
    for record in grondslag:
        if isinstance(record, PveRecord) and record.recordsoort == "VLP" and record.bestand == "GRONDSLAG":
            jaar = record["studiejaar"]
            if isinstance(jaar, int) and 1900 <= jaar <= 9998:
                return dt.date(jaar, 10, 1)
    raise _refused(f"no voorlooprecord with a studiejaar: the peildatum is unknown ({PVE_MBO} §17.1)")


def _studiejaar(day: dt.date) -> dt.date:
    """The first day (1 August) of the studiejaar of ``day``."""
    return dt.date(day.year if day.month >= 8 else day.year - 1, 8, 1)


#: An enrolment as both sides know it without the student: BRIN, inschrijvingvolgnummer, datum inschrijving.
_Signature = tuple[str, str, dt.date]
#: A group: opleidingscode and leertraject.
_Group = tuple[str | None, str | None]


@attrs.frozen
class _Entry:
    """One enrolment on one teldatum, for the comparison per group."""

    signature: _Signature
    group: _Group
    bekostigbaar: bool
    bekostigd: bool | None = None
    who: str = ""

    @property
    def name(self) -> str:
        _brin, volgnummer, datum = self.signature
        who = f", {self.who}" if self.who else ""
        return f"inschrijving {volgnummer} of {datum.isoformat()}{who}"


def _latest(periods: list[Any], day: dt.date) -> Any:
    started = [r for r in periods if r["datum_begin"] is not None and r["datum_begin"] <= day]
    return max(started, key=lambda r: r["datum_begin"]) if started else None


def _grondslag_entries(records: list[Any], days: Iterable[dt.date]) -> dict[dt.date, list[_Entry]]:
    """DUO's enrolments on each day: the ISG running on it, with the ISP that began last."""
    isgs: dict[tuple[Any, ...], Any] = {}
    periods: dict[tuple[Any, ...], list[Any]] = {}
    status: dict[tuple[Any, ...], bool | None] = {}
    for r in records:
        if r.recordsoort not in ("ISG", "ISP", "BII"):
            continue
        key = (_number(r["pgn"]), r["brin"], r["inschrijvingvolgnummer"])
        if r.recordsoort == "ISG":
            isgs[key] = r
        elif r.recordsoort == "ISP":
            periods.setdefault(key, []).append(r)
        else:
            status[(*key, r["teldatum"])] = r["bekostigingsstatus"]
    found: dict[dt.date, list[_Entry]] = {day: [] for day in days}
    for key, isps in periods.items():
        isg = isgs.get(key)
        start = isg["datum_inschrijving"] if isg is not None else min(r["datum_begin"] for r in isps)
        for day, entries in found.items():
            if isg is not None:
                end = isg["datum_uitschrijving_werkelijk"] or isg["datum_uitschrijving_gepland"]
                if not (start <= day and (end is None or day <= end)):
                    continue
            p = _latest(isps, day)
            if p is None or (isg is None and p["datum_eind"] is not None and day > p["datum_eind"]):
                continue
            entries.append(
                _Entry(
                    (str(key[1]), str(key[2]), start),
                    (p["opleidingcode"], p["leertraject"]),
                    bool(p["indicatie_bekostigbaar"]),
                    status.get((*key, day)),
                )
            )
    return found


def _own_entries(
    own: Iterable[MboStudentRecord], brins: Collection[str], days: Iterable[dt.date], key: bytes
) -> dict[dt.date, list[_Entry]]:
    found: dict[dt.date, list[_Entry]] = {day: [] for day in days}
    for record in own:
        number = _own_number(record)
        who = (
            "a student without a number"
            if number is None
            else f"student {mask(number)} [{pseudonym(number, key)}]"
        )
        for enrolment in record.inschrijvingen:
            if enrolment.instelling not in brins:
                continue
            signature = (enrolment.instelling, enrolment.inschrijvingvolgnummer, enrolment.datum_inschrijving)
            for day, entries in found.items():
                p = _periode_on(enrolment, day)
                if p is not None:
                    group = (p.opleidingscode, p.leertraject)
                    entries.append(_Entry(signature, group, bool(p.indicatie_bekostigbaar), who=who))
    return found


_GROUP_FIELDS: Final = ("opgenomen", "bekostigbaar", "bekostigd")


def _counts(entries: list[_Entry], own: bool) -> dict[_Group, tuple[int, int, int]]:
    counts: dict[_Group, list[int]] = {}
    for e in entries:
        c = counts.setdefault(e.group, [0, 0, 0])
        c[0] += 1
        c[1] += e.bekostigbaar
        c[2] += e.bekostigbaar if own else bool(e.bekostigd)
    return {g: (a, b, c) for g, (a, b, c) in counts.items()}


def _explain_pair(mine: _Entry, theirs: _Entry, why: dict[_Group, list[str]]) -> None:
    if mine.group != theirs.group:
        fields = [
            f"{name} here {a!r}, at DUO {b!r}"
            for name, a, b in zip(("opleidingscode", "leertraject"), mine.group, theirs.group, strict=True)
            if a != b
        ]
        text = f"{mine.name}: {'; '.join(fields)}"
        why[mine.group].append(text)
        why[theirs.group].append(text)
        return
    if mine.bekostigbaar != theirs.bekostigbaar:
        why[mine.group].append(
            f"{mine.name}: indicatie bekostigbaar here {_jn(mine.bekostigbaar)}, "
            f"at DUO {_jn(theirs.bekostigbaar)}"
        )
    if theirs.bekostigd is False and mine.bekostigbaar:
        why[mine.group].append(f"{mine.name}: bekostigbaar here, not funded by DUO")
    elif theirs.bekostigd and not mine.bekostigbaar:
        why[mine.group].append(f"{mine.name}: not bekostigbaar here, funded by DUO")


def _jn(value: bool) -> str:
    return "J" if value else "N"


def _explanations(mine: list[_Entry], theirs: list[_Entry]) -> dict[_Group, list[str]]:
    """Per group, the enrolments behind its differences, matched on their signature."""
    here: dict[_Signature, list[_Entry]] = {}
    there: dict[_Signature, list[_Entry]] = {}
    for e in mine:
        here.setdefault(e.signature, []).append(e)
    for e in theirs:
        there.setdefault(e.signature, []).append(e)
    why: dict[_Group, list[str]] = collections.defaultdict(list)
    for signature in sorted(set(here) | set(there)):
        a, b = here.get(signature, []), there.get(signature, [])
        if len(a) == 1 and len(b) == 1:
            _explain_pair(a[0], b[0], why)
        elif not b:
            for e in a:
                why[e.group].append(f"{e.name}: not at DUO on this teldatum")
        elif not a:
            for e in b:
                why[e.group].append(f"{e.name}: only at DUO (its student is renumbered, PvE §17.1)")
        else:
            text = f"{len(a)} here and {len(b)} at DUO with {b[0].name}: not told apart without the student"
            for group in {e.group for e in (*a, *b)}:
                why[group].append(text)
    return why


def _compare_groups(
    day: dt.date, mine: list[_Entry], theirs: list[_Entry], funded_known: bool
) -> list[GroupDifference]:
    own_counts, duo_counts = _counts(mine, own=True), _counts(theirs, own=False)
    why = _explanations(mine, theirs)
    found: list[GroupDifference] = []
    fields = _GROUP_FIELDS if funded_known else _GROUP_FIELDS[:2]
    for group in sorted(set(own_counts) | set(duo_counts), key=lambda g: (g[0] or "", g[1] or "")):
        a, b = own_counts.get(group, (0, 0, 0)), duo_counts.get(group, (0, 0, 0))
        explanation = tuple(why.get(group, ()))
        found.extend(
            GroupDifference(day, group[0], group[1], name, a[i], b[i], explanation)
            for i, name in enumerate(fields)
            if a[i] != b[i]
        )
    return found


def _grondslag_tellingen(
    day: dt.date, mine: list[_Entry], theirs: list[_Entry], brins: Collection[str], funded_known: bool
) -> list[Telling]:
    instellingen = tuple(sorted(brins))
    return [
        Telling(day, "eigen", len(mine), sum(e.bekostigbaar for e in mine), None, instellingen),
        Telling(
            day,
            "GRONDSLAG",
            len(theirs),
            sum(e.bekostigbaar for e in theirs),
            sum(bool(e.bekostigd) for e in theirs) if funded_known else None,
            instellingen,
        ),
    ]


def _grondslag_days(records: list[Any], extra: Collection[dt.date]) -> tuple[dt.date, ...]:
    """The peildatum, the BII teldata of its studiejaar, and the teldata given."""
    peil = peildatum(records)
    start = _studiejaar(peil)
    bii = {
        r["teldatum"]
        for r in records
        if r.recordsoort == "BII" and r["teldatum"] is not None and _studiejaar(r["teldatum"]) == start
    }
    return tuple(sorted({peil, *bii, *extra}))


def _grondslag_diplomas(records: list[Any]) -> DiplomaTelling:
    dips = sum(1 for r in records if r.recordsoort == "DIP")
    funded = sum(1 for r in records if r.recordsoort == "BID" and r["bekostigingsstatus"])
    return DiplomaTelling("GRONDSLAG", dips, funded, None)


def _with_grondslag(
    own: list[MboStudentRecord], records: list[Any], extra: Collection[dt.date], key: bytes
) -> tuple[tuple[dt.date, ...], list[Telling], list[GroupDifference]]:
    days = _grondslag_days(records, extra)
    brins = {r["brin"] for r in records if r.recordsoort == "VLP"}
    mine, theirs = _own_entries(own, brins, days, key), _grondslag_entries(records, days)
    bii_days = {r["teldatum"] for r in records if r.recordsoort == "BII"}
    tellingen: list[Telling] = []
    differences: list[GroupDifference] = []
    for day in days:
        tellingen.extend(_grondslag_tellingen(day, mine[day], theirs[day], brins, day in bii_days))
        differences.extend(_compare_groups(day, mine[day], theirs[day], day in bii_days))
    return days, tellingen, differences


# --- the TBG-i, per enrolment ---------------------------------------------------------------------


def _by_enrolment(
    bestand: str,
    own: list[MboStudentRecord],
    side: _Side,
    days: tuple[dt.date, ...],
    brins: Collection[str],
    *,
    compare: _Compare,
) -> list[Telling]:
    """The counts of both sides per teldatum, and every enrolment compared (files that name the student)."""
    mine = _own_side(own, brins, days)
    tellingen: list[Telling] = []
    for day in days:
        tellingen.append(_tellingen(day, "eigen", mine, brins))
        tellingen.append(_tellingen(day, bestand, side, brins))
    for number, volgnummer in sorted(set(mine) | set(side)):
        for day in days:
            a, b = mine.get((number, volgnummer), {}).get(day), side.get((number, volgnummer), {}).get(day)
            if a is not None or b is not None:
                where = (("bestand", bestand), ("inschrijving", volgnummer), ("teldatum", day.isoformat()))
                compare.pair(number, where, a, b)
    return tellingen


def _with_tbgi(
    own: list[MboStudentRecord], tbgi: Tbgi, extra: Collection[dt.date], compare: _Compare
) -> tuple[tuple[dt.date, ...], list[Telling]]:
    days = tuple(sorted(_tbgi_teldata(tbgi) | set(extra)))
    tellingen = _by_enrolment("TBG-i", own, _tbgi_side(tbgi), days, _tbgi_brins(tbgi), compare=compare)
    waarde = tbgi.deelnemerswaarde()
    return days, [
        attrs.evolve(t, deelnemerswaarde=waarde.get(t.teldatum, Decimal(0))) if t.bestand == "TBG-i" else t
        for t in tellingen
    ]


# --- the OBO, per enrolment on its two teldata ------------------------------------------------------


def _obo_refused(message: str) -> InvalidDocument:
    return InvalidDocument([DocumentProblem("$", message)], document="OBO")


def _checked_obo(obo: Iterable[Any]) -> tuple[list[Any], OboVlpRecord, tuple[DocumentProblem, ...]]:
    records = _records_of(obo, "obo", _obo_refused, ("OBO", "an OBO", "§13", "a CTR"))
    vlps = [r for r in records if isinstance(r, OboVlpRecord)]
    if len(vlps) != 1 or _STUDIEJAAR.fullmatch(vlps[0].studiejaar) is None:
        raise _obo_refused("not one voorlooprecord (VLP) with a studiejaar ccyy-ccyy: not a whole OBO")
    if not any(isinstance(r, OboCtrRecord) for r in records):
        raise _obo_refused("cut off: no controletotalen (CTR); the file is incomplete")
    return records, vlps[0], (*getattr(obo, "problems", ()), *check_totals(records))


_STUDIEJAAR: Final = re.compile(r"([0-9]{4})-[0-9]{4}")


def _obo_side(records: list[Any], october: dt.date, february: dt.date) -> _Side:
    """Per enrolment, the period DUO marks valid on 1 October and on 1 February (PvE §13.5)."""
    side: _Side = {}
    latest: dict[tuple[str, str, dt.date], dt.date] = {}
    for r in records:
        if not isinstance(r, OboIspRecord):
            continue
        number = _number(r.burgerservicenummer) or _number(r.onderwijsnummer)
        if number is None:
            continue
        for day, valid in ((october, r.indicatie_geldig_op_1_10), (february, r.indicatie_geldig_op_1_2)):
            key = (number, r.inschrijvingvolgnummer, day)
            if not valid or latest.get(key, dt.date.min) > r.datum_begin:
                continue
            latest[key] = r.datum_begin
            side.setdefault((number, r.inschrijvingvolgnummer), {})[day] = Stand(
                r.opleidingcode, r.leertraject, r.niveau, r.indicatie_bekostigbaar
            )
    return side


def _with_obo(
    own: list[MboStudentRecord], obo: Iterable[Any], compare: _Compare
) -> tuple[tuple[dt.date, ...], list[Telling], tuple[DocumentProblem, ...]]:
    records, vlp, problems = _checked_obo(obo)
    match = _STUDIEJAAR.fullmatch(vlp.studiejaar)
    year = int(match.group(1)) if match else 0
    october, february = dt.date(year, 10, 1), dt.date(year + 1, 2, 1)
    days = (october, february)
    tellingen = _by_enrolment(
        "OBO", own, _obo_side(records, october, february), days, {vlp.brin}, compare=compare
    )
    return days, tellingen, problems


def funding(
    own: Iterable[MboStudentRecord],
    *,
    tbgi: Tbgi | None = None,
    grondslag: ReturnFile | Iterable[Any] | None = None,
    obo: ReturnFile | Iterable[Any] | None = None,
    teldata: Iterable[dt.date] = (),
    pseudonym_key: bytes | None = None,
) -> FundingView:
    """Set the own enrolments beside DUO's TBG-i and GRONDSLAG IP MBO, per teldatum.

    Args:
        own: The institution's student records; only enrolments at the
            institution (BRIN) of each of DUO's files are set beside it.
        tbgi: DUO's TBG-i, as read by
            [`read_tbgi`][duo_domain.serialize.returnfile.read_tbgi].
        grondslag: DUO's GRONDSLAG IP MBO, as read by
            [`read`][duo_domain.serialize.returnfile.read] (with
            ``check_numbers=False`` for its PGN). Compared per group on its
            [`peildatum`][duo_domain.reconcile.funding.peildatum] and the BII
            teldata of its studiejaar.
        obo: DUO's Overzicht Basis- en diplomagegevens Onderzoek (PvE §13), as
            read by [`read`][duo_domain.serialize.returnfile.read]: compared
            per enrolment on 1 October and 1 February of its studiejaar, with
            the period DUO marks *geldig op* that teldatum.
        teldata: Teldata to compare the TBG-i and GRONDSLAG on besides their own.
        pseudonym_key: The key of the students' pseudonyms; random per call by default.

    Returns:
        The counts per teldatum and side, every disagreement per enrolment
        (TBG-i) and per group (GRONDSLAG), and the diplomas DUO funds.

    Raises:
        DuoDomainError: when neither file is given, or for an empty ``pseudonym_key``.
        InvalidDocument: for a GRONDSLAG or OBO that is empty, of another kind or incomplete.
    """
    if tbgi is None and grondslag is None and obo is None:
        raise DuoDomainError("funding: give a TBG-i, a GRONDSLAG IP MBO or an OBO (or several)")
    if tbgi is not None:
        f.argument(tbgi, Tbgi, "a Tbgi (read_tbgi)", "tbgi")
    own = list(f.arguments(own, MboStudentRecord, "MboStudentRecord", "own"))
    key = secrets.token_bytes(32) if pseudonym_key is None else pseudonym_key
    pseudonym("", key)  # refuses an unusable key before any work
    records, problems = _checked_grondslag(grondslag) if grondslag is not None else ([], ())
    if tbgi is not None:
        problems = (*tbgi.problems, *problems)
    extra = set(teldata)
    records_own = list(own)
    # Each file is compared on its own teldata (and those given): a teldatum one
    # file has and the other not is no difference.
    days: set[dt.date] = set()
    tellingen: list[Telling] = []
    diplomas: list[DiplomaTelling] = []
    compare = _Compare(key)
    group_differences: list[GroupDifference] = []
    if tbgi is not None:
        tbgi_days, found = _with_tbgi(records_own, tbgi, extra, compare)
        days.update(tbgi_days)
        tellingen.extend(found)
        diplomas.append(_tbgi_diplomas(tbgi))
    if grondslag is not None:
        grondslag_days, found, group_differences = _with_grondslag(records_own, records, extra, key)
        days.update(grondslag_days)
        tellingen.extend(found)
        diplomas.append(_grondslag_diplomas(records))
    if obo is not None:
        obo_days, found, obo_problems = _with_obo(records_own, obo, compare)
        days.update(obo_days)
        tellingen.extend(found)
        problems = (*problems, *obo_problems)
    differences = sorted(compare.out, key=lambda d: (d.student, d.pseudonym, d.key))
    tellingen = sorted(set(tellingen), key=lambda t: (t.teldatum, BESTANDEN.index(t.bestand), t.instellingen))
    return FundingView(
        tuple(sorted(days)),
        tuple(tellingen),
        tuple(differences),
        problems,
        tuple(group_differences),
        tuple(diplomas),
    )
