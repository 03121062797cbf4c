"""Objects to elements and back, driven by the mapping table (private).

One `_Codec` per domain class, built on first use from
`MAPPINGS`. Writing skips a field
whose value equals the attribute's default (``None``, ``False``, ``()``), so
the element is absent; reading leaves an absent field to the default.

The table is not interpreted per object: on first use each class's writer
and reader are generated as straight-line Python functions (one statement
per field, element names and converters bound as constants) and compiled
once. The mapping table stays the single source of every element name.

Examples:
    >>> import datetime as dt
    >>> from lxml import etree
    >>> from duo_domain.mbo.enrolment import ExtraOndersteuning
    >>> c = codec(ExtraOndersteuning)
    >>> element = c.encode(etree.Element("x"), ExtraOndersteuning(dt.date(2025, 9, 1)))
    >>> [child.text for child in element]
    ['2025-09-01']
    >>> c.decode(element)
    ExtraOndersteuning(datum_begin=datetime.date(2025, 9, 1), datum_einde=None)
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs
from lxml import etree

from duo_domain import _fields
from duo_domain.errors import DocumentProblem, InvalidDocument, mask_numbers
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import OnvolledigeDatum
from duo_domain.serialize.xml._mapping import MAPPINGS, Soort, Typemapping

__all__ = ["ReadProblem", "Templates", "codec", "qname"]

_MISSING = object()


class ReadProblem(Exception):
    """A value the schema accepts but the domain refuses; carries the element for its line."""

    def __init__(self, element: etree._Element, message: str) -> None:
        super().__init__(message)
        self.element = element
        self.message = message


def qname(namespace: str, local: str) -> str:
    """Clark notation ``{namespace}local``."""
    return f"{{{namespace}}}{local}"


def local_name(element: etree._Element) -> str:
    """The local name of ``element``'s tag, read from the text (never re-validated by lxml).

    Examples:
        >>> local_name(etree.Element("{urn:x}student")), local_name(etree.Comment("c"))
        ('student', 'comment')
    """
    tag = element.tag
    if not isinstance(tag, str):
        return "comment" if isinstance(element, etree._Comment) else "instruction"
    return tag.rpartition("}")[2]


def _decimal_text(value: Decimal) -> str:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TypeError(f"expected a finite Decimal, got {value!r}")
    return format(value, "f")


def _datetime_text(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


def _read_bool(text: str) -> bool:
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ValueError(f"{text!r} is not a boolean")


def _read_decimal(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a decimal number") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a decimal number")
    return value


def _read_datetime(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("the moment has no time zone")
    return value.astimezone(dt.UTC)


def _read_text(element: etree._Element) -> str:
    return element.text or ""


_TO_TEXT: Mapping[Soort, Callable[[Any], str]] = {
    Soort.TEXT: str,
    Soort.INT: str,
    Soort.BOOL: _bool_text,
    Soort.DECIMAL: _decimal_text,
    Soort.DATE: dt.date.isoformat,
    Soort.DATETIME_UTC: _datetime_text,
    Soort.UUID: str,
    Soort.BSN: Bsn.unmasked,
    Soort.ONDERWIJSNUMMER: Onderwijsnummer.unmasked,
    Soort.ONVOLLEDIGE_DATUM: str,
}

_FROM_TEXT: Mapping[Soort, Callable[[str], Any]] = {
    Soort.INT: int,
    Soort.BOOL: _read_bool,
    Soort.DECIMAL: _read_decimal,
    Soort.DATE: dt.date.fromisoformat,
    Soort.DATETIME_UTC: _read_datetime,
    Soort.UUID: uuid.UUID,
    Soort.BSN: Bsn,
    Soort.ONDERWIJSNUMMER: Onderwijsnummer,
    Soort.ONVOLLEDIGE_DATUM: OnvolledigeDatum.parse,
}


def _enum_reader(kind: type[enum.Enum]) -> Callable[[str], Any]:
    by_value = {str(m.value): m for m in kind}

    def read(text: str) -> Any:
        try:
            return by_value[text]
        except KeyError:
            raise ValueError(f"{text!r} is not one of {', '.join(sorted(by_value))}") from None

    return read


@attrs.frozen
class _Field:
    attr: str
    default: Any
    herhaald: bool
    # For writing: element name per class for a choice, else one name.
    tags: Mapping[type, str] | str
    # For a choice: the class of each element; for a nested element: its class; else None.
    soort: object
    # The factory of the attribute's default, when it has one (``default`` is then one product).
    factory: Callable[[], Any] | None = None


class _Codec:
    """Writes and reads the element of one domain class.

    The writer and the reader are compiled once per class from the mapping
    table into straight-line Python functions (`encode`,
    `decode`): no table is interpreted per record.
    """

    def __init__(self, mapping: Typemapping) -> None:
        self.cls = mapping.cls
        self.mapping = mapping
        present = {a.name: a for a in attrs.fields(mapping.cls)}
        self.fields: list[_Field] = []
        #: Element name -> (attribute, repeated, how, function): ``how`` is 0 for
        #: text as is, 1 for ``function(stripped text)``, 2 for ``function(element)``.
        self.readers: dict[str, tuple[str, bool, int, Callable[[Any], Any]]] = {}
        #: Element name -> the domain class it holds, for nested elements.
        self.nested: dict[str, type] = {}
        self.repeated: tuple[str, ...] = ()
        ns = mapping.namespace
        repeated: list[str] = []
        for veld in mapping.velden:
            attribute = present.get(veld.attr)
            if attribute is None:
                continue  # the domain class has no such field (yet): nothing to write or read
            default = attribute.default
            factory = None
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    raise TypeError(
                        f"{mapping.cls.__name__}.{veld.attr}: a default taking self is not supported"
                    )
                factory = default.factory
                default = factory()
            elif default is attrs.NOTHING:
                default = _MISSING
            tags: Mapping[type, str] | str
            if isinstance(veld.soort, Mapping):
                tags = {cls: qname(ns, local) for cls, local in veld.soort.items()}
                for cls, tag in tags.items():
                    self.readers[tag] = (veld.attr, veld.herhaald, 2, _nested_reader(cls))
                    self.nested[tag] = cls
            else:
                tags = qname(ns, veld.element)
                how, read_one = _scalar_reader(veld.soort)
                self.readers[tags] = (veld.attr, veld.herhaald, how, read_one)
                if isinstance(veld.soort, type) and veld.soort in MAPPINGS:
                    self.nested[tags] = veld.soort
            if veld.herhaald:
                repeated.append(veld.attr)
            self.fields.append(_Field(veld.attr, default, veld.herhaald, tags, veld.soort, factory))
        self.repeated = tuple(repeated)
        #: Attribute -> the default the reader gives an absent element (one shared
        #: instance where the default is made by a factory and is immutable).
        self.defaults: dict[str, Any] = {f.attr: f.default for f in self.fields if f.default is not _MISSING}
        #: ``decode(element)``: the object ``element`` holds (see :meth:`read`); reads
        #: the children in the XSD's order and leaves anything else to :attr:`decode_any`.
        self.decode: Callable[[etree._Element], Any] = _compile_sequential_reader(self, self._general)

    # The functions a reader rarely or never needs are compiled on first use.

    @functools.cached_property
    def encode(self) -> Callable[[etree._Element, Any], etree._Element]:
        """``encode(element, obj)``: fill ``element`` with the fields of ``obj``."""
        return _compile_writer(self)

    @functools.cached_property
    def flatten(self) -> Callable[[Any, list[str | None], list[int]], None]:
        """``flatten(obj, texts, shape)``: what `encode` would write, as a list (see `_compile_flattener`)."""
        return _compile_flattener(self)

    @functools.cached_property
    def decode_any(self) -> Callable[[etree._Element], Any]:
        """``decode_any(element)``: reads the children in any order and reports every problem."""
        return _compile_reader(self)

    def _general(self, element: etree._Element) -> Any:
        return self.decode_any(element)

    def write_into(self, element: etree._Element, obj: Any) -> etree._Element:
        """Fill ``element`` with the fields of ``obj``.

        Raises:
            InvalidDocument: a text holds a character XML 1.0 cannot carry (a control
                character or NUL), with the path of every such field.
        """
        try:
            return self.encode(element, obj)
        except ValueError:
            problems = [
                DocumentProblem(path, "holds a character XML cannot carry (a control character or NUL)")
                for path in _unwritable_texts(obj, "$")
            ]
            if not problems:
                raise
            raise InvalidDocument(problems, document=f"{type(obj).__name__} for XML") from None

    def read(self, element: etree._Element) -> Any:
        """The object held by ``element`` (already checked against the schema).

        Raises:
            ReadProblem: a value the domain class refuses, or an unknown element.
        """
        return self.decode(element)


class Templates:
    """Builds the elements of one codec's records by copying a tree per shape and setting its texts.

    Building an element with lxml costs a call per child (``SubElement``);
    copying a tree is one call in C. Per shape of record (which elements
    there are, see `_compile_flattener`) a tree is made once by `encode`,
    indented when asked, and each further record of that shape is a copy of
    it with the record's texts set. A record that raises anywhere on the way,
    and any record once ``limit`` shapes are kept, is built by `encode`
    itself, so the element and every error are the same as without
    templates. One instance serves one writer: nothing is shared between
    calls.

    Examples:
        >>> import datetime as dt
        >>> from duo_domain.mbo.enrolment import ExtraOndersteuning
        >>> templates = Templates(codec(ExtraOndersteuning), etree.Element("x"), indent=False)
        >>> [[c.text for c in templates.element(ExtraOndersteuning(dt.date(2025, 9, d)))] for d in (1, 2)]
        [['2025-09-01'], ['2025-09-02']]
    """

    def __init__(self, c: _Codec, blank: etree._Element, *, indent: bool, limit: int = 256) -> None:
        self._flatten = c.flatten
        self._write_into = c.write_into
        self._blank = blank
        self._indent = indent
        self._limit = limit
        self._trees: dict[tuple[int, ...], etree._Element] = {}

    def element(self, obj: Any) -> etree._Element:
        """The element of ``obj`` (a copy of ``blank`` filled), as `encode` and ``etree.indent`` make it.

        Raises:
            InvalidDocument: as `_Codec.write_into`.
        """
        texts: list[str | None] = []
        shape: list[int] = []
        try:
            self._flatten(obj, texts, shape)
        except Exception:  # built the usual way, which raises as it always did
            return self._build(obj)
        key = tuple(shape)
        tree = self._trees.get(key)
        if tree is None:
            element = self._build(obj)
            if len(self._trees) < self._limit and sum(1 for _ in element.iterdescendants()) == len(texts):
                self._trees[key] = element.__copy__()  # type: ignore[attr-defined]
            return element
        filled: etree._Element = tree.__copy__()  # type: ignore[attr-defined]
        try:
            for node, text in zip(filled.iterdescendants(), texts, strict=True):
                if text is not None:
                    node.text = text
        except (ValueError, TypeError):
            return self._build(obj)  # a text XML cannot carry: reported the usual way
        return filled

    def _build(self, obj: Any) -> etree._Element:
        element = self._write_into(self._blank.__copy__(), obj)  # type: ignore[attr-defined]
        if self._indent:
            etree.indent(element, space="  ", level=1)
        return element


def _is_xml_text(text: str) -> bool:
    return all(
        ch in "\t\n\r" or "\x20" <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd" or ch >= "\U00010000"
        for ch in text
    )


def _unwritable_texts(obj: Any, path: str) -> list[str]:
    """The paths of every string in ``obj`` (an attrs object, walked deeply) that XML cannot carry."""
    if isinstance(obj, str):
        return [] if _is_xml_text(obj) else [path]
    if isinstance(obj, (tuple, list)):
        return [p for i, item in enumerate(obj) for p in _unwritable_texts(item, f"{path}[{i}]")]
    if attrs.has(type(obj)):
        found: list[str] = []
        for a in attrs.fields(type(obj)):
            found += _unwritable_texts(getattr(obj, a.name), f"{path}.{a.name}")
        return found
    return []


def _reason(exc: BaseException) -> str:
    return mask_numbers(str(exc)) or type(exc).__name__


def _scalar_reader(soort: object) -> tuple[int, Callable[[Any], Any]]:
    """How a simple element is read: 0 text as is, 1 ``function(stripped text)``, 2 ``function(element)``."""
    if isinstance(soort, Soort):
        if soort is Soort.TEXT:
            return 0, _read_text
        return 1, _FROM_TEXT[soort]
    if isinstance(soort, type) and issubclass(soort, enum.Enum):
        return 1, _enum_reader(soort)
    if isinstance(soort, type) and soort in MAPPINGS:
        return 2, _nested_reader(soort)
    raise TypeError(f"no XML mapping for {soort!r}")


def _enum_text(value: Any) -> str:
    return str(value.value)


def _to_text(soort: object) -> Callable[[Any], str] | None:
    """The function writing a simple value as text; ``None`` for a string written as is."""
    if soort is Soort.TEXT:
        return None
    if isinstance(soort, Soort):
        return _TO_TEXT[soort]
    if isinstance(soort, type) and issubclass(soort, enum.Enum):
        return _enum_text
    raise TypeError(f"no XML mapping for {soort!r}")


def _choice_error(value: Any) -> TypeError:
    return TypeError(f"cannot write a {type(value).__name__} here")


def _unexpected(child: etree._Element) -> ReadProblem:
    return ReadProblem(child, f"unexpected element {local_name(child)!r}")


def _compile(name: str, lines: list[str], env: dict[str, Any]) -> Any:
    """Compile the function ``name`` from ``lines``; every value it uses is bound in ``env``.

    The source holds only identifiers and constants bound in ``env``: the
    attribute names come from the mapping table and are checked to be
    identifiers, element names and defaults are passed as bound values.
    """
    namespace = dict(env)
    exec(compile("\n".join(lines), f"<duo_domain.serialize.xml {name}>", "exec"), namespace)  # noqa: S102
    return namespace[name]


def _attr_name(attr: str) -> str:
    if not attr.isidentifier():
        raise TypeError(f"attribute name {attr!r} is not an identifier")
    return attr


def _field_head(i: int, f: Any, env: dict[str, Any], lines: list[str]) -> tuple[str, str]:
    """The generated lines that take field ``i`` of an object (shared by the writer and the flattener).

    They leave the field out when it is ``None`` or equal to its default, and loop over a repeated
    one. Returns the name of the value and the indent of the lines that write it.
    """
    lines.append(f"    v = obj.{_attr_name(f.attr)}")
    test = "v is not None"
    if f.default is not _MISSING and f.default is not None:
        env[f"D{i}"] = f.default
        test += f" and not (v == D{i})"
    lines.append(f"    if {test}:")
    if not f.herhaald:
        return "v", "        "
    lines.append("        for item in v:")
    return "item", "            "


def _compile_writer(c: _Codec) -> Callable[[etree._Element, Any], etree._Element]:
    """``encode(element, obj)`` for one class: a field equal to its default is left out."""
    env: dict[str, Any] = {"SE": etree.SubElement, "choice_error": _choice_error}
    lines = ["def encode(element, obj):"]
    for i, f in enumerate(c.fields):
        item, indent = _field_head(i, f, env, lines)
        if isinstance(f.tags, Mapping):
            env[f"C{i}"] = {cls: (tag, codec(cls).encode) for cls, tag in f.tags.items()}
            lines += [
                f"{indent}found = C{i}.get(type({item}))",
                f"{indent}if found is None:",
                f"{indent}    raise choice_error({item})",
                f"{indent}found[1](SE(element, found[0]), {item})",
            ]
            continue
        env[f"T{i}"] = f.tags
        if isinstance(f.soort, type) and f.soort in MAPPINGS:
            env[f"W{i}"] = codec(f.soort).encode
            lines.append(f"{indent}W{i}(SE(element, T{i}), {item})")
            continue
        to_text = _to_text(f.soort)
        if to_text is None:
            lines.append(f"{indent}SE(element, T{i}).text = {item}")
        else:
            env[f"F{i}"] = to_text
            lines.append(f"{indent}SE(element, T{i}).text = F{i}({item})")
    lines.append("    return element")
    encode: Callable[[etree._Element, Any], etree._Element] = _compile("encode", lines, env)
    return encode


def _compile_flattener(c: _Codec) -> Callable[[Any, list[str | None], list[int]], None]:
    """``flatten(obj, texts, shape)`` for one class: `encode`'s elements as a list, not a tree.

    For every element `encode` would make, in document order, ``texts`` gets
    its text (``None`` for an element holding elements), and ``shape`` gets
    a number naming the field (and, for a choice, the class) it comes from,
    with ``-1`` after the elements of a nested one. Two objects with the
    same ``shape`` make the same tree but for the texts, so a writer can
    copy a tree made once and only set the texts (see `Templates`). The
    tests and conversions are `encode`'s own.
    """
    env: dict[str, Any] = {"choice_error": _choice_error}
    lines = ["def flatten(obj, texts, shape):"]
    for i, f in enumerate(c.fields):
        item, indent = _field_head(i, f, env, lines)
        if isinstance(f.tags, Mapping):
            env[f"C{i}"] = {cls: (i * 64 + k, codec(cls).flatten) for k, cls in enumerate(f.tags)}
            lines += [
                f"{indent}found = C{i}.get(type({item}))",
                f"{indent}if found is None:",
                f"{indent}    raise choice_error({item})",
                f"{indent}shape.append(found[0])",
                f"{indent}texts.append(None)",
                f"{indent}found[1]({item}, texts, shape)",
                f"{indent}shape.append(-1)",
            ]
            continue
        lines.append(f"{indent}shape.append({i * 64})")
        if isinstance(f.soort, type) and f.soort in MAPPINGS:
            env[f"W{i}"] = codec(f.soort).flatten
            lines += [
                f"{indent}texts.append(None)",
                f"{indent}W{i}({item}, texts, shape)",
                f"{indent}shape.append(-1)",
            ]
            continue
        to_text = _to_text(f.soort)
        if to_text is None:
            lines.append(f"{indent}texts.append({item})")
        else:
            env[f"F{i}"] = to_text
            lines.append(f"{indent}texts.append(F{i}({item}))")
    lines.append("    return None")
    flatten: Callable[[Any, list[str | None], list[int]], None] = _compile("flatten", lines, env)
    return flatten


def _compile_reader(c: _Codec) -> Callable[[etree._Element], Any]:
    """``decode(element)`` for one class, with the error handling of `_Codec.read`."""
    env: dict[str, Any] = {
        "CLS": c.cls,
        "ReadProblem": ReadProblem,
        "reason": _reason,
        "unexpected": _unexpected,
        "STR": str,
    }
    lines = ["def decode(element):"]
    kwargs = ", ".join(f"{_attr_name(name)!r}: []" for name in c.repeated)
    lines.append(f"    kwargs = {{{kwargs}}}")
    lines.append("    for child in element:")
    lines.append("        tag = child.tag")
    keyword = "if"
    for i, (tag, (attr, herhaald, how, read_one)) in enumerate(c.readers.items()):
        env[f"T{i}"] = tag
        env[f"R{i}"] = read_one
        lines.append(f"        {keyword} tag == T{i}:")
        keyword = "elif"
        if how == 0:
            value = "child.text or ''"
            lines.append(f"            value = {value}")
        else:
            lines.append("            try:")
            if how == 1:
                lines.append("                text = child.text")
                lines.append(f"                value = R{i}(text.strip() if text else '')")
            else:
                lines.append(f"                value = R{i}(child)")
            lines += [
                "            except ReadProblem:",
                "                raise",
                "            except (ValueError, TypeError) as exc:",
                "                raise ReadProblem(child, reason(exc)) from None",
            ]
        key = _attr_name(attr)
        if herhaald:
            lines.append(f"            kwargs[{key!r}].append(value)")
        else:
            lines.append(f"            kwargs[{key!r}] = value")
    if keyword == "elif":
        lines.append("        elif isinstance(tag, STR):")
    else:
        lines.append("        if isinstance(tag, STR):")
    lines.append("            raise unexpected(child)")
    lines += [
        "    try:",
        "        return CLS(**kwargs)",
        "    except (ValueError, TypeError) as exc:",
        "        raise ReadProblem(element, reason(exc)) from None",
    ]
    decode: Callable[[etree._Element], Any] = _compile("decode", lines, env)
    return decode


#: Readers that, given text with spaces around it, either refuse it (ValueError or
#: TypeError, ``None`` included) or read the same value as from the stripped text
#: (``int`` ignores the spaces; a BSN or onderwijsnummer is compacted).
_UNPADDED: Final = frozenset({dt.date.fromisoformat, int, Bsn, Onderwijsnummer})


#: The dates the readers have read (as ``date.fromisoformat`` reads them), by their text; a ``date``
#: is immutable, so one instance serves every record.
_KEPT_DATES: Final = _fields.KeptDates(dt.date.fromisoformat)
_DATES: Final = _KEPT_DATES.days
_MAX_DATES: Final = _KEPT_DATES.size


class _End:
    """Stands for the end of an element's children: its ``tag`` matches no element name."""

    tag = None


