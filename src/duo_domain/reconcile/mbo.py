"""MBO reconciliation: the institution's own student records against DUO's registratieoverzicht.

DUO's registratieoverzicht (RO, PvE MBO-instelling – DUO v4.8.2 Bijlage 7) lists
what DUO has registered for the institution. [`reconcile`][duo_domain.reconcile.mbo.reconcile] compares it
with the institution's own [`MboStudentRecord`][duo_domain.mbo.record.MboStudentRecord] s
and lists every difference in one of three categories:

* **missing at DUO** (``ontbreekt_bij_duo``): the institution has it, DUO does not;
* **missing here** (``ontbreekt_hier``): DUO has it, the institution does not;
* **field differs** (``veld_verschilt``): both have it, one field differs
  (the field and both values are given).

Things are matched on their business keys: the student on the BSN or
onderwijsnummer; an enrolment on its ``inschrijvingvolgnummer``; a period
on its ``datum_begin``; a period of extra support on its ``datum_begin``; a
BPV agreement on ``inschrijvingvolgnummer`` and ``volgnummer``; a diploma
on its ``resultaatvolgnummer``, and its generic exam parts and keuzedelen on
theirs. Loose results (without a diploma) are not compared. BSNs and onderwijsnummers are masked
in every message and in [`Difference.to_dict`][duo_domain.reconcile.mbo.Difference.to_dict].

What is compared comes in three areas (`duo_domain.reconcile.AREAS`): ``inschrijvingen``
(enrolments with their periods and periods of extra support), ``bpv`` and
``diplomas`` (with their generic exam parts and keuzedelen). By default the
enrolments and BPV agreements are always compared, and the diplomas only when
the own records include at least one diploma: a system that does not export
diplomas would otherwise see every diploma DUO registered as *missing here*.
Pass ``compare=`` to choose the areas yourself (``compare={"diplomas"}``
compares diplomas even when the own records have none).
`Reconciliation.compared` says what was compared.

Only what DUO's file is meant to hold is compared (PvE §15.1): own enrolments
of the voorlooprecord's institution (BRIN) that are valid in its selection
period, with their BPV agreements, and the own diplomas obtained in that
period or in one of those enrolments.

**A file is checked before it is believed.** An empty file, a file without
its voorlooprecord, a file cut off before its sluitrecord, several files joined
into one and a file of another kind are refused with
[`InvalidDocument`][duo_domain.errors.InvalidDocument] (a `ValueError`), never
read as "everything missing at DUO". The sluitrecord's counts are compared with
the records read (PvE §15.5.11); a count that differs, and every line the
reader could not read, is in
[`Reconciliation.problems`][duo_domain.reconcile.mbo.Reconciliation]: a problem
of DUO's file, not a difference.

**No false differences.** A field DUO derives itself and leaves empty in its
record type (the PvE marks it optional there) is not compared when DUO's
value is empty: the niveau of an ISP line, which DUO derives from the
opleidingscode. How often that happened is in `Reconciliation.left_empty`.
Unknown ``ignore`` names (see `IGNORABLE`) are refused.

**Students stay distinguishable.** Next to the masked number (``*****2333``)
every difference carries a pseudonym: `PSEUDONYM_LENGTH` letters (never a digit,
so it cannot be mistaken for a number, nor masked as one) from HMAC-SHA256 over the
number with a secret key (see
[`pseudonym`][duo_domain.reconcile.mbo.pseudonym]). Two students whose numbers
end alike get different pseudonyms, and the pseudonym cannot be turned back
into the number without the key. By default the key is drawn at random for
each call (stable within one reconciliation); pass ``pseudonym_key=`` to get
the same pseudonyms in every run, and keep that key as secret as the numbers.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.identity import Student
    >>> from duo_domain.mbo.enrolment import Enrolment, Periode
    >>> from duo_domain.mbo.record import MboStudentRecord
    >>> from duo_domain.serialize.returnfile import read
    >>> duo = read('''VLP|27DV|2024-07-31|2026-03-24|2026-03-25
    ... PER|111222333||1987-11-23|V
    ... ISG|111222333||C3|2023-01-30|2025-01-29|2025-01-16|08
    ... ISP|111222333||C3|2023-01-30|25655|BBL||J||100A501|101X591||
    ... SLR|1|1|1|0|0|0|0|0|0
    ... ''')
    >>> own = MboStudentRecord(Student(bsn="111222333"), [Enrolment(
    ...     "C3", "27DV", dt.date(2023, 1, 30), dt.date(2025, 1, 29),
    ...     [Periode(dt.date(2023, 1, 30), "25655", "BOL", True, onderwijsaanbieder="100A501",
    ...              onderwijslocatie="101X591")],
    ...     datum_uitschrijving_werkelijk=dt.date(2025, 1, 16), reden_uitschrijving="08")])
    >>> result = reconcile([own], duo, pseudonym_key=b"example key")
    >>> for d in result:
    ...     print(d.message)
    student *****2333 [fgdkpjllfbdd], inschrijving C3, periode 2023-01-30:
    leertraject differs: here 'BOL', at DUO 'BBL'
    >>> from duo_domain.errors import InvalidDocument
    >>> try:
    ...     reconcile([own], read(""))
    ... except InvalidDocument as exc:
    ...     print(exc.problems[0].message)
    empty: not one record; ...
"""

