"""DUO's return files for MBO institutions: read them, write them (for tests), map them to domain objects.

DUO sends an MBO institution delimited text files about what it has
registered (PvE MBO-instelling – DUO v4.8.2): the **registratieoverzicht** (RO,
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

from duo_domain import _fields as f
from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.serialize._returnfile_codec import BESTANDEN, LineParser, format_record
from duo_domain.serialize._returnfile_domain import Persoon, group_persons
from duo_domain.serialize._returnfile_records import (
    LEEGGEMAAKT,
    AmoRecord,
    BpvRecord,
    Datumnotatie,
    DipRecord,
    GeoRecord,
    IseRecord,
    IsgRecord,
    IspRecord,
    Kind,
    Kolom,
    Kopregel,
    KzdRecord,
    Leeggemaakt,
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
    PveRecord,
    Record,
    SlrRecord,
    VlpRecord,
    layout,
)
from duo_domain.serialize._returnfile_records import RECORD_CLASSES as _RECORD_CLASSES
from duo_domain.serialize._returnfile_tbgi import (
    Tbgi,
    TbgiBpv,
    TbgiDiploma,
    TbgiInschrijving,
    TbgiParameter,
    TbgiSignaal,
    TbgiTeldatum,
    iter_tbgi,
    read_tbgi,
)

#: The record classes of a registratieoverzicht (PvE §15.4), for ``isinstance`` checks.
RO_RECORDS: Final[tuple[type[Record], ...]] = tuple(_RECORD_CLASSES["RO"].values())

_OBO_CLASSES: Final = frozenset(_RECORD_CLASSES["OBO"].values()) - frozenset(RO_RECORDS)

__all__ = [
    "BESTANDEN",
    "LEEGGEMAAKT",
    "MAX_LINE_LENGTH",
    "RO_RECORDS",
    "AmoRecord",
    "Bestandsopmaak",
    "BpvRecord",
    "Datumnotatie",
    "DipRecord",
    "GeoRecord",
    "IseRecord",
    "IsgRecord",
    "IspRecord",
    "Kind",
    "Kolom",
    "Kopregel",
    "KzdRecord",
    "Leeggemaakt",
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
    "PveRecord",
    "Record",
    "Regel",
    "ReturnFile",
    "SlrRecord",
    "Tbgi",
    "TbgiBpv",
    "TbgiDiploma",
    "TbgiInschrijving",
    "TbgiParameter",
    "TbgiSignaal",
    "TbgiTeldatum",
    "VlpRecord",
    "check_totals",
    "dumps",
    "format_record",
    "group_persons",
    "iter_lines",
    "iter_records",
    "iter_tbgi",
    "layout",
    "read",
    "read_tbgi",
]

#: A line longer than this (in characters, or bytes for byte input) is
#: refused without being held in memory; DUO's lines are a few hundred at most.
MAX_LINE_LENGTH: Final = 64 * 1024

#: What the reader accepts: the whole text or bytes, or an iterable of lines
#: or chunks (``str`` or ``bytes``, such as an open file).
Source = str | bytes | Iterable[str] | Iterable[bytes]


# Lines up to this long need no length check on the way.
_PLAIN: Final = 4096
#: How much a file object is read at a time.
_BLOCK: Final = 1 << 18


class _Undecodable(str):
    """A line that is not UTF-8, decoded with surrogate escapes so that it can be written back."""

    __slots__ = ()


def _read_blocks(read: Any) -> Iterator[str | bytes]:
    while True:
        block = read(_BLOCK)
        if not block:
            return
        yield block


def _blocks(source: Source) -> Iterable[str | bytes]:
    if isinstance(source, str | bytes):
        return (source,)
    read = getattr(source, "read", None)
    if callable(read):
        return _read_blocks(read)
    if not isinstance(source, Iterable):  # None, a number: refused as a chunk of the wrong type is
        raise InvalidDocument(
            [DocumentProblem("$", f"expected text, bytes or lines, got {type(source).__name__}")],
            document="return file",
        )
    return source


def _decode_lines(complete: Any) -> list[str]:
    """The lines of ``complete`` (text or bytes without its last newline), decoded as UTF-8."""
    if isinstance(complete, str):
        return complete.split("\n")
    try:
        decoded: str = complete.decode("utf-8")
        return decoded.split("\n")
    except UnicodeDecodeError:
        lines: list[str] = []
        for raw in complete.split(b"\n"):
            try:
                lines.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                lines.append(_Undecodable(raw.decode("utf-8", "surrogateescape")))
        return lines


def _checked(chunk: object, pending: str | bytes | None) -> str | bytes:
    if not isinstance(chunk, str | bytes):
        raise InvalidDocument(
            [DocumentProblem("$", f"expected text or bytes, got {type(chunk).__name__}")],
            document="return file",
        )
    if pending is not None and type(chunk) is not type(pending):
        raise InvalidDocument(
            [DocumentProblem("$", "text and bytes mixed in one source")], document="return file"
        )
    return chunk


def _line(number: int, text: str, had_newline: bool) -> tuple[int, str | DocumentProblem, str, str]:
    """One line's number, text (or problem), ending and text as written."""
    ending = "\n" if had_newline else ""
    undecodable = isinstance(text, _Undecodable)
    if text[-1:] == "\r":
        text, ending = text[:-1], "\r\n" if had_newline else "\r"
    if undecodable:
        return number, DocumentProblem("$", "line is not valid UTF-8", line=number), ending, text
    if len(text) > MAX_LINE_LENGTH:
        return number, _too_long(number), ending, ""
    if number == 1 and text[:1] == "\ufeff":
        text = text[1:]
        ending = "\ufeff" + ending  # marks the BOM for the caller
    return number, text, ending, text


