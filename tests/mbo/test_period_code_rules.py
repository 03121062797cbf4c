"""ROD.PERIODE.* code rules: every code valid on the date it is used."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from duo_domain.rules import validate

D = dt.date


def rules(obj: object) -> list[str]:
    return [f.rule_id for f in validate(obj)]


@pytest.mark.parametrize(
    ("leertraject", "begin", "ok"),
    [
        ("BOL_DT", D(2023, 7, 31), True),
        ("BOL_DT", D(2023, 8, 1), False),
        ("CBL", D(2016, 12, 9), True),
        ("CBL", D(2016, 12, 10), False),
        ("ODT", D(2018, 12, 31), False),
        ("ODT", D(2019, 1, 1), True),
        ("BOL", D(1997, 7, 31), False),
        ("BOL", D(1997, 8, 1), True),
        ("DUAAL", D(2024, 8, 1), False),
    ],
)
def test_leertraject_valid_on_datum_begin(build: Any, leertraject: str, begin: dt.date, ok: bool) -> None:
    found = validate(build.periode(begin, leertraject)).filter(rule="ROD.PERIODE.LEERTRAJECT")
    assert (len(found) == 0) is ok
    if not ok:
        assert found.findings[0].path == "$.leertraject"
        assert found.findings[0].values["code"] == leertraject


@pytest.mark.parametrize(
    ("niveau", "ok"), [("MBO-1", True), ("MBO-4", True), (None, True), ("MBO-5", False), ("4", False)]
)
def test_niveau(build: Any, niveau: str | None, ok: bool) -> None:
    # "4" breaks the PvE format (Niveau AN5..5, §15.5.4): that rule's finding, not the value list's
    expected = (
        "ROD.PERIODE.NIVEAU" if niveau is not None and len(niveau) == 5 else "ROD.FORMAAT.PERIODE.NIVEAU"
    )
    assert rules(build.periode(niveau=niveau)) == ([] if ok else [expected])


@pytest.mark.parametrize(
    ("fase", "begin", "ok"),
    [
        ("VO", D(2020, 7, 31), False),
        ("VO", D(2020, 8, 1), True),
        ("MBO", D(2024, 8, 1), True),
        ("HBO", D(2024, 8, 1), False),
    ],
)
def test_leerroutefase_from_2020_08_01(build: Any, fase: str, begin: dt.date, ok: bool) -> None:
    assert ("ROD.PERIODE.LEERROUTEFASE" not in rules(build.periode(begin, leerroutefase=fase))) is ok


@pytest.mark.parametrize(
    ("code", "ok"), [("25655", True), ("2565", False), ("256555", False), ("2565A", False)]
)
def test_opleidingscode(build: Any, code: str, ok: bool) -> None:
    # PvE §15.5.4 Opleidingcode AN5..5 (the format rule); a crebo code is digits (the semantic rule)
    found = rules(build.periode(opleidingscode=code))
    expected = "ROD.PERIODE.OPLEIDINGSCODE" if len(code) == 5 else "ROD.FORMAAT.PERIODE.OPLEIDINGSCODE"
    assert found == ([] if ok else [expected])


@pytest.mark.parametrize(
    ("code", "ok"), [("100A501", True), (None, True), ("100X501", False), ("100A50", False)]
)
def test_onderwijsaanbieder(build: Any, code: str | None, ok: bool) -> None:  # PvE §15.5.4 nnnAnnn
    found = rules(build.periode(onderwijsaanbieder=code))
    assert found == ([] if ok else ["ROD.FORMAAT.PERIODE.ONDERWIJSAANBIEDER"])


@pytest.mark.parametrize(
    ("code", "ok"), [("101X591", True), (None, True), ("101A591", False), ("101 X591", False)]
)
def test_onderwijslocatie_format(build: Any, code: str | None, ok: bool) -> None:  # PvE §15.5.4 nnnXnnn
    found = rules(build.periode(onderwijslocatie=code))
    assert found == ([] if ok else ["ROD.FORMAAT.PERIODE.ONDERWIJSLOCATIE"])


@pytest.mark.parametrize(
    ("code", "ok"), [("000012345678", True), (None, True), ("12345678901", False), ("1234567890123", False)]
)
def test_locatiecode_vsv(build: Any, code: str | None, ok: bool) -> None:  # PvE §15.5.4 AN12..12
    assert rules(build.periode(locatiecode_vsv=code)) == (
        [] if ok else ["ROD.FORMAAT.PERIODE.LOCATIECODE_VSV"]
    )


def test_locatiecode_vsv_is_letters_and_digits(build: Any) -> None:  # the NHR vestigingsnummer
    assert rules(build.periode(locatiecode_vsv="00001234567-")) == ["ROD.PERIODE.LOCATIECODE_VSV"]
