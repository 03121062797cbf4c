"""JSON for the MBO student record, through a cattrs converter.

The record holds the student, enrolments, BPV agreements, diplomas (with their
generic exam parts, vrijstellingen, keuzedelen and AMvB-onderdelen) and loose
results. The wire names are the attribute names (``inschrijvingvolgnummer``,
``datum_begin``, ``perioden``, ``cijfer_ie``, ...), so a finding's path points
at the same place in the object and in the document. Dates are ISO 8601
(``YYYY-MM-DD``); a BSN or onderwijsnummer is written in full (the document is
the data, not a log line); enums are written by value (``"ie"``,
``"Behaald"``).

Grades are `Decimal` and are written as decimal strings
(``str(value)``: ``"6.50"`` stays ``"6.50"``, so reading gives back the same
digits). Reading accepts a JSON number (read with ``parse_float=Decimal``, so
exactly) or a string such as ``"6.5"`` (digits, an optional decimal point and
exponent); a binary ``float`` is refused, never converted.

Structuring is strict: a string is never read as a number or a boolean, a
number never as a string, unknown keys are refused, and every bad path is
reported, not only the first ([`InvalidDocument`][duo_domain.errors.InvalidDocument]).
Values that are well-formed but wrong for the domain (an unknown leertraject,
an onderwijslocatie that is not ``nnnXnnn``) are *not* structural problems;
they become findings of [`duo_domain.rules.validate`][duo_domain.rules.validate].

Examples:
    >>> from duo_domain.serialize.json import loads_mbo, dumps_mbo
    >>> doc = '''{"student": {"studentnummer": "S1"}, "inschrijvingen": [{
    ...   "inschrijvingvolgnummer": "A1", "instelling": "25LX", "datum_inschrijving": "2024-08-01",
    ...   "datum_uitschrijving_gepland": "2027-07-31",
    ...   "perioden": [{"datum_begin": "2024-08-01", "opleidingscode": "25655", "leertraject": "BOL",
    ...                 "indicatie_bekostigbaar": true, "onderwijslocatie": "101X591"}]}]}'''
    >>> record = loads_mbo(doc)
    >>> record.inschrijvingen[0].perioden[0].datum_begin
    datetime.date(2024, 8, 1)
    >>> d = loads_mbo(
    ...   '{"student": {}, "diplomas": [{"resultaatvolgnummer": "D1", "opleidingscode": "25655",'
    ...   ' "datum_resultaat": "2025-07-10", "indicatie_bekostigbaar": true, "inschrijvingvolgnummer": "A1",'
    ...   ' "generieke_examenonderdelen": [{"resultaatvolgnummer": "G1", "code": "3005", "cijfer_ie": 6.9,'
    ...   ' "cijfer_ce": "4.10", "vrijstellingen": [{"code": "MBO", "omvang": "ce"}]}]}]}')
    >>> geo = d.diplomas[0].generieke_examenonderdelen[0]
    >>> geo.cijfer_ie, geo.cijfer_ce, geo.vrijstellingen[0].omvang
    (Decimal('6.9'), Decimal('4.10'), <VrijstellingOmvang.CE: 'ce'>)
    >>> unstructure_mbo(d)["diplomas"][0]["generieke_examenonderdelen"][0]["cijfer_ce"]
    '4.10'
    >>> loads_mbo('{"student": {}, "inschrijvingen": [{"inschrijvingvolgnummer": 7}]}')
    Traceback (most recent call last):
    ...
    duo_domain.errors.InvalidDocument: invalid MBO student record: ... @ $.inschrijvingen[0]... (and ... more)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import gc
import json
import re
import types
import typing
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from types import NoneType
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from duo_domain.errors import DocumentProblem, DuoDomainError, InvalidDocument
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import (
    BuitenlandsAdres,
    NederlandsAdres,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
)
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import (
    AmvbOnderdeel,
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    KeuzedeelUitkomst,
    LosseResultaten,
    VrijstellingOmvang,
)

__all__ = [
    "DOCUMENT_NAME",
    "dumps_mbo",
    "loads_mbo",
    "make_converter",
    "structure_mbo",
    "unstructure_mbo",
]

#: How the document is named in error messages.
DOCUMENT_NAME = "MBO student record"

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_fromisoformat = dt.date.fromisoformat
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_BUITENLANDS_KEYS = frozenset({"adresregel1", "adresregel2", "adresregel3", "landcode"})

_DOMAIN_CLASSES: tuple[type, ...] = (
    MboStudentRecord,
    Enrolment,
    Periode,
    ExtraOndersteuning,
    BpvAgreement,
    Diploma,
    LosseResultaten,
    GeneriekExamenonderdeel,
    Exemption,
    KeuzedeelResultaat,
    AmvbOnderdeel,
    Student,
    Persoonsgegevens,
    NederlandsAdres,
    BuitenlandsAdres,
)

_ENUMS: tuple[type[enum.Enum], ...] = (VrijstellingOmvang, KeuzedeelUitkomst)


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number" if isinstance(value, (int, float, Decimal)) else type(value).__name__
    )


def _structure_str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a string, got {_type_name(value)}")


def _structure_optional_str(value: Any, _: type) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"expected a string, got {_type_name(value)}")


def _structure_bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"expected true or false, got {_type_name(value)}")


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value() and value.is_finite():
        return int(value)
    raise TypeError(f"expected a whole number, got {_type_name(value)}")


def _structure_date(value: Any, _: type) -> dt.date:
    # The common case first, without the regular expression: ten characters with the dashes in
    # place. CPython's date.fromisoformat then accepts exactly YYYY-MM-DD with ASCII digits (its C
    # parser reads the digits byte by byte), so nothing passes here that the check below refuses.
    # Anything else, valid or not, takes the full path with its precise messages.
    if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return _fromisoformat(value)
        except ValueError:
            pass
    if not isinstance(value, str):
        raise TypeError(f"expected a date string YYYY-MM-DD, got {_type_name(value)}")
    if _ISO_DATE.fullmatch(value) is None:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value[:32]!r}")
    return dt.date.fromisoformat(value)


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"expected a finite decimal number, got {value}")
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        if _DECIMAL.fullmatch(value) is None:
            raise ValueError(f'expected a decimal number such as 6.5 or "6.5", got {value[:32]!r}')
        try:
            return Decimal(value)
        except InvalidOperation:  # an exponent beyond what Decimal can hold
            raise ValueError(f"number out of range: {value[:32]!r}") from None
    if isinstance(value, float):
        raise TypeError(
            "expected a decimal number, got a binary float: read the JSON with parse_float=Decimal "
            "or give the number as a string"
        )
    raise TypeError(f"expected a decimal number (a JSON number or a string), got {_type_name(value)}")


def _unstructure_decimal(value: Decimal) -> str:
    # str() keeps sign, digits and exponent: "6.50" stays "6.50", and reading it back gives the same Decimal.
    return str(value)


def _enum_hook(kind: type[enum.Enum]) -> Any:
    values = {str(m.value): m for m in kind}
    allowed = ", ".join(repr(v) for v in values)

    def structure(value: Any, _: type) -> enum.Enum:
        if not isinstance(value, str):
            raise TypeError(f"expected a string ({allowed}), got {_type_name(value)}")
        member = values.get(value)
        if member is None:
            raise ValueError(f"expected one of {allowed}, got {value[:32]!r}")
        return member

    return structure


def _structure_onvolledige_datum(value: Any, _: type) -> OnvolledigeDatum:
    if not isinstance(value, str):
        raise TypeError(f"expected a date string YYYY-MM-DD (00 for unknown), got {_type_name(value)}")
    return OnvolledigeDatum.parse(value)


def _structure_bsn(value: Any, _: type) -> Bsn:
    if not isinstance(value, str):
        raise TypeError(f"expected the BSN as a string of 9 digits, got {_type_name(value)}")
    return Bsn(value)


def _structure_onderwijsnummer(value: Any, _: type) -> Onderwijsnummer:
    if not isinstance(value, str):
        raise TypeError(f"expected the onderwijsnummer as a string of 9 digits, got {_type_name(value)}")
    return Onderwijsnummer(value)


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A cattrs converter for the MBO student record and everything in it.

    Every class of the record has its hooks: the student and the matching
    set, enrolments with periods and extra support, BPV agreements,
    diplomas, generic exam parts, vrijstellingen, keuzedeel results,
    AMvB-onderdelen and loose results.

    Like cattrs' own preconfigured converters, each call builds a new,
    independent converter; adjust it freely.

    Args:
        detailed_validation: Collect every error with its path (slower). The
            readers of this module first try without it and only fall back to
            it to report a bad document.

    Examples:
        >>> import datetime as dt
        >>> from duo_domain.mbo.enrolment import ExtraOndersteuning
        >>> conv = make_converter()
        >>> conv.unstructure(ExtraOndersteuning(dt.date(2024, 8, 1)))
        {'datum_begin': '2024-08-01'}
        >>> conv.structure({"datum_begin": "2024-08-01"}, ExtraOndersteuning).datum_begin
        datetime.date(2024, 8, 1)
        >>> from decimal import Decimal
        >>> from duo_domain.mbo.results import GeneriekExamenonderdeel
        >>> conv.unstructure(GeneriekExamenonderdeel("G1", "3005", cijfer_ie=Decimal("6.50")))
        {'resultaatvolgnummer': 'G1', 'code': '3005', 'cijfer_ie': '6.50'}
    """
    conv = cattrs.Converter(detailed_validation=detailed_validation, forbid_extra_keys=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(OnvolledigeDatum, _structure_onvolledige_datum)
    conv.register_unstructure_hook(OnvolledigeDatum, str)
    conv.register_structure_hook(Bsn, _structure_bsn)
    conv.register_unstructure_hook(Bsn, Bsn.unmasked)
    conv.register_structure_hook(Onderwijsnummer, _structure_onderwijsnummer)
    conv.register_unstructure_hook(Onderwijsnummer, Onderwijsnummer.unmasked)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    for kind in _ENUMS:
        conv.register_structure_hook(kind, _enum_hook(kind))
        conv.register_unstructure_hook(kind, lambda member: member.value)

    def _is_tuple_of_domain(kind: Any) -> bool:
        origin = getattr(kind, "__origin__", None)
        args: tuple[Any, ...] = tuple(getattr(kind, "__args__", ()))
        return origin is tuple and len(args) == 2 and args[1] is Ellipsis and attrs.has(args[0])

    def _tuple_factory(kind: Any) -> Any:
        item = kind.__args__[0]
        inner = conv.get_structure_hook(item)

        def structure(value: Any, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise TypeError(f"expected an array, got {_type_name(value)}")
            if not detailed_validation:
                return tuple([inner(v, item) for v in value])
            out: list[Any] = []
            errors: list[Exception] = []
            for i, v in enumerate(value):
                try:
                    out.append(inner(v, item))
                except Exception as exc:
                    exc.__notes__ = [*getattr(exc, "__notes__", []), f"Structuring {kind} @ index {i}"]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
            return tuple(out)

        return structure

    conv.register_structure_hook_factory(_is_tuple_of_domain, _tuple_factory)

    def _optional_factory(kind: Any) -> Any:
        # cattrs' own hook for ``X | None`` looks up the hook of X on every call; this one looks it
        # up once, when the hook of the class holding the field is made.
        (item,) = (arg for arg in kind.__args__ if arg is not NoneType)
        hook = conv.get_structure_hook(item)
        if hook is _structure_str:
            return _structure_optional_str  # the most common optional field: one call, not two
        return _optional(hook, item)

    conv.register_structure_hook_factory(_is_simple_optional, _optional_factory)

    nl_fn = make_dict_structure_fn(NederlandsAdres, conv, _cattrs_forbid_extra_keys=True)
    bl_fn = make_dict_structure_fn(BuitenlandsAdres, conv, _cattrs_forbid_extra_keys=True)

    def _structure_adres(value: Any, _: type) -> NederlandsAdres | BuitenlandsAdres:
        if not isinstance(value, dict):
            raise TypeError(f"expected an address object, got {_type_name(value)}")
        if _BUITENLANDS_KEYS & value.keys():
            return bl_fn(value, BuitenlandsAdres)
        return nl_fn(value, NederlandsAdres)

    conv.register_structure_hook(NederlandsAdres | BuitenlandsAdres, _structure_adres)
    conv.register_structure_hook(
        NederlandsAdres | BuitenlandsAdres | None,
        _optional(_structure_adres, NederlandsAdres | BuitenlandsAdres),
    )

    def _dict_only(cls: type) -> Any:
        fn: Any = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

        def structure(value: Any, kind: type) -> Any:
            if not isinstance(value, dict):
                raise TypeError(f"expected an object, got {_type_name(value)}")
            return fn(value, kind)

        return structure

    # Leaves first: a generated function captures the hooks of its fields when it is made.
    for cls in reversed(_DOMAIN_CLASSES):
        if cls not in (NederlandsAdres, BuitenlandsAdres):
            conv.register_structure_hook(cls, _dict_only(cls))
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True))

    # The two address kinds are told apart by their keys (see _structure_adres). A foreign address
    # with every field empty would be written as {} and read back as a Dutch one: keep its landcode.
    unstructure_bl = make_dict_unstructure_fn(BuitenlandsAdres, conv, _cattrs_omit_if_default=True)

    def _unstructure_buitenlands(adres: BuitenlandsAdres) -> dict[str, Any]:
        out: dict[str, Any] = unstructure_bl(adres)
        if not out:
            out["landcode"] = None
        return out

    conv.register_unstructure_hook(BuitenlandsAdres, _unstructure_buitenlands)

    return conv


