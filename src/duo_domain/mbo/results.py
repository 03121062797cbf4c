"""MBO results for the Onderwijsresultaten register (ROD-OR): diplomas and their parts.

A [`Diploma`][duo_domain.mbo.results.Diploma] (DUO record DIP) carries its generic exam parts
([`GeneriekExamenonderdeel`][duo_domain.mbo.results.GeneriekExamenonderdeel], record GEO), its keuzedelen
([`KeuzedeelResultaat`][duo_domain.mbo.results.KeuzedeelResultaat], record KZD) and its AMvB-onderdelen
([`AmvbOnderdeel`][duo_domain.mbo.results.AmvbOnderdeel], record AMO), following PvE MBO-instelling –
DUO v4.8.2 §15.5. A part or keuzedeel obtained without a diploma is a *loose* result: it
carries its own datum resultaat, inschrijvingvolgnummer and
onderwijsaanbieder and is collected in [`LosseResultaten`][duo_domain.mbo.results.LosseResultaten].

Attribute names are the wire names of the JSON documents; grades are
`decimal.Decimal` (IE and CE with one decimal, the eindcijfer whole).
Validators check type only; the rules of [`duo_domain.mbo.result_rules`][duo_domain.mbo.result_rules]
judge the content.

Examples:
    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from duo_domain.mbo.results import (Diploma, Exemption, GeneriekExamenonderdeel,
    ...     VrijstellingOmvang)
    >>> nl = GeneriekExamenonderdeel("8286774", "3005", eindcijfer=Decimal(6),
    ...     cijfer_ie=Decimal("7.4"), cijfer_ce=Decimal("5.1"),
    ...     vrijstellingen=(Exemption("MBO", VrijstellingOmvang.IE),))
    >>> nl.onderdeel.value, nl.berekende_eindwaardering()
    ('nederlands', Decimal('6'))
    >>> d = Diploma("8286771", "25655", dt.date(2025, 1, 16), True, "C3", "100A501",
    ...     generieke_examenonderdelen=(nl,))
    >>> d.is_los, nl.is_los
    (False, False)
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from duo_domain import _fields as f
from duo_domain.errors import InvalidValue
from duo_domain.mbo.examencodes import VRIJSTELLINGSCODES, GeneriekExamencode, Onderdeel, examencodetabel
from duo_domain.mbo.grades import eindwaardering, is_deelcijfer

__all__ = [
    "AmvbOnderdeel",
    "Diploma",
    "Exemption",
    "GeneriekExamenonderdeel",
    "KeuzedeelResultaat",
    "KeuzedeelUitkomst",
    "LosseResultaten",
    "Onderdeel",
    "VrijstellingOmvang",
]

_str = f.text
_opt_str = f.opt_text
_opt_dec = f.opt_decimal
_opt_bool = f.opt_boolean
_date = f.date
_opt_date = f.opt_date


def _niveau(inst: object, attr: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (value.__class__ is not int or not 1 <= value <= 4):
        raise InvalidValue("expected null or a whole number 1-4", field=f"{type(inst).__name__}.{attr.name}")


def _exemptions(value: Iterable[Any]) -> tuple[Exemption, ...]:
    out: tuple[Exemption, ...] = f.as_tuple(value)
    return out


def _geos(value: Iterable[Any]) -> tuple[GeneriekExamenonderdeel, ...]:
    out: tuple[GeneriekExamenonderdeel, ...] = f.as_tuple(value)
    return out


def _kzds(value: Iterable[Any]) -> tuple[KeuzedeelResultaat, ...]:
    out: tuple[KeuzedeelResultaat, ...] = f.as_tuple(value)
    return out


def _amos(value: Iterable[Any]) -> tuple[AmvbOnderdeel, ...]:
    out: tuple[AmvbOnderdeel, ...] = f.as_tuple(value)
    return out


# Each gives a tuple back as it is: a reader that builds the tuple may leave the call out.
f.keeps_tuples(_exemptions, _geos, _kzds, _amos)


class VrijstellingOmvang(enum.Enum):
    """What a vrijstelling covers (Ekb WEB art. 3b lid 4): the whole part, or its IE or CE.

    These are the three vrijstelling fields of DUO's GEO record
    (Vrijstelling generiek examenonderdeel, Vrijstelling IE, Vrijstelling CE).
    """

    GEHEEL = "geheel"
    IE = "ie"
    CE = "ce"


@attrs.frozen
class Exemption:
    """A vrijstelling granted by the examencommissie (Ekb WEB art. 3b).

    The examencommissie decides whether it covers the whole exam part, the
    centraal examen or the instellingsexamen (art. 3b lid 4); the grade
    obtained earlier counts for the eindwaardering (art. 3b lid 3).

    Attributes:
        code: DUO's vrijstelling code, e.g. ``"MBO"`` (open list
            `VRIJSTELLINGSCODES`).
        omvang: What it covers; ``None`` when not stated, which is a finding
            (``ROD.RESULTAAT.VRIJSTELLING_OMVANG``).
        grondslag: The legal basis.

    Examples:
        >>> Exemption("MBO", VrijstellingOmvang.GEHEEL).omschrijving[:27]
        'vrijstelling op grond van e'
        >>> Exemption("XYZ").omschrijving is None
        True
    """

    code: str = attrs.field(validator=_str)
    omvang: VrijstellingOmvang | None = attrs.field(
        default=None, validator=f.member(VrijstellingOmvang, optional=True)
    )
    grondslag: str = attrs.field(default="Ekb WEB art. 3b", validator=_str)

    @property
    def omschrijving(self) -> str | None:
        """The code's known meaning, or ``None`` for a code not in the list."""
        value = VRIJSTELLINGSCODES.get(self.code)
        return value.omschrijving if value is not None else None


