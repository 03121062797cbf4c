"""The separate absence report to DUO ("Melding afwezigheid") for students of 18 and over.

When a student with studiefinanciering stays away without a valid reason for
an uninterrupted period of **at least 5 weeks**, the institution reports this
to DUO (WEB, BWBR0007625, art. 8.1.7 lid 1 and 5). The report concerns
students of an entreeopleiding or basisberoepsopleiding (niveau 1 or 2,
art. 8.1.7 lid 11 onder a); DUO's page limits it to mbo students with
studiefinanciering for a full-time bol opleiding at niveau 1 or 2, and to
students of 18 or over (DUO, *Extra doorgeven afwezigheid leerling 18+*:
"5 weken of langer"). Weeks of holiday in which no education was given do not
count and do not interrupt the period (art. 8.1.7 lid 6).

This report is made with DUO's form *Melding afwezigheid scholier of
student*. It is **separate from the verzuimmelding** in the Register
Onderwijsdeelnemers (ROD); doing one does not replace the other.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.afwezigheid import melding_afwezigheid
    >>> kwestie = dict(geboortedatum=dt.date(2005, 1, 1), leertraject="BOL", niveau="MBO-2",
    ...                studiefinanciering=True, afwezig_van=dt.date(2025, 3, 3))
    >>> melding_afwezigheid(**kwestie, afwezig_tot=dt.date(2025, 4, 6)).melding_verplicht   # 35 days
    True
    >>> melding_afwezigheid(**kwestie, afwezig_tot=dt.date(2025, 4, 5)).melding_verplicht   # 34 days
    False
"""

from __future__ import annotations

import datetime as dt

import attrs

from duo_domain._sources import WEB
from duo_domain.calendar import dagen_inclusief, leeftijd

__all__ = [
    "LOS_VAN_VERZUIMMELDING",
    "MINIMUM_DAGEN",
    "AfwezigheidsOordeel",
    "melding_afwezigheid",
]

#: At least 5 weeks: 35 days, counted inclusively, holiday weeks left out.
MINIMUM_DAGEN = 35

#: The note every answer carries.
LOS_VAN_VERZUIMMELDING = (
    "The Melding afwezigheid (DUO form 'Melding afwezigheid scholier of student') is separate from the "
    "verzuimmelding in the Register Onderwijsdeelnemers (ROD); make both where both apply."
)

_WEB = f"{WEB} (BWBR0007625) art. 8.1.7"
_DUO = "DUO, Extra doorgeven afwezigheid leerling 18+; DUO, Uitwisselen met ROD (mbo), Melden afwezigheid student"  # noqa: E501
_NIVEAUS = frozenset({"MBO-1", "MBO-2"})


@attrs.frozen
class AfwezigheidsOordeel:
    """The answer of [`melding_afwezigheid`][duo_domain.mbo.afwezigheid.melding_afwezigheid].

    Attributes:
        melding_verplicht: The Melding afwezigheid to DUO is due.
        dagen_afwezig: Days of absence counted (inclusive, holiday weeks left out).
        leeftijd: The student's age on the last day of absence.
        voorwaarden: Each condition as ``(condition, met, source)``.
        toelichting: That this report is separate from the verzuimmelding in ROD.
    """

    melding_verplicht: bool
    dagen_afwezig: int
    leeftijd: int
    voorwaarden: tuple[tuple[str, bool, str], ...]
    toelichting: str = LOS_VAN_VERZUIMMELDING


def melding_afwezigheid(
    *,
    geboortedatum: dt.date,
    leertraject: str,
    niveau: str | None,
    studiefinanciering: bool,
    afwezig_van: dt.date,
    afwezig_tot: dt.date,
    vakantieweken: int = 0,
) -> AfwezigheidsOordeel:
    """Whether the separate Melding afwezigheid to DUO is due.

    Args:
        geboortedatum: The student's date of birth.
        leertraject: The period's leertraject (only full-time ``BOL`` qualifies).
        niveau: The period's niveau (``MBO-1`` or ``MBO-2`` qualify); ``None`` when unknown,
            which never makes the report due.
        studiefinanciering: The student receives studiefinanciering.
        afwezig_van: First day of the unauthorised absence.
        afwezig_tot: Last day of the unauthorised absence (inclusive).
        vakantieweken: Holiday weeks within the absence, in which no education was given.

    Returns:
        The judgement, with every condition and its source.

    Raises:
        ValueError: when ``vakantieweken`` is negative.
    """
    if vakantieweken < 0:
        raise ValueError("vakantieweken cannot be negative")
    dagen = max(0, dagen_inclusief(afwezig_van, afwezig_tot) - 7 * vakantieweken)
    jaren = leeftijd(geboortedatum, op=afwezig_tot)
    voorwaarden = (
        ("aged 18 or over", jaren >= 18, _DUO),
        ("receives studiefinanciering", studiefinanciering, f"{_WEB} lid 1; {_DUO}"),
        ("full-time bol (leertraject BOL)", leertraject == "BOL", _DUO),
        ("entree or niveau 2 (MBO-1, MBO-2)", niveau in _NIVEAUS, f"{_WEB} lid 11 onder a; {_DUO}"),
        (
            f"absent without valid reason for at least 5 weeks ({dagen} of {MINIMUM_DAGEN} days)",
            dagen >= MINIMUM_DAGEN,
            f"{_WEB} lid 1 ('ten minste 5 weken') and lid 6 (holidays)",
        ),
    )
    return AfwezigheidsOordeel(
        melding_verplicht=all(met for _, met, _ in voorwaarden),
        dagen_afwezig=dagen,
        leeftijd=jaren,
        voorwaarden=voorwaarden,
    )
