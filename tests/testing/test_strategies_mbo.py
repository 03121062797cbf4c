"""The MBO strategies: valid by construction, and every ``breaks=`` knob breaks exactly its rule."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.mbo.record import MboStudentRecord
from duo_domain.rules import validate
from duo_domain.testing import mbo

STRATEGIES: list[tuple[Callable[..., st.SearchStrategy[Any]], frozenset[str], int]] = [
    (mbo.perioden, mbo.PERIODE_BREAKS, 10),
    (mbo.enrolments, mbo.ENROLMENT_BREAKS, 6),
    (mbo.bpv_agreements, mbo.BPV_BREAKS, 10),
    (mbo.exemptions, mbo.EXEMPTION_BREAKS, 10),
    (mbo.generieke_examenonderdelen, mbo.GENERIEK_EXAMENONDERDEEL_BREAKS, 10),
    (mbo.keuzedeel_resultaten, mbo.KEUZEDEEL_BREAKS, 10),
    (mbo.losse_resultaten, mbo.LOSSE_RESULTATEN_BREAKS, 5),
    (mbo.diplomas, mbo.DIPLOMA_BREAKS, 6),
    (mbo.amvb_onderdelen, mbo.AMVB_ONDERDEEL_BREAKS, 10),
    (mbo.mbo_student_records, mbo.MBO_STUDENT_RECORD_BREAKS, 3),
]
KNOBS = [
    pytest.param(make, rule, n, id=f"{make.__name__}-{rule}")
    for make, rules, n in STRATEGIES
    for rule in sorted(rules)
]


@pytest.mark.parametrize(
    "make",
    [
        *(s[0] for s in STRATEGIES),
        mbo.extra_ondersteuningen,
        lambda: mbo.generieke_examenonderdelen(los=True),
        lambda: mbo.keuzedeel_resultaten(los=True),
        lambda: mbo.amvb_onderdelen(los=True),
    ],
)
def test_drawn_objects_pass_every_rule(make: Callable[[], st.SearchStrategy[Any]]) -> None:
    @settings(max_examples=15)
    @given(make())
    def check(obj: Any) -> None:
        report = validate(obj)
        assert len(report) == 0, report.format()

    check()


@pytest.mark.parametrize(("make", "rule", "n"), KNOBS)
def test_each_knob_breaks_exactly_its_rule(
    make: Callable[..., st.SearchStrategy[Any]], rule: str, n: int
) -> None:
    @settings(max_examples=n)
    @given(make(breaks=rule))
    def check(obj: Any) -> None:
        report = validate(obj)
        assert report.rule_ids == {rule}, report.format() or "no findings"

    check()


FEATURES: dict[str, Callable[[MboStudentRecord], bool]] = {
    "a BBL enrolment with its BPV": lambda r: any("BBL" in e.leertrajecten() for e in r.inschrijvingen),
    "two enrolments": lambda r: len(r.inschrijvingen) == 2,
    "a student known by personal data": lambda r: r.student.persoonsgegevens is not None,
    "an uitschrijving": lambda r: any(e.datum_uitschrijving_werkelijk for e in r.inschrijvingen),
    "a period with an explicit end": lambda r: any(
        p.datum_einde for e in r.inschrijvingen for p in e.perioden
    ),
    "extra support": lambda r: any(e.extra_ondersteuning for e in r.inschrijvingen),
    "a diploma with generic parts": lambda r: any(d.generieke_examenonderdelen for d in r.diplomas),
    "a loose result": lambda r: bool(r.losse_resultaten.generieke_examenonderdelen),
}


def test_records_hold_everything_a_record_can_hold() -> None:
    seen: set[str] = set()

    # derandomized: the same examples every run, so the check cannot flicker
    @settings(max_examples=80, derandomize=True, database=None)
    @given(mbo.mbo_student_records())
    def collect(record: MboStudentRecord) -> None:
        seen.update(name for name, has in FEATURES.items() if has(record))

    collect()
    assert seen == set(FEATURES)


def test_an_unknown_knob_is_refused_with_the_knobs_there_are() -> None:
    with pytest.raises(
        ValueError, match=r"enrolments cannot break 'ROD\.BPV\.OMVANG'.*ROD\.INSCHRIJVING\.DATUMS"
    ):
        mbo.enrolments(breaks="ROD.BPV.OMVANG")
    with pytest.raises(ValueError, match=re.escape("mbo_student_records cannot break 'NO.SUCH.RULE'")):
        mbo.mbo_student_records(breaks="NO.SUCH.RULE")


def test_the_record_offers_every_knob_of_what_it_holds() -> None:
    inside = mbo.ENROLMENT_BREAKS | mbo.BPV_BREAKS | mbo.LOSSE_RESULTATEN_BREAKS
    # a malformed inschrijvingvolgnummer of a BPV names no enrolment: that knob is bpv_agreements' alone
    assert inside - mbo.MBO_STUDENT_RECORD_BREAKS == {"ROD.FORMAAT.BPV.INSCHRIJVINGVOLGNUMMER"}
    assert "ROD.DIPLOMA.OPLEIDINGSCODE" not in mbo.MBO_STUDENT_RECORD_BREAKS
    assert mbo.MBO_BREAKS[MboStudentRecord] is mbo.MBO_STUDENT_RECORD_BREAKS
