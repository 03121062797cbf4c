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

Two regimes exist since 2022-08-01 (Stb. 2022, 62):

* ``ekb-2022`` — the text above;
* ``overgangsrecht-18c`` — art. 18c: a student who started the opleiding
  before 2022-08-01 (lid 1), or who started the 2nd, 3rd or 4th studiejaar
  before 2023-08-01, 2024-08-01 or 2025-08-01 (lid 2), **and** finishes within
  the studieduur plus two studiejaren, keeps art. 17 lid 2 a and lid 3 a as
  they read on 2022-07-31 (niveau 2/3: Nederlandse taal at least 5, rekenen
  only taken; niveau 4: of Nederlands and Engels one at least 5 and the other
  at least 6, rekenen only taken), and art. 17 lid 1 c (entree rekenen) does
  not apply.

[`choose_regime`][duo_domain.mbo.uitslag.choose_regime] picks the regime from the cohort start, the nominal
studieduur and the datum uitslag, and says why. [`compute_uitslag`][duo_domain.mbo.uitslag.compute_uitslag]
applies the rules and reports **every** failed condition with its article.
[`uitslag_from_document`][duo_domain.mbo.uitslag.uitslag_from_document] reads the public ``"sector": "mbo"``
JSON
document (JSON Schema ``schemas/mbo-uitslag.schema.json`` in this package).

Examples:
    >>> from duo_domain.mbo.uitslag import uitslag_from_document
    >>> u = uitslag_from_document({
    ...     "sector": "mbo", "niveau": 4, "cohort_start": "2023-08-01", "studieduur_jaren": 3,
    ...     "datum_uitslag": "2026-07-01",
    ...     "generieke_onderdelen": [
    ...         {"onderdeel": "nederlands", "code": "3005", "ie": "6.9", "ce": "4.1"},
    ...         {"onderdeel": "engels", "ie": 7, "ce": 6},
    ...         {"onderdeel": "rekenen", "eindcijfer": 5}]})
    >>> d = u.to_dict()
    >>> d["uitslag"], d["eindcijfers"], d["beoordeeld"]
    ('geslaagd', {'nederlands': 6, 'engels': 7, 'rekenen': 5}, ['generieke_onderdelen'])
    >>> d["regime"].split(":")[0]
    'ekb-2022'
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from duo_domain._sources import EKB
from duo_domain._uitslag import Reden
from duo_domain.errors import DocumentProblem, InvalidDocument, UnsupportedPeriod
from duo_domain.mbo.examencodes import Onderdeel, examencodetabel
from duo_domain.mbo.grades import eindwaardering, is_deelcijfer, is_eindcijfer
from duo_domain.mbo.results import Diploma, KeuzedeelUitkomst

__all__ = [
    "INVOERING_2022",
    "SECTIES",
    "WAARDERINGEN",
    "GeneriekInput",
    "KeuzedeelInput",
    "MboUitslag",
    "OnderdeelInput",
    "Reden",
    "Regime",
    "RegimeChoice",
    "UitslagInput",
    "choose_regime",
    "compute_uitslag",
    "uitslag_from_diploma",
    "uitslag_from_document",
]

#: The day Stb. 2022, 62 changed art. 17 (rekenen counts in the uitslag).
INVOERING_2022 = dt.date(2022, 8, 1)

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
_OUD = " (tekst 31-07-2022, via art. 18c lid 1 onderdeel a)"


class Regime(enum.Enum):
    """Which text of Ekb WEB art. 17 applies to a student."""

    EKB_2022 = "ekb-2022"
    OVERGANGSRECHT_18C = "overgangsrecht-18c"


@attrs.frozen
class RegimeChoice:
    """The regime that applies and why.

    Attributes:
        regime: The regime.
        reden: Plain-language reason, with the dates compared.
        artikel: The article the choice rests on.
        uiterlijk: The last day of the period studieduur + 2 studiejaren, or
            ``None`` when the student is not in a transitional group.
    """

    regime: Regime
    reden: str
    artikel: str
    uiterlijk: dt.date | None = None

    def __str__(self) -> str:
        return f"{self.regime.value}: {self.reden}"


def _plus_years(day: dt.date, years: int) -> dt.date:
    moved = pendulum.Date(day.year, day.month, day.day).add(years=years)
    return dt.date(moved.year, moved.month, moved.day)


