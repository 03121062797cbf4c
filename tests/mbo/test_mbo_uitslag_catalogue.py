"""Every reason of the MBO and VO uitslag is a rule of the catalogue; ROD.UITSLAG.* as findings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D  # noqa: N817 - short in tables of grades

import pytest

from duo_domain import registry, validate
from duo_domain.mbo import uitslag as mbo
from duo_domain.mbo.examencodes import Onderdeel
from duo_domain.mbo.uitslag import GeneriekInput, KeuzedeelInput, OnderdeelInput, UitslagInput
from duo_domain.vo import uitslag as vo

NEW = dt.date(2023, 8, 1)  # started after 2022-08-01: art. 17 as amended by Stb. 2022, 62
OLD = dt.date(2021, 8, 1)  # art. 18c lid 1: started before 2022-08-01
PRE_2020 = dt.date(2020, 7, 31)  # started before the keuzedelen slaag-zakregeling (cohort 2020-2021)
UITSLAG = dt.date(2025, 7, 1)


@pytest.mark.parametrize("regel", [*mbo.REGELS, *vo.REGELS])
def test_every_reason_is_a_catalogue_rule_with_source_and_validity(regel: str) -> None:
    rule = registry.get(regel)
    assert rule.source
    assert rule.geldig_van is not None
    assert rule.in_force(dt.date(2025, 7, 1))


def _inp(niveau: int, start: dt.date, **sections: object) -> UitslagInput:
    return UitslagInput(
        niveau=niveau,
        cohort_start=start,
        studieduur_jaren=3,
        datum_uitslag=UITSLAG,
        **sections,  # type: ignore[arg-type]
    )


def _g(onderdeel: Onderdeel, cijfer: int) -> GeneriekInput:
    return GeneriekInput(onderdeel, eindcijfer=D(cijfer))


NL, EN, REK = Onderdeel.NEDERLANDS, Onderdeel.ENGELS, Onderdeel.REKENEN

# (input that passes at the boundary, input that fails just across it, the rule that fails)
CASES = [
    # art. 17 lid 2 a: one of Nederlandse taal and rekenen at least 5, the other at least 6
    (
        _inp(3, NEW, generieke_onderdelen=(_g(NL, 5), _g(REK, 6))),
        _inp(3, NEW, generieke_onderdelen=(_g(NL, 5), _g(REK, 5))),
        "ROD.UITSLAG.NEDERLANDS_REKENEN",
    ),
    # art. 17 lid 3 a: of Engels, Nederlandse taal and rekenen one at least 5
    (
        _inp(4, NEW, generieke_onderdelen=(_g(NL, 6), _g(EN, 5), _g(REK, 6))),
        _inp(4, NEW, generieke_onderdelen=(_g(NL, 6), _g(EN, 4), _g(REK, 6))),
        "ROD.UITSLAG.NEDERLANDS_ENGELS_REKENEN",
    ),
    # art. 17 lid 1 c: entree rekenen «voldaan»
    (
        _inp(1, NEW, generieke_onderdelen=(GeneriekInput(REK, beoordeling="voldaan"),)),
        _inp(1, NEW, generieke_onderdelen=(GeneriekInput(REK, beoordeling="niet voldaan"),)),
        "ROD.UITSLAG.ENTREE_REKENEN",
    ),
    # art. 18c with art. 17 lid 2 a (text of 2022-07-31): Nederlandse taal at least 5, rekenen taken
    (
        _inp(2, OLD, generieke_onderdelen=(_g(NL, 5), _g(REK, 1))),
        _inp(2, OLD, generieke_onderdelen=(_g(NL, 4), _g(REK, 1))),
        "ROD.UITSLAG.OVERGANG_NEDERLANDS",
    ),
    (
        _inp(2, OLD, generieke_onderdelen=(_g(NL, 6), _g(REK, 1))),
        _inp(2, OLD, generieke_onderdelen=(_g(NL, 6),)),
        "ROD.UITSLAG.OVERGANG_REKENEN_AFGELEGD",
    ),
    # art. 18c with art. 17 lid 3 a (text of 2022-07-31): of Nederlands and Engels one at least 5
    (
        _inp(4, OLD, generieke_onderdelen=(_g(NL, 5), _g(EN, 6), _g(REK, 1))),
        _inp(4, OLD, generieke_onderdelen=(_g(NL, 5), _g(EN, 5), _g(REK, 1))),
        "ROD.UITSLAG.OVERGANG_NEDERLANDS_ENGELS",
    ),
    # art. 17 lid 2 b: specifieke onderdelen at least 6 or «voldoende»
    (
        _inp(3, NEW, specifieke_onderdelen=(OnderdeelInput(D(6)), OnderdeelInput(beoordeling="voldoende"))),
        _inp(3, NEW, specifieke_onderdelen=(OnderdeelInput(beoordeling="bijna voldoende"),)),
        "ROD.UITSLAG.SPECIFIEK",
    ),
    # art. 17 lid 2 c: loopbaan en burgerschap «voldaan»
    (
        _inp(3, NEW, loopbaan_en_burgerschap="voldaan"),
        _inp(3, NEW, loopbaan_en_burgerschap="niet voldaan"),
        "ROD.UITSLAG.LOOPBAAN_BURGERSCHAP",
    ),
    # art. 17 lid 2 d: one keuzedeel at least 6
    (
        _inp(3, NEW, keuzedelen=(KeuzedeelInput("K1", D(6)),)),
        _inp(3, NEW, keuzedelen=(KeuzedeelInput("K1", D(5)),)),
        "ROD.UITSLAG.KEUZEDEEL",
    ),
    # art. 17 lid 2 d (tekst 15-03-2020), kept for a student who started before 2020-08-01: keuzedeel taken
    (
        _inp(3, PRE_2020, keuzedelen=(KeuzedeelInput("K1", D(2)),)),
        _inp(3, PRE_2020, keuzedelen=(KeuzedeelInput("K1", D(9), extra=True),)),
        "ROD.UITSLAG.KEUZEDEEL_AFGELEGD",
    ),
    # art. 17 lid 2 d 1°: the average of two or more keuzedelen at least 6
    (
        _inp(3, NEW, keuzedelen=(KeuzedeelInput("K1", D(7)), KeuzedeelInput("K2", D(5)))),
        _inp(3, NEW, keuzedelen=(KeuzedeelInput("K1", D(6)), KeuzedeelInput("K2", D(5)))),
        "ROD.UITSLAG.KEUZEDELEN_GEMIDDELDE",
    ),
    # art. 17 lid 2 d 2°: at least half at least 6
    (
        _inp(
            3,
            NEW,
            keuzedelen=(KeuzedeelInput("K1", D(8)), KeuzedeelInput("K2", D(6)), KeuzedeelInput("K3", D(5))),
        ),
        _inp(
            3,
            NEW,
            keuzedelen=(KeuzedeelInput("K1", D(9)), KeuzedeelInput("K2", D(5)), KeuzedeelInput("K3", D(5))),
        ),
        "ROD.UITSLAG.KEUZEDELEN_HELFT",
    ),
    # art. 17 lid 2 d 2°: the others at least 4
    (
        _inp(3, NEW, keuzedelen=(KeuzedeelInput("K1", D(8)), KeuzedeelInput("K2", D(4)))),
        _inp(3, NEW, keuzedelen=(KeuzedeelInput("K1", D(9)), KeuzedeelInput("K2", D(3)))),
        "ROD.UITSLAG.KEUZEDELEN_MINIMAAL_4",
    ),
]


@pytest.mark.parametrize(("passes", "fails", "regel"), CASES, ids=[c[2] for c in CASES])
def test_findings_match_the_reasons_at_each_boundary(
    passes: UitslagInput, fails: UitslagInput, regel: str
) -> None:
    assert mbo.compute_uitslag(passes).geslaagd
    assert validate(passes).ok
    result = mbo.compute_uitslag(fails)
    assert not result.geslaagd
    assert regel in {r.regel for r in result.redenen}
    found = [f for f in validate(fails) if f.rule_id == regel]
    assert found, regel
    assert all(f.path == "$" and f.severity.is_error for f in found)


def test_every_rule_has_a_case() -> None:
    assert {c[2] for c in CASES} == set(mbo.REGELS)


def test_unusable_input_gives_no_finding() -> None:
    # two keuzedelen, one without an eindcijfer: compute_uitslag raises; the rules stay silent
    inp = _inp(3, NEW, keuzedelen=(KeuzedeelInput("K1", D(7)), KeuzedeelInput("K2", beoordeling="goed")))
    assert validate(inp).ok
