"""The BRON.EXAMEN.* rules: what DUO checks on a VO candidate's exam results.

Two groups:

* **record rules** — the shape of what a school sends: vakcode, elementcode,
  onderwijsaanbieder, the form of SE and CE grades (art. 3.13), the
  eindcijfer as reported (art. 3.32), the examenjaar, the herkansing;
* **slaag-zakregeling rules** — one per condition of art. 3.34 / 3.35. They
  fire when the school reports ``geslaagd`` while the library finds that
  condition unmet (after leaving out extra subjects, art. 3.33 lid 3), the
  way BRON re-checks every uitslag. ``BRON.EXAMEN.UITSLAG_AFGEWEZEN`` flags
  the opposite: reported afgewezen although the candidate passes.

The uitslag itself is [`duo_domain.vo.compute_uitslag`][duo_domain.vo.compute_uitslag]; its reasons carry
the same rule ids.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from duo_domain._sources import UB_WVO as UB
from duo_domain._sources import UB_WVO_URL
from duo_domain.codes import Codetabellen
from duo_domain.errors import DuoDomainError
from duo_domain.identity import elementcode, onderwijsaanbieder, vakcode
from duo_domain.rules import CheckContext, Severity, Violation, registry
from duo_domain.vo.codes import (
    ElementcodeTabel,
    VakcodeTabel,
    Vaksoort,
    elementcodetabel,
    vakcodetabel,
)
from duo_domain.vo.cum_laude import cum_laude
from duo_domain.vo.grades import eindcijfer, is_ce_cijfer, is_se_cijfer
from duo_domain.vo.model import Examenkandidaat, Rol, Uitslag
from duo_domain.vo.pakket import eigen_vakcode, overtollig, tekorten
from duo_domain.vo.regelsets import choose_regelset
from duo_domain.vo.uitslag import (
    NIVEAU,
    UitslagResultaat,
    compute_uitslag,
    herkansingen_niet_geteld,
    hoger_programma,
    is_gemeenschappelijk,
)

__all__: list[str] = []

#: The source of every rule here, spelled as the uitslag's reasons spell it (duo_domain._sources).
URL = UB_WVO_URL
IN_FORCE = dt.date(2022, 8, 1)


@functools.lru_cache(maxsize=128)
def _uitslag_cached(kandidaat: Examenkandidaat, codes: Codetabellen | None) -> UitslagResultaat | None:
    try:
        return compute_uitslag(kandidaat, codes=codes)
    except DuoDomainError:
        return None


def _uitslag(kandidaat: Examenkandidaat, ctx: CheckContext) -> UitslagResultaat | None:
    """The uitslag with the code tables validation was given (kept for the rules of one record)."""
    codes = _bundel(ctx.codes)
    try:
        return _uitslag_cached(kandidaat, codes)
    except TypeError:  # an unhashable field: compute without the cache
        try:
            return compute_uitslag(kandidaat, codes=codes)
        except DuoDomainError:
            return None


# --- record rules ---------------------------------------------------------------------------


def _bundel(codes: object | None) -> Codetabellen | None:
    """The code tables validation was given (``codes=``), checked to be a bundle; ``None`` without."""
    return None if codes is None else Codetabellen.uit(codes)


def _vakcodes(codes: object | None) -> VakcodeTabel:
    """The vakcodetabel of the code tables validation was given (``codes=``); the shipped one without."""
    return vakcodetabel(_bundel(codes))


def _elementcodes(codes: object | None) -> ElementcodeTabel:
    """The elementcodetabel of the code tables validation was given; the shipped one without."""
    return elementcodetabel(_bundel(codes))


@registry.rule(
    "BRON.EXAMEN.VAKCODE",
    severity=Severity.AFKEUR,
    summary="Every vakcode is 4 digits and in the vakcodetabel for the candidate's schoolsoort.",
    guidance="Use the vakcode of the current Regeling codetabellen for this schoolsoort/leerweg.",
    source="Regeling codetabellen (vakcodetabel VO), e.g. 2015-2016 BWBR0036964 bijlage III",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
)
def _vakcode(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    valid = vakcode.is_valid
    tabel = _vakcodes(ctx.codes)
    found: list[Violation] = []
    for i, v in enumerate(k.vakken):
        # a subject taken at a higher level (art. 3.37) has the vakcode of that level
        hoger = hoger_programma(k.schoolsoort, v.programma) if v.programma is not None else None
        ss = (hoger or k.schoolsoort).value
        if not valid(v.vakcode):
            found.append(
                Violation(
                    f"vakken[{i}].vakcode",
                    f"vakcode {v.vakcode!r} is not 4 digits",
                    values={"vakcode": v.vakcode},
                )
            )
        elif tabel.get(v.vakcode, ss) is None:
            found.append(
                Violation(
                    f"vakken[{i}].vakcode",
                    f"vakcode {v.vakcode} is not in the vakcodetabel for {ss}",
                    values={"vakcode": v.vakcode, "schoolsoort": ss},
                )
            )
    return found


@registry.rule(
    "BRON.EXAMEN.SE_CIJFER",
    severity=Severity.AFKEUR,
    summary="An SE grade is 1.0-10.0: one decimal when the subject has a CE, a whole number without CE.",
    guidance="Send the SE grade as the examenreglement fixes it: 6.4 for a subject with CE, 6 without.",
    source=f"{UB} art. 3.13 lid 1 en 2",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.13",
)
def _se(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    for i, v in enumerate(k.vakken):
        if v.se is not None and not is_se_cijfer(v.se, met_ce=v.heeft_ce):
            form = "1.0-10.0 with one decimal" if v.heeft_ce else "a whole number 1-10 (no CE)"
            found.append(
                Violation(
                    f"vakken[{i}].se",
                    f"SE grade {v.se} of {v.vakcode} must be {form}",
                    values={"se": str(v.se)},
                )
            )
    return found


@registry.rule(
    "BRON.EXAMEN.CE_CIJFER",
    severity=Severity.AFKEUR,
    summary="A CE grade of every tijdvak is 1.0-10.0 with one decimal.",
    guidance="Send the CE grade the rector set from the score with the CvTE rules (one decimal).",
    source=f"{UB} art. 3.25 lid 4",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.25",
)
def _ce(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    for i, v in enumerate(k.vakken):
        for name in ("ce", "ce2", "ce3"):
            c = getattr(v, name)
            if c is not None and not is_ce_cijfer(c):
                found.append(
                    Violation(
                        f"vakken[{i}].{name}", f"CE grade {c} of {v.vakcode} is not 1.0-10.0 with one decimal"
                    )
                )
    return found


@registry.rule(
    "BRON.EXAMEN.BEOORDELING",
    severity=Severity.AFKEUR,
    summary="LO (all school types) and vmbo kunstvakken are judged goed/voldoende/onvoldoende, not graded.",
    guidance="Send a beoordeling (goed/voldoende/onvoldoende) and no SE/CE grade for these subjects.",
    source=f"{UB} art. 3.13 lid 3",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.13",
)
def _beoordeling(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    tabel = _vakcodes(ctx.codes)
    ss = k.schoolsoort.value
    found: list[Violation] = []
    for i, v in enumerate(k.vakken):
        row = tabel.get(v.vakcode, ss)
        if row is None or v.vrijstelling:
            continue
        needs = row.soort.is_beoordeling and (k.schoolsoort.is_vmbo or row.soort is Vaksoort.LO)
        if needs and (v.beoordeling is None or v.se is not None):
            found.append(
                Violation(f"vakken[{i}].beoordeling", f"{v.vakcode} needs a beoordeling and no grade")
            )
    return found


@registry.rule(
    "BRON.EXAMEN.EINDCIJFER",
    severity=Severity.AFKEUR,
    summary="A reported eindcijfer equals the mean of SE and CE rounded half up (without CE: the SE grade).",
    guidance="Recompute (SE + CE) / 2: first decimal 4 or lower rounds down, 5 or higher up"
    " (5.45 -> 5, 5.50 -> 6).",
    source=f"{UB} art. 3.32",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.32",
)
def _eindcijfer(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    for i, v in enumerate(k.vakken):
        if v.eindcijfer is None or v.se is None:
            continue
        ce = v.ce_definitief
        if not is_se_cijfer(v.se, met_ce=ce is not None) or (ce is not None and not is_ce_cijfer(ce)):
            continue  # the grade rules report this
        computed = eindcijfer(v.se, ce)
        if v.eindcijfer != computed:
            found.append(
                Violation(
                    f"vakken[{i}].eindcijfer",
                    f"eindcijfer {v.eindcijfer} of {v.vakcode} should be {computed}",
                    values={"gemeld": str(v.eindcijfer), "berekend": str(computed)},
                )
            )
    return found


@registry.rule(
    "BRON.EXAMEN.HERKANSING",
    severity=Severity.ATTENTIE,
    summary="CE grades of a later tijdvak claim no more herkansingen than the law allows: one subject in"
    " tijdvak 2 (tijdvak 3 after verhindering), in vmbo bb/kb also the cspe.",
    guidance="Check the CE grades of tijdvak 2/3: the candidate may retake the CE or cspe of one subject"
    " (art. 3.38 lid 1), in bb/kb also the cspe (lid 2); a later tijdvak after verhindering (art. 3.29)"
    " has no tijdvak-1 grade. A grade beyond that does not count in the uitslag.",
    source=f"{UB} art. 3.38 lid 1 en 2; art. 3.29 lid 1",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.38",
)
def _herkansing(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    if not any(v.ce2 is not None or v.ce3 is not None for v in k.vakken):
        return ()
    rollen = _vakcodes(ctx.codes).rollen(k.schoolsoort.value)
    cspe = frozenset(
        v.vakcode
        for v in k.vakken
        if v.rol is Rol.PROFIELVAK
        or (v.rol is None and rollen.get(v.vakcode, _GEEN)[0] is Vaksoort.PROFIELVAK)
    )
    niet = herkansingen_niet_geteld(k, cspe)
    if not niet:
        return ()
    return (Violation("vakken", "more herkansingen than art. 3.38 allows; not counted: " + ", ".join(niet)),)


_GEEN: tuple[Vaksoort | None, int] = (None, 0)


@registry.rule(
    "BRON.EXAMEN.EXTRA_VAK",
    severity=Severity.ATTENTIE,
    summary="No subject of the gemeenschappelijk deel (Nederlands, Engels, maatschappijleer, ckv, LO,"
    " kunstvakken I) is marked extra: without it the remaining subjects form no eindexamen.",
    guidance="Remove the extra mark; the uitslag counts the subject whatever the mark says.",
    source=f"{UB} art. 3.33 lid 3 (with art. 3.1-3.4)",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.33",
)
def _extra_vak(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    if not any(v.extra for v in k.vakken):
        return ()
    rollen = _vakcodes(ctx.codes).rollen(k.schoolsoort.value)
    return [
        Violation(f"vakken[{i}].extra", f"{v.vakcode} belongs to every exam and cannot be left out as extra")
        for i, v in enumerate(k.vakken)
        if v.extra
        and v.vakcode in rollen
        and is_gemeenschappelijk(v.vakcode, rollen[v.vakcode][0], codes=_bundel(ctx.codes))
    ]


@registry.rule(
    "BRON.EXAMEN.ONDERWIJSAANBIEDER",
    severity=Severity.AFKEUR,
    summary="The exam results name the RIO onderwijsaanbieder (nnnAnnn).",
    guidance="Register the onderwijsaanbieder from RIO with the exam results.",
    source="DUO Examenresultaten uitwisselen (onderwijsaanbieder uit RIO)",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    external="RIO",
)
def _aanbieder(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    if not k.onderwijsaanbieder:
        return (Violation("onderwijsaanbieder", "the onderwijsaanbieder is missing"),)
    if not onderwijsaanbieder.is_valid(k.onderwijsaanbieder):
        return (
            Violation(
                "onderwijsaanbieder", f"{k.onderwijsaanbieder!r} is not an onderwijsaanbieder (nnnAnnn)"
            ),
        )
    return ()


@registry.rule(
    "BRON.EXAMEN.ELEMENTCODE",
    severity=Severity.AFKEUR,
    summary="The elementcode is present, known and of the candidate's schoolsoort.",
    guidance="Use the elementcode of the profile / leerweg from the Regeling codetabellen.",
    source="Regeling codetabellen (elementcodetabel VO), e.g. 2015-2016 BWBR0036964 bijlage I",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
)
def _elementcode(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    code = k.elementcode
    if not code:
        return (Violation("elementcode", "the elementcode is missing"),)
    if not elementcode.is_valid(code):
        return (Violation("elementcode", f"{code!r} is not an elementcode (4 digits)"),)
    row = _elementcodes(ctx.codes).get(code)
    if row is None:
        return (
            Violation("elementcode", f"elementcode {code} is not in the elementcodetabel for exam years"),
        )
    if row.schoolsoort != k.schoolsoort.value:
        return (
            Violation("elementcode", f"elementcode {code} is {row.schoolsoort}, not {k.schoolsoort.value}"),
        )
    return ()


@registry.rule(
    "BRON.EXAMEN.EXAMENJAAR",
    severity=Severity.AFKEUR,
    summary="The examenjaar has a slaag-zakregeling in the library and is the year of the datum uitslag.",
    guidance="The examenjaar is the calendar year in which the uitslag is determined.",
    source="Regeling gegevenslevering onderwijsnummer VO (BWBR0015232) bijlage 2 item 6",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
)
def _examenjaar(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    try:
        choose_regelset(k.examenjaar)
    except DuoDomainError as exc:
        found.append(Violation("examenjaar", str(exc)))
    if k.datum_uitslag is not None and k.datum_uitslag.year != k.examenjaar:
        found.append(
            Violation("datum_uitslag", f"datum uitslag {k.datum_uitslag} is not in examenjaar {k.examenjaar}")
        )
    return found


# --- slaag-zakregeling ---------------------------------------------------------------------


def _condition_check(rule_id: str, k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    if k.uitslag is not Uitslag.GESLAAGD:
        return ()
    result = _uitslag(k, ctx)
    if result is None:
        return ()
    return [
        Violation("uitslag", f"reported geslaagd, but: {r.toelichting} ({r.artikel})")
        for r in result.redenen
        if r.regel == rule_id
    ]


def _condition(rule_id: str, summary: str, guidance: str, source: str) -> None:
    # A partial of a module-level function, not a closure, so that the rule pickles (batch workers).
    check = functools.partial(_condition_check, rule_id)
    registry.rule(
        rule_id,
        severity=Severity.AFKEUR,
        summary=summary,
        guidance=guidance,
        source=source,
        applies_to=Examenkandidaat,
        geldig_van=IN_FORCE,
        url=URL,
    )(check)


_condition(
    "BRON.EXAMEN.CE_GEMIDDELDE",
    "The unrounded mean of the CE grades is at least 5.5 (5.49 fails, 5.50 passes).",
    "Check the CE grades; the highest tijdvak counts and the cspe counts once. Otherwise: afgewezen.",
    f"{UB} art. 3.34 lid 1 a; art. 3.35 lid 1 a; art. 10.5 lid 1 (profielvak of 2020-2021, 2021-2022)",
)
_condition(
    "BRON.EXAMEN.KERNVAKKEN",
    "havo/vwo: of Nederlands, Engels and the wiskunde A/B/C of the exam (of two, the profile's) at most one"
    " eindcijfer 5, the others 6 or higher.",
    "Check the kernvakken' eindcijfers; the only wiskunde is a kernvak wherever it sits; of two, mark the"
    " profile's one examendeel 'profiel' (natuur en techniek: wiskunde B) and the other extra or vrij.",
    f"{UB} art. 3.34 lid 1 b",
)
_condition(
    "BRON.EXAMEN.COMPENSATIE",
    "Eindcijfers below 6 are compensated as the law allows (havo/vwo: mean 6.0; vmbo: a 7 or higher).",
    "Check the eindcijfers below 6 and (havo/vwo) the mean of all eindcijfers incl. the combinatiecijfer.",
    f"{UB} art. 3.34 lid 1 c; art. 3.35 lid 1 c",
)
_condition(
    "BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL",
    "No component of the combinatiecijfer has an eindcijfer below 4.",
    "Check the components' eindcijfers (havo/vwo: maatschappijleer, ckv, profielwerkstuk, ...;"
    " vmbo: keuzevakken,"
    " gl also the profielvak).",
    f"{UB} art. 3.34 lid 1 d; art. 3.35 lid 1 d",
)
_condition(
    "BRON.EXAMEN.LICHAMELIJKE_OPVOEDING",
    "Lichamelijke opvoeding is judged voldoende or goed.",
    "Send the LO beoordeling; onvoldoende means afgewezen.",
    f"{UB} art. 3.34 lid 1 e; art. 3.35 lid 1 e",
)
_condition(
    "BRON.EXAMEN.NEDERLANDS",
    "vmbo: the eindcijfer for Nederlandse taal is 5 or higher.",
    "Check the eindcijfer Nederlandse taal (the eindcijfer, not the CE grade).",
    f"{UB} art. 3.35 lid 1 b",
)
_condition(
    "BRON.EXAMEN.KUNSTVAKKEN",
    "vmbo: the kunstvakken including ckv are judged voldoende or goed.",
    "Send the beoordeling of kunstvakken I (0416).",
    f"{UB} art. 3.35 lid 1 e",
)
_condition(
    "BRON.EXAMEN.PROFIELWERKSTUK",
    "vmbo gl/tl: the profielwerkstuk is judged voldoende or goed.",
    "Send the profielwerkstuk's beoordeling.",
    f"{UB} art. 3.35 lid 1 f",
)
_condition(
    "BRON.EXAMEN.LEERWERKTRAJECT",
    "vmbo-bb leer-werktraject: Nederlandse taal, profielvak and keuzevakken' eindcijfer each 6 or higher.",
    "Check the three eindcijfers of art. 3.35 lid 6.",
    f"{UB} art. 3.35 lid 6",
)


@registry.rule(
    "BRON.EXAMEN.UITSLAG_AFGEWEZEN",
    severity=Severity.ATTENTIE,
    summary="A candidate reported afgewezen meets the slaag-zakregeling.",
    guidance="Check the uitslag: with these grades (leaving out extra subjects if needed) it passes.",
    source=f"{UB} art. 3.33 lid 3; art. 3.34; art. 3.35",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=URL,
)
def _afgewezen(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    if k.uitslag is not Uitslag.AFGEWEZEN:
        return ()
    result = _uitslag(k, ctx)
    if result is not None and result.geslaagd:
        left = f" (leaving out {', '.join(result.buiten_beschouwing)})" if result.buiten_beschouwing else ""
        return (Violation("uitslag", f"reported afgewezen, but the candidate passes{left}"),)
    return ()


# --- the package of art. 3.1-3.7 (duo_domain.vo.pakket) -------------------------------------------

_condition(
    "BRON.PAKKET.VOLLEDIG",
    "The subjects form an eindexamen: the gemeenschappelijk deel, the profieldeel of the profile (vmbo:"
    " of the leerweg and profiel, with the beroepsgerichte or praktijkgerichte programma) and the vrije"
    " deel.",
    "Send every subject of the exam; the elementcode names the profile. An incomplete exam is afgewezen.",
    f"{UB} art. 3.1-3.7 with art. 2.5-2.26 (the programme of each profile); art. 3.33 lid 3",
)


@registry.rule(
    "BRON.PAKKET.OVERTOLLIG",
    severity=Severity.ATTENTIE,
    summary="The exam holds no combination the law does not allow: havo/vwo wiskunde D without wiskunde B,"
    " vwo wiskunde A with C, kunst (beeldende vormgeving) with tekenen, handvaardigheid or textiele"
    " vormgeving, kunst (muziek) with muziek, two of tekenen, handvaardigheid and textiele vormgeving, a"
    " language (elementair) next to the same language;"
    " vmbo-tl a second praktijkgericht vak, two kunstvakken of the same group; a vmbo subject next to the"
    " havo/vwo subject taken in its place.",
    guidance="Remove the subject or correct the package; it cannot be part of the exam.",
    source=f"{UB} art. 2.7 a 1°-3° and b, 2.12 a 1°-3° and b; art. 3.4 lid 1 c, lid 2, lid 3 and lid 4 a;"
    " art. 3.5 lid 2, 3.6 lid 2, 3.7 lid 2",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.4",
)
def _overtollig(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    rollen = _vakcodes(ctx.codes).rollen(k.schoolsoort.value)
    vakken = {v.vakcode: rollen.get(v.vakcode, _GEEN)[0] or Vaksoort.ALGEMEEN for v in k.vakken}
    codes = _bundel(ctx.codes)
    found = [Violation("vakken", t.toelichting) for t in overtollig(k.schoolsoort.value, vakken, codes=codes)]
    # art. 3.4 lid 3, 3.5 lid 2, 3.6 lid 2, 3.7 lid 2: the higher-level subject replaces the own-level one,
    # which then cannot be chosen as an extra subject as well
    for i, v in enumerate(k.vakken):
        eigen = eigen_vakcode(v.vakcode, k.schoolsoort.value, v.programma, codes=codes)
        if eigen != v.vakcode and eigen in vakken:
            found.append(
                Violation(
                    f"vakken[{i}].vakcode",
                    f"{v.vakcode} ({v.programma}) takes the place of {eigen},"
                    " which cannot be in the exam as well",
                )
            )
    return found


@registry.rule(
    "BRON.PAKKET.EXTRA_VERPLICHT",
    severity=Severity.ATTENTIE,
    summary="No subject the exam needs (profieldeel, beroepsgericht programma, the only vrije-deel vak) is"
    " marked extra: without it the remaining subjects form no eindexamen.",
    guidance="Remove the extra mark; the uitslag never leaves such a subject out.",
    source=f"{UB} art. 3.33 lid 3 with art. 3.1-3.7",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.33",
)
def _extra_verplicht(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    if not any(v.extra for v in k.vakken):
        return ()
    rollen = _vakcodes(ctx.codes).rollen(k.schoolsoort.value)
    soorten = {v.vakcode: rollen.get(v.vakcode, _GEEN)[0] or Vaksoort.ALGEMEEN for v in k.vakken}
    ss = k.schoolsoort.value
    # a subject taken at a higher level fills its own-level place in the package (art. 3.9, 3.37)
    codes = _bundel(ctx.codes)
    eigen = {v.vakcode: eigen_vakcode(v.vakcode, ss, v.programma, codes=codes) for v in k.vakken}

    def volledig(zonder: str | None) -> bool:
        rest = {eigen[c]: s for c, s in soorten.items() if c != zonder}
        return not tekorten(ss, k.elementcode, rest, leerwerktraject=k.leerwerktraject, codes=codes)

    if not volledig(None):
        return ()  # an incomplete exam is BRON.PAKKET.VOLLEDIG's finding
    return [
        Violation(
            f"vakken[{i}].extra", f"{v.vakcode} is needed for a complete exam and cannot be left out as extra"
        )
        for i, v in enumerate(k.vakken)
        if v.extra
        and not is_gemeenschappelijk(v.vakcode, soorten[v.vakcode], codes=codes)
        and not volledig(v.vakcode)
    ]


# --- cum laude, certificaat, a subject at a higher level (art. 3.47-3.50, 3.73, 3.9, 3.37) -------


@registry.rule(
    "BRON.EXAMEN.CUM_LAUDE",
    severity=Severity.ATTENTIE,
    summary="A reported judicium cum laude agrees with art. 3.47 (vwo, havo) / 3.48 (vmbo): a mean of at"
    " least 8.0 over the eindcijfers the article names, and every counted subject 7 (vwo) or 6 or higher.",
    guidance="Recompute the judicium with duo_domain.vo.cum_laude.cum_laude; send the examendeel of each"
    " subject so that the profieldeel and the vrije deel are known.",
    source=f"{UB} art. 3.47; art. 3.48",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.47",
)
def _cum_laude(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    if k.cum_laude is None:
        return ()
    result = _uitslag(k, ctx)
    if result is None:
        return ()
    judged = cum_laude(k, resultaat=result, codes=_bundel(ctx.codes))
    if judged.toegekend is None or judged.toegekend == k.cum_laude:
        return ()
    why = "; ".join(r.toelichting for r in judged.redenen) or f"the mean is {judged.to_dict()['gemiddelde']}"
    said, law = ("cum laude", "not") if k.cum_laude else ("not cum laude", "cum laude")
    return (Violation("cum_laude", f"reported {said}, but by {judged.artikel} it is {law}: {why}"),)


@registry.rule(
    "BRON.EXAMEN.CERTIFICAAT",
    severity=Severity.ATTENTIE,
    summary="A subject reported with certificaat behaald has an eindcijfer of 6 or higher.",
    guidance="A certificaat lists the subjects with an eindcijfer of 6 or higher (art. 3.50 a, 3.73 a);"
    " a subject judged without an eindcijfer (LO, kunstvakken) earns none.",
    source=f"{UB} art. 3.50 a; art. 3.73 a",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.50",
)
def _certificaat(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    if not any(v.certificaat for v in k.vakken):
        return ()
    result = _uitslag(k, ctx)
    if result is None:
        return ()
    found: list[Violation] = []
    for i, v in enumerate(k.vakken):
        if not v.certificaat:
            continue
        eind = result.eindcijfers.get(v.vakcode)
        if eind is None or eind < 6:
            what = "no eindcijfer" if eind is None else f"eindcijfer {eind}"
            found.append(
                Violation(f"vakken[{i}].certificaat", f"{v.vakcode} has {what}: no certificaat (6 or higher)")
            )
    return found


@registry.rule(
    "BRON.EXAMEN.PROGRAMMA",
    severity=Severity.AFKEUR,
    summary="A subject's programma names a higher school type or leerweg whose code table has the vakcode,"
    " and at least one subject is of the school type or leerweg of enrolment.",
    guidance="Send programma only for a subject taken at a higher level (bb < kb < gl/tl < havo < vwo)"
    " with that level's vakcode; keep at least one subject of the candidate's own level.",
    source=f"{UB} art. 3.9; art. 3.37",
    applies_to=Examenkandidaat,
    geldig_van=IN_FORCE,
    url=f"{URL}#Artikel3.9",
)
def _programma(k: Examenkandidaat, ctx: CheckContext) -> Sequence[Violation]:
    if all(v.programma is None for v in k.vakken):
        return ()
    tabel = _vakcodes(ctx.codes)
    found: list[Violation] = []
    eigen = False
    for i, v in enumerate(k.vakken):
        if v.programma is None:
            eigen = eigen or not v.vrijstelling
            continue
        hoger = hoger_programma(k.schoolsoort, v.programma)
        if hoger is None:
            levels = ", ".join(s.value for s, n in NIVEAU.items() if n > NIVEAU[k.schoolsoort])
            found.append(
                Violation(
                    f"vakken[{i}].programma",
                    f"programma {v.programma!r} is not a level above {k.schoolsoort.value}"
                    f" ({levels or 'none'})",
                )
            )
        elif tabel.get(v.vakcode, hoger.value) is None:
            found.append(
                Violation(f"vakken[{i}].vakcode", f"vakcode {v.vakcode} is not a {hoger.value} subject")
            )
    if not eigen:
        found.append(Violation("vakken", f"no subject of the {k.schoolsoort.value} exam itself (art. 3.9)"))
    return found