def choose_regime(
    *,
    cohort_start: dt.date,
    studieduur_jaren: int,
    datum_uitslag: dt.date,
    instroom_studiejaar: int = 1,
) -> RegimeChoice:
    """Pick the regime of Ekb WEB art. 17 / 18c for one student.

    The period "studieduur vermeerderd met twee studiejaren" (art. 18c) is
    taken to start on ``cohort_start`` and to last ``studieduur_jaren + 2``
    years; its last day is the day before the same date that many years
    later. A student of a transitional group whose ``datum_uitslag`` falls
    after that day is judged under the 2022 text.

    Args:
        cohort_start: The day the student started the opleiding (or, for a
            student who entered in a later studiejaar, that studiejaar).
        studieduur_jaren: The nominal studieduur that applies to the student, in years.
        datum_uitslag: The day the uitslag is determined.
        instroom_studiejaar: The studiejaar of the opleiding the student
            started in on ``cohort_start`` (1 unless the student entered later;
            art. 18c lid 2 covers entry into year 2, 3 or 4).

    Raises:
        UnsupportedPeriod: for a datum uitslag before 2022-08-01; the library
            has no rules for uitslagen under the earlier text.
        ValueError: for a studieduur or instroom studiejaar below 1.

    Examples:
        >>> import datetime as dt
        >>> choose_regime(cohort_start=dt.date(2022, 7, 31), studieduur_jaren=3,
        ...               datum_uitslag=dt.date(2025, 7, 1)).regime.value
        'overgangsrecht-18c'
        >>> choose_regime(cohort_start=dt.date(2022, 8, 1), studieduur_jaren=3,
        ...               datum_uitslag=dt.date(2025, 7, 1)).regime.value
        'ekb-2022'
        >>> late = choose_regime(cohort_start=dt.date(2021, 8, 1), studieduur_jaren=3,
        ...                      datum_uitslag=dt.date(2026, 8, 1))
        >>> late.regime.value, late.uiterlijk
        ('ekb-2022', datetime.date(2026, 7, 31))
    """
    if studieduur_jaren < 1:
        raise ValueError(f"studieduur_jaren must be 1 or more, got {studieduur_jaren}")
    if instroom_studiejaar < 1:
        raise ValueError(f"instroom_studiejaar must be 1 or more, got {instroom_studiejaar}")
    if datum_uitslag < INVOERING_2022:
        raise UnsupportedPeriod(
            f"datum uitslag {datum_uitslag} is before {INVOERING_2022}: no rules for uitslagen "
            "under the text of Ekb WEB art. 17 before Stb. 2022, 62"
        )
    if cohort_start < INVOERING_2022:
        groep = f"started on {cohort_start}, before {INVOERING_2022}"
        artikel = "Ekb WEB art. 18c lid 1"
    elif 2 <= instroom_studiejaar <= 4 and cohort_start < dt.date(2021 + instroom_studiejaar, 8, 1):
        grens = dt.date(2021 + instroom_studiejaar, 8, 1)
        groep = f"started studiejaar {instroom_studiejaar} on {cohort_start}, before {grens}"
        artikel = "Ekb WEB art. 18c lid 2"
    else:
        return RegimeChoice(
            Regime.EKB_2022,
            f"started on {cohort_start}, on or after {INVOERING_2022}"
            + (f" (in studiejaar {instroom_studiejaar})" if instroom_studiejaar > 1 else ""),
            "Ekb WEB art. 17 (Stb. 2022, 62)",
        )
    uiterlijk = _plus_years(cohort_start, studieduur_jaren + 2) - dt.timedelta(days=1)
    if datum_uitslag <= uiterlijk:
        return RegimeChoice(
            Regime.OVERGANGSRECHT_18C,
            f"{groep}; uitslag {datum_uitslag} within studieduur {studieduur_jaren} + 2 studiejaren "
            f"(until {uiterlijk})",
            artikel,
            uiterlijk,
        )
    return RegimeChoice(
        Regime.EKB_2022,
        f"{groep}, but uitslag {datum_uitslag} falls after studieduur {studieduur_jaren} + 2 studiejaren "
        f"(ended {uiterlijk}), so the transitional rule for rekenen no longer applies",
        artikel,
        uiterlijk,
    )


