"""Reading and writing single lines of DUO's return files (private).

[`LineParser`][duo_domain.serialize.returnfile.LineParser] turns one line into its record (or problems);
[`format_record`][duo_domain.serialize.returnfile.format_record] writes a record back as the same line. Both
work from
the PvE layout table ([`duo_domain.mbo.pve`][duo_domain.mbo.pve], through
[`layout`][duo_domain.serialize.returnfile.layout]).

Reading has two paths. The **general path** (`LineParser._parse_fields`)
handles everything: every notation, padded and cut-off lines, every problem
with its field. The **compiled path** is generated once per record type,
file kind and date notation from the same table (`_compile`): plain
Python with one expression per field and no per-field lookups. It handles
the usual line and gives up (``_Slow``) at anything unusual — an empty
required field, an unknown notation, a number that fails its check on a PER
line, a record of another person — and the general path then reads that line
from scratch, so both paths give the same record and the same problems (a
property test holds them together).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from duo_domain.errors import DocumentProblem, InvalidCode, InvalidDocument, InvalidFormat
from duo_domain.identity import bsn as _bsn
from duo_domain.identity import onderwijsnummer as _onr
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import OnvolledigeDatum
from duo_domain.serialize._returnfile_records import (
    LEEGGEMAAKT,
    RECORD_CLASSES,
    Datumnotatie,
    DipRecord,
    Kind,
    Kolom,
    Kopregel,
    Leeggemaakt,
    OngeldigNummer,
    Opmaak,
    PerRecord,
    PveRecord,
    Record,
    layout,
    table_layout,
)

__all__ = ["BESTANDEN", "LineParser", "format_record"]

#: The delimited file kinds the line reader knows (see :mod:`duo_domain.mbo.pve`).
BESTANDEN: Final = ("RO", "OBO", "OBOV", "GRONDSLAG")
#: File kinds read into :class:`PveRecord` (no typed class per record type).
_GENERIC: Final = frozenset({"OBOV", "GRONDSLAG"})

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_DMY = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})")
_INT = re.compile(r"0|[1-9][0-9]{0,17}")
_DIGITS = re.compile(r"[0-9]+")
_RECORDSOORT = re.compile(r"[A-Z]{3}")
_NINE_DIGITS = re.compile(r"[0-9]{9}")
# The GRONDSLAG voorlooprecord: BRIN, studiejaar, aanmaakdatum (ccyymmdd), ...
_GRONDSLAG_VLP = re.compile(r"[0-9]{4}\|[0-9]{8}")
_STUDIEJAAR = re.compile(r"[0-9]{4}-[0-9]{4}")
_DATE_KINDS: Final = (Kind.DATE, Kind.PARTIAL_DATE)
_PERSON_KINDS: Final = (Kind.BSN, Kind.ONDERWIJSNUMMER)
_FORBIDDEN = ("\n", "\r", "\t")
#: The record classes that name a person (BSN / onderwijsnummer fields).
_PERSON_RECORDS: Final = frozenset(
    cls
    for table in RECORD_CLASSES.values()
    for cls in table.values()
    if "burgerservicenummer" in attrs.fields_dict(cls)
)


class _Bad(Exception):
    """A field's text cannot be read as its kind."""


class _Slow(Exception):
    """The compiled path gives a line up to the general path."""


def _notation(texts: list[str]) -> Datumnotatie | None:
    """The date notation of a line, from the texts of its date fields."""
    for text in texts:
        if _ISO.fullmatch(text):
            return Datumnotatie.ISO
        if _COMPACT.fullmatch(text):
            return Datumnotatie.COMPACT
        if _DMY.fullmatch(text):
            padded = any(
                len(part) == 2 and part[0] == "0"
                for t in texts
                if _DMY.fullmatch(t)
                for part in t.split("-")[:2]
            )
            return Datumnotatie.DMY_PADDED if padded else Datumnotatie.DMY
    return None


