"""The common-case reader of the VO cijferlijst reads exactly what the converter reads.

``structure_cijferlijst`` reads a document in the common form in one pass and
leaves every other document to the cattrs converter. Both must give the same
candidate for a readable document and the same problems for an unreadable one;
these tests compare the two on valid documents and on documents with one
value changed to each form the reading policy refuses or reads differently.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings

from duo_domain.errors import InvalidDocument
from duo_domain.serialize import json as json_reading
from duo_domain.serialize.json import structure_cijferlijst, unstructure_cijferlijst
from duo_domain.testing.vo import examenkandidaten

#: Values a field may be given: the common forms, the other readable ones, and refused ones.
VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    7,
    10,
    11,
    2026,
    Decimal("6.5"),
    Decimal("7.0"),
    Decimal("6.55"),
    "6.5",
    "6.45",
    "10.0",
    "10",
    "0.5",
    "11",
    "6,5",
    " 6.5",
    "7",
    "1001",
    "100",
    "goed",
    "voldoende",
    "onvoldoende",
    "havo",
    "vmbo-bb",
    "",
    [],
    {},
]
VAK_KEYS = ["vakcode", "se", "ce", "ce2", "ce3", "beoordeling", "extra", "vrijstelling", "combinatiecijfer"]
VAK_KEYS += ["eindcijfer", "examendeel", "rol", "diplomavak", "programma", "certificaat", "unknown"]
TOP_KEYS = ["schoolsoort", "examenjaar", "vakken", "profielwerkstuk", "leerwerktraject", "elementcode"]
TOP_KEYS += ["onderwijsaanbieder", "datum_uitslag", "uitslag", "sector", "student", "unknown"]


def _outcome(doc: Any) -> Any:
    try:
        return structure_cijferlijst(doc)
    except InvalidDocument as exc:
        return ("refused", exc.problems)


def _both(doc: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    fast = _outcome(copy.deepcopy(doc))
    with monkeypatch.context() as m:
        m.setattr(json_reading, "_common_cijferlijst", lambda body: None)
        slow = _outcome(copy.deepcopy(doc))
    return fast, slow


@settings(max_examples=60)
@given(examenkandidaten())
def test_a_valid_document_reads_the_same_both_ways(k: Any) -> None:
    doc = unstructure_cijferlijst(k)
    with pytest.MonkeyPatch.context() as mp:
        fast, slow = _both(doc, mp)
    assert fast == slow
    assert fast == structure_cijferlijst(unstructure_cijferlijst(fast))


DOCS: list[dict[str, Any]] = [
    {
        "schoolsoort": "havo",
        "examenjaar": 2026,
        "vakken": [
            {"vakcode": "1001", "se": "6.4", "ce": "5.8"},
            {"vakcode": "1022", "se": "6.0", "ce": "6.1", "ce2": "6.6", "extra": True},
            {"vakcode": "1019", "se": "7"},
            {"vakcode": "0353", "beoordeling": "voldoende"},
        ],
        "profielwerkstuk": {"cijfer": 7},
        "elementcode": "1234",
    },
    {
        "sector": "vo",
        "schoolsoort": "vmbo-bb",
        "examenjaar": 2026,
        "leerwerktraject": False,
        "vakken": [
            {"vakcode": "0011", "se": "6.4", "ce": "5.8", "combinatiecijfer": False},
            {"vakcode": "0416", "beoordeling": "goed", "vrijstelling": False},
        ],
        "profielwerkstuk": {"beoordeling": "voldoende"},
    },
]


@pytest.mark.parametrize("base", DOCS, ids=["havo", "vmbo-bb"])
def test_every_changed_value_reads_or_is_refused_the_same_both_ways(
    base: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    changed: list[dict[str, Any]] = []
    for value in VALUES:
        changed.extend({**base, key: value} for key in TOP_KEYS)
        for key in VAK_KEYS:
            for i in range(len(base["vakken"])):
                doc = copy.deepcopy(base)
                doc["vakken"][i][key] = value
                changed.append(doc)
        changed.extend(
            {**base, "profielwerkstuk": {key: value}} for key in ("cijfer", "beoordeling", "titel")
        )
    changed.append({**base, "vakken": []})
    changed.append({k: v for k, v in base.items() if k != "vakken"})
    for doc in changed:
        fast, slow = _both(doc, monkeypatch)
        assert fast == slow, doc


def test_the_common_reader_reads_the_common_form_itself() -> None:
    # Guards the speed: the benchmark's documents must not fall through to the converter.
    doc = {
        "schoolsoort": "havo",
        "examenjaar": 2026,
        "vakken": [{"vakcode": "1001", "se": "6.4", "ce": "5.8"}, {"vakcode": "1019", "se": "7"}],
        "profielwerkstuk": {"cijfer": 7},
    }
    k = json_reading._common_cijferlijst(doc)
    assert k is not None
    assert k == structure_cijferlijst(doc)
    assert json_reading._common_cijferlijst({**doc, "vakken": [{"vakcode": "1001", "se": 6}]}) is None


@pytest.mark.parametrize(
    "vakcode",
    [
        "1001",
        "0000",
        "9999",
        "123",
        "12345",
        "12a4",
        "1001\n",
        " 100",
        "١٢٣٤",
        "１２３４",
        "²³¹⁴",
        "12.4",
        "",
    ],
)
def test_the_generated_subject_reader_takes_the_vakcodes_of_the_pattern(vakcode: str) -> None:
    """The generated reader tells a vakcode of four ASCII digits as ``[0-9]{4}`` does, other digits too."""
    read = json_reading._common_vak({"vakcode": vakcode, "se": "7"})
    assert (read is not None) == (json_reading._FOUR_DIGITS.fullmatch(vakcode) is not None)
