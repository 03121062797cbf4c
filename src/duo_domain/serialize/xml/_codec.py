"""Objects to elements and back, driven by the mapping table (private).

One :class:`_Codec` per domain class, built on first use from
:data:`~duo_domain.serialize.xml._mapping.MAPPINGS`. Writing skips a field
whose value equals the attribute's default (``None``, ``False``, ``()``), so
the element is absent; reading leaves an absent field to the default.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
from lxml import etree

from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import OnvolledigeDatum
from duo_domain.serialize.xml._hardened import mask_numbers
from duo_domain.serialize.xml._mapping import MAPPINGS, Soort, Typemapping

__all__ = ["ReadProblem", "codec", "qname"]

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
    write_one: Callable[[etree._Element, str, Any], None]


class _Codec:
    """Writes and reads the element of one domain class."""

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
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            elif default is attrs.NOTHING:
                default = _MISSING
            tags: Mapping[type, str] | str
            if isinstance(veld.soort, Mapping):
                tags = {cls: qname(ns, local) for cls, local in veld.soort.items()}
                write_one = self._choice_writer(tags)
                for cls, tag in tags.items():
                    self.readers[tag] = (veld.attr, veld.herhaald, 2, _nested_reader(cls))
                    self.nested[tag] = cls
            else:
                tags = qname(ns, veld.element)
                write_one, how, read_one = _scalar_codec(veld.soort)
                self.readers[tags] = (veld.attr, veld.herhaald, how, read_one)
                if isinstance(veld.soort, type) and veld.soort in MAPPINGS:
                    self.nested[tags] = veld.soort
            if veld.herhaald:
                repeated.append(veld.attr)
            self.fields.append(_Field(veld.attr, default, veld.herhaald, tags, write_one))
        self.repeated = tuple(repeated)

    @staticmethod
    def _choice_writer(tags: Mapping[type, str]) -> Callable[[etree._Element, str, Any], None]:
        def write(parent: etree._Element, _tag: str, value: Any) -> None:
            tag = tags.get(type(value))
            if tag is None:
                raise TypeError(f"cannot write a {type(value).__name__} here")
            kind: type = type(value)
            codec(kind).write_into(etree.SubElement(parent, tag), value)

        return write

    def write_into(self, element: etree._Element, obj: Any) -> etree._Element:
        """Fill ``element`` with the fields of ``obj``."""
        for f in self.fields:
            value = getattr(obj, f.attr)
            if value is None or (f.default is not _MISSING and value == f.default):
                continue
            tag = f.tags if isinstance(f.tags, str) else ""
            if f.herhaald:
                for item in value:
                    f.write_one(element, tag, item)
            else:
                f.write_one(element, tag, value)
        return element

    def read(self, element: etree._Element) -> Any:
        """The object held by ``element`` (already checked against the schema).

        Raises:
            ReadProblem: a value the domain class refuses, or an unknown element.
        """
        kwargs: dict[str, Any] = {name: [] for name in self.repeated}
        readers = self.readers
        for child in element:
            entry = readers.get(child.tag)  # type: ignore[arg-type]
            if entry is None:
                if not isinstance(child.tag, str):
                    continue  # comments and processing instructions
                raise ReadProblem(child, f"unexpected element {etree.QName(child).localname!r}")
            attr, herhaald, how, read_one = entry
            try:
                if how == 0:
                    value = child.text or ""
                elif how == 1:
                    text = child.text
                    value = read_one(text.strip() if text else "")
                else:
                    value = read_one(child)
            except ReadProblem:
                raise
            except (ValueError, TypeError) as exc:
                raise ReadProblem(child, _reason(exc)) from None
            if herhaald:
                kwargs[attr].append(value)
            else:
                kwargs[attr] = value
        try:
            return self.cls(**kwargs)
        except (ValueError, TypeError) as exc:
            raise ReadProblem(element, _reason(exc)) from None


def _reason(exc: BaseException) -> str:
    return mask_numbers(str(exc)) or type(exc).__name__


def _scalar_codec(
    soort: object,
) -> tuple[Callable[[etree._Element, str, Any], None], int, Callable[[Any], Any]]:
    if isinstance(soort, Soort):
        to_text = _TO_TEXT[soort]
        if soort is Soort.TEXT:

            def write_text(parent: etree._Element, tag: str, value: Any) -> None:
                etree.SubElement(parent, tag).text = value

            return write_text, 0, _read_text
        from_text = _FROM_TEXT[soort]

        def write_scalar(parent: etree._Element, tag: str, value: Any) -> None:
            etree.SubElement(parent, tag).text = to_text(value)

        return write_scalar, 1, from_text
    if isinstance(soort, type) and issubclass(soort, enum.Enum):
        enum_from_text = _enum_reader(soort)

        def write_enum(parent: etree._Element, tag: str, value: Any) -> None:
            etree.SubElement(parent, tag).text = str(value.value)

        return write_enum, 1, enum_from_text
    if isinstance(soort, type) and soort in MAPPINGS:
        cls = soort

        def write_nested(parent: etree._Element, tag: str, value: Any) -> None:
            codec(cls).write_into(etree.SubElement(parent, tag), value)

        return write_nested, 2, _nested_reader(cls)
    raise TypeError(f"no XML mapping for {soort!r}")


def _nested_reader(cls: type) -> Callable[[etree._Element], Any]:
    return codec(cls).read


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
