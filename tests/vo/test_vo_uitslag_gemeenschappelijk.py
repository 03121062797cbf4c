"""Art. 3.33 lid 3: "De overgebleven vakken dienen een eindexamen te vormen."

Leaving out a subject of the gemeenschappelijk deel (Nederlands, Engels, maatschappijleer, ckv, LO, vmbo
kunstvakken I; art. 3.1-3.4) leaves no eindexamen, so such a subject is never left out, even when the
document marks it ``extra``. A subject beyond the required programme still is.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("code", ["1001", "1002", "1019"])
def test_havo_subject_of_every_exam_marked_extra_is_not_left_out(vo: Any, code: str) -> None:
    doc = vo.havo_doc({"1001": "7.0", "1002": "7.0"})
    if code == "1019":
        vo.set_vak(doc, code, se="3", extra=True)  # maatschappijleer 3: combinatiecijfer component below 4
    else:
        vo.set_vak(doc, code, se="3.0", ce="3.0", extra=True)
    r = vo.judge(doc)
    assert not r.geslaagd
    assert r.buiten_beschouwing == ()
    assert any("never left out" in o and code in o for o in r.opmerkingen)


def test_an_extra_subject_beyond_the_programme_is_left_out(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("1003", "3.0", "3.0", extra=True))  # a third language at 3
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1003",)


def test_vmbo_maatschappijleer_marked_extra_counts(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-kb")
    vo.set_vak(doc, "0322", se="3", extra=True)
    r = vo.judge(doc)
    assert not r.geslaagd
    assert r.buiten_beschouwing == ()
    assert "BRON.EXAMEN.COMPENSATIE" in [x.regel for x in r.redenen]


def test_rule_extra_vak(vo: Any) -> None:
    from duo_domain import validate
    from duo_domain.serialize.json import structure_cijferlijst as cijferlijst_from_document

    doc = vo.havo_doc()
    vo.set_vak(doc, "1001", extra=True)
    found = [f.path for f in validate(cijferlijst_from_document(doc)) if f.rule_id == "BRON.EXAMEN.EXTRA_VAK"]
    assert found == ["$.vakken[0].extra"]
    ok = vo.havo_doc()
    ok["vakken"].append(vo.vak("1003", "7.0", "7.0", extra=True))
    assert not [f for f in validate(cijferlijst_from_document(ok)) if f.rule_id == "BRON.EXAMEN.EXTRA_VAK"]
