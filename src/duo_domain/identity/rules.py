"""Rules for a student's identity and personal data (rule ids ``PERSOON.*``).

A record about a person carries a BSN or an onderwijsnummer, never both;
without either, DUO needs the personal data to find or assign a number.
Each missing or malformed element is its own finding, with its path, so a
vendor sees everything to fix at once. Findings never contain a personal
number or other personal data: the business key is the school's own
``studentnummer``.

Sources: DUO's *Programma van Eisen MBO-instelling – DUO* v4.8.2 §13.5.2
(recordsoort PER) and DUO's Service- en Berichtenboek schemas (BasisSchema
types; ``DUO_VOInformatiediensten_IdentificerenPersoonVO_V1``, element
``ZonderPGN``, version 18565 of 31-01-2018).

Examples:
    >>> from duo_domain.identity import Bsn, Onderwijsnummer, Student
    >>> from duo_domain.rules import validate
    >>> report = validate(Student(bsn=Bsn("111222333"), onderwijsnummer=Onderwijsnummer("101222331")))
    >>> [(f.rule_id, f.path) for f in report]
    [('PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER', '$.onderwijsnummer')]
    >>> report.ok
    False
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from duo_domain._sources import PVE_MBO
from duo_domain.identity import postcode as _postcode
from duo_domain.identity.student import BuitenlandsAdres, Geslacht, NederlandsAdres, Student
from duo_domain.rules import CheckContext, Severity, Violation, registry

__all__: list[str] = []

_PVE = f"{PVE_MBO} §13.5.2 (recordsoort PER)"
_ZONDER_PGN = "DUO Service- en Berichtenboek, IdentificerenPersoonVO_V1, ZonderPGN (versie 18565)"
_BASIS = "DUO Service- en Berichtenboek, BasisSchema (versie 18565)"

_GESLACHT_CODES = frozenset(g.value for g in Geslacht)
_LANDCODE = re.compile(r"[0-9]{4}")
_HUISLETTER = re.compile(r"[A-Za-z]")


def _needs_matching_set(s: Student) -> bool:
    return s.bsn is None and s.onderwijsnummer is None


def _too_long(value: str | None, limit: int) -> bool:
    return value is not None and len(value) > limit


# --- identity -----------------------------------------------------------------------------------------


@registry.rule(
    "PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER",
    severity=Severity.AFKEUR,
    summary="A person carries a BSN or an onderwijsnummer, never both.",
    guidance="Send only the BSN once it is known; DUO then links the onderwijsnummer to it. "
    "Remove the onderwijsnummer from the record.",
    source=f"{_PVE}: 'Ofwel het burgerservicenummer ofwel het onderwijsnummer is gevuld'; "
    "DUO schemas: xsd:choice of burgerservicenummer or onderwijsnummer",
    applies_to=Student,
)
def _both_numbers(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if s.bsn is not None and s.onderwijsnummer is not None:
        return (
            Violation(
                "onderwijsnummer",
                "both a BSN and an onderwijsnummer are given; send one of them (the BSN)",
                business_key=s.studentnummer,
            ),
        )
    return ()


@registry.rule(
    "PERSOON.IDENTITEIT.PERSOONSGEGEVENS",
    severity=Severity.AFKEUR,
    summary="Without a BSN or onderwijsnummer the personal data must be sent.",
    guidance="Add the BSN if the student has one; otherwise add the personal data (geslachtsnaam, "
    "voornamen, geboortedatum, geslacht and the formal home address) so that DUO can find the BSN "
    "or issue an onderwijsnummer.",
    source=f"{_ZONDER_PGN}; {_PVE}",
    applies_to=Student,
)
def _no_number_no_data(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if _needs_matching_set(s) and s.persoonsgegevens is None:
        return (
            Violation(
                "persoonsgegevens",
                "no BSN, no onderwijsnummer and no personal data to identify the student by",
                business_key=s.studentnummer,
            ),
        )
    return ()


# --- persoonsgegevens ---------------------------------------------------------------------------------


@registry.rule(
    "PERSOON.PERSOONSGEGEVENS.GESLACHTSNAAM",
    severity=Severity.AFKEUR,
    summary="The geslachtsnaam is present when there is no personal number, and at most 200 characters.",
    guidance="Fill in the surname without voorvoegsels, as registered in the BRP or the passport "
    "('-' for a person without a surname); put 'van der' and the like in voorvoegsels.",
    source=f"{_ZONDER_PGN} (achternaam, verplicht); {_BASIS} Geslachtsnaam-v02",
    applies_to=Student,
)
def _geslachtsnaam(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    p = s.persoonsgegevens
    if p is None:
        return ()
    path = "persoonsgegevens.geslachtsnaam"
    if p.geslachtsnaam is None or not p.geslachtsnaam.strip():
        if _needs_matching_set(s):
            return (Violation(path, "geslachtsnaam is missing", business_key=s.studentnummer),)
    elif _too_long(p.geslachtsnaam, 200):
        return (
            Violation(
                path,
                f"geslachtsnaam has {len(p.geslachtsnaam)} characters, at most 200 are allowed",
                business_key=s.studentnummer,
                values={"length": str(len(p.geslachtsnaam))},
            ),
        )
    return ()


@registry.rule(
    "PERSOON.PERSOONSGEGEVENS.VOORVOEGSELS",
    severity=Severity.AFKEUR,
    summary="Voorvoegsels are at most 10 characters.",
    guidance="Put only the voorvoegsels ('van', 'de', 'van der', ...) here, not the surname itself.",
    source=f"{_BASIS} Voorvoegsels-v02",
    applies_to=Student,
)
def _voorvoegsels(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    p = s.persoonsgegevens
    if p is not None and p.voorvoegsels is not None and len(p.voorvoegsels) > 10:
        return (
            Violation(
                "persoonsgegevens.voorvoegsels",
                f"voorvoegsels have {len(p.voorvoegsels)} characters, at most 10 are allowed",
                business_key=s.studentnummer,
                values={"length": str(len(p.voorvoegsels))},
            ),
        )
    return ()


@registry.rule(
    "PERSOON.PERSOONSGEGEVENS.VOORNAMEN",
    severity=Severity.SIGNAAL,
    summary="Voornamen are sent when there is no personal number (they help DUO match), "
    "and are at most 200 characters.",
    guidance="Fill in all first names as registered in the BRP or the passport.",
    source=f"{_ZONDER_PGN} (voornamen, optioneel); {_BASIS} Voornamen-v03",
    applies_to=Student,
)
def _voornamen(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    p = s.persoonsgegevens
    if p is None:
        return ()
    path = "persoonsgegevens.voornamen"
    if p.voornamen is None or not p.voornamen.strip():
        if _needs_matching_set(s):
            return (Violation(path, "voornamen are missing; DUO matches better with them", s.studentnummer),)
    elif _too_long(p.voornamen, 200):
        return (
            Violation(
                path,
                f"voornamen have {len(p.voornamen)} characters, at most 200 are allowed",
                business_key=s.studentnummer,
                values={"length": str(len(p.voornamen))},
            ),
        )
    return ()


@registry.rule(
    "PERSOON.PERSOONSGEGEVENS.GEBOORTEDATUM",
    severity=Severity.AFKEUR,
    summary="The geboortedatum is present when there is no personal number (day and month may be unknown).",
    guidance="Fill in the date of birth; when the day or month is not known, leave them unknown "
    "(OnvolledigeDatum) rather than guessing.",
    source=f"{_ZONDER_PGN} (geboorteDatum, verplicht, DatumOnvolledigType); {_PVE} (Geboortedatum verplicht)",
    applies_to=Student,
)
def _geboortedatum(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    p = s.persoonsgegevens
    if p is not None and p.geboortedatum is None and _needs_matching_set(s):
        return (Violation("persoonsgegevens.geboortedatum", "geboortedatum is missing", s.studentnummer),)
    return ()


@registry.rule(
    "PERSOON.PERSOONSGEGEVENS.GESLACHT",
    severity=Severity.AFKEUR,
    summary="Geslacht is present when there is no personal number, and one of M, V, O.",
    guidance="Use M (man), V (vrouw) or O (vastgesteld onbekend); DUO's web services write these "
    "as 1, 2 and 3 (Geslacht.from_webservice converts).",
    source=f"{_ZONDER_PGN} (geslacht, verplicht); {_BASIS} Geslacht-v02; PvE MBO v4.8.2 ch. 13 (M/V/O)",
    applies_to=Student,
)
def _geslacht(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    p = s.persoonsgegevens
    if p is None:
        return ()
    path = "persoonsgegevens.geslacht"
    if p.geslacht is None:
        if _needs_matching_set(s):
            return (Violation(path, "geslacht is missing", s.studentnummer),)
    elif p.geslacht not in _GESLACHT_CODES:
        return (
            Violation(
                path,
                f"geslacht {p.geslacht[:10]!r} is not one of M, V, O",
                business_key=s.studentnummer,
                values={"geslacht": p.geslacht[:10]},
            ),
        )
    return ()


@registry.rule(
    "PERSOON.PERSOONSGEGEVENS.ADRES",
    severity=Severity.AFKEUR,
    summary="The formal home address (Dutch or foreign) is present when there is no personal number.",
    guidance="Fill in the address where the student is registered in the BRP (the formal address), "
    "or the foreign address for a student living abroad.",
    source=f"{_ZONDER_PGN} (choice of binnenlandsAdres or buitenlandsAdres, verplicht)",
    applies_to=Student,
)
def _adres(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    p = s.persoonsgegevens
    if p is not None and p.adres is None and _needs_matching_set(s):
        return (Violation("persoonsgegevens.adres", "the formal home address is missing", s.studentnummer),)
    return ()


# --- addresses (checked wherever an address appears) ----------------------------------------------------


@registry.rule(
    "PERSOON.ADRES.POSTCODE",
    severity=Severity.AFKEUR,
    summary="A Dutch postcode is written NNNNAA (no space, capital letters), the first digit not 0.",
    guidance="Write the postcode as four digits and two capital letters without a space, e.g. 2593CE.",
    source=f"{_BASIS} Postcode-v02",
    applies_to=NederlandsAdres,
)
def _adres_postcode(a: NederlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if a.postcode is None:
        return ()
    if not _postcode.is_valid(a.postcode):
        return (Violation("postcode", "postcode is not of the form NNNNAA (first digit 1-9)"),)
    if _postcode.validate(a.postcode) != a.postcode:  # '1000 aa': a postcode, but not as DUO's type spells it
        return (Violation("postcode", "postcode is not written as NNNNAA: no space, capital letters"),)
    return ()


@registry.rule(
    "PERSOON.ADRES.HUISNUMMER",
    severity=Severity.AFKEUR,
    summary="A huisnummer has at most five digits.",
    guidance="Fill in the house number only (0 to 99999); letters go in huisletter, the rest in "
    "huisnummertoevoeging.",
    source=f"{_BASIS} Huisnummer-v02",
    applies_to=NederlandsAdres,
)
def _adres_huisnummer(a: NederlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if a.huisnummer is not None and not 0 <= a.huisnummer <= 99999:
        return (Violation("huisnummer", "huisnummer is not a number of at most five digits"),)
    return ()


@registry.rule(
    "PERSOON.ADRES.HUISLETTER",
    severity=Severity.AFKEUR,
    summary="A huisletter is one letter.",
    guidance="Put one letter here (e.g. 'A' of 12A); longer additions go in huisnummertoevoeging.",
    source=f"{_BASIS} Huisletter",
    applies_to=NederlandsAdres,
)
def _adres_huisletter(a: NederlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if a.huisletter is not None and _HUISLETTER.fullmatch(a.huisletter) is None:
        return (Violation("huisletter", "huisletter is not a single letter"),)
    return ()


@registry.rule(
    "PERSOON.ADRES.HUISNUMMERTOEVOEGING",
    severity=Severity.AFKEUR,
    summary="A huisnummertoevoeging is at most 5 characters.",
    guidance="Shorten the addition to the house number as the BRP writes it (e.g. 'BIS', '2HG').",
    source=f"{_BASIS} HuisnummerToevoeging-v02",
    applies_to=NederlandsAdres,
)
def _adres_toevoeging(a: NederlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if _too_long(a.huisnummertoevoeging, 5):
        return (Violation("huisnummertoevoeging", "huisnummertoevoeging has more than 5 characters"),)
    return ()


@registry.rule(
    "PERSOON.ADRES.HUISNUMMERAANDUIDING",
    severity=Severity.AFKEUR,
    summary="A huisnummeraanduiding is 'by' (bij) or 'to' (tegenover).",
    guidance="Use 'by' or 'to' for a location without a house number of its own, or leave it empty.",
    source=f"{_BASIS} HuisnummerAanduiding-v02",
    applies_to=NederlandsAdres,
)
def _adres_aanduiding(a: NederlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if a.huisnummeraanduiding is not None and a.huisnummeraanduiding not in ("by", "to"):
        return (Violation("huisnummeraanduiding", "huisnummeraanduiding is not 'by' or 'to'"),)
    return ()


@registry.rule(
    "PERSOON.ADRES.STRAATNAAM",
    severity=Severity.AFKEUR,
    summary="A straatnaam is at most 80 characters.",
    guidance="Use the street name as registered in the BRP/BAG.",
    source=f"{_BASIS} Straatnaam-v02",
    applies_to=NederlandsAdres,
)
def _adres_straatnaam(a: NederlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if _too_long(a.straatnaam, 80):
        return (Violation("straatnaam", "straatnaam has more than 80 characters"),)
    return ()


@registry.rule(
    "PERSOON.ADRES.PLAATSNAAM",
    severity=Severity.AFKEUR,
    summary="A plaatsnaam is 1 to 40 characters.",
    guidance="Use the woonplaats name as registered in the BRP/BAG, or leave it out.",
    source=f"{_BASIS} Plaatsnaam-v02",
    applies_to=NederlandsAdres,
)
def _adres_plaatsnaam(a: NederlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if a.plaatsnaam is not None and not 1 <= len(a.plaatsnaam) <= 40:
        return (Violation("plaatsnaam", "plaatsnaam is empty or has more than 40 characters"),)
    return ()


@registry.rule(
    "PERSOON.ADRES.ADRESREGEL",
    severity=Severity.AFKEUR,
    summary="A foreign address has a first address line, and every line is at most 35 characters.",
    guidance="Write the foreign address in up to three lines of at most 35 characters, the first one filled.",
    source=f"{_ZONDER_PGN} (BuitenlandsAdres: adresregelBuitenland1 verplicht); {_BASIS} "
    "AdresregelBuitenland1..3-v02",
    applies_to=BuitenlandsAdres,
)
def _adres_regels(a: BuitenlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    found: list[Violation] = []
    if a.adresregel1 is None or not a.adresregel1.strip():
        found.append(Violation("adresregel1", "the first address line of the foreign address is missing"))
    found.extend(
        Violation(name, f"{name} has more than 35 characters")
        for name in ("adresregel1", "adresregel2", "adresregel3")
        if _too_long(getattr(a, name), 35)
    )
    return found


@registry.rule(
    "PERSOON.ADRES.LANDCODE",
    severity=Severity.AFKEUR,
    summary="A foreign address has a landcode of four digits (BRP tabel 34, landen).",
    guidance="Use the four-digit country code of the BRP's table of countries (e.g. 5010 for België), "
    "not an ISO code.",
    source=f"{_ZONDER_PGN} (BuitenlandsAdres: landcode verplicht); {_BASIS} Landcode",
    applies_to=BuitenlandsAdres,
)
def _adres_landcode(a: BuitenlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if a.landcode is None:
        return (Violation("landcode", "the landcode of the foreign address is missing"),)
    if _LANDCODE.fullmatch(a.landcode) is None:
        return (
            Violation(
                "landcode",
                f"landcode {a.landcode[:10]!r} is not four digits (BRP tabel 34)",
                values={"landcode": a.landcode[:10]},
            ),
        )
    return ()