def _ymd(text: str, notation: Datumnotatie) -> tuple[int, int, int]:
    pattern = {
        Datumnotatie.ISO: _ISO,
        Datumnotatie.COMPACT: _COMPACT,
        Datumnotatie.DMY: _DMY,
        Datumnotatie.DMY_PADDED: _DMY,
    }[notation]
    match = pattern.fullmatch(text)
    if match is None:
        raise _Bad(f"not a date in the line's notation {notation.value}")
    a, b, c = (int(g) for g in match.groups())
    jaar, maand, dag = (c, b, a) if notation in (Datumnotatie.DMY, Datumnotatie.DMY_PADDED) else (a, b, c)
    if notation.format(jaar, maand, dag) != text:
        raise _Bad(f"not written as {notation.value} like the other dates of the line")
    return jaar, maand, dag


def _read_date(text: str, notation: Datumnotatie | None) -> Any:
    if notation is None:  # pragma: no cover - a non-empty date field always sets it
        raise _Bad("not a date")
    jaar, maand, dag = _ymd(text, notation)
    try:
        return dt.date(jaar, maand, dag)
    except ValueError:
        raise _Bad("not a valid date") from None


def _read_partial_date(text: str, notation: Datumnotatie | None) -> Any:
    if notation is None:  # pragma: no cover - a non-empty date field always sets it
        raise _Bad("not a date")
    jaar, maand, dag = _ymd(text, notation)
    if maand == 0 and dag != 0:
        raise _Bad("a day without a month")
    try:
        return OnvolledigeDatum(jaar, maand or None, dag or None)
    except InvalidFormat:
        raise _Bad("not a valid date (00 for an unknown day or month)") from None


def _read_int(text: str, notation: Datumnotatie | None) -> Any:
    if _INT.fullmatch(text) is None:
        raise _Bad("not a whole number (at most 18 digits, no leading zeros)")
    return int(text)


def _read_digits(text: str, notation: Datumnotatie | None) -> Any:
    if _DIGITS.fullmatch(text) is None:
        raise _Bad("not a number (digits only)")
    return text


def _read_jn(text: str, notation: Datumnotatie | None) -> Any:
    if text in _JN:
        return _JN[text]
    raise _Bad("expected J or N")


def _read_bit(text: str, notation: Datumnotatie | None) -> Any:
    if text in _BIT:
        return _BIT[text]
    raise _Bad("expected 1 or 0")


def _read_grade(text: str, notation: Datumnotatie | None) -> Any:
    if _INT.fullmatch(text) is None or len(text) > 3:
        raise _Bad("not a grade (a whole number of at most 3 digits, no leading zeros)")
    return Decimal(int(text))


def _read_grade10(text: str, notation: Datumnotatie | None) -> Any:
    return _read_grade(text, notation).scaleb(-1)


def _read_raw_date(text: str, notation: Datumnotatie | None) -> Any:
    if not (_ISO.fullmatch(text) or _COMPACT.fullmatch(text) or _DMY.fullmatch(text)):
        raise _Bad("not a date (00 for unknown parts)")
    return text


def _read_text(text: str, notation: Datumnotatie | None) -> Any:
    return text


def _unsupported(text: str, notation: Datumnotatie | None) -> Any:
    raise _Bad("this kind of field is not read from a delimited line")


_JN: Final = {"J": True, "N": False}
_BIT: Final = {"1": True, "0": False}


def _read_pgn(text: str, notation: Datumnotatie | None) -> Bsn | Onderwijsnummer | OngeldigNummer:
    """A persoonsgebonden nummer: a BSN or an onderwijsnummer, whichever check it passes; masked."""
    if _NINE_DIGITS.fullmatch(text):
        if _bsn.is_valid(text):
            return Bsn(text)
        if _onr.is_valid(text):
            return Onderwijsnummer(text)
    return OngeldigNummer(text, Kind.PGN.value)


