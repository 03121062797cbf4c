"""Issue #13 audited against the law text, point by point (Uitvoeringsbesluit WVO 2020, BWBR0045787).

Every case is written from the article it cites, in the text in force from 2024-08-01, with a passing
and a failing case at the boundary. The candidates are complete exams (art. 3.1-3.7) so that only the
article under test decides.

* art. 3.34 lid 1 b: "voor één van de vakken Nederlandse taal en literatuur, Engelse taal en literatuur
  en voor zover van toepassing wiskunde A, wiskunde B of wiskunde C als eindcijfer 5 of hoger ... en voor
  het andere vak of andere hier genoemde vakken als eindcijfer 6 of hoger": the wiskunde of the exam is a
  kernvak wherever it sits (a havo C&M candidate's wiskunde A in the vrije deel too); of two, the
  profile's (wiskunde B in natuur en techniek, art. 2.11 lid 1 a);
* art. 3.38 lid 2: "Bij het eindexamen vmbo basisberoepsgerichte leerweg en kaderberoepsgerichte leerweg
  kan de examenkandidaat ook opnieuw deelnemen aan het cspe": bb and kb only, not gl;
* art. 3.4 lid 3, 3.7 lid 2 with art. 2.18, 2.27 (and art. 3.9, 3.37): a corresponding subject at the
  havo or vwo level takes the place of the vmbo subject in the package;
* art. 3.4 lid 2: two kunstvakken in the tl vrije deel are one of beeldende vorming and one of muziek,
  dans and drama;
* art. 2.7 a 1°-3° (vwo) and 2.12 a 1°-3° (havo): the combinations the vrije deel does not allow.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from duo_domain.rules import validate
from duo_domain.serialize.json import structure_cijferlijst
from duo_domain.vo import Examenkandidaat, ExamResult, Schoolsoort, compute_uitslag, herkansingen_niet_geteld
from duo_domain.vo.codes import Vaksoort
from duo_domain.vo.pakket import eigen_vakcode, overtollig, tekorten

KERNVAKKEN = "BRON.EXAMEN.KERNVAKKEN"
VOLLEDIG = "BRON.PAKKET.VOLLEDIG"


def ce(code: str, grade: str = "7.0", **kw: Any) -> dict[str, Any]:
    return {"vakcode": code, "se": grade, "ce": grade, **kw}


def se(code: str, grade: int = 7) -> dict[str, Any]:
    return {"vakcode": code, "se": grade}


def goed(code: str) -> dict[str, Any]:
    return {"vakcode": code, "beoordeling": "goed"}


def kandidaat(schoolsoort: str, elementcode: str, vakken: list[dict[str, Any]]) -> Examenkandidaat:
    pws: dict[str, Any] = (
        {"cijfer": 7} if schoolsoort in ("havo", "vwo") else {"beoordeling": "voldoende", "titel": "t"}
    )
    doc = {
        "schoolsoort": schoolsoort,
        "examenjaar": 2026,
        "elementcode": elementcode,
        "vakken": vakken,
        "profielwerkstuk": pws,
    }
    return structure_cijferlijst(doc)


def oordeel(schoolsoort: str, elementcode: str, vakken: list[dict[str, Any]]) -> tuple[str, list[str]]:
    r = compute_uitslag(kandidaat(schoolsoort, elementcode, vakken))
    return r.uitslag.value, [x.regel for x in r.redenen]


def havo_gem(ne: str = "7.0") -> list[dict[str, Any]]:
    return [ce("1001", ne), ce("1002"), se("1019"), se("1020"), goed("0353")]  # art. 2.10


# --- art. 3.34 lid 1 b: the wiskunde of the exam ------------------------------------------------------


@pytest.mark.parametrize(("wiskunde", "verwacht"), [("5.0", "afgewezen"), ("6.0", "geslaagd")])
def test_havo_cm_wiskunde_a_in_the_vrije_deel_is_a_kernvak(wiskunde: str, verwacht: str) -> None:
    # C&M (0373, art. 2.11 lid 4) has no wiskunde in its profieldeel; wiskunde A is the vrije-deel vak
    # (art. 2.12 a). With Nederlands 5 a wiskunde 5 is a second kernvak at 5 (lid 1 b); a 6 passes.
    vakken = [
        *havo_gem(ne="5.0"),
        ce("1021"),
        ce("1004"),
        ce("0311"),
        ce("0131"),
        ce("1024", wiskunde, examendeel="vrij"),
    ]
    uitslag, regels = oordeel("havo", "0373", vakken)
    assert uitslag == verwacht
    assert (KERNVAKKEN in regels) is (verwacht == "afgewezen")


def test_a_surplus_wiskunde_at_5_is_left_out_only_when_the_rest_is_an_exam() -> None:
    # the C&M candidate's wiskunde A 5 is a kernvak (lid 1 b) and fails next to Nederlands 5; with bsm as
    # a second vrije-deel vak the rest still forms an exam, so art. 3.33 lid 3 leaves wiskunde A out
    cm = [*havo_gem(ne="5.0"), ce("1021"), ce("1004"), ce("0311"), ce("0131"), ce("1024", "5.0", extra=True)]
    r = compute_uitslag(kandidaat("havo", "0373", [*cm, se("1038")]))
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1024",)
    assert oordeel("havo", "0373", cm) == ("afgewezen", [KERNVAKKEN])


@pytest.mark.parametrize(
    ("elementcode", "profieldeel"),
    [
        ("0370", ["1025", "1023", "1028", "0161"]),  # NT: wiskunde B (art. 2.11 lid 1)
        ("0371", ["1024", "1018", "1028", "0131"]),  # NG: wiskunde A (lid 2)
        ("0372", ["1024", "1022", "1021", "1034"]),  # EM: wiskunde A (lid 3)
    ],
)
@pytest.mark.parametrize(("wiskunde", "verwacht"), [("5.0", "afgewezen"), ("6.0", "geslaagd")])
def test_the_profiles_wiskunde_is_a_kernvak_in_every_profile(
    elementcode: str, profieldeel: list[str], wiskunde: str, verwacht: str
) -> None:
    wis = profieldeel[0]
    vakken = [*havo_gem(ne="5.0"), *(ce(c, wiskunde) if c == wis else ce(c) for c in profieldeel), ce("1038")]
    uitslag, regels = oordeel("havo", elementcode, vakken)
    assert uitslag == verwacht, regels
    assert (KERNVAKKEN in regels) is (verwacht == "afgewezen")


def nt_met_wiskunde_a(b: str, a: str) -> list[dict[str, Any]]:
    # havo N&T (0370) with wiskunde A in the vrije deel, neither wiskunde marked with its examendeel
    return [*havo_gem(ne="5.0"), ce("1025", b), ce("1023"), ce("1028"), ce("0161"), ce("1024", a)]


def test_nt_the_kernvak_is_wiskunde_b_not_the_higher_wiskunde_a() -> None:
    # wiskunde B 5 and Nederlands 5: two kernvakken at 5 (lid 1 b), however high wiskunde A is
    uitslag, regels = oordeel("havo", "0370", nt_met_wiskunde_a("5.0", "7.0"))
    assert uitslag == "afgewezen"
    assert KERNVAKKEN in regels


def test_nt_a_second_wiskunde_at_5_is_no_kernvak() -> None:
    # wiskunde B 6: kernvakken 5, 7, 6 pass; wiskunde A 5 and Nederlands 5 are two 5s with a mean of
    # the eindcijfers of at least 6.0 (lid 1 c 3°)
    r = compute_uitslag(kandidaat("havo", "0370", nt_met_wiskunde_a("6.0", "5.0")))
    assert r.geslaagd, r.redenen
    assert not any("is taken as the kernvak" in o for o in r.opmerkingen)


# --- art. 3.38 lid 2: the cspe resit of bb and kb only ------------------------------------------------


def vmbo_met_herkansingen(schoolsoort: Schoolsoort) -> Examenkandidaat:
    d = Decimal
    return Examenkandidaat(
        schoolsoort,
        2026,
        (
            ExamResult("0233", se=d("6.0"), ce=d("5.0"), ce2=d("6.0")),  # a CE resit (lid 1)
            ExamResult("1700", se=d("6.0"), ce=d("5.0"), ce2=d("7.0")),  # the cspe resit (lid 2)
        ),
    )


@pytest.mark.parametrize(
    ("schoolsoort", "niet"),
    [
        (Schoolsoort.VMBO_BB, ()),
        (Schoolsoort.VMBO_KB, ()),
        (Schoolsoort.VMBO_GL, ("1700 tijdvak 2",)),  # lid 2 names bb and kb only
        (Schoolsoort.VMBO_TL, ("1700 tijdvak 2",)),
    ],
)
def test_the_cspe_resit_comes_on_top_in_bb_and_kb_only(
    schoolsoort: Schoolsoort, niet: tuple[str, ...]
) -> None:
    k = vmbo_met_herkansingen(schoolsoort)
    assert herkansingen_niet_geteld(k, frozenset({"1700"})) == niet


# --- art. 3.4 lid 3, 3.7 lid 2, 3.9, 3.37: a subject at the havo or vwo level -------------------------

VMBO_GEM = [ce("0011"), ce("0071"), se("0322"), goed("0353"), goed("0416")]  # art. 2.15, 2.24
TL_ZW = [*VMBO_GEM, ce("0191"), ce("0125"), ce("0233"), ce("0063")]  # art. 2.16 lid 2, 2.17
GL_EO = [*VMBO_GEM, ce("0233"), ce("0153"), ce("0191"), ce("1700"), se("1701"), se("1702")]  # art. 3.7


def vervang(vakken: list[dict[str, Any]], code: str, door: dict[str, Any]) -> list[dict[str, Any]]:
    return [door if v["vakcode"] == code else v for v in vakken]


def test_tl_engels_at_havo_level_fills_the_place_of_engelse_taal() -> None:
    hoger = vervang(TL_ZW, "0071", ce("1002", programma="havo"))
    assert oordeel("vmbo-tl", "0400", hoger) == ("geslaagd", [])
    # without programma the havo code is a subject of another school type: Engelse taal is missing
    zonder = vervang(TL_ZW, "0071", ce("1002"))
    assert oordeel("vmbo-tl", "0400", zonder) == ("afgewezen", [VOLLEDIG])


def test_gl_wiskunde_a_at_havo_level_fills_the_profieldeel() -> None:
    # economie en ondernemen: economie and, ter keuze, wiskunde (art. 2.25 lid 2 c)
    hoger = vervang(GL_EO, "0153", ce("1024", programma="havo"))
    assert oordeel("vmbo-gl", "6431", hoger) == ("geslaagd", [])
    assert oordeel("vmbo-gl", "6431", vervang(GL_EO, "0153", ce("1024")))[0] == "afgewezen"


def test_kb_wiskunde_at_tl_level_keeps_its_code() -> None:
    kb = [
        *VMBO_GEM,
        ce("0153", programma="vmbo-tl"),
        ce("0173"),
        ce("1200"),
        *(se(f"120{i}") for i in (1, 2, 3, 4)),
    ]
    assert oordeel("vmbo-kb", "6021", kb) == ("geslaagd", [])


def test_eigen_vakcode_only_maps_havo_vwo_codes_in_a_vmbo_exam() -> None:
    assert eigen_vakcode("1001", "vmbo-gl", "vwo") == "0011"
    assert eigen_vakcode("1001", "vmbo-gl", None) == "1001"  # no higher level declared
    assert eigen_vakcode("1025", "havo", "vwo") == "1025"  # havo and vwo share their codes
    assert eigen_vakcode("0153", "vmbo-bb", "vmbo-kb") == "0153"  # as do the vmbo leerwegen
    assert eigen_vakcode("1038", "vmbo-tl", "havo") == "1038"  # no vmbo counterpart


def test_the_extra_rule_sees_the_higher_level_subject_in_its_place() -> None:
    hoger = vervang(TL_ZW, "0071", ce("1002", programma="havo"))
    k = kandidaat("vmbo-tl", "0400", vervang(hoger, "0233", ce("0233", extra=True)))
    ids = validate(k).rule_ids
    assert "BRON.PAKKET.EXTRA_VERPLICHT" in ids  # economie is one of the two vrije-deel vakken
    k = kandidaat("vmbo-tl", "0400", [*hoger, ce("0174", extra=True)])
    assert "BRON.PAKKET.EXTRA_VERPLICHT" not in validate(k).rule_ids


# --- art. 3.4 lid 2: two kunstvakken in the tl vrije deel ---------------------------------------------


def tl_kunst(*kunst: str) -> list[str]:
    return ["0011", "0071", "0322", "0353", "0416", "0191", "0125", *kunst]


def test_tl_two_kunstvakken_one_beeldend_one_muziek_dans_drama() -> None:
    assert tekorten("vmbo-tl", "0400", tl_kunst("0417", "0413")) == ()  # handvaardigheid and muziek
    assert overtollig("vmbo-tl", dict.fromkeys(tl_kunst("0417", "0413"), Vaksoort.ALGEMEEN)) == ()


@pytest.mark.parametrize("kunst", [("0417", "0418"), ("0413", "0415")])
def test_tl_two_kunstvakken_of_one_group_are_no_vrije_deel(kunst: tuple[str, str]) -> None:
    assert [t.deel for t in tekorten("vmbo-tl", "0400", tl_kunst(*kunst))] == ["vrije deel"]
    found = overtollig("vmbo-tl", dict.fromkeys(tl_kunst(*kunst), Vaksoort.ALGEMEEN))
    assert [t.artikel for t in found] == ["Uitvoeringsbesluit WVO 2020 art. 3.4 lid 2"]


def test_tl_kunstvakken_ii_in_the_uitslag() -> None:
    vakken = [*VMBO_GEM, ce("0191"), ce("0125")]
    assert oordeel("vmbo-tl", "0400", [*vakken, ce("0417"), ce("0413")]) == ("geslaagd", [])
    assert oordeel("vmbo-tl", "0400", [*vakken, ce("0417"), ce("0418")]) == ("afgewezen", [VOLLEDIG])


# --- art. 2.7 a and 2.12 a: what the vrije deel does not allow ------------------------------------------


def artikelen(schoolsoort: str, *codes: str) -> list[str]:
    return [
        t.artikel.removeprefix("Uitvoeringsbesluit WVO 2020 art. ")
        for t in overtollig(schoolsoort, dict.fromkeys(codes, Vaksoort.ALGEMEEN))
    ]


@pytest.mark.parametrize(
    ("schoolsoort", "codes", "verwacht"),
    [
        ("vwo", ("1024", "1025"), []),  # 1°: A with B
        ("vwo", ("1025", "1026"), []),  # 1°: B with C
        ("vwo", ("1024", "1026"), ["2.7 a 1°"]),  # 1°: not A with C
        ("havo", ("1024", "1025"), []),  # 2.12 a 1°: A with B
        ("vwo", ("1025", "1027"), []),  # 1°: wiskunde D with B
        ("havo", ("1027",), ["2.12 a 1°"]),  # wiskunde D without B
        ("havo", ("1030", "1031"), []),  # 2°: two kunst subjects that do not overlap
        ("havo", ("1030", "1036"), ["2.12 a 2°"]),  # kunst (beeldende vormgeving) with handvaardigheid
        ("vwo", ("1030", "0270"), ["2.7 a 2°"]),  # ... with tekenen
        ("vwo", ("1031", "0260"), ["2.7 a 2°"]),  # kunst (muziek) with muziek
        ("havo", ("0270",), []),  # 3°: one of tekenen, handvaardigheid, textiele vormgeving
        ("havo", ("0270", "1037"), ["2.12 a 3°"]),  # 3°: two of them
        ("havo", ("1012",), []),  # b 1°: Spaanse taal en literatuur (elementair)
        ("havo", ("1005", "1012"), ["2.12 b"]),  # b: not next to Spaans in the profile
        ("vwo", ("1052", "1071"), ["2.7 b"]),  # b 6°: Chinese taal en cultuur (elementair)
    ],
)
def test_what_the_havo_vwo_exam_does_not_allow(
    schoolsoort: str, codes: tuple[str, ...], verwacht: list[str]
) -> None:
    assert artikelen(schoolsoort, *codes) == verwacht


def test_overtollig_is_reported_by_the_rule() -> None:
    vwo = [
        ce("1001"), ce("1002"), ce("1004"), se("1019"), se("1020"), goed("0353"),
        ce("1026"), ce("1021"), ce("0311"), ce("0131"), ce("1024"),
    ]  # fmt: skip
    k = kandidaat("vwo", "0173", vwo)
    assert "BRON.PAKKET.OVERTOLLIG" in validate(k).rule_ids
    k = attrs.evolve(
        k,
        vakken=[v for v in k.vakken if v.vakcode != "1024"]
        + [ExamResult("1022", se=Decimal("7.0"), ce=Decimal("7.0"))],
    )
    assert "BRON.PAKKET.OVERTOLLIG" not in validate(k).rule_ids


def test_the_replaced_vmbo_subject_cannot_be_in_the_exam_as_well() -> None:
    # art. 3.4 lid 3: "voor zover ... het vervangen vak niet als extra vak als bedoeld in het vierde lid
    # gekozen wordt"
    hoger = vervang(TL_ZW, "0071", ce("1002", programma="havo"))
    assert "BRON.PAKKET.OVERTOLLIG" not in validate(kandidaat("vmbo-tl", "0400", hoger)).rule_ids
    beide = [*hoger, ce("0071", extra=True)]
    found = [
        f for f in validate(kandidaat("vmbo-tl", "0400", beide)) if f.rule_id == "BRON.PAKKET.OVERTOLLIG"
    ]
    assert [f.path for f in found] == ["$.vakken[1].vakcode"]
    assert "takes the place of 0071" in found[0].message


# --- art. 3.48 lid 1 with art. 3.4 lid 3: cum laude of a tl candidate with a subject at havo level ------


def test_tl_cum_laude_counts_engels_at_havo_level_as_engelse_taal() -> None:
    # art. 3.48 lid 1 a 1°: Nederlandse taal, Engelse taal, maatschappijleer and the algemene vakken of the
    # profieldeel always count, 2°: the best vrije-deel vak; the havo Engels takes Engelse taal's place.
    # Engels 6 with 8s elsewhere: a mean of 7.71, no cum laude; Engels 9: 8.14, cum laude.
    from duo_domain.vo.cum_laude import cum_laude

    acht = vervang([ce(v["vakcode"], "8.0") if "ce" in v else v for v in TL_ZW], "0322", se("0322", 8))
    for engels, toegekend in (("6.0", False), ("9.0", True)):
        eigen = cum_laude(kandidaat("vmbo-tl", "0400", vervang(acht, "0071", ce("0071", engels))))
        hoger = vervang(acht, "0071", ce("1002", engels, programma="havo"))
        havo = cum_laude(kandidaat("vmbo-tl", "0400", hoger))
        assert eigen.toegekend is toegekend
        assert havo.toegekend is toegekend, havo.redenen
        assert havo.gemiddelde == eigen.gemiddelde
        assert ("1002", int(engels[0])) in havo.betrokken
