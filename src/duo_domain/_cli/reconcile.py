"""``duo-domain reconcile OWN DUO_FILE``: own records against DUO's registratieoverzicht.

Prints every difference and a summary line (or, with ``--json``, the
reconciliation as JSON). ``--only AREA`` (repeatable: ``inschrijvingen``,
``bpv``, ``diplomas``) chooses what to compare; by default the enrolments and
BPV agreements, and the diplomas when the own records include at least one.
Exit codes: 0 when nothing differs, 1 when something does, 2 with one line
on stderr when either file cannot be read.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from duo_domain._cli._common import EXIT_FINDINGS, EXIT_OK, CliError, Command, print_json, read_bytes
from duo_domain.errors import InvalidDocument

# ``duo_domain.reconcile`` holds only the area names; the comparison itself
# (with the MBO domain and the return-file reader) is imported when the command runs.
from duo_domain.reconcile import AREAS


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("own", metavar="OWN", help="the own records: a JSON document of MBO student records")
    p.add_argument("duo_file", metavar="DUO_FILE", help="DUO's registratieoverzicht (RO_*.csv)")
    p.add_argument("--json", action="store_true", help="print the differences as JSON")
    p.add_argument(
        "--ignore",
        metavar="ENTITY.FIELD",
        action="append",
        default=[],
        help="a field not to compare, e.g. periode.niveau (repeatable)",
    )
    p.add_argument(
        "--only",
        metavar="AREA",
        action="append",
        choices=list(AREAS),
        help=f"compare only this area: {', '.join(AREAS)} (repeatable; by default the "
        "enrolments and BPV agreements, and the diplomas when the own records include one)",
    )


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from duo_domain.reconcile.mbo import reconcile
    from duo_domain.serialize import returnfile
    from duo_domain.serialize.json import loads_mbo

    own_bytes = read_bytes(args.own)
    duo_bytes = read_bytes(args.duo_file)
    try:
        loaded = loads_mbo(own_bytes)
    except InvalidDocument as exc:
        raise CliError(f"{args.own}: {exc}") from None
    own = loaded if isinstance(loaded, list) else [loaded]
    try:
        duo = returnfile.read(duo_bytes, kind=("RO", "OBO"))
    except InvalidDocument as exc:
        raise CliError(f"{args.duo_file}: {exc}") from None
    result = reconcile(own, duo, ignore=args.ignore, compare=args.only)
    if args.json:
        data = result.to_dict()
        data["problemen_in_duo_bestand"] = [str(p) for p in duo.problems]
        print_json(data, out)
    else:
        for problem in duo.problems:
            out.write(f"{args.duo_file}: {problem}\n")
        for difference in result:
            out.write(f"[{difference.category.value}] {difference.message}\n")
        counts = ", ".join(f"{c.value} {len(ds)}" for c, ds in result.by_category().items())
        if not args.only and "diploma" not in result.compared:
            out.write("diplomas not compared: the own records include none (--only diplomas compares them)\n")
        out.write(f"{len(result)} difference{'s' if len(result) != 1 else ''} ({counts})\n")
    return EXIT_OK if result.ok else EXIT_FINDINGS


COMMAND = Command(
    "reconcile",
    "compare own MBO records (JSON) with DUO's registratieoverzicht and list the differences",
    _configure,
    _run,
)