_READERS: Final[dict[Kind, Any]] = {
    Kind.PGN: _read_pgn,
    Kind.TEXT: _read_text,
    Kind.DATE: _read_date,
    Kind.PARTIAL_DATE: _read_partial_date,
    Kind.INT: _read_int,
    Kind.DIGITS: _read_digits,
    Kind.JN: _read_jn,
    Kind.BIT: _read_bit,
    Kind.GRADE: _read_grade,
    Kind.GRADE10: _read_grade10,
    Kind.RAW_DATE: _read_raw_date,
    Kind.BOOL: _unsupported,
    Kind.DECIMAL: _unsupported,
}


def _parse_value(veld: Kolom, text: str, notation: Datumnotatie | None) -> Any:
    return _READERS[veld.kind](text, notation)


def _person_number(kind: Kind, text: str) -> tuple[Bsn | Onderwijsnummer | OngeldigNummer, bool]:
    """The value of a BSN / onderwijsnummer field and whether it passed DUO's check."""
    if _NINE_DIGITS.fullmatch(text):
        if kind is Kind.BSN and _bsn.is_valid(text):
            return Bsn(text), True
        if kind is Kind.ONDERWIJSNUMMER and _onr.is_valid(text):
            return Onderwijsnummer(text), True
    return OngeldigNummer(text, kind.value), False


def _choose_variant(cls: type[Any] | None, fields: list[str]) -> int:
    # DUO's DIP lines have an empty seventh field the PvE does not describe; a
    # line with J/N there is laid out as the PvE says (variant 1).
    if cls is DipRecord:
        return 1 if len(fields) > 6 and fields[6] in ("J", "N") else 0
    return 0


def _detect(fields: list[str]) -> str:
    """The file kind, from the fields of the first line."""
    soort = fields[0]
    if _RECORDSOORT.fullmatch(soort) is None and len(fields) >= 4 and all(fields):
        return "OBOV"  # a difference list starts with its header line of field names (PvE §14.4)
    if soort == "VLP" and len(fields) > 3 and _GRONDSLAG_VLP.fullmatch("|".join(fields[2:4])):
        return "GRONDSLAG"
    if soort == "VLP" and len(fields) > 1 and _STUDIEJAAR.fullmatch(fields[1]):
        return "OBO"
    return "RO"


# ------------------------------------------------------------------ the compiled path

_FAST_DATE: Final = {
    Datumnotatie.ISO: "_iso(t) if len(t) == 10 and t[4] == '-' and t[7] == '-' else _slow()",
    Datumnotatie.COMPACT: "_compact(t)",
}
_FAST: Final = {
    Kind.TEXT: "t",
    Kind.DIGITS: "t if t.isdigit() and t.isascii() else _slow()",
    Kind.INT: (
        "int(t) if t.isdigit() and t.isascii() and len(t) < 19 and (t[0] != '0' or len(t) == 1) else _slow()"
    ),
    Kind.JN: "_JN[t]",
    Kind.BIT: "_BIT[t]",
    Kind.GRADE: "_GRADES[t]",
    Kind.GRADE10: "_GRADES10[t]",
    Kind.RAW_DATE: "_read_raw_date(t, None)",
}


def _slow() -> Any:
    raise _Slow


def _compact(text: str) -> dt.date:
    if len(text) != 8 or not text.isdigit() or not text.isascii():
        raise _Slow
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))


def _partial_iso(text: str) -> OnvolledigeDatum:
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise _Slow
    jaar, maand, dag = int(text[:4]), int(text[5:7]), int(text[8:])
    if maand == 0 and dag != 0:
        raise _Slow
    if f"{jaar:04d}-{maand:02d}-{dag:02d}" != text:
        raise _Slow
    return OnvolledigeDatum(jaar, maand or None, dag or None)


# Every grade text the PvE allows (N1..2 and N2..3, no leading zeros), read once.
_GRADES: Final = {str(i): Decimal(i) for i in range(1000)}
_GRADES10: Final = {str(i): Decimal(i).scaleb(-1) for i in range(1000)}

