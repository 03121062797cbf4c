"""ROD.FORMAAT.*: the format rules generated from the PvE layout table, at their boundaries.

Cases are written from the PvE MBO-instelling 4.8.2, chapter 15 (record layouts of the registratieoverzicht).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import duo_domain.serialize.xml as xml_package
from duo_domain.mbo import formats, pve
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, Periode
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
from duo_domain.rules import registry, validate

D = dt.date(2025, 8, 1)


def _formaat(obj: Any) -> list[tuple[str, str]]:
    return sorted(
        (f.rule_id, f.path) for f in validate(obj, registry=registry) if f.rule_id.startswith("ROD.FORMAAT.")
    )


def _periode(**kw: Any) -> Periode:
    return Periode(
        D, kw.pop("opleidingscode", "25655"), kw.pop("leertraject", "BOL"), indicatie_bekostigbaar=True, **kw
    )


def _enrolment(**kw: Any) -> Enrolment:
    return Enrolment(
        kw.pop("inschrijvingvolgnummer", "C3"),
        kw.pop("instelling", "25LX"),
        D,
        dt.date(2027, 7, 31),
        [_periode()],
        **kw,
    )


@pytest.mark.parametrize(
    ("value", "ok"),
    [("25LX", True), ("25lx", False), ("25Lx", False), ("5LX", False), ("25LXX", False), ("2XLX", False)],
)
def test_brin_is_two_digits_and_two_capitals(value: str, ok: bool) -> None:  # §15.5.1 BRIN AN4..4
    found = _formaat(_enrolment(instelling=value))
    assert (found == []) is ok
    if not ok:
        assert found == [("ROD.FORMAAT.INSCHRIJVING.INSTELLING", "$.instelling")]


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        ("onderwijsaanbieder", "100A501", True),
        ("onderwijsaanbieder", "100a501", False),
        ("onderwijsaanbieder", "100X501", False),
        ("onderwijsaanbieder", "100A5011", False),
        ("onderwijslocatie", "101X591", True),
        ("onderwijslocatie", "101x591", False),
        ("onderwijslocatie", "101A591", False),
        ("leerroute", "LR1", True),  # AN3: at most 3, as N12 is at most 12 digits
        ("leerroute", "LR", True),
        ("leerroute", "", False),
        ("leerroute", "LR12", False),
        ("leerroutefase", "VO", True),  # AN2..3
        ("leerroutefase", "MBO", True),
        ("leerroutefase", "V", False),
        ("locatiecode_vsv", "000012345678", True),  # AN12..12
        ("locatiecode_vsv", "00001234567", False),
        ("opleidingscode", "25655", True),  # AN5..5
        ("opleidingscode", "2565", False),
        ("opleidingscode", "256550", False),
        ("leertraject", "BOL_DT", True),  # AN2..6
        ("leertraject", "B", False),
        ("leertraject", "BOL_DTX", False),
        ("niveau", "MBO-4", True),  # AN5..5
        ("niveau", "MBO4", False),
    ],
)
def test_isp_field_formats(field: str, value: str, ok: bool) -> None:  # §15.5.4
    found = _formaat(_periode(**{field: value}))
    assert found == ([] if ok else [(f"ROD.FORMAAT.PERIODE.{field.upper()}", f"$.{field}")])


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("1", True),
        ("A" * 20, True),
        ("8286771", True),
        ("A" * 21, False),
        ("8286-771", False),
        ("82 86", False),
    ],
)
def test_resultaatvolgnummer_is_1_to_20_letters_and_digits(value: str, ok: bool) -> None:  # §15.5.7
    diploma = Diploma(value, "25655", D, indicatie_bekostigbaar=True, inschrijvingvolgnummer="C3")
    assert _formaat(diploma) == (
        [] if ok else [("ROD.FORMAAT.DIPLOMA.RESULTAATVOLGNUMMER", "$.resultaatvolgnummer")]
    )


@pytest.mark.parametrize(
    ("omvang", "code", "ok"),
    [
        (VrijstellingOmvang.IE, "MBO", True),  # Vrijstelling IE AN3..3
        (VrijstellingOmvang.IE, "KZDL", False),
        (VrijstellingOmvang.CE, "MB", False),  # Vrijstelling CE AN3..3
        (VrijstellingOmvang.GEHEEL, "KZDL", True),  # Vrijstelling generiek examenonderdeel AN1..4
        (VrijstellingOmvang.GEHEEL, "KZDLX", False),
        (None, "MBO", True),
    ],
)
def test_vrijstelling_code_fits_its_geo_field(omvang: VrijstellingOmvang | None, code: str, ok: bool) -> None:
    assert (_formaat(Exemption(code, omvang)) == []) is ok  # §15.5.9


@pytest.mark.parametrize(("code", "ok"), [("C0163", True), ("C016", False), ("C01634", False)])
def test_amvb_code_is_an5(code: str, ok: bool) -> None:  # §15.5.8 Code AMvB onderdeel AN5..5
    found = _formaat(AmvbOnderdeel("1452101", code))
    assert ("ROD.FORMAAT.AMVB_ONDERDEEL.CODE", "$.code") not in found if ok else (
        "ROD.FORMAAT.AMVB_ONDERDEEL.CODE", "$.code"
    ) in found  # fmt: skip


@pytest.mark.parametrize(("code", "ok"), [("3005", True), ("300", False), ("30055", False)])
def test_generiek_code_is_an4(code: str, ok: bool) -> None:  # §15.5.9 Code generiek examenonderdeel AN4..4
    geo = GeneriekExamenonderdeel("8286774", code, eindcijfer=Decimal(6))
    assert (_formaat(geo) == []) is ok


@pytest.mark.parametrize(
    ("value", "ok"), [("100000000", True), ("999999999", True), ("099999999", False), ("1000000000", False)]
)
def test_leerbedrijf_id(value: str, ok: bool) -> None:  # §15.5.6 LeerbedrijfID N9..9, 100000000 t/m 999999999
    bpv = BpvAgreement("C3", "1", D, D, dt.date(2026, 1, 31), leerbedrijf_id=value)
    assert (_formaat(bpv) == []) is ok


@pytest.mark.parametrize(("certificaat", "ok"), [(True, True), (None, False), (False, False)])
def test_a_loose_amvb_onderdeel_has_certificaat_j(certificaat: bool | None, ok: bool) -> None:  # §15.5.8
    los = LosseResultaten(amvb_onderdelen=(AmvbOnderdeel("1452101", "C0163", certificaat=certificaat),))
    found = _formaat(los)
    assert found == (
        [] if ok else [("ROD.FORMAAT.AMVB_ONDERDEEL.CERTIFICAAT", "$.amvb_onderdelen[0].certificaat")]
    )


@pytest.mark.parametrize(("certificaat", "ok"), [(None, True), (True, False), (False, False)])
def test_a_keuzedeel_or_amvb_onderdeel_with_a_diploma_has_no_certificaat(
    certificaat: bool | None, ok: bool
) -> None:
    kzd = KeuzedeelResultaat("8286772", "K0067", KeuzedeelUitkomst.BEHAALD, certificaat=certificaat)
    amo = AmvbOnderdeel("8286773", "C0163", certificaat=certificaat)
    diploma = Diploma(
        "8286771", "25655", D, indicatie_bekostigbaar=True, inschrijvingvolgnummer="C3",
        keuzedelen=(kzd,), amvb_onderdelen=(amo,),
    )  # fmt: skip
    found = _formaat(diploma)
    expected = [
        ("ROD.FORMAAT.DIPLOMA.CERTIFICAAT", "$.amvb_onderdelen[0].certificaat"),
        ("ROD.FORMAAT.DIPLOMA.CERTIFICAAT", "$.keuzedelen[0].certificaat"),
    ]
    assert found == ([] if ok else expected)


def test_a_loose_keuzedeel_may_have_a_certificaat() -> None:  # §15.5.10
    los = LosseResultaten(
        keuzedelen=(KeuzedeelResultaat("1", "K0067", KeuzedeelUitkomst.BEHAALD, certificaat=True),)
    )
    assert _formaat(los) == []


def test_every_format_rule_is_in_the_catalogue_with_its_pve_section() -> None:
    ids = {r.id for r in registry}
    for regel in formats.FORMAT_RULES:
        assert regel.rule_id in ids
        rule = registry.get(regel.rule_id)
        assert f"§{regel.pve_veld.sectie}" in rule.source
        assert rule.severity.is_error
    # every mapped attribute exists on its class
    for regel in formats.FORMAT_RULES:
        assert regel.attribuut in {a.name for a in __import__("attrs").fields(regel.applies_to)}


def test_a_format_finding_names_the_field_and_the_section() -> None:
    [finding] = [
        f
        for f in validate(_periode(onderwijslocatie="101x591"), registry=registry)
        if f.rule_id.startswith("ROD.FORMAAT")
    ]
    assert "onderwijslocatie" in finding.message
    assert "§15.5.4" in finding.message


# ---------------------------------------------------------------- validate() and the library's XSD agree

_XSD_DIR = Path(xml_package.__file__).parent / "xsd"
_BASIS = "urn:duo-domain:schema:basis:v1"


def _xsd_type(type_name: str) -> etree.XMLSchema:
    xs = "http://www.w3.org/2001/XMLSchema"
    doc = f"""<xs:schema xmlns:xs="{xs}" xmlns:b="{_BASIS}" targetNamespace="urn:t">
      <xs:import namespace="{_BASIS}" schemaLocation="{(_XSD_DIR / "basis.xsd").as_uri()}"/>
      <xs:element name="v" type="b:{type_name}"/></xs:schema>"""
    return etree.XMLSchema(etree.fromstring(doc.encode()))


# The fields whose XSD type in mbo.xsd encodes the PvE's own format (BRIN, RIO ids, volgnummers,
# LeerbedrijfID): for these validate() and the XSD must agree both ways.
_STRICT = {
    "BRIN": [r for r in formats.FORMAT_RULES if r.veld == "brin"],
    "OnderwijsaanbiederID": [r for r in formats.FORMAT_RULES if r.veld == "onderwijsaanbieder"],
    "OnderwijslocatieID": [r for r in formats.FORMAT_RULES if r.veld == "onderwijslocatie"],
    "LeerbedrijfID": [r for r in formats.FORMAT_RULES if r.veld == "leerbedrijf_id"],
    "Volgnummer": [
        r
        for r in formats.FORMAT_RULES
        if r.veld in ("inschrijvingvolgnummer", "volgnummer", "resultaatvolgnummer")
    ],
}
_SCHEMAS = {name: _xsd_type(name) for name in _STRICT}
_TEXT = st.one_of(
    st.text(alphabet="0123456789ABXaxz-", min_size=0, max_size=22),
    st.from_regex(r"[0-9]{2}[A-Za-z]{2}|[0-9]{3}[AXax][0-9]{3}|[0-9]{9}|[A-Za-z0-9]{1,21}", fullmatch=True),
)


def _xsd_accepts(schema: etree.XMLSchema, value: str) -> bool:
    element = etree.Element("{urn:t}v")
    element.text = value
    return schema.validate(etree.ElementTree(element))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(_STRICT)), _TEXT)
def test_validate_and_the_xsd_agree_on_every_field_format(type_name: str, value: str) -> None:
    xsd = _xsd_accepts(_SCHEMAS[type_name], value)
    for regel in _STRICT[type_name]:
        veld = regel.pve_veld
        assert veld.past(value, waardenlijst=False) is xsd, (regel.rule_id, value)


def test_every_field_of_the_table_used_by_a_rule_exists() -> None:
    for regel in formats.FORMAT_RULES:
        assert pve.veld("RO", regel.recordsoort, regel.veld).attribuut == regel.veld
