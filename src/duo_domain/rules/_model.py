"""Severities, rules, violations and findings: the rule catalogue's vocabulary."""

from __future__ import annotations

import datetime as dt
import enum
import keyword
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from duo_domain.errors import mask_numbers, mask_values

__all__ = ["CheckContext", "Finding", "Rule", "Severity", "Violation"]


class Severity(enum.Enum):
    """How serious a finding is, mirroring DUO's own feedback levels.

    * ``AFKEUR`` — DUO's *afkeur* / *foutmelding*: the record is **not**
      registered. The only error level.
    * ``ATTENTIE`` — DUO's *melding* / *attentie*: registered, but check it.
    * ``SIGNAAL`` — a signal about the data, no effect on registration.
    * ``BEKOSTIGING`` — a *bekostigingssignaal*: registered, but funding
      may be affected.

    Examples:
        >>> Severity.AFKEUR.is_error, Severity.ATTENTIE.is_error
        (True, False)
        >>> Severity("attentie")
        <Severity.ATTENTIE: 'attentie'>
    """

    AFKEUR = "afkeur"
    ATTENTIE = "attentie"
    SIGNAAL = "signaal"
    BEKOSTIGING = "bekostigingssignaal"

    @property
    def is_error(self) -> bool:
        """True for the level at which DUO refuses to register the record."""
        return self is Severity.AFKEUR

    @property
    def rank(self) -> int:
        """0 for the most serious level; for sorting."""
        return _RANK[self]


_RANK = {Severity.AFKEUR: 0, Severity.ATTENTIE: 1, Severity.BEKOSTIGING: 2, Severity.SIGNAAL: 3}


@attrs.frozen
class Violation:
    """What a rule's check function returns or yields: one breach, relative to the object checked.

    The engine turns it into a [`Finding`][duo_domain.Finding] by adding the rule's id,
    severity and source and the object's own path.

    Attributes:
        path: Path relative to the checked object, e.g. ``"perioden[1].datum_begin"``;
            empty for the object itself.
        message: Human-readable, without any BSN or onderwijsnummer.
        business_key: The key a school recognises the record by, such as an
            inschrijvingvolgnummer; never a BSN or onderwijsnummer.
        values: The values involved, as strings, for machines.
    """

    path: str
    message: str
    business_key: str | None = None
    values: Mapping[str, str] = attrs.field(factory=dict, eq=False)


@attrs.frozen
class CheckContext:
    """What a check function knows besides the object: the peildatum.

    Attributes:
        peildatum: The date validation was asked for, or ``None`` when the
            caller asked for every rule regardless of its validity period.
        referentiedata: Reference data the caller passed to [`validate`][duo_domain.validate]
            for what the library cannot see by itself (for MBO a
            [`duo_domain.mbo.reference.Referentiedata`][duo_domain.mbo.reference.Referentiedata]), or
            ``None``.
            Rules that need it check for its type and, without it, say what
            they could not check.
        codes: The code tables the caller passed to [`validate`][duo_domain.validate]
            (a [`duo_domain.codes.Codetabellen`][duo_domain.codes.Codetabellen] bundle), or
            ``None`` for the shipped tables. Rules that read a code table ask it.
    """

    peildatum: dt.date | None = None
    referentiedata: object | None = None
    codes: object | None = None


#: A rule's check: ``(obj, context)`` to the violations found, as a tuple or list
#: (``()`` when there are none, the fastest) or a generator.
CheckFunction = Callable[[Any, CheckContext], Iterable[Violation]]


def _mask_optional(value: str | None) -> str | None:
    return None if value is None else mask_numbers(value)


def _id_validator(_inst: object, _attr: object, value: str) -> None:
    parts = value.split(".")
    if len(parts) < 2 or not all(p and p.replace("_", "").isalnum() and p.isupper() for p in parts):
        raise ValueError(f"rule id must be dotted UPPER_CASE parts, got {value!r}")


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


#: One entry of ``needs_any``: a field that must hold a value, or ``(field, fits)``.
_Test = str | tuple[str, Callable[[Any], object]]