from __future__ import annotations

import collections
import datetime as dt
import enum
import hashlib
import hmac
import secrets
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from duo_domain import _fields as f
from duo_domain._sources import PVE_MBO
from duo_domain.errors import DocumentProblem, DuoDomainError, InvalidDocument, mask_numbers, mask_values
from duo_domain.identity import mask
from duo_domain.mbo import pve
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import Diploma
from duo_domain.reconcile import AREAS
from duo_domain.serialize.returnfile import (
    RO_RECORDS,
    Persoon,
    Record,
    SlrRecord,
    VlpRecord,
    check_totals,
    group_persons,
)

__all__ = [
    "IGNORABLE",
    "LEFT_EMPTY_BY_DUO",
    "PSEUDONYM_LENGTH",
    "Category",
    "Difference",
    "Reconciliation",
    "check_registratieoverzicht",
    "pseudonym",
    "reconcile",
]

#: How many letters (each one hex digit of the keyed hash) make a student's pseudonym (48 bits:
#: two students of a national year share one with a chance of about 1 in 2,000).
PSEUDONYM_LENGTH: Final = 12
#: The hex digits of the hash as consonants: a pseudonym holds no digit.
_LETTERS: Final = str.maketrans("0123456789abcdef", "bcdfghjklmnpqrst")


def pseudonym(number: str, key: bytes) -> str:
    """A short stand-in for a BSN or onderwijsnummer: stable for one key, not reversible without it.

    The first `PSEUDONYM_LENGTH` hex digits of HMAC-SHA256(``key``, ``number``),
    each written as a consonant (``0``-``f`` as ``b``-``t``): no digits, so a
    pseudonym never looks like a number (nor is masked as one), and no vowels, so
    it spells no word.
    Without the key nobody can tell which number a pseudonym stands for, not
    even by trying all 10⁹ numbers; with it, anyone can. Keep a key you reuse
    as secret as the numbers themselves.

    Raises:
        DuoDomainError: for an empty key.

    Examples:
        >>> pseudonym("111222333", b"example key")
        'fgdkpjllfbdd'
        >>> pseudonym("111222333", b"another key") != pseudonym("111222333", b"example key")
        True
    """
    if not isinstance(key, bytes) or not key:
        raise DuoDomainError("pseudonym_key: give a non-empty bytes key")
    return (
        hmac.new(key, number.encode("utf-8"), hashlib.sha256)
        .hexdigest()[:PSEUDONYM_LENGTH]
        .translate(_LETTERS)
    )


class Category(enum.StrEnum):
    """The kind of a difference."""

    MISSING_AT_DUO = "ontbreekt_bij_duo"
    MISSING_HERE = "ontbreekt_hier"
    FIELD_DIFFERS = "veld_verschilt"


