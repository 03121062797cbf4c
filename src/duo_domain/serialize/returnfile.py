"""DUO's return files for MBO institutions: read them, write them (for tests), map them to domain objects.

DUO sends an MBO institution delimited text files about what it has
registered (PvE MBO-instelling – DUO 4.8.2): the **registratieoverzicht** (RO,
Bijlage 7, §15: record types VLP, PER, ISG, ISP, ISE, BPV, DIP, AMO, GEO, KZD
and the sluitrecord SLR) and the **Overzicht Basis- en diplomagegevens
Onderzoek** (OBO, Bijlage 5, §13: VLP, PER, VBT, NAT, ISG, ISP, BPV, DIP and the
controletotalen CTR). Every line is one record; its first field is the
record type.

The reader is lossless: each line becomes a frozen record (one class per
record type, field names from the PvE) with exact values — dates as
`datetime.date`, grades as `Decimal` (DUO writes
``Cijfer IE``/``Cijfer CE`` as the grade ×10), empty optional fields as
``None`` — and an [`Opmaak`][duo_domain.serialize.returnfile.Opmaak] that remembers the separator, the date
notation and the number of fields, so that [`format_record`][duo_domain.serialize.returnfile.format_record]
writes the
same line back. The PvE prescribes ``|`` and ``ccyy-mm-dd``; files that went
through a spreadsheet have ``;``, ``d-m-ccyy`` and padded or cut-off trailing
fields, and are read and written back as they are.

A malformed line (too few fields, a bad date or number, an unknown record
type) becomes a [`DocumentProblem`][duo_domain.errors.DocumentProblem] with its line
number, and the rest of the file is still read. A BSN or onderwijsnummer that
fails its check is read as an [`OngeldigNummer`][duo_domain.serialize.returnfile.OngeldigNummer] and reported;
like
[`Bsn`][duo_domain.identity.Bsn] it is masked in every ``repr``.

[`iter_records`][duo_domain.serialize.returnfile.iter_records] streams: it reads lines or byte chunks one at a
time and
keeps nothing but the current line, so memory stays flat for any file size.

Examples:
    >>> from duo_domain.serialize import returnfile
    >>> text = '''VLP|27DV|2024-07-31|2026-03-24|2026-03-25
    ... PER|111222333||1987-11-23|V
    ... ISG|111222333||C3|2023-01-30|2025-01-29|2025-01-16|08
    ... GEO|111222333||8286771|25655|8286774|3005||6|MBO|74|MBO|51|MBO||
    ... ISP|111222333||C3|2023-13-30|25655|BBL||J||100A501|101X591||
    ... '''
    >>> rf = returnfile.read(text)
    >>> rf.records[1]
    PerRecord(burgerservicenummer=Bsn('*****2333'), onderwijsnummer=None,
              geboortedatum=OnvolledigeDatum(jaar=1987, maand=11, dag=23), geslacht='V')
    >>> geo = rf.records[3]
    >>> geo.cijfer_ie, geo.cijfer_ce, geo.eindcijfer
    (Decimal('7.4'), Decimal('5.1'), Decimal('6'))
    >>> [str(p) for p in rf.problems]
    ['not a valid date @ ISP.datum_begin (line 5)']
    >>> returnfile.format_record(geo)
    'GEO|111222333||8286771|25655|8286774|3005||6|MBO|74|MBO|51|MBO||'
"""

from __future__ import annotations

import collections
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.serialize._returnfile_codec import LineParser, format_record
from duo_domain.serialize._returnfile_domain import Persoon, group_persons
from duo_domain.serialize._returnfile_records import (
    AmoRecord,
    BpvRecord,
    Datumnotatie,
    DipRecord,
    GeoRecord,
    IseRecord,
    IsgRecord,
    IspRecord,
    Kind,
    KzdRecord,
    OboBpvRecord,
    OboCtrRecord,
    OboDipRecord,
    OboIsgRecord,
    OboIspRecord,
    OboNatRecord,
    OboVbtRecord,
    OboVlpRecord,
    OngeldigNummer,
    Opmaak,
    PerRecord,
    Persoonsnummer,
    Record,
    SlrRecord,
    Veld,
    VlpRecord,
    layout,
)

__all__ = [
    "MAX_LINE_LENGTH",
    "AmoRecord",
    "BpvRecord",
    "Datumnotatie",
    "DipRecord",
    "GeoRecord",
    "IseRecord",
    "IsgRecord",
    "IspRecord",
    "Kind",
    "KzdRecord",
    "OboBpvRecord",
    "OboCtrRecord",
    "OboDipRecord",
    "OboIsgRecord",
    "OboIspRecord",
    "OboNatRecord",
    "OboVbtRecord",
    "OboVlpRecord",
    "OngeldigNummer",
    "Opmaak",
    "PerRecord",
    "Persoon",
    "Persoonsnummer",
    "Record",
    "ReturnFile",
    "SlrRecord",
    "Veld",
    "VlpRecord",
    "check_totals",
    "dumps",
    "format_record",
    "group_persons",
    "iter_lines",
    "iter_records",
    "layout",
    "read",
]

