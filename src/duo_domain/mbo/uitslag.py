"""The MBO pass/fail check (Ekb WEB art. 17 with the transitional art. 18c) and its JSON document.

The examencommissie decides the uitslag of an MBO exam with Ekb WEB
(Examen- en kwalificatiebesluit beroepsopleidingen WEB, BWBR0027963) art. 17:

* **lid 1, entree**: specifieke onderdelen and the keuzedeel at least 6 or
  «voldoende» (a), loopbaan en burgerschap «voldaan» (b), rekenen «voldaan» (c);
* **lid 2, niveau 2 and 3**: of Nederlandse taal and rekenen one at least 5
  and the other at least 6 (a), specifieke onderdelen (b), loopbaan en
  burgerschap (c), keuzedelen (d);
* **lid 3, niveau 4**: of Engels, Nederlandse taal and rekenen one at least 5
  and the others at least 6 (a), then b-d as in lid 2.

Four rule sets (regelsets) cover every datum uitslag from 2020-03-15, each named
in the result:

* ``ekb-2020-03`` — art. 17 as it read from 2020-03-15 to 2020-07-31 (version
  of 15 March 2020): niveau 2/3 Nederlandse taal at least 5 and rekenen only
  taken; niveau 4 of Nederlandse taal and Engels one at least 5 and the other at
  least 6, rekenen only taken; entree has no rekenen condition; every level
  needs only that the keuzedeel exam has been taken (lid 1 c, lid 2 d, lid 3 d).
  Art. 18a of that text (COVID-19) let the bevoegd gezag drop rekenen and the
  keuzedelen for a student who graduated by 2020-12-31: a decision the data
  does not hold, so it is named in the reason and never applied;
* ``ekb-2020-08`` — the text from 2020-08-01 to 2022-07-31: the generic parts
  as above, and the keuzedelen count with their grades (lid 1 a, lid 2 d and
  lid 3 d in their present wording) for a student who started on or after
  2020-08-01;
* ``overgangsrecht-18c`` — art. 18c: a student who started the opleiding
  before 2022-08-01 (lid 1), or who started the 2nd, 3rd or 4th studiejaar
  before 2023-08-01, 2024-08-01 or 2025-08-01 (lid 2), **and** finishes within
  the studieduur plus two studiejaren, keeps art. 17 lid 2 a and lid 3 a as
  they read on 2022-07-31, and art. 17 lid 1 c (entree rekenen) does not apply;
* ``ekb-2022`` — the text in force since 2022-08-01 (Stb. 2022, 62): lid 1 c
  entree rekenen «voldaan»; lid 2 a of Nederlandse taal and rekenen one at
  least 5 and the other at least 6; lid 3 a of Engels, Nederlandse taal and
  rekenen one at least 5 and the others at least 6.

Keuzedelen are part of the exam only of an opleiding the student started on
or after 2016-08-01 (art. 18 lid 1, in every text from 2020-03-15 on): a
student who started earlier has no keuzedeel condition at all. Keuzedelen
count with their grades only for a student who started on or after
2020-08-01 (the start of the keuzedelen slaag-zakregeling, postponed by two
years from 2018); a student who started in between needs only that the
keuzedeel exam has been taken, under every rule set. The text of 2020-03-15
says so for its period. For later periods the 2020-08-01 cohort limit is
**not** in the consolidated Ekb (its transitional articles 18 to 19b hold no
keuzedeel uitslag provision) and rests on the announced introduction
(Kamerbrief of September 2017 on postponing the keuzedelen
slaag-zakregeling to the cohort 2020-2021); the amending decree could not be
read at its source (see the guide). A datum uitslag before 2020-03-15 is
refused (``UnsupportedPeriod``).

[`choose_regelset`][duo_domain.mbo.uitslag.choose_regelset] picks the rule set from the cohort start, the
nominal
studieduur and the datum uitslag, and says why. [`compute_uitslag`][duo_domain.mbo.uitslag.compute_uitslag]
applies the rules and reports **every** failed condition with its article.
[`duo_domain.serialize.json.loads_mbo_uitslag`][duo_domain.serialize.json.loads_mbo_uitslag] reads the public
``"sector": "mbo"`` JSON document (JSON Schema ``schemas/mbo-uitslag.schema.json``
in this package) into an [`UitslagInput`][duo_domain.mbo.uitslag.UitslagInput].

Examples:
    >>> import datetime as dt
    >>> from decimal import Decimal as D
    >>> u = compute_uitslag(UitslagInput(
    ...     niveau=4, cohort_start=dt.date(2023, 8, 1), studieduur_jaren=3,
    ...     datum_uitslag=dt.date(2026, 7, 1),
    ...     generieke_onderdelen=(
    ...         GeneriekInput(Onderdeel.NEDERLANDS, D("6.9"), D("4.1"), code="3005"),
    ...         GeneriekInput(Onderdeel.ENGELS, D(7), D(6)),
    ...         GeneriekInput(Onderdeel.REKENEN, eindcijfer=D(5)))))
    >>> d = u.to_dict()
    >>> d["uitslag"], d["eindcijfers"], d["beoordeeld"]
    ('geslaagd', {'nederlands': 6, 'engels': 7, 'rekenen': 5}, ['generieke_onderdelen'])
    >>> d["regelset"].split(":")[0]
    'ekb-2022'
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from duo_domain import _fields as f
from duo_domain._sources import EKB
from duo_domain._uitslag import Reden, Uitslag
from duo_domain.calendar import plus_dagen, plus_jaren
from duo_domain.codes import Codetabellen
from duo_domain.errors import DocumentProblem, InvalidDocument, InvalidValue, UnsupportedPeriod
from duo_domain.mbo.examencodes import Onderdeel, examencodetabel
from duo_domain.mbo.grades import eindwaardering, is_eindcijfer
from duo_domain.mbo.results import Diploma, KeuzedeelUitkomst

__all__ = [
    "EERSTE_TEKST",
    "INVOERING_2022",
    "KEUZEDELEN_2016",
    "KEUZEDELEN_2020",
    "REGELS",
    "SECTIES",
    "WAARDERINGEN",
    "GeneriekInput",
    "KeuzedeelInput",
    "OnderdeelInput",
    "Reden",
    "Regelset",
    "RegelsetKeuze",
    "Uitslag",
    "UitslagInput",
    "UitslagResultaat",
    "choose_regelset",
    "compute_uitslag",
    "uitslag_from_diploma",
]

#: The day Stb. 2022, 62 changed art. 17 (rekenen counts in the uitslag).
INVOERING_2022 = dt.date(2022, 8, 1)

#: The first day of the earliest text of art. 17 the library holds (the version of 15 March 2020).
EERSTE_TEKST = dt.date(2020, 3, 15)

#: Keuzedelen are part of the exam of an opleiding started on or after this day (Ekb WEB art. 18 lid 1).
KEUZEDELEN_2016 = dt.date(2016, 8, 1)

#: Keuzedelen count with their grades for a student who started on or after this day
#: (and the text of art. 17 in force from this day says so).
KEUZEDELEN_2020 = dt.date(2020, 8, 1)

#: The last day a student may graduate under the COVID-19 provision (art. 18a, text of 2020-03-15).
_COVID_18A_TOT = dt.date(2020, 12, 31)

#: The sections of the uitslag document, in report order.
SECTIES: tuple[str, ...] = (
    "generieke_onderdelen",
    "specifieke_onderdelen",
    "loopbaan_en_burgerschap",
    "keuzedelen",
)

#: The word scale of Ekb WEB art. 15 lid 2 for parts without a grade.
WAARDERINGEN: tuple[str, ...] = (
    "zeer slecht",
    "slecht",
    "ruim onvoldoende",
    "onvoldoende",
    "bijna voldoende",
    "voldoende",
    "ruim voldoende",
    "goed",
    "zeer goed",
    "uitmuntend",
)
_VOLDOENDE_OF_BETER = frozenset(WAARDERINGEN[WAARDERINGEN.index("voldoende") :])
_VOLDAAN = ("voldaan", "niet voldaan")
_NIVEAU_NAAM = {1: "entree", 2: "basisberoeps", 3: "vak", 4: "middenkader/specialist"}
_SIX = Decimal(6)
_FIVE = Decimal(5)
_FOUR = Decimal(4)

_EKB = f"{EKB} art. 17"


class Regelset(enum.Enum):
    """Which text of Ekb WEB art. 17 judges a student (the MBO rule set).

    Examples:
        >>> [r.value for r in Regelset]
        ['ekb-2020-03', 'ekb-2020-08', 'overgangsrecht-18c', 'ekb-2022']
    """

    EKB_2020_03 = "ekb-2020-03"
    EKB_2020_08 = "ekb-2020-08"
    OVERGANGSRECHT_18C = "overgangsrecht-18c"
    EKB_2022 = "ekb-2022"

    @property
    def rekenen_telt(self) -> bool:
        """Whether the rekenen grade counts (only in the text of 2022-08-01)."""
        return self is Regelset.EKB_2022


@attrs.frozen
class RegelsetKeuze:
    """The rule set that applies and why.

    Attributes:
        regelset: The rule set.
        reden: Plain-language reason, with the dates compared.
        artikel: The article the choice rests on.
        uiterlijk: The last day of the period studieduur + 2 studiejaren, or
            ``None`` when the student is not in a transitional group.
        keuzedelen_tellen: ``True`` when the keuzedelen count with their
            grades (a student who started on or after 2020-08-01, under a text
            from 2020-08-01); ``False`` when only the keuzedeel exam having been
            taken counts.
        keuzedelen_in_examen: ``False`` for a student who started before
            2016-08-01, whose exam has no keuzedelen (art. 18 lid 1), so no
            keuzedeel condition applies.
    """

    regelset: Regelset
    reden: str
    artikel: str
    uiterlijk: dt.date | None = None
    keuzedelen_tellen: bool = True
    keuzedelen_in_examen: bool = True

    def __str__(self) -> str:
        return f"{self.regelset.value}: {self.reden}"

    @property
    def tekst(self) -> str:
        """Which wording of art. 17 onderdeel a (the generic parts) applies, for the citations."""
        if self.regelset is Regelset.OVERGANGSRECHT_18C:
            return f" (tekst 31-07-2022, via {self.artikel.removeprefix(EKB + ' ')} onderdeel a)"
        if self.regelset is Regelset.EKB_2020_03:
            return " (tekst 15-03-2020)"
        if self.regelset is Regelset.EKB_2020_08:
            return " (tekst 01-08-2020)"
        return ""

    @property
    def keuzedelen_tekst(self) -> str:
        """Which wording of the keuzedeel condition applies, for the citations."""
        return "" if self.keuzedelen_tellen else " (tekst 15-03-2020: keuzedeel examen afgelegd)"


def _plus_years(day: dt.date, years: int) -> dt.date:
    return plus_jaren(day, years)


def choose_regelset(
    *,
    cohort_start: dt.date,
    studieduur_jaren: int,
    datum_uitslag: dt.date,
    instroom_studiejaar: int = 1,
) -> RegelsetKeuze:
    """Choose the rule set of Ekb WEB art. 17 / 18c for one student.

    The datum uitslag picks the text of art. 17 in force on that day
    (``ekb-2020-03`` from 2020-03-15, ``ekb-2020-08`` from 2020-08-01,
    ``ekb-2022`` from 2022-08-01). From 2022-08-01 a student of a
    transitional group of art. 18c keeps the rekenen rule of the earlier text
    (``overgangsrecht-18c``) while the uitslag falls within the period
    "studieduur vermeerderd met twee studiejaren": taken to start on
    ``cohort_start`` and to last ``studieduur_jaren + 2`` years, its last day
    is the day before the same date that many years later. Independently,
    keuzedelen count with their grades only for a student who started on or
    after 2020-08-01 (``keuzedelen_tellen``).

    Args:
        cohort_start: The day the student started the opleiding (or, for a
            student who entered in a later studiejaar, that studiejaar).
        studieduur_jaren: The nominal studieduur that applies to the student, in years.
        datum_uitslag: The day the uitslag is determined.
        instroom_studiejaar: The studiejaar of the opleiding the student
            started in on ``cohort_start`` (1 unless the student entered later;
            art. 18c lid 2 covers entry into year 2, 3 or 4).

    Raises:
        UnsupportedPeriod: for a datum uitslag before 2020-03-15, the earliest
            text of art. 17 the library holds.
        ValueError: for a studieduur or instroom studiejaar below 1.

    Examples:
        >>> import datetime as dt
        >>> choose_regelset(cohort_start=dt.date(2022, 7, 31), studieduur_jaren=3,
        ...               datum_uitslag=dt.date(2025, 7, 1)).regelset.value
        'overgangsrecht-18c'
        >>> choose_regelset(cohort_start=dt.date(2022, 8, 1), studieduur_jaren=3,
        ...               datum_uitslag=dt.date(2025, 7, 1)).regelset.value
        'ekb-2022'
        >>> late = choose_regelset(cohort_start=dt.date(2021, 8, 1), studieduur_jaren=3,
        ...                      datum_uitslag=dt.date(2026, 8, 1))
        >>> late.regelset.value, late.uiterlijk
        ('ekb-2022', datetime.date(2026, 7, 31))
        >>> old = choose_regelset(cohort_start=dt.date(2019, 8, 1), studieduur_jaren=2,
        ...                     datum_uitslag=dt.date(2021, 6, 30))
        >>> old.regelset.value, old.keuzedelen_tellen
        ('ekb-2020-08', False)
        >>> choose_regelset(cohort_start=dt.date(2016, 7, 31), studieduur_jaren=4,
        ...                 datum_uitslag=dt.date(2020, 7, 1)).keuzedelen_in_examen   # art. 18 lid 1
        False
    """
    if studieduur_jaren < 1:
        raise ValueError(f"studieduur_jaren must be 1 or more, got {studieduur_jaren}")
    if instroom_studiejaar < 1:
        raise ValueError(f"instroom_studiejaar must be 1 or more, got {instroom_studiejaar}")
    if datum_uitslag < EERSTE_TEKST:
        raise UnsupportedPeriod(
            f"datum uitslag {datum_uitslag} is before {EERSTE_TEKST}: the library holds the text of "
            f"Ekb WEB art. 17 from {EERSTE_TEKST} (version of 15 March 2020) onward"
        )
    keuze = (
        _regelset_voor_2022(cohort_start, datum_uitslag)
        if datum_uitslag < INVOERING_2022
        else _regelset_vanaf_2022(cohort_start, studieduur_jaren, datum_uitslag, instroom_studiejaar)
    )
    return _met_keuzedelen(keuze, cohort_start, datum_uitslag)


def _regelset_voor_2022(cohort_start: dt.date, datum_uitslag: dt.date) -> RegelsetKeuze:
    """The text of art. 17 in force on a datum uitslag before 2022-08-01."""
    if datum_uitslag < KEUZEDELEN_2020:
        regelset, sinds = Regelset.EKB_2020_03, EERSTE_TEKST
    else:
        regelset, sinds = Regelset.EKB_2020_08, KEUZEDELEN_2020
    reden = (
        f"uitslag {datum_uitslag} falls under the text of art. 17 in force from {sinds} to "
        f"{plus_dagen(INVOERING_2022, -1)}: rekenen must be taken, its grade does not count"
    )
    if datum_uitslag <= _COVID_18A_TOT:
        reden += (
            "; art. 18a (COVID-19) let the bevoegd gezag drop rekenen and the keuzedelen for a student "
            f"who graduated by {_COVID_18A_TOT}: such a decision is not in the data and is not applied"
        )
    return RegelsetKeuze(regelset, reden, f"{_EKB} (tekst {sinds.strftime('%d-%m-%Y')})")


def _regelset_vanaf_2022(
    cohort_start: dt.date, studieduur_jaren: int, datum_uitslag: dt.date, instroom_studiejaar: int
) -> RegelsetKeuze:
    """From 2022-08-01: the 2022 text, or art. 18c for a transitional group within its period."""
    if cohort_start < INVOERING_2022:
        groep = f"started on {cohort_start}, before {INVOERING_2022}"
        artikel = "Ekb WEB art. 18c lid 1"
    elif 2 <= instroom_studiejaar <= 4 and cohort_start < dt.date(2021 + instroom_studiejaar, 8, 1):
        grens = dt.date(2021 + instroom_studiejaar, 8, 1)
        groep = f"started studiejaar {instroom_studiejaar} on {cohort_start}, before {grens}"
        artikel = "Ekb WEB art. 18c lid 2"
    else:
        return RegelsetKeuze(
            Regelset.EKB_2022,
            f"started on {cohort_start}, on or after {INVOERING_2022}"
            + (f" (in studiejaar {instroom_studiejaar})" if instroom_studiejaar > 1 else ""),
            "Ekb WEB art. 17 (Stb. 2022, 62)",
        )
    uiterlijk = plus_dagen(_plus_years(cohort_start, studieduur_jaren + 2), -1)
    if datum_uitslag <= uiterlijk:
        return RegelsetKeuze(
            Regelset.OVERGANGSRECHT_18C,
            f"{groep}; uitslag {datum_uitslag} within studieduur {studieduur_jaren} + 2 studiejaren "
            f"(until {uiterlijk})",
            artikel,
            uiterlijk,
        )
    return RegelsetKeuze(
        Regelset.EKB_2022,
        f"{groep}, but uitslag {datum_uitslag} falls after studieduur {studieduur_jaren} + 2 studiejaren "
        f"(ended {uiterlijk}), so the transitional rule for rekenen no longer applies",
        artikel,
        uiterlijk,
    )


def _met_keuzedelen(keuze: RegelsetKeuze, cohort_start: dt.date, datum_uitslag: dt.date) -> RegelsetKeuze:
    """Add whether the keuzedelen count with their grades (cohort from 2020-08-01, text from 2020-08-01)."""
    if datum_uitslag >= KEUZEDELEN_2020 and cohort_start >= KEUZEDELEN_2020:
        return keuze
    if cohort_start < KEUZEDELEN_2016:
        why = f"keuzedelen: started on {cohort_start}, before {KEUZEDELEN_2016}: none (art. 18 lid 1)"
        return attrs.evolve(
            keuze, reden=f"{keuze.reden}; {why}", keuzedelen_tellen=False, keuzedelen_in_examen=False
        )
    if datum_uitslag < KEUZEDELEN_2020:
        why = (
            "keuzedelen: the exam must have been taken (art. 17 lid 1 c, lid 2 d, lid 3 d, tekst 15-03-2020)"
        )
    else:
        why = (
            f"keuzedelen: started on {cohort_start}, before {KEUZEDELEN_2020}, so only the keuzedeel exam "
            "having been taken counts (slaag-zakregeling keuzedelen from the cohort 2020-2021)"
        )
    return attrs.evolve(keuze, reden=f"{keuze.reden}; {why}", keuzedelen_tellen=False)


# --------------------------------------------------------------------------- input


def _optional(check: f.Validator) -> f.Validator:
    """``check``, or ``None``: a section left out."""

    def optional(inst: object, attr: Any, value: Any) -> None:
        if value is not None:
            check(inst, attr, value)

    return optional


def _one_of(inst: object, attr: Any, value: Any, allowed: tuple[int, ...]) -> None:
    if value not in allowed:
        raise InvalidValue(
            f"expected one of {', '.join(map(str, allowed))}", field=f"{type(inst).__name__}.{attr.name}"
        )


@attrs.frozen
class GeneriekInput:
    """One result for Nederlands, Engels or rekenen in an uitslag.

    Give the IE and/or CE grade (one decimal), or the eindcijfer (whole), or
    a beoordeling (``"voldaan"`` / ``"niet voldaan"``, for entree rekenen).
    A part may appear more than once (a herkansing, or the part also taken at
    a higher level, Ekb WEB art. 3a and 8); the highest eindwaardering counts.

    Attributes:
        onderdeel: Which generic part.
        ie: Instellingsexamen grade.
        ce: Centraal examen grade.
        eindcijfer: Whole-number eindwaardering.
        beoordeling: ``"voldaan"`` or ``"niet voldaan"``.
        code: The code from the generieke examenonderdelencodetabel, if given.
        vrijstelling: The vrijstelling code, if the part (or its IE or CE) is exempted.
    """

    onderdeel: Onderdeel = attrs.field(validator=f.member(Onderdeel))
    ie: Decimal | None = attrs.field(default=None, validator=f.opt_decimal)
    ce: Decimal | None = attrs.field(default=None, validator=f.opt_decimal)
    eindcijfer: Decimal | None = attrs.field(default=None, validator=f.opt_decimal)
    beoordeling: str | None = attrs.field(default=None, validator=f.opt_text)
    code: str | None = attrs.field(default=None, validator=f.opt_text)
    vrijstelling: str | None = attrs.field(default=None, validator=f.opt_text)

    def cijfer(self) -> Decimal | None:
        """The whole-number eindwaardering (art. 15), or ``None`` for a beoordeling only."""
        if self.eindcijfer is not None:
            return self.eindcijfer
        if self.ie is not None or self.ce is not None:
            return eindwaardering(self.ie, self.ce)
        return None


@attrs.frozen
class OnderdeelInput:
    """A specifiek examenonderdeel: a whole-number eindcijfer or a word of art. 15 lid 2."""

    eindcijfer: Decimal | None = attrs.field(default=None, validator=f.opt_decimal)
    beoordeling: str | None = attrs.field(default=None, validator=f.opt_text)

    def voldoende(self) -> bool:
        """At least 6 or at least «voldoende»."""
        if self.eindcijfer is not None:
            return self.eindcijfer >= _SIX
        return self.beoordeling in _VOLDOENDE_OF_BETER


@attrs.frozen
class KeuzedeelInput:
    """A keuzedeel result.

    Attributes:
        code: The keuzedeel code, if given.
        eindcijfer: Whole-number eindwaardering.
        beoordeling: A word of art. 15 lid 2.
        extra: ``True`` for a keuzedeel beyond those that make up the minimum
            studielast (art. 17d); it does not count (art. 17 lid 2 d / 3 d).
    """

    code: str | None = attrs.field(default=None, validator=f.opt_text)
    eindcijfer: Decimal | None = attrs.field(default=None, validator=f.opt_decimal)
    beoordeling: str | None = attrs.field(default=None, validator=f.opt_text)
    extra: bool = attrs.field(default=False, validator=f.boolean)

    def voldoende(self) -> bool:
        """At least 6 or at least «voldoende»."""
        if self.eindcijfer is not None:
            return self.eindcijfer >= _SIX
        return self.beoordeling in _VOLDOENDE_OF_BETER


@attrs.frozen
class UitslagInput:
    """Everything the uitslag is computed from. A section left ``None`` is not judged.

    Attributes:
        niveau: 1 (entree), 2, 3 or 4.
        cohort_start: The day the student started the opleiding.
        studieduur_jaren: The nominal studieduur in years.
        datum_uitslag: The day the uitslag is determined.
        instroom_studiejaar: The studiejaar the student started in (art. 18c lid 2).
        generieke_onderdelen: Nederlands, Engels and rekenen results.
        specifieke_onderdelen: Specifieke examenonderdelen.
        loopbaan_en_burgerschap: ``"voldaan"`` or ``"niet voldaan"``.
        keuzedelen: Keuzedeel results.
    """

    niveau: int = attrs.field(validator=[f.integer, lambda i, a, v: _one_of(i, a, v, (1, 2, 3, 4))])
    cohort_start: dt.date = attrs.field(validator=f.date)
    studieduur_jaren: int = attrs.field(validator=f.integer)
    datum_uitslag: dt.date = attrs.field(validator=f.date)
    instroom_studiejaar: int = attrs.field(default=1, validator=f.integer)
    generieke_onderdelen: tuple[GeneriekInput, ...] | None = attrs.field(
        default=None, converter=f.as_tuple, validator=_optional(f.items(GeneriekInput, "GeneriekInput"))
    )
    specifieke_onderdelen: tuple[OnderdeelInput, ...] | None = attrs.field(
        default=None, converter=f.as_tuple, validator=_optional(f.items(OnderdeelInput, "OnderdeelInput"))
    )
    loopbaan_en_burgerschap: str | None = attrs.field(default=None, validator=f.opt_text)
    keuzedelen: tuple[KeuzedeelInput, ...] | None = attrs.field(
        default=None, converter=f.as_tuple, validator=_optional(f.items(KeuzedeelInput, "KeuzedeelInput"))
    )

    def secties(self) -> tuple[str, ...]:
        """The sections given, in report order."""
        given = {
            "generieke_onderdelen": self.generieke_onderdelen is not None,
            "specifieke_onderdelen": self.specifieke_onderdelen is not None,
            "loopbaan_en_burgerschap": self.loopbaan_en_burgerschap is not None,
            "keuzedelen": self.keuzedelen is not None,
        }
        return tuple(s for s in SECTIES if given[s])


# --------------------------------------------------------------------------- output


@attrs.frozen
class UitslagResultaat:
    """The outcome of the MBO pass/fail check.

    The VO result ([`duo_domain.vo.UitslagResultaat`][duo_domain.vo.UitslagResultaat]) has the same shape:
    ``uitslag``, ``redenen``, ``regelset``, ``eindcijfers``, ``geslaagd`` and ``to_dict()``.

    Attributes:
        uitslag: geslaagd or afgewezen.
        niveau: The opleiding's niveau.
        regelset: The rule set applied, with its reason.
        eindcijfers: Per generic part, the eindwaardering that counted
            (a whole number, or ``"voldaan"`` / ``"niet voldaan"``).
        beoordeeld: The sections the uitslag covers.
        redenen: Every failed condition, with its article.
        niet_beoordeeld: Conditions that could not be judged because the
            data does not hold them (only for register data, see
            [`uitslag_from_diploma`][duo_domain.mbo.uitslag.uitslag_from_diploma]).
    """

    uitslag: Uitslag
    niveau: int
    regelset: RegelsetKeuze
    eindcijfers: Mapping[str, int | str]
    beoordeeld: tuple[str, ...]
    redenen: tuple[Reden, ...] = ()
    niet_beoordeeld: tuple[str, ...] = ()

    @property
    def geslaagd(self) -> bool:
        """Whether the exam was passed on the sections judged."""
        return self.uitslag is Uitslag.GESLAAGD

    def to_dict(self) -> dict[str, Any]:
        """The output contract of ``duo-domain uitslag --json`` for an MBO document."""
        return {
            "uitslag": self.uitslag.value,
            "regelset": str(self.regelset),
            "eindcijfers": dict(self.eindcijfers),
            "beoordeeld": list(self.beoordeeld),
            "redenen": [r.to_dict() for r in self.redenen],
        }

    def format_text(self) -> str:
        """A readable explanation for people."""
        lines = [
            f"MBO uitslag: {self.uitslag.value.upper()}",
            f"Niveau {self.niveau} ({_NIVEAU_NAAM[self.niveau]})",
            f"Regelset: {self.regelset.regelset.value} ({self.regelset.artikel})",
            f"  {self.regelset.reden}",
        ]
        if self.eindcijfers:
            lines.append("Eindcijfers: " + ", ".join(f"{k} {v}" for k, v in self.eindcijfers.items()))
        lines.append("Beoordeeld: " + (", ".join(self.beoordeeld) if self.beoordeeld else "(niets)"))
        not_given = [s for s in SECTIES if s not in self.beoordeeld]
        if not_given:
            lines.append("Niet opgegeven, dus niet beoordeeld: " + ", ".join(not_given))
        if self.redenen:
            lines.append("Redenen:")
            lines.extend(f"  - {r.toelichting} [{r.artikel}]" for r in self.redenen)
        if self.niet_beoordeeld:
            lines.append("Niet te beoordelen uit deze gegevens:")
            lines.extend(f"  - {n}" for n in self.niet_beoordeeld)
        return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- the check

#: The rule ids of the catalogue (:mod:`duo_domain.mbo.uitslag_rules`) the reasons carry.
ENTREE_REKENEN = "ROD.UITSLAG.ENTREE_REKENEN"
NEDERLANDS_REKENEN = "ROD.UITSLAG.NEDERLANDS_REKENEN"
NEDERLANDS_ENGELS_REKENEN = "ROD.UITSLAG.NEDERLANDS_ENGELS_REKENEN"
OVERGANG_NEDERLANDS = "ROD.UITSLAG.OVERGANG_NEDERLANDS"
OVERGANG_NEDERLANDS_ENGELS = "ROD.UITSLAG.OVERGANG_NEDERLANDS_ENGELS"
OVERGANG_REKENEN_AFGELEGD = "ROD.UITSLAG.OVERGANG_REKENEN_AFGELEGD"
SPECIFIEK = "ROD.UITSLAG.SPECIFIEK"
LOOPBAAN_BURGERSCHAP = "ROD.UITSLAG.LOOPBAAN_BURGERSCHAP"
KEUZEDEEL = "ROD.UITSLAG.KEUZEDEEL"
KEUZEDEEL_AFGELEGD = "ROD.UITSLAG.KEUZEDEEL_AFGELEGD"
KEUZEDELEN_GEMIDDELDE = "ROD.UITSLAG.KEUZEDELEN_GEMIDDELDE"
KEUZEDELEN_HELFT = "ROD.UITSLAG.KEUZEDELEN_HELFT"
KEUZEDELEN_MINIMAAL_4 = "ROD.UITSLAG.KEUZEDELEN_MINIMAAL_4"

#: Every rule id a :class:`Reden` of the MBO uitslag can carry.
REGELS: tuple[str, ...] = (
    ENTREE_REKENEN,
    NEDERLANDS_REKENEN,
    NEDERLANDS_ENGELS_REKENEN,
    OVERGANG_NEDERLANDS,
    OVERGANG_NEDERLANDS_ENGELS,
    OVERGANG_REKENEN_AFGELEGD,
    SPECIFIEK,
    LOOPBAAN_BURGERSCHAP,
    KEUZEDEEL,
    KEUZEDEEL_AFGELEGD,
    KEUZEDELEN_GEMIDDELDE,
    KEUZEDELEN_HELFT,
    KEUZEDELEN_MINIMAAL_4,
)


def _cijfer_tekst(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value)


class _Bevinding(NamedTuple):
    """What one condition found: failed conditions, and conditions the data cannot show."""

    redenen: tuple[Reden, ...] = ()
    niet_beoordeeld: tuple[str, ...] = ()


_OK = _Bevinding()


def _samen(*bevindingen: _Bevinding) -> _Bevinding:
    return _Bevinding(
        tuple(r for b in bevindingen for r in b.redenen),
        tuple(n for b in bevindingen for n in b.niet_beoordeeld),
    )


class _Generiek(NamedTuple):
    """The generic parts of one uitslag, grouped, with the best grade of each."""

    per: Mapping[Onderdeel, Sequence[GeneriekInput]]
    beste: Mapping[Onderdeel, Decimal | None]
    volledig: bool


def _voldaan(parts: Iterable[GeneriekInput]) -> bool:
    return any(p.beoordeling == "voldaan" for p in parts)


def _ontbreekt(g: _Generiek, regel: str, artikel: str, onderdeel: Onderdeel, wat: str) -> _Bevinding:
    """A required part with no result: failed in a complete document, not judged in register data."""
    if g.volledig:
        return _Bevinding((Reden(regel, artikel, wat),))
    return _Bevinding(niet_beoordeeld=(f"{onderdeel.value}: no result in the data ({artikel})",))


def _entree_rekenen(g: _Generiek) -> _Bevinding:
    """Ekb WEB art. 17 lid 1 c: entree rekenen «voldaan»."""
    art = f"{_EKB} lid 1 onderdeel c"
    parts = g.per[Onderdeel.REKENEN]
    if not parts:
        if g.volledig:
            return _Bevinding((Reden(ENTREE_REKENEN, art, "no result for rekenen; entree needs «voldaan»"),))
        return _Bevinding(
            niet_beoordeeld=(f"rekenen «voldaan» for entree: DUO's code table has no code for it ({art})",)
        )
    if _voldaan(parts):
        return _OK
    if any(p.beoordeling == "niet voldaan" for p in parts):
        why = "rekenen is «niet voldaan»; entree needs «voldaan»"
    else:
        why = (
            "rekenen has a grade but no beoordeling; for entree the eindwaardering of rekenen is "
            "«voldaan» or «niet voldaan» (art. 15 lid 6)"
        )
    return _Bevinding((Reden(ENTREE_REKENEN, art, why),))


def _rekenen_afgelegd(g: _Generiek, artikel: str) -> _Bevinding:
    """Art. 17 lid 2 a / 3 a as they read on 2022-07-31 (via art. 18c): rekenen taken."""
    if g.per[Onderdeel.REKENEN]:
        return _OK
    if g.volledig:
        return _Bevinding(
            (Reden(OVERGANG_REKENEN_AFGELEGD, artikel, "rekenen must have been taken; no result given"),)
        )
    return _Bevinding(niet_beoordeeld=(f"rekenen taken: no result in the data ({artikel})",))


def _cijfer(g: _Generiek, regel: str, artikel: str, onderdeel: Onderdeel) -> Decimal | _Bevinding:
    """The part's grade, or why the condition cannot use one."""
    grade = g.beste[onderdeel]
    if grade is not None:
        return grade
    if g.per[onderdeel]:
        return _Bevinding(
            (
                Reden(
                    regel,
                    artikel,
                    f"{onderdeel.value} has only a beoordeling; this rule needs a grade (art. 15 lid 1)",
                ),
            )
        )
    return _ontbreekt(g, regel, artikel, onderdeel, f"no result for {onderdeel.value}")


