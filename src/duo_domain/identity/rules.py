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

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence

from duo_domain._sources import OWN_SIGNAAL, PVE_MBO, XML_1_0
from duo_domain.identity import postcode as _postcode
from duo_domain.identity.student import (
    BuitenlandsAdres,
    Geslacht,
    NederlandsAdres,
    OnvolledigeDatum,
    Student,
)
from duo_domain.rules import CheckContext, Severity, Violation, registry

__all__ = ["EERSTE_GEBOORTEJAAR", "LAATSTE_GEBOORTEJAAR", "implausible_geboortedatum"]

_PVE = f"{PVE_MBO} §13.5.2 (recordsoort PER)"
_PVE_PER = (
    f"{PVE_MBO} §15.5.2 (Recordsoort PER: Geboortedatum, 'de datum waarop de natuurlijke persoon is geboren')"
)
_LIB = "library"
_DUO = "DUO"
_ZONDER_PGN = "DUO Service- en Berichtenboek, IdentificerenPersoonVO_V1, ZonderPGN (versie 18565)"
_BASIS = "DUO Service- en Berichtenboek, BasisSchema (versie 18565)"

_GESLACHT_CODES = frozenset(g.value for g in Geslacht)
_LANDCODE = re.compile(r"[0-9]{4}")
_HUISLETTER = re.compile(r"[A-Za-z]")


def _needs_matching_set(s: Student) -> bool:
    return s.bsn is None and s.onderwijsnummer is None


def _too_long(value: str | None, limit: int) -> bool:
    return value is not None and len(value) > limit


