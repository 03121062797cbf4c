"""Hardened XML parsing: no DTD, no entities, no network, bounded size and depth.

Everything the package reads goes through here. Four layers, each enough on
its own for the attacks it covers:

1. **The prolog is scanned before libxml2 sees the input.** A document type
   declaration (``<!DOCTYPE``) is refused outright: DUO's messages never
   have one, and every entity attack (XXE by file or URL, billion laughs,
   an external DTD) needs one.
2. **The parser is configured not to act on one anyway**: entities are not
   resolved, no DTD is loaded, nothing is fetched from the network, and a
   resolver refuses every URL libxml2 might still ask for.
3. **Size, node count and depth are bounded**: input over ``max_bytes``, or
   with more than ``max_nodes`` elements, comments and processing
   instructions (counted on the bytes, before parsing), is refused before
   libxml2 sees it; libxml2 itself refuses nesting beyond 256 levels while
   parsing, and nesting deeper than ``max_depth`` is refused right after.
4. **The parsed tree is checked** for a document type declaration once more.

Comments and processing instructions are dropped by every parser here: they
carry no data, and a value split by one (``<a>1<!---->0.0</a>``) is read
whole (``10.0``), as the XSD sees it, never as the part before it.

Every refusal raises [`XmlRefused`][duo_domain.serialize.xml.XmlRefused], an
[`InvalidDocument`][duo_domain.errors.InvalidDocument]; a document that is simply not
well-formed raises [`InvalidDocument`][duo_domain.errors.InvalidDocument] with the line.
"""

from __future__ import annotations

from typing import IO, Any, ClassVar, Final, Literal

from lxml import etree

from duo_domain.errors import DocumentProblem, InvalidDocument, mask_numbers

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_NODES",
    "GuardedReader",
    "XmlRefused",
    "new_parser",
    "new_pull_parser",
    "parse_bytes",
    "syntax_error",
]

#: Largest document :func:`parse_bytes` reads (a message, not a batch): 32 MiB.
DEFAULT_MAX_BYTES: Final = 32 * 1024 * 1024
#: Deepest element nesting accepted; the library's messages need fewer than 10 levels.
DEFAULT_MAX_DEPTH: Final = 32
#: Most elements (plus comments and processing instructions) :func:`parse_bytes` builds a
#: tree of: about 130 MB of tree at worst. The library's own messages take some 44 bytes
#: per element, so a message at :data:`DEFAULT_MAX_BYTES` has fewer than 800 000.
DEFAULT_MAX_NODES: Final = 1_000_000
#: The prolog (what precedes the root element) may not be longer than this.
_MAX_PROLOG: Final = 64 * 1024

_DOCUMENT = "XML message"


class XmlRefused(InvalidDocument):
    """XML input refused for safety: a DTD or entity declaration, too large, or too deeply nested.

    Examples:
        >>> from duo_domain.serialize.xml import parse_bytes
        >>> parse_bytes(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')
        Traceback (most recent call last):
        ...
        duo_domain.serialize.xml._hardened.XmlRefused: invalid XML message: a document type declaration \
(DOCTYPE) is not allowed: DTDs and entities are refused @ / (line 1)
    """

    code: ClassVar[str] = "document.xml_refused"


def size_text(count: int) -> str:
    """A byte count for a message: in bytes up to 10 MB, else in MiB.

    A count of eight or nine digits would be masked like a BSN.

    Examples:
        >>> size_text(1024), size_text(32 * 1024 * 1024)
        ('1024 bytes', '32.0 MiB')
    """
    return f"{count} bytes" if count < 10_000_000 else f"{count / (1024 * 1024):.1f} MiB"


def _refused(message: str, line: int | None = 1) -> XmlRefused:
    return XmlRefused([DocumentProblem("/", message, line=line)], document=_DOCUMENT)


class _RefuseEverything(etree.Resolver):
    """Answers every request libxml2 makes for an outside resource with nothing.

    lxml keeps a parser's resolvers in a set, in no fixed order, so a resolver
    that may serve some names is asked from here, first.
    """

    def __init__(self, first: etree.Resolver | None = None) -> None:
        super().__init__()
        self._first = first

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        if self._first is not None:
            answer = self._first.resolve(system_url, public_id, context)
            if answer is not None:
                return answer
        # An empty document instead of the resource: nothing is read from outside.
        return self.resolve_string("", context)


