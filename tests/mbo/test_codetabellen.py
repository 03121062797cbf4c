"""validate(codes=...): a vendor's newer code table changes the verdict, for MBO and VO alike (issue 11)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from duo_domain.codes import Codetabellen, CodeValue, waardenlijst
from duo_domain.errors import InvalidValue
from duo_domain.mbo.codes import LEERTRAJECT, REDEN_UITSCHRIJVING
from duo_domain.mbo.enrolment import Periode
from duo_domain.mbo.examencodes import VRIJSTELLINGSCODES
from duo_domain.mbo.results import Exemption, GeneriekExamenonderdeel, VrijstellingOmvang
from duo_domain.rules import validate
from duo_domain.testing import make_examenkandidaat, make_mbo_student_record

D = dt.date(2027, 8, 1)


def _periode(leertraject: str) -> Periode:
    return Periode(D, "25655", leertraject, indicatie_bekostigbaar=True, onderwijslocatie="101X591")


def test_a_newer_leertraject_table_changes_the_verdict_from_its_first_day() -> None:
    nieuw = Codetabellen(LEERTRAJECT.met(CodeValue("BOL_XL", "Nieuw (test)", geldig_van=D)))
    assert validate(_periode("BOL_XL")).rule_ids == {"ROD.PERIODE.LEERTRAJECT"}
    assert validate(_periode("BOL_XL"), codes=nieuw).ok
    day_before = attrs.evolve(_periode("BOL_XL"), datum_begin=D - dt.timedelta(days=1))
    assert validate(day_before, codes=nieuw).rule_ids == {"ROD.PERIODE.LEERTRAJECT"}


def test_a_new_bbl_leertraject_is_read_by_its_kenmerk() -> None:
    bbl = CodeValue("BBL_XL", "Nieuw (test)", kenmerken={"leerweg": "BBL", "voltijd": "nee"})
    record = make_mbo_student_record()
    e = record.inschrijvingen[0]
    perioden = [attrs.evolve(p, leertraject="BBL_XL") for p in e.perioden]
    bbl_record = attrs.evolve(
        record, inschrijvingen=[attrs.evolve(e, perioden=perioden)], bpv_overeenkomsten=[]
    )
    found = validate(bbl_record, codes=Codetabellen(LEERTRAJECT.met(bbl))).rule_ids
    assert "ROD.INSCHRIJVING.BBL_BPV" in found  # a BBL period needs a BPV agreement
    assert "ROD.PERIODE.LEERTRAJECT" not in found


def test_a_newer_reden_and_vrijstelling_table() -> None:
    record = make_mbo_student_record()
    e = attrs.evolve(record.inschrijvingen[0], datum_uitschrijving_werkelijk=D, reden_uitschrijving="77")
    assert "ROD.INSCHRIJVING.REDEN_CODE" in validate(e).rule_ids
    nieuw = REDEN_UITSCHRIJVING.met(CodeValue("77", "Nieuw (test)"))
    assert "ROD.INSCHRIJVING.REDEN_CODE" not in validate(e, codes=Codetabellen(nieuw)).rule_ids
    vrij = Exemption("NWX", VrijstellingOmvang.IE)
    assert validate(vrij).rule_ids == {"ROD.RESULTAAT.VRIJSTELLING_CODE"}
    assert validate(vrij, codes=Codetabellen(VRIJSTELLINGSCODES.met(CodeValue("NWX", "test")))).ok


def test_a_newer_generiek_examenonderdelen_table() -> None:
    lijst = waardenlijst("generieke_examenonderdelen")
    row = lijst.waarden[0]
    geo = GeneriekExamenonderdeel("1", "3099", eindcijfer=Decimal(6))
    assert validate(geo).rule_ids == {"ROD.RESULTAAT.GENERIEK_CODE"}
    nieuw = lijst.met(attrs.evolve(row, code="3099"))
    assert validate(geo, codes=Codetabellen(nieuw)).ok


def test_vo_reads_the_same_bundle() -> None:
    k = make_examenkandidaat()
    vak = k.vakken[0]
    vakken = waardenlijst("vakcodes")
    row = vakken.get(vak.vakcode)
    assert row is not None
    assert validate(k).ok
    # a newer table without the candidate's subject: the same candidate gets a finding
    zonder = attrs.evolve(vakken, waarden=tuple(v for v in vakken.waarden if v.code != vak.vakcode))
    assert "BRON.EXAMEN.VAKCODE" in validate(k, codes=Codetabellen(zonder)).rule_ids


def test_codes_must_be_a_bundle() -> None:
    with pytest.raises(InvalidValue, match="Codetabellen"):
        validate(_periode("BOL"), codes=[LEERTRAJECT])
    with pytest.raises(InvalidValue, match="given twice"):
        Codetabellen(LEERTRAJECT, LEERTRAJECT)
    with pytest.raises(InvalidValue, match="Waardenlijst"):
        Codetabellen("leertraject")  # type: ignore[arg-type]