@attrs.frozen
class Difference:
    """One difference between the own records and DUO's.

    Attributes:
        category: Missing at DUO, missing here, or a field that differs.
        entity: What differs: ``student``, ``inschrijving``, ``periode``,
            ``extra_ondersteuning``, ``bpv``, ``diploma``,
            ``generiek_examenonderdeel`` or ``keuzedeel``.
        student: The student's BSN or onderwijsnummer, masked.
        key: The business keys below the student, e.g.
            ``(("inschrijving", "C3"), ("bpv", "C1"))``.
        field: The field that differs (for `Category.FIELD_DIFFERS`).
        own: The own value of that field.
        duo: DUO's value of that field.
        pseudonym: The student's pseudonym (see
            [`pseudonym`][duo_domain.reconcile.mbo.pseudonym]): tells apart
            students whose masked numbers look alike.
        explanation: Why it differs, where known (the funding view: the fields
            that differ on that teldatum and DUO's signals).
    """

    category: Category
    entity: str
    student: str
    key: tuple[tuple[str, str], ...] = ()
    field: str | None = None
    own: Any = None
    duo: Any = None
    pseudonym: str = ""
    explanation: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The difference in one line, with the student masked and pseudonymised.

        The line passes through [`mask_numbers`][duo_domain.errors.mask_numbers]: a number
        in a key or a value (a BSN in the wrong field) is masked too.
        """
        return mask_numbers(self._text())

    def _text(self) -> str:
        who = f"student {self.student} [{self.pseudonym}]" if self.pseudonym else f"student {self.student}"
        where = ", ".join([who, *(f"{k} {v}" for k, v in self.key)])
        if self.category is Category.FIELD_DIFFERS:
            why = f" ({'; '.join(self.explanation)})" if self.explanation else ""
            return f"{where}: {self.field} differs: here {_show(self.own)}, at DUO {_show(self.duo)}{why}"
        if self.category is Category.MISSING_AT_DUO:
            return f"{where}: {self.entity} missing at DUO"
        return f"{where}: {self.entity} missing here"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: values as strings (dates ISO, grades as decimal strings)."""
        return {
            "categorie": self.category.value,
            "soort": self.entity,
            "student": mask_numbers(self.student),
            "pseudoniem": self.pseudonym,
            "sleutel": mask_values(dict(self.key)),
            "veld": self.field,
            "hier": _masked(_plain(self.own)),
            "duo": _masked(_plain(self.duo)),
            "toelichting": [mask_numbers(t) for t in self.explanation],
            "melding": self.message,
        }


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return str(value.value if isinstance(value, enum.Enum) else value)


def _masked(value: Any) -> Any:
    """A plain value with every text in it masked; a whole number long enough to be one: masked text."""
    if isinstance(value, str):
        return mask_numbers(value)
    if isinstance(value, int) and not isinstance(value, bool):
        text = mask_numbers(str(value))
        return value if text == str(value) else text
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def _show(value: Any) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, bool | int | str):
        return repr(value)
    return str(_plain(value))


