from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from duo_domain.rules import CheckContext, Rule, RuleRegistry, Severity, Violation, validate
from duo_domain.rules._model import CheckFunction


@attrs.frozen
class Leaf:
    waarde: int


@attrs.frozen
class Branch:
    naam: str
    blad: Leaf
    bladeren: tuple[Leaf, ...] = ()
    lijst: list[object] = attrs.field(factory=list)


def _registry() -> RuleRegistry:
    reg = RuleRegistry()

    @reg.rule(
        "T.LEAF.POSITIVE",
        severity=Severity.AFKEUR,
        summary="positive",
        guidance="fix it",
        source="test",
        applies_to=Leaf,
    )
    def _positive(leaf: Leaf, ctx: CheckContext) -> Iterator[Violation]:
        if leaf.waarde <= 0:
            yield Violation("waarde", f"{leaf.waarde} is not positive", values={"waarde": str(leaf.waarde)})

    @reg.rule(
        "T.BRANCH.NAAM",
        severity=Severity.SIGNAAL,
        summary="named",
        guidance="name it",
        source="test",
        applies_to=Branch,
        geldig_van=dt.date(2019, 8, 1),
        geldig_tot=dt.date(2023, 7, 31),
    )
    def _naam(branch: Branch, ctx: CheckContext) -> Iterator[Violation]:
        if not branch.naam:
            yield Violation("", "no name", business_key="B-1")

    return reg


BAD = Branch("", Leaf(0), (Leaf(1), Leaf(-1)), [Leaf(-2), "not attrs"])


def test_validate_walks_every_nested_object_and_collects_all() -> None:
    report = validate(BAD, registry=_registry())
    assert [(f.rule_id, f.path) for f in report] == [
        ("T.BRANCH.NAAM", "$"),
        ("T.LEAF.POSITIVE", "$.blad.waarde"),
        ("T.LEAF.POSITIVE", "$.bladeren[1].waarde"),
        ("T.LEAF.POSITIVE", "$.lijst[0].waarde"),
    ]
    assert report.findings[0].business_key == "B-1"
    assert report.findings[1].values == {"waarde": "0"}
    assert report.findings[1].source == "test"


def test_validate_a_list() -> None:
    report = validate([Leaf(1), Leaf(0)], registry=_registry())
    assert [f.path for f in report] == ["$[1].waarde"]


@pytest.mark.parametrize(
    ("peildatum", "expected"),
    [
        (None, True),
        (dt.date(2019, 7, 31), False),
        (dt.date(2019, 8, 1), True),
        (dt.date(2023, 7, 31), True),
        (dt.date(2023, 8, 1), False),
    ],
)
def test_peildatum_selects_rules_in_force(peildatum: dt.date | None, expected: bool) -> None:
    report = validate(BAD, peildatum=peildatum, registry=_registry())
    assert report.has("T.BRANCH.NAAM") is expected
    assert report.has("T.LEAF.POSITIVE")


def test_clean_object_gives_empty_report() -> None:
    assert validate(Branch("x", Leaf(1)), registry=_registry()).ok


def test_registry_lookup_and_export() -> None:
    reg = _registry()
    assert len(reg) == 2
    assert "T.LEAF.POSITIVE" in reg
    assert reg.get("T.LEAF.POSITIVE").severity is Severity.AFKEUR
    assert [r.id for r in reg.catalogue(dt.date(2024, 1, 1))] == ["T.LEAF.POSITIVE"]
    exported = reg.export()
    assert exported[0]["id"] == "T.BRANCH.NAAM"
    assert exported[0]["geldig_van"] == "2019-08-01"
    assert exported[0]["applies_to"] == "Branch"
    with pytest.raises(KeyError):
        reg.get("T.NOPE")


def test_duplicate_rule_id_is_refused() -> None:
    reg = _registry()
    rule = reg.get("T.LEAF.POSITIVE")
    with pytest.raises(ValueError, match="registered already"):
        reg.add(rule)


def test_rules_for_follows_subclasses() -> None:
    @attrs.frozen
    class SpecialLeaf(Leaf):
        pass

    reg = _registry()
    assert [r.id for r in reg.rules_for(SpecialLeaf)] == ["T.LEAF.POSITIVE"]
    assert validate(SpecialLeaf(0), registry=reg).has("T.LEAF.POSITIVE")


@pytest.mark.parametrize("bad_id", ["lower.case", "NODOT", "A..B", "A.B-C", ""])
def test_rule_ids_are_validated(bad_id: str) -> None:
    with pytest.raises(ValueError, match="rule id"):
        Rule(bad_id, Severity.SIGNAAL, "s", "g", "src", object, lambda o, c: ())


def test_rule_period_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="before geldig_van"):
        Rule(
            "A.B",
            Severity.SIGNAAL,
            "s",
            "g",
            "src",
            object,
            lambda o, c: (),
            geldig_van=dt.date(2020, 1, 2),
            geldig_tot=dt.date(2020, 1, 1),
        )