_END: Final = _End()


def _immutable(value: Any) -> bool:
    """Whether one instance of ``value`` may stand for every object's (hashable, so immutable)."""
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _call_arguments(cls: type, values: Mapping[str, str]) -> str:
    """The arguments of ``cls(...)``: positional in the order of ``__init__``, as long as possible.

    ``values`` maps attribute names to the expressions passed; an attribute
    not in it is left to its default, and the attributes after it are passed
    by keyword (by their ``__init__`` name).
    """
    parts: list[str] = []
    positional = True
    for a in attrs.fields(cls):
        if not a.init:
            continue
        expression = values.get(a.name)
        if expression is None:
            positional = False
            continue
        if positional and not a.kw_only:
            parts.append(expression)
        else:
            positional = False
            parts.append(f"{_attr_name(a.alias or a.name)}={expression}")
    return ", ".join(parts)


def _compile_sequential_reader(
    c: _Codec, general: Callable[[etree._Element], Any]
) -> Callable[[etree._Element], Any]:
    """``decode(element)`` for one class, reading the children in the XSD's order.

    Each field is looked for once, in sequence order, where it must come:
    one comparison per child instead of a search among all names. Anything
    else (children out of order or unknown, a comment, a missing required
    field, a value or a combination the domain class refuses) hands the
    element to ``general``, the reader that accepts any order and reports
    problems; so the result, and every error, are the same as ``general``'s.
    """
    env: dict[str, Any] = {"CLS": c.cls, "END": _END, "general": general}
    lines = [
        "def decode(element):",
        "    children = element.getchildren()",
        "    children.append(END)",
        "    child = children[0]",
        "    tag = child.tag",
        "    at = 0",
    ]
    advance = ["at += 1", "child = children[at]", "tag = child.tag"]
    arguments: dict[str, str] = {}
    init_fields = attrs.fields_dict(c.cls) if attrs.has(c.cls) else {}
    for i, f in enumerate(c.fields):
        tags = list(f.tags.values()) if isinstance(f.tags, Mapping) else [f.tags]
        arguments[_attr_name(f.attr)] = f"a{i}"
        indent = "    "
        converter = getattr(init_fields.get(f.attr), "converter", None)
        if f.herhaald and len(tags) == 1 and _is_as_tuple(converter):
            # No list for a field without elements: as_tuple makes () of () as of [].
            lines += [f"    if tag == T{i}_0:", f"        a{i} = []", "    else:", f"        a{i} = ()"]
        elif f.herhaald:
            lines.append(f"    a{i} = []")
        for k, tag in enumerate(tags):
            _, _, how, read_one = c.readers[tag]
            env[f"T{i}_{k}"] = tag
            env[f"R{i}_{k}"] = read_one
            if f.herhaald:
                lines.append(f"    while tag == T{i}_{k}:")
            else:
                lines.append(f"    {'if' if k == 0 else 'elif'} tag == T{i}_{k}:")
            indent = "        "
            target = "value" if f.herhaald else f"a{i}"
            if how == 0:
                lines.append(f"{indent}{target} = child.text or ''")
            elif how == 1 and read_one == dt.date.fromisoformat:  # a bound method: equal, not the same
                # A date read before is looked up (see _DATES); padded text is refused or read
                # as the stripped text, as for the other readers of _UNPADDED.
                env["DATES_get"], env["read_date"] = _DATES.get, _KEPT_DATES.read
                lines += [
                    f"{indent}{target} = DATES_get(child.text)",
                    f"{indent}if {target} is None:",
                    f"{indent}    try:",
                    f"{indent}        {target} = read_date(child.text)",
                    f"{indent}    except (ValueError, TypeError):",
                    f"{indent}        return general(element)",
                ]
            elif how == 1 and read_one in _UNPADDED:
                # Refuses text with spaces around it, or reads it as the stripped text:
                # no strip needed here (the general reader strips).
                lines += [
                    f"{indent}try:",
                    *_value_lines(
                        read_one,
                        f"R{i}_{k}",
                        target=target,
                        text="child.text",
                        env=env,
                        indent=f"{indent}    ",
                    ),
                    f"{indent}except (ValueError, TypeError):",
                    f"{indent}    return general(element)",
                ]
            elif how == 1:
                lines += [
                    f"{indent}text = child.text",
                    f"{indent}try:",
                    f"{indent}    {target} = R{i}_{k}(text.strip() if text else '')",
                    f"{indent}except (ValueError, TypeError):",
                    f"{indent}    return general(element)",
                ]
            else:
                lines.append(f"{indent}{target} = R{i}_{k}(child)")
            if f.herhaald:
                lines.append(f"{indent}a{i}.append(value)")
            lines += [f"{indent}{step}" for step in advance]
        if f.herhaald:
            continue
        lines.append("    else:")
        if f.factory is not None and not _immutable(f.default):
            env[f"F{i}"] = f.factory
            lines.append(f"        a{i} = F{i}()")
        elif f.default is _MISSING:
            lines.append("        return general(element)")
        else:
            env[f"D{i}"] = f.default
            lines.append(f"        a{i} = D{i}")
    lines += ["    if child is not END:", "        return general(element)", "    try:"]
    construction = _construction(c, arguments, env)
    if construction is None:
        lines.append(f"        return CLS({_call_arguments(c.cls, arguments)})")
    else:
        lines += construction
    lines += ["    except (ValueError, TypeError):", "        return general(element)"]
    decode: Callable[[etree._Element], Any] = _compile("decode", lines, env)
    return decode