def _is_simple_optional(kind: Any) -> bool:
    """Whether ``kind`` is ``X | None`` (``Optional[X]``) for a single X."""
    args = typing.get_args(kind)
    return typing.get_origin(kind) in (typing.Union, types.UnionType) and len(args) == 2 and NoneType in args


def _optional(fn: Any, item: Any) -> Any:
    """The hook for ``item | None``, given the hook ``fn`` of ``item``."""

    def structure(value: Any, _: type) -> Any:
        return None if value is None else fn(value, item)

    return structure


_FAST: cattrs.Converter | None = None
_DETAILED: cattrs.Converter | None = None


def _converters() -> tuple[cattrs.Converter, cattrs.Converter]:
    global _FAST, _DETAILED  # noqa: PLW0603 - built lazily once, never mutated after
    if _FAST is None or _DETAILED is None:
        _FAST = make_converter(detailed_validation=False)
        _DETAILED = make_converter(detailed_validation=True)
    return _FAST, _DETAILED


def _problems(exc: BaseException, path: str) -> list[DocumentProblem]:
    """Every leaf error of a cattrs exception group as a problem with its path."""
    if isinstance(exc, ForbiddenExtraKeysError):
        return [DocumentProblem(f"{path}.{key}", "unknown key") for key in sorted(exc.extra_fields)]
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        out: list[DocumentProblem] = []
        for sub in exc.exceptions:
            out.extend(_problems(sub, _sub_path(sub, path)))
        return out
    if isinstance(exc, KeyError):
        return [DocumentProblem(path, "required key is missing")]
    if isinstance(exc, DuoDomainError):
        return [DocumentProblem(path, exc.message)]
    if (
        isinstance(exc, (TypeError, ValueError))
        and len(exc.args) >= 2
        and isinstance(exc.args[1], attrs.Attribute)
    ):
        # An attrs validator of the class (e.g. a diploma's niveau outside 1-4): name its field.
        return [DocumentProblem(f"{path}.{exc.args[1].name}", str(exc.args[0]))]
    if isinstance(exc, (TypeError, ValueError)):
        return [DocumentProblem(path, str(exc))]
    return [DocumentProblem(path, f"cannot be read ({type(exc).__name__})")]


