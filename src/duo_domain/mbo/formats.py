"""MBO format rules, generated from the PvE layout table (``ROD.FORMAAT.*``).

Every field of the MBO domain objects that DUO registers has a format in the
PvE MBO-instelling – DUO v4.8.2 (chapter 15, the record layouts of the
registratieoverzicht: what DUO holds of each field): a length (``AN5..5``,
``AN1..20``), and for some fields the characters (a BRIN of 2 digits and 2
capital letters; an onderwijsaanbieder ``nnnAnnn``; an onderwijslocatie
``nnnXnnn``; volgnummers of letters and digits only; a LeerbedrijfID of 9
digits from 100000000). This module turns each row of the table
([`duo_domain.mbo.pve`][duo_domain.mbo.pve]) that a domain attribute maps to into one rule of
the library's catalogue, so that the validator and DUO's files can never
disagree about a field's format: [`validate`][duo_domain.validate] runs them
with every other rule.

**Characters.** Where the PvE prescribes no characters, a text field (``AN``)
may hold any text of its length, except control characters (a tab, a line
break, ...): the PvE's files are UTF-8 and "mogen geen onverwachte tekens
zoals tabs bevatten" (§13.2, §14.2, §15.2 Beheeraspecten).

**One finding per mistake.** A value that breaks its field's format gets the
``ROD.FORMAAT.*`` finding and no other: the rules that judge the *meaning* of
a field (a code of a value list, a crebo code of digits, a keuzedeel code)
pass over a value that does not fit the format (they use `fits`).

Two rules are conditional, from the PvE's remarks on the certificaat fields:
a loose AMvB-onderdeel always has certificaat ``J`` and one with a diploma
none (§15.5.8); a keuzedeel has a certificaat only when it is loose
(§15.5.10).

**Severity.** A value that breaks a field's format cannot be registered, so
every format rule is ``AFKEUR``. That level is the library's own judgement
from the PvE's field definition: the PvE defines the formats, it does not
list a feedback code per format.

**Validity.** The layouts have no end date in PvE MBO-instelling – DUO v4.8.2; the rules apply
without a period (``geldig_van``/``geldig_tot`` open).

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.enrolment import Periode
    >>> from duo_domain.rules import validate
    >>> p = Periode(dt.date(2025, 8, 1), "25655", "BOL", True, onderwijslocatie="101x591")
    >>> [f.rule_id for f in validate(p)]
    ['ROD.FORMAAT.PERIODE.ONDERWIJSLOCATIE']
    >>> fits("ISP", "onderwijslocatie")("101X591"), fits("ISP", "leertraject")("BOL" + chr(9))
    (True, False)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs

from duo_domain import _regex as regex_proof
from duo_domain.mbo import pve
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.results import (
    AmvbOnderdeel,
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    LosseResultaten,
    VrijstellingOmvang,
)
from duo_domain.rules import CheckContext, Severity, Violation, registry

__all__ = ["FORMAT_RULES", "FormaatRegel", "fits", "vrijstelling_veld"]

#: Characters no text field may hold: control characters (C0, DEL, C1; PvE §15.2 "geen onverwachte
#: tekens zoals tabs"), and what UTF-8 cannot encode or XML cannot carry (surrogates, U+FFFE, U+FFFF).
_GEEN_TEKEN: Final = "\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufffe\\uffff"


#: The same characters as code point ranges (inclusive).
_GEEN_TEKEN_RANGES: Final = ((0x00, 0x1F), (0x7F, 0x9F), (0xD800, 0xDFFF), (0xFFFE, 0xFFFF))


def _regex(veld: pve.Veld) -> re.Pattern[str]:
    """One expression for a field's whole format: its length (AN), characters and pattern."""
    if veld.formaat == "AN" and veld.lengte_max is not None:
        lengte = f"[^{_GEEN_TEKEN}]{{{veld.lengte_min or 0},{veld.lengte_max}}}"
        if veld.patroon is None:
            return re.compile(lengte)
        if regex_proof.takes_none_of(veld.patroon, _GEEN_TEKEN_RANGES):
            # The pattern takes only characters a text may hold, so the format is the pattern on a
            # text of the length: one plain expression where `bounded` finds one (each character
            # is then tested once). Else "the length's characters end where the text ends" is
            # "they are followed by no such character": the same verdict as with ``\\Z``, in a
            # form the engine can fuse with a class's other formats.
            plain = regex_proof.bounded(veld.patroon, veld.lengte_min or 0, veld.lengte_max)
            if plain is not None:
                return re.compile(plain)
            return re.compile(f"(?={lengte}(?![^{_GEEN_TEKEN}]))(?:{veld.patroon})")
        return re.compile(f"(?={lengte}\\Z)(?:{veld.patroon})")
    return re.compile(veld.patroon if veld.patroon is not None else f"[^{_GEEN_TEKEN}]*")


