"""DUO value lists of the MBO register (ROD) as versioned data.

Each list is a [`Waardenlijst`][duo_domain.codes.Waardenlijst]; each value carries its
meaning, its source and the period in which it may be used. Validity is
judged on the date a code is *used* (a period's ``datum_begin``), never on
today's date.

Sources:

* ``LEERTRAJECT``, ``NIVEAU``, ``LEERROUTEFASE``: PvE MBO-instelling – DUO
  4.8.2 (12-05-2026), §16.6 "Waardenlijsten". The combined leerwegen
  ``CBL``/``COL`` (and their deeltijd variants) come from RIO's
  LeertrajectMBO value list (valid 1997-08-01 – 2016-12-09).
* ``REDEN_UITSCHRIJVING``: the list "Reden uitstroom" of the Regeling
  gegevensverstrekking persoonsgebonden nummer BVE 2009 (BWBR0027035),
  Bijlage C, in force from 2010-08-01; the PvE (§15.5.3) gives the field
  as AN2 without printing the list.
* ``GESLACHT``: PvE §15.5.2 (``M``, ``V``, ``O``).

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.codes import LEERTRAJECT
    >>> LEERTRAJECT.is_valid("BOL_DT", op=dt.date(2023, 7, 31))
    True
    >>> LEERTRAJECT.is_valid("BOL_DT", op=dt.date(2023, 8, 1))
    False
    >>> LEERTRAJECT.get("BBL").omschrijving
    'Beroepsbegeleidende leerweg'
"""

from __future__ import annotations

import datetime as dt

from duo_domain.codes import CodeValue, Waardenlijst

__all__ = [
    "GESLACHT",
    "LEERROUTEFASE",
    "LEERTRAJECT",
    "NIVEAU",
    "REDEN_UITSCHRIJVING",
    "WAARDENLIJSTEN",
]

_PVE = "PvE MBO-instelling – DUO 4.8.2, §16.6 Waardenlijsten"
_RIO = "RIO waardenlijst LeertrajectMBO-v02.2 (DUO RIO webservice documentatie 4.0)"
_BVE2009 = "Regeling gegevensverstrekking persoonsgebonden nummer BVE 2009 (BWBR0027035), Bijlage C"

_1997 = dt.date(1997, 8, 1)

LEERTRAJECT = Waardenlijst(
    "leertraject",
    _PVE,
    (
        CodeValue("BOL", "Beroepsopleidende leerweg", _1997, kenmerken={"leerweg": "BOL", "voltijd": "ja"}),
        CodeValue(
            "BOL_DT",
            "Beroepsopleidende leerweg in deeltijd",
            _1997,
            dt.date(2023, 7, 31),
            kenmerken={"leerweg": "BOL", "voltijd": "nee"},
        ),
        CodeValue(
            "BBL", "Beroepsbegeleidende leerweg", _1997, kenmerken={"leerweg": "BBL", "voltijd": "nee"}
        ),
        CodeValue("OVO", "Overig onderwijs", _1997, kenmerken={"voltijd": "nee"}),
        CodeValue("EX", "Examendeelnemer", _1997, kenmerken={"voltijd": "nee"}),
        CodeValue(
            "ODT", "Overig onderwijs niet-diploma gericht", dt.date(2019, 1, 1), kenmerken={"voltijd": "nee"}
        ),
        CodeValue(
            "CBL",
            "Gecombineerde beroepsbegeleidende leerweg",
            _1997,
            dt.date(2016, 12, 9),
            bron=_RIO,
            kenmerken={"leerweg": "BBL", "voltijd": "nee"},
        ),
        CodeValue(
            "CBL_DT",
            "Gecombineerde beroepsbegeleidende leerweg in deeltijd",
            _1997,
            dt.date(2016, 12, 9),
            bron=_RIO,
            kenmerken={"leerweg": "BBL", "voltijd": "nee"},
        ),
        CodeValue(
            "COL",
            "Gecombineerde beroepsopleidende leerweg",
            _1997,
            dt.date(2016, 12, 9),
            bron=_RIO,
            kenmerken={"leerweg": "BOL", "voltijd": "ja"},
        ),
        CodeValue(
            "COL_DT",
            "Gecombineerde beroepsopleidende leerweg in deeltijd",
            _1997,
            dt.date(2016, 12, 9),
            bron=_RIO,
            kenmerken={"leerweg": "BOL", "voltijd": "nee"},
        ),
    ),
)
"""Leertraject: how the student's programme is organised (PvE §16.6)."""

NIVEAU = Waardenlijst(
    "niveau",
    _PVE,
    (
        CodeValue("MBO-1", "MBO-Assistent of Entree", kenmerken={"niveau": "1", "startkwalificatie": "nee"}),
        CodeValue("MBO-2", "MBO Basisberoep", kenmerken={"niveau": "2", "startkwalificatie": "ja"}),
        CodeValue("MBO-3", "MBO Vakopleiding", kenmerken={"niveau": "3", "startkwalificatie": "ja"}),
        CodeValue(
            "MBO-4", "MBO Middenkader/specialist", kenmerken={"niveau": "4", "startkwalificatie": "ja"}
        ),
    ),
)
"""Niveau of the opleiding. ``startkwalificatie`` follows Leerplichtwet 1969 art. 1 onder f."""

LEERROUTEFASE = Waardenlijst(
    "leerroutefase",
    _PVE,
    (
        CodeValue("VO", "Het onderwijs wordt gevolgd in de VO-fase", dt.date(2020, 8, 1)),
        CodeValue("MBO", "Het onderwijs wordt gevolgd in de MBO-fase", dt.date(2020, 8, 1)),
    ),
)
"""Leerroutefase of a vmbo-mbo leerroute, from 2020-08-01."""

REDEN_UITSCHRIJVING = Waardenlijst(
    "reden_uitschrijving",
    _BVE2009,
    (
        CodeValue("01", "Persoonsgebonden, geen invloed", dt.date(2010, 8, 1)),
        CodeValue("02", "Persoonsgebonden, geen invloed op oorzaak, wel opvang", dt.date(2010, 8, 1)),
        CodeValue("03", "Instellingsgebonden factoren", dt.date(2010, 8, 1)),
        CodeValue("04", "Studie- en beroepskeuze gebonden factoren", dt.date(2010, 8, 1)),
        CodeValue("05", "Arbeidsmarkt- en (externe) omgevingsfactoren", dt.date(2010, 8, 1)),
        CodeValue("06", "Zonder diploma, maar wel succesvol", dt.date(2010, 8, 1)),
        CodeValue("07", "Onbekend", dt.date(2010, 8, 1)),
        CodeValue("08", "Geen uitval", dt.date(2010, 8, 1)),
    ),
)
"""Reden uitschrijving (reden uitstroom), codes ``01``–``08``."""

GESLACHT = Waardenlijst(
    "geslacht",
    "PvE MBO-instelling – DUO 4.8.2, §15.5.2 Recordsoort PER",
    (
        CodeValue("M", "Man"),
        CodeValue("V", "Vrouw"),
        CodeValue("O", "Vastgesteld onbekend"),
    ),
)
"""Geslacht as DUO's MBO files write it."""

#: Every list of this module, by name.
WAARDENLIJSTEN: dict[str, Waardenlijst] = {
    lijst.naam: lijst for lijst in (LEERTRAJECT, NIVEAU, LEERROUTEFASE, REDEN_UITSCHRIJVING, GESLACHT)
}
