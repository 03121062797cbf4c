"""Type checks for the fields of the domain classes: one check per value, one message style.

Every attrs class of the domain checks the type of each field when it is
built, with the validators of this module. They are the *only* type check:
the JSON reading layer ([`duo_domain.serialize.reading`][duo_domain.serialize.reading]) decodes text
into dates and decimals and hands everything else to the constructor
unchanged, so a value is checked once, here, whether it came from a caller's
code or from a document. A wrong type raises
[`InvalidValue`][duo_domain.errors.InvalidValue] naming the class and field and the
JSON kind of what was given (``string``, ``number``, ``object``, ...), never
the value itself.

Examples:
    >>> import attrs
    >>> @attrs.frozen
    ... class Thing:
    ...     name: str = attrs.field(validator=text)
    >>> Thing(25655)
    Traceback (most recent call last):
    ...
    duo_domain.errors.InvalidValue: Thing.name: expected a string, got number
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar

from duo_domain.errors import InvalidValue

_F = TypeVar("_F", bound=Callable[..., Any])

__all__ = [
    "KeptDates",
    "argument",
    "arguments",
    "as_tuple",
    "boolean",
    "check_lines",
    "date",
    "decimal",
    "inline_check",
    "instance",
    "instances_kept",
    "integer",
    "items",
    "items_of",
    "json_type",
    "keeps_instances",
    "keeps_tuples",
    "member",
    "opt_boolean",
    "opt_date",
    "opt_decimal",
    "opt_integer",
    "opt_text",
    "quoted",
    "slot_setter",
    "takes_only_text",
    "takes_text",
    "text",
    "tuple_kept",
]

Validator = Callable[[Any, Any, Any], None]

_JSON_TYPES: dict[type, str] = {
    dict: "object",
    list: "array",
    tuple: "array",
    str: "string",
    bool: "boolean",
    int: "number",
    float: "binary float",
    Decimal: "number",
    type(None): "null",
    dt.date: "date",
    dt.datetime: "date and time",
}


def json_type(value: object) -> str:
    """The kind of ``value`` in JSON words (``string``, ``number``, ``object`` ...), else its class name.

    Examples:
        >>> json_type("x"), json_type(7), json_type(True), json_type([]), json_type(None)
        ('string', 'number', 'boolean', 'array', 'null')
    """
    name = _JSON_TYPES.get(type(value)) or getattr(type(value), "json_type", None)
    if isinstance(name, str):
        return name
    if isinstance(value, str):
        return "string"
    if isinstance(value, (int, Decimal)):
        return "number"
    return type(value).__name__


def quoted(value: object, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters, for a message; never raises.

    ``repr`` of a whole number of thousands of digits raises ``ValueError`` (Python's limit on
    integer-to-text conversion): such a number is described instead of shown.

    Examples:
        >>> quoted("kleur"), quoted(10**5000), quoted("x" * 50, limit=8)
        ("'kleur'", 'a number of more than 40 digits', "'xxxxxx...")
    """
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and not -_INTEGER_LIMIT < value < _INTEGER_LIMIT
    ):
        return f"a number of more than {INTEGER_DIGITS} digits"
    try:
        text = repr(value)
    except Exception:
        text = f"a {type(value).__name__}"
    return text if len(text) <= limit else text[: limit - 1] + "..."


def _refuse(inst: object, attr: Any, expected: str, value: object) -> InvalidValue:
    return InvalidValue(
        f"expected {expected}, got {json_type(value)}", field=f"{type(inst).__name__}.{attr.name}"
    )


def argument(value: Any, kind: Any, expected: str, name: str) -> None:
    """Refuse an argument of a public function that is not an instance of ``kind``.

    The same message as a field of the wrong type: `InvalidValue` naming the
    argument and the JSON kind of what was given, never the value itself.

    Examples:
        >>> argument(None, dt.date, "a date (datetime.date)", "peildatum")
        Traceback (most recent call last):
        ...
        duo_domain.errors.InvalidValue: peildatum: expected a date (datetime.date), got null
    """
    if not isinstance(value, kind):
        raise InvalidValue(f"expected {expected}, got {json_type(value)}", field=name)


