"""Property tests: object -> JSON text -> object gives an equal object, for every MBO domain type."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.identity.student import BuitenlandsAdres, NederlandsAdres, Persoonsgegevens, Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
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
from duo_domain.serialize.json import _DOMAIN_CLASSES, dumps_mbo, loads_mbo, make_converter
from duo_domain.testing import buitenlandse_adressen, nederlandse_adressen, persoonsgegevens, students

# Any text, any date, any finite Decimal: the serializer must not lose or change anything,
# whether or not the value would pass the rules.
texts = st.text(max_size=12)
dates = st.dates()
decimals = st.decimals(allow_nan=False, allow_infinity=False)


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


perioden = st.builds(
    Periode,
    datum_begin=dates,
    opleidingscode=texts,
    leertraject=texts,
    indicatie_bekostigbaar=st.booleans(),
    niveau=_opt(texts),
    onderwijsaanbieder=_opt(texts),
    onderwijslocatie=_opt(texts),
    locatiecode_vsv=_opt(texts),
    leerroute=_opt(texts),
    leerroutefase=_opt(texts),
    datum_einde=_opt(dates),
)
extra = st.builds(ExtraOndersteuning, datum_begin=dates, datum_einde=_opt(dates))
enrolments = st.builds(
    Enrolment,
    inschrijvingvolgnummer=texts,
    instelling=texts,
    datum_inschrijving=dates,
    datum_uitschrijving_gepland=dates,
    perioden=st.lists(perioden, max_size=2),
    datum_uitschrijving_werkelijk=_opt(dates),
    reden_uitschrijving=_opt(texts),
    extra_ondersteuning=st.lists(extra, max_size=2),
)
bpvs = st.builds(
    BpvAgreement,
    inschrijvingvolgnummer=texts,
    volgnummer=texts,
    afsluitdatum=dates,
    datum_begin=dates,
    datum_einde_gepland=dates,
    datum_einde_werkelijk=_opt(dates),
    omvang=_opt(st.integers(-(10**12), 10**12)),
    leerbedrijf_id=_opt(texts),
    opleidingscode=_opt(texts),
    keuzedeel=_opt(texts),
)
exemptions = st.builds(
    Exemption, code=texts, omvang=_opt(st.sampled_from(VrijstellingOmvang)), grondslag=texts
)
_los = {
    "datum_resultaat": _opt(dates),
    "inschrijvingvolgnummer": _opt(texts),
    "onderwijsaanbieder": _opt(texts),
}
geos = st.builds(
    GeneriekExamenonderdeel,
    resultaatvolgnummer=texts,
    code=texts,
    eindcijfer=_opt(decimals),
    cijfer_ie=_opt(decimals),
    cijfer_ce=_opt(decimals),
    vrijstellingen=st.lists(exemptions, max_size=2),
    **_los,
)
keuzedelen = st.builds(
    KeuzedeelResultaat,
    resultaatvolgnummer=texts,
    code=texts,
    resultaat=st.sampled_from(KeuzedeelUitkomst),
    eindcijfer=_opt(decimals),
    certificaat=_opt(st.booleans()),
    **_los,
)
amvbs = st.builds(
    AmvbOnderdeel, resultaatvolgnummer=texts, code=texts, certificaat=_opt(st.booleans()), **_los
)
diplomas = st.builds(
    Diploma,
    resultaatvolgnummer=texts,
    opleidingscode=texts,
    datum_resultaat=dates,
    indicatie_bekostigbaar=st.booleans(),
    inschrijvingvolgnummer=texts,
    onderwijsaanbieder=_opt(texts),
    generieke_examenonderdelen=st.lists(geos, max_size=3),
    keuzedelen=st.lists(keuzedelen, max_size=2),
    amvb_onderdelen=st.lists(amvbs, max_size=1),
    niveau=_opt(st.integers(1, 4)),
    cohort_start=_opt(dates),
)
losse = st.builds(
    LosseResultaten,
    generieke_examenonderdelen=st.lists(geos, max_size=2),
    keuzedelen=st.lists(keuzedelen, max_size=2),
    amvb_onderdelen=st.lists(amvbs, max_size=1),
)
records = st.builds(
    MboStudentRecord,
    student=students(),
    inschrijvingen=st.lists(enrolments, max_size=2),
    bpv_overeenkomsten=st.lists(bpvs, max_size=2),
    diplomas=st.lists(diplomas, max_size=2),
    losse_resultaten=losse,
)

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    MboStudentRecord: records,
    Enrolment: enrolments,
    Periode: perioden,
    ExtraOndersteuning: extra,
    BpvAgreement: bpvs,
    Diploma: diplomas,
    LosseResultaten: losse,
    GeneriekExamenonderdeel: geos,
    Exemption: exemptions,
    KeuzedeelResultaat: keuzedelen,
    AmvbOnderdeel: amvbs,
    Student: students(),
    Persoonsgegevens: persoonsgegevens(),
    NederlandsAdres: nederlandse_adressen(),
    BuitenlandsAdres: buitenlandse_adressen(),
}

_CONV = make_converter()


def test_every_class_of_the_converter_has_a_strategy() -> None:
    assert set(STRATEGIES) == set(_DOMAIN_CLASSES)


def _same(a: Any, b: Any) -> bool:
    """Equal, and every Decimal with the same digits and exponent (6.50 is not 6.5)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Decimal):
        return bool(a.as_tuple() == b.as_tuple())
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if attrs.has(type(a)):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    return bool(a == b)


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda c: c.__name__)
def test_round_trip_per_class(cls: type) -> None:
    @settings(max_examples=40, deadline=None)
    @given(STRATEGIES[cls])
    def check(obj: Any) -> None:
        text = json.dumps(_CONV.unstructure(obj), ensure_ascii=False)
        back: object = _CONV.structure(json.loads(text, parse_float=Decimal), cls)
        assert back == obj
        assert _same(back, obj)

    check()


@settings(max_examples=40, deadline=None)
@given(st.lists(records, min_size=1, max_size=3))
def test_round_trip_of_documents(items: list[MboStudentRecord]) -> None:
    one = loads_mbo(dumps_mbo(items[0], indent=2))
    assert one == items[0]
    assert _same(one, items[0])
    many = loads_mbo(dumps_mbo(items))
    assert many == items


def test_decimal_digits_survive() -> None:
    geo = GeneriekExamenonderdeel("G", "3005", cijfer_ie=Decimal("6.50"), cijfer_ce=Decimal("1E+1"))
    back = _CONV.structure(
        json.loads(json.dumps(_CONV.unstructure(geo)), parse_float=Decimal), GeneriekExamenonderdeel
    )
    assert _same(back.cijfer_ie, Decimal("6.50"))
    assert _same(back.cijfer_ce, Decimal("1E+1"))
    assert not _same(Decimal("6.5"), Decimal("6.50"))  # the comparison itself can fail
    assert dt.date(2026, 7, 10).isoformat() in dumps_mbo(
        MboStudentRecord(
            Student(),
            diplomas=[
                Diploma(
                    "D",
                    "25655",
                    dt.date(2026, 7, 10),
                    indicatie_bekostigbaar=True,
                    inschrijvingvolgnummer="C3",
                )
            ],
        )
    )
