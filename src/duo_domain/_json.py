"""The library's one JSON parser: text to plain data under fixed limits, numbers exact.

Private to the library: every JSON document it reads goes through
[`parse_json`][duo_domain.serialize.reading.parse_json] (documents, code tables, reference data), so
one policy holds for size, nesting depth, numbers and messages. It lives at the bottom of the layers
so that the code tables and the MBO reference data use it as the serializers do; the public names are
in [`duo_domain.serialize.reading`][duo_domain.serialize.reading].
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from duo_domain._fields import json_type
from duo_domain.errors import DocumentProblem, InvalidDocument

__all__ = [
    "ITEMWISE_BYTES",
    "LIMIT_MESSAGE",
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "MAX_NUMBER_CHARS",
    "NOT_READ",
    "NumberBeyondLimits",
    "array_items",
    "parse_json",
    "read_item",
]

#: The largest document read, in bytes (UTF-8).
MAX_DOCUMENT_BYTES: Final = 256 * 1024 * 1024
#: The deepest nesting of arrays and objects read; the library's documents need fewer than 10.
MAX_DEPTH: Final = 32
#: The longest number read, in characters; also the largest exponent (in places) of a JSON number.
MAX_NUMBER_CHARS: Final = 40

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STRING_BYTES = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET_BYTES = re.compile(rb"[^\[\]{}]+")
_OPENERS = re.compile(r"[\[{]*")
_NUMBER_PARTS = re.compile(r"-?([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?")
_BOM = b"\xef\xbb\xbf"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class NumberBeyondLimits:
    """Stands in the parsed data for a number longer than `MAX_NUMBER_CHARS` or with a larger exponent.

    The structuring step reports it, with its path, wherever it stands; it is
    never converted, so it costs nothing however large the number is.
    """

    __slots__ = ()
    #: How messages name it: it is a number in the document.
    json_type: Final = "number"

    def __repr__(self) -> str:
        return "<number beyond the reading limits>"


_BEYOND = NumberBeyondLimits()
LIMIT_MESSAGE = f"number beyond the reading limits (at most {MAX_NUMBER_CHARS} characters and places)"


def _parse_int(text: str) -> int | NumberBeyondLimits:
    if len(text) > MAX_NUMBER_CHARS:
        return _BEYOND
    return int(text)


def _parse_float(text: str) -> Decimal | NumberBeyondLimits:
    if len(text) > MAX_NUMBER_CHARS:
        return _BEYOND
    m = _NUMBER_PARTS.fullmatch(text)
    if m is None:  # the JSON grammar was checked by the parser: never here
        return _BEYOND
    if m.group(3) is not None and abs(int(m.group(3))) > MAX_NUMBER_CHARS:
        return _BEYOND
    value = Decimal(text)
    if len(format(value, "f")) > MAX_NUMBER_CHARS:
        return _BEYOND  # e.g. 1e39: its exact digits would not fit when written back
    return value


class _NotJson(Exception):
    """``NaN``, ``Infinity`` and ``-Infinity``: Python's json reads them, JSON has no such numbers."""


def _parse_constant(text: str) -> Any:
    raise _NotJson(text)


#: The decoder of every document, made once (``json.loads`` with hooks would make one per call).
#: It holds no state between calls.
_DECODER: Final = json.JSONDecoder(
    parse_float=_parse_float, parse_int=_parse_int, parse_constant=_parse_constant
)


#: A document's bytes in four classes, for ``bytes.translate``: every ASCII digit becomes ``1``, the
#: openers ``[`` and ``{`` become ``[``, the backslash stays, every other byte becomes ``0``. One pass
#: then answers the three questions `_quick` asks before it reads: a run of `MAX_NUMBER_CHARS` digits
#: shows as a run of ones, the openers are counted with one ``count``, and a backslash (the start of
#: any escape) is one byte to look for (all at C speed).
_MARKS: Final = bytes(
    0x31 if 0x30 <= b <= 0x39 else 0x5B if b in b"[{" else 0x5C if b == 0x5C else 0x30 for b in range(256)
)
_LONG_DIGITS: Final = b"1" * MAX_NUMBER_CHARS
_SURROGATE_ESCAPE_BYTES: Final = re.compile(rb"\\u[dD][89a-fA-F]")
#: Stands for "read it with the standard reader" (`_quick`'s answer where it does not read).
_SLOW: Final = object()


