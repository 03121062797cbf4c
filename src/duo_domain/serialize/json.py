"""JSON for every document of the library, through cattrs, under one reading policy.

The documents: the MBO student record (one or a list), the MBO uitslag
document ([`loads_mbo_uitslag`][duo_domain.serialize.json.loads_mbo_uitslag]) and the VO cijferlijst
([`loads_cijferlijst`][duo_domain.serialize.json.loads_cijferlijst]);
[`loads_document`][duo_domain.serialize.json.loads_document] tells them apart. Each has
a reader and a writer, and reading what was written gives an equal object.
The policy (limits, numbers, dates, messages) is that of
[`duo_domain.serialize.reading`][duo_domain.serialize.reading].

The record holds the student, enrolments, BPV agreements, diplomas (with their
generic exam parts, vrijstellingen, keuzedelen and AMvB-onderdelen) and loose
results. The wire names are the attribute names (``inschrijvingvolgnummer``,
``datum_begin``, ``perioden``, ``cijfer_ie``, ...), so a finding's path points
at the same place in the object and in the document. Dates are ISO 8601
(``YYYY-MM-DD``); a BSN or onderwijsnummer is written in full (the document is
the data, not a log line); enums are written by value (``"ie"``,
``"Behaald"``).

Grades are `Decimal` and are written as decimal strings
(``str(value)``: ``"6.50"`` stays ``"6.50"``, so reading gives back the same
digits). Reading accepts a JSON number (read exactly) or a canonical decimal
string such as ``"6.5"`` (no exponent); a binary ``float`` is refused, never
converted.

Structuring is strict: a string is never read as a number or a boolean, a
number never as a string, unknown keys are refused, and every bad path is
reported, not only the first ([`InvalidDocument`][duo_domain.errors.InvalidDocument]).
Values that are well-formed but wrong for the domain (an unknown leertraject,
an onderwijslocatie that is not ``nnnXnnn``) are *not* structural problems;
they become findings of [`duo_domain.rules.validate`][duo_domain.rules.validate].

Examples:
    >>> from duo_domain.serialize.json import loads_mbo, dumps_mbo
    >>> doc = '''{"student": {"studentnummer": "S1"}, "inschrijvingen": [{
    ...   "inschrijvingvolgnummer": "A1", "instelling": "25LX", "datum_inschrijving": "2024-08-01",
    ...   "datum_uitschrijving_gepland": "2027-07-31",
    ...   "perioden": [{"datum_begin": "2024-08-01", "opleidingscode": "25655", "leertraject": "BOL",
    ...                 "indicatie_bekostigbaar": true, "onderwijslocatie": "101X591"}]}]}'''
    >>> record = loads_mbo(doc)
    >>> record.inschrijvingen[0].perioden[0].datum_begin
    datetime.date(2024, 8, 1)
    >>> d = loads_mbo(
    ...   '{"student": {}, "diplomas": [{"resultaatvolgnummer": "D1", "opleidingscode": "25655",'
    ...   ' "datum_resultaat": "2025-07-10", "indicatie_bekostigbaar": true, "inschrijvingvolgnummer": "A1",'
    ...   ' "generieke_examenonderdelen": [{"resultaatvolgnummer": "G1", "code": "3005", "cijfer_ie": 6.9,'
    ...   ' "cijfer_ce": "4.10", "vrijstellingen": [{"code": "MBO", "omvang": "ce"}]}]}]}')
    >>> geo = d.diplomas[0].generieke_examenonderdelen[0]
    >>> geo.cijfer_ie, geo.cijfer_ce, geo.vrijstellingen[0].omvang
    (Decimal('6.9'), Decimal('4.10'), <VrijstellingOmvang.CE: 'ce'>)
    >>> unstructure_mbo(d)["diplomas"][0]["generieke_examenonderdelen"][0]["cijfer_ce"]
    '4.10'
    >>> loads_mbo('{"student": {}, "inschrijvingen": [{"inschrijvingvolgnummer": 7}]}')
    Traceback (most recent call last):
    ...
    duo_domain.errors.InvalidDocument: invalid MBO student record: ... @ $.inschrijvingen[0]... (and ... more)
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from types import NoneType
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from duo_domain import _fields as fields_mod
from duo_domain._fields import json_type, takes_text
from duo_domain._json import NOT_READ, array_items, read_item
from duo_domain.codes import Codetabellen
from duo_domain.errors import DocumentProblem, DuoDomainError, InvalidDocument, InvalidValue
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import (
    BuitenlandsAdres,
    NederlandsAdres,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
)
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.examencodes import Examencodetabel, Onderdeel, examencodetabel
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import (
    AmvbOnderdeel,
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    KeuzedeelUitkomst,
    LosseResultaten,
    VrijstellingOmvang,
)
from duo_domain.mbo.uitslag import (
    SECTIES,
    WAARDERINGEN,
    GeneriekInput,
    KeuzedeelInput,
    OnderdeelInput,
    UitslagInput,
)
from duo_domain.serialize.reading import parse_json, read_date, read_decimal, read_integer
from duo_domain.vo.model import (
    Beoordeling,
    Examendeel,
    Examenkandidaat,
    ExamResult,
    Herkomst,
    Profielwerkstuk,
    Rol,
    Schoolsoort,
    Uitslag,
)

__all__ = [
    "CIJFERLIJST",
    "DOCUMENT_NAME",
    "MBO_UITSLAG",
    "Document",
    "RecordRead",
    "document_kind",
    "dumps_cijferlijst",
    "dumps_mbo",
    "dumps_mbo_uitslag",
    "loads_cijferlijst",
    "loads_document",
    "loads_mbo",
    "loads_mbo_uitslag",
    "make_converter",
    "structure_cijferlijst",
    "structure_document",
    "structure_mbo",
    "structure_mbo_each",
    "structure_mbo_uitslag",
    "unstructure_cijferlijst",
    "unstructure_mbo",
    "unstructure_mbo_uitslag",
]

#: How the MBO student record is named in error messages (and by :func:`document_kind`).
DOCUMENT_NAME = "MBO student record"
#: How the MBO uitslag document is named.
MBO_UITSLAG = "MBO uitslag document"
#: How the VO cijferlijst is named.
CIJFERLIJST = "VO cijferlijst"

_BUITENLANDS_KEYS = frozenset({"adresregel1", "adresregel2", "adresregel3", "landcode"})
_GRADE_TEXT = re.compile(r"10(?:\.0)?|[1-9](?:\.[0-9])?")
_WHOLE_TEXT = re.compile(r"(10|[1-9])(?:\.0)?")
_FOUR_DIGITS = re.compile(r"[0-9]{4}")
_GENERIEK_CODE = re.compile(r"30[0-9]{2}")
_VOLDAAN = ("voldaan", "niet voldaan")
_ONE, _TEN, _TENTH = Decimal(1), Decimal(10), Decimal("0.1")

_MBO_CLASSES: tuple[type, ...] = (
    MboStudentRecord,
    Enrolment,
    Periode,
    ExtraOndersteuning,
    BpvAgreement,
    Diploma,
    LosseResultaten,
    GeneriekExamenonderdeel,
    Exemption,
    KeuzedeelResultaat,
    AmvbOnderdeel,
    Student,
    Persoonsgegevens,
    NederlandsAdres,
    BuitenlandsAdres,
)
_ENUMS: tuple[type[enum.Enum], ...] = (
    VrijstellingOmvang,
    KeuzedeelUitkomst,
    Onderdeel,
    Schoolsoort,
    Beoordeling,
    Examendeel,
    Herkomst,
    Rol,
    Uitslag,
)

Hook = Callable[[Any, Any], Any]


# --------------------------------------------------------------------------- value hooks


def _passthrough(value: Any, _: Any) -> Any:
    # The attrs validator of the field is the one type check (duo_domain._fields).
    return value


def _unstructure_decimal(value: Decimal) -> str:
    # Fixed-point, never an exponent: 7E+1 is written "70", which reads back equal.
    return format(value, "f")


def _enum_hook(kind: type[enum.Enum]) -> Hook:
    values = {str(m.value): m for m in kind}
    allowed = ", ".join(repr(v) for v in values)

    def structure(value: Any, _: Any) -> enum.Enum:
        if value.__class__ is not str:
            raise TypeError(f"expected one of {allowed}, got {json_type(value)}")
        member = values.get(value)
        if member is None:
            raise ValueError(f"expected one of {allowed}")
        return member

    return takes_text(structure)


def _choice(allowed: tuple[str, ...]) -> Hook:
    names = ", ".join(repr(a) for a in allowed)
    known = frozenset(allowed)

    def structure(value: Any, _: Any) -> str:
        if value.__class__ is not str or value not in known:
            raise ValueError(f"expected one of {names}")
        return str(value)

    return takes_text(structure)


@takes_text
def _text(value: Any, _: Any) -> str:
    if value.__class__ is not str:
        raise TypeError(f"expected a string, got {json_type(value)}")
    return str(value)


def _strict_bool(value: Any, _: Any) -> bool:
    if value is not True and value is not False:
        raise TypeError(f"expected true or false, got {json_type(value)}")
    return bool(value)


def _whole_number(value: Any, _: Any) -> int:
    if value.__class__ is not int:
        raise TypeError(f"expected a whole number, got {json_type(value)}")
    return int(value)


def _strict_date(value: Any, _: Any) -> dt.date:
    if value.__class__ is not str:
        raise TypeError(f"expected a date string YYYY-MM-DD, got {json_type(value)}")
    return read_date(value)


def _grade(value: Any, _: Any) -> Decimal:
    """A grade 1.0-10.0 with at most one decimal: a number, or a string such as ``"6.5"``."""
    if value.__class__ is str:
        if _GRADE_TEXT.fullmatch(value) is None:
            raise ValueError('expected a grade 1.0-10.0 with at most one decimal, such as 6.5 or "6.5"')
        return Decimal(value)
    number = read_decimal(value)
    if not _ONE <= number <= _TEN or number % _TENTH:
        raise ValueError("expected a grade 1.0-10.0 with at most one decimal")
    return number


def _whole_grade(value: Any, _: Any) -> Decimal:
    """A whole-number grade 1-10: an integer, or a string such as ``"7"`` or ``"7.0"``."""
    if value.__class__ is str:
        match = _WHOLE_TEXT.fullmatch(value)
        if match is None:
            raise ValueError('expected a whole number 1-10, such as 7 or "7"')
        return Decimal(match.group(1))
    return Decimal(read_integer(value, 1, 10))


def _whole_grade_int(value: Any, kind: Any) -> int:
    return int(_whole_grade(value, kind))


def _integer(low: int, high: int) -> Hook:
    def structure(value: Any, _: Any) -> int:
        return read_integer(value, low, high)

    return structure


def _pattern(regex: re.Pattern[str], what: str) -> Hook:
    def structure(value: Any, _: Any) -> str:
        if value.__class__ is not str:
            raise TypeError(f"expected {what}, got {json_type(value)}")
        if regex.fullmatch(value) is None:
            raise ValueError(f"expected {what}")
        return str(value)

    return takes_text(structure)


@takes_text
def _vrijstelling_code(value: Any, _: Any) -> str:
    if value.__class__ is not str or not 1 <= len(value) <= 4:
        raise ValueError("expected a vrijstelling code of 1-4 characters")
    return str(value)


@takes_text
def _structure_onvolledige_datum(value: Any, _: Any) -> OnvolledigeDatum:
    if value.__class__ is not str:
        raise TypeError(f"expected a date string YYYY-MM-DD (00 for unknown), got {json_type(value)}")
    return OnvolledigeDatum.parse(value)


@takes_text
def _structure_bsn(value: Any, _: Any) -> Bsn:
    if value.__class__ is not str:
        raise TypeError(f"expected the BSN as a string of 9 digits, got {json_type(value)}")
    return Bsn(value)


@takes_text
def _structure_onderwijsnummer(value: Any, _: Any) -> Onderwijsnummer:
    if value.__class__ is not str:
        raise TypeError(f"expected the onderwijsnummer as a string of 9 digits, got {json_type(value)}")
    return Onderwijsnummer(value)


def _number_reader(cls: type, hook: Hook) -> Hook:
    """The fast readers' hook of a personal number: ``hook``, building the object as its ``__init__`` does.

    ``Bsn`` and ``Onderwijsnummer`` have one field, whose converter is the whole check of the
    number; a string is checked by that converter and set as ``__init__`` sets it, without the
    calls around it. Anything else goes to ``hook``, which refuses it as before. A class of
    another shape is left to ``hook``.
    """
    fields = attrs.fields(cls)
    if len(fields) != 1:
        return hook
    check = fields[0].converter
    setter = fields_mod.slot_setter(cls, fields[0].name)
    if (
        not _can_generate(cls)
        or not callable(check)
        or fields[0].validator is not None
        or setter is None
        or hasattr(cls, "__attrs_pre_init__")
        or hasattr(cls, "__attrs_post_init__")
    ):
        return hook
    new = object.__new__

    def structure(value: Any, kind: Any) -> Any:
        if value.__class__ is not str:
            return hook(value, kind)
        number: Any = new(cls)
        setter(number, check(value))
        return number

    return takes_text(structure)


#: The dates the fast readers have read (strictly, as `read_date` reads them), by their text.
_KEPT_DATES = fields_mod.KeptDates(read_date)
_DATES = _KEPT_DATES.days
_MAX_DATES = _KEPT_DATES.size


def _optional_date(value: Any, _: Any) -> Any:
    """The fast readers' hook of ``date | None`` (the generated readers inline it)."""
    return None if value is None else read_date(value)