_FAST_ENV: Final[dict[str, Any]] = {
    "_GRADES": _GRADES,
    "_GRADES10": _GRADES10,
    "_iso": dt.date.fromisoformat,
    "_compact": _compact,
    "_slow": _slow,
    "_Slow": _Slow,
    "_JN": _JN,
    "_BIT": _BIT,
    "_read_grade": _read_grade,
    "_read_grade10": _read_grade10,
    "_read_raw_date": _read_raw_date,
    "_partial_iso": _partial_iso,
    "PveRecord": PveRecord,
}


def _fast_expression(kind: Kind, notation: Datumnotatie) -> str | None:
    if kind is Kind.DATE:
        return _FAST_DATE.get(notation)
    if kind is Kind.PARTIAL_DATE:
        return "_partial_iso(t)" if notation is Datumnotatie.ISO else None
    return _FAST.get(kind)


def _field_lines(i: int, veld: Kolom, notation: Datumnotatie, is_per: bool) -> list[str] | None:
    """The lines that read field ``i`` into ``v{i}``, or ``None`` when the kind has no compiled form."""
    lines = [f"    t = f[{i + 1}]"]
    if veld.kind in _PERSON_KINDS:
        which = 0 if veld.kind is Kind.BSN else 1
        lines.append(f"    n{which} = t")
        if is_per:
            lines.append(f"    v{i} = st._number({which}, t, True) if t else None")
        else:  # the records after a PER repeat its number: the last one read is cached
            lines.append(f"    c = st._cache[{which}]")
            cached = f"c[1] if c is not None and c[0] == t else st._number({which}, t, False)"
            lines.append(f"    v{i} = ({cached}) if t else None")
        return lines
    expression = _fast_expression(veld.kind, notation)
    if expression is None:
        return None
    if veld.verplicht:
        lines.append("    if not t: raise _Slow")
        lines.append(f"    v{i} = {expression}")
    else:
        lines.append(f"    v{i} = ({expression}) if t else None")
    return lines


@functools.lru_cache(maxsize=256)
def _compile(bestand: str, soort: str, notation: Datumnotatie, separator: str) -> Any:
    """The compiled reader of one record type in one notation, or ``None`` when it has none.

    Compiled once per process for each combination (a pure function of its
    arguments: the reader keeps no state of its own), not once per file.
    """
    cls = None if bestand in _GENERIC else RECORD_CLASSES[bestand][soort]
    velden = table_layout(bestand, soort) if cls is None else layout(cls)
    is_per = cls is PerRecord
    body = [
        "def parse(f, st):",
        f"    if len(f) != {len(velden) + 1}: raise _Slow",
        "    n0 = n1 = ''",
    ]
    if cls is DipRecord:
        body.append("    if f[6] in ('J', 'N'): raise _Slow")
    for i, veld in enumerate(velden):
        lines = _field_lines(i, veld, notation, is_per)
        if lines is None:
            return None
        body.extend(lines)
    if is_per:
        body.append("    st._fast_person(n0, n1, True)")
    elif any(v.kind in _PERSON_KINDS for v in velden):
        body.append("    p = st._person")
        body.append("    if p is not None and (n0 != p[0] or n1 != p[1]): raise _Slow")
    names = [v.naam for v in velden]
    if cls is None:
        values = "".join(f"v{i}, " for i in range(len(names)))
        body.append(f"    return PveRecord({bestand!r}, {soort!r}, ({values}), (), _OPMAAK)")
    else:
        arguments = ", ".join(f"{name}=v{i}" for i, name in enumerate(names))
        body.append(f"    return _cls({arguments}, opmaak=_OPMAAK)")
    env = dict(_FAST_ENV, _cls=cls, _OPMAAK=Opmaak(separator, notation))
    exec(compile("\n".join(body), f"<returnfile {bestand} {soort}>", "exec"), env)  # noqa: S102 - code built from the layout table only
    return env["parse"]


