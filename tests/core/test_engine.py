from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs
import pytest

from duo_domain.rules import CheckContext, Rule, RuleRegistry, Severity, Violation, validate


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
