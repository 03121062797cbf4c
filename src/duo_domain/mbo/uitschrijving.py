"""Deregistration (uitschrijving) and early school leaving (VSV), explained by article.

[`beoordeel_uitschrijving`][duo_domain.mbo.uitschrijving.beoordeel_uitschrijving] says, for a student leaving
on a date, whether
the leerplicht or kwalificatieplicht still applies (then the
leerplichtambtenaar is involved), and whether the student leaves as a
voortijdig schoolverlater. Every reason names its article.

The law, as read in the text in force:

* A *startkwalificatie* is a diploma of a basisberoepsopleiding, vakopleiding,
  middenkader- or specialistenopleiding (WEB art. 7.2.2 lid 1 onder b-e) or a
  havo or vwo diploma (Leerplichtwet 1969, BWBR0002628, art. 1 onder f). An
  entree diploma is not one. The MBO levels that are one are read from the
  value list niveau (kenmerk ``startkwalificatie``).
* The volledige leerplicht ends at the latest at the end of the school year
  (1 August – 31 July) in which the student turns 16 (Leerplichtwet 1969
  art. 3 lid 1 onder b; earlier after twelve full school years, onder a,
  which the library cannot count). Until that day the student may still be
  leerplichtig, and the leerplichtambtenaar is involved.
* The kwalificatieplicht applies after the leerplicht, until the student
  turns 18 or obtains a startkwalificatie (Leerplichtwet 1969 art. 4a lid 1,
  art. 4b). From 18 on neither applies, and the leerplichtambtenaar has no
  part in the deregistration.
* A student to whom the Leerplichtwet applies is removed for good only once
  another institution or school has agreed to admit them (WEB art. 8.1.7d
  lid 2); a removal is reported to B&W at once (Leerplichtwet 1969 art. 18
  lid 1).
* **Voortijdig schoolverlater, until 2025-12-31**: someone to whom the
  Leerplichtwet no longer applies, younger than **23**, without a
  startkwalificatie (WEB art. 8.1.8 lid 1 onder a en b) who no longer follows
  education or is no longer enrolled (art. 8.3.1 lid 1); not someone with an
  entree diploma who works under an arbeidsovereenkomst (art. 8.3.1 lid 2).
* **From 2026-01-01** these articles are replaced by WEB art. 9.2.1: the
  regional approach covers whoever is no longer leerplichtig or
  kwalificatieplichtig, is younger than **27**, has no startkwalificatie and
  no longer follows education or is not enrolled. The entree exception is
  gone; for an entree diploma of less than a year the gemeente consults the
  school first (art. 9.2.5 lid 5 onder a). The library reports this group as
  ``voortijdig_schoolverlater`` too and names the article.

The switch date is taken from the consolidated WEB texts: the version of
2025-01-01 holds art. 8.1.8 and 8.3.1, the version of 2026-01-01 holds
art. 9.2.1 instead.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.uitschrijving import beoordeel_uitschrijving
    >>> a = beoordeel_uitschrijving(dt.date(2008, 3, 1), dt.date(2025, 1, 31), hoogste_diploma="MBO-1")
    >>> a.kwalificatieplichtig, a.overleg_leerplichtambtenaar, a.voortijdig_schoolverlater
    (True, True, False)
    >>> b = beoordeel_uitschrijving(dt.date(1990, 3, 1), dt.date(2025, 1, 31))   # 34 years old
    >>> b.overleg_leerplichtambtenaar, b.voortijdig_schoolverlater
    (False, False)
    >>> c = beoordeel_uitschrijving(dt.date(2004, 3, 1), dt.date(2026, 3, 1))    # 22, from 2026 on
    >>> c.voortijdig_schoolverlater, c.regime.artikel
    (True, 'WEB art. 9.2.1')
"""

from __future__ import annotations

import datetime as dt

import attrs

from duo_domain._sources import LPW, WEB
from duo_domain.calendar import leeftijd, studiejaar, verjaardag
from duo_domain.codes import Codetabellen
from duo_domain.mbo.codes import NIVEAU

__all__ = [
    "STARTKWALIFICATIES",
    "VSV_REGIMES",
    "UitschrijvingsAdvies",
    "UitschrijvingsReden",
    "VsvRegime",
    "beoordeel_uitschrijving",
    "einde_leerplicht_uiterlijk",
    "is_startkwalificatie",
    "vsv_regime",
]

