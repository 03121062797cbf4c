"""Typed reading of a JSON document in one pass of msgspec, for the fast readers (private).

For an attrs class that the fast converter builds with a generated reader (see
`duo_domain.serialize.json`), `TypedReaders` makes two things:

* a *mirror*: a msgspec ``Struct`` with the class's keys, unknown keys refused, whose plain
  values are typed as the reading policy reads them (a string, ``true``/``false``, a whole
  number, a ``YYYY-MM-DD`` date, each possibly ``null``), whose values read by a hook that takes
  only a string are strings, whose nested classes and tuples of classes are their own mirrors,
  and whose every other value is kept as its raw JSON;
* a generated function that builds the domain object from the mirror as the generated reader
  builds it from the parsed ``dict``: the same hooks on the same values, the same defaults,
  converters and checks, where a check is left out only when the mirror's type proves it.

msgspec checks the document's shape and its plain values in C, in the pass that parses it. A raw
value is parsed by [`parse_json`][duo_domain.serialize.reading.parse_json] under the depth the
whole document leaves it, and read by its field's hook, as before. The typed reader is a gate,
never a second policy: what it reads, the usual way reads to an equal object, and a document it
does not read (anything msgspec refuses, a lone surrogate escape, a check that fails) is read the
usual way, which reads it or says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from types import NoneType
from typing import Annotated, Any, Final, NamedTuple

import attrs
import msgspec

from duo_domain import _fields as fields_mod
from duo_domain._json import MAX_DEPTH, MAX_DOCUMENT_BYTES, parse_json

__all__ = ["GeneratedParts", "TypedReaders"]


#: Whole numbers within int64: inside what the reading policy reads (a number of at most 40
#: characters) and what a field's check takes (fewer than 40 digits).
_WHOLE = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]

#: The plain types a mirror reads as they are (a field read by the passthrough hook): the mirror's
#: type, the checks of `duo_domain._fields` it proves for any value msgspec gives for it, and
#: whether it takes null.
_PLAIN: Final[dict[Any, tuple[Any, frozenset[Any], bool]]] = {
    str: (str, frozenset({fields_mod.text, fields_mod.opt_text}), False),
    str | None: (str | None, frozenset({fields_mod.opt_text}), True),
    bool: (bool, frozenset({fields_mod.boolean, fields_mod.opt_boolean}), False),
    bool | None: (bool | None, frozenset({fields_mod.opt_boolean}), True),
    int: (_WHOLE, frozenset({fields_mod.integer, fields_mod.opt_integer}), False),
    int | None: (_WHOLE | None, frozenset({fields_mod.opt_integer}), True),
}
_DATE_CHECKS: Final = frozenset({fields_mod.date, fields_mod.opt_date})
#: The checks that take ``None``: what a default of ``None`` passes.
_TAKE_NONE: Final = frozenset(
    {fields_mod.opt_text, fields_mod.opt_boolean, fields_mod.opt_integer, fields_mod.opt_date}
)


class GeneratedParts(NamedTuple):
    """What the typed readers share with the generated readers of `duo_domain.serialize.json`."""

    #: Whether a hook is a generated reader (it builds exactly its class, or raises).
    generated: Callable[[Any], bool]
    #: The items' hook when a generated reader builds field ``a``'s tuple itself, else ``None``.
    built_tuple: Callable[[Any, attrs.Attribute[Any]], Any]
    #: The expression of field ``a``'s default (its names put in the namespace).
    default_expression: Callable[[attrs.Attribute[Any], dict[str, Any]], str]
    #: The lines that build the object from ``v_<field>`` (class, namespace, built, proven).
    building_lines: Callable[[type, dict[str, Any], set[str], set[str]], list[str]]
    #: The hooks of a plain value, a date, and a date or ``None``.
    passthrough: Any
    read_date: Any
    optional_date: Any
    #: The attribute that marks the hook of ``X | None`` with ``(hook of X, X)``.
    optional_of: str


def _simple_optional(kind: Any) -> Any:
    """``X`` of ``X | None``, or ``None`` when ``kind`` is not such a type."""
    args = typing.get_args(kind)
    if typing.get_origin(kind) in (typing.Union, types.UnionType) and len(args) == 2 and NoneType in args:
        return args[0] if args[1] is NoneType else args[1]
    return None


def _piece(raw: msgspec.Raw, max_depth: int) -> Any:
    """The plain data of a raw value as `parse_json` reads it, with ``max_depth`` levels left."""
    return parse_json(bytes(raw), max_depth=max_depth)


class _Field(NamedTuple):
    kind: Any  # the mirror's type
    expression: str  # the value from the mirror's value ``x``
    built: bool = False  # a tuple built from its items' builders: not converted, not checked
    proven: bool = False  # the mirror's type proves the check of a value given in the document
    keeps_none: bool = False  # the mirror's type takes null, and the expression gives None for it


class TypedReaders:
    """The typed readers of one fast converter: a mirror and a builder per class and depth.

    ``depth`` is the depth of the class's objects in a document as `parse_json` counts it
    (the top object is 1): a raw value in them is parsed with the levels the document leaves it.
    """

    def __init__(self, conv: Any, parts: GeneratedParts) -> None:
        self._conv = conv
        self._parts = parts
        self._made: dict[tuple[type, int], tuple[type, Callable[[Any], Any]] | None] = {}

    def reader(self, cls: type, depth: int) -> Callable[[Any], Any] | None:
        """A reader of a document that is one ``cls`` object at ``depth``: the object, or ``None`` (not read).

        ``None`` instead of a reader for a class the generated readers do not build.
        """
        found = self._mirror(cls, depth)
        if found is None:
            return None
        decode: Callable[[Any], Any] = msgspec.json.Decoder(found[0]).decode
        build = found[1]

        def read(text: Any) -> Any:
            # msgspec refuses a lone surrogate escape (tests hold it), so no text with one is read
            # here: the usual way names it with its path.
            try:
                if len(text) > MAX_DOCUMENT_BYTES:
                    return None
                return build(decode(text))
            except Exception:  # read the usual way, which reads it or says what is wrong
                return None

        return read

    def _mirror(self, cls: type, depth: int) -> tuple[type, Callable[[Any], Any]] | None:
        key = (cls, depth)
        if key not in self._made:
            self._made[key] = None  # a class that holds itself is read the usual way
            hook = self._conv.get_structure_hook(cls)
            if isinstance(cls, type) and attrs.has(cls) and self._parts.generated(hook):
                self._made[key] = self._make(cls, depth)
        return self._made[key]

    def _nested(self, kind: Any, depth: int, ns: dict[str, Any], name: str) -> type | None:
        """The mirror of a nested class read by its generated reader (its builder put in ``ns``)."""
        if not (isinstance(kind, type) and attrs.has(kind)):
            return None
        found = self._mirror(kind, depth)
        if found is None:
            return None
        ns[f"b_{name}"] = found[1]
        return found[0]

    def _field(self, a: attrs.Attribute[Any], ns: dict[str, Any], depth: int) -> _Field:
        name, parts = a.name, self._parts
        if parts.built_tuple(self._conv, a) is not None:
            item = self._nested(typing.get_args(a.type)[0], depth + 2, ns, name)
            if item is not None:
                return _Field(tuple[item, ...], f"tuple(map(b_{name}, x))", built=True)  # type: ignore[valid-type]
        hook = self._conv.get_structure_hook(a.type)
        plain = _PLAIN.get(a.type)
        if hook is parts.passthrough and plain is not None:
            return _Field(plain[0], "x", proven=a.validator in plain[1], keeps_none=plain[2])
        if hook is parts.read_date and a.type is dt.date:
            return _Field(dt.date, "x", proven=a.validator in _DATE_CHECKS)
        if hook is parts.optional_date and _simple_optional(a.type) is dt.date:
            return _Field(dt.date | None, "x", proven=a.validator is fields_mod.opt_date, keeps_none=True)
        nested = self._nested(a.type, depth + 1, ns, name)
        if nested is not None:
            return _Field(nested, f"b_{name}(x)")
        optional = getattr(hook, parts.optional_of, None)
        if optional is not None:
            fn, item = optional
            own = fn is self._conv.get_structure_hook(item)  # the item's class hook: its builder does that
            nested = self._nested(item, depth + 1, ns, name) if own else None
            if nested is not None:
                return _Field(nested | None, f"(None if x is None else b_{name}(x))", keeps_none=True)
            if fields_mod.takes_only_text(fn):
                ns[f"h_{name}"], ns[f"t_{name}"] = fn, item
                return _Field(str | None, f"(None if x is None else h_{name}(x, t_{name}))", keeps_none=True)
        ns[f"h_{name}"], ns[f"t_{name}"] = hook, a.type
        if fields_mod.takes_only_text(hook):
            return _Field(str, f"h_{name}(x, t_{name})")
        # Any other value: its raw JSON, parsed with the levels left at this depth, then its hook.
        ns["piece"], ns[f"depth_{name}"] = _piece, MAX_DEPTH - depth
        return _Field(msgspec.Raw, f"h_{name}(piece(x, depth_{name}), t_{name})")

    def _read(
        self, a: attrs.Attribute[Any], field: _Field, ns: dict[str, Any]
    ) -> tuple[tuple[Any, ...], list[str], bool]:
        """The mirror's entry of field ``a``, the lines that set ``v_<name>``, whether its check is proven."""
        name = a.name
        read = [f"    x = m.{name}", f"    v_{name} = {field.expression}"]
        if field.expression == "x":
            read = [f"    v_{name} = m.{name}"]
        if a.default is attrs.NOTHING:
            return (name, field.kind), read, field.proven
        if a.default is None and field.keeps_none:
            # Absent and null give the same value, the default: the mirror's default is the field's.
            return (name, field.kind, None), read, field.proven and a.validator in _TAKE_NONE
        if field.built and a.default.__class__ is tuple and not a.default:  # absent and empty: ()
            read = [f"    x = m.{name}", f"    v_{name} = {field.expression} if x else ()"]
            return (name, field.kind, ()), read, False
        # Absent: the field's default, as the generated reader gives it.
        read = [
            f"    x = m.{name}",
            "    if x is UNSET:",
            f"        v_{name} = {self._parts.default_expression(a, ns)}",
            "    else:",
            f"        v_{name} = {field.expression}",
        ]
        return (name, field.kind | msgspec.UnsetType, msgspec.UNSET), read, False

    def _make(self, cls: type, depth: int) -> tuple[type, Callable[[Any], Any]]:
        attrs.resolve_types(cls)
        ns: dict[str, Any] = {
            "cls": cls,
            "new": object.__new__,
            "setattr": object.__setattr__,
            "UNSET": msgspec.UNSET,
            **fields_mod.INLINE_NAMES,
        }
        spec: list[tuple[Any, ...]] = []
        lines = ["def build(m):"]
        built: set[str] = set()
        proven: set[str] = set()
        for a in attrs.fields(cls):
            field = self._field(a, ns, depth)
            if field.built:
                built.add(a.name)
            entry, read, proves = self._read(a, field, ns)
            spec.append(entry)
            lines += read
            if proves and a.converter is None:
                proven.add(a.name)
        lines += self._parts.building_lines(cls, ns, built, proven)
        source = "\n".join(lines)
        exec(compile(source, f"<duo_domain typed reader of {cls.__qualname__}>", "exec"), ns)  # noqa: S102 - generated from field names only
        mirror = msgspec.defstruct(
            f"Mirror{cls.__name__}", spec, kw_only=True, forbid_unknown_fields=True, gc=False, module=__name__
        )
        ns["Mirror"] = mirror
        build: Callable[[Any], Any] = ns["build"]
        return mirror, build
