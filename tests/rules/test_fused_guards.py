"""The fused format test of a plan: its verdict is the per-field guards' verdict, on any text."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain._regex import bounded, takes_none_of
from duo_domain.mbo import formats
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.rules import RuleRegistry, Severity, _fused, registry, validate
from duo_domain.rules._fused import SEP, fusable, fuse
from duo_domain.rules._registry import _fused_lines
from duo_domain.testing.mbo import mbo_student_records

#: The separator, the other control characters, what the formats take and what they refuse.
_CHARS = st.sampled_from("\x1f\x1e\x00\t\n\x7f\x85 AXaz09_-.\u00e9\ud800\ufffe")
_TEXTS = st.text(_CHARS, max_size=14) | st.text(max_size=8)

#: Every guard of the catalogue that is a compiled expression's fullmatch, by class.
_GUARDS: dict[type, list[tuple[str, Any]]] = {}
for _rule in registry:
    for _pair in [_rule.guard, *(e for e in _rule.needs_any if isinstance(e, tuple))]:
        if _pair is not None and isinstance(getattr(_pair[1], "__self__", None), re.Pattern):
            _GUARDS.setdefault(_rule.applies_to, []).append(_pair)


def test_every_format_of_the_pve_table_is_fused() -> None:
    for regel in formats.FORMAT_RULES:
        assert fusable(formats._regex(regel.pve_veld).fullmatch) is not None, regel.rule_id
    for kind in (Enrolment, Periode, BpvAgreement):
        names: dict[str, Any] = {}
        assert _fused_lines(registry.active_rules(kind, None), names), kind
        assert len(names["fused"]) >= 3


@pytest.mark.parametrize(
    "pattern",
    [
        ".",
        "[^a]",
        "\\s",
        "\\W",
        "[0-9]+\\Z",
        "^a",
        "a$",
        "(a)",
        "(?P<x>a)",
        "(?<=a)b",
        "(?i:a)",
        "a\\b",
        "\\x1f",
    ],
)
def test_an_expression_that_may_take_the_separator_or_see_the_end_is_not_fused(pattern: str) -> None:
    assert fusable(re.compile(pattern).fullmatch) is None
    with pytest.raises(ValueError, match="not proved"):
        fuse([re.compile(pattern)])


def test_what_is_fused_and_its_witness() -> None:
    assert fusable(re.compile("(?=[A-Z]{2}(?![A-Z]))[A-Z]{2,}").fullmatch) == (
        re.compile("(?=[A-Z]{2}(?![A-Z]))[A-Z]{2,}"),
        "AA",
    )
    # no witness found (the lookahead wants two letters, the pattern's shortest text is one): not fused
    assert fusable(re.compile("(?=[A-Z]{2}(?![A-Z]))[A-Z]+").fullmatch) is None
    assert fusable(re.compile("[1-9][0-9]{8}").fullmatch) == (re.compile("[1-9][0-9]{8}"), "100000000")
    assert fusable(re.compile("x|[0-9]{2}").fullmatch) == (re.compile("x|[0-9]{2}"), "x")
    assert fusable(re.compile("(?=.)a").fullmatch) is None  # ANY in a lookahead may see the separator
    assert fusable(re.compile("[a-c]").search) is None  # only fullmatch is a format guard
    assert fusable(re.compile(b"[0-9]").fullmatch) is None
    assert fusable(re.compile("[0-9]", re.IGNORECASE).fullmatch) is None


@settings(max_examples=300)
@given(st.data())
def test_the_fused_verdict_is_the_per_field_verdict(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(sorted(_GUARDS, key=lambda k: k.__qualname__)))
    pairs = data.draw(st.lists(st.sampled_from(_GUARDS[kind]), min_size=1, max_size=10))
    found = [fusable(fits) for _, fits in pairs]
    fused = [f for f in found if f is not None]
    values = data.draw(st.lists(st.none() | _TEXTS, min_size=len(fused), max_size=len(fused)))
    if not fused:
        return
    text = SEP.join(
        witness if value is None else value for (_, witness), value in zip(fused, values, strict=True)
    )
    verdict = fuse([pattern for pattern, _ in fused]).fullmatch(text) is not None
    each = all(
        value is None or pattern.fullmatch(value) is not None
        for (pattern, _), value in zip(fused, values, strict=True)
    )
    assert verdict == each


@given(st.sampled_from([r for r in formats.FORMAT_RULES if r.pve_veld.patroon]), _TEXTS)
def test_the_formats_lookahead_form_is_the_end_anchored_form(regel: formats.FormaatRegel, text: str) -> None:
    veld = regel.pve_veld
    assert takes_none_of(veld.patroon or "", formats._GEEN_TEKEN_RANGES)
    lengte = f"[^{formats._GEEN_TEKEN}]{{{veld.lengte_min or 0},{veld.lengte_max}}}"
    anchored = re.compile(f"(?={lengte}\\Z)(?:{veld.patroon})")
    assert (formats._regex(veld).fullmatch(text) is None) == (anchored.fullmatch(text) is None)


@given(
    st.sampled_from([r for r in formats.FORMAT_RULES if r.pve_veld.patroon]),
    st.text(st.sampled_from("aZ09-\x1f\t \u00e9"), max_size=24),
)
def test_the_formats_plain_form_keeps_the_length(regel: formats.FormaatRegel, text: str) -> None:
    veld = regel.pve_veld
    lengte = f"[^{formats._GEEN_TEKEN}]{{{veld.lengte_min or 0},{veld.lengte_max}}}"
    anchored = re.compile(f"(?={lengte}\\Z)(?:{veld.patroon})")
    assert (formats._regex(veld).fullmatch(text) is None) == (anchored.fullmatch(text) is None)


@pytest.mark.parametrize(
    ("pattern", "low", "high", "plain"),
    [
        ("[0-9]{3}A[0-9]{3}", 7, 7, "[0-9]{3}A[0-9]{3}"),  # every match has the length already
        ("[A-Za-z0-9]+", 1, 20, "[A-Za-z0-9]{1,20}"),
        ("[A-Za-z0-9]+", 1, 2, "[A-Za-z0-9]{1,2}"),
        ("a*", 3, 5, "a{3,5}"),
        ("[0-9]{2,}", 1, 4, "[0-9]{2,4}"),
        ("\\d{1,30}", 5, 9, "\\d{5,9}"),
        ("[0-9]{9}", 1, 8, None),  # no match has such a length
        ("(?:ab)+", 2, 4, None),  # a repeated group: not one atom
        ("a+?", 1, 3, None),  # a lazy repeat
        ("a|bb", 1, 1, None),
        ("a\\Z", 1, 1, None),  # not of the plain kind
    ],
)
def test_bounded_expressions(pattern: str, low: int, high: int, plain: str | None) -> None:
    assert bounded(pattern, low, high) == plain


@given(
    st.sampled_from(["[A-Za-z0-9]+", "a*", "[0-9]{2,}", "x[0-9]{2}", "[ab]{1,6}", "b?"]),
    st.integers(0, 5),
    st.integers(0, 7),
    st.text(st.sampled_from("ab09xA"), max_size=9),
)
def test_a_bounded_expression_matches_the_pattern_on_texts_of_the_length(
    pattern: str, low: int, high: int, text: str
) -> None:
    plain = bounded(pattern, low, high)
    if plain is None:
        return
    expected = re.fullmatch(pattern, text) is not None and low <= len(text) <= high
    assert (re.fullmatch(plain, text) is not None) == expected


def test_a_pattern_that_may_take_a_control_character_keeps_the_end_anchor() -> None:
    assert not takes_none_of("[^a]+", formats._GEEN_TEKEN_RANGES)
    assert not takes_none_of("\\w+", formats._GEEN_TEKEN_RANGES)
    assert takes_none_of("[0-9]{2}[A-Z]{2}|x", formats._GEEN_TEKEN_RANGES)


def _unfused() -> RuleRegistry:
    """The library's catalogue with its plans compiled as before the fusion: each guard on its own."""
    same = RuleRegistry()
    for rule in registry:
        same.add(rule)
    plans = same.plans(None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_fused, "fusable", lambda fits: None)
        for kind in {rule.applies_to for rule in registry}:
            plans[kind]
    assert "fused_match" not in plans[Periode].__globals__  # type: ignore[union-attr]
    return same