@attrs.frozen
class GeneriekExamenonderdeel:
    """The result for one generic exam part (DUO record GEO).

    Attributes:
        resultaatvolgnummer: The part's own resultaatvolgnummer.
        code: The code from the generieke examenonderdelencodetabel, e.g. ``"3005"``.
        eindcijfer: The whole-number eindwaardering (art. 15 lid 1), if registered.
        cijfer_ie: The instellingsexamen grade, one decimal (art. 14).
        cijfer_ce: The centraal examen grade, one decimal (art. 14).
        vrijstellingen: Vrijstellingen for the part, its IE or its CE.
        datum_resultaat: Only for a loose part (not in a diploma).
        inschrijvingvolgnummer: Only for a loose part: the enrolment it was obtained in.
        onderwijsaanbieder: Only for a loose part: the RIO onderwijsaanbieder.
    """

    resultaatvolgnummer: str = attrs.field(validator=_str)
    code: str = attrs.field(validator=_str)
    eindcijfer: Decimal | None = attrs.field(default=None, validator=_opt_dec)
    cijfer_ie: Decimal | None = attrs.field(default=None, validator=_opt_dec)
    cijfer_ce: Decimal | None = attrs.field(default=None, validator=_opt_dec)
    vrijstellingen: tuple[Exemption, ...] = attrs.field(
        default=(), converter=_exemptions, validator=f.items(Exemption, "Exemption objects")
    )
    datum_resultaat: dt.date | None = attrs.field(default=None, validator=_opt_date)
    inschrijvingvolgnummer: str | None = attrs.field(default=None, validator=_opt_str)
    onderwijsaanbieder: str | None = attrs.field(default=None, validator=_opt_str)

    @property
    def examencode(self) -> GeneriekExamencode | None:
        """The row of the bundled code table for `code`, or ``None`` when unknown."""
        return examencodetabel().get(self.code)

    @property
    def onderdeel(self) -> Onderdeel | None:
        """Nederlands, Engels or rekenen, from the code; ``None`` for an unknown code."""
        row = self.examencode
        return row.onderdeel if row is not None else None

    @property
    def is_los(self) -> bool:
        """Whether the part carries the data of a loose result (a datum resultaat)."""
        return self.datum_resultaat is not None

    def berekende_eindwaardering(self) -> Decimal | None:
        """The eindwaardering art. 15 gives from the IE/CE grades, or ``None`` without valid grades."""
        ie = self.cijfer_ie if is_deelcijfer(self.cijfer_ie) else None
        ce = self.cijfer_ce if is_deelcijfer(self.cijfer_ce) else None
        if ie is None and ce is None:
            return None
        return eindwaardering(ie, ce)

    def eindwaardering(self) -> Decimal | None:
        """The registered eindcijfer, else the one computed from IE and CE."""
        return self.eindcijfer if self.eindcijfer is not None else self.berekende_eindwaardering()

    def vrijgesteld(self, omvang: VrijstellingOmvang | None = None) -> bool:
        """Whether a vrijstelling is registered (of the given scope, when given)."""
        return any(omvang is None or e.omvang is omvang for e in self.vrijstellingen)


class KeuzedeelUitkomst(enum.Enum):
    """The result of a keuzedeel as DUO registers it (KZD Resultaat)."""

    BEHAALD = "Behaald"
    NIET_BEHAALD = "Niet behaald"


@attrs.frozen
class KeuzedeelResultaat:
    """The result for one keuzedeel (DUO record KZD).

    Attributes:
        resultaatvolgnummer: The keuzedeel result's own resultaatvolgnummer.
        code: The keuzedeel code, e.g. ``"K0067"``.
        resultaat: Behaald or niet behaald.
        eindcijfer: The whole-number eindwaardering, where the school has it;
            DUO's record does not carry it.
        certificaat: Only for a loose keuzedeel: whether it gives a certificaat.
        datum_resultaat: Only for a loose keuzedeel.
        inschrijvingvolgnummer: Only for a loose keuzedeel.
        onderwijsaanbieder: Only for a loose keuzedeel.
    """

    resultaatvolgnummer: str = attrs.field(validator=_str)
    code: str = attrs.field(validator=_str)
    resultaat: KeuzedeelUitkomst = attrs.field(validator=f.member(KeuzedeelUitkomst))
    eindcijfer: Decimal | None = attrs.field(default=None, validator=_opt_dec)
    certificaat: bool | None = attrs.field(default=None, validator=_opt_bool)
    datum_resultaat: dt.date | None = attrs.field(default=None, validator=_opt_date)
    inschrijvingvolgnummer: str | None = attrs.field(default=None, validator=_opt_str)
    onderwijsaanbieder: str | None = attrs.field(default=None, validator=_opt_str)

    @property
    def is_los(self) -> bool:
        """Whether the keuzedeel carries the data of a loose result."""
        return self.datum_resultaat is not None