#: A line longer than this (in characters, or bytes for byte input) is
#: refused without being held in memory; DUO's lines are a few hundred at most.
MAX_LINE_LENGTH: Final = 64 * 1024

#: What the reader accepts: the whole text or bytes, or an iterable of lines
#: or chunks (``str`` or ``bytes``, such as an open file).
Source = str | bytes | Iterable[str] | Iterable[bytes]


class _TooLong:
    """Stands for a line that was refused for its length."""


_TOO_LONG: Final = _TooLong()


def _split(source: Source) -> Iterator[str | bytes | _TooLong]:
    """The lines of ``source`` without line endings, each at most `MAX_LINE_LENGTH` long."""
    chunks: Iterable[str | bytes] = (source,) if isinstance(source, str | bytes) else source
    buffer: str | bytes | None = None
    skipping = False
    for chunk in chunks:
        if not isinstance(chunk, str | bytes):
            raise InvalidDocument(
                [DocumentProblem("$", f"expected text or bytes, got {type(chunk).__name__}")],
                document="return file",
            )
        if buffer is not None and type(chunk) is not type(buffer):
            raise InvalidDocument(
                [DocumentProblem("$", "text and bytes mixed in one source")], document="return file"
            )
        data: Any = chunk if buffer is None else buffer + chunk  # type: ignore[operator]
        newline: Any = "\n" if isinstance(data, str) else b"\n"
        parts = data.split(newline)
        buffer = parts.pop()
        for part in parts:
            if skipping:
                skipping = False
                yield _TOO_LONG
            elif len(part) > MAX_LINE_LENGTH:
                yield _TOO_LONG
            else:
                yield part
        if len(buffer) > MAX_LINE_LENGTH:
            skipping = True
            buffer = buffer[:0]
    if skipping:
        yield _TOO_LONG
    elif buffer:
        yield buffer


def iter_lines(source: Source) -> Iterator[tuple[int, str | DocumentProblem]]:
    r"""``(line number, text)`` for every line of ``source``, or a problem for a line that is unreadable.

    Line endings (``\n`` or ``\r\n``) and a UTF-8 byte-order mark before the
    first line are removed. Bytes are decoded as UTF-8 line by line, so one
    bad byte spoils one line only.

    Examples:
        >>> list(iter_lines([b"VLP|2", b"7DV\r\nPER|", b"x\n"]))
        [(1, 'VLP|27DV'), (2, 'PER|x')]
    """
    number = 0
    for raw in _split(source):
        number += 1
        if isinstance(raw, _TooLong):
            yield number, DocumentProblem("$", f"line longer than {MAX_LINE_LENGTH} characters", line=number)
            continue
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, DocumentProblem("$", "line is not valid UTF-8", line=number)
                continue
        else:
            text = raw
        if text.endswith("\r"):
            text = text[:-1]
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        yield number, text


def iter_records(
    source: Source, *, kind: str | None = None, check_numbers: bool = True
) -> Iterator[Record | DocumentProblem]:
    r"""Every record of ``source``, and every problem, in line order; reads one line at a time.

    Args:
        source: The file's text or bytes, or an iterable of lines or chunks
            (an open file in text or binary mode).
        kind: ``"RO"`` (registratieoverzicht) or ``"OBO"``; by default an OBO
            when the first line is an OBO voorlooprecord, else an RO.
        check_numbers: Report PER records whose BSN or onderwijsnummer fails
            its check. Pass ``False`` for pseudonymised files whose person
            keys are opaque.

    Yields:
        A record per well-formed line; a [`DocumentProblem`][duo_domain.errors.DocumentProblem]
        (with ``line``) for each problem. A malformed line yields problems
        only; a record with a doubtful personal number yields the record and
        a problem.

    Raises:
        ValueError: for a ``kind`` other than ``"RO"`` and ``"OBO"``.

    Examples:
        >>> items = list(iter_records(["SLR|1|1|1|0|0|0|0|0|0\n", "XYZ|1\n"]))
        >>> type(items[0]).__name__, str(items[1])
        ('SlrRecord', "unknown record type 'XYZ' in a RO file @ $ (line 2)")
    """
    if kind not in (None, "RO", "OBO"):
        raise ValueError(f"kind must be 'RO' or 'OBO', not {kind!r}")
    parser = LineParser(kind=kind, check_numbers=check_numbers)
    for number, text in iter_lines(source):
        if isinstance(text, DocumentProblem):
            yield text
            continue
        record, problems = parser.parse(text, number)
        if record is not None:
            yield record
        yield from problems