def _tests(value: Iterable[_Test]) -> tuple[_Test, ...]:
    return tuple(value)


def _attrs_class(hint: object) -> type | None:
    """The attrs class a field's type hint names (``X`` or ``X | None``), else ``None``."""
    if isinstance(hint, type):
        return hint if attrs.has(hint) else None
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        found = [a for a in typing.get_args(hint) if a is not type(None)]
        return _attrs_class(found[0]) if len(found) == 1 else None
    return None


_INDEX = re.compile(r"(.+)\[([0-9]{1,2})\]")


def split_index(path: str) -> tuple[str, int | None]:
    """``"perioden[1]"`` to ``("perioden", 1)``: a path that must hold an item at that index.

    Examples:
        >>> split_index("perioden[1]"), split_index("student.persoonsgegevens")
        (('perioden', 1), ('student.persoonsgegevens', None))
    """
    found = _INDEX.fullmatch(path)
    return (path, None) if found is None else (found.group(1), int(found.group(2)))


def _is_path(kind: type, path: str) -> bool:
    """Whether ``path`` names a field of ``kind`` (dotted through attrs classes) or of the context.

    Each name is an identifier and a field of the class the step before leads to, so that only
    identifiers of class definitions enter the engine's generated source.
    """
    path = split_index(path)[0]
    names = path.split(".")
    if not all(n.isidentifier() and not keyword.iskeyword(n) for n in names):
        return False
    if names[0] == "ctx":
        kind, names = CheckContext, names[1:]
        if len(names) != 1:
            return False
    elif not attrs.has(kind):
        return len(names) == 1  # a plain class: its attribute is read as given
    current: type | None = kind
    for depth, name in enumerate(names):
        if current is None or name not in attrs.fields_dict(current):
            return False
        if depth + 1 < len(names):
            try:
                hints = typing.get_type_hints(current)
            except (NameError, TypeError, AttributeError):
                return False
            current = _attrs_class(hints.get(name))
    return True


