"""The typed reader of an MBO record reads only what the usual way reads, to an equal object.

`duo_domain.serialize._typed` reads a record in one pass of msgspec into a mirror and builds the
domain objects from it; the usual way parses the document (`parse_json`) and builds them with the
generated readers. The typed reader is a gate: for every document it either reads nothing (the
usual way then reads it or says what is wrong) or gives what the usual way gives, every type and
value alike. These tests hold it to that on the documents of the read-equivalence fixture (every
base, batch and hostile mutation), on records drawn by the library's strategies, on values at the
edges of what msgspec and the reading policy take, and at the depth limit of a raw value.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain._json import MAX_DEPTH, parse_json
from duo_domain.errors import InvalidDocument
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.serialize import json as json_mod
from duo_domain.serialize.json import loads_mbo, unstructure_mbo
from duo_domain.testing import mbo_student_records
from tests.serialize.test_mbo_read_equivalence import _canon, _load, documents

_BASE: dict[str, Any] = {
    "student": {"bsn": "111222333", "studentnummer": "S1"},
    "inschrijvingen": [
        {
            "inschrijvingvolgnummer": "A1",
            "instelling": "25LX",
            "datum_inschrijving": "2024-08-01",
            "datum_uitschrijving_gepland": "2027-07-31",
            "perioden": [
                {
                    "datum_begin": "2024-08-01",
                    "opleidingscode": "25655",
                    "leertraject": "BOL",
                    "indicatie_bekostigbaar": True,
                }
            ],
        }
    ],
    "bpv_overeenkomsten": [
        {
            "inschrijvingvolgnummer": "A1",
            "volgnummer": "B1",
            "afsluitdatum": "2024-09-01",
            "datum_begin": "2024-09-10",
            "datum_einde_gepland": "2025-06-30",
            "omvang": 800,
        }
    ],
}


def _usual(raw: bytes | str) -> Any:
    """What the usual way reads: the record's digest, or the error's lines."""
    try:
        data = parse_json(raw, document=json_mod.DOCUMENT_NAME)
        if data.__class__ is not dict:
            return ("not one record",)
        return _canon(json_mod._MBO.one(data, MboStudentRecord, "$", json_mod.DOCUMENT_NAME))
    except InvalidDocument as exc:
        return ("error", exc.lines())


def _typed(raw: bytes | str, depth: int = 1) -> Any:
    reader = json_mod._typed_record() if depth == 1 else json_mod._typed_item()
    assert reader is not None
    return reader(raw)


def _agrees(raw: bytes | str) -> bool:
    """The typed reader read nothing, or what the usual way reads; says whether it read."""
    read = _typed(raw)
    if read is None:
        return False
    assert _canon(read) == _usual(raw)
    return True


def test_the_record_has_a_typed_reader_and_a_list_item_too() -> None:
    assert json_mod._typed_record() is not None
    assert json_mod._typed_item() is not None


def test_every_fixture_document_is_read_as_the_usual_way_reads_it() -> None:
    bases, _ = _load()
    read = 0
    for doc in documents(bases):
        text = doc if isinstance(doc, str) else json.dumps(doc)
        raw = text.encode("utf-8", "surrogatepass")
        if raw.lstrip()[:1] != b"{":
            assert _typed(raw) is None
            continue
        read += _agrees(raw)
        if "\\ud" not in text.lower():  # a str with a lone surrogate cannot be handed over as text
            _agrees(text)
    assert read > 800  # the gate reads the valid documents, it does not just pass them on


@settings(max_examples=60, deadline=None)
@given(mbo_student_records())
def test_drawn_records_are_read_by_the_typed_reader_as_they_were_written(record: MboStudentRecord) -> None:
    raw = json.dumps(unstructure_mbo(record)).encode()
    read = _typed(raw)
    assert read is not None
    assert read == record
    assert _canon(read) == _canon(loads_mbo(raw)) == _usual(raw)


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from(["", "2024-08-01", "2024-02-30", "2024-8-1", "0001-01-01", "20240801", "111222333"]),
    st.text(max_size=12),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["a", "bsn"]), st.integers(), max_size=1),
)
_PLACES = (
    ("student", "bsn"),
    ("student", "onderwijsnummer"),
    ("student", "studentnummer"),
    ("student", "persoonsgegevens"),
    ("inschrijvingen", 0, "datum_inschrijving"),
    ("inschrijvingen", 0, "datum_uitschrijving_werkelijk"),
    ("inschrijvingen", 0, "reden_uitschrijving"),
    ("inschrijvingen", 0, "perioden", 0, "indicatie_bekostigbaar"),
    ("inschrijvingen", 0, "perioden", 0, "niveau"),
    ("inschrijvingen", 0, "perioden", 0, "datum_einde"),
    ("inschrijvingen", 0, "extra_ondersteuning"),
    ("bpv_overeenkomsten", 0, "omvang"),
    ("bpv_overeenkomsten", 0, "onbekend"),
    ("diplomas",),
    ("losse_resultaten",),
)


def _put(place: tuple[Any, ...], value: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(json.dumps(_BASE))
    target: Any = doc
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = value
    return doc


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_PLACES), _VALUES)
def test_any_value_anywhere_is_read_as_the_usual_way_reads_it(place: tuple[Any, ...], value: Any) -> None:
    text = json.dumps(_put(place, value), default=str)
    _agrees(text.encode())


@given(st.text(alphabet="0123456789-+TWZ: ٣", max_size=12))
def test_a_date_is_read_only_as_the_reading_policy_reads_it(text: str) -> None:
    _agrees(json.dumps(_put(("inschrijvingen", 0, "datum_inschrijving"), text)).encode())
    _agrees(json.dumps(_put(("inschrijvingen", 0, "perioden", 0, "datum_einde"), text)).encode())


@pytest.mark.parametrize(
    "escape",
    ["\\ud800", "\\udc00", "\\ud800x", "x\\udfff", "\\ud800\\u0041", "\\udc00\\ud800", "\\ud800\\ud800"],
)
def test_a_lone_surrogate_escape_is_left_to_the_usual_way(escape: str) -> None:
    raw = json.dumps(_put(("student", "studentnummer"), "S")).replace('"S"', f'"{escape}"').encode()
    assert _typed(raw) is None
    with pytest.raises(InvalidDocument, match="lone surrogate"):
        loads_mbo(raw)


def test_a_surrogate_pair_is_read_as_its_character() -> None:
    raw = json.dumps(_put(("student", "studentnummer"), "S")).replace('"S"', '"\\ud83d\\ude00"').encode()
    assert _agrees(raw)
    record = loads_mbo(raw)
    assert isinstance(record, MboStudentRecord)
    assert record.student.studentnummer == "\U0001f600"


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ('\ufeff{"student": {}}', False),  # a byte order mark: the usual way skips it
        ('{"student": {}, "student": {"studentnummer": "S2"}}', True),  # the last key counts, as in JSON
        ('{"student": {"studentnummer": "S"}} x', False),
        ('{"student": {}, "inschrijvingen": null}', False),
        ('{"student": {}, "bpv_overeenkomsten": [{"omvang": 1}]}', False),
    ],
)
def test_edges_of_the_document(text: str, reads: bool) -> None:
    assert _agrees(text.encode("utf-8")) is reads


def test_a_whole_number_beyond_int64_is_left_to_the_usual_way() -> None:
    for value in (2**63, -(2**63) - 1, 10**39, 10**40 - 1, -(10**39) + 1):
        raw = json.dumps(_put(("bpv_overeenkomsten", 0, "omvang"), value)).encode()
        assert _typed(raw) is None
        _agrees(raw)
    assert _agrees(json.dumps(_put(("bpv_overeenkomsten", 0, "omvang"), 2**63 - 1)).encode())


def _grade_nested(levels: int) -> bytes:
    """A record whose loose generic part's grade is nested ``levels`` arrays deep."""
    doc = {
        "student": {},
        "losse_resultaten": {
            "generieke_examenonderdelen": [{"resultaatvolgnummer": "G1", "code": "3005", "cijfer_ie": "X"}]
        },
    }
    return json.dumps(doc).replace('"X"', "[" * levels + "7" + "]" * levels).encode()


