"""The record layouts of DUO's MBO files, as data (PvE MBO-instelling – DUO v4.8.2, ch. 13–17).

DUO's *Programma van Eisen MBO-instelling* describes, field by field, the
files DUO sends an institution: the overview of basic data (OBO, §13), its
difference lists (OBOV, §14), the registratieoverzicht (RO, §15), the TBG-i
funding file in XML (TBGI, §16) and the GRONDSLAG IP MBO funding basis
(GRONDSLAG, §17). This module ships those descriptions as one table
(``data/pve-mbo-4.8.2-layouts.csv``) and reads it once.

Both the return-file reader ([`duo_domain.serialize.returnfile`][duo_domain.serialize.returnfile]) and the
MBO format rules ([`duo_domain.mbo.formats`][duo_domain.mbo.formats]) work from this table, so the
reader and the validator can never disagree about a field's format.

Each row is one field: the file kind, the record type (for the TBG-i: the
XML group), its position after the record type, the PvE's name, the Python
attribute name, the XML element name (TBG-i only, as DUO's files write it),
the PvE format (``AN``, ``N``, ``D``, ``B``, ``DT``), the length range,
whether the PvE requires it, how the reader reads it, a pattern where the
PvE prescribes the characters (``nnnAnnn``, letters and digits only, ...), the
value list the PvE gives, the PvE section and a remark where DUO's actual
files differ from the PvE.

Examples:
    >>> from duo_domain.mbo import pve
    >>> [v.attribuut for v in pve.velden("RO", "ISE")]
    ['burgerservicenummer', 'onderwijsnummer', 'inschrijvingvolgnummer', 'datum_begin', 'datum_eind']
    >>> v = pve.veld("RO", "ISP", "onderwijslocatie")
    >>> v.formaat, v.lengte_min, v.lengte_max, v.patroon, v.bron
    ('AN', 7, 7, '[0-9]{3}X[0-9]{3}', 'PvE MBO-instelling – DUO v4.8.2 §15.5.4')
    >>> v.past("101X591"), v.past("101x591")
    (True, False)
    >>> pve.recordsoorten("GRONDSLAG")[:4]
    ('VLP', 'PER', 'ISG', 'ISP')
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
from typing import Final

import attrs

from duo_domain._sources import PVE_MBO
from duo_domain.errors import InvalidCode

__all__ = [
    "BESTANDEN",
    "LAYOUT_FILE",
    "LEESWIJZEN",
    "Veld",
    "alle_velden",
    "recordsoorten",
    "veld",
    "velden",
]

#: The name of the shipped table, in :mod:`duo_domain.mbo`'s ``data`` folder.
LAYOUT_FILE: Final = "pve-mbo-4.8.2-layouts.csv"

#: The file kinds of the table: OBO (§13), OBOV (§14), RO (§15), TBGI (§16), GRONDSLAG (§17).
BESTANDEN: Final = ("OBO", "OBOV", "RO", "TBGI", "GRONDSLAG")

#: How a field's text is read (the ``lezen`` column).
LEESWIJZEN: Final = frozenset(
    {
        "text",
        "digits",
        "int",
        "date",
        "partial_date",
        "raw_date",
        "jn",
        "bit",
        "bool",
        "grade",
        "grade10",
        "decimal",
        "bsn",
        "onderwijsnummer",
        "pgn",
    }
)

_FORMATEN: Final = frozenset({"AN", "N", "D", "B", "DT"})


@attrs.frozen
class Veld:
    """One field of a PvE record layout.

    Attributes:
        bestand: The file kind (see `BESTANDEN`).
        recordsoort: The record type (``ISP``), or for the TBG-i the XML group (``Teldatum``).
        positie: 1 for the first field after the record type; for the TBG-i the element's order.
        naam: The PvE's name of the field.
        attribuut: The snake_case attribute name the library uses.
        element: The XML element name as DUO's TBG-i files write it (empty otherwise).
        formaat: ``AN`` (text), ``N`` (number), ``D`` (date), ``B`` (boolean) or ``DT`` (date-time).
        lengte_min: The shortest value the PvE allows (``None`` where it gives no length).
        lengte_max: The longest value the PvE allows (``None`` where it gives no length).
        verplicht: Whether the PvE marks the field required.
        lezen: How the reader reads it (see `LEESWIJZEN`).
        patroon: A regular expression a value must match in full, where the PvE
            prescribes its characters (``None`` otherwise).
        waardenlijst: The values the PvE lists for the field (empty when open).
        sectie: The PvE section, e.g. ``15.5.4``.
        opmerking: Where DUO's actual files differ from the PvE, how.
    """

    bestand: str
    recordsoort: str
    positie: int
    naam: str
    attribuut: str
    element: str
    formaat: str
    lengte_min: int | None
    lengte_max: int | None
    verplicht: bool
    lezen: str
    patroon: str | None
    waardenlijst: tuple[str, ...]
    sectie: str
    opmerking: str = ""

    @property
    def bron(self) -> str:
        """The citation of the field's PvE section."""
        return f"{PVE_MBO} §{self.sectie}"

    @property
    def formaat_tekst(self) -> str:
        """The format as the PvE writes it, e.g. ``AN1..20`` or ``N12``."""
        if self.lengte_max is None:
            return self.formaat
        return f"{self.formaat}{self.lengte_min}..{self.lengte_max}"

    def past(self, waarde: str, *, waardenlijst: bool = True) -> bool:
        """Whether the text ``waarde`` fits the field's length, pattern and (unless told not to) value list.

        Only the PvE's own format is checked (length, characters, value list);
        dates and numbers are the reader's business.
        """
        if (
            self.lengte_max is not None
            and self.formaat == "AN"
            and not (self.lengte_min or 0) <= len(waarde) <= self.lengte_max
        ):
            return False
        if self.patroon is not None and _compiled(self.patroon).fullmatch(waarde) is None:
            return False
        return not (waardenlijst and self.waardenlijst) or waarde in self.waardenlijst


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _int_or_none(text: str) -> int | None:
    return int(text) if text else None


