"""The record layer of DUO's return files (private).

The line layouts come from one table, [`duo_domain.mbo.pve`][duo_domain.mbo.pve] (every field
of PvE MBO-instelling – DUO v4.8.2 chapters 13–17: position, kind, whether
required). The registratieoverzicht (§15) and the OBO (§13) have one frozen
class per record type whose attributes are the table's attribute names, in
line order (a test holds the two together); the difference lists (§14) and
the GRONDSLAG IP MBO (§17) are read into [`PveRecord`][duo_domain.serialize.returnfile.PveRecord], one generic
record whose values follow the table.

Every record also carries an [`Opmaak`][duo_domain.serialize.returnfile.Opmaak] (``opmaak``): the separator,
date notation, layout variant and field count of the line it was read from,
so that writing it gives back the same line. ``opmaak`` takes no part in
equality.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from decimal import Decimal
from typing import Any, ClassVar, Final

import attrs

from duo_domain.errors import InvalidCode, InvalidValue
from duo_domain.identity import mask
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import OnvolledigeDatum
from duo_domain.mbo import pve

__all__ = [
    "LEEGGEMAAKT",
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
    "Kolom",
    "Kopregel",
    "KzdRecord",
    "Leeggemaakt",
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
    "PveRecord",
    "Record",
    "SlrRecord",
    "VlpRecord",
    "layout",
    "table_layout",
    "variants",
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
        soort: ``"bsn"``, ``"onderwijsnummer"`` or ``"pgn"`` (either): the field it stood in.

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
    BIT = "bit"  # B in the GRONDSLAG: 1 or 0 as bool
    BOOL = "bool"  # xs:boolean in the TBG-i: true or false
    DECIMAL = "decimal"  # a decimal number, kept exactly as Decimal
    BSN = "bsn"
    ONDERWIJSNUMMER = "onderwijsnummer"
    PGN = "pgn"  # a persoonsgebonden nummer (GRONDSLAG): a BSN or an onderwijsnummer, masked when shown


# ---------------------------------------------------------------- registratieoverzicht (§15)


@attrs.frozen(kw_only=True)
class VlpRecord:
    """Voorlooprecord of a registratieoverzicht (PvE §15.5.1)."""

    RECORDSOORT: ClassVar[str] = "VLP"
    brin: str
    datum_begin_periode: dt.date
    datum_einde_periode: dt.date
    datum_aanmaak: dt.date
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class PerRecord:
    """Persoon (PvE §15.5.2, §13.5.2): the person the following records are about.

    The PvE requires exactly one of the two numbers; the geboortedatum may
    have ``00`` for an unknown day or month.
    """

    RECORDSOORT: ClassVar[str] = "PER"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    geboortedatum: OnvolledigeDatum
    geslacht: str
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class IsgRecord:
    """Inschrijving (PvE §15.5.3)."""

    RECORDSOORT: ClassVar[str] = "ISG"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    inschrijvingvolgnummer: str
    datum_inschrijving: dt.date
    datum_uitschrijving_gepland: dt.date
    datum_uitschrijving_werkelijk: dt.date | None = None
    reden_uitschrijving: str | None = None
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class IspRecord:
    """Inschrijvingsperiode (PvE §15.5.4)."""

    RECORDSOORT: ClassVar[str] = "ISP"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    inschrijvingvolgnummer: str
    datum_begin: dt.date
    opleidingcode: str
    leertraject: str
    niveau: str | None = None
    indicatie_bekostigbaar: bool
    locatiecode_vsv: str | None = None
    onderwijsaanbieder: str | None = None
    onderwijslocatie: str | None = None
    leerroute: str | None = None
    leerroutefase: str | None = None
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class IseRecord:
    """Periode extra ondersteuning (PvE §15.5.5); both dates inclusive."""

    RECORDSOORT: ClassVar[str] = "ISE"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    inschrijvingvolgnummer: str
    datum_begin: dt.date
    datum_eind: dt.date | None = None
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class BpvRecord:
    """BPV (PvE §15.5.6): one praktijkovereenkomst."""

    RECORDSOORT: ClassVar[str] = "BPV"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    inschrijvingvolgnummer: str
    volgnummer: str
    afsluitdatum: dt.date
    datum_begin: dt.date
    datum_einde_gepland: dt.date
    datum_einde_werkelijk: dt.date | None = None
    omvang: int | None = None
    leerbedrijf_id: str
    opleidingcode: str | None = None
    code_keuzedeel: str | None = None
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
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    resultaatvolgnummer: str
    opleidingcode: str
    datum_resultaat: dt.date
    veld_7: str | None = None
    indicatie_bekostigbaar: bool
    inschrijvingvolgnummer: str | None = None
    onderwijsaanbieder: str | None = None
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class AmoRecord:
    """AMvB-onderdeel (PvE §15.5.8); with a diploma, or loose (then dated)."""

    RECORDSOORT: ClassVar[str] = "AMO"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    resultaatvolgnummer_diploma: str | None = None
    opleidingcode_diploma: str | None = None
    resultaatvolgnummer: str
    code_amvb_onderdeel: str
    datum_resultaat: dt.date | None = None
    certificaat: bool | None = None
    inschrijvingvolgnummer: str | None = None
    onderwijsaanbieder: str | None = None
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class GeoRecord:
    """Generiek examenonderdeel (PvE §15.5.9).

    ``eindcijfer`` is the whole grade (N1..2); ``cijfer_ie`` and ``cijfer_ce``
    are written by DUO as the grade ×10 (N2..3: ``74`` is 7,4) and read
    exactly into a `Decimal` with one decimal.
    """

    RECORDSOORT: ClassVar[str] = "GEO"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    resultaatvolgnummer_diploma: str | None = None
    opleidingcode_diploma: str | None = None
    resultaatvolgnummer: str
    code_generiek_examenonderdeel: str
    datum_resultaat: dt.date | None = None
    eindcijfer: Decimal | None = None
    vrijstelling_generiek_examenonderdeel: str | None = None
    cijfer_ie: Decimal | None = None
    vrijstelling_ie: str | None = None
    cijfer_ce: Decimal | None = None
    vrijstelling_ce: str | None = None
    inschrijvingvolgnummer: str | None = None
    onderwijsaanbieder: str | None = None
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class KzdRecord:
    """Keuzedeel (PvE §15.5.10); ``resultaat`` is ``Behaald`` or ``Niet behaald``."""

    RECORDSOORT: ClassVar[str] = "KZD"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    resultaatvolgnummer_diploma: str | None = None
    opleidingcode_diploma: str | None = None
    resultaatvolgnummer: str
    code_keuzedeel: str
    datum_resultaat: dt.date | None = None
    resultaat: str
    certificaat: bool | None = None
    inschrijvingvolgnummer: str | None = None
    onderwijsaanbieder: str | None = None
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class SlrRecord:
    """Sluitrecord (PvE §15.5.11): the counts of the records in the file."""

    RECORDSOORT: ClassVar[str] = "SLR"
    totaal_aantal_personen: int
    totaal_aantal_deelnames: int
    totaal_aantal_deelnameperiodes: int
    totaal_aantal_periodes_extra_ondersteuning: int
    totaal_aantal_bpvs: int
    totaal_aantal_diplomas: int
    totaal_aantal_amvb_onderdelen: int
    totaal_aantal_generieke_examenonderdelen: int
    totaal_aantal_keuzedelen: int
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


# ------------------------------------------------ Overzicht Basis- en diplomagegevens Onderzoek (§13)


@attrs.frozen(kw_only=True)
class OboVlpRecord:
    """Voorlooprecord of an OBO (PvE §13.5.1); ``studiejaar`` as ``2015-2016``."""

    RECORDSOORT: ClassVar[str] = "VLP"
    studiejaar: str
    brin: str
    datum_aanvraag: dt.date
    datum_aanmaak_obo: dt.date
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboVbtRecord:
    """Verblijfstitel (PvE §13.5.3); ``datum_eind`` is exclusive."""

    RECORDSOORT: ClassVar[str] = "VBT"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    datum_begin: OnvolledigeDatum
    datum_eind: OnvolledigeDatum | None = None
    verblijfstitel: str
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboNatRecord:
    """Nationaliteit (PvE §13.5.4).

    Its dates may be entirely unknown (``0000-00-00``), which no date type
    holds: they are kept as the text DUO wrote.
    """

    RECORDSOORT: ClassVar[str] = "NAT"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    nationaliteitscode: str
    datum_begin_nationaliteit: str
    datum_einde_nationaliteit: str | None = None
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboIsgRecord:
    """Inschrijving in an OBO (PvE §13.5.5)."""

    RECORDSOORT: ClassVar[str] = "ISG"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    inschrijvingvolgnummer: str
    datum_inschrijving: dt.date
    datum_uitschrijving_werkelijk: dt.date | None = None
    indicatie_geldig_op_1_10: bool
    indicatie_geldig_op_1_2: bool
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboIspRecord:
    """Inschrijvingsperiode in an OBO (PvE §13.5.6)."""

    RECORDSOORT: ClassVar[str] = "ISP"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    inschrijvingvolgnummer: str
    datum_begin: dt.date
    opleidingcode: str
    leertraject: str
    niveau: str | None = None
    leerroute: str | None = None
    leerroutefase: str | None = None
    indicatie_bekostigbaar: bool
    indicatie_geldig_op_1_10: bool
    indicatie_geldig_op_1_2: bool
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboBpvRecord:
    """BPV in an OBO (PvE §13.5.7)."""

    RECORDSOORT: ClassVar[str] = "BPV"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    inschrijvingvolgnummer: str
    volgnummer: str
    afsluitdatum: dt.date
    datum_begin: dt.date
    datum_einde_werkelijk: dt.date | None = None
    opleidingcode: str
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboDipRecord:
    """Diploma in an OBO (PvE §13.5.8)."""

    RECORDSOORT: ClassVar[str] = "DIP"
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    resultaatvolgnummer: str
    opleidingcode: str
    datum_resultaat: dt.date
    indicatie_bekostigbaar: bool
    inschrijvingvolgnummer: str
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class OboCtrRecord:
    """Controletotalen of an OBO (PvE §13.5.9)."""

    RECORDSOORT: ClassVar[str] = "CTR"
    totaal_aantal_deelnames: int
    totaal_aantal_diplomas: int
    totaal_opleidingcodes: int
    totaal_generaal: int
    totaal_aantal_records_isp_en_dip_bekostigbaar: int
    opmaak: Opmaak = attrs.field(default=PVE, kw_only=True, eq=False, repr=False)


class Leeggemaakt(enum.Enum):
    """The mark ``*`` of a difference list: the value was emptied (PvE §14.1)."""

    LEEGGEMAAKT = "*"

    def __repr__(self) -> str:
        return "LEEGGEMAAKT"


#: A new value that DUO emptied, in a difference list (written ``*``).
LEEGGEMAAKT: Final = Leeggemaakt.LEEGGEMAAKT


@attrs.frozen
class Kopregel:
    """The header line of a difference list (PvE §14.4): the field names, kept as written.

    Examples:
        >>> Kopregel("Recordsoort|Burgerservicenummer").namen
        ('Recordsoort', 'Burgerservicenummer')
    """

    tekst: str
    scheidingsteken: str = "|"

    @property
    def namen(self) -> tuple[str, ...]:
        """The names on the line."""
        return tuple(self.tekst.split(self.scheidingsteken))


@attrs.frozen(repr=False)
class PveRecord:
    """A record of a difference list (§14) or a GRONDSLAG IP MBO file (§17), laid out by the PvE table.

    Attributes:
        bestand: ``"OBOV"`` or ``"GRONDSLAG"``.
        recordsoort: The record type, e.g. ``"ISP"``.
        waarden: One value per field of [`duo_domain.mbo.pve.velden`][duo_domain.mbo.pve.velden], in
            line order: ``None`` when empty, else read as the table says
            (dates as `datetime.date`, ``1``/``0`` and ``J``/``N`` as
            bool, grades as `Decimal`, person numbers masked),
            `LEEGGEMAAKT` for a ``*`` in a difference list.
        extra: Fields after the layout's last, kept as written (DUO's
            GRONDSLAG PER lines have four that the PvE does not describe).
        opmaak: How the line was written.

    Examples:
        >>> from duo_domain.serialize.returnfile import read
        >>> rec = read("VLP;27DV;2025;20251119;V").records[0]
        >>> rec["studiejaar"], rec["aanmaakdatum"], rec.recordsoort
        (2025, datetime.date(2025, 11, 19), 'VLP')
    """

    bestand: str
    recordsoort: str
    waarden: tuple[Any, ...]
    extra: tuple[str, ...] = ()
    opmaak: Opmaak = attrs.field(default=PVE, eq=False)

    @property
    def RECORDSOORT(self) -> str:  # noqa: N802 - the typed records' class attribute, per instance
        """The record type (as the typed records have it)."""
        return self.recordsoort

    def namen(self) -> tuple[str, ...]:
        """The attribute names of the values, from the PvE table."""
        return tuple(v.naam for v in table_layout(self.bestand, self.recordsoort))

    def __getitem__(self, attribuut: str) -> Any:
        for veld, waarde in zip(table_layout(self.bestand, self.recordsoort), self.waarden, strict=False):
            if veld.naam == attribuut:
                return waarde
        raise InvalidCode(
            f"{self.bestand} {self.recordsoort} has no field {attribuut!r}",
            waardenlijst="veld",
            value=attribuut,
        )

    def asdict(self) -> dict[str, Any]:
        """The values by attribute name (person numbers stay masked objects)."""
        return dict(zip(self.namen(), self.waarden, strict=False))

    def __repr__(self) -> str:
        body = ", ".join(f"{k}={v!r}" for k, v in self.asdict().items())
        extra = f", extra={self.extra!r}" if self.extra else ""
        return f"PveRecord({self.bestand}.{self.recordsoort}: {body}{extra})"


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
    | PveRecord
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
class Kolom:
    """One column (field position) of a return-file layout: its name, kind and whether the PvE requires it.

    Not [`duo_domain.mbo.pve.Veld`][duo_domain.mbo.pve.Veld], the PvE's own description of a field.
    """

    naam: str
    kind: Kind
    verplicht: bool


#: The file kind of the typed record classes.
_BESTAND_VAN: Final[dict[type[Any], str]] = {
    cls: bestand for bestand, table in RECORD_CLASSES.items() for cls in table.values()
}

# DUO's DIP lines have one position more than the PvE describes: an
# always-empty field after Datum resultaat (kept as ``veld_7``).
_DIP_VELD_7: Final = Kolom("veld_7", Kind.TEXT, verplicht=False)


@functools.cache
def table_layout(bestand: str, recordsoort: str) -> tuple[Kolom, ...]:
    """The fields after the record type of a record type of a file kind, from the PvE table."""
    return tuple(Kolom(v.attribuut, Kind(v.lezen), v.verplicht) for v in pve.velden(bestand, recordsoort))


def layout(cls: type[Any], variant: int = 0) -> tuple[Kolom, ...]:
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
    try:
        found = _LAYOUTS.get((cls, variant))
    except TypeError:  # an unhashable argument: no layout either
        found = None
    if found is None:
        name = getattr(cls, "__name__", type(cls).__name__)
        raise InvalidValue(f"{name} has no layout variant {variant!r:.20}")
    return found


def _layout(cls: type[Any], variant: int) -> tuple[Kolom, ...]:
    velden = table_layout(_BESTAND_VAN[cls], cls.RECORDSOORT)
    if cls is DipRecord and variant == 0:
        at = next(i for i, v in enumerate(velden) if v.naam == "datum_resultaat") + 1
        return (*velden[:at], _DIP_VELD_7, *velden[at:])
    return velden


def variants(cls: type[Any]) -> int:
    """How many layout variants ``cls`` has."""
    return 2 if cls is DipRecord else 1


# Every layout, built once from the table when the module is imported.
_LAYOUTS: Final[dict[tuple[type[Any], int], tuple[Kolom, ...]]] = {
    (cls, variant): _layout(cls, variant) for cls in _BESTAND_VAN for variant in range(variants(cls))
}