#: The checks of `duo_domain._fields` that a value read as each kind always passes: the
#: reader of the kind returns exactly that type (``str``, ``bool``, a ``datetime.date``),
#: so the constructor's check of it can be left out. Not so for ``int`` and ``Decimal``:
#: their checks also bound the number of digits, which the reader does not, so they run.
_PROVEN: Final[Mapping[object, frozenset[Any]]] = {
    Soort.TEXT: frozenset({_fields.text, _fields.opt_text}),
    Soort.INT: frozenset(),
    Soort.BOOL: frozenset({_fields.boolean, _fields.opt_boolean}),
    Soort.DECIMAL: frozenset(),
    Soort.DATE: frozenset({_fields.date, _fields.opt_date}),
}


def _can_construct(cls: type) -> bool:
    """Whether the generated construction builds ``cls`` exactly as its ``__init__`` does.

    A frozen attrs class whose ``__init__`` and ``__new__`` are attrs' and Python's own,
    every field set by ``__init__``, no cached hash and no converter taking the instance.
    Anything else is built by calling the class.
    """
    init = getattr(cls, "__init__", None)
    code = getattr(init, "__code__", None)
    return (
        attrs.has(cls)
        and code is not None
        and code.co_filename.startswith("<attrs generated")
        and cls.__new__ is object.__new__
        and getattr(cls.__setattr__, "__name__", "") == "_frozen_setattrs"
        and "_attrs_cached_hash" not in getattr(cls, "__slots__", ())
        and all(
            a.init
            and not isinstance(a.converter, attrs.Converter)
            and not (isinstance(a.default, attrs.Factory) and a.default.takes_self)  # type: ignore[arg-type]
            for a in attrs.fields(cls)
        )
    )


