"""Art. 3.34 lid 1 b: the kernvakken are Nederlands, Engels and the wiskunde of the candidate's profile.

Cases from the law text (Uitvoeringsbesluit WVO 2020, BWBR0045787, art. 3.34 lid 1 b and c): "voor één
van de vakken Nederlandse taal en literatuur, Engelse taal en literatuur en voor zover van toepassing
wiskunde A, wiskunde B of wiskunde C als eindcijfer 5 of hoger ... en voor het andere vak of andere hier
genoemde vakken als eindcijfer 6 of hoger". A second wiskunde taken beyond the profile is no kernvak; it
counts in the compensation of lid 1 c like any subject.
"""

from __future__ import annotations

from decimal import Decimal

from duo_domain.vo import (
    Beoordeling,
    Examendeel,
    Examenkandidaat,
    ExamResult,
    Profielwerkstuk,
    Schoolsoort,
    compute_uitslag,
)


def _d(text: str) -> Decimal:
    return Decimal(text)


def _kandidaat(wis_b: tuple[str, str], wis_a: ExamResult) -> Examenkandidaat:
    # CE: 5.0 5.5 5.5 5.5 5.5 5.4 = 32.4 over 6 (5.40) without wiskunde A; with its 6.6: 39.0 over 7 (5.57)
    return Examenkandidaat(
        Schoolsoort.HAVO,
        2025,
        (
            ExamResult("1001", se=_d("5.0"), ce=_d("5.0")),  # Nederlands 5
            ExamResult("1002", se=_d("6.5"), ce=_d("5.5")),  # Engels 6
            ExamResult("1025", se=_d(wis_b[0]), ce=_d(wis_b[1]), examendeel=Examendeel.PROFIEL),  # wiskunde B
            wis_a,
            ExamResult("1022", se=_d("8.5"), ce=_d("5.5")),  # 7
            ExamResult("1021", se=_d("8.5"), ce=_d("5.5")),  # 7
            ExamResult("0131", se=_d("8.6"), ce=_d("5.4")),  # 7
            ExamResult("1019", se=_d("7")),
            ExamResult("1020", se=_d("7")),
            ExamResult("0353", beoordeling=Beoordeling.VOLDOENDE),
        ),
        profielwerkstuk=Profielwerkstuk(cijfer=7),
    )


WIS_A_EXTRA = ExamResult("1024", se=_d("3.4"), ce=_d("6.6"), extra=True)  # eindcijfer 5


def test_an_extra_wiskunde_at_5_is_no_kernvak() -> None:
    # kernvakken 5 (Ne), 6 (En), 6 (wiskunde B): one 5 is allowed (lid 1 b); the extra wiskunde A 5 and
    # Nederlands 5 are two 5s with a mean of 6.25 (lid 1 c 3°); its CE keeps the CE mean at 5.57 (lid 1 a)
    r = compute_uitslag(_kandidaat(("6.5", "5.5"), WIS_A_EXTRA))
    assert r.geslaagd, r.redenen
    assert r.buiten_beschouwing == ()
    assert r.eindcijfers["1024"] == 5


def test_a_wiskunde_in_the_vrije_deel_is_no_kernvak() -> None:
    wis_a = ExamResult("1024", se=_d("3.4"), ce=_d("6.6"), examendeel=Examendeel.VRIJ)
    assert compute_uitslag(_kandidaat(("6.5", "5.5"), wis_a)).geslaagd


def test_the_wiskunde_of_the_profile_at_5_next_to_nederlands_5_fails() -> None:
    # wiskunde B (5.0 + 5.0) / 2 = 5: two kernvakken at 5 (lid 1 b)
    r = compute_uitslag(_kandidaat(("5.0", "5.0"), WIS_A_EXTRA))
    assert "BRON.EXAMEN.KERNVAKKEN" in [x.regel for x in r.redenen]
    assert not r.geslaagd


def test_two_unmarked_wiskunde_subjects_take_the_higher_as_kernvak_and_say_so() -> None:
    k = _kandidaat(("6.5", "5.5"), ExamResult("1024", se=_d("3.4"), ce=_d("6.6")))
    k = Examenkandidaat(
        k.schoolsoort,
        k.examenjaar,
        tuple(
            ExamResult("1025", se=v.se, ce=v.ce) if v.vakcode == "1025" else v  # drop the examendeel
            for v in k.vakken
        ),
        profielwerkstuk=k.profielwerkstuk,
    )
    r = compute_uitslag(k)
    assert r.geslaagd
    assert any("1025 (the highest eindcijfer) is taken as the kernvak" in o for o in r.opmerkingen)