@attrs.frozen
class Reconciliation:
    """The outcome of [`reconcile`][duo_domain.reconcile.mbo.reconcile]: every difference, in a stable order.

    Iterating gives the differences.

    Attributes:
        differences: Every difference found.
        compared: The entities that were compared.
        instelling: The BRIN of DUO's file, when it names one.
        problems: Problems of DUO's file: lines the reader could not read and
            sluitrecord counts that differ from the records read.
        left_empty: ``(entity.field, count)`` for each field not compared
            because DUO left it empty where it may (see `LEFT_EMPTY_BY_DUO`).
    """

    differences: tuple[Difference, ...]
    compared: tuple[str, ...]
    instelling: str | None = None
    problems: tuple[DocumentProblem, ...] = ()
    left_empty: tuple[tuple[str, int], ...] = ()

    def __iter__(self) -> Iterator[Difference]:
        return iter(self.differences)

    def __len__(self) -> int:
        return len(self.differences)

    @property
    def ok(self) -> bool:
        """``True`` when nothing differs and DUO's file has no problem."""
        return not self.differences and not self.problems

    def by_category(self) -> dict[Category, list[Difference]]:
        """The differences per category (every category present, possibly empty)."""
        out: dict[Category, list[Difference]] = {c: [] for c in Category}
        for d in self.differences:
            out[d.category].append(d)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "instelling": self.instelling,
            "vergeleken": list(self.compared),
            "aantallen": {c.value: len(ds) for c, ds in self.by_category().items()},
            "verschillen": [d.to_dict() for d in self.differences],
            "problemen_in_duo_bestand": [str(p) for p in self.problems],
            "niet_vergeleken_leeg_bij_duo": dict(self.left_empty),
        }


_ENROLMENT_FIELDS = (
    "datum_inschrijving",
    "datum_uitschrijving_gepland",
    "datum_uitschrijving_werkelijk",
    "reden_uitschrijving",
)
_PERIODE_FIELDS = (
    "opleidingscode",
    "leertraject",
    "indicatie_bekostigbaar",
    "niveau",
    "onderwijsaanbieder",
    "onderwijslocatie",
    "locatiecode_vsv",
    "leerroute",
    "leerroutefase",
)
_EXTRA_FIELDS = ("datum_einde",)
_BPV_FIELDS = (
    "afsluitdatum",
    "datum_begin",
    "datum_einde_gepland",
    "datum_einde_werkelijk",
    "omvang",
    "leerbedrijf_id",
    "opleidingscode",
    "keuzedeel",
)
_DIPLOMA_FIELDS = ("opleidingscode", "datum_resultaat", "indicatie_bekostigbaar", "inschrijvingvolgnummer")
_GEO_FIELDS = ("code", "eindcijfer", "cijfer_ie", "cijfer_ce")
_KZD_FIELDS = ("code", "resultaat")

#: The fields compared per entity.
_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "inschrijving": _ENROLMENT_FIELDS,
    "periode": _PERIODE_FIELDS,
    "extra_ondersteuning": _EXTRA_FIELDS,
    "bpv": _BPV_FIELDS,
    "diploma": _DIPLOMA_FIELDS,
    "generiek_examenonderdeel": _GEO_FIELDS,
    "keuzedeel": _KZD_FIELDS,
}

#: Every name ``ignore`` accepts: ``entity.field`` for each field compared.
IGNORABLE: Final[tuple[str, ...]] = tuple(f"{e}.{f}" for e, fields in _FIELDS.items() for f in fields)

# Fields DUO derives itself and may leave empty in its file, with the RO record
# type and PvE field: the niveau follows from the opleidingscode ("DUO leidt dit
# zelf af uit de kwalificatie"), and the RO leaves it empty in most ISP lines.
_DERIVED_BY_DUO: Final = {"periode.niveau": ("ISP", "niveau")}

#: The fields not compared when DUO's value is empty: those DUO derives itself
#: and that the PvE's layout marks optional in DUO's record type (read from
#: [`duo_domain.mbo.pve`][duo_domain.mbo.pve]).
LEFT_EMPTY_BY_DUO: Final[frozenset[str]] = frozenset(
    name for name, (soort, veld) in _DERIVED_BY_DUO.items() if not pve.veld("RO", soort, veld).verplicht
)


def _own_key(record: MboStudentRecord) -> tuple[str, str] | None:
    student = record.student
    if student.bsn is not None:
        return ("bsn", student.bsn.unmasked())
    if student.onderwijsnummer is not None:
        return ("onderwijsnummer", student.onderwijsnummer.unmasked())
    return None


