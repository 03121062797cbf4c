"""MBO reconciliation: the institution's own student records against DUO's registratieoverzicht.

DUO's registratieoverzicht (RO, PvE MBO-instelling 4.8.2 Bijlage 7) lists
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

When DUO's file names its institution (the voorlooprecord's BRIN), only own
enrolments of that institution are compared, with their BPV agreements and
the diplomas obtained in them.

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
    ... ''')
    >>> own = MboStudentRecord(Student(bsn="111222333"), [Enrolment(
    ...     "C3", "27DV", dt.date(2023, 1, 30), dt.date(2025, 1, 29),
    ...     [Periode(dt.date(2023, 1, 30), "25655", "BOL", True, onderwijsaanbieder="100A501",
    ...              onderwijslocatie="101X591")],
    ...     datum_uitschrijving_werkelijk=dt.date(2025, 1, 16), reden_uitschrijving="08")])
    >>> result = reconcile([own], duo)
    >>> [d.message for d in result]
    ["student *****2333, inschrijving C3, periode 2023-01-30: leertraject differs: here 'BOL', at DUO 'BBL'"]
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any

import attrs

from duo_domain.errors import DuoDomainError
from duo_domain.identity import mask
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import Diploma
from duo_domain.reconcile import AREAS
from duo_domain.serialize.returnfile import OboVlpRecord, Persoon, Record, VlpRecord, group_persons

__all__ = ["Category", "Difference", "Reconciliation", "reconcile"]


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
    """

    category: Category
    entity: str
    student: str
    key: tuple[tuple[str, str], ...] = ()
    field: str | None = None
    own: Any = None
    duo: Any = None

    @property
    def message(self) -> str:
        """The difference in one line, with the student masked."""
        where = ", ".join([f"student {self.student}", *(f"{k} {v}" for k, v in self.key)])
        if self.category is Category.FIELD_DIFFERS:
            return f"{where}: {self.field} differs: here {_show(self.own)}, at DUO {_show(self.duo)}"
        if self.category is Category.MISSING_AT_DUO:
            return f"{where}: {self.entity} missing at DUO"
        return f"{where}: {self.entity} missing here"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: values as strings (dates ISO, grades as decimal strings)."""
        return {
            "categorie": self.category.value,
            "soort": self.entity,
            "student": self.student,
            "sleutel": dict(self.key),
            "veld": self.field,
            "hier": _plain(self.own),
            "duo": _plain(self.duo),
            "melding": self.message,
        }


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return str(value.value if isinstance(value, enum.Enum) else value)


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
    """

    differences: tuple[Difference, ...]
    compared: tuple[str, ...]
    instelling: str | None = None

    def __iter__(self) -> Iterator[Difference]:
        return iter(self.differences)

    def __len__(self) -> int:
        return len(self.differences)

    @property
    def ok(self) -> bool:
        """``True`` when nothing differs."""
        return not self.differences

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


def _own_key(record: MboStudentRecord) -> tuple[str, str] | None:
    student = record.student
    if student.bsn is not None:
        return ("bsn", student.bsn.unmasked())
    if student.onderwijsnummer is not None:
        return ("onderwijsnummer", student.onderwijsnummer.unmasked())
    return None


class _Collector:
    def __init__(self, ignore: Collection[str]) -> None:
        self.out: list[Difference] = []
        self.ignore = frozenset(ignore)

    def match(  # noqa: PLR0917 - one call shape for every entity
        self,
        entity: str,
        student: str,
        prefix: tuple[tuple[str, str], ...],
        own: Mapping[str, Any],
        duo: Mapping[str, Any],
        fields: tuple[str, ...],
        deeper: Callable[[tuple[tuple[str, str], ...], Any, Any], None] | None = None,
    ) -> None:
        """Compare two keyed collections of one entity."""
        for k in sorted(set(own) | set(duo)):
            key = (*prefix, (entity, k))
            if k not in duo:
                self.out.append(Difference(Category.MISSING_AT_DUO, entity, student, key))
            elif k not in own:
                self.out.append(Difference(Category.MISSING_HERE, entity, student, key))
            else:
                a, b = own[k], duo[k]
                for name in fields:
                    if f"{entity}.{name}" in self.ignore:
                        continue
                    va, vb = getattr(a, name), getattr(b, name)
                    if va != vb:
                        self.out.append(
                            Difference(Category.FIELD_DIFFERS, entity, student, key, name, va, vb)
                        )
                if deeper is not None:
                    deeper(key, a, b)


def _periods(items: Iterable[Periode]) -> dict[str, Periode]:
    return {p.datum_begin.isoformat(): p for p in items}


def _extra(items: Iterable[ExtraOndersteuning]) -> dict[str, ExtraOndersteuning]:
    return {p.datum_begin.isoformat(): p for p in items}


def _own_diplomas(own: MboStudentRecord, brin: str | None) -> dict[str, Diploma]:
    """The own diplomas to compare: not those obtained in an enrolment at another institution."""
    elsewhere = {
        e.inschrijvingvolgnummer for e in own.inschrijvingen if brin is not None and e.instelling != brin
    }
    here = {e.inschrijvingvolgnummer for e in own.inschrijvingen if brin is None or e.instelling == brin}
    return {
        d.resultaatvolgnummer: d
        for d in own.diplomas
        if d.inschrijvingvolgnummer in here or d.inschrijvingvolgnummer not in elsewhere
    }


