"""Streaming: write and read messages of any size in flat memory.

[`write_stream`][duo_domain.serialize.xml.stream.write_stream] writes a message record by record through
lxml's
incremental writer (`lxml.etree.xmlfile`); [`read_stream`][duo_domain.serialize.xml.stream.read_stream] feeds
lxml's pull parser in pieces that end after a record, yields the records of
each piece, then drops them. Memory stays flat whatever the number of
records; a million is an ordinary batch.

Every record is checked against its XSD before it is yielded (on by
default): once per piece, as the message element holding the header and the
piece's records, and record by record when a piece does not pass, so a
problem is still reported for its record. The parser is the hardened one (no
DTD, no entities, no network), and a record whose element grows beyond
``max_record_bytes`` is refused. Because a stream
cannot be taken back, a problem raises
[`InvalidDocument`][duo_domain.errors.InvalidDocument] with the line and the record's
path; the records before it have been yielded already.

Examples:
    >>> import datetime as dt, io, uuid
    >>> from duo_domain.identity.student import Student
    >>> from duo_domain.mbo.bpv import BpvAgreement
    >>> from duo_domain.mbo.record import MboStudentRecord
    >>> from duo_domain.serialize.xml import Bedrijfsdocument
    >>> moment = dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)
    >>> kop = Bedrijfsdocument(uuid.UUID(int=7), "25LX", "DUO", moment)
    >>> def records(n):
    ...     for i in range(n):
    ...         bpv = BpvAgreement("A1", str(i), dt.date(2025, 8, 1), dt.date(2025, 9, 1),
    ...                            dt.date(2026, 6, 30), omvang=400, leerbedrijf_id="100018965")
    ...         yield MboStudentRecord(Student(bsn="111222333"), bpv_overeenkomsten=[bpv])
    >>> sink = io.BytesIO()
    >>> write_stream(sink, "aanleverenBpvMBO", kop, records(3))
    3
    >>> stream = read_stream(io.BytesIO(sink.getvalue()))
    >>> [r.bpv_overeenkomsten[0].volgnummer for r in stream]
    ['0', '1', '2']
    >>> stream.soort, stream.kop == kop
    ('aanleverenBpvMBO', True)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Final, TypeVar

from lxml import etree

from duo_domain.errors import DocumentProblem, InvalidDocument, InvalidValue
from duo_domain.serialize.xml._codec import ReadProblem, Templates, codec, local_name, qname
from duo_domain.serialize.xml._hardened import (
    GuardedReader,
    XmlRefused,
    check_stream_root,
    new_parser,
    new_pull_parser,
    size_text,
    syntax_error,
)
from duo_domain.serialize.xml._mapping import BERICHTEN, NAMESPACES, NS_BASIS, Berichtmapping
from duo_domain.serialize.xml._schemas import schema, xsd_text
from duo_domain.serialize.xml.header import Bedrijfsdocument
from duo_domain.serialize.xml.messages import (
    _berichtmapping,
    _clean,
    _locate,
    _not_carried,
    _path,
    check_records,
    kop_element,
    record_fits,
)

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "DEFAULT_MAX_STREAM_BYTES",
    "MessageStream",
    "read_stream",
    "write_stream",
]

#: A single record's element may not be larger than this: 1 MiB (a real record takes a few KB).
#: It also bounds what the reader holds in memory at any moment, whatever the input.
DEFAULT_MAX_RECORD_BYTES: Final = 1024 * 1024
#: The most a stream may hold unless told otherwise: 8 GiB (some eight million records).
DEFAULT_MAX_STREAM_BYTES: Final = 8 * 1024 * 1024 * 1024
#: The one attribute the message element may carry (any XSD-aware reader accepts it).
_XSI_SCHEMA_LOCATION: Final = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"

_DOCUMENT = "XML message stream"
_T = TypeVar("_T")
#: The input is read in blocks of this size.
_READ_SIZE: Final = 32 * 1024
#: How far a record's size may be misjudged: a piece fed to the parser holds
#: at most a block and what was left over from the one before.
_SLACK: Final = 2 * _READ_SIZE
_NSMAP: Final = dict(NAMESPACES)
_ROOTS: Final = {qname(b.namespace, b.naam): b for b in BERICHTEN.values()}
_KOP_TAGS: Final = tuple(
    qname(NS_BASIS, local)
    for local in (
        "identificatiecodeBedrijfsdocument",
        "verzendendeInstantie",
        "ontvangendeInstantie",
        "datumTijdBedrijfsdocument",
    )
)
_ITEM_TAGS: Final = tuple({qname(b.namespace, b.item_element) for b in BERICHTEN.values()})


def _problem(path: str, message: str, line: int | None = None) -> InvalidDocument:
    return InvalidDocument([DocumentProblem(path, message, line=line)], document=_DOCUMENT)


def write_stream(
    sink: IO[bytes],
    soort: str,
    kop: Bedrijfsdocument,
    records: Iterable[Any],
    *,
    validate: bool = True,
    indent: bool = True,
) -> int:
    """Write a message to the binary file ``sink``, one record at a time.

    Args:
        sink: A binary file object (or anything `lxml.etree.xmlfile` accepts).
        soort: The message kind, e.g. ``"aanleverenInschrijvingMBO"``.
        kop: The header.
        records: The records, from any iterable (a generator keeps memory flat).
        validate: Check each record against the XSD before it is written.
        indent: One element a line, two spaces per level (the default), as
            [`dumps_message`][duo_domain.serialize.xml.dumps_message] writes; or, with
            ``False``, the whole message on one line after the declaration.

    Returns:
        The number of records written.

    Raises:
        InvalidDocument: a record of the wrong type, with parts the message
            does not carry, or refused by the XSD (path ``$[i]...``). What was
            written before stays written; the message is then incomplete.
    """
    mapping = _berichtmapping(soort)
    root = kop_element(mapping, kop)
    xsd = schema(mapping.xsd) if validate else None
    fits = record_fits(mapping)
    # An empty record element with the namespace declarations, copied per record.
    blank = etree.Element(qname(mapping.namespace, mapping.item_element), nsmap=_NSMAP)
    # Each record's element: a copy of a tree made once per shape of record, its texts set.
    templates = Templates(codec(mapping.item_cls), blank, indent=indent)
    count = 0
    # Before each element of the message element, and before its end tag.
    before, last = ("\n  ", "\n") if indent else ("", "")
    with etree.xmlfile(sink, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element(root.tag, nsmap=_NSMAP):
            for child in root:
                xf.write(before)
                xf.write(child)
            for record in records:
                if not fits(record):
                    raise InvalidDocument(check_records(mapping, (record,), count), document=_DOCUMENT)
                try:
                    element = templates.element(record)
                except InvalidDocument as exc:  # a text XML cannot carry: the record's own paths
                    raise InvalidDocument(
                        [DocumentProblem(f"$[{count}]{p.path[1:]}", p.message) for p in exc.problems],
                        document=_DOCUMENT,
                    ) from None
                if xsd is not None and not xsd.validate(element):
                    raise InvalidDocument(
                        [
                            DocumentProblem(_record_path(count, e), _clean(entry.message))
                            for entry in xsd.error_log
                            for e in (_locate(element, entry),)
                        ],
                        document=_DOCUMENT,
                    )
                xf.write(before)
                xf.write(element)
                count += 1
            xf.write(last)
    if indent:
        sink.write(b"\n")  # as dumps_message ends
    return count


def _record_path(index: int, element: etree._Element | None) -> str:
    """``$[index]`` plus the attribute path inside the record."""
    if element is None:
        return f"$[{index}]"
    inner = _path(element)
    if not inner.startswith("$"):
        return f"$[{index}]"
    rest = inner[1:]
    if rest.startswith("["):  # the record's place among the elements still in memory
        rest = rest[rest.index("]") + 1 :]
    return f"$[{index}]{rest}"


def _end_tag(element: etree._Element) -> bytes | None:
    """The end tag of ``element`` as written in UTF-8, such as ``b"</mbo:student>"``."""
    local = local_name(element)
    prefix = element.prefix
    name = f"{prefix}:{local}" if prefix else local
    return f"</{name}>".encode()


_XS: Final = "{http://www.w3.org/2001/XMLSchema}"


@functools.cache
def _xsd_implies_fits(mapping: Berichtmapping) -> bool:
    """Whether every record that passes as an item of the message's own element fits the message kind.

    Read from the shipped XSD: the item's type must carry no element of an
    attribute the message kind does not carry, and must require an element of
    one of the attributes the kind needs (when it needs any). When this holds,
    a piece that passed its check needs no per-record fits test; a record
    checked on its own (against the wider record element) always gets it.

    Examples:
        >>> from duo_domain.serialize.xml._mapping import BERICHTEN
        >>> [_xsd_implies_fits(BERICHTEN[k]) for k in ("aanleverenBpvMBO", "aanleverenResultaatMBO")]
        [True, False]
    """
    document = etree.fromstring(xsd_text(mapping.xsd), new_parser())
    message = document.find(f"{_XS}element[@name='{mapping.naam}']")
    items = (
        []
        if message is None
        else [e for e in message.iter(f"{_XS}element") if e.get("name") == mapping.item_element]
    )
    if len(items) != 1 or ":" in (items[0].get("type") or ":"):
        return False
    item_type = document.find(f"{_XS}complexType[@name='{items[0].get('type')}']")
    sequence = item_type.find(f"{_XS}sequence") if item_type is not None else None
    if sequence is None or any(
        child.tag != f"{_XS}element" for child in sequence if isinstance(child.tag, str)
    ):
        return False  # only a plain sequence of elements is read here
    item_codec = codec(mapping.item_cls)
    carried: set[str] = set()
    required: set[str] = set()
    for element in sequence.iterchildren(f"{_XS}element"):
        entry = item_codec.readers.get(qname(mapping.namespace, element.get("name") or ""))
        if entry is None:
            return False
        carried.add(entry[0])
        # Present means not empty only for a default of None or ().
        if element.get("minOccurs", "1") != "0" and item_codec.defaults.get(entry[0], None) in (None, ()):
            required.add(entry[0])
    if carried & set(_not_carried(mapping)):
        return False
    return not mapping.verplicht or bool(mapping.verplicht & required)


class _Feeder:
    """Feeds the hardened pull parser and hands over the events of each feed.

    The input is read in blocks of `_READ_SIZE`; each block is fed up
    to and including the last record end tag it holds (the rest waits for the
    next block), so that after a feed the records are usually whole and
    nothing follows them in the tree. Whether that holds is checked on the
    tree, never assumed from the bytes: a record end tag inside a comment or
    in another spelling only costs the per-piece XSD check.
    """

    def __init__(self, reader: GuardedReader) -> None:
        self._reader = reader
        self._parser = new_pull_parser(events=("end",), tag=(*_KOP_TAGS, *_ITEM_TAGS))
        #: The bytes fed to the parser so far.
        self.fed = 0
        #: The record end tag to cut the input after, once the first record is known.
        self.end_tag: bytes | None = None
        #: The root element, once the input has been read to its end.
        self.root: etree._Element | None = None
        #: The last piece when it was fed whole because the record end tag was not known yet (the
        #: header's pieces), and where it starts; ``None`` once the pieces are cut after a record.
        self._uncut: bytes | None = None
        self._uncut_at = 0

    def settled(self) -> int:
        """Where in the input the last record that the last feed completed ends, as far as known.

        A piece cut after a record end tag ends there (`fed`). A piece fed whole before the end tag
        was known (the first record's) may hold the start of the next record after it; its last
        record end tag, looked up now, tells where the next record can start at the earliest.
        """
        if self._uncut is None or self.end_tag is None:
            return self.fed
        cut = self._uncut.rfind(self.end_tag)
        return self.fed if cut < 0 else self._uncut_at + cut + len(self.end_tag)

    def pieces(self) -> Iterator[list[tuple[str, etree._Element]]]:
        """The events of each feed (empty when it completed no element), in document order."""
        parser = self._parser
        read = self._reader.read
        waiting = b""
        while True:
            block = read(_READ_SIZE)
            error: etree.XMLSyntaxError | None = None
            try:
                if block:
                    waiting += block
                    cut = waiting.rfind(self.end_tag) if self.end_tag is not None else -1
                    if cut >= 0:
                        cut += len(self.end_tag)  # type: ignore[arg-type]
                        piece, waiting = waiting[:cut], waiting[cut:]
                    else:
                        piece, waiting = waiting, b""
                    self._uncut, self._uncut_at = (piece, self.fed) if self.end_tag is None else (None, 0)
                    self.fed += len(piece)
                    parser.feed(piece)
                else:
                    if waiting:
                        self.fed += len(waiting)
                        parser.feed(waiting)
                        waiting = b""
                    self.root = parser.close()
            except etree.XMLSyntaxError as exc:
                error = exc  # the elements completed before it are handed over first
            # Handed over after every feed, events or not, so the caller checks the tree each time.
            yield list(parser.read_events())
            if error is not None:
                raise error
            if not block:
                return


class MessageStream:
    """The records of a streamed message, read as they are iterated.

    Iterate it once. [`soort`][duo_domain.serialize.xml.stream.MessageStream.soort] and
    [`kop`][duo_domain.serialize.xml.stream.MessageStream.kop] are known as soon as the
    header has been read (accessing them reads it).

    Args:
        source: A binary file object.
        validate: Check each record against the XSD as it is read (the
            default). Without it, an element the mapping table does not know
            is still refused, and so is any value the domain classes refuse
            (a BSN failing the 11-proef, an impossible date).
        max_bytes: The most the whole stream may hold (8 GiB unless told), or
            ``None`` for no limit; memory stays flat either way.
        max_record_bytes: The most one record's element may take (1 MiB unless
            told); it also bounds what the reader holds at any moment.
    """

    def __init__(
        self,
        source: IO[bytes],
        *,
        validate: bool = True,
        max_bytes: int | None = DEFAULT_MAX_STREAM_BYTES,
        max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    ) -> None:
        self._reader = GuardedReader(source, max_bytes)
        self._validate = validate
        self._max_record = max_record_bytes
        self._mapping: Berichtmapping | None = None
        self._kop: Bedrijfsdocument | None = None
        #: The message element while it is read (it holds the header and one piece of records).
        self._root: etree._Element | None = None
        # The generator of the records itself, which reads the header first: no generator in between.
        self._records = self._records_from(_Feeder(self._reader))
        self._pending: list[Any] = []

    @property
    def soort(self) -> str:
        """The message kind (the root element's local name)."""
        self._until_kop()
        assert self._mapping is not None
        return self._mapping.naam

    @property
    def kop(self) -> Bedrijfsdocument:
        """The header."""
        self._until_kop()
        assert self._kop is not None
        return self._kop

    def _until_kop(self) -> None:
        while self._kop is None:
            try:
                self._pending.append(next(self._records))
            except StopIteration:
                break
        if self._kop is None:
            raise _problem("$.kop", "the message has no header")

    def __iter__(self) -> Iterator[Any]:
        # The records' generator itself when nothing was read ahead: no call per record here.
        return self._records if not self._pending else self._drain()

    def _drain(self) -> Iterator[Any]:
        while self._pending:
            yield self._pending.pop(0)
        yield from self._records

    def __next__(self) -> Any:
        if self._pending:
            return self._pending.pop(0)
        return next(self._records)

    def _start(self, element: etree._Element) -> tuple[etree._Element, Berichtmapping]:
        """The message element and its kind, from the first element read; its skeleton checked."""
        root = element.getparent()
        mapping = _ROOTS.get(root.tag) if root is not None else None  # type: ignore[arg-type]
        if root is None or mapping is None:
            shown = root if root is not None else element
            raise _problem(
                "/", f"root element {_clean(str(shown.tag))!r} is not a known message", shown.sourceline
            )
        outer = root.getparent()
        if outer is not None:
            raise _problem(
                "/",
                f"the message is nested in the element {_clean(str(outer.tag))!r}; it must be the root",
                root.sourceline,
            )
        check_stream_root(root)
        for name in root.attrib:
            if name != _XSI_SCHEMA_LOCATION:
                unknown = f"the message element has an unknown attribute {_clean(str(name))!r}"
                raise _problem("$", unknown, root.sourceline)
        self._mapping = mapping
        return root, mapping

    def _header(
        self, feeder: _Feeder, pieces: Iterator[list[tuple[str, etree._Element]]]
    ) -> tuple[list[tuple[str, etree._Element]], int, etree._Element, Berichtmapping]:
        """Read up to the first record: its piece's events, its place in them, the message element, the kind.

        Raises:
            etree.XMLSyntaxError: from the parser, for the caller to report.
            InvalidDocument: a break of the message's skeleton before the first record, or no record.
        """
        root: etree._Element | None = None
        mapping: Berichtmapping | None = None
        kop_holder = etree.Element("kop")
        limit = self._max_record + _SLACK
        # The header: its elements, up to the first record. They stay in the
        # tree, so that each piece of records is checked as part of the message.
        for events in pieces:
            for at, (_, element) in enumerate(events):
                if root is None:
                    root, mapping = self._start(element)
                if element.getparent() is not root:
                    continue
                if element.tag in _KOP_TAGS:
                    clone = etree.SubElement(kop_holder, element.tag)
                    clone.text = element.text
                    clone.set("line", str(element.sourceline or 0))
                    continue
                assert mapping is not None
                if element.tag != qname(mapping.namespace, mapping.item_element):
                    raise _problem("$[0]", f"unexpected element {_local(element)!r}", element.sourceline)
                _check_header(root, element.tag)
                self._kop = self._read_kop(kop_holder, element)
                self._root = root
                feeder.end_tag = _end_tag(element)
                return events, at, root, mapping
            if root is not None:
                assert mapping is not None
                _check_header(root, qname(mapping.namespace, mapping.item_element))
            if feeder.fed > limit:  # no record yet: what is held is bounded like a record
                raise self._too_large(0, None, "the header or the first ")
        if root is None:
            found = feeder.root
            name = _clean(str(found.tag)) if found is not None else "none"
            raise _problem("/", f"root element {name!r} is not a known message")
        raise _problem("$", "the message has no records", root.sourceline)

    def _records_from(self, feeder: _Feeder) -> Iterator[Any]:
        """The records, after the header (see `_header`); the hot loop of the reader.

        The records arrive in pieces (what one feed of the parser completed).
        The XSD check runs once per piece, on the message element itself: the
        header and the piece's records, nothing else, as the records before
        them have been dropped. A piece it accepts has the message's skeleton
        (nothing but records follows the header, no text between them); any
        other piece is checked against that skeleton, so nothing else is ever
        held, and then each of its records on its own, so a problem is
        reported for the right record, after the records before it have been
        yielded. An error of the parser is reported as `syntax_error` makes it.
        """
        pieces = feeder.pieces()
        events, at, root, mapping = _parsed(self._header, feeder, pieces)
        item_tag = qname(mapping.namespace, mapping.item_element)
        xsd = schema(mapping.xsd) if self._validate else None
        decode = codec(mapping.item_cls).decode
        fits = record_fits(mapping)
        implied = xsd is not None and _xsd_implies_fits(mapping)
        limit = self._max_record + _SLACK
        # The header (and anything else before the first record) stays in the message.
        keep = root.index(events[at][1])
        index = 0
        mark = 0
        batch: list[etree._Element] = []
        while True:
            problem: InvalidDocument | None = None
            fed = feeder.fed  # the same for every record of the piece
            # The records this feed completed (an element in the wrong place is found by the
            # skeleton check below). Only the first of them can find the limit passed: once it
            # has not, ``mark`` is where the last of them ends, and what follows it in the piece
            # (at most the rest of a block) is counted against the next record.
            batch = [
                e for _, e in (events[at:] if at else events) if e.tag == item_tag and e.getparent() is root
            ]
            if batch and fed - mark > limit:
                problem = self._too_large(index, batch[0].sourceline)
                batch = []
            elif batch:
                mark = feeder.settled()
            # One XSD check for the piece when it is whole (no record still being read), on the
            # message element holding the header and these records only. When it passes, the
            # message's skeleton holds (element-only content: no other element, no text) and its
            # check is left out; else the skeleton is checked, and then each record on its own.
            whole = bool(batch) and xsd is not None and problem is None and batch[-1].getnext() is None
            whole = whole and xsd.validate(root)  # type: ignore[union-attr]
            skeleton = None if whole else _check_records_skeleton(root, keep, batch, item_tag, index)
            if skeleton is not None and (problem is None or skeleton[1] < len(batch)):
                problem, kept = skeleton
                del batch[kept:]
            if problem is None and fed - mark > limit:  # a record still open has grown too large
                problem = self._too_large(index + len(batch), None)
            if batch:
                one_by_one = xsd is not None and not whole
                test_fits = xsd is None or one_by_one or not implied
                for element in batch:
                    if one_by_one and not xsd.validate(element):  # type: ignore[union-attr]
                        raise _schema_problems(element, xsd, index)  # type: ignore[arg-type]
                    try:
                        record = decode(element)
                    except ReadProblem as read_problem:
                        raise _problem(
                            _record_path(index, read_problem.element),
                            read_problem.message,
                            read_problem.element.sourceline,
                        ) from None
                    if test_fits and not fits(record):
                        first_problem = check_records(mapping, (record,), index)[0]
                        raise _problem(first_problem.path, first_problem.message, element.sourceline)
                    yield record
                    index += 1
                end = root.index(batch[-1]) + 1
                # No reference to the elements may remain, or lxml keeps them alive one by one.
                batch.clear()
                events.clear()
                element = root
                del root[keep:end]
            if problem is not None:
                raise problem
            at = 0
            following = _parsed(next, pieces, None)
            if following is None:
                return
            events = following

    def _too_large(self, index: int, line: int | None, what: str = "a ") -> XmlRefused:
        return XmlRefused(
            [
                DocumentProblem(
                    f"$[{index}]",
                    f"{what}record is larger than the limit of {size_text(self._max_record)}",
                    line=line,
                )
            ],
            document=_DOCUMENT,
        )

    def _read_kop(self, holder: etree._Element, at: etree._Element) -> Bedrijfsdocument:
        tags = [child.tag for child in holder]
        if tags != list(_KOP_TAGS):
            raise _problem("$.kop", "the header must have its four elements, in order", at.sourceline)
        try:
            kop: Bedrijfsdocument = codec(Bedrijfsdocument).read(holder)
        except ReadProblem as problem:
            line = problem.element.get("line")
            raise _problem(
                "$.kop", problem.message, int(line) if line and line != "0" else at.sourceline
            ) from None
        return kop


def _parsed(step: Callable[..., _T], *args: Any) -> _T:
    """``step(*args)``, a step that feeds the parser; its syntax error reported as `syntax_error` makes it."""
    try:
        return step(*args)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, document=_DOCUMENT) from None


