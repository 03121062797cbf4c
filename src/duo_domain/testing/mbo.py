"""Hypothesis strategies for the MBO domain: enrolments, BPV agreements, records and results.

Every strategy draws objects that are **valid by construction**: validating
them with [`duo_domain.validate`][duo_domain.validate] gives no finding at all (not even a
warning). Each one takes a knob ``breaks=RULE_ID`` that draws objects breaking
that one rule on purpose, and no other: the report then holds findings of
that rule only. `MBO_BREAKS` lists, per domain type, the rules its
strategy can break; any other id is refused with a `ValueError` that
lists them.

Examples:
    >>> from hypothesis import given, settings
    >>> from duo_domain.rules import validate
    >>> from duo_domain.testing import mbo_student_records
    >>> @settings(max_examples=20)
    ... @given(mbo_student_records())
    ... def test_clean(record):
    ...     assert len(validate(record)) == 0
    >>> test_clean()
    >>> @settings(max_examples=20)
    ... @given(mbo_student_records(breaks="ROD.BPV.OMVANG"))
    ... def test_broken(record):
    ...     assert validate(record).rule_ids == {"ROD.BPV.OMVANG"}
    >>> test_broken()

Needs the optional dependency ``hypothesis`` (``pip install duo-domain[testing]``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from duo_domain.identity import OnvolledigeDatum, Persoonsgegevens, Student
from duo_domain.mbo import pve
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.codes import BBL_LEERTRAJECTEN, LEERROUTEFASE, LEERTRAJECT, NIVEAU, REDEN_UITSCHRIJVING
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.examencodes import VRIJSTELLINGSCODES, GeneriekExamencode, Onderdeel, examencodetabel
from duo_domain.mbo.formats import FORMAT_RULES, FormaatRegel, fits, vrijstelling_veld
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import (
    AmvbOnderdeel,
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    KeuzedeelUitkomst,
    LosseResultaten,
    VrijstellingOmvang,
)
from duo_domain.testing._breaking import ALNUM, PERSOON_BREAKS, check_breaks, merge, students_breaking
from duo_domain.testing.identity import leerbedrijven, persoonsgegevens

__all__ = [
    "AMVB_ONDERDEEL_BREAKS",
    "BPV_BREAKS",
    "DIPLOMA_BREAKS",
    "ENROLMENT_BREAKS",
    "EXEMPTION_BREAKS",
    "GENERIEK_EXAMENONDERDEEL_BREAKS",
    "KEUZEDEEL_BREAKS",
    "LOSSE_RESULTATEN_BREAKS",
    "MBO_BREAKS",
    "MBO_STUDENT_RECORD_BREAKS",
    "PERIODE_BREAKS",
    "amvb_onderdelen",
    "bpv_agreements",
    "diplomas",
    "enrolments",
    "exemptions",
    "extra_ondersteuningen",
    "generieke_examenonderdelen",
    "keuzedeel_resultaten",
    "losse_resultaten",
    "mbo_student_records",
    "perioden",
]

_EARLIEST = dt.date(2015, 8, 1)
_LATEST = dt.date(2028, 7, 31)
_GEBOREN_UITERLIJK = _EARLIEST.year - 18
_LOCATIE_VANAF = dt.date(2019, 8, 1)
_DAY = dt.timedelta(days=1)

#: The ``ROD.FORMAAT.*`` rule of each id (each is broken by a value that does not fit its PvE field).
_FORMAAT: Mapping[str, FormaatRegel] = {r.rule_id: r for r in FORMAT_RULES}


def _formaat(cls: type) -> frozenset[str]:
    return frozenset(r.rule_id for r in FORMAT_RULES if r.applies_to is cls)


#: Rules a :class:`~duo_domain.mbo.enrolment.Periode` can be made to break.
PERIODE_BREAKS = _formaat(Periode) | {
    "ROD.PERIODE.OPLEIDINGSCODE",
    "ROD.PERIODE.LEERTRAJECT",
    "ROD.PERIODE.NIVEAU",
    "ROD.PERIODE.LEERROUTEFASE",
    "ROD.PERIODE.LOCATIECODE_VSV",
}
_ENROLMENT_OWN = _formaat(Enrolment) | frozenset(
    {
        "ROD.INSCHRIJVING.DATUMS",
        "ROD.INSCHRIJVING.PERIODE_VEREIST",
        "ROD.INSCHRIJVING.REDEN_UITSCHRIJVING",
        "ROD.INSCHRIJVING.REDEN_CODE",
        "ROD.INSCHRIJVING.ONDERWIJSLOCATIE",
        "ROD.PERIODE.BINNEN_INSCHRIJVING",
        "ROD.PERIODE.OVERLAP",
        "ROD.PERIODE.AANSLUITEND",
        "ROD.EXTRA_ONDERSTEUNING.DATUMS",
    }
)
#: Rules an :class:`~duo_domain.mbo.enrolment.Enrolment` can be made to break (its periods' too).
ENROLMENT_BREAKS = _ENROLMENT_OWN | PERIODE_BREAKS
#: Rules a :class:`~duo_domain.mbo.bpv.BpvAgreement` can be made to break.
BPV_BREAKS = _formaat(BpvAgreement) | {
    "ROD.BPV.LEERBEDRIJF",
    "ROD.BPV.OMVANG",
    "ROD.BPV.DATUMS",
    "ROD.BPV.CODES",
    "ROD.PLAUSIBEL.BPV_AFSLUITDATUM",
}
_RECORD_OWN = frozenset(
    {
        "ROD.INSCHRIJVING.VOLGNUMMER_UNIEK",
        "ROD.BPV.VOLGNUMMER_UNIEK",
        "ROD.BPV.INSCHRIJVING",
        "ROD.INSCHRIJVING.BBL_BPV",
        "ROD.INSCHRIJVING.BBL_LEERPLICHT",
    }
)
#: Rules broken after the record is drawn (by ``_break_plausibel``): dates that cannot all be true.
_PLAUSIBEL = frozenset(
    {
        "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING",
        "ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING",
        "PERSOON.PLAUSIBEL.GEBOORTEDATUM",
    }
)
#: Rules an :class:`~duo_domain.mbo.results.Exemption` can be made to break.
EXEMPTION_BREAKS = frozenset(
    {"ROD.RESULTAAT.VRIJSTELLING_OMVANG", "ROD.RESULTAAT.VRIJSTELLING_CODE", "ROD.FORMAAT.VRIJSTELLING.CODE"}
)
#: Rules a :class:`~duo_domain.mbo.results.GeneriekExamenonderdeel` can be made to break.
GENERIEK_EXAMENONDERDEEL_BREAKS = (
    EXEMPTION_BREAKS
    | _formaat(GeneriekExamenonderdeel)
    | {
        "ROD.RESULTAAT.CIJFER_BEREIK",
        "ROD.RESULTAAT.EINDCIJFER_BEREKENING",
        "ROD.RESULTAAT.GENERIEK_CODE",
    }
)
#: Rules a :class:`~duo_domain.mbo.results.KeuzedeelResultaat` can be made to break.
KEUZEDEEL_BREAKS = _formaat(KeuzedeelResultaat) | {"ROD.RESULTAAT.KEUZEDEEL"}
#: Rules an :class:`~duo_domain.mbo.results.AmvbOnderdeel` can be made to break.
AMVB_ONDERDEEL_BREAKS = _formaat(AmvbOnderdeel)
#: Rules :class:`~duo_domain.mbo.results.LosseResultaten` can be made to break.
LOSSE_RESULTATEN_BREAKS = merge(
    {"ROD.RESULTAAT.LOS_GEGEVENS", "ROD.FORMAAT.AMVB_ONDERDEEL.CERTIFICAAT"},
    GENERIEK_EXAMENONDERDEEL_BREAKS,
    KEUZEDEEL_BREAKS,
    AMVB_ONDERDEEL_BREAKS,
)
#: Rules a :class:`~duo_domain.mbo.results.Diploma` can be made to break.
DIPLOMA_BREAKS = merge(
    {
        "ROD.RESULTAAT.GENERIEK_CODE_NIVEAU",
        "ROD.RESULTAAT.GENERIEK_CODE_COHORT",
        "ROD.DIPLOMA.OPLEIDINGSCODE",
        "ROD.FORMAAT.DIPLOMA.CERTIFICAAT",
    },
    _formaat(Diploma),
    GENERIEK_EXAMENONDERDEEL_BREAKS,
    KEUZEDEEL_BREAKS,
    AMVB_ONDERDEEL_BREAKS,
)
_DIPLOMA_IN_RECORD = frozenset(
    {
        "ROD.DIPLOMA.INSCHRIJVING",
        "ROD.DIPLOMA.UITSCHRIJFDATUM",
        "ROD.RESULTAAT.GENERIEK_CODE_NIVEAU",
        "ROD.RESULTAAT.GENERIEK_CODE_COHORT",
    }
)
_RESULT_PARTS = GENERIEK_EXAMENONDERDEEL_BREAKS | KEUZEDEEL_BREAKS | AMVB_ONDERDEEL_BREAKS
#: Rules an :class:`~duo_domain.mbo.record.MboStudentRecord` can be made to break: its own, and those of
#: its student, enrolments, periods, BPV agreements, diplomas and loose results. Not
#: ``ROD.DIPLOMA.OPLEIDINGSCODE`` and the diploma's own format rules: a diploma with a malformed crebo code
#: or volgnummer has no enrolment for it either (use :func:`diplomas` for those rules); not the BPV's
#: inschrijvingvolgnummer format: a malformed one names no enrolment (use :func:`bpv_agreements`).
MBO_STUDENT_RECORD_BREAKS = merge(
    _RECORD_OWN,
    _PLAUSIBEL,
    _DIPLOMA_IN_RECORD,
    ENROLMENT_BREAKS,
    BPV_BREAKS - {"ROD.FORMAAT.BPV.INSCHRIJVINGVOLGNUMMER"},
    PERSOON_BREAKS,
    LOSSE_RESULTATEN_BREAKS,
)

#: Per domain type, the rule ids its strategy's ``breaks=`` accepts.
MBO_BREAKS: Mapping[type, frozenset[str]] = {
    Periode: PERIODE_BREAKS,
    Enrolment: ENROLMENT_BREAKS,
    ExtraOndersteuning: frozenset(),
    BpvAgreement: BPV_BREAKS,
    MboStudentRecord: MBO_STUDENT_RECORD_BREAKS,
    Exemption: EXEMPTION_BREAKS,
    GeneriekExamenonderdeel: GENERIEK_EXAMENONDERDEEL_BREAKS,
    KeuzedeelResultaat: KEUZEDEEL_BREAKS,
    AmvbOnderdeel: AMVB_ONDERDEEL_BREAKS,
    LosseResultaten: LOSSE_RESULTATEN_BREAKS,
    Diploma: DIPLOMA_BREAKS,
}

# --------------------------------------------------------------------------- small values

# half of them plain numbers: one draw instead of one per character
_VOLGNUMMER = st.one_of(st.integers(1, 10**9).map(str), st.text(ALNUM, min_size=1, max_size=20))
_RESULTAATVOLGNUMMER = st.integers(1, 99_999_999).map(str)


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.integers(0, 10**n - 1).map(lambda x: f"{x:0{n}d}")


def _coded(letter: str) -> st.SearchStrategy[str]:
    """RIO codes ``nnn<letter>nnn``, drawn cheaply (equal to the identity strategies' values)."""
    return st.tuples(_digits(3), _digits(3)).map(lambda t: f"{t[0]}{letter}{t[1]}")


# Built once and shared: building strategies inside every draw is the slow part of hypothesis.
_CREBO = _digits(5)
_OPT_CREBO = st.none() | _CREBO
_AANBIEDER = _coded("A")
_OPT_AANBIEDER = st.none() | _AANBIEDER
_LOCATIE = _coded("X")
_KEUZEDEEL = _digits(4).map(lambda d: "K" + d)
_OPT_KEUZEDEEL = st.none() | _KEUZEDEEL
_LEERBEDRIJF = leerbedrijven()
_BRIN = st.tuples(_digits(2), st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2)).map("".join)
_OPT_NIVEAU = st.none() | st.sampled_from(NIVEAU.codes())
_VSV = st.none() | st.text(ALNUM, min_size=12, max_size=12)
_FASE = st.none() | st.sampled_from(LEERROUTEFASE.codes())
_LEERROUTE = st.none() | st.text(ALNUM, min_size=1, max_size=3)
_OMVANG = st.none() | st.integers(1, 9999)
_AMVB_CODE = _digits(4).map(lambda d: "C" + d)
#: A crebo code of the right length (AN5) that is not digits: ROD.*.OPLEIDINGSCODE, not the format rule.
_BAD_CREBO = st.tuples(_digits(4), st.sampled_from("ABXZ")).map(lambda t: t[0] + t[1])
#: A keuzedeel code of the right length (AN5) that is not K and four digits.
_BAD_KEUZEDEEL = (
    st.tuples(st.sampled_from("ACXk0"), _digits(4))
    .map(lambda t: t[0] + t[1])
    .filter(lambda c: not c.startswith("k"))
)