@functools.cache
def _msgspec_decode() -> Callable[[bytes], Any]:
    """The JSON decoder of msgspec with the floats of `_parse_float`; imported on first use (start-up)."""
    import msgspec

    decode: Callable[[bytes], Any] = msgspec.json.Decoder(float_hook=_parse_float).decode
    return decode


def _quick(raw: bytes, marks: bytes | None = None) -> Any:
    """The data of a JSON document as msgspec reads it, or `_SLOW` for the standard reader.

    msgspec reads a document three times as fast as the standard library's reader. It is used
    only where its data are those of the standard reader with the hooks of this module: floats
    go through `_parse_float` as there; integers are exact in both, and a document with a run of
    `MAX_NUMBER_CHARS` digits (a number that may be beyond the limits) goes the standard way, as
    does one with a surrogate escape (the standard reader keeps a lone one, which is then
    reported with its path). Whatever msgspec refuses (not JSON, ``NaN``, a control character
    in a string, a byte order mark) is read by the standard reader, which reads it or says
    what is wrong as before. ``marks``: ``raw.translate(_MARKS)``, when the caller has it.
    """
    if marks is None:
        marks = raw.translate(_MARKS)
    if b"\\" in marks and _SURROGATE_ESCAPE_BYTES.search(raw) is not None:
        return _SLOW
    if _LONG_DIGITS in marks:
        return _SLOW
    try:
        return _msgspec_decode()(raw)
    except Exception:  # any refusal: the standard reader has the last word
        return _SLOW


#: Every byte but the quote and the four brackets, for ``bytes.translate``.
_NOT_STRUCTURE: Final = bytes(b for b in range(256) if b not in b'"[]{}')


def _brackets(text: str | bytes) -> str:
    """The brackets of ``text`` outside its strings, in order.

    A text without backslashes and with an even number of quotes (nearly every document) is
    done at C speed on its UTF-8 bytes (no byte of a multi-byte character is a quote or a
    bracket): delete all but quotes and brackets, then drop every second piece between quotes,
    the strings. Any other text goes through the regular expressions of JSON strings, which
    give the same result for the first kind. ``bytes`` (UTF-8) give what their text gives: no
    byte of a multi-byte character is a quote, a backslash or a bracket either.
    """
    raw = text if isinstance(text, bytes) else None
    if "\\" not in text if raw is None else b"\\" not in raw:
        skeleton = (raw if raw is not None else str(text).encode("utf-8", "surrogatepass")).translate(
            None, _NOT_STRUCTURE
        )
        # Nearly every string holds no bracket: its two quotes are side by side in the skeleton.
        # When removing the adjacent pairs leaves no quote, every string was such a pair (the first
        # quote can only pair with the next, and so on), and what is left are the brackets.
        bare = skeleton.replace(b'""', b"")
        if b'"' not in bare:
            return bare.decode("ascii")
        if skeleton.count(b'"') % 2 == 0:
            return b"".join(skeleton.split(b'"')[::2]).decode("ascii")
    if raw is not None:
        return _NOT_BRACKET_BYTES.sub(b"", _STRING_BYTES.sub(b"", raw)).decode("ascii")
    return _NOT_BRACKET.sub("", _STRING.sub("", str(text)))


def _too_deep(text: str | bytes, max_depth: int) -> bool:
    """Whether ``text`` nests arrays and objects deeper than ``max_depth`` (a linear scan, no recursion).

    Strings are removed first (they may hold brackets); then matching pairs
    ``[]`` and ``{}`` are removed from the inside out, one level per pass. What
    is left after the passes stop are unmatched brackets: the parser fails at
    the first unmatched closing one, so only the openers before it count.
    ``bytes`` (UTF-8) give what their text gives.
    """
    if isinstance(text, bytes):
        if text.translate(_MARKS).count(b"[") <= max_depth:
            return False
    elif text.count("[") + text.count("{") <= max_depth:
        return False
    return _nested_beyond(_brackets(text), max_depth)