def _optional(fn: Hook, item: Any) -> Hook:
    """The hook for ``item | None``, given the hook ``fn`` of ``item``."""
    if fn is _passthrough:
        return _passthrough
    if fn is read_date:
        return _optional_date

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else fn(value, item)

    setattr(structure, _OPTIONAL_OF, (fn, item))  # a generated reader tests for None inline
    return structure


#: Marks the hook of ``item | None`` made by `_optional` with ``(hook of item, item)``.
_OPTIONAL_OF = "__duo_domain_optional_of__"


def _is_simple_optional(kind: Any) -> bool:
    """Whether ``kind`` is ``X | None`` (``Optional[X]``) for a single X."""
    args = typing.get_args(kind)
    return typing.get_origin(kind) in (typing.Union, types.UnionType) and len(args) == 2 and NoneType in args


def _is_tuple_of_domain(kind: Any) -> bool:
    origin = getattr(kind, "__origin__", None)
    args: tuple[Any, ...] = tuple(getattr(kind, "__args__", ()))
    return origin is tuple and len(args) == 2 and args[1] is Ellipsis and attrs.has(args[0])


# --------------------------------------------------------------------------- the converters


def _no_null(fn: Hook, item: Any) -> Hook:
    """The hook for an optional field of a document whose schema has no null: absent, or a value."""

    def structure(value: Any, _: Any) -> Any:
        if value is None:
            raise TypeError("expected a value (leave the key out for none), got null")
        return fn(value, item)

    return structure


