"""The engine's ``needs=`` and ``guard=`` knobs: a check is skipped only where it cannot find anything."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from duo_domain.mbo.record import MboStudentRecord
from duo_domain.rules import CheckContext, Rule, RuleRegistry, Severity, Violation, registry, validate
from duo_domain.testing.mbo import MBO_STUDENT_RECORD_BREAKS, mbo_student_records


@attrs.frozen
class Thing:
    code: str | None = None
    parts: tuple[str, ...] = ()


_FIVE_DIGITS = re.compile("[0-9]{5}").fullmatch


def _registry(calls: list[str]) -> RuleRegistry:
    reg = RuleRegistry()

    @reg.rule(
        "T.THING.CODE",
        severity=Severity.AFKEUR,
        summary="s",
        guidance="g",
        source="t",
        applies_to=Thing,
        guard=("code", _FIVE_DIGITS),
    )
    def _code(thing: Thing, ctx: CheckContext) -> Sequence[Violation]:
        calls.append("code")
        if thing.code is not None and _FIVE_DIGITS(thing.code) is None:
            return (Violation("code", "not five digits"),)
        return ()

    @reg.rule(
        "T.THING.PARTS",
        severity=Severity.SIGNAAL,
        summary="s",
        guidance="g",
        source="t",
        applies_to=Thing,
        needs=("parts", "code"),
    )
    def _parts(thing: Thing, ctx: CheckContext) -> Sequence[Violation]:
        calls.append("parts")
        return (Violation("parts", "has parts"),)

    return reg


@pytest.mark.parametrize(
    ("thing", "called", "found"),
    [
        (Thing(), [], []),  # no code: neither check can find anything
        (Thing("12345"), [], []),  # a code that fits: the guard skips the call
        (Thing("1234"), ["code"], ["T.THING.CODE"]),  # a code the expression refuses: called
        (Thing("", ()), ["code"], ["T.THING.CODE"]),  # an empty text is a value, not an absence
        (Thing(None, ("a",)), [], []),  # needs both fields: one absent
        (Thing("12345", ("a",)), ["parts"], ["T.THING.PARTS"]),  # both present
    ],
)
def test_the_check_is_called_only_where_it_can_find_something(
    thing: Thing, called: list[str], found: list[str]
) -> None:
    calls: list[str] = []
    report = validate(thing, registry=_registry(calls))
    assert calls == called
    assert sorted(f.rule_id for f in report) == found


@pytest.mark.parametrize(
    ("needs", "guard"),
    [
        (("nope",), None),  # not a field of the class
        (("code; import os",), None),  # not an identifier: never enters the generated source
        ((), ("nope", _FIVE_DIGITS)),
        ((), ("code", "not callable")),
    ],
)
def test_a_knob_must_name_a_field_and_a_test(needs: tuple[str, ...], guard: object) -> None:
    with pytest.raises(ValueError, match=r"T\.THING\.X"):
        Rule("T.THING.X", Severity.AFKEUR, "s", "g", "t", Thing, lambda o, c: (), needs=needs, guard=guard)  # type: ignore[arg-type]


def _without_knobs() -> RuleRegistry:
    """The library's catalogue with every ``needs``/``guard`` removed: every check is called."""
    plain = RuleRegistry()
    for rule in registry:
        plain.add(attrs.evolve(rule, needs=(), guard=None))
    return plain


_PLAIN = _without_knobs()


@given(
    st.sampled_from([None, *sorted(MBO_STUDENT_RECORD_BREAKS)]).flatmap(
        lambda rule: mbo_student_records(breaks=rule)
    )
)
def test_the_catalogue_finds_the_same_with_and_without_its_knobs(record: MboStudentRecord) -> None:
    ours = [(f.rule_id, f.path, f.message) for f in validate(record)]
    plain = [(f.rule_id, f.path, f.message) for f in validate(record, registry=_PLAIN)]
    assert ours == plain


def test_the_knobs_are_used_by_the_catalogue() -> None:
    rules = list(registry)
    assert sum(r.guard is not None for r in rules) >= 20  # every generated format rule
    assert sum(bool(r.needs) for r in rules) >= 10