def _too_long(number: int) -> DocumentProblem:
    return DocumentProblem("$", f"line longer than {MAX_LINE_LENGTH} characters", line=number)


def _raw_lines(source: Source) -> Iterator[tuple[int, str | DocumentProblem, str, str]]:
    """``(number, text or problem, line ending, text as written)`` per line, read block by block.

    A line longer than `MAX_LINE_LENGTH` is never held in full: what is
    pending past the last newline is dropped once it is that long.
    """
    number = 0
    pending: Any = None
    skipping = False
    for chunk in _blocks(source):
        data: Any = _checked(chunk, pending)
        if pending:
            data = pending + data
        newline: Any = "\n" if isinstance(data, str) else b"\n"
        cut = data.rfind(newline) + 1
        pending = data[cut:]
        if cut:
            for text in _decode_lines(data[: cut - 1]):
                number += 1
                if skipping:
                    skipping = False
                    yield number, _too_long(number), "\n", ""
                elif number == 1 or len(text) > _PLAIN or "\r" in text or text.__class__ is not str:
                    yield _line(number, text, had_newline=True)
                else:  # the usual line: short, UTF-8, ending in \n alone
                    yield number, text, "\n", text
        if len(pending) > MAX_LINE_LENGTH:
            skipping, pending = True, pending[:0]
    if skipping:
        yield number + 1, _too_long(number + 1), "", ""
    elif pending:
        yield _line(number + 1, _decode_lines(pending)[0], had_newline=False)


@attrs.frozen
class Regel:
    """A line that could not be read as a record, kept as written so that the file can be written back.

    Bytes that are not UTF-8 are kept as surrogate escapes (``errors="surrogateescape"``).

    Attributes:
        tekst: The line without its line ending.
    """

    tekst: str


@attrs.frozen
class Bestandsopmaak:
    r"""What a file looks like beyond its lines: the byte-order mark and the line endings.

    Attributes:
        bom: The file starts with a UTF-8 byte-order mark.
        regeleinde: The line ending of most lines: ``"\r\n"`` or ``"\n"``.
        afwijkend: ``(line index, ending)`` for every line that ends otherwise
            (``""`` for a last line without an ending).

    Examples:
        >>> Bestandsopmaak(regeleinde="\r\n").einde(0)
        '\r\n'
    """

    bom: bool = False
    regeleinde: str = "\n"
    afwijkend: tuple[tuple[int, str], ...] = ()

    def einde(self, index: int) -> str:
        """The line ending of line ``index`` (0-based)."""
        for i, ending in self.afwijkend:
            if i == index:
                return ending
        return self.regeleinde