@attrs.frozen
class Rule:
    """One business rule of the catalogue.

    Attributes:
        id: Stable, hierarchical id such as ``ROD.INSCHRIJVING.ONDERWIJSLOCATIE``.
        severity: The level of every finding the rule produces.
        summary: One line: what must hold.
        guidance: Plain language: how to fix a record that breaks the rule.
        source: The legal or DUO source, e.g. ``"Ekb WEB art. 17 lid 2"``.
        applies_to: The domain type the rule checks.
        check: The function ``(obj, context) -> Iterable[Violation]``: it returns a
            tuple or list of violations (``()`` when nothing is wrong, the fastest)
            or is a generator that yields them.
        geldig_van: First day the rule is in force (inclusive), or ``None``.
        geldig_tot: Last day the rule is in force (inclusive), or ``None``.
        url: Where the source can be read, if public.
        external: Set when the full check needs a register the library cannot
            see (``"RIO"``, ``"SBB"``, ``"BRP"``); the rule then checks what it
            can and says so in its summary.
        severity_origin: Who set the severity: ``"DUO"`` when DUO's own
            documents say what happens to such a record, ``"library"`` when the
            level is the library's own judgement; ``None`` when not stated.
        needs: Fields of the checked object the check cannot find anything without:
            the engine calls the check only when each of them holds a value (not
            ``None``, not an empty tuple). A promise of the rule's author, for speed:
            the findings are the same with or without it.
        guard: ``(field, fits)``: the check can only find something in a value of
            ``field`` that is not ``None`` and that ``fits`` (a fast predicate, such as
            a compiled expression's ``fullmatch``) refuses; the engine calls the check
            only then. Like ``needs``, a promise for speed that never changes a finding.
        needs_any: Like ``needs``, but the check is called when at least one entry holds: a
            field that holds a value, or a ``(field, fits)`` pair whose value is not ``None``
            and that ``fits`` refuses (as ``guard``). Empty: no such condition.

    A field in ``needs`` and ``needs_any`` may be a dotted path through attrs classes
    (``"student.persoonsgegevens"``: ``None`` on the way means no value) or a field of the
    [`CheckContext`][duo_domain.CheckContext] (``"ctx.referentiedata"``); every name on the
    path must be a field of its class. An index at the end (``"perioden[1]"``) asks for a
    sequence with an item there: at least two periods, say, for a check that compares them.

    Examples:
        >>> import re
        >>> rule = Rule("X.Y", Severity.AFKEUR, "s", "g", "src", object, lambda o, c: (),
        ...             guard=("code", re.compile("[0-9]{5}").fullmatch))
        >>> rule.guard[0], rule.needs
        ('code', ())
        >>> Rule("X.Y", Severity.AFKEUR, "s", "g", "src", object, lambda o, c: (),
        ...      needs_any=("ctx.referentiedata", ("code", str.isdigit))).needs_any[0]
        'ctx.referentiedata'
    """

    id: str = attrs.field(validator=_id_validator)
    severity: Severity
    summary: str
    guidance: str
    source: str
    applies_to: type
    check: CheckFunction = attrs.field(eq=False, repr=False)
    geldig_van: dt.date | None = None
    geldig_tot: dt.date | None = None
    url: str | None = None
    external: str | None = None
    severity_origin: str | None = None
    needs: tuple[str, ...] = attrs.field(default=(), eq=False, repr=False, converter=_names)
    guard: tuple[str, Callable[[Any], object]] | None = attrs.field(default=None, eq=False, repr=False)
    needs_any: tuple[_Test, ...] = attrs.field(default=(), eq=False, repr=False, converter=_tests)

    def __attrs_post_init__(self) -> None:
        if self.geldig_van and self.geldig_tot and self.geldig_tot < self.geldig_van:
            raise ValueError(f"rule {self.id}: geldig_tot {self.geldig_tot} is before geldig_van")
        tests = [*self.needs]
        pairs = [self.guard] if self.guard is not None else []
        for entry in self.needs_any:
            if isinstance(entry, tuple):
                pairs.append(entry)
            else:
                tests.append(entry)
        for pair in pairs:
            if not (
                isinstance(pair, tuple)
                and len(pair) == 2
                and isinstance(pair[0], str)
                and split_index(pair[0])[1] is None
            ):
                raise ValueError(f"rule {self.id}: a guard is a (field, test) pair, got {pair!r}")
            if not callable(pair[1]):
                raise ValueError(f"rule {self.id}: the guard's test is not callable")
        tests += [pair[0] for pair in pairs]
        for name in sorted(set(tests)):
            # The names enter the engine's generated source: identifiers of the checked classes only.
            if not _is_path(self.applies_to, name):
                raise ValueError(f"rule {self.id}: {name!r} is not a field of {self.applies_to.__qualname__}")

    def in_force(self, peildatum: dt.date | None) -> bool:
        """Whether the rule applies on ``peildatum`` (always, for ``None``).

        Examples:
            >>> import datetime as dt
            >>> r = Rule("X.Y", Severity.SIGNAAL, "s", "g", "src", object, lambda o, c: (),
            ...          geldig_van=dt.date(2019, 8, 1))
            >>> r.in_force(dt.date(2019, 7, 31)), r.in_force(dt.date(2019, 8, 1)), r.in_force(None)
            (False, True, True)
        """
        if peildatum is None:
            return True
        if self.geldig_van is not None and peildatum < self.geldig_van:
            return False
        return not (self.geldig_tot is not None and peildatum > self.geldig_tot)

    def to_dict(self) -> dict[str, str | None]:
        """The rule as plain data (for JSON export and the docs)."""
        return {
            "id": self.id,
            "severity": self.severity.value,
            "summary": self.summary,
            "guidance": self.guidance,
            "source": self.source,
            "url": self.url,
            "applies_to": self.applies_to.__name__,
            "geldig_van": self.geldig_van.isoformat() if self.geldig_van else None,
            "geldig_tot": self.geldig_tot.isoformat() if self.geldig_tot else None,
            "external": self.external,
            "severity_origin": self.severity_origin,
        }


