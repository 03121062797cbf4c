"""The MBO uitslag under the texts of art. 17 before 2022-08-01, written from the text of 15-03-2020.

Art. 17 as it read from 2020-03-15: lid 2 a "voor het generieke examenonderdeel Nederlandse taal een
eindwaardering van ten minste het cijfer 5 is behaald, en het generieke examenonderdeel rekenen is
afgelegd"; lid 3 a of Engels and Nederlandse taal one at least 5 and the other at least 6, rekenen
afgelegd; lid 1 c / 2 d / 3 d "examen is afgelegd in het keuzedeel". Keuzedelen count with their
grades for the cohort from 2020-08-01.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D  # noqa: N817 - short in tables of grades

from duo_domain import validate
from duo_domain.mbo.examencodes import Onderdeel
from duo_domain.mbo.uitslag import (
    KEUZEDEEL,
    KEUZEDEEL_AFGELEGD,
    OVERGANG_NEDERLANDS,
    OVERGANG_NEDERLANDS_ENGELS,
    GeneriekInput,
    KeuzedeelInput,
    Regelset,
    UitslagInput,
    compute_uitslag,
)

NL, EN, REK = Onderdeel.NEDERLANDS, Onderdeel.ENGELS, Onderdeel.REKENEN
d = dt.date


def _g(onderdeel: Onderdeel, cijfer: int) -> GeneriekInput:
    return GeneriekInput(onderdeel, eindcijfer=D(cijfer))


def _inp(niveau: int, start: dt.date, datum: dt.date, **sections: object) -> UitslagInput:
    return UitslagInput(
        niveau=niveau,
        cohort_start=start,
        studieduur_jaren=3,
        datum_uitslag=datum,
        **sections,  # type: ignore[arg-type]
    )


def test_niveau_2_in_2021_nederlands_5_and_rekenen_only_taken() -> None:
    passes = compute_uitslag(
        _inp(2, d(2019, 8, 1), d(2021, 6, 30), generieke_onderdelen=(_g(NL, 5), _g(REK, 1)))
    )
    assert passes.geslaagd
    assert passes.regelset.regelset is Regelset.EKB_2020_08
    fails = compute_uitslag(
        _inp(2, d(2019, 8, 1), d(2021, 6, 30), generieke_onderdelen=(_g(NL, 4), _g(REK, 9)))
    )
    assert [r.regel for r in fails.redenen] == [OVERGANG_NEDERLANDS]
    assert fails.redenen[0].artikel.endswith("lid 2 onderdeel a (tekst 01-08-2020)")


def test_niveau_4_in_spring_2020_cites_the_text_of_15_march_2020() -> None:
    inp = _inp(4, d(2017, 8, 1), d(2020, 6, 1), generieke_onderdelen=(_g(NL, 5), _g(EN, 5), _g(REK, 1)))
    result = compute_uitslag(inp)
    assert [r.regel for r in result.redenen] == [OVERGANG_NEDERLANDS_ENGELS]
    assert result.redenen[0].artikel.endswith("lid 3 onderdeel a (tekst 15-03-2020)")
    assert [f.rule_id for f in validate(inp)] == [OVERGANG_NEDERLANDS_ENGELS]


def test_entree_before_2022_has_no_rekenen_condition() -> None:
    assert compute_uitslag(_inp(1, d(2020, 9, 1), d(2021, 7, 1), generieke_onderdelen=())).geslaagd


def test_keuzedeel_taken_is_enough_before_the_cohort_2020() -> None:
    low = (KeuzedeelInput("K0067", D(3)),)
    assert compute_uitslag(_inp(3, d(2020, 7, 31), d(2023, 6, 1), keuzedelen=low)).geslaagd
    graded = compute_uitslag(_inp(3, d(2020, 8, 1), d(2023, 6, 1), keuzedelen=low))
    assert [r.regel for r in graded.redenen] == [KEUZEDEEL]
    none_taken = compute_uitslag(_inp(3, d(2020, 7, 31), d(2023, 6, 1), keuzedelen=()))
    assert [r.regel for r in none_taken.redenen] == [KEUZEDEEL_AFGELEGD]
    assert "tekst 15-03-2020" in none_taken.redenen[0].artikel


def test_18c_lid_2_is_cited_by_its_own_lid() -> None:
    # started studiejaar 2 on 2023-07-31, before 2023-08-01 (art. 18c lid 2)
    inp = UitslagInput(
        niveau=3,
        cohort_start=d(2023, 7, 31),
        studieduur_jaren=3,
        datum_uitslag=d(2025, 7, 1),
        instroom_studiejaar=2,
        generieke_onderdelen=(_g(NL, 4), _g(REK, 1)),
    )
    result = compute_uitslag(inp)
    assert result.regelset.regelset is Regelset.OVERGANGSRECHT_18C
    assert result.redenen[0].artikel.endswith("(tekst 31-07-2022, via art. 18c lid 2 onderdeel a)")


def test_register_diploma_of_an_early_cohort_judges_keuzedelen_as_taken() -> None:
    from duo_domain.mbo.results import Diploma, KeuzedeelResultaat, KeuzedeelUitkomst
    from duo_domain.mbo.uitslag import uitslag_from_diploma

    kd = KeuzedeelResultaat("K1", "K0067", KeuzedeelUitkomst.NIET_BEHAALD)
    diploma = Diploma("D1", "25655", d(2021, 6, 30), True, "C1", keuzedelen=(kd,))  # noqa: FBT003
    early = uitslag_from_diploma(diploma, niveau=3, cohort_start=d(2019, 8, 1), studieduur_jaren=3)
    assert early.geslaagd
    assert "keuzedelen" in early.beoordeeld
    assert not [n for n in early.niet_beoordeeld if n.startswith("keuzedelen")]
    late = uitslag_from_diploma(diploma, niveau=3, cohort_start=d(2020, 8, 1), studieduur_jaren=1)
    assert [n for n in late.niet_beoordeeld if n.startswith("keuzedelen")]