@functools.cache
def _fits(bestand: str, recordsoort: str, attribuut: str) -> Callable[[str], bool]:
    match = _regex(pve.veld(bestand, recordsoort, attribuut)).fullmatch

    def check(value: str) -> bool:
        return match(value) is not None

    return check


def fits(recordsoort: str, attribuut: str) -> Callable[[str], bool]:
    """Whether a text fits a field of the registratieoverzicht (RO, PvE §15.5), as a fast predicate.

    The predicate is built once per field (one compiled expression for the
    length, the characters and the pattern) and shared.

    Args:
        recordsoort: The RO record type, e.g. ``"ISP"``.
        attribuut: The field's attribute name in the table, e.g. ``"onderwijslocatie"``.

    Raises:
        InvalidCode: for a record type or field the table does not have.

    Examples:
        >>> fits("VLP", "brin")("25LX"), fits("VLP", "brin")("25lx")
        (True, False)
        >>> fits("ISG", "inschrijvingvolgnummer")("A" * 21)
        False
    """
    return _fits("RO", recordsoort, attribuut)


@attrs.frozen
class FormaatRegel:
    """One generated format rule: which domain attribute follows which field of the PvE table.

    Attributes:
        rule_id: The rule's id in the catalogue.
        applies_to: The domain class.
        attribuut: The attribute of that class.
        recordsoort: The RO record type whose field describes it (PvE §15.5).
        veld: The field's attribute name in the table.
    """

    rule_id: str
    applies_to: type
    attribuut: str
    recordsoort: str
    veld: str

    @property
    def pve_veld(self) -> pve.Veld:
        """The field of the PvE table."""
        return pve.veld("RO", self.recordsoort, self.veld)

    def past(self, value: str) -> bool:
        """Whether ``value`` fits the field's format (what the rule checks)."""
        return fits(self.recordsoort, self.veld)(value)


def _regels(name: str, cls: type, recordsoort: str, velden: Sequence[tuple[str, str]]) -> list[FormaatRegel]:
    return [
        FormaatRegel(f"ROD.FORMAAT.{name}.{attribuut.upper()}", cls, attribuut, recordsoort, veld)
        for attribuut, veld in velden
    ]


_RESULTAAT: Final = (
    ("resultaatvolgnummer", "resultaatvolgnummer"),
    ("inschrijvingvolgnummer", "inschrijvingvolgnummer"),
    ("onderwijsaanbieder", "onderwijsaanbieder"),
)