def test_severity_levels() -> None:
    assert [s for s in Severity if s.is_error] == [Severity.AFKEUR]
    assert sorted(Severity, key=lambda s: s.rank)[0] is Severity.AFKEUR


@attrs.frozen
class Typed:
    naam: str
    datum: dt.date
    blad: Leaf | None
    bladeren: tuple[Leaf, ...]
    kaart: dict[str, Leaf]
    iets: object


def test_walk_skips_fields_that_cannot_hold_objects_and_follows_the_rest() -> None:
    from duo_domain.rules._registry import _child_fields

    assert _child_fields(Typed) == ("blad", "bladeren", "iets")
    assert _child_fields(int) == ()
    report = validate(
        Typed("x", dt.date(2020, 1, 1), Leaf(0), (Leaf(-1),), {}, Leaf(-3)), registry=_registry()
    )
    assert [f.path for f in report] == ["$.blad.waarde", "$.bladeren[0].waarde", "$.iets.waarde"]


def test_walk_follows_every_field_when_annotations_cannot_be_resolved() -> None:
    @attrs.frozen
    class Unresolvable:
        blad: NoSuchType  # type: ignore[name-defined]  # noqa: F821

    from duo_domain.rules._registry import _child_fields

    assert _child_fields(Unresolvable) == ("blad",)
    assert validate(Unresolvable(Leaf(0)), registry=_registry()).has("T.LEAF.POSITIVE")


# --- what a check function may return -----------------------------------------------------------------


def _two(leaf: Leaf) -> list[Violation]:
    return [Violation("waarde", f"first {leaf.waarde}"), Violation("", f"second {leaf.waarde}")]


def _as_generator(leaf: Leaf, ctx: CheckContext) -> Iterator[Violation]:
    if leaf.waarde <= 0:
        yield from _two(leaf)


def _as_tuple(leaf: Leaf, ctx: CheckContext) -> tuple[Violation, ...]:
    return tuple(_two(leaf)) if leaf.waarde <= 0 else ()


def _as_list(leaf: Leaf, ctx: CheckContext) -> list[Violation]:
    return _two(leaf) if leaf.waarde <= 0 else []


def _as_iterator(leaf: Leaf, ctx: CheckContext) -> Iterator[Violation]:
    return iter(_two(leaf) if leaf.waarde <= 0 else [])


def _one_rule(
    check: CheckFunction, rule_id: str = "T.LEAF.TWO", reg: RuleRegistry | None = None
) -> RuleRegistry:
    reg = RuleRegistry() if reg is None else reg
    reg.rule(rule_id, severity=Severity.AFKEUR, summary="s", guidance="g", source="test", applies_to=Leaf)(
        check
    )
    return reg


@pytest.mark.parametrize("check", [_as_generator, _as_tuple, _as_list, _as_iterator])
def test_a_check_may_return_any_iterable_of_violations(check: CheckFunction) -> None:
    reg = _one_rule(check)
    report = validate(Branch("x", Leaf(1), (Leaf(0), Leaf(2))), registry=reg)
    assert [(f.rule_id, f.path, f.message) for f in report] == [
        ("T.LEAF.TWO", "$.bladeren[0].waarde", "first 0"),
        ("T.LEAF.TWO", "$.bladeren[0]", "second 0"),
    ]
    assert validate(Leaf(5), registry=reg).ok


def test_checks_of_both_kinds_keep_the_order_of_rules_and_findings() -> None:
    reg = _one_rule(_as_tuple, "T.LEAF.A")
    _one_rule(_as_generator, "T.LEAF.B", reg)
    _one_rule(_as_list, "T.LEAF.C", reg)
    report = validate([Leaf(-1), Leaf(3), Leaf(0)], registry=reg)
    assert [(f.rule_id, f.path) for f in report] == [
        (rule_id, path)
        for item in ("$[0]", "$[2]")
        for rule_id in ("T.LEAF.A", "T.LEAF.B", "T.LEAF.C")
        for path in (f"{item}.waarde", item)
    ]


def test_an_empty_result_is_not_iterated() -> None:
    class Loud(tuple[Violation, ...]):
        def __iter__(self) -> Iterator[Violation]:
            raise AssertionError("an empty result must not be iterated")

    reg = _one_rule(lambda leaf, ctx: Loud())
    assert validate(Branch("x", Leaf(1), (Leaf(2),)), registry=reg).ok


def test_a_check_that_returns_none_is_a_bug_not_a_pass() -> None:
    reg = RuleRegistry()

    @reg.rule(
        "T.LEAF.FORGETFUL", severity=Severity.AFKEUR, summary="s", guidance="g", source="t", applies_to=Leaf
    )
    def _forgetful(leaf: Leaf, ctx: CheckContext) -> Any:
        if leaf.waarde < 0:
            return (Violation("waarde", "negative"),)
        return None

    assert len(validate(Leaf(-1), registry=reg)) == 1
    with pytest.raises(TypeError, match=r"T\.LEAF\.FORGETFUL returned None"):
        validate(Leaf(1), registry=reg)
