"""A finding masks its texts as `mask_numbers` does, also where it settles a text without the expression."""

from __future__ import annotations

import collections
import pickle
import types
from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from duo_domain.errors import _mask_by_expression, mask_numbers, mask_values
from duo_domain.rules import Finding, Severity
from duo_domain.rules._model import make_finding

#: Digits of several scripts, the separators a run may hold, and letters.
_CHARS = st.sampled_from("0123456789٣۴५০๕ .-/_,:\tabcXYZé€\n")


@given(st.text(_CHARS, max_size=40) | st.text(max_size=40))
def test_mask_numbers_shortcut_is_its_expression(text: str) -> None:
    assert mask_numbers(text) == _mask_by_expression(text)


@given(st.text(st.sampled_from("0123456789 .-/_,:\tab"), min_size=8, max_size=60))
def test_mask_numbers_shortcut_is_its_expression_on_digit_rich_ascii(text: str) -> None:
    assert mask_numbers(text) == _mask_by_expression(text)


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
        "from 2019-08-01 to 2020-07-31",  # sixteen digits, two dates: not a run
        "dates 2019-08-01 2020-07-31",  # one separator between them: a run of sixteen, masked
        "1-1-1-1-1-1-1-1-1",  # nine digits, one separator each
        "1-1-1-1-1-1-1-1--1",  # two separators side by side end the run
        "11 11 11 11 1",
        "x" * 50 + "1.2.3.4.5.6.7.8" + "x" * 50,
    ],
)
def test_mask_numbers_on_the_edges_of_its_shortcut(text: str) -> None:
    assert mask_numbers(text) == _mask_by_expression(text)


def test_mask_numbers_refuses_what_its_expression_refuses() -> None:
    with pytest.raises(TypeError):
        _mask_by_expression(12345678)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        mask_numbers(12345678)  # type: ignore[arg-type]


@given(st.dictionaries(st.text(_CHARS, max_size=12), st.text(_CHARS, max_size=12), max_size=3))
def test_values_are_masked_as_before(values: dict[str, str]) -> None:
    assert mask_values(values) == {_mask_by_expression(k): _mask_by_expression(v) for k, v in values.items()}
    finding = Finding("X.Y", Severity.SIGNAAL, "$.a", "m", "111222333", values)
    assert dict(finding.values) == mask_values(values)
    assert finding.business_key == "*****2333"


_TEXTS = st.text(_CHARS, max_size=40) | st.text(max_size=20)
_VALUES = st.dictionaries(
    st.text(_CHARS, max_size=12), st.text(_CHARS, max_size=12) | st.integers(), max_size=3
)


@given(
    st.sampled_from(["ROD.A.B", "PERSOON.TEKST.TEKENS"]),
    st.sampled_from(list(Severity)),
    _TEXTS,
    _TEXTS,
    st.none() | _TEXTS,
    _VALUES | _VALUES.map(types.MappingProxyType) | _VALUES.map(collections.OrderedDict),
    st.text(max_size=10),
)
def test_the_engine_makes_the_findings_finding_makes(
    rule_id: str,
    severity: Severity,
    path: str,
    message: str,
    key: str | None,
    values: Mapping[str, Any],
    source: str,
) -> None:
    # make_finding stores the slots itself; the object must be the one Finding(...) makes
    made = make_finding(rule_id, severity, path, message, key, values, source)
    plain = Finding(rule_id, severity, path, message, key, values, source)
    assert type(made) is Finding
    assert made == plain
    assert repr(made) == repr(plain)
    assert hash(made) == hash(plain)
    assert made.values == plain.values
    assert type(made.values) is type(plain.values) is dict
    assert attrs.asdict(made) == attrs.asdict(plain)
    assert pickle.loads(pickle.dumps(made)) == plain
    assert made.values is not values  # a copy, as the converter makes


def test_the_engine_makes_its_findings_with_the_fast_maker() -> None:
    assert make_finding is not Finding  # the class is still what the maker was written for
