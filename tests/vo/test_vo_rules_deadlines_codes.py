"""BRON.EXAMEN.* rules, deadlines and code tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from duo_domain.codes import Codetabellen, CodeValue, waardenlijst
from duo_domain.errors import UnsupportedPeriod
from duo_domain.rules import registry, validate
from duo_domain.serialize.json import structure_cijferlijst
from duo_domain.vo import (
    Uitslag,
    Vaksoort,
    elementcodetabel,
    load_vakcodetabel,
    se_termijn,
    te_laat,
    termijnen,
    vakcodetabel,
)


def _se_termijn(jaar: int, uiterlijk: str) -> Codetabellen:
    """The shipped table ``se_termijnen`` with the deadline of one more examenjaar."""
    extra = CodeValue(str(jaar), f"SE-cijfers examenjaar {jaar}", kenmerken={"uiterlijk": uiterlijk})
    return Codetabellen(waardenlijst("se_termijnen").met(extra))


def kandidaat(vo: Any, doc: dict[str, Any] | None = None, **kw: Any) -> Any:
    k = structure_cijferlijst(doc or vo.havo_doc())
    values: dict[str, Any] = {
        "elementcode": "0372",
        "onderwijsaanbieder": "100A501",
        "datum_uitslag": dt.date(2026, 6, 16),
    }
    values.update(kw)
    return attrs.evolve(k, **values)


def ids(report: Any) -> list[str]:
    return sorted({f.rule_id for f in report})


def test_all_rules_registered_with_sources() -> None:
    vo_rules = [r for r in registry if r.id.startswith("BRON.EXAMEN.")]
    assert len(vo_rules) >= 18
    for r in vo_rules:
        assert r.source
        assert r.summary
        assert r.guidance


def test_clean_candidate_has_no_findings(vo: Any) -> None:
    assert ids(validate(kandidaat(vo, uitslag=Uitslag.GESLAAGD))) == []


def test_reported_geslaagd_but_failing(vo: Any) -> None:
    k = kandidaat(vo, vo.havo_doc({"1001": "4.0"}), uitslag=Uitslag.GESLAAGD)
    report = validate(k)
    assert ids(report) == ["BRON.EXAMEN.KERNVAKKEN"]
    assert next(iter(report)).path == "$.uitslag"


def test_reported_afgewezen_but_passing(vo: Any) -> None:
    k = kandidaat(vo, uitslag=Uitslag.AFGEWEZEN)
    assert ids(validate(k)) == ["BRON.EXAMEN.UITSLAG_AFGEWEZEN"]


def test_reported_afgewezen_and_failing_is_fine(vo: Any) -> None:
    k = kandidaat(vo, vo.havo_doc({"1001": "3.0"}), uitslag=Uitslag.AFGEWEZEN)
    assert ids(validate(k)) == []


@pytest.mark.parametrize(
    ("kw", "rule"),
    [
        ({"onderwijsaanbieder": None}, "BRON.EXAMEN.ONDERWIJSAANBIEDER"),
        ({"onderwijsaanbieder": "100X501"}, "BRON.EXAMEN.ONDERWIJSAANBIEDER"),
        ({"elementcode": None}, "BRON.EXAMEN.ELEMENTCODE"),
        ({"elementcode": "0172"}, "BRON.EXAMEN.ELEMENTCODE"),  # a vwo code on a havo exam
        ({"elementcode": "9999"}, "BRON.EXAMEN.ELEMENTCODE"),
        ({"datum_uitslag": dt.date(2025, 6, 16)}, "BRON.EXAMEN.EXAMENJAAR"),
        ({"examenjaar": 2031, "datum_uitslag": None}, "BRON.EXAMEN.EXAMENJAAR"),
    ],
)
def test_record_rules(vo: Any, kw: dict[str, Any], rule: str) -> None:
    assert ids(validate(kandidaat(vo, **kw))) == [rule]


def test_grade_form_rules(vo: Any) -> None:
    k = kandidaat(vo)
    vakken = list(k.vakken)
    dec = vo.Decimal
    vakken[0] = attrs.evolve(vakken[0], se=dec("6.45"))
    vakken[1] = attrs.evolve(vakken[1], ce=dec("11.0"))
    vakken[6] = attrs.evolve(vakken[6], se=dec("6.5"))
    vakken[2] = attrs.evolve(vakken[2], vakcode="9999")
    report = validate(attrs.evolve(k, vakken=tuple(vakken)))
    paths = {(f.rule_id, f.path) for f in report}
    assert ("BRON.EXAMEN.SE_CIJFER", "$.vakken[0].se") in paths
    assert ("BRON.EXAMEN.CE_CIJFER", "$.vakken[1].ce") in paths
    assert ("BRON.EXAMEN.SE_CIJFER", "$.vakken[6].se") in paths
    assert ("BRON.EXAMEN.VAKCODE", "$.vakken[2].vakcode") in paths


def test_eindcijfer_and_beoordeling_and_herkansing_rules(vo: Any) -> None:
    k = kandidaat(vo)
    vakken = list(k.vakken)
    dec = vo.Decimal
    vakken[0] = attrs.evolve(vakken[0], se=dec("5.4"), ce=dec("5.5"), eindcijfer=6)  # 5.45 -> 5, not 6
    vakken[1] = attrs.evolve(vakken[1], ce2=dec("7.5"))
    vakken[2] = attrs.evolve(vakken[2], ce2=dec("7.5"))
    lo = next(i for i, v in enumerate(vakken) if v.vakcode == "0353")
    vakken[lo] = attrs.evolve(vakken[lo], beoordeling=None, se=dec("7"))
    report = validate(attrs.evolve(k, vakken=tuple(vakken)))
    assert {"BRON.EXAMEN.EINDCIJFER", "BRON.EXAMEN.HERKANSING", "BRON.EXAMEN.BEOORDELING"} <= set(ids(report))
    ok = list(k.vakken)
    ok[0] = attrs.evolve(ok[0], se=dec("5.5"), ce=dec("5.5"), eindcijfer=6)
    assert ids(validate(attrs.evolve(k, vakken=tuple(ok)))) == []


def test_deadlines(vo: Any) -> None:
    k = kandidaat(vo)
    assert [(t.wat, t.uiterlijk) for t in termijnen(k)] == [
        ("ce", dt.date(2026, 6, 30)),
        ("uitslag", dt.date(2026, 6, 30)),
    ]
    assert te_laat(k, dt.date(2026, 6, 30)) == ()
    assert [t.wat for t in te_laat(k, dt.date(2026, 7, 1))] == ["ce", "uitslag"]
    late = te_laat(
        k, dt.date(2026, 8, 1), aangeleverd={"ce": dt.date(2026, 6, 30), "uitslag": dt.date(2026, 7, 1)}
    )
    assert [t.wat for t in late] == ["uitslag"]
    se = te_laat(k, dt.date(2026, 5, 20), codes=_se_termijn(2026, "2026-05-15"))
    assert [t.wat for t in se] == ["se"]
    assert se_termijn(2021) == dt.date(2021, 5, 16)
    with pytest.raises(UnsupportedPeriod):
        se_termijn(2026)


def test_code_tables() -> None:
    t = vakcodetabel()
    assert t.schooljaar == "2015-2016"
    assert t.soort("0353", "vwo") is Vaksoort.LO
    assert t.soort("0416", "vmbo-bb") is Vaksoort.KUNSTVAKKEN
    assert t.soort("1026", "havo") is None  # wiskunde C is vwo only
    assert t.soort("1019", "havo") is Vaksoort.COMBINATIE
    assert "1001" in t
    row = elementcodetabel().get("6431")
    assert row is not None
    assert row.schoolsoort == "vmbo-gl"
    table = '{"naam": "v", "bron": "b", "kenmerken": {"schoolsoorten": "s", "soort": "r"}, "waarden": [%s]}'
    bad = '{"code": "1001", "omschrijving": "x", "kenmerken": {"schoolsoorten": "%s", "soort": "%s"}}'
    with pytest.raises(ValueError, match="schoolsoort"):
        load_vakcodetabel(table % bad % ("mavo", "algemeen"))
    with pytest.raises(ValueError, match="soort"):
        load_vakcodetabel(table % bad % ("havo", "raar"))
