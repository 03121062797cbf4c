"""The ROD rules for MBO enrolments, periods and BPV agreements.

Every rule is registered in the library's catalogue
(`duo_domain.rules.registry`) with a stable id, a severity, a one-line
summary, fix guidance and its source. Importing this module registers them;
the default registry does so on first use.

Every rule states where its severity comes from (``severity_origin``):
``"DUO"`` where the value breaks a field definition or value list of DUO's
PvE MBO-instelling – DUO v4.8.2 or DUO's BasisSchema, ``"library"`` where the level
is the library's own judgement (a date order, an overlap, an obligation DUO
states without saying what it does with a record that misses it). Rules that
are in force only for part of the time carry ``geldig_van``/``geldig_tot``.

Rules that need a register the library cannot see (RIO onderwijslocaties,
SBB leerbedrijven, the crebo hierarchy) read the caller's reference data
([`duo_domain.mbo.reference.Referentiedata`][duo_domain.mbo.reference.Referentiedata], passed as
``validate(..., referentiedata=...)``). Logic reads the kenmerken of the value
lists (``leerweg``) instead of comparing code strings.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.enrolment import Enrolment, Periode
    >>> from duo_domain.rules import validate
    >>> e = Enrolment("A1", "25LX", dt.date(2019, 8, 1), dt.date(2022, 7, 31),
    ...               [Periode(dt.date(2019, 8, 1), "25655", "BOL", True)])
    >>> [f.rule_id for f in validate(e)]
    ['ROD.INSCHRIJVING.ONDERWIJSLOCATIE']
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Sequence

from duo_domain._sources import LPW, LPW_URL, PVE_MBO, WEB
from duo_domain.calendar import plus_dagen, studiejaar, verjaardag
from duo_domain.codes import CodeValue
from duo_domain.identity import crebo, keuzedeel
from duo_domain.mbo.afwezigheid import Afwezigheid
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.codes import (
    BBL_LEERTRAJECTEN,
    LEERROUTEFASE,
    LEERTRAJECT,
    NIVEAU,
    REDEN_UITSCHRIJVING,
    bbl_leertrajecten,
    bundel,
    lijst,
)
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.formats import fits
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.reference import Referentiedata
from duo_domain.mbo.result_rules import diploma_crebo_open
from duo_domain.rules import CheckContext, Severity, Violation, registry

__all__ = [
    "LEERROUTEFASE_VANAF",
    "ONDERWIJSLOCATIE_VERPLICHT_VANAF",
    "einde_volledige_leerplicht_uiterlijk",
]

#: Enrolments that start on or after this date carry the onderwijslocatie.
ONDERWIJSLOCATIE_VERPLICHT_VANAF = dt.date(2019, 8, 1)

#: The value list leerroutefase is valid from this date (PvE §16.6).
LEERROUTEFASE_VANAF = dt.date(2020, 8, 1)


_PVE = PVE_MBO
_PVE_ISG = f"{_PVE}, §15.5.3 Recordsoort ISG"
_PVE_ISP = f"{_PVE}, §15.5.4 Recordsoort ISP"
_PVE_ISE = f"{_PVE}, §15.5.5 Recordsoort ISE"
_PVE_BPV = f"{_PVE}, §15.5.6 Recordsoort BPV"
_PVE_WL = f"{_PVE}, §16.6 Waardenlijsten"
_ROD_PAGE = "DUO, Uitwisselen met ROD (mbo)"
_ROD_URL = (
    "https://duo.nl/zakelijk/middelbaar-beroepsonderwijs/studentenadministratie/uitwisselen-met-bron-nw.jsp"
)

_LPW = f"{LPW} (BWBR0002628)"
_WEB = f"{WEB} (BWBR0007625)"

# A rule that judges a field's meaning passes over a value that breaks the field's PvE format:
# that is the ROD.FORMAAT.* rule's finding (one finding per mistake).
_REDEN_FORMAAT = fits("ISG", "reden_uitschrijving")
_OPLEIDINGSCODE_FORMAAT = fits("ISP", "opleidingcode")
_LEERTRAJECT_FORMAAT = fits("ISP", "leertraject")
_NIVEAU_FORMAAT = fits("ISP", "niveau")
_LEERROUTEFASE_FORMAAT = fits("ISP", "leerroutefase")
_LOCATIECODE_VSV_FORMAAT = fits("ISP", "locatiecode_vsv")
_BPV_OPLEIDINGSCODE_FORMAAT = fits("BPV", "opleidingcode")
_BPV_KEUZEDEEL_FORMAAT = fits("BPV", "code_keuzedeel")
_LEERBEDRIJF_FORMAAT = fits("BPV", "leerbedrijf_id")
_AANBIEDER_FORMAAT = fits("ISP", "onderwijsaanbieder")
_LOCATIE_FORMAAT = fits("ISP", "onderwijslocatie")


#: Codes that are valid crebo and keuzedeel codes as they stand (what ``crebo.is_valid`` and
#: ``keuzedeel.is_valid`` accept without compacting): a rule that judges the code passes them over.
_CREBO = re.compile("[0-9]{5}").fullmatch
_KEUZEDEEL = re.compile("K[0-9]{4}").fullmatch


def _rio_formaat(aanbieder: str, locatie: str) -> bool:
    """Whether both RIO codes fit their format (a malformed one is not looked up in RIO)."""
    return _AANBIEDER_FORMAAT(aanbieder) and _LOCATIE_FORMAAT(locatie)


_AFKEUR = Severity.AFKEUR
_ATTENTIE = Severity.ATTENTIE
_SIGNAAL = Severity.SIGNAAL
_DUO = "DUO"
_LIB = "library"


def _geldig_op(value: CodeValue, datum: dt.date) -> bool:
    """``value.geldig_op(datum)`` for a date, without the method call (a rule per period asks it)."""
    van, tot = value.geldig_van, value.geldig_tot
    return (van is None or van <= datum) and (tot is None or datum <= tot)


def _key(e: Enrolment) -> str:
    return e.inschrijvingvolgnummer


def _gesorteerd(e: Enrolment) -> list[tuple[int, Periode]]:
    """``e.gesorteerde_perioden()``; a single period (the usual case) needs no sorting."""
    if len(e.perioden) == 1:
        return [(0, e.perioden[0])]
    return e.gesorteerde_perioden()


# --------------------------------------------------------------------------- enrolment


@registry.rule(
    "ROD.INSCHRIJVING.DATUMS",
    severity=_AFKEUR,
    summary="Enrolment dates are in order: uitschrijving (planned and actual) not before inschrijving.",
    guidance=(
        "Check the dates: the planned and the actual date of uitschrijving are the last day of the enrolment"
        " (inclusive) and cannot lie before the datum inschrijving."
    ),
    source=f"{_PVE_ISG}: datum inschrijving, datum uitschrijving gepland/werkelijk (inclusiefdatum)",
    applies_to=Enrolment,
    severity_origin=_LIB,
)
def _inschrijving_datums(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    werkelijk = e.datum_uitschrijving_werkelijk
    if e.datum_uitschrijving_gepland >= e.datum_inschrijving and (
        werkelijk is None or werkelijk >= e.datum_inschrijving
    ):
        return ()  # in order (the usual case): no list to build
    found: list[Violation] = []
    if e.datum_uitschrijving_gepland < e.datum_inschrijving:
        found.append(
            Violation(
                "datum_uitschrijving_gepland",
                f"datum_uitschrijving_gepland {e.datum_uitschrijving_gepland} is before "
                f"datum_inschrijving {e.datum_inschrijving}",
                _key(e),
            )
        )
    if werkelijk is not None and werkelijk < e.datum_inschrijving:
        found.append(
            Violation(
                "datum_uitschrijving_werkelijk",
                f"datum_uitschrijving_werkelijk {werkelijk} is before "
                f"datum_inschrijving {e.datum_inschrijving}",
                _key(e),
            )
        )
    return found


@registry.rule(
    "ROD.INSCHRIJVING.PERIODE_VEREIST",
    severity=_AFKEUR,
    summary="An enrolment has at least one inschrijvingsperiode.",
    guidance=(
        "Add the period with the opleiding, leertraject and funding indication the enrolment starts with."
    ),
    source=f"{_PVE}, §15.4 Formaat (after each ISG record: 'Eén of meer ISP-records')",
    applies_to=Enrolment,
    guard=("perioden", bool),  # called only for an empty tuple of periods
    severity_origin=_DUO,
)
def _inschrijving_periode_vereist(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    if not e.perioden:
        return (Violation("perioden", "the enrolment has no inschrijvingsperiode", _key(e)),)
    return ()


@registry.rule(
    "ROD.INSCHRIJVING.REDEN_UITSCHRIJVING",
    severity=_ATTENTIE,
    summary="A werkelijke uitschrijfdatum comes with a reden uitschrijving, and a reden only with that date.",
    guidance=(
        "Give the reden uitschrijving (01-08) when you record the actual date of uitschrijving. DUO's file "
        "description marks the field optional, so DUO registers the "
        "enrolment without it; the reden is needed "
        "for the uitstroom figures."
    ),
    source=f"{_PVE_ISG}: Reden uitschrijving AN2; {REDEN_UITSCHRIJVING.bron} (reden uitstroom)",
    applies_to=Enrolment,
    needs_any=("datum_uitschrijving_werkelijk", "reden_uitschrijving"),
    severity_origin=_LIB,
)
def _inschrijving_reden(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    if e.datum_uitschrijving_werkelijk is not None and not e.reden_uitschrijving:
        return (
            Violation(
                "reden_uitschrijving",
                f"datum_uitschrijving_werkelijk {e.datum_uitschrijving_werkelijk} has no reden_uitschrijving",
                _key(e),
            ),
        )
    if e.datum_uitschrijving_werkelijk is None and e.reden_uitschrijving:
        return (
            Violation(
                "reden_uitschrijving",
                f"reden_uitschrijving {e.reden_uitschrijving!r} is given "
                "without datum_uitschrijving_werkelijk",
                _key(e),
            ),
        )
    return ()


@registry.rule(
    "ROD.INSCHRIJVING.REDEN_CODE",
    severity=_SIGNAAL,  # the PvE prints no list (AN2..2): an unknown code cannot be shown to be refused
    summary="The reden uitschrijving is a code of the value list reden uitstroom (01-08).",
    guidance="Use one of the codes 01-08 of the value list reden uitstroom.",
    source=f"{_PVE_ISG}: Reden uitschrijving AN2..2; {REDEN_UITSCHRIJVING.bron} (in force from 2010-08-01)",
    applies_to=Enrolment,
    needs=("reden_uitschrijving",),
    geldig_van=dt.date(2010, 8, 1),
    severity_origin=_LIB,
)
def _inschrijving_reden_code(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    reden = e.reden_uitschrijving
    if not reden or not _REDEN_FORMAAT(reden):  # a malformed reden is ROD.FORMAAT.INSCHRIJVING.*'s
        return ()
    tabel = lijst(ctx.codes, REDEN_UITSCHRIJVING)
    if not tabel.is_valid(reden, op=e.datum_uitschrijving_werkelijk):
        return (
            Violation(
                "reden_uitschrijving",
                f"reden_uitschrijving {reden!r} is not a code of waardenlijst reden_uitschrijving"
                + (f" on {e.datum_uitschrijving_werkelijk}" if reden in tabel else ""),
                _key(e),
                {"waardenlijst": "reden_uitschrijving", "code": reden},
            ),
        )
    return ()


@registry.rule(
    "ROD.INSCHRIJVING.ONDERWIJSLOCATIE",
    severity=_AFKEUR,
    summary="Every period of an enrolment starting on or after 2019-08-01 names the onderwijslocatie.",
    guidance=(
        "Add the RIO onderwijslocatie (nnnXnnn) where the student follows most of the education. Enrolments "
        "that started before 2019-08-01 do not need it."
    ),
    source=f"{_ROD_PAGE}, section Onderwijslocatie ('inschrijvingen met ingangsdatum vanaf 01.08.2019')",
    applies_to=Enrolment,
    url=_ROD_URL,
    external="RIO",
    geldig_van=ONDERWIJSLOCATIE_VERPLICHT_VANAF,
    severity_origin=_LIB,
)
def _inschrijving_onderwijslocatie(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    if e.datum_inschrijving < ONDERWIJSLOCATIE_VERPLICHT_VANAF:
        return ()
    for periode in e.perioden:
        if not periode.onderwijslocatie:
            break
    else:
        return ()  # every period names it (the usual case): no list to build
    return [
        Violation(
            f"perioden[{i}].onderwijslocatie",
            f"the enrolment starts on {e.datum_inschrijving} (on or after 2019-08-01) "
            "but the period has no onderwijslocatie",
            _key(e),
        )
        for i, periode in enumerate(e.perioden)
        if not periode.onderwijslocatie
    ]


@registry.rule(
    "ROD.PERIODE.BINNEN_INSCHRIJVING",
    severity=_AFKEUR,
    summary="Every period lies within its enrolment (end dates inclusive).",
    guidance=(
        "A period cannot begin before the datum inschrijving nor after the last day of the enrolment, and an "
        "explicit end date cannot lie before its begin or after the enrolment's end."
    ),
    source=f"{_PVE_ISP}: Datum begin (inclusief); {_PVE_ISG}: datum uitschrijving (inclusiefdatum)",
    applies_to=Enrolment,
    severity_origin=_LIB,
)
def _periode_binnen(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    einde = e.datum_einde
    begin = e.datum_inschrijving
    for p in e.perioden:
        eind = p.datum_einde
        if not begin <= p.datum_begin <= einde or (eind is not None and not p.datum_begin <= eind <= einde):
            break
    else:
        return ()  # every period within (the usual case): no list to build
    found: list[Violation] = []
    for i, p in enumerate(e.perioden):
        if p.datum_begin < e.datum_inschrijving:
            found.append(
                Violation(
                    f"perioden[{i}].datum_begin",
                    f"period begins on {p.datum_begin}, before datum_inschrijving {e.datum_inschrijving}",
                    _key(e),
                )
            )
        elif p.datum_begin > einde:
            found.append(
                Violation(
                    f"perioden[{i}].datum_begin",
                    f"period begins on {p.datum_begin}, after the enrolment's last day {einde}",
                    _key(e),
                )
            )
        if p.datum_einde is not None:
            if p.datum_einde < p.datum_begin:
                found.append(
                    Violation(
                        f"perioden[{i}].datum_einde",
                        f"period ends on {p.datum_einde}, before its datum_begin {p.datum_begin}",
                        _key(e),
                    )
                )
            elif p.datum_einde > einde:
                found.append(
                    Violation(
                        f"perioden[{i}].datum_einde",
                        f"period ends on {p.datum_einde}, after the enrolment's last day {einde}",
                        _key(e),
                    )
                )
    return found


@registry.rule(
    "ROD.PERIODE.OVERLAP",
    severity=_AFKEUR,
    summary="Periods of one enrolment do not overlap, not even by one day.",
    guidance=(
        "Each change starts a new period; the previous one ends the "
        "day before. Remove the duplicate period or "
        "correct its datum_begin or datum_einde."
    ),
    source=f"{_PVE_ISP}: one period per change, Datum begin (inclusief)",
    applies_to=Enrolment,
    needs=("perioden[1]",),  # two periods or more
    severity_origin=_LIB,
)
def _periode_overlap(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    if len(e.perioden) < 2:
        return ()
    found: list[Violation] = []
    for (i_prev, prev), (i, cur) in itertools.pairwise(e.gesorteerde_perioden()):
        if cur.datum_begin == prev.datum_begin:
            found.append(
                Violation(
                    f"perioden[{i}].datum_begin",
                    f"period begins on {cur.datum_begin}, the same day as perioden[{i_prev}]",
                    _key(e),
                )
            )
        elif prev.datum_einde is not None and cur.datum_begin <= prev.datum_einde:
            found.append(
                Violation(
                    f"perioden[{i}].datum_begin",
                    f"period begins on {cur.datum_begin}, "
                    f"while perioden[{i_prev}] runs until {prev.datum_einde}",
                    _key(e),
                )
            )
    return found


@registry.rule(
    "ROD.PERIODE.AANSLUITEND",
    severity=_ATTENTIE,
    summary=(
        "Periods are consecutive: the first starts on the datum inschrijving, each next one the day after."
    ),
    guidance=(
        "Close the gap: on the days between two periods the enrolment has no opleiding or leertraject, and "
        "funding cannot be judged. DUO's file description does not say it rejects a gap."
    ),
    source=f"{_PVE_ISP}: a new period per change (begin inclusief)",
    applies_to=Enrolment,
    severity_origin=_LIB,
)
def _periode_aansluitend(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    if not e.perioden:
        return ()
    if len(e.perioden) == 1:  # the usual case: one period, which must span the whole enrolment
        only = e.perioden[0]
        if only.datum_begin <= e.datum_inschrijving and (
            only.datum_einde is None or only.datum_einde >= e.datum_einde
        ):
            return ()
    found: list[Violation] = []
    ordered = _gesorteerd(e)
    i_first, first = ordered[0]
    if first.datum_begin > e.datum_inschrijving:
        found.append(
            Violation(
                f"perioden[{i_first}].datum_begin",
                f"the first period begins on {first.datum_begin}, after "
                f"datum_inschrijving {e.datum_inschrijving}",
                _key(e),
            )
        )
    for (i_prev, prev), (i, cur) in itertools.pairwise(ordered):
        if prev.datum_einde is not None and cur.datum_begin > plus_dagen(prev.datum_einde, 1):
            found.append(
                Violation(
                    f"perioden[{i}].datum_begin",
                    f"period begins on {cur.datum_begin}; perioden[{i_prev}] ended on {prev.datum_einde}",
                    _key(e),
                )
            )
    i_last, last = ordered[-1]
    if last.datum_einde is not None and last.datum_einde < e.datum_einde:
        found.append(
            Violation(
                f"perioden[{i_last}].datum_einde",
                f"the last period ends on {last.datum_einde}, "
                f"before the enrolment's last day {e.datum_einde}",
                _key(e),
            )
        )
    return found


@registry.rule(
    "ROD.EXTRA_ONDERSTEUNING.DATUMS",
    severity=_AFKEUR,
    summary="A period of extra support ends on or after its begin and lies within the enrolment.",
    guidance="Correct the begin or end date of the extra support so it falls within the enrolment.",
    source=f"{_PVE_ISE}: datum begin (inclusief), datum eind (inclusief)",
    applies_to=Enrolment,
    needs=("extra_ondersteuning",),
    severity_origin=_LIB,
)
def _extra_ondersteuning(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    if not e.extra_ondersteuning:
        return ()
    einde = e.datum_einde
    found: list[Violation] = []
    for i, x in enumerate(e.extra_ondersteuning):
        if x.datum_begin < e.datum_inschrijving or x.datum_begin > einde:
            found.append(
                Violation(
                    f"extra_ondersteuning[{i}].datum_begin",
                    f"extra support begins on {x.datum_begin}, outside the enrolment "
                    f"({e.datum_inschrijving} – {einde})",
                    _key(e),
                )
            )
        if x.datum_einde is not None and (x.datum_einde < x.datum_begin or x.datum_einde > einde):
            found.append(
                Violation(
                    f"extra_ondersteuning[{i}].datum_einde",
                    f"extra support ends on {x.datum_einde}, before its begin "
                    f"or after the enrolment's last day {einde}",
                    _key(e),
                )
            )
    return found


# --------------------------------------------------------------------------- period codes


@registry.rule(
    "ROD.PERIODE.OPLEIDINGSCODE",
    severity=_AFKEUR,
    summary="The opleidingscode is a crebo code of digits (its length is checked by "
    "ROD.FORMAAT.PERIODE.OPLEIDINGSCODE).",
    guidance="Use the crebo code of the kwalificatie or kwalificatiedossier, e.g. 25655.",
    source=f"{_PVE_ISP}: Opleidingcode AN5..5, 'de code van de opleiding binnen het centraal register "
    "beroepsopleidingen' (crebo codes are numbers)",
    applies_to=Periode,
    guard=("opleidingscode", _CREBO),
    severity_origin=_DUO,
)
def _periode_opleidingscode(p: Periode, ctx: CheckContext) -> Sequence[Violation]:
    code = p.opleidingscode
    if _OPLEIDINGSCODE_FORMAAT(code) and not crebo.is_valid(code):
        return (
            Violation(
                "opleidingscode", f"opleidingscode {p.opleidingscode!r} is not a crebo code (5 digits)"
            ),
        )
    return ()


@registry.rule(
    "ROD.PERIODE.LEERTRAJECT",
    severity=_AFKEUR,
    summary="The leertraject is a code of the value list, valid on the period's datum_begin.",
    guidance=(
        "Use BOL, BBL, OVO, EX or ODT. BOL_DT may only be used for "
        "periods that begin on or before 2023-07-31; "
        "CBL/COL (and _DT) only until 2016-12-09."
    ),
    source=f"{_PVE_WL}, Leertraject (BOL_DT t/m 31-07-2023); {_PVE_ISP}: Leertraject AN2..6",
    applies_to=Periode,
    # With the shipped table, a code valid on every day cannot be refused: no call.
    needs_any=("ctx.codes", ("leertraject", LEERTRAJECT.altijd_geldig.__contains__)),
    severity_origin=_DUO,
)
def _periode_leertraject(p: Periode, ctx: CheckContext) -> Sequence[Violation]:
    tabel = LEERTRAJECT if ctx.codes is None else lijst(ctx.codes, LEERTRAJECT)
    if p.leertraject in tabel.altijd_geldig:
        return ()  # the usual case, settled without the format test: nothing to find
    vanaf = tabel.geldig_vanaf.get(p.leertraject)
    if vanaf is not None and vanaf <= p.datum_begin:
        return ()  # as usual: a code valid from its first day on, and the period begins after it
    value = tabel.get(p.leertraject)
    if value is not None and _geldig_op(value, p.datum_begin):
        return ()
    if not _LEERTRAJECT_FORMAAT(p.leertraject):
        return ()
    if value is None:
        return (
            Violation(
                "leertraject",
                f"leertraject {p.leertraject!r} is not a code of waardenlijst leertraject",
                values={"waardenlijst": "leertraject", "code": p.leertraject},
            ),
        )
    if not value.geldig_op(p.datum_begin):
        return (
            Violation(
                "leertraject",
                f"leertraject {p.leertraject!r} is not valid on {p.datum_begin} "
                f"(valid {value.geldig_van or '…'} – {value.geldig_tot or '…'})",
                values={
                    "waardenlijst": "leertraject",
                    "code": p.leertraject,
                    "datum": p.datum_begin.isoformat(),
                },
            ),
        )
    return ()


@registry.rule(
    "ROD.PERIODE.NIVEAU",
    severity=_AFKEUR,
    summary="The niveau, when given, is MBO-1, MBO-2, MBO-3 or MBO-4.",
    guidance="Use MBO-1 (entree/assistent) to MBO-4 (middenkader/specialist), or leave the niveau out.",
    source=f"{_PVE_WL}, niveau; {_PVE_ISP}: Niveau AN5..5",
    applies_to=Periode,
    needs=("niveau",),
    needs_any=("ctx.codes", ("niveau", NIVEAU.altijd_geldig.__contains__)),  # as ROD.PERIODE.LEERTRAJECT
    severity_origin=_DUO,
)
def _periode_niveau(p: Periode, ctx: CheckContext) -> Sequence[Violation]:
    niveau = p.niveau
    if niveau is None:
        return ()
    tabel = NIVEAU if ctx.codes is None else lijst(ctx.codes, NIVEAU)
    if niveau in tabel.altijd_geldig:
        return ()  # the usual case, settled without the format test: nothing to find
    value = tabel.get(niveau)
    if value is not None and _geldig_op(value, p.datum_begin):
        return ()
    if _NIVEAU_FORMAAT(niveau):
        return (
            Violation(
                "niveau",
                f"niveau {niveau!r} is not a code of waardenlijst niveau",
                values={"waardenlijst": "niveau", "code": niveau},
            ),
        )
    return ()


@registry.rule(
    "ROD.PERIODE.LEERROUTEFASE",
    severity=_AFKEUR,
    summary="The leerroutefase, when given, is VO or MBO, and only for periods from 2020-08-01.",
    guidance="Use VO or MBO for a vmbo-mbo leerroute; leave it out for periods that begin before 2020-08-01.",
    source=f"{_PVE_WL}, Leerroutefase (vanaf 1-8-2020); {_PVE_ISP}: Leerroutefase AN2..3",
    applies_to=Periode,
    needs=("leerroutefase",),
    geldig_van=LEERROUTEFASE_VANAF,
    severity_origin=_DUO,
)
def _periode_leerroutefase(p: Periode, ctx: CheckContext) -> Sequence[Violation]:
    fase = p.leerroutefase
    if fase is None or not _LEERROUTEFASE_FORMAAT(fase):
        return ()
    tabel = lijst(ctx.codes, LEERROUTEFASE)
    if not tabel.is_valid(fase, op=p.datum_begin):
        known = fase in tabel
        return (
            Violation(
                "leerroutefase",
                f"leerroutefase {fase!r} is not valid on {p.datum_begin} (from 2020-08-01)"
                if known
                else f"leerroutefase {fase!r} is not a code of waardenlijst leerroutefase",
                values={"waardenlijst": "leerroutefase", "code": fase},
            ),
        )
    return ()


_LOCATIECODE_VSV = re.compile(r"[A-Za-z0-9]{12}")


@registry.rule(
    "ROD.PERIODE.LOCATIECODE_VSV",
    severity=_AFKEUR,
    summary="The locatiecode VSV, when given, is letters and digits (the NHR vestigingsnummer); "
    "ROD.FORMAAT.PERIODE.LOCATIECODE_VSV checks its length.",
    guidance="Use the 12-character vestigingsnummer from the Handelsregister of the building concerned.",
    source=f"{_PVE_ISP}: Locatiecode VSV AN12..12",
    applies_to=Periode,
    needs=("locatiecode_vsv",),
    severity_origin=_DUO,
)
def _periode_locatiecode_vsv(p: Periode, ctx: CheckContext) -> Sequence[Violation]:
    code = p.locatiecode_vsv
    if code is not None and _LOCATIECODE_VSV_FORMAAT(code) and _LOCATIECODE_VSV.fullmatch(code) is None:
        return (Violation("locatiecode_vsv", f"locatiecode_vsv {code!r} is not 12 letters or digits"),)
    return ()


# --------------------------------------------------------------------------- BPV


@registry.rule(
    "ROD.BPV.LEERBEDRIJF",
    severity=_AFKEUR,
    summary="A BPV agreement names the SBB leerbedrijf id (its format is ROD.FORMAAT.BPV.LEERBEDRIJF_ID's).",
    guidance=(
        "Register the leerbedrijf at SBB first (Vaststellen "
        "leerbedrijf) and use the leerbedrijf id SBB gives; "
        "only then exchange the BPV with DUO. Whether SBB knows the id cannot be checked here."
    ),
    source=f"{_PVE_BPV}: LeerbedrijfID N9..9 (verplicht, 100000000 t/m 999999999); {_ROD_PAGE}, section bpv",
    applies_to=BpvAgreement,
    url=_ROD_URL,
    external="SBB",
    severity_origin=_DUO,
)
def _bpv_leerbedrijf(b: BpvAgreement, ctx: CheckContext) -> Sequence[Violation]:
    lid = b.leerbedrijf_id
    if lid is None:
        return (Violation("leerbedrijf_id", "the BPV agreement has no SBB leerbedrijf_id", b.volgnummer),)
    return ()


@registry.rule(
    "ROD.BPV.OMVANG",
    severity=_AFKEUR,
    summary="The omvang of a BPV, when given, is 1 to 9999 hours.",
    guidance="Give the total number of BPV hours agreed, a whole number from 1 to 9999.",
    source=f"{_PVE_BPV}: Omvang N1..4 (totaal aantal uren)",
    applies_to=BpvAgreement,
    guard=("omvang", range(1, 10000).__contains__),
    severity_origin=_DUO,
)
def _bpv_omvang(b: BpvAgreement, ctx: CheckContext) -> Sequence[Violation]:
    if b.omvang is not None and not 1 <= b.omvang <= 9999:
        return (
            Violation(
                "omvang", f"omvang {b.omvang} is not 1-9999 hours", b.volgnummer, {"omvang": str(b.omvang)}
            ),
        )
    return ()


@registry.rule(
    "ROD.BPV.DATUMS",
    severity=_AFKEUR,
    summary="BPV dates are in order: the planned and the actual end are not before the begin.",
    guidance="Check datum_begin, datum_einde_gepland and datum_einde_werkelijk of the agreement.",
    source=f"{_PVE_BPV}: Datum begin, Datum einde gepland, Datum einde werkelijk",
    applies_to=BpvAgreement,
    severity_origin=_LIB,
)
def _bpv_datums(b: BpvAgreement, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    if b.datum_einde_gepland < b.datum_begin:
        found.append(
            Violation(
                "datum_einde_gepland",
                f"datum_einde_gepland {b.datum_einde_gepland} is before datum_begin {b.datum_begin}",
                b.volgnummer,
            )
        )
    if b.datum_einde_werkelijk is not None and b.datum_einde_werkelijk < b.datum_begin:
        found.append(
            Violation(
                "datum_einde_werkelijk",
                f"datum_einde_werkelijk {b.datum_einde_werkelijk} is before datum_begin {b.datum_begin}",
                b.volgnummer,
            )
        )
    return found


@registry.rule(
    "ROD.BPV.CODES",
    severity=_AFKEUR,
    summary="The BPV's opleidingscode is a crebo code (digits) and its keuzedeel code one of SBB's "
    "(K and four digits); their lengths are ROD.FORMAAT.BPV.*'s.",
    guidance="Use the crebo code of the opleiding and the keuzedeel code (e.g. K0067) the BPV belongs to.",
    source=f"{_PVE_BPV}: opleidingcode AN5..5, codeKeuzedeel AN5",
    applies_to=BpvAgreement,
    needs_any=(("opleidingscode", _CREBO), ("keuzedeel", _KEUZEDEEL)),
    severity_origin=_DUO,
)
def _bpv_codes(b: BpvAgreement, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    code = b.opleidingscode
    if code is not None and _BPV_OPLEIDINGSCODE_FORMAAT(code) and not crebo.is_valid(code):
        found.append(
            Violation(
                "opleidingscode",
                f"opleidingscode {b.opleidingscode!r} is not a crebo code (5 digits)",
                b.volgnummer,
            )
        )
    kd = b.keuzedeel
    if kd is not None and _BPV_KEUZEDEEL_FORMAAT(kd) and not keuzedeel.is_valid(kd):
        found.append(
            Violation("keuzedeel", f"keuzedeel {b.keuzedeel!r} is not a keuzedeel code", b.volgnummer)
        )
    return found


# --------------------------------------------------------------------------- the record


@registry.rule(
    "ROD.INSCHRIJVING.VOLGNUMMER_UNIEK",
    severity=_AFKEUR,
    summary="An inschrijvingvolgnummer is unique per institution within a student's enrolments.",
    guidance="Give every enrolment of the student at the institution its own inschrijvingvolgnummer.",
    source="DUO BasisSchema type Inschrijvingvolgnummer ('in het MBO per instelling en persoon uniek'); "
    + _PVE_ISG,
    applies_to=MboStudentRecord,
    needs=("inschrijvingen[1]",),  # two enrolments or more
    severity_origin=_DUO,
)
def _inschrijving_uniek(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if len(r.inschrijvingen) < 2:
        return ()
    if len(r.inschrijvingen) == 2:  # the usual case of more than one: two numbers to compare
        first, second = r.inschrijvingen
        if (
            first.inschrijvingvolgnummer != second.inschrijvingvolgnummer
            or first.instelling != second.instelling
        ):
            return ()
    found: list[Violation] = []
    seen: dict[tuple[str, str], int] = {}
    for i, e in enumerate(r.inschrijvingen):
        key = (e.instelling, e.inschrijvingvolgnummer)
        if key in seen:
            found.append(
                Violation(
                    f"inschrijvingen[{i}].inschrijvingvolgnummer",
                    f"inschrijvingvolgnummer {e.inschrijvingvolgnummer!r} is "
                    f"used by inschrijvingen[{seen[key]}] too",
                    e.inschrijvingvolgnummer,
                )
            )
        else:
            seen[key] = i
    return found


@registry.rule(
    "ROD.BPV.VOLGNUMMER_UNIEK",
    severity=_AFKEUR,
    summary="A BPV volgnummer is unique within the BPV agreements of one enrolment.",
    guidance="Give every BPV agreement of the enrolment its own volgnummer.",
    source=f"{_PVE_BPV}: Volgnummer (door de instelling toegekend, per inschrijving)",
    applies_to=MboStudentRecord,
    needs=("bpv_overeenkomsten[1]",),  # two agreements or more
    severity_origin=_LIB,
)
def _bpv_uniek(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if len(r.bpv_overeenkomsten) < 2:
        return ()
    counts = Counter((b.inschrijvingvolgnummer, b.volgnummer) for b in r.bpv_overeenkomsten)
    if max(counts.values()) < 2:
        return ()
    found: list[Violation] = []
    seen: set[tuple[str, str]] = set()
    for i, b in enumerate(r.bpv_overeenkomsten):
        key = (b.inschrijvingvolgnummer, b.volgnummer)
        if key in seen:
            found.append(
                Violation(
                    f"bpv_overeenkomsten[{i}].volgnummer",
                    f"BPV volgnummer {b.volgnummer!r} appears more than once "
                    f"for enrolment {b.inschrijvingvolgnummer!r}",
                    b.volgnummer,
                )
            )
        seen.add(key)
    return found


#: Up to this many enrolments, a BPV's enrolment is looked up by comparing numbers, not in an index.
_FEW = 4


def _bpv_binnen(r: MboStudentRecord) -> bool:
    """Whether every BPV agreement lies within the (last) enrolment with its number: nothing to report."""
    for b in r.bpv_overeenkomsten:
        for e in reversed(r.inschrijvingen):  # the last one with the number, as the index has it
            if e.inschrijvingvolgnummer == b.inschrijvingvolgnummer:
                break
        else:
            return False
        if b.datum_begin < e.datum_inschrijving or b.datum_einde > e.datum_einde:
            return False
    return True


@registry.rule(
    "ROD.BPV.INSCHRIJVING",
    severity=_AFKEUR,
    summary=(
        "A BPV agreement belongs to an enrolment of the student and lies within it (end dates inclusive)."
    ),
    guidance=(
        "Name the enrolment's inschrijvingvolgnummer, and keep the BPV's begin and (actual or planned) end "
        "within the enrolment's datum inschrijving and last day."
    ),
    source=f"{_PVE_BPV}: Inschrijvingvolgnummer (verplicht); {_PVE_ISG} (inclusiefdatum)",
    applies_to=MboStudentRecord,
    needs=("bpv_overeenkomsten",),
    severity_origin=_LIB,
)
def _bpv_inschrijving(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if not r.bpv_overeenkomsten:
        return ()
    if len(r.inschrijvingen) <= _FEW and _bpv_binnen(r):
        return ()  # the usual case, settled without an index or a list
    found: list[Violation] = []
    by_nummer = {e.inschrijvingvolgnummer: e for e in r.inschrijvingen}
    for i, b in enumerate(r.bpv_overeenkomsten):
        e = by_nummer.get(b.inschrijvingvolgnummer)
        if e is None:
            found.append(
                Violation(
                    f"bpv_overeenkomsten[{i}].inschrijvingvolgnummer",
                    f"no enrolment with inschrijvingvolgnummer {b.inschrijvingvolgnummer!r}",
                    b.volgnummer,
                )
            )
            continue
        if b.datum_begin < e.datum_inschrijving:
            found.append(
                Violation(
                    f"bpv_overeenkomsten[{i}].datum_begin",
                    f"BPV begins on {b.datum_begin}, before the enrolment's "
                    f"datum_inschrijving {e.datum_inschrijving}",
                    b.volgnummer,
                )
            )
        if b.datum_einde > e.datum_einde:
            field = "datum_einde_werkelijk" if b.datum_einde_werkelijk is not None else "datum_einde_gepland"
            found.append(
                Violation(
                    f"bpv_overeenkomsten[{i}].{field}",
                    f"BPV ends on {b.datum_einde}, after the enrolment's last day {e.datum_einde}",
                    b.volgnummer,
                )
            )
    return found


@registry.rule(
    "ROD.INSCHRIJVING.BBL_BPV",
    severity=_ATTENTIE,
    summary="An enrolment with a period in the BBL leerweg has at least one BPV agreement.",
    guidance=(
        "A BBL student learns in a leerbedrijf under a praktijkovereenkomst; record the BPV agreement (after "
        "registering the leerbedrijf at SBB). Funding of a BBL enrolment counts its BPV agreements."
    ),
    source=f"{_PVE}, §13.1 and §16.1 (the BPV's of BBL enrolments), §16.5.3 Bekostigingsrelevante BPV",
    applies_to=MboStudentRecord,
    needs=("inschrijvingen",),
    severity_origin=_LIB,
)
def _bbl_bpv(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    bbl = BBL_LEERTRAJECTEN if ctx.codes is None else bbl_leertrajecten(ctx.codes)
    found: list[Violation] = []
    met_bpv: set[str] | None = None  # made only for a record with a BBL period (most have none)
    for i, e in enumerate(r.inschrijvingen):
        for p in e.perioden:  # a loop, not any(): this runs for every record
            if p.leertraject in bbl:
                break
        else:
            continue
        if met_bpv is None:
            met_bpv = {b.inschrijvingvolgnummer for b in r.bpv_overeenkomsten}
        if e.inschrijvingvolgnummer not in met_bpv:
            found.append(
                Violation(
                    f"inschrijvingen[{i}]",
                    "the enrolment has a BBL period but no BPV agreement",
                    e.inschrijvingvolgnummer,
                )
            )
    return found


# --------------------------------------------------------------------------- leerplicht and BBL


def einde_volledige_leerplicht_uiterlijk(geboortedatum: dt.date) -> dt.date:
    """The last day the volledige leerplicht can last: the end of the school year in which one turns 16.

    Leerplichtwet 1969 art. 3 lid 1: the volledige leerplicht ends at the end of
    the school year in which the young person turns 16 (onder b), or earlier,
    at the end of the school year after which they attended school for twelve
    full school years (onder a). The library cannot count school years, so this
    is the latest possible end.

    Examples:
        >>> einde_volledige_leerplicht_uiterlijk(dt.date(2009, 7, 31))   # 16 on 2025-07-31
        datetime.date(2025, 7, 31)
        >>> einde_volledige_leerplicht_uiterlijk(dt.date(2009, 8, 1))    # 16 on 2025-08-01
        datetime.date(2026, 7, 31)
    """
    return studiejaar(verjaardag(geboortedatum, 16)).einde


def _vroegste_geboortedatum(r: MboStudentRecord) -> dt.date | None:
    """The earliest date the student can have been born (an incomplete date gives its first day)."""
    gegevens = r.student.persoonsgegevens
    geboren = gegevens.geboortedatum if gegevens is not None else None
    return geboren.vroegst() if geboren is not None else None


@registry.rule(
    "ROD.INSCHRIJVING.BBL_LEERPLICHT",
    severity=_ATTENTIE,
    summary="A period in the BBL leerweg begins only once the volledige leerplicht has ended.",
    guidance=(
        "The BBL is open only to students whose volledige leerplicht (Leerplichtwet 1969, paragraaf 2) has "
        "ended: at the latest at the end of the school year in which the student turns 16, earlier after "
        "twelve full school years. Check the student's school years; if the leerplicht still applies, "
        "use the BOL. "
        "Judged only when the record holds the birth date; an incomplete date counts from its earliest day. "
        "Not judged for an enrolment that begins before that day "
        "(ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING reports the dates)."
    ),
    source=f"{_WEB} art. 8.1.1 lid 3; {_LPW} art. 3 lid 1",
    applies_to=MboStudentRecord,
    needs=("inschrijvingen", "student.persoonsgegevens.geboortedatum"),
    url=LPW_URL,
    severity_origin=_LIB,
)
def _bbl_leerplicht(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if not r.inschrijvingen:
        return ()
    geboren = _vroegste_geboortedatum(r)
    if geboren is None:
        return ()
    einde = einde_volledige_leerplicht_uiterlijk(geboren)
    bbl = bbl_leertrajecten(ctx.codes)
    return [
        Violation(
            f"inschrijvingen[{i}].perioden[{j}].leertraject",
            f"the BBL period begins on {p.datum_begin}; the volledige leerplicht may last until {einde} "
            "(the end of the school year in which the student turns 16) "
            "unless twelve school years were completed",
            e.inschrijvingvolgnummer,
            {"datum_begin": p.datum_begin.isoformat(), "leerplicht_uiterlijk_tot": einde.isoformat()},
        )
        for i, e in enumerate(r.inschrijvingen)
        for j, p in enumerate(e.perioden)
        if p.leertraject in bbl and geboren <= e.datum_inschrijving and p.datum_begin <= einde
    ]


# --------------------------------------------------------------------------- reference data (RIO, SBB, crebo)


def _referentiedata(ctx: CheckContext) -> Referentiedata | None:
    ref = ctx.referentiedata
    return ref if isinstance(ref, Referentiedata) else None


@registry.rule(
    "ROD.PERIODE.ONDERWIJSLOCATIE_RIO",
    severity=_ATTENTIE,
    summary="The onderwijslocatie is one RIO registers for the period's onderwijsaanbieder "
    "(with reference data).",
    guidance=(
        "Use an onderwijslocatie that RIO lists for the onderwijsaanbieder, or register the location in RIO "
        "first. Checked only against the RIO extract passed as reference data; an aanbieder the extract does "
        "not hold is reported as not checked (ROD.REFERENTIEDATA.NIET_GECONTROLEERD)."
    ),
    source=f"{_PVE_ISP}: onderwijsaanbieder, onderwijslocatie ('zoals geregistreerd in RIO'); {_ROD_PAGE}, "
    "section Onderwijslocatie",
    applies_to=Periode,
    url=_ROD_URL,
    external="RIO",
    needs=("ctx.referentiedata", "onderwijsaanbieder", "onderwijslocatie"),
    severity_origin=_LIB,
)
def _periode_onderwijslocatie_rio(p: Periode, ctx: CheckContext) -> Sequence[Violation]:
    ref = ctx.referentiedata
    if ref is None or p.onderwijsaanbieder is None or p.onderwijslocatie is None:
        return ()  # the usual case: no reference data, nothing to compare
    if not isinstance(ref, Referentiedata) or not _rio_formaat(p.onderwijsaanbieder, p.onderwijslocatie):
        return ()
    if ref.locatie_van_aanbieder(p.onderwijsaanbieder, p.onderwijslocatie) is False:
        return (
            Violation(
                "onderwijslocatie",
                f"RIO (reference data) does not list onderwijslocatie {p.onderwijslocatie} "
                f"for onderwijsaanbieder {p.onderwijsaanbieder}",
                values={"onderwijsaanbieder": p.onderwijsaanbieder, "onderwijslocatie": p.onderwijslocatie},
            ),
        )
    return ()


@registry.rule(
    "ROD.BPV.LEERBEDRIJF_SBB",
    severity=_ATTENTIE,
    summary="The BPV's leerbedrijf id is one SBB knows (with reference data).",
    guidance=(
        "Register the leerbedrijf at SBB first and use the id SBB gives; BPV data go to DUO only after the "
        "leerbedrijf is known at SBB. Checked only against the SBB list passed as reference data."
    ),
    source=f"{_PVE_BPV}: LeerbedrijfID ('toegekend door ... SBB'); {_ROD_PAGE}, section bpv",
    applies_to=BpvAgreement,
    url=_ROD_URL,
    external="SBB",
    needs=("ctx.referentiedata", "leerbedrijf_id"),
    severity_origin=_LIB,
)
def _bpv_leerbedrijf_sbb(b: BpvAgreement, ctx: CheckContext) -> Sequence[Violation]:
    ref = ctx.referentiedata
    if ref is None or not b.leerbedrijf_id or not isinstance(ref, Referentiedata):
        return ()
    if not _LEERBEDRIJF_FORMAAT(b.leerbedrijf_id):
        return ()
    if ref.leerbedrijf_bekend(b.leerbedrijf_id) is False:
        return (
            Violation(
                "leerbedrijf_id",
                f"SBB's list (reference data) does not hold leerbedrijf {b.leerbedrijf_id}",
                b.volgnummer,
                {"leerbedrijf_id": b.leerbedrijf_id},
            ),
        )
    return ()


def _niet_gecontroleerd_rio_sbb(r: MboStudentRecord, ref: Referentiedata) -> list[Violation]:
    found: list[Violation] = []
    for i, e in enumerate(r.inschrijvingen):
        for j, p in enumerate(e.perioden):
            if p.onderwijsaanbieder is None or p.onderwijslocatie is None:
                continue
            if not _rio_formaat(p.onderwijsaanbieder, p.onderwijslocatie):
                continue
            if ref.locatie_van_aanbieder(p.onderwijsaanbieder, p.onderwijslocatie) is None:
                found.append(
                    Violation(
                        f"inschrijvingen[{i}].perioden[{j}].onderwijslocatie",
                        f"onderwijslocatie {p.onderwijslocatie} not checked against RIO: the reference data "
                        f"hold no locations for onderwijsaanbieder {p.onderwijsaanbieder}",
                        e.inschrijvingvolgnummer,
                        {"register": "RIO", "onderwijsaanbieder": p.onderwijsaanbieder},
                    )
                )
    if ref.leerbedrijven is None:
        found += [
            Violation(
                f"bpv_overeenkomsten[{i}].leerbedrijf_id",
                "leerbedrijf not checked against SBB: the reference data hold no leerbedrijven",
                b.volgnummer,
                {"register": "SBB"},
            )
            for i, b in enumerate(r.bpv_overeenkomsten)
            if b.leerbedrijf_id
        ]
    return found


@registry.rule(
    "ROD.REFERENTIEDATA.NIET_GECONTROLEERD",
    severity=_SIGNAAL,
    summary="Says what a rule could not check for lack of reference data (crebo hierarchy, RIO, SBB).",
    guidance=(
        "Pass the registers as reference data (duo_domain.mbo.reference.Referentiedata) to have these "
        "checked. A diploma whose crebo code differs from its enrolment's is always reported here when the "
        "crebo hierarchy cannot settle it; RIO locations and SBB leerbedrijven are reported only when "
        "reference data were given but lack the entry (without any reference data those checks are skipped)."
    ),
    source=f"{_WEB} art. 8.1.1 lid 2 (enrolment for an opleidingsdomein, kwalificatiedossier or "
    f"kwalificatie); {_PVE_ISP} (RIO); {_PVE_BPV} (SBB)",
    applies_to=MboStudentRecord,
    external="SBB, RIO",
    needs_any=("diplomas", "ctx.referentiedata"),
    severity_origin=_LIB,
)
def _referentiedata_niet_gecontroleerd(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    ref = _referentiedata(ctx)
    found: list[Violation] = []
    for i, diploma in enumerate(r.diplomas):
        found.extend(diploma_crebo_open(diploma, r.inschrijvingen, path=f"diplomas[{i}]", referentiedata=ref))
    if ref is not None:
        found += _niet_gecontroleerd_rio_sbb(r, ref)
    return found


# --------------------------------------------------------------------------- the absence report


@registry.rule(
    "ROD.AFWEZIGHEID.MELDING",
    severity=_ATTENTIE,
    summary="A student with studiefinanciering absent at least 5 weeks without valid reason is reported to "
    "DUO by the fifth working day after the 8-week period.",
    guidance=(
        "Report the absence to DUO (form 'Melding afwezigheid scholier of student') and send the student a "
        "copy by the fifth working day after the period of 8 weeks (holiday weeks lengthen it). It concerns "
        "students under the Wet studiefinanciering 2000 of an entree or basisberoepsopleiding, or who "
        "received studiefinanciering before 2005-08-01. Separate from the verzuimmelding in ROD."
    ),
    source=f"{_WEB} art. 8.1.7 lid 1, 5, 6, 7 en 11",
    applies_to=Afwezigheid,
    severity_origin=_LIB,
)
def _afwezigheid_melding(a: Afwezigheid, ctx: CheckContext) -> Sequence[Violation]:
    oordeel = a.oordeel(codes=None if ctx.codes is None else bundel(ctx.codes))
    termijn = oordeel.termijn_melding_duo
    if termijn is None:
        return ()
    if a.gemeld_op is None:
        message = f"the absence report to DUO is due, at the latest on {termijn}"
    elif a.gemeld_op > termijn:
        message = f"the absence report to DUO was made on {a.gemeld_op}, after the deadline {termijn}"
    else:
        return ()
    return (Violation("gemeld_op", message, values={"termijn_melding_duo": termijn.isoformat()}),)