def _stray_text(text: str | None) -> bool:
    return bool(text) and not text.isspace()  # type: ignore[union-attr]


def _check_header(root: etree._Element, item_tag: str) -> None:
    """Refuse anything in the message element before the first record but the header's elements."""
    if _stray_text(root.text):
        raise _problem("$", "text directly in the message element", root.sourceline)
    for child in root:
        if child.tag == item_tag:
            return  # the records are checked as they are read
        if child.tag not in _KOP_TAGS:
            raise _problem("$.kop", f"unexpected element {_local(child)!r}", child.sourceline)
        if _stray_text(child.tail):
            raise _problem("$.kop", "text directly in the message element", child.sourceline)


def _check_records_skeleton(
    root: etree._Element, keep: int, batch: list[etree._Element], item_tag: str, index: int
) -> tuple[InvalidDocument, int] | None:
    """The first break of the message's skeleton after the header, and how many records precede it.

    After the header the message element holds the records of ``batch`` (the
    ones completed by this feed) and at most one more record still being
    read, with nothing but white space between them.

    The records of ``batch`` are children of ``root`` after the header, in
    document order; when there are as many children after the header as
    records they are those children, and when there is one more that is
    last and not the last record of ``batch``, it is the one child not in
    ``batch``: then only its tag and the text between the records are left
    to look at. Anything else is looked at child by child, for the first
    break and its place.
    """
    after = len(root) - keep
    if after == len(batch):
        whole = True
    elif after == len(batch) + 1:
        last = root[-1]
        whole = last.tag == item_tag and not (batch and last is batch[-1])
    else:
        whole = False
    if whole and not (_stray_text(root.text) or (keep and _stray_text(root[keep - 1].tail))):
        for child in batch:
            tail = child.tail  # white space between records, as a rule: tested here, not by a call
            if tail and not tail.isspace():
                break
        else:
            return None
    if _stray_text(root.text) or (keep and _stray_text(root[keep - 1].tail)):
        return _problem(f"$[{index}]", "text directly in the message element", root.sourceline), 0
    for j, child in enumerate(root.iterchildren()):
        if j < keep:
            continue
        at = j - keep
        if at < len(batch) and child is batch[at]:
            tail = child.tail  # white space between records, as a rule: tested here, not by a call
            if tail and not tail.isspace():
                problem = _problem(
                    f"$[{index + at + 1}]", "text directly in the message element", child.sourceline
                )
                return problem, at + 1
            continue
        if at > len(batch) or child.tag != item_tag or child.getnext() is not None:
            where = f"$[{index + at}]"
            return _problem(where, f"unexpected element {_local(child)!r}", child.sourceline), at
    return None