def _minimaal_5(g: _Generiek, regel: str, artikel: str, onderdeel: Onderdeel) -> _Bevinding:
    grade = _cijfer(g, regel, artikel, onderdeel)
    if isinstance(grade, _Bevinding):
        return grade
    if grade < _FIVE:
        return _Bevinding((Reden(regel, artikel, f"{onderdeel.value} {_cijfer_tekst(grade)} is below 5"),))
    return _OK


def _een_vijf(g: _Generiek, regel: str, artikel: str, onderdelen: tuple[Onderdeel, ...]) -> _Bevinding:
    """Of the parts one at least 5, all the others at least 6."""
    found: list[_Bevinding] = []
    present: dict[Onderdeel, Decimal] = {}
    for o in onderdelen:
        grade = _cijfer(g, regel, artikel, o)
        if isinstance(grade, _Bevinding):
            found.append(grade)
        else:
            present[o] = grade
    low = [o for o, v in present.items() if v < _FIVE]
    fives = [o for o, v in present.items() if _FIVE <= v < _SIX]
    names = ", ".join(o.value for o in onderdelen)
    redenen: list[Reden] = []
    if low:
        redenen.append(
            Reden(
                regel,
                artikel,
                "; ".join(f"{o.value} {_cijfer_tekst(present[o])} is below 5" for o in low)
                + f" (of {names} one may be 5, the others at least 6)",
            )
        )
    if len(fives) > 1:
        redenen.append(
            Reden(
                regel,
                artikel,
                " and ".join(f"{o.value} {_cijfer_tekst(present[o])}" for o in fives)
                + f" are below 6; of {names} only one may be 5",
            )
        )
    result = _samen(*found, _Bevinding(tuple(redenen)))
    if not result.redenen and len(present) < len(onderdelen) and not g.volledig:
        return _Bevinding(niet_beoordeeld=(f"{names}: not every result is in the data ({artikel})",))
    return result