class _Probe:
    """Stands for the instance in a validator called once, at generation time."""


def _accepts(validator: Any, attribute: Any, value: Any) -> bool:
    """Whether ``validator`` (a check of `duo_domain._fields`, without side effects) accepts ``value``."""
    try:
        validator(_Probe(), attribute, value)
    except (ValueError, TypeError):
        return False
    return True


def _closure(function: Any, factory: Callable[..., Any]) -> dict[str, Any] | None:
    """The variables ``function`` closes over, when ``factory`` made it (the same code); else ``None``."""
    made = factory(object, "an object")
    code = getattr(function, "__code__", None)
    if code is not made.__code__ or function.__closure__ is None:
        return None
    return {
        name: cell.cell_contents for name, cell in zip(code.co_freevars, function.__closure__, strict=True)
    }


def _is_as_tuple(converter: Any) -> bool:
    """Whether ``converter`` behaves as `duo_domain._fields.as_tuple`, as `keeps_tuples` marks.

    On a list such a converter gives ``tuple(list)``, which the generated reader then builds itself.

    Examples:
        >>> from duo_domain.mbo.record import MboStudentRecord
        >>> _is_as_tuple(attrs.fields(MboStudentRecord).inschrijvingen.converter), _is_as_tuple(tuple)
        (True, False)
    """
    return _fields.tuple_kept(converter)


