"""validate() and the library's XSD agree on every field format (issue 14, Done when).

Two directions, over records drawn valid and drawn breaking one rule each (every ``ROD.FORMAAT.*`` rule
and every other rule a record can break):

* a record that ``validate()`` lets through (no afkeur finding) is accepted by the XSD on write;
* a record the XSD refuses on write has an afkeur finding first.

The formats are those of the PvE MBO-instelling 4.8.2, chapter 15 (the RO record layouts).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from duo_domain.mbo import pve
from duo_domain.mbo.formats import FORMAT_RULES
from duo_domain.mbo.results import AmvbOnderdeel, Exemption, GeneriekExamenonderdeel, VrijstellingOmvang
from duo_domain.rules import Severity, validate
from duo_domain.serialize import xml
from duo_domain.testing import mbo

#: Known disagreement outside the MBO field formats, left to the identity rules:
#: PERSOON.PERSOONSGEGEVENS.VOORNAMEN is a signaal for voornamen that are missing, blank or longer
#: than 200 characters, while persoon.xsd (Voornamen, 1..200) refuses an empty or too long value.
_ELDERS = {"PERSOON.PERSOONSGEGEVENS.VOORNAMEN"}
_RECORD_RULES = sorted(mbo.MBO_STUDENT_RECORD_BREAKS - _ELDERS)
#: Format rules a record cannot break on its own: drawn on the object itself, written as its own element.
_LOSSE: dict[str, Any] = {
    r.rule_id: s
    for r in FORMAT_RULES
    if r.rule_id not in mbo.MBO_STUDENT_RECORD_BREAKS
    for s in (mbo.diplomas if r.rule_id in mbo.DIPLOMA_BREAKS else mbo.bpv_agreements,)
}


def _objects() -> st.SearchStrategy[Any]:
    record = st.sampled_from([None, *_RECORD_RULES]).flatmap(
        lambda rule: mbo.mbo_student_records(breaks=rule)
    )
    single = st.sampled_from(sorted(_LOSSE)).flatmap(lambda rule: _LOSSE[rule](breaks=rule))
    return st.one_of(record, single)


def _xsd_accepts(obj: Any) -> bool:
    try:
        xml.dumps(obj)
    except ValueError:  # InvalidDocument (the XSD), or text XML cannot carry
        return False
    return True


def test_every_format_rule_is_drawn() -> None:
    assert {r.rule_id for r in FORMAT_RULES} <= set(_RECORD_RULES) | set(_LOSSE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_objects())
def test_validate_and_the_xsd_agree(obj: Any) -> None:
    report = validate(obj)
    afkeur = [f for f in report if f.severity is Severity.AFKEUR]
    accepted = _xsd_accepts(obj)
    if not afkeur:
        assert accepted, f"validate() lets through what the XSD refuses: {report.format()}"
    if not accepted:
        assert afkeur, "the XSD refuses what validate() lets through"


def test_a_lower_case_brin_is_a_finding_and_refused_by_the_xsd() -> None:  # PvE §15.5.1 BRIN, capitals
    from duo_domain.testing import make_mbo_student_record

    record = make_mbo_student_record()
    bad = attrs.evolve(record, inschrijvingen=[attrs.evolve(record.inschrijvingen[0], instelling="25lx")])
    assert validate(bad).rule_ids == {"ROD.FORMAAT.INSCHRIJVING.INSTELLING"}
    assert not _xsd_accepts(bad)
    assert _xsd_accepts(record)


# ---------------------------------------------------------------- any text in any field

_VALID: dict[str, st.SearchStrategy[Any]] = {
    "PERIODE": mbo.perioden(),
    "INSCHRIJVING": mbo.enrolments(),
    "BPV": mbo.bpv_agreements(),
    "DIPLOMA": mbo.diplomas(),
    "GENERIEK_EXAMENONDERDEEL": mbo.generieke_examenonderdelen(),
    "KEUZEDEEL": mbo.keuzedeel_resultaten(),
    "AMVB_ONDERDEEL": mbo.amvb_onderdelen(),
}
#: Letters, digits, signs, letters outside ASCII, a space, a tab and a line break.
_ALPHABET = "AZaz09-_./ éÉ\t\n"


def _texts(regel: Any) -> st.SearchStrategy[str]:
    veld = regel.pve_veld
    lo, hi = veld.lengte_min or 0, veld.lengte_max or 20
    return st.one_of(st.text(_ALPHABET, min_size=lo, max_size=hi), st.text(_ALPHABET, max_size=hi + 2))


def _cases(regel: Any) -> st.SearchStrategy[tuple[Any, Any, str]]:
    return st.tuples(st.just(regel), _VALID[regel.rule_id.split(".")[2]], _texts(regel))


def _agree(what: str, obj: Any) -> None:
    report = validate(obj)
    afkeur = [f for f in report if f.severity is Severity.AFKEUR]
    accepted = _xsd_accepts(obj)
    if not afkeur:
        assert accepted, f"{what}: validate() lets through what the XSD refuses ({report.format()})"
    if not accepted:
        assert afkeur, f"{what}: the XSD refuses what validate() lets through"


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FORMAT_RULES).flatmap(_cases))
def test_any_text_in_any_field(case: tuple[Any, Any, str]) -> None:
    regel, obj, text = case
    _agree(f"{regel.rule_id} {text!r}", attrs.evolve(obj, **{regel.attribuut: text}))


@settings(max_examples=200, deadline=None)
@given(
    mbo.generieke_examenonderdelen(),
    st.sampled_from(list(VrijstellingOmvang)),
    st.text(_ALPHABET, max_size=6),
)
def test_any_text_as_a_vrijstelling_code(geo: GeneriekExamenonderdeel, omvang: Any, text: str) -> None:
    _agree(f"vrijstelling {text!r}", attrs.evolve(geo, vrijstellingen=(Exemption(text, omvang),)))


_VRIJ = Exemption("Mé", VrijstellingOmvang.GEHEEL)  # PvE §15.5.9 AN1..4


@pytest.mark.parametrize(
    ("cases"),
    [
        [AmvbOnderdeel("1", "Cé163")],  # PvE §15.5.8 Code AMvB onderdeel AN5..5, no character set
        [
            GeneriekExamenonderdeel(
                "1",
                "3005",
                eindcijfer=Decimal(6),
                vrijstellingen=(Exemption("Mé", VrijstellingOmvang.GEHEEL),),
            )
        ],
    ],
)
def test_a_code_of_the_right_length_with_any_letter_is_written(cases: list[Any]) -> None:
    for obj in cases:  # an unknown vrijstelling code is a signaal (DUO does not publish the list)
        assert not [f for f in validate(obj) if f.severity is Severity.AFKEUR]
        assert _xsd_accepts(obj)


_XS = "{http://www.w3.org/2001/XMLSchema}"
#: The MBO XSD's own code types and the PvE field each follows.
_XSD_TYPES = {
    "RedenUitschrijving": ("ISG", "reden_uitschrijving"),
    "Leertraject": ("ISP", "leertraject"),
    "Niveau": ("ISP", "niveau"),
    "LocatiecodeVsv": ("ISP", "locatiecode_vsv"),
    "Leerroute": ("ISP", "leerroute"),
    "Leerroutefase": ("ISP", "leerroutefase"),
    "Keuzedeelcode": ("KZD", "code_keuzedeel"),
    "CodeGeneriekExamenonderdeel": ("GEO", "code_generiek_examenonderdeel"),
    "Vrijstellingscode": ("GEO", "vrijstelling_generiek_examenonderdeel"),
    "CodeAmvbOnderdeel": ("AMO", "code_amvb_onderdeel"),
}


def test_the_xsd_code_types_have_the_lengths_of_the_pve_table() -> None:
    tree = etree.parse(str(Path(xml.__file__).parent / "xsd" / "mbo.xsd"))
    for name, (recordsoort, veld_naam) in _XSD_TYPES.items():
        [restriction] = tree.findall(f"{_XS}simpleType[@name='{name}']/{_XS}restriction")
        facets = {str(f.tag).removeprefix(_XS): int(f.get("value", "0")) for f in restriction}
        lo, hi = facets.get("length", facets.get("minLength")), facets.get("length", facets.get("maxLength"))
        veld = pve.veld("RO", recordsoort, veld_naam)
        assert (lo, hi) == (veld.lengte_min, veld.lengte_max), name
        assert restriction.get("base") == "xs:string", name  # the PvE gives no character set