def _base(detailed: bool, *, null: bool = True) -> cattrs.Converter:
    """A converter with the reading policy's value hooks, shared by every document.

    ``null`` says whether an optional field may be given as JSON ``null``.
    """
    conv = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    # The fast converter leaves plain values to the attrs validators (one check per value). The
    # detailed one, used only to report a document that failed, checks them itself, so that every
    # bad field is listed and not only the first the constructor meets.
    conv.register_structure_hook(str, _text if detailed else _passthrough)
    conv.register_structure_hook(bool, _strict_bool if detailed else _passthrough)
    conv.register_structure_hook(int, _whole_number if detailed else _passthrough)
    conv.register_structure_hook(dt.date, _strict_date if detailed else read_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(Decimal, read_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    for kind in _ENUMS:
        conv.register_structure_hook(kind, _enum_hook(kind))
        conv.register_unstructure_hook(kind, lambda member: member.value)

    def _tuple_factory(kind: Any) -> Hook:
        item = kind.__args__[0]
        inner = conv.get_structure_hook(item)

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if value.__class__ is not list:
                raise TypeError(f"expected an array, got {json_type(value)}")
            if not detailed:
                return tuple([inner(v, item) for v in value])
            out: list[Any] = []
            errors: list[Exception] = []
            for i, v in enumerate(value):
                try:
                    out.append(inner(v, item))
                except Exception as exc:
                    exc.__notes__ = [*getattr(exc, "__notes__", []), f"Structuring {kind} @ index {i}"]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
            return tuple(out)

        if not detailed:  # a generated reader may build the tuple itself (see _built_tuple)
            setattr(structure, _ITEMS_OF, (item, inner))
        return structure

    conv.register_structure_hook_factory(_is_tuple_of_domain, _tuple_factory)

    def _optional_factory(kind: Any) -> Hook:
        # Looked up once, when the hook of the class holding the field is made.
        (item,) = (arg for arg in kind.__args__ if arg is not NoneType)
        hook = conv.get_structure_hook(item)
        return _optional(hook, item) if null else _no_null(hook, item)

    conv.register_structure_hook_factory(_is_simple_optional, _optional_factory)
    return conv


def _object(conv: cattrs.Converter, cls: type, **overrides: Any) -> Hook:
    """The hook of an attrs class read from a JSON object, with optional per-field hooks."""
    fields: dict[str, Any] = {name: override(struct_hook=hook) for name, hook in overrides.items()}
    fn: Any = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **fields)
    if not conv.detailed_validation:
        # The fast converter: anything but a dict fails inside the generated function, and the
        # document is then read again by the detailed converter, which says what was wrong.
        return fn  # type: ignore[no-any-return]

    def structure(value: Any, kind: Any) -> Any:
        if value.__class__ is not dict:
            raise TypeError(f"expected an object, got {json_type(value)}")
        return fn(value, kind)

    return structure


_FACTORY: type[Any] = type(attrs.Factory(list))
#: Marks the fast converter's hook of a tuple of attrs objects with ``(item class, item hook)``.
_ITEMS_OF = "__duo_domain_items_of__"
#: Marks a reader made by `_generated`: it builds exactly its class, or raises.
_GENERATED = "__duo_domain_generated__"


def _not_an_array(value: Any) -> Any:
    """What the fast hook of a tuple does with anything but a list (the detailed converter says why)."""
    raise TypeError(f"expected an array, got {json_type(value)}")


def _built_tuple(conv: cattrs.Converter, a: attrs.Attribute[Any]) -> Hook | None:
    """The hook of the items when a generated reader may build field ``a``'s tuple itself, else ``None``.

    That is a field of a tuple of an attrs class read by a generated reader: the reader calls the
    item's reader for each item of the list, as the tuple's hook does, and leaves out what could
    not change the result: the field's converter when it gives a tuple back unchanged
    (`duo_domain._fields.keeps_tuples`), and its check when that is `duo_domain._fields.items`
    of the item's class (every item is an instance of exactly that class) and the default, if
    any, is the empty tuple.
    """
    if not _is_tuple_of_domain(a.type):
        return None
    found = getattr(conv.get_structure_hook(a.type), _ITEMS_OF, None)
    if found is None:
        return None
    item, inner = found
    if (
        getattr(inner, _GENERATED, False) is not True
        or (a.converter is not None and not fields_mod.tuple_kept(a.converter))
        or (a.validator is not None and item not in fields_mod.items_of(a.validator))
        or (a.default is not attrs.NOTHING and not (a.default.__class__ is tuple and not a.default))
    ):
        return None
    hook: Hook = inner
    return hook


def _can_generate(cls: type) -> bool:
    """Whether `_generated` can build ``cls`` exactly as its ``__init__`` does (else cattrs' hook is used)."""
    if "_attrs_cached_hash" in getattr(cls, "__slots__", ()):
        return False
    for a in attrs.fields(cls):
        if not a.init or isinstance(a.converter, attrs.Converter):
            return False
        if isinstance(a.default, _FACTORY) and a.default.takes_self:
            return False
    return True


def _shared_default(factory: Any) -> Any:
    """One instance of ``factory`` the readers may share among records, or ``None``.

    Only an instance of a frozen attrs class whose every field holds ``None`` or an empty tuple:
    nothing in it can change, and it is equal to what the factory makes each time (the empty
    loose results of a record without any, which ``__init__`` would convert and check again
    for every record).
    """
    if not (isinstance(factory, type) and attrs.has(factory)):
        return None
    fields = attrs.fields(factory)
    try:
        probe, value = factory(), factory()
    except Exception:  # a factory that needs arguments: made per record, as before
        return None
    held = [getattr(value, a.name) for a in fields]
    if not held or any(not (v is None or (v.__class__ is tuple and not v)) for v in held):
        return None
    try:
        setattr(probe, fields[0].name, None)
    except attrs.exceptions.FrozenInstanceError:
        return value
    return None


def _read_expression(conv: cattrs.Converter, a: attrs.Attribute[Any], ns: dict[str, Any]) -> str:
    """The expression of a generated reader that reads field ``a`` from the object ``o``."""
    items = _built_tuple(conv, a)
    if items is not None:  # the items' reader called directly, for each item of a list
        ns[f"r_{a.name}"], ns["not_array"] = items, _not_an_array
        return f"(tuple(map(r_{a.name}, x)) if (x := o[{a.name!r}]).__class__ is list else not_array(x))"
    hook = conv.get_structure_hook(a.type)
    if hook is _passthrough:
        return f"o[{a.name!r}]"
    # A date (or an absent one) inline: a text read before is looked up, any other text goes
    # through read_date (and is kept), and any other value is left to the field's check, as
    # read_date leaves it.
    if hook is read_date:  # the condition is evaluated first: it names the value x
        return f"((dates[x] if x in dates else date_kept(x)) if (x := o[{a.name!r}]).__class__ is str else x)"
    if hook is _optional_date:
        return (
            f"(None if (x := o[{a.name!r}]) is None else "
            "((dates[x] if x in dates else date_kept(x)) if x.__class__ is str else x))"
        )
    optional = getattr(hook, _OPTIONAL_OF, None)
    if optional is not None:  # what _optional's hook does, without the call
        ns[f"h_{a.name}"], ns[f"t_{a.name}"] = optional
        return f"(None if (x := o[{a.name!r}]) is None else h_{a.name}(x, t_{a.name}))"
    ns[f"h_{a.name}"], ns[f"t_{a.name}"] = hook, a.type
    return f"h_{a.name}(o[{a.name!r}], t_{a.name})"


def _generated(conv: cattrs.Converter, cls: type) -> Hook:
    """The fast hook of an attrs class read from a JSON object: one function, each value checked once.

    What cattrs' generated function and the class's ``__init__`` do together, in one function
    generated as source (as cattrs and attrs generate theirs): the value hooks of the reading
    policy in cattrs' order (the optional keys, the unknown keys, the required keys), then
    the fields set and converted in ``__init__``'s order, then each field's check. A check of
    [`duo_domain._fields`][duo_domain._fields] runs inline (see
    [`inline_check`][duo_domain._fields.inline_check]) instead of as a call per value, and a
    value the reading policy leaves as it is (a string, a boolean, a number) costs no hook
    call; any other validator is called as ``__init__`` calls it. It accepts exactly what the
    cattrs hook and ``__init__`` accept and builds an equal object; on any failure the reader
    reports the document through the detailed converter, as before. Only field names of the
    class (identifiers) enter the source.
    """
    if not _can_generate(cls):
        return _object(conv, cls)
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    ns: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "setattr": object.__setattr__,
        "allowed": frozenset(a.name for a in fields),
        "feke": ForbiddenExtraKeysError,
        "dates": _DATES,
        "date_kept": _KEPT_DATES.read,
        **fields_mod.INLINE_NAMES,
    }
    required = [a for a in fields if a.default is attrs.NOTHING]
    # cattrs' function calls o.keys(): anything without keys (a list, say) fails as it does there.
    lines = [
        "def structure(o, _=None):",
        "    if o.__class__ is not dict:",
        "        o.keys()",
        f"    n = {len(required)}",
    ]

    def read(a: attrs.Attribute[Any]) -> str:
        return _read_expression(conv, a, ns)

    for a in fields:
        if a.default is attrs.NOTHING:
            continue
        lines += [
            f"    if {a.name!r} in o:",
            f"        v_{a.name} = {read(a)}",
            "        n += 1",
            "    else:",
            f"        v_{a.name} = {_default_expression(a, ns)}",
        ]
    lines += ["    if len(o) != n:", "        unknown = set(o) - allowed", "        if unknown:"]
    lines += ["            raise feke('', cls, unknown)"]
    lines += [f"    v_{a.name} = {read(a)}" for a in required]
    built = {a.name for a in fields if _built_tuple(conv, a) is not None}
    lines += _building_lines(cls, ns, built, set())
    source = "\n".join(lines)
    exec(compile(source, f"<duo_domain reader of {cls.__qualname__}>", "exec"), ns)  # noqa: S102 - generated from field names only
    structure: Hook = ns["structure"]
    setattr(structure, _GENERATED, True)
    return structure


def _default_expression(a: attrs.Attribute[Any], ns: dict[str, Any]) -> str:
    """The expression of a generated reader for the default of field ``a`` (its names put in ``ns``)."""
    shared = _shared_default(a.default.factory) if isinstance(a.default, _FACTORY) else None
    if shared is not None:
        ns[f"d_{a.name}"] = shared
        return f"d_{a.name}"
    if isinstance(a.default, _FACTORY):
        ns[f"f_{a.name}"] = a.default.factory
        return f"f_{a.name}()"
    ns[f"d_{a.name}"] = a.default
    return f"d_{a.name}"