def _nested_beyond(brackets: str, max_depth: int) -> bool:
    """Whether the brackets of a document (see `_brackets`) nest deeper than ``max_depth``."""
    passes = 0
    while brackets:
        # One level per pass: the innermost pairs of both kinds go, marked first so that a pair the
        # removal brings together ("{[]}" -> "{}") waits for the next pass.
        shorter = brackets.replace("[]", "\x00").replace("{}", "\x00").replace("\x00", "")
        if shorter == brackets:
            break
        passes += 1
        if passes > max_depth:
            return True
        brackets = shorter
    lead = _OPENERS.match(brackets)
    return passes + (lead.end() if lead else 0) > max_depth


@functools.cache
def _msgspec_items() -> Callable[[bytes], list[Any]]:
    """Msgspec's reader of a JSON array into the raw bytes of its items (each checked, none decoded)."""
    import msgspec

    decode: Callable[[bytes], list[Any]] = msgspec.json.Decoder(list[msgspec.Raw]).decode
    return decode


#: `read_item`'s answer for an item it does not read: read the whole document with `parse_json`.
NOT_READ: Final = _SLOW


#: The largest array `array_items` splits. A raw item costs about 56 bytes however small it is, so
#: an array of tiny items (``[1,1,1,...]``) costs several times its plain data that way: up to this
#: size at most some 900 MB, less than `parse_json` may take for a document at the size limit.
ITEMWISE_BYTES: Final = 32 * 1024 * 1024


def array_items(text: Any, max_bytes: int = MAX_DOCUMENT_BYTES) -> list[Any] | None:
    """The items of a JSON array given as bytes, each as its raw bytes, or ``None``.

    For a reader that reads an array item by item (each item's plain data can go once read,
    and each record is built where its data were): bytes within ``max_bytes`` and
    `ITEMWISE_BYTES` that begin with ``[`` and are one well-formed JSON array (msgspec checks
    the whole of it). ``None`` for anything else, which `parse_json` reads or refuses. Read
    each item with `read_item`; when every item is read, the items' data are the items of what
    `parse_json` gives for the document (under the same limits); when one is not, read the
    document with `parse_json`.
    """
    if text.__class__ is not bytes or len(text) > min(max_bytes, ITEMWISE_BYTES) or text[:1] != b"[":
        return None
    try:
        return _msgspec_items()(text)
    except Exception:  # not one array of JSON values: parse_json says what is wrong
        return None


def read_item(item: Any, max_depth: int = MAX_DEPTH) -> Any:
    """The data of an item of `array_items` as `parse_json` gives it in its array, or `NOT_READ`.

    The limits are those of the whole document (the array is one level of ``max_depth``); an
    item that is beyond them or that msgspec does not read as the standard reader would is
    `NOT_READ`.
    """
    raw = bytes(item)
    marks = raw.translate(_MARKS)
    if marks.count(b"[") >= max_depth and _nested_beyond(_brackets(raw), max_depth - 1):
        return _SLOW
    return _quick(raw, marks)


def _broken(document: str, message: str) -> InvalidDocument:
    return InvalidDocument([DocumentProblem("$", message)], document=document)


def _size(limit: int) -> str:
    """A size limit in words a reader takes in (and no long digit run, which messages would mask)."""
    if limit >= 1024 * 1024 and limit % (1024 * 1024) == 0:
        return f"{limit // (1024 * 1024)} MiB"
    if limit >= 1024 and limit % 1024 == 0:
        return f"{limit // 1024} KiB"
    return f"{limit:,} bytes".replace(",", " ")