_UNFUSED = _unfused()
_FIELDS = {kind: sorted({field for field, _ in pairs}) for kind, pairs in _GUARDS.items()}


def _outcome(obj: Any, **kwargs: Any) -> Any:
    try:
        return [(f.rule_id, f.path, f.message, dict(f.values)) for f in validate(obj, **kwargs)]
    except Exception as exc:  # the same error on both sides
        return type(exc), str(exc)


class _Text(str):
    __slots__ = ()


@settings(max_examples=150, deadline=None)
@given(mbo_student_records(), st.data())
def test_a_record_with_any_values_in_its_formatted_fields_finds_what_the_guards_alone_find(
    record: MboStudentRecord, data: st.DataObject
) -> None:
    odd = st.none() | _TEXTS | _TEXTS.map(_Text) | st.sampled_from([5, b"25655"])

    def changed(obj: Any) -> Any:
        fields = _FIELDS.get(type(obj), [])
        picked = data.draw(st.lists(st.sampled_from(fields), unique=True)) if fields else []
        new = {name: data.draw(odd) for name in picked}
        return object_with(obj, new)

    enrolments = tuple(
        changed(attrs.evolve(e, perioden=tuple(changed(p) for p in e.perioden)))
        for e in record.inschrijvingen
    )
    bpv = tuple(changed(b) for b in record.bpv_overeenkomsten)
    record = object_with(record, {"inschrijvingen": enrolments, "bpv_overeenkomsten": bpv})
    assert _outcome(record) == _outcome(record, registry=_UNFUSED)