def test_a_raw_value_near_the_depth_limit_is_refused_as_the_usual_way_refuses_it() -> None:
    # A grade is a number or a string, so no grade that nests is read; the usual way names the
    # document too deep, or the grade not a number, and loads_mbo says just that.
    said = set()
    for levels in range(MAX_DEPTH - 8, MAX_DEPTH + 2):
        raw = _grade_nested(levels)
        assert _typed(raw) is None
        usual = _usual(raw)
        assert usual[0] == "error"
        said.add(f"nested deeper than {MAX_DEPTH} levels" in " ".join(usual[1]))
        with pytest.raises(InvalidDocument) as caught:
            loads_mbo(raw)
        assert caught.value.lines() == usual[1]
    assert said == {True, False}  # the limit lies within the range


def test_a_raw_value_is_parsed_with_the_levels_left_at_its_depth() -> None:
    import msgspec

    from duo_domain.serialize._typed import _piece

    nested = msgspec.Raw(b"[" * 10 + b"1" + b"]" * 10)
    assert _piece(nested, 10) == json.loads(bytes(nested))
    with pytest.raises(InvalidDocument, match="nested deeper"):
        _piece(nested, 9)


def test_raw_values_are_read_by_their_hooks() -> None:
    doc = {
        "student": {
            "persoonsgegevens": {
                "geslachtsnaam": "Jansen",
                "geboortedatum": "2007-00-00",
                "adres": {"adresregel1": "1 Main St", "landcode": "USA"},
            }
        },
        "losse_resultaten": {
            "generieke_examenonderdelen": [
                {"resultaatvolgnummer": "G1", "code": "3005", "cijfer_ie": 6.5, "cijfer_ce": "7.0"}
            ]
        },
    }
    assert _agrees(json.dumps(doc).encode())


def test_an_array_of_records_is_read_item_by_item_as_before() -> None:
    docs = [_BASE, _put(("student", "studentnummer"), "S2")]
    raw = json.dumps(docs).encode()
    read = loads_mbo(raw)
    assert isinstance(read, list)
    assert [_canon(r) for r in read] == [_usual(json.dumps(d).encode()) for d in docs]
    item = json.dumps(_BASE).encode()
    assert _canon(_typed(item, depth=2)) == _usual(item)
