"""The one file format of every code table: JSON, one file per table."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any, Final

from duo_domain._json import parse_json
from duo_domain.codes._model import CodeValue, Waardenlijst
from duo_domain.errors import DocumentProblem, InvalidDocument

_DOCUMENT: Final = "code table"
_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_TABLE_KEYS: Final = {
    "naam": True,
    "omschrijving": False,
    "bron": True,
    "url": False,
    "versie": False,
    "geldig_van": False,
    "geldig_tot": False,
    "open": False,
    "kenmerken": False,
    "waarden": True,
}
_VALUE_KEYS: Final = {
    "code": True,
    "omschrijving": True,
    "geldig_van": False,
    "geldig_tot": False,
    "bron": False,
    "kenmerken": False,
}
#: A text longer than this (16 MiB) is refused unread; the largest shipped table is a few KiB.
_MAX_TEXT: Final = 16 * 1024 * 1024


class _Problems:
    """The problems found so far; every check adds to it and reading goes on."""

    def __init__(self) -> None:
        self.found: list[DocumentProblem] = []

    def add(self, path: str, message: str) -> None:
        self.found.append(DocumentProblem(path, message))


def _keys(data: Mapping[str, Any], allowed: Mapping[str, bool], path: str, p: _Problems) -> None:
    for key in data:
        if key not in allowed:
            p.add(f"{path}.{key}", "unknown key")
    for key, required in allowed.items():
        if required and key not in data:
            p.add(f"{path}.{key}", "missing")


def _text(data: Mapping[str, Any], key: str, path: str, p: _Problems) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        p.add(f"{path}.{key}", "expected a string")
        return ""
    return value


def _date(data: Mapping[str, Any], key: str, path: str, p: _Problems) -> dt.date | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    p.add(f"{path}.{key}", "expected a date YYYY-MM-DD or null")
    return None


def _period(data: Mapping[str, Any], path: str, p: _Problems) -> tuple[dt.date | None, dt.date | None]:
    van, tot = _date(data, "geldig_van", path, p), _date(data, "geldig_tot", path, p)
    if van is not None and tot is not None and tot < van:
        p.add(f"{path}.geldig_tot", "before geldig_van")
    return van, tot


def _kenmerken(data: Mapping[str, Any], path: str, p: _Problems) -> dict[str, str]:
    value = data.get("kenmerken", {})
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        p.add(f"{path}.kenmerken", "expected an object of strings")
        return {}
    return value


def _value(data: object, path: str, declared: Mapping[str, str], p: _Problems) -> CodeValue | None:
    if not isinstance(data, dict):
        p.add(path, "expected an object")
        return None
    _keys(data, _VALUE_KEYS, path, p)
    code = _text(data, "code", path, p)
    if not code and "code" in data:
        p.add(f"{path}.code", "empty")
    van, tot = _period(data, path, p)
    kenmerken = _kenmerken(data, path, p)
    for key in kenmerken:
        if key not in declared:
            p.add(f"{path}.kenmerken.{key}", "kenmerk not declared by the table")
    return CodeValue(
        code, _text(data, "omschrijving", path, p), van, tot, _text(data, "bron", path, p), kenmerken
    )


def load(data: object) -> Waardenlijst:
    """A code table from plain data (a parsed JSON file of the table format).

    Every problem is collected before raising, each with its path.

    Raises:
        InvalidDocument: when ``data`` is not a code table (unknown or missing
            keys, a value of the wrong kind, a date that is not ``YYYY-MM-DD``,
            a period that ends before it begins, a code given twice, an
            undeclared kenmerk).

    Examples:
        >>> lijst = load({"naam": "kleur", "bron": "huisregel", "waarden": [
        ...     {"code": "R", "omschrijving": "rood"}]})
        >>> lijst.codes()
        ('R',)
        >>> load({"naam": "kleur", "bron": "huisregel", "waarden": [
        ...     {"code": "R", "omschrijving": "rood", "geldig_tot": "31-07-2023"}]})
        Traceback (most recent call last):
        ...
        duo_domain.errors.InvalidDocument: invalid code table: expected a date ... @ $.waarden[0].geldig_tot
    """
    p = _Problems()
    if not isinstance(data, dict):
        raise InvalidDocument([DocumentProblem("$", "expected an object")], document=_DOCUMENT)
    _keys(data, _TABLE_KEYS, "$", p)
    declared = _kenmerken(data, "$", p)
    rows = data.get("waarden", [])
    if not isinstance(rows, list):
        p.add("$.waarden", "expected a list")
        rows = []
    values = [_value(row, f"$.waarden[{i}]", declared, p) for i, row in enumerate(rows)]
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        if value is not None and value.code:
            if value.code in seen:
                p.add(f"$.waarden[{i}].code", f"{value.code!r} given twice (also at [{seen[value.code]}])")
            seen.setdefault(value.code, i)
    is_open = data.get("open", False)
    if not isinstance(is_open, bool):
        p.add("$.open", "expected true or false")
    van, tot = _period(data, "$", p)
    naam, bron = _text(data, "naam", "$", p), _text(data, "bron", "$", p)
    meta = {k: _text(data, k, "$", p) for k in ("versie", "omschrijving", "url")}
    if p.found:
        raise InvalidDocument(p.found, document=_DOCUMENT)
    return Waardenlijst(
        naam,
        bron,
        tuple(v for v in values if v is not None),
        open=is_open is True,
        geldig_van=van,
        geldig_tot=tot,
        kenmerken=declared,
        **meta,
    )


def loads(text: str | bytes) -> Waardenlijst:
    r"""A code table from the text of its JSON file.

    This is how a vendor passes a newer edition of a table: read its file
    (the library does no I/O), hand the text here, and pass the result where
    the library takes a table.

    Raises:
        InvalidDocument: when the text is not JSON or not a code table.

    Examples:
        >>> loads('{"naam": "kleur", "bron": "huisregel", "waarden": []}').naam
        'kleur'
        >>> loads('{"naam": ')
        Traceback (most recent call last):
        ...
        duo_domain.errors.InvalidDocument: invalid code table: not JSON: Expecting value ... @ $ (line 1)
    """
    data = parse_json(text, document=_DOCUMENT, max_bytes=_MAX_TEXT)
    return load(data)


def _plain_value(value: CodeValue) -> dict[str, Any]:
    out: dict[str, Any] = {"code": value.code, "omschrijving": value.omschrijving}
    if value.geldig_van is not None:
        out["geldig_van"] = value.geldig_van.isoformat()
    if value.geldig_tot is not None:
        out["geldig_tot"] = value.geldig_tot.isoformat()
    if value.bron:
        out["bron"] = value.bron
    if value.kenmerken:
        out["kenmerken"] = dict(value.kenmerken)
    return out


def dumps(lijst: Waardenlijst) -> str:
    """The table as the text of its JSON file, in the canonical layout: one line per value.

    ``loads(dumps(lijst)) == lijst`` for every table; the shipped files are in
    this layout (``python scripts/codetables.py check`` verifies it).

    Examples:
        >>> from duo_domain.codes import waardenlijst
        >>> print(dumps(waardenlijst("geslacht")))  # doctest: +ELLIPSIS
        {
          "naam": "geslacht",
          ...
          "waarden": [
            {"code": "M", "omschrijving": "Man"},
            {"code": "V", "omschrijving": "Vrouw"},
            {"code": "O", "omschrijving": "Vastgesteld onbekend"}
          ]
        }
    """
    head: dict[str, Any] = {"naam": lijst.naam}
    if lijst.omschrijving:
        head["omschrijving"] = lijst.omschrijving
    head["bron"] = lijst.bron
    for key in ("url", "versie"):
        if getattr(lijst, key):
            head[key] = getattr(lijst, key)
    for key in ("geldig_van", "geldig_tot"):
        day = getattr(lijst, key)
        if day is not None:
            head[key] = day.isoformat()
    if lijst.open:
        head["open"] = True
    lines = ["{"]
    lines += [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    if lijst.kenmerken:
        declared = [
            f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in lijst.kenmerken.items()
        ]
        lines += ['  "kenmerken": {', ",\n".join(declared), "  },"]
    rows = [f"    {json.dumps(_plain_value(v), ensure_ascii=False)}" for v in lijst.waarden]
    lines += ['  "waarden": [', ",\n".join(rows), "  ]", "}"] if rows else ['  "waarden": []', "}"]
    return "\n".join(lines) + "\n"