_COMPILABLE: Final = (Datumnotatie.ISO, Datumnotatie.COMPACT)


@attrs.define
class LineParser:
    """Reads lines one at a time, remembering what the file has shown so far.

    Attributes:
        kind: ``"RO"``, ``"OBO"``, ``"OBOV"`` or ``"GRONDSLAG"``; ``None``
            until known (then detected from the first line).
        check_numbers: Report a BSN / onderwijsnummer that fails DUO's check.
        separator: The file's separator, from its first line.
        notation: The last date notation seen (for lines without dates).
        compiled: Use the compiled path (``False`` reads every line by the
            general path; for tests).
    """

    kind: str | None = None
    check_numbers: bool = True
    separator: str | None = None
    notation: Datumnotatie = Datumnotatie.ISO
    compiled: bool = True
    _person: tuple[str, str] | None = None
    # The last BSN and onderwijsnummer read, as (text, value, passed its check):
    # the records of one person repeat them.
    _cache: list[tuple[str, Any, bool] | None] = attrs.field(factory=lambda: [None, None])
    _table: dict[str, Any] | None = None
    # The compiled readers per date notation and record type (None: the type has none).
    _fast: dict[Datumnotatie, dict[str, Any]] = attrs.field(factory=dict)

    def parse(self, text: str, line: int) -> tuple[Record | Kopregel | None, Sequence[DocumentProblem]]:
        """The record on ``text`` (line number ``line``) and the problems found.

        The record is ``None`` when the line is malformed; problems may come
        with a record too (a personal number that fails its check).
        """
        if text == "":
            return None, [DocumentProblem("$", "empty line (the PvE allows no empty records)", line=line)]
        if self.separator is None:
            self.separator = "|" if "|" in text else ";" if ";" in text else "|"
        fields = text.split(self.separator)
        if self.compiled and self.kind is not None and "\t" not in text and "\r" not in text:
            table = self._table
            if table is None:
                table = self._table = self._fast.setdefault(self.notation, {})
            fast = table.get(fields[0], _MISSING)
            if fast is _MISSING:
                fast = table[fields[0]] = self._compile(fields[0])
            if fast is not None:
                try:
                    return fast(fields, self), _NONE
                except (_Slow, _Bad, ValueError, KeyError, IndexError, TypeError):
                    pass
        return self._parse_general(text, fields, line)

    def _compile(self, soort: str) -> Any:
        kind = self.kind or "RO"
        if kind == "OBOV" or self.notation not in _COMPILABLE:
            return None
        if kind not in _GENERIC and soort not in RECORD_CLASSES[kind]:
            return None
        try:
            table_layout(kind, soort)
        except InvalidCode:
            return None
        return _compile(kind, soort, self.notation, self.separator or "|")

    def _parse_general(
        self, text: str, fields: list[str], line: int
    ) -> tuple[Record | Kopregel | None, Sequence[DocumentProblem]]:
        if any(c in text for c in _FORBIDDEN):
            return None, [DocumentProblem("$", "line contains a tab or carriage return", line=line)]
        soort = fields[0]
        if self.kind is None:
            self.kind = _detect(fields)
            if self.kind == "OBOV":
                return Kopregel(text, self.separator or "|"), []
        kind = self.kind
        if kind in _GENERIC:
            try:
                velden = table_layout(kind, soort)
            except InvalidCode:
                velden = None
            cls = None
        else:
            cls = RECORD_CLASSES[kind].get(soort)
            velden = None if cls is None else layout(cls, _choose_variant(cls, fields))
        if velden is None:
            if _RECORDSOORT.fullmatch(soort):
                msg = f"unknown record type {soort!r} in a {kind} file"
            else:
                msg = "the line does not start with a record type"
            return None, [DocumentProblem("$", msg, line=line)]
        return self._parse_fields(cls, soort, velden, fields, line)

    def _number(self, which: int, text: str, is_per: bool) -> Any:
        """A person number on the compiled path (``which``: 0 for the BSN, 1 for the onderwijsnummer)."""
        value, ok = self._person_value(_PERSON_KINDS[which], text)
        if not ok and is_per and self.check_numbers:
            raise _Slow
        return value

    def _fast_person(self, bsn: str, onr: str, is_per: bool) -> None:
        if is_per:
            if bool(bsn) == bool(onr):
                raise _Slow
            self._person = (bsn, onr)
        elif self._person is not None and (bsn, onr) != self._person:
            raise _Slow

    def _check_width(
        self, soort: str, velden: tuple[Kolom, ...], fields: list[str], line: int, generic: bool
    ) -> tuple[list[DocumentProblem], bool]:
        expected, found = len(velden) + 1, len(fields)
        problems: list[DocumentProblem] = []
        if found > expected and any(fields[expected:]) and not generic:
            problems.append(
                DocumentProblem(
                    soort,
                    f"too many fields: a {soort} record has {expected}, the line has {found}",
                    line=line,
                )
            )
        missing_required = found < expected and any(v.verplicht for v in velden[found - 1 :])
        if missing_required:
            problems.append(
                DocumentProblem(
                    soort, f"too few fields: a {soort} record has {expected}, the line has {found}", line=line
                )
            )
        return problems, missing_required

    def _read_field(
        self, veld: Kolom, text: str, notation: Datumnotatie | None, path: str, line: int
    ) -> tuple[Any, DocumentProblem | None]:
        if text == "*" and self.kind == "OBOV":
            return LEEGGEMAAKT, None
        try:
            return _parse_value(veld, text, notation), None
        except _Bad as exc:
            return None, DocumentProblem(path, str(exc), line=line)

    def _parse_fields(
        self, cls: type[Any] | None, soort: str, velden: tuple[Kolom, ...], fields: list[str], line: int
    ) -> tuple[Record | None, list[DocumentProblem]]:
        generic = cls is None
        problems, missing_required = self._check_width(soort, velden, fields, line, generic)
        warnings: list[DocumentProblem] = []
        found = len(fields)
        texts = [fields[i + 1] if i + 1 < found else "" for i in range(len(velden))]
        notation = _notation([t for v, t in zip(velden, texts, strict=True) if v.kind in _DATE_KINDS and t])
        if notation is not None and notation is not self.notation:
            self.notation = notation
            self._table = None
        values: list[Any] = []
        person = ["", ""]
        for i, (veld, text) in enumerate(zip(velden, texts, strict=True)):
            path = f"{soort}.{veld.naam}"
            if text == "":
                values.append(None)
                if self._required(veld) and not (missing_required and i + 1 >= found):
                    problems.append(DocumentProblem(path, "required field is empty", line=line))
                continue
            if veld.kind in _PERSON_KINDS:
                person[veld.kind is Kind.ONDERWIJSNUMMER] = text
                value, ok = self._person_value(veld.kind, text)
                values.append(value)
                if not ok and self.check_numbers and cls is PerRecord:
                    what = "BSN (9 digits, 11-proef)" if veld.kind is Kind.BSN else "onderwijsnummer"
                    warnings.append(DocumentProblem(path, f"not a valid {what}; read as written", line=line))
                continue
            value, problem = self._read_field(veld, text, notation, path, line)
            values.append(value)
            if problem is not None:
                problems.append(problem)
        if problems:
            return None, problems
        warnings.extend(self._check_person(cls, soort, person, line))
        expected = len(velden) + 1
        if generic:
            extra = tuple(fields[expected:])
            width = found if found < expected else None
            opmaak = Opmaak(self.separator or "|", notation or self.notation, width, 0)
            return PveRecord(self.kind or "", soort, tuple(values), extra, opmaak), warnings
        assert cls is not None
        variant = _choose_variant(cls, fields)
        opmaak = Opmaak(
            self.separator or "|",
            notation or self.notation,
            found if found != expected else None,
            variant,
        )
        kwargs = {v.naam: value for v, value in zip(velden, values, strict=True)}
        return cls(**kwargs, opmaak=opmaak), warnings

    def _required(self, veld: Kolom) -> bool:
        # A difference list leaves the old values empty on an addition and the
        # new ones on a removal (PvE §14.1), whatever the field table says.
        if self.kind == "OBOV" and veld.naam.endswith(("_vorig", "_huidig")):
            return False
        return veld.verplicht

    def _person_value(self, kind: Kind, text: str) -> tuple[Any, bool]:
        which = 0 if kind is Kind.BSN else 1
        last = self._cache[which]
        if last is not None and last[0] == text:
            return last[1], last[2]
        value, ok = _person_number(kind, text)
        self._cache[which] = (text, value, ok)
        return value, ok

    def _check_person(
        self, cls: type[Any] | None, soort: str, person: list[str], line: int
    ) -> list[DocumentProblem]:
        if cls is None or cls not in _PERSON_RECORDS:
            return []
        key = (person[0], person[1])
        if cls is PerRecord:
            self._person = key
            if bool(key[0]) == bool(key[1]):
                return [
                    DocumentProblem(
                        "PER",
                        "exactly one of burgerservicenummer and onderwijsnummer must be filled",
                        line=line,
                    )
                ]
            return []
        if cls is not None and self._person is not None and key != self._person:
            return [
                DocumentProblem(soort, "record does not belong to the person of the PER before it", line=line)
            ]
        return []