def iter_lines(source: Source) -> Iterator[tuple[int, str | DocumentProblem]]:
    r"""``(line number, text)`` for every line of ``source``, or a problem for a line that is unreadable.

    Line endings (``\n`` or ``\r\n``) and a UTF-8 byte-order mark before the
    first line are removed. Bytes are decoded as UTF-8 line by line, so one
    bad byte spoils one line only.

    Examples:
        >>> list(iter_lines([b"VLP|2", b"7DV\r\nPER|", b"x\n"]))
        [(1, 'VLP|27DV'), (2, 'PER|x')]
    """
    for number, text, _ending, _raw in _raw_lines(source):
        yield number, text


def _kinds(kind: str | tuple[str, ...] | None) -> tuple[str, ...] | None:
    if kind is None:
        return None
    kinds = (kind,) if isinstance(kind, str) else tuple(kind)
    unknown = [k for k in kinds if k not in BESTANDEN]
    if unknown or not kinds:
        raise ValueError(f"kind must be one of {', '.join(BESTANDEN)}, not {kind!r}")
    return kinds


def _check_kind(found: str | None, kinds: tuple[str, ...] | None) -> None:
    if kinds is not None and found not in kinds:
        wanted = " or ".join(kinds)
        raise InvalidDocument(
            [DocumentProblem("$", f"a {found} file, not a {wanted} file", line=1)], document="return file"
        )


def _iter_items(
    source: Source, kind: str | tuple[str, ...] | None, check_numbers: bool, compiled: bool = True
) -> Iterator[tuple[Record | Kopregel | Regel | DocumentProblem, str]]:
    """Every item of the file with its line ending: records (or header, or unreadable line) and problems."""
    kinds = _kinds(kind)
    parser = LineParser(kind=kinds[0] if kinds and len(kinds) == 1 else None, check_numbers=check_numbers)
    parser.compiled = compiled
    for number, text, ending, raw in _raw_lines(source):
        if isinstance(text, DocumentProblem):
            yield Regel(raw), ending
            yield text, ""
            continue
        item, problems = parser.parse(text, number)
        if number == 1:
            _check_kind(parser.kind, kinds)
        yield (Regel(text) if item is None else item), ending
        for problem in problems:
            yield problem, ""


def iter_records(
    source: Source, *, kind: str | tuple[str, ...] | None = None, check_numbers: bool = True
) -> Iterator[Record | DocumentProblem]:
    r"""Every record of ``source``, and every problem, in line order; reads one line at a time.

    Args:
        source: The file's text or bytes, or an iterable of lines or chunks
            (an open file in text or binary mode).
        kind: The file kind: ``"RO"`` (registratieoverzicht), ``"OBO"``,
            ``"OBOV"`` (a difference list) or ``"GRONDSLAG"``, or a tuple of
            the kinds accepted; by default detected from the first line.
        check_numbers: Report PER records whose BSN or onderwijsnummer fails
            its check. Pass ``False`` for pseudonymised files whose person
            keys are opaque.

    Yields:
        A record per well-formed line; a [`DocumentProblem`][duo_domain.errors.DocumentProblem]
        (with ``line``) for each problem. A malformed line yields problems
        only; a record with a doubtful personal number yields the record and
        a problem. The header line of a difference list is not yielded (see
        [`read`][duo_domain.serialize.returnfile.read]).

    Raises:
        ValueError: for an unknown ``kind``.
        InvalidDocument: when the first line shows a file of a kind not accepted.

    Examples:
        >>> items = list(iter_records(["SLR|1|1|1|0|0|0|0|0|0\n", "XYZ|1\n"]))
        >>> type(items[0]).__name__, str(items[1])
        ('SlrRecord', "unknown record type 'XYZ' in a RO file @ $ (line 2)")
    """
    kinds = _kinds(kind)
    parser = LineParser(kind=kinds[0] if kinds and len(kinds) == 1 else None, check_numbers=check_numbers)
    parse = parser.parse
    for number, text, _ending, _raw in _raw_lines(source):
        if not isinstance(text, str):
            yield text
            continue
        item, problems = parse(text, number)
        if number == 1:
            _check_kind(parser.kind, kinds)
        if item is not None and not isinstance(item, Kopregel):
            yield item
        if problems:
            yield from problems


