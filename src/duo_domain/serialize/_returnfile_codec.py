"""Reading and writing single lines of DUO's return files (private).

`parse_line` turns one line into its record (or problems);
[`format_record`][duo_domain.serialize.returnfile.format_record] writes a record back as the same line. Both
work from
the layouts of `duo_domain.serialize._returnfile_records`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Final

import attrs

from duo_domain.errors import DocumentProblem, InvalidDocument, InvalidFormat
from duo_domain.identity import bsn as _bsn
from duo_domain.identity import onderwijsnummer as _onr
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.identity.student import OnvolledigeDatum
from duo_domain.serialize._returnfile_records import (
    RECORD_CLASSES,
    Datumnotatie,
    DipRecord,
    Kind,
    OngeldigNummer,
    Opmaak,
    PerRecord,
    Record,
    Veld,
    layout,
)

__all__ = ["LineParser", "format_record"]

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_DMY = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})")
_INT = re.compile(r"0|[1-9][0-9]{0,17}")
_DIGITS = re.compile(r"[0-9]+")
_RECORDSOORT = re.compile(r"[A-Z]{3}")
_NINE_DIGITS = re.compile(r"[0-9]{9}")
# The GRONDSLAG voorlooprecord: BRIN, bekostigingsjaar, aanmaakdatum (ccyymmdd), ...
_GRONDSLAG_VLP = re.compile(r"[0-9]{4}\|[0-9]{8}")
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


def _parse_value(veld: Veld, text: str, notation: Datumnotatie | None) -> Any:
    kind = veld.kind
    if kind is Kind.TEXT:
        return text
    if kind is Kind.DATE or kind is Kind.PARTIAL_DATE:
        if notation is None:  # pragma: no cover - a non-empty date field always sets it
            raise _Bad("not a date")
        jaar, maand, dag = _ymd(text, notation)
        if kind is Kind.DATE:
            try:
                return dt.date(jaar, maand, dag)
            except ValueError:
                raise _Bad("not a valid date") from None
        if maand == 0 and dag != 0:
            raise _Bad("a day without a month")
        try:
            return OnvolledigeDatum(jaar, maand or None, dag or None)
        except InvalidFormat:
            raise _Bad("not a valid date (00 for an unknown day or month)") from None
    if kind is Kind.INT:
        if _INT.fullmatch(text) is None:
            raise _Bad("not a whole number (digits, no leading zeros)")
        return int(text)
    if kind is Kind.DIGITS:
        if _DIGITS.fullmatch(text) is None:
            raise _Bad("not a number (digits only)")
        return text
    if kind is Kind.JN:
        if text == "J":
            return True
        if text == "N":
            return False
        raise _Bad("expected J or N")
    if kind is Kind.GRADE or kind is Kind.GRADE10:
        if _INT.fullmatch(text) is None or len(text) > 3:
            raise _Bad("not a grade (a whole number of at most 3 digits, no leading zeros)")
        value = Decimal(int(text))
        return value.scaleb(-1) if kind is Kind.GRADE10 else value
    if kind is Kind.RAW_DATE:
        if not (_ISO.fullmatch(text) or _COMPACT.fullmatch(text) or _DMY.fullmatch(text)):
            raise _Bad("not a date (00 for unknown parts)")
        return text
    raise AssertionError(kind)  # pragma: no cover - person numbers are read by the caller


def _person_number(kind: Kind, text: str) -> tuple[Bsn | Onderwijsnummer | OngeldigNummer, bool]:
    """The value of a BSN / onderwijsnummer field and whether it passed DUO's check."""
    if _NINE_DIGITS.fullmatch(text):
        if kind is Kind.BSN and _bsn.is_valid(text):
            return Bsn(text), True
        if kind is Kind.ONDERWIJSNUMMER and _onr.is_valid(text):
            return Onderwijsnummer(text), True
    return OngeldigNummer(text, kind.value), False


def _choose_variant(cls: type[Any], fields: list[str]) -> int:
    # DUO's DIP lines have an empty seventh field the PvE does not describe; a
    # line with J/N there is laid out as the PvE says (variant 1).
    if cls is DipRecord:
        return 1 if len(fields) > 6 and fields[6] in ("J", "N") else 0
    return 0