_MISSING: Final = object()
_NONE: Final[tuple[DocumentProblem, ...]] = ()


def _write_person(value: Any, opmaak: Opmaak) -> str:
    if not isinstance(value, Bsn | Onderwijsnummer | OngeldigNummer):
        raise _Bad("expected a Bsn, Onderwijsnummer or OngeldigNummer")
    return value.unmasked()


def _write_text(value: Any, opmaak: Opmaak) -> str:
    if not isinstance(value, str):
        raise _Bad("expected a str")
    return value


def _write_date(value: Any, opmaak: Opmaak) -> str:
    if not isinstance(value, dt.date):
        raise _Bad("expected a datetime.date")
    return opmaak.datumnotatie.format(value.year, value.month, value.day)


def _write_partial_date(value: Any, opmaak: Opmaak) -> str:
    if not isinstance(value, OnvolledigeDatum):
        raise _Bad("expected an OnvolledigeDatum")
    return opmaak.datumnotatie.format(value.jaar, value.maand or 0, value.dag or 0)


def _write_jn(value: Any, opmaak: Opmaak) -> str:
    if not isinstance(value, bool):
        raise _Bad("expected a bool")
    return "J" if value else "N"


def _write_bit(value: Any, opmaak: Opmaak) -> str:
    if not isinstance(value, bool):
        raise _Bad("expected a bool")
    return "1" if value else "0"


