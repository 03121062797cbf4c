"""The funding view: the institution's own enrolments against DUO's TBG-i and GRONDSLAG IP MBO.

DUO funds an MBO enrolment on a teldatum. Two of DUO's files say how: the
**TBG-i** (PvE MBO-instelling 4.8.2 §16, XML) lists per enrolment every
teldatum with the opleidingscode, leertraject, niveau, *IndicatieBekostigbaar*
and DUO's *Bekostigingsstatus* (whether DUO funds it), with DUO's signals; the
**GRONDSLAG IP MBO** (§17) lists the enrolment periods DUO based the funding
on (ISP) and, per teldatum, the bekostigingsstatus (BII).
[`funding`][duo_domain.reconcile.funding.funding] sets the institution's own
enrolments beside them and says, per teldatum:

* how many enrolments each side has on it, how many the institution marks
  bekostigbaar and how many DUO funds ([`Telling`][duo_domain.reconcile.funding.Telling]);
* every enrolment where the two disagree, by field
  ([`Difference`][duo_domain.reconcile.mbo.Difference] with entity ``teldatum``):
  an enrolment one side has and the other not, an opleidingscode, leertraject,
  niveau or indicatie bekostigbaar that differs, and ``bekostiging`` where the
  institution asks funding (indicatie bekostigbaar J) and DUO does not fund,
  or the other way round — explained by the fields that differ on that
  teldatum and DUO's signals.

On a teldatum the own enrolment counts when it runs (from its datum
inschrijving to its actual, else planned, datum uitschrijving, both
inclusive), with the period (ISP) that began last on or before that day.
The niveau is compared only when both sides give one (DUO derives it from the
opleidingscode; the own records may leave it out). Only own enrolments at the
institutions of DUO's files (their BRIN) are compared. The teldata are those
in DUO's files, and any given as ``teldata=``.

DUO's files are checked first, as for the registratieoverzicht: an empty or
foreign GRONDSLAG, one without its voorlooprecord or sluitrecord, is refused;
its sluitrecord counts are compared, and a mismatch is a problem of DUO's file
(`FundingView.problems`). Students are shown masked, with the pseudonym of
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

import datetime as dt
import secrets
from collections.abc import Collection, Iterable, Iterator
from typing import Any, Final

import attrs

from duo_domain import _fields as f
from duo_domain._sources import PVE_MBO
from duo_domain.errors import DocumentProblem, DuoDomainError, InvalidDocument
from duo_domain.identity import mask
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.reconcile.mbo import Category, Difference, pseudonym
from duo_domain.serialize.returnfile import PveRecord, ReturnFile, Tbgi, check_totals

__all__ = ["BESTANDEN", "FundingView", "Stand", "Telling", "funding"]

#: The sides of the funding view: the own records, the TBG-i and the GRONDSLAG IP MBO.
BESTANDEN: Final = ("eigen", "TBG-i", "GRONDSLAG")

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
        bestand: ``eigen``, ``TBG-i`` or ``GRONDSLAG`` (see `BESTANDEN`).
        opgenomen: Enrolments that side has on the teldatum.
        bekostigbaar: Of those, marked bekostigbaar.
        bekostigd: Of those, funded by DUO (``None`` for the own records, and for
            a GRONDSLAG without BII records on that teldatum).
    """

    teldatum: dt.date
    bestand: str
    opgenomen: int
    bekostigbaar: int
    bekostigd: int | None


@attrs.frozen
class FundingView:
    """The outcome of [`funding`][duo_domain.reconcile.funding.funding]; iterating gives the differences.

    Attributes:
        teldata: The teldata compared, in order.
        tellingen: The counts per teldatum and side.
        differences: Every disagreement, per student, enrolment, file and teldatum.
        problems: Problems of DUO's files (unreadable lines and elements,
            sluitrecord counts that differ).
    """

    teldata: tuple[dt.date, ...]
    tellingen: tuple[Telling, ...]
    differences: tuple[Difference, ...]
    problems: tuple[DocumentProblem, ...] = ()

    def __iter__(self) -> Iterator[Difference]:
        return iter(self.differences)

    def __len__(self) -> int:
        return len(self.differences)

    @property
    def ok(self) -> bool:
        """``True`` when the two sides agree on every teldatum and DUO's files have no problem."""
        return not self.differences and not self.problems

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
                }
                for t in self.tellingen
            ],
            "verschillen": [d.to_dict() for d in self.differences],
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


def _grondslag_side(records: Iterable[Any], teldata: Iterable[dt.date]) -> _Side:
    periods: dict[tuple[str, str], list[PveRecord]] = {}
    status: dict[tuple[str, str, dt.date], bool | None] = {}
    for r in records:
        if not isinstance(r, PveRecord) or r.recordsoort not in ("ISP", "BII"):
            continue
        key = (_number(r["pgn"]) or "", str(r["inschrijvingvolgnummer"]))
        if r.recordsoort == "ISP":
            periods.setdefault(key, []).append(r)
        else:
            status[(*key, r["teldatum"])] = r["bekostigingsstatus"]
    side: _Side = {}
    for key, isps in periods.items():
        for day in teldata:
            running = [
                r
                for r in isps
                if r["datum_begin"] <= day and (r["datum_eind"] is None or day <= r["datum_eind"])
            ]
            if not running:
                continue
            r = max(running, key=lambda r: r["datum_begin"])
            side.setdefault(key, {})[day] = Stand(
                r["opleidingcode"],
                r["leertraject"],
                r["niveau"],
                r["indicatie_bekostigbaar"],
                status.get((*key, day)),
            )
    return side