def _building_lines(cls: type, ns: dict[str, Any], built: set[str], proven: set[str]) -> list[str]:
    """The lines of a generated reader that build ``cls`` from the values ``v_<field>`` as ``__init__`` does.

    The new object, ``__attrs_pre_init__``, each field converted and set, each field checked,
    ``__attrs_post_init__``, ``return self``. A field in ``built`` (a tuple the reader built from
    its items' readers, see `_built_tuple`) is neither converted nor checked; a field in
    ``proven`` (whose value the reader has shown to pass the check) is not checked.
    """
    fields = attrs.fields(cls)
    lines = ["    self = new(cls)"]
    if hasattr(cls, "__attrs_pre_init__"):
        lines.append("    self.__attrs_pre_init__()")
    for a in fields:
        if a.converter is not None and a.name not in built:
            ns[f"c_{a.name}"] = a.converter
            kept = fields_mod.instances_kept(a.converter)
            if kept is None:
                lines.append(f"    v_{a.name} = c_{a.name}(v_{a.name})")
            else:  # what the converter gives back unchanged (None, an instance of its class) skips it
                ns[f"kept_{a.name}"] = kept
                lines += [
                    f"    if v_{a.name} is not None and v_{a.name}.__class__ is not kept_{a.name}:",
                    f"        v_{a.name} = c_{a.name}(v_{a.name})",
                ]
        slot = fields_mod.slot_setter(cls, a.name)
        if slot is None:
            lines.append(f"    setattr(self, {a.name!r}, v_{a.name})")
        else:  # the slot's own setter: no lookup of the name per object
            ns[f"set_{a.name}"] = slot
            lines.append(f"    set_{a.name}(self, v_{a.name})")
    for a in fields:
        if a.validator is None or a.name in built or a.name in proven:
            continue
        lines += [f"    {line}" for line in fields_mod.check_lines(a, f"v_{a.name}", ns, a.name)]
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    return lines


def _unstructure_fn(conv: cattrs.Converter, cls: type, **omit: Any) -> Any:
    fields: dict[str, Any] = {name: override(omit=True) for name in omit}
    return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **fields)


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A cattrs converter for the MBO student record and everything in it.

    Like cattrs' own preconfigured converters, each call builds a new,
    independent converter; adjust it freely. The value hooks are those of
    the reading policy ([`duo_domain.serialize.reading`][duo_domain.serialize.reading]); the type of
    each plain value (``str``, ``bool``, ``int``) is checked by the
    domain classes themselves.

    Args:
        detailed_validation: Collect every error with its path (slower). The
            readers of this module first try without it and only fall back to
            it to report a bad document.

    Examples:
        >>> import datetime as dt
        >>> from duo_domain.mbo.enrolment import ExtraOndersteuning
        >>> conv = make_converter()
        >>> conv.unstructure(ExtraOndersteuning(dt.date(2024, 8, 1)))
        {'datum_begin': '2024-08-01'}
        >>> conv.structure({"datum_begin": "2024-08-01"}, ExtraOndersteuning).datum_begin
        datetime.date(2024, 8, 1)
        >>> from decimal import Decimal
        >>> from duo_domain.mbo.results import GeneriekExamenonderdeel
        >>> conv.unstructure(GeneriekExamenonderdeel("G1", "3005", cijfer_ie=Decimal("6.50")))
        {'resultaatvolgnummer': 'G1', 'code': '3005', 'cijfer_ie': '6.50'}
    """
    return _mbo_converter(detailed_validation, _object)


def _mbo_converter(detailed: bool, make_object: Callable[[cattrs.Converter, type], Hook]) -> cattrs.Converter:
    """The converter of `make_converter`, with ``make_object`` making the hook of each class."""
    conv = _base(detailed)
    conv.register_structure_hook(OnvolledigeDatum, _structure_onvolledige_datum)
    conv.register_unstructure_hook(OnvolledigeDatum, str)
    fast = make_object is _generated  # the readers' fast converter
    conv.register_structure_hook(Bsn, _number_reader(Bsn, _structure_bsn) if fast else _structure_bsn)
    conv.register_unstructure_hook(Bsn, Bsn.unmasked)
    conv.register_structure_hook(
        Onderwijsnummer,
        _number_reader(Onderwijsnummer, _structure_onderwijsnummer) if fast else _structure_onderwijsnummer,
    )
    conv.register_unstructure_hook(Onderwijsnummer, Onderwijsnummer.unmasked)

    nl_fn = make_object(conv, NederlandsAdres)
    bl_fn = make_object(conv, BuitenlandsAdres)

    def _structure_adres(value: Any, _: Any) -> NederlandsAdres | BuitenlandsAdres:
        if value.__class__ is dict and _BUITENLANDS_KEYS & value.keys():
            return bl_fn(value, BuitenlandsAdres)  # type: ignore[no-any-return]
        return nl_fn(value, NederlandsAdres)  # type: ignore[no-any-return]

    conv.register_structure_hook(NederlandsAdres | BuitenlandsAdres, _structure_adres)
    conv.register_structure_hook(
        NederlandsAdres | BuitenlandsAdres | None,
        _optional(_structure_adres, NederlandsAdres | BuitenlandsAdres),
    )

    # Leaves first: a generated function captures the hooks of its fields when it is made.
    for cls in reversed(_MBO_CLASSES):
        if cls not in (NederlandsAdres, BuitenlandsAdres):
            conv.register_structure_hook(cls, make_object(conv, cls))
        conv.register_unstructure_hook(cls, _unstructure_fn(conv, cls))

    # The two address kinds are told apart by their keys. A foreign address with every field
    # empty would be written as {} and read back as a Dutch one: keep its landcode.
    unstructure_bl = _unstructure_fn(conv, BuitenlandsAdres)

    def _unstructure_buitenlands(adres: BuitenlandsAdres) -> dict[str, Any]:
        out: dict[str, Any] = unstructure_bl(adres)
        if not out:
            out["landcode"] = None
        return out

    conv.register_unstructure_hook(BuitenlandsAdres, _unstructure_buitenlands)
    return conv


def _uitslag_converter(detailed: bool) -> cattrs.Converter:
    conv = _base(detailed, null=False)
    opt = _no_null
    whole = _whole_grade
    waardering = _choice(WAARDERINGEN)
    conv.register_structure_hook(
        GeneriekInput,
        _object(
            conv,
            GeneriekInput,
            ie=opt(_grade, Decimal),
            ce=opt(_grade, Decimal),
            eindcijfer=opt(whole, Decimal),
            beoordeling=opt(_choice(_VOLDAAN), str),
            code=opt(_pattern(_GENERIEK_CODE, "a code 30nn"), str),
            vrijstelling=opt(_vrijstelling_code, str),
        ),
    )
    conv.register_structure_hook(
        OnderdeelInput,
        _object(
            conv,
            OnderdeelInput,
            eindcijfer=opt(whole, Decimal),
            beoordeling=opt(waardering, str),
        ),
    )
    conv.register_structure_hook(
        KeuzedeelInput,
        _object(
            conv,
            KeuzedeelInput,
            code=opt(_text, str),
            eindcijfer=opt(whole, Decimal),
            beoordeling=opt(waardering, str),
            extra=_strict_bool,
        ),
    )
    conv.register_structure_hook(
        UitslagInput,
        _object(
            conv,
            UitslagInput,
            niveau=_integer(1, 4),
            cohort_start=_strict_date,
            studieduur_jaren=_integer(1, 6),
            datum_uitslag=_strict_date,
            instroom_studiejaar=_integer(1, 6),
            loopbaan_en_burgerschap=opt(_choice(_VOLDAAN), str),
        ),
    )
    for cls in (GeneriekInput, OnderdeelInput, KeuzedeelInput, UitslagInput):
        conv.register_unstructure_hook(cls, _unstructure_fn(conv, cls))
    return conv


def _cijferlijst_converter(detailed: bool) -> cattrs.Converter:
    conv = _base(detailed, null=False)
    opt = _no_null
    vakcode = _pattern(_FOUR_DIGITS, "a vakcode of 4 digits")
    conv.register_structure_hook(
        Profielwerkstuk, _object(conv, Profielwerkstuk, cijfer=opt(_whole_grade_int, int))
    )
    conv.register_structure_hook(
        ExamResult,
        _object(
            conv,
            ExamResult,
            vakcode=vakcode,
            se=opt(_grade, Decimal),
            ce=opt(_grade, Decimal),
            ce2=opt(_grade, Decimal),
            ce3=opt(_grade, Decimal),
            eindcijfer=opt(_integer(1, 10), int),
        ),
    )
    conv.register_structure_hook(
        Examenkandidaat,
        _object(
            conv,
            Examenkandidaat,
            examenjaar=_integer(1900, 2999),
            elementcode=opt(_pattern(_FOUR_DIGITS, "an elementcode of 4 digits"), str),
            student=_refuse_student,
        ),
    )
    conv.register_unstructure_hook(Profielwerkstuk, _unstructure_fn(conv, Profielwerkstuk))
    conv.register_unstructure_hook(ExamResult, _unstructure_fn(conv, ExamResult))
    conv.register_unstructure_hook(Examenkandidaat, _unstructure_fn(conv, Examenkandidaat, student=True))
    return conv


def _refuse_student(value: Any, _: Any) -> None:
    raise ValueError("unknown key")


# --------------------------------------------------------------------------- errors with paths


def _problems(exc: BaseException, path: str) -> list[DocumentProblem]:
    """Every leaf error of a cattrs exception group as a problem with its path."""
    if isinstance(exc, ForbiddenExtraKeysError):
        return [DocumentProblem(f"{path}.{key}", "unknown key") for key in sorted(exc.extra_fields)]
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        out: list[DocumentProblem] = []
        for sub in exc.exceptions:
            out.extend(_problems(sub, _sub_path(sub, path)))
        return out
    if isinstance(exc, KeyError):
        return [DocumentProblem(path, "required key is missing")]
    if isinstance(exc, InvalidValue):
        # A domain class refused a field: the field's name follows the class name.
        field = exc.field.partition(".")[2]
        return [DocumentProblem(f"{path}.{field}" if field else path, exc.message)]
    if isinstance(exc, DuoDomainError):
        return [DocumentProblem(path, exc.message)]
    if (
        isinstance(exc, (TypeError, ValueError))
        and len(exc.args) >= 2
        and isinstance(exc.args[1], attrs.Attribute)
    ):
        return [DocumentProblem(f"{path}.{exc.args[1].name}", str(exc.args[0]))]
    if isinstance(exc, (TypeError, ValueError)):
        return [DocumentProblem(path, str(exc))]
    return [DocumentProblem(path, f"cannot be read ({type(exc).__name__})")]


def _sub_path(exc: BaseException, path: str) -> str:
    for note in getattr(exc, "__notes__", ()):
        if not isinstance(note, str):
            continue
        if " @ attribute " in note:
            return f"{path}.{note.rsplit(' @ attribute ', 1)[1]}"
        if " @ index " in note:
            return f"{path}[{note.rsplit(' @ index ', 1)[1]}]"
    return path


class _Reader:
    """A fast converter for the common case and a detailed one that names every problem."""

    def __init__(self, make: Callable[[bool], cattrs.Converter]) -> None:
        self._make = make
        self._pair: tuple[cattrs.Converter, cattrs.Converter] | None = None
        self._hooks: dict[type, Hook] = {}

    def pair(self) -> tuple[cattrs.Converter, cattrs.Converter]:
        if self._pair is None:
            # Built once, on first use, and never changed after.
            self._pair = (self._make(False), self._make(True))  # noqa: FBT003
        return self._pair

    def fast(self, cls: type) -> Hook:
        """The fast converter's hook of ``cls``, looked up once (the converter never changes)."""
        hook = self._hooks.get(cls)
        if hook is None:
            hook = self._hooks[cls] = self.pair()[0].get_structure_hook(cls)
        return hook

    def problems(self, data: Any, cls: type, path: str) -> list[DocumentProblem]:
        try:
            self.pair()[1].structure(data, cls)
        except Exception as exc:
            return _problems(exc, path)
        return [DocumentProblem(path, "cannot be read")]  # pragma: no cover - the fast path failed

    def one(self, data: Any, cls: type, path: str, document: str) -> Any:
        try:
            return self.fast(cls)(data, cls)
        except Exception:
            raise InvalidDocument(self.problems(data, cls, path), document=document) from None