@attrs.frozen
class ReturnFile:
    """A whole return file as read: its records, the problems found, and what it takes to write it back.

    Iterating over it gives the records.

    Attributes:
        records: The records of the well-formed lines, in file order.
        problems: Every problem, with its line number.
        bestand: The file kind (``"RO"``, ``"OBO"``, ``"OBOV"`` or ``"GRONDSLAG"``).
        regels: Every line in file order: the records, the header of a
            difference list ([`Kopregel`][duo_domain.serialize.returnfile.Kopregel]) and each unreadable line
            as
            written ([`Regel`][duo_domain.serialize.returnfile.Regel]).
        opmaak: The byte-order mark and the line endings.
    """

    records: tuple[Record, ...]
    problems: tuple[DocumentProblem, ...]
    bestand: str | None = None
    regels: tuple[Record | Kopregel | Regel, ...] = ()
    opmaak: Bestandsopmaak = Bestandsopmaak()

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def counts(self) -> dict[str, int]:
        """The number of records per record type, in order of first appearance."""
        return dict(collections.Counter(r.RECORDSOORT for r in self.records))

    def of_type(self, cls: type[Any] | str) -> list[Any]:
        """The records of class ``cls``, or of record type ``cls`` (e.g. ``"BII"``)."""
        if isinstance(cls, str):
            return [r for r in self.records if cls == r.RECORDSOORT]
        return [r for r in self.records if isinstance(r, cls)]

    def dumps(self) -> str:
        """The whole file as text, byte-order mark and line endings as read.

        A file read and written back this way is identical to the input.

        Raises:
            InvalidDocument: when a record cannot be written (see
                [`format_record`][duo_domain.serialize.returnfile.format_record]).
        """
        parts = ["\ufeff"] if self.opmaak.bom else []
        for index, item in enumerate(self.regels):
            parts.append(_item_text(item))
            parts.append(self.opmaak.einde(index))
        return "".join(parts)

    def to_bytes(self) -> bytes:
        """The whole file as UTF-8 bytes, identical to the bytes it was read from."""
        return self.dumps().encode("utf-8", "surrogateescape")


def _item_text(item: Record | Kopregel | Regel) -> str:
    if isinstance(item, Regel | Kopregel):
        return item.tekst
    return format_record(item)


def _bestandsopmaak(endings: list[str]) -> Bestandsopmaak:
    bom = bool(endings) and endings[0].startswith("\ufeff")
    if bom:
        endings[0] = endings[0][1:]
    common = collections.Counter(e for e in endings if e).most_common(1)
    regeleinde = common[0][0] if common else "\n"
    afwijkend = tuple((i, e) for i, e in enumerate(endings) if e != regeleinde)
    return Bestandsopmaak(bom, regeleinde, afwijkend)


def read(
    source: Source,
    *,
    kind: str | tuple[str, ...] | None = None,
    check_numbers: bool = True,
    strict: bool = False,
) -> ReturnFile:
    r"""Read a whole return file (see `iter_records` for the arguments).

    Args:
        source: The file's text or bytes, or an iterable of lines or chunks.
        kind: The file kind, or a tuple of the kinds accepted; detected by default.
        check_numbers: Report personal numbers that fail their check.
        strict: Raise instead of returning problems.

    Raises:
        InvalidDocument: with every problem, when ``strict`` and there are
            problems; when the input has lines but not one of them could be
            read as a record (the file as a whole is unusable); and when the
            file is of a kind not accepted.

    Examples:
        >>> text = "\ufeffVLP;27DV;2025;20251119;V\r\nSLR;0;0;0;0;0;0;0;0;0;0;0\r\n"
        >>> rf = read(text)
        >>> rf.bestand, rf.counts(), rf.dumps() == text
        ('GRONDSLAG', {'VLP': 1, 'SLR': 1}, True)
    """
    records: list[Record] = []
    problems: list[DocumentProblem] = []
    regels: list[Record | Kopregel | Regel] = []
    endings: list[str] = []
    parser_kind: str | None = None
    for item, ending in _iter_items(source, kind, check_numbers):
        if isinstance(item, DocumentProblem):
            problems.append(item)
            continue
        regels.append(item)
        endings.append(ending)
        if isinstance(item, Kopregel):
            parser_kind = "OBOV"
        elif not isinstance(item, Regel):
            records.append(item)
            parser_kind = parser_kind or _kind_of(item)
    if problems and (strict or not records):
        raise InvalidDocument(problems, document="return file")
    return ReturnFile(tuple(records), tuple(problems), parser_kind, tuple(regels), _bestandsopmaak(endings))


