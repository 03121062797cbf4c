"""Writing and reading whole XML messages, and single objects as XML elements.

A message is a header and one or more records ([`Bericht`][duo_domain.serialize.xml.header.Bericht]). Writing
checks the result against the message's XSD and raises
[`InvalidDocument`][duo_domain.errors.InvalidDocument] when it does not conform, so
every message the library hands out is valid. Reading parses safely
([`parse_bytes`][duo_domain.serialize.xml.parse_bytes]), validates against the XSD
and turns every violation into a finding with its line
([`read_message`][duo_domain.serialize.xml.messages.read_message]), or raises
([`loads_message`][duo_domain.serialize.xml.messages.loads_message]).

Examples:
    >>> import datetime as dt, uuid
    >>> from duo_domain.identity.student import Persoonsgegevens, Student, OnvolledigeDatum
    >>> from duo_domain.serialize.xml import Bedrijfsdocument, Bericht, dumps_message, read_message
    >>> moment = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    >>> kop = Bedrijfsdocument(uuid.UUID(int=1), "25LX", "DUO", moment)
    >>> persoon = Student(persoonsgegevens=Persoonsgegevens(geslachtsnaam="Jansen",
    ...     geboortedatum=OnvolledigeDatum(2008, 5)), studentnummer="S1")
    >>> data = dumps_message(Bericht("identificerenPersoon", kop, [persoon]))
    >>> print(data.decode()[:80])
    <?xml version='1.0' encoding='UTF-8'?>
    <per:identificerenPers...
    >>> bericht, findings = read_message(data)
    >>> bericht.inhoud[0] == persoon, findings
    (True, [])
    >>> _, findings = read_message(data.replace(b"2008-05-00", b"2008-5"))
    >>> print(findings[0])
    AFKEUR XML.BERICHT.SCHEMA: line 10: Element 'per:geboortedatum': ... @ $[0].persoonsgegevens.geboortedatum
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs
from lxml import etree

from duo_domain import _fields as f
from duo_domain.errors import DocumentProblem, InvalidDocument, mask_numbers
from duo_domain.rules import Finding, Severity
from duo_domain.serialize.xml import rules as _rules
from duo_domain.serialize.xml._codec import ReadProblem, codec, local_name, qname
from duo_domain.serialize.xml._hardened import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    parse_bytes,
)
from duo_domain.serialize.xml._mapping import (
    BERICHTEN,
    ELEMENTEN,
    MAPPINGS,
    NAMESPACES,
    NS_BASIS,
    XSD_VAN_NAMESPACE,
    Berichtmapping,
)
from duo_domain.serialize.xml._schemas import schema
from duo_domain.serialize.xml.header import Bedrijfsdocument, Bericht

__all__ = [
    "BERICHTSOORTEN",
    "dumps",
    "dumps_message",
    "loads",
    "loads_message",
    "read_message",
    "records_of",
]

#: Every message kind (the local name of its root element) with one line on what it carries.
BERICHTSOORTEN: Final = {naam: b.omschrijving for naam, b in BERICHTEN.items()}

_DOCUMENT = "XML message"
_NSMAP: Final = dict(NAMESPACES)
_PREFIX: Final = {ns: prefix for prefix, ns in NAMESPACES.items()}
_CLARK = re.compile(r"\{([^}]*)\}")
_ELEMENT_IN_MESSAGE = re.compile(r"Element '\{([^}]*)\}([^']+)'")
_KOP_TAG: Final = qname(NS_BASIS, "identificatiecodeBedrijfsdocument")
#: Tags in the basis namespace start so (tags are compared as text: a parsed tag may
#: be one lxml would refuse to build, such as one with a brace in its namespace).
_BASIS_PREFIX: Final = qname(NS_BASIS, "")
_MESSAGE_BY_ROOT: Final = {qname(b.namespace, b.naam): b for b in BERICHTEN.values()}
_CLASS_BY_ELEMENT: Final = {qname(ns, local): cls for cls, (ns, local) in ELEMENTEN.items()}
_RULE_SOURCE: Final = _rules.SCHEMA  # import keeps the rules registered


# -- writing ------------------------------------------------------------------------------


def _berichtmapping(soort: str) -> Berichtmapping:
    mapping = BERICHTEN.get(soort)
    if mapping is None:
        raise InvalidDocument(
            [DocumentProblem("$", f"unknown message kind {soort!r}; known: {', '.join(sorted(BERICHTEN))}")],
            document=_DOCUMENT,
        )
    return mapping


def check_records(mapping: Berichtmapping, records: Iterable[Any], start: int = 0) -> list[DocumentProblem]:
    """What keeps ``records`` from being written in a message of kind ``mapping``."""
    problems: list[DocumentProblem] = []
    for i, record in enumerate(records, start):
        if not isinstance(record, mapping.item_cls):
            problems.append(
                DocumentProblem(
                    f"$[{i}]",
                    f"a {mapping.naam} message holds {mapping.item_cls.__name__} records, "
                    f"not {type(record).__name__}",
                )
            )
            continue
        defaults = _defaults(mapping.item_cls)
        if mapping.verplicht and all(
            _empty(getattr(record, a, None), defaults.get(a)) for a in mapping.verplicht
        ):
            needed = " or ".join(sorted(mapping.verplicht))
            problems.append(DocumentProblem(f"$[{i}]", f"a {mapping.naam} message needs {needed}"))
        for name in _not_carried(mapping):
            if _empty(getattr(record, name), defaults.get(name)):
                continue
            problems.append(
                DocumentProblem(
                    f"$[{i}].{name}",
                    f"a {mapping.naam} message does not carry {name}; choose another message kind",
                )
            )
    return problems


@functools.cache
def record_fits(mapping: Berichtmapping) -> Callable[[Any], bool]:
    """A quick test that one record fits a message of kind ``mapping``.

    True when [`check_records`][duo_domain.serialize.xml.messages.check_records] would find nothing; call that
    for the problems.
    """
    cls = mapping.item_cls
    # The reader's own defaults where it has them: an absent part is then found by identity.
    defaults = {**_defaults(cls), **(codec(cls).defaults if cls in MAPPINGS else {})}
    verplicht = tuple((a, defaults.get(a)) for a in sorted(mapping.verplicht))
    not_carried = tuple((a, defaults.get(a)) for a in _not_carried(mapping))

    def fits(record: Any) -> bool:
        if not isinstance(record, cls):
            return False
        # ``v is d`` first: an absent part is often the default itself (a shared empty value).
        if verplicht:
            for a, d in verplicht:
                v = getattr(record, a, None)
                if not (v is d or v is None or v == () or v is False or v == d):
                    break
            else:
                return False
        for a, d in not_carried:
            v = getattr(record, a)
            if not (v is d or v is None or v == () or v is False or v == d):
                return False
        return True

    return fits


def _empty(value: Any, default: Any) -> bool:
    return value is None or value == () or value is False or value == default


@functools.cache
def _defaults(cls: type) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for field in attrs.fields(cls):
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if default is not attrs.NOTHING:
            found[field.name] = default
    return found


@functools.cache
def _not_carried(mapping: Berichtmapping) -> tuple[str, ...]:
    if mapping.velden is None:
        return ()
    return tuple(f.name for f in attrs.fields(mapping.item_cls) if f.name not in mapping.velden)


def kop_element(mapping: Berichtmapping, kop: Bedrijfsdocument) -> etree._Element:
    """The root element of a message with its header filled in."""
    if not isinstance(kop, Bedrijfsdocument):
        raise InvalidDocument(
            [DocumentProblem("$.kop", f"expected a Bedrijfsdocument, got {type(kop).__name__}")],
            document=_DOCUMENT,
        )
    root = etree.Element(qname(mapping.namespace, mapping.naam), nsmap=_NSMAP)
    codec(Bedrijfsdocument).write_into(root, kop)
    return root


def record_element(
    mapping: Berichtmapping, record: Any, parent: etree._Element | None = None
) -> etree._Element:
    """The element of one record of a message (under ``parent`` when given)."""
    tag = qname(mapping.namespace, mapping.item_element)
    element = etree.SubElement(parent, tag) if parent is not None else etree.Element(tag, nsmap=_NSMAP)
    return codec(mapping.item_cls).write_into(element, record)


def _write_problems(root: etree._Element, xsd: etree.XMLSchema, base: str = "$") -> list[DocumentProblem]:
    problems = []
    for entry in xsd.error_log:
        element = _locate(root, entry)
        path = _path(element) if element is not None else base
        problems.append(DocumentProblem(path, _clean(entry.message)))
    return problems


def dumps_message(bericht: Bericht, *, validate: bool = True, indent: bool = True) -> bytes:
    """The message as UTF-8 XML bytes, checked against its XSD.

    BSN and onderwijsnummer are written in full: the message is the data.
    The XML is indented, one element a line (so a finding's line number
    points at one value, and two messages can be compared with ``diff``),
    unless ``indent=False`` asks for it on one line.

    Args:
        bericht: The message kind, header and records.
        validate: Check the result against the XSD (on by default; turn it
            off only for messages checked another way).
        indent: Two spaces per level and one element a line (the default),
            or everything on one line after the declaration.

    Raises:
        InvalidDocument: records of the wrong type or with parts the message
            kind does not carry, or values the XSD refuses (each problem with
            the path of the attribute, e.g. ``$[0].inschrijvingen[0].instelling``).
    """
    mapping = _berichtmapping(bericht.soort)
    problems = check_records(mapping, bericht.inhoud)
    if problems:
        raise InvalidDocument(problems, document=_DOCUMENT)
    root = kop_element(mapping, bericht.kop)
    for record in bericht.inhoud:
        record_element(mapping, record, root)
    if validate:
        xsd = schema(mapping.xsd)
        if not xsd.validate(root):
            raise InvalidDocument(_write_problems(root, xsd), document=_DOCUMENT)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=indent)


def dumps(obj: Any, *, validate: bool = True, indent: bool = True) -> bytes:
    """One domain object as its own XML element (UTF-8 bytes), checked against its XSD.

    Indented like [`dumps_message`][duo_domain.serialize.xml.messages.dumps_message], unless ``indent=False``.

    Examples:
        >>> import datetime as dt
        >>> from duo_domain.mbo.enrolment import ExtraOndersteuning
        >>> print(dumps(ExtraOndersteuning(dt.date(2025, 9, 1))).decode())
        <mbo:extraOndersteuning ...>
          <mbo:datumBegin>2025-09-01</mbo:datumBegin>
        </mbo:extraOndersteuning>
        >>> print(dumps(ExtraOndersteuning(dt.date(2025, 9, 1)), indent=False).decode())
        <mbo:extraOndersteuning ...><mbo:datumBegin>2025-09-01</mbo:datumBegin></mbo:extraOndersteuning>

    Raises:
        TypeError: for an object of a class without an XML element.
        InvalidDocument: values the XSD refuses.
    """
    place = ELEMENTEN.get(type(obj))
    if place is None:
        raise TypeError(f"{type(obj).__name__} has no XML element")
    namespace, local = place
    kind: type = type(obj)
    element = codec(kind).write_into(etree.Element(qname(namespace, local), nsmap=_NSMAP), obj)
    if validate:
        xsd = schema(XSD_VAN_NAMESPACE[namespace])
        if not xsd.validate(element):
            raise InvalidDocument(_write_problems(element, xsd), document=f"{local} element")
    return etree.tostring(element, encoding="UTF-8", pretty_print=indent).rstrip(b"\n")


# -- reading ------------------------------------------------------------------------------


def _clean(message: str) -> str:
    """A libxml2 message with prefixes for the library's namespaces and numbers masked."""

    def prefix(match: re.Match[str]) -> str:
        known = _PREFIX.get(match.group(1))
        return f"{known}:" if known else match.group(0)

    return mask_numbers(_CLARK.sub(prefix, message))


