"""The judicium cum laude, from Uitvoeringsbesluit WVO 2020 art. 3.47, 3.48 (texts 2022-08-01 to 2026-08-01).

Art. 3.47 lid 1 (vwo) and lid 2 (havo): a. a mean eindcijfer of at least 8.0 over the gemeenschappelijk
deel, the combinatiecijfer of art. 3.34 lid 2, the profieldeel and the best vrije-deel subject; b. every
subject counted in the uitslag at least 7 (vwo) / 6 (havo) or voldoende. Art. 3.48 lid 1 (tl), lid 2
(bb, kb), lid 3 (gl) name their own sets; b. at least 6 (and for tl and gl the profielwerkstuk voldoende).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from duo_domain.rules import validate
from duo_domain.vo import Beoordeling, Examendeel, Examenkandidaat, ExamResult, Profielwerkstuk, Schoolsoort
from duo_domain.vo.cum_laude import cum_laude

P, V = Examendeel.PROFIEL, Examendeel.VRIJ


def _ce(code: str, g: int, deel: Examendeel | None = None, **kw: object) -> ExamResult:
    """A subject with SE = CE = g: its eindcijfer is g."""
    return ExamResult(code, se=Decimal(g), ce=Decimal(g), examendeel=deel, **kw)  # type: ignore[arg-type]


def _se(code: str, g: int, **kw: object) -> ExamResult:
    return ExamResult(code, se=Decimal(g), **kw)  # type: ignore[arg-type]


GOED = Beoordeling.GOED


def havo(
    ne: int = 8,
    en: int = 8,
    wis: int = 8,
    p1: int = 8,
    p2: int = 8,
    vrij: int = 8,
    combi: int = 8,
    mvt: int = 8,
    *,
    schoolsoort: Schoolsoort = Schoolsoort.HAVO,
    extra: tuple[ExamResult, ...] = (),
) -> Examenkandidaat:
    """Ne, En, wiskunde A, two profieldeel subjects, one vrije-deel subject; mij, ckv and pws ``combi``."""
    return Examenkandidaat(
        schoolsoort,
        2025,
        (
            _ce("1001", ne),
            _ce("1002", en),
            _ce("1024", wis),
            _ce("1021", p1, P),
            _ce("1022", p2, P),
            _ce("0131", vrij, V),
            # a complete exam (art. 3.1-3.3): a vwo tweede moderne vreemde taal (gemeenschappelijk deel, in
            # the mean of art. 3.47 a) and a vrije-deel subject beyond the profile, graded like 0131
            *((_ce("1004", mvt),) if schoolsoort is Schoolsoort.VWO else ()),
            _se("1038", vrij, examendeel=V),
            *extra,
            _se("1019", combi),
            _se("1020", combi),
            ExamResult("0353", beoordeling=GOED),
        ),
        profielwerkstuk=Profielwerkstuk(cijfer=combi),
    )


# --- havo and vwo, art. 3.47 ---------------------------------------------------------------------


def test_havo_mean_exactly_8_is_cum_laude() -> None:
    c = cum_laude(havo())
    assert c.toegekend is True
    assert c.gemiddelde == 8
    assert [code for code, _ in c.betrokken] == [
        "1001",
        "1002",
        "1024",
        "1021",
        "1022",
        "combinatiecijfer",
        "0131",
    ]
    assert c.artikel.endswith("art. 3.47 lid 2")


def test_havo_mean_just_below_8_is_not_and_is_not_rounded() -> None:
    c = cum_laude(havo(p2=7))  # 55 / 7 = 7.857...: 7.9 when rounded to one decimal, still below 8.0
    assert c.toegekend is False
    assert c.to_dict()["gemiddelde"] == "7.85"
    assert "below 8.0" in c.redenen[0].toelichting
    assert c.redenen[0].artikel.endswith("art. 3.47 lid 2 a")


def test_only_the_best_vrije_deel_subject_counts() -> None:
    # a second vrije-deel subject with 6 is not in the mean (lid 2 a 2°): the mean stays 8.0
    c = cum_laude(havo(extra=(_ce("1034", 6, V),)))
    assert c.toegekend is True
    assert "1034" not in dict(c.betrokken)
    best = cum_laude(havo(vrij=6, extra=(_ce("1034", 8, V),)))
    assert dict(best.betrokken).get("1034") == 8
    assert "0131" not in dict(best.betrokken)


def test_havo_condition_b_allows_a_6_but_not_a_5() -> None:
    assert cum_laude(havo(ne=9, en=9, wis=9, p2=6, vrij=9)).toegekend is True
    c = cum_laude(havo(ne=9, en=9, wis=9, p1=9, p2=5, vrij=9, combi=9))
    assert c.toegekend is False  # the candidate passes (one 5), the mean is 8.43, but b fails
    assert c.redenen[-1].artikel.endswith("art. 3.47 lid 2 b")
    assert "1022 5" in c.redenen[-1].toelichting


def test_vwo_condition_b_needs_7() -> None:
    assert cum_laude(havo(ne=9, en=9, wis=9, p2=7, vrij=9, schoolsoort=Schoolsoort.VWO)).toegekend is True
    c = cum_laude(havo(ne=9, en=9, wis=9, p2=6, vrij=9, schoolsoort=Schoolsoort.VWO))
    assert c.toegekend is False
    assert c.redenen[0].artikel.endswith("art. 3.47 lid 1 b")


def test_vwo_combinatiecijfer_below_7_fails_b() -> None:
    c = cum_laude(havo(ne=10, en=10, wis=10, p1=10, p2=10, vrij=10, combi=6, schoolsoort=Schoolsoort.VWO))
    assert c.toegekend is False
    assert "combinatiecijfer 6" in c.redenen[0].toelichting


def test_afgewezen_is_never_cum_laude() -> None:
    c = cum_laude(havo(ne=3))
    assert c.toegekend is False
    assert "afgewezen" in c.redenen[0].toelichting


def test_a_left_out_subject_is_not_counted() -> None:
    # an extra subject with a 3 is left out under art. 3.33 lid 3; it then counts neither in a nor in b
    c = cum_laude(havo(extra=(_ce("1034", 3, V, extra=True),)))
    assert c.toegekend is True


def test_unplaced_subjects_make_it_undetermined_only_when_the_outcome_depends_on_them() -> None:
    k = havo(p1=10, p2=6, vrij=6)
    open_ = attrs.evolve(k, vakken=[attrs.evolve(v, examendeel=None) for v in k.vakken])
    c = cum_laude(open_)
    assert c.toegekend is None
    assert c.gemiddelde is None
    assert "send their examendeel" in c.redenen[0].toelichting
    # all 8: every placement gives 8.0
    same = havo()
    assert cum_laude(
        attrs.evolve(same, vakken=[attrs.evolve(v, examendeel=None) for v in same.vakken])
    ).toegekend


# --- vmbo, art. 3.48 ---------------------------------------------------------------------------


def bbkb(
    pv: int = 8, a1: int = 8, a2: int = 8, keuze: int = 8, ne: int = 8, ss: Schoolsoort = Schoolsoort.VMBO_BB
) -> Examenkandidaat:
    return Examenkandidaat(
        ss,
        2025,
        (
            _ce("0011", ne),
            _ce("0071", 6),
            _ce("0153", a1),
            _ce("0233", a2),
            _se("0322", 6),
            ExamResult("0353", beoordeling=GOED),
            ExamResult("0416", beoordeling=GOED),
            _ce("1700", pv),  # economie en ondernemen: 0233 and 0153 fill its profieldeel (art. 2.21)
            *(_se(c, keuze) for c in ("1701", "1702", "1703", "1704")),
        ),
    )


@pytest.mark.parametrize("ss", [Schoolsoort.VMBO_BB, Schoolsoort.VMBO_KB])
def test_bb_kb_mean_of_profielvak_two_algemene_vakken_and_keuzevakken(ss: Schoolsoort) -> None:
    c = cum_laude(bbkb(ss=ss))
    assert c.toegekend is True
    assert dict(c.betrokken) == {"1700": 8, "0153": 8, "0233": 8, "combinatiecijfer": 8}
    assert c.artikel.endswith("art. 3.48 lid 2")
    assert cum_laude(bbkb(pv=7, ss=ss)).toegekend is False  # 31 / 4 = 7.75


def test_bb_nederlands_is_not_in_the_mean_but_in_condition_b() -> None:
    assert cum_laude(bbkb(ne=6)).toegekend is True
    c = cum_laude(bbkb(ne=5))  # passes (one 5), not cum laude: b needs 6
    assert c.toegekend is False
    assert "0011 5" in c.redenen[0].toelichting


def gl(vrij: int, keuze: int, pws: Beoordeling = Beoordeling.VOLDOENDE) -> Examenkandidaat:
    return Examenkandidaat(
        Schoolsoort.VMBO_GL,
        2025,
        (
            _ce("0011", 8),
            _ce("0071", 8),
            _ce("0153", 8),
            _ce("0233", 8),
            _ce("0191", vrij, V),
            _se("0322", 8),
            ExamResult("0353", beoordeling=GOED),
            ExamResult("0416", beoordeling=GOED),
            _ce("1700", keuze),
            _se("1701", keuze),
            _se("1702", keuze),
        ),
        profielwerkstuk=Profielwerkstuk(beoordeling=pws),
    )


def test_gl_takes_the_higher_of_the_vrije_algemene_vak_and_the_combinatiecijfer() -> None:
    c = cum_laude(gl(vrij=6, keuze=9))  # 8, 8, 8, 8, 8 and max(6, 9): 49 / 6 = 8.17
    assert c.toegekend is True
    assert dict(c.betrokken)["combinatiecijfer"] == 9
    assert "0191" not in dict(c.betrokken)
    assert cum_laude(gl(vrij=9, keuze=6)).toegekend is True
    assert cum_laude(gl(vrij=7, keuze=7)).toegekend is False  # 47 / 6 = 7.83


def tl(p: int = 8, vrij: int = 8, pws: Beoordeling = Beoordeling.GOED) -> Examenkandidaat:
    return Examenkandidaat(
        Schoolsoort.VMBO_TL,
        2025,
        (
            _ce("0011", 8),
            _ce("0071", 8),
            _ce("0153", 8, P),
            _ce("0233", 8, P),
            _ce("0191", p, P),
            _ce("0125", vrij, V),
            _ce("0063", 6, V),
            _se("0322", 8),
            ExamResult("0353", beoordeling=GOED),
            ExamResult("0416", beoordeling=GOED),
        ),
        profielwerkstuk=Profielwerkstuk(beoordeling=pws),
    )


def test_tl_mean_of_ne_en_mij_profieldeel_and_best_vrij() -> None:
    c = cum_laude(tl())
    assert c.toegekend is True
    assert set(dict(c.betrokken)) == {"0011", "0071", "0322", "0153", "0233", "0191", "0125"}
    assert c.artikel.endswith("art. 3.48 lid 1")
    assert cum_laude(tl(p=7)).toegekend is False  # 55 / 7


def test_tl_profielwerkstuk_onvoldoende_is_afgewezen_so_not_cum_laude() -> None:
    assert cum_laude(tl(pws=Beoordeling.ONVOLDOENDE)).toegekend is False


# --- the rule ----------------------------------------------------------------------------------


def test_rule_flags_a_reported_judicium_the_law_does_not_give_and_the_reverse() -> None:
    yes, no = havo(), havo(p2=7)
    assert "BRON.EXAMEN.CUM_LAUDE" not in validate(attrs.evolve(yes, cum_laude=True)).rule_ids
    assert "BRON.EXAMEN.CUM_LAUDE" not in validate(attrs.evolve(no, cum_laude=False)).rule_ids
    assert "BRON.EXAMEN.CUM_LAUDE" in validate(attrs.evolve(no, cum_laude=True)).rule_ids
    assert "BRON.EXAMEN.CUM_LAUDE" in validate(attrs.evolve(yes, cum_laude=False)).rule_ids
    assert "BRON.EXAMEN.CUM_LAUDE" not in validate(yes).rule_ids  # not reported: nothing to compare
