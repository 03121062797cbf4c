from __future__ import annotations

import pytest

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