def _generiek(
    parts: Sequence[GeneriekInput], niveau: int, keuze: RegelsetKeuze, volledig: bool
) -> tuple[_Bevinding, dict[str, int | str]]:
    """Ekb WEB art. 17 lid 1 c, lid 2 a and lid 3 a, in the text the regelset names."""
    per: dict[Onderdeel, list[GeneriekInput]] = {o: [] for o in Onderdeel}
    for p in parts:
        per[p.onderdeel].append(p)
    beste: dict[Onderdeel, Decimal | None] = {}
    eindcijfers: dict[str, int | str] = {}
    for o in Onderdeel:
        grades = [c for c in (p.cijfer() for p in per[o]) if c is not None]
        beste[o] = max(grades) if grades else None
        if grades:
            eindcijfers[o.value] = int(max(grades))
        elif per[o]:
            eindcijfers[o.value] = "voldaan" if _voldaan(per[o]) else "niet voldaan"
    g = _Generiek(per, beste, volledig)
    oud = not keuze.regelset.rekenen_telt
    if niveau == 1:
        return (_OK if oud else _entree_rekenen(g)), eindcijfers
    if niveau in (2, 3):
        if oud:
            art = f"{_EKB} lid 2 onderdeel a{keuze.tekst}"
            found = _samen(
                _minimaal_5(g, OVERGANG_NEDERLANDS, art, Onderdeel.NEDERLANDS), _rekenen_afgelegd(g, art)
            )
        else:
            found = _een_vijf(
                g, NEDERLANDS_REKENEN, f"{_EKB} lid 2 onderdeel a", (Onderdeel.NEDERLANDS, Onderdeel.REKENEN)
            )
        return found, eindcijfers
    if oud:
        art = f"{_EKB} lid 3 onderdeel a{keuze.tekst}"
        found = _samen(
            _een_vijf(g, OVERGANG_NEDERLANDS_ENGELS, art, (Onderdeel.NEDERLANDS, Onderdeel.ENGELS)),
            _rekenen_afgelegd(g, art),
        )
        return found, eindcijfers
    found = _een_vijf(
        g,
        NEDERLANDS_ENGELS_REKENEN,
        f"{_EKB} lid 3 onderdeel a",
        (Onderdeel.NEDERLANDS, Onderdeel.ENGELS, Onderdeel.REKENEN),
    )
    return found, eindcijfers


