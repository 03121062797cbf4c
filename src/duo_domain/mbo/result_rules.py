"""The ROD rules for MBO results: diplomas, generic exam parts, vrijstellingen, keuzedelen.

Importing this module registers the rules in the library's catalogue
(`duo_domain.rules.registry`); the default registry does so on first
use. Rule ids start with ``ROD.RESULTAAT.`` (a part of a result) or
``ROD.DIPLOMA.`` (the diploma as a whole).

Two rules need the student's enrolments beside the diploma. They are plain
functions over a diploma and a sequence of enrolment-like objects
([`diploma_inschrijving_violations`][duo_domain.mbo.result_rules.diploma_inschrijving_violations],
[`uitschrijfdatum_violations`][duo_domain.mbo.result_rules.uitschrijfdatum_violations])
and are registered on [`MboStudentRecord`][duo_domain.mbo.record.MboStudentRecord], which
holds both: ``validate(record)`` reports them at ``$.diplomas[0]...``.

Every rule states where its severity comes from (``severity_origin``):
``"DUO"`` where DUO's documents define the field or the code table the value
breaks, ``"library"`` where the level is the library's own judgement (its
guidance then says so). Section numbers are those of PvE MBO-instelling – DUO v4.8.2
(DIP §15.5.7, AMO §15.5.8, GEO §15.5.9, KZD §15.5.10).

The diploma rules that compare crebo codes use the crebo hierarchy of the
caller's reference data ([`duo_domain.mbo.reference.Referentiedata`][duo_domain.mbo.reference.Referentiedata],
passed as ``validate(..., referentiedata=...)``): an enrolment may be for an
opleidingsdomein, a kwalificatiedossier or a kwalificatie (WEB art. 8.1.1
lid 2), so a diploma for a kwalificatie fits an enrolment on its dossier.

Examples:
    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from duo_domain.mbo.results import GeneriekExamenonderdeel
    >>> from duo_domain.rules import validate
    >>> geo = GeneriekExamenonderdeel("1", "3005", eindcijfer=Decimal(6),
    ...                               cijfer_ie=Decimal("10.1"), cijfer_ce=Decimal("5.5"))
    >>> [(f.rule_id, f.path, f.severity.value) for f in validate(geo)]
    [('ROD.RESULTAAT.CIJFER_BEREIK', '$.cijfer_ie', 'afkeur')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from duo_domain._sources import EKB, EKB_URL, PVE_MBO, WEB, WEB_URL
from duo_domain.identity import crebo, keuzedeel
from duo_domain.mbo.codes import bundel, lijst
from duo_domain.mbo.examencodes import (
    VRIJSTELLINGSCODES,
    Examencodetabel,
    examencodetabel,
)
from duo_domain.mbo.formats import fits, vrijstelling_veld
from duo_domain.mbo.grades import is_deelcijfer, is_eindcijfer
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.reference import Referentiedata
from duo_domain.mbo.results import (
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    LosseResultaten,
)
from duo_domain.rules import CheckContext, Severity, Violation, registry

__all__ = [
    "EnrolmentLike",
    "PeriodeLike",
    "diploma_crebo_open",
    "diploma_inschrijving_violations",
    "uitschrijfdatum_violations",
]

_PVE = PVE_MBO
_PVE_DIP = f"{_PVE}, §15.5.7 Recordsoort DIP"
_PVE_AMO = f"{_PVE}, §15.5.8 Recordsoort AMO"
_PVE_GEO = f"{_PVE}, §15.5.9 Recordsoort GEO"
_PVE_KZD = f"{_PVE}, §15.5.10 Recordsoort KZD"
_EKB = f"{EKB} (BWBR0027963)"
_CODETABEL = "Regeling codetabellen vo, vso en mbo (BWBR0048579), art. 7 lid 1 en bijlage VIIa"
_CODETABEL_URL = "https://wetten.overheid.nl/BWBR0048579"
_EKB_URL = EKB_URL
_WEB_INSCHRIJVING = f"{WEB} (BWBR0007625) art. 8.1.1 lid 2"
_DUO = "DUO"
_LIB = "library"


# A rule that judges a field's meaning passes over a value that breaks the field's PvE format:
# that is the ROD.FORMAAT.* rule's finding (one finding per mistake).
_GEO_CODE_FORMAAT = fits("GEO", "code_generiek_examenonderdeel")
_KZD_CODE_FORMAAT = fits("KZD", "code_keuzedeel")
_DIP_OPLEIDINGSCODE_FORMAAT = fits("DIP", "opleidingcode")


def _examencodes(codes: object | None) -> Examencodetabel:
    """The examencodetabel of the code tables a rule was given (the shipped one without)."""
    return examencodetabel(None if codes is None else bundel(codes))


class PeriodeLike(Protocol):
    """What the diploma rules read of an enrolment period."""

    @property
    def opleidingscode(self) -> str: ...  # pragma: no cover


class EnrolmentLike(Protocol):
    """What the diploma rules read of an enrolment (``duo_domain.mbo`` enrolments fit)."""

    @property
    def inschrijvingvolgnummer(self) -> str: ...  # pragma: no cover

    @property
    def perioden(self) -> Sequence[Any]: ...  # pragma: no cover

    @property
    def datum_uitschrijving_werkelijk(self) -> dt.date | None: ...  # pragma: no cover


# --------------------------------------------------------------------------- generic parts


@registry.rule(
    "ROD.RESULTAAT.CIJFER_BEREIK",
    severity=Severity.AFKEUR,
    summary="IE and CE grades are 1.0-10.0 with one decimal; the eindcijfer is a whole number 1-10.",
    guidance="Register the IE and CE grades as the examencommissie set them (one decimal, 1.0 to 10.0) "
    "and the eindcijfer as the whole number of Ekb WEB art. 15.",
    source=f"{_EKB} art. 14 and art. 15 lid 1; {_PVE_GEO} (Eindcijfer N1..2, Cijfer IE/CE N2..3)",
    applies_to=GeneriekExamenonderdeel,
    url=_EKB_URL,
    severity_origin=_DUO,
)
def _cijfer_bereik(geo: GeneriekExamenonderdeel, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    for name in ("cijfer_ie", "cijfer_ce"):
        grade = getattr(geo, name)
        if grade is not None and not is_deelcijfer(grade):
            found.append(
                Violation(
                    name,
                    f"{name} {grade} is not a grade 1.0-10.0 with one decimal",
                    geo.resultaatvolgnummer,
                    {name: str(grade)},
                )
            )
    if geo.eindcijfer is not None and not is_eindcijfer(geo.eindcijfer):
        found.append(
            Violation(
                "eindcijfer",
                f"eindcijfer {geo.eindcijfer} is not a whole number 1-10",
                geo.resultaatvolgnummer,
                {"eindcijfer": str(geo.eindcijfer)},
            )
        )
    return found


@registry.rule(
    "ROD.RESULTAAT.EINDCIJFER_BEREKENING",
    severity=Severity.ATTENTIE,
    summary="The eindcijfer of a generic part is the IE/CE mean (or the one grade) rounded half up.",
    guidance="Recompute the eindcijfer: the exact mean of IE and CE, rounded up from .5 (Ekb WEB art. 15). "
    "A deliberate other grade (a part also taken at a higher level, art. 8 lid 5) may stand; check it.",
    source=f"{_EKB} art. 15 lid 1, 3 en 4",
    applies_to=GeneriekExamenonderdeel,
    url=_EKB_URL,
    severity_origin=_LIB,
)
def _eindcijfer_berekening(geo: GeneriekExamenonderdeel, ctx: CheckContext) -> Sequence[Violation]:
    if geo.eindcijfer is None or not is_eindcijfer(geo.eindcijfer):
        return ()
    computed = geo.berekende_eindwaardering()
    if computed is not None and computed != geo.eindcijfer:
        return (
            Violation(
                "eindcijfer",
                f"eindcijfer {geo.eindcijfer} differs from {computed}, the art. 15 result of "
                f"IE {geo.cijfer_ie} / CE {geo.cijfer_ce}",
                geo.resultaatvolgnummer,
                {"eindcijfer": str(geo.eindcijfer), "berekend": str(computed)},
            ),
        )
    return ()


@registry.rule(
    "ROD.RESULTAAT.GENERIEK_CODE",
    severity=Severity.AFKEUR,
    summary="A generic exam part has a code of the generieke examenonderdelencodetabel, valid on its date.",
    guidance="Use a code of bijlage VIIa of the Regeling codetabellen vo, vso en mbo (3001-3029, without the "
    "Nt2 codes 3019-3026); the old rekenen codes 3002/3004/3006/3007 only until school year 2026-2027.",
    source=_CODETABEL,
    applies_to=GeneriekExamenonderdeel,
    url=_CODETABEL_URL,
    severity_origin=_DUO,
)
def _generiek_code(geo: GeneriekExamenonderdeel, ctx: CheckContext) -> Sequence[Violation]:
    if not _GEO_CODE_FORMAAT(geo.code):
        return ()
    row = _examencodes(ctx.codes).get(geo.code)
    if row is None:
        return (
            Violation(
                "code",
                f"{geo.code!r} is not a code of the generieke examenonderdelencodetabel mbo",
                geo.resultaatvolgnummer,
                {"code": geo.code},
            ),
        )
    if geo.datum_resultaat is not None and not row.geldig_op(geo.datum_resultaat):
        return (
            Violation(
                "code",
                f"code {geo.code} ({row.omschrijving}) may not be used for a result of {geo.datum_resultaat}"
                + (f" ({row.schooljaren})" if row.schooljaren else ""),
                geo.resultaatvolgnummer,
                {"code": geo.code, "datum_resultaat": geo.datum_resultaat.isoformat()},
            ),
        )
    return ()


# --------------------------------------------------------------------------- diploma


@registry.rule(
    "ROD.RESULTAAT.GENERIEK_CODE_NIVEAU",
    severity=Severity.ATTENTIE,
    summary="A generic part's code is at the niveau of the opleiding or higher (Engels only at niveau 4).",
    guidance="Register the part at the reference level of the opleiding (e.g. Nederlandse taal 3F, 3005, "
    "for niveau 4), or at a higher level the examencommissie allowed (Ekb WEB art. 3a). Checked only "
    "when the diploma's niveau is given. DUO's own check is not published; hence a warning.",
    source=f"{_CODETABEL}; {_EKB} art. 3 lid 2 en art. 3a; "
    "Besluit referentieniveaus Nederlandse taal en rekenen (BWBR0027879) art. 2 en 3",
    applies_to=Diploma,
    url=_CODETABEL_URL,
    severity_origin=_LIB,
)
def _generiek_code_niveau(d: Diploma, ctx: CheckContext) -> Sequence[Violation]:
    if d.niveau is None:
        return ()
    found: list[Violation] = []
    tabel = _examencodes(ctx.codes)
    for i, geo in enumerate(d.generieke_examenonderdelen):
        row = tabel.get(geo.code)
        if row is not None and not row.past_bij_niveau(d.niveau):
            found.append(
                Violation(
                    f"generieke_examenonderdelen[{i}].code",
                    f"code {geo.code} ({row.omschrijving}) does not fit an opleiding of niveau {d.niveau}",
                    d.resultaatvolgnummer,
                    {"code": geo.code, "niveau": str(d.niveau)},
                )
            )
    return found


@registry.rule(
    "ROD.RESULTAAT.GENERIEK_CODE_COHORT",
    severity=Severity.ATTENTIE,
    summary="The old rekenen codes (3002, 3004, 3006, 3007) are for students who started before 2022-08-01, "
    "until school year 2026-2027.",
    guidance="For a student who started on or after 2022-08-01 register rekenen with 3027, 3028 or 3029 "
    "(mbo-rekenniveau 2, 3, 4), unless the part rests on a vrijstelling for an earlier exam. Checked "
    "only when the diploma's cohort_start is given.",
    source=f"{_CODETABEL}, technische toelichting bij bijlage VIIa (old rekenen codes until school year "
    "2026-2027, for students who started before 2022-08-01)",
    applies_to=Diploma,
    url=_CODETABEL_URL,
    geldig_van=dt.date(2022, 8, 1),
    geldig_tot=dt.date(2027, 7, 31),
    severity_origin=_LIB,
)
def _generiek_code_cohort(d: Diploma, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    tabel = _examencodes(ctx.codes)
    for i, geo in enumerate(d.generieke_examenonderdelen):
        row = tabel.get(geo.code)
        if row is None:
            continue
        path = f"generieke_examenonderdelen[{i}].code"
        if d.cohort_start is not None and not row.past_bij_cohort(d.cohort_start) and not geo.vrijstellingen:
            found.append(
                Violation(
                    path,
                    f"code {geo.code} ({row.omschrijving}) is only for students who started before "
                    f"{row.cohort_start_voor}; this student started on {d.cohort_start}",
                    d.resultaatvolgnummer,
                    {"code": geo.code, "cohort_start": d.cohort_start.isoformat()},
                )
            )
        if not row.geldig_op(d.datum_resultaat):
            found.append(
                Violation(
                    path,
                    f"code {geo.code} ({row.omschrijving}) "
                    f"may not be used for a diploma of {d.datum_resultaat}",
                    d.resultaatvolgnummer,
                    {"code": geo.code, "datum_resultaat": d.datum_resultaat.isoformat()},
                )
            )
    return found


@registry.rule(
    "ROD.DIPLOMA.OPLEIDINGSCODE",
    severity=Severity.AFKEUR,
    summary="A diploma's opleidingscode is a crebo code of digits (ROD.FORMAAT.DIPLOMA.OPLEIDINGSCODE checks "
    "its length).",
    guidance="Give the crebo code of the opleiding the diploma is for (five digits).",
    source=f"{_PVE_DIP}: Opleidingcode AN5..5, 'de code van de opleiding binnen het centraal register "
    "beroepsopleidingen' (crebo codes are numbers)",
    applies_to=Diploma,
    severity_origin=_DUO,
)
def _diploma_opleidingscode(d: Diploma, ctx: CheckContext) -> Sequence[Violation]:
    code = d.opleidingscode
    if _DIP_OPLEIDINGSCODE_FORMAAT(code) and not crebo.is_valid(code):
        return (
            Violation(
                "opleidingscode",
                f"opleidingscode {code!r} is not a crebo code of five digits",
                d.resultaatvolgnummer,
                {"opleidingscode": code},
            ),
        )
    return ()


# --------------------------------------------------------------------------- vrijstellingen


@registry.rule(
    "ROD.RESULTAAT.VRIJSTELLING_OMVANG",
    severity=Severity.AFKEUR,
    summary="A vrijstelling names what it covers: the whole part, its instellingsexamen or centraal examen.",
    guidance="Record whether the examencommissie exempted the whole part, the IE or the CE; DUO's GEO record "
    "has a separate field for each.",
    source=f"{_EKB} art. 3b lid 4; {_PVE_GEO} (Vrijstelling generiek examenonderdeel, Vrijstelling IE/CE)",
    applies_to=Exemption,
    url=_EKB_URL,
    severity_origin=_LIB,
)
def _vrijstelling_omvang(e: Exemption, ctx: CheckContext) -> Sequence[Violation]:
    if e.omvang is None:
        return (
            Violation(
                "omvang", f"vrijstelling {e.code!r} does not say what it covers", None, {"code": e.code}
            ),
        )
    return ()


@registry.rule(
    "ROD.RESULTAAT.VRIJSTELLING_CODE",
    severity=Severity.SIGNAAL,
    summary="A vrijstelling code is one seen in DUO's files (MBO, KZDL); DUO does not publish the full list.",
    guidance="Check the code against DUO's schema for generieke examenonderdelen; the library only knows the "
    "values seen in DUO's registratieoverzichten.",
    source=f"{_PVE_GEO}: Vrijstelling AN1..4 / AN3 (value list not in the PvE)",
    applies_to=Exemption,
    severity_origin=_LIB,
)
def _vrijstelling_code(e: Exemption, ctx: CheckContext) -> Sequence[Violation]:
    if not fits("GEO", vrijstelling_veld(e.omvang))(e.code):
        return ()  # ROD.FORMAAT.VRIJSTELLING.CODE's finding
    if e.code not in lijst(ctx.codes, VRIJSTELLINGSCODES):
        return (
            Violation("code", f"vrijstelling code {e.code!r} is not a known value", None, {"code": e.code}),
        )
    return ()


# --------------------------------------------------------------------------- keuzedelen and loose results


@registry.rule(
    "ROD.RESULTAAT.KEUZEDEEL",
    severity=Severity.AFKEUR,
    summary="A keuzedeel result has a keuzedeel code (K and four digits); a grade, if given, is whole 1-10.",
    guidance="Use the keuzedeel code of the SBB register (e.g. K0067); give the eindwaardering as a whole "
    "number (Ekb WEB art. 15 lid 2) or leave it out.",
    source=f"{_PVE_KZD}: Code keuzedeel AN5; {_EKB} art. 15 lid 2; keuzedelen in the register from "
    "2016-08-01 (Stcrt. 2016, 28817, herziening kwalificatiestructuur)",
    applies_to=KeuzedeelResultaat,
    geldig_van=dt.date(2016, 8, 1),
    severity_origin=_DUO,
)
def _keuzedeel(k: KeuzedeelResultaat, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    if _KZD_CODE_FORMAAT(k.code) and not keuzedeel.is_valid(k.code):
        found.append(
            Violation("code", f"{k.code!r} is not a keuzedeel code", k.resultaatvolgnummer, {"code": k.code})
        )
    if k.eindcijfer is not None and not is_eindcijfer(k.eindcijfer):
        found.append(
            Violation(
                "eindcijfer",
                f"eindcijfer {k.eindcijfer} is not a whole number 1-10",
                k.resultaatvolgnummer,
                {"eindcijfer": str(k.eindcijfer)},
            )
        )
    return found


@registry.rule(
    "ROD.RESULTAAT.LOS_GEGEVENS",
    severity=Severity.AFKEUR,
    summary="A loose result (without a diploma) carries its datum resultaat; the inschrijvingvolgnummer is "
    "optional.",
    guidance="For a part, keuzedeel or AMvB-onderdeel obtained without a diploma, give the date of the "
    "result: it is the only date such a record has. Linking it to the enrolment it was obtained in "
    "(inschrijvingvolgnummer) is optional in DUO's record; give it when you know it.",
    source=f"{_PVE_AMO}, {_PVE_GEO}, {_PVE_KZD}: Datum resultaat ('alleen gevuld bij een los ...'); "
    "Inschrijvingvolgnummer Verplicht: Nee ('kan alleen gevuld zijn bij een los ...')",
    applies_to=LosseResultaten,
    needs_any=("generieke_examenonderdelen", "keuzedelen", "amvb_onderdelen"),
    severity_origin=_LIB,
)
def _los_gegevens(losse: LosseResultaten, ctx: CheckContext) -> Sequence[Violation]:
    if not (losse.generieke_examenonderdelen or losse.keuzedelen or losse.amvb_onderdelen):
        return ()  # most records have no loose results
    groups: tuple[tuple[str, Sequence[Any]], ...] = (
        ("generieke_examenonderdelen", losse.generieke_examenonderdelen),
        ("keuzedelen", losse.keuzedelen),
        ("amvb_onderdelen", losse.amvb_onderdelen),
    )
    return [
        Violation(
            f"{name}[{i}].datum_resultaat",
            f"loose result {item.resultaatvolgnummer} has no datum_resultaat",
            item.resultaatvolgnummer,
        )
        for name, items in groups
        for i, item in enumerate(items)
        if item.datum_resultaat is None
    ]


# --------------------------------------------------------------------------- diploma and enrolments


def _enrolment(diploma: Diploma, enrolments: Sequence[EnrolmentLike]) -> EnrolmentLike | None:
    for e in enrolments:
        if getattr(e, "inschrijvingvolgnummer", None) == diploma.inschrijvingvolgnummer:
            return e
    return None


def _hierarchy(referentiedata: object) -> Referentiedata | None:
    if isinstance(referentiedata, Referentiedata) and referentiedata.crebo is not None:
        return referentiedata
    return None


def _fits(diploma_code: str, periode_code: object, ref: Referentiedata | None) -> bool | None:
    """True/False when the codes are equal or the hierarchy settles it, ``None`` when it cannot."""
    if diploma_code == periode_code:
        return True
    if ref is None or not isinstance(periode_code, str):
        return None
    return ref.valt_binnen(diploma_code, periode_code)


def _verdicts(diploma: Diploma, perioden: Sequence[Any], ref: Referentiedata | None) -> list[bool | None]:
    return [_fits(diploma.opleidingscode, getattr(p, "opleidingscode", None), ref) for p in perioden]


def diploma_inschrijving_violations(
    diploma: Diploma,
    enrolments: Sequence[EnrolmentLike],
    *,
    path: str = "",
    referentiedata: object | None = None,
) -> Iterator[Violation]:
    """A diploma needs an enrolment for its opleiding at the institution (afkeur only when proven).

    The enrolment is the one the diploma names by its inschrijvingvolgnummer.
    An enrolment is for an opleidingsdomein, a kwalificatiedossier or a
    kwalificatie (WEB art. 8.1.1 lid 2), so a period fits the diploma when it
    carries the diploma's crebo code **or** a code above it in the crebo
    hierarchy of ``referentiedata``. A violation is yielded only when the
    enrolment is missing, or when the hierarchy shows that no period fits;
    codes the hierarchy does not know are left to
    [`diploma_crebo_open`][duo_domain.mbo.result_rules.diploma_crebo_open]
    (a signaal). Where both are known, the onderwijsaanbieder must match.

    Args:
        diploma: The diploma.
        enrolments: The student's enrolments at the institution.
        path: Prefix for the violation paths (e.g. ``"diplomas[0]"``).
        referentiedata: A [`Referentiedata`][duo_domain.mbo.reference.Referentiedata]
            with the crebo hierarchy, or ``None``.

    Examples:
        >>> import datetime as dt
        >>> from types import SimpleNamespace as NS
        >>> from duo_domain.mbo.reference import voorbeeld
        >>> d = Diploma("8105949", "25348", dt.date(2024, 9, 19), True, "1")
        >>> entree = NS(inschrijvingvolgnummer="1", datum_uitschrijving_werkelijk=None,
        ...             perioden=[NS(opleidingscode="23301")])        # enrolled on the dossier
        >>> list(diploma_inschrijving_violations(d, [entree], referentiedata=voorbeeld()))
        []
        >>> list(diploma_inschrijving_violations(d, [entree]))         # no hierarchy: cannot tell
        []
        >>> other = NS(inschrijvingvolgnummer="1", datum_uitschrijving_werkelijk=None,
        ...            perioden=[NS(opleidingscode="25655")])
        >>> [v.path for v in diploma_inschrijving_violations(d, [other], referentiedata=voorbeeld())]
        ['opleidingscode']
        >>> [v.message for v in diploma_inschrijving_violations(d, [])]
        ['diploma 8105949 names enrolment 1, which is not among the enrolments']
    """
    prefix = f"{path}." if path else ""
    e = _enrolment(diploma, enrolments)
    if e is None:
        yield Violation(
            f"{prefix}inschrijvingvolgnummer",
            f"diploma {diploma.resultaatvolgnummer} names enrolment {diploma.inschrijvingvolgnummer}, "
            "which is not among the enrolments",
            diploma.resultaatvolgnummer,
            {"inschrijvingvolgnummer": diploma.inschrijvingvolgnummer},
        )
        return
    perioden = list(getattr(e, "perioden", ()))
    verdicts = _verdicts(diploma, perioden, _hierarchy(referentiedata))
    if perioden and all(v is False for v in verdicts):
        codes = sorted({str(getattr(p, "opleidingscode", "?")) for p in perioden})
        yield Violation(
            f"{prefix}opleidingscode",
            f"diploma {diploma.resultaatvolgnummer} is for opleiding {diploma.opleidingscode}, but enrolment "
            f"{diploma.inschrijvingvolgnummer} is for {', '.join(codes)}, which the crebo hierarchy does not "
            f"place above {diploma.opleidingscode}",
            diploma.resultaatvolgnummer,
            {"opleidingscode": diploma.opleidingscode, "inschrijving": ", ".join(codes)},
        )
        return
    same = [p for p, v in zip(perioden, verdicts, strict=True) if v is True]
    aanbieders = {getattr(p, "onderwijsaanbieder", None) for p in same} - {None}
    if diploma.onderwijsaanbieder is not None and aanbieders and diploma.onderwijsaanbieder not in aanbieders:
        yield Violation(
            f"{prefix}onderwijsaanbieder",
            f"diploma {diploma.resultaatvolgnummer} names onderwijsaanbieder {diploma.onderwijsaanbieder}, "
            f"but the enrolment for {diploma.opleidingscode} is at {', '.join(sorted(map(str, aanbieders)))}",
            diploma.resultaatvolgnummer,
            {"onderwijsaanbieder": diploma.onderwijsaanbieder},
        )


def diploma_crebo_open(
    diploma: Diploma,
    enrolments: Sequence[EnrolmentLike],
    *,
    path: str = "",
    referentiedata: object | None = None,
) -> Iterator[Violation]:
    """Say so when the crebo hierarchy could not settle whether a diploma fits its enrolment.

    Yields one violation when no period of the named enrolment carries the
    diploma's crebo code and the hierarchy (absent, or without one of the
    codes) cannot tell whether a period's code is the dossier or
    opleidingsdomein above it. Nothing is yielded when a period fits or when
    the hierarchy proves a mismatch (that is
    [`diploma_inschrijving_violations`][duo_domain.mbo.result_rules.diploma_inschrijving_violations]).

    Examples:
        >>> import datetime as dt
        >>> from types import SimpleNamespace as NS
        >>> d = Diploma("8105949", "25348", dt.date(2024, 9, 19), True, "1")
        >>> e = NS(inschrijvingvolgnummer="1", perioden=[NS(opleidingscode="23301")])
        >>> [v.values["inschrijving"] for v in diploma_crebo_open(d, [e])]
        ['23301']
    """
    e = _enrolment(diploma, enrolments)
    if e is None:
        return
    perioden = list(getattr(e, "perioden", ()))
    verdicts = _verdicts(diploma, perioden, _hierarchy(referentiedata))
    if not perioden or True in verdicts or None not in verdicts:
        return
    open_codes = sorted(
        {str(getattr(p, "opleidingscode", "?")) for p, v in zip(perioden, verdicts, strict=True) if v is None}
    )
    prefix = f"{path}." if path else ""
    yield Violation(
        f"{prefix}opleidingscode",
        f"diploma {diploma.resultaatvolgnummer} is for {diploma.opleidingscode}, enrolment "
        f"{diploma.inschrijvingvolgnummer} for {', '.join(open_codes)}: whether that is its "
        "kwalificatiedossier or opleidingsdomein was not checked "
        "(no crebo hierarchy for these codes in the reference data)",
        diploma.resultaatvolgnummer,
        {"opleidingscode": diploma.opleidingscode, "inschrijving": ", ".join(open_codes)},
    )


def _leaves_with(diploma: Diploma, e: EnrolmentLike, ref: Referentiedata | None) -> bool:
    """Whether the student leaves the enrolment with this diploma.

    Not so when the enrolment goes on after the diploma date in an opleiding
    the diploma does not cover (a diploma obtained part-way): a period that
    begins after the diploma date for another code, or a period for another
    code running on the diploma date (the last one begun on or before it)
    that follows a period for the diploma's own opleiding: the student had
    moved on, on the diploma date at the latest.
    """
    datum = diploma.datum_resultaat
    dated = [p for p in getattr(e, "perioden", ()) if getattr(p, "datum_begin", None) is not None]
    eerder = sorted((p for p in dated if p.datum_begin <= datum), key=lambda p: p.datum_begin)
    verdicts = [_fits(diploma.opleidingscode, getattr(p, "opleidingscode", None), ref) for p in eerder]
    if verdicts and verdicts[-1] is not True and True in verdicts[:-1]:
        return False
    return all(
        _fits(diploma.opleidingscode, getattr(p, "opleidingscode", None), ref) is True
        for p in dated
        if p.datum_begin > datum
    )


def uitschrijfdatum_violations(
    diploma: Diploma,
    enrolments: Sequence[EnrolmentLike],
    *,
    path: str = "",
    referentiedata: object | None = None,
) -> Iterator[Violation]:
    """When the student leaves with the diploma, the werkelijke uitschrijfdatum is the datum resultaat.

    Judged once the enrolment the diploma names has a werkelijke
    uitschrijfdatum; an enrolment that is still running is not judged, nor
    one that continues after the diploma date with another opleiding (a
    period beginning after the datum resultaat whose code is neither the
    diploma's nor, by the crebo hierarchy, above it; or such a period that
    began on or before the datum resultaat, after a period for the diploma's
    own opleiding).

    Examples:
        >>> import datetime as dt
        >>> from types import SimpleNamespace as NS
        >>> d = Diploma("8106681", "25655", dt.date(2024, 9, 16), True, "3")
        >>> e = NS(inschrijvingvolgnummer="3", datum_uitschrijving_werkelijk=dt.date(2024, 9, 30),
        ...        perioden=[NS(opleidingscode="25655", datum_begin=dt.date(2021, 9, 8))])
        >>> [v.values["datum_uitschrijving_werkelijk"] for v in uitschrijfdatum_violations(d, [e])]
        ['2024-09-30']
        >>> verder = NS(inschrijvingvolgnummer="3", datum_uitschrijving_werkelijk=dt.date(2025, 7, 31),
        ...             perioden=[NS(opleidingscode="25655", datum_begin=dt.date(2021, 9, 8)),
        ...                       NS(opleidingscode="25775", datum_begin=dt.date(2024, 9, 17))])
        >>> list(uitschrijfdatum_violations(d, [verder]))                # continues with 25775
        []
        >>> zelfde_dag = NS(inschrijvingvolgnummer="3", datum_uitschrijving_werkelijk=dt.date(2025, 7, 31),
        ...                 perioden=[NS(opleidingscode="25655", datum_begin=dt.date(2021, 9, 8)),
        ...                           NS(opleidingscode="25775", datum_begin=dt.date(2024, 9, 16))])
        >>> list(uitschrijfdatum_violations(d, [zelfde_dag]))            # 25775 from the diploma day
        []
    """
    prefix = f"{path}." if path else ""
    e = _enrolment(diploma, enrolments)
    if e is None:
        return
    leaving = getattr(e, "datum_uitschrijving_werkelijk", None)
    if leaving is None or leaving == diploma.datum_resultaat:
        return
    if not _leaves_with(diploma, e, _hierarchy(referentiedata)):
        return
    yield Violation(
        f"{prefix}datum_resultaat",
        f"enrolment {diploma.inschrijvingvolgnummer} ends on {leaving}, but the diploma obtained in it "
        f"is dated {diploma.datum_resultaat}",
        diploma.resultaatvolgnummer,
        {
            "datum_resultaat": diploma.datum_resultaat.isoformat(),
            "datum_uitschrijving_werkelijk": leaving.isoformat(),
        },
    )


@registry.rule(
    "ROD.DIPLOMA.INSCHRIJVING",
    severity=Severity.AFKEUR,
    summary="A diploma names an enrolment of the student for its opleiding: the same crebo code, or the "
    "kwalificatiedossier or opleidingsdomein above it.",
    guidance="Link the diploma to the enrolment (inschrijvingvolgnummer) in which the student followed the "
    "opleiding, and register that enrolment first. An enrolment on a kwalificatiedossier or "
    "opleidingsdomein fits a diploma for a kwalificatie under it (WEB art. 8.1.1 lid 2): pass the crebo "
    "hierarchy as reference data so the check can tell; without it a differing code is only a signaal "
    "(ROD.REFERENTIEDATA.NIET_GECONTROLEERD), never an afkeur.",
    source=f"{_PVE_DIP}: Inschrijvingvolgnummer ('koppeling naar de inschrijving waar het resultaat bij "
    f"behaald is'); {_WEB_INSCHRIJVING}",
    applies_to=MboStudentRecord,
    needs=("diplomas",),
    url=WEB_URL,
    external="SBB",
    severity_origin=_LIB,
)
def _diploma_inschrijving(record: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if not record.diplomas:
        return ()
    found: list[Violation] = []
    for i, diploma in enumerate(record.diplomas):
        found.extend(
            diploma_inschrijving_violations(
                diploma, record.inschrijvingen, path=f"diplomas[{i}]", referentiedata=ctx.referentiedata
            )
        )
    return found


@registry.rule(
    "ROD.DIPLOMA.UITSCHRIJFDATUM",
    severity=Severity.ATTENTIE,
    summary="A student who leaves the enrolment with the diploma has the datum resultaat as werkelijke "
    "uitschrijfdatum.",
    guidance="Deregister the enrolment on the date the diploma was obtained (the datum uitslag). Not judged "
    "when the enrolment continues after the diploma with another opleiding.",
    source="Regeling gegevensverstrekking persoonsgebonden nummer BVE 2009 (BWBR0027035), bijlage: "
    "'Indien een diploma wordt behaald, dient de Werkelijke datum uitschrijving gelijk te zijn aan de "
    "Datum kwalificatie behaald'",
    applies_to=MboStudentRecord,
    needs=("diplomas",),
    severity_origin=_LIB,
)
def _diploma_uitschrijfdatum(record: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if not record.diplomas:
        return ()
    found: list[Violation] = []
    for i, diploma in enumerate(record.diplomas):
        found.extend(
            uitschrijfdatum_violations(
                diploma, record.inschrijvingen, path=f"diplomas[{i}]", referentiedata=ctx.referentiedata
            )
        )
    return found