def _plain_class(cls: type) -> bool:
    """Whether calling ``cls`` (or ``object.__new__(cls)``) always makes an instance of exactly ``cls``."""
    return type(cls) is type and getattr(cls, "__new__", None) is object.__new__


def _nested_proven(field: _Field, attribute: Any) -> bool:
    """Whether the check of ``attribute`` passes whatever the nested element(s) of ``field`` hold.

    A nested element is read by its class's ``decode``, which returns an instance of
    exactly that class or raises. So `duo_domain._fields.instance` passes when every
    class the field may hold is a subclass of its kind (and the default given for an
    absent element passes too), and `duo_domain._fields.items` passes on the tuple
    ``as_tuple`` makes of the list of a repeated field when every such class is. The
    check is then left out.
    """
    if isinstance(field.soort, Mapping):
        classes = list(field.soort)
    elif isinstance(field.soort, type) and field.soort in MAPPINGS:
        classes = [field.soort]
    else:
        return False
    if not all(_plain_class(cls) for cls in classes):
        return False
    if field.herhaald:
        found = _closure(attribute.validator, _fields.items)
        usable = _is_as_tuple(attribute.converter)
    else:
        found = _closure(attribute.validator, _fields.instance)
        usable = attribute.converter is None and (
            field.default is _MISSING or _accepts(attribute.validator, attribute, field.default)
        )
    kind = found.get("kind") if found is not None else None
    if not usable or not isinstance(kind, (type, tuple)):
        return False
    return all(issubclass(cls, kind) for cls in classes)