def _specifiek(parts: Sequence[OnderdeelInput], niveau: int) -> _Bevinding:
    """Ekb WEB art. 17 lid 1 a, lid 2 b, lid 3 b."""
    art = f"{_EKB} lid {_lid(niveau)} onderdeel {'a' if niveau == 1 else 'b'}"
    return _Bevinding(
        tuple(
            Reden(
                SPECIFIEK,
                art,
                f"specifiek examenonderdeel {i + 1} has "
                f"{_cijfer_tekst(p.eindcijfer) if p.eindcijfer is not None else f'«{p.beoordeling}»'};"
                " at least 6 or «voldoende» is needed",
            )
            for i, p in enumerate(parts)
            if not p.voldoende()
        )
    )


def _loopbaan(value: str, niveau: int) -> _Bevinding:
    """Ekb WEB art. 17 lid 1 b, lid 2 c, lid 3 c."""
    if value == "voldaan":
        return _OK
    art = f"{_EKB} lid {_lid(niveau)} onderdeel {'b' if niveau == 1 else 'c'}"
    return _Bevinding((Reden(LOOPBAAN_BURGERSCHAP, art, f"loopbaan en burgerschap is «{value}»"),))


def _keuzedelen_afgelegd(kds: Sequence[KeuzedeelInput], niveau: int, keuze: RegelsetKeuze) -> _Bevinding:
    """Art. 17 lid 1 c, lid 2 d and lid 3 d (tekst 15-03-2020): the keuzedeel exam has been taken."""
    onderdeel = "c" if niveau == 1 else "d"
    art = f"{_EKB} lid {_lid(niveau)} onderdeel {onderdeel}{keuze.keuzedelen_tekst}"
    if any(not k.extra for k in kds):
        return _OK
    return _Bevinding(
        (
            Reden(
                KEUZEDEEL_AFGELEGD,
                art,
                "no keuzedeel of the opleiding has been examined; the exam must be taken",
            ),
        )
    )