def _locate(root: etree._Element, entry: Any) -> etree._Element | None:
    """The element a schema error is about."""
    try:
        found = root.getroottree().xpath(entry.path, namespaces=_NSMAP)
    except etree.XPathError:
        found = None
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return found[0]
    match = _ELEMENT_IN_MESSAGE.search(entry.message)
    if match is None:
        return None
    tag = qname(match.group(1), match.group(2))
    candidates = [e for e in root.iter(tag) if e.sourceline == entry.line]
    return candidates[0] if candidates else next(root.iter(tag), None)


def _path(element: etree._Element) -> str:
    """The attribute path of ``element``: ``$[2].inschrijvingen[0].perioden[1].datum_begin``."""
    chain = [*reversed(list(element.iterancestors())), element]
    root = chain[0]
    cls: type | None
    message = _MESSAGE_BY_ROOT.get(root.tag)  # type: ignore[arg-type]
    if message is not None:
        path = "$"
        if len(chain) == 1:
            return path
        item = chain[1]
        if isinstance(item.tag, str) and item.tag.startswith(_BASIS_PREFIX):
            path, cls = "$.kop", Bedrijfsdocument
        else:
            siblings = [e for e in root if e.tag == item.tag]
            path, cls = f"$[{siblings.index(item)}]", message.item_cls
        rest = chain[2:]
    else:
        path, cls, rest = "$", _CLASS_BY_ELEMENT.get(root.tag), chain[1:]  # type: ignore[arg-type]
    for element_ in rest:
        tag = element_.tag
        entry = codec(cls).readers.get(tag) if cls is not None and cls in MAPPINGS else None  # type: ignore[arg-type]
        if entry is None or cls is None:
            path += f".{local_name(element_)}"
            cls = None
            continue
        attr, herhaald = entry[0], entry[1]
        if herhaald:
            parent = element_.getparent()
            index = [e for e in parent if e.tag == tag].index(element_) if parent is not None else 0
            path += f".{attr}[{index}]"
        else:
            path += f".{attr}"
        cls = codec(cls).nested.get(tag)  # type: ignore[arg-type]
    return path