def _write_int(value: Any, opmaak: Opmaak) -> str:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10**18:
        raise _Bad("expected a whole number >= 0 of at most 18 digits")
    return str(value)


def _write_grade(value: Any, opmaak: Opmaak, scale: int = 0) -> str:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise _Bad("expected a finite Decimal")
    scaled = value.scaleb(scale)
    if scaled != scaled.to_integral_value() or not 0 <= scaled < 1000:
        step = "0.1" if scale else "1"
        raise _Bad(f"a grade here is a multiple of {step} with at most 3 digits")
    return str(int(scaled))


def _write_grade10(value: Any, opmaak: Opmaak) -> str:
    return _write_grade(value, opmaak, 1)


_WRITERS: Final[dict[Kind, Any]] = {
    Kind.BSN: _write_person,
    Kind.ONDERWIJSNUMMER: _write_person,
    Kind.PGN: _write_person,
    Kind.TEXT: _write_text,
    Kind.DIGITS: _write_text,
    Kind.RAW_DATE: _write_text,
    Kind.DATE: _write_date,
    Kind.PARTIAL_DATE: _write_partial_date,
    Kind.JN: _write_jn,
    Kind.BIT: _write_bit,
    Kind.INT: _write_int,
    Kind.GRADE: _write_grade,
    Kind.GRADE10: _write_grade10,
}