def _sub_path(exc: BaseException, path: str) -> str:
    for note in getattr(exc, "__notes__", ()):
        if not isinstance(note, str):
            continue
        if " @ attribute " in note:
            return f"{path}.{note.rsplit(' @ attribute ', 1)[1]}"
        if " @ index " in note:
            return f"{path}[{note.rsplit(' @ index ', 1)[1]}]"
    return path


#: From this many records on, :func:`structure_mbo` pauses the cyclic garbage collector.
GC_PAUSE_FROM = 1000


@contextlib.contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a large batch of records is built.

    Each automatic collection traverses every object still alive, and a batch of
    tens of thousands of records keeps growing until it is done: in the MBO
    benchmark a third of the structuring time went to collections that found
    nothing, because the records hold no reference cycles. Reference counting
    still frees everything as usual; the collector's previous state is restored
    afterwards, also when an exception escapes.
    """
    was_enabled = gc.isenabled()
    if pause and was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if pause and was_enabled:
            gc.enable()


def structure_mbo(data: Any) -> MboStudentRecord | list[MboStudentRecord]:
    """One record (a JSON object) or a list of records (a JSON array) from parsed JSON.

    For a list of `GC_PAUSE_FROM` records or more, the cyclic garbage
    collector is paused while the records are built (see the performance notes
    in the MBO documentation); its state is restored afterwards.

    Raises:
        InvalidDocument: listing every structural problem with its path
            (``$.inschrijvingen[0].perioden[1].datum_begin``; ``$[3]...`` in a list).
    """
    fast, detailed = _converters()
    if isinstance(data, list):
        try:
            with _collector_paused(len(data) >= GC_PAUSE_FROM):
                return [fast.structure(item, MboStudentRecord) for item in data]
        except Exception:
            problems: list[DocumentProblem] = []
            out: list[MboStudentRecord] = []
            for i, item in enumerate(data):
                try:
                    out.append(detailed.structure(item, MboStudentRecord))
                except Exception as exc:
                    problems.extend(_problems(exc, f"$[{i}]"))
            if problems:
                raise InvalidDocument(problems, document=DOCUMENT_NAME) from None
            return out
    if not isinstance(data, dict):
        raise InvalidDocument(
            [DocumentProblem("$", f"expected an object or an array of objects, got {_type_name(data)}")],
            document=DOCUMENT_NAME,
        )
    try:
        return fast.structure(data, MboStudentRecord)
    except Exception:
        try:
            return detailed.structure(data, MboStudentRecord)
        except Exception as exc:
            raise InvalidDocument(_problems(exc, "$"), document=DOCUMENT_NAME) from None


def loads_mbo(text: str | bytes) -> MboStudentRecord | list[MboStudentRecord]:
    """Read a JSON document with one MBO student record or a list of them.

    Numbers are read as `Decimal`, never through ``float``.

    Raises:
        InvalidDocument: when the text is not JSON, or not such a document.
    """
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InvalidDocument(
            [DocumentProblem("$", f"not JSON: {exc.msg}", line=exc.lineno)], document=DOCUMENT_NAME
        ) from None
    except (UnicodeDecodeError, RecursionError) as exc:
        raise InvalidDocument(
            [DocumentProblem("$", f"not JSON ({type(exc).__name__})")], document=DOCUMENT_NAME
        ) from None
    except InvalidOperation:
        raise InvalidDocument(
            [DocumentProblem("$", "not JSON this library can read: a number out of range")],
            document=DOCUMENT_NAME,
        ) from None
    return structure_mbo(data)


def unstructure_mbo(obj: MboStudentRecord | list[MboStudentRecord]) -> Any:
    """Plain JSON-ready data for one record or a list of records."""
    fast, _ = _converters()
    return fast.unstructure(obj)


def dumps_mbo(obj: MboStudentRecord | list[MboStudentRecord], *, indent: int | None = None) -> str:
    """The JSON text of one record or a list of records."""
    return json.dumps(unstructure_mbo(obj), indent=indent, ensure_ascii=False)
