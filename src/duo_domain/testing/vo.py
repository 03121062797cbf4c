"""Hypothesis strategies for VO exam results: candidates that pass, fail for a chosen reason, or break a rule.

[`examenkandidaten`][duo_domain.testing.vo.examenkandidaten] draws complete candidates for every schoolsoort
and
supported examenjaar: the required subjects with grades in the legal form
(SE and CE with one decimal, SE without CE whole, LO and the vmbo kunstvakken
judged), a profielwerkstuk, an elementcode of the schoolsoort and an
onderwijsaanbieder. The reported ``uitslag`` is the one
[`compute_uitslag`][duo_domain.vo.compute_uitslag] gives (or absent), so validating a
candidate gives no finding at all.

* ``geslaagd=True`` draws only candidates that pass;
* ``reden="BRON.EXAMEN.KERNVAKKEN"`` draws candidates that are afgewezen for
  that condition alone (and are reported afgewezen: still no finding);
* ``breaks="BRON.EXAMEN.KERNVAKKEN"`` draws candidates reported *geslaagd*
  while they fail that condition, so validating them yields that rule's
  finding and no other. `EXAMENKANDIDAAT_BREAKS` lists every rule a
  candidate can break (the record rules, every condition of the
  slaag-zakregeling, ``BRON.EXAMEN.UITSLAG_AFGEWEZEN`` and the ``PERSOON.*``
  rules of the candidate's student).

Examples:
    >>> from hypothesis import given, settings
    >>> from duo_domain.rules import validate
    >>> from duo_domain.vo import compute_uitslag
    >>> from duo_domain.testing import examenkandidaten
    >>> @settings(max_examples=10)
    ... @given(examenkandidaten(reden="BRON.EXAMEN.LICHAMELIJKE_OPVOEDING"))
    ... def test_fails_on_lo(kandidaat):
    ...     assert [r.regel for r in compute_uitslag(kandidaat).redenen] == [
    ...         "BRON.EXAMEN.LICHAMELIJKE_OPVOEDING"]
    ...     assert len(validate(kandidaat)) == 0
    >>> test_fails_on_lo()

Needs the optional dependency ``hypothesis`` (``pip install duo-domain[testing]``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from duo_domain.errors import DuoDomainError
from duo_domain.testing._breaking import PERSOON_BREAKS, check_breaks, merge, students_breaking
from duo_domain.testing.identity import invalid_onderwijsaanbieders, onderwijsaanbieders
from duo_domain.vo.codes import Vaksoort, elementcodetabel, vakcodetabel
from duo_domain.vo.cum_laude import cum_laude
from duo_domain.vo.grades import eindcijfer, is_ce_cijfer, is_se_cijfer
from duo_domain.vo.model import (
    Beoordeling,
    Examendeel,
    Examenkandidaat,
    ExamResult,
    Herkomst,
    Profielwerkstuk,
    Schoolsoort,
    Uitslag,
)
from duo_domain.vo.regelsets import REGELSETS
from duo_domain.vo.uitslag import compute_uitslag

__all__ = [
    "CONDITIONS",
    "EXAMENKANDIDAAT_BREAKS",
    "VO_BREAKS",
    "exam_results",
    "examenkandidaten",
    "profielwerkstukken",
]

_HV = (Schoolsoort.HAVO, Schoolsoort.VWO)
_VMBO = (Schoolsoort.VMBO_BB, Schoolsoort.VMBO_KB, Schoolsoort.VMBO_GL, Schoolsoort.VMBO_TL)

#: The conditions of the slaag-zakregeling (rule ids), with the school types a
#: candidate can fail them in.
CONDITIONS: Mapping[str, tuple[Schoolsoort, ...]] = {
    "BRON.EXAMEN.CE_GEMIDDELDE": (*_HV, *_VMBO),
    "BRON.EXAMEN.KERNVAKKEN": _HV,
    "BRON.EXAMEN.COMPENSATIE": (*_HV, *_VMBO),
    "BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL": (
        *_HV,
        Schoolsoort.VMBO_BB,
        Schoolsoort.VMBO_KB,
        Schoolsoort.VMBO_GL,
    ),
    "BRON.EXAMEN.LICHAMELIJKE_OPVOEDING": (*_HV, *_VMBO),
    "BRON.EXAMEN.NEDERLANDS": _VMBO,
    "BRON.EXAMEN.KUNSTVAKKEN": _VMBO,
    "BRON.EXAMEN.PROFIELWERKSTUK": (Schoolsoort.VMBO_GL, Schoolsoort.VMBO_TL),
    "BRON.EXAMEN.LEERWERKTRAJECT": (Schoolsoort.VMBO_BB,),
    "BRON.PAKKET.VOLLEDIG": (*_HV, *_VMBO),
}
_RECORD_RULES = frozenset(
    {
        "BRON.EXAMEN.VAKCODE",
        "BRON.EXAMEN.SE_CIJFER",
        "BRON.EXAMEN.CE_CIJFER",
        "BRON.EXAMEN.BEOORDELING",
        "BRON.EXAMEN.EINDCIJFER",
        "BRON.EXAMEN.HERKANSING",
        "BRON.EXAMEN.EXTRA_VAK",
        "BRON.EXAMEN.ONDERWIJSAANBIEDER",
        "BRON.EXAMEN.ELEMENTCODE",
        "BRON.EXAMEN.EXAMENJAAR",
        "BRON.PAKKET.OVERTOLLIG",
        "BRON.PAKKET.EXTRA_VERPLICHT",
    }
)
#: Record rules a candidate of only some school types can break.
_RECORD_SOORTEN: Mapping[str, tuple[Schoolsoort, ...]] = {"BRON.PAKKET.OVERTOLLIG": _HV}

#: Rules on what the candidate receives and on subjects at a higher level (art. 3.9, 3.37, 3.47-3.50, 3.73).
_DIPLOMA_RULES = frozenset({"BRON.EXAMEN.CUM_LAUDE", "BRON.EXAMEN.CERTIFICAAT", "BRON.EXAMEN.PROGRAMMA"})
#: Rules an :class:`~duo_domain.vo.model.Examenkandidaat` can be made to break.
EXAMENKANDIDAAT_BREAKS = merge(
    _RECORD_RULES, CONDITIONS, {"BRON.EXAMEN.UITSLAG_AFGEWEZEN"}, _DIPLOMA_RULES, PERSOON_BREAKS
)

#: Per domain type, the rule ids its strategy's ``breaks=`` accepts.
VO_BREAKS: Mapping[type, frozenset[str]] = {
    Examenkandidaat: EXAMENKANDIDAAT_BREAKS,
    ExamResult: frozenset(),
    Profielwerkstuk: frozenset(),
}

_EXAMENJAREN = (REGELSETS[0].examenjaar_van, REGELSETS[-1].examenjaar_tot)
_HV_POOL = ("1003", "1004", "1018", "1021", "1022", "1023", "1028", "0131", "1034")
_TL_POOL = ("0191", "0125", "0063", "0053", "0233")
_FAMILIES = {
    "1200": ("1201", "1202", "1203", "1204", "1205"),
    "1300": ("1301", "1302", "1303", "1304", "1305"),
}
#: The profile digit of a vmbo elementcode per profielvak (Regeling codetabellen bijlage I).
_FAMILIE_CIJFER = {"1200": "0", "1300": "1"}
_LEERWEG_CIJFER = {Schoolsoort.VMBO_BB: "1", Schoolsoort.VMBO_KB: "2", Schoolsoort.VMBO_GL: "3"}
#: A complete profieldeel per havo/vwo profile (art. 2.6, 2.11): compulsory subjects and a profielkeuzevak.
_PROFIELDEEL = {
    Schoolsoort.HAVO: {
        "NT": ("1025", "1023", "1028", "1018"),
        "NG": ("1024", "1018", "1028", "1023"),
        "EM": ("1024", "1022", "1021", "0131"),
        "CM": ("1021", "1003", "0311", "0131"),
    },
    Schoolsoort.VWO: {
        "NT": ("1025", "1023", "1028", "1018"),
        "NG": ("1024", "1018", "1028", "1023"),
        "EM": ("1024", "1022", "1021", "0131"),
        "CM": ("1026", "1021", "0311", "1022"),
    },
}
_PROFIEL_CIJFER = {"NT": "0", "NG": "1", "EM": "2", "CM": "3"}
_WISKUNDE = frozenset({"1024", "1025", "1026"})
_NE = {Schoolsoort.HAVO: "1001", Schoolsoort.VWO: "1001"}
_LO = "0353"
_KV = "0416"

# How a subject is judged in the template: "ce" graded with a CE, "se" graded
# without CE (a whole SE grade), "lo"/"kv" judged goed/voldoende/onvoldoende.
Template = Sequence[tuple[str, str]]


def _profiel(k: Examenkandidaat) -> str:
    """The havo/vwo profile of a candidate built by `template` (from its elementcode)."""
    cijfer = (k.elementcode or "0")[-1]
    return next((p for p, c in _PROFIEL_CIJFER.items() if c == cijfer), "NT")


def elementcode_voor(schoolsoort: Schoolsoort, *, profiel: str = "NT", familie: str = "1200") -> str:
    """The elementcode of the profile `template` builds (havo ``037p``, vwo ``017p``, vmbo ``6pl1``)."""
    if schoolsoort in _HV:
        return ("037" if schoolsoort is Schoolsoort.HAVO else "017") + _PROFIEL_CIJFER[profiel]
    if schoolsoort is Schoolsoort.VMBO_TL:
        return "0400"
    return f"6{_FAMILIE_CIJFER[familie]}{_LEERWEG_CIJFER[schoolsoort]}1"


def template(
    schoolsoort: Schoolsoort,
    *,
    profiel: str = "NT",
    wiskunde: str | None = None,
    keuze: Sequence[str] | None = None,
    familie: str = "1200",
) -> list[tuple[str, str]]:
    """The subjects of a complete exam (art. 3.1-3.7): ``(vakcode, how it is judged)`` pairs.

    havo/vwo: Nederlands, Engels (vwo atheneum also Duits), the profieldeel of
    ``profiel`` (NT, NG, EM, CM; ``wiskunde`` replaces its wiskunde where the law
    allows a choice) and maatschappijwetenschappen in the vrije deel, with a CE;
    maatschappijleer and ckv (combinatiecijfer) with an SE only; LO. vmbo:
    Nederlands, Engels, wiskunde and nask I (the algemene vakken of the techniek
    profiles) with a CE — tl plus two of ``keuze`` (default biologie and
    geschiedenis), gl plus economie in the vrije deel —; maatschappijleer; LO and
    kunstvakken I; bb, kb and gl the profielvak of ``familie`` with a CE and its
    keuzevakken (four, gl two). The matching elementcode is `elementcode_voor`.
    """
    if schoolsoort in _HV:
        deel = list(_PROFIELDEEL[schoolsoort][profiel])
        if wiskunde is not None:
            deel = [wiskunde if c in _WISKUNDE else c for c in deel]
        gem = ["1001", "1002", *(("1004",) if schoolsoort is Schoolsoort.VWO else ())]
        return [
            *((c, "ce") for c in gem),
            *((c, "ce") for c in deel),
            ("1034", "ce"),
            ("1019", "se"),
            ("1020", "se"),
            (_LO, "lo"),
        ]
    out = [("0011", "ce"), ("0071", "ce"), ("0153", "ce"), ("0173", "ce")]
    if schoolsoort is Schoolsoort.VMBO_TL:
        out += [(c, "ce") for c in (keuze or ("0191", "0125"))[:2]]
    elif schoolsoort is Schoolsoort.VMBO_GL:
        out.append(("0233", "ce"))
    out += [("0322", "se"), (_LO, "lo"), (_KV, "kv")]
    if schoolsoort is not Schoolsoort.VMBO_TL:
        n = 2 if schoolsoort is Schoolsoort.VMBO_GL else 4
        out += [(familie, "ce"), *((k, "se") for k in _FAMILIES[familie][:n])]
    return out


def _tenths(t: int) -> Decimal:
    return Decimal(t).scaleb(-1)


Grade = Callable[[str, str], ExamResult]


def build(
    schoolsoort: Schoolsoort,
    examenjaar: int,
    subjects: Template,
    grade: Grade,
    *,
    pws: Profielwerkstuk | None,
    leerwerktraject: bool = False,
    elementcode: str | None = None,
    onderwijsaanbieder: str | None = "100A501",
) -> Examenkandidaat:
    """A candidate from a template and a function that grades each subject (no uitslag reported)."""
    return Examenkandidaat(
        schoolsoort=schoolsoort,
        examenjaar=examenjaar,
        vakken=[grade(code, how) for code, how in subjects],
        profielwerkstuk=pws,
        leerwerktraject=leerwerktraject,
        elementcode=elementcode or elementcode_voor(schoolsoort),
        onderwijsaanbieder=onderwijsaanbieder,
    )


def elementcodes_for(schoolsoort: Schoolsoort) -> list[str]:
    """The elementcodes of the shipped table for a schoolsoort."""
    return [c.elementcode for c in elementcodetabel().codes if c.schoolsoort == schoolsoort.value]


def _set(k: Examenkandidaat, code: str, **changes: Any) -> Examenkandidaat:
    vakken = [attrs.evolve(v, **changes) if v.vakcode == code else v for v in k.vakken]
    return attrs.evolve(k, vakken=vakken)


def fail_for(k: Examenkandidaat, reden: str) -> Examenkandidaat:
    """Make a passing candidate whose graded subjects all have an eindcijfer of 7 or more fail for ``reden``.

    The change is the smallest that fails that condition alone: e.g. for
    ``BRON.EXAMEN.KERNVAKKEN`` Nederlands gets a 4, which the other grades
    compensate for under art. 3.34 lid 1 c but not under the kernvakkenregel.

    Raises:
        ValueError: when ``reden`` cannot be failed in the candidate's schoolsoort.
    """
    if k.schoolsoort not in CONDITIONS.get(reden, ()):
        raise ValueError(f"a {k.schoolsoort.value} candidate cannot fail {reden}")
    four, five = Decimal("4.0"), Decimal("5.0")
    ne = "1001" if k.schoolsoort in _HV else "0011"
    if reden == "BRON.EXAMEN.CE_GEMIDDELDE":
        vakken = [attrs.evolve(v, se=Decimal("8.0"), ce=five) if v.ce is not None else v for v in k.vakken]
        return attrs.evolve(k, vakken=vakken)
    if reden in ("BRON.EXAMEN.KERNVAKKEN", "BRON.EXAMEN.NEDERLANDS"):
        return _set(k, ne, se=four, ce=four)
    if reden == "BRON.EXAMEN.COMPENSATIE":
        ce_vakken = [v.vakcode for v in k.vakken if v.ce is not None and v.vakcode != ne]
        if k.schoolsoort in _HV:
            ce_vakken = [c for c in ce_vakken if c not in ("1002", "1024", "1025", "1026")]
        for code in ce_vakken[:3]:
            k = _set(k, code, se=five, ce=five)
        return k
    if reden == "BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL":
        if k.schoolsoort in _HV:
            return _set(k, "1019", se=Decimal(3))
        keuzevak = next(v.vakcode for v in reversed(k.vakken) if v.ce is None and v.se is not None)
        return _set(k, keuzevak, se=Decimal(3))
    if reden == "BRON.EXAMEN.LICHAMELIJKE_OPVOEDING":
        return _set(k, _LO, beoordeling=Beoordeling.ONVOLDOENDE)
    if reden == "BRON.EXAMEN.KUNSTVAKKEN":
        return _set(k, _KV, beoordeling=Beoordeling.ONVOLDOENDE)
    if reden == "BRON.EXAMEN.PROFIELWERKSTUK":
        return attrs.evolve(k, profielwerkstuk=Profielwerkstuk(beoordeling=Beoordeling.ONVOLDOENDE))
    if reden == "BRON.PAKKET.VOLLEDIG":
        # without Engels the gemeenschappelijk deel is incomplete (art. 2.5, 2.10, 2.15, 2.20, 2.24)
        engels = "1002" if k.schoolsoort in _HV else "0071"
        return attrs.evolve(k, vakken=[v for v in k.vakken if v.vakcode != engels])
    # BRON.EXAMEN.LEERWERKTRAJECT: a leer-werktraject needs Nederlands 6 or higher (art. 3.35 lid 6); without
    # Engels its subjects form no full bb exam, so lid 1 (where a 5 would do) does not apply as well
    k = attrs.evolve(k, vakken=[v for v in k.vakken if v.vakcode != "0071"])
    return attrs.evolve(_set(k, ne, se=five, ce=five), leerwerktraject=True)


def report(k: Examenkandidaat, *, uitslag: bool = True, eindcijfers: bool = False) -> Examenkandidaat:
    """The candidate with the uitslag (and, if asked, the eindcijfers) the library computes."""
    if eindcijfers:
        vakken = []
        for v in k.vakken:
            ce = v.ce_definitief
            ok = v.se is not None and is_se_cijfer(v.se, met_ce=ce is not None)
            if ok and v.se is not None and (ce is None or is_ce_cijfer(ce)):
                v = attrs.evolve(v, eindcijfer=eindcijfer(v.se, ce))  # noqa: PLW2901 - the rebuilt item
            vakken.append(v)
        k = attrs.evolve(k, vakken=vakken)
    if not uitslag:
        return attrs.evolve(k, uitslag=None)
    try:
        return attrs.evolve(k, uitslag=compute_uitslag(k).uitslag)
    except DuoDomainError:
        return attrs.evolve(k, uitslag=None)


# --------------------------------------------------------------------------- strategies

_GOED = st.sampled_from((Beoordeling.VOLDOENDE, Beoordeling.GOED))
_ALLE_BEOORDELINGEN = st.sampled_from(tuple(Beoordeling))
_AANBIEDER = onderwijsaanbieders()


def _grader(draw: st.DrawFn, lo: int) -> Grade:
    """Grades from ``lo`` tenths (55: every eindcijfer 6 or more) up to 10.0."""
    beoordeling = _GOED if lo >= 55 else _ALLE_BEOORDELINGEN

    def grade(code: str, how: str) -> ExamResult:
        if how == "ce":
            return ExamResult(
                code, se=_tenths(draw(st.integers(lo, 100))), ce=_tenths(draw(st.integers(lo, 100)))
            )
        if how == "se":
            return ExamResult(code, se=Decimal(draw(st.integers(max(1, (lo + 9) // 10), 10))))
        return ExamResult(code, beoordeling=draw(beoordeling))

    return grade


@st.composite
def _kandidaat(
    draw: st.DrawFn,
    *,
    breaks: str | None,
    schoolsoort: Schoolsoort | None,
    geslaagd: bool | None,
    reden: str | None,
) -> Examenkandidaat:
    condition = breaks if breaks in CONDITIONS else reden
    soorten: Sequence[Schoolsoort] = (
        CONDITIONS[condition] if condition else _RECORD_SOORTEN.get(breaks or "", tuple(Schoolsoort))
    )
    if breaks == "BRON.EXAMEN.UITSLAG_AFGEWEZEN":
        geslaagd = True
    ss = schoolsoort or draw(st.sampled_from(tuple(soorten)))
    if geslaagd is False and condition is None:
        # afgewezen for sure: fail one condition the school type has
        reden = condition = draw(st.sampled_from(tuple(c for c, s in CONDITIONS.items() if ss in s)))
    jaar = draw(st.integers(*_EXAMENJAREN))
    passing = geslaagd is True or condition is not None or draw(st.booleans())
    lo = 70 if condition is not None else (55 if passing else 10)
    profiel = draw(st.sampled_from(tuple(_PROFIEL_CIJFER)))
    wiskunde = draw(st.sampled_from(("1024", "1025"))) if profiel in ("NG", "EM") else None
    if breaks == "BRON.PAKKET.OVERTOLLIG":
        profiel, wiskunde = "EM", "1024"  # a profile without wiskunde B, to add wiskunde D to
    keuze = draw(st.lists(st.sampled_from(_TL_POOL), min_size=2, max_size=2, unique=True))
    familie = draw(st.sampled_from(tuple(_FAMILIES)))
    subjects = template(ss, profiel=profiel, wiskunde=wiskunde, keuze=keuze, familie=familie)
    if ss in _HV:
        pws = Profielwerkstuk(cijfer=draw(st.integers((lo + 9) // 10, 10)))
    elif ss in (Schoolsoort.VMBO_GL, Schoolsoort.VMBO_TL):
        pws = Profielwerkstuk(beoordeling=draw(_GOED if lo >= 55 else _ALLE_BEOORDELINGEN))
    else:
        pws = None
    k = build(
        ss,
        jaar,
        subjects,
        _grader(draw, lo),
        pws=pws,
        leerwerktraject=ss is Schoolsoort.VMBO_BB and condition is None and draw(st.integers(0, 3)) == 0,
        elementcode=elementcode_voor(ss, profiel=profiel, familie=familie),
        onderwijsaanbieder=draw(_AANBIEDER),
    )
    if draw(st.booleans()):
        k = attrs.evolve(k, datum_uitslag=dt.date(jaar, draw(st.integers(6, 7)), draw(st.integers(1, 30))))
    if breaks is None and condition is None and draw(st.booleans()):
        # one herkansing in tijdvak 2 (allowed: at most one subject, art. 3.38 lid 1)
        v = draw(st.sampled_from([v for v in k.vakken if v.ce is not None]))
        k = _set(k, v.vakcode, ce2=_tenths(draw(st.integers(max(lo, 10), 100))))
    k = attrs.evolve(k, student=draw(st.none() | students_breaking(None)))
    if breaks in PERSOON_BREAKS:
        k = attrs.evolve(k, student=draw(students_breaking(breaks)))
    if condition is not None:
        k = fail_for(k, condition)
    k = draw(_break_record(k, breaks)) if breaks in _RECORD_RULES - {"BRON.EXAMEN.EINDCIJFER"} else k
    k = draw(_break_diploma(k, breaks)) if breaks in _DIPLOMA_RULES else k
    eind = draw(st.booleans()) and breaks not in ("BRON.EXAMEN.SE_CIJFER", "BRON.EXAMEN.CE_CIJFER")
    k = report(
        k,
        uitslag=draw(st.booleans()) or breaks is not None,
        eindcijfers=eind or breaks == "BRON.EXAMEN.EINDCIJFER",
    )
    if breaks == "BRON.EXAMEN.EINDCIJFER":
        i = draw(st.sampled_from([i for i, v in enumerate(k.vakken) if v.eindcijfer is not None]))
        wrong = draw(st.sampled_from(tuple(g for g in range(1, 11) if g != k.vakken[i].eindcijfer)))
        vakken = list(k.vakken)
        vakken[i] = attrs.evolve(vakken[i], eindcijfer=wrong)
        k = attrs.evolve(k, vakken=vakken)
    if breaks in CONDITIONS:
        k = attrs.evolve(k, uitslag=Uitslag.GESLAAGD)
    elif breaks == "BRON.EXAMEN.UITSLAG_AFGEWEZEN" or (reden is not None and k.uitslag is not None):
        k = attrs.evolve(k, uitslag=Uitslag.AFGEWEZEN)
    return _break_cum_laude(k) if breaks == "BRON.EXAMEN.CUM_LAUDE" else k


@st.composite
def _break_diploma(draw: st.DrawFn, k: Examenkandidaat, rule: str) -> Examenkandidaat:
    """Break a rule of `_DIPLOMA_RULES` (the cum laude one after the uitslag is reported)."""
    if rule == "BRON.EXAMEN.CERTIFICAAT":
        if draw(st.booleans()):
            return _set(k, _LO, certificaat=True)  # judged voldoende/goed: no eindcijfer, no certificaat
        v = draw(st.sampled_from([v for v in k.vakken if v.ce is not None]))
        four = Decimal("4.0")
        return _set(k, v.vakcode, se=four, ce=four, ce2=None, certificaat=True)  # eindcijfer 4
    if rule == "BRON.EXAMEN.PROGRAMMA":
        # a level that is not above the candidate's own (art. 3.37), or no school type at all
        v = draw(st.sampled_from(k.vakken))
        return _set(k, v.vakcode, programma=draw(st.sampled_from((k.schoolsoort.value, "mbo", "vmbo"))))
    return k  # BRON.EXAMEN.CUM_LAUDE: see _break_cum_laude


def _break_cum_laude(k: Examenkandidaat) -> Examenkandidaat:
    """Report the judicium cum laude the other way round from art. 3.47 / 3.48."""
    judged = cum_laude(k)
    if judged.toegekend is None:
        # place the unplaced subjects in the profieldeel (a valid examendeel) so that the law decides
        rollen = vakcodetabel().rollen(k.schoolsoort.value)
        vakken = [
            attrs.evolve(v, examendeel=Examendeel.PROFIEL)
            if v.examendeel is None
            and not v.extra
            and v.vakcode not in ("0071", "0322")
            and rollen.get(v.vakcode, (None, 0))[0] is Vaksoort.ALGEMEEN
            else v
            for v in k.vakken
        ]
        k = attrs.evolve(k, vakken=vakken)
        judged = cum_laude(k)
    return attrs.evolve(k, cum_laude=not judged.toegekend)


#: Record rules about what the exam holds, broken without drawing.
_PAKKET_BREAKS = frozenset({"BRON.PAKKET.OVERTOLLIG", "BRON.PAKKET.EXTRA_VERPLICHT", "BRON.EXAMEN.EXTRA_VAK"})


def _break_pakket(k: Examenkandidaat, rule: str) -> Examenkandidaat:
    graded = [v for v in k.vakken if v.ce is not None]
    if rule == "BRON.PAKKET.OVERTOLLIG":
        # wiskunde D without wiskunde B (art. 2.7 a 1°, 2.12 a 1°), graded like the candidate's other subjects
        model = graded[-1]
        return attrs.evolve(k, vakken=[*k.vakken, attrs.evolve(model, vakcode="1027", extra=False)])
    if rule == "BRON.PAKKET.EXTRA_VERPLICHT":
        # a subject of the profieldeel (havo/vwo: the template's second one, never a wiskunde; vmbo: nask I)
        # marked extra: the exam needs it (art. 3.33 lid 3 with art. 3.1-3.7)
        if k.schoolsoort in _HV:
            code = next(c for c in _PROFIELDEEL[k.schoolsoort][_profiel(k)][1:] if c not in _WISKUNDE)
        elif k.leerwerktraject:  # the leer-werktraject exam needs its profielvak (art. 3.5 lid 4)
            code = next(v.vakcode for v in k.vakken if v.vakcode in _FAMILIES)
        else:
            code = "0173"  # nask I, in the profieldeel of the techniek profiles (art. 2.16, 2.21, 2.25)
        return _set(k, code, extra=True)
    # BRON.EXAMEN.EXTRA_VAK
    return _set(k, _LO, extra=True)  # LO belongs to every exam (art. 3.33 lid 3)


@st.composite
def _break_record(draw: st.DrawFn, k: Examenkandidaat, rule: str) -> Examenkandidaat:
    graded = [v for v in k.vakken if v.ce is not None]
    if rule == "BRON.EXAMEN.VAKCODE":
        ss = k.schoolsoort.value
        bad = st.sampled_from(("9999", "0000", "123", "12a4", "", "0011", "1001", "1026", "1700"))
        code = draw(bad.filter(lambda c: vakcodetabel().get(c, ss) is None))
        v = draw(st.sampled_from(graded))
        return _set(k, v.vakcode, vakcode=code)
    if rule == "BRON.EXAMEN.SE_CIJFER":
        if draw(st.booleans()):
            v = draw(st.sampled_from(graded))
            return _set(
                k, v.vakcode, se=draw(st.sampled_from(("6.45", "10.5", "0.5", "11.0", "0.0")).map(Decimal))
            )
        v = next(v for v in k.vakken if v.ce is None and v.se is not None)
        return _set(k, v.vakcode, se=draw(st.sampled_from(("6.5", "7.1", "0", "11")).map(Decimal)))
    if rule == "BRON.EXAMEN.CE_CIJFER":
        v = draw(st.sampled_from(graded))
        field = draw(st.sampled_from(("ce", "ce2")))
        changes = {field: draw(st.sampled_from(("5.55", "10.1", "0.9", "0")).map(Decimal))}
        return _set(k, v.vakcode, **changes)
    if rule == "BRON.EXAMEN.BEOORDELING":
        if draw(st.booleans()):
            return _set(k, _LO, se=Decimal(draw(st.integers(1, 10))))
        return _set(k, _LO, beoordeling=None)
    if rule == "BRON.EXAMEN.HERKANSING":
        # herkansingen in two or more general subjects: art. 3.38 lid 1 allows one (the bb/kb cspe of
        # lid 2 comes on top, so profielvakken are left alone here)
        rollen = vakcodetabel().rollen(k.schoolsoort.value)
        algemeen = [
            v
            for v in graded
            if v.rol is None and rollen.get(v.vakcode, (None, 0))[0] is not Vaksoort.PROFIELVAK
        ]
        two = draw(st.lists(st.sampled_from(algemeen), min_size=2, max_size=3, unique_by=lambda v: v.vakcode))
        for v in two:
            k = _set(k, v.vakcode, ce2=_tenths(draw(st.integers(10, 100))))
        return k
    if rule in _PAKKET_BREAKS:
        return _break_pakket(k, rule)
    if rule == "BRON.EXAMEN.ONDERWIJSAANBIEDER":
        return attrs.evolve(
            k, onderwijsaanbieder=draw(st.none() | st.just("") | invalid_onderwijsaanbieders())
        )
    if rule == "BRON.EXAMEN.ELEMENTCODE":
        other = [c.elementcode for c in elementcodetabel().codes if c.schoolsoort != k.schoolsoort.value]
        bad = st.one_of(
            st.sampled_from((None, "", "12", "12345", "ABCD", "9999")), st.sampled_from(tuple(other))
        )
        return attrs.evolve(k, elementcode=draw(bad))
    if rule == "BRON.EXAMEN.EXAMENJAAR":
        if draw(st.booleans()):
            jaar = draw(st.sampled_from((_EXAMENJAREN[0] - 1, _EXAMENJAREN[1] + 1)))
            return attrs.evolve(k, examenjaar=jaar, datum_uitslag=None)
        jaar = k.examenjaar + draw(st.sampled_from((-1, 1)))
        return attrs.evolve(k, datum_uitslag=dt.date(jaar, 7, 1))
    raise ValueError(rule)  # pragma: no cover - guarded by check_breaks


def examenkandidaten(
    *,
    breaks: str | None = None,
    schoolsoort: Schoolsoort | None = None,
    geslaagd: bool | None = None,
    reden: str | None = None,
) -> st.SearchStrategy[Examenkandidaat]:
    """VO candidates with a complete exam, valid by construction.

    Args:
        breaks: A rule of `EXAMENKANDIDAAT_BREAKS` to break, or ``None``.
        schoolsoort: Only this school type (it must allow the chosen condition).
        geslaagd: ``True`` for candidates that pass, ``False`` for candidates
            that are afgewezen (for one condition), ``None`` for both.
        reden: A condition of `CONDITIONS`: candidates that are
            afgewezen for that condition alone.

    Raises:
        ValueError: for a rule this strategy cannot break, an unknown reden,
            a reden with ``geslaagd=True``, or a school type that cannot fail
            the condition asked for.
    """
    check_breaks(breaks, EXAMENKANDIDAAT_BREAKS, "examenkandidaten")
    if reden is not None:
        check_breaks(reden, CONDITIONS, "examenkandidaten(reden=...)")
        if geslaagd:
            raise ValueError("a candidate with a reden is afgewezen; do not ask for geslaagd=True as well")
        if breaks is not None:
            raise ValueError("give breaks= or reden=, not both")
    condition = breaks if breaks in CONDITIONS else reden
    if schoolsoort is not None and condition is not None and schoolsoort not in CONDITIONS[condition]:
        raise ValueError(f"a {schoolsoort.value} candidate cannot fail {condition}")
    return _kandidaat(breaks=breaks, schoolsoort=schoolsoort, geslaagd=geslaagd, reden=reden)


def exam_results() -> st.SearchStrategy[ExamResult]:
    """Subject results of a havo/vwo subject: SE and CE (one decimal) and the matching eindcijfer or none.

    Sometimes with the examendeel, the BRON indicators diplomavak and certificaat, and the herkomst.
    """

    def result(args: tuple[str, int, int, bool, dict[str, Any]]) -> ExamResult:
        code, se, ce, with_eind, reported = args
        r = ExamResult(code, se=_tenths(se), ce=_tenths(ce), **reported)
        return attrs.evolve(r, eindcijfer=eindcijfer(_tenths(se), _tenths(ce))) if with_eind else r

    # what a school reports besides the grades (BRON indicators and the examendeel), or nothing
    reported = st.fixed_dictionaries(
        {},
        optional={
            "examendeel": st.sampled_from(tuple(Examendeel)),
            "diplomavak": st.booleans(),
            "certificaat": st.booleans(),
            "herkomst": st.sampled_from(tuple(Herkomst)),
        },
    )
    return st.tuples(
        st.sampled_from(_HV_POOL), st.integers(10, 100), st.integers(10, 100), st.booleans(), reported
    ).map(result)


def profielwerkstukken() -> st.SearchStrategy[Profielwerkstuk]:
    """Profielwerkstukken: a grade 1-10 (havo/vwo) or a beoordeling (vmbo), sometimes with a titel."""
    titel = st.none() | st.text(
        "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZéë'-", min_size=1, max_size=40
    )
    return st.one_of(
        st.builds(Profielwerkstuk, cijfer=st.integers(1, 10), titel=titel),
        st.builds(Profielwerkstuk, beoordeling=_ALLE_BEOORDELINGEN, titel=titel),
    )