class _Collector:
    def __init__(self, ignore: frozenset[str], key: bytes) -> None:
        self.out: list[Difference] = []
        self.ignore = ignore
        self.key = key
        self.left_empty: collections.Counter[str] = collections.Counter()
        self.pseudonym = ""

    def add(  # noqa: PLR0917 - the fields of a Difference, in order
        self,
        category: Category,
        entity: str,
        student: str,
        key: tuple[tuple[str, str], ...] = (),
        field: str | None = None,
        own: Any = None,
        duo: Any = None,
    ) -> None:
        self.out.append(Difference(category, entity, student, key, field, own, duo, self.pseudonym))

    def fields(self, entity: str, student: str, key: tuple[tuple[str, str], ...], a: Any, b: Any) -> None:
        """Compare the fields of one entity present on both sides."""
        for name in _FIELDS[entity]:
            qualified = f"{entity}.{name}"
            if qualified in self.ignore:
                continue
            va, vb = getattr(a, name), getattr(b, name)
            if va == vb:
                continue
            if vb is None and qualified in LEFT_EMPTY_BY_DUO:
                self.left_empty[qualified] += 1
                continue
            self.add(Category.FIELD_DIFFERS, entity, student, key, name, va, vb)

    def match(  # noqa: PLR0917 - one call shape for every entity
        self,
        entity: str,
        student: str,
        prefix: tuple[tuple[str, str], ...],
        own: Mapping[str, Any],
        duo: Mapping[str, Any],
        deeper: Callable[[tuple[tuple[str, str], ...], Any, Any], None] | None = None,
    ) -> None:
        """Compare two keyed collections of one entity."""
        for k in sorted(set(own) | set(duo)):
            key = (*prefix, (entity, k))
            if k not in duo:
                self.add(Category.MISSING_AT_DUO, entity, student, key)
            elif k not in own:
                self.add(Category.MISSING_HERE, entity, student, key)
            else:
                self.fields(entity, student, key, own[k], duo[k])
                if deeper is not None:
                    deeper(key, own[k], duo[k])


def _periods(items: Iterable[Periode]) -> dict[str, Periode]:
    return {p.datum_begin.isoformat(): p for p in items}


def _extra(items: Iterable[ExtraOndersteuning]) -> dict[str, ExtraOndersteuning]:
    return {p.datum_begin.isoformat(): p for p in items}


@attrs.frozen
class _Scope:
    """What DUO's file covers (PvE §15.1): one institution, one selection period."""

    brin: str | None
    begin: dt.date | None
    einde: dt.date | None

    def enrolment(self, e: Enrolment) -> bool:
        """An enrolment of the institution that is valid in the selection period."""
        if self.brin is not None and e.instelling != self.brin:
            return False
        if self.einde is not None and e.datum_inschrijving > self.einde:
            return False
        return self.begin is None or e.datum_einde >= self.begin

    def in_period(self, day: dt.date) -> bool:
        return (self.begin is None or day >= self.begin) and (self.einde is None or day <= self.einde)


def _own_diplomas(own: MboStudentRecord, scope: _Scope, selected: Collection[str]) -> dict[str, Diploma]:
    """The own diplomas DUO's file should hold.

    Those obtained in the selection period and those of a selected enrolment
    (PvE §15.1), but none obtained in an enrolment at another institution.
    """
    elsewhere = {
        e.inschrijvingvolgnummer
        for e in own.inschrijvingen
        if scope.brin is not None and e.instelling != scope.brin
    }
    return {
        d.resultaatvolgnummer: d
        for d in own.diplomas
        if d.inschrijvingvolgnummer in selected
        or (d.inschrijvingvolgnummer not in elsewhere and scope.in_period(d.datum_resultaat))
    }


@attrs.frozen
class _Side:
    """One side's enrolments, BPV agreements and diplomas of one student, by business key."""

    enrolments: dict[str, Enrolment] = attrs.Factory(dict)
    bpv: dict[str, BpvAgreement] = attrs.Factory(dict)
    diplomas: dict[str, Diploma] = attrs.Factory(dict)

    def has(self, areas: frozenset[str]) -> bool:
        return bool(
            ("inschrijvingen" in areas and self.enrolments)
            or ("bpv" in areas and self.bpv)
            or ("diplomas" in areas and self.diplomas)
        )