def new_parser(resolver: etree.Resolver | None = None, **extra: Any) -> etree.XMLParser:
    """An `lxml.etree.XMLParser` that resolves nothing and loads nothing.

    Args:
        resolver: A resolver asked first (the XSD loader serves its own
            files this way); every request it does not answer is refused.
        **extra: Further options for `lxml.etree.XMLParser` (such as
            ``remove_blank_text``); the safety options cannot be overridden.
    """
    options: dict[str, Any] = {
        **extra,
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "dtd_validation": False,
        "attribute_defaults": False,
        "huge_tree": False,
        "collect_ids": False,
        # Comments and processing instructions carry no data; dropped, a value split by one is whole.
        "remove_comments": True,
        "remove_pis": True,
    }
    parser: etree.XMLParser = etree.XMLParser(**options)
    parser.resolvers.add(_RefuseEverything(resolver))
    return parser


def new_pull_parser(
    *, events: tuple[Literal["start", "end"], ...], tag: tuple[str, ...]
) -> etree.XMLPullParser:
    """An `lxml.etree.XMLPullParser` with the options of `new_parser`.

    Args:
        events: The events to report, such as ``("end",)``.
        tag: Report events only for elements with these names.
    """
    parser = etree.XMLPullParser(
        events=events,
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        collect_ids=False,
        remove_comments=True,
        remove_pis=True,
    )
    parser.resolvers.add(_RefuseEverything())
    return parser


