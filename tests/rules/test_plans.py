"""The engine's compiled plans: kept across validate calls, rebuilt when the catalogue changes."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Sequence

import attrs

from duo_domain.rules import CheckContext, RuleRegistry, Severity, Violation, validate


@attrs.frozen
class Item:
    n: int


@attrs.frozen
class Box:
    items: tuple[Item, ...]


def _check_negative(item: Item, ctx: CheckContext) -> Sequence[Violation]:
    return (Violation("n", "negative"),) if item.n < 0 else ()


def _check_big(item: Item, ctx: CheckContext) -> Sequence[Violation]:
    return (Violation("n", "big"),) if item.n > 9 else ()


def _registry() -> RuleRegistry:
    reg = RuleRegistry()
    reg.rule(
        "T.ITEM.NEGATIVE", severity=Severity.AFKEUR, summary="s", guidance="g", source="t", applies_to=Item
    )(_check_negative)
    return reg


def test_plans_are_kept_across_calls_per_peildatum() -> None:
    reg = _registry()
    validate(Box((Item(1),)), registry=reg)
    first = reg.plans(None)
    validate(Box((Item(2),)), registry=reg)
    assert reg.plans(None) is first
    assert Item in first
    assert Box in first
    assert reg.plans(dt.date(2024, 8, 1)) is not first


def test_a_rule_added_after_a_call_applies_to_the_next_call() -> None:
    reg = _registry()
    box = Box((Item(-1), Item(10)))
    assert [f.rule_id for f in validate(box, registry=reg)] == ["T.ITEM.NEGATIVE"]
    reg.rule("T.ITEM.BIG", severity=Severity.SIGNAAL, summary="s", guidance="g", source="t", applies_to=Item)(
        _check_big
    )
    assert [(f.rule_id, f.path) for f in validate(box, registry=reg)] == [
        ("T.ITEM.NEGATIVE", "$.items[0].n"),
        ("T.ITEM.BIG", "$.items[1].n"),
    ]


def test_rules_in_force_follow_the_peildatum_with_plans_kept() -> None:
    reg = RuleRegistry()
    reg.rule(
        "T.ITEM.LATER",
        severity=Severity.AFKEUR,
        summary="s",
        guidance="g",
        source="t",
        applies_to=Item,
        geldig_van=dt.date(2025, 8, 1),
    )(_check_negative)
    item = Item(-1)
    for _ in range(2):  # the second round runs on kept plans
        assert not validate(item, registry=reg, peildatum=dt.date(2025, 7, 31))
        assert len(validate(item, registry=reg, peildatum=dt.date(2025, 8, 1))) == 1
        assert len(validate(item, registry=reg)) == 1


def test_the_number_of_peildata_kept_is_bounded() -> None:
    reg = _registry()
    for day in range(200):
        validate(Item(-1), registry=reg, peildatum=dt.date(2024, 1, 1) + dt.timedelta(days=day))
    assert len(reg._plans) <= 64


def test_a_registry_with_plans_pickles_without_them() -> None:
    reg = _registry()
    validate(Item(-1), registry=reg)
    again = pickle.loads(pickle.dumps(reg))
    assert [f.rule_id for f in validate(Item(-1), registry=again)] == ["T.ITEM.NEGATIVE"]