def _kind_of(record: Record) -> str:
    if isinstance(record, PveRecord):
        return record.bestand
    return "OBO" if type(record) in _OBO_CLASSES else "RO"


def dumps(records: Iterable[Record], *, newline: str = "\n") -> str:
    """The lines of ``records`` as one text, each line ending in ``newline``.

    To write a whole file back exactly as read, use
    [`ReturnFile.dumps`][duo_domain.serialize.returnfile.ReturnFile.dumps].

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

#: An opleidingcode as the PvE defines it (AN5..5); only these add to the CTR's total.
_CODE = re.compile(r"[0-9]{5}")


def _grondslag_expected(counts: collections.Counter[str], record: PveRecord) -> list[tuple[str, int]]:
    # Aantal PER-records ... Aantal KZD-records (PvE §17.5): one count per record type.
    return [(naam, counts[naam.split("_")[1].upper()]) for naam in record.namen()]


def _ctr_expected(counts: collections.Counter[str], codes: int, bekostigbaar: int) -> list[tuple[str, int]]:
    deelnames, diplomas = counts["OBO.ISG"], counts["OBO.DIP"]
    return [
        ("totaal_aantal_deelnames", deelnames),
        ("totaal_aantal_diplomas", diplomas),
        ("totaal_opleidingcodes", codes),
        ("totaal_generaal", codes + deelnames + bekostigbaar + diplomas),
        ("totaal_aantal_records_isp_en_dip_bekostigbaar", bekostigbaar),
    ]


def _closing_value(record: Any, name: str) -> Any:
    return record[name] if isinstance(record, PveRecord) else getattr(record, name)


def check_totals(records: Iterable[Record]) -> list[DocumentProblem]:
    r"""Compare the closing record (SLR or CTR) with the records themselves.

    A count that differs is a problem on the field of the closing record.
    For the CTR, ``totaal_opleidingcodes`` is the sum of the opleidingcodes of
    all ISP, BPV and DIP records, and ``totaal_generaal`` the sum of the other
    four totals (PvE §13.5.9); an opleidingcode that is not five digits (the
    PvE's AN5..5) is not added and is reported. The GRONDSLAG's SLR has one
    count per record type (PvE §17.5). A file without a closing record gives
    one problem.

    Examples:
        >>> [str(p) for p in check_totals(read("PER|111222333||2000-01-01|M\nSLR|2|0|0|0|0|0|0|0|0").records)]
        ['the file has 1, the record says 2 @ SLR.totaal_aantal_personen']
    """
    counts: collections.Counter[str] = collections.Counter()
    closing: list[Any] = []
    codes = 0
    bekostigbaar = 0
    problems: list[DocumentProblem] = []
    for record in f.arguments(records, Record, "records of a return file", "records"):
        soort = record.RECORDSOORT
        counts[soort] += 1
        if isinstance(record, OboIspRecord | OboBpvRecord | OboDipRecord | OboIsgRecord):
            counts[f"OBO.{soort}"] += 1
        if isinstance(record, SlrRecord | OboCtrRecord) or (isinstance(record, PveRecord) and soort == "SLR"):
            closing.append(record)
        if isinstance(record, OboIspRecord | OboBpvRecord | OboDipRecord):
            if _CODE.fullmatch(record.opleidingcode):
                codes += int(record.opleidingcode)
            else:
                problems.append(
                    DocumentProblem(
                        f"{soort}.opleidingcode", "not five digits (AN5..5): not added to the total"
                    )
                )
        if isinstance(record, OboIspRecord | OboDipRecord) and record.indicatie_bekostigbaar:
            bekostigbaar += 1
    if not closing:
        return [DocumentProblem("$", "the file has no closing record (SLR or CTR)")]
    for record in closing:
        if isinstance(record, SlrRecord):
            expected = [(name, counts[cls.RECORDSOORT]) for name, cls in _SLR_COUNTS]
        elif isinstance(record, PveRecord):
            expected = _grondslag_expected(counts, record)
        else:
            expected = _ctr_expected(counts, codes, bekostigbaar)
        soort = record.RECORDSOORT
        problems.extend(
            DocumentProblem(
                f"{soort}.{name}", f"the file has {actual}, the record says {_closing_value(record, name)}"
            )
            for name, actual in expected
            if _closing_value(record, name) != actual
        )
    return problems