@attrs.frozen
class ReturnFile:
    """A whole return file as read: its records and the problems found.

    Iterating over it gives the records.

    Attributes:
        records: The records of the well-formed lines, in file order.
        problems: Every problem, with its line number.
    """

    records: tuple[Record, ...]
    problems: tuple[DocumentProblem, ...]

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def counts(self) -> dict[str, int]:
        """The number of records per record type, in order of first appearance."""
        return dict(collections.Counter(type(r).RECORDSOORT for r in self.records))

    def of_type(self, cls: type[Any]) -> list[Any]:
        """The records of class ``cls``."""
        return [r for r in self.records if isinstance(r, cls)]


def read(
    source: Source, *, kind: str | None = None, check_numbers: bool = True, strict: bool = False
) -> ReturnFile:
    """Read a whole return file (see `iter_records` for the arguments).

    Args:
        source: The file's text or bytes, or an iterable of lines or chunks.
        kind: ``"RO"`` or ``"OBO"``; guessed by default.
        check_numbers: Report personal numbers that fail their check.
        strict: Raise instead of returning problems.

    Raises:
        InvalidDocument: with every problem, when ``strict`` and there are
            problems; and always when the input has lines but not one of them
            could be read as a record (the file as a whole is unusable).
    """
    records: list[Record] = []
    problems: list[DocumentProblem] = []
    for item in iter_records(source, kind=kind, check_numbers=check_numbers):
        if isinstance(item, DocumentProblem):
            problems.append(item)
        else:
            records.append(item)
    if problems and (strict or not records):
        raise InvalidDocument(problems, document="return file")
    return ReturnFile(tuple(records), tuple(problems))


def dumps(records: Iterable[Record], *, newline: str = "\n") -> str:
    """The lines of ``records`` as one text, each line ending in ``newline``.

    Raises:
        InvalidDocument: when a record cannot be written (see
            [`format_record`][duo_domain.serialize.returnfile.format_record]).
    """
    return "".join(format_record(r) + newline for r in records)


_SLR_COUNTS: Final = (
    ("totaal_aantal_personen", PerRecord),
    ("totaal_aantal_deelnames", IsgRecord),
    ("totaal_aantal_deelnameperiodes", IspRecord),
    ("totaal_aantal_periodes_extra_ondersteuning", IseRecord),
    ("totaal_aantal_bpvs", BpvRecord),
    ("totaal_aantal_diplomas", DipRecord),
    ("totaal_aantal_amvb_onderdelen", AmoRecord),
    ("totaal_aantal_generieke_examenonderdelen", GeoRecord),
    ("totaal_aantal_keuzedelen", KzdRecord),
)

_CODE = re.compile(r"[0-9]+")


def check_totals(records: Iterable[Record]) -> list[DocumentProblem]:
    r"""Compare the sluitrecord (SLR) or controletotalen (CTR) with the records themselves.

    A count that differs is a problem on the field of the closing record.
    For the CTR, ``totaal_opleidingcodes`` is the sum of the opleidingcodes of
    all ISP, BPV and DIP records, and ``totaal_generaal`` the sum of the other
    four totals (PvE §13.5.9). A file without a closing record gives one
    problem.

    Examples:
        >>> [str(p) for p in check_totals(read("PER|111222333||2000-01-01|M\nSLR|2|0|0|0|0|0|0|0|0").records)]
        ['the file has 1, the record says 2 @ SLR.totaal_aantal_personen']
    """
    counts: collections.Counter[type[Any]] = collections.Counter()
    closing: list[SlrRecord | OboCtrRecord] = []
    codes = 0
    bekostigbaar = 0
    for record in records:
        counts[type(record)] += 1
        if isinstance(record, SlrRecord | OboCtrRecord):
            closing.append(record)
        if isinstance(record, OboIspRecord | OboBpvRecord | OboDipRecord) and _CODE.fullmatch(
            record.opleidingcode
        ):
            codes += int(record.opleidingcode)
        if isinstance(record, OboIspRecord | OboDipRecord) and record.indicatie_bekostigbaar:
            bekostigbaar += 1
    if not closing:
        return [DocumentProblem("$", "the file has no closing record (SLR or CTR)")]
    problems: list[DocumentProblem] = []
    for record in closing:
        if isinstance(record, SlrRecord):
            expected = [(name, counts[cls]) for name, cls in _SLR_COUNTS]
        else:
            deelnames, diplomas = counts[OboIsgRecord], counts[OboDipRecord]
            expected = [
                ("totaal_aantal_deelnames", deelnames),
                ("totaal_aantal_diplomas", diplomas),
                ("totaal_opleidingcodes", codes),
                ("totaal_generaal", codes + deelnames + bekostigbaar + diplomas),
                ("totaal_aantal_records_isp_en_dip_bekostigbaar", bekostigbaar),
            ]
        soort = type(record).RECORDSOORT
        problems.extend(
            DocumentProblem(
                f"{soort}.{name}", f"the file has {actual}, the record says {getattr(record, name)}"
            )
            for name, actual in expected
            if getattr(record, name) != actual
        )
    return problems
