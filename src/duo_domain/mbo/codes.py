"""DUO value lists of the MBO register (ROD).

Each list is a [`Waardenlijst`][duo_domain.codes.Waardenlijst] read from the package's
code tables (``duo_domain/codes/data/<naam>.json``); each value carries its
meaning, its source, the period in which it may be used and its kenmerken.
Validity is judged on the date a code is *used* (a period's
``datum_begin``), never on today's date. The tables and their sources:

* [`LEERTRAJECT`][duo_domain.mbo.codes.LEERTRAJECT] (``leertraject``), [`NIVEAU`][duo_domain.mbo.codes.NIVEAU]
  (``niveau``),
  [`LEERROUTEFASE`][duo_domain.mbo.codes.LEERROUTEFASE] (``leerroutefase``): PvE MBO-instelling – DUO v4.8.2,
  §16.6 "Waardenlijsten". The combined leerwegen ``CBL``/``COL`` (and their
  deeltijd variants) come from RIO's LeertrajectMBO value list (valid
  1997-08-01 – 2016-12-09). A leertraject declares the kenmerken ``leerweg``
  (``BOL`` / ``BBL``, WEB art. 7.2.2 lid 2) and ``voltijd`` (``ja`` / ``nee``);
  a niveau declares ``niveau`` and ``startkwalificatie``.
* [`REDEN_UITSCHRIJVING`][duo_domain.mbo.codes.REDEN_UITSCHRIJVING] (``reden_uitschrijving``): the list "Reden
  uitstroom" of the Regeling gegevensverstrekking persoonsgebonden nummer BVE
  2009 (BWBR0027035), Bijlage C, in force from 2010-08-01; the PvE (§15.5.3)
  gives the field as AN2 without printing the list.
* [`GESLACHT`][duo_domain.mbo.codes.GESLACHT] (``geslacht``): PvE §15.5.2 (``M``, ``V``, ``O``).

Logic reads kenmerken, not code literals: the sets below are computed once
from the table.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.codes import BBL_LEERTRAJECTEN, LEERTRAJECT
    >>> LEERTRAJECT.is_valid("BOL_DT", op=dt.date(2023, 7, 31))
    True
    >>> LEERTRAJECT.is_valid("BOL_DT", op=dt.date(2023, 8, 1))
    False
    >>> LEERTRAJECT.get("BBL").omschrijving
    'Beroepsbegeleidende leerweg'
    >>> LEERTRAJECT.get("BBL").kenmerken["leerweg"]
    'BBL'
    >>> sorted(BBL_LEERTRAJECTEN)
    ['BBL', 'CBL', 'CBL_DT']
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from duo_domain.codes import Codetabellen, Waardenlijst, waardenlijst

__all__ = [
    "BBL_LEERTRAJECTEN",
    "BOL_LEERTRAJECTEN",
    "GESLACHT",
    "LEERROUTEFASE",
    "LEERTRAJECT",
    "NIVEAU",
    "REDEN_UITSCHRIJVING",
    "STARTKWALIFICATIE_NIVEAUS",
    "VOLTIJD_LEERTRAJECTEN",
    "WAARDENLIJSTEN",
    "bbl_leertrajecten",
    "bundel",
    "lijst",
]

LEERTRAJECT: Final = waardenlijst("leertraject")
"""Leertraject: how the student's programme is organised (PvE §16.6)."""

NIVEAU: Final = waardenlijst("niveau")
"""Niveau of the opleiding. ``startkwalificatie`` follows Leerplichtwet 1969 art. 1 onder f."""

LEERROUTEFASE: Final = waardenlijst("leerroutefase")
"""Leerroutefase of a vmbo-mbo leerroute, from 2020-08-01."""

REDEN_UITSCHRIJVING: Final = waardenlijst("reden_uitschrijving")
"""Reden uitschrijving (reden uitstroom), codes ``01``–``08``."""

GESLACHT: Final = waardenlijst("geslacht")
"""Geslacht as DUO's MBO files write it."""

BBL_LEERTRAJECTEN: Final = LEERTRAJECT.met_kenmerk("leerweg", "BBL")
"""The leertrajecten in the beroepsbegeleidende leerweg (kenmerk ``leerweg`` is ``BBL``)."""

BOL_LEERTRAJECTEN: Final = LEERTRAJECT.met_kenmerk("leerweg", "BOL")
"""The leertrajecten in the beroepsopleidende leerweg (kenmerk ``leerweg`` is ``BOL``)."""

VOLTIJD_LEERTRAJECTEN: Final = LEERTRAJECT.met_kenmerk("voltijd", "ja")
"""The full-time leertrajecten (kenmerk ``voltijd`` is ``ja``)."""

STARTKWALIFICATIE_NIVEAUS: Final = NIVEAU.met_kenmerk("startkwalificatie", "ja")
"""The niveaus whose diploma is a startkwalificatie (Leerplichtwet 1969 art. 1 onder f)."""

#: Every list of this module, by name (read-only).
WAARDENLIJSTEN: Final[Mapping[str, Waardenlijst]] = MappingProxyType(
    {lijst.naam: lijst for lijst in (LEERTRAJECT, NIVEAU, LEERROUTEFASE, REDEN_UITSCHRIJVING, GESLACHT)}
)


def bundel(codes: object) -> Codetabellen:
    """The code tables a rule was given (`CheckContext.codes`), checked to be a bundle.

    Raises:
        InvalidValue: when ``codes`` is not a [`Codetabellen`][duo_domain.codes.Codetabellen].
    """
    return Codetabellen.uit(codes)


def lijst(codes: object | None, shipped: Waardenlijst) -> Waardenlijst:
    """The table a rule reads: ``shipped`` when validation was given no ``codes``, else the bundle's.

    Examples:
        >>> import datetime as dt
        >>> from duo_domain.codes import CodeValue
        >>> lijst(None, LEERTRAJECT) is LEERTRAJECT
        True
        >>> nieuw = LEERTRAJECT.met(CodeValue("BOL_XL", "Nieuw"))
        >>> "BOL_XL" in lijst(Codetabellen(nieuw), LEERTRAJECT)
        True
    """
    return shipped if codes is None else bundel(codes).waardenlijst(shipped.naam)


def _bbl(tabellen: Codetabellen) -> frozenset[str]:
    return tabellen.waardenlijst(LEERTRAJECT.naam).met_kenmerk("leerweg", "BBL")


def bbl_leertrajecten(codes: object | None) -> frozenset[str]:
    """The BBL leertrajecten of the leertraject table a rule reads (kenmerk ``leerweg`` is ``BBL``).

    Examples:
        >>> bbl_leertrajecten(None) == BBL_LEERTRAJECTEN
        True
    """
    return BBL_LEERTRAJECTEN if codes is None else bundel(codes).afgeleid("mbo.bbl_leertrajecten", _bbl)