#: Diplomas that are a startkwalificatie (Leerplichtwet 1969 art. 1 onder f): the MBO levels
#: whose kenmerk ``startkwalificatie`` is ``ja`` in the value list niveau, and havo and vwo.
STARTKWALIFICATIES: frozenset[str] = NIVEAU.met_kenmerk("startkwalificatie", "ja") | {"HAVO", "VWO"}

#: The entree diplomas: kenmerk ``niveau`` 1 (WEB art. 7.2.2 lid 1 onder a).
_ENTREE: frozenset[str] = NIVEAU.met_kenmerk("niveau", "1")


def _niveaus(tabellen: Codetabellen) -> tuple[frozenset[str], frozenset[str]]:
    """The startkwalificaties and the entree diplomas (kenmerk ``niveau`` 1) of the table niveau."""
    lijst = tabellen.waardenlijst(NIVEAU.naam)
    return lijst.met_kenmerk("startkwalificatie", "ja") | {"HAVO", "VWO"}, lijst.met_kenmerk("niveau", "1")


def _uit(codes: Codetabellen | None) -> tuple[frozenset[str], frozenset[str]]:
    if codes is None:
        return STARTKWALIFICATIES, _ENTREE
    return Codetabellen.uit(codes).afgeleid("mbo.uitschrijving.niveaus", _niveaus)


_LPW = f"{LPW} (BWBR0002628)"
_WEB = f"{WEB} (BWBR0007625)"


@attrs.frozen
class VsvRegime:
    """Who counts as voortijdig schoolverlater in one period of the law.

    Attributes:
        geldig_van: First day (inclusive), or ``None``.
        geldig_tot: Last day (inclusive), or ``None``.
        leeftijdsgrens: The student is younger than this on the day of leaving.
        entree_met_arbeidsovereenkomst_uitgezonderd: An entree diploma with an
            arbeidsovereenkomst takes the student out of the group.
        artikel: The article that defines the group.
    """

    geldig_van: dt.date | None
    geldig_tot: dt.date | None
    leeftijdsgrens: int
    entree_met_arbeidsovereenkomst_uitgezonderd: bool
    artikel: str

    def geldig_op(self, datum: dt.date) -> bool:
        """Whether the regime applies on ``datum``."""
        return (self.geldig_van is None or datum >= self.geldig_van) and (
            self.geldig_tot is None or datum <= self.geldig_tot
        )


#: The regimes in order; :func:`vsv_regime` picks the one of a date.
VSV_REGIMES: tuple[VsvRegime, ...] = (
    VsvRegime(
        None,
        dt.date(2025, 12, 31),
        23,
        entree_met_arbeidsovereenkomst_uitgezonderd=True,
        artikel="WEB art. 8.1.8 lid 1 onder a en b, art. 8.3.1",
    ),
    VsvRegime(
        dt.date(2026, 1, 1),
        None,
        27,
        entree_met_arbeidsovereenkomst_uitgezonderd=False,
        artikel="WEB art. 9.2.1",
    ),
)


def vsv_regime(datum: dt.date) -> VsvRegime:
    """The VSV regime in force on ``datum``.

    Examples:
        >>> import datetime as dt
        >>> vsv_regime(dt.date(2025, 12, 31)).leeftijdsgrens, vsv_regime(dt.date(2026, 1, 1)).leeftijdsgrens
        (23, 27)
    """
    for regime in VSV_REGIMES:
        if regime.geldig_op(datum):
            return regime
    raise AssertionError("VSV_REGIMES covers every date")  # pragma: no cover


def is_startkwalificatie(diploma: str | None, *, codes: Codetabellen | None = None) -> bool:
    """Whether a diploma (``MBO-1`` … ``MBO-4``, ``HAVO``, ``VWO``) is a startkwalificatie.

    An MBO level is one when its kenmerk ``startkwalificatie`` is ``ja`` in the table niveau
    of ``codes`` (the shipped tables for ``None``).

    Examples:
        >>> is_startkwalificatie("MBO-1"), is_startkwalificatie("MBO-2"), is_startkwalificatie("havo")
        (False, True, True)
    """
    return isinstance(diploma, str) and diploma.upper() in _uit(codes)[0]


@attrs.frozen
class UitschrijvingsReden:
    """One reason in an [`UitschrijvingsAdvies`][duo_domain.mbo.uitschrijving.UitschrijvingsAdvies].

    Attributes:
        code: Stable machine code, e.g. ``"STARTKWALIFICATIE"``.
        toelichting: What it means for this student.
        bron: The article it rests on.
    """

    code: str
    toelichting: str
    bron: str


