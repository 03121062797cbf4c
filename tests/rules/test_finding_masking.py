"""A finding masks its texts as `mask_numbers` does, also where it settles a text without the expression."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duo_domain.errors import mask_numbers, mask_values
from duo_domain.rules import Finding, Severity
from duo_domain.rules._model import _mask_values, _masked

#: Digits of several scripts, the separators a run may hold, and letters.
_CHARS = st.sampled_from("0123456789٣۴५০๕ .-/_,:\tabcXYZé€\n")


@given(st.text(_CHARS, max_size=40) | st.text(max_size=40))
def test_masked_is_mask_numbers(text: str) -> None:
    assert _masked(text) == mask_numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1234567",  # seven digits: too short for a run
        "12345678",  # eight in a row: masked
        "1234-5678",  # eight digits, not in a row: left alone
        "111.222.333",
        "a 1 2 3 4 5 6 7 8 9 b",  # nine digits with single separators: masked
        "dates 2019-08-01 and 2020-07-31",
        "١١١٢٢٢٣٣٣",  # Arabic-Indic digits: not ASCII, the expression decides
        "the enrolment has a BBL period but no BPV agreement",
    ],
)
def test_masked_on_the_edges(text: str) -> None:
    assert _masked(text) == mask_numbers(text)


def test_masked_refuses_what_mask_numbers_refuses() -> None:
    with pytest.raises(TypeError):
        mask_numbers(12345678)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _masked(12345678)  # type: ignore[arg-type]


@given(st.dictionaries(st.text(_CHARS, max_size=12), st.text(_CHARS, max_size=12), max_size=3))
def test_values_are_masked_as_before(values: dict[str, str]) -> None:
    assert _mask_values(values) == mask_values(values)
    finding = Finding("X.Y", Severity.SIGNAAL, "$.a", "m", "111222333", values)
    assert dict(finding.values) == mask_values(values)
    assert finding.business_key == "*****2333"
