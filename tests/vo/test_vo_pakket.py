"""Complete exams (Uitvoeringsbesluit WVO 2020 art. 3.1-3.7 with the programmes of chapter 2), the
leaving out of art. 3.33 lid 3 over every subject, the vmbo-tl praktijkgericht vak and art. 3.35 lid 6.

Each case is written from the article it cites: a package that holds exactly what the article requires
passes the check, the same package without one required part fails it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from duo_domain.codes import Codetabellen, CodeValue, waardenlijst
from duo_domain.rules import registry
from duo_domain.serialize.json import structure_cijferlijst
from duo_domain.testing.vo import CONDITIONS, EXAMENKANDIDAAT_BREAKS
from duo_domain.vo import compute_uitslag
from duo_domain.vo.codes import Vaksoort
from duo_domain.vo.pakket import OVERTOLLIG, VOLLEDIG, overtollig, tekorten

A = Vaksoort.ALGEMEEN
P = Vaksoort.PROFIELVAK
K = Vaksoort.KEUZEVAK
PG = Vaksoort.PRAKTIJKGERICHT_VMBO

HAVO_GEM = ["1001", "1002", "1019", "1020", "0353"]  # art. 2.10
VWO_ATHENEUM_GEM = ["1001", "1002", "1004", "1019", "1020", "0353"]  # art. 2.5 lid 1
VMBO_GEM = ["0011", "0071", "0322", "0353", "0416"]  # art. 2.15, 2.20, 2.24


def delen(t: tuple[Any, ...]) -> list[str]:
    return [x.deel for x in t]


# --- havo / vwo ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("elementcode", "profieldeel"),
    [
        ("0370", ["1025", "1023", "1028", "0161"]),  # art. 2.11 lid 1: NT, informatica as profielkeuzevak
        ("0371", ["1024", "1018", "1028", "0131"]),  # lid 2: NG
        ("0372", ["1025", "1022", "1021", "1034"]),  # lid 3: EM, wiskunde B for A
        ("0373", ["1021", "1004", "0311", "1022"]),  # lid 4: CM, no wiskunde
    ],
)
def test_havo_profile_complete_and_one_part_short(elementcode: str, profieldeel: list[str]) -> None:
    vrij = "1038"  # art. 2.12 c 3°: bewegen, sport en maatschappij
    assert tekorten("havo", elementcode, [*HAVO_GEM, *profieldeel, vrij]) == ()
    for weg in profieldeel:
        rest = [c for c in profieldeel if c != weg]
        assert "profieldeel" in delen(tekorten("havo", elementcode, [*HAVO_GEM, *rest, vrij])), weg
    # art. 3.3 lid 1 c: at least one vrije-deel subject
    assert delen(tekorten("havo", elementcode, [*HAVO_GEM, *profieldeel])) == ["vrije deel"]


def test_the_issue_case_havo_with_nederlands_lo_and_pws_only() -> None:
    doc = {
        "schoolsoort": "havo",
        "examenjaar": 2026,
        "vakken": [{"vakcode": "1001", "se": "8.0", "ce": "8.0"}, {"vakcode": "0353", "beoordeling": "goed"}],
        "profielwerkstuk": {"cijfer": 8},
    }
    r = compute_uitslag(structure_cijferlijst(doc))
    assert not r.geslaagd
    assert {x.regel for x in r.redenen} == {VOLLEDIG}
    assert any("gemeenschappelijk deel: 1002" in x.toelichting for x in r.redenen)
    # the subjects as given (no package check) would pass: that is what the check prevents
    assert compute_uitslag(structure_cijferlijst(doc), pakket=False).geslaagd


def test_vwo_atheneum_needs_a_second_modern_language_gymnasium_a_classical_one() -> None:
    nt = ["1025", "1023", "1028", "1018", "1038"]
    assert tekorten("vwo", "0170", [*VWO_ATHENEUM_GEM, *nt]) == ()  # art. 3.1, 2.5 lid 1 c
    zonder = [c for c in VWO_ATHENEUM_GEM if c != "1004"]
    assert delen(tekorten("vwo", "0170", [*zonder, *nt])) == ["gemeenschappelijk deel"]
    # gymnasium (art. 3.2, 2.5 lid 2): Latijn instead of the language, and no ckv
    gym = ["1001", "1002", "1010", "1019", "0353"]
    assert tekorten("vwo", "0270", [*gym, *nt]) == ()
    assert delen(tekorten("vwo", "0270", [*[c for c in gym if c != "1010"], *nt])) == [
        "gemeenschappelijk deel"
    ]
    # art. 2.8 lid 3: an atheneum pupil with Latijn in the profile is exempt from ckv
    ath_latijn = ["1001", "1002", "1004", "1010", "1019", "0353"]
    assert tekorten("vwo", "0170", [*ath_latijn, *nt]) == ()


def test_a_combined_profile_needs_both_profieldelen() -> None:
    nt_ng = ["1025", "1023", "1028", "1018", "1035"]  # NT (1035 keuze) and NG (1025 for A, 1023 keuze)
    assert tekorten("havo", "0374", [*HAVO_GEM, *nt_ng]) == ()
    assert delen(tekorten("havo", "0374", [*HAVO_GEM, *[c for c in nt_ng if c != "1018"]])) == ["profieldeel"]


def test_without_elementcode_any_profile_that_fits() -> None:
    em = ["1024", "1022", "1021", "0131", "1034"]
    assert tekorten("havo", None, [*HAVO_GEM, *em]) == ()
    assert tekorten("havo", "9999", [*HAVO_GEM, *em]) == ()  # an unknown elementcode names no profile


def test_kunst_algemeen_is_too_small_for_the_vrije_deel() -> None:
    em = ["1024", "1022", "1021", "0131"]
    assert delen(tekorten("havo", "0372", [*HAVO_GEM, *em, "1029"])) == ["vrije deel"]


# --- vmbo ------------------------------------------------------------------------------------------


def bb(*extra: str, keuze: int = 4) -> dict[str, Vaksoort]:
    out = dict.fromkeys([*VMBO_GEM, "0153", "0173"], A)  # art. 2.21 lid 2 a: wiskunde, nask I (BWI)
    out["1200"] = P
    out.update(dict.fromkeys(("1201", "1202", "1203", "1204", "1205")[:keuze], K))
    out.update(dict.fromkeys(extra, A))
    return out


@pytest.mark.parametrize(("ss", "ec"), [("vmbo-bb", "6011"), ("vmbo-kb", "6021")])
def test_bb_kb_four_keuzevakken(ss: str, ec: str) -> None:
    assert tekorten(ss, ec, bb()) == ()  # art. 3.5 / 3.6 lid 1
    assert [t.toelichting for t in tekorten(ss, ec, bb(keuze=3))] == [
        "beroepsgericht programma: 4 beroepsgerichte keuzevakken needed, 3 present"
    ]
    without = {c: s for c, s in bb().items() if c != "0173"}
    assert delen(tekorten(ss, ec, without)) == ["profieldeel"]  # art. 2.21 lid 2 a 2°
    wrong_profile = {c: s for c, s in bb().items() if c != "1200"} | {"1600": P}
    assert delen(tekorten(ss, ec, wrong_profile)) == ["beroepsgericht programma"]


def test_gl_two_keuzevakken_and_a_vrije_deel_vak() -> None:
    gl = bb("0233", keuze=2)  # economie in the vrije deel (art. 3.7 lid 1 c with 2.25 lid 2)
    assert tekorten("vmbo-gl", "6031", gl) == ()
    assert delen(tekorten("vmbo-gl", "6031", {c: s for c, s in gl.items() if c != "0233"})) == ["vrije deel"]
    one = {c: s for c, s in gl.items() if c != "1202"}
    assert delen(tekorten("vmbo-gl", "6031", one)) == ["beroepsgericht programma"]


def test_gl_praktijkgericht_vak_in_place_of_the_profielvak_from_2024() -> None:
    gl = {c: s for c, s in bb("0233", keuze=2).items() if c != "1200"} | {"9101": PG}
    assert tekorten("vmbo-gl", "6031", gl, praktijkgericht_vak=True) == ()  # art. 3.7 lid 1a
    assert delen(tekorten("vmbo-gl", "6031", gl, praktijkgericht_vak=False)) == ["beroepsgericht programma"]


def tl(*vrij: str, extra: dict[str, Vaksoort] | None = None) -> dict[str, Vaksoort]:
    out = dict.fromkeys([*VMBO_GEM, "0233", "0153", *vrij], A)  # art. 2.16 lid 3: economie, wiskunde
    out.update(extra or {})
    return out


def test_tl_two_vrije_deel_subjects_at_most_one_praktijkgericht() -> None:
    assert tekorten("vmbo-tl", "0400", tl("0191", "0125")) == ()  # art. 3.4 lid 1 c
    assert len(tekorten("vmbo-tl", "0400", tl("0191"))) == 1  # one part short, whichever profile
    assert tekorten("vmbo-tl", "0400", tl("0191", extra={"9101": PG})) == ()  # art. 2.17 lid 1 b
    # two praktijkgerichte vakken count as one (art. 3.4 lid 1 c) and are surplus
    two = tl(extra={"9101": PG, "9102": PG})
    assert len(tekorten("vmbo-tl", "0400", two)) == 1  # no profile is complete with these
    assert tekorten("vmbo-tl", "0400", two | {"0191": A}) == ()
    assert [t.artikel for t in overtollig("vmbo-tl", two)] == [
        "Uitvoeringsbesluit WVO 2020 art. 3.4 lid 1 c, lid 4 a"
    ]


def test_tl_two_subjects_that_are_no_modern_language() -> None:
    # profiel economie with Frans (art. 2.16 lid 3 b 2°) and Duits, Spaans in the vrije deel: one non-language
    languages = dict.fromkeys([*VMBO_GEM, "0233", "0053", "0063", "0081"], A)
    assert [t.toelichting for t in tekorten("vmbo-tl", "0400", languages)] == [
        "profieldeel and vrije deel need two subjects that are no modern foreign language"
    ]
    assert tekorten("vmbo-tl", "0400", languages | {"0191": A}) == ()


def test_leerwerktraject_package() -> None:
    lwt = {"0011": A, "1200": P, "1201": K}
    assert tekorten("vmbo-bb", "7011", lwt, leerwerktraject=True) == ()  # art. 3.5 lid 4
    assert delen(tekorten("vmbo-bb", "7011", {"0011": A, "1200": P}, leerwerktraject=True)) == [
        "beroepsgericht programma"
    ]


def test_wiskunde_d_needs_wiskunde_b() -> None:
    assert [t.toelichting for t in overtollig("vwo", {"1027": A, "1024": A})] == [
        "wiskunde D (1027) needs wiskunde B (1025)"
    ]
    assert overtollig("vwo", {"1027": A, "1025": A}) == ()


# --- the uitslag ---------------------------------------------------------------------------------


def test_an_unflagged_subject_is_left_out_when_the_rest_is_an_exam(vo: Any) -> None:
    # art. 3.33 lid 3: a second vrije-deel subject at 3 makes the candidate fail; the rest is an exam
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("1003", "3.0", "3.0"))
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1003",)
    # ... but not a subject of the profieldeel: geschiedenis at 3 (E&M, art. 2.11 lid 3 c) stays
    doc = vo.havo_doc({"1021": "3.0"})
    r = vo.judge(doc)
    assert not r.geslaagd
    assert r.buiten_beschouwing == ()


def test_a_compulsory_subject_marked_extra_is_never_left_out(vo: Any) -> None:
    doc = vo.havo_doc({"1022": "2.0"})
    vo.set_vak(doc, "1022", extra=True)  # economie: profieldeel E&M (art. 2.11 lid 3 b)
    r = vo.judge(doc)
    assert not r.geslaagd
    assert r.buiten_beschouwing == ()
    # without the package check the flag is taken at its word
    assert compute_uitslag(structure_cijferlijst(doc), pakket=False).buiten_beschouwing == ("1022",)


def test_a_vrijstelling_counts_as_present(vo: Any) -> None:
    doc = vo.havo_doc()
    vo.set_vak(doc, "1019", se=None, vrijstelling=True)  # art. 3.8: exempt from maatschappijleer
    assert VOLLEDIG not in vo.regels(vo.judge(doc))


def _tabel_met_praktijkvak() -> Any:
    lijst = waardenlijst("vakcodes").met(
        CodeValue(
            "9101",
            "technologie en toepassing",
            kenmerken={"schoolsoorten": "vmbo-gl vmbo-tl", "soort": "praktijkgericht_vmbo"},
        )
    )
    return Codetabellen(lijst)


def test_tl_praktijkgericht_vak_counts_as_a_subject_of_the_vrije_deel(vo: Any) -> None:
    # art. 3.4 lid 1 c, 2.17a, 3.35 lid 1 c: its eindcijfer counts like any other subject's
    tabel = _tabel_met_praktijkvak()
    doc = vo.vmbo_doc("vmbo-tl")
    doc["vakken"] = [v for v in doc["vakken"] if v["vakcode"] != "0125"]
    doc["vakken"].append(vo.vak("9101", 4))
    k = structure_cijferlijst(doc)
    r = compute_uitslag(k, codes=tabel)
    assert r.niet_meegeteld == ()
    assert r.eindcijfers["9101"] == 4
    assert r.geslaagd  # one 4 with a 7 elsewhere (lid 1 c 2°)
    doc["vakken"][-1] = vo.vak("9101", 3)
    r = compute_uitslag(structure_cijferlijst(doc), codes=tabel)
    assert not r.geslaagd  # a 3 counts and cannot be left out: it is one of the two vrije-deel subjects
    assert [x.regel for x in r.redenen] == ["BRON.EXAMEN.COMPENSATIE"]


def test_leerwerktraject_with_a_full_bb_exam_is_also_judged_by_lid_1(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-bb", {"0011": "5.0"})
    doc["leerwerktraject"] = True
    # Nederlands 5: lid 6 a fails, but the subjects form the full bb exam, so lid 1 applies: one 5 passes
    assert vo.judge(doc).geslaagd
    # without Engels the subjects form no full bb exam: lid 6 alone, and it fails
    doc["vakken"] = [v for v in doc["vakken"] if v["vakcode"] != "0071"]
    r = vo.judge(doc)
    assert not r.geslaagd
    assert vo.regels(r) == ["BRON.EXAMEN.LEERWERKTRAJECT"]


def test_the_package_rules_are_in_the_catalogue_and_have_knobs() -> None:
    for rule_id in (VOLLEDIG, OVERTOLLIG):
        rule = registry.get(rule_id)
        assert rule.source
        assert rule.geldig_van is not None
        assert rule_id in EXAMENKANDIDAAT_BREAKS
    assert VOLLEDIG in CONDITIONS


def test_the_se_of_a_subject_left_out_stays_on_the_cijferlijst(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("1003", "3.0", "3.0"))
    r = vo.judge(doc)
    assert r.eindcijfers["1003"] == 3  # art. 3.40 lid 2
    assert r.ce_gemiddelde == Decimal(7)


def test_extra_verplicht_flags_a_needed_subject_marked_extra(vo: Any) -> None:
    from duo_domain.rules import validate

    doc = vo.havo_doc()
    k = structure_cijferlijst(doc)
    assert not [f for f in validate(k) if f.rule_id == "BRON.PAKKET.EXTRA_VERPLICHT"]
    vo.set_vak(doc, "1022", extra=True)  # economie: profieldeel E&M (art. 2.11 lid 3 b)
    found = [f for f in validate(structure_cijferlijst(doc)) if f.rule_id == "BRON.PAKKET.EXTRA_VERPLICHT"]
    assert [f.path for f in found] == ["$.vakken[3].extra"]
    # the only vrije-deel vak is needed as well; a second one may be extra
    doc = vo.havo_doc()
    vo.set_vak(doc, "1038", extra=True)
    assert [
        f.rule_id for f in validate(structure_cijferlijst(doc)) if f.rule_id.startswith("BRON.PAKKET")
    ] == ["BRON.PAKKET.EXTRA_VERPLICHT"]
    doc["vakken"].append(vo.vak("1003", "7.0", "7.0", extra=True))
    # each of the two may go while the other stays, so neither is needed
    found = [f for f in validate(structure_cijferlijst(doc)) if f.rule_id == "BRON.PAKKET.EXTRA_VERPLICHT"]
    assert found == []


def test_tl_with_a_full_praktijkgericht_programme_gets_a_combinatiecijfer(vo: Any) -> None:
    # art. 3.35 lid 2: a praktijkgericht vak with two keuzevakken is the programme of art. 3.7 lid 1a, so
    # lid 4 applies: the praktijkgericht vak weighs as often as there are keuzevakken
    tabel = _tabel_met_praktijkvak()
    doc = vo.vmbo_doc("vmbo-tl")
    doc["vakken"] += [vo.vak("9101", 8), vo.vak("1701", 6), vo.vak("1702", 6)]
    r = compute_uitslag(structure_cijferlijst(doc), codes=tabel)
    assert r.niet_meegeteld == ()
    assert r.combinatiecijfer == 7  # (8 + 8 + 6 + 6) / 4
    assert r.geslaagd
    # one keuzevak short of the programme: the keuzevak does not count, the praktijkgericht vak does (lid 1 c)
    doc["vakken"] = doc["vakken"][:-1]
    r = compute_uitslag(structure_cijferlijst(doc), codes=tabel)
    assert r.niet_meegeteld == ("1701",)
    assert r.combinatiecijfer is None
    assert r.eindcijfers["9101"] == 8
