"""Slaag-zakregeling havo/vwo: Uitvoeringsbesluit WVO 2020 art. 3.34 (and 3.33 lid 3)."""

from __future__ import annotations

from typing import Any

import pytest

from duo_domain.vo import Uitslag


def test_worked_case_havo_passes(vo: Any) -> None:
    r = vo.judge(vo.havo_doc({"1024": "5.4"}))  # wiskunde A eindcijfer 5.4 -> 5
    assert r.uitslag is Uitslag.GESLAAGD
    assert r.eindcijfers["1024"] == 5
    assert r.combinatiecijfer == 7
    assert r.redenen == ()
    assert r.to_dict()["ce_gemiddelde"] == "6.73"


def test_worked_case_vwo_passes_and_fails(vo: Any) -> None:
    assert vo.judge(vo.havo_doc(ss="vwo")).geslaagd
    r = vo.judge(vo.havo_doc({"1001": "4.0"}, ss="vwo"))
    assert not r.geslaagd
    assert "BRON.EXAMEN.KERNVAKKEN" in vo.regels(r)


def test_eindcijfer_boundary_545_and_550(vo: Any) -> None:
    doc = vo.havo_doc()
    vo.set_vak(doc, "1022", se="5.4", ce="5.5")
    assert vo.judge(doc).eindcijfers["1022"] == 5
    vo.set_vak(doc, "1022", se="5.5", ce="5.5")
    assert vo.judge(doc).eindcijfers["1022"] == 6


def _ce_doc(vo: Any, last_ce: str) -> Any:
    doc = vo.havo_doc()
    for code in ("1001", "1002", "1024", "1022", "1021", "0131"):
        vo.set_vak(doc, code, se="6.5", ce="5.5")
    vo.set_vak(doc, "0131", ce=last_ce)
    return doc


def test_ce_average_boundary(vo: Any) -> None:
    ok = vo.judge(_ce_doc(vo, "5.5"))
    assert ok.geslaagd
    assert ok.to_dict()["ce_gemiddelde"] == "5.50"
    bad = vo.judge(_ce_doc(vo, "5.4"))  # mean 5.4833...
    assert not bad.geslaagd
    assert vo.regels(bad) == ["BRON.EXAMEN.CE_GEMIDDELDE"]
    assert bad.to_dict()["ce_gemiddelde"] == "5.48"
    assert bad.redenen[0].artikel == "Uitvoeringsbesluit WVO 2020 art. 3.34 lid 1 a"


def test_highest_tijdvak_counts_for_eindcijfer_and_ce_average(vo: Any) -> None:
    doc = _ce_doc(vo, "5.4")
    vo.set_vak(doc, "0131", ce2="5.6")
    r = vo.judge(doc)
    assert r.geslaagd
    doc = _ce_doc(vo, "5.6")
    vo.set_vak(doc, "0131", ce2="5.4")  # a lower herkansing never lowers the grade
    assert vo.judge(doc).geslaagd


@pytest.mark.parametrize(
    ("grades", "ok"),
    [
        ({"1001": "5.0"}, True),  # one kernvak 5
        ({"1001": "5.0", "1002": "5.0"}, False),  # two kernvakken 5
        ({"1024": "4.0", "1022": "9.0", "1021": "9.0"}, False),  # kernvak 4, even with a high mean
        ({"1001": "5.0", "1022": "5.0", "0131": "8.0"}, True),  # one kern 5, one other 5, mean >= 6
    ],
)
def test_kernvakkenregel(vo: Any, grades: dict[str, str], ok: bool) -> None:
    r = vo.judge(vo.havo_doc(grades))
    assert r.geslaagd is ok
    assert ("BRON.EXAMEN.KERNVAKKEN" in vo.regels(r)) is (not ok)


def test_kernvakken_use_eindcijfers_not_ce(vo: Any) -> None:
    doc = vo.havo_doc()
    vo.set_vak(doc, "1001", se="5.0", ce="4.0")  # 4.5 -> 5
    vo.set_vak(doc, "1002", se="5.0", ce="6.0")  # 5.5 -> 6
    r = vo.judge(doc)
    assert (r.eindcijfers["1001"], r.eindcijfers["1002"]) == (5, 6)
    assert "BRON.EXAMEN.KERNVAKKEN" not in vo.regels(r)


def test_one_five_needs_no_average(vo: Any) -> None:
    # one 5, all others 6: mean below 6.0 is fine under 1°
    r = vo.judge(
        vo.havo_doc(
            {"1001": "6.0", "1002": "6.0", "1024": "6.0", "1022": "5.0", "1021": "6.0", "0131": "6.0"}
        )
    )
    assert r.geslaagd


