"""Property: any record, in any dialect, is written to a line that reads back to the same record and line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.errors import DocumentProblem
from duo_domain.identity import Bsn, Onderwijsnummer
from duo_domain.identity.student import OnvolledigeDatum
from duo_domain.serialize import returnfile as rf
from duo_domain.serialize._returnfile_records import RECORD_CLASSES, variants
from duo_domain.serialize.returnfile import Datumnotatie, Kind, OngeldigNummer, Opmaak
from duo_domain.testing.identity import bsns, onderwijsnummers

_TEXT = st.text(alphabet="ABCKXZ0123456789 -.", min_size=1, max_size=12)


def _partial(d: dt.date, drop: int) -> OnvolledigeDatum:
    if drop == 2:
        return OnvolledigeDatum(d.year)
    if drop == 1:
        return OnvolledigeDatum(d.year, d.month)
    return OnvolledigeDatum.from_date(d)


_DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))

_VALUES: dict[Kind, st.SearchStrategy[Any]] = {
    Kind.TEXT: _TEXT,
    Kind.DIGITS: st.from_regex(r"[1-9][0-9]{8}", fullmatch=True),
    Kind.INT: st.integers(0, 10**9),
    Kind.DATE: _DATES,
    Kind.PARTIAL_DATE: st.builds(_partial, _DATES, st.integers(0, 2)),
    Kind.RAW_DATE: st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    Kind.JN: st.booleans(),
    Kind.GRADE: st.integers(1, 10).map(Decimal),
    Kind.GRADE10: st.integers(10, 100).map(lambda i: Decimal(i).scaleb(-1)),
    Kind.BSN: st.one_of(
        bsns().map(Bsn),
        st.from_regex(r"BSN[0-9]{1,3}", fullmatch=True).map(lambda s: OngeldigNummer(s, "bsn")),
    ),
    Kind.ONDERWIJSNUMMER: st.one_of(
        onderwijsnummers().map(Onderwijsnummer),
        st.from_regex(r"[0-9]{1,4}", fullmatch=True).map(lambda s: OngeldigNummer(s, "onderwijsnummer")),
    ),
}

_CLASSES = [(kind, cls) for kind, table in RECORD_CLASSES.items() for cls in table.values()]


@st.composite
def records(draw: st.DrawFn) -> tuple[str, Any]:
    kind, cls = draw(st.sampled_from(_CLASSES))
    variant = draw(st.integers(0, variants(cls) - 1))
    values: dict[str, Any] = {}
    in_layout = {v.naam for v in rf.layout(cls, variant)}
    for veld in rf.layout(cls):
        if veld.naam not in in_layout:
            values[veld.naam] = None
            continue
        value = _VALUES[veld.kind]
        if veld.naam == "veld_7":  # J or N there means the PvE layout
            value = value.filter(lambda s: s not in ("J", "N"))
        values[veld.naam] = draw(value if veld.verplicht else st.none() | value)
    width = len(rf.layout(cls, variant)) + 1
    opmaak = Opmaak(
        draw(st.sampled_from(["|", ";"])),
        draw(st.sampled_from(list(Datumnotatie))),
        draw(st.none() | st.integers(width + 1, width + 4)),
        variant,
    )
    return kind, cls(**values, opmaak=opmaak)


@settings(max_examples=400)
@given(records())
def test_record_to_line_to_record(item: tuple[str, Any]) -> None:
    kind, record = item
    line = rf.format_record(record)
    read = list(rf.iter_records([line], kind=kind, check_numbers=False))
    records_read = [r for r in read if not isinstance(r, DocumentProblem)]
    assert records_read == [record], [str(p) for p in read if isinstance(p, DocumentProblem)]
    assert rf.format_record(records_read[0]) == line
    assert attrs.evolve(records_read[0].opmaak, datumnotatie=record.opmaak.datumnotatie) == record.opmaak or (
        record.opmaak.datumnotatie is Datumnotatie.DMY_PADDED
    )


@settings(max_examples=50)
@given(st.lists(records(), min_size=1, max_size=20).map(lambda items: [r for k, r in items if k == "RO"]))
def test_file_to_records_to_file(items: list[Any]) -> None:
    # One file has one separator: the one of its first line.
    sep = items[0].opmaak.scheidingsteken if items else "|"
    items = [attrs.evolve(r, opmaak=attrs.evolve(r.opmaak, scheidingsteken=sep)) for r in items]
    text = rf.dumps(items)
    result = list(rf.iter_records(text.encode(), kind="RO", check_numbers=False))
    back = [r for r in result if not isinstance(r, DocumentProblem)]
    assert rf.dumps(back) == text