def _text(text: Any, document: str, max_bytes: int) -> tuple[str, bytes]:
    """The document as text, and as bytes for `_quick` (empty when it is not plain ASCII or UTF-8)."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        if len(text) > max_bytes:
            raise _broken(document, f"larger than {_size(max_bytes)}")
        raw = text if text.__class__ is bytes else bytes(text)
        if raw[:3] == _BOM:  # what the utf-8-sig codec does, without its Python-level wrapper
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _broken(document, f"not UTF-8 text (byte {exc.start + 1})") from None
    elif not isinstance(text, str):
        raise _broken(document, f"expected JSON text, got {json_type(text)}")
    elif len(text) > max_bytes:
        raise _broken(document, f"larger than {_size(max_bytes)}")
    else:
        raw = text.encode("ascii") if text.isascii() else b""
    return text, raw


def parse_json(
    text: str | bytes | bytearray,
    *,
    document: str = "document",
    max_bytes: int = MAX_DOCUMENT_BYTES,
    max_depth: int = MAX_DEPTH,
) -> Any:
    """Plain data from JSON text, under the reading limits; numbers exact.

    ``bytes`` must be UTF-8 (a byte order mark is skipped). Integers become
    ``int``, other numbers `Decimal` with their digits as
    written; a number beyond `MAX_NUMBER_CHARS` becomes a
    [`NumberBeyondLimits`][duo_domain.serialize.reading.NumberBeyondLimits] marker.

    Args:
        text: The JSON text.
        document: How the document is named in the error.
        max_bytes: The largest document read.
        max_depth: The deepest nesting read.

    Raises:
        InvalidDocument: for text that is too large, not UTF-8, nested too
            deep, or not JSON (the message names the line and column).
    """
    tried = False
    if text.__class__ is bytes and len(text) <= max_bytes:
        # The common case, UTF-8 bytes within the size limit, in as few passes as it takes: one
        # translate (see _MARKS) counts the openers and finds long digit runs and escapes. Bytes
        # that may nest too deep are scanned as their text would be; whatever is not read here
        # goes the way below, which reads it or says what is wrong, in the same order as always.
        raw: bytes = text[3:] if text[:3] == _BOM else text
        marks = raw.translate(_MARKS)
        if marks.count(b"[") <= max_depth or not _nested_beyond(_brackets(raw), max_depth):
            tried = True
            data = _quick(raw, marks)
            if data is not _SLOW:
                return data
        del marks  # a copy of the document's size: not held while the way below reads it
    text, raw = _text(text, document, max_bytes)
    if _too_deep(text, max_depth):
        raise _broken(document, f"nested deeper than {max_depth} levels")
    if raw and not tried:
        data = _quick(raw)
        if data is not _SLOW:
            return data
    try:
        if text[:1] == "\ufeff":  # json.loads names a byte order mark in a str; the decoder alone would not
            data = json.loads(
                text, parse_float=_parse_float, parse_int=_parse_int, parse_constant=_parse_constant
            )
        else:
            data = _DECODER.decode(text)
    except _NotJson as exc:
        raise _broken(document, f"not JSON: {exc.args[0]} is not a JSON number") from None
    except json.JSONDecodeError as exc:
        problem = DocumentProblem("$", f"not JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
        raise InvalidDocument([problem], document=document) from None
    except RecursionError:  # only when the caller's own stack is nearly exhausted
        raise _broken(document, f"nested deeper than {max_depth} levels") from None
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None:  # rare: only then look for a lone one
        path = _lone_surrogate(data, "$")
        if path is not None:
            problem = DocumentProblem(path, "not Unicode text: a lone surrogate escape (\\ud800-\\udfff)")
            raise InvalidDocument([problem], document=document)
    return data


def _lone_surrogate(data: Any, path: str) -> str | None:
    """The path of the first string (or key) that holds half of a surrogate pair, or ``None``."""
    if data.__class__ is str:
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    if data.__class__ is list:
        for i, item in enumerate(data):
            found = _lone_surrogate(item, f"{path}[{i}]")
            if found is not None:
                return found
    elif data.__class__ is dict:
        for key, value in data.items():
            found = _lone_surrogate(key, path) or _lone_surrogate(value, f"{path}.{key}")
            if found is not None:
                return found
    return None
