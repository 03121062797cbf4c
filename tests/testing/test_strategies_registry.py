"""Registration with hypothesis, the students that break one PERSOON rule, and knob coverage."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.identity import Student
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.rules import registry, validate
from duo_domain.testing import (
    PERSOON_BREAKS,
    REGISTERED_TYPES,
    breakable_rules,
    strategy_for,
    students_breaking,
)
from duo_domain.vo.model import Examenkandidaat


def test_the_entry_point_is_installed() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    assert any(p.value == "duo_domain.testing._register:_hypothesis_setup_hook" for p in points)


@pytest.mark.parametrize("kind", REGISTERED_TYPES, ids=lambda k: k.__name__)
def test_from_type_gives_valid_objects_of_every_domain_type(kind: type) -> None:
    @settings(max_examples=5)
    @given(st.from_type(kind))
    def check(obj: Any) -> None:
        assert type(obj) is kind
        report = validate(obj)
        assert len(report) == 0, report.format()

    check()


def test_a_vendor_suite_needs_no_import_of_the_toolkit() -> None:
    code = (
        "from hypothesis import given, settings, strategies as st\n"
        "from duo_domain.mbo.record import MboStudentRecord\n"
        "from duo_domain.rules import validate\n"
        "@settings(max_examples=3, deadline=None)\n"
        "@given(st.from_type(MboStudentRecord))\n"
        "def t(r): assert validate(r).ok\n"
        "t()\n"
        "import sys; print('duo_domain.testing.mbo' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_importing_hypothesis_does_not_load_the_strategies() -> None:
    code = (
        "import hypothesis, sys; print(sorted(m for m in sys.modules if m.startswith('duo_domain.testing.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "duo_domain.testing.mbo" not in done.stdout
    assert "duo_domain.testing._register" in done.stdout


@pytest.mark.parametrize("rule", sorted(PERSOON_BREAKS))
def test_students_break_exactly_one_persoon_rule(rule: str) -> None:
    @settings(max_examples=10)
    @given(students_breaking(rule))
    def check(student: Student) -> None:
        assert validate(student).rule_ids == {rule}

    check()


def test_every_rule_of_the_catalogue_has_a_knob() -> None:
    knobs = set().union(*(breakable_rules(kind) for kind in REGISTERED_TYPES))
    # XML.* rules judge serialized messages and BATCH.* rules items of a batch, not domain objects;
    # ROD.UITSLAG.* judge an uitslag input (the exam's results), not a register record; their cases
    # are in tests/mbo/test_mbo_uitslag_catalogue.py
    domain_rules = {r.id for r in registry if not r.id.startswith(("XML.", "BATCH.", "ROD.UITSLAG."))}
    # rules that judge against reference data (RIO, SBB) a strategy cannot carry: validate() gets it as an
    # argument, not inside the object; their cases are in tests/mbo/test_reference_rules.py. The absence
    # report judges an Afwezigheid (a report of absence, not a register record), which has no strategy;
    # its cases are in tests/mbo/test_uitschrijving_afwezigheid.py
    domain_rules -= {
        "ROD.PERIODE.ONDERWIJSLOCATIE_RIO",
        "ROD.BPV.LEERBEDRIJF_SBB",
        "ROD.REFERENTIEDATA.NIET_GECONTROLEERD",
        "ROD.AFWEZIGHEID.MELDING",
    }
    assert domain_rules - knobs == set()
    assert knobs - domain_rules == set()


def test_strategy_for_and_breakable_rules() -> None:
    assert breakable_rules(Student) == PERSOON_BREAKS
    assert "BRON.EXAMEN.KERNVAKKEN" in breakable_rules(Examenkandidaat)
    assert "ROD.BPV.OMVANG" in breakable_rules(MboStudentRecord)
    with pytest.raises(KeyError, match="no strategy for int"):
        breakable_rules(int)
    with pytest.raises(KeyError, match="no strategy for int"):
        strategy_for(int)
    from duo_domain.mbo.enrolment import ExtraOndersteuning

    with pytest.raises(ValueError, match="no rule to break"):
        strategy_for(ExtraOndersteuning, breaks="ROD.EXTRA_ONDERSTEUNING.DATUMS")
    with pytest.raises(ValueError, match="cannot break"):
        strategy_for(MboStudentRecord, breaks="BRON.EXAMEN.VAKCODE")

    @settings(max_examples=3)
    @given(strategy_for(MboStudentRecord, breaks="ROD.BPV.OMVANG"))
    def check(record: MboStudentRecord) -> None:
        assert validate(record).rule_ids == {"ROD.BPV.OMVANG"}

    check()


def test_unknown_attribute_of_the_package() -> None:
    import duo_domain.testing as testing

    with pytest.raises(AttributeError, match="no_such_thing"):
        testing.no_such_thing  # noqa: B018 - the access is the test
