"""The record layer of DUO's return files: one frozen class per record type (private).

Each class lists its fields in the order of the PvE MBO-instelling 4.8.2
(§13.5 for the OBO, §15.5 for the registratieoverzicht), named after the
PvE's field names in snake_case. The field kind (text, date, grade ×10, ...)
and whether the PvE marks it *verplicht* are in the field's metadata, so the
class is the single description of its line layout; the reader and writer in
[`duo_domain.serialize.returnfile`][duo_domain.serialize.returnfile] work from it.

Every record also carries an [`Opmaak`][duo_domain.serialize.returnfile.Opmaak] (``opmaak``): the separator,
date notation, layout variant and field count of the line it was read from,
so that writing it gives back the same line. ``opmaak`` takes no part in
equality.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any, ClassVar, Final

import attrs

from duo_domain.identity._common import mask
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import OnvolledigeDatum

__all__ = [
    "RECORD_CLASSES",
    "AmoRecord",
    "BpvRecord",
    "Datumnotatie",
    "DipRecord",
    "GeoRecord",
    "IseRecord",
    "IsgRecord",
    "IspRecord",
    "Kind",
    "KzdRecord",
    "OboBpvRecord",
    "OboCtrRecord",
    "OboDipRecord",
    "OboIsgRecord",
    "OboIspRecord",
    "OboNatRecord",
    "OboVbtRecord",
    "OboVlpRecord",
    "OngeldigNummer",
    "Opmaak",
    "PerRecord",
    "Persoonsnummer",
    "Record",
    "SlrRecord",
    "VlpRecord",
    "layout",
]


class Datumnotatie(enum.Enum):
    """How a line writes its dates.

    ``ISO`` is the notation of the PvE (``ccyy-mm-dd``); ``DMY`` (``1-8-2025``)
    and ``DMY_PADDED`` (``01-08-2025``) appear in files that went through a
    spreadsheet; ``COMPACT`` (``20250801``) is the notation of DUO's GRONDSLAG
    files.
    """

    ISO = "ccyy-mm-dd"
    DMY = "d-m-ccyy"
    DMY_PADDED = "dd-mm-ccyy"
    COMPACT = "ccyymmdd"

    def format(self, jaar: int, maand: int, dag: int) -> str:
        """The date in this notation (``0`` for an unknown month or day).

        Examples:
            >>> Datumnotatie.DMY.format(2025, 8, 1), Datumnotatie.ISO.format(1987, 0, 0)
            ('1-8-2025', '1987-00-00')
        """
        if self is Datumnotatie.ISO:
            return f"{jaar:04d}-{maand:02d}-{dag:02d}"
        if self is Datumnotatie.DMY:
            return f"{dag}-{maand}-{jaar:04d}"
        if self is Datumnotatie.DMY_PADDED:
            return f"{dag:02d}-{maand:02d}-{jaar:04d}"
        return f"{jaar:04d}{maand:02d}{dag:02d}"


@attrs.frozen
class Opmaak:
    """How a record's line looks, beyond its values: what is needed to write it back identically.

    Attributes:
        scheidingsteken: The field separator: ``|`` (the PvE) or ``;``.
        datumnotatie: How the line writes its dates.
        aantal_velden: The number of fields on the line, when it differs from
            the layout's own (spreadsheets pad or cut off trailing empty fields).
        variant: The layout variant, for record types that occur in more than
            one (see [`layout`][duo_domain.serialize.returnfile.layout]); ``0`` is the default.

    Examples:
        >>> Opmaak(";", Datumnotatie.DMY).datumnotatie.format(2025, 8, 1)
        '1-8-2025'
    """

    scheidingsteken: str = "|"
    datumnotatie: Datumnotatie = Datumnotatie.ISO
    aantal_velden: int | None = None
    variant: int = 0


#: The layout of the PvE: pipes, ISO dates, every field written.
PVE: Final = Opmaak()


@attrs.frozen(repr=False, order=True)
class OngeldigNummer:
    """A BSN or onderwijsnummer field whose value fails DUO's check, kept as it was written.

    Pseudonymised test files (``BSN1``) and damaged data have such values. The
    reader keeps them so that nothing is lost and reports a problem; like
    [`Bsn`][duo_domain.identity.Bsn] the value is masked when shown.

    Attributes:
        soort: ``"bsn"`` or ``"onderwijsnummer"``: the field it stood in.

    Examples:
        >>> n = OngeldigNummer("123456789", "bsn")
        >>> n, n.unmasked()
        (OngeldigNummer('*****6789', soort='bsn'), '123456789')
    """

    _waarde: str = attrs.field(alias="waarde")
    soort: str

    def unmasked(self) -> str:
        """The value as written. Handle with care: it may be personal data."""
        return self._waarde

    @property
    def masked(self) -> str:
        """All but the last four characters replaced by ``*``."""
        return mask(self._waarde)

    def __repr__(self) -> str:
        return f"OngeldigNummer({self.masked!r}, soort={self.soort!r})"

    def __str__(self) -> str:
        return self.masked


#: What a BSN or onderwijsnummer field holds.
Persoonsnummer = Bsn | Onderwijsnummer | OngeldigNummer


class Kind(enum.Enum):
    """The kind of a field: how its text is read and written."""

    TEXT = "text"  # AN: kept verbatim
    DIGITS = "digits"  # N with a fixed meaning as text (LeerbedrijfID): digits, kept as str
    INT = "int"  # N: a whole number without leading zeros
    DATE = "date"  # D: a complete date
    PARTIAL_DATE = "partial_date"  # D where day, or day and month, may be 00
    RAW_DATE = "raw_date"  # D where even the year may be 0000: kept as text
    JN = "jn"  # J/N as bool
    GRADE = "grade"  # N1..2: a whole grade as Decimal
    GRADE10 = "grade10"  # N2..3: a grade with one decimal, written ×10
    BSN = "bsn"
    ONDERWIJSNUMMER = "onderwijsnummer"


_META_KIND = "duo_kind"
_META_REQUIRED = "duo_verplicht"


def _verplicht(kind: Kind) -> dict[str, Any]:
    """The metadata of a field of ``kind`` that the PvE requires."""
    return {_META_KIND: kind, _META_REQUIRED: True}


def _optioneel(kind: Kind) -> dict[str, Any]:
    """The metadata of an optional field of ``kind`` (``None`` when empty)."""
    return {_META_KIND: kind, _META_REQUIRED: False}


# ---------------------------------------------------------------- registratieoverzicht (§15)


@attrs.frozen(kw_only=True)
class VlpRecord:
    """Voorlooprecord of a registratieoverzicht (PvE §15.5.1)."""

    RECORDSOORT: ClassVar[str] = "VLP"
    brin: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_begin_periode: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_einde_periode: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_aanmaak: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class PerRecord:
    """Persoon (PvE §15.5.2, §13.5.2): the person the following records are about.

    The PvE requires exactly one of the two numbers; the geboortedatum may
    have ``00`` for an unknown day or month.
    """

    RECORDSOORT: ClassVar[str] = "PER"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    geboortedatum: OnvolledigeDatum = attrs.field(metadata=_verplicht(Kind.PARTIAL_DATE))
    geslacht: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class IsgRecord:
    """Inschrijving (PvE §15.5.3)."""

    RECORDSOORT: ClassVar[str] = "ISG"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    inschrijvingvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_inschrijving: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_uitschrijving_gepland: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_uitschrijving_werkelijk: dt.date | None = attrs.field(default=None, metadata=_optioneel(Kind.DATE))
    reden_uitschrijving: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class IspRecord:
    """Inschrijvingsperiode (PvE §15.5.4)."""

    RECORDSOORT: ClassVar[str] = "ISP"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    inschrijvingvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_begin: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    opleidingcode: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    leertraject: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    niveau: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    indicatie_bekostigbaar: bool = attrs.field(metadata=_verplicht(Kind.JN))
    locatiecode_vsv: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    onderwijsaanbieder: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    onderwijslocatie: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    leerroute: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    leerroutefase: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class IseRecord:
    """Periode extra ondersteuning (PvE §15.5.5); both dates inclusive."""

    RECORDSOORT: ClassVar[str] = "ISE"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    inschrijvingvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_begin: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_eind: dt.date | None = attrs.field(default=None, metadata=_optioneel(Kind.DATE))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class BpvRecord:
    """BPV (PvE §15.5.6): one praktijkovereenkomst."""

    RECORDSOORT: ClassVar[str] = "BPV"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    inschrijvingvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    volgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    afsluitdatum: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_begin: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_einde_gepland: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_einde_werkelijk: dt.date | None = attrs.field(default=None, metadata=_optioneel(Kind.DATE))
    omvang: int | None = attrs.field(default=None, metadata=_optioneel(Kind.INT))
    leerbedrijf_id: str = attrs.field(metadata=_verplicht(Kind.DIGITS))
    opleidingcode: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    code_keuzedeel: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class DipRecord:
    """Diploma (PvE §15.5.7).

    DUO's actual files have one position more than the PvE describes: an
    always-empty field between *Datum resultaat* and *Indicatie bekostigbaar*.
    It is kept as ``veld_7`` (the seventh field of the line). A line laid out
    exactly as the PvE describes is read too (layout variant 1) and written
    back without that position.
    """

    RECORDSOORT: ClassVar[str] = "DIP"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    resultaatvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    opleidingcode: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_resultaat: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    veld_7: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    indicatie_bekostigbaar: bool = attrs.field(metadata=_verplicht(Kind.JN))
    inschrijvingvolgnummer: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    onderwijsaanbieder: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class AmoRecord:
    """AMvB-onderdeel (PvE §15.5.8); with a diploma, or loose (then dated)."""

    RECORDSOORT: ClassVar[str] = "AMO"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    resultaatvolgnummer_diploma: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opleidingcode_diploma: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    resultaatvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    code_amvb_onderdeel: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_resultaat: dt.date | None = attrs.field(default=None, metadata=_optioneel(Kind.DATE))
    certificaat: bool | None = attrs.field(default=None, metadata=_optioneel(Kind.JN))
    inschrijvingvolgnummer: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    onderwijsaanbieder: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class GeoRecord:
    """Generiek examenonderdeel (PvE §15.5.9).

    ``eindcijfer`` is the whole grade (N1..2); ``cijfer_ie`` and ``cijfer_ce``
    are written by DUO as the grade ×10 (N2..3: ``74`` is 7,4) and read
    exactly into a `Decimal` with one decimal.
    """

    RECORDSOORT: ClassVar[str] = "GEO"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    resultaatvolgnummer_diploma: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opleidingcode_diploma: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    resultaatvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    code_generiek_examenonderdeel: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_resultaat: dt.date | None = attrs.field(default=None, metadata=_optioneel(Kind.DATE))
    eindcijfer: Decimal | None = attrs.field(default=None, metadata=_optioneel(Kind.GRADE))
    vrijstelling_generiek_examenonderdeel: str | None = attrs.field(
        default=None, metadata=_optioneel(Kind.TEXT)
    )
    cijfer_ie: Decimal | None = attrs.field(default=None, metadata=_optioneel(Kind.GRADE10))
    vrijstelling_ie: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    cijfer_ce: Decimal | None = attrs.field(default=None, metadata=_optioneel(Kind.GRADE10))
    vrijstelling_ce: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    inschrijvingvolgnummer: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    onderwijsaanbieder: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class KzdRecord:
    """Keuzedeel (PvE §15.5.10); ``resultaat`` is ``Behaald`` or ``Niet behaald``."""

    RECORDSOORT: ClassVar[str] = "KZD"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    resultaatvolgnummer_diploma: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opleidingcode_diploma: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    resultaatvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    code_keuzedeel: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_resultaat: dt.date | None = attrs.field(default=None, metadata=_optioneel(Kind.DATE))
    resultaat: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    certificaat: bool | None = attrs.field(default=None, metadata=_optioneel(Kind.JN))
    inschrijvingvolgnummer: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    onderwijsaanbieder: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class SlrRecord:
    """Sluitrecord (PvE §15.5.11): the counts of the records in the file."""

    RECORDSOORT: ClassVar[str] = "SLR"
    totaal_aantal_personen: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_deelnames: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_deelnameperiodes: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_periodes_extra_ondersteuning: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_bpvs: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_diplomas: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_amvb_onderdelen: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_generieke_examenonderdelen: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_keuzedelen: int = attrs.field(metadata=_verplicht(Kind.INT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


# ------------------------------------------------ Overzicht Basis- en diplomagegevens Onderzoek (§13)


@attrs.frozen(kw_only=True)
class OboVlpRecord:
    """Voorlooprecord of an OBO (PvE §13.5.1); ``studiejaar`` as ``2015-2016``."""

    RECORDSOORT: ClassVar[str] = "VLP"
    studiejaar: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    brin: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_aanvraag: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_aanmaak_obo: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboVbtRecord:
    """Verblijfstitel (PvE §13.5.3); ``datum_eind`` is exclusive."""

    RECORDSOORT: ClassVar[str] = "VBT"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    datum_begin: OnvolledigeDatum = attrs.field(metadata=_verplicht(Kind.PARTIAL_DATE))
    datum_eind: OnvolledigeDatum | None = attrs.field(default=None, metadata=_optioneel(Kind.PARTIAL_DATE))
    verblijfstitel: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboNatRecord:
    """Nationaliteit (PvE §13.5.4).

    Its dates may be entirely unknown (``0000-00-00``), which no date type
    holds: they are kept as the text DUO wrote.
    """

    RECORDSOORT: ClassVar[str] = "NAT"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    nationaliteitscode: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_begin_nationaliteit: str = attrs.field(metadata=_verplicht(Kind.RAW_DATE))
    datum_einde_nationaliteit: str | None = attrs.field(default=None, metadata=_optioneel(Kind.RAW_DATE))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboIsgRecord:
    """Inschrijving in an OBO (PvE §13.5.5)."""

    RECORDSOORT: ClassVar[str] = "ISG"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    inschrijvingvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_inschrijving: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_uitschrijving_werkelijk: dt.date | None = attrs.field(default=None, metadata=_optioneel(Kind.DATE))
    indicatie_geldig_op_1_10: bool = attrs.field(metadata=_verplicht(Kind.JN))
    indicatie_geldig_op_1_2: bool = attrs.field(metadata=_verplicht(Kind.JN))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboIspRecord:
    """Inschrijvingsperiode in an OBO (PvE §13.5.6)."""

    RECORDSOORT: ClassVar[str] = "ISP"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    inschrijvingvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_begin: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    opleidingcode: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    leertraject: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    niveau: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    leerroute: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    leerroutefase: str | None = attrs.field(default=None, metadata=_optioneel(Kind.TEXT))
    indicatie_bekostigbaar: bool = attrs.field(metadata=_verplicht(Kind.JN))
    indicatie_geldig_op_1_10: bool = attrs.field(metadata=_verplicht(Kind.JN))
    indicatie_geldig_op_1_2: bool = attrs.field(metadata=_verplicht(Kind.JN))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboBpvRecord:
    """BPV in an OBO (PvE §13.5.7)."""

    RECORDSOORT: ClassVar[str] = "BPV"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    inschrijvingvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    volgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    afsluitdatum: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_begin: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    datum_einde_werkelijk: dt.date | None = attrs.field(default=None, metadata=_optioneel(Kind.DATE))
    opleidingcode: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboDipRecord:
    """Diploma in an OBO (PvE §13.5.8)."""

    RECORDSOORT: ClassVar[str] = "DIP"
    burgerservicenummer: Persoonsnummer | None = attrs.field(default=None, metadata=_optioneel(Kind.BSN))
    onderwijsnummer: Persoonsnummer | None = attrs.field(
        default=None, metadata=_optioneel(Kind.ONDERWIJSNUMMER)
    )
    resultaatvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    opleidingcode: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    datum_resultaat: dt.date = attrs.field(metadata=_verplicht(Kind.DATE))
    indicatie_bekostigbaar: bool = attrs.field(metadata=_verplicht(Kind.JN))
    inschrijvingvolgnummer: str = attrs.field(metadata=_verplicht(Kind.TEXT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboCtrRecord:
    """Controletotalen of an OBO (PvE §13.5.9)."""

    RECORDSOORT: ClassVar[str] = "CTR"
    totaal_aantal_deelnames: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_diplomas: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_opleidingcodes: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_generaal: int = attrs.field(metadata=_verplicht(Kind.INT))
    totaal_aantal_records_isp_en_dip_bekostigbaar: int = attrs.field(metadata=_verplicht(Kind.INT))
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


#: Any record of a return file.
Record = (
    VlpRecord
    | PerRecord
    | IsgRecord
    | IspRecord
    | IseRecord
    | BpvRecord
    | DipRecord
    | AmoRecord
    | GeoRecord
    | KzdRecord
    | SlrRecord
    | OboVlpRecord
    | OboVbtRecord
    | OboNatRecord
    | OboIsgRecord
    | OboIspRecord
    | OboBpvRecord
    | OboDipRecord
    | OboCtrRecord
)

#: The record classes per file kind (``"RO"``, ``"OBO"``) and record type.
RECORD_CLASSES: Final[dict[str, dict[str, type[Any]]]] = {
    "RO": {
        c.RECORDSOORT: c
        for c in (
            VlpRecord,
            PerRecord,
            IsgRecord,
            IspRecord,
            IseRecord,
            BpvRecord,
            DipRecord,
            AmoRecord,
            GeoRecord,
            KzdRecord,
            SlrRecord,
        )
    },
    "OBO": {
        c.RECORDSOORT: c
        for c in (
            OboVlpRecord,
            PerRecord,
            OboVbtRecord,
            OboNatRecord,
            OboIsgRecord,
            OboIspRecord,
            OboBpvRecord,
            OboDipRecord,
            OboCtrRecord,
        )
    },
}


@attrs.frozen
class Veld:
    """One field of a layout: its name, kind and whether the PvE requires it."""

    naam: str
    kind: Kind
    verplicht: bool


_LAYOUTS: dict[tuple[type[Any], int], tuple[Veld, ...]] = {}


def layout(cls: type[Any], variant: int = 0) -> tuple[Veld, ...]:
    """The fields after the record type, in line order, of layout ``variant`` of ``cls``.

    Variant 0 is the layout of DUO's files; [`DipRecord`][duo_domain.serialize.returnfile.DipRecord] has a
    variant 1
    without ``veld_7``, as the PvE describes it.

    Examples:
        >>> [v.naam for v in layout(IseRecord)]
        ['burgerservicenummer', 'onderwijsnummer', 'inschrijvingvolgnummer', 'datum_begin', 'datum_eind']
        >>> len(layout(DipRecord)), len(layout(DipRecord, 1))
        (9, 8)
    """
    key = (cls, variant)
    found = _LAYOUTS.get(key)
    if found is None:
        velden = tuple(
            Veld(a.name, a.metadata[_META_KIND], a.metadata[_META_REQUIRED])
            for a in attrs.fields(cls)
            if _META_KIND in a.metadata
        )
        if cls is DipRecord and variant == 1:
            velden = tuple(v for v in velden if v.naam != "veld_7")
        elif variant != 0:
            raise ValueError(f"{cls.__name__} has no layout variant {variant}")
        _LAYOUTS[key] = found = velden
    return found


def variants(cls: type[Any]) -> int:
    """How many layout variants ``cls`` has."""
    return 2 if cls is DipRecord else 1