#: Known good values of the fields with a pattern, to break when the drawn object has none.
_VOORBEELD: Mapping[str, str] = {
    "brin": "25LX",
    "onderwijsaanbieder": "100A501",
    "onderwijslocatie": "101X591",
    "leerbedrijf_id": "100018965",
}


def _misvormd(veld: pve.Veld, past: Callable[[str], bool], base: str | None) -> st.SearchStrategy[str]:
    """Values near ``base`` its PvE field refuses: too long or short, a tab, lower case, a sign."""
    lo, hi = veld.lengte_min or 1, veld.lengte_max
    base = base or _VOORBEELD.get(veld.attribuut) or "A" * lo
    kandidaten = [
        base + "0" * ((hi or len(base)) - len(base) + 1),
        base[:-1] + "\t",
        base.lower(),
        base[: lo - 1],
        "-" + base[1:],
    ]
    return st.sampled_from([k for k in dict.fromkeys(kandidaten) if k and not past(k)])


@st.composite
def _break_formaat(draw: st.DrawFn, obj: Any, rule: str) -> Any:
    """``obj`` with the field of the ``ROD.FORMAAT.*`` rule ``rule`` in a form its PvE field refuses."""
    regel = _FORMAAT[rule]
    value = draw(_misvormd(regel.pve_veld, regel.past, getattr(obj, regel.attribuut)))
    return attrs.evolve(obj, **{regel.attribuut: value})


def _dates(lo: dt.date, hi: dt.date) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=lo, max_value=max(lo, hi))


def _day(draw: st.DrawFn, lo: dt.date, hi: dt.date) -> dt.date:
    """A date from ``lo`` to ``hi`` (``lo`` when the range is empty); cheaper than ``st.dates``."""
    return lo + dt.timedelta(days=draw(st.integers(0, max(0, (hi - lo).days))))