def _seven(vo: Any, grades: dict[str, str], combi_se: int = 6) -> Any:
    doc = vo.havo_doc(grades)
    vo.set_vak(doc, "1019", se=str(combi_se))
    vo.set_vak(doc, "1020", se=str(combi_se))
    doc["profielwerkstuk"] = {"cijfer": combi_se}
    return doc


def test_one_four_with_average_exactly_6(vo: Any) -> None:
    # counted: 4, 6, 6, 6, 7, 7, the vrije-deel 6 and combinatiecijfer 6 -> 48 / 8 = 6.0
    ok = _seven(
        vo, {"1022": "4.0", "1001": "6.0", "1002": "6.0", "1024": "6.0", "1021": "7.0", "0131": "7.0"}
    )
    assert vo.judge(ok).geslaagd
    # 4, 6, 6, 6, 6, 7, 6 and 6 -> 47 / 8 = 5.875 (shown truncated)
    bad = _seven(
        vo, {"1022": "4.0", "1001": "6.0", "1002": "6.0", "1024": "6.0", "1021": "6.0", "0131": "7.0"}
    )
    r = vo.judge(bad)
    assert vo.regels(r) == ["BRON.EXAMEN.COMPENSATIE"]
    assert "5.87" in r.redenen[0].toelichting
    assert r.redenen[0].artikel.endswith("art. 3.34 lid 1 c")


def test_two_fives_need_average_6(vo: Any) -> None:
    ok = _seven(
        vo, {"1022": "5.0", "1021": "5.0", "1001": "7.0", "1002": "7.0", "1024": "6.0", "0131": "6.0"}
    )
    assert vo.judge(ok).geslaagd  # 5+5+7+7+6+6+6 = 42
    bad = _seven(
        vo, {"1022": "5.0", "1021": "5.0", "1001": "7.0", "1002": "6.0", "1024": "6.0", "0131": "6.0"}
    )
    assert vo.regels(vo.judge(bad)) == ["BRON.EXAMEN.COMPENSATIE"]


def test_four_and_five_need_average_6(vo: Any) -> None:
    ok = _seven(
        vo, {"1022": "4.0", "1021": "5.0", "1001": "7.0", "1002": "8.0", "1024": "6.0", "0131": "6.0"}
    )
    assert vo.judge(ok).geslaagd  # 4+5+7+8+6+6+6 = 42
    bad = _seven(
        vo, {"1022": "4.0", "1021": "5.0", "1001": "7.0", "1002": "7.0", "1024": "6.0", "0131": "6.0"}
    )
    assert not vo.judge(bad).geslaagd


@pytest.mark.parametrize(
    "grades",
    [
        {"1022": "4.0", "1021": "4.0"},  # two 4s
        {"1022": "5.0", "1021": "5.0", "0131": "5.0"},  # three 5s
        {"1022": "4.0", "1021": "5.0", "0131": "5.0"},  # 4 + 5 + 5
        {"1022": "3.0"},  # a 3
    ],
)
def test_combinations_never_compensated(vo: Any, grades: dict[str, str]) -> None:
    doc = vo.havo_doc({**grades, "1001": "9.0", "1002": "9.0", "1024": "9.0"})
    r = vo.judge(doc)
    assert not r.geslaagd
    assert "BRON.EXAMEN.COMPENSATIE" in vo.regels(r)


def test_combinatiecijfer_component_below_4_fails_even_if_average_is_fine(vo: Any) -> None:
    doc = vo.havo_doc()
    vo.set_vak(doc, "1019", se="3")
    vo.set_vak(doc, "1020", se="9")
    doc["profielwerkstuk"] = {"cijfer": 9}  # combi (3 + 9 + 9) / 3 = 7
    r = vo.judge(doc)
    assert r.combinatiecijfer == 7
    assert vo.regels(r) == ["BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL"]
    assert r.redenen[0].artikel.endswith("art. 3.34 lid 1 d")
    vo.set_vak(doc, "1019", se="4")
    assert vo.judge(doc).geslaagd


def test_combinatiecijfer_counts_as_one_vak_in_compensation(vo: Any) -> None:
    doc = vo.havo_doc({"1022": "5.0"})
    vo.set_vak(doc, "1019", se="5")
    vo.set_vak(doc, "1020", se="5")
    doc["profielwerkstuk"] = {"cijfer": 5}  # combi 5 -> second 5, mean 44/7 >= 6 -> ok
    r = vo.judge(doc)
    assert r.combinatiecijfer == 5
    assert r.geslaagd


