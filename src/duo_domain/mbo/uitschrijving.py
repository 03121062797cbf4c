"""Deregistration (uitschrijving) and early school leaving (VSV).

[`beoordeel_uitschrijving`][duo_domain.mbo.uitschrijving.beoordeel_uitschrijving] says, for a student leaving
on a date,
whether the institution may deregister the student as things stand, or must
first consult the leerplichtambtenaar, and whether the student counts as a
voortijdig schoolverlater (VSV). Every answer carries its reasons with their
legal source.

The rules:

* A *startkwalificatie* is a diploma of a basisberoepsopleiding (MBO-2),
  vakopleiding (MBO-3), middenkader- or specialistenopleiding (MBO-4), or a
  havo or vwo diploma (Leerplichtwet 1969, BWBR0002628, art. 1 onder f, with
  WEB art. 7.2.2 lid 1 onder b-e). An entree (MBO-1) diploma is not one.
* The kwalificatieplicht applies until the student turns 18 or obtains a
  startkwalificatie (Leerplichtwet 1969 art. 4a lid 1, art. 4b).
* DUO: "U mag een student pas uitschrijven als hij een startkwalificatie heeft
  gehaald. Of als hij naar een andere school gaat. In alle andere situaties
  overlegt u met de leerplichtambtenaar." (DUO, *Uitwisselen met ROD*, mbo,
  section Uitschrijven en voortijdig schoolverlaters).
* A student under the Leerplichtwet is removed for good only after another
  institution or school has agreed to admit the student (WEB, BWBR0007625,
  art. 8.1.7d lid 2); a removal is reported to B&W at once (Leerplichtwet
  1969 art. 18 lid 1).
* A voortijdig schoolverlater is a young person under 23 who leaves education
  without a startkwalificatie (the RMC definition, WEB titel 8.3, regionale
  meld- en coördinatiefunctie). The age limit of 23 is taken from that
  definition as commonly applied; it was not read in the current law text.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.uitschrijving import beoordeel_uitschrijving
    >>> a = beoordeel_uitschrijving(dt.date(2008, 3, 1), dt.date(2025, 1, 31), hoogste_diploma="MBO-1")
    >>> a.uitschrijven_toegestaan, a.overleg_leerplichtambtenaar, a.voortijdig_schoolverlater
    (False, True, True)
    >>> b = beoordeel_uitschrijving(dt.date(2008, 3, 1), dt.date(2025, 1, 31), hoogste_diploma="MBO-2")
    >>> b.uitschrijven_toegestaan, b.voortijdig_schoolverlater
    (True, False)
"""

from __future__ import annotations

import datetime as dt

import attrs

from duo_domain._sources import LPW
from duo_domain.calendar import leeftijd

__all__ = [
    "STARTKWALIFICATIES",
    "VSV_LEEFTIJDSGRENS",
    "UitschrijvingsAdvies",
    "UitschrijvingsReden",
    "beoordeel_uitschrijving",
    "is_startkwalificatie",
]

#: Diplomas that are a startkwalificatie (Leerplichtwet 1969 art. 1 onder f).
STARTKWALIFICATIES: frozenset[str] = frozenset({"MBO-2", "MBO-3", "MBO-4", "HAVO", "VWO"})

#: A voortijdig schoolverlater is younger than this on the day of leaving.
VSV_LEEFTIJDSGRENS = 23

_LPW = f"{LPW} (BWBR0002628)"
_DUO = "DUO, Uitwisselen met ROD (mbo), section Uitschrijven en voortijdig schoolverlaters"


def is_startkwalificatie(diploma: str | None) -> bool:
    """Whether a diploma (``MBO-1`` … ``MBO-4``, ``HAVO``, ``VWO``) is a startkwalificatie.

    Examples:
        >>> is_startkwalificatie("MBO-1"), is_startkwalificatie("MBO-2"), is_startkwalificatie("havo")
        (False, True, True)
    """
    return isinstance(diploma, str) and diploma.upper() in STARTKWALIFICATIES


@attrs.frozen
class UitschrijvingsReden:
    """One reason in an [`UitschrijvingsAdvies`][duo_domain.mbo.uitschrijving.UitschrijvingsAdvies].

    Attributes:
        code: Stable machine code, e.g. ``"STARTKWALIFICATIE"``.
        toelichting: What it means for this student.
        bron: The legal or DUO source.
    """

    code: str
    toelichting: str
    bron: str