@attrs.frozen
class UitschrijvingsAdvies:
    """The answer of [`beoordeel_uitschrijving`][duo_domain.mbo.uitschrijving.beoordeel_uitschrijving].

    Attributes:
        uitschrijven_toegestaan: Deregistration is possible without the
            leerplichtambtenaar (no leerplicht or kwalificatieplicht, or
            another school takes over).
        overleg_leerplichtambtenaar: The student is kwalificatieplichtig and
            not going to another school: involve the leerplichtambtenaar.
        voortijdig_schoolverlater: The student leaves as a VSV under `regime`.
        kwalificatieplichtig: The student is kwalificatieplichtig on the day of leaving.
        leeftijd: Age in whole years on the day of leaving.
        regime: The VSV regime of the day of leaving.
        redenen: Why, each with its article.
        leerplichtig: The volledige leerplicht may still run on the day of
            leaving (it ends at the latest at the end of the school year in which
            the student turns 16, Leerplichtwet 1969 art. 3 lid 1).
    """

    uitschrijven_toegestaan: bool
    overleg_leerplichtambtenaar: bool
    voortijdig_schoolverlater: bool
    kwalificatieplichtig: bool
    leeftijd: int
    regime: VsvRegime
    redenen: tuple[UitschrijvingsReden, ...]
    leerplichtig: bool = False


def einde_leerplicht_uiterlijk(geboortedatum: dt.date) -> dt.date:
    """The last day the volledige leerplicht can last: the end of the school year in which one turns 16.

    Leerplichtwet 1969 art. 3 lid 1 onder b; it ends earlier after twelve full
    school years (onder a), which the library cannot count.

    Examples:
        >>> import datetime as dt
        >>> einde_leerplicht_uiterlijk(dt.date(2009, 7, 31)), einde_leerplicht_uiterlijk(dt.date(2009, 8, 1))
        (datetime.date(2025, 7, 31), datetime.date(2026, 7, 31))
    """
    return studiejaar(verjaardag(geboortedatum, 16)).einde


def _plicht_reden(
    jaren: int, einde: dt.date, *, leerplichtig: bool, kwalificatieplichtig: bool, regime: VsvRegime
) -> UitschrijvingsReden | None:
    """Why the Leerplichtwet still applies (and so the student is no voortijdig schoolverlater)."""
    niet_vsv = "; while the Leerplichtwet applies the student is not a voortijdig schoolverlater"
    gevolg = (
        "a removal is final only once another institution admits the student, and is reported to B&W at once"
    )
    if leerplichtig:
        return UitschrijvingsReden(
            "LEERPLICHTIG",
            f"the volledige leerplicht may still run (at the latest until {einde}, the end of the school "
            f"year in which the student turns 16); {gevolg}{niet_vsv}",
            f"{_LPW} art. 3 lid 1, art. 18 lid 1; {_WEB} art. 8.1.7d lid 2; {regime.artikel}",
        )
    if kwalificatieplichtig:
        return UitschrijvingsReden(
            "KWALIFICATIEPLICHTIG",
            f"the student is {jaren} and has no startkwalificatie: kwalificatieplichtig until 18; {gevolg}"
            + niet_vsv,
            f"{_LPW} art. 4a lid 1, art. 4b, art. 18 lid 1; {_WEB} art. 8.1.7d lid 2; {regime.artikel}",
        )
    return None


def _vsv_reden(
    jaren: int, regime: VsvRegime, *, entree: bool, arbeidsovereenkomst: bool
) -> tuple[bool, UitschrijvingsReden]:
    if jaren >= regime.leeftijdsgrens:
        return False, UitschrijvingsReden(
            "GEEN_VSV_LEEFTIJD",
            f"the student is {jaren}: at {regime.leeftijdsgrens} or older not a voortijdig schoolverlater",
            regime.artikel,
        )
    if regime.entree_met_arbeidsovereenkomst_uitgezonderd and entree and arbeidsovereenkomst:
        return False, UitschrijvingsReden(
            "GEEN_VSV_ENTREE_WERK",
            "an entree diploma and work under an arbeidsovereenkomst: not a voortijdig schoolverlater",
            "WEB art. 8.3.1 lid 2",
        )
    toelichting = (
        f"the student is {jaren} (under {regime.leeftijdsgrens}), no longer leerplichtig or "
        "kwalificatieplichtig, and leaves without a startkwalificatie: a voortijdig schoolverlater"
    )
    if not regime.entree_met_arbeidsovereenkomst_uitgezonderd and entree:
        toelichting += "; with an entree diploma of less than a year the gemeente consults the school first"
        return True, UitschrijvingsReden(
            "VSV", toelichting, f"{regime.artikel}; WEB art. 9.2.5 lid 5 onder a"
        )
    return True, UitschrijvingsReden("VSV", toelichting, regime.artikel)


