"""``duo-domain validate FILE``: check MBO student records against the rule catalogue.

The file holds one MBO student record (a JSON object) or a list of them (a
JSON array); ``-`` reads standard input. Exit codes: 0 when no finding
reaches error level, 1 when one does, 2 when the file cannot be read as such
a document (the message names the path of the first structural problem).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TextIO

from duo_domain._cli._common import EXIT_FINDINGS, EXIT_OK, CliError, Command, print_json, read_bytes
from duo_domain.errors import InvalidDocument


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", metavar="FILE", help="JSON file with an MBO student record or a list of them (- for stdin)"
    )
    p.add_argument("--json", action="store_true", help='print {"findings": [...]} as JSON')
    p.add_argument("--peildatum", metavar="YYYY-MM-DD", help="apply only the rules in force on this date")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from duo_domain.rules import validate
    from duo_domain.serialize.json import loads_mbo

    peildatum = None
    if args.peildatum:
        try:
            peildatum = dt.date.fromisoformat(args.peildatum)
        except ValueError:
            raise CliError(f"--peildatum: {args.peildatum!r} is not a date (YYYY-MM-DD)") from None
    data = read_bytes(args.file)
    try:
        records = loads_mbo(data)
    except InvalidDocument as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        raise CliError(
            f"{args.file}: not an MBO student record: {first.message} @ {first.path}{more}"
        ) from None
    report = validate(records, peildatum=peildatum)
    if args.json:
        print_json({"findings": [f.to_dict() for f in report]}, out)
    else:
        for finding in report:
            out.write(f"{finding}\n")
        n = len(records) if isinstance(records, list) else 1
        errors = len(report.errors)
        out.write(
            f"{n} record{'s' if n != 1 else ''}: {len(report)} finding{'s' if len(report) != 1 else ''}"
            f", {errors} at error level\n"
        )
    return EXIT_OK if report.ok else EXIT_FINDINGS


COMMAND = Command("validate", "check MBO student records (JSON) against the rule catalogue", _configure, _run)
