"""Domain objects for VO exam results as schools send them to BRON.

Attribute names are the BRON terms in snake_case and equal the names in the
cijferlijst JSON document, so a finding path points into both.

Examples:
    >>> from decimal import Decimal
    >>> from duo_domain.vo.model import ExamResult
    >>> r = ExamResult("1001", se=Decimal("6.4"), ce=Decimal("5.1"), ce2=Decimal("6.0"))
    >>> r.ce_definitief  # the highest CE of the tijdvakken counts (art. 3.39 lid 1)
    Decimal('6.0')
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

from duo_domain import _fields as f
from duo_domain._uitslag import Uitslag
from duo_domain.identity.student import Student

__all__ = [
    "Beoordeling",
    "ExamResult",
    "Examendeel",
    "Examenkandidaat",
    "Herkomst",
    "Profielwerkstuk",
    "Rol",
    "Schoolsoort",
    "Uitslag",
]


class Schoolsoort(enum.Enum):
    """The school type and leerweg of the exam."""

    __hash__ = object.__hash__  # by identity, at C speed (equality is identity)

    VWO = "vwo"
    HAVO = "havo"
    VMBO_BB = "vmbo-bb"
    VMBO_KB = "vmbo-kb"
    VMBO_GL = "vmbo-gl"
    VMBO_TL = "vmbo-tl"

    @property
    def is_vmbo(self) -> bool:
        """True for the four vmbo leerwegen (art. 3.35); false for havo and vwo (art. 3.34)."""
        return self.value.startswith("vmbo")


class Beoordeling(enum.Enum):
    """A judgement instead of a grade (art. 3.13 lid 3, 3.14 lid 1)."""

    __hash__ = object.__hash__  # by identity, at C speed (equality is identity)

    GOED = "goed"
    VOLDOENDE = "voldoende"
    ONVOLDOENDE = "onvoldoende"

    @property
    def is_voldoende(self) -> bool:
        """True for «voldoende» and «goed»."""
        return self is not Beoordeling.ONVOLDOENDE


class Examendeel(enum.Enum):
    """The part of the profile a subject belongs to (BRON field *examendeel*)."""

    GEMEENSCHAPPELIJK = "gemeenschappelijk"
    PROFIEL = "profiel"
    VRIJ = "vrij"


class Herkomst(enum.Enum):
    """Where a result of the examenjaar was obtained outside the school's own exam (art. 3.33 lid 4).

    On the candidate's timely written request the school counts in its uitslag the grades of a
    deelstaatsexamen or of an exam in one or more subjects at an instelling voor educatie en
    beroepsonderwijs (vavo) taken in the same year.
    """

    DEELSTAATSEXAMEN = "deelstaatsexamen"
    VAVO = "vavo"


class Rol(enum.Enum):
    """The beroepsgerichte role of a vmbo subject, when it differs from the code table."""

    __hash__ = object.__hash__  # by identity, at C speed (equality is identity)

    PROFIELVAK = "profielvak"
    KEUZEVAK = "keuzevak"


def _vakken(value: Iterable[ExamResult]) -> tuple[ExamResult, ...]:
    out: tuple[ExamResult, ...] = f.as_tuple(value)
    return out


f.keeps_tuples(_vakken)


@attrs.frozen
class ExamResult:
    """The result of one subject of a candidate's exam.

    Attributes:
        vakcode: The 4-digit vakcode (checked by rule ``BRON.EXAMEN.VAKCODE``).
        se: The schoolexamen grade: one decimal when the subject has a CE,
            a whole number when it has none (art. 3.13 lid 1 and 2).
        ce: The centraal examen grade of tijdvak 1 (one decimal).
        ce2: The CE grade of tijdvak 2 (herkansing or verhindering), if any.
        ce3: The CE grade of tijdvak 3, if any.
        beoordeling: goed/voldoende/onvoldoende for LO and vmbo kunstvakken (art. 3.13 lid 3).
        eindcijfer: The eindcijfer as the school reports it, if given; the
            library computes its own and rule ``BRON.EXAMEN.EINDCIJFER`` compares.
        examendeel: gemeenschappelijk, profiel or vrij deel.
        rol: vmbo only: profielvak or keuzevak, when the code table's role must be overridden.
        combinatiecijfer: True for an optional combinatiecijfer component the
            school names in its examenreglement (art. 3.34 lid 2 and 3).
        extra: True for a subject beyond the required programme, which may be
            left out of the uitslag when that makes the candidate pass (art. 3.33 lid 3).
        diplomavak: The BRON indicator "meegenomen bij de uitslag", as reported.
        programma: The level of a subject taken at a higher level (``havo``,
            ``vwo``, ``vmbo-tl`` ...; art. 3.9, 3.37), or ``None``.
        vrijstelling: True when the candidate is exempt (art. 3.8); the subject
            then has no grades and does not count in the uitslag.
        certificaat: The BRON indicator "certificaat behaald", as reported.
        schooljaar_eindcijfer: The school year (``"2020-2021"``) in which the
            eindcijfer of a vmbo profielvak finished in an earlier year was obtained;
            from 2020-2021 or 2021-2022 it counts in the CE mean (art. 10.5 lid 1).
        herkomst: ``deelstaatsexamen`` or ``vavo`` for a result of the same year obtained
            outside the school's own exam and counted at the candidate's request (art. 3.33 lid 4);
            ``None`` for the school's own exam.
    """

    vakcode: str = attrs.field(validator=f.text)
    se: Decimal | None = attrs.field(default=None, validator=f.opt_decimal)
    ce: Decimal | None = attrs.field(default=None, validator=f.opt_decimal)
    ce2: Decimal | None = attrs.field(default=None, validator=f.opt_decimal)
    ce3: Decimal | None = attrs.field(default=None, validator=f.opt_decimal)
    beoordeling: Beoordeling | None = attrs.field(
        default=None, validator=f.member(Beoordeling, optional=True)
    )
    eindcijfer: int | None = attrs.field(default=None, validator=f.opt_integer)
    examendeel: Examendeel | None = attrs.field(default=None, validator=f.member(Examendeel, optional=True))
    rol: Rol | None = attrs.field(default=None, validator=f.member(Rol, optional=True))
    combinatiecijfer: bool = attrs.field(default=False, validator=f.boolean)
    extra: bool = attrs.field(default=False, validator=f.boolean)
    diplomavak: bool | None = attrs.field(default=None, validator=f.opt_boolean)
    programma: str | None = attrs.field(default=None, validator=f.opt_text)
    vrijstelling: bool = attrs.field(default=False, validator=f.boolean)
    certificaat: bool | None = attrs.field(default=None, validator=f.opt_boolean)
    schooljaar_eindcijfer: str | None = attrs.field(default=None, validator=f.opt_text)
    herkomst: Herkomst | None = attrs.field(default=None, validator=f.member(Herkomst, optional=True))

    @property
    def heeft_ce(self) -> bool:
        """True when a CE grade of any tijdvak is present."""
        return self.ce is not None or self.ce2 is not None or self.ce3 is not None

    @property
    def ce_definitief(self) -> Decimal | None:
        """The highest CE grade of the tijdvakken (art. 3.39 lid 1), or ``None``."""
        best: Decimal | None = None
        for c in (self.ce, self.ce2, self.ce3):
            if c is not None and (best is None or c > best):
                best = c
        return best


@attrs.frozen
class Profielwerkstuk:
    """The profielwerkstuk: a whole-number grade (havo/vwo) or a beoordeling (vmbo, art. 3.14).

    Attributes:
        cijfer: havo/vwo: the grade 1–10, a component of the combinatiecijfer (art. 3.34 lid 2).
        beoordeling: vmbo: goed/voldoende/onvoldoende (art. 3.14 lid 1, 3.35 lid 1 f).
        titel: Title or theme (BRON *titel/thema werkstuk*).
    """

    cijfer: int | None = attrs.field(default=None, validator=f.opt_integer)
    beoordeling: Beoordeling | None = attrs.field(
        default=None, validator=f.member(Beoordeling, optional=True)
    )
    titel: str | None = attrs.field(default=None, validator=f.opt_text)


@attrs.frozen
class Examenkandidaat:
    """A candidate's exam: what one BRON cijferlijst holds.

    Attributes:
        schoolsoort: vwo, havo or a vmbo leerweg.
        examenjaar: The calendar year in which the uitslag is determined
            (Regeling gegevenslevering onderwijsnummer VO, bijlage 2 item 6).
        vakken: The subject results.
        profielwerkstuk: The profielwerkstuk, if any.
        leerwerktraject: vmbo-bb only: the exam closes a leer-werktraject and is
            judged by art. 3.35 lid 6 (send ``False`` when the subjects form the
            full basisberoepsgerichte exam: lid 1 then applies).
        elementcode: The elementcode of the profile / leerweg.
        onderwijsaanbieder: The RIO onderwijsaanbieder (``nnnAnnn``); DUO requires it.
        datum_uitslag: The date the uitslag was determined.
        uitslag: The uitslag as the school reports it, if any.
        cum_laude: The judicium cum laude as the school reports it (diploma), if
            any; rule ``BRON.EXAMEN.CUM_LAUDE`` compares it with art. 3.47 / 3.48.
        student: The candidate's identity, if known.
    """

    schoolsoort: Schoolsoort = attrs.field(validator=f.member(Schoolsoort))
    examenjaar: int = attrs.field(validator=f.integer)
    vakken: tuple[ExamResult, ...] = attrs.field(
        converter=_vakken, validator=f.items(ExamResult, "ExamResult objects")
    )
    profielwerkstuk: Profielwerkstuk | None = attrs.field(
        default=None, validator=f.instance(Profielwerkstuk, "a Profielwerkstuk", optional=True)
    )
    leerwerktraject: bool = attrs.field(default=False, validator=f.boolean)
    elementcode: str | None = attrs.field(default=None, validator=f.opt_text)
    onderwijsaanbieder: str | None = attrs.field(default=None, validator=f.opt_text)
    datum_uitslag: dt.date | None = attrs.field(default=None, validator=f.opt_date)
    uitslag: Uitslag | None = attrs.field(default=None, validator=f.member(Uitslag, optional=True))
    cum_laude: bool | None = attrs.field(default=None, validator=f.opt_boolean)
    student: Student | None = attrs.field(
        default=None, repr=False, validator=f.instance(Student, "a Student", optional=True)
    )