def _refused(message: str) -> InvalidDocument:
    return InvalidDocument([DocumentProblem("$", message)], document="GRONDSLAG IP MBO")


def _checked_grondslag(grondslag: Iterable[Any]) -> tuple[list[Any], tuple[DocumentProblem, ...]]:
    """The GRONDSLAG's records once it has proved whole, and its problems."""
    kind = getattr(grondslag, "bestand", None)
    if kind is not None and kind != "GRONDSLAG":
        raise _refused(f"a {kind} file, not a GRONDSLAG IP MBO ({PVE_MBO} §17)")
    records = list(f.arguments(grondslag, object, "records of a return file", "grondslag"))
    if not records:
        raise _refused(
            f"empty: not one record; it has at least a voorlooprecord and a sluitrecord ({PVE_MBO} §17)"
        )
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


def _tellingen(day: dt.date, bestand: str, side: _Side) -> Telling:
    stands = [s[day] for s in side.values() if day in s]
    known = [s.bekostigd for s in stands if s.bekostigd is not None]
    return Telling(
        day,
        bestand,
        len(stands),
        sum(1 for s in stands if s.indicatie_bekostigbaar),
        None if bestand == "eigen" or (stands and not known) else sum(known),
    )


def _tbgi_teldata(tbgi: Tbgi) -> set[dt.date]:
    return {t.teldatum for i in tbgi.inschrijvingen for t in i.teldata if t.teldatum is not None}


def _grondslag_teldata(records: list[Any]) -> set[dt.date]:
    return {r["teldatum"] for r in records if r.recordsoort == "BII" and r["teldatum"] is not None}


def _brins(tbgi: Tbgi | None, grondslag: list[Any]) -> set[str]:
    brins = {r["brin"] for r in grondslag if r.recordsoort == "VLP"}
    if tbgi is not None:
        brins.update(i.brin for i in tbgi.inschrijvingen if i.brin is not None)
    return brins


def funding(
    own: Iterable[MboStudentRecord],
    *,
    tbgi: Tbgi | None = None,
    grondslag: ReturnFile | Iterable[Any] | None = None,
    teldata: Iterable[dt.date] = (),
    pseudonym_key: bytes | None = None,
) -> FundingView:
    """Set the own enrolments beside DUO's TBG-i and GRONDSLAG IP MBO, per teldatum.

    Args:
        own: The institution's student records.
        tbgi: DUO's TBG-i, as read by
            [`read_tbgi`][duo_domain.serialize.returnfile.read_tbgi].
        grondslag: DUO's GRONDSLAG IP MBO, as read by
            [`read`][duo_domain.serialize.returnfile.read] (with
            ``check_numbers=False`` for its PGN).
        teldata: Teldata to compare besides those in DUO's files (needed for a
            GRONDSLAG without BII records).
        pseudonym_key: The key of the students' pseudonyms; random per call by default.

    Returns:
        The counts per teldatum and side, and every disagreement.

    Raises:
        DuoDomainError: when neither file is given, or for an empty ``pseudonym_key``.
        InvalidDocument: for a GRONDSLAG that is empty, of another kind or incomplete.
    """
    if tbgi is None and grondslag is None:
        raise DuoDomainError("funding: give a TBG-i, a GRONDSLAG IP MBO, or both")
    if tbgi is not None:
        f.argument(tbgi, Tbgi, "a Tbgi (read_tbgi)", "tbgi")
    own = list(f.arguments(own, MboStudentRecord, "MboStudentRecord", "own"))
    key = secrets.token_bytes(32) if pseudonym_key is None else pseudonym_key
    pseudonym("", key)  # refuses an unusable key before any work
    records, problems = _checked_grondslag(grondslag) if grondslag is not None else ([], ())
    if tbgi is not None:
        problems = (*tbgi.problems, *problems)
    extra = set(teldata)
    # Each file is compared on its own teldata (and those given): a teldatum one
    # file has and the other not is no difference.
    theirs: list[tuple[str, _Side, tuple[dt.date, ...]]] = []
    if tbgi is not None:
        theirs.append(("TBG-i", _tbgi_side(tbgi), tuple(sorted(_tbgi_teldata(tbgi) | extra))))
    if grondslag is not None:
        days = tuple(sorted(_grondslag_teldata(records) | extra))
        theirs.append(("GRONDSLAG", _grondslag_side(records, days), days))
    all_days = tuple(sorted({day for _, _, days in theirs for day in days}))
    mine = _own_side(own, _brins(tbgi, records), all_days)
    tellingen = [_tellingen(day, "eigen", mine) for day in all_days]
    tellingen.extend(_tellingen(day, bestand, side) for bestand, side, days in theirs for day in days)
    compare = _Compare(key)
    for bestand, side, days in theirs:
        for number, volgnummer in sorted(set(mine) | set(side)):
            for day in days:
                a, b = (
                    mine.get((number, volgnummer), {}).get(day),
                    side.get((number, volgnummer), {}).get(day),
                )
                if a is not None or b is not None:
                    where = (
                        ("bestand", bestand),
                        ("inschrijving", volgnummer),
                        ("teldatum", day.isoformat()),
                    )
                    compare.pair(number, where, a, b)
    differences = sorted(compare.out, key=lambda d: (d.student, d.pseudonym, d.key))
    tellingen.sort(key=lambda t: (t.teldatum, BESTANDEN.index(t.bestand)))
    return FundingView(all_days, tuple(tellingen), tuple(differences), problems)