def _keuzedelen(kds: Sequence[KeuzedeelInput], niveau: int, keuze: RegelsetKeuze) -> _Bevinding:
    """Ekb WEB art. 17 lid 1 a, lid 2 d and lid 3 d (none before the 2016 cohort, art. 18 lid 1)."""
    if not keuze.keuzedelen_in_examen:
        return _OK
    if not keuze.keuzedelen_tellen:
        return _keuzedelen_afgelegd(kds, niveau, keuze)
    counted = [k for k in kds if not k.extra]
    art = f"{_EKB} lid 1 onderdeel a" if niveau == 1 else f"{_EKB} lid {_lid(niveau)} onderdeel d"
    if not counted:
        return _Bevinding((Reden(KEUZEDEEL, art, "no keuzedeel that counts towards the minimum studielast"),))
    if niveau == 1 or len(counted) == 1:
        return _Bevinding(
            tuple(
                Reden(KEUZEDEEL, art, f"{_kd_name(k)} has {_kd_value(k)}; at least 6 needed")
                for k in counted
                if not k.voldoende()
            )
        )
    grades = [k.eindcijfer for k in counted if k.eindcijfer is not None]
    if len(grades) < len(counted):
        raise InvalidDocument(
            [
                DocumentProblem(
                    "$.keuzedelen",
                    "with two or more keuzedelen each needs an eindcijfer: the average of art. 17 "
                    f"lid {_lid(niveau)} d 1° needs numbers",
                )
            ],
            document="uitslag input",
        )
    return _keuzedelen_gemiddeld(counted, grades, art)


