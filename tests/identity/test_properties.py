"""Property tests over the strategies of duo_domain.testing."""

from __future__ import annotations

from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import onderwijsnummer as stdnum_onr

from duo_domain.identity import IDENTIFIERS, Student, bsn, onderwijsnummer
from duo_domain.rules import validate
from duo_domain.testing import (
    bsns,
    identifiers,
    invalid_identifiers,
    onderwijsnummers,
    students,
)

KINDS = list(IDENTIFIERS)


@pytest.mark.parametrize("kind", KINDS)
def test_valid_values_validate_format_and_compact_back(kind: str) -> None:
    module: ModuleType = IDENTIFIERS[kind]

    @settings(max_examples=60)
    @given(identifiers(kind))
    def check(value: str) -> None:
        assert module.is_valid(value)
        assert module.validate(value) == value
        assert module.compact(value) == value
        assert module.validate(module.format(value)) == value
        assert module.compact(module.format(value)) == value

    check()


@pytest.mark.parametrize("kind", KINDS)
def test_invalid_values_are_rejected(kind: str) -> None:
    module: ModuleType = IDENTIFIERS[kind]

    @settings(max_examples=60)
    @given(invalid_identifiers(kind))
    def check(value: str) -> None:
        assert not module.is_valid(value)

    check()


@settings(max_examples=200)
@given(bsns(), st.integers(0, 8), st.integers(1, 9))
def test_every_single_digit_change_of_a_bsn_is_rejected(value: str, position: int, delta: int) -> None:
    changed = value[:position] + str((int(value[position]) + delta) % 10) + value[position + 1 :]
    assert changed != value
    assert not bsn.is_valid(changed)
    assert not stdnum_bsn.is_valid(changed)


def test_every_single_digit_change_of_one_bsn_exhaustively() -> None:
    value = "111222333"
    for position in range(9):
        for digit in "0123456789":
            changed = value[:position] + digit + value[position + 1 :]
            assert bsn.is_valid(changed) is (changed == value)


@settings(max_examples=200)
@given(onderwijsnummers(), st.integers(0, 8), st.integers(1, 9))
def test_every_single_digit_change_of_an_onderwijsnummer_is_rejected(
    value: str, position: int, delta: int
) -> None:
    changed = value[:position] + str((int(value[position]) + delta) % 10) + value[position + 1 :]
    assert not onderwijsnummer.is_valid(changed)


@settings(max_examples=300)
@given(st.text("0123456789", min_size=9, max_size=9))
def test_fast_path_agrees_with_validate_and_stdnum(value: str) -> None:
    # is_valid takes a shortcut for nine plain digits; it must agree with validate and stdnum.
    assert bsn.is_valid(value) == stdnum_bsn.is_valid(value) == _validates(bsn, value)
    assert onderwijsnummer.is_valid(value) == stdnum_onr.is_valid(value) == _validates(onderwijsnummer, value)


def _validates(module: ModuleType, value: str) -> bool:
    try:
        module.validate(value)
    except ValueError:
        return False
    return True


@settings(max_examples=100)
@given(onderwijsnummers(strict=True))
def test_strict_numbers_pass_both_readings(value: str) -> None:
    assert int(value[-1]) <= 5
    assert onderwijsnummer.is_valid(value, strict=True)
    assert onderwijsnummer.is_valid(value)


@settings(max_examples=100)
@given(separator=st.sampled_from([" ", ".", "-"]), value=bsns())
def test_separators_anywhere_are_ignored(separator: str, value: str) -> None:
    assert bsn.validate(separator.join(value)) == value


@settings(max_examples=60)
@given(students())
def test_generated_students_pass_the_identity_rules(student: Student) -> None:
    assert len(validate(student).filter(rule="PERSOON")) == 0