@attrs.frozen
class UitschrijvingsAdvies:
    """The answer of [`beoordeel_uitschrijving`][duo_domain.mbo.uitschrijving.beoordeel_uitschrijving].

    Attributes:
        uitschrijven_toegestaan: The student may be deregistered as things stand.
        overleg_leerplichtambtenaar: The institution must consult the leerplichtambtenaar first.
        voortijdig_schoolverlater: The student leaves as a VSV.
        kwalificatieplichtig: The student is kwalificatieplichtig on the day of leaving.
        leeftijd: Age in whole years on the day of leaving.
        redenen: Why, with sources.
    """

    uitschrijven_toegestaan: bool
    overleg_leerplichtambtenaar: bool
    voortijdig_schoolverlater: bool
    kwalificatieplichtig: bool
    leeftijd: int
    redenen: tuple[UitschrijvingsReden, ...]


def beoordeel_uitschrijving(
    geboortedatum: dt.date,
    datum_uitschrijving: dt.date,
    *,
    hoogste_diploma: str | None = None,
    naar_andere_school: bool = False,
) -> UitschrijvingsAdvies:
    """Judge the deregistration of a student who leaves on ``datum_uitschrijving``.

    Args:
        geboortedatum: The student's date of birth.
        datum_uitschrijving: The last day of the enrolment (inclusive).
        hoogste_diploma: The highest diploma obtained, by the day of leaving:
            ``MBO-1`` … ``MBO-4``, ``HAVO``, ``VWO`` (or ``None``).
        naar_andere_school: The student continues at another school or institution.

    Returns:
        The advice with its reasons.
    """
    jaren = leeftijd(geboortedatum, op=datum_uitschrijving)
    sk = is_startkwalificatie(hoogste_diploma)
    kwalificatieplichtig = jaren < 18 and not sk
    redenen: list[UitschrijvingsReden] = []

    if sk:
        redenen.append(
            UitschrijvingsReden(
                "STARTKWALIFICATIE",
                f"the student has a startkwalificatie ({hoogste_diploma}); deregistration is allowed",
                f"{_LPW} art. 1 onder f; {_DUO}",
            )
        )
    if naar_andere_school:
        redenen.append(
            UitschrijvingsReden(
                "ANDERE_SCHOOL",
                "the student moves to another school or institution; deregistration is allowed",
                _DUO,
            )
        )
    toegestaan = sk or naar_andere_school
    if not toegestaan:
        redenen.append(
            UitschrijvingsReden(
                "OVERLEG_LEERPLICHTAMBTENAAR",
                "no startkwalificatie and no other school: consult the "
                "leerplichtambtenaar before deregistering",
                _DUO,
            )
        )
    if kwalificatieplichtig:
        redenen.append(
            UitschrijvingsReden(
                "KWALIFICATIEPLICHTIG",
                f"the student is {jaren} and has no startkwalificatie: "
                "kwalificatieplichtig until 18; a removal "
                "is final only once another institution admits the student, and is reported to B&W at once",
                f"{_LPW} art. 4a lid 1, art. 4b, art. 18 lid 1; WEB (BWBR0007625) art. 8.1.7d lid 2",
            )
        )
    vsv = not sk and not naar_andere_school and jaren < VSV_LEEFTIJDSGRENS
    if vsv:
        redenen.append(
            UitschrijvingsReden(
                "VSV",
                f"the student is {jaren} (under {VSV_LEEFTIJDSGRENS}) and "
                "leaves without a startkwalificatie: "
                "a voortijdig schoolverlater, to be followed up by the RMC",
                f"WEB (BWBR0007625) titel 8.3 (RMC); {_LPW} art. 1 onder f",
            )
        )
    elif not sk and not naar_andere_school:
        redenen.append(
            UitschrijvingsReden(
                "GEEN_VSV_LEEFTIJD",
                f"the student is {jaren}: at {VSV_LEEFTIJDSGRENS} or older "
                "not counted as voortijdig schoolverlater",
                "WEB (BWBR0007625) titel 8.3 (RMC)",
            )
        )
    return UitschrijvingsAdvies(
        uitschrijven_toegestaan=toegestaan,
        overleg_leerplichtambtenaar=not toegestaan,
        voortijdig_schoolverlater=vsv,
        kwalificatieplichtig=kwalificatieplichtig,
        leeftijd=jaren,
        redenen=tuple(redenen),
    )