def arguments(values: Any, kind: Any, expected: str, name: str) -> Iterator[Any]:
    """The items of an iterable argument, each checked as it is taken (a stream stays a stream).

    Raises:
        InvalidValue: for something that is not an iterable of ``kind`` (a string, a mapping and
            ``None`` are not), or at the first item that is not a ``kind``, with its index.

    Examples:
        >>> list(arguments([1, 2], int, "a number", "xs"))
        [1, 2]
        >>> list(arguments([1, "2"], int, "a number", "xs"))
        Traceback (most recent call last):
        ...
        duo_domain.errors.InvalidValue: xs[1]: expected a number, got string
    """
    if isinstance(values, (str, bytes, bytearray, Mapping)) or not isinstance(values, Iterable):
        raise InvalidValue(f"expected a list of {expected}, got {json_type(values)}", field=name)
    return _each(values, kind, expected, name)


def _each(values: Iterable[Any], kind: Any, expected: str, name: str) -> Iterator[Any]:
    for i, item in enumerate(values):
        if not isinstance(item, kind):
            raise InvalidValue(f"expected {expected}, got {json_type(item)}", field=f"{name}[{i}]")
        yield item


def text(inst: object, attr: Any, value: Any) -> None:
    """A ``str`` (or a subclass of it)."""
    if not isinstance(value, str):
        raise _refuse(inst, attr, "a string", value)


def opt_text(inst: object, attr: Any, value: Any) -> None:
    """A ``str`` or ``None``."""
    if value is not None and not isinstance(value, str):
        raise _refuse(inst, attr, "a string or null", value)


def boolean(inst: object, attr: Any, value: Any) -> None:
    """``True`` or ``False`` (not ``1``, not ``"N"``)."""
    if value is not True and value is not False:
        raise _refuse(inst, attr, "true or false", value)


def opt_boolean(inst: object, attr: Any, value: Any) -> None:
    """``True``, ``False`` or ``None``."""
    if value is not None and value is not True and value is not False:
        raise _refuse(inst, attr, "true, false or null", value)


#: Whole numbers of a field have fewer digits than this (as the JSON reader's number limit): a number
#: of thousands of digits, which Python cannot even print, never gets into an object.
INTEGER_DIGITS = 40
_INTEGER_LIMIT = 10**INTEGER_DIGITS


def integer(inst: object, attr: Any, value: Any) -> None:
    """An ``int`` that is not a ``bool``, of fewer than `INTEGER_DIGITS` digits."""
    if value.__class__ is not int and (not isinstance(value, int) or isinstance(value, bool)):
        raise _refuse(inst, attr, "a whole number", value)
    if not -_INTEGER_LIMIT < value < _INTEGER_LIMIT:
        raise InvalidValue(
            f"expected a whole number of at most {INTEGER_DIGITS} digits",
            field=f"{type(inst).__name__}.{attr.name}",
        )


def opt_integer(inst: object, attr: Any, value: Any) -> None:
    """An ``int`` (not a ``bool``) or ``None``."""
    if value is not None:
        integer(inst, attr, value)


def decimal(inst: object, attr: Any, value: Any) -> None:
    """A finite `Decimal` (never a binary ``float``)."""
    if value.__class__ is not Decimal:
        raise _refuse(inst, attr, "a decimal number (decimal.Decimal)", value)
    if not value.is_finite():
        raise InvalidValue("expected a finite decimal number", field=f"{type(inst).__name__}.{attr.name}")
    if not -INTEGER_DIGITS < value.adjusted() < INTEGER_DIGITS:  # 1E+1000000: int() of it takes minutes
        raise InvalidValue(
            f"expected a decimal number of at most {INTEGER_DIGITS} digits before or after the point",
            field=f"{type(inst).__name__}.{attr.name}",
        )


