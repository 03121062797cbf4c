from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import duo_domain

pytest_plugins = ["pytester"]

VENDOR_SUITE = """
import attrs
from duo_domain.identity import Student

def test_clean_student_is_valid(duo_assert_valid):
    duo_assert_valid(Student(bsn="111222333"))

def test_both_numbers_are_flagged(duo_assert_finding):
    duo_assert_finding(
        Student(bsn="111222333", onderwijsnummer="101222331"),
        "PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER",
    )

def test_failure_lists_the_findings(duo_assert_valid):
    duo_assert_valid(Student(bsn="111222333", onderwijsnummer="101222331"))

def test_validate_fixture(duo_validate):
    assert duo_validate(Student(bsn="111222333")).ok
"""


def test_plugin_is_registered_and_its_fixtures_work(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_vendor=VENDOR_SUITE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(
        [
            "duo_domain *",
            "*AssertionError: expected no error-level findings, got 1:",
            "*AFKEUR PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER*",
        ]
    )


def test_assert_finding_failure_names_the_rule(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_vendor="""
from duo_domain.identity import Student

def test_missing(duo_assert_finding):
    duo_assert_finding(Student(bsn="111222333"), "PERSOON.IDENTITEIT")
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*expected a finding of PERSOON.IDENTITEIT, got:", "*(no findings)"])


WITHOUT_HYPOTHESIS_SUITE = """
import sys

from duo_domain.identity import Student
from duo_domain.testing import make_mbo_student_record


def test_fixtures_work(duo_assert_valid, duo_validate):
    duo_assert_valid(Student(bsn="111222333"))
    assert duo_validate(make_mbo_student_record()).ok


def test_hypothesis_was_never_loaded():
    assert "hypothesis.strategies" not in sys.modules
"""


def test_plugin_works_where_hypothesis_cannot_be_imported(tmp_path: Path) -> None:
    # A package named hypothesis that fails to import, first on the path: as if it were not installed.
    fake = tmp_path / "site" / "hypothesis"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'hypothesis'\", name='hypothesis')\n"
    )
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "test_vendor.py").write_text(WITHOUT_HYPOTHESIS_SUITE)
    src = Path(duo_domain.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "site"), str(src)])}
    # hypothesis's own pytest plugin is installed here; where hypothesis is not, neither is it.
    command = [sys.executable, "-m", "pytest", "-p", "no:hypothesispytest", "-p", "no:cacheprovider", "-q"]
    result = subprocess.run(
        command, cwd=suite, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
    assert "No module named 'hypothesis'" not in result.stdout + result.stderr
