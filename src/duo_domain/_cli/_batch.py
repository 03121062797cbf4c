"""Many files at once for ``duo-domain validate`` and ``duo-domain uitslag`` (batch mode).

A command runs in batch mode when it is given more than one file, a
directory, a JSON Lines file (``.jsonl`` / ``.ndjson``) or ``--workers``.
Then:

* a directory stands for its ``.json``, ``.jsonl`` and ``.ndjson`` files
  (not its subdirectories), in name order; ``-`` is JSON Lines on stdin;
* every line of a JSON Lines file is one item (origin ``file:line``), every
  element of a JSON array one item (``file[i]``), any other JSON file one
  item (``file``); files are read one after another, lines as they are needed;
* stdout gets one JSON object per item, in input order (JSON Lines: index,
  origin, readable, findings and, for ``uitslag``, the result); or, with
  ``--out FILE``, that file: JSON Lines, or Parquet (``--to parquet`` or a
  ``.parquet`` suffix; the ``parquet`` extra, pyarrow) with one row per item
  and the columns ``index``, ``origin``, ``readable``, ``findings`` (a list of
  structs: rule, severity, path, message, business_key, source, values) and
  ``result`` (the uitslag as JSON text), written in row groups as the items
  come, so memory stays flat;
* stderr gets a progress bar while it runs (on a terminal only) and a summary
  table at the end: items, unreadable items, findings per rule and severity,
  and the tally of uitslagen.

Exit codes: 0 when every item was read and none has a finding at error level;
1 when an item could not be read or (``validate``) has an error-level finding;
2 for a usage error or a file that cannot be opened.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from duo_domain._cli._common import EXIT_FINDINGS, EXIT_OK, CliError, date_option, is_dir, is_file
from duo_domain._cli._progress import progress

__all__ = ["OUTPUT_FORMATS", "add_arguments", "is_batch", "run_uitslag", "run_validate"]

#: The output formats of batch mode.
OUTPUT_FORMATS = ("jsonl", "parquet")
#: Rows per Parquet row group: what is held before it is written.
_ROW_GROUP = 1000

_JSONL = (".jsonl", ".ndjson")
_SUFFIXES = (".json", *_JSONL)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is below 1")
    return value


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The batch-mode arguments: more files, ``--workers``, ``--chunk-size``, ``--to`` and ``--out``."""
    p.add_argument("more_files", nargs="*", metavar="FILE", help="more files or directories (batch mode)")
    p.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="batch mode on N processes; output as JSON Lines, a summary on stderr",
    )
    p.add_argument("--chunk-size", type=_positive, default=500, metavar="N", help="items per task (500)")
    p.add_argument(
        "--to",
        choices=OUTPUT_FORMATS,
        help="batch output as JSON Lines or Parquet (by default from the --out suffix, else jsonl)",
    )
    p.add_argument(
        "--out",
        metavar="FILE",
        help="batch mode, its output to FILE instead of stdout (.parquet: Parquet, needs pyarrow)",
    )


def _names(args: argparse.Namespace) -> list[str]:
    return [args.file, *getattr(args, "more_files", ())]


def is_batch(args: argparse.Namespace) -> bool:
    """Whether the command line asks for batch mode."""
    names = _names(args)
    if len(names) > 1 or any(getattr(args, a, None) is not None for a in ("workers", "to", "out")):
        return True
    name = names[0]
    return name != "-" and (is_dir(name) or name.lower().endswith(_JSONL))


def _expand(names: list[str]) -> list[str]:
    """Every file to read, directories expanded; refuses what cannot be read before any work starts."""
    files: list[str] = []
    for name in names:
        path = Path(name)
        if name == "-":
            files.append(name)
        elif is_dir(name):
            found = sorted(str(p) for p in path.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES)
            if not found:
                raise CliError(f"{name}: no .json, .jsonl or .ndjson files in this directory")
            files.extend(found)
        elif is_file(name):
            files.append(name)
        else:
            raise CliError(f"{name}: no such file")
    return files


def _lines(name: str, stream: Any) -> Iterator[Any]:
    from duo_domain.batch import Located

    for number, line in enumerate(stream, start=1):
        text = line.rstrip(b"\r\n")
        if text.strip():
            yield Located(text, f"{name}:{number}")


def _whole(name: str, data: bytes) -> Iterator[Any]:
    """The items of a JSON file: an array's elements, one item each; any other file one item.

    The array is read through the shared reading layer (its limits, exact numbers, no NaN); an array
    that cannot be read is one item, reported unreadable.
    """
    from duo_domain.batch import Located
    from duo_domain.errors import DuoDomainError
    from duo_domain.serialize.reading import parse_json

    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        try:
            items = parse_json(data)
        except DuoDomainError:
            yield Located(data, name)  # judged, and reported, as one unreadable item
            return
        if isinstance(items, list):
            for i, item in enumerate(items):
                yield Located(item, f"{name}[{i}]")
            return
    yield Located(data, name)


def _items(files: list[str]) -> Iterator[Any]:
    """The items of every file, one file at a time; lines of JSON Lines files as they are read."""
    for name in files:
        try:
            if name == "-":
                yield from _lines("<stdin>", sys.stdin.buffer)
            elif name.lower().endswith(_JSONL):
                with open(name, "rb") as fh:
                    yield from _lines(name, fh)
            else:
                yield from _whole(name, Path(name).read_bytes())
        except OSError as exc:
            raise CliError(f"{name}: cannot be read ({exc.strerror})") from None


