"""msgspec's quick reading gives the standard reader's data, or leaves the document to it.

`parse_json` reads a document with msgspec where that gives the very data the standard
library's reader gives with the module's hooks (exact integers, floats as `Decimal` or the
beyond-the-limits marker), and otherwise with the standard reader, whose errors name what is
wrong. Either way the caller gets the same data or the same error.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from duo_domain import _json as reading
from duo_domain.errors import InvalidDocument
from duo_domain.serialize.reading import MAX_NUMBER_CHARS, NumberBeyondLimits, parse_json


def _exact(data: Any) -> Any:
    """The data with the type and exact text of every value, so that 1 != 1.0 != Decimal('1.0')."""
    if isinstance(data, dict):
        return ("dict", [(k, _exact(v)) for k, v in data.items()])
    if isinstance(data, list):
        return ("list", [_exact(v) for v in data])
    return (type(data).__name__, repr(data))


def _standard(raw: bytes) -> Any:
    return reading._DECODER.decode(raw.decode("utf-8"))


_PIECES = st.sampled_from(
    [
        *("{", "}", "[", "]", ",", ":", '"', '"a"', '"k"', " ", "\t", "\n", "\x0c", "\x00", "\\", "\\u0041"),
        *("\\ud800", "\\udc00", "\\ud83d\\ude00", "\\n", "\\x", "0", "1", "-", "-0", "007", "1.5", "1e5"),
        *("1E+400", "2.", ".5", "9" * 25, "9" * (MAX_NUMBER_CHARS + 1), "true", "false", "null", "NaN"),
        *("Infinity", "\u00e9", "\ufeff", "\x7f"),
    ]
)

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**45), max_value=10**45)
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(st.lists(_PIECES, max_size=12).map("".join))
@example('{"a": 1, "a": 2}')
@example('["\\ud800"]')
@example("[" + "1" * (MAX_NUMBER_CHARS - 1) + ", -" + "2" * (MAX_NUMBER_CHARS - 1) + "]")
def test_quick_reading_reads_as_the_standard_reader_or_leaves_it(text: str) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    quick = reading._quick(raw)
    if quick is reading._SLOW:
        return
    assert _exact(quick) == _exact(_standard(raw))


@given(_JSON)
def test_documents_read_alike(data: Any) -> None:
    for text in (json.dumps(data, default=str), json.dumps(data, default=str, ensure_ascii=False)):
        raw = text.encode("utf-8", "surrogatepass")
        quick = reading._quick(raw)
        if quick is not reading._SLOW:
            assert _exact(quick) == _exact(_standard(raw))


def test_numbers_are_exact_and_limited_as_before() -> None:
    data = parse_json(b'[1.50, 7, -0, 1e2, "' + b"9" * 50 + b'"]')
    assert _exact(data) == _exact([Decimal("1.50"), 7, 0, Decimal("1e2"), "9" * 50])
    beyond = parse_json(b"[" + b"9" * (MAX_NUMBER_CHARS + 1) + b"]")
    assert isinstance(beyond[0], NumberBeyondLimits)
    assert isinstance(parse_json(b"[-" + b"9" * MAX_NUMBER_CHARS + b"]")[0], NumberBeyondLimits)
    assert parse_json(b"[-" + b"9" * (MAX_NUMBER_CHARS - 1) + b"]") == [-int("9" * (MAX_NUMBER_CHARS - 1))]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"[NaN]", "not JSON: NaN is not a JSON number"),
        (b"[1,]", "not JSON"),
        (b'["\\ud800"]', "lone surrogate"),
        (b"\xef\xbb\xbf[1]", None),
        ("\ufeff[1]", "not JSON"),
        ("[1, \u00e9]", "not JSON"),
    ],
)
def test_what_the_quick_reader_refuses_is_read_or_refused_as_before(text: Any, message: str | None) -> None:
    if message is None:
        assert parse_json(text) == [1]
        return
    with pytest.raises(InvalidDocument, match=message):
        parse_json(text)


def _whole(raw: bytes) -> Any:
    try:
        return parse_json(raw)
    except InvalidDocument as exc:
        return exc


def _max_depth(data: Any) -> int:
    if isinstance(data, dict):
        return 1 + max(map(_max_depth, data.values()), default=0)
    if isinstance(data, list):
        return 1 + max(map(_max_depth, data), default=0)
    return 0


@given(st.lists(_PIECES, max_size=12).map("".join), st.lists(_JSON, max_size=4))
@example("", [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]])
@example("", [["x" * 5, {"a": [[{"b": [2]}] * 20]}]])
def test_an_array_read_item_by_item_gives_what_parse_json_gives(text: str, items: list[Any]) -> None:
    """Where every item is read, the items are the data of the whole document, under its limits."""
    for raw in (
        text.encode("utf-8", "surrogatepass"),
        ("[" + text + "]").encode("utf-8", "surrogatepass"),
        json.dumps(items, default=str).encode(),
        json.dumps(items, default=str, ensure_ascii=False).encode("utf-8", "surrogatepass"),
    ):
        found = reading.array_items(raw)
        if found is None:
            continue
        read = [reading.read_item(item) for item in found]
        if any(r is reading.NOT_READ for r in read):
            continue
        whole = _whole(raw)
        assert not isinstance(whole, InvalidDocument), (raw, whole)
        assert _exact(read) == _exact(whole)


def test_an_item_beyond_the_depth_limit_is_not_read() -> None:
    # The array is one level: an item may nest 31 deep in a document of at most 32 levels.
    inner = b"[" * 31 + b"]" * 31
    found = reading.array_items(b"[" + inner + b"]")
    assert found is not None
    assert reading.read_item(found[0]) == json.loads(inner)
    deeper = b"[" * 32 + b"]" * 32
    found = reading.array_items(b"[" + deeper + b"]")
    assert found is not None
    assert reading.read_item(found[0]) is reading.NOT_READ
    with pytest.raises(InvalidDocument, match="nested deeper than 32 levels"):
        parse_json(b"[" + deeper + b"]")
    assert _max_depth(parse_json(b"[" + inner + b"]")) == 32


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b" [1]",
        b"\xef\xbb\xbf[1]",
        b"[1] x",
        b"[1,]",
        b"{}",
        b'["\xff"]',
        b"[" * 40,
        "[1]",
        bytearray(b"[1]"),
    ],
)
def test_what_is_not_one_array_of_bytes_is_left_to_parse_json(raw: Any) -> None:
    found = reading.array_items(raw)
    assert found is None or [reading.read_item(i) for i in found] == [reading.NOT_READ]


@settings(max_examples=200)
@given(st.lists(_JSON, min_size=1, max_size=12), st.integers(0, 40))
def test_bytes_with_many_brackets_are_read_as_their_text(items: list[Any], depth: int) -> None:
    # Bytes with more openers than the depth limit are scanned for depth on the bytes themselves
    # (not decoded and encoded again): the same data, or the same error, as their text.
    nested: Any = items
    for _ in range(depth):
        nested = [nested, {"k": [1, {}]}]
    text = json.dumps(nested, default=str, ensure_ascii=False)
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate has no UTF-8 bytes: escape it
        text = json.dumps(nested, default=str)
        raw = text.encode("utf-8")
    outcomes = []
    for given_text in (raw, text):
        try:
            outcomes.append(("ok", _exact(parse_json(given_text))))
        except InvalidDocument as exc:
            outcomes.append(("error", exc.lines()))
    assert outcomes[0] == outcomes[1]


def test_an_array_beyond_the_itemwise_bound_is_left_to_parse_json(monkeypatch: pytest.MonkeyPatch) -> None:
    # A raw item costs ~56 bytes however small: a large array of tiny items is not split.
    raw = b"[" + b"1," * 1000 + b"1]"
    assert reading.array_items(raw) is not None
    monkeypatch.setattr(reading, "ITEMWISE_BYTES", len(raw) - 1)
    assert reading.array_items(raw) is None
    assert parse_json(raw) == [1] * 1001