def _keuzedelen_gemiddeld(
    counted: Sequence[KeuzedeelInput], grades: Sequence[Decimal], art: str
) -> _Bevinding:
    """Art. 17 lid 2 d / 3 d onder 1° and 2°: two or more keuzedelen."""
    redenen: list[Reden] = []
    mean = sum(grades, Decimal(0)) / len(grades)
    if mean < _SIX:
        redenen.append(
            Reden(
                KEUZEDELEN_GEMIDDELDE,
                f"{art} onder 1°",
                f"average of {len(grades)} keuzedelen is {mean.quantize(Decimal('0.01'))}, below 6",
            )
        )
    at_least_six = sum(1 for g in grades if g >= _SIX)
    if at_least_six * 2 < len(grades):
        redenen.append(
            Reden(
                KEUZEDELEN_HELFT,
                f"{art} onder 2°",
                f"{at_least_six} of {len(grades)} keuzedelen are at least 6; at least half must be",
            )
        )
    redenen.extend(
        Reden(
            KEUZEDELEN_MINIMAAL_4,
            f"{art} onder 2°",
            f"{_kd_name(k)} has {_cijfer_tekst(k.eindcijfer)}; every keuzedeel needs at least 4",
        )
        for k in counted
        if k.eindcijfer is not None and k.eindcijfer < _FOUR
    )
    return _Bevinding(tuple(redenen))