# --------------------------------------------------------------------------- input


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

    onderdeel: Onderdeel
    ie: Decimal | None = None
    ce: Decimal | None = None
    eindcijfer: Decimal | None = None
    beoordeling: str | None = None
    code: str | None = None
    vrijstelling: str | None = None

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

    eindcijfer: Decimal | None = None
    beoordeling: str | None = None

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

    code: str | None = None
    eindcijfer: Decimal | None = None
    beoordeling: str | None = None
    extra: bool = False

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

    niveau: int = attrs.field(validator=attrs.validators.in_((1, 2, 3, 4)))
    cohort_start: dt.date
    studieduur_jaren: int
    datum_uitslag: dt.date
    instroom_studiejaar: int = 1
    generieke_onderdelen: tuple[GeneriekInput, ...] | None = None
    specifieke_onderdelen: tuple[OnderdeelInput, ...] | None = None
    loopbaan_en_burgerschap: str | None = None
    keuzedelen: tuple[KeuzedeelInput, ...] | None = None

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
class MboUitslag:
    """The outcome of the MBO pass/fail check.

    Attributes:
        uitslag: ``"geslaagd"`` or ``"afgewezen"``.
        niveau: The opleiding's niveau.
        regime: The regime applied, with its reason.
        eindcijfers: Per generic part, the eindwaardering that counted
            (a whole number, or ``"voldaan"`` / ``"niet voldaan"``).
        beoordeeld: The sections the uitslag covers.
        redenen: Every failed condition, with its article.
        niet_beoordeeld: Conditions that could not be judged because the
            data does not hold them (only for register data, see
            [`uitslag_from_diploma`][duo_domain.mbo.uitslag.uitslag_from_diploma]).
    """

    uitslag: str
    niveau: int
    regime: RegimeChoice
    eindcijfers: Mapping[str, int | str]
    beoordeeld: tuple[str, ...]
    redenen: tuple[Reden, ...] = ()
    niet_beoordeeld: tuple[str, ...] = ()

    @property
    def geslaagd(self) -> bool:
        """Whether the exam was passed on the sections judged."""
        return self.uitslag == "geslaagd"

    def to_dict(self) -> dict[str, Any]:
        """The output contract of ``duo-domain uitslag --json`` for an MBO document."""
        return {
            "uitslag": self.uitslag,
            "regime": str(self.regime),
            "eindcijfers": dict(self.eindcijfers),
            "beoordeeld": list(self.beoordeeld),
            "redenen": [r.to_dict() for r in self.redenen],
        }

    def format_text(self) -> str:
        """A readable explanation for people."""
        lines = [
            f"MBO uitslag: {self.uitslag.upper()}",
            f"Niveau {self.niveau} ({_NIVEAU_NAAM[self.niveau]})",
            f"Regime: {self.regime.regime.value} ({self.regime.artikel})",
            f"  {self.regime.reden}",
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


def _fmt(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value)


class _Judge:
    """Collects failed conditions and unjudged ones while the sections are checked."""

    def __init__(self, inp: UitslagInput, regime: Regime, volledig: bool) -> None:
        self.inp = inp
        self.regime = regime
        self.volledig = volledig
        self.redenen: list[Reden] = []
        self.niet: list[str] = []
        self.eindcijfers: dict[str, int | str] = {}

    def fail(self, regel: str, artikel: str, toelichting: str) -> None:
        self.redenen.append(Reden(regel, artikel, toelichting))

    # -- generic parts ------------------------------------------------------

    def generiek(self, parts: Sequence[GeneriekInput]) -> None:
        by: dict[Onderdeel, list[GeneriekInput]] = {o: [] for o in Onderdeel}
        for p in parts:
            by[p.onderdeel].append(p)
        best: dict[Onderdeel, Decimal | None] = {}
        for o in Onderdeel:
            grades = [g for g in (p.cijfer() for p in by[o]) if g is not None]
            top = max(grades) if grades else None
            best[o] = top
            if top is not None:
                self.eindcijfers[o.value] = int(top)
            elif by[o]:
                self.eindcijfers[o.value] = "voldaan" if self._voldaan(by[o]) else "niet voldaan"
        niveau, oud = self.inp.niveau, self.regime is Regime.OVERGANGSRECHT_18C
        if niveau == 1:
            if not oud:
                self._entree_rekenen(by[Onderdeel.REKENEN])
        elif niveau in (2, 3):
            if oud:
                art = f"{_EKB} lid 2 onderdeel a{_OUD}"
                self._minimum(
                    "generiek.nederlands_minimaal_5", art, Onderdeel.NEDERLANDS, by, best, minimum=_FIVE
                )
                self._afgelegd(art, Onderdeel.REKENEN, by)
            else:
                self._compensatie(
                    "generiek.nederlands_rekenen",
                    f"{_EKB} lid 2 onderdeel a",
                    (Onderdeel.NEDERLANDS, Onderdeel.REKENEN),
                    by,
                    best,
                )
        elif oud:
            art = f"{_EKB} lid 3 onderdeel a{_OUD}"
            self._compensatie(
                "generiek.nederlands_engels", art, (Onderdeel.NEDERLANDS, Onderdeel.ENGELS), by, best
            )
            self._afgelegd(art, Onderdeel.REKENEN, by)
        else:
            self._compensatie(
                "generiek.nederlands_engels_rekenen",
                f"{_EKB} lid 3 onderdeel a",
                (Onderdeel.NEDERLANDS, Onderdeel.ENGELS, Onderdeel.REKENEN),
                by,
                best,
            )

    @staticmethod
    def _voldaan(parts: Iterable[GeneriekInput]) -> bool:
        return any(p.beoordeling == "voldaan" for p in parts)

    def _missing(self, regel: str, artikel: str, onderdeel: Onderdeel) -> None:
        if self.volledig:
            self.fail(regel, artikel, f"no result for {onderdeel.value}")
        else:
            self.niet.append(f"{onderdeel.value}: no result in the data ({artikel})")

    def _entree_rekenen(self, parts: Sequence[GeneriekInput]) -> None:
        art = f"{_EKB} lid 1 onderdeel c"
        if not parts:
            if self.volledig:
                self.fail("generiek.rekenen_voldaan", art, "no result for rekenen; entree needs «voldaan»")
            else:
                self.niet.append(f"rekenen «voldaan» for entree: DUO's code table has no code for it ({art})")
        elif not self._voldaan(parts):
            if any(p.beoordeling == "niet voldaan" for p in parts):
                why = "rekenen is «niet voldaan»; entree needs «voldaan»"
            else:
                why = (
                    "rekenen has a grade but no beoordeling; for entree the eindwaardering of rekenen is "
                    "«voldaan» or «niet voldaan» (art. 15 lid 6)"
                )
            self.fail("generiek.rekenen_voldaan", art, why)

    def _afgelegd(
        self, artikel: str, onderdeel: Onderdeel, by: Mapping[Onderdeel, list[GeneriekInput]]
    ) -> None:
        if not by[onderdeel]:
            regel = f"generiek.{onderdeel.value}_afgelegd"
            if self.volledig:
                self.fail(regel, artikel, f"{onderdeel.value} must have been taken; no result given")
            else:
                self.niet.append(f"{onderdeel.value} taken: no result in the data ({artikel})")

    def _grade_or_reason(
        self,
        regel: str,
        artikel: str,
        onderdeel: Onderdeel,
        by: Mapping[Onderdeel, list[GeneriekInput]],
        best: Mapping[Onderdeel, Decimal | None],
    ) -> Decimal | None:
        grade = best[onderdeel]
        if grade is None:
            if by[onderdeel]:
                self.fail(
                    regel,
                    artikel,
                    f"{onderdeel.value} has only a beoordeling; this rule needs a grade (art. 15 lid 1)",
                )
            else:
                self._missing(regel, artikel, onderdeel)
        return grade

    def _minimum(
        self,
        regel: str,
        artikel: str,
        onderdeel: Onderdeel,
        by: Mapping[Onderdeel, list[GeneriekInput]],
        best: Mapping[Onderdeel, Decimal | None],
        *,
        minimum: Decimal,
    ) -> None:
        grade = self._grade_or_reason(regel, artikel, onderdeel, by, best)
        if grade is not None and grade < minimum:
            self.fail(regel, artikel, f"{onderdeel.value} {_fmt(grade)} is below {_fmt(minimum)}")

    def _compensatie(
        self,
        regel: str,
        artikel: str,
        onderdelen: tuple[Onderdeel, ...],
        by: Mapping[Onderdeel, list[GeneriekInput]],
        best: Mapping[Onderdeel, Decimal | None],
    ) -> None:
        """One of the parts at least 5, all the others at least 6."""
        before = len(self.redenen)
        present: dict[Onderdeel, Decimal] = {}
        for o in onderdelen:
            grade = self._grade_or_reason(regel, artikel, o, by, best)
            if grade is not None:
                present[o] = grade
        low = [o for o, g in present.items() if g < _FIVE]
        fives = [o for o, g in present.items() if _FIVE <= g < _SIX]
        names = ", ".join(o.value for o in onderdelen)
        if low:
            self.fail(
                regel,
                artikel,
                "; ".join(f"{o.value} {_fmt(present[o])} is below 5" for o in low)
                + f" (of {names} one may be 5, the others at least 6)",
            )
        if len(fives) > 1:
            self.fail(
                regel,
                artikel,
                " and ".join(f"{o.value} {_fmt(present[o])}" for o in fives)
                + f" are below 6; of {names} only one may be 5",
            )
        if len(self.redenen) == before and len(present) < len(onderdelen) and not self.volledig:
            self.niet.append(f"{names}: not every result is in the data ({artikel})")

    # -- other sections -------------------------------------------------------

    def specifiek(self, parts: Sequence[OnderdeelInput]) -> None:
        art = f"{_EKB} lid {_lid(self.inp.niveau)} onderdeel {'a' if self.inp.niveau == 1 else 'b'}"
        for i, p in enumerate(parts):
            if not p.voldoende():
                shown = _fmt(p.eindcijfer) if p.eindcijfer is not None else f"«{p.beoordeling}»"
                self.fail(
                    "specifiek.minimaal_6",
                    art,
                    f"specifiek examenonderdeel {i + 1} has {shown}; at least 6 or «voldoende» is needed",
                )

    def loopbaan(self, value: str) -> None:
        art = f"{_EKB} lid {_lid(self.inp.niveau)} onderdeel {'b' if self.inp.niveau == 1 else 'c'}"
        if value != "voldaan":
            self.fail("loopbaan_en_burgerschap.voldaan", art, f"loopbaan en burgerschap is «{value}»")

    def keuzedelen(self, kds: Sequence[KeuzedeelInput]) -> None:
        counted = [k for k in kds if not k.extra]
        niveau = self.inp.niveau
        art = f"{_EKB} lid 1 onderdeel a" if niveau == 1 else f"{_EKB} lid {_lid(niveau)} onderdeel d"
        if not counted:
            self.fail("keuzedelen.ontbreekt", art, "no keuzedeel that counts towards the minimum studielast")
            return
        if niveau == 1 or len(counted) == 1:
            for k in counted:
                if not k.voldoende():
                    self.fail(
                        "keuzedeel.minimaal_6", art, f"{_kd_name(k)} has {_kd_value(k)}; at least 6 needed"
                    )
            return
        grades: list[Decimal] = []
        for k in counted:
            if k.eindcijfer is None:
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
            grades.append(k.eindcijfer)
        mean = sum(grades, Decimal(0)) / len(grades)
        if mean < _SIX:
            self.fail(
                "keuzedelen.gemiddelde",
                f"{art} onder 1°",
                f"average of {len(grades)} keuzedelen is {mean.quantize(Decimal('0.01'))}, below 6",
            )
        at_least_six = sum(1 for g in grades if g >= _SIX)
        if at_least_six * 2 < len(grades):
            self.fail(
                "keuzedelen.helft_minimaal_6",
                f"{art} onder 2°",
                f"{at_least_six} of {len(grades)} keuzedelen are at least 6; at least half must be",
            )
        for k in counted:
            if k.eindcijfer is not None and k.eindcijfer < _FOUR:
                self.fail(
                    "keuzedelen.minimaal_4",
                    f"{art} onder 2°",
                    f"{_kd_name(k)} has {_fmt(k.eindcijfer)}; every keuzedeel needs at least 4",
                )


def _lid(niveau: int) -> int:
    return 1 if niveau == 1 else 2 if niveau in (2, 3) else 3


def _kd_name(k: KeuzedeelInput) -> str:
    return f"keuzedeel {k.code}" if k.code else "a keuzedeel"


def _kd_value(k: KeuzedeelInput) -> str:
    return _fmt(k.eindcijfer) if k.eindcijfer is not None else f"«{k.beoordeling}»"


def compute_uitslag(inp: UitslagInput, *, volledig: bool = True) -> MboUitslag:
    """Apply Ekb WEB art. 17 (and art. 18c where it applies) to the sections given.

    Args:
        inp: The data.
        volledig: ``True`` (the default) when each given section is complete,
            as in the uitslag document: a required part that is missing fails
            its condition. ``False`` for register data that cannot hold every
            part (see [`uitslag_from_diploma`][duo_domain.mbo.uitslag.uitslag_from_diploma]): a missing part
                makes its
            condition *not judged* (listed in `MboUitslag.niet_beoordeeld`).

    Raises:
        UnsupportedPeriod: for a datum uitslag before 2022-08-01.
        InvalidDocument: for two or more counting keuzedelen without an eindcijfer each.
    """
    choice = choose_regime(
        cohort_start=inp.cohort_start,
        studieduur_jaren=inp.studieduur_jaren,
        datum_uitslag=inp.datum_uitslag,
        instroom_studiejaar=inp.instroom_studiejaar,
    )
    judge = _Judge(inp, choice.regime, volledig)
    if inp.generieke_onderdelen is not None:
        judge.generiek(inp.generieke_onderdelen)
    if inp.specifieke_onderdelen is not None:
        judge.specifiek(inp.specifieke_onderdelen)
    if inp.loopbaan_en_burgerschap is not None:
        judge.loopbaan(inp.loopbaan_en_burgerschap)
    if inp.keuzedelen is not None:
        judge.keuzedelen(inp.keuzedelen)
    return MboUitslag(
        uitslag="afgewezen" if judge.redenen else "geslaagd",
        niveau=inp.niveau,
        regime=choice,
        eindcijfers=judge.eindcijfers,
        beoordeeld=inp.secties(),
        redenen=tuple(judge.redenen),
        niet_beoordeeld=tuple(judge.niet),
    )


def uitslag_from_diploma(
    diploma: Diploma,
    *,
    niveau: int,
    cohort_start: dt.date,
    studieduur_jaren: int,
    instroom_studiejaar: int = 1,
) -> MboUitslag:
    """Check the generic parts (and graded keuzedelen) of a registered diploma against art. 17.

    DUO's register holds only part of what the uitslag rests on: no
    specifieke onderdelen, no loopbaan en burgerschap, no code for entree
    rekenen «voldaan», and keuzedelen as behaald / niet behaald. So only the
    generic parts are judged, plus the keuzedelen when every one carries an
    eindcijfer; a condition the register cannot show is listed in
    `MboUitslag.niet_beoordeeld` rather than failed. The datum uitslag
    is the diploma's datum resultaat.

    Raises:
        UnsupportedPeriod: for a diploma dated before 2022-08-01.
    """
    parts: list[GeneriekInput] = []
    unknown: list[str] = []
    for geo in diploma.generieke_examenonderdelen:
        row = examencodetabel().get(geo.code)
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
    if diploma.keuzedelen and all(k.eindcijfer is not None for k in diploma.keuzedelen):
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


# --------------------------------------------------------------------------- the document

_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_TOP_KEYS = frozenset(
    {
        "sector",
        "niveau",
        "cohort_start",
        "studieduur_jaren",
        "datum_uitslag",
        "instroom_studiejaar",
        *SECTIES,
    }
)
_GENERIEK_KEYS = frozenset({"onderdeel", "code", "ie", "ce", "eindcijfer", "beoordeling", "vrijstelling"})
_SPECIFIEK_KEYS = frozenset({"eindcijfer", "beoordeling"})
_KEUZEDEEL_KEYS = frozenset({"code", "eindcijfer", "beoordeling", "extra"})


class _Reader:
    """Reads the document, collecting every problem with its path."""

    def __init__(self) -> None:
        self.problems: list[DocumentProblem] = []

    def bad(self, path: str, message: str) -> None:
        self.problems.append(DocumentProblem(path, message))

    def number(self, value: object, path: str) -> Decimal | None:
        # JSON numbers arrive as int or Decimal (parse_float=Decimal); a Python
        # float is converted through its shortest repr, str(), never used in arithmetic.
        if isinstance(value, bool) or value is None:
            self.bad(path, f"expected a number, got {_json_type(value)}")
            return None
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, float):
            value = Decimal(str(value))
        if isinstance(value, Decimal):
            if not value.is_finite():
                self.bad(path, "not a finite number")
                return None
            return value
        if isinstance(value, str):
            text = value.strip()
            if _NUMBER.fullmatch(text):
                return Decimal(text)
            hint = " (use a decimal point)" if "," in text else ""
            self.bad(path, f"not a number: {value!r}{hint}")
            return None
        self.bad(path, f"expected a number, got {_json_type(value)}")
        return None

    def deelcijfer(self, value: object, path: str) -> Decimal | None:
        grade = self.number(value, path)
        if grade is not None and not is_deelcijfer(grade):
            self.bad(path, f"grade {_fmt(grade)} is not 1.0-10.0 with at most one decimal (Ekb WEB art. 14)")
            return None
        return grade

    def eindcijfer(self, value: object, path: str) -> Decimal | None:
        grade = self.number(value, path)
        if grade is not None and not is_eindcijfer(grade):
            self.bad(path, f"eindcijfer {_fmt(grade)} is not a whole number 1-10 (Ekb WEB art. 15 lid 1)")
            return None
        return grade

    def integer(self, value: object, path: str, allowed: range) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(
                path, f"expected a whole number {allowed.start}-{allowed.stop - 1}, got {_json_type(value)}"
            )
            return None
        if value not in allowed:
            self.bad(path, f"{value} is not {allowed.start}-{allowed.stop - 1}")
            return None
        return value

    def date(self, value: object, path: str) -> dt.date | None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                if len(value) == 10:
                    return dt.date.fromisoformat(value)
            except ValueError:
                pass
            self.bad(path, f"not a date (YYYY-MM-DD): {value!r}")
            return None
        self.bad(path, f"expected a date string YYYY-MM-DD, got {_json_type(value)}")
        return None

    def keys(self, obj: Mapping[str, Any], allowed: frozenset[str], path: str) -> None:
        for key in obj:
            if key not in allowed:
                self.bad(f"{path}.{key}", "unknown field")

    def word(self, value: object, path: str, allowed: Sequence[str]) -> str | None:
        if isinstance(value, str) and value in allowed:
            return value
        self.bad(path, f"expected one of {', '.join(repr(a) for a in allowed)}, got {value!r}")
        return None

    def array(self, value: object, path: str) -> list[Any] | None:
        if isinstance(value, list | tuple):
            return list(value)
        self.bad(path, f"expected an array, got {_json_type(value)}")
        return None

    def generiek(self, raw: object, path: str) -> GeneriekInput | None:
        if not isinstance(raw, Mapping):
            self.bad(path, f"expected an object, got {_json_type(raw)}")
            return None
        start = len(self.problems)
        self.keys(raw, _GENERIEK_KEYS, path)
        onderdeel_raw = raw.get("onderdeel")
        onderdeel = None
        if onderdeel_raw is None:
            self.bad(f"{path}.onderdeel", "missing: one of 'nederlands', 'engels', 'rekenen'")
        elif self.word(onderdeel_raw, f"{path}.onderdeel", [o.value for o in Onderdeel]):
            onderdeel = Onderdeel(onderdeel_raw)
        code = raw.get("code")
        if code is not None:
            row = examencodetabel().get(code)
            if row is None:
                self.bad(f"{path}.code", f"unknown generiek examenonderdeel code {code!r}")
            elif onderdeel is not None and row.onderdeel is not onderdeel:
                self.bad(f"{path}.code", f"code {code} is {row.omschrijving}, not {onderdeel.value}")
        vrijstelling = raw.get("vrijstelling")
        if vrijstelling is not None and (
            not isinstance(vrijstelling, str) or not 1 <= len(vrijstelling) <= 4
        ):
            self.bad(f"{path}.vrijstelling", "expected a vrijstelling code of 1-4 characters")
        ie = self.deelcijfer(raw["ie"], f"{path}.ie") if "ie" in raw else None
        ce = self.deelcijfer(raw["ce"], f"{path}.ce") if "ce" in raw else None
        eind = self.eindcijfer(raw["eindcijfer"], f"{path}.eindcijfer") if "eindcijfer" in raw else None
        beoordeling = (
            self.word(raw["beoordeling"], f"{path}.beoordeling", _VOLDAAN) if "beoordeling" in raw else None
        )
        forms = [
            f
            for f, present in (
                ("ie/ce", "ie" in raw or "ce" in raw),
                ("eindcijfer", "eindcijfer" in raw),
                ("beoordeling", "beoordeling" in raw),
            )
            if present
        ]
        if not forms:
            self.bad(path, "a part needs ie and/or ce, an eindcijfer, or a beoordeling")
        elif len(forms) > 1:
            self.bad(path, f"give only one of ie/ce, eindcijfer, beoordeling (got {' and '.join(forms)})")
        if len(self.problems) > start or onderdeel is None:
            return None
        return GeneriekInput(onderdeel, ie, ce, eind, beoordeling, code, vrijstelling)

    def onderdeel(
        self, raw: object, path: str, keys: frozenset[str]
    ) -> tuple[Decimal | None, str | None] | None:
        if not isinstance(raw, Mapping):
            self.bad(path, f"expected an object, got {_json_type(raw)}")
            return None
        start = len(self.problems)
        self.keys(raw, keys, path)
        eind = self.eindcijfer(raw["eindcijfer"], f"{path}.eindcijfer") if "eindcijfer" in raw else None
        woord = (
            self.word(raw["beoordeling"], f"{path}.beoordeling", WAARDERINGEN)
            if "beoordeling" in raw
            else None
        )
        if ("eindcijfer" in raw) == ("beoordeling" in raw):
            self.bad(path, "give either an eindcijfer or a beoordeling")
        if len(self.problems) > start:
            return None
        return eind, woord


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    return type(value).__name__