@attrs.define
class LineParser:
    """Reads lines one at a time, remembering what the file has shown so far.

    Attributes:
        kind: ``"RO"`` or ``"OBO"``; ``None`` until known (then guessed from
            the first line: an OBO when it is an OBO voorlooprecord).
        check_numbers: Report a BSN / onderwijsnummer that fails DUO's check.
        separator: The file's separator, from its first line.
        notation: The last date notation seen (for lines without dates).
    """

    kind: str | None = None
    check_numbers: bool = True
    separator: str | None = None
    notation: Datumnotatie = Datumnotatie.ISO
    _person: tuple[str, str] | None = None
    # The last personal number read: the records of one person repeat it.
    _last_number: tuple[Kind, str, Any, bool] | None = None

    def parse(self, text: str, line: int) -> tuple[Record | None, list[DocumentProblem]]:
        """The record on ``text`` (line number ``line``) and the problems found.

        The record is ``None`` when the line is malformed; problems may come
        with a record too (a personal number that fails its check).
        """
        if text == "":
            return None, [DocumentProblem("$", "empty line (the PvE allows no empty records)", line=line)]
        if any(c in text for c in _FORBIDDEN):
            return None, [DocumentProblem("$", "line contains a tab or carriage return", line=line)]
        if self.separator is None:
            self.separator = "|" if "|" in text else ";" if ";" in text else "|"
        fields = text.split(self.separator)
        soort = fields[0]
        if self.kind is None:
            if soort == "VLP" and len(fields) > 3 and _GRONDSLAG_VLP.fullmatch("|".join(fields[2:4])):
                raise InvalidDocument(
                    [
                        DocumentProblem(
                            "VLP",
                            "a GRONDSLAG IP MBO file (PvE §17) is not a file this reader supports",
                            line=line,
                        )
                    ],
                    document="return file",
                )
            obo = soort == "VLP" and len(fields) > 1 and re.fullmatch(r"[0-9]{4}-[0-9]{4}", fields[1])
            self.kind = "OBO" if obo else "RO"
        cls = RECORD_CLASSES[self.kind].get(soort)
        if cls is None:
            if _RECORDSOORT.fullmatch(soort):
                msg = f"unknown record type {soort!r} in a {self.kind} file"
            else:
                msg = "the line does not start with a record type"
            return None, [DocumentProblem("$", msg, line=line)]
        return self._parse_fields(cls, soort, fields, line)

    def _parse_fields(
        self, cls: type[Any], soort: str, fields: list[str], line: int
    ) -> tuple[Record | None, list[DocumentProblem]]:
        variant = _choose_variant(cls, fields)
        velden = layout(cls, variant)
        expected, found = len(velden) + 1, len(fields)
        problems: list[DocumentProblem] = []
        warnings: list[DocumentProblem] = []
        if found > expected and any(fields[expected:]):
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
        texts = [fields[i + 1] if i + 1 < found else "" for i in range(len(velden))]
        notation = _notation([t for v, t in zip(velden, texts, strict=True) if v.kind in _DATE_KINDS and t])
        if notation is not None:
            self.notation = notation
        values: dict[str, Any] = {}
        person = ["", ""]
        for i, (veld, text) in enumerate(zip(velden, texts, strict=True)):
            path = f"{soort}.{veld.naam}"
            if text == "":
                values[veld.naam] = None
                if veld.verplicht and not (missing_required and i + 1 >= found):
                    problems.append(DocumentProblem(path, "required field is empty", line=line))
                continue
            if veld.kind in _PERSON_KINDS:
                person[veld.kind is Kind.ONDERWIJSNUMMER] = text
                last = self._last_number
                if last is not None and last[0] is veld.kind and last[1] == text:
                    values[veld.naam], ok = last[2], last[3]
                else:
                    values[veld.naam], ok = _person_number(veld.kind, text)
                    self._last_number = (veld.kind, text, values[veld.naam], ok)
                if not ok and self.check_numbers and cls is PerRecord:
                    what = "BSN (9 digits, 11-proef)" if veld.kind is Kind.BSN else "onderwijsnummer"
                    warnings.append(DocumentProblem(path, f"not a valid {what}; read as written", line=line))
                continue
            try:
                values[veld.naam] = _parse_value(veld, text, notation)
            except _Bad as exc:
                problems.append(DocumentProblem(path, str(exc), line=line))
        if problems:
            return None, problems
        warnings.extend(self._check_person(cls, soort, person, line))
        opmaak = Opmaak(
            self.separator or "|",
            notation or self.notation,
            found if found != expected else None,
            variant,
        )
        return cls(**values, opmaak=opmaak), warnings

    def _check_person(
        self, cls: type[Any], soort: str, person: list[str], line: int
    ) -> list[DocumentProblem]:
        if cls not in _PERSON_RECORDS:
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
        if self._person is not None and key != self._person:
            return [
                DocumentProblem(soort, "record does not belong to the person of the PER before it", line=line)
            ]
        return []