def _compare_person(  # noqa: PLR0917 - private
    c: _Collector,
    student: str,
    own: MboStudentRecord | None,
    duo: Persoon | None,
    brin: str | None,
    areas: frozenset[str],
) -> None:
    own_enrolments: dict[str, Enrolment] = {}
    own_bpv: dict[str, BpvAgreement] = {}
    own_diplomas: dict[str, Diploma] = {}
    if own is not None:
        own_enrolments = {
            e.inschrijvingvolgnummer: e for e in own.inschrijvingen if brin is None or e.instelling == brin
        }
        own_bpv = {
            f"{b.inschrijvingvolgnummer}/{b.volgnummer}": b
            for b in own.bpv_overeenkomsten
            if b.inschrijvingvolgnummer in own_enrolments
        }
        own_diplomas = _own_diplomas(own, brin)
    duo_enrolments: dict[str, Enrolment] = {}
    duo_bpv: dict[str, BpvAgreement] = {}
    duo_diplomas: dict[str, Diploma] = {}
    if duo is not None:
        duo_enrolments = {e.inschrijvingvolgnummer: e for e in duo.student_record.inschrijvingen}
        duo_bpv = {
            f"{b.inschrijvingvolgnummer}/{b.volgnummer}": b for b in duo.student_record.bpv_overeenkomsten
        }
        duo_diplomas = {d.resultaatvolgnummer: d for d in duo.diplomas}
    something = (
        ("inschrijvingen" in areas and (own_enrolments or duo_enrolments))
        or ("bpv" in areas and (own_bpv or duo_bpv))
        or ("diplomas" in areas and (own_diplomas or duo_diplomas))
    )
    if not something:
        category = Category.MISSING_AT_DUO if duo is None else Category.MISSING_HERE
        if own is None or duo is None:
            c.out.append(Difference(category, "student", student))
        return

    def enrolment_detail(key: tuple[tuple[str, str], ...], a: Enrolment, b: Enrolment) -> None:
        c.match("periode", student, key, _periods(a.perioden), _periods(b.perioden), _PERIODE_FIELDS)
        c.match(
            "extra_ondersteuning",
            student,
            key,
            _extra(a.extra_ondersteuning),
            _extra(b.extra_ondersteuning),
            _EXTRA_FIELDS,
        )

    if "inschrijvingen" in areas:
        c.match(
            "inschrijving", student, (), own_enrolments, duo_enrolments, _ENROLMENT_FIELDS, enrolment_detail
        )
    if "bpv" in areas:
        c.match("bpv", student, (), own_bpv, duo_bpv, _BPV_FIELDS)

    def diploma_detail(key: tuple[tuple[str, str], ...], a: Diploma, b: Diploma) -> None:
        c.match(
            "generiek_examenonderdeel",
            student,
            key,
            {g.resultaatvolgnummer: g for g in a.generieke_examenonderdelen},
            {g.resultaatvolgnummer: g for g in b.generieke_examenonderdelen},
            _GEO_FIELDS,
        )
        c.match(
            "keuzedeel",
            student,
            key,
            {k.resultaatvolgnummer: k for k in a.keuzedelen},
            {k.resultaatvolgnummer: k for k in b.keuzedelen},
            _KZD_FIELDS,
        )

    if "diplomas" in areas:
        c.match("diploma", student, (), own_diplomas, duo_diplomas, _DIPLOMA_FIELDS, diploma_detail)


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


def reconcile(
    own: Iterable[MboStudentRecord],
    duo: Iterable[Record],
    *,
    ignore: Collection[str] = (),
    compare: Collection[str] | None = None,
) -> Reconciliation:
    """Compare the institution's own records with DUO's registratieoverzicht.

    Args:
        own: The institution's student records.
        duo: The records of DUO's file, e.g. a
            [`ReturnFile`][duo_domain.serialize.returnfile.ReturnFile].
        ignore: Fields not to compare, as ``"entity.field"``, e.g.
            ``{"periode.niveau"}``.
        compare: The areas to compare, from `duo_domain.reconcile.AREAS` (``"inschrijvingen"``,
            ``"bpv"``, ``"diplomas"``). By default the enrolments and BPV
            agreements, and the diplomas when at least one own record
            includes a diploma.

    Returns:
        Every difference: per student, then per entity and key.

    Raises:
        DuoDomainError: for an unknown area, or an empty ``compare``.

    Examples:
        >>> from duo_domain.identity import Student
        >>> from duo_domain.serialize.returnfile import read
        >>> duo = read('''PER|111222333||1987-11-23|V
        ... DIP|111222333||8286771|25655|2025-01-16||J|C3|100A501
        ... ''')
        >>> own = [MboStudentRecord(Student(bsn="111222333"))]
        >>> reconcile(own, duo).ok
        True
        >>> [d.message for d in reconcile(own, duo, compare={"diplomas"})]
        ['student *****2333, diploma 8286771: diploma missing here']
    """
    records_own = list(own)
    areas = _areas(compare, records_own)
    brin: str | None = None

    def records() -> Iterator[Record]:
        nonlocal brin
        for r in duo:
            if isinstance(r, VlpRecord | OboVlpRecord):
                brin = r.brin
            yield r

    duo_people: dict[tuple[str, str], Persoon] = {}
    for person in group_persons(records()):
        key = person.key
        if key is not None:
            duo_people[key] = person
    own_people: dict[tuple[str, str], MboStudentRecord] = {}
    c = _Collector(ignore)
    for index, record in enumerate(records_own):
        key = _own_key(record)
        if key is None:
            name = record.student.studentnummer or f"#{index}"
            c.out.append(
                Difference(Category.MISSING_AT_DUO, "student", f"without BSN/onderwijsnummer ({name})")
            )
            continue
        own_people[key] = record
    for key in sorted(set(own_people) | set(duo_people)):
        _compare_person(c, mask(key[1]), own_people.get(key), duo_people.get(key), brin, areas)
    compared = (
        "student",
        *(entity for area, entities in AREAS.items() if area in areas for entity in entities),
    )
    return Reconciliation(tuple(c.out), compared, brin)