@attrs.frozen
class Finding:
    """One breach of a business rule, as reported to the caller.

    The path, message, business key and values pass through
    [`mask_numbers`][duo_domain.errors.mask_numbers] when the finding is made, so a rule
    that quotes a raw value can never show a BSN or onderwijsnummer in full.

    Examples:
        >>> f = Finding("ROD.A.B", Severity.AFKEUR, "$.x", "instelling '111222333' is not a BRIN code")
        >>> f.message
        "instelling '*****2333' is not a BRIN code"

    Attributes:
        rule_id: The id of the rule in the catalogue.
        severity: The rule's severity.
        path: JSON-path-like location, e.g. ``$.inschrijvingen[0].perioden[1]``.
        message: Human-readable; never contains a BSN or onderwijsnummer.
        business_key: The record key a school recognises, if any.
        values: The values involved, as strings.
        source: The rule's legal or DUO source.
    """

    rule_id: str
    severity: Severity
    path: str = attrs.field(converter=mask_numbers)
    message: str = attrs.field(converter=mask_numbers)
    business_key: str | None = attrs.field(default=None, converter=_mask_optional)
    values: Mapping[str, str] = attrs.field(factory=dict, eq=False, hash=False, converter=mask_values)
    source: str = ""

    @property
    def is_error(self) -> bool:
        """True when the finding means DUO would not register the record."""
        return self.severity.is_error

    def __str__(self) -> str:
        key = f" [{self.business_key}]" if self.business_key else ""
        return f"{self.severity.value.upper()} {self.rule_id}{key}: {self.message} @ {self.path}"

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain data, with the wire names of ``--json`` output."""
        return {
            "rule": self.rule_id,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
            "business_key": self.business_key,
            "values": dict(self.values),
            "source": self.source,
        }


_FINDING_FIELDS = ("rule_id", "severity", "path", "message", "business_key", "values", "source")


def _finding_maker() -> Callable[[str, Severity, str, str, str | None, Mapping[str, str], str], Finding]:
    """``Finding(rule_id, severity, path, message, business_key, values, source)``, made faster.

    attrs' ``__init__`` of a frozen class stores each field through ``object.__setattr__``; this
    stores it through the slot's own descriptor, after the same converters, in the same order.
    The result is the same object (``==``, ``repr``, ``hash``, pickling). Made only while
    ``Finding`` is what it was written as: these fields in this order, these converters, no
    validator and no ``__attrs_post_init__``; else ``Finding`` itself is used.
    """
    fields = attrs.fields(Finding)
    converters: tuple[object, ...] = tuple(f.converter for f in fields)
    expected: tuple[object, ...] = (None, None, mask_numbers, mask_numbers, _mask_optional, mask_values, None)
    if (
        tuple(f.name for f in fields) != _FINDING_FIELDS
        or converters != expected
        or any(f.validator is not None for f in fields)
        or hasattr(Finding, "__attrs_post_init__")
        or getattr(Finding, "__slots__", None) is None
    ):  # pragma: no cover - a guard for a later change of the class
        return Finding
    new = object.__new__
    set_rule_id, set_severity, set_path, set_message, set_key, set_values, set_source = (
        Finding.__dict__[name].__set__ for name in _FINDING_FIELDS
    )

    def finding(  # noqa: PLR0917 - the fields of Finding, positional as the engine passes them
        rule_id: str,
        severity: Severity,
        path: str,
        message: str,
        business_key: str | None,
        values: Mapping[str, str],
        source: str,
    ) -> Finding:
        made: Finding = new(Finding)
        set_rule_id(made, rule_id)
        set_severity(made, severity)
        set_path(made, mask_numbers(path))
        set_message(made, mask_numbers(message))
        set_key(made, None if business_key is None else mask_numbers(business_key))
        set_values(made, {} if values.__class__ is dict and not values else mask_values(values))
        set_source(made, source)
        return made

    return finding


#: What the engine makes its findings with (all seven fields given, positionally).
make_finding = _finding_maker()