def _format(args: argparse.Namespace) -> str:
    chosen: str | None = getattr(args, "to", None)
    out: str | None = getattr(args, "out", None)
    if chosen is None:
        chosen = "parquet" if out is not None and out.lower().endswith(".parquet") else "jsonl"
    if chosen == "parquet" and out is None:
        raise CliError("--to parquet needs --out FILE")
    return chosen


class _JsonLines:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, outcome: Any) -> None:
        self.out.write(json.dumps(outcome.to_dict(), ensure_ascii=False, default=str))
        self.out.write("\n")

    def close(self) -> None:
        self.out.flush()


def _arrow() -> tuple[Any, Any]:
    try:
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise CliError("Parquet output needs pyarrow: pip install 'duo-domain[parquet]'") from None
    return pa, pq


def _schema(pa: Any) -> Any:
    finding = pa.struct(
        [
            ("rule", pa.string()),
            ("severity", pa.string()),
            ("path", pa.string()),
            ("message", pa.string()),
            ("business_key", pa.string()),
            ("source", pa.string()),
            ("values", pa.map_(pa.string(), pa.string())),
        ]
    )
    return pa.schema(
        [
            ("index", pa.int64()),
            ("origin", pa.string()),
            ("readable", pa.bool_()),
            ("findings", pa.list_(finding)),
            ("result", pa.string()),
        ]
    )


def _row(outcome: Any) -> dict[str, Any]:
    data = outcome.to_dict()
    findings = [
        {
            "rule": f["rule"],
            "severity": f["severity"],
            "path": f["path"],
            "message": f["message"],
            "business_key": f["business_key"],
            "source": f["source"],
            "values": [(str(k), str(v)) for k, v in f["values"].items()],
        }
        for f in data["findings"]
    ]
    result = data.get("result")
    return {
        "index": data["index"],
        "origin": data["origin"],
        "readable": data["readable"],
        "findings": findings,
        "result": None if result is None else json.dumps(result, ensure_ascii=False, default=str),
    }


class _Parquet:
    """Rows written in row groups of `_ROW_GROUP` as they come: memory stays flat."""

    def __init__(self, path: str) -> None:
        self.pa, pq = _arrow()
        self.schema = _schema(self.pa)
        self.rows: list[dict[str, Any]] = []
        try:
            self.writer = pq.ParquetWriter(path, self.schema)
        except OSError as exc:
            raise CliError(f"{path}: cannot be written ({exc})") from None

    def write(self, outcome: Any) -> None:
        self.rows.append(_row(outcome))
        if len(self.rows) >= _ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def _sink(args: argparse.Namespace, out: TextIO) -> tuple[Any, TextIO | None]:
    """Where the outcomes go, and the text file to close afterwards (if any)."""
    chosen, path = _format(args), getattr(args, "out", None)
    if chosen == "parquet" and path is not None:  # _format refuses parquet without a path
        return _Parquet(path), None
    if path is None:
        return _JsonLines(out), None
    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by _stream
    except OSError as exc:
        raise CliError(f"{path}: cannot be written ({exc.strerror})") from None
    return _JsonLines(handle), handle


def _stream(outcomes: Iterator[Any], out: TextIO, desc: str, args: argparse.Namespace) -> Any:
    from duo_domain.batch import Summary

    sink, handle = _sink(args, out)
    summary = Summary()
    err: TextIO = getattr(args, "_stderr", None) or sys.stderr  # the stream given to cli.main
    try:
        for outcome in progress(outcomes, desc=desc, unit="item", stream=err):
            summary.add(outcome)
            sink.write(outcome)
        sink.close()
    finally:
        if handle is not None:
            handle.close()
    err.write(summary.format() + "\n")
    return summary


def _peildatum(args: argparse.Namespace) -> dt.date | None:
    text = getattr(args, "peildatum", None)
    if not text:
        return None
    return date_option("--peildatum", text)


def run_validate(
    args: argparse.Namespace, out: TextIO, referentiedata: object | None = None, codes: Any = None
) -> int:
    """``duo-domain validate`` in batch mode (``referentiedata``, ``codes``: those of the options)."""
    from duo_domain.batch import validate_records

    peildatum = _peildatum(args)
    files = _expand(_names(args))
    outcomes = validate_records(
        _items(files),
        peildatum=peildatum,
        referentiedata=referentiedata,
        codes=codes,
        workers=args.workers or 1,
        chunk_size=args.chunk_size,
    )
    summary = _stream(outcomes, out, "validate", args)
    return EXIT_OK if summary.errors == 0 else EXIT_FINDINGS


def run_uitslag(args: argparse.Namespace, out: TextIO, codes: Any = None) -> int:
    """``duo-domain uitslag`` in batch mode (``codes``: the tables of ``--codetabellen``)."""
    from duo_domain.batch import compute_uitslagen

    files = _expand(_names(args))
    outcomes = compute_uitslagen(
        _items(files), workers=args.workers or 1, chunk_size=args.chunk_size, codes=codes
    )
    summary = _stream(outcomes, out, "uitslag", args)
    return EXIT_OK if summary.unreadable == 0 else EXIT_FINDINGS