def _lid(niveau: int) -> int:
    return 1 if niveau == 1 else 2 if niveau in (2, 3) else 3


def _kd_name(k: KeuzedeelInput) -> str:
    return f"keuzedeel {k.code}" if k.code else "a keuzedeel"


def _kd_value(k: KeuzedeelInput) -> str:
    return _cijfer_tekst(k.eindcijfer) if k.eindcijfer is not None else f"«{k.beoordeling}»"


def compute_uitslag(inp: UitslagInput, *, volledig: bool = True) -> UitslagResultaat:
    """Compute the uitslag: Ekb WEB art. 17 (and art. 18c where it applies) on the sections given.

    Args:
        inp: The data.
        volledig: ``True`` (the default) when each given section is complete,
            as in the uitslag document: a required part that is missing fails
            its condition. ``False`` for register data that cannot hold every
            part (see [`uitslag_from_diploma`][duo_domain.mbo.uitslag.uitslag_from_diploma]): a missing part
                makes its
            condition *not judged* (listed in `UitslagResultaat.niet_beoordeeld`).

    Raises:
        UnsupportedPeriod: for a datum uitslag before 2020-03-15.
        InvalidDocument: for two or more counting keuzedelen without an eindcijfer each.
        InvalidValue: when ``inp`` is not an `UitslagInput`.
    """
    f.argument(inp, UitslagInput, "an UitslagInput", "inp")
    keuze = choose_regelset(
        cohort_start=inp.cohort_start,
        studieduur_jaren=inp.studieduur_jaren,
        datum_uitslag=inp.datum_uitslag,
        instroom_studiejaar=inp.instroom_studiejaar,
    )
    found: list[_Bevinding] = []
    eindcijfers: dict[str, int | str] = {}
    if inp.generieke_onderdelen is not None:
        generiek, eindcijfers = _generiek(inp.generieke_onderdelen, inp.niveau, keuze, volledig)
        found.append(generiek)
    if inp.specifieke_onderdelen is not None:
        found.append(_specifiek(inp.specifieke_onderdelen, inp.niveau))
    if inp.loopbaan_en_burgerschap is not None:
        found.append(_loopbaan(inp.loopbaan_en_burgerschap, inp.niveau))
    if inp.keuzedelen is not None:
        found.append(_keuzedelen(inp.keuzedelen, inp.niveau, keuze))
    total = _samen(*found)
    return UitslagResultaat(
        uitslag=Uitslag.AFGEWEZEN if total.redenen else Uitslag.GESLAAGD,
        niveau=inp.niveau,
        regelset=keuze,
        eindcijfers=eindcijfers,
        beoordeeld=inp.secties(),
        redenen=total.redenen,
        niet_beoordeeld=total.niet_beoordeeld,
    )