def _own_side(own: MboStudentRecord | None, scope: _Scope) -> _Side:
    if own is None:
        return _Side()
    enrolments = {e.inschrijvingvolgnummer: e for e in own.inschrijvingen if scope.enrolment(e)}
    bpv = {
        f"{b.inschrijvingvolgnummer}/{b.volgnummer}": b
        for b in own.bpv_overeenkomsten
        if b.inschrijvingvolgnummer in enrolments
    }
    return _Side(enrolments, bpv, _own_diplomas(own, scope, enrolments))


def _duo_side(duo: Persoon | None) -> _Side:
    if duo is None:
        return _Side()
    record = duo.student_record
    return _Side(
        {e.inschrijvingvolgnummer: e for e in record.inschrijvingen},
        {f"{b.inschrijvingvolgnummer}/{b.volgnummer}": b for b in record.bpv_overeenkomsten},
        {d.resultaatvolgnummer: d for d in duo.diplomas},
    )


def _compare_person(  # noqa: PLR0917 - private
    c: _Collector,
    student: str,
    own: MboStudentRecord | None,
    duo: Persoon | None,
    scope: _Scope,
    areas: frozenset[str],
) -> None:
    mine, theirs = _own_side(own, scope), _duo_side(duo)
    if not (mine.has(areas) or theirs.has(areas)):
        # Nothing to compare in the chosen areas: a student only one side knows
        # is still a difference, but only one DUO's file should hold (PvE §15.1).
        if own is None and duo is not None:
            c.add(Category.MISSING_HERE, "student", student)
        elif duo is None and (mine.enrolments or mine.diplomas):
            c.add(Category.MISSING_AT_DUO, "student", student)
        return

    def enrolment_detail(key: tuple[tuple[str, str], ...], a: Enrolment, b: Enrolment) -> None:
        c.match("periode", student, key, _periods(a.perioden), _periods(b.perioden))
        c.match(
            "extra_ondersteuning", student, key, _extra(a.extra_ondersteuning), _extra(b.extra_ondersteuning)
        )

    def diploma_detail(key: tuple[tuple[str, str], ...], a: Diploma, b: Diploma) -> None:
        c.match(
            "generiek_examenonderdeel",
            student,
            key,
            {g.resultaatvolgnummer: g for g in a.generieke_examenonderdelen},
            {g.resultaatvolgnummer: g for g in b.generieke_examenonderdelen},
        )
        c.match(
            "keuzedeel",
            student,
            key,
            {k.resultaatvolgnummer: k for k in a.keuzedelen},
            {k.resultaatvolgnummer: k for k in b.keuzedelen},
        )

    if "inschrijvingen" in areas:
        c.match("inschrijving", student, (), mine.enrolments, theirs.enrolments, enrolment_detail)
    if "bpv" in areas:
        c.match("bpv", student, (), mine.bpv, theirs.bpv)
    if "diplomas" in areas:
        c.match("diploma", student, (), mine.diplomas, theirs.diplomas, diploma_detail)


def _areas(compare: Collection[str] | None, own: Iterable[MboStudentRecord]) -> frozenset[str]:
    if compare is None:
        default = {"inschrijvingen", "bpv"}
        if any(r.diplomas for r in own):
            default.add("diplomas")
        return frozenset(default)
    if isinstance(compare, str):
        compare = (compare,)
    chosen = frozenset(compare)
    unknown = sorted(chosen - set(AREAS))
    if unknown or not chosen:
        raise DuoDomainError(
            f"compare: {', '.join(map(repr, unknown)) or 'nothing given'}; choose from {', '.join(AREAS)}"
        )
    return chosen


def _ignored(ignore: Collection[str]) -> frozenset[str]:
    chosen = frozenset((ignore,) if isinstance(ignore, str) else ignore)
    unknown = sorted(str(name) for name in chosen - set(IGNORABLE))
    if unknown:
        raise DuoDomainError(
            f"ignore: unknown field {', '.join(map(repr, unknown))}; "
            f"give ENTITY.FIELD, one of: {', '.join(IGNORABLE)}"
        )
    return chosen