def _setter(cls: type, name: str, env: dict[str, Any]) -> str:
    """The line that sets field ``name`` of the new ``self`` to ``v_<name>`` as ``object.__setattr__`` does.

    For a slot, its member descriptor's ``__set__`` (bound in ``env``): what ``object.__setattr__``
    calls after finding that descriptor in the class's MRO, without the lookup on every call.
    """
    found = _fields.slot_setter(cls, name)
    if found is None:
        return f"SET(self, {name!r}, v_{name})"
    env[f"S_{name}"] = found
    return f"S_{name}(self, v_{name})"


def _value_lines(
    read_one: Any, name: str, *, target: str, text: str, env: dict[str, Any], indent: str
) -> list[str]:
    """The lines ``target = name(text)``, with ``name`` bound to ``read_one`` in ``env``.

    When ``read_one`` is a value class of one field (a `Bsn`, an `Onderwijsnummer`: frozen,
    slotted, a converter and nothing else), the lines are what its ``__init__`` does: a new
    instance, its one field converted and set. Errors are the converter's, as from ``__init__``.
    """
    env[name] = read_one
    fields: Any = attrs.fields(read_one) if isinstance(read_one, type) and attrs.has(read_one) else ()
    if (
        len(fields) != 1
        or not _can_construct(read_one)
        or fields[0].validator is not None
        or fields[0].converter is None
        or hasattr(read_one, "__attrs_pre_init__")
        or hasattr(read_one, "__attrs_post_init__")
    ):
        return [f"{indent}{target} = {name}({text})"]
    probe: dict[str, Any] = {}
    setter = _setter(read_one, fields[0].name, probe)
    if not setter.startswith("S_"):
        return [f"{indent}{target} = {name}({text})"]
    env[f"{name}_set"] = probe[setter.partition("(")[0]]
    env[f"{name}_convert"] = fields[0].converter
    env["NEW"] = object.__new__
    return [f"{indent}{target} = NEW({name})", f"{indent}{name}_set({target}, {name}_convert({text}))"]