# The fast converter of the readers builds each class with one generated function; the detailed one,
# which names every problem of a document that failed, is that of make_converter.
_MBO = _Reader(lambda detailed: _mbo_converter(detailed, _object if detailed else _generated))
_UITSLAG = _Reader(_uitslag_converter)
_CIJFERLIJST = _Reader(_cijferlijst_converter)


# --------------------------------------------------------------------------- the MBO student record


@attrs.frozen
class RecordRead:
    """One record of a list read on its own: the record, or why it could not be read.

    Attributes:
        index: The record's place in the list (0-based).
        record: The record, when it could be read.
        error: Why it could not be read (paths start at ``$[index]``), else ``None``.
    """

    index: int
    record: MboStudentRecord | None
    error: InvalidDocument | None = None


def structure_mbo_each(data: Any) -> Iterator[RecordRead]:
    """Read a list of MBO student records (parsed JSON) record by record.

    A record that cannot be read does not stop the others: it yields a
    [`RecordRead`][duo_domain.serialize.json.RecordRead] with its error, whose paths start at ``$[i]``. A
    single
    record (a JSON object) yields one [`RecordRead`][duo_domain.serialize.json.RecordRead] with paths at
    ``$``.

    Raises:
        InvalidDocument: when ``data`` is neither an object nor an array.

    Examples:
        >>> reads = list(structure_mbo_each([{"student": {}}, {"student": 7}]))
        >>> [(r.index, r.record is not None) for r in reads]
        [(0, True), (1, False)]
        >>> reads[1].error.lines()
        ['expected an object, got number @ $[1].student']
    """
    if data.__class__ is dict:
        items: list[Any] = [data]
        prefix = None
    elif data.__class__ is list:
        items = data
        prefix = "$"
    else:
        raise InvalidDocument(
            [DocumentProblem("$", f"expected an object or an array of objects, got {json_type(data)}")],
            document=DOCUMENT_NAME,
        )
    yield from _reads(items, prefix, 0)


def _reads(items: list[Any], prefix: str | None, start: int) -> Iterator[RecordRead]:
    """`structure_mbo_each` over ``items[start:]`` (``prefix``: ``None`` for one record at ``$``)."""
    fast = _MBO.fast(MboStudentRecord)
    for i in range(start, len(items)):
        item = items[i]
        try:
            yield RecordRead(i, fast(item, MboStudentRecord))
        except Exception:
            path = "$" if prefix is None else f"$[{i}]"
            problems = _MBO.problems(item, MboStudentRecord, path)
            yield RecordRead(i, None, InvalidDocument(problems, document=DOCUMENT_NAME))


def structure_mbo(data: Any) -> MboStudentRecord | list[MboStudentRecord]:
    """One record (a JSON object) or a list of records (a JSON array) from parsed JSON.

    Raises:
        InvalidDocument: listing every structural problem with its path
            (``$.inschrijvingen[0].perioden[1].datum_begin``; ``$[3]...`` in a list).
    """
    if data.__class__ is dict:
        one: MboStudentRecord = _MBO.one(data, MboStudentRecord, "$", DOCUMENT_NAME)
        return one
    if data.__class__ is list:
        fast = _MBO.fast(MboStudentRecord)
        try:
            return [fast(item, MboStudentRecord) for item in data]
        except Exception:
            raise InvalidDocument(_list_problems(data, 0), document=DOCUMENT_NAME) from None
    raise InvalidDocument(
        [DocumentProblem("$", f"expected an object or an array of objects, got {json_type(data)}")],
        document=DOCUMENT_NAME,
    )


def _list_problems(data: list[Any], start: int) -> list[DocumentProblem]:
    """The problems of the records ``data[start:]`` of a list, with their paths ``$[i]...``."""
    problems: list[DocumentProblem] = []
    for read in _reads(data, "$", start):
        if read.error is not None:
            problems.extend(read.error.problems)
    return problems


def _structure_parsed_list(data: list[Any]) -> list[MboStudentRecord]:
    """`structure_mbo` of a list the reader parsed itself and owns: each item is let go once it is read.

    What is read is the same, and so is the error: the items read before a failing one had no
    problem. Letting each record's plain data go as soon as its objects are built keeps a large
    array's memory (and the collector's work) from holding both at once.
    """
    fast = _MBO.fast(MboStudentRecord)
    out: list[MboStudentRecord] = []
    append = out.append
    i = 0
    try:
        for i, item in enumerate(data):
            append(fast(item, MboStudentRecord))
            data[i] = None
    except Exception:
        raise InvalidDocument(_list_problems(data, i), document=DOCUMENT_NAME) from None
    return out


def loads_mbo(text: str | bytes) -> MboStudentRecord | list[MboStudentRecord]:
    """Read a JSON document with one MBO student record or a list of them.

    Numbers are read as `Decimal`, never through ``float``,
    under the limits of [`parse_json`][duo_domain.serialize.reading.parse_json].

    Raises:
        InvalidDocument: when the text is not JSON, or not such a document.
    """
    if text.__class__ is bytes and text[:1] == b"[":
        records = _read_items(text)  # its raw items are let go before parse_json reads the text
        if records is not None:
            return records
    else:
        record = _typed_mbo_record(text)
        if record is not None:
            return record
    data = parse_json(text, document=DOCUMENT_NAME)
    if data.__class__ is dict:  # what structure_mbo does with one record, without the calls around it
        try:
            one: MboStudentRecord = _MBO.fast(MboStudentRecord)(data, MboStudentRecord)
        except Exception:
            problems = _MBO.problems(data, MboStudentRecord, "$")
            raise InvalidDocument(problems, document=DOCUMENT_NAME) from None
        return one
    if data.__class__ is list:
        return _structure_parsed_list(data)
    return structure_mbo(data)


