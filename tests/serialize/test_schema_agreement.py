"""The readers accept exactly what the shipped JSON Schemas accept, on valid and hostile inputs.

The schemas are applied as JSON Schema means them: numbers exact (``multipleOf`` in decimal
arithmetic), ``format: date`` asserted, patterns with ECMA-262 semantics (``$`` is the end of the
text), and 7.0 an integer. What JSON Schema cannot express is listed in the documentation
(number limits, identifier check digits, the consistency conditions of each document) and is kept
out of the inputs here.
"""

from __future__ import annotations

import copy
import json
import re
from decimal import Decimal
from importlib.resources import files
from typing import Any

import jsonschema
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from duo_domain.errors import InvalidDocument
from duo_domain.serialize.json import structure_cijferlijst, structure_mbo, structure_mbo_uitslag
from duo_domain.serialize.reading import parse_json


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    if isinstance(instance, str) and not re.search(pattern.replace("$", r"\Z"), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


def _is_integer(checker: Any, instance: Any) -> bool:
    if isinstance(instance, bool):
        return False
    return isinstance(instance, int) or (
        isinstance(instance, Decimal) and instance == instance.to_integral_value()
    )


_Exact = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator,
    validators={"pattern": _pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


def _validator(package: str, path: str) -> Any:
    schema = json.loads(files(package).joinpath(path).read_text("utf-8"), parse_float=Decimal)
    return _Exact(schema, format_checker=FormatChecker())


UITSLAG = _validator("duo_domain.mbo", "schemas/mbo-uitslag.schema.json")
CIJFERLIJST = _validator("duo_domain.vo", "data/cijferlijst.schema.json")
STUDENT = _validator("duo_domain.mbo", "schemas/mbo-student.schema.json")

UITSLAG_DOC = """{"sector": "mbo", "niveau": 4, "cohort_start": "2023-08-01", "studieduur_jaren": 3,
 "datum_uitslag": "2026-07-01", "instroom_studiejaar": 1,
 "generieke_onderdelen": [{"onderdeel": "nederlands", "code": "3005", "ie": "6.9", "ce": 4.1},
                          {"onderdeel": "rekenen", "eindcijfer": 5, "vrijstelling": "MBO"}],
 "specifieke_onderdelen": [{"eindcijfer": 7}, {"beoordeling": "voldoende"}],
 "loopbaan_en_burgerschap": "voldaan",
 "keuzedelen": [{"code": "K0067", "eindcijfer": 7}]}"""
CIJFER_DOC = """{"schoolsoort": "havo", "examenjaar": 2026, "leerwerktraject": false,
 "elementcode": "1234", "datum_uitslag": "2026-07-01", "uitslag": "geslaagd",
 "vakken": [{"vakcode": "1001", "se": "6.4", "ce": 6.0, "ce2": "7", "examendeel": "gemeenschappelijk",
             "combinatiecijfer": false, "extra": false, "programma": "vwo"},
            {"vakcode": "0353", "beoordeling": "voldoende", "eindcijfer": 7}],
 "profielwerkstuk": {"cijfer": "7.0", "titel": "T"}}"""
STUDENT_DOC = """{"student": {"studentnummer": "S1"}, "losse_resultaten": {"generieke_examenonderdelen": [
 {"resultaatvolgnummer": "G", "code": "3005", "cijfer_ie": "6.5", "cijfer_ce": 6.50}]}}"""

# (path to change, values to try); each value is tried on its own, in text form (so that numbers
# are exactly as a JSON document has them).
VALUES = [
    '"6.5"',
    '"6.50"',
    '"06.5"',
    '"+7"',
    '"0.7e1"',
    '"1_0"',
    '" 6.5"',
    '"6.5\\n"',
    '"\\uff16.5"',
    '"6,5"',
    "6.5",
    "6.55",
    "65E-1",
    "0.7e1",
    "7.0",
    "7",
    "0",
    "11",
    "10.0",
    "10.05",
    "1E+1000000",
    "-1",
    '"2026-07-01"',
    '"2026-W27-1"',
    '"20260701"',
    '"2026-02-30"',
    '"2026-07-01\\n"',
    "true",
    "null",
    "[]",
    "{}",
    '"voldaan"',
    '"goed"',
    '"3005"',
    '"30055"',
    '"1234"',
    '"12345"',
]
UITSLAG_PATHS = [
    ("niveau",),
    ("cohort_start",),
    ("studieduur_jaren",),
    ("instroom_studiejaar",),
    ("generieke_onderdelen", 0, "ie"),
    ("generieke_onderdelen", 0, "ce"),
    ("generieke_onderdelen", 0, "code"),
    ("generieke_onderdelen", 1, "eindcijfer"),
    ("specifieke_onderdelen", 0, "eindcijfer"),
    ("specifieke_onderdelen", 1, "beoordeling"),
    ("loopbaan_en_burgerschap",),
    ("keuzedelen", 0, "eindcijfer"),
    ("bonus",),
]
CIJFER_PATHS = [
    ("examenjaar",),
    ("elementcode",),
    ("datum_uitslag",),
    ("leerwerktraject",),
    ("uitslag",),
    ("vakken", 0, "se"),
    ("vakken", 0, "ce"),
    ("vakken", 0, "ce2"),
    ("vakken", 0, "vakcode"),
    ("vakken", 1, "eindcijfer"),
    ("vakken", 1, "beoordeling"),
    ("vakken", 0, "extra"),
    ("profielwerkstuk", "cijfer"),
    ("profielwerkstuk", "titel"),
    ("bonus",),
]
STUDENT_PATHS = [
    ("losse_resultaten", "generieke_examenonderdelen", 0, "cijfer_ie"),
    ("losse_resultaten", "generieke_examenonderdelen", 0, "cijfer_ce"),
    ("losse_resultaten", "generieke_examenonderdelen", 0, "datum_resultaat"),
    ("student", "studentnummer"),
]


def _with(doc: str, path: tuple[Any, ...], value: str) -> Any:
    data = parse_json(doc)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = parse_json(value)
    return data


def _cases(doc: str, paths: list[tuple[Any, ...]]) -> list[Any]:
    return [parse_json(doc)] + [_with(doc, p, v) for p in paths for v in VALUES]


def _reads(reader: Any, data: Any) -> bool:
    try:
        reader(copy.deepcopy(data))
    except InvalidDocument:
        return False
    return True


def _beyond_limits(data: Any) -> bool:
    return "beyond the reading limits" in repr(data)


@pytest.mark.parametrize(
    ("validator", "reader", "doc", "paths"),
    [
        (UITSLAG, structure_mbo_uitslag, UITSLAG_DOC, UITSLAG_PATHS),
        (CIJFERLIJST, structure_cijferlijst, CIJFER_DOC, CIJFER_PATHS),
        (STUDENT, structure_mbo, STUDENT_DOC, STUDENT_PATHS),
    ],
    ids=["mbo-uitslag", "vo-cijferlijst", "mbo-student"],
)
def test_reader_and_schema_agree(validator: Any, reader: Any, doc: str, paths: list[tuple[Any, ...]]) -> None:
    disagreements = []
    verdicts = set()
    cases = _cases(doc, paths)
    for data in cases:
        if _beyond_limits(data):  # refused by the reader; JSON Schema has no limit on digits
            assert not _reads(reader, data)
            continue
        schema_ok = not list(validator.iter_errors(data))
        verdicts.add(schema_ok)
        if schema_ok != _reads(reader, data):
            disagreements.append((schema_ok, data))
    assert disagreements == []
    assert len(cases) > 100
    assert verdicts == {True, False}  # both kinds of input were tried
