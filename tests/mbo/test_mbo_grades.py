"""Ekb WEB art. 14/15 arithmetic and DUO's x10 grade conversion."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.mbo.grades import (
    eindwaardering,
    from_duo_tenths,
    is_deelcijfer,
    is_eindcijfer,
    round_half_up,
    to_duo_tenths,
)

D = Decimal


@pytest.mark.parametrize(
    ("ie", "ce", "expected"),
    [
        ("6.9", "4.1", 6),  # mean 5.5 -> up
        ("5.4", "5.5", 5),  # mean 5.45 -> first decimal 4 -> down
        ("5.5", "5.4", 5),
        ("5.5", "5.5", 6),
        ("8.8", "7.1", 8),  # 7.95
        ("6.4", "7.8", 7),  # 7.1
        ("7.4", "5.1", 6),  # 6.25
        ("1.0", "1.0", 1),
        ("10.0", "10.0", 10),
        ("1.0", "10.0", 6),  # 5.5
        ("8.8", "10.0", 9),  # 9.4
    ],
)
def test_mean_of_ie_and_ce(ie: str, ce: str, expected: int) -> None:
    assert eindwaardering(D(ie), D(ce)) == D(expected)


@pytest.mark.parametrize(
    ("grade", "expected"), [("6.4", 6), ("6.5", 7), ("1.0", 1), ("10.0", 10), ("9.5", 10)]
)
def test_single_grade_takes_that_grade(grade: str, expected: int) -> None:
    assert eindwaardering(D(grade), None) == D(expected)
    assert eindwaardering(None, D(grade)) == D(expected)


def test_needs_a_grade() -> None:
    with pytest.raises(ValueError, match="needs an IE or a CE"):
        eindwaardering(None, None)


@pytest.mark.parametrize("bad", ["0.9", "10.1", "6.45", "0", "11"])
def test_rejects_grades_outside_art_14(bad: str) -> None:
    with pytest.raises(ValueError, match=r"1\.0-10\.0"):
        eindwaardering(D(bad), D("6.0"))


def test_round_half_up_is_not_bankers_rounding() -> None:
    assert round_half_up(D("4.5")) == 5
    assert round_half_up(D("5.49")) == 5
    assert round_half_up(D("5.50")) == 6


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (D("1.0"), True),
        (D("10.0"), True),
        (D("0.9"), False),
        (D("10.1"), False),
        (D("6.45"), False),
        (D("NaN"), False),
        (6.5, False),
        ("6.5", False),
    ],
)
def test_is_deelcijfer_edges(value: object, ok: bool) -> None:
    assert is_deelcijfer(value) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (D(1), True),
        (D(10), True),
        (D("1.0"), True),
        (D(0), False),
        (D(11), False),
        (D("5.5"), False),
        (6, False),
    ],
)
def test_is_eindcijfer_edges(value: object, ok: bool) -> None:
    assert is_eindcijfer(value) is ok


@pytest.mark.parametrize(("text", "grade"), [("10", "1.0"), ("74", "7.4"), ("100", "10.0"), (55, "5.5")])
def test_from_duo_tenths(text: str | int, grade: str) -> None:
    assert from_duo_tenths(text) == D(grade)


@pytest.mark.parametrize("bad", ["9", "101", "7,4", "", "x1", "1000", True])
def test_from_duo_tenths_rejects(bad: object) -> None:
    with pytest.raises(ValueError, match="DUO grade"):
        from_duo_tenths(bad)  # type: ignore[arg-type]


@settings(max_examples=200)
@given(st.integers(min_value=10, max_value=100))
def test_duo_tenths_round_trip(tenths: int) -> None:
    grade = from_duo_tenths(str(tenths))
    assert to_duo_tenths(grade) == str(tenths)


def test_to_duo_tenths_rejects() -> None:
    with pytest.raises(ValueError, match="one decimal"):
        to_duo_tenths(D("6.45"))


@settings(max_examples=300)
@given(st.integers(min_value=10, max_value=100), st.integers(min_value=10, max_value=100))
def test_mean_matches_integer_arithmetic(ie: int, ce: int) -> None:
    # mean of tenths in twentieths: round half up done with integers only
    total = ie + ce  # twice the mean, in tenths
    expected = (total + 10) // 20  # half up at .5
    assert eindwaardering(from_duo_tenths(ie), from_duo_tenths(ce)) == expected