def _prolog_text(head: bytes) -> tuple[bytes, str] | None:
    """``head`` as ASCII-compatible bytes, after a UTF-16 or UTF-32 byte order mark."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            usable = len(head) - (len(head) - len(bom)) % (4 if "32" in codec else 2)
            text = head[len(bom) : usable].decode(codec, errors="replace")
            return text.encode("utf-8", errors="replace"), codec
    if head[:4] in (b"\x00<\x00?", b"<\x00?\x00", b"\x00\x00\x00<", b"<\x00\x00\x00"):
        return None  # UTF-16/32 without a byte order mark: cannot be scanned as bytes
    return head, "utf-8"


def scan_prolog(head: bytes, *, final: bool) -> bool:
    """Check what precedes the root element; True when the root element has been reached.

    Args:
        head: The first bytes of the document (all of it, or as much as read).
        final: True when ``head`` is the whole document.

    Raises:
        XmlRefused: for a document type declaration or an unscannable prolog.
    """
    prepared = _prolog_text(head)
    if prepared is None:
        raise _refused("UTF-16 or UTF-32 input without a byte order mark is not accepted")
    text = prepared[0]
    pos = 3 if text.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while pos < len(text) and text[pos] in b" \t\r\n":
            pos += 1
        if pos >= len(text):
            return final
        if text.startswith(b"<?", pos) or text.startswith(b"<!--", pos):
            closing = b"?>" if text.startswith(b"<?", pos) else b"-->"
            end = text.find(closing, pos + 2)
            if end < 0:
                if len(text) > _MAX_PROLOG:
                    raise _refused(f"the prolog before the root element is longer than {_MAX_PROLOG} bytes")
                return final
            pos = end + len(closing)
            continue
        if text.startswith(b"<!", pos):
            if len(text) - pos < 9 and not final:
                return False  # not enough bytes yet to tell what it declares
            if text[pos : pos + 9].upper() == b"<!DOCTYPE":
                raise _refused(
                    "a document type declaration (DOCTYPE) is not allowed: DTDs and entities are refused"
                )
        # The root element, or something libxml2 reports as not well-formed.
        return True


def _check_tree(tree: etree._ElementTree) -> None:
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise _refused("a document type declaration (DOCTYPE) is not allowed: DTDs and entities are refused")


def syntax_error(exc: etree.XMLSyntaxError, *, document: str = _DOCUMENT) -> InvalidDocument:
    """An `InvalidDocument` (or `XmlRefused`) for a libxml2 error."""
    message = mask_numbers(str(exc.msg or exc))
    line = exc.lineno if exc.lineno else None
    if "Excessive depth" in message or "Maximum entity" in message or "huge" in message.lower():
        return XmlRefused(
            [
                DocumentProblem(
                    "/", f"input refused: elements nested too deeply or too large ({message})", line=line
                )
            ],
            document=document,
        )
    return InvalidDocument(
        [DocumentProblem("/", f"not well-formed XML: {message}", line=line)], document=document
    )


def parse_bytes(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> etree._Element:
    """Parse one whole XML document safely and return its root element.

    Every limit is checked before work that could grow with it: the size and
    the node count on the bytes, before parsing (counting ``<`` that open
    something, a C-speed scan); the depth right after libxml2 has built the
    tree (libxml2 refuses more than 256 levels while parsing). Comments and
    processing instructions are dropped.

    Args:
        data: The document, as bytes (its encoding declaration is honoured).
        max_bytes: Larger input is refused before parsing.
        max_depth: Deeper element nesting is refused.
        max_nodes: Input with more elements, comments and processing
            instructions than this is refused before parsing.

    Raises:
        XmlRefused: a DOCTYPE (and so any DTD or entity declaration), input
            over ``max_bytes`` or ``max_nodes``, or nesting deeper than ``max_depth``.
        InvalidDocument: input that is not well-formed XML (with the line).

    Examples:
        >>> parse_bytes(b"<a><b>1<!-- a comment -->0</b></a>").findtext("b")
        '10'
        >>> parse_bytes(b"<a>" * 40 + b"</a>" * 40)
        Traceback (most recent call last):
        ...
        duo_domain.serialize.xml._hardened.XmlRefused: ... nested deeper than 32 levels @ / (line 1)
    """
    raw: object = data
    if isinstance(raw, (bytearray, memoryview)):
        raw = bytes(raw)
    if not isinstance(raw, bytes):
        raise InvalidDocument(
            [DocumentProblem("/", f"expected bytes, got {type(raw).__name__}")], document=_DOCUMENT
        )
    data = raw
    if len(data) > max_bytes:
        raise _refused(
            f"the input is {size_text(len(data))}, more than the limit of {size_text(max_bytes)}", line=None
        )
    if not data.strip():
        raise InvalidDocument([DocumentProblem("/", "the input is empty")], document=_DOCUMENT)
    scan_prolog(data[: _MAX_PROLOG + 16], final=len(data) <= _MAX_PROLOG + 16)
    if data.count(b"<") - data.count(b"</") > max_nodes:
        raise _refused(f"the input holds more than {max_nodes} elements", line=None)
    try:
        root = etree.fromstring(data, new_parser())  # a new parser: lxml's are not thread-safe
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc) from None
    too_deep = root.xpath("(" + "/*" * (max_depth + 1) + ")[1]")
    if isinstance(too_deep, list) and too_deep:
        first = too_deep[0]
        line = first.sourceline if isinstance(first, etree._Element) else None
        raise _refused(f"elements are nested deeper than {max_depth} levels", line=line)
    _check_tree(root.getroottree())
    return root


class GuardedReader:
    """A binary file wrapper that counts bytes and scans the prolog as it is read.

    Used by the streaming reader: the stream is refused as soon as it has
    read more than ``max_bytes``, and before libxml2 sees a DOCTYPE.

    Args:
        source: A binary file object.
        max_bytes: The most the stream may hold, or ``None`` for no limit.
    """

    def __init__(self, source: IO[bytes], max_bytes: int | None) -> None:
        self._source = source
        self._max = max_bytes
        self.count = 0
        self._head = b""
        self._prolog_done = False

    def read(self, size: int = -1) -> bytes:
        """Read up to ``size`` bytes (the interface libxml2's reader needs)."""
        chunk = self._source.read(size)
        if not isinstance(chunk, bytes):
            raise _refused("the stream must be read in binary mode", line=None)
        self.count += len(chunk)
        if self._max is not None and self.count > self._max:
            raise _refused(f"the input is larger than the limit of {size_text(self._max)}", line=None)
        if not self._prolog_done:
            self._head += chunk
            self._prolog_done = scan_prolog(self._head, final=not chunk)
            if self._prolog_done:
                self._head = b""
        return chunk


def check_stream_root(element: etree._Element) -> None:
    """Refuse a streamed document whose tree has a document type declaration."""
    _check_tree(element.getroottree())