#: Characters XML 1.0 cannot carry (§2.2 Char): C0 controls other than tab, LF and CR,
#: surrogates, U+FFFE and U+FFFF. No DUO message, and so no writer of the library, takes them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _blank(text: str | None) -> bool:
    """``None``, empty or only whitespace; a text with a control character is not blank but unsendable."""
    return text is None or (not text.strip() and _NOT_XML.search(text) is None)


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
    needs=("bsn", "onderwijsnummer"),
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
    needs=("persoonsgegevens",),
)
def _geslachtsnaam(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    p = s.persoonsgegevens
    if p is None:
        return ()
    path = "persoonsgegevens.geslachtsnaam"
    if _blank(p.geslachtsnaam):
        if _needs_matching_set(s):
            return (Violation(path, "geslachtsnaam is missing", business_key=s.studentnummer),)
    elif p.geslachtsnaam is not None and len(p.geslachtsnaam) > 200:
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
    needs=("persoonsgegevens",),
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
    needs=("persoonsgegevens",),
)
def _voornamen(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    p = s.persoonsgegevens
    if p is None:
        return ()
    path = "persoonsgegevens.voornamen"
    if _blank(p.voornamen):
        if _needs_matching_set(s):
            return (Violation(path, "voornamen are missing; DUO matches better with them", s.studentnummer),)
    elif p.voornamen is not None and len(p.voornamen) > 200:
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
    needs=("persoonsgegevens",),
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
    source=f"{_ZONDER_PGN} (geslacht, verplicht); {_BASIS} Geslacht-v02; {PVE_MBO} ch. 13 (M/V/O)",
    applies_to=Student,
    needs=("persoonsgegevens",),
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
    needs=("persoonsgegevens",),
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
    if _blank(a.adresregel1):
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


# --- text a message can carry, and plausibility (the library's own signals) ---------------------------

#: Texts whose own rule refuses every value outside a fixed pattern or list (a control character, an
#: empty text, an invisible character): the text rules leave them to it, one finding a mistake.
_PATTERNED = frozenset({"geslacht", "postcode", "huisletter", "huisnummeraanduiding", "landcode"})
#: The free texts of an address, checked like names for characters nobody sees.
_ADRES_TEXTS = (
    "straatnaam",
    "plaatsnaam",
    "huisnummertoevoeging",
    "adresregel1",
    "adresregel2",
    "adresregel3",
)

#: The earliest birth year the library takes as plausible: no person born before it is alive.
EERSTE_GEBOORTEJAAR = 1900
#: Without a peildatum, the latest birth year the library takes as plausible (with one, the peildatum).
LAATSTE_GEBOORTEJAAR = 2075


#: A text neither PERSOON.TEKST rule can find anything in: printable ASCII (no control character)
#: with a character that is not a space (not blank). Without persoonsgegevens, the studentnummer
#: is the only text those rules read, so a studentnummer that fits spares both calls.
_PLAIN_TEXT = re.compile("[ ]*[!-~][ -~]*").fullmatch


def _texts(s: Student) -> Iterator[tuple[str, str, str]]:
    """``(path, name, text)`` of every free text of a student (the studentnummer, names, address)."""
    if s.studentnummer is not None:
        yield "studentnummer", "studentnummer", s.studentnummer
    p = s.persoonsgegevens
    if p is None:
        return
    for name in ("geslachtsnaam", "voorvoegsels", "voornamen"):
        value = getattr(p, name)
        if value is not None:
            yield f"persoonsgegevens.{name}", name, value
    if p.adres is not None:
        for name in _ADRES_TEXTS:
            value = getattr(p.adres, name, None)
            if value is not None:
                yield f"persoonsgegevens.adres.{name}", name, value


@registry.rule(
    "PERSOON.TEKST.TEKENS",
    severity=Severity.AFKEUR,
    summary="No text of a person holds a character XML cannot carry (NUL, another control character, "
    "a lone surrogate, U+FFFE, U+FFFF).",
    guidance="Remove the control characters (often pasted in from another system). Tab, line feed and "
    "carriage return are the only control characters XML carries, and a name does not need them either.",
    source=f"{XML_1_0} §2.2 Characters (production Char); DUO's messages are XML, and the library's "
    "writers refuse such a text",
    applies_to=Student,
    needs_any=("persoonsgegevens", ("studentnummer", _PLAIN_TEXT)),
    severity_origin=_LIB,
)
def _tekst_tekens(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    return [
        Violation(path, f"{name} holds a character XML cannot carry (a control character)", s.studentnummer)
        for path, name, text in _texts(s)
        if _NOT_XML.search(text)
    ]


def _reported_empty(s: Student, name: str, text: str) -> bool:
    """Whether another rule already reports this empty or blank text (one finding a mistake)."""
    if name in ("geslachtsnaam", "voornamen"):
        return _needs_matching_set(s)  # their own rules say the value is missing
    if name == "plaatsnaam":
        return text == ""  # PERSOON.ADRES.PLAATSNAAM: 1 to 40 characters
    return name == "adresregel1"  # PERSOON.ADRES.ADRESREGEL: the first line is required


@registry.rule(
    "PERSOON.TEKST.LEEG",
    severity=Severity.AFKEUR,
    summary="A text of a person is either left out or holds more than whitespace.",
    guidance="Leave out a name, address line or studentnummer that is not known instead of sending it "
    "empty: DUO's types require at least one character.",
    source=f"{_BASIS} (Geslachtsnaam-v02, Voorvoegsels-v02, Voornamen-v03, Straatnaam-v02, "
    "HuisnummerToevoeging-v02, AdresregelBuitenland-v02, Tekst: minLength 1)",
    applies_to=Student,
    needs_any=("persoonsgegevens", ("studentnummer", _PLAIN_TEXT)),
    severity_origin=_DUO,
)
def _tekst_leeg(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    return [
        Violation(path, f"{name} is empty or holds only whitespace", s.studentnummer)
        for path, name, text in _texts(s)
        if _blank(text) and not _reported_empty(s, name, text)
    ]


def _unseen(text: str) -> str | None:
    """What in ``text`` a reader does not see, or ``None``: an invisible character or a lone mark.

    Invisible: a format character (Unicode category Cf: zero-width space and joiners, the byte order
    mark, soft hyphen, text-direction marks, embeddings, overrides and isolates) or a control
    character XML carries (tab, line feed, carriage return, DEL, the C1 controls). Lone: a combining
    mark (category M) at the start of the text or after something that is not a letter or mark.
    """
    if text.isascii() and text.isprintable():
        return None  # the fast path: printable ASCII has neither
    before = " "
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf" or (category == "Cc" and not _NOT_XML.match(char)):
            return "an invisible character"
        if category[0] == "M" and unicodedata.category(before)[0] not in "LM":
            return "an accent or other mark without a letter"
        before = char
    return None


@registry.rule(
    "PERSOON.PLAUSIBEL.NAAMTEKENS",
    severity=Severity.SIGNAAL,
    summary="Names and address texts hold no invisible characters (zero-width, text-direction controls) "
    "and no combining mark without a letter.",
    guidance="Retype the text: an invisible character or a lone accent makes a name differ from the BRP's "
    "spelling, so that DUO cannot match the person, though it looks the same on screen.",
    source=f"{OWN_SIGNAAL}; Unicode general categories Cf (format), Cc (control) and M (marks)",
    applies_to=Student,
    needs=("persoonsgegevens",),  # the studentnummer, its only text without them, is not judged
    severity_origin=_LIB,
)
def _naamtekens(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    found: list[Violation] = []
    for path, name, text in _texts(s):
        if name == "studentnummer" or _blank(text):
            continue  # the school's own key; a blank text is PERSOON.TEKST.LEEG's
        what = _unseen(text)
        if what is not None:
            found.append(Violation(path, f"{name} holds {what}", s.studentnummer))
    return found


def implausible_geboortedatum(datum: OnvolledigeDatum, peildatum: dt.date | None = None) -> str | None:
    """Why ``datum`` cannot be the birth date of a student, or ``None`` when it can.

    Implausible are a year before [`EERSTE_GEBOORTEJAAR`][duo_domain.identity.rules.EERSTE_GEBOORTEJAAR],
    a date after the ``peildatum``, and, without a peildatum, a year after
    [`LAATSTE_GEBOORTEJAAR`][duo_domain.identity.rules.LAATSTE_GEBOORTEJAAR]. An incomplete date
    counts from the earliest day it can stand for. The rule ``PERSOON.PLAUSIBEL.GEBOORTEDATUM``
    reports these; rules that compare the birth date with other dates leave such a date alone.

    Args:
        datum: The (possibly incomplete) birth date.
        peildatum: The date validation is asked for, if any.

    Examples:
        >>> import datetime as dt
        >>> implausible_geboortedatum(OnvolledigeDatum(1800, 5, 1))
        'geboortedatum 1800-05-01 lies before 1900'
        >>> implausible_geboortedatum(OnvolledigeDatum(2026), peildatum=dt.date(2025, 8, 1))
        'geboortedatum 2026-00-00 lies after the peildatum 2025-08-01'
        >>> implausible_geboortedatum(OnvolledigeDatum(2008, 5)) is None
        True
    """
    if datum.jaar < EERSTE_GEBOORTEJAAR:
        return f"geboortedatum {datum} lies before {EERSTE_GEBOORTEJAAR}"
    if peildatum is not None:
        if datum.vroegst() > peildatum:
            return f"geboortedatum {datum} lies after the peildatum {peildatum}"
    elif datum.jaar > LAATSTE_GEBOORTEJAAR:
        return f"geboortedatum {datum} lies after {LAATSTE_GEBOORTEJAAR}"
    return None


@registry.rule(
    "PERSOON.PLAUSIBEL.GEBOORTEDATUM",
    severity=Severity.SIGNAAL,
    summary=f"A geboortedatum lies in {EERSTE_GEBOORTEJAAR} or later and not after the peildatum "
    f"(without a peildatum: not after {LAATSTE_GEBOORTEJAAR}).",
    guidance="Check the date of birth against the BRP or the passport: a typing error in the year "
    "(1800 for 2008, 2090 for 2009) keeps DUO from matching the person.",
    source=f"{OWN_SIGNAAL}; {_PVE_PER}",
    applies_to=Student,
    needs=("persoonsgegevens",),
    severity_origin=_LIB,
)
def _geboortedatum_plausibel(s: Student, ctx: CheckContext) -> Sequence[Violation]:
    p = s.persoonsgegevens
    if p is None or p.geboortedatum is None:
        return ()
    why = implausible_geboortedatum(p.geboortedatum, ctx.peildatum)
    if why is None:
        return ()
    return (Violation("persoonsgegevens.geboortedatum", why, s.studentnummer),)


@registry.rule(
    "PERSOON.PLAUSIBEL.HUISNUMMER",
    severity=Severity.SIGNAAL,
    summary="A huisnummer is not 0.",
    guidance="Fill in the house number of the formal address as the BRP writes it; for an address without "
    "one (a houseboat, a caravan site) leave it out and use huisnummeraanduiding.",
    source=f"{OWN_SIGNAAL}; {_BASIS} Huisnummer-v02 (0 passes the type)",
    applies_to=NederlandsAdres,
    severity_origin=_LIB,
)
def _huisnummer_nul(a: NederlandsAdres, ctx: CheckContext) -> Sequence[Violation]:
    del ctx
    if a.huisnummer == 0:
        return (Violation("huisnummer", "huisnummer is 0"),)
    return ()