def _construction(c: _Codec, arguments: Mapping[str, str], env: dict[str, Any]) -> list[str] | None:
    """The lines building ``c.cls`` from the read values as its ``__init__`` does, each value checked once.

    What attrs' generated ``__init__`` does, written out in the reader: a new
    instance, each field converted and set in order (a field the mapping
    table does not carry gets its default, as from ``__init__``), then each
    field's validator, then ``__attrs_post_init__``. A check of
    `duo_domain._fields` is left out where the reader's kind proves it (a
    date read by ``date.fromisoformat`` is a date; see `_PROVEN`) and its
    default passes it; any other check of that module runs inline as a test
    (see `duo_domain._fields.inline_check`) that calls the validator only
    when it fails, so the error is the validator's own; any other validator
    is called as ``__init__`` calls it. ``None`` when the class must be
    built by calling it (see `_can_construct`).
    """
    cls = c.cls
    if not _can_construct(cls):
        return None
    by_attr = {f.attr: f for f in c.fields}
    env.update({"NEW": object.__new__, "SET": object.__setattr__, "TUPLE": tuple, **_fields.INLINE_NAMES})
    lines = ["        self = NEW(CLS)"]
    if hasattr(cls, "__attrs_pre_init__"):
        lines.append("        self.__attrs_pre_init__()")
    checks: list[str] = []
    for a in attrs.fields(cls):
        name = _attr_name(a.name)
        value = arguments.get(name)
        if value is None:  # not in the mapping table: the default of __init__
            if a.default is attrs.NOTHING:
                return None
            env[f"AD_{name}"] = a.default
            value = f"AD_{name}.factory()" if isinstance(a.default, attrs.Factory) else f"AD_{name}"  # type: ignore[arg-type]
        field = by_attr.get(a.name)
        if field is not None and field.herhaald and _is_as_tuple(a.converter):
            value = f"TUPLE({value})"  # what as_tuple makes of the list the reader built
        elif a.converter is not None:
            env[f"CV_{name}"] = a.converter
            value = f"CV_{name}({value})"
        lines += [f"        v_{name} = {value}", f"        {_setter(cls, name, env)}"]
        if a.validator is None:
            continue
        if (
            field is not None
            and a.converter is None
            and isinstance(field.soort, Soort)
            and a.validator in _PROVEN.get(field.soort, ())
            and (field.default is _MISSING or _accepts(a.validator, a, field.default))
        ):
            continue  # the reader's kind proves it
        if field is not None and _nested_proven(field, a):
            continue  # the nested readers make instances of the classes the check asks for
        checks += [f"        {line}" for line in _fields.check_lines(a, f"v_{name}", env, name)]
    lines += checks
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("        self.__attrs_post_init__()")
    lines.append("        return self")
    return lines


def _nested_reader(cls: type) -> Callable[[etree._Element], Any]:
    return codec(cls).decode


@functools.cache
def codec(cls: type) -> _Codec:
    """The codec of domain class ``cls``.

    Raises:
        TypeError: when ``cls`` has no XML mapping.
    """
    mapping = MAPPINGS.get(cls)
    if mapping is None:
        raise TypeError(f"{cls.__name__} has no XML mapping")
    return _Codec(mapping)
