"""The cijferlijst document: a candidate's exam as JSON, read exactly into domain objects.

The document is a public contract, described by the JSON Schema shipped in the
package ([`cijferlijst_schema`][duo_domain.vo.document.cijferlijst_schema]); the output of the uitslag has its
own
schema ([`uitslag_schema`][duo_domain.vo.document.uitslag_schema]). Numbers may be JSON numbers or strings and
are read as `Decimal`; read JSON with
``json.loads(text, parse_float=Decimal)`` (or use
[`cijferlijst_from_json`][duo_domain.vo.document.cijferlijst_from_json]),
never through ``float``.

Examples:
    >>> doc = {"schoolsoort": "havo", "examenjaar": 2026, "vakken": [
    ...     {"vakcode": "1001", "se": "6.4", "ce": 6}], "profielwerkstuk": {"cijfer": 7}}
    >>> k = cijferlijst_from_document(doc)
    >>> k.vakken[0].se, k.vakken[0].ce
    (Decimal('6.4'), Decimal('6'))
    >>> try:
    ...     cijferlijst_from_document({"schoolsoort": "mavo", "examenjaar": 2026, "vakken": []})
    ... except ValueError as exc:
    ...     print([p.path for p in exc.problems])
    ['$.schoolsoort', '$.vakken']
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from importlib import resources
from typing import Any

from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.vo.model import (
    Beoordeling,
    Examendeel,
    Examenkandidaat,
    ExamResult,
    Profielwerkstuk,
    Rol,
    Schoolsoort,
    Uitslag,
)

__all__ = ["cijferlijst_from_document", "cijferlijst_from_json", "cijferlijst_schema", "uitslag_schema"]

_TOP = frozenset(
    {
        "sector",
        "schoolsoort",
        "examenjaar",
        "vakken",
        "profielwerkstuk",
        "leerwerktraject",
        "elementcode",
        "onderwijsaanbieder",
        "datum_uitslag",
        "uitslag",
    }
)
_VAK = frozenset(
    {
        "vakcode",
        "se",
        "ce",
        "ce2",
        "ce3",
        "beoordeling",
        "eindcijfer",
        "examendeel",
        "rol",
        "combinatiecijfer",
        "extra",
        "diplomavak",
        "programma",
        "vrijstelling",
        "certificaat",
    }
)
_PWS = frozenset({"cijfer", "beoordeling", "titel"})


class _Reader:
    def __init__(self) -> None:
        self.problems: list[DocumentProblem] = []

    def bad(self, path: str, message: str) -> None:
        self.problems.append(DocumentProblem(path, message))

    def unknown(self, obj: Mapping[str, Any], allowed: frozenset[str], path: str) -> None:
        for key in obj:
            if key not in allowed:
                self.bad(f"{path}.{key}", f"unknown field {key!r}")

    def grade(self, value: Any, path: str) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, Decimal, str, float)):
            self.bad(path, "must be a number or a string holding a number")
            return None
        if isinstance(value, float):  # only when the caller parsed JSON without parse_float=Decimal
            value = repr(value)
        try:
            d = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
        except InvalidOperation:
            self.bad(path, f"{value!r} is not a number")
            return None
        if not d.is_finite() or not Decimal(1) <= d <= Decimal(10):
            self.bad(path, f"grade {value} is outside 1.0-10.0")
            return None
        if d != d.quantize(Decimal("0.1"), rounding=ROUND_DOWN):
            self.bad(path, f"grade {value} has more than one decimal")
            return None
        return d

    def boolean(self, obj: Mapping[str, Any], key: str, path: str) -> bool:
        value = obj.get(key, False)
        if not isinstance(value, bool):
            self.bad(f"{path}.{key}", "must be true or false")
            return False
        return value

    def opt_bool(self, obj: Mapping[str, Any], key: str, path: str) -> bool | None:
        if obj.get(key) is None:
            return None
        return self.boolean(obj, key, path)

    def enum(self, obj: Mapping[str, Any], key: str, path: str, kind: Any) -> Any:
        value = obj.get(key)
        if value is None:
            return None
        try:
            return kind(value)
        except (ValueError, TypeError):
            allowed = ", ".join(m.value for m in kind)
            self.bad(f"{path}.{key}", f"{key} must be one of {allowed}")
            return None

    def string(self, obj: Mapping[str, Any], key: str, path: str) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.bad(f"{path}.{key}", "must be a string")
            return None
        return value

    def vak(self, obj: Any, path: str) -> ExamResult | None:
        if not isinstance(obj, Mapping):
            self.bad(path, "must be an object")
            return None
        self.unknown(obj, _VAK, path)
        code = obj.get("vakcode")
        if not isinstance(code, str) or len(code) != 4 or not code.isdigit():
            self.bad(f"{path}.vakcode", "vakcode must be a string of 4 digits")
            return None
        se = self.grade(obj.get("se"), f"{path}.se")
        ces = [self.grade(obj.get(n), f"{path}.{n}") for n in ("ce", "ce2", "ce3")]
        beoordeling = self.enum(obj, "beoordeling", path, Beoordeling)
        vrijstelling = self.boolean(obj, "vrijstelling", path)
        if obj.get("se") is None and obj.get("beoordeling") is None and not vrijstelling:
            self.bad(f"{path}.se", f"SE grade of {code} is missing (give se, or beoordeling)")
        if obj.get("se") is None and any(obj.get(n) is not None for n in ("ce", "ce2", "ce3")):
            self.bad(f"{path}.se", f"a CE grade of {code} without an SE grade")
        eindcijfer = obj.get("eindcijfer")
        if eindcijfer is not None and (
            isinstance(eindcijfer, bool) or not isinstance(eindcijfer, int) or not 1 <= eindcijfer <= 10
        ):
            self.bad(f"{path}.eindcijfer", "eindcijfer must be a whole number 1-10")
            eindcijfer = None
        return ExamResult(
            vakcode=code,
            se=se,
            ce=ces[0],
            ce2=ces[1],
            ce3=ces[2],
            beoordeling=beoordeling,
            eindcijfer=eindcijfer,
            examendeel=self.enum(obj, "examendeel", path, Examendeel),
            rol=self.enum(obj, "rol", path, Rol),
            combinatiecijfer=self.boolean(obj, "combinatiecijfer", path),
            extra=self.boolean(obj, "extra", path),
            diplomavak=self.opt_bool(obj, "diplomavak", path),
            programma=self.string(obj, "programma", path),
            vrijstelling=vrijstelling,
            certificaat=self.opt_bool(obj, "certificaat", path),
        )

    def pws(self, obj: Any) -> Profielwerkstuk | None:
        path = "$.profielwerkstuk"
        if obj is None:
            return None
        if not isinstance(obj, Mapping):
            self.bad(path, "must be an object")
            return None
        self.unknown(obj, _PWS, path)
        cijfer = obj.get("cijfer")
        if cijfer is not None:
            d = self.grade(cijfer, f"{path}.cijfer")
            if d is not None and d != d.to_integral_value():
                self.bad(f"{path}.cijfer", "the profielwerkstuk grade is a whole number")
                d = None
            cijfer = int(d) if d is not None else None
        return Profielwerkstuk(
            cijfer=cijfer,
            beoordeling=self.enum(obj, "beoordeling", path, Beoordeling),
            titel=self.string(obj, "titel", path),
        )


def cijferlijst_from_document(data: Any) -> Examenkandidaat:
    """Read a cijferlijst document (already parsed JSON) into an `Examenkandidaat`.

    Checks the document's shape and the grades' form (1.0–10.0, at most one
    decimal); the role of each subject and the rules of art. 3.13 are checked
    by [`bepaal_uitslag`][duo_domain.vo.uitslag.bepaal_uitslag], which reports problems
    the same way.

    Raises:
        InvalidDocument: listing every problem with its path, e.g. ``$.vakken[2].se``.
    """
    r = _Reader()
    if not isinstance(data, Mapping):
        raise InvalidDocument(
            [DocumentProblem("$", "the cijferlijst must be a JSON object")], document="cijferlijst"
        )
    r.unknown(data, _TOP, "$")
    sector = data.get("sector")
    if sector is not None and sector != "vo":
        r.bad("$.sector", "sector of a VO cijferlijst is 'vo' (or absent)")
    schoolsoort = r.enum(data, "schoolsoort", "$", Schoolsoort)
    if data.get("schoolsoort") is None:
        r.bad("$.schoolsoort", "schoolsoort is missing")
    examenjaar = data.get("examenjaar")
    if isinstance(examenjaar, bool) or not isinstance(examenjaar, int) or not 1900 <= examenjaar <= 2999:
        r.bad("$.examenjaar", "examenjaar must be a year such as 2026")
        examenjaar = None
    raw_vakken = data.get("vakken")
    vakken: list[ExamResult] = []
    if not isinstance(raw_vakken, list) or not raw_vakken:
        r.bad("$.vakken", "vakken must be a non-empty list")
    else:
        for i, item in enumerate(raw_vakken):
            vak = r.vak(item, f"$.vakken[{i}]")
            if vak is not None:
                vakken.append(vak)
    pws = r.pws(data.get("profielwerkstuk"))
    if schoolsoort in (Schoolsoort.HAVO, Schoolsoort.VWO) and (pws is None or pws.cijfer is None):
        r.bad("$.profielwerkstuk", 'havo/vwo needs the profielwerkstuk with its grade: {"cijfer": n}')
    datum = r.string(data, "datum_uitslag", "$")
    datum_uitslag = None
    if datum is not None:
        try:
            datum_uitslag = dt.date.fromisoformat(datum)
        except ValueError:
            r.bad("$.datum_uitslag", "datum_uitslag must be a date YYYY-MM-DD")
    lwt = r.boolean(data, "leerwerktraject", "$")
    kandidaat = None
    if not r.problems and schoolsoort is not None and examenjaar is not None:
        kandidaat = Examenkandidaat(
            schoolsoort=schoolsoort,
            examenjaar=examenjaar,
            vakken=tuple(vakken),
            profielwerkstuk=pws,
            leerwerktraject=lwt,
            elementcode=r.string(data, "elementcode", "$"),
            onderwijsaanbieder=r.string(data, "onderwijsaanbieder", "$"),
            datum_uitslag=datum_uitslag,
            uitslag=r.enum(data, "uitslag", "$", Uitslag),
        )
    if r.problems or kandidaat is None:
        raise InvalidDocument(r.problems, document="cijferlijst")
    return kandidaat


def cijferlijst_from_json(text: str | bytes) -> Examenkandidaat:
    """Parse JSON text exactly (numbers as Decimal) and read it as a cijferlijst.

    Raises:
        InvalidDocument: for malformed JSON (path ``$``, with the line) or any document problem.
    """
    try:
        data = json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        msg = getattr(exc, "msg", "not valid UTF-8")
        raise InvalidDocument(
            [DocumentProblem("$", f"malformed JSON: {msg}", line=line)], document="cijferlijst"
        ) from None
    return cijferlijst_from_document(data)


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