def _opt_day(draw: st.DrawFn, lo: dt.date, hi: dt.date) -> dt.date | None:
    return _day(draw, lo, hi) if draw(st.booleans()) else None


def _leertrajecten(op: dt.date, *, bbl: bool | None) -> list[str]:
    codes = [v.code for v in LEERTRAJECT if v.geldig_op(op)]
    if bbl is False:
        codes = [c for c in codes if c not in BBL_LEERTRAJECTEN]
    return ["BBL"] if bbl else codes


# --------------------------------------------------------------------------- periods


@st.composite
def _periode(draw: st.DrawFn, begin: dt.date, *, bbl: bool | None = None) -> Periode:
    fase = _FASE if begin >= dt.date(2020, 8, 1) else st.none()
    return Periode(
        datum_begin=begin,
        opleidingscode=draw(_CREBO),
        leertraject=draw(st.sampled_from(tuple(_leertrajecten(begin, bbl=bbl)))),
        indicatie_bekostigbaar=draw(st.booleans()),
        niveau=draw(_OPT_NIVEAU),
        onderwijsaanbieder=draw(_OPT_AANBIEDER),
        onderwijslocatie=draw(_LOCATIE),
        locatiecode_vsv=draw(_VSV),
        leerroute=draw(_LEERROUTE),
        leerroutefase=draw(fase),
    )


@st.composite
def _break_periode(draw: st.DrawFn, p: Periode, rule: str) -> Periode:
    if rule in _FORMAAT:
        return draw(_break_formaat(p, rule))  # type: ignore[no-any-return]
    if rule == "ROD.PERIODE.OPLEIDINGSCODE":
        return attrs.evolve(p, opleidingscode=draw(_BAD_CREBO))
    if rule == "ROD.PERIODE.LEERTRAJECT":
        # an expired code outside the BBL leerweg: a BBL code would also need a BPV agreement
        expired = [
            v.code for v in LEERTRAJECT if not v.geldig_op(p.datum_begin) and v.code not in BBL_LEERTRAJECTEN
        ]
        # values that fit the field's format (AN2..6): a wrong format is ROD.FORMAAT.PERIODE.LEERTRAJECT's
        return attrs.evolve(p, leertraject=draw(st.sampled_from(("BOLX", "HBO", "VAVO", "XX", *expired))))
    if rule == "ROD.PERIODE.NIVEAU":
        return attrs.evolve(p, niveau=draw(st.sampled_from(("MBO-5", "MBO-0", "mbo-4", "HBO-1"))))
    if rule == "ROD.PERIODE.LEERROUTEFASE":
        early = list(LEERROUTEFASE.codes()) if p.datum_begin < dt.date(2020, 8, 1) else []
        return attrs.evolve(p, leerroutefase=draw(st.sampled_from(("HBO", "VMB", "XY", *early))))
    if rule == "ROD.PERIODE.LOCATIECODE_VSV":
        bad = st.text(ALNUM, min_size=11, max_size=11).map(lambda s: s[:5] + "-" + s[5:])
        return attrs.evolve(p, locatiecode_vsv=draw(bad))
    raise ValueError(rule)  # pragma: no cover - guarded by check_breaks


@st.composite
def _perioden(draw: st.DrawFn, breaks: str | None) -> Periode:
    begin = _day(draw, _EARLIEST, _LATEST)
    p = draw(_periode(begin))
    einde = _opt_day(draw, begin, begin + dt.timedelta(days=1500))
    p = attrs.evolve(p, datum_einde=einde)
    return draw(_break_periode(p, breaks)) if breaks is not None else p


def perioden(*, breaks: str | None = None) -> st.SearchStrategy[Periode]:
    """Enrolment periods with codes valid on their ``datum_begin``.

    Args:
        breaks: A rule of `PERIODE_BREAKS` to break, or ``None``.

    Raises:
        ValueError: for a rule this strategy cannot break.
    """
    check_breaks(breaks, PERIODE_BREAKS, "perioden")
    return _perioden(breaks)


def extra_ondersteuningen() -> st.SearchStrategy[ExtraOndersteuning]:
    """Periods of extra support, ending (if at all) on or after their begin."""
    return _dates(_EARLIEST, _LATEST).flatmap(
        lambda begin: st.builds(
            ExtraOndersteuning,
            datum_begin=st.just(begin),
            datum_einde=st.none() | _dates(begin, begin + dt.timedelta(days=700)),
        )
    )


# --------------------------------------------------------------------------- enrolments


@st.composite
def _enrolment(
    draw: st.DrawFn,
    breaks: str | None = None,
    *,
    volgnummer: str | None = None,
    bbl: bool | None = None,
    werkelijk: bool | None = None,
) -> Enrolment:
    """A valid enrolment, then broken for ``breaks``.

    ``bbl`` True gives a BBL first period, False no BBL period at all;
    ``werkelijk`` forces (or forbids) a werkelijke uitschrijfdatum.
    """
    if breaks in ("ROD.INSCHRIJVING.DATUMS", "ROD.INSCHRIJVING.REDEN_UITSCHRIJVING"):
        werkelijk = True if breaks == "ROD.INSCHRIJVING.DATUMS" else draw(st.booleans())
    if breaks in ("ROD.INSCHRIJVING.REDEN_CODE", "ROD.FORMAAT.INSCHRIJVING.REDEN_UITSCHRIJVING"):
        werkelijk = True
    if breaks == "ROD.PERIODE.AANSLUITEND":
        werkelijk = False
    lo = _EARLIEST + dt.timedelta(days=40)
    if breaks == "ROD.INSCHRIJVING.ONDERWIJSLOCATIE":
        lo = _LOCATIE_VANAF
    inschrijving = _day(draw, lo, _LATEST)
    n = draw(st.integers(1, 3))
    min_offset = 2 if breaks == "ROD.PERIODE.AANSLUITEND" else 1
    length = draw(st.integers(n - 1 + min_offset, 1500))
    gepland = inschrijving + dt.timedelta(days=length)
    offsets = draw(
        st.lists(st.integers(min_offset, length), min_size=n - 1, max_size=n - 1, unique=True).map(sorted)
    )
    begins = [inschrijving] + [inschrijving + dt.timedelta(days=o) for o in offsets]
    if werkelijk is None:
        werkelijk = draw(st.booleans())
    datum_werkelijk = _day(draw, begins[-1], gepland + dt.timedelta(days=200)) if werkelijk else None
    einde = datum_werkelijk or gepland
    explicit = draw(st.booleans())
    perioden_: list[Periode] = []
    for i, begin in enumerate(begins):
        p = draw(_periode(begin, bbl=(bbl if i == 0 else (False if bbl is False else None))))
        if explicit:
            p = attrs.evolve(p, datum_einde=begins[i + 1] - _DAY if i + 1 < n else einde)
        perioden_.append(p)
    extra: list[ExtraOndersteuning] = []
    for _ in range(draw(st.integers(0, 2))):
        begin = _day(draw, inschrijving, einde)
        extra.append(ExtraOndersteuning(begin, _opt_day(draw, begin, einde)))
    e = Enrolment(
        inschrijvingvolgnummer=volgnummer if volgnummer is not None else draw(_VOLGNUMMER),
        instelling=draw(_BRIN),
        datum_inschrijving=inschrijving,
        datum_uitschrijving_gepland=gepland,
        perioden=perioden_,
        datum_uitschrijving_werkelijk=datum_werkelijk,
        reden_uitschrijving=draw(st.sampled_from(REDEN_UITSCHRIJVING.codes())) if werkelijk else None,
        extra_ondersteuning=extra,
    )
    return draw(_break_enrolment(e, breaks)) if breaks is not None else e


