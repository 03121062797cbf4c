"""object -> XML -> object gives an equal object, for every domain type, and every message validates."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.identity.student import (
    BuitenlandsAdres,
    NederlandsAdres,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
)
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
from duo_domain.serialize.xml import (
    Bedrijfsdocument,
    Bericht,
    dumps,
    dumps_message,
    loads,
    loads_message,
    read_message,
    read_stream,
    write_stream,
)
from duo_domain.serialize.xml._mapping import BERICHTEN, ELEMENTEN, MAPPINGS
from duo_domain.serialize.xml._schemas import schema
from duo_domain.testing import identity as ids
from duo_domain.vo.model import (
    Beoordeling,
    Examendeel,
    Examenkandidaat,
    ExamResult,
    Profielwerkstuk,
    Rol,
    Schoolsoort,
    Uitslag,
)

EXAMPLES = settings(max_examples=40, deadline=None)

_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
volgnummers = st.text(_ALNUM, min_size=1, max_size=20)
codes = st.text(_ALNUM + "._-/", min_size=1, max_size=12)
dates = st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)
names = st.text("abcdefghijklmnopqrstuvwxyz -'éëï", min_size=1, max_size=40)
decimals = st.decimals(Decimal("1.0"), Decimal("10.0"), places=1, allow_nan=False, allow_infinity=False)
wholes = st.integers(1, 10).map(Decimal)


def _opt(s: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | s


nederlandse_adressen = st.builds(
    NederlandsAdres,
    postcode=_opt(ids.postcodes()),
    huisnummer=_opt(st.integers(0, 99999)),
    huisletter=_opt(st.sampled_from("abcXYZ")),
    huisnummertoevoeging=_opt(st.text(_ALNUM, min_size=1, max_size=5)),
    huisnummeraanduiding=_opt(st.sampled_from(["by", "to"])),
    straatnaam=_opt(names),
    plaatsnaam=_opt(names.map(str.upper)),
)
buitenlandse_adressen = st.builds(
    BuitenlandsAdres,
    adresregel1=_opt(names.map(lambda t: t[:35])),
    adresregel2=_opt(names.map(lambda t: t[:35])),
    adresregel3=_opt(names.map(lambda t: t[:35])),
    landcode=_opt(st.text("0123456789", min_size=4, max_size=4)),
)
onvolledige_datums = st.one_of(
    dates.map(OnvolledigeDatum.from_date),
    st.integers(1950, 2030).map(OnvolledigeDatum),
    st.tuples(st.integers(1950, 2030), st.integers(1, 12)).map(lambda t: OnvolledigeDatum(*t)),
)
persoonsgegevens = st.builds(
    Persoonsgegevens,
    geslachtsnaam=_opt(names),
    voorvoegsels=_opt(st.sampled_from(["van", "van der", "de", "ten"])),
    voornamen=_opt(names),
    geboortedatum=_opt(onvolledige_datums),
    geslacht=_opt(st.sampled_from(["M", "V", "O", "X"])),
    adres=_opt(nederlandse_adressen | buitenlandse_adressen),
)
studenten = st.one_of(
    st.builds(Student, bsn=ids.bsns(), studentnummer=_opt(names)),
    st.builds(Student, onderwijsnummer=ids.onderwijsnummers(), persoonsgegevens=_opt(persoonsgegevens)),
    st.builds(Student, persoonsgegevens=persoonsgegevens, studentnummer=_opt(names)),
)
perioden = st.builds(
    Periode,
    datum_begin=dates,
    opleidingscode=ids.crebos(),
    leertraject=st.sampled_from(["BOL", "BBL", "BOL_DT", "OVO", "XYZ"]),
    indicatie_bekostigbaar=st.booleans(),
    niveau=_opt(st.sampled_from(["MBO-1", "MBO-4"])),
    onderwijsaanbieder=_opt(ids.onderwijsaanbieders()),
    onderwijslocatie=_opt(ids.onderwijslocaties()),
    locatiecode_vsv=_opt(st.text("0123456789", min_size=12, max_size=12)),
    leerroute=_opt(codes),
    leerroutefase=_opt(st.sampled_from(["VO", "MBO"])),
    datum_einde=_opt(dates),
)
extra = st.builds(ExtraOndersteuning, datum_begin=dates, datum_einde=_opt(dates))
enrolments = st.builds(
    Enrolment,
    inschrijvingvolgnummer=volgnummers,
    instelling=ids.brins(),
    datum_inschrijving=dates,
    datum_uitschrijving_gepland=dates,
    perioden=st.lists(perioden, min_size=1, max_size=3),
    datum_uitschrijving_werkelijk=_opt(dates),
    reden_uitschrijving=_opt(st.sampled_from(["01", "05", "99"])),
    extra_ondersteuning=st.lists(extra, max_size=2),
)
bpvs = st.builds(
    BpvAgreement,
    inschrijvingvolgnummer=volgnummers,
    volgnummer=volgnummers,
    afsluitdatum=dates,
    datum_begin=dates,
    datum_einde_gepland=dates,
    datum_einde_werkelijk=_opt(dates),
    omvang=_opt(st.integers(-5, 20000)),
    leerbedrijf_id=_opt(ids.leerbedrijven()),
    opleidingscode=_opt(ids.crebos()),
    keuzedeel=_opt(ids.keuzedelen()),
)
exemptions = st.builds(
    Exemption,
    code=codes,
    omvang=_opt(st.sampled_from(VrijstellingOmvang)),
    grondslag=st.sampled_from(["Ekb WEB art. 3b", "Ekb WEB art. 3b lid 4"]),
)
_los = {
    "datum_resultaat": _opt(dates),
    "inschrijvingvolgnummer": _opt(volgnummers),
    "onderwijsaanbieder": _opt(ids.onderwijsaanbieders()),
}
geos = st.builds(
    GeneriekExamenonderdeel,
    resultaatvolgnummer=volgnummers,
    code=st.sampled_from(["3001", "3005", "3013", "3028", "9999"]),
    eindcijfer=_opt(wholes),
    cijfer_ie=_opt(decimals),
    cijfer_ce=_opt(decimals),
    vrijstellingen=st.lists(exemptions, max_size=2),
    **_los,
)
keuzedeel_resultaten = st.builds(
    KeuzedeelResultaat,
    resultaatvolgnummer=volgnummers,
    code=ids.keuzedelen(),
    resultaat=st.sampled_from(KeuzedeelUitkomst),
    eindcijfer=_opt(wholes),
    certificaat=_opt(st.booleans()),
    **_los,
)
amvbs = st.builds(
    AmvbOnderdeel, resultaatvolgnummer=volgnummers, code=codes, certificaat=_opt(st.booleans()), **_los
)
diplomas = st.builds(
    Diploma,
    resultaatvolgnummer=volgnummers,
    opleidingscode=ids.crebos(),
    datum_resultaat=dates,
    indicatie_bekostigbaar=st.booleans(),
    inschrijvingvolgnummer=volgnummers,
    onderwijsaanbieder=_opt(ids.onderwijsaanbieders()),
    generieke_examenonderdelen=st.lists(geos, max_size=3),
    keuzedelen=st.lists(keuzedeel_resultaten, max_size=2),
    amvb_onderdelen=st.lists(amvbs, max_size=1),
    niveau=_opt(st.integers(1, 4)),
    cohort_start=_opt(dates),
)
losse_resultaten = st.builds(
    LosseResultaten,
    generieke_examenonderdelen=st.lists(geos, max_size=2),
    keuzedelen=st.lists(keuzedeel_resultaten, max_size=2),
    amvb_onderdelen=st.lists(amvbs, max_size=1),
)
records = st.builds(
    MboStudentRecord,
    student=studenten,
    inschrijvingen=st.lists(enrolments, max_size=2),
    bpv_overeenkomsten=st.lists(bpvs, max_size=2),
    diplomas=st.lists(diplomas, max_size=2),
    losse_resultaten=losse_resultaten,
)
exam_results = st.builds(
    ExamResult,
    vakcode=ids.vakcodes(),
    se=_opt(decimals),
    ce=_opt(decimals),
    ce2=_opt(decimals),
    ce3=_opt(decimals),
    beoordeling=_opt(st.sampled_from(Beoordeling)),
    eindcijfer=_opt(st.integers(1, 10)),
    examendeel=_opt(st.sampled_from(Examendeel)),
    rol=_opt(st.sampled_from(Rol)),
    combinatiecijfer=st.booleans(),
    extra=st.booleans(),
    diplomavak=_opt(st.booleans()),
    programma=_opt(st.sampled_from(["havo", "vwo", "vmbo-tl"])),
    vrijstelling=st.booleans(),
    certificaat=_opt(st.booleans()),
)
profielwerkstukken = st.builds(
    Profielwerkstuk,
    cijfer=_opt(st.integers(1, 10)),
    beoordeling=_opt(st.sampled_from(Beoordeling)),
    titel=_opt(names),
)
kandidaten = st.builds(
    Examenkandidaat,
    schoolsoort=st.sampled_from(Schoolsoort),
    examenjaar=st.integers(2020, 2030),
    vakken=st.lists(exam_results, max_size=4),
    profielwerkstuk=_opt(profielwerkstukken),
    leerwerktraject=st.booleans(),
    elementcode=_opt(ids.elementcodes()),
    onderwijsaanbieder=_opt(ids.onderwijsaanbieders()),
    datum_uitslag=_opt(dates),
    uitslag=_opt(st.sampled_from(Uitslag)),
    student=_opt(studenten),
)
koppen = st.builds(
    Bedrijfsdocument,
    identificatiecode=st.uuids(),
    verzendende_instantie=st.sampled_from(["25LX", "0000000700025BE00000"]),
    ontvangende_instantie=st.just("DUO"),
    datum_tijd=st.datetimes(
        dt.datetime(2020, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive
        dt.datetime(2035, 1, 1),  # noqa: DTZ001
        timezones=st.just(dt.UTC),
    ),
)

#: A strategy for every domain class with an XML mapping.
STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Bedrijfsdocument: koppen,
    Student: studenten,
    Persoonsgegevens: persoonsgegevens,
    NederlandsAdres: nederlandse_adressen,
    BuitenlandsAdres: buitenlandse_adressen,
    MboStudentRecord: records,
    Enrolment: enrolments,
    Periode: perioden,
    ExtraOndersteuning: extra,
    BpvAgreement: bpvs,
    Diploma: diplomas,
    GeneriekExamenonderdeel: geos,
    Exemption: exemptions,
    KeuzedeelResultaat: keuzedeel_resultaten,
    AmvbOnderdeel: amvbs,
    LosseResultaten: losse_resultaten,
    Examenkandidaat: kandidaten,
    ExamResult: exam_results,
    Profielwerkstuk: profielwerkstukken,
}


def test_every_mapped_class_has_a_strategy() -> None:
    assert set(MAPPINGS) == set(STRATEGIES)


@pytest.mark.parametrize(
    "cls",
    sorted(ELEMENTEN, key=lambda c: str(getattr(c, "__name__", ""))),
    ids=lambda c: getattr(c, "__name__", "?"),
)
@EXAMPLES
@given(data=st.data())
def test_every_domain_type_round_trips_through_its_element(cls: type, data: st.DataObject) -> None:
    obj = data.draw(STRATEGIES[cls])
    xml = dumps(obj)  # validated against the XSD while written
    assert schema_valid(xml, cls)
    again = loads(xml, cls)
    assert again == obj
    assert type(again) is type(obj)


def schema_valid(xml: bytes, cls: type) -> bool:
    from lxml import etree

    from duo_domain.serialize.xml._mapping import XSD_VAN_NAMESPACE

    return schema(XSD_VAN_NAMESPACE[ELEMENTEN[cls][0]]).validate(etree.fromstring(xml))


def _fits(soort: str, record: Any) -> bool:
    from duo_domain.serialize.xml.messages import check_records

    return check_records(BERICHTEN[soort], [record]) == []


@EXAMPLES
@given(kop=koppen, inhoud=st.lists(records, min_size=1, max_size=3))
def test_student_messages_round_trip(kop: Bedrijfsdocument, inhoud: list[MboStudentRecord]) -> None:
    bericht = Bericht("aanleverenStudentMBO", kop, inhoud)
    data = dumps_message(bericht)
    again, findings = read_message(data)
    assert findings == []
    assert again == bericht


@EXAMPLES
@given(
    kop=koppen,
    student=studenten,
    inschrijvingen=st.lists(enrolments, min_size=1, max_size=2),
    bpv=st.lists(bpvs, min_size=1, max_size=2),
)
def test_inschrijving_and_bpv_messages_round_trip(
    kop: Bedrijfsdocument, student: Student, inschrijvingen: list[Enrolment], bpv: list[BpvAgreement]
) -> None:
    for soort, record in (
        ("aanleverenInschrijvingMBO", MboStudentRecord(student, inschrijvingen=inschrijvingen)),
        ("aanleverenBpvMBO", MboStudentRecord(student, bpv_overeenkomsten=bpv)),
    ):
        bericht = Bericht(soort, kop, [record])
        assert loads_message(dumps_message(bericht)) == bericht


@EXAMPLES
@given(kop=koppen, student=studenten, diplomas_=st.lists(diplomas, min_size=1, max_size=2))
def test_resultaat_message_round_trips(
    kop: Bedrijfsdocument, student: Student, diplomas_: list[Diploma]
) -> None:
    bericht = Bericht("aanleverenResultaatMBO", kop, [MboStudentRecord(student, diplomas=diplomas_)])
    assert loads_message(dumps_message(bericht)) == bericht


@EXAMPLES
@given(kop=koppen, gegevens=st.lists(persoonsgegevens, min_size=1, max_size=3))
def test_identificeren_persoon_round_trips(kop: Bedrijfsdocument, gegevens: list[Persoonsgegevens]) -> None:
    inhoud = [Student(persoonsgegevens=p, studentnummer=f"S{i}") for i, p in enumerate(gegevens)]
    bericht = Bericht("identificerenPersoon", kop, inhoud)
    assert loads_message(dumps_message(bericht)) == bericht


@EXAMPLES
@given(kop=koppen, inhoud=st.lists(kandidaten, min_size=1, max_size=3))
def test_vo_examenresultaten_round_trip(kop: Bedrijfsdocument, inhoud: list[Examenkandidaat]) -> None:
    bericht = Bericht("aanleverenExamenresultaatVO", kop, inhoud)
    assert loads_message(dumps_message(bericht)) == bericht


@settings(max_examples=15, deadline=None)
@given(kop=koppen, inhoud=st.lists(records, min_size=1, max_size=5))
def test_stream_round_trips_and_equals_the_whole_message(
    kop: Bedrijfsdocument, inhoud: list[MboStudentRecord]
) -> None:
    sink = io.BytesIO()
    assert write_stream(sink, "aanleverenStudentMBO", kop, iter(inhoud)) == len(inhoud)
    data = sink.getvalue()
    stream = read_stream(io.BytesIO(data))
    assert list(stream) == inhoud
    assert stream.kop == kop
    assert loads_message(data) == Bericht("aanleverenStudentMBO", kop, inhoud)


def test_grades_are_written_exactly_as_decimal_text() -> None:
    geo = GeneriekExamenonderdeel(
        "1", "3005", eindcijfer=Decimal("6"), cijfer_ie=Decimal("5.50"), cijfer_ce=Decimal("1E+1")
    )
    xml = dumps(geo).decode()
    assert "<mbo:cijferIe>5.50</mbo:cijferIe>" in xml
    assert "<mbo:cijferCe>10</mbo:cijferCe>" in xml
    again = loads(dumps(geo))
    assert again.cijfer_ie == Decimal("5.50")
    assert str(again.cijfer_ie) == "5.50"


def test_bsn_is_written_in_full_in_the_message() -> None:
    xml = dumps(Student(bsn="111222333")).decode()
    assert "<per:burgerservicenummer>111222333</per:burgerservicenummer>" in xml


def test_header_is_utc_with_z() -> None:
    kop = Bedrijfsdocument(
        uuid.UUID(int=5),
        "25LX",
        "DUO",
        dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    )
    record = MboStudentRecord(Student(bsn="111222333"), bpv_overeenkomsten=[_bpv()])
    data = dumps_message(Bericht("aanleverenBpvMBO", kop, [record])).decode()
    assert "<bas:datumTijdBedrijfsdocument>2026-03-01T09:00:00Z</bas:datumTijdBedrijfsdocument>" in data
    assert "<bas:identificatiecodeBedrijfsdocument>00000000-0000-0000-0000-000000000005<" in data


def _bpv() -> BpvAgreement:
    return BpvAgreement("A1", "1", dt.date(2025, 8, 1), dt.date(2025, 9, 1), dt.date(2026, 6, 30), omvang=400)


def test_sample_messages_fit_their_kinds() -> None:
    record = MboStudentRecord(Student(bsn="111222333"), bpv_overeenkomsten=[_bpv()])
    assert _fits("aanleverenBpvMBO", record)
    assert not _fits("aanleverenInschrijvingMBO", record)