@functools.cache
def _typed_reader() -> Any:
    """The typed readers of the fast MBO converter (see `duo_domain.serialize._typed`), made on first use."""
    from duo_domain.serialize._typed import GeneratedParts, TypedReaders  # imports msgspec: not at start-up

    parts = GeneratedParts(
        generated=lambda hook: getattr(hook, _GENERATED, False) is True,
        built_tuple=_built_tuple,
        default_expression=_default_expression,
        building_lines=_building_lines,
        passthrough=_passthrough,
        read_date=read_date,
        optional_date=_optional_date,
        optional_of=_OPTIONAL_OF,
    )
    return TypedReaders(_MBO.pair()[0], parts)


@functools.cache
def _typed_record() -> Callable[[Any], Any] | None:
    """The typed reader of a document of one MBO student record (see `TypedReaders.reader`), or ``None``."""
    reader: Callable[[Any], Any] | None = _typed_reader().reader(MboStudentRecord, 1)
    return reader


def _typed_mbo_record(text: str | bytes) -> MboStudentRecord | None:
    """One MBO student record read from JSON text by the typed pass, or ``None`` (read the usual way).

    What it reads, the usual way reads to an equal object; it reads no list and no other document
    (an unknown key is refused), and no text the usual way refuses.
    """
    typed = _typed_record()
    record: MboStudentRecord | None = typed(text) if typed is not None else None
    return record


@functools.cache
def _typed_item() -> Callable[[Any], Any] | None:
    """`_typed_record` for an item of a JSON array (one level deeper in the document)."""
    reader: Callable[[Any], Any] | None = _typed_reader().reader(MboStudentRecord, 2)
    return reader


def _read_items(text: bytes) -> list[MboStudentRecord] | None:
    """The records of a JSON array's items (`array_items`) read one by one, or ``None``.

    Each item is decoded, read into its record, and let go before the next, so that a large
    array costs per record what one record does. ``None`` as soon as an item is not read
    (beyond a limit, or not a valid record): the whole document is then read again by
    `parse_json` and `structure_mbo`, which read it or say what is wrong as always.
    """
    items = array_items(text)
    if items is None:
        return None
    fast = _MBO.fast(MboStudentRecord)
    typed = _typed_item()
    out: list[MboStudentRecord] = []
    append = out.append
    for item in items:
        if typed is not None:
            record = typed(bytes(item))
            if record is not None:
                append(record)
                continue
        data = read_item(item)
        if data is NOT_READ:
            return None
        try:
            append(fast(data, MboStudentRecord))
        except Exception:  # reported by the whole document's reading
            return None
    return out


def unstructure_mbo(obj: MboStudentRecord | list[MboStudentRecord]) -> Any:
    """Plain JSON-ready data for one record or a list of records."""
    return _MBO.pair()[0].unstructure(obj)


def dumps_mbo(obj: MboStudentRecord | list[MboStudentRecord], *, indent: int | None = None) -> str:
    """The JSON text of one record or a list of records."""
    return json.dumps(unstructure_mbo(obj), indent=indent, ensure_ascii=False)


# --------------------------------------------------------------------------- the MBO uitslag document


def _uitslag_consistency(
    data: dict[str, Any], inp: UitslagInput, tabel: Examencodetabel
) -> list[DocumentProblem]:
    """What the uitslag needs beyond the schema: each part in one form, nothing contradictory."""
    out: list[DocumentProblem] = []
    if inp.datum_uitslag < inp.cohort_start:
        out.append(DocumentProblem("$.datum_uitslag", "before cohort_start"))
    for i, part in enumerate(inp.generieke_onderdelen or ()):
        out.extend(
            _generiek_consistency(
                data["generieke_onderdelen"][i], part, inp.niveau, f"$.generieke_onderdelen[{i}]", tabel
            )
        )
    for key in ("specifieke_onderdelen", "keuzedelen"):
        for i, raw in enumerate(data.get(key) or ()):
            if ("eindcijfer" in raw) == ("beoordeling" in raw):
                out.append(DocumentProblem(f"$.{key}[{i}]", "give either an eindcijfer or a beoordeling"))
    if inp.specifieke_onderdelen == ():
        out.append(
            DocumentProblem("$.specifieke_onderdelen", "empty: give the onderdelen or omit the section")
        )
    counted = [(i, k) for i, k in enumerate(inp.keuzedelen or ()) if not k.extra]
    if inp.niveau > 1 and len(counted) > 1:
        out.extend(
            DocumentProblem(
                f"$.keuzedelen[{i}].beoordeling",
                "with two or more keuzedelen each needs an eindcijfer (Ekb WEB art. 17, the average"
                " of onderdeel d)",
            )
            for i, k in counted
            if k.eindcijfer is None
        )
    if not any(key in data for key in SECTIES):
        out.append(DocumentProblem("$", "nothing to judge: give at least one of " + ", ".join(SECTIES)))
    return out


def _generiek_consistency(
    raw: dict[str, Any], part: GeneriekInput, niveau: int, path: str, tabel: Examencodetabel
) -> list[DocumentProblem]:
    out: list[DocumentProblem] = []
    forms = [
        name
        for name, present in (
            ("ie/ce", "ie" in raw or "ce" in raw),
            ("eindcijfer", "eindcijfer" in raw),
            ("beoordeling", "beoordeling" in raw),
        )
        if present
    ]
    if len(forms) != 1:
        out.append(DocumentProblem(path, "give exactly one of ie/ce, eindcijfer, beoordeling"))
    if part.code is not None:
        row = tabel.get(part.code)
        if row is None:
            out.append(
                DocumentProblem(f"{path}.code", "not a code of the generieke examenonderdelencodetabel")
            )
        elif row.onderdeel is not part.onderdeel:
            out.append(
                DocumentProblem(f"{path}.code", f"code of {row.omschrijving}, not {part.onderdeel.value}")
            )
    if niveau < 4 and part.onderdeel is Onderdeel.ENGELS:
        out.append(
            DocumentProblem(
                f"{path}.onderdeel",
                "Engels is a generic part of niveau 4 only (Ekb WEB art. 3 lid 2 onder d)",
            )
        )
    return out


def _body(data: Any, document: str, sector: str, *, required: bool) -> dict[str, Any]:
    """The keys of a sector's document other than ``sector``, once it is an object of that sector.

    Raises:
        InvalidDocument: when ``data`` is not a JSON object, or names another sector (or, when
            ``required``, none).
    """
    if data.__class__ is not dict:
        raise InvalidDocument(
            [DocumentProblem("$", f"expected an object, got {json_type(data)}")], document=document
        )
    if data.get("sector", None if required else sector) != sector:
        expected = f"expected {sector!r}" if required else f"expected {sector!r} (or no sector)"
        raise InvalidDocument([DocumentProblem("$.sector", expected)], document=document)
    return {k: v for k, v in data.items() if k != "sector"}


def structure_mbo_uitslag(data: Any, *, codes: Codetabellen | None = None) -> UitslagInput:
    """Read an MBO uitslag document (parsed JSON) into the input of the MBO uitslag.

    Beyond its JSON Schema the document must be consistent: ``datum_uitslag``
    not before ``cohort_start``, each part in exactly one form, a code that
    belongs to its onderdeel, Engels only at niveau 4, at least one section,
    and with two or more counted keuzedelen an eindcijfer for each. A code is looked up in
    the table ``generieke_examenonderdelen`` of ``codes`` (the shipped tables for ``None``).

    Raises:
        InvalidDocument: listing every problem with its path (e.g. ``$.generieke_onderdelen[1].ie``).

    Examples:
        >>> inp = structure_mbo_uitslag({"sector": "mbo", "niveau": 2, "cohort_start": "2024-08-01",
        ...     "studieduur_jaren": 2, "datum_uitslag": "2026-07-01", "loopbaan_en_burgerschap": "voldaan"})
        >>> inp.niveau, inp.loopbaan_en_burgerschap
        (2, 'voldaan')
    """
    body = _body(data, MBO_UITSLAG, "mbo", required=True)
    inp: UitslagInput = _UITSLAG.one(body, UitslagInput, "$", MBO_UITSLAG)
    problems = _uitslag_consistency(body, inp, examencodetabel(codes))
    if problems:
        raise InvalidDocument(problems, document=MBO_UITSLAG)
    return inp


def loads_mbo_uitslag(text: str | bytes, *, codes: Codetabellen | None = None) -> UitslagInput:
    """Parse JSON text under the reading limits and read it as an MBO uitslag document.

    ``codes``: as [`structure_mbo_uitslag`][duo_domain.serialize.json.structure_mbo_uitslag].

    Raises:
        InvalidDocument: for text that is not JSON or not such a document.
    """
    return structure_mbo_uitslag(parse_json(text, document=MBO_UITSLAG), codes=codes)


