"""The depth scan's quick path finds the same brackets as the regular expressions of JSON strings."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from duo_domain import _json as reading


def _slow(text: str) -> str:
    return reading._NOT_BRACKET.sub("", reading._STRING.sub("", text))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON)
def test_documents_give_the_same_brackets(data: object) -> None:
    for text in (json.dumps(data), json.dumps(data, ensure_ascii=False)):
        assert reading._brackets(text) == _slow(text)


@given(st.text(alphabet='[]{}"\\ab\u00e9\U0001f600', max_size=40))
def test_any_text_gives_the_same_brackets(text: str) -> None:
    assert reading._brackets(text) == _slow(text)


def test_a_string_holding_brackets_does_not_count() -> None:
    assert reading._brackets('{"a": "[[[{", "b": [1, {"c": "]"}]}') == "{[{}]}"


def test_strings_side_by_side_and_a_string_holding_a_bracket_among_them() -> None:
    # Most strings hold no bracket (two quotes side by side once the rest is gone); one that does
    # makes the quick path fall back to splitting the quotes.
    assert reading._brackets('{"a": "b", "c": ["d", "e"]}') == "{[]}"
    assert reading._brackets('{"a": "b", "c": ["d[", "e"]}') == "{[]}"
    assert reading._brackets('["x", "]", "y", "{"]') == "[]"
    assert reading._brackets('[""]') == "[]"


@given(st.text(alphabet='[]{}"\\ab\u00e9\U0001f600', max_size=40))
def test_utf8_bytes_give_the_brackets_of_their_text(text: str) -> None:
    # The batch reader scans the bytes of a document before it is decoded.
    raw = text.encode("utf-8")
    assert reading._brackets(raw) == reading._brackets(text)
    assert reading._too_deep(raw, 3) == reading._too_deep(text, 3)


@given(_JSON)
def test_utf8_bytes_of_documents_give_the_brackets_of_their_text(data: object) -> None:
    text = json.dumps(data, ensure_ascii=False)
    raw = text.encode("utf-8", "surrogatepass")
    assert reading._brackets(raw) == reading._brackets(text)