def opt_decimal(inst: object, attr: Any, value: Any) -> None:
    """A finite `Decimal` or ``None``."""
    if value is not None:
        decimal(inst, attr, value)


def date(inst: object, attr: Any, value: Any) -> None:
    """A `datetime.date` that is not a ``datetime``."""
    if value.__class__ is not dt.date and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise _refuse(inst, attr, "a date (datetime.date)", value)


def opt_date(inst: object, attr: Any, value: Any) -> None:
    """A `datetime.date` or ``None``."""
    if value is not None:
        date(inst, attr, value)


def member(kind: type[enum.Enum], *, optional: bool = False) -> Validator:
    """A member of the enum ``kind`` (or ``None`` when ``optional``)."""
    allowed = f"a {kind.__name__} member" + (" or null" if optional else "")

    def check(inst: object, attr: Any, value: Any) -> None:
        if value.__class__ is not kind and not (optional and value is None):
            raise _refuse(inst, attr, allowed, value)

    test = "({v}.__class__ is {K} or {v} is None)" if optional else "{v}.__class__ is {K}"
    setattr(check, _INLINE, (test, {"K": kind}))
    return check


def instance(kind: type | tuple[type, ...], label: str, *, optional: bool = False) -> Validator:
    """An instance of ``kind`` (a class of the domain), described as ``label`` in the message."""
    expected = label + (" or null" if optional else "")

    def check(inst: object, attr: Any, value: Any) -> None:
        if not isinstance(value, kind) and not (optional and value is None):
            raise _refuse(inst, attr, expected, value)

    test = "(isinstance({v}, {K}) or {v} is None)" if optional else "isinstance({v}, {K})"
    setattr(check, _INLINE, (test, {"K": kind}))
    return check


def items(kind: type | tuple[type, ...], label: str) -> Validator:
    """A tuple whose every item is an instance of ``kind``."""

    def check(inst: object, attr: Any, value: Any) -> None:
        if value.__class__ is not tuple:
            raise _refuse(inst, attr, f"a list of {label}", value)
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise InvalidValue(
                    f"expected {label}, got {json_type(item)}",
                    field=f"{type(inst).__name__}.{attr.name}[{i}]",
                )

    # Sufficient, not necessary: items of exactly the kind(s); a subclass goes to the check itself.
    kinds = frozenset(kind if isinstance(kind, tuple) else (kind,))
    setattr(check, _INLINE, ("({v}.__class__ is tuple and {K}.issuperset(map(type, {v})))", {"K": kinds}))
    setattr(check, _ITEMS, kinds)
    return check


def items_of(validator: Any) -> frozenset[type]:
    """The classes whose instances a validator made by `items` accepts in a tuple; empty for any other.

    A reader that builds the tuple itself from instances of exactly one of these classes
    knows the check would pass (see `duo_domain.serialize.json`).

    Examples:
        >>> items_of(items(int, "numbers")) == frozenset({int}), items_of(text)
        (True, frozenset())
    """
    found: frozenset[type] = getattr(validator, _ITEMS, frozenset())
    return found


def keeps_tuples(*converters: Callable[[Any], Any]) -> None:
    """Mark converters of tuple fields that behave as `as_tuple`.

    That is: a tuple given to them comes back as it is, and a list comes back as ``tuple(list)``.
    A reader that builds the tuple itself may then leave the call out (the JSON readers of
    `duo_domain.serialize.json` and the XML codec). Only for converters that do exactly that.

    Examples:
        >>> def to_tuple(value: Any) -> tuple[Any, ...]:
        ...     return tuple(value)
        >>> keeps_tuples(to_tuple)
        >>> tuple_kept(to_tuple), tuple_kept(as_tuple), tuple_kept(str)
        (True, True, False)
    """
    for converter in converters:
        setattr(converter, _KEEPS, True)


