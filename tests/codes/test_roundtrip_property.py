"""Any code table survives ``dumps`` and ``loads`` unchanged (a property, over generated tables)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from duo_domain.codes import CodeValue, Waardenlijst, dumps, loads

_text = st.text(max_size=20)
_dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
_KENMERKEN = ("a", "b", "c")


@st.composite
def _value(draw: st.DrawFn, code: str) -> CodeValue:
    van, tot = draw(_dates), draw(_dates)
    if van is not None and tot is not None and tot < van:
        van, tot = tot, van
    kenmerken = draw(st.dictionaries(st.sampled_from(_KENMERKEN), _text, max_size=3))
    return CodeValue(code, draw(_text), van, tot, draw(_text), kenmerken)


@st.composite
def _table(draw: st.DrawFn) -> Waardenlijst:
    codes = draw(st.lists(st.text(min_size=1, max_size=8), unique=True, max_size=8))
    values = tuple(draw(_value(code)) for code in codes)
    van, tot = draw(_dates), draw(_dates)
    if van is not None and tot is not None and tot < van:
        van, tot = tot, van
    return Waardenlijst(
        draw(_text),
        draw(_text),
        values,
        open=draw(st.booleans()),
        versie=draw(_text),
        geldig_van=van,
        geldig_tot=tot,
        kenmerken=dict.fromkeys(_KENMERKEN, "meaning"),
        omschrijving=draw(_text),
        url=draw(_text),
    )


@given(_table())
def test_dumps_then_loads_gives_the_same_table(lijst: Waardenlijst) -> None:
    text = dumps(lijst)
    assert loads(text) == lijst
    assert dumps(loads(text.encode("utf-8"))) == text