def beoordeel_uitschrijving(
    geboortedatum: dt.date,
    datum_uitschrijving: dt.date,
    *,
    hoogste_diploma: str | None = None,
    naar_andere_school: bool = False,
    arbeidsovereenkomst: bool = False,
    codes: Codetabellen | None = None,
) -> UitschrijvingsAdvies:
    """Judge the deregistration of a student who leaves on ``datum_uitschrijving``.

    Args:
        geboortedatum: The student's date of birth.
        datum_uitschrijving: The last day of the enrolment (inclusive).
        hoogste_diploma: The highest diploma obtained, by the day of leaving:
            ``MBO-1`` … ``MBO-4``, ``HAVO``, ``VWO`` (or ``None``).
        naar_andere_school: The student continues at another school or institution.
        arbeidsovereenkomst: The student works under an arbeidsovereenkomst
            (matters with an entree diploma until 2025-12-31, art. 8.3.1 lid 2).
        codes: The code tables whose table niveau says which diploma is a startkwalificatie
            and which is entree (kenmerken ``startkwalificatie``, ``niveau``); the shipped
            ones for ``None``.

    Returns:
        The advice with its reasons.
    """
    jaren = leeftijd(geboortedatum, op=datum_uitschrijving)
    startkwalificaties, entree = _uit(codes)
    sk = isinstance(hoogste_diploma, str) and hoogste_diploma.upper() in startkwalificaties
    einde = einde_leerplicht_uiterlijk(geboortedatum)
    leerplichtig = datum_uitschrijving <= einde
    kwalificatieplichtig = not leerplichtig and jaren < 18 and not sk
    regime = vsv_regime(datum_uitschrijving)
    redenen: list[UitschrijvingsReden] = []
    if sk:
        redenen.append(
            UitschrijvingsReden(
                "STARTKWALIFICATIE",
                f"the student has a startkwalificatie ({hoogste_diploma}): no kwalificatieplicht, and not a "
                "voortijdig schoolverlater",
                f"{_LPW} art. 1 onder f, art. 4b; {regime.artikel}",
            )
        )
    plicht = _plicht_reden(
        jaren, einde, leerplichtig=leerplichtig, kwalificatieplichtig=kwalificatieplichtig, regime=regime
    )
    if naar_andere_school:
        redenen.append(_andere_school(plicht is not None, regime))
    if plicht is not None:
        redenen.append(plicht)
    elif not sk:
        redenen.append(
            UitschrijvingsReden(
                "GEEN_KWALIFICATIEPLICHT",
                f"the student is {jaren}: the kwalificatieplicht ended at 18; "
                "the leerplichtambtenaar has no part",
                f"{_LPW} art. 4b",
            )
        )
    vsv = False
    if not (sk or naar_andere_school or plicht is not None):
        vsv, reden = _vsv_reden(
            jaren, regime, entree=hoogste_diploma in entree, arbeidsovereenkomst=arbeidsovereenkomst
        )
        redenen.append(reden)
    overleg = plicht is not None and not naar_andere_school
    return UitschrijvingsAdvies(
        uitschrijven_toegestaan=not overleg,
        overleg_leerplichtambtenaar=overleg,
        voortijdig_schoolverlater=vsv,
        kwalificatieplichtig=kwalificatieplichtig,
        leeftijd=jaren,
        regime=regime,
        redenen=tuple(redenen),
        leerplichtig=leerplichtig,
    )


def _andere_school(plichtig: bool, regime: VsvRegime) -> UitschrijvingsReden:
    """Continuing at another school: the duty is met there, and a student in education is no VSV."""
    if plichtig:
        return UitschrijvingsReden(
            "ANDERE_SCHOOL",
            "the student continues at another school or institution, which takes over the leerplicht or "
            "kwalificatieplicht; not a voortijdig schoolverlater",
            f"{_LPW} art. 4a lid 1; {_WEB} art. 8.1.7d lid 2; {regime.artikel}",
        )
    return UitschrijvingsReden(
        "ANDERE_SCHOOL",
        "the student continues at another school or institution: still in education, so not a voortijdig "
        "schoolverlater",
        regime.artikel,
    )