def test_optional_combinatiecijfer_component(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("0301", 4, combinatiecijfer=True))
    r = vo.judge(doc)
    assert r.combinatiecijfer == 6  # (7 + 7 + 7 + 4) / 4 = 6.25
    assert r.geslaagd
    bad = vo.havo_doc()
    bad["vakken"].append(vo.vak("1018", 4, combinatiecijfer=True))  # biologie is no combi component
    with pytest.raises(ValueError, match="combinatiecijfer"):
        vo.judge(bad)


@pytest.mark.parametrize(("beoordeling", "ok"), [("voldoende", True), ("goed", True), ("onvoldoende", False)])
def test_lichamelijke_opvoeding(vo: Any, beoordeling: str, ok: bool) -> None:
    doc = vo.havo_doc()
    vo.set_vak(doc, "0353", beoordeling=beoordeling)
    r = vo.judge(doc)
    assert r.geslaagd is ok
    if not ok:
        assert vo.regels(r) == ["BRON.EXAMEN.LICHAMELIJKE_OPVOEDING"]
        assert r.redenen[0].artikel.endswith("art. 3.34 lid 1 e")


def test_missing_lo_is_afgewezen(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"] = [v for v in doc["vakken"] if v["vakcode"] != "0353"]
    # LO is part of the gemeenschappelijk deel (art. 2.10 e): the exam is incomplete as well
    assert vo.regels(vo.judge(doc)) == ["BRON.EXAMEN.LICHAMELIJKE_OPVOEDING", "BRON.PAKKET.VOLLEDIG"]


def test_every_failed_condition_is_reported(vo: Any) -> None:
    doc = vo.havo_doc({"1001": "4.0", "1002": "4.0", "1022": "3.0"})
    vo.set_vak(doc, "0353", beoordeling="onvoldoende")
    r = vo.judge(doc)
    assert set(vo.regels(r)) == {
        "BRON.EXAMEN.CE_GEMIDDELDE",
        "BRON.EXAMEN.KERNVAKKEN",
        "BRON.EXAMEN.COMPENSATIE",
        "BRON.EXAMEN.LICHAMELIJKE_OPVOEDING",
    }


# --- art. 3.33 lid 3: extra subjects -------------------------------------------------------


def test_extra_subject_left_out_when_that_makes_the_candidate_pass(vo: Any) -> None:
    doc = vo.havo_doc({"1022": "5.0", "1021": "5.0"})
    doc["vakken"].append(vo.vak("1003", "4.0", "4.0", extra=True))  # 5, 5 and 4: never compensated
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1003",)
    assert r.eindcijfers["1003"] == 4  # stays on the cijferlijst
    assert r.to_dict()["buiten_beschouwing"] == ["1003"]


def test_extra_subject_kept_when_candidate_passes_anyway(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("1003", "5.0", "5.0", extra=True))
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ()


def test_extra_subject_not_left_out_when_it_does_not_help(vo: Any) -> None:
    doc = vo.havo_doc({"1001": "3.0"})
    doc["vakken"].append(vo.vak("1003", "4.0", "4.0", extra=True))
    r = vo.judge(doc)
    assert not r.geslaagd
    assert r.buiten_beschouwing == ()
    assert r.eindcijfers["1003"] == 4


def test_extra_wiskunde_is_no_kernvak(vo: Any) -> None:
    # art. 3.34 lid 1 b: only the wiskunde of the profile is a kernvak; an extra wiskunde B at 5 next to
    # Nederlands 5 is two 5s under lid 1 c 3° (mean at least 6.0), so nothing needs to be left out
    doc = vo.havo_doc({"1001": "5.0"})
    doc["vakken"].append(vo.vak("1025", "5.0", "5.0", extra=True))
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ()


def test_fewest_subjects_left_out(vo: Any) -> None:
    doc = vo.havo_doc({"1022": "5.0", "1021": "5.0"})
    doc["vakken"].append(vo.vak("1003", "4.0", "4.0", extra=True))
    doc["vakken"].append(vo.vak("1004", "6.0", "6.0", extra=True))
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1003",)


def test_extra_left_out_for_ce_average(vo: Any) -> None:
    doc = _ce_doc(vo, "5.5")
    doc["vakken"].append(vo.vak("1003", "7.0", "3.0", extra=True))  # eindcijfer 5, CE pulls mean below 5.5
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1003",)
    assert r.to_dict()["ce_gemiddelde"] == "5.50"