@st.composite
def _break_enrolment(draw: st.DrawFn, e: Enrolment, rule: str) -> Enrolment:
    if rule in PERIODE_BREAKS:
        i = draw(st.integers(0, len(e.perioden) - 1))
        perioden_ = list(e.perioden)
        perioden_[i] = draw(_break_periode(perioden_[i], rule))
        return attrs.evolve(e, perioden=perioden_)
    if rule in _FORMAAT:
        return draw(_break_formaat(e, rule))  # type: ignore[no-any-return]
    if rule == "ROD.INSCHRIJVING.DATUMS":
        # the werkelijke datum keeps the enrolment's end; only the planned one is wrong
        days = draw(st.integers(1, 365))
        return attrs.evolve(e, datum_uitschrijving_gepland=e.datum_inschrijving - dt.timedelta(days=days))
    if rule == "ROD.INSCHRIJVING.PERIODE_VEREIST":
        return attrs.evolve(e, perioden=())
    if rule == "ROD.INSCHRIJVING.REDEN_UITSCHRIJVING":
        if e.datum_uitschrijving_werkelijk is not None:
            return attrs.evolve(e, reden_uitschrijving=None)
        return attrs.evolve(e, reden_uitschrijving=draw(st.sampled_from(REDEN_UITSCHRIJVING.codes())))
    if rule == "ROD.INSCHRIJVING.REDEN_CODE":
        return attrs.evolve(e, reden_uitschrijving=draw(st.sampled_from(("00", "09", "99", "XX", "A1"))))
    if rule == "ROD.INSCHRIJVING.ONDERWIJSLOCATIE":
        i = draw(st.integers(0, len(e.perioden) - 1))
        perioden_ = list(e.perioden)
        perioden_[i] = attrs.evolve(perioden_[i], onderwijslocatie=None)
        return attrs.evolve(e, perioden=perioden_)
    if rule == "ROD.PERIODE.BINNEN_INSCHRIJVING":
        begin = e.datum_inschrijving - dt.timedelta(days=draw(st.integers(1, 30)))
        first = draw(_periode(begin, bbl=e.perioden[0].leertraject in BBL_LEERTRAJECTEN))
        first = attrs.evolve(first, datum_einde=e.perioden[0].datum_einde)
        return attrs.evolve(e, perioden=(first, *e.perioden[1:]))
    if rule == "ROD.PERIODE.OVERLAP":
        i = draw(st.integers(0, len(e.perioden) - 1))
        return attrs.evolve(e, perioden=(*e.perioden, e.perioden[i]))
    if rule == "ROD.PERIODE.AANSLUITEND":
        nxt = e.perioden[1].datum_begin if len(e.perioden) > 1 else e.datum_einde + _DAY
        begin = _day(draw, e.datum_inschrijving + _DAY, nxt - _DAY)
        first = draw(_periode(begin, bbl=e.perioden[0].leertraject in BBL_LEERTRAJECTEN))
        first = attrs.evolve(first, datum_einde=e.perioden[0].datum_einde)
        return attrs.evolve(e, perioden=(first, *e.perioden[1:]))
    if rule == "ROD.EXTRA_ONDERSTEUNING.DATUMS":
        begin = _day(draw, e.datum_inschrijving, e.datum_einde)
        if draw(st.booleans()):
            bad = ExtraOndersteuning(begin, begin - dt.timedelta(days=draw(st.integers(1, 30))))
        else:
            bad = ExtraOndersteuning(e.datum_inschrijving - dt.timedelta(days=draw(st.integers(1, 30))))
        return attrs.evolve(e, extra_ondersteuning=(*e.extra_ondersteuning, bad))
    raise ValueError(rule)  # pragma: no cover - guarded by check_breaks


def enrolments(*, breaks: str | None = None) -> st.SearchStrategy[Enrolment]:
    """Enrolments with one to three consecutive periods, extra support and sometimes an uitschrijving.

    Args:
        breaks: A rule of `ENROLMENT_BREAKS` to break, or ``None``.

    Raises:
        ValueError: for a rule this strategy cannot break.

    Examples:
        >>> from hypothesis import given, settings
        >>> from duo_domain.rules import validate
        >>> @settings(max_examples=10)
        ... @given(enrolments(breaks="ROD.PERIODE.OVERLAP"))
        ... def test(enrolment):
        ...     assert validate(enrolment).rule_ids == {"ROD.PERIODE.OVERLAP"}
        >>> test()
    """
    check_breaks(breaks, ENROLMENT_BREAKS, "enrolments")
    return _enrolment(breaks)


# --------------------------------------------------------------------------- BPV


@st.composite
def _bpv(
    draw: st.DrawFn,
    breaks: str | None = None,
    *,
    inschrijvingvolgnummer: str | None = None,
    volgnummer: str | None = None,
    within: tuple[dt.date, dt.date] | None = None,
) -> BpvAgreement:
    lo, hi = within if within is not None else (_EARLIEST, _LATEST)
    begin = _day(draw, lo, hi)
    b = BpvAgreement(
        inschrijvingvolgnummer=inschrijvingvolgnummer
        if inschrijvingvolgnummer is not None
        else draw(_VOLGNUMMER),
        volgnummer=volgnummer if volgnummer is not None else draw(_VOLGNUMMER),
        afsluitdatum=begin - dt.timedelta(days=draw(st.integers(0, 60))),
        datum_begin=begin,
        datum_einde_gepland=_day(draw, begin, hi),
        datum_einde_werkelijk=_opt_day(draw, begin, hi),
        omvang=draw(_OMVANG),
        leerbedrijf_id=draw(_LEERBEDRIJF),
        opleidingscode=draw(_OPT_CREBO),
        keuzedeel=draw(_OPT_KEUZEDEEL),
    )
    return draw(_break_bpv(b, breaks)) if breaks is not None else b


@st.composite
def _break_bpv(draw: st.DrawFn, b: BpvAgreement, rule: str) -> BpvAgreement:
    if rule in _FORMAAT:
        return draw(_break_formaat(b, rule))  # type: ignore[no-any-return]
    if rule == "ROD.BPV.LEERBEDRIJF":
        return attrs.evolve(b, leerbedrijf_id=None)
    if rule == "ROD.BPV.OMVANG":
        return attrs.evolve(b, omvang=draw(st.one_of(st.integers(-100, 0), st.integers(10_000, 100_000))))
    if rule == "ROD.BPV.DATUMS":
        before = b.datum_begin - dt.timedelta(days=draw(st.integers(1, 60)))
        if draw(st.booleans()):
            return attrs.evolve(b, datum_einde_gepland=before, datum_einde_werkelijk=None)
        return attrs.evolve(b, datum_einde_werkelijk=before)
    if rule == "ROD.BPV.CODES":
        if draw(st.booleans()):
            return attrs.evolve(b, opleidingscode=draw(_BAD_CREBO))
        return attrs.evolve(b, keuzedeel=draw(_BAD_KEUZEDEEL))
    if rule == "ROD.PLAUSIBEL.BPV_AFSLUITDATUM":  # drawn up after the BPV ended
        einde = b.datum_einde_werkelijk or b.datum_einde_gepland
        return attrs.evolve(b, afsluitdatum=einde + dt.timedelta(days=draw(st.integers(1, 60))))
    raise ValueError(rule)  # pragma: no cover - guarded by check_breaks


