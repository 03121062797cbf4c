"""The rule registry and the validation engine."""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import re
import types
import typing
from collections import abc
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from duo_domain._fields import json_type
from duo_domain.errors import InvalidValue
from duo_domain.rules import _fused
from duo_domain.rules._model import (
    CheckContext,
    CheckFunction,
    Finding,
    Rule,
    Severity,
    Violation,
    make_finding,
    split_index,
)
from duo_domain.rules._report import Report

__all__ = ["RuleRegistry", "registry", "validate"]

_F = TypeVar("_F", bound=CheckFunction)

#: How many peildata a registry keeps compiled plans for at once.
_MAX_PEILDATA = 64

#: Modules that hold the library's own rules; imported on first use of the
#: default registry so that ``import duo_domain`` stays fast.
RULE_MODULES: tuple[str, ...] = (
    "duo_domain.identity.rules",
    "duo_domain.mbo.formats",
    "duo_domain.mbo.rules",
    "duo_domain.mbo.result_rules",
    "duo_domain.mbo.uitslag_rules",
    "duo_domain.mbo.plausibility",
    "duo_domain.vo.rules",
    "duo_domain.serialize.xml.rules",
    "duo_domain.batch.rules",
)


class RuleRegistry:
    """A catalogue of rules, looked up by id and by the type they check.

    The library's own rules live in `registry`; a vendor may build a
    registry of its own (or add rules to a copy) and pass it to [`validate`][duo_domain.validate].

    A check function takes the object and a [`CheckContext`][duo_domain.CheckContext] and returns
    an iterable of [`Violation`][duo_domain.Violation]: a tuple or list, or a generator that
    yields them. Returning ``()`` when nothing is wrong is the fastest, which
    counts for rules that run on every record of a large file: the engine
    passes an empty result over without iterating it, while a generator costs
    its creation and exhaustion even when it yields nothing.

    Examples:
        >>> import attrs
        >>> from duo_domain.rules import RuleRegistry, Severity, Violation, validate
        >>> @attrs.frozen
        ... class Thing:
        ...     size: int
        >>> mine = RuleRegistry()
        >>> @mine.rule("MINE.THING.SIZE", severity=Severity.AFKEUR, summary="size is positive",
        ...            guidance="Use a size of 1 or more.", source="house rule", applies_to=Thing)
        ... def _size(thing, ctx):
        ...     if thing.size < 1:
        ...         return (Violation("size", f"size {thing.size} is not positive"),)
        ...     return ()
        >>> [str(f) for f in validate(Thing(0), registry=mine)]
        ['AFKEUR MINE.THING.SIZE: size 0 is not positive @ $.size']
        >>> validate(Thing(1), registry=mine).ok
        True

        A generator works the same way:

        >>> @mine.rule("MINE.THING.EVEN", severity=Severity.SIGNAAL, summary="size is even",
        ...            guidance="Use an even size.", source="house rule", applies_to=Thing)
        ... def _even(thing, ctx):
        ...     if thing.size % 2:
        ...         yield Violation("size", f"size {thing.size} is odd")
        >>> [f.rule_id for f in validate(Thing(-1), registry=mine)]
        ['MINE.THING.EVEN', 'MINE.THING.SIZE']
    """

    def __init__(self, modules: Sequence[str] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        self._by_type: dict[type, tuple[Rule, ...]] = {}
        self._active: dict[tuple[type, dt.date | None], tuple[Rule, ...]] = {}
        self._plans: dict[dt.date | None, _Plans] = {}
        self._modules = tuple(modules)
        self._loaded = not self._modules

    def __reduce_ex__(self, protocol: Any) -> str | tuple[Any, ...]:
        # The library's own catalogue pickles by reference: a process that unpickles it uses its
        # own module-level registry (loaded once per process) instead of a copy of every rule.
        if self is _DEFAULT:
            return "registry"
        return super().__reduce_ex__(protocol)

    def __getstate__(self) -> dict[str, Any]:
        # The caches (and the generated plans in them) are rebuilt on first use after unpickling.
        state = dict(self.__dict__)
        state["_by_type"], state["_active"], state["_plans"] = {}, {}, {}
        return state

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            for name in self._modules:
                importlib.import_module(name)

    def add(self, rule: Rule) -> Rule:
        """Add a rule; its id must be new to this registry.

        Raises:
            ValueError: when a rule with the same id is registered already.
        """
        if rule.id in self._rules:
            raise ValueError(f"rule {rule.id} is registered already")
        self._rules[rule.id] = rule
        self._by_type.clear()
        self._active.clear()
        self._plans = {}  # a new dict: a validate call under way keeps the plans it started with
        return rule

    def rule(
        self,
        id: str,  # noqa: A002 - the catalogue's own word
        *,
        severity: Severity,
        summary: str,
        guidance: str,
        source: str,
        applies_to: type,
        geldig_van: dt.date | None = None,
        geldig_tot: dt.date | None = None,
        url: str | None = None,
        external: str | None = None,
        severity_origin: str | None = None,
        needs: Sequence[str] = (),
        guard: tuple[str, Callable[[Any], object]] | None = None,
        needs_any: Sequence[str | tuple[str, Callable[[Any], object]]] = (),
    ) -> Callable[[_F], _F]:
        """Decorator that registers a check function as a rule.

        The function is called as ``check(obj, ctx)`` and returns an iterable
        of [`Violation`][duo_domain.Violation]: a tuple or list (``()`` when nothing is wrong,
        the fastest), or a generator. ``needs``, ``guard`` and ``needs_any`` (see
        [`Rule`][duo_domain.Rule]) let the engine skip the call where the check cannot find anything.
        """

        def register(check: _F) -> _F:
            self.add(
                Rule(
                    id=id,
                    severity=severity,
                    summary=summary,
                    guidance=guidance,
                    source=source,
                    applies_to=applies_to,
                    check=check,
                    geldig_van=geldig_van,
                    geldig_tot=geldig_tot,
                    url=url,
                    external=external,
                    severity_origin=severity_origin,
                    needs=needs,
                    guard=guard,
                    needs_any=needs_any,
                )
            )
            return check

        return register

    def __iter__(self) -> Iterator[Rule]:
        self._load()
        return iter(sorted(self._rules.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        self._load()
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        self._load()
        return rule_id in self._rules

    def get(self, rule_id: str) -> Rule:
        """The rule with this id.

        Raises:
            KeyError: when no such rule is registered.
        """
        self._load()
        return self._rules[rule_id]

    def rules_for(self, kind: type) -> tuple[Rule, ...]:
        """The rules that check objects of ``kind`` (or of its base classes)."""
        found = self._by_type.get(kind)
        if found is None:
            self._load()
            found = tuple(
                r for r in sorted(self._rules.values(), key=lambda r: r.id) if issubclass(kind, r.applies_to)
            )
            self._by_type[kind] = found
        return found

    def active_rules(self, kind: type, peildatum: dt.date | None) -> tuple[Rule, ...]:
        """The rules that check objects of ``kind`` and are in force on ``peildatum``."""
        key = (kind, peildatum)
        found = self._active.get(key)
        if found is None:
            found = tuple(r for r in self.rules_for(kind) if r.in_force(peildatum))
            self._active[key] = found
        return found

    def plans(self, peildatum: dt.date | None) -> _Plans:
        """The compiled plans of the rules in force on ``peildatum``, kept until a rule is added.

        Kept for at most `_MAX_PEILDATA` dates at a time; a caller that validates with ever new
        dates has them rebuilt, never an unbounded cache.
        """
        self._load()
        found = self._plans.get(peildatum)
        if found is None:
            if len(self._plans) >= _MAX_PEILDATA:
                self._plans = {}
            found = self._plans[peildatum] = _Plans(self, peildatum)
        return found

    def catalogue(self, peildatum: dt.date | None = None) -> list[Rule]:
        """Every rule (in force on ``peildatum``, if given), sorted by id."""
        return [r for r in self if r.in_force(peildatum)]

    def export(self, peildatum: dt.date | None = None) -> list[dict[str, str | None]]:
        """The catalogue as plain data, ready for ``json.dumps``."""
        return [r.to_dict() for r in self.catalogue(peildatum)]


#: The library's own rule catalogue.
registry = RuleRegistry(modules=RULE_MODULES)
_DEFAULT = registry


def _join(base: str, rel: str) -> str:
    if not rel:
        return base
    if rel.startswith("["):
        return base + rel
    return f"{base}.{rel}"


_LEAVES: tuple[type, ...] = (str, int, float, bytes, dt.date, dt.time, Decimal, enum.Enum, type(None))
_SEQUENCES = frozenset({tuple, list, set, frozenset, abc.Sequence, abc.Set, abc.Collection, abc.Iterable})


def _can_hold_attrs(hint: Any) -> bool:
    """False only when a field of this type provably never holds an attrs instance."""
    if isinstance(hint, type):
        return not issubclass(hint, _LEAVES)
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(_can_hold_attrs(arg) for arg in typing.get_args(hint))
    if origin in _SEQUENCES:
        return any(_can_hold_attrs(arg) for arg in typing.get_args(hint) if arg is not Ellipsis)
    if origin is typing.Literal or origin in (dict, abc.Mapping):
        return False  # mappings are not walked
    if origin is typing.Annotated:
        return _can_hold_attrs(typing.get_args(hint)[0])
    return True  # Any, TypeVars and whatever else: look at the value


class _IsAttrs(dict[type, bool]):
    """``attrs.has`` per type, remembered: the walk asks it for every value it meets."""

    def __missing__(self, kind: type) -> bool:
        found = self[kind] = attrs.has(kind)
        return found


_IS_ATTRS = _IsAttrs()


class _IsOne(dict[type, bool]):
    """Whether `validate` takes a value of a type as one domain object, remembered per type.

    One domain object: an attrs instance that is not a list or tuple (the question of every call).
    """

    def __missing__(self, kind: type) -> bool:
        found = self[kind] = _IS_ATTRS[kind] and not issubclass(kind, (list, tuple))
        return found


_IS_ONE = _IsOne()
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(kind: type) -> tuple[str, ...]:
    """The fields of ``kind`` that may hold attrs instances (none for other types), once per type."""
    names = _CHILD_FIELDS.get(kind)
    if names is None and not _IS_ATTRS[kind]:
        names = _CHILD_FIELDS[kind] = ()
    elif names is None:
        try:
            hints = typing.get_type_hints(kind)
        except (NameError, TypeError, AttributeError):  # unresolvable annotations: walk every field
            hints = {}
        names = tuple(
            a.name for a in attrs.fields(kind) if a.name not in hints or _can_hold_attrs(hints[a.name])
        )
        _CHILD_FIELDS[kind] = names
    return names


#: Where the walk is: ``"$"`` (or ``"$[3]"``) at the top, below that ``(parent, field, index)``
#: with ``index`` ``None`` for a field holding one object. The text (``$.inschrijvingen[0].perioden``)
#: is only built for an object that has a finding; most objects have none.
_Where = str | tuple[Any, str, int | None]

#: A compiled plan: visits one object of one type (its rules in force, then its children).
_Visit = Callable[[Any, _Where, CheckContext, list[Finding]], None]


def _path_text(where: _Where) -> str:
    if isinstance(where, str):
        return where
    parent, name, index = where
    if index is None:
        return f"{_path_text(parent)}.{name}"
    return f"{_path_text(parent)}.{name}[{index}]"


def _emit(rule: Rule, found: Iterable[Violation], where: _Where, out: list[Finding]) -> None:
    """The findings of one rule on one object: only here is the object's path spelled out."""
    path = None
    for v in found:
        if path is None:
            path = _path_text(where)
        # positional (rule_id, severity, path, message, business_key, values, source): a call per finding
        out.append(
            make_finding(
                rule.id, rule.severity, _join(path, v.path), v.message, v.business_key, v.values, rule.source
            )
        )


def _returned_none(rule: Rule) -> None:
    # A check that forgot its return would otherwise pass silently.
    raise TypeError(f"the check of rule {rule.id} returned None, not an iterable of Violations")


class _Plans(dict[type, "_Visit | None"]):
    """The compiled plans of one registry state and one peildatum: type to visit function.

    A type that is not an attrs class maps to ``None`` (nothing to visit). Plans are made on
    first meeting a type and kept, so a second [`validate`][duo_domain.validate] call (one record
    at a time) costs what the first record of a batch cost: nothing is rebuilt per call.
    """

    def __init__(self, registry: RuleRegistry, peildatum: dt.date | None) -> None:
        super().__init__()
        self._registry = registry
        self._peildatum = peildatum
        #: The context of a call without reference data (frozen, so one serves every such call).
        self.context = CheckContext(peildatum=peildatum)

    def __missing__(self, kind: type) -> _Visit | None:
        found = self[kind] = _compile(self, kind, self._registry.active_rules(kind, self._peildatum))
        return found


def _reach(path: str) -> str:
    """A test that reads ``path`` (``field``, ``a.b`` or ``ctx.field``) into ``value``: not ``None``.

    Only names [`Rule`][duo_domain.Rule] checked to be fields of their classes reach here.
    """
    first, *rest = path.split(".")
    first = f"ctx.{rest.pop(0)}" if first == "ctx" else f"obj.{first}"
    return " and ".join(
        [f"(value := {first}) is not None", *(f"(value := value.{name}) is not None" for name in rest)]
    )


def _holds(path: str) -> str:
    path, index = split_index(path)
    if index is not None:
        return f"{_reach(path)} and len(value) > {index:d}"
    # ``value != ()`` without a call of the value's own ``__ne__`` (attrs writes it in Python):
    # anything but a tuple holds a value; a tuple holds one when it is not empty.
    return f"{_reach(path)} and (value.__class__ is not tuple or value)"


def _refused(path: str, fits: str, names: dict[str, Any]) -> str:
    test = f"{_reach(path)} and not {fits}(value)"
    # under a fused format test (``ok``): only when it missed need the field's own guard decide
    known = names[fits]
    fused = any(
        p == path and (g is known or (type(g) is type(known) and g == known)) for p, g in names["fused"]
    )
    return f"{_UNDER_OK}{test}" if fused else test


def _fits_name(fits: Callable[[Any], object], names: dict[str, Any]) -> str:
    """The name a plan's source calls ``fits`` by, one name per test.

    Two rules guarded by the same test on the same field then have the same source test, and share
    one ``if``.
    """
    for name, known in names.items():
        if name.startswith("fits") and known is fits:
            return name
    name = f"fits{sum(n.startswith('fits') for n in names)}"
    names[name] = fits
    return name


def _rule_test(rule: Rule, names: dict[str, Any]) -> str | None:
    """The test that decides whether a plan calls a rule's check: its ``needs``, ``guard`` and ``needs_any``.

    ``None`` for a rule without any: its check is called for every object. With them, an object
    whose fields say the check cannot find anything costs an attribute read and a comparison (for
    a format rule, the compiled expression's ``fullmatch`` in C) and no Python frame.
    """
    tests = [_holds(name) for name in rule.needs]
    if rule.guard is not None:
        field, fits = rule.guard
        tests.append(_refused(field, _fits_name(fits, names), names))
    if rule.needs_any:
        either = []
        for entry in rule.needs_any:
            if isinstance(entry, tuple):
                either.append(f"({_refused(entry[0], _fits_name(entry[1], names), names)})")
            else:
                either.append(f"({_holds(entry)})")
        tests.append(f"({' or '.join(either)})")
    return " and ".join(tests) if tests else None


_UNDER_OK = "not ok and "


def _rule_lines(rules: tuple[Rule, ...], names: dict[str, Any]) -> list[str]:
    """The source lines of the rules of a plan, in their order: each call under its test.

    Consecutive rules with the same test (``needs=("diplomas",)`` twice, say) share one ``if``,
    and consecutive rules whose test begins with the fused format test's ``not ok`` (the format
    rules of a class) share one ``if not ok:`` around their own tests.
    """
    lines: list[str] = []
    previous: str | None = None
    under_ok = False
    for i, rule in enumerate(rules):
        names[f"check{i}"], names[f"rule{i}"] = rule.check, rule
        test = _rule_test(rule, names)
        if (test is not None and test.startswith(_UNDER_OK)) != under_ok:
            under_ok = not under_ok
            previous = None
            if under_ok:
                lines.append("    if not ok:")
        base = "        " if under_ok else "    "
        if under_ok and test is not None:
            test = test.removeprefix(_UNDER_OK)
        if test is not None and test != previous:
            lines.append(f"{base}if {test}:")
        previous = test
        indent = f"{base}    " if test else base
        lines += [
            f"{indent}found = check{i}(obj, ctx)",
            f"{indent}if found:",
            f"{indent}    emit(rule{i}, found, where, out)",
            f"{indent}elif found is None:",
            f"{indent}    returned_none(rule{i})",
        ]
    return lines


def _guards(rule: Rule) -> list[tuple[str, Callable[[Any], object]]]:
    pairs = [] if rule.guard is None else [rule.guard]
    return pairs + [entry for entry in rule.needs_any if isinstance(entry, tuple)]


def _fused_lines(rules: tuple[Rule, ...], names: dict[str, Any]) -> list[str]:
    """The plan's first lines when two or more of its guards can share one fused format test.

    ``ok`` is true when the fused expression (`duo_domain.rules._fused`) matches the guarded
    fields' values joined by its separator, an absent field standing as its expression's
    witness: then every one of them is absent or fits, and no guard refuses. The guards it covers
    (``names["fused"]``) test ``not ok`` first. A value that is not text makes the join fail and
    leaves ``ok`` false: the per-field guards decide, as they would without the fusion.
    """
    pairs: list[tuple[str, Callable[[Any], object]]] = []
    found: list[tuple[str, re.Pattern[str], str]] = []
    for rule in rules:
        for field, fits in _guards(rule):
            fused = _fused.fusable(fits)
            if fused is not None and field.isidentifier() and (field, *fused) not in found:
                found.append((field, *fused))
                pairs.append((field, fits))
    names["fused"] = pairs if len(pairs) > 1 else []
    if not names["fused"]:
        return []
    names["fused_match"] = _fused.fuse([pattern for _, pattern, _ in found]).fullmatch
    names["SEP"] = _fused.SEP
    values = []
    for i, (field, _, witness) in enumerate(found):  # identifiers of the class's fields only
        names[f"witness{i}"] = witness
        values.append(f"witness{i} if (v{i} := obj.{field}) is None else v{i}")
    return [
        "    try:",
        f"        ok = fused_match(SEP.join(({', '.join(values)},))) is not None",
        "    except TypeError:  # a value that is not text: the guards decide",
        "        ok = False",
    ]


def _compile(plans: _Plans, kind: type, rules: tuple[Rule, ...]) -> _Visit | None:
    """One function for objects of ``kind``: each rule's check in turn, then each child field.

    The function is generated as source (as attrs and cattrs generate theirs), so that the walk
    of a large document runs straight-line code per object: no loop over a list of rules, no
    per-call lookup of what to do with a type, and an empty result (``()``) passed over at the
    cost of one truth test. Only field names of the attrs class (identifiers) enter the source.
    """
    if not _IS_ATTRS[kind]:
        return None
    names: dict[str, Any] = {
        "plans": plans,
        "emit": _emit,
        "returned_none": _returned_none,
        "sequence": (tuple, list),
    }
    lines = ["def visit(obj, where, ctx, out):"]
    lines += _fused_lines(rules, names)
    lines += _rule_lines(rules, names)
    children = _child_fields(kind)
    if not rules and not children:
        return None  # nothing to check in it or below it: the walk passes it over
    for name in children:
        # A tuple (what the domain classes hold) and None (an absent object) first, without a lookup.
        lines += [
            f"    value = obj.{name}",
            "    if value.__class__ is tuple:",
            "        if value:  # an empty tuple (most optional lists) makes no enumerate",
            "            for i, item in enumerate(value):",
            "                child = plans[item.__class__]",
            "                if child is not None:",
            f"                    child(item, (where, {name!r}, i), ctx, out)",
            "    elif value is not None:",
            "        child = plans[value.__class__]",
            "        if child is not None:",
            f"            child(value, (where, {name!r}, None), ctx, out)",
            "        elif isinstance(value, sequence):",
            "            for i, item in enumerate(value):",
            "                child = plans[item.__class__]",
            "                if child is not None:",
            f"                    child(item, (where, {name!r}, i), ctx, out)",
        ]
    if len(lines) == 1:
        lines.append("    return None")
    source = "\n".join(lines)
    exec(compile(source, f"<duo_domain rule plan for {kind.__qualname__}>", "exec"), names)  # noqa: S102 - generated from field names only
    visit: _Visit = names["visit"]
    return visit


def validate(
    obj: Any,
    *,
    peildatum: dt.date | None = None,
    registry: RuleRegistry | None = None,
    referentiedata: object | None = None,
    codes: object | None = None,
) -> Report:
    """Apply every rule in force to ``obj`` and everything inside it.

    The object is walked depth first: the rules registered for its type run
    on it, then the walk goes into every attrs-class field and every list or
    tuple of attrs instances, building paths such as
    ``$.inschrijvingen[0].perioden[1]``. A list of objects is validated item
    by item (paths ``$[0]``, ``$[1]``, ...).

    Args:
        obj: A domain object (or a list of them).
        peildatum: Apply only the rules in force on this date. ``None``
            applies every rule of the catalogue; each rule still judges the
            dates inside the object (a period's begin date, say) itself.
        registry: The catalogue to use; the library's own by default.
        referentiedata: Reference data for what the library cannot see by
            itself (for MBO:
            [`duo_domain.mbo.reference.Referentiedata`][duo_domain.mbo.reference.Referentiedata]
            with the crebo hierarchy, RIO onderwijslocaties and SBB
            leerbedrijven). It reaches every rule through
            `CheckContext.referentiedata`; nothing is kept between calls.
        codes: A vendor's newer code tables, as a
            [`duo_domain.codes.Codetabellen`][duo_domain.codes.Codetabellen] bundle: every rule
            of either sector that reads a code table reads it from there (a table not in the
            bundle is the shipped one). ``None``: the shipped tables.

    Returns:
        A [`Report`][duo_domain.Report] with every finding; it never stops at the first.

    Raises:
        InvalidValue: when ``obj`` is not a domain object (an attrs instance)
            or a list or tuple of them: ``None``, a string or a raw ``dict``
            cannot be validated, and saying "no findings" would be false.
    """
    one = _IS_ONE[obj.__class__]
    if not one:
        _check_validatable(obj)  # raises for anything but a domain object or a list of them
    reg = _DEFAULT if registry is None else registry
    plans = reg._plans.get(peildatum)  # kept from an earlier call (one record at a time)
    if plans is None:
        plans = reg.plans(peildatum)
    ctx = (
        plans.context
        if referentiedata is None and codes is None
        else CheckContext(peildatum=peildatum, referentiedata=referentiedata, codes=codes)
    )
    out: list[Finding] = []
    if one:
        visit = plans[obj.__class__]
        if visit is not None:
            visit(obj, "$", ctx, out)
    else:
        for i, item in enumerate(obj):
            visit = plans[item.__class__]
            if visit is not None:
                visit(item, f"$[{i}]", ctx, out)
    if not out:
        return _NO_FINDINGS  # a report is immutable: every empty one may be the same
    report: Report = _new(Report)  # Report(out) without attrs' __init__: a tuple needs no converting
    _set_findings(report, tuple(out))
    return report


_new = object.__new__
#: The setter of the report's one slot (what attrs' ``__init__`` ends in, without the name's lookup).
_set_findings = Report.__dict__["findings"].__set__
#: The report of a validation that found nothing.
_NO_FINDINGS = Report()


def _check_validatable(obj: Any) -> None:
    hint = "read a document first (duo_domain.serialize.json)"
    if isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            if not _IS_ATTRS[type(item)]:
                raise InvalidValue(
                    f"expected a domain object, got {json_type(item)}; {hint}", field=f"$[{i}]"
                )
    elif not _IS_ATTRS[type(obj)]:
        raise InvalidValue(
            f"expected a domain object or a list of them, got {json_type(obj)}; {hint}", field="$"
        )
