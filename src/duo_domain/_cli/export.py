"""``duo-domain export FILE --to jsonl|csv|parquet --out DIR``: a return file as one table per record type.

Any of DUO's return files (RO, OBO, difference list, GRONDSLAG IP MBO, TBG-i)
is read and written as one table per record type — ``DIR/ISP.csv``,
``DIR/Teldatum.parquet`` — with the columns of the PvE layout table, so that
an analyst can open it in Polars, DuckDB or a spreadsheet. Columns are typed:
dates as dates (ISO text in CSV), grades and amounts as exact decimals (text
in CSV and JSON), J/N and 1/0 as booleans, counts as integers. The TBG-i's
nested groups become tables of their own with a ``parent`` column: the row
number (from 0) of the enrolment, teldatum or signal they belong to.

BSNs and onderwijsnummers are masked unless ``--unmasked`` is given. The file
is read in blocks, not whole; on a terminal, a progress bar of the MiB read
shows on stderr (the ``cli`` extra). Parquet
needs the ``parquet`` extra (``pip install duo-domain[parquet]``, pyarrow).
Exit codes: 0 when the file was read without problems, 1 when lines or
elements were left out (each problem is printed after the tables), 2 with
one line on stderr when the file cannot be read or written.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib
import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

import attrs

from duo_domain._cli._common import EXIT_FINDINGS, EXIT_OK, CliError, Command
from duo_domain._cli._stream import blocks, opened
from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.identity import Bsn, Onderwijsnummer
from duo_domain.identity.student import OnvolledigeDatum
from duo_domain.serialize import returnfile

FORMATS = ("jsonl", "csv", "parquet")

#: A table: its column names and its rows.
Table = tuple[list[str], list[list[Any]]]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", metavar="FILE", help="a return file of DUO (RO, OBO, OBOV, GRONDSLAG or TBG-i XML)"
    )
    p.add_argument("--to", required=True, choices=FORMATS, help="the table format")
    p.add_argument(
        "--out", required=True, metavar="DIR", help="the directory for the tables (created if need be)"
    )
    p.add_argument("--unmasked", action="store_true", help="write BSNs and onderwijsnummers in full")


def _cell(value: Any, unmasked: bool) -> Any:
    """A value as a table cell: dates, Decimals, bools and ints stay typed; person numbers are masked."""
    if isinstance(value, Bsn | Onderwijsnummer | returnfile.OngeldigNummer):
        return value.unmasked() if unmasked else value.masked
    if isinstance(value, OnvolledigeDatum):
        return f"{value.jaar:04d}-{value.maand or 0:02d}-{value.dag or 0:02d}"
    if isinstance(value, returnfile.Leeggemaakt):
        return value.value
    return value


def _delimited_tables(rf: returnfile.ReturnFile, unmasked: bool) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for record in rf.records:
        if isinstance(record, returnfile.PveRecord):
            names, values = list(record.namen()), list(record.waarden)
            if record.extra:
                names, values = [*names, "extra"], [*values, "|".join(record.extra)]
        else:
            layout = returnfile.layout(type(record), record.opmaak.variant)
            names, values = [v.naam for v in layout], [getattr(record, v.naam) for v in layout]
        table = tables.setdefault(record.RECORDSOORT, (names, []))
        if len(names) > len(table[0]):  # a record with extra fields widens its table
            table[0][:] = names
        table[1].append([_cell(v, unmasked) for v in values])
    return tables


def _tbgi_tables(tbgi: returnfile.Tbgi, unmasked: bool) -> dict[str, Table]:
    tables: dict[str, Table] = {}

    def add(name: str, obj: Any, parent: int | None) -> None:
        fields = attrs.fields(type(obj))
        scalars = [f.name for f in fields if f.name != "line" and not isinstance(getattr(obj, f.name), tuple)]
        columns = (["parent"] if parent is not None else []) + scalars
        table = tables.setdefault(name, (columns, []))
        row = ([parent] if parent is not None else []) + [_cell(getattr(obj, n), unmasked) for n in scalars]
        index = len(table[1])
        table[1].append(row)
        for f in fields:
            value = getattr(obj, f.name)
            if isinstance(value, tuple):
                for child in value:
                    add(_GROUPS[type(child)], child, index)

    for inschrijving in tbgi.inschrijvingen:
        add("Inschrijving", inschrijving, None)
    for diploma in tbgi.diplomas:
        add("Diploma", diploma, None)
    return tables


_GROUPS: dict[type, str] = {
    returnfile.TbgiTeldatum: "Teldatum",
    returnfile.TbgiBpv: "BekostigingsrelevanteBPV",
    returnfile.TbgiSignaal: "Signaal",
    returnfile.TbgiParameter: "Parameter",
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _json(value: Any) -> Any:
    if isinstance(value, dt.date | Decimal):
        return str(value)
    return value


def _write_csv(path: Path, table: Table) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(table[0])
        writer.writerows([_text(v) for v in row] + [""] * (len(table[0]) - len(row)) for row in table[1])


def _write_jsonl(path: Path, table: Table) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in table[1]:
            out.write(
                json.dumps(dict(zip(table[0], (_json(v) for v in row), strict=False)), ensure_ascii=False)
            )
            out.write("\n")


def _arrow_type(pa: Any, values: Iterable[Any]) -> Any:
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return pa.bool_()
    if kinds == {int}:
        return pa.int64()
    if kinds == {dt.date}:
        return pa.date32()
    if kinds == {Decimal}:
        return pa.decimal128(38, 10)
    return pa.string()


def _write_parquet(path: Path, table: Table) -> None:
    try:
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise CliError("--to parquet needs pyarrow: pip install 'duo-domain[parquet]'") from None
    width = len(table[0])
    rows = [row + [None] * (width - len(row)) for row in table[1]]
    arrays = []
    for i in range(width):
        column = [row[i] for row in rows]
        kind = _arrow_type(pa, column)
        if kind == pa.string():
            column = [None if v is None else _text(v) for v in column]
        arrays.append(pa.array(column, type=kind))
    pq.write_table(pa.table(arrays, names=table[0]), path)


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}


def _read(name: str, unmasked: bool) -> tuple[dict[str, Table], tuple[DocumentProblem, ...]]:
    with opened(name) as (handle, xml):
        try:
            if xml:
                tbgi = returnfile.read_tbgi(handle)
                return _tbgi_tables(tbgi, unmasked), tbgi.problems
            rf = returnfile.read(blocks(handle, desc=f"reading {name}"), check_numbers=False)
        except InvalidDocument as exc:
            raise CliError(f"{name}: {exc}") from None
    return _delimited_tables(rf, unmasked), rf.problems


def _run(args: argparse.Namespace, out: TextIO) -> int:
    tables, problems = _read(args.file, args.unmasked)
    directory = Path(args.out)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, table in tables.items():
            path = directory / f"{name}.{args.to}"
            _WRITERS[args.to](path, table)
            out.write(f"{path}: {len(table[1])} rows\n")
    except OSError as exc:
        raise CliError(f"{directory}: cannot be written ({exc.strerror})") from None
    except ValueError:  # a NUL in the name
        raise CliError(f"{args.out!r}: not a directory name") from None
    for problem in problems:
        out.write(f"{args.file}: {problem}\n")
    return EXIT_FINDINGS if problems else EXIT_OK


COMMAND = Command(
    "export",
    "write a DUO return file as one table per record type (JSON lines, CSV or Parquet)",
    _configure,
    _run,
)
