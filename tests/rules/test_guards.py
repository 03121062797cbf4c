"""The engine's ``needs=`` and ``guard=`` knobs: a check is skipped only where it cannot find anything."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from duo_domain.codes import Codetabellen, CodeValue
from duo_domain.mbo.codes import LEERTRAJECT
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.reference import Referentiedata, voorbeeld
from duo_domain.rules import CheckContext, Rule, RuleRegistry, Severity, Violation, registry, validate
from duo_domain.serialize.json import loads_mbo
from duo_domain.testing.mbo import MBO_STUDENT_RECORD_BREAKS, mbo_student_records
from tests._shared import bench_module


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
    """The library's catalogue with every ``needs``/``guard``/``needs_any`` removed: every check is called."""
    plain = RuleRegistry()
    for rule in registry:
        plain.add(attrs.evolve(rule, needs=(), guard=None, needs_any=()))
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
    assert sum(bool(r.needs_any) for r in rules) >= 5


@attrs.frozen
class Inner:
    text: str | None = None


@attrs.frozen
class Outer:
    inner: Inner | None = None
    code: str | None = None
    items: tuple[str, ...] = ()


def _outer_registry(calls: list[str]) -> RuleRegistry:
    reg = RuleRegistry()

    def rule(rule_id: str, **knobs: object) -> None:
        def check(obj: Outer, ctx: CheckContext) -> Sequence[Violation]:
            calls.append(rule_id)
            return (Violation("", "found"),)

        reg.add(Rule(rule_id, Severity.SIGNAAL, "s", "g", "t", Outer, check, **knobs))  # type: ignore[arg-type]

    rule("T.A.DOTTED", needs=("inner.text",))
    rule("T.B.CONTEXT", needs=("ctx.referentiedata",))
    rule("T.C.ANY", needs_any=("items", ("code", _FIVE_DIGITS)))
    rule("T.D.BOTH", needs=("items",), needs_any=("inner", "ctx.codes"))
    rule("T.E.SAME", needs=("items",))  # the same test as T.F.SAME: one if in the plan
    rule("T.F.SAME", needs=("items",))
    rule("T.G.TWO", needs=("items[1]",))  # two items or more
    return reg


@pytest.mark.parametrize(
    ("outer", "context", "called"),
    [
        (Outer(), {}, []),
        (Outer(Inner()), {}, []),  # the path ends in None
        (Outer(Inner("")), {}, ["T.A.DOTTED"]),  # an empty text is a value
        (Outer(code="12345"), {"referentiedata": object()}, ["T.B.CONTEXT"]),
        (Outer(code="1234"), {}, ["T.C.ANY"]),
        (Outer(items=("a",)), {}, ["T.C.ANY", "T.E.SAME", "T.F.SAME"]),
        (Outer(Inner(), items=("a",)), {}, ["T.C.ANY", "T.D.BOTH", "T.E.SAME", "T.F.SAME"]),
        (Outer(items=("a",)), {"codes": object()}, ["T.C.ANY", "T.D.BOTH", "T.E.SAME", "T.F.SAME"]),
        (Outer(items=("a", "b")), {}, ["T.C.ANY", "T.E.SAME", "T.F.SAME", "T.G.TWO"]),
    ],
)
def test_paths_context_and_any_of(outer: Outer, context: dict[str, object], called: list[str]) -> None:
    calls: list[str] = []
    reg = _outer_registry(calls)
    report = validate(outer, registry=reg, **context)  # type: ignore[arg-type]
    assert calls == called
    assert [f.rule_id for f in report] == called


@pytest.mark.parametrize(
    "knobs",
    [
        {"needs": ("inner.nope",)},  # not a field of Inner
        {"needs": ("code.upper",)},  # a str is not an attrs class: no path through it
        {"needs": ("inner.text.x",)},
        {"needs": ("ctx.nope",)},  # not a field of CheckContext
        {"needs": ("ctx.codes.x",)},
        {"needs": ("inner.class",)},  # a keyword never enters the source
        {"needs_any": ("nope",)},
        {"needs_any": (("code", "not callable"),)},
        {"needs_any": (("code",),)},
        {"needs_any": (("code; import os", _FIVE_DIGITS),)},
        {"needs_any": (("items[1]", _FIVE_DIGITS),)},  # an index only where a value must be held
        {"needs": ("items[x]",)},
        {"needs": ("items[1].x",)},
    ],
)
def test_a_path_must_name_fields_of_their_classes(knobs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"T\.OUTER\.X"):
        Rule("T.OUTER.X", Severity.AFKEUR, "s", "g", "t", Outer, lambda o, c: (), **knobs)  # type: ignore[arg-type]


def _bench_records() -> list[MboStudentRecord]:
    """The records of ``bench/bench_mbo_validate.py`` (its data generator), read as a vendor reads them."""
    module = bench_module("bench_mbo_validate")
    records = [loads_mbo(json.dumps(d).encode()) for d in module.make_data(1500, seed=3)]
    return [r for r in records if isinstance(r, MboStudentRecord)]


_CONTEXTS: list[dict[str, object]] = [
    {},
    {"peildatum": dt.date(2020, 1, 1)},
    {"referentiedata": voorbeeld()},
    {"referentiedata": Referentiedata()},
    {"codes": Codetabellen(LEERTRAJECT.met(CodeValue("BOL_XL", "Nieuw", geldig_tot=dt.date(2021, 7, 31))))},
]


def test_the_bench_data_find_the_same_with_and_without_the_knobs() -> None:
    for record in _bench_records():
        for context in _CONTEXTS:
            ours = [(f.rule_id, f.path, f.message, dict(f.values)) for f in validate(record, **context)]  # type: ignore[arg-type]
            plain = [
                (f.rule_id, f.path, f.message, dict(f.values))
                for f in validate(record, registry=_PLAIN, **context)  # type: ignore[arg-type]
            ]
            assert ours == plain


@given(
    st.sampled_from([None, *sorted(MBO_STUDENT_RECORD_BREAKS)]).flatmap(
        lambda rule: mbo_student_records(breaks=rule)
    ),
    st.sampled_from(range(len(_CONTEXTS))),
)
def test_the_knobs_hold_with_reference_data_codes_and_a_peildatum(
    record: MboStudentRecord, which: int
) -> None:
    context = _CONTEXTS[which]
    ours = [(f.rule_id, f.path, f.message) for f in validate(record, **context)]  # type: ignore[arg-type]
    plain = [(f.rule_id, f.path, f.message) for f in validate(record, registry=_PLAIN, **context)]  # type: ignore[arg-type]
    assert ours == plain