def tuple_kept(converter: Any) -> bool:
    """Whether ``converter`` was marked by `keeps_tuples`."""
    return getattr(converter, _KEEPS, False) is True


def keeps_instances(kind: type, *converters: Callable[[Any], Any]) -> None:
    """Mark converters that give back ``None`` and an instance of ``kind`` unchanged.

    A generated reader may then leave the call out for such a value (see
    `duo_domain.serialize.json`): a field of a [`Bsn`][duo_domain.Bsn] whose reader already
    made the ``Bsn``. Only for converters that return such a value given to them as it is.

    Examples:
        >>> def to_int(value: Any) -> int | None:
        ...     return value if value is None or isinstance(value, int) else int(value)
        >>> keeps_instances(int, to_int)
        >>> instances_kept(to_int), instances_kept(str)
        (<class 'int'>, None)
    """
    for converter in converters:
        setattr(converter, _KEEPS_INSTANCES, kind)


def instances_kept(converter: Any) -> type | None:
    """The class `keeps_instances` marked ``converter`` with, else ``None``."""
    found = getattr(converter, _KEEPS_INSTANCES, None)
    return found if isinstance(found, type) else None


_INLINE = "__duo_domain_inline__"
_ITEMS = "__duo_domain_items__"
_KEEPS = "__duo_domain_keeps_tuples__"
_KEEPS_INSTANCES = "__duo_domain_keeps_instances__"
_OPT = "{v} is None or "
_TEXT = "{v}.__class__ is str or isinstance({v}, str)"
_BOOL = "{v} is True or {v} is False"
_INT = "({v}.__class__ is int and -_IntLimit < {v} < _IntLimit)"
_DEC = "({v}.__class__ is _Decimal and {v}.is_finite() and -_Digits < {v}.adjusted() < _Digits)"
_DATE = "{v}.__class__ is _date"
#: The test of each validator of this module as an expression over ``{v}`` (see `inline_check`).
_TESTS: dict[Any, str] = {
    text: f"({_TEXT})",
    opt_text: f"({_OPT}{_TEXT})",
    boolean: f"({_BOOL})",
    opt_boolean: f"({_OPT}{_BOOL})",
    integer: _INT,
    opt_integer: f"({_OPT}{_INT})",
    decimal: _DEC,
    opt_decimal: f"({_OPT}{_DEC})",
    date: _DATE,
    opt_date: f"({_OPT}{_DATE})",
}
#: The names the expressions of `_TESTS` use besides builtins.
INLINE_NAMES: dict[str, Any] = {
    "_Decimal": Decimal,
    "_date": dt.date,
    "_IntLimit": _INTEGER_LIMIT,
    "_Digits": INTEGER_DIGITS,
}


def inline_check(validator: Any) -> tuple[str, dict[str, Any]] | None:
    """A validator of this module as a Python expression, for readers that generate their code.

    The expression, over the placeholder ``{v}`` (and ``{K}`` for the names it needs, given
    with it), is true only for a value the validator accepts; when it is false the reader
    calls the validator itself, which raises (or, for a value the quick test does not cover
    such as an ``int`` subclass, accepts). So a value read from a document is checked once,
    inline, instead of once by the reader and again by the constructor. The names of
    `INLINE_NAMES` must be in the namespace of the generated code. ``None`` for a validator
    not of this module.

    Examples:
        >>> inline_check(text)
        ('({v}.__class__ is str or isinstance({v}, str))', {})
        >>> inline_check(len) is None
        True
    """
    test = _TESTS.get(validator)
    if test is not None:
        return test, {}
    found: tuple[str, dict[str, Any]] | None = getattr(validator, _INLINE, None)
    return found