def _read(data: Mapping[str, Any]) -> UitslagInput:
    r = _Reader()
    r.keys(data, _TOP_KEYS, "$")
    if data.get("sector") != "mbo":
        r.bad("$.sector", f"expected 'mbo', got {data.get('sector')!r}")
    for key in ("niveau", "cohort_start", "studieduur_jaren", "datum_uitslag"):
        if key not in data:
            r.bad(f"$.{key}", "missing")
    niveau = r.integer(data["niveau"], "$.niveau", range(1, 5)) if "niveau" in data else None
    duur = (
        r.integer(data["studieduur_jaren"], "$.studieduur_jaren", range(1, 7))
        if "studieduur_jaren" in data
        else None
    )
    instroom = (
        r.integer(data["instroom_studiejaar"], "$.instroom_studiejaar", range(1, 7))
        if "instroom_studiejaar" in data
        else 1
    )
    start = r.date(data["cohort_start"], "$.cohort_start") if "cohort_start" in data else None
    uitslag = r.date(data["datum_uitslag"], "$.datum_uitslag") if "datum_uitslag" in data else None
    if start is not None and uitslag is not None and uitslag < start:
        r.bad("$.datum_uitslag", f"{uitslag} is before cohort_start {start}")

    generiek: tuple[GeneriekInput, ...] | None = None
    if "generieke_onderdelen" in data:
        items = r.array(data["generieke_onderdelen"], "$.generieke_onderdelen")
        if items is not None:
            read = [r.generiek(x, f"$.generieke_onderdelen[{i}]") for i, x in enumerate(items)]
            generiek = tuple(x for x in read if x is not None)
            if niveau is not None and niveau < 4:
                for i, x in enumerate(read):
                    if x is not None and x.onderdeel is Onderdeel.ENGELS:
                        r.bad(
                            f"$.generieke_onderdelen[{i}].onderdeel",
                            "Engels is a generic part of niveau 4 only (Ekb WEB art. 3 lid 2 onder d)",
                        )
    specifiek: tuple[OnderdeelInput, ...] | None = None
    if "specifieke_onderdelen" in data:
        items = r.array(data["specifieke_onderdelen"], "$.specifieke_onderdelen")
        if items is not None:
            if not items:
                r.bad(
                    "$.specifieke_onderdelen",
                    "empty: give the specifieke examenonderdelen or omit the section",
                )
            pairs = [
                r.onderdeel(x, f"$.specifieke_onderdelen[{i}]", _SPECIFIEK_KEYS) for i, x in enumerate(items)
            ]
            specifiek = tuple(OnderdeelInput(*p) for p in pairs if p is not None)
    lob: str | None = None
    if "loopbaan_en_burgerschap" in data:
        lob = r.word(data["loopbaan_en_burgerschap"], "$.loopbaan_en_burgerschap", _VOLDAAN)
    keuzedelen: tuple[KeuzedeelInput, ...] | None = None
    if "keuzedelen" in data:
        items = r.array(data["keuzedelen"], "$.keuzedelen")
        if items is not None:
            kds: list[KeuzedeelInput] = []
            for i, x in enumerate(items):
                path = f"$.keuzedelen[{i}]"
                pair = r.onderdeel(x, path, _KEUZEDEEL_KEYS)
                if pair is None or not isinstance(x, Mapping):
                    continue
                code, extra = x.get("code"), x.get("extra", False)
                if code is not None and not isinstance(code, str):
                    r.bad(f"{path}.code", f"expected a string, got {_json_type(code)}")
                    continue
                if not isinstance(extra, bool):
                    r.bad(f"{path}.extra", f"expected true or false, got {_json_type(extra)}")
                    continue
                kds.append(KeuzedeelInput(code, pair[0], pair[1], extra))
            counted = [(i, k) for i, k in enumerate(kds) if not k.extra]
            if niveau is not None and niveau > 1 and len(counted) > 1:
                for i, k in counted:
                    if k.eindcijfer is None:
                        r.bad(
                            f"$.keuzedelen[{i}].beoordeling",
                            "with two or more keuzedelen each needs an eindcijfer: the average of "
                            "Ekb WEB art. 17 lid 2/3 onderdeel d onder 1° needs numbers",
                        )
            keuzedelen = tuple(kds)
    if not any(s in data for s in SECTIES):
        r.bad("$", "nothing to judge: give at least one of " + ", ".join(SECTIES))
    if r.problems:
        raise InvalidDocument(r.problems, document="MBO uitslag document")
    assert niveau is not None
    assert start is not None
    assert duur is not None
    assert uitslag is not None
    return UitslagInput(
        niveau=niveau,
        cohort_start=start,
        studieduur_jaren=duur,
        datum_uitslag=uitslag,
        instroom_studiejaar=instroom if instroom is not None else 1,
        generieke_onderdelen=generiek,
        specifieke_onderdelen=specifiek,
        loopbaan_en_burgerschap=lob,
        keuzedelen=keuzedelen,
    )


def uitslag_from_document(data: Mapping[str, Any]) -> MboUitslag:
    """Compute the uitslag of an MBO uitslag document (``"sector": "mbo"``).

    Numbers may be ints, `Decimal` (``json.loads(...,
    parse_float=Decimal)``) or numeric strings with a decimal point; a
    Python ``float`` is converted exactly through ``str()`` (its shortest
    representation) and never used in arithmetic.

    Raises:
        InvalidDocument: listing every malformed field with its path
            (e.g. ``$.generieke_onderdelen[1].ie``).
        UnsupportedPeriod: for a datum uitslag before 2022-08-01.
    """
    if not isinstance(data, Mapping):
        raise InvalidDocument(
            [DocumentProblem("$", f"expected an object, got {_json_type(data)}")],
            document="MBO uitslag document",
        )
    return compute_uitslag(_read(data))