def unstructure_mbo_uitslag(inp: UitslagInput) -> dict[str, Any]:
    """The MBO uitslag document of ``inp`` as plain JSON-ready data (with ``"sector": "mbo"``)."""
    body: dict[str, Any] = _UITSLAG.pair()[0].unstructure(inp)
    return {"sector": "mbo", **body}


def dumps_mbo_uitslag(inp: UitslagInput, *, indent: int | None = None) -> str:
    """The JSON text of an MBO uitslag document."""
    return json.dumps(unstructure_mbo_uitslag(inp), indent=indent, ensure_ascii=False)


# --------------------------------------------------------------------------- the VO cijferlijst


def _cijferlijst_consistency(kandidaat: Examenkandidaat) -> list[DocumentProblem]:
    out: list[DocumentProblem] = []
    if not kandidaat.vakken:
        out.append(DocumentProblem("$.vakken", "give at least one vak"))
    for i, vak in enumerate(kandidaat.vakken):
        if vak.se is None and vak.beoordeling is None and not vak.vrijstelling:
            out.append(
                DocumentProblem(f"$.vakken[{i}].se", "missing: give se, a beoordeling or vrijstelling")
            )
        if vak.se is None and vak.heeft_ce:
            out.append(DocumentProblem(f"$.vakken[{i}].se", "a CE grade without an SE grade"))
    pws = kandidaat.profielwerkstuk
    if kandidaat.schoolsoort in (Schoolsoort.HAVO, Schoolsoort.VWO) and (pws is None or pws.cijfer is None):
        out.append(
            DocumentProblem(
                "$.profielwerkstuk", 'havo/vwo needs the profielwerkstuk with its grade: {"cijfer": n}'
            )
        )
    return out


#: The keys the common-case reader of a cijferlijst handles; a document with any other key is
#: read by the converter (which also names every problem).
_VAK_GRADES = ("se", "ce", "ce2", "ce3")
_VAK_FLAGS = frozenset({"extra", "vrijstelling", "combinatiecijfer"})
_VAK_KEYS = frozenset({"vakcode", "beoordeling", *_VAK_GRADES, *_VAK_FLAGS})
_KANDIDAAT_KEYS = frozenset(
    {"schoolsoort", "examenjaar", "vakken", "profielwerkstuk", "leerwerktraject", "elementcode"}
)
_PWS_KEYS = frozenset({"cijfer", "beoordeling"})
_BEOORDELINGEN = {m.value: m for m in Beoordeling}
_SCHOOLSOORTEN = {m.value: m for m in Schoolsoort}


#: Every grade text `_GRADE_TEXT` accepts, as the `Decimal` ``_grade`` reads from it (one object per text:
#: a Decimal never changes, so subjects may share it).
_GRADE_DECIMALS: dict[str, Decimal] = {
    t: Decimal(t)
    for t in (
        "10",
        "10.0",
        *(str(i) for i in range(1, 10)),
        *(f"{i}.{d}" for i in range(1, 10) for d in range(10)),
    )
}
#: The values the common-form reader can give a field besides ``vakcode`` (``vakcode``: any text).
_VAK_VALUES: dict[str, tuple[Any, ...]] = {
    **{key: tuple(_GRADE_DECIMALS.values()) for key in _VAK_GRADES},
    **dict.fromkeys(_VAK_FLAGS, (True, False)),
    "beoordeling": tuple(_BEOORDELINGEN.values()),
}
#: The generated readers of `_common_vak`, by the keys of a subject in document order (at most
#: `_MAX_VAK_SHAPES` orders; a subject of any further one is read by `_common_vak_loop`).
_VAK_READERS: dict[tuple[str, ...], Callable[[dict[str, Any]], ExamResult | None]] = {}
_MAX_VAK_SHAPES = 256


def _vak_reader(keys: tuple[str, ...]) -> Callable[[dict[str, Any]], ExamResult | None]:
    """The reader of a subject in the common form with exactly ``keys``, generated as source.

    It checks each value as `_common_vak_loop` does (``None`` for any other form) and builds the
    `ExamResult` as its ``__init__`` does: each value read from the document through its field's
    check (inline, see [`check_lines`][duo_domain._fields.check_lines]), every other field set to its
    default, which passes its check (tested here, once). Only field names of the class enter the
    source: ``keys`` are names of `_VAK_KEYS`.
    """
    fields = attrs.fields(ExamResult)
    ns: dict[str, Any] = {
        "cls": ExamResult,
        "new": object.__new__,
        "grades": _GRADE_DECIMALS.get,
        "beoordelingen": _BEOORDELINGEN.get,
        **fields_mod.INLINE_NAMES,
    }
    lines = ["def read(o):"]
    for key in keys:
        lines.append(f"    x = o[{key!r}]")
        if key in _VAK_FLAGS:
            lines += ["    if x is not True and x is not False:", "        return None"]
        elif key == "vakcode":
            # _FOUR_DIGITS, without the regular expression: only ASCII digits are [0-9] to isdigit()
            lines += [
                "    if x.__class__ is not str or len(x) != 4 or not x.isascii() or not x.isdigit():",
                "        return None",
            ]
        elif key == "beoordeling":
            lines += [
                "    x = beoordelingen(x) if x.__class__ is str else None",
                "    if x is None:",
                "        return None",
            ]
        else:  # a grade as _grade reads text: 1.0-10.0, one decimal at most
            lines += [
                "    x = grades(x) if x.__class__ is str else None",
                "    if x is None:",
                "        return None",
            ]
        lines.append(f"    v_{key} = x")
    lines.append("    self = new(cls)")
    for a in fields:
        slot = fields_mod.slot_setter(ExamResult, a.name)
        if slot is None:  # pragma: no cover - ExamResult is slotted
            raise TypeError(f"ExamResult.{a.name} has no slot")
        ns[f"set_{a.name}"] = slot
        if a.name in keys:
            lines.append(f"    set_{a.name}(self, v_{a.name})")
        else:
            ns[f"d_{a.name}"] = a.default
            lines.append(f"    set_{a.name}(self, d_{a.name})")
    probe = ExamResult("0000")
    for a in fields:
        if a.name == "vakcode":
            lines += [f"    {line}" for line in fields_mod.check_lines(a, f"v_{a.name}", ns, a.name)]
        elif a.validator is not None:
            # Every other value the reader can set is one of a few known ones: each passes the
            # field's check here, once, instead of in every subject read.
            for value in _VAK_VALUES.get(a.name, ()) if a.name in keys else (a.default,):
                a.validator(probe, a, value)
    lines.append("    return self")
    if "vakcode" not in keys:
        lines = ["def read(o):", "    return None"]
    exec(compile("\n".join(lines), "<duo_domain reader of a VO subject>", "exec"), ns)  # noqa: S102 - generated from field names only
    reader: Callable[[dict[str, Any]], ExamResult | None] = ns["read"]
    return reader


def _common_vak(value: Any) -> ExamResult | None:
    """A subject in the common form (grades as text such as ``"6.4"``), or ``None`` for any other form."""
    if value.__class__ is not dict:
        return None
    keys = tuple(value)
    reader = _VAK_READERS.get(keys)
    if reader is None:
        if not _VAK_KEYS.issuperset(keys):
            return None
        if len(_VAK_READERS) >= _MAX_VAK_SHAPES:
            return _common_vak_loop(value)
        reader = _VAK_READERS[keys] = _vak_reader(keys)
    return reader(value)


def _common_vak_loop(value: dict[str, Any]) -> ExamResult | None:
    """`_common_vak` for a subject whose keys come in an order without a generated reader."""
    fields: dict[str, Any] = {}
    for key, item in value.items():
        if key in _VAK_FLAGS:
            if item is not True and item is not False:
                return None
            fields[key] = item
        elif key == "vakcode":
            if item.__class__ is not str or _FOUR_DIGITS.fullmatch(item) is None:
                return None
            fields[key] = item
        elif key == "beoordeling":
            member = _BEOORDELINGEN.get(item) if item.__class__ is str else None
            if member is None:
                return None
            fields[key] = member
        elif item.__class__ is str and _GRADE_TEXT.fullmatch(item) is not None:
            fields[key] = Decimal(item)  # a grade as _grade reads text: 1.0-10.0, one decimal at most
        else:
            return None
    if "vakcode" not in fields:
        return None
    return ExamResult(**fields)