#: Every generated format rule: domain attribute -> field of the PvE table (RO, §15.5).
FORMAT_RULES: Final[tuple[FormaatRegel, ...]] = (
    *_regels(
        "INSCHRIJVING",
        Enrolment,
        "ISG",
        [
            ("inschrijvingvolgnummer", "inschrijvingvolgnummer"),
            ("reden_uitschrijving", "reden_uitschrijving"),
        ],
    ),
    *_regels("INSCHRIJVING", Enrolment, "VLP", [("instelling", "brin")]),
    *_regels(
        "PERIODE",
        Periode,
        "ISP",
        [
            ("opleidingscode", "opleidingcode"),
            ("leertraject", "leertraject"),
            ("niveau", "niveau"),
            ("locatiecode_vsv", "locatiecode_vsv"),
            ("onderwijsaanbieder", "onderwijsaanbieder"),
            ("onderwijslocatie", "onderwijslocatie"),
            ("leerroute", "leerroute"),
            ("leerroutefase", "leerroutefase"),
        ],
    ),
    *_regels(
        "BPV",
        BpvAgreement,
        "BPV",
        [
            ("inschrijvingvolgnummer", "inschrijvingvolgnummer"),
            ("volgnummer", "volgnummer"),
            ("leerbedrijf_id", "leerbedrijf_id"),
            ("opleidingscode", "opleidingcode"),
            ("keuzedeel", "code_keuzedeel"),
        ],
    ),
    *_regels("DIPLOMA", Diploma, "DIP", [*_RESULTAAT, ("opleidingscode", "opleidingcode")]),
    *_regels(
        "GENERIEK_EXAMENONDERDEEL",
        GeneriekExamenonderdeel,
        "GEO",
        [*_RESULTAAT, ("code", "code_generiek_examenonderdeel")],
    ),
    *_regels("KEUZEDEEL", KeuzedeelResultaat, "KZD", [*_RESULTAAT, ("code", "code_keuzedeel")]),
    *_regels("AMVB_ONDERDEEL", AmvbOnderdeel, "AMO", [*_RESULTAAT, ("code", "code_amvb_onderdeel")]),
)


def _beschrijving(veld: pve.Veld) -> str:
    tekens = f", characters {veld.patroon}" if veld.patroon else ", no control characters"
    return f"{veld.formaat_tekst}{tekens}"


#: What a generated check knows of its field: attribute, the expression's fullmatch, the field's name,
#: the rest of the message and the finding's values.
_Spec = tuple[str, Callable[[str], object], str, str, dict[str, str]]


def _controle(spec: _Spec, obj: Any, ctx: CheckContext) -> Sequence[Violation]:
    """The check of one generated rule (bound to its field with `functools.partial`, which pickles)."""
    attribuut, match, naam, rest, values = spec
    value = getattr(obj, attribuut)
    if value is None or match(value) is not None:
        return ()
    return (Violation(attribuut, f"{naam} {value!r} {rest}", None, values),)


def _register(regel: FormaatRegel) -> None:
    veld = regel.pve_veld
    formaat = _beschrijving(veld)
    rest = f"does not fit the PvE format {formaat} ({veld.recordsoort}, §{veld.sectie})"
    values = {"veld": veld.naam, "formaat": formaat, "sectie": veld.sectie}
    # the compiled expression's own fullmatch: no Python frame between the engine and the regex
    spec: _Spec = (regel.attribuut, _regex(veld).fullmatch, veld.naam, rest, values)
    check = functools.partial(_controle, spec)

    registry.rule(
        regel.rule_id,
        severity=Severity.AFKEUR,
        severity_origin="library",
        summary=f"{veld.naam} has the PvE format {formaat}.",
        guidance=f"Write {veld.naam} as the PvE defines it: {formaat}."
        + (f" Values: {', '.join(veld.waardenlijst)}." if veld.waardenlijst else ""),
        source=f"{veld.bron} ({veld.recordsoort}: {veld.naam} {veld.formaat_tekst})",
        applies_to=regel.applies_to,
        # the engine calls the check only for a value the expression refuses (most values fit)
        guard=(regel.attribuut, spec[1]),
    )(check)


for _regel in FORMAT_RULES:
    _register(_regel)


# ---------------------------------------------------------------- vrijstellingen (GEO, §15.5.9)

_VRIJSTELLING_VELD: Final = {
    None: "vrijstelling_generiek_examenonderdeel",
    VrijstellingOmvang.GEHEEL: "vrijstelling_generiek_examenonderdeel",
    VrijstellingOmvang.IE: "vrijstelling_ie",
    VrijstellingOmvang.CE: "vrijstelling_ce",
}


def vrijstelling_veld(omvang: VrijstellingOmvang | None) -> str:
    """The GEO field (§15.5.9) a vrijstelling of this omvang is written to (the whole part without one).

    Examples:
        >>> vrijstelling_veld(VrijstellingOmvang.IE), vrijstelling_veld(None)
        ('vrijstelling_ie', 'vrijstelling_generiek_examenonderdeel')
    """
    return _VRIJSTELLING_VELD[omvang]