def _refused(message: str) -> InvalidDocument:
    return InvalidDocument([DocumentProblem("$", message)], document="registratieoverzicht")


def _what(item: object) -> str:
    """How a record that does not belong is named: its record type, or the kind of thing it is."""
    soort = getattr(item, "RECORDSOORT", None)
    return f"a {soort} record" if isinstance(soort, str) else f"a value of type {f.json_type(item)}"


def _checked(duo: Iterable[Record]) -> tuple[VlpRecord, list[Record], tuple[DocumentProblem, ...]]:
    """DUO's records once the file has proved whole, and the problems of the file."""
    kind = getattr(duo, "bestand", None)
    if kind is not None and kind != "RO":
        raise _refused(f"a {kind} file, not a registratieoverzicht (RO, {PVE_MBO} §15)")
    records = list(f.arguments(duo, object, "records of a return file", "duo"))
    if not records:
        raise _refused(
            "empty: not one record; a registratieoverzicht has at least a voorlooprecord "
            f"and a sluitrecord ({PVE_MBO} §15.4)"
        )
    strangers = [r for r in records if not isinstance(r, RO_RECORDS)][:1]
    if strangers:  # (a list: the stranger may be None itself)
        raise _refused(f"{_what(strangers[0])} of another kind of file: not a registratieoverzicht")
    vlps = [r for r in records if isinstance(r, VlpRecord)]
    closing = [i for i, r in enumerate(records) if isinstance(r, SlrRecord)]
    if not vlps:
        raise _refused(f"no voorlooprecord (VLP): the file is incomplete ({PVE_MBO} §15.4)")
    if not closing:
        raise _refused(
            f"cut off: no sluitrecord (SLR) after the last record ({PVE_MBO} §15.4); the file is incomplete"
        )
    if len(vlps) > 1 or len(closing) > 1:
        raise _refused("more than one voorlooprecord or sluitrecord: several files joined into one?")
    order: tuple[DocumentProblem, ...] = ()
    if records[0] is not vlps[0] or closing[0] != len(records) - 1:
        order = (
            DocumentProblem(
                "$",
                f"the voorlooprecord is not the first record or the sluitrecord not the last ({PVE_MBO} "
                "§15.4): was the file sorted, e.g. in a spreadsheet? Its counts are still checked",
            ),
        )
    problems = (*getattr(duo, "problems", ()), *order, *check_totals(records))
    return vlps[0], records, problems


def check_registratieoverzicht(duo: Iterable[Record]) -> tuple[DocumentProblem, ...]:
    """Check that DUO's file is a whole registratieoverzicht, and return its problems.

    A file is refused when it is empty, of another kind, has no voorlooprecord,
    has no sluitrecord (cut off), or has more than one of either (several files
    joined). The problems returned are the lines the reader could not read (for a
    [`ReturnFile`][duo_domain.serialize.returnfile.ReturnFile]), records out of
    the PvE's order (a voorlooprecord that is not first or a sluitrecord that is
    not last, as after sorting in a spreadsheet) and every sluitrecord count that
    differs from the records read (PvE §15.5.11).

    Raises:
        InvalidDocument: for a file that is not a whole registratieoverzicht.

    Examples:
        >>> from duo_domain.serialize.returnfile import read
        >>> ro = read('''VLP|27DV|2024-07-31|2026-03-24|2026-03-25
        ... PER|111222333||1987-11-23|V
        ... SLR|2|0|0|0|0|0|0|0|0
        ... ''')
        >>> [str(p) for p in check_registratieoverzicht(ro)]
        ['the file has 1, the record says 2 @ SLR.totaal_aantal_personen']
        >>> from duo_domain.errors import InvalidDocument
        >>> try:
        ...     check_registratieoverzicht(ro.records[:-1])
        ... except InvalidDocument as exc:
        ...     print(exc.problems[0].message)
        cut off: no sluitrecord (SLR) after the last record ...
    """
    return _checked(duo)[2]