def _kandidaat_maker() -> Callable[
    [Schoolsoort, int, tuple[ExamResult, ...], dict[str, Any]], Examenkandidaat
]:
    """How `_common_cijferlijst` builds its `Examenkandidaat`: each slot set once, as ``__init__`` sets it.

    ``__init__`` would check each value again: the schoolsoort (a member), the examenjaar (an int of
    1900-2999), the subjects (a tuple of `ExamResult` read by `_common_vak`), and the values of
    ``profielwerkstuk`` (a `Profielwerkstuk`), ``leerwerktraject`` (a bool) and ``elementcode`` (four
    digits) were checked as they were read; every field not given holds its default, which passes its
    check (tested here, once).
    """
    fields = attrs.fields(Examenkandidaat)
    probe = Examenkandidaat(Schoolsoort.HAVO, 2026, ())
    setters: dict[str, Callable[[Any, Any], None]] = {}
    defaults: dict[str, Any] = {}
    for a in fields:
        slot = fields_mod.slot_setter(Examenkandidaat, a.name)
        if slot is None:  # pragma: no cover - Examenkandidaat is slotted
            raise TypeError(f"Examenkandidaat.{a.name} has no slot")
        setters[a.name] = slot
        if a.name in ("schoolsoort", "examenjaar", "vakken"):
            continue
        if isinstance(a.default, _FACTORY) or a.default is attrs.NOTHING:  # pragma: no cover
            raise TypeError(f"Examenkandidaat.{a.name} has no constant default")
        if a.validator is not None:
            a.validator(probe, a, a.default)
        defaults[a.name] = a.default
    set_schoolsoort, set_examenjaar, set_vakken = (
        setters.pop("schoolsoort"),
        setters.pop("examenjaar"),
        setters.pop("vakken"),
    )
    rest = tuple((setter, name, defaults[name]) for name, setter in setters.items())
    new = object.__new__

    def make(
        schoolsoort: Schoolsoort, jaar: int, vakken: tuple[ExamResult, ...], given: dict[str, Any]
    ) -> Examenkandidaat:
        self: Examenkandidaat = new(Examenkandidaat)
        set_schoolsoort(self, schoolsoort)
        set_examenjaar(self, jaar)
        set_vakken(self, vakken)
        for setter, name, default in rest:
            setter(self, given.get(name, default))
        return self

    return make


_new_kandidaat = _kandidaat_maker()


def _common_pws(value: Any) -> Profielwerkstuk | None:
    """A profielwerkstuk in the common form (a whole grade as a number, or a beoordeling), else ``None``."""
    if value.__class__ is not dict or not _PWS_KEYS.issuperset(value):
        return None
    cijfer = value.get("cijfer")
    if cijfer is not None and (cijfer.__class__ is not int or not 1 <= cijfer <= 10):
        return None
    beoordeling = value.get("beoordeling")
    member = _BEOORDELINGEN.get(beoordeling) if beoordeling.__class__ is str else None
    if ("cijfer" in value and cijfer is None) or ("beoordeling" in value and member is None):
        return None  # a null (refused) or a value in another form: the converter says which
    return Profielwerkstuk(cijfer=cijfer, beoordeling=member)


def _common_cijferlijst(body: dict[str, Any]) -> Examenkandidaat | None:
    """The cijferlijst read in one pass when it has the common form, or ``None`` for the converter.

    Each value is checked once, as the converter's hooks check it; any other form
    (numbers for grades, other keys, nulls, errors) returns ``None``, and the
    converter reads the document and names every problem. So both read the same
    documents into the same objects, and this one only faster.
    """
    if not _KANDIDAAT_KEYS.issuperset(body):
        return None
    soort = body.get("schoolsoort")
    schoolsoort = _SCHOOLSOORTEN.get(soort) if soort.__class__ is str else None
    jaar = body.get("examenjaar")
    raw = body.get("vakken")
    if (
        schoolsoort is None
        or jaar.__class__ is not int
        or not 1900 <= jaar <= 2999
        or raw.__class__ is not list
    ):
        return None
    vakken: list[ExamResult] = []
    for item in raw:
        vak = _common_vak(item)
        if vak is None:
            return None
        vakken.append(vak)
    fields: dict[str, Any] = {}
    if "profielwerkstuk" in body:
        pws = _common_pws(body["profielwerkstuk"])
        if pws is None:
            return None
        fields["profielwerkstuk"] = pws
    if "leerwerktraject" in body:
        if body["leerwerktraject"] is not True and body["leerwerktraject"] is not False:
            return None
        fields["leerwerktraject"] = body["leerwerktraject"]
    if "elementcode" in body:
        code = body["elementcode"]
        if code.__class__ is not str or _FOUR_DIGITS.fullmatch(code) is None:
            return None
        fields["elementcode"] = code
    return _new_kandidaat(schoolsoort, jaar, tuple(vakken), fields)


def structure_cijferlijst(data: Any) -> Examenkandidaat:
    """Read a VO cijferlijst document (parsed JSON) into an `Examenkandidaat`.

    Checks the shape and the grades' form (1.0-10.0, at most one decimal) and,
    beyond the JSON Schema, that each vak has an SE grade (or a beoordeling
    or vrijstelling) when it has a CE grade or nothing else, and that a
    havo/vwo candidate has a graded profielwerkstuk.

    Raises:
        InvalidDocument: listing every problem with its path, e.g. ``$.vakken[2].se``.

    Examples:
        >>> k = structure_cijferlijst({"schoolsoort": "havo", "examenjaar": 2026,
        ...     "vakken": [{"vakcode": "1001", "se": "6.4", "ce": 6}], "profielwerkstuk": {"cijfer": 7}})
        >>> k.vakken[0].se, k.vakken[0].ce
        (Decimal('6.4'), Decimal('6'))
    """
    body = _body(data, CIJFERLIJST, "vo", required=False)
    if "student" in body:
        raise InvalidDocument([DocumentProblem("$.student", "unknown key")], document=CIJFERLIJST)
    kandidaat = _common_cijferlijst(body)
    if kandidaat is None:
        kandidaat = _CIJFERLIJST.one(body, Examenkandidaat, "$", CIJFERLIJST)
    problems = _cijferlijst_consistency(kandidaat)
    if problems:
        raise InvalidDocument(problems, document=CIJFERLIJST)
    return kandidaat


def loads_cijferlijst(text: str | bytes) -> Examenkandidaat:
    """Parse JSON text under the reading limits and read it as a VO cijferlijst.

    Raises:
        InvalidDocument: for text that is not JSON or not such a document.
    """
    return structure_cijferlijst(parse_json(text, document=CIJFERLIJST))


def unstructure_cijferlijst(kandidaat: Examenkandidaat) -> dict[str, Any]:
    """The cijferlijst document of ``kandidaat`` as plain JSON-ready data (the student is not part of it)."""
    out: dict[str, Any] = _CIJFERLIJST.pair()[0].unstructure(kandidaat)
    return out


def dumps_cijferlijst(kandidaat: Examenkandidaat, *, indent: int | None = None) -> str:
    """The JSON text of a VO cijferlijst."""
    return json.dumps(unstructure_cijferlijst(kandidaat), indent=indent, ensure_ascii=False)


# --------------------------------------------------------------------------- any document


@attrs.frozen
class Document:
    """A JSON document read by `loads_document`: its kind and what it holds.

    Attributes:
        kind: `DOCUMENT_NAME`, `MBO_UITSLAG` or `CIJFERLIJST`.
        data: The parsed JSON (plain data, numbers exact).
    """

    kind: str
    data: Any


def document_kind(data: Any) -> str:
    """Which document parsed JSON is, told from its content.

    An object with ``"sector": "mbo"`` is an MBO uitslag document, one with
    ``"sector": "vo"`` or a ``schoolsoort`` a VO cijferlijst, anything else
    MBO student records.

    Examples:
        >>> document_kind({"sector": "mbo"}), document_kind({"schoolsoort": "havo"}), document_kind([])
        ('MBO uitslag document', 'VO cijferlijst', 'MBO student record')
    """
    if data.__class__ is dict:
        sector = data.get("sector")
        if sector == "mbo":
            return MBO_UITSLAG
        if sector == "vo" or "schoolsoort" in data:
            return CIJFERLIJST
    return DOCUMENT_NAME


def loads_document(text: str | bytes) -> Document:
    """Parse JSON text under the reading limits and tell which document it is (nothing is structured yet).

    Raises:
        InvalidDocument: for text that is not JSON within the limits.
    """
    data = parse_json(text)
    return Document(document_kind(data), data)


def structure_document(document: Document, *, codes: Codetabellen | None = None) -> Any:
    """The domain object(s) of a `Document`: records, an uitslag input or an examenkandidaat.

    ``codes``: the code tables a reader looks codes up in (the shipped ones for ``None``).

    Raises:
        InvalidDocument: listing every problem with its path.
        InvalidValue: when ``document`` is not a `Document`.
    """
    if not isinstance(document, Document):
        raise InvalidValue(f"expected a Document, got {json_type(document)}", field="document")
    if document.kind == MBO_UITSLAG:
        return structure_mbo_uitslag(document.data, codes=codes)
    if document.kind == CIJFERLIJST:
        return structure_cijferlijst(document.data)
    return structure_mbo(document.data)