def bpv_agreements(*, breaks: str | None = None) -> st.SearchStrategy[BpvAgreement]:
    """BPV agreements with an SBB leerbedrijf id, dates in order and an omvang of 1-9999 hours.

    Args:
        breaks: A rule of `BPV_BREAKS` to break, or ``None``.

    Raises:
        ValueError: for a rule this strategy cannot break.
    """
    check_breaks(breaks, BPV_BREAKS, "bpv_agreements")
    return _bpv(breaks)


# --------------------------------------------------------------------------- results

_BAD_DEELCIJFER = st.sampled_from(("0.9", "10.1", "6.45", "0", "11", "-1", "5.55")).map(Decimal)
_BAD_EINDCIJFER = st.sampled_from(("0", "11", "6.5", "-3", "7.25")).map(Decimal)


def _deelcijfers() -> st.SearchStrategy[Decimal]:
    return st.integers(10, 100).map(lambda tenths: Decimal(tenths).scaleb(-1))


def _eindcijfers() -> st.SearchStrategy[Decimal]:
    return st.integers(1, 10).map(Decimal)


@st.composite
def _exemption(draw: st.DrawFn, breaks: str | None = None) -> Exemption:
    omvang = draw(st.sampled_from(tuple(VrijstellingOmvang)))
    past = fits("GEO", vrijstelling_veld(omvang))  # KZDL fits the whole-part field only (PvE §15.5.9)
    e = Exemption(
        code=draw(st.sampled_from([c for c in VRIJSTELLINGSCODES.codes() if past(c)])), omvang=omvang
    )
    if breaks == "ROD.RESULTAAT.VRIJSTELLING_OMVANG":
        return attrs.evolve(e, omvang=None)
    if breaks == "ROD.RESULTAAT.VRIJSTELLING_CODE":
        # unknown codes that fit the GEO field of the omvang (a misfit is ROD.FORMAAT.VRIJSTELLING.CODE's)
        past = fits("GEO", vrijstelling_veld(e.omvang))
        return attrs.evolve(e, code=draw(st.sampled_from(("XYZ", "mbo", "KZD", "HAV")).filter(past)))
    if breaks == "ROD.FORMAAT.VRIJSTELLING.CODE":
        naam = vrijstelling_veld(e.omvang)
        return attrs.evolve(e, code=draw(_misvormd(pve.veld("RO", "GEO", naam), fits("GEO", naam), e.code)))
    return e


def exemptions(*, breaks: str | None = None) -> st.SearchStrategy[Exemption]:
    """Vrijstellingen with a known code that say what they cover.

    Args:
        breaks: A rule of `EXEMPTION_BREAKS` to break, or ``None``.

    Raises:
        ValueError: for a rule this strategy cannot break.
    """
    check_breaks(breaks, EXEMPTION_BREAKS, "exemptions")
    return _exemption(breaks)


@st.composite
def _loose_data(draw: st.DrawFn, datum: dt.date | None = None) -> dict[str, object]:
    return {
        "datum_resultaat": datum if datum is not None else _day(draw, _EARLIEST, _LATEST),
        "inschrijvingvolgnummer": draw(_VOLGNUMMER),
        "onderwijsaanbieder": draw(_OPT_AANBIEDER),
    }


@st.composite
def _geo(
    draw: st.DrawFn,
    breaks: str | None = None,
    *,
    codes: Sequence[str] | None = None,
    los: bool = False,
) -> GeneriekExamenonderdeel:
    extra: dict[str, object] = draw(_loose_data()) if los else {}
    datum = extra.get("datum_resultaat")
    if codes is None:
        codes = [r.code for r in examencodetabel() if not isinstance(datum, dt.date) or r.geldig_op(datum)]
    ie = draw(st.none() | _deelcijfers())
    ce = draw(st.none() | _deelcijfers())
    if breaks == "ROD.RESULTAAT.EINDCIJFER_BEREKENING" and (ie is None or ce is None):
        ie, ce = draw(_deelcijfers()), draw(_deelcijfers())
    geo = GeneriekExamenonderdeel(
        resultaatvolgnummer=draw(_RESULTAATVOLGNUMMER),
        code=draw(st.sampled_from(tuple(codes))),
        cijfer_ie=ie,
        cijfer_ce=ce,
        vrijstellingen=draw(st.lists(_exemption(), max_size=1)),
        **extra,  # type: ignore[arg-type]
    )
    computed = geo.berekende_eindwaardering()
    if computed is not None:
        geo = attrs.evolve(geo, eindcijfer=draw(st.sampled_from((None, computed))))
    if breaks is None:
        return geo
    if breaks == "ROD.RESULTAAT.CIJFER_BEREIK":
        which = draw(st.sampled_from(("cijfer_ie", "cijfer_ce", "eindcijfer")))
        bad = draw(_BAD_EINDCIJFER if which == "eindcijfer" else _BAD_DEELCIJFER)
        changes: dict[str, Any] = {"eindcijfer": None, which: bad}
        return attrs.evolve(geo, **changes)
    if breaks == "ROD.RESULTAAT.EINDCIJFER_BEREKENING":
        assert computed is not None
        wrong = draw(st.sampled_from(tuple(g for g in range(1, 11) if g != computed)))
        return attrs.evolve(geo, eindcijfer=Decimal(wrong))
    if breaks == "ROD.RESULTAAT.GENERIEK_CODE":
        return attrs.evolve(geo, code=draw(st.sampled_from(("3019", "3008", "9999", "30O5", "3030"))))
    if breaks in _FORMAAT:
        return draw(_break_formaat(geo, breaks))  # type: ignore[no-any-return]
    if breaks in EXEMPTION_BREAKS:
        return attrs.evolve(geo, vrijstellingen=(*geo.vrijstellingen, draw(_exemption(breaks))))
    raise ValueError(breaks)  # pragma: no cover - guarded by check_breaks


def generieke_examenonderdelen(
    *, breaks: str | None = None, los: bool = False
) -> st.SearchStrategy[GeneriekExamenonderdeel]:
    """Generic exam parts: a code of the codetabel, IE/CE grades and the art. 15 eindcijfer (or none).

    Args:
        breaks: A rule of `GENERIEK_EXAMENONDERDEEL_BREAKS` to break, or ``None``.
        los: Draw loose parts (with datum resultaat and enrolment), whose code
            is valid on their date.

    Raises:
        ValueError: for a rule this strategy cannot break.
    """
    check_breaks(breaks, GENERIEK_EXAMENONDERDEEL_BREAKS, "generieke_examenonderdelen")
    return _geo(breaks, los=los)


@st.composite
def _kzd(draw: st.DrawFn, breaks: str | None = None, *, los: bool = False) -> KeuzedeelResultaat:
    extra: dict[str, object] = draw(_loose_data()) if los else {}
    if los:
        extra["certificaat"] = draw(st.none() | st.booleans())
    k = KeuzedeelResultaat(
        resultaatvolgnummer=draw(_RESULTAATVOLGNUMMER),
        code=draw(_KEUZEDEEL),
        resultaat=draw(st.sampled_from(tuple(KeuzedeelUitkomst))),
        eindcijfer=draw(st.none() | _eindcijfers()),
        **extra,  # type: ignore[arg-type]
    )
    if breaks == "ROD.RESULTAAT.KEUZEDEEL":
        if draw(st.booleans()):
            return attrs.evolve(k, code=draw(_BAD_KEUZEDEEL))
        return attrs.evolve(k, eindcijfer=draw(_BAD_EINDCIJFER))
    if breaks is not None and breaks in _FORMAAT:
        return draw(_break_formaat(k, breaks))  # type: ignore[no-any-return]
    return k


