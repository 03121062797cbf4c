"""Slaag-zakregeling vmbo: Uitvoeringsbesluit WVO 2020 art. 3.35."""

from __future__ import annotations

from typing import Any

import pytest

from duo_domain.serialize.json import structure_cijferlijst
from duo_domain.vo import compute_uitslag


@pytest.mark.parametrize("ss", ["vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl"])
def test_worked_case_per_leerweg_passes(vo: Any, ss: str) -> None:
    r = vo.judge(vo.vmbo_doc(ss))
    assert r.geslaagd, r.redenen
    assert r.combinatiecijfer == (None if ss == "vmbo-tl" else 7)


def test_cspe_counts_once_in_ce_average(vo: Any) -> None:
    r = vo.judge(vo.vmbo_doc("vmbo-bb"))
    assert r.ce_aantal == 5  # four general CE subjects + the profielvak's cspe


@pytest.mark.parametrize(("grade", "ok"), [("5.0", True), ("4.0", False)])
def test_nederlands_at_least_5(vo: Any, grade: str, ok: bool) -> None:
    r = vo.judge(vo.vmbo_doc("vmbo-tl", {"0011": grade}))
    assert r.geslaagd is ok
    if not ok:
        assert vo.regels(r) == ["BRON.EXAMEN.NEDERLANDS"]
        assert r.redenen[0].artikel.endswith("art. 3.35 lid 1 b")


