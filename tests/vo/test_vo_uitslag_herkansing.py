"""Herkansingen (Uitvoeringsbesluit WVO 2020 art. 3.38 with art. 3.29 and 3.39), written from the law text.

Art. 3.38 lid 1: "voor één vak ... in het tweede of, indien artikel 3.29, eerste lid, van toepassing is,
het derde tijdvak, opnieuw deelnemen aan het centraal examen of aan het cspe". Lid 2: in vmbo bb and kb
"ook opnieuw deelnemen aan het cspe". Art. 3.39 lid 1: the highest grade counts. A grade the law does not
allow does not count, and ``BRON.EXAMEN.HERKANSING`` says so.
"""

from __future__ import annotations

from typing import Any

from duo_domain import validate
from duo_domain.serialize.json import structure_cijferlijst as cijferlijst_from_document

RULE = "BRON.EXAMEN.HERKANSING"


def _findings(doc: dict[str, Any]) -> list[str]:
    return [f.rule_id for f in validate(cijferlijst_from_document(doc)) if f.rule_id == RULE]


def test_one_herkansing_counts(vo: Any) -> None:
    doc = vo.havo_doc({"1021": "3.0"})
    vo.set_vak(doc, "1021", ce2="9.0")  # (3.0 + 9.0) / 2 = 6
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.eindcijfers["1021"] == 6
    assert r.herkansingen_niet_geteld == ()
    assert _findings(doc) == []


def test_a_second_herkansing_does_not_count(vo: Any) -> None:
    doc = vo.havo_doc({"1022": "4.0", "1021": "3.0"})
    vo.set_vak(doc, "1022", ce2="8.0")  # the first in document order counts: (4.0 + 8.0) / 2 = 6
    vo.set_vak(doc, "1021", ce2="9.0")  # not counted: stays (3.0 + 3.0) / 2 = 3
    r = vo.judge(doc)
    assert r.herkansingen_niet_geteld == ("1021 tijdvak 2",)
    assert (r.eindcijfers["1022"], r.eindcijfers["1021"]) == (6, 3)
    assert not r.geslaagd
    assert any("not counted as herkansing" in o for o in r.opmerkingen)
    assert _findings(doc) == [RULE]


def test_kb_candidate_resits_one_subject_and_the_cspe(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-kb", {"0153": "4.0"})
    vo.set_vak(doc, "0153", ce2="8.0")  # lid 1
    vo.set_vak(doc, "1700", ce2="8.0")  # the cspe of the profielvak: lid 2
    r = vo.judge(doc)
    assert r.herkansingen_niet_geteld == ()
    assert r.eindcijfers["0153"] == 6
    assert r.eindcijfers["1700"] == 8  # (7.0 + 8.0) / 2 = 7.5 -> 8
    assert _findings(doc) == []


def test_gl_candidate_has_one_herkansing_only(vo: Any) -> None:
    # lid 2 names bb and kb only; a gl candidate resits the cspe or another subject (lid 1)
    doc = vo.vmbo_doc("vmbo-gl", {"0153": "4.0"})
    vo.set_vak(doc, "0153", ce2="8.0")
    vo.set_vak(doc, "1700", ce2="8.0")
    r = vo.judge(doc)
    assert r.herkansingen_niet_geteld == ("1700 tijdvak 2",)
    assert r.eindcijfers["1700"] == 7
    assert _findings(doc) == [RULE]


def test_tijdvak_3_only_after_verhindering(vo: Any) -> None:
    doc = vo.havo_doc({"1021": "3.0"})
    vo.set_vak(doc, "1021", ce3="9.0")
    r = vo.judge(doc)
    assert r.herkansingen_niet_geteld == ("1021 tijdvak 3",)
    assert r.eindcijfers["1021"] == 3
    # verhinderd in tijdvak 1 for 1022 (art. 3.29 lid 1): completed in tijdvak 2, the herkansing may be in 3
    vo.set_vak(doc, "1022", ce=None, ce2="7.0")
    r = vo.judge(doc)
    assert r.herkansingen_niet_geteld == ()
    assert (r.eindcijfers["1021"], r.eindcijfers["1022"]) == (6, 7)
    assert r.geslaagd
    assert _findings(doc) == []


def test_completing_after_verhindering_is_no_herkansing(vo: Any) -> None:
    doc = vo.havo_doc({"1021": "3.0"})
    vo.set_vak(doc, "1022", ce=None, ce2="7.0")  # verhinderd: not a herkansing
    vo.set_vak(doc, "1021", ce2="9.0")  # the one herkansing
    r = vo.judge(doc)
    assert r.herkansingen_niet_geteld == ()
    assert r.eindcijfers["1021"] == 6