def keuzedeel_resultaten(
    *, breaks: str | None = None, los: bool = False
) -> st.SearchStrategy[KeuzedeelResultaat]:
    """Keuzedeel results with a keuzedeel code and, sometimes, a whole eindcijfer.

    Args:
        breaks: A rule of `KEUZEDEEL_BREAKS` to break, or ``None``.
        los: Draw loose results (with datum resultaat and enrolment).

    Raises:
        ValueError: for a rule this strategy cannot break.
    """
    check_breaks(breaks, KEUZEDEEL_BREAKS, "keuzedeel_resultaten")
    return _kzd(breaks, los=los)


@st.composite
def _amo(draw: st.DrawFn, breaks: str | None = None, *, los: bool = False) -> AmvbOnderdeel:
    extra: dict[str, object] = draw(_loose_data()) if los else {}
    if los:
        extra["certificaat"] = True
    a = AmvbOnderdeel(
        resultaatvolgnummer=draw(_RESULTAATVOLGNUMMER),
        code=draw(_AMVB_CODE),
        **extra,  # type: ignore[arg-type]
    )
    return draw(_break_formaat(a, breaks)) if breaks is not None else a


def amvb_onderdelen(*, breaks: str | None = None, los: bool = False) -> st.SearchStrategy[AmvbOnderdeel]:
    """AMvB-onderdelen: a resultaatvolgnummer and a code of five characters.

    Args:
        breaks: A rule of `AMVB_ONDERDEEL_BREAKS` to break (the PvE formats of its fields), or ``None``.
        los: Draw loose onderdelen (with datum resultaat, enrolment and certificaat).

    Raises:
        ValueError: for a rule this strategy cannot break.
    """
    check_breaks(breaks, AMVB_ONDERDEEL_BREAKS, "amvb_onderdelen")
    return _amo(breaks, los=los)


@st.composite
def _losse(draw: st.DrawFn, breaks: str | None) -> LosseResultaten:
    geo_break = breaks if breaks in GENERIEK_EXAMENONDERDEEL_BREAKS else None
    kzd_break = breaks if breaks in KEUZEDEEL_BREAKS else None
    amo_break = breaks if breaks in AMVB_ONDERDEEL_BREAKS else None
    certificaat = breaks == "ROD.FORMAAT.AMVB_ONDERDEEL.CERTIFICAAT"
    geos = draw(st.lists(_geo(los=True), min_size=1 if geo_break else 0, max_size=3))
    kzds = draw(st.lists(_kzd(los=True), min_size=1 if kzd_break else 0, max_size=3))
    amos = draw(st.lists(_amo(los=True), min_size=1 if (amo_break or certificaat) else 0, max_size=2))
    if geo_break:
        geos[0] = draw(_geo(geo_break, los=True))
    if kzd_break:
        kzds[0] = draw(_kzd(kzd_break, los=True))
    if amo_break:
        amos[0] = draw(_amo(amo_break, los=True))
    if certificaat:  # PvE §15.5.8: a loose AMvB-onderdeel always has certificaat J
        amos[0] = attrs.evolve(amos[0], certificaat=draw(st.sampled_from((None, False))))
    result = LosseResultaten(generieke_examenonderdelen=geos, keuzedelen=kzds, amvb_onderdelen=amos)
    if breaks == "ROD.RESULTAAT.LOS_GEGEVENS":
        group = draw(st.sampled_from(("generieke_examenonderdelen", "keuzedelen", "amvb_onderdelen")))
        field = "datum_resultaat"  # the inschrijvingvolgnummer of a loose result is optional (PvE §15.5.8-10)
        item: GeneriekExamenonderdeel | KeuzedeelResultaat | AmvbOnderdeel
        if group == "generieke_examenonderdelen":
            item = draw(_geo(los=True))
        elif group == "keuzedelen":
            item = draw(_kzd(los=True))
        else:
            item = draw(_amo(los=True))
        missing: dict[str, Any] = {field: None}
        item = attrs.evolve(item, **missing)
        result = attrs.evolve(result, **{group: (*getattr(result, group), item)})
    return result


def losse_resultaten(*, breaks: str | None = None) -> st.SearchStrategy[LosseResultaten]:
    """Results obtained without a diploma, each with its datum resultaat and enrolment.

    Args:
        breaks: A rule of `LOSSE_RESULTATEN_BREAKS` to break, or ``None``.

    Raises:
        ValueError: for a rule this strategy cannot break.
    """
    check_breaks(breaks, LOSSE_RESULTATEN_BREAKS, "losse_resultaten")
    return _losse(breaks)


_COHORT_GRENS = dt.date(2022, 8, 1)
_OUDE_REKENCODES_TOT = dt.date(2027, 7, 31)


def _fits(row: GeneriekExamencode, datum: dt.date, niveau: int | None, cohort: dt.date | None) -> bool:
    return (
        row.geldig_op(datum)
        and (niveau is None or row.past_bij_niveau(niveau))
        and (cohort is None or row.past_bij_cohort(cohort))
    )


@st.composite
def _diploma_amos(draw: st.DrawFn, breaks: str | None, kzds: list[KeuzedeelResultaat]) -> list[AmvbOnderdeel]:
    """A diploma's AMvB-onderdelen; for the certificaat rule one more (or a keuzedeel in ``kzds``)."""
    amos = draw(st.lists(_amo(), max_size=2))
    if breaks in AMVB_ONDERDEEL_BREAKS:
        amos.append(draw(_amo(breaks)))
    if breaks == "ROD.FORMAAT.DIPLOMA.CERTIFICAAT":  # PvE §15.5.8, §15.5.10: only loose ones have one
        if draw(st.booleans()):
            amos.append(attrs.evolve(draw(_amo()), certificaat=draw(st.booleans())))
        else:
            kzds.append(attrs.evolve(draw(_kzd()), certificaat=draw(st.booleans())))
    return amos


