"""The plain factories: valid numbers, students, records and VO candidates, repeatable per argument."""

from __future__ import annotations

import re

import attrs
import pytest

from duo_domain.identity import bsn, onderwijsnummer
from duo_domain.rules import validate
from duo_domain.testing import CONDITIONS
from duo_domain.testing.factories import (
    make_bpv_agreement,
    make_bsn,
    make_enrolment,
    make_examenkandidaat,
    make_mbo_student_record,
    make_onderwijsnummer,
    make_student,
)
from duo_domain.vo import compute_uitslag
from duo_domain.vo.model import Schoolsoort, Uitslag


def test_numbers_are_valid_distinct_and_repeatable() -> None:
    bsns = [make_bsn(seed) for seed in range(60)]
    onrs = [make_onderwijsnummer(seed) for seed in range(60)]
    assert all(bsn.is_valid(b) and len(b) == 9 for b in bsns)
    assert all(onderwijsnummer.is_valid(o) and o.startswith("10") for o in onrs)
    assert len(set(bsns)) == len(set(onrs)) == 60
    assert make_bsn(7) == make_bsn(7)
    assert not set(bsns) & set(onrs)


def test_a_negative_seed_is_refused() -> None:
    with pytest.raises(ValueError, match="seed"):
        make_bsn(-1)
    with pytest.raises(ValueError, match="seed"):
        make_onderwijsnummer(-1)


@pytest.mark.parametrize("nummer", ["bsn", "onderwijsnummer", None])
def test_students_pass_every_rule(nummer: str | None) -> None:
    student = make_student(nummer=nummer, seed=3)
    assert len(validate(student)) == 0
    assert (student.bsn is not None) is (nummer == "bsn")
    assert (student.onderwijsnummer is not None) is (nummer == "onderwijsnummer")
    assert (student.persoonsgegevens is not None) is (nummer is None)


def test_an_unknown_kind_of_number_is_refused() -> None:
    with pytest.raises(ValueError, match="nummer must be"):
        make_student(nummer="paspoort")


@pytest.mark.parametrize("leertraject", ["BOL", "BBL", "OVO", "EX", "ODT"])
def test_a_student_with_an_enrolment_passes_every_rule(leertraject: str) -> None:
    record = make_mbo_student_record(leertraject=leertraject)
    assert len(validate(record)) == 0
    assert [e.leertrajecten() for e in record.inschrijvingen] == [frozenset({leertraject})]
    assert len(record.bpv_overeenkomsten) == (leertraject == "BBL")


def test_a_bbl_enrolment_without_its_bpv_is_flagged() -> None:
    record = make_mbo_student_record(leertraject="BBL")
    without = attrs.evolve(record, bpv_overeenkomsten=())
    assert validate(without).rule_ids == {"ROD.INSCHRIJVING.BBL_BPV"}


def test_factory_arguments_reach_the_rules() -> None:
    assert validate(make_enrolment(onderwijslocatie=None)).rule_ids == {"ROD.INSCHRIJVING.ONDERWIJSLOCATIE"}
    assert validate(make_enrolment(leertraject="BOL_DT")).rule_ids == {"ROD.PERIODE.LEERTRAJECT"}
    assert validate(make_bpv_agreement(make_enrolment(), omvang=10_000)).rule_ids == {"ROD.BPV.OMVANG"}
    assert len(validate(make_bpv_agreement(make_enrolment()))) == 0


@pytest.mark.parametrize("schoolsoort", [s.value for s in Schoolsoort])
def test_a_candidate_passes_by_default(schoolsoort: str) -> None:
    k = make_examenkandidaat(schoolsoort)
    assert k.uitslag is Uitslag.GESLAAGD
    assert len(validate(k)) == 0


CASES = [(reden, ss) for reden, soorten in sorted(CONDITIONS.items()) for ss in soorten]


@pytest.mark.parametrize(("reden", "schoolsoort"), CASES, ids=[f"{r}-{s.value}" for r, s in CASES])
def test_a_candidate_fails_for_the_reason_asked(reden: str, schoolsoort: Schoolsoort) -> None:
    k = make_examenkandidaat(schoolsoort, examenjaar=2026, reden=reden)
    assert [r.regel for r in compute_uitslag(k).redenen] == [reden]
    assert k.uitslag is Uitslag.AFGEWEZEN
    assert len(validate(k)) == 0
    # reported geslaagd, the same candidate yields exactly that rule's finding
    assert validate(attrs.evolve(k, uitslag=Uitslag.GESLAAGD)).rule_ids == {reden}


def test_a_reason_the_school_type_cannot_fail_is_refused() -> None:
    with pytest.raises(ValueError, match=re.escape("a vmbo-bb candidate cannot fail BRON.EXAMEN.KERNVAKKEN")):
        make_examenkandidaat("vmbo-bb", reden="BRON.EXAMEN.KERNVAKKEN")
    with pytest.raises(ValueError, match="mavo"):
        make_examenkandidaat("mavo")
