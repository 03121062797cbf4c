from __future__ import annotations

import pytest

from duo_domain.assertions import assert_finding, assert_no_finding, assert_valid
from duo_domain.identity import Student

BOTH = Student(bsn="111222333", onderwijsnummer="101222331")
RULE = "PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER"


def test_assert_valid_passes_and_returns_the_report() -> None:
    assert assert_valid(Student(bsn="111222333")).ok


def test_assert_valid_lists_findings_without_the_bsn() -> None:
    with pytest.raises(AssertionError) as info:
        assert_valid(BOTH)
    text = str(info.value)
    assert RULE in text
    assert "111222333" not in text
    assert "101222331" not in text


def test_assert_valid_strict_counts_warnings_too() -> None:
    assert_valid(Student(bsn="111222333"), strict=True)


def test_assert_finding_with_path() -> None:
    assert_finding(BOTH, RULE)
    assert_finding(BOTH, "PERSOON.IDENTITEIT")
    with pytest.raises(AssertionError, match=r"at \$\.nowhere"):
        assert_finding(BOTH, RULE, path="$.nowhere")


def test_assert_no_finding() -> None:
    assert_no_finding(Student(bsn="111222333"), "PERSOON")
    with pytest.raises(AssertionError, match="expected no finding of PERSOON"):
        assert_no_finding(BOTH, "PERSOON")