@st.composite
def _diploma(
    draw: st.DrawFn,
    breaks: str | None = None,
    *,
    inschrijvingvolgnummer: str | None = None,
    opleidingscode: str | None = None,
    onderwijsaanbieder: str | None = None,
    datum_resultaat: dt.date | None = None,
) -> Diploma:
    datum = datum_resultaat or _day(draw, _EARLIEST, _LATEST)
    niveau = draw(st.none() | st.integers(1, 4))
    if breaks == "ROD.RESULTAAT.GENERIEK_CODE_NIVEAU":
        niveau = draw(st.integers(1, 3))
    cohort = _opt_day(draw, datum - dt.timedelta(days=6 * 365), datum)
    cohort_rule = breaks == "ROD.RESULTAAT.GENERIEK_CODE_COHORT"
    if cohort_rule and _COHORT_GRENS <= datum <= _OUDE_REKENCODES_TOT:
        cohort = _day(draw, _COHORT_GRENS, datum)
    tabel = examencodetabel()
    geos: list[GeneriekExamenonderdeel] = []
    for onderdeel in Onderdeel:
        codes = [r.code for r in tabel.voor(onderdeel) if _fits(r, datum, niveau, cohort)]
        if not codes:
            continue
        if draw(st.booleans()):
            geos.append(draw(_geo(codes=codes)))
    geo_break = breaks if breaks in GENERIEK_EXAMENONDERDEEL_BREAKS else None
    if geo_break is not None:
        fitting = [r.code for r in tabel if _fits(r, datum, niveau, cohort)]
        geos.append(draw(_geo(geo_break, codes=fitting)))
    if breaks == "ROD.RESULTAAT.GENERIEK_CODE_NIVEAU":
        engels = [r.code for r in tabel.voor(Onderdeel.ENGELS) if _fits(r, datum, None, cohort)]
        geos.append(attrs.evolve(draw(_geo(codes=engels)), vrijstellingen=()))
    if cohort_rule:
        rekenen = tabel.voor(Onderdeel.REKENEN)
        if datum > _OUDE_REKENCODES_TOT or (cohort is not None and cohort >= _COHORT_GRENS):
            wrong_rows = [r for r in rekenen if r.cohort_start_voor is not None]  # the old codes
        else:
            wrong_rows = [r for r in rekenen if r.geldig_van is not None and datum < r.geldig_van]
        wrong = [r.code for r in wrong_rows if niveau is None or r.past_bij_niveau(niveau)]
        geos.append(attrs.evolve(draw(_geo(codes=wrong)), vrijstellingen=()))
    kzd_break = breaks if breaks in KEUZEDEEL_BREAKS else None
    kzds = draw(st.lists(_kzd(), max_size=3))
    if kzd_break is not None:
        kzds.append(draw(_kzd(kzd_break)))
    amos = draw(_diploma_amos(breaks, kzds))
    d = Diploma(
        resultaatvolgnummer=draw(_RESULTAATVOLGNUMMER),
        opleidingscode=opleidingscode if opleidingscode is not None else draw(_CREBO),
        datum_resultaat=datum,
        indicatie_bekostigbaar=draw(st.booleans()),
        inschrijvingvolgnummer=inschrijvingvolgnummer
        if inschrijvingvolgnummer is not None
        else draw(_VOLGNUMMER),
        onderwijsaanbieder=onderwijsaanbieder if inschrijvingvolgnummer is not None else draw(_OPT_AANBIEDER),
        generieke_examenonderdelen=geos,
        keuzedelen=kzds,
        amvb_onderdelen=amos,
        niveau=niveau,
        cohort_start=cohort,
    )
    if breaks == "ROD.DIPLOMA.OPLEIDINGSCODE":
        return attrs.evolve(d, opleidingscode=draw(_BAD_CREBO))
    if breaks is not None and breaks in _FORMAAT and _FORMAAT[breaks].applies_to is Diploma:
        return draw(_break_formaat(d, breaks))  # type: ignore[no-any-return]
    return d


def diplomas(*, breaks: str | None = None) -> st.SearchStrategy[Diploma]:
    """MBO diplomas whose generic parts have codes that fit the date, niveau and cohort.

    Args:
        breaks: A rule of `DIPLOMA_BREAKS` to break, or ``None``.

    Raises:
        ValueError: for a rule this strategy cannot break.
    """
    check_breaks(breaks, DIPLOMA_BREAKS, "diplomas")
    return _diploma(breaks)


@st.composite
def _linked_diploma(draw: st.DrawFn, e: Enrolment, breaks: str | None = None) -> Diploma:
    """A diploma obtained in enrolment ``e``: one of its opleidingen, dated on its uitschrijving."""
    periode = draw(st.sampled_from(e.perioden))
    datum = e.datum_uitschrijving_werkelijk or _day(draw, e.datum_inschrijving, e.datum_einde)
    if breaks == "ROD.DIPLOMA.UITSCHRIJFDATUM":  # leaving with the diploma of the last period
        periode = e.gesorteerde_perioden()[-1][1]
        datum += dt.timedelta(days=draw(st.sampled_from((-1, 1, 14))))
    d = draw(
        _diploma(
            breaks if breaks in DIPLOMA_BREAKS else None,
            inschrijvingvolgnummer=e.inschrijvingvolgnummer,
            opleidingscode=periode.opleidingscode,
            onderwijsaanbieder=periode.onderwijsaanbieder,
            datum_resultaat=datum,
        )
    )
    if breaks == "ROD.DIPLOMA.INSCHRIJVING":
        taken = {p.opleidingscode for p in e.perioden}
        d = attrs.evolve(d, opleidingscode=draw(_CREBO.filter(lambda c: c not in taken)))
    return d


# --------------------------------------------------------------------------- the record


@st.composite
def _record(draw: st.DrawFn, breaks: str | None) -> MboStudentRecord:
    student = draw(students_breaking(breaks if breaks in PERSOON_BREAKS else None))
    gegevens = student.persoonsgegevens
    if (
        gegevens is not None
        and gegevens.geboortedatum is not None
        and gegevens.geboortedatum.jaar > _GEBOREN_UITERLIJK
    ):
        # old enough for the BBL (WEB art. 8.1.1 lid 3) in every drawn enrolment
        # (29 February moves to the 28th: the year it moves to is not a leap year)
        dag = gegevens.geboortedatum.dag
        if gegevens.geboortedatum.maand == 2 and dag == 29 and not calendar.isleap(_GEBOREN_UITERLIJK):
            dag = 28
        geboren = attrs.evolve(gegevens.geboortedatum, jaar=_GEBOREN_UITERLIJK, dag=dag)
        student = attrs.evolve(student, persoonsgegevens=attrs.evolve(gegevens, geboortedatum=geboren))
    target = draw(st.sampled_from(("diploma", "los"))) if breaks in _RESULT_PARTS else None
    diploma_break = breaks in _DIPLOMA_IN_RECORD or target == "diploma"
    needs_enrolment = breaks is not None and breaks not in PERSOON_BREAKS
    n = draw(st.integers(1 if needs_enrolment else 0, 2))
    volgnummers = draw(st.lists(_VOLGNUMMER, min_size=n, max_size=n, unique=True))
    broken = draw(st.integers(0, n - 1)) if needs_enrolment else -1
    enrolment_break = breaks if breaks in ENROLMENT_BREAKS else None
    inschrijvingen: list[Enrolment] = []
    bpvs: list[BpvAgreement] = []
    diplomas_: list[Diploma] = []
    for i, nummer in enumerate(volgnummers):
        if i == broken and enrolment_break is not None:
            # a broken enrolment has no BPV or diploma: its volgnummer or dates could not carry them cleanly
            inschrijvingen.append(draw(_enrolment(enrolment_break, volgnummer=nummer, bbl=False)))
            continue
        bbl_zonder_bpv = i == broken and breaks == "ROD.INSCHRIJVING.BBL_BPV"
        werkelijk = True if (i == broken and breaks == "ROD.DIPLOMA.UITSCHRIJFDATUM") else None
        e = draw(_enrolment(volgnummer=nummer, bbl=True if bbl_zonder_bpv else None, werkelijk=werkelijk))
        inschrijvingen.append(e)
        if i == broken and diploma_break:
            if breaks == "ROD.DIPLOMA.INSCHRIJVING":  # a differing crebo is an afkeur only with a hierarchy
                other = draw(_VOLGNUMMER.filter(lambda v: v not in volgnummers))
                diplomas_.append(attrs.evolve(draw(_linked_diploma(e)), inschrijvingvolgnummer=other))
            else:
                diplomas_.append(draw(_linked_diploma(e, breaks)))
        elif draw(st.integers(0, 3)) == 0:
            diplomas_.append(draw(_linked_diploma(e)))
        if bbl_zonder_bpv:
            continue
        need_bpv = bool(e.leertrajecten() & BBL_LEERTRAJECTEN) or (
            i == broken and breaks in BPV_BREAKS | {"ROD.BPV.VOLGNUMMER_UNIEK"}
        )
        k = draw(st.integers(1 if need_bpv else 0, 2))
        bpv_nummers = draw(st.lists(_VOLGNUMMER, min_size=k, max_size=k, unique=True))
        for j, bpv_nummer in enumerate(bpv_nummers):
            rule = breaks if (i == broken and j == 0 and breaks in BPV_BREAKS) else None
            within = (e.datum_inschrijving, e.datum_einde)
            bpvs.append(draw(_bpv(rule, inschrijvingvolgnummer=nummer, volgnummer=bpv_nummer, within=within)))
    if breaks == "ROD.INSCHRIJVING.VOLGNUMMER_UNIEK":
        inschrijvingen.append(inschrijvingen[broken])
    elif breaks == "ROD.BPV.VOLGNUMMER_UNIEK":
        mine = [b for b in bpvs if b.inschrijvingvolgnummer == volgnummers[broken]]
        bpvs.append(draw(st.sampled_from(mine)))
    elif breaks == "ROD.BPV.INSCHRIJVING":
        e = inschrijvingen[broken]
        if draw(st.booleans()):
            unknown = draw(_VOLGNUMMER.filter(lambda v: v not in volgnummers))
            bpvs.append(draw(_bpv(inschrijvingvolgnummer=unknown)))
        else:
            taken = {b.volgnummer for b in bpvs if b.inschrijvingvolgnummer == e.inschrijvingvolgnummer}
            bad = draw(
                _bpv(
                    inschrijvingvolgnummer=e.inschrijvingvolgnummer,
                    volgnummer=draw(_VOLGNUMMER.filter(lambda v: v not in taken)),
                    within=(e.datum_inschrijving, e.datum_einde),
                )
            )
            early = e.datum_inschrijving - dt.timedelta(days=draw(st.integers(1, 30)))
            bpvs.append(attrs.evolve(bad, datum_begin=early))
    los_own = ("ROD.RESULTAAT.LOS_GEGEVENS", "ROD.FORMAAT.AMVB_ONDERDEEL.CERTIFICAAT")
    los_break = breaks if (breaks in los_own or target == "los") else None
    losse = draw(_losse(los_break)) if los_break or draw(st.booleans()) else LosseResultaten()
    record = MboStudentRecord(
        student=student,
        inschrijvingen=inschrijvingen,
        bpv_overeenkomsten=bpvs,
        diplomas=diplomas_,
        losse_resultaten=losse,
    )
    return draw(_break_plausibel(record, breaks)) if breaks in _PLAUSIBEL else record