@attrs.frozen
class AmvbOnderdeel:
    """An AMvB-onderdeel (DUO record AMO), e.g. a part required by another regulation.

    Attributes:
        resultaatvolgnummer: Its own resultaatvolgnummer.
        code: The AMvB-onderdeel code, e.g. ``"C0004"``.
        certificaat: Only for a loose AMvB-onderdeel (DUO: always ``J``).
        datum_resultaat: Only for a loose AMvB-onderdeel.
        inschrijvingvolgnummer: Only for a loose AMvB-onderdeel.
        onderwijsaanbieder: Only for a loose AMvB-onderdeel.
    """

    resultaatvolgnummer: str = attrs.field(validator=_str)
    code: str = attrs.field(validator=_str)
    certificaat: bool | None = attrs.field(default=None, validator=_opt_bool)
    datum_resultaat: dt.date | None = attrs.field(default=None, validator=_opt_date)
    inschrijvingvolgnummer: str | None = attrs.field(default=None, validator=_opt_str)
    onderwijsaanbieder: str | None = attrs.field(default=None, validator=_opt_str)

    @property
    def is_los(self) -> bool:
        """Whether the onderdeel carries the data of a loose result."""
        return self.datum_resultaat is not None


@attrs.frozen
class Diploma:
    """An MBO diploma (DUO record DIP) with its parts.

    Attributes:
        resultaatvolgnummer: The diploma's resultaatvolgnummer.
        opleidingscode: The crebo code of the opleiding.
        datum_resultaat: The date the diploma was obtained (the datum uitslag).
        indicatie_bekostigbaar: DUO's J/N.
        inschrijvingvolgnummer: The enrolment in which the diploma was obtained.
        onderwijsaanbieder: The RIO onderwijsaanbieder (``nnnAnnn``), if known.
        generieke_examenonderdelen: Nederlands, rekenen and Engels results.
        keuzedelen: Keuzedeel results.
        amvb_onderdelen: AMvB-onderdelen.
        niveau: The opleiding's niveau (1 = entree … 4); not in DUO's record.
            Give it (from the enrolment or the kwalificatiedossier) to have
            the codes checked against the niveau.
        cohort_start: The date the student started the opleiding; not in
            DUO's record. Give it to have the codes checked against the cohort.
    """

    resultaatvolgnummer: str = attrs.field(validator=_str)
    opleidingscode: str = attrs.field(validator=_str)
    datum_resultaat: dt.date = attrs.field(validator=_date)
    indicatie_bekostigbaar: bool = attrs.field(validator=f.boolean)
    inschrijvingvolgnummer: str = attrs.field(validator=_str)
    onderwijsaanbieder: str | None = attrs.field(default=None, validator=_opt_str)
    generieke_examenonderdelen: tuple[GeneriekExamenonderdeel, ...] = attrs.field(
        default=(),
        converter=_geos,
        validator=f.items(GeneriekExamenonderdeel, "GeneriekExamenonderdeel objects"),
    )
    keuzedelen: tuple[KeuzedeelResultaat, ...] = attrs.field(
        default=(),
        converter=_kzds,
        validator=f.items(KeuzedeelResultaat, "KeuzedeelResultaat objects"),
    )
    amvb_onderdelen: tuple[AmvbOnderdeel, ...] = attrs.field(
        default=(),
        converter=_amos,
        validator=f.items(AmvbOnderdeel, "AmvbOnderdeel objects"),
    )
    niveau: int | None = attrs.field(default=None, validator=_niveau)
    cohort_start: dt.date | None = attrs.field(default=None, validator=_opt_date)

    @property
    def is_los(self) -> bool:
        """Always ``False``: a diploma is never a loose result."""
        return False


@attrs.frozen
class LosseResultaten:
    """Results obtained without a diploma (loose GEO, KZD and AMO records).

    Attributes:
        generieke_examenonderdelen: Loose generic exam parts.
        keuzedelen: Loose keuzedelen.
        amvb_onderdelen: Loose AMvB-onderdelen.
    """

    generieke_examenonderdelen: tuple[GeneriekExamenonderdeel, ...] = attrs.field(
        default=(),
        converter=_geos,
        validator=f.items(GeneriekExamenonderdeel, "GeneriekExamenonderdeel objects"),
    )
    keuzedelen: tuple[KeuzedeelResultaat, ...] = attrs.field(
        default=(),
        converter=_kzds,
        validator=f.items(KeuzedeelResultaat, "KeuzedeelResultaat objects"),
    )
    amvb_onderdelen: tuple[AmvbOnderdeel, ...] = attrs.field(
        default=(),
        converter=_amos,
        validator=f.items(AmvbOnderdeel, "AmvbOnderdeel objects"),
    )