def reconcile(
    own: Iterable[MboStudentRecord],
    duo: Iterable[Record],
    *,
    ignore: Collection[str] = (),
    compare: Collection[str] | None = None,
    pseudonym_key: bytes | None = None,
) -> Reconciliation:
    """Compare the institution's own records with DUO's registratieoverzicht.

    Args:
        own: The institution's student records.
        duo: The records of DUO's file, e.g. a
            [`ReturnFile`][duo_domain.serialize.returnfile.ReturnFile]: a whole
            registratieoverzicht, from its voorlooprecord to its sluitrecord.
        ignore: Fields not to compare, as ``"entity.field"``, e.g.
            ``{"periode.niveau"}`` (one of `IGNORABLE`).
        compare: The areas to compare, from `duo_domain.reconcile.AREAS` (``"inschrijvingen"``,
            ``"bpv"``, ``"diplomas"``). By default the enrolments and BPV
            agreements, and the diplomas when at least one own record
            includes a diploma.
        pseudonym_key: The secret key of the students' pseudonyms (see
            [`pseudonym`][duo_domain.reconcile.mbo.pseudonym]); by default a
            random key for this call.

    Returns:
        Every difference: per student, then per entity and key; and the
        problems of DUO's file.

    Raises:
        DuoDomainError: for an unknown area, an empty ``compare``, an unknown
            ``ignore`` name or an empty ``pseudonym_key``.
        InvalidDocument: when DUO's file is empty, of another kind, or
            incomplete (see
            [`check_registratieoverzicht`][duo_domain.reconcile.mbo.check_registratieoverzicht]).

    Examples:
        >>> from duo_domain.identity import Student
        >>> from duo_domain.serialize.returnfile import read
        >>> duo = read('''VLP|27DV|2024-07-31|2026-03-24|2026-03-25
        ... PER|111222333||1987-11-23|V
        ... DIP|111222333||8286771|25655|2025-01-16||J|C3|100A501
        ... SLR|1|0|0|0|0|1|0|0|0
        ... ''')
        >>> own = [MboStudentRecord(Student(bsn="111222333"))]
        >>> reconcile(own, duo).ok
        True
        >>> [d.message for d in reconcile(own, duo, compare={"diplomas"}, pseudonym_key=b"example key")]
        ['student *****2333 [fgdkpjllfbdd], diploma 8286771: diploma missing here']
    """
    records_own = list(f.arguments(own, MboStudentRecord, "MboStudentRecord", "own"))
    areas = _areas(compare, records_own)
    c = _Collector(_ignored(ignore), secrets.token_bytes(32) if pseudonym_key is None else pseudonym_key)
    pseudonym("", c.key)  # refuses an unusable key before any work
    vlp, records, problems = _checked(duo)
    scope = _Scope(vlp.brin, vlp.datum_begin_periode, vlp.datum_einde_periode)
    duo_people: dict[tuple[str, str], Persoon] = {}
    for person in group_persons(records, instelling=vlp.brin):
        key = person.key
        if key is not None:
            duo_people[key] = person
    own_people: dict[tuple[str, str], MboStudentRecord] = {}
    for index, record in enumerate(records_own):
        key = _own_key(record)
        if key is None:
            name = record.student.studentnummer or f"#{index}"
            c.pseudonym = ""
            c.add(Category.MISSING_AT_DUO, "student", f"without BSN/onderwijsnummer ({name})")
            continue
        own_people[key] = record
    for key in sorted(set(own_people) | set(duo_people)):
        c.pseudonym = pseudonym(key[1], c.key)
        _compare_person(c, mask(key[1]), own_people.get(key), duo_people.get(key), scope, areas)
    compared = (
        "student",
        *(entity for area, entities in AREAS.items() if area in areas for entity in entities),
    )
    return Reconciliation(tuple(c.out), compared, vlp.brin, problems, tuple(sorted(c.left_empty.items())))