def _format_value(veld: Veld, value: Any, opmaak: Opmaak, path: str) -> str:
    if value is None:
        if veld.verplicht:
            raise _Bad("required field is None")
        return ""
    kind = veld.kind
    if kind in _PERSON_KINDS:
        if not isinstance(value, Bsn | Onderwijsnummer | OngeldigNummer):
            raise _Bad("expected a Bsn, Onderwijsnummer or OngeldigNummer")
        text = value.unmasked()
    elif kind is Kind.TEXT or kind is Kind.DIGITS or kind is Kind.RAW_DATE:
        if not isinstance(value, str):
            raise _Bad("expected a str")
        text = value
    elif kind is Kind.DATE:
        if not isinstance(value, dt.date):
            raise _Bad("expected a datetime.date")
        text = opmaak.datumnotatie.format(value.year, value.month, value.day)
    elif kind is Kind.PARTIAL_DATE:
        if not isinstance(value, OnvolledigeDatum):
            raise _Bad("expected an OnvolledigeDatum")
        text = opmaak.datumnotatie.format(value.jaar, value.maand or 0, value.dag or 0)
    elif kind is Kind.JN:
        if not isinstance(value, bool):
            raise _Bad("expected a bool")
        text = "J" if value else "N"
    elif kind is Kind.INT:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _Bad("expected a whole number >= 0")
        text = str(value)
    else:  # GRADE, GRADE10
        if not isinstance(value, Decimal) or not value.is_finite():
            raise _Bad("expected a finite Decimal")
        scaled = value.scaleb(1) if kind is Kind.GRADE10 else value
        if scaled != scaled.to_integral_value() or scaled < 0:
            step = "0.1" if kind is Kind.GRADE10 else "1"
            raise _Bad(f"a grade here is a multiple of {step}")
        text = str(int(scaled))
    if text == "" or opmaak.scheidingsteken in text or any(c in text for c in _FORBIDDEN):
        raise _Bad("the value is empty or contains the separator, a tab or a line break")
    return text


def format_record(record: Record) -> str:
    """The line of ``record``, without line ending, laid out as its `Opmaak` says.

    Raises:
        InvalidDocument: when a value cannot be written (wrong type, a
            separator inside a text, a grade with too many decimals, a
            required field left ``None``); every such field is listed.
    """
    cls = type(record)
    opmaak: Opmaak = record.opmaak
    soort: str = cls.RECORDSOORT
    texts = [soort]
    problems: list[DocumentProblem] = []
    for veld in layout(cls, opmaak.variant):
        path = f"{soort}.{veld.naam}"
        try:
            texts.append(_format_value(veld, getattr(record, veld.naam), opmaak, path))
        except _Bad as exc:
            problems.append(DocumentProblem(path, str(exc)))
            texts.append("")
    in_layout = {v.naam for v in layout(cls, opmaak.variant)}
    problems.extend(
        DocumentProblem(f"{soort}.{veld.naam}", f"not part of layout variant {opmaak.variant}; must be None")
        for veld in layout(cls)
        if veld.naam not in in_layout and getattr(record, veld.naam) is not None
    )
    if opmaak.aantal_velden is not None:
        width = opmaak.aantal_velden
        if width > len(texts):
            texts.extend([""] * (width - len(texts)))
        elif any(texts[width:]):
            problems.append(
                DocumentProblem(soort, f"values beyond field {width} cannot be written on a line of {width}")
            )
        else:
            del texts[width:]
    if problems:
        raise InvalidDocument(problems, document=f"{soort} record")
    return opmaak.scheidingsteken.join(texts)