def _format_value(veld: Kolom, value: Any, opmaak: Opmaak) -> str:
    if value is None:
        if veld.verplicht:
            raise _Bad("required field is None")
        return ""
    if isinstance(value, Leeggemaakt):
        return "*"
    writer = _WRITERS.get(veld.kind)
    if writer is None:
        raise _Bad(f"a {veld.kind.value} field is not written on a delimited line")
    text: str = writer(value, opmaak)
    if text == "" or opmaak.scheidingsteken in text or any(c in text for c in _FORBIDDEN):
        raise _Bad("the value is empty or contains the separator, a tab or a line break")
    return text


def _record_fields(record: Record) -> tuple[str, tuple[Kolom, ...], list[Any], tuple[Kolom, ...]]:
    """The record type, the layout written, the values in that order, and the fields of the full layout."""
    if isinstance(record, PveRecord):
        velden = table_layout(record.bestand, record.recordsoort)
        if len(record.waarden) != len(velden):
            raise InvalidDocument(
                [
                    DocumentProblem(
                        record.recordsoort, f"{len(velden)} values expected, not {len(record.waarden)}"
                    )
                ],
                document=f"{record.recordsoort} record",
            )
        return record.recordsoort, velden, list(record.waarden), velden
    cls = type(record)
    velden = layout(cls, record.opmaak.variant)
    return cls.RECORDSOORT, velden, [getattr(record, v.naam) for v in velden], layout(cls)


def format_record(record: Record) -> str:
    """The line of ``record``, without line ending, laid out as its `Opmaak` says.

    Raises:
        InvalidDocument: when a value cannot be written (wrong type, a
            separator inside a text, a grade with too many decimals, a
            required field left ``None``); every such field is listed.
    """
    opmaak: Opmaak = record.opmaak
    soort, velden, values, full = _record_fields(record)
    texts = [soort]
    problems: list[DocumentProblem] = []
    # Required fields of a difference list may be empty (PvE §14.1).
    lenient = isinstance(record, PveRecord) and record.bestand == "OBOV"
    for veld, value in zip(velden, values, strict=True):
        try:
            if lenient and value is None:
                texts.append("")
                continue
            texts.append(_format_value(veld, value, opmaak))
        except _Bad as exc:
            problems.append(DocumentProblem(f"{soort}.{veld.naam}", str(exc)))
            texts.append("")
    if not isinstance(record, PveRecord):
        in_layout = {v.naam for v in velden}
        problems.extend(
            DocumentProblem(
                f"{soort}.{veld.naam}", f"not part of layout variant {opmaak.variant}; must be None"
            )
            for veld in full
            if veld.naam not in in_layout and getattr(record, veld.naam) is not None
        )
    else:
        texts.extend(record.extra)
    _fit_width(texts, opmaak, soort, problems)
    if problems:
        raise InvalidDocument(problems, document=f"{soort} record")
    return opmaak.scheidingsteken.join(texts)


def _fit_width(texts: list[str], opmaak: Opmaak, soort: str, problems: list[DocumentProblem]) -> None:
    if opmaak.aantal_velden is None:
        return
    width = opmaak.aantal_velden
    if width > len(texts):
        texts.extend([""] * (width - len(texts)))
    elif any(texts[width:]):
        problems.append(
            DocumentProblem(soort, f"values beyond field {width} cannot be written on a line of {width}")
        )
    else:
        del texts[width:]