@registry.rule(
    "ROD.FORMAAT.VRIJSTELLING.CODE",
    severity=Severity.AFKEUR,
    severity_origin="library",
    summary="A vrijstelling code fits its GEO field: AN1..4 for the whole part, AN3..3 for the IE or the CE.",
    guidance="Use a code of at most 4 characters for the whole part and of exactly 3 for the IE or CE "
    "(so KZDL fits the whole-part field only).",
    source=f"{pve.veld('RO', 'GEO', 'vrijstelling_ie').bron} (GEO: Vrijstelling generiek examenonderdeel "
    "AN1..4, Vrijstelling IE AN3..3, Vrijstelling CE AN3..3)",
    applies_to=Exemption,
)
def _vrijstelling_code(e: Exemption, ctx: CheckContext) -> Sequence[Violation]:
    naam = _VRIJSTELLING_VELD[e.omvang]
    if fits("GEO", naam)(e.code):
        return ()
    veld = pve.veld("RO", "GEO", naam)
    formaat = _beschrijving(veld)
    return (
        Violation(
            "code",
            f"{veld.naam} {e.code!r} does not fit the PvE format {formaat} (GEO, §{veld.sectie})",
            values={"veld": veld.naam, "formaat": formaat, "sectie": veld.sectie},
        ),
    )


# ---------------------------------------------------------------- certificaat (AMO §15.5.8, KZD §15.5.10)

_AMO_CERTIFICAAT: Final = pve.veld("RO", "AMO", "certificaat")
_KZD_CERTIFICAAT: Final = pve.veld("RO", "KZD", "certificaat")


@registry.rule(
    "ROD.FORMAAT.AMVB_ONDERDEEL.CERTIFICAAT",
    severity=Severity.AFKEUR,
    severity_origin="library",
    summary="A loose AMvB-onderdeel has certificaat J; one with a diploma has none.",
    guidance="Set certificaat to J (True) for a loose AMvB-onderdeel; leave it out for one with a diploma.",
    source=f"{_AMO_CERTIFICAAT.bron} (AMO: Certificaat AN1..1, only for a loose onderdeel, always J)",
    applies_to=LosseResultaten,
    needs=("amvb_onderdelen",),
)
def _amo_certificaat_los(r: LosseResultaten, ctx: CheckContext) -> Sequence[Violation]:
    return tuple(
        Violation(
            f"amvb_onderdelen[{i}].certificaat",
            f"a loose AMvB-onderdeel has certificaat J, not {_jn(a.certificaat)} (AMO, §15.5.8)",
            business_key=a.resultaatvolgnummer,
        )
        for i, a in enumerate(r.amvb_onderdelen)
        if a.certificaat is not True
    )


@registry.rule(
    "ROD.FORMAAT.DIPLOMA.CERTIFICAAT",
    severity=Severity.AFKEUR,
    severity_origin="library",
    summary="The AMvB-onderdelen and keuzedelen of a diploma have no certificaat (only loose ones do).",
    guidance="Leave certificaat out for the AMvB-onderdelen and keuzedelen of a diploma.",
    source=f"{_AMO_CERTIFICAAT.bron}; {_KZD_CERTIFICAAT.bron} (AMO and KZD: Certificaat only for a loose "
    "onderdeel or keuzedeel)",
    applies_to=Diploma,
)
def _certificaat_bij_diploma(d: Diploma, ctx: CheckContext) -> Sequence[Violation]:
    found = [
        Violation(
            f"amvb_onderdelen[{i}].certificaat",
            "an AMvB-onderdeel with a diploma has no certificaat (AMO, §15.5.8)",
            business_key=a.resultaatvolgnummer,
        )
        for i, a in enumerate(d.amvb_onderdelen)
        if a.certificaat is not None
    ]
    found.extend(
        Violation(
            f"keuzedelen[{i}].certificaat",
            "a keuzedeel with a diploma has no certificaat (KZD, §15.5.10)",
            business_key=k.resultaatvolgnummer,
        )
        for i, k in enumerate(d.keuzedelen)
        if k.certificaat is not None
    )
    return found


def _jn(value: bool | None) -> str:
    return "empty" if value is None else "J" if value else "N"
