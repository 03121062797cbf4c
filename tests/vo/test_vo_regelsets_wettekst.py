"""The label of the law text in force for an examenjaar (versions of BWBR0045787 compared)."""

from __future__ import annotations

import datetime as dt

import pytest

from duo_domain.errors import UnsupportedPeriod
from duo_domain.vo.regelsets import choose_regelset, wettekst


@pytest.mark.parametrize(
    ("jaar", "tekst"),
    [
        (2023, "BWBR0045787/2023-01-01"),
        (2024, "BWBR0045787/2023-08-01"),
        (2025, "BWBR0045787/2024-08-01"),
        (2026, "BWBR0045787/2025-10-01"),
        (2027, "BWBR0045787/2026-08-01"),
    ],
)
def test_the_text_in_force_in_july_of_the_examenjaar(jaar: int, tekst: str) -> None:
    assert wettekst(jaar) == tekst


def test_a_version_applies_from_its_first_day() -> None:
    assert wettekst(2026, op=dt.date(2026, 7, 31)) == "BWBR0045787/2025-10-01"
    assert wettekst(2026, op=dt.date(2026, 8, 1)) == "BWBR0045787/2026-08-01"
    # the rule set stays the one of the examenjaar, whichever text is in force on the day
    assert choose_regelset(2026).examenjaar_tot == 2026


def test_before_the_first_compared_version() -> None:
    with pytest.raises(UnsupportedPeriod):
        wettekst(2022, op=dt.date(2022, 7, 31))