def _row(row: dict[str, str], line: int) -> Veld:
    if row["formaat"] not in _FORMATEN or row["lezen"] not in LEESWIJZEN or row["verplicht"] not in "JN":
        raise ValueError(f"{LAYOUT_FILE} line {line}: unknown formaat, lezen or verplicht")
    return Veld(
        bestand=row["bestand"],
        recordsoort=row["recordsoort"],
        positie=int(row["positie"]),
        naam=row["naam"],
        attribuut=row["attribuut"],
        element=row["element"],
        formaat=row["formaat"],
        lengte_min=_int_or_none(row["min"]),
        lengte_max=_int_or_none(row["max"]),
        verplicht=row["verplicht"] == "J",
        lezen=row["lezen"],
        patroon=row["patroon"] or None,
        waardenlijst=tuple(row["waardenlijst"].split("|")) if row["waardenlijst"] else (),
        sectie=row["sectie"],
        opmerking=row["opmerking"],
    )


@functools.cache
def alle_velden() -> tuple[Veld, ...]:
    """Every field of the table, in table order (read once from the package data).

    Examples:
        >>> len(alle_velden()) > 400
        True
    """
    text = resources.files("duo_domain.mbo").joinpath(f"data/{LAYOUT_FILE}").read_text("utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return tuple(_row(row, i) for i, row in enumerate(rows, start=2))


@functools.cache
def _index() -> dict[tuple[str, str], tuple[Veld, ...]]:
    table: dict[tuple[str, str], list[Veld]] = {}
    for v in alle_velden():
        table.setdefault((v.bestand, v.recordsoort), []).append(v)
    return {key: tuple(sorted(vs, key=lambda v: v.positie)) for key, vs in table.items()}


def velden(bestand: str, recordsoort: str) -> tuple[Veld, ...]:
    """The fields of one record type, in line order.

    Raises:
        InvalidCode: for a file kind or record type the table does not have.
    """
    found = _index().get((bestand, recordsoort))
    if found is None:
        raise InvalidCode(
            f"no layout for record type {recordsoort!r} of file kind {bestand!r}",
            waardenlijst="recordsoort",
            value=recordsoort,
        )
    return found


def veld(bestand: str, recordsoort: str, attribuut: str) -> Veld:
    """One field, by its attribute name.

    Raises:
        InvalidCode: when the record type has no such field (or the record type is unknown).
    """
    for v in velden(bestand, recordsoort):
        if v.attribuut == attribuut:
            return v
    raise InvalidCode(
        f"{bestand} {recordsoort} has no field {attribuut!r}", waardenlijst="veld", value=attribuut
    )


def recordsoorten(bestand: str) -> tuple[str, ...]:
    """The record types of a file kind, in the order the PvE describes them."""
    return tuple(dict.fromkeys(v.recordsoort for v in alle_velden() if v.bestand == bestand))
