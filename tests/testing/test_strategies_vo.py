"""The VO strategies: candidates that pass, fail for one reason, or break exactly one rule."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from duo_domain.rules import validate
from duo_domain.testing import vo
from duo_domain.vo import compute_uitslag
from duo_domain.vo.model import Examenkandidaat, ExamResult, Profielwerkstuk, Schoolsoort, Uitslag


@settings(max_examples=30)
@given(vo.examenkandidaten())
def test_candidates_pass_every_rule(k: Examenkandidaat) -> None:
    report = validate(k)
    assert len(report) == 0, report.format()
    if k.uitslag is not None:
        assert k.uitslag is compute_uitslag(k).uitslag


@settings(max_examples=20)
@given(vo.examenkandidaten(geslaagd=True))
def test_geslaagd_candidates_pass(k: Examenkandidaat) -> None:
    assert compute_uitslag(k).geslaagd
    assert len(validate(k)) == 0


@settings(max_examples=20)
@given(vo.examenkandidaten(geslaagd=False))
def test_afgewezen_candidates_fail_and_are_reported_so(k: Examenkandidaat) -> None:
    assert not compute_uitslag(k).geslaagd
    assert k.uitslag in (None, Uitslag.AFGEWEZEN)
    assert len(validate(k)) == 0


@pytest.mark.parametrize("reden", sorted(vo.CONDITIONS))
def test_a_reden_fails_that_condition_alone(reden: str) -> None:
    @settings(max_examples=6)
    @given(vo.examenkandidaten(reden=reden))
    def check(k: Examenkandidaat) -> None:
        assert k.schoolsoort in vo.CONDITIONS[reden]
        assert {r.regel for r in compute_uitslag(k).redenen} == {reden}
        assert len(validate(k)) == 0

    check()


@pytest.mark.parametrize("rule", sorted(vo.EXAMENKANDIDAAT_BREAKS))
def test_each_knob_breaks_exactly_its_rule(rule: str) -> None:
    @settings(max_examples=5)
    @given(vo.examenkandidaten(breaks=rule))
    def check(k: Examenkandidaat) -> None:
        report = validate(k)
        assert report.rule_ids == {rule}, report.format() or "no findings"

    check()


@pytest.mark.parametrize("schoolsoort", list(Schoolsoort))
def test_every_school_type_can_be_asked_for(schoolsoort: Schoolsoort) -> None:
    @settings(max_examples=4)
    @given(vo.examenkandidaten(schoolsoort=schoolsoort))
    def check(k: Examenkandidaat) -> None:
        assert k.schoolsoort is schoolsoort
        assert len(validate(k)) == 0

    check()


@settings(max_examples=20)
@given(vo.exam_results(), vo.profielwerkstukken())
def test_subject_results_and_profielwerkstukken(r: ExamResult, pws: Profielwerkstuk) -> None:
    assert r.se is not None
    assert r.ce is not None
    assert (pws.cijfer is None) != (pws.beoordeling is None)


def test_impossible_requests_are_refused() -> None:
    with pytest.raises(ValueError, match=re.escape("cannot break 'ROD.BPV.OMVANG'")):
        vo.examenkandidaten(breaks="ROD.BPV.OMVANG")
    with pytest.raises(ValueError, match=re.escape("a havo candidate cannot fail BRON.EXAMEN.NEDERLANDS")):
        vo.examenkandidaten(schoolsoort=Schoolsoort.HAVO, reden="BRON.EXAMEN.NEDERLANDS")
    with pytest.raises(ValueError, match="geslaagd=True"):
        vo.examenkandidaten(geslaagd=True, reden="BRON.EXAMEN.KERNVAKKEN")
    with pytest.raises(ValueError, match="not both"):
        vo.examenkandidaten(breaks="BRON.EXAMEN.VAKCODE", reden="BRON.EXAMEN.KERNVAKKEN")
    with pytest.raises(ValueError, match=re.escape("cannot break 'BRON.EXAMEN.VAKCODE'")):
        vo.examenkandidaten(reden="BRON.EXAMEN.VAKCODE")