def _finding(rule_id: str, element: etree._Element | None, line: int | None, message: str) -> Finding:
    path = _path(element) if element is not None else "$"
    where = f"line {line}: " if line else ""
    values = {"line": str(line)} if line else {}
    return Finding(
        rule_id=rule_id,
        severity=Severity.AFKEUR,
        path=path,
        message=f"{where}{message}",
        values=values,
        source=_rules._SOURCE,
    )


def _root_mapping(root: etree._Element) -> Berichtmapping:
    mapping = _MESSAGE_BY_ROOT.get(root.tag)  # type: ignore[arg-type]
    if mapping is None:
        known = ", ".join(sorted(BERICHTEN))
        raise InvalidDocument(
            [
                DocumentProblem(
                    "/",
                    f"root element {_clean(str(root.tag))!r} is not a known message ({known})",
                    line=root.sourceline,
                )
            ],
            document=_DOCUMENT,
        )
    return mapping


def read_message(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> tuple[Bericht | None, list[Finding]]:
    """Read an XML message: the message, or the findings that keep it from being read.

    The XML is parsed safely, checked against the message's XSD, and every
    violation becomes a finding (rule ``XML.BERICHT.SCHEMA``, severity
    afkeur) with its line and the attribute path. Values the XSD lets through
    but the domain refuses (a BSN failing the 11-proef, 30 February) become
    findings of rule ``XML.BERICHT.WAARDE``. When there are findings the
    message is ``None``; else the findings list is empty. No finding contains
    a full BSN or onderwijsnummer.

    Args:
        data: The message as bytes.
        max_bytes: Larger input is refused.
        max_depth: Deeper nesting is refused.

    Returns:
        ``(bericht, [])`` for a valid message, ``(None, findings)`` otherwise.

    Raises:
        XmlRefused: hostile or oversized input (a DOCTYPE, entities, too deep).
        InvalidDocument: input that is not well-formed XML, or whose root
            element is not one of the library's messages.
    """
    root = parse_bytes(data, max_bytes=max_bytes, max_depth=max_depth)
    mapping = _root_mapping(root)
    xsd = schema(mapping.xsd)
    if not xsd.validate(root):
        findings = [
            _finding(_rules.SCHEMA, _locate(root, entry), entry.line or None, _clean(entry.message))
            for entry in xsd.error_log
        ]
        return None, findings
    try:
        return _decode(root, mapping), []
    except ReadProblem as problem:
        return None, [_finding(_rules.WAARDE, problem.element, problem.element.sourceline, problem.message)]


def _decode(root: etree._Element, mapping: Berichtmapping) -> Bericht:
    kop_codec = codec(Bedrijfsdocument)
    kop_children = [e for e in root if isinstance(e.tag, str) and e.tag.startswith(_BASIS_PREFIX)]
    holder = etree.Element(root.tag)
    holder.extend(_copy(e) for e in kop_children)
    try:
        kop = kop_codec.read(holder)
    except ReadProblem as problem:
        # Point at the original element, which has the line number.
        index = list(holder).index(problem.element) if problem.element in holder else 0
        raise ReadProblem(kop_children[index] if kop_children else root, problem.message) from None
    item_tag = qname(mapping.namespace, mapping.item_element)
    item_codec = codec(mapping.item_cls)
    records = [item_codec.read(e) for e in root if e.tag == item_tag]
    return Bericht(mapping.naam, kop, records)


def _copy(element: etree._Element) -> etree._Element:
    clone = etree.Element(element.tag)
    clone.text = element.text
    return clone


def loads_message(data: bytes, **limits: int) -> Bericht:
    """Read an XML message, or raise with every problem and its line.

    Args:
        data: The message as bytes.
        **limits: ``max_bytes`` and ``max_depth``, as for
            [`read_message`][duo_domain.serialize.xml.messages.read_message].

    Raises:
        XmlRefused: hostile or oversized input.
        InvalidDocument: not well-formed, not a known message, or findings
            (each a problem with its path and line).
    """
    bericht, findings = read_message(data, **limits)
    if bericht is None:
        raise InvalidDocument(
            [
                DocumentProblem(f.path, f.message, line=int(f.values["line"]) if "line" in f.values else None)
                for f in findings
            ],
            document=_DOCUMENT,
        )
    return bericht


def loads(data: bytes, cls: type | None = None, **limits: int) -> Any:
    """One domain object from its own XML element (as written by `dumps`).

    Args:
        data: The element as bytes.
        cls: The class expected; ``None`` accepts any class with an element.
        **limits: ``max_bytes`` and ``max_depth``, as for
            [`read_message`][duo_domain.serialize.xml.messages.read_message].

    Raises:
        XmlRefused: hostile or oversized input.
        InvalidDocument: not well-formed, not the element expected, XSD
            violations or refused values (each with its path and line).
    """
    root = parse_bytes(data, **limits)
    found = _CLASS_BY_ELEMENT.get(root.tag)  # type: ignore[arg-type]
    if found is None or (cls is not None and found is not cls):
        wanted = cls.__name__ if cls is not None else "a domain object"
        raise InvalidDocument(
            [DocumentProblem("/", f"root element {_clean(str(root.tag))!r} is not {wanted}", line=1)],
            document=_DOCUMENT,
        )
    namespace = ELEMENTEN[found][0]
    xsd = schema(XSD_VAN_NAMESPACE[namespace])
    if not xsd.validate(root):
        raise InvalidDocument(
            [
                DocumentProblem(
                    _path(e) if (e := _locate(root, entry)) is not None else "$",
                    _clean(entry.message),
                    line=entry.line or None,
                )
                for entry in xsd.error_log
            ],
            document=_DOCUMENT,
        )
    try:
        return codec(found).read(root)
    except ReadProblem as problem:
        raise InvalidDocument(
            [DocumentProblem(_path(problem.element), problem.message, line=problem.element.sourceline)],
            document=_DOCUMENT,
        ) from None


def records_of(bericht: Bericht) -> Iterator[tuple[str, Any]]:
    """``(path, record)`` for every record of a message, paths ``$[0]``, ``$[1]``, ...

    For running [`duo_domain.rules.validate`][duo_domain.rules.validate] on each record with paths
    that match the findings of [`read_message`][duo_domain.serialize.xml.messages.read_message].

    Raises:
        InvalidValue: when ``bericht`` is not a `Bericht`.
    """
    f.argument(bericht, Bericht, "a Bericht", "bericht")
    for i, record in enumerate(bericht.inhoud):
        yield f"$[{i}]", record