def object_with(obj: Any, new: dict[str, Any]) -> Any:
    """``obj`` with ``new`` values, set past the class's validators (a vendor's odd object)."""
    copy = attrs.evolve(obj)
    for name, value in new.items():
        object.__setattr__(copy, name, value)
    return copy


@attrs.frozen
class _Thing:
    code: Any = None
    name: Any = None


def _thing_registry(calls: list[str]) -> RuleRegistry:
    reg = RuleRegistry()
    five, upper = re.compile("[0-9]{5}").fullmatch, re.compile("[A-Z]+").fullmatch

    def rule(rule_id: str, **knobs: Any) -> None:
        def check(thing: _Thing, ctx: object) -> tuple[()]:
            calls.append(rule_id)
            return ()

        reg.rule(
            rule_id,
            severity=Severity.SIGNAAL,
            summary="s",
            guidance="g",
            source="t",
            applies_to=_Thing,
            **knobs,
        )(check)

    rule("T.A.CODE", guard=("code", five))
    rule("T.B.ALWAYS")
    rule("T.C.NAME", guard=("name", upper))
    rule("T.D.NAME", guard=("name", upper))  # the same test: one if with T.C.NAME's
    rule("T.E.EITHER", needs_any=(("code", five), ("name", upper)))
    return reg


@pytest.mark.parametrize(
    ("code", "name", "called"),
    [
        ("12345", "AB", ["T.B.ALWAYS"]),
        (None, None, ["T.B.ALWAYS"]),
        ("1234", "AB", ["T.A.CODE", "T.B.ALWAYS", "T.E.EITHER"]),
        ("12345", "ab", ["T.B.ALWAYS", "T.C.NAME", "T.D.NAME", "T.E.EITHER"]),
        ("12345" + SEP, "AB", ["T.A.CODE", "T.B.ALWAYS", "T.E.EITHER"]),
        ("12345", SEP + "AB", ["T.B.ALWAYS", "T.C.NAME", "T.D.NAME", "T.E.EITHER"]),
        (_Text("12345"), "AB", ["T.B.ALWAYS"]),
    ],
)
def test_the_fused_plan_calls_what_the_guards_alone_call(code: Any, name: Any, called: list[str]) -> None:
    calls: list[str] = []
    validate(_Thing(code, name), registry=_thing_registry(calls))
    assert calls == called
    assert "fused_match" in _thing_registry([]).plans(None)[_Thing].__globals__  # type: ignore[union-attr]


def test_a_value_that_is_not_text_fails_as_the_guard_fails() -> None:
    calls: list[str] = []
    with pytest.raises(TypeError, match="expected string"):
        validate(_Thing(12345, "AB"), registry=_thing_registry(calls))
    assert calls == []  # the first guard raised, as it does without the fusion
