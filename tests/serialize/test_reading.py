"""The one reading policy: limits before work, exact numbers, canonical text, one message format.

Every hostile input is tried on every reader; each must end as an InvalidDocument (a ValueError of
the library) with a path, quickly, never as another exception.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings

from duo_domain.errors import InvalidDocument, InvalidValue
from duo_domain.mbo.enrolment import Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.rules import validate
from duo_domain.serialize.json import (
    CIJFERLIJST,
    DOCUMENT_NAME,
    MBO_UITSLAG,
    dumps_cijferlijst,
    dumps_mbo_uitslag,
    loads_cijferlijst,
    loads_document,
    loads_mbo,
    loads_mbo_uitslag,
    structure_cijferlijst,
    structure_document,
    structure_mbo_each,
    structure_mbo_uitslag,
)
from duo_domain.serialize.reading import MAX_DEPTH, NumberBeyondLimits, parse_json
from duo_domain.testing import examenkandidaten

UITSLAG = {
    "sector": "mbo",
    "niveau": 4,
    "cohort_start": "2023-08-01",
    "studieduur_jaren": 3,
    "datum_uitslag": "2026-07-01",
    "generieke_onderdelen": [
        {"onderdeel": "nederlands", "code": "3005", "ie": "6.9", "ce": "4.1"},
        {"onderdeel": "engels", "ie": 7, "ce": 6},
        {"onderdeel": "rekenen", "eindcijfer": 5},
    ],
    "specifieke_onderdelen": [{"eindcijfer": 7}, {"beoordeling": "voldoende"}],
    "loopbaan_en_burgerschap": "voldaan",
    "keuzedelen": [{"code": "K0067", "eindcijfer": 7}],
}
CIJFER = {
    "schoolsoort": "havo",
    "examenjaar": 2026,
    "vakken": [{"vakcode": "1001", "se": "6.4", "ce": 6}, {"vakcode": "0353", "beoordeling": "voldoende"}],
    "profielwerkstuk": {"cijfer": 7},
}
RECORD = {"student": {"studentnummer": "S1"}}

HOSTILE_TEXTS = [
    "[" * 100000,
    "{" * 100000,
    '{"a":' * 50000,
    '["]",' * 20000,
    "1E+1000000",
    "1e99999999999999999999",
    "1" * 5000,
    "-" + "9" * 5000 + ".5",
    '{"x": 1E+1000000}',
    "",
    "{",
    "\xff\xfe{",
    "nul",
    '{"a": NaN}',
    '{"a": Infinity}',
    '{"student": {"studentnummer": "\\ud800"}}',
    '{"\\udc00": 1}',
]


def read_any(text: str) -> Any:
    return structure_document(loads_document(text))


READERS: list[Callable[[str], Any]] = [loads_mbo, loads_mbo_uitslag, loads_cijferlijst, read_any]


@pytest.mark.parametrize("reader", READERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=lambda t: repr(t[:12]))
def test_hostile_text_is_a_document_error_and_fast(reader: Callable[[str], Any], text: str) -> None:
    start = time.perf_counter()
    with pytest.raises(InvalidDocument) as info:
        reader(text)
    assert time.perf_counter() - start < 1.0
    assert all(p.path.startswith("$") for p in info.value.problems)


def test_bytes_that_are_not_utf8() -> None:
    with pytest.raises(InvalidDocument, match="not UTF-8"):
        parse_json(b'{"a": "\xff"}')


def test_depth_is_checked_before_parsing_and_brackets_in_strings_do_not_count() -> None:
    with pytest.raises(InvalidDocument, match="nested deeper"):
        parse_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    assert parse_json(json.dumps({"s": "[[[[[[" * 100})) == {"s": "[[[[[[" * 100}
    # strings that close what the scan would see open must not hide real depth
    with pytest.raises(InvalidDocument, match="nested deeper"):
        parse_json('["]",' * 100 + "1" + "]" * 100)


def _alternating(levels: int) -> str:
    """Objects and arrays nested in turn, ``levels`` deep: ``{"a": [{"a": [...]}]}``."""
    opening = "".join('{"a": ' if i % 2 == 0 else "[" for i in range(levels))
    closing = "".join("}" if i % 2 == 0 else "]" for i in reversed(range(levels)))
    return opening + "1" + closing


@pytest.mark.parametrize("as_bytes", [False, True])
def test_objects_and_arrays_in_turn_count_one_level_each(as_bytes: bool) -> None:
    # The scan removes the innermost pairs level by level; a pair that the removal brings together
    # ("{[]}" -> "{}") belongs to the next level, not to the same pass.
    def text(levels: int) -> str | bytes:
        found = _alternating(levels)
        return found.encode() if as_bytes else found

    assert parse_json(text(MAX_DEPTH)) is not None
    for levels in (MAX_DEPTH + 1, MAX_DEPTH + 2, 2 * MAX_DEPTH):
        with pytest.raises(InvalidDocument, match="nested deeper"):
            parse_json(text(levels))


def test_broken_json_names_line_and_column() -> None:
    with pytest.raises(InvalidDocument) as info:
        parse_json('{\n  "a": }')
    [problem] = info.value.problems
    assert problem.line == 2
    assert str(problem) == "not JSON: Expecting value (column 8) @ $ (line 2)"


def test_numbers_are_exact_and_large_ones_are_marked_not_converted() -> None:
    assert parse_json("[6.50, 7, 65E-1]") == [Decimal("6.50"), 7, Decimal("6.5")]
    assert isinstance(parse_json("1E+1000000"), NumberBeyondLimits)
    assert isinstance(parse_json("1" * 41), NumberBeyondLimits)
    assert parse_json("1" * 40) == int("1" * 40)


@pytest.mark.parametrize(
    "value",
    ["2026-W27-1", "20260701", "２０２６-０７-０１", "٢٠٢٦-٠٧-٠١", "2026-7-1", "2026-07-01 ", "2026-02-30"],
)
def test_only_calendar_dates_with_ascii_digits(value: str) -> None:
    doc = dict(UITSLAG, datum_uitslag=value)
    with pytest.raises(InvalidDocument) as info:
        structure_mbo_uitslag(doc)
    assert info.value.problems[0].path == "$.datum_uitslag"


@pytest.mark.parametrize("value", ["６.５", "+7", "0.7e1", "1_0", " 6.5", "6,5", "٦.٥", "6.50", "06.5"])
def test_grade_strings_are_canonical(value: str) -> None:
    doc = json.loads(json.dumps(CIJFER))
    doc["vakken"][0]["se"] = value
    with pytest.raises(InvalidDocument) as info:
        structure_cijferlijst(doc)
    assert info.value.problems[0].path == "$.vakken[0].se"


@pytest.mark.parametrize("value", ["６.５", "+7", "0.7e1", "1_0", "1E+1"])
def test_decimal_strings_of_the_student_record_are_canonical(value: str) -> None:
    geo = {"resultaatvolgnummer": "G", "code": "3005", "cijfer_ie": value}
    doc = {"student": {}, "losse_resultaten": {"generieke_examenonderdelen": [geo]}}
    [read] = structure_mbo_each(doc)
    assert read.error is not None
    assert read.error.problems[0].path == "$.losse_resultaten.generieke_examenonderdelen[0].cijfer_ie"


def test_the_same_bad_input_gives_the_same_message_from_every_reader() -> None:
    messages = set()
    for reader in READERS:
        with pytest.raises(InvalidDocument) as info:
            reader("[1,")
        messages.add(str(info.value.problems[0]))
    assert len(messages) == 1


def test_one_unreadable_record_does_not_sink_the_others() -> None:
    data = [RECORD, {"student": {"bsn": "123456789"}}, {"student": 7}, RECORD]
    reads = list(structure_mbo_each(data))
    assert [r.index for r in reads] == [0, 1, 2, 3]
    assert [r.record is not None for r in reads] == [True, False, False, True]
    assert reads[1].error is not None
    assert reads[1].error.problems[0].path == "$[1].student.bsn"
    assert "123456789" not in str(reads[1].error)
    assert reads[2].error is not None
    assert reads[2].error.lines() == ["expected an object, got number @ $[2].student"]


def test_every_bad_field_of_a_record_is_listed() -> None:
    periode = {
        "datum_begin": 20240801,
        "opleidingscode": 25655,
        "leertraject": "BOL",
        "indicatie_bekostigbaar": "J",
    }
    doc = {
        "student": {},
        "inschrijvingen": [
            {
                "inschrijvingvolgnummer": "1",
                "instelling": "25LX",
                "datum_inschrijving": "2024-08-01",
                "datum_uitschrijving_gepland": "2025-07-31",
                "perioden": [periode],
            }
        ],
    }
    [read] = structure_mbo_each(doc)
    assert read.error is not None
    assert sorted(p.path.rsplit(".", 1)[1] for p in read.error.problems) == [
        "datum_begin",
        "indicatie_bekostigbaar",
        "opleidingscode",
    ]


def test_kinds_are_told_apart() -> None:
    assert loads_document(json.dumps(UITSLAG)).kind == MBO_UITSLAG
    assert loads_document(json.dumps(CIJFER)).kind == CIJFERLIJST
    assert loads_document(json.dumps([RECORD])).kind == DOCUMENT_NAME


def test_uitslag_document_round_trips() -> None:
    inp = loads_mbo_uitslag(json.dumps(UITSLAG))
    assert loads_mbo_uitslag(dumps_mbo_uitslag(inp)) == inp


@settings(max_examples=60, deadline=None)
@given(examenkandidaten())
def test_cijferlijst_round_trips(kandidaat: Any) -> None:
    kandidaat = kandidaat.__class__(**{**_fields(kandidaat), "student": None})
    assert loads_cijferlijst(dumps_cijferlijst(kandidaat)) == kandidaat


def _fields(obj: Any) -> dict[str, Any]:
    import attrs

    return {a.name: getattr(obj, a.name) for a in attrs.fields(type(obj))}


@pytest.mark.parametrize("obj", [None, "hello", {"student": {}}, 7, [RECORD]])
def test_validate_refuses_what_it_cannot_validate(obj: Any) -> None:
    with pytest.raises(InvalidValue, match="expected a domain object"):
        validate(obj)


def test_validate_still_takes_objects_and_lists_of_them() -> None:
    record = MboStudentRecord(__import__("duo_domain.identity", fromlist=["Student"]).Student())
    assert validate(record) is not None
    assert validate([record]) is not None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"indicatie_bekostigbaar": "N"}, "Periode.indicatie_bekostigbaar"),
        ({"opleidingscode": 25655}, "Periode.opleidingscode"),
        ({"datum_begin": "2023-08-01"}, "Periode.datum_begin"),
        ({"niveau": 4}, "Periode.niveau"),
    ],
)
def test_constructors_name_the_field_of_a_wrong_type(change: dict[str, Any], field: str) -> None:
    args: dict[str, Any] = {
        "datum_begin": dt.date(2023, 8, 1),
        "opleidingscode": "25655",
        "leertraject": "BOL",
        "indicatie_bekostigbaar": True,
        **change,
    }
    with pytest.raises(InvalidValue) as info:
        Periode(**args)
    assert info.value.field == field
    assert "2023-08-01" not in str(info.value)
    assert "25655" not in str(info.value)


def test_a_lone_surrogate_is_refused_with_its_path_and_a_pair_is_read() -> None:
    with pytest.raises(InvalidDocument) as info:
        parse_json('{"a": ["x", "\\udfff"]}')
    assert info.value.problems[0].path == "$.a[1]"
    assert parse_json('"\\ud83d\\ude00"') == "\U0001f600"
    assert parse_json('"\\\\ud800"') == "\\ud800"  # an escaped backslash, not an escape