def _local(element: etree._Element) -> str:
    return _clean(local_name(element))


def _schema_problems(element: etree._Element, xsd: etree.XMLSchema, index: int) -> InvalidDocument:
    return InvalidDocument(
        [
            DocumentProblem(
                _record_path(index, found),
                _clean(entry.message),
                line=found.sourceline if found is not None else element.sourceline,
            )
            for entry in xsd.error_log
            for found in (_locate(element, entry),)
        ],
        document=_DOCUMENT,
    )


def read_stream(
    source: IO[bytes],
    *,
    validate: bool = True,
    max_bytes: int | None = DEFAULT_MAX_STREAM_BYTES,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> MessageStream:
    """The records of the message in the binary file ``source``, read one at a time.

    Args:
        source: A binary file object.
        validate: Check each record against the XSD as it is read (the
            default). Without it, an element the mapping table does not know
            is still refused, and so is any value the domain classes refuse
            (a BSN failing the 11-proef, an impossible date).
        max_bytes: The most the whole stream may hold (8 GiB unless told), or
            ``None`` for no limit; memory stays flat either way.
        max_record_bytes: The most one record's element may take (1 MiB unless
            told); it also bounds what the reader holds at any moment.

    Returns:
        A [`MessageStream`][duo_domain.serialize.xml.stream.MessageStream]: iterate it for the records; its
        ``kop`` and
        ``soort`` give the header and the message kind.

    Raises:
        XmlRefused: (while iterating) a DOCTYPE or entities, input over
            ``max_bytes``, a record over ``max_record_bytes``, or nesting deeper
            than libxml2's limit.
        InvalidDocument: (while iterating) not well-formed, not a known
            message, or a record that breaks the XSD or holds a refused value.
        InvalidValue: when ``source`` is not a file object (it has no ``read``).
    """
    if not callable(getattr(source, "read", None)):
        raise InvalidValue(f"expected a binary file object, got {type(source).__name__}", field="source")
    return MessageStream(source, validate=validate, max_bytes=max_bytes, max_record_bytes=max_record_bytes)