def uitslag_from_diploma(
    diploma: Diploma,
    *,
    niveau: int,
    cohort_start: dt.date,
    studieduur_jaren: int,
    instroom_studiejaar: int = 1,
    codes: Codetabellen | None = None,
) -> UitslagResultaat:
    """Check the generic parts (and graded keuzedelen) of a registered diploma against art. 17.

    DUO's register holds only part of what the uitslag rests on: no
    specifieke onderdelen, no loopbaan en burgerschap, no code for entree
    rekenen «voldaan», and keuzedelen as behaald / niet behaald. So only the
    generic parts are judged, plus the keuzedelen when every one carries an
    eindcijfer; a condition the register cannot show is listed in
    `UitslagResultaat.niet_beoordeeld` rather than failed. The datum uitslag
    is the diploma's datum resultaat. Each generic part's onderdeel is read from its
    code in the table ``generieke_examenonderdelen`` of ``codes`` (the shipped tables
    for ``None``).

    Raises:
        UnsupportedPeriod: for a diploma dated before 2020-03-15.
    """
    tabel = examencodetabel(codes)
    parts: list[GeneriekInput] = []
    unknown: list[str] = []
    for geo in diploma.generieke_examenonderdelen:
        row = tabel.get(geo.code)
        grade = geo.eindwaardering()
        if row is None or grade is None or not is_eindcijfer(grade):
            unknown.append(
                f"generic part {geo.code!r} ({geo.resultaatvolgnummer}): unknown code or no valid grade"
            )
            continue
        parts.append(
            GeneriekInput(
                row.onderdeel,
                eindcijfer=grade,
                code=geo.code,
                vrijstelling=geo.vrijstellingen[0].code if geo.vrijstellingen else None,
            )
        )
    keuzedelen: tuple[KeuzedeelInput, ...] | None = None
    alleen_afgelegd = not choose_regelset(
        cohort_start=cohort_start,
        studieduur_jaren=studieduur_jaren,
        datum_uitslag=diploma.datum_resultaat,
        instroom_studiejaar=instroom_studiejaar,
    ).keuzedelen_tellen
    if diploma.keuzedelen and (alleen_afgelegd or all(k.eindcijfer is not None for k in diploma.keuzedelen)):
        # a registered keuzedeel result shows the exam was taken, which is all the text before 2020-08-01 asks
        keuzedelen = tuple(KeuzedeelInput(k.code, eindcijfer=k.eindcijfer) for k in diploma.keuzedelen)
    inp = UitslagInput(
        niveau=niveau,
        cohort_start=cohort_start,
        studieduur_jaren=studieduur_jaren,
        datum_uitslag=diploma.datum_resultaat,
        instroom_studiejaar=instroom_studiejaar,
        generieke_onderdelen=tuple(parts) if diploma.generieke_examenonderdelen else None,
        keuzedelen=keuzedelen,
    )
    result = compute_uitslag(inp, volledig=False)
    extra = list(unknown)
    if diploma.keuzedelen and keuzedelen is None:
        behaald = sum(1 for k in diploma.keuzedelen if k.resultaat is KeuzedeelUitkomst.BEHAALD)
        extra.append(
            f"keuzedelen: the register holds behaald/niet behaald only ({behaald} of "
            f"{len(diploma.keuzedelen)} behaald), not the grades art. 17 judges"
        )
    if extra:
        result = attrs.evolve(result, niet_beoordeeld=result.niet_beoordeeld + tuple(extra))
    return result
