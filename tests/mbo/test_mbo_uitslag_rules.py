"""Ekb WEB art. 17 (2022 text and the art. 18c text) on each side of every boundary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from duo_domain.errors import InvalidDocument
from duo_domain.mbo.examencodes import Onderdeel
from duo_domain.mbo.uitslag import (
    GeneriekInput,
    KeuzedeelInput,
    OnderdeelInput,
    UitslagInput,
    UitslagResultaat,
    compute_uitslag,
)

NEW = dt.date(2023, 8, 1)  # cohort start under the 2022 text
OLD = dt.date(2021, 8, 1)  # cohort start under art. 18c (finishing in time)
NL, EN, REK = Onderdeel.NEDERLANDS, Onderdeel.ENGELS, Onderdeel.REKENEN


def grade(onderdeel: Onderdeel, value: int) -> GeneriekInput:
    return GeneriekInput(onderdeel, eindcijfer=Decimal(value))


def run(niveau: int, start: dt.date, *, volledig: bool = True, **sections: object) -> UitslagResultaat:
    inp = UitslagInput(niveau, start, 3, dt.date(2024, 7, 1), **sections)  # type: ignore[arg-type]
    return compute_uitslag(inp, volledig=volledig)


def generiek(niveau: int, start: dt.date, *parts: GeneriekInput, volledig: bool = True) -> UitslagResultaat:
    return run(niveau, start, volledig=volledig, generieke_onderdelen=tuple(parts))


# ---------------------------------------------------------------- niveau 4, lid 3 a (2022)


@pytest.mark.parametrize(
    ("nl", "en", "rek", "passed"),
    [
        (6, 6, 6, True),
        (5, 6, 6, True),
        (6, 5, 6, True),
        (6, 6, 5, True),
        (5, 5, 6, False),
        (6, 5, 5, False),
        (5, 6, 5, False),
        (4, 6, 6, False),
        (6, 4, 10, False),
        (10, 10, 4, False),
        (5, 5, 5, False),
    ],
)
def test_niveau_4_new(nl: int, en: int, rek: int, passed: bool) -> None:
    u = generiek(4, NEW, grade(NL, nl), grade(EN, en), grade(REK, rek))
    assert u.geslaagd is passed
    assert u.regelset.regelset.value == "ekb-2022"
    for r in u.redenen:
        assert r.artikel == "Ekb WEB art. 17 lid 3 onderdeel a"


def test_niveau_4_new_reports_low_grade_and_two_fives() -> None:
    u = generiek(4, NEW, grade(NL, 4), grade(EN, 5), grade(REK, 5))
    texts = [r.toelichting for r in u.redenen]
    assert any("nederlands 4 is below 5" in t for t in texts)
    assert any("engels 5 and rekenen 5" in t for t in texts)


def test_niveau_4_new_missing_rekenen_fails() -> None:
    u = generiek(4, NEW, grade(NL, 7), grade(EN, 7))
    assert not u.geslaagd
    assert u.redenen[0].toelichting == "no result for rekenen"


# ---------------------------------------------------------------- niveau 4, old lid 3 a via 18c


@pytest.mark.parametrize(
    ("nl", "en", "passed"),
    [(6, 6, True), (5, 6, True), (6, 5, True), (5, 5, False), (4, 8, False), (8, 4, False)],
)
def test_niveau_4_old_rekenen_does_not_count(nl: int, en: int, passed: bool) -> None:
    u = generiek(4, OLD, grade(NL, nl), grade(EN, en), grade(REK, 1))
    assert u.geslaagd is passed
    assert u.regelset.regelset.value == "overgangsrecht-18c"
    for r in u.redenen:
        assert "lid 3 onderdeel a (tekst 31-07-2022" in r.artikel


def test_niveau_4_old_rekenen_must_be_taken() -> None:
    u = generiek(4, OLD, grade(NL, 7), grade(EN, 7))
    assert not u.geslaagd
    assert u.redenen[0].regel == "ROD.UITSLAG.OVERGANG_REKENEN_AFGELEGD"
    assert generiek(
        4, OLD, grade(NL, 7), grade(EN, 7), GeneriekInput(REK, beoordeling="niet voldaan")
    ).geslaagd


def test_same_grades_differ_by_regime() -> None:
    parts = (grade(NL, 6), grade(EN, 6), grade(REK, 3))
    assert generiek(4, OLD, *parts).geslaagd
    assert not generiek(4, NEW, *parts).geslaagd


# ---------------------------------------------------------------- niveau 2/3, lid 2 a


@pytest.mark.parametrize("niveau", [2, 3])
@pytest.mark.parametrize(
    ("nl", "rek", "passed"),
    [(6, 6, True), (5, 6, True), (6, 5, True), (5, 5, False), (4, 6, False), (6, 4, False), (10, 1, False)],
)
def test_niveau_2_3_new(niveau: int, nl: int, rek: int, passed: bool) -> None:
    u = generiek(niveau, NEW, grade(NL, nl), grade(REK, rek))
    assert u.geslaagd is passed
    for r in u.redenen:
        assert r.artikel == "Ekb WEB art. 17 lid 2 onderdeel a"


@pytest.mark.parametrize("niveau", [2, 3])
@pytest.mark.parametrize(("nl", "passed"), [(5, True), (4, False), (10, True), (1, False)])
def test_niveau_2_3_old_nederlands_at_least_5(niveau: int, nl: int, passed: bool) -> None:
    u = generiek(niveau, OLD, grade(NL, nl), grade(REK, 1))
    assert u.geslaagd is passed


def test_niveau_2_3_old_rekenen_taken() -> None:
    u = generiek(3, OLD, grade(NL, 7))
    assert [r.regel for r in u.redenen] == ["ROD.UITSLAG.OVERGANG_REKENEN_AFGELEGD"]


# ---------------------------------------------------------------- entree, lid 1 c


@pytest.mark.parametrize(
    ("parts", "passed"),
    [
        ((GeneriekInput(REK, beoordeling="voldaan"),), True),
        ((GeneriekInput(REK, beoordeling="niet voldaan"),), False),
        ((), False),
        ((grade(REK, 8),), False),
        ((GeneriekInput(REK, beoordeling="niet voldaan"), GeneriekInput(REK, beoordeling="voldaan")), True),
    ],
)
def test_entree_new_rekenen_voldaan(parts: tuple[GeneriekInput, ...], passed: bool) -> None:
    u = generiek(1, NEW, grade(NL, 3), *parts)
    assert u.geslaagd is passed
    for r in u.redenen:
        assert r.artikel == "Ekb WEB art. 17 lid 1 onderdeel c"


def test_entree_old_no_rekenen_condition() -> None:
    assert generiek(1, OLD, grade(NL, 3)).geslaagd


# ---------------------------------------------------------------- several results for one part


def test_highest_grade_counts() -> None:
    u = generiek(4, NEW, grade(NL, 4), grade(NL, 6), grade(EN, 6), grade(REK, 6))
    assert u.geslaagd
    assert u.eindcijfers["nederlands"] == 6


def test_beoordeling_alone_cannot_stand_for_a_grade() -> None:
    u = generiek(4, NEW, grade(NL, 6), grade(EN, 6), GeneriekInput(REK, beoordeling="voldaan"))
    assert not u.geslaagd
    assert "only a beoordeling" in u.redenen[0].toelichting
    assert u.eindcijfers["rekenen"] == "voldaan"


def test_ie_ce_are_averaged() -> None:
    u = generiek(
        3, NEW, GeneriekInput(NL, ie=Decimal("5.4"), ce=Decimal("5.5")), GeneriekInput(REK, ie=Decimal("5.5"))
    )
    assert u.eindcijfers == {"nederlands": 5, "rekenen": 6}
    assert u.geslaagd


# ---------------------------------------------------------------- register data: missing is not judged


def test_incomplete_data_is_not_judged() -> None:
    u = generiek(4, NEW, grade(NL, 6), grade(EN, 6), volledig=False)
    assert u.geslaagd
    assert u.niet_beoordeeld
    still_fails = generiek(4, NEW, grade(NL, 4), grade(EN, 6), volledig=False)
    assert not still_fails.geslaagd


def test_entree_rekenen_not_in_register() -> None:
    u = generiek(1, NEW, grade(NL, 6), volledig=False)
    assert u.geslaagd
    assert "no code" in u.niet_beoordeeld[0]


# ---------------------------------------------------------------- specifieke onderdelen, L&B


@pytest.mark.parametrize(
    ("part", "passed"),
    [
        (OnderdeelInput(eindcijfer=Decimal(6)), True),
        (OnderdeelInput(eindcijfer=Decimal(5)), False),
        (OnderdeelInput(beoordeling="voldoende"), True),
        (OnderdeelInput(beoordeling="uitmuntend"), True),
        (OnderdeelInput(beoordeling="bijna voldoende"), False),
        (OnderdeelInput(beoordeling="onvoldoende"), False),
    ],
)
@pytest.mark.parametrize(("niveau", "onderdeel"), [(1, "a"), (2, "b"), (4, "b")])
def test_specifieke_onderdelen(part: OnderdeelInput, passed: bool, niveau: int, onderdeel: str) -> None:
    u = run(niveau, NEW, specifieke_onderdelen=(OnderdeelInput(eindcijfer=Decimal(9)), part))
    assert u.geslaagd is passed
    for r in u.redenen:
        assert r.artikel.endswith(f"onderdeel {onderdeel}")


@pytest.mark.parametrize(("value", "passed"), [("voldaan", True), ("niet voldaan", False)])
def test_loopbaan_en_burgerschap(value: str, passed: bool) -> None:
    u = run(3, NEW, loopbaan_en_burgerschap=value)
    assert u.geslaagd is passed
    assert u.beoordeeld == ("loopbaan_en_burgerschap",)
    if not passed:
        assert u.redenen[0].artikel == "Ekb WEB art. 17 lid 2 onderdeel c"


# ---------------------------------------------------------------- keuzedelen, lid 2 d / 3 d


def kd(*grades: int, extra: tuple[int, ...] = ()) -> tuple[KeuzedeelInput, ...]:
    out = [KeuzedeelInput(f"K{i:04d}", eindcijfer=Decimal(g)) for i, g in enumerate(grades)]
    out += [KeuzedeelInput("K9999", eindcijfer=Decimal(g), extra=True) for g in extra]
    return tuple(out)


@pytest.mark.parametrize(
    ("grades", "passed", "regels"),
    [
        ((6,), True, []),
        ((5,), False, ["ROD.UITSLAG.KEUZEDEEL"]),
        ((6, 6), True, []),
        ((7, 5), True, []),  # average 6, half >= 6, rest >= 4
        ((6, 5), False, ["ROD.UITSLAG.KEUZEDELEN_GEMIDDELDE"]),  # average 5.5
        ((8, 4), True, []),
        ((8, 4, 6), True, []),
        ((8, 3, 7), False, ["ROD.UITSLAG.KEUZEDELEN_MINIMAAL_4"]),
        ((9, 5, 5), False, ["ROD.UITSLAG.KEUZEDELEN_HELFT"]),  # average 6.33, only 1 of 3 >= 6
        ((6, 5, 5), False, ["ROD.UITSLAG.KEUZEDELEN_GEMIDDELDE", "ROD.UITSLAG.KEUZEDELEN_HELFT"]),
        ((7, 5, 5, 7), True, []),  # exactly half >= 6
        ((9, 9, 9, 3), False, ["ROD.UITSLAG.KEUZEDELEN_MINIMAAL_4"]),
    ],
)
@pytest.mark.parametrize("niveau", [2, 4])
def test_keuzedelen_rule(grades: tuple[int, ...], passed: bool, regels: list[str], niveau: int) -> None:
    u = run(niveau, NEW, keuzedelen=kd(*grades))
    assert u.geslaagd is passed
    assert [r.regel for r in u.redenen] == regels


def test_extra_keuzedeel_does_not_count() -> None:
    assert run(3, NEW, keuzedelen=kd(6, extra=(1,))).geslaagd
    assert not run(3, NEW, keuzedelen=kd(extra=(8,))).geslaagd


def test_keuzedeel_beoordeling_single() -> None:
    assert run(4, NEW, keuzedelen=(KeuzedeelInput(beoordeling="voldoende"),)).geslaagd
    assert not run(4, NEW, keuzedelen=(KeuzedeelInput(beoordeling="onvoldoende"),)).geslaagd


def test_keuzedelen_entree_each_at_least_6() -> None:
    assert run(1, NEW, keuzedelen=kd(6, 6)).geslaagd
    u = run(1, NEW, keuzedelen=kd(7, 5))
    assert [r.artikel for r in u.redenen] == ["Ekb WEB art. 17 lid 1 onderdeel a"]


def test_keuzedelen_several_need_grades() -> None:
    with pytest.raises(InvalidDocument, match="needs an eindcijfer"):
        run(4, NEW, keuzedelen=(KeuzedeelInput(beoordeling="goed"), KeuzedeelInput(eindcijfer=Decimal(7))))


def test_keuzedelen_rule_applies_in_both_regimes() -> None:
    assert not run(4, OLD, keuzedelen=kd(6, 5)).geslaagd


# ---------------------------------------------------------------- the whole exam


def test_every_failed_condition_is_reported() -> None:
    u = run(
        4,
        NEW,
        generieke_onderdelen=(grade(NL, 5), grade(EN, 5), grade(REK, 6)),
        specifieke_onderdelen=(OnderdeelInput(eindcijfer=Decimal(5)),),
        loopbaan_en_burgerschap="niet voldaan",
        keuzedelen=kd(5),
    )
    assert u.uitslag.value == "afgewezen"
    assert [r.artikel for r in u.redenen] == [
        "Ekb WEB art. 17 lid 3 onderdeel a",
        "Ekb WEB art. 17 lid 3 onderdeel b",
        "Ekb WEB art. 17 lid 3 onderdeel c",
        "Ekb WEB art. 17 lid 3 onderdeel d",
    ]
    assert u.beoordeeld == (
        "generieke_onderdelen",
        "specifieke_onderdelen",
        "loopbaan_en_burgerschap",
        "keuzedelen",
    )