def check_lines(attribute: Any, value: str, namespace: dict[str, Any], key: str) -> list[str]:
    """The generated lines (unindented) that run ``attribute``'s validator on the variable ``value``.

    A validator of this module is tested inline first (see `inline_check`) and called only when
    the quick test fails; any other validator is called. The names the lines use are put in
    ``namespace`` under ``key``, which must be unique per attribute in one generated function.

    Examples:
        >>> import attrs
        >>> @attrs.define
        ... class C:
        ...     naam: str = attrs.field(validator=text)
        >>> ns: dict[str, Any] = {}
        >>> check_lines(attrs.fields(C).naam, "v", ns, "naam")
        ['if not (v.__class__ is str or isinstance(v, str)):', '    val_naam(self, a_naam, v)']
    """
    namespace[f"val_{key}"], namespace[f"a_{key}"] = attribute.validator, attribute
    call = f"val_{key}(self, a_{key}, {value})"
    inline = inline_check(attribute.validator)
    if inline is None:
        return [call]
    test, names = inline
    namespace.update({f"{name}_{key}": found for name, found in names.items()})
    expression = test.format(v=value, **{name: f"{name}_{key}" for name in names})
    return [f"if not {expression}:", f"    {call}"]


class KeptDates:
    """The dates a generated reader has read, by their text: parsed once, then looked up.

    A school's records repeat a few hundred dates (the first of August, the end of a school
    year). Only a text that ``parse`` accepted enters; the table holds at most ``size`` dates and
    is emptied when full, never an unbounded cache. The generated readers look up ``days``
    (a plain ``dict``, for the interpreter's fast lookup) and call `read` for a text not in it.

    Examples:
        >>> kept = KeptDates(dt.date.fromisoformat, size=2)
        >>> kept.read("2025-08-01"), "2025-08-01" in kept.days
        (datetime.date(2025, 8, 1), True)
    """

    __slots__ = ("_parse", "days", "size")

    def __init__(self, parse: Callable[[str], dt.date], size: int = 4096) -> None:
        self._parse = parse
        self.days: dict[str, dt.date] = {}
        self.size = size

    def read(self, text: str) -> dt.date:
        """``parse(text)`` of a text not read before; the date is kept for the next time."""
        day = self._parse(text)
        if len(self.days) >= self.size:
            self.days.clear()
        self.days[text] = day
        return day


_TAKES_TEXT: Final = "__duo_domain_takes_text__"


def takes_text(hook: _F) -> _F:
    """Mark a reader's ``hook`` as one that accepts only a string and raises for any other value.

    A reader that checks a value's JSON type itself (a string) may then call the hook on it
    (see `takes_only_text`).

    Examples:
        >>> def upper(value: Any, _: Any) -> str:
        ...     if value.__class__ is not str:
        ...         raise TypeError("expected a string")
        ...     return value.upper()
        >>> takes_only_text(upper), takes_only_text(takes_text(upper))
        (False, True)
    """
    setattr(hook, _TAKES_TEXT, True)
    return hook


def takes_only_text(hook: Any) -> bool:
    """Whether ``hook`` was marked by `takes_text`."""
    return getattr(hook, _TAKES_TEXT, False) is True


def slot_setter(cls: type, name: str) -> Callable[[Any, Any], None] | None:
    """The setter of the slot ``name`` of ``cls``, or ``None`` when the name is not a slot.

    That is the slot's member descriptor's ``__set__``, found in the class's MRO as
    ``object.__setattr__`` finds it: a generated reader binds it once and sets the field of a new
    (frozen) object without the lookup on every call.

    Examples:
        >>> class Point:
        ...     __slots__ = ("x",)
        >>> p = Point()
        >>> slot_setter(Point, "x")(p, 3)
        >>> p.x, slot_setter(Point, "y")
        (3, None)
    """
    for klass in cls.__mro__:
        found = klass.__dict__.get(name)
        if found is not None:
            if isinstance(found, types.MemberDescriptorType):
                setter: Callable[[Any, Any], None] = found.__set__
                return setter
            return None
    return None


def as_tuple(value: Any) -> Any:
    """The converter of a tuple field: a list or tuple becomes a tuple; the rest is left to `items`."""
    if value.__class__ is tuple:
        return value
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value


keeps_tuples(as_tuple)