def test_nederlands_uses_eindcijfer_not_ce(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-tl")
    vo.set_vak(doc, "0011", se="5.6", ce="4.4")  # eindcijfer 5.0 -> 5, CE 4.4
    r = vo.judge(doc)
    assert r.eindcijfers["0011"] == 5
    assert "BRON.EXAMEN.NEDERLANDS" not in vo.regels(r)


def _sixes(vo: Any, ss: str = "vmbo-tl") -> Any:
    doc = vo.vmbo_doc(ss, dict.fromkeys(("0011", "0071", "0153", "0233", "0191", "0125"), "6.0"))
    vo.set_vak(doc, "0322", se="6")
    return doc


def test_one_five_needs_nothing_else(vo: Any) -> None:
    doc = _sixes(vo)
    vo.set_vak(doc, "0233", se="5.0", ce="5.0")
    assert vo.judge(doc).geslaagd


@pytest.mark.parametrize("low", [{"0233": "4.0"}, {"0233": "5.0", "0191": "5.0"}])
def test_four_or_two_fives_need_a_seven(vo: Any, low: dict[str, str]) -> None:
    doc = _sixes(vo)
    for code, g in low.items():
        vo.set_vak(doc, code, se=g, ce=g)
    r = vo.judge(doc)
    assert vo.regels(r) == ["BRON.EXAMEN.COMPENSATIE"]
    assert "7 or higher" in r.redenen[0].toelichting
    vo.set_vak(doc, "0322", se="7")  # one 7 anywhere
    assert vo.judge(doc).geslaagd


def test_no_average_rule_in_vmbo(vo: Any) -> None:
    # a 4, a 7 and sixes: mean below 6.0 but vmbo has no mean requirement
    doc = _sixes(vo)
    vo.set_vak(doc, "0233", se="4.0", ce="4.0")
    vo.set_vak(doc, "0322", se="7")
    r = vo.judge(doc)
    assert r.geslaagd


@pytest.mark.parametrize(
    "low",
    [
        {"0233": "4.0", "0191": "5.0"},
        {"0233": "4.0", "0191": "4.0"},
        {"0233": "5.0", "0191": "5.0", "0125": "5.0"},
    ],
)
def test_combinations_never_compensated(vo: Any, low: dict[str, str]) -> None:
    doc = vo.vmbo_doc("vmbo-tl", {**low, "0071": "9.0", "0153": "9.0"})
    r = vo.judge(doc)
    assert "BRON.EXAMEN.COMPENSATIE" in vo.regels(r)


def test_ce_average_boundary(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-tl")
    for c in ("0011", "0071", "0153", "0233", "0191", "0125"):
        vo.set_vak(doc, c, se="6.5", ce="5.5")
    assert vo.judge(doc).geslaagd
    vo.set_vak(doc, "0125", ce="5.4")
    r = vo.judge(doc)
    assert vo.regels(r) == ["BRON.EXAMEN.CE_GEMIDDELDE"]
    assert r.redenen[0].artikel.endswith("art. 3.35 lid 1 a")


def test_bb_kb_combinatiecijfer_is_mean_of_keuzevakken_and_profielvak_counts_alone(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-kb")
    for code, se in (("1701", "6"), ("1702", "5"), ("1703", "5"), ("1704", "6")):
        vo.set_vak(doc, code, se=se)
    vo.set_vak(doc, "1700", se="5.0", ce="5.0")
    r = vo.judge(doc)
    assert r.combinatiecijfer == 6  # 5.5 -> 6
    assert r.eindcijfers["1700"] == 5
    assert r.geslaagd  # one 5 (the profielvak)


def test_fifth_keuzevak_counts_in_the_mean(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-bb")
    doc["vakken"].append(vo.vak("1705", 2))
    r = compute_uitslag(structure_cijferlijst(doc), pakket=False)
    assert r.combinatiecijfer == 6  # (7 * 4 + 2) / 5 = 6.0
    assert vo.regels(r) == ["BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL"]
    # art. 3.33 lid 3: four keuzevakken make the exam (art. 3.5 lid 1 c), so the fifth is left out
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1705",)
    assert r.combinatiecijfer == 7


@pytest.mark.parametrize(("se", "ok"), [("3", False), ("4", True)])
def test_keuzevak_below_4_fails(vo: Any, se: str, ok: bool) -> None:
    doc = vo.vmbo_doc("vmbo-bb")
    vo.set_vak(doc, "1701", se=se)
    r = vo.judge(doc)
    assert r.geslaagd is ok
    if not ok:
        assert vo.regels(r) == ["BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL"]
        assert r.redenen[0].artikel.endswith("art. 3.35 lid 1 d")


def test_gl_profielvak_weighted_and_component(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-gl")
    vo.set_vak(doc, "1700", se="5.0", ce="5.0")
    vo.set_vak(doc, "1701", se="6")
    vo.set_vak(doc, "1702", se="6")
    r = vo.judge(doc)
    assert r.combinatiecijfer == 6  # (5 + 5 + 6 + 6) / 4 = 5.5
    assert "1700" in r.eindcijfers
    assert r.geslaagd
    vo.set_vak(doc, "1700", se="3.0", ce="3.0")
    vo.set_vak(doc, "1701", se="9")
    vo.set_vak(doc, "1702", se="9")
    r = vo.judge(doc)
    assert r.combinatiecijfer == 6  # (3 + 3 + 9 + 9) / 4
    assert "BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL" in vo.regels(r)


def test_tl_beroepsgericht_counts_only_as_full_programme(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-tl")
    doc["vakken"] += [vo.vak("1700", "3.0", "3.0"), vo.vak("1701", 3)]
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.niet_meegeteld == ("1700", "1701")
    doc["vakken"].append(vo.vak("1702", 3))  # now a full programme: art. 3.35 lid 2 -> lid 4
    r = compute_uitslag(structure_cijferlijst(doc), pakket=False)
    assert r.niet_meegeteld == ()
    assert r.combinatiecijfer == 3
    assert not r.geslaagd
    # art. 3.33 lid 3: the tl exam needs no profielvak (art. 3.4); without it no full programme remains
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1700",)
    assert r.niet_meegeteld == ("1701", "1702")


@pytest.mark.parametrize(("code", "regel"), [("0353", "LICHAMELIJKE_OPVOEDING"), ("0416", "KUNSTVAKKEN")])
def test_lo_and_kunstvakken(vo: Any, code: str, regel: str) -> None:
    doc = vo.vmbo_doc("vmbo-kb")
    vo.set_vak(doc, code, beoordeling="onvoldoende")
    r = vo.judge(doc)
    assert vo.regels(r) == [f"BRON.EXAMEN.{regel}"]
    assert r.redenen[0].artikel.endswith("art. 3.35 lid 1 e")
    doc["vakken"] = [v for v in doc["vakken"] if v["vakcode"] != code]
    # missing, the subject also leaves the gemeenschappelijk deel incomplete (art. 2.20 d, e)
    assert vo.regels(vo.judge(doc)) == [f"BRON.EXAMEN.{regel}", "BRON.PAKKET.VOLLEDIG"]


@pytest.mark.parametrize(
    ("ss", "needed"), [("vmbo-gl", True), ("vmbo-tl", True), ("vmbo-bb", False), ("vmbo-kb", False)]
)
def test_profielwerkstuk_gl_tl_only(vo: Any, ss: str, needed: bool) -> None:
    doc = vo.vmbo_doc(ss)
    doc["profielwerkstuk"] = {"beoordeling": "onvoldoende"}
    r = vo.judge(doc)
    assert r.geslaagd is not needed
    if needed:
        assert vo.regels(r) == ["BRON.EXAMEN.PROFIELWERKSTUK"]
        assert r.redenen[0].artikel.endswith("art. 3.35 lid 1 f")


def test_kunstvakken_need_beoordeling_not_grade(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-tl")
    vo.set_vak(doc, "0416", beoordeling=None, se="7")
    with pytest.raises(ValueError, match=r"art\. 3\.13 lid 3"):
        vo.judge(doc)


def _lwt(vo: Any, ne: str = "6.0", profielvak: str = "6.0", keuze: str = "6") -> dict[str, Any]:
    return {
        "schoolsoort": "vmbo-bb",
        "examenjaar": 2026,
        "leerwerktraject": True,
        "vakken": [vo.vak("0011", ne, ne), vo.vak("1700", profielvak, profielvak)]
        + [vo.vak(kv, keuze) for kv in ("1701", "1702", "1703", "1704")],
    }


def test_leerwerktraject_lid_6(vo: Any) -> None:
    r = vo.judge(_lwt(vo))
    assert r.geslaagd  # no LO, kunstvakken or CE mean needed under lid 6
    for kwargs, onderdeel in (({"ne": "5.0"}, "a"), ({"profielvak": "5.0"}, "b"), ({"keuze": "5"}, "c")):
        r = vo.judge(_lwt(vo, **kwargs))
        assert vo.regels(r) == ["BRON.EXAMEN.LEERWERKTRAJECT"]
        assert r.redenen[0].artikel.endswith(f"art. 3.35 lid 6 {onderdeel}")


def test_leerwerktraject_only_in_bb(vo: Any) -> None:
    doc = _lwt(vo)
    doc["schoolsoort"] = "vmbo-kb"
    with pytest.raises(ValueError, match="leerwerktraject"):
        vo.judge(doc)