def _born(record: MboStudentRecord, datum: OnvolledigeDatum, gegevens: Persoonsgegevens) -> MboStudentRecord:
    """``record`` with the student born on ``datum`` (personal data ``gegevens`` if it had none)."""
    data = attrs.evolve(record.student.persoonsgegevens or gegevens, geboortedatum=datum)
    return attrs.evolve(record, student=attrs.evolve(record.student, persoonsgegevens=data))


@st.composite
def _break_plausibel(draw: st.DrawFn, record: MboStudentRecord, rule: str | None) -> MboStudentRecord:
    """Break one plausibility rule in a drawn record: a birth date or a diploma date that cannot be true."""
    if rule == "PERSOON.PLAUSIBEL.GEBOORTEDATUM":  # a typing error in the year: 1800 for 2008, 2090 for 2009
        jaar = draw(st.one_of(st.integers(1000, 1899), st.integers(2076, 9999)))
        return _born(record, OnvolledigeDatum(jaar, 1, 1), draw(persoonsgegevens()))
    if rule == "ROD.PLAUSIBEL.GEBOORTEDATUM_NA_INSCHRIJVING":  # born after every enrolment began
        last = max(e.datum_inschrijving for e in record.inschrijvingen)
        geboren = OnvolledigeDatum.from_date(last + dt.timedelta(days=draw(st.integers(1, 400))))
        return _born(record, geboren, draw(persoonsgegevens()))
    # ROD.PLAUSIBEL.DIPLOMA_VOOR_INSCHRIJVING: a new first enrolment (no BBL, still running, so that
    # ROD.DIPLOMA.UITSCHRIJFDATUM does not judge it), with a diploma dated before its first day
    old = record.inschrijvingen[0]
    e = draw(_enrolment(volgnummer=old.inschrijvingvolgnummer, bbl=False, werkelijk=False))
    periode = e.perioden[0]
    diploma = draw(
        _diploma(
            inschrijvingvolgnummer=e.inschrijvingvolgnummer,
            opleidingscode=periode.opleidingscode,
            onderwijsaanbieder=periode.onderwijsaanbieder,
            datum_resultaat=e.datum_inschrijving - dt.timedelta(days=draw(st.integers(1, 40))),
        )
    )
    mine = old.inschrijvingvolgnummer
    return attrs.evolve(
        record,
        inschrijvingen=[e, *record.inschrijvingen[1:]],
        bpv_overeenkomsten=[b for b in record.bpv_overeenkomsten if b.inschrijvingvolgnummer != mine],
        diplomas=[*(d for d in record.diplomas if d.inschrijvingvolgnummer != mine), diploma],
    )


@st.composite
def _record_bbl_in_leerplicht(draw: st.DrawFn) -> MboStudentRecord:
    """A BBL enrolment (with its BPV) of a student who turns 16 on or after its first period begins.

    WEB art. 8.1.1 lid 3, Leerplichtwet 1969 art. 3 lid 1: the volledige leerplicht can last until the
    end of the school year in which the student turns 16, so the BBL period begins too early.
    """
    nummer = draw(_VOLGNUMMER)
    e = draw(_enrolment(volgnummer=nummer, bbl=True))
    begin = e.gesorteerde_perioden()[0][1].datum_begin
    zestien = begin + dt.timedelta(days=draw(st.integers(0, 364)))
    dag = 28 if (zestien.month, zestien.day) == (2, 29) else zestien.day
    geboren = OnvolledigeDatum(zestien.year - 16, zestien.month, dag)
    gegevens = attrs.evolve(draw(persoonsgegevens()), geboortedatum=geboren)
    bpv = draw(_bpv(inschrijvingvolgnummer=nummer, within=(e.datum_inschrijving, e.datum_einde)))
    return MboStudentRecord(
        student=Student(persoonsgegevens=gegevens), inschrijvingen=[e], bpv_overeenkomsten=[bpv]
    )


def mbo_student_records(*, breaks: str | None = None) -> st.SearchStrategy[MboStudentRecord]:
    """Student records: up to two enrolments, BPV agreements (always for BBL), diplomas and loose results.

    Args:
        breaks: A rule of `MBO_STUDENT_RECORD_BREAKS` to break (a rule of
            the record, of the student, an enrolment, a period, a BPV
            agreement, a diploma or a loose result), or ``None``.

    Raises:
        ValueError: for a rule this strategy cannot break.
    """
    check_breaks(breaks, MBO_STUDENT_RECORD_BREAKS, "mbo_student_records")
    if breaks == "ROD.INSCHRIJVING.BBL_LEERPLICHT":
        return _record_bbl_in_leerplicht()
    return _record(breaks)
