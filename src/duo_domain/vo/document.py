"""The JSON Schemas of the cijferlijst document and of the VO uitslag output.

The cijferlijst document is a public contract, described by the JSON Schema
shipped in the package ([`cijferlijst_schema`][duo_domain.vo.document.cijferlijst_schema]); the output of the
uitslag
has its own schema ([`uitslag_schema`][duo_domain.vo.document.uitslag_schema]). The document is read and
written
by the one reading layer of the library:
[`duo_domain.serialize.json.loads_cijferlijst`][duo_domain.serialize.json.loads_cijferlijst] and
[`duo_domain.serialize.json.dumps_cijferlijst`][duo_domain.serialize.json.dumps_cijferlijst].

Examples:
    >>> cijferlijst_schema()["properties"]["examenjaar"]["maximum"]
    2999
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["cijferlijst_schema", "uitslag_schema"]


def _schema(name: str) -> dict[str, Any]:
    text = resources.files("duo_domain.vo").joinpath("data", name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def cijferlijst_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the cijferlijst input document.

    Examples:
        >>> cijferlijst_schema()["required"]
        ['schoolsoort', 'examenjaar', 'vakken']
    """
    return _schema("cijferlijst.schema.json")


def uitslag_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the uitslag output (``duo-domain uitslag --json``)."""
    return _schema("uitslag.schema.json")
